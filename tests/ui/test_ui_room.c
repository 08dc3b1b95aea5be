/* The moderator window of `niact host` driven through its own inputs (clicks and typing
 * pushed into SDL's queue and handled by the window's event code), on a real host on
 * 127.0.0.1 with two `niact join --text` clients: pause and resume, a message to every
 * seat, an injected event, freeing a seat (its new code works), a deadline whose late
 * seat plays its historical personality, and a rollback. Each is asserted on the
 * clients' screens and on the record, which must replay and verify. The projector view
 * (F5) holds nothing secret. SDL's dummy video driver: no display needed. Every wait is
 * bounded and counts time, not frames (a loaded machine is slow). */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli/host.h"
#include "ui/app.h"

extern char **environ;

static char dir[] = "/tmp/niact-ui-room-XXXXXX";
static SDL_Window *win;
static SDL_Renderer *ren;
static app *A;
static host *H;
static ui_room room;

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

/* One pass of the window's loop: the host ticks, queued input is handled, a frame drawn. */
static void pass(void) {
    room_pass(A);
    SDL_Event ev;
    while (SDL_PollEvent(&ev))
        app_event(A, &ev);
    app_frame(A, 1);
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static char *slurp(const char *name) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return calloc(1, 1);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = calloc(1, (size_t)(n > 0 ? n : 0) + 1);
    if (n > 0 && fread(b, 1, (size_t)n, f) != (size_t)n)
        b[0] = 0;
    fclose(f);
    return b;
}

static int count_in(const char *name, const char *what) {
    char *b = slurp(name);
    int n = 0;
    for (const char *p = b; (p = strstr(p, what)); p++)
        n++;
    free(b);
    return n;
}

/* Runs the loop until the file holds `what` at least `times` times (at most 30 s). */
static void wait_text(const char *name, const char *what, int times) {
    double t0 = now_s();
    while (count_in(name, what) < times && now_s() - t0 < 30) {
        pass();
        SDL_Delay(10);
    }
    if (count_in(name, what) < times) {
        char *b = slurp(name);
        size_t n = strlen(b);
        fail_msg("no '%s' (x%d) in %s; it ends:\n%s", what, times, name,
                 b + (n > 1500 ? n - 1500 : 0));
    }
}

/* Runs the loop until cond() (at most 30 s). */
static int wait_for(int (*cond)(void)) {
    double t0 = now_s();
    while (!cond() && now_s() - t0 < 30) {
        pass();
        SDL_Delay(10);
    }
    return cond();
}

/* A `niact join --text` client: its commands from a pipe (*in), its screen in NAME.out. */
static pid_t join(const char *code, const char *name, int *in) {
    int p[2];
    assert_int_equal(pipe(p), 0);
    char port[32], out[512], err[512];
    snprintf(port, sizeof port, "127.0.0.1:%u", room.port);
    snprintf(out, sizeof out, "%s/%s.out", dir, name);
    snprintf(err, sizeof err, "%s/%s.err", dir, name);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, p[0], 0);
    posix_spawn_file_actions_addclose(&fa, p[1]);
    posix_spawn_file_actions_addopen(&fa, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&fa, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    char *argv[] = {(char *)NIACT_BIN, "join", port, "--code", (char *)code, "--text", NULL};
    pid_t pid;
    assert_int_equal(posix_spawn(&pid, NIACT_BIN, &fa, NULL, argv, environ), 0);
    posix_spawn_file_actions_destroy(&fa);
    close(p[0]);
    *in = p[1];
    return pid;
}

static void say_to(int fd, const char *line) {
    size_t n = strlen(line);
    assert_int_equal(write(fd, line, n), (ssize_t)n);
}

