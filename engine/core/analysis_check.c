/* analysis_check.c: the author's checks over every reachable state: dead ends, ending coherence, detours, answer tells, translation coverage. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <limits.h>
#include <string.h>

/*
 * Every reachable state is worked out once, one of two ways
 * (sp_check_run_path): node by node over the dense layout
 * (analysis_dense.c), or by one search of the value function in `check`
 * mode (analysis_value.c), which keeps every reachable state and its
 * edges. The search's state graph is acyclic and it finished children
 * before parents, so one pass from the start state (last) down to 0 visits
 * every state after all its parents: the forward figures (the lowest and
 * highest total that reaches a state, and whether a play with only
 * hindering thoughts reaches it) need no search of their own and no
 * condition evaluated again. The dense passes work the same figures out as
 * they reach the states; the rule for ties makes them equal.
 */


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

/* The link by which slot k was reached (an edge, or in the dense passes a
 * move): -1 the lowest total, 0/1 the hindering route's bit b (which
 * becomes the parent's bit). */
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
        int node, opt;
        if (g->dense) {
            x = sp_dense_move(g->dense, e, &node, &opt);
        } else {
            at = edge_parent(g, (size_t)e, at);
            x = g->order[at];
            node = sp_ck_node(g, x);
            opt = sp_value_edge_option(v, (size_t)e);
        }
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
        out->nodes[n] = node;
        out->options[n] = opt;
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

/*
 * The forward pass visits every state after all its parents. When two
 * moves into a state give the same lowest total (or both carry a hindering
 * route), the rule of docs/scenario-format.md picks one: the move from the
 * node that comes first in the file, then from its state with the lowest
 * values (sp_value_state_before), then by its first option; for the
 * hindering route, then the parent's route without a thought moment first.
 * So the result does not depend on the order the states are visited in,
 * nor on the path that works them out (analysis_dense.c keeps the same
 * rule).
 */

/* 1 when the move (parent state k, option j) comes before the move by
 * edge x under the rule above. */
static int move_before(const sp_ckgraph *g, int k, int j, size_t x)
{
    int pk = g->order[edge_parent(g, x, 0)];
    int na = sp_ck_node(g, k), nb = sp_ck_node(g, pk);
    if (na != nb)
        return na < nb;
    if (k != pk)
        return sp_value_state_before(g->v, k, pk);
    return j < sp_value_edge_option(g->v, x);
}

/* The hindering-route links of edge x (option j of the state k whose
 * flags are hf) into the child c. At a thought both bits of the parent
 * lead to bit 1, and bit 0 comes first. */
static void forward_hind(const sp_ckgraph *g, sp_ckslot *c, size_t x, int k, int j, unsigned hf, int thought)
{
    for (int b = 0; b < 2; b++) {
        int nb = b || thought;
        if (!(hf & (1u << b)))
            continue;
        if ((c->f.hf & (1u << nb)) && ((size_t)c->f.pe[nb] == x || !move_before(g, k, j, (size_t)c->f.pe[nb])))
            continue;
        sp_ck_link_hind(c, nb, b, (int)x);
    }
}

/* The totals of the parent k (phi, plo) plus t reach the child c by the
 * edge x (option j). */
static inline void forward_edge(const sp_ckgraph *g, sp_ckslot *c, int phi, int plo, int t, size_t x, int k, int j)
{
    int up = phi + t, down = plo + t;
    c->f.hi = up > c->f.hi ? up : c->f.hi;
    if (down < c->f.lo || (down == c->f.lo && c->f.elo >= 0 && move_before(g, k, j, (size_t)c->f.elo))) {
        c->f.lo = down;
        c->f.elo = (int)x;
    }
}

/* Passes the totals of the state in slot k (order[i]) on to its children
 * (hind: per option, 1 when a hindering route goes on along it). */
static void forward_state(const sp_ckgraph *g, const unsigned char *hind, int i, int k)
{
    const sp_value *v = g->v;
    sp_ckslot *sl = g->slot;
    int phi = sl[k].f.hi, plo = sl[k].f.lo;
    unsigned hf = sl[k].f.hf;
    if (phi == SP_CK_UNSET)
        return;
    const sp_vnode *vn = &v->nodes[sp_ck_node(g, k)];
    const size_t x0 = g->eo[i], x1 = g->eo[i + 1], es = sp_value_edge_size(v);
    int go = vn->kind == SP_NODE_GOTO, thought = vn->kind == SP_NODE_THOUGHT;
    for (size_t x = x0; x < x1; x += es) {
        int j = sp_value_edge_option(v, x);
        sp_ckslot *c = &sl[sp_value_edge_child(v, x)];
        forward_edge(g, c, phi, plo, go ? 0 : g->otot[vn->base + j], x, k, j);
        if (hf && (go || hind[vn->base + j]))
            forward_hind(g, c, x, k, j, hf, thought);
    }
}

