/* The scenario API's schema (include/niact/schema.h): one table of every declaration's
 * fields, read by the loader's checks, the LuaLS stubs and the Markdown reference.
 *
 * To add a field, add one F(...) line to its kind below and read it in decl.c. A field
 * that holds a table of its own shape gets a kind (a K(...) block above its user) and a
 * place in `kinds`. Keep `doc` to one line: it is printed in the stubs and the docs. */
#include "niact/schema.h"

#include <stdio.h>
#include <string.h>

#define F(n, t, ...) {.name = (n), .type = (t), __VA_ARGS__}
#define END {.name = NULL}
#define REQ .flags = NIACT_F_REQUIRED

/* The fields every declaration with an id shares. */
#define META(kind)                                                                         \
    F("id", NIACT_T_ID, REQ, .doc = "a-z, 0-9 and _, at most 40, unique among the " kind   \
                                    "s"),                                                  \
        F("name", NIACT_T_TEXT, .def = "the id", .doc = "the name players read"),          \
        F("text", NIACT_T_TEXT, .def = "\"\"", .doc = "what it is and does, for players"), \
        F("source", NIACT_T_TEXT, .def = "\"\"", .doc = "where it comes from: cite it")

/* Callback signatures, as LuaLS writes them. */
#define SIG_RULE "fun(state: niact.State)"
#define SIG_LEGAL "fun(state: niact.State, role: string, param?: integer): boolean, string?"
#define SIG_RESOLVE "fun(state: niact.State, role: string, param?: integer)"
#define SIG_TERM "fun(state: niact.State, giver: string, param?: integer)"

/* ---- small tables ---- */

static const niact_field f_calendar[] = {
    F("start", NIACT_T_DATE, REQ,
      .doc = "the first turn: \"YYYY-MM-DD\", or \"YYYY-MM-DD HH:MM\" (24-hour clock)"),
    F("days_per_turn", NIACT_T_INT, .min = 1, .max = 366, .def = "1",
      .doc = "days a turn lasts (give this or hours_per_turn)"),
    F("hours_per_turn", NIACT_T_INT, .min = 1, .max = 8784,
      .doc = "hours a turn lasts: the calendar shows times (give this or days_per_turn)"),
    F("turns", NIACT_T_INT, .min = 1, .max = 500, .def = "10", .doc = "number of turns"),
    END};
static const niact_kind k_calendar = {"calendar", NULL, "niact.Calendar",
                                      "when the crisis starts and how long a turn lasts",
                                      f_calendar, NULL, 0};

static const niact_field f_param[] = {
    F("name", NIACT_T_TEXT, .def = "\"amount\"", .doc = "what the number means (\"days\")"),
    F("min", NIACT_T_INT, .def = "0", .doc = "smallest value"),
    F("max", NIACT_T_INT, .def = "0", .doc = "largest value"),
    F("default", NIACT_T_INT, .def = "min", .doc = "the value suggested to players"),
    F("labels", NIACT_T_STRINGS, .doc = "a word for every value from min to max (\"lift\")"),
    END};
static const niact_kind k_param = {"param", NULL, "niact.Param",
                                   "an integer parameter an order or a term takes", f_param,
                                   NULL, 0};

#define VIS_CHOICES "true|estimate|none"
static const niact_field f_visible_role = F("", NIACT_T_ENUM, .choices = VIS_CHOICES,
                                            .doc = "what this role sees");
static const niact_field f_visible[] = {
    F("all", NIACT_T_ENUM, .choices = VIS_CHOICES, .def = "\"none\"",
      .doc = "what every role not named sees"),
    END};
static const niact_kind k_visible = {"visible", NULL, "niact.Visibility",
                                     "who sees a track: all = ..., then role id = ...",
                                     f_visible, &f_visible_role, 0};

static const niact_field f_estimate_one[] = {
    F("value", NIACT_T_INT, .def = "the initial value", .doc = "the starting estimate"),
    F("error", NIACT_T_INT, .min = 0, .max = 1000000000, .def = "a quarter of the range",
      .doc = "the starting error bar (+/-)"),
    END};
static const niact_kind k_estimate_one = {"estimate", NULL, "niact.EstimateOf",
                                          "one role's starting estimate", f_estimate_one,
                                          NULL, 0};
static const niact_field f_estimate_role = F("", NIACT_T_RECORD, .sub = &k_estimate_one,
                                             .doc = "this role's starting estimate");
static const niact_kind k_estimate = {"estimate", NULL, "niact.Estimate",
                                      "starting estimates: for every estimating role, then "
                                      "role id = {value=, error=}",
                                      f_estimate_one, &f_estimate_role, 0};

