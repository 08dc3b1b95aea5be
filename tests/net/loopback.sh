#!/usr/bin/env bash
# A whole networked game on 127.0.0.1 (issue 13): `niact host --text` with its console's
# input closed (the end of stdin must not stop it), a hostile client first, a projector,
# three `niact join --text` clients fed by scripts, one of them killed in the middle of a
# turn and rejoined with its code. Checked: each client played to the result; no client
# output holds another seat's secrets (the Soviet-only tracks, the private telegrams of
# others) before the result; the killed seat found its orders as it left them; the host
# logged and survived every hostile message; the record replays, verifies and debriefs.
# Every wait is bounded. usage: loopback.sh NIACT HOSTILE
set -u
niact=$1
hostile=$2
dir=$(mktemp -d)
export HOME=$dir XDG_DATA_HOME=$dir/data
pids=()
cleanup() {
    # Each pid is a `timeout` wrapper (or a client): TERM first, which timeout passes on to
    # the niact it runs; a KILL would stop only the wrapper and leave the host running.
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    sleep 0.2
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null; done
    rm -rf "$dir"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*"
    for f in "$dir"/*.out "$dir"/*.err; do
        echo "---- $(basename "$f") (last lines)"
        tail -n 15 "$f"
    done
    exit 1
}
cd "$dir" || exit 1

timeout 180 "$niact" host --text --port 0 --bind 127.0.0.1 --seed 11 --no-autosave \
    --record rec.json </dev/null >host.out 2>host.err &
host=$!
pids+=("$host")
for _ in $(seq 100); do
    grep -q 'listening on UDP port' host.err 2>/dev/null && [ "$(grep -c '^seat ' host.out)" = 3 ] && break
    sleep 0.05
done
port=$(sed -n 's/.*listening on UDP port \([0-9]*\).*/\1/p' host.err)
[ -n "$port" ] || fail "the host did not start"
code() { awk -v r="$1" '$1 == "seat" && $2 == r { print $4 }' host.out; }
us=$(code us) ussr=$(code ussr) un=$(code un)
[ ${#us} = 10 ] && [ ${#ussr} = 10 ] && [ ${#un} = 10 ] || fail "three seat codes expected"
[ "$us" != "$ussr" ] && [ "$ussr" != "$un" ] || fail "the codes are not distinct"

# The hostile client, using the UN's code for its out-of-turn and replay tests.
timeout 60 "$hostile" "$port" "$un" >hostile.out 2>hostile.err || fail "hostile client: $(cat hostile.err)"
kill -0 "$host" 2>/dev/null || fail "the host died under hostile input"
for what in 'refused: not niact protocol' 'refused: a code no seat has' 'dropped a message' \
            'disconnected: .* messages dropped' 'out of turn' 'answers a prompt that is not' \
            'a second HELLO'; do
    grep -q "$what" host.err || fail "the host did not log '$what'"
done

timeout 40 "$niact" join "127.0.0.1:$port" --projector --text >proj.out 2>proj.err &
pids+=($!)
proj=$!

turns() { for _ in $(seq 14); do echo done; done; }
# The US: a private telegram to the USSR, an order, then 'done' every turn.
{ echo 'telegram ussr SECRET-US-TO-USSR-4471 meet at the Waldorf'; echo 'order 1'; turns; } >us.in
# The UN (its orders for turn 1 were given by the hostile client): a private telegram
# to the USSR in turn 2.
# 90 commands at once: the host prompts a seat at most 20 times a second (bursts of
# 60), so a fast pipe waits; every command must still be answered.
{ echo 'telegram ussr SECRET-UN-TO-USSR-9182 U Thant asks'; echo status
  for _ in $(seq 90); do echo orders; done; turns; } >un.in
timeout 40 "$niact" join "127.0.0.1:$port" --code "$us" --text <us.in >us.out 2>us.err &
usp=$!
pids+=("$usp")
timeout 40 "$niact" join "127.0.0.1:$port" --code "$un" --text <un.in >un.out 2>un.err &
unp=$!
pids+=("$unp")

# The USSR: an order and a telegram to the UN, then killed before it ends its turn.
mkfifo ussr.pipe
# (not under timeout: the client itself is killed below; the cleanup kills it anyway)
"$niact" join "127.0.0.1:$port" --code "$ussr" --text <ussr.pipe >ussr1.out 2>ussr1.err &
k1=$!
pids+=("$k1")
disown "$k1" # (no "Killed" notice from the shell)
exec 3>ussr.pipe
echo 'order 2' >&3
echo 'telegram un SECRET-USSR-TO-UN-3307 about Castro' >&3
for _ in $(seq 300); do grep -q "Telegram sent" ussr1.out && break; sleep 0.05; done
grep -q 'Ordered:' ussr1.out || fail "the USSR's first order was not taken"
grep -q "Telegram sent" ussr1.out || fail "the USSR's telegram was not sent before it was killed"
kill -9 "$k1"
for _ in $(seq 100); do kill -0 "$k1" 2>/dev/null || break; sleep 0.02; done
kill -0 "$k1" 2>/dev/null && fail "the USSR client did not die"
exec 3>&-
{ echo orders; turns; } >ussr.in
timeout 40 "$niact" join "127.0.0.1:$port" --code "$ussr" --text <ussr.in >ussr.out 2>ussr.err &
k2=$!
pids+=("$k2")

# Usage errors and a host nobody runs, meanwhile (each bounded).
"$niact" join 127.0.0.1:1 --code ABCDEFGHJK --text </dev/null >noone.out 2>noone.err &
noone=$!
pids+=("$noone")
# Without --text and without a display, the host says to use --text (it would open the
# moderator window: tests/ui/test_ui_room drives that one).
env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "$niact" host --port 0 </dev/null \
    >nowin.out 2>nowin.err; st=$?
[ $st = 2 ] && grep -q 'run the host with --text' nowin.err && ! grep -q '^seat ' nowin.out \
    || fail "host without --text and without a display: $st"
"$niact" join 127.0.0.1 --projector </dev/null >/dev/null 2>nowin2.err; st=$?
[ $st = 2 ] && grep -q 'projector is shown in the terminal' nowin2.err || fail "projector without --text: $st"
"$niact" join 127.0.0.1 --code X --size 10x10 --text </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "join: window options with --text"
"$niact" join --code X --text </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "join without a host"
"$niact" join 127.0.0.1:99999 --code X --text </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "a bad port"
"$niact" host --text --port 70000 </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "host: a bad port"
"$niact" host --text --seat us=robot </dev/null >/dev/null 2>&1; [ $? = 2 ] || fail "host: a bad seat"

for p in "$usp" "$unp" "$k2" "$proj"; do
    wait "$p" || fail "a client (pid $p) ended with status $?"
done
wait "$host" || fail "the host ended with status $?"

for f in us un ussr proj; do
    grep -q '=== RESULT' "$f.out" || fail "$f did not see the result"
done
[ "$(grep -c 'No orders yet' un.out)" -ge 90 ] || fail "the UN's fast commands were not all answered"
wait "$noone"; st=$?
[ $st = 1 ] && grep -q 'nobody answered' noone.err || fail "joining nobody: status $st, $(cat noone.err)"
grep -q '=== RESULT' host.out || fail "the host did not print the result"
# The killed client was dead (it never heard it was replaced); its seat was taken by the
# new connection with its code.
grep -q 'taken over' ussr1.err && fail "the killed client was still running"
grep -q "the ussr seat's code was used again" host.err || fail "the rejoin did not take the seat"
# The rejoined USSR found its draft: the order it gave before it was killed.
sed -n '/Your orders so far/,/Action points left/p' ussr.out | grep -q '1\. ' \
    || fail "the rejoined USSR did not find its order"
# Secrets: before the result (where the truth is public), a seat reads only its own.
before() { sed '/=== RESULT/,$d' "$1"; }
for f in us un proj; do
    for secret in 'Tactical nuclear weapons in Cuba' 'Who controls the SAMs' \
                  'Soviet fire restraint'; do
        before "$f.out" | grep -q "$secret" && fail "$f saw the USSR's secret '$secret'"
    done
done
before ussr.out | grep -q 'Tactical nuclear weapons in Cuba' \
    || fail "the USSR does not see its own track (the secrets check would prove nothing)"
grep -q SECRET-US-TO-USSR-4471 ussr.out || fail "the US telegram did not reach the USSR"
grep -q SECRET-USSR-TO-UN-3307 un.out || fail "the USSR telegram did not reach the UN"
for s in SECRET-US-TO-USSR-4471 SECRET-UN-TO-USSR-9182; do
    grep -q "$s" proj.out && fail "the projector showed a private telegram ($s)"
done
grep -q SECRET-US-TO-USSR-4471 un.out && fail "the UN read the US telegram to the USSR"
grep -q SECRET-UN-TO-USSR-9182 us.out && fail "the US read the UN telegram to the USSR"
grep -q SECRET-USSR-TO-UN-3307 us.out && fail "the US read the USSR telegram to the UN"
grep -q 'Orders given:' proj.out || fail "the projector did not show who gave orders"
grep -q 'Your orders for this turn are given' un.out \
    || fail "the UN, whose orders were given, was not told so when it joined"

# A sanitized build's findings (the ASan/UBSan CI step) fail the test too.
grep -l 'ERROR: AddressSanitizer\|runtime error:\|LeakSanitizer' ./*.err 2>/dev/null \
    && fail "a sanitizer reported an error"
"$niact" replay rec.json --verify >replay.out 2>&1 || fail "the record does not verify: $(tail -3 replay.out)"
"$niact" debrief rec.json >debrief.md 2>debrief.err || fail "the record does not debrief"
grep -q SECRET-USSR-TO-UN-3307 rec.json || fail "the record lacks the USSR's telegram"
echo "ok: a networked game on 127.0.0.1 ($(grep -c 'resolved' host.err) turns), its record verified"
