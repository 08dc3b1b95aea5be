/* The scenario's map as the window draws it: the declaration (niact/map.h, read and
 * checked when the scenario loaded) in a projection fitted to a rectangle, with its
 * coastlines rasterised once per size (map.c) and what the seat knows drawn on top
 * (map_layers.c). Nothing here knows a scenario: every place, route and layer comes
 * from the declaration. */
#ifndef NIACT_UI_MAP_H
#define NIACT_UI_MAP_H

#include "app.h"
#include "niact/map.h"

/* The declared projection fitted into a rectangle. */
typedef struct map_view {
    int proj;          /* niact_map_projection */
    double k;          /* pixels per degree of latitude (equirectangular) or longitude */
    double xs;         /* longitude scale (1, or cos of the middle latitude) */
    double lon0, y0;   /* west edge; projected y of the north edge */
    double ox, oy;     /* pixel origin */
} map_view;

map_view map_view_for(const ui_map *m, SDL_Rect r);
void map_project(const map_view *v, double lon, double lat, float *x, float *y);
/* Pixels of km kilometres at latitude lat. */
float map_km_px(const map_view *v, double lat, double km);
SDL_Texture *map_texture(ui *u, ui_map *m, int w, int h);

#endif
