/* The game window's drawing layer: fonts, palette, text, an immediate-mode widget set
 * with keyboard focus, and the per-frame input it reacts to. Private to engine/ui, the
 * only part of Niact that includes SDL.
 *
 * Every frame is drawn from scratch (immediate mode): a screen calls ui_button() and
 * friends in order; a widget draws itself, registers its rectangle for hit tests and
 * for the tab order, and returns 1 when activated by a click, Enter or Space. Frames
 * run only when an event needs one (the loop sleeps in SDL_WaitEvent). */
#ifndef NIACT_UI_H
#define NIACT_UI_H

#include <SDL.h>
#include <SDL_ttf.h>

#include <stdint.h>

/* Type faces: typewriter for headings and telegrams, a sans face for body and numbers. */
enum ui_face { FACE_TYPE, FACE_TYPE_BOLD, FACE_SANS, FACE_SANS_BOLD, FACE_COUNT };
/* Type sizes, in layout units (1 unit = 1 pixel on a 1280x720 window at 100 %). The
 * preset's five (SZ_SMALL .. SZ_TITLE), then SZ_FINE: four fifths of SZ_SMALL, only the
 * last resort of ui_text_fit, before any text is cut. */
enum ui_size { SZ_SMALL, SZ_BODY, SZ_H2, SZ_H1, SZ_TITLE, SZ_FINE, SZ_COUNT };
enum { SZ_THEMED = SZ_FINE }; /* the sizes a preset gives */

/* Text placement flags. */
enum {
    TX_LEFT = 0,
    TX_CENTER = 1,    /* centre each line horizontally */
    TX_RIGHT = 2,     /* right-align each line */
    TX_MIDDLE = 4,    /* centre the block vertically */
    TX_ONELINE = 8,   /* no wrapping: one line, ellipsis if too long */
    TX_MORE = 16,     /* a summary that may be cut: its whole text is readable elsewhere
                         (the detail panel, a sheet); without it a cut is a layout fault */
};

/* Palette: telegram paper and ink. State is never shown by colour alone: every
 * coloured mark has a label, a symbol or a pattern beside it. The colours are the
 * preset's (ui_set_preset): "paper", or "projector" (larger type, higher contrast). */
extern SDL_Color COL_PAPER, COL_PAPER_DARK, COL_PAPER_LIGHT, COL_INK, COL_INK_FADED,
    COL_RULE, COL_STAMP, COL_SEA, COL_LAND, COL_LAND_FOCUS, COL_FOCUS, COL_HOVER,
    COL_DISABLED, COL_SHADOW, COL_KEY_BG, COL_DIM, COL_MAP_VEIL;

enum { UI_PRESET_PAPER = 0, UI_PRESET_PROJECTOR, UI_PRESET_COUNT };

/* A preset: its colours and its type sizes (in layout units). */
typedef struct ui_theme {
    const char *name;
    SDL_Color paper, paper_dark, paper_light, ink, ink_faded, rule, stamp, sea, land, land_focus,
        focus, hover, disabled, shadow, key_bg, dim, map_veil;
    float size[SZ_THEMED]; /* SZ_SMALL .. SZ_TITLE */
} ui_theme;
const ui_theme *ui_theme_of(int preset);
/* "paper" or "projector" to its number, -1 if neither. */
int ui_preset_parse(const char *name);
const char *ui_preset_name(int preset);
/* Okabe-Ito colours (colour-blind safe), darkened to read on paper; one per role. */
SDL_Color ui_role_color(int role);

#define UI_MAX_WIDGETS 256
#define UI_MAX_RECORD 2048
#define UI_TEXT_CACHE 384

typedef struct ui_widget {
    uint32_t id;    /* caller's stable id (ui_id) */
    SDL_Rect r;     /* where it was drawn, in output pixels */
    SDL_Rect clip;  /* the clip in force when it was drawn (a scrolling list), or the screen */
    int focusable;  /* in the tab order */
} ui_widget;

/* What one drawn line of text occupied, against the box it was given (for tests). */
typedef struct ui_text_record {
    SDL_Rect drawn;  /* pixels the line covers (before any clipping) */
    SDL_Rect box;    /* the box it was given */
    SDL_Rect clip;   /* the clip in force (a scrolling list, the map), or the screen */
    int outside;     /* its visible pixels left its visible box */
    int cut;         /* the text was cut (an ellipsis, or lines left out) */
    int flags;       /* the TX_ flags it was drawn with (TX_MORE: the cut is allowed) */
    int inert;       /* drawn dimmed under an overlay (its widgets do not react) */
    char what[48];   /* the text's beginning, for a test's message */
} ui_text_record;

typedef struct ui_cached_text {
    uint64_t hash;        /* of face, size, colour and text */
    SDL_Texture *tex;
    int w, h;
    unsigned frame;       /* last frame it was used in */
} ui_cached_text;

/* Damage tracking (the window): each primitive drawn is listed as the part of the
 * output it can touch (its box, clipped) and a hash of everything that decides its
 * pixels there. Two frames' lists, matched in order, give the region that changed;
 * only that region is painted again and handed to the screen. */
