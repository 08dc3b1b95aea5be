/* Valid text: UTF-8 in its shortest form, without control characters (text.h). */
#include "niact/text.h"

#include <stdio.h>
#include <string.h>

/* Whether the 8 bytes at s are all printable ASCII (0x20-0x7E), a word at a time: no
 * byte with its high bit set, none below 0x20, none equal to 0x7F (each test finds
 * whether any byte is such; a borrow can only follow a byte that is). */
static int printable8(const char *s) {
    const uint64_t hi = 0x8080808080808080ull, one = 0x0101010101010101ull;
    uint64_t x, y;
    memcpy(&x, s, 8);
    y = x ^ (0x7F * one);
    return !((x | ((x - 0x20 * one) & ~x) | ((y - one) & ~y)) & hi);
}

size_t niact_utf8_next(const char *s, size_t n, uint32_t *cp) {
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t len;
    uint32_t c, min;
    if (u[0] >= 0xC2 && u[0] <= 0xDF)
        len = 2, c = u[0] & 0x1Fu, min = 0x80;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF)
        len = 3, c = u[0] & 0x0Fu, min = 0x800;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4)
        len = 4, c = u[0] & 0x07u, min = 0x10000;
    else
        return 0; /* a continuation byte, an overlong lead (C0, C1) or F5-FF */
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (u[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

int niact_text_is_control(uint32_t cp) {
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

niact_status niact_text_check(const char *s, size_t n, unsigned flags, char *why,
                              size_t whylen) {
    size_t chars = 0;
    for (size_t i = 0; i < n;) {
        while (n - i >= 8 && printable8(s + i)) { /* most of every text */
            i += 8;
            chars += 8;
        }
        if (i >= n)
            break;
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b < 0x7F) { /* printable ASCII, most of every text: valid as is */
            i++;
            chars++;
            continue;
        }
        uint32_t cp;
        size_t len = niact_utf8_next(s + i, n - i, &cp);
        chars++;
        if (len == 0) {
            if (why && whylen)
                snprintf(why, whylen, "byte %zu (0x%02X) is not valid UTF-8", i + 1,
                         (unsigned)(unsigned char)s[i]);
            return NIACT_ERR_INVALID;
        }
        if (niact_text_is_control(cp) && !(cp == '\n' && (flags & NIACT_TEXT_NEWLINES))) {
            if (why && whylen)
                snprintf(why, whylen, "character %zu is a control character (U+%04X)", chars,
                         (unsigned)cp);
            return NIACT_ERR_INVALID;
        }
        i += len;
    }
    return NIACT_OK;
}
