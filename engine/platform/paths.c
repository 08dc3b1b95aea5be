/* Where niact's files live (include/niact/paths.h): the user's XDG data folder, the
 * bundled data (installed share/niact or the source tree of a build-tree binary), plain
 * names, the trust check and the one scenario lookup rule. Nothing else in the program
 * reads HOME, XDG_DATA_HOME or /proc/self/exe. */
#define _XOPEN_SOURCE 700 /* realpath, S_ISVTX */
#include "niact/paths.h"

#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The installed data folder relative to the folder holding the binary (CMake computes it
 * from the install layout: bin/ and share/niact by default). */
#ifndef NIACT_BUNDLED_REL
#define NIACT_BUNDLED_REL "../share/niact"
#endif

/* msg is optional everywhere; this formats into it when present. Returns -1. */
static int fail(char *msg, size_t msglen, const char *fmt, ...) {
    if (msg && msglen) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(msg, msglen, fmt, ap);
        va_end(ap);
    }
    return -1;
}

static int is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

int niact_name_ok(const char *name) {
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 64 || name[0] == '.')
        return 0;
    for (const char *s = name; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

/* mkdir -p for an absolute path (mode 0700); 0 or -1 with errno. */
static int make_dirs(char *path) {
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != 0)
            continue;
        char c = *p;
        *p = 0;
        int rc = mkdir(path, 0700);
        *p = c;
        if (rc != 0 && errno != EEXIST)
            return -1;
        if (!c)
            return 0;
    }
}

