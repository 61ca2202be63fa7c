#!/usr/bin/env bash
# The mail benchmark (issue 4): builds socketeer (Release, in the benchmark tree) and sends a
# 200 MiB attachment with it and with the tutorial's smtplib code to a local aiosmtpd and to a
# raw sink, printing time and peak RSS side by side (bench/mail_bench.py).
#
#   bench/run-mail.sh            200 MiB, 3 runs each (about 5 minutes, most of it aiosmtpd)
#   bench/run-mail.sh --quick    20 MiB, 1 run: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets socketeer

options=()
if [[ "${1:-}" == "--quick" ]]; then
  options=(--size-mb 20 --runs 1)
fi
# Debian's interpreter: aiosmtpd is a Debian package.
exec /usr/bin/python3 "$here/mail_bench.py" --socketeer "$build/app/socketeer" "${options[@]}"