#define SECRECY "either|public|secret"
static const niact_field f_trust[] = {
    F("start", NIACT_T_INT, .min = 0, .max = 100, .def = "50",
      .doc = "every role's trust when the game begins"),
    F("kept", NIACT_T_INT, .min = 0, .max = 100, .def = "10",
      .doc = "trust the giver gains when a commitment is kept"),
    F("broken", NIACT_T_INT, .min = 0, .max = 100, .def = "25",
      .doc = "trust the giver loses when one is broken"),
    END};
static const niact_kind k_trust = {"trust", NULL, "niact.Trust", "trust between the seats",
                                   f_trust, NULL, 0};

static const niact_field f_ai_trust[] = {
    F("at_0", NIACT_T_INT, .min = 0, .max = 1000, .def = "50",
      .doc = "percent of a promise's value the AI counts when the giver's trust is 0"),
    F("at_100", NIACT_T_INT, .min = 0, .max = 1000, .def = "150",
      .doc = "the same at trust 100 (linear between)"),
    END};
static const niact_kind k_ai_trust = {"ai_trust", NULL, "niact.AiTrust",
                                      "how the generic AI weighs what others promise",
                                      f_ai_trust, NULL, 0};

static const niact_field f_negotiation[] = {
    F("trust", NIACT_T_RECORD, .sub = &k_trust, .doc = "trust: start, kept, broken"),
    F("expiry", NIACT_T_INT, .min = 0, .max = 500, .def = "1",
      .doc = "turns after the one it was made in that a proposal stays open"),
    F("proposals_per_turn", NIACT_T_INT, .min = 1, .max = 96, .def = "3",
      .doc = "proposals one seat may make in one turn (turns x roles x it at most 4000; "
             "the default is lowered to fit)"),
    F("ai_trust", NIACT_T_RECORD, .sub = &k_ai_trust, .doc = "the generic AI's weight of a promise"),
    F("secrecy", NIACT_T_ENUM, .choices = SECRECY, .def = "\"either\"",
      .doc = "the secrecy of terms that do not declare one"),
    END};
static const niact_kind k_negotiation = {"negotiation", NULL, "niact.Negotiation",
                                         "the rules of negotiation", f_negotiation, NULL, 0};

static const niact_field f_outcome[] = {
    F("name", NIACT_T_TEXT, .def = "the id, in words", .doc = "its name in sentences"),
    F("stamp", NIACT_T_TEXT, .def = "the name in capitals", .doc = "its name in headlines"),
    F("text", NIACT_T_TEXT, .def = "\"The game has ended.\"",
      .doc = "the text when it ends a game without one of its own"),
    F("rank", NIACT_T_INT, .min = 1, .max = 100, .def = "1 (war 2)",
      .doc = "a higher rank wins when two ends are asked in one turn"),
    F("zero_scores", NIACT_T_BOOL, .def = "false (war true)", .doc = "every score becomes 0"),
    END};
static const niact_kind k_outcome = {"outcome", NULL, "niact.Outcome",
                                     "a way the game can end (the key is its id)", f_outcome,
                                     NULL, 0};

/* The map (engine/script/decl_map.c reads and checks it: own_check). */
#define POS "string|{[1]: number, [2]: number}"
static const niact_field f_region[] = {
    F("west", NIACT_T_NUMBER, .min = -180, .max = 180, .doc = "degrees of longitude"),
    F("east", NIACT_T_NUMBER, .min = -180, .max = 180, .doc = "degrees of longitude"),
    F("south", NIACT_T_NUMBER, .min = -85, .max = 85, .doc = "degrees of latitude"),
    F("north", NIACT_T_NUMBER, .min = -85, .max = 85, .doc = "degrees of latitude"),
    END};
static const niact_kind k_region = {"region", NULL, "niact.Region",
                                    "the part of the world shown", f_region, NULL, 1};
static const niact_field f_place[] = {
    F("id", NIACT_T_ID, REQ, .doc = "a-z, 0-9 and _, unique among the places"),
    F("name", NIACT_T_TEXT, .def = "the id", .doc = "its name"),
    F("label", NIACT_T_TEXT, .def = "the name", .doc = "what the map writes beside it"),
    F("kind", NIACT_T_TEXT, .def = "\"\"", .doc = "your word, for show and a layer's kind"),
    F("lon", NIACT_T_NUMBER, REQ, .min = -180, .max = 180, .doc = "longitude, degrees"),
    F("lat", NIACT_T_NUMBER, REQ, .min = -85, .max = 85, .doc = "latitude, degrees"),
    END};
static const niact_kind k_place = {"place", "place", "niact.Place",
                                   "a named point positions may name", f_place, NULL, 1};
static const niact_field f_route[] = {
    F("id", NIACT_T_ID, REQ, .doc = "a-z, 0-9 and _, unique among the routes"),
    F("name", NIACT_T_TEXT, .def = "the id", .doc = "its name"),
    F("points", NIACT_T_LIST, REQ, .lua = "(" POS ")[]",
      .doc = "at least two positions: place ids or {lon, lat}"),
    F("shown", NIACT_T_BOOL, .def = "false", .doc = "drawn faintly whatever the tracks say"),
    F("dotted", NIACT_T_BOOL, .def = "false", .doc = "short dashes"),
    END};
