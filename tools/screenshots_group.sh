#!/bin/sh
# screenshots_group.sh: screenshots of group play (the wall and the presenter window) into docs/screenshots/: intake played under Xvfb with xdotool, wall and presenter side by side at 1920x1080 each, the wall alone at 1920x1080 with four long options, at 1280x720 (the scene), and at 3840x2160.
# usage: tools/screenshots_group.sh [BINARY]   (run from the repository root after make)
set -eu
BIN=${1:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
OUT=docs/screenshots
for tool in Xvfb xdotool import xwininfo; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshots_group.sh needs $tool (apt-get install xvfb xdotool imagemagick x11-utils)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "screenshots_group.sh: no binary at $BIN; run make first" >&2; exit 1; }
mkdir -p "$OUT"
export SAMENSPEL_DATA="${SAMENSPEL_DATA:-$(pwd)}"
export LANGUAGE=nl

work=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

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

start() { # screen geometry, extra options
    n=81
    while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 "$1x24" -noreset -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    export DISPLAY=":$n"
    until xdotool getdisplaygeometry >/dev/null 2>&1; do sleep 0.1; done
    export XDG_DATA_HOME="$work/data-$size" XDG_CONFIG_HOME="$work/config-$size"
    shift
    # A server that has only just started may still turn SDL away: try again.
    for attempt in 1 2 3; do
        env -u SDL_VIDEODRIVER "$BIN" play --projector "$@" intake >"$work/app-$size.log" 2>&1 &
        app_pid=$!
        i=0
        until [ -n "$(window samenspel)" ] || ! kill -0 "$app_pid" 2>/dev/null || [ $i -gt 100 ]; do
            i=$((i + 1)); sleep 0.1
        done
        [ -n "$(window samenspel)" ] && break
        kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; app_pid=""
        sleep 1
    done
    if [ -z "$(window samenspel)" ]; then
        echo "screenshots_group.sh: no window at $size" >&2; cat "$work/app-$size.log" >&2; exit 1
    fi
    # SDL may make the window anew for its renderer: take the ids once it settled.
    sleep 1.5
    wall=$(window samenspel)
    pres=$(window "samenspel – presentator" || true)
    # No window manager: the keyboard follows the pointer, which rests on the wall.
    xdotool mousemove 5 5
    sleep 0.5
}

stop() {
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
    kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""
    sleep 1
}

# The rest of the play: the room votes 3 for A and 5 for B at every decision.
play_on() {
    i=0
    while ! ended && [ $i -lt 40 ]; do
        key Return a 3 b 5 Return Return Return
        i=$((i + 1))
    done
}

# ---- the wall on one half of a wide screen, the presenter on the other ----
size=1920x1080
start 3840x1080 --presenter
[ -n "$pres" ] || { echo "screenshots_group.sh: no presenter window" >&2; exit 1; }
echo "wall and presenter, $size each:"
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
key Return a 3 b 5 c 1 Return Return Return   # turn 2 by the majority
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

# ---- the wall alone at 1920x1080: turn 11 on the room's path offers four long options ----
size=1920x1080
start 1920x1080
echo "the wall alone, $size, four options:"
key Return
i=0
while [ $i -lt 10 ]; do key Return a 3 b 5 Return Return Return; i=$((i + 1)); done
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
