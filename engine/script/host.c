/* The Lua host: limits (allocator and count hook), protected calls with messages that
 * name the file and line and quote it, loading a scenario folder. */
#include "host_internal.h"
#include "niact/rules.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *host_strdup(const char *s) {
    if (!s)
        s = "";
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

/* The scenario position of the innermost Lua frame with a line (level 0 up). */
static void lua_position(lua_State *L, char *file, size_t len, int *line) {
    lua_Debug ar;
    file[0] = 0;
    *line = 0;
    for (int lvl = 0; lua_getstack(L, lvl, &ar); lvl++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && ar.source[0] == '@') {
            snprintf(file, len, "%s", ar.source + 1);
            *line = ar.currentline;
            return;
        }
}

niact_host *host_of(lua_State *L) {
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

int host_killed(lua_State *L) {
    return host_of(L)->killed;
}

/* Records a stop where it fires; the first stop of a callback is the one reported. The
 * kind is set here, by the hook or the allocator that fired, never read back from text.
 * The position is the main thread's innermost scenario frame (a memory error unwinds
 * before any hook could note one): reading frames allocates nothing, so this is safe
 * inside the allocator. */
static void stop(niact_host *h, niact_error_kind kind, const char *why) {
    if (h->killed)
        return;
    h->killed = 1;
    h->kill_kind = kind;
    h->kill_why = why;
    snprintf(h->kill_msg, sizeof h->kill_msg,
             "%s (the scenario ran too long or used too much memory)", why);
    lua_position(h->L, h->kill_file, sizeof h->kill_file, &h->kill_line);
}

static void host_hook(lua_State *L, lua_Debug *ar);

/* ---- live big strings ---- */

static size_t big_slot(const niact_host *h, const void *p) {
    uint64_t x = (uint64_t)(uintptr_t)p >> 4;
    return (size_t)((x * 0x9e3779b97f4a7c15ull) >> 17) & (h->bigs_cap - 1);
}

static int size_class(size_t n) {
    int c = 0;
    while (n >>= 1)
        c++;
    return c;
}

/* Adds a string block to the set; -1 if the set cannot grow. */
static int big_add(niact_host *h, void *p, size_t size) {
    if ((h->bigs_n + 1) * 2 > h->bigs_cap) {
        size_t cap = h->bigs_cap ? h->bigs_cap * 2 : 64;
        void **old = h->bigs, **nb = calloc(cap, sizeof *nb);
        if (!nb)
            return -1;
        size_t oldcap = h->bigs_cap;
        h->bigs = nb;
        h->bigs_cap = cap;
        for (size_t i = 0; i < oldcap; i++) {
            if (!old[i])
                continue;
            size_t j = big_slot(h, old[i]);
            while (nb[j])
                j = (j + 1) & (cap - 1);
            nb[j] = old[i];
        }
        free(old);
    }
    size_t j = big_slot(h, p);
    while (h->bigs[j])
        j = (j + 1) & (h->bigs_cap - 1);
    h->bigs[j] = p;
    h->bigs_n++;
    int c = size_class(size);
    h->big_class[c]++;
    if (c > h->big_top)
        h->big_top = c;
    return 0;
}

/* Removes a freed block if it is a tracked string (linear probing, backward shift). */
static void big_forget(niact_host *h, void *p, size_t size) {
    if (!h->bigs_n)
        return;
    size_t mask = h->bigs_cap - 1, j = big_slot(h, p);
    while (h->bigs[j] && h->bigs[j] != p)
        j = (j + 1) & mask;
    if (!h->bigs[j])
        return;
    h->bigs[j] = NULL;
    h->bigs_n--;
    int c = size_class(size);
    if (--h->big_class[c] == 0 && c == h->big_top)
        while (h->big_top >= 0 && !h->big_class[h->big_top])
            h->big_top--;
    for (size_t k = (j + 1) & mask; h->bigs[k]; k = (k + 1) & mask) {
        size_t home = big_slot(h, h->bigs[k]);
        if (((k - home) & mask) >= ((k - j) & mask)) { /* the hole lies on its probe path */
            h->bigs[j] = h->bigs[k];
            h->bigs[k] = NULL;
            j = k;
        }
    }
}

/* Extra instructions each instruction is charged while big strings live: the longest
 * one's size class over HOST_BIG_UNIT (0 if none is big). The class is kept by
 * big_add/big_forget (this runs at every hook and every callback: a scan of the 64
 * classes was 5 % of a sim of a scenario with one long briefing). */
static uint64_t big_factor(const niact_host *h) {
    if (!h->bigs_n || h->big_top < 0)
        return 0;
    return ((uint64_t)1 << h->big_top) / HOST_BIG_UNIT;
}

/* Sets how often the hook runs: every instruction once killed, more often while big
 * strings live, so that one period charges at most HOST_BIG_PERIOD units (with a 16 MiB
 * string alive the hook runs at every instruction; with a 4 KiB briefing, as November
 * 1962 holds all game long, nearly as seldom as without one). Only sets fields. */
static void set_tick(niact_host *h, lua_State *L) {
    uint64_t f = big_factor(h);
    uint64_t per = f ? HOST_BIG_PERIOD / (1 + f) : HOST_HOOK_STEP;
    int want = h->killed ? 1 : per < 1 ? 1 : per > HOST_HOOK_STEP ? HOST_HOOK_STEP : (int)per;
    if (want != h->tick) {
        h->tick = want;
        lua_sethook(L, host_hook, LUA_MASKCOUNT, want);
    }
}

/* The allocator enforces the memory cap and the per-callback churn budget. Refusing an
 * allocation makes Lua raise a memory error; the kill flag makes it stick. It also
 * keeps the set of live big strings (when ptr is NULL, osize is the new object's type). */
static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    niact_host *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (ptr && osize >= HOST_BIG_STRING)
            big_forget(h, ptr, osize);
        free(ptr);
        h->mem -= old;
        return NULL;
    }
    /* Outside scenario code the host's own small allocations always pass: a refusal
     * there would be a Lua panic. */
    if (nsize > old && h->running) {
        size_t grow = nsize - old;
        h->churn += nsize;
        if (h->mem + grow > h->lim.memory || h->mem + grow < h->mem) {
            stop(h, NIACT_KIND_MEMORY, "memory limit exceeded");
            return NULL;
        }
        if (h->churn > h->lim.churn) {
            stop(h, NIACT_KIND_ALLOCATION, "allocation limit exceeded");
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    if (!ptr && osize == LUA_TSTRING && nsize >= HOST_BIG_STRING) {
        if (big_add(h, p, nsize) != 0) {
            free(p);
            if (h->running)
                stop(h, NIACT_KIND_MEMORY, "memory limit exceeded");
            return NULL;
        }
        if (h->running)
            set_tick(h, h->L);
    }
    h->mem = h->mem - old + nsize;
    if (h->mem > h->mem_peak)
        h->mem_peak = h->mem;
    return p;
}

static int has_vararg(lua_State *L, lua_Debug *ar, int n) {
    const char *name = lua_getlocal(L, ar, -n);
    if (name)
        lua_pop(L, 1);
    return name != NULL;
}

/* Work the instructions since the last hook may have done unseen: copying the running
 * function's extra arguments (`...`, passed on by one instruction), comparing or hashing
 * the longest live string. */
static uint64_t unseen_work(niact_host *h, lua_State *L) {
    uint64_t extra = (uint64_t)h->tick * big_factor(h);
    lua_Debug ar;
    if (lua_getstack(L, 0, &ar) && lua_getinfo(L, "u", &ar) && ar.isvararg &&
        has_vararg(L, &ar, HOST_VARARG_FREE + 1)) {
        int lo = HOST_VARARG_FREE + 1, hi = lo * 2; /* has(lo): find the count */
        while (hi < (1 << 22) && has_vararg(L, &ar, hi)) {
            lo = hi;
            hi *= 2;
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (has_vararg(L, &ar, mid))
                lo = mid;
            else
                hi = mid;
        }
        extra += (uint64_t)(lo - HOST_VARARG_FREE) * HOST_VARARG_COST;
    }
    return extra;
}

/* Adds units to the run's count (saturating); fires the instruction limit past it. */
static void add_steps(niact_host *h, lua_State *L, uint64_t units) {
    h->steps = h->steps + units < h->steps ? UINT64_MAX : h->steps + units;
    if (!h->killed && h->steps > h->step_limit) {
        stop(h, NIACT_KIND_INSTRUCTIONS, "instruction limit exceeded");
        lua_position(L, h->kill_file, sizeof h->kill_file, &h->kill_line);
    }
}

/* The count hook: runs every h->tick instructions, or every instruction once a limit
 * fired, so that pcall, xpcall and coroutines cannot swallow the stop. */
static void host_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    niact_host *h = host_of(L);
    if (!h->running)
        return;
    add_steps(h, L, (uint64_t)h->tick + (h->killed ? 0 : unseen_work(h, L)));
    /* The depth check walks at most HOST_MAX_DEPTH frames, and only as many as there are:
     * a handful in ordinary code. */
    lua_Debug deep;
    if (!h->killed && lua_getstack(L, HOST_MAX_DEPTH, &deep))
        stop(h, NIACT_KIND_SCRIPT, "stack overflow: more than 5000 nested calls");
    set_tick(h, L);
    if (h->killed) {
        if (!h->kill_file[0]) /* a stop the allocator recorded has no position yet */
            lua_position(L, h->kill_file, sizeof h->kill_file, &h->kill_line);
        luaL_error(L, "%s", h->kill_msg);
    }
}

