/* The map's data and projection, shared by map.c (coastlines, places) and
 * map_layers.c (what the seat knows, drawn over the map). */
#ifndef NIACT_UI_MAP_H
#define NIACT_UI_MAP_H

#include "app.h"

#define MAP_MAX_RINGS 1024
#define MAP_MAX_PLACES 64

typedef struct map_ring {
    float *pts;   /* lon, lat pairs */
    int n;        /* points */
    int feature;  /* 1 Cuba, 2 United States, 0 other */
    int polygon;  /* rings of one polygon share this number (outer ring, holes) */
} map_ring;

typedef struct map_place {
    char id[32];
    char name[96];
    char kind[24];  /* capital, port, missile_site, airfield, city, us_base */
    double lat, lon;
} map_place;

struct ui_map {
    map_ring rings[MAP_MAX_RINGS];
    int n_rings, n_polygons;
    map_place places[MAP_MAX_PLACES];
    int n_places;
    SDL_Texture *tex;        /* coastlines rendered at tex_w x tex_h */
    int tex_w, tex_h;
    SDL_Renderer *tex_ren;   /* the renderer the texture belongs to */
};

/* A Mercator projection fitted into a rectangle. */
typedef struct map_view {
    double k;          /* pixels per degree of longitude */
    double lon0, y0;   /* west edge; Mercator y of the north edge */
    double ox, oy;     /* pixel origin */
} map_view;

map_view map_view_for(SDL_Rect r);
void map_project(const map_view *v, double lon, double lat, float *x, float *y);
const map_place *map_place_by_id(const ui_map *m, const char *id);
SDL_Texture *map_texture(ui *u, ui_map *m, int w, int h);

#endif
