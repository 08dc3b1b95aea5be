/* libFuzzer target: the scenario loader's checks of declarations and the callbacks. The
 * input is a scenario.lua placed beside the modules of both bundled scenarios
 * (testland's helpers.lua and november1962's files, so that either one's scenario.lua
 * as a seed loads and its mutants reach the callbacks), with the shared lib, loaded into
 * the sandbox with small limits; a scenario that loads plays two turns with AI seats
 * (random orders), then every personality it declares answers for its roles.
 * Any input must load or be refused with a message; never a crash or a hang.
 * Run: tests/fuzz/run.sh (docs/records.md). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "niact/session.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64] = "/tmp/niact-fuzz-XXXXXX";
static char lua[128];

static void copy_file(const char *from, const char *to) {
    char buf[1 << 16];
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    if (!in || !out)
        abort();
    size_t n = fread(buf, 1, sizeof buf, in);
    fwrite(buf, 1, n, out);
    fclose(in);
    fclose(out);
}

/* Copies every .lua file of `from` but its scenario.lua into the fuzzing folder. */
static void copy_modules(const char *from) {
    DIR *d = opendir(from);
    if (!d)
        abort();
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".lua") != 0 ||
            strcmp(e->d_name, "scenario.lua") == 0)
            continue;
        char src[4200], dst[4200];
        snprintf(src, sizeof src, "%s/%s", from, e->d_name);
        snprintf(dst, sizeof dst, "%s/%s", dir, e->d_name);
        copy_file(src, dst);
    }
    closedir(d);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    if (!mkdtemp(dir))
        abort();
    copy_modules(NIACT_TEST_DIR "/scenarios/testland");
    copy_modules(NIACT_SCRIPTS_DIR "/scenarios/november1962");
    snprintf(lua, sizeof lua, "%s/scenario.lua", dir);
    return 0;
}

static void play_two_turns(niact_host *h) {
    niact_session *s = NULL;
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        seats[r].kind = NIACT_SEAT_AI;
    if (niact_session_new(h, 1, seats, &s, NULL, 0) != NIACT_OK)
        return;
    for (int t = 0; t < 2 && niact_game_phase(niact_session_game(s)) != NIACT_PHASE_ENDED; t++)
        if (niact_session_resolve(s) != NIACT_OK)
            break;
    const niact_scenario *sc = niact_host_scenario(h);
    for (int p = 0; p < sc->n_personalities; p++)
        for (int r = 0; r < sc->n_roles; r++) {
            niact_order os[NIACT_MAX_ORDERS];
            int n = 0;
            niact_host_personality(h, niact_session_game(s), sc->personalities[p], r, os,
                                   NIACT_MAX_ORDERS, &n);
            if (n < 0 || n > NIACT_MAX_ORDERS)
                abort();
        }
    niact_session_free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FILE *f = fopen(lua, "wb");
    if (!f)
        abort();
    fwrite(data, 1, size, f);
    fclose(f);
    niact_limits lim = {200000, 2000000, 32u << 20, 64u << 20};
    niact_host *h = NULL;
    char msg[8192];
    niact_status st = niact_host_load(dir, NIACT_SCRIPTS_DIR "/lib", &lim, &h, msg, sizeof msg);
    if (st != NIACT_OK) {
        if (h || (!msg[0] && st != NIACT_ERR_NOMEM)) {
            fprintf(stderr, "refused without a message, or half loaded (%d)\n", st);
            abort();
        }
        return 0;
    }
    play_two_turns(h);
    niact_host_free(h);
    return 0;
}