int host_kill(lua_State *L, niact_error_kind kind, const char *fmt, ...) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    if (!h->killed) {
        h->killed = 1;
        h->kill_kind = kind;
        h->kill_why = NULL;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(h->kill_msg, sizeof h->kill_msg, fmt, ap);
        va_end(ap);
        lua_position(L, h->kill_file, sizeof h->kill_file, &h->kill_line);
    }
    h->tick = 1;
    lua_sethook(L, host_hook, LUA_MASKCOUNT, 1);
    return luaL_error(L, "%s", h->kill_msg);
}

void host_charge(lua_State *L, uint64_t units) {
    niact_host *h = host_of(L);
    if (!h->running)
        return;
    add_steps(h, L, units);
    if (h->killed)
        luaL_error(L, "%s", h->kill_msg);
}

void host_limit(lua_State *L, niact_error_kind kind, const char *why) {
    niact_host *h = host_of(L);
    if (h->running) {
        stop(h, kind, why);
        lua_position(L, h->kill_file, sizeof h->kill_file, &h->kill_line);
    }
    luaL_error(L, "%s (the scenario ran too long or used too much memory)", why);
}

/* The loaded file shown as `name`, or NULL. */
static const host_file *find_file(const niact_host *h, const char *name, size_t n) {
    for (int i = 0; i < h->n_files; i++)
        if (strlen(h->files[i].name) == n && strncmp(h->files[i].name, name, n) == 0)
            return &h->files[i];
    return NULL;
}

