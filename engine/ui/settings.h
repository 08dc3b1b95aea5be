/* The window's settings remembered between runs (settings.c): UI scale, preset, window
 * size and full screen, in $XDG_CONFIG_HOME/niact/settings, else ~/.config/niact/settings.
 * No SDL here: the file is plain "key=value" lines. */
#ifndef NIACT_UI_SETTINGS_H
#define NIACT_UI_SETTINGS_H

#include <stddef.h>

typedef struct ui_settings {
    float scale;     /* 0.75 .. 2 */
    int preset;      /* UI_PRESET_PAPER or UI_PRESET_PROJECTOR (ui.h) */
    int w, h;        /* window size, window coordinates */
    int fullscreen;
} ui_settings;

void ui_settings_default(ui_settings *s);
/* The settings file's path: $XDG_CONFIG_HOME/niact/settings when XDG_CONFIG_HOME is an
 * absolute path, else $HOME/.config/niact/settings. Returns 0, or -1 if neither is set. */
int ui_settings_path(char *out, size_t len);
/* Reads the file as untrusted: no file is the defaults (0, msg ""); a line that is not
 * a known setting with a valid value is named in msg (FILE:LINE: why) and that setting
 * keeps its default; a file that is not a small regular text file (a folder, a FIFO, a
 * link, binary, over 64 KB) is named and the defaults are used. Returns 0, or -1 with
 * msg set. Never blocks on a FIFO, never follows a symbolic link. */
int ui_settings_load(const char *path, ui_settings *s, char *msg, size_t len);
/* Writes the file atomically (a temporary file in the same folder, flushed, renamed over
 * it), making the folder (0700) if needed. Returns 0, or -1 with msg set and the old
 * file untouched. */
int ui_settings_save(const char *path, const ui_settings *s, char *msg, size_t len);
/* "paper" / "projector" (draw.c). */
int ui_preset_parse(const char *name);
const char *ui_preset_name(int preset);

#endif
