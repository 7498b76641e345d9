#!/bin/sh
# cli.sh: the samenspel program from the outside: exit codes, check and its totals, hostile files, plain output, graph, debrief, scripts.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root), as tests/run.sh sets them.
set -u
BIN=${SAMENSPEL:-./samenspel}
ROOT=${SAMENSPEL_DATA:-$(pwd)}
export SAMENSPEL_DATA="$ROOT" SOURCE_DATE_EPOCH=0 LANG=C.UTF-8 TZ=UTC
unset LC_ALL LC_MESSAGES DISPLAY WAYLAND_DISPLAY
export SDL_VIDEODRIVER=dummy
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
fails=0; checks=0

ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }

# expect_rc WANT DESCRIPTION -- COMMAND...: runs COMMAND with stdin from
# /dev/null, output in $tmp/out and $tmp/err.
expect_rc() {
    want=$1; what=$2; shift 3
    "$@" < /dev/null > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ "$rc" = "$want" ]; then ok; else
        bad "$what: exit $rc, expected $want"; sed 's/^/  | /' "$tmp/err" | head -20
    fi
}
expect_in() { # FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -20; fi
}

# ---- help, version, usage --------------------------------------------------
expect_rc 0 "--help" -- "$BIN" --help
expect_in "$tmp/out" "samenspel play" "--help lists play"
expect_in "$tmp/out" "samenspel check" "--help lists check"
expect_rc 0 "--help in English" -- "$BIN" --lang en --help
expect_in "$tmp/out" "exit codes: 0 ok, 1 invalid content, 2 usage, 3 system failure" "--help exit codes"
expect_rc 0 "--version" -- "$BIN" --version
if grep -Eq '^samenspel [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"; then ok; else bad "--version prints '$(cat "$tmp/out")'"; fi
expect_rc 2 "unknown command" -- "$BIN" toveren
expect_in "$tmp/err" "toveren" "unknown command is named"
expect_rc 2 "play without a case" -- "$BIN" play
expect_in "$tmp/err" "gebruik: samenspel play" "play usage (in Dutch, the default)"
expect_rc 2 "play without a case, in English" -- "$BIN" --lang en play
expect_in "$tmp/err" "usage: samenspel play" "play usage in English"
expect_rc 2 "play with an unknown option" -- "$BIN" play --snel intake
expect_rc 2 "play with two cases" -- "$BIN" play --text intake uitvoering
expect_rc 2 "--lang fr" -- "$BIN" --lang fr --help
expect_rc 2 "graph without a case" -- "$BIN" graph
expect_rc 2 "check without files" -- "$BIN" check
expect_rc 2 "debrief without a file" -- "$BIN" debrief
expect_rc 2 "a case that does not exist" -- "$BIN" play --text geen-casus
expect_in "$tmp/err" "geen-casus" "unknown case is named"

# ---- no arguments, no display: the terminal, with a notice ----------------------
expect_rc 0 "no arguments, no display" -- "$BIN"
expect_in "$tmp/err" "Geen beeldscherm gevonden; samenspel speelt in de terminal." "Dutch notice"
printf '1\nq\n' > "$tmp/menu"
"$BIN" < "$tmp/menu" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" = 0 ] && ok || bad "the terminal menu: exit $rc"
expect_in "$tmp/out" "4. Het hele traject" "the menu offers the trajectory"
expect_in "$tmp/out" "Rolkaart" "picking 1 in the menu starts the intake"
LANG=en_GB.UTF-8 expect_rc 0 "no arguments, no display, English" -- "$BIN"
expect_in "$tmp/err" "No display found; samenspel plays in the terminal." "English notice"

# ---- check ------------------------------------------------------------------------
cases=""
for c in intake uitvoering teruggeven; do
    [ -f "$ROOT/scenarios/$c.xml" ] && cases="$cases $ROOT/scenarios/$c.xml"
done
# shellcheck disable=SC2086
expect_rc 0 "check over the handbook and every case" -- "$BIN" check "$ROOT/scenarios/handbook.xml" $cases
for c in $cases; do expect_in "$tmp/out" "$c: " "check summary of $(basename "$c")"; done
expect_in "$tmp/out" "rode vlaggen " "check names the red flags"
if [ "$(echo $cases | wc -w)" -ge 2 ]; then
    expect_in "$tmp/out" "Dekking" "coverage matrix"
    if [ "$(echo $cases | wc -w)" -eq 3 ]; then
        expect_in "$tmp/out" "interventies 14/14" "every intervention practised"
        expect_in "$tmp/out" "rode vlaggen 14/14" "every red flag present"
        expect_in "$tmp/out" "gedachteparen 8/8" "every thought pair practised"
    fi
