/* niact check: validate a scenario. Loading reports every declaration problem; then a
 * few seeded games with random orders look for errors at play, every legality test is
 * asked twice at the start and after each of the first turns (asking must change
 * nothing and answer the same), a game is played with each personality in every seat
 * (its errors, a write in its read-only view among them, are reported), and the same
 * seed is played twice to catch state kept outside the game. Errors come as records (error.h), never parsed from log text. */
#include "cli.h"

#include <string.h>
#include <sys/stat.h>

#define CHECK_GAMES 5
#define CHECK_ASK_TURNS 3 /* turns of a seeded game after which the tests are asked again */

typedef struct checker {
    const char *dir; /* the scenario folder, put before each file name */
    int problems;    /* problems printed */
} checker;

/* Prints an error record as "DIR/FILE:LINE: reason (in CONTEXT)" and its quoted line. */
static void print_error(checker *c, const niact_error *e) {
    char text[2048];
    niact_error_format(e, text, sizeof text);
    printf("%s/%s%s\n", c->dir, e->file[0] ? "" : "scenario.lua: ", text);
    c->problems++;
}

/* The game's error hook: every voided callback of a reported game. */
static void on_voided(void *ud, const niact_error *e) {
    print_error(ud, e);
}

/* Asks every action's legality test twice for every role that may order it (at its
 * default parameter): the state hash must not move and the answer must not change. */
static void ask_twice(checker *c, niact_session *s) {
    const niact_game *g = niact_session_view(s);
    const niact_scenario *sc = niact_game_scenario(g);
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
            if (s1 != NIACT_OK && s1 != NIACT_ERR_INVALID) {
                print_error(c, niact_session_last_error(s));
                return; /* one report per game is enough */
            }
            niact_status s2 = niact_session_legal(s, &o, &ok2, why2, sizeof why2);
            if (niact_game_hash(g) != before || s1 != s2 || ok1 != ok2 || strcmp(why1, why2)) {
                printf("%s/scenario.lua: the legality test of '%s' for '%s' (turn %d) %s\n",
                       c->dir, d->meta.id, sc->roles[r].meta.id, niact_game_turn(g) + 1,
                       niact_game_hash(g) != before
                           ? "changed the game (questions must change nothing)"
                           : "answered differently when asked twice (it keeps state of its own)");
                c->problems++;
                return;
            }
        }
    }
}

/* Plays one seeded game with every seat an AI; reports its errors if `report`. Fills
 * hashes[0..*turns] with the per-turn hashes. */
static void play_game(checker *c, niact_host *h, uint64_t seed, uint64_t *hashes, int max,
                      int *turns, int report) {
    niact_session *s = NULL;
    char msg[2048];
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        seats[r].kind = NIACT_SEAT_AI;
    if (niact_session_new(h, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        printf("%s/scenario.lua: the game cannot start: %s\n", c->dir, msg);
        c->problems++;
        return;
    }
    const niact_game *g = niact_session_view(s);
    if (report)
        niact_session_set_error_hook(s, on_voided, c);
    niact_status st = NIACT_OK;
    for (int t = 0; st == NIACT_OK && niact_game_phase(g) != NIACT_PHASE_ENDED; t++) {
        if (report && t <= CHECK_ASK_TURNS)
            ask_twice(c, s);
        st = niact_session_resolve(s);
    }
    if (st != NIACT_OK && report) {
        printf("%s/scenario.lua: %s\n", c->dir, niact_session_error(s));
        c->problems++;
    }
    *turns = niact_game_turn(g);
    for (int t = 0; t <= *turns && t < max; t++)
        niact_game_turn_hash(g, t, &hashes[t]);
    niact_session_free(s);
}

/* Plays one game (seed 1) with every seat the personality `name`, asking each seat for
 * its orders through the session; reports the first failure of the personality (a
 * write in its read-only view, a script error) with its position. */
static void play_personality(checker *c, niact_host *h, const char *name) {
    const niact_scenario *sc = niact_host_scenario(h);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", name);
    }
    niact_session *s = NULL;
    char msg[2048];
    if (niact_session_new(h, 1, seats, &s, msg, sizeof msg) != NIACT_OK)
        return; /* the seeded games above have reported why */
    const niact_game *g = niact_session_view(s);
    while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
        for (int r = 0; r < sc->n_roles; r++) {
            niact_order os[NIACT_MAX_ORDERS];
            int n = 0;
            niact_status st = niact_session_ai_orders(s, r, os, &n);
            if (st == NIACT_ERR_INVALID) /* no function for this role */
                continue;
            if (st != NIACT_OK) {
                niact_error e = *niact_host_last_error(h);
                niact_error_context(&e, "personality '%s' for '%s', turn %d", name,
                                    sc->roles[r].meta.id, niact_game_turn(g) + 1);
                print_error(c, &e);
                niact_session_free(s);
                return;
            }
            niact_session_submit(s, r, os, n);
        }
        if (niact_session_resolve(s) != NIACT_OK)
            break;
    }
    niact_session_free(s);
}