/* Copies line `line` of f, trimmed and cut at 150 bytes, into out ("" if none). */
static void source_line(const host_file *f, int line, char *out, size_t len) {
    out[0] = 0;
    if (!f || line <= 0)
        return;
    const char *p = f->text, *end = f->text + f->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    const char *e = memchr(p, '\n', (size_t)(end - p));
    int n = (int)((e ? e : end) - p);
    while (n > 0 && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' '))
        n--;
    snprintf(out, len, "%.*s", n > 150 ? 150 : n, p);
}

void host_quote(const niact_host *h, niact_error *e) {
    source_line(find_file(h, e->file, strlen(e->file)), e->line, e->source, sizeof e->source);
}

void niact_host_set_hook(niact_host *h, niact_host_hook fn, void *ud) {
    h->hook = fn;
    h->hook_ud = fn ? ud : NULL;
}

/* Fills h->error from a Lua error message: a leading "FILE:LINE: " naming a loaded
 * scenario file is Lua's own position (luaL_where) and becomes file and line; otherwise
 * the position is the innermost scenario frame's, and the message is the reason whole. */
static void record_message(niact_host *h, lua_State *L, const char *msg) {
    niact_error *e = &h->error;
    niact_error_clear(e);
    e->kind = NIACT_KIND_SCRIPT;
    e->status = NIACT_ERR_SCRIPT;
    const char *colon = strchr(msg, ':');
    const host_file *f = colon ? find_file(h, msg, (size_t)(colon - msg)) : NULL;
    const char *digits = colon ? colon + 1 : NULL;
    size_t nd = digits ? strspn(digits, "0123456789") : 0;
    if (f && nd > 0 && nd < 9 && digits[nd] == ':') {
        snprintf(e->file, sizeof e->file, "%s", f->name);
        e->line = atoi(digits);
        msg = digits + nd + 1;
        msg += *msg == ' ';
    } else {
        int line;
        lua_position(L, e->file, sizeof e->file, &line);
        e->line = line;
    }
    snprintf(e->reason, sizeof e->reason, "%s", msg);
    /* Raised in the shared library (lib/util.lua): the place that matters to the modder
     * is the line of their own files that called it; the library's line goes with the
     * reason. */
    lua_Debug ar;
    if (strncmp(e->file, "lib/", 4) == 0)
        for (int lvl = 0; lua_getstack(L, lvl, &ar); lvl++)
            if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && ar.source[0] == '@' &&
                strncmp(ar.source + 1, "lib/", 4) != 0) {
                size_t n = strlen(e->reason);
                snprintf(e->reason + n, sizeof e->reason - n, " (raised in %s:%d)", e->file,
                         (int)e->line);
                snprintf(e->file, sizeof e->file, "%s", ar.source + 1);
                e->line = ar.currentline;
                break;
            }
    source_line(find_file(h, e->file, strlen(e->file)), e->line, e->source, sizeof e->source);
}

