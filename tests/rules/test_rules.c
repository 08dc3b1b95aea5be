/* Scenario rule cases, in the spirit of Diplomacy's DATC: each case sets up a starting
 * state, gives orders, resolves through the real Lua rules and checks the result. By
 * default the November 1962 cases in tests/rules/cases (files ending .case), one cmocka
 * test each; `test_rules SCENARIO_DIR CASES_DIR` runs another scenario's cases (October
 * 1962: tests/october1962/cases). The format is described in tests/rules/cases/README.md. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "niact/negotiation.h"
#include "niact/rules.h"
#include "niact/script.h"

#define MAX_CASES 512
#define MAX_LINES 64

typedef struct rcase {
    char name[96];
    char file[128];
    int line;                  /* line of `case` */
    int n;                     /* statements */
    char *stmt[MAX_LINES];
    int stmt_line[MAX_LINES];
} rcase;

static niact_host *host;
static rcase cases[MAX_CASES];
static int n_cases;

/* ---- reading case files ---- */

static char *trim(char *s) {
    while (*s == ' ' || *s == '\t') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ')) s[--n] = 0;
    return s;
}

static int read_file(const char *dir, const char *fname) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, fname);
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char buf[1024];
    int ln = 0;
    rcase *c = NULL;
    while (fgets(buf, sizeof buf, f)) {
        ln++;
        char *s = trim(buf);
        if (!*s || *s == '#') continue;
        if (!strncmp(s, "case ", 5)) {
            if (n_cases >= MAX_CASES) break;
            c = &cases[n_cases++];
            snprintf(c->name, sizeof c->name, "%s", trim(s + 5));
            snprintf(c->file, sizeof c->file, "%s", fname);
            c->line = ln;
            continue;
        }
        if (!c || c->n >= MAX_LINES) {
            fprintf(stderr, "%s:%d: statement outside a case or case too long\n", fname, ln);
            fclose(f);
            return -1;
        }
        c->stmt[c->n] = strdup(s);
        c->stmt_line[c->n++] = ln;
    }
    fclose(f);
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b) {
    return strcmp((*a)->d_name, (*b)->d_name);
}

static int load_cases(const char *dir) {
    struct dirent **list;
    int n = scandir(dir, &list, NULL, by_name);
    if (n < 0) return -1;
    int rc = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(list[i]->d_name);
        if (len > 5 && !strcmp(list[i]->d_name + len - 5, ".case") &&
            read_file(dir, list[i]->d_name) != 0)
            rc = -1;
        free(list[i]);
    }
    free(list);
    return rc;
}

/* ---- running a case ---- */

typedef struct run {
    niact_game *g;
    const niact_scenario *sc;
    niact_order orders[NIACT_MAX_ROLES][NIACT_MAX_ORDERS];
    int n_orders[NIACT_MAX_ROLES];
    int submitted[NIACT_MAX_ROLES];
    size_t log_from;           /* log entries of the last resolution start here */
    char err[512];
} run;

static int bad(run *r, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(r->err, sizeof r->err, fmt, ap);
    va_end(ap);
    return -1;
}

/* "action[:param]" for role into *o. */
static int parse_order(run *r, int role, const char *tok, niact_order *o) {
    char id[64];
    snprintf(id, sizeof id, "%s", tok);
    char *colon = strchr(id, ':');
    if (colon) *colon = 0;
    int a = niact_scenario_action(r->sc, id);
    if (a < 0) return bad(r, "no action '%s'", id);
    o->role = (int16_t)role;
    o->action = (int16_t)a;
    o->param = colon ? atoi(colon + 1) : r->sc->actions[a].param_default;
    return 0;
}

static int submit_all(run *r) {
    for (int role = 0; role < r->sc->n_roles; role++) {
        if (!r->submitted[role]) continue;
        if (niact_game_submit(r->g, role, r->orders[role], r->n_orders[role]) != NIACT_OK)
            return bad(r, "orders of %s refused: %s", r->sc->roles[role].meta.id,
                        niact_game_error(r->g));
    }
    return 0;
}

static int resolve(run *r) {
    if (submit_all(r) != 0) return -1;
    r->log_from = niact_game_log_size(r->g);
    if (niact_game_resolve(r->g) != NIACT_OK)
        return bad(r, "resolve failed: %s", niact_game_error(r->g));
    memset(r->n_orders, 0, sizeof r->n_orders);
    memset(r->submitted, 0, sizeof r->submitted);
    /* a scenario error is always a failure */
    size_t cur = r->log_from;
    niact_log_entry e;
    for (int role = 0; role < r->sc->n_roles; role++) {
        cur = r->log_from;
        while (niact_game_log_next(r->g, role, &cur, &e))
            if (e.kind == NIACT_LOG_ERROR) return bad(r, "scenario error: %s", e.text);
    }
    return 0;
}

