/* niact_bench_growth: how the costs grow with the scenario (issue 16, docs/performance.md,
 * "Growth"). It writes generated scenarios into a temporary folder: a base the size of
 * November 1962 (3 roles, 41 tracks, 37 actions, 23 events, 13 objectives, 8 terms, 12
 * turns, three personalities), the same with 10x and 100x the declarations, and with 10x
 * the turns; and fires, fires10, fires100: base, decl10, decl100 with events that fire
 * often (about 30% of them a turn, each a callback that writes a track); and for each
 * measures (CPU time of this thread):
 *  - a turn of a whole game with every seat a scripted personality (negotiation on),
 *  - a playout of the search and a budget unit (mcts-hard's stats),
 *  - the search AI's decision at each level (easy, medium, hard, deep) at the start, in
 *    the middle and near the end of a game, mean and slowest,
 *  - appending a turn to the record (early turns, late turns) and, for comparison, a
 *    whole rewrite of the record at the end (what every turn used to cost).
 * Usage: niact_bench_growth [--games N] [--only NAME] [--turns] [--write DIR]
 * (--turns: only the turns of whole games, e.g. under callgrind with
 * --toggle-collect=niact_session_resolve.part.0; --write DIR: only write the scenarios
 * into DIR/NAME, for callgrind or niact sim) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "niact/ai.h"
#include "niact/record.h"
#include "niact/script.h"
#include "niact/session.h"

static double cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

typedef struct gen {
    const char *name;
    int k;     /* declarations x k */
    int turns; /* calendar turns */
    int fire;  /* events fire often (about 30% of them a turn), else rarely */
} gen;

/* The scenario: its declarations made by loops, so the file stays small; each action
 * moves two tracks, each event watches one, each objective scores one; personalities pick
 * affordable actions by a rule of their own (constant work per order). */
static int write_scenario(const char *dir, const gen *g) {
    char path[4200];
    snprintf(path, sizeof path, "%s/scenario.lua", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f,
            "local K, T = %d, %d\n"
            "local R = { 'a', 'b', 'c' }\n"
            "local tracks, actions, events, objectives, terms = {}, {}, {}, {}, {}\n"
            "local NT = math.min(41 * K, 4096) -- (the schema's most tracks)\n"
            "for i = 1, NT do\n"
            "  local vis = nil\n"
            "  if i %% 5 == 0 then vis = { all = 'estimate' } end\n"
            "  tracks[i] = niact.track{ id = 't' .. i, min = 0, max = 100, initial = 50,\n"
            "    visible = vis, estimate = vis and { value = 50, error = 10 } or nil }\n"
            "end\n"
            "local function tr(i) return 't' .. ((i - 1) %% NT + 1) end\n"
            "local by_role = { {}, {}, {} }\n"
            "for i = 1, 37 * K do\n"
            "  local r = (i - 1) %% 3 + 1\n"
            "  local up, down = tr(i * 7), tr(i * 13 + 1)\n"
            "  actions[i] = niact.action{ id = 'x' .. i, roles = { R[r] }, cost = 1 + i %% 2,\n"
            "    resolve = function(state, role)\n"
            "      state:add(up, 3)\n"
            "      state:add(down, -2)\n"
            "    end }\n"
            "  table.insert(by_role[r], 'x' .. i)\n"
            "end\n"
            "for i = 1, 23 * K do\n"
            "  local w = tr(i * 3)\n"
            "  events[i] = niact.event{ id = 'e' .. i, chance = 30, once = false,\n"
            "    condition = function(state) return state:get(w) > %d end,\n"
            "    effect = function(state) state:add(w, %s) end }\n"
            "end\n"
            "for i = 1, 13 * K do\n"
            "  local w = tr(i * 11)\n"
            "  objectives[i] = niact.objective{ id = 'o' .. i, role = R[(i - 1) %% 3 + 1],\n"
            "    score = function(state) return state:get(w) end }\n"
            "end\n"
            "for i = 1, 8 * K do\n"
            "  local w = tr(i * 17)\n"
            "  terms[i] = niact.term{ id = 'd' .. i, givers = { R[(i - 1) %% 3 + 1] }, window = 2,\n"
            "    value = function(state, role, giver)\n"
            "      if role == giver then return -5 end\n"
            "      return (state:get(w) - 45) / 2 end }\n"
            "end\n"
            "local function pick(step)\n"
            "  return function(state, role)\n"
            "    local mine = by_role[role == 'a' and 1 or role == 'b' and 2 or 3]\n"
            "    local out, t = {}, state:turn()\n"
            "    for k = 0, 2 do out[#out + 1] = { mine[(t * step + k * 5) %% #mine + 1] } end\n"
            "    return out\n"
            "  end\n"
            "end\n"
            "local pers = {}\n"
            "for p, step in pairs({ steady = 1, bold = 7, wary = 3 }) do\n"
            "  local fn = pick(step)\n"
            "  pers[p] = { a = fn, b = fn, c = fn }\n"
            "end\n"
            "return niact.scenario{\n"
            "  name = 'Growth %s', version = '1',\n"
            "  calendar = { start = '1962-10-22', days_per_turn = 1, turns = T },\n"
            "  roles = { niact.role{ id = 'a', action_points = 3 }, niact.role{ id = 'b', action_points = 3 },\n"
            "            niact.role{ id = 'c', action_points = 3 } },\n"
            "  tracks = tracks, actions = actions, events = events, objectives = objectives,\n"
            "  terms = terms, personalities = pers,\n"
            "}\n",
            g->k, g->turns, g->fire ? 0 : 60,
            g->fire ? "state:turn() % 2 == 0 and -1 or 1" : "-10", g->name);
    return fclose(f);
}

