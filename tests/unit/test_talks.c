/* The scenario declares its negotiation and its ends (issue 12): trust, expiry, a cap on
 * proposals per seat per turn, the AI's discount, who gives a term, public and secret
 * agreements (seen by the rules, by personalities and by other seats as declared, and by
 * the search AI's sampled games), outcomes of its own with their texts, the time-out;
 * and hostile declarations of each, refused with a clear message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "niact/record.h"
#include "niact/rules.h"
#include "support.h"

enum { A, B, C };

/* A three-seat scenario; EXTRA goes into the scenario table, ROLE_A into role a's. */
static char *talks_scenario(const char *extra, const char *role_a) {
    char *dir = ts_tempdir();
    char text[8192];
    snprintf(text, sizeof text,
             "return niact.scenario{\n"
             "  name = 'Talks', calendar = { start = '1962-11-01', days_per_turn = 1, turns = 4 },\n"
             "  roles = { niact.role{ id = 'a'%s }, niact.role{ id = 'b' }, niact.role{ id = 'c' } },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 1000, initial = 0 } },\n"
             "  actions = { niact.action{ id = 'act', roles = { 'a', 'b', 'c' }, cost = 1,\n"
             "    param = { min = 0, max = 10, default = 0 },\n"
             "    resolve = function(state, role, p)\n"
             "      if p == 1 then state:end_game('stalemate', 'Nobody moved.') end\n"
             "      if p == 2 then state:end_game('victory') end\n"
             "      if p == 3 then state:end_game('war') end\n"
             "    end } },\n"
             "  objectives = { niact.objective{ id = 'o', role = 'a', score = function() return 60 end } },\n"
             "  terms = {\n"
             "    niact.term{ id = 'team', givers = { 'b', 'c' }, window = 2,\n"
             "      value = function(state, role, giver)\n"
             "        if role == 'a' and giver ~= 'a' then return 10 end return 5 end,\n"
             "      legal = function(state, from, param, info)\n"
             "        return not (info.public and from == 'c'), 'c proposes only in secret' end,\n"
             "      on_agree = function(state, giver, param, info)\n"
             "        state:set('x', (info.public and 100 or 200) + info.agreement) end,\n"
             "      check = function(state, giver, param, info)\n"
             "        if state:get('x') >= 500 then return false end\n"
             "        return true end },\n"
             "    niact.term{ id = 'quiet', givers = { 'a' }, secrecy = 'secret', window = 1 },\n"
             "    niact.term{ id = 'open', givers = { 'a' }, secrecy = 'public', window = 1 },\n"
             "  },\n"
             "  personalities = {\n"
             "    watcher = {\n"
             "      a = function(state) return {} end,\n"
             "      c = function(state)\n"
             "        local n = #state:commitments('a')\n"
             "        local mine = #state:commitments()\n"
             "        local out = {}\n"
             "        for i = 1, n do out[#out + 1] = { 'act', 5 } end\n"
             "        for i = 1, mine do out[#out + 1] = { 'act', 6 } end\n"
             "        return out end,\n"
             "    },\n"
             "    talker = {\n"
             "      a = { propose = function(state, role)\n"
             "              local t = state:turn()\n"
             "              if t == 1 then return { to = { 'b', 'c' }, public = true,\n"
             "                terms = { { 'team', giver = 'c' } }, text = 'Will c send a team?' } end\n"
             "              if t == 2 then return nil end\n"
             "              return false end,\n"
             "            answer = function(state, p)\n"
             "              if p.public then return false, 'Not in public.' end\n"
             "              return nil end },\n"
             "      b = { answer = function(state, p) return true end },\n"
             "      c = { orders = function(state) return { { 'act', 4 } } end,\n"
             "            answer = function(state, p) state:set('x', 1) end },\n"
             "    },\n"
             "  },\n"
             "%s\n"
             "}\n",
             role_a, extra);
    ts_write(dir, "scenario.lua", text);
    return dir;
}

typedef struct fx {
    char *dir;
    niact_host *h;
    niact_session *s;
    niact_game *g;
    const niact_scenario *sc;
} fx;

