/* niact_tournament: the balance tournament of docs/balance.md (issue 17). Not a test.
 *
 * Every seat is played, against every opponent set (every other seat plays one AI), by
 * every AI personality (the scenario's scripted ones, random, the search levels asked
 * for) and by the trivial baselines:
 *   done       no orders at all, every turn ("done" twelve times);
 *   spam       no orders, but every turn a proposal to each other seat for every term
 *              it can give, alone and against each term the spammer can give;
 *   list:...   a constant order list: the same actions (with their parameters) ordered
 *              every turn, those the rules refuse that turn left out.
 * The screen plays every constant list of up to the seat's action points (distinct
 * actions, each parameter value) against the scripted opponent sets with few seeds;
 * the best lists of each seat are then re-run with the full number of games, beside the
 * personalities, so a list that looked good by luck is measured again.
 *
 * Game i of every cell has the same seed (SplitMix64 of --seed and i, as `niact sim`), so
 * differences between cells are paired. Each game also plays the all-historical game of
 * its seed once (cached), so every cell reports its mean difference to it.
 *
 * Output: Markdown tables (mean, standard error, n, war rate) on stdout; --json FILE
 * writes every cell. Usage: niact_tournament --help. */
#include "niact/game.h"
#include "niact/hash.h"
#include "niact/session.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_ITEMS 3
#define MAX_VARIANTS 128
#define MAX_CELLS 200000
#define MAX_THREADS 64

typedef enum seat_kind { SK_AI = 0, SK_DONE, SK_LIST, SK_SPAM } seat_kind;

typedef struct variant {
    int16_t action;
    int32_t param;
} variant;

typedef struct seat_spec {
    seat_kind kind;
    char ai[32];              /* SK_AI: personality or level */
    int n;                    /* SK_LIST: items */
    variant items[MAX_ITEMS];
} seat_spec;

typedef struct cell {
    int role;                 /* the seat under test */
    seat_spec test;
    char opp[32];             /* every other seat plays this AI ("" = same as test: equal) */
    int equal;                /* every seat plays test.ai */
    int games;
    /* results */
    int64_t sum[NIACT_MAX_ROLES], sq[NIACT_MAX_ROLES];
    int64_t dsum, dsq;        /* role's score minus the all-historical game's, same seed */
    int64_t wars, settled, turns;
    int32_t *per;             /* [games] the tested role's score of game i (for pairing) */
    atomic_int next, done;
} cell;

static struct {
    char scenario[4096];
    uint64_t seed;
    int threads;
    int n_cells;
    cell *cells;
    atomic_int cursor;        /* next cell to take games from */
    pthread_mutex_t lock;
    int hist_ok;              /* the scenario has a "historical" personality */
    int32_t *hist;            /* [games][roles] all-historical scores by game index */
    atomic_int *hist_done;    /* 0 none, 1 computing/done flag via lock */
    int hist_games;
    int n_roles;
    atomic_int failed;
    atomic_int played;        /* games played so far, for the progress lines */
    char err[1024];
} T;

static uint64_t game_seed(uint64_t i) { return niact_mix_seq(T.seed, i); }

static int play_game(niact_host *host, const cell *c, uint64_t i, int32_t *scores, int *war,
                     int *settled, int *turns);

/* The all-historical game of seed i (computed once, by whichever thread needs it first). */
static int hist_scores(niact_host *host, int i, int32_t *out) {
    if (!T.hist_ok || i >= T.hist_games)
        return -1;
    pthread_mutex_lock(&T.lock);
    int st = atomic_load(&T.hist_done[i]);
    pthread_mutex_unlock(&T.lock);
    if (st != 2) {
        cell h;
        memset(&h, 0, sizeof h);
        h.test.kind = SK_AI;
        snprintf(h.test.ai, sizeof h.test.ai, "historical");
        h.equal = 1;
        int32_t s[NIACT_MAX_ROLES];
        int w, se, tu;
        if (play_game(host, &h, (uint64_t)i, s, &w, &se, &tu) != 0)
            return -1;
        pthread_mutex_lock(&T.lock);
        memcpy(&T.hist[i * NIACT_MAX_ROLES], s, sizeof s);
        atomic_store(&T.hist_done[i], 2);
        pthread_mutex_unlock(&T.lock);
    }
    memcpy(out, &T.hist[i * NIACT_MAX_ROLES], NIACT_MAX_ROLES * sizeof *out);
    return 0;
}

/* The spammer's proposals of one turn: to each other seat, every term it can give alone,
 * and against each term the spammer can give. Refusals are ignored (that is the point). */