/* Moves the pointer to widget id (as drawn in the last frame) and clicks it. */
static void click(uint32_t id) {
    for (int i = 0; i < A->ui.n_last; i++) {
        if (A->ui.last[i].id != id)
            continue;
        SDL_Rect r = A->ui.last[i].r;
        int x = (int)((r.x + r.w / 2) / A->ui.dpi), y = (int)((r.y + r.h / 2) / A->ui.dpi);
        SDL_Event ev = {0};
        ev.type = SDL_MOUSEMOTION;
        ev.motion.windowID = SDL_GetWindowID(win);
        ev.motion.x = x, ev.motion.y = y;
        SDL_PushEvent(&ev);
        memset(&ev, 0, sizeof ev);
        ev.type = SDL_MOUSEBUTTONDOWN;
        ev.button.windowID = SDL_GetWindowID(win);
        ev.button.button = SDL_BUTTON_LEFT;
        ev.button.state = SDL_PRESSED;
        ev.button.clicks = 1;
        ev.button.x = x, ev.button.y = y;
        SDL_PushEvent(&ev);
        ev.type = SDL_MOUSEBUTTONUP;
        ev.button.state = SDL_RELEASED;
        SDL_PushEvent(&ev);
        pass();
        return;
    }
    fail_msg("no widget %08x on screen %d", id, A->scr);
}

static void key(SDL_Keycode sym) {
    SDL_Event ev = {0};
    ev.type = SDL_KEYDOWN;
    ev.key.windowID = SDL_GetWindowID(win);
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = sym;
    SDL_PushEvent(&ev);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
    pass();
}

static void type_text(const char *text) {
    SDL_Event ev = {0};
    ev.type = SDL_TEXTINPUT;
    ev.text.windowID = SDL_GetWindowID(win);
    snprintf(ev.text.text, sizeof ev.text.text, "%s", text);
    SDL_PushEvent(&ev);
    pass();
}

static const niact_scenario *SC;
static const niact_game *G;
static int R_US, R_USSR;

static int both_connected(void) {
    ui_room_seat a, b;
    room.seat(room.ctx, R_US, &a);
    room.seat(room.ctx, R_USSR, &b);
    return a.connected && b.connected;
}
static int ussr_connected(void) {
    ui_room_seat b;
    room.seat(room.ctx, R_USSR, &b);
    return b.connected;
}
static int ussr_gone(void) {
    return !ussr_connected();
}
static int paused(void) {
    return niact_session_paused(room.s);
}
static int resumed(void) {
    return !niact_session_paused(room.s);
}
static int turn2(void) { /* (never read while the host's worker resolves the turn) */
    return !room.busy(room.ctx) && niact_game_turn(G) == 1;
}
static int us_given(void) {
    return !room.busy(room.ctx) && niact_game_submitted(G, R_US);
}

/* The moderator's inputs the session kept, of one kind. */
static int inputs_of(niact_input_kind kind) {
    int n = 0;
    for (size_t i = 0; i < niact_session_played_count(room.s); i++) {
        niact_played p;
        if (!niact_session_played_at(room.s, i, &p))
            continue;
        for (size_t k = 0; k < p.n_inputs; k++)
            n += p.inputs[k].kind == kind;
    }
    return n;
}

