/* The session's state, shared by the session's files. */
#ifndef NIACT_SESSION_INTERNAL_H
#define NIACT_SESSION_INTERNAL_H

#include "niact/session.h"

/* A moment every seat hears of: a turn resolved, or the game's end, placed in the log. */
typedef struct session_mark {
    size_t log_pos;           /* log size when it happened (entries before it come first) */
    niact_event_kind kind;    /* NIACT_EVENT_TURN or NIACT_EVENT_END */
    int32_t turn;             /* turns resolved */
    niact_outcome outcome;    /* END */
} session_mark;

/* One turn as the record keeps it (session_history.c): every turn played, in the order
 * played, including those a rollback undid. The last is the turn under way. */
typedef struct session_play {
    int32_t turn;             /* the game's turn index */
    int resolved;             /* 1: resolved (hash, orders); 0: under way, or cut by a
                                 rollback (then its last input is the rollback) */
    uint64_t hash;            /* state hash after it (resolved) */
    niact_turn_input orders;  /* every role's orders (resolved) */
    size_t first, n;          /* its inputs: jneg[first .. first + n) */
} session_play;

/* What the scenario's tests said of one action for one seat, cached (no draft in it). */
typedef struct session_rule {
    int legal;                /* the test allows `param` */
    int32_t param;            /* the suggested parameter */
    char reason[256];         /* the bare reason of a refusal */
} session_rule;

/* One seat's cached options. */
typedef struct session_cache {
    uint64_t rules_gen;       /* s->gen when rules[] was filled (0: never) */
    uint64_t opts_gen;        /* s->gen when opts was built */
    uint64_t opts_draft;      /* draft_gen[role] when opts was built */
    session_rule *rules;      /* [n_actions] */
    niact_option *opt;        /* [n_actions]: the role's actions first, opts.n of them */
    niact_options opts;
} session_cache;

/* One seat's listening position. */
typedef struct session_ear {
    size_t log;               /* next log entry to look at */
    size_t mark;              /* next session_mark */
    int track;                /* next track to compare (while draining), -1: not yet */
    niact_known *seen;        /* [n_tracks] what the seat knew when it last looked */
} session_ear;

typedef struct session_remote session_remote; /* session_remote.c */

struct niact_session {
    niact_host *host;         /* the scenario's Lua */
    session_remote *remote;   /* a remote seat's session (niact_session_remote), or NULL */
    int own_host;             /* the session frees the host */
    niact_game *game;         /* the game */
    niact_seat seats[NIACT_MAX_ROLES];
    niact_turn_input *inputs; /* [turns] orders of resolved turns */
    int32_t n_inputs;         /* resolved turns */
    niact_input *neg;         /* inputs of the live line (the turns not undone), in order;
                                 their texts belong to jneg */
    niact_input *jneg;        /* every input ever kept, in order (owns the texts) */
    size_t n_jneg, cap_jneg;
    session_play *plays;      /* the history (session_history.c); the last is open */
    size_t n_plays, cap_plays;
    size_t n_neg, cap_neg;
    size_t n_telegrams;       /* telegrams sent in this game */
    size_t telegram_bytes;    /* their text, in bytes */
    uint32_t ai_failed;       /* bit r: seat r's scripted AI failed (reported once) */
    niact_ai_tally tally[NIACT_MAX_ROLES]; /* what each seat's personality gave and kept */
    uint32_t ai_talk_failed; /* seats whose personality's negotiation failed (said once) */
    char warning[1200];       /* the first failure of a seat's scripted AI, to show once */
    int warning_new;          /* warning not yet taken by niact_session_warning */
    /* Drafts and the options cache. */
    niact_order draft[NIACT_MAX_ROLES][NIACT_MAX_ORDERS];
    int n_draft[NIACT_MAX_ROLES];
    uint64_t gen;             /* bumped by every command that may change the game */
    uint64_t draft_gen[NIACT_MAX_ROLES]; /* bumped by every change to a seat's draft */
    session_cache cache[NIACT_MAX_ROLES];
    uint64_t legal_calls;     /* scenario legality tests the session asked for (tests) */
    /* Events. */
    session_mark *marks;
    size_t n_marks, cap_marks;
    session_ear ears[NIACT_MAX_ROLES + 2]; /* [NIACT_MAX_ROLES]: the spectator, [+1]: the
                                              moderator */
    char save_file[4096];     /* where an unnamed SAVE writes ("" for the default) */
    /* The moderator (session_moderator.c). */
    int paused;               /* seats wait: no orders given, no negotiation, no resolution */
    int32_t deadline;         /* seconds a turn, 0: none */
    char default_play[32];    /* what a late seat plays ("" = no orders) */
    uint32_t defaulted;       /* bit r: r defaulted in the turn under way */
    uint32_t reopened;        /* bit r: r's given orders came back after an injected event */
    uint32_t epoch[NIACT_MAX_ROLES]; /* bumped when the seat is freed */
    size_t n_moderator;       /* moderator inputs so far */
    int32_t n_rollbacks;      /* rollbacks so far */
    int32_t clock_turn;       /* the turn whose countdown runs (-1: starts at the next tick) */
    int64_t clock_start;      /* ms when it started (shifted by pauses) */
    int64_t clock_paused;     /* ms when a pause was first ticked, -1 if not paused */
    niact_error error;        /* the last error (niact/error.h): niact_session_error says
                                 its bare reason */
    /* The all-historical game of the same seed (session_baseline.c), played once. */
    int baseline_state;       /* 0 not yet played, 1 played */
    int32_t baseline[NIACT_MAX_ROLES]; /* its scores */
};

/* Something may have changed the game: cached answers are stale. */
void session_changed(niact_session *s);
/* Sets the handle's error (printf-style; the kind follows st) and returns st. */
niact_status session_fail(niact_session *s, niact_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The game's error record becomes the session's; returns st. */
niact_status session_take(niact_session *s, niact_status st);
/* After a resolution: the TURN (and END) marks every seat hears. */
niact_status session_mark_turn(niact_session *s);
/* Allocates / frees the per-seat caches and ears (session_orders.c, session_events.c). */
niact_status session_orders_init(niact_session *s);
void session_orders_free(niact_session *s);
niact_status session_events_init(niact_session *s);
/* Makes room for one more input and copies its text (session_talk.c); keeps an input the
 * game has taken (cannot fail once reserve succeeded). */
niact_status session_reserve(niact_session *s, const char *text, char **copy);
niact_status session_keep(niact_session *s, const niact_input *in, char *text);
/* The history (session_history.c): opened with the game; room for one more play; the
 * open play resolved (after a resolution: its orders and hash) or cut (by a rollback). */
niact_status session_history_init(niact_session *s);
niact_status session_history_room(niact_session *s);
void session_history_close(niact_session *s, int resolved);
void session_history_free(niact_session *s);
/* NIACT_OK, or the refusal (on the handle) if the game is paused. */
niact_status session_not_paused(niact_session *s);
/* niact_session_apply of a moderator's input (session_moderator.c). */
niact_status session_apply_moderator(niact_session *s, const niact_input *in);
/* After a resolution: the moderator's per-turn state (defaults, reopened orders). */
void session_moderator_turn(niact_session *s);
void session_events_free(niact_session *s);
/* session_remote.c: a remote session's commands, options, resolve, clock; free. */
niact_status session_remote_tell(niact_session *s, const niact_command *c, niact_reply *r);
const niact_options *session_remote_options(niact_session *s, int role);
niact_status session_remote_resolve(niact_session *s);
int64_t session_remote_time_left(const niact_session *s, int64_t now_ms);
void session_remote_free(niact_session *s);

#endif
