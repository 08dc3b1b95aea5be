/* Look-ups and the calendar over a loaded scenario's declarations. */
#include "niact/scenario.h"
#include "niact/map.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIND(arr, n, field)                                                                    \
    for (int i = 0; i < (n); i++)                                                              \
        if (strcmp((arr)[i].field.id, id) == 0)                                                \
            return i;                                                                          \
    return -1

int niact_scenario_role(const niact_scenario *sc, const char *id) {
    FIND(sc->roles, sc->n_roles, meta);
}
int niact_scenario_track(const niact_scenario *sc, const char *id) {
    FIND(sc->tracks, sc->n_tracks, meta);
}
int niact_scenario_action(const niact_scenario *sc, const char *id) {
    FIND(sc->actions, sc->n_actions, meta);
}
int niact_scenario_event(const niact_scenario *sc, const char *id) {
    FIND(sc->events, sc->n_events, meta);
}
int niact_scenario_term(const niact_scenario *sc, const char *id) {
    FIND(sc->terms, sc->n_terms, meta);
}

/* Days from 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, int *y, int *m, int *d) {
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t yy = (int64_t)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

static int leap(int y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Parses "YYYY-MM-DD" strictly: exactly ten characters, four digits of year (0001-9999,
 * no sign, no space), a real day of a real month (29 February in leap years only).
 * Returns 0 and the day number, or -1. */
static int parse_date(const char *s, int64_t *days) {
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return -1;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
        return -1;
    *days = days_from_civil(y, (unsigned)m, (unsigned)d);
    return 0;
}

int niact_scenario_date(const niact_scenario *sc, int32_t turn, char *buf, size_t len) {
    int64_t start;
    if (parse_date(sc->start_date, &start) != 0 || len < 11)
        return -1;
    int y, m, d;
    civil_from_days(start + (int64_t)turn * sc->days_per_turn, &y, &m, &d);
    if (y < 1 || y > 9999) /* a calendar running out of four-digit years */
        return -1;
    snprintf(buf, len, "%04d-%02d-%02d", y, m, d);
    return 0;
}

int32_t niact_scenario_turn_of(const niact_scenario *sc, const char *date) {
    int64_t start, day;
    if (parse_date(sc->start_date, &start) != 0 || parse_date(date, &day) != 0 ||
        sc->days_per_turn <= 0)
        return INT32_MIN;
    int64_t diff = day - start;
    int64_t t = diff >= 0 ? diff / sc->days_per_turn : -((-diff + sc->days_per_turn - 1) /
                                                          sc->days_per_turn);
    return (int32_t)t;
}

static void meta_free(niact_meta *m) {
    free(m->id);
    free(m->name);
    free(m->text);
    free(m->source);
    free(m->file);
}

void niact_scenario_init(niact_scenario *sc) {
    /* Today's rules of negotiation (docs/modding.md, "Negotiation"). */
    sc->negotiation = (niact_negotiation_def){.trust_start = 50,
                                              .trust_kept = 10,
                                              .trust_broken = 25,
                                              .expiry = 1,
                                              .proposals_per_turn = 3,
                                              .ai_trust_at_0 = 50,
                                              .ai_trust_at_100 = 150,
                                              .secrecy = NIACT_SECRECY_EITHER};
    sc->timeout = 3; /* NIACT_OUTCOME_LAST_TURN */
}

void niact_scenario_free(niact_scenario *sc) {
    if (!sc)
        return;
    for (int i = 0; i < sc->n_outcomes; i++) {
        free(sc->outcomes[i].id);
        free(sc->outcomes[i].title);
        free(sc->outcomes[i].stamp);
        free(sc->outcomes[i].text);
    }
    free(sc->outcomes);
    meta_free(&sc->meta);
    free(sc->version);
    free(sc->start_date);
    free(sc->debrief);
    free(sc->subtitle);
    free(sc->blurb);
    niact_map_free(sc->map);
    for (int i = 0; i < sc->n_turning_points; i++) {
        meta_free(&sc->turning_points[i].meta);
        free(sc->turning_points[i].date);
        free(sc->turning_points[i].prompt);
    }
    free(sc->turning_points);
    for (int i = 0; i < sc->n_roles; i++) {
        meta_free(&sc->roles[i].meta);
        free(sc->roles[i].briefing);
        free(sc->roles[i].actor);
    }
    for (int i = 0; i < sc->n_tracks; i++) {
        niact_track_def *t = &sc->tracks[i];
        meta_free(&t->meta);
        for (int j = 0; j < t->n_labels; j++)
            free(t->labels[j]);
        free(t->labels);
        free(t->group);
    }
    free(sc->tracks);
    for (int i = 0; i < sc->n_actions; i++) {
        meta_free(&sc->actions[i].meta);
        free(sc->actions[i].param_name);
    }
    free(sc->actions);
    for (int i = 0; i < sc->n_events; i++) {
        meta_free(&sc->events[i].meta);
        free(sc->events[i].date);
    }
    free(sc->events);
    for (int i = 0; i < sc->n_objectives; i++)
        meta_free(&sc->objectives[i].meta);
    free(sc->objectives);
    for (int i = 0; i < sc->n_terms; i++) {
        meta_free(&sc->terms[i].meta);
        free(sc->terms[i].param_name);
    }
    free(sc->terms);
    for (int i = 0; i < sc->n_personalities; i++)
        free(sc->personalities[i]);
    free(sc->personalities);
    free(sc->personality_roles);
    free(sc);
}
