#!/bin/sh
# regen.sh: rewrites tests/data/group/NAME.expected from the current binary and cases; review the diff before committing.
# usage: tests/data/group/regen.sh [NAME...]    (all group plays when no name is given)
set -u
cd "$(dirname "$0")" || exit 3
dir=$(pwd)
BIN=${SAMENSPEL:-$dir/../../../samenspel}
[ -x "$BIN" ] || { echo "regen.sh: no binary $BIN (run make first)" >&2; exit 3; }
export SAMENSPEL_DATA="$(cd ../../.. && pwd)" SOURCE_DATE_EPOCH=0 LANGUAGE=nl
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ $# -eq 0 ] && set -- $(ls ./*.group | sed 's|.*/||; s|\.group$||')
for name in "$@"; do
    [ -f "$name.group" ] || { echo "regen.sh: no $name.group" >&2; exit 2; }
    scenario=$(sed -n '1s/^# scenario: *//p' "$name.group")
    XDG_DATA_HOME="$tmp/$name" XDG_CONFIG_HOME="$tmp/$name-config" \
        "$BIN" --lang nl play --projector --choices "$name.group" "$scenario" > "$tmp/$name.out" 2> "$tmp/$name.err"
    echo "$name: exit $?"
    { cat "$tmp/$name.out"; echo "-- stderr --"; grep -v '^Gesprek bewaard in ' "$tmp/$name.err"; } > "$name.expected"
done
git --no-pager diff --stat -- . 2>/dev/null
