/* The moderator's operations (the teacher's seat): pause and resume, a deadline a turn
 * with a default for late seats, an event injected now, a message to every seat, a seat
 * freed. Each is checked whole before anything changes, then kept as an input in the
 * order made (session_keep), so a record replays it: wall-clock time never enters the
 * game, only the decisions it led to ("seat X defaulted in turn N"). */
#include "session_internal.h"
#include "niact/ai.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "niact/text.h"

niact_status session_not_paused(niact_session *s) {
    if (s->paused)
        return session_fail(s, NIACT_ERR_STATE, "the game is paused by the moderator");
    return NIACT_OK;
}

/* Room for one more moderator input (and its text), bounded so a record stays loadable. */
static niact_status reserve_moderator(niact_session *s, const char *text, char **copy) {
    *copy = NULL;
    if (s->n_moderator >= NIACT_SESSION_MAX_MODERATOR)
        return session_fail(s, NIACT_ERR_INVALID,
                            "this game has used up the moderator's %d operations",
                            NIACT_SESSION_MAX_MODERATOR);
    return session_reserve(s, text, copy);
}

static niact_status keep_moderator(niact_session *s, niact_input_kind kind, int role, int32_t id,
                                   char *text) {
    niact_input in = {.kind = kind, .role = (int16_t)role, .id = id};
    s->n_moderator++;
    niact_error_clear(&s->error);
    return session_keep(s, &in, text);
}

static int running(const niact_session *s) {
    return niact_game_phase(s->game) != NIACT_PHASE_ENDED;
}

static niact_status need_running(niact_session *s) {
    if (niact_game_broken(s->game))
        return session_fail(s, NIACT_ERR_BROKEN, "the game is broken (load a save)");
    if (!running(s))
        return session_fail(s, NIACT_ERR_STATE, "the game has ended");
    return NIACT_OK;
}

niact_status niact_session_pause(niact_session *s) {
    char *none;
    niact_status st = need_running(s);
    if (st == NIACT_OK && s->paused)
        st = session_fail(s, NIACT_ERR_STATE, "the game is already paused");
    if (st == NIACT_OK)
        st = reserve_moderator(s, NULL, &none);
    if (st != NIACT_OK)
        return st;
    s->paused = 1;
    return keep_moderator(s, NIACT_INPUT_PAUSE, NIACT_MODERATOR, 0, NULL);
}

niact_status niact_session_resume(niact_session *s) {
    char *none;
    niact_status st = need_running(s);
    if (st == NIACT_OK && !s->paused)
        st = session_fail(s, NIACT_ERR_STATE, "the game is not paused");
    if (st == NIACT_OK)
        st = reserve_moderator(s, NULL, &none);
    if (st != NIACT_OK)
        return st;
    s->paused = 0;
    return keep_moderator(s, NIACT_INPUT_RESUME, NIACT_MODERATOR, 0, NULL);
}

int niact_session_paused(const niact_session *s) {
    return s->paused;
}

/* A default play the scenario can give: a personality of its own, "random", an AI level;
 * "" for no orders. */
static niact_status check_play(niact_session *s, const char *play) {
    const niact_scenario *sc = niact_session_scenario(s);
    if (!*play || !strcmp(play, "random") || niact_ai_parse_level(play) != NIACT_AI_NONE)
        return NIACT_OK;
    for (int i = 0; i < sc->n_personalities; i++)
        if (!strcmp(sc->personalities[i], play))
            return NIACT_OK;
    char list[400] = "";
    size_t used = 0;
    for (int i = 0; i < sc->n_personalities && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                 sc->personalities[i]);
    return session_fail(s, NIACT_ERR_INVALID,
                        "scenario '%s' has no personality '%.40s' for late seats (it has: %s; "
                        "or none)", sc->meta.id, play, list[0] ? list : "none");
}

