#!/usr/bin/env bash
# Installs, from Debian 12's archive only, whatever Socketeer needs to build, test and run.
# Safe to run again: it asks apt only for packages that are missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache pkg-config
  # clang and libFuzzer (scripts/fuzz.sh)
  clang libclang-rt-14-dev   # the runtimes (libFuzzer, ASan) are only recommended by clang: named here
  # Qt 6.4 (Core, Network, Widgets, Test, LinguistTools) and its platform plugins (offscreen, xcb)
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins qt6-translations-l10n libgl-dev
  # MIME; TLS (Qt's OpenSSL backend loads libssl at run time; the tests make certificates with
  # the openssl command; the system trust store verifies servers)
  libgmime-3.0-dev libssl3 openssl ca-certificates
  # the engines' TLS and the development certificate use OpenSSL directly (core/tls)
  libssl-dev
  # peers the tests talk to
  python3 python3-aiosmtpd swaks socat netcat-openbsd
  # swaks --tls (STARTTLS to the inbox) needs Perl's TLS, which swaks only recommends
  libnet-ssleay-perl libio-socket-ssl-perl
  # curl's SMTP client (STARTTLS with --ssl-reqd, implicit TLS with smtps://) against the inbox
  curl
  # the private two-host test network of scripts/netns-run (ip; unshare, nsenter, setpriv)
  iproute2 util-linux
  # a display for the desktop app where there is none, and screenshots
  xvfb xauth imagemagick fonts-noto-cjk
  # packaging (scripts/package.sh, tst_package): the .deb and its checks, the man page, completion
  dpkg-dev fakeroot file lintian desktop-file-utils appstream groff-base man-db bash-completion zsh
  # scripts/fresh-install.sh: a new Debian 12 root to install the package into
  debootstrap
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing from Debian: ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
