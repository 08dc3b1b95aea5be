/* A scenario's declarations, as the script host read them: roles, tracks, actions,
 * events, objectives, terms and the calendar. Immutable once loaded and shared by every
 * game of that scenario (a game holds a const pointer). The core knows only these
 * generic shapes; what they mean is the scenario's business. */
#ifndef NIACT_SCENARIO_H
#define NIACT_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#define NIACT_MAX_ROLES 8     /* seats a scenario may declare */
/* What a scenario's declarations may make the C side hold (docs/modding.md, "Limits"). */
#define NIACT_DECL_TEXT_MAX (16 * 1024)   /* bytes of one text (name, text, briefing...) */
#define NIACT_DECL_BYTES_MAX (4 << 20)    /* bytes of all the declarations' texts */
#define NIACT_DECL_MAX_LIST 4096          /* entries of one list (tracks, actions, labels...) */
#define NIACT_DECL_MAX_PERSONALITIES 64   /* scripted AI personalities */
#define NIACT_ACTOR_NAME_MAX 31           /* a role's actor: a personality name a seat holds */
#define NIACT_MAX_ORDERS 16   /* orders one role may give in one turn */
#define NIACT_MAX_TERM_PARAMS 1

/* What one role may know of a track. */
typedef enum niact_visibility {
    NIACT_VIS_NONE = 0,     /* nothing: the track is not in this role's view */
    NIACT_VIS_ESTIMATE = 1, /* an estimate with an error bar, updated by observations */
    NIACT_VIS_TRUE = 2,     /* the true value */
} niact_visibility;

/* Fields every declared object carries. */
typedef struct niact_meta {
    char *id;     /* short id, [a-z0-9_], unique within its kind */
    char *name;   /* display name */
    char *text;   /* what it is and what it does, for players ("" if none) */
    char *source; /* where it comes from (e.g. "telegram 1158, point 6") or "" */
    char *file;   /* scenario file that declared it */
    int line;     /* line of the declaration in that file */
} niact_meta;

typedef struct niact_role_def {
    niact_meta meta;
    int32_t action_points; /* points to spend on orders each turn */
    char *briefing;        /* opening briefing (Markdown), "" if none */
    char *actor;           /* the personality that plays the role when no person or AI
                              does (a seat "actor"); NULL if none */
} niact_role_def;

typedef struct niact_track_def {
    niact_meta meta;
    int32_t min, max, initial;               /* range and starting value */
    uint8_t vis[NIACT_MAX_ROLES];            /* niact_visibility per role */
    int32_t est_initial[NIACT_MAX_ROLES];    /* starting estimate (ESTIMATE roles) */
    int32_t est_error[NIACT_MAX_ROLES];      /* starting +/- error (ESTIMATE roles) */
    int n_labels;                            /* 0, or max-min+1 */
    char **labels;                           /* name of each value (a ladder's steps) */
    char *group;                             /* display group ("" if none) */
    int hidden;                              /* a scenario variable: in no role's view */
    int ladder;                              /* the escalation ladder: shown prominently */
    int estimate_declared;                   /* `estimate` was given (else initial +/- range/4) */
} niact_track_def;

typedef struct niact_action_def {
    niact_meta meta;
    uint32_t roles;          /* bit i set: role i may order it */
    int32_t cost;            /* action points */
    int32_t priority;        /* resolution order, lower first; ties by role, then order */
    int has_param;           /* takes an integer parameter */
    char *param_name;        /* what the parameter means ("days"), "" if none */
    int32_t param_min, param_max, param_default;
    int n_param_labels;      /* 0, or param_max-param_min+1 */
    char **param_labels;     /* a word for each level ("lift"), NULL if none declared */
    int repeatable;          /* may be ordered more than once in a turn */
    int has_legal;           /* the scenario supplies a legality test */
} niact_action_def;

