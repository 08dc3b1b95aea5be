/* What a moderator (the teacher's seat) may do to a game beyond any seat: fire one of the
 * scenario's events now, take back a seat's given orders, write a message to every seat,
 * and read the whole log of a running game. Only the session calls these (the moderator's
 * operations are kept as inputs there, so a record replays them); no front end does
 * (tests/boundary). Each checks the whole request before it changes anything. */
#include "game_internal.h"

#include <stdio.h>

#include "niact/rules.h"
#include "niact/text.h"

static uint32_t every_role(const niact_game *g) {
    return (1u << g->sc->n_roles) - 1u;
}

static niact_status running(niact_game *g) {
    if (g->broken)
        return niact_core_refuse_broken(g);
    if (g->phase == NIACT_PHASE_ENDED)
        return niact_core_fail(g, NIACT_ERR_STATE, NIACT_KIND_STATE, "the game has ended");
    return NIACT_OK;
}

niact_status niact_game_inject(niact_game *g, int event) {
    niact_status st = running(g);
    if (st != NIACT_OK)
        return st;
    if (event < 0 || event >= g->sc->n_events)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "no such event");
    const niact_event_def *d = &g->sc->events[event];
    if (d->once && g->fired[event] > 0)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                               "event '%s' happens once a game and has already happened",
                               d->meta.id);
    /* The moderator's choice replaces the event's condition and chance: it happens now.
     * Its effect runs as at a resolution: under a mark, voided if it fails. */
    uint64_t before = g->err_gen;
    g->fire_audience = 0;
    if (g->rules.event_fire) {
        niact_mark m;
        niact_core_mark(g, &m);
        g->firing = 1;
        niact_status fs = g->rules.event_fire(g->rules.ud, g, event);
        g->firing = 0;
        st = niact_core_settle(g, &m, fs, "event '%s' (injected by the moderator)", d->meta.id);
        if (st != NIACT_OK)
            return st;
        if (g->err_gen != before)
            return NIACT_OK; /* voided: every seat was told; it did not happen */
    }
    g->fired[event]++;
    for (int r = 0; r < g->sc->n_roles; r++)
        if (g->fire_audience & (1u << r))
            g->told[(size_t)r * (size_t)g->sc->n_events + (size_t)event]++;
    return NIACT_OK;
}

niact_status niact_game_unsubmit(niact_game *g, int role) {
    niact_status st = running(g);
    if (st != NIACT_OK)
        return st;
    if (role < 0 || role >= g->sc->n_roles)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "no such role");
    g->submitted &= ~(1u << role);
    g->n_orders[role] = 0;
    return NIACT_OK;
}

niact_status niact_game_moderator_note(niact_game *g, const char *text) {
    niact_status st = running(g);
    if (st != NIACT_OK)
        return st;
    size_t n = text ? strlen(text) : 0;
    if (n == 0)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID, "a message needs a text");
    if (n > NIACT_TELEGRAM_MAX)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                               "a message is at most %d bytes", NIACT_TELEGRAM_MAX);
    char why[96];
    if (niact_text_check(text, n, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK)
        return niact_core_fail(g, NIACT_ERR_INVALID, NIACT_KIND_INVALID,
                               "a message must be plain text: %s", why);
    char buf[NIACT_TELEGRAM_MAX + 64];
    snprintf(buf, sizeof buf, "Message from the moderator to every delegation: %s", text);
    if (niact_rules_log(g, every_role(g), NIACT_LOG_TELEGRAM, buf) != NIACT_OK)
        return niact_core_fail(g, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    return NIACT_OK;
}

int niact_game_log_all(const niact_game *g, size_t *cursor, niact_log_entry *e) {
    if (*cursor >= g->log_len)
        return 0;
    const log_item *it = &g->log[(*cursor)++];
    *e = (niact_log_entry){it->turn, it->kind, it->audience, it->text};
    return 1;
}

niact_status niact_game_truth_now(const niact_game *g, int track, int32_t *value) {
    if (track < 0 || track >= g->sc->n_tracks)
        return NIACT_ERR_INVALID;
    *value = g->value[track];
    return NIACT_OK;
}
