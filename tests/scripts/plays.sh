#!/bin/sh
# plays.sh: plays every tests/plays/*.play script, checks its header (ending, total), compares stdout with NAME.expected, and checks that the saved transcript gives the same debrief.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); tests/plays/README describes the files and the header.
set -u
BIN=${SAMENSPEL:-./samenspel}
dir=$(cd "$(dirname "$0")/../plays" && pwd)
data=${SAMENSPEL_DATA:-$(cd "$dir/../.." && pwd)}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=0
fail=0; n=0

# header FILE KEY: the value of "# KEY: value" in the leading comment block.
header() {
    awk -v key="$2" '!/^#/ { exit } $0 ~ "^# " key ":" { sub("^# " key ": *", ""); print; exit }' "$1"
}

# delta_sum SCENARIO_XML TRANSCRIPT: the sum of the score deltas of the options
# the transcript chose (an undo takes back the step before it), read with
# xmllint, independent of the engine's arithmetic.
delta_sum() {
    ids=$(grep -E '<(choose|flag|undo) ' "$2" | awk '
        /<undo / { if (n > 0) n--; next }
        { id = ""; if ($0 ~ /<choose /) { id = $0; sub(/.* option="/, "", id); sub(/".*/, "", id) }
          step[++n] = id }
        END { for (i = 1; i <= n; i++) if (step[i] != "") print step[i] }')
    xp="0"
    for id in $ids; do
        xp="$xp + sum(//*[local-name()='option'][@id='$id']/*[local-name()='score']/@delta)"
    done
    xmllint --xpath "$xp" "$1"
}

for play in "$dir"/*.play; do
    [ -f "$play" ] || continue
    name=$(basename "$play" .play)
    n=$((n + 1))
    scenario=$(header "$play" scenario)
    want_rc=$(header "$play" exit)
    : "${want_rc:=0}"
    want_ending=$(header "$play" ending)
    want_total=$(header "$play" total)
    if [ -z "$scenario" ]; then
        echo "FAIL $name: the header has no '# scenario: NAME'"; fail=1; continue
    fi
    if [ -z "$want_ending" ] || [ -z "$want_total" ]; then
        echo "FAIL $name: the header needs '# ending: ENDING-ID' and '# total: N' (tests/plays/README)"
        fail=1; continue
    fi
    # A fresh data home a play, so the transcript name is always the same.
    XDG_DATA_HOME="$tmp/$name"; export XDG_DATA_HOME
    "$BIN" --lang nl play --choices "$play" "$scenario" > "$tmp/$name.out" 2> "$tmp/$name.err"
    rc=$?
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL $name: exit $rc, expected $want_rc"; cat "$tmp/$name.err"; fail=1; continue
    fi
    # The ending each saved transcript records and the total each debrief prints,
    # in the order of the parts.
    endings=""; sums=""; parts=0
    for case in intake uitvoering teruggeven; do
        for t in "$tmp/$name"/samenspel/transcripts/"$case"-*.xml; do
            [ -f "$t" ] || continue
            parts=$((parts + 1))
            e=$(sed -n 's/^<transcript .* ending="\([^"]*\)".*/\1/p' "$t")
            endings="$endings ${e:-none}"
            case_xml="$data/scenarios/$case.xml"
            [ "$scenario" != trajectory ] && [ -f "$scenario" ] && case_xml=$scenario
            sums="$sums $(delta_sum "$case_xml" "$t")"
        done
    done
    if [ "$parts" -eq 0 ]; then
        echo "FAIL $name: no transcript saved"; fail=1; continue
    fi
    totals=$(awk '/^  Totaal / { for (i = 2; i <= NF; i++) if ($i ~ /^-?[0-9]+$/) { print $i; break } }' \
        "$tmp/$name.out" | tr '\n' ' ')
    endings=${endings# }; sums=${sums# }; totals=${totals% }
    if [ "$endings" != "$want_ending" ]; then
        echo "FAIL $name: the play reached '$endings', the header says '# ending: $want_ending'"; fail=1; continue
    fi
    if [ "$totals" != "$want_total" ]; then
        echo "FAIL $name: the debrief's total is '$totals', the header says '# total: $want_total'"; fail=1; continue
    fi
    if [ "$sums" != "$want_total" ]; then
        echo "FAIL $name: the deltas of the chosen options sum to '$sums', the header says '# total: $want_total'"
        fail=1; continue
    fi
    if [ ! -f "$dir/$name.expected" ]; then
        echo "FAIL $name: no $name.expected (run tests/plays/regen.sh $name)"; fail=1; continue
    fi
    if ! diff -u "$dir/$name.expected" "$tmp/$name.out" > "$tmp/$name.diff"; then
        echo "FAIL $name: output differs from $name.expected"; cat "$tmp/$name.diff"; fail=1; continue
    fi
    # The transcripts the play saved replay to exactly the debriefs it printed
    # (blank lines aside: the trajectory puts one between the parts).
    awk '/^== Nabespreking/ { on = 1 } /^Verder met de volgende fase/ || /^Met dit einde houdt het traject op/ { on = 0 } on' \
        "$tmp/$name.out" | grep -v '^$' > "$tmp/$name.played"
    : > "$tmp/$name.replayed"
    for case in intake uitvoering teruggeven; do
        for t in "$tmp/$name"/samenspel/transcripts/"$case"-*.xml; do
            [ -f "$t" ] || continue
            "$BIN" --lang nl debrief "$t" 2> "$tmp/$name.derr" | grep -v '^$' >> "$tmp/$name.replayed"
        done
    done
    if ! diff -u "$tmp/$name.played" "$tmp/$name.replayed" > "$tmp/$name.ddiff"; then
        echo "FAIL $name: replaying the transcripts gives another debrief"; cat "$tmp/$name.ddiff" "$tmp/$name.derr"
        fail=1; continue
    fi
    echo "ok   $name"
done
echo "$n plays"
[ "$n" -gt 0 ] && [ "$fail" -eq 0 ]
