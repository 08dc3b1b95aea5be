/* Files for records: atomic writes through unpredictable temporary files, the check
 * that a file may be replaced by a save, bounded reads, save names in the data folder
 * (the folder itself is niact_path_data_home, engine/platform/paths.c). */
#include "niact/record.h"
#include "niact/paths.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Writes all of buf to fd, retrying short writes and EINTR. Returns 0 or -1. */
static int write_all(int fd, const char *buf, size_t len) {
    while (len > 0) {
        ssize_t w = write(fd, buf, len);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += w;
        len -= (size_t)w;
    }
    return 0;
}

/* The folder part of path ("." for a bare name, "/" for a file at the root). */
static void parent_of(const char *path, char *dir, size_t len) {
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, len, ".");
    else if (slash == path)
        snprintf(dir, len, "/");
    else
        snprintf(dir, len, "%.*s", (int)(slash - path), path);
}

/* fsync of the folder holding path, so the rename itself survives a power cut. */
static int sync_parent(const char *path) {
    char dir[4096];
    parent_of(path, dir, sizeof dir);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    /* Some file systems refuse fsync on folders; the rename is still atomic there. */
    return rc == 0 || errno == EINVAL || errno == EROFS ? 0 : -1;
}

/* ---- temporary files ---------------------------------------------------------------
 * PATH is written as DIR/.BASE.niact-tmp-XXXXXXXXXXXX (12 random characters from
 * getrandom), created with O_CREAT | O_EXCL | O_NOFOLLOW: a name nobody can guess, and a
 * file or symbolic link planted under it makes the open fail instead of being followed. */

#define TMP_TAG ".niact-tmp-"
#define TMP_RAND 12
static const char tmp_alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";

