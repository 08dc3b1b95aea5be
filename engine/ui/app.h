/* The game window's application state: screens, the game being played through the
 * session API, and the parts of each screen that persist between frames. */
#ifndef NIACT_UI_APP_H
#define NIACT_UI_APP_H

#include "niact/record.h"
#include "niact/session.h"
#include "room.h"
#include "ui.h"

typedef enum ui_screen {
    SCR_TITLE = 0,  /* title: new game, settings, quit */
    SCR_NEWGAME,    /* scenario, seats, seed */
    SCR_HANDOVER,   /* hot seat: hide everything, name the next delegation */
    SCR_BRIEF,      /* what this seat learned since its last turn */
    SCR_DESK,       /* the main game screen */
    SCR_END,        /* outcome, scores, charts */
    SCR_RESOLVING,  /* the turn resolves in a worker thread (AI seats may search long) */
    SCR_MODERATOR,  /* niact host: the teacher's room (every seat, the truth, commands) */
    SCR_PROJECTOR,  /* niact host: what the whole class may see (the public view only) */
    SCR_COUNT
} ui_screen;

typedef enum ui_overlay {
    OV_NONE = 0, OV_PAUSE, OV_SETTINGS, OV_LOAD, OV_HELP,
    OV_PROPOSE,    /* the proposal builder (P) */
    OV_TELEGRAM,   /* the telegram composer (T) */
    OV_AGREEMENTS, /* proposals, agreements, commitments, trust (A) */
    OV_ENDTURN,    /* End turn asked with points unspent or proposals unanswered */
} ui_overlay;

/* A scenario's map as the window draws it (map.c): its declaration (niact/map.h) and
 * the coastlines' texture. */
typedef struct ui_map {
    const struct niact_map *decl; /* the scenario's, valid while that scenario is loaded */
    uint64_t key;            /* the scenario's content hash: with decl, what tex shows */
    SDL_Texture *tex;        /* coastlines rendered at tex_w x tex_h */
    int tex_w, tex_h;
    SDL_Renderer *tex_ren;   /* the renderer the texture belongs to */
    int tex_preset;          /* the preset whose colours it was drawn in */
    uint64_t tex_serial;     /* changes whenever the texture is drawn anew */
    uint32_t used;           /* when last asked for (the cache keeps the newer) */
} ui_map;
#define UI_MAP_CACHE 2       /* maps kept drawn (title or new game, and the game) */

#define UI_MAX_SCENARIOS 16
#define UI_MAX_SAVES 8

/* What the title and new game screens say of a scenario offered, from its declaration. */
typedef struct ui_scen_info {
    int loaded;               /* looked at (ok or not) */
    int ok;                   /* it loads */
    int origin;               /* 0 bundled, 1 the user's (installed), 2 given (a folder) */
    int has_map;
    char title[128];          /* its name, or the folder's name if it does not load */
    char subtitle[200];
    char blurb[600];
} ui_scen_info;

/* A save the load menu offers. */
typedef struct ui_save {
    char path[4096];
    char label[160];   /* file name and when it was written */
    char detail[240];  /* scenario, turn, seats and outcome (running or finished) */
} ui_save;

/* A track that moved since the seat's last turn, as the session told it. */
typedef struct ui_change {
    int track;
    niact_known before;                 /* what the seat knew then (vis NONE: nothing) */
} ui_change;

/* The game being played: a session, and where each seat's news begins. */
typedef struct ui_play {
    niact_session *s;                   /* owned, with its host; NULL when no game */
    const niact_game *g;                /* the game, read only (niact_session_view) */
    const niact_scenario *sc;
    niact_seat seats[NIACT_MAX_ROLES];
    int humans;                         /* human seats */
    int role;                           /* the seat at the desk now (-1: none) */
    size_t brief_from[NIACT_MAX_ROLES]; /* log position of the seat's news this turn */
    ui_change *changes;                 /* [n_tracks] tracks that moved for the seat */
    int n_changes;
    char msg[256];                      /* why the last order was refused ("" if none) */
    char autosave_path[4096];           /* this game's autosave ("" until the first) */
    char save_warn[400];                /* the last autosave or record write failed: why */
    int32_t opened_turn;                /* the turn play_open_turn opened last (a remote
                                           seat's pump notices when the host moved on) */
} ui_play;

