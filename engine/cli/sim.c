/* niact sim: many AI-only games in parallel, statistics per role.
 *
 * Game i always has the same seed (from --seed and i) and its own session, so its
 * result does not depend on which thread played it. Every statistic is an integer sum
 * (scores and lengths are integers), so merging the threads' sums in any order gives
 * the same numbers: same seed, same output, whatever --threads says. */
#include "cli.h"
#include "niact/check.h"
#include "niact/hash.h"

#include <jansson.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SIM_MAX_THREADS 256
#define SIM_MAX_TURNS 1024
#define SIM_OUTCOMES 64 /* the engine's five and a scenario's own (at most 32) */

typedef struct stats {
    int64_t games;
    int64_t outcomes[SIM_OUTCOMES];    /* by niact_outcome (the scenario's table) */
    int64_t turns;                     /* sum of game lengths */
    int64_t len_min, len_max;          /* shortest and longest game */
    int64_t sum[NIACT_MAX_ROLES];      /* scores */
    int64_t sq[NIACT_MAX_ROLES];       /* squares of scores */
    int min[NIACT_MAX_ROLES], max[NIACT_MAX_ROLES];
    int64_t best[NIACT_MAX_ROLES];     /* games in which the role scored highest (ties shared) */
    int64_t error_games;               /* games in which a scenario callback failed */
} stats;

/* What every worker shares. */
typedef struct sim_job {
    char dir[4096], lib[4096];         /* the scenario to load, once per thread */
    char variant[64];                  /* --variant, "" for none */
    uint64_t games, seed;
    niact_seat seats[NIACT_MAX_ROLES];
    atomic_uint_fast64_t next;         /* next game index to play */
    atomic_uint_fast64_t done;         /* games finished */
    atomic_int failed;                 /* a game failed: the others stop */
    pthread_mutex_t lock;              /* guards err and err_game */
    uint64_t err_game;                 /* lowest failing game index */
    char err[2048];                    /* its message */
} sim_job;

typedef struct sim_worker {
    sim_job *job;
    niact_host *host;                  /* this thread's Lua state (NULL: load one) */
    stats st;                          /* this thread's sums */
    niact_findings *found;             /* this thread's scenario errors, each once */
} sim_worker;

/* The seed of game i: SplitMix64 of the base seed and i, so games are independent. */
static uint64_t game_seed(uint64_t base, uint64_t i) {
    return niact_mix_seq(base, i);
}

static void stats_init(stats *st) {
    memset(st, 0, sizeof *st);
    st->len_min = INT64_MAX;
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        st->min[r] = 101;
        st->max[r] = -1;
    }
}

static void stats_add_game(stats *st, const niact_game *g) {
    const niact_scenario *sc = niact_game_scenario(g);
    int64_t len = niact_game_turn(g);
    st->games++;
    unsigned o = (unsigned)niact_game_outcome(g);
    st->outcomes[o < SIM_OUTCOMES ? o : 0]++;
    st->turns += len;
    st->len_min = len < st->len_min ? len : st->len_min;
    st->len_max = len > st->len_max ? len : st->len_max;
    int32_t top = -1, s[NIACT_MAX_ROLES];
    for (int r = 0; r < sc->n_roles; r++) {
        niact_game_score(g, r, r, &s[r]);
        st->sum[r] += s[r];
        st->sq[r] += (int64_t)s[r] * s[r];
        st->min[r] = s[r] < st->min[r] ? s[r] : st->min[r];
        st->max[r] = s[r] > st->max[r] ? s[r] : st->max[r];
        top = s[r] > top ? s[r] : top;
    }
    for (int r = 0; r < sc->n_roles; r++)
        st->best[r] += s[r] == top;
}

