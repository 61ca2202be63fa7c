#!/usr/bin/env bash
# The inbox at scale (issue 9, finding 11): builds bench/inboxscale (Release, in the benchmark
# tree), writes stores of 20,000 and 100,000 messages, and opens the real window on each twice:
# first as a store of the previous version (no summary file: every message is read and parsed),
# then as a restart (the summary file the first run wrote). Prints the RESULT lines.
#
#   bench/run-inbox-scale.sh                 20,000 and 100,000 messages
#   bench/run-inbox-scale.sh 5000            other sizes
#   bench/run-inbox-scale.sh --quick         2,000 only: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2), SCALE_DIR (default a temporary
# folder, removed at the end).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets inboxscale

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
sizes=(20000 100000)
if [[ "${1:-}" == "--quick" ]]; then
  sizes=(2000)
elif [[ $# -gt 0 ]]; then
  sizes=("$@")
fi

work="${SCALE_DIR:-$(mktemp -d)}"
trap '[[ -z "${SCALE_DIR:-}" ]] && rm -rf "$work"' EXIT
for n in "${sizes[@]}"; do
  store="$work/inbox-$n"
  rm -rf "$store"
  "$build/bench/inboxscale" generate "$store" "$n" >&2
  echo "== $n messages, first open (no summary file: all parsed)"
  "$build/bench/inboxscale" open "$store" 2>/dev/null | grep '^RESULT'
  echo "== $n messages, restart (from the summary file)"
  "$build/bench/inboxscale" open "$store" 2>/dev/null | grep '^RESULT'
  rm -rf "$store"
done
