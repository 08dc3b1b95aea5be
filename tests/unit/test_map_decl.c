/* A scenario's map declaration: read right (November 1962's map, layers bound to its
 * tracks by id), and every mistake a load problem with its place -- malformed GeoJSON
 * and places files, paths that escape the scenario's folder or the bundled maps (an
 * absolute path, '..', a link out), files too large or not regular, unknown fields,
 * references to tracks, places and routes that do not exist. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>

#include "niact/map.h"
#include "support.h"

static void test_november_map(void **st) {
    (void)st;
    niact_host *h = NULL;
    char msg[4096];
    assert_int_equal(ts_load(NIACT_SCRIPTS_DIR "/scenarios/november1962", &h, msg, sizeof msg),
                     NIACT_OK);
    const niact_scenario *sc = niact_host_scenario(h);
    const niact_map *m = sc->map;
    assert_non_null(m);
    assert_string_equal(m->name, "The Caribbean, November 1962");
    assert_int_equal(m->projection, NIACT_PROJ_MERCATOR);
    assert_true(m->west < m->east && m->south < m->north);
    assert_true(m->n_rings > 50 && m->n_polygons > 10);
    int focus = 0;
    for (int i = 0; i < m->n_rings; i++)
        focus += m->rings[i].focus;
    assert_true(focus >= 1); /* Cuba */
    assert_int_equal(m->n_places, 16);
    int hav = niact_map_place_index(m, "havana");
    assert_true(hav >= 0 && m->places[hav].shown && m->places[hav].capital);
    int gtmo = niact_map_place_index(m, "guantanamo");
    assert_string_equal(m->places[gtmo].label, "Guantanamo Bay");
    assert_false(m->places[niact_map_place_index(m, "mariel")].shown); /* a port: no label */
    assert_int_equal(m->n_routes, 4);
    assert_true(m->routes[niact_map_route_index(m, "sea_lane")].shown);
    int u2 = niact_map_route_index(m, "u2_route");
    assert_int_equal(m->routes[u2].n, 6);
    assert_true(m->routes[u2].pts[0].lat > 28.0); /* "mccoy": a place's position */
    assert_int_equal(m->n_layers, 6);
    /* Bound by id, as declared: sam_control and the other sam_ tracks are not shown. */
    const char *tracks[6] = {"missiles", "il28", "sams", "quarantine", "missiles_counted",
                             "recon"};
    for (int i = 0; i < 6; i++)
        assert_int_equal(m->layers[i].track, niact_scenario_track(sc, tracks[i]));
    assert_string_equal(m->layers[4].label, "Missiles counted at sea"); /* the track's name */
    assert_int_equal(m->layers[4].symbol, NIACT_SYM_BOAT);
    assert_int_equal(m->layers[4].n_at, 3);
    assert_int_equal(m->layers[4].steps[2], 21);
    assert_int_equal(m->layers[0].n_at, 4); /* every place of kind missile_site */
    assert_int_equal(m->layers[0].at_least, 1);
    assert_int_equal(m->layers[2].symbol, NIACT_SYM_RING);
    assert_true(m->layers[2].radius_km > 40 && m->layers[2].radius_km < 42);
    assert_int_equal(m->layers[5].n_routes, 2);
    assert_string_equal(sc->blurb, "November 1962: the missiles are promised to leave Cuba, but "
                                   "nobody can yet prove it.");
    assert_true(sc->subtitle[0] != 0);
    niact_host_free(h);
}

static void test_no_map(void **st) {
    (void)st;
    niact_host *h = NULL;
    char msg[4096];
    assert_int_equal(ts_load(NIACT_TEST_DIR "/scenarios/testland", &h, msg, sizeof msg), NIACT_OK);
    assert_null(niact_host_scenario(h)->map);
    /* blurb defaults to text, subtitle to "" */
    assert_string_equal(niact_host_scenario(h)->blurb, "A test crisis.");
    assert_string_equal(niact_host_scenario(h)->subtitle, "");
    niact_host_free(h);
}

/* A two-role scenario folder whose scenario.lua declares `map = MAP` (Lua). */
static char *map_scenario(const char *map) {
    char *dir = ts_tempdir();
    char text[16384];
    snprintf(text, sizeof text,
             "return niact.scenario{\n"
             "  name = 'Mapland', calendar = { start = '2001-01-01', days_per_turn = 1, turns = 3 },\n"
             "  roles = { niact.role{ id = 'a' }, niact.role{ id = 'b' } },\n"
             "  tracks = { niact.track{ id = 'boats', name = 'Boats', min = 0, max = 9, initial = 2 },\n"
             "             niact.track{ id = 'hid', min = 0, max = 9, hidden = true } },\n"
             "  map = %s,\n"
             "}\n",
             map);
    ts_write(dir, "scenario.lua", text);
    return dir;
}

