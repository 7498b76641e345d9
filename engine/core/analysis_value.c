/* analysis_value.c: the exact value function V over (node, variable values): a memoised search that honours conditions and set/add effects. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"
#include "translate.h"

#include <stdlib.h>
#include <string.h>

/*
 * The search is a depth-first walk over states with an explicit stack (a
 * chain of 20,000 nodes would otherwise be 20,000 C frames). A state is
 * finished when all its offered options have been followed; its V is then
 * the best delta + V(child), with ties broken by the higher own total, then
 * the option that comes first. A state met a second time is looked up, not
 * searched again, so the cost is linear in the number of reachable states.
 * A state met while it is still on the stack would mean a cycle: the loader
 * refuses those, and the search answers SP_EINVAL rather than loop.
 */

static void fail(sp_value *v, sp_status st, const char *what)
{
    if (v->failed == SP_OK && v->diag && what)
        sp_diag_add(v->diag, v->sc->path ? v->sc->path : v->sc->id, 0, "%s", sp_diag_tr(v->diag, what));
    if (v->failed == SP_OK)
        v->failed = st;
}

static void fail_limit(sp_value *v)
{
    if (v->failed == SP_OK && v->diag)
        sp_diag_add(v->diag, v->sc->path ? v->sc->path : v->sc->id, 0,
                    SP_N_("de casus heeft meer dan %d toestanden (knoop en waarden van variabelen), dus "
                          "het precieze maximum is niet te bepalen; gebruik variabelen in minder "
                          "voorwaarden, of maak het bereik (min..max) van die variabelen kleiner"),
                    SP_ANALYSIS_MAX_STATES);
    if (v->failed == SP_OK)
        v->failed = SP_EINVAL;
}

static void pack(const sp_value *v, int node, const int *vars, uint64_t *key)
{
    const unsigned char *live = v->live + (size_t)node * (size_t)v->nrel;
    if (v->W == 1) { /* one word, kept in a register */
        uint64_t k = 0;
        for (int r = 0; r < v->nrel; r++)
            if (live[r])
                k |= ((uint64_t)((long long)vars[v->rel[r]] - v->rmin[r]) & v->rmask[r]) << v->rshift[r];
        key[0] = k;
        return;
    }
    for (int w = 0; w < v->W; w++)
        key[w] = 0;
    for (int r = 0; r < v->nrel; r++)
        if (live[r])
            key[v->rword[r]] |= ((uint64_t)((long long)vars[v->rel[r]] - v->rmin[r]) & v->rmask[r])
                            << v->rshift[r];
}

/* ---- the state table ------------------------------------------------------ */

static uint64_t key_hash(int node, const uint64_t *key, int W)
{
    uint64_t h = (uint64_t)(unsigned)node * 0x9E3779B97F4A7C15ull;
    for (int w = 0; w < W; w++)
        h = (h ^ key[w]) * 0xBF58476D1CE4E5B9ull + 0x94D049BB133111EBull;
    h ^= h >> 31;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 29);
}

static int table_grow(sp_value *v)
{
    size_t ncap = v->tcap ? v->tcap * 2 : 4096;
    int *t = sp_malloc(sizeof(int) * ncap);
    if (!t)
        return 0;
    for (size_t k = 0; k < ncap; k++)
        t[k] = -1;
    for (size_t i = 0; i < v->cap && (int)i < v->n_states; i++) {
        size_t k = (size_t)key_hash(v->snode[i], v->keys + i * (size_t)v->W, v->W) & (ncap - 1);
        while (t[k] >= 0)
            k = (k + 1) & (ncap - 1);
        t[k] = (int)i;
    }
    sp_free(v->table);
    v->table = t;
    v->tcap = ncap;
    return 1;
}

