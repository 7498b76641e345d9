/* analysis_words.c: the backward pass of `check`: reading length (expert path, shortest and longest play), detours that pay, and answer tells. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/*
 * What a learner reads, counted per state of the check-mode search (whose
 * states include every variable a line or paragraph condition reads, so the
 * counts are exact): on arriving at a node, its lines whose conditions hold
 * (paragraphs resolved); at a decision, the prompt and every option offered,
 * then the feedback of the one chosen; at an ending, its title and
 * evaluation. A text without conditions is counted once, up front.
 *
 * One pass over the states, children first, walks each state's edges once
 * and fills three analyses: the reading spans, the detours (which need the
 * same edges and the children's V) and, from the fixed counts, the answer
 * tells.
 */

/* The shortest and longest (by Dutch words) reading from a state to an
 * ending; min.nl == INT_MIN when no ending is reachable. */
typedef struct {
    sp_words min, max;
} span;

typedef struct {
    const sp_ckgraph *g;
    sp_words *arrive, *shown, *otext, *ofb;     /* fixed counts */
    sp_words *oedge;                            /* per option: feedback + its target's
                                                 * lines, when neither is o_dyn/arrive_dyn */
    unsigned char *arrive_dyn, *shown_dyn, *o_dyn; /* 1: depends on the variables */
    /* Per state, by slot: the edge offset taken, -1 none; the spans; the
     * state's place in the finishing order. */
    int *best_min, *best_max;
    span *w;
    int *fin;
    sp_detour *det;                             /* per node: its detour, if det_at >= 0 */
    int *det_at;                                /* per node: the detour's state (order index) */
} counter;

int sp_check_count_words(const char *s)
{
    if (!s)
        return 0;
    size_t len = strlen(s), i = 0;
    int n = 0;
    unsigned prev = 0; /* 1 when the byte before is a word byte */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Eight bytes at a time: bit 7 of each byte of word says byte > ' '
     * (below 0x80: its low seven bits plus 0x5f carry into bit 7 exactly
     * when it is 0x21 or more; from 0x80 on, bit 7 is set already). A word
     * starts at a word byte whose predecessor is not one. */
    const uint64_t H = 0x8080808080808080ull;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t word = (w | ((w & ~H) + 0x5f5f5f5f5f5f5f5full)) & H;
        n += __builtin_popcountll(word & ~((word << 8) | ((uint64_t)prev << 7)));
        prev = (unsigned)(word >> 63);
    }
#endif
    for (; i < len; i++) {
        unsigned cur = (unsigned char)s[i] > ' ';
        n += cur && !prev;
        prev = cur;
    }
    return n;
}

/* Adds the words of t (its paragraphs that hold under vars) to w. */
static void text_add(const sp_text *t, const int *vars, sp_words *w)
{
    if (!t->n_paras) {
        w->nl += sp_check_count_words(t->s[SP_LANG_NL]);
        w->en += sp_check_count_words(sp_text_get(t, SP_LANG_EN));
        return;
    }
    uint32_t m = sp_text_mask(t, vars);
    for (int i = 0; i < t->n_paras && i < SP_MAX_PARAS; i++) {
        if (!(m & ((uint32_t)1 << i)))
            continue;
        const sp_para *p = &t->paras[i];
        w->nl += sp_check_count_words(p->s[SP_LANG_NL]);
        w->en += sp_check_count_words(p->s[SP_LANG_EN] && p->s[SP_LANG_EN][0] ? p->s[SP_LANG_EN] : p->s[SP_LANG_NL]);
    }
}

static void arrive_add(const sp_node *n, const int *vars, sp_words *w)
{
    for (int i = 0; i < n->n_lines; i++)
        if (!n->lines[i].cond || sp_cond_eval(n->lines[i].cond, vars))
            text_add(&n->lines[i].text, vars, w);
}

static void shown_add(const sp_node *n, const int *vars, sp_words *w)
{
    if (n->kind == SP_NODE_ENDING) {
        text_add(&n->ending_title, vars, w);
        text_add(&n->evaluation, vars, w);
    } else if (n->kind != SP_NODE_GOTO) {
        text_add(&n->prompt, vars, w);
    }
}