static void spam(niact_session *s, int role) {
    const niact_scenario *sc = niact_session_scenario(s);
    for (int p = 0; p < sc->n_roles; p++) {
        if (p == role)
            continue;
        for (int t = 0; t < sc->n_terms; t++) {
            if (!(sc->terms[t].givers & (1u << p)))
                continue;
            niact_term_item ask = {.term = (int16_t)t, .giver = (int16_t)p,
                                   .param = sc->terms[t].has_param ? sc->terms[t].param_default : 0};
            int32_t id;
            niact_session_propose(s, role, 1u << p, 0, &ask, 1, 0, &id);
            for (int u = 0; u < sc->n_terms; u++) {
                if (!(sc->terms[u].givers & (1u << role)) || u == t)
                    continue;
                niact_term_item two[2] = {ask,
                    {.term = (int16_t)u, .giver = (int16_t)role,
                     .param = sc->terms[u].has_param ? sc->terms[u].param_default : 0}};
                niact_session_propose(s, role, 1u << p, 0, two, 2, 0, &id);
            }
        }
    }
}

static int play_game(niact_host *host, const cell *c, uint64_t i, int32_t *scores, int *war,
                     int *settled, int *turns) {
    const niact_scenario *sc = niact_host_scenario(host);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        const char *ai = c->equal || r == c->role ? c->test.ai : c->opp;
        int human = !c->equal && r == c->role && c->test.kind != SK_AI;
        seats[r].kind = human ? NIACT_SEAT_HUMAN : NIACT_SEAT_AI;
        if (!human)
            snprintf(seats[r].personality, sizeof seats[r].personality, "%s", ai);
    }
    niact_session *s = NULL;
    char msg[1024];
    if (niact_session_new(host, game_seed(i), seats, &s, msg, sizeof msg) != NIACT_OK) {
        snprintf(T.err, sizeof T.err, "%s", msg);
        return -1;
    }
    niact_session_set_quiet(s, 1);
    const niact_game *g = niact_session_view(s);
    int rc = 0;
    while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
        if (seats[c->role].kind == NIACT_SEAT_HUMAN) {
            niact_order os[NIACT_MAX_ORDERS];
            int n = 0;
            if (c->test.kind == SK_SPAM)
                spam(s, c->role);
            if (c->test.kind == SK_LIST) {
                for (int k = 0; k < c->test.n; k++) {
                    os[n] = (niact_order){.role = (int16_t)c->role,
                                          .action = c->test.items[k].action,
                                          .param = c->test.items[k].param};
                    if (niact_session_check(s, c->role, os, n + 1) == NIACT_OK)
                        n++;
                }
            }
            if (niact_session_submit(s, c->role, os, n) != NIACT_OK)
                niact_session_submit(s, c->role, NULL, 0);
        }
        if (niact_session_resolve(s) != NIACT_OK) {
            snprintf(T.err, sizeof T.err, "game %llu: %s", (unsigned long long)i,
                     niact_session_error(s));
            rc = -1;
            break;
        }
    }
    if (rc == 0) {
        for (int r = 0; r < sc->n_roles; r++)
            niact_game_score(g, r, r, &scores[r]);
        const char *oid = sc->outcomes[niact_game_outcome(g)].id;
        *war = strcmp(oid, "war") == 0;
        *settled = strcmp(oid, "settlement") == 0;
        *turns = niact_game_turn(g);
    }
    niact_session_free(s);
    return rc;
}

static void *worker(void *arg) {
    (void)arg;
    niact_host *host = NULL;
    char msg[4096];
    if (niact_session_load(T.scenario, NULL, &host, NULL, 0, msg, sizeof msg) != NIACT_OK) {
        pthread_mutex_lock(&T.lock);
        snprintf(T.err, sizeof T.err, "%s", msg);
        pthread_mutex_unlock(&T.lock);
        atomic_store(&T.failed, 1);
        return NULL;
    }
    for (;;) {
        if (atomic_load(&T.failed))
            break;
        int ci = atomic_load(&T.cursor);
        if (ci >= T.n_cells)
            break;
        cell *c = &T.cells[ci];
        int i = atomic_fetch_add(&c->next, 1);
        if (i >= c->games) {
            int expect = ci;
            atomic_compare_exchange_strong(&T.cursor, &expect, ci + 1);
            continue;
        }
        int32_t sc[NIACT_MAX_ROLES] = {0}, h[NIACT_MAX_ROLES] = {0};
        int war = 0, settled = 0, turns = 0;
        if (play_game(host, c, (uint64_t)i, sc, &war, &settled, &turns) != 0) {
            atomic_store(&T.failed, 1);
            break;
        }
        int have_h = hist_scores(host, i, h) == 0;
        pthread_mutex_lock(&T.lock);
        c->per[i] = sc[c->role];
        for (int r = 0; r < T.n_roles; r++) {
            c->sum[r] += sc[r];
            c->sq[r] += (int64_t)sc[r] * sc[r];
        }
        if (have_h) {
            int64_t d = sc[c->role] - h[c->role];
            c->dsum += d;
            c->dsq += d * d;
        }
        c->wars += war;
        c->settled += settled;
        c->turns += turns;
        pthread_mutex_unlock(&T.lock);
        atomic_fetch_add(&c->done, 1);
        int all = atomic_fetch_add(&T.played, 1) + 1;
        if (all % 500 == 0) {
            fprintf(stderr, "  %d games played (cell %d of %d)\n", all, ci + 1, T.n_cells);
            fflush(stderr);
        }
    }
    niact_host_free(host);
    return NULL;
}

