/* The `niact` module's constructors and the reading of a scenario's declarations into
 * a niact_scenario. Constructors only note where each declaration was written, so
 * that problems can be reported as FILE:LINE; the reader checks everything and
 * reports every problem it finds, not just the first. */
#include "host_internal.h"
#include "niact/game.h"
#include "niact/hash.h"
#include "niact/negotiation.h"
#include "niact/schema.h"
#include "niact/text.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WHERE_KEY "niact.where"
#define IDS_KEY "niact.ids"

/* ---- constructors ---- */

/* niact.KIND{...}: remembers the caller's file and line for this table, returns it. */
static int decl_ctor(lua_State *L) {
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_Debug ar;
    lua_getfield(L, LUA_REGISTRYINDEX, WHERE_KEY);
    lua_pushvalue(L, 1);
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.source[0] == '@')
        lua_pushfstring(L, "%s:%d", ar.source + 1, ar.currentline);
    else
        lua_pushliteral(L, "?:0");
    lua_rawset(L, -3);
    lua_pop(L, 1);
    return 1;
}

void host_open_decl(lua_State *L) {
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, WHERE_KEY);
    static const char *const kinds[] = {"scenario", "role", "track", "action", "event",
                                        "objective", "term", "turning_point", "map", "place",
                                        "route", "layer", "variant", NULL};
    host_push_env(L);
    lua_newtable(L);
    for (int i = 0; kinds[i]; i++) {
        lua_pushcfunction(L, decl_ctor);
        lua_setfield(L, -2, kinds[i]);
    }
    lua_pushinteger(L, NIACT_API_VERSION); /* the version this niact writes (schema.h) */
    lua_setfield(L, -2, "api_version");
    lua_setfield(L, -2, "niact");
    lua_pop(L, 1);
}

/* ---- reading ---- */

typedef struct rd {
    niact_host *h;
    lua_State *L;
    char file[300]; /* where the declaration being read was written */
    int line;
    size_t bytes;   /* bytes of text copied into the C declarations so far */
    int over;       /* the total went past NIACT_DECL_BYTES_MAX (said once) */
    int own;        /* the table being checked has a position of its own (a constructor) */
    char sc_file[300]; /* where the scenario table was written */
    int sc_line;
    int n_roles;    /* role ids declared, for keys that may be role ids (schema check) */
    char roles[NIACT_MAX_ROLES][48];
    char neg_file[300]; /* where the negotiation table was written (check_proposals) */
    int neg_line;
    int ppt_given;      /* it gave proposals_per_turn (in the schema's range) */
} rd;

/* Sets the reader's position to that of the table at idx (or keeps the parent's);
 * returns whether the table had one of its own (it was wrapped in a constructor). */
static int rd_where(rd *r, int idx) {
    lua_State *L = r->L;
    idx = lua_absindex(L, idx);
    lua_getfield(L, LUA_REGISTRYINDEX, WHERE_KEY);
    lua_pushvalue(L, idx);
    lua_rawget(L, -2);
    const char *w = lua_tostring(L, -1);
    if (w) {
        const char *c = strrchr(w, ':');
        size_t n = c ? (size_t)(c - w) : strlen(w);
        if (n >= sizeof r->file)
            n = sizeof r->file - 1;
        memcpy(r->file, w, n);
        r->file[n] = 0;
        r->line = c ? atoi(c + 1) : 0;
    }
    lua_pop(L, 2);
    return w != NULL;
}

#define PROBLEM(r, ...) host_problem((r)->h, (r)->file, (r)->line, __VA_ARGS__)

/* Pushes t[k] of the table at idx without metamethods: a declaration is read as the
 * plain table it is, so no __index or __len can run, lie or answer twice unalike. */
static int rawfield(lua_State *L, int idx, const char *k) {
    idx = lua_absindex(L, idx);
    lua_pushstring(L, k);
    return lua_rawget(L, idx);
}

/* A C copy of s; out of memory is an error of the whole reading (never a NULL kept). */
static char *rd_dup(rd *r, const char *s) {
    char *d = host_strdup(s);
    if (!d)
        luaL_error(r->L, "out of memory while reading the declarations");
    return d;
}

/* A C copy of a scenario's text of len bytes, within the limits on one text and on all
 * the text the C side holds for a scenario (docs/modding.md, "Limits"); "" past them. */
static char *rd_text(rd *r, const char *v, size_t len, const char *what, const char *field) {
    if (len > NIACT_DECL_TEXT_MAX) {
        PROBLEM(r, "%s: field '%s' is %zu bytes long (at most %d)", what, field, len,
                NIACT_DECL_TEXT_MAX);
        return rd_dup(r, "");
    }
    if (r->bytes + len > NIACT_DECL_BYTES_MAX) {
        if (!r->over)
            PROBLEM(r, "%s: the declarations' texts pass %d MiB in all (the limit)", what,
                    NIACT_DECL_BYTES_MAX >> 20);
        r->over = 1;
        return rd_dup(r, "");
    }
    r->bytes += len + 1;
    return rd_dup(r, v);
}

/* A string field: a malloc'd copy, def if absent ("" if the schema requires it). Its
 * type, and whether it is required, were checked against the schema. */
static char *rd_str(rd *r, int idx, const char *field, const char *def, const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    char *out = NULL;
    if (t == LUA_TSTRING) {
        size_t len;
        const char *v = lua_tolstring(L, -1, &len);
        char why[96];
        /* Scenario text is shown to players: plain UTF-8, line breaks only (text.h). */
        if (len <= NIACT_DECL_TEXT_MAX && niact_text_check(v, len, NIACT_TEXT_NEWLINES, why, sizeof why) != NIACT_OK) {
            PROBLEM(r, "%s: field '%s' must be plain text: %s", what, field, why);
            v = "";
            len = 0;
        }
        out = rd_text(r, v, len, what, field);
    } else { /* absent, or of a type the schema check has reported */
        out = rd_dup(r, def && t == LUA_TNIL ? def : "");
    }
    lua_pop(L, 1);
    return out;
}

/* An integer field (def if absent or not a whole number within +/-1e9: the schema check
 * has said so); *present says whether it was given. */
static int32_t rd_int(rd *r, int idx, const char *field, int32_t def, const char *what,
                      int *present) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    int32_t v = def;
    if (present)
        *present = t != LUA_TNIL;
    (void)what; /* type, whole number and range: checked against the schema */
    if (t == LUA_TNUMBER) {
        int isnum;
        lua_Integer i = lua_tointegerx(L, -1, &isnum);
        if (isnum && i >= -1000000000 && i <= 1000000000)
            v = (int32_t)i;
    }
    lua_pop(L, 1);
    return v;
}

static int rd_bool(rd *r, int idx, const char *field, int def, const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    int v = def;
    (void)what;
    if (t == LUA_TBOOLEAN)
        v = lua_toboolean(L, -1);
    lua_pop(L, 1);
    return v;
}

/* A function field as a registry reference, LUA_NOREF if absent (or not a function:
 * the schema check has said so, and whether it is required). */
static int rd_fn(rd *r, int idx, const char *field, int required, const char *what) {
    lua_State *L = r->L;
    (void)required, (void)what;
    int t = rawfield(L, idx, field);
    if (t == LUA_TFUNCTION)
        return luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pop(L, 1);
    return LUA_NOREF;
}

static int valid_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 40)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

/* Reads the common fields; registers the id in the kind's id table (on top). */
static int place_element(rd *r, const char *id, int in_map);

static void rd_meta(rd *r, int idx, niact_meta *m, const char *kind, int index, int ids) {
    lua_State *L = r->L;
    char what[96];
    if (!rd_where(r, idx)) {
        /* A plain table (no constructor): at the line where its id is written in the
         * scenario's file, if it is there; else where the reading was. */
        const char *id = rawfield(L, idx, "id") == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        char file[sizeof r->file];
        int line = r->line;
        memcpy(file, r->file, sizeof file);
        memcpy(r->file, r->sc_file, sizeof r->file);
        r->line = r->sc_line;
        r->own = 1;
        if (!place_element(r, id, 0)) {
            memcpy(r->file, file, sizeof file);
            r->line = line;
        }
        r->own = 0;
        lua_pop(L, 1);
    }
    m->id = rd_str(r, idx, "id", NULL, kind);
    snprintf(what, sizeof what, "%s '%s'", kind, m->id);
    if (m->id[0] && !valid_id(m->id))
        PROBLEM(r, "%s: ids use a-z, 0-9 and _ (at most 40)", what);
    m->name = rd_str(r, idx, "name", m->id, what);
    m->text = rd_str(r, idx, "text", "", what);
    m->source = rd_str(r, idx, "source", "", what);
    m->file = rd_dup(r, r->file);
    m->line = r->line;
    if (rawfield(L, ids, m->id) != LUA_TNIL)
        PROBLEM(r, "%s: a %s with this id is already declared", what, kind);
    lua_pop(L, 1);
    lua_pushinteger(L, index);
    lua_setfield(L, ids, m->id);
}

/* Pushes the array field `field` of the table at idx; returns its length or -1. */
static int rd_array(rd *r, int idx, const char *field, int required) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    if (t == LUA_TNIL && !required) {
        lua_pop(L, 1);
        lua_newtable(L);
        return 0;
    }
    if (t != LUA_TTABLE) { /* the schema check has said so */
        lua_pop(L, 1);
        lua_newtable(L);
        return 0;
    }
    size_t n = lua_rawlen(L, -1);
    if (n > NIACT_DECL_MAX_LIST) {
        PROBLEM(r, "scenario: '%s' has %zu entries (at most %d)", field, n, NIACT_DECL_MAX_LIST);
        n = NIACT_DECL_MAX_LIST;
    }
    return (int)n;
}

/* Pushes a new id table for a kind and stores it under ids[kind]. */
static int new_ids(lua_State *L, int ids, const char *kind) {
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, ids, kind);
    return lua_gettop(L);
}

/* Role index of the id at the top of the stack (popped), or -1 with a problem. */
static int rd_role_ref(rd *r, int roles_ids, const char *what) {
    lua_State *L = r->L;
    if (lua_type(L, -1) != LUA_TSTRING) { /* the schema check has said so */
        lua_pop(L, 1);
        return -1;
    }
    const char *id = lua_tostring(L, -1);
    rawfield(L, roles_ids, id);
    int ok;
    int i = (int)lua_tointegerx(L, -1, &ok);
    if (!ok)
        PROBLEM(r, "%s: no role '%s'", what, id);
    lua_pop(L, 2);
    return ok ? i : -1;
}