/* The counts that do not depend on the variables, once. 0 on OOM. */
static int fixed_counts(counter *c)
{
    const sp_scenario *sc = c->g->sc;
    const int *opt_base = c->g->a->opt_base;
    int N = sc->n_nodes, O = opt_base[N];
    c->arrive = sp_calloc((size_t)N, sizeof(sp_words));
    c->shown = sp_calloc((size_t)N, sizeof(sp_words));
    c->otext = sp_calloc((size_t)(O ? O : 1), sizeof(sp_words));
    c->ofb = sp_calloc((size_t)(O ? O : 1), sizeof(sp_words));
    c->arrive_dyn = sp_calloc((size_t)N, 1);
    c->shown_dyn = sp_calloc((size_t)N, 1);
    c->o_dyn = sp_calloc((size_t)(O ? O : 1), 1);
    c->oedge = sp_calloc((size_t)(O ? O : 1), sizeof(sp_words));
    if (!c->arrive || !c->shown || !c->otext || !c->ofb || !c->arrive_dyn || !c->shown_dyn || !c->o_dyn ||
        !c->oedge)
        return 0;
    for (int i = 0; i < N; i++) {
        const sp_node *n = &sc->nodes[i];
        for (int k = 0; k < n->n_lines; k++)
            c->arrive_dyn[i] |= n->lines[k].cond != NULL || n->lines[k].text.n_paras > 0;
        c->shown_dyn[i] = n->prompt.n_paras > 0 || n->ending_title.n_paras > 0 || n->evaluation.n_paras > 0;
        if (!c->arrive_dyn[i])
            arrive_add(n, NULL, &c->arrive[i]);
        if (!c->shown_dyn[i])
            shown_add(n, NULL, &c->shown[i]);
        for (int j = 0; j < n->n_options; j++) {
            int o = opt_base[i] + j;
            c->o_dyn[o] = n->options[j].text.n_paras > 0 || n->options[j].feedback.n_paras > 0;
            if (!c->o_dyn[o]) {
                text_add(&n->options[j].text, NULL, &c->otext[o]);
                text_add(&n->options[j].feedback, NULL, &c->ofb[o]);
            }
        }
    }
    /* Arrival counts are all known now; an edge's fixed part once per option. */
    for (int i = 0; i < N; i++)
        for (int j = 0; j < sc->nodes[i].n_options; j++) {
            int o = opt_base[i] + j, t = sc->nodes[i].options[j].target;
            c->oedge[o] = (sp_words){ c->ofb[o].nl + c->arrive[t].nl, c->ofb[o].en + c->arrive[t].en };
        }
    return 1;
}

static void add_w(sp_words *a, sp_words b)
{
    a->nl += b.nl;
    a->en += b.en;
}

/* The variables of state k (a slot) into g->vars, once per state (*have). */
static const int *state_vars(const counter *c, int k, int *have)
{
    if (!*have)
        sp_value_slot_vars(c->g->v, k, c->g->vars);
    *have = 1;
    return c->g->vars;
}

/* Words read in state k (slot; order[i]) before choosing (prompt and
 * offered options, or the ending's texts). */
static sp_words state_words(const counter *c, int i, int k)
{
    const sp_ckgraph *g = c->g;
    int node = sp_ck_node(g, k), have = 0;
    const sp_node *n = &g->sc->nodes[node];
    sp_words w = { 0, 0 };
    if (c->shown_dyn[node])
        shown_add(n, state_vars(c, k, &have), &w);
    else
        add_w(&w, c->shown[node]);
    if (n->kind != SP_NODE_DECISION && n->kind != SP_NODE_THOUGHT)
        return w;
    const int base = g->a->opt_base[node];
    for (size_t x = g->eo[i]; x < g->eo[i + 1]; x += 2) {
        int j = g->ed[x], o = base + j;
        if (c->o_dyn[o])
            text_add(&n->options[j].text, state_vars(c, k, &have), &w);
        else
            add_w(&w, c->otext[o]);
    }
    return w;
}

/* Words read along edge x of state k: the chosen option's feedback, then
 * the lines of the node it leads to. */
static sp_words edge_words(const counter *c, int k, size_t x)
{
    const sp_ckgraph *g = c->g;
    int node = sp_ck_node(g, k), j = g->ed[x], child = sp_ck_node(g, g->ed[x + 1]);
    const sp_node *n = &g->sc->nodes[node];
    int o = n->kind == SP_NODE_GOTO ? -1 : g->a->opt_base[node] + j;
    if (o >= 0 && !c->o_dyn[o] && !c->arrive_dyn[child])
        return c->oedge[o];
    int have = 0;
    sp_words w = { 0, 0 };
    if (o >= 0) {
        if (c->o_dyn[o])
            text_add(&n->options[j].feedback, state_vars(c, k, &have), &w);
        else
            add_w(&w, c->ofb[o]);
    }
    if (!c->arrive_dyn[child]) {
        add_w(&w, c->arrive[child]);
        return w;
    }
    int *vars = (int *)state_vars(c, k, &have);
    if (n->kind != SP_NODE_GOTO)
        sp_effects_apply(g->sc, vars, n->options[j].effects, n->options[j].n_effects);
    arrive_add(&g->sc->nodes[child], vars, &w);
    return w;
}

