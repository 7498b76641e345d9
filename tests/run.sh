#!/bin/sh
# run.sh: runs every unit test binary and every script test, reports each as PASS, FAIL or SKIP with its wall time in seconds, and ends with the stage's total time and one "N passed, N failed, N skipped" line.
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
# EXCEPT: unit tests this stage leaves out (named, space-separated): make
# valgrind's, which run plain in `make test` and would repeat it exactly.
EXCEPT=${EXCEPT:-}
# JOBS: unit tests run this many at a time, by default one per processor
# (each with its own log and its own XDG folders; reported in name order
# all the same). The scripts run one after another: several measure idle
# CPU or wait for windows, which a busy machine would make flaky.
JOBS=${JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
# SCRIPTS=no: the unit tests only (make valgrind: the scripts run the plain
# binary, RUNNER never wraps them, so they would repeat `make test` exactly).
# SCRIPTS=program: only the scripts that run the program (make SANITIZE=1
# test); a script marked "# runs no program" reads the sources alone, the
# same in every build, and runs in `make test` only.
SCRIPTS=${SCRIPTS:-yes}
export B RUNNER
if [ -n "${CI:-}" ] && [ "${ALLOW_SKIP:-0}" = 1 ]; then
    echo "run.sh: ALLOW_SKIP=1 is ignored in CI: every test is required" >&2
    ALLOW_SKIP=0
fi
passed=0; failed=0; skipped=0; failures=""; skips=""

# now: wall-clock seconds with centiseconds (GNU date).
now() { date +%s.%N | cut -c1-13; }
# secs FROM TO: the time between two now() readings, as "12.34".
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
stage_start=$(now)

# report NAME STATUS LOG SECONDS: prints and counts one test's outcome, with its wall time.
report() {
    if [ "$2" -eq 77 ] || { [ "$2" -eq 0 ] && grep -q '^\[  SKIPPED \]' "$3"; }; then
        skipped=$((skipped + 1)); skips="$skips $1"; printf 'SKIP %7ss %s\n' "$4" "$1"
        grep -i 'skip' "$3" | head -3 | sed 's/^/     /'
    elif [ "$2" -eq 0 ]; then
        passed=$((passed + 1)); printf 'PASS %7ss %s\n' "$4" "$1"
    else
        failed=$((failed + 1)); failures="$failures $1"; printf 'FAIL %7ss %s\n' "$4" "$1"
        cat "$3"
    fi
}

# One unit test: its output to NAME.log, its exit status and wall time to
# NAME.rc and NAME.secs (run by xargs, JOBS at a time). RUNNER (e.g.
# valgrind) wraps unit tests only; scripts run the binary themselves.
# shellcheck disable=SC2016
one_unit='t=$1; name=$(basename "$t")
export XDG_DATA_HOME="$XDG_DATA_HOME/$name" XDG_CONFIG_HOME="$XDG_CONFIG_HOME/$name"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
t0=$(date +%s.%N)
$RUNNER "$t" > "$B/tests/$name.log" 2>&1
echo $? > "$B/tests/$name.rc"
awk -v a="$t0" -v b="$(date +%s.%N)" "BEGIN { printf \"%.2f\", b - a }" > "$B/tests/$name.secs"'
# unit NAME: 0 when this stage runs unit test NAME.
unit() { case " $EXCEPT " in *" $1 "*) return 1 ;; esac; }
for t in "$B"/tests/test_*; do
    [ -x "$t" ] && unit "$(basename "$t")" && printf '%s\n' "$t"
done | xargs -P "$JOBS" -I{} sh -c "$one_unit" sh {}
for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    unit "$name" || continue
    rc=$(cat "$B/tests/$name.rc" 2>/dev/null); took=$(cat "$B/tests/$name.secs" 2>/dev/null)
    report "$name" "${rc:-1}" "$B/tests/$name.log" "${took:-?}"
    rm -f "$B/tests/$name.rc" "$B/tests/$name.secs"
done
for s in tests/scripts/*.sh; do
    [ "$SCRIPTS" = no ] && break
    [ -f "$s" ] || continue
    [ "$SCRIPTS" = program ] && grep -q '^# runs no program' "$s" && continue
    name=$(basename "$s" .sh)
    t0=$(now)
    SAMENSPEL="$BIN" BUILD="$B" sh "$s" > "$B/tests/$name.log" 2>&1
    rc=$?
    report "$name" $rc "$B/tests/$name.log" "$(secs "$t0" "$(now)")"
done
rm -rf "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
[ -n "$failures" ] && echo "failed:$failures"
[ -n "$skips" ] && echo "skipped:$skips"
[ -n "$EXCEPT" ] && echo "left to make test (plain, the same run):$(printf ' %s' $EXCEPT)"
echo "stage time: $(secs "$stage_start" "$(now)") s (wall, this run of tests/run.sh)"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
if [ "$skipped" -ne 0 ] && [ "${ALLOW_SKIP:-0}" != 1 ]; then
    echo "run.sh: a skip is not a pass: install what the skipped tests name (sh tools/deps.sh test), or run with ALLOW_SKIP=1 to accept them on this machine" >&2
    exit 1
fi
exit 0
