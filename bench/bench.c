/* niact_bench: the numbers of docs/performance.md, against architecture.md's budgets.
 *
 *   niact_bench [--scenario NAME|DIR] [--games N] [--json]
 *
 * Times are CPU time of the measuring thread (CLOCK_THREAD_CPUTIME_ID), so that other
 * work on a shared machine disturbs them less; every figure is single-threaded. The
 * engine's share of instructions is measured separately with callgrind
 * (bench/callgrind_share.sh), which counts instructions reproducibly. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "niact/ai.h"
#include "niact/session.h"

typedef struct bench {
    char dir[4096], lib[4096]; /* the scenario */
    niact_host *host;
    int games;                 /* games per sim measurement */
    json_t *out;               /* results, in order */
} bench;

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void result(bench *b, const char *what, double value, const char *unit,
                   const char *budget, int met) {
    printf("| %-44s | %12.3f %-9s | %-16s | %-4s |\n", what, value, unit, budget,
           met < 0 ? "" : met ? "yes" : "NO");
    json_t *o = json_object();
    json_object_set_new(o, "what", json_string(what));
    json_object_set_new(o, "value", json_real(value));
    json_object_set_new(o, "unit", json_string(unit));
    json_object_set_new(o, "budget", json_string(budget));
    if (met >= 0)
        json_object_set_new(o, "met", json_boolean(met));
    json_array_append_new(b->out, o);
}

/* Scenario load: the median of 15 loads. */
static int bench_load(bench *b) {
    double t[15];
    for (int i = 0; i < 15; i++) {
        niact_host *h = NULL;
        char msg[8192];
        double t0 = cpu_ms();
        if (niact_host_load(b->dir, b->lib[0] ? b->lib : NULL, NULL, &h, msg, sizeof msg)) {
            fprintf(stderr, "niact_bench: %s\n", msg);
            return -1;
        }
        t[i] = cpu_ms() - t0;
        niact_host_free(h);
    }
    qsort(t, 15, sizeof *t, cmp_double);
    result(b, "scenario load (median of 15)", t[7], "ms", "< 30 ms", t[7] < 30);
    return 0;
}

static niact_session *new_session(bench *b, uint64_t seed, const char *ai) {
    const niact_scenario *sc = niact_host_scenario(b->host);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", ai);
    }
    niact_session *s = NULL;
    char msg[1024];
    if (niact_session_new(b->host, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact_bench: %s\n", msg);
        return NULL;
    }
    niact_game_set_quiet(niact_session_game(s), 1);
    return s;
}

/* One turn's resolution: random orders for every role (not timed), then the timed
 * niact_game_resolve; the mean over whole random games, and the slowest. */
static int bench_resolve(bench *b) {
    double total = 0, worst = 0;
    long n = 0;
    for (int i = 0; i < b->games; i++) {
        niact_session *s = new_session(b, (uint64_t)i + 1, "random");
        if (!s)
            return -1;
        niact_game *g = niact_session_game(s);
        const niact_scenario *sc = niact_game_scenario(g);
        while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
            for (int r = 0; r < sc->n_roles; r++) {
                niact_order o[NIACT_MAX_ORDERS];
                int k = 0;
                niact_session_random_orders(s, r, o, &k);
                niact_game_submit(g, r, o, k);
            }
            double t0 = cpu_ms();
            niact_game_resolve(g);
            double dt = cpu_ms() - t0;
            total += dt;
            worst = dt > worst ? dt : worst;
            n++;
        }
        niact_session_free(s);
    }
    result(b, "one turn's resolution (mean, random orders)", total / (n ? n : 1), "ms", "< 1 ms",
           total / (n ? n : 1) < 1);
    result(b, "one turn's resolution (slowest)", worst, "ms", "", -1);
    return 0;
}

/* Whole AI-only games, every seat playing `ai`, on one thread. */
static int bench_sim(bench *b, const char *ai) {
    double t0 = cpu_ms();
    for (int i = 0; i < b->games; i++) {
        niact_session *s = new_session(b, (uint64_t)i + 1, ai);
        if (!s)
            return -1;
        niact_status st = niact_session_play_out(s);
        niact_session_free(s);
        if (st != NIACT_OK)
            return -1;
    }
    double rate = b->games / ((cpu_ms() - t0) / 1e3);
    char what[128];
    snprintf(what, sizeof what, "sim games/s, one core, AI '%s'", ai);
    result(b, what, rate, "games/s", ">= 1000", rate >= 1000);
    return 0;
}

