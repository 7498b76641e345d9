#!/bin/sh
# po.sh: every string marked for translation in engine/ (the window's, the terminal's, the commands' and the core's) has a translation in each po/LANG.po, and each catalogue compiles with msgfmt --check.
# runs no program: it reads the sources only, so `make test` runs it and `make SANITIZE=1 test` does not.
# env: SAMENSPEL_DATA (repo root; default: two folders up from here).
set -u
root=${SAMENSPEL_DATA:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 1
fail=0
for po in po/*.po; do
    msgfmt --check -o /dev/null "$po" || { echo "FAIL $po does not compile"; fail=1; }
done
# The template made afresh from the sources (the Makefile holds the xgettext keywords).
make -s --no-print-directory po-check || fail=1
exit $fail
