#!/bin/sh
# A full game under valgrind, clean: no invalid access, no leak. Records it, verifies
# it, plays a game with a save in the middle of a turn, then loads that save and ends it.
# Usage: valgrind.sh NIACT_BINARY SOURCE_DIR
set -eu
niact=$1
src=$2
dir=$(mktemp -d /tmp/niact-vg-XXXXXX)
trap 'rm -rf "$dir"' EXIT
export XDG_DATA_HOME="$dir/data"
vg="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
land="$src/tests/scenarios/testland"
$vg "$niact" play --text --scenario "$land" --seat us=ai --seat ussr=ai:historical \
  --seat un=ai --seed 11 --record "$dir/ai.json" >/dev/null
$vg "$niact" replay "$dir/ai.json" --verify --scenario "$land" >/dev/null
$vg "$niact" replay "$dir/ai.json" --scenario "$land" >/dev/null
printf 'order recon\ndone\norder stall\ndone\norder recon\ndone\nsave mid\nquit\n' |
  $vg "$niact" play --text --scenario "$land" --seat un=ai --seed 4 --no-autosave >/dev/null
yes done | head -40 | $vg "$niact" play --text --load mid --scenario "$land" \
  >"$dir/out.txt"
grep -q RESULT "$dir/out.txt"
$vg "$niact" saves >/dev/null
for f in "$dir"/data/niact/autosave/*.json; do
  $vg "$niact" replay "$f" --verify --scenario "$land" >/dev/null
done
echo "valgrind: clean"
