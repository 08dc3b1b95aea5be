/* The new game screen: scenario, each seat human or AI with its personality, seed. */
#include "app.h"
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

static void add_scen(app *a, const char *name) {
    for (int i = 0; i < a->n_scen; i++)
        if (!strcmp(a->scen[i], name))
            return;
    if (a->n_scen < UI_MAX_SCENARIOS)
        snprintf(a->scen[a->n_scen++], sizeof a->scen[0], "%s", name);
}

/* Adds the scenarios of one folder, the bundled or the user's (niact/paths.h). */
static void scan_folder(app *a, const char *root) {
    DIR *d = opendir(root);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        char p[4400];
        snprintf(p, sizeof p, "%s/%s", root, e->d_name);
        if (niact_name_ok(e->d_name) && has_scenario(p))
            add_scen(a, e->d_name);
    }
    closedir(d);
}

/* Adds the scenarios a bare name can reach, in the order of the lookup rule: the
 * bundled ones, then the user's <data home>/scenarios. */
static void scan_bundled(app *a) {
    char base[NIACT_PATH_MAX], root[NIACT_PATH_MAX + 32];
    if (niact_path_bundled(base, sizeof base, NULL, 0) == 0) {
        snprintf(root, sizeof root, "%s/scripts/scenarios", base);
        scan_folder(a, root);
    }
    if (niact_path_data_home("scenarios", 0, base, sizeof base, NULL, 0) == 0)
        scan_folder(a, base);
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
}

void newgame_open(app *a) {
    scan_bundled(a);
    a->scen_idx = 0;
    for (int i = 0; i < a->n_scen; i++)
        if (!strcmp(a->scen[i], "november1962"))
            a->scen_idx = i;
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
    static const char *const levels[] = {"mcts-easy", "mcts-medium", "mcts-hard"};
    const char *names[64];
    int n = 0;
    names[n++] = "random";
    for (int i = 0; i < sc->n_personalities && n < 60; i++)
        names[n++] = sc->personalities[i];
    for (int i = 0; i < 3; i++)
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

static void seat_rows(app *a, SDL_Rect r, const niact_scenario *sc) {
    ui *u = &a->ui;
    int bh = ui_px(u, 46), gap = ui_px(u, 10), lw = r.w * 2 / 5;
    for (int i = 0; i < sc->n_roles; i++) {
        int y = r.y + i * (bh + gap);
        ui_role_mark(u, i, r.x + ui_px(u, 10), y + bh / 2, ui_px(u, 9));
        SDL_Rect lab = {r.x + ui_px(u, 28), y, lw - ui_px(u, 28), bh};
        ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, lab, sc->roles[i].meta.name,
                TX_MIDDLE | TX_ONELINE);
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
        if (ui_button(u, ui_id("seat", i), (SDL_Rect){r.x + lw, y, r.w - lw, bh}, label, 1))
            cycle_seat(&a->seats[i], sc, i);
    }
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
    ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_INK, (SDL_Rect){r.x + ui_px(u, 28), r.y, lw, bh},
            "Seed", TX_MIDDLE | TX_ONELINE);
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
static void presets(app *a, SDL_Rect r) {
    ui *u = &a->ui;
    const niact_scenario *sc = niact_host_scenario(a->cfg);
    int bh = ui_px(u, 46), gap = ui_px(u, 10), bw = (r.w - gap) / 2;
    if (r.h < bh)
        return;
    if (ui_button(u, ui_id("preset", 0), (SDL_Rect){r.x, r.y, bw, bh}, "Everyone human", 1))
        memset(a->seats, 0, sizeof a->seats);
    if (ui_button(u, ui_id("preset", 1), (SDL_Rect){r.x + bw + gap, r.y, bw, bh},
                  "One human, AI for the rest", 1))
        default_seats(a, sc);
    SDL_Rect hint = {r.x, r.y + bh + gap, r.w, r.h - bh - gap};
    ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, hint,
            "A seat's button cycles: human, the role's scripted actor (if it has one), AI "
            "(random), the scenario's personalities, the "
            "search AI (mcts-easy, -medium, -hard). Two or more human seats play hot seat: "
            "the window hands over between them.",
            0);
}

