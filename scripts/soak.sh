#!/usr/bin/env bash
# The soak: socketeer's servers (both models), UDP engine and inbox under churn on loopback for
# MINUTES (default 1), with socket faults injected (SOCKETEER_FAULTS); fails if descriptors,
# threads or memory grow, a stored message is half a message, or an announced one is missing.
# What it runs and checks: scripts/soak/soak.py.
#   scripts/soak.sh [MINUTES]           the socketeer of build-ci-normal, or $SOCKETEER
#   SOAK_FAULTS=eintr-every=7 scripts/soak.sh 30    other faults ("" for none)
#   SOAK_KEEP=1 scripts/soak.sh         keep the inbox folders and logs even when it passes
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-1}
socketeer=${SOCKETEER:-$root/build-ci-normal/app/socketeer}
[ -x "$socketeer" ] || { echo "soak: no socketeer at $socketeer (build it, or set SOCKETEER)" >&2; exit 1; }
args=(--socketeer "$socketeer" --minutes "$minutes")
[ -z "${SOAK_FAULTS+set}" ] || args+=(--faults "$SOAK_FAULTS")
[ -z "${SOAK_KEEP:-}" ] || args+=(--keep)
exec /usr/bin/python3 -u "$root/scripts/soak/soak.py" "${args[@]}"
