/* analysis_check.c: the author's checks over every reachable state: dead ends, ending coherence, detours, answer tells, translation coverage. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*
 * One search of the value function in `check` mode (analysis_value.c) keeps
 * every reachable state and its edges. The state graph is acyclic and the
 * search finished children before parents, so one pass from the start
 * state (last) down to 0 visits every state after all its parents: the
 * forward figures (the lowest and highest total that reaches a state, and
 * whether a play with only hindering thoughts reaches it) need no search of
 * their own and no condition evaluated again.
 */

#define UNSET INT_MIN

void sp_check_free(sp_check *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n_endings; i++) {
        sp_free(c->endings[i].lo_path.nodes);
        sp_free(c->endings[i].lo_path.options);
        sp_free(c->endings[i].hind_path.nodes);
        sp_free(c->endings[i].hind_path.options);
    }
    sp_free(c->endings);
    sp_free((void *)c->dead);
    sp_free(c->detours);
    sp_free(c->short_path.nodes);
    sp_free(c->short_path.options);
    sp_free(c->long_path.nodes);
    sp_free(c->long_path.options);
    sp_analysis_free(c->a);
    sp_value_free(c->lean);
    sp_free(c);
}

/* The state whose edges hold edges[x]: its place in the finishing order,
 * which is at least from (a route upwards meets its states in that
 * order, so the search gallops on from the last one). */
