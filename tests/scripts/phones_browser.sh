#!/bin/sh
# phones_browser.sh: a group play with --phones on a trainer's extended desktop (tests/scripts/lib/xvfb.sh), driven by three headless Chromium phones (phones_browser.py): join, red flags, vote, change of vote; the presenter's tally, the wall's heat list and the reveals checked in screenshots.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Loopback only; bounded to 240 s; every process it starts is ended.
set -u
for tool in python3 xdotool xdpyinfo xwininfo import convert chromium; do
    command -v "$tool" >/dev/null 2>&1 || { echo "phones_browser: $tool is not installed (sh tools/deps.sh test)"; exit 1; }
done
export LC_ALL=C.UTF-8
. "$(dirname "$0")/lib/xvfb.sh"
missing=$(xvfb_two_missing)
[ -z "$missing" ] || { echo "phones_browser: $missing"; exit 1; }
# A trainer's extended desktop: the presenter on the laptop, the wall on the projector.
xvfb_two 1600x900 1920x1080 || { echo "phones_browser: FAIL: $xvfb_error"; exit 1; }
PHONES_WALL="$xvfb_projector" timeout -k 10 240 python3 "$(dirname "$0")/phones_browser.py"
