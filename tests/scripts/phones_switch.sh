#!/bin/sh
# phones_switch.sh: the set-up's switch in the real window under Xvfb (tests/scripts/lib/xvfb.sh): P on the role card starts the phones' server (on --listen's loopback address) and shows the QR code on the wall, P again stops it; in a network namespace with loopback only, --phones says that no interface is usable, on stderr and on the wall, and the typed counts still decide the vote.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Loopback only; every wait is bounded.
set -u
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
export LC_ALL=C.UTF-8
for tool in Xvfb xdotool xdpyinfo curl import convert unshare; do
    command -v "$tool" >/dev/null 2>&1 || { echo "phones_switch: $tool is not installed (sh tools/deps.sh test)"; exit 1; }
done
. "$(dirname "$0")/lib/xvfb.sh"
app_pid=
fail() { echo "phones_switch: FAIL: $*"; [ -f "$work/app.log" ] && sed 's/^/  app: /' "$work/app.log"; exit 1; }

xvfb_one 1920x1080 || fail "$xvfb_error"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
key() { xdotool key --delay 60 "$@"; sleep 0.6; }
c() { curl -s --max-time 3 "$@"; }
qr_on() { # 1 when the role card's top holds a white block (the QR code's quiet zone): no text is 120 px wide
    import -window root "$work/wall.png" 2>/dev/null || fail "no screenshot"
    convert "$work/wall.png" -crop 1920x370+0+130 +repage -fill black +opaque white \
        -morphology Erode Rectangle:120x3 -format '%[fx:maxima]' info:
}
address() { sed -n 's/^Telefoons: \(http[^ ]*\) .*/\1/p' "$work/app.log" | tail -n 1; }

# 1. The switch, with --listen's address (no --phones on the command line).
# below Linux's ephemeral range (32768-60999), where outgoing connections of
# other tests could hold the port
port=$((12000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000))
XDG_DATA_HOME="$work/data1" XDG_CONFIG_HOME="$work/config1" env -u SDL_VIDEODRIVER LANGUAGE=nl \
    "$BIN" play --projector --listen "127.0.0.1:$port" intake > "$work/app.log" 2>&1 &
app_pid=$!
xvfb_keep "$app_pid"
sleep 2
xdotool mousemove 1900 1060
kill -0 "$app_pid" 2>/dev/null || fail "samenspel exited"
c "http://127.0.0.1:$port/" > /dev/null && fail "the server runs before the switch"
[ "$(qr_on)" = 0 ] || fail "a QR code on the role card before P"
key p
url=$(address)
[ -n "$url" ] || fail "P did not start the phones"
c "${url}state" | grep -q '"round":0' || fail "the phones' server does not answer at $url"
[ "$(qr_on)" = 1 ] || fail "no QR code on the role card after P"
echo "P: phones on at $url, the QR code on the role card"
key p
c "$url" > /dev/null && fail "P did not stop the phones"
[ "$(qr_on)" = 0 ] || fail "the QR code stayed on the role card after P"
key p
url2=$(address)
[ -n "$url2" ] && [ "$url2" != "$url" ] || fail "P did not start the phones again with a new room token"
c "${url2}state" | grep -q '"round"' || fail "the second server does not answer"
echo "P, P: off, and on again at a new address"
kill "$app_pid"; wait "$app_pid" 2>/dev/null; app_pid=
c "$url2" > /dev/null && fail "the server outlived the window"

# 2. No usable interface (a network namespace with loopback only): said so; typed counts still work.
XDG_DATA_HOME="$work/data2" XDG_CONFIG_HOME="$work/config2" env -u SDL_VIDEODRIVER LANGUAGE=nl \
    unshare -n "$BIN" play --projector --phones intake > "$work/app.log" 2>&1 &
app_pid=$!
xvfb_keep "$app_pid"
sleep 2
kill -0 "$app_pid" 2>/dev/null || fail "samenspel exited without a network"
grep -q 'deze computer heeft geen netwerkverbinding' "$work/app.log" || fail "no message about the missing interface"
import -window root "$work/nolan.png" 2>/dev/null || fail "no screenshot"
# The notice above the role card: its frame in the accent, a line no text draws.
[ "$(convert "$work/nolan.png" -crop 1920x370+0+130 +repage -fill black +opaque '#FFE000' \
    -morphology Erode Rectangle:300x1 -format '%[fx:maxima]' info:)" = 1 ] || fail "no notice on the wall"
key Return Return a 2 Return        # the role card, turn 1: the vote, A 2, take
t=
for _ in $(seq 1 50); do
    t=$(ls "$work"/data2/samenspel/transcripts/intake-*.xml 2>/dev/null | head -1)
    [ -n "$t" ] && grep -q 'votes="2 0"' "$t" && break
    sleep 0.1
done
[ -n "$t" ] && grep -q 'votes="2 0"' "$t" || fail "the typed counts did not decide the vote without phones"
echo "no interface: said so; the typed counts decided (votes=\"2 0\")"
[ -n "${PHONES_SWITCH_KEEP:-}" ] && cp "$work"/*.png "$PHONES_SWITCH_KEEP"/
echo "phones_switch: ok"
