/* The sandbox: the only globals a scenario sees, all deterministic and bounded.
 *
 * Left out: io, os, debug, package, dofile, loadfile, collectgarbage, print,
 * string.dump, math.random(seed). Replaced: pairs and next (sorted key order, because
 * Lua 5.4 seeds its string hash from the clock and addresses), tostring and
 * string.format (no addresses), table.sort (Lua's picks pivots from the clock; ours is
 * a stable merge sort), the pattern functions (refuse inputs whose worst case would run
 * for seconds inside one C call, where the instruction hook cannot stop them), load
 * (text only), require (the scenario's folder and scripts/lib only), setmetatable (no
 * __gc or __mode: finalisers and weak tables depend on when the collector runs). */
#define _XOPEN_SOURCE 700 /* realpath */
#include "host_internal.h"

#include <fcntl.h>
#include <limits.h>
#include <lualib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ENV_KEY "niact.env"
#define LOADED_KEY "niact.loaded"

/* ---- deterministic key order ---- */

typedef struct key {
    int type;         /* LUA_TNUMBER, LUA_TSTRING, LUA_TBOOLEAN */
    int isint;        /* number is an integer */
    lua_Integer i;
    lua_Number n;
    const char *s;    /* string bytes (kept alive by the table) */
    size_t len;
} key;

static int type_rank(int t) {
    return t == LUA_TNUMBER ? 0 : t == LUA_TSTRING ? 1 : 2;
}

static int key_cmp(const void *pa, const void *pb) {
    const key *a = pa, *b = pb;
    if (a->type != b->type)
        return type_rank(a->type) - type_rank(b->type);
    if (a->type == LUA_TNUMBER) {
        if (a->isint && b->isint)
            return a->i < b->i ? -1 : a->i > b->i;
        lua_Number x = a->isint ? (lua_Number)a->i : a->n, y = b->isint ? (lua_Number)b->i : b->n;
        return x < y ? -1 : x > y;
    }
    if (a->type == LUA_TSTRING) {
        size_t m = a->len < b->len ? a->len : b->len;
        int c = memcmp(a->s, b->s, m);
        return c ? c : (a->len < b->len ? -1 : a->len > b->len);
    }
    return (int)a->i - (int)b->i;
}

static void key_read(lua_State *L, int idx, key *k) {
    k->type = lua_type(L, idx);
    k->isint = 0;
    k->i = 0;
    k->n = 0;
    k->s = NULL;
    k->len = 0;
    if (k->type == LUA_TNUMBER) {
        k->isint = lua_isinteger(L, idx);
        if (k->isint)
            k->i = lua_tointeger(L, idx);
        else
            k->n = lua_tonumber(L, idx);
    } else if (k->type == LUA_TSTRING) {
        k->s = lua_tolstring(L, idx, &k->len);
    } else if (k->type == LUA_TBOOLEAN) {
        k->i = lua_toboolean(L, idx);
    } else {
        luaL_error(L, "pairs/next: keys of type %s have no stable order; use an array",
                   lua_typename(L, k->type));
    }
}

static void key_push(lua_State *L, const key *k) {
    if (k->type == LUA_TNUMBER) {
        if (k->isint)
            lua_pushinteger(L, k->i);
        else
            lua_pushnumber(L, k->n);
    } else if (k->type == LUA_TSTRING) {
        lua_pushlstring(L, k->s, k->len);
    } else {
        lua_pushboolean(L, (int)k->i);
    }
}

/* Collects and sorts the keys of the table at idx into a new userdata-backed array,
 * which is left on the stack; returns it and its length. */
static key *sorted_keys(lua_State *L, int idx, size_t *n) {
    idx = lua_absindex(L, idx);
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        count++;
        lua_pop(L, 1);
    }
    host_charge(L, count * 8); /* sorting is C work the hook cannot see */
    key *ks = lua_newuserdatauv(L, (count ? count : 1) * sizeof *ks, 0);
    size_t i = 0;
    uint64_t bytes = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        key_read(L, -1, &ks[i]);
        bytes += ks[i++].len;
    }
    /* each comparison may read two whole keys; a sort makes log2(count) passes */
    uint64_t passes = 1;
    while (((size_t)1 << passes) < count)
        passes++;
    host_charge(L, bytes / 16 * passes);
    qsort(ks, count, sizeof *ks, key_cmp);
    *n = count;
    return ks;
}

