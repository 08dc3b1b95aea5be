/* The new game screen: scenario, each seat human or AI with its personality, seed. */
#include "app.h"
#include "map.h"
#include "niact/hash.h"
#include "niact/paths.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static int has_scenario(const char *dir) {
    char p[4400];
    struct stat st;
    snprintf(p, sizeof p, "%s/scenario.lua", dir);
    return stat(p, &st) == 0;
}

/* Adds a scenario to the list (once); returns its index, or -1 when the list is full. */
static int add_scen(app *a, const char *name, int origin) {
    for (int i = 0; i < a->n_scen; i++)
        if (!strcmp(a->scen[i], name)) {
            if (!strchr(name, '/')) /* a bare name is where the folders found it */
                a->scen_info[i].origin = origin;
            return i;
        }
    if (a->n_scen >= UI_MAX_SCENARIOS)
        return -1;
    memset(&a->scen_info[a->n_scen], 0, sizeof a->scen_info[0]);
    a->scen_info[a->n_scen].origin = origin;
    snprintf(a->scen[a->n_scen], sizeof a->scen[0], "%s", name);
    return a->n_scen++;
}

static int cmp_name(const void *x, const void *y) {
    return strcmp((const char *)x, (const char *)y);
}

/* Adds the scenarios of one folder, the bundled or the user's (niact/paths.h), sorted
 * by name. */
static void scan_folder(app *a, const char *root, int origin) {
    DIR *d = opendir(root);
    if (!d)
        return;
    char names[UI_MAX_SCENARIOS][72];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < UI_MAX_SCENARIOS) {
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", root, e->d_name);
        if (niact_name_ok(e->d_name) && strlen(e->d_name) < sizeof names[0] && has_scenario(p))
            snprintf(names[n++], sizeof names[0], "%s", e->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], cmp_name);
    for (int i = 0; i < n; i++)
        add_scen(a, names[i], origin);
}

/* Reads what a scenario declares about itself (once). Returns its host when keep is
 * set and it loaded, else NULL. */
static niact_host *scen_look(app *a, int i, int keep) {
    ui_scen_info *in = &a->scen_info[i];
    if (in->loaded && !keep)
        return NULL;
    char dir[NIACT_PATH_MAX], msg[1024];
    niact_host *h = NULL;
    in->loaded = 1;
    in->ok = niact_session_load(a->scen[i], NULL, &h, dir, sizeof dir, msg, sizeof msg) ==
             NIACT_OK;
    const char *slash = strrchr(a->scen[i], '/');
    if (!in->ok) {
        snprintf(in->title, sizeof in->title, "%.100s",
                 slash && slash[1] ? slash + 1 : a->scen[i]);
        snprintf(in->subtitle, sizeof in->subtitle, "does not load");
        in->blurb[0] = 0;
        niact_host_free(h);
        return NULL;
    }
    const niact_scenario *sc = niact_host_scenario(h);
    snprintf(in->title, sizeof in->title, "%s", sc->meta.name);
    snprintf(in->subtitle, sizeof in->subtitle, "%s", sc->subtitle ? sc->subtitle : "");
    snprintf(in->blurb, sizeof in->blurb, "%s", sc->blurb ? sc->blurb : sc->meta.text);
    in->has_map = sc->map != NULL;
    if (keep)
        return h;
    niact_host_free(h);
    return NULL;
}

void scenarios_scan(app *a) {
    char base[NIACT_PATH_MAX], root[NIACT_PATH_MAX + 32];
    if (a->want_scen[0])
        add_scen(a, a->want_scen, strchr(a->want_scen, '/') ? 2 : 0);
    if (niact_path_bundled(base, sizeof base, NULL, 0) == 0) {
        snprintf(root, sizeof root, "%s/scripts/scenarios", base);
        scan_folder(a, root, 0);
    }
    if (niact_path_data_home("scenarios", 0, base, sizeof base, NULL, 0) == 0)
        scan_folder(a, base, 1);
    for (int i = 0; i < a->n_scen; i++)
        scen_look(a, i, 0);
    if (a->title_host)
        return;
    /* The title's map: the scenario asked for, else the first bundled one with a map. */
    int pick = -1;
    for (int i = 0; i < a->n_scen && pick < 0; i++)
        if (a->want_scen[0] && !strcmp(a->scen[i], a->want_scen) && a->scen_info[i].has_map)
            pick = i;
    for (int i = 0; i < a->n_scen && pick < 0; i++)
        if (a->scen_info[i].origin == 0 && a->scen_info[i].has_map)
            pick = i;
    if (pick >= 0)
        a->title_host = scen_look(a, pick, 1);
}

