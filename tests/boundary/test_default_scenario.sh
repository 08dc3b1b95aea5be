#!/bin/sh
# Without --scenario, rules and sim play the first bundled scenario by folder name
# (niact_path_default_scenario), and say which folder they loaded.
# usage: test_default_scenario.sh NIACT SOURCE_DIR
niact=$1 src=$2
first=$(LC_ALL=C ls "$src"/scripts/scenarios | LC_ALL=C sort | head -n 1)
[ -n "$first" ] || { echo "no bundled scenario"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
HOME=$tmp XDG_DATA_HOME=$tmp/data "$niact" rules --json >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
grep -q "\"id\": *\"$first\"" "$tmp/out" || { echo "rules did not load $first"; head -c 300 "$tmp/out"; exit 1; }
grep -q "scenario $first from " "$tmp/err" || { echo "rules did not say it loaded $first"; cat "$tmp/err"; exit 1; }
HOME=$tmp XDG_DATA_HOME=$tmp/data "$niact" sim --games 2 2>"$tmp/err" >"$tmp/out" || { cat "$tmp/err"; exit 1; }
grep -q "scenario $first from " "$tmp/err" || { echo "sim did not load $first"; cat "$tmp/err"; exit 1; }
echo "default scenario: $first"
