/* niact check: validate a scenario. Loading reports every declaration problem; then a
 * few seeded games with random orders look for errors at play, and the same seed is
 * played twice to catch state kept outside the game. */
#include "cli.h"

#include <string.h>
#include <sys/stat.h>

#define CHECK_GAMES 5

/* Prints a runtime error "Scenario error in WHAT (its effect was voided): FILE:LINE: msg"
 * (and a quoted line) as "DIR/FILE:LINE: msg (in WHAT)". */
static void print_runtime(const char *dir, const char *text) {
    const char *p = strstr(text, "Scenario error in ");
    const char *sep = p ? strstr(p, " (its effect was voided): ") : NULL;
    if (!p || !sep) {
        printf("%s/scenario.lua: %s\n", dir, text);
        return;
    }
    const char *what = p + strlen("Scenario error in ");
    int wl = (int)(sep - what);
    const char *rest = sep + strlen(" (its effect was voided): ");
    const char *nl = strchr(rest, '\n');
    int first = nl ? (int)(nl - rest) : (int)strlen(rest);
    const char *colon = memchr(rest, ':', (size_t)first);
    if (colon && rest[0] != '(' && colon[1] >= '0' && colon[1] <= '9')
        printf("%s/%.*s (in %.*s)\n", dir, first, rest, wl, what);
    else
        printf("%s/scenario.lua: %.*s (in %.*s)\n", dir, first, rest, wl, what);
    if (nl)
        printf("%s\n", nl + 1);
}

static int play_game(niact_host *h, uint64_t seed, uint64_t *hashes, int max, int *turns,
                     const char *dir, int report) {
    niact_session *s = NULL;
    char msg[2048];
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    for (int r = 0; r < NIACT_MAX_ROLES; r++)
        seats[r].kind = NIACT_SEAT_AI;
    if (niact_session_new(h, seed, seats, &s, msg, sizeof msg) != NIACT_OK) {
        printf("%s/scenario.lua: the game cannot start: %s\n", dir, msg);
        return 1;
    }
    int problems = 0;
    if (niact_session_play_out(s) != NIACT_OK) {
        printf("%s/scenario.lua: %s\n", dir, niact_session_error(s));
        problems++;
    }
    niact_game *g = niact_session_game(s);
    size_t cur = 0;
    niact_log_entry e;
    while (report && niact_game_log_next(g, -1, &cur, &e))
        if (e.kind == NIACT_LOG_ERROR) {
            print_runtime(dir, e.text);
            problems++;
        }
    *turns = niact_game_turn(g);
    for (int t = 0; t <= *turns && t < max; t++)
        niact_game_turn_hash(g, t, &hashes[t]);
    niact_session_free(s);
    return problems;
}

int cli_check(int argc, char **argv) {
    if (argc != 2 || argv[1][0] == '-') {
        fprintf(stderr, "usage: niact check DIR|FILE\n");
        return CLI_USAGE;
    }
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", argv[1]);
    struct stat stt;
    if (stat(dir, &stt) == 0 && S_ISREG(stt.st_mode)) { /* a file: check its folder */
        char *slash = strrchr(dir, '/');
        if (slash)
            *slash = 0;
        else
            snprintf(dir, sizeof dir, ".");
    }
    niact_host *h = cli_load(dir, stdout);
    if (!h)
        return CLI_BAD_INPUT;
    const niact_scenario *sc = niact_host_scenario(h);
    int problems = 0;
    uint64_t a[512], b[512];
    int ta = 0, tb = 0;
    for (uint64_t seed = 1; seed <= CHECK_GAMES; seed++)
        problems += play_game(h, seed, a, 512, &ta, dir, 1);
    /* The same seed again, after other games ran in this Lua state. */
    play_game(h, 1, b, 512, &tb, dir, 0);
    niact_host *fresh = cli_load(dir, stdout);
    if (fresh) {
        play_game(fresh, 1, a, 512, &ta, dir, 0);
        int n = ta < 512 ? ta : 511;
        for (int t = 0; t <= n; t++)
            if (ta != tb || a[t] != b[t]) {
                printf("%s/scenario.lua: the same seed played twice gave different games "
                       "(from turn %d): the scenario keeps state outside its declared tracks "
                       "(in Lua upvalues or tables changed during play)\n", dir, t + 1);
                problems++;
                break;
            }
        niact_host_free(fresh);
    }
    if (problems == 0)
        printf("%s: ok (%d roles, %d tracks, %d actions, %d events, %d objectives, %d terms; "
               "%d test games clean)\n",
               sc->meta.id, sc->n_roles, sc->n_tracks, sc->n_actions, sc->n_events,
               sc->n_objectives, sc->n_terms, CHECK_GAMES);
    niact_host_free(h);
    return problems ? CLI_BAD_INPUT : CLI_OK;
}
