/* Saving and loading in the window, through the records module (include/niact/record.h):
 * the pause menu's save, the autosave after every turn, --record, and the load menu. The
 * window and `niact play --text` share the data folder and the save names. */
#include "app.h"

#include "niact/paths.h"
#include "niact/record.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

void saves_save(app *a) {
    ui_play *p = &a->play;
    char name[96], path[4096], msg[1024];
    if (!p->s) {
        snprintf(a->save_msg, sizeof a->save_msg, "There is no game to save.");
        return;
    }
    snprintf(name, sizeof name, "%.60s-%llu", p->sc->meta.id,
             (unsigned long long)niact_game_seed(p->g));
    if (niact_data_file("saves", name, 1, path, sizeof path, msg, sizeof msg) != 0) {
        snprintf(a->save_msg, sizeof a->save_msg, "Not saved: %.400s", msg);
        return;
    }
    /* The seat at the desk has not sent its orders: they are its draft in the session,
     * not given orders, so no save holds them. */
    if (niact_record_save(p->s, NIACT_RECORD_ALL_ROLES, path, msg, sizeof msg) != NIACT_OK) {
        snprintf(a->save_msg, sizeof a->save_msg, "NOT SAVED: %.400s", msg);
        fprintf(stderr, "niact: not saved: %s\n", msg);
    }
    else
        snprintf(a->save_msg, sizeof a->save_msg, "Saved as %.400s", path);
}

void saves_write(app *a, niact_session *s, char *autosave_path, size_t pathlen, char *warn,
                 size_t warnlen) {
    char msg[1024];
    warn[0] = 0;
    if (a->record_path[0] &&
        niact_record_append(s, NIACT_RECORD_ALL_ROLES, &a->record_w, a->record_path, msg,
                            sizeof msg) != NIACT_OK) {
        snprintf(warn, warnlen, "NOT RECORDED: %.360s", msg);
        fprintf(stderr, "niact: the record could not be written: %s\n", msg);
    }
    if (!a->no_autosave &&
        niact_record_autosave_append(s, NIACT_RECORD_ALL_ROLES, &a->autosave_w, autosave_path,
                                     pathlen, msg, sizeof msg) != NIACT_OK) {
        if (!warn[0])
            snprintf(warn, warnlen, "AUTOSAVE FAILED: %.360s", msg);
        fprintf(stderr, "niact: autosave failed: %s\n", msg);
    }
    if (warn[0])
        snprintf(a->save_msg, sizeof a->save_msg, "%s", warn);
}

void saves_after_turn(app *a) {
    ui_play *p = &a->play;
    if (p->s)
        saves_write(a, p->s, p->autosave_path, sizeof p->autosave_path, p->save_warn,
                    sizeof p->save_warn);
}

static int is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

int saves_load(app *a, const char *arg) {
    char path[4096], msg[2048];
    snprintf(path, sizeof path, "%s", arg);
    if (!strchr(arg, '/') && !is_file(arg)) { /* a save name: saves/, then autosave/ */
        static const char *const subs[] = {"saves", "autosave"};
        for (int k = 0; k < 2; k++)
            if (niact_data_file(subs[k], arg, 0, path, sizeof path, msg, sizeof msg) == 0 &&
                is_file(path))
                break;
    }
    /* Opened as a session that owns its scenario's host (niact_session_open_record). */
    niact_replay_opts opts = {0};
    niact_replay_info l;
    niact_session *s = NULL;
    niact_status st = niact_session_open_record(path, &opts, &s, &l, msg, sizeof msg);
    /* A scenario given as a folder (niact --scenario DIR) is not found by name: try the
     * folders the window was given. */
    for (int i = 0; st != NIACT_OK && i < a->n_scen; i++) {
        char m2[512];
        if (!strchr(a->scen[i], '/'))
            continue;
        opts.scenario = a->scen[i];
        if (niact_session_open_record(path, &opts, &s, &l, m2, sizeof m2) == NIACT_OK)
            st = NIACT_OK;
    }
    if (st != NIACT_OK) {
        snprintf(a->save_msg, sizeof a->save_msg, "Not loaded: %.480s", msg);
        return -1;
    }
    if (l.scenario_dir[0])
        fprintf(stderr, "niact: scenario %s from %s\n", niact_session_scenario(s)->meta.id,
                l.scenario_dir);
    snprintf(a->save_msg, sizeof a->save_msg, "Resumed %.400s after %d turn(s).", path, l.turns);
    if (play_adopt(a, s) != 0)
        return -1;
    /* A resumed autosave goes on in its own file; any other save gets a new autosave. */
    char dir[4096];
    size_t dl;
    if (niact_data_dir("autosave", 0, dir, sizeof dir, msg, sizeof msg) == 0 &&
        (dl = strlen(dir)) && strncmp(path, dir, dl) == 0 && path[dl] == '/' &&
        !strchr(path + dl + 1, '/'))
        snprintf(a->play.autosave_path, sizeof a->play.autosave_path, "%s", path);
    return 0;
}

/* A file's modification time in nanoseconds: saves made within one second (the tests
 * make several) must still sort newest first. */
