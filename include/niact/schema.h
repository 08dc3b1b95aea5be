/* The scenario API's schema: every declaration a scenario may write (scenario, calendar,
 * role, track, action, event, objective, term, turning point, personality and the
 * tables inside them), each with its fields (type, default, range, one line of doc),
 * and every `state` method. One table, used by:
 *   - the loader (engine/script/decl.c): an unknown field is an error naming the nearest
 *     known one; types, whole numbers, ranges and required fields are checked from it;
 *   - `niact schema --luals`: the LuaLS annotation stubs (niact.lua) for editors;
 *   - `niact schema --markdown`: the field reference in docs/modding.md;
 * and tests/unit/test_schema.c keeps the three from drifting apart.
 *
 * ADDING A FIELD is one line in the kind's table in engine/script/schema.c, e.g.
 *     F("cost", NIACT_T_INT, .min = 0, .max = 100, .def = "1", .doc = "action points"),
 * then read it in decl.c (rd_int, rd_str, rd_bool, rd_fn... never check its type or
 * range there: the schema did). A new table-valued field points to a new kind
 * (.sub = &k_thing) declared above it in schema.c and listed in `kinds`. */
#ifndef NIACT_SCHEMA_H
#define NIACT_SCHEMA_H

#include <stddef.h>
#include <stdio.h>

/* The current version of the scenario API, and the oldest one still accepted. A
 * scenario declares `api_version = N`; outside this range it is refused at load. */
#define NIACT_API_VERSION 2
#define NIACT_API_VERSION_MIN 1

typedef enum niact_ftype {
    NIACT_T_TEXT,     /* a string (plain text: checked by the reader) */
    NIACT_T_ID,       /* a string id: a-z, 0-9, _, at most 40 */
    NIACT_T_DATE,     /* a string date: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" */
    NIACT_T_INT,      /* a whole number in [min, max]; or one of `choices` (strings) */
    NIACT_T_NUMBER,   /* a number in [min, max] (never NaN) */
    NIACT_T_BOOL,     /* true or false */
    NIACT_T_FUNCTION, /* a function (its LuaLS signature in `lua`); with `sub`, a table of
                       * that kind instead */
    NIACT_T_ENUM,     /* one of `choices`; with `sub`, a table of that kind instead */
    NIACT_T_ROLES,    /* a role id, or a list of role ids */
    NIACT_T_REF,      /* the id of a declared thing (`choices` names the list: "tracks") */
    NIACT_T_RECORD,   /* a table of kind `sub` */
    NIACT_T_LIST,     /* a list of tables of kind `sub` */
    NIACT_T_MAP,      /* a table of name = table of kind `sub` */
    NIACT_T_STRINGS,  /* a list of strings */
} niact_ftype;

#define NIACT_F_REQUIRED 1u /* no default: the declaration is refused without it */

typedef struct niact_kind niact_kind;

typedef struct niact_field {
    const char *name;
    niact_ftype type;
    unsigned flags;         /* NIACT_F_* */
    double min, max;        /* INT, NUMBER: the range (min == max == 0: +/-1e9) */
    const char *choices;    /* ENUM: the strings allowed, "a|b|c"; INT: strings allowed
                             * instead of a number; REF: the list the id is looked up in */
    const niact_kind *sub;  /* RECORD, LIST, MAP: the kind of the table(s); ENUM: a table
                             * of this kind is accepted instead of a string */
    const char *def;        /* the default, as the docs say it (NULL: none, or required) */
    const char *lua;        /* LuaLS type when the generic one is not enough (signatures,
                             * unions): used as written */
    const char *doc;        /* one line */
} niact_field;

struct niact_kind {
    const char *name;              /* in messages: "action", "turning point" */
    const char *ctor;              /* niact.<ctor>{} wraps it; NULL if it has none */
    const char *cls;               /* LuaLS class name: "niact.Action" */
    const char *doc;               /* one line */
    const niact_field *fields;     /* ends with a field whose name is NULL */
    const niact_field *role_value; /* keys may also be role ids, each with a value of this
                                    * shape (name ignored); NULL if not */
    int own_check;                 /* its reader checks its fields itself (the map:
                                    * engine/script/decl_map.c); the table lists them for
                                    * the stubs and the docs */
};

typedef struct niact_method {
    const char *name; /* state:<name>(...) */
    const char *args; /* LuaLS parameters: "track: string, v: integer" */
    const char *ret;  /* LuaLS return types, "" for none */
    const char *doc;  /* one line */
} niact_method;

/* The scenario table (the root), every kind (root first, in documentation order), and
 * every `state` method; each list ends with a NULL entry. */
const niact_kind *niact_schema_root(void);
const niact_kind *const *niact_schema_kinds(void);
const niact_method *niact_schema_methods(void);
/* The field `name` of kind k, or NULL. */
const niact_field *niact_schema_field(const niact_kind *k, const char *name);

/* Optimal string alignment distance (insertions, deletions, substitutions and
 * transpositions of neighbours); stops counting past `cap` (returns cap + 1). */
int niact_edit_distance(const char *a, const char *b, int cap);
/* Whether `typed` is close enough to `known` to be offered as "did you mean". */
int niact_schema_near(const char *typed, const char *known);

/* The LuaLS annotation file (---@meta, ---@class, ---@field for every kind and field,
 * the `niact` module and every `state` method). */
void niact_schema_luals(FILE *out);
/* The field reference in Markdown: a table per kind (field, type, default, what). */
void niact_schema_markdown(FILE *out);
/* The type of a field as LuaLS writes it ("integer", "string|string[]"): into buf. */
const char *niact_schema_type(const niact_field *f, char *buf, size_t len);

#endif
