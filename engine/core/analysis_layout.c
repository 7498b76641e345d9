/* analysis_layout.c: which variables make up a state of the value function, where they sit in its key, where each is still live; the compact tables the search reads. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/*
 * A variable is relevant when some condition reads it (of an option or a
 * goto; in `check` mode also of a line or a paragraph). Its value minus its
 * min takes a bit field just wide enough for max - min, packed into 64-bit
 * words. It is live at a node when some path on from there reads it before
 * a set overwrites it: the search keys a state by the live fields only, so
 * a flag set early and read once stops splitting states after that read.
 */

#define DENSE_MAX_SLOTS ((size_t)1 << 23) /* the dense layout's largest table */

/* ---- layout -------------------------------------------------------------- */

static int bits_for(long long range)
{
    int b = 0;
    while (b < 40 && (range >> b) != 0)
        b++;
    return b;
}

static void text_vars(const sp_text *t, unsigned char *used)
{
    for (int i = 0; i < t->n_paras; i++)
        sp_cond_vars(t->paras[i].cond, used);
}

/* What a node shows once it is entered (its state's variables): prompt,
 * options and their feedback, the ending's texts. */
static void node_text_vars(const sp_node *n, unsigned char *used)
{
    text_vars(&n->prompt, used);
    text_vars(&n->ending_title, used);
    text_vars(&n->evaluation, used);
    for (int k = 0; k < n->n_options; k++) {
        text_vars(&n->options[k].text, used);
        text_vars(&n->options[k].feedback, used);
    }
}

/* What arriving at a node shows (the variables before its set/add). */
static void arrival_text_vars(const sp_node *n, unsigned char *used)
{
    for (int k = 0; k < n->n_lines; k++) {
        sp_cond_vars(n->lines[k].cond, used);
        text_vars(&n->lines[k].text, used);
    }
}

static void mark_used(const sp_value *v, unsigned char *used)
{
    const sp_scenario *sc = v->sc;
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *n = &sc->nodes[i];
        for (int k = 0; k < n->n_gotos; k++)
            sp_cond_vars(n->gotos[k].cond, used);
        for (int k = 0; k < n->n_options; k++)
            sp_cond_vars(n->options[k].cond, used);
        if (v->texts) {
            node_text_vars(n, used);
            arrival_text_vars(n, used);
        }
    }
}

static int liveness(sp_value *v);

int sp_value_layout(sp_value *v)
{
    const sp_scenario *sc = v->sc;
    size_t nvb = (size_t)(sc->n_vars ? sc->n_vars : 1);
    unsigned char *used = sp_calloc(nvb, 1);
    v->rel = sp_calloc(nvb, sizeof(int));
    v->rmin = sp_calloc(nvb, sizeof(int));
    v->rword = sp_calloc(nvb, sizeof(int));
    v->rshift = sp_calloc(nvb, sizeof(int));
    v->rmask = sp_calloc(nvb, sizeof(uint64_t));
    if (!used || !v->rel || !v->rmin || !v->rword || !v->rshift || !v->rmask) {
        sp_free(used);
        return 0;
    }
    mark_used(v, used);
    /* Fields fill a word from its low end; then each word's fields are
     * turned around so that the first variable sits highest: comparing
     * keys word by word as numbers compares the values in the order the
     * variables are declared (the rule `check` breaks ties by). */
    int word = 0, shift = 0, total_bits = 0;
    for (int i = 0; i < sc->n_vars; i++) {
        if (!used[i])
            continue;
        int b = bits_for((long long)sc->vars[i].max - sc->vars[i].min);
        if (shift + b > 64) {
            word++;
            shift = 0;
        }
        int r = v->nrel++;
        v->rel[r] = i;
        v->rmin[r] = sc->vars[i].min;
        v->rword[r] = word;
        v->rshift[r] = shift;
        v->rmask[r] = b >= 64 ? ~(uint64_t)0 : (((uint64_t)1 << b) - 1);
        shift += b;
        total_bits += b;
    }
    for (int r = 0; r < v->nrel; r++) {
        int used_bits = 0, b = bits_for((long long)v->rmask[r]);
        for (int q = 0; q < v->nrel; q++)
            if (v->rword[q] == v->rword[r])
                used_bits += bits_for((long long)v->rmask[q]);
        v->rshift[r] = used_bits - v->rshift[r] - b;
    }
    sp_free(used);
    v->W = total_bits ? word + 1 : 0;
    v->bits = total_bits;
    v->dense = v->W <= 1 && total_bits <= 24 &&
               ((size_t)sc->n_nodes << total_bits) <= DENSE_MAX_SLOTS;
    return liveness(v);
}

