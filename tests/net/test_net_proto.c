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
#include "niact/session.h"

static int decodes(const void *b, size_t n) {
    net_msg m;
    char why[160];
    return net_decode(b, n, &m, why, sizeof why) == 0;
}

static void test_round_trip(void **state) {
    (void)state;
    uint8_t buf[NET_MAX_PACKET];
    net_msg msgs[] = {
        net_msg_of(NET_HELLO, 0, 0, "ABCDE23456", 10),  net_msg_of(NET_HELLO, 1, 0, "", 0),
        net_msg_of(NET_LINE, 0, 77, "order 1", 7),      net_msg_of(NET_LINE, 0, 1, "", 0),
        net_msg_of(NET_WELCOME, 2, 0, "You are\nthe UN", 14), net_msg_of(NET_TEXT, 0, 0, "a\nb\n", 4),
        net_msg_of(NET_PROMPT, 0, 0xfffffffeu, "[us] > ", 7), net_msg_of(NET_END, 0, 0, NULL, 0),
        net_msg_of(NET_BYE, NET_BYE_CODE, 0, "No seat", 7),
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
    assert_false(decodes("\x01\x03\x02" "AB", 5));                /* HELLO of kind 3 */
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
    net_msg line = net_msg_of(NET_LINE, 0, 1, (const char *)big, NET_MAX_LINE + 1);
    assert_int_equal(net_encode(&line, buf, sizeof buf), 0);
    net_msg hello = net_msg_of(NET_HELLO, 0, 0, (const char *)big, NET_CODE_MAX + 1);
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
            b[0] = (uint8_t)(rand() % 2 ? 1 + rand() % 3 : 0x81 + rand() % 8);
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

/* A window's command: every field of the struct comes back as sent. */
static void test_command(void **state) {
    (void)state;
    niact_command c = niact_command_make(NIACT_CMD_PROPOSE, 2);
    c.action = -7, c.index = 3, c.param = INT32_MIN, c.to = 0x5u, c.public_ = 1;
    c.id = 95, c.accept = -1, c.n_terms = NIACT_MAX_TERMS;
    for (int i = 0; i < NIACT_MAX_TERMS; i++)
        c.terms[i] = (niact_term_item){(int16_t)(i * 3), (int16_t)(i % 3), -i * 1000};
    snprintf(c.text, sizeof c.text, "Meet at the Waldorf.\nNo Berlin.");
    uint8_t buf[NET_MAX_PACKET];
    size_t n = net_cmd_encode(42, &c, buf, sizeof buf);
    assert_true(n > 0);
    net_msg m;
    char why[160];
    assert_int_equal(net_decode(buf, n, &m, why, sizeof why), 0);
    assert_int_equal(m.type, NET_CMD);
    assert_int_equal(m.prompt, 42);
    niact_command back;
    net_cmd_read(&m, &back);
    assert_memory_equal(&back, &c, sizeof c); /* (both zeroed first: padding too) */
    uint8_t again[NET_MAX_PACKET];
    assert_int_equal(net_encode(&m, again, sizeof again), n);
    assert_memory_equal(again, buf, n);
    /* The encoder refuses what the session would refuse: too many terms, no NUL. */
    niact_command bad = c;
    bad.n_terms = NIACT_MAX_TERMS + 1;
    assert_int_equal(net_cmd_encode(1, &bad, buf, sizeof buf), 0);
    bad = c;
    memset(bad.text, 'x', sizeof bad.text);
    assert_int_equal(net_cmd_encode(1, &bad, buf, sizeof buf), 0);
    /* The decoder refuses a CMD with too many terms, a text past the end, a NUL, an
     * escape, bad UTF-8 or a text longer than a telegram. */
    n = net_cmd_encode(9, &c, buf, sizeof buf);
    uint8_t t[NET_MAX_PACKET];
    memcpy(t, buf, n);
    t[41] = NIACT_MAX_TERMS + 1;
    assert_int_equal(net_decode(t, n, &m, why, sizeof why), -1);
    memcpy(t, buf, n);
    assert_int_equal(net_decode(t, n - 1, &m, why, sizeof why), -1);
    assert_int_equal(net_decode(t, 30, &m, why, sizeof why), -1);
    size_t text_at = 41 + 1 + NIACT_MAX_TERMS * 8 + 2;
    t[text_at] = 0;
    assert_int_equal(net_decode(t, n, &m, why, sizeof why), -1);
    t[text_at] = 0x1b;
    assert_int_equal(net_decode(t, n, &m, why, sizeof why), -1);
    t[text_at] = 0xc3;
    t[text_at + 1] = 0x28;
    assert_int_equal(net_decode(t, n, &m, why, sizeof why), -1);
    niact_command longest = niact_command_make(NIACT_CMD_TELEGRAM, 0);
    memset(longest.text, 'a', NIACT_TELEGRAM_MAX);
    n = net_cmd_encode(1, &longest, buf, sizeof buf);
    assert_true(n > 0);
    assert_int_equal(net_decode(buf, n, &m, why, sizeof why), 0);
    buf[41 + 1] = (NIACT_TELEGRAM_MAX + 1) & 0xff, buf[41 + 2] = (NIACT_TELEGRAM_MAX + 1) >> 8;
    buf[n] = 'a';
    assert_int_equal(net_decode(buf, n + 1, &m, why, sizeof why), -1);
}

/* The host's new messages: SCENARIO, VIEW, REPLY round-trip; their limits hold. */
static void test_window_messages(void **state) {
    (void)state;
    uint8_t buf[NET_MAX_PACKET];
    net_msg sc = net_msg_of(NET_SCENARIO, 0, 0, "november1962", 12);
    sc.hash = 0x0123456789abcdefull;
    sc.text2 = "lesson", sc.len2 = 6;
    net_msg view = net_msg_of(NET_VIEW, 0, 7, "{\"v\":1", 6);
    view.part = 2, view.parts = 3;
    net_msg reply = net_msg_of(NET_REPLY, NIACT_KIND_INVALID, 99, "no such role", 12);
    reply.status = NIACT_ERR_INVALID, reply.id = -5;
    const net_msg *all[] = {&sc, &view, &reply};
    for (int i = 0; i < 3; i++) {
        size_t n = net_encode(all[i], buf, sizeof buf);
        assert_true(n > 0);
        net_msg m;
        char why[160];
        assert_int_equal(net_decode(buf, n, &m, why, sizeof why), 0);
        assert_int_equal(m.type, all[i]->type);
        assert_int_equal(m.prompt, all[i]->prompt);
        assert_int_equal(m.kind, all[i]->kind);
        assert_int_equal(m.part, all[i]->part);
        assert_int_equal(m.parts, all[i]->parts);
        assert_int_equal(m.status, all[i]->status);
        assert_int_equal(m.id, all[i]->id);
        assert_true(m.hash == all[i]->hash);
        assert_int_equal(m.len, all[i]->len);
        assert_memory_equal(m.text, all[i]->text, m.len);
        assert_int_equal(m.len2, all[i]->len2);
        if (m.len2)
            assert_memory_equal(m.text2, all[i]->text2, m.len2);
        uint8_t again[NET_MAX_PACKET];
        assert_int_equal(net_encode(&m, again, sizeof again), n);
        assert_memory_equal(again, buf, n);
    }
    /* A scenario id with a path in it, or none; a VIEW piece out of range, or empty. */
    net_msg path = net_msg_of(NET_SCENARIO, 0, 0, "../x", 4);
    size_t n = net_encode(&path, buf, sizeof buf);
    assert_true(n > 0);
    assert_false(decodes(buf, n));
    assert_false(decodes("\x86\0\0\0\0\0\0\0\0\0\0", 11));         /* no id */
    assert_false(decodes("\x86\0\0\0\0\0\0\0\0\2x\0", 12));       /* id runs past */
    assert_false(decodes("\x86\0\0\0\0\0\0\0\0\1x\1", 12));       /* variant too */
    assert_false(decodes("\x86\0\0\0\0\0\0\0\0\1x\1/", 13));      /* a slash */
    assert_true(decodes("\x86\0\0\0\0\0\0\0\0\1x\1y", 13));
    assert_false(decodes("\x87\1\0\0\0\3\0\3\0x", 10));          /* part 3 of 3 */
    assert_false(decodes("\x87\1\0\0\0\0\0\0\0x", 10));          /* of 0 parts */
    assert_false(decodes("\x87\1\0\0\0\0\0\1\x01x", 10));        /* 257 parts */
    assert_false(decodes("\x87\1\0\0\0\0\0\1\0", 9));            /* empty */
    assert_true(decodes("\x87\1\0\0\0\0\0\1\0x", 10));
    net_msg big = net_msg_of(NET_VIEW, 0, 1, (const char *)buf, NET_VIEW_CHUNK + 1);
    big.parts = 1;
    assert_int_equal(net_encode(&big, buf, sizeof buf), 0);
}

/* Pieces of a view are put together in order; anything else is dropped whole. */
static void test_view_pieces(void **state) {
    (void)state;
    net_view_buf v;
    memset(&v, 0, sizeof v);
    char why[160];
    static char chunk[NET_VIEW_CHUNK];
    memset(chunk, 'a', sizeof chunk);
    net_msg p = net_msg_of(NET_VIEW, 0, 5, chunk, sizeof chunk);
    p.parts = 3;
    for (int i = 0; i < 3; i++) {
        p.part = (uint16_t)i;
        p.len = i == 2 ? 10 : sizeof chunk;
        assert_int_equal(net_view_add(&v, &p, why, sizeof why), i == 2 ? 1 : 0);
    }
    assert_int_equal(v.len, 2 * sizeof chunk + 10);
    assert_int_equal(v.data[v.len], 0);
    /* Out of order, another id, another count: dropped, and the next first piece
     * starts again. */
    p.part = 1;
    assert_int_equal(net_view_add(&v, &p, why, sizeof why), -1);
    p.part = 0, p.prompt = 6;
    assert_int_equal(net_view_add(&v, &p, why, sizeof why), 0);
    p.part = 1, p.prompt = 7;
    assert_int_equal(net_view_add(&v, &p, why, sizeof why), -1);
    p.part = 2, p.prompt = 6;
    assert_int_equal(net_view_add(&v, &p, why, sizeof why), -1); /* the view was dropped */
    p.part = 0, p.parts = 1, p.len = 3;
    assert_int_equal(net_view_add(&v, &p, why, sizeof why), 1);
    assert_int_equal(v.len, 3);
    /* The most pieces a view may have, each full: taken; the bound is the protocol's. */
    p.parts = NET_VIEW_PARTS, p.len = sizeof chunk;
    int done = 0;
    for (int i = 0; i < NET_VIEW_PARTS; i++) {
        p.part = (uint16_t)i;
        done = net_view_add(&v, &p, why, sizeof why);
        assert_true(done >= 0);
    }
    assert_int_equal(done, 1);
    assert_int_equal(v.len, (size_t)NET_VIEW_PARTS * sizeof chunk);
    net_view_free(&v);
    assert_null(v.data);
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
        cmocka_unit_test(test_addresses),      cmocka_unit_test(test_command),
        cmocka_unit_test(test_window_messages), cmocka_unit_test(test_view_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
