#!/bin/sh
# run.sh: `make bench`: builds the program and the bench harnesses against build/, installs the pinned inkjs, and prints one table (bench/table.py).
# env: BENCH_NODES (5000), BENCH_STEPS (100000), BENCH_RUNS (7), BENCH_IDLE_SECONDS (10), BENCH_NO_INK=1, BENCH_NO_GUI=1
set -eu
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
# The rows of the shipped program run ./samenspel as `make` builds it.
make -s all

# -O2 like the default build: the numbers are those of the shipped program.
# shellcheck disable=SC2046
$CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine \
    $($PKG_CONFIG --cflags libxml-2.0) bench/bench.c build/libspcore.a \
    $($PKG_CONFIG --libs libxml-2.0) -lm -o "$OUT/bench"

# The GUI frame harness links the gui objects; skipped (with a message) when they are not built.
rm -f "$OUT/bench_gui"
if [ "${BENCH_NO_GUI:-0}" != 1 ] && ls build/engine/gui/*.o >/dev/null 2>&1; then
    # The objects of today's sources (a stale object of a moved file would clash).
    objs=$(ls engine/ui/*.c engine/gui/*.c engine/term/*.c engine/app/*.c engine/net/*.c | grep -v '^engine/app/main\.c$' |
           sed 's|^\(.*\)\.c$|build/\1.o|')
    image=$($PKG_CONFIG --exists SDL2_image 2>/dev/null && echo SDL2_image || true)  # the portraits
    # shellcheck disable=SC2046,SC2086
    $CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine \
        $($PKG_CONFIG --cflags libxml-2.0 sdl2 SDL2_ttf $image fontconfig) bench/bench_gui.c bench/bench_gui_common.c \
        $objs build/libspcore.a \
        $($PKG_CONFIG --libs libxml-2.0 sdl2 SDL2_ttf $image fontconfig libmicrohttpd libqrencode) -pthread -lm \
        -o "$OUT/bench_gui" \
        2> "$OUT/bench_gui.log" || echo "bench: the GUI frame harness does not build (see $OUT/bench_gui.log)"
fi

# inkjs from the npm registry, pinned to one version, into the git-ignored
# bench/cache/ (reinstalled when the cache holds another version).
INKJS_VERSION=2.4.0
if [ "${BENCH_NO_INK:-0}" != 1 ] && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
   ! grep -q "\"version\": \"$INKJS_VERSION\"" bench/cache/node_modules/inkjs/package.json 2>/dev/null; then
    npm install --silent --no-audit --no-fund --save-exact --prefix bench/cache "inkjs@$INKJS_VERSION" >/dev/null 2>&1 ||
        echo "bench: npm install inkjs@$INKJS_VERSION failed; the ink rows are not run"
fi

# The phones' server under load (loopback only, bounded: 200 votes, 10 s of idle polling); table.py runs it last.
# shellcheck disable=SC2046
$CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine bench/bench_phones.c \
    build/engine/net/*.o build/libspcore.a $($PKG_CONFIG --libs libmicrohttpd libqrencode libxml-2.0) -pthread \
    -o "$OUT/bench_phones"

python3 bench/table.py

# The window with the phones: the frame with 0 and 30 idle phones (bench_phones_gui.c), and
# the real window's idle CPU, wall and presenter on two displays (bench_phones_window.sh,
# Xorg's dummy driver); loopback only, bounded.
if [ "${BENCH_NO_GUI:-0}" != 1 ] && [ -n "${objs:-}" ]; then
    # shellcheck disable=SC2046,SC2086
    $CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine \
        $($PKG_CONFIG --cflags libxml-2.0 sdl2 SDL2_ttf $image fontconfig) bench/bench_phones_gui.c bench/bench_gui_common.c \
        $objs build/libspcore.a \
        $($PKG_CONFIG --libs libxml-2.0 sdl2 SDL2_ttf $image fontconfig libmicrohttpd libqrencode) -pthread -lm \
        -o "$OUT/bench_phones_gui" 2> "$OUT/bench_phones_gui.log" &&
        SDL_VIDEODRIVER=dummy SAMENSPEL_DATA="$(pwd)" "$OUT/bench_phones_gui" 200 ||
        echo "bench: the phones' frame harness does not build or run (see $OUT/bench_phones_gui.log)"
    command -v Xorg > /dev/null 2>&1 && sh bench/bench_phones_window.sh ./samenspel
fi