static const niact_kind k_route = {"route", "route", "niact.Route",
                                   "a named path layers draw along", f_route, NULL, 1};
static const niact_field f_layer[] = {
    F("track", NIACT_T_REF, REQ, .choices = "tracks", .doc = "the track shown (not hidden)"),
    F("label", NIACT_T_TEXT, .def = "the track's name", .doc = "the map key's line"),
    F("symbol", NIACT_T_ENUM, REQ,
      .choices = "triangle|aircraft|ring|boat|square|diamond|line|route",
      .doc = "how it is drawn"),
    F("at", NIACT_T_LIST, .lua = "(" POS ")[]", .doc = "where a point symbol is drawn"),
    F("kind", NIACT_T_TEXT, .doc = "also at every place of this kind"),
    F("steps", NIACT_T_LIST, .lua = "number[]",
      .doc = "position i is drawn once the seat's value reaches steps[i]"),
    F("routes", NIACT_T_STRINGS, .doc = "route ids a path symbol is drawn along"),
    F("at_least", NIACT_T_NUMBER, .def = "the track's min + 1",
      .doc = "the value from which the thing is present"),
    F("radius_km", NIACT_T_NUMBER, .min = 1, .max = 5000, .def = "25",
      .doc = "the radius of a ring"),
    END};
static const niact_kind k_layer = {"layer", "layer", "niact.Layer",
                                   "one track drawn on the map as a symbol", f_layer, NULL, 1};
static const niact_field f_map[] = {
    F("name", NIACT_T_TEXT, .def = "\"\"", .doc = "the caption"),
    F("region", NIACT_T_RECORD, .sub = &k_region,
      .def = "everything declared, with a 10 % margin", .doc = "the part of the world shown"),
    F("projection", NIACT_T_ENUM, .choices = "mercator|equirectangular", .def = "\"mercator\"",
      .doc = "how the globe is flattened"),
    F("coast", NIACT_T_TEXT, .def = "none (the sea alone)",
      .doc = "a GeoJSON file of coastlines (in the folder or assets/maps/)"),
    F("focus", NIACT_T_STRINGS, .doc = "features drawn in the focus colour"),
    F("places", NIACT_T_LIST, .sub = &k_place, .lua = "string|niact.Place[]",
      .doc = "a JSON file, or a list of places"),
    F("show", NIACT_T_STRINGS, .doc = "kinds of place drawn with a dot and label"),
    F("routes", NIACT_T_LIST, .sub = &k_route, .doc = "named paths"),
    F("layers", NIACT_T_LIST, .sub = &k_layer, .doc = "what the seats know, on the map"),
    END};
static const niact_kind k_map = {"map", "map", "niact.Map",
                                 "the scenario's map: coast, places, routes, layers", f_map,
                                 NULL, 1};

/* ---- declarations ---- */

static const niact_field f_role[] = {
    META("role"),
    F("action_points", NIACT_T_INT, .min = 0, .max = 100, .def = "3",
      .doc = "points to spend on orders each turn"),
    F("briefing", NIACT_T_TEXT, .def = "\"\"",
      .doc = "Markdown shown when the seat first plays"),
    F("actor", NIACT_T_ID, .doc = "the personality that plays the seat when no one else does"),
    END};
static const niact_kind k_role = {"role", "role", "niact.Role",
                                  "a seat: up to 8, in resolution order", f_role, NULL, 0};

static const niact_field f_track[] = {
    META("track"),
    F("min", NIACT_T_INT, .def = "0", .doc = "smallest value (values are clamped)"),
    F("max", NIACT_T_INT, .def = "100", .doc = "largest value"),
    F("initial", NIACT_T_INT, .def = "min", .doc = "value at the start"),
    F("visible", NIACT_T_ENUM, .choices = VIS_CHOICES, .sub = &k_visible, .def = "\"true\"",
      .doc = "what roles see: a string for all, or a table per role"),
    F("estimate", NIACT_T_RECORD, .sub = &k_estimate,
      .def = "initial +/- a quarter of the range",
      .doc = "starting estimates of the roles that see \"estimate\""),
    F("labels", NIACT_T_STRINGS, .doc = "a name for every value from min to max"),
    F("group", NIACT_T_TEXT, .def = "\"\"", .doc = "the display group"),
    F("hidden", NIACT_T_BOOL, .def = "false",
      .doc = "a scenario variable: in no one's view, but saved and hashed"),
    F("ladder", NIACT_T_BOOL, .def = "false",
      .doc = "the escalation ladder: shown prominently"),
    END};
static const niact_kind k_track = {"track", "track", "niact.Track",
                                   "a whole number the game keeps (and roles may see)",
                                   f_track, NULL, 0};

