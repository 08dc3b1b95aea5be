/* The window's settings remembered between runs: UI scale, preset, window size and full
 * screen, in $XDG_CONFIG_HOME/niact/settings (else ~/.config/niact/settings). The file
 * is read as untrusted (a bad line is named and its default kept; nothing in it can
 * crash or hang the window) and written atomically (a temporary file in the same folder,
 * then rename). */
#define _POSIX_C_SOURCE 200809L
#include "settings.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SETTINGS_MAX_BYTES 65536

void ui_settings_default(ui_settings *s) {
    s->scale = 1.0f;
    s->preset = 0;
    s->w = 1280;
    s->h = 720;
    s->fullscreen = 0;
}

/* $XDG_CONFIG_HOME/niact (an absolute path), else $HOME/.config/niact. */
static int ui_settings_dir(char *out, size_t len) {
    const char *x = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n;
    if (x && x[0] == '/')
        n = snprintf(out, len, "%s/niact", x);
    else if (home && home[0] == '/')
        n = snprintf(out, len, "%s/.config/niact", home);
    else
        return -1;
    return n > 0 && (size_t)n < len ? 0 : -1;
}

int ui_settings_path(char *out, size_t len) {
    char dir[4096];
    if (ui_settings_dir(dir, sizeof dir) != 0)
        return -1;
    int n = snprintf(out, len, "%s/settings", dir);
    return n > 0 && (size_t)n < len ? 0 : -1;
}

/* Appends one line to msg. */
static void note(char *msg, size_t len, const char *fmt, ...) {
    size_t o = strlen(msg);
    if (o + 1 >= len)
        return;
    char one[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(one, sizeof one, fmt, ap);
    va_end(ap);
    snprintf(msg + o, len - o, "%s%s", o ? "\n" : "", one);
}

/* A whole number in [lo, hi], written whole. */
static int whole(const char *v, long lo, long hi, long *out) {
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (end == v || *end || errno || x < lo || x > hi)
        return 0;
    *out = x;
    return 1;
}

/* Parses one "key=value" line into s; returns 0, or -1 with why set. */
static int parse_line(char *line, ui_settings *s, const char **why) {
    char *eq = strchr(line, '=');
    if (!eq) {
        *why = "not key=value";
        return -1;
    }
    *eq = 0;
    const char *k = line, *v = eq + 1;
    if (!strcmp(k, "scale")) {
        char *end;
        double x = strtod(v, &end);
        if (end == v || *end || !(x >= 0.75 && x <= 2.0)) {
            *why = "scale must be a number from 0.75 to 2";
            return -1;
        }
        s->scale = (float)x;
    } else if (!strcmp(k, "preset")) {
        int p = ui_preset_parse(v);
        if (p < 0) {
            *why = "preset must be paper or projector";
            return -1;
        }
        s->preset = p;
    } else if (!strcmp(k, "size")) {
        long w, h;
        char a[16], b[16];
        const char *x = strchr(v, 'x');
        if (!x || x - v >= (long)sizeof a || strlen(x + 1) >= sizeof b) {
            *why = "size must be WxH, from 640x400 to 16384x16384";
            return -1;
        }
        snprintf(a, sizeof a, "%.*s", (int)(x - v), v);
        snprintf(b, sizeof b, "%s", x + 1);
        if (!whole(a, 640, 16384, &w) || !whole(b, 400, 16384, &h)) {
            *why = "size must be WxH, from 640x400 to 16384x16384";
            return -1;
        }
        s->w = (int)w;
        s->h = (int)h;
    } else if (!strcmp(k, "fullscreen")) {
        long f;
        if (!whole(v, 0, 1, &f)) {
            *why = "fullscreen must be 0 or 1";
            return -1;
        }
        s->fullscreen = (int)f;
    } else {
        *why = "unknown setting";
        return -1;
    }
    return 0;
}

int ui_settings_load(const char *path, ui_settings *s, char *msg, size_t len) {
    ui_settings_default(s);
    if (msg && len)
        msg[0] = 0;
    char m[2048] = "";
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return 0; /* no file yet: the defaults, silently */
        note(m, sizeof m, "%s: cannot be read (%s); using the defaults", path, strerror(errno));
        goto fail;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        note(m, sizeof m, "%s: not a regular file; using the defaults", path);
        goto fail;
    }
    if (st.st_size > SETTINGS_MAX_BYTES) {
        close(fd);
        note(m, sizeof m, "%s: larger than 64 KB; not read, using the defaults", path);
        goto fail;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    ssize_t got = buf ? read(fd, buf, (size_t)st.st_size) : -1;
    close(fd);
    if (got < 0) {
        free(buf);
        note(m, sizeof m, "%s: cannot be read; using the defaults", path);
        goto fail;
    }
    buf[got] = 0;
    if (memchr(buf, 0, (size_t)got)) {
        free(buf);
        note(m, sizeof m, "%s: not a text file; using the defaults", path);
        goto fail;
    }
    int bad = 0, n = 0;
    for (char *p = buf, *next; p && *p; p = next) {
        next = strchr(p, '\n');
        if (next)
            *next++ = 0;
        n++;
        size_t l = strlen(p);
        while (l && (p[l - 1] == '\r' || p[l - 1] == ' ' || p[l - 1] == '\t'))
            p[--l] = 0;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '#')
            continue;
        const char *why = NULL;
        ui_settings keep = *s;
        if (l > 200) {
            why = "line too long";
        } else if (parse_line(p, s, &why) != 0) {
            *s = keep;
        }
        if (why) {
            bad++;
            note(m, sizeof m, "%s:%d: %s; that setting keeps its default", path, n, why);
        }
    }
    free(buf);
    if (msg && len)
        snprintf(msg, len, "%s", m);
    return bad ? -1 : 0;
fail:
    ui_settings_default(s);
    if (msg && len)
        snprintf(msg, len, "%s", m);
    return -1;
}

/* mkdir -p for the settings folder (0700). */
static int make_dirs(const char *dir) {
    char p[4096];
    if (snprintf(p, sizeof p, "%s", dir) >= (int)sizeof p)
        return -1;
    for (char *c = p + 1; *c; c++) {
        if (*c != '/')
            continue;
        *c = 0;
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            return -1;
        *c = '/';
    }
    return mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

int ui_settings_save(const char *path, const ui_settings *s, char *msg, size_t len) {
    char dir[4096], tmp[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash) {
        snprintf(msg, len, "%s: not an absolute path", path);
        return -1;
    }
    *slash = 0;
    if (dir[0] && make_dirs(dir) != 0) {
        snprintf(msg, len, "%s: cannot make the folder (%s)", dir, strerror(errno));
        return -1;
    }
    snprintf(tmp, sizeof tmp, "%s/.settings.XXXXXX", dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(msg, len, "%s: cannot write in it (%s)", dir, strerror(errno));
        return -1;
    }
    char text[512];
    int n = snprintf(text, sizeof text,
                     "# Niact window settings (rewritten when they change)\n"
                     "scale=%.3g\npreset=%s\nsize=%dx%d\nfullscreen=%d\n",
                     (double)s->scale, ui_preset_name(s->preset), s->w, s->h, s->fullscreen ? 1 : 0);
    int ok = n > 0 && n < (int)sizeof text && write(fd, text, (size_t)n) == n && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        snprintf(msg, len, "%s: cannot be written (%s)", path, strerror(errno));
        unlink(tmp);
        return -1;
    }
    return 0;
}