int cli_check(int argc, char **argv) {
    if (argc != 2 || argv[1][0] == '-') {
        cli_help(stderr, "check");
        return CLI_USAGE;
    }
    /* dir names the scenario in messages; find is what is looked up: the argument by
     * the one rule (a bare name is a bundled or the user's scenario), or for a file the
     * folder holding it, as a folder (with its '/'). */
    char dir[4096], find[4100];
    snprintf(dir, sizeof dir, "%s", argv[1]);
    snprintf(find, sizeof find, "%s", argv[1]);
    struct stat stt;
    if (stat(dir, &stt) == 0 && S_ISREG(stt.st_mode)) { /* a file: check its folder */
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(dir, sizeof dir, ".");
        snprintf(find, sizeof find, "%s/", dir);
    }
    char sdir[4096], lib[4096];
    if (cli_find(find, sdir, sizeof sdir, lib, sizeof lib) != 0)
        return CLI_BAD_INPUT;
    niact_host *h = cli_load_dir(dir, sdir, stdout);
    if (!h)
        return CLI_BAD_INPUT;
    const niact_scenario *sc = niact_host_scenario(h);
    checker c = {dir, 0};
    uint64_t a[512], b[512];
    int ta = 0, tb = 0;
    for (uint64_t seed = 1; seed <= CHECK_GAMES; seed++)
        play_game(&c, h, seed, a, 512, &ta, 1);
    for (int i = 0; i < sc->n_personalities; i++)
        play_personality(&c, h, sc->personalities[i]);
    /* The same seed again, after other games ran in this Lua state. */
    play_game(&c, h, 1, b, 512, &tb, 0);
    niact_host *fresh = cli_load_dir(dir, sdir, stdout);
    if (fresh) {
        play_game(&c, fresh, 1, a, 512, &ta, 0);
        int n = ta < 512 ? ta : 511;
        for (int t = 0; t <= n; t++)
            if (ta != tb || a[t] != b[t]) {
                printf("%s/scenario.lua: the same seed played twice gave different games "
                       "(from turn %d): the scenario keeps state outside its declared tracks "
                       "(in Lua upvalues or tables changed during play)\n", dir, t + 1);
                c.problems++;
                break;
            }
        niact_host_free(fresh);
    }
    if (c.problems == 0)
        printf("%s: ok (%d roles, %d tracks, %d actions, %d events, %d objectives, %d terms; "
               "%d test games clean, every legality test asked twice)\n",
               sc->meta.id, sc->n_roles, sc->n_tracks, sc->n_actions, sc->n_events,
               sc->n_objectives, sc->n_terms, CHECK_GAMES);
    niact_host_free(h);
    return c.problems ? CLI_BAD_INPUT : CLI_OK;
}
