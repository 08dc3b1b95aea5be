#!/usr/bin/env bash
# The moderator's console of `niact host --text` over the network (issue 13), on
# 127.0.0.1: pause (a remote seat's 'done' is refused, every screen is told), resume, a
# message to every seat, an injected event (a seat that had given its orders gets them
# back), the truth and a seat's view on the console, a deadline with default orders (a
# silent seat defaults, its prompt is withdrawn, the turn resolves), and freeing a seat
# (its connection is closed, its old code refused, the new code works), and a rollback
# to the start of turn 1. Each is asserted
# on the screens and on the record, which must replay and verify.
# Every wait is bounded. usage: moderator.sh NIACT
set -u
niact=$1
dir=$(mktemp -d)
export HOME=$dir XDG_DATA_HOME=$dir/data
pids=()
cleanup() {
    exec 7>&- 8>&- 9>&- 2>/dev/null
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
        tail -n 12 "$f"
    done
    exit 1
}
# wait_for FILE PATTERN: up to 15 s for PATTERN (grep -E) to appear in FILE.
wait_for() {
    for _ in $(seq 300); do
        grep -qE -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.05
    done
    fail "no '$2' in $(basename "$1")"
}
cd "$dir" || exit 1
mkfifo console us.pipe ussr.pipe

timeout 60 "$niact" host --text --port 0 --bind 127.0.0.1 --seed 5 --seat un=ai:historical \
    --no-autosave --record rec.json <console >host.out 2>host.err &
host=$!
pids+=("$host")
exec 7>console
wait_for host.err 'listening on UDP port'
port=$(sed -n 's/.*listening on UDP port \([0-9]*\).*/\1/p' host.err)
wait_for host.out '^seat ussr '
us=$(awk '$1 == "seat" && $2 == "us" { print $4 }' host.out)
ussr=$(awk '$1 == "seat" && $2 == "ussr" { print $4 }' host.out)

"$niact" join "127.0.0.1:$port" --code "$us" --text <us.pipe >us.out 2>us.err &
pids+=($!)
exec 8>us.pipe
"$niact" join "127.0.0.1:$port" --code "$ussr" --text <ussr.pipe >ussr1.out 2>ussr1.err &
ussr1=$!
pids+=("$ussr1")
exec 9>ussr.pipe
wait_for us.out '\[us\] > '
wait_for ussr1.out '\[ussr\] > '

# Pause: every screen is told; a seat's 'done' is refused while paused.
echo pause >&7
wait_for us.out 'moderator paused the game'
wait_for ussr1.out 'moderator paused the game'
echo done >&8
wait_for us.out 'the game is paused by the moderator'
grep -q 'Orders given' us.out && fail "a seat gave its orders while the game was paused"
echo resume >&7
wait_for us.out 'The game goes on'
echo done >&8
wait_for us.out 'Orders given'

# A message to every seat.
echo 'message Hello class, 7 minutes per turn' >&7
wait_for us.out 'Message from the moderator: Hello class, 7 minutes per turn'
wait_for ussr1.out 'Message from the moderator: Hello class, 7 minutes per turn'

# An injected event: the US, whose orders were given, gets them back to give again.
echo 'inject exile_raid' >&7
wait_for host.out "Event 'exile_raid' fired"
wait_for us.out 'back in your draft'
echo done >&8
wait_for host.err 'the us seat gave its orders'

# The moderator sees the truth and any seat's view; the seats do not see each other's.
echo truth >&7
echo 'view ussr' >&7
wait_for host.out 'Tactical nuclear weapons in Cuba +[0-9]+'
wait_for host.out 'What the Soviet Union knows'

