/* The session: the one door between a game and every front end (text play, the window,
 * the simulator, `check`, records, and later a network server). A session holds one game
 * of a scenario, its seats (human or AI), the Lua host that runs the scenario's rules,
 * each seat's draft orders, and the inputs of every turn so far.
 *
 *   open   niact_session_open: find the scenario by name or folder, load its host,
 *          start the game (or niact_session_load + niact_session_new on a host).
 *   ask    questions that change nothing: niact_session_options (per seat, each action:
 *          may it be ordered now, why not, a suggested parameter, its cost; the points
 *          left), niact_session_check (would this order list be taken?), the seat's
 *          draft, niact_session_track (what the seat knows of a track). Answers are
 *          cached until the game or the seat's draft changes: asking twice is asking once.
 *   tell   commands, each validated whole before anything changes: order, drop, param,
 *          end turn (draft orders), propose, answer, withdraw, telegram, resolve.
 *   hear   niact_session_hear: per seat, what happened since it last looked (news,
 *          reports, proposals and answers, telegrams, tracks that moved, turn resolved,
 *          game over), drained from a cursor the session keeps for the seat.
 *
 * Errors: every call that can fail returns a status and leaves a one-line reason on the
 * handle (niact_session_error). A front end adds its own words around that reason.
 *
 * Draft orders live in the session, not in the game: a seat's half-written list is never
 * submitted, so nothing a seat is still typing reaches the game or a save. */
#ifndef NIACT_SESSION_H
#define NIACT_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "niact/error.h"
#include "niact/game.h"
#include "niact/negotiation.h"
#include "niact/script.h"

typedef enum niact_seat_kind {
    NIACT_SEAT_HUMAN = 0,
    NIACT_SEAT_AI,
} niact_seat_kind;

typedef struct niact_seat {
    niact_seat_kind kind;
    char personality[32]; /* AI: a scenario personality, or "random"; "" = "random" */
    int actor;            /* the role's scripted actor (its role's `actor` personality): an
                             AI seat whose personality niact_session_new fills in */
} niact_seat;

/* The orders one role gave in one turn: what a record keeps to replay a game. */
typedef struct niact_turn_input {
    int n[NIACT_MAX_ROLES];
    niact_order orders[NIACT_MAX_ROLES][NIACT_MAX_ORDERS];
} niact_turn_input;

/* A negotiation input: what a seat did between two resolutions, besides its orders.
 * Kept in the order made, so a record can replay them. */
typedef enum niact_input_kind {
    NIACT_INPUT_PROPOSE = 0, /* role proposes terms to `to` (id = the proposal it counters) */
    NIACT_INPUT_ANSWER,      /* role accepts (accept = 1) or rejects proposal `id` */
    NIACT_INPUT_WITHDRAW,    /* role withdraws its proposal `id` */
    NIACT_INPUT_TELEGRAM,    /* role sends `text` to `to` */
    /* The moderator's (role NIACT_MODERATOR unless said): see "the moderator" below. */
    NIACT_INPUT_PAUSE,       /* the game is paused */
    NIACT_INPUT_RESUME,      /* the game goes on */
    NIACT_INPUT_DEADLINE,    /* id = seconds a turn (0: none); text = the default play */
    NIACT_INPUT_DEFAULT,     /* role: its deadline passed; text = what it played */
    NIACT_INPUT_INJECT,      /* id = the event fired now */
    NIACT_INPUT_MESSAGE,     /* text to every seat */
    NIACT_INPUT_FREE_SEAT,   /* role: its seat is freed (a new player may take it) */
    NIACT_INPUT_ROLLBACK,    /* id = the turn (1-based) the game went back to the start of */
} niact_input_kind;

typedef struct niact_input {
    niact_input_kind kind;
    int32_t turn;      /* turn in which it was made */
    int16_t role;      /* who */
    uint32_t to;       /* addressees (propose, telegram) */
    int32_t public_;   /* propose: copied to all */
    int32_t id;        /* answer, withdraw: the proposal; propose: the one it counters, 0 */
    int32_t accept;    /* answer */
    int n_terms;       /* propose */
    niact_term_item terms[NIACT_MAX_TERMS];
    char *text;        /* telegram, message, default play (owned by the session) */
} niact_input;

typedef struct niact_session niact_session;

/* niact_path_scenario (niact/paths.h, the one lookup rule) without the message: kept for
 * callers that have none to show. Returns 0, or -1. */
int niact_find_scenario(const char *name_or_dir, char *dir, size_t dirlen, char *libdir,
                        size_t liblen);

