/* nov_measure: batch games of a scenario with a personality per seat, for balance and
 * historical-mode measurement (docs/balance.md). Not a test: a tool built with them.
 *
 *   nov_measure [--scenario S] [--games N] [--seed S] [--seat ROLE=PERSONALITY]...
 *               [--historical] [--actions] [--trace TRACK,TRACK...] [--mean TRACK,...]
 *
 * --historical counts how often game.md's historical outcome is reproduced and which
 * criterion fails; --actions reports, per action, how often random play chose it and
 * the mean score of the role in games where it was chosen at least once versus not. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "niact/hash.h"
#include "niact/rules.h"
#include "niact/session.h"

#define MAX_ACTIONS 128

typedef struct tally {
    int games, outcomes[5];
    double turns, sum[NIACT_MAX_ROLES], sq[NIACT_MAX_ROLES];
    int top[NIACT_MAX_ROLES];
    int used[MAX_ACTIONS];        /* games in which the action was ordered */
    double with[MAX_ACTIONS];     /* role's score summed over those games */
    double without[MAX_ACTIONS];
    long orders[MAX_ACTIONS];
    int used1[MAX_ACTIONS];       /* games in which it was ordered in turn 1 */
    double with1[MAX_ACTIONS], without1[MAX_ACTIONS];
    int hist_ok, hist_fail[8];
    int tp_ok[32];                /* games in which turning point k went as in 1962 */
    int tp_all;                   /* every turning point as in 1962 */
    int odd[32];                  /* games with non-record happening k */
    int clean;                    /* no happening the record lacks */
    int faithful;                 /* every turning point and nothing the record lacks */
    int raided;                   /* at least one exile raid (the record has Alpha 66's) */
    int hist_quiet;               /* reproduced and no aircraft fired on */
    int hist_score[NIACT_MAX_ROLES][11]; /* scores in bands of 10 (100 in the last) */
    int length[64];               /* games ending after n turns */
    double mean[64];              /* final true values of the --mean tracks */
    int nonzero[64];              /* games in which that value was above 0 */
} tally;

static uint64_t game_seed(uint64_t base, uint64_t i) {
    return niact_mix_seq(base, i); /* as niact sim does */
}

static int32_t truth(niact_game *g, const char *id) {
    int t = niact_scenario_track(niact_game_scenario(g), id);
    int32_t v = -1;
    if (t < 0 || niact_game_truth(g, t, &v) != NIACT_OK)
        return -1;
    return v;
}

static const char *const hist_names[] = {
    "no war", "missiles gone and all 42 counted at sea", "no UN inspection on Cuban soil",
    "IL-28s agreed out in turn 6-8 (16-24 Nov)", "quarantine lifted", "no formal pledge",
    "SAMs (20+ sites) and many technicians (30k+) still there"};

/* Checks game.md's historical outcome; returns a bit mask of failed criteria. */
static unsigned historical(niact_session *s, niact_game *g) {
    unsigned fail = 0;
    if (niact_game_outcome(g) == NIACT_OUTCOME_WAR)
        fail |= 1;
    if (truth(g, "missiles") != 0 || truth(g, "missiles_counted") < 42)
        fail |= 2;
    if (truth(g, "un_inspection") == 3 && truth(g, "un_scheme") == 1)
        fail |= 4;
    /* the turn in which il28_deal first reached 2 */
    const niact_scenario *sc = niact_game_scenario(g);
    int deal = niact_scenario_track(sc, "il28_deal"), agreed = -1;
    for (int32_t t = 1; t <= niact_game_turn(g); t++) {
        int32_t v;
        if (niact_game_history(g, 0, deal, t, &v) == NIACT_OK && v >= 2) {
            agreed = t;
            break;
        }
    }
    if (agreed < 6 || agreed > 8)
        fail |= 8;
    if (truth(g, "quarantine") != 0)
        fail |= 16;
    if (truth(g, "pledge") >= 3)
        fail |= 32;
    if (truth(g, "sams") < 20 || truth(g, "personnel") < 30)
        fail |= 64;
    (void)s;
    return fail;
}

/* ---- the record's turning points (history.md, section 4) ------------------------- */

/* A track's true value at the end of turn t (0 = after setup); the game has ended. */
static int32_t at(niact_game *g, const char *id, int32_t t) {
    int k = niact_scenario_track(niact_game_scenario(g), id);
    int32_t v = -1;
    if (k < 0 || niact_game_history(g, 0, k, t, &v) != NIACT_OK)
        return -1;
    return v;
}

