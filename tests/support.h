/* Helpers shared by the tests: temporary scenario folders, loading, running. */
#ifndef NIACT_TEST_SUPPORT_H
#define NIACT_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "niact/script.h"
#include "niact/session.h"

/* Writes `text` to DIR/NAME. */
static inline void ts_write(const char *dir, const char *name, const char *text) {
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* A fresh temporary folder; the caller frees the string. */
static inline char *ts_tempdir(void) {
    char *t = strdup("/tmp/niact-test-XXXXXX");
    if (t && !mkdtemp(t)) {
        free(t);
        return NULL;
    }
    return t;
}

/* Removes a temporary folder and the files in it (one level). */
static inline void ts_rmdir(char *dir) {
    if (!dir)
        return;
    char cmd[4300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(dir);
}

/* A one-role scenario whose action `act` runs BODY (Lua statements, with `state`
 * in scope) and whose track `x` (0..1000) it may change. PRELUDE goes at the top of
 * the file. */
static inline char *ts_scenario(const char *prelude, const char *body) {
    char *dir = ts_tempdir();
    if (!dir)
        return NULL;
    size_t n = strlen(prelude) + strlen(body) + 2048;
    char *text = malloc(n);
    snprintf(text, n,
             "%s\n"
             "return niact.scenario{\n"
             "  name = 'Snippet', calendar = { start = '1962-11-01', days_per_turn = 1, turns = 3 },\n"
             "  roles = { niact.role{ id = 'us', name = 'Us' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 1000, initial = 0 } },\n"
             "  actions = { niact.action{ id = 'act', roles = { 'us' }, cost = 1,\n"
             "    resolve = function(state, role, param)\n%s\n    end } },\n"
             "}\n",
             prelude, body);
    ts_write(dir, "scenario.lua", text);
    free(text);
    return dir;
}

/* Loads a scenario folder (libdir: the repository's scripts/lib). */
static inline niact_status ts_load(const char *dir, niact_host **h, char *msg, size_t len) {
    return niact_host_load(dir, NIACT_SCRIPTS_DIR "/lib", NULL, h, msg, len);
}

/* The text of the last log entry of a kind (any audience), or "" (ended games too). */
static inline const char *ts_last_log(niact_game *g, int role, niact_log_kind kind) {
    size_t cur = 0;
    niact_log_entry e;
    const char *last = "";
    while (niact_game_log_next(g, role, &cur, &e))
        if (e.kind == kind)
            last = e.text;
    return last;
}

#endif
