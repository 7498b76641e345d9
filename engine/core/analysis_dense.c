/* analysis_dense.c: `check`'s passes over the dense layout, node by node with no search: the states a play reaches, their values and reading lengths, the forward figures. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <string.h>

/*
 * In the dense layout a state is a slot node << bits | key, so the states
 * of a node lie together and the nodes can be taken in an order of their
 * own instead of the order a depth-first search meets the states in:
 *
 *   1. parents first (Kahn's order over the nodes): from the start state,
 *      every reached state's offered options and the child each leads to,
 *      into a table of moves (by node, then key, then option or goto),
 *      with conditions and set/add worked out once per move; and
 *      as each state's parents are all done by then, the lowest and
 *      highest total that reaches it and the hindering routes go on to its
 *      children in the same step (sp_dense_reach). The caller reads the
 *      endings' figures from them before pass 2 uses the same memory;
 *   2. children first: V, the stronger option, the reading lengths and the
 *      detours, by the search's own steps and hooks (sp_value_take,
 *      sp_ckw_*), so every figure is the one the search gives
 *      (sp_dense_values).
 *
 * Where two routes tie, the rule of docs/scenario-format.md decides, as in
 * the search's forward pass (analysis_check.c): a move is named by its row
 * number: the node's first move (row0[node] << bits) + key * options +
 * option, so the moves go by node in file order, then values, then option,
 * and the smaller move number is the move the rule prefers.
 * Not done here (answer 0, the search takes over): a decision that can
 * offer nothing (its example route is the search's), a cycle, more than
 * SP_ANALYSIS_MAX_STATES states, a table of moves past MOVES_MAX.
 */

#define MOVES_MAX ((size_t)1 << 26) /* rows << bits; untouched pages of it cost nothing */

/* A set/add on a variable of the state, done on the key itself: the
 * field at shift (mask wide) becomes value (set) or itself + value (add),
 * clamped to 0 .. hi (the variable's max - min); values in field units. */
typedef struct {
    uint64_t mask;
    int shift, set, value, hi;
} sp_kfx;

struct sp_dense {
    sp_value *v;
    int N, bits;
    size_t per;                /* keys per node: 1 << bits */
    int *topo;                 /* the nodes, parents first */
    int *row0;                 /* per node (N + 1): its first row */
    int *rnode;                /* per row: its node */
    int *child;                /* per move: the child's slot, -1 not offered (read only for reached states) */
    /* Per option row: its target, and its set/add and its target's on the
     * state's variables, as key effects fx[fx0[row] .. fx0[row + 1]) (a
     * goto's row has none: its target depends on the variables). */
    int *rto, *fx0;
    sp_kfx *fx;
    uint64_t *lmask;           /* per node: its live fields */
    int K;                     /* states reached */
    int root;
};

void sp_dense_free(sp_dense *dn)
{
    if (dn)
        SP_FREE_BLOCKS(dn->topo, dn->row0, dn->rnode, dn->child, dn->rto, dn->fx0, dn->fx,
                       dn->lmask, dn);
}

void sp_dense_states(const sp_dense *dn, int *n, int *root)
{
    *n = dn->K;
    *root = dn->root;
}

/* The nodes parents first (Kahn), into topo; indeg: scratch, n_nodes. 0
 * on a cycle. */
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

/* Appends to fx (at *n) the effects e[0 .. ne) on the state's variables
 * (field: per variable, its field or -1). */
static void key_effects(const sp_value *v, const int *field, const sp_effect *e, int ne, sp_kfx *fx, int *n)
{
    for (int i = 0; i < ne; i++) {
        int r = field[e[i].var];
        if (r < 0)
            continue; /* no condition reads it: it changes nothing that counts */
        int hi = (int)v->rmask[r], set = e[i].op == SP_EFFECT_SET;
        const sp_var *x = &v->sc->vars[e[i].var];
        hi = x->max - x->min < hi ? x->max - x->min : hi;
        fx[(*n)++] = (sp_kfx){ v->rmask[r], v->rshift[r], set, set ? e[i].value - x->min : e[i].value, hi };
    }
}

/* Per option row its target and key effects; per node its live fields.
 * 0 on out-of-memory. */
