/* Records round trip: load -> save gives the same bytes; a game saved at any turn (and
 * in the middle of one), loaded and continued has the hashes of a game never
 * interrupted; thousands of seeded games replay and verify. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "rec_util.h"
#include "support.h"

static niact_host *host;

static int setup(void **st) {
    (void)st;
    host = ru_host();
    return 0;
}

static int teardown(void **st) {
    (void)st;
    niact_host_free(host);
    return 0;
}

static char *dump(niact_session *s, uint32_t keep, size_t *len) {
    char *text, msg[512];
    if (niact_record_dump(s, keep, &text, len, msg, sizeof msg) != NIACT_OK)
        fail_msg("dump: %s", msg);
    return text;
}

static void load_ok(const char *text, size_t len, niact_loaded *l) {
    char msg[2048];
    if (ru_load(host, text, len, l, msg, sizeof msg) != NIACT_OK)
        fail_msg("load: %s\n%s", msg, text);
}

static void play_to_end(niact_session *s) {
    while (niact_game_phase(niact_session_game(s)) != NIACT_PHASE_ENDED)
        assert_int_equal(niact_session_resolve(s), NIACT_OK);
}

static void same_hashes(niact_session *a, niact_session *b) {
    niact_game *ga = niact_session_game(a), *gb = niact_session_game(b);
    assert_int_equal(niact_game_turn(ga), niact_game_turn(gb));
    for (int32_t t = 0; t <= niact_game_turn(ga); t++) {
        uint64_t ha, hb;
        assert_int_equal(niact_game_turn_hash(ga, t, &ha), NIACT_OK);
        assert_int_equal(niact_game_turn_hash(gb, t, &hb), NIACT_OK);
        if (ha != hb)
            fail_msg("turn %d: %016llx != %016llx", t, (unsigned long long)ha,
                     (unsigned long long)hb);
    }
}

/* Save at every turn k, load, save again (same bytes), continue (same game). */
static void test_save_at_every_turn(void **st) {
    (void)st;
    for (uint64_t seed = 1; seed <= 27; seed++) {
        niact_session *full = ru_game(host, seed, 1000);
        size_t full_len;
        char *full_text = dump(full, NIACT_RECORD_ALL_ROLES, &full_len);
        for (int k = 0; k <= niact_game_turn(niact_session_game(full)); k++) {
            niact_session *part = ru_game(host, seed, k);
            size_t len, len2, len3;
            char *text = dump(part, NIACT_RECORD_ALL_ROLES, &len);
            niact_loaded l;
            load_ok(text, len, &l);
            assert_int_equal(l.turns, k);
            char *again = dump(l.session, NIACT_RECORD_ALL_ROLES, &len2);
            assert_int_equal(len, len2);
            assert_memory_equal(text, again, len);
            play_to_end(l.session);
            same_hashes(full, l.session);
            char *end = dump(l.session, NIACT_RECORD_ALL_ROLES, &len3);
            assert_int_equal(len3, full_len);
            assert_memory_equal(end, full_text, len3);
            free(text);
            free(again);
            free(end);
            niact_loaded_free(&l);
            niact_session_free(part);
        }
        free(full_text);
        niact_session_free(full);
    }
}

/* A save in the middle of a turn keeps the orders given so far (for the roles kept). */
static void test_save_mid_turn(void **st) {
    (void)st;
    int tried = 0;
    for (uint64_t seed = 100; seed < 160; seed++) {
        int k = (int)(seed % 6);
        uint32_t mask = (uint32_t)(seed % 7) + 1; /* 1..7: some of the three roles */
        niact_session *a = ru_game(host, seed, k);
        if (!ru_submit_some(a, mask)) {
            niact_session_free(a);
            continue;
        }
        tried++;
        size_t len, len2;
        char *text = dump(a, NIACT_RECORD_ALL_ROLES, &len);
        niact_loaded l;
        load_ok(text, len, &l);
        assert_int_equal(l.partial, 1);
        niact_game *ga = niact_session_game(a), *gb = niact_session_game(l.session);
        for (int r = 0; r < 3; r++) {
            int na, nb;
            assert_int_equal(niact_game_submitted(gb, r), (mask >> r) & 1);
            const niact_order *oa = niact_game_orders(ga, r, &na);
            const niact_order *ob = niact_game_orders(gb, r, &nb);
            assert_int_equal(na, nb);
            if (na)
                assert_memory_equal(oa, ob, (size_t)na * sizeof *oa);
        }
        char *again = dump(l.session, NIACT_RECORD_ALL_ROLES, &len2);
        assert_int_equal(len, len2);
        assert_memory_equal(text, again, len);
        play_to_end(a);
        play_to_end(l.session);
        same_hashes(a, l.session);
        free(text);
        free(again);
        niact_loaded_free(&l);
        niact_session_free(a);
    }
    assert_true(tried >= 20);
}

