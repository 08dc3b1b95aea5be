/* A seat played in the window over the network, on 127.0.0.1 (issue 13): `niact host
 * --text` runs the game (the UN an AI), the Soviet seat is a `niact join --text` client
 * fed by a script, and the US seat is the window itself, in this process, under SDL's
 * dummy video driver, driven by synthetic key presses through the window's own event
 * code (as tests/ui/test_ui_e2e does), to the end of the game, in the scenario's lesson
 * variant (a deadline each turn). Checked:
 *   - the window plays every turn through the desk (an order, End turn, the briefing),
 *     waits for the host while the others play, and shows the game-over screen;
 *   - a dropped connection comes back by itself with the seat's code, and the seat's
 *     draft is as it was left;
 *   - every byte the window received (NIACT_NET_TRACE) holds the Soviet telegram to the
 *     US and not the Soviet telegram to the UN, nor the names of the Soviet-only tracks'
 *     reports;
 *   - the host's record replays and verifies.
 * Every wait is bounded and generous (a loaded machine, a sanitized build). */
#define _GNU_SOURCE /* memmem, usleep */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ui/app.h"

static char dir[] = "/tmp/niact-net-window-XXXXXX";
static SDL_Window *win;
static SDL_Renderer *ren;
static app *A;

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *slurp(const char *name, size_t *len) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)n + 1);
    size_t got = b ? fread(b, 1, (size_t)n, f) : 0;
    fclose(f);
    if (b)
        b[got] = 0;
    if (len)
        *len = got;
    return b;
}

/* Whether the bytes hold the text (the trace is binary: memmem). */
static int holds(const char *b, size_t n, const char *text) {
    return b && memmem(b, n, text, strlen(text)) != NULL;
}

static int sh(const char *fmt, ...) {
    char cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    return system(cmd);
}

/* What the window's loop does between events: the host's messages, then a frame. */
static void pump(void) {
    SDL_Event ev;
    while (SDL_PollEvent(&ev))
        app_event(A, &ev);
    if (A->pump)
        A->pump(A);
    app_frame(A, 1);
}

static void key(SDL_Keycode sym) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.windowID = SDL_GetWindowID(win);
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    assert_true(SDL_PushEvent(&ev) >= 0);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
    pump();
}

