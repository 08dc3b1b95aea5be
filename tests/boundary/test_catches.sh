#!/bin/sh
# The boundary check must catch a forbidden call planted in any front-end file (engine/cli
# and engine/ui, .c and .h), and must pass a tree that only speaks to the session: a
# check that always fails, or never does, fails this test.
# usage: test_catches.sh CHECK_BOUNDARY_SH
check=$1
d=$(mktemp -d) || exit 2
trap 'rm -rf "$d"' EXIT
mkdir -p "$d/engine/ui" "$d/engine/cli"
clean='void f(niact_session *s, const niact_game *g, niact_command *c, size_t *cur,
            niact_log_entry *e) {
    niact_session_tell(s, c, NULL);
    niact_session_resolve(s);
    niact_game_log_next(g, 0, cur, e);
    niact_game_hash(g);
    niact_host_scenario(niact_session_host(s));
    /* niact_game_submit is named in a comment without a call */
}'
for f in ui/desk.c ui/app.h cli/sim.c cli/check.c cli/play.c cli/record_cmd.c; do
    printf '%s\n' "$clean" > "$d/engine/$f"
done
sh "$check" "$d" >/dev/null || { echo "FAIL: a clean tree is refused"; sh "$check" "$d"; exit 1; }
n=0
# Each planted call, and the file it is planted in.
while IFS='|' read -r file call; do
    [ -n "$file" ] || continue
    cp "$d/engine/$file" "$d/saved"
    printf '    %s\n' "$call" >> "$d/engine/$file"
    out=$(sh "$check" "$d")
    rc=$?
    mv "$d/saved" "$d/engine/$file"
    if [ $rc -ne 1 ] || ! echo "$out" | grep -q "engine/$file:"; then
        echo "FAIL: '$call' in engine/$file was not caught (exit $rc)"
        echo "$out"
        exit 1
    fi
    n=$((n + 1))
done <<'LIST'
ui/desk.c|niact_game_submit(g, 0, os, n);
ui/app.h|niact_game_resolve (g);
cli/sim.c|niact_host_load(dir, lib, NULL, &h, msg, sizeof msg);
cli/sim.c|niact_game_set_quiet(niact_session_game(s), 1);
cli/check.c|niact_game_order_legal(g, &o, &ok, why, sizeof why);
cli/check.c|niact_game_set_error_hook(g, on_voided, c);
cli/play.c|niact_host_personality(h, g, "historical", r, os, 8, &n);
cli/play.c|if (x & ~(1u << role)) save();
cli/record_cmd.c|niact_record_load(path, &opts, &l, msg, sizeof msg);
cli/record_cmd.c|niact_loaded_free(&l);
ui/desk.c|niact_game_copy(g, &c);
ui/desk.c|niact_ai_think(h, g, 0, &cfg, os, &n, NULL);
ui/desk.c|niact_rules_set(g, 0, 1);
cli/sim.c|niact_game_new(sc, rules, 1, &g, msg, 9);
cli/check.c|niact_game_stop(g);
LIST
echo "ok: $n planted calls caught, a clean tree passes"