/* next(t, k): the key after k in sorted order. */
static int det_next(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    size_t n;
    key *ks = sorted_keys(L, 1, &n); /* stack: t, k, keys */
    size_t pos = 0;
    if (!lua_isnil(L, 2)) {
        key k;
        key_read(L, 2, &k);
        key *hit = bsearch(&k, ks, n, sizeof *ks, key_cmp);
        if (!hit)
            return luaL_error(L, "invalid key to 'next'");
        pos = (size_t)(hit - ks) + 1;
    }
    if (pos >= n) {
        lua_pushnil(L);
        return 1;
    }
    key_push(L, &ks[pos]);
    lua_pushvalue(L, -1);
    lua_rawget(L, 1);
    return 2;
}

/* The iterator pairs returns: upvalues are the sorted keys (userdata), their count and
 * the position. */
static int pairs_iter(lua_State *L) {
    key *ks = lua_touserdata(L, lua_upvalueindex(1));
    lua_Integer n = lua_tointeger(L, lua_upvalueindex(2));
    lua_Integer pos = lua_tointeger(L, lua_upvalueindex(3));
    for (; pos < n; pos++) {
        key_push(L, &ks[pos]);
        lua_pushvalue(L, -1);
        lua_rawget(L, 1);
        if (!lua_isnil(L, -1)) { /* skip keys removed during the loop */
            lua_pushinteger(L, pos + 1);
            lua_replace(L, lua_upvalueindex(3));
            return 2;
        }
        lua_pop(L, 2);
    }
    lua_pushinteger(L, n);
    lua_replace(L, lua_upvalueindex(3));
    lua_pushnil(L);
    return 1;
}

static int det_pairs(lua_State *L) {
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    size_t n;
    sorted_keys(L, 1, &n);
    lua_pushinteger(L, (lua_Integer)n);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, pairs_iter, 3);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* ---- no addresses ---- */

/* Pushes a string for the value at idx: __tostring if it has one, else its type's name. */
static const char *safe_tolstring(lua_State *L, int idx, size_t *len) {
    idx = lua_absindex(L, idx);
    int t = lua_type(L, idx);
    if (t == LUA_TTABLE || t == LUA_TUSERDATA || t == LUA_TFUNCTION || t == LUA_TTHREAD ||
        t == LUA_TLIGHTUSERDATA) {
        if (luaL_callmeta(L, idx, "__tostring")) {
            if (!lua_isstring(L, -1))
                luaL_error(L, "'__tostring' must return a string");
        } else {
            lua_pushstring(L, lua_typename(L, t));
        }
        return lua_tolstring(L, -1, len);
    }
    return luaL_tolstring(L, idx, len);
}

static int safe_tostring(lua_State *L) {
    luaL_checkany(L, 1);
    safe_tolstring(L, 1, NULL);
    return 1;
}

static int safe_format(lua_State *L) {
    size_t flen;
    const char *f = luaL_checklstring(L, 1, &flen);
    for (size_t i = 0; i + 1 < flen; i++) {
        if (f[i] != '%')
            continue;
        size_t j = i + 1;
        while (j < flen && strchr("-+ #0123456789.", f[j]))
            j++;
        if (j < flen && f[j] == 'p')
            return luaL_error(L, "string.format: '%%p' is not available to scenarios");
        i = j;
    }
    int top = lua_gettop(L);
    for (int i = 2; i <= top; i++) {
        int t = lua_type(L, i);
        if (t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA || t == LUA_TTHREAD ||
            t == LUA_TLIGHTUSERDATA) {
            safe_tolstring(L, i, NULL);
            lua_replace(L, i);
        }
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, top, 1);
    return 1;
}

static int original_done(lua_State *L, int status, lua_KContext ctx) {
    (void)status;
    (void)ctx;
    return lua_gettop(L);
}

/* Calls the wrapped library function (upvalue 1) with this call's arguments (it may
 * yield: the continuation returns its results). */
static int call_original(lua_State *L) {
    int top = lua_gettop(L);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_callk(L, top, LUA_MULTRET, 0, original_done);
    return lua_gettop(L);
}

/* ---- bounded patterns ---- */

#define PATTERN_BUDGET 2e8 /* worst-case steps one pattern call may take */
#define PATTERN_STEPS_PER_UNIT 64 /* worst-case steps charged as one instruction */

/* A pessimistic bound on the steps Lua's matcher may take: each unbounded repetition
 * can multiply the work by the subject's length, and each optional item doubles it;
 * gsub and gmatch try every starting position. Plain searches are length x length. */
