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

/* The allocator enforces the memory cap and the per-callback churn budget. Refusing an
 * allocation makes Lua raise a memory error; the kill flag makes it stick. */
static void *host_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    niact_host *h = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
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
            h->killed = 1;
            h->kill_why = "memory limit exceeded";
            return NULL;
        }
        if (h->churn > h->lim.churn) {
            h->killed = 1;
            h->kill_why = "allocation limit exceeded";
            return NULL;
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    h->mem = h->mem - old + nsize;
    if (h->mem > h->mem_peak)
        h->mem_peak = h->mem;
    return p;
}

/* The count hook: runs every HOST_HOOK_STEP instructions, or every instruction once a
 * limit fired, so that pcall, xpcall and coroutines cannot swallow the stop. */
static void host_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    if (!h->running)
        return;
    h->steps += HOST_HOOK_STEP;
    if (!h->killed && h->steps > h->step_limit) {
        h->killed = 1;
        h->kill_why = "instruction limit exceeded";
    }
    if (h->killed) {
        lua_sethook(L, host_hook, LUA_MASKCOUNT, 1);
        luaL_error(L, "%s (the scenario ran too long or used too much memory)", h->kill_why);
    }
}

void host_charge(lua_State *L, uint64_t units) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    if (!h->running)
        return;
    h->steps += units;
    if (!h->killed && h->steps > h->step_limit) {
        h->killed = 1;
        h->kill_why = "instruction limit exceeded";
    }
    if (h->killed)
        luaL_error(L, "%s (the scenario ran too long or used too much memory)", h->kill_why);
}

/* Finds "file:line:" at the start of msg and quotes that line of the file. */
static void quote_line(niact_host *h, const char *msg, char *out, size_t len) {
    out[0] = 0;
    const char *colon = strchr(msg, ':');
    if (!colon)
        return;
    int line = atoi(colon + 1);
    if (line <= 0)
        return;
    size_t flen = (size_t)(colon - msg);
    for (int i = 0; i < h->n_files; i++) {
        const host_file *f = &h->files[i];
        if (strlen(f->name) != flen || strncmp(f->name, msg, flen) != 0)
            continue;
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
        if (n > 160)
            n = 160;
        snprintf(out, len, "\n    %d | %.*s", line, n, p);
        return;
    }
}

/* Message handler: a string message gains the Lua position of the first scenario frame
 * if it has none, then a quote of that line. */
static int msg_handler(lua_State *L) {
    niact_host *h;
    lua_getallocf(L, (void **)&h);
    const char *msg = lua_tostring(L, 1);
    if (!msg) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
            msg = lua_tostring(L, -1);
        else
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    char where[600] = "";
    if (!strchr(msg, ':') || msg[0] == '(') {
        lua_Debug ar;
        for (int lvl = 1; lua_getstack(L, lvl, &ar); lvl++) {
            if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 && ar.source[0] == '@') {
                snprintf(where, sizeof where, "%s:%d: ", ar.source + 1, ar.currentline);
                break;
            }
        }
    }
    char full[1400], quote[256];
    snprintf(full, sizeof full, "%s%s", where, msg);
    quote_line(h, full, quote, sizeof quote);
    lua_pushfstring(L, "%s%s", full, quote);
    return 1;
}

static void begin_run(niact_host *h, uint64_t limit) {
    h->running = 1;
    h->killed = 0;
    h->kill_why = NULL;
    h->steps = 0;
    h->churn = 0;
    h->step_limit = limit;
    lua_sethook(h->L, host_hook, LUA_MASKCOUNT, HOST_HOOK_STEP);
}

static void end_run(niact_host *h) {
    h->running = 0;
    h->killed = 0;
    h->game = NULL;
    h->view_role = -1;
}

/* Calls the function below nargs arguments on the stack, protected, under the callback
 * limits. Returns LUA_OK with nres results pushed, or an error status with h->err set
 * and nothing pushed. */
int host_call(niact_host *h, niact_game *g, int view_role, int nargs, int nres) {
    lua_State *L = h->L;
    if (h->running) { /* a callback re-entered the host: refuse rather than nest */
        lua_pop(L, nargs + 1);
        snprintf(h->err, sizeof h->err, "scenario callbacks cannot nest");
        return LUA_ERRRUN;
    }
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, msg_handler);
    lua_insert(L, base);
    h->game = g;
    h->view_role = view_role;
    begin_run(h, h->lim.instructions);
    int st = lua_pcall(L, nargs, nres, base);
    int killed = h->killed;
    const char *why = h->kill_why;
    end_run(h);
    if (st != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        if (killed && why && strstr(why, "allocation"))
            snprintf(h->err, sizeof h->err, "%s (%llu MiB allocated in one callback at most)",
                     why, (unsigned long long)(h->lim.churn >> 20));
        else if (st == LUA_ERRMEM || (killed && why && strstr(why, "memory")))
            snprintf(h->err, sizeof h->err, "%s (%zu MiB held at most)%s%s",
                     why ? why : "memory limit exceeded", h->lim.memory >> 20,
                     m && st != LUA_ERRMEM ? ": " : "", m && st != LUA_ERRMEM ? m : "");
        else
            snprintf(h->err, sizeof h->err, "%s", m ? m : "unknown error");
        lua_settop(L, base - 1);
        lua_gc(L, LUA_GCCOLLECT);
        return st;
    }
    lua_remove(L, base);
    return LUA_OK;
}

void host_problem(niact_host *h, const char *file, int line, const char *fmt, ...) {
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char row[1400];
    int n = line > 0 ? snprintf(row, sizeof row, "%s:%d: %s\n", file, line, msg)
                     : snprintf(row, sizeof row, "%s: %s\n", file, msg);
    if (n < 0)
        return;
    if ((size_t)n >= sizeof row)
        n = sizeof row - 1;
    char *p = realloc(h->problems, h->problems_len + (size_t)n + 1);
    if (!p)
        return;
    memcpy(p + h->problems_len, row, (size_t)n + 1);
    h->problems = p;
    h->problems_len += (size_t)n;
    h->n_problems++;
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
    free(h->problems);
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
    lua_pushcfunction(L, msg_handler);
    lua_insert(L, -2);
    begin_run(h, h->lim.load_instructions);
    st = lua_pcall(L, 0, 1, -2);
    const char *why = h->kill_why;
    end_run(h);
    if (st != LUA_OK) {
        const char *m = lua_tostring(L, -1);
        if (st == LUA_ERRMEM)
            host_problem(h, "scenario.lua", 0, "memory limit exceeded while loading");
        else if (why)
            host_problem(h, "", 0, "%s", m ? m : why);
        else
            host_problem(h, "", 0, "%s", m ? m : "error while loading");
        lua_pop(L, 2);
        return -1;
    }
    lua_remove(L, -2);
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

niact_status niact_host_load(const char *dir, const char *libdir, const niact_limits *limits,
                             niact_host **out, char *msg, size_t msglen) {
    *out = NULL;
    if (msg && msglen)
        msg[0] = 0;
    niact_host *h = calloc(1, sizeof *h);
    if (!h)
        return NIACT_ERR_NOMEM;
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
    snprintf(h->dir, sizeof h->dir, "%s", dir);
    snprintf(h->libdir, sizeof h->libdir, "%s", libdir ? libdir : "");
    h->L = lua_newstate(host_alloc, h);
    if (!h->L) {
        niact_host_free(h);
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
            host_open_state(h);
            host_bind_rules(h);
            free(h->sc->meta.id);
            h->sc->meta.id = host_strdup(base_name(dir));
            host_freeze_env(h->L);
            st = NIACT_OK;
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
