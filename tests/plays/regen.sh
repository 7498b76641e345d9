#!/bin/sh
# regen.sh: rewrites tests/plays/NAME.expected from the current binary and cases; review the diff before committing.
# usage: tests/plays/regen.sh [NAME...]    (all plays when no name is given)
set -u
cd "$(dirname "$0")/../.." || exit 3
BIN=${SAMENSPEL:-./samenspel}
[ -x "$BIN" ] || { echo "regen.sh: no binary $BIN (run make first)" >&2; exit 3; }
export SAMENSPEL_DATA="$(pwd)" SOURCE_DATE_EPOCH=0
XDG_DATA_HOME=$(mktemp -d); export XDG_DATA_HOME
trap 'rm -rf "$XDG_DATA_HOME"' EXIT
if [ $# -eq 0 ]; then
    set -- $(ls tests/plays/*.play | sed 's|.*/||; s|\.play$||')
fi
for name in "$@"; do
    play=tests/plays/$name.play
    [ -f "$play" ] || { echo "regen.sh: no $play" >&2; exit 2; }
    scenario=$(sed -n '1s/^# scenario: *//p' "$play")
    rm -rf "$XDG_DATA_HOME/samenspel"
    "$BIN" --lang nl play --choices "$play" "$scenario" > "tests/plays/$name.expected" 2>/dev/null
    echo "$name: exit $?"
done
git --no-pager diff --stat -- tests/plays/ 2>/dev/null
