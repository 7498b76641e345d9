#!/bin/sh
# run.sh: runs every unit test binary and every play-through, then prints one "N passed, N failed" line.
# usage: tests/run.sh BUILDDIR SAMENSPEL_BINARY
B=${1:-build}
BIN=${2:-./samenspel}
export SAMENSPEL_DATA="$(pwd)"
export XDG_DATA_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME="$(mktemp -d)"
export SDL_VIDEODRIVER=dummy
export SDL_AUDIODRIVER=dummy
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
RUNNER=${RUNNER:-}
passed=0; failed=0; failures=""
for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    # RUNNER (e.g. valgrind) wraps unit tests only; scripts run the binary themselves.
    if $RUNNER "$t" > "$B/tests/$name.log" 2>&1; then
        passed=$((passed + 1)); echo "PASS $name"
    else
        failed=$((failed + 1)); failures="$failures $name"; echo "FAIL $name"
        cat "$B/tests/$name.log"
    fi
done
for s in tests/scripts/*.sh; do
    [ -f "$s" ] || continue
    name=$(basename "$s" .sh)
    if SAMENSPEL="$BIN" BUILD="$B" sh "$s" > "$B/tests/$name.log" 2>&1; then
        passed=$((passed + 1)); echo "PASS $name"
    else
        failed=$((failed + 1)); failures="$failures $name"; echo "FAIL $name"
        cat "$B/tests/$name.log"
    fi
done
rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
