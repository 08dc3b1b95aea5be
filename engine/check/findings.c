/* Findings: each distinct problem once, with its count and the games it happened in. */
#include "niact/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct entry {
    niact_finding x;
    int64_t last_game; /* the game that last counted it */
} entry;

struct niact_findings {
    entry *v;
    size_t n, cap;
    size_t dropped;    /* distinct problems past NIACT_FINDINGS_MAX */
    int64_t game;      /* the game now played (-1: none) */
    int64_t total;
    int64_t error_total;
};

niact_findings *niact_findings_new(void) {
    niact_findings *f = calloc(1, sizeof *f);
    if (f)
        f->game = -1;
    return f;
}

void niact_findings_free(niact_findings *f) {
    if (!f)
        return;
    free(f->v);
    free(f);
}

void niact_findings_game(niact_findings *f, int64_t game) {
    f->game = game;
}

static int same(const niact_finding *a, const niact_error *e, int warning) {
    return a->warning == warning && a->e.line == e->line && !strcmp(a->e.file, e->file) &&
           !strcmp(a->e.reason, e->reason) && !strcmp(a->e.context, e->context);
}

/* The entry of a problem, or a new one (NULL when full or out of memory). */
static entry *find(niact_findings *f, const niact_error *e, int warning) {
    for (size_t i = f->n; i-- > 0;) /* the newest first: a repeated problem is recent */
        if (same(&f->v[i].x, e, warning))
            return &f->v[i];
    if (f->n >= NIACT_FINDINGS_MAX)
        return NULL;
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        entry *v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return NULL;
        f->v = v;
        f->cap = cap;
    }
    entry *x = &f->v[f->n++];
    memset(x, 0, sizeof *x);
    x->x.warning = warning != 0;
    x->x.e = *e;
    x->last_game = -1;
    return x;
}

void niact_findings_add(niact_findings *f, const niact_error *e, int warning) {
    f->total++;
    f->error_total += !warning;
    entry *x = find(f, e, warning != 0);
    if (!x) {
        f->dropped++;
        return;
    }
    x->x.count++;
    if (f->game >= 0 && x->last_game != f->game) {
        x->last_game = f->game;
        x->x.games++;
    }
}

void niact_findings_put(niact_findings *f, const niact_error *e, int warning, int64_t count,
                        int64_t games) {
    f->total += count;
    f->error_total += warning ? 0 : count;
    entry *x = find(f, e, warning != 0);
    if (!x) {
        f->dropped++;
        return;
    }
    x->x.count += count;
    x->x.games += games;
}

void niact_findings_merge(niact_findings *into, const niact_findings *from) {
    for (size_t i = 0; i < from->n; i++) {
        const niact_finding *y = &from->v[i].x;
        entry *x = find(into, &y->e, y->warning);
        if (!x) {
            into->dropped++;
            continue;
        }
        x->x.count += y->count;
        x->x.games += y->games;
    }
    into->dropped += from->dropped;
    into->total += from->total;
    into->error_total += from->error_total;
}

static int cmp(const void *pa, const void *pb) {
    const niact_finding *a = &((const entry *)pa)->x, *b = &((const entry *)pb)->x;
    int c;
    if (a->warning != b->warning)
        return a->warning - b->warning;
    if ((c = strcmp(a->e.file, b->e.file)))
        return c;
    if (a->e.line != b->e.line)
        return a->e.line < b->e.line ? -1 : 1;
    if ((c = strcmp(a->e.context, b->e.context)))
        return c;
    return strcmp(a->e.reason, b->e.reason);
}

void niact_findings_sort(niact_findings *f) {
    if (f->n > 1)
        qsort(f->v, f->n, sizeof *f->v, cmp);
}

size_t niact_findings_count(const niact_findings *f) {
    return f->n;
}

const niact_finding *niact_findings_at(const niact_findings *f, size_t i) {
    return i < f->n ? &f->v[i].x : NULL;
}

size_t niact_findings_errors(const niact_findings *f) {
    size_t k = 0;
    for (size_t i = 0; i < f->n; i++)
        k += !f->v[i].x.warning;
    return k;
}

size_t niact_findings_dropped(const niact_findings *f) {
    return f->dropped;
}

int64_t niact_findings_total(const niact_findings *f) {
    return f->total;
}

int64_t niact_findings_error_total(const niact_findings *f) {
    return f->error_total;
}

static void on_problem(void *ud, const niact_error *e, int warning) {
    niact_findings_add(ud, e, warning);
}

void niact_findings_watch(niact_findings *f, niact_host *h) {
    niact_host_set_hook(h, f ? on_problem : NULL, f);
}

size_t niact_finding_format(const niact_finding *x, char *buf, size_t len) {
    const niact_error *e = &x->e;
    char ctx[160] = "", times[96] = "", quote[192] = "";
    if (e->context[0])
        snprintf(ctx, sizeof ctx, " (in %s)", e->context);
    if (x->games > 1)
        snprintf(times, sizeof times, " (x%lld across %lld games)", (long long)x->count,
                 (long long)x->games);
    else if (x->count > 1)
        snprintf(times, sizeof times, " (x%lld%s)", (long long)x->count,
                 x->games == 1 ? " in 1 game" : "");
    if (e->source[0] && e->line > 0)
        snprintf(quote, sizeof quote, "\n    %d | %s", (int)e->line, e->source);
    const char *reason = e->reason[0] ? e->reason : niact_error_kind_name(e->kind);
    int n = snprintf(buf, len, "%s%s%s%s%s", x->warning ? "warning: " : "", reason, ctx, times,
                     quote);
    return n < 0 ? 0 : (size_t)n;
}