static const niact_field f_action[] = {
    META("action"),
    F("roles", NIACT_T_ROLES, REQ, .doc = "the roles that may order it"),
    F("cost", NIACT_T_INT, .min = 0, .max = 100, .def = "1", .doc = "action points"),
    F("priority", NIACT_T_INT, .def = "50", .doc = "resolution order: lower first"),
    F("repeatable", NIACT_T_BOOL, .def = "false",
      .doc = "may be ordered more than once a turn"),
    F("param", NIACT_T_RECORD, .sub = &k_param, .doc = "the number the order takes"),
    F("legal", NIACT_T_FUNCTION, .def = "always legal", .lua = SIG_LEGAL,
      .doc = "may `role` order it now? (a question: false, \"why\" to refuse)"),
    F("resolve", NIACT_T_FUNCTION, REQ, .lua = SIG_RESOLVE,
      .doc = "what the order does, at resolution"),
    END};
static const niact_kind k_action = {"action", "action", "niact.Action",
                                    "an order a role may give", f_action, NULL, 0};

static const niact_field f_event[] = {
    META("event"),
    F("date", NIACT_T_DATE, .doc = "the day (or \"YYYY-MM-DD HH:MM\") it is considered"),
    F("turn", NIACT_T_INT, .min = 1, .max = 500, .doc = "the turn (1..turns) it is considered"),
    F("chance", NIACT_T_NUMBER, .min = 0, .max = 100, .def = "100",
      .doc = "percent, each turn it is considered"),
    F("once", NIACT_T_BOOL, .def = "true if dated",
      .doc = "fires at most once a game"),
    F("opens_turn", NIACT_T_BOOL, .def = "false",
      .doc = "considered when its turn opens, before orders"),
    F("condition", NIACT_T_FUNCTION, .def = "always", .lua = "fun(state: niact.State): boolean",
      .doc = "must be true for it to fire"),
    F("effect", NIACT_T_FUNCTION, REQ, .lua = SIG_RULE, .doc = "what happens"),
    END};
static const niact_kind k_event = {"event", "event", "niact.Event",
                                   "something that happens: dated, or considered every turn",
                                   f_event, NULL, 0};

static const niact_field f_objective[] = {
    META("objective"),
    F("role", NIACT_T_REF, REQ, .choices = "roles", .doc = "whose objective"),
    F("weight", NIACT_T_INT, .min = 0, .max = 1000, .def = "1",
      .doc = "its share of the role's score"),
    F("score", NIACT_T_FUNCTION, REQ, .lua = "fun(state: niact.State): number",
      .doc = "0-100, after every turn"),
    END};
static const niact_kind k_objective = {"objective", "objective", "niact.Objective",
                                       "what a role is scored on", f_objective, NULL, 0};

static const niact_field f_term[] = {
    META("term"),
    F("givers", NIACT_T_ROLES, REQ, .doc = "the roles that can give it"),
    F("param", NIACT_T_RECORD, .sub = &k_param, .doc = "the number the term takes"),
    F("window", NIACT_T_INT, .min = 0, .max = 500, .choices = "days", .def = "3",
      .doc = "turns from acceptance to the deadline, or \"days\" (the param, in days)"),
    F("secrecy", NIACT_T_ENUM, .choices = SECRECY, .def = "negotiation.secrecy",
      .doc = "in a public proposal, a secret one, or either"),
    F("legal", NIACT_T_FUNCTION, .def = "always", .lua = SIG_LEGAL,
      .doc = "may `role` propose it now? (a question; linkage)"),
    F("on_agree", NIACT_T_FUNCTION, .lua = SIG_TERM,
      .doc = "its immediate effect, at the next resolution"),
    F("check", NIACT_T_FUNCTION, .def = "broken at the deadline",
      .lua = "fun(state: niact.State, giver: string, param: integer?, info: {agreement: "
             "integer, deadline: integer}): boolean?",
      .doc = "true kept, false broken, nil not yet"),
    F("on_kept", NIACT_T_FUNCTION, .lua = SIG_TERM, .doc = "when it is kept"),
    F("on_broken", NIACT_T_FUNCTION, .lua = SIG_TERM, .doc = "when it is broken"),
    F("value", NIACT_T_FUNCTION, .def = "worth 0",
      .lua = "fun(state: niact.State, role: string, giver: string, param?: integer): number",
      .doc = "its worth to `role`, for the AI (a question)"),
    END};
static const niact_kind k_term = {"term", "term", "niact.Term",
                                  "what seats offer and demand in proposals", f_term, NULL, 0};

