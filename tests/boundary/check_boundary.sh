#!/bin/sh
# The session is the only door (docs/architecture.md, "The boundary"): no front-end file
# calls a core, host, AI or record-loading function that changes a game or loads a
# scenario's Lua host. Every file under engine/ui, engine/cli, engine/net and
# engine/check is checked (text play, the window, sim, check and its checker, rules,
# replay, debrief, records, niact host/join and the network server): they open games, records and scenarios through
# include/niact/session.h, and read the game through the core's const accessors.
# Exits 1 naming each offending line.
# usage: check_boundary.sh SOURCE_DIR
src=${1:-.}
call='[[:space:]]*\('
# The core's commands (a game made, changed, copied, stopped or given rules; the
# moderator's: an event injected, orders reopened, a note, the whole log, the truth).
core="niact_game_(new|free|submit|resolve|advance|propose|answer|withdraw|telegram|set_quiet|set_rules|set_error_hook|copy|clone|order_legal|check_orders|stop|inject|unsubmit|moderator_note|log_all|truth_now|mirror)$call"
# The Lua host: loading it, running its rules or personalities.
host="niact_host_(load|personality|term_value|rules)$call"
# The AI, the core's rules interface and its internals, the record loader (it loads a
# host), and the session's own game handle.
other="niact_ai_(think|talk_next|talk_start)$call|niact_(rules|core)_[a-z_]+$call|niact_record_load(_text)?$call|niact_loaded_free$call|niact_session_game$call"
forbidden="$core|$host|$other"
files=$(ls "$src"/engine/ui/*.c "$src"/engine/ui/*.h "$src"/engine/cli/*.c "$src"/engine/cli/*.h \
           "$src"/engine/net/*.c "$src"/engine/net/*.h "$src"/engine/check/*.c \
           "$src"/engine/check/*.h 2>/dev/null)
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
