#!/usr/bin/env bash
# Re-blesses the golden records: plays every game of tests/golden/games again and writes
# tests/golden/NAME.json. Run it when a change is MEANT to move the game (a rule, the
# AI, the scenario), look at `git diff tests/golden`, and commit the records with the
# change that moved them.
#   tests/golden/bless.sh [path/to/niact]        (default: build/niact)
#   cmake --build build --target bless-golden
source "$(dirname "$0")/common.sh"
set -e
NIACT=$(realpath "${1:-$GOLDEN_DIR/../../build/niact}")
golden_home
while read -r name input args; do
  # shellcheck disable=SC2086 # the arguments are words
  play_golden "$NIACT" "$name" "$input" "$GOLDEN_TMP/$name.json" $args
  mv "$GOLDEN_TMP/$name.json" "$GOLDEN_DIR/$name.json"
  # A script answers proposals by number: when the game moves, an answer may miss.
  if [ "$input" != "-" ]; then
    grep -E '^\[[a-z0-9_]+\] > +(Not done|No proposal)' "$GOLDEN_TMP/$name.json.log" |
      sed "s/^/  $input refused: /" || true
  fi
  echo "blessed tests/golden/$name.json ($(grep -c '"hash"' "$GOLDEN_DIR/$name.json") turns," \
       "$(sed -n 's/^{"outcome": "\(.*\)"}$/\1/p' "$GOLDEN_DIR/$name.json"))"
done < <(golden_games)
