/* The one command queue: niact_session_tell takes a plain command struct (the same bytes
 * whether it came from a keyboard, a click or a network connection), checks it whole as
 * untrusted input, and carries it out through the session's own commands. */
#include "session_internal.h"
#include "niact/paths.h"
#include "niact/record.h"

#include <stdio.h>
#include <string.h>

niact_command niact_command_make(niact_command_kind kind, int role) {
    niact_command c;
    memset(&c, 0, sizeof c);
    c.kind = (int32_t)kind;
    c.role = role;
    return c;
}

const char *niact_command_name(int32_t kind) {
    static const char *const names[NIACT_CMD_COUNT] = {
        "order", "drop", "param", "end turn", "propose", "answer", "withdraw", "telegram",
        "save", "pause", "resume", "deadline", "default", "inject", "message", "free seat", "rollback"};
    return kind >= 0 && kind < NIACT_CMD_COUNT ? names[kind] : "?";
}

niact_status niact_session_set_save_file(niact_session *s, const char *path) {
    if (path && strlen(path) >= sizeof s->save_file)
        return session_fail(s, NIACT_ERR_INVALID, "the save file's path is too long");
    snprintf(s->save_file, sizeof s->save_file, "%s", path ? path : "");
    return NIACT_OK;
}

/* SAVE: the file, then the record written atomically (the drafts are never in it). */
static niact_status save(niact_session *s, const char *name, char *path, size_t len) {
    char msg[4200];
    if (name[0] && !niact_name_ok(name)) { /* the one wording, niact_data_file's */
        niact_data_file("saves", name, 0, path, len, msg, sizeof msg);
        path[0] = 0;
        return session_fail(s, NIACT_ERR_INVALID, "%s", msg);
    }
    if (!name[0] && s->save_file[0]) {
        snprintf(path, len, "%s", s->save_file);
    } else {
        char def[96];
        if (!name[0]) {
            snprintf(def, sizeof def, "%.40s-%llu", niact_session_scenario(s)->meta.id,
                     (unsigned long long)niact_game_seed(s->game));
            name = def;
        }
        if (niact_data_file("saves", name, 1, path, len, msg, sizeof msg) != 0)
            return session_fail(s, NIACT_ERR_IO, "%s", msg);
    }
    niact_status st = niact_record_save(s, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg);
    if (st != NIACT_OK)
        return session_fail(s, st, "%s", msg);
    return NIACT_OK;
}

/* The command's fields that every kind must have right, before anything is done. */
static niact_status check_command(niact_session *s, const niact_command *c) {
    if (c->kind < 0 || c->kind >= NIACT_CMD_COUNT)
        return session_fail(s, NIACT_ERR_INVALID, "no such command (kind %d)", (int)c->kind);
    int moderator = c->kind >= NIACT_CMD_PAUSE;
    if (moderator && c->role != NIACT_MODERATOR)
        return session_fail(s, NIACT_ERR_INVALID, "only the moderator can %s",
                            niact_command_name(c->kind));
    if (!moderator && (c->role < 0 || c->role >= niact_session_scenario(s)->n_roles))
        return session_fail(s, NIACT_ERR_INVALID, "no such role (%d)", (int)c->role);
    if (!memchr(c->text, 0, sizeof c->text))
        return session_fail(s, NIACT_ERR_INVALID, "the command's text is not terminated");
    if (c->kind == NIACT_CMD_PROPOSE && (c->n_terms < 0 || c->n_terms > NIACT_MAX_TERMS))
        return session_fail(s, NIACT_ERR_INVALID, "a proposal takes at most %d terms, not %d",
                            NIACT_MAX_TERMS, (int)c->n_terms);
    return NIACT_OK;
}

static niact_status run(niact_session *s, const niact_command *c, niact_reply *r) {
    switch ((niact_command_kind)c->kind) {
    case NIACT_CMD_ORDER: return niact_session_order(s, c->role, c->action, c->param);
    case NIACT_CMD_DROP: return niact_session_drop(s, c->role, c->index);
    case NIACT_CMD_PARAM: return niact_session_param(s, c->role, c->index, c->param);
    case NIACT_CMD_END_TURN: return niact_session_end_turn(s, c->role);
    case NIACT_CMD_PROPOSE:
        return niact_session_propose(s, c->role, c->to, c->public_ != 0, c->terms, c->n_terms,
                                     c->id, &r->id);
    case NIACT_CMD_ANSWER: return niact_session_answer(s, c->role, c->id, c->accept != 0);
    case NIACT_CMD_WITHDRAW: return niact_session_withdraw(s, c->role, c->id);
    case NIACT_CMD_TELEGRAM: return niact_session_telegram(s, c->role, c->to, c->text);
    case NIACT_CMD_SAVE: return save(s, c->text, r->path, sizeof r->path);
    case NIACT_CMD_PAUSE: return niact_session_pause(s);
    case NIACT_CMD_RESUME: return niact_session_resume(s);
    case NIACT_CMD_DEADLINE: return niact_session_set_deadline(s, c->param, c->text);
    case NIACT_CMD_DEFAULT: return niact_session_default(s, c->index);
    case NIACT_CMD_INJECT: return niact_session_inject(s, c->index);
    case NIACT_CMD_MESSAGE: return niact_session_message(s, c->text);
    case NIACT_CMD_FREE_SEAT: return niact_session_free_seat(s, c->index);
    case NIACT_CMD_ROLLBACK: return niact_session_rollback(s, c->index);
    case NIACT_CMD_COUNT: break;
    }
    return session_fail(s, NIACT_ERR_INVALID, "no such command");
}

niact_status niact_session_tell(niact_session *s, const niact_command *cmd, niact_reply *reply) {
    niact_reply local;
    niact_reply *r = reply ? reply : &local;
    memset(r, 0, sizeof *r);
    niact_error_clear(&s->error);
    niact_status st = check_command(s, cmd);
    if (st == NIACT_OK)
        st = s->remote ? session_remote_tell(s, cmd, r) : run(s, cmd, r);
    if (st == NIACT_OK)
        niact_error_clear(&s->error);
    else if (s->error.status == NIACT_OK) /* (every path sets one; never leave it empty) */
        session_fail(s, st, "%s refused", niact_command_name(cmd->kind));
    r->status = st;
    r->error = s->error;
    if (st != NIACT_OK)
        r->path[0] = 0;
    return st;
}
