#!/bin/sh
# gui_smoke.sh: plays the intake case in a real window under Xvfb with synthesised keys, checks the window's icon, the transcript, the idle CPU and that every portrait loaded.
# Environment (from tests/run.sh): SAMENSPEL = the binary, SAMENSPEL_DATA = the repository.
set -u
. "$(dirname "$0")/lib/xvfb.sh"
xvfb_test gui_smoke Xvfb xdotool xprop xdpyinfo
app_pid=""

# The program must find the server answering when it starts: if it does not,
# SDL's X11 driver fails, SDL tries Wayland ("XDG_RUNTIME_DIR is invalid") and
# samenspel falls back to the terminal. That was this test's failure, seen
# under ASan: the server's reset after the readiness probe, and a display
# number two runs started together could both pick. xvfb_one avoids both.
xvfb_one 1280x800 || fail "$xvfb_error"

tdir="$XDG_DATA_HOME/samenspel/transcripts"
# run.sh sets SDL_VIDEODRIVER=dummy for the unit tests; this test wants the real window.
# Under ASan, leak checking is off for this process only: SDL dlopens its X11
# libraries and unloads them in SDL_Quit, so LeakSanitizer can no longer name
# their (and libdbus's) one-off allocations. Our own code's leaks are checked
# by the test_gui_* unit tests, which run under ASan and valgrind.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
env -u SDL_VIDEODRIVER LANGUAGE=nl "$BIN" play intake </dev/null >"$work/app.log" 2>&1 &
app_pid=$!
xvfb_keep "$app_pid"

i=0
win=""
while [ -z "$win" ]; do
    win=$(xdotool search --class samenspel 2>/dev/null | head -1)
    # An ASan build on a loaded machine can take a while to map its window.
    i=$((i + 1)); [ $i -gt 600 ] && fail "no samenspel window appeared within 60 s"
    if ! kill -0 "$app_pid" 2>/dev/null; then
        kill -0 "$xvfb_pid" 2>/dev/null || fail "Xvfb on $DISPLAY exited under the program: $(cat "$work/xvfb.log")"
        xdotool getdisplaygeometry >/dev/null 2>&1 || fail "the X server on $DISPLAY stopped answering"
        fail "samenspel exited before opening a window (the X server on $DISPLAY answers)"
    fi
    sleep 0.1
done
# Without a window manager the keyboard follows the pointer: put it on the window.
xdotool mousemove --window "$win" 5 5
sleep 0.5

# The window carries the program's icon (assets/icons/hicolor/64x64).
xprop -id "$win" _NET_WM_ICON | grep -q 'Icon (64 x 64)' || fail "the window has no 64 x 64 icon"

# Idle: the loop sleeps in SDL_WaitEventTimeout, so a still window uses no CPU.
ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks); sleep 10; t1=$(ticks)
idle=$(awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "%.2f", (b - a) / hz / 10 * 100 }')
echo "idle CPU over 10 s: $idle %"
awk -v p="$idle" 'BEGIN { exit !(p < 1.0) }' || fail "idle window used $idle % CPU (want < 1 %)"

steps() { f=$(ls "$tdir"/intake-*.xml 2>/dev/null | head -1); [ -n "$f" ] && grep -c '<choose ' "$f" || echo 0; }
ended() { f=$(ls "$tdir"/intake-*.xml 2>/dev/null | head -1); [ -n "$f" ] && grep -q ' ending="' "$f"; }

xdotool key Return                       # briefing -> conversation
sleep 0.3
presses=0
while ! ended; do
    before=$(steps)
    xdotool key 1                        # the first option, by its number key
    presses=$((presses + 1))
    i=0
    while [ "$(steps)" -eq "$before" ]; do
        i=$((i + 1)); [ $i -gt 300 ] && fail "key 1 did not choose (after $before steps)"
        kill -0 "$app_pid" 2>/dev/null || fail "samenspel died"
        sleep 0.05
    done
    xdotool key Return                   # close the feedback card
    sleep 0.1
    [ $presses -gt 80 ] && fail "no ending after $presses choices"
done

f=$(ls "$tdir"/intake-*.xml)
[ "$(ls "$tdir" | wc -l)" -eq 1 ] || fail "expected one transcript, found: $(ls "$tdir")"
case $(basename "$f") in
    intake-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9].xml) ;;
    *) fail "transcript name $(basename "$f") is not intake-YYYYMMDD-HHMMSS.xml" ;;
esac
[ "$(steps)" -eq "$presses" ] || fail "transcript has $(steps) choices, $presses were made"
grep -q 'scenario="intake"' "$f" || fail "transcript does not name the intake case"
grep -q 'mode="solo"' "$f" || fail "transcript is not a solo play"

xdotool key Return                       # the debrief
sleep 0.3
xdotool key Return                       # a habitual Enter only asks...
sleep 0.3
xdotool key Return                       # ...and Enter on the question stays
sleep 0.3
xdotool key Escape                       # back to the menu, asked first
sleep 0.3
xdotool key j                            # yes
sleep 0.5
xdotool key q                            # quit
xvfb_app_quits "on q" 30
# Every portrait the play showed loaded, and so did the icon.
! grep -q 'samenspel: portrait \|window icon\|pictogram van het venster' "$work/app.log" || fail "a portrait or the icon did not load"
echo "gui_smoke: played intake to its ending in $presses choices; transcript $(basename "$f") ok"