/* Per option: 1 when a hindering route may go on along it (not a
 * thought's helpful side). NULL on out-of-memory. */
static unsigned char *hind_options(const sp_scenario *sc, const int *opt_base)
{
    unsigned char *hind = sp_malloc((size_t)(opt_base[sc->n_nodes] ? opt_base[sc->n_nodes] : 1));
    for (int i = 0; hind && i < sc->n_nodes; i++)
        for (int j = 0; j < sc->nodes[i].n_options; j++)
            hind[opt_base[i] + j] = sc->nodes[i].kind != SP_NODE_THOUGHT ||
                                    sc->nodes[i].options[j].side == SP_SIDE_HINDERING;
    return hind;
}

/* The search's states, every one after all its parents: from the start
 * (last in the finishing order) down. (The dense passes work the same
 * figures out as they reach the states.) 0 on out-of-memory. */
static int forward(const sp_ckgraph *g)
{
    unsigned char *hind = hind_options(g->sc, g->opt_base);
    if (!hind)
        return 0;
    for (int i = 0; i < g->K; i++)
        sp_ck_forward_init(&g->slot[g->order[i]]);
    sp_ck_forward_root(&g->slot[g->root]);
    for (int i = g->K - 1; i >= 0; i--)
        forward_state(g, hind, i, g->order[i]);
    sp_free(hind);
    return 1;
}

static int kind_rank(sp_ending_kind k) { return k == SP_ENDING_GOOD ? 0 : k == SP_ENDING_MIXED ? 1 : 2; }

/* The state in slot k, if it is one of an ending (at[node] >= 0), into
 * that ending's range. Of an ending's states, the one with the lowest
 * values (rule in docs/scenario-format.md) among those with its lowest
 * total is kept, and among those a hindering route reaches. */
static void ending_state(const sp_ckgraph *g, sp_check *c, const int *at, int *lo_k, int *hind_k, int k)
{
    int e = at[sp_ck_node(g, k)];
    const sp_ckslot *s = &g->slot[k];
    if (e < 0 || s->f.hi == SP_CK_UNSET)
        return;
    sp_ending_fit *f = &c->endings[e];
    if (f->hi == SP_CK_UNSET || s->f.hi > f->hi)
        f->hi = s->f.hi;
    if (f->lo == SP_CK_UNSET || s->f.lo < f->lo || (s->f.lo == f->lo && sp_value_state_before(g->v, k, lo_k[e]))) {
        f->lo = s->f.lo;
        lo_k[e] = k;
    }
    if ((s->f.hf & 2) && (hind_k[e] < 0 || sp_value_state_before(g->v, k, hind_k[e])))
        hind_k[e] = k;
}