static double pattern_cost(const char *p, size_t plen, size_t n, int plain) {
    double len = (double)n + 1, cost = len * ((double)plen + 1);
    if (plain)
        return cost;
    for (size_t i = 0; i < plen; i++) {
        char c = p[i];
        if (c == '%' && i + 1 < plen) {
            if (p[i + 1] == 'b' || p[i + 1] == 'f')
                cost *= p[i + 1] == 'b' ? len : 1;
            i++;
        } else if (c == '*' || c == '+' || c == '-') {
            cost *= len;
        } else if (c == '?') {
            cost *= 2;
        }
        if (cost > 1e300)
            break;
    }
    return cost;
}

static int guarded_pattern(lua_State *L) {
    size_t n = 0, plen = 0;
    const char *s = luaL_checklstring(L, 1, &n);
    const char *p = luaL_checklstring(L, 2, &plen);
    (void)s;
    int kind = (int)lua_tointeger(L, lua_upvalueindex(2)); /* 1 = find */
    int plain = kind == 1 && lua_toboolean(L, 4);
    double cost = pattern_cost(p, plen, n, plain);
    if (cost > PATTERN_BUDGET)
        return luaL_error(L, "pattern too costly for a %d-byte subject (its worst case would "
                             "take too long); use a shorter subject or a simpler pattern",
                          (int)n);
    host_charge(L, n / 4 + (uint64_t)(cost / PATTERN_STEPS_PER_UNIT));
    return call_original(L);
}

/* ---- C functions charged by their work ---- */

/* What one call of a library function may do that the count hook cannot see, so each
 * wrapped function is charged before it runs (and refused beyond a cap): */
typedef enum cost_kind {
    COST_ARGS,      /* one unit an argument, one a BYTE_UNIT bytes of string argument */
    COST_RESULT,    /* string.sub: the bytes of the result */
    COST_BYTE,      /* string.byte, utf8.codepoint: one result a byte asked for */
    COST_REP,       /* string.rep: each copy and every byte written */
    COST_UNPACK,    /* string.unpack: at most a result a format character */
} cost_kind;

#define BYTE_UNIT 16        /* bytes of C string work charged as one instruction */
#define MAX_RESULTS 65536   /* values one call may return */

static uint64_t args_cost(lua_State *L) {
    int top = lua_gettop(L);
    uint64_t units = (uint64_t)top;
    for (int i = 1; i <= top; i++)
        if (lua_type(L, i) == LUA_TSTRING)
            units += lua_rawlen(L, i) / BYTE_UNIT;
    return units;
}

/* Lua's relative string position: negative counts from the end. */
static lua_Integer rel_pos(lua_Integer pos, size_t len) {
    if (pos >= 0)
        return pos;
    if (0u - (size_t)pos > len)
        return 0;
    return (lua_Integer)len + pos + 1;
}

/* How many bytes a (s, i [, j]) range asks for, with Lua's defaults (j = i, or -1). */
static uint64_t range_len(lua_State *L, lua_Integer jdef_is_i) {
    size_t len = lua_rawlen(L, 1);
    lua_Integer i = rel_pos(luaL_optinteger(L, 2, 1), len);
    lua_Integer j = rel_pos(luaL_optinteger(L, 3, jdef_is_i ? i : -1), len);
    if (i < 1)
        i = 1;
    if (j > (lua_Integer)len)
        j = (lua_Integer)len;
    return i > j ? 0 : (uint64_t)(j - i) + 1;
}

static int too_many(lua_State *L, const char *fn, uint64_t n) {
    return luaL_error(L, "%s: %llu results at once (at most %d)", fn, (unsigned long long)n,
                      MAX_RESULTS);
}

static uint64_t rep_cost(lua_State *L) {
    size_t l = 0, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0)
        return 1;
    double bytes = (double)n * (double)l + (double)(n - 1) * (double)lsep;
    if (bytes > (double)host_of(L)->lim.memory)
        host_limit(L, NIACT_KIND_MEMORY, "memory limit exceeded");
    return ((uint64_t)n + (uint64_t)bytes) / BYTE_UNIT;
}

/* A library function (upvalue 1) charged by its kind (upvalue 2) and its name
 * (upvalue 3), then called. */
