/* Reading a scenario's map declaration (`map = niact.map{...}`) into a niact_map: its
 * fields checked as every declaration's are (unknown names, types, ranges, references
 * to tracks, places and routes), and its files -- coastlines as GeoJSON, places as JSON
 * -- found only inside the scenario's folder or the bundled assets/maps, bounded in
 * size, and parsed here, once, so a malformed file is a load problem naming the file
 * (and its line), never something a front end meets while drawing. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "host_internal.h"
#include "niact/map.h"
#include "niact/text.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define WHERE_KEY "niact.where" /* decl.c: each constructor's table -> "FILE:LINE" */
#define SHARED_PREFIX "assets/maps/"
#define MAP_PATH_MAX 255

typedef struct mr {
    niact_host *h;
    lua_State *L;
    niact_map *m;
    char file[300];
    int line;
} mr;

#define PROBLEM(r, ...) host_problem((r)->h, (r)->file, (r)->line, __VA_ARGS__)

static void mr_where(mr *r, int idx) {
    lua_State *L = r->L;
    idx = lua_absindex(L, idx);
    lua_getfield(L, LUA_REGISTRYINDEX, WHERE_KEY);
    if (lua_istable(L, -1)) {
        lua_pushvalue(L, idx);
        lua_rawget(L, -2);
        const char *w = lua_tostring(L, -1);
        if (w) {
            const char *c = strrchr(w, ':');
            size_t n = c ? (size_t)(c - w) : strlen(w);
            if (n >= sizeof r->file)
                n = sizeof r->file - 1;
            memcpy(r->file, w, n);
            r->file[n] = 0;
            r->line = c ? atoi(c + 1) : 0;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static int rawfield(lua_State *L, int idx, const char *k) {
    idx = lua_absindex(L, idx);
    lua_pushstring(L, k);
    return lua_rawget(L, idx);
}

static char *mr_dup(mr *r, const char *s) {
    char *d = host_strdup(s);
    if (!d)
        luaL_error(r->L, "out of memory while reading the map");
    return d;
}

/* ---- unknown fields ---- */

static size_t edit_distance(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b), row[64];
    if (la >= 63 || lb >= 63)
        return 99;
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* Every key of the table at idx must be one of known (NULL-terminated); list entries
 * (integer keys) are allowed when list is set. Says the nearest known name. */
static void check_fields(mr *r, int idx, const char *const *known, int list, const char *what) {
    lua_State *L = r->L;
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            if (!list || !lua_isinteger(L, -1))
                PROBLEM(r, "%s: only named fields are allowed here", what);
            continue;
        }
        const char *k = lua_tostring(L, -1);
        const char *near = NULL;
        size_t best = 3;
        int ok = 0;
        for (int i = 0; known[i]; i++) {
            if (!strcmp(k, known[i])) {
                ok = 1;
                break;
            }
            size_t d = edit_distance(k, known[i]);
            if (d < best) {
                best = d;
                near = known[i];
            }
        }
        if (ok)
            continue;
        char shown[48];
        snprintf(shown, sizeof shown, "%.40s%s", k, strlen(k) > 40 ? "..." : "");
        if (near)
            PROBLEM(r, "%s: unknown field '%s' (did you mean '%s'?)", what, shown, near);
        else
            PROBLEM(r, "%s: unknown field '%s'", what, shown);
    }
}

/* ---- fields ---- */

/* A plain-text string field (labels: one line), def when absent. */
static char *mr_str(mr *r, int idx, const char *field, const char *def, int one_line,
                    const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    const char *v = def;
    if (t == LUA_TSTRING) {
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        char why[96];
        if (len > 4000)
            PROBLEM(r, "%s: field '%s' is %zu bytes long (at most 4000)", what, field, len);
        else if (niact_text_check(s, len, one_line ? 0 : NIACT_TEXT_NEWLINES, why, sizeof why) !=
                 NIACT_OK)
            PROBLEM(r, "%s: field '%s' must be plain text%s: %s", what, field,
                    one_line ? " on one line" : "", why);
        else
            v = s;
    } else if (t != LUA_TNIL) {
        PROBLEM(r, "%s: field '%s' must be a string, not a %s", what, field, lua_typename(L, t));
    }
    char *out = mr_dup(r, v ? v : "");
    lua_pop(L, 1);
    return out;
}

/* A number field within [lo, hi]; def when absent. */
static double mr_num(mr *r, int idx, const char *field, double def, double lo, double hi,
                     const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    double v = def;
    if (t == LUA_TNUMBER) {
        double x = lua_tonumber(L, -1);
        if (!(x >= lo && x <= hi))
            PROBLEM(r, "%s: field '%s' must be a number from %g to %g", what, field, lo, hi);
        else
            v = x;
    } else if (t != LUA_TNIL) {
        PROBLEM(r, "%s: field '%s' must be a number, not a %s", what, field, lua_typename(L, t));
    }
    lua_pop(L, 1);
    return v;
}

static int mr_bool(mr *r, int idx, const char *field, int def, const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    int v = def;
    if (t == LUA_TBOOLEAN)
        v = lua_toboolean(L, -1);
    else if (t != LUA_TNIL)
        PROBLEM(r, "%s: field '%s' must be true or false", what, field);
    lua_pop(L, 1);
    return v;
}

static int valid_id(const char *s) {
    size_t n = strlen(s);
    if (n == 0 || n > 40)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
            return 0;
    return 1;
}

/* Pushes the list field of the table at idx (a new empty table when absent or not a
 * list); returns its length, at most max. */
static int mr_list(mr *r, int idx, const char *field, int max, const char *what) {
    lua_State *L = r->L;
    int t = rawfield(L, idx, field);
    if (t != LUA_TTABLE) {
        if (t != LUA_TNIL)
            PROBLEM(r, "%s: field '%s' must be a list, not a %s", what, field,
                    lua_typename(L, t));
        lua_pop(L, 1);
        lua_newtable(L);
        return 0;
    }
    size_t n = lua_rawlen(L, -1);
    if (n > (size_t)max) {
        PROBLEM(r, "%s: '%s' has %zu entries (at most %d)", what, field, n, max);
        n = (size_t)max;
    }
    return (int)n;
}

/* ---- positions ---- */

static int pos_ok(double lon, double lat) {
    return lon >= -180 && lon <= 180 && lat >= -85 && lat <= 85;
}

/* The position at the top of the stack (not popped): a place id, or {lon, lat}. */
static int mr_pos(mr *r, niact_map_pos *out, const char *what, int k) {
    lua_State *L = r->L;
    int t = lua_type(L, -1);
    if (t == LUA_TSTRING) {
        const char *id = lua_tostring(L, -1);
        int p = niact_map_place_index(r->m, id);
        if (p < 0) {
            PROBLEM(r, "%s: position %d: no place '%.40s' on the map", what, k, id);
            return -1;
        }
        out->lon = r->m->places[p].lon;
        out->lat = r->m->places[p].lat;
        return 0;
    }
    if (t == LUA_TTABLE && lua_rawlen(L, -1) == 2) {
        int ok = lua_rawgeti(L, -1, 1) == LUA_TNUMBER;
        ok = (lua_rawgeti(L, -2, 2) == LUA_TNUMBER) && ok;
        out->lon = ok ? lua_tonumber(L, -2) : 0;
        out->lat = ok ? lua_tonumber(L, -1) : 0;
        lua_pop(L, 2);
        if (ok && pos_ok(out->lon, out->lat))
            return 0;
    }
    PROBLEM(r, "%s: position %d must be a place id or {longitude, latitude} (-180..180, "
               "-85..85)",
            what, k);
    return -1;
}

/* Reads the list field of positions into *pts; returns how many (0 if none). */
static int mr_positions(mr *r, int idx, const char *field, niact_map_pos **pts,
                        const char *what) {
    lua_State *L = r->L;
    int n = mr_list(r, idx, field, NIACT_MAP_MAX_AT, what);
    *pts = calloc((size_t)(n ? n : 1), sizeof **pts);
    if (!*pts)
        luaL_error(L, "out of memory while reading the map");
    int got = 0;
    for (int i = 0; i < n; i++) {
        lua_rawgeti(L, -1, i + 1);
        if (mr_pos(r, &(*pts)[got], what, i + 1) == 0)
            got++;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return got;
}

/* ---- files ---- */

/* Whether rel is a plain relative path: components of [A-Za-z0-9_.-], none empty,
 * none starting with '.', no '..', not absolute. */
static int plain_path(const char *rel) {
    size_t n = strlen(rel);
    if (n == 0 || n > MAP_PATH_MAX || rel[0] == '/')
        return 0;
    int start = 1;
    for (size_t i = 0; i < n; i++) {
        char c = rel[i];
        if (c == '/') {
            if (start)
                return 0;
            start = 1;
            continue;
        }
        if (start && c == '.')
            return 0;
        start = 0;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.'))
            return 0;
    }
    return !start;
}

/* Resolves a declared map file: "assets/maps/..." is the bundled maps folder, anything
 * else is inside the scenario's folder. The real path (links resolved) must stay in
 * that folder and be a regular file of at most NIACT_MAP_FILE_MAX bytes. Returns the
 * malloc'd text (NUL-terminated) or NULL with why. */
static char *map_file(mr *r, const char *decl, size_t *len, char *why, size_t whylen) {
    niact_host *h = r->h;
    char base[PATH_MAX + 32], path[PATH_MAX * 2], real_base[PATH_MAX], real[PATH_MAX];
    const char *rel = decl;
    if (!plain_path(decl)) {
        snprintf(why, whylen, "a map file is a relative path inside the scenario's folder, or "
                              "assets/maps/NAME (letters, digits, _ - . and /; no '..', no "
                              "leading '/' or '.', at most %d bytes)",
                 MAP_PATH_MAX);
        return NULL;
    }
    if (!strncmp(decl, SHARED_PREFIX, strlen(SHARED_PREFIX))) {
        /* The bundled data folder holds scripts/lib and assets/maps (niact/paths.h). */
        rel = decl + strlen(SHARED_PREFIX);
        char lib[PATH_MAX];
        char *slash;
        if (!h->libdir[0] || !realpath(h->libdir, lib) || !(slash = strrchr(lib, '/')) ||
            (*slash = 0, !(slash = strrchr(lib, '/')))) {
            snprintf(why, whylen, "there is no bundled assets/maps folder");
            return NULL;
        }
        *slash = 0;
        snprintf(base, sizeof base, "%s/assets/maps", lib);
    } else {
        snprintf(base, sizeof base, "%s", h->dir);
    }
    snprintf(path, sizeof path, "%s/%s", base, rel);
    if (!realpath(base, real_base) || !realpath(path, real)) {
        snprintf(why, whylen, "no such file");
        return NULL;
    }
    size_t nb = strlen(real_base);
    if (strncmp(real, real_base, nb) != 0 || real[nb] != '/') {
        snprintf(why, whylen, "links outside %s", rel == decl ? "the scenario's folder"
                                                              : "the bundled assets/maps");
        return NULL;
    }
    int fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0) {
        snprintf(why, whylen, "cannot read it (%s)", strerror(errno));
        return NULL;
    }
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, whylen, "not a regular file");
    } else if ((uint64_t)st.st_size > NIACT_MAP_FILE_MAX) {
        snprintf(why, whylen, "%lld bytes (a map file may have at most %u)",
                 (long long)st.st_size, NIACT_MAP_FILE_MAX);
    } else if (!(buf = malloc((size_t)st.st_size + 1))) {
        snprintf(why, whylen, "out of memory");
    } else {
        size_t n = 0;
        ssize_t got;
        while (n < (size_t)st.st_size && (got = read(fd, buf + n, (size_t)st.st_size - n)) > 0)
            n += (size_t)got;
        buf[n] = 0;
        *len = n;
    }
    close(fd);
    return buf;
}