static int set_tracks(run *r, char *args) {
    for (char *tok = strtok(args, " "); tok; tok = strtok(NULL, " ")) {
        char *eq = strchr(tok, '=');
        if (!eq) return bad(r, "set needs track=value, got '%s'", tok);
        *eq = 0;
        int t = niact_scenario_track(r->sc, tok);
        if (t < 0) return bad(r, "no track '%s'", tok);
        niact_rules_set(r->g, t, atoi(eq + 1));
    }
    return 0;
}

/* The value a condition's left side names: track, est.ROLE.track, err.ROLE.track,
 * obj.OBJECTIVE, score.ROLE. */
static int lhs_value(run *r, const char *name, int32_t *v) {
    char buf[128];
    snprintf(buf, sizeof buf, "%s", name);
    if (!strncmp(buf, "est.", 4) || !strncmp(buf, "err.", 4)) {
        char *dot = strchr(buf + 4, '.');
        if (!dot) return bad(r, "bad '%s'", name);
        *dot = 0;
        int role = niact_scenario_role(r->sc, buf + 4), t = niact_scenario_track(r->sc, dot + 1);
        if (role < 0 || t < 0) return bad(r, "bad '%s'", name);
        int32_t err;
        int32_t est = niact_rules_estimate(r->g, role, t, &err);
        *v = buf[1] == 's' ? est : err;
        return 0;
    }
    if (!strncmp(buf, "score.", 6)) {
        int role = niact_scenario_role(r->sc, buf + 6);
        if (role < 0) return bad(r, "bad '%s'", name);
        return niact_game_score(r->g, role, role, v) == NIACT_OK ? 0 : bad(r, "no score");
    }
    if (!strncmp(buf, "obj.", 4)) {
        for (int o = 0; o < r->sc->n_objectives; o++)
            if (!strcmp(r->sc->objectives[o].meta.id, buf + 4))
                return niact_game_objective_score(r->g, r->sc->objectives[o].role, o, v) ==
                               NIACT_OK ? 0 : bad(r, "no objective score");
        return bad(r, "no objective '%s'", buf + 4);
    }
    if (!strncmp(buf, "trust.", 6)) {
        int role = niact_scenario_role(r->sc, buf + 6);
        if (role < 0) return bad(r, "bad '%s'", name);
        *v = niact_game_trust(r->g, role);
        return 0;
    }
    if (!strncmp(buf, "commit.", 7)) {
        /* the first commitment on that term: 0 pending, 1 kept, 2 broken; -1 none */
        int term = niact_scenario_term(r->sc, buf + 7);
        if (term < 0) return bad(r, "no term '%s'", buf + 7);
        *v = -1;
        for (int role = 0; role < r->sc->n_roles && *v < 0; role++) {
            const niact_commitment *c;
            for (int i = 0; (c = niact_game_commitment(r->g, role, i)) != NULL; i++)
                if (c->item.term == term) {
                    *v = (int32_t)c->status;
                    break;
                }
        }
        return 0;
    }
    if (!strcmp(buf, "turn")) {
        *v = niact_game_turn(r->g) + 1;
        return 0;
    }
    if (!strncmp(buf, "fired.", 6)) {
        int e = niact_scenario_event(r->sc, buf + 6);
        if (e < 0) return bad(r, "no event '%s'", buf + 6);
        *v = niact_rules_fired(r->g, e);
        return 0;
    }
    int t = niact_scenario_track(r->sc, buf);
    if (t < 0) return bad(r, "no track '%s'", buf);
    *v = niact_rules_get(r->g, t);
    return 0;
}

/* The game's outcome by its id: the scenario's own (`outcomes`), "none" while running. */
static const char *outcome_id(run *r) {
    niact_outcome o = niact_game_outcome(r->g);
    return o == NIACT_OUTCOME_NONE ? "none" : niact_scenario_outcome(r->sc, o).id;
}

