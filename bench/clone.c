/* niact_bench_clone: what a copy of a game costs (niact_game_copy into a game the search
 * AI reuses, as mcts.c does for each playout, and niact_game_clone, as deal.c does for
 * each judgement) as its negotiation grows. A scenario built in C (3 roles, 1 track, 2
 * terms, 240 turns, no rules) is played with every seat proposing to the next every turn
 * (one term, accepted: as many commitments as proposals); at 0, 48, 96, 360 and 720 proposals the copy and the clone are
 * timed (CPU time, mean of many). Core only, so it builds against any version of
 * engine/core (docs/performance.md, "Proposals without a game-wide cap"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "niact/game.h"
#include "niact/negotiation.h"

static double cpu_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static niact_meta M(const char *id) {
    return (niact_meta){(char *)id, (char *)id, "", "", "", 0};
}

static void measure(niact_game *g, niact_game *work, int made) {
    enum { N = 20000 };
    double t0 = cpu_us();
    for (int i = 0; i < N; i++)
        if (niact_game_copy(work, g) != NIACT_OK) {
            fprintf(stderr, "copy failed\n");
            exit(1);
        }
    double copy = (cpu_us() - t0) / N;
    t0 = cpu_us();
    for (int i = 0; i < N / 4; i++) {
        niact_game *c;
        if (niact_game_clone(g, &c) != NIACT_OK) {
            fprintf(stderr, "clone failed\n");
            exit(1);
        }
        niact_game_free(c);
    }
    double clone = (cpu_us() - t0) / (N / 4);
    printf("| %4d | %7.3f | %7.3f |\n", made, copy, clone);
}

int main(void) {
    niact_track_def tracks[1] = {{.meta = M("x"), .min = 0, .max = 10,
                                  .vis = {NIACT_VIS_TRUE, NIACT_VIS_TRUE, NIACT_VIS_TRUE}}};
    niact_term_def terms[2] = {{.meta = M("t0"), .givers = 7, .window = 500, .param_name = ""},
                               {.meta = M("t1"), .givers = 7, .window = 500, .param_name = ""}};
    niact_scenario sc = {.meta = M("s"), .start_date = "1962-11-01", .days_per_turn = 1,
                         .turns = 240, .n_roles = 3, .n_tracks = 1, .tracks = tracks,
                         .n_terms = 2, .terms = terms};
    sc.negotiation.proposals_per_turn = 1;
    sc.negotiation.expiry = 1;
    for (int r = 0; r < 3; r++)
        sc.roles[r] = (niact_role_def){M(r == 0 ? "a" : r == 1 ? "b" : "c"), 2, "", NULL};
    niact_game *g, *work;
    char msg[256];
    if (niact_game_new(&sc, NULL, 1, &g, msg, sizeof msg) != NIACT_OK ||
        niact_game_new(&sc, NULL, 2, &work, msg, sizeof msg) != NIACT_OK) {
        fprintf(stderr, "new game: %s\n", msg);
        return 1;
    }
    niact_game_set_quiet(work, 1);
    printf("| proposals | copy (us) | clone + free (us) |\n|---|---|---|\n");
    static const int at[] = {0, 48, 96, 360, 720};
    int made = 0, next = 0;
    while (next < 5) {
        if (made == at[next]) {
            measure(g, work, made);
            next++;
            continue;
        }
        for (int r = 0; r < 3; r++) {
            niact_term_item items[2] = {{0, (int16_t)r, 0}, {1, (int16_t)((r + 1) % 3), 0}};
            int32_t id;
            if (niact_game_propose(g, r, 1u << ((r + 1) % 3), 0, items, 1, 0, &id) != NIACT_OK ||
                niact_game_answer(g, (r + 1) % 3, id, 1) != NIACT_OK) {
                printf("(proposal %d refused: %s)\n", made + 1, niact_game_error(g));
                return 0;
            }
            made++;
        }
        if (niact_game_resolve(g) != NIACT_OK) {
            fprintf(stderr, "resolve: %s\n", niact_game_error(g));
            return 1;
        }
    }
    niact_game_free(work);
    niact_game_free(g);
    return 0;
}