static niact_session *new_game(niact_host *h, uint64_t seed, const char *ai) {
    const niact_scenario *sc = niact_host_scenario(h);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < sc->n_roles; r++) {
        seats[r].kind = NIACT_SEAT_AI;
        snprintf(seats[r].personality, sizeof seats[r].personality, "%s", ai);
    }
    niact_session *s = NULL;
    char msg[1024];
    if (niact_session_new(h, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact_bench_growth: %s\n", msg);
        return NULL;
    }
    return s;
}

typedef struct row {
    double turn_ms, playout_ms, unit_ms;
    double mean[4], worst[4];
    double append_early, append_late, rewrite_ms;
    long record_bytes;
    int decls, turns;
} row;

static int turns_only; /* --turns: only the turns of whole games (for callgrind) */

static int measure(niact_host *h, const char *tmp, int games, row *out) {
    const niact_scenario *sc = niact_host_scenario(h);
    memset(out, 0, sizeof *out);
    out->decls = sc->n_tracks + sc->n_actions + sc->n_events + sc->n_objectives + sc->n_terms;
    out->turns = sc->turns;
    const char *pers = sc->n_personalities ? sc->personalities[0] : "random";
    /* Turns of whole games. */
    long turns = 0;
    double t0 = cpu_ms();
    for (int i = 0; i < games; i++) {
        niact_session *s = new_game(h, (uint64_t)i + 1, pers);
        if (!s)
            return -1;
        niact_game_set_quiet(niact_session_game(s), 1);
        while (niact_game_phase(niact_session_game(s)) != NIACT_PHASE_ENDED) {
            if (niact_session_resolve(s) != NIACT_OK)
                return -1;
            turns++;
        }
        niact_session_free(s);
    }
    out->turn_ms = (cpu_ms() - t0) / (turns ? turns : 1);
    if (turns_only)
        return 0;
    /* Decisions at three points of one game, and the record appended turn by turn. */
    niact_session *s = new_game(h, 99, pers);
    if (!s)
        return -1;
    niact_game *g = niact_session_game(s);
    char path[4200], msg[1024];
    snprintf(path, sizeof path, "%s/record.json", tmp);
    niact_record_writer w = {0};
    if (niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "niact_bench_growth: %s\n", msg);
        return -1;
    }
    int at[3] = {0, sc->turns / 2, sc->turns - 2}, n_at = 0, decisions = 0;
    double hard_ms = 0, early = 0, late = 0;
    long hard_playouts = 0, n_early = 0, n_late = 0;
    double hard_units = 0;
    while (niact_game_phase(g) != NIACT_PHASE_ENDED) {
        int t = niact_game_turn(g);
        if (n_at < 3 && t == at[n_at]) {
            n_at++;
            decisions++;
            for (int l = 0; l < 4; l++) {
                niact_ai_config cfg;
                niact_ai_level_config((niact_ai_level)(l + 1), &cfg);
                niact_order o[NIACT_MAX_ORDERS];
                int n = 0;
                niact_ai_stats st;
                double d0 = cpu_ms();
                if (niact_ai_think(h, g, 0, &cfg, o, &n, &st) != NIACT_OK)
                    return -1;
                double dt = cpu_ms() - d0;
                out->mean[l] += dt;
                out->worst[l] = dt > out->worst[l] ? dt : out->worst[l];
                if (l == 2) {
                    hard_ms += dt;
                    hard_playouts += st.playouts;
                    hard_units += st.spent;
                }
            }
        }
        if (niact_session_resolve(s) != NIACT_OK)
            return -1;
        double a0 = cpu_ms();
        if (niact_record_append(s, NIACT_RECORD_ALL_ROLES, &w, path, msg, sizeof msg) !=
            NIACT_OK) {
            fprintf(stderr, "niact_bench_growth: %s\n", msg);
            return -1;
        }
        double da = cpu_ms() - a0;
        if (niact_game_turn(g) <= 5) {
            early += da;
            n_early++;
        } else if (niact_game_turn(g) > sc->turns - 5) {
            late += da;
            n_late++;
        }
    }
    for (int l = 0; l < 4; l++)
        out->mean[l] /= decisions ? decisions : 1;
    out->playout_ms = hard_ms / (hard_playouts ? hard_playouts : 1);
    out->unit_ms = hard_ms / (hard_units > 0 ? hard_units : 1);
    out->append_early = early / (n_early ? n_early : 1);
    out->append_late = late / (n_late ? n_late : 1);
    double r0 = cpu_ms();
    if (niact_record_save(s, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg) != NIACT_OK)
        return -1;
    out->rewrite_ms = cpu_ms() - r0;
    struct stat fs;
    out->record_bytes = stat(path, &fs) == 0 ? (long)fs.st_size : 0;
    unlink(path);
    niact_session_free(s);
    return 0;
}

