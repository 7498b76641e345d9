#!/bin/sh
# phones_wall.sh: group play with --phones on a trainer's extended desktop (tests/scripts/lib/xvfb.sh: the presenter on the laptop): the wall shows the QR code and room code, headless Chromium renders the participant page (script under the CSP, no external request), three phones vote (one changes), Enter on the wall takes their majority, the transcript keeps the counts only; idle CPU with 30 polling phones.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Loopback only; every wait is bounded.
set -u
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
export LC_ALL=C.UTF-8
for tool in xdotool xdpyinfo curl chromium import convert; do
    command -v "$tool" >/dev/null 2>&1 || { echo "phones_wall: $tool is not installed (sh tools/deps.sh test)"; exit 1; }
done
. "$(dirname "$0")/lib/xvfb.sh"
missing=$(xvfb_two_missing)
[ -z "$missing" ] || { echo "phones_wall: $missing"; exit 1; }
fail() { echo "phones_wall: FAIL: $*"; [ -f "$work/app.log" ] && sed 's/^/  app: /' "$work/app.log"; exit 1; }

# A trainer's extended desktop: the laptop (the presenter) and the projector (the wall).
xvfb_two 1600x900 1920x1080 || fail "$xvfb_error"
wx=${xvfb_projector#*+}; wx=${wx%+*}    # the wall's left edge
# below Linux's ephemeral range (32768-60999), where outgoing connections of
# other tests could hold the port
port=$((12000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000))
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
env -u SDL_VIDEODRIVER LANGUAGE=nl "$BIN" play --projector --presenter --phones --listen "127.0.0.1:$port" intake \
    > "$work/app.log" 2>&1 &
app_pid=$!
xvfb_keep "$app_pid"
url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/^Telefoons: \(http[^ ]*\) .*/\1/p' "$work/app.log")
    [ -n "$url" ] && break
    kill -0 "$app_pid" 2>/dev/null || fail "samenspel exited"
    sleep 0.1
done
[ -n "$url" ] || fail "no address"
sleep 2
xdotool mousemove $((wx + 20)) 20
key() { xdotool key --delay 50 "$@"; sleep 0.5; }
c() { curl -s --max-time 5 "$@"; }
key Return Return                       # the briefing, then turn 1's conversation -> the vote
for _ in $(seq 1 50); do c "${url}state" | grep -q '"open":1' && break; sleep 0.1; done
c "${url}state" | grep -q '"round":1,"open":1' || fail "the vote did not open on the phones"

# The wall: a QR code (dark and white modules) below the options, and the code.
import -window root -crop "$xvfb_projector" +repage "$work/wall.png" 2>/dev/null || fail "no screenshot"
white=$(convert "$work/wall.png" -crop 400x400+60+700 +repage -fill black +opaque white -format '%[fx:mean*100]' info:)
awk -v w="$white" 'BEGIN { exit !(w > 5 && w < 60) }' || fail "no QR code on the wall (white share $white %)"

# Chromium renders the page: its script runs under the CSP, nothing external.
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --user-data-dir="$work/chrome" --enable-logging=stderr --v=0 \
    --virtual-time-budget=3000 --dump-dom "$url" > "$work/dom.html" 2> "$work/chrome.log"
grep -q '<b>B</b>' "$work/dom.html" || fail "Chromium does not show the options: $(head -c 300 "$work/dom.html")"
grep -q 'Content Security Policy' "$work/chrome.log" && fail "CSP violations: $(grep 'Content Security' "$work/chrome.log" | head -3)"

for n in 1 2 3; do c -c "$work/jar$n" -b "$work/jar$n" "$url" > /dev/null; done
c -o /dev/null -b "$work/jar1" -d 'round=1&option=0' "${url}vote"
c -o /dev/null -b "$work/jar2" -d 'round=1&option=1' "${url}vote"
c -o /dev/null -b "$work/jar3" -d 'round=1&option=0' "${url}vote"
c -o /dev/null -b "$work/jar3" -d 'round=1&option=1' "${url}vote"   # changes to B
key Return                              # take the majority: B, 1 against 2
t=
for _ in $(seq 1 50); do
    t=$(ls "$XDG_DATA_HOME"/samenspel/transcripts/intake-*.xml 2>/dev/null | head -1)
    [ -n "$t" ] && grep -q 'votes="1 2"' "$t" && break
    sleep 0.1
done
[ -n "$t" ] && grep -q 'votes="1 2"' "$t" || fail "the transcript does not hold the phones' votes 1 2: $(grep '<choose' "$t" 2>/dev/null | head -2)"
[ "$(c -o /dev/null -w '%{redirect_url}' -b "$work/jar1" -d 'round=1&option=0' "${url}vote")" = "${url}?m=closed" ] ||
    fail "a late vote was not refused"
grep -q '127.0.0.1' "$t" && fail "the transcript holds an address"

# 30 phones polling every 2 s: the program stays idle.
for n in $(seq 1 30); do
    ( for _ in $(seq 1 8); do c "${url}state" > /dev/null; sleep 2; done ) &
    xvfb_keep $!
done
sleep 1
ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
t0=$(ticks); sleep 10; t1=$(ticks)
cpu=$(awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / hz / 10 * 100 }')
echo "phones_wall: CPU of the window with 30 polling phones: $cpu %"
awk -v p="$cpu" 'BEGIN { exit !(p <= 1.0) }' || fail "30 idle phones cost $cpu % CPU (want <= 1 %)"
echo "phones_wall: ok"
