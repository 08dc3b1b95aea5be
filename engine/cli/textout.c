/* The text front end's one output sanitizer. Every byte niact prints on stdout or
 * stderr passes through it (cli_output_install replaces both streams at start-up), so
 * nothing a seat types, a scenario declares or logs, or a record holds can reach a
 * terminal as a control sequence, whatever path prints it: play, replay, debrief,
 * rules, check, error messages quoting a scenario's source.
 *
 * Kept: '\n' (the layout's line breaks) and every valid, printable UTF-8 character.
 * Replaced with a visible mark: other C0 controls and DEL in caret notation (ESC
 * becomes "^[", so "\e[2J" prints as "^[[2J"; a tab becomes a space), C1 controls and
 * the bidirectional formatting controls of niact_text_is_control with U+FFFD, and
 * every byte that is not part of valid UTF-8 with U+FFFD. */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "niact/text.h"

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* The expected length of a UTF-8 sequence from its first byte (0: cannot start one). */
static size_t lead_len(unsigned char b) {
    return b < 0x80 ? 1 : b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
           : b >= 0xF0 && b <= 0xF4              ? 4
                                                 : 0;
}

size_t cli_sanitize(cli_filter *f, const char *in, size_t n, char *out) {
    unsigned char work[CLI_SANITIZE_CHUNK + 4];
    size_t w = f->n, o = 0;
    if (n > CLI_SANITIZE_CHUNK)
        n = CLI_SANITIZE_CHUNK;
    memcpy(work, f->carry, w);
    memcpy(work + w, in, n);
    w += n;
    f->n = 0;
    for (size_t i = 0; i < w;) {
        unsigned char b = work[i];
        if (b >= 0x20 && b < 0x7F) {
            out[o++] = (char)b;
            i++;
            continue;
        }
        if (b == '\n' || b == '\t') {
            out[o++] = b == '\n' ? '\n' : ' ';
            i++;
            continue;
        }
        if (b < 0x20 || b == 0x7F) {
            out[o++] = '^';
            out[o++] = b == 0x7F ? '?' : (char)(b + 0x40);
            i++;
            continue;
        }
        size_t need = lead_len(b);
        if (need && i + need > w) { /* cut at the chunk's end: keep it for the next one */
            size_t k = i + 1;
            while (k < w && (work[k] & 0xC0) == 0x80)
                k++;
            if (k == w) {
                memcpy(f->carry, work + i, w - i);
                f->n = w - i;
                break;
            }
        }
        uint32_t cp;
        size_t len = niact_utf8_next((const char *)work + i, w - i, &cp);
        if (len == 0 || niact_text_is_control(cp)) {
            memcpy(out + o, replacement, 3);
            o += 3;
            i += len ? len : 1;
            continue;
        }
        memcpy(out + o, work + i, len);
        o += len;
        i += len;
    }
    return o;
}

size_t cli_sanitize_end(cli_filter *f, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < f->n; i++, o += 3)
        memcpy(out + o, replacement, 3);
    f->n = 0;
    return o;
}

int cli_write_raw(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t k = write(fd, s, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        s += k;
        n -= (size_t)k;
    }
    return 0;
}

typedef struct sink {
    int fd;
    cli_filter f;
} sink;

static ssize_t sink_write(void *cookie, const char *buf, size_t size) {
    sink *k = cookie;
    char out[CLI_SANITIZE_OUT(CLI_SANITIZE_CHUNK)];
    for (size_t done = 0; done < size;) {
        size_t n = size - done < CLI_SANITIZE_CHUNK ? size - done : CLI_SANITIZE_CHUNK;
        size_t o = cli_sanitize(&k->f, buf + done, n, out);
        if (cli_write_raw(k->fd, out, o) != 0)
            return done ? (ssize_t)done : -1;
        done += n;
    }
    return (ssize_t)size;
}

static int sink_close(void *cookie) {
    sink *k = cookie;
    char out[16];
    size_t o = cli_sanitize_end(&k->f, out);
    return cli_write_raw(k->fd, out, o);
}

static FILE *open_sink(sink *k, int fd, int mode) {
    k->fd = fd;
    cookie_io_functions_t io = {NULL, sink_write, NULL, sink_close};
    FILE *f = fopencookie(k, "w", io);
    if (f)
        setvbuf(f, NULL, mode, mode == _IONBF ? 0 : BUFSIZ);
    return f;
}

/* The standard streams the sinks replaced, given back at exit. */
static FILE *orig_out, *orig_err;

/* At exit: flush and close the sinks (freeing them: the sanitizer build's leak check
 * runs after this), and give the original streams back for anything printed later. */
static void close_sinks(void) {
    if (orig_out) {
        FILE *f = stdout;
        stdout = orig_out;
        fclose(f);
    }
    if (orig_err) {
        FILE *f = stderr;
        stderr = orig_err;
        fclose(f);
    }
}

void cli_output_install(void) {
    /* The filters' state lives as long as the process's standard streams: static. */
    static sink sinks[2];
    fflush(stdout);
    fflush(stderr);
    FILE *out = open_sink(&sinks[0], STDOUT_FILENO, isatty(STDOUT_FILENO) ? _IOLBF : _IOFBF);
    FILE *err = open_sink(&sinks[1], STDERR_FILENO, _IONBF);
    /* The GNU C library lets a program assign its standard streams. The originals stay
     * open (unused) so their descriptors do. Without a sink the raw stream stays. */
    if (out) {
        orig_out = stdout;
        stdout = out;
    }
    if (err) {
        orig_err = stderr;
        stderr = err;
    }
    if (out || err)
        atexit(close_sinks);
}