static const char *square =
    "{\"type\": \"FeatureCollection\", \"features\": [\n"
    " {\"type\": \"Feature\", \"properties\": {\"name\": \"Isle\"},\n"
    "  \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[10,50],[11,50],[11,51],[10,50]]]}}\n"
    "]}\n";

/* Loads the map scenario; returns NIACT_OK or the status, with the problems in msg. */
static niact_status load_map(const char *map, const char *file, const char *text, char *msg,
                             size_t len, niact_host **out) {
    char *dir = map_scenario(map);
    if (file) {
        char sub[4200];
        snprintf(sub, sizeof sub, "%s/maps", dir);
        mkdir(sub, 0700);
        ts_write(dir, file, text);
    }
    niact_host *h = NULL;
    niact_status s = ts_load(dir, &h, msg, len);
    if (out)
        *out = h;
    else
        niact_host_free(h);
    ts_rmdir(dir);
    return s;
}

static void expect_problem(const char *map, const char *file, const char *text,
                           const char *needle) {
    char msg[8192];
    niact_status s = load_map(map, file, text, msg, sizeof msg, NULL);
    if (s == NIACT_OK || !strstr(msg, needle))
        fail_msg("expected '%s' in:\n%s", needle, msg);
}

static void test_own_map(void **st) {
    (void)st;
    char msg[8192];
    niact_host *h = NULL;
    niact_status s = load_map(
        "niact.map{ coast = 'maps/isle.geojson', focus = { 'Isle' }, projection = "
        "'equirectangular',\n"
        "  places = { niact.place{ id = 'port', name = 'Port Town', kind = 'town', lon = 10.5, "
        "lat = 50.5 } },\n"
        "  show = { 'town' },\n"
        "  routes = { niact.route{ id = 'r', points = { 'port', { 12, 52 } } } },\n"
        "  layers = { niact.layer{ track = 'boats', symbol = 'boat', at = { 'port' } },\n"
        "             niact.layer{ track = 'boats', symbol = 'route', routes = { 'r' }, "
        "label = 'Ferry' } } }",
        "maps/isle.geojson", square, msg, sizeof msg, &h);
    if (s != NIACT_OK)
        fail_msg("%s", msg);
    const niact_map *m = niact_host_scenario(h)->map;
    assert_int_equal(m->n_rings, 1);
    assert_true(m->rings[0].focus);
    assert_int_equal(m->projection, NIACT_PROJ_EQUIRECTANGULAR);
    assert_true(m->places[0].shown);
    assert_string_equal(m->layers[0].label, "Boats");
    assert_string_equal(m->layers[1].label, "Ferry");
    /* No region: what is declared, with a margin. */
    assert_true(m->west < 10.5 && m->east > 12 && m->south < 50.5 && m->north > 52);
    niact_host_free(h);
}

static void test_malformed_files(void **st) {
    (void)st;
    const char *coast = "niact.map{ coast = 'maps/c.geojson' }";
    expect_problem(coast, "maps/c.geojson", "{\"type\": \"FeatureCollection\",\n \"features\": [,]}",
                   "maps/c.geojson:2: not valid JSON");
    expect_problem(coast, "maps/c.geojson", "[1, 2, 3]", "maps/c.geojson: a coastline file is a "
                                                         "GeoJSON FeatureCollection");
    expect_problem(coast, "maps/c.geojson",
                   "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                   "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1,2],[\"x\",3],[4,5]]]}}]}",
                   "maps/c.geojson: feature 1: a position is not [longitude, latitude]");
    expect_problem(coast, "maps/c.geojson",
                   "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                   "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1,2],[3,4]]]}}]}",
                   "a polygon's ring needs at least 3 positions");
    expect_problem(coast, "maps/c.geojson",
                   "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                   "\"geometry\": {\"type\": \"Point\", \"coordinates\": [1, 2]}}]}",
                   "only Polygon and MultiPolygon geometries are drawn");
    expect_problem(coast, "maps/c.geojson",
                   "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", "
                   "\"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[1,2],[3,4],[999,5]]]}}]}",
                   "a position is not [longitude, latitude]");
    /* Deeply nested arrays: an error, not a stack overflow. */
    char *deep = malloc(200020);
    memset(deep, '[', 100000);
    memset(deep + 100000, ']', 100000);
    deep[200000] = 0;
    expect_problem(coast, "maps/c.geojson", deep, "maps/c.geojson:");
    free(deep);
    expect_problem("niact.map{ places = 'maps/p.json' }", "maps/p.json", "{\"places\": 3}",
                   "a places file is an object with a list \"places\"");
    expect_problem("niact.map{ places = 'maps/p.json' }", "maps/p.json",
                   "{\"places\": [{\"id\": \"x\", \"lon\": 1, \"lat\": 2, \"lables\": \"y\"}]}",
                   "unknown field 'lables'");
    expect_problem("niact.map{ places = 'maps/p.json' }", "maps/p.json",
                   "{\"places\": [{\"id\": \"Bad Id\", \"lon\": 1, \"lat\": 2}]}",
                   "place ids use a-z");
    expect_problem("niact.map{ places = 'maps/p.json' }", "maps/p.json",
                   "{\"places\": [{\"id\": \"x\", \"lon\": 1, \"lat\": 2}, {\"id\": \"x\", \"lon\": 1, "
                   "\"lat\": 2}]}",
                   "a place 'x' is already declared");
    expect_problem("niact.map{ places = 'maps/p.json' }", "maps/p.json",
                   "{\"places\": [{\"id\": \"x\", \"lon\": 1, \"lat\": 2, \"name\": \"a\\u001bb\"}]}",
                   "plain text");
}

