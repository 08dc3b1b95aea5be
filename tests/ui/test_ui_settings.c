/* The window's remembered settings (engine/ui/settings.c) and the presets' contrast
 * (draw.c): where the file lives (XDG_CONFIG_HOME, else HOME/.config), a round trip, a
 * bad file of every kind read as untrusted (named, defaults kept, never a crash), an
 * atomic write that leaves no temporary file and replaces the old one whole; and the
 * WCAG contrast of the projector preset's colours: every text colour against every
 * background it is drawn on >= 4.5:1, map land against sea >= 3:1. */
#define _XOPEN_SOURCE 700 /* nftw, mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <dirent.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui/settings.h"
#include "ui/ui.h"

static char home[] = "/tmp/niact-ui-settings-XXXXXX";

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
    (void)st, (void)flag, (void)ftw;
    return remove(path);
}

static void write_file(const char *path, const char *text, size_t len) {
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
}

static void path_in(char *out, size_t len, const char *name) {
    snprintf(out, len, "%s/%s", home, name);
}

/* XDG_CONFIG_HOME when absolute, else HOME/.config; no HOME at all: no file. */
static void test_where(void **state) {
    (void)state;
    char p[4096], want[4096];
    setenv("HOME", home, 1);
    setenv("XDG_CONFIG_HOME", "/somewhere/cfg", 1);
    assert_int_equal(ui_settings_path(p, sizeof p), 0);
    assert_string_equal(p, "/somewhere/cfg/niact/settings");
    setenv("XDG_CONFIG_HOME", "relative/cfg", 1); /* the spec: a relative one is ignored */
    assert_int_equal(ui_settings_path(p, sizeof p), 0);
    snprintf(want, sizeof want, "%s/.config/niact/settings", home);
    assert_string_equal(p, want);
    unsetenv("XDG_CONFIG_HOME");
    assert_int_equal(ui_settings_path(p, sizeof p), 0);
    assert_string_equal(p, want);
    unsetenv("HOME");
    assert_int_equal(ui_settings_path(p, sizeof p), -1);
    setenv("HOME", home, 1);
}

/* Saved, read back the same; no file: the defaults and no message. */
static void test_round_trip(void **state) {
    (void)state;
    char p[4096], msg[2048];
    setenv("XDG_CONFIG_HOME", home, 1);
    assert_int_equal(ui_settings_path(p, sizeof p), 0);
    ui_settings s, t;
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), 0);
    assert_string_equal(msg, "");
    assert_true(fabsf(s.scale - 1.0f) < 1e-6f);
    assert_int_equal(s.preset, 0);
    s = (ui_settings){1.25f, 1, 1600, 900, 1};
    assert_int_equal(ui_settings_save(p, &s, msg, sizeof msg), 0);
    assert_int_equal(ui_settings_load(p, &t, msg, sizeof msg), 0);
    assert_true(fabsf(t.scale - 1.25f) < 1e-6f);
    assert_int_equal(t.preset, 1);
    assert_int_equal(t.w, 1600);
    assert_int_equal(t.h, 900);
    assert_int_equal(t.fullscreen, 1);
    /* Written again over it: the new values whole, and no temporary file left. */
    s = (ui_settings){0.75f, 0, 1024, 600, 0};
    assert_int_equal(ui_settings_save(p, &s, msg, sizeof msg), 0);
    assert_int_equal(ui_settings_load(p, &t, msg, sizeof msg), 0);
    assert_int_equal(t.w, 1024);
    assert_int_equal(t.preset, 0);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/niact", home);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.' || strncmp(e->d_name, ".settings", 9) == 0)
            files++, assert_string_equal(e->d_name, "settings");
    closedir(d);
    assert_int_equal(files, 1);
}

/* Each bad line is named with its line number; the good lines count; the rest keep
 * their defaults. */
static void test_bad_lines(void **state) {
    (void)state;
    char p[4096], msg[2048];
    path_in(p, sizeof p, "bad-lines");
    static const char text[] = "# a comment\n"
                               "scale=1.5x\n"
                               "preset=projector\n"
                               "size=800x600x\n"
                               "fullscreen=2\n"
                               "colour=red\n"
                               "no equals sign\n"
                               "scale=nan\n"
                               "size=300x200\n"
                               "  \n";
    write_file(p, text, sizeof text - 1);
    ui_settings s;
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_int_equal(s.preset, 1); /* the good line */
    assert_true(fabsf(s.scale - 1.0f) < 1e-6f);
    assert_int_equal(s.w, 1280);
    assert_int_equal(s.fullscreen, 0);
    char want[4200];
    for (int line = 2; line <= 9; line++) {
        if (line == 3)
            continue;
        snprintf(want, sizeof want, "%s:%d: ", p, line);
        if (!strstr(msg, want))
            fail_msg("no message for line %d in:\n%s", line, msg);
    }
    assert_non_null(strstr(msg, "scale must be a number from 0.75 to 2"));
    assert_non_null(strstr(msg, "unknown setting"));
}

