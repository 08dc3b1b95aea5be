/* Look-ups and the calendar over a loaded scenario's declarations. */
#include "niact/scenario.h"
#include "niact/map.h"
#include "niact/negotiation.h"

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

int niact_scenario_variant(const niact_scenario *sc, const char *id) {
    FIND(sc->variants, sc->n_variants, meta);
}

const niact_variant_def *niact_scenario_variant_played(const niact_scenario *sc) {
    return sc && sc->variant >= 1 && sc->variant <= sc->n_variants
               ? &sc->variants[sc->variant - 1]
               : NULL;
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

static int two(const char *s) {
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* Parses "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" strictly: four digits of year (0001-9999, no
 * sign, no space), a real day of a real month (29 February in leap years only), and a
 * time on the 24-hour clock (00:00-23:59) after exactly one space. Returns 0 with the
 * minutes since 1970-01-01 00:00 and whether a time was given, or -1. No locale, no time
 * zone: a scenario's dates are the dates of its story, the same everywhere. */
static int parse_when(const char *s, int64_t *minutes, int *has_time) {
    size_t n = s ? strlen(s) : 0;
    if ((n != 10 && n != 16) || s[4] != '-' || s[7] != '-')
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (i == 4 || i == 7 || i == 10 || i == 13)
            continue;
        if (s[i] < '0' || s[i] > '9')
            return -1;
    }
    int hh = 0, mm = 0;
    if (n == 16) {
        if (s[10] != ' ' || s[13] != ':')
            return -1;
        hh = two(s + 11);
        mm = two(s + 14);
        if (hh > 23 || mm > 59)
            return -1;
    }
    int y = two(s) * 100 + two(s + 2), m = two(s + 5), d = two(s + 8);
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap(y)))
        return -1;
    *minutes = days_from_civil(y, (unsigned)m, (unsigned)d) * 1440 + hh * 60 + mm;
    if (has_time)
        *has_time = n == 16;
    return 0;
}

/* Minutes a turn lasts: hours_per_turn if set, else days_per_turn days (a scenario built
 * in C may set only days_per_turn). */
static int64_t step_minutes(const niact_scenario *sc) {
    if (sc->hours_per_turn > 0)
        return (int64_t)sc->hours_per_turn * 60;
    return (int64_t)sc->days_per_turn * 1440;
}

int niact_scenario_shows_time(const niact_scenario *sc) {
    int has_time = 0;
    int64_t start;
    if (parse_when(sc->start_date, &start, &has_time) != 0)
        return 0;
    return has_time || step_minutes(sc) % 1440 != 0;
}

/* A moment, broken down. */
typedef struct when {
    int y, m, d, hh, mm;
} when;

static when when_of(int64_t minutes) {
    when w;
    int64_t day = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
    int64_t rest = minutes - day * 1440;
    civil_from_days(day, &w.y, &w.m, &w.d);
    w.hh = (int)(rest / 60);
    w.mm = (int)(rest % 60);
    return w;
}

/* The start of turn `turn` (0-based), in minutes since 1970; -1 if the calendar is bad or
 * the moment falls outside the years 0001-9999. */
static int turn_start(const niact_scenario *sc, int32_t turn, int64_t *out) {
    int64_t start, step = step_minutes(sc);
    if (parse_when(sc->start_date, &start, NULL) != 0 || step <= 0)
        return -1;
    int64_t t = start + (int64_t)turn * step;
    when w = when_of(t);
    if (w.y < 1 || w.y > 9999)
        return -1;
    *out = t;
    return 0;
}

static const char *const month_long[] = {"January", "February", "March",     "April",
                                         "May",     "June",     "July",      "August",
                                         "September", "October", "November", "December"};
