/* niact check's games: a scenario played as players play it, through the session, with
 * every problem the host reports counted (findings.c), then what only many games show:
 * an action never legal, an objective that never moves, a personality whose every order
 * is refused, state kept outside the tracks. */
#include "niact/check.h"
#include "niact/session.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ASK_TURNS 3   /* turns after which every legality test is asked twice again */
#define MAX_HASHES 512

/* What one personality did in one role over every game it played there. */
typedef struct seat_sum {
    int64_t given, kept, games;
    int16_t first_dropped;
    char why[200];
} seat_sum;

typedef struct run {
    niact_host *h;
    const niact_scenario *sc;
    niact_findings *f;
    niact_check_summary *sum;
    int64_t game;            /* id of the game being played */
    int64_t *asked;          /* [n_actions] seats' options that listed it */
    int64_t *legal;          /* [n_actions] of them, how many the scenario's test allowed */
    int64_t *asked_games;    /* [n_actions] games in which it was asked */
    int32_t *obj_first;      /* [n_objectives] the first score seen */
    uint8_t *obj_moved;      /* [n_objectives] a different score was seen */
    int obj_seen;            /* a score has been seen */
    seat_sum *seats;         /* [n_personalities * NIACT_MAX_ROLES] */
} run;

/* A problem the checker finds itself, at a declaration's place. */
static void found(run *c, int warning, const char *file, int line, int64_t count,
                  int64_t games, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
static void found(run *c, int warning, const char *file, int line, int64_t count,
                  int64_t games, const char *fmt, ...) {
    niact_error e;
    niact_error_clear(&e);
    e.kind = NIACT_KIND_SCRIPT;
    snprintf(e.file, sizeof e.file, "%s", file ? file : "");
    e.line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.reason, sizeof e.reason, fmt, ap);
    va_end(ap);
    niact_findings_put(c->f, &e, warning, count, games);
}

/* Asks every action's legality test twice for every role that may order it (at its
 * default parameter): the state hash must not move and the answer must not change. */
static void ask_twice(run *c, niact_session *s) {
    const niact_scenario *sc = c->sc;
    const niact_game *g = niact_session_view(s);
    for (int a = 0; a < sc->n_actions; a++) {
        const niact_action_def *d = &sc->actions[a];
        for (int r = 0; r < sc->n_roles && d->has_legal; r++) {
            if (!(d->roles & (1u << r)))
                continue;
            niact_order o = {(int16_t)r, (int16_t)a, d->has_param ? d->param_default : 0};
            uint64_t before = niact_game_hash(g);
            int ok1 = 0, ok2 = 0;
            char why1[256], why2[256];
            niact_status s1 = niact_session_legal(s, &o, &ok1, why1, sizeof why1);
            if (s1 != NIACT_OK && s1 != NIACT_ERR_INVALID)
                return; /* the host has reported the failure; one a game is enough */
            niact_status s2 = niact_session_legal(s, &o, &ok2, why2, sizeof why2);
            int moved = niact_game_hash(g) != before;
            if (moved || s1 != s2 || ok1 != ok2 || strcmp(why1, why2)) {
                found(c, 0, d->meta.file, d->meta.line, 1, 1,
                      "the legality test of '%s' for '%s' (turn %d) %s", d->meta.id,
                      sc->roles[r].meta.id, niact_game_turn(g) + 1,
                      moved ? "changed the game (questions must change nothing)"
                            : "answered differently when asked twice (it keeps state of its "
                              "own)");
                return;
            }
        }
    }
}

/* Every seat's options now, as the window and text play show them: which actions the
 * scenario allows (with the session's parameter search). */
static void survey(run *c, niact_session *s, uint8_t *seen) {
    const niact_scenario *sc = c->sc;
    for (int r = 0; r < sc->n_roles; r++) {
        const niact_options *o = niact_session_options(s, r);
        if (!o)
            continue;
        c->sum->options++;
        for (int i = 0; i < o->n; i++) {
            int a = o->opt[i].action;
            c->asked[a]++;
            c->legal[a] += o->opt[i].legal != 0;
            if (!seen[a]) {
                seen[a] = 1;
                c->asked_games[a]++;
            }
        }
    }
}