static int charged(lua_State *L) {
    cost_kind kind = (cost_kind)lua_tointeger(L, lua_upvalueindex(2));
    const char *fn = lua_tostring(L, lua_upvalueindex(3));
    uint64_t units = args_cost(L);
    if (kind == COST_RESULT) {
        luaL_checkstring(L, 1);
        units = 1 + range_len(L, 0) / BYTE_UNIT;
    } else if (kind == COST_BYTE) {
        luaL_checkstring(L, 1);
        uint64_t n = range_len(L, 1);
        if (n > MAX_RESULTS)
            return too_many(L, fn, n);
        units = 1 + n;
    } else if (kind == COST_REP) {
        units = rep_cost(L);
    } else if (kind == COST_UNPACK) {
        size_t flen = 0;
        luaL_checklstring(L, 1, &flen);
        if (flen > MAX_RESULTS)
            return too_many(L, fn, flen);
    }
    host_charge(L, units);
    return call_original(L);
}

/* utf8.codes' iterator (upvalue 1), charged by the bytes it moves over. */
static int codes_step(lua_State *L) {
    lua_Integer from = lua_tointeger(L, 2);
    lua_settop(L, 2);
    int n = call_original(L);
    lua_Integer to = n > 0 && lua_isinteger(L, 1) ? lua_tointeger(L, 1) : from;
    host_charge(L, 1 + (uint64_t)(to > from ? to - from : 0) / BYTE_UNIT);
    return n;
}

static int safe_codes(lua_State *L) {
    host_charge(L, 1);
    int n = call_original(L);
    if (n >= 1 && lua_isfunction(L, 1)) {
        lua_pushvalue(L, 1);
        lua_pushcclosure(L, codes_step, 1);
        lua_replace(L, 1);
    }
    return n;
}

/* ---- table functions whose C loops the hook cannot see ---- */

/* #t, asked once (a __len may run scenario code and need not answer twice alike). */
static lua_Integer table_len(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer n = luaL_len(L, 1);
    if (n < 0 || n >= LUA_MAXINTEGER)
        luaL_error(L, "table length %I out of range", (LUAI_UACINT)n);
    return n;
}

/* Elements from i to j (0 if j < i), without overflow. */
static uint64_t span(lua_Integer i, lua_Integer j) {
    return j < i ? 0 : (uint64_t)((lua_Unsigned)j - (lua_Unsigned)i) + 1;
}

