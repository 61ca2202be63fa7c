#!/usr/bin/env bash
# Builds the benchmark programs (Release, in their own tree) and runs every comparison side by
# side; the results table is printed and kept in $BUILD_DIR/bench-results.md.
#
#   bench/run.sh            the full run (about 2½ minutes)
#   bench/run.sh --quick    1 s per throughput run, 1 repetition: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets socketeer_bench_server loadgen c_epoll_echo

# The tutorial's server must run on Debian's interpreter, not whatever python3 is first in PATH.
exec /usr/bin/python3 "$here/compare.py" --build "$build" "$@"