static int edge_parent(const sp_ckgraph *g, size_t x, int from)
{
    int lo = from, step = 1;
    while (lo + step < g->K && g->eo[lo + step] <= x) {
        lo += step;
        step *= 2;
    }
    int hi = lo + step < g->K ? lo + step - 1 : g->K - 1;
    while (lo < hi) {
        int mid = lo + (hi - lo + 1) / 2;
        if (g->eo[mid] <= x)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

/* The edge by which slot k was reached: -1 the lowest total, 0/1 the
 * hindering route's bit b (which becomes the parent's bit). */
static int link_of(const sp_ckgraph *g, int k, int *b)
{
    const sp_ckslot *s = &g->slot[k];
    if (*b < 0)
        return s->f.elo;
    int e = s->f.pe[*b];
    *b = (s->f.hf >> (2 + *b)) & 1;
    return e;
}

/* A route from the start to the state in slot k, by the links of bit (-1: the lowest
 * total; 1: the hindering route). 0 on out-of-memory. */
static int route_to(const sp_ckgraph *g, int bit, int k, sp_apath *out)
{
    const sp_value *v = g->v;
    int n = 0, cap = 64, at = 0;
    out->n = 0;
    out->nodes = sp_malloc(sizeof(int) * (size_t)cap);
    out->options = sp_malloc(sizeof(int) * (size_t)cap);
    for (int x = k, b = bit, e; out->nodes && out->options && (e = link_of(g, x, &b)) >= 0; n++) {
        at = edge_parent(g, (size_t)e, at);
        x = g->order[at];
        if (n == cap) {
            cap *= 2;
            int *nn = sp_realloc(out->nodes, sizeof(int) * (size_t)cap);
            if (nn)
                out->nodes = nn;
            int *no = nn ? sp_realloc(out->options, sizeof(int) * (size_t)cap) : NULL;
            if (!no)
                return 0;
            out->options = no;
        }
        out->nodes[n] = sp_ck_node(g, x);
        out->options[n] = sp_value_edge_option(v, (size_t)e);
    }
    if (!out->nodes || !out->options)
        return 0;
    /* Collected from the end: start first, then the decisions only (not the gotos). */
    for (int q = 0; q < n / 2; q++) {
        int nd = out->nodes[q], op = out->options[q];
        out->nodes[q] = out->nodes[n - 1 - q];
        out->options[q] = out->options[n - 1 - q];
        out->nodes[n - 1 - q] = nd;
        out->options[n - 1 - q] = op;
    }
    for (int q = 0; q < n; q++)
        if (g->sc->nodes[out->nodes[q]].kind != SP_NODE_GOTO) {
            out->nodes[out->n] = out->nodes[q];
            out->options[out->n++] = out->options[q];
        }
    return 1;
}

/* ---- ending coherence ------------------------------------------------------- */

#define LO_UNSET INT_MAX

/*
 * The forward pass visits every state after all its parents. Ties keep the
 * first parent met in decreasing finishing order (the order the search
 * left behind), then its first edge. The edges lie in edges[] in finishing
 * order, so a link by an edge below x0 (the first edge of the parent at
 * hand) came from a parent finished earlier, which the parent at hand beats;
 * one at x0 or above came from this parent or one finished later, which is
 * kept. That makes the result the same whatever topological order the
 * states are visited in: by node (dense layout: the slots of a node lie
 * together, and so do its children's) or in finishing order.
 */

/* The hindering-route links of edge x (of a state whose flags are hf and
 * whose first edge is x0) into the child c. At a thought both bits of the
 * parent lead to bit 1, and bit 0 comes first. */
static inline void forward_hind(sp_ckslot *c, size_t x, size_t x0, unsigned hf, int thought)
{
    for (int b = 0; b < 2; b++) {
        int nb = b || thought;
        if (!(hf & (1u << b)) || ((c->f.hf & (1u << nb)) && (size_t)c->f.pe[nb] >= x0))
            continue;
        c->f.hf = (c->f.hf & ~(1u << (2 + nb))) | 1u << nb | (unsigned)b << (2 + nb);
        c->f.pe[nb] = (int)x;
    }
}

/* The totals of the parent (phi, plo) plus t reach the child c by the edge x. */
static inline void forward_edge(sp_ckslot *c, int phi, int plo, int t, size_t x, size_t x0)
{
    int up = phi + t, down = plo + t;
    c->f.hi = up > c->f.hi ? up : c->f.hi;
    if (down < c->f.lo || (down == c->f.lo && (long long)c->f.elo < (long long)x0)) {
        c->f.lo = down;
        c->f.elo = (int)x;
    }
}

/* Passes the totals of the state in slot k (order[i]) on to its children
 * (hind: per option, 1 when a hindering route goes on along it).
 * What the loop reads of v and g is held in locals: the stores into the
 * slots could alias them, and they would be read again for every edge. */
static void forward_state(const sp_ckgraph *g, const unsigned char *hind, int i, int k)
{
    const sp_value *v = g->v;
    sp_ckslot *sl = g->slot;
    int phi = sl[k].f.hi, plo = sl[k].f.lo;
    unsigned hf = sl[k].f.hf;
    if (phi == UNSET)
        return;
    int node = sp_ck_node(g, k);
    const sp_vnode *vn = &v->nodes[node];
    const size_t x0 = g->eo[i], x1 = g->eo[i + 1], es = sp_value_edge_size(v);
    if (vn->kind == SP_NODE_GOTO) { /* no total of its own */
        for (size_t x = x0; x < x1; x += es) {
            sp_ckslot *c = &sl[sp_value_edge_child(v, x)];
            forward_edge(c, phi, plo, 0, x, x0);
            if (hf)
                forward_hind(c, x, x0, hf, 0);
        }
        return;
    }
    const int *ot = g->otot + vn->base;
    if (v->eshift && !hf) { /* one word an edge, no hindering route */
        const uint32_t *edges = v->edges, emask = v->emask;
        const unsigned eshift = (unsigned)v->eshift;
        for (size_t x = x0; x < x1; x++)
            forward_edge(&sl[edges[x] & emask], phi, plo, ot[edges[x] >> eshift], x, x0);
        return;
    }
    int thought = vn->kind == SP_NODE_THOUGHT;
    const unsigned char *keep = hind + vn->base;
    for (size_t x = x0; x < x1; x += es) {
        int j = sp_value_edge_option(v, x);
        sp_ckslot *c = &sl[sp_value_edge_child(v, x)];
        forward_edge(c, phi, plo, ot[j], x, x0);
        if (hf && keep[j])
            forward_hind(c, x, x0, hf, thought);
    }
}

_Static_assert(SP_ANALYSIS_MAX_STATES < (1 << 24), "a place in the finishing order fits sp_ckslot's 24 bits");

/* The state order[i] before the pass: nothing reaches it yet. */
static void forward_init(sp_ckslot *s, int i)
{
    s->f.hi = UNSET;
    s->f.lo = LO_UNSET;
    s->f.hf = 0;
    s->f.at = (unsigned)i;
    s->f.elo = s->f.pe[0] = s->f.pe[1] = -1;
}

static void forward_root(const sp_ckgraph *g)
{
    sp_ckslot *root = &g->slot[g->order[g->K - 1]];
    root->f.hi = root->f.lo = 0;
    root->f.hf = 1;
}

/* The nodes parents first (Kahn), into topo. 0 on a cycle. */
static int nodes_topological(const sp_scenario *sc, int *topo, int *indeg)
{
    int N = sc->n_nodes, n = 0;
    memset(indeg, 0, sizeof(int) * (size_t)N);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < sc->nodes[i].n_options; j++)
            indeg[sc->nodes[i].options[j].target]++;
        for (int j = 0; j < sc->nodes[i].n_gotos; j++)
            indeg[sc->nodes[i].gotos[j].target]++;
    }
    for (int i = 0; i < N; i++)
        if (indeg[i] == 0)
            topo[n++] = i;
    for (int q = 0; q < n; q++) {
        const sp_node *nd = &sc->nodes[topo[q]];
        for (int j = 0; j < nd->n_options; j++)
            if (--indeg[nd->options[j].target] == 0)
                topo[n++] = nd->options[j].target;
        for (int j = 0; j < nd->n_gotos; j++)
            if (--indeg[nd->gotos[j].target] == 0)
                topo[n++] = nd->gotos[j].target;
    }
    return n == N;
}

