#!/usr/bin/env bash
# The TLS benchmark (issue 10): builds the benchmark programs (Release, in their own tree) and
# runs every TLS comparison side by side (bench/compare_tls.py); the table is printed and kept in
# $BUILD_DIR/bench-tls-results.md, every loadgen RESULT in $BUILD_DIR/bench-tls-raw.txt.
#
#   bench/run-tls.sh            the full run (about 5 minutes)
#   bench/run-tls.sh --quick    1 s runs, 1 repetition: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2). Run as root, it raises its own
# priority (nice -n -10) so that other work on a shared machine disturbs the figures less.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets socketeer_bench_server loadgen c_tls_echo

priority=()
if nice -n -10 true 2>/dev/null; then
  priority=(nice -n -10)
fi
# The Python server must run on Debian's interpreter, not whatever python3 is first in PATH.
exec "${priority[@]}" /usr/bin/python3 "$here/compare_tls.py" --build "$build" "$@"