static void test_moderator_window(void **state) {
    (void)state;
    assert_non_null(mkdtemp(dir));
    char data[600], rec[600];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(rec, sizeof rec, "%s/rec.json", dir);
    setenv("HOME", dir, 1);
    setenv("XDG_DATA_HOME", data, 1);
    char *argv[] = {"host", "--port", "0", "--bind", "127.0.0.1", "--seed", "5",
                    "--seat", "un=ai:historical", "--no-autosave", "--record", rec, NULL};
    assert_int_equal(cli_host_open(12, argv, &H), 0);
    cli_host_room(H, &room);
    assert_true(room.port > 0);
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    win = SDL_CreateWindow("moderator", 0, 0, 1280, 720, 0);
    assert_non_null(win);
    ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    assert_non_null(ren);
    A = calloc(1, sizeof *A);
    char assets[4096], msg[4096];
    assert_int_equal(ui_find_assets(assets, sizeof assets, msg, sizeof msg), 0);
    assert_int_equal(app_init(A, win, ren, assets), 0);
    room_open(A, &room);
    assert_int_equal(A->scr, SCR_MODERATOR);
    SC = niact_session_scenario(room.s);
    G = niact_session_view(room.s);
    R_US = niact_scenario_role(SC, "us");
    R_USSR = niact_scenario_role(SC, "ussr");
    pass();

    /* The seats' codes are on the moderator's screen's data; two clients join. */
    ui_room_seat us, ussr;
    room.seat(room.ctx, R_US, &us);
    room.seat(room.ctx, R_USSR, &ussr);
    assert_int_equal(strlen(us.code), 10);
    int us_in, ussr_in;
    pid_t us_pid = join(us.code, "us", &us_in);
    pid_t ussr_pid = join(ussr.code, "ussr1", &ussr_in);
    assert_true(wait_for(both_connected));
    wait_text("us.out", "[us] > ", 1);
    wait_text("ussr1.out", "[ussr] > ", 1);

    /* Pause, then resume: by the button. */
    click(ui_id("mod-pause", 0));
    assert_true(wait_for(paused));
    wait_text("us.out", "moderator paused the game", 1);
    wait_text("ussr1.out", "moderator paused the game", 1);
    click(ui_id("mod-pause", 0)); /* now it says Resume */
    assert_true(wait_for(resumed));
    wait_text("us.out", "The game goes on", 1);

    /* A private telegram: the projector must never show it. */
    say_to(us_in, "telegram ussr WINDOW-SECRET-2291\n");
    wait_text("ussr1.out", "New for you: a telegram", 1);

    /* A message typed into the window. */
    click(ui_id("mod-text", 0));
    type_text("Five minutes left");
    type_text(" for talks");
    click(ui_id("mod-send", 0));
    wait_text("us.out", "Message from the moderator: Five minutes left for talks", 1);
    wait_text("ussr1.out", "Message from the moderator: Five minutes left for talks", 1);

    /* The US gives its orders; an injected event gives them back. */
    say_to(us_in, "done\n");
    assert_true(wait_for(us_given));
    int ev = -1;
    for (int i = 0; i < SC->n_events && ev < 0; i++)
        if (!strcmp(SC->events[A->mod.event].meta.id, "exile_raid"))
            ev = A->mod.event;
        else
            click(ui_id("mod-ev-next", 0));
    assert_true(ev >= 0);
    click(ui_id("mod-inject", 0));
    assert_non_null(strstr(A->mod.msg, "exile_raid"));
    wait_text("us.out", "back in your draft", 1);
    assert_false(niact_game_submitted(G, R_US));
    say_to(us_in, "done\n");
    assert_true(wait_for(us_given));

    /* Free the USSR seat: its client is closed, a new code, which works. */
    click(ui_id("mod-free", R_USSR));
    assert_true(wait_for(ussr_gone));
    ui_room_seat freed;
    room.seat(room.ctx, R_USSR, &freed);
    assert_string_not_equal(freed.code, ussr.code);
    wait_text("ussr1.err", "new code", 1);
    int ussr2_in;
    pid_t ussr2_pid = join(freed.code, "ussr", &ussr2_in);
    assert_true(wait_for(ussr_connected));
    wait_text("ussr.out", "[ussr] > ", 1);

    /* The projector view (F5): only the public view. */
    key(SDLK_F5);
    assert_int_equal(A->scr, SCR_PROJECTOR);
    static niact_public pub;
    assert_int_equal(niact_session_public(room.s, (int64_t)(now_s() * 1000), 0, &pub), NIACT_OK);
    static char lines[1 << 16];
    int n = projector_lines(SC, &pub, lines, sizeof lines);
    assert_true(n >= 6);
    int said_orders = 0, said_turn = 0;
    for (const char *l = lines; n-- > 0; l += strlen(l) + 1) {
        for (int t = 0; t < SC->n_tracks; t++) { /* no track some seat does not see truly */
            int every = 1;
            for (int r = 0; r < SC->n_roles; r++) {
                niact_known k;
                every &= niact_session_track(room.s, r, t, &k) == NIACT_OK &&
                         k.vis == NIACT_VIS_TRUE;
            }
            if (!every && strstr(l, SC->tracks[t].meta.name))
                fail_msg("the projector shows the secret track '%s': %s",
                         SC->tracks[t].meta.name, l);
        }
        assert_null(strstr(l, "WINDOW-SECRET-2291"));
        said_orders += strstr(l, "United States: orders given") != NULL;
        said_turn += strstr(l, "Turn 1 of") != NULL;
    }
    assert_int_equal(said_orders, 1);
    assert_int_equal(said_turn, 1);
    for (int t = 0; t < SC->n_tracks; t++)
        if (!strcmp(SC->tracks[t].meta.id, "tactical")) { /* (the check above has a target) */
            niact_known k;
            assert_int_equal(niact_session_track(room.s, R_US, t, &k), NIACT_OK);
            assert_int_not_equal(k.vis, NIACT_VIS_TRUE);
        }
    key(SDLK_F5);
    assert_int_equal(A->scr, SCR_MODERATOR);

    /* A deadline of 10 s, late seats play the historical personality: the silent USSR
     * defaults and the turn resolves. */
    while (A->mod.deadline > 10)
        click(ui_id("mod-dl-minus", 0));
    assert_int_equal(A->mod.deadline, 10);
    assert_string_equal(SC->personalities[A->mod.play - 1], "historical");
    click(ui_id("mod-dl-set", 0));
    wait_text("ussr.out", "From now on each turn has 0:10", 1);
    /* The countdown the moderator sees is the one the host runs (same clock). */
    char clock[64];
    room_clock_text(A, clock, sizeof clock);
    int mm = -1, ss = -1;
    assert_int_equal(sscanf(clock, "%d:%d", &mm, &ss), 2);
    assert_true(mm == 0 && ss >= 0 && ss <= 10);
    assert_true(wait_for(turn2));
    wait_text("ussr.out", "Time is up", 1);
    assert_true(inputs_of(NIACT_INPUT_DEFAULT) >= 1);

    /* Remove the deadline, then roll back to the start of turn 1. */
    while (A->mod.deadline > 0)
        click(ui_id("mod-dl-minus", 0));
    click(ui_id("mod-dl-set", 0));
    wait_text("us.out", "removed the deadline", 1);
    click(ui_id("mod-rb-prev", 0));
    assert_int_equal(A->mod.rollback, 1);
    click(ui_id("mod-rollback", 0));
    wait_text("us.out", "rolled the game back to the start of turn 1", 1);
    assert_int_equal(niact_game_turn(G), 0);

    /* Every command is on the record: the session kept it as an input. */
    assert_int_equal(inputs_of(NIACT_INPUT_PAUSE), 1);
    assert_int_equal(inputs_of(NIACT_INPUT_RESUME), 1);
    assert_int_equal(inputs_of(NIACT_INPUT_MESSAGE), 1);
    assert_int_equal(inputs_of(NIACT_INPUT_INJECT), 1);
    assert_int_equal(inputs_of(NIACT_INPUT_FREE_SEAT), 1);
    assert_int_equal(inputs_of(NIACT_INPUT_DEADLINE), 2);
    assert_int_equal(inputs_of(NIACT_INPUT_ROLLBACK), 1);

    /* The moderator closes the window: the session ends, the record is written. */
    room.stop(room.ctx);
    close(us_in), close(ussr_in), close(ussr2_in);
    assert_int_equal(cli_host_close(H), 0);
    H = NULL;
    int st;
    pid_t ps[] = {us_pid, ussr_pid, ussr2_pid};
    for (int p = 0; p < 3; p++) {
        double t0 = now_s();
        while (waitpid(ps[p], &st, WNOHANG) == 0 && now_s() - t0 < 20)
            SDL_Delay(20);
        kill(ps[p], SIGKILL);
        waitpid(ps[p], &st, 0);
    }
    char *json = slurp("rec.json");
    const char *kinds[] = {"pause", "resume", "message", "inject", "free_seat", "deadline",
                           "default", "rollback"};
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
        char want[64];
        snprintf(want, sizeof want, "\"%s\"", kinds[i]);
        if (!strstr(json, want))
            fail_msg("the record has no '%s' input", kinds[i]);
    }
    free(json);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "'%s' replay '%s' --verify >'%s/replay.out' 2>&1", NIACT_BIN, rec,
             dir);
    assert_int_equal(system(cmd), 0);
    app_free(A);
    free(A);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_moderator_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