/* In the dense layout: node by node, parents first, the slots of a node
 * (and so its children's) lying together. 0 when it cannot (out of memory,
 * or not the dense layout); nothing is changed then. */
static int forward_by_node(const sp_ckgraph *g, const unsigned char *hind)
{
    const sp_value *v = g->v;
    int N = g->sc->n_nodes;
    if (!v->dense)
        return 0;
    int *topo = sp_malloc(sizeof(int) * (size_t)N * 2);
    int ok = topo && nodes_topological(g->sc, topo, topo + N);
    if (ok) {
        size_t per = (size_t)1 << v->bits;
        for (int i = 0; i < g->K; i++)
            forward_init(&g->slot[g->order[i]], i);
        forward_root(g);
        for (int q = 0; q < N; q++)
            for (size_t k = (size_t)topo[q] * per, end = k + per; k < end; k++)
                if (v->mark[k] == 2)
                    forward_state(g, hind, (int)g->slot[k].f.at, (int)k);
    }
    sp_free(topo);
    return ok;
}

/* Every state after all its parents: node by node where it can, else from
 * the start (last in the finishing order) down. 0 on out-of-memory. */
static int forward(const sp_ckgraph *g)
{
    const sp_scenario *sc = g->sc;
    unsigned char *hind = sp_malloc((size_t)(g->opt_base[sc->n_nodes] ? g->opt_base[sc->n_nodes] : 1));
    if (!hind)
        return 0;
    for (int i = 0; i < sc->n_nodes; i++)
        for (int j = 0; j < sc->nodes[i].n_options; j++)
            hind[g->opt_base[i] + j] = sc->nodes[i].kind != SP_NODE_THOUGHT ||
                                       sc->nodes[i].options[j].side == SP_SIDE_HINDERING;
    if (!forward_by_node(g, hind)) {
        for (int i = 0; i < g->K; i++)
            forward_init(&g->slot[g->order[i]], i);
        forward_root(g);
        for (int i = g->K - 1; i >= 0; i--)
            forward_state(g, hind, i, g->order[i]);
    }
    sp_free(hind);
    return 1;
}

static int kind_rank(sp_ending_kind k) { return k == SP_ENDING_GOOD ? 0 : k == SP_ENDING_MIXED ? 1 : 2; }

