#!/bin/sh
# run.sh: `make fuzz`: builds the libFuzzer harnesses against an instrumented libxml2 and runs each for SECONDS, in parallel.
# usage: tests/fuzz/run.sh [SECONDS] [HARNESS...]   (harnesses: scenario transcript; default both)
# env: FUZZ_NICE (niceness, default 10). The harnesses run side by side, one core each.
#
# New crashes land in tests/fuzz/build/crashes/ (git-ignored) and make the
# script exit 1. Keep each one, once fixed, in
# tests/fuzz/regressions/<harness>/ : tests/unit/test_limits.c loads every file
# there in the normal suite (and so under ASan and valgrind in CI).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
HARNESSES=${*:-scenario transcript}
FUZZ=tests/fuzz
BUILD=$FUZZ/build
NICE=${FUZZ_NICE:-10}

if ! command -v clang >/dev/null 2>&1; then
    echo "fuzz: clang is needed (apt-get install clang)" >&2
    exit 1
fi

PREFIX=$(sh $FUZZ/libxml2.sh | tail -n 1)
XML_INC="-I$PREFIX/include/libxml2"
XML_LIB="$PREFIX/lib/libxml2.a"

# The core, rebuilt with coverage and sanitizers; the harness brings main().
SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined"
CFL="-std=c11 -g -O1 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Wno-unused-parameter"
mkdir -p "$BUILD/core"
objs=""
for c in engine/core/*.c; do
    o="$BUILD/core/$(basename "$c" .c).o"
    if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ -n "$(find engine/core -name '*.h' -newer "$o")" ]; then
        nice -n "$NICE" clang $CFL $SAN $XML_INC -c "$c" -o "$o"
    fi
    objs="$objs $o"
done

# Seeds: our committed seeds plus every real scenario and test file.
seed_dirs() {
    h=$1
    d="$BUILD/seeds-$h"
    rm -rf "$d"
    mkdir -p "$d"
    cp $FUZZ/seeds/"$h"/* "$d"/ 2>/dev/null || true
    if [ "$h" = scenario ]; then
        for f in scenarios/*.xml tests/data/loader/*.xml tests/data/hostile/*.xml tests/data/session/*.xml; do
            [ -f "$f" ] || continue
            case $(basename "$f") in handbook*) continue ;; esac
            cp "$f" "$d/$(echo "$f" | tr / _)"
        done
    else
        for f in tests/data/transcripts/*.xml tests/data/transcripts/*/*.xml; do
            [ -f "$f" ] && cp "$f" "$d/$(echo "$f" | tr / _)"
        done
    fi
    echo "$d"
}

status=0
pids=""
for h in $HARNESSES; do
    bin="$BUILD/fuzz_$h"
    nice -n "$NICE" clang $CFL -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer \
        $XML_INC -Iengine "$FUZZ/fuzz_$h.c" $objs "$XML_LIB" -lm -o "$bin"
    corpus="$FUZZ/corpus-run/$h"
    mkdir -p "$corpus" "$BUILD/crashes"
    seeds=$(seed_dirs "$h")
    echo "fuzz: $h for ${SECONDS_EACH}s (log: $BUILD/fuzz_$h.log)"
    # -rss_limit_mb is generous: a 8 MiB file parses to ~100 MB. The timeout
    # leaves room for the expert-path search, which may spend its whole
    # budget (0.5 s plain, several seconds under ASan) on a mutated case,
    # on a machine shared with others.
    SAMENSPEL_DATA="$ROOT" nice -n "$NICE" "$bin" -max_total_time="$SECONDS_EACH" \
        -dict=$FUZZ/xml.dict -timeout=60 -rss_limit_mb=2560 -max_len=262144 \
        -print_final_stats=1 -artifact_prefix="$BUILD/crashes/$h-" \
        "$corpus" "$seeds" > "$BUILD/fuzz_$h.log" 2>&1 &
    pids="$pids $!:$h"
done
for p in $pids; do
    pid=${p%%:*}
    h=${p#*:}
    if wait "$pid"; then
        echo "fuzz: $h ok: $(grep -E '^stat::number_of_executed_units' "$BUILD/fuzz_$h.log" | awk '{print $2}') runs," \
             "$(grep -cE '^#[0-9]+.*(NEW|REDUCE)' "$BUILD/fuzz_$h.log" || true) new inputs," \
             "cov $(grep -oE 'cov: [0-9]+' "$BUILD/fuzz_$h.log" | tail -n 1 | cut -d' ' -f2)," \
             "corpus $(ls "$FUZZ/corpus-run/$h" | wc -l) files"
    else
        status=1
        echo "fuzz: $h FOUND A PROBLEM:"
        grep -E 'ERROR|SUMMARY|invariant|Test unit written' "$BUILD/fuzz_$h.log" | head -n 20
    fi
done
exit $status