/* Message handler: records the error (record_message) while the failing frame is still
 * on the stack, and leaves the formatted sentence as the error value. */
int host_msg_handler(lua_State *L) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    record_message(h, L, msg);
    char full[2048];
    niact_error_format(&h->error, full, sizeof full);
    lua_pushstring(L, full);
    return 1;
}

static void begin_run(niact_host *h, uint64_t limit) {
    h->running = 1;
    h->killed = 0;
    h->kill_why = NULL;
    h->kill_kind = NIACT_KIND_NONE;
    h->kill_msg[0] = h->kill_file[0] = 0;
    h->kill_line = 0;
    h->steps = 0;
    h->churn = 0;
    h->step_limit = limit;
    h->tick = 0;
    set_tick(h, h->L);
}

static void end_run(niact_host *h) {
    h->running = 0;
    h->killed = 0;
    h->game = NULL;
    h->view_role = -1;
    h->query = NULL;
}

/* After a failed callback: the record of a stop (kind, message, first position) replaces
 * whatever message reached the top; a memory error the cap did not cause is the
 * engine's own out of memory. */
static void record_failure(niact_host *h, int st, int killed, niact_error_kind kind) {
    niact_error *e = &h->error;
    if (killed) {
        niact_error_clear(e);
        e->kind = kind;
        snprintf(e->file, sizeof e->file, "%s", h->kill_file);
        e->line = h->kill_line;
        if (kind == NIACT_KIND_ALLOCATION)
            snprintf(e->reason, sizeof e->reason, "%s (%llu MiB allocated in one callback at most)",
                     h->kill_why, (unsigned long long)(h->lim.churn >> 20));
        else if (kind == NIACT_KIND_MEMORY)
            snprintf(e->reason, sizeof e->reason, "%s (%zu MiB held at most)", h->kill_why,
                     h->lim.memory >> 20);
        else
            snprintf(e->reason, sizeof e->reason, "%s", h->kill_msg);
        source_line(find_file(h, e->file, strlen(e->file)), e->line, e->source,
                    sizeof e->source);
    } else if (st == LUA_ERRMEM) {
        niact_error_set(e, NIACT_ERR_NOMEM, NIACT_KIND_NOMEM, "out of memory");
    } else if (e->kind == NIACT_KIND_NONE) {
        niact_error_set(e, NIACT_ERR_SCRIPT, NIACT_KIND_SCRIPT, "unknown error");
    }
    e->status = niact_error_kind_status(e->kind);
    niact_error_format(e, h->err, sizeof h->err);
}