static int safe_insert(lua_State *L) {
    lua_Integer e = table_len(L) + 1, pos = e;
    switch (lua_gettop(L)) {
    case 2:
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        host_charge(L, 1 + span(pos, e));
        for (lua_Integer i = e; i > pos; i--) {
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int safe_remove(lua_State *L) {
    lua_Integer size = table_len(L), pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2,
                      "position out of bounds");
    host_charge(L, 1 + span(pos, size));
    lua_geti(L, 1, pos);
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/* table.concat(t, sep, i, j) and table.unpack(t, i, j): the range made explicit (so the
 * original asks no __len) and charged, then the original. */
static int safe_concat(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_optstring(L, 2, "");
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer j = lua_isnoneornil(L, 4) ? table_len(L) : luaL_checkinteger(L, 4);
    lua_settop(L, 2);
    if (lua_isnil(L, 2))
        lua_pushliteral(L, ""), lua_replace(L, 2);
    lua_pushinteger(L, i);
    lua_pushinteger(L, j);
    host_charge(L, 1 + span(i, j) + lua_rawlen(L, 2) / BYTE_UNIT * span(i, j));
    return call_original(L);
}

static int safe_unpack(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer j = lua_isnoneornil(L, 3) ? table_len(L) : luaL_checkinteger(L, 3);
    uint64_t n = span(i, j);
    if (n > MAX_RESULTS)
        return too_many(L, "table.unpack", n);
    host_charge(L, 1 + n);
    lua_settop(L, 1);
    lua_pushinteger(L, i);
    lua_pushinteger(L, j);
    return call_original(L);
}

static int safe_move(lua_State *L) {
    lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
    host_charge(L, 1 + span(f, e));
    return call_original(L);
}

/* xpcall(f, handler, ...): the handler runs only for errors the scenario may handle.
 * Once a limit fired, the error is raised from inside the count hook, where Lua runs
 * the handler with hooks off: a looping handler would never stop. */
static int xpcall_handler(lua_State *L) {
    if (host_killed(L))
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int safe_xpcall(lua_State *L) {
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, xpcall_handler, 1);
    lua_replace(L, 2);
    return call_original(L);
}

/* ---- metatables, load, require ---- */

static const char copy_mark = 0; /* key (its address) marking the metatables we install */

/* setmetatable(t, mt): installs a private copy of mt, so that nothing the scenario does
 * to mt afterwards (adding __mode or __gc, by assignment or rawset) reaches the table's
 * real metatable, which no scenario code can reach. getmetatable(t) still answers mt
 * (the copy's __metatable), unless mt protects itself with its own __metatable. */
static int safe_setmetatable(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    int t = lua_type(L, 2);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    lua_settop(L, 2);
    if (lua_getmetatable(L, 1)) { /* a protected metatable stays */
        int ours = lua_rawgetp(L, -1, &copy_mark) == LUA_TBOOLEAN && lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (!ours && lua_getfield(L, -1, "__metatable") != LUA_TNIL)
            return luaL_error(L, "cannot change a protected metatable");
        lua_settop(L, 2);
    }
    if (t == LUA_TTABLE) {
        if (lua_getfield(L, 2, "__gc") != LUA_TNIL || lua_getfield(L, 2, "__mode") != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc and __mode are not available to scenarios "
                                 "(they depend on when memory is collected)");
        lua_settop(L, 2);
        lua_newtable(L);
        uint64_t n = 0;
        for (lua_pushnil(L); lua_next(L, 2); n++) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, 3);
        }
        host_charge(L, 1 + n);
        int added = lua_getfield(L, 3, "__metatable") == LUA_TNIL;
        lua_pop(L, 1);
        if (added) {
            lua_pushvalue(L, 2);
            lua_setfield(L, 3, "__metatable");
        }
        lua_pushboolean(L, added);
        lua_rawsetp(L, 3, &copy_mark);
        lua_replace(L, 2);
    }
    lua_setmetatable(L, 1);
    return 1;
}

void host_push_env(lua_State *L) {
    lua_getfield(L, LUA_REGISTRYINDEX, ENV_KEY);
}

/* load(chunk [, name [, mode [, env]]]): text only; the environment defaults to the
 * sandbox's. A function as chunk is refused (it could hand over binary pieces). */
static int safe_load(lua_State *L) {
    size_t len;
    const char *s = lua_tolstring(L, 1, &len);
    if (!s)
        return luaL_error(L, "load: only a string chunk is accepted");
    const char *name = luaL_optstring(L, 2, "=(load)");
    int has_env = !lua_isnone(L, 4);
    host_charge(L, 1 + len); /* compiling is C work: a byte an instruction */
    if (luaL_loadbufferx(L, s, len, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env)
        lua_pushvalue(L, 4);
    else
        host_push_env(L);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return 1;
}

#define SCRIPT_MAX_BYTES (8u << 20) /* no scenario file is this large */

/* Whether path, with every link resolved, lies inside folder. */
static int inside(const char *path, const char *folder) {
    char rp[PATH_MAX], rf[PATH_MAX];
    if (!folder[0] || !realpath(path, rp) || !realpath(folder, rf))
        return 0;
    size_t n = strlen(rf);
    return strncmp(rp, rf, n) == 0 && (rp[n] == '/' || (n == 1 && rf[0] == '/'));
}

/* Reads a regular file of at most SCRIPT_MAX_BYTES (never a FIFO or a device, which
 * could block or never end). Returns a malloc'd NUL-terminated text, or NULL with why. */
static char *read_whole(const char *path, size_t *len, const char **why) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    *why = "cannot read the file";
    if (fd < 0)
        return NULL;
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        *why = "not a regular file";
    } else if ((uint64_t)st.st_size > SCRIPT_MAX_BYTES) {
        *why = "larger than 8 MiB";
    } else if ((buf = malloc((size_t)st.st_size + 1))) {
        size_t n = 0;
        ssize_t got;
        while (n < (size_t)st.st_size && (got = read(fd, buf + n, (size_t)st.st_size - n)) > 0)
            n += (size_t)got;
        buf[n] = 0;
        *len = n;
    }
    close(fd);
    return buf;
}

/* Loads a file as a text chunk in the sandbox, remembering its text. Pushes the chunk,
 * or returns a Lua error status with the message pushed. */
int host_load_file(niact_host *h, const char *path, const char *shown) {
    lua_State *L = h->L;
    if (h->n_files >= HOST_MAX_FILES) {
        lua_pushfstring(L, "%s: too many files in one scenario (at most %d)", shown,
                        HOST_MAX_FILES);
        return LUA_ERRFILE;
    }
    size_t len = 0;
    const char *why = "cannot read the file";
    char *text = NULL;
    if (!inside(path, h->dir) && !inside(path, h->libdir))
        why = access(path, F_OK) == 0 ? "links outside the scenario's folder" : why;
    else
        text = read_whole(path, &len, &why);
    if (!text) {
        lua_pushfstring(L, "%s: %s", shown, why);
        return LUA_ERRFILE;
    }
    char *name = host_strdup(shown);
    if (!name) {
        free(text);
        lua_pushfstring(L, "%s: out of memory", shown);
        return LUA_ERRMEM;
    }
    host_file *hf = &h->files[h->n_files++];
    hf->name = name;
    hf->text = text;
    hf->len = len;
    char chunk[512];
    snprintf(chunk, sizeof chunk, "@%s", shown);
    int st = luaL_loadbufferx(L, text, len, chunk, "t");
    if (st != LUA_OK)
        return st;
    host_push_env(L);
    lua_setupvalue(L, -2, 1);
    return LUA_OK;
}

