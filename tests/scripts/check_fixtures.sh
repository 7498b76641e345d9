#!/bin/sh
# check_fixtures.sh: `samenspel check` on the broken fixtures in tests/data/check (one per message of the analyses): stdout and exit code against the hand-written NAME.expected; --strict; a Dutch line.
# NAME.expected: first line '# exit: N', then the exact output of `samenspel --lang en check NAME.xml`.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root).
set -u
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
dir=$(cd "$(dirname "$0")/../data/check" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0; n=0
for xml in "$dir"/*.xml; do
    name=$(basename "$xml" .xml)
    n=$((n + 1))
    if [ ! -f "$dir/$name.expected" ]; then
        echo "FAIL $name: no $name.expected"; fail=1; continue
    fi
    (cd "$dir" && "$BIN" --lang en check "$name.xml") > "$tmp/out" 2> "$tmp/err"
    rc=$?
    { echo "# exit: $rc"; cat "$tmp/out"; } > "$tmp/all"
    if [ -s "$tmp/err" ]; then
        echo "FAIL $name: messages on stderr"; cat "$tmp/err"; fail=1; continue
    fi
    if ! diff -u "$dir/$name.expected" "$tmp/all"; then
        echo "FAIL $name: output differs from $name.expected"; fail=1; continue
    fi
    echo "ok   $name"
done
# Warnings alone exit 0; with --strict they exit 1.
(cd "$dir" && "$BIN" --lang en check --strict ending-below.xml) > /dev/null 2>&1
rc=$?
[ "$rc" = 1 ] || { echo "FAIL --strict with warnings: exit $rc, expected 1"; fail=1; }
(cd "$dir" && "$BIN" --lang en check --strict unknown-file-is-not-here.xml) > /dev/null 2>&1
rc=$?
[ "$rc" = 3 ] || { echo "FAIL --strict of a missing file: exit $rc, expected 3"; fail=1; }
# The same analyses in Dutch.
(cd "$dir" && "$BIN" --lang nl check detour.xml) > "$tmp/nl" 2>&1
grep -qx "detour.xml:6: waarschuwing: omweg loont bij 'a': 'antwoord' heeft het hoogste eigen totaal (+2, route 2), maar 'route' levert meer op (+0, route 3)" "$tmp/nl" ||
    { echo "FAIL Dutch detour warning"; cat "$tmp/nl"; fail=1; }
grep -qx "  omwegen die lonen: 1" "$tmp/nl" || { echo "FAIL Dutch detour count"; fail=1; }
echo "$n fixtures"
[ "$n" -ge 10 ] && [ "$fail" -eq 0 ]
