#!/bin/sh
# libxml2.sh: builds a fuzzer-instrumented static libxml2 from Debian's source package into tests/fuzz/build/.
# usage: tests/fuzz/libxml2.sh  (prints the install prefix on its last line)
#
# Coverage-guided fuzzing only sees the branches it can measure: with the
# system libxml2 the fuzzer is blind to everything the parser and the RelaxNG
# validator do, which is most of what a hostile file exercises. So the same
# source Debian ships is rebuilt with -fsanitize=fuzzer-no-link,address,undefined.
set -eu
cd "$(dirname "$0")"
FUZZ_DIR=$(pwd)
BUILD="$FUZZ_DIR/build"
PREFIX="$BUILD/libxml2-inst"
STAMP="$PREFIX/.built"
mkdir -p "$BUILD"

if [ -f "$STAMP" ]; then
    echo "$PREFIX"
    exit 0
fi

# apt-get source needs a deb-src entry; add one for bookworm once.
SRCLIST=/etc/apt/sources.list.d/samenspel-deb-src.sources
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null &&
   ! grep -qs '^deb-src' /etc/apt/sources.list 2>/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "libxml2.sh: need a deb-src entry for bookworm; run as root once" >&2
        exit 1
    fi
    cat > "$SRCLIST" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -qq
fi
command -v dpkg-source >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends dpkg-dev
if ! command -v autoreconf >/dev/null 2>&1 || ! command -v libtoolize >/dev/null 2>&1; then
    apt-get install -y -qq --no-install-recommends autoconf automake libtool make >/dev/null
fi

cd "$BUILD"
src=$(ls -d libxml2-2.*/ 2>/dev/null | head -n 1 || true)
if [ -z "$src" ]; then
    # The source lists may be older than the deb-src entry: update once, retry.
    apt-get source -qq libxml2 >/dev/null 2>&1 ||
        { apt-get update -qq && apt-get source -qq libxml2 >/dev/null; }
    src=$(ls -d libxml2-2.*/ | head -n 1)
fi
cd "$src"

SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -g -O1"
# Debian's patches touch the autotools inputs; regenerate as debian/rules does,
# or make tries to rerun a mismatched automake half-way through.
[ -f .samenspel-autoreconf ] || { autoreconf -fi >/dev/null 2>&1 && touch .samenspel-autoreconf; }
CC=clang CFLAGS="$SAN" LDFLAGS="-fsanitize=address,undefined" \
    ./configure -q --prefix="$PREFIX" --disable-shared --enable-static \
    --without-python --without-http --without-ftp --without-lzma --without-zlib \
    --without-icu --without-threads >/dev/null
nice make -s -j2 >/dev/null 2>&1 || nice make -j2
make -s install >/dev/null
touch "$STAMP"
echo "$PREFIX"
