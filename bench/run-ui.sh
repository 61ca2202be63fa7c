#!/usr/bin/env bash
# The panels' flood benchmark (issue 3): builds bench/uiflood (Release, in its own tree) and runs
# each scenario three times on the offscreen platform, printing every RESULT line and then the
# medians. Figures go into docs/PERFORMANCE.md by hand, with this command.
#
#   bench/run-ui.sh            1 GiB client flood, 100 clients x 10 MiB, UDP every 4 ms, 500k-datagram UDP flood
#   bench/run-ui.sh --quick    small sizes, one repetition: checks the plumbing, not figures
#
# Environment: BUILD_DIR (default build-bench), JOBS (default 2).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/build.sh"
build_bench_targets uiflood

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
runs=3
client_bytes=$((1024 * 1024 * 1024))
server_clients=100 server_bytes=$((10 * 1024 * 1024))
paced_count=2500 paced_ms=4
flood_count=500000
if [[ "${1:-}" == "--quick" ]]; then
  runs=1 client_bytes=$((64 * 1024 * 1024)) server_bytes=$((256 * 1024)) paced_count=100 flood_count=50000
fi

results=$(mktemp)
for ((i = 1; i <= runs; i++)); do
  "$build/bench/uiflood" client "$client_bytes" | tee -a "$results"
  "$build/bench/uiflood" server "$server_clients" "$server_bytes" | tee -a "$results"
  "$build/bench/uiflood" udp-paced "$paced_count" "$paced_ms" | tee -a "$results"
  "$build/bench/uiflood" udp-flood "$flood_count" | tee -a "$results"
done

echo
echo "Medians of $runs run(s):"
/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    if not line.startswith('RESULT '):
        continue
    fields = dict(item.split('=', 1) for item in line.split()[1:])
    rows.setdefault(fields.pop('mode'), []).append(fields)
for mode, runs in rows.items():
    keys = runs[0].keys()
    def median(key):
        try:
            return '%g' % statistics.median(float(r[key]) for r in runs)
        except ValueError:
            return runs[0][key]
    print('%-17s' % mode, ' '.join('%s=%s' % (k, median(k)) for k in keys))
PY
rm -f "$results"