/* A problem in a map file: at FILE:LINE for a file of the scenario's folder (the
 * modder's), at the declaration for one of the bundled maps (its path said). */
static void file_problem(mr *r, const char *decl, int line, const char *msg) {
    if (strncmp(decl, SHARED_PREFIX, strlen(SHARED_PREFIX)) != 0)
        host_problem(r->h, decl, line, "%s", msg);
    else if (line > 0)
        PROBLEM(r, "map: %s:%d: %s", decl, line, msg);
    else
        PROBLEM(r, "map: %s: %s", decl, msg);
}

/* Parses a map file as JSON; NULL with a problem naming the file (and the line). */
static json_t *map_json(mr *r, const char *decl) {
    char why[400];
    size_t len = 0;
    char *text = map_file(r, decl, &len, why, sizeof why);
    if (!text) {
        PROBLEM(r, "map: '%s': %s", decl, why);
        return NULL;
    }
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    free(text);
    if (!root) {
        char m[300];
        snprintf(m, sizeof m, "not valid JSON: %s", je.text);
        file_problem(r, decl, je.line > 0 ? je.line : 0, m);
    }
    return root;
}

/* ---- places ---- */

/* Validates and stores one place; the strings are the caller's. */
static void add_place(mr *r, const char *id, const char *name, const char *label,
                      const char *kind, double lon, double lat, const char *what) {
    niact_map *m = r->m;
    if (!valid_id(id)) {
        PROBLEM(r, "%s: place ids use a-z, 0-9 and _ (at most 40)", what);
        return;
    }
    if (niact_map_place_index(m, id) >= 0) {
        PROBLEM(r, "%s: a place '%s' is already declared", what, id);
        return;
    }
    if (!pos_ok(lon, lat)) {
        PROBLEM(r, "%s: lon must be -180..180 and lat -85..85", what);
        return;
    }
    const char *texts[3] = {name, label, kind};
    for (int i = 0; i < 3; i++) {
        char why[96];
        if (strlen(texts[i]) > 200 ||
            niact_text_check(texts[i], strlen(texts[i]), 0, why, sizeof why) != NIACT_OK) {
            PROBLEM(r, "%s: its name, label and kind must be plain text on one line of at most "
                       "200 bytes",
                    what);
            return;
        }
    }
    niact_map_place *p = &m->places[m->n_places];
    memset(p, 0, sizeof *p);
    m->n_places++; /* owned by the map from here on, whatever fails next */
    p->id = host_strdup(id);
    p->name = host_strdup(name[0] ? name : id);
    p->label = host_strdup(label[0] ? label : (name[0] ? name : id));
    p->kind = host_strdup(kind);
    p->lon = lon;
    p->lat = lat;
    p->capital = !strcmp(kind, "capital");
    if (!p->id || !p->name || !p->label || !p->kind)
        luaL_error(r->L, "out of memory while reading the map");
}