/* Finds the scenario by name or folder (niact_path_scenario: the one lookup rule every
 * command uses) and loads its host. limits may be NULL (the defaults); dir (may be NULL)
 * gets the folder found. On failure *out is NULL and msg holds the reason:
 * NIACT_ERR_INVALID when no scenario is found (the lookup's own reason), else the host's
 * status with every problem on its own line as FILE:LINE: message, the file named by
 * its full path. */
niact_status niact_session_load(const char *name_or_dir, const niact_limits *limits,
                                niact_host **out, char *dir, size_t dirlen, char *msg,
                                size_t msglen);

/* niact_session_load, then niact_session_new on that host; the session owns the host
 * (freed with it). seats may be NULL (every seat human). */
niact_status niact_session_open(const char *name_or_dir, uint64_t seed, const niact_seat *seats,
                                niact_session **out, char *msg, size_t msglen);

/* Opens a session on a loaded host (the session does not own it). seats may be NULL
 * (every seat human). */
niact_status niact_session_new(niact_host *host, uint64_t seed, const niact_seat *seats,
                               niact_session **out, char *msg, size_t msglen);
/* From now on the session owns its host and frees it with itself. */
void niact_session_own_host(niact_session *s);
void niact_session_free(niact_session *s);

/* The game, for reading: views, the log, scores and hashes through the core's const
 * accessors (include/niact/game.h). Front ends change a game only through the session. */
const niact_game *niact_session_view(const niact_session *s);
/* The game itself, for the engine's own modules (records, the simulator's quiet games);
 * no front end calls this (tests/boundary enforces it). */
niact_game *niact_session_game(niact_session *s);
niact_host *niact_session_host(niact_session *s);
const niact_scenario *niact_session_scenario(const niact_session *s);
const niact_seat *niact_session_seat(const niact_session *s, int role);
/* The last error's record (niact/error.h: status, kind, file, line, bare reason), and
 * its bare reason alone ("" if none); niact_error_format makes the sentence for a
 * person. */
const niact_error *niact_session_last_error(const niact_session *s);
const char *niact_session_error(const niact_session *s);
/* A warning the front end shows once (a seat's scripted AI failed: its error, file and
 * line), or NULL; each warning is returned once. */
const char *niact_session_warning(niact_session *s);

/* ---- ask (pure) ------------------------------------------------------------------ */

/* Why an action cannot be ordered now. */
typedef enum niact_refusal {
    NIACT_REFUSAL_NONE = 0, /* it can: an ORDER of it would be taken */
    NIACT_REFUSAL_RULE,     /* the scenario's legality test says no, for every parameter
                               tried (reason: the scenario's own words, or "") */
    NIACT_REFUSAL_REPEAT,   /* already in the draft, and not repeatable */
    NIACT_REFUSAL_POINTS,   /* costs more than the points left */
    NIACT_REFUSAL_FULL,     /* the draft holds NIACT_MAX_ORDERS orders */
    NIACT_REFUSAL_ENDED,    /* the game has ended, or the seat has given its orders */
} niact_refusal;

/* One action a seat may order, as it stands now. */
typedef struct niact_option {
    int16_t action;         /* index in the scenario's actions */
    int32_t cost;           /* action points */
    int32_t param;          /* suggested parameter: the default if the scenario allows it,
                               else the allowed value nearest to it (0 if it takes none) */
    int legal;              /* the scenario's test allows it with `param` */
    niact_refusal refusal;  /* NONE: an ORDER of it would be taken */
    char reason[256];       /* a bare reason for a refusal ("" if none is known) */
} niact_option;

/* A seat's options: every action its role may order, in the scenario's order. */
typedef struct niact_options {
    int32_t points;         /* action points this turn */
    int32_t left;           /* points left after the seat's draft */
    int n;                  /* options */
    const niact_option *opt;
} niact_options;

/* The seat's options now, after its draft. The scenario's tests run once per (state of
 * the game, seat); asking again, or after a change to the draft only, runs none. The
 * pointers stay valid until the next command. NULL (error on the handle) for a bad role
 * or out of memory. */
const niact_options *niact_session_options(niact_session *s, int role);
/* The option of one action (NULL if the role may not order it, or on error). */
const niact_option *niact_session_option(niact_session *s, int role, int action);
/* Whether submitting this list for the role would be taken (role, parameters, the
 * scenario's tests, repeats, cost), without submitting it. NIACT_OK, or the refusal
 * with its reason on the handle. */
niact_status niact_session_check(niact_session *s, int role, const niact_order *orders, int n);
/* The seat's draft: orders it is writing this turn (not yet given). */
const niact_order *niact_session_draft(const niact_session *s, int role, int *n);

