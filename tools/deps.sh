#!/bin/sh
# deps.sh: installs the Debian packages samenspel needs when they are missing (`run`, `test` or `coverage` profile).
set -eu
profile=${1:-run}

# pkg-config module / command  ->  Debian package
need_pkgs=""
check_pc() { pkg-config --exists "$1" 2>/dev/null || need_pkgs="$need_pkgs $2"; }
check_cmd() { command -v "$1" >/dev/null 2>&1 || need_pkgs="$need_pkgs $2"; }
check_file() { [ -e "$1" ] || need_pkgs="$need_pkgs $2"; }

check_cmd cc gcc
check_cmd make make
check_cmd pkg-config pkg-config
if command -v pkg-config >/dev/null 2>&1; then
    check_pc libxml-2.0 libxml2-dev
    check_pc sdl2 libsdl2-dev
    check_pc SDL2_ttf libsdl2-ttf-dev
    check_pc SDL2_image libsdl2-image-dev
    check_pc fontconfig libfontconfig-dev
    check_pc cmocka libcmocka-dev
    check_pc libmicrohttpd libmicrohttpd-dev
    check_pc libqrencode libqrencode-dev
else
    need_pkgs="$need_pkgs libxml2-dev libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfontconfig-dev libcmocka-dev libmicrohttpd-dev libqrencode-dev"
fi
check_cmd msgfmt gettext
check_file /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf fonts-dejavu-core
check_cmd xmllint libxml2-utils
if [ "$profile" = test ]; then
    check_cmd Xvfb xvfb
    check_cmd xauth xauth
    check_cmd xdotool xdotool
    check_cmd valgrind valgrind
    check_cmd xwininfo x11-utils
    # Two displays (a laptop and a projector, tests/scripts/lib/xvfb.sh): Xorg
    # with its dummy driver, laid out by xrandr; Xvfb's RandR has one output.
    check_cmd Xorg xserver-xorg-core
    check_file /usr/lib/xorg/modules/drivers/dummy_drv.so xserver-xorg-video-dummy
    check_cmd xrandr x11-xserver-utils
    check_cmd dot graphviz
    check_cmd import imagemagick
    check_cmd script bsdutils
    check_cmd curl curl
    # install.sh validates the installed desktop entry, metainfo and manual page.
    check_cmd desktop-file-validate desktop-file-utils
    check_cmd appstreamcli appstream
    check_cmd man man-db
    # replay_browser opens the exported HTML debrief in headless Chromium;
    # phones_browser drives three of them over the DevTools pipe from Python.
    check_cmd chromium chromium
    check_cmd python3 python3
fi

if [ "$profile" = coverage ]; then
    check_cmd lcov lcov
fi

[ -z "$need_pkgs" ] && exit 0
echo "samenspel needs these Debian packages:$need_pkgs"
if ! command -v apt-get >/dev/null 2>&1; then
    echo "No apt-get on this system: install the equivalents of the packages above and run make again." >&2
    exit 1
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "Not root and no sudo: run as root: apt-get install$need_pkgs" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $need_pkgs
