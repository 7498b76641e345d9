#!/bin/sh
# phones_browser.sh: a group play with --phones in the real window under Xvfb, driven by three headless Chromium phones (phones_browser.py): join, red flags, vote, change of vote; the presenter's tally, the wall's heat list and the reveals checked in screenshots.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Loopback only; bounded to 240 s; every process it starts is ended.
set -u
for tool in python3 Xvfb xdotool import convert chromium; do
    command -v "$tool" >/dev/null 2>&1 || { echo "phones_browser: $tool is not installed (sh tools/deps.sh test)"; exit 1; }
done
export LC_ALL=C.UTF-8
timeout -k 10 240 python3 "$(dirname "$0")/phones_browser.py"