/* What a seat knows of one track, with the label of its value. */
typedef struct niact_known {
    niact_visibility vis;   /* NONE: nothing else is set */
    int32_t value;          /* true value (TRUE) or the seat's estimate (ESTIMATE) */
    int32_t error;          /* +/- of an estimate */
    int32_t turn_seen;      /* turn of the last observation (-1: only the starting guess) */
    const char *label;      /* the scenario's word for the value, or NULL */
} niact_known;
niact_status niact_session_track(const niact_session *s, int role, int track, niact_known *out);
/* The words for what a seat knows of a track, the one wording of every front end:
 *   true value      "12", or with a label "tense (3)"
 *   estimate        "~12 ±3", or with a label "tense? (est. 3 ±1)"
 *   nothing         "unknown"
 * Flags: NIACT_WORDS_ASCII writes "+/-" for "±" (a terminal); NIACT_WORDS_SEEN adds
 * " (not yet observed)" to an estimate that is still the starting guess. Returns the
 * length it wanted (as snprintf). */
#define NIACT_WORDS_ASCII 1u
#define NIACT_WORDS_SEEN 2u
size_t niact_known_text(const niact_known *k, unsigned flags, char *buf, size_t len);

/* ---- tell (commands in) ---------------------------------------------------------- */

/* Adds an order of `action` to the seat's draft. param: the parameter, or
 * NIACT_PARAM_SUGGESTED for the option's suggested one. The whole new draft is checked
 * as the core would check it; on refusal nothing changes. */
#define NIACT_PARAM_SUGGESTED INT32_MIN
niact_status niact_session_order(niact_session *s, int role, int action, int32_t param);
/* Removes order i (0-based) of the draft. */
niact_status niact_session_drop(niact_session *s, int role, int i);
/* Sets the parameter of draft order i; the new draft is checked whole first. */
niact_status niact_session_param(niact_session *s, int role, int i, int32_t param);
/* The seat gives its draft as its orders for the turn (checked again: a negotiation may
 * have changed what is possible); the draft is cleared once taken. */
niact_status niact_session_end_turn(niact_session *s, int role);

/* The orders an AI seat would give now (does not submit them). */
niact_status niact_session_ai_orders(niact_session *s, int role, niact_order *orders, int *n);
/* What a seat's scripted personality asked for this game and what of it was taken: its
 * illegal, repeated or unaffordable orders are dropped by niact_session_ai_orders, so a
 * personality whose every order is dropped plays as if it gave none (niact check warns). */
typedef struct niact_ai_tally {
    int32_t given;          /* orders the personality gave */
    int32_t kept;           /* of them, orders the core would take */
    int16_t first_dropped;  /* action of the first order dropped, -1 if none */
    char why[200];          /* why it was dropped (a bare reason) */
} niact_ai_tally;
const niact_ai_tally *niact_session_ai_tally(const niact_session *s, int role);
/* Random legal orders within the role's action points, from a generator seeded by the
 * game's seed, the turn and the role (so they never disturb the game's own chance). */
niact_status niact_session_random_orders(niact_session *s, int role, niact_order *orders,
                                         int *n);
/* Submits a role's orders as given (checked by the core): records and tests. */
niact_status niact_session_submit(niact_session *s, int role, const niact_order *orders, int n);
/* Submits orders for every AI seat that has not submitted, then resolves the turn and
 * keeps its inputs. */
niact_status niact_session_resolve(niact_session *s);
/* Plays every remaining turn with every seat as AI (for all-AI games and the simulator). */
niact_status niact_session_play_out(niact_session *s);

/* Inputs of resolved turns: count, and turn t's. */
int32_t niact_session_turns_played(const niact_session *s);
/* niact_game_stop on the session's game: a loaded game looked at whole (the debrief of an
 * unfinished game). Play and saving end there. */
niact_status niact_session_stop(niact_session *s);
const niact_turn_input *niact_session_input(const niact_session *s, int32_t t);

/* Negotiation through the session, so that it is kept for records. */
niact_status niact_session_propose(niact_session *s, int from, uint32_t to, int public_,
                                   const niact_term_item *terms, int n, int counter_of,
                                   int32_t *id);
/* Whether niact_session_propose would take this proposal now (the moderator's pause,
 * then every check of the core's niact_game_propose_check), without taking it: 1 or 0
 * with the reason in why and *term the refused term's index (-1: the proposal as a
 * whole). Changes nothing: not the game, not the session's last error, not its
 * generation. For a builder that says before Send what would be refused. */
int niact_session_propose_check(niact_session *s, int from, uint32_t to, int public_,
                                const niact_term_item *terms, int n, int counter_of,
                                int *term, char *why, size_t len);