static void stats_merge(stats *into, const stats *from) {
    into->games += from->games;
    for (int o = 0; o < SIM_OUTCOMES; o++)
        into->outcomes[o] += from->outcomes[o];
    into->turns += from->turns;
    into->error_games += from->error_games;
    into->len_min = from->len_min < into->len_min ? from->len_min : into->len_min;
    into->len_max = from->len_max > into->len_max ? from->len_max : into->len_max;
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        into->sum[r] += from->sum[r];
        into->sq[r] += from->sq[r];
        into->min[r] = from->min[r] < into->min[r] ? from->min[r] : into->min[r];
        into->max[r] = from->max[r] > into->max[r] ? from->max[r] : into->max[r];
        into->best[r] += from->best[r];
    }
}

/* Keeps the error of the lowest-numbered failing game, so the message is the same for
 * any thread count. */
static void job_fail(sim_job *job, uint64_t game, const char *msg) {
    pthread_mutex_lock(&job->lock);
    if (!atomic_load(&job->failed) || game < job->err_game) {
        job->err_game = game;
        snprintf(job->err, sizeof job->err, "game %llu: %s", (unsigned long long)game, msg);
    }
    atomic_store(&job->failed, 1);
    pthread_mutex_unlock(&job->lock);
}

static int play_one(sim_worker *w, uint64_t i) {
    sim_job *job = w->job;
    niact_session *s = NULL;
    char msg[1024];
    if (niact_session_new(w->host, game_seed(job->seed, i), job->seats, &s, msg, sizeof msg) !=
        NIACT_OK) {
        job_fail(job, i, msg);
        return -1;
    }
    niact_session_set_quiet(s, 1);
    niact_findings_game(w->found, (int64_t)i);
    int64_t errors = niact_findings_error_total(w->found);
    niact_status st = niact_session_play_out(s);
    w->st.error_games += niact_findings_error_total(w->found) > errors;
    if (st != NIACT_OK) {
        job_fail(job, i, niact_session_error(s));
        niact_session_free(s);
        return -1;
    }
    stats_add_game(&w->st, niact_session_view(s));
    niact_session_free(s);
    return 0;
}

static void *worker_main(void *arg) {
    sim_worker *w = arg;
    sim_job *job = w->job;
    if (!w->host) {
        char msg[8192];
        /* The folder found once, loaded by the session's loader on this thread. */
        if (niact_session_load(job->dir, NULL, &w->host, NULL, 0, msg, sizeof msg) !=
            NIACT_OK) {
            job_fail(job, 0, msg);
            return NULL;
        }
        if (niact_host_set_variant(w->host, job->variant, msg, sizeof msg) != 0) {
            job_fail(job, 0, msg);
            return NULL;
        }
    }
    niact_findings_watch(w->found, w->host);
    for (;;) {
        uint64_t i = atomic_fetch_add(&job->next, 1);
        if (i >= job->games || atomic_load(&job->failed))
            break;
        if (play_one(w, i) != 0)
            break;
        atomic_fetch_add(&job->done, 1);
    }
    return NULL;
}

/* The progress bar on stderr (only when it is a terminal), redrawn until done. */
static void progress(sim_job *job, int threads) {
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        uint64_t done = atomic_load(&job->done);
        clock_gettime(CLOCK_MONOTONIC, &now);
        double secs = (double)(now.tv_sec - start.tv_sec) + (now.tv_nsec - start.tv_nsec) / 1e9;
        int width = 40, fill = (int)(width * done / job->games);
        char line[160]; /* numbers only: written past the sanitizer for its '\r' */
        int len = snprintf(line, sizeof line, "\r[%.*s%*s] %llu/%llu games  %.0f/s  %d thread%s ",
                           fill, "########################################", width - fill, "",
                           (unsigned long long)done, (unsigned long long)job->games,
                           secs > 0 ? done / secs : 0.0, threads, threads == 1 ? "" : "s");
        fflush(stderr);
        cli_write_raw(STDERR_FILENO, line, len > 0 && (size_t)len < sizeof line ? (size_t)len : 0);
        if (done >= job->games || atomic_load(&job->failed))
            break;
        nanosleep(&(struct timespec){0, 100000000}, NULL);
    }
    fprintf(stderr, "\n");
}