/* One condition: returns 1 true, 0 false, -1 error. */
static int cond(run *r, const char *c) {
    static const char *const ops[] = {">=", "<=", "!=", "=", ">", "<"};
    for (int k = 0; k < 6; k++) {
        const char *p = strstr(c, ops[k]);
        if (!p) continue;
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(p - c), c);
        const char *rhs = p + strlen(ops[k]);
        if (!strcmp(name, "outcome")) {
            const char *now = outcome_id(r);
            int eq = !strcmp(now, rhs);
            if (k == 2) return !eq;
            if (k == 3) return eq;
            return bad(r, "outcome takes = or !=");
        }
        int32_t v;
        if (lhs_value(r, name, &v) != 0) return -1;
        int32_t w;
        if (rhs[0] && ((rhs[0] >= '0' && rhs[0] <= '9') || rhs[0] == '-'))
            w = atoi(rhs);
        else if (lhs_value(r, rhs, &w) != 0)
            return -1;
        switch (k) {
        case 0: return v >= w;
        case 1: return v <= w;
        case 2: return v != w;
        case 3: return v == w;
        case 4: return v > w;
        default: return v < w;
        }
    }
    return bad(r, "no operator in '%s'", c);
}

/* Entries of the last resolution (and the news opening the next turn) that contain
 * text, each counted once whoever may read it; *first gets the position of the first
 * (SIZE_MAX if none). */
static int news_count(run *r, const char *text, size_t *first) {
    size_t seen[256];
    int n = 0;
    *first = SIZE_MAX;
    for (int role = 0; role < r->sc->n_roles; role++) {
        size_t cur = r->log_from, at = cur;
        niact_log_entry e;
        while (niact_game_log_next(r->g, role, &cur, &e)) {
            if (strstr(e.text, text)) {
                int dup = 0;
                for (int k = 0; k < n; k++) dup |= seen[k] == at;
                if (!dup && n < 256) seen[n++] = at;
                if (at < *first) *first = at;
            }
            at = cur;
        }
    }
    return n;
}

static int news(run *r, const char *text) {
    size_t first;
    return news_count(r, text, &first) > 0;
}