static void run_cells(void) {
    atomic_store(&T.cursor, 0);
    pthread_t th[MAX_THREADS];
    for (int k = 0; k < T.threads; k++)
        pthread_create(&th[k], NULL, worker, NULL);
    for (int k = 0; k < T.threads; k++)
        pthread_join(th[k], NULL);
    if (atomic_load(&T.failed)) {
        fprintf(stderr, "niact_tournament: %s\n", T.err);
        exit(1);
    }
}

static double mean(const cell *c, int r) { return (double)c->sum[r] / c->games; }
static double se(const cell *c, int r) {
    double m = mean(c, r), v = (double)c->sq[r] / c->games - m * m;
    return c->games > 1 ? sqrt(v > 0 ? v * c->games / (c->games - 1) : 0) / sqrt(c->games) : 0;
}
static double dmean(const cell *c) { return (double)c->dsum / c->games; }
static double dse(const cell *c) {
    double m = dmean(c), v = (double)c->dsq / c->games - m * m;
    return c->games > 1 ? sqrt(v > 0 ? v * c->games / (c->games - 1) : 0) / sqrt(c->games) : 0;
}

/* The paired difference a - b over the games both cells played (game i of each has the
 * same seed), with its standard error: the honest test of "a beats b", since the two
 * cells share their seeds' dice. Returns the number of pairs. */
static int paired(const cell *a, const cell *b, double *m, double *e, double *bm) {
    int n = a->games < b->games ? a->games : b->games;
    double s = 0, q = 0, sb = 0;
    for (int i = 0; i < n; i++) {
        double d = (double)a->per[i] - b->per[i];
        sb += b->per[i];
        s += d;
        q += d * d;
    }
    *m = n ? s / n : 0;
    *bm = n ? sb / n : 0;
    double v = n > 1 ? (q - n * *m * *m) / (n - 1) : 0;
    *e = n > 1 && v > 0 ? sqrt(v / n) : 0;
    return n;
}

static void spec_name(const niact_scenario *sc, const seat_spec *sp, char *buf, size_t len) {
    if (sp->kind == SK_AI) {
        snprintf(buf, len, "%s", sp->ai);
    } else if (sp->kind == SK_DONE) {
        snprintf(buf, len, "done");
    } else if (sp->kind == SK_SPAM) {
        snprintf(buf, len, "spam");
    } else {
        size_t o = 0;
        o += (size_t)snprintf(buf + o, len - o, "list:");
        for (int k = 0; k < sp->n && o < len; k++) {
            const niact_action_def *a = &sc->actions[sp->items[k].action];
            if (a->has_param)
                o += (size_t)snprintf(buf + o, len - o, "%s%s=%d", k ? "+" : "", a->meta.id,
                                      sp->items[k].param);
            else
                o += (size_t)snprintf(buf + o, len - o, "%s%s", k ? "+" : "", a->meta.id);
        }
    }
}

/* Every (action, parameter) a role may order: parameters over their whole range, or five
 * values spread over it when the range is wider. */
static int variants(const niact_scenario *sc, int role, variant *out) {
    int n = 0;
    for (int a = 0; a < sc->n_actions; a++) {
        const niact_action_def *d = &sc->actions[a];
        if (!(d->roles & (1u << role)) || d->cost > sc->roles[role].action_points)
            continue;
        if (!d->has_param) {
            if (n < MAX_VARIANTS)
                out[n++] = (variant){(int16_t)a, 0};
            continue;
        }
        int32_t lo = d->param_min, hi = d->param_max;
        int64_t span = (int64_t)hi - lo;
        int k = span < 5 ? (int)span + 1 : 5;
        for (int j = 0; j < k && n < MAX_VARIANTS; j++) {
            int32_t p = span < 5 ? lo + j : (int32_t)(lo + span * j / (k - 1));
            out[n++] = (variant){(int16_t)a, p};
        }
    }
    return n;
}

