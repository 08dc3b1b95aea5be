/* bench_limits: how long the sandbox takes to stop hostile callbacks (a runaway loop,
 * a gigabyte string, a memory bomb in a loop, a catastrophic pattern, pcall-swallowing,
 * a looping message handler, C calls doing unbounded work, long-string comparisons,
 * growing vararg lists), each in a real scenario, and hostile loads (lying lengths,
 * huge declaration counts, one long text shared by many declarations), and that the
 * process carries on. Not a test: it prints tables of wall-clock and CPU times (median
 * of 5) for docs/performance.md. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
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

static double cpu(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec +
           u.ru_stime.tv_usec / 1e6;
}

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Seconds from ordering the action to the end of the turn's resolution (median of 5);
 * *err gets the first 60 characters of the error logged. */
static double measure(const char *body, char *err, size_t len, double *cpu_med) {
    double t[5], c[5];
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
        double t0 = now(), c0 = cpu();
        niact_session_resolve(s);
        t[i] = now() - t0;
        c[i] = cpu() - c0;
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
    qsort(c, 5, sizeof *c, cmp);
    *cpu_med = c[2];
    return t[2];
}

/* Seconds to load (and refuse) a scenario.lua of the given text, median of 5; *err gets
 * the first problem. */
static double measure_load(const char *text, char *err, size_t len, double *cpu_med) {
    char *dir = strdup("/tmp/niact-bench-XXXXXX");
    if (!dir || !mkdtemp(dir))
        return -1;
    char path[256];
    snprintf(path, sizeof path, "%s/scenario.lua", dir);
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs(text, f);
    fclose(f);
    double t[5], c[5];
    for (int i = 0; i < 5; i++) {
        niact_host *h = NULL;
        char msg[4096];
        double t0 = now(), c0 = cpu();
        niact_status st = niact_host_load(dir, NULL, NULL, &h, msg, sizeof msg);
        t[i] = now() - t0;
        c[i] = cpu() - c0;
        const char *colon = strstr(msg, ": ");
        snprintf(err, len, "%s", st == NIACT_OK ? "(loaded)" : colon ? colon + 2 : msg);
        niact_host_free(h);
    }
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(dir);
    qsort(t, 5, sizeof *t, cmp);
    qsort(c, 5, sizeof *c, cmp);
    *cpu_med = c[2];
    return t[2];
}

#define HEAD "return niact.scenario{ name='X', calendar={start='1962-11-01', days_per_turn=1, " \
             "turns=3},\n roles = { niact.role{id='us'} }, "

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
        {"xpcall whose handler loops",
         "while true do xpcall(function() while true do end end, function() while true do end "
         "end) end"},
        {"string.rep('', math.maxinteger)", "local s = string.rep('', math.maxinteger)"},
        {"utf8.len of 4 MiB, again and again",
         "local s = ('x'):rep(1 << 22) for i = 1, 1e9 do local n = utf8.len(s) end"},
        {"tonumber of 4 MiB, again and again",
         "local s = (' '):rep(1 << 22) .. '7' for i = 1, 1e9 do local n = tonumber(s) end"},
        {"select('#', table.unpack(60,000))",
         "local t = {} for i = 1, 60000 do t[i] = i end\n"
         "for i = 1, 1e9 do local n = select('#', table.unpack(t)) end"},
        {"table.insert with a __len of 10^15",
         "local t = setmetatable({}, {__len = function() return 1e15 end}) table.insert(t, 1, 0)"},
        {"pairs over 2,000 keys of 5 KB",
         "local t = {} for i = 1, 2000 do t[('k'):rep(5000) .. i] = i end\n"
         "for i = 1, 1e9 do for k in pairs(t) do break end end"},
        {"comparing two 16 MiB strings",
         "local a, b = ('x'):rep(1 << 24), ('x'):rep(1 << 24) for i = 1, 1e9 do local c = a == b "
         "end"},
        {"comparing two 16 KiB strings",
         "local a, b = ('x'):rep(1 << 14), ('x'):rep(1 << 14) for i = 1, 1e9 do local c = a < b "
         "end"},
        {"a vararg list grown by tail calls", "local function g(...) return g(1, ...) end g()"},
    };
    printf("| hostile callback | stopped after (median of 5) | CPU | error |\n|---|---|---|---|\n");
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char err[200] = "";
        double c = 0, s = measure(cases[i].body, err, sizeof err, &c);
        char *nl = strchr(err, '\n');
        if (nl)
            *nl = 0;
        printf("| %s | %.3f s | %.3f s | %.70s |\n", cases[i].what, s, c, err);
    }
    static const struct {
        const char *what, *text;
    } loads[] = {
        {"the same loop at load", "while true do end"},
        {"a looping xpcall handler at load",
         "while true do xpcall(function() while true do end end, function() while true do end "
         "end) end"},
        {"labels whose __len claims 10^9",
         HEAD "tracks = { niact.track{id='t', min=0, max=2, labels = setmetatable({}, "
         "{__len = function() return 1e9 end})} } }"},
        {"300,000 personalities",
         "local p = {} for i = 1, 300000 do p['p' .. i] = { us = function() end } end\n" HEAD
         "tracks = {}, personalities = p }"},
        {"40 actions sharing one 1 MiB text",
         "local text = ('x'):rep(1 << 20) local a = {} for i = 1, 40 do a[i] = niact.action{"
         " id = 'a' .. i, roles = {'us'}, text = text, resolve = function() end } end\n" HEAD
         "tracks = {}, actions = a }"},
        {"comparing two 16 MiB strings at load",
         "local a, b = ('x'):rep(1 << 24), ('x'):rep(1 << 24) for i = 1, 1e9 do local c = a == b "
         "end"},
    };
    printf("\n| hostile load | refused after (median of 5) | CPU | first problem |\n"
           "|---|---|---|---|\n");
    for (size_t i = 0; i < sizeof loads / sizeof *loads; i++) {
        char err[300] = "";
        double c = 0, s = measure_load(loads[i].text, err, sizeof err, &c);
        char *nl = strchr(err, '\n');
        if (nl)
            *nl = 0;
        printf("| %s | %.3f s | %.3f s | %.70s |\n", loads[i].what, s, c, err);
    }
    return 0;
}