typedef struct ui_dl_item {
    SDL_Rect r;  /* output pixels it may touch (never empty) */
    uint64_t h;  /* what it draws: kind, colour, geometry, texture content */
} ui_dl_item;
typedef struct ui_dl {
    ui_dl_item *it;
    int n, cap;
    int lost;    /* an allocation failed: the list is incomplete (paint everything) */
} ui_dl;

/* What the primitives do this frame. */
enum {
    UI_PAINT_ALL = 0, /* draw everything (tests, renderers that present whole frames) */
    UI_PAINT_NONE,    /* draw nothing: a frame run for its input, or to list what it draws */
    UI_PAINT_DAMAGE,  /* draw only within the damage rectangles (u->dmg), each apart */
};
#define UI_MAX_DAMAGE 6 /* rectangles, never overlapping (an overlap would blend twice) */

typedef struct ui {
    SDL_Window *win;            /* NULL when drawing onto a surface (tests) */
    SDL_Renderer *ren;
    int w, h;                   /* output size in pixels */
    float dpi;                  /* output pixels per window coordinate (HiDPI) */
    float scale;                /* the player's UI scale setting, 0.75 .. 2.0 */
    int preset;                 /* UI_PRESET_PAPER or UI_PRESET_PROJECTOR */
    float u;                    /* pixels per layout unit: fit to 1280x720 times scale */
    char assets[4096];          /* the assets folder */
    TTF_Font *fonts[FACE_COUNT][SZ_COUNT];
    int font_px[SZ_COUNT];      /* pixel size the fonts were opened at */
    int font_error;             /* a font could not be opened */
    /* Input for the frame being run. */
    int mx, my;                 /* pointer, output pixels (-1: outside) */
    int click;                  /* a left click was released at mx,my this frame */
    int wheel;                  /* wheel steps this frame (+ = up) */
    SDL_Keycode key;            /* key pressed this frame, 0 if none */
    uint32_t key_time;          /* SDL timestamp (ms) of the last key event fed */
    int key_repeat;             /* the last key event was the key's auto-repeat */
    uint16_t kmod;              /* its modifiers */
    int activate;               /* Enter/Space on the focused widget */
    char text_in[64];           /* text typed this frame (SDL_TEXTINPUT, UTF-8) */
    int eat_text;               /* the last key was a printable hotkey: its text is not typed */
    int typing;                 /* a text field had the focus in the last frame: Space
                                   types a space there instead of pressing it */
    /* Widgets of this frame and of the last one. */
    ui_widget wid[UI_MAX_WIDGETS], last[UI_MAX_WIDGETS];
    int n_wid, n_last;
    uint32_t focus;             /* focused widget id (0: none) */
    int focus_visible;          /* show the focus ring (keyboard was used) */
    uint32_t hot;               /* widget under the pointer in the last frame */
    int inert;                  /* widgets draw but do not react (under an overlay) */
    int relayout;               /* a list scrolled to follow the focus while this frame was
                                   drawn: draw it again before it is shown */
    SDL_Rect clip;              /* current clip (w=0: none) */
    /* Text texture cache, and text.c's cache of wrapped layouts. */
    ui_cached_text cache[UI_TEXT_CACHE];
    struct ui_wrap_cache *wraps;
    unsigned frame;
    /* Damage tracking (see ui_dl): what the primitives do, and where they are listed. */
    int paint;                  /* UI_PAINT_* */
    SDL_Rect dmg[UI_MAX_DAMAGE]; /* UI_PAINT_DAMAGE: the region painted, disjoint boxes */
    int n_dmg, dmg_k;           /* how many; the one being painted into */
    SDL_Rect clip_set;          /* the clip last given to the renderer */
    int clip_known;             /* clip_set is the renderer's (0 after a target change) */
    ui_dl *dl;                  /* list the primitives here (NULL: no list) */
    /* Test instrumentation: every drawn line of text, when record is set. */
    int record;
    ui_text_record *records;
    int n_records;
    int text_outside;           /* lines whose drawn pixels left their box (always counted) */
    int text_dropped;           /* texts not drawn at all: their box is lower than a line */
    int text_cut;               /* texts cut (ellipsis or lines left out) without TX_MORE:
                                   what they say cannot be read anywhere (always counted) */
} ui;

/* A stable widget id from a name and an index. */
uint32_t ui_id(const char *name, int index);

/* Sets up drawing on a renderer (window or software surface). assets is the assets
 * folder. Returns 0, or -1 with SDL_GetError() set. */
int ui_init(ui *u, SDL_Window *win, SDL_Renderer *ren, const char *assets);
void ui_free(ui *u);
/* Re-reads the output size and recomputes the unit; reopens fonts if it changed. */
void ui_resize(ui *u);
void ui_set_scale(ui *u, float scale);
/* Switches the preset: its colours (for every ui) and its type sizes. */
void ui_set_preset(ui *u, int preset);
/* Layout units to pixels. */
int ui_px(const ui *u, float units);
TTF_Font *ui_font(ui *u, int face, int size);
int ui_line_height(ui *u, int face, int size);