static int key_tables(sp_dense *dn)
{
    const sp_value *v = dn->v;
    const sp_scenario *sc = v->sc;
    int N = dn->N, rows = dn->row0[N], E = 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < sc->nodes[i].n_options; j++)
            E += sc->nodes[i].options[j].n_effects + sc->nodes[sc->nodes[i].options[j].target].n_effects;
    int *field = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    dn->rto = sp_malloc(sizeof(int) * (size_t)(rows ? rows : 1));
    dn->fx0 = sp_malloc(sizeof(int) * (size_t)(rows + 1));
    dn->fx = sp_malloc(sizeof(sp_kfx) * (size_t)(E ? E : 1));
    dn->lmask = sp_calloc((size_t)N, sizeof(uint64_t));
    int ok = field && dn->rto && dn->fx0 && dn->fx && dn->lmask;
    for (int i = 0; ok && i < v->nv; i++)
        field[i] = -1;
    for (int r = 0; ok && r < v->nrel; r++)
        field[v->rel[r]] = r;
    for (int i = 0, n = 0; ok && i < N; i++) {
        for (int r = 0; r < v->nrel; r++)
            if (v->live[(size_t)i * (size_t)v->nrel + (size_t)r])
                dn->lmask[i] |= v->rmask[r] << v->rshift[r];
        const sp_node *nd = &sc->nodes[i];
        for (int j = 0; j < v->nodes[i].nopt; j++) {
            int row = dn->row0[i] + j;
            dn->fx0[row] = n;
            dn->rto[row] = -1;
            if (nd->kind == SP_NODE_GOTO)
                continue;
            const sp_option *o = &nd->options[j];
            dn->rto[row] = o->target;
            key_effects(v, field, o->effects, o->n_effects, dn->fx, &n);
            key_effects(v, field, sc->nodes[o->target].effects, sc->nodes[o->target].n_effects, dn->fx, &n);
        }
        dn->fx0[dn->row0[i + 1]] = n;
    }
    sp_free(field);
    return ok;
}

static inline uint64_t key_effect(uint64_t key, const sp_kfx *e)
{
    long long x = e->set ? e->value : (long long)((key >> e->shift) & e->mask) + e->value;
    x = x < 0 ? 0 : x > e->hi ? e->hi : x;
    return (key & ~(e->mask << e->shift)) | ((uint64_t)x << e->shift);
}

/* The rows and the order of the nodes. 1 ready, 0 not for this case, -1
 * out of memory. */
static int dense_tables(sp_dense *dn)
{
    const sp_value *v = dn->v;
    const sp_scenario *sc = v->sc;
    int N = dn->N;
    dn->topo = sp_malloc(sizeof(int) * (size_t)N * 2);
    dn->row0 = sp_malloc(sizeof(int) * (size_t)(N + 1));
    if (!dn->topo || !dn->row0)
        return -1;
    if (!nodes_topological(sc, dn->topo, dn->topo + N))
        return 0;
    dn->row0[0] = 0;
    for (int i = 0; i < N; i++)
        dn->row0[i + 1] = dn->row0[i] + v->nodes[i].nopt;
    size_t rows = (size_t)dn->row0[N];
    if (rows > MOVES_MAX >> dn->bits)
        return 0;
    dn->rnode = sp_malloc(sizeof(int) * (rows ? rows : 1));
    dn->child = sp_malloc(sizeof(int) * ((rows << dn->bits) ? rows << dn->bits : 1));
    if (!dn->rnode || !dn->child)
        return -1;
    sp_value_huge(dn->child, sizeof(int) * (rows << dn->bits));
    for (int i = 0; i < N; i++)
        for (int r = dn->row0[i]; r < dn->row0[i + 1]; r++)
            dn->rnode[r] = i;
    return key_tables(dn) ? 1 : -1;
}

/* The hindering-route links of move m (of a state whose flags are hf) into
 * the child c; at a thought both bits lead to bit 1, and bit 0 comes first. */
static void forward_hind(sp_ckslot *c, int m, unsigned hf, int thought)
{
    for (int b = 0; b < 2; b++) {
        int nb = b || thought;
        if (!(hf & (1u << b)) || ((c->f.hf & (1u << nb)) && c->f.pe[nb] <= m))
            continue;
        sp_ck_link_hind(c, nb, b, m);
    }
}

/* The forward figures of the state p go on by move m (own total t) to the
 * child c. */
static inline void forward_move(const sp_ckslot *p, sp_ckslot *c, int m, int t, int hind, int thought)
{
    int up = p->f.hi + t, down = p->f.lo + t;
    c->f.hi = up > c->f.hi ? up : c->f.hi;
    if (down < c->f.lo || (down == c->f.lo && m < c->f.elo)) {
        c->f.lo = down;
        c->f.elo = m;
    }
    if (p->f.hf && hind)
        forward_hind(c, m, p->f.hf, thought);
}

/* Pass 1: the states of node n (reached ones marked 1 by their parents,
 * their forward figures complete), their moves and what the moves pass on.
 * 0 at a decision that can offer nothing or past the limit. */