static const char *const place_fields[] = {"id", "name", "label", "kind", "lon", "lat", NULL};

/* A places file: {"places": [{"id", "name", "label", "kind", "lon", "lat"}, ...]}. */
static void places_file(mr *r, const char *decl) {
    json_t *root = map_json(r, decl);
    if (!root)
        return;
    json_t *list = json_object_get(root, "places");
    if (!json_is_array(list)) {
        file_problem(r, decl, 0, "a places file is an object with a list \"places\"");
        json_decref(root);
        return;
    }
    size_t i;
    json_t *p;
    char what[320];
    json_array_foreach(list, i, p) {
        snprintf(what, sizeof what, "map: %s: place %zu", decl, i + 1);
        if (r->m->n_places >= NIACT_MAP_MAX_PLACES) {
            PROBLEM(r, "map: %s: more than %d places", decl, NIACT_MAP_MAX_PLACES);
            break;
        }
        const char *key;
        json_t *v;
        int bad = !json_is_object(p);
        json_object_foreach(bad ? NULL : p, key, v) {
            int known = 0;
            for (int k = 0; place_fields[k]; k++)
                known |= !strcmp(key, place_fields[k]);
            if (!known) {
                PROBLEM(r, "%s: unknown field '%.40s'", what, key);
                bad = 1;
            }
        }
        json_t *lon = json_object_get(p, "lon"), *lat = json_object_get(p, "lat");
        const char *id = json_string_value(json_object_get(p, "id"));
        if (!bad && (!id || !json_is_number(lon) || !json_is_number(lat))) {
            PROBLEM(r, "%s: needs \"id\" (a string), \"lon\" and \"lat\" (numbers)", what);
            bad = 1;
        }
        const char *s[3] = {"name", "label", "kind"}, *val[3];
        for (int k = 0; k < 3 && !bad; k++) {
            json_t *x = json_object_get(p, s[k]);
            val[k] = x ? json_string_value(x) : "";
            if (!val[k]) {
                PROBLEM(r, "%s: \"%s\" must be a string", what, s[k]);
                bad = 1;
            }
        }
        if (!bad)
            add_place(r, id, val[0], val[1], val[2], json_number_value(lon),
                      json_number_value(lat), what);
    }
    json_decref(root);
}