/* The endings the start values reach, in file order, with their ranges. */
static int endings_list(const sp_ckgraph *g, sp_check *c, int *lo_k, int *hind_k)
{
    const sp_scenario *sc = g->sc;
    int *at = sp_malloc(sizeof(int) * (size_t)sc->n_nodes); /* ending node -> index in c->endings */
    if (!at)
        return 0;
    for (int i = 0; i < sc->n_nodes; i++)
        at[i] = -1;
    for (int i = 0; i < g->K; i++)
        if (sc->nodes[sp_ck_node(g, g->order[i])].kind == SP_NODE_ENDING)
            at[sp_ck_node(g, g->order[i])] = 0;
    for (int i = 0; i < sc->n_nodes; i++)
        if (at[i] == 0) {
            at[i] = c->n_endings;
            c->endings[c->n_endings++] = (sp_ending_fit){ .node = i, .lo = UNSET, .hi = UNSET, .below = -1 };
            hind_k[at[i]] = -1;
        }
    for (int i = 0; i < g->K; i++) {
        int k = g->order[i], node = sp_ck_node(g, k);
        const sp_ckslot *s = &g->slot[k];
        if (at[node] < 0 || s->f.hi == UNSET)
            continue;
        sp_ending_fit *f = &c->endings[at[node]];
        if (f->hi == UNSET || s->f.hi > f->hi)
            f->hi = s->f.hi;
        if (f->lo == UNSET || s->f.lo < f->lo) {
            f->lo = s->f.lo;
            lo_k[at[node]] = k;
        }
        if ((s->f.hf & 2) && hind_k[at[node]] < 0)
            hind_k[at[node]] = k;
    }
    sp_free(at);
    return 1;
}

static int endings_fit(const sp_ckgraph *g, sp_check *c)
{
    const sp_scenario *sc = g->sc;
    int ok = 0;
    int *lo_k = sp_calloc((size_t)sc->n_nodes, sizeof(int));
    int *hind_k = sp_calloc((size_t)sc->n_nodes, sizeof(int));
    c->endings = sp_calloc((size_t)sc->n_nodes, sizeof *c->endings);
    if (g->K > 0 && lo_k && hind_k && c->endings) {
        ok = forward(g);
        ok = ok && endings_list(g, c, lo_k, hind_k);
    }
    for (int i = 0; ok && i < c->n_endings; i++) {
        sp_ending_fit *f = &c->endings[i];
        int rank = kind_rank(sc->nodes[f->node].ending_kind);
        for (int w = 0; w < c->n_endings; w++) {
            const sp_ending_fit *o = &c->endings[w];
            if (kind_rank(sc->nodes[o->node].ending_kind) > rank && o->hi > f->lo &&
                (f->below < 0 || o->hi > f->below_hi)) {
                f->below = o->node;
                f->below_hi = o->hi;
            }
        }
        ok = route_to(g, -1, lo_k[i], &f->lo_path);
        if (ok && rank == 0 && hind_k[i] >= 0) {
            f->hindering = 1;
            ok = route_to(g, 1, hind_k[i], &f->hind_path);
        }
    }
    sp_free(lo_k);
    sp_free(hind_k);
    return ok;
}

/* ---- translation coverage ------------------------------------------------------ */

static void text_cover(sp_check *c, const sp_text *t)
{
    if (t->n_paras) {
        for (int i = 0; i < t->n_paras; i++)
            if (t->paras[i].s[SP_LANG_NL] && t->paras[i].s[SP_LANG_NL][0]) {
                c->texts++;
                c->texts_en += t->paras[i].s[SP_LANG_EN] != NULL && t->paras[i].s[SP_LANG_EN][0];
            }
        return;
    }
    if (!t->s[SP_LANG_NL] || !t->s[SP_LANG_NL][0])
        return;
    c->texts++;
    c->texts_en += t->s[SP_LANG_EN] != NULL && t->s[SP_LANG_EN][0];
}

static void translations(const sp_scenario *sc, sp_check *c)
{
    const sp_text *top[] = { &sc->title, &sc->summary, &sc->briefing.you, &sc->briefing.meet,
                             &sc->briefing.situation, &sc->briefing.aim, &sc->reflection, &sc->handout };
    for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
        text_cover(c, top[i]);
    for (int i = 0; i < sc->n_cast; i++) {
        text_cover(c, &sc->cast[i].name);
        text_cover(c, &sc->cast[i].function);
    }
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *n = &sc->nodes[i];
        for (int k = 0; k < n->n_lines; k++)
            text_cover(c, &n->lines[k].text);
        for (int k = 0; k < n->n_flags; k++)
            text_cover(c, &n->flags[k].why);
        text_cover(c, &n->prompt);
        text_cover(c, &n->discuss);
        text_cover(c, &n->ending_title);
        text_cover(c, &n->evaluation);
        for (int k = 0; k < n->n_options; k++) {
            text_cover(c, &n->options[k].text);
            text_cover(c, &n->options[k].feedback);
        }
    }
}