/* A list of role ids as a bit mask. */
static uint32_t rd_roles(rd *r, int idx, const char *field, int roles_ids, const char *what) {
    lua_State *L = r->L;
    uint32_t mask = 0;
    int t = rawfield(L, idx, field);
    if (t == LUA_TSTRING) {
        int i = rd_role_ref(r, roles_ids, what);
        lua_pushnil(L); /* keep the stack shape */
        mask = i >= 0 ? 1u << i : 0;
    } else if (t == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n && i <= 64; i++) {
            lua_rawgeti(L, -1, i);
            int role = rd_role_ref(r, roles_ids, what);
            if (role >= 0)
                mask |= 1u << role;
        }
    }
    lua_pop(L, 1);
    if (!mask && (t == LUA_TSTRING || t == LUA_TTABLE)) /* else the schema check said why */
        PROBLEM(r, "%s: field '%s' names no role", what, field);
    return mask;
}

static void rd_labels_of(rd *r, int t, int32_t mn, int32_t mx, char ***labels, int *n_labels,
                         const char *what);
static void rd_param(rd *r, int idx, int *has, char **name, int32_t *mn, int32_t *mx,
                     int32_t *def, char ***labels, int *n_labels, const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, "param");
    *has = 0;
    if (t == LUA_TTABLE) {
        int p = lua_gettop(L);
        *has = 1;
        *name = rd_str(r, p, "name", "amount", what);
        *mn = rd_int(r, p, "min", 0, what, NULL);
        *mx = rd_int(r, p, "max", 0, what, NULL);
        *def = rd_int(r, p, "default", *mn, what, NULL);
        if (*mn > *mx || *def < *mn || *def > *mx)
            PROBLEM(r, "%s: param needs min <= default <= max", what);
        else
            rd_labels_of(r, p, *mn, *mx, labels, n_labels, what);
    } else {
        *name = rd_dup(r, "");
        *mn = *mx = *def = 0;
    }
    lua_pop(L, 1);
}

/* ---- the schema check (include/niact/schema.h) ----
 *
 * Before anything is read, every table of the scenario is checked against the schema:
 * a field no kind knows is an error naming the nearest known one; a field of the wrong
 * type, a number that is not whole or out of its range, a required field left out, all
 * problems at FILE:LINE. The readers below then take values as given. */

static int ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

/* The line, at or after the reader's, where `key = ` is written in the reader's file, if
 * the table being checked has a position of its own (else the reader's line): the line
 * of the field itself rather than of its declaration. */
static int find_line(rd *r, const char *key, const char *value);
static int field_line(rd *r, const char *key) {
    if (!r->own || r->line <= 0)
        return r->line;
    int line = find_line(r, key, NULL);
    return line ? line : r->line;
}

/* The first line, from the reader's, where `key = ` (or `key = 'value'`/"value") is
 * written in the reader's file; 0 if none in the next 400 lines. */
static int find_line(rd *r, const char *key, const char *value) {
    const niact_host *h = r->h;
    size_t kl = strlen(key), vl = value ? strlen(value) : 0;
    for (int i = 0; i < h->n_files; i++) {
        if (strcmp(h->files[i].name, r->file) != 0)
            continue;
        const char *t = h->files[i].text, *end = t + h->files[i].len, *p = t;
        int line = 1;
        while (p < end && line < r->line)
            if (*p++ == '\n')
                line++;
        for (int last = line + 400; p < end && line <= last; p++) {
            if (*p == '\n') {
                line++;
                continue;
            }
            if ((size_t)(end - p) <= kl || memcmp(p, key, kl) != 0 ||
                (p > t && ident_char(p[-1])) || ident_char(p[kl]))
                continue;
            const char *q = p + kl;
            while (q < end && (*q == ' ' || *q == '\t'))
                q++;
            if (q >= end || *q != '=' || (q + 1 < end && q[1] == '='))
                continue;
            if (!value)
                return line;
            for (q++; q < end && (*q == ' ' || *q == '\t');)
                q++;
            if (q < end && (*q == '"' || *q == '\'') && (size_t)(end - q) > vl + 1 &&
                memcmp(q + 1, value, vl) == 0 && q[vl + 1] == *q)
                return line;
        }
        break;
    }
    return 0;
}

/* A list's or a map's element without a position of its own (a plain table, not
 * wrapped in its constructor): placed at the line where its id (or its name in a map)
 * is written, searched from the enclosing declaration, so its fields are found after
 * it. Returns whether it was found. */
static int place_element(rd *r, const char *id, int in_map) {
    if (!r->own || r->line <= 0 || !id)
        return 0;
    int line = in_map ? find_line(r, id, NULL) : find_line(r, "id", id);
    if (!line)
        return 0;
    r->line = line;
    return 1;
}

#define PROBLEM_AT(r, key, ...) host_problem((r)->h, (r)->file, field_line(r, key), __VA_ARGS__)

/* "a whole number", "a string"...: what a field must be, for messages. */
static const char *type_words(const niact_field *f, char *buf, size_t len) {
    switch (f->type) {
    case NIACT_T_TEXT:
    case NIACT_T_DATE:
        return "a string";
    case NIACT_T_ID:
    case NIACT_T_REF:
        return "an id (a string)";
    case NIACT_T_INT:
        snprintf(buf, len, "a whole number%s%s%s", f->choices ? " or \"" : "",
                 f->choices ? f->choices : "", f->choices ? "\"" : "");
        return buf;
    case NIACT_T_NUMBER:
        return "a number";
    case NIACT_T_BOOL:
        return "true or false";
    case NIACT_T_FUNCTION:
        return f->sub ? "a function or a table" : "a function";
    case NIACT_T_ENUM: {
        size_t at = (size_t)snprintf(buf, len, "one of ");
        for (const char *c = f->choices; *c && at + 8 < len;) {
            const char *bar = strchr(c, '|');
            size_t w = bar ? (size_t)(bar - c) : strlen(c);
            at += (size_t)snprintf(buf + at, len - at, "%s\"%.*s\"", c == f->choices ? "" : ", ",
                                   (int)w, c);
            c = bar ? bar + 1 : c + w;
        }
        if (f->sub && at + 12 < len)
            snprintf(buf + at, len - at, " or a table");
        return buf;
    }
    case NIACT_T_ROLES:
        return "a role id or a list of role ids";
    case NIACT_T_RECORD:
    case NIACT_T_MAP:
        return "a table";
    case NIACT_T_LIST:
        return "a list (table)";
    case NIACT_T_STRINGS:
        return "a list of strings";
    }
    return "?";
}

static int in_choices(const char *choices, const char *s) {
    size_t n = strlen(s);
    for (const char *c = choices; c && *c;) {
        const char *bar = strchr(c, '|');
        size_t w = bar ? (size_t)(bar - c) : strlen(c);
        if (w == n && memcmp(c, s, n) == 0)
            return 1;
        c = bar ? bar + 1 : c + w;
    }
    return 0;
}

static int is_role_id(const rd *r, const char *s) {
    for (int i = 0; i < r->n_roles; i++)
        if (strcmp(r->roles[i], s) == 0)
            return 1;
    return 0;
}

static void check_table(rd *r, int idx, const niact_kind *k, const char *what);

/* The element of a list or a map at the top, for messages: "action 'blockade'". */
static void element_what(rd *r, const niact_kind *k, int i, const char *key, char *buf,
                         size_t len) {
    lua_State *L = r->L;
    if (key) {
        snprintf(buf, len, "%s '%s'", k->name, key);
        return;
    }
    if (rawfield(L, -1, "id") == LUA_TSTRING)
        snprintf(buf, len, "%s '%.48s'", k->name, lua_tostring(L, -1));
    else
        snprintf(buf, len, "%s #%d", k->name, i);
    lua_pop(L, 1);
}

/* Checks the value at the top of the stack (left there) against field f. `name` is the
 * field's name as written (a role id for role keys). */
