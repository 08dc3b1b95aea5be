/* The Lua host's private state, shared by its files (host, sandbox, decl, bind). */
#ifndef NIACT_HOST_INTERNAL_H
#define NIACT_HOST_INTERNAL_H

#include <lauxlib.h>
#include <lua.h>

#include "niact/script.h"

#define HOST_MAX_FILES 64
#define HOST_TERM_FNS 6
#define HOST_ALL_ARGS 255 /* a callback that can see every argument (vararg or C) */
#define HOST_HOOK_STEP 1000 /* instructions between two calls of the count hook */
/* Nested calls a callback may make. Lua itself stops only at a million stack slots,
 * after growing the stack to tens of megabytes (0.1-0.3 s each time, which a checker
 * that asks a test hundreds of times turns into half a minute). */
#define HOST_MAX_DEPTH 5000
/* Strings of at least this many bytes are tracked while alive: comparing, hashing or
 * converting one is work a single VM instruction does unseen, so while one lives every
 * instruction is charged (its length / HOST_BIG_UNIT) instructions more (memcmp reads
 * a few hundred bytes in the time of one instruction), and the hook runs that much more
 * often (docs/modding.md). */
#define HOST_BIG_STRING 4096
#define HOST_BIG_UNIT 512
/* Units one hook period may charge while big strings live (the instructions between two
 * hooks times 1 + the surcharge): how far past the budget a callback can get before the
 * hook sees it, 0.16 % of the 5 million. */
#define HOST_BIG_PERIOD 8000
/* A vararg function's extra arguments beyond this many are copied by single
 * instructions (`...`, calls passing it on): each one costs HOST_VARARG_COST per hook. */
#define HOST_VARARG_FREE 16
#define HOST_VARARG_COST 64

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
    int tick;               /* instructions between two hooks now (HOST_HOOK_STEP or fewer) */
    int killed;             /* a limit fired: every instruction raises until the callback ends */
    const char *kill_why;   /* which limit ("instruction limit exceeded") */
    niact_error_kind kill_kind; /* the kind of the stop, set where it fired (hook, allocator) */
    char kill_msg[320];     /* the stop's message, raised again on every instruction */
    char kill_file[96];     /* where it first fired (scenario file), "" if unknown */
    int kill_line;          /* and the line, 0 if unknown */
    int running;            /* inside a callback or the load */

    void **bigs;            /* open-addressing set of live big strings (NULL = empty slot) */
    size_t bigs_cap;        /* slots (a power of two, or 0) */
    size_t bigs_n;          /* strings in the set */
    uint32_t big_class[64]; /* live big strings by floor(log2(block size)) */
    int big_top;            /* the highest class with a live string, -1 if none */

    niact_game *game;       /* game of the running callback, NULL outside */
    int view_role;          /* -1: rules see the truth; else a personality's read-only view */
    int view_refused;       /* a read in that view was refused (a track the role does not
                             * see, the rules' own readers): set where the refusal is
                             * raised, so state:legal can tell it from a script error */
    const char *query;      /* NULL: a rule, which may change the game; else the question
                             * running ("a legality test"), in which every write, dice roll,
                             * log line and end of game is refused. Set by host_call from
                             * its caller's mode and restored by the host, never the script */

    char dir[4096];         /* scenario folder */
    char libdir[4096];      /* shared helpers folder, "" if none */
    host_file files[HOST_MAX_FILES]; /* files loaded, for messages and the content hash */
    int n_files;

    niact_scenario *sc;     /* declarations */
    niact_rules rules;      /* bound to this host */
    int ref_scenario;       /* the table scenario.lua returned */
    int ref_state;          /* the `state` userdata */
    const void *state_ud;   /* its block: the only object check_state accepts (it is kept
                             * alive by ref_state, and Lua never moves an object) */
    /* Per kind of id (tracks, roles, events, actions): the id strings of the ids tables,
     * by address. Lua interns short strings, so a short argument equal to an id is that
     * very string; the keys live as long as the host, so an address here is never
     * reused. Anything else (a long string, a number, an unknown id) falls back to the
     * table. Open addressing, a power of two slots, NULL = empty. */
    struct host_id_cache {
        const char **key;
        int *index;
        size_t cap;
    } idc[4];
    int ref_ids;            /* id -> index tables, per kind */
    host_refs *action_refs; /* legal, resolve */
    host_refs *event_refs;  /* condition, effect */
    int *objective_refs;    /* score */
    int (*term_refs)[HOST_TERM_FNS]; /* legal, on_agree, check, on_kept, on_broken, value */
    /* The arguments each term callback can see: its parameters (state included), or
     * HOST_ALL_ARGS for a vararg or C function. Arguments past them are dropped by Lua
     * unseen (the sandbox has no debug library), so the info table is built only for a
     * callback that names it. Set when the state is opened. */
    unsigned char (*term_args)[HOST_TERM_FNS];
    int *role_refs;         /* registry refs of the role id strings, pushed without hashing */
    int ref_setup, ref_turn_start, ref_turn_end, ref_end_check, ref_personalities;

    char *problems;         /* accumulated load problems, one per line */
    size_t problems_len;
    int n_problems;
    char *warnings;         /* what loads but is almost surely wrong, one per line */
    size_t warnings_len;
    int n_warnings;
    niact_error *warning_v; /* the same as records (file, line, reason), n_warnings_v */
    int n_warnings_v;
    niact_error error;      /* last error's record (kind, file, line, bare reason) */
    char err[2048];         /* the same, formatted for a person (niact_host_error) */
    char why[256];          /* reason the last legality test gave for a refusal, or "" */
    niact_host_hook hook;   /* told of every callback's problem (niact_host_set_hook) */
    void *hook_ud;
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
/* Calls the function below nargs arguments, protected, under the load limits (a fresh
 * load budget). LUA_OK with nres results pushed; else the error is a load problem
 * (FILE:LINE: message) and nothing is pushed. */