# Free the USSR seat: its connection closes, the old code is refused, the new one works.
echo 'free ussr' >&7
for _ in $(seq 160); do [ "$(grep -c '^seat ussr code ' host.out)" = 2 ] && break; sleep 0.05; done
new=$(awk '$1 == "seat" && $2 == "ussr" { c = $4 } END { print c }' host.out)
[ "$new" != "$ussr" ] && [ ${#new} = 10 ] || fail "no new code for the freed seat"
wait_for ussr1.err 'new code'
for _ in $(seq 100); do kill -0 "$ussr1" 2>/dev/null || break; sleep 0.05; done
kill -0 "$ussr1" 2>/dev/null && fail "the freed seat's client is still connected"
timeout 10 "$niact" join "127.0.0.1:$port" --code "$ussr" --text </dev/null >old.out 2>old.err
[ $? = 1 ] || fail "the old code was not refused"
grep -q 'No seat of this game has that code' old.err || fail "the old code's refusal says why"
"$niact" join "127.0.0.1:$port" --code "$new" --text <ussr.pipe >ussr.out 2>ussr.err &
pids+=($!)
wait_for ussr.out '\[ussr\] > '

# A deadline of 2 s with no orders for late seats: the silent USSR defaults, the turn
# resolves, and its screen is told.
echo 'deadline 2 none' >&7
wait_for ussr.out 'From now on each turn has 0:02'
wait_for ussr.out 'Time is up'
wait_for host.err 'the ussr seat missed the deadline'
wait_for host.err 'turn 1 resolved'
# Roll back to the start of turn 1: every screen is told and opens turn 1 again.
echo 'rollback 1' >&7
wait_for us.out 'rolled the game back to the start of turn 1'
wait_for ussr.out 'rolled the game back to the start of turn 1'
[ "$(grep -c 'turn 1 of 12' ussr.out)" -ge 2 ] || fail "the USSR's screen did not open turn 1 again"
echo 'deadline 0' >&7
wait_for us.out 'removed the deadline'
echo stop >&7
exec 7>&- 8>&- 9>&-
wait "$host" || fail "the host ended with status $? after 'stop'"
grep -q 'ended the session' host.err || fail "the host did not say it stopped"
# A sanitized build's findings (the ASan/UBSan CI step) fail the test too.
grep -l 'ERROR: AddressSanitizer\|runtime error:\|LeakSanitizer' ./*.err 2>/dev/null \
    && fail "a sanitizer reported an error"


# The record holds every moderator input, and replays.
for kind in pause resume message inject free_seat deadline default rollback; do
    grep -q "\"kind\": *\"$kind\"" rec.json || fail "the record has no '$kind' input"
done
"$niact" replay rec.json --verify >replay.out 2>&1 || fail "the record does not verify: $(tail -3 replay.out)"

# The stopped game resumes on a new host (--load): new codes for its human seats, the
# AI seat stays AI, and it is played to the end; the whole record still verifies.
grep -q 'Resume it with: niact host --text --load' host.err || fail "the host did not say how to resume"
timeout 60 "$niact" host --text --port 0 --bind 127.0.0.1 --load rec.json --record rec.json \
    --no-autosave </dev/null >host2.out 2>host2.err &
host2=$!
pids+=("$host2")
wait_for host2.err 'listening on UDP port'
wait_for host2.out '^seat ussr '
[ "$(grep -c '^seat ' host2.out)" = 2 ] || fail "the loaded game's human seats are not the remote ones"
port=$(sed -n 's/.*listening on UDP port \([0-9]*\).*/\1/p' host2.err)
turns() { for _ in $(seq 14); do echo done; done; }
for r in us ussr; do
    c=$(awk -v r=$r '$1 == "seat" && $2 == r { print $4 }' host2.out)
    turns | timeout 40 "$niact" join "127.0.0.1:$port" --code "$c" --text >$r.end.out 2>$r.end.err &
    pids+=($!)
done
wait "$host2" || fail "the resumed host ended with status $?"
grep -q '=== RESULT' us.end.out || fail "the resumed game did not reach its result"
grep -q 'turn 2 of 12' us.end.out || fail "the resumed game did not go on from turn 2"
"$niact" replay rec.json --verify >replay2.out 2>&1 || fail "the resumed game's record does not verify"
grep -l 'ERROR: AddressSanitizer\|runtime error:\|LeakSanitizer' ./*.err 2>/dev/null \
    && fail "a sanitizer reported an error"
echo "ok: pause, resume, message, inject, truth, free, deadline, default and rollback over the network; resumed with --load"
