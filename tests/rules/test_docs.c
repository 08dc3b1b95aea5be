/* docs/rules.md and `niact rules` agree: every id `niact rules --json` lists (roles,
 * tracks, actions, terms, events, objectives, personalities) appears in docs/rules.md
 * in bold (**`id`**), and every bold id there is declared. The printable briefings in
 * docs/briefings are the scenario's own briefing texts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "niact/script.h"

#define DOCS NIACT_TEST_DIR "/../docs"

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (n + 1 >= cap) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf) buf[n] = 0;
    return buf;
}

/* Every id of `niact rules --json`, as one JSON array of strings. */
static json_t *declared_ids(void) {
    FILE *p = popen(NIACT_BIN " rules --scenario november1962 --json", "r");
    assert_non_null(p);
    json_error_t err;
    json_t *root = json_loadf(p, 0, &err);
    assert_int_equal(pclose(p), 0);
    assert_non_null(root);
    json_t *ids = json_array();
    const char *kinds[] = {"roles", "tracks", "actions", "terms", "events", "objectives",
                           "turning_points"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(root, kinds[k]), i, it)
            json_array_append(ids, json_object_get(it, "id"));
    }
    size_t i;
    json_t *it;
    json_array_foreach(json_object_get(root, "personalities"), i, it)
        json_array_append(ids, it);
    json_decref(root);
    assert_true(json_array_size(ids) > 50);
    return ids;
}

static int declared(json_t *ids, const char *id, size_t len) {
    size_t i;
    json_t *it;
    json_array_foreach(ids, i, it) {
        const char *s = json_string_value(it);
        if (strlen(s) == len && !strncmp(s, id, len)) return 1;
    }
    return 0;
}

static void test_every_declared_id_is_documented(void **st) {
    (void)st;
    char *doc = slurp(DOCS "/rules.md");
    assert_non_null(doc);
    json_t *ids = declared_ids();
    int missing = 0;
    size_t i;
    json_t *it;
    json_array_foreach(ids, i, it) {
        char pat[128];
        snprintf(pat, sizeof pat, "**`%s`**", json_string_value(it));
        if (!strstr(doc, pat)) {
            print_error("docs/rules.md does not document '%s'\n", json_string_value(it));
            missing++;
        }
    }
    assert_int_equal(missing, 0);
    json_decref(ids);
    free(doc);
}

static void test_every_documented_id_is_declared(void **st) {
    (void)st;
    char *doc = slurp(DOCS "/rules.md");
    assert_non_null(doc);
    json_t *ids = declared_ids();
    int stray = 0, seen = 0;
    for (const char *p = strstr(doc, "**`"); p; p = strstr(p + 1, "**`")) {
        const char *id = p + 3, *end = strstr(id, "`**");
        if (!end) break;
        seen++;
        if (!declared(ids, id, (size_t)(end - id))) {
            print_error("docs/rules.md documents '%.*s', which the scenario does not declare\n",
                        (int)(end - id), id);
            stray++;
        }
    }
    assert_true(seen > 50);
    assert_int_equal(stray, 0);
    json_decref(ids);
    free(doc);
}

/* The key a cited source stands under in docs/sources.md: without a trailing note in
 * brackets; every "telegram 1158, point N" is "telegram 1158", every "NYT <day>" "NYT". */
static void source_key(const char *part, size_t len, char *key, size_t cap) {
    while (len && (*part == ' ')) part++, len--;
    while (len && part[len - 1] == ' ') len--;
    if (len && part[len - 1] == ')') {
        const char *open = NULL;
        for (const char *p = part; p < part + len; p++) if (*p == '(') open = p;
        if (open) len = (size_t)(open - part);
        while (len && part[len - 1] == ' ') len--;
    }
    if (len >= 13 && !strncmp(part, "telegram 1158", 13)) len = 13;
    if (len >= 3 && !strncmp(part, "NYT", 3)) len = 3;
    snprintf(key, cap, "`%.*s`", (int)len, part);
}

/* Every source the scenario cites (each ';'-separated part of every `source`) has its
 * full reference in docs/sources.md. */
static void test_every_source_is_listed(void **st) {
    (void)st;
    char *doc = slurp(DOCS "/sources.md");
    assert_non_null(doc);
    FILE *p = popen(NIACT_BIN " rules --scenario november1962 --json", "r");
    assert_non_null(p);
    json_error_t err;
    json_t *root = json_loadf(p, 0, &err);
    assert_int_equal(pclose(p), 0);
    assert_non_null(root);
    int missing = 0, seen = 0;
    const char *kinds[] = {"roles", "tracks", "actions", "terms", "events", "objectives",
                           "turning_points"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t i;
        json_t *it;
        json_array_foreach(json_object_get(root, kinds[k]), i, it) {
            const char *src = json_string_value(json_object_get(it, "source"));
            if (!src) continue;
            for (const char *a = src; *a;) {
                size_t n = strcspn(a, ";");
                char key[256];
                source_key(a, n, key, sizeof key);
                seen++;
                if (!strstr(doc, key)) {
                    print_error("docs/sources.md does not list %s (cited by '%s')\n", key,
                                json_string_value(json_object_get(it, "id")));
                    missing++;
                }
                a += n;
                if (*a == ';') a++;
            }
        }
    }
    json_decref(root);
    free(doc);
    assert_true(seen > 100);
    assert_int_equal(missing, 0);
}

static void test_printable_briefings_match(void **st) {
    (void)st;
    niact_host *h = NULL;
    char msg[4096];
    assert_int_equal(niact_host_load(NIACT_SCRIPTS_DIR "/scenarios/november1962",
                                     NIACT_SCRIPTS_DIR "/lib", NULL, &h, msg, sizeof msg),
                     NIACT_OK);
    const niact_scenario *sc = niact_host_scenario(h);
    for (int r = 0; r < sc->n_roles; r++) {
        char path[512];
        snprintf(path, sizeof path, DOCS "/briefings/%s.md", sc->roles[r].meta.id);
        char *doc = slurp(path);
        assert_non_null(doc);
        if (strcmp(doc, sc->roles[r].briefing) != 0)
            print_error("%s differs from the %s briefing in the scenario\n", path,
                        sc->roles[r].meta.id);
        assert_string_equal(doc, sc->roles[r].briefing);
        free(doc);
    }
    niact_host_free(h);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_declared_id_is_documented),
        cmocka_unit_test(test_every_documented_id_is_declared),
        cmocka_unit_test(test_printable_briefings_match),
        cmocka_unit_test(test_every_source_is_listed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
