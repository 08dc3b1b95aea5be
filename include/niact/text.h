/* Text that comes from outside the program: what a seat types, what a scenario
 * declares or logs, what a record holds. One definition of "valid text" for every entry
 * point (text play, the window, the session, records, scenarios): UTF-8 in its shortest
 * form, and no control characters. */
#ifndef NIACT_TEXT_H
#define NIACT_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "niact/status.h"

/* Flags of niact_text_check. */
#define NIACT_TEXT_NEWLINES 1u /* '\n' is allowed (a scenario's paragraphs) */

/* Decodes the UTF-8 character at s (n bytes available, n >= 1). Returns its length
 * (1-4) and sets *cp; returns 0 if the bytes there are not one whole character in its
 * shortest form (a stray continuation byte, a truncated or overlong sequence, a
 * surrogate, or a code point above U+10FFFF). */
size_t niact_utf8_next(const char *s, size_t n, uint32_t *cp);

/* Whether a code point is a control character: C0 (U+0000-U+001F, including NUL,
 * tab, newline and escape), DEL (U+007F), C1 (U+0080-U+009F), or one of the
 * bidirectional formatting controls (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069),
 * which reorder how the rest of a line is shown and so can disguise it. */
int niact_text_is_control(uint32_t cp);

/* Checks n bytes of untrusted text: valid UTF-8 and no control character (with
 * NIACT_TEXT_NEWLINES, '\n' is allowed). Returns NIACT_OK, or NIACT_ERR_INVALID with
 * why (if not NULL) saying what and where, e.g. "character 6 is a control character
 * (U+001B)" or "byte 4 is not valid UTF-8". */
niact_status niact_text_check(const char *s, size_t n, unsigned flags, char *why,
                              size_t whylen);

#endif
