/* The Lua host's private state, shared by its files (host, sandbox, decl, bind). */
#ifndef NIACT_HOST_INTERNAL_H
#define NIACT_HOST_INTERNAL_H

#include <lauxlib.h>
#include <lua.h>

#include "niact/script.h"

#define HOST_MAX_FILES 64
#define HOST_TERM_FNS 6
#define HOST_HOOK_STEP 1000 /* instructions between two calls of the count hook */

typedef struct host_file {
    char *name; /* as shown in messages: path relative to the scenario or lib folder */
    char *text; /* contents, kept to quote the failing line */
    size_t len;
} host_file;

/* Lua references of one declaration's callbacks (LUA_NOREF if none). */
typedef struct host_refs {
    int a, b;
} host_refs;

struct niact_host {
    lua_State *L;           /* the sandboxed state */
    niact_limits lim;       /* limits in force */
    size_t mem;             /* bytes held now */
    size_t mem_peak;        /* most bytes held */
    uint64_t churn;         /* bytes allocated since the callback began */
    uint64_t steps;         /* instructions since the callback began (hook granularity) */
    uint64_t step_limit;    /* limit for the running callback */
    int killed;             /* a limit fired: every instruction raises until the callback ends */
    const char *kill_why;   /* which limit */
    int running;            /* inside a callback or the load */

    niact_game *game;       /* game of the running callback, NULL outside */
    int view_role;          /* -1: rules see the truth; else a personality's read-only view */

    char dir[4096];         /* scenario folder */
    char libdir[4096];      /* shared helpers folder, "" if none */
    host_file files[HOST_MAX_FILES]; /* files loaded, for messages and the content hash */
    int n_files;

    niact_scenario *sc;     /* declarations */
    niact_rules rules;      /* bound to this host */
    int ref_scenario;       /* the table scenario.lua returned */
    int ref_state;          /* the `state` userdata */
    int ref_ids;            /* id -> index tables, per kind */
    host_refs *action_refs; /* legal, resolve */
    host_refs *event_refs;  /* condition, effect */
    int *objective_refs;    /* score */
    int (*term_refs)[HOST_TERM_FNS]; /* legal, on_agree, check, on_kept, on_broken, value */
    int ref_setup, ref_turn_start, ref_turn_end, ref_end_check, ref_personalities;

    char *problems;         /* accumulated load problems, one per line */
    size_t problems_len;
    int n_problems;
    char err[2048];         /* last error */
    char why[256];          /* reason the last legality test gave for a refusal, or "" */
};

/* sandbox.c */
int host_open_sandbox(niact_host *h);           /* builds the environment; pushes nothing */
void host_push_env(lua_State *L);               /* pushes the sandbox environment */
void host_freeze_env(lua_State *L);             /* no new or changed globals from now on */
int host_load_file(niact_host *h, const char *path, const char *shown); /* pushes chunk */

/* host.c */
/* Counts C work (sorting keys, shifting a table) against the callback's instruction
 * budget; raises the limit error once it is spent. */
void host_charge(lua_State *L, uint64_t units);
int host_call(niact_host *h, niact_game *g, int view_role, int nargs, int nres);
void host_problem(niact_host *h, const char *file, int line, const char *fmt, ...);
char *host_strdup(const char *s);

/* decl.c */
void host_open_decl(lua_State *L);              /* sets up the `niact` module in the env */
int host_read_scenario(niact_host *h);          /* scenario table on top -> h->sc */

/* bind.c */
void host_open_state(niact_host *h);            /* creates the `state` userdata */
void host_bind_rules(niact_host *h);            /* fills h->rules */
int host_push_orders(lua_State *L, niact_host *h, int idx, niact_order *out, int max, int role);

#endif