/* ---- carried variables ------------------------------------------------------------ */

#define MAX_CUTS 64

static int cuts_of_text(const sp_text *t, int var, int *out, int n)
{
    for (int i = 0; i < t->n_paras; i++)
        n = sp_cond_cuts(t->paras[i].cond, var, out, n, MAX_CUTS);
    return n;
}

/* The constants var is compared with anywhere in the case. */
static int cuts_of(const sp_scenario *sc, int var, int *out)
{
    int n = 0;
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *nd = &sc->nodes[i];
        for (int k = 0; k < nd->n_gotos; k++)
            n = sp_cond_cuts(nd->gotos[k].cond, var, out, n, MAX_CUTS);
        for (int k = 0; k < nd->n_lines; k++) {
            n = sp_cond_cuts(nd->lines[k].cond, var, out, n, MAX_CUTS);
            n = cuts_of_text(&nd->lines[k].text, var, out, n);
        }
        for (int k = 0; k < nd->n_options; k++) {
            n = sp_cond_cuts(nd->options[k].cond, var, out, n, MAX_CUTS);
            n = cuts_of_text(&nd->options[k].text, var, out, n);
            n = cuts_of_text(&nd->options[k].feedback, var, out, n);
        }
        n = cuts_of_text(&nd->prompt, var, out, n);
        n = cuts_of_text(&nd->evaluation, var, out, n);
    }
    return n;
}

/* A trajectory starts a case with carried values. Reachability and dead
 * ends are also searched from the start values with one carried variable
 * (that some condition reads) changed to each value its conditions tell
 * apart: its min and max and every constant it is compared with, one
 * below and one above. The memo is shared, so states already known cost
 * nothing. The figures stay those of the start values. */
static sp_status carried_starts(const sp_scenario *sc, sp_value *v, int *vars)
{
    int cuts[MAX_CUTS], vals[3 * MAX_CUTS + 2], top;
    for (int k = 0; k < sc->n_vars; k++)
        vars[k] = sc->vars[k].init;
    sp_status rc0 = sp_value_enter(v, sc->start, vars, &top);
    if (rc0 != SP_OK)
        return rc0;
    for (int r = 0; r < v->nrel; r++) {
        int var = v->rel[r];
        const sp_var *x = &sc->vars[var];
        if (!x->carry)
            continue;
        int nc = cuts_of(sc, var, cuts), nv = 0;
        vals[nv++] = x->min;
        vals[nv++] = x->max;
        for (int i = 0; i < nc; i++)
            for (int d = -1; d <= 1; d++)
                if ((long)cuts[i] + d >= x->min && (long)cuts[i] + d <= x->max)
                    vals[nv++] = cuts[i] + d;
        for (int i = 0; i < nv; i++) {
            int dup = vals[i] == x->init;
            for (int k = 0; k < i && !dup; k++)
                dup = vals[k] == vals[i];
            if (dup)
                continue;
            for (int k = 0; k < sc->n_vars; k++)
                vars[k] = sc->vars[k].init;
            vars[var] = vals[i];
            sp_status rc = sp_value_enter(v, sc->start, vars, &top);
            if (rc != SP_OK)
                return rc;
        }
    }
    return SP_OK;
}

/* ---- putting it together ------------------------------------------------------ */

/* 1 when a carried variable is read by a condition of an option or a goto. */
static int carries(const sp_scenario *sc)
{
    unsigned char *used = sp_calloc((size_t)(sc->n_vars ? sc->n_vars : 1), 1);
    int yes = 0;
    if (!used)
        return 1;
    for (int i = 0; i < sc->n_nodes; i++) {
        for (int k = 0; k < sc->nodes[i].n_gotos; k++)
            sp_cond_vars(sc->nodes[i].gotos[k].cond, used);
        for (int k = 0; k < sc->nodes[i].n_options; k++)
            sp_cond_vars(sc->nodes[i].options[k].cond, used);
    }
    for (int i = 0; i < sc->n_vars; i++)
        yes |= used[i] && sc->vars[i].carry;
    sp_free(used);
    return yes;
}