static const niact_field f_turning_point[] = {
    META("turning point"),
    F("date", NIACT_T_TEXT, REQ, .doc = "the record's date, free text (\"20 Nov\")"),
    F("prompt", NIACT_T_TEXT, .def = "\"\"", .doc = "a question for discussion"),
    F("track", NIACT_T_REF, .choices = "tracks", .doc = "the track that marks it"),
    F("at_least", NIACT_T_INT, .doc = "reached when the track is at least this"),
    F("at_most", NIACT_T_INT, .doc = "reached when the track is at most this"),
    F("action", NIACT_T_REF, .choices = "actions",
      .doc = "or: reached when this action is first ordered"),
    F("roles", NIACT_T_ROLES, .def = "all", .doc = "whose orders of the action count"),
    END};
static const niact_kind k_turning_point = {"turning point", "turning_point",
                                           "niact.TurningPoint",
                                           "a moment of the record, set beside the game in "
                                           "the debrief",
                                           f_turning_point, NULL, 0};

static const niact_field f_variant[] = {
    META("variant"),
    F("turns", NIACT_T_INT, .min = 1, .max = 500, .def = "the calendar's",
      .doc = "number of turns"),
    F("days_per_turn", NIACT_T_INT, .min = 1, .max = 366, .def = "the calendar's",
      .doc = "days a turn lasts (a calendar in days)"),
    F("hours_per_turn", NIACT_T_INT, .min = 1, .max = 8784, .def = "the calendar's",
      .doc = "hours a turn lasts (a calendar in hours)"),
    F("deadline", NIACT_T_INT, .min = 0, .max = 86400, .def = "0 (none)",
      .doc = "seconds a turn: a host sets this deadline on every turn"),
    F("absent", NIACT_T_TEXT, .def = "\"none\"",
      .doc = "what a seat past the deadline plays: a personality, or \"none\" (no orders)"),
    F("minutes", NIACT_T_INT, .min = 1, .max = 1440, .def = "unknown",
      .doc = "how long a game takes in a room, briefing and debrief included"),
    END};
static const niact_kind k_variant = {"variant", "variant", "niact.Variant",
                                     "another length of game on the same rules (a lesson)",
                                     f_variant, NULL, 0};

#define SIG_ORDERS                                                                         \
    "fun(state: niact.State, role: string): (string|{[1]: string, [2]: integer?}|"         \
    "{action: string, param: integer?})[]"
static const niact_field f_seat[] = {
    F("orders", NIACT_T_FUNCTION, .def = "random legal orders", .lua = SIG_ORDERS,
      .doc = "the seat's orders for the turn"),
    F("propose", NIACT_T_FUNCTION, .def = "the generic AI",
      .lua = "fun(state: niact.State, role: string): table[]|false|nil",
      .doc = "its proposals (nil: the generic AI's; false: none)"),
    F("answer", NIACT_T_FUNCTION, .def = "the generic AI",
      .lua = "fun(state: niact.State, proposal: table): boolean?, string?",
      .doc = "accept (true) or reject (false) a proposal, with a reason; nil: the generic AI"),
    END};
static const niact_kind k_seat = {"personality seat", NULL, "niact.PersonalitySeat",
                                  "how a personality plays one seat: its orders and its "
                                  "negotiation",
                                  f_seat, NULL, 0};
static const niact_field f_personality_role =
    F("", NIACT_T_FUNCTION, .sub = &k_seat, .lua = SIG_ORDERS "|niact.PersonalitySeat",
      .doc = "this role's orders (a function), or {orders=, propose=, answer=}; questions, "
             "in the seat's view");
static const niact_field f_personality[] = {END};
static const niact_kind k_personality = {"personality", NULL, "niact.Personality",
                                         "a scripted AI: role id = function(state, role) "
                                         "returning orders",
                                         f_personality, &f_personality_role, 0};

/* ---- the scenario ---- */

