/* The error record kept on every handle, and its one formatter (error.h). */
#include "niact/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void niact_error_clear(niact_error *e) {
    e->status = NIACT_OK;
    e->kind = NIACT_KIND_NONE;
    e->file[0] = e->context[0] = e->reason[0] = e->source[0] = 0;
    e->line = 0;
}

static void copy_text(char *dst, const char *src, size_t cap) {
    size_t n = strnlen(src, cap - 1);
    memcpy(dst, src, n);
    dst[n] = 0;
}

void niact_error_copy(niact_error *dst, const niact_error *src) {
    dst->status = src->status;
    dst->kind = src->kind;
    dst->line = src->line;
    copy_text(dst->file, src->file, sizeof dst->file);
    copy_text(dst->context, src->context, sizeof dst->context);
    copy_text(dst->reason, src->reason, sizeof dst->reason);
    copy_text(dst->source, src->source, sizeof dst->source);
}

niact_status niact_error_set(niact_error *e, niact_status st, niact_error_kind kind,
                             const char *fmt, ...) {
    niact_error_clear(e);
    e->status = st;
    e->kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->reason, sizeof e->reason, fmt, ap);
    va_end(ap);
    return st;
}

void niact_error_context(niact_error *e, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->context, sizeof e->context, fmt, ap);
    va_end(ap);
}

niact_status niact_error_kind_status(niact_error_kind kind) {
    switch (kind) {
    case NIACT_KIND_NONE: return NIACT_OK;
    case NIACT_KIND_NOMEM: return NIACT_ERR_NOMEM;
    case NIACT_KIND_INVALID: return NIACT_ERR_INVALID;
    case NIACT_KIND_STATE: return NIACT_ERR_STATE;
    case NIACT_KIND_SCRIPT:
    case NIACT_KIND_QUERY: return NIACT_ERR_SCRIPT;
    case NIACT_KIND_INSTRUCTIONS:
    case NIACT_KIND_MEMORY:
    case NIACT_KIND_ALLOCATION: return NIACT_ERR_LIMIT;
    case NIACT_KIND_IO: return NIACT_ERR_IO;
    case NIACT_KIND_FORMAT: return NIACT_ERR_FORMAT;
    case NIACT_KIND_BROKEN: return NIACT_ERR_BROKEN;
    }
    return NIACT_ERR_INVALID;
}

const char *niact_error_kind_name(niact_error_kind kind) {
    switch (kind) {
    case NIACT_KIND_NONE: return "no error";
    case NIACT_KIND_NOMEM: return "out of memory";
    case NIACT_KIND_INVALID: return "invalid request";
    case NIACT_KIND_STATE: return "not allowed now";
    case NIACT_KIND_SCRIPT: return "script error";
    case NIACT_KIND_QUERY: return "a question changed the game";
    case NIACT_KIND_INSTRUCTIONS: return "instruction limit";
    case NIACT_KIND_MEMORY: return "memory limit";
    case NIACT_KIND_ALLOCATION: return "allocation limit";
    case NIACT_KIND_IO: return "input/output error";
    case NIACT_KIND_FORMAT: return "bad format";
    case NIACT_KIND_BROKEN: return "game broken";
    }
    return "unknown error";
}

size_t niact_error_format(const niact_error *e, char *buf, size_t len) {
    char pos[128] = "", ctx[160] = "", quote[192] = "";
    if (e->file[0] && e->line > 0)
        snprintf(pos, sizeof pos, "%s:%d: ", e->file, (int)e->line);
    else if (e->file[0])
        snprintf(pos, sizeof pos, "%s: ", e->file);
    if (e->context[0])
        snprintf(ctx, sizeof ctx, " (in %s)", e->context);
    if (e->source[0] && e->line > 0)
        snprintf(quote, sizeof quote, "\n    %d | %s", (int)e->line, e->source);
    const char *reason = e->reason[0] ? e->reason : niact_error_kind_name(e->kind);
    int n = snprintf(buf, len, "%s%s%s%s", pos, reason, ctx, quote);
    return n < 0 ? 0 : (size_t)n;
}