/* The negotiation sheets' drafts: a proposal and a telegram, kept while the same seat
 * closes and reopens a sheet, cleared for another seat. */
#define NEGO_TERM_WHY 48 /* terms whose reason the builder keeps (more: asked when drawn) */
typedef struct ui_nego {
    int role;                           /* whose drafts these are (-1: none) */
    uint32_t to;                        /* proposal: addressees */
    int public_;                        /* proposal: copied to every role */
    int32_t counter_of;                 /* proposal: the one it counters, 0 */
    int n;                              /* proposal: terms picked */
    niact_term_item items[NIACT_MAX_TERMS];
    int explain;                        /* term the builder explains (-1: none) */
    uint32_t tg_to;                     /* telegram: addressees */
    char text[NIACT_TELEGRAM_MAX + 1];  /* telegram: its text */
    int scroll_terms, scroll_sum, scroll_explain, explain_shown, scroll_text, scroll_props,
        scroll_commits;
    char msg[400];                      /* what the last send did */
    int scroll_msg;                     /* its box's scroll, when it is longer */
    int msg_refused;                    /* msg is a refusal */
    uint64_t refused_key;               /* the check's key when msg was refused (0: unset) */
    uint64_t chk_key;                   /* what the check below was made for (0: not yet) */
    int chk_ok;                         /* the proposal as it stands would be taken */
    char chk_why[300];                  /* else why not (as Send would say) */
    char term_why[NEGO_TERM_WHY][200];  /* term t alone cannot be offered now: why ("" can) */
} ui_nego;

/* The moderator window's controls (scr_room.c). */
#define UI_ROOM_NEWS 4 /* the latest public news the host's window shows */
typedef struct ui_mod {
    int view;                 /* the panel shows: -1 the truth, else that seat's view */
    int32_t deadline;         /* seconds the deadline control holds */
    int play;                 /* late seats play: 0 no orders, k a personality (k-1) */
    int event;                /* the event the inject control holds */
    int32_t rollback;         /* the turn (1-based) the rollback control holds */
    char text[NIACT_TELEGRAM_MAX + 1]; /* the message to every seat being written */
    char msg[400];            /* what the last command did, or why not */
    int refused;              /* msg is a refusal */
    int over;                 /* the host's loop said the game is over */
    int scroll_view, scroll_news, scroll_controls; /* the three columns' scroll */
    int scroll_text;          /* the message field's own scroll (kept at its end as typed) */
    char date_buf[NIACT_DATE_MAX];
    /* room_pass: when it last asked for a frame, and whether the host was busy then. */
    uint64_t last_half;
    int was_busy;
    /* The latest public news (the projector's and the news column's), read again when
     * the log moves: a ring of UI_ROOM_NEWS texts, the newest at news_head - 1. */
    char news[UI_ROOM_NEWS][2048];
    int32_t news_turn[UI_ROOM_NEWS]; /* the turn each was written in (0-based) */
    int n_news, news_head, news_valid;
    size_t news_seen;         /* the log's size when it was read */
} ui_mod;

