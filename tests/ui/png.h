/* Writes a surface as an uncompressed PNG (test artefacts). Returns 0 or -1. */
#ifndef NIACT_TEST_PNG_H
#define NIACT_TEST_PNG_H

#include <SDL.h>

int png_write_surface(const char *path, SDL_Surface *s);

#endif