static void test_window_seat(void **state) {
    (void)state;
    assert_non_null(mkdtemp(dir));
    setenv("HOME", dir, 1);
    char data[600];
    snprintf(data, sizeof data, "%s/data", dir);
    setenv("XDG_DATA_HOME", data, 1);
    /* The host: the US and the USSR remote, the UN a quick AI; its console's input
     * ends at once, which does not stop it. */
    assert_int_equal(sh("cd %s && (timeout 200 %s host --text --port 0 --bind 127.0.0.1 "
                        "--seed 7 --variant lesson --no-autosave --record rec.json --seat us=remote --seat "
                        "ussr=remote --seat un=ai:random </dev/null >host.out 2>host.err & "
                        "echo $! >host.pid)", dir, NIACT_BIN), 0);
    char *out = NULL, *err = NULL;
    int port = 0;
    char us[32] = "", ussr[32] = "";
    for (double t0 = now_s(); now_s() - t0 < 30 && !(port && us[0] && ussr[0]);) {
        usleep(50000);
        free(out), free(err);
        out = slurp("host.out", NULL), err = slurp("host.err", NULL);
        const char *p = err ? strstr(err, "listening on UDP port ") : NULL;
        if (p)
            port = atoi(p + strlen("listening on UDP port "));
        const char *a = out ? strstr(out, "seat us code ") : NULL;
        const char *b = out ? strstr(out, "seat ussr code ") : NULL;
        if (a && b) {
            sscanf(a, "seat us code %31s", us);
            sscanf(b, "seat ussr code %31s", ussr);
        }
    }
    free(out), free(err);
    assert_true(port > 0);
    assert_int_equal(strlen(us), 10);
    /* The USSR: a telegram to the US, a private one to the UN, then done every turn. */
    FILE *f;
    char path[700];
    snprintf(path, sizeof path, "%s/ussr.in", dir);
    assert_non_null(f = fopen(path, "w"));
    fprintf(f, "telegram us SECRET-USSR-TO-US-5521 we hear you\n"
               "telegram un SECRET-USSR-TO-UN-3307 about Castro\n");
    for (int i = 0; i < 16; i++)
        fprintf(f, "done\n");
    fclose(f);
    assert_int_equal(sh("cd %s && (timeout 200 %s join 127.0.0.1:%d --code %s --text <ussr.in "
                        ">ussr.out 2>ussr.err & echo $! >ussr.pid)", dir, NIACT_BIN, port, ussr),
                     0);
    /* The window's seat: every byte it receives is kept. */
    snprintf(path, sizeof path, "%s/trace.bin", dir);
    setenv("NIACT_NET_TRACE", path, 1);
    char where[64];
    snprintf(where, sizeof where, "127.0.0.1:%d", port);
    ui_link *link = NULL;
    assert_int_equal(ui_link_open(where, us, &link), 0);
    assert_int_equal(ui_link_start(A, link), 0);
    assert_int_equal(niact_session_remote_role(A->play.s), 0);
    assert_int_equal(A->scr, SCR_BRIEF); /* one seat at this computer: no hand-over */
    /* The host's variant is played here too (its calendar), and its deadline ticks. */
    const niact_variant_def *vd = niact_scenario_variant_played(A->play.sc);
    assert_non_null(vd);
    assert_string_equal(vd->meta.id, "lesson");
    assert_true(niact_session_time_left(A->play.s, 0) > 0);
    int orders = 0, turns_waited = 0, dropped = 0;
    double t0 = now_s();
    while (A->scr != SCR_END && now_s() - t0 < 180) {
        if (A->scr == SCR_BRIEF) {
            key(SDLK_RETURN);
        } else if (A->scr == SCR_DESK) {
            int before = play_n_orders(&A->play);
            key(SDLK_1); /* the first action card */
            if (play_n_orders(&A->play) > before)
                orders++;
            if (!dropped && niact_game_turn(A->play.g) == 1) {
                /* The connection drops mid-turn and comes back with the seat's code. */
                int n = play_n_orders(&A->play);
                assert_true(n > 0);
                ui_link_drop(link);
                dropped = 1;
                assert_false(ui_link_connected(link));
                for (double t1 = now_s(); !ui_link_connected(link) && now_s() - t1 < 30;) {
                    usleep(20000);
                    pump();
                }
                assert_true(ui_link_connected(link));
                for (int i = 0; i < 50; i++) { /* its view again */
                    usleep(20000);
                    pump();
                }
                assert_int_equal(play_n_orders(&A->play), n); /* as it was left */
                assert_int_equal(A->scr, SCR_DESK);
            }
            key(SDLK_e); /* End turn */
            if (A->ov == OV_ENDTURN) /* points left: it asks first; Enter ends it */
                key(SDLK_RETURN);
        } else if (A->scr == SCR_RESOLVING) {
            turns_waited++;
            for (double t1 = now_s(); A->scr == SCR_RESOLVING && now_s() - t1 < 60;) {
                SDL_Event ev;
                if (SDL_WaitEventTimeout(&ev, 50))
                    app_event(A, &ev);
                pump();
            }
        } else {
            fail_msg("unexpected screen %d (%s)", (int)A->scr, A->note);
        }
    }
    assert_int_equal(A->scr, SCR_END); /* the game-over screen */
    const niact_game *g = niact_session_view(A->play.s);
    assert_int_equal(niact_game_phase(g), NIACT_PHASE_ENDED);
    assert_true(orders >= 2);
    assert_true(turns_waited >= 2);
    assert_int_equal(dropped, 1);
    /* At the end the truth is every seat's: a Soviet-only track's value is shown. */
    int32_t v;
    assert_int_equal(niact_game_truth(g, 0, &v), NIACT_OK);
    app_frame(A, 1);
    play_stop(A);
    ui_link_close(link);

    /* The host ends with the game; the text client too. */
    for (double t1 = now_s(); now_s() - t1 < 60; usleep(100000)) {
        char *h = slurp("host.out", NULL);
        int done = h && strstr(h, "=== RESULT");
        free(h);
        if (done)
            break;
    }
    char *hout = slurp("host.out", NULL), *herr = slurp("host.err", NULL);
    assert_non_null(hout);
    assert_non_null(strstr(hout, "=== RESULT"));
    assert_non_null(strstr(herr, "the us seat joined (in a window)"));
    /* The drop: the host either heard the old connection close or saw the code again. */
    assert_true(strstr(herr, "the us seat left; it stays as it was") ||
                strstr(herr, "the us seat's code was used again"));
    free(hout), free(herr);
    size_t n;
    char *trace = slurp("trace.bin", &n);
    assert_non_null(trace);
    assert_true(holds(trace, n, "SECRET-USSR-TO-US-5521")); /* (the search can find) */
    assert_false(holds(trace, n, "SECRET-USSR-TO-UN-3307"));
    /* No track's name or description is ever sent: the client has the scenario. */
    assert_false(holds(trace, n, "Tactical nuclear weapons in Cuba"));
    free(trace);
    for (double t1 = now_s(); now_s() - t1 < 30; usleep(100000)) {
        char *u = slurp("ussr.out", NULL);
        int done = u && strstr(u, "=== RESULT");
        free(u);
        if (done)
            break;
    }
    char *uo = slurp("ussr.out", NULL);
    assert_non_null(uo);
    assert_non_null(strstr(uo, "=== RESULT"));
    free(uo);
    usleep(300000); /* the host writes its record as it stops */
    assert_int_equal(sh("cd %s && %s replay rec.json --verify >replay.out 2>&1", dir, NIACT_BIN),
                     0);
}

static int setup(void **state) {
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1); /* headless: no display needed */
    if (SDL_Init(SDL_INIT_VIDEO) != 0)
        return -1;
    win = SDL_CreateWindow("Niact test", 0, 0, 1280, 720, SDL_WINDOW_SHOWN);
    ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    A = calloc(1, sizeof *A);
    char assets[4096];
    if (!ren || !A || ui_find_assets(assets, sizeof assets, NULL, 0) != 0 ||
        app_init(A, win, ren, assets) != 0)
        return -1;
    A->work_event = SDL_RegisterEvents(1); /* the wait runs in the worker, as in the window */
    return 0;
}

static int teardown(void **state) {
    (void)state;
    if (!strchr(dir, 'X')) {
        sh("cd %s && for p in host.pid ussr.pid; do [ -f $p ] && kill $(cat $p) 2>/dev/null; "
           "done; true", dir);
        sh("rm -rf %s", dir);
    }
    if (A)
        app_free(A);
    free(A);
    if (ren)
        SDL_DestroyRenderer(ren);
    if (win)
        SDL_DestroyWindow(win);
    TTF_Quit();
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_window_seat, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
