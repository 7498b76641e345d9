#!/bin/sh
# structure.sh: the shape of engine/ and tests/: no source file over 700 lines, no function over 120 lines, and (engine/) include arrows that point down only.
# runs no program: it reads the sources only, so `make test` runs it and `make SANITIZE=1 test` does not.
# usage: sh tests/scripts/structure.sh [ENGINE_DIR [TESTS_DIR]]   (default: engine tests)
#
# The layers, bottom up; a file includes headers of its own folder and of
# the layers below it, never above, and never of a sibling:
#   core  libc and libxml2 only (no SDL, no gettext)
#   net   -> core            the phones' server (libmicrohttpd, libqrencode)
#   ui    -> core, net       interface state, vote logic and the screens as
#                            draw lists; gettext, no SDL
#   gui   -> core, net, ui   SDL: drawing, fonts, images, events, windows
#   term  -> core, net, ui   the terminal
#   app   -> all of these    the commands; of gui only its entry point gui/gui.h
# SDL headers appear in gui/ only, libmicrohttpd and libqrencode in net/ only.
# A header named *_internal.h belongs to its folder: no other folder
# includes it. There are no exceptions: an arrow up is mended in the code.
# Function length counts from the first line of the definition to its
# closing brace, for definitions written as this project writes them
# (the body's braces in column 0).
ENGINE=${1:-engine}
TESTS=${2:-tests}
MAX_FILE=700
MAX_FUNC=120
fail=0
# Files over a limit whose split is their owner's next change: reported
# here, not failed, until then. Keep this list empty; add to it only with
# the owner's word, and take a file off as soon as it is split.
PENDING=""
pending=0
# over FILE: what a file over a limit does to the verdict (PENDING ones none).
over() {
    case " $PENDING " in
    *" $1 "*) echo "  (pending: $1 is to be split by its owner; reported, not failed)"; pending=1 ;;
    *) fail=1 ;;
    esac
}

# uses LIB: where the headers of LIB belong, said to the one who included them in the wrong place.
uses() {
    case "$1" in
    SDL|fontconfig) echo "SDL and fontconfig belong to gui/; give the layer plain data (a draw list, a size) instead" ;;
    libintl) echo "the core translates nothing; return a message id, or take a translation callback from the host" ;;
    *) echo "the phones' server lives in net/; call its functions through net/phones.h" ;;
    esac
}

[ -d "$TESTS/unit" ] || { echo "structure.sh: $TESTS/unit: no such directory (run from the source tree)" >&2; exit 2; }
[ -d "$ENGINE/core" ] || { echo "structure.sh: $ENGINE/core: no such directory (run from the source tree)" >&2; exit 2; }

# `make fuzz` builds libxml2 from its sources in tests/fuzz/build (git-ignored): not ours to measure.
OURS="-path $TESTS/fuzz/build -prune -o"

# ---- file sizes (the tests' C, shell and Python too) -------------------------------------
# shellcheck disable=SC2086
for f in $({ find "$ENGINE" -name '*.[ch]'; find "$TESTS" $OURS \( -name '*.[ch]' -o -name '*.sh' -o -name '*.py' \) -print; } | sort); do
    n=$(wc -l < "$f")
    if [ "$n" -gt "$MAX_FILE" ]; then
        echo "$f: $n lines, more than $MAX_FILE: split it into files a reader finds by the functions' names"
        over "$f"
    fi
done