/* A detour pays at state k (order[i]) when the answer with the highest own
 * total (of the offered options that reach an ending; the first of equals)
 * has a higher own total than the stronger option. The pass goes up the
 * finishing order, so per node the state finished last is kept: the one
 * nearest the start. */
static void detour_note(counter *c, int i, int k, int node, int answer, int at, int av)
{
    const sp_ckgraph *g = c->g;
    int route = g->best[k];
    if (route < 0 || answer < 0)
        return;
    int rt = g->otot[g->opt_base[node] + route];
    if (rt >= at)
        return;
    c->det[node] = (sp_detour){ node, answer, at, av, route, rt, g->val[k] };
    c->det_at[node] = i;
}

/* Shortest and longest (Dutch words) to an ending from every state,
 * children first; the detours on the way. */
static void extremes(counter *c)
{
    const sp_ckgraph *g = c->g;
    for (int i = 0; i < g->K; i++) {
        int k = g->order[i], node = sp_ck_node(g, k), have = 0;
        const sp_node *n = &g->sc->nodes[node];
        span *me = &c->w[k];
        c->fin[k] = i;
        c->best_min[k] = c->best_max[k] = -1;
        me->min.nl = me->max.nl = INT_MIN;
        if (g->val[k] == SP_VALUE_NONE)
            continue;
        sp_words s = { 0, 0 }, lo = { 0, 0 }, hi = { 0, 0 };
        if (c->shown_dyn[node])
            shown_add(n, state_vars(c, k, &have), &s);
        else
            s = c->shown[node];
        if (n->kind == SP_NODE_ENDING) {
            me->min = me->max = s;
            continue;
        }
        int choice = n->kind != SP_NODE_GOTO, base = choice ? g->opt_base[node] : 0;
        int answer = -1, at = 0, av = 0;
        for (size_t x = g->eo[i]; x < g->eo[i + 1]; x += 2) {
            int j = g->ed[x], cs = g->ed[x + 1];
            if (choice && c->o_dyn[base + j])
                text_add(&n->options[j].text, state_vars(c, k, &have), &s);
            else if (choice)
                add_w(&s, c->otext[base + j]);
            const span *ch = &c->w[cs];
            if (ch->min.nl == INT_MIN) /* V(child) is none */
                continue;
            if (choice && (answer < 0 || g->otot[base + j] > at)) {
                answer = j;
                at = g->otot[base + j];
                av = at + g->val[cs];
            }
            sp_words ew = edge_words(c, k, x);
            sp_words l = { ew.nl + ch->min.nl, ew.en + ch->min.en };
            sp_words h = { ew.nl + ch->max.nl, ew.en + ch->max.en };
            if (c->best_min[k] < 0 || l.nl < lo.nl) {
                lo = l;
                c->best_min[k] = (int)x;
            }
            if (c->best_max[k] < 0 || h.nl > hi.nl) {
                hi = h;
                c->best_max[k] = (int)x;
            }
        }
        me->min = (sp_words){ s.nl + lo.nl, s.en + lo.en };
        me->max = (sp_words){ s.nl + hi.nl, s.en + hi.en };
        if (c->best_min[k] < 0)
            me->min.nl = me->max.nl = INT_MIN;
        if (choice)
            detour_note(c, i, k, node, answer, at, av);
    }
}

typedef struct {
    int at, node;
} det_rank;

static int by_at_desc(const void *x, const void *y)
{
    int a = ((const det_rank *)x)->at, b = ((const det_rank *)y)->at;
    return (a < b) - (a > b);
}

/* The detours in the order of their states, nearest the start first. 0 on
 * out-of-memory. */
static int detours_list(const counter *c, sp_check *ck)
{
    int N = c->g->sc->n_nodes, n = 0;
    det_rank *r = sp_malloc(sizeof *r * (size_t)(N ? N : 1));
    ck->detours = sp_malloc(sizeof *ck->detours * (size_t)(N ? N : 1));
    if (!r || !ck->detours) {
        sp_free(r);
        return 0;
    }
    for (int i = 0; i < N; i++)
        if (c->det_at[i] >= 0)
            r[n++] = (det_rank){ c->det_at[i], i };
    qsort(r, (size_t)n, sizeof *r, by_at_desc);
    for (int i = 0; i < n; i++)
        ck->detours[ck->n_detours++] = c->det[r[i].node];
    sp_free(r);
    return 1;
}