static void check_value(rd *r, const niact_field *f, const char *name, const char *what) {
    lua_State *L = r->L;
    int t = lua_type(L, -1), v = lua_gettop(L);
    char words[160], sub[160];
    int bad = 0;
    switch (f->type) {
    case NIACT_T_TEXT:
    case NIACT_T_ID:
    case NIACT_T_DATE:
    case NIACT_T_REF:
        bad = t != LUA_TSTRING;
        break;
    case NIACT_T_INT:
        if (t == LUA_TSTRING && f->choices) {
            bad = !in_choices(f->choices, lua_tostring(L, v));
        } else if (t != LUA_TNUMBER) {
            bad = 1;
        } else {
            int isnum;
            lua_Integer i = lua_tointegerx(L, v, &isnum);
            double lo = f->min, hi = f->max;
            if (lo == 0 && hi == 0)
                lo = -1e9, hi = 1e9;
            if (!isnum)
                PROBLEM_AT(r, name, "%s: field '%s' must be a whole number", what, name);
            else if ((double)i < lo || (double)i > hi) {
                if (f->min == 0 && f->max == 0)
                    PROBLEM_AT(r, name, "%s: field '%s' must be a whole number within +/-1e9",
                               what, name);
                else
                    PROBLEM_AT(r, name, "%s: field '%s' must be %.0f-%.0f (it is %lld)", what,
                               name, lo, hi, (long long)i);
            }
        }
        break;
    case NIACT_T_NUMBER:
        if (t != LUA_TNUMBER) {
            bad = 1;
        } else {
            double d = lua_tonumber(L, v);
            if (!(d >= f->min && d <= f->max)) /* NaN too */
                PROBLEM_AT(r, name, "%s: field '%s' must be %.0f-%.0f", what, name, f->min,
                           f->max);
        }
        break;
    case NIACT_T_BOOL:
        bad = t != LUA_TBOOLEAN;
        break;
    case NIACT_T_FUNCTION:
        if (t == LUA_TTABLE && f->sub) {
            snprintf(sub, sizeof sub, "%s %s", what, name);
            check_table(r, v, f->sub, sub);
        } else {
            bad = t != LUA_TFUNCTION;
        }
        break;
    case NIACT_T_ENUM:
        if (t == LUA_TTABLE && f->sub) {
            snprintf(sub, sizeof sub, "%s %s", what, name);
            check_table(r, v, f->sub, sub);
        } else {
            bad = t != LUA_TSTRING || !in_choices(f->choices, lua_tostring(L, v));
        }
        break;
    case NIACT_T_ROLES:
        if (t == LUA_TTABLE) {
            lua_Integer n = (lua_Integer)lua_rawlen(L, v);
            for (lua_Integer i = 1; i <= n && i <= 64 && !bad; i++) {
                bad = lua_rawgeti(L, v, i) != LUA_TSTRING;
                lua_pop(L, 1);
            }
        } else {
            bad = t != LUA_TSTRING;
        }
        break;
    case NIACT_T_RECORD:
        if (f->sub->own_check) { /* its reader checks it, the type too (the map) */
        } else if (t == LUA_TTABLE) {
            snprintf(sub, sizeof sub, "%s%s%s", what, what[0] ? " " : "", name);
            check_table(r, v, f->sub, sub);
        } else {
            bad = 1;
        }
        break;
    case NIACT_T_LIST:
    case NIACT_T_MAP:
        if (t != LUA_TTABLE) {
            bad = 1;
            break;
        }
        {
            size_t n = lua_rawlen(L, v);
            int odd = 0, count = 0;
            /* Keys in a fixed order (Lua's own order changes from run to run). */
            if (f->type == NIACT_T_LIST) {
                for (lua_pushnil(L); count < 2 * NIACT_DECL_MAX_LIST && lua_next(L, v);
                     lua_pop(L, 1), count++) {
                    int isnum;
                    lua_Integer i = lua_type(L, -2) == LUA_TNUMBER ? lua_tointegerx(L, -2, &isnum)
                                                                   : 0;
                    if (lua_type(L, -2) != LUA_TNUMBER || !isnum || i < 1 || (size_t)i > n)
                        odd++;
                }
                lua_settop(L, v);
                if (odd)
                    PROBLEM_AT(r, name, "%s: field '%s' must be a list: it has %d entr%s not "
                                        "numbered 1..%zu (a name = value inside { })",
                               what, name, odd, odd == 1 ? "y" : "ies", n);
                int own = r->own, line = r->line;
                for (size_t i = 1; i <= n && i <= NIACT_DECL_MAX_LIST; i++) {
                    if (lua_rawgeti(L, v, (lua_Integer)i) == LUA_TTABLE) {
                        element_what(r, f->sub, (int)i, NULL, sub, sizeof sub);
                        int e = lua_gettop(L);
                        const char *id = rawfield(L, e, "id") == LUA_TSTRING ? lua_tostring(L, -1)
                                                                             : NULL;
                        r->own = place_element(r, id, 0);
                        lua_settop(L, e);
                        check_table(r, e, f->sub, sub);
                        r->own = own;
                        r->line = line;
                    }
                    lua_settop(L, v);
                }
            } else {
                int own = r->own, line = r->line;
                for (lua_pushnil(L); count < NIACT_DECL_MAX_PERSONALITIES + 1 && lua_next(L, v);
                     lua_pop(L, 1), count++) {
                    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TTABLE)
                        continue; /* the reader says so */
                    lua_pushvalue(L, -2);
                    lua_insert(L, -2);
                    element_what(r, f->sub, 0, lua_tostring(L, -2), sub, sizeof sub);
                    r->own = place_element(r, lua_tostring(L, -2), 1);
                    check_table(r, lua_gettop(L), f->sub, sub);
                    r->own = own;
                    r->line = line;
                    lua_pop(L, 1);
                }
                lua_settop(L, v);
            }
        }
        break;
    case NIACT_T_STRINGS:
        bad = t != LUA_TTABLE;
        break;
    }
    if (bad && t == LUA_TSTRING)
        PROBLEM_AT(r, name, "%s: field '%s' must be %s, not \"%.40s\"", what, name,
                   type_words(f, words, sizeof words), lua_tostring(L, v));
    else if (bad)
        PROBLEM_AT(r, name, "%s: field '%s' must be %s, not %s", what, name,
                   type_words(f, words, sizeof words), lua_typename(L, t));
    lua_settop(L, v);
}

static int cmp_key(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define CHECK_MAX_FIELDS 256 /* fields one declaration may hold */

/* Checks the table at idx as a `k` (and the tables inside it). */
static void check_table(rd *r, int idx, const niact_kind *k, const char *what) {
    lua_State *L = r->L;
    if (k->own_check) /* its reader checks it (the map) */
        return;
    idx = lua_absindex(L, idx);
    char file[sizeof r->file];
    int line = r->line, own = r->own;
    memcpy(file, r->file, sizeof file);
    r->own = rd_where(r, idx) || own;
    luaL_checkstack(L, 16, "checking the declarations");
    /* The keys, sorted: the same problems in the same order on every run. */
    const char **keys = lua_newuserdatauv(L, CHECK_MAX_FIELDS * sizeof *keys, 0);
    int n = 0, unnamed = 0, many = 0;
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING)
            unnamed++;
        else if (n < CHECK_MAX_FIELDS)
            keys[n++] = lua_tostring(L, -2); /* held by the table */
        else
            many = 1;
    }
    if (unnamed)
        PROBLEM(r, "%s: %d value%s without a field name (write name = value)", what, unnamed,
                unnamed == 1 ? "" : "s");
    if (many)
        PROBLEM(r, "%s: more than %d fields", what, CHECK_MAX_FIELDS);
    qsort(keys, (size_t)n, sizeof *keys, cmp_key);
    for (int i = 0; i < n; i++) {
        const niact_field *f = niact_schema_field(k, keys[i]);
        if (!f && k->role_value && is_role_id(r, keys[i]))
            f = k->role_value;
        if (f) {
            rawfield(L, idx, keys[i]);
            check_value(r, f, keys[i], what);
            lua_pop(L, 1);
            continue;
        }
        /* The nearest known name: a field, or a role id where roles may be keys. */
        const char *best = NULL;
        int bestd = 1000;
        for (const niact_field *g = k->fields; g->name; g++) {
            int d = niact_edit_distance(keys[i], g->name, 8);
            if (niact_schema_near(keys[i], g->name) && d < bestd)
                best = g->name, bestd = d;
        }
        for (int j = 0; k->role_value && j < r->n_roles; j++) {
            int d = niact_edit_distance(keys[i], r->roles[j], 8);
            if (niact_schema_near(keys[i], r->roles[j]) && d < bestd)
                best = r->roles[j], bestd = d;
        }
        const char *unknown = k->role_value ? "unknown field or role" : "unknown field";
        if (best)
            PROBLEM_AT(r, keys[i], "%s '%.60s' in %s; did you mean '%s'?", unknown, keys[i], what,
                       best);
        else
            PROBLEM_AT(r, keys[i], "%s '%.60s' in %s", unknown, keys[i], what);
    }
    for (const niact_field *f = k->fields; f->name; f++) {
        if (!(f->flags & NIACT_F_REQUIRED))
            continue;
        int t = rawfield(L, idx, f->name);
        lua_pop(L, 1);
        if (t != LUA_TNIL)
            continue;
        if (f->type == NIACT_T_FUNCTION)
            PROBLEM(r, "%s: field '%s' (a function) is required", what, f->name);
        else if (f->type == NIACT_T_RECORD)
            PROBLEM(r, "%s: field '%s' is required (%s = { ... })", what, f->name, f->name);
        else
            PROBLEM(r, "%s: field '%s' is required", what, f->name);
    }
    lua_settop(L, idx);
    memcpy(r->file, file, sizeof file);
    r->line = line;
    r->own = own;
}

/* The role ids the scenario declares (read raw, for keys that may be role ids). */
static void check_role_ids(rd *r, int sc_idx) {
    lua_State *L = r->L;
    if (rawfield(L, sc_idx, "roles") == LUA_TTABLE) {
        int list = lua_gettop(L);
        for (lua_Integer i = 1; i <= NIACT_MAX_ROLES; i++) {
            if (lua_rawgeti(L, list, i) == LUA_TTABLE && rawfield(L, -1, "id") == LUA_TSTRING &&
                lua_rawlen(L, -1) < sizeof r->roles[0])
                snprintf(r->roles[r->n_roles++], sizeof r->roles[0], "%s", lua_tostring(L, -1));
            lua_settop(L, list);
        }
    }
    lua_pop(L, 1);
}

static void rd_roles_decl(rd *r, int sc_idx, int ids) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int n = rd_array(r, sc_idx, "roles", 1);
    int list = lua_gettop(L);
    int rids = new_ids(L, ids, "roles");
    if (n == 0)
        PROBLEM(r, "scenario: declare at least one role");
    if (n > NIACT_MAX_ROLES) {
        PROBLEM(r, "scenario: %d roles (at most %d)", n, NIACT_MAX_ROLES);
        n = NIACT_MAX_ROLES;
    }
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_role_def *d = &sc->roles[sc->n_roles++];
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: roles[%d] must be a table", i + 1);
            d->meta.id = rd_dup(r, "");
        } else {
            rd_meta(r, t, &d->meta, "role", i, rids);
            d->action_points = rd_int(r, t, "action_points", 3, "role", NULL);
            d->briefing = rd_str(r, t, "briefing", "", "role");
            if (rawfield(L, t, "actor") != LUA_TNIL) { /* checked once personalities are read */
                char what[80];
                snprintf(what, sizeof what, "role '%s'", d->meta.id);
                d->actor = rd_str(r, t, "actor", "", what);
            }
            lua_pop(L, 1);
        }
        if (!d->meta.name)
            d->meta.name = rd_dup(r, ""), d->meta.text = rd_dup(r, ""),
            d->meta.source = rd_dup(r, ""), d->meta.file = rd_dup(r, "");
        if (!d->briefing)
            d->briefing = rd_dup(r, "");
        lua_settop(L, rids);
    }
    lua_settop(L, list - 1);
}

static int vis_of(const char *s) {
    if (strcmp(s, "true") == 0)
        return NIACT_VIS_TRUE;
    if (strcmp(s, "estimate") == 0)
        return NIACT_VIS_ESTIMATE;
    if (strcmp(s, "none") == 0)
        return NIACT_VIS_NONE;
    return -1;
}

