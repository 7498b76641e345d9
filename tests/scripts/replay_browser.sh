#!/bin/sh
# replay_browser.sh: the exported HTML debrief opened in headless Chromium: the screenshot exists, is not empty and is not blank (a skip, exit 77, where Chromium is not installed).
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh.
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
REPO=${SAMENSPEL_DATA:-$(pwd)}
CHROMIUM=${CHROMIUM:-}
for c in "$CHROMIUM" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [ -n "$c" ] && [ -x "$c" ]; then CHROMIUM=$c; break; fi
    CHROMIUM=
done
if [ -z "$CHROMIUM" ]; then
    echo "replay_browser.sh: skipped: Chromium is not installed (apt-get install chromium to run this check)"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "replay_browser.sh: FAIL: $*"; exit 1; }

"$BIN" --lang nl export --case "$REPO/tests/data/replay/kruispunt.xml" "$REPO/tests/data/replay/plays/p1.xml" \
    --html "$work/p1.html" > /dev/null || fail "export failed"
HOME="$work" timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
    --screenshot="$work/p1.png" --window-size=1280,1800 "file://$work/p1.html" > "$work/chromium.log" 2>&1 \
    || { tail -5 "$work/chromium.log"; fail "chromium failed"; }
[ -s "$work/p1.png" ] || fail "no screenshot"
head -c 8 "$work/p1.png" | od -An -tx1 | grep -q '89 50 4e 47 0d 0a 1a 0a' || fail "the screenshot is not a PNG"

# Not blank: decode the PNG and count the colours and the pixels that are
# not the page background. Without Python, a blank page's PNG is tiny.
if command -v python3 > /dev/null 2>&1; then
    python3 - "$work/p1.png" <<'PY' || fail "the screenshot looks blank"
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
pos, idat, w = 8, b'', 0
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    if kind == b'IHDR':
        w, h, depth, ctype = struct.unpack('>IIBB', body[:10])
        bpp = {2: 3, 6: 4}[ctype]
    elif kind == b'IDAT':
        idat += body
    pos += 12 + n
raw = zlib.decompress(idat)
stride = w * bpp
prev = bytearray(stride)
colours, ink, i = set(), 0, 0
for y in range(h):
    f, line = raw[i], bytearray(raw[i + 1:i + 1 + stride])
    i += 1 + stride
    for x in range(stride):
        a = line[x - bpp] if x >= bpp else 0
        b, c = prev[x], prev[x - bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    prev = line
    if y % 7 == 0:
        for x in range(0, w, 3):
            px = tuple(line[x * bpp:x * bpp + 3])
            colours.add(px)
            ink += sum(px) < 600
print('colours', len(colours), 'dark samples', ink)
sys.exit(0 if len(colours) > 20 and ink > 500 else 1)
PY
else
    [ "$(wc -c < "$work/p1.png")" -gt 40000 ] || fail "the screenshot is suspiciously small (blank?)"
fi
echo "replay_browser.sh: ok"