/* The first turn at whose end the track's value satisfied v >= min (0 if never). */
static int32_t first_at_least(niact_game *g, const char *id, int32_t min) {
    for (int32_t t = 1; t <= niact_game_turn(g); t++)
        if (at(g, id, t) >= min)
            return t;
    return 0;
}

static int32_t max_of(niact_game *g, const char *id) {
    int32_t m = at(g, id, 0);
    for (int32_t t = 1; t <= niact_game_turn(g); t++)
        if (at(g, id, t) > m)
            m = at(g, id, t);
    return m;
}

/* Whether the role ordered the action in turn t (1-based). */
static int ordered(niact_session *s, const char *role, const char *action, int32_t t) {
    const niact_scenario *sc = niact_game_scenario(niact_session_game(s));
    int r = niact_scenario_role(sc, role), a = niact_scenario_action(sc, action);
    if (r < 0 || a < 0 || t < 1 || t > niact_session_turns_played(s))
        return 0;
    const niact_turn_input *in = niact_session_input(s, t - 1);
    for (int k = 0; k < in->n[r]; k++)
        if (in->orders[r][k].action == a)
            return 1;
    return 0;
}

static int ordered_ever(niact_session *s, const char *role, const char *action) {
    for (int32_t t = 1; t <= niact_session_turns_played(s); t++)
        if (ordered(s, role, action, t))
            return 1;
    return 0;
}

static int32_t fired(niact_game *g, const char *id) {
    int e = niact_scenario_event(niact_game_scenario(g), id);
    return e < 0 ? 0 : niact_rules_fired(g, e);
}

static const char *const tp_names[] = {
    "1 verification impasse (30 Oct-2 Nov): no UN inspection ever operates",
    "2 low-level flights from 1 Nov; no US aircraft fired on",
    "3 Bloc ships hailed, never boarded; no incident at sea",
    "4 IL-28s contested (Moscow, 4-6 Nov), conceded in principle 10-15 Nov, agreed 19-21 Nov",
    "5 outbound inspection: all 42 missiles counted at sea 7-12 Nov",
    "6 ICRC agreed by Moscow, never inspecting",
    "7 the 12 Nov trade: quarantine lifted 19-21 Nov, with the bombers agreed",
    "8 no escalation menu needed: no charge of non-compliance or stalling",
    "9 Castro's threat (15 Nov): no low flights 16-21 Nov, U-2s fly on, nothing fired",
    "10 stand-down: SAC off DEFCON 2 on 15 Nov, both sides lower alerts 19-21 Nov",
    "11 tactical warheads: still in Cuba on 27 Nov, all shipped by 6 Dec",
    "12 no formal pledge (the assurance stays conditional); protocol demanded",
    "13 SAMs (20+ sites) and most troops (30k+) stay; IL-28s sail 1-6 Dec",
    "14 no linkage: Berlin never raised, no wider talks",
    "outcome: settlement reached 19-21 Nov, epilogue played to 6 Dec, no war",
};
#define N_TP ((int)(sizeof tp_names / sizeof *tp_names))

static const char *const odd_names[] = {
    "a US aircraft fired on", "a ship boarded or an incident at sea", "US retaliation",
    "a formal charge (non-compliance, stalling)", "UN inspection operating",
    "ICRC inspecting ships", "tension at crisis or above", "a formal or unconditional pledge",
    "wider talks opened", "war", "more than one exile raid",
};
#define N_ODD ((int)(sizeof odd_names / sizeof *odd_names))

/* Fills ok[k] (turning point k went as in 1962) and odd[k] (happening k, which the record
 * lacks, occurred). */