/* Runs the case once with a seed. hits[i] counts `sometimes` statement i holding. */
static int run_case(const rcase *c, uint64_t seed, int *hits, char *err, size_t errlen) {
    run r;
    memset(&r, 0, sizeof r);
    r.sc = niact_host_scenario(host);
    char msg[512];
    if (niact_game_new(r.sc, niact_host_rules(host), seed, &r.g, msg, sizeof msg) != NIACT_OK) {
        snprintf(err, errlen, "new game: %s", msg);
        return -1;
    }
    int rc = 0;
    char keep[1024] = ""; /* the `set` line re-applied while skipping turns */
    for (int i = 0; i < c->n && rc == 0; i++) {
        char line[1024];
        snprintf(line, sizeof line, "%s", c->stmt[i]);
        char *sp = strchr(line, ' ');
        char *args = sp ? (*sp = 0, trim(sp + 1)) : line + strlen(line);
        const char *kw = line;
        if (!strcmp(kw, "source") || !strcmp(kw, "seeds")) {
            continue;
        } else if (!strcmp(kw, "set")) {
            snprintf(keep, sizeof keep, "%s", args);
            rc = set_tracks(&r, args);
        } else if (!strcmp(kw, "turn")) {
            /* skip to the turn, holding the preceding `set` (and the ladder) steady */
            int want = atoi(args), ten = niact_scenario_track(r.sc, "tension");
            int32_t hold = ten >= 0 ? niact_rules_get(r.g, ten) : 0;
            while (rc == 0 && niact_game_turn(r.g) + 1 < want) {
                if (niact_game_phase(r.g) == NIACT_PHASE_ENDED) {
                    rc = bad(&r, "the game ended before turn %d", want);
                } else if ((rc = resolve(&r)) == 0) {
                    char tmp[1024];
                    snprintf(tmp, sizeof tmp, "%s", keep);
                    if (ten >= 0) niact_rules_set(r.g, ten, hold);
                    rc = set_tracks(&r, tmp);
                }
            }
        } else if (!strcmp(kw, "estimate")) {
            /* estimate ROLE track=value/error */
            char role[32], track[64];
            int v, e;
            if (sscanf(args, "%31s %63[^=]=%d/%d", role, track, &v, &e) != 4)
                rc = bad(&r, "estimate ROLE track=value/error");
            else {
                int ro = niact_scenario_role(r.sc, role), t = niact_scenario_track(r.sc, track);
                if (ro < 0 || t < 0) rc = bad(&r, "bad estimate '%s'", args);
                else niact_rules_set_estimate(r.g, ro, t, v, e);
            }
        } else if (!strcmp(kw, "orders") || !strcmp(kw, "illegal") || !strcmp(kw, "legal")) {
            char *tok = strtok(args, " ");
            int role = tok ? niact_scenario_role(r.sc, tok) : -1;
            if (role < 0) { rc = bad(&r, "%s needs a role", kw); break; }
            if (!strcmp(kw, "orders")) r.submitted[role] = 1;
            for (tok = strtok(NULL, " "); tok && rc == 0; tok = strtok(NULL, " ")) {
                niact_order o;
                if ((rc = parse_order(&r, role, tok, &o)) != 0) break;
                if (!strcmp(kw, "orders")) {
                    r.orders[role][r.n_orders[role]++] = o;
                } else {
                    int ok = 0;
                    char why[256];
                    niact_game_order_legal(r.g, &o, &ok, why, sizeof why);
                    if (ok != !strcmp(kw, "legal"))
                        rc = bad(&r, "'%s' for %s should be %s", tok,
                                  r.sc->roles[role].meta.id, kw);
                }
            }
        } else if (!strcmp(kw, "agree") || !strcmp(kw, "unproposable")) {
            /* agree FROM TO item... [public]: FROM proposes, TO accepts at once;
             * unproposable FROM TO item... [public]: the proposal must be refused.
             * An item is term[:param][@giver]; the proposal is secret unless `public`. */
            int agree = !strcmp(kw, "agree");
            char *tok = strtok(args, " ");
            int from = tok ? niact_scenario_role(r.sc, tok) : -1;
            tok = strtok(NULL, " ");
            int to = tok ? niact_scenario_role(r.sc, tok) : -1;
            if (from < 0 || to < 0) { rc = bad(&r, "%s FROM TO term[:param][@giver] ...", kw); break; }
            niact_term_item items[NIACT_MAX_TERMS];
            int n = 0, public_ = 0;
            for (tok = strtok(NULL, " "); tok && n < NIACT_MAX_TERMS && rc == 0;
                 tok = strtok(NULL, " ")) {
                if (!strcmp(tok, "public")) { public_ = 1; continue; }
                char id[64];
                snprintf(id, sizeof id, "%s", tok);
                char *at = strchr(id, '@');
                if (at) *at++ = 0;
                char *colon = strchr(id, ':');
                if (colon) *colon = 0;
                int t = niact_scenario_term(r.sc, id);
                if (t < 0) { rc = bad(&r, "no term '%s'", id); break; }
                int giver = at ? niact_scenario_role(r.sc, at) : -1;
                if (at && giver < 0) { rc = bad(&r, "no role '%s'", at); break; }
                items[n].term = (int16_t)t;
                items[n].giver = (int16_t)giver;
                items[n].param = colon ? atoi(colon + 1) : r.sc->terms[t].param_default;
                n++;
            }
            if (rc != 0) break;
            if (n == 0) { rc = bad(&r, "%s needs a term", kw); break; }
            int32_t pid = 0;
            niact_status ps = niact_game_propose(r.g, from, 1u << to, public_, items, n, 0, &pid);
            if (!agree) {
                if (ps == NIACT_OK) rc = bad(&r, "the proposal was accepted");
            } else if (ps != NIACT_OK) {
                rc = bad(&r, "proposal refused: %s", niact_game_error(r.g));
            } else if (niact_game_answer(r.g, to, pid, 1) != NIACT_OK) {
                rc = bad(&r, "acceptance refused: %s", niact_game_error(r.g));
            }
        } else if (!strcmp(kw, "refused")) {
            /* refused: the orders given so far must be refused at submission */
            if (submit_all(&r) == 0) rc = bad(&r, "orders were accepted");
            memset(r.n_orders, 0, sizeof r.n_orders);
            memset(r.submitted, 0, sizeof r.submitted);
        } else if (!strcmp(kw, "resolve")) {
            rc = resolve(&r);
        } else if (!strcmp(kw, "expect") || !strcmp(kw, "sometimes")) {
            for (char *tok = strtok(args, " "); tok && rc == 0; tok = strtok(NULL, " ")) {
                int v = cond(&r, tok);
                if (v < 0) rc = -1;
                else if (!v && kw[0] == 'e') {
                    char lhs[128];
                    int32_t now = 0;
                    snprintf(lhs, sizeof lhs, "%.*s", (int)strcspn(tok, "=!<>"), tok);
                    if (!strncmp(lhs, "outcome", 7))
                        rc = bad(&r, "expected %s, outcome is %s", tok, outcome_id(&r));
                    else if (lhs_value(&r, lhs, &now) == 0)
                        rc = bad(&r, "expected %s, %s is %d", tok, lhs, (int)now);
                    else
                        rc = -1;
                }
                else if (v && kw[0] == 's') hits[i]++;
            }
        } else if (!strcmp(kw, "newscount")) {
            /* newscount N TEXT: exactly N entries contain TEXT */
            char *sp2 = strchr(args, ' ');
            size_t first;
            int want = atoi(args);
            int got = sp2 ? news_count(&r, trim(sp2 + 1), &first) : -1;
            if (!sp2) rc = bad(&r, "newscount N TEXT");
            else if (got != want)
                rc = bad(&r, "%d entries contain '%s', not %d", got, trim(sp2 + 1), want);
        } else if (!strcmp(kw, "newsorder")) {
            /* newsorder FIRST | SECOND: both in the news, FIRST before SECOND */
            char *bar = strstr(args, " | ");
            size_t a, b;
            if (bar) *bar = 0;
            if (!bar) rc = bad(&r, "newsorder FIRST | SECOND");
            else if (news_count(&r, args, &a) == 0) rc = bad(&r, "no news '%s'", args);
            else if (news_count(&r, bar + 3, &b) == 0) rc = bad(&r, "no news '%s'", bar + 3);
            else if (a > b) rc = bad(&r, "'%s' comes after '%s'", args, bar + 3);
        } else if (!strcmp(kw, "news") || !strcmp(kw, "nonews")) {
            if (news(&r, args) != (kw[0] == 'n' && kw[1] == 'e'))
                rc = bad(&r, "%s '%s'", kw[1] == 'e' ? "no news" : "unexpected news", args);
        } else {
            rc = bad(&r, "unknown statement '%s'", kw);
        }
        if (rc != 0)
            snprintf(err, errlen, "%s:%d (seed %llu): %s", c->file, c->stmt_line[i],
                     (unsigned long long)seed, r.err);
    }
    niact_game_free(r.g);
    return rc;
}