/* Runs the job on `threads` threads; thread 0 uses the host already loaded. The scenario
 * errors of every thread go into `found`. */
static int run_games(sim_job *job, niact_host *h, int threads, stats *total,
                     niact_findings *found) {
    sim_worker *w = calloc((size_t)threads, sizeof *w);
    pthread_t *tid = calloc((size_t)threads, sizeof *tid);
    int started = 0, bar = isatty(STDERR_FILENO);
    if (!w || !tid) {
        free(w);
        free(tid);
        fprintf(stderr, "niact sim: out of memory\n");
        return -1;
    }
    for (int t = 0; t < threads; t++) {
        w[t].job = job;
        w[t].host = t == 0 ? h : NULL;
        stats_init(&w[t].st);
        if (!(w[t].found = niact_findings_new()) ||
            pthread_create(&tid[t], NULL, worker_main, &w[t]) != 0) {
            niact_findings_free(w[t].found);
            break;
        }
        started++;
    }
    if (started == 0)
        job_fail(job, 0, "no thread could be started");
    if (bar && started > 0)
        progress(job, started);
    for (int t = 0; t < started; t++) {
        pthread_join(tid[t], NULL);
        stats_merge(total, &w[t].st);
        niact_findings_merge(found, w[t].found);
        niact_findings_free(w[t].found);
        if (t > 0)
            niact_host_free(w[t].host);
        else
            niact_findings_watch(NULL, h);
    }
    free(w);
    free(tid);
    if (atomic_load(&job->failed)) {
        fprintf(stderr, "niact sim: %s\n", job->err);
        return -1;
    }
    return 0;
}


static const char *seat_name(const niact_seat *s) {
    return s->personality[0] ? s->personality : "random";
}

static double sd_of(const stats *st, int r) {
    double n = st->games ? (double)st->games : 1, mean = st->sum[r] / n;
    double var = st->sq[r] / n - mean * mean;
    return sqrt(var > 0 ? var : 0);
}

/* Whether an outcome has a place in the statistics: every outcome the scenario may end
 * with, the engine's last turn and error, and any that happened. */
static int shown(const niact_scenario *sc, const stats *st, int o) {
    return niact_scenario_outcome_declared(sc, (niact_outcome)o) || o == NIACT_OUTCOME_LAST_TURN ||
           o == NIACT_OUTCOME_ERROR || o == (int)niact_scenario_timeout(sc) || st->outcomes[o];
}

static void print_table(const niact_scenario *sc, const stats *st, const sim_job *job) {
    double n = st->games ? (double)st->games : 1;
    printf("%lld games of %s%s%s (seed %llu)\n\n", (long long)st->games, sc->meta.name,
           job->variant[0] ? ", variant " : "", job->variant, (unsigned long long)job->seed);
    printf("  %-22s %-16s %6s %6s %5s %5s %9s\n", "role", "AI", "mean", "sd", "min", "max",
           "top score");
    for (int r = 0; r < sc->n_roles; r++)
        printf("  %-22s %-16s %6.1f %6.1f %5d %5d %8.1f%%\n", sc->roles[r].meta.name,
               seat_name(&job->seats[r]), st->sum[r] / n, sd_of(st, r), st->min[r], st->max[r],
               100.0 * st->best[r] / n);
    printf("\n  outcomes: ");
    for (int o = 1, k = 0; o < niact_scenario_outcome_count(sc) && o < SIM_OUTCOMES; o++)
        if (shown(sc, st, o))
            printf("%s%s %.1f%%", k++ ? ", " : "", niact_scenario_outcome(sc, (niact_outcome)o).id,
                   100.0 * st->outcomes[o] / n);
    printf("\n");
    printf("  war rate: %.1f%%\n", 100.0 * st->outcomes[NIACT_OUTCOME_WAR] / n);
    printf("  game length: mean %.2f turns, shortest %lld, longest %lld (of %d)\n",
           st->turns / n, (long long)(st->games ? st->len_min : 0), (long long)st->len_max,
           sc->turns);
}