typedef struct app app;
struct app {
    ui ui;
    ui_screen scr;
    ui_overlay ov;
    uint32_t handover_shown;  /* SDL ticks when the hand-over screen was first presented
                                 (0: not on screen yet); keys need to come after it */
    int quit;                 /* leave the loop */
    int fullscreen;
    char settings_path[4096]; /* where the settings are remembered ("" : not, as in tests) */
    int win_w, win_h;         /* the window's last size out of full screen */
    /* Frugal frames (the real window only; tests draw every frame whole). */
    int frugal;               /* cache the dimmed screen under an overlay */
    SDL_Texture *backdrop;    /* that screen, dimmed, as it was last drawn */
    int bd_w, bd_h, bd_ov, bd_scr, bd_preset;
    float bd_scale;
    unsigned bd_gen, gen;     /* gen: bumped by input or news that may change the screen */
    uint64_t bd_serial;       /* changes whenever the backdrop is drawn anew */
    /* Partial frames (the window, on a software renderer): only the region that changed
     * is painted and handed to the screen (see ui_dl). */
    int partial;
    int full_damage;          /* paint the whole window next (exposed, resized, first) */
    ui_dl dl_shown, dl_next, dl_check; /* on screen; the frame being listed; its painting */
    long n_skipped;           /* frames that changed nothing on screen */
    double px_damaged;        /* pixels painted and handed over (NIACT_UI_TIMING) */
    long last_px;             /* pixels the last presented frame painted (0: none) */
    uint64_t look;            /* the type sizes, preset, scale and size last presented */
    /* NIACT_UI_TIMING: the CPU the frames took (CLOCK_PROCESS_CPUTIME_ID). */
    int timing;
    double cpu_frames_ms, cpu_max_ms, cpu_present_ms;
    long n_frames, n_presented;
    /* New game. */
    char scen[UI_MAX_SCENARIOS][4096]; /* names or folders of the scenarios offered */
    ui_scen_info scen_info[UI_MAX_SCENARIOS];
    int n_scen, scen_idx;
    int scroll_scen;          /* first scenario shown in the new game list */
    char want_scen[4096];     /* --scenario: offered and chosen first ("" if none) */
    niact_host *title_host;   /* the scenario whose map the title shows (NULL: none) */
    int title_scanned;        /* the title has looked for the bundled scenarios */
    niact_host *cfg;          /* the chosen scenario, loaded (moves into the game) */
    char cfg_error[1024];
    niact_seat seats[NIACT_MAX_ROLES];
    uint64_t seed;
    int seed_typing;          /* digits typed into the seed field so far */
    int variant;              /* new game: 1 + the index of the scenario's variant chosen;
                                 0: as declared */
    /* The game. */
    ui_play play;
    /* Desk state. */
    int tab;                  /* 0: inbox (reports), 1: news, 2: the seat's objectives */
    int scroll_news, scroll_tracks, scroll_cards, scroll_orders;
    int detail_kind, detail_idx; /* what the detail panel explains (1: action, 2: track) */
    int detail_last_kind, detail_last_idx, detail_role; /* what it explained last, for whom:
                                 it stays while the pointer or focus is elsewhere (its
                                 scroll buttons), so the whole text can be scrolled to */
    int scroll_detail;        /* the detail panel's scroll */
    int detail_shown;         /* the subject scroll_detail belongs to */
    int page_left, page_right; /* compact desk: the page each column shows (layout.c) */
    int end_page;             /* end screen: the page of charts shown */
    int map_key_hidden;       /* the map key is folded away (K) */
    int scroll_key;           /* the map key's scroll (when it is taller than the map) */
    int scroll_help;          /* the F1 sheet's scroll */
    int scroll_brief;         /* the briefing's right column */
    int scroll_setup, scroll_about; /* new game: the seats column, the scenario's text */
    int scroll_outcome, scroll_scores; /* end: the outcome's text, the scores column */
    ui_map maps[UI_MAP_CACHE]; /* map.c: map_of */
    uint32_t map_clock;
    uint32_t back_focus;      /* focus to restore when an overlay closes */
    char note[256];           /* a one-line notice shown on the title screen */
    ui_nego nego;             /* negotiation sheets */
    /* Records. */
    char record_path[4096];   /* --record FILE: a turn appended after every turn */
    niact_record_writer record_w;   /* appends to it (niact_record_append) */
    niact_record_writer autosave_w; /* appends to the game's autosave */
    int no_autosave;          /* --no-autosave */
    char save_msg[512];       /* what the last save or load did (pause and load menus) */
    ui_save saves[UI_MAX_SAVES];
    int n_saves;
    ui_overlay load_back;     /* the overlay the load and help sheets return to */
    uint32_t scan_ticks;      /* when the title screen last looked for saves (0: never) */
    /* Resolution off the main thread: while it runs, nothing else touches the session. */
    uint32_t work_event;      /* SDL event the worker pushes when done (0: work inline) */
    SDL_Thread *worker;       /* resolving now, or NULL */
    int work_play_out;        /* the worker plays the whole game out (no human seat) */
    niact_status work_status; /* what the worker's call returned */
    char work_title[160];     /* what the resolving screen says */
    /* A seat played from another computer (netseat.c): the link to the host, and what
     * the loop calls between frames to hear it (1: a frame is needed). NULL: local. */
    void *link;
    int (*pump)(struct app *a);
    /* niact host: the room the moderator window runs (NULL in play). */
    ui_room *room;
    ui_mod mod;
};