niact_status niact_session_answer(niact_session *s, int role, int32_t id, int accept);
niact_status niact_session_withdraw(niact_session *s, int role, int32_t id);
niact_status niact_session_telegram(niact_session *s, int from, uint32_t to, const char *text);
/* A game's telegrams, bounded so that the largest legal game's record stays under
 * NIACT_RECORD_MAX_BYTES (tests/record/test_record_limits.c builds it): past either
 * bound a telegram is refused (NIACT_ERR_INVALID, saying so). Every other input of a
 * record is bounded by the core: proposals (the scenario's proposals_per_turn a seat a
 * turn, turns x roles x that at most NIACT_MAX_GAME_PROPOSALS, and a rollback that would
 * let the record hold more is refused; so answers and withdrawals too), orders
 * (NIACT_MAX_ORDERS a role a turn), turns (500), roles. */
#define NIACT_SESSION_MAX_TELEGRAMS 2000        /* telegrams in one game */
#define NIACT_SESSION_TELEGRAM_BYTES (1 << 20)  /* bytes of telegram text in one game */
/* Negotiation inputs so far, in order (index 0..count-1). */
size_t niact_session_input_count(const niact_session *s);
const niact_input *niact_session_input_at(const niact_session *s, size_t i);
/* Applies a recorded input (as the seat made it). */
niact_status niact_session_apply(niact_session *s, const niact_input *in);
/* An AI seat's negotiation for this turn, as engine/ai decides it (niact_ai_talk): it
 * answers proposals addressed to it and may make one proposal of its own. Done by
 * niact_session_resolve for AI seats before their orders. */
niact_status niact_session_ai_negotiate(niact_session *s, int role);

/* ---- tell: the one command queue ----------------------------------------------- */

/* Every command a seat can give, as one plain struct: no pointer, no handle, nothing
 * that points into a game, so a front end on another machine (the network server of
 * issue 13) can send it as bytes and the session checks it whole as untrusted input
 * (kind, role, ranges, a NUL inside text). The functions above (niact_session_order,
 * ..._telegram) are what niact_session_tell calls; front ends call niact_session_tell.
 *
 * Resolving a turn is not a seat's command: whoever runs the game (text play's loop, the
 * window's worker thread, a server) calls niact_session_resolve once every seat has
 * ended its turn. The session does not know who sent a command: a server must check that
 * cmd.role is the seat of the connection it came from. */
typedef enum niact_command_kind {
    NIACT_CMD_ORDER = 0, /* add an order of `action` with `param` (NIACT_PARAM_SUGGESTED:
                            the option's suggested one) to the seat's draft */
    NIACT_CMD_DROP,      /* remove draft order `index` (0-based) */
    NIACT_CMD_PARAM,     /* set the parameter of draft order `index` to `param` */
    NIACT_CMD_END_TURN,  /* give the draft as the seat's orders for the turn */
    NIACT_CMD_PROPOSE,   /* propose `terms` to `to` (public_: copied to all; id: the
                            proposal it counters, 0 for none); reply.id: the new id */
    NIACT_CMD_ANSWER,    /* accept (accept = 1) or reject proposal `id` */
    NIACT_CMD_WITHDRAW,  /* withdraw the seat's proposal `id` */
    NIACT_CMD_TELEGRAM,  /* send `text` to `to` */
    NIACT_CMD_SAVE,      /* save the game: `text` is a save name (niact_name_ok: no path)
                            kept as saves/NAME.json in the data folder; "" is the session's
                            save file (niact_session_set_save_file), else
                            saves/<scenario>-<seed>.json. reply.path: the file written.
                            Drafts are never saved; the seats' given orders are. */
    /* The moderator's (role must be NIACT_MODERATOR; a seat giving one is refused): */
    NIACT_CMD_PAUSE,     /* niact_session_pause */
    NIACT_CMD_RESUME,    /* niact_session_resume */
    NIACT_CMD_DEADLINE,  /* `param` seconds a turn (0: none); `text`: what late seats play
                            ("" or "none": no orders; else a personality) */
    NIACT_CMD_DEFAULT,   /* seat `index` plays the default now (niact_session_default) */
    NIACT_CMD_INJECT,    /* fire event `index` now */
    NIACT_CMD_MESSAGE,   /* `text` to every seat */
    NIACT_CMD_FREE_SEAT, /* free seat `index` */
    NIACT_CMD_ROLLBACK,  /* back to the start of turn `index` (1-based) */
    NIACT_CMD_COUNT
} niact_command_kind;

