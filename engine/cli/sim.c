/* niact sim: many AI-only games, statistics per role. */
#include "cli.h"

#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct stats {
    int games;
    int outcomes[5];                  /* by niact_outcome */
    double turns;                     /* sum of game lengths */
    double sum[NIACT_MAX_ROLES];      /* scores */
    double sq[NIACT_MAX_ROLES];
    int min[NIACT_MAX_ROLES], max[NIACT_MAX_ROLES];
    int best[NIACT_MAX_ROLES];        /* games in which the role scored highest (ties shared) */
    int errors;                       /* games with a scenario error logged */
} stats;

/* The seed of game i: SplitMix64 of the base seed and i, so games are independent. */
static uint64_t game_seed(uint64_t base, uint64_t i) {
    uint64_t z = base + (i + 1) * 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static int run_games(niact_host *h, int games, uint64_t seed, const char *ai, stats *st) {
    const niact_scenario *sc = niact_host_scenario(h);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", ai);
    }
    for (int r = 0; r < NIACT_MAX_ROLES; r++) {
        st->min[r] = 101;
        st->max[r] = -1;
    }
    for (int i = 0; i < games; i++) {
        niact_session *s = NULL;
        char msg[1024];
        if (niact_session_new(h, game_seed(seed, (uint64_t)i), seats, &s, msg, sizeof msg) !=
            NIACT_OK) {
            fprintf(stderr, "niact sim: %s\n", msg);
            return -1;
        }
        niact_game *g = niact_session_game(s);
        niact_game_set_quiet(g, 1);
        if (niact_session_play_out(s) != NIACT_OK) {
            fprintf(stderr, "niact sim: %s\n", niact_session_error(s));
            niact_session_free(s);
            return -1;
        }
        st->games++;
        st->outcomes[niact_game_outcome(g)]++;
        st->turns += niact_game_turn(g);
        int32_t top = -1, sc_r[NIACT_MAX_ROLES];
        for (int r = 0; r < sc->n_roles; r++) {
            niact_game_score(g, r, r, &sc_r[r]);
            st->sum[r] += sc_r[r];
            st->sq[r] += (double)sc_r[r] * sc_r[r];
            if (sc_r[r] < st->min[r])
                st->min[r] = sc_r[r];
            if (sc_r[r] > st->max[r])
                st->max[r] = sc_r[r];
            if (sc_r[r] > top)
                top = sc_r[r];
        }
        for (int r = 0; r < sc->n_roles; r++)
            st->best[r] += sc_r[r] == top;
        niact_session_free(s);
    }
    return 0;
}

static const char *const outcome_names[] = {"running", "settlement", "war", "last_turn",
                                            "error"};

static void print_table(const niact_scenario *sc, const stats *st, const char *ai) {
    double n = st->games ? st->games : 1;
    printf("%d games of %s, AI '%s'\n\n", st->games, sc->meta.name, ai);
    printf("  %-22s %6s %6s %5s %5s %9s\n", "role", "mean", "sd", "min", "max", "top score");
    for (int r = 0; r < sc->n_roles; r++) {
        double mean = st->sum[r] / n;
        double var = st->sq[r] / n - mean * mean;
        printf("  %-22s %6.1f %6.1f %5d %5d %8.1f%%\n", sc->roles[r].meta.name, mean,
               sqrt(var > 0 ? var : 0), st->min[r], st->max[r], 100.0 * st->best[r] / n);
    }
    printf("\n  outcomes: ");
    for (int o = 1; o < 5; o++)
        printf("%s %.1f%%%s", outcome_names[o], 100.0 * st->outcomes[o] / n, o < 4 ? ", " : "\n");
    printf("  war rate: %.1f%%   mean length: %.2f turns\n", 100.0 * st->outcomes[2] / n,
           st->turns / n);
}

static void print_json(const niact_scenario *sc, const stats *st, const char *ai, uint64_t seed) {
    double n = st->games ? st->games : 1;
    json_t *root = json_object();
    json_object_set_new(root, "scenario", json_string(sc->meta.id));
    json_object_set_new(root, "games", json_integer(st->games));
    json_object_set_new(root, "seed", json_integer((json_int_t)seed));
    json_object_set_new(root, "ai", json_string(ai));
    json_t *roles = json_object();
    for (int r = 0; r < sc->n_roles; r++) {
        double mean = st->sum[r] / n, var = st->sq[r] / n - mean * mean;
        json_t *o = json_object();
        json_object_set_new(o, "mean", json_real(mean));
        json_object_set_new(o, "sd", json_real(sqrt(var > 0 ? var : 0)));
        json_object_set_new(o, "min", json_integer(st->min[r]));
        json_object_set_new(o, "max", json_integer(st->max[r]));
        json_object_set_new(o, "top_rate", json_real(st->best[r] / n));
        json_object_set_new(roles, sc->roles[r].meta.id, o);
    }
    json_object_set_new(root, "roles", roles);
    json_t *out = json_object();
    for (int o = 1; o < 5; o++)
        json_object_set_new(out, outcome_names[o], json_real(st->outcomes[o] / n));
    json_object_set_new(root, "outcomes", out);
    json_object_set_new(root, "war_rate", json_real(st->outcomes[2] / n));
    json_object_set_new(root, "mean_turns", json_real(st->turns / n));
    json_dumpf(root, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    putchar('\n');
    json_decref(root);
}

int cli_sim(int argc, char **argv) {
    const char *scenario = "november1962", *ai = "random";
    uint64_t games = 0, seed = 1;
    int json = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (!strcmp(a, "--scenario") && more)
            scenario = argv[++i];
        else if (!strcmp(a, "--games") && more) {
            if (cli_parse_u64(argv[++i], &games) != 0 || games == 0 || games > 100000000) {
                fprintf(stderr, "niact sim: --games takes a number from 1 to 100000000\n");
                return CLI_USAGE;
            }
        } else if (!strcmp(a, "--seed") && more) {
            if (cli_parse_u64(argv[++i], &seed) != 0) {
                fprintf(stderr, "niact sim: --seed takes a whole number\n");
                return CLI_USAGE;
            }
        } else if (!strcmp(a, "--ai") && more)
            ai = argv[++i];
        else if (!strcmp(a, "--json"))
            json = 1;
        else {
            fprintf(stderr, "niact sim: unexpected '%s' (see niact --help)\n", a);
            return CLI_USAGE;
        }
    }
    if (!games) {
        fprintf(stderr, "niact sim: --games N is required\n");
        return CLI_USAGE;
    }
    niact_host *h = cli_load(scenario, stderr);
    if (!h)
        return CLI_BAD_INPUT;
    stats st;
    memset(&st, 0, sizeof st);
    int rc = run_games(h, (int)games, seed, ai, &st);
    if (rc == 0) {
        if (json)
            print_json(niact_host_scenario(h), &st, ai, seed);
        else
            print_table(niact_host_scenario(h), &st, ai);
    }
    niact_host_free(h);
    return rc == 0 ? CLI_OK : CLI_BAD_INPUT;
}