fi
# shellcheck disable=SC2086
expect_rc 0 "check in English" -- "$BIN" --lang en check $cases
expect_in "$tmp/out" "red flags " "English check"

# Hostile and broken files: exit 1, a message naming the file, no crash.
cat > "$tmp/lol.xml" <<'X'
<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<scenario xmlns="urn:samenspel:scenario:1">&lol2;</scenario>
X
expect_rc 1 "check of an entity bomb" -- "$BIN" check "$tmp/lol.xml"
expect_in "$tmp/err" "$tmp/lol.xml" "entity bomb message names the file"
printf '<scenario xmlns="urn:samenspel:scenario:1" id="x"' > "$tmp/cut.xml"
expect_rc 1 "check of a cut-off file" -- "$BIN" check "$tmp/cut.xml"
expect_in "$tmp/err" "$tmp/cut.xml" "cut-off message names the file"
sed 's/to="e"/to="nergens"/' > "$tmp/dangling.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<scenario xmlns="urn:samenspel:scenario:1" xml:lang="nl" id="los" phase="intake" version="1" start="a">
  <title>Los</title><summary>Een test.</summary>
  <briefing><you>Jij.</you><meet>Hij.</meet><situation>Hier.</situation><aim>Dit.</aim></briefing>
  <cast><person id="ik" role="self" initials="JIJ" color="#3d6fa8"><name>Jij</name></person></cast>
  <node id="a"><decision><prompt>Wat doe je?</prompt>
    <option id="x" to="e"><text>Dit.</text><feedback>Goed.</feedback></option>
    <option id="y" to="e"><text>Dat.</text><feedback>Ook goed.</feedback></option>
  </decision></node>
  <node id="e"><ending id="klaar" kind="good"><title>Klaar</title><evaluation>Prima.</evaluation></ending></node>
</scenario>
X
expect_rc 1 "check of a dangling target" -- "$BIN" check "$tmp/dangling.xml"
expect_in "$tmp/err" "$tmp/dangling.xml:" "dangling target message has path:line"
expect_in "$tmp/err" "nergens" "dangling target is named"
# one bad file among good ones: still exit 1, and the good one is summarised
expect_rc 1 "check of a good and a bad file" -- "$BIN" check "$ROOT/scenarios/intake.xml" "$tmp/cut.xml"
expect_in "$tmp/out" "intake.xml: intake" "the good file is still checked"
expect_rc 3 "check of a missing file" -- "$BIN" check "$tmp/bestaat-niet.xml"

# A decision that can offer nothing, found by following the variables.
cat > "$tmp/leeg.xml" <<'X'
<?xml version="1.0" encoding="UTF-8"?>
<scenario xmlns="urn:samenspel:scenario:1" xml:lang="nl" id="leeg" phase="intake" version="1" start="a">
  <title>Leeg</title><summary>Een test.</summary>
  <briefing><you>Jij.</you><meet>Hij.</meet><situation>Hier.</situation><aim>Dit.</aim></briefing>
  <cast><person id="ik" role="self" initials="JIJ" color="#3d6fa8"><name>Jij</name></person></cast>
  <variables><var name="v" init="0" min="0" max="5"/></variables>
  <node id="a"><decision><prompt>Eerst?</prompt>
    <option id="x" to="b"><text>Dit.</text><add var="v" value="2"/><feedback>Goed.</feedback></option>
    <option id="y" to="b"><text>Dat.</text><feedback>Ook goed.</feedback></option>
  </decision></node>
  <node id="b"><decision><prompt>Dan?</prompt>
    <option id="p" to="e" if="v == 2"><text>Dit.</text><feedback>Goed.</feedback></option>
    <option id="q" to="e" if="v > 3"><text>Dat.</text><feedback>Ook goed.</feedback></option>
  </decision></node>
  <node id="e"><ending id="klaar" kind="good"><title>Klaar</title><evaluation>Prima.</evaluation></ending></node>
</scenario>
X
expect_rc 1 "check of a decision that can offer nothing" -- "$BIN" check "$tmp/leeg.xml"
expect_in "$tmp/out" "$tmp/leeg.xml:11: 'b'" "empty decision is named with its line"

# ---- plain output -------------------------------------------------------------------
printf '1\n' > "$tmp/kort.play"
expect_rc 1 "a script that stops before an ending" -- "$BIN" play --choices "$tmp/kort.play" intake
expect_in "$tmp/err" "$tmp/kort.play" "early end names the script"
if grep -q "$(printf '\033')" "$tmp/out"; then bad "escape codes in output that is not a terminal"; else ok; fi
expect_in "$tmp/out" "(gedachte)" "thought moments are marked"
expect_in "$tmp/out" "Rolkaart" "the role card comes first"
expect_in "$tmp/out" "== Nabespreking" "an unfinished play still gets its debrief"