niact_status niact_session_set_deadline(niact_session *s, int32_t seconds, const char *play) {
    if (!play || !strcmp(play, "none"))
        play = "";
    char *copy;
    niact_status st = need_running(s);
    if (st != NIACT_OK)
        return st;
    if (seconds < 0 || seconds > NIACT_SESSION_MAX_DEADLINE)
        return session_fail(s, NIACT_ERR_INVALID, "a deadline is 0 (none) to %d seconds",
                            NIACT_SESSION_MAX_DEADLINE);
    if (strlen(play) >= sizeof s->default_play)
        return session_fail(s, NIACT_ERR_INVALID, "no personality '%.40s'", play);
    if ((st = check_play(s, play)) != NIACT_OK ||
        (st = reserve_moderator(s, *play ? play : "none", &copy)) != NIACT_OK)
        return st;
    s->deadline = seconds;
    snprintf(s->default_play, sizeof s->default_play, "%s", play);
    s->clock_turn = -1; /* the countdown starts afresh at the next tick */
    return keep_moderator(s, NIACT_INPUT_DEADLINE, NIACT_MODERATOR, seconds, copy);
}

int32_t niact_session_deadline(const niact_session *s, const char **play) {
    if (play)
        *play = s->default_play;
    return s->deadline;
}

/* The countdown's bookkeeping at now_ms (no input: time is the front end's). */
static void clock_update(niact_session *s, int64_t now_ms) {
    if (s->clock_turn != niact_game_turn(s->game)) {
        s->clock_turn = niact_game_turn(s->game);
        s->clock_start = now_ms;
        s->clock_paused = s->paused ? now_ms : -1;
    }
    if (s->paused && s->clock_paused < 0)
        s->clock_paused = now_ms;
    if (!s->paused && s->clock_paused >= 0) {
        s->clock_start += now_ms - s->clock_paused;
        s->clock_paused = -1;
    }
}

int64_t niact_session_time_left(const niact_session *s, int64_t now_ms) {
    if (s->remote)
        return session_remote_time_left(s, now_ms);
    if (!s->deadline || !running(s) || s->clock_turn != niact_game_turn(s->game))
        return s->deadline && running(s) ? (int64_t)s->deadline * 1000 : -1;
    int64_t at = s->clock_paused >= 0 ? s->clock_paused : now_ms;
    int64_t left = (int64_t)s->deadline * 1000 - (at - s->clock_start);
    return left < 0 ? 0 : left;
}

niact_status niact_session_tick(niact_session *s, int64_t now_ms, int *defaulted) {
    if (defaulted)
        *defaulted = 0;
    if (!running(s))
        return NIACT_OK;
    clock_update(s, now_ms);
    if (!s->deadline || s->paused || niact_session_time_left(s, now_ms) > 0)
        return NIACT_OK;
    const niact_scenario *sc = niact_session_scenario(s);
    for (int r = 0; r < sc->n_roles; r++) {
        if (s->seats[r].kind != NIACT_SEAT_HUMAN || niact_game_submitted(s->game, r))
            continue;
        niact_status st = niact_session_default(s, r);
        if (st != NIACT_OK)
            return st;
        if (defaulted)
            (*defaulted)++;
    }
    return NIACT_OK;
}

/* The orders of `play` for the role now (none on "" or if the AI fails). */
static niact_status play_orders(niact_session *s, int role, const char *play, niact_order *os,
                                int *n) {
    *n = 0;
    if (!*play)
        return NIACT_OK;
    niact_seat keep = s->seats[role];
    s->seats[role].kind = NIACT_SEAT_AI;
    snprintf(s->seats[role].personality, sizeof s->seats[role].personality, "%s", play);
    niact_status st = niact_session_ai_orders(s, role, os, n);
    s->seats[role] = keep;
    if (st == NIACT_ERR_NOMEM)
        return st;
    if (st != NIACT_OK)
        *n = 0; /* a failing personality gives no orders: the seat still defaults */
    return NIACT_OK;
}

