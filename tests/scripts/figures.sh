#!/bin/sh
# figures.sh: the figures of a play (score, left, still, maximum, per goal your score and the expert route) hold their invariants and have one value on every non-window surface: the debrief, the CSV and HTML exports, compare, stats and the list of earlier plays; over every play in tests/plays and plays of generated cases.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Each surface's output is parsed here, with awk, as a reader would.
set -u
BIN=${SAMENSPEL:-./samenspel}
root=$(cd "$(dirname "$0")/../.." && pwd)
export SAMENSPEL_DATA=${SAMENSPEL_DATA:-$root}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SOURCE_DATE_EPOCH=0
fail=0; checked=0

bad() { echo "FAIL $*"; fail=1; }

# ---- reading each surface ------------------------------------------------------
# Every reader prints "FIGURE VALUE" lines: goal.N.score, goal.N.expert (N:
# the goal's row, 1-based), total.score, total.expert, score, left, still,
# max. A reader leaves out what its surface does not show.

# "jouw score A + laten liggen B + nog haalbaar C = maximum van de casus D"
sum_line='jouw score (-?[0-9]+) \+ laten liggen (-?[0-9]+) \+ nog haalbaar (-?[0-9]+) = maximum van de casus (-?[0-9]+)'

# The terminal debrief: the goal table after "Leerdoelen" (a header line,
# rows ending in "score expert", the Totaal row) and the sum line.
read_term() {
    awk -v re="$sum_line" '
        function ints(line, out,   n, k, f) { n = split(line, f, /[ \]]+/); k = 0
            for (i = 1; i <= n; i++) if (f[i] ~ /^-?[0-9]+$/) out[++k] = f[i]; return k }
        /^Leerdoelen$/ { on = 1; head = 1; next }
        on && head { head = 0; next }
        on && /^  Totaal / { k = ints($0, v); print "total.score", v[k - 1]; print "total.expert", v[k]; on = 0; next }
        on && /^  / { k = ints($0, v); g++; print "goal." g ".score", v[k - 1]; print "goal." g ".expert", v[k]; next }
        match($0, re) { split(substr($0, RSTART, RLENGTH), w, /[ =+]+/)
            print "score", w[3]; print "left", w[6]; print "still", w[9]; print "max", w[14]; exit }
    ' "$1"
}

# The HTML export: the rows of the figures table and the sum paragraph.
read_html() {
    awk '
        function attr(s, name,   p) { p = index(s, name "=\""); if (!p) return ""
            s = substr(s, p + length(name) + 2); return substr(s, 1, index(s, "\"") - 1) }
        /<tr data-goal="/ && /data-you=/ {
            id = attr($0, "data-goal")
            if (id == "total") { print "total.score", attr($0, "data-you"); print "total.expert", attr($0, "data-expert") }
            else { g++; print "goal." g ".score", attr($0, "data-you"); print "goal." g ".expert", attr($0, "data-expert") } }
        /<p class="sum"/ { print "score", attr($0, "data-score"); print "left", attr($0, "data-left")
            print "still", attr($0, "data-still"); print "max", attr($0, "data-max") }
    ' "$1"
}

# The CSV export: the goal columns are the header's fields between "tekst"
# and "score"; the "totaal" and "expertroute" rows; the figure rows.
read_csv() {
    awk -F, '
        NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "tekst") first = i + 1; if ($i == "score") sc = i }; next }
        $1 == "totaal" { for (i = first; i < sc; i++) print "goal." (i - first + 1) ".score", $i
            print "total.score", $sc; next }
        $1 == "expertroute" && $2 == "" { for (i = first; i < sc; i++) print "goal." (i - first + 1) ".expert", $i
            print "total.expert", $sc; next }
        $1 == "jouw score" { print "score", $2 } $1 == "laten liggen" { print "left", $2 }
        $1 == "nog haalbaar" { print "still", $2 } $1 == "maximum van de casus" { print "max", $2 }
    ' "$1" | tr -d '\r'
}

# compare A A: side A's sum line and the A column of the goal table.
read_compare() {
    awk -v re="$sum_line" '
        !done && match($0, re) { split(substr($0, RSTART, RLENGTH), w, /[ =+]+/)
            print "score", w[3]; print "left", w[6]; print "still", w[9]; print "max", w[14]; done = 1 }
        /^Leerdoelen$/ { on = 1; head = 1; next }
        on && head { head = 0; next }
        on && /^  Totaal / { print "total.score", $(NF - 1); on = 0; next }
        on && /^  / { g++; print "goal." g ".score", $(NF - 1) }
    ' "$1"
}

