/* Out of memory anywhere in loading a scenario is a clean refusal: the host's and Lua's
 * allocations are made to fail one by one (the Nth, for every N until the load goes
 * through) and each load must either succeed whole or be refused with a message, never
 * crash (a Lua panic aborts), keep a NULL or leak (ASan checks the leaks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "niact/script.h"

/* The seam: the linker routes malloc/calloc/realloc of the engine here (-Wl,--wrap). */
void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t m);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t m);
void *__wrap_realloc(void *p, size_t n);

static long countdown = -1; /* allocations left before one fails; -1: never */
static long made;           /* allocations asked for since the count was reset */

static int fail_now(void) {
    made++;
    if (countdown < 0)
        return 0;
    return countdown-- == 0;
}
void *__wrap_malloc(size_t n) {
    return fail_now() ? NULL : __real_malloc(n);
}
void *__wrap_calloc(size_t n, size_t m) {
    return fail_now() ? NULL : __real_calloc(n, m);
}
void *__wrap_realloc(void *p, size_t n) {
    return fail_now() && n > 0 ? NULL : __real_realloc(p, n);
}

/* Loads testland with the nth allocation failing; 1 if it loaded, 0 if it was refused
 * with a message (anything else fails the test). */
static int load_failing(long n) {
    niact_host *h = NULL;
    char msg[4096] = "";
    countdown = n;
    niact_status rc = niact_host_load(NIACT_TEST_DIR "/scenarios/testland",
                                      NIACT_SCRIPTS_DIR "/lib", NULL, &h, msg, sizeof msg);
    countdown = -1;
    if (rc == NIACT_OK) {
        assert_non_null(h);
        const niact_scenario *sc = niact_host_scenario(h);
        for (int a = 0; a < sc->n_actions; a++)
            assert_non_null(sc->actions[a].meta.text);
        niact_host_free(h);
        return 1;
    }
    assert_null(h);
    if (!msg[0])
        fail_msg("allocation %ld failed: refused without a message", n);
    return 0;
}

static void test_load_fails_cleanly(void **st) {
    (void)st;
    made = 0;
    assert_int_equal(load_failing(-1), 1);
    long total = made, step = total / 400 + 1;
    int refused = 0, loaded = 0;
    for (long n = 0; n < total; n += n < 200 ? 1 : step) {
        if (load_failing(n))
            loaded++;
        else
            refused++;
    }
    print_message("%ld allocations in a load; failing one of them: %d refused cleanly, %d "
                  "loaded anyway (Lua collected and retried)\n", total, refused, loaded);
    assert_true(refused > 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_load_fails_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