/* The scenario's errors, each once with its count (their effects were voided and the
 * games went on: the outcome "error" counts only games that on_error = "end" ended). */
static void print_errors(const stats *st, const niact_findings *found, const char *dir,
                         const char *lib) {
    size_t n = niact_findings_errors(found);
    if (!n && !st->error_games)
        return; /* nothing to say: the table above is the whole result */
    printf("  scenario errors: in %lld of %lld games (%.1f%%)\n",
           (long long)st->error_games, (long long)st->games,
           st->games ? 100.0 * st->error_games / st->games : 0.0);
    for (size_t i = 0; i < niact_findings_count(found); i++) {
        const niact_finding *x = niact_findings_at(found, i);
        if (x->warning)
            continue;
        char text[2600];
        niact_finding_format(x, text, sizeof text);
        int in_lib = strncmp(x->e.file, "lib/", 4) == 0 && lib[0]; /* the shared library */
        if (x->e.file[0] && x->e.line > 0)
            printf("    %s/%s:%d: %s\n", in_lib ? lib : dir, x->e.file + (in_lib ? 4 : 0),
                   (int)x->e.line, text);
        else
            printf("    %s: %s\n", dir, text);
    }
    if (n)
        printf("  (niact check finds these with every seat's personality; the games went on "
               "with each failed callback's effect voided)\n");
}

static json_t *errors_json(const niact_findings *found) {
    json_t *a = json_array();
    for (size_t i = 0; i < niact_findings_count(found); i++) {
        const niact_finding *x = niact_findings_at(found, i);
        if (x->warning)
            continue;
        json_t *o = json_object();
        json_object_set_new(o, "file", json_string(x->e.file));
        json_object_set_new(o, "line", json_integer(x->e.line));
        json_object_set_new(o, "context", json_string(x->e.context));
        json_object_set_new(o, "reason", json_string(x->e.reason));
        json_object_set_new(o, "count", json_integer(x->count));
        json_object_set_new(o, "games", json_integer(x->games));
        json_array_append_new(a, o);
    }
    return a;
}

static json_t *roles_json(const niact_scenario *sc, const stats *st, const sim_job *job) {
    double n = st->games ? (double)st->games : 1;
    json_t *roles = json_object();
    for (int r = 0; r < sc->n_roles; r++) {
        json_t *o = json_object();
        json_object_set_new(o, "ai", json_string(seat_name(&job->seats[r])));
        json_object_set_new(o, "mean", json_real(st->sum[r] / n));
        json_object_set_new(o, "sd", json_real(sd_of(st, r)));
        json_object_set_new(o, "min", json_integer(st->min[r]));
        json_object_set_new(o, "max", json_integer(st->max[r]));
        json_object_set_new(o, "top_rate", json_real(st->best[r] / n));
        json_object_set_new(roles, sc->roles[r].meta.id, o);
    }
    return roles;
}