/* Fills out with n random characters of tmp_alphabet. */
static void random_chars(char *out, size_t n) {
    unsigned char bytes[32];
    size_t got = 0;
    while (got < n) {
        ssize_t k = getrandom(bytes + got, n - got, 0);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    if (got < n) { /* no getrandom (very old kernel): the clock; O_EXCL still protects */
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        uint64_t x = (uint64_t)ts.tv_nsec * 6364136223846793005u ^ (uint64_t)ts.tv_sec ^
                     (uint64_t)getpid() << 32;
        for (size_t i = got; i < n; i++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            bytes[i] = (unsigned char)(x >> 56);
        }
    }
    for (size_t i = 0; i < n; i++)
        out[i] = tmp_alphabet[bytes[i] % (sizeof tmp_alphabet - 1)];
    out[n] = 0;
}

/* Creates a new temporary file beside path; tmp gets its name. Returns the fd or -1. */
static int open_temp(const char *path, char *tmp, size_t len) {
    char dir[4096], rnd[TMP_RAND + 1];
    parent_of(path, dir, sizeof dir);
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    for (int tries = 0; tries < 100; tries++) {
        random_chars(rnd, TMP_RAND);
        int n = snprintf(tmp, len, "%s/.%.200s" TMP_TAG "%s", dir, base, rnd);
        if (n < 0 || (size_t)n >= len) {
            errno = ENAMETOOLONG;
            return -1;
        }
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    errno = EEXIST;
    return -1;
}

/* One of our temporary files by its name: ".*.niact-tmp-" and TMP_RAND characters of the
 * alphabet, or the older builds' "*.json.tmp.PID". */
static int is_temp_name(const char *name) {
    size_t n = strlen(name), tl = strlen(TMP_TAG);
    if (name[0] == '.' && n > 1 + tl + TMP_RAND &&
        strncmp(name + n - TMP_RAND - tl, TMP_TAG, tl) == 0 &&
        strspn(name + n - TMP_RAND, tmp_alphabet) == TMP_RAND)
        return 1;
    const char *legacy = strstr(name, ".json.tmp.");
    return legacy && legacy[10] && strspn(legacy + 10, "0123456789") == strlen(legacy + 10);
}

int niact_clean_temps(const char *dir, long min_age) {
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0, dfd = dirfd(d);
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        if (!is_temp_name(e->d_name) ||
            fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        /* Only our own regular files, old enough that no save can still be writing them
         * (another game saving into the same folder takes well under a second). */
        if (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || now - st.st_mtime < min_age)
            continue;
        if (unlinkat(dfd, e->d_name, 0) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

niact_status niact_write_atomic(const char *path, const void *data, size_t len, char *msg,
                                size_t msglen) {
    char tmp[4400];
    if (!path || !*path || strlen(path) > 4000) {
        snprintf(msg, msglen, "no file name to save to");
        return NIACT_ERR_IO;
    }
    int fd = open_temp(path, tmp, sizeof tmp);
    if (fd < 0) {
        snprintf(msg, msglen, "%s: cannot write: %s", path, strerror(errno));
        return NIACT_ERR_IO;
    }
    const char *what = NULL;
    if (write_all(fd, data, len) != 0)
        what = "write";
    else if (fsync(fd) != 0)
        what = "flush (fsync)";
    int err = errno;
    if (close(fd) != 0 && !what) {
        what = "close";
        err = errno;
    }
    if (!what && rename(tmp, path) != 0) {
        what = "rename";
        err = errno;
    }
    if (what) {
        unlink(tmp);
        snprintf(msg, msglen, "%s: %s failed: %s (the previous file is unchanged)", path, what,
                 strerror(err));
        return NIACT_ERR_IO;
    }
    char dir[4096];
    parent_of(path, dir, sizeof dir);
    niact_clean_temps(dir, NIACT_TEMP_STALE_SECONDS);
    if (sync_parent(path) != 0) {
        snprintf(msg, msglen, "%s: saved, but its folder could not be flushed: %s", path,
                 strerror(errno));
        return NIACT_ERR_IO;
    }
    return NIACT_OK;
}

/* ---- what a save may replace -------------------------------------------------------- */

/* Whether text (the start of a file) opens a niact record: {"format": "niact-record". */
static int starts_as_record(const char *t, size_t n) {
    size_t i = 0;
    const char *want[] = {"{", "\"format\"", ":", "\"" NIACT_RECORD_FORMAT "\""};
    for (int k = 0; k < 4; k++) {
        while (i < n && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n' || t[i] == '\r'))
            i++;
        size_t wl = strlen(want[k]);
        if (n - i < wl || memcmp(t + i, want[k], wl) != 0)
            return 0;
        i += wl;
    }
    return 1;
}

int niact_record_replaceable(const char *path, char *msg, size_t msglen) {
    struct stat st;
    if (lstat(path, &st) != 0) {
        if (errno == ENOENT)
            return 0;
        snprintf(msg, msglen, "%s: %s", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        snprintf(msg, msglen, "%s is a folder, not a file to save to", path);
        return -1;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(msg, msglen, "%s is %s, not a niact save: a save replaces only a niact save",
                 path, S_ISLNK(st.st_mode) ? "a symbolic link" : "not a regular file");
        return -1;
    }
    if (st.st_size == 0)
        return 0; /* an empty file (made by mktemp, say): nothing in it is lost */
    char head[256];
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : -1;
    int err = errno;
    if (fd >= 0)
        close(fd);
    if (n < 0) {
        snprintf(msg, msglen, "%s: cannot read it to check that it is a niact save: %s", path,
                 strerror(err));
        return -1;
    }
    if (!starts_as_record(head, (size_t)n)) {
        snprintf(msg, msglen, "%s exists and is not a niact save: a save never replaces another "
                              "file (choose another name, or remove it first)", path);
        return -1;
    }
    return 0;
}

int niact_record_check_path(const char *path, char *msg, size_t msglen) {
    size_t n = path ? strlen(path) : 0;
    if (n == 0 || path[n - 1] == '/') {
        snprintf(msg, msglen, "'%s' is not a file name", path ? path : "");
        return -1;
    }
    if (niact_record_replaceable(path, msg, msglen) != 0)
        return -1;
    /* Can a file be made beside it? Try, exactly as a save will. */
    char tmp[4400];
    int fd = open_temp(path, tmp, sizeof tmp);
    if (fd < 0) {
        char dir[4096];
        parent_of(path, dir, sizeof dir);
        snprintf(msg, msglen, "%s: cannot write in the folder %s: %s", path, dir,
                 strerror(errno));
        return -1;
    }
    close(fd);
    unlink(tmp);
    return 0;
}

/* ---- the autosave folder's bound ---------------------------------------------------- */

typedef struct aged {
    char name[256];
    int64_t mtime;
} aged;

static int newest_first(const void *a, const void *b) {
    int64_t x = ((const aged *)a)->mtime, y = ((const aged *)b)->mtime;
    return x < y ? 1 : x > y ? -1 : strcmp(((const aged *)a)->name, ((const aged *)b)->name);
}

int niact_record_prune(const char *dir, int keep) {
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int dfd = dirfd(d), removed = 0;
    size_t n = 0, cap = 0;
    aged *list = NULL;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t nl = strlen(e->d_name);
        struct stat st;
        char head[64];
        if (nl < 6 || nl >= sizeof list->name || e->d_name[0] == '.' ||
            strcmp(e->d_name + nl - 5, ".json") != 0 ||
            fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
            st.st_uid != geteuid())
            continue;
        int fd = openat(dfd, e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        ssize_t got = fd >= 0 ? read(fd, head, sizeof head) : -1;
        if (fd >= 0)
            close(fd);
        if (got <= 0 || !starts_as_record(head, (size_t)got))
            continue; /* not a save: never removed */
        if (n == cap) {
            aged *m = realloc(list, (cap = cap ? cap * 2 : 64) * sizeof *list);
            if (!m)
                break;
            list = m;
        }
        snprintf(list[n].name, sizeof list[n].name, "%s", e->d_name);
        list[n].mtime = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
        n++;
    }
    if (list)
        qsort(list, n, sizeof *list, newest_first);
    for (size_t i = keep > 0 ? (size_t)keep : 0; i < n; i++)
        if (unlinkat(dfd, list[i].name, 0) == 0)
            removed++;
    free(list);
    closedir(d);
    return removed;
}

niact_status niact_read_file(const char *path, size_t max, char **out, size_t *len, char *msg,
                             size_t msglen) {
    *out = NULL;
    *len = 0;
    /* O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below). */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        snprintf(msg, msglen, "%s: cannot open: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return NIACT_ERR_IO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(msg, msglen, "%s: not a regular file", path);
        fclose(f);
        return NIACT_ERR_IO;
    }
    if ((uint64_t)st.st_size > max) {
        snprintf(msg, msglen, "%s: too large (%lld bytes; a record may have at most %zu)", path,
                 (long long)st.st_size, max);
        fclose(f);
        return NIACT_ERR_FORMAT;
    }
    char *buf = malloc(max + 2 < (size_t)st.st_size + 2 ? max + 2 : (size_t)st.st_size + 2);
    if (!buf) {
        fclose(f);
        return NIACT_ERR_NOMEM;
    }
    /* Read one byte past the size seen: the file may have grown since. */
    size_t n = fread(buf, 1, (size_t)st.st_size + 1, f);
    int bad = ferror(f);
    fclose(f);
    if (bad || n > max) {
        snprintf(msg, msglen, bad ? "%s: read error" : "%s: too large", path);
        free(buf);
        return bad ? NIACT_ERR_IO : NIACT_ERR_FORMAT;
    }
    buf[n] = 0;
    *out = buf;
    *len = n;
    return NIACT_OK;
}

int niact_data_dir(const char *sub, int create, char *out, size_t len, char *msg,
                   size_t msglen) {
    return niact_path_data_home(sub, create, out, len, msg, msglen);
}

int niact_data_file(const char *sub, const char *name, int create, char *out, size_t len,
                    char *msg, size_t msglen) {
    if (!niact_name_ok(name)) {
        snprintf(msg, msglen, "'%.80s' is not a save name: use letters, digits, '_', '-' and "
                              "'.' (not first), at most 64; a name may not leave the data folder",
                 name);
        return -1;
    }
    char dir[4096];
    if (niact_data_dir(sub, create, dir, sizeof dir, msg, msglen) != 0)
        return -1;
    size_t nl = strlen(name);
    const char *ext = nl > 5 && strcmp(name + nl - 5, ".json") == 0 ? "" : ".json";
    int n = snprintf(out, len, "%s/%s%s", dir, name, ext);
    if (n < 0 || (size_t)n >= len) {
        snprintf(msg, msglen, "the save's path is too long");
        return -1;
    }
    return 0;
}