static void watch_scores(run *c, const niact_game *g) {
    const niact_scenario *sc = c->sc;
    for (int o = 0; o < sc->n_objectives; o++) {
        int32_t v = 0;
        if (niact_game_objective_score(g, sc->objectives[o].role, o, &v) != NIACT_OK)
            continue;
        if (!c->obj_seen)
            c->obj_first[o] = v;
        else if (v != c->obj_first[o])
            c->obj_moved[o] = 1;
    }
    c->obj_seen = 1;
}

/* Plays one game. pers: the personality index of the seating (-1: random seats);
 * report: count its problems (0: the replay games of the same-seed test). Fills
 * hashes[0..*turns] if hashes is not NULL. */
static void play(run *c, uint64_t seed, const niact_seat *seats, int pers, int report,
                 uint64_t *hashes, int *turns) {
    const niact_scenario *sc = c->sc;
    niact_session *s = NULL;
    char msg[2048];
    uint8_t seen[4096];
    memset(seen, 0, sizeof seen);
    if (report) {
        niact_findings_game(c->f, ++c->game);
        c->sum->games++;
    }
    int64_t before = niact_findings_total(c->f);
    niact_status st = niact_session_new(c->h, seed, seats, &s, msg, sizeof msg);
    if (st != NIACT_OK) {
        if (report && niact_findings_total(c->f) == before)
            found(c, 0, "", 0, 1, 1, "the game cannot start: %s", msg);
        if (turns)
            *turns = -1;
        return;
    }
    const niact_game *g = niact_session_view(s);
    if (report)
        watch_scores(c, g);
    for (int t = 0; niact_game_phase(g) != NIACT_PHASE_ENDED; t++) {
        if (report && pers < 0 && t <= ASK_TURNS)
            ask_twice(c, s);
        if (report && sc->n_actions <= (int)sizeof seen)
            survey(c, s, seen);
        st = niact_session_resolve(s);
        if (st != NIACT_OK) {
            if (report) {
                char why[1024];
                niact_error_format(niact_session_last_error(s), why, sizeof why);
                found(c, 0, "", 0, 1, 1, "the game stopped on turn %d: %s", t + 1, why);
            }
            break;
        }
        if (report) {
            c->sum->turns++;
            watch_scores(c, g);
        }
    }
    if (report && pers >= 0) {
        for (int r = 0; r < sc->n_roles; r++) {
            const niact_ai_tally *ty = niact_session_ai_tally(s, r);
            if (strcmp(seats[r].personality, sc->personalities[pers]) || !ty)
                continue;
            seat_sum *x = &c->seats[(size_t)pers * NIACT_MAX_ROLES + (size_t)r];
            x->given += ty->given;
            x->kept += ty->kept;
            x->games++;
            if (x->first_dropped < 0 && ty->first_dropped >= 0) {
                x->first_dropped = ty->first_dropped;
                snprintf(x->why, sizeof x->why, "%s", ty->why);
            }
        }
    }
    if (turns) {
        *turns = niact_game_turn(g);
        for (int t = 0; t <= *turns && t < MAX_HASHES; t++)
            niact_game_turn_hash(g, t, &hashes[t]);
    }
    niact_session_free(s);
}

