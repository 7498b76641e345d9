/* analysis.c: static analysis of a scenario graph: reachability, score bounds, the expert path and coverage. */
#include "analysis.h"
#include "cond.h"
#include "model_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*
 * Three passes, all linear in the size of the graph except the expert path:
 *
 * 1. Reachability and a topological order, by one iterative depth-first
 *    search from the start that follows every goto and option target while
 *    ignoring conditions. Iterative because a long chain of 20,000 nodes
 *    would otherwise be 20,000 stack frames. A back edge means a cycle: the
 *    loader refuses those, so we answer SP_EINVAL rather than loop.
 *
 * 2. Score bounds by dynamic programming over that order (children first).
 *    Conditions are ignored: every goto and every option counts as possible.
 *    The bounds are therefore outer bounds: a path they describe may be one
 *    the conditions never allow. That is what `samenspel check` and the
 *    debrief chart's "maximum" need, and it stays linear for any size.
 *
 * 3. The expert path honours conditions and effects: an A* search over
 *    states (node, variables on arrival), guided by the pass-2 bound, so it
 *    is exact. States are kept in a hash table keyed by the node and the
 *    variable vector. When the search passes its budget (EXPERT_MAX_STATES,
 *    fewer when many variables make each state big) we play greedily
 *    instead, conditions honoured, by the pass-2 bound: a path a learner
 *    can really take, though not always the best. Only when that runs into
 *    a decision with nothing on offer (or no ending can be reached with the
 *    conditions honoured) do we fall back to the pass-2 optimum, which
 *    ignores conditions. When the scenario has no condition at all,
 *    variables cannot change which options are offered, so states are
 *    keyed by node alone.
 */

/* The state search stops at EXPERT_MAX_STATES states or when its tables
 * would pass EXPERT_BUDGET bytes, whichever comes first. */
#define EXPERT_MAX_STATES 1000000
#define EXPERT_BUDGET (32u << 20)
#define NONE INT_MIN /* "no ending reachable from here" */

static const sp_node *node_at(const sp_scenario *sc, int i) { return &sc->nodes[i]; }

/* Successor j of node n (gotos, then options), ignoring conditions. */
static int n_succ(const sp_node *n)
{
    if (n->kind == SP_NODE_GOTO)
        return n->n_gotos;
    if (n->kind == SP_NODE_DECISION || n->kind == SP_NODE_THOUGHT)
        return n->n_options;
    return 0;
}

static int succ(const sp_node *n, int j)
{
    return n->kind == SP_NODE_GOTO ? n->gotos[j].target : n->options[j].target;
}

/* ---- pass 1: reachability and order ------------------------------------- */

/* Fills order[] with the reachable nodes in post-order (children first).
 * Returns the count, -1 on a cycle, -2 on out-of-memory. */
static int topo_order(const sp_scenario *sc, unsigned char *mark, int *order)
{
    /* mark: 0 unseen, 1 on the stack, 2 done */
    int *st_node = malloc(sizeof(int) * (size_t)sc->n_nodes);
    int *st_next = malloc(sizeof(int) * (size_t)sc->n_nodes);
    if (!st_node || !st_next) {
        free(st_node);
        free(st_next);
        return -2;
    }
    int sp = 0, k = 0, result = 0;
    st_node[sp] = sc->start;
    st_next[sp] = 0;
    sp++;
    mark[sc->start] = 1;
    while (sp > 0) {
        int v = st_node[sp - 1];
        const sp_node *n = node_at(sc, v);
        if (st_next[sp - 1] < n_succ(n)) {
            int w = succ(n, st_next[sp - 1]++);
            if (mark[w] == 1) {
                result = -1;
                break;
            }
            if (mark[w] == 0) {
                mark[w] = 1;
                st_node[sp] = w;
                st_next[sp] = 0;
                sp++;
            }
        } else {
            mark[v] = 2;
            order[k++] = v;
            sp--;
        }
    }
    free(st_node);
    free(st_next);
    return result < 0 ? result : k;
}

/* ---- pass 2: bounds ignoring conditions ---------------------------------- */

typedef struct {
    int n_goals;
    int *hi, *lo;        /* per node: best / worst total to an ending, NONE if none */
    int *ghi, *glo;      /* per node and goal */
} bounds;

