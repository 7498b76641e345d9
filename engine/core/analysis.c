/* analysis.c: static analysis of a scenario graph: reachability, score bounds, the expert path and coverage. */
#include "analysis.h"
#include "cond.h"

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
 * 3. The expert path honours conditions and effects: a depth-first search
 *    over states (node, variables on arrival), memoised in a hash table
 *    keyed by the node and the variable vector. Conversations are short and
 *    variables few, so the number of distinct states stays small in
 *    practice; when it passes its cap (EXPERT_MAX_STATES, fewer when many
 *    variables make each state big) or when no path at all reaches an
 *    ending with the conditions honoured, we fall back to the pass-2
 *    optimum, which ignores conditions. When the scenario has no
 *    condition at all, variables cannot change which options are offered,
 *    so states are keyed by node alone.
 *    Ties go to the first option in file order.
 */

/* The state search stops at EXPERT_MAX_STATES states or when its tables
 * would pass EXPERT_BUDGET bytes, whichever comes first: about 0.5 s and
 * 30 MB on a 5,000-node case with one 0..100 variable (500,000 states). */
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

static int goal_delta(const sp_option *o, int g)
{
    int d = 0;
    for (int i = 0; i < o->n_scores; i++)
        if (o->scores[i].goal == g)
            d += o->scores[i].delta;
    return d;
}

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
            int dg = o ? goal_delta(o, g) : 0;
            if (ghi[g] == NONE || cghi[g] + dg > ghi[g])
                ghi[g] = cghi[g] + dg;
            if (glo[g] == NONE || cglo[g] + dg < glo[g])
                glo[g] = cglo[g] + dg;
        }
    }
}

/* ---- pass 3: the expert path -------------------------------------------- */

/*
 * A state is a node plus the variables on arrival (before its own effects).
 * states[] holds them; vars of state i live at pool[i * nv]. The hash table
 * maps (node, vars) to a state index. A state's value is the best total from
 * it to an ending; `next` is the state it continues to and `opt` the option
 * taken there (-1 at a goto).
 */
typedef struct {
    int node;
    int value;
    int next;
    int opt;
    int done;
} xstate;

/* A hash slot keeps the upper hash bits beside the index, so a probe that
 * misses rarely has to touch the state itself. */
typedef struct {
    uint32_t tag;
    int idx;
} tslot;