static int reach_node(sp_dense *dn, sp_ckslot *sl, const unsigned char *hind, int n, int *vars, int *cv)
{
    sp_value *v = dn->v;
    const sp_vnode *vn = &v->nodes[n];
    int nv = v->nv, go = vn->kind == SP_NODE_GOTO, thought = vn->kind == SP_NODE_THOUGHT;
    size_t s0 = (size_t)n << dn->bits;
    for (size_t key = 0; key < dn->per; key++) {
        if (!v->mark[s0 + key])
            continue;
        if (dn->K >= SP_ANALYSIS_MAX_STATES)
            return 0;
        dn->K++;
        v->met[n] = 1;
        if (vn->kind == SP_NODE_ENDING)
            continue;
        for (int r = 0; r < v->nrel; r++) /* the others are not read here (liveness) */
            vars[v->rel[r]] = v->rmin[r] + (int)((key >> v->rshift[r]) & v->rmask[r]);
        int offered = 0;
        for (int j = 0; j < vn->nopt; j++) {
            int row = dn->row0[n] + j, m = (int)(((size_t)dn->row0[n] << dn->bits) + key * (size_t)vn->nopt) + j, c;
            if (!go) {
                const sp_cond *cond = v->opts[vn->base + j].cond;
                if (cond && !sp_cond_eval(cond, vars)) {
                    dn->child[m] = -1;
                    continue;
                }
                v->offered[vn->base + j] = 1;
                offered++;
                uint64_t k = key;
                for (const sp_kfx *e = dn->fx + dn->fx0[row], *end = dn->fx + dn->fx0[row + 1]; e < end; e++)
                    k = key_effect(k, e);
                int t = dn->rto[row];
                c = (int)(((size_t)t << dn->bits) | (size_t)(k & dn->lmask[t]));
            } else {
                memcpy(cv, vars, sizeof(int) * (size_t)nv);
                int t = sp_value_step(v, n, j, cv);
                c = sp_value_slot_of(v, t, cv);
            }
            dn->child[m] = c;
            if (!v->mark[c]) {
                v->mark[c] = 1;
                sp_ck_forward_init(&sl[c]);
            }
            forward_move(&sl[s0 + key], &sl[c], m, go ? 0 : v->otot[vn->base + j], go || hind[vn->base + j],
                         thought);
        }
        if (!go && !offered)
            return 0;
    }
    return 1;
}

/* Pass 2: V and the rest for the states of node n, whose children are all
 * done. */
static void values_node(sp_dense *dn, sp_ckwords *w, int n, int *vars)
{
    sp_value *v = dn->v;
    size_t s0 = (size_t)n << dn->bits;
    const int *moves = dn->child + ((size_t)dn->row0[n] << dn->bits);
    size_t nopt = (size_t)v->nodes[n].nopt;
    for (size_t key = 0; key < dn->per; key++)
        if (v->mark[s0 + key] == 1)
            sp_ckw_dense_state(w, v, (int)(s0 + key), n, moves + key * nopt, vars);
}

int sp_dense_reach(sp_value *v, sp_ckslot *slot, const unsigned char *hind, const int *root_vars, sp_dense **out)
{
    *out = NULL;
    const sp_scenario *sc = v->sc;
    if (!v->dense || v->track)
        return 0;
    sp_dense *dn = sp_calloc(1, sizeof *dn);
    int *vars = sp_malloc(sizeof(int) * 2 * (size_t)(v->nv ? v->nv : 1));
    if (!dn || !vars) {
        sp_free(dn);
        sp_free(vars);
        return -1;
    }
    dn->v = v;
    dn->N = sc->n_nodes;
    dn->bits = v->bits;
    dn->per = (size_t)1 << v->bits;
    int r = dense_tables(dn);
    for (int i = 0; i < v->nv; i++)
        vars[i] = sc->vars[i].init;
    if (r > 0) {
        dn->root = sp_value_slot_of(v, sc->start, root_vars);
        v->mark[dn->root] = 1;
        sp_ck_forward_root(&slot[dn->root]);
        for (int q = 0; r > 0 && q < dn->N; q++)
            r = reach_node(dn, slot, hind, dn->topo[q], vars, vars + (v->nv ? v->nv : 1));
    }
    sp_free(vars);
    if (r <= 0) {
        sp_dense_free(dn);
        return r;
    }
    v->n_states = v->n_order = dn->K;
    *out = dn;
    return 1;
}

int sp_dense_values(sp_dense *dn, sp_ckwords *w)
{
    sp_value *v = dn->v;
    int *vars = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    if (!vars)
        return 0;
    for (int q = dn->N - 1; q >= 0; q--)
        values_node(dn, w, dn->topo[q], vars);
    sp_free(vars);
    return 1;
}

int sp_dense_move(const sp_dense *dn, int e, int *node, int *option)
{
    int n = dn->rnode[e >> dn->bits], nopt = dn->v->nodes[n].nopt;
    int off = e - (dn->row0[n] << dn->bits);
    *node = n;
    *option = off % nopt;
    return (n << dn->bits) | off / nopt;
}
