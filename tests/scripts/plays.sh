#!/bin/sh
# plays.sh: plays every tests/plays/*.play script, compares stdout with NAME.expected, and checks that the saved transcript gives the same debrief.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); tests/plays/README describes the files.
set -u
BIN=${SAMENSPEL:-./samenspel}
dir=$(cd "$(dirname "$0")/../plays" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=0
fail=0; n=0
for play in "$dir"/*.play; do
    [ -f "$play" ] || continue
    name=$(basename "$play" .play)
    n=$((n + 1))
    scenario=$(sed -n '1s/^# scenario: *//p' "$play")
    want_rc=$(sed -n '2s/^# exit: *//p' "$play")
    : "${want_rc:=0}"
    if [ -z "$scenario" ]; then
        echo "FAIL $name: the first line must be '# scenario: NAME'"; fail=1; continue
    fi
    # A fresh data home a play, so the transcript name is always the same.
    XDG_DATA_HOME="$tmp/$name"; export XDG_DATA_HOME
    "$BIN" --lang nl play --choices "$play" "$scenario" > "$tmp/$name.out" 2> "$tmp/$name.err"
    rc=$?
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL $name: exit $rc, expected $want_rc"; cat "$tmp/$name.err"; fail=1; continue
    fi
    if [ ! -f "$dir/$name.expected" ]; then
        echo "FAIL $name: no $name.expected (run tests/plays/regen.sh $name)"; fail=1; continue
    fi
    if ! diff -u "$dir/$name.expected" "$tmp/$name.out" > "$tmp/$name.diff"; then
        echo "FAIL $name: output differs from $name.expected"; cat "$tmp/$name.diff"; fail=1; continue
    fi
    # The transcripts the play saved replay to exactly the debriefs it printed
    # (blank lines aside: the trajectory puts one between the parts).
    awk '/^== Nabespreking/ { on = 1 } /^Verder met de volgende fase/ { on = 0 } on' \
        "$tmp/$name.out" | grep -v '^$' > "$tmp/$name.played"
    : > "$tmp/$name.replayed"
    parts=0
    for case in intake uitvoering teruggeven; do
        for t in "$tmp/$name"/samenspel/transcripts/"$case"-*.xml; do
            [ -f "$t" ] || continue
            parts=$((parts + 1))
            "$BIN" --lang nl debrief "$t" 2> "$tmp/$name.derr" | grep -v '^$' >> "$tmp/$name.replayed"
        done
    done
    if [ "$parts" -eq 0 ]; then
        echo "FAIL $name: no transcript saved"; fail=1; continue
    fi
    if ! diff -u "$tmp/$name.played" "$tmp/$name.replayed" > "$tmp/$name.ddiff"; then
        echo "FAIL $name: replaying the transcripts gives another debrief"; cat "$tmp/$name.ddiff" "$tmp/$name.derr"
        fail=1; continue
    fi
    echo "ok   $name"
done
echo "$n plays"
[ "$n" -gt 0 ] && [ "$fail" -eq 0 ]