/* Default seats: the first delegation human, a role with a scripted actor its actor, the
 * others AI (historical if offered). */
static void default_seats(app *a, const niact_scenario *sc) {
    memset(a->seats, 0, sizeof a->seats);
    for (int r = 1; r < sc->n_roles; r++) {
        if (sc->roles[r].actor) {
            niact_seat_default(sc, r, &a->seats[r]);
            continue;
        }
        a->seats[r].kind = NIACT_SEAT_AI;
        for (int k = 0; k < sc->n_personalities; k++)
            if (!strcmp(sc->personalities[k], "historical"))
                snprintf(a->seats[r].personality, sizeof a->seats[r].personality, "historical");
    }
}

void newgame_load(app *a) {
    niact_host_free(a->cfg);
    a->cfg = NULL;
    a->cfg_error[0] = 0;
    if (a->n_scen == 0) {
        snprintf(a->cfg_error, sizeof a->cfg_error, "No scenario was found.");
        return;
    }
    char dir[NIACT_PATH_MAX], msg[2 * NIACT_PATH_MAX + 4096];
    const char *name = a->scen[a->scen_idx];
    niact_status st = niact_session_load(name, NULL, &a->cfg, dir, sizeof dir, msg, sizeof msg);
    if (st == NIACT_ERR_INVALID) {
        snprintf(a->cfg_error, sizeof a->cfg_error, "%.600s", msg);
        return;
    }
    fprintf(stderr, "niact: scenario %s from %s\n", name, dir);
    if (st != NIACT_OK) {
        snprintf(a->cfg_error, sizeof a->cfg_error, "Scenario '%.100s' has problems: %.600s",
                 name, msg);
        a->cfg = NULL;
        return;
    }
    default_seats(a, niact_host_scenario(a->cfg));
    a->variant = 0;
}

/* Plays the scenario's variant V (1 + its index; 0: as declared): the scenario is read
 * again (a variant is set once, on a freshly loaded scenario), the seats kept. */
static void choose_variant(app *a, int v) {
    niact_seat seats[NIACT_MAX_ROLES];
    memcpy(seats, a->seats, sizeof seats);
    newgame_load(a);
    if (!a->cfg)
        return;
    memcpy(a->seats, seats, sizeof seats);
    const niact_scenario *sc = niact_host_scenario(a->cfg);
    if (v < 1 || v > sc->n_variants)
        return;
    char msg[600];
    if (niact_host_set_variant(a->cfg, sc->variants[v - 1].meta.id, msg, sizeof msg) == 0)
        a->variant = v;
    else
        snprintf(a->note, sizeof a->note, "%.300s", msg);
}

/* The variant row (only for a scenario that declares variants): a button that cycles
 * as declared -> each variant -> as declared. Returns the height used. */
static int variant_row(app *a, SDL_Rect r, const niact_scenario *sc) {
    if (!sc->n_variants)
        return 0;
    ui *u = &a->ui;
    int bh = ui_px(u, 46), lw = r.w * 2 / 5;
    ui_text_fit(u, FACE_SANS_BOLD, SZ_BODY, SZ_SMALL, COL_INK,
                (SDL_Rect){r.x + ui_px(u, 28), r.y, lw - ui_px(u, 36), bh}, "Variant",
                TX_MIDDLE | TX_ONELINE);
    char label[160], shorter[80];
    const niact_variant_def *d = a->variant ? &sc->variants[a->variant - 1] : NULL;
    snprintf(label, sizeof label, "%s", d ? d->meta.name : "As declared");
    snprintf(shorter, sizeof shorter, "%s", d ? d->meta.id : "as declared");
    SDL_Rect b = {r.x + lw, r.y, r.w - lw, bh};
    if (ui_button(u, ui_id("variant", 0), b, nego_fit_label(u, b.w - ui_px(u, 16), label, shorter),
                  1))
        choose_variant(a, (a->variant + 1) % (sc->n_variants + 1));
    return bh + ui_px(u, 10);
}

