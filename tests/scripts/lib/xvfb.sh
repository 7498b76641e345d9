# xvfb.sh: the X server of the window tests, sourced (not run: tests/run.sh runs only tests/scripts/*.sh): one Xvfb screen, or two displays side by side as a trainer's extended desktop (a laptop and a projector), and the cleanup that ends the script's processes, then the server.
#
#   . "$(dirname "$0")/lib/xvfb.sh"     # sets $work (a fresh directory) and the EXIT trap
#   xvfb_test NAME TOOL...              # $BIN, fail(), XDG folders in $work; skips (77) without a TOOL
#   xvfb_keep PID...                    # processes to end at exit (before the server)
#   xvfb_app_quits "on q" 30            # $app_pid exits, with 0, within 30 s
#   xvfb_one 1280x800 || fail "$xvfb_error"
#   xvfb_two 1600x900 1920x1080 || fail "$xvfb_error"   # exit 77 first when xvfb_two_missing says so
#   xvfb_stop                           # ends the server only (to start another)
#
# Both export DISPLAY and return only once the server answers. xvfb_one
# starts Xvfb with one screen of that size. xvfb_two starts Xorg with its
# dummy driver, because SDL 2.26 on X11 counts displays by RandR outputs
# only: Xvfb has one output per screen, its Xinerama gives SDL one display,
# and Xvfb's second X screen has the same origin as the first (SDL puts
# every window on the first). The dummy driver has 16 RandR outputs; xrandr
# connects two of them, the first (the laptop, primary, SDL's display 0) at
# 0,0 and the second (the projector, display 1) to its right, which is what
# SDL reports for an extended desktop. $xvfb_laptop and $xvfb_projector hold
# their geometries as WxH+X+Y.

work=${work:-$(mktemp -d)}
xvfb_pid=""
xvfb_pids=""
xvfb_error=""

xvfb_keep() { xvfb_pids="$xvfb_pids $*"; }

# xvfb_test NAME TOOL...: the set-up every window test starts with. Skips the
# test (exit 77, which tests/run.sh counts as a skip, never a pass) when a
# TOOL is not installed; sets BIN to the binary under test ($SAMENSPEL, made
# absolute) and points XDG_DATA_HOME and XDG_CONFIG_HOME into $work, so a
# play saves nothing outside it. fail MESSAGE then prints "FAIL NAME: MESSAGE"
# and the program's output ($work/app.log), and exits 1.
xvfb_test() {
    xvfb_name=$1; shift
    for tool in "$@"; do
        if ! command -v "$tool" >/dev/null 2>&1; then
            echo "SKIP $xvfb_name: $tool is not installed (sh tools/deps.sh test installs every tool the window tests use)"
            exit 77
        fi
    done
    BIN=${SAMENSPEL:-./samenspel}
    case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
    export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
}
fail() {
    echo "FAIL $xvfb_name: $*"
    [ -f "$work/app.log" ] && sed 's/^/  app: /' "$work/app.log"
    exit 1
}

# xvfb_app_quits HOW SECONDS: waits for the program ($app_pid) to exit, and
# fails ("samenspel did not quit HOW") unless it does within SECONDS, with 0.
xvfb_app_quits() {
    quit_i=0
    while kill -0 "$app_pid" 2>/dev/null; do
        quit_i=$((quit_i + 1)); [ $quit_i -gt $(($2 * 10)) ] && fail "samenspel did not quit $1"
        sleep 0.1
    done
    wait "$app_pid"; rc=$?
    app_pid=""
    [ $rc -eq 0 ] || fail "samenspel exited with $rc"
}

