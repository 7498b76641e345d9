#!/bin/sh
# replay_cli.sh: replay, branch, compare, export and stats from the command line on the kruispunt fixture case: the replay's debrief equals the play's, a changed case names its first bad step, a branch links to its parent.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh. No display needed.
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
REPO=${SAMENSPEL_DATA:-$(pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "replay_cli.sh: FAIL: $*"; exit 1; }

# A data directory whose scenarios/ holds the fixture cases, so every
# command finds kruispunt by its id as it would a built-in case.
mkdir -p "$work/data/scenarios"
cp "$REPO"/scenarios/*.rng "$REPO"/scenarios/handbook.xml "$REPO"/tests/data/replay/kruispunt.xml \
   "$REPO"/tests/data/replay/omweg.xml "$work/data/scenarios/"
export SAMENSPEL_DATA="$work/data" XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
export SOURCE_DATE_EPOCH=1714554000 SDL_VIDEODRIVER=dummy
tdir="$XDG_DATA_HOME/samenspel/transcripts"
S() { "$BIN" --lang nl "$@"; }

# ---- a play and its replay ---------------------------------------------------------
cat > "$work/poor" <<'PLAY'
option mislukt
flag rf.og-geen-tijd
option samen
undo
option samen
flag rf.niet-pluis
option toch-jansen
option kwartaal
PLAY
S play --choices "$work/poor" kruispunt > "$work/play.out" 2> "$work/play.err" || fail "play: $(cat "$work/play.err")"
T=$(ls "$tdir"/kruispunt-*.xml)
[ "$(echo "$T" | wc -l)" -eq 1 ] || fail "expected one transcript, got: $T"

# The debrief of the play, of `debrief` and at the end of the replay are one text.
sed -n '/^== Nabespreking/,$p' "$work/play.out" > "$work/want"
[ -s "$work/want" ] || fail "the play printed no debrief"
S debrief "$T" > "$work/debrief.out" || fail "debrief failed"
sed -n '/^== Nabespreking/,$p' "$work/debrief.out" | cmp -s - "$work/want" || fail "debrief differs from the play's"
S replay "$T" < /dev/null > "$work/replay.out" 2> "$work/replay.err" || fail "replay: $(cat "$work/replay.err")"
sed -n '/^== Nabespreking/,$p' "$work/replay.out" | cmp -s - "$work/want" || {
    diff "$work/want" "$work/replay.out" | head -20; fail "the replay's debrief differs from the play's"; }
for n in 1 2 3 4; do
    grep -q "^Beurt $n van 4 · " "$work/replay.out" || fail "replay lacks turn $n"
done
grep -q '^Verloop: 1- 2- 3+ 4- | einde$' "$work/replay.out" || fail "timeline: $(grep Verloop "$work/replay.out")"
grep -q '^  > 1\. Goed, dan doen we het met z.n tweeën\. \[+0\]$' "$work/replay.out" || fail "turn 2's choice is not marked"
grep -q 'Gemarkeerd: .* (vals alarm)' "$work/replay.out" || fail "the false alarm is not shown"

# ---- a changed case ------------------------------------------------------------------
sed 's/id="toch-jansen"/id="alsnog-jansen"/' "$REPO/tests/data/replay/kruispunt.xml" > "$work/data/scenarios/kruispunt.xml"
if S replay "$T" < /dev/null > "$work/changed.out" 2> "$work/changed.err"; then fail "a changed case replayed without complaint"; fi
grep -q "stap 7: knoop 'klaasen-alleen' heeft geen optie 'toch-jansen'" "$work/changed.err" || fail "changed: $(cat "$work/changed.err")"
grep -q "waarschuwing: casus 'kruispunt' is veranderd sinds dit gesprek" "$work/changed.err" || fail "no warning about the changed case"
grep -q '^Niet afgemaakt: het gesprek stopte bij beurt 3\.' "$work/changed.out" || fail "the replay does not stop at turn 3"
cp "$REPO/tests/data/replay/kruispunt.xml" "$work/data/scenarios/kruispunt.xml"

# ---- a branch ----------------------------------------------------------------------------
printf 'option wachten\noption bal\noption teruggeven\n' > "$work/on"
SOURCE_DATE_EPOCH=1714557600 S replay --branch 2 --choices "$work/on" "$T" > "$work/branch.out" 2> "$work/branch.err" || fail "branch: $(cat "$work/branch.err")"
grep -q '^Je speelt verder vanaf beurt 2\.' "$work/branch.out" || fail "no branch heading"
B=$(ls "$tdir"/kruispunt-*.xml | grep -v "^$T\$")
[ -n "$B" ] && [ -f "$B" ] || fail "no branch transcript"
grep -q "Gesprek bewaard in $B" "$work/branch.err" || fail "the branch's file is not named"
abs=$(cd "$(dirname "$T")" && pwd)/$(basename "$T")
grep -q "parent=\"$abs\" branch-step=\"4\"" "$B" || fail "branch does not link its parent: $(head -3 "$B")"
grep -q 'mode="replay-branch"' "$B" || fail "branch mode"
[ "$(grep -c '<choose ' "$B")" -eq 5 ] || fail "branch steps: $(grep -c '<choose ' "$B")"   # 2 taken over (one undone), 3 new
S replay "$B" < /dev/null > "$work/breplay.out" || fail "the branch does not replay"
grep -q '^Einde: Netjes teruggegeven (goed)' "$work/breplay.out" || fail "branch ending"
if S replay --branch 5 "$T" < /dev/null > /dev/null 2> "$work/b5.err"; then fail "branched from the ending"; fi

# ---- compare ---------------------------------------------------------------------------------
S compare "$T" "$B" > "$work/cmp.out" || fail "compare failed"
grep -q -- '--- Hier gaan de wegen uiteen ---' "$work/cmp.out" || fail "compare: no parting"
grep -q -- '--- Hier komen de wegen weer samen ---' "$work/cmp.out" || fail "compare: no rejoining"
# parting before 'route' (turn 2), together again at 'besluit'
awk '/wegen uiteen/{p=NR} /Wat antwoord je Klaasen/{if(p&&!r)r=NR} /weer samen/{s=NR} /Je voorstel/{if(s&&!v)v=NR} END{exit !(p&&r==p+2&&s&&v==s+2)}' "$work/cmp.out" \
    || { cat "$work/cmp.out"; fail "compare rows out of place"; }
S compare "$T" expert > "$work/exp.out" || fail "compare with the expert path failed"
grep -q '^  Totaal  *-2  *11$' "$work/exp.out" || fail "expert totals: $(grep Totaal "$work/exp.out")"
if S compare "$T" "$REPO/tests/data/replay/plays/o1.xml" > /dev/null 2> "$work/cmp.err"; then fail "compared two cases"; fi
grep -q 'verschillende casussen' "$work/cmp.err" || fail "other case: $(cat "$work/cmp.err")"

# ---- export ------------------------------------------------------------------------------------
S export "$T" --html "$work/out.html" --csv "$work/out.csv" > "$work/export.out" || fail "export failed"
grep -q "^Geschreven: $work/out.html\$" "$work/export.out" || fail "export does not say where"
grep -q '<tr data-goal="total"><th>Totaal</th><td class="num" data-you="-2">-2</td>' "$work/out.html" || fail "html total"
# header, 4 decisions, the total and expert rows, an empty row, the figure header and 6 figures
[ "$(grep -c '^' "$work/out.csv")" -eq 15 ] || fail "csv rows: $(grep -c '^' "$work/out.csv")"
[ "$(grep -c "$(printf '\r')\$" "$work/out.csv")" -eq 15 ] || fail "csv lines do not end in CRLF"
S export "$T" > /dev/null || fail "export beside the transcript failed"
[ -s "${T%.xml}.html" ] || fail "no HTML beside the transcript"
rm "${T%.xml}.html"

# ---- the list of past plays --------------------------------------------------------------------------
S replay < /dev/null > "$work/list.out" 2>&1 || fail "list: $(cat "$work/list.out")"
grep -q '^Eerdere gesprekken' "$work/list.out" || fail "no list"
grep -q '^  maximum van de casus: ' "$work/list.out" || fail "the list has no legend"
grep -q '^    1\. 2024-05-01 ..:00 · Het kruispunt · Einde: Netjes teruggegeven (goed) · jouw score 8, maximum van de casus 11 (aftakking)$' "$work/list.out" || { cat "$work/list.out"; fail "list row 1"; }
grep -q '^    2\. 2024-05-01 ..:00 · Het kruispunt · Einde: Nog een kwartaal (zwak) · jouw score -2, maximum van de casus 11$' "$work/list.out" || { cat "$work/list.out"; fail "list row 2"; }

# ---- stats over the fixture plays ------------------------------------------------------------------
S stats "$REPO/tests/data/replay/plays" > "$work/stats.out" 2> "$work/stats.err" || fail "stats: $(cat "$work/stats.err")"
grep -q '^== Het kruispunt (kruispunt): 5 gesprekken, 4 afgemaakt ==$' "$work/stats.out" || fail "stats heading"
grep -q '^== De omweg (omweg): 1 gesprekken, 1 afgemaakt ==$' "$work/stats.out" || fail "stats per case"
grep -q '^      2  40%  wachten: ' "$work/stats.out" || fail "stats: wachten"
grep -q '^  Totaal  *16  *4,00  *11,00$' "$work/stats.out" || fail "stats: total (sum, mean, expert route)"
# p1's figures, worked out by hand in tests/unit/test_export.c
grep -q 'p1.xml: jouw score -2 + laten liggen 13 + nog haalbaar 0 = maximum van de casus 11$' "$work/stats.out" ||
    fail "stats: p1's figures"
grep -q '^    2 van 4   .*(int\.voorbereiden)$' "$work/stats.out" || fail "stats: missed voorbereiden"
grep -q '^    3 van 4   .*(rf\.niet-lekker)$' "$work/stats.out" || fail "stats: missed niet-lekker"
S stats "$REPO/tests/data/replay/plays/p2.xml" "$T" > "$work/stats2.out" || fail "stats over files"
grep -q '^== Het kruispunt (kruispunt): 2 gesprekken, 2 afgemaakt ==$' "$work/stats2.out" || fail "stats over two files"
echo '<transcript' > "$work/broken.xml"
if S stats "$work/broken.xml" "$T" > "$work/stats3.out" 2> "$work/stats3.err"; then fail "a damaged play went unreported"; fi
grep -q '1 gesprek overgeslagen' "$work/stats3.err" || fail "skipped: $(cat "$work/stats3.err")"
grep -q '1 gesprekken, 1 afgemaakt' "$work/stats3.out" || fail "stats without the damaged play"

# ---- the version 1 fixture of the transcript format ------------------------------------------------
cp "$REPO/tests/data/session/oefen.xml" "$work/data/scenarios/"
cp "$REPO/tests/data/session/handbook.xml" "$work/data/scenarios/handbook.xml"
S replay "$REPO/tests/data/transcripts/oefen-v1.xml" < /dev/null > "$work/v1.out" || fail "the v1 fixture does not replay"
grep -q 'Notitie: De groep wilde kennismaken' "$work/v1.out" || fail "v1 note"
S export "$REPO/tests/data/transcripts/oefen-v1.xml" --csv "$work/v1.csv" > /dev/null || fail "v1 export"
grep -q '^2,vraag,plannen,' "$work/v1.csv" || fail "v1 csv: $(cat "$work/v1.csv")"
echo "replay_cli.sh: ok"