static void print_json(const niact_scenario *sc, const stats *st, const sim_job *job,
                       const char *ai, const niact_findings *found) {
    double n = st->games ? (double)st->games : 1;
    json_t *root = json_object();
    json_object_set_new(root, "scenario", json_string(sc->meta.id));
    if (job->variant[0])
        json_object_set_new(root, "variant", json_string(job->variant));
    json_object_set_new(root, "games", json_integer(st->games));
    json_object_set_new(root, "seed", json_integer((json_int_t)job->seed));
    json_object_set_new(root, "ai", json_string(ai));
    json_object_set_new(root, "roles", roles_json(sc, st, job));
    json_t *out = json_object();
    for (int o = 1; o < niact_scenario_outcome_count(sc) && o < SIM_OUTCOMES; o++)
        if (shown(sc, st, o))
            json_object_set_new(out, niact_scenario_outcome(sc, (niact_outcome)o).id,
                                json_real(st->outcomes[o] / n));
    json_object_set_new(root, "outcomes", out);
    json_object_set_new(root, "war_rate", json_real(st->outcomes[NIACT_OUTCOME_WAR] / n));
    json_object_set_new(root, "mean_turns", json_real(st->turns / n));
    json_object_set_new(root, "min_turns", json_integer(st->games ? st->len_min : 0));
    json_object_set_new(root, "max_turns", json_integer(st->len_max));
    json_object_set_new(root, "error_games", json_integer(st->error_games));
    json_object_set_new(root, "errors", errors_json(found));
    json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(root);
}

typedef struct sim_args {
    const char *scenario, *ai, *variant;
    const char *seat_args[32];
    int n_seats, json;
    uint64_t games, seed, threads;
} sim_args;

/* Parses one option at argv[*i]. Returns 0, or CLI_USAGE after saying why. */
static int parse_opt(sim_args *a, int argc, char **argv, int *i) {
    const char *o = argv[*i];
    const char *val = *i + 1 < argc ? argv[*i + 1] : NULL;
    uint64_t *num = NULL;
    if (!strcmp(o, "--json")) {
        a->json = 1;
        return 0;
    }
    if (!val) {
        fprintf(stderr, "niact sim: unexpected '%s' (see niact --help)\n", o);
        return CLI_USAGE;
    }
    (*i)++;
    if (!strcmp(o, "--scenario"))
        a->scenario = val;
    else if (!strcmp(o, "--variant"))
        a->variant = val;
    else if (!strcmp(o, "--ai"))
        a->ai = strncmp(val, "ai:", 3) == 0 ? val + 3 : val;
    else if (!strcmp(o, "--seat") && a->n_seats < 32)
        a->seat_args[a->n_seats++] = val;
    else if (!strcmp(o, "--games") || !strcmp(o, "--seed") || !strcmp(o, "--threads"))
        num = !strcmp(o, "--games") ? &a->games : !strcmp(o, "--seed") ? &a->seed : &a->threads;
    else {
        fprintf(stderr, "niact sim: unexpected '%s' (see niact --help)\n", o);
        return CLI_USAGE;
    }
    if (num && cli_parse_u64(val, num) != 0) {
        fprintf(stderr, "niact sim: %s takes a whole number, not '%s'\n", o, val);
        return CLI_USAGE;
    }
    return 0;
}

static int parse_args(sim_args *a, int argc, char **argv) {
    memset(a, 0, sizeof *a);
    a->scenario = NULL; /* none named: the first bundled scenario */
    a->ai = "random";
    a->seed = 1;
    for (int i = 1; i < argc; i++)
        if (parse_opt(a, argc, argv, &i) != 0)
            return CLI_USAGE;
    if (a->games == 0 || a->games > 100000000) {
        fprintf(stderr, "niact sim: --games N (1 to 100000000) is required\n");
        return CLI_USAGE;
    }
    if (a->threads > SIM_MAX_THREADS) {
        fprintf(stderr, "niact sim: --threads takes 1 to %d\n", SIM_MAX_THREADS);
        return CLI_USAGE;
    }
    if (!a->scenario && !(a->scenario = cli_default_scenario("sim")))
        return CLI_BAD_INPUT;
    return 0;
}

/* Every seat plays --ai, except those named by --seat ROLE=PERSONALITY (or ROLE=actor:
 * the role's scripted actor). */