static void bounds_node(const sp_scenario *sc, bounds *b, int v)
{
    const sp_node *n = node_at(sc, v);
    int G = b->n_goals;
    int *ghi = b->ghi + (size_t)v * (size_t)G, *glo = b->glo + (size_t)v * (size_t)G;
    if (n->kind == SP_NODE_ENDING) {
        b->hi[v] = b->lo[v] = 0;
        for (int g = 0; g < G; g++)
            ghi[g] = glo[g] = 0;
        return;
    }
    b->hi[v] = b->lo[v] = NONE;
    for (int g = 0; g < G; g++)
        ghi[g] = glo[g] = NONE;
    for (int j = 0; j < n_succ(n); j++) {
        int w = succ(n, j);
        if (b->hi[w] == NONE)
            continue;
        const sp_option *o = n->kind == SP_NODE_GOTO ? NULL : &n->options[j];
        int t = o ? sp_option_total(o) : 0;
        if (b->hi[v] == NONE || b->hi[w] + t > b->hi[v])
            b->hi[v] = b->hi[w] + t;
        if (b->lo[v] == NONE || b->lo[w] + t < b->lo[v])
            b->lo[v] = b->lo[w] + t;
        const int *cghi = b->ghi + (size_t)w * (size_t)G, *cglo = b->glo + (size_t)w * (size_t)G;
        for (int g = 0; g < G; g++) {
            int dg = o ? sp_option_goal(o, g) : 0;
            if (ghi[g] == NONE || cghi[g] + dg > ghi[g])
                ghi[g] = cghi[g] + dg;
            if (glo[g] == NONE || cglo[g] + dg < glo[g])
                glo[g] = cglo[g] + dg;
        }
    }
}

/* ---- pass 3: the expert path -------------------------------------------- */

/*
 * A* over states. A state is a node plus the variables on arrival (before
 * the node's own effects); g is the best score found from the start to it.
 * The pass-2 bound hi[node] (best score to an ending, conditions ignored) is
 * an upper bound on what can still be scored and is consistent
 * (hi[n] >= delta + hi[next] on every edge), so the first ending taken off
 * the queue ends a best path, and a state once expanded never improves.
 * Where conditions hardly bite, the search walks almost straight down the
 * best path; where they do, it expands only states that could still beat
 * the best ending.
 *
 * states[] holds the states; the variables of state i live at
 * pool[i * nv]. The hash table maps (node, variables) to a state index; a
 * slot keeps the upper hash bits beside the index so a probe that misses
 * rarely touches the state itself. The queue is a binary heap with lazy
 * deletion: an improved state is pushed again and stale entries (g no longer
 * the state's g, or the state already expanded) are skipped when popped.
 * Ties: higher g first (deeper), then the entry pushed first, which makes
 * the result deterministic.
 */
typedef struct {
    int node;
    int g;
    int parent;          /* state we came from, -1 at the start */
    int opt;             /* option taken at the parent, -1 after a goto */
    int closed;
} xstate;

typedef struct {
    uint32_t tag;
    int idx;             /* -1: empty */
} tslot;

typedef struct {
    int f, g;
    unsigned seq;
    int state;
} hentry;

typedef struct {
    const sp_scenario *sc;
    const int *hi;
    int nv;              /* variables in the key: n_vars, or 0 without conditions */
    xstate *states;
    int *pool;
    int n, cap;
    tslot *table;
    size_t tcap;
    hentry *heap;
    int nh, hcap;
    unsigned seq;
    int max_states;
    int overflow;
    int nomem;
} expert;

static uint64_t state_hash(int node, const int *vars, int nv)
{
    uint64_t h = (uint64_t)(unsigned)node * 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < nv; i++)
        h = (h ^ (uint64_t)(unsigned)vars[i]) * 0xBF58476D1CE4E5B9ull + 0x94D049BB133111EBull;
    /* splitmix64's finaliser: every input bit reaches the low bits we index by. */
    h ^= h >> 30;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 27;
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 31);
}

