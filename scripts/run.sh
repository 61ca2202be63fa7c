#!/usr/bin/env bash
# Installs what is missing (Debian packages), builds Socketeer and starts it. Arguments go to the
# program, so `scripts/run.sh serve --port 50007 --echo` runs the command line instead.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j "$(nproc)" --target socketeer

# The desktop window needs a display; the subcommands (serve, connect, udp, …) do not.
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  cat >&2 <<'MSG'
There is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open.
  - On a desktop, run this from a terminal inside your graphical session.
  - On a headless machine, give it a virtual display:   xvfb-run -a scripts/run.sh
  - Or use the command line, which needs no display:   build/app/socketeer --help
MSG
  exit 1
fi
exec build/app/socketeer "$@"
