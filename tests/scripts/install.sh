#!/bin/sh
# install.sh: `make install` into a DESTDIR with another PREFIX, the tree moved elsewhere, still finds its cases and catalogue; `make uninstall` leaves no file or directory it made.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh.
set -u
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
REPO=${SAMENSPEL_DATA:-$(pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "install.sh: FAIL: $*"; exit 1; }
command -v make > /dev/null 2>&1 || fail "make is not installed"

mkdir -p "$work/dest/opt/sp/share/keep"          # something of someone else's
make -s -C "$REPO" install BIN="$BIN" DESTDIR="$work/dest" PREFIX=/opt/sp > "$work/install.log" 2>&1 \
    || { cat "$work/install.log"; fail "make install failed"; }
[ -x "$work/dest/opt/sp/bin/samenspel" ] || fail "no binary installed"
[ -f "$work/dest/opt/sp/share/samenspel/scenarios/intake.xml" ] || fail "no cases installed"

# Moved: the binary finds ../share/samenspel, not the compiled-in path.
mv "$work/dest/opt/sp" "$work/moved"
(cd "$work" && env -u SAMENSPEL_DATA "$work/moved/bin/samenspel" graph intake) > "$work/graph" 2> "$work/err" \
    || { cat "$work/err"; fail "the moved tree does not find its cases"; }
head -1 "$work/graph" | grep -q '^digraph "intake"' || fail "graph of the moved tree: $(head -1 "$work/graph")"
(cd "$work" && env -u SAMENSPEL_DATA LANGUAGE= "$work/moved/bin/samenspel" --lang en play --text intake < /dev/null) \
    > "$work/en" 2>&1
grep -q 'Phase 1' "$work/en" || fail "the moved tree plays the intake in English: $(head -3 "$work/en")"
mv "$work/moved" "$work/dest/opt/sp"

make -s -C "$REPO" uninstall BIN="$BIN" DESTDIR="$work/dest" PREFIX=/opt/sp > "$work/uninstall.log" 2>&1 \
    || { cat "$work/uninstall.log"; fail "make uninstall failed"; }
left=$(cd "$work/dest" && find . -mindepth 1 | sort | tr '\n' ' ')
[ "$left" = "./opt ./opt/sp ./opt/sp/share ./opt/sp/share/keep " ] || fail "uninstall left: $left"
echo "install.sh: ok"