int niact_path_data_home(const char *sub, int create, char *out, size_t len, char *msg,
                         size_t msglen) {
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    const char *tail = sub && *sub ? sub : "";
    const char *sep = *tail ? "/" : "";
    int n;
    /* The XDG Base Directory specification: a relative path is invalid and is ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(out, len, "%s/niact%s%s", xdg, sep, tail);
    else if (home && home[0] == '/')
        n = snprintf(out, len, "%s/.local/share/niact%s%s", home, sep, tail);
    else
        return fail(msg, msglen, "no data folder: neither XDG_DATA_HOME nor HOME is an "
                                 "absolute path");
    if (n < 0 || (size_t)n >= len)
        return fail(msg, msglen, "the data folder's path is too long");
    if (create && make_dirs(out) != 0)
        return fail(msg, msglen, "%s: cannot create: %s", out, strerror(errno));
    return 0;
}

/* 1 if gid is the current user's private group (same name as the user, no other
 * member): the Debian default, where a umask of 002 makes files group-writable. */
static int private_group(gid_t gid) {
    struct passwd *pw = getpwuid(geteuid());
    struct group *gr = getgrgid(gid);
    if (!pw || !gr || pw->pw_gid != gid || strcmp(pw->pw_name, gr->gr_name) != 0)
        return 0;
    for (char **m = gr->gr_mem; m && *m; m++)
        if (strcmp(*m, pw->pw_name) != 0)
            return 0;
    return 1;
}

/* Who may change st: 0 if only root and the current user, else -1 with msg set. A
 * parent folder (leaf 0) may be writable by others when its sticky bit keeps them from
 * renaming or removing what is in it (as /tmp); the folder or file itself may not. */
static int check_one(const char *path, const struct stat *st, int leaf, char *msg,
                     size_t msglen) {
    uid_t me = geteuid();
    if (st->st_uid != 0 && st->st_uid != me)
        return fail(msg, msglen, "%s is owned by another user (uid %u): not used", path,
                    (unsigned)st->st_uid);
    int sticky = !leaf && S_ISDIR(st->st_mode) && (st->st_mode & S_ISVTX);
    if ((st->st_mode & S_IWOTH) && !sticky)
        return fail(msg, msglen, "%s is writable by anyone: not used", path);
    if ((st->st_mode & S_IWGRP) && !sticky && !private_group(st->st_gid))
        return fail(msg, msglen, "%s is writable by its group (gid %u): not used", path,
                    (unsigned)st->st_gid);
    return 0;
}

/* How deep and how many entries niact_path_trusted looks at inside a folder: a
 * scenario is a few files; anything larger is refused rather than half-checked. */
enum { TRUST_MAX_DEPTH = 16, TRUST_MAX_ENTRIES = 20000 };

/* Everything inside folder dir, at any depth (files a scenario's Lua may read, its
 * require() reaching subfolders). A symbolic link's own mode means nothing; its owner
 * and its target are checked. *budget counts the entries left. */
static int check_entries(const char *dir, int depth, int *budget, char *msg, size_t msglen) {
    if (depth > TRUST_MAX_DEPTH)
        return fail(msg, msglen, "%s: folders nested too deep to check: not used", dir);
    DIR *d = opendir(dir);
    if (!d)
        return fail(msg, msglen, "%s: cannot read: %s", dir, strerror(errno));
    int rc = 0;
    struct dirent *e;
    while (rc == 0 && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (--*budget < 0) {
            rc = fail(msg, msglen, "%s: too many files to check: not used", dir);
            break;
        }
        char p[NIACT_PATH_MAX + 256];
        struct stat st;
        if ((size_t)snprintf(p, sizeof p, "%s/%s", dir, e->d_name) >= sizeof p) {
            rc = fail(msg, msglen, "%s: a path inside is too long: not used", dir);
            break;
        }
        if (lstat(p, &st) != 0)
            continue;
        if (S_ISLNK(st.st_mode)) {
            if (st.st_uid != 0 && st.st_uid != geteuid())
                rc = fail(msg, msglen, "%s is owned by another user (uid %u): not used", p,
                          (unsigned)st.st_uid);
            else if (stat(p, &st) != 0)
                continue; /* a dangling link leads nowhere */
            else
                rc = check_one(p, &st, 1, msg, msglen);
            if (rc == 0 && S_ISDIR(st.st_mode))
                rc = check_entries(p, depth + 1, budget, msg, msglen);
            continue;
        }
        rc = check_one(p, &st, 1, msg, msglen);
        if (rc == 0 && S_ISDIR(st.st_mode))
            rc = check_entries(p, depth + 1, budget, msg, msglen);
    }
    closedir(d);
    return rc;
}

/* niact_path_trusted; contents 0 skips what is inside the folder (the bundled data
 * folder, whose scenario and lib folders are checked with their contents when used). */
static int trusted(const char *path, int contents, char *msg, size_t msglen) {
    char real[PATH_MAX];
    if (!realpath(path, real))
        return fail(msg, msglen, "%s: %s", path, strerror(errno));
    struct stat st;
    if (stat(real, &st) != 0)
        return fail(msg, msglen, "%s: %s", real, strerror(errno));
    if (check_one(real, &st, 1, msg, msglen) != 0)
        return -1;
    int budget = TRUST_MAX_ENTRIES;
    if (contents && S_ISDIR(st.st_mode) && check_entries(real, 0, &budget, msg, msglen) != 0)
        return -1;
    /* Every parent up to /: whoever may rename a parent may swap the folder. */
    for (char *slash = strrchr(real, '/'); slash; slash = strrchr(real, '/')) {
        if (slash == real)
            slash[1] = 0;
        else
            *slash = 0;
        if (stat(real, &st) != 0)
            return fail(msg, msglen, "%s: %s", real, strerror(errno));
        if (check_one(real, &st, 0, msg, msglen) != 0)
            return -1;
        if (slash == real)
            break;
    }
    return 0;
}

int niact_path_trusted(const char *path, char *msg, size_t msglen) {
    return trusted(path, 1, msg, msglen);
}

/* The folder holding the running program, resolved; 0 or -1. */
static int exe_dir(char *out, size_t len) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return -1;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash || slash == exe)
        return -1;
    *slash = 0;
    return (size_t)snprintf(out, len, "%s", exe) < len ? 0 : -1;
}

