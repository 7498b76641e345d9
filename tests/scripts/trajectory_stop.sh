#!/bin/sh
# trajectory_stop.sh: an ending marked trajectory="stop" ends `samenspel play trajectory` after its case; other endings go on.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root), as tests/run.sh sets them.
set -u
BIN=${SAMENSPEL:-./samenspel}
ROOT=${SAMENSPEL_DATA:-$(pwd)}
unset LC_ALL LC_MESSAGES DISPLAY WAYLAND_DISPLAY
export SDL_VIDEODRIVER=dummy SOURCE_DATE_EPOCH=0 LANG=C.UTF-8
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config"
fails=0; checks=0
ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }

# A data root of our own: the real handbook and schemas, three tiny cases.
mkdir -p "$tmp/root/scenarios"
cp "$ROOT"/scenarios/*.rng "$ROOT"/scenarios/handbook.xml "$tmp/root/scenarios/"
export SAMENSPEL_DATA="$tmp/root"
# case ID PHASE: a case with one decision; option 1 reaches ending "nee"
# (trajectory="stop" in the intake only), option 2 ending "ja".
case_file() {
    stop=""
    [ "$1" = intake ] && stop=' trajectory="stop"'
    cat > "$tmp/root/scenarios/$1.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<scenario xmlns="urn:samenspel:scenario:1" xml:lang="nl" id="$1" phase="$1" version="1" start="begin">
  <title>Casus $1</title>
  <summary>Proef.</summary>
  <briefing><you>Jij.</you><meet>Klaasen.</meet><situation>Proef.</situation><aim>Proef.</aim></briefing>
  <cast><person id="klaasen" role="gog" initials="HK" color="#8a5a2b"><name>Klaasen</name></person></cast>
  <node id="begin">
    <say who="klaasen">Doen we het?</say>
    <decision>
      <option id="nee" to="einde-nee"><text>Nee.</text><feedback>Eerlijk.</feedback></option>
      <option id="ja" to="einde-ja"><text>Ja.</text><feedback>Goed.</feedback></option>
    </decision>
  </node>
  <node id="einde-nee">
    <ending id="nee" kind="good"$stop><title>Nee</title><evaluation>Je zei nee in $1.</evaluation></ending>
  </node>
  <node id="einde-ja">
    <ending id="ja" kind="good"><title>Ja</title><evaluation>Je zei ja in $1.</evaluation></ending>
  </node>
</scenario>
XML
}
for c in intake uitvoering teruggeven; do case_file $c; done

run() { # WANT DESCRIPTION SCRIPT-LINES...
    want=$1; what=$2; shift 2
    printf '%s\n' "$@" > "$tmp/script"
    "$BIN" play --choices "$tmp/script" trajectory < /dev/null > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ "$rc" = "$want" ]; then ok; else bad "$what: exit $rc, expected $want"; sed 's/^/  | /' "$tmp/err"; fi
}
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(basename "$1")"; sed 's/^/  | /' "$1" | head -30; fi; }
hasnt() { if grep -qF -- "$2" "$1"; then bad "$3: '$2' in $(basename "$1")"; else ok; fi; }

# "no" at the intake: the trajectory stops after the intake's evaluation.
run 0 "stop ending" 1
has "$tmp/out" "Je zei nee in intake." "the stop ending's evaluation is shown"
has "$tmp/out" "Met dit einde houdt het traject op: er volgt geen volgende fase." "the stop is announced"
hasnt "$tmp/out" "Verder met de volgende fase" "no next case after a stop"
hasnt "$tmp/out" "Casus uitvoering" "uitvoering is not played"
n=$(ls "$tmp/data/samenspel/transcripts" | wc -l)
[ "$n" = 1 ] && ok || bad "one transcript after a stopped trajectory, found $n"

# "yes" at the intake: on to the other two cases; "no" there ends them as usual.
run 0 "ending without stop" 2 "case uitvoering" 1 "case teruggeven" 1
has "$tmp/out" "Je zei nee in uitvoering." "uitvoering is played"
has "$tmp/out" "Je zei nee in teruggeven." "teruggeven is played"
hasnt "$tmp/out" "houdt het traject op" "no stop message without a stop ending"

# A script that goes on after a stop ending is told so.
run 1 "script past the stop" 1 "case uitvoering" 1
has "$tmp/err" "the trajectory stops at this ending (trajectory=\"stop\"); the script goes on" "script message"

echo "trajectory_stop: $checks checks, $fails failed"
[ "$fails" = 0 ]