typedef struct niact_event_def {
    niact_meta meta;
    int32_t turn;            /* scheduled turn (0-based), or -1 */
    char *date;              /* the scheduled date as declared, "" if none */
    int32_t chance;          /* per mille each eligible turn (1000 = always) */
    int has_condition;       /* the scenario supplies a condition */
    int once;                /* fires at most once per game */
    int opens_turn;          /* fires when its turn opens (before orders), not at resolution */
} niact_event_def;

/* A turning point of the historical record, for the debrief: what happened and when,
 * a question for discussion, and how to find it in a game: the first turn at whose end
 * a track reached a value (at least, or at most), or in which an action was ordered. */
typedef struct niact_turning_point {
    niact_meta meta;         /* text: what happened in the record; source */
    char *date;              /* the record's date(s), as written ("20 Nov 1962") */
    char *prompt;            /* a question for discussion; "" */
    int track;               /* the track that marks it, or -1 */
    int32_t value;           /* reached when track >= value (or <= with at_most) */
    int at_most;
    int action;              /* the action whose first order marks it, or -1 */
    uint32_t roles;          /* whose orders count (all if 0) */
} niact_turning_point;

typedef struct niact_objective_def {
    niact_meta meta;
    int role;                /* whose objective */
    int32_t weight;          /* share of the role's score */
} niact_objective_def;

typedef struct niact_term_def {
    niact_meta meta;
    uint32_t givers;         /* bit i set: role i can give this term */
    int has_param;
    char *param_name;
    int32_t param_min, param_max, param_default;
    int n_param_labels;      /* 0, or param_max-param_min+1 */
    char **param_labels;     /* a word for each value, NULL if none declared */
    int32_t window;          /* turns a commitment has to be met, counted from acceptance */
    int window_days;         /* the window is the parameter, in days (e.g. "within N days") */
    int has_legal;           /* the scenario tests whether it may be proposed */
    int has_check;           /* the scenario judges commitments to it */
    int secrecy;             /* niact_secrecy: how an agreement holding it may be made */
} niact_term_def;

/* Whether an agreement is public (every seat sees it) or secret (its parties only). */
typedef enum niact_secrecy {
    NIACT_SECRECY_EITHER = 0, /* the proposer chooses */
    NIACT_SECRECY_PUBLIC,     /* only in a public proposal */
    NIACT_SECRECY_SECRET,     /* only in a secret (private) proposal */
} niact_secrecy;

/* The scenario's rules of negotiation (its `negotiation` table). niact_scenario_init sets
 * the defaults the reader starts from (docs/modding.md gives them). */
typedef struct niact_negotiation_def {
    int32_t trust_start;        /* every role's trust when the game begins, 0-100 */
    int32_t trust_kept;         /* trust gained by keeping a commitment, 0-100 */
    int32_t trust_broken;       /* trust lost by breaking one, 0-100 */
    int32_t expiry;             /* turns after the one it was made in that a proposal may
                                   still be answered (0: only that turn) */
    int32_t proposals_per_turn; /* proposals one seat may make in one turn (the core takes
                                   niact_scenario_proposals_per_turn of it) */
    int32_t ai_trust_at_0;      /* percent of a promise's value the generic AI counts when
                                   its giver's trust is 0 ... */
    int32_t ai_trust_at_100;    /* ... and when it is 100 (linear between) */
    int secrecy;                /* niact_secrecy of terms that do not say */
} niact_negotiation_def;

/* An end of the game (niact_outcome is its index in niact_scenario.outcomes). Indices 0-4
 * are the engine's: running, settlement, war, last_turn (the calendar ran out), error;
 * a scenario's own outcomes follow. */