/* ---- flow.c: driving the session ---- */
/* Starts a game on the host (the session takes ownership). Returns 0, or -1 with note set. */
int play_start(app *a, niact_host *host, const niact_seat *seats, uint64_t seed);
/* Plays on a session (a new or a loaded game) that owns its host, taking ownership. */
int play_adopt(app *a, niact_session *s);
void play_stop(app *a);
/* Action points left for the seat after its draft. */
int32_t play_points_left(ui_play *p, int role);
/* The seat's draft orders: how many, and order i (NULL past the end). */
int play_n_orders(const ui_play *p);
const niact_order *play_order(const ui_play *p, int i);
/* Adds / removes / changes a draft order through the session; refusals go to p->msg. */
int play_add_order(ui_play *p, int action);
void play_remove_order(ui_play *p, int i);
void play_change_param(ui_play *p, int i, int delta);
/* The seat ends its turn; moves to the next seat, resolving when all have given
 * orders. Sets the screen that follows. */
void play_end_turn(app *a);
/* A remote seat's orders are with the host: wait (in the worker) for the turn to move. */
void play_wait_host(app *a);
/* The worker finished (its event arrived): collect it and open the next turn. */
void play_work_done(app *a);
/* Waits for a running worker (before the game is freed). */
void play_join(app *a);
/* The seat has read its briefing: its log cursor moves to the end. */
void play_mark_read(app *a);
/* The screen that opens a seat's turn (handover for hot seat, else briefing). */
void play_open_turn(app *a);
/* Whether action a may be ordered by the seat now (the session's option); why gets the
 * bare reason if not ("" when the scenario gave none). */
int play_action_legal(ui_play *p, int action, char *why, size_t len);
/* The outbox's note that the seat may not order action now (why: its bare reason). */
void play_refused(ui_play *p, int action, const char *why);
/* Text for what the role knows of a track: "tense", "~30 ±10" (an estimate), "unknown". */
void play_track_text(const ui_play *p, int role, int track, char *buf, size_t len);
/* The calendar date of turn t, long form ("7 November 1962"). */
void play_date(const niact_scenario *sc, int32_t t, char *buf, size_t len);

/* ---- saves.c: records ---- */
/* Saves the game under way as saves/<scenario>-<seed>.json; the seat at the desk keeps
 * its unsent orders out of it. Reports in save_msg. */
void saves_save(app *a);
/* After a new game starts and after every resolved turn: the autosave (one file per
 * game) and the --record file. A failure is written to stderr and kept in the desk's
 * save_warn until a write succeeds. */
void saves_after_turn(app *a);
/* The same for a session not yet adopted (a new game, before its first turn). */
void saves_write(app *a, niact_session *s, char *autosave_path, size_t pathlen, char *warn,
                 size_t warnlen);
/* Loads a record (a path, or a save name in the data folder) and plays on. Returns 0, or
 * -1 with save_msg set. */