/* Frame bracket: ui_begin clears the widget list; ui_end swaps it in for hit tests and
 * moves focus for Tab / arrows. */
void ui_begin(ui *u);
void ui_end(ui *u);
/* Feeds one event into the next frame's input. Returns 1 if it needs a new frame. */
int ui_feed(ui *u, const SDL_Event *ev);
/* Clears the per-frame input (after the frame that consumed it). */
void ui_clear_input(ui *u);

/* Drawing. */
void ui_fill(ui *u, SDL_Rect r, SDL_Color c);
void ui_frame(ui *u, SDL_Rect r, SDL_Color c, int thickness);
void ui_hline(ui *u, int x0, int x1, int y, SDL_Color c, int thickness);
void ui_dashed_rect(ui *u, SDL_Rect r, SDL_Color c, int thickness);
void ui_line(ui *u, float x0, float y0, float x1, float y1, SDL_Color c, float width);
void ui_hatch(ui *u, SDL_Rect r, SDL_Color c, int step);
void ui_paper(ui *u, SDL_Rect r);
/* A drawn arrow pointing up (dir -1) or down (1) in the middle of r. */
void ui_arrow(ui *u, SDL_Rect r, int dir, int enabled);
void ui_push_clip(ui *u, SDL_Rect r, SDL_Rect *saved);
/* Triangles (SDL_RenderGeometry without a texture), listed for damage tracking. */
void ui_geometry(ui *u, const SDL_Vertex *v, int n, const int *idx, int n_idx);
/* A texture copied to dst; content is a hash of what the texture holds (text: its
 * cache hash; a map or the backdrop: a number changed whenever it is drawn anew). */
void ui_copy(ui *u, SDL_Texture *t, const SDL_Rect *src, SDL_Rect dst, uint64_t content);
/* The whole output filled with c (SDL_RenderClear ignores the clip: this keeps it). */
void ui_clear(ui *u, SDL_Color c);
/* Lists a primitive (box bb, content hash h) and says where to draw it: a mask of the
 * damage rectangles it touches (bit 0 alone when everything is painted), 0 when it is
 * clipped away or nothing is painted. Draw it once for each bit k, after
 * ui_damage_at(u, k). */
unsigned ui_emit(ui *u, SDL_Rect bb, uint64_t h);
void ui_damage_at(ui *u, int k);
/* Sets the renderer's clip to the current clip (and, when painting damage, within it). */
void ui_apply_clip(ui *u);
/* The region where lists a (on screen) and b (the new frame) differ, as at most
 * UI_MAX_DAMAGE disjoint boxes within the output w x h; returns how many (0: they draw
 * the same). */
int ui_dl_damage(const ui_dl *a, const ui_dl *b, int w, int h, SDL_Rect *out);
/* Whether two lists are the same. */
int ui_dl_equal(const ui_dl *a, const ui_dl *b);
void ui_dl_free(ui_dl *d);
void ui_pop_clip(ui *u, SDL_Rect saved);

/* Text: wraps into box (unless TX_ONELINE), clips with an ellipsis if it does not fit,
 * returns the height used in pixels. */
int ui_text(ui *u, int face, int size, SDL_Color c, SDL_Rect box, const char *text, int flags);
/* Text that must be read whole (a button's label, a heading): drawn at the largest size
 * from size down to min_size at which it fits in box, on one line if TX_ONELINE asks and
 * it can, else wrapped; cut (and counted) only if not even min_size wrapped fits.
 * Returns the size used. */
int ui_text_fit(ui *u, int face, int size, int min_size, SDL_Color c, SDL_Rect box,
                const char *text, int flags);
/* Height the text would take wrapped to width. */
int ui_text_height(ui *u, int face, int size, int width, const char *text);
/* Width of one line. */
int ui_text_width(ui *u, int face, int size, const char *text);
/* Forgets cached layouts (the fonts changed). */
void ui_text_cache_clear(ui *u);

/* Widgets. A button with a label; returns 1 when activated. */
int ui_button(ui *u, uint32_t id, SDL_Rect r, const char *label, int enabled);
/* A focusable, clickable region the caller draws itself; returns 1 when activated.
 * *state gets 1 if hovered, 2 if focused (both: 3). */
int ui_region(ui *u, uint32_t id, SDL_Rect r, int *state);
/* Whether widget id is hovered or focused now. */
int ui_is_hot(const ui *u, uint32_t id);
int ui_is_focused(const ui *u, uint32_t id);
void ui_set_focus(ui *u, uint32_t id);
/* A heading with a rule under it; returns its height. */
int ui_heading(ui *u, SDL_Rect r, const char *text);
/* Draws a focus ring around r if it holds the focus. */
void ui_focus_ring(ui *u, SDL_Rect r);
/* Whether a key was pressed this frame (and not used by a widget). */
int ui_key(ui *u, SDL_Keycode k);

#endif