/* visible = "true" | {all="none", us="estimate", ...} */
static void rd_visible(rd *r, int t, niact_track_def *d, const char *what) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int ty = rawfield(L, t, "visible");
    int all = NIACT_VIS_TRUE;
    if (ty == LUA_TSTRING) {
        all = vis_of(lua_tostring(L, -1)); /* -1: the schema check has said so */
    } else if (ty == LUA_TTABLE) {
        if (rawfield(L, -1, "all") == LUA_TSTRING)
            all = vis_of(lua_tostring(L, -1));
        else
            all = NIACT_VIS_NONE;
        lua_pop(L, 1);
    }
    for (int i = 0; i < sc->n_roles; i++) {
        int v = all < 0 ? NIACT_VIS_NONE : all;
        if (ty == LUA_TTABLE && rawfield(L, -1, sc->roles[i].meta.id) != LUA_TNIL) {
            v = lua_type(L, -1) == LUA_TSTRING ? vis_of(lua_tostring(L, -1)) : -1;
            if (v < 0) /* the schema check has said so */
                v = NIACT_VIS_NONE;
        }
        if (ty == LUA_TTABLE)
            lua_pop(L, 1);
        d->vis[i] = (uint8_t)v;
    }
    lua_pop(L, 1);
}

/* estimate = {value=, error=} for every estimating role, or {us = {value=, error=}}. */
static void rd_estimates(rd *r, int t, niact_track_def *d, const char *what) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int ty = rawfield(L, t, "estimate");
    d->estimate_declared = ty == LUA_TTABLE;
    int e = lua_gettop(L);
    int32_t v = d->initial, err = (d->max - d->min) / 4;
    if (ty == LUA_TTABLE) {
        v = rd_int(r, e, "value", v, what, NULL);
        err = rd_int(r, e, "error", err, what, NULL);
    }
    for (int i = 0; i < sc->n_roles; i++) {
        d->est_initial[i] = v;
        d->est_error[i] = err;
        if (ty == LUA_TTABLE && rawfield(L, e, sc->roles[i].meta.id) == LUA_TTABLE) {
            int p = lua_gettop(L);
            d->est_initial[i] = rd_int(r, p, "value", v, what, NULL);
            d->est_error[i] = rd_int(r, p, "error", err, what, NULL);
        }
        if (ty == LUA_TTABLE)
            lua_settop(L, e);
        if (d->est_initial[i] < d->min || d->est_initial[i] > d->max || d->est_error[i] < 0)
            PROBLEM(r, "%s: the starting estimate must lie in the range, error >= 0", what);
    }
    lua_settop(L, e - 1);
}

/* `labels`: a name for every value from mn to max, into *labels / *n_labels (a track's
 * ladder steps, a parameter's levels). */
static void rd_labels_of(rd *r, int t, int32_t mn, int32_t mx, char ***labels, int *n_labels,
                         const char *what) {
    lua_State *L = r->L;
    int ty = rawfield(L, t, "labels");
    if (ty == LUA_TTABLE) {
        size_t len_raw = lua_rawlen(L, -1);
        int64_t want = (int64_t)mx - mn + 1;
        int n = (int)(len_raw > NIACT_DECL_MAX_LIST ? NIACT_DECL_MAX_LIST : len_raw);
        if (len_raw > NIACT_DECL_MAX_LIST) {
            PROBLEM(r, "%s: %zu labels (at most %d)", what, len_raw, NIACT_DECL_MAX_LIST);
        } else if (n != want) {
            PROBLEM(r, "%s: labels must name each value from min to max (%lld), got %d", what,
                    (long long)want, n);
        } else {
            *labels = calloc((size_t)n + 1, sizeof **labels);
            if (!*labels)
                luaL_error(L, "out of memory while reading the declarations");
            *n_labels = n; /* the NULLs not yet filled are freed as well if reading stops */
            for (int i = 0; i < n; i++) {
                lua_rawgeti(L, -1, i + 1);
                size_t len = 0;
                int is_str = lua_type(L, -1) == LUA_TSTRING; /* before tolstring turns 3 into "3" */
                const char *s = lua_tolstring(L, -1, &len);
                char why[96];
                if (!is_str)
                    PROBLEM(r, "%s: labels[%d] must be a string", what, i + 1);
                else if (niact_text_check(s, len, 0, why, sizeof why) != NIACT_OK)
                    PROBLEM(r, "%s: labels[%d] must be plain text: %s", what, i + 1, why), s = "",
                                                                                        len = 0;
                (*labels)[i] = rd_text(r, s ? s : "", s ? len : 0, what, "labels");
                lua_pop(L, 1);
            }
            *n_labels = n;
        }
    }
    lua_pop(L, 1);
}

static void rd_labels(rd *r, int t, niact_track_def *d, const char *what) {
    rd_labels_of(r, t, d->min, d->max, &d->labels, &d->n_labels, what);
}

static void rd_tracks(rd *r, int sc_idx, int ids) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int n = rd_array(r, sc_idx, "tracks", 1);
    int list = lua_gettop(L);
    int tids = new_ids(L, ids, "tracks");
    sc->tracks = calloc((size_t)(n ? n : 1), sizeof *sc->tracks);
    if (!sc->tracks)
        luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_track_def *d = &sc->tracks[sc->n_tracks++];
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: tracks[%d] must be a table", i + 1);
            d->meta = (niact_meta){rd_dup(r, ""), rd_dup(r, ""), rd_dup(r, ""),
                                   rd_dup(r, ""), rd_dup(r, ""), 0};
            d->group = rd_dup(r, "");
            lua_settop(L, tids);
            continue;
        }
        rd_meta(r, t, &d->meta, "track", i, tids);
        char what[80];
        snprintf(what, sizeof what, "track '%s'", d->meta.id);
        d->min = rd_int(r, t, "min", 0, what, NULL);
        d->max = rd_int(r, t, "max", 100, what, NULL);
        d->initial = rd_int(r, t, "initial", d->min, what, NULL);
        if (d->min > d->max || d->initial < d->min || d->initial > d->max)
            PROBLEM(r, "%s: needs min <= initial <= max", what);
        d->hidden = rd_bool(r, t, "hidden", 0, what);
        d->ladder = rd_bool(r, t, "ladder", 0, what);
        d->group = rd_str(r, t, "group", "", what);
        rd_visible(r, t, d, what);
        rd_estimates(r, t, d, what);
        rd_labels(r, t, d, what);
        lua_settop(L, tids);
    }
    lua_settop(L, list - 1);
}

static void rd_actions(rd *r, int sc_idx, int ids, int roles_ids) {
    lua_State *L = r->L;
    niact_host *h = r->h;
    niact_scenario *sc = h->sc;
    int n = rd_array(r, sc_idx, "actions", 0);
    int list = lua_gettop(L);
    int aids = new_ids(L, ids, "actions");
    sc->actions = calloc((size_t)(n ? n : 1), sizeof *sc->actions);
    h->action_refs = calloc((size_t)(n ? n : 1), sizeof *h->action_refs);
    if (!sc->actions || !h->action_refs)
        luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_action_def *d = &sc->actions[sc->n_actions++];
        h->action_refs[i] = (host_refs){LUA_NOREF, LUA_NOREF};
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: actions[%d] must be a table", i + 1);
            d->meta = (niact_meta){rd_dup(r, ""), rd_dup(r, ""), rd_dup(r, ""),
                                   rd_dup(r, ""), rd_dup(r, ""), 0};
            d->param_name = rd_dup(r, "");
            lua_settop(L, aids);
            continue;
        }
        rd_meta(r, t, &d->meta, "action", i, aids);
        char what[80];
        snprintf(what, sizeof what, "action '%s'", d->meta.id);
        d->roles = rd_roles(r, t, "roles", roles_ids, what);
        d->cost = rd_int(r, t, "cost", 1, what, NULL);
        d->priority = rd_int(r, t, "priority", 50, what, NULL);
        d->repeatable = rd_bool(r, t, "repeatable", 0, what);
        rd_param(r, t, &d->has_param, &d->param_name, &d->param_min, &d->param_max,
                 &d->param_default, &d->param_labels, &d->n_param_labels, what);
        h->action_refs[i].a = rd_fn(r, t, "legal", 0, what);
        h->action_refs[i].b = rd_fn(r, t, "resolve", 1, what);
        d->has_legal = h->action_refs[i].a != LUA_NOREF;
        lua_settop(L, aids);
    }
    lua_settop(L, list - 1);
}

static void rd_events(rd *r, int sc_idx, int ids) {
    lua_State *L = r->L;
    niact_host *h = r->h;
    niact_scenario *sc = h->sc;
    int n = rd_array(r, sc_idx, "events", 0);
    int list = lua_gettop(L);
    int eids = new_ids(L, ids, "events");
    sc->events = calloc((size_t)(n ? n : 1), sizeof *sc->events);
    h->event_refs = calloc((size_t)(n ? n : 1), sizeof *h->event_refs);
    if (!sc->events || !h->event_refs)
        luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_event_def *d = &sc->events[sc->n_events++];
        h->event_refs[i] = (host_refs){LUA_NOREF, LUA_NOREF};
        d->date = rd_dup(r, "");
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: events[%d] must be a table", i + 1);
            d->meta = (niact_meta){rd_dup(r, ""), rd_dup(r, ""), rd_dup(r, ""),
                                   rd_dup(r, ""), rd_dup(r, ""), 0};
            lua_settop(L, eids);
            continue;
        }
        rd_meta(r, t, &d->meta, "event", i, eids);
        char what[80];
        snprintf(what, sizeof what, "event '%s'", d->meta.id);
        int has_turn;
        d->turn = rd_int(r, t, "turn", 0, what, &has_turn) - 1;
        char *date = rd_str(r, t, "date", "", what); /* may raise: d->date stays valid */
        free(d->date);
        d->date = date;
        if (d->date[0]) {
            int32_t tt = niact_scenario_turn_of(sc, d->date);
            if (tt == INT32_MIN)
                PROBLEM(r, "%s: date must be a real date \"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM\"", what);
            else if (tt < 0 || tt >= sc->turns)
                PROBLEM(r, "%s: %s falls outside the calendar", what, d->date);
            d->turn = tt;
            if (has_turn)
                PROBLEM(r, "%s: give a date or a turn, not both", what);
        } else if (has_turn && d->turn >= 0 && d->turn < 500 && d->turn >= sc->turns) {
            PROBLEM(r, "%s: turn must be 1-%d", what, sc->turns);
        } else if (!has_turn) {
            d->turn = -1;
        }
        rawfield(L, t, "chance");
        double ch = lua_type(L, -1) == LUA_TNUMBER ? lua_tonumber(L, -1) : 100.0;
        lua_pop(L, 1);
        if (!(ch >= 0 && ch <= 100)) /* NaN too: never converted (the schema check said so) */
            ch = 0;
        d->chance = (int32_t)(ch * 10 + 0.5);
        d->once = rd_bool(r, t, "once", d->turn >= 0, what);
        d->opens_turn = rd_bool(r, t, "opens_turn", 0, what);
        h->event_refs[i].a = rd_fn(r, t, "condition", 0, what);
        h->event_refs[i].b = rd_fn(r, t, "effect", 1, what);
        d->has_condition = h->event_refs[i].a != LUA_NOREF;
        lua_settop(L, eids);
    }
    lua_settop(L, list - 1);
}