int host_load_call(niact_host *h, int nargs, int nres);
/* Fires a limit of that kind before the work is done (string.rep of more than the
 * memory cap): sticky, as if the allocator had refused. Raises. */
void host_limit(lua_State *L, niact_error_kind kind, const char *why);
/* The host of a sandboxed state. */
niact_host *host_of(lua_State *L);
/* Whether a limit has fired in the running callback (the kill is sticky). */
int host_killed(lua_State *L);
/* What a callback may do: whose view it reads and whether it is a question. */
typedef struct host_mode {
    int view_role;     /* -1: the truth (rules, legality tests); else that role's view */
    const char *query; /* NULL: a rule (may change the game); else the question's name */
} host_mode;
/* Runs the function below nargs arguments protected, in the given mode and under the
 * callback limits. LUA_OK with nres results pushed, or an error status with h->error and
 * h->err set and nothing pushed. The mode is the host's: it is restored after the call
 * whatever the script did. */
int host_call(niact_host *h, niact_game *g, host_mode mode, int nargs, int nres);
/* The same for a function the caller pushed above host_msg_handler (handler, function,
 * nargs arguments): no stack rotation. On LUA_OK the handler stays under the nres
 * results (the caller pops nres + 1); on failure the handler is gone too. */
int host_call_at(niact_host *h, niact_game *g, host_mode mode, int nargs, int nres);
/* The message handler of every call (records the error with its position). */
int host_msg_handler(lua_State *L);
/* Stops the running callback for good (a limit, or a question that tried to change the
 * game): records kind, message and the scenario position, re-arms the hook to raise on
 * every instruction (pcall, xpcall and coroutines cannot swallow it), and raises. */
int host_kill(lua_State *L, niact_error_kind kind, const char *fmt, ...);
void host_problem(niact_host *h, const char *file, int line, const char *fmt, ...);
/* Quotes line e->line of e->file (a loaded file) into e->source ("" if none). */
void host_quote(const niact_host *h, niact_error *e);
/* A warning: FILE:LINE: warning: message, kept for niact_host_warnings (the scenario
 * still loads). */
void host_warning(niact_host *h, const char *file, int line, const char *fmt, ...);
char *host_strdup(const char *s);

/* decl.c */
void host_open_decl(lua_State *L);              /* sets up the `niact` module in the env */
int host_read_scenario(niact_host *h);          /* scenario table on top -> h->sc */

/* decl_map.c */
/* Reads the scenario table's `map` (at sc_idx) into h->sc->map, with its files; problems
 * are load problems (at file:line when nothing more precise is known). */
int host_read_map(niact_host *h, int sc_idx, const char *file, int line);

/* bind.c */
void host_open_state(niact_host *h);            /* creates the `state` userdata */
void host_bind_rules(niact_host *h);            /* fills h->rules */
int host_push_orders(lua_State *L, niact_host *h, int idx, niact_order *out, int max, int role);

#endif
