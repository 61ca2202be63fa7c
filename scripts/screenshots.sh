#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/screenshots/*.png) from the real window: a server
# with two clients chatting through it, a UDP exchange, the socket-call timeline and the
# compose-mail window, and that mail in the local inbox and on the timeline, in English and in
# Chinese, and in English in the dark appearance. Runs under a virtual X display (xvfb-run) so
# fonts render as on a desktop. BUILD_DIR picks the build tree (default build/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
build="${BUILD_DIR:-build}"
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" -j "$(nproc)" --target socketeer_screenshots
mkdir -p docs/screenshots
# Inside the private two-host network of scripts/netns-run, so the chat scene's room is announced
# and found (on its veth, never on a real interface); without it that list is simply empty.
net=scripts/netns-run
scripts/netns-run true 2>/dev/null || net=env
for language in en zh_CN; do
  $net xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/socketeer_screenshots" docs/screenshots "$language"
done
# The dark appearance (View → Appearance → Dark), in English: *_dark.png.
xvfb-run -a -s "-screen 0 1400x900x24" "$build/app/socketeer_screenshots" docs/screenshots en dark
# At 200 % (QT_SCALE_FACTOR=2), in English: two of the shots are kept, *_2x.png, to show that the
# text, the icons and the timeline are drawn at the screen's resolution, not enlarged.
doubled="$(mktemp -d)"
trap 'rm -rf "$doubled"' EXIT
QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 2800x1800x24" "$build/app/socketeer_screenshots" "$doubled" en
cp "$doubled/timeline_2x.png" "$doubled/compose_2x.png" docs/screenshots/