typedef struct niact_command {
    int32_t kind;            /* a niact_command_kind (an int: a wire may carry anything) */
    int32_t role;            /* the seat giving it */
    int32_t action;          /* ORDER: index in the scenario's actions */
    int32_t index;           /* DROP, PARAM: the draft order, 0-based */
    int32_t param;           /* ORDER, PARAM */
    uint32_t to;             /* PROPOSE, TELEGRAM: addressees, bit r = role r */
    int32_t public_;         /* PROPOSE */
    int32_t id;              /* ANSWER, WITHDRAW: the proposal; PROPOSE: the one countered */
    int32_t accept;          /* ANSWER */
    int32_t n_terms;         /* PROPOSE: at most NIACT_MAX_TERMS */
    niact_term_item terms[NIACT_MAX_TERMS];
    char text[NIACT_TELEGRAM_MAX + 1]; /* TELEGRAM, MESSAGE: the text; SAVE: the name;
                                          DEADLINE: the late seats' play */
} niact_command;

/* What a command gave back besides its status. */
typedef struct niact_reply {
    niact_status status;     /* as returned */
    niact_error error;       /* the error record (status NIACT_OK, kind NONE: none) */
    int32_t id;              /* PROPOSE: the new proposal's id */
    char path[4096];         /* SAVE: the file written */
} niact_reply;

/* A command with every field zero but kind and role (text ""). */
niact_command niact_command_make(niact_command_kind kind, int role);
/* Carries out one command, checked whole first: on refusal nothing changes (no draft,
 * no game, no file) and the error is on the handle and in *reply (reply may be NULL). */
niact_status niact_session_tell(niact_session *s, const niact_command *cmd, niact_reply *reply);
/* The file an empty-named SAVE writes (a --record or --load file a front end was given
 * on its own command line, never by a seat); NULL or "" for none. */
niact_status niact_session_set_save_file(niact_session *s, const char *path);
/* A command's kind as a word ("order", "save"), or "?" */
const char *niact_command_name(int32_t kind);

/* ---- the moderator (the teacher's seat) ------------------------------------------ */
/* What a moderator does is kept as an input in the order made, like a seat's
 * negotiation, so a record replays it (docs/records.md). Wall-clock time never enters
 * the game: a deadline is kept as the decision it led to ("the Soviet seat defaulted in
 * turn 3"), which replays identically whatever the clock says.
 *
 * Pause: while paused no seat can give its orders, propose, answer, withdraw or send a
 * telegram, no deadline runs and the turn does not resolve (a seat may still write its
 * draft). The moderator's own operations go on. */
#define NIACT_MODERATOR (-2)              /* niact_session_hear: everything, as it happens */
#define NIACT_SESSION_MAX_MODERATOR 2000  /* moderator inputs in one game (record bound) */
#define NIACT_SESSION_MAX_DEADLINE 86400  /* seconds */
niact_status niact_session_pause(niact_session *s);
niact_status niact_session_resume(niact_session *s);
int niact_session_paused(const niact_session *s);
/* Every turn from now on gives each human seat `seconds` to give its orders (0: no
 * deadline); a seat that has not given them by then plays `play`: a personality of the
 * scenario (or "random", or a search AI level), or NULL / "" / "none" for no orders. */
niact_status niact_session_set_deadline(niact_session *s, int32_t seconds, const char *play);
/* The deadline now: seconds a turn (0: none) and what a late seat plays ("" = no orders). */
int32_t niact_session_deadline(const niact_session *s, const char **play);
/* The front end's clock, in milliseconds of a monotonic clock (CLOCK_MONOTONIC): a turn's
 * countdown starts at the first tick of the turn (or of the deadline), paused time does
 * not count. When it has run out, every human seat that has not given its orders plays
 * the default (niact_session_default); *defaulted (may be NULL) gets how many. Replays
 * never tick: they read the decisions. */
niact_status niact_session_tick(niact_session *s, int64_t now_ms, int *defaulted);
/* Milliseconds left in this turn's countdown at now_ms (0 when it has run out), or -1
 * when no deadline runs (none set, or the game has ended). Paused: the time left when
 * the pause began (as of the last tick). */
int64_t niact_session_time_left(const niact_session *s, int64_t now_ms);
/* The seat has missed the deadline: it gives the default's orders now (its draft is
 * dropped). Refused for an AI seat, a seat that has given its orders, an ended or paused
 * game. */
niact_status niact_session_default(niact_session *s, int role);
/* Roles that defaulted in the turn under way (bit r). */
uint32_t niact_session_defaulted(const niact_session *s);
/* Fires one of the scenario's events now (niact_game_inject: whatever its condition and
 * chance). Seats that had given their orders this turn get them back as their draft, to
 * give again (bit r of niact_session_reopened until they do). */
niact_status niact_session_inject(niact_session *s, int event);
uint32_t niact_session_reopened(const niact_session *s);
/* A message to every seat, shown as from the moderator: plain text (niact_text_check,
 * line breaks allowed), 1-NIACT_TELEGRAM_MAX bytes; counts in the game's telegram
 * allowance. */
niact_status niact_session_message(niact_session *s, const char *text);
/* Frees a seat: its draft is dropped and its epoch moves on (a network host gives the seat
 * a new code and drops whoever held the old one). */