static void test_paths(void **st) {
    (void)st;
    const char *why = "a map file is a relative path inside the scenario's folder";
    expect_problem("niact.map{ coast = '/etc/passwd' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = '../x.geojson' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = 'maps/../../x.geojson' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = 'assets/maps/../../scripts/lib/util.lua' }", NULL, NULL,
                   why);
    expect_problem("niact.map{ coast = './maps/c.geojson' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = 'maps//c.geojson' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = '.hidden' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = 'maps\\\\c.geojson' }", NULL, NULL, why);
    expect_problem("niact.map{ places = '' }", NULL, NULL, why);
    expect_problem("niact.map{ coast = 'maps/none.geojson' }", NULL, NULL,
                   "'maps/none.geojson': no such file");
    expect_problem("niact.map{ coast = 'assets/maps/none.geojson' }", NULL, NULL,
                   "'assets/maps/none.geojson': no such file");

    /* A link inside the folder that leads out of it, to a file root may read. */
    char *outside = ts_tempdir();
    ts_write(outside, "c.geojson", square);
    char *dir = map_scenario("niact.map{ coast = 'coast.geojson' }");
    char target[4200], link[4200];
    snprintf(target, sizeof target, "%s/c.geojson", outside);
    snprintf(link, sizeof link, "%s/coast.geojson", dir);
    assert_int_equal(symlink(target, link), 0);
    char msg[8192];
    niact_host *h = NULL;
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    if (!strstr(msg, "'coast.geojson': links outside the scenario's folder"))
        fail_msg("%s", msg);
    /* A link to /etc/shadow, the same. */
    unlink(link);
    assert_int_equal(symlink("/etc/shadow", link), 0);
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "links outside the scenario's folder"));
    /* A folder link out. */
    unlink(link);
    snprintf(link, sizeof link, "%s/out", dir);
    assert_int_equal(symlink(outside, link), 0);
    ts_write(dir, "scenario.lua",
             "return niact.scenario{ name = 'M', calendar = { start = '2001-01-01', "
             "days_per_turn = 1, turns = 3 }, roles = { niact.role{ id = 'a' } }, map = "
             "niact.map{ coast = 'out/c.geojson' } }");
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "links outside the scenario's folder"));
    ts_rmdir(dir);
    ts_rmdir(outside);

    /* Not a regular file: a FIFO is refused at once, never read (it would block). */
    dir = map_scenario("niact.map{ coast = 'fifo' }");
    snprintf(link, sizeof link, "%s/fifo", dir);
    assert_int_equal(mkfifo(link, 0600), 0);
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    assert_non_null(strstr(msg, "'fifo': not a regular file"));
    ts_rmdir(dir);
}

