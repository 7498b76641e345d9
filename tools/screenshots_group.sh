#!/bin/sh
# screenshots_group.sh: screenshots of group play (the wall and the presenter window) into docs/screenshots/: intake played with xdotool on a trainer's two displays (tests/scripts/lib/xvfb.sh: the presenter on the laptop, the wall on a 1920x1080 projector), the wall alone on one 1920x1080 display (its role card saying how to get a presenter, the trainer's moment with its options, four long options), at 1280x720 (the scene), and at 3840x2160.
# usage: tools/screenshots_group.sh [BINARY]   (run from the repository root after make)
set -eu
BIN=${1:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
OUT=docs/screenshots
for tool in Xvfb xdotool import xwininfo xdpyinfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshots_group.sh needs $tool (sh tools/deps.sh test)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "screenshots_group.sh: no binary at $BIN; run make first" >&2; exit 1; }
mkdir -p "$OUT"
export SAMENSPEL_DATA="${SAMENSPEL_DATA:-$(pwd)}"
export LANGUAGE=nl

. tests/scripts/lib/xvfb.sh
missing=$(xvfb_two_missing)
[ -z "$missing" ] || { echo "screenshots_group.sh: $missing" >&2; exit 1; }
app_pid=""

key() { xdotool key --delay 60 "$@"; sleep 0.3; }
ended() { grep -qs ' ending="' "$XDG_DATA_HOME"/samenspel/transcripts/intake-*.xml; }
# The window whose name is exactly $1 (xdotool's --name misses UTF-8 titles).
window() { xwininfo -root -tree | awk -v n="\"$1\":" '$2 == n || ($2 " " $3 " " $4) == n { print $1; exit }'; }
shot() {
    sleep 0.6
    import -window "$wall" "$OUT/group-wall-$1-$size.png"; echo "  $OUT/group-wall-$1-$size.png"
    if [ -n "$pres" ]; then
        import -window "$pres" "$OUT/group-presenter-$1.png"; echo "  $OUT/group-presenter-$1.png"
    fi
}

start() { # WxH (one display) or "two" (the laptop and the projector), extra options
    if [ "$1" = two ]; then
        xvfb_two 1920x1200 1920x1080 || { echo "screenshots_group.sh: $xvfb_error" >&2; exit 1; }
        wx=1920
    else
        xvfb_one "$1" || { echo "screenshots_group.sh: $xvfb_error" >&2; exit 1; }
        wx=0
    fi
    export XDG_DATA_HOME="$work/data-$size" XDG_CONFIG_HOME="$work/config-$size"
    shift
    env -u SDL_VIDEODRIVER "$BIN" play --projector "$@" intake >"$work/app-$size.log" 2>&1 &
    app_pid=$!
    xvfb_keep "$app_pid"
    i=0
    until [ -n "$(window samenspel)" ] || ! kill -0 "$app_pid" 2>/dev/null || [ $i -gt 300 ]; do
        i=$((i + 1)); sleep 0.1
    done
    if [ -z "$(window samenspel)" ]; then
        echo "screenshots_group.sh: no window at $size" >&2; cat "$work/app-$size.log" >&2; exit 1
    fi
    # SDL may make the window anew for its renderer: take the ids once it settled.
    sleep 1.5
    wall=$(window samenspel)
    pres=$(window "samenspel – presentator" || true)
    # No window manager: the keyboard follows the pointer, which rests on the wall.
    xdotool mousemove $((wx + 5)) 5
    sleep 0.5
}

stop() {
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
    xvfb_stop
    sleep 1
}

# The rest of the play: B at every decision. At the room's moments the room
# votes 3 for A and 5 for B and Enter takes B (Shift+B then does nothing);
# at the trainer's moments a letter and Enter open no vote and Shift+B takes B.
play_on() {
    i=0
    while ! ended && [ $i -lt 40 ]; do
        key Return a 3 b 5 Return shift+b Return Return
        i=$((i + 1))
    done
}

# ---- the wall on the projector, the presenter on the laptop ----
size=1920x1080
start two --presenter
[ -n "$pres" ] || { echo "screenshots_group.sh: no presenter window" >&2; exit 1; }
echo "the wall at $size on the projector, the presenter on the laptop:"
shot briefing
key Return;                 shot scene
key f Down Return Down Down Down Down Down Down Down Return Down Down Down Down Return
                            shot flags
key Escape Return;          shot vote-empty
key a 2 b 7;                shot vote
key t; sleep 3;             shot vote-timer
key t Return;               shot decided
key r;                      shot revealed
key Return;                 shot discuss
key Return;                 shot trainer   # turn 2, the trainer's moment: no vote
key shift+b Return Return   # the trainer takes B
key Return shift+b Return Return   # turn 3, the trainer's moment too (a thought)
key Return a 4 b 4;         shot tie
key shift+b Return Return   # the trainer breaks the tie
key Return a 2 b 6 c 1 shift+a; shot override-ask   # against the majority: asks first
key shift+a;                shot override
key Return Return
play_on
shot ending
key Return;                 shot debrief
key Next Next;              shot debrief-votes
stop

# ---- one display with --presenter: no presenter; the role card says how to get one ----
size=1920x1080
start 1920x1080 --presenter
echo "one display, $size:"
sleep 0.6
import -window "$wall" "$OUT/group-wall-briefing-one-screen-$size.png"; echo "  $OUT/group-wall-briefing-one-screen-$size.png"
stop

# ---- the wall alone at 1920x1080: turn 2 is the trainer's moment (the options on the
# wall, no vote); turn 11 on B's path offers four long options ----
size=1920x1080
start 1920x1080
echo "the wall alone, $size, the trainer's moment and four options:"
key Return
key Return a 3 b 5 Return shift+b Return Return
shot trainer-alone
i=1
while [ $i -lt 10 ]; do key Return a 3 b 5 Return shift+b Return Return; i=$((i + 1)); done
key Return a 2 b 3 c 4 d 1; shot vote-four
stop

# ---- the wall alone at 1280x720: the scene with the speaker's portrait ----
size=1280x720
start 1280x720
echo "the wall alone, $size:"
key Return;                 shot scene
stop

# ---- the wall alone at 4K: the facilitator's buttons are on it ----
size=3840x2160
start 3840x2160
echo "the wall alone, $size:"
key Return;                 shot scene
key Return a 2 b 7;         shot vote
key Return Return;          shot revealed
play_on
key Return;                 shot debrief
key Next Next;              shot debrief-votes
stop