static cell *add_cell(int role, const seat_spec *sp, const char *opp, int equal, int games) {
    if (T.n_cells >= MAX_CELLS) {
        fprintf(stderr, "niact_tournament: too many cells\n");
        exit(1);
    }
    cell *c = &T.cells[T.n_cells++];
    memset(c, 0, sizeof *c);
    c->role = role;
    c->test = *sp;
    snprintf(c->opp, sizeof c->opp, "%s", opp ? opp : "");
    c->equal = equal;
    c->games = games;
    c->per = calloc((size_t)(games > 0 ? games : 1), sizeof *c->per);
    if (!c->per) {
        fprintf(stderr, "niact_tournament: out of memory\n");
        exit(1);
    }
    return c;
}

static int split(char *s, char **out, int max) {
    int n = 0;
    for (char *tok = strtok(s, ","); tok && n < max; tok = strtok(NULL, ","))
        out[n++] = tok;
    return n;
}

static void usage(void) {
    puts("usage: niact_tournament SCENARIO [options]\n"
         "  --seed S             base seed (default 1)\n"
         "  --threads T          worker threads (default: online cores)\n"
         "  --games N            games per cell of the main tables (default 200)\n"
         "  --search-games N     games per cell with a search AI in it (default 40)\n"
         "  --screen-games N     games per list in the screen (default 12; 0: no screen)\n"
         "  --top K              best lists per seat re-run in the main table (default 3)\n"
         "  --search LEVELS      search levels played, comma-separated (default mcts-easy)\n"
         "  --opponents LIST     opponent sets (default: the scripted personalities, random,\n"
         "                       and the first search level)\n"
         "  --screen-opponents L opponent sets of the screen (default: the scripted ones)\n"
         "  --list ROLE:A+B=P+C  a constant list played in the main table too (repeatable;\n"
         "                       the screen's own format, e.g. us:recon_high+quarantine=0)\n"
         "  --roles LIST         seats under test (default: all)\n"
         "  --no-equal           skip the equal-AI table");
}