int host_call(niact_host *h, niact_game *g, host_mode mode, int nargs, int nres) {
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, host_msg_handler);
    lua_insert(L, base);
    int st = host_call_at(h, g, mode, nargs, nres);
    if (st == LUA_OK)
        lua_remove(L, base);
    return st;
}

int host_call_at(niact_host *h, niact_game *g, host_mode mode, int nargs, int nres) {
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs - 1; /* the handler */
    if (h->running) { /* a callback re-entered the host: refuse rather than nest */
        lua_settop(L, base - 1);
        niact_error_set(&h->error, NIACT_ERR_SCRIPT, NIACT_KIND_STATE,
                        "scenario callbacks cannot nest");
        niact_error_format(&h->error, h->err, sizeof h->err);
        return LUA_ERRRUN;
    }
    h->game = g;
    h->view_role = mode.view_role;
    h->query = mode.query;
    niact_error_clear(&h->error);
    if (mode.query && g) /* the core's wall behind check_write (rules.h) */
        niact_rules_ask(g, 1);
    begin_run(h, h->lim.instructions);
    int st = lua_pcall(L, nargs, nres, base);
    int killed = h->killed;
    niact_error_kind kind = h->kill_kind;
    end_run(h);
    if (mode.query && g && niact_rules_ask(g, 0) > 0 && st == LUA_OK) {
        lua_settop(L, base - 1);
        niact_error_set(&h->error, NIACT_ERR_SCRIPT, NIACT_KIND_QUERY,
                        "%s tried to change the game (questions must not change the game)",
                        mode.query);
        niact_error_format(&h->error, h->err, sizeof h->err);
        return LUA_ERRRUN;
    }
    if (st != LUA_OK) {
        record_failure(h, st, killed, kind);
        lua_settop(L, base - 1);
        lua_gc(L, LUA_GCCOLLECT);
        return st;
    }
    return LUA_OK;
}

/* Appends "FILE:LINE: <tag>message" to a list of lines. */
static void add_line(char **list, size_t *len, const char *file, int line, const char *tag,
                     const char *fmt, va_list ap) {
    char msg[1024];
    vsnprintf(msg, sizeof msg, fmt, ap);
    char row[1400];
    int n = line > 0 ? snprintf(row, sizeof row, "%s:%d: %s%s\n", file, line, tag, msg)
                     : snprintf(row, sizeof row, "%s: %s%s\n", file, tag, msg);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof row)
        n = sizeof row - 1;
    char *p = realloc(*list, *len + (size_t)n + 1);
    if (!p)
        return;
    memcpy(p + *len, row, (size_t)n + 1);
    *list = p;
    *len += (size_t)n;
}

void host_problem(niact_host *h, const char *file, int line, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    add_line(&h->problems, &h->problems_len, file, line, "", fmt, ap);
    va_end(ap);
    h->n_problems++; /* counted even if its text found no memory: the load still fails */
}

#define HOST_MAX_WARNINGS 256

void host_warning(niact_host *h, const char *file, int line, const char *fmt, ...) {
    if (h->n_warnings >= HOST_MAX_WARNINGS)
        return;
    va_list ap;
    va_start(ap, fmt);
    add_line(&h->warnings, &h->warnings_len, file, line, "warning: ", fmt, ap);
    va_end(ap);
    h->n_warnings++;
    niact_error *v = realloc(h->warning_v, (size_t)(h->n_warnings_v + 1) * sizeof *v);
    if (!v)
        return; /* the text above still says it */
    h->warning_v = v;
    niact_error *e = &v[h->n_warnings_v++];
    niact_error_clear(e);
    e->kind = NIACT_KIND_SCRIPT;
    snprintf(e->file, sizeof e->file, "%s", file);
    e->line = line;
    va_start(ap, fmt);
    vsnprintf(e->reason, sizeof e->reason, fmt, ap);
    va_end(ap);
}

