#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the sources (Qt's lupdate). Run it after changing
# user-visible strings, then translate the new entries in socketeer_zh_CN.ts (Qt Linguist:
# /usr/lib/qt6/bin/linguist). socketeer_en.ts holds only plural forms ("%n client(s)" → "1 client",
# "2 clients"), which English needs too.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
sources=(core ui app)
"$lupdate" -locations relative -no-obsolete "${sources[@]}" -ts resources/translations/socketeer_zh_CN.ts
"$lupdate" -locations none -no-obsolete -pluralonly "${sources[@]}" -ts resources/translations/socketeer_en.ts