int saves_load(app *a, const char *path_or_name);
/* Fills the load menu with the newest saves and autosaves, each with its turn, seats and
 * outcome. */
void saves_scan(app *a);
void ov_load(app *a);

/* ---- screens ---- */
void scr_title(app *a);
void scr_newgame(app *a);
void scr_handover(app *a);
/* Keys pressed less than this long after the hand-over screen appeared do not open the
 * next seat's desk (an Enter that followed the E ending the last seat's turn). */
#define HANDOVER_GUARD_MS 400
void scr_brief(app *a);
void scr_desk(app *a);
void scr_end(app *a);
void scr_resolving(app *a);
/* niact host (scr_room.c): the moderator's room and the projector view. */
void scr_moderator(app *a);
void scr_projector(app *a);
/* Opens the room's screen (the moderator's, or the projector's with --projector-window). */
void room_open(app *a, ui_room *room);
/* One pass of the room: the host's loop ticked (never waiting). Returns 1 if the screen
 * should be drawn again (the room moved, or the countdown's second changed). */
int room_pass(app *a);
/* The moderator's countdown as it shows it: "4:05", "4:05 PAUSED", "no deadline". */
void room_clock_text(app *a, char *buf, size_t len);
/* The projector's lines, from the public view alone (what scr_projector draws, for the
 * tests): each line NUL-ended one after the other in buf; returns how many. */
int projector_lines(const niact_scenario *sc, const niact_public *pub, char *buf, size_t len);
void ov_pause(app *a);
void ov_settings(app *a);
/* Why End turn asks first (points the seat may still spend, proposals waiting for its
 * answer), in words into buf; 0 if nothing (the turn ends at once). */
int endturn_reasons(app *a, char *buf, size_t len);
/* The question End turn asks (OV_ENDTURN): End turn (Enter or E) or Back (Esc). */
void ov_endturn(app *a);
/* The seat's score and each of its objectives with its score (as the game lets the seat
 * see them: its own), with each objective's text when with_text; returns the height. */
int play_objectives(app *a, SDL_Rect r, int with_text);
void ov_help(app *a);
/* New game screen: loads the scenario at scen_idx into cfg. */
void newgame_load(app *a);
/* Opens the new game screen (scanning the bundled scenarios). */
void newgame_open(app *a);
/* Finds the scenarios to offer (the ones given, the bundled, the user's) and reads each
 * one's name, subtitle and blurb; keeps the featured one (the one asked for, else the
 * first bundled with a map) in title_host for the title's map. */
void scenarios_scan(app *a);

/* ---- desk panels (desk_*.c) ---- */
void desk_tracks(app *a, SDL_Rect r);
void desk_ladder(app *a, SDL_Rect r, int track);
void desk_cards(app *a, SDL_Rect r);
void desk_orders(app *a, SDL_Rect r);
void desk_detail(app *a, SDL_Rect r);
void desk_log(app *a, SDL_Rect r);
/* Open proposals awaiting the seat's answer, from r.y down; returns the height used. */
int desk_proposals(app *a, SDL_Rect r);
/* How many proposals await the seat's answer. */
int desk_awaiting(const ui_play *p);
/* A scrolling list: clips to r, applies wheel to *scroll when hovered. Returns the y of
 * the first item; close with list_end. */
int list_begin(app *a, SDL_Rect r, int *scroll, SDL_Rect *saved);
void list_end(app *a, SDL_Rect r, int *scroll, int content_h, SDL_Rect saved);
/* Keeps the focused item of a list visible. */
void list_follow(app *a, SDL_Rect view, SDL_Rect item, int *scroll, uint32_t id);
/* One log entry as a telegram slip at r.x, r.y, r.w wide; returns its height. fresh
 * marks it NEW. */
int log_entry_draw(app *a, SDL_Rect r, const niact_log_entry *e, int fresh);
/* Markdown to plain text for the briefing: heading marks and emphasis dropped. */
void ui_markdown_plain(const char *md, char *out, size_t len);
/* Opens the pause menu, remembering the focus. */
void app_open_pause(app *a);
/* Draws a role's marker: a shape per role, so roles never differ by colour alone. */
void ui_role_mark(ui *u, int role, int cx, int cy, int size);

