#!/bin/sh
# bench_phones_window.sh: the real window's idle CPU in group play with --phones (wall + presenter on two displays, tests/scripts/lib/xvfb.sh, at the first vote): 20 s with no phone, then 20 s with 30 phones polling every 2 s as the page's script does; run by bench/run.sh.
# usage: sh bench/bench_phones_window.sh [BINARY]; prints one line of figures. Loopback only; stops by itself.
set -u
BIN=${1:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
for tool in xdotool xdpyinfo curl; do
    command -v "$tool" >/dev/null 2>&1 || { echo "bench_phones_window: $tool is not installed (sh tools/deps.sh test)"; exit 1; }
done
SECONDS_EACH=20
. "$(dirname "$0")/../tests/scripts/lib/xvfb.sh"
missing=$(xvfb_two_missing)
[ -z "$missing" ] || { echo "bench_phones_window: $missing"; exit 1; }
# A trainer's extended desktop: the presenter on the laptop, the wall on the projector.
xvfb_two 1600x900 1920x1080 || { echo "bench_phones_window: $xvfb_error"; exit 1; }
wx=${xvfb_projector#*+}; wx=${wx%+*}
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
# below Linux's ephemeral range (32768-60999), where outgoing connections of
# other tests could hold the port
port=$((12000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000))
env -u SDL_VIDEODRIVER LANGUAGE=nl SAMENSPEL_DATA="${SAMENSPEL_DATA:-$(pwd)}" \
    "$BIN" play --projector --presenter --phones --listen "127.0.0.1:$port" intake > "$work/app.log" 2>&1 &
app_pid=$!
xvfb_keep "$app_pid"
url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/^Telefoons: \(http[^ ]*\) .*/\1/p' "$work/app.log")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || { echo "bench_phones_window: no address"; cat "$work/app.log"; exit 1; }
sleep 2
[ "$(xdotool search --class samenspel | wc -l)" -ge 2 ] || { echo "bench_phones_window: no presenter window"; cat "$work/app.log"; exit 1; }
xdotool mousemove $((wx + 20)) 20
xdotool key --delay 100 Return Return   # the role card, then turn 1's vote: the join panel on the wall
sleep 2
ticks() { awk '{ print $14 + $15 }' "/proc/$app_pid/stat"; }
cpu() { t0=$(ticks); sleep "$SECONDS_EACH"; t1=$(ticks)
    awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" -v s="$SECONDS_EACH" 'BEGIN { printf "%.2f", (b - a) / hz / s * 100 }'; }
none=$(cpu)
for n in $(seq 1 30); do
    ( for _ in $(seq 1 $((SECONDS_EACH / 2 + 3))); do
          curl -s --max-time 5 -b "sp_device=$(printf '%032x' $((0x7000 + n)))" "${url}state" > /dev/null; sleep 2
      done ) &
    xvfb_keep $!
done
sleep 3
thirty=$(cpu)
echo "phones_window idle_cpu_pct_0=$none idle_cpu_pct_30=$thirty seconds=$SECONDS_EACH"
