#!/bin/sh
# gui_group_play.sh: scripted group plays (tests/data/group/*.group through `play --projector --choices`): output and messages against NAME.expected, and the saved transcript's votes, override and debrief.
# A script's first lines say '# scenario: NAME' and '# exit: N'; NAME.expected holds
# stdout, then a line '-- stderr --' and the messages (without the line naming the file).
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Expected files are rewritten by a
# separate command, tests/data/group/regen.sh, whose diff a person reads.
set -u
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
dir=$(cd "$(dirname "$0")/../data/group" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=0 LANGUAGE=nl
fail=0; n=0
for play in "$dir"/*.group; do
    [ -f "$play" ] || continue
    name=$(basename "$play" .group)
    n=$((n + 1))
    scenario=$(sed -n '1s/^# scenario: *//p' "$play")
    want_rc=$(sed -n '2s/^# exit: *//p' "$play")
    # From the data directory, so messages name the script as NAME.group:LINE.
    (cd "$dir" && XDG_DATA_HOME="$tmp/$name" XDG_CONFIG_HOME="$tmp/$name-config" \
        "$BIN" --lang nl play --projector --choices "$name.group" "$scenario") > "$tmp/$name.out" 2> "$tmp/$name.err"
    rc=$?
    { cat "$tmp/$name.out"; echo "-- stderr --"; grep -v '^Gesprek bewaard in ' "$tmp/$name.err"; } > "$tmp/$name.all"
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL $name: exit $rc, expected $want_rc"; cat "$tmp/$name.err"; fail=1; continue
    fi
    if ! diff -u "$dir/$name.expected" "$tmp/$name.all" > "$tmp/$name.diff"; then
        echo "FAIL $name: output differs from $name.expected"; cat "$tmp/$name.diff"; fail=1; continue
    fi
    if [ "$want_rc" = 0 ]; then
        t=$(ls "$tmp/$name"/samenspel/transcripts/*.xml 2>/dev/null | head -1)
        if [ -z "$t" ]; then
            echo "FAIL $name: no transcript saved"; fail=1; continue
        fi
        # One choose step with votes per 'votes' line (undone ones stay in the raw log).
        want=$(grep -c '^votes ' "$play"); got=$(grep -c ' votes="' "$t")
        overrides=$(grep -c '^override ' "$play"); got_o=$(grep -c 'override="yes"' "$t")
        if ! grep -q 'mode="group"' "$t" || [ "$got" != "$want" ] || [ "$got_o" != "$overrides" ]; then
            echo "FAIL $name: transcript has $got votes (want $want), $got_o overrides (want $overrides), or no mode=\"group\""
            fail=1; continue
        fi
        # The transcript read back gives the debrief the play printed.
        awk '/^== Nabespreking/ { on = 1 } /^== Hoe de groep stemde/ { on = 0 } on' "$tmp/$name.out" |
            grep -v '^$' > "$tmp/$name.played"
        "$BIN" --lang nl debrief "$t" 2> "$tmp/$name.derr" | grep -v '^$' > "$tmp/$name.replayed"
        if ! diff -u "$tmp/$name.played" "$tmp/$name.replayed" > "$tmp/$name.ddiff"; then
            echo "FAIL $name: the transcript gives another debrief"; cat "$tmp/$name.ddiff" "$tmp/$name.derr"
            fail=1; continue
        fi
    fi
    echo "ok   $name"
done
echo "$n group plays"
[ "$n" -gt 0 ] && [ "$fail" -eq 0 ]
