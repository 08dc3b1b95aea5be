/* Information-set Monte Carlo tree search (see ai.h for the method). */
#include "ai_internal.h"
#include "niact/hash.h"
#include "niact/rules.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One node: the role's orders that lead to it (from its parent's turn) and statistics. */
typedef struct node {
    niact_order orders[NIACT_MAX_ORDERS]; /* the edge from the parent */
    int32_t n_orders;
    int32_t first_child, next_sibling;    /* -1: none */
    int32_t n_children;
    int32_t tried;                        /* candidate generators tried (see candidate) */
    int32_t origin;                       /* personality (1..) that proposed it, or 0 */
    int32_t visits;
    double total;                         /* sum of rewards through this node */
} node;

typedef struct search {
    const niact_ai_memory *memory; /* the role's own past orders (NULL: none) */
    const niact_ai_config *cfg;
    int role;
    niact_game *base;    /* the snapshot, run by our host, quiet */
    niact_game *work;    /* one iteration's determinized game */
    ai_belief belief;    /* the role's view of the snapshot */
    niact_rng rng;       /* the AI's own chance */
    node *nodes;
    int32_t n_nodes, cap;
    int32_t end_turn;    /* playouts stop when the game reaches this turn */
    ai_policies pol;     /* rollout policies of this iteration */
    int n_policies;      /* random + the scenario's personalities (if used) */
    uint64_t seed;       /* the search's seed */
    int32_t winner;      /* the root child chosen (-1: the most visited) */
    double weight;       /* budget units one simulated turn costs (ai_turn_weight) */
    double spent;        /* budget units spent: simulated turns x weight */
    int32_t particles;   /* histories simulated */
} search;

/* The levels are budgets (docs/ai.md): work units a decision may spend, a unit being one
 * simulated turn of a scenario of November 1962's size (ai_turn_weight), and the horizon
 * at which a playout stops and the position is scored. The playouts field only bounds
 * the tree's memory: the budget runs out first. */
#define PRESET(b, h, kids, hist, dep)                                                         \
    {.budget = (b), .horizon = (h), .playouts = (b) / 2, .exploration = 0.3, .widening = 0.7,\
     .max_children = (kids), .personalities = 1, .random_share = 0.1, .consistent = 1,       \
     .particles = (hist), .depth = (dep)}
static const niact_ai_config presets[4] = {
    PRESET(800, 4, 8, 16, 2),
    PRESET(3000, 6, 16, 64, 2),
    PRESET(12000, 8, 24, 128, 3),
    PRESET(48000, 12, 32, 256, 4),
};
static const char *const level_names[4] = {"mcts-easy", "mcts-medium", "mcts-hard",
                                           "mcts-deep"};

/* "mcts-LEVEL" or "mcts-LEVEL:BUDGET": the level and the budget (0: the level's). */
static niact_ai_level parse(const char *name, int32_t *budget) {
    *budget = 0;
    for (int i = 0; name && i < 4; i++) {
        size_t n = strlen(level_names[i]);
        if (strncmp(name, level_names[i], n) != 0)
            continue;
        if (!name[n])
            return (niact_ai_level)(i + 1);
        if (name[n] != ':' || !name[n + 1] || strlen(name + n + 1) > 7)
            return NIACT_AI_NONE;
        int32_t v = 0;
        for (const char *p = name + n + 1; *p; p++) {
            if (*p < '0' || *p > '9')
                return NIACT_AI_NONE;
            v = v * 10 + (*p - '0');
        }
        if (v < 1 || v > NIACT_AI_MAX_BUDGET)
            return NIACT_AI_NONE;
        *budget = v;
        return (niact_ai_level)(i + 1);
    }
    return NIACT_AI_NONE;
}

niact_ai_level niact_ai_parse_level(const char *name) {
    int32_t budget;
    return parse(name, &budget);
}

niact_status niact_ai_level_config(niact_ai_level level, niact_ai_config *out) {
    if (level < NIACT_AI_EASY || level > NIACT_AI_DEEP)
        return NIACT_ERR_INVALID;
    *out = presets[level - 1];
    return NIACT_OK;
}