/* A build-tree binary has a marker file beside it, written by CMake, naming the source
 * tree in one line; an installed one has none (it is not installed). 1 and the source
 * tree in out; 0 if there is no marker; -1 (msg set) if the marker is not trusted. */
static int build_tree(const char *bindir, char *out, size_t len, char *msg, size_t msglen) {
    char marker[NIACT_PATH_MAX + 32];
    snprintf(marker, sizeof marker, "%s/niact-build-tree", bindir);
    FILE *f = fopen(marker, "r");
    if (!f)
        return 0;
    char line[NIACT_PATH_MAX];
    int ok = fgets(line, sizeof line, f) != NULL;
    fclose(f);
    if (trusted(marker, 0, msg, msglen) != 0)
        return -1;
    line[strcspn(line, "\r\n")] = 0;
    if (!ok || line[0] != '/' || (size_t)snprintf(out, len, "%s", line) >= len)
        return fail(msg, msglen, "%s: not a source folder", marker);
    return 1;
}

/* niact_path_bundled, telling apart a missing folder (-1) from an untrusted one (-2). */
static int find_bundled(char *out, size_t len, char *msg, size_t msglen) {
    char bindir[NIACT_PATH_MAX], cand[NIACT_PATH_MAX + 64];
    if (exe_dir(bindir, sizeof bindir) != 0)
        return fail(msg, msglen, "cannot tell where the program is (/proc/self/exe)");
    int bt = build_tree(bindir, cand, sizeof cand, msg, msglen);
    if (bt < 0)
        return -2;
    if (bt == 0)
        snprintf(cand, sizeof cand, "%s/" NIACT_BUNDLED_REL, bindir);
    char real[PATH_MAX];
    if (!realpath(cand, real) || !is_dir(real))
        return fail(msg, msglen, "no bundled data folder: %s is missing (is niact installed?)",
                    cand);
    if (trusted(real, 0, msg, msglen) != 0)
        return -2;
    if ((size_t)snprintf(out, len, "%s", real) >= len)
        return fail(msg, msglen, "the bundled data folder's path is too long");
    return 0;
}

int niact_path_bundled(char *out, size_t len, char *msg, size_t msglen) {
    return find_bundled(out, len, msg, msglen) == 0 ? 0 : -1;
}

/* A folder the user gave (it has a '/', or is "." or ".."): the folder itself. */
static int given_folder(const char *arg, char *dir, size_t dirlen, char *msg, size_t msglen) {
    char real[PATH_MAX];
    if (!realpath(arg, real))
        return fail(msg, msglen, "no scenario folder %s: %s", arg, strerror(errno));
    if (!is_dir(real))
        return fail(msg, msglen, "%s is not a folder (a scenario is a folder with "
                                 "scenario.lua)", arg);
    if (niact_path_trusted(real, msg, msglen) != 0)
        return -1;
    if ((size_t)snprintf(dir, dirlen, "%s", real) >= dirlen)
        return fail(msg, msglen, "the scenario folder's path is too long");
    return 0;
}

/* Looks for NAME in folder base; 1 found (dir set), 0 absent, -1 untrusted (msg set). */
static int named_in(const char *base, const char *name, char *dir, size_t dirlen, char *msg,
                    size_t msglen) {
    char p[NIACT_PATH_MAX + 128];
    snprintf(p, sizeof p, "%s/%s", base, name);
    if (!is_dir(p))
        return 0;
    char real[PATH_MAX];
    if (!realpath(p, real) || niact_path_trusted(real, msg, msglen) != 0)
        return -1;
    if ((size_t)snprintf(dir, dirlen, "%s", real) >= dirlen)
        return fail(msg, msglen, "the scenario folder's path is too long");
    return 1;
}