static void test_case(void **state) {
    const rcase *c = *state;
    int seeds = 1;
    for (int i = 0; i < c->n; i++)
        if (!strncmp(c->stmt[i], "seeds ", 6)) seeds = atoi(c->stmt[i] + 6);
    int hits[MAX_LINES] = {0};
    char err[1024] = "";
    for (int s = 1; s <= seeds; s++) {
        if (run_case(c, (uint64_t)s, hits, err, sizeof err) != 0) {
            print_error("case '%s': %s\n", c->name, err);
            fail();
        }
    }
    for (int i = 0; i < c->n; i++)
        if (!strncmp(c->stmt[i], "sometimes ", 10) && hits[i] == 0) {
            print_error("case '%s' %s:%d: never held in %d seeds: %s\n", c->name, c->file,
                        c->stmt_line[i], seeds, c->stmt[i] + 10);
            fail();
        }
}

int main(int argc, char **argv) {
    const char *scenario = argc > 1 ? argv[1] : NIACT_SCRIPTS_DIR "/scenarios/november1962";
    const char *dir = argc > 2 ? argv[2] : NIACT_TEST_DIR "/rules/cases";
    char msg[4096];
    if (niact_host_load(scenario, NIACT_SCRIPTS_DIR "/lib", NULL, &host, msg, sizeof msg) !=
        NIACT_OK) {
        fprintf(stderr, "cannot load %s:\n%s\n", scenario, msg);
        return 1;
    }
    if (load_cases(dir) != 0 || n_cases == 0) {
        fprintf(stderr, "cannot read the rule cases in %s\n", dir);
        return 1;
    }
    struct CMUnitTest *tests = calloc((size_t)n_cases, sizeof *tests);
    for (int i = 0; i < n_cases; i++) {
        tests[i].name = cases[i].name;
        tests[i].test_func = test_case;
        tests[i].initial_state = &cases[i];
    }
    char group[256];
    const char *base = strrchr(scenario, '/');
    snprintf(group, sizeof group, "%s rule cases", base ? base + 1 : scenario);
    int rc = _cmocka_run_group_tests(group, tests, (size_t)n_cases, NULL, NULL);
    free(tests);
    niact_host_free(host);
    return rc;
}
