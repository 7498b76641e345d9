#!/bin/sh
# run.sh: runs every unit test binary and every script test, reports each as PASS, FAIL or SKIP, and ends with one "N passed, N failed, N skipped" line.
# usage: tests/run.sh BUILDDIR SAMENSPEL_BINARY
#
# A test skips by exiting with 77 (scripts) or by a cmocka skip() (unit tests,
# seen as "[  SKIPPED ]" in their output). A skip is not a pass: every test is
# required, so any skip fails the run, unless ALLOW_SKIP=1 is set (for a
# developer's machine that lacks, say, Chromium; never in CI).
B=${1:-build}
BIN=${2:-./samenspel}
export SAMENSPEL="$BIN"   # unit tests that run the program (test_flag_window) use the build under test
export SAMENSPEL_DATA="$(pwd)"
export XDG_DATA_HOME="$(mktemp -d)"
export XDG_CONFIG_HOME="$(mktemp -d)"
export SDL_VIDEODRIVER=dummy
export SDL_AUDIODRIVER=dummy
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# whole stacks at malloc (the fast unwinder stops in libraries built without
# frame pointers, so lsan.supp's IMG_LoadSizedSVG_RW never matched)
export ASAN_OPTIONS="fast_unwind_on_malloc=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
RUNNER=${RUNNER:-}
# PLAIN: unit tests that run without RUNNER (named, space-separated).
PLAIN=${PLAIN:-}
if [ -n "${CI:-}" ] && [ "${ALLOW_SKIP:-0}" = 1 ]; then
    echo "run.sh: ALLOW_SKIP=1 is ignored in CI: every test is required" >&2
    ALLOW_SKIP=0
fi
passed=0; failed=0; skipped=0; failures=""; skips=""

# report NAME STATUS LOG: prints and counts one test's outcome.
report() {
    if [ "$2" -eq 77 ] || { [ "$2" -eq 0 ] && grep -q '^\[  SKIPPED \]' "$3"; }; then
        skipped=$((skipped + 1)); skips="$skips $1"; echo "SKIP $1"
        grep -i 'skip' "$3" | head -3 | sed 's/^/     /'
    elif [ "$2" -eq 0 ]; then
        passed=$((passed + 1)); echo "PASS $1"
    else
        failed=$((failed + 1)); failures="$failures $1"; echo "FAIL $1"
        cat "$3"
    fi
}

for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    # RUNNER (e.g. valgrind) wraps unit tests only; scripts run the binary themselves.
    runner=$RUNNER
    case " $PLAIN " in *" $name "*) runner= ;; esac
    $runner "$t" > "$B/tests/$name.log" 2>&1
    report "$name" $? "$B/tests/$name.log"
done
for s in tests/scripts/*.sh; do
    [ -f "$s" ] || continue
    name=$(basename "$s" .sh)
    SAMENSPEL="$BIN" BUILD="$B" sh "$s" > "$B/tests/$name.log" 2>&1
    report "$name" $? "$B/tests/$name.log"
done
rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
[ -n "$failures" ] && echo "failed:$failures"
[ -n "$skips" ] && echo "skipped:$skips"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
if [ "$skipped" -ne 0 ] && [ "${ALLOW_SKIP:-0}" != 1 ]; then
    echo "run.sh: a skip is not a pass: install what the skipped tests name (sh tools/deps.sh test), or run with ALLOW_SKIP=1 to accept them on this machine" >&2
    exit 1
fi
exit 0