int niact_path_scenario(const char *name_or_dir, char *dir, size_t dirlen, char *lib,
                        size_t liblen, char *msg, size_t msglen) {
    char bundled[NIACT_PATH_MAX], bmsg[NIACT_PATH_MAX + 256] = "";
    int b = find_bundled(bundled, sizeof bundled, bmsg, sizeof bmsg), have_bundled = b == 0;
    if (liblen)
        lib[0] = 0;
    if (have_bundled) {
        char l[NIACT_PATH_MAX + 16];
        snprintf(l, sizeof l, "%s/scripts/lib", bundled);
        if (is_dir(l) && niact_path_trusted(l, msg, msglen) != 0)
            return -1;
        if (is_dir(l) && (size_t)snprintf(lib, liblen, "%s", l) >= liblen)
            return fail(msg, msglen, "the library folder's path is too long");
    } else if (b == -2) {
        return fail(msg, msglen, "%s", bmsg); /* an untrusted bundled folder is an error */
    }
    const char *a = name_or_dir ? name_or_dir : "";
    if (strchr(a, '/') || strcmp(a, ".") == 0 || strcmp(a, "..") == 0)
        return given_folder(a, dir, dirlen, msg, msglen);
    if (!niact_name_ok(a))
        return fail(msg, msglen, "'%.80s' is not a scenario name (letters, digits, '_', '-', "
                                 "'.'); a folder needs a '/', as in ./%.80s", a, a);
    char base[NIACT_PATH_MAX + 32], home[NIACT_PATH_MAX];
    if (have_bundled) {
        snprintf(base, sizeof base, "%s/scripts/scenarios", bundled);
        int r = named_in(base, a, dir, dirlen, msg, msglen);
        if (r != 0)
            return r > 0 ? 0 : -1;
    }
    int have_home = niact_path_data_home("scenarios", 0, home, sizeof home, NULL, 0) == 0;
    if (have_home) {
        int r = named_in(home, a, dir, dirlen, msg, msglen);
        if (r != 0)
            return r > 0 ? 0 : -1;
    }
    int here = is_dir(a);
    if (!have_bundled)
        return fail(msg, msglen, "no scenario '%s' in %s (%s)%s%s%s", a,
                    have_home ? home : "(no data folder)", bmsg,
                    here ? "; a folder in the current one is never looked up by name: give ./"
                         : "",
                    here ? a : "", "");
    return fail(msg, msglen, "no scenario '%s' in %s or %s%s%s%s", a, base,
                have_home ? home : "(no data folder)",
                here ? " (a folder in the current one is never looked up by name: give ./" : "",
                here ? a : "", here ? ")" : "");
}

int niact_path_default_scenario(char *name, size_t len, char *msg, size_t msglen) {
    char bundled[NIACT_PATH_MAX], base[NIACT_PATH_MAX + 32];
    if (find_bundled(bundled, sizeof bundled, msg, msglen) != 0)
        return -1;
    snprintf(base, sizeof base, "%s/scripts/scenarios", bundled);
    DIR *d = opendir(base);
    if (!d)
        return fail(msg, msglen, "no bundled scenarios in %s: %s", base, strerror(errno));
    char best[256] = "";
    struct dirent *e;
    while ((e = readdir(d))) {
        char p[NIACT_PATH_MAX + 300];
        if (!niact_name_ok(e->d_name) || strlen(e->d_name) >= sizeof best ||
            (best[0] && strcmp(e->d_name, best) >= 0))
            continue;
        snprintf(p, sizeof p, "%s/%s/scenario.lua", base, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
            snprintf(best, sizeof best, "%s", e->d_name);
    }
    closedir(d);
    if (!best[0])
        return fail(msg, msglen, "no bundled scenario in %s; give --scenario NAME|DIR", base);
    if ((size_t)snprintf(name, len, "%s", best) >= len)
        return fail(msg, msglen, "the default scenario's name is too long");
    return 0;
}
