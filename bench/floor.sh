#!/usr/bin/env bash
# niact's sim against its floor (docs/performance.md, "The floor"): CPU times per turn
# and per sim from a plain run of niact_bench_floor, instructions per phase from a run
# under callgrind (the program dumps its counters after each phase).
#   bench/floor.sh BUILD_DIR [SCENARIO] [GAMES] [AI]
# (NIACT_BENCH_FLOOR=PATH measures another build of the program, e.g. an older one.)
set -euo pipefail
build=${1:?usage: floor.sh BUILD_DIR [SCENARIO] [GAMES] [AI]}
scenario=${2:-november1962}
games=${3:-200}
ai=${4:-random}
bench=${NIACT_BENCH_FLOOR:-$build/bench/niact_bench_floor}
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bench" --scenario "$scenario" --games "$games" --ai "$ai"
valgrind --tool=callgrind --collect-atstart=no --callgrind-out-file="$out/cg" \
  "$bench" --scenario "$scenario" --games "$games" --ai "$ai" \
  >/dev/null 2>"$out/log"
python3 "$here/floor_split.py" "$out"/cg.* --games "$games"