/* ---- liveness ----------------------------------------------------------- */

/* Which relevant variables a condition reads, into set (by field index). */
static void cond_reads(const sp_value *v, const sp_cond *c, unsigned char *used, unsigned char *set)
{
    if (!c)
        return;
    memset(used, 0, (size_t)(v->nv ? v->nv : 1));
    sp_cond_vars(c, used);
    for (int r = 0; r < v->nrel; r++)
        set[r] |= used[v->rel[r]];
}

/* What a node's texts read, into set (by field index). */
static void text_reads(const sp_value *v, const sp_node *n, int arrival, unsigned char *used,
                       unsigned char *set)
{
    if (!v->texts)
        return;
    memset(used, 0, (size_t)(v->nv ? v->nv : 1));
    if (arrival)
        arrival_text_vars(n, used);
    else
        node_text_vars(n, used);
    for (int r = 0; r < v->nrel; r++)
        set[r] |= used[v->rel[r]];
}

/* set: live after the effects; becomes live before them (a set kills). */
static void kill_sets(const sp_value *v, const int *field, const sp_effect *e, int n, unsigned char *set)
{
    for (int i = n - 1; i >= 0; i--)
        if (e[i].op == SP_EFFECT_SET && field[e[i].var] >= 0)
            set[field[e[i].var]] = 0;
}

/* Adds to live[n] what arriving at t (by option o, NULL for a goto) needs. */
static void edge_live(const sp_value *v, const int *field, unsigned char *used, unsigned char *tmp,
                      int n, const sp_option *o, int t)
{
    const sp_node *tn = &v->sc->nodes[t];
    size_t R = (size_t)v->nrel;
    memcpy(tmp, v->live + (size_t)t * R, R);
    kill_sets(v, field, tn->effects, tn->n_effects, tmp);
    text_reads(v, tn, 1, used, tmp);
    if (o)
        kill_sets(v, field, o->effects, o->n_effects, tmp);
    for (size_t r = 0; r < R; r++)
        v->live[(size_t)n * R + r] |= tmp[r];
}

/* live[n]: by one pass over the nodes, successors first (the graph is
 * acyclic; on a cycle every variable counts as live, and the search
 * reports the cycle). 0 on out-of-memory. */
static int liveness(sp_value *v)
{
    const sp_scenario *sc = v->sc;
    int N = sc->n_nodes;
    size_t R = (size_t)v->nrel;
    v->live = sp_calloc((size_t)N * (R ? R : 1), 1);
    int *field = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    unsigned char *used = sp_malloc((size_t)(v->nv ? v->nv : 1)), *tmp = sp_malloc(R ? R : 1);
    unsigned char *state = sp_calloc((size_t)N, 1);
    int *stack = sp_malloc(sizeof(int) * (size_t)N * 2);
    int ok = v->live && field && used && tmp && state && stack;
    for (int i = 0; ok && i < v->nv; i++)
        field[i] = -1;
    for (int r = 0; ok && r < v->nrel; r++)
        field[v->rel[r]] = r;
    for (int root = 0; ok && root < N; root++) {
        if (state[root])
            continue;
        int sp = 0;
        stack[sp++] = root;
        stack[sp++] = 0;
        state[root] = 1;
        while (sp > 0) {
            int n = stack[sp - 2], j = stack[sp - 1];
            const sp_node *nd = &sc->nodes[n];
            int ns = nd->kind == SP_NODE_GOTO ? nd->n_gotos : nd->n_options;
            if (j < ns) {
                stack[sp - 1]++;
                int t = nd->kind == SP_NODE_GOTO ? nd->gotos[j].target : nd->options[j].target;
                if (!state[t]) {
                    state[t] = 1;
                    stack[sp++] = t;
                    stack[sp++] = 0;
                } else if (state[t] == 1) {
                    memset(v->live, 1, (size_t)N * R); /* a cycle */
                    goto out;
                }
                continue;
            }
            sp -= 2;
            state[n] = 2;
            unsigned char *ln = v->live + (size_t)n * R;
            text_reads(v, nd, 0, used, ln);
            for (int k = 0; k < nd->n_gotos; k++) {
                cond_reads(v, nd->gotos[k].cond, used, ln);
                edge_live(v, field, used, tmp, n, NULL, nd->gotos[k].target);
            }
            for (int k = 0; k < nd->n_options; k++) {
                cond_reads(v, nd->options[k].cond, used, ln);
                edge_live(v, field, used, tmp, n, &nd->options[k], nd->options[k].target);
            }
        }
    }
out:
    sp_free(field);
    sp_free(used);
    sp_free(tmp);
    sp_free(state);
    sp_free(stack);
    return ok;
}

