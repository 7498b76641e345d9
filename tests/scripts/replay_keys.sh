#!/bin/sh
# replay_keys.sh: the interactive replay at a (pseudo) terminal: jump to a turn, step back, attach a note (saved in the transcript), play by itself and pause, quit; and a branch started with 'b'.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh. Needs script(1) from util-linux for the terminal.
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
REPO=${SAMENSPEL_DATA:-$(pwd)}
if ! command -v script > /dev/null 2>&1; then
    echo "replay_keys.sh: skipped: script(1) is not installed, so there is no terminal to type into"
    exit 77
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "replay_keys.sh: FAIL: $*"; [ -f "$work/out" ] && tail -n 30 "$work/out"; exit 1; }

mkdir -p "$work/data/scenarios"
cp "$REPO"/scenarios/*.rng "$REPO"/scenarios/handbook.xml "$REPO"/tests/data/replay/kruispunt.xml "$work/data/scenarios/"
export SAMENSPEL_DATA="$work/data" XDG_DATA_HOME="$work/xdg" XDG_CONFIG_HOME="$work/config"
export SOURCE_DATE_EPOCH=1714554000 SDL_VIDEODRIVER=dummy TERM=dumb COLUMNS=200
T="$work/play.xml"
cp "$REPO/tests/data/replay/plays/p1.xml" "$T"

# Types the lines of $1 into `samenspel replay ARGS` running at a pseudo terminal.
at_terminal() {
    keys=$1
    shift
    # script(1) runs the command at a new terminal and copies our stdin to it.
    (cat "$keys"; sleep 1) | script -qec "$BIN --lang nl replay $*" /dev/null > "$work/out" 2>&1 || true
    # a terminal gets styles: strip their escape codes before reading
    tr -d '\r' < "$work/out" | sed 's/\x1b\[[0-9;]*m//g' > "$work/out.txt"
}

printf '3\np\na\nHier koos de groep voor de makkelijke weg.\nj 1\nq\n' > "$work/keys"
at_terminal "$work/keys" --text "$T"
grep -q '^Toetsen: ' "$work/out.txt" || fail "no key help"
grep -q 'Terugkijken> ' "$work/out.txt" || fail "no prompt"
# 3 jumps to turn 3, p goes back to turn 2: both are shown, in that order
awk '/^Beurt 3 van 4/{a=NR} /^Beurt 2 van 4/{if(a&&!b)b=NR} END{exit !(a&&b>a)}' "$work/out.txt" || fail "jump then back"
grep -q "Notitie bewaard in $T" "$work/out.txt" || fail "the note was not saved"
grep -q '<note step="2">Hier koos de groep voor de makkelijke weg.</note>' "$T" || fail "note in the transcript: $(grep note "$T")"
"$BIN" --lang nl replay --text "$T" < /dev/null > "$work/again" || fail "replay after the note"
awk '/^Beurt 2 van 4/{t=1} /^Beurt 3 van 4/{t=0} t&&/Notitie: Hier koos de groep/{ok=1} END{exit !ok}' "$work/again" || fail "the note is not shown at turn 2"

# r 1 plays by itself, a step a second; Enter pauses it before the end.
(printf 'r 1\n'; sleep 2.5; printf '\n'; sleep 0.5; printf 'q\n'; sleep 0.5) |
    script -qec "$BIN --lang nl replay --text $T" /dev/null > "$work/out" 2>&1 || true
tr -d '\r' < "$work/out" | sed 's/\x1b\[[0-9;]*m//g' > "$work/out.txt"
grep -q '^Beurt 2 van 4' "$work/out.txt" || fail "auto-play did not move on"
grep -q '^Gepauzeerd\.' "$work/out.txt" || fail "auto-play did not pause"
grep -q '^Einde: ' "$work/out.txt" && fail "auto-play ran past the pause"

# b at turn 3 (klaasen-alleen in p1) plays on from there at the keyboard:
# verwijt (2), then teruggeven (1).
printf '3\nb\n2\n1\n' > "$work/keys"
at_terminal "$work/keys" --text "$T"
grep -q '^Je speelt verder vanaf beurt 3\.' "$work/out.txt" || fail "no branch"
B=$(ls "$XDG_DATA_HOME"/samenspel/transcripts/kruispunt-*.xml 2>/dev/null | head -n 1)
[ -n "$B" ] || fail "no branch transcript"
grep -q "parent=\"$T\" branch-step=\"3\"" "$B" || fail "branch parent: $(head -3 "$B")"
grep -q 'ending="einde-goed"' "$B" || fail "the branch did not reach its ending"
echo "replay_keys.sh: ok"
