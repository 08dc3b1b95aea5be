/* The network protocol's messages (engine/net/proto.c): every field is checked where a
 * packet is read; codes come from the system's randomness; addresses parse strictly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "net/net.h"

static int decodes(const void *b, size_t n) {
    net_msg m;
    char why[160];
    return net_decode(b, n, &m, why, sizeof why) == 0;
}

static void test_round_trip(void **state) {
    (void)state;
    uint8_t buf[NET_MAX_PACKET];
    const net_msg msgs[] = {
        {NET_HELLO, 0, 0, "ABCDE23456", 10},  {NET_HELLO, 1, 0, "", 0},
        {NET_LINE, 0, 77, "order 1", 7},      {NET_LINE, 0, 1, "", 0},
        {NET_WELCOME, 2, 0, "You are\nthe UN", 14}, {NET_TEXT, 0, 0, "a\nb\n", 4},
        {NET_PROMPT, 0, 0xfffffffeu, "[us] > ", 7}, {NET_END, 0, 0, NULL, 0},
        {NET_BYE, NET_BYE_CODE, 0, "No seat", 7},
    };
    for (size_t i = 0; i < sizeof msgs / sizeof *msgs; i++) {
        size_t n = net_encode(&msgs[i], buf, sizeof buf);
        assert_true(n > 0);
        net_msg m;
        char why[160];
        assert_int_equal(net_decode(buf, n, &m, why, sizeof why), 0);
        assert_int_equal(m.type, msgs[i].type);
        assert_int_equal(m.kind, msgs[i].kind);
        assert_int_equal(m.prompt, msgs[i].prompt);
        assert_int_equal(m.len, msgs[i].len);
        if (m.len)
            assert_memory_equal(m.text, msgs[i].text, m.len);
    }
}

static void test_malformed(void **state) {
    (void)state;
    net_msg m;
    char why[160];
    assert_false(decodes("", 0));
    assert_false(decodes("\x09", 1));                             /* unknown type */
    assert_false(decodes("\x02\x01\x00\x00\x00\x05\x00" "abc", 10)); /* text runs past */
    assert_false(decodes("\x02\x01\x00\x00\x00\x02\x00" "abc", 10)); /* bytes left over */
    assert_false(decodes("\x02\x01\x00\x00", 4));                 /* header cut short */
    assert_false(decodes("\x02\x01\x00\x00\x00\x02\x00\xc3\x28", 9)); /* not UTF-8 */
    assert_false(decodes("\x02\x01\x00\x00\x00\x02\x00" "a\n", 9));   /* newline in a LINE */
    assert_false(decodes("\x02\x01\x00\x00\x00\x02\x00" "a\x1b", 9)); /* escape in a LINE */
    assert_false(decodes("\x01\x02\x02" "AB", 5));                /* HELLO of kind 2 */
    assert_false(decodes("\x01\x00\x02" "A!", 5));                /* code with '!' */
    assert_false(decodes("\x84\x00", 2));                         /* END with a byte more */
    assert_false(decodes("\x82\x01\x00" "\x1b", 4));              /* escape in TEXT */
    /* A LINE longer than a typed line may be, a packet larger than the limit. */
    static uint8_t big[NET_MAX_PACKET + 10];
    memset(big, 'a', sizeof big);
    big[0] = NET_LINE;
    big[5] = (NET_MAX_LINE + 1) & 0xff, big[6] = (NET_MAX_LINE + 1) >> 8;
    assert_int_equal(net_decode(big, 7 + NET_MAX_LINE + 1, &m, why, sizeof why), -1);
    assert_non_null(strstr(why, "longer"));
    assert_int_equal(net_decode(big, sizeof big, &m, why, sizeof why), -1);
    /* The encoder keeps the same limits. */
    uint8_t buf[NET_MAX_PACKET];
    net_msg line = {NET_LINE, 0, 1, (const char *)big, NET_MAX_LINE + 1};
    assert_int_equal(net_encode(&line, buf, sizeof buf), 0);
    net_msg hello = {NET_HELLO, 0, 0, (const char *)big, NET_CODE_MAX + 1};
    assert_int_equal(net_encode(&hello, buf, sizeof buf), 0);
}

/* Random packets: never a crash, never an over-read (ASan build), and what decodes
 * encodes back to the same bytes. */
static void test_random_packets(void **state) {
    (void)state;
    srand(7);
    uint8_t b[64], again[NET_MAX_PACKET];
    int ok = 0;
    for (int i = 0; i < 200000; i++) {
        size_t n = (size_t)(rand() % (int)sizeof b);
        for (size_t j = 0; j < n; j++)
            b[j] = (uint8_t)(rand() % 4 ? rand() % 128 : rand());
        if (n && rand() % 2)
            b[0] = (uint8_t)(rand() % 2 ? 1 + rand() % 2 : 0x81 + rand() % 5);
        net_msg m;
        char why[160];
        if (net_decode(b, n, &m, why, sizeof why) != 0)
            continue;
        ok++;
        size_t k = net_encode(&m, again, sizeof again);
        assert_int_equal(k, n);
        assert_memory_equal(again, b, n);
    }
    assert_true(ok > 0); /* some did decode: the loop tested both ways */
}

static void test_codes(void **state) {
    (void)state;
    char a[NET_CODE_LEN + 1], b[NET_CODE_LEN + 1];
    assert_int_equal(net_code_new(a, sizeof a), 0);
    assert_int_equal(net_code_new(b, sizeof b), 0);
    assert_int_equal(strlen(a), NET_CODE_LEN);
    assert_string_not_equal(a, b);
    for (size_t i = 0; i < NET_CODE_LEN; i++)
        assert_non_null(strchr("ABCDEFGHJKMNPQRSTUVWXYZ23456789", a[i]));
    assert_int_equal(net_code_new(a, NET_CODE_LEN), -1); /* no room for it */
    assert_true(net_code_equal("ABCDE23456", "abcde-23456", 11));
    assert_true(net_code_equal("ABCDE23456", "ABCDE23456", 10));
    assert_false(net_code_equal("ABCDE23456", "ABCDE23457", 10));
    assert_false(net_code_equal("ABCDE23456", "ABCDE2345", 9));
    assert_false(net_code_equal("ABCDE23456", "", 0));
}

static void test_addresses(void **state) {
    (void)state;
    char h[64];
    uint16_t p;
    assert_int_equal(net_split_address("127.0.0.1", h, sizeof h, &p), 0);
    assert_string_equal(h, "127.0.0.1");
    assert_int_equal(p, NET_DEFAULT_PORT);
    assert_int_equal(net_split_address("teacher-pc:5000", h, sizeof h, &p), 0);
    assert_string_equal(h, "teacher-pc");
    assert_int_equal(p, 5000);
    assert_int_equal(net_split_address("x:0", h, sizeof h, &p), -1);
    assert_int_equal(net_split_address("x:65536", h, sizeof h, &p), -1);
    assert_int_equal(net_split_address("x:12ab", h, sizeof h, &p), -1);
    assert_int_equal(net_split_address(":7962", h, sizeof h, &p), -1);
    assert_int_equal(net_split_address("x:", h, sizeof h, &p), -1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),     cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_random_packets), cmocka_unit_test(test_codes),
        cmocka_unit_test(test_addresses),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