static const char *const month_short[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

const char *niact_param_words(const char *name, char *const *labels, int n_labels, int32_t mn,
                              int32_t v, char *buf, size_t len) {
    if (!buf || !len)
        return "";
    const char *nm = name && name[0] ? name : "amount";
    int64_t k = (int64_t)v - mn;
    const char *word = labels && k >= 0 && k < n_labels && labels[k] ? labels[k] : NULL;
    char cut[64]; /* the name before its first " (": "level (0 lift, ...)" reads "level" */
    snprintf(cut, sizeof cut, "%s", nm);
    char *paren = strstr(cut, " (");
    if (paren)
        *paren = 0;
    if (word)
        snprintf(buf, len, "%s: %s", cut, word);
    else
        snprintf(buf, len, "%s: %ld", cut, (long)v);
    return buf;
}

int niact_scenario_format(const niact_scenario *sc, int32_t turn, niact_date_style style,
                          char *buf, size_t len) {
    int64_t a;
    if (len == 0)
        return -1;
    buf[0] = 0;
    if (turn_start(sc, turn, &a) != 0)
        return -1;
    int timed = niact_scenario_shows_time(sc);
    int64_t step = step_minutes(sc);
    when w = when_of(a);
    int n = -1;
    switch (style) {
    case NIACT_DATE_ISO:
        n = timed ? snprintf(buf, len, "%04d-%02d-%02d %02d:%02d", w.y, w.m, w.d, w.hh, w.mm)
                  : snprintf(buf, len, "%04d-%02d-%02d", w.y, w.m, w.d);
        break;
    case NIACT_DATE_LONG:
        n = timed ? snprintf(buf, len, "%d %s %d, %02d:%02d", w.d, month_long[w.m - 1], w.y,
                             w.hh, w.mm)
                  : snprintf(buf, len, "%d %s %d", w.d, month_long[w.m - 1], w.y);
        break;
    case NIACT_DATE_SHORT:
        n = timed ? snprintf(buf, len, "%d %s %02d:%02d", w.d, month_short[w.m - 1], w.hh, w.mm)
                  : snprintf(buf, len, "%d %s", w.d, month_short[w.m - 1]);
        break;
    case NIACT_DATE_BOX:
        if (step % 1440 == 0)
            n = snprintf(buf, len, "%d", w.d);
        else if (w.mm == 0)
            n = snprintf(buf, len, "%02d", w.hh);
        else
            n = snprintf(buf, len, "%02d:%02d", w.hh, w.mm);
        break;
    case NIACT_DATE_END: {
        /* Days: the turn's last day. Times: the moment it ends (the next turn's start). */
        when e = when_of(timed ? a + step : a + step - 1440);
        if (e.y > 9999)
            return -1;
        n = timed ? snprintf(buf, len, "%d %s %02d:%02d", e.d, month_short[e.m - 1], e.hh, e.mm)
                  : snprintf(buf, len, "%d %s", e.d, month_short[e.m - 1]);
        break;
    }
    case NIACT_DATE_SPAN: {
        when e = when_of(timed ? a + step : a + step - 1440);
        if (e.y > 9999)
            return -1;
        if (timed && e.y == w.y && e.m == w.m && e.d == w.d)
            n = snprintf(buf, len, "%d %s %d, %02d:%02d-%02d:%02d", w.d, month_short[w.m - 1],
                         w.y, w.hh, w.mm, e.hh, e.mm);
        else if (timed)
            n = snprintf(buf, len, "%d %s %d, %02d:%02d - %d %s %d, %02d:%02d", w.d,
                         month_short[w.m - 1], w.y, w.hh, w.mm, e.d, month_short[e.m - 1], e.y,
                         e.hh, e.mm);
        else if (step == 1440)
            n = snprintf(buf, len, "%d %s %d", w.d, month_short[w.m - 1], w.y);
        else if (e.y == w.y && e.m == w.m)
            n = snprintf(buf, len, "%d-%d %s %d", w.d, e.d, month_short[w.m - 1], w.y);
        else if (e.y == w.y)
            n = snprintf(buf, len, "%d %s-%d %s %d", w.d, month_short[w.m - 1], e.d,
                         month_short[e.m - 1], w.y);
        else
            n = snprintf(buf, len, "%d %s %d-%d %s %d", w.d, month_short[w.m - 1], w.y, e.d,
                         month_short[e.m - 1], e.y);
        break;
    }
    }
    if (n < 0 || (size_t)n >= len) {
        buf[0] = 0; /* never a cut date */
        return -1;
    }
    return 0;
}

int niact_scenario_date(const niact_scenario *sc, int32_t turn, char *buf, size_t len) {
    return niact_scenario_format(sc, turn, NIACT_DATE_ISO, buf, len);
}

int niact_scenario_step(const niact_scenario *sc, char *buf, size_t len) {
    int64_t step = step_minutes(sc);
    int n;
    if (step <= 0)
        return -1;
    if (step % 1440 == 0 && !(sc->hours_per_turn > 0))
        n = snprintf(buf, len, "%lld day%s", (long long)(step / 1440), step == 1440 ? "" : "s");
    else
        n = snprintf(buf, len, "%lld hour%s", (long long)(step / 60), step == 60 ? "" : "s");
    return n < 0 || (size_t)n >= len ? -1 : 0;
}

int32_t niact_scenario_days_in_turns(const niact_scenario *sc, int32_t days) {
    int64_t step = step_minutes(sc);
    if (step <= 0 || days <= 0)
        return 0;
    int64_t t = ((int64_t)days * 1440 + step - 1) / step;
    return t > INT32_MAX ? INT32_MAX : (int32_t)t;
}

int32_t niact_scenario_proposals_per_turn(const niact_scenario *sc) {
    int64_t seats = (int64_t)(sc->turns > 0 ? sc->turns : 1) * (sc->n_roles > 0 ? sc->n_roles : 1);
    int64_t most = NIACT_MAX_GAME_PROPOSALS / seats;
    if (most > NIACT_MAX_PROPOSALS_PER_TURN)
        most = NIACT_MAX_PROPOSALS_PER_TURN;
    if (most < 1)
        most = 1;
    int32_t cap = sc->negotiation.proposals_per_turn;
    return cap >= 1 && cap <= most ? cap : (int32_t)most;
}

int32_t niact_scenario_max_proposals(const niact_scenario *sc) {
    int64_t n = (int64_t)(sc->turns > 0 ? sc->turns : 1) * (sc->n_roles > 0 ? sc->n_roles : 1) *
                niact_scenario_proposals_per_turn(sc);
    return n > INT32_MAX / NIACT_MAX_TERMS ? INT32_MAX / NIACT_MAX_TERMS : (int32_t)n;
}

int32_t niact_scenario_turn_of(const niact_scenario *sc, const char *date) {
    int64_t start, at, step = step_minutes(sc);
    int has_time = 0;
    if (parse_when(sc->start_date, &start, NULL) != 0 || parse_when(date, &at, &has_time) != 0 ||
        step <= 0)
        return INT32_MIN;
    /* A day without a time: the first turn that covers any of that day. */
    if (!has_time && at < start && at + 1440 > start)
        at = start;
    int64_t diff = at - start;
    int64_t t = diff >= 0 ? diff / step : -((-diff + step - 1) / step);
    if (t < INT32_MIN + 1 || t > INT32_MAX)
        return INT32_MIN;
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
    for (int i = 0; i < sc->n_variants; i++) {
        meta_free(&sc->variants[i].meta);
        free(sc->variants[i].absent);
    }
    free(sc->variants);
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
        for (int j = 0; j < sc->actions[i].n_param_labels; j++)
            free(sc->actions[i].param_labels[j]);
        free(sc->actions[i].param_labels);
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
        for (int j = 0; j < sc->terms[i].n_param_labels; j++)
            free(sc->terms[i].param_labels[j]);
        free(sc->terms[i].param_labels);
    }
    free(sc->terms);
    for (int i = 0; i < sc->n_personalities; i++)
        free(sc->personalities[i]);
    free(sc->personalities);
    free(sc->personality_roles);
    free(sc);
}