int main(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        usage();
        return argc < 2 ? 2 : 0;
    }
    snprintf(T.scenario, sizeof T.scenario, "%s", argv[1]);
    T.seed = 1;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    T.threads = cores > 0 ? (int)(cores < MAX_THREADS ? cores : MAX_THREADS) : 1;
    int games = 200, search_games = 40, screen_games = 12, top = 3, equal = 1, n_given = 0;
    const char *given[64];
    char search_buf[256] = "mcts-easy", opp_buf[512] = "", roles_buf[256] = "",
         sopp_buf[512] = "";
    for (int k = 2; k < argc; k++) {
        const char *a = argv[k], *v = k + 1 < argc ? argv[k + 1] : NULL;
        if (!strcmp(a, "--no-equal")) {
            equal = 0;
            continue;
        }
        if (!v) {
            fprintf(stderr, "niact_tournament: %s needs a value\n", a);
            return 2;
        }
        k++;
        if (!strcmp(a, "--seed")) T.seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--threads")) T.threads = atoi(v);
        else if (!strcmp(a, "--games")) games = atoi(v);
        else if (!strcmp(a, "--search-games")) search_games = atoi(v);
        else if (!strcmp(a, "--screen-games")) screen_games = atoi(v);
        else if (!strcmp(a, "--top")) top = atoi(v);
        else if (!strcmp(a, "--search")) snprintf(search_buf, sizeof search_buf, "%s", v);
        else if (!strcmp(a, "--opponents")) snprintf(opp_buf, sizeof opp_buf, "%s", v);
        else if (!strcmp(a, "--list")) {
            if (n_given >= 64) {
                fprintf(stderr, "niact_tournament: too many --list\n");
                return 2;
            }
            given[n_given++] = v;
        } else if (!strcmp(a, "--screen-opponents"))
            snprintf(sopp_buf, sizeof sopp_buf, "%s", v);
        else if (!strcmp(a, "--roles")) snprintf(roles_buf, sizeof roles_buf, "%s", v);
        else {
            fprintf(stderr, "niact_tournament: unknown option %s\n", a);
            return 2;
        }
    }
    if (T.threads < 1 || T.threads > MAX_THREADS || games < 2 || search_games < 2 ||
        screen_games < 0 || top < 0) {
        fprintf(stderr, "niact_tournament: bad option value\n");
        return 2;
    }
    niact_host *host = NULL;
    char msg[4096];
    if (niact_session_load(T.scenario, NULL, &host, NULL, 0, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact_tournament: %s\n", msg);
        return 1;
    }
    const niact_scenario *sc = niact_host_scenario(host);
    T.n_roles = sc->n_roles;
    pthread_mutex_init(&T.lock, NULL);
    T.cells = calloc(MAX_CELLS, sizeof *T.cells);
    for (int p = 0; p < sc->n_personalities; p++)
        T.hist_ok |= !strcmp(sc->personalities[p], "historical");
    T.hist_games = games > screen_games ? games : screen_games;
    if (search_games > T.hist_games)
        T.hist_games = search_games;
    T.hist = calloc((size_t)T.hist_games * NIACT_MAX_ROLES, sizeof *T.hist);
    T.hist_done = calloc((size_t)T.hist_games, sizeof *T.hist_done);

    char *search[8], *opps[32], *roles_s[NIACT_MAX_ROLES];
    int n_search = split(search_buf, search, 8);
    int n_opps = 0;
    if (opp_buf[0]) {
        n_opps = split(opp_buf, opps, 32);
    } else {
        for (int p = 0; p < sc->n_personalities && n_opps < 30; p++)
            opps[n_opps++] = sc->personalities[p];
        opps[n_opps++] = "random";
        if (n_search)
            opps[n_opps++] = search[0];
    }
    /* The screen's opponents: the scripted personalities (their games vary little, so
     * few seeds tell the lists apart), unless --screen-opponents says otherwise. */
    char *sopps[32];
    int n_sopps = 0;
    if (sopp_buf[0]) {
        n_sopps = split(sopp_buf, sopps, 32);
    } else {
        for (int p = 0; p < sc->n_personalities && n_sopps < 32; p++)
            sopps[n_sopps++] = sc->personalities[p];
    }
    int roles[NIACT_MAX_ROLES], n_roles = 0;
    if (roles_buf[0]) {
        int n = split(roles_buf, roles_s, NIACT_MAX_ROLES);
        for (int k = 0; k < n; k++)
            for (int r = 0; r < sc->n_roles; r++)
                if (!strcmp(sc->roles[r].meta.id, roles_s[k]))
                    roles[n_roles++] = r;
    } else {
        for (int r = 0; r < sc->n_roles; r++)
            roles[n_roles++] = r;
    }
    printf("# Tournament: %s, base seed %llu\n\n", sc->meta.name, (unsigned long long)T.seed);

    /* 1. The screen: every constant list against the scripted opponent sets. */
    seat_spec best[NIACT_MAX_ROLES][16];
    int n_best[NIACT_MAX_ROLES] = {0};
    if (screen_games > 0 && top > 0) {
        for (int ri = 0; ri < n_roles; ri++) {
            int r = roles[ri];
            variant v[MAX_VARIANTS];
            int nv = variants(sc, r, v), ap = sc->roles[r].action_points;
            int first = T.n_cells;
            /* every list of 1-3 distinct actions: index nv stands for "none" */
            for (int a = 0; a < nv; a++)
                for (int b = a + 1; b <= nv; b++)
                    for (int c = b == nv ? nv : b + 1; c <= nv; c++) {
                        int pick[3] = {a, b, c}, n = 1 + (b < nv) + (c < nv);
                        seat_spec sp = {.kind = SK_LIST, .n = n};
                        int cost = 0, dup = 0;
                        for (int k = 0; k < n; k++) {
                            sp.items[k] = v[pick[k]];
                            cost += sc->actions[v[pick[k]].action].cost;
                            for (int j = 0; j < k; j++)
                                dup |= sp.items[j].action == sp.items[k].action;
                        }
                        if (dup || cost > ap)
                            continue;
                        for (int o = 0; o < n_sopps; o++)
                            add_cell(r, &sp, sopps[o], 0, screen_games);
                    }
            int last = T.n_cells;
            fprintf(stderr, "screen %s: %d cells of %d games\n", sc->roles[r].meta.id,
                    last - first, screen_games);
            run_cells();
            /* the best lists: by their worst margin over the historical personality's
             * score against the same opponents would need the personalities first; rank
             * by the mean over opponent sets, then by each opponent set's best */
            typedef struct { double m; int cell; } rank;
            int n_lists = 0;
            rank *rk = calloc((size_t)(last - first), sizeof *rk);
            int n_scripted = n_sopps;
            for (int ci = first; ci < last; ci += n_scripted) {
                double m = 0;
                for (int o = 0; o < n_scripted; o++)
                    m += mean(&T.cells[ci + o], r);
                rk[n_lists++] = (rank){m / n_scripted, ci};
            }
            /* K best by mean over opponents, plus the best against each opponent set */
            for (int pass = 0; pass <= n_scripted; pass++) {
                int want = pass == 0 ? top : 1;
                for (int w = 0; w < want && n_best[r] < 16; w++) {
                    int bi = -1;
                    double bm = -1;
                    for (int l = 0; l < n_lists; l++) {
                        double m = pass == 0 ? rk[l].m : mean(&T.cells[rk[l].cell + pass - 1], r);
                        int taken = 0;
                        for (int q = 0; q < n_best[r]; q++)
                            taken |= !memcmp(&best[r][q], &T.cells[rk[l].cell].test,
                                             sizeof best[r][q]);
                        if (!taken && m > bm) {
                            bm = m;
                            bi = l;
                        }
                    }
                    if (bi >= 0)
                        best[r][n_best[r]++] = T.cells[rk[bi].cell].test;
                }
            }
            printf("## Screen: %s, %d constant lists x %d opponent sets, %d games each\n\n",
                   sc->roles[r].meta.id, n_lists, n_scripted, screen_games);
            printf("| list | mean over opponents |");
            for (int o = 0; o < n_scripted; o++)
                printf(" vs %s |", sopps[o]);
            printf("\n|---|---|");
            for (int o = 0; o < n_scripted; o++)
                printf("---|");
            printf("\n");
            /* the ten best by mean */
            for (int w = 0; w < 10 && w < n_lists; w++) {
                int bi = w;
                for (int l = w + 1; l < n_lists; l++)
                    if (rk[l].m > rk[bi].m)
                        bi = l;
                rank t = rk[w];
                rk[w] = rk[bi];
                rk[bi] = t;
                char name[512];
                spec_name(sc, &T.cells[rk[w].cell].test, name, sizeof name);
                printf("| %s | %.1f |", name, rk[w].m);
                for (int o = 0; o < n_scripted; o++)
                    printf(" %.1f |", mean(&T.cells[rk[w].cell + o], r));
                printf("\n");
            }
            printf("\n");
            fflush(stdout);
            free(rk);
            for (int ci = first; ci < T.n_cells; ci++)
                free(T.cells[ci].per);
            T.n_cells = first; /* the screen's cells are done with */
        }
    }

    /* Lists given on the command line join the screen's best. */
    for (int k = 0; k < n_given; k++) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s", given[k]);
        char *colon = strchr(buf, ':');
        int r = -1;
        if (colon) {
            *colon = 0;
            for (int q = 0; q < sc->n_roles; q++)
                if (!strcmp(sc->roles[q].meta.id, buf))
                    r = q;
        }
        if (r < 0 || n_best[r] >= 16) {
            fprintf(stderr, "niact_tournament: --list %s: ROLE:ACTION[=P]+... (role unknown or "
                            "too many lists)\n", given[k]);
            return 2;
        }
        seat_spec sp = {.kind = SK_LIST};
        char *save = NULL;
        for (char *it = strtok_r(colon + 1, "+", &save); it; it = strtok_r(NULL, "+", &save)) {
            char *eq = strchr(it, '=');
            int32_t prm = 0;
            if (eq) {
                *eq = 0;
                prm = (int32_t)strtol(eq + 1, NULL, 10);
            }
            int a = niact_scenario_action(sc, it);
            if (a < 0 || sp.n >= MAX_ITEMS) {
                fprintf(stderr, "niact_tournament: --list %s: no action '%s' (or more than %d)\n",
                        given[k], it, MAX_ITEMS);
                return 2;
            }
            sp.items[sp.n++] = (variant){(int16_t)a, prm};
        }
        best[r][n_best[r]++] = sp;
    }

    /* 2. The main table: every seat, every opponent set, every player. */
    int main_first = T.n_cells;
    for (int ri = 0; ri < n_roles; ri++) {
        int r = roles[ri];
        for (int o = 0; o < n_opps; o++) {
            int opp_search = strncmp(opps[o], "mcts", 4) == 0;
            seat_spec sp;
            for (int p = 0; p < sc->n_personalities; p++) {
                if (!(sc->personality_roles[p] & (1u << r)))
                    continue;
                sp = (seat_spec){.kind = SK_AI};
                snprintf(sp.ai, sizeof sp.ai, "%s", sc->personalities[p]);
                add_cell(r, &sp, opps[o], 0, opp_search ? search_games : games);
            }
            sp = (seat_spec){.kind = SK_AI};
            snprintf(sp.ai, sizeof sp.ai, "random");
            add_cell(r, &sp, opps[o], 0, opp_search ? search_games : games);
            for (int l = 0; l < n_search; l++) {
                sp = (seat_spec){.kind = SK_AI};
                snprintf(sp.ai, sizeof sp.ai, "%s", search[l]);
                add_cell(r, &sp, opps[o], 0, search_games);
            }
            sp = (seat_spec){.kind = SK_DONE};
            add_cell(r, &sp, opps[o], 0, opp_search ? search_games : games);
            sp = (seat_spec){.kind = SK_SPAM};
            add_cell(r, &sp, opps[o], 0, opp_search ? search_games : games);
            for (int b = 0; b < n_best[r]; b++)
                add_cell(r, &best[r][b], opps[o], 0, opp_search ? search_games : games);
        }
    }
    int main_last = T.n_cells;
    /* 3. Equal AIs: every seat the same AI. */
    int eq_first = T.n_cells;
    if (equal) {
        for (int p = 0; p < sc->n_personalities; p++) {
            seat_spec sp = {.kind = SK_AI};
            snprintf(sp.ai, sizeof sp.ai, "%s", sc->personalities[p]);
            add_cell(0, &sp, NULL, 1, games);
        }
        seat_spec sp = {.kind = SK_AI};
        snprintf(sp.ai, sizeof sp.ai, "random");
        add_cell(0, &sp, NULL, 1, games);
        for (int l = 0; l < n_search; l++) {
            sp = (seat_spec){.kind = SK_AI};
            snprintf(sp.ai, sizeof sp.ai, "%s", search[l]);
            add_cell(0, &sp, NULL, 1, search_games);
        }
    }
    int eq_last = T.n_cells;
    fprintf(stderr, "main: %d cells\n", T.n_cells - main_first);
    run_cells();

    printf("## Every seat against every opponent set\n\n"
           "Mean score ± standard error (n games); \"vs hist.\": the mean difference to the "
           "all-historical game of the same seed ± its standard error; war: share of games.\n\n");
    for (int ri = 0; ri < n_roles; ri++) {
        int r = roles[ri];
        for (int o = 0; o < n_opps; o++) {
            printf("### %s, every other seat %s\n\n| player | score | n | vs hist. | war | "
                   "settled |\n|---|---|---|---|---|---|\n", sc->roles[r].meta.id, opps[o]);
            for (int ci = main_first; ci < main_last; ci++) {
                cell *c = &T.cells[ci];
                if (c->role != r || strcmp(c->opp, opps[o]))
                    continue;
                char name[512];
                spec_name(sc, &c->test, name, sizeof name);
                printf("| %s | %.1f ± %.1f | %d | %+.1f ± %.1f | %.0f%% | %.0f%% |\n", name,
                       mean(c, r), se(c, r), c->games, dmean(c), dse(c),
                       100.0 * c->wars / c->games, 100.0 * c->settled / c->games);
            }
            printf("\n");
        }
    }
    if (equal) {
        printf("## Equal AIs: every seat the same AI\n\n| AI | n |");
        for (int r = 0; r < sc->n_roles; r++)
            printf(" %s |", sc->roles[r].meta.id);
        printf(" spread | war | settled |\n|---|---|");
        for (int r = 0; r < sc->n_roles; r++)
            printf("---|");
        printf("---|---|---|\n");
        for (int ci = eq_first; ci < eq_last; ci++) {
            cell *c = &T.cells[ci];
            double lo = 1e9, hi = -1e9;
            printf("| %s | %d |", c->test.ai, c->games);
            for (int r = 0; r < sc->n_roles; r++) {
                printf(" %.1f ± %.1f |", mean(c, r), se(c, r));
                lo = mean(c, r) < lo ? mean(c, r) : lo;
                hi = mean(c, r) > hi ? mean(c, r) : hi;
            }
            printf(" %.1f | %.0f%% | %.0f%% |\n", hi - lo, 100.0 * c->wars / c->games,
                   100.0 * c->settled / c->games);
        }
        printf("\n");
    }
    /* The search AI against every scripted personality of the seat, paired by seed. */
    printf("## The search AI against every scripted personality (paired by seed)\n\n"
           "Each search level beside the scripted personality it comes closest to (its mean "
           "over the same seeds as the search's games): the mean of the per-seed differences (search minus personality) over the games both "
           "played, ± the standard error of that mean. \"beats all\": above every scripted "
           "personality by more than two of those errors.\n\n"
           "| seat | opponents | search | score | closest rival | difference (paired) | n | "
           "beats all? |\n|---|---|---|---|---|---|---|---|\n");
    int beats_all = 0, search_rows = 0;
    for (int ri = 0; ri < n_roles; ri++) {
        int r = roles[ri];
        for (int o = 0; o < n_opps; o++) {
            for (int si = main_first; si < main_last; si++) {
                cell *sc_ = &T.cells[si];
                if (sc_->role != r || strcmp(sc_->opp, opps[o]) || sc_->test.kind != SK_AI ||
                    strncmp(sc_->test.ai, "mcts", 4))
                    continue;
                cell *worst = NULL;
                double wm = 0, we = 0, wz = 1e18, wb = 0;
                int wn = 0, all = 1;
                for (int pi = main_first; pi < main_last; pi++) {
                    cell *pc = &T.cells[pi];
                    if (pc->role != r || strcmp(pc->opp, opps[o]) || pc->test.kind != SK_AI ||
                        !strncmp(pc->test.ai, "mcts", 4) || !strcmp(pc->test.ai, "random"))
                        continue;
                    double m, e, bm;
                    int n = paired(sc_, pc, &m, &e, &bm);
                    /* the rival closest to beating the search: the smallest margin in
                     * errors (a zero error with a positive margin is a clear win) */
                    double z = e > 0 ? m / e : (m > 0 ? 1e9 : m < 0 ? -1e9 : 0);
                    if (!(m > 2 * e && m > 0))
                        all = 0;
                    if (!worst || z < wz) {
                        worst = pc;
                        wz = z;
                        wm = m;
                        we = e;
                        wb = bm;
                        wn = n;
                    }
                }
                if (!worst)
                    continue;
                search_rows++;
                beats_all += all;
                printf("| %s | %s | %s | %.1f ± %.1f | %s %.1f | %+.1f ± %.1f | %d | %s |\n",
                       sc->roles[r].meta.id, opps[o], sc_->test.ai, mean(sc_, r), se(sc_, r),
                       worst->test.ai, wb, wm, we, wn, all ? "**yes**" : "no");
            }
        }
    }
    printf("\nThe search beats every scripted personality by more than two paired errors in "
           "%d of %d (seat, opponent set, level) cells.\n\n",
           beats_all, search_rows);
    /* The verdict: every trivial baseline beside the seat's historical personality and
     * the best search level, against each opponent set. */
    printf("## Verdict: the best trivial play against the yardsticks\n\n"
           "| seat | opponents | best trivial | score | historical | search (best level) | "
           "trivial wins? |\n|---|---|---|---|---|---|---|\n");
    int wins = 0, wins_h = 0, wins_s = 0, ties = 0;
    for (int ri = 0; ri < n_roles; ri++) {
        int r = roles[ri];
        for (int o = 0; o < n_opps; o++) {
            cell *bt = NULL, *hi = NULL, *srch = NULL;
            for (int ci = main_first; ci < main_last; ci++) {
                cell *c = &T.cells[ci];
                if (c->role != r || strcmp(c->opp, opps[o]))
                    continue;
                if (c->test.kind != SK_AI) {
                    if (!bt || mean(c, r) > mean(bt, r))
                        bt = c;
                } else if (!strcmp(c->test.ai, "historical")) {
                    hi = c;
                } else if (!strncmp(c->test.ai, "mcts", 4)) {
                    if (!srch || mean(c, r) > mean(srch, r))
                        srch = c;
                }
            }
            if (!bt)
                continue;
            char name[512];
            spec_name(sc, &bt->test, name, sizeof name);
            /* beats: a higher mean; a tie (the same mean, as at a ceiling both reach) is
             * not beating, and is said apart */
            double m = mean(bt, r);
            int bh = hi && m > mean(hi, r) + 1e-9, bs = srch && m > mean(srch, r) + 1e-9;
            int th = hi && !bh && fabs(m - mean(hi, r)) <= 1e-9;
            int ts = srch && !bs && fabs(m - mean(srch, r)) <= 1e-9;
            char verdict[64];
            if (bh || bs)
                snprintf(verdict, sizeof verdict, "**yes** (%s)",
                         bh && bs ? "both" : bh ? "historical" : "search");
            else if (th || ts)
                snprintf(verdict, sizeof verdict, "tie (%s)",
                         th && ts ? "both" : th ? "historical" : "search");
            else
                snprintf(verdict, sizeof verdict, "no");
            wins += bh || bs;
            wins_h += bh;
            wins_s += bs;
            ties += !(bh || bs) && (th || ts);
            printf("| %s | %s | %s | %.1f ± %.1f | %s%.1f | %s%.1f | %s |\n",
                   sc->roles[r].meta.id, opps[o], name, m, se(bt, r), hi ? "" : "-",
                   hi ? mean(hi, r) : 0.0, srch ? "" : "-", srch ? mean(srch, r) : 0.0,
                   verdict);
        }
    }
    printf("\nTrivial play beats a yardstick in %d of the (seat, opponent set) pairs (the "
           "historical personality in %d, the search AI in %d) and ties a yardstick, beating none, "
           "in %d more.\n",
           wins, wins_h, wins_s, ties);
    niact_host_free(host);
    for (int ci = 0; ci < T.n_cells; ci++)
        free(T.cells[ci].per);
    free(T.cells);
    free(T.hist);
    free(T.hist_done);
    return 0;
}