static int slots_grow(sp_value *v)
{
    size_t ncap = v->cap ? v->cap * 2 : 1024;
    unsigned char *m = sp_realloc(v->mark, ncap);
    if (m)
        v->mark = m;
    int *a = m ? sp_realloc(v->val, sizeof(int) * ncap) : NULL;
    if (a)
        v->val = a;
    int *c = a ? sp_realloc(v->snode, sizeof(int) * ncap) : NULL;
    if (c)
        v->snode = c;
    uint64_t *k = c ? sp_realloc(v->keys, sizeof(uint64_t) * ncap * (size_t)(v->W ? v->W : 1)) : NULL;
    if (!k)
        return 0;
    v->keys = k;
    memset(v->mark + v->cap, 0, ncap - v->cap);
    v->cap = ncap;
    return 1;
}

/* The slot of (node, vars); in the hash layout a new state is added
 * (unmarked). -1 when the limit is passed or memory runs out. */
static int lookup(sp_value *v, int node, const int *vars, int add)
{
    if (v->dense)
        return sp_value_slot_of(v, node, vars);
    pack(v, node, vars, v->tmpkey);
    size_t W = (size_t)v->W;
    uint64_t h = key_hash(node, v->tmpkey, v->W);
    size_t k = (size_t)h & (v->tcap - 1);
    for (; v->table[k] >= 0; k = (k + 1) & (v->tcap - 1)) {
        int i = v->table[k];
        if (v->snode[i] == node && memcmp(v->keys + (size_t)i * W, v->tmpkey, sizeof(uint64_t) * W) == 0)
            return i;
    }
    if (!add)
        return -1;
    if (v->n_states >= SP_ANALYSIS_MAX_STATES) {
        fail_limit(v);
        return -1;
    }
    if ((size_t)v->n_states >= v->cap && !slots_grow(v)) {
        fail(v, SP_ENOMEM, NULL);
        return -1;
    }
    int i = v->n_states;
    v->snode[i] = node;
    memcpy(v->keys + (size_t)i * W, v->tmpkey, sizeof(uint64_t) * W);
    v->mark[i] = 0;
    v->table[k] = i;
    if ((size_t)(v->n_states + 1) * 2 > v->tcap) {
        v->n_states++; /* table_grow re-inserts slots 0..n_states-1 */
        int ok = table_grow(v);
        v->n_states--;
        if (!ok) {
            fail(v, SP_ENOMEM, NULL);
            return -1;
        }
    }
    return i;
}

/* Marks a slot (of node) as being searched; 0 past the limit. */
static int claim(sp_value *v, int slot, int node)
{
    v->met[node] = 1;
    if (v->dense) {
        if (v->n_states >= SP_ANALYSIS_MAX_STATES) {
            fail_limit(v);
            return 0;
        }
        v->n_states++;
    } else if (slot == v->n_states) {
        v->n_states++;
    }
    v->mark[slot] = 1;
    return 1;
}

void sp_value_slot_vars(const sp_value *v, int slot, int *vars)
{
    for (int i = 0; i < v->nv; i++)
        vars[i] = v->sc->vars[i].init;
    uint64_t one = (uint64_t)slot & ((((uint64_t)1) << v->bits) - 1);
    const uint64_t *key = v->dense ? &one : v->keys + (size_t)slot * (size_t)v->W;
    const unsigned char *live = v->live + (size_t)sp_value_slot_node(v, slot) * (size_t)v->nrel;
    for (int r = 0; r < v->nrel; r++)
        if (live[r])
            vars[v->rel[r]] = v->rmin[r] + (int)((key[v->rword[r]] >> v->rshift[r]) & v->rmask[r]);
}

int sp_value_find(const sp_value *v, int node, const int *vars)
{
    int s = lookup((sp_value *)v, node, vars, 0);
    return s >= 0 && v->mark[s] == 2 ? s : -1;
}