/* Files that are not settings at all: the defaults, a message naming the file. */
static void test_bad_files(void **state) {
    (void)state;
    char p[4096], msg[2048];
    ui_settings s;
    /* Binary. */
    path_in(p, sizeof p, "binary");
    write_file(p, "scale=2\0\x01\x02", 10);
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "not a text file"));
    assert_true(fabsf(s.scale - 1.0f) < 1e-6f);
    /* Too large (it is never read). */
    path_in(p, sizeof p, "large");
    size_t n = 70000;
    char *big = malloc(n);
    assert_non_null(big);
    memset(big, '#', n);
    write_file(p, big, n);
    free(big);
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "larger than 64 KB"));
    /* A long line. */
    path_in(p, sizeof p, "long-line");
    char line[400];
    memset(line, 'x', sizeof line - 1);
    line[sizeof line - 1] = 0;
    memcpy(line, "scale=", 6);
    write_file(p, line, strlen(line));
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, ":1: line too long"));
    /* A folder, a FIFO (never blocks), a symbolic link (not followed). */
    path_in(p, sizeof p, "a-folder");
    assert_int_equal(mkdir(p, 0700), 0);
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "not a regular file"));
    path_in(p, sizeof p, "a-fifo");
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "not a regular file"));
    char target[4096];
    path_in(target, sizeof target, "binary");
    path_in(p, sizeof p, "a-link");
    assert_int_equal(symlink(target, p), 0);
    assert_int_equal(ui_settings_load(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "cannot be read"));
    assert_true(fabsf(s.scale - 1.0f) < 1e-6f);
}

/* A folder that cannot be made: an error, and an existing file elsewhere untouched. */
static void test_save_fails_cleanly(void **state) {
    (void)state;
    char p[4096], msg[2048], blocker[4096];
    path_in(blocker, sizeof blocker, "plain-file");
    write_file(blocker, "x", 1);
    snprintf(p, sizeof p, "%s/niact/settings", blocker); /* under a regular file */
    ui_settings s = {1.5f, 1, 1280, 720, 0};
    assert_int_equal(ui_settings_save(p, &s, msg, sizeof msg), -1);
    assert_non_null(strstr(msg, "cannot make the folder"));
    struct stat st;
    assert_int_equal(stat(blocker, &st), 0);
    assert_int_equal(st.st_size, 1);
}

/* WCAG 2 relative luminance and contrast ratio. */
static double channel(int c) {
    double x = c / 255.0;
    return x <= 0.03928 ? x / 12.92 : pow((x + 0.055) / 1.055, 2.4);
}

static double luminance(SDL_Color c) {
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

static double contrast(SDL_Color a, SDL_Color b) {
    double x = luminance(a), y = luminance(b);
    return x > y ? (x + 0.05) / (y + 0.05) : (y + 0.05) / (x + 0.05);
}

/* Counts the pairs of a theme under their thresholds (printing them). */
static int contrast_faults(const ui_theme *t, int print) {
    const SDL_Color text[] = {t->ink, t->ink_faded, t->stamp};
    const char *text_name[] = {"ink", "faded ink", "stamp red"};
    /* Every background text is drawn on (the map's labels are ink on land and sea). */
    const SDL_Color bg[] = {t->paper, t->paper_dark, t->paper_light, t->hover};
    const char *bg_name[] = {"paper", "folder paper", "slip paper", "hover"};
    int n = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) {
            double c = contrast(text[i], bg[j]);
            if (print)
                print_message("%s: %s on %s %.2f:1\n", t->name, text_name[i], bg_name[j], c);
            n += c < 4.5;
        }
    const struct {
        SDL_Color a, b;
        double min;
        const char *what;
    } more[] = {
        {t->paper_light, t->ink, 4.5, "slip paper on ink (the present ladder step)"},
        {t->ink, t->land, 4.5, "ink on land (labels)"},
        {t->ink, t->land_focus, 4.5, "ink on the focus land (labels)"},
        {t->ink, t->sea, 4.5, "ink on sea (labels)"},
        {t->land, t->sea, 3.0, "land against sea"},
        {t->land_focus, t->sea, 3.0, "the focus land against sea"},
    };
    for (size_t k = 0; k < sizeof more / sizeof *more; k++) {
        double c = contrast(more[k].a, more[k].b);
        if (print)
            print_message("%s: %s %.2f:1 (at least %.1f)\n", t->name, more[k].what, c, more[k].min);
        n += c < more[k].min;
    }
    return n;
}

static void test_projector_contrast(void **state) {
    (void)state;
    const ui_theme *proj = ui_theme_of(UI_PRESET_PROJECTOR);
    assert_string_equal(proj->name, "projector");
    int faults = contrast_faults(proj, 1);
    if (faults)
        fail_msg("the projector preset has %d colour pair(s) under their contrast", faults);
    /* The check can fail: the paper preset's land and sea differ 1.17:1. */
    const ui_theme *paper = ui_theme_of(UI_PRESET_PAPER);
    assert_true(contrast(paper->land, paper->sea) < 1.2);
    assert_true(contrast_faults(paper, 0) > 0);
    /* And the projector's type is larger. */
    for (int s = 0; s < SZ_THEMED; s++)
        assert_true(proj->size[s] >= paper->size[s]);
    assert_true(proj->size[SZ_SMALL] >= 18.0f);
}

static int group_setup(void **state) {
    (void)state;
    return mkdtemp(home) ? 0 : -1;
}

static int group_teardown(void **state) {
    (void)state;
    if (strchr(home, 'X') == NULL)
        nftw(home, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_where),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_save_fails_cleanly),
        cmocka_unit_test(test_projector_contrast),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