static int64_t mtime_ns(const struct stat *st) {
    return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* Adds the saves of one data sub-folder to the list, newest first. */
static void scan_dir(app *a, const char *sub, int64_t *when) {
    char dir[4096], msg[512];
    if (niact_data_dir(sub, 0, dir, sizeof dir, msg, sizeof msg) != 0)
        return;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        struct stat st;
        char path[4400];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".json") || stat(path, &st) != 0)
            continue;
        int at = a->n_saves < UI_MAX_SAVES ? a->n_saves++ : UI_MAX_SAVES - 1;
        if (at == UI_MAX_SAVES - 1 && a->n_saves == UI_MAX_SAVES && mtime_ns(&st) <= when[at])
            continue; /* older than everything kept */
        while (at > 0 && when[at - 1] < mtime_ns(&st)) { /* insertion, newest first */
            a->saves[at] = a->saves[at - 1];
            when[at] = when[at - 1];
            at--;
        }
        char stamp[32];
        struct tm tm;
        strftime(stamp, sizeof stamp, "%d %b %H:%M", localtime_r(&st.st_mtime, &tm));
        snprintf(a->saves[at].path, sizeof a->saves[at].path, "%s", path);
        snprintf(a->saves[at].label, sizeof a->saves[at].label, "%s%.*s  \xC2\xB7  %s",
                 strcmp(sub, "autosave") ? "" : "autosave: ", (int)(n - 5), e->d_name, stamp);
        when[at] = mtime_ns(&st);
    }
    closedir(d);
}

void saves_scan(app *a) {
    int64_t when[UI_MAX_SAVES] = {0};
    a->n_saves = 0;
    scan_dir(a, "saves", when);
    scan_dir(a, "autosave", when);
    /* What each listed game is: read only for those kept (the folder may hold many). */
    for (int i = 0; i < a->n_saves; i++) {
        niact_record_info info;
        char msg[256];
        ui_save *sv = &a->saves[i];
        if (niact_record_info_read(sv->path, &info, msg, sizeof msg) != NIACT_OK) {
            snprintf(sv->detail, sizeof sv->detail, "Not a game record.");
            continue;
        }
        int running = strcmp(info.outcome, "running") == 0;
        if (running)
            snprintf(sv->detail, sizeof sv->detail, "%s, running, turn %d  \xC2\xB7  %s",
                     info.scenario, info.turns + 1, info.seats);
        else {
            char words[48]; /* the engine's title, or the scenario's id in words */
            const char *how = niact_outcome_title_of_id(info.outcome, words, sizeof words);
            snprintf(sv->detail, sizeof sv->detail, "%s, finished after %d turn%s (%s)  "
                     "\xC2\xB7  %s", info.scenario, info.turns, info.turns == 1 ? "" : "s",
                     how, info.seats);
        }
    }
}

void ov_load(app *a) {
    ui *u = &a->ui;
    int w = ui_px(u, 720), h = ui_px(u, 600);
    w = w > u->w - ui_px(u, 20) ? u->w - ui_px(u, 20) : w;
    h = h > u->h - ui_px(u, 20) ? u->h - ui_px(u, 20) : h;
    SDL_Rect r = {(u->w - w) / 2, (u->h - h) / 2, w, h};
    ui_paper(u, r);
    int pad = ui_px(u, 24), bh = ui_px(u, 44), gap = ui_px(u, 8);
    SDL_Rect in = {r.x + pad, r.y + pad, r.w - 2 * pad, r.h - 2 * pad};
    int y = in.y + ui_heading(u, in, "LOAD A GAME");
    int sl = ui_line_height(u, FACE_SANS, SZ_SMALL);
    if (a->save_msg[0]) {
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK, (SDL_Rect){in.x, y, in.w, 2 * sl}, a->save_msg, 0);
        y += 2 * sl + gap;
    }
    if (a->n_saves == 0)
        ui_text(u, FACE_SANS, SZ_BODY, COL_INK_FADED, (SDL_Rect){in.x, y, in.w, bh * 2},
                "No saved games yet. Save from the pause menu (Esc) during a game; the game "
                "also keeps an autosave after every turn.",
                0);
    int bottom = in.y + in.h - bh - gap;
    for (int i = 0; i < a->n_saves && y + bh + sl <= bottom; i++, y += bh + sl + gap) {
        if (!u->focus && !u->inert)
            ui_set_focus(u, ui_id("load", i));
        ui_text(u, FACE_SANS, SZ_SMALL, COL_INK_FADED, (SDL_Rect){in.x, y + bh, in.w, sl},
                a->saves[i].detail, TX_ONELINE);
        if (ui_button(u, ui_id("load", i), (SDL_Rect){in.x, y, in.w, bh}, a->saves[i].label, 1)) {
            char path[4096];
            snprintf(path, sizeof path, "%s", a->saves[i].path);
            if (saves_load(a, path) == 0)
                u->focus = 0;
            return;
        }
    }
    if (ui_button(u, ui_id("load-back", 0), (SDL_Rect){in.x, in.y + in.h - bh, ui_px(u, 200), bh},
                  "Back  (Esc)", 1) ||
        ui_key(u, SDLK_ESCAPE)) {
        a->ov = a->load_back;
        u->focus = 0;
    }
}