void newgame_open(app *a) {
    scenarios_scan(a);
    /* The scenario asked for (--scenario), else the first bundled one, else the first. */
    a->scen_idx = 0;
    int found = 0;
    for (int i = 0; i < a->n_scen && !found; i++)
        if (a->want_scen[0] && !strcmp(a->scen[i], a->want_scen))
            a->scen_idx = i, found = 1;
    for (int i = 0; i < a->n_scen && !found; i++)
        if (a->scen_info[i].origin == 0)
            a->scen_idx = i, found = 1;
    a->scroll_scen = 0;
    newgame_load(a);
    a->seed = (uint64_t)time(NULL) % 1000000u;
    a->seed_typing = 0;
    a->scr = SCR_NEWGAME;
    a->ui.focus = 0;
}

/* Cycles a seat: human -> the role's scripted actor (if it has one) -> AI (random) ->
 * each scenario personality -> the search AI's levels -> human. */
static void cycle_seat(niact_seat *s, const niact_scenario *sc, int role) {
    if (s->kind == NIACT_SEAT_HUMAN && sc->roles[role].actor) {
        niact_seat_default(sc, role, s);
        return;
    }
    if (s->actor) {
        memset(s, 0, sizeof *s);
        s->kind = NIACT_SEAT_AI;
        snprintf(s->personality, sizeof s->personality, "random");
        return;
    }
    static const char *const levels[] = {"mcts-easy", "mcts-medium", "mcts-hard", "mcts-deep"};
    const char *names[64];
    int n = 0;
    names[n++] = "random";
    for (int i = 0; i < sc->n_personalities && n < 60; i++)
        names[n++] = sc->personalities[i];
    for (int i = 0; i < 4; i++)
        names[n++] = levels[i];
    int k = -1;
    for (int i = 0; s->kind == NIACT_SEAT_AI && i < n; i++)
        if (!strcmp(names[i], s->personality[0] ? s->personality : "random"))
            k = i;
    if (s->kind == NIACT_SEAT_AI && k + 1 >= n) {
        memset(s, 0, sizeof *s);
        return;
    }
    s->kind = NIACT_SEAT_AI;
    snprintf(s->personality, sizeof s->personality, "%s", names[k + 1]);
}

/* One row per seat: its mark and name (wrapped), and the button that cycles it. Returns
 * the height used. */
static int seat_rows(app *a, SDL_Rect r, const niact_scenario *sc) {
    ui *u = &a->ui;
    int bh = ui_px(u, 46), gap = ui_px(u, 10), lw = r.w * 2 / 5, y = r.y;
    for (int i = 0; i < sc->n_roles; i++) {
        int nw = lw - ui_px(u, 36);
        int nh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, nw, sc->roles[i].meta.name);
        int rh = nh > bh ? nh : bh;
        ui_role_mark(u, i, r.x + ui_px(u, 10), y + rh / 2, ui_px(u, 9));
        SDL_Rect lab = {r.x + ui_px(u, 28), y, nw, rh};
        ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, lab, sc->roles[i].meta.name, TX_MIDDLE);
        char label[96];
        const niact_seat *s = &a->seats[i];
        if (s->kind == NIACT_SEAT_HUMAN)
            snprintf(label, sizeof label, "Human delegation");
        else if (s->actor)
            snprintf(label, sizeof label, "Scripted actor (%s)", s->personality);
        else
            snprintf(label, sizeof label, "AI: %s", s->personality[0] ? s->personality : "random");
        if (!u->focus && i == 0 && !u->inert)
            ui_set_focus(u, ui_id("seat", 0));
        if (ui_button(u, ui_id("seat", i), (SDL_Rect){r.x + lw, y + (rh - bh) / 2, r.w - lw, bh},
                      label, 1))
            cycle_seat(&a->seats[i], sc, i);
        y += rh + gap;
    }
    return y - r.y;
}

