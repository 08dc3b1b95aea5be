/* A scenario's map, as it declared it (`map = niact.map{...}`, docs/modding.md "The
 * map"): the region and projection, coastlines (GeoJSON) and places read from files in
 * the scenario's folder or the bundled assets/maps, named routes, and layers that bind
 * one track each to a symbol drawn at places or along routes. Read and checked by the
 * script host when the scenario loads (every file already parsed, every reference
 * resolved), immutable afterwards; front ends only draw it. The engine gives no
 * meaning to any id, kind or name here. */
#ifndef NIACT_MAP_H
#define NIACT_MAP_H

#include <stddef.h>
#include <stdint.h>

/* What a map declaration and its files may hold (docs/modding.md, "The map"). */
#define NIACT_MAP_FILE_MAX (4u << 20)     /* bytes of one GeoJSON or places file */
#define NIACT_MAP_MAX_POINTS 250000       /* coastline points in all */
#define NIACT_MAP_MAX_RINGS 20000         /* coastline rings in all */
#define NIACT_MAP_MAX_PLACES 1024
#define NIACT_MAP_MAX_LAYERS 64
#define NIACT_MAP_MAX_ROUTES 256
#define NIACT_MAP_MAX_AT 256              /* positions of one layer or points of one route */
#define NIACT_MAP_MAX_FOCUS 64            /* feature names drawn in the focus colour */

typedef enum niact_map_projection {
    NIACT_PROJ_MERCATOR = 0,
    NIACT_PROJ_EQUIRECTANGULAR = 1, /* x scaled by cos of the region's middle latitude */
} niact_map_projection;

/* How a layer is drawn. Point symbols go at positions; path symbols along routes. */
typedef enum niact_map_symbol {
    NIACT_SYM_TRIANGLE = 0, /* filled when present */
    NIACT_SYM_AIRCRAFT,
    NIACT_SYM_RING,         /* a circle of radius_km around the position, dashed when absent */
    NIACT_SYM_BOAT,         /* a hull sitting on the position */
    NIACT_SYM_SQUARE,
    NIACT_SYM_DIAMOND,
    NIACT_SYM_LINE,         /* a picket line along routes: thick when present */
    NIACT_SYM_ROUTE,        /* dashed routes: bold when present */
    NIACT_SYM_COUNT
} niact_map_symbol;

/* The symbol's word in a declaration ("triangle"), or NULL. */
const char *niact_map_symbol_name(int symbol);
/* Whether the symbol is drawn along routes (line, route) rather than at positions. */
int niact_map_symbol_is_path(int symbol);

typedef struct niact_map_pos {
    double lon, lat; /* degrees */
} niact_map_pos;

typedef struct niact_map_place {
    char *id;     /* [a-z0-9_], unique */
    char *name;   /* full name */
    char *label;  /* what the map writes beside it (default: name) */
    char *kind;   /* the scenario's word ("port", "airfield"), "" if none */
    double lon, lat;
    int shown;    /* drawn as a dot with its label (its kind is in the map's `show`) */
    int capital;  /* shown framed (kind "capital") */
} niact_map_place;

typedef struct niact_map_route {
    char *id;
    char *name;       /* "" if none */
    int n;            /* points, >= 2 */
    niact_map_pos *pts;
    int shown;        /* drawn faintly whatever the tracks (a sea lane, a border) */
    int dotted;       /* short dashes */
} niact_map_route;

typedef struct niact_map_layer {
    int track;            /* the track it shows, as each seat knows it */
    char *label;          /* the map key's words (default: the track's name) */
    int symbol;           /* niact_map_symbol */
    int32_t at_least;     /* present when the seat's value >= at_least (default min + 1) */
    int n_at;             /* point symbols: positions */
    niact_map_pos *at;
    int32_t *steps;       /* [n_at] or NULL: position i is drawn once the value reaches it */
    int n_routes;         /* path symbols: routes (indexes into the map's routes) */
    int *routes;
    double radius_km;     /* rings */
    char *file;           /* where it was declared */
    int line;
} niact_map_layer;

/* One closed ring of a coastline polygon. */
typedef struct niact_map_ring {
    float *pts;    /* lon, lat pairs */
    int n;         /* points, >= 3 */
    int polygon;   /* rings of one polygon (outer ring, then holes) share this number */
    int focus;     /* its feature's name is in the map's `focus` */
} niact_map_ring;

typedef struct niact_map {
    char *name;               /* caption, "" if none ("The Caribbean, November 1962") */
    int projection;           /* niact_map_projection */
    double west, east, south, north; /* the region shown (degrees) */
    char *coast;              /* the coastline file as declared, "" if none */
    int n_rings, n_polygons;
    niact_map_ring *rings;
    int n_places;
    niact_map_place *places;
    int n_routes;
    niact_map_route *routes;
    int n_layers;
    niact_map_layer *layers;
    char *file;               /* where the map was declared */
    int line;
} niact_map;

/* Index of the place / route with this id, or -1. */
int niact_map_place_index(const niact_map *m, const char *id);
int niact_map_route_index(const niact_map *m, const char *id);

/* Frees a map and everything it owns; NULL is fine. */
void niact_map_free(niact_map *m);

#endif