# (Each step may fail harmlessly: written for scripts under set -e too.)
xvfb_cleanup() {
    for p in $xvfb_pids; do kill "$p" 2>/dev/null || true; done
    if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap xvfb_cleanup EXIT
trap 'exit 130' INT TERM

# Waits for the display number the server writes on fd 3 (-displayfd: it
# picks a free display itself, so parallel runs never share one), then for
# the server to answer. -noreset on both servers: by default a server resets
# when its last client leaves, and a program connecting during that reset is
# turned away (SDL then falls back to Wayland and samenspel to the terminal);
# the readiness probe here is such a last client.
xvfb_wait() { # LOG
    xvfb_poll "$1" "the X server did not start" test -s "$work/display" || return 1
    export DISPLAY=":$(head -n 1 "$work/display")"
    xvfb_poll "$1" "the X server on $DISPLAY did not answer" xvfb_answers
}
xvfb_answers() { xdpyinfo >/dev/null 2>&1; }

# xvfb_poll LOG WHAT COMMAND...: runs COMMAND every 0.1 s until it succeeds;
# after 30 s, or once the server has exited, sets xvfb_error to WHAT and the
# tail of the server's LOG, and returns 1.
xvfb_poll() {
    poll_log=$1; poll_what=$2; shift 2
    i=0
    until "$@"; do
        i=$((i + 1))
        if [ $i -gt 300 ] || ! kill -0 "$xvfb_pid" 2>/dev/null; then
            xvfb_error="$poll_what: $(tail -n 5 "$poll_log" 2>/dev/null)"
            return 1
        fi
        sleep 0.1
    done
}

# Ends the server (and nothing else), for a script that starts another.
xvfb_stop() {
    if [ -n "$xvfb_pid" ]; then
        kill "$xvfb_pid" 2>/dev/null || true
        wait "$xvfb_pid" 2>/dev/null || true
    fi
    xvfb_pid=""
    rm -f "$work/display"
}

xvfb_one() { # WxH
    Xvfb -displayfd 3 -noreset -screen 0 "$1x24" -nolisten tcp 3>"$work/display" >"$work/xvfb.log" 2>&1 &
    xvfb_pid=$!
    xvfb_wait "$work/xvfb.log"
}

# Prints what xvfb_two lacks (and the packages), nothing when it can run.
xvfb_two_missing() {
    miss=""
    command -v Xorg >/dev/null 2>&1 || miss="$miss Xorg (xserver-xorg-core)"
    [ -e /usr/lib/xorg/modules/drivers/dummy_drv.so ] || miss="$miss its dummy driver (xserver-xorg-video-dummy)"
    command -v xrandr >/dev/null 2>&1 || miss="$miss xrandr (x11-xserver-utils)"
    command -v xdpyinfo >/dev/null 2>&1 || miss="$miss xdpyinfo (x11-utils)"
    [ -z "$miss" ] || echo "two displays need$miss: sh tools/deps.sh test installs them"
}

xvfb_two() { # LAPTOP_WxH PROJECTOR_WxH
    lw=${1%x*}; lh=${1#*x}; pw=${2%x*}; ph=${2#*x}
    h=$((lh > ph ? lh : ph))
    # The frame buffer: both displays side by side, in KiB, with room to spare.
    ram=$(((lw + pw) * h * 4 / 1024 + 4096))
    cat >"$work/xorg.conf" <<EOF
Section "ServerFlags"
    Option "AutoAddDevices" "false"
    Option "AutoEnableDevices" "false"
    Option "DontVTSwitch" "true"
EndSection
Section "Device"
    Identifier "dummy"
    Driver "dummy"
    VideoRam $ram
EndSection
Section "Monitor"
    Identifier "monitor"
    HorizSync 5.0 - 1000.0
    VertRefresh 5.0 - 200.0
EndSection
Section "Screen"
    Identifier "screen"
    Device "dummy"
    Monitor "monitor"
    DefaultDepth 24
    SubSection "Display"
        Depth 24
        Virtual $((lw + pw)) $h
    EndSubSection
EndSection
EOF
    Xorg -noreset -nolisten tcp -displayfd 3 -config "$work/xorg.conf" -logfile "$work/xorg.log" \
        3>"$work/display" >"$work/xorg.err" 2>&1 &
    xvfb_pid=$!
    xvfb_wait "$work/xorg.err" || return 1
    # The second output counts as connected once it has a mode (the dummy driver's rule).
    if ! { xrandr --output DUMMY0 --mode "$1" --pos 0x0 --primary &&
           xrandr --addmode DUMMY1 "$2" &&
           xrandr --output DUMMY1 --mode "$2" --pos "${lw}x0"; } >"$work/xrandr.log" 2>&1; then
        xvfb_error="xrandr could not lay out $1 and $2: $(cat "$work/xrandr.log")"
        return 1
    fi
    xvfb_laptop="$1+0+0"
    xvfb_projector="$2+$lw+0"
    got=$(xrandr | awk '$2 == "connected" { print $1, ($3 == "primary" ? $4 : $3) }' | tr '\n' ' ')
    if [ "$got" != "DUMMY0 $xvfb_laptop DUMMY1 $xvfb_projector " ]; then
        xvfb_error="xrandr shows '$got', not DUMMY0 $xvfb_laptop DUMMY1 $xvfb_projector"
        return 1
    fi
}