int niact_host_warning_count(const niact_host *h) {
    return h->n_warnings_v;
}

const niact_error *niact_host_warning_at(const niact_host *h, int i) {
    return i >= 0 && i < h->n_warnings_v ? &h->warning_v[i] : NULL;
}

const char *niact_host_warnings(const niact_host *h, int *n) {
    if (n)
        *n = h->n_warnings;
    return h->warnings ? h->warnings : "";
}

void niact_host_free(niact_host *h) {
    if (!h)
        return;
    if (h->L)
        lua_close(h->L);
    for (int i = 0; i < h->n_files; i++) {
        free(h->files[i].name);
        free(h->files[i].text);
    }
    niact_scenario_free(h->sc);
    free(h->action_refs);
    free(h->event_refs);
    free(h->objective_refs);
    free(h->term_refs);
    free(h->term_args);
    free(h->role_refs);
    free(h->problems);
    free(h->warnings);
    free(h->warning_v);
    free(h->bigs);
    for (int k = 0; k < 4; k++) {
        free(h->idc[k].key);
        free(h->idc[k].index);
    }
    free(h);
}

const niact_scenario *niact_host_scenario(const niact_host *h) {
    return h->sc;
}
const niact_rules *niact_host_rules(const niact_host *h) {
    return &h->rules;
}
const char *niact_host_error(const niact_host *h) {
    return h->err;
}
const niact_error *niact_host_last_error(const niact_host *h) {
    return &h->error;
}
size_t niact_host_memory(const niact_host *h, size_t *peak) {
    if (peak)
        *peak = h->mem_peak;
    return h->mem;
}

static const char *base_name(const char *dir) {
    size_t n = strlen(dir);
    while (n > 1 && dir[n - 1] == '/')
        n--;
    const char *p = dir + n;
    while (p > dir && p[-1] != '/')
        p--;
    return p;
}

int host_load_call(niact_host *h, int nargs, int nres) {
    lua_State *L = h->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, host_msg_handler);
    lua_insert(L, base);
    niact_error_clear(&h->error);
    begin_run(h, h->lim.load_instructions);
    int st = lua_pcall(L, nargs, nres, base);
    int killed = h->killed;
    niact_error_kind kind = h->kill_kind;
    end_run(h);
    if (st != LUA_OK) { /* the same record as a callback's: a stop names where it fired */
        record_failure(h, st, killed, kind);
        host_problem(h, "", 0, "%s", h->err);
        lua_settop(L, base - 1);
        return st;
    }
    lua_remove(L, base);
    return LUA_OK;
}