/* keep leaves out the seat still making up its mind. */
static void test_keep_mask(void **st) {
    (void)st;
    niact_session *a = NULL;
    for (uint64_t seed = 1; !a; seed++) {
        a = ru_game(host, seed, 2);
        if (!ru_submit_some(a, 7)) {
            niact_session_free(a);
            a = NULL;
        }
    }
    size_t len;
    char *text = dump(a, 7u & ~2u, &len);
    assert_non_null(strstr(text, "\"current\": {\"turn\": 3, \"inputs\": ["));
    niact_loaded l;
    load_ok(text, len, &l);
    assert_true(niact_game_submitted(niact_session_game(l.session), 0));
    assert_false(niact_game_submitted(niact_session_game(l.session), 1));
    assert_true(niact_game_submitted(niact_session_game(l.session), 2));
    free(text);
    niact_loaded_free(&l);
    niact_session_free(a);
}

static niact_term_item term_of(const char *id, int32_t param) {
    const niact_scenario *sc = niact_host_scenario(host);
    int t = niact_scenario_term(sc, id);
    assert_true(t >= 0);
    return (niact_term_item){(int16_t)t, -1, param};
}

/* Every kind of negotiation input (a counter-proposal is the answer here), by human seats, saved mid-turn and between turns:
 * loads, saves to the same bytes, and plays on to the same hashes. */
static void test_negotiation_kinds(void **st) {
    (void)st;
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats); /* all human */
    niact_session *a = NULL;
    assert_int_equal(niact_session_new(host, 77, seats, &a, NULL, 0), NIACT_OK);
    niact_term_item give = term_of("remove_within", 12), stop = term_of("stop_pressure", 0);
    int32_t p1, p2, p3;
    assert_int_equal(niact_session_propose(a, 0, 2u, 0, &give, 1, 0, &p1), NIACT_OK);
    assert_int_equal(niact_session_telegram(a, 1, 1u | 4u, "Bien re\xc3\xa7u. \"Non\".\n"),
                     NIACT_OK);
    niact_term_item both[2] = {stop, give};
    assert_int_equal(niact_session_propose(a, 1, 1u, 1, both, 2, p1, &p2), NIACT_OK);
    assert_int_equal(niact_session_propose(a, 2, 3u, 0, &stop, 1, 0, &p3), NIACT_OK);
    assert_int_equal(niact_session_withdraw(a, 2, p3), NIACT_OK);
    for (int phase = 0; phase < 2; phase++) {
        size_t len, len2;
        char *text = dump(a, NIACT_RECORD_ALL_ROLES, &len);
        for (const char *k = "propose\0withdraw\0telegram\0answer\0"; *k; k += strlen(k) + 1)
            if (phase == 1 || strcmp(k, "answer") != 0)
                assert_non_null(strstr(text, k));
        niact_loaded l;
        load_ok(text, len, &l);
        char *again = dump(l.session, NIACT_RECORD_ALL_ROLES, &len2);
        assert_int_equal(len, len2);
        assert_memory_equal(text, again, len);
        niact_session *b = l.session;
        for (niact_session *s = a; s; s = s == a ? b : NULL) {
            if (phase == 0)
                assert_int_equal(niact_session_answer(s, 0, p2, 0), NIACT_OK);
            assert_int_equal(niact_session_resolve(s), NIACT_OK);
        }
        same_hashes(a, b);
        free(text);
        free(again);
        niact_loaded_free(&l);
    }
    niact_session_free(a);
}

