#!/bin/sh
# Reproduces the figures of docs/balance.md: batch games of November 1962 with the
# random AI and the scripted personalities. Usage: tests/rules/balance.sh BUILD_DIR [GAMES]
set -eu
B=${1:?usage: balance.sh BUILD_DIR [GAMES]}
N=${2:-2000}
M="$B/tests/rules/nov_measure"
echo "## Same AI in every seat ($N games each)"
for p in random hawk dove historical; do
  "$M" --games "$N" --seat us=$p --seat ussr=$p --seat un=$p
done
echo "## One seat's personality against the others ($N games each)"
for others in random historical; do
  for r in us ussr un; do
    for p in random hawk dove historical; do
      args=""
      for o in us ussr un; do
        if [ "$o" = "$r" ]; then args="$args --seat $o=$p"; else args="$args --seat $o=$others"; fi
      done
      # shellcheck disable=SC2086
      "$M" --games "$N" $args
    done
  done
done
echo "## Actions: effect of ordering each in turn 1 (random play, $N games x 2)"
"$M" --games $((N * 2)) --actions
echo "## Historical mode (1000 seeds)"
"$M" --games 1000 --seat us=historical --seat ussr=historical --seat un=historical \
  --historical --mean shootdowns,icrc,castro_anger,verification,prestige
# (--historical prints the turning points of history.md, section 4, and the happenings
# the record lacks: the figures of docs/balance.md, "Historical mode")
