/* The map drawn from the scenario's declaration, with a software renderer (no display):
 * a scenario of invented names and its own island gets its coastline, its places and
 * layers drawn where it declared them, each in the state the seat knows (present: a
 * filled red triangle; absent: hollow; a step not reached: nothing), bound by the
 * declared track alone; November 1962's map draws its missile sites as the US seat
 * estimates them; a scenario without a map gets none on the desk, the new game screen
 * or the title. PNGs of each go to build/tests/ui/map/. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "niact/map.h"
#include "png.h"
#include "support.h"
#include "ui/app.h"
#include "ui/map.h"

typedef struct canvas {
    SDL_Surface *surf;
    SDL_Renderer *ren;
    app a;
} canvas;

static void open_canvas(canvas *c) {
    memset(c, 0, sizeof *c);
    c->surf = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(c->surf);
    c->ren = SDL_CreateSoftwareRenderer(c->surf);
    char assets[4096];
    assert_non_null(c->ren);
    assert_int_equal(ui_find_assets(assets, sizeof assets, NULL, 0), 0);
    assert_int_equal(app_init(&c->a, NULL, c->ren, assets), 0);
}

static void close_canvas(canvas *c) {
    app_free(&c->a);
    SDL_DestroyRenderer(c->ren);
    SDL_FreeSurface(c->surf);
}

static void start(app *a, const char *dir) {
    a->n_scen = 1;
    snprintf(a->scen[0], sizeof a->scen[0], "%s", dir);
    a->scen_idx = 0;
    newgame_load(a);
    if (!a->cfg)
        fail_msg("%s", a->cfg_error);
    niact_seat seats[NIACT_MAX_ROLES];
    memset(seats, 0, sizeof seats);
    niact_host *h = a->cfg;
    a->cfg = NULL;
    assert_int_equal(play_start(a, h, seats, 7), 0);
    play_mark_read(a);
    a->scr = SCR_DESK;
}

static uint32_t pixel(const canvas *c, int x, int y) {
    return ((const uint32_t *)((const uint8_t *)c->surf->pixels + y * c->surf->pitch))[x] &
           0xffffffu;
}

static uint32_t rgb(SDL_Color k) {
    return (uint32_t)k.r << 16 | (uint32_t)k.g << 8 | k.b;
}

/* Pixels of colour k in the square of half-side h around x,y. */
static int count_near(const canvas *c, float x, float y, int h, SDL_Color k) {
    int n = 0;
    for (int j = (int)y - h; j <= (int)y + h; j++)
        for (int i = (int)x - h; i <= (int)x + h; i++)
            if (i >= 0 && j >= 0 && i < c->surf->w && j < c->surf->h && pixel(c, i, j) == rgb(k))
                n++;
    return n;
}

/* Draws the map of the game under way into r alone (and saves a PNG). */
static void draw_map(canvas *c, SDL_Rect r, const char *shot) {
    app *a = &c->a;
    ui_begin(&a->ui);
    SDL_SetRenderDrawColor(c->ren, 255, 255, 255, 255);
    SDL_RenderClear(c->ren);
    ui_map *m = map_of(a, a->play.sc);
    assert_non_null(m);
    map_draw(a, m, r);
    ui_end(&a->ui);
    char path[4200];
    mkdir(NIACT_UI_ARTEFACTS, 0755);
    snprintf(path, sizeof path, "%s/%s.png", NIACT_UI_ARTEFACTS, shot);
    assert_int_equal(png_write_surface(path, c->surf), 0);
}

static const char *const isle =
    "{\"type\": \"FeatureCollection\", \"features\": [\n"
    " {\"type\": \"Feature\", \"properties\": {\"name\": \"Isle\"}, \"geometry\": {\"type\": "
    "\"Polygon\", \"coordinates\": [[[4,50],[6,50],[6,52],[4,52],[4,50]]]}},\n"
    " {\"type\": \"Feature\", \"properties\": {\"name\": \"Main\"}, \"geometry\": {\"type\": "
    "\"MultiPolygon\", \"coordinates\": [[[[0,44],[2,44],[2,46],[0,46],[0,44]]]]}}\n"
    "]}\n";

/* Two seats; tracks of invented names; a map of its own: an island in the focus colour,
 * layers on 'zebra' (present), 'yak' (absent), 'gnu' (steps 1 and 50: the first shown). */
static char *own_scenario(void) {
    char *dir = ts_tempdir();
    ts_write(dir, "isle.geojson", isle);
    ts_write(dir, "scenario.lua",
             "return niact.scenario{\n"
             "  name = 'Isles', calendar = { start = '2001-01-01', days_per_turn = 1, turns = 3 },\n"
             "  roles = { niact.role{ id = 'a', name = 'Alpha' }, niact.role{ id = 'b', name = 'Beta' } },\n"
             "  tracks = { niact.track{ id = 'zebra', min = 0, max = 9, initial = 4 },\n"
             "             niact.track{ id = 'yak', min = 0, max = 9, initial = 0 },\n"
             "             niact.track{ id = 'gnu', min = 0, max = 99, initial = 7 } },\n"
             "  actions = { niact.action{ id = 'wait', roles = { 'a', 'b' }, resolve = function() end } },\n"
             "  map = niact.map{ name = 'The Isles', coast = 'isle.geojson', focus = { 'Isle' },\n"
             "    region = { west = -1, east = 9, south = 43, north = 53 },\n"
             "    places = { niact.place{ id = 'north', name = 'Northpoint', kind = 'town', lon = 5, lat = 51.5 },\n"
             "               niact.place{ id = 'south', lon = 1, lat = 45 } },\n"
             "    show = { 'town' },\n"
             "    layers = { niact.layer{ track = 'zebra', label = 'Zebras', symbol = 'triangle', at = { 'south' } },\n"
             "               niact.layer{ track = 'yak', label = 'Yaks', symbol = 'triangle', at = { { 5, 50.5 } } },\n"
             "               niact.layer{ track = 'gnu', label = 'Gnus', symbol = 'square',\n"
             "                 at = { { 7, 47 }, { 8, 48 } }, steps = { 1, 50 } } } },\n"
             "}\n");
    return dir;
}