/* Digits typed while the seed button has focus replace the seed. */
static void seed_keys(app *a, uint32_t id) {
    ui *u = &a->ui;
    if (u->focus != id) {
        a->seed_typing = 0;
        return;
    }
    for (int d = 0; d <= 9; d++)
        if (ui_key(u, SDLK_0 + d) || ui_key(u, d ? SDLK_KP_1 + d - 1 : SDLK_KP_0)) {
            uint64_t base = a->seed_typing ? a->seed : 0;
            if (base < 100000000000ull)
                a->seed = base * 10 + (uint64_t)d;
            a->seed_typing = 1;
        }
    if (ui_key(u, SDLK_BACKSPACE)) {
        a->seed /= 10;
        a->seed_typing = 1;
    }
}

static void start_game(app *a) {
    niact_host *h = a->cfg;
    a->cfg = NULL;
    a->note[0] = 0;
    if (play_start(a, h, a->seats, a->seed) != 0)
        a->scr = SCR_TITLE;
    a->ui.focus = 0;
}

static void seed_row(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    int bh = ui_px(u, 46), lw = r.w * 2 / 5;
    ui_text_fit(u, FACE_SANS_BOLD, SZ_BODY, SZ_SMALL, COL_INK,
                (SDL_Rect){r.x + ui_px(u, 28), r.y, lw - ui_px(u, 36), bh}, "Seed",
                TX_MIDDLE | TX_ONELINE);
    char label[64];
    snprintf(label, sizeof label, "%llu%s", (unsigned long long)a->seed,
             u->focus == ui_id("seed", 0) ? "  (type digits)" : "");
    int half = (r.w - lw) / 2;
    uint32_t id = ui_id("seed", 0);
    seed_keys(a, id);
    ui_button(u, id, (SDL_Rect){r.x + lw, r.y, half - ui_px(u, 5), bh}, label, 1);
    if (ui_button(u, ui_id("seed", 1), (SDL_Rect){r.x + lw + half + ui_px(u, 5), r.y,
                                                  half - ui_px(u, 5), bh},
                  "New seed", 1))
        a->seed = niact_mix64((uint64_t)time(NULL) ^ niact_mix64(a->seed)) % 1000000u;
}

/* Two quick set-ups (a class at one screen; one player against the AI) and how a
 * seat's button cycles. */
static const char *const seat_hint =
    "A seat's button cycles: human, the role's scripted actor (if it has one), AI "
    "(random), the scenario's personalities, the "
    "search AI (mcts-easy, -medium, -hard). Two or more human seats play hot seat: "
    "the window hands over between them.";

static int presets(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    const niact_scenario *sc = niact_host_scenario(a->cfg);
    static const char *const one = "One human, AI for the rest";
    int bh = ui_px(u, 46), gap = ui_px(u, 10), bw = (r.w - gap) / 2;
    /* Side by side, or one above the other when the longer label would not fit beside. */
    int stacked = ui_text_width(u, FACE_TYPE_BOLD, SZ_SMALL, one) > bw - ui_px(u, 16);
    SDL_Rect b0 = {r.x, r.y, stacked ? r.w : bw, bh};
    SDL_Rect b1 = stacked ? (SDL_Rect){r.x, r.y + bh + gap, r.w, bh}
                          : (SDL_Rect){r.x + bw + gap, r.y, bw, bh};
    if (ui_button(u, ui_id("preset", 0), b0, "Everyone human", 1))
        memset(a->seats, 0, sizeof a->seats);
    if (ui_button(u, ui_id("preset", 1), b1, one, 1))
        default_seats(a, sc);
    int y = b1.y + bh + gap;
    int hh = ui_text_height(u, FACE_SANS, SZ_SMALL, r.w, seat_hint);
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, y, r.w, hh}, seat_hint, 0);
    return y + hh - r.y;
}