/* reachable[] and offered[] over the states of every start searched (the
 * main search alone when no carried variable matters). */
static void reach_union(sp_analysis *a, const sp_value *v, const sp_value *lean)
{
    const sp_scenario *sc = v->sc;
    if (!lean)
        return;
    for (int i = 0; i < sc->n_nodes; i++)
        a->reachable[i] |= lean->met[i];
    for (int i = 0; i < v->opt_base[sc->n_nodes]; i++)
        a->offered[i] |= lean->offered[i];
    a->n_decisions = a->n_endings = 0;
    for (int i = 0; i < sc->n_nodes; i++) {
        if (!a->reachable[i])
            continue;
        sp_node_kind k = sc->nodes[i].kind;
        a->n_decisions += k == SP_NODE_DECISION || k == SP_NODE_THOUGHT;
        a->n_endings += k == SP_NODE_ENDING;
    }
}

static int dead_ends(const sp_value *v, sp_check *c)
{
    if (c->lean)
        v = c->lean; /* it searched the start values too, and the carried ones */
    sp_dead_end *d = sp_malloc(sizeof *d * (size_t)(v->n_dead ? v->n_dead : 1));
    if (!d)
        return 0;
    for (int i = 0; i < v->n_dead; i++)
        d[i] = (sp_dead_end){ v->dead[i].node, v->dead[i].vars,
                              { v->dead[i].n_path, v->dead[i].path_nodes, v->dead[i].path_opts } };
    c->dead = d;
    c->n_dead = v->n_dead;
    return 1;
}

sp_status sp_check_run(const sp_scenario *sc, sp_diag *d, sp_check **out)
{
    return sp_check_run_path(sc, d, SP_CHECK_AUTO, out);
}

sp_status sp_check_run_path(const sp_scenario *sc, sp_diag *d, sp_check_path path, sp_check **out)
{
    *out = NULL;
    if (path == SP_CHECK_DENSE)
        return SP_EUSAGE; /* not yet */
    if (!sc || sc->n_nodes <= 0 || sc->start < 0 || sc->start >= sc->n_nodes)
        return SP_EUSAGE;
    sp_check *c = sp_calloc(1, sizeof *c);
    if (!c)
        return SP_ENOMEM;
    /* One search in `check` mode: V, the edges for the forward pass, and
     * (through its hooks) the reading lengths and detours. */
    sp_value *v = NULL;
    sp_ckwords *w = NULL;
    sp_status rc = sp_value_new_mode(sc, d, 1, &v);
    if (rc == SP_OK && !(w = sp_ckw_new(v))) {
        sp_value_free(v);
        rc = SP_ENOMEM;
    }
    if (rc == SP_OK) {
        v->words = w;
        rc = sp_analysis_run_value(sc, NULL, v, &c->a);
        v->words = NULL; /* later questions to the memo need no words */
    }
    if (rc != SP_OK) {
        sp_ckw_drop(w);
        sp_check_free(c);
        return rc;
    }
    sp_ckgraph g;
    memset(&g, 0, sizeof g);
    g.sc = sc;
    g.v = v;
    g.a = c->a;
    g.K = v->n_order;
    g.vars = sp_malloc(sizeof(int) * (size_t)(sc->n_vars ? sc->n_vars : 1));
    rc = g.vars ? SP_OK : SP_ENOMEM;
    if (rc == SP_OK && carries(sc)) {
        rc = sp_value_new(sc, d, &c->lean);
        if (rc == SP_OK)
            rc = carried_starts(sc, c->lean, g.vars);
    }
    if (rc != SP_OK) {
        sp_ckw_drop(w);
        sp_free(g.vars);
        sp_check_free(c);
        return rc;
    }
    reach_union(c->a, v, c->lean);
    int ok = sp_ckw_done(w, v, c, &g.slot);
    g.order = v->order;
    g.eo = v->eoff;
    g.otot = v->otot;
    g.opt_base = v->opt_base;
    ok = ok && g.vars && dead_ends(v, c);
    if (ok) {
        ok = endings_fit(&g, c);
        translations(sc, c);
    }
    sp_free(g.vars);
    sp_free(g.slot);
    if (!ok) {
        sp_check_free(c);
        return SP_ENOMEM;
    }
    *out = c;
    return SP_OK;
}
