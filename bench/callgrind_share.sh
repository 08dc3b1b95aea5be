#!/usr/bin/env bash
# The engine's share of a sim's instructions, counted by callgrind (reproducible, unlike
# times on a shared machine).
#   bench/callgrind_share.sh BUILD_DIR [SCENARIO] [GAMES] [AI]
# Runs `niact sim --threads 1` under callgrind twice (GAMES and 1 game) so the share can
# be given both for the whole run and for the games alone (the difference: loading).
set -euo pipefail
build=${1:?usage: callgrind_share.sh BUILD_DIR [SCENARIO] [GAMES] [AI]}
scenario=${2:-november1962}
games=${3:-1000}
ai=${4:-random}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for n in "$games" 1; do
  valgrind --tool=callgrind --callgrind-out-file="$out/cg.$n" \
    "$build/niact" sim --scenario "$scenario" --games "$n" --ai "$ai" --threads 1 \
    >/dev/null 2>"$out/log.$n"
done
echo "== $games games of $scenario, AI $ai (whole run)"
python3 "$here/callgrind_share.py" "$out/cg.$games" --files
echo
echo "== 1 game (loading and start-up, to subtract)"
python3 "$here/callgrind_share.py" "$out/cg.1" > "$out/one.txt"
head -3 "$out/one.txt"
python3 "$here/callgrind_share.py" --games-only "$out/cg.$games" "$out/cg.1"
