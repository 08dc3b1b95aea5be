/* niact join: plays one seat of a game that `niact host` runs on another computer (or
 * shows its public view, --projector). With --text the seat is played in the terminal:
 * the host's screens are printed as they come, and each time the host waits for a
 * command one line is read from standard input, checked as text play checks it, and
 * sent; so a file or a pipe can play a seat to the end. */
#include "cli.h"
#include "net/net.h"
#include "textplay.h"

#include <stdlib.h>
#include <string.h>

#define CONNECT_MS 5000

#ifdef NIACT_HAVE_WINDOW
int niact_ui_join(int argc, char **argv, const char *where, const char *code); /* engine/ui */
int niact_ui_window_args_ok(int argc, char **argv, char *msg, size_t len);
#endif

int cli_join(int argc, char **argv) {
    const char *where = NULL, *code = NULL;
    int text = 0, projector = 0, n_win = 0;
    char *win_args[8]; /* the window's options, for the window */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--code") && i + 1 < argc)
            code = argv[++i];
        else if (!strcmp(a, "--fullscreen") && n_win < 8)
            win_args[n_win++] = argv[i];
        else if ((!strcmp(a, "--size") || !strcmp(a, "--scale") || !strcmp(a, "--preset")) &&
                 i + 1 < argc && n_win < 7)
            win_args[n_win++] = argv[i], win_args[n_win++] = argv[++i];
        else if (!strcmp(a, "--text"))
            text = 1;
        else if (!strcmp(a, "--projector"))
            projector = 1;
        else if (a[0] != '-' && !where)
            where = a;
        else {
            fprintf(stderr, "niact join: unexpected '%s' (see niact join --help)\n", a);
            return CLI_USAGE;
        }
    }
    if (!where) {
        fprintf(stderr, "niact join: which host? niact join HOST[:PORT] --code CODE --text\n");
        return CLI_USAGE;
    }
    if (!code && !projector) {
        fprintf(stderr, "niact join: --code CODE: the code the host printed for your seat "
                        "(or --projector for the public view)\n");
        return CLI_USAGE;
    }
    if (code && projector) {
        fprintf(stderr, "niact join: --projector shows the public view and takes no code\n");
        return CLI_USAGE;
    }
    size_t clen = code ? strlen(code) : 0;
    if (code && (clen == 0 || clen > NET_CODE_MAX)) {
        fprintf(stderr, "niact join: a code is %d letters and digits, not '%.40s'\n",
                NET_CODE_LEN, code);
        return CLI_USAGE;
    }
    char hostname[256];
    uint16_t port;
    if (net_split_address(where, hostname, sizeof hostname, &port) != 0) {
        fprintf(stderr, "niact join: '%s' is not HOST or HOST:PORT (PORT 1-65535)\n", where);
        return CLI_USAGE;
    }
    if (n_win && text) {
        fprintf(stderr, "niact join: --size, --scale, --preset and --fullscreen are for the "
                        "window, not --text\n");
        return CLI_USAGE;
    }
    if (!text && projector) {
        fprintf(stderr, "niact join: the projector is shown in the terminal for now; add "
                        "--text\n");
        return CLI_USAGE;
    }
    if (!text) {
#ifdef NIACT_HAVE_WINDOW
        char why[200];
        if (niact_ui_window_args_ok(n_win, win_args, why, sizeof why) != 0) {
            fprintf(stderr, "niact join: %s\n", why);
            return CLI_USAGE;
        }
        return niact_ui_join(n_win, win_args, where, code);
#else
        fprintf(stderr, "niact join: this niact was built without the window; add --text to "
                        "play the seat in this terminal\n");
        return CLI_USAGE;
#endif
    }
    char msg[512];
    net_client *c = net_client_connect(hostname, port, CONNECT_MS, msg, sizeof msg);
    if (!c) {
        fprintf(stderr, "niact join: %s\n", msg);
        return CLI_BAD_INPUT;
    }
    net_msg hello = net_msg_of(NET_HELLO, (uint8_t)projector, 0, code ? code : "", clen);
    if (net_client_send(c, &hello) != 0) {
        fprintf(stderr, "niact join: the code could not be sent\n");
        net_client_close(c, 0);
        return CLI_BAD_INPUT;
    }
    cli_catch_stop_signals();
    static reader in; /* the line buffer: not on the stack */
    memset(&in, 0, sizeof in);
    static char line[LINE_MAX_BYTES + 1];
    char prompt[NET_MAX_TEXT + 1] = "";
    uint32_t waiting = 0; /* the prompt the host waits on (0: none) */
    int rc = CLI_OK, done = 0, welcomed = 0, input_ended = 0;
    while (!done) {
        if (cli_stop_signal()) {
            fprintf(stderr, "\nniact join: stopped; your seat stays open on the host: rejoin "
                            "with the same command.\n");
            rc = 128 + cli_stop_signal();
            break;
        }
        net_msg m;
        int k = net_client_poll(c, &m, waiting ? 10 : 50, msg, sizeof msg);
        if (k < 0) {
            fflush(stdout);
            fprintf(stderr, "\nniact join: %s%s\n", msg,
                    welcomed && !projector ? "; your seat stays open on the host: rejoin with "
                                             "the same command"
                                           : "");
            rc = CLI_BAD_INPUT;
            break;
        }
        if (k > 0) {
            switch (m.type) {
            case NET_WELCOME:
                welcomed = 1;
                printf("%.*s\n", (int)m.len, m.text);
                break;
            case NET_TEXT:
                if (waiting)
                    putchar('\n');
                fwrite(m.text, 1, m.len, stdout);
                if (waiting)
                    fputs(prompt, stdout);
                break;
            case NET_PROMPT:
                if (!m.prompt) { /* the host no longer waits (the turn's time is up) */
                    if (waiting)
                        putchar('\n');
                    waiting = 0;
                    break;
                }
                waiting = m.prompt;
                snprintf(prompt, sizeof prompt, "%.*s", (int)m.len, m.text);
                fputs(prompt, stdout);
                break;
            case NET_END:
                done = 1;
                break;
            case NET_BYE:
                fflush(stdout);
                fprintf(stderr, "niact join: %.*s\n", (int)m.len, m.text);
                rc = m.kind == NET_BYE_LEFT ? CLI_OK : CLI_BAD_INPUT;
                done = 1;
                break;
            default:
                break;
            }
            fflush(stdout);
            continue;
        }
        if (!waiting || input_ended)
            continue;
        int lk = cli_read_line_within(&in, line, 40);
        if (lk == LINE_NONE)
            continue;
        if (lk == LINE_SIGNAL)
            continue; /* said at the top of the loop */
        if (lk == LINE_END) {
            printf("\n(input ended)\n");
            fprintf(stderr, "niact join: your input ended; your seat stays open on the host: "
                            "rejoin with the same command.\n");
            input_ended = 1;
            break;
        }
        net_msg lm = net_msg_of(NET_LINE, 0, waiting, line, strlen(line));
        if (net_client_send(c, &lm) != 0) {
            fprintf(stderr, "niact join: the command could not be sent\n");
            rc = CLI_BAD_INPUT;
            break;
        }
        waiting = 0;
    }
    fflush(stdout);
    net_client_close(c, 1000);
    return rc;
}
