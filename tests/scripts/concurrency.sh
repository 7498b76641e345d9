#!/bin/sh
# concurrency.sh: 20 plays started at once into one folder leave 20 transcripts, each replaying to its own debrief; a second --resume of a file in play is refused.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root), CONCURRENCY_ROUNDS (50; 2 with
# SAMENSPEL_TEST_SAMPLE, as `make SANITIZE=1 test` sets it); run by tests/run.sh.
# The 50 rounds are for the race: they run in `make test`. Under ASan every
# path of the script still runs (round 1 with its debriefs, a second round,
# the refused --resume): what ASan can find, it finds there.
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
ROOT=${SAMENSPEL_DATA:-$(pwd)}
ROUNDS=${CONCURRENCY_ROUNDS:-$([ -n "${SAMENSPEL_TEST_SAMPLE:-}" ] && echo 2 || echo 50)}
PLAYS=20

work=$(mktemp -d)
pid=""
cleanup() {
    exec 3>&- 2>/dev/null || true
    if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" SAMENSPEL_DATA="$ROOT"
# One fixed second for every play: all 20 want the same name.
export SOURCE_DATE_EPOCH=0 TZ=UTC
tdir="$XDG_DATA_HOME/samenspel/transcripts"

fail() {
    echo "concurrency.sh: FAIL: $*"
    exit 1
}

# 20 different plays of one case: play i takes option 1 at its first i
# moments (thoughts and decisions alike), then its script ends (exit 1,
# the play saved as far as it went; the plays that reach an ending exit 0).
i=1
while [ $i -le $PLAYS ]; do
    k=0
    : > "$work/s$i"
    while [ $k -lt "$i" ]; do echo 1 >> "$work/s$i"; k=$((k + 1)); done
    i=$((i + 1))
done

round() {
    rm -rf "$tdir"
    i=1
    while [ $i -le $PLAYS ]; do
        "$BIN" --lang en play --choices "$work/s$i" intake > "$work/out$i" 2> "$work/err$i" &
        i=$((i + 1))
    done
    wait
    n=$(ls "$tdir" | grep -c '\.xml$' || true)
    [ "$n" -eq $PLAYS ] || fail "round $1: $PLAYS plays left $n transcripts: $(ls "$tdir" | tr '\n' ' ')"
    : > "$work/paths"
    i=1
    while [ $i -le $PLAYS ]; do
        f=$(sed -n 's/^Conversation saved in //p' "$work/err$i")
        [ -n "$f" ] || fail "round $1: play $i names no transcript: $(cat "$work/err$i")"
        echo "$f" >> "$work/paths"
        # Play i made min(i, the length of the all-first path) choices.
        want=$i
        [ -z "$longest" ] || [ $i -le "$longest" ] || want=$longest
        got=$(grep -c '<choose ' "$f" || true)
        [ -z "$longest" ] || [ "$got" -eq "$want" ] ||
            fail "round $1: $f holds $got choices, play $i made $want"
        # Every tenth round: the transcript replays to the very debrief this
        # play printed.
        if [ $(( $1 % 10 )) -eq 1 ]; then
            "$BIN" --lang en debrief "$f" > "$work/db" 2> "$work/dberr" || fail "round $1: debrief of $f: $(cat "$work/dberr")"
            tail -n "$(wc -l < "$work/db")" "$work/out$i" | cmp -s - "$work/db" ||
                fail "round $1: $f does not replay to the debrief of play $i"
        fi
        i=$((i + 1))
    done
    if [ -z "$longest" ]; then
        longest=$(grep -c '<choose ' "$(sed -n "${PLAYS}p" "$work/paths")")
        [ "$longest" -lt $PLAYS ] || fail "play $PLAYS should reach an ending before its script ends"
    fi
    [ "$(sort -u "$work/paths" | wc -l)" -eq $PLAYS ] || fail "round $1: two plays named the same transcript"
}

# Two --resume of one file: the first holds it (waiting for input), the
# second is refused and names the first's process.
resume_twice() {
    rm -rf "$tdir"
    printf '1\n1\n' > "$work/short"
    "$BIN" --lang en play --choices "$work/short" intake > /dev/null 2> "$work/err" || true
    f=$(sed -n 's/^Conversation saved in //p' "$work/err")
    [ -n "$f" ] || fail "short play: $(cat "$work/err")"
    mkfifo "$work/in"
    "$BIN" --lang en play --text --resume "$f" < "$work/in" > "$work/out" 2> "$work/err" &
    pid=$!
    exec 3> "$work/in"
    rm -f "$work/in"
    k=0
    lock="$(dirname "$f")/.$(basename "$f").lock"
    until grep -qx "$pid" "$lock" 2>/dev/null; do   # it holds the file
        k=$((k + 1)); [ $k -le 200 ] || fail "the first --resume never took the file"
        sleep 0.05
    done
    printf '1\n' > "$work/more"
    if "$BIN" --lang en play --choices "$work/more" --resume "$f" > /dev/null 2> "$work/err2"; then
        fail "a second --resume of a file in play was not refused"
    fi
    grep -q "is being played by samenspel process $pid" "$work/err2" ||
        fail "the refusal does not name process $pid: $(cat "$work/err2")"
    echo 1 >&3; echo quit >&3; exec 3>&-
    wait "$pid" || fail "the first --resume failed: $(cat "$work/err")"
    pid=""
    # Once the first is done, the file can be resumed again, with its step.
    before=$(grep -c '<choose ' "$f")
    "$BIN" --lang en play --choices "$work/more" --resume "$f" > /dev/null 2> "$work/err2" || true
    grep -q "^Conversation saved in $f" "$work/err2" || fail "--resume after the first ended: $(cat "$work/err2")"
    [ "$(grep -c '<choose ' "$f")" -gt "$before" ] || fail "the second --resume did not add its step"
}

longest=""
r=1
while [ $r -le "$ROUNDS" ]; do
    round $r
    r=$((r + 1))
done
resume_twice
echo "concurrency.sh: $ROUNDS rounds of $PLAYS plays at once: $((ROUNDS * PLAYS)) transcripts, none lost, each replays to its own debrief; a second --resume refused naming the first"