static int valid_module(const char *m) {
    size_t n = strlen(m);
    if (n == 0 || n > 64 || m[0] == '.' || m[n - 1] == '.')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = m[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || (c == '.' && m[i + 1] != '.')))
            return 0;
    }
    return 1;
}

/* require(name): the scenario's own folder first, then scripts/lib; dots are folders.
 * Each module runs once per host; the result is cached. */
static int safe_require(lua_State *L) {
    niact_host *h = host_of(L);
    const char *m = luaL_checkstring(L, 1);
    if (!valid_module(m))
        return luaL_error(L, "require: '%s' is not a module name (letters, digits, _ and .)", m);
    lua_getfield(L, LUA_REGISTRYINDEX, LOADED_KEY);
    if (lua_getfield(L, -1, m) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    char rel[256], path[4400], shown[300];
    snprintf(rel, sizeof rel, "%s.lua", m);
    for (char *c = rel; *c && strcmp(c, ".lua") != 0; c++)
        if (*c == '.')
            *c = '/';
    const char *bases[2] = {h->dir, h->libdir};
    const char *labels[2] = {"", "lib/"};
    for (int i = 0; i < 2; i++) {
        if (!bases[i][0])
            continue;
        snprintf(path, sizeof path, "%s/%s", bases[i], rel);
        if (access(path, F_OK) != 0)
            continue;
        snprintf(shown, sizeof shown, "%s%s", labels[i], rel);
        if (host_load_file(h, path, shown) != LUA_OK)
            return lua_error(L);
        host_charge(L, 1 + h->files[h->n_files - 1].len); /* compiling: a byte a unit */
        lua_pushstring(L, m);
        lua_call(L, 1, 1);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            lua_pushboolean(L, 1);
        }
        lua_pushvalue(L, -1);
        lua_setfield(L, -3, m);
        return 1;
    }
    return luaL_error(L, "require: module '%s' not found in the scenario folder or scripts/lib",
                      m);
}

/* ---- read-only library tables ---- */

/* pairs over a proxy or the frozen environment walks the table behind it. */
static int frozen_pairs(lua_State *L) {
    lua_getmetatable(L, 1);
    lua_getfield(L, -1, "__shadow");
    lua_replace(L, 1);
    lua_settop(L, 1);
    return det_pairs(L);
}

static int readonly_newindex(lua_State *L) {
    return luaL_error(L, "library tables are read-only");
}

/* Replaces the table on top with an empty proxy that reads from it. */
static void make_readonly(lua_State *L) {
    lua_newtable(L);             /* proxy */
    lua_createtable(L, 0, 4);    /* its metatable */
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, readonly_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, -3);        /* pairs(proxy) walks the real table */
    lua_setfield(L, -2, "__shadow");
    lua_pushcfunction(L, frozen_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_remove(L, -2);
}

/* Copies the named fields of the global library `lib` into a new table on the stack. */
static void copy_fields(lua_State *L, const char *lib, const char *const *names) {
    lua_newtable(L);
    lua_getglobal(L, lib);
    for (int i = 0; names[i]; i++) {
        lua_getfield(L, -1, names[i]);
        lua_setfield(L, -3, names[i]);
    }
    lua_pop(L, 1);
}

static void wrap_field(lua_State *L, int tbl, const char *name, lua_CFunction fn, int kind) {
    lua_getfield(L, tbl, name);
    if (kind >= 0) {
        lua_pushinteger(L, kind);
        lua_pushcclosure(L, fn, 2);
    } else {
        lua_pushcclosure(L, fn, 1);
    }
    lua_setfield(L, tbl, name);
}

/* Wraps tbl[name] in `charged` with a cost kind; `lib` names it in messages. */
static void charge_field(lua_State *L, int tbl, const char *lib, const char *name,
                         cost_kind kind) {
    lua_getfield(L, tbl, name);
    lua_pushinteger(L, kind);
    lua_pushfstring(L, "%s%s%s", lib, lib[0] ? "." : "", name);
    lua_pushcclosure(L, charged, 3);
    lua_setfield(L, tbl, name);
}

