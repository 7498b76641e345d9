#!/bin/sh
# screenshots.sh: takes screenshots of the window's main screens at 1280x720 and 1920x1080 (a portrait's expression, the debrief's chart and legend, its export note and the question before leaving it included), the smallest window (800x600) with the largest text, and the menu with --lang en, into docs/screenshots/ (Xvfb, xdotool, ImageMagick import).
# usage: tools/screenshots.sh [BINARY]   (run from the repository root after make)
set -eu
BIN=${1:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
OUT=docs/screenshots
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshots.sh needs $tool (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "screenshots.sh: no binary at $BIN; run make first" >&2; exit 1; }
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

shot() { sleep 0.6; import -window root "$OUT/$1-$size.png"; echo "  $OUT/$1-$size.png"; }

# start SIZE TAG [ARGS...]: a fresh Xvfb of SIZE and the program in a window
# that fills it (no window manager here, so no fullscreen), with fresh data
# and settings (a settings.ini put in $work/config-TAG/samenspel first is read).
start() {
    size=$1 tag=$2
    shift 2
    # -noreset: a server that resets when the xdotool probe leaves turns the
    # program away if it connects just then (it falls back to the terminal).
    Xvfb -displayfd 3 -noreset -screen 0 "${size}x24" -nolisten tcp 3>"$work/display" >/dev/null 2>&1 &
    xvfb_pid=$!
    until [ -s "$work/display" ]; do sleep 0.1; done
    export DISPLAY=":$(cat "$work/display")"
    rm -f "$work/display"
    until xdotool getdisplaygeometry >/dev/null 2>&1; do sleep 0.1; done
    export XDG_DATA_HOME="$work/data-$tag" XDG_CONFIG_HOME="$work/config-$tag"
    env -u SDL_VIDEODRIVER "$BIN" "$@" >"$work/app-$tag.log" 2>&1 &
    app_pid=$!
    i=0
    until xdotool search --class samenspel >/dev/null 2>&1; do
        i=$((i + 1))
        if [ $i -gt 100 ] || ! kill -0 "$app_pid" 2>/dev/null; then
            echo "screenshots.sh: no window at $size" >&2; cat "$work/app-$tag.log" >&2; exit 1
        fi
        sleep 0.1
    done
    win=$(xdotool search --class samenspel | head -1)
    xdotool windowmove "$win" 0 0 windowsize "$win" "${size%x*}" "${size#*x}"
    xdotool mousemove 0 0
}

stop() {
    kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
    kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""
}
key() { xdotool key "$@"; sleep 0.25; }
ended() { grep -qs ' ending="' "$XDG_DATA_HOME"/samenspel/transcripts/intake-*.xml; }

for size in 1280x720 1920x1080; do
    start "$size" "$size"
    echo "$size:"
    shot menu
    key s;        shot settings
    key Escape
    key 1;        shot briefing
    key Return;   shot thought
    key 1;        shot feedback
    key Return;   shot conversation
    key f;        shot redflags
    key Down Down Return; shot redflag-result
    key Return
    key h;        shot history
    key h
    i=0
    while ! ended && [ $i -lt 80 ]; do key 1; key Return; i=$((i + 1)); done
    shot ending
    key Return;   shot debrief
    key Next;     shot debrief-legend
    key e;        shot debrief-export
    key Return;   shot debrief-leave
    key Escape
    key End;      shot debrief-end
    stop
done

# A face that tells how a line landed: mevrouw Jansen, tired, on the phone
# after the hours went first and the plan for a hundred days second.
for size in 1280x720 1920x1080; do
    start "$size" "mood-$size"
    echo "$size, a portrait's expression:"
    key 1 Return                 # intake, its briefing, the thought moment
    key 1 Return 1 Return 1 Return 3
                  shot feedback-mood
    key Return;   shot conversation-mood
    stop
done

# The smallest window with the largest text: the top bar keeps to one row.
mkdir -p "$work/config-xl/samenspel"
printf 'text_size=XL\n' >"$work/config-xl/samenspel/settings.ini"
start 800x600 xl
size=800x600-xl
echo "$size:"
key 1;        shot briefing
key Return;   shot thought
key Escape;   shot pause
key Escape
key 1;        shot feedback
key Return;   shot conversation
stop

# --lang en for one run.
start 1280x720 en --lang en
size=en-1280x720
echo "$size:"
shot menu
key 1;        shot briefing
stop