/* Times every mcts-hard decision of `role` in one game against the first scripted
 * personality (random if none); adds to *total, *worst, *decisions and *playouts. */
static int hard_game(bench *b, int role, double *total, double *worst, long *decisions,
                     long *playouts) {
    const niact_scenario *sc = niact_host_scenario(b->host);
    niact_session *s = new_session(b, 77 + (uint64_t)role,
                                   sc->n_personalities ? sc->personalities[0] : "random");
    if (!s)
        return -1;
    niact_game *g = niact_session_game(s);
    niact_ai_config cfg;
    niact_ai_level_config(NIACT_AI_HARD, &cfg);
    while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
        niact_order o[NIACT_MAX_ORDERS];
        int n = 0;
        niact_ai_stats st;
        double t0 = cpu_ms();
        if (niact_ai_think(b->host, g, role, &cfg, o, &n, &st) != NIACT_OK)
            return -1;
        double dt = cpu_ms() - t0;
        *total += dt;
        *worst = dt > *worst ? dt : *worst;
        *playouts += st.playouts;
        (*decisions)++;
        niact_session_submit(s, role, o, n);
        if (niact_session_resolve(s) != NIACT_OK)
            return -1;
    }
    niact_session_free(s);
    return 0;
}

/* The search: playouts per second and the hardest level's decision time, for every
 * role over a whole game. */
static int bench_search(bench *b) {
    const niact_scenario *sc = niact_host_scenario(b->host);
    double worst = 0, total = 0;
    long playouts = 0, decisions = 0;
    for (int r = 0; r < sc->n_roles; r++)
        if (hard_game(b, r, &total, &worst, &decisions, &playouts) != 0)
            return -1;
    result(b, "search playouts/s (mcts-hard, whole games)", playouts / (total / 1e3),
           "playouts/s", "", -1);
    result(b, "mcts-hard decision, mean", total / 1e3 / (decisions ? decisions : 1), "s", "", -1);
    result(b, "mcts-hard decision, slowest (every seat)", worst / 1e3, "s", "< 2 s",
           worst < 2000);
    return 0;
}

static void bench_memory(bench *b) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    size_t peak = 0;
    niact_host_memory(b->host, &peak);
    result(b, "peak resident memory (whole benchmark)", ru.ru_maxrss / 1024.0, "MiB", "< 16 MiB",
           ru.ru_maxrss < 16 * 1024);
    result(b, "peak Lua state memory", peak / 1048576.0, "MiB", "", -1);
}

static int run(bench *b) {
    const niact_scenario *sc = niact_host_scenario(b->host);
    printf("Scenario %s, %d games per sim figure\n\n", sc->meta.id, b->games);
    printf("| %-44s | %22s | %-16s | %-4s |\n", "what", "measured", "budget", "met");
    printf("|%s|%s|%s|%s|\n", "----------------------------------------------",
           "------------------------", "------------------", "------");
    if (bench_load(b) || bench_resolve(b) || bench_sim(b, "random"))
        return -1;
    for (int p = 0; p < sc->n_personalities; p++)
        if (bench_sim(b, sc->personalities[p]))
            return -1;
    if (bench_search(b))
        return -1;
    bench_memory(b);
    return 0;
}

int main(int argc, char **argv) {
    bench b;
    memset(&b, 0, sizeof b);
    const char *scenario = "november1962", *json = NULL;
    b.games = 2000;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--scenario") && i + 1 < argc)
            scenario = argv[++i];
        else if (!strcmp(argv[i], "--games") && i + 1 < argc)
            b.games = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--json") && i + 1 < argc)
            json = argv[++i];
        else {
            fprintf(stderr, "usage: niact_bench [--scenario NAME|DIR] [--games N] [--json FILE]\n");
            return 2;
        }
    }
    char msg[8192];
    if (b.games < 1 || niact_find_scenario(scenario, b.dir, sizeof b.dir, b.lib, sizeof b.lib) ||
        niact_host_load(b.dir, b.lib[0] ? b.lib : NULL, NULL, &b.host, msg, sizeof msg)) {
        fprintf(stderr, "niact_bench: cannot load scenario '%s'\n", scenario);
        return 1;
    }
    b.out = json_array();
    int rc = run(&b);
    if (rc == 0 && json)
        json_dump_file(b.out, json, JSON_INDENT(2));
    json_decref(b.out);
    niact_host_free(b.host);
    return rc == 0 ? 0 : 1;
}