/* Every library function whose work grows with its arguments, and how it is charged;
 * the rest do a bounded amount of work per call (docs/modding.md, "Limits"). */
static const struct {
    const char *lib, *name;
    cost_kind kind;
} charges[] = {
    {"string", "byte", COST_BYTE},   {"string", "char", COST_ARGS},
    {"string", "format", COST_ARGS}, {"string", "lower", COST_ARGS},
    {"string", "upper", COST_ARGS},  {"string", "reverse", COST_ARGS},
    {"string", "rep", COST_REP},     {"string", "sub", COST_RESULT},
    {"string", "pack", COST_ARGS},   {"string", "packsize", COST_ARGS},
    {"string", "unpack", COST_UNPACK}, {"utf8", "char", COST_ARGS},
    {"utf8", "len", COST_ARGS},      {"utf8", "offset", COST_ARGS},
    {"utf8", "codepoint", COST_BYTE}, {"table", "pack", COST_ARGS},
    {"math", "max", COST_ARGS},      {"math", "min", COST_ARGS},
    {"", "select", COST_ARGS},       {"", "tonumber", COST_ARGS},
    {"coroutine", "resume", COST_ARGS}, {"coroutine", "yield", COST_ARGS},
};

static void charge_lib(lua_State *L, int tbl, const char *lib) {
    for (size_t i = 0; i < sizeof charges / sizeof *charges; i++)
        if (strcmp(charges[i].lib, lib) == 0)
            charge_field(L, tbl, lib, charges[i].name, charges[i].kind);
}

/* A stable merge sort in Lua, so the comparator runs under the instruction limit and
 * equal elements keep their order in every run. */
static const char *const prelude =
    "local floor = math.floor\n"
    "local function merge(t, tmp, lo, mid, hi, lt)\n"
    "  local i, j, k = lo, mid + 1, lo\n"
    "  while i <= mid and j <= hi do\n"
    "    if lt(t[j], t[i]) then tmp[k] = t[j]; j = j + 1 else tmp[k] = t[i]; i = i + 1 end\n"
    "    k = k + 1\n"
    "  end\n"
    "  while i <= mid do tmp[k] = t[i]; i = i + 1; k = k + 1 end\n"
    "  while j <= hi do tmp[k] = t[j]; j = j + 1; k = k + 1 end\n"
    "  for x = lo, hi do t[x] = tmp[x] end\n"
    "end\n"
    "local function sort(t, lo, hi, tmp, lt)\n"
    "  if hi - lo < 1 then return end\n"
    "  local mid = floor((lo + hi) / 2)\n"
    "  sort(t, lo, mid, tmp, lt); sort(t, mid + 1, hi, tmp, lt)\n"
    "  merge(t, tmp, lo, mid, hi, lt)\n"
    "end\n"
    "return function(t, lt)\n"
    "  if type(t) ~= 'table' then error('table.sort: table expected', 2) end\n"
    "  lt = lt or function(a, b) return a < b end\n"
    "  sort(t, 1, #t, {}, lt)\n"
    "end\n";

