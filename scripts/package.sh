#!/usr/bin/env bash
# Builds the Debian package: a Release build in build-package/ (no tests, no benchmarks), then
# CPack (cmake/Packaging.cmake: dependencies from dpkg-shlibdeps), then lintian on the result.
# The package lands in build-package/socketeer_VERSION_ARCH.deb; install it with
#   sudo apt install ./build-package/socketeer_*.deb
# docs/PACKAGING.md explains what lintian still says and why.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build="$root/build-package"

scripts/install-deps.sh

export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$root")}" CCACHE_NOHASHDIR=1
# Debian's compiler and linker flags, with every hardening feature (fortified functions, stack
# protector, relro and bind-now), as a package built by dpkg-buildpackage gets them. CMake takes
# CFLAGS, CXXFLAGS and LDFLAGS from the environment when it first configures; CPPFLAGS it does not.
eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
export CFLAGS="$CFLAGS $CPPFLAGS" CXXFLAGS="$CXXFLAGS $CPPFLAGS"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
      -DSOCKETEER_BUILD_BENCH=OFF -DSOCKETEER_SANITIZE= >/dev/null
cmake --build "$build" -j "$(nproc)"
rm -f "$build"/socketeer_*.deb
(cd "$build" && cpack -G DEB)
deb=$(ls "$build"/socketeer_*.deb)

echo "=== $deb"
dpkg-deb --info "$deb"
echo "=== lintian"
# Errors fail the script; warnings and notes are printed (docs/PACKAGING.md says why each remains).
lintian --info --display-info --fail-on error "$deb"
echo "=== the menu entry and the metainfo"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
dpkg -x "$deb" "$scratch"
desktop-file-validate "$scratch/usr/share/applications/socketeer.desktop"
appstreamcli validate --no-net "$scratch/usr/share/metainfo/io.github.socketeer.Socketeer.metainfo.xml"
echo "Built $deb"