printf '1\n2\nkiezen maar\n' > "$tmp/fout.play"
expect_rc 1 "a script line that does not fit" -- "$BIN" play --choices "$tmp/fout.play" intake
expect_in "$tmp/err" "$tmp/fout.play:3: onbekende opdracht 'kiezen maar'" "SCRIPT:LINE: message"
expect_rc 1 "a script line that does not fit, in English" -- "$BIN" --lang en play --choices "$tmp/fout.play" intake
expect_in "$tmp/err" "$tmp/fout.play:3: unknown command 'kiezen maar'" "SCRIPT:LINE: message in English"
printf '9\n' > "$tmp/negen.play"
expect_rc 1 "a number that is not on offer" -- "$BIN" play --choices "$tmp/negen.play" intake
expect_in "$tmp/err" "$tmp/negen.play:1: hier is geen optie 9 (er zijn er 2)" "option number out of range"
printf 'undo\n' > "$tmp/undo.play"
expect_rc 1 "undo at the start" -- "$BIN" play --choices "$tmp/undo.play" intake
expect_in "$tmp/err" "$tmp/undo.play:1: niets om terug te draaien" "nothing to undo"
printf 'flag rf.bestaat-niet\n' > "$tmp/vlag.play"
expect_rc 1 "an unknown red flag" -- "$BIN" play --choices "$tmp/vlag.play" intake
expect_in "$tmp/err" "onbekende rode vlag 'rf.bestaat-niet'" "unknown flag named"
printf 'case uitvoering\n' > "$tmp/case.play"
expect_rc 1 "case outside a trajectory" -- "$BIN" play --choices "$tmp/case.play" intake
expect_rc 3 "a script that does not exist" -- "$BIN" play --choices "$tmp/nergens.play" intake

# ---- transcripts ------------------------------------------------------------------------
rm -rf "$XDG_DATA_HOME"
printf '1\nf\n3\nh\nu\nq\n' > "$tmp/keys"
"$BIN" play --text intake < "$tmp/keys" > "$tmp/out" 2> "$tmp/err"
rc=$?
[ "$rc" = 0 ] && ok || bad "interactive play from a pipe: exit $rc"
expect_in "$tmp/out" "Tot nu toe" "h shows the history"
expect_in "$tmp/out" "Teruggedraaid." "u undoes"
expect_in "$tmp/out" "Gestopt. Je gesprek is bewaard." "q quits"
tr="$XDG_DATA_HOME/samenspel/transcripts/intake-19700101-000000.xml"
if [ -f "$tr" ]; then ok; else bad "no transcript at $tr"; ls -R "$XDG_DATA_HOME" 2>/dev/null; fi
expect_in "$tmp/err" "$tr" "the transcript path is printed"
expect_rc 0 "debrief of a saved transcript" -- "$BIN" debrief "$tr"
expect_in "$tmp/out" "== Nabespreking" "debrief prints a debrief"

# --resume goes on in the same file, from where the play stopped
printf '2\n' > "$tmp/verder.play"
expect_rc 1 "resume with a script that stops early" -- "$BIN" play --resume "$tr" --choices "$tmp/verder.play"
expect_in "$tmp/out" "-- Beurt 2 --" "resume shows where the play stopped"
expect_in "$tmp/err" "$tr" "resume saves into the same file"
if [ "$(grep -c '<choose ' "$tr")" = 2 ]; then ok; else bad "resumed transcript holds $(grep -c '<choose ' "$tr") choices, expected 2"; fi
expect_rc 2 "resume and a case at once" -- "$BIN" play --resume "$tr" intake
expect_rc 0 "play --help" -- "$BIN" play --help
expect_in "$tmp/out" "--resume" "play --help shows --resume"

# a transcript whose step no longer fits: a warning naming the step, exit 1
play_dir=$(cd "$(dirname "$0")/../plays" && pwd)
"$BIN" play --choices "$play_dir/intake-blind.play" intake > /dev/null 2>&1
tr2="$XDG_DATA_HOME/samenspel/transcripts/intake-19700101-000000-2.xml"
sed '0,/option="bm-ja"/s//option="bm-verdwenen"/' "$tr2" > "$tmp/changed.xml"
expect_rc 1 "debrief of a transcript that no longer fits" -- "$BIN" debrief "$tmp/changed.xml"
expect_in "$tmp/err" "stap 2: knoop 'bm-vraag' heeft geen optie 'bm-verdwenen'" "the first mismatching step is named"
expect_in "$tmp/out" "== Nabespreking" "the debrief up to the mismatch"
expect_rc 1 "the same in English" -- "$BIN" --lang en debrief "$tmp/changed.xml"
expect_in "$tmp/err" "step 2: node 'bm-vraag' has no option 'bm-verdwenen'" "the first mismatching step is named in English"
echo "niet eens xml" > "$tmp/rommel.xml"
expect_rc 1 "debrief of a damaged transcript" -- "$BIN" debrief "$tmp/rommel.xml"
expect_rc 1 "resume of a transcript that no longer fits" -- "$BIN" play --resume "$tmp/changed.xml" --choices "$tmp/verder.play"
expect_in "$tmp/err" "kan niet verder worden gespeeld" "resume refuses a changed play"
expect_rc 3 "debrief of a missing transcript" -- "$BIN" debrief "$tmp/weg.xml"