static const niact_field f_scenario[] = {
    F("name", NIACT_T_TEXT, REQ, .doc = "the title"),
    F("subtitle", NIACT_T_TEXT, .def = "\"\"", .doc = "one line under the title"),
    F("blurb", NIACT_T_TEXT, .def = "the text", .doc = "what the title screen says of it"),
    F("map", NIACT_T_RECORD, .sub = &k_map, .def = "no map", .doc = "the map (niact.map{})"),
    F("api_version", NIACT_T_INT, .def = "2 (with a warning)",
      .doc = "the version of this API the scenario is written for (1 or 2)"),
    F("version", NIACT_T_TEXT, .def = "\"1\"",
      .doc = "the scenario's own version: 1-40 letters, digits, . - _ +"),
    F("text", NIACT_T_TEXT, .def = "\"\"", .doc = "what it is about"),
    F("source", NIACT_T_TEXT, .def = "\"\"", .doc = "where it comes from"),
    F("debrief", NIACT_T_TEXT, .def = "\"\"",
      .doc = "what really happened (Markdown), for the debrief"),
    F("on_error", NIACT_T_ENUM, .choices = "void|end", .def = "\"void\"",
      .doc = "a failing callback is voided, or ends the game"),
    F("calendar", NIACT_T_RECORD, REQ, .sub = &k_calendar, .doc = "the turns and their dates"),
    F("roles", NIACT_T_LIST, REQ, .sub = &k_role, .doc = "the seats, 1 to 8"),
    F("tracks", NIACT_T_LIST, REQ, .sub = &k_track, .doc = "what the game keeps"),
    F("actions", NIACT_T_LIST, .sub = &k_action, .def = "{}", .doc = "the orders"),
    F("events", NIACT_T_LIST, .sub = &k_event, .def = "{}", .doc = "what happens"),
    F("objectives", NIACT_T_LIST, .sub = &k_objective, .def = "{}",
      .doc = "how roles are scored"),
    F("terms", NIACT_T_LIST, .sub = &k_term, .def = "{}", .doc = "what may be negotiated"),
    F("turning_points", NIACT_T_LIST, .sub = &k_turning_point, .def = "{}",
      .doc = "the record's turning points, for the debrief"),
    F("negotiation", NIACT_T_RECORD, .sub = &k_negotiation,
      .doc = "trust, expiry, proposals a turn, the AI's weight of promises, secrecy"),
    F("outcomes", NIACT_T_MAP, .sub = &k_outcome, .def = "settlement and war",
      .doc = "how the game can end: id = {name=, stamp=, text=, rank=, zero_scores=}"),
    F("timeout", NIACT_T_ID, .def = "\"last_turn\"",
      .doc = "the outcome when the calendar runs out"),
    F("variants", NIACT_T_LIST, .sub = &k_variant, .def = "{}",
      .doc = "other lengths of game on the same rules, chosen with --variant"),
    F("personalities", NIACT_T_MAP, .sub = &k_personality, .def = "{}",
      .doc = "scripted AIs by name (a-z, 0-9, _); `historical` is the record's"),
    F("setup", NIACT_T_FUNCTION, .lua = SIG_RULE, .doc = "once, before the first turn"),
    F("turn_start", NIACT_T_FUNCTION, .lua = SIG_RULE,
      .doc = "at the start of every turn (briefing)"),
    F("turn_end", NIACT_T_FUNCTION, .lua = SIG_RULE,
      .doc = "after orders and events, every turn"),
    F("end_check", NIACT_T_FUNCTION, .lua = "fun(state: niact.State): string?, string?",
      .doc = "after every turn: return an outcome (\"war\", \"settlement\") and its text"),
    END};
static const niact_kind k_scenario = {"scenario", "scenario", "niact.Scenario",
                                      "what scenario.lua returns", f_scenario, NULL, 0};

static const niact_kind *const kinds[] = {
    &k_scenario, &k_calendar, &k_role,         &k_track,       &k_visible,
    &k_estimate, &k_estimate_one, &k_action,   &k_param,       &k_event,
    &k_objective, &k_term,    &k_turning_point, &k_personality, &k_negotiation,
    &k_trust,    &k_ai_trust, &k_outcome,      &k_map,         &k_region,
    &k_place,    &k_route,    &k_layer,        &k_seat,        &k_variant,
    NULL};

/* ---- state ---- */

static const niact_method methods[] = {
    {"get", "track: string", "integer, integer?",
     "the true value (a personality: its seat's estimate and error)"},
    {"set", "track: string, v: integer", "integer", "change it (clamped): the value stored"},
    {"add", "track: string, d: integer", "integer", "add to it (clamped): the value stored"},
    {"min", "track: string", "integer", "the declared minimum"},
    {"max", "track: string", "integer", "the declared maximum"},
    {"label", "track: string, v?: integer", "string?", "the label of a value (or the current)"},
    {"estimate", "role: string, track: string", "integer, integer",
     "that role's estimate and error bar"},
    {"observe", "role: string, track: string, error: integer", "",
     "the role observes: estimate = truth +/- a uniform error, error bar = error"},
    {"set_estimate", "role: string, track: string, v: integer, error: integer", "",
     "the role is told something (true or not)"},
    {"log", "text: string, roles?: string|string[]", "",
     "news: to everyone, a role, or a list of roles"},
    {"report", "roles: string|string[], text: string", "", "a private report to those roles"},
    {"roll", "n: integer", "integer", "1..n from the game's seeded generator"},
    {"random", "lo: integer, hi: integer", "integer", "lo..hi from the game's generator"},
    {"chance", "percent: number", "boolean", "true with that probability (0.1 % steps)"},
    {"turn", "", "integer", "this turn, from 1"},
    {"turns", "", "integer", "the number of turns"},
    {"variant", "", "string?", "the id of the variant played (--variant), nil if none"},
    {"date", "turn?: integer", "string",
     "the first day (and hour) of a turn: \"YYYY-MM-DD\" or \"YYYY-MM-DD HH:MM\""},
    {"fired", "event: string", "integer", "how many times an event has fired"},
    {"end_game", "outcome: string, text?: string", "",
     "end the game after this turn with a declared outcome (not in a question)"},
    {"orders", "", "{role: string, action: string, param: integer?}[]",
     "every order of this turn, in resolution order"},
    {"ordered", "role: string, action: string", "integer|boolean|nil",
     "this turn's parameter (or true) if the role ordered it"},
    {"role", "", "string", "in a personality: its seat"},
    {"legal", "action: string, param?: integer", "boolean, string?",
     "in a personality: may its seat order this now"},
    {"commitments", "role?: string",
     "{term: string, param: integer?, giver: string, deadline: integer, agreement: "
     "integer, public: boolean, parties: string[], partner_broke: boolean}[]",
     "open commitments (a personality: its own seat's, or what its seat may know of a role's)"},
    {"trust", "role: string", "integer", "that role's trust, 0-100"},
    {NULL, NULL, NULL, NULL}};

