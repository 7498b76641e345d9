#!/bin/sh
# screenshots_replay.sh: plays the hand-back case (teruggeven) in the window, replays it, adds a note, branches, compares the two plays and exports the HTML debrief; screenshots of each into docs/screenshots/ (Xvfb, xdotool, ImageMagick import; Chromium for the exported page).
# usage: tools/screenshots_replay.sh [BINARY]   (run from the repository root after make)
set -eu
BIN=${1:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
OUT=docs/screenshots
for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null 2>&1 || { echo "screenshots_replay.sh needs $tool (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
[ -x "$BIN" ] || { echo "screenshots_replay.sh: no binary at $BIN; run make first" >&2; exit 1; }
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

size=1280x800
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
tdir="$XDG_DATA_HOME/samenspel/transcripts"

shot() { sleep 0.7; import -window root "$OUT/$1.png"; echo "  $OUT/$1.png"; }
key() { xdotool key "$@"; sleep 0.3; }
ended() { [ "$(grep -ls ' ending="' "$tdir"/teruggeven-*.xml 2>/dev/null | wc -l)" -ge "$1" ]; }

# Plays the open case to its ending (the $1-th finished play), cycling
# through the option keys given after it; Return closes each feedback card.
play_to_end() {
    n=$1
    shift
    i=0
    while ! ended "$n" && [ $i -lt 200 ]; do
        for k in "$@"; do
            ended "$n" && break
            key "$k"
            key Return
        done
        i=$((i + 1))
    done
    ended "$n" || { echo "screenshots_replay.sh: the play did not end" >&2; exit 1; }
}

n=71
while [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ]; do n=$((n + 1)); done
Xvfb ":$n" -screen 0 "${size}x24" -noreset -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=":$n"
until xdotool getdisplaygeometry >/dev/null 2>&1; do sleep 0.1; done

env -u SDL_VIDEODRIVER "$BIN" >"$work/app.log" 2>&1 &
app_pid=$!
i=0
until xdotool search --class samenspel >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$app_pid" 2>/dev/null; then
        echo "screenshots_replay.sh: no window" >&2; cat "$work/app.log" >&2; exit 1
    fi
    sleep 0.1
done
win=$(xdotool search --class samenspel | head -1)
xdotool windowmove "$win" 0 0 windowsize "$win" "${size%x*}" "${size#*x}"
xdotool mousemove 0 0

# The first play: the hand-back case from the menu, to its debrief.
key 3
key Return
play_to_end 1 1 2 1 3
key Return
key e;                         shot replay-debrief-export
first=$(grep -ls ' ending="' "$tdir"/teruggeven-*.xml | head -1)

# Its replay: a decision with its options, then a note on it (once the
# export's note has gone by itself).
sleep 8
key t;                         shot replay-start
key Right Right;               shot replay-decision
key Down Down Down Down Down;  shot replay-options
key n
xdotool type --delay 40 "Hier durfde ik het voor het eerst hardop te zeggen."
sleep 0.3;                     shot replay-note-typing
key Return;                    shot replay-note

# Branch from turn 3 and play on differently.
key b;                         shot replay-branch
play_to_end 2 2 3 1
key Return

# The branch beside the first play, then beside the expert path.
key t
key v;                         shot replay-pick
key Tab Tab Return;            shot compare
key Page_Down;                 shot compare-rows
key Escape
key x;                         shot compare-expert
key Escape Escape Escape j      # the replay, the debrief, its question: back to the menu
key t;                         shot replay-plays

kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""
kill "$xvfb_pid"; wait "$xvfb_pid" 2>/dev/null || true; xvfb_pid=""

# The exported page of the first play, as a browser shows it.
html="${first%.xml}.html"
[ -s "$html" ] || { echo "screenshots_replay.sh: no exported page at $html" >&2; exit 1; }
CHROMIUM=""
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && CHROMIUM=$c && break; done
if [ -n "$CHROMIUM" ]; then
    HOME="$work" timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
        --screenshot="$OUT/export-html.png" --window-size=1280,2400 "file://$html" >"$work/chromium.log" 2>&1
    echo "  $OUT/export-html.png"
else
    echo "screenshots_replay.sh: Chromium not installed; no screenshot of the exported page" >&2
fi