/* The bundled scenario, found by name: save at every turn, load, continue. */
static void test_november1962(void **st) {
    (void)st;
    char dir[4096], lib[4096], msg[4096];
    niact_host *nov = NULL;
    assert_int_equal(niact_find_scenario("november1962", dir, sizeof dir, lib, sizeof lib), 0);
    if (niact_host_load(dir, lib, NULL, &nov, msg, sizeof msg) != NIACT_OK)
        fail_msg("november1962: %s", msg);
    for (uint64_t seed = 1; seed <= 12; seed++) {
        niact_session *full = ru_game(nov, seed, 1000);
        for (int k = 0; k <= niact_game_turn(niact_session_game(full)); k += 2) {
            niact_session *part = ru_game(nov, seed, k);
            size_t len, len2;
            char *text, *again;
            assert_int_equal(niact_record_dump(part, NIACT_RECORD_ALL_ROLES, &text, &len, msg,
                                               sizeof msg), NIACT_OK);
            niact_loaded l;
            niact_record_opts o = {0};
            o.host = nov;
            if (niact_record_load_text(text, len, &o, &l, msg, sizeof msg) != NIACT_OK)
                fail_msg("november1962 seed %d turn %d: %s", (int)seed, k, msg);
            assert_int_equal(niact_record_dump(l.session, NIACT_RECORD_ALL_ROLES, &again, &len2,
                                               msg, sizeof msg), NIACT_OK);
            assert_int_equal(len, len2);
            assert_memory_equal(text, again, len);
            play_to_end(l.session);
            same_hashes(full, l.session);
            free(text);
            free(again);
            niact_loaded_free(&l);
            niact_session_free(part);
        }
        niact_session_free(full);
    }
    niact_host_free(nov);
}

/* Thousands of seeded games: record, replay, verify every hash, same bytes again. */
static void test_thousands_of_games(void **st) {
    (void)st;
    int games = getenv("NIACT_RECORD_GAMES") ? atoi(getenv("NIACT_RECORD_GAMES")) : 3000;
    long turns = 0;
    for (int i = 0; i < games; i++) {
        uint64_t seed = 0x9e3779b97f4a7c15ull * (uint64_t)(i + 1);
        niact_session *a = ru_game(host, seed, 1000);
        size_t len, len2;
        char *text = dump(a, NIACT_RECORD_ALL_ROLES, &len);
        niact_loaded l;
        load_ok(text, len, &l);
        assert_int_equal(l.first_mismatch, -1);
        turns += l.turns;
        assert_int_equal(niact_game_hash(niact_session_game(a)),
                         niact_game_hash(niact_session_game(l.session)));
        char *again = dump(l.session, NIACT_RECORD_ALL_ROLES, &len2);
        assert_int_equal(len, len2);
        assert_memory_equal(text, again, len);
        free(text);
        free(again);
        niact_loaded_free(&l);
        niact_session_free(a);
    }
    print_message("%d games, %ld turns replayed and verified\n", games, turns);
    assert_true(turns >= games * 2L);
}

static int turns_seen;
static void count_turn(void *ud, niact_session *s, int32_t turn) {
    (void)ud;
    (void)s;
    assert_int_equal(turn, ++turns_seen);
}

/* ignore_hashes notes the first mismatch and goes on; on_turn sees every turn. */
static void test_ignore_hashes(void **st) {
    (void)st;
    niact_session *a = ru_game(host, 9, 1000);
    size_t len;
    char *text = dump(a, 0, &len);
    uint64_t h3;
    niact_game_turn_hash(niact_session_game(a), 3, &h3);
    char hex[17];
    snprintf(hex, sizeof hex, "%016llx", (unsigned long long)h3);
    size_t at = 0;
    while (at + 16 <= len && memcmp(text + at, hex, 16) != 0)
        at++;
    assert_true(at + 16 <= len);
    text[at + 15] = text[at + 15] == '0' ? '1' : '0';
    niact_loaded l;
    char msg[1024];
    assert_int_equal(ru_load(host, text, len, &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "turn 3: state hash differs"));
    assert_null(l.session);
    niact_record_opts o = {0};
    o.host = host;
    o.ignore_hashes = 1;
    o.on_turn = count_turn;
    turns_seen = 0;
    assert_int_equal(niact_record_load_text(text, len, &o, &l, msg, sizeof msg), NIACT_OK);
    assert_int_equal(l.first_mismatch, 3);
    assert_int_equal(turns_seen, l.turns);
    free(text);
    niact_loaded_free(&l);
    niact_session_free(a);
}