int sp_value_best(const sp_value *v, int slot, const int *vars)
{
    int node = sp_value_slot_node(v, slot);
    const sp_vnode *n = &v->nodes[node];
    if (n->kind != SP_NODE_DECISION && n->kind != SP_NODE_THOUGHT)
        return -1;
    sp_vframe f = { .bestj = -1 };
    for (f.j = 0; f.j < n->nopt; f.j++) {
        const sp_vopt *o = &v->opts[n->base + f.j];
        if (o->cond && !sp_cond_eval(o->cond, vars))
            continue;
        memcpy(v->bvars, vars, sizeof(int) * (size_t)v->nv);
        int target = sp_value_step(v, node, f.j, v->bvars);
        int c = sp_value_find(v, target, v->bvars);
        if (c >= 0 && v->val[c] != SP_VALUE_NONE)
            sp_vframe_offer(&f, o->total, o->total + v->val[c]);
    }
    return f.bestj;
}

int sp_value_slot_of(const sp_value *v, int node, const int *vars)
{
    uint64_t key;
    pack(v, node, vars, &key);
    return (int)(((size_t)node << v->bits) | (size_t)(v->W ? key : 0));
}

int sp_value_state_before(const sp_value *v, int a, int b)
{
    if (v->dense) /* node << bits | key: the layout puts the first variable highest */
        return a < b;
    if (v->snode[a] != v->snode[b])
        return v->snode[a] < v->snode[b];
    const uint64_t *ka = v->keys + (size_t)a * (size_t)v->W, *kb = v->keys + (size_t)b * (size_t)v->W;
    for (int w = 0; w < v->W; w++)
        if (ka[w] != kb[w])
            return ka[w] < kb[w];
    return 0;
}

/* The effects eff[e0 .. e0 + ne) on vars, clamped as sp_effects_apply does. */
static void effects(const sp_value *v, int *vars, int e0, int ne)
{
    const sp_var *sv = v->sc->vars;
    for (const sp_effect *e = v->eff + e0, *end = e + ne; e < end; e++) {
        long x = e->op == SP_EFFECT_SET ? e->value : (long)vars[e->var] + e->value;
        const sp_var *d = &sv[e->var];
        vars[e->var] = (int)(x < d->min ? d->min : x > d->max ? d->max : x);
    }
}

int sp_value_step(const sp_value *v, int node, int j, int *vars)
{
    const sp_vnode *n = &v->nodes[node];
    int target;
    if (n->kind == SP_NODE_GOTO) {
        target = sp_node_goto(&v->sc->nodes[node], vars);
    } else {
        const sp_vopt *o = &v->opts[n->base + j];
        if (o->ne)
            effects(v, vars, o->e0, o->ne);
        target = o->target;
    }
    const sp_vnode *t = &v->nodes[target];
    if (t->ne)
        effects(v, vars, t->e0, t->ne);
    return target;
}

/* ---- the search ------------------------------------------------------------ */

static int stack_room(sp_value *v, int depth)
{
    if (depth < v->scap)
        return 1;
    int ncap = v->scap ? v->scap * 2 : 256;
    sp_vframe *f = sp_realloc(v->st, sizeof(sp_vframe) * (size_t)ncap);
    if (f)
        v->st = f;
    int *s = f ? sp_realloc(v->svars, sizeof(int) * (size_t)ncap * (size_t)(v->nv ? v->nv : 1)) : NULL;
    if (!s)
        return 0;
    v->svars = s;
    v->scap = ncap;
    return 1;
}

/* With tracking: remembers the edge (option j, child slot) of the top
 * frame, packed into one word when they fit (sp_value_edge_*). */
static int edge_push(sp_value *v, int j, int child)
{
    if (!v->track)
        return 1;
    if (v->en + 2 > v->ecap) {
        int ncap = v->ecap ? v->ecap * 2 : 1024;
        uint32_t *e = sp_realloc(v->estack, sizeof(uint32_t) * (size_t)ncap);
        if (!e)
            return 0;
        v->estack = e;
        v->ecap = ncap;
    }
    if (v->eshift) {
        v->estack[v->en++] = (uint32_t)j << v->eshift | (uint32_t)child;
    } else {
        v->estack[v->en++] = (uint32_t)j;
        v->estack[v->en++] = (uint32_t)child;
    }
    return 1;
}

/* With tracking: moves the finished frame's edges to edges[], after those
 * of the states finished before it. */