/* places = "FILE" or a list of niact.place{id=, name=, label=, kind=, lon=, lat=}. */
static void rd_places(mr *r, int map_idx) {
    lua_State *L = r->L;
    niact_map *m = r->m;
    m->places = calloc(NIACT_MAP_MAX_PLACES, sizeof *m->places);
    if (!m->places)
        luaL_error(L, "out of memory while reading the map");
    int t = rawfield(L, map_idx, "places");
    if (t == LUA_TSTRING) {
        char decl[MAP_PATH_MAX + 1];
        snprintf(decl, sizeof decl, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        places_file(r, decl);
        return;
    }
    lua_pop(L, 1);
    if (t != LUA_TNIL && t != LUA_TTABLE) {
        PROBLEM(r, "map: field 'places' must be a file name or a list of places");
        return;
    }
    int n = mr_list(r, map_idx, "places", NIACT_MAP_MAX_PLACES, "map");
    int list = lua_gettop(L);
    char what[64];
    for (int i = 0; i < n; i++) {
        snprintf(what, sizeof what, "map: place %d", i + 1);
        if (lua_rawgeti(L, list, i + 1) != LUA_TTABLE) {
            PROBLEM(r, "%s must be a table", what);
            lua_pop(L, 1);
            continue;
        }
        int p = lua_gettop(L);
        char saved[300];
        int saved_line = r->line;
        snprintf(saved, sizeof saved, "%s", r->file);
        mr_where(r, p);
        check_fields(r, p, place_fields, 0, what);
        char *id = mr_str(r, p, "id", "", 1, what);
        char *name = mr_str(r, p, "name", "", 1, what);
        char *label = mr_str(r, p, "label", "", 1, what);
        char *kind = mr_str(r, p, "kind", "", 1, what);
        double lon = mr_num(r, p, "lon", 1e9, -180, 180, what);
        double lat = mr_num(r, p, "lat", 1e9, -85, 85, what);
        if (!id[0] || lon > 1e8 || lat > 1e8)
            PROBLEM(r, "%s: needs id, lon and lat", what);
        else
            add_place(r, id, name, label, kind, lon, lat, what);
        free(id);
        free(name);
        free(label);
        free(kind);
        snprintf(r->file, sizeof r->file, "%s", saved);
        r->line = saved_line;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* ---- coastlines ---- */

typedef struct geo {
    mr *r;
    const char *decl;
    const char *const *focus;
    int n_focus;
    long points;
    int cap;
    int failed;
} geo;

static void geo_problem(geo *g, const char *fmt, const char *a, size_t b) {
    if (g->failed++ < 5) { /* a broken file says its first problems, not thousands */
        char msg[400];
        snprintf(msg, sizeof msg, fmt, a, b);
        file_problem(g->r, g->decl, 0, msg);
    }
}

static int add_ring(geo *g, json_t *ring, int focus, const char *feat, size_t fi) {
    niact_map *m = g->r->m;
    size_t n = json_array_size(ring);
    if (!json_is_array(ring) || n < 3) {
        geo_problem(g, "feature %s%zu: a polygon's ring needs at least 3 positions", feat, fi);
        return -1;
    }
    if (m->n_rings >= NIACT_MAP_MAX_RINGS || g->points + (long)n > NIACT_MAP_MAX_POINTS) {
        char lim[160];
        snprintf(lim, sizeof lim, "more than %d rings or %d points (the limit)",
                 NIACT_MAP_MAX_RINGS, NIACT_MAP_MAX_POINTS);
        if (g->failed++ < 5)
            file_problem(g->r, g->decl, 0, lim);
        return -1;
    }
    if (m->n_rings >= g->cap) {
        int cap = g->cap ? g->cap * 2 : 64;
        niact_map_ring *nr = realloc(m->rings, (size_t)cap * sizeof *nr);
        if (!nr)
            return -2;
        m->rings = nr;
        g->cap = cap;
    }
    float *pts = malloc(n * 2 * sizeof *pts);
    if (!pts)
        return -2;
    for (size_t i = 0; i < n; i++) {
        json_t *p = json_array_get(ring, i);
        json_t *x = json_array_get(p, 0), *y = json_array_get(p, 1);
        double lon = json_number_value(x), lat = json_number_value(y);
        if (!json_is_array(p) || json_array_size(p) < 2 || !json_is_number(x) ||
            !json_is_number(y) || !(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
            free(pts);
            geo_problem(g, "feature %s%zu: a position is not [longitude, latitude] (-180..180, "
                           "-90..90)",
                        feat, fi);
            return -1;
        }
        pts[2 * i] = (float)lon;
        pts[2 * i + 1] = (float)(lat > 85 ? 85 : lat < -85 ? -85 : lat);
    }
    niact_map_ring *r = &m->rings[m->n_rings++];
    r->pts = pts;
    r->n = (int)n;
    r->polygon = m->n_polygons;
    r->focus = focus;
    g->points += (long)n;
    return 0;
}

static int add_polygon(geo *g, json_t *poly, int focus, const char *feat, size_t fi) {
    if (!json_is_array(poly) || json_array_size(poly) == 0) {
        geo_problem(g, "feature %s%zu: a polygon is a list of rings", feat, fi);
        return -1;
    }
    size_t i;
    json_t *ring;
    json_array_foreach(poly, i, ring) {
        int st = add_ring(g, ring, focus, feat, fi);
        if (st != 0)
            return st;
    }
    g->r->m->n_polygons++;
    return 0;
}

static int add_geometry(geo *g, json_t *geom, int focus, size_t fi) {
    const char *type = json_string_value(json_object_get(geom, "type"));
    json_t *coords = json_object_get(geom, "coordinates");
    if (json_is_null(geom) || !geom)
        return 0; /* a feature without geometry draws nothing */
    if (!type) {
        geo_problem(g, "feature %s%zu: its geometry has no \"type\"", "", fi);
        return -1;
    }
    if (!strcmp(type, "Polygon"))
        return add_polygon(g, coords, focus, "", fi);
    if (!strcmp(type, "MultiPolygon")) {
        if (!json_is_array(coords)) {
            geo_problem(g, "feature %s%zu: a MultiPolygon's coordinates are a list of polygons",
                        "", fi);
            return -1;
        }
        size_t k;
        json_t *poly;
        json_array_foreach(coords, k, poly) {
            int st = add_polygon(g, poly, focus, "", fi);
            if (st != 0)
                return st;
        }
        return 0;
    }
    geo_problem(g, "feature %s%zu: only Polygon and MultiPolygon geometries are drawn", "", fi);
    return -1;
}

/* coast = "FILE": a GeoJSON FeatureCollection (or one Feature) of polygons. */
static void coast_file(mr *r, const char *decl, const char *const *focus, int n_focus) {
    json_t *root = map_json(r, decl);
    if (!root)
        return;
    geo g = {r, decl, focus, n_focus, 0, 0, 0};
    const char *type = json_string_value(json_object_get(root, "type"));
    json_t *features = json_object_get(root, "features");
    if (type && !strcmp(type, "Feature")) {
        features = json_array();
        if (features)
            json_array_append(features, root);
    } else if (!type || strcmp(type, "FeatureCollection") != 0 || !json_is_array(features)) {
        file_problem(r, decl, 0, "a coastline file is a GeoJSON FeatureCollection (with a "
                                 "list \"features\") or a Feature");
        json_decref(root);
        return;
    } else {
        json_incref(features);
    }
    size_t i;
    json_t *f;
    int st = 0;
    json_array_foreach(features, i, f) {
        const char *name =
            json_string_value(json_object_get(json_object_get(f, "properties"), "name"));
        int is_focus = 0;
        for (int k = 0; name && k < n_focus; k++)
            is_focus |= !strcmp(name, focus[k]);
        if (!json_is_object(f)) {
            geo_problem(&g, "feature %s%zu is not an object", "", i + 1);
            st = -1;
        } else if ((st = add_geometry(&g, json_object_get(f, "geometry"), is_focus, i + 1)) != 0) {
            break;
        }
    }
    json_decref(features);
    json_decref(root);
    if (st == -2)
        luaL_error(r->L, "out of memory while reading the map");
}

/* ---- routes and layers ---- */

static const char *const route_fields[] = {"id", "name", "points", "shown", "dotted", NULL};

static void rd_routes(mr *r, int map_idx) {
    lua_State *L = r->L;
    niact_map *m = r->m;
    int n = mr_list(r, map_idx, "routes", NIACT_MAP_MAX_ROUTES, "map");
    int list = lua_gettop(L);
    m->routes = calloc((size_t)(n ? n : 1), sizeof *m->routes);
    if (!m->routes)
        luaL_error(L, "out of memory while reading the map");
    char what[96];
    for (int i = 0; i < n; i++) {
        snprintf(what, sizeof what, "map: route %d", i + 1);
        if (lua_rawgeti(L, list, i + 1) != LUA_TTABLE) {
            PROBLEM(r, "%s must be a table", what);
            lua_pop(L, 1);
            continue;
        }
        int t = lua_gettop(L);
        mr_where(r, t);
        check_fields(r, t, route_fields, 0, what);
        niact_map_route *rt = &m->routes[m->n_routes++];
        rt->id = mr_str(r, t, "id", "", 1, what);
        if (rt->id[0])
            snprintf(what, sizeof what, "map: route '%s'", rt->id);
        if (!valid_id(rt->id))
            PROBLEM(r, "%s: needs an id (a-z, 0-9 and _, at most 40)", what);
        else if (niact_map_route_index(m, rt->id) != m->n_routes - 1)
            PROBLEM(r, "%s: a route with this id is already declared", what);
        rt->name = mr_str(r, t, "name", "", 1, what);
        rt->shown = mr_bool(r, t, "shown", 0, what);
        rt->dotted = mr_bool(r, t, "dotted", 0, what);
        rt->n = mr_positions(r, t, "points", &rt->pts, what);
        if (rt->n < 2)
            PROBLEM(r, "%s: 'points' needs at least two positions", what);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static int symbol_of(const char *s) {
    for (int i = 0; i < NIACT_SYM_COUNT; i++)
        if (!strcmp(s, niact_map_symbol_name(i)))
            return i;
    return -1;
}

static const char *const layer_fields[] = {"track", "label", "symbol", "at", "kind", "steps",
                                           "at_least", "routes", "radius_km", NULL};

static void rd_layer(mr *r, int t, niact_map_layer *ly, const char *what0) {
    lua_State *L = r->L;
    niact_map *m = r->m;
    const niact_scenario *sc = r->h->sc;
    char what[128];
    snprintf(what, sizeof what, "%s", what0);
    ly->file = mr_dup(r, r->file);
    ly->line = r->line;
    char *track = mr_str(r, t, "track", "", 1, what);
    ly->track = niact_scenario_track(sc, track);
    if (!track[0]) {
        PROBLEM(r, "%s: field 'track' (a track id) is required", what);
    } else {
        snprintf(what, sizeof what, "%s (track '%.40s')", what0, track);
        if (ly->track < 0)
            PROBLEM(r, "%s: there is no such track", what);
        else if (sc->tracks[ly->track].hidden)
            PROBLEM(r, "%s: the track is hidden, in no seat's view", what);
    }
    free(track);
    check_fields(r, t, layer_fields, 0, what);
    const niact_track_def *td = ly->track >= 0 ? &sc->tracks[ly->track] : NULL;
    ly->label = mr_str(r, t, "label", td ? td->meta.name : "", 1, what);
    char *sym = mr_str(r, t, "symbol", "", 1, what);
    ly->symbol = symbol_of(sym);
    if (ly->symbol < 0) {
        char list[200] = "";
        for (int i = 0; i < NIACT_SYM_COUNT; i++)
            snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "",
                     niact_map_symbol_name(i));
        PROBLEM(r, "%s: field 'symbol' must be one of %s", what, list);
        ly->symbol = NIACT_SYM_TRIANGLE;
    }
    free(sym);
    int32_t lo = td ? td->min : INT32_MIN / 2, hi = td ? td->max : INT32_MAX / 2;
    ly->at_least = (int32_t)mr_num(r, t, "at_least", lo + 1.0, lo, hi, what);
    ly->radius_km = mr_num(r, t, "radius_km", 25, 1, 5000, what);
    if (niact_map_symbol_is_path(ly->symbol)) {
        int n = mr_list(r, t, "routes", NIACT_MAP_MAX_ROUTES, what);
        ly->routes = calloc((size_t)(n ? n : 1), sizeof *ly->routes);
        if (!ly->routes)
            luaL_error(L, "out of memory while reading the map");
        for (int i = 0; i < n; i++) {
            lua_rawgeti(L, -1, i + 1);
            const char *id = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
            int k = id ? niact_map_route_index(m, id) : -1;
            if (k < 0)
                PROBLEM(r, "%s: routes[%d] must name a route of the map", what, i + 1);
            else
                ly->routes[ly->n_routes++] = k;
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
        if (n == 0)
            PROBLEM(r, "%s: a %s is drawn along 'routes' (a list of route ids)", what,
                    niact_map_symbol_name(ly->symbol));
        int bad = 0;
        if (rawfield(L, t, "at") != LUA_TNIL || rawfield(L, t, "kind") != LUA_TNIL ||
            rawfield(L, t, "steps") != LUA_TNIL)
            bad = 1;
        lua_pop(L, 3);
        if (bad)
            PROBLEM(r, "%s: a %s takes 'routes', not 'at', 'kind' or 'steps'", what,
                    niact_map_symbol_name(ly->symbol));
        return;
    }
    if (rawfield(L, t, "routes") != LUA_TNIL)
        PROBLEM(r, "%s: only a line or a route takes 'routes'", what);
    lua_pop(L, 1);
    int n_at = mr_positions(r, t, "at", &ly->at, what);
    ly->n_at = n_at;
    char *kind = mr_str(r, t, "kind", "", 1, what);
    if (kind[0]) {
        int more = 0;
        for (int i = 0; i < m->n_places; i++)
            more += !strcmp(m->places[i].kind, kind);
        niact_map_pos *all = realloc(ly->at, (size_t)(n_at + more + 1) * sizeof *all);
        if (!all) {
            free(kind);
            luaL_error(L, "out of memory while reading the map");
        }
        ly->at = all;
        for (int i = 0; i < m->n_places; i++)
            if (!strcmp(m->places[i].kind, kind))
                ly->at[ly->n_at++] = (niact_map_pos){m->places[i].lon, m->places[i].lat};
        if (!more)
            PROBLEM(r, "%s: no place of kind '%.40s' on the map", what, kind);
    }
    free(kind);
    if (ly->n_at == 0 && n_at == 0)
        PROBLEM(r, "%s: a %s is drawn 'at' positions (place ids or {lon, lat}) or at every "
                   "place of a 'kind'",
                what, niact_map_symbol_name(ly->symbol));
    int t_steps = rawfield(L, t, "steps");
    lua_pop(L, 1);
    if (t_steps != LUA_TNIL) {
        int n = mr_list(r, t, "steps", NIACT_MAP_MAX_AT, what);
        if (n != ly->n_at)
            PROBLEM(r, "%s: 'steps' has %d entries, one for each of its %d positions", what, n,
                    ly->n_at);
        ly->steps = calloc((size_t)(ly->n_at ? ly->n_at : 1), sizeof *ly->steps);
        if (!ly->steps)
            luaL_error(L, "out of memory while reading the map");
        for (int i = 0; i < n && i < ly->n_at; i++) {
            int isnum = 0;
            lua_rawgeti(L, -1, i + 1);
            lua_Integer v = lua_tointegerx(L, -1, &isnum);
            lua_pop(L, 1);
            if (!isnum || v < lo || v > hi)
                PROBLEM(r, "%s: steps[%d] must be a whole number within the track's range", what,
                        i + 1);
            else
                ly->steps[i] = (int32_t)v;
        }
        lua_pop(L, 1);
    }
}

static void rd_layers(mr *r, int map_idx) {
    lua_State *L = r->L;
    niact_map *m = r->m;
    int n = mr_list(r, map_idx, "layers", NIACT_MAP_MAX_LAYERS, "map");
    int list = lua_gettop(L);
    m->layers = calloc((size_t)(n ? n : 1), sizeof *m->layers);
    if (!m->layers)
        luaL_error(L, "out of memory while reading the map");
    for (int i = 0; i < n; i++) {
        char what[64];
        snprintf(what, sizeof what, "map: layer %d", i + 1);
        if (lua_rawgeti(L, list, i + 1) != LUA_TTABLE) {
            PROBLEM(r, "%s must be a table", what);
            lua_pop(L, 1);
            continue;
        }
        int t = lua_gettop(L);
        mr_where(r, t);
        niact_map_layer *ly = &m->layers[m->n_layers++];
        ly->track = -1;
        rd_layer(r, t, ly, what);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* ---- the map ---- */

static const char *const map_fields[] = {"name", "region", "projection", "coast", "focus",
                                         "places", "show", "routes", "layers", NULL};
static const char *const region_fields[] = {"west", "east", "south", "north", NULL};

static void grow(double *b, double lon, double lat) {
    b[0] = fmin(b[0], lon);
    b[1] = fmax(b[1], lon);
    b[2] = fmin(b[2], lat);
    b[3] = fmax(b[3], lat);
}

/* Without a region: everything declared, with a margin. */
static void default_region(niact_map *m) {
    double b[4] = {1e9, -1e9, 1e9, -1e9};
    for (int i = 0; i < m->n_places; i++)
        grow(b, m->places[i].lon, m->places[i].lat);
    for (int i = 0; i < m->n_routes; i++)
        for (int k = 0; k < m->routes[i].n; k++)
            grow(b, m->routes[i].pts[k].lon, m->routes[i].pts[k].lat);
    for (int i = 0; i < m->n_layers; i++)
        for (int k = 0; k < m->layers[i].n_at; k++)
            grow(b, m->layers[i].at[k].lon, m->layers[i].at[k].lat);
    if (b[0] > b[1]) /* nothing but coastlines: all of them */
        for (int i = 0; i < m->n_rings; i++)
            for (int k = 0; k < m->rings[i].n; k++)
                grow(b, m->rings[i].pts[2 * k], m->rings[i].pts[2 * k + 1]);
    if (b[0] > b[1]) {
        b[0] = -180, b[1] = 180, b[2] = -60, b[3] = 75;
    }
    double mx = fmax(0.5, (b[1] - b[0]) * 0.1), my = fmax(0.5, (b[3] - b[2]) * 0.1);
    m->west = fmax(-180, b[0] - mx);
    m->east = fmin(180, b[1] + mx);
    m->south = fmax(-85, b[2] - my);
    m->north = fmin(85, b[3] + my);
}

static int read_map(lua_State *L) {
    mr *r = lua_touserdata(L, 1);
    int idx = 2;
    niact_map *m = r->m;
    mr_where(r, idx);
    m->file = mr_dup(r, r->file);
    m->line = r->line;
    check_fields(r, idx, map_fields, 0, "map");
    m->name = mr_str(r, idx, "name", "", 1, "map");
    char *proj = mr_str(r, idx, "projection", "mercator", 1, "map");
    if (!strcmp(proj, "equirectangular"))
        m->projection = NIACT_PROJ_EQUIRECTANGULAR;
    else if (strcmp(proj, "mercator") != 0)
        PROBLEM(r, "map: projection must be \"mercator\" or \"equirectangular\"");
    free(proj);
    /* Places first: positions elsewhere may name them. */
    rd_places(r, idx);
    int n_show = mr_list(r, idx, "show", 64, "map");
    for (int i = 0; i < n_show; i++) {
        lua_rawgeti(L, -1, i + 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        int any = 0;
        for (int p = 0; k && p < m->n_places; p++)
            if (!strcmp(m->places[p].kind, k))
                any = m->places[p].shown = 1;
        if (!k)
            PROBLEM(r, "map: show[%d] must be a kind of place (a string)", i + 1);
        else if (!any)
            PROBLEM(r, "map: show[%d]: no place of kind '%.40s' on the map", i + 1, k);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    const char *focus[NIACT_MAP_MAX_FOCUS];
    int n_focus = mr_list(r, idx, "focus", NIACT_MAP_MAX_FOCUS, "map"), nf = 0;
    int focus_idx = lua_gettop(L);
    for (int i = 0; i < n_focus; i++) {
        lua_rawgeti(L, focus_idx, i + 1);
        if (lua_type(L, -1) == LUA_TSTRING)
            focus[nf++] = lua_tostring(L, -1); /* alive: the list, on the stack, holds it */
        else
            PROBLEM(r, "map: focus[%d] must be a feature's name (a string)", i + 1);
        lua_pop(L, 1);
    }
    int t = rawfield(L, idx, "coast");
    if (t == LUA_TSTRING) {
        m->coast = mr_dup(r, lua_tostring(L, -1));
        coast_file(r, m->coast, focus, nf);
    } else {
        if (t != LUA_TNIL)
            PROBLEM(r, "map: field 'coast' must be a file name (a string)");
        m->coast = mr_dup(r, "");
    }
    lua_settop(L, idx);
    rd_routes(r, idx);
    rd_layers(r, idx);
    t = rawfield(L, idx, "region");
    if (t == LUA_TTABLE) {
        int rg = lua_gettop(L);
        check_fields(r, rg, region_fields, 0, "map: region");
        m->west = mr_num(r, rg, "west", 1e9, -180, 180, "map: region");
        m->east = mr_num(r, rg, "east", 1e9, -180, 180, "map: region");
        m->south = mr_num(r, rg, "south", 1e9, -85, 85, "map: region");
        m->north = mr_num(r, rg, "north", 1e9, -85, 85, "map: region");
        if (m->west > 1e8 || m->east > 1e8 || m->south > 1e8 || m->north > 1e8)
            PROBLEM(r, "map: region needs west, east, south and north (degrees)");
        else if (!(m->west < m->east && m->south < m->north))
            PROBLEM(r, "map: region: west must be less than east and south less than north");
    } else {
        if (t != LUA_TNIL)
            PROBLEM(r, "map: region must be {west=, east=, south=, north=} (degrees)");
        default_region(m);
    }
    lua_pop(L, 1);
    return 0;
}

int host_read_map(niact_host *h, int sc_idx, const char *file, int line) {
    lua_State *L = h->L;
    sc_idx = lua_absindex(L, sc_idx);
    mr r = {h, L, NULL, "", line};
    snprintf(r.file, sizeof r.file, "%s", file);
    int t = rawfield(L, sc_idx, "map");
    if (t == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    if (t != LUA_TTABLE) {
        PROBLEM(&r, "scenario: field 'map' must be a table (niact.map{...})");
        lua_pop(L, 1);
        return 0;
    }
    h->sc->map = calloc(1, sizeof *h->sc->map);
    if (!h->sc->map)
        return luaL_error(L, "out of memory while reading the map");
    r.m = h->sc->map;
    lua_pushcfunction(L, read_map);
    lua_pushlightuserdata(L, &r);
    lua_pushvalue(L, -3);
    lua_call(L, 2, 0);
    lua_pop(L, 1);
    return 0;
}
