#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + coverage) and runs each for
# SECONDS (default 60), seeded from real files:
#   fuzz_record    tests/record/seeds (good records) and tests/record/corpus (bad ones)
#   fuzz_scenario  the scenario.lua of testland and of every bundled scenario
#   fuzz_net       one packet of each message type of the network protocol
#   fuzz_view      a seat view the host wrote (tests/fuzz/view-seed.json), cut in pieces
# Usage: tests/fuzz/run.sh [SECONDS]      (build folder: $NIACT_FUZZ_BUILD or build-fuzz)
# New inputs are kept in the build folder's fuzz-corpus/; a finding stops the run with
# the crashing input saved as crash-* there, and this script exits non-zero.
set -euo pipefail
secs=${1:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${NIACT_FUZZ_BUILD:-$root/build-fuzz}
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -g"
CC=clang cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNIACT_FUZZ=ON \
  -DNIACT_WINDOW=OFF -DCMAKE_C_FLAGS="$flags" >/dev/null
cmake --build "$build" --target fuzz_record fuzz_scenario fuzz_net fuzz_view -j2 >"$build/fuzz-build.log" 2>&1 || {
  tail -30 "$build/fuzz-build.log"
  exit 1
}
work=$build/fuzz-corpus
mkdir -p "$work/record" "$work/scenario" "$work/scenario-seeds" "$work/net" "$work/net-seeds" \
  "$work/view" "$work/view-seeds"
{ printf '\100'; cat "$root/tests/fuzz/view-seed.json"; } >"$work/view-seeds/view"
# Seeds for fuzz_net: HELLO, LINE, WELCOME, TEXT, PROMPT, END, BYE.
printf '\001\000\012ABCDEFGHJK' >"$work/net-seeds/hello"
printf '\002\001\000\000\000\007\000order 1' >"$work/net-seeds/line"
printf '\201\001\005\000Hello' >"$work/net-seeds/welcome"
printf '\202\003\000a\nb' >"$work/net-seeds/text"
printf '\203\002\000\000\000\007\000[us] > ' >"$work/net-seeds/prompt"
printf '\204' >"$work/net-seeds/end"
printf '\205\002\003\000Bye' >"$work/net-seeds/bye"
printf '\206\001\002\003\004\005\006\007\010\004test\006lesson' >"$work/net-seeds/scenario"
printf '\207\001\000\000\000\000\000\001\000{}' >"$work/net-seeds/view"
printf '\210\001\000\000\000\002\000\000\000\001\000\000\000\000\002\000no' >"$work/net-seeds/reply"
cp "$root"/tests/scenarios/testland/scenario.lua "$work/scenario-seeds/testland.lua"
for s in "$root"/scripts/scenarios/*/scenario.lua; do
  [ -e "$s" ] && cp "$s" "$work/scenario-seeds/$(basename "$(dirname "$s")").lua"
done
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1
run() { # NAME MAXLEN CORPUS SEEDS...
  local name=$1 maxlen=$2
  shift 2
  (cd "$build" && "$build/tests/fuzz/$name" -max_total_time="$secs" -max_len="$maxlen" -timeout=20 \
     -rss_limit_mb=2048 -print_final_stats=1 "$@") >"$build/$name.log" 2>&1 || {
    tail -40 "$build/$name.log"
    echo "$name: FINDING (see $build/$name.log and $build/crash-*)"
    return 1
  }
  local n
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/$name.log")
  echo "$name: $n executions in ${secs}s, no finding"
}
run fuzz_record 65536 "$work/record" "$root/tests/record/seeds" "$root/tests/record/corpus"
run fuzz_scenario 32768 "$work/scenario" "$work/scenario-seeds"
run fuzz_net 9000 "$work/net" "$work/net-seeds"
run fuzz_view 200000 "$work/view" "$work/view-seeds"