/* What many games show, once every game is played. */
static void conclude(run *c) {
    const niact_scenario *sc = c->sc;
    for (int a = 0; a < sc->n_actions; a++) {
        const niact_action_def *d = &sc->actions[a];
        if (c->asked[a] > 0 && c->legal[a] == 0)
            found(c, 1, d->meta.file, d->meta.line, c->asked[a], c->asked_games[a],
                  "action '%s' was never legal: its legality test refused it every time a "
                  "seat's options were asked", d->meta.id);
    }
    for (int o = 0; o < sc->n_objectives && c->obj_seen; o++) {
        const niact_objective_def *d = &sc->objectives[o];
        if (!c->obj_moved[o])
            found(c, 1, d->meta.file, d->meta.line, c->sum->turns + c->sum->games, c->sum->games,
                  "objective '%s' scored %d after every turn of every game: it never moves%s",
                  d->meta.id, (int)c->obj_first[o],
                  c->obj_first[o] == 0 ? " (it never scores)" : "");
    }
    for (int p = 0; p < sc->n_personalities; p++)
        for (int r = 0; r < sc->n_roles; r++) {
            const seat_sum *x = &c->seats[(size_t)p * NIACT_MAX_ROLES + (size_t)r];
            if (x->given == 0 || x->kept > 0)
                continue;
            char file[96];
            int line = niact_host_personality_at(c->h, sc->personalities[p], r, file,
                                                 sizeof file);
            found(c, 1, line ? file : "", line, x->given, x->games,
                  "personality '%s' for '%s': every order it gave was refused, so the seat "
                  "gave none (the first: '%s', %s)", sc->personalities[p],
                  sc->roles[r].meta.id,
                  x->first_dropped >= 0 ? sc->actions[x->first_dropped].meta.id : "?",
                  x->why[0] ? x->why : "the scenario's test said no");
        }
}