niact_status niact_session_default(niact_session *s, int role) {
    const niact_scenario *sc = niact_session_scenario(s);
    niact_status st = need_running(s);
    if (st != NIACT_OK)
        return st;
    if (role < 0 || role >= sc->n_roles)
        return session_fail(s, NIACT_ERR_INVALID, "no such role");
    if (s->seats[role].kind != NIACT_SEAT_HUMAN)
        return session_fail(s, NIACT_ERR_INVALID, "the %s is played by the AI",
                            sc->roles[role].meta.name);
    if (niact_game_submitted(s->game, role))
        return session_fail(s, NIACT_ERR_STATE, "the %s has given its orders",
                            sc->roles[role].meta.name);
    if ((st = session_not_paused(s)) != NIACT_OK)
        return st;
    const char *play = s->default_play;
    char *copy;
    if ((st = reserve_moderator(s, *play ? play : "none", &copy)) != NIACT_OK)
        return st;
    niact_order os[NIACT_MAX_ORDERS];
    int n = 0;
    st = play_orders(s, role, play, os, &n);
    if (st == NIACT_OK && niact_game_submit(s->game, role, os, n) != NIACT_OK)
        st = niact_game_submit(s->game, role, NULL, 0);
    if (st != NIACT_OK) {
        free(copy);
        return session_take(s, st);
    }
    s->n_draft[role] = 0;
    s->draft_gen[role]++;
    s->defaulted |= 1u << role;
    s->reopened &= ~(1u << role);
    session_changed(s);
    return keep_moderator(s, NIACT_INPUT_DEFAULT, role, 0, copy);
}

uint32_t niact_session_defaulted(const niact_session *s) {
    return s->defaulted;
}

niact_status niact_session_inject(niact_session *s, int event) {
    const niact_scenario *sc = niact_session_scenario(s);
    char *none;
    niact_status st = need_running(s);
    if (st != NIACT_OK)
        return st;
    if (event < 0 || event >= sc->n_events)
        return session_fail(s, NIACT_ERR_INVALID, "no such event");
    if ((st = reserve_moderator(s, NULL, &none)) != NIACT_OK)
        return st;
    /* Seats that have given their orders get them back: the event may have made them
     * impossible, and a record lists a turn's orders after its other inputs, so orders
     * given before the event would be checked after it on replay. */
    niact_order given[NIACT_MAX_ROLES][NIACT_MAX_ORDERS];
    int n_given[NIACT_MAX_ROLES] = {0};
    uint32_t had = 0;
    for (int r = 0; r < sc->n_roles; r++)
        if (niact_game_submitted(s->game, r)) {
            const niact_order *os = niact_game_orders(s->game, r, &n_given[r]);
            if (n_given[r])
                memcpy(given[r], os, (size_t)n_given[r] * sizeof *os);
            had |= 1u << r;
        }
    session_changed(s);
    st = niact_game_inject(s->game, event);
    if (st != NIACT_OK)
        return session_take(s, st);
    for (int r = 0; r < sc->n_roles; r++) {
        if (!(had & (1u << r)))
            continue;
        niact_game_unsubmit(s->game, r);
        if (s->seats[r].kind != NIACT_SEAT_HUMAN)
            continue; /* an AI seat decides again when the turn resolves */
        memcpy(s->draft[r], given[r], (size_t)n_given[r] * sizeof given[r][0]);
        s->n_draft[r] = n_given[r];
        s->draft_gen[r]++;
        s->reopened |= 1u << r;
        s->defaulted &= ~(1u << r);
    }
    return keep_moderator(s, NIACT_INPUT_INJECT, NIACT_MODERATOR, event, NULL);
}

uint32_t niact_session_reopened(const niact_session *s) {
    return s->reopened;
}