niact_status niact_session_free_seat(niact_session *s, int role);
uint32_t niact_session_seat_epoch(const niact_session *s, int role);
/* Rolls the game back to the start of `turn` (1-based, at most the turn under way): the
 * game is played again from its seed through the inputs of the turns before it, every
 * hash checked; the undone turns stay in the record (docs/records.md). Seats hear the
 * turn's opening news again, and a note. */
#define NIACT_SESSION_MAX_ROLLBACKS 100   /* rollbacks in one game (record bound) */
niact_status niact_session_rollback(niact_session *s, int32_t turn);

/* The history a record keeps: every turn in the order played, including turns a rollback
 * undid; the last is the turn under way. */
typedef struct niact_played {
    int32_t turn;                   /* the game's turn index (0-based) */
    int resolved;                   /* resolved: orders and hash are set */
    int last;                       /* the turn under way */
    uint64_t hash;                  /* state hash after it */
    const niact_turn_input *orders; /* every role's orders (resolved), else NULL */
    const niact_input *inputs;      /* its other inputs in order (a cut turn ends with
                                       its rollback) */
    size_t n_inputs;
} niact_played;
size_t niact_session_played_count(const niact_session *s);
int niact_session_played_at(const niact_session *s, size_t i, niact_played *out);

/* The true value of a track now (the moderator sees the truth; seats never do). */
niact_status niact_session_truth(const niact_session *s, int track, int32_t *value);

/* ---- the public view (what every seat may see: the projector) -------------------- */
/* Everything a projector, a seat's header or a moderator's room view may show to the
 * whole class, as plain data (no pointer: a network host can send it as bytes): the
 * calendar, the countdown, the pause, who has given orders this turn (never what), the
 * public news (log entries addressed to every seat), the tracks every seat sees truly,
 * and at the end the outcome and the scores (public once the game is over). Nothing in
 * it is read from a seat's private view, the truth or another seat's log: it is built
 * from what is told to every seat (tests/unit/test_public.c searches it for secrets). */
#define NIACT_PUBLIC_TRACKS 32        /* public tracks kept (the scenario's first ones) */
#define NIACT_PUBLIC_NEWS 48          /* news entries per call */
#define NIACT_PUBLIC_NEWS_BYTES 12288 /* bytes of their text per call */
typedef struct niact_public_track {
    int32_t track;                    /* index in the scenario's tracks */
    int32_t value;                    /* its value (every seat sees it truly) */
    char text[64];                    /* niact_known_text's words ("tense (3)") */
} niact_public_track;
typedef struct niact_public_news {
    int32_t turn;                     /* the turn it was written in (0-based) */
    int32_t kind;                     /* a niact_log_kind */
    uint64_t pos;                     /* its position in the log (a news_from for it) */
    uint32_t off, len;                /* its text: news_text[off .. off + len) */
} niact_public_news;
typedef struct niact_public {
    int32_t turn;                     /* the turn under way (0-based), or the turns played */
    int32_t turns;                    /* the scenario's turns */
    char date[NIACT_DATE_MAX];        /* the turn's date, NIACT_DATE_LONG */
    int ended;                        /* the game is over */
    int32_t outcome;                  /* a niact_outcome (NIACT_OUTCOME_NONE while running) */
    char outcome_title[64];           /* "settlement" (ended) */
    char outcome_text[2048];          /* the game's outcome text (ended; cut at a
                                         character if longer, ending in "...") */
    int32_t scores[NIACT_MAX_ROLES];  /* each role's score (ended; else 0) */
    int paused;                       /* the moderator paused the game */
    int32_t deadline;                 /* seconds a turn (0: none) */
    char default_play[32];            /* what a late seat plays ("": no orders) */
    int64_t left_ms;                  /* ms left in the turn's countdown, -1: none */
    int32_t n_roles;
    uint32_t humans;                  /* bit r: seat r is played by people */
    uint32_t given;                   /* bit r: seat r has given its orders this turn */
    uint32_t defaulted;               /* bit r: seat r missed this turn's deadline */
    int32_t n_tracks;
    niact_public_track tracks[NIACT_PUBLIC_TRACKS];
    uint64_t news_from, news_next;    /* the log positions read: [from, next) */
    int news_more;                    /* more public news after news_next (call again) */
    int32_t n_news;
    niact_public_news news[NIACT_PUBLIC_NEWS];
    char news_text[NIACT_PUBLIC_NEWS_BYTES]; /* the entries' texts, each NUL-ended */
} niact_public;
/* Fills *out with the public view at now_ms (the front end's monotonic clock, as
 * niact_session_tick), with the public news from log position news_from (0: from the
 * start; pass out->news_next of the last call to get only what is new). An entry longer
 * than NIACT_PUBLIC_NEWS_BYTES is cut at a character, ending in "...". */