/* ---- negotiation sheets (nego_*.c) ---- */
/* Opens the proposal builder: a fresh draft countering pr (NULL: the seat's draft). */
void nego_open_propose(app *a, const niact_proposal *pr);
void nego_open_telegram(app *a);
void nego_open_agreements(app *a);
void ov_propose(app *a);
void ov_telegram(app *a);
void ov_agreements(app *a);
/* A large sheet for a negotiation overlay with its heading; returns the inner area. */
SDL_Rect nego_sheet(ui *u, const char *title);
/* One toggle button per other role in r (one row); flips bits of *to. locked: shown,
 * not changed. Returns the height used. */
int nego_addressees(app *a, SDL_Rect r, const char *name, uint32_t *to, int locked);
/* Makes the drafts the seat's own (cleared when another seat left them). */
void nego_own(app *a);
/* A button label, or its short form when the long one does not fit in width w. */
const char *nego_fit_label(ui *u, int w, const char *longer, const char *shorter);
/* Closes a negotiation sheet, back to the desk. */
void nego_close(app *a);
/* "United States" or "the United States and the Soviet Union" for a mask. */
void nego_roles_text(const niact_scenario *sc, uint32_t mask, char *buf, size_t len);

/* ---- map.c ---- */
/* The map a scenario declares, as drawn (cached), or NULL if it declares none. */
ui_map *map_of(app *a, const niact_scenario *sc);
void map_cache_free(app *a);
/* Draws the map and what the seat knows into r. */
void map_draw(app *a, ui_map *m, SDL_Rect r);
/* Draws the map only, dimmed (title background). */
void map_draw_plain(ui *u, ui_map *m, SDL_Rect r);

/* ---- app.c ---- */
/* Runs one frame (input already fed) and presents it when present is set. */
void app_frame(app *a, int present);
int app_init(app *a, SDL_Window *win, SDL_Renderer *ren, const char *assets);
void app_free(app *a);
/* Finds the assets folder, <bundled data>/assets (niact_path_bundled); returns 0, or -1
 * with msg set (msg may be NULL). */
int ui_find_assets(char *out, size_t len, char *msg, size_t msglen);
/* Handles one event; returns 1 if a frame is needed. */
int app_event(app *a, const SDL_Event *ev);
/* Opens the window with the window options in argv (--size, --scale, --fullscreen;
 * anything else is refused, naming cmd), lets start(a, ctx) set up the screen, and runs
 * the loop. Returns the exit code. */
int niact_ui_window(int argc, char **argv, const char *cmd, int (*start)(app *, void *),
                    void *ctx);
/* netseat.c: niact join HOST --code CODE in the window. ui_link_open connects, checks
 * that this computer has the host's scenario (its content hash), and waits for the seat's
 * first view: 0, or the exit code (the reason printed). ui_link_start is the window's
 * start (ctx: the link); ui_link_close hangs up. */
typedef struct ui_link ui_link;
int ui_link_open(const char *where, const char *code, ui_link **out);
int ui_link_start(app *a, void *ctx);
void ui_link_close(ui_link *l);
/* Tests: the connection drops as a failing network would (the link reconnects by itself
 * with the seat's code); whether it is connected. */
void ui_link_drop(ui_link *l);
int ui_link_connected(const ui_link *l);
int niact_ui_join(int argc, char **argv, const char *where, const char *code);
/* Writes the settings file (scale, preset, window size, full screen) when the app has one;
 * a failure is printed on stderr. */
void app_save_settings(app *a);
/* The settings sheet's and the keys' changes: each is remembered at once. */
void app_set_scale(app *a, float scale);
void app_set_preset(app *a, int preset);
void app_set_fullscreen(app *a, int on);

#endif