/* The scenario's description, its calendar, and its map. */
static void about(app *a, SDL_Rect r, const niact_scenario *sc) {
    ui *u = &a->ui;
    char text[2400], d0[NIACT_DATE_MAX], step[32] = "";
    play_date(sc, 0, d0, sizeof d0);
    niact_scenario_step(sc, step, sizeof step);
    const niact_variant_def *v = sc->variant ? &sc->variants[sc->variant - 1] : NULL;
    char vt[700] = "";
    if (v)
        snprintf(vt, sizeof vt, "\n\nVariant: %s. %s", v->meta.name, v->meta.text);
    snprintf(text, sizeof text, "%s\n\n%d turns of %s from %s.%s", sc->meta.text, sc->turns,
             step, d0, vt);
    /* The text whole (scrolling when it is longer than the room); the map under it when
     * there is room left for one. */
    int th = ui_text_height(u, FACE_SANS, SZ_BODY, r.w - ui_px(u, 30), text);
    int cl = ui_line_height(u, FACE_TYPE, SZ_SMALL), map_min = ui_px(u, 120);
    ui_map *m = map_of(a, sc);
    int with_map = m && r.h - th - ui_px(u, 12) - cl >= map_min;
    SDL_Rect view = {r.x, r.y, r.w, with_map ? th : r.h}, saved;
    int y = list_begin(a, view, &a->scroll_about, &saved), y0 = y;
    y += ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){r.x, y, r.w - ui_px(u, 30), th}, text, 0);
    list_end(a, view, &a->scroll_about, y - y0, saved);
    if (!with_map)
        return;
    y = r.y + th + ui_px(u, 12);
    int ch = ui_text_height(u, FACE_TYPE, SZ_SMALL, r.w, m->decl->name);
    SDL_Rect map = {r.x, y + ch, r.w, r.y + r.h - y - ch};
    if (map.h < map_min)
        return;
    ui_text(u, FACE_TYPE, SZ_SMALL, COL_INK_FADED, (SDL_Rect){r.x, y, r.w, ch}, m->decl->name,
            TX_RIGHT);
    map_draw_plain(u, m, map);
    ui_frame(u, map, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
}

/* The scenarios offered, one button each (the chosen one marked [X]), scrolling when
 * they do not all fit. Returns the height used. */
static int scenario_list(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    int eh = ui_px(u, 40), gap = ui_px(u, 6), lh = ui_line_height(u, FACE_SANS_BOLD, SZ_SMALL);
    int bw = ui_px(u, 44), head = eh > lh ? eh : lh;
    int fit = (r.h - head - gap) / (eh + gap);
    if (fit < 1)
        fit = 1;
    int shown = a->n_scen < fit ? a->n_scen : fit;
    if (a->scroll_scen > a->n_scen - shown)
        a->scroll_scen = a->n_scen - shown;
    if (a->scroll_scen < 0)
        a->scroll_scen = 0;
    char head_text[64];
    snprintf(head_text, sizeof head_text, "SCENARIO (%d)", a->n_scen);
    ui_text_fit(u, FACE_SANS_BOLD, SZ_SMALL, SZ_SMALL, COL_INK,
                (SDL_Rect){r.x, r.y, r.w - 2 * bw - 2 * gap, head}, head_text, TX_MIDDLE | TX_ONELINE);
    if (a->n_scen > shown) {
        SDL_Rect up = {r.x + r.w - 2 * bw - gap, r.y, bw, head}, down = {r.x + r.w - bw, r.y, bw, head};
        if (ui_button(u, ui_id("scenscroll", 0), up, "", a->scroll_scen > 0))
            a->scroll_scen--;
        ui_arrow(u, up, -1, a->scroll_scen > 0);
        if (ui_button(u, ui_id("scenscroll", 1), down, "", a->scroll_scen + shown < a->n_scen))
            a->scroll_scen++;
        ui_arrow(u, down, 1, a->scroll_scen + shown < a->n_scen);
    }
    static const char *const origins[] = {"bundled", "yours", "folder"};
    int y = r.y + head + gap;
    for (int k = 0; k < shown; k++) {
        int i = a->scroll_scen + k;
        ui_scen_info *in = &a->scen_info[i];
        char label[300], shorter[200];
        const char *slash = strrchr(a->scen[i], '/');
        const char *title = in->loaded ? in->title : slash && slash[1] ? slash + 1 : a->scen[i];
        snprintf(label, sizeof label, "%s %s  \xC2\xB7  %s%s", i == a->scen_idx ? "[X]" : "[ ]",
                 title, origins[in->origin % 3], in->loaded && !in->ok ? ", does not load" : "");
        snprintf(shorter, sizeof shorter, "%s %s", i == a->scen_idx ? "[X]" : "[ ]", title);
        if (ui_button(u, ui_id("scen", i), (SDL_Rect){r.x, y, r.w, eh},
                      nego_fit_label(u, r.w - ui_px(u, 16), label, shorter), 1) &&
            i != a->scen_idx) {
            a->scen_idx = i;
            newgame_load(a);
        }
        y += eh + gap;
    }
    return y - r.y;
}

