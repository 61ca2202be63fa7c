# The Debian package (scripts/package.sh; tst_clipackage packages a build tree the same way):
# CPack's DEB generator over the install rules of app/CMakeLists.txt, dependencies computed by
# dpkg-shlibdeps from the binary, never written by hand. docs/PACKAGING.md explains the choices.
include(GNUInstallDirs)

set(SOCKETEER_HOMEPAGE "https://github.com/socketeer/socketeer" CACHE STRING
    "The project's web address, written into the package and the AppStream metainfo")
set(SOCKETEER_SCREENSHOTS "https://raw.githubusercontent.com/socketeer/socketeer/main/docs/screenshots" CACHE STRING
    "Where the AppStream metainfo's screenshots (docs/screenshots) are served from")
set(SOCKETEER_MAINTAINER "Socketeer developers <socketeer@users.noreply.github.com>" CACHE STRING
    "The package's Maintainer field")

# What Debian wants beside every package: the copyright file and the changelog (native package:
# changelog.gz, in the Debian changelog format), both compressed without a time stamp.
set(deb_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/socketeer)
# (string(TIMESTAMP) takes SOURCE_DATE_EPOCH when it is set, for a reproducible package.)
string(TIMESTAMP changelog_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${PROJECT_SOURCE_DIR}/resources/debian/changelog.in ${CMAKE_BINARY_DIR}/debian/changelog @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/debian/changelog.gz
  COMMAND gzip -9nkf ${CMAKE_BINARY_DIR}/debian/changelog
  DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog VERBATIM)
add_custom_target(socketeer_debian_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog.gz)
install(FILES ${PROJECT_SOURCE_DIR}/resources/debian/copyright ${CMAKE_BINARY_DIR}/debian/changelog.gz
        DESTINATION ${deb_doc_dir})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME socketeer)
set(CPACK_PACKAGE_VENDOR "The Socketeer developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "${SOCKETEER_MAINTAINER}")
set(CPACK_PACKAGE_HOMEPAGE_URL "${SOCKETEER_HOMEPAGE}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "socket chat, mail and network debugging tool for teaching")
# Lines of at most 79 characters (lintian), a "." line between paragraphs.
set(CPACK_PACKAGE_DESCRIPTION
    "Socketeer chats over TCP and UDP sockets and sends mail, for teachers and
students learning socket programming and for developers poking at network
services and devices.
.
A window holds a TCP server in two concurrency models, TCP clients, UDP, a
relay and a local mail inbox, with TLS, a timeline of every socket call, check
values and message framing for device protocols, and the equivalent Python or
C program for what a panel does. The same executable runs headless as a
command line: serve, connect, udp, mail, inbox, code, lab and relay. English
and Simplified Chinese.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${SOCKETEER_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${SOCKETEER_HOMEPAGE}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt's own dialogs in Chinese; fonts for Chinese text; what the generated programs are built with.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "fonts-noto-cjk, gcc, python3, xvfb")
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
include(CPack)
