#!/bin/sh
# Regenerates every raster icon in this folder from cairn.svg and cairn-small.svg.
#
# Needs these Debian packages (the build does not; the outputs are committed):
#   apt-get install -y --no-install-recommends librsvg2-bin imagemagick icnsutils
#   librsvg2-bin -> rsvg-convert   imagemagick -> convert, montage   icnsutils -> png2icns
#
# Usage: ./render.sh [SHEET.png]
#   With an argument, also writes a contact sheet of all sizes on light and dark backgrounds.
set -eu
cd "$(dirname "$0")"

for tool in rsvg-convert convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render.sh: $tool not found (see the packages above)" >&2; exit 1; }
done

# At 16 px the four-stone drawing blurs into a cone; the simplified variant keeps its seams.
rsvg-convert -w 16 -h 16 cairn-small.svg -o cairn-16.png
for size in 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" cairn.svg -o "cairn-$size.png"
done

# Windows picks from 16, 32, 48, 64 and 256 (its largest); png2icns has no 64 px slot.
convert cairn-16.png cairn-32.png cairn-48.png cairn-64.png cairn-256.png cairn.ico
png2icns cairn.icns cairn-16.png cairn-32.png cairn-48.png cairn-128.png cairn-256.png cairn-512.png >/dev/null

if [ $# -ge 1 ]; then
    small="cairn-16.png cairn-32.png cairn-48.png cairn-64.png cairn-128.png"
    tmp=$(mktemp -d)
    montage -background '#F2F2F2' $small -geometry +12+12 -gravity center -tile x1 "$tmp/light.png"
    montage -background '#1E1E1E' $small -geometry +12+12 -gravity center -tile x1 "$tmp/dark.png"
    convert "$tmp/light.png" "$tmp/dark.png" -append "$1"
    rm -r "$tmp"
fi