static int set_seats(const sim_args *a, const niact_scenario *sc, niact_seat *seats) {
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", a->ai);
    }
    uint32_t given = 0; /* a role given twice is refused, not settled by the last one */
    for (int i = 0; i < a->n_seats; i++) {
        const char *eq = strchr(a->seat_args[i], '=');
        int r = -1;
        if (eq) {
            char role[64];
            snprintf(role, sizeof role, "%.*s", (int)(eq - a->seat_args[i]), a->seat_args[i]);
            r = niact_scenario_role(sc, role);
        }
        const char *p = eq ? eq + 1 : "";
        p = strncmp(p, "ai:", 3) == 0 ? p + 3 : p;
        if (r < 0 || !*p || strlen(p) >= sizeof seats[r].personality) {
            fprintf(stderr, "niact sim: --seat takes ROLE=PERSONALITY with a role of %s, not "
                            "'%s'\n", sc->meta.id, a->seat_args[i]);
            return -1;
        }
        if (given & (1u << r)) {
            fprintf(stderr, "niact sim: --seat %s given twice (one --seat for each role)\n",
                    sc->roles[r].meta.id);
            return -1;
        }
        given |= 1u << r;
        seats[r].actor = strcmp(p, "actor") == 0; /* the role's scripted actor */
        if (seats[r].actor && !sc->roles[r].actor) {
            fprintf(stderr, "niact sim: role '%s' has no scripted actor\n", sc->roles[r].meta.id);
            return -1;
        }
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s",
                 seats[r].actor ? sc->roles[r].actor : p);
    }
    return 0;
}

static int default_threads(uint64_t games) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    n = n < 1 ? 1 : n > SIM_MAX_THREADS ? SIM_MAX_THREADS : n;
    return (uint64_t)n > games ? (int)games : (int)n;
}

/* Checks the seats on one throwaway session so a bad personality is a clean error. */
static int check_seats(niact_host *h, const niact_seat *seats) {
    niact_session *s = NULL;
    char msg[1024];
    if (niact_session_new(h, 1, seats, &s, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact sim: %s\n", msg);
        return -1;
    }
    niact_session_free(s);
    return 0;
}

int cli_sim(int argc, char **argv) {
    sim_args a;
    if (parse_args(&a, argc, argv) != 0)
        return CLI_USAGE;
    sim_job *job = calloc(1, sizeof *job);
    if (!job)
        return CLI_BAD_INPUT;
    niact_host *h = NULL;
    int rc = CLI_BAD_INPUT;
    if (cli_find(a.scenario, job->dir, sizeof job->dir, job->lib, sizeof job->lib) != 0)
        goto done;
    if (!(h = cli_load_dir(a.scenario, job->dir, stderr)))
        goto done;
    if (cli_set_variant(h, a.variant, "sim") != 0) {
        rc = CLI_USAGE;
        goto done;
    }
    snprintf(job->variant, sizeof job->variant, "%s", a.variant ? a.variant : "");
    const niact_scenario *sc = niact_host_scenario(h);
    if (set_seats(&a, sc, job->seats) != 0) {
        rc = CLI_USAGE;
        goto done;
    }
    if (check_seats(h, job->seats) != 0)
        goto done;
    job->games = a.games;
    job->seed = a.seed;
    pthread_mutex_init(&job->lock, NULL);
    int threads = a.threads ? (int)(a.threads > a.games ? a.games : a.threads)
                            : default_threads(a.games);
    stats st;
    stats_init(&st);
    niact_findings *found = niact_findings_new();
    if (!found) {
        fprintf(stderr, "niact sim: out of memory\n");
    } else if (run_games(job, h, threads, &st, found) == 0) {
        niact_findings_sort(found);
        if (a.json) {
            print_json(sc, &st, job, a.ai, found);
        } else {
            print_table(sc, &st, job);
            print_errors(&st, found, job->dir, job->lib);
        }
        rc = CLI_OK;
    }
    niact_findings_free(found);
    pthread_mutex_destroy(&job->lock);
done:
    niact_host_free(h);
    free(job);
    return rc;
}
