#!/bin/sh
# kill.sh: SIGKILLs a terminal play after N decisions and checks the transcript holds exactly N and replays from there.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh. No display needed.
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
N=3
ROUNDS=${KILL_ROUNDS:-8}

work=$(mktemp -d)
pid=""
cleanup() {
    exec 3>&- 2>/dev/null || true
    if [ -n "$pid" ]; then kill -KILL "$pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
trap '' PIPE   # a write to a player that already ended fails instead of killing us
export XDG_DATA_HOME="$work/data"
export XDG_CONFIG_HOME="$work/config"
tdir="$XDG_DATA_HOME/samenspel/transcripts"

fail() {
    echo "kill.sh: FAIL: $*"
    [ -f "$work/err" ] && sed 's/^/  stderr: /' "$work/err" | tail -n 20
    exit 1
}

# The transcript of the play in progress (there is one play per round).
transcript() {
    ls "$tdir"/*.xml 2>/dev/null | head -n 1
}

choices_in() {
    f=$(transcript)
    if [ -n "$f" ]; then grep -c '<choose ' "$f" || true; else echo 0; fi
}

# Waits until the transcript on disk holds $1 choices (10 s at most).
wait_choices() {
    i=0
    while [ "$(choices_in)" -lt "$1" ]; do
        i=$((i + 1))
        [ $i -le 200 ] || fail "the transcript never reached $1 choices (has $(choices_in))"
        kill -0 "$pid" 2>/dev/null || fail "the player exited before $1 choices"
        sleep 0.05
    done
}

start_play() {
    rm -rf "$tdir"
    mkfifo "$work/in"
    "$BIN" play --text "$@" < "$work/in" > "$work/out" 2> "$work/err" &
    pid=$!
    exec 3> "$work/in"   # opening the writer lets the player's stdin open
    rm -f "$work/in"
}

kill_play() {
    # A play that reached its ending before the kill has exited already.
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=""
    exec 3>&-
}

# ---- 1. killed while waiting for decision N+1 ---------------------------------
start_play intake
k=1
while [ $k -le $N ]; do
    echo 1 >&3
    wait_choices $k
    k=$((k + 1))
done
sleep 0.2   # the player is now blocked reading decision N+1
kill_play

f=$(transcript)
[ -n "$f" ] || fail "no transcript in $tdir"
[ "$(ls "$tdir"/*.xml | wc -l)" -eq 1 ] || fail "more than one transcript: $(ls "$tdir")"
got=$(choices_in)
[ "$got" -eq $N ] || fail "transcript holds $got choices, expected $N"

# The debrief replays it: unfinished, stopped at turn N+1.
"$BIN" --lang en debrief "$f" > "$work/debrief" 2> "$work/err" || fail "debrief of the killed play failed"
grep -Eq "stopped at turn $((N + 1))([^0-9]|\$)" "$work/debrief" ||
    fail "debrief does not say the play stopped at turn $((N + 1)): $(grep -i 'turn' "$work/debrief" | head -n 3)"

# Resuming: with `play --resume` the play goes on from decision N+1 and the
# same file grows; without it the debrief above is the replay check.
if "$BIN" play --help 2>&1 | grep -q -- '--resume'; then
    mkfifo "$work/in"
    "$BIN" play --text --resume "$f" < "$work/in" > "$work/out" 2> "$work/err" &
    pid=$!
    exec 3> "$work/in"
    rm -f "$work/in"
    echo 1 >&3
    wait_choices $((N + 1))
    kill_play
    [ "$(choices_in)" -eq $((N + 1)) ] || fail "resumed transcript holds $(choices_in) choices, expected $((N + 1))"
    "$BIN" --lang en debrief "$f" > "$work/debrief" 2> "$work/err" || fail "debrief after resume failed"
    grep -Eq "stopped at turn $((N + 2))([^0-9]|\$)" "$work/debrief" || fail "resume did not continue at turn $((N + 1))"
    echo "kill.sh: resume continued from turn $((N + 1))"
else
    echo "kill.sh: no 'play --resume' in this build; checked by replaying in debrief only"
fi

# ---- 2. killed at random moments, in the middle of writing ------------------------
# Choices are sent as fast as the player takes them and the kill lands
# wherever it lands: the file on disk must always be a whole transcript of
# some prefix of the play, never a torn one.
r=1
while [ $r -le "$ROUNDS" ]; do
    start_play intake
    i=0
    while [ $i -lt 12 ]; do echo 1 >&3 2>/dev/null || break; i=$((i + 1)); done
    # 0 to 90 ms: sometimes before the first write, sometimes mid-play.
    sleep "0.0$(( (r * 37) % 10 ))"
    kill_play
    f=$(transcript)
    echo "kill.sh: round $r: killed with $(choices_in) choices on disk"
    if [ -n "$f" ]; then
        got=$(choices_in)
        "$BIN" --lang en debrief "$f" > "$work/debrief" 2> "$work/err" ||
            fail "round $r: the transcript left by a kill does not read back ($got choices)"
        if ! grep -q ' ending="' "$f" &&
           ! grep -Eq "stopped at turn $((got + 1))([^0-9]|\$)" "$work/debrief"; then
            fail "round $r: transcript with $got choices, debrief disagrees"
        fi
    fi
    r=$((r + 1))
done
echo "kill.sh: $N decisions then SIGKILL: transcript exact; $ROUNDS random kills: every transcript whole"