static int table_grow(expert *x)
{
    size_t ncap = x->tcap ? x->tcap * 2 : 1024;
    tslot *t = malloc(sizeof(tslot) * ncap);
    if (!t)
        return 0;
    for (size_t k = 0; k < ncap; k++)
        t[k].idx = -1;
    for (int i = 0; i < x->n; i++) {
        uint64_t h = state_hash(x->states[i].node, x->pool + (size_t)i * (size_t)x->nv, x->nv);
        size_t k = (size_t)h & (ncap - 1);
        while (t[k].idx >= 0)
            k = (k + 1) & (ncap - 1);
        t[k].tag = (uint32_t)(h >> 32);
        t[k].idx = i;
    }
    free(x->table);
    x->table = t;
    x->tcap = ncap;
    return 1;
}

/* Index of the state (node, vars); *created says whether it is new. -1 when
 * the state budget is spent or memory ran out. */
static int state_get(expert *x, int node, const int *vars, int *created)
{
    *created = 0;
    if ((size_t)(x->n + 1) * 2 > x->tcap && !table_grow(x)) {
        x->nomem = 1;
        return -1;
    }
    uint64_t h = state_hash(node, vars, x->nv);
    uint32_t tag = (uint32_t)(h >> 32);
    size_t k = (size_t)h & (x->tcap - 1);
    while (x->table[k].idx >= 0) {
        int i = x->table[k].idx;
        if (x->table[k].tag == tag && x->states[i].node == node &&
            memcmp(x->pool + (size_t)i * (size_t)x->nv, vars, sizeof(int) * (size_t)x->nv) == 0)
            return i;
        k = (k + 1) & (x->tcap - 1);
    }
    if (x->n >= x->max_states) {
        x->overflow = 1;
        return -1;
    }
    if (x->n == x->cap) {
        int cap = x->cap ? x->cap * 2 : 1024;
        xstate *s = realloc(x->states, sizeof(xstate) * (size_t)cap);
        if (!s) {
            x->nomem = 1;
            return -1;
        }
        x->states = s;
        int *p = realloc(x->pool, sizeof(int) * (size_t)cap * (size_t)(x->nv ? x->nv : 1));
        if (!p) {
            x->nomem = 1;
            return -1;
        }
        x->pool = p;
        x->cap = cap;
    }
    int i = x->n++;
    x->states[i] = (xstate){ node, 0, -1, -1, 0 };
    memcpy(x->pool + (size_t)i * (size_t)x->nv, vars, sizeof(int) * (size_t)x->nv);
    x->table[k].tag = tag;
    x->table[k].idx = i;
    *created = 1;
    return i;
}

static int heap_before(const hentry *a, const hentry *b)
{
    if (a->f != b->f)
        return a->f > b->f;
    if (a->g != b->g)
        return a->g > b->g;
    return a->seq < b->seq;
}