niact_status niact_session_public(const niact_session *s, int64_t now_ms, size_t news_from,
                                  niact_public *out);

/* ---- the tools' entries (sim, check, debrief, replay, rules) ---------------------- */

/* A game kept only for its result (the simulator): no log text and no per-turn hash
 * (niact_game_set_quiet); the state and every result are the same. */
void niact_session_set_quiet(niact_session *s, int quiet);
/* The yardstick of the end: each role's score in the all-historical game of this game's
 * seed (every seat the scenario's "historical" personality, or its role's scripted actor
 * where that personality does not play it). Played once, in a private session on the
 * same host that no seat sees and no record keeps; later calls return the same scores.
 * scores gets n_roles scores (n must be at least that). NIACT_ERR_STATE (reason on the
 * handle) when the scenario has no historical personality for some role. */
niact_status niact_session_baseline(niact_session *s, int32_t *scores, int n);
/* One legality test asked now, uncached (each call asks the scenario once: `niact check`
 * asks twice and compares). Pure, as every question. NIACT_OK with *ok, or the failure
 * (*ok = 0) with its record on the handle; why (may be NULL) explains a 0. */
niact_status niact_session_legal(niact_session *s, const niact_order *o, int *ok, char *why,
                                 size_t len);
/* Called with the record of every callback the game voids (niact_game_set_error_hook),
 * e.g. by `niact check` to list them. fn NULL: none. */
void niact_session_set_error_hook(niact_session *s, niact_error_fn fn, void *ud);
/* The orders a named personality (or "random", or a search level) would give the role
 * now, as niact_session_ai_orders does for the seat's own: nothing is submitted (the
 * debrief's "what the historical AI would have ordered"). */
niact_status niact_session_suggest(niact_session *s, int role, const char *personality,
                                   niact_order *orders, int *n);

/* A record (save or replay) opened as a session that owns its scenario's host: a front
 * end never holds a host for it. */
typedef struct niact_replay_opts {
    const char *scenario;   /* NULL: the record's scenario looked up by its id; else a
                               name or folder, by the one lookup rule */
    int ignore_hashes;      /* 1: note the first mismatching turn but go on */
    /* Called after each turn the loader resolves, for replays shown as they go. */
    void (*on_turn)(void *ud, niact_session *s, int32_t turn);
    void *ud;
} niact_replay_opts;
typedef struct niact_replay_info {
    int32_t turns;          /* complete turns in the record */
    int32_t first_mismatch; /* with ignore_hashes: the first turn whose hash differed, or -1 */
    int partial;            /* the record held inputs of the turn under way */
    int cut;                /* its end was cut (a game stopped while writing it) */
    char scenario_dir[4096]; /* the scenario's folder */
} niact_replay_info;
/* Loads the record at path (niact_record_load: every turn replayed and its hash checked).
 * opts and info may be NULL. On failure *out is NULL and msg says why (naming the turn
 * where there is one). */
niact_status niact_session_open_record(const char *path, const niact_replay_opts *opts,
                                       niact_session **out, niact_replay_info *info,
                                       char *msg, size_t msglen);

/* ---- hear (events out) ----------------------------------------------------------- */

typedef enum niact_event_kind {
    NIACT_EVENT_LOG = 0,    /* a log entry the seat may read: news, a report, a telegram,
                               a proposal or an answer, an error (entry.kind says which) */
    NIACT_EVENT_TRACK,      /* a track the seat sees moved since it last looked */
    NIACT_EVENT_TURN,       /* a turn was resolved */
    NIACT_EVENT_END,        /* the game is over */
} niact_event_kind;

typedef struct niact_event {
    niact_event_kind kind;
    size_t index;           /* LOG: the entry's position in the game's log */
    niact_log_entry entry;  /* LOG: the entry (text valid until the next command) */
    int track;              /* TRACK: which */
    niact_known before;     /* TRACK: what the seat knew when it last looked (vis NONE:
                               it did not see the track) */
    niact_known now;        /* TRACK: what it knows now */
    int32_t turn;           /* TURN: turns resolved so far; END: the last turn */
    niact_outcome outcome;  /* END */
} niact_event;

/* Seat index for a spectator: hears what is told to every seat (public news, turns,
 * the end), nothing private, and no tracks. */
#define NIACT_SPECTATOR (-1)
/* NIACT_MODERATOR hears every log entry (any seat's), the turns and the end; no tracks. */
/* The seat's next event since it last looked: returns 1 and fills *ev, or 0 when it
 * has heard everything (its view of the tracks is then remembered for the next TRACK
 * events). Events come in the order they happened; TRACK events come last. */