/* Runs scenario.lua under the load limits; leaves its result on the stack. */
static int run_main(niact_host *h) {
    lua_State *L = h->L;
    char path[4200];
    snprintf(path, sizeof path, "%s/scenario.lua", h->dir);
    int st = host_load_file(h, path, "scenario.lua");
    if (st != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        host_problem(h, m ? m : "scenario.lua", 0, "%s",
                     st == LUA_ERRFILE ? "no usable scenario.lua in this folder" : "syntax error");
        if (st == LUA_ERRSYNTAX) { /* the message already says file:line */
            h->n_problems--;
            free(h->problems);
            h->problems = NULL;
            h->problems_len = 0;
            host_problem(h, "", 0, "%s", m ? m : "syntax error");
        }
        lua_pop(L, 1);
        return -1;
    }
    if (host_load_call(h, 0, 1) != LUA_OK)
        return -1;
    if (!lua_istable(L, -1)) {
        host_problem(h, "scenario.lua", 0, "must return a table (got %s)", luaL_typename(L, -1));
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

/* Problems from the loader start with ":" when the message already has its position. */
static void finish_problems(niact_host *h, char *msg, size_t msglen) {
    if (!msg || !msglen)
        return;
    msg[0] = 0;
    size_t o = 0;
    const char *p = h->problems ? h->problems : "";
    while (*p && o + 1 < msglen) {
        if (p[0] == ':' && p[1] == ' ')
            p += 2;
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
        if (o + n >= msglen)
            n = msglen - o - 1;
        memcpy(msg + o, p, n);
        o += n;
        p += n;
    }
    msg[o] = 0;
    while (o > 0 && msg[o - 1] == '\n')
        msg[--o] = 0;
}

static int trace_handler(lua_State *L) {
    luaL_traceback(L, L, lua_tostring(L, 1), 1);
    return 1;
}

/* Builds the sandbox and the niact module, protected. */
static int open_all(lua_State *L) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    host_open_sandbox(h);
    host_open_decl(L);
    return 0;
}

/* The state object, the rules and the frozen globals, protected: out of memory here is
 * a load error, not a Lua panic. */
static int close_all(lua_State *L) {
    niact_host *h = host_of(L);
    host_open_state(h);
    host_bind_rules(h);
    host_freeze_env(L);
    return 0;
}

niact_status niact_host_load(const char *dir, const char *libdir, const niact_limits *limits,
                             niact_host **out, char *msg, size_t msglen) {
    *out = NULL;
    if (msg && msglen)
        msg[0] = 0;
    niact_host *h = calloc(1, sizeof *h);
    if (!h) {
        if (msg && msglen)
            snprintf(msg, msglen, "out of memory");
        return NIACT_ERR_NOMEM;
    }
    h->lim = limits ? *limits : (niact_limits){0};
    if (!h->lim.instructions)
        h->lim.instructions = NIACT_DEFAULT_INSTRUCTIONS;
    if (!h->lim.load_instructions)
        h->lim.load_instructions = NIACT_DEFAULT_LOAD_INSTRUCTIONS;
    if (!h->lim.memory)
        h->lim.memory = NIACT_DEFAULT_MEMORY;
    if (!h->lim.churn)
        h->lim.churn = NIACT_DEFAULT_CHURN;
    h->view_role = -1;
    h->big_top = -1;
    snprintf(h->dir, sizeof h->dir, "%s", dir);
    snprintf(h->libdir, sizeof h->libdir, "%s", libdir ? libdir : "");
    h->L = lua_newstate(host_alloc, h);
    if (!h->L) {
        niact_host_free(h);
        if (msg && msglen)
            snprintf(msg, msglen, "out of memory");
        return NIACT_ERR_NOMEM;
    }
    niact_status st = NIACT_ERR_SCRIPT;
    lua_pushcfunction(h->L, trace_handler);
    lua_pushcfunction(h->L, open_all);
    if (lua_pcall(h->L, 0, 0, -2) != LUA_OK) {
        host_problem(h, "", 0, "cannot set up the sandbox: %s", lua_tostring(h->L, -1));
        lua_pop(h->L, 2);
    } else if (lua_pop(h->L, 1), run_main(h) == 0) {
        if (host_read_scenario(h) == 0) {
            free(h->sc->meta.id);
            h->sc->meta.id = host_strdup(base_name(dir));
            lua_pushcfunction(h->L, close_all);
            if (!h->sc->meta.id) {
                host_problem(h, "", 0, "out of memory");
                lua_pop(h->L, 1);
            } else if (lua_pcall(h->L, 0, 0, 0) != LUA_OK) { /* only out of memory */
                host_problem(h, "", 0, "cannot finish loading: %s", lua_tostring(h->L, -1));
                lua_pop(h->L, 1);
            } else {
                st = NIACT_OK;
            }
        }
    }
    if (st != NIACT_OK) {
        finish_problems(h, msg, msglen);
        niact_host_free(h);
        return st;
    }
    lua_gc(h->L, LUA_GCCOLLECT);
    *out = h;
    return NIACT_OK;
}
