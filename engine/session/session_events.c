/* Hearing: per seat, what happened since it last looked, as a stream of events drained
 * from a cursor the session keeps for the seat. Log entries come from the game's log
 * (each seat reads only what is addressed to it); turns resolved and the end are marks
 * the session places in the log as it resolves; tracks that moved are found by comparing
 * what the seat knows now with what it knew when it last heard everything. */
#include "session_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The ear of a seat (the spectator's is the last), or NULL. */
static session_ear *ear_of(niact_session *s, int role) {
    if (role == NIACT_SPECTATOR)
        return &s->ears[NIACT_MAX_ROLES];
    if (role == NIACT_MODERATOR)
        return &s->ears[NIACT_MAX_ROLES + 1];
    if (role < 0 || role >= niact_session_scenario(s)->n_roles)
        return NULL;
    return &s->ears[role];
}

/* Remembers what the seat knows of every track now. */
static void remember(niact_session *s, int role, session_ear *e) {
    const niact_scenario *sc = niact_session_scenario(s);
    for (int t = 0; e->seen && t < sc->n_tracks; t++)
        niact_session_track(s, role, t, &e->seen[t]);
}

niact_status session_events_init(niact_session *s) {
    const niact_scenario *sc = niact_session_scenario(s);
    size_t n = sc->n_tracks ? (size_t)sc->n_tracks : 1;
    for (int r = 0; r <= NIACT_MAX_ROLES + 1; r++)
        s->ears[r].track = -1;
    for (int r = 0; r < sc->n_roles; r++) {
        if (!(s->ears[r].seen = calloc(n, sizeof *s->ears[r].seen)))
            return NIACT_ERR_NOMEM;
        remember(s, r, &s->ears[r]);
    }
    return NIACT_OK;
}

void session_events_free(niact_session *s) {
    for (int r = 0; r <= NIACT_MAX_ROLES + 1; r++)
        free(s->ears[r].seen);
    free(s->marks);
}

static niact_status push_mark(niact_session *s, niact_event_kind kind) {
    if (s->n_marks == s->cap_marks) {
        size_t cap = s->cap_marks ? s->cap_marks * 2 : 16;
        session_mark *m = realloc(s->marks, cap * sizeof *m);
        if (!m)
            return NIACT_ERR_NOMEM;
        s->marks = m;
        s->cap_marks = cap;
    }
    s->marks[s->n_marks++] = (session_mark){niact_game_log_size(s->game), kind,
                                            niact_game_turn(s->game), niact_game_outcome(s->game)};
    return NIACT_OK;
}

niact_status session_mark_turn(niact_session *s) {
    niact_status st = push_mark(s, NIACT_EVENT_TURN);
    if (st == NIACT_OK && niact_game_phase(s->game) == NIACT_PHASE_ENDED)
        st = push_mark(s, NIACT_EVENT_END);
    return st;
}

/* The next log entry the ear may hear at or after its cursor: 1 and *e, *at, else 0.
 * The spectator reads as the first role and keeps only what is told to every role. */
static int next_entry(niact_session *s, int role, size_t cur, niact_log_entry *e, size_t *at,
                      size_t *after) {
    const niact_scenario *sc = niact_session_scenario(s);
    uint32_t all = (1u << sc->n_roles) - 1u;
    if (role == NIACT_MODERATOR) { /* the moderator reads every entry */
        int have = niact_game_log_all(s->game, &cur, e);
        *at = cur - 1;
        *after = cur;
        return have;
    }
    while (niact_game_log_next(s->game, role < 0 ? 0 : role, &cur, e)) {
        if (role < 0 && (e->audience & all) != all)
            continue;
        *at = cur - 1; /* the cursor has passed the entry */
        *after = cur;
        return 1;
    }
    *after = cur;
    return 0;
}

/* The next TRACK event of a draining seat: 1, or 0 when every track is compared. */
static int next_track(niact_session *s, int role, session_ear *ear, niact_event *ev) {
    const niact_scenario *sc = niact_session_scenario(s);
    for (; ear->seen && ear->track < sc->n_tracks; ear->track++) {
        int t = ear->track;
        niact_known now;
        niact_session_track(s, role, t, &now);
        niact_known before = ear->seen[t];
        ear->seen[t] = now;
        if (now.vis == NIACT_VIS_NONE || (now.vis == before.vis && now.value == before.value))
            continue;
        memset(ev, 0, sizeof *ev);
        ev->kind = NIACT_EVENT_TRACK;
        ev->track = t;
        ev->before = before;
        ev->now = now;
        ear->track++;
        return 1;
    }
    ear->track = -1;
    return 0;
}

int niact_session_hear(niact_session *s, int role, niact_event *ev) {
    session_ear *ear = ear_of(s, role);
    if (!ear)
        return 0;
    if (ear->track < 0) {
        size_t mark_pos = ear->mark < s->n_marks ? s->marks[ear->mark].log_pos : SIZE_MAX;
        niact_log_entry e;
        size_t at, after;
        int have = next_entry(s, role, ear->log, &e, &at, &after);
        if (have && at < mark_pos) {
            memset(ev, 0, sizeof *ev);
            ev->kind = NIACT_EVENT_LOG;
            ev->index = at;
            ev->entry = e;
            ear->log = after;
            return 1;
        }
        if (ear->mark < s->n_marks) {
            const session_mark *m = &s->marks[ear->mark++];
            memset(ev, 0, sizeof *ev);
            ev->kind = m->kind;
            ev->turn = m->turn;
            ev->outcome = m->outcome;
            if (ear->log < m->log_pos)
                ear->log = m->log_pos < after ? m->log_pos : after;
            return 1;
        }
        ear->log = after;
        if (role < 0)
            return 0;
        ear->track = 0;
    }
    return next_track(s, role, ear, ev);
}

void niact_session_heard_until(niact_session *s, int role, int32_t turn) {
    session_ear *ear = ear_of(s, role);
    if (!ear)
        return;
    size_t cur = 0;
    niact_log_entry e;
    ear->log = niact_game_log_size(s->game);
    for (;;) {
        size_t before = cur;
        if (!(role == NIACT_MODERATOR ? niact_game_log_all(s->game, &cur, &e)
                                      : niact_game_log_next(s->game, role < 0 ? 0 : role, &cur, &e)))
            break;
        if (e.turn >= turn) {
            ear->log = before;
            break;
        }
    }
    ear->mark = 0;
    while (ear->mark < s->n_marks && s->marks[ear->mark].turn <= turn)
        ear->mark++;
    ear->track = -1;
    if (role >= 0)
        remember(s, role, ear);
}

void niact_session_rewind(niact_session *s, int role, size_t pos) {
    session_ear *ear = ear_of(s, role);
    if (!ear)
        return;
    size_t end = niact_game_log_size(s->game);
    ear->log = pos < end ? pos : end;
    ear->mark = 0; /* a mark placed at pos was heard with the entries before it */
    while (ear->mark < s->n_marks && s->marks[ear->mark].log_pos <= ear->log)
        ear->mark++;
    ear->track = -1;
}

size_t niact_session_heard(const niact_session *s, int role) {
    if (role == NIACT_SPECTATOR)
        return s->ears[NIACT_MAX_ROLES].log;
    if (role == NIACT_MODERATOR)
        return s->ears[NIACT_MAX_ROLES + 1].log;
    if (role < 0 || role >= niact_session_scenario(s)->n_roles)
        return 0;
    return s->ears[role].log;
}
