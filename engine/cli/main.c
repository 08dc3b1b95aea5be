/* niact: the program's entry point and the commands of docs/cli.md. */
#include "cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef NIACT_HAVE_WINDOW
int niact_ui_main(int argc, char **argv);
#endif

/* The commands, each with its entry point; `niact COMMAND --help` (or -h anywhere in
 * its arguments) prints the command's help instead. */
static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"play", cli_play},     {"sim", cli_sim},         {"check", cli_check},
    {"rules", cli_rules},   {"debrief", cli_debrief}, {"replay", cli_replay},
    {"saves", cli_saves},   {"host", cli_host},       {"join", cli_join},
    {"schema", cli_schema},
};

int main(int argc, char **argv) {
    cli_output_install(); /* nothing printed reaches the terminal as a control sequence */
    if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "version") == 0)) {
        printf("niact %s\n", NIACT_VERSION);
        return CLI_OK;
    }
    if (argc >= 3 && strcmp(argv[1], "help") == 0) { /* niact help COMMAND */
        if (cli_help(stdout, argv[2]) == 0)
            return CLI_OK;
        fprintf(stderr, "niact: unknown command '%s' (see niact --help)\n", argv[2]);
        return CLI_USAGE;
    }
    if (argc >= 2 && (strcmp(argv[1], "help") == 0 ||
                      (argv[1][0] == '-' && cli_help_asked(argc, argv)))) {
        cli_help(stdout, NULL);
        return CLI_OK;
    }
    if (argc < 2 || argv[1][0] == '-') {
#ifdef NIACT_HAVE_WINDOW
        return niact_ui_main(argc, argv);
#else
        fprintf(stderr, "niact: this build has no game window; play in the terminal with\n"
                        "  niact play --text\n");
        return CLI_BAD_INPUT;
#endif
    }
    const char *cmd = argv[1];
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++) {
        if (strcmp(cmd, commands[i].name) != 0)
            continue;
        if (cli_help_asked(argc - 1, argv + 1)) {
            cli_help(stdout, cmd);
            return CLI_OK;
        }
        return commands[i].run(argc - 1, argv + 1);
    }
    fprintf(stderr, "niact: unknown command '%s'\n\n", cmd);
    cli_help(stderr, NULL);
    return CLI_USAGE;
}