static void turning_points(niact_session *s, niact_game *g, int *ok, int *odd) {
    int32_t n = niact_game_turn(g);
    ok[0] = max_of(g, "un_inspection") < 3;
    ok[1] = ordered(s, "us", "recon_low", 1) && at(g, "shootdowns", n) == 0;
    ok[2] = max_of(g, "quarantine") <= 2 && fired(g, "incident_at_sea") == 0;
    int32_t principle = first_at_least(g, "il28_deal", 1);
    int contested = ordered(s, "ussr", "contest_il28", 2);
    ok[3] = contested && (principle == 4 || principle == 5) &&
            first_at_least(g, "il28_deal", 2) == 7;
    int32_t counted = first_at_least(g, "missiles_counted", 42);
    ok[4] = (counted == 3 || counted == 4) && max_of(g, "quarantine") <= 2;
    ok[5] = max_of(g, "icrc") == 2;
    ok[6] = first_at_least(g, "il28_deal", 2) == 7 && at(g, "quarantine", 6) > 0 &&
            at(g, "quarantine", 7) == 0;
    ok[7] = at(g, "charges", n) == 0;
    ok[8] = at(g, "threat_turn", n) == 5 && !ordered(s, "us", "recon_low", 6) &&
            !ordered(s, "us", "recon_low", 7) && ordered(s, "us", "recon_high", 6) &&
            ordered(s, "us", "recon_high", 7) && at(g, "shootdowns", n) == 0 &&
            !ordered_ever(s, "us", "retaliate");
    ok[9] = at(g, "us_alert", 4) == 2 && at(g, "us_alert", 5) == 1 && at(g, "us_alert", 7) == 0 &&
            (ordered(s, "ussr", "stand_down", 7) || fired(g, "pact_stand_down") > 0);
    ok[10] = n >= 12 && at(g, "tactical", 9) == 98 && at(g, "tactical", 12) == 0;
    ok[11] = max_of(g, "pledge") == 1 && at(g, "protocols", n) > 0;
    ok[12] = at(g, "sams", n) >= 20 && at(g, "personnel", n) >= 30 && at(g, "il28", n) == 0 &&
             first_at_least(g, "il28_counted", 1) == 11;
    ok[13] = !ordered_ever(s, "us", "raise_berlin") && !ordered_ever(s, "ussr", "raise_berlin") &&
             at(g, "wider_talks", n) == 0;
    ok[14] = niact_game_outcome(g) == NIACT_OUTCOME_SETTLEMENT && at(g, "settled_turn", n) == 7 &&
             n == 12;
    odd[0] = at(g, "shootdowns", n) > 0;
    odd[1] = max_of(g, "quarantine") == 3 || fired(g, "incident_at_sea") > 0;
    odd[2] = ordered_ever(s, "us", "retaliate");
    odd[3] = at(g, "charges", n) > 0;
    odd[4] = max_of(g, "un_inspection") == 3;
    odd[5] = max_of(g, "icrc") == 3;
    odd[6] = max_of(g, "tension") >= 4;
    odd[7] = max_of(g, "pledge") >= 2;
    odd[8] = max_of(g, "wider_talks") > 0;
    odd[9] = niact_game_outcome(g) == NIACT_OUTCOME_WAR;
    odd[10] = fired(g, "exile_raid") > 1;
}

static void trace_turn(niact_game *g, const char *tracks) {
    char buf[1024];
    snprintf(buf, sizeof buf, "%s", tracks);
    printf("  turn %2d:", niact_game_turn(g));
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        int t = niact_scenario_track(niact_game_scenario(g), tok);
        if (t >= 0)
            printf(" %s=%d", tok, niact_rules_get(g, t));
    }
    printf("\n");
}