# stats of one play: the goal table's sums ("opgeteld") and expert route
# (a mean over one play: "16,00"), and the play's line under "Per gesprek".
read_stats() {
    awk -v re="$sum_line" '
        /^Score per leerdoel/ { on = 1; head = 1; next }
        on && head { head = 0; next }
        on && /^  Totaal / { print "total.score", $(NF - 2); x = $NF; sub(/,00$/, "", x); print "total.expert", x; on = 0; next }
        on && /^  / { g++; print "goal." g ".score", $(NF - 2); x = $NF; sub(/,00$/, "", x); print "goal." g ".expert", x; next }
        /^Per gesprek$/ { per = 1; next }
        per && match($0, re) { split(substr($0, RSTART, RLENGTH), w, /[ =+]+/)
            print "score", w[3]; print "left", w[6]; print "still", w[9]; print "max", w[14]; exit }
    ' "$1"
}

# ---- the invariants on one surface ------------------------------------------------

# invariants NAME FILE: goal rows sum to the total row (score and expert);
# the expert route's total is the maximum; no figure beside the maximum that
# claims a total (your score, your score + what is still within reach) is
# above it; score + left + still = max.
invariants() {
    awk -v name="$1" '
        { v[$1] = $2; if ($1 ~ /^goal\./) { split($1, p, "."); if (p[3] == "score") s += $2; else e += $2; has[p[3]] = 1 } }
        function no(what) { print "FAIL " name ": " what; bad = 1 }
        END {
            if (!("total.score" in v)) no("no total row")
            else if (s != v["total.score"]) no("goal rows sum to " s ", total row says " v["total.score"])
            if (has["expert"] && e != v["total.expert"]) no("expert route rows sum to " e ", total row says " v["total.expert"])
            if ("max" in v) {
                if ("total.expert" in v && v["total.expert"] != v["max"]) no("expert route total " v["total.expert"] " is not the maximum " v["max"])
                if (v["score"] > v["max"]) no("score " v["score"] " above the maximum " v["max"])
                if (v["score"] + v["still"] > v["max"]) no("score + still above the maximum")
                if (v["left"] < 0 || v["still"] < 0) no("a negative left or still")
                if (v["score"] + v["left"] + v["still"] != v["max"]) no("score + left + still != max")
                if (v["score"] != v["total.score"]) no("sum line score " v["score"] " vs total row " v["total.score"])
            }
            exit bad }' "$2" || fail=1
}

# same NAME A B: every figure B shows has A's value (A shows them all).
same() {
    awk -v name="$1" 'NR == FNR { a[$1] = $2; next }
        !($1 in a) { print "FAIL " name ": " $1 " not on the debrief"; bad = 1; next }
        a[$1] != $2 { print "FAIL " name ": " $1 " is " $2 ", the debrief says " a[$1]; bad = 1 }
        END { exit bad }' "$2" "$3" || fail=1
}

