#!/bin/sh
# regen.sh: re-creates the fixture transcripts in tests/data/replay/plays/ by playing kruispunt.xml and omweg.xml from scripts (run from the repository root after changing either case; the expected figures in tests/unit/test_stats.c and tests/scripts/replay_*.sh are worked out from these plays).
set -eu
BIN=${SAMENSPEL:-./samenspel}
here=tests/data/replay
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/scenarios" "$work/xdg"
cp scenarios/*.rng scenarios/handbook.xml "$here/kruispunt.xml" "$here/omweg.xml" "$work/scenarios/"
tdir="$work/xdg/samenspel/transcripts"

# play NAME CASE EPOCH STEPS...: one play from the given script lines.
play() {
    name=$1 case=$2 epoch=$3
    shift 3
    printf '%s\n' "$@" > "$work/script"
    rm -rf "$tdir"
    SAMENSPEL_DATA="$work" XDG_DATA_HOME="$work/xdg" SOURCE_DATE_EPOCH=$epoch \
        "$BIN" --lang nl play --choices "$work/script" "$case" > /dev/null 2>&1 || true
    cp "$tdir"/*.xml "$here/plays/$name.xml"
}

mkdir -p "$here/plays"
play p1 kruispunt 1714554000 "option mislukt" "flag rf.og-geen-tijd" "option samen" "option toch-jansen" "option kwartaal"
play p2 kruispunt 1714557600 "flag rf.niet-lekker" "option doorbreken" "option wachten" "option bal" "option teruggeven"
play p3 kruispunt 1714561200 "option doorbreken" "option mailen" "flag rf.geen-eigenaar" "option persoon" "option teruggeven"
play p4 kruispunt 1714564800 "flag rf.niet-pluis" "option mislukt" "option wachten" "option bal" "option kwartaal"
play p5 kruispunt 1714568400 "option doorbreken" "option samen"
play o1 omweg 1714572000 "option benoemen"
# p2 was played by a group: votes per offered option, and one overruled vote.
sed -i -e 's/mode="solo"/mode="group"/' \
       -e 's/\(option="doorbreken"[^/]*\)\/>/\1 votes="2 5"\/>/' \
       -e 's/\(option="wachten"[^/]*\)\/>/\1 votes="1 4 3"\/>/' \
       -e 's/\(option="bal"[^/]*\)\/>/\1 votes="3 4" override="yes"\/>/' "$here/plays/p2.xml"