typedef struct niact_outcome_def {
    char *id;        /* "settlement", "stalemate": records, JSON, Lua */
    char *title;     /* for a sentence ("last turn") */
    char *stamp;     /* for a headline ("LAST TURN") */
    char *text;      /* the text when the scenario gives none */
    int32_t rank;    /* an end asked for in the same resolution replaces one of lower rank */
    int zero_scores; /* every role scores 0 (a war) */
    int declared;    /* the scenario may end the game with it (end_game, end_check) */
} niact_outcome_def;
struct niact_map; /* niact/map.h: what a scenario's map declares */

/* A variant of the scenario (a lesson-length game, a longer one): the same rules on
 * another calendar, with a deadline a host sets each turn. Chosen when the scenario is
 * loaded (niact_host_set_variant), kept in records; rules may ask state:variant(). */
typedef struct niact_variant_def {
    niact_meta meta;         /* id, name, text for the teacher, source */
    int32_t turns;           /* 0: the scenario's */
    int32_t days_per_turn;   /* 0: the scenario's step (or hours_per_turn's) */
    int32_t hours_per_turn;  /* 0: the scenario's step (or days_per_turn's) */
    int32_t deadline;        /* seconds a turn a host gives each turn; 0: none */
    char *absent;            /* what a seat past the deadline plays: a personality, "" none */
    int32_t minutes;         /* how long a game takes in a room, for the teacher; 0 unknown */
} niact_variant_def;

typedef struct niact_scenario {
    niact_meta meta;         /* id = folder name; name = title */
    char *version;           /* scenario version string */
    char *start_date;        /* the first turn: "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" */
    int32_t days_per_turn;   /* a calendar in days: days a turn; 0 in a calendar in hours */
    int32_t hours_per_turn;  /* a calendar in hours: hours a turn; 0 in a calendar in days */
    int32_t api_version;     /* the API version the scenario declares it is written for */
    int32_t turns;           /* number of turns */
    int end_on_error;        /* a callback error ends the game (else it is voided) */
    int n_roles;
    niact_role_def roles[NIACT_MAX_ROLES];
    int n_tracks;
    niact_track_def *tracks;
    int n_actions;
    niact_action_def *actions;
    int n_events;
    niact_event_def *events;
    int n_objectives;
    niact_objective_def *objectives;
    int n_terms;
    niact_term_def *terms;
    int n_personalities;
    char **personalities;    /* names of scripted AI personalities, sorted */
    uint32_t *personality_roles; /* [n_personalities] bit r: it plays role r */
    uint64_t content_hash;   /* FNV-1a over the scenario's files */
    char *debrief;           /* what really happened (Markdown), for the debrief; "" */
    int n_turning_points;
    niact_turning_point *turning_points; /* the record's turning points, for the debrief */
    niact_negotiation_def negotiation;  /* trust, expiry, caps, secrecy */
    int n_outcomes;          /* 0 (a scenario built in C): the engine's five, as outcome.c */
    niact_outcome_def *outcomes; /* [n_outcomes], index = niact_outcome */
    int timeout;             /* the outcome when the calendar runs out (3: last_turn) */
    char *subtitle;          /* one line under the name (title and new game screens); "" */
    char *blurb;             /* a few lines for the title screen (default: text) */
    struct niact_map *map;   /* the map it declares, NULL for none (niact/map.h) */
    int n_variants;
    niact_variant_def *variants; /* [n_variants], in the order declared */
    int variant;             /* 1 + the index of the variant played; 0: as declared */
} niact_scenario;

/* The defaults of the declarations read with no value (negotiation, timeout): what the
 * reader starts from, and what a scenario built in C gets. */
void niact_scenario_init(niact_scenario *sc);

/* Index of the role/track/action/event/objective/term with this id, or -1. */
int niact_scenario_role(const niact_scenario *sc, const char *id);
int niact_scenario_track(const niact_scenario *sc, const char *id);
int niact_scenario_action(const niact_scenario *sc, const char *id);
int niact_scenario_event(const niact_scenario *sc, const char *id);
int niact_scenario_term(const niact_scenario *sc, const char *id);
int niact_scenario_variant(const niact_scenario *sc, const char *id);
/* The variant being played, or NULL (the scenario as declared). */
const niact_variant_def *niact_scenario_variant_played(const niact_scenario *sc);

