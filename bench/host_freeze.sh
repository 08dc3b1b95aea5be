#!/usr/bin/env bash
# How long an AI seat's turn holds niact host's loop (and so the moderator window's
# frames): a host on 127.0.0.1 with one AI seat (LEVEL, default mcts-hard) and two
# `join --text` seats that give their orders at once; for each turn, the time from the
# last seat's orders to "turn N resolved" on the host's stderr (the resolution, AI
# negotiation and orders included, runs inside one pass of the loop).
# usage: bench/host_freeze.sh build/niact [LEVEL] [TURNS]
set -u
niact=$(realpath "$1") level=${2:-mcts-hard} turns=${3:-4}
dir=$(mktemp -d)
export HOME=$dir XDG_DATA_HOME=$dir/data
trap 'kill $(jobs -p) 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$dir"' EXIT
cd "$dir" || exit 1
stamp() { while IFS= read -r l; do printf '%s %s\n' "$(date +%s.%N)" "$l"; done; }
timeout 600 "$niact" host --text --port 0 --bind 127.0.0.1 --seed 1 --seat "us=ai:$level" \
    --no-autosave </dev/null >host.out 2> >(stamp >host.err) &
for _ in $(seq 200); do grep -q '^seat un ' host.out 2>/dev/null && break; sleep 0.05; done
port=$(sed -n 's/.*listening on UDP port \([0-9]*\).*/\1/p' host.err)
for r in ussr un; do
    c=$(awk -v r=$r '$1 == "seat" && $2 == r { print $4 }' host.out)
    for _ in $(seq 14); do echo done; done |
        timeout 600 "$niact" join "127.0.0.1:$port" --code "$c" --text >$r.out 2>&1 &
done
for _ in $(seq 12000); do
    [ "$(grep -c 'resolved' host.err)" -ge "$turns" ] && break
    sleep 0.05
done
awk -v turns="$turns" '
    / gave its orders/ { last = $1 }
    / turn [0-9]+ resolved/ { n++; d = $1 - last; sum += d; if (d > max) max = d
                              printf "turn %d: the loop was held %.2f s\n", n, d
                              if (n >= turns) exit }
    END { if (n) printf "%s: %d turns, mean %.2f s, longest %.2f s\n", "'"$level"'", n, sum / n, max }
' host.err