niact_status niact_session_message(niact_session *s, const char *text) {
    niact_status st = need_running(s);
    if (st != NIACT_OK)
        return st;
    size_t n = text ? strlen(text) : 0;
    char why[96];
    if (n == 0)
        return session_fail(s, NIACT_ERR_INVALID, "a message needs a text");
    if (n > NIACT_TELEGRAM_MAX)
        return session_fail(s, NIACT_ERR_INVALID, "a message is at most %d bytes",
                            NIACT_TELEGRAM_MAX);
    if (niact_text_check(text, n, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK)
        return session_fail(s, NIACT_ERR_INVALID, "a message must be plain text: %s", why);
    if (s->n_telegrams >= NIACT_SESSION_MAX_TELEGRAMS ||
        n > NIACT_SESSION_TELEGRAM_BYTES - s->telegram_bytes)
        return session_fail(s, NIACT_ERR_INVALID,
                            "this game has used up its telegrams and messages (at most %d and "
                            "%d bytes of text a game)", NIACT_SESSION_MAX_TELEGRAMS,
                            NIACT_SESSION_TELEGRAM_BYTES);
    char *copy;
    if ((st = reserve_moderator(s, text, &copy)) != NIACT_OK)
        return st;
    session_changed(s);
    st = niact_game_moderator_note(s->game, text);
    if (st != NIACT_OK) {
        free(copy);
        return session_take(s, st);
    }
    s->n_telegrams++;
    s->telegram_bytes += n;
    return keep_moderator(s, NIACT_INPUT_MESSAGE, NIACT_MODERATOR, 0, copy);
}

niact_status niact_session_free_seat(niact_session *s, int role) {
    char *none;
    niact_status st = need_running(s);
    if (st != NIACT_OK)
        return st;
    if (role < 0 || role >= niact_session_scenario(s)->n_roles)
        return session_fail(s, NIACT_ERR_INVALID, "no such role");
    if ((st = reserve_moderator(s, NULL, &none)) != NIACT_OK)
        return st;
    s->n_draft[role] = 0;
    s->draft_gen[role]++;
    s->epoch[role]++;
    return keep_moderator(s, NIACT_INPUT_FREE_SEAT, role, 0, NULL);
}

uint32_t niact_session_seat_epoch(const niact_session *s, int role) {
    return role >= 0 && role < NIACT_MAX_ROLES ? s->epoch[role] : 0;
}

niact_status niact_session_truth(const niact_session *s, int track, int32_t *value) {
    return niact_game_truth_now(s->game, track, value);
}

void session_moderator_turn(niact_session *s) {
    s->defaulted = 0;
    s->reopened = 0;
}

/* A recorded default: the decision only. Its orders are the seat's orders of the turn,
 * which the record lists after the turn's other inputs. */
static niact_status apply_default(niact_session *s, const niact_input *in) {
    const niact_scenario *sc = niact_session_scenario(s);
    niact_status st = need_running(s);
    if (st != NIACT_OK)
        return st;
    if (in->role < 0 || in->role >= sc->n_roles || s->seats[in->role].kind != NIACT_SEAT_HUMAN)
        return session_fail(s, NIACT_ERR_INVALID, "a default is for a human seat");
    if (niact_game_submitted(s->game, in->role))
        return session_fail(s, NIACT_ERR_STATE, "the %s has given its orders",
                            sc->roles[in->role].meta.name);
    if ((st = session_not_paused(s)) != NIACT_OK)
        return st;
    const char *play = in->text && strcmp(in->text, "none") ? in->text : "";
    if ((st = check_play(s, play)) != NIACT_OK)
        return st;
    char *copy;
    if ((st = reserve_moderator(s, *play ? play : "none", &copy)) != NIACT_OK)
        return st;
    s->defaulted |= 1u << in->role;
    return keep_moderator(s, NIACT_INPUT_DEFAULT, in->role, 0, copy);
}

niact_status session_apply_moderator(niact_session *s, const niact_input *in) {
    switch (in->kind) {
    case NIACT_INPUT_PAUSE: return niact_session_pause(s);
    case NIACT_INPUT_RESUME: return niact_session_resume(s);
    case NIACT_INPUT_DEADLINE: return niact_session_set_deadline(s, in->id, in->text);
    case NIACT_INPUT_DEFAULT: return apply_default(s, in);
    case NIACT_INPUT_INJECT: return niact_session_inject(s, in->id);
    case NIACT_INPUT_MESSAGE: return niact_session_message(s, in->text ? in->text : "");
    case NIACT_INPUT_FREE_SEAT: return niact_session_free_seat(s, in->role);
    case NIACT_INPUT_ROLLBACK: return niact_session_rollback(s, in->id);
    default: return session_fail(s, NIACT_ERR_INVALID, "unknown kind of input");
    }
}
