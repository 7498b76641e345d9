#!/bin/sh
# punten_mirror.sh: in a case that declares the variable `punten` (the running total its
# slot nodes route endings by), every option must add exactly the sum of its score deltas.
# Read with xmllint, independent of the engine; a case without `punten` is not checked.
# runs no program: it reads the sources only, so `make test` runs it and `make SANITIZE=1 test` does not.
set -u
cd "$(dirname "$0")/../.." || exit 3
command -v xmllint >/dev/null 2>&1 || { echo "punten_mirror: no xmllint" >&2; exit 77; }
fail=0; checked=0
for case in scenarios/*.xml; do
    has=$(xmllint --xpath "count(//*[local-name()='var'][@name='punten'])" "$case" 2>/dev/null)
    [ "${has:-0}" = 0 ] && continue
    ids=$(xmllint --xpath "//*[local-name()='option']/@id" "$case" | sed 's/ id="\([^"]*\)"/\1\n/g')
    for id in $ids; do
        opt="//*[local-name()='option'][@id='$id']"
        want=$(xmllint --xpath "sum($opt/*[local-name()='score']/@delta)" "$case")
        got=$(xmllint --xpath "sum($opt/*[local-name()='add'][@var='punten']/@value)" "$case")
        n=$(xmllint --xpath "count($opt/*[local-name()='add'][@var='punten'])" "$case")
        if [ "$want" != "$got" ] || [ "$n" -gt 1 ]; then
            echo "FAIL $case: option '$id' scores $want but adds $got to punten ($n add elements); make <add var=\"punten\" value=\"$want\"/> match its <score> deltas"
            fail=1
        fi
        checked=$((checked + 1))
    done
done
[ "$checked" -gt 0 ] || { echo "punten_mirror: no case declares punten" >&2; exit 77; }
[ "$fail" = 0 ] && echo "punten_mirror: $checked options add their score to punten"
exit $fail