typedef struct {
    const sp_scenario *sc;
    int nv;              /* variables in the key: n_vars, or 0 without conditions */
    xstate *states;
    int *pool;
    int n, cap;
    tslot *table;        /* idx -1: empty */
    size_t tcap;
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

/* Index of the state (node, vars), created when new; -1 on overflow/OOM. */
static int state_get(expert *x, int node, const int *vars)
{
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
    x->states[i] = (xstate){ node, NONE, -1, -1, 0 };
    memcpy(x->pool + (size_t)i * (size_t)x->nv, vars, sizeof(int) * (size_t)x->nv);
    x->table[k].tag = tag;
    x->table[k].idx = i;
    return i;
}

static void apply(const sp_scenario *sc, int *vars, const sp_effect *e, int n)
{
    for (int i = 0; i < n; i++) {
        const sp_var *v = &sc->vars[e[i].var];
        long value = e[i].op == SP_EFFECT_SET ? e[i].value : (long)vars[e[i].var] + e[i].value;
        vars[e[i].var] = (int)(value < v->min ? v->min : value > v->max ? v->max : value);
    }
}

/* One frame of the explicit DFS stack: the state being solved, its
 * variables after the node's own effects, the next option to try and the
 * child it is waiting for. */
typedef struct {
    int state;
    int next;
    int wait, wait_opt;
} xframe;

/* Solves the start state. Returns the start state index or -1 (overflow,
 * out of memory). vars buffers: (depth + 2) * n_vars ints, depth <= n_nodes. */
static int expert_solve(expert *x, const int *start_vars)
{
    const sp_scenario *sc = x->sc;
    int NV = sc->n_vars;
    size_t nvb = (size_t)(NV ? NV : 1);
    xframe *stack = malloc(sizeof(xframe) * ((size_t)sc->n_nodes + 1));
    int *fvars = malloc(sizeof(int) * nvb * ((size_t)sc->n_nodes + 2));
    int *tmp = malloc(sizeof(int) * nvb);
    if (!stack || !fvars || !tmp) {
        free(stack);
        free(fvars);
        free(tmp);
        x->nomem = 1;
        return -1;
    }
    int root = state_get(x, sc->start, start_vars);
    int sp = 0;
    if (root >= 0) {
        stack[0] = (xframe){ root, 0, -1, -1 };
        memcpy(fvars, start_vars, sizeof(int) * (size_t)NV);
        apply(sc, fvars, sc->nodes[sc->start].effects, sc->nodes[sc->start].n_effects);
        sp = 1;
    }
    /* states[] may move while a frame works (state_get grows it), so a
     * frame reaches its own state through the index, never a pointer. */
#define ST (x->states[f->state])
    while (sp > 0 && !x->overflow && !x->nomem) {
        xframe *f = &stack[sp - 1];
        int *vars = fvars + (size_t)(sp - 1) * nvb;
        const sp_node *n = node_at(sc, ST.node);
        if (f->wait >= 0) {
            int cv = x->states[f->wait].value;
            int t = f->wait_opt >= 0 ? sp_option_total(&n->options[f->wait_opt]) : 0;
            if (cv != NONE && (ST.value == NONE || cv + t > ST.value)) {
                ST.value = cv + t;
                ST.next = f->wait;
                ST.opt = f->wait_opt;
            }
            f->wait = -1;
        }
        int child = -1, child_opt = -1;
        if (n->kind == SP_NODE_ENDING) {
            ST.value = 0;
        } else if (n->kind == SP_NODE_GOTO) {
            if (f->next == 0) {
                int to = n->gotos[n->n_gotos - 1].target;
                for (int i = 0; i < n->n_gotos; i++)
                    if (x->nv == 0 || sp_cond_eval(n->gotos[i].cond, vars)) {
                        to = n->gotos[i].target;
                        break;
                    }
                f->next = 1;
                memcpy(tmp, vars, sizeof(int) * (size_t)NV);
                child = state_get(x, to, tmp);
                if (child < 0)
                    break;
            }
        } else {
            while (f->next < n->n_options && child < 0) {
                int j = f->next++;
                const sp_option *o = &n->options[j];
                if (x->nv > 0 && !sp_cond_eval(o->cond, vars))
                    continue;
                memcpy(tmp, vars, sizeof(int) * (size_t)NV);
                apply(sc, tmp, o->effects, o->n_effects);
                int c = state_get(x, o->target, tmp);
                if (c < 0)
                    break;
                child = c;
                child_opt = j;
            }
            if (x->overflow || x->nomem)
                break;
        }
        if (child >= 0) {
            f->wait = child;
            f->wait_opt = child_opt;
            if (x->states[child].done)
                continue; /* solved before: taken in at the top of the loop */
            int *cvars = fvars + (size_t)sp * nvb;
            memcpy(cvars, tmp, sizeof(int) * (size_t)NV);
            const sp_node *cn = node_at(sc, x->states[child].node);
            apply(sc, cvars, cn->effects, cn->n_effects);
            stack[sp++] = (xframe){ child, 0, -1, -1 };
            continue;
        }
        ST.done = 1;
        sp--;
    }
#undef ST
    free(stack);
    free(fvars);
    free(tmp);
    if (x->overflow || x->nomem || root < 0)
        return -1;
    return root;
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

/* The expert path honouring conditions; 0 when it had to give up. */
static int expert_path(const sp_scenario *sc, sp_analysis *a, int *nomem)
{
    expert x;
    memset(&x, 0, sizeof x);
    x.sc = sc;
    x.nv = scenario_has_conditions(sc) ? sc->n_vars : 0;
    /* per state: the xstate, its variables, two hash slots (load <= 1/2) */
    size_t per_state = sizeof(xstate) + sizeof(int) * (size_t)x.nv + 2 * sizeof(tslot);
    x.max_states = EXPERT_BUDGET / per_state < EXPERT_MAX_STATES ? (int)(EXPERT_BUDGET / per_state)
                                                                : EXPERT_MAX_STATES;
    int *start = calloc((size_t)(sc->n_vars ? sc->n_vars : 1), sizeof(int));
    int ok = 0;
    if (start) {
        for (int i = 0; i < sc->n_vars; i++)
            start[i] = sc->vars[i].init;
        int root = expert_solve(&x, start);
        if (root >= 0 && x.states[root].value != NONE) {
            for (int i = root; i >= 0; i = x.states[i].next) {
                const sp_node *n = node_at(sc, x.states[i].node);
                if (n->kind == SP_NODE_DECISION || n->kind == SP_NODE_THOUGHT)
                    add_best(a, x.states[i].node, x.states[i].opt);
            }
            ok = 1;
        }
    }
    *nomem = x.nomem || !start;
    free(start);
    free(x.states);
    free(x.pool);
    free(x.table);
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
    if (!expert_path(sc, a, &nomem)) {
        if (nomem) {
            rc = SP_ENOMEM;
            goto done;
        }
        a->n_best = 0;
        bounds_path(sc, &b, a);
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