/* Loads the scenario (failing the test with its problems if it does not load). */
static void open_fx(fx *f, const char *extra) {
    memset(f, 0, sizeof *f);
    f->dir = talks_scenario(extra, "");
    char msg[4096];
    if (ts_load(f->dir, &f->h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    if (niact_session_new(f->h, 7, NULL, &f->s, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    f->g = niact_session_game(f->s);
    f->sc = niact_host_scenario(f->h);
}

static void close_fx(fx *f) {
    niact_session_free(f->s);
    niact_host_free(f->h);
    ts_rmdir(f->dir);
}

/* The load's problems for a scenario with EXTRA (and ROLE_A); "" if it loads. */
static const char *problems(const char *extra, const char *role_a, char *msg, size_t len) {
    char *dir = talks_scenario(extra, role_a);
    niact_host *h = NULL;
    niact_status st = ts_load(dir, &h, msg, len);
    if (st == NIACT_OK)
        msg[0] = 0;
    niact_host_free(h);
    ts_rmdir(dir);
    return msg;
}

static niact_term_item item(fx *f, const char *id, int giver) {
    return (niact_term_item){(int16_t)niact_scenario_term(f->sc, id), (int16_t)giver, 0};
}

static int32_t propose(fx *f, int from, uint32_t to, int pub, niact_term_item t) {
    int32_t id = 0;
    if (niact_session_propose(f->s, from, to, pub, &t, 1, 0, &id) != NIACT_OK)
        fail_msg("proposal refused: %s", niact_session_error(f->s));
    return id;
}

static void resolve(fx *f) {
    for (int r = 0; r < 3; r++)
        assert_int_equal(niact_session_submit(f->s, r, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
}

/* ---- 1. the rules of negotiation ---- */

static void test_defaults_are_todays(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "");
    const niact_negotiation_def *n = &f.sc->negotiation;
    assert_int_equal(n->trust_start, 50);
    assert_int_equal(n->trust_kept, 10);
    assert_int_equal(n->trust_broken, 25);
    assert_int_equal(n->expiry, 1);
    assert_int_equal(n->proposals_per_turn, 3);
    assert_int_equal(n->ai_trust_at_0, 50);
    assert_int_equal(n->ai_trust_at_100, 150);
    assert_int_equal(niact_game_trust(f.g, B), 50);
    /* A kept commitment: +10. */
    int32_t id = propose(&f, A, 1u << B, 0, item(&f, "team", -1));
    assert_int_equal(niact_session_answer(f.s, B, id, 1), NIACT_OK);
    resolve(&f);
    assert_int_equal(niact_game_trust(f.g, B), 60);
    close_fx(&f);
}

static void test_declared_trust_and_expiry(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "negotiation = { trust = { start = 70, kept = 5, broken = 40 }, expiry = 0 },");
    assert_int_equal(niact_game_trust(f.g, B), 70);
    int32_t kept = propose(&f, A, 1u << B, 0, item(&f, "team", -1));
    assert_int_equal(niact_session_answer(f.s, B, kept, 1), NIACT_OK);
    /* quiet: a commitment of a's with no check, broken at its deadline */
    int32_t broken = propose(&f, B, 1u << A, 0, item(&f, "quiet", -1));
    assert_int_equal(niact_session_answer(f.s, A, broken, 1), NIACT_OK);
    int32_t open = propose(&f, C, 1u << A, 0, item(&f, "quiet", -1));
    resolve(&f);
    assert_int_equal(niact_game_trust(f.g, B), 75);
    resolve(&f);
    assert_int_equal(niact_game_trust(f.g, A), 30); /* 70 - 40 */
    /* expiry = 0: a proposal can be answered only in the turn it was made */
    assert_int_equal(niact_session_answer(f.s, A, open, 1), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "no longer open"));
    close_fx(&f);
}

static void test_cap_per_seat_per_turn(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "negotiation = { proposals_per_turn = 2 },");
    propose(&f, A, 1u << B, 0, item(&f, "team", -1));
    propose(&f, A, 1u << C, 0, item(&f, "team", -1));
    uint64_t before = niact_game_hash(f.g);
    niact_term_item t = item(&f, "team", -1);
    int32_t id;
    assert_int_equal(niact_session_propose(f.s, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "has made 2 proposals this turn"));
    assert_true(niact_game_hash(f.g) == before);
    /* The spamming seat has used its own allowance, not the others'. */
    propose(&f, B, 1u << C, 0, item(&f, "team", -1));
    propose(&f, C, 1u << A, 0, item(&f, "quiet", -1));
    resolve(&f);
    propose(&f, A, 1u << B, 0, item(&f, "team", -1)); /* a new turn, a new allowance */
    close_fx(&f);
}

/* The proposals and commitments a role may see, by index (engine/core indexes them so a
 * lookup is one step, not a scan): after 200 proposals (past the 96 a game once held, its
 * storage grown several times) of every kind (private, public, to
 * one or two seats, answered or not, over several turns), each role's list is exactly
 * the ids it may see, in order, computed here from what was proposed; its commitments
 * are those of the agreements it may see; a copy and a copy that forgot what a role may
 * not know (the search AI's sampled games) index the same way; the allowances count
 * what is left. */
typedef struct made_ref {
    int from;
    uint32_t to;
    int pub;
} made_ref;

static int ref_sees(const made_ref *m, int role) {
    return m->pub || m->from == role || (m->to & (1u << role));
}

static void check_index(const niact_game *g, const made_ref *ref, int n) {
    for (int r = 0; r < 3; r++) {
        int k = 0;
        for (int id = 1; id <= n; id++)
            if (ref_sees(&ref[id], r)) {
                const niact_proposal *p = niact_game_proposal(g, r, k++);
                assert_non_null(p);
                assert_int_equal(p->id, id);
                assert_ptr_equal(p, niact_game_proposal_by_id(g, r, id));
            } else {
                assert_null(niact_game_proposal_by_id(g, r, id));
            }
        assert_null(niact_game_proposal(g, r, k));
        assert_null(niact_game_proposal(g, r, -1));
        /* Commitments: those of the agreements the role may see, in the game's order. */
        k = 0;
        const niact_commitment *c;
        for (int i = 0; (c = niact_rules_commitment(g, i)); i++)
            if (ref_sees(&ref[c->agreement], r))
                assert_ptr_equal(niact_game_commitment(g, r, k++), c);
        assert_null(niact_game_commitment(g, r, k));
    }
    assert_null(niact_game_proposal(g, 3, 0)); /* no such role */
}

static void test_proposal_index_many(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "negotiation = { proposals_per_turn = 40, expiry = 2 },");
    enum { MANY = 200 };
    made_ref ref[MANY + 1] = {{0}};
    int n = 0, agreed = 0;
    uint32_t x = 12345; /* a fixed pattern of kinds */
    while (n < MANY) {
        x = x * 1103515245u + 12345u;
        int from = (int)(x >> 8) % 3, kind = (int)(x >> 12) % 4;
        uint32_t to;
        int pub = 0;
        niact_term_item t;
        if (from == A) { /* to b, c or both; the team (b or c gives), public or not */
            to = kind == 0 ? 1u << B : kind == 1 ? 1u << C : (1u << B) | (1u << C);
            pub = kind == 3;
            t = item(&f, "team", -1);
        } else if (kind < 2) { /* b or c asks a for something secret */
            to = 1u << A;
            t = item(&f, "quiet", -1);
        } else if (kind == 2) { /* ... or public */
            to = 1u << A;
            pub = 1;
            t = item(&f, "open", -1);
        } else { /* b asks c for the team, or c asks b, privately */
            to = 1u << (from == B ? C : B);
            t = item(&f, "team", -1);
        }
        int32_t id = 0;
        niact_status s = niact_session_propose(f.s, from, to, pub, &t, 1, 0, &id);
        if (s != NIACT_OK) { /* this seat's allowance of the turn, and only that */
            assert_non_null(strstr(niact_session_error(f.s), "this turn"));
            resolve(&f);
            continue;
        }
        assert_int_equal(id, n + 1);
        ref[++n] = (made_ref){from, to, pub};
        if ((x >> 20) % 3 == 0) { /* every addressee accepts */
            for (int r = 0; r < 3; r++)
                if (to & (1u << r))
                    assert_int_equal(niact_session_answer(f.s, r, id, 1), NIACT_OK);
            agreed++;
        }
        if (n % 17 == 0)
            check_index(f.g, ref, n);
    }
    assert_true(agreed > 10);
    check_index(f.g, ref, n);
    /* A copy indexes the same. */
    niact_game *copy = NULL;
    assert_int_equal(niact_game_clone(f.g, &copy), NIACT_OK);
    check_index(copy, ref, n);
    /* A copy that forgot what c may not know: each such proposal is an empty withdrawn
     * one of c's (its id kept), its commitments gone. */
    niact_rules_forget_negotiation(copy, C);
    made_ref forgot[MANY + 1];
    for (int id = 1; id <= n; id++)
        forgot[id] = ref_sees(&ref[id], C) ? ref[id] : (made_ref){C, 0, 0};
    check_index(copy, forgot, n);
    niact_game_free(copy);
    close_fx(&f);
}

/* The allowance of a turn counts the proposals a copy still holds: in a sampled game that
 * forgot a's private proposals to b (c may not know them), a has made none; c's own count
 * is not raised by the forgotten ones it now holds as empty withdrawn proposals. */
static void test_cap_after_forgetting(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "negotiation = { proposals_per_turn = 2 },");
    propose(&f, A, 1u << B, 0, item(&f, "team", -1));
    propose(&f, A, 1u << B, 0, item(&f, "team", -1));
    propose(&f, C, 1u << A, 0, item(&f, "quiet", -1));
    niact_term_item t = item(&f, "team", -1), q = item(&f, "quiet", -1);
    int32_t id = 0;
    assert_int_equal(niact_game_propose(f.g, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_game_error(f.g), "a has made 2 proposals this turn"));
    niact_game *copy = NULL;
    assert_int_equal(niact_game_clone(f.g, &copy), NIACT_OK);
    assert_int_equal(niact_game_propose(copy, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    niact_rules_forget_negotiation(copy, C);
    assert_int_equal(niact_game_propose(copy, A, 1u << B, 0, &t, 1, 0, &id), NIACT_OK);
    assert_int_equal(id, 4);
    assert_int_equal(niact_game_propose(copy, A, 1u << B, 0, &t, 1, 0, &id), NIACT_OK);
    assert_int_equal(niact_game_propose(copy, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_int_equal(niact_game_propose(copy, C, 1u << A, 0, &q, 1, 0, &id), NIACT_OK);
    assert_int_equal(niact_game_propose(copy, C, 1u << A, 0, &q, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_game_error(copy), "c has made 2 proposals this turn"));
    niact_game_free(copy);
    close_fx(&f);
}

/* No seat's allowance is of the game any more (it was 96 / seats: 32 here): a seat at its
 * cap every turn goes on proposing turn after turn, and the others too. */
static void test_no_share_of_the_game(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "negotiation = { proposals_per_turn = 20 },");
    for (int k = 0; k < 60; k++) {
        if (k && k % 20 == 0)
            resolve(&f);
        propose(&f, A, 1u << B, 0, item(&f, "team", -1));
    }
    niact_term_item t = item(&f, "team", -1);
    int32_t id;
    assert_int_equal(niact_session_propose(f.s, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "a has made 20 proposals this turn, as many "
                                                     "as the scenario allows a seat in one turn "
                                                     "(20); it may propose again next turn"));
    propose(&f, B, 1u << A, 0, item(&f, "quiet", -1));
    resolve(&f);
    assert_int_equal(propose(&f, A, 1u << B, 0, item(&f, "team", -1)), 62);
    close_fx(&f);
}

/* The cap is bounded by what a game may hold, over the longest calendar (a variant's):
 * turns x roles x proposals_per_turn at most 4000. The default is lowered to fit; a cap
 * given past it is refused, saying why and where. */
static void test_cap_fits_the_longest_calendar(void **st) {
    (void)st;
    char msg[8192];
    const char *longv = "variants = { niact.variant{ id = 'marathon', turns = 500 } },";
    char extra[512];
    snprintf(extra, sizeof extra, "%s negotiation = { proposals_per_turn = 3 },", longv);
    problems(extra, "", msg, sizeof msg);
    if (!strstr(msg, "scenario.lua:") ||
        !strstr(msg, "negotiation: proposals_per_turn must be 1 to 2 for 500 turns (variant "
                     "'marathon') and 3 roles (it is 3): a game holds at most 4000 proposals, "
                     "turns x roles x proposals_per_turn"))
        fail_msg("%s", msg);
    snprintf(extra, sizeof extra, "%s negotiation = { proposals_per_turn = 2 },", longv);
    assert_string_equal(problems(extra, "", msg, sizeof msg), "");
    fx f;
    open_fx(&f, longv); /* no cap given: the default 3 lowered to 2 */
    assert_int_equal(f.sc->negotiation.proposals_per_turn, 2);
    assert_int_equal(niact_scenario_max_proposals(f.sc), 4 * 3 * 2); /* its own 4 turns */
    close_fx(&f);
}

/* A generated scenario of TURNS turns and ROLES seats (r0, r1, ...), each allowed PPT
 * proposals a turn; two terms every seat may give (kept at once: their check says so). */
static char *long_scenario(int turns, int roles, int ppt) {
    char *dir = ts_tempdir(), text[8192], list[256] = "";
    size_t n = 0;
    for (int r = 0; r < roles; r++)
        n += (size_t)snprintf(list + n, sizeof list - n, "%s'r%d'", r ? ", " : "", r);
    n = (size_t)snprintf(text, sizeof text,
                         "return niact.scenario{ name = 'Long',\n"
                         "  calendar = { start = '1900-01-01', days_per_turn = 1, turns = %d },\n"
                         "  negotiation = { proposals_per_turn = %d, expiry = 1 },\n"
                         "  roles = {", turns, ppt);
    for (int r = 0; r < roles; r++)
        n += (size_t)snprintf(text + n, sizeof text - n, " niact.role{ id = 'r%d' },", r);
    snprintf(text + n, sizeof text - n,
             " },\n"
             "  tracks = { niact.track{ id = 'x', min = 0, max = 100000, initial = 0 } },\n"
             "  actions = { niact.action{ id = 'act', roles = { %s }, cost = 1,\n"
             "    resolve = function(state) end } },\n"
             "  terms = {\n"
             "    niact.term{ id = 'calm', givers = { %s }, window = 3,\n"
             "      on_agree = function(state) state:set('x', state:get('x') + 1) end,\n"
             "      check = function() return true end },\n"
             "    niact.term{ id = 'talk', givers = { %s }, window = 3,\n"
             "      check = function() return true end },\n"
             "  },\n}\n", list, list, list);
    ts_write(dir, "scenario.lua", text);
    return dir;
}

/* Issue 16: a long game negotiates to its end. 120 turns, three seats each proposing its
 * full allowance (2) every turn to the next seat, every proposal accepted: 720 proposals
 * (the game once stopped at 96) and 1,440 commitments, every one kept; the turn's cap is
 * refused clearly every turn; the record replays to the same hashes. */
static void test_long_game_negotiates_to_its_end(void **st) {
    (void)st;
    enum { TURNS = 120, ROLES = 3, PPT = 2 };
    char *dir = long_scenario(TURNS, ROLES, PPT), msg[4096];
    niact_host *h;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_int_equal(niact_scenario_max_proposals(sc), TURNS * ROLES * PPT);
    niact_session *s;
    assert_int_equal(niact_session_new(h, 5, NULL, &s, msg, sizeof msg), NIACT_OK);
    niact_game *g = niact_session_game(s);
    niact_term_item two[2] = {{(int16_t)niact_scenario_term(sc, "calm"), -1, 0},
                              {(int16_t)niact_scenario_term(sc, "talk"), -1, 0}};
    int32_t made = 0;
    for (int t = 0; t < TURNS; t++) {
        for (int r = 0; r < ROLES; r++) {
            int to = (r + 1) % ROLES;
            for (int k = 0; k < PPT; k++) {
                int32_t id;
                /* the first term given by the proposer, the second by its partner */
                niact_term_item terms[2] = {two[0], two[1]};
                terms[0].giver = (int16_t)r;
                terms[1].giver = (int16_t)to;
                if (niact_session_propose(s, r, 1u << to, k, terms, 2, 0, &id) != NIACT_OK)
                    fail_msg("turn %d, seat %d: %s", t + 1, r, niact_session_error(s));
                assert_int_equal(id, ++made);
                assert_int_equal(niact_session_answer(s, to, id, 1), NIACT_OK);
            }
            int32_t id;
            uint64_t before = niact_game_hash(g);
            assert_int_equal(niact_session_propose(s, r, 1u << to, 0, two, 1, 0, &id),
                             NIACT_ERR_INVALID);
            char want[200];
            snprintf(want, sizeof want, "r%d has made 2 proposals this turn, as many as the "
                     "scenario allows a seat in one turn (2); it may propose again next turn", r);
            if (!strstr(niact_session_error(s), want))
                fail_msg("turn %d: %s", t + 1, niact_session_error(s));
            assert_true(niact_game_hash(g) == before);
        }
        for (int r = 0; r < ROLES; r++)
            assert_int_equal(niact_session_submit(s, r, NULL, 0), NIACT_OK);
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
    }
    assert_int_equal(niact_game_phase(g), NIACT_PHASE_ENDED);
    assert_int_equal(made, TURNS * ROLES * PPT);
    int agreed = 0, kept = 0;
    const niact_proposal *p;
    for (int i = 0; (p = niact_game_proposal(g, -1, i)); i++)
        agreed += p->status == NIACT_PROPOSAL_AGREED;
    const niact_commitment *c;
    for (int i = 0; (c = niact_game_commitment(g, -1, i)); i++)
        kept += c->status == NIACT_COMMIT_KEPT;
    assert_int_equal(agreed, made);
    assert_int_equal(kept, 2 * made);
    assert_true(niact_game_negotiation_bytes(g) <= niact_scenario_negotiation_bytes(sc));
    assert_int_equal(niact_rules_get(g, niact_scenario_track(sc, "x")), made); /* on_agree */
    char *text;
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    niact_record_opts opts = {.host = h};
    niact_loaded l;
    if (niact_record_load_text(text, len, &opts, &l, msg, sizeof msg) != NIACT_OK)
        fail_msg("the long game's record does not replay: %s", msg);
    assert_true(niact_game_hash(niact_session_game(l.session)) == niact_game_hash(g));
    niact_loaded_free(&l);
    free(text);
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(dir);
}

/* The record bound behind rollbacks: the record keeps every proposal made, undone turns'
 * too, so a rollback that would let the seats make more than a record may hold (4000) is
 * refused, saying so. A 500-turn, two-seat game at 4 a seat a turn holds all 4000 in one
 * line of play: no rollback is left once a proposal is made. */
static void test_rollback_keeps_the_record_bounded(void **st) {
    (void)st;
    char *dir = long_scenario(500, 2, 4), msg[4096];
    niact_host *h;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    assert_int_equal(niact_scenario_max_proposals(niact_host_scenario(h)), 4000);
    niact_session *s;
    assert_int_equal(niact_session_new(h, 5, NULL, &s, msg, sizeof msg), NIACT_OK);
    assert_int_equal(niact_session_rollback(s, 1), NIACT_OK); /* nothing made yet */
    niact_term_item t = {(int16_t)niact_scenario_term(niact_host_scenario(h), "talk"), -1, 0};
    int32_t id;
    assert_int_equal(niact_session_propose(s, 0, 2, 0, &t, 1, 0, &id), NIACT_OK);
    assert_int_equal(niact_session_rollback(s, 1), NIACT_ERR_INVALID);
    if (!strstr(niact_session_error(s), "this game's record holds 1 proposals; going back to "
                                        "turn 1 would let its seats make 4000 more, more than "
                                        "its record may hold (4000)"))
        fail_msg("%s", niact_session_error(s));
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(dir);
}

static void test_hostile_negotiation(void **st) {
    (void)st;
    char msg[8192];
    problems("negotiation = { trust = { start = -5, kept = 200, broken = -1 } },", "", msg,
             sizeof msg);
    assert_non_null(strstr(msg, "field 'start' must be 0-100 (it is -5)"));
    assert_non_null(strstr(msg, "field 'kept' must be 0-100 (it is 200)"));
    assert_non_null(strstr(msg, "field 'broken' must be 0-100 (it is -1)"));
    problems("negotiation = { proposals_per_turn = 1000000, expiry = -1 },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "field 'proposals_per_turn' must be 1-96 (it is 1000000)"));
    assert_non_null(strstr(msg, "field 'expiry' must be 0-500"));
    problems("negotiation = { proposals_per_turn = 97 },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "field 'proposals_per_turn' must be 1-96 (it is 97)"));
    problems("negotiation = { trsut = {} },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "unknown field 'trsut' in scenario negotiation; did you mean 'trust'?"));
    problems("negotiation = { secrecy = 'sometimes', ai_trust = { at_0 = -1 } },", "", msg,
             sizeof msg);
    assert_non_null(strstr(msg, "field 'secrecy' must be one of \"either\", \"public\", \"secret\", not \"sometimes\""));
    assert_non_null(strstr(msg, "field 'at_0' must be 0-1000"));
    problems("negotiation = 5,", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "field 'negotiation' must be a table, not number"));
    /* Every problem names the file and line. */
    assert_non_null(strstr(msg, "scenario.lua:"));
}

/* ---- 2. who gives a term; public and secret ---- */

static void test_proposer_chooses_the_giver(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "");
    /* a asks c (not the first who may, b) for the team. */
    int32_t id = propose(&f, A, (1u << B) | (1u << C), 0, item(&f, "team", C));
    const niact_proposal *p = niact_game_proposal_by_id(f.g, A, id);
    assert_int_equal(p->terms[0].giver, C);
    /* Without a choice: the first party that may give it, as before. */
    id = propose(&f, A, (1u << B) | (1u << C), 0, item(&f, "team", -1));
    assert_int_equal(niact_game_proposal_by_id(f.g, A, id)->terms[0].giver, B);
    niact_term_item t = item(&f, "team", A);
    assert_int_equal(niact_session_propose(f.s, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "a cannot give 'team'"));
    t = item(&f, "team", C); /* c is no party */
    assert_int_equal(niact_session_propose(f.s, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "only by a party"));
    t = item(&f, "team", 7);
    assert_int_equal(niact_session_propose(f.s, A, 1u << B, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    close_fx(&f);
}

static void test_givers_naming_unknown_roles(void **st) {
    (void)st;
    char msg[8192];
    char *dir = ts_scenario("", "");
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name = 'G', calendar = { start = '1962-11-01', turns = 2 },\n"
             "  roles = { niact.role{ id = 'a' }, niact.role{ id = 'b' } },\n"
             "  tracks = {}, actions = {},\n"
             "  terms = { niact.term{ id = 't', givers = { 'a', 'moscow' } } } }\n");
    niact_host *h = NULL;
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    if (!strstr(msg, "scenario.lua:4: term 't': no role 'moscow'"))
        fail_msg("%s", msg);
    ts_rmdir(dir);
}

/* A term's legality test gets the info table (public, parties, giver) when it names a
 * fourth parameter or takes `...`; one declared with fewer is called without it (it
 * could not see it) and still answers. */
static void test_term_info_when_named(void **st) {
    (void)st;
    char msg[8192];
    char *dir = ts_scenario("", "");
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name = 'I', calendar = { start = '1962-11-01', turns = 2 },\n"
             "  roles = { niact.role{ id = 'a' }, niact.role{ id = 'b' } },\n"
             "  tracks = {}, actions = {},\n"
             "  terms = {\n"
             "    niact.term{ id = 'named', givers = { 'b' }, legal = function(state, from, p, info)\n"
             "      return info.public and info.parties[1] == 'a' and info.parties[2] == 'b'\n"
             "        and #info.parties == 2 and info.giver == 'b' end },\n"
             "    niact.term{ id = 'vararg', givers = { 'b' }, legal = function(state, from, p, ...)\n"
             "      local info = ...\n"
             "      return select('#', ...) == 1 and info.public and info.giver == 'b' end },\n"
             "    niact.term{ id = 'short', givers = { 'b' }, legal = function(state, from)\n"
             "      return from == 'a' end } } }\n");
    niact_host *h = NULL;
    niact_session *s = NULL;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    assert_int_equal(niact_session_new(h, 1, NULL, &s, msg, sizeof msg), NIACT_OK);
    niact_game *g = niact_session_game(s);
    const niact_scenario *sc = niact_host_scenario(h);
    const char *ids[3] = {"named", "vararg", "short"};
    for (int i = 0; i < 3; i++)
        for (int pub = 0; pub < 2; pub++) {
            niact_term_item t = {(int16_t)niact_scenario_term(sc, ids[i]), 1, 0};
            int ok = -1;
            assert_int_equal(niact_game_terms_legal(g, 0, 1u << 1, pub, &t, 1, &ok), NIACT_OK);
            /* named and vararg read info.public; short answers from its role alone */
            assert_int_equal(ok, i == 2 ? 1 : pub);
        }
    niact_session_free(s);
    niact_host_free(h);
    ts_rmdir(dir);
}

static void test_secrecy_rules(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "");
    int32_t id;
    niact_term_item t = item(&f, "quiet", -1);
    assert_int_equal(niact_session_propose(f.s, B, 1u << A, 1, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "may only be agreed in secret"));
    t = item(&f, "open", -1);
    assert_int_equal(niact_session_propose(f.s, B, 1u << A, 0, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "may only be agreed in public"));
    /* The term's legal test sees the secrecy: c may propose the team only in secret. */
    t = item(&f, "team", -1);
    assert_int_equal(niact_session_propose(f.s, C, 1u << A, 1, &t, 1, 0, &id), NIACT_ERR_INVALID);
    assert_non_null(strstr(niact_session_error(f.s), "c proposes only in secret"));
    propose(&f, C, 1u << A, 0, t);
    close_fx(&f);
}

static int count_commitments(const niact_game *g, int role) {
    int n = 0;
    while (niact_game_commitment(g, role, n))
        n++;
    return n;
}

static void test_public_and_secret_agreements(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "");
    /* A public agreement between a and b; a secret one between a and b. */
    int32_t pub = propose(&f, A, 1u << B, 1, item(&f, "team", -1));
    assert_int_equal(niact_session_answer(f.s, B, pub, 1), NIACT_OK);
    int32_t sec = propose(&f, B, 1u << A, 0, item(&f, "quiet", -1));
    assert_int_equal(niact_session_answer(f.s, A, sec, 1), NIACT_OK);
    /* c's view: the public one, not the secret one. */
    assert_non_null(niact_game_proposal_by_id(f.g, C, pub));
    assert_null(niact_game_proposal_by_id(f.g, C, sec));
    assert_int_equal(count_commitments(f.g, C), 1);
    assert_int_equal(count_commitments(f.g, A), 2);
    /* c's personality sees a's public commitments only, and has none of its own. */
    niact_order o[16];
    int n;
    assert_int_equal(niact_host_personality(f.h, f.g, "watcher", C, o, 16, &n), NIACT_OK);
    assert_int_equal(n, 1);
    assert_int_equal(o[0].param, 5);
    /* The search AI's sampled games: what c may not know is forgotten, the rest kept. */
    niact_game *copy;
    assert_int_equal(niact_game_clone(f.g, &copy), NIACT_OK);
    niact_rules_forget_negotiation(copy, C);
    assert_non_null(niact_rules_proposal(copy, pub));
    assert_int_equal(niact_rules_proposal(copy, pub)->n_terms, 1);
    assert_int_equal(niact_rules_proposal(copy, sec)->n_terms, 0); /* forgotten */
    int left = 0;
    while (niact_rules_commitment(copy, left))
        left++;
    assert_int_equal(left, 1);
    niact_game_free(copy);
    /* on_agree sees whether the agreement is public: x = 100 + its id. */
    resolve(&f);
    int32_t x;
    niact_game_stop(f.g);
    assert_int_equal(niact_game_truth(f.g, 0, &x), NIACT_OK);
    assert_int_equal(x, 100 + pub);
    close_fx(&f);
}

static void test_secret_agreement_seen_by_rules(void **st) {
    (void)st;
    fx f;
    open_fx(&f, "");
    int32_t sec = propose(&f, C, 1u << A, 0, item(&f, "team", -1));
    assert_int_equal(niact_session_answer(f.s, A, sec, 1), NIACT_OK);
    resolve(&f);
    int32_t x;
    niact_game_stop(f.g);
    assert_int_equal(niact_game_truth(f.g, 0, &x), NIACT_OK);
    assert_int_equal(x, 200 + sec);
    close_fx(&f);
}

/* ---- 3. outcomes ---- */

#define OUTCOMES                                                                          \
    "outcomes = { settlement = { name = 'Settlement', text = 'Agreed.' },\n"              \
    "  war = { name = 'War', text = 'Fire.' },\n"                                         \
    "  stalemate = { name = 'Stalemate', stamp = 'NO DEAL', text = 'Time ran out.' },\n"  \
    "  last_turn = { text = 'The clock stopped.' } },\n"

static void play_order(fx *f, int32_t param) {
    niact_order o = {A, 0, param};
    assert_int_equal(niact_session_submit(f->s, A, &o, 1), NIACT_OK);
    assert_int_equal(niact_session_submit(f->s, B, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_submit(f->s, C, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
}

static void test_declared_outcome(void **st) {
    (void)st;
    fx f;
    open_fx(&f, OUTCOMES);
    play_order(&f, 1);
    niact_outcome o = niact_game_outcome(f.g);
    assert_true(o > NIACT_OUTCOME_ERROR);
    niact_outcome_names nm = niact_scenario_outcome(f.sc, o);
    assert_string_equal(nm.id, "stalemate");
    assert_string_equal(nm.title, "Stalemate");
    assert_string_equal(nm.stamp, "NO DEAL");
    assert_string_equal(niact_game_outcome_text(f.g), "Nobody moved.");
    int32_t s;
    assert_int_equal(niact_game_score(f.g, A, A, &s), NIACT_OK);
    assert_int_equal(s, 60); /* not a war: scores stand */
    /* The record names it, and loads again. */
    char *text, msg[512];
    size_t len;
    assert_int_equal(niact_record_dump(f.s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    assert_non_null(strstr(text, "\"outcome\": \"stalemate\""));
    free(text);
    close_fx(&f);
}

static void test_undeclared_outcome_refused(void **st) {
    (void)st;
    fx f;
    open_fx(&f, OUTCOMES);
    play_order(&f, 2);
    assert_int_equal(niact_game_outcome(f.g), NIACT_OUTCOME_NONE);
    assert_non_null(strstr(ts_last_log(f.g, A, NIACT_LOG_ERROR),
                           "no outcome 'victory' is declared (declared: settlement, war, stalemate)"));
    close_fx(&f);
    /* Without an outcomes table: settlement and war, as before. */
    open_fx(&f, "");
    play_order(&f, 1);
    assert_int_equal(niact_game_outcome(f.g), NIACT_OUTCOME_NONE);
    assert_non_null(strstr(ts_last_log(f.g, A, NIACT_LOG_ERROR), "no outcome 'stalemate'"));
    play_order(&f, 3);
    assert_int_equal(niact_game_outcome(f.g), NIACT_OUTCOME_WAR);
    int32_t s;
    assert_int_equal(niact_game_score(f.g, A, A, &s), NIACT_OK);
    assert_int_equal(s, 0);
    close_fx(&f);
}

static void test_timeout(void **st) {
    (void)st;
    fx f;
    open_fx(&f, OUTCOMES);
    for (int t = 0; t < 4; t++)
        resolve(&f);
    assert_int_equal(niact_game_outcome(f.g), NIACT_OUTCOME_LAST_TURN);
    assert_string_equal(niact_game_outcome_text(f.g), "The clock stopped.");
    close_fx(&f);
    open_fx(&f, OUTCOMES "timeout = 'stalemate',");
    for (int t = 0; t < 4; t++)
        resolve(&f);
    assert_string_equal(niact_scenario_outcome(f.sc, niact_game_outcome(f.g)).id, "stalemate");
    assert_string_equal(niact_game_outcome_text(f.g), "Time ran out.");
    close_fx(&f);
}

static void test_hostile_outcomes(void **st) {
    (void)st;
    char msg[8192];
    problems("outcomes = { running = {} },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "outcome 'running' is the engine's"));
    problems("outcomes = { Bad_Id = {} },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "keys are outcome ids"));
    problems("outcomes = { stalemate = { nmae = 'x' } },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "unknown field 'nmae' in outcome 'stalemate'; did you mean 'name'?"));
    problems("outcomes = { stalemate = 'x' },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "outcome 'stalemate' must be a table"));
    problems("timeout = 'nope',", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "timeout names no declared outcome 'nope'"));
    problems("outcomes = { stalemate = { rank = 0, text = 'a\\27[31m' } },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "outcome 'stalemate': field 'rank' must be 1-100 (it is 0)"));
    assert_non_null(strstr(msg, "must be plain text"));
    problems("outcomes = { error = { rank = 5 } },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "the rank of an error is the engine's"));
    /* end_check may answer only with a declared outcome. */
    fx f;
    open_fx(&f, "end_check = function(state) return 'victory', 'x' end,");
    resolve(&f);
    assert_int_equal(niact_game_outcome(f.g), NIACT_OUTCOME_NONE);
    assert_non_null(strstr(ts_last_log(f.g, A, NIACT_LOG_ERROR), "'victory' is not declared"));
    close_fx(&f);
}

static void test_outcome_rank(void **st) {
    (void)st;
    fx f;
    /* A declared catastrophe outranks a war asked for earlier in the same turn. */
    open_fx(&f, "outcomes = { war = {}, stalemate = { rank = 5, zero_scores = true } },");
    niact_order o[2] = {{A, 0, 3}, {A, 0, 1}};
    assert_int_equal(niact_session_submit(f.s, A, o, 1), NIACT_OK);
    niact_order ob = {B, 0, 1};
    assert_int_equal(niact_session_submit(f.s, B, &ob, 1), NIACT_OK);
    assert_int_equal(niact_session_submit(f.s, C, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_resolve(f.s), NIACT_OK);
    assert_string_equal(niact_scenario_outcome(f.sc, niact_game_outcome(f.g)).id, "stalemate");
    int32_t s;
    assert_int_equal(niact_game_score(f.g, A, A, &s), NIACT_OK);
    assert_int_equal(s, 0); /* zero_scores */
    close_fx(&f);
}


/* ---- 4. personalities that negotiate ---- */

static void open_seats(fx *f, const char *extra, const char *a, const char *b, const char *c) {
    memset(f, 0, sizeof *f);
    f->dir = talks_scenario(extra, "");
    char msg[4096];
    if (ts_load(f->dir, &f->h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    niact_seat seats[NIACT_MAX_ROLES] = {0};
    const char *who[3] = {a, b, c};
    for (int r = 0; r < 3; r++)
        assert_int_equal(niact_seat_parse(who[r], &seats[r]), 0);
    if (niact_session_new(f->h, 7, seats, &f->s, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    f->g = niact_session_game(f->s);
    f->sc = niact_host_scenario(f->h);
}

static int log_has(const niact_game *g, int role, const char *needle) {
    size_t cur = 0;
    niact_log_entry e;
    while (niact_game_log_next(g, role, &cur, &e))
        if (strstr(e.text, needle))
            return 1;
    return 0;
}

/* Resolves with the human seats giving no orders. */
static void resolve_humans(fx *f) {
    for (int r = 0; r < 3; r++)
        if (niact_session_seat(f->s, r)->kind == NIACT_SEAT_HUMAN)
            assert_int_equal(niact_session_submit(f->s, r, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_resolve(f->s), NIACT_OK);
}

static void test_propose_and_answer_hooks(void **st) {
    (void)st;
    fx f;
    open_seats(&f, "", "ai:talker", "ai:talker", "human");
    resolve_humans(&f);
    const char *w = niact_session_warning(f.s);
    if (w)
        fail_msg("%s", w);
    /* a's hook: a public proposal to b and c, the team asked of c, with a telegram. */
    const niact_proposal *p = niact_game_proposal_by_id(f.g, C, 1);
    assert_non_null(p);
    assert_int_equal(p->from, A);
    assert_true(p->public_);
    assert_int_equal(p->terms[0].giver, C);
    assert_int_equal(p->accepted, 1u << B); /* b's hook accepted; c (human) has not */
    assert_true(log_has(f.g, C, "Will c send a team?"));
    /* Turn 2: a's hook returns nil: the generic AI proposes (the team, from b). */
    resolve_humans(&f);
    w = niact_session_warning(f.s);
    if (w)
        fail_msg("%s", w);
    p = NULL; /* (b, without a propose hook, made the generic proposal of turn 1 too; the
               * generic AI proposes to each partner in role order: the first is to b) */
    for (int i = 0; niact_game_proposal(f.g, A, i); i++)
        if (!p && niact_game_proposal(f.g, A, i)->from == A &&
            niact_game_proposal(f.g, A, i)->turn == 1)
            p = niact_game_proposal(f.g, A, i);
    assert_non_null(p);
    assert_int_equal(p->from, A);
    assert_int_equal(p->terms[0].giver, B);
    /* Turn 3: false: no proposal at all. */
    int32_t before = 0;
    while (niact_game_proposal(f.g, A, before))
        before++;
    resolve_humans(&f);
    int32_t after = 0;
    while (niact_game_proposal(f.g, A, after))
        after++;
    assert_int_equal(after, before);
    /* a's answer hook: a public proposal refused, with its reason to the proposer. */
    niact_term_item t = item(&f, "open", -1);
    int32_t id;
    assert_int_equal(niact_session_propose(f.s, C, 1u << A, 1, &t, 1, 0, &id), NIACT_OK);
    resolve_humans(&f);
    assert_int_equal(niact_game_proposal_by_id(f.g, C, id)->status, NIACT_PROPOSAL_REJECTED);
    assert_true(log_has(f.g, C, "Not in public."));
    close_fx(&f);
}

static void test_answer_hook_nil_is_generic(void **st) {
    (void)st;
    fx f;
    open_seats(&f, "", "ai:talker", "human", "human");
    /* A private proposal: a's hook returns nil; the generic AI prices it (worth 10 > 0). */
    int32_t id = propose(&f, B, 1u << A, 0, item(&f, "team", -1));
    resolve_humans(&f);
    assert_int_equal(niact_game_proposal_by_id(f.g, B, id)->status, NIACT_PROPOSAL_AGREED);
    close_fx(&f);
}

static void test_failing_hook(void **st) {
    (void)st;
    fx f;
    open_seats(&f, "", "human", "human", "ai:talker");
    const niact_proposal *p1;
    /* c's answer hook writes: a question may not; its talk stops, said once. */
    propose(&f, A, 1u << C, 0, item(&f, "team", -1));
    resolve_humans(&f);
    const char *w = niact_session_warning(f.s);
    assert_non_null(w);
    assert_non_null(strstr(w, "negotiated no further"));
    assert_non_null(strstr(w, "state:set is not allowed"));
    p1 = niact_game_proposal_by_id(f.g, A, 1);
    assert_int_equal(p1->status, NIACT_PROPOSAL_OPEN); /* not answered */
    assert_int_equal(p1->accepted, 0);
    propose(&f, A, 1u << C, 0, item(&f, "team", -1));
    resolve_humans(&f);
    assert_null(niact_session_warning(f.s)); /* once */
    /* its orders hook still plays: x stays 0, the orders were given (act 4) */
    close_fx(&f);
}

static void test_hostile_hooks(void **st) {
    (void)st;
    char msg[8192];
    problems("personalities = { p = { a = { oders = function() end } } },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "unknown field 'oders' in personality 'p' a; did you mean 'orders'?"));
    problems("personalities = { p = { a = { propose = 5 } } },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "personality 'p' a: field 'propose' must be a function, not number"));
    problems("personalities = { p = { a = {} } },", "", msg, sizeof msg);
    assert_non_null(strstr(msg, "give at least one of orders, propose, answer"));
    /* A hook's bad proposal is its error (a script error at play, not a crash). */
    fx f;
    open_fx(&f, "");
    niact_host_offer o[4];
    int n;
    niact_status s2 = niact_host_personality_propose(f.h, f.g, "nobody", A, o, 4, &n);
    assert_int_equal(s2, NIACT_ERR_INVALID);
    close_fx(&f);
}

/* November 1962: the historical seats negotiate as the record shows. */
static void open_november(fx *f, const char *us, const char *ussr, const char *un) {
    memset(f, 0, sizeof *f);
    char msg[4096];
    if (ts_load(NIACT_SCRIPTS_DIR "/scenarios/november1962", &f->h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    niact_seat seats[NIACT_MAX_ROLES] = {0};
    const char *who[3] = {us, ussr, un};
    for (int r = 0; r < 3; r++)
        assert_int_equal(niact_seat_parse(who[r], &seats[r]), 0);
    if (niact_session_new(f->h, 1, seats, &f->s, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    f->g = niact_session_game(f->s);
    f->sc = niact_host_scenario(f->h);
}

static void test_november_historical_talks(void **st) {
    (void)st;
    enum { US, USSR, UN };
    for (int historical = 0; historical < 2; historical++) {
        fx f;
        open_november(&f, historical ? "ai:historical" : "ai:dove", "human", "human");
        /* Moscow offers the bombers out in 60 days, in public: the generic AI takes it;
         * Kennedy held out for thirty days ("only the timing remains"). */
        niact_term_item t = {(int16_t)niact_scenario_term(f.sc, "il28_out"), -1, 60};
        int32_t id;
        assert_int_equal(niact_session_propose(f.s, USSR, 1u << US, 1, &t, 1, 0, &id), NIACT_OK);
        resolve_humans(&f);
        const niact_proposal *p = niact_game_proposal_by_id(f.g, USSR, id);
        assert_int_equal(p->status, historical ? NIACT_PROPOSAL_REJECTED : NIACT_PROPOSAL_AGREED);
        assert_int_equal(log_has(f.g, USSR, "Thirty days, not months"), historical);
        f.dir = NULL;
        close_fx(&f);
    }
    /* The Secretary-General asks Moscow (not the UN itself) for an inspection team, and
     * a historical Moscow refuses, saying why. */
    fx f;
    open_november(&f, "human", "ai:historical", "ai:historical");
    resolve_humans(&f);
    const niact_proposal *p = niact_game_proposal_by_id(f.g, UN, 1);
    assert_non_null(p);
    assert_int_equal(p->terms[0].term, niact_scenario_term(f.sc, "un_team"));
    assert_int_equal(p->terms[0].giver, USSR);
    resolve_humans(&f);
    assert_int_equal(niact_game_proposal_by_id(f.g, UN, 1)->status, NIACT_PROPOSAL_REJECTED);
    assert_true(log_has(f.g, UN, "Havana refuses any inspection"));
    f.dir = NULL;
    close_fx(&f);
}

/* ---- 5. seats played by the role's scripted actor ---- */

static void test_actor_seats(void **st) {
    (void)st;
    char *dir = talks_scenario("", ", actor = 'watcher'");
    char msg[4096];
    niact_host *h;
    if (ts_load(dir, &h, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    const niact_scenario *sc = niact_host_scenario(h);
    assert_string_equal(sc->roles[A].actor, "watcher");
    assert_null(sc->roles[B].actor);
    /* By default: the actor where there is one, human elsewhere. */
    niact_seat seats[NIACT_MAX_ROLES] = {0};
    for (int r = 0; r < 3; r++)
        niact_seat_default(sc, r, &seats[r]);
    assert_int_equal(seats[A].kind, NIACT_SEAT_AI);
    assert_true(seats[A].actor);
    assert_string_equal(seats[A].personality, "watcher");
    assert_int_equal(seats[B].kind, NIACT_SEAT_HUMAN);
    /* "actor" as a seat: the session fills in the personality. */
    assert_int_equal(niact_seat_parse("actor", &seats[A]), 0);
    assert_true(seats[A].actor);
    assert_string_equal(seats[A].personality, "");
    niact_session *s;
    assert_int_equal(niact_session_new(h, 3, seats, &s, msg, sizeof msg), NIACT_OK);
    assert_string_equal(niact_session_seat(s, A)->personality, "watcher");
    assert_int_equal(niact_session_seat(s, A)->kind, NIACT_SEAT_AI);
    /* The record says "actor", and a loaded record has the actor again. */
    assert_int_equal(niact_session_submit(s, B, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_submit(s, C, NULL, 0), NIACT_OK);
    assert_int_equal(niact_session_resolve(s), NIACT_OK);
    char *text;
    size_t len;
    assert_int_equal(niact_record_dump(s, NIACT_RECORD_ALL_ROLES, &text, &len, msg, sizeof msg),
                     NIACT_OK);
    assert_non_null(strstr(text, "\"a\": \"actor\""));
    niact_record_opts opts = {.host = h};
    niact_loaded l;
    if (niact_record_load_text(text, len, &opts, &l, msg, sizeof msg) != NIACT_OK)
        fail_msg("%s", msg);
    assert_true(niact_session_seat(l.session, A)->actor);
    assert_string_equal(niact_session_seat(l.session, A)->personality, "watcher");
    niact_loaded_free(&l);
    free(text);
    niact_session_free(s);
    /* A role with no actor cannot be seated as one. */
    memset(seats, 0, sizeof seats);
    assert_int_equal(niact_seat_parse("actor", &seats[B]), 0);
    assert_int_equal(niact_session_new(h, 3, seats, &s, msg, sizeof msg), NIACT_ERR_INVALID);
    assert_non_null(strstr(msg, "role 'b' has no scripted actor (roles with one: a)"));
    niact_host_free(h);
    /* niact play: the actor plays a role left out, so a game of b=ai, c=ai needs no one. */
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "HOME=%s XDG_DATA_HOME=%s/data '%s' play --text --scenario '%s' --seat b=ai "
             "--seat c=ai --seed 2 --no-autosave </dev/null 2>&1", dir, dir, NIACT_BIN, dir);
    FILE *f = popen(cmd, "r");
    char out[65536];
    size_t got = fread(out, 1, sizeof out - 1, f);
    out[got] = 0;
    assert_int_equal(pclose(f), 0);
    assert_non_null(strstr(out, "=== RESULT"));
    ts_rmdir(dir);
}

static void test_hostile_actors(void **st) {
    (void)st;
    char msg[8192];
    problems("", ", actor = 'nobody'", msg, sizeof msg);
    assert_non_null(strstr(msg, "role 'a': actor names no personality 'nobody'"));
    problems("", ", actor = 5", msg, sizeof msg);
    assert_non_null(strstr(msg, "role 'a': field 'actor' must be"));
    problems("personalities = { bonly = { b = function() return {} end } },", ", actor = 'bonly'",
             msg, sizeof msg);
    /* (the scenario's own personalities table is replaced by this one) */
    assert_non_null(strstr(msg, "personality 'bonly' (its actor) does not play it"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults_are_todays),
        cmocka_unit_test(test_declared_trust_and_expiry),
        cmocka_unit_test(test_cap_per_seat_per_turn),
        cmocka_unit_test(test_no_share_of_the_game),
        cmocka_unit_test(test_cap_fits_the_longest_calendar),
        cmocka_unit_test(test_long_game_negotiates_to_its_end),
        cmocka_unit_test(test_rollback_keeps_the_record_bounded),
        cmocka_unit_test(test_proposal_index_many),
        cmocka_unit_test(test_cap_after_forgetting),
        cmocka_unit_test(test_hostile_negotiation),
        cmocka_unit_test(test_proposer_chooses_the_giver),
        cmocka_unit_test(test_givers_naming_unknown_roles),
        cmocka_unit_test(test_term_info_when_named),
        cmocka_unit_test(test_secrecy_rules),
        cmocka_unit_test(test_public_and_secret_agreements),
        cmocka_unit_test(test_secret_agreement_seen_by_rules),
        cmocka_unit_test(test_declared_outcome),
        cmocka_unit_test(test_undeclared_outcome_refused),
        cmocka_unit_test(test_timeout),
        cmocka_unit_test(test_hostile_outcomes),
        cmocka_unit_test(test_outcome_rank),
        cmocka_unit_test(test_propose_and_answer_hooks),
        cmocka_unit_test(test_answer_hook_nil_is_generic),
        cmocka_unit_test(test_failing_hook),
        cmocka_unit_test(test_hostile_hooks),
        cmocka_unit_test(test_november_historical_talks),
        cmocka_unit_test(test_actor_seats),
        cmocka_unit_test(test_hostile_actors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
