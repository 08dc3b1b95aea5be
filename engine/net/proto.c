/* The niact network protocol's messages: checked decoding and encoding (net.h), seat
 * codes and addresses. No ENet here: a packet is bytes, checked whole before use. */
#include "net/net.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "niact/text.h"

static uint16_t get16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static int fail(char *why, size_t len, const char *text) {
    snprintf(why, len, "%s", text);
    return -1;
}

/* The text of a message: n bytes at p, ending exactly at the packet's end. */
static int take_text(const uint8_t *p, size_t left, size_t n, size_t max, unsigned flags,
                     net_msg *m, char *why, size_t whylen) {
    if (n != left)
        return fail(why, whylen, n > left ? "its text runs past the end of the packet"
                                          : "bytes left over after its text");
    if (n > max)
        return fail(why, whylen, "its text is longer than the protocol allows");
    char reason[96];
    if (niact_text_check((const char *)p, n, flags, reason, sizeof reason) != NIACT_OK) {
        snprintf(why, whylen, "its text is not plain text (%s)", reason);
        return -1;
    }
    m->text = (const char *)p;
    m->len = n;
    return 0;
}

int net_decode(const uint8_t *b, size_t n, net_msg *m, char *why, size_t whylen) {
    memset(m, 0, sizeof *m);
    if (n < 1)
        return fail(why, whylen, "an empty packet");
    if (n > NET_MAX_PACKET)
        return fail(why, whylen, "a packet larger than the protocol allows");
    m->type = (net_type)b[0];
    switch (b[0]) {
    case NET_HELLO: {
        if (n < 3)
            return fail(why, whylen, "a HELLO shorter than its header");
        m->kind = b[1];
        if (m->kind > 1)
            return fail(why, whylen, "a HELLO of an unknown kind");
        if (take_text(b + 3, n - 3, b[2], NET_CODE_MAX, 0, m, why, whylen) != 0)
            return -1;
        for (size_t i = 0; i < m->len; i++)
            if (!isalnum((unsigned char)m->text[i]) && m->text[i] != '-')
                return fail(why, whylen, "a code holds only letters, digits and dashes");
        return 0;
    }
    case NET_LINE:
    case NET_PROMPT:
        if (n < 7)
            return fail(why, whylen, "a message shorter than its header");
        m->prompt = get32(b + 1);
        return take_text(b + 7, n - 7, get16(b + 5),
                         b[0] == NET_LINE ? NET_MAX_LINE : NET_MAX_TEXT, 0, m, why, whylen);
    case NET_WELCOME:
    case NET_BYE:
        if (n < 4)
            return fail(why, whylen, "a message shorter than its header");
        m->kind = b[1];
        return take_text(b + 4, n - 4, get16(b + 2), NET_MAX_TEXT, NIACT_TEXT_NEWLINES, m,
                         why, whylen);
    case NET_TEXT:
        if (n < 3)
            return fail(why, whylen, "a TEXT shorter than its header");
        return take_text(b + 3, n - 3, get16(b + 1), NET_MAX_TEXT, NIACT_TEXT_NEWLINES, m,
                         why, whylen);
    case NET_END:
        return n == 1 ? 0 : fail(why, whylen, "bytes left over after END");
    default:
        return fail(why, whylen, "a message of an unknown type");
    }
}

size_t net_encode(const net_msg *m, uint8_t *b, size_t cap) {
    size_t head, max = NET_MAX_TEXT;
    switch (m->type) {
    case NET_HELLO:
        head = 3, max = NET_CODE_MAX;
        break;
    case NET_LINE:
        head = 7, max = NET_MAX_LINE;
        break;
    case NET_PROMPT:
        head = 7;
        break;
    case NET_WELCOME:
    case NET_BYE:
        head = 4;
        break;
    case NET_TEXT:
        head = 3;
        break;
    case NET_END:
        head = 1, max = 0;
        break;
    default:
        return 0;
    }
    if (m->len > max || head + m->len > cap || head + m->len > NET_MAX_PACKET)
        return 0;
    b[0] = (uint8_t)m->type;
    switch (m->type) {
    case NET_HELLO:
        b[1] = m->kind;
        b[2] = (uint8_t)m->len;
        break;
    case NET_LINE:
    case NET_PROMPT:
        put32(b + 1, m->prompt);
        put16(b + 5, (uint16_t)m->len);
        break;
    case NET_WELCOME:
    case NET_BYE:
        b[1] = m->kind;
        put16(b + 2, (uint16_t)m->len);
        break;
    case NET_TEXT:
        put16(b + 1, (uint16_t)m->len);
        break;
    default:
        break;
    }
    if (m->len)
        memcpy(b + head, m->text, m->len);
    return head + m->len;
}

/* 31 characters: no 0/O, no 1/I/L, so a code read off a board is typed right. */
static const char code_alphabet[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

int net_code_new(char *code, size_t len) {
    if (len < NET_CODE_LEN + 1)
        return -1;
    const unsigned n = sizeof code_alphabet - 1; /* 31 */
    size_t k = 0;
    for (int tries = 0; k < NET_CODE_LEN && tries < 64; tries++) {
        unsigned char bytes[32];
        ssize_t got = getrandom(bytes, sizeof bytes, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return -1;
        for (ssize_t i = 0; i < got && k < NET_CODE_LEN; i++)
            if (bytes[i] < 256 - 256 % n) /* rejection: no bias towards the first letters */
                code[k++] = code_alphabet[bytes[i] % n];
    }
    if (k < NET_CODE_LEN)
        return -1;
    code[k] = 0;
    return 0;
}

int net_code_equal(const char *code, const char *typed, size_t typed_len) {
    char norm[NET_CODE_MAX + 1];
    size_t k = 0;
    unsigned diff = 0;
    for (size_t i = 0; i < typed_len; i++) {
        if (typed[i] == '-')
            continue;
        if (k == NET_CODE_MAX)
            return 0;
        norm[k++] = (char)toupper((unsigned char)typed[i]);
    }
    size_t clen = strlen(code);
    if (k != clen)
        return 0;
    for (size_t i = 0; i < clen; i++)
        diff |= (unsigned)(norm[i] ^ code[i]);
    return diff == 0;
}

int net_split_address(const char *arg, char *host, size_t hostlen, uint16_t *port) {
    *port = NET_DEFAULT_PORT;
    const char *colon = NULL, *end = arg + strlen(arg);
    const char *hs = arg, *he;
    if (arg[0] == '[') { /* [v6]:port */
        const char *close = strchr(arg, ']');
        if (!close)
            return -1;
        hs = arg + 1, he = close;
        if (close[1] == ':')
            colon = close + 1;
        else if (close[1])
            return -1;
    } else {
        colon = strrchr(arg, ':');
        if (colon && strchr(arg, ':') != colon)
            colon = NULL; /* a bare IPv6 address: no port */
        he = colon ? colon : end;
    }
    if (he <= hs || (size_t)(he - hs) >= hostlen)
        return -1;
    memcpy(host, hs, (size_t)(he - hs));
    host[he - hs] = 0;
    if (colon) {
        char *e;
        errno = 0;
        long p = strtol(colon + 1, &e, 10);
        if (!colon[1] || *e || errno || p < 1 || p > 65535)
            return -1;
        *port = (uint16_t)p;
    }
    return 0;
}