static void heap_push(expert *x, int state, int g, int f)
{
    if (x->nh == x->hcap) {
        /* Stale entries make the heap outgrow the states: same budget. */
        if (x->hcap >= 2 * x->max_states) {
            x->overflow = 1;
            return;
        }
        int cap = x->hcap ? x->hcap * 2 : 1024;
        hentry *h = realloc(x->heap, sizeof(hentry) * (size_t)cap);
        if (!h) {
            x->nomem = 1;
            return;
        }
        x->heap = h;
        x->hcap = cap;
    }
    hentry e = { f, g, x->seq++, state };
    int i = x->nh++;
    while (i > 0 && heap_before(&e, &x->heap[(i - 1) / 2])) {
        x->heap[i] = x->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    x->heap[i] = e;
}

static hentry heap_pop(expert *x)
{
    hentry top = x->heap[0], e = x->heap[--x->nh];
    int i = 0;
    for (;;) {
        int c = 2 * i + 1;
        if (c >= x->nh)
            break;
        if (c + 1 < x->nh && heap_before(&x->heap[c + 1], &x->heap[c]))
            c++;
        if (!heap_before(&x->heap[c], &e))
            break;
        x->heap[i] = x->heap[c];
        i = c;
    }
    if (x->nh > 0)
        x->heap[i] = e;
    return top;
}

/* Offers the state (node, vars) reached from `from` with score g. */
static void relax(expert *x, int node, const int *vars, int g, int from, int opt)
{
    if (x->hi[node] == NONE)
        return;
    int created;
    int c = state_get(x, node, vars, &created);
    if (c < 0 || x->states[c].closed || (!created && g <= x->states[c].g))
        return;
    x->states[c].g = g;
    x->states[c].parent = from;
    x->states[c].opt = opt;
    heap_push(x, c, g, g + x->hi[node]);
}

/* The goal state (an ending on a best path), or -1: no ending is reachable
 * with the conditions honoured, or the search stopped (x->overflow/nomem). */
static int expert_solve(expert *x, const int *start_vars)
{
    const sp_scenario *sc = x->sc;
    int NV = sc->n_vars;
    size_t nvb = (size_t)(NV ? NV : 1);
    int *vars = malloc(sizeof(int) * nvb), *next = malloc(sizeof(int) * nvb);
    if (!vars || !next) {
        free(vars);
        free(next);
        x->nomem = 1;
        return -1;
    }
    int goal = -1;
    relax(x, sc->start, start_vars, 0, -1, -1);
    while (x->nh > 0 && !x->overflow && !x->nomem) {
        hentry e = heap_pop(x);
        xstate *st = &x->states[e.state];
        if (st->closed || e.g != st->g)
            continue;
        st->closed = 1;
        const sp_node *n = node_at(sc, st->node);
        memcpy(vars, x->pool + (size_t)e.state * (size_t)x->nv, sizeof(int) * (size_t)x->nv);
        if (x->nv < NV) /* no conditions: the key holds no variables */
            memset(vars, 0, sizeof(int) * (size_t)NV);
        sp_effects_apply(sc, vars, n->effects, n->n_effects);
        if (n->kind == SP_NODE_ENDING) {
            goal = e.state;
            break;
        }
        if (n->kind == SP_NODE_GOTO) {
            relax(x, sp_node_goto(n, vars), vars, e.g, e.state, -1);
            continue;
        }
        for (int j = 0; j < n->n_options && !x->overflow && !x->nomem; j++) {
            const sp_option *o = &n->options[j];
            if (!sp_cond_eval(o->cond, vars))
                continue;
            memcpy(next, vars, sizeof(int) * (size_t)NV);
            sp_effects_apply(sc, next, o->effects, o->n_effects);
            relax(x, o->target, next, e.g + sp_option_total(o), e.state, j);
        }
    }
    free(vars);
    free(next);
    return x->overflow || x->nomem ? -1 : goal;
}

/* ---- putting it together ------------------------------------------------- */

void sp_analysis_free(sp_analysis *a)
{
    if (!a)
        return;
    free(a->reachable);
    free(a->goal_max);
    free(a->goal_min);
    free(a->best_nodes);
    free(a->best_options);
    free(a->interventions);
    free(a->flags);
    free(a->thoughts);
    free(a);
}

static int scenario_has_conditions(const sp_scenario *sc)
{
    for (int v = 0; v < sc->n_nodes; v++) {
        const sp_node *n = node_at(sc, v);
        for (int i = 0; i < n->n_gotos; i++)
            if (n->gotos[i].cond)
                return 1;
        for (int i = 0; i < n->n_options; i++)
            if (n->options[i].cond)
                return 1;
    }
    return 0;
}

static void add_best(sp_analysis *a, int node, int option)
{
    a->best_nodes[a->n_best] = node;
    a->best_options[a->n_best] = option;
    a->n_best++;
}

/* The expert path honouring conditions; 0 when the search gave up (state
 * budget) or found no path. */
static int expert_path(const sp_scenario *sc, const bounds *b, sp_analysis *a, int *nomem)
{
    expert x;
    memset(&x, 0, sizeof x);
    x.sc = sc;
    x.hi = b->hi;
    x.nv = scenario_has_conditions(sc) ? sc->n_vars : 0;
    /* per state: the xstate, its variables, two hash slots (load <= 1/2)
     * and up to two queue entries */
    size_t per_state = sizeof(xstate) + sizeof(int) * (size_t)x.nv + 2 * sizeof(tslot) +
                       2 * sizeof(hentry);
    x.max_states = EXPERT_BUDGET / per_state < EXPERT_MAX_STATES ? (int)(EXPERT_BUDGET / per_state)
                                                                : EXPERT_MAX_STATES;
    int *start = calloc((size_t)(sc->n_vars ? sc->n_vars : 1), sizeof(int));
    int ok = 0;
    if (start) {
        for (int i = 0; i < sc->n_vars; i++)
            start[i] = sc->vars[i].init;
        int goal = expert_solve(&x, start);
        if (goal >= 0) {
            for (int i = goal; x.states[i].parent >= 0; i = x.states[i].parent)
                if (x.states[i].opt >= 0)
                    add_best(a, x.states[x.states[i].parent].node, x.states[i].opt);
            for (int i = 0, j = a->n_best - 1; i < j; i++, j--) {
                int tn = a->best_nodes[i], to = a->best_options[i];
                a->best_nodes[i] = a->best_nodes[j];
                a->best_options[i] = a->best_options[j];
                a->best_nodes[j] = tn;
                a->best_options[j] = to;
            }
            ok = 1;
        }
    }
    *nomem = x.nomem || !start;
    free(start);
    free(x.states);
    free(x.pool);
    free(x.table);
    free(x.heap);
    return ok;
}

/* When the search gave up: play greedily with the conditions honoured,
 * taking at each decision the offered option with the best bound (its
 * delta plus the best still possible after it). A real play, though not
 * always the best one; 0 when it runs into a decision with nothing on offer. */
static int greedy_path(const sp_scenario *sc, const bounds *b, sp_analysis *a)
{
    int *vars = calloc((size_t)(sc->n_vars ? sc->n_vars : 1), sizeof(int));
    if (!vars)
        return 0;
    for (int i = 0; i < sc->n_vars; i++)
        vars[i] = sc->vars[i].init;
    int v = sc->start, ok = 0;
    for (int guard = 0; guard <= sc->n_nodes; guard++) {
        const sp_node *n = node_at(sc, v);
        sp_effects_apply(sc, vars, n->effects, n->n_effects);
        if (n->kind == SP_NODE_ENDING) {
            ok = 1;
            break;
        }
        if (n->kind == SP_NODE_GOTO) {
            v = sp_node_goto(n, vars);
            continue;
        }
        int bj = -1, bv = 0;
        for (int j = 0; j < n->n_options; j++) {
            const sp_option *o = &n->options[j];
            if (!sp_cond_eval(o->cond, vars) || b->hi[o->target] == NONE)
                continue;
            int t = sp_option_total(o) + b->hi[o->target];
            if (bj < 0 || t > bv) {
                bj = j;
                bv = t;
            }
        }
        if (bj < 0)
            break;
        add_best(a, v, bj);
        sp_effects_apply(sc, vars, n->options[bj].effects, n->options[bj].n_effects);
        v = n->options[bj].target;
    }
    free(vars);
    return ok;
}

/* Fallback: follow the pass-2 optimum, conditions ignored. */
static void bounds_path(const sp_scenario *sc, const bounds *b, sp_analysis *a)
{
    int v = sc->start;
    while (b->hi[v] != NONE && node_at(sc, v)->kind != SP_NODE_ENDING) {
        const sp_node *n = node_at(sc, v);
        int bj = -1, bv = NONE;
        for (int j = 0; j < n_succ(n); j++) {
            int w = succ(n, j);
            if (b->hi[w] == NONE)
                continue;
            int t = b->hi[w] + (n->kind == SP_NODE_GOTO ? 0 : sp_option_total(&n->options[j]));
            if (bj < 0 || t > bv) {
                bj = j;
                bv = t;
            }
        }
        if (n->kind != SP_NODE_GOTO)
            add_best(a, v, bj);
        v = succ(n, bj);
    }
}

/* 0 on out-of-memory. */
static int coverage(const sp_scenario *sc, sp_analysis *a)
{
    const sp_handbook *hb = sc->handbook;
    int nt = hb ? hb->n_thoughts : 0;
    unsigned char *sides = calloc((size_t)(nt ? nt : 1), 1); /* bit 1 hindering, 2 helpful */
    if (!sides)
        return 0;
    for (int v = 0; v < sc->n_nodes; v++) {
        if (!a->reachable[v])
            continue;
        const sp_node *n = node_at(sc, v);
        for (int i = 0; i < n->n_flags; i++)
            a->flags[n->flags[i].flag] = 1;
        for (int j = 0; j < n->n_options; j++) {
            const sp_option *o = &n->options[j];
            for (int i = 0; i < o->n_interventions; i++)
                a->interventions[o->interventions[i]] = 1;
            if (o->thought >= 0 && o->side != SP_SIDE_NONE)
                sides[o->thought] |= o->side == SP_SIDE_HINDERING ? 1 : 2;
        }
    }
    for (int i = 0; i < nt; i++)
        a->thoughts[i] = sides[i] == 3;
    free(sides);
    return 1;
}

sp_status sp_analysis_run(const sp_scenario *sc, sp_analysis **out)
{
    *out = NULL;
    if (!sc || sc->n_nodes <= 0 || sc->start < 0 || sc->start >= sc->n_nodes)
        return SP_EUSAGE;
    const sp_handbook *hb = sc->handbook;
    int G = hb ? hb->n_goals : 0;
    size_t N = (size_t)sc->n_nodes;
    sp_analysis *a = calloc(1, sizeof *a);
    if (!a)
        return SP_ENOMEM;
    a->n_nodes = sc->n_nodes;
    a->reachable = calloc(N, 1);
    a->goal_max = calloc((size_t)(G ? G : 1), sizeof(int));
    a->goal_min = calloc((size_t)(G ? G : 1), sizeof(int));
    a->best_nodes = calloc(N, sizeof(int));
    a->best_options = calloc(N, sizeof(int));
    a->interventions = calloc((size_t)(hb && hb->n_interventions ? hb->n_interventions : 1), 1);
    a->flags = calloc((size_t)(hb && hb->n_redflags ? hb->n_redflags : 1), 1);
    a->thoughts = calloc((size_t)(hb && hb->n_thoughts ? hb->n_thoughts : 1), 1);
    int *order = malloc(sizeof(int) * N);
    bounds b = { G, malloc(sizeof(int) * N), malloc(sizeof(int) * N),
                 malloc(sizeof(int) * N * (size_t)(G ? G : 1)),
                 malloc(sizeof(int) * N * (size_t)(G ? G : 1)) };
    sp_status rc = SP_OK;
    if (!a->reachable || !a->goal_max || !a->goal_min || !a->best_nodes || !a->best_options ||
        !a->interventions || !a->flags || !a->thoughts || !order || !b.hi || !b.lo || !b.ghi || !b.glo) {
        rc = SP_ENOMEM;
        goto done;
    }

    int k = topo_order(sc, a->reachable, order);
    if (k < 0) {
        rc = k == -1 ? SP_EINVAL : SP_ENOMEM;
        goto done;
    }
    for (size_t v = 0; v < N; v++)
        a->reachable[v] = a->reachable[v] != 0;
    for (int i = 0; i < k; i++) {
        const sp_node *n = node_at(sc, order[i]);
        if (n->kind == SP_NODE_DECISION || n->kind == SP_NODE_THOUGHT)
            a->n_decisions++;
        else if (n->kind == SP_NODE_ENDING)
            a->n_endings++;
        bounds_node(sc, &b, order[i]);
    }
    int s = sc->start;
    a->max_total = b.hi[s] == NONE ? 0 : b.hi[s];
    a->min_total = b.lo[s] == NONE ? 0 : b.lo[s];
    for (int g = 0; g < G; g++) {
        int hi = b.ghi[(size_t)s * (size_t)G + (size_t)g], lo = b.glo[(size_t)s * (size_t)G + (size_t)g];
        a->goal_max[g] = hi == NONE ? 0 : hi;
        a->goal_min[g] = lo == NONE ? 0 : lo;
    }

    int nomem = 0;
    if (!expert_path(sc, &b, a, &nomem)) {
        if (nomem) {
            rc = SP_ENOMEM;
            goto done;
        }
        a->n_best = 0;
        if (!greedy_path(sc, &b, a)) {
            a->n_best = 0;
            bounds_path(sc, &b, a);
        }
    }
    if (!coverage(sc, a))
        rc = SP_ENOMEM;

done:
    free(order);
    free(b.hi);
    free(b.lo);
    free(b.ghi);
    free(b.glo);
    if (rc != SP_OK) {
        sp_analysis_free(a);
        return rc;
    }
    *out = a;
    return SP_OK;
}
