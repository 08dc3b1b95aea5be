/* A scenario's map declaration: look-ups and freeing (read by engine/script/decl_map.c,
 * drawn by the window). */
#include "niact/map.h"

#include <stdlib.h>
#include <string.h>

static const char *const symbol_names[NIACT_SYM_COUNT] = {
    "triangle", "aircraft", "ring", "boat", "square", "diamond", "line", "route"};

const char *niact_map_symbol_name(int symbol) {
    return symbol >= 0 && symbol < NIACT_SYM_COUNT ? symbol_names[symbol] : NULL;
}

int niact_map_symbol_is_path(int symbol) {
    return symbol == NIACT_SYM_LINE || symbol == NIACT_SYM_ROUTE;
}

int niact_map_place_index(const niact_map *m, const char *id) {
    for (int i = 0; m && i < m->n_places; i++)
        if (m->places[i].id && !strcmp(m->places[i].id, id))
            return i;
    return -1;
}

int niact_map_route_index(const niact_map *m, const char *id) {
    for (int i = 0; m && i < m->n_routes; i++)
        if (m->routes[i].id && !strcmp(m->routes[i].id, id))
            return i;
    return -1;
}

void niact_map_free(niact_map *m) {
    if (!m)
        return;
    free(m->name);
    free(m->coast);
    free(m->file);
    for (int i = 0; i < m->n_rings; i++)
        free(m->rings[i].pts);
    free(m->rings);
    for (int i = 0; i < m->n_places; i++) {
        free(m->places[i].id);
        free(m->places[i].name);
        free(m->places[i].label);
        free(m->places[i].kind);
    }
    free(m->places);
    for (int i = 0; i < m->n_routes; i++) {
        free(m->routes[i].id);
        free(m->routes[i].name);
        free(m->routes[i].pts);
    }
    free(m->routes);
    for (int i = 0; i < m->n_layers; i++) {
        free(m->layers[i].label);
        free(m->layers[i].at);
        free(m->layers[i].steps);
        free(m->layers[i].routes);
        free(m->layers[i].file);
    }
    free(m->layers);
    free(m);
}