const niact_kind *niact_schema_root(void) {
    return &k_scenario;
}

const niact_kind *const *niact_schema_kinds(void) {
    return kinds;
}

const niact_method *niact_schema_methods(void) {
    return methods;
}

const niact_field *niact_schema_field(const niact_kind *k, const char *name) {
    for (const niact_field *f = k->fields; f->name; f++)
        if (strcmp(f->name, name) == 0)
            return f;
    return NULL;
}

/* ---- "did you mean" ---- */

int niact_edit_distance(const char *a, const char *b, int cap) {
    size_t n = strlen(a), m = strlen(b);
    if (n > 63 || m > 63)
        return cap + 1;
    if ((n > m ? n - m : m - n) > (size_t)cap)
        return cap + 1;
    int d[64][64];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int ca = a[i - 1] >= 'A' && a[i - 1] <= 'Z' ? a[i - 1] + 32 : a[i - 1];
            int cb = b[j - 1] >= 'A' && b[j - 1] <= 'Z' ? b[j - 1] + 32 : b[j - 1];
            int cost = ca != cb;
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m] > cap ? cap + 1 : d[n][m];
}

int niact_schema_near(const char *typed, const char *known) {
    size_t n = strlen(typed);
    int cap = n <= 4 ? 1 : n <= 8 ? 2 : 3;
    if (niact_edit_distance(typed, known, cap) <= cap)
        return 1;
    /* "action_point" for "action_points", "opens" for "opens_turn": a prefix of 4+. */
    size_t k = strlen(known);
    return n >= 4 && n < k && strncmp(typed, known, n) == 0;
}

/* ---- generators ---- */

const char *niact_schema_type(const niact_field *f, char *buf, size_t len) {
    char alt[256] = "";
    if (f->lua) {
        snprintf(buf, len, "%s", f->lua);
        return buf;
    }
    switch (f->type) {
    case NIACT_T_TEXT:
    case NIACT_T_ID:
    case NIACT_T_DATE:
    case NIACT_T_REF:
        snprintf(buf, len, "string");
        break;
    case NIACT_T_INT:
        if (f->choices)
            snprintf(alt, sizeof alt, "|\"%s\"", f->choices);
        snprintf(buf, len, "integer%s", alt);
        break;
    case NIACT_T_NUMBER:
        snprintf(buf, len, "number");
        break;
    case NIACT_T_BOOL:
        snprintf(buf, len, "boolean");
        break;
    case NIACT_T_FUNCTION:
        snprintf(buf, len, "function");
        break;
    case NIACT_T_ENUM: {
        size_t at = 0;
        for (const char *c = f->choices; c && *c && at + 4 < sizeof alt;) {
            const char *bar = strchr(c, '|');
            size_t w = bar ? (size_t)(bar - c) : strlen(c);
            at += (size_t)snprintf(alt + at, sizeof alt - at, "%s\"%.*s\"", at ? "|" : "",
                                   (int)w, c);
            c = bar ? bar + 1 : c + w;
        }
        snprintf(buf, len, "%s%s%s", alt, f->sub ? "|" : "", f->sub ? f->sub->cls : "");
        break;
    }
    case NIACT_T_ROLES:
        snprintf(buf, len, "string|string[]");
        break;
    case NIACT_T_RECORD:
        snprintf(buf, len, "%s", f->sub->cls);
        break;
    case NIACT_T_LIST:
        snprintf(buf, len, "%s[]", f->sub->cls);
        break;
    case NIACT_T_MAP:
        snprintf(buf, len, "table<string, %s>", f->sub->cls);
        break;
    case NIACT_T_STRINGS:
        snprintf(buf, len, "string[]");
        break;
    }
    return buf;
}

/* One line of doc for a field: its doc, its range and its default. */
static void field_doc(const niact_field *f, char *buf, size_t len) {
    char range[96] = "";
    if ((f->type == NIACT_T_INT || f->type == NIACT_T_NUMBER) && (f->min != 0 || f->max != 0))
        snprintf(range, sizeof range, " (%.0f-%.0f)", f->min, f->max);
    if (f->flags & NIACT_F_REQUIRED)
        snprintf(buf, len, "%s%s. Required.", f->doc, range);
    else if (f->def)
        snprintf(buf, len, "%s%s. Default: %s.", f->doc, range, f->def);
    else
        snprintf(buf, len, "%s%s.", f->doc, range);
}

