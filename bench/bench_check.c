/* bench_check: how long `niact check` takes to play a bundled scenario (every
 * personality in its seats, each seat's options every turn), for a few --seeds values.
 * Not a test: it prints a table of wall-clock times (median of 5) for
 * docs/performance.md. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "niact/check.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(void) {
    const char *names[] = {"november1962", "october1962"};
    const int seeds[] = {1, 10, 50};
    printf("| scenario | --seeds | games | turns | seats' options asked | findings | wall (median of 5) |\n");
    printf("|---|---|---|---|---|---|---|\n");
    for (size_t n = 0; n < sizeof names / sizeof *names; n++)
        for (size_t k = 0; k < sizeof seeds / sizeof *seeds; k++) {
            double t[5];
            niact_check_summary sum;
            size_t found = 0;
            for (int i = 0; i < 5; i++) {
                niact_findings *f = niact_findings_new();
                niact_check_options opt = {.seeds = seeds[k]};
                char msg[4096];
                double t0 = now();
                if (!f || niact_check_run(names[n], &opt, f, &sum, msg, sizeof msg) != NIACT_OK) {
                    fprintf(stderr, "bench_check: %s: %s\n", names[n], msg);
                    niact_findings_free(f);
                    return 1;
                }
                t[i] = now() - t0;
                found = niact_findings_count(f);
                niact_findings_free(f);
            }
            qsort(t, 5, sizeof *t, cmp);
            printf("| %s | %d | %d | %lld | %lld | %zu | %.3f s |\n", names[n], seeds[k],
                   sum.games, (long long)sum.turns, (long long)sum.options, found, t[2]);
        }
    return 0;
}