void scr_newgame(app *a) {
    ui *u = &a->ui;
    int low = (float)u->h / u->u < 560.0f; /* low in layout units: thinner margins */
    int m = ui_px(u, low ? 16 : 40);
    SDL_Rect page = {m, m / 2, u->w - 2 * m, u->h - m};
    ui_paper(u, page);
    int pad = ui_px(u, low ? 14 : 28);
    SDL_Rect in = {page.x + pad, page.y + pad, page.w - 2 * pad, page.h - 2 * pad};
    int hh = ui_heading(u, in, "NEW GAME");
    in.y += hh;
    in.h -= hh;
    int colw = in.w * 3 / 5 - pad, bh = ui_px(u, 46);
    SDL_Rect left = {in.x, in.y, colw, in.h - bh - pad};
    SDL_Rect right = {in.x + colw + pad, in.y, in.w - colw - pad, in.h - bh - pad};
    /* The left column scrolls when it is longer than the page: the chosen scenario's name
     * and subtitle, the seats, the seed, the two set-ups and the hint. */
    const niact_scenario *sc = a->cfg ? niact_host_scenario(a->cfg) : NULL;
    SDL_Rect saved;
    int tw = left.w - ui_px(u, 30);
    int y = list_begin(a, left, &a->scroll_setup, &saved), y0 = y;
    const char *name = sc ? sc->meta.name : a->scen_info[a->scen_idx].title;
    int nh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, name);
    y += ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){left.x, y, tw, nh}, name, 0);
    if (sc && sc->subtitle && sc->subtitle[0]) {
        int sh = ui_text_height(u, FACE_SANS, SZ_SMALL, tw, sc->subtitle);
        y += ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){left.x, y, tw, sh},
                     sc->subtitle, 0);
    }
    y += pad / 2;
    if (a->cfg) {
        y += seat_rows(a, (SDL_Rect){left.x, y, tw, 0}, sc);
        y += variant_row(a, (SDL_Rect){left.x, y, tw, 0}, sc);
        sc = niact_host_scenario(a->cfg); /* read again if a variant was chosen */
        seed_row(a, (SDL_Rect){left.x, y, tw, bh});
        y += bh + ui_px(u, 20);
        y += presets(a, (SDL_Rect){left.x, y, tw, 0});
    } else {
        int eh = ui_text_height(u, FACE_SANS_BOLD, SZ_BODY, tw, a->cfg_error);
        y += ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_STAMP, (SDL_Rect){left.x, y, tw, eh},
                     a->cfg_error, 0);
    }
    list_end(a, left, &a->scroll_setup, y - y0, saved);
    int list_h = scenario_list(a, (SDL_Rect){right.x, right.y, right.w, right.h * 2 / 5});
    if (a->cfg) {
        int ay = right.y + list_h + ui_px(u, 10);
        about(a, (SDL_Rect){right.x, ay, right.w, right.y + right.h - ay}, sc);
    }
    int by = in.y + in.h - bh, bw = ui_px(u, 260);
    if (bw > in.w / 2 - pad)
        bw = in.w / 2 - pad;
    if (ui_button(u, ui_id("ng", 1), (SDL_Rect){in.x + in.w - bw, by, bw, bh},
                  "Start the game  (F5)", a->cfg != NULL) ||
        (a->cfg && ui_key(u, SDLK_F5)))
        start_game(a);
    else if (ui_button(u, ui_id("ng", 0), (SDL_Rect){in.x, by, bw < ui_px(u, 200) ? bw : ui_px(u, 200), bh}, "Back  (Esc)",
                       1) ||
             ui_key(u, SDLK_ESCAPE)) {
        a->scr = SCR_TITLE;
        u->focus = 0;
    }
}
