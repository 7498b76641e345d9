#!/bin/sh
# gui_group.sh: group play on a trainer's extended desktop (Xorg's dummy driver: a laptop and a projector): the wall fills the projector, the presenter sits on the laptop; votes, the trainer's moments (a letter opens no vote there), an override, a red flag, reveal and a click in the presenter window; checks the transcript's votes and the idle CPU with and without the countdown.
# Environment (from tests/run.sh): SAMENSPEL = the binary, SAMENSPEL_DATA = the repository.
set -u
# xwininfo prints window titles in the locale's charset; the titles hold an en dash, so
# pin a UTF-8 locale (C.UTF-8 is built into glibc) instead of relying on LANG.
export LC_ALL=C.UTF-8
. "$(dirname "$0")/lib/xvfb.sh"
xvfb_test gui_group xdotool xwininfo xdpyinfo import convert
missing=$(xvfb_two_missing)
[ -z "$missing" ] || { echo "SKIP gui_group: $missing"; exit 77; }
app_pid=""

# A trainer's extended desktop: the laptop (display 0) and, to its right, the projector.
xvfb_two 1600x900 1920x1080 || fail "$xvfb_error"
tdir="$XDG_DATA_HOME/samenspel/transcripts"
# As in gui_smoke.sh: the real window, and no leak report for SDL's X11 libraries.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
env -u SDL_VIDEODRIVER LANGUAGE=nl "$BIN" play --projector --presenter intake >"$work/app.log" 2>&1 &
app_pid=$!
xvfb_keep "$app_pid"

# The windows by their exact names (xdotool 3.2016's --name misses UTF-8 titles).
window() { xwininfo -root -tree | awk -v n="\"$1\":" '$2 == n || ($2 " " $3 " " $4) == n { print $1, $(NF-1); exit }'; }
i=0
while [ -z "$(window samenspel)" ] || [ -z "$(window 'samenspel – presentator')" ]; do
    i=$((i + 1)); [ $i -gt 150 ] && fail "the wall and the presenter window did not both appear"
    kill -0 "$app_pid" 2>/dev/null || fail "samenspel exited before opening its windows"
    sleep 0.1
