#!/usr/bin/env bash
# Installs what is missing (Debian packages), builds and runs the whole test suite three times:
# a normal build with warnings as errors, then under AddressSanitizer+UndefinedBehaviorSanitizer,
# then under ThreadSanitizer, then each libFuzzer target for 20 s (clang). This is the command CI runs.
#   scripts/test.sh            all three builds
#   scripts/test.sh normal     only one of them (normal | asan | tsan | fuzz), for a quicker loop
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

scripts/install-deps.sh

jobs=$(nproc)
export QT_QPA_PLATFORM=offscreen
# One ccache for every checkout of this machine (CI clones elsewhere than the developer's tree):
# paths under the parent folder are hashed relative, and the working directory is not hashed.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$(dirname "$root")}" CCACHE_NOHASHDIR=1


export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$root/tests/sanitizers/lsan.supp:print_suppressions=0"
# die_after_fork=0: QProcess forks (then execs at once) to start the peers the tests talk to.
# ignore_noninstrumented_modules=1: see tests/sanitizers/tsan.supp.
export TSAN_OPTIONS="suppressions=$root/tests/sanitizers/tsan.supp:halt_on_error=1:second_deadlock_stack=1:die_after_fork=0:ignore_noninstrumented_modules=1:print_suppressions=0"

run_build() {
  local name=$1 sanitize=$2
  local dir="$root/build-ci-$name"
  echo "=== $name build ==="
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSOCKETEER_WERROR=ON \
        -DSOCKETEER_SANITIZE="$sanitize" -DSOCKETEER_BUILD_BENCH="$([ "$name" = normal ] && echo ON || echo OFF)" >/dev/null
  cmake --build "$dir" -j "$jobs"
  echo "=== $name tests ==="
  (cd "$dir" && ctest --output-on-failure -j "$jobs" --timeout 300)
}

case "${1:-all}" in
  normal) run_build normal "" ;;
  asan)   run_build asan "address,undefined" ;;
  tsan)   run_build tsan "thread" ;;
  fuzz)   echo "=== fuzz (20 s per target) ==="; scripts/fuzz.sh --ci ;;
  all)
    run_build normal ""
    run_build asan "address,undefined"
    run_build tsan "thread"
    echo "=== fuzz (20 s per target) ==="
    scripts/fuzz.sh --ci
    ;;
  *) echo "usage: scripts/test.sh [all|normal|asan|tsan|fuzz]" >&2; exit 2 ;;
esac
