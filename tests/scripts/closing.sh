#!/bin/sh
# closing.sh: the case's closing question (<reflection>) and hand-out (<handout>) in the terminal debrief, `debrief` and the HTML export (escaped), not in the CSV; both languages, every shipped case; the oracle is the case file read with xmllint.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root), as tests/run.sh sets them.
set -u
BIN=${SAMENSPEL:-./samenspel}
ROOT=${SAMENSPEL_DATA:-$(pwd)}
export SAMENSPEL_DATA="$ROOT" SOURCE_DATE_EPOCH=0 LANG=C.UTF-8 TZ=UTC
unset LC_ALL LC_MESSAGES DISPLAY WAYLAND_DISPLAY
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0; checks=0
ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); fails=$((fails + 1)); echo "FAIL: $*"; }
has() { # FILE TEXT DESCRIPTION
    if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(basename "$1")"; fi
}
hasnt() {
    if grep -qF -- "$2" "$1"; then bad "$3: '$2' in $(basename "$1")"; else ok; fi
}
command -v xmllint > /dev/null || { echo "closing.sh: xmllint is missing (apt-get install libxml2-utils)"; exit 1; }

# The text of the case's element EL in language L, straight from the file:
# Dutch is the element's own text, English its <t xml:lang="en">. The
# first line only (the hand-out is several paragraphs); the first 60
# characters, so the check does not depend on where the terminal wraps.
text_of() { # FILE EL LANG
    if [ "$3" = en ]; then
        xp="string(/*[local-name()='scenario']/*[local-name()='$2']/*[local-name()='t'][@xml:lang='en'])"
    else
        xp="string(/*[local-name()='scenario']/*[local-name()='$2']/text()[1])"
    fi
    xmllint --xpath "$xp" "$1" | head -1 | cut -c1-60
}
# The whole text of EL in LANG, every paragraph.
full_text_of() { # FILE EL LANG
    if [ "$3" = en ]; then
        xp="string(/*[local-name()='scenario']/*[local-name()='$2']/*[local-name()='t'][@xml:lang='en'])"
    else
        xp="string(/*[local-name()='scenario']/*[local-name()='$2']/text()[1])"
    fi
    xmllint --xpath "$xp" "$1"
}
# The start (30 characters) of each blank-line-separated block of stdin, one a line.
block_starts() {
    awk 'BEGIN { RS = "" } { sub(/^[ \t\n]+/, ""); print substr($0, 1, 30) }'
}

for case in intake uitvoering teruggeven; do
    file="$ROOT/scenarios/$case.xml"
    play=$(ls "$ROOT/tests/plays/$case"-*.play | head -1)
    for lang in nl en; do
        XDG_DATA_HOME="$tmp/$case-$lang"; export XDG_DATA_HOME
        "$BIN" --lang "$lang" play --choices "$play" "$case" > "$tmp/out" 2> "$tmp/err" ||
            { bad "$case ($lang): the play failed"; sed 's/^/  | /' "$tmp/err"; continue; }
        tr=$(ls "$XDG_DATA_HOME"/samenspel/transcripts/*.xml | head -1)
        "$BIN" --lang "$lang" debrief "$tr" > "$tmp/debrief" 2>&1 || bad "$case ($lang): debrief failed"
        "$BIN" --lang "$lang" export --html "$tmp/out.html" --csv "$tmp/out.csv" "$tr" > /dev/null 2>&1 ||
            bad "$case ($lang): export failed"
        head=$([ "$lang" = en ] && echo "To reflect on" || echo "Om over na te denken")
        refl=$(text_of "$file" reflection "$lang")
        [ -n "$refl" ] || { bad "$case has no <reflection> in $lang"; continue; }
        has "$tmp/out" "$head" "$case ($lang): the play's debrief has the reflection heading"
        has "$tmp/out" "$refl" "$case ($lang): the play's debrief has the reflection"
        has "$tmp/debrief" "$refl" "$case ($lang): debrief has the reflection"
        # The HTML escapes it: the text as HTML text ('&' '<' '>' '"' escaped).
        esc=$(printf '%s' "$refl" | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g; s/"/\&quot;/g')
        has "$tmp/out.html" "<section class=\"reflection\">" "$case ($lang): the HTML has the reflection section"
        has "$tmp/out.html" "$esc" "$case ($lang): the HTML has the reflection"
        hasnt "$tmp/out.csv" "$refl" "$case ($lang): the CSV leaves the reflection out"
        hand=$(text_of "$file" handout "$lang")
        hhead=$([ "$lang" = en ] && echo "Handout" || echo "Hand-out")
        if [ -n "$hand" ]; then
            has "$tmp/out" "$hhead" "$case ($lang): the hand-out heading"
            has "$tmp/out" "$hand" "$case ($lang): the hand-out"
            # its paragraphs as in the file, a blank line between them (the
            # section: the lines after the heading, up to one not indented)
            want=$(full_text_of "$file" handout "$lang" | block_starts)
            got=$(awk -v h="$hhead" '$0 == h { on = 1; next } on && /^[^ ]/ { on = 0 } on' "$tmp/out" | block_starts)
            if [ "$got" = "$want" ] && [ "$(printf '%s\n' "$want" | wc -l)" -gt 1 ]; then ok; else
                bad "$case ($lang): the hand-out's paragraphs are not apart: want blocks starting"
                printf '%s\n' "$want" | sed 's/^/  want | /'; printf '%s\n' "$got" | sed 's/^/  got  | /'
            fi
            has "$tmp/out.html" "<section class=\"handout\">" "$case ($lang): the HTML has the hand-out"
            hasnt "$tmp/out.csv" "$hand" "$case ($lang): the CSV leaves the hand-out out"
        else
            hasnt "$tmp/out.html" "<section class=\"handout\">" "$case ($lang): no hand-out section without a hand-out"
        fi
    done
done
# At least one shipped case has a hand-out, or the checks above test nothing.
hand=$(text_of "$ROOT/scenarios/teruggeven.xml" handout nl)
[ -n "$hand" ] && ok || bad "teruggeven has no <handout>: the hand-out checks ran on nothing"

# Escaping: a case whose reflection holds markup shows it as text.
sed 's|<reflection>[^<]*|<reflection>Wat deed \&lt;script\&gt;alert(1)\&lt;/script\&gt; \&amp; "dit" met je?|' \
    "$ROOT/scenarios/intake.xml" > "$tmp/eigen.xml"
XDG_DATA_HOME="$tmp/esc"; export XDG_DATA_HOME
"$BIN" --lang nl play --choices "$(ls "$ROOT"/tests/plays/intake-*.play | head -1)" "$tmp/eigen.xml" > "$tmp/out" 2>&1
tr=$(ls "$XDG_DATA_HOME"/samenspel/transcripts/*.xml | head -1)
"$BIN" --lang nl export --html "$tmp/esc.html" "$tr" > /dev/null 2>&1 || bad "export of the changed case failed"
has "$tmp/out" 'Wat deed <script>alert(1)</script> & "dit" met je?' "the terminal shows the reflection as written"
has "$tmp/esc.html" 'Wat deed &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;dit&quot; met je?' "the HTML escapes the reflection"
hasnt "$tmp/esc.html" '<script>alert' "no markup from the case reaches the HTML"

echo "$checks checks, $fails failed"
[ "$fails" = 0 ]