# check_transcript LABEL TRANSCRIPT [CASE_FILE]: every surface of one play.
check_transcript() {
    label=$1; t=$2; case_opt=""
    [ $# -ge 3 ] && case_opt="--case $3"
    out=$tmp/s; mkdir -p "$out"; rm -f "$out"/*
    "$BIN" --lang nl debrief $case_opt "$t" > "$out/debrief.txt" 2> "$out/err"
    "$BIN" --lang nl export $case_opt --html "$out/p.html" --csv "$out/p.csv" "$t" > /dev/null 2>> "$out/err"
    "$BIN" --lang nl compare --text $case_opt "$t" "$t" > "$out/compare.txt" 2>> "$out/err"
    "$BIN" --lang nl stats $case_opt "$t" > "$out/stats.txt" 2>> "$out/err"
    # Beside the expert route, which starts where the play started: its line
    # (the second) is "maximum + 0 + 0 = maximum", the play's maximum.
    "$BIN" --lang nl compare --text $case_opt "$t" expert > "$out/expert.txt" 2>> "$out/err"
    awk -v re="$sum_line" 'match($0, re) && ++n == 2 { split(substr($0, RSTART, RLENGTH), w, /[ =+]+/)
        print "score", w[14]; print "left", 0; print "still", 0; print "max", w[14]; got = 1
        if (w[3] != w[14] || w[6] != 0 || w[9] != 0) print "bad", 1 } END { if (!got) print "bad", 2 }' \
        "$out/expert.txt" > "$out/f.expert"
    read_term "$out/debrief.txt" > "$out/f.term"
    read_html "$out/p.html" > "$out/f.html"
    read_csv "$out/p.csv" > "$out/f.csv"
    read_compare "$out/compare.txt" > "$out/f.compare"
    read_stats "$out/stats.txt" > "$out/f.stats"
    grep -q '^bad ' "$out/f.expert" && bad "$label: the expert route beside the play does not reach its maximum"
    grep '^max ' "$out/f.expert" > "$out/f.expert-max"
    same "$label (expert route)" "$out/f.term" "$out/f.expert-max"
    # stats sums the goals over finished plays only: an unfinished play has
    # just its line under "Per gesprek" there.
    finished=1
    grep -q ' ending="' "$t" || finished=0
    [ "$finished" = 1 ] || grep -v '^goal\.\|^total\.' "$out/f.term" > "$out/f.term-plays"
    for s in term html csv compare stats; do
        if [ "$s" = stats ] && [ "$finished" = 0 ]; then
            [ "$(grep -c '^score ' "$out/f.stats")" = 1 ] || bad "$label: stats shows no line for the play"
            same "$label (stats)" "$out/f.term-plays" "$out/f.stats"
            continue
        fi
        if [ "$(grep -c '^total.score ' "$out/f.$s")" != 1 ] || [ "$(grep -c '^score ' "$out/f.$s")" != 1 ]; then
            bad "$label: the $s surface shows no total row or no sum line"; cat "$out/err"; continue
        fi
        invariants "$label ($s)" "$out/f.$s"
        [ "$s" = term ] || same "$label ($s)" "$out/f.term" "$out/f.$s"
    done
    checked=$((checked + 1))
}

# feedback_check LABEL PLAY_OUTPUT CSV: after every choice that left points
# the play printed "Sterker was: ..."; the points left in the feedback lines
# of the choices that stand (an undo takes back the last choice or flag)
# add up to the debrief's.
feedback_check() {
    fb=$(awk '
        /^  Score [-+][0-9]+; laten liggen [0-9]+$/ { ev[++n] = $NF; strong[n] = 0; next }
        /^  Sterker was: / { strong[n] = 1; next }
        /^  (Herkend|Vals alarm): / { ev[++n] = "flag"; next }
        /^  Teruggedraaid\.$/ { if (n > 0) n--; next }
        END { for (i = 1; i <= n; i++) if (ev[i] != "flag") { s += ev[i]
                  if (ev[i] > 0) weak++; if (strong[i]) named++; if ((ev[i] > 0) != strong[i]) odd++ }
              print s + 0, weak + 0, named + 0, odd + 0 }' "$2")
    set -- "$1" $fb "$(read_csv "$3" | sed -n 's/^left //p')"
    [ "$2" = "$6" ] || bad "$1: the feedback lines leave $2 points, the debrief $6"
    [ "$3" = "$4" ] && [ "$5" = 0 ] || bad "$1: $3 choices left points, but 'Sterker was' came after $4 (and $5 lines disagree)"
}

# ---- the plays in tests/plays --------------------------------------------------------

for play in "$root"/tests/plays/*.play; do
    name=$(basename "$play" .play)
    scenario=$(sed -n '1s/^# scenario: *//p' "$play")
    XDG_DATA_HOME="$tmp/home-$name"; export XDG_DATA_HOME
    "$BIN" --lang nl play --choices "$play" "$scenario" < /dev/null > "$tmp/$name.out" 2> /dev/null
    for t in "$tmp/home-$name"/samenspel/transcripts/*.xml; do
        [ -f "$t" ] || continue
        check_transcript "$name $(basename "$t" .xml)" "$t"
    done
    case $scenario in
    trajectory) ;;
    *) t=$(ls "$tmp/home-$name"/samenspel/transcripts/*.xml 2>/dev/null | head -1)
       [ -n "$t" ] && "$BIN" --lang nl export --csv "$tmp/$name.csv" "$t" > /dev/null 2>&1 &&
           feedback_check "$name" "$tmp/$name.out" "$tmp/$name.csv"
       # The list of earlier plays (replay without a file): your score and the maximum.
       "$BIN" --lang nl replay < /dev/null > "$tmp/$name.list" 2>&1
       sed -n 's/.* · jouw score \(-\{0,1\}[0-9]*\), maximum van de casus \([0-9]*\)$/score \1\
max \2/p' "$tmp/$name.list" > "$tmp/$name.flist"
       if [ "$(wc -l < "$tmp/$name.flist")" != 2 ]; then
           bad "$name: the list of earlier plays shows no score and maximum"; cat "$tmp/$name.list"
       else
           "$BIN" --lang nl debrief "$t" > "$tmp/$name.debrief" 2> /dev/null
           read_term "$tmp/$name.debrief" > "$tmp/$name.fterm"
           same "$name (list of plays)" "$tmp/$name.fterm" "$tmp/$name.flist"
       fi ;;
    esac
done

# ---- generated cases --------------------------------------------------------------------
# gen SEED: a layered case of 4-8 decisions with a variable v that options
# set and later options require (if="v >= 1", "v <= 1"), deltas -3..3 on
# the four goals, two endings. The first option of a decision never has a
# condition, so a script of "1" lines always plays on.
gen() {
    awk -v seed="$1" 'BEGIN {
        srand(seed); n = 4 + int(rand() * 5); split("relatie eigenaarschap helderheid koers", goal, " ")
        printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        printf "<scenario xmlns=\"urn:samenspel:scenario:1\" xml:lang=\"nl\" id=\"gen%d\" phase=\"intake\" version=\"1\" start=\"d0\">\n", seed
        printf "<title>Gegenereerd %d</title><summary>Een gegenereerde casus.</summary>\n", seed
        printf "<briefing><you>Jij.</you><meet>Klaasen.</meet><situation>Een test.</situation><aim>Rekenen.</aim></briefing>\n"
        printf "<cast><person id=\"ik\" role=\"self\" initials=\"JIJ\" color=\"#3d6fa8\"><name>Jij</name></person>"
        printf "<person id=\"klaasen\" role=\"gog\" initials=\"HK\" color=\"#8a5a2b\"><name>Klaasen</name></person></cast>\n"
        printf "<variables><var name=\"v\" init=\"%d\" min=\"0\" max=\"3\"/></variables>\n", int(rand() * 3)
        for (i = 0; i < n; i++) {
            printf "<node id=\"d%d\"><say who=\"klaasen\">Vraag %d.</say><decision>", i, i
            k = 2 + int(rand() * 3)
            for (o = 0; o < k; o++) {
                # option 0 chains the decisions; the last decision reaches both endings
                to = o == 0 ? i + 1 : i + 1 + int(rand() * 2)
                dest = to < n ? "d" to : o < 2 ? "e" o : "e" int(rand() * 2)
                cond = ""
                if (o > 0 && !(i == n - 1 && o == 1) && rand() < 0.4)
                    cond = rand() < 0.5 ? " if=\"v &gt;= 1\"" : " if=\"v &lt;= 1\""
                printf "<option id=\"o%d_%d\" to=\"%s\"%s><text>Optie %d.%d</text>", i, o, dest, cond, i, o
                used = ""
                for (s = int(rand() * 3); s > 0; s--) {
                    g = goal[1 + int(rand() * 4)]; if (index(used, g)) continue; used = used " " g
                    printf "<score goal=\"%s\" delta=\"%d\"/>", g, int(rand() * 7) - 3 }
                if (rand() < 0.3) printf "<set var=\"v\" value=\"%d\"/>", int(rand() * 3)
                printf "<feedback>Terugkoppeling.</feedback></option>"
            }
            printf "</decision></node>\n"
        }
        printf "<node id=\"e0\"><ending id=\"goed\" kind=\"good\"><title>Goed</title><evaluation>Goed.</evaluation></ending></node>\n"
        printf "<node id=\"e1\"><ending id=\"mager\" kind=\"poor\"><title>Mager</title><evaluation>Mager.</evaluation></ending></node>\n"
        printf "</scenario>\n" }'
}

seed=1
while [ $seed -le 30 ]; do
    c=$tmp/gen$seed.xml
    gen $seed > "$c"
    XDG_DATA_HOME="$tmp/home-gen$seed"; export XDG_DATA_HOME
    # Every third play stops after two choices: still within reach is then > 0 or 0.
    steps=20; [ $((seed % 3)) -eq 0 ] && steps=2
    awk -v n=$steps 'BEGIN { for (i = 0; i < n; i++) print 1 }' > "$tmp/gen$seed.play"
    "$BIN" --lang nl play --choices "$tmp/gen$seed.play" "$c" < /dev/null > "$tmp/gen$seed.out" 2> "$tmp/gen$seed.err"
    rc=$?
    if [ "$rc" -gt 1 ]; then
        bad "gen$seed: play exits $rc"; cat "$tmp/gen$seed.err"
    fi
    t=$(ls "$tmp/home-gen$seed"/samenspel/transcripts/*.xml 2>/dev/null | head -1)
    if [ -z "$t" ]; then
        bad "gen$seed: no transcript"; cat "$tmp/gen$seed.err"
    else
        check_transcript "gen$seed" "$t" "$c"
    fi
    seed=$((seed + 1))
done

echo "$checked plays checked on 5 surfaces"
[ "$checked" -gt 0 ] && [ "$fail" -eq 0 ]
