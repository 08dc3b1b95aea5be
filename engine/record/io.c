/* Files for records: atomic writes, bounded reads, save names in the data folder (the
 * folder itself is niact_path_data_home, engine/platform/paths.c). */
#include "niact/record.h"
#include "niact/paths.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* fsync of the folder holding path, so the rename itself survives a power cut. */
static int sync_parent(const char *path) {
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    /* Some file systems refuse fsync on folders; the rename is still atomic there. */
    return rc == 0 || errno == EINVAL || errno == EROFS ? 0 : -1;
}

niact_status niact_write_atomic(const char *path, const void *data, size_t len, char *msg,
                                size_t msglen) {
    char tmp[4200];
    if (!path || !*path || strlen(path) > 4000) {
        snprintf(msg, msglen, "no file name to save to");
        return NIACT_ERR_IO;
    }
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
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
    if (sync_parent(path) != 0) {
        snprintf(msg, msglen, "%s: saved, but its folder could not be flushed: %s", path,
                 strerror(errno));
        return NIACT_ERR_IO;
    }
    return NIACT_OK;
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