static void test_own_map(void **st) {
    (void)st;
    char *dir = own_scenario();
    canvas c;
    open_canvas(&c);
    start(&c.a, dir);
    SDL_Rect r = {40, 40, 800, 600};
    draw_map(&c, r, "own-map");
    ui_map *m = map_of(&c.a, c.a.play.sc);
    map_view v = map_view_for(m, r);
    float x, y;
    /* The island in the focus colour, the other land plain. */
    map_project(&v, 4.5, 51, &x, &y);
    assert_int_equal(pixel(&c, (int)x, (int)y), rgb(COL_LAND_FOCUS));
    map_project(&v, 0.5, 44.5, &x, &y);
    assert_int_equal(pixel(&c, (int)x, (int)y), rgb(COL_LAND));
    map_project(&v, 3.3, 47.3, &x, &y); /* between them, the sea (off the graticule) */
    assert_int_equal(pixel(&c, (int)x, (int)y), rgb(COL_SEA));
    /* zebra = 4: present, a filled red triangle at 'south'. */
    map_project(&v, 1, 45, &x, &y);
    assert_true(count_near(&c, x, y + 2, 3, COL_STAMP) > 20);
    /* yak = 0: absent, a hollow triangle (ink edges, no red, land inside). */
    map_project(&v, 5, 50.5, &x, &y);
    assert_int_equal(count_near(&c, x, y + 2, 6, COL_STAMP), 0);
    assert_true(count_near(&c, x, y + 2, 10, COL_INK) > 10);
    /* gnu = 7: the first step (1) reached, the second (50) not. */
    map_project(&v, 7, 47, &x, &y);
    assert_true(count_near(&c, x, y, 3, COL_STAMP) > 20);
    map_project(&v, 8, 48, &x, &y);
    assert_int_equal(count_near(&c, x, y, 8, COL_STAMP), 0);
    assert_int_equal(count_near(&c, x, y, 8, COL_INK), 0);
    /* 'north' is a town, shown: a dot of ink. */
    map_project(&v, 5, 51.5, &x, &y);
    assert_true(count_near(&c, x, y, 1, COL_INK) > 0);
    close_canvas(&c);
    ts_rmdir(dir);
}

static void test_november_map(void **st) {
    (void)st;
    canvas c;
    open_canvas(&c);
    start(&c.a, NIACT_SCRIPTS_DIR "/scenarios/november1962");
    SDL_Rect r = {14, 78, 514, 364}; /* the desk's map at 1280x720 */
    draw_map(&c, r, "november1962-us");
    const niact_scenario *sc = c.a.play.sc;
    ui_map *m = map_of(&c.a, sc);
    map_view v = map_view_for(m, r);
    /* The US seat estimates missiles (~33): every missile site a red triangle. */
    int sites = 0;
    for (int i = 0; i < sc->map->n_places; i++) {
        const niact_map_place *p = &sc->map->places[i];
        if (strcmp(p->kind, "missile_site") != 0)
            continue;
        float x, y;
        map_project(&v, p->lon, p->lat, &x, &y);
        assert_true(count_near(&c, x, y + 2, 2, COL_STAMP) > 5);
        sites++;
    }
    assert_int_equal(sites, 4);
    /* Cuba, the declared focus, in the focus colour (inland of Camaguey). */
    float x, y;
    map_project(&v, -77.9, 21.4, &x, &y);
    assert_int_equal(pixel(&c, (int)x, (int)y), rgb(COL_LAND_FOCUS));
    close_canvas(&c);
}

static void test_no_map(void **st) {
    (void)st;
    canvas c;
    open_canvas(&c);
    start(&c.a, NIACT_TEST_DIR "/scenarios/testland");
    assert_null(map_of(&c.a, c.a.play.sc));
    /* The desk draws without it: no focus-coloured land anywhere. */
    app_frame(&c.a, 0);
    int land = 0;
    for (int y = 0; y < 720; y += 2)
        for (int x = 0; x < 1280; x += 2)
            land += pixel(&c, x, y) == rgb(COL_LAND_FOCUS) || pixel(&c, x, y) == rgb(COL_SEA);
    assert_int_equal(land, 0);
    close_canvas(&c);
}

int main(void) {
    char dh[] = "/tmp/niact-ui-map-XXXXXX";
    if (!mkdtemp(dh))
        return 1;
    setenv("XDG_DATA_HOME", dh, 1); /* autosaves go here, not to the developer's folder */
    if (TTF_Init() != 0)
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_own_map),
        cmocka_unit_test(test_november_map),
        cmocka_unit_test(test_no_map),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char rm[128];
    snprintf(rm, sizeof rm, "rm -rf '%s'", dh);
    if (system(rm) != 0)
        rc = 1;
    TTF_Quit();
    SDL_Quit();
    return rc;
}
