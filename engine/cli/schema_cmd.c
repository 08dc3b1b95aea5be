/* niact schema: the scenario API's schema (include/niact/schema.h), printed as LuaLS
 * annotations for an editor (--luals) or as the field reference of docs/modding.md
 * (--markdown). Both come from the one table the loader checks scenarios against. */
#include "cli.h"
#include "niact/schema.h"

#include <stdio.h>
#include <string.h>

int cli_schema(int argc, char **argv) {
    if (argc != 2 || (strcmp(argv[1], "--luals") != 0 && strcmp(argv[1], "--markdown") != 0)) {
        cli_help(stderr, "schema");
        return CLI_USAGE;
    }
    if (strcmp(argv[1], "--luals") == 0)
        niact_schema_luals(stdout);
    else
        niact_schema_markdown(stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "niact: could not write the schema\n");
        return CLI_BAD_INPUT;
    }
    return CLI_OK;
}