/* Files: save atomically, load by folder and by name from the data folder. */
static void test_files_and_names(void **st) {
    (void)st;
    char *dir = ts_tempdir(), path[512], msg[1024], link[512];
    snprintf(path, sizeof path, "%s/game.json", dir);
    niact_session *a = ru_game(host, 3, 2);
    assert_int_equal(niact_record_save(a, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg),
                     NIACT_OK);
    niact_loaded l;
    niact_record_opts o = {0};
    o.scenario_dir = TESTLAND;
    o.lib_dir = LIBDIR;
    assert_int_equal(niact_record_load(path, &o, &l, msg, sizeof msg), NIACT_OK);
    assert_int_equal(l.own_host, 1);
    niact_loaded_free(&l);
    /* By name: a user scenario in the data folder. */
    setenv("XDG_DATA_HOME", dir, 1);
    snprintf(link, sizeof link, "%s/niact/scenarios", dir);
    assert_int_equal(niact_data_dir("scenarios", 1, link, sizeof link, msg, sizeof msg), 0);
    strcat(link, "/testland");
    assert_int_equal(symlink(TESTLAND, link), 0);
    assert_int_equal(niact_record_load(path, NULL, &l, msg, sizeof msg), NIACT_OK);
    niact_loaded_free(&l);
    /* No temporary files are left behind. */
    DIR *d = opendir(dir);
    struct dirent *e;
    while ((e = readdir(d)))
        assert_null(strstr(e->d_name, ".tmp."));
    closedir(d);
    /* Not found, not writable. */
    unlink(link);
    assert_int_equal(niact_record_load(path, NULL, &l, msg, sizeof msg), NIACT_ERR_FORMAT);
    assert_non_null(strstr(msg, "'testland' is not installed"));
    snprintf(path, sizeof path, "%s/no/such/folder/game.json", dir);
    assert_int_equal(niact_record_save(a, 0, path, msg, sizeof msg), NIACT_ERR_IO);
    assert_non_null(strstr(msg, "cannot write"));
    assert_int_equal(niact_record_load(path, NULL, &l, msg, sizeof msg), NIACT_ERR_IO);
    assert_int_equal(niact_record_load(dir, NULL, &l, msg, sizeof msg), NIACT_ERR_IO);
    unsetenv("XDG_DATA_HOME");
    niact_session_free(a);
    ts_rmdir(dir);
}

/* The data folder and save names that may not leave it. */
static void test_data_folder(void **st) {
    (void)st;
    char out[512], msg[512];
    setenv("XDG_DATA_HOME", "/x/data", 1);
    assert_int_equal(niact_data_dir("autosave", 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/x/data/niact/autosave");
    assert_int_equal(niact_data_file("saves", "game1", 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/x/data/niact/saves/game1.json");
    assert_int_equal(niact_data_file("saves", "g.json", 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/x/data/niact/saves/g.json");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/pat", 1);
    assert_int_equal(niact_data_dir(NULL, 0, out, sizeof out, msg, sizeof msg), 0);
    assert_string_equal(out, "/home/pat/.local/share/niact");
    static const char *const bad[] = {"../x", "a/b", ".hidden", "", "..", "/etc/passwd",
                                      "a b", "x\n", ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
                                                     "aaaaaaaaaaaaaaaaaaaa")};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_int_equal(niact_data_file("saves", bad[i], 0, out, sizeof out, msg, sizeof msg),
                         -1);
        assert_non_null(strstr(msg, "may not leave the data folder"));
    }
    unsetenv("HOME");
    unsetenv("XDG_DATA_HOME");
    assert_int_equal(niact_data_dir(NULL, 0, out, sizeof out, msg, sizeof msg), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_at_every_turn), cmocka_unit_test(test_save_mid_turn),
        cmocka_unit_test(test_keep_mask),          cmocka_unit_test(test_negotiation_kinds),
        cmocka_unit_test(test_november1962),       cmocka_unit_test(test_thousands_of_games),
        cmocka_unit_test(test_ignore_hashes),      cmocka_unit_test(test_files_and_names),
        cmocka_unit_test(test_data_folder),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
