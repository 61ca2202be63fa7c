#!/usr/bin/env bash
# The timeline at scale (issue 12): builds bench/timelinebench (Release, in its own tree) and runs
# it three times on the offscreen platform with 100,000 calls, printing every RESULT line and then
# the medians. Goals: the file opens (parsed, shown, first paint) in under a second; no scroll or
# step takes over 50 ms. Figures go into docs/PERFORMANCE.md by hand, with this command.
#
#   bench/run-timeline.sh [CALLS]
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets timelinebench

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
calls="${1:-100000}"
results=$(mktemp)
for i in 1 2 3; do
  "$build/bench/timelinebench" "$calls" | tee -a "$results"
done
echo
echo "Medians of 3 runs:"
/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
runs = [dict(item.split('=', 1) for item in line.split()[1:]) for line in open(sys.argv[1]) if line.startswith('RESULT ')]
keys = [k for k in runs[0] if k != 'mode']
print('timeline', ' '.join('%s=%g' % (k, statistics.median(float(r[k]) for r in runs)) for k in keys))
PY
rm -f "$results"