/* Answer tells, from the fixed Dutch counts of the option texts. */
static void tells(const counter *c, sp_check *ck)
{
    const sp_scenario *sc = c->g->sc;
    const sp_analysis *a = ck->a;
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *n = &sc->nodes[i];
        if (!a->reachable[i] || (n->kind != SP_NODE_DECISION && n->kind != SP_NODE_THOUGHT))
            continue;
        int offered = 0, longest = -1, words = -1, tie = 0, top = INT_MIN;
        for (int j = 0; j < n->n_options; j++) {
            int o = a->opt_base[i] + j;
            if (!a->offered[o])
                continue;
            offered++;
            int w = c->o_dyn[o] ? sp_check_count_words(n->options[j].text.s[SP_LANG_NL]) : c->otext[o].nl;
            int t = c->g->otot[o];
            if (t > top)
                top = t;
            if (w > words) {
                words = w;
                longest = j;
                tie = 0;
            } else if (w == words) {
                tie = 1;
            }
        }
        if (offered < 2)
            continue;
        ck->tell_decisions++;
        ck->tells += !tie && c->g->otot[a->opt_base[i] + longest] == top;
    }
}

/* The play that follows best[] (edge offsets) from the start. */
static int follow(const counter *c, const int *best, sp_apath *out)
{
    const sp_ckgraph *g = c->g;
    out->n = 0;
    out->nodes = sp_malloc(sizeof(int) * (size_t)(g->K ? g->K : 1));
    out->options = sp_malloc(sizeof(int) * (size_t)(g->K ? g->K : 1));
    if (!out->nodes || !out->options)
        return 0;
    for (int k = g->order[g->K - 1]; best[k] >= 0;) {
        int node = sp_ck_node(g, k);
        if (g->sc->nodes[node].kind != SP_NODE_GOTO) {
            out->nodes[out->n] = node;
            out->options[out->n++] = g->ed[best[k]];
        }
        k = g->ed[best[k] + 1];
    }
    return 1;
}

/* The expert path: the stronger option (best[]) at every state. */
static sp_words expert(const counter *c)
{
    const sp_ckgraph *g = c->g;
    sp_words w = { 0, 0 };
    for (int k = g->order[g->K - 1]; k >= 0;) {
        if (g->val[k] == SP_VALUE_NONE)
            return (sp_words){ 0, 0 };
        int i = c->fin[k];
        add_w(&w, state_words(c, i, k));
        const sp_node *n = &g->sc->nodes[sp_ck_node(g, k)];
        if (n->kind == SP_NODE_ENDING)
            break;
        int j = n->kind == SP_NODE_GOTO ? 0 : g->best[k], next = -1;
        for (size_t x = g->eo[i]; x < g->eo[i + 1] && next < 0; x += 2)
            if (g->ed[x] == j) {
                add_w(&w, edge_words(c, k, x));
                next = g->ed[x + 1];
            }
        k = next;
    }
    return w;
}

int sp_check_words(const sp_ckgraph *g, sp_check *ck)
{
    counter c;
    memset(&c, 0, sizeof c);
    c.g = g;
    size_t S = g->S ? g->S : 1; /* in g's scratch: 3 + 4 ints per slot */
    c.best_min = g->scratch;
    c.best_max = g->scratch + S;
    c.fin = g->scratch + 2 * S;
    c.w = (span *)(g->scratch + 3 * S);
    size_t N = (size_t)(g->sc->n_nodes ? g->sc->n_nodes : 1);
    c.det = sp_malloc(sizeof(sp_detour) * N);
    c.det_at = sp_malloc(sizeof(int) * N);
    int ok = c.best_min && c.best_max && c.w && c.fin && c.det && c.det_at && fixed_counts(&c);
    for (size_t i = 0; ok && i < N; i++)
        c.det_at[i] = -1;
    if (ok) {
        /* The start node's own lines, read on arrival with the start values. */
        sp_words start = { 0, 0 };
        for (int i = 0; i < g->sc->n_vars; i++)
            g->vars[i] = g->sc->vars[i].init;
        arrive_add(&g->sc->nodes[g->sc->start], g->vars, &start);
        extremes(&c);
        int root = g->K > 0 ? g->order[g->K - 1] : -1;
        if (root >= 0 && c.w[root].min.nl != INT_MIN) {
            const span *r = &c.w[root];
            ck->short_words = (sp_words){ start.nl + r->min.nl, start.en + r->min.en };
            ck->long_words = (sp_words){ start.nl + r->max.nl, start.en + r->max.en };
            sp_words e = expert(&c);
            ck->expert_words = (sp_words){ start.nl + e.nl, start.en + e.en };
            ok = follow(&c, c.best_min, &ck->short_path) && follow(&c, c.best_max, &ck->long_path);
        }
        ok = ok && detours_list(&c, ck);
        tells(&c, ck);
    }
    sp_free(c.arrive);
    sp_free(c.shown);
    sp_free(c.otext);
    sp_free(c.ofb);
    sp_free(c.oedge);
    sp_free(c.arrive_dyn);
    sp_free(c.shown_dyn);
    sp_free(c.o_dyn);
    sp_free(c.det);
    sp_free(c.det_at);
    return ok;
}