static void test_oversize(void **st) {
    (void)st;
    char *dir = map_scenario("niact.map{ coast = 'big.geojson' }");
    char path[4200];
    snprintf(path, sizeof path, "%s/big.geojson", dir);
    int fd = open(path, O_WRONLY | O_CREAT, 0600);
    assert_true(fd >= 0);
    assert_int_equal(ftruncate(fd, (off_t)NIACT_MAP_FILE_MAX + 1), 0); /* sparse: no disk */
    close(fd);
    char msg[8192];
    niact_host *h = NULL;
    assert_int_not_equal(ts_load(dir, &h, msg, sizeof msg), NIACT_OK);
    if (!strstr(msg, "'big.geojson': 4194305 bytes (a map file may have at most 4194304)"))
        fail_msg("%s", msg);
    ts_rmdir(dir);

    /* Within the file limit but past the points limit. */
    size_t cap = 4u << 20;
    char *text = malloc(cap);
    size_t n = (size_t)snprintf(text, cap, "{\"type\": \"FeatureCollection\", \"features\": "
                                           "[{\"type\": \"Feature\", \"geometry\": {\"type\": "
                                           "\"Polygon\", \"coordinates\": [[");
    for (int i = 0; i < NIACT_MAP_MAX_POINTS + 1 && n + 16 < cap; i++)
        n += (size_t)snprintf(text + n, cap - n, "%s[1,2]", i ? "," : "");
    snprintf(text + n, cap - n, "]]}}]}");
    expect_problem("niact.map{ coast = 'maps/c.geojson' }", "maps/c.geojson", text,
                   "rings or 250000 points (the limit)");
    free(text);
}

static void test_declaration_mistakes(void **st) {
    (void)st;
    const char *pl = "places = { niact.place{ id = 'p', lon = 1, lat = 2, kind = 'town' } }";
    char map[1024];
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', "
                              "symbol = 'boat', at = { 'p' }, lables = 'x' } } }", pl);
    expect_problem(map, NULL, NULL, "scenario.lua:6: map: layer 1 (track 'boats'): unknown field "
                                    "'lables' (did you mean 'label'?)");
    expect_problem("niact.map{ cost = 'x' }", NULL, NULL,
                   "map: unknown field 'cost' (did you mean 'coast'?)");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'sam', symbol = "
                              "'ring', at = { 'p' } } } }", pl);
    expect_problem(map, NULL, NULL, "layer 1 (track 'sam'): there is no such track");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'hid', symbol = "
                              "'ring', at = { 'p' } } } }", pl);
    expect_problem(map, NULL, NULL, "the track is hidden, in no seat's view");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', symbol = "
                              "'missile', at = { 'p' } } } }", pl);
    expect_problem(map, NULL, NULL, "field 'symbol' must be one of triangle, aircraft, ring");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', symbol = "
                              "'ring', at = { 'q', { 500, 1 } } } } }", pl);
    expect_problem(map, NULL, NULL, "position 1: no place 'q' on the map");
    expect_problem(map, NULL, NULL, "position 2 must be a place id or {longitude, latitude}");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', symbol = "
                              "'boat', at = { 'p' }, steps = { 1, 2 } } } }", pl);
    expect_problem(map, NULL, NULL, "'steps' has 2 entries, one for each of its 1 positions");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', symbol = "
                              "'boat', at = { 'p' }, steps = { 10 } } } }", pl);
    expect_problem(map, NULL, NULL, "steps[1] must be a whole number within the track's range");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', symbol = "
                              "'route', routes = { 'nowhere' } } } }", pl);
    expect_problem(map, NULL, NULL, "routes[1] must name a route of the map");
    snprintf(map, sizeof map, "niact.map{ %s, layers = { niact.layer{ track = 'boats', symbol = "
                              "'triangle', kind = 'castle' } } }", pl);
    expect_problem(map, NULL, NULL, "no place of kind 'castle' on the map");
    snprintf(map, sizeof map, "niact.map{ %s, routes = { niact.route{ id = 'r', points = { 'p' } "
                              "} } }", pl);
    expect_problem(map, NULL, NULL, "map: route 'r': 'points' needs at least two positions");
    expect_problem("niact.map{ region = { west = 10, east = 5, south = 1, north = 2 } }", NULL,
                   NULL, "west must be less than east");
    expect_problem("niact.map{ region = { west = 10, east = 20, south = 1 } }", NULL, NULL,
                   "region needs west, east, south and north");
    expect_problem("niact.map{ projection = 'robinson' }", NULL, NULL,
                   "projection must be \"mercator\" or \"equirectangular\"");
    expect_problem("'caribbean'", NULL, NULL, "field 'map' must be a table");
    expect_problem("niact.map{ name = 'a\\nb' }", NULL, NULL, "must be plain text on one line");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_november_map),      cmocka_unit_test(test_no_map),
        cmocka_unit_test(test_own_map),           cmocka_unit_test(test_malformed_files),
        cmocka_unit_test(test_paths),             cmocka_unit_test(test_oversize),
        cmocka_unit_test(test_declaration_mistakes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