static void build_libs(lua_State *L, int env) {
    static const char *const string_names[] = {
        "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match",
        "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper", NULL};
    static const char *const table_names[] = {"concat", "insert", "move", "pack",
                                              "remove", "unpack", NULL};
    static const char *const math_names[] = {
        "abs", "ceil", "cos", "deg", "exp", "floor", "fmod", "huge", "log", "max",
        "maxinteger", "min", "mininteger", "modf", "pi", "rad", "sin", "sqrt", "tan",
        "tointeger", "type", "ult", "atan", "asin", "acos", NULL};
    static const char *const utf8_names[] = {"char", "charpattern", "codes", "codepoint",
                                             "len", "offset", NULL};
    static const char *const co_names[] = {"close", "create", "isyieldable", "resume",
                                           "running", "status", "wrap", "yield", NULL};

    copy_fields(L, "string", string_names);
    int s = lua_gettop(L);
    charge_lib(L, s, "string");
    wrap_field(L, s, "format", safe_format, -1);
    wrap_field(L, s, "find", guarded_pattern, 1);
    wrap_field(L, s, "match", guarded_pattern, 2);
    wrap_field(L, s, "gmatch", guarded_pattern, 3);
    wrap_field(L, s, "gsub", guarded_pattern, 4);
    /* Strings' methods come from this table; the metatable itself is locked. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushvalue(L, s);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);
    make_readonly(L);
    lua_setfield(L, env, "string");

    copy_fields(L, "math", math_names);
    charge_lib(L, lua_gettop(L), "math");
    make_readonly(L);
    lua_setfield(L, env, "math");
    copy_fields(L, "table", table_names);
    int tb = lua_gettop(L);
    charge_lib(L, tb, "table");
    lua_pushcfunction(L, safe_insert);
    lua_setfield(L, tb, "insert");
    lua_pushcfunction(L, safe_remove);
    lua_setfield(L, tb, "remove");
    wrap_field(L, tb, "move", safe_move, -1);
    wrap_field(L, tb, "concat", safe_concat, -1);
    wrap_field(L, tb, "unpack", safe_unpack, -1);
    if (luaL_loadbufferx(L, prelude, strlen(prelude), "=niact", "t") != LUA_OK)
        lua_error(L);
    lua_pushvalue(L, env);
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    lua_setfield(L, -2, "sort");
    make_readonly(L);
    lua_setfield(L, env, "table");

    copy_fields(L, "utf8", utf8_names);
    charge_lib(L, lua_gettop(L), "utf8");
    wrap_field(L, lua_gettop(L), "codes", safe_codes, -1);
    make_readonly(L);
    lua_setfield(L, env, "utf8");
    copy_fields(L, "coroutine", co_names);
    charge_lib(L, lua_gettop(L), "coroutine");
    make_readonly(L);
    lua_setfield(L, env, "coroutine");
}

int host_open_sandbox(niact_host *h) {
    lua_State *L = h->L;
    luaL_openlibs(L); /* the real libraries; scenarios see only what is copied below */
    lua_newtable(L);
    int env = lua_gettop(L);
    static const char *const base[] = {"assert", "error", "getmetatable", "ipairs", "pcall",
                                       "rawequal", "rawget", "rawlen", "rawset", "select",
                                       "tonumber", "type", "xpcall", "_VERSION", NULL};
    lua_pushglobaltable(L);
    for (int i = 0; base[i]; i++) {
        lua_getfield(L, -1, base[i]);
        lua_setfield(L, env, base[i]);
    }
    lua_pop(L, 1);
    lua_pushcfunction(L, safe_setmetatable);
    lua_setfield(L, env, "setmetatable");
    charge_lib(L, env, "");
    lua_getfield(L, env, "xpcall");
    lua_pushcclosure(L, safe_xpcall, 1);
    lua_setfield(L, env, "xpcall");
    lua_pushcfunction(L, det_pairs);
    lua_setfield(L, env, "pairs");
    lua_pushcfunction(L, det_next);
    lua_setfield(L, env, "next");
    lua_pushcfunction(L, safe_tostring);
    lua_setfield(L, env, "tostring");
    lua_pushcfunction(L, safe_load);
    lua_setfield(L, env, "load");
    lua_pushcfunction(L, safe_require);
    lua_setfield(L, env, "require");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    build_libs(L, env);
    lua_setfield(L, LUA_REGISTRYINDEX, ENV_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, LOADED_KEY);
    /* Nothing of the real globals stays reachable: the C libraries keep their own
     * references, and every chunk gets the sandbox as its _ENV. */
    return 0;
}

static int frozen_newindex(lua_State *L) {
    const char *k = lua_tostring(L, 2);
    return luaL_error(L, "assignment to global '%s' during play: keep game state in declared "
                         "tracks, not in Lua globals", k ? k : "?");
}

static int frozen_index(lua_State *L) {
    const char *k = lua_tostring(L, 2);
    return luaL_error(L, "undefined global '%s'", k ? k : "?");
}


/* Moves every global into a shadow table: reads go through, writes are refused. */
void host_freeze_env(lua_State *L) {
    host_push_env(L);
    int env = lua_gettop(L);
    lua_newtable(L);
    int shadow = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, env)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, shadow);
    }
    /* Clear env (collect the keys first: clearing during lua_next is not allowed for
     * new keys, but assigning nil to existing ones is). */
    lua_pushnil(L);
    while (lua_next(L, shadow)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, env);
    }
    lua_newtable(L);
    lua_pushvalue(L, shadow);
    lua_setfield(L, -2, "__shadow");
    /* __index: the shadow table, falling back to an error for unknown names. */
    lua_newtable(L);
    lua_pushcfunction(L, frozen_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, shadow);
    lua_pushvalue(L, shadow);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, frozen_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, frozen_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "locked");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, env);
    lua_pop(L, 2);
}