void niact_schema_luals(FILE *out) {
    char ty[512], doc[512];
    fprintf(out, "---@meta niact\n"
                 "-- LuaLS annotations for the niact scenario API, version %d.\n"
                 "-- Generated by `niact schema --luals` from the schema the loader checks\n"
                 "-- (engine/script/schema.c): do not edit, regenerate.\n\n",
                 NIACT_API_VERSION);
    for (const niact_kind *const *k = kinds; *k; k++) {
        fprintf(out, "---%s\n---@class %s\n", (*k)->doc, (*k)->cls);
        for (const niact_field *f = (*k)->fields; f->name; f++) {
            field_doc(f, doc, sizeof doc);
            fprintf(out, "---@field %s%s %s %s\n", f->name,
                    f->flags & NIACT_F_REQUIRED ? "" : "?", niact_schema_type(f, ty, sizeof ty),
                    doc);
        }
        if ((*k)->role_value)
            fprintf(out, "---@field [string] %s %s (the key is a role id)\n",
                    niact_schema_type((*k)->role_value, ty, sizeof ty), (*k)->role_value->doc);
        fprintf(out, "\n");
    }
    fprintf(out, "---What callbacks receive: the game, as the running callback may see it.\n"
                 "---@class niact.State\n");
    for (const niact_method *m = methods; m->name; m++)
        fprintf(out, "---@field %s fun(self: niact.State%s%s)%s%s %s\n", m->name,
                m->args[0] ? ", " : "", m->args, m->ret[0] ? ": " : "", m->ret, m->doc);
    fprintf(out, "\n---The scenario API.\n---@class niact\n"
                 "---@field api_version integer The API version of this niact (%d).\n"
                 "niact = {}\n\n",
                 NIACT_API_VERSION);
    for (const niact_kind *const *k = kinds; *k; k++) {
        if (!(*k)->ctor)
            continue;
        fprintf(out, "---Declares a %s; problems are then reported at this line.\n"
                     "---@param t %s\n---@return %s\nfunction niact.%s(t) end\n\n",
                (*k)->name, (*k)->cls, (*k)->cls, (*k)->ctor);
    }
}

/* A Markdown table cell: '|' would end it. */
static void md_cell(FILE *out, const char *s) {
    for (; *s; s++)
        if (*s == '|')
            fputs("\\|", out);
        else
            fputc(*s, out);
}

void niact_schema_markdown(FILE *out) {
    char ty[512];
    fprintf(out, "<!-- Generated by `niact schema --markdown` from engine/script/schema.c; "
                 "tests/unit/test_schema.c checks it. -->\n");
    for (const niact_kind *const *k = kinds; *k; k++) {
        fprintf(out, "\n#### %s", (*k)->name);
        if ((*k)->ctor)
            fprintf(out, " (`niact.%s{}`)", (*k)->ctor);
        fprintf(out, "\n\n%c%s.\n\n| field | type | default | what |\n|---|---|---|---|\n",
                (*k)->doc[0] >= 'a' && (*k)->doc[0] <= 'z' ? (*k)->doc[0] - 32 : (*k)->doc[0],
                (*k)->doc + 1);
        for (const niact_field *f = (*k)->fields; f->name; f++) {
            fprintf(out, "| `%s` | `", f->name);
            md_cell(out, niact_schema_type(f, ty, sizeof ty));
            fprintf(out, "` | ");
            md_cell(out, f->flags & NIACT_F_REQUIRED ? "required" : f->def ? f->def : "none");
            fprintf(out, " | ");
            md_cell(out, f->doc);
            if ((f->type == NIACT_T_INT || f->type == NIACT_T_NUMBER) &&
                (f->min != 0 || f->max != 0))
                fprintf(out, " (%.0f-%.0f)", f->min, f->max);
            fprintf(out, " |\n");
        }
        if ((*k)->role_value) {
            fprintf(out, "| *role id* | `");
            md_cell(out, niact_schema_type((*k)->role_value, ty, sizeof ty));
            fprintf(out, "` | none | ");
            md_cell(out, (*k)->role_value->doc);
            fprintf(out, " |\n");
        }
    }
    fprintf(out, "\n#### state\n\n| method | returns | what |\n|---|---|---|\n");
    for (const niact_method *m = methods; m->name; m++) {
        fprintf(out, "| `state:%s(", m->name);
        md_cell(out, m->args);
        fprintf(out, ")` | `");
        md_cell(out, m->ret[0] ? m->ret : "nothing");
        fprintf(out, "` | ");
        md_cell(out, m->doc);
        fprintf(out, " |\n");
    }
}