int main(int argc, char **argv) {
    const char *scenario = "november1962", *trace = NULL, *means = NULL;
    const char *pers[NIACT_MAX_ROLES][2];
    int npers = 0, games = 1000, hist = 0, acts = 0;
    uint64_t seed = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--scenario") && i + 1 < argc) scenario = argv[++i];
        else if (!strcmp(a, "--games") && i + 1 < argc) games = atoi(argv[++i]);
        else if (!strcmp(a, "--seed") && i + 1 < argc) seed = strtoull(argv[++i], NULL, 10);
        else if (!strcmp(a, "--historical")) hist = 1;
        else if (!strcmp(a, "--actions")) acts = 1;
        else if (!strcmp(a, "--trace") && i + 1 < argc) trace = argv[++i];
        else if (!strcmp(a, "--mean") && i + 1 < argc) means = argv[++i];
        else if (!strcmp(a, "--seat") && i + 1 < argc && npers < NIACT_MAX_ROLES) {
            char *eq = strchr(argv[++i], '=');
            if (!eq) { fprintf(stderr, "nov_measure: --seat ROLE=PERSONALITY\n"); return 2; }
            *eq = 0;
            pers[npers][0] = argv[i];
            pers[npers++][1] = eq + 1;
        } else { fprintf(stderr, "nov_measure: unexpected '%s'\n", a); return 2; }
    }
    if (games < 1) { fprintf(stderr, "nov_measure: --games must be at least 1\n"); return 2; }
    char dir[4096], lib[4096], msg[4096];
    if (niact_find_scenario(scenario, dir, sizeof dir, lib, sizeof lib) != 0) {
        fprintf(stderr, "nov_measure: no scenario '%s'\n", scenario);
        return 2;
    }
    niact_host *h = NULL;
    if (niact_host_load(dir, lib[0] ? lib : NULL, NULL, &h, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "nov_measure: %s\n", msg);
        return 2;
    }
    const niact_scenario *sc = niact_host_scenario(h);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "random");
    }
    for (int k = 0; k < npers; k++) {
        int r = niact_scenario_role(sc, pers[k][0]);
        if (r < 0) { fprintf(stderr, "nov_measure: no role '%s'\n", pers[k][0]); return 2; }
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", pers[k][1]);
    }
    tally *t = calloc(1, sizeof *t);
    for (int i = 0; i < games; i++) {
        niact_session *s = NULL;
        if (niact_session_new(h, game_seed(seed, (uint64_t)i), seats, &s, msg, sizeof msg) !=
            NIACT_OK) {
            fprintf(stderr, "nov_measure: %s\n", msg);
            return 2;
        }
        niact_game *g = niact_session_game(s);
        niact_game_set_quiet(g, trace == NULL);
        if (trace) printf("game %d:\n", i);
        while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
            if (niact_session_resolve(s) != NIACT_OK) {
                fprintf(stderr, "nov_measure: %s\n", niact_session_error(s));
                return 2;
            }
            if (trace) trace_turn(g, trace);
        }
        if (trace) {
            size_t cur = 0;
            niact_log_entry e;
            while (niact_game_log_next(g, -1, &cur, &e))
                if (e.kind == NIACT_LOG_ERROR) printf("  ERROR: %s\n", e.text);
            printf("  outcome %d: %s\n", niact_game_outcome(g), niact_game_outcome_text(g));
        }
        t->games++;
        t->outcomes[niact_game_outcome(g)]++;
        t->turns += niact_game_turn(g);
        int32_t score[NIACT_MAX_ROLES], best = -1;
        for (int r = 0; r < sc->n_roles; r++) {
            niact_game_score(g, r, r, &score[r]);
            t->sum[r] += score[r];
            t->sq[r] += (double)score[r] * score[r];
            if (score[r] > best) best = score[r];
        }
        for (int r = 0; r < sc->n_roles; r++) {
            t->top[r] += score[r] == best;
            t->hist_score[r][score[r] / 10]++;
        }
        if (niact_game_turn(g) < 64) t->length[niact_game_turn(g)]++;
        int used[MAX_ACTIONS] = {0}, used1[MAX_ACTIONS] = {0};
        for (int32_t turn = 0; turn < niact_session_turns_played(s); turn++) {
            const niact_turn_input *in = niact_session_input(s, turn);
            for (int r = 0; r < sc->n_roles; r++)
                for (int k = 0; k < in->n[r]; k++) {
                    used[in->orders[r][k].action] = 1;
                    if (turn == 0) used1[in->orders[r][k].action] = 1;
                    t->orders[in->orders[r][k].action]++;
                }
        }
        for (int a = 0; a < sc->n_actions && a < MAX_ACTIONS; a++) {
            /* the score of the first role that may order it */
            int r = 0;
            while (r < sc->n_roles && !(sc->actions[a].roles & (1u << r))) r++;
            if (used[a]) { t->used[a]++; t->with[a] += score[r]; }
            else t->without[a] += score[r];
            if (used1[a]) { t->used1[a]++; t->with1[a] += score[r]; }
            else t->without1[a] += score[r];
        }
        if (means) {
            char buf[1024];
            snprintf(buf, sizeof buf, "%s", means);
            int k = 0;
            for (char *tok = strtok(buf, ","); tok && k < 64; tok = strtok(NULL, ","), k++) {
                int32_t v = truth(g, tok);
                t->mean[k] += v;
                t->nonzero[k] += v > 0;
            }
        }
        if (hist) {
            unsigned f = historical(s, g);
            if (!f) t->hist_ok++;
            if (!f && truth(g, "shootdowns") == 0) t->hist_quiet++;
            for (int b = 0; b < 7; b++) if (f & (1u << b)) t->hist_fail[b]++;
            int ok[32] = {0}, odd[32] = {0}, all = 1, none = 1;
            turning_points(s, g, ok, odd);
            for (int k = 0; k < N_TP; k++) { t->tp_ok[k] += ok[k]; all &= ok[k]; }
            for (int k = 0; k < N_ODD; k++) { t->odd[k] += odd[k]; none &= !odd[k]; }
            t->tp_all += all;
            t->clean += none;
            t->faithful += all && none;
            t->raided += fired(g, "exile_raid") > 0;
        }
        niact_session_free(s);
    }
    double n = t->games;
    printf("%d games, seed %llu, seats:", t->games, (unsigned long long)seed);
    for (int r = 0; r < sc->n_roles; r++) printf(" %s=%s", sc->roles[r].meta.id, seats[r].personality);
    printf("\n  %-8s %6s %6s %8s\n", "role", "mean", "sd", "top");
    for (int r = 0; r < sc->n_roles; r++) {
        double m = t->sum[r] / n, v = t->sq[r] / n - m * m;
        printf("  %-8s %6.1f %6.1f %7.1f%%\n", sc->roles[r].meta.id, m, v > 0 ? __builtin_sqrt(v) : 0,
               100.0 * t->top[r] / n);
    }
    printf("  score distribution (%% of games in 0-9, 10-19, ... 90-100):\n");
    for (int r = 0; r < sc->n_roles; r++) {
        printf("  %-8s", sc->roles[r].meta.id);
        for (int b = 0; b < 10; b++)
            printf(" %5.1f", 100.0 * (t->hist_score[r][b] + (b == 9 ? t->hist_score[r][10] : 0)) / n);
        printf("\n");
    }
    printf("  game length (%% of games ending after 1, 2, ... turns):");
    for (int k = 1; k <= sc->turns && k < 64; k++) printf(" %.1f", 100.0 * t->length[k] / n);
    printf("\n");
    printf("  settlement %.1f%%  war %.1f%%  last turn %.1f%%  mean length %.2f turns\n",
           100.0 * t->outcomes[NIACT_OUTCOME_SETTLEMENT] / n,
           100.0 * t->outcomes[NIACT_OUTCOME_WAR] / n,
           100.0 * t->outcomes[NIACT_OUTCOME_LAST_TURN] / n, t->turns / n);
    if (means) {
        char buf[1024];
        snprintf(buf, sizeof buf, "%s", means);
        int k = 0;
        for (char *tok = strtok(buf, ","); tok && k < 64; tok = strtok(NULL, ","), k++)
            printf("  final %-20s mean %7.2f, above 0 in %5.1f%% of games\n", tok,
                   t->mean[k] / n, 100.0 * t->nonzero[k] / n);
    }
    if (hist) {
        printf("  historical outcome reproduced: %.1f%%\n", 100.0 * t->hist_ok / n);
        for (int b = 0; b < 7; b++)
            printf("    failed '%s': %.1f%%\n", hist_names[b], 100.0 * t->hist_fail[b] / n);
        printf("  reproduced and, as in 1962, no US aircraft fired on: %.1f%%\n",
               100.0 * t->hist_quiet / n);
        printf("  turning points as in 1962 (history.md, section 4):\n");
        for (int k = 0; k < N_TP; k++)
            printf("    %5.1f%%  %s\n", 100.0 * t->tp_ok[k] / n, tp_names[k]);
        printf("    %5.1f%%  all of them\n", 100.0 * t->tp_all / n);
        printf("  happenings the record lacks (%% of games with one):\n");
        for (int k = 0; k < N_ODD; k++)
            printf("    %5.1f%%  %s\n", 100.0 * t->odd[k] / n, odd_names[k]);
        printf("    %5.1f%%  none of them\n", 100.0 * t->clean / n);
        printf("  (for comparison: games with at least one exile raid, which the record has: "
               "%.1f%%)\n", 100.0 * t->raided / n);
        printf("  the record's course and outcome (every turning point, nothing the record "
               "lacks): %.1f%%\n", 100.0 * t->faithful / n);
    }
    if (acts) {
        printf("  %-22s %6s %8s %10s %10s %8s %10s %10s\n", "action", "role", "used in",
               "score with", "without", "turn 1", "with (t1)", "without");
        for (int a = 0; a < sc->n_actions && a < MAX_ACTIONS; a++) {
            int r = 0;
            while (r < sc->n_roles && !(sc->actions[a].roles & (1u << r))) r++;
            int u = t->used[a];
            int u1 = t->used1[a];
            printf("  %-22s %6s %7.1f%% %10.1f %10.1f %7.1f%% %10.1f %10.1f\n",
                   sc->actions[a].meta.id, sc->roles[r].meta.id, 100.0 * u / n,
                   u ? t->with[a] / u : 0.0, u < t->games ? t->without[a] / (n - u) : 0.0,
                   100.0 * u1 / n, u1 ? t->with1[a] / u1 : 0.0,
                   u1 < t->games ? t->without1[a] / (n - u1) : 0.0);
        }
    }
    free(t);
    niact_host_free(h);
    return 0;
}