static int edges_keep(sp_value *v, const sp_vframe *f)
{
    size_t k = (size_t)v->n_order, add = (size_t)(v->en - f->emark);
    if (v->edn + add > UINT32_MAX) {
        fail_limit(v);
        return 0;
    }
    if (v->edn + add > v->edcap) {
        size_t ncap = v->edcap ? v->edcap * 2 : 4096;
        while (ncap < v->edn + add)
            ncap *= 2;
        uint32_t *e = sp_realloc(v->edges, sizeof(uint32_t) * ncap);
        if (!e)
            return 0;
        v->edges = e;
        v->edcap = ncap;
    }
    if (add)
        memcpy(v->edges + v->edn, v->estack + f->emark, sizeof(uint32_t) * add);
    v->eoff[k] = (uint32_t)v->edn;
    v->edn += add;
    v->eoff[k + 1] = (uint32_t)v->edn;
    v->en = f->emark;
    return 1;
}

void sp_value_take(sp_value *v, sp_vframe *f, const sp_vnode *n, int child, const int *vars)
{
    if (v->val[child] == SP_VALUE_NONE)
        return;
    if (v->words)
        sp_ckw_edge(v->words, f, child, vars);
    int t = n->kind == SP_NODE_GOTO ? 0 : v->opts[n->base + f->j].total;
    sp_vframe_offer(f, t, t + v->val[child]);
}

/* Keeps the first dead end found at a node: the stack is its path. */
static void record_dead(sp_value *v, int depth)
{
    int node = v->st[depth - 1].node;
    if (v->dead_seen[node])
        return;
    sp_vdead *nd = sp_realloc(v->dead, sizeof(sp_vdead) * (size_t)(v->n_dead + 1));
    if (!nd) {
        fail(v, SP_ENOMEM, NULL);
        return;
    }
    v->dead = nd;
    sp_vdead *d = &v->dead[v->n_dead];
    memset(d, 0, sizeof *d);
    d->node = node;
    d->vars = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    d->path_nodes = sp_malloc(sizeof(int) * (size_t)depth);
    d->path_opts = sp_malloc(sizeof(int) * (size_t)depth);
    if (!d->vars || !d->path_nodes || !d->path_opts) {
        sp_free(d->vars);
        sp_free(d->path_nodes);
        sp_free(d->path_opts);
        fail(v, SP_ENOMEM, NULL);
        return;
    }
    memcpy(d->vars, v->svars + (size_t)(depth - 1) * (size_t)v->nv, sizeof(int) * (size_t)v->nv);
    for (int i = 0; i < depth - 1; i++)
        if (v->sc->nodes[v->st[i].node].kind != SP_NODE_GOTO) {
            d->path_nodes[d->n_path] = v->st[i].node;
            d->path_opts[d->n_path++] = v->st[i].j;
        }
    v->dead_seen[node] = 1;
    v->n_dead++;
}

void sp_value_close(sp_value *v, const sp_vframe *f)
{
    const sp_vnode *n = &v->nodes[f->node];
    v->val[f->slot] = n->kind == SP_NODE_ENDING ? 0 : f->bestj >= 0 ? f->bestv : SP_VALUE_NONE;
    v->mark[f->slot] = 2;
}

static int finish(sp_value *v, int depth)
{
    sp_vframe *f = &v->st[depth - 1];
    const sp_vnode *n = &v->nodes[f->node];
    sp_value_close(v, f);
    if (!v->track) {
        v->n_order++;
    } else if ((size_t)v->n_states > v->ocap) {
        size_t ncap = v->ocap ? v->ocap * 2 : 1024;
        while (ncap < (size_t)v->n_states)
            ncap *= 2;
        int *o = sp_realloc(v->order, sizeof(int) * ncap);
        if (o)
            v->order = o;
        uint32_t *eo = o ? sp_realloc(v->eoff, sizeof(uint32_t) * (ncap + 1)) : NULL;
        if (eo)
            v->eoff = eo;
        if (!o || !eo)
            return 0;
        v->ocap = ncap;
    }
    if (v->track) {
        if (!edges_keep(v, f))
            return 0;
        if (v->words)
            sp_ckw_finish(v->words, f);
        v->order[v->n_order++] = f->slot;
    }
    if ((n->kind == SP_NODE_DECISION || n->kind == SP_NODE_THOUGHT) && f->n_offered == 0)
        record_dead(v, depth);
    return v->failed == SP_OK;
}