# play --resume --case: a play of a case file that has moved since goes on
# with --case, and the transcript then records the new place
mkdir -p "$tmp/rc"
cp "$ROOT/tests/data/replay/kruispunt.xml" "$tmp/rc/k.xml"
XDG_DATA_HOME="$tmp/rc/data" "$BIN" play --choices "$tmp/verder.play" "$tmp/rc/k.xml" > /dev/null 2>&1
trk="$tmp/rc/data/samenspel/transcripts/kruispunt-19700101-000000.xml"
if grep -qF "scenario-path=\"$tmp/rc/k.xml\"" "$trk"; then ok; else bad "a play of a case file records its path: $(head -2 "$trk" | tail -1)"; fi
mv "$tmp/rc/k.xml" "$tmp/rc/elders.xml"
expect_rc 2 "resume of a play whose case file moved" -- "$BIN" play --resume "$trk" --choices "$tmp/verder.play"
expect_in "$tmp/err" "geef het pad van het casusbestand met --case BESTAND" "the moved case file is named, with the fix"
expect_rc 1 "resume with --case (the script stops early)" -- "$BIN" play --resume "$trk" --case "$tmp/rc/elders.xml" --choices "$tmp/verder.play"
if [ "$(grep -c '<choose ' "$trk")" = 2 ]; then ok; else bad "resume --case: $(grep -c '<choose ' "$trk") choices, expected 2"; fi
expect_in "$trk" "scenario-path=\"$tmp/rc/elders.xml\"" "resume --case records the case file's new place"
expect_rc 0 "debrief after resume --case finds the case without --case" -- "$BIN" debrief "$trk"
expect_rc 0 "resume --case=FILE" -- "$BIN" play --resume "$trk" --case="$tmp/rc/elders.xml" --text
expect_rc 2 "--case without --resume" -- "$BIN" play --case "$tmp/rc/elders.xml" intake
expect_in "$tmp/err" "--case hoort bij --resume" "--case without --resume says why"
expect_rc 0 "play --help" -- "$BIN" play --help
expect_in "$tmp/out" "--resume TRANSCRIPT [--case FILE]" "play --help shows --resume --case"

# ---- graph ---------------------------------------------------------------------------------
expect_rc 0 "graph" -- "$BIN" graph intake
if head -1 "$tmp/out" | grep -q '^digraph "intake" {$'; then ok; else bad "graph does not start a digraph"; fi
expect_in "$tmp/out" "doubleoctagon" "endings are drawn"
# dot and script(1) are required (tools/deps.sh test installs graphviz; script is in bsdutils).
if ! command -v dot > /dev/null 2>&1; then
    bad "dot (graphviz) is not installed: sh tools/deps.sh test"
elif dot -Tsvg "$tmp/out" > "$tmp/graph.svg" 2> "$tmp/dot.err"; then ok; else bad "dot rejects the graph"; cat "$tmp/dot.err"; fi
expect_rc 1 "graph of a broken file" -- "$BIN" graph "$tmp/cut.xml"

# ---- a terminal: styles and wrapping ---------------------------------------------------
# `script` gives the program a pseudo-terminal of 40 columns.
if ! command -v script > /dev/null 2>&1; then
    bad "script(1) is not installed: sh tools/deps.sh test"
else
    rm -rf "$XDG_DATA_HOME"
    script -qec "stty cols 40 rows 50; '$BIN' play --text intake < '$tmp/kort.play' 2> /dev/null" /dev/null > "$tmp/tty.out" 2>&1
    if grep -q "$(printf '\033')\[1m" "$tmp/tty.out"; then ok; else bad "no styles on a terminal"; fi
    over=$(sed 's/\x1b\[[0-9;]*m//g; s/\r$//' "$tmp/tty.out" | while IFS= read -r l; do
        [ "$(printf '%s' "$l" | wc -m)" -gt 40 ] && printf '%s\n' "$l"; done | head -3)
    if [ -z "$over" ]; then ok; else bad "lines wider than the terminal:"; printf '%s\n' "$over"; fi
fi

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
