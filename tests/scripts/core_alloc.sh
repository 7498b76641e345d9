#!/bin/sh
# core_alloc.sh: fails when engine/core calls libc's allocators (malloc, calloc, realloc, free, strdup, strndup) directly instead of the hook's sp_* wrappers (engine/core/alloc.h).
# runs no program: it reads the sources only, so `make test` runs it and `make SANITIZE=1 test` does not.
# Allowed: alloc.c itself (the default hook), and a free() of a buffer libc made itself (open_memstream), marked on its line with "libc's own".
set -u
cd "$(dirname "$0")/../.."
pat='(^|[^A-Za-z0-9_.>])(malloc|calloc|realloc|free|strdup|strndup|reallocarray|aligned_alloc|posix_memalign)[[:space:]]*\('
# Comments are blanked first (line numbers kept) so "free()" in prose does
# not count; a line marked "libc's own" is checked on its code part.
uncomment='{ out = ""; while ($0 != "") {
    if (c) { i = index($0, "*/"); if (!i) { $0 = ""; break } c = 0; $0 = substr($0, i + 2) }
    else { i = index($0, "/*"); j = index($0, "//");
      if (j && (!i || j < i)) { out = out substr($0, 1, j - 1); break }
      if (!i) { out = out $0; break } out = out substr($0, 1, i - 1); c = 1; $0 = substr($0, i + 2) } }
  print out }'
hits=$(for f in engine/core/*.c engine/core/*.h; do
    case $f in engine/core/alloc.c) continue ;; esac
    awk "$uncomment" "$f" | grep -nE "$pat" | sed "s|^|$f:|" | while IFS=: read -r file line rest; do
        sed -n "${line}p" "$file" | grep -q "libc's own" || echo "$file:$line:$rest"
    done
done)
# The marker may only stand beside free(): a libc allocation needs no marker to pass, only its release.
marked=$(grep -n "libc's own" engine/core/*.c | grep -vE '[^A-Za-z0-9_]free\(')
if [ -n "$hits$marked" ]; then
    echo "engine/core calls libc's allocators directly; use sp_malloc, sp_calloc, sp_realloc, sp_free, sp_strdup or sp_strndup (engine/core/alloc.h):"
    printf '%s\n' "$hits" "$marked" | sed '/^$/d'
    exit 1
fi
n=$(grep -ohE '\bsp_(malloc|calloc|realloc|free|strdup|strndup)\(' engine/core/*.c | wc -l)
echo "ok: engine/core allocates only through the hook ($n calls of sp_malloc and its family)"
