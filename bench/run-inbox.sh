#!/usr/bin/env bash
# The inbox benchmark (issue 5): builds socketeer (Release, in the benchmark tree), then has
# `socketeer inbox` and aiosmtpd-storing-files receive the same mail side by side
# (bench/inbox_bench.py): many small messages over 50 connections at once, and one large one.
#
#   bench/run-inbox.sh            3 runs each (a few minutes)
#   bench/run-inbox.sh --quick    fewer and smaller: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets socketeer

options=()
if [[ "${1:-}" == "--quick" ]]; then
  options=(--connections 5 --messages 5 --size-mb 8 --runs 1)
fi
# Debian's interpreter: aiosmtpd is a Debian package.
exec /usr/bin/python3 "$here/inbox_bench.py" --socketeer "$build/app/socketeer" "${options[@]}"
