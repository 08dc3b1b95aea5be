/* The session's entries for the engine's tools (the simulator, `check`, the debrief,
 * replays): what they used to reach around the session for, now through it, so no file
 * of a front end loads a host or changes a game by itself (tests/boundary). */
#include "session_internal.h"
#include "niact/paths.h"
#include "niact/record.h"

#include <stdio.h>
#include <string.h>

void niact_session_set_quiet(niact_session *s, int quiet) {
    niact_game_set_quiet(s->game, quiet);
}

niact_status niact_session_legal(niact_session *s, const niact_order *o, int *ok, char *why,
                                 size_t len) {
    s->legal_calls++;
    niact_status st = niact_game_order_legal(s->game, o, ok, why, len);
    if (st != NIACT_OK)
        return session_take(s, st);
    niact_error_clear(&s->error);
    return NIACT_OK;
}

void niact_session_set_error_hook(niact_session *s, niact_error_fn fn, void *ud) {
    niact_game_set_error_hook(s->game, fn, ud);
}

niact_status niact_session_open_record(const char *path, const niact_replay_opts *o,
                                       niact_session **out, niact_replay_info *info,
                                       char *msg, size_t msglen) {
    char dir[NIACT_PATH_MAX], lib[NIACT_PATH_MAX];
    niact_record_opts opts;
    memset(&opts, 0, sizeof opts);
    *out = NULL;
    if (info) {
        memset(info, 0, sizeof *info);
        info->first_mismatch = -1;
    }
    if (o && o->scenario) {
        if (niact_path_scenario(o->scenario, dir, sizeof dir, lib, sizeof lib, msg, msglen) != 0)
            return NIACT_ERR_INVALID;
        opts.scenario_dir = dir;
        opts.lib_dir = lib[0] ? lib : NULL;
    }
    if (o) {
        opts.ignore_hashes = o->ignore_hashes;
        opts.on_turn = o->on_turn;
        opts.ud = o->ud;
    }
    niact_loaded l;
    niact_status st = niact_record_load(path, &opts, &l, msg, msglen);
    if (st != NIACT_OK)
        return st;
    if (info) {
        info->turns = l.turns;
        info->first_mismatch = l.first_mismatch;
        info->partial = l.partial;
        info->cut = l.cut;
        snprintf(info->scenario_dir, sizeof info->scenario_dir, "%s",
                 l.scenario_dir[0] ? l.scenario_dir : (o && o->scenario ? dir : ""));
    }
    if (l.own_host) /* (always: no host was given to the loader) */
        niact_session_own_host(l.session);
    *out = l.session;
    return NIACT_OK;
}
