#!/usr/bin/env bash
# The window's CPU while typing a telegram and while moving the pointer over the desk.
# Runs `niact play` under Xvfb, goes to the desk (Enter), opens the telegram form (T; the form
# has the focus), types N keys with xdotool, then moves the pointer for S seconds, and
# reads the process's utime+stime from /proc/PID/stat before and after each phase.
#   bench/window_cpu.sh [BUILD/niact] [N keys] [S seconds]   (env DISPLAY_NUM, default 42;
#   SIZE, the window, default 1280x720)
# Prints ms of CPU per key press and % of a core while the pointer moves. Not a test.
set -eu
BIN=${1:-build/niact}
N=${2:-100}
S=${3:-10}
D=:${DISPLAY_NUM:-42}
for t in Xvfb xdotool; do command -v $t >/dev/null || { echo "needs $t" >&2; exit 2; }; done
TMP=$(mktemp -d)
XPID= ; NPID=
cleanup() {
    for p in $NPID $XPID; do kill -TERM "$p" 2>/dev/null || true; done
    sleep 0.3
    for p in $NPID $XPID; do kill -KILL "$p" 2>/dev/null || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "$1" >&2; cat "$TMP/err" >&2; exit 1; }
Xvfb "$D" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
XPID=$!
sleep 1
export DISPLAY=$D HOME=$TMP XDG_CONFIG_HOME=$TMP/cfg XDG_DATA_HOME=$TMP/data XDG_STATE_HOME=$TMP/state
NIACT_UI_TIMING=${NIACT_UI_TIMING:-1} "$BIN" play --scenario october1962 --seat us=human --seat ussr=ai --seat cuba=ai --seat un=ai --seed 7 \
    --no-autosave --size ${SIZE:-1280x720} 2>"$TMP/err" &
NPID=$!
HZ=$(getconf CLK_TCK)
ticks() { [ -e /proc/$NPID/stat ] || fail "niact exited"; awk '{print $14 + $15}' /proc/$NPID/stat; }
WIN=
for _ in $(seq 50); do
    WIN=$(xdotool search --name '^Niact$' 2>/dev/null | head -1) && [ -n "$WIN" ] && break
    sleep 0.2
done
[ -n "$WIN" ] || { echo "no window" >&2; cat "$TMP/err" >&2; exit 1; }
sleep 1
xdotool windowfocus "$WIN" 2>/dev/null || true
xdotool key Return; sleep 0.5          # the briefing -> the desk
xdotool key t; sleep 0.5               # the telegram sheet
[ -n "${SHOT:-}" ] && command -v import >/dev/null && import -display "$D" -window root "$SHOT.tele.png"
sleep 1
t0=$(ticks); s0=$(date +%s.%N)
for _ in $(seq "$N"); do xdotool key a; done
sleep 1
t1=$(ticks); s1=$(date +%s.%N)
[ -n "${SHOT:-}" ] && import -display "$D" -window root "$SHOT.typed.png"
xdotool key Escape; sleep 0.5           # back to the desk
t2=$(ticks); s2=$(date +%s.%N)
steps=$((S * 10))
W_=${SIZE:-1280x720}; H_=${W_#*x}; W_=${W_%x*}
for i in $(seq "$steps"); do
    x=$((100 + (i * 37) % (W_ - 200))); y=$((80 + (i * 53) % (H_ - 160)))
    xdotool mousemove "$x" "$y"; sleep 0.1
done
t3=$(ticks); s3=$(date +%s.%N)
[ -n "${SHOT:-}" ] && import -display "$D" -window root "$SHOT.desk.png"
awk -v hz="$HZ" -v n="$N" -v k="$((t1 - t0))" -v m="$((t3 - t2))" -v s0="$s2" -v s1="$s3" 'BEGIN {
    printf "keys: %d in the telegram form, %d ticks = %.2f ms of CPU per key\n", n, k, k * 1000.0 / hz / n
    printf "pointer: %.1f s moving over the desk, %d ticks = %.2f %% of a core\n", s1 - s0, m, m * 100.0 / hz / (s1 - s0)
}'
kill -TERM $NPID; wait $NPID 2>/dev/null || true; NPID=
grep -i "frame" "$TMP/err" || true