# ---- function lengths -----------------------------------------------------------------
# shellcheck disable=SC2086
long=$(find "$ENGINE" "$TESTS" $OURS -name '*.c' -print | sort | xargs awk -v max="$MAX_FUNC" '
    FNR == 1 { sig = 0; start = 0 }
    # a definition starts at column 0 with a name and "(", and does not end in ";"
    /^[A-Za-z_][A-Za-z0-9_ \t\*]*[A-Za-z0-9_]+[ \t]*\(/ && !/;[ \t]*$/ && !start { sig = FNR; line = $0 }
    /^\{/ && sig && !start { start = sig }
    /^\}/ && start {
        n = FNR - start + 1
        if (n > max) {
            name = line; sub(/[ \t]*\(.*/, "", name); sub(/.*[ \t\*]/, "", name)
            printf "%s:%d: %s is %d lines, more than %d: split it into named steps\n", FILENAME, start, name, n, max
        }
        sig = 0; start = 0
    }
    /;[ \t]*$/ && !start { sig = 0 }
')
if [ -n "$long" ]; then
    echo "$long"
    for f in $(printf '%s\n' "$long" | cut -d: -f1 | sort -u); do over "$f"; done
fi

# ---- include arrows ---------------------------------------------------------------------
# allowed LAYER: the folders a file in LAYER may include from.
allowed() {
    case "$1" in
    core) echo "core" ;;
    net)  echo "core net" ;;
    ui)   echo "core net ui" ;;
    gui)  echo "core net ui gui" ;;
    term) echo "core net ui term" ;;
    app)  echo "core net ui gui term app" ;;
    *)    echo "" ;;
    esac
}
# system LAYER: the libraries (by their headers) a file in LAYER may not include.
forbidden() {
    case "$1" in
    core) echo "SDL fontconfig libintl microhttpd qrencode" ;;
    gui)  echo "microhttpd qrencode" ;;
    net)  echo "SDL fontconfig" ;;
    *)    echo "SDL fontconfig microhttpd qrencode" ;;
    esac
}
out="${TMPDIR:-/tmp}/structure.$$"
: > "$out"
for dir in "$ENGINE"/*/; do
    layer=$(basename "$dir")
    ok=$(allowed "$layer")
    if [ -z "$ok" ]; then
        echo "$dir: a folder the layer list does not know: add it to allowed() in $0 with the arrows it may have"
        fail=1
        continue
    fi
    for f in "$dir"*.[ch]; do
        [ -f "$f" ] || continue
        # a project header, written "dir/x.h" or <dir/x.h>: the arrow is dir
        grep -n '^[ \t]*#[ \t]*include[ \t]*["<][a-z_]*/[a-z_0-9]*\.h[">]' "$f" | while IFS= read -r hit; do
            inc=$(printf '%s\n' "$hit" | sed 's/.*#[ \t]*include[ \t]*["<]\([a-z_]*\/[a-z_0-9]*\.h\)[">].*/\1/')
            to=${inc%%/*}
            [ -d "$ENGINE/$to" ] || continue   # a system header such as <sys/stat.h>
            case " $ok " in
            *" $to "*) ;;
            *) echo "$f:${hit%%:*}: $layer includes $inc, an arrow up or sideways: move what it needs down, or the code up" ;;
            esac
            case "$inc" in
            "$layer"/*) ;;
            *_internal.h) echo "$f:${hit%%:*}: $inc is internal to $to/: use its public header, or move the code into $to/" ;;
            esac
            if [ "$layer" = app ] && [ "$to" = gui ] && [ "$inc" != gui/gui.h ]; then
                echo "$f:${hit%%:*}: app includes $inc: of gui/ it uses the entry point gui/gui.h only (the rest is SDL, and app is compiled without SDL)"
            fi
        done
        for lib in $(forbidden "$layer"); do
            grep -n "^[ \t]*#[ \t]*include[ \t]*<$lib" "$f" | while IFS= read -r hit; do
                echo "$f:${hit%%:*}: $layer includes <$lib...>: $(uses "$lib")"
            done
        done
    done
done >> "$out"
# a path that climbs out of its folder hides an arrow
grep -n '^[ \t]*#[ \t]*include[ \t]*"[^"]*\.\./' $(find "$ENGINE" -name '*.[ch]' | sort) |
    sed 's/$/: an include through ..\/: name the folder (core\/, ui\/, ...) instead/' >> "$out"
# the engine is no test: cmocka stays in tests/
grep -n '^[ \t]*#[ \t]*include[ \t]*<cmocka' $(find "$ENGINE" -name '*.[ch]' | sort) |
    sed 's/$/: cmocka belongs to tests\/, not to the engine/' >> "$out"
if [ -s "$out" ]; then
    cat "$out"
    fail=1
fi
rm -f "$out"

[ "$fail" -eq 0 ] && [ "$pending" -eq 1 ] && echo "structure: as below, but for the pending file(s) above"
[ "$fail" -eq 0 ] && echo "structure: files <= $MAX_FILE lines, functions <= $MAX_FUNC lines (in $ENGINE/ and $TESTS/), include arrows down only (core <- net <- ui <- gui, term <- app), SDL in gui/ only"
exit "$fail"