/* ---- the search's tables ------------------------------------------------- */

/* v->nodes, opts and eff from the model (opt_base and otot made). 0 on
 * out-of-memory. */
int sp_value_tables(sp_value *v)
{
    const sp_scenario *sc = v->sc;
    int N = sc->n_nodes, O = v->opt_base[N], E = 0;
    for (int i = 0; i < N; i++) {
        E += sc->nodes[i].n_effects;
        for (int j = 0; j < sc->nodes[i].n_options; j++)
            E += sc->nodes[i].options[j].n_effects;
    }
    v->nodes = sp_malloc(sizeof(sp_vnode) * (size_t)N);
    v->opts = sp_malloc(sizeof(sp_vopt) * (size_t)(O ? O : 1));
    v->eff = sp_malloc(sizeof(sp_effect) * (size_t)(E ? E : 1));
    if (!v->nodes || !v->opts || !v->eff)
        return 0;
    E = 0;
    for (int i = 0; i < N; i++) {
        const sp_node *n = &sc->nodes[i];
        int nopt = n->kind == SP_NODE_GOTO ? 1 : n->kind == SP_NODE_ENDING ? 0 : n->n_options;
        v->nodes[i] = (sp_vnode){ n->kind, nopt, v->opt_base[i], E, n->n_effects };
        for (int k = 0; k < n->n_effects; k++)
            v->eff[E++] = n->effects[k];
        for (int j = 0; j < n->n_options; j++) {
            const sp_option *o = &n->options[j];
            v->opts[v->opt_base[i] + j] = (sp_vopt){ o->cond, o->target, v->otot[v->opt_base[i] + j], E, o->n_effects };
            for (int k = 0; k < o->n_effects; k++)
                v->eff[E++] = o->effects[k];
        }
    }
    return 1;
}

/* An edge (option, child slot) in one 32-bit word when the slot's bits
 * and the largest option index fit; two words otherwise. */
void sp_value_edge_packing(sp_value *v)
{
    int most = 1, sb = 0;
    for (int i = 0; i < v->sc->n_nodes; i++)
        most = v->sc->nodes[i].n_options > most ? v->sc->nodes[i].n_options : most;
    size_t slots = v->dense ? (size_t)v->sc->n_nodes << v->bits : (size_t)SP_ANALYSIS_MAX_STATES;
    while (sb < 32 && ((size_t)1 << sb) < slots)
        sb++;
    v->eshift = sb < 32 && ((size_t)most << sb) <= ((size_t)1 << 32) ? sb : 0;
    v->emask = v->eshift ? (((uint32_t)1 << sb) - 1) : 0;
}

void sp_value_huge(void *p, size_t n)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    uintptr_t M = (uintptr_t)1 << 21, a = ((uintptr_t)p + M - 1) & ~(M - 1), b = ((uintptr_t)p + n) & ~(M - 1);
    if (p && b > a)
        madvise((void *)a, b - a, MADV_HUGEPAGE);
#else
    (void)p;
    (void)n;
#endif
}
