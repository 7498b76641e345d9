#!/bin/sh
# hostile_paths.sh: a FIFO, a device, a directory, a dangling symlink and a symlink in every place samenspel takes a path: refused at once with a clear message, never a hang; a good symlink works.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root); run by tests/run.sh. As root, "unreadable" is covered by
# the directory and device cases (chmod 000 does not stop root).
set -eu
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
ROOT=${SAMENSPEL_DATA:-$(pwd)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" SAMENSPEL_DATA="$ROOT" LANG=C.UTF-8 TZ=UTC
fail() { echo "hostile_paths.sh: FAIL: $*"; exit 1; }

# A real transcript and script to point the good links at.
printf '1\n1\n' > "$work/script"
"$BIN" --lang en play --choices "$work/script" intake > /dev/null 2> "$work/err" || true
T=$(sed -n 's/^Conversation saved in //p' "$work/err")
[ -n "$T" ] || fail "no transcript to start from: $(cat "$work/err")"

mkfifo "$work/fifo"
mkdir "$work/dir"
ln -s "$work/nowhere" "$work/dangling"
ln -s /dev/zero "$work/devlink"
kinds="fifo dir dangling devlink /dev/null"
path_of() { case $1 in /*) echo "$1" ;; *) echo "$work/$1" ;; esac; }

# run WHAT ARGS...: must end within 10 s, fail, and name the file with a reason.
checked=0
run() {
    what=$1; shift
    if timeout 10 "$BIN" --lang en "$@" < /dev/null > "$work/out" 2> "$work/err"; then
        fail "$what: accepted"
    else
        rc=$?
    fi
    [ "$rc" -ne 124 ] || fail "$what: hung (killed after 10 s)"
    grep -Eq "not a regular file|is a directory|is a folder|not a file|symbolic link|is a link|a FIFO|device|No such file|no such file" "$work/err" ||
        fail "$what: no clear reason: $(head -c 300 "$work/err")"
    checked=$((checked + 1))
}

for k in $kinds; do
    p=$(path_of "$k")
    run "scenario $k" play --text "$p"
    run "transcript $k (debrief)" debrief "$p"
    run "transcript $k (replay)" replay --text "$p"
    run "transcript $k (--resume)" play --text --resume "$p"
    run "transcript $k (export)" export --csv "$work/out.csv" "$p"
    run "script $k" play --choices "$p" intake
    run "--case $k" debrief --case "$p" "$T"
    run "font $k" --font "$p" play --text intake
    run "export target $k" export --csv "$p" "$T"
    # settings.ini: a bad one is named, and the command still runs
    mkdir -p "$XDG_CONFIG_HOME/samenspel"
    rm -rf "$XDG_CONFIG_HOME/samenspel/settings.ini"
    case $k in
        fifo) mkfifo "$XDG_CONFIG_HOME/samenspel/settings.ini" ;;
        dir) mkdir "$XDG_CONFIG_HOME/samenspel/settings.ini" ;;
        *) ln -s "$p" "$XDG_CONFIG_HOME/samenspel/settings.ini" ;;
    esac
    timeout 10 "$BIN" --lang en debrief "$T" > /dev/null 2> "$work/err" || fail "settings.ini $k: debrief failed or hung: $(head -c 300 "$work/err")"
    grep -q "settings.ini" "$work/err" || fail "settings.ini $k: not named: $(head -c 300 "$work/err")"
    rm -rf "$XDG_CONFIG_HOME/samenspel/settings.ini"
    checked=$((checked + 1))
done

# stats over a folder holding each kind: skips them with a notice, still reports, exit 1.
d="$work/plays"
mkdir "$d"
cp "$T" "$d/good.xml"
mkfifo "$d/fifo.xml"; mkdir "$d/dir.xml"; ln -s "$work/nowhere" "$d/dangling.xml"; ln -s /dev/zero "$d/dev.xml"
if timeout 10 "$BIN" --lang en stats "$d" > "$work/out" 2> "$work/err"; then rc=0; else rc=$?; fi
[ "$rc" -eq 1 ] || fail "stats over hostile files: exit $rc (want 1): $(head -c 300 "$work/err")"
[ "$(grep -c 'skipped' "$work/err")" -ge 4 ] || fail "stats does not name each skipped file: $(cat "$work/err")"
grep -q "1 " "$work/out" || fail "stats printed no figures for the good play"
checked=$((checked + 1))

# Good symlinks work: a linked transcript is read, and written through.
ln -s "$T" "$work/link.xml"
"$BIN" --lang en debrief "$work/link.xml" > /dev/null || fail "debrief through a symlink"
"$BIN" --lang en play --choices "$work/script" --resume "$work/link.xml" > /dev/null 2>&1 || true
[ -L "$work/link.xml" ] || fail "--resume replaced the symlink by a file"
echo "hostile_paths.sh: $checked hostile paths refused without a hang (FIFO, directory, dangling link, device link, /dev/null in 10 places); symlinks followed and kept"