int niact_session_hear(niact_session *s, int role, niact_event *ev);
/* The seat has heard everything before turn `turn` (a loaded game starts its seats at
 * the turn under way): LOG, TURN and END events of earlier turns are skipped and its view
 * of the tracks now is its starting point. */
void niact_session_heard_until(niact_session *s, int role, int32_t turn);
/* The log position of the seat's next unheard entry (everything before it was heard). */
size_t niact_session_heard(const niact_session *s, int role);
/* The seat hears again from log position pos (one niact_session_heard gave): what came
 * after it, and the turns and the end marked after it, are heard again (a network seat
 * that rejoins sees its turn's news again). pos past the log is the log's end. */
void niact_session_rewind(niact_session *s, int role, size_t pos);

/* ---- a seat played from another computer (the network window) -------------------- */
/* The host sends a remote seat its view as data (niact_session_seat_view: exactly what
 * that seat may know, read through the seat's own views); the client plays it on a
 * *remote session* (niact_session_remote): a session of the same scenario, loaded on the
 * client, whose game is a mirror (niact/mirror.h) filled only from those views. The
 * front end reads it as any session (niact_session_view, options, draft, track, hear);
 * its tell() goes to the host through io->tell, and its resolve() waits (io->wait) for
 * the host to move the turn on (NIACT_OK at once when the turn is over for the seat
 * already: the game ended, or its orders are not given). docs/architecture.md, "The net layer". */
typedef struct niact_remote_io {
    void *ud;
    /* Sends the command to the host and waits for its answer (filling *reply), applying
     * the views that come meanwhile (niact_session_remote_apply). */
    niact_status (*tell)(void *ud, niact_session *s, const niact_command *cmd,
                         niact_reply *reply);
    /* Waits until the turn under way is over for this seat (the turn moved on, the game
     * ended, its orders came back to its draft), applying views; an error when it must
     * stop waiting (the connection is lost for good, niact_session_remote_cancel). */
    niact_status (*wait)(void *ud, niact_session *s);
} niact_remote_io;
/* A remote session of `role` on a loaded host of the host's scenario (the session owns
 * neither host nor io; niact_session_own_host as usual). Until the first view it is the
 * scenario's setup with seed 0: show nothing before niact_session_remote_ready. */
niact_status niact_session_remote(niact_host *host, int role, const niact_remote_io *io,
                                  niact_session **out, char *msg, size_t msglen);
/* The seat a remote session plays, or -1 for a session that is not remote. */
int niact_session_remote_role(const niact_session *s);
/* Whether a view has been applied. */
int niact_session_remote_ready(const niact_session *s);
/* Applies one seat view (the JSON niact_session_seat_view wrote), checked whole as
 * untrusted input (sizes, counts, ranges, UTF-8): on a refusal nothing changes and the
 * reason is on the handle. now_ms: the caller's monotonic clock (for the countdown).
 * *moved (may be NULL): 1 if the turn, the phase or the seat's given orders changed. */
niact_status niact_session_remote_apply(niact_session *s, const char *json, size_t len,
                                        int64_t now_ms, int *moved);
/* Asks a waiting io->wait to stop (any thread); whether it was asked. */
void niact_session_remote_cancel(niact_session *s);
int niact_session_remote_cancelled(const niact_session *s);
/* Roles whose seats are played by people (the host's), for "waiting for". */
uint32_t niact_session_remote_humans(const niact_session *s);
/* The host's side: the view of `role` now as JSON (malloc'd, *len bytes, NUL-terminated):
 * its calendar, tracks as it knows them, history, scores, given orders, draft, options,
 * log, the proposals and commitments it may see, trust, pause, deadline and time left
 * at now_ms, and, once the game has ended, the truth and every score. */
niact_status niact_session_seat_view(niact_session *s, int role, int64_t now_ms, char **out,
                                     size_t *len);
/* A number that moves whenever something in `role`'s view may have changed by a command,
 * a resolution or the seat's draft (the moderator's pause and deadline are read apart):
 * a host builds a view again only then. */
uint64_t niact_session_generation(const niact_session *s, int role);
/* The same view with its time left left out: equal views, equal hashes (the host sends a
 * view again only when this changed, or the countdown needs a new reading). */
uint64_t niact_session_seat_view_hash(const char *json, size_t len);

/* Parses "historical" / "ai" / "ai:hawk" / "human" into a seat. Returns 0 or -1. */
int niact_seat_parse(const char *text, niact_seat *seat);
/* The seat a role has when no one asked for another: its scripted actor if the scenario
 * declares one (a role's `actor`), else human. */
void niact_seat_default(const niact_scenario *sc, int role, niact_seat *seat);

#endif