/* The scenario's description, its calendar, and the map. */
static void about(app *a, SDL_Rect r, const niact_scenario *sc) {
    ui *u = &a->ui;
    char text[1400], d0[NIACT_DATE_MAX], step[32] = "";
    play_date(sc, 0, d0, sizeof d0);
    niact_scenario_step(sc, step, sizeof step);
    snprintf(text, sizeof text, "%s\n\n%d turns of %s from %s.", sc->meta.text, sc->turns,
             step, d0);
    int th = ui_text_height(u, FACE_SANS, SZ_BODY, r.w, text);
    if (th > r.h)
        th = r.h;
    ui_text(u, FACE_SANS, SZ_BODY, COL_INK, (SDL_Rect){r.x, r.y, r.w, th}, text, 0);
    SDL_Rect map = {r.x, r.y + th + ui_px(u, 16), r.w, r.h - th - ui_px(u, 16)};
    if (a->map && map.h > ui_px(u, 120)) {
        map_draw_plain(u, a->map, map);
        ui_frame(u, map, COL_INK, ui_px(u, 2) < 1 ? 1 : ui_px(u, 2));
    }
}

void scr_newgame(app *a) {
    ui *u = &a->ui;
    int m = ui_px(u, 40);
    SDL_Rect page = {m, m / 2, u->w - 2 * m, u->h - m};
    ui_paper(u, page);
    int pad = ui_px(u, 28);
    SDL_Rect in = {page.x + pad, page.y + pad, page.w - 2 * pad, page.h - 2 * pad};
    int hh = ui_heading(u, in, "NEW GAME");
    in.y += hh;
    in.h -= hh;
    int colw = in.w * 3 / 5 - pad, bh = ui_px(u, 46);
    SDL_Rect left = {in.x, in.y, colw, in.h};
    SDL_Rect right = {in.x + colw + pad, in.y, in.w - colw - pad, in.h - bh - pad};
    char label[160];
    snprintf(label, sizeof label, "Scenario: %s%s",
             a->cfg ? niact_host_scenario(a->cfg)->meta.name : a->scen[a->scen_idx],
             a->n_scen > 1 ? "  (change)" : "");
    if (ui_button(u, ui_id("scen", 0), (SDL_Rect){left.x, left.y, left.w, bh}, label,
                  a->n_scen > 1)) {
        a->scen_idx = (a->scen_idx + 1) % a->n_scen;
        newgame_load(a);
    }
    if (a->cfg) {
        const niact_scenario *sc = niact_host_scenario(a->cfg);
        seat_rows(a, (SDL_Rect){left.x, left.y + bh + pad, left.w, 0}, sc);
        int sy = left.y + bh + pad + sc->n_roles * (bh + ui_px(u, 10)) + ui_px(u, 10);
        seed_row(a, (SDL_Rect){left.x, sy, left.w, bh});
        presets(a, (SDL_Rect){left.x, sy + bh + ui_px(u, 20), left.w, in.y + in.h - bh - pad -
                                                                   (sy + bh + ui_px(u, 20))});
        about(a, right, sc);
    } else {
        ui_text(u, FACE_SANS_BOLD, SZ_BODY, COL_STAMP,
                (SDL_Rect){left.x, left.y + bh + pad, in.w, in.h - 2 * bh - 2 * pad},
                a->cfg_error, 0);
    }
    int by = in.y + in.h - bh, bw = ui_px(u, 260);
    if (ui_button(u, ui_id("ng", 1), (SDL_Rect){in.x + in.w - bw, by, bw, bh},
                  "Start the game  (F5)", a->cfg != NULL) ||
        (a->cfg && ui_key(u, SDLK_F5)))
        start_game(a);
    else if (ui_button(u, ui_id("ng", 0), (SDL_Rect){in.x, by, ui_px(u, 200), bh}, "Back  (Esc)",
                       1) ||
             ui_key(u, SDLK_ESCAPE)) {
        a->scr = SCR_TITLE;
        u->focus = 0;
    }
}
