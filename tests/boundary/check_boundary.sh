#!/bin/sh
# The session is the only door (docs/architecture.md, "The boundary"): no front-end file
# calls a core or host function that changes a game, or loads a scenario's host. Every
# file under engine/ui, and text play's files under engine/cli, are checked; the tools
# that inspect a scenario (sim, check, rules, debrief: listed in docs/architecture.md)
# are not yet behind the door. Exits 1 naming each offending line.
# usage: check_boundary.sh SOURCE_DIR
src=${1:-.}
forbidden='niact_game_(new|submit|resolve|advance|propose|answer|withdraw|telegram|set_quiet|set_rules|set_error_hook|copy|order_legal|check_orders|inject|unsubmit|moderator_note|log_all|truth_now)[[:space:]]*\(|niact_host_(load|personality|term_value)[[:space:]]*\(|niact_session_game[[:space:]]*\('
files=$(ls "$src"/engine/ui/*.c "$src"/engine/ui/*.h "$src"/engine/cli/play.c \
           "$src"/engine/cli/negotiate_cmd.c "$src"/engine/cli/record_cmd.c \
           "$src"/engine/cli/host.c "$src"/engine/cli/join.c 2>/dev/null)
[ -n "$files" ] || { echo "check_boundary: no front-end files under $src"; exit 2; }
bad=$(grep -nE "$forbidden" $files)
if [ -n "$bad" ]; then
    echo "A front end reaches around the session (use include/niact/session.h):"
    echo "$bad"
    exit 1
fi
# Drafts are the session's: no front end masks a seat out of a save.
masks=$(grep -nE '~\(1u << (role|p->role)\)' $files)
if [ -n "$masks" ]; then
    echo "A front end masks a seat's orders out of a save (drafts are never in the game):"
    echo "$masks"
    exit 1
fi
echo "ok: $(echo "$files" | wc -l) front-end files speak only to the session"
