/* Where niact's files live: the one implementation of the XDG data folder, of the
 * bundled data (installed or build tree), of name validation and of scenario lookup.
 * Every command, the window and the records use these; nothing else reads HOME,
 * XDG_DATA_HOME or /proc/self/exe.
 *
 * Every function returns 0 on success or -1 with a one-line reason in msg (msg may be
 * NULL). Paths are absolute, at most NIACT_PATH_MAX bytes with the terminating NUL. */
#ifndef NIACT_PATHS_H
#define NIACT_PATHS_H

#include <stddef.h>

#define NIACT_PATH_MAX 4096

/* A plain name: 1-64 bytes of [A-Za-z0-9_-], '.' allowed but not first; never a path.
 * Returns 1 if `name` is one, 0 if not. */
int niact_name_ok(const char *name);

/* The user's data folder: $XDG_DATA_HOME/niact when XDG_DATA_HOME is an absolute path,
 * else $HOME/.local/share/niact when HOME is absolute; a relative value is ignored, as
 * the XDG specification says. sub ("saves", "autosave", "scenarios"; NULL or "" for the
 * folder itself) is appended. create: make the folders (mode 0700). */
int niact_path_data_home(const char *sub, int create, char *out, size_t len, char *msg,
                         size_t msglen);

/* Whether path (a file or folder) can be changed only by root and the current user:
 * it and everything inside it (any depth, at most 16 levels and 20,000 entries; a
 * symbolic link by its owner and its target) owned by one of them and not writable by
 * group or others, and every parent up to / the same, except that a parent writable by
 * others is accepted when its sticky bit is set (as /tmp). A group-writable file or folder is
 * accepted when the group is the user's private group (same name, no other member).
 * Symbolic links are resolved first. 0 if trusted, else -1 with the path and the reason
 * ("... is writable by anyone: not used"). */
int niact_path_trusted(const char *path, char *msg, size_t msglen);

/* The bundled data folder, holding scripts/ (scenarios/, lib/) and assets/. A binary
 * with the file niact-build-tree beside it (CMake writes it into the build tree; it is
 * never installed) uses the source folder that file names; any other binary uses
 * <its folder>/../share/niact (the installed layout, relocatable). Nothing else is
 * guessed, and the folder must pass niact_path_trusted. */
int niact_path_bundled(char *out, size_t len, char *msg, size_t msglen);

/* Finds a scenario, by the one rule every command uses (docs/modding.md). A bare NAME
 * (niact_name_ok, no '/') is looked up in the bundled scripts/scenarios, then the
 * user's <data home>/scenarios, never in the current folder; anything with a '/' (and
 * "." or "..") is a folder the user gave (absolute, or relative such as ./mine). The
 * folder found must pass niact_path_trusted. dir gets the scenario's folder, absolute
 * and resolved; lib the bundled scripts/lib ("" if none). A record's scenario id is
 * looked up by this same rule. */
int niact_path_scenario(const char *name_or_dir, char *dir, size_t dirlen, char *lib,
                        size_t liblen, char *msg, size_t msglen);

/* The scenario a command plays when none is named: the first bundled scenario by name
 * (byte order) that is a folder with a scenario.lua, so which one is the default is
 * data (the bundled folder), never a name written in C. 0 and name set, or -1 and msg. */
int niact_path_default_scenario(char *name, size_t len, char *msg, size_t msglen);

#endif