done
sleep 1.5 # SDL may make a window anew for its renderer: take the ids once settled
set -- $(window samenspel); wall=$1; wall_geo=$2
set -- $(window 'samenspel – presentator'); pres=$1; pres_geo=$2
[ "$(xdotool search --class samenspel | wc -l)" -ge 2 ] || fail "xdotool finds fewer than two samenspel windows"
# The wall covers the projector; the presenter sits on the laptop, never on the wall's display.
[ "$wall_geo" = "$xvfb_projector" ] || fail "the wall is at $wall_geo, not on the projector ($xvfb_projector)"
[ "$pres_geo" = "1280x800+160+50" ] || fail "the presenter is at $pres_geo, not in the middle of the laptop ($xvfb_laptop)"
echo "windows: wall $wall $wall_geo, presenter $pres $pres_geo"
wx=${xvfb_projector#*+}; wx=${wx%+*}    # the wall's left edge

# Without a window manager the keyboard follows the pointer; keys work in both windows.
xdotool mousemove $((wx + 20)) 20
sleep 0.3
key() { xdotool key --delay 50 "$@"; sleep 0.4; }
file() { ls "$tdir"/intake-*.xml 2>/dev/null | head -1; }
wait_for() { # a pattern in the transcript
    i=0
    until [ -n "$(file)" ] && grep -q "$1" "$(file)"; do
        i=$((i + 1)); [ $i -gt 60 ] && fail "the transcript never held $1"
        kill -0 "$app_pid" 2>/dev/null || fail "samenspel died"
        sleep 0.1
    done
}

ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
cpu() { # percent over $1 seconds
    t0=$(ticks); sleep "$1"; t1=$(ticks)
    awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" -v s="$1" 'BEGIN { printf "%.2f", (b - a) / hz / s * 100 }'
}
idle=$(cpu 5)
echo "idle CPU with two windows: $idle %"
awk -v p="$idle" 'BEGIN { exit !(p < 1.0) }' || fail "the idle windows used $idle % CPU (want < 1 %)"

key Return                      # the briefing -> the conversation of turn 1
key f Down Return Escape        # red-flag round: flag 1 (a false alarm here)
wait_for 'flag="rf.onbetaald"'
key Return a 2 b 7              # the vote: A 2, B 7
key t                           # the countdown: the loop wakes once a second, no more
timer=$(cpu 5)
echo "CPU with the countdown running: $timer %"
awk -v p="$timer" 'BEGIN { exit !(p < 15.0) }' || fail "the countdown used $timer % CPU (want < 15 %)"
key t Return                    # countdown off; Enter takes the majority
wait_for 'votes="2 7"'

# A click in the presenter window: its first primary button (Toelichting tonen)
# moves down once pressed (Toelichting verbergen, then Verder as the primary one).
# The buttons are in its right column (the right 40 % of its 1280 px).
first_primary() { # the y and x of the first pixel of the accent colour in the presenter's right column
    import -window "$pres" -crop 512x800+768+0 +repage "$work/pres.png" 2>/dev/null || return 1
    convert "$work/pres.png" -fill black +opaque "#2C5F8A" -fill white -opaque "#2C5F8A" \
        -trim -format "%[fx:page.y] %[fx:page.x+w/2]" info: 2>/dev/null
}
set -- $(first_primary); y1=${1:-}; x1=${2:-}
[ -n "$y1" ] || fail "no primary button in the presenter window"
xdotool mousemove $((160 + 768 + x1)) $((50 + y1 + 8)) click 1
sleep 0.6
set -- $(first_primary); y2=${1:-}
[ -n "$y2" ] && [ "$y2" -gt $((y1 + 10)) ] || fail "a click on the presenter's button did nothing ($y1 -> ${y2:-none})"
echo "presenter click: reveal button at y=$y1, next primary now at y=$y2"
xdotool mousemove $((wx + 20)) 20
sleep 0.3
key Return                      # Verder

key Return a 3 shift+a          # turn 2, the trainer's moment: Enter and a letter open no vote (3 counts nothing); Shift+A takes A
wait_for 'option="bm-ja"'
grep 'option="bm-ja"' "$(file)" | grep -q 'votes=' && fail "a letter opened a vote at the trainer's moment"
key Return Return
key Return shift+a Return Return  # turn 3, the trainer's moment too (a thought)
key Return a 3 b 5 c 1 shift+a shift+a  # turn 4: the trainer overrides the room's B (asked, then confirmed)
wait_for 'votes="3 5 1" override="yes"'
key Return Return
key Return a 4 b 4 Return       # turn 5: a tie; Enter takes nothing
sleep 0.3
[ "$(grep -c '<choose ' "$(file)")" -eq 4 ] || fail "Enter took an option at a tie"
key shift+b                     # the trainer picks between the tied options
wait_for 'votes="4 4 0"/>'
key BackSpace                   # undo: back to that vote
wait_for '<undo '
key shift+b Return Return

f=$(file)
grep -q 'mode="group"' "$f" || fail "the transcript is not a group play"
[ "$(grep -c 'votes=' "$f")" -eq 4 ] || fail "expected 4 choices with votes: $(grep -c 'votes=' "$f")"
"$BIN" debrief "$f" >/dev/null 2>"$work/debrief.err" || fail "the transcript does not read back: $(cat "$work/debrief.err")"

# The rest of the round to the group debrief: at each of the room's moments
# the room gives A three votes and Enter takes them; at the trainer's the
# letter and Enter open no vote and Shift+A takes A (after a decision it
# does nothing); then the feedback, and on.
i=0
until grep -q ' ending="' "$f"; do
    i=$((i + 1)); [ $i -gt 40 ] && fail "no ending after 40 more rounds"
    kill -0 "$app_pid" 2>/dev/null || fail "samenspel died"
    xdotool key --delay 50 a 3 Return shift+a Return Return; sleep 0.3
done
rounds=$i
key Return                      # the ending -> the group debrief
html=${f%.xml}.html
key e                           # its export proves the debrief is on the wall
[ -s "$html" ] || fail "E on the group debrief wrote no $html"
rm -f "$html"
key Escape Escape               # the leave question, and Esc stays
key e
[ -s "$html" ] || fail "Esc on the leave question did not stay on the debrief"

# SDL turns SIGTERM into a quit: the program ends cleanly.
kill -TERM "$app_pid"
xvfb_app_quits "on SIGTERM" 10
echo "gui_group: wall and presenter, 4 votes with an override, two trainer's moments without one, a tie and an undo, a flag, on to the group debrief ($rounds more rounds); transcript $(basename "$f") ok"
