/* PCG32: known outputs, bounds, independence of streams. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "niact/rng.h"

/* The PCG reference implementation's demo (pcg32-demo, seed 42, stream 54) prints
 * these first six outputs. */
static void test_reference_sequence(void **st) {
    (void)st;
    niact_rng r;
    niact_rng_seed(&r, 42u, 54u);
    const uint32_t want[6] = {0xa15c02b7, 0x7b47f409, 0xba1d3330,
                              0x83d2f293, 0xbfa4784b, 0xcbed606e};
    for (int i = 0; i < 6; i++)
        assert_int_equal(niact_rng_next(&r), want[i]);
}

static void test_below_bounds_and_coverage(void **st) {
    (void)st;
    niact_rng r;
    niact_rng_seed(&r, 7, 1);
    int seen[6] = {0};
    for (int i = 0; i < 6000; i++) {
        uint32_t v = niact_rng_below(&r, 6);
        assert_true(v < 6);
        seen[v]++;
    }
    for (int i = 0; i < 6; i++)
        assert_in_range(seen[i], 800, 1200);
    assert_int_equal(niact_rng_below(&r, 0), 0);
    assert_int_equal(niact_rng_below(&r, 1), 0);
}

static void test_range(void **st) {
    (void)st;
    niact_rng r;
    niact_rng_seed(&r, 9, 3);
    int lo = 0, hi = 0;
    for (int i = 0; i < 2000; i++) {
        int32_t v = niact_rng_range(&r, -3, 3);
        assert_in_range(v + 3, 0, 6);
        lo |= v == -3;
        hi |= v == 3;
    }
    assert_true(lo && hi);
    assert_int_equal(niact_rng_range(&r, 5, 5), 5);
    assert_int_equal(niact_rng_range(&r, 5, 4), 5);
    (void)niact_rng_range(&r, INT32_MIN, INT32_MAX); /* full range does not overflow */
}

static void test_same_seed_same_sequence_streams_differ(void **st) {
    (void)st;
    niact_rng a, b, c;
    niact_rng_seed(&a, 123, 1);
    niact_rng_seed(&b, 123, 1);
    niact_rng_seed(&c, 123, 2);
    int differ = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t x = niact_rng_next(&a);
        assert_int_equal(x, niact_rng_next(&b));
        differ += x != niact_rng_next(&c);
    }
    assert_true(differ > 90);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_sequence),
        cmocka_unit_test(test_below_bounds_and_coverage),
        cmocka_unit_test(test_range),
        cmocka_unit_test(test_same_seed_same_sequence_streams_differ),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
