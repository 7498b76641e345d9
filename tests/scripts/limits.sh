#!/bin/sh
# limits.sh: damaged, foreign and oversized transcripts given to `debrief` and `play --resume`: a clear error, never a crash, the file untouched.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh.
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8
failures=0
fail() { echo "limits.sh: FAIL: $*"; failures=$((failures + 1)); }

# ---- the damaged files --------------------------------------------------------
d="$work/in"
mkdir -p "$d"
: > "$d/empty.xml"
printf '\177ELF\002\001\001\000\000\000\000\000' > "$d/binary.xml"
printf '<?xml version="1.0"?>\n<transcript xmlns="urn:samenspel:transcript:1" version="1" scenario="intake" scenario-hash="0123456789abcdef" lang="nl" mode="solo" started="2024-05-01T09:30:00Z">\n<steps>\n<choose turn="1" node="t-' > "$d/truncated.xml"
printf '<?xml version="1.0"?><transcript>caf\351</transcript>\n' > "$d/latin1.xml"
printf '<!DOCTYPE html><html><body>Not found</body></html>\n' > "$d/html.xml"
cp "$SAMENSPEL_DATA/scenarios/intake.xml" "$d/scenario-instead.xml"
printf '<transcript xmlns="urn:samenspel:transcript:1" version="99" scenario="intake" scenario-hash="0123456789abcdef" lang="nl" mode="solo" started="2024-05-01T09:30:00Z"><steps/></transcript>\n' > "$d/future.xml"
printf '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x SYSTEM "file:///etc/passwd">]><transcript>&x;</transcript>\n' > "$d/entity.xml"
printf '<transcript xmlns="urn:samenspel:transcript:1" version="1" scenario="geen-casus" scenario-hash="0123456789abcdef" lang="nl" mode="solo" started="2024-05-01T09:30:00Z"><steps><choose turn="1" node="x" option="y" at="2024-05-01T09:30:00Z"/></steps></transcript>\n' > "$d/unknown-case.xml"
# A valid transcript of intake whose second step names an option that does not exist.
printf '<transcript xmlns="urn:samenspel:transcript:1" version="1" scenario="intake" scenario-hash="0123456789abcdef" lang="nl" mode="solo" started="2024-05-01T09:30:00Z"><steps><choose turn="1" node="nergens" option="niets" at="2024-05-01T09:30:00Z"/></steps></transcript>\n' > "$d/mismatch.xml"
# 4 MiB and one byte: refused by size before it is parsed.
head -c 4194305 /dev/zero | tr '\0' ' ' > "$d/huge.xml"

# ---- each through each command ----------------------------------------------------
for f in "$d"/*.xml; do
    name=$(basename "$f")
    before=$(cksum < "$f")
    mtime=$(stat -c %Y.%y "$f")
    for cmd in debrief resume; do
        if [ $cmd = debrief ]; then
            set +e; "$BIN" debrief "$f" > "$work/out" 2> "$work/err" < /dev/null; rc=$?; set -e
        else
            set +e; echo q | "$BIN" play --text --resume "$f" > "$work/out" 2> "$work/err"; rc=$?; set -e
        fi
        # A debrief up to a mismatching step is still shown (exit 1 with the
        # step named); anything else must be refused. Never a signal. The
        # message names the file (a transcript of a case that is not there
        # names the case instead).
        if [ $rc -ge 128 ]; then
            fail "$cmd $name: killed by signal $((rc - 128))"
        elif [ $rc -eq 0 ]; then
            fail "$cmd $name: accepted (exit 0)"
        elif ! grep -q "$name" "$work/err" &&
             ! { [ "$name" = unknown-case.xml ] && grep -q "geen-casus" "$work/err"; }; then
            fail "$cmd $name: the message does not name the file: $(head -c 300 "$work/err")"
        fi
        [ "$(cksum < "$f")" = "$before" ] || fail "$cmd $name: the file was changed"
        [ "$(stat -c %Y.%y "$f")" = "$mtime" ] || fail "$cmd $name: the file's mtime changed"
    done
    # Nothing was written beside it either (no .tmp left over, no new transcript).
    [ "$(ls "$d" | wc -l)" -eq "$(ls "$d" | grep -c '\.xml$')" ] || fail "$name: left files behind: $(ls "$d")"
done
if [ -d "$XDG_DATA_HOME/samenspel/transcripts" ] && [ -n "$(ls "$XDG_DATA_HOME/samenspel/transcripts")" ]; then
    fail "a refused transcript produced a new one: $(ls "$XDG_DATA_HOME/samenspel/transcripts")"
fi

n=$(ls "$d" | wc -l)
if [ $failures -ne 0 ]; then
    echo "limits.sh: $failures failures"
    exit 1
fi
echo "limits.sh: $n damaged or foreign transcripts refused by debrief and play --resume, each named, none changed"