niact_status niact_ai_named_config(const char *name, niact_ai_config *out) {
    int32_t budget;
    niact_ai_level level = parse(name, &budget);
    if (niact_ai_level_config(level, out) != NIACT_OK)
        return NIACT_ERR_INVALID;
    if (budget) {
        out->budget = budget;
        out->playouts = budget / 2 > 1 ? budget / 2 : 1;
    }
    return NIACT_OK;
}

double niact_ai_turn_weight(const niact_scenario *sc) {
    /* November 1962: 41 tracks, 37 actions, 23 events, 13 objectives, 8 terms, 3 roles. */
    double size = (double)(sc->n_tracks + sc->n_actions + sc->n_events + sc->n_objectives +
                           sc->n_terms) * sc->n_roles;
    double w = size / (122.0 * 3.0);
    return w > 1.0 ? w : 1.0;
}

/* Says why a field is out of bounds. */
static niact_status out_of_bounds(char *why, size_t len, const char *field, double v,
                                  double lo, double hi) {
    if (why && len)
        snprintf(why, len, "AI config: %s is %g; it must be %g to %g", field, v, lo, hi);
    return NIACT_ERR_INVALID;
}

niact_status niact_ai_config_check(const niact_ai_config *c, char *why, size_t len) {
    if (why && len)
        why[0] = 0;
    if (!c) {
        if (why && len)
            snprintf(why, len, "AI config: none given");
        return NIACT_ERR_INVALID;
    }
    const struct {
        const char *name;
        double value, lo, hi;
    } f[] = {
        {"playouts", c->playouts, 1, NIACT_AI_MAX_PLAYOUTS},
        {"budget", c->budget, 0, NIACT_AI_MAX_BUDGET},
        {"horizon", c->horizon, 0, 10000},
        {"exploration", c->exploration, 0, 100},
        {"widening", c->widening, 0, 100},
        {"max_children", c->max_children, 1, NIACT_AI_MAX_CHILDREN},
        {"personalities", c->personalities, 0, 1},
        {"random_share", c->random_share, 0, 1},
        {"consistent", c->consistent, 0, 1},
        {"particles", c->particles, 0, 10000},
        {"depth", c->depth, 1, NIACT_AI_MAX_DEPTH},
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        if (!(f[i].value >= f[i].lo && f[i].value <= f[i].hi)) /* NaN too */
            return out_of_bounds(why, len, f[i].name, f[i].value, f[i].lo, f[i].hi);
    return NIACT_OK;
}

static int32_t new_node(search *s, const niact_order *orders, int n) {
    if (s->n_nodes >= s->cap)
        return -1;
    node *c = &s->nodes[s->n_nodes];
    memset(c, 0, sizeof *c);
    if (n)
        memcpy(c->orders, orders, (size_t)n * sizeof *orders);
    c->n_orders = n;
    c->first_child = c->next_sibling = -1;
    return s->n_nodes++;
}

static int same_orders(const node *c, const niact_order *o, int n) {
    return c->n_orders == n && (n == 0 || memcmp(c->orders, o, (size_t)n * sizeof *o) == 0);
}

/* Keeps the orders the game accepts now (ai_submit_filtered: the role's submission
 * changes), in the order the game resolves them: by the actions' priority and, among
 * equal priorities, in the order given (the core's rule, game.c gather_orders). Two
 * lists then compare equal exactly when they resolve alike. A sort by action id (as
 * ai_clean_orders does) would lose the order among equal priorities, and with it a
 * proposal that needs one action to resolve before another: the UN's visit to Havana
 * raises the cooperation its ICRC brokering needs that same turn. */
static niact_status resolution_order(niact_game *g, int role, niact_order *o, int *n) {
    niact_status st = ai_submit_filtered(g, role, o, *n);
    if (st != NIACT_OK)
        return st;
    const niact_order *kept = niact_game_orders(g, role, n);
    if (*n)
        memmove(o, kept, (size_t)*n * sizeof *o);
    const niact_scenario *sc = niact_game_scenario(g);
    for (int i = 1; i < *n; i++) { /* stable insertion sort by priority */
        niact_order x = o[i];
        int j = i - 1;
        while (j >= 0 && sc->actions[o[j].action].priority > sc->actions[x.action].priority) {
            o[j + 1] = o[j];
            j--;
        }
        o[j + 1] = x;
    }
    return NIACT_OK;
}

/* The next candidate order set for node p, in the current state: first what each of
 * the scenario's personalities would order in the role's place (in its resolution
 * order: a personality lists its orders in the order it means them), then no orders,
 * then random legal sets (drawn in no particular order: sorted, so that two draws of
 * the same set are one candidate). */
static niact_status candidate(search *s, node *pn, niact_order *o, int *n, int *origin) {
    int k = pn->tried++, np = s->n_policies - 1;
    *n = 0;
    *origin = k < np ? k + 1 : 0;
    if (k == np)
        return NIACT_OK;
    niact_status st = ai_policy_orders(s->work, s->role, &s->pol, k < np ? k + 1 : 0, &s->rng,
                                       o, n);
    if (st != NIACT_OK)
        return st;
    return k < np ? resolution_order(s->work, s->role, o, n)
                  : ai_clean_orders(s->work, s->role, o, n);
}

/* Adds a new candidate under p; -1 if none was new. */
static int32_t expand(search *s, int32_t p, niact_status *st) {
    niact_order o[NIACT_MAX_ORDERS];
    for (int attempt = 0; attempt < s->n_policies + 4; attempt++) {
        int n = 0, origin = 0;
        if ((*st = candidate(s, &s->nodes[p], o, &n, &origin)) != NIACT_OK)
            return -1;
        int dup = 0;
        for (int32_t c = s->nodes[p].first_child; c >= 0 && !dup; c = s->nodes[c].next_sibling)
            dup = same_orders(&s->nodes[c], o, n);
        if (dup)
            continue;
        int32_t c = new_node(s, o, n);
        if (c < 0)
            return -1;
        s->nodes[c].origin = origin;
        s->nodes[c].next_sibling = s->nodes[p].first_child;
        s->nodes[p].first_child = c;
        s->nodes[p].n_children++;
        return c;
    }
    return -1;
}

static int32_t ucb_child(const search *s, int32_t p) {
    const node *pn = &s->nodes[p];
    double logn = log((double)(pn->visits > 0 ? pn->visits : 1)), best = -1.0;
    int32_t pick = -1;
    for (int32_t c = pn->first_child; c >= 0; c = s->nodes[c].next_sibling) {
        const node *cn = &s->nodes[c];
        if (cn->visits == 0)
            return c;
        double u = cn->total / cn->visits + s->cfg->exploration * sqrt(logn / cn->visits);
        if (u > best) {
            best = u;
            pick = c;
        }
    }
    return pick;
}

/* Picks the child to follow from p: a new one while widening allows, else UCB1. */
static int32_t select_child(search *s, int32_t p, int *expanded, niact_status *st) {
    const node *pn = &s->nodes[p];
    double allowed = 1.0 + s->cfg->widening * sqrt((double)pn->visits);
    *expanded = 0;
    if (pn->n_children < s->cfg->max_children && pn->n_children < allowed) {
        int32_t c = expand(s, p, st);
        if (*st != NIACT_OK)
            return -1;
        if (c >= 0) {
            *expanded = 1;
            return c;
        }
    }
    return ucb_child(s, p);
}

static int running(const search *s) {
    return niact_game_phase(s->work) != NIACT_PHASE_ENDED &&
           niact_game_turn(s->work) < s->end_turn;
}

/* Plays one turn: the role's orders (or random ones if orders is NULL) and random
 * orders for the others. */
static niact_status play_turn(search *s, const node *edge) {
    niact_status st;
    if (edge)
        st = ai_submit_filtered(s->work, s->role, edge->orders, edge->n_orders);
    else
        st = ai_submit_others(s->work, -1, &s->pol, &s->rng);
    if (st == NIACT_OK && edge)
        st = ai_submit_others(s->work, s->role, &s->pol, &s->rng);
    if (st == NIACT_OK)
        st = niact_game_resolve(s->work);
    s->spent += s->weight; /* the budget counts every simulated turn */
    return st;
}

#define AI_BREACH_COST 1.0

/* Whether commitment c (agreement, term) was open in the snapshot. */
static int open_at_root(const search *s, const niact_commitment *c) {
    const niact_commitment *b;
    for (int i = 0; (b = niact_rules_commitment(s->base, i)); i++)
        if (b->agreement == c->agreement && b->item.term == c->item.term &&
            b->item.giver == c->item.giver)
            return b->status == NIACT_COMMIT_PENDING;
    return 0;
}

/* What the role's breaches of its word cost in a playout, in reward: every commitment
 * it gave that was open at the root and is broken by the playout's end costs a whole
 * game's score (1), so that a future in which it keeps its word is preferred to any in
 * which it breaks it (an open commitment is a constraint), unless another party broke
 * its own term of the same agreement first (or in the same turn): its word is kept
 * conditionally on the partner's. */
static double breach_cost(const search *s) {
    const niact_commitment *c, *o;
    double cost = 0;
    for (int i = 0; (c = niact_rules_commitment(s->work, i)); i++) {
        if (c->item.giver != s->role || c->status != NIACT_COMMIT_BROKEN || !open_at_root(s, c))
            continue;
        int excused = 0;
        for (int k = 0; (o = niact_rules_commitment(s->work, k)) && !excused; k++)
            excused = o->agreement == c->agreement && o->item.giver != s->role &&
                      o->status == NIACT_COMMIT_BROKEN && o->settled_turn <= c->settled_turn;
        if (!excused)
            cost += AI_BREACH_COST;
    }
    return cost;
}

/* One iteration: determinize, follow root child `first`, descend and expand, play out,
 * back up. Everything random in it comes from `seed`, so the root's candidates can be
 * compared on the same samples (common random numbers). */
static niact_status iterate(search *s, int32_t first, uint64_t seed) {
    niact_status st = niact_game_copy(s->work, s->base);
    if (st != NIACT_OK)
        return st;
    niact_rng_seed(&s->rng, seed, 0x69746572ULL /* "iter" */);
    int k = ai_determinize(s->work, &s->belief, s->role, &s->rng);
    /* who the others are is unknown too: the policies their particle's history was
     * played with (the posterior), else (no particle, or the hedge) a uniform draw */
    ai_pick_policies(&s->pol, s->n_policies - 1, s->cfg->random_share, &s->rng);
    /* The others may be erratic (random_share); the seat itself is not: it plans its
     * own later turns with one of the personalities. */
    if (s->n_policies > 1 && s->pol.kind[s->role] == 0)
        s->pol.kind[s->role] = 1 + (int)niact_rng_below(&s->rng, (uint32_t)(s->n_policies - 1));
    if (s->n_policies > 1)
        ai_posterior_policies(&s->pol, &s->belief, k, s->role, &s->rng);
    int32_t path[64], depth = 0, cur = 0;
    path[depth++] = 0;
    int expanded = 0;
    int32_t max_depth = s->cfg->depth; /* 1..NIACT_AI_MAX_DEPTH: see niact_ai_config_check */
    while (!expanded && running(s) && depth <= max_depth) {
        int32_t c = depth == 1 ? first : select_child(s, cur, &expanded, &st);
        if (st != NIACT_OK)
            return st;
        if (c < 0)
            break;
        if ((st = play_turn(s, &s->nodes[c])) != NIACT_OK)
            return st;
        path[depth++] = cur = c;
        /* After a personality's proposal, the role keeps to that personality. */
        if (s->nodes[c].origin > 0 && s->cfg->consistent)
            s->pol.kind[s->role] = s->nodes[c].origin;
    }
    while (running(s))
        if ((st = play_turn(s, NULL)) != NIACT_OK)
            return st;
    int32_t score = 0;
    niact_game_score(s->work, s->role, s->role, &score);
    double reward = score / 100.0 - breach_cost(s);
    for (int i = 0; i < depth; i++) {
        s->nodes[path[i]].visits++;
        s->nodes[path[i]].total += reward;
    }
    return NIACT_OK;
}

/* The root's candidates: proposals from the personalities, no orders, random sets, each
 * made in its own sampled state; up to max_children (at least one). */
static niact_status root_candidates(search *s) {
    int misses = 0;
    while (s->nodes[0].n_children < s->cfg->max_children && misses < 8) {
        niact_status st = niact_game_copy(s->work, s->base);
        if (st != NIACT_OK)
            return st;
        (void)ai_determinize(s->work, &s->belief, s->role, &s->rng);
        if (expand(s, 0, &st) < 0)
            misses++;
        if (st != NIACT_OK)
            return st;
    }
    return NIACT_OK;
}

static double mean(const node *n) {
    return n->visits ? n->total / n->visits : 0;
}

static int by_mean_desc(const void *a, const void *b) {
    const node *x = *(node *const *)a, *y = *(node *const *)b;
    return mean(x) < mean(y) ? 1 : mean(x) > mean(y) ? -1 : 0;
}

static double now_ms(void);

/* Sequential halving at the root (Karnin, Koren and Somekh 2013): every round gives
 * each surviving candidate the same samples, then keeps the better half. */
static niact_status halving(search *s, double start) {
    node *alive[NIACT_AI_MAX_CHILDREN];
    int n = 0;
    for (int32_t c = s->nodes[0].first_child; c >= 0 && n < NIACT_AI_MAX_CHILDREN;
         c = s->nodes[c].next_sibling)
        alive[n++] = &s->nodes[c];
    if (n == 0)
        return NIACT_OK; /* no candidate: no orders (best_child finds none) */
    int rounds = 1;
    while ((1 << rounds) < n)
        rounds++;
    /* Without a budget, playouts iterations are shared out; with one, each round gets
     * its share of the budget's units left, spent on samples every survivor plays (at
     * least one), and playouts only bounds the iterations (the tree's size). */
    int32_t budget = s->cfg->playouts, used = 0;
    for (int r = 0; r < rounds && n > 1; r++) {
        int32_t each = (budget - used) / ((rounds - r) * n);
        each = each < 1 ? 1 : each;
        double round_units = (s->cfg->budget - s->spent) / (rounds - r), from = s->spent;
        for (int32_t j = 0; s->cfg->budget ? j == 0 || s->spent - from < round_units : j < each;
             j++) {
            if (used + n > budget)
                break;
            uint64_t seed = niact_mix64(s->seed ^ niact_mix64(((uint64_t)r << 32) | (uint64_t)j));
            for (int i = 0; i < n; i++) {
                niact_status st = iterate(s, (int32_t)(alive[i] - s->nodes), seed);
                if (st != NIACT_OK)
                    return st;
                used++;
            }
            if (s->cfg->time_limit_ms && now_ms() - start > s->cfg->time_limit_ms)
                return NIACT_OK;
        }
        qsort(alive, (size_t)n, sizeof *alive, by_mean_desc);
        n = (n + 1) / 2;
        if (used >= budget || (s->cfg->budget && s->spent >= s->cfg->budget))
            break;
    }
    s->winner = (int32_t)(alive[0] - s->nodes);
    return NIACT_OK;
}

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The halving's winner, else the most visited root child (ties: the better mean); -1
 * if none. */
static int32_t best_child(const search *s) {
    int32_t pick = -1;
    if (s->winner >= 0)
        return s->winner;
    for (int32_t c = s->nodes[0].first_child; c >= 0; c = s->nodes[c].next_sibling) {
        const node *cn = &s->nodes[c], *pn = pick >= 0 ? &s->nodes[pick] : NULL;
        if (!pn || cn->visits > pn->visits ||
            (cn->visits == pn->visits && cn->total > pn->total))
            pick = c;
    }
    return pick;
}

static niact_status setup(search *s, niact_host *host, const niact_game *snap) {
    const niact_scenario *theirs = niact_game_scenario(snap);
    const niact_scenario *mine = host ? niact_host_scenario(host) : theirs;
    if (mine != theirs && mine->content_hash != theirs->content_hash)
        return NIACT_ERR_INVALID;
    niact_status st = niact_game_clone(snap, &s->base);
    if (st == NIACT_OK)
        st = niact_game_clone(snap, &s->work);
    if (st != NIACT_OK)
        return st;
    if (host) {
        niact_game_set_rules(s->base, niact_host_rules(host));
        niact_game_set_rules(s->work, niact_host_rules(host));
    }
    niact_game_set_quiet(s->base, 1);
    niact_game_set_quiet(s->work, 1);
    s->pol.host = s->cfg->personalities ? host : NULL;
    s->n_policies = 1 + (s->pol.host ? mine->n_personalities : 0);
    s->cap = s->cfg->playouts + s->cfg->max_children + 2;
    s->nodes = malloc((size_t)s->cap * sizeof *s->nodes);
    if (!s->nodes)
        return NIACT_ERR_NOMEM;
    new_node(s, NULL, 0);
    int32_t turn = niact_game_turn(snap);
    s->end_turn = s->cfg->horizon > 0 ? turn + 1 + s->cfg->horizon : INT32_MAX;
    uint64_t seed = niact_mix64(niact_game_seed(snap) ^ niact_mix64((uint64_t)turn << 8 | (uint64_t)s->role));
    s->seed = seed ^ s->cfg->salt;
    s->winner = -1;
    niact_rng_seed(&s->rng, s->seed, 0x6d637473ULL /* "mcts" */);
    s->weight = niact_ai_turn_weight(mine);
    /* The histories play from the setup to this turn: with a budget, they may spend a
     * quarter of it, so a late turn of a long game simulates fewer of them. */
    int32_t particles = s->cfg->particles;
    if (s->cfg->budget && particles > 0) {
        double each = (turn > 0 ? turn : 1) * s->weight, most = s->cfg->budget / 4.0 / each;
        particles = most < particles ? (int32_t)most : particles;
        /* Fewer than one history the budget can afford: none (what the seat cannot see
         * takes its declared value, as with particles = 0). */
        particles = particles < 1 ? 0 : particles;
        s->spent += particles * (double)turn * s->weight;
    }
    niact_status st2 = ai_belief_read(&s->belief, snap, s->role);
    s->belief.memory = s->memory;
    if (st2 == NIACT_OK && host && particles > 0)
        st2 = ai_belief_sample(&s->belief, snap, niact_host_rules(host), &s->pol,
                               s->cfg->random_share, particles, &s->rng);
    s->particles = particles;
    return st2;
}

/* The chosen orders, kept only if the real game accepts them (each order legal now). */
static niact_status answer(search *s, niact_order *orders, int *n, niact_ai_stats *stats) {
    int32_t c = best_child(s);
    *n = 0;
    if (c >= 0) {
        niact_status st = ai_submit_filtered(s->base, s->role, s->nodes[c].orders,
                                             s->nodes[c].n_orders);
        if (st != NIACT_OK)
            return st;
        const niact_order *got = niact_game_orders(s->base, s->role, n);
        if (*n)
            memcpy(orders, got, (size_t)*n * sizeof *orders);
    }
    if (stats) {
        stats->playouts = s->nodes[0].visits;
        stats->nodes = s->n_nodes;
        stats->root_children = s->nodes[0].n_children;
        stats->value = c >= 0 && s->nodes[c].visits ? s->nodes[c].total / s->nodes[c].visits : 0;
        stats->spent = s->spent;
        stats->particles = s->particles;
    }
    return NIACT_OK;
}

niact_status niact_ai_think(niact_host *host, const niact_game *snapshot, int role,
                            const niact_ai_config *cfg, niact_order *orders, int *n,
                            niact_ai_stats *stats) {
    return niact_ai_think_remembering(host, snapshot, role, cfg, NULL, orders, n, stats);
}

niact_status niact_ai_think_remembering(niact_host *host, const niact_game *snapshot, int role,
                                        const niact_ai_config *cfg,
                                        const niact_ai_memory *memory, niact_order *orders,
                                        int *n, niact_ai_stats *stats) {
    *n = 0;
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (role < 0 || role >= niact_game_scenario(snapshot)->n_roles ||
        niact_ai_config_check(cfg, NULL, 0) != NIACT_OK)
        return NIACT_ERR_INVALID;
    if (niact_game_phase(snapshot) == NIACT_PHASE_ENDED)
        return NIACT_ERR_STATE;
    search s;
    memset(&s, 0, sizeof s);
    s.cfg = cfg;
    s.role = role;
    s.memory = memory;
    double start = now_ms();
    niact_status st = setup(&s, host, snapshot);
    if (st == NIACT_OK)
        st = root_candidates(&s);
    if (st == NIACT_OK)
        st = halving(&s, start);
    if (st == NIACT_OK)
        st = answer(&s, orders, n, stats);
    free(s.nodes);
    ai_belief_free(&s.belief);
    niact_game_free(s.base);
    niact_game_free(s.work);
    return st;
}
