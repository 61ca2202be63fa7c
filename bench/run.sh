#!/usr/bin/env bash
# Builds the benchmark programs (Release, in their own tree) and runs every comparison side by
# side; the results table is printed and kept in $BUILD_DIR/bench-results.md.
#
#   bench/run.sh            the full run (about 2½ minutes)
#   bench/run.sh --quick    1 s per throughput run, 1 repetition: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${BUILD_DIR:-$root/build-bench}"

generator=()
if [[ ! -f "$build/CMakeCache.txt" ]] && command -v ninja >/dev/null; then
  generator=(-G Ninja)
fi
cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DSOCKETEER_BUILD_BENCH=ON >/dev/null
cmake --build "$build" -j "${JOBS:-2}" --target socketeer_bench_server loadgen c_epoll_echo >&2

# The tutorial's server must run on Debian's interpreter, not whatever python3 is first in PATH.
exec /usr/bin/python3 "$here/compare.py" --build "$build" "$@"