static void rd_objectives(rd *r, int sc_idx, int ids, int roles_ids) {
    lua_State *L = r->L;
    niact_host *h = r->h;
    niact_scenario *sc = h->sc;
    int n = rd_array(r, sc_idx, "objectives", 0);
    int list = lua_gettop(L);
    int oids = new_ids(L, ids, "objectives");
    sc->objectives = calloc((size_t)(n ? n : 1), sizeof *sc->objectives);
    h->objective_refs = calloc((size_t)(n ? n : 1), sizeof *h->objective_refs);
    if (!sc->objectives || !h->objective_refs)
        luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_objective_def *d = &sc->objectives[sc->n_objectives++];
        h->objective_refs[i] = LUA_NOREF;
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: objectives[%d] must be a table", i + 1);
            d->meta = (niact_meta){rd_dup(r, ""), rd_dup(r, ""), rd_dup(r, ""),
                                   rd_dup(r, ""), rd_dup(r, ""), 0};
            lua_settop(L, oids);
            continue;
        }
        rd_meta(r, t, &d->meta, "objective", i, oids);
        char what[80];
        snprintf(what, sizeof what, "objective '%s'", d->meta.id);
        rawfield(L, t, "role");
        d->role = rd_role_ref(r, roles_ids, what);
        d->weight = rd_int(r, t, "weight", 1, what, NULL);
        h->objective_refs[i] = rd_fn(r, t, "score", 1, what);
        lua_settop(L, oids);
    }
    lua_settop(L, list - 1);
}

/* Index of the id (field `field` of the table at idx) among the declared `kind`s (a
 * sub-table of ids), -1 if the field is absent; a problem if it names nothing. */
static int rd_ref(rd *r, int idx, const char *field, int ids, const char *kind,
                  const char *what) {
    lua_State *L = r->L;
    int t = lua_getfield(L, idx, field);
    int at = -1;
    if (t == LUA_TSTRING) {
        lua_getfield(L, ids, kind);
        lua_getfield(L, -1, lua_tostring(L, -2));
        int ok;
        at = (int)lua_tointegerx(L, -1, &ok);
        if (!ok) {
            PROBLEM(r, "%s: field '%s' names no declared %s '%s'", what, field, kind,
                    lua_tostring(L, -3));
            at = -1;
        }
        lua_pop(L, 2);
    }
    lua_pop(L, 1);
    return at;
}

/* The record's turning points (for the debrief): each marked by a track reaching a value
 * or an action being ordered. */
/* variants = { niact.variant{id=, turns=, days_per_turn=, deadline=, absent=, ...} }:
 * the calendar of each is checked as the scenario's is; `absent` once the personalities
 * are known (check_variants). */
static void rd_variants(rd *r, int sc_idx, int ids) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int n = rd_array(r, sc_idx, "variants", 0);
    int list = lua_gettop(L);
    int vids = new_ids(L, ids, "variants");
    sc->variants = calloc((size_t)(n ? n : 1), sizeof *sc->variants);
    if (!sc->variants)
        luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_geti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_variant_def *d = &sc->variants[sc->n_variants++];
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: variants[%d] must be a table", i + 1);
            d->meta = (niact_meta){host_strdup(""), host_strdup(""), host_strdup(""),
                                   host_strdup(""), host_strdup(""), 0};
            d->absent = host_strdup("");
            lua_settop(L, vids);
            continue;
        }
        rd_meta(r, t, &d->meta, "variant", i, vids);
        char what[96];
        snprintf(what, sizeof what, "variant '%s'", d->meta.id);
        int has_days, has_hours;
        d->turns = rd_int(r, t, "turns", 0, what, NULL);
        d->days_per_turn = rd_int(r, t, "days_per_turn", 0, what, &has_days);
        d->hours_per_turn = rd_int(r, t, "hours_per_turn", 0, what, &has_hours);
        d->deadline = rd_int(r, t, "deadline", 0, what, NULL);
        d->minutes = rd_int(r, t, "minutes", 0, what, NULL);
        d->absent = rd_str(r, t, "absent", "none", what);
        if (!strcmp(d->absent, "none"))
            d->absent[0] = 0;
        if (has_days && sc->hours_per_turn)
            PROBLEM(r, "%s: the calendar is in hours: give hours_per_turn", what);
        if (has_hours && !sc->hours_per_turn)
            PROBLEM(r, "%s: the calendar is in days: give days_per_turn", what);
        if (d->turns < 0 || d->turns > 500 || d->days_per_turn < 0 ||
            d->days_per_turn > 366 || d->hours_per_turn < 0 || d->hours_per_turn > 8784) {
            d->turns = d->days_per_turn = d->hours_per_turn = 0; /* the schema said why */
        } else {
            niact_scenario cal = *sc; /* its calendar, as the variant would make it */
            cal.variant = 0;
            if (d->turns)
                cal.turns = d->turns;
            if (d->days_per_turn && !sc->hours_per_turn)
                cal.days_per_turn = d->days_per_turn;
            if (d->hours_per_turn && sc->hours_per_turn)
                cal.hours_per_turn = d->hours_per_turn;
            char buf[NIACT_DATE_MAX];
            if (cal.turns >= 1 &&
                niact_scenario_format(&cal, cal.turns - 1, NIACT_DATE_SPAN, buf, sizeof buf) != 0)
                PROBLEM(r, "%s: the last turn falls after 9999-12-31", what);
        }
        lua_settop(L, vids);
    }
    lua_settop(L, list - 1);
}

/* A variant's `absent` names a personality the scenario declares (or none). */
static void check_variants(rd *r) {
    niact_scenario *sc = r->h->sc;
    for (int i = 0; i < sc->n_variants; i++) {
        niact_variant_def *d = &sc->variants[i];
        if (!d->absent[0])
            continue;
        int found = 0;
        for (int k = 0; k < sc->n_personalities && !found; k++)
            found = !strcmp(sc->personalities[k], d->absent);
        if (!found) {
            snprintf(r->file, sizeof r->file, "%s", d->meta.file);
            r->line = d->meta.line;
            PROBLEM(r, "variant '%s': absent = \"%s\" is not a personality of the "
                       "scenario (give one of its personalities, or \"none\")",
                    d->meta.id, d->absent);
        }
    }
}

/* A game holds every proposal its seats may make at the scenario's cap in every turn, so
 * the cap is bounded by what a game may hold (NIACT_MAX_GAME_PROPOSALS: turns x roles x
 * proposals_per_turn) over the scenario's longest calendar, its own or a variant's. The
 * default (3) is lowered to fit; a cap given past it is refused. */
static void check_proposals(rd *r) {
    niact_scenario *sc = r->h->sc;
    int32_t turns = sc->turns;
    const char *longest = NULL;
    for (int i = 0; i < sc->n_variants; i++)
        if (sc->variants[i].turns > turns) {
            turns = sc->variants[i].turns;
            longest = sc->variants[i].meta.id;
        }
    if (turns < 1 || turns > 500 || sc->n_roles < 1) /* the schema check has said so */
        return;
    int32_t most = NIACT_MAX_GAME_PROPOSALS / (turns * sc->n_roles);
    if (most > NIACT_MAX_PROPOSALS_PER_TURN)
        most = NIACT_MAX_PROPOSALS_PER_TURN;
    int32_t ppt = sc->negotiation.proposals_per_turn;
    if (ppt <= most)
        return;
    if (!r->ppt_given) {
        sc->negotiation.proposals_per_turn = most;
        return;
    }
    snprintf(r->file, sizeof r->file, "%s", r->neg_file);
    r->line = r->neg_line;
    char cal[80] = "";
    if (longest)
        snprintf(cal, sizeof cal, " (variant '%.40s')", longest);
    PROBLEM(r, "negotiation: proposals_per_turn must be 1 to %d for %d turns%s and %d roles "
               "(it is %d): a game holds at most %d proposals, turns x roles x "
               "proposals_per_turn",
            (int)most, (int)turns, cal, sc->n_roles, (int)ppt, NIACT_MAX_GAME_PROPOSALS);
}

static void rd_turning_points(rd *r, int sc_idx, int ids, int roles_ids) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int n = rd_array(r, sc_idx, "turning_points", 0);
    int list = lua_gettop(L);
    int pids = new_ids(L, ids, "turning_points");
    sc->turning_points = calloc((size_t)(n ? n : 1), sizeof *sc->turning_points);
    if (!sc->turning_points)
        luaL_error(L, "out of memory");
    for (int i = 0; i < n; i++) {
        lua_geti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_turning_point *d = &sc->turning_points[sc->n_turning_points++];
        d->track = d->action = -1;
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: turning_points[%d] must be a table", i + 1);
            d->meta = (niact_meta){host_strdup(""), host_strdup(""), host_strdup(""),
                                   host_strdup(""), host_strdup(""), 0};
            d->date = host_strdup("");
            d->prompt = host_strdup("");
            lua_settop(L, pids);
            continue;
        }
        rd_meta(r, t, &d->meta, "turning point", i, pids);
        char what[96];
        snprintf(what, sizeof what, "turning point '%s'", d->meta.id);
        d->date = rd_str(r, t, "date", "", what);
        d->prompt = rd_str(r, t, "prompt", "", what);
        if (!d->date[0])
            PROBLEM(r, "%s: give the record's date (date = \"20 Nov 1962\")", what);
        d->track = rd_ref(r, t, "track", ids, "tracks", what);
        d->action = rd_ref(r, t, "action", ids, "actions", what);
        int has_least, has_most;
        int32_t least = rd_int(r, t, "at_least", 0, what, &has_least);
        int32_t most = rd_int(r, t, "at_most", 0, what, &has_most);
        d->at_most = has_most;
        d->value = has_most ? most : least;
        if ((d->track >= 0) == (d->action >= 0))
            PROBLEM(r, "%s: give either a track (with at_least or at_most) or an action", what);
        if (d->track >= 0 && has_least == has_most)
            PROBLEM(r, "%s: a track needs exactly one of at_least and at_most", what);
        if (lua_getfield(L, t, "roles") != LUA_TNIL) {
            lua_pop(L, 1);
            d->roles = rd_roles(r, t, "roles", roles_ids, what);
        } else {
            lua_pop(L, 1);
        }
        lua_settop(L, pids);
    }
    lua_settop(L, list - 1);
}

