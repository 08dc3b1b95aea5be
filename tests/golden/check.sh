#!/usr/bin/env bash
# The golden records (ctest test_golden): for every game of tests/golden/games,
#  1. `niact replay NAME.json --verify`: the committed inputs still give every committed
#     per-turn state hash (the rules and the core have not moved);
#  2. the game played again from its seed and seats (AI seats decide anew, human seats
#     type NAME.in) gives the same record, byte for byte: the same inputs and hashes
#     (the AI and the session have not moved either).
# A failure names the first turn whose hash moved. If the change was meant to move the
# game, re-bless: tests/golden/bless.sh (or cmake --build build --target bless-golden).
source "$(dirname "$0")/common.sh"
NIACT=$(realpath "${1:-$GOLDEN_DIR/../../build/niact}")
golden_home
fail=0
hashes() { # start hash, then one line per turn: TURN HASH; then the outcome
  sed -n -e 's/.*"start_hash": "\([0-9a-f]*\)".*/start \1/p' \
         -e 's/.*"hash": "\([0-9a-f]*\)"}.*/\1/p' \
         -e 's/^{"outcome": "\(.*\)"}$/outcome \1/p' "$1" | awk '
    /^start|^outcome/ { print; next } { print "turn " ++n " " $0 }'
}
while read -r name input args; do
  rec="$GOLDEN_DIR/$name.json"
  if [ ! -f "$rec" ]; then
    echo "golden $name: $rec is missing (run tests/golden/bless.sh)"; fail=1; continue
  fi
  if ! "$NIACT" replay "$rec" --verify >"$GOLDEN_TMP/$name.replay" 2>&1; then
    echo "golden $name: replay --verify fails:"; tail -5 "$GOLDEN_TMP/$name.replay"; fail=1
  fi
  # shellcheck disable=SC2086
  if ! play_golden "$NIACT" "$name" "$input" "$GOLDEN_TMP/$name.json" $args; then
    fail=1; continue
  fi
  if ! cmp -s "$rec" "$GOLDEN_TMP/$name.json"; then
    moved=$(diff <(hashes "$rec") <(hashes "$GOLDEN_TMP/$name.json") | sed -n 's/^< //p' | head -1 || true)
    if [ -n "$moved" ]; then
      now=$(hashes "$GOLDEN_TMP/$name.json" | grep "^${moved% *} " || true)
      echo "golden $name: moved at '$moved' (now '${now:-nothing}')"
    else
      echo "golden $name: same hashes, other inputs"
    fi
    diff "$rec" "$GOLDEN_TMP/$name.json" | head -10
    fail=1
  else
    echo "golden $name: $(hashes "$rec" | grep -c '^turn') turns, every hash as blessed"
  fi
done < <(golden_games)
if [ $fail -ne 0 ]; then
  echo "The game moved. If that was meant, re-bless: tests/golden/bless.sh (docs/records.md)."
fi
exit $fail