/* Follows options of the top frame until one leads to an unseen state
 * (pushed: returns 1) or all are done (returns 0); -1 on failure. */
static int advance(sp_value *v, int depth)
{
    int nv = v->nv;
    sp_vframe *f = &v->st[depth - 1];
    const sp_vnode *n = &v->nodes[f->node];
    int nopt = n->nopt;
    /* search() keeps room for one frame more than depth. */
    for (; f->j < nopt; f->j++) {
        if (n->kind != SP_NODE_GOTO) {
            const sp_cond *cond = v->opts[n->base + f->j].cond;
            if (cond && !sp_cond_eval(cond, v->svars + (size_t)(depth - 1) * (size_t)nv))
                continue;
            v->offered[n->base + f->j] = 1;
            f->n_offered++;
            if (v->words)
                sp_ckw_option(v->words, f, v->svars + (size_t)(depth - 1) * (size_t)nv);
        }
        int *cv = v->svars + (size_t)depth * (size_t)nv;
        memcpy(cv, cv - nv, sizeof(int) * (size_t)nv);
        int target = sp_value_step(v, f->node, f->j, cv);
        int c = lookup(v, target, cv, 1);
        if (c < 0)
            return -1;
        if (!edge_push(v, f->j, c)) {
            fail(v, SP_ENOMEM, NULL);
            return -1;
        }
        if (v->mark[c] == 2) {
            sp_value_take(v, f, n, c, cv - nv);
            continue;
        }
        if (v->mark[c] == 1) {
            fail(v, SP_EINVAL, SP_N_("de casus bevat een kringloop (een gesprek moet vooruitgaan)"));
            return -1;
        }
        if (!claim(v, c, target))
            return -1;
        f->pending = c;
        v->st[depth] = (sp_vframe){ .slot = c, .node = target, .pending = -1, .bestj = -1, .emark = v->en };
        if (v->words)
            sp_ckw_enter(v->words, &v->st[depth], cv);
        return 1;
    }
    return 0;
}

/* Searches the state (node, vars) and everything it leads to. */
static int search(sp_value *v, int node, const int *vars)
{
    if (v->failed != SP_OK || !stack_room(v, 2)) {
        fail(v, SP_ENOMEM, NULL);
        return -1;
    }
    memcpy(v->svars, vars, sizeof(int) * (size_t)v->nv);
    int s = lookup(v, node, v->svars, 1);
    if (s < 0 || v->mark[s] == 2)
        return s;
    if (v->mark[s] == 1 || !claim(v, s, node)) {
        fail(v, SP_EINVAL, SP_N_("de casus bevat een kringloop (een gesprek moet vooruitgaan)"));
        return -1;
    }
    v->st[0] = (sp_vframe){ .slot = s, .node = node, .pending = -1, .bestj = -1, .emark = v->en };
    if (v->words)
        sp_ckw_enter(v->words, &v->st[0], v->svars);
    int depth = 1;
    while (depth > 0) {
        sp_vframe *f = &v->st[depth - 1];
        if (f->pending >= 0) {
            sp_value_take(v, f, &v->nodes[f->node], f->pending, v->svars + (size_t)(depth - 1) * (size_t)v->nv);
            f->pending = -1;
            f->j++;
        }
        int r = advance(v, depth);
        if (r < 0)
            return -1;
        if (r > 0) {
            depth++;
            if (!stack_room(v, depth + 1)) {
                fail(v, SP_ENOMEM, NULL);
                return -1;
            }
            continue;
        }
        if (!finish(v, depth)) {
            fail(v, SP_ENOMEM, NULL);
            return -1;
        }
        depth--;
    }
    return s;
}