/* secrecy = "either" | "public" | "secret" */
static int rd_secrecy(rd *r, int idx, int def, const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, "secrecy");
    int v = def;
    if (t != LUA_TNIL) {
        const char *s = t == LUA_TSTRING ? lua_tostring(L, -1) : "";
        if (strcmp(s, "either") == 0)
            v = NIACT_SECRECY_EITHER;
        else if (strcmp(s, "public") == 0)
            v = NIACT_SECRECY_PUBLIC;
        else if (strcmp(s, "secret") == 0)
            v = NIACT_SECRECY_SECRET;
        /* else the schema check has said so */
    }
    lua_pop(L, 1);
    return v;
}

/* An integer field that must lie in [lo, hi]: def if it does not (the schema check has
 * said so, with its range). */
static int32_t rd_int_in(rd *r, int idx, const char *field, int32_t def, int32_t lo, int32_t hi,
                         const char *what) {
    int present;
    int32_t v = rd_int(r, idx, field, def, what, &present);
    return present && (v < lo || v > hi) ? def : v;
}

/* negotiation = { trust = {start=, kept=, broken=}, expiry=, proposals_per_turn=,
 *                 ai_trust = {at_0=, at_100=}, secrecy= } (docs/modding.md). */
static void rd_negotiation(rd *r, int sc_idx) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    niact_negotiation_def *n = &sc->negotiation;
    int t = rawfield(L, sc_idx, "negotiation");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    if (t != LUA_TTABLE) { /* the schema check has said so */
        lua_pop(L, 1);
        return;
    }
    int ni = lua_gettop(L);
    rd_where(r, ni);
    int tt = rawfield(L, ni, "trust");
    if (tt == LUA_TTABLE) {
        int ti = lua_gettop(L);
        n->trust_start = rd_int_in(r, ti, "start", n->trust_start, 0, 100, "negotiation.trust");
        n->trust_kept = rd_int_in(r, ti, "kept", n->trust_kept, 0, 100, "negotiation.trust");
        n->trust_broken =
            rd_int_in(r, ti, "broken", n->trust_broken, 0, 100, "negotiation.trust");
    }
    lua_pop(L, 1);
    n->expiry = rd_int_in(r, ni, "expiry", n->expiry, 0, 500, "negotiation");
    /* Checked against the game's calendar once the variants are read (check_proposals). */
    snprintf(r->neg_file, sizeof r->neg_file, "%s", r->file);
    r->neg_line = r->line;
    int given;
    int32_t ppt = rd_int(r, ni, "proposals_per_turn", n->proposals_per_turn, "negotiation", &given);
    if (given && ppt >= 1 && ppt <= NIACT_MAX_PROPOSALS_PER_TURN) { /* else the schema said */
        n->proposals_per_turn = ppt;
        r->ppt_given = 1;
    }
    int at = rawfield(L, ni, "ai_trust");
    if (at == LUA_TTABLE) {
        int ai = lua_gettop(L);
        n->ai_trust_at_0 = rd_int_in(r, ai, "at_0", n->ai_trust_at_0, 0, 1000, "negotiation.ai_trust");
        n->ai_trust_at_100 =
            rd_int_in(r, ai, "at_100", n->ai_trust_at_100, 0, 1000, "negotiation.ai_trust");
    }
    lua_pop(L, 1);
    n->secrecy = rd_secrecy(r, ni, n->secrecy, "negotiation");
    lua_pop(L, 1);
}

#define MAX_OUTCOMES 32

/* A copy of s in capitals (ASCII letters; other bytes as they are). */
static char *upper_dup(rd *r, const char *s) {
    char *d = rd_dup(r, s);
    for (char *c = d; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    return d;
}

/* outcomes = { ID = {name=, stamp=, text=, rank=, zero_scores=}, ... }; timeout = ID. The
 * engine's five come first (their index is their niact_outcome); the scenario's own
 * follow in id order. */
static void rd_outcomes(rd *r, int sc_idx) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int t = rawfield(L, sc_idx, "outcomes");
    int given = t == LUA_TTABLE;
    /* not a table: the schema check has said so */
    int oi = lua_gettop(L);
    /* The ids, engine's first, then the scenario's own, sorted. */
    const char *ids[MAX_OUTCOMES + 8];
    int n = niact_outcome_engine_count();
    for (int i = 0; i < n; i++)
        ids[i] = niact_outcome_info((niact_outcome)i)->id;
    int own0 = n;
    if (given) {
        rd_where(r, oi);
        for (lua_pushnil(L); lua_next(L, oi); lua_pop(L, 1)) {
            if (lua_type(L, -2) != LUA_TSTRING || !valid_id(lua_tostring(L, -2))) {
                PROBLEM(r, "outcomes: keys are outcome ids (a-z, 0-9 and _, at most 40)");
                continue;
            }
            const char *id = lua_tostring(L, -2);
            if (!lua_istable(L, -1)) {
                PROBLEM(r, "outcome '%s' must be a table {name=, text=, ...}", id);
                continue;
            }
            if (strcmp(id, "running") == 0) {
                PROBLEM(r, "outcome 'running' is the engine's (a game not yet ended)");
                continue;
            }
            niact_outcome o;
            if (niact_outcome_parse(id, &o) == 0)
                continue;
            if (n - own0 >= MAX_OUTCOMES) {
                PROBLEM(r, "outcomes: more than %d of the scenario's own", MAX_OUTCOMES);
                break;
            }
            int at = n++; /* sorted insert: lua_next's order is not stable */
            while (at > own0 && strcmp(ids[at - 1], id) > 0) {
                ids[at] = ids[at - 1];
                at--;
            }
            ids[at] = id; /* the key stays on the table, so the string lives */
        }
    }
    sc->outcomes = calloc((size_t)(n > 0 ? n : 1), sizeof *sc->outcomes);
    if (!sc->outcomes)
        luaL_error(L, "out of memory while reading the declarations");
    for (int i = 0; i < n; i++) {
        niact_outcome_def *d = &sc->outcomes[i];
        sc->n_outcomes = i + 1; /* freed as far as filled if reading stops */
        d->id = rd_dup(r, ids[i]);
        int engine = i < own0;
        d->rank = i == NIACT_OUTCOME_WAR ? 2 : i == NIACT_OUTCOME_ERROR ? 1000 : 1;
        d->zero_scores = i == NIACT_OUTCOME_WAR;
        d->declared = !given ? (i == NIACT_OUTCOME_SETTLEMENT || i == NIACT_OUTCOME_WAR) : 0;
        const char *title = engine ? niact_outcome_info((niact_outcome)i)->title : NULL;
        char words[48];
        if (!engine) {
            snprintf(words, sizeof words, "%s", d->id);
            for (char *c = words; *c; c++)
                if (*c == '_')
                    *c = ' ';
            title = words;
        }
        char deftext[96];
        snprintf(deftext, sizeof deftext, "%s", engine ? niact_outcome_default_text((niact_outcome)i)
                                                       : "The game has ended.");
        if (given && rawfield(L, oi, d->id) == LUA_TTABLE) {
            int e = lua_gettop(L);
            char what[80];
            snprintf(what, sizeof what, "outcome '%s'", d->id);
            d->title = rd_str(r, e, "name", title, what);
            if (rawfield(L, e, "stamp") != LUA_TNIL)
                d->stamp = rd_str(r, e, "stamp", "", what);
            else
                d->stamp = upper_dup(r, d->title);
            lua_pop(L, 1);
            d->text = rd_str(r, e, "text", deftext, what);
            if (i == NIACT_OUTCOME_ERROR) {
                if (rawfield(L, e, "rank") != LUA_TNIL)
                    PROBLEM(r, "%s: the rank of an error is the engine's (above all)", what);
                lua_pop(L, 1);
            } else {
                d->rank = rd_int_in(r, e, "rank", d->rank, 1, 100, what);
            }
            d->zero_scores = rd_bool(r, e, "zero_scores", d->zero_scores, what);
            /* last_turn and error are the engine's ends: their names and texts may be
             * declared, but no rule asks for them. */
            d->declared = i != NIACT_OUTCOME_LAST_TURN && i != NIACT_OUTCOME_ERROR;
        } else {
            d->title = rd_dup(r, title);
            d->stamp = upper_dup(r, title);
            d->text = rd_dup(r, deftext);
        }
        if (given)
            lua_pop(L, 1);
    }
    lua_settop(L, oi - 1);
    /* timeout = ID: the outcome when the calendar runs out. */
    rd_where(r, sc_idx);
    int tt = rawfield(L, sc_idx, "timeout");
    if (tt == LUA_TSTRING) {
        niact_outcome o;
        const char *id = lua_tostring(L, -1);
        if (niact_scenario_outcome_parse(sc, id, &o) != 0 ||
            (o != NIACT_OUTCOME_LAST_TURN && !sc->outcomes[o].declared))
            PROBLEM(r, "scenario: timeout names no declared outcome '%s'", id);
        else
            sc->timeout = (int)o;
    }
    lua_pop(L, 1);
}