int main(int argc, char **argv) {
    int games = 3;
    const char *only = NULL, *write_to = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--games") && i + 1 < argc)
            games = atoi(argv[++i]);
        else if (!strcmp(argv[i], "--only") && i + 1 < argc)
            only = argv[++i];
        else if (!strcmp(argv[i], "--turns"))
            turns_only = 1;
        else if (!strcmp(argv[i], "--write") && i + 1 < argc)
            write_to = argv[++i];
        else {
            fprintf(stderr, "usage: niact_bench_growth [--games N] [--only NAME] [--turns] [--write DIR]\n");
            return 2;
        }
    }
    /* fires*: the same with events that fire often (conditions always true, effects
     * moving their track one step): each firing is a callback that writes */
    static const gen gens[] = {{"base", 1, 12, 0},     {"decl10", 10, 12, 0},
                               {"decl100", 100, 12, 0}, {"turns10", 1, 120, 0},
                               {"fires", 1, 12, 1},    {"fires10", 10, 12, 1},
                               {"fires100", 100, 12, 1}};
    enum { N_GENS = sizeof gens / sizeof *gens };
    if (write_to) {
        for (int i = 0; i < N_GENS; i++) {
            char dir[4200];
            snprintf(dir, sizeof dir, "%s/%s", write_to, gens[i].name);
            mkdir(dir, 0700);
            if (write_scenario(dir, &gens[i]) != 0) {
                perror(dir);
                return 1;
            }
            printf("%s\n", dir);
        }
        return 0;
    }
    char tmp[] = "/tmp/niact-growth-XXXXXX";
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    row rows[N_GENS];
    int have[N_GENS] = {0};
    for (int i = 0; i < N_GENS; i++) {
        if (only && strcmp(only, gens[i].name) != 0)
            continue;
        char dir[4200], msg[8192];
        snprintf(dir, sizeof dir, "%s/%s", tmp, gens[i].name);
        mkdir(dir, 0700);
        niact_host *h = NULL;
        double l0 = cpu_ms();
        if (write_scenario(dir, &gens[i]) != 0 ||
            niact_host_load(dir, NULL, NULL, &h, msg, sizeof msg) != NIACT_OK) {
            fprintf(stderr, "niact_bench_growth: %s: %s\n", gens[i].name, msg);
            return 1;
        }
        fprintf(stderr, "%s: loaded in %.0f ms\n", gens[i].name, cpu_ms() - l0);
        if (measure(h, tmp, games, &rows[i]) != 0) {
            fprintf(stderr, "niact_bench_growth: %s failed\n", gens[i].name);
            return 1;
        }
        have[i] = 1;
        niact_host_free(h);
        char cmd[4400];
        snprintf(cmd, sizeof cmd, "%s/scenario.lua", dir);
        unlink(cmd);
        rmdir(dir);
    }
    rmdir(tmp);
    /* ratios against base (fires* against fires) */
    const row *b0 = have[0] ? &rows[0] : NULL, *b1 = have[4] ? &rows[4] : NULL;
    printf("| scenario | declarations | turns | turn (ms) | playout (ms) | unit (ms) | "
           "easy mean/max (s) | medium | hard | deep | append early/late (ms) | rewrite (ms) | "
           "record (KB) |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (int i = 0; i < N_GENS; i++) {
        if (!have[i])
            continue;
        const row *r = &rows[i], *b = gens[i].fire ? b1 : b0;
        printf("| %s | %d | %d | %.3f", gens[i].name, r->decls, r->turns, r->turn_ms);
        if (b && r != b)
            printf(" (%.1fx)", r->turn_ms / b->turn_ms);
        printf(" | %.3f", r->playout_ms);
        if (b && r != b)
            printf(" (%.1fx)", r->playout_ms / b->playout_ms);
        printf(" | %.4f", r->unit_ms);
        for (int l = 0; l < 4; l++)
            printf(" | %.2f / %.2f", r->mean[l] / 1e3, r->worst[l] / 1e3);
        printf(" | %.3f / %.3f | %.2f | %ld |\n", r->append_early, r->append_late, r->rewrite_ms,
               r->record_bytes / 1024);
    }
    return 0;
}
