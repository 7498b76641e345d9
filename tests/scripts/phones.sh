#!/bin/sh
# phones.sh: a scripted group play with --phones on 127.0.0.1: curl as three phones without JavaScript (join by code, vote, change a vote, a stale-round and a late vote refused, red flags), the phones' counts mixed with typed ones, the heat list, the transcript's counts; the server gone after the play.
# env: SAMENSPEL (binary), SAMENSPEL_DATA (repo root). Traffic goes to 127.0.0.1 only; every wait is bounded.
set -u
BIN=${SAMENSPEL:-./samenspel}
case $BIN in /*) ;; *) BIN="$(pwd)/$BIN" ;; esac
command -v curl > /dev/null 2>&1 || { echo "phones.sh: curl is not installed: sh tools/deps.sh test"; exit 1; }
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "phones.sh: FAIL: $*"; echo "--- out"; cat "$work/out" 2>/dev/null; echo "--- err"; cat "$work/err" 2>/dev/null; exit 1; }

# A port on loopback, at random:
# below Linux's ephemeral range (32768-60999), where outgoing connections of
# other tests could hold the port
port=$((12000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 20000))

cat > "$work/group.play" <<'PLAY'
# scenario: intake
phones 3 + 0 1
reveal
phone-flags
phones 2
PLAY
# intake: turn 1 is a thought moment with 2 options; turn 2 a decision.
XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" \
    "$BIN" --lang nl play --projector --phones --listen "127.0.0.1:$port" --choices "$work/group.play" intake \
    > "$work/out" 2> "$work/err" &
pid=$!

url=
for _ in $(seq 1 100); do
    url=$(sed -n 's/^Telefoons: \(http[^ ]*\) .*/\1/p' "$work/err")
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "$url" ] || fail "no address on stderr"
base=$(sed -n 's/^Telefoons: .* (of \(http[^ ]*\) met code \([A-Z0-9-]*\))$/\1/p' "$work/err")
code=$(sed -n 's/^Telefoons: .* met code \([A-Z0-9-]*\))$/\1/p' "$work/err")
case $url in "http://127.0.0.1:$port/r/"????????????????????????????????/) ;; *) fail "address $url";; esac

c() { curl -s --max-time 5 "$@"; }
status() { c -o /dev/null -w '%{http_code} %{redirect_url}' "$@"; }
wait_round() {  # wait_round N: until round N is open
    for _ in $(seq 1 100); do
        c -b "$work/jar1" "${url}state" | grep -q "{\"round\":$1,\"open\":1}" && return 0
        sleep 0.1
    done
    fail "round $1 did not open"
}

# Phone 1 joins by the typed code (lower case, no dash); 2 and 3 by the address.
typed=$(echo "$code" | tr -d '-' | tr 'A-Z' 'a-z')
s=$(status -c "$work/jar1" -d "code=$typed" "${base}join")
[ "$s" = "303 $url" ] || fail "join by code: $s"
for n in 1 2 3; do c -c "$work/jar$n" -b "$work/jar$n" "$url" > "$work/page$n" || fail "page $n"; done
grep -q 'Er staat nu geen vraag open\|Stemronde' "$work/page1" || fail "page 1 is not the participant page"

wait_round 1
c -b "$work/jar1" "$url" > "$work/page1"
grep -q '<b>B</b>' "$work/page1" || fail "the page does not show the options"
[ "$(status -b "$work/jar1" -d 'round=1&option=0' "${url}vote")" = "303 ${url}?m=voted" ] || fail "vote 1"
[ "$(status -b "$work/jar2" -d 'round=1&option=0' "${url}vote")" = "303 ${url}?m=voted" ] || fail "vote 2"
[ "$(status -b "$work/jar1" -d 'round=1&option=1' "${url}vote")" = "303 ${url}?m=changed" ] || fail "change of vote"
[ "$(status -b "$work/jar2" -d 'round=1&option=4' "${url}vote")" = "303 ${url}?m=option" ] || fail "option E"
[ "$(status -d 'round=1&option=0' "${url}vote")" = "303 ${url}?m=cookie" ] || fail "vote without a cookie"
[ "$(status -b "$work/jar1" -d 'flag=13' "${url}flag")" = "303 ${url}?m=flag" ] || fail "flag"
[ "$(status -b "$work/jar2" -d 'flag=13' "${url}flag")" = "303 ${url}?m=flag" ] || fail "flag 2"
[ "$(status -b "$work/jar3" -d 'flag=0' "${url}flag")" = "303 ${url}?m=flag" ] || fail "flag 3"
c -b "$work/jar1" "${url}?m=changed" | grep -q 'Jouw stem: B' || fail "the page does not show the changed vote"
# The third vote lets the play go on: phones A 1, B 2; typed + 0 1: B 3.
[ "$(status -b "$work/jar3" -d 'round=1&option=1' "${url}vote")" = "303 ${url}?m=voted" ] || fail "vote 3"

wait_round 2
[ "$(status -b "$work/jar3" -d 'round=1&option=0' "${url}vote")" = "303 ${url}?m=round" ] || fail "a vote for round 1 in round 2"
[ "$(status -b "$work/jar1" -d 'round=2&option=1' "${url}vote")" = "303 ${url}?m=voted" ] || fail "round 2 vote 1"
[ "$(status -b "$work/jar2" -d 'round=2&option=1' "${url}vote")" = "303 ${url}?m=voted" ] || fail "round 2 vote 2"

for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
wait "$pid"; rc=$?; pid=
[ "$rc" = 1 ] || fail "exit $rc (the script ends before an ending: 1)"
grep -q 'Stemmen van telefoons: 3' "$work/out" || fail "phone votes of round 1"
grep -q 'De groep koos B: 3 van 4 stemmen' "$work/out" || fail "phones + typed counts"
grep -q '^     2  ' "$work/out" || fail "heat list: two phones spotted one flag"
grep -q 'Stemmen van telefoons: 2' "$work/out" || fail "phone votes of round 2"
# The server stopped with the play.
c "$base" > /dev/null && fail "the server still answers after the play"
# The transcript keeps counts only: no token, no address.
t=$(ls "$work"/data/samenspel/transcripts/*.xml 2>/dev/null | head -1)
[ -n "$t" ] || fail "no transcript"
grep -q '127.0.0.1' "$t" && fail "the transcript holds an address"
tok=$(sed -n 's/^sp_device=\([0-9a-f]*\).*/\1/p' "$work/jar1"; awk '$6 == "sp_device" {print $7}' "$work/jar1")
for t1 in $tok; do grep -q "$t1" "$t" && fail "the transcript holds a device token"; done
echo "phones.sh: ok"