/* Each role's actor must be a personality that plays the role. */
static void check_actors(rd *r) {
    niact_scenario *sc = r->h->sc;
    for (int i = 0; i < sc->n_roles; i++) {
        niact_role_def *d = &sc->roles[i];
        if (!d->actor)
            continue;
        int found = -1;
        for (int k = 0; k < sc->n_personalities; k++)
            if (strcmp(sc->personalities[k], d->actor) == 0)
                found = k;
        snprintf(r->file, sizeof r->file, "%s", d->meta.file ? d->meta.file : "");
        r->line = d->meta.line;
        if (strlen(d->actor) > NIACT_ACTOR_NAME_MAX)
            PROBLEM(r, "role '%s': an actor's name is at most %d characters (a seat holds "
                       "no longer one)", d->meta.id, NIACT_ACTOR_NAME_MAX);
        else if (found < 0)
            PROBLEM(r, "role '%s': actor names no personality '%s'", d->meta.id, d->actor);
        else if (!(sc->personality_roles[found] & (1u << i)))
            PROBLEM(r, "role '%s': personality '%s' (its actor) does not play it", d->meta.id,
                    d->actor);
    }
}

static void rd_terms(rd *r, int sc_idx, int ids, int roles_ids) {
    lua_State *L = r->L;
    niact_scenario *sc = r->h->sc;
    int n = rd_array(r, sc_idx, "terms", 0);
    int list = lua_gettop(L);
    int tids = new_ids(L, ids, "terms");
    sc->terms = calloc((size_t)(n ? n : 1), sizeof *sc->terms);
    r->h->term_refs = calloc((size_t)(n ? n : 1), sizeof *r->h->term_refs);
    if (!sc->terms || !r->h->term_refs)
        luaL_error(L, "out of memory");
    niact_host *h = r->h;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < HOST_TERM_FNS; k++)
            h->term_refs[i][k] = LUA_NOREF;
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, list, i + 1);
        int t = lua_gettop(L);
        niact_term_def *d = &sc->terms[sc->n_terms++];
        if (!lua_istable(L, t)) {
            PROBLEM(r, "scenario: terms[%d] must be a table", i + 1);
            d->meta = (niact_meta){rd_dup(r, ""), rd_dup(r, ""), rd_dup(r, ""),
                                   rd_dup(r, ""), rd_dup(r, ""), 0};
            d->param_name = rd_dup(r, "");
            lua_settop(L, tids);
            continue;
        }
        rd_meta(r, t, &d->meta, "term", i, tids);
        char what[80];
        snprintf(what, sizeof what, "term '%s'", d->meta.id);
        d->givers = rd_roles(r, t, "givers", roles_ids, what);
        d->secrecy = rd_secrecy(r, t, sc->negotiation.secrecy, what);
        rd_param(r, t, &d->has_param, &d->param_name, &d->param_min, &d->param_max,
                 &d->param_default, &d->param_labels, &d->n_param_labels, what);
        rawfield(L, t, "window");
        if (lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "days") == 0) {
            d->window_days = 1;
            if (!d->has_param)
                PROBLEM(r, "%s: window = \"days\" needs a param (the number of days)", what);
        } else {
            d->window = rd_int(r, t, "window", 3, what, NULL);
        }
        lua_pop(L, 1);
        static const char *const fns[HOST_TERM_FNS] = {"legal", "on_agree", "check",
                                                       "on_kept", "on_broken", "value"};
        for (int k = 0; k < HOST_TERM_FNS; k++)
            h->term_refs[i][k] = rd_fn(r, t, fns[k], 0, what);
        d->has_legal = h->term_refs[i][0] != LUA_NOREF;
        d->has_check = h->term_refs[i][2] != LUA_NOREF;
        lua_settop(L, tids);
    }
    lua_settop(L, list - 1);
}

/* The roles a personality's table (at idx) plays: each key a role id, each value its
 * function. */
static uint32_t rd_personality_roles(rd *r, int idx, const char *name) {
    lua_State *L = r->L;
    const niact_scenario *sc = r->h->sc;
    uint32_t roles = 0;
    for (lua_pushnil(L); lua_next(L, idx); lua_pop(L, 1)) {
        int role = -1;
        for (int i = 0; lua_type(L, -2) == LUA_TSTRING && i < sc->n_roles; i++)
            if (strcmp(sc->roles[i].meta.id, lua_tostring(L, -2)) == 0)
                role = i;
        if (role < 0) {
            /* not a role id: the schema check has said so, with the nearest */
        } else if (lua_istable(L, -1)) {
            /* { orders = fn, propose = fn, answer = fn }: how it orders and negotiates (the
             * schema check has said what is unknown or not a function) */
            char what[120];
            snprintf(what, sizeof what, "personality '%s': %s", name, sc->roles[role].meta.id);
            static const char *const hooks[] = {"orders", "propose", "answer", NULL};
            int any = 0;
            for (int k = 0; hooks[k]; k++) {
                any |= rawfield(L, -1, hooks[k]) == LUA_TFUNCTION;
                lua_pop(L, 1);
            }
            if (!any)
                PROBLEM(r, "%s: give at least one of orders, propose, answer", what);
            else
                roles |= 1u << role;
        } else if (lua_isfunction(L, -1)) {
            roles |= 1u << role;
        }
    }
    if (!roles)
        PROBLEM(r, "personality '%s' plays no role", name);
    return roles;
}

