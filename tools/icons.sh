#!/bin/sh
# icons.sh: renders assets/samenspel.svg to the PNG sizes of the freedesktop icon theme (assets/icons/hicolor/NxN/apps/samenspel.png); run after changing the SVG and commit the PNGs.
set -eu
cd "$(dirname "$0")/.."
command -v rsvg-convert > /dev/null 2>&1 || { echo "icons.sh: needs rsvg-convert (apt-get install librsvg2-bin)" >&2; exit 3; }
for n in 16 24 32 48 64 128 256 512; do
    mkdir -p "assets/icons/hicolor/${n}x$n/apps"
    rsvg-convert -w "$n" -h "$n" assets/samenspel.svg -o "assets/icons/hicolor/${n}x$n/apps/samenspel.png"
done
mkdir -p assets/icons/hicolor/scalable/apps
cp assets/samenspel.svg assets/icons/hicolor/scalable/apps/samenspel.svg
echo "icons.sh: assets/icons/hicolor/ written"