/* ---- public ------------------------------------------------------------------ */

#define PRESIZE_MAX_INTS ((size_t)1 << 26) /* 256 MB of address space at most */

/* Dense layout with tracking: the finishing order and the edges cannot
 * outgrow the slots and their options, so they are allocated at that
 * bound once, instead of growing by copies. Pages that are never written
 * cost no memory. Past PRESIZE_MAX_INTS they grow as they go. 0 on
 * out-of-memory. */
static int presize(sp_value *v)
{
    size_t per = 0; /* edges a state can have, summed over the nodes */
    for (int i = 0; i < v->sc->n_nodes; i++)
        per += v->sc->nodes[i].kind == SP_NODE_GOTO ? 1 : (size_t)v->sc->nodes[i].n_options;
    size_t E = (per << v->bits) * (v->eshift ? 1 : 2);
    if (E > PRESIZE_MAX_INTS || v->cap > PRESIZE_MAX_INTS)
        return 1;
    v->order = sp_malloc(sizeof(int) * (v->cap ? v->cap : 1));
    v->eoff = sp_malloc(sizeof(uint32_t) * (v->cap + 1));
    v->edges = sp_malloc(sizeof(uint32_t) * (E ? E : 1));
    if (!v->order || !v->eoff || !v->edges)
        return 0;
    sp_value_huge(v->order, sizeof(int) * v->cap);
    sp_value_huge(v->eoff, sizeof(uint32_t) * v->cap);
    sp_value_huge(v->edges, sizeof(uint32_t) * E);
    v->ocap = v->cap;
    v->edcap = E ? E : 1;
    return 1;
}

sp_status sp_value_new(const sp_scenario *sc, sp_diag *d, sp_value **out)
{
    return sp_value_new_mode(sc, d, 0, 0, out);
}

sp_status sp_value_new_mode(const sp_scenario *sc, sp_diag *d, int texts, int track, sp_value **out)
{
    *out = NULL;
    if (!sc || sc->n_nodes <= 0)
        return SP_EUSAGE;
    sp_value *v = sp_calloc(1, sizeof *v);
    if (!v)
        return SP_ENOMEM;
    v->sc = sc;
    v->diag = d;
    v->texts = texts;
    v->track = track;
    v->nv = sc->n_vars;
    int ok = sp_value_layout(v);
    v->opt_base = ok ? sp_malloc(sizeof(int) * (size_t)(sc->n_nodes + 1)) : NULL;
    v->dead_seen = sp_calloc((size_t)sc->n_nodes, 1);
    v->met = sp_calloc((size_t)sc->n_nodes, 1);
    v->tmpkey = sp_calloc((size_t)(v->W ? v->W : 1), sizeof(uint64_t));
    v->bvars = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    if (v->opt_base) {
        v->opt_base[0] = 0;
        for (int i = 0; i < sc->n_nodes; i++)
            v->opt_base[i + 1] = v->opt_base[i] + sc->nodes[i].n_options;
        v->offered = sp_calloc((size_t)(v->opt_base[sc->n_nodes] ? v->opt_base[sc->n_nodes] : 1), 1);
        v->otot = sp_malloc(sizeof(int) * (size_t)(v->opt_base[sc->n_nodes] ? v->opt_base[sc->n_nodes] : 1));
        for (int i = 0; v->otot && i < sc->n_nodes; i++)
            for (int j = 0; j < sc->nodes[i].n_options; j++)
                v->otot[v->opt_base[i] + j] = sp_option_total(&sc->nodes[i].options[j]);
    }
    ok = ok && v->offered && v->otot && v->dead_seen && v->met && v->tmpkey && v->bvars && sp_value_tables(v);
    if (ok && v->track)
        sp_value_edge_packing(v);
    if (ok && v->dense) {
        v->cap = (size_t)sc->n_nodes << v->bits;
        v->mark = sp_calloc(v->cap, 1);
        v->val = sp_malloc(v->cap * sizeof(int));
        ok = v->mark && v->val && (!v->track || presize(v));
        if (ok)
            sp_value_huge(v->val, v->cap * sizeof(int));
    } else if (ok) {
        ok = slots_grow(v) && table_grow(v);
    }
    if (!ok) {
        sp_value_free(v);
        return SP_ENOMEM;
    }
    *out = v;
    return SP_OK;
}

