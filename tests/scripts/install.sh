#!/bin/sh
# install.sh: `make install` into a DESTDIR with another PREFIX: desktop entry, AppStream metainfo and manual page valid, icons at every size; the tree moved elsewhere still finds its cases; `make uninstall` leaves no file or directory it made.
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

sh="$work/dest/opt/sp/share"
for tool in desktop-file-validate appstreamcli man; do
    command -v $tool > /dev/null 2>&1 || fail "$tool is not installed: sh tools/deps.sh test"
done
desktop-file-validate "$sh/applications/org.samenspel.Samenspel.desktop" > "$work/v" 2>&1 \
    && [ ! -s "$work/v" ] || { cat "$work/v"; fail "desktop-file-validate"; }
appstreamcli validate --no-net "$sh/metainfo/org.samenspel.Samenspel.metainfo.xml" > "$work/v" 2>&1 \
    || { cat "$work/v"; fail "appstreamcli validate"; }
MANWIDTH=250 man --warnings -l "$sh/man/man1/samenspel.1" > "$work/man.raw" 2> "$work/v" && [ ! -s "$work/v" ] \
    || { cat "$work/v"; fail "man --warnings"; }
tr -s ' ' < "$work/man.raw" > "$work/man.txt"
for cmd in play check graph debrief export replay compare stats; do
    grep -q "samenspel $cmd" "$work/man.txt" || fail "the manual page does not cover '$cmd'"
done
for n in 16 24 32 48 64 128 256 512; do
    f="$sh/icons/hicolor/${n}x$n/apps/samenspel.png"
    [ -s "$f" ] || fail "no ${n}x$n icon"
    head -c 24 "$f" | od -An -tu1 | tr -s ' ' | grep -q "^ 137 80 78 71" || fail "${n}x$n icon is not a PNG"
done
[ -s "$sh/icons/hicolor/scalable/apps/samenspel.svg" ] || fail "no scalable icon"

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
