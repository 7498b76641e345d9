#!/bin/sh
# structure.sh: the shape of engine/: no source file over 700 lines, no function over 120 lines, and include arrows that point down only.
# usage: sh tests/scripts/structure.sh [ENGINE_DIR]   (default: engine)
#
# The layers, top to bottom: app (the commands) -> gui, term, net (the hosts)
# -> core (libc and libxml2 only). A file includes headers of its own layer
# and of the layers below it, never above. The arrows the code has today:
#   core -> (nothing outside core)
#   term -> core
#   net  -> core
#   gui  -> core, net (the phones' server for group play)
#   app  -> core, term, gui, net
#   ui   -> core (a folder for SDL-free interface state, when it comes;
#           term, gui and app may include it)
# Known exceptions, to be removed rather than added to: gui/app.h and
# gui/i18n.c include app/paths.h (where the data lies).
# Function length counts from the first line of the definition to its
# closing brace, for definitions written as this project writes them
# (the body's braces in column 0).
ENGINE=${1:-engine}
MAX_FILE=700
MAX_FUNC=120
fail=0

[ -d "$ENGINE/core" ] || { echo "structure.sh: $ENGINE/core: no such directory (run from the source tree)" >&2; exit 2; }

# ---- file sizes ---------------------------------------------------------------------
for f in $(find "$ENGINE" -name '*.[ch]' | sort); do
    n=$(wc -l < "$f")
    if [ "$n" -gt "$MAX_FILE" ]; then
        echo "$f: $n lines, more than $MAX_FILE: split it into files a reader finds by the functions' names"
        fail=1
    fi
done

# ---- function lengths -----------------------------------------------------------------
long=$(find "$ENGINE" -name '*.c' | sort | xargs awk -v max="$MAX_FUNC" '
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
    fail=1
fi

# ---- include arrows ---------------------------------------------------------------------
# allowed LAYER: the folders a file in LAYER may include from.
allowed() {
    case "$1" in
    core) echo "core" ;;
    ui)   echo "core net ui" ;;
    term) echo "core ui term" ;;
    net)  echo "core net" ;;
    gui)  echo "core ui net gui" ;;
    app)  echo "core ui term gui net app" ;;
    *)    echo "" ;;
    esac
}
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
        grep -n '^[ \t]*#[ \t]*include[ \t]*"[a-z_]*/' "$f" | while IFS= read -r hit; do
            to=$(printf '%s\n' "$hit" | sed 's/.*#[ \t]*include[ \t]*"\([a-z_]*\)\/.*/\1/')
            case " $ok " in *" $to "*) continue ;; esac
            rel=${f#"$ENGINE"/}
            case "$rel -> $to" in
            "gui/app.h -> app" | "gui/i18n.c -> app") continue ;;   # known, see the top
            esac
            echo "$f:${hit%%:*}: $layer includes from $to/, an arrow up: move what it needs down, or the code up"
        done
    done
done > "${TMPDIR:-/tmp}/structure.$$"
# a path that climbs out of its folder hides an arrow; the core sees libc and libxml2 only
grep -n '^[ \t]*#[ \t]*include[ \t]*"[^"]*\.\./' $(find "$ENGINE" -name '*.[ch]' | sort) |
    sed 's/$/: an include through ..\/: name the folder (core\/, gui\/, ...) instead/' >> "${TMPDIR:-/tmp}/structure.$$"
grep -n '^[ \t]*#[ \t]*include[ \t]*<\(SDL\|microhttpd\|qrencode\|libintl\|fontconfig\|cmocka\)' "$ENGINE"/core/*.[ch] |
    sed 's/$/: the core uses libc and libxml2 only/' >> "${TMPDIR:-/tmp}/structure.$$"
if [ -s "${TMPDIR:-/tmp}/structure.$$" ]; then
    cat "${TMPDIR:-/tmp}/structure.$$"
    fail=1
fi
rm -f "${TMPDIR:-/tmp}/structure.$$"

[ "$fail" -eq 0 ] && echo "structure: files <= $MAX_FILE lines, functions <= $MAX_FUNC lines, include arrows down only"
exit "$fail"
