/* bench_limits: how long the sandbox takes to stop hostile callbacks (a runaway loop,
 * a gigabyte string, a memory bomb in a loop, a catastrophic pattern, pcall-swallowing),
 * each in a real scenario, and that the process carries on. Not a test: it prints a
 * table of wall-clock times (median of 5) for docs/performance.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "niact/session.h"

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Writes a one-role scenario whose only action runs `body`; returns its folder. */
static char *scenario(const char *body) {
    char *dir = strdup("/tmp/niact-bench-XXXXXX");
    if (!dir || !mkdtemp(dir))
        return NULL;
    char path[256];
    snprintf(path, sizeof path, "%s/scenario.lua", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return NULL;
    fprintf(f,
            "return niact.scenario{ name = 'Bench', calendar = { start = '1962-11-01',"
            " days_per_turn = 1, turns = 2 },\n"
            "  roles = { niact.role{ id = 'us' } }, tracks = { niact.track{ id = 'x' } },\n"
            "  actions = { niact.action{ id = 'act', roles = { 'us' },\n"
            "    resolve = function(state)\n%s\n    end } } }\n",
            body);
    fclose(f);
    return dir;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Seconds from ordering the action to the end of the turn's resolution (median of 5);
 * *err gets the first 60 characters of the error logged. */
static double measure(const char *body, char *err, size_t len) {
    double t[5];
    char *dir = scenario(body);
    niact_host *h = NULL;
    char msg[2048];
    if (!dir || niact_host_load(dir, NULL, NULL, &h, msg, sizeof msg) != NIACT_OK) {
        snprintf(err, len, "load failed: %.60s", msg);
        return -1;
    }
    for (int i = 0; i < 5; i++) {
        niact_session *s = NULL;
        niact_session_new(h, 1, NULL, &s, msg, sizeof msg);
        niact_order o = {0, 0, 0};
        niact_session_submit(s, 0, &o, 1);
        double t0 = now();
        niact_session_resolve(s);
        t[i] = now() - t0;
        size_t cur = 0;
        niact_log_entry e;
        while (niact_game_log_next(niact_session_game(s), 0, &cur, &e))
            if (e.kind == NIACT_LOG_ERROR)
                snprintf(err, len, "%s", strstr(e.text, "): ") ? strstr(e.text, "): ") + 3
                                                                 : e.text);
        niact_session_free(s);
    }
    niact_host_free(h);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(dir);
    qsort(t, 5, sizeof *t, cmp);
    return t[2];
}

int main(void) {
    static const struct {
        const char *what, *body;
    } cases[] = {
        {"while true do end", "while true do end"},
        {"pcall swallowing the limit", "while true do pcall(function() while true do end end) end"},
        {"a gigabyte string", "local s = string.rep('x', 1 << 30)"},
        {"strings doubling in a loop", "local s = 'x' while true do s = s .. s end"},
        {"16 MiB strings in a loop", "for i = 1, 1e9 do local s = string.rep('y', 1 << 24) end"},
        {"catastrophic pattern", "local s = string.rep('a', 200000) s:find('.-.-.-.-.-b')"},
        {"pairs over a big table, again and again",
         "local t = {} for i = 1, 500000 do t[i] = i end\n"
         "for i = 1, 1e9 do for k in pairs(t) do break end end"},
        {"table.insert at the front", "local t = {} for i = 1, 1e9 do table.insert(t, 1, i) end"},
    };
    printf("| hostile callback | stopped after (median of 5) | error |\n|---|---|---|\n");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char err[200] = "";
        double s = measure(cases[i].body, err, sizeof err);
        char *nl = strchr(err, '\n');
        if (nl)
            *nl = 0;
        printf("| %s | %.3f s | %.70s |\n", cases[i].what, s, err);
    }
    return 0;
}
