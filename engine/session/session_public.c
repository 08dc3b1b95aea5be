/* The public view: what every seat may see (a projector, a room's header). Built only
 * from what is told to every seat: the calendar, the moderator's clock and pause, which
 * seats have given orders (never what), log entries addressed to every role, tracks that
 * every role sees truly, and the result once the game is over. */
#include "session_internal.h"

#include <stdio.h>
#include <string.h>

/* Copies src into dst (size len > 3), cut at a UTF-8 character boundary with "..." if it
 * does not fit. Returns the bytes written (without the NUL). */
static size_t copy_cut(char *dst, size_t len, const char *src) {
    size_t n = strlen(src);
    if (n < len) {
        memcpy(dst, src, n + 1);
        return n;
    }
    size_t keep = len - 4;
    while (keep > 0 && ((unsigned char)src[keep] & 0xC0) == 0x80)
        keep--; /* not inside a character */
    memcpy(dst, src, keep);
    memcpy(dst + keep, "...", 4);
    return keep + 3;
}

/* Whether every role sees track t truly, and role 0's words for it. */
static int public_track(const niact_session *s, int t, niact_public_track *out) {
    const niact_scenario *sc = niact_session_scenario(s);
    niact_known k;
    for (int r = 0; r < sc->n_roles; r++)
        if (niact_session_track(s, r, t, &k) != NIACT_OK || k.vis != NIACT_VIS_TRUE)
            return 0;
    out->track = t;
    out->value = k.value;
    niact_known_text(&k, 0, out->text, sizeof out->text);
    return 1;
}

niact_status niact_session_public(const niact_session *s, int64_t now_ms, size_t news_from,
                                  niact_public *out) {
    if (!s || !out)
        return NIACT_ERR_INVALID;
    memset(out, 0, sizeof *out);
    const niact_game *g = s->game;
    const niact_scenario *sc = niact_session_scenario(s);
    out->turn = niact_game_turn(g);
    out->turns = sc->turns;
    out->n_roles = sc->n_roles;
    niact_scenario_format(sc, out->turn, NIACT_DATE_LONG, out->date, sizeof out->date);
    out->ended = niact_game_phase(g) == NIACT_PHASE_ENDED;
    out->paused = s->paused;
    out->deadline = s->deadline;
    snprintf(out->default_play, sizeof out->default_play, "%s", s->default_play);
    out->left_ms = niact_session_time_left(s, now_ms);
    out->defaulted = s->defaulted;
    for (int r = 0; r < sc->n_roles; r++) {
        if (s->seats[r].kind == NIACT_SEAT_HUMAN)
            out->humans |= 1u << r;
        if (!out->ended && niact_game_submitted(g, r))
            out->given |= 1u << r;
    }
    for (int t = 0; t < sc->n_tracks && out->n_tracks < NIACT_PUBLIC_TRACKS; t++)
        if (public_track(s, t, &out->tracks[out->n_tracks]))
            out->n_tracks++;
    if (out->ended) {
        niact_outcome o = niact_game_outcome(g);
        out->outcome = (int32_t)o;
        const char *title = niact_scenario_outcome(sc, o).title;
        snprintf(out->outcome_title, sizeof out->outcome_title, "%s", title ? title : "");
        const char *text = niact_game_outcome_text(g);
        copy_cut(out->outcome_text, sizeof out->outcome_text, text ? text : "");
        for (int r = 0; r < sc->n_roles; r++)
            niact_game_score(g, r, r, &out->scores[r]);
    }
    /* The news: entries told to every role, read as the first role (whose log holds
     * them all) and kept only if every role is in the audience. */
    uint32_t all = sc->n_roles >= 32 ? 0xffffffffu : (1u << sc->n_roles) - 1u;
    size_t cur = news_from, used = 0;
    out->news_from = news_from;
    niact_log_entry e;
    for (;;) {
        size_t before = cur;
        if (!niact_game_log_next(g, 0, &cur, &e))
            break;
        if ((e.audience & all) != all || !e.text)
            continue;
        size_t room = sizeof out->news_text - used;
        size_t need = strlen(e.text) + 1;
        if (out->n_news == NIACT_PUBLIC_NEWS || (need > room && out->n_news > 0)) {
            cur = before, out->news_more = 1; /* the next call starts with it */
            break;
        }
        niact_public_news *n = &out->news[out->n_news++];
        n->turn = e.turn;
        n->kind = (int32_t)e.kind;
        n->pos = before;
        n->off = (uint32_t)used;
        n->len = (uint32_t)copy_cut(out->news_text + used, room, e.text);
        used += n->len + 1;
    }
    out->news_next = cur;
    return NIACT_OK;
}
