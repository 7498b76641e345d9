#!/bin/sh
# run.sh: `make bench`: builds the bench harnesses against build/, generates the synthetic case and prints one table.
# env: BENCH_NODES (5000), BENCH_STEPS (100000), BENCH_RUNS (7), BENCH_NO_INK=1, BENCH_NO_GUI=1
set -eu
cd "$(dirname "$0")/.."
OUT=bench/out
mkdir -p "$OUT"
CC=${CC:-cc}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
[ -f build/libspcore.a ] || make -s build/libspcore.a
ls build/engine/net/*.o > /dev/null 2>&1 || make -s all

# -O2 like the default build: the numbers are those of the shipped program.
# shellcheck disable=SC2046
$CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine \
    $($PKG_CONFIG --cflags libxml-2.0) bench/bench.c build/libspcore.a \
    $($PKG_CONFIG --libs libxml-2.0) -lm -o "$OUT/bench"

# The GUI frame harness links the gui objects; skipped (with a message) when they are not built.
rm -f "$OUT/bench_gui"
if [ "${BENCH_NO_GUI:-0}" != 1 ] && ls build/engine/gui/*.o >/dev/null 2>&1; then
    gui_objs=$(ls build/engine/gui/*.o)
    term_objs=$(ls build/engine/term/*.o 2>/dev/null || true)
    app_objs=$(ls build/engine/app/*.o 2>/dev/null | grep -v '/main\.o$' || true)
    # shellcheck disable=SC2046,SC2086
    $CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine \
        $($PKG_CONFIG --cflags libxml-2.0 sdl2 SDL2_ttf SDL2_image fontconfig) bench/bench_gui.c \
        $gui_objs $term_objs $app_objs build/libspcore.a \
        $($PKG_CONFIG --libs libxml-2.0 sdl2 SDL2_ttf SDL2_image fontconfig) -lm -o "$OUT/bench_gui" \
        2> "$OUT/bench_gui.log" || echo "bench: the GUI frame harness does not build (see $OUT/bench_gui.log)"
fi

# inkjs from the npm registry, into the git-ignored bench/cache/.
if [ "${BENCH_NO_INK:-0}" != 1 ] && command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
   [ ! -d bench/cache/node_modules/inkjs ]; then
    npm install --silent --no-audit --no-fund --prefix bench/cache inkjs >/dev/null 2>&1 ||
        echo "bench: npm install inkjs failed; the ink rows are skipped"
fi

# The phones' server under load (loopback only, bounded: 200 votes, 10 s of idle polling).
# shellcheck disable=SC2046
$CC -std=c11 -O2 -g -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iengine bench/bench_phones.c \
    build/engine/net/*.o build/libspcore.a $($PKG_CONFIG --libs libmicrohttpd libqrencode) -pthread \
    -o "$OUT/bench_phones"

python3 bench/table.py
echo
echo "phones (bench_phones.c): 200 participants open the page and vote at once; then 30 idle phones poll every 2 s for 10 s"
"$OUT/bench_phones"
