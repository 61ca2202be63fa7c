#!/usr/bin/env bash
# Renders the application icon's PNG sizes from drawing primitives (ImageMagick, no SVG delegate
# needed) into resources/icons/. resources/icons/socketeer.svg is the same picture for desktops
# that take scalable icons. Run after changing the picture; the PNGs are committed.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
convert -size 256x256 xc:none \
  -fill '#1552c0' -draw 'roundrectangle 8,8 247,247 48,48' \
  -fill white -draw 'circle 64,128 100,128' -draw 'circle 192,128 228,128' \
  -fill '#0b3d91' -draw 'roundrectangle 50,112 58,144 4,4' -draw 'roundrectangle 70,112 78,144 4,4' \
                  -draw 'roundrectangle 178,112 186,144 4,4' -draw 'roundrectangle 198,112 206,144 4,4' \
  -stroke '#ffd33d' -strokewidth 12 -draw 'line 104,92 150,92' -stroke none -fill '#ffd33d' -draw 'polygon 146,76 166,92 146,108' \
  -stroke '#7ee787' -strokewidth 12 -draw 'line 152,164 106,164' -stroke none -fill '#7ee787' -draw 'polygon 110,148 90,164 110,180' \
  socketeer-256.png
for size in 16 32 48 64 128; do
  convert socketeer-256.png -resize "${size}x${size}" "socketeer-$size.png"
done
