#!/bin/sh
# gui_group_one_screen.sh: group play with --presenter on one display (Xvfb, one screen): no presenter window, the wall alone covers the screen, stderr and the wall's role card say how to get a presenter (extend the desktop), and the wall shows the feedback only once the trainer presses R.
# Environment (from tests/run.sh): SAMENSPEL = the binary, SAMENSPEL_DATA = the repository.
set -u
export LC_ALL=C.UTF-8
. "$(dirname "$0")/lib/xvfb.sh"
xvfb_test gui_group_one_screen Xvfb xdotool xwininfo xdpyinfo import convert
app_pid=""

xvfb_one 1920x1080 || fail "$xvfb_error"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
windows() { xwininfo -root -tree | awk '$2 ~ /^"samenspel/ { print $(NF-1) }' | sort | tr '\n' ' '; }

# start ARGS...: the program, until its window has settled; the role card's screenshot in $work/card-$1.png.
start() {
    tag=$1; shift
    env -u SDL_VIDEODRIVER LANGUAGE=nl "$BIN" play --projector "$@" intake >"$work/app.log" 2>&1 &
    app_pid=$!
    xvfb_keep "$app_pid"
    i=0
    until [ -n "$(windows)" ]; do
        i=$((i + 1)); [ $i -gt 300 ] && fail "no window within 30 s"
        kill -0 "$app_pid" 2>/dev/null || fail "samenspel exited before opening its window"
        sleep 0.1
    done
    sleep 2 # a presenter window, were there one, opens right after the wall
    xdotool mousemove 20 20
    sleep 0.3
    import -window root "$work/card-$tag.png" 2>/dev/null || fail "no screenshot"
}
stop() { kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; app_pid=""; }
key() { xdotool key --delay 50 "$@"; sleep 0.6; }
# share COLOUR FILE: the percentage of the screenshot's pixels in that exact colour
share() { convert "$2" -fill black +opaque "$1" -fill white -opaque "$1" -format '%[fx:mean*100]' info:; }

# Without --presenter nothing is said: the role card as the room always saw it.
start plain
stop

start asked --presenter
[ "$(windows)" = "1920x1080+0+0 " ] || fail "want the wall alone over the whole screen, found: $(windows)"
grep -q 'één scherm, dus geen presentatorvenster' "$work/app.log" || fail "stderr does not say why there is no presenter"
grep -q 'breid het bureaublad uit' "$work/app.log" || fail "stderr does not say how to get a presenter"
# The role card holds the notice: a block of text the plain one lacks, below the
# room's size (the first 380 rows hold the title, the heading and that line).
[ "$(convert "$work/card-plain.png" -crop 1920x380+0+0 +repage "$work/card-asked.png" -crop 1920x380+0+0 +repage \
    -compose difference -composite -format '%[fx:maxima]' info:)" = 0 ] || fail "the role card's top changed"
[ "$(convert "$work/card-plain.png" "$work/card-asked.png" -compose difference -composite \
    -format '%[fx:maxima]' info:)" != 0 ] || fail "the role card says nothing of the missing presenter"

key Return Return               # the role card, turn 1's conversation -> the vote
key a 2 b 7 Return              # A 2, B 7: the group takes B, the strong option at this moment
t=$(ls "$XDG_DATA_HOME"/samenspel/transcripts/intake-*.xml 2>/dev/null | head -1)
[ -n "$t" ] && grep -q 'votes="2 7"' "$t" || fail "the vote was not taken"
import -window root "$work/decided.png" 2>/dev/null || fail "no screenshot"
# The verdict's panel ("Sterke keuze") is framed in the wall's green: none before R.
hidden=$(share '#66FF66' "$work/decided.png")
awk -v p="$hidden" 'BEGIN { exit !(p == 0) }' || fail "the wall shows the feedback before R ($hidden % green)"
key r
import -window root "$work/revealed.png" 2>/dev/null || fail "no screenshot"
shown=$(share '#66FF66' "$work/revealed.png")
awk -v p="$shown" 'BEGIN { exit !(p > 0.05) }' || fail "R did not show the feedback ($shown % green)"
stop
echo "gui_group_one_screen: no presenter on one display, the notice on the role card, the feedback hidden until R ($hidden % -> $shown % green)"