/* The endings the start values reach, in file order, with their ranges. */
static int endings_list(const sp_ckgraph *g, sp_check *c, int *lo_k, int *hind_k)
{
    const sp_scenario *sc = g->sc;
    const sp_value *v = g->v;
    int *at = sp_malloc(sizeof(int) * (size_t)sc->n_nodes); /* ending node -> index in c->endings */
    if (!at)
        return 0;
    for (int i = 0; i < sc->n_nodes; i++) {
        at[i] = -1;
        if (v->met[i] && sc->nodes[i].kind == SP_NODE_ENDING) {
            at[i] = c->n_endings;
            c->endings[c->n_endings++] = (sp_ending_fit){ .node = i, .lo = SP_CK_UNSET, .hi = SP_CK_UNSET, .below = -1 };
            hind_k[at[i]] = -1;
        }
    }
    if (g->dense) { /* the endings' own slots */
        size_t per = (size_t)1 << v->bits;
        for (int e = 0; e < c->n_endings; e++)
            for (size_t k = (size_t)c->endings[e].node * per, end = k + per; k < end; k++)
                if (v->mark[k])
                    ending_state(g, c, at, lo_k, hind_k, (int)k);
    } else {
        for (int i = 0; i < g->K; i++)
            ending_state(g, c, at, lo_k, hind_k, g->order[i]);
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
        ok = g->dense || forward(g);
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

/* 1 when a carried variable is read by a condition of an option or a goto;
 * -1 on out-of-memory. */
static int carries(const sp_scenario *sc)
{
    unsigned char *used = sp_calloc((size_t)(sc->n_vars ? sc->n_vars : 1), 1);
    int yes = 0;
    if (!used)
        return -1;
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

void sp_check_root_vars(const sp_scenario *sc, int *vars)
{
    for (int i = 0; i < sc->n_vars; i++)
        vars[i] = sc->vars[i].init;
    const sp_node *s0 = &sc->nodes[sc->start];
    sp_effects_apply(sc, vars, s0->effects, s0->n_effects);
}

/* The graph of the forward pass, from the dense passes or the search. */
static void check_graph(sp_ckgraph *g, const sp_scenario *sc, const sp_value *v, const sp_dense *dn)
{
    memset(g, 0, sizeof *g);
    g->sc = sc;
    g->v = v;
    g->dense = dn;
    if (dn) {
        sp_dense_states(dn, &g->K, &g->root);
    } else {
        g->K = v->n_order;
        g->order = v->order;
        g->root = v->order[v->n_order - 1];
        g->eo = v->eoff;
    }
    g->otot = v->otot;
    g->opt_base = v->opt_base;
}

/* The memo of `check` (its states include what the texts read) and its
 * word hooks: worked out by the dense passes (*dn set), or ready for the
 * search that sp_analysis_run_value then runs (*dn NULL). */
static sp_status check_memo(const sp_scenario *sc, sp_diag *d, sp_check_path path, sp_check *c,
                            sp_value **vp, sp_ckwords **wp, sp_dense **dn)
{
    sp_value *v = NULL;
    sp_ckwords *w = NULL;
    sp_status rc;
    *vp = NULL;
    *wp = NULL;
    *dn = NULL;
    if (path != SP_CHECK_SEARCH) {
        if ((rc = sp_value_new_mode(sc, d, 1, 0, &v)) != SP_OK)
            return rc;
        int *rv = sp_malloc(sizeof(int) * (size_t)(sc->n_vars ? sc->n_vars : 1)), r = -1;
        unsigned char *hind = hind_options(sc, v->opt_base);
        if (rv && hind && (w = sp_ckw_new(v)) != NULL) {
            sp_check_root_vars(sc, rv);
            r = sp_dense_reach(v, sp_ckw_slots(w), hind, rv, dn);
        }
        if (r > 0) { /* the endings' figures, before pass 2 takes their memory */
            sp_ckgraph g;
            check_graph(&g, sc, v, *dn);
            g.slot = sp_ckw_slots(w);
            r = endings_fit(&g, c) && sp_dense_values(*dn, w) ? 1 : -1;
        }
        sp_free(rv);
        sp_free(hind);
        if (r < 0) {
            sp_dense_free(*dn);
            *dn = NULL;
        }
        if (r > 0) {
            *vp = v;
            *wp = w;
            return SP_OK;
        }
        sp_ckw_drop(w);
        sp_value_free(v);
        if (r < 0)
            return SP_ENOMEM;
        if (path == SP_CHECK_DENSE)
            return SP_EUSAGE;
    }
    /* One search: V, the edges for the forward pass, and (through its
     * hooks) the reading lengths and detours. */
    if ((rc = sp_value_new_mode(sc, d, 1, 1, &v)) != SP_OK)
        return rc;
    if (!(w = sp_ckw_new(v))) {
        sp_value_free(v);
        return SP_ENOMEM;
    }
    v->words = w;
    *vp = v;
    *wp = w;
    return SP_OK;
}

sp_status sp_check_run_path(const sp_scenario *sc, sp_diag *d, sp_check_path path, sp_check **out)
{
    *out = NULL;
    if (!sc || sc->n_nodes <= 0 || sc->start < 0 || sc->start >= sc->n_nodes)
        return SP_EUSAGE;
    sp_check *c = sp_calloc(1, sizeof *c);
    if (!c)
        return SP_ENOMEM;
    sp_value *v = NULL;
    sp_ckwords *w = NULL;
    sp_dense *dn = NULL;
    sp_status rc = check_memo(sc, d, path, c, &v, &w, &dn);
    if (rc == SP_OK) {
        rc = sp_analysis_run_value(sc, NULL, v, &c->a); /* frees v when it fails */
        if (rc == SP_OK)
            v->words = NULL; /* later questions to the memo need no words */
    }
    sp_ckgraph g;
    int *vars = sp_malloc(sizeof(int) * (size_t)(sc->n_vars ? sc->n_vars : 1));
    if (rc == SP_OK && !vars)
        rc = SP_ENOMEM;
    int carry = rc == SP_OK ? carries(sc) : 0;
    if (carry < 0)
        rc = SP_ENOMEM;
    if (carry > 0) {
        rc = sp_value_new(sc, d, &c->lean);
        if (rc == SP_OK)
            rc = carried_starts(sc, c->lean, vars);
    }
    sp_free(vars);
    if (rc != SP_OK) {
        sp_ckw_drop(w);
        sp_dense_free(dn);
        sp_check_free(c);
        return rc;
    }
    check_graph(&g, sc, v, dn);
    reach_union(c->a, v, c->lean);
    int ok = sp_ckw_done(w, v, g.root, c, &g.slot) && dead_ends(v, c);
    if (ok) {
        ok = dn || endings_fit(&g, c); /* the dense passes did them before pass 2 */
        translations(sc, c);
    }
    sp_free(g.slot);
    sp_dense_free(dn);
    if (!ok) {
        sp_check_free(c);
        return SP_ENOMEM;
    }
    *out = c;
    return SP_OK;
}