void sp_value_free(sp_value *v)
{
    if (!v)
        return;
    for (int i = 0; i < v->n_dead; i++) {
        sp_free(v->dead[i].vars);
        sp_free(v->dead[i].path_nodes);
        sp_free(v->dead[i].path_opts);
    }
    SP_FREE_BLOCKS(v->dead, v->dead_seen, v->met, v->rel, v->rmin, v->rword, v->rshift, v->rmask,
                   v->live, v->mark, v->val, v->bvars, v->snode, v->keys, v->table, v->order,
                   v->eoff, v->estack, v->edges, v->st, v->svars, v->tmpkey, v->offered, v->otot,
                   v->opt_base, v->nodes, v->opts, v->eff, v);
}

int sp_value_states(const sp_value *v) { return v->n_states; }

sp_status sp_value_get(sp_value *v, int node, const int *vars, int *out)
{
    *out = SP_VALUE_NONE;
    if (node < 0 || node >= v->sc->n_nodes)
        return SP_EUSAGE;
    int s = search(v, node, vars);
    if (s < 0)
        return v->failed != SP_OK ? v->failed : SP_ENOMEM;
    *out = v->val[s];
    return SP_OK;
}

sp_status sp_value_enter(sp_value *v, int node, const int *vars_before, int *out)
{
    *out = SP_VALUE_NONE;
    if (node < 0 || node >= v->sc->n_nodes)
        return SP_EUSAGE;
    int *vars = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    if (!vars)
        return SP_ENOMEM;
    memcpy(vars, vars_before, sizeof(int) * (size_t)v->nv);
    const sp_node *n = &v->sc->nodes[node];
    sp_effects_apply(v->sc, vars, n->effects, n->n_effects);
    sp_status rc = sp_value_get(v, node, vars, out);
    sp_free(vars);
    return rc;
}

static int zero_if_none(int x) { return x == SP_VALUE_NONE ? 0 : x; }

sp_status sp_value_judge(sp_value *v, int node, const int *vars, int chosen, sp_judgement *j)
{
    memset(j, 0, sizeof *j);
    j->stronger = -1;
    if (node < 0 || node >= v->sc->n_nodes)
        return SP_EUSAGE;
    const sp_node *n = &v->sc->nodes[node];
    if ((n->kind != SP_NODE_DECISION && n->kind != SP_NODE_THOUGHT) || chosen < 0 ||
        chosen >= n->n_options || !sp_cond_eval(n->options[chosen].cond, vars))
        return SP_EUSAGE;
    int s = search(v, node, vars);
    if (s < 0)
        return v->failed != SP_OK ? v->failed : SP_ENOMEM;
    j->before = v->val[s];
    int best = sp_value_best(v, s, vars);
    int *cv = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    if (!cv)
        return SP_ENOMEM;
    memcpy(cv, vars, sizeof(int) * (size_t)v->nv);
    int target = sp_value_step(v, node, chosen, cv), after = 0;
    sp_status rc = sp_value_get(v, target, cv, &after);
    sp_free(cv);
    if (rc != SP_OK)
        return rc;
    j->chosen_total = sp_option_total(&n->options[chosen]);
    j->chosen_value = after == SP_VALUE_NONE ? SP_VALUE_NONE : j->chosen_total + after;
    j->left = zero_if_none(j->before) - (j->chosen_total + zero_if_none(after));
    if (j->left > 0 && best >= 0 && best != chosen) {
        j->stronger = best;
        j->stronger_total = sp_option_total(&n->options[best]);
    }
    return SP_OK;
}