static void rd_personalities(rd *r, int sc_idx) {
    lua_State *L = r->L;
    niact_host *h = r->h;
    niact_scenario *sc = h->sc;
    int ty = rawfield(L, sc_idx, "personalities");
    if (ty == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
    } else if (ty != LUA_TTABLE) { /* the schema check has said so */
        lua_pop(L, 1);
        lua_newtable(L);
    }
    int p = lua_gettop(L);
    int count = 0;
    for (lua_pushnil(L); count <= NIACT_DECL_MAX_PERSONALITIES && lua_next(L, p); count++)
        lua_pop(L, 1);
    if (count > NIACT_DECL_MAX_PERSONALITIES) {
        lua_pop(L, 2);
        PROBLEM(r, "scenario: more than %d personalities", NIACT_DECL_MAX_PERSONALITIES);
        lua_newtable(L);
        count = 0;
    }
    sc->personalities = calloc((size_t)(count ? count : 1), sizeof(char *));
    sc->personality_roles = calloc((size_t)(count ? count : 1), sizeof(uint32_t));
    if (!sc->personalities || !sc->personality_roles)
        luaL_error(L, "out of memory while reading the declarations");
    /* Names in sorted order, so listings are stable. */
    for (lua_pushnil(L); lua_next(L, p); lua_pop(L, 1)) {
        if (lua_type(L, -2) != LUA_TSTRING || !lua_istable(L, -1)) {
            PROBLEM(r, "scenario: personalities must map names to tables of role functions");
            continue;
        }
        size_t len;
        const char *name = lua_tolstring(L, -2, &len);
        char why[96];
        if (niact_text_check(name, len, 0, why, sizeof why) != NIACT_OK || len == 0) {
            PROBLEM(r, "scenario: a personality's name must be plain text%s%s", len ? ": " : "",
                    len ? why : " (it is empty)");
            continue;
        }
        if (!valid_id(name)) {
            PROBLEM(r, "scenario: personality names use a-z, 0-9 and _ (at most 40)");
            continue;
        }
        uint32_t roles = rd_personality_roles(r, lua_gettop(L), name);
        int at = sc->n_personalities;
        while (at > 0 && strcmp(sc->personalities[at - 1], name) > 0) {
            sc->personalities[at] = sc->personalities[at - 1];
            sc->personality_roles[at] = sc->personality_roles[at - 1];
            at--;
        }
        sc->personalities[at] = rd_dup(r, name);
        sc->personality_roles[at] = roles;
        sc->n_personalities++;
    }
    h->ref_personalities = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* A warning at a declaration's place: the line where `field` is written, if it is. */
static void warn_at(rd *r, const niact_meta *m, const char *field, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void warn_at(rd *r, const niact_meta *m, const char *field, const char *fmt, ...) {
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    snprintf(r->file, sizeof r->file, "%s", m->file ? m->file : "");
    r->line = m->line;
    r->own = 1;
    int line = field ? field_line(r, field) : m->line;
    r->own = 0;
    host_warning(r->h, r->file, line, "%s", msg);
}

/* What loads but is almost surely wrong (docs/modding.md, "What check warns of"). What
 * only play shows (an action never legal, an objective that never moves) is the
 * checker's (engine/check). */
static void decl_warnings(rd *r) {
    const niact_scenario *sc = r->h->sc;
    for (int a = 0; a < sc->n_actions; a++) {
        const niact_action_def *d = &sc->actions[a];
        for (int i = 0; i < sc->n_roles; i++)
            if ((d->roles & (1u << i)) && d->cost > sc->roles[i].action_points)
                warn_at(r, &d->meta, "cost",
                        "action '%s' costs %d and role '%s' has %d action point%s a turn: it "
                        "can never order it",
                        d->meta.id, d->cost, sc->roles[i].meta.id, sc->roles[i].action_points,
                        sc->roles[i].action_points == 1 ? "" : "s");
    }
    for (int i = 0; i < sc->n_roles; i++) {
        const niact_role_def *d = &sc->roles[i];
        int objectives = 0, actions = 0;
        for (int o = 0; o < sc->n_objectives; o++)
            objectives += sc->objectives[o].role == i;
        for (int a = 0; a < sc->n_actions; a++)
            actions += (sc->actions[a].roles >> i) & 1u;
        if (!objectives)
            warn_at(r, &d->meta, NULL, "role '%s' has no objective: nothing it does is scored",
                    d->meta.id);
        if (!actions)
            warn_at(r, &d->meta, NULL, "role '%s' may order no action", d->meta.id);
    }
    for (int o = 0; o < sc->n_objectives; o++) {
        const niact_objective_def *d = &sc->objectives[o];
        if (d->weight == 0 && d->role >= 0)
            warn_at(r, &d->meta, "weight",
                    "objective '%s' has weight 0: it never counts in '%s''s score", d->meta.id,
                    sc->roles[d->role].meta.id);
    }
    for (int t = 0; t < sc->n_tracks; t++) {
        const niact_track_def *d = &sc->tracks[t];
        if (d->min == d->max)
            warn_at(r, &d->meta, NULL, "track '%s' has min = max = %d: it can never move",
                    d->meta.id, d->min);
        if (d->estimate_declared || d->hidden)
            continue;
        for (int i = 0; i < sc->n_roles; i++)
            if (d->vis[i] == NIACT_VIS_ESTIMATE) {
                warn_at(r, &d->meta, "visible",
                        "track '%s': '%s' sees an estimate, but no estimate is declared: it "
                        "starts at the true value (%d) +/- %d (declare estimate = {value=, "
                        "error=})",
                        d->meta.id, sc->roles[i].meta.id, d->initial, d->est_error[i]);
                break;
            }
    }
    for (int e = 0; e < sc->n_events; e++) {
        const niact_event_def *d = &sc->events[e];
        if (d->chance == 0)
            warn_at(r, &d->meta, "chance", "event '%s' has chance 0: it never fires", d->meta.id);
    }
    for (int t = 0; t < sc->n_terms; t++) {
        const niact_term_def *d = &sc->terms[t];
        if (!d->has_check)
            warn_at(r, &d->meta, NULL,
                    "term '%s' has no check: every commitment to it is broken at its deadline",
                    d->meta.id);
    }
}

static int read_all(lua_State *L) {
    niact_host *h = lua_touserdata(L, 1);
    int sc_idx = 2;
    rd r = {.h = h, .L = L, .file = "scenario.lua"};
    rd_where(&r, sc_idx);
    memcpy(r.sc_file, r.file, sizeof r.sc_file);
    r.sc_line = r.line;
    niact_scenario *sc = h->sc;
    /* Every field known, of its type and in its range, before anything is read. */
    check_role_ids(&r, sc_idx);
    check_table(&r, sc_idx, niact_schema_root(), "scenario");
    rd_where(&r, sc_idx);
    int has_api;
    sc->api_version = rd_int(&r, sc_idx, "api_version", NIACT_API_VERSION, "scenario", &has_api);
    if (has_api && (sc->api_version < NIACT_API_VERSION_MIN || sc->api_version > NIACT_API_VERSION))
        host_problem(h, r.file, field_line(&r, "api_version"),
                     "scenario: written for API version %d; this niact reads versions %d-%d%s",
                     sc->api_version, NIACT_API_VERSION_MIN, NIACT_API_VERSION,
                     sc->api_version > NIACT_API_VERSION ? " (a newer niact is needed)"
                                                         : " (see docs/modding.md, \"API versions\")");
    else if (!has_api)
        host_warning(h, r.file, r.line,
                     "scenario: no api_version; read as version %d (declare api_version = %d)",
                     NIACT_API_VERSION, NIACT_API_VERSION);
    sc->meta.id = rd_dup(&r, "");
    sc->meta.name = rd_str(&r, sc_idx, "name", NULL, "scenario");
    sc->meta.text = rd_str(&r, sc_idx, "text", "", "scenario");
    sc->meta.source = rd_str(&r, sc_idx, "source", "", "scenario");
    sc->meta.file = rd_dup(&r, r.file);
    sc->meta.line = r.line;
    sc->version = rd_str(&r, sc_idx, "version", "1", "scenario");
    /* Records and save lists carry the version: a short plain text. */
    if (sc->version && (!sc->version[0] || strlen(sc->version) > 40 ||
                        strspn(sc->version, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789.-_+") != strlen(sc->version)))
        PROBLEM(&r, "scenario: version must be 1-40 letters, digits and . - _ +");
    sc->debrief = rd_str(&r, sc_idx, "debrief", "", "scenario");
    sc->subtitle = rd_str(&r, sc_idx, "subtitle", "", "scenario");
    sc->blurb = rd_str(&r, sc_idx, "blurb", sc->meta.text, "scenario");
    if (strchr(sc->subtitle, '\n'))
        PROBLEM(&r, "scenario: subtitle must be one line");
    char *on_error = rd_str(&r, sc_idx, "on_error", "void", "scenario");
    sc->end_on_error = strcmp(on_error, "end") == 0;
    free(on_error);
    if (rawfield(L, sc_idx, "calendar") != LUA_TTABLE) { /* the schema check has said so */
        lua_pop(L, 1);
        lua_newtable(L);
    }
    int cal = lua_gettop(L);
    sc->start_date = rd_str(&r, cal, "start", "1970-01-01", "calendar");
    int has_days, has_hours;
    sc->days_per_turn = rd_int(&r, cal, "days_per_turn", 1, "calendar", &has_days);
    sc->hours_per_turn = rd_int(&r, cal, "hours_per_turn", 0, "calendar", &has_hours);
    sc->turns = rd_int(&r, cal, "turns", 10, "calendar", NULL);
    lua_pop(L, 1);
    if (has_days && has_hours)
        PROBLEM(&r, "calendar: give days_per_turn or hours_per_turn, not both");
    if (has_hours)
        sc->days_per_turn = 0;
    int steps_ok = has_hours ? sc->hours_per_turn >= 1 && sc->hours_per_turn <= 8784
                             : sc->days_per_turn >= 1 && sc->days_per_turn <= 366;
    char buf[NIACT_DATE_MAX];
    if (niact_scenario_date(sc, 0, buf, sizeof buf) != 0)
        PROBLEM(&r, "calendar: start must be a real date \"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM\" "
                    "(years 0001-9999, 24-hour clock)");
    else if (sc->turns >= 1 && sc->turns <= 500 && steps_ok &&
             niact_scenario_format(sc, sc->turns - 1, NIACT_DATE_SPAN, buf, sizeof buf) != 0)
        PROBLEM(&r, "calendar: the last turn falls after 9999-12-31");
    if (!steps_ok) { /* the schema check has said why; a sane step for what follows */
        sc->days_per_turn = 1;
        sc->hours_per_turn = 0;
    }

    niact_scenario_init(sc);
    lua_newtable(L);
    int ids = lua_gettop(L);
    rd_roles_decl(&r, sc_idx, ids);
    rd_negotiation(&r, sc_idx);
    rawfield(L, ids, "roles");
    int roles_ids = lua_gettop(L);
    rd_tracks(&r, sc_idx, ids);
    rd_actions(&r, sc_idx, ids, roles_ids);
    rd_events(&r, sc_idx, ids);
    rd_objectives(&r, sc_idx, ids, roles_ids);
    rd_terms(&r, sc_idx, ids, roles_ids);
    rd_turning_points(&r, sc_idx, ids, roles_ids);
    rd_variants(&r, sc_idx, ids);
    rd_where(&r, sc_idx);
    host_read_map(h, sc_idx, r.file, r.line); /* decl_map.c: after the tracks it binds */
    lua_settop(L, ids);
    lua_setfield(L, LUA_REGISTRYINDEX, IDS_KEY);
    rd_where(&r, sc_idx);
    h->ref_setup = rd_fn(&r, sc_idx, "setup", 0, "scenario");
    h->ref_turn_start = rd_fn(&r, sc_idx, "turn_start", 0, "scenario");
    h->ref_turn_end = rd_fn(&r, sc_idx, "turn_end", 0, "scenario");
    h->ref_end_check = rd_fn(&r, sc_idx, "end_check", 0, "scenario");
    rd_personalities(&r, sc_idx);
    rd_outcomes(&r, sc_idx);
    check_actors(&r);
    check_variants(&r);
    check_proposals(&r);
    if (!h->n_problems)
        decl_warnings(&r);
    return 0;
}

/* Reads the scenario table on top of the stack (popped) into h->sc, protected and under
 * the load limits (a declaration's metatable may run scenario code). */
int host_read_scenario(niact_host *h) {
    lua_State *L = h->L;
    h->sc = calloc(1, sizeof *h->sc);
    if (!h->sc) {
        host_problem(h, "", 0, "out of memory");
        return -1;
    }
    h->ref_setup = h->ref_turn_start = h->ref_turn_end = h->ref_end_check = LUA_NOREF;
    h->ref_personalities = LUA_NOREF;
    lua_pushcfunction(L, read_all);
    lua_insert(L, -2);
    lua_pushlightuserdata(L, h);
    lua_insert(L, -2);
    if (host_load_call(h, 2, 0) != LUA_OK) /* a declaration's reading may run its code */
        return -1;
    uint64_t hash = NIACT_HASH_INIT;
    for (int i = 0; i < h->n_files; i++) {
        hash = niact_hash_bytes(hash, h->files[i].name, strlen(h->files[i].name) + 1);
        hash = niact_hash_bytes(hash, h->files[i].text, h->files[i].len);
    }
    h->sc->content_hash = hash;
    return h->n_problems ? -1 : 0;
}

int niact_host_set_variant(niact_host *h, const char *id, char *msg, size_t msglen) {
    if (msglen)
        msg[0] = 0;
    if (!id || !id[0])
        return 0;
    niact_scenario *sc = h ? h->sc : NULL;
    if (!sc) {
        snprintf(msg, msglen, "no scenario loaded");
        return -1;
    }
    int v = niact_scenario_variant(sc, id);
    if (v < 0) {
        char list[512] = "";
        const char *near = NULL;
        size_t at = 0;
        for (int i = 0; i < sc->n_variants && at < sizeof list; i++) {
            int w = snprintf(list + at, sizeof list - at, "%s%s", i ? ", " : "",
                             sc->variants[i].meta.id);
            at += w > 0 ? (size_t)w : 0;
            if (!near && niact_schema_near(id, sc->variants[i].meta.id))
                near = sc->variants[i].meta.id;
        }
        if (!sc->n_variants)
            snprintf(msg, msglen, "%s declares no variants (so no '%.40s')", sc->meta.name,
                     id);
        else if (near)
            snprintf(msg, msglen, "%s has no variant '%.40s'; did you mean '%s'? (its variants: %s)",
                     sc->meta.name, id, near, list);
        else
            snprintf(msg, msglen, "%s has no variant '%.40s' (its variants: %s)", sc->meta.name,
                     id, list);
        return -1;
    }
    if (sc->variant) {
        if (sc->variant == v + 1)
            return 0;
        snprintf(msg, msglen, "the variant '%s' is already chosen",
                 sc->variants[sc->variant - 1].meta.id);
        return -1;
    }
    const niact_variant_def *d = &sc->variants[v];
    if (d->turns)
        sc->turns = d->turns;
    if (d->days_per_turn && !sc->hours_per_turn)
        sc->days_per_turn = d->days_per_turn;
    if (d->hours_per_turn && sc->hours_per_turn)
        sc->hours_per_turn = d->hours_per_turn;
    sc->variant = v + 1;
    return 0;
}