/* ---- the calendar ----
 * One calendar, in days (days_per_turn) or hours (hours_per_turn), from a start that may
 * carry a time ("1962-10-27 06:00"). Every date the game shows is made by
 * niact_scenario_format, in one of these styles; a calendar "shows time" when its turns
 * are not whole days or its start has a time, and then every style carries the time. No
 * locale and no time zone are consulted: the same text everywhere. */
#define NIACT_DATE_MAX 64 /* room for any style */
typedef enum niact_date_style {
    NIACT_DATE_ISO,   /* "1962-11-01", or "1962-10-27 06:00": state:date, records, JSON */
    NIACT_DATE_LONG,  /* "1 November 1962", or "27 October 1962, 06:00" */
    NIACT_DATE_SHORT, /* "1 Nov", or "27 Oct 06:00" */
    NIACT_DATE_SPAN,  /* the whole turn: "1-3 Nov 1962", "27 Oct 1962, 06:00-10:00" */
    NIACT_DATE_END,   /* where the turn ends: its last day "3 Nov", or "27 Oct 10:00" */
    NIACT_DATE_BOX,   /* the fewest characters: the day "1", or the hour "06" */
} niact_date_style;
/* Turn `turn` (0-based) in a style into buf. Returns 0, or -1 (buf "") if the calendar
 * is malformed, the date falls outside the years 0001-9999, or buf is too small. */
/* An order's or a term's parameter as words: "quarantine level: lift" when the scenario
 * names its levels (`param.labels`), else "level: 2" (the name up to its first " (",
 * "amount" if none). Writes into buf (always terminated) and returns it. */
const char *niact_param_words(const char *name, char *const *labels, int n_labels, int32_t mn,
                              int32_t v, char *buf, size_t len);
#define NIACT_PARAM_WORDS(d, v, buf)                                                        \
    niact_param_words((d)->param_name, (d)->param_labels, (d)->n_param_labels, (d)->param_min, \
                      (v), (buf), sizeof(buf))

int niact_scenario_format(const niact_scenario *sc, int32_t turn, niact_date_style style,
                          char *buf, size_t len);
/* The same in NIACT_DATE_ISO (buf >= 17 bytes). */
int niact_scenario_date(const niact_scenario *sc, int32_t turn, char *buf, size_t len);
/* Whether the calendar shows times (hours). */
int niact_scenario_shows_time(const niact_scenario *sc);
/* How long a turn lasts, in words: "3 days", "1 day", "4 hours". 0, or -1. */
int niact_scenario_step(const niact_scenario *sc, char *buf, size_t len);
/* The turns that cover `days` days (rounded up; 0 for days <= 0). */
int32_t niact_scenario_days_in_turns(const niact_scenario *sc, int32_t days);
/* The proposals a seat may make in one turn, as the core counts them: the scenario's
 * negotiation.proposals_per_turn, or (0, or more than a game may hold: only a scenario
 * built in C can say so, the loader refuses it) the most that keeps turns x roles x cap
 * within NIACT_MAX_GAME_PROPOSALS, at least 1. */
int32_t niact_scenario_proposals_per_turn(const niact_scenario *sc);
/* The most proposals a game of the scenario can hold: turns x roles x the cap above. A
 * game's commitments are at most NIACT_MAX_TERMS times this. */
int32_t niact_scenario_max_proposals(const niact_scenario *sc);
/* Turn in which a date ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM") falls (may be < 0 or >=
 * turns; a day without a time: the first turn that covers any of it), or INT32_MIN if
 * malformed. */
int32_t niact_scenario_turn_of(const niact_scenario *sc, const char *date);

/* Frees a scenario and everything it owns; NULL is fine. */
void niact_scenario_free(niact_scenario *sc);

#endif
