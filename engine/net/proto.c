/* The niact network protocol's messages: checked decoding and encoding (net.h), seat
 * codes and addresses. No ENet here: a packet is bytes, checked whole before use. */
#include "net/net.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "niact/session.h"
#include "niact/text.h"

static uint16_t get16(const uint8_t *p) {
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t get32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get64(const uint8_t *p) {
    return (uint64_t)get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void put16(uint8_t *p, uint16_t v) {
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void put64(uint8_t *p, uint64_t v) {
    put32(p, (uint32_t)v);
    put32(p + 4, (uint32_t)(v >> 32));
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

#define CMD_HEAD 41 /* type, seq, nine 32-bit fields: n_terms is at b[41] */

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
        if (m->kind > NET_HELLO_WINDOW)
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
    case NET_CMD: {
        /* seq, nine 32-bit fields, n_terms, the terms, the text's length */
        if (n < CMD_HEAD + 1)
            return fail(why, whylen, "a CMD shorter than its header");
        m->prompt = get32(b + 1);
        size_t nt = b[CMD_HEAD];
        if (nt > NIACT_MAX_TERMS)
            return fail(why, whylen, "a CMD with more terms than a proposal holds");
        size_t at = CMD_HEAD + 1 + nt * 8;
        if (n < at + 2)
            return fail(why, whylen, "a CMD cut short in its terms");
        if (take_text(b + at + 2, n - at - 2, get16(b + at), NIACT_TELEGRAM_MAX,
                      NIACT_TEXT_NEWLINES, m, why, whylen) != 0)
            return -1;
        if (memchr(m->text, 0, m->len))
            return fail(why, whylen, "a CMD's text holds a NUL");
        m->text = (const char *)b + 1; /* the whole command, for net_cmd_read */
        m->len = n - 1;
        return 0;
    }
    case NET_SCENARIO:
        if (n < 10)
            return fail(why, whylen, "a SCENARIO shorter than its header");
        m->hash = get64(b + 1);
        if (b[9] > 64 || n < 11 + (size_t)b[9])
            return fail(why, whylen, "a SCENARIO's id runs past the end of the packet");
        /* the variant's id after the scenario's */
        if (take_text(b + 11 + b[9], n - 11 - b[9], b[10 + b[9]], 64, 0, m, why, whylen) != 0)
            return -1;
        m->text2 = m->text, m->len2 = m->len;
        m->text = (const char *)b + 10, m->len = b[9];
        if (!m->len)
            return fail(why, whylen, "a SCENARIO without an id");
        for (int k = 0; k < 2; k++) {
            const char *t = k ? m->text2 : m->text;
            for (size_t i = 0, len = k ? m->len2 : m->len; i < len; i++)
                if (!isalnum((unsigned char)t[i]) && t[i] != '_' && t[i] != '-')
                    return fail(why, whylen, "an id holds only letters, digits, _ and -");
        }
        return 0;
    case NET_VIEW:
        if (n < 10)
            return fail(why, whylen, "a VIEW shorter than its header or empty");
        m->prompt = get32(b + 1);
        m->part = get16(b + 5);
        m->parts = get16(b + 7);
        if (!m->parts || m->parts > NET_VIEW_PARTS || m->part >= m->parts)
            return fail(why, whylen, "a VIEW piece out of range");
        m->text = (const char *)b + 9; /* bytes (a piece may cut a character) */
        m->len = n - 9;
        return 0;
    case NET_REPLY:
        if (n < 16)
            return fail(why, whylen, "a REPLY shorter than its header");
        m->prompt = get32(b + 1);
        m->status = (int32_t)get32(b + 5);
        m->kind = b[9];
        m->id = (int32_t)get32(b + 10);
        return take_text(b + 16, n - 16, get16(b + 14), NET_MAX_REASON, 0, m, why, whylen);
    default:
        return fail(why, whylen, "a message of an unknown type");
    }
}

void net_cmd_read(const net_msg *m, niact_command *c) {
    const uint8_t *b = (const uint8_t *)m->text + 4; /* past seq */
    memset(c, 0, sizeof *c);
    c->kind = (int32_t)get32(b), c->role = (int32_t)get32(b + 4);
    c->action = (int32_t)get32(b + 8), c->index = (int32_t)get32(b + 12);
    c->param = (int32_t)get32(b + 16), c->to = get32(b + 20);
    c->public_ = (int32_t)get32(b + 24), c->id = (int32_t)get32(b + 28);
    c->accept = (int32_t)get32(b + 32);
    c->n_terms = b[36];
    const uint8_t *t = b + 37;
    for (int i = 0; i < c->n_terms; i++, t += 8) {
        c->terms[i].term = (int16_t)get16(t);
        c->terms[i].giver = (int16_t)get16(t + 2);
        c->terms[i].param = (int32_t)get32(t + 4);
    }
    size_t n = get16(t);
    memcpy(c->text, t + 2, n);
    c->text[n] = 0;
}

size_t net_cmd_encode(uint32_t seq, const niact_command *c, uint8_t *b, size_t cap) {
    if (c->n_terms < 0 || c->n_terms > NIACT_MAX_TERMS)
        return 0;
    const char *nul = memchr(c->text, 0, sizeof c->text);
    if (!nul)
        return 0;
    size_t tl = (size_t)(nul - c->text);
    size_t n = CMD_HEAD + 1 + (size_t)c->n_terms * 8 + 2 + tl;
    if (n > cap || n > NET_MAX_PACKET)
        return 0;
    b[0] = NET_CMD;
    put32(b + 1, seq);
    const int32_t f[9] = {c->kind, c->role, c->action, c->index, c->param, (int32_t)c->to,
                          c->public_, c->id, c->accept};
    for (int i = 0; i < 9; i++)
        put32(b + 5 + 4 * i, (uint32_t)f[i]);
    b[CMD_HEAD] = (uint8_t)c->n_terms;
    uint8_t *t = b + CMD_HEAD + 1;
    for (int i = 0; i < c->n_terms; i++, t += 8) {
        put16(t, (uint16_t)c->terms[i].term);
        put16(t + 2, (uint16_t)c->terms[i].giver);
        put32(t + 4, (uint32_t)c->terms[i].param);
    }
    put16(t, (uint16_t)tl);
    memcpy(t + 2, c->text, tl);
    return n;
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
    case NET_SCENARIO: /* hash, the id, the variant's id */
        if (!m->len || m->len > 64 || m->len2 > 64 || 11 + m->len + m->len2 > cap)
            return 0;
        b[0] = NET_SCENARIO;
        put64(b + 1, m->hash);
        b[9] = (uint8_t)m->len;
        memcpy(b + 10, m->text, m->len);
        b[10 + m->len] = (uint8_t)m->len2;
        if (m->len2)
            memcpy(b + 11 + m->len, m->text2, m->len2);
        return 11 + m->len + m->len2;
    case NET_VIEW:
        head = 9, max = NET_VIEW_CHUNK;
        if (!m->len || !m->parts || m->parts > NET_VIEW_PARTS || m->part >= m->parts)
            return 0;
        break;
    case NET_REPLY:
        head = 16, max = NET_MAX_REASON;
        break;
    case NET_CMD: /* the whole command after the type, as net_decode gave it */
        if (m->len + 1 > cap || m->len + 1 > NET_MAX_PACKET || m->len < 4)
            return 0;
        b[0] = NET_CMD;
        memcpy(b + 1, m->text, m->len);
        return m->len + 1;
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
    case NET_VIEW:
        put32(b + 1, m->prompt);
        put16(b + 5, m->part);
        put16(b + 7, m->parts);
        break;
    case NET_REPLY:
        put32(b + 1, m->prompt);
        put32(b + 5, (uint32_t)m->status);
        b[9] = m->kind;
        put32(b + 10, (uint32_t)m->id);
        put16(b + 14, (uint16_t)m->len);
        break;
    default:
        break;
    }
    if (m->len)
        memcpy(b + head, m->text, m->len);
    return head + m->len;
}

int net_view_add(net_view_buf *v, const net_msg *m, char *why, size_t whylen) {
    if (m->type != NET_VIEW || !m->parts || m->part >= m->parts || m->len > NET_VIEW_CHUNK)
        return fail(why, whylen, "not a VIEW piece");
    if (m->part == 0) { /* a new view begins (one not finished is dropped) */
        v->id = m->prompt, v->parts = m->parts, v->len = 0, v->next = 0;
    } else if (v->next == 0 || m->prompt != v->id || m->part != v->next ||
               m->parts != v->parts) {
        v->next = 0, v->len = 0;
        return fail(why, whylen, "a VIEW piece that does not follow the one before");
    }
    size_t need = v->len + m->len + 1;
    if (need > (size_t)NET_VIEW_PARTS * NET_VIEW_CHUNK + 1) {
        v->next = 0, v->len = 0;
        return fail(why, whylen, "a view larger than the protocol allows");
    }
    if (need > v->cap) {
        size_t cap = v->cap ? v->cap : 16384;
        while (cap < need)
            cap *= 2;
        char *d = realloc(v->data, cap);
        if (!d) {
            v->next = 0, v->len = 0;
            return fail(why, whylen, "out of memory for a view");
        }
        v->data = d, v->cap = cap;
    }
    memcpy(v->data + v->len, m->text, m->len);
    v->len += m->len;
    v->data[v->len] = 0;
    if (m->part + 1 < m->parts) {
        v->next = (uint16_t)(m->part + 1);
        return 0;
    }
    v->next = 0;
    return 1;
}

void net_view_free(net_view_buf *v) {
    free(v->data);
    memset(v, 0, sizeof *v);
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