niact_status niact_check_run(const char *name, const niact_check_options *opt,
                             niact_findings *f, niact_check_summary *sum, char *msg,
                             size_t msglen) {
    memset(sum, 0, sizeof *sum);
    int seeds = opt && opt->seeds > 0 ? opt->seeds : NIACT_CHECK_SEEDS;
    if (seeds > NIACT_CHECK_MAX_SEEDS)
        seeds = NIACT_CHECK_MAX_SEEDS;
    niact_host *h = NULL;
    niact_status st = niact_session_load(name, NULL, &h, sum->dir, sizeof sum->dir, msg, msglen);
    if (st != NIACT_OK)
        return st;
    const char *variant = opt ? opt->variant : NULL;
    char vwhy[600];
    if (niact_host_set_variant(h, variant, vwhy, sizeof vwhy) != 0) {
        snprintf(msg, msglen, "--variant: %s", vwhy);
        niact_host_free(h);
        return NIACT_ERR_INVALID;
    }
    char dir[sizeof sum->dir];
    if (niact_find_scenario(name, dir, sizeof dir, sum->lib, sizeof sum->lib) != 0)
        sum->lib[0] = 0;
    const niact_scenario *sc = niact_host_scenario(h);
    snprintf(sum->id, sizeof sum->id, "%s", sc->meta.id);
    snprintf(sum->variant, sizeof sum->variant, "%s", variant ? variant : "");
    for (int i = 0, at = 0; variant && i < sc->n_variants && at < (int)sizeof sum->other_variants;
         i++) {
        if (variant && !strcmp(variant, sc->variants[i].meta.id))
            continue;
        int w = snprintf(sum->other_variants + at, sizeof sum->other_variants - (size_t)at,
                         "%s%s", at ? " " : "", sc->variants[i].meta.id);
        at += w > 0 ? w : 0;
    }
    sum->roles = sc->n_roles;
    sum->tracks = sc->n_tracks;
    sum->actions = sc->n_actions;
    sum->events = sc->n_events;
    sum->objectives = sc->n_objectives;
    sum->terms = sc->n_terms;
    sum->personalities = sc->n_personalities;
    sum->seeds = seeds;
    snprintf(sum->load_warnings, sizeof sum->load_warnings, "%s",
             niact_host_warnings(h, &sum->n_load_warnings));
    run c = {.h = h, .sc = sc, .f = f, .sum = sum};
    size_t na = sc->n_actions ? (size_t)sc->n_actions : 1;
    size_t no = sc->n_objectives ? (size_t)sc->n_objectives : 1;
    size_t ns = (size_t)(sc->n_personalities ? sc->n_personalities : 1) * NIACT_MAX_ROLES;
    c.asked = calloc(na, sizeof *c.asked);
    c.legal = calloc(na, sizeof *c.legal);
    c.asked_games = calloc(na, sizeof *c.asked_games);
    c.obj_first = calloc(no, sizeof *c.obj_first);
    c.obj_moved = calloc(no, sizeof *c.obj_moved);
    c.seats = calloc(ns, sizeof *c.seats);
    uint64_t *ha = malloc(MAX_HASHES * sizeof *ha), *hb = malloc(MAX_HASHES * sizeof *hb);
    if (!c.asked || !c.legal || !c.asked_games || !c.obj_first || !c.obj_moved || !c.seats ||
        !ha || !hb) {
        st = NIACT_ERR_NOMEM;
        snprintf(msg, msglen, "out of memory");
        goto done;
    }
    for (size_t i = 0; i < ns; i++)
        c.seats[i].first_dropped = -1;
    niact_findings_watch(f, h);
    /* Random seats, then each personality in every seat it plays (the others random). */
    niact_seat seats[NIACT_MAX_ROLES];
    for (int p = -1; p < sc->n_personalities; p++) {
        memset(seats, 0, sizeof seats);
        for (int r = 0; r < NIACT_MAX_ROLES; r++) {
            seats[r].kind = NIACT_SEAT_AI;
            if (p >= 0 && r < sc->n_roles && (sc->personality_roles[p] & (1u << r)))
                snprintf(seats[r].personality, sizeof seats[r].personality, "%s",
                         sc->personalities[p]);
        }
        sum->seatings++;
        for (int k = 1; k <= seeds; k++)
            play(&c, (uint64_t)k, seats, p, 1, NULL, NULL);
    }
    conclude(&c);
    niact_findings_watch(NULL, h);
    /* The same seed again, after other games ran in this Lua state, and in a fresh one. */
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        seats[r].kind = NIACT_SEAT_AI;
    int ta = 0, tb = 0;
    play(&c, 1, seats, -1, 0, hb, &tb);
    niact_host *fresh = NULL;
    char why[256];
    if (niact_session_load(name, NULL, &fresh, NULL, 0, why, sizeof why) == NIACT_OK &&
        niact_host_set_variant(fresh, variant, why, sizeof why) == 0) {
        c.h = fresh;
        play(&c, 1, seats, -1, 0, ha, &ta);
        c.h = h;
        int n = ta < MAX_HASHES ? ta : MAX_HASHES - 1;
        for (int t = 0; t <= n && ta >= 0; t++)
            if (ta != tb || ha[t] != hb[t]) {
                found(&c, 0, "", 0, 1, 1,
                      "the same seed played twice gave different games (from turn %d): the "
                      "scenario keeps state outside its declared tracks (in Lua upvalues or "
                      "tables changed during play)", t + 1);
                break;
            }
        niact_host_free(fresh);
    }
    /* Without --variant: each declared variant too, with one seed per seating (its own
     * calendar, and the rules' state:variant() branches). */
    for (int v = 0; !variant && v < sc->n_variants; v++) {
        niact_host *hv = NULL;
        if (niact_session_load(name, NULL, &hv, NULL, 0, why, sizeof why) != NIACT_OK ||
            niact_host_set_variant(hv, sc->variants[v].meta.id, why, sizeof why) != 0) {
            niact_host_free(hv);
            continue;
        }
        c.h = hv;
        c.sc = niact_host_scenario(hv);
        niact_findings_watch(f, hv);
        for (int p = -1; p < sc->n_personalities; p++) {
            memset(seats, 0, sizeof seats);
            for (int r = 0; r < NIACT_MAX_ROLES; r++) {
                seats[r].kind = NIACT_SEAT_AI;
                if (p >= 0 && r < sc->n_roles && (sc->personality_roles[p] & (1u << r)))
                    snprintf(seats[r].personality, sizeof seats[r].personality, "%s",
                             sc->personalities[p]);
            }
            play(&c, 1, seats, p, 1, NULL, NULL);
        }
        niact_findings_watch(NULL, hv);
        c.h = h;
        c.sc = sc;
        niact_host_free(hv);
        sum->variants_played++;
    }
    niact_findings_sort(f);
done:
    free(c.asked);
    free(c.legal);
    free(c.asked_games);
    free(c.obj_first);
    free(c.obj_moved);
    free(c.seats);
    free(ha);
    free(hb);
    niact_host_free(h);
    return st;
}
