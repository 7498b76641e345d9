/* analysis_words.c: reading length for `check`: the words of the expert path and of the shortest and longest complete play. */
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
 */

typedef struct {
    const sp_ckgraph *g;
    sp_words *arrive, *shown, *otext, *ofb;     /* fixed counts */
    unsigned char *arrive_dyn, *shown_dyn, *o_dyn; /* 1: depends on the variables */
    int *best_min, *best_max;                   /* per state: edge offset taken, -1 none */
    sp_words *wmin, *wmax;
} counter;

static int words_in(const char *s)
{
    int n = 0, in = 0;
    for (; s && *s; s++) {
        int space = *s == ' ' || *s == '\n' || *s == '\t' || *s == '\r';
        n += !space && !in;
        in = !space;
    }
    return n;
}

/* Adds the words of t (its paragraphs that hold under vars) to w. */
static void text_add(const sp_text *t, const int *vars, sp_words *w)
{
    if (!t->n_paras) {
        w->nl += words_in(t->s[SP_LANG_NL]);
        w->en += words_in(sp_text_get(t, SP_LANG_EN));
        return;
    }
    uint32_t m = sp_text_mask(t, vars);
    for (int i = 0; i < t->n_paras && i < SP_MAX_PARAS; i++) {
        if (!(m & ((uint32_t)1 << i)))
            continue;
        const sp_para *p = &t->paras[i];
        w->nl += words_in(p->s[SP_LANG_NL]);
        w->en += words_in(p->s[SP_LANG_EN] && p->s[SP_LANG_EN][0] ? p->s[SP_LANG_EN] : p->s[SP_LANG_NL]);
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
    if (!c->arrive || !c->shown || !c->otext || !c->ofb || !c->arrive_dyn || !c->shown_dyn || !c->o_dyn)
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
    return 1;
}

static void add_w(sp_words *a, sp_words b)
{
    a->nl += b.nl;
    a->en += b.en;
}

/* The variables of state k into g->vars, once per state (*have). */
static const int *state_vars(const counter *c, int k, int *have)
{
    if (!*have)
        sp_value_slot_vars(c->g->v, c->g->v->order[k], c->g->vars);
    *have = 1;
    return c->g->vars;
}

/* Words read in state k before choosing (prompt and offered options, or
 * the ending's texts). */
static sp_words state_words(const counter *c, int k)
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
    for (int e = g->eo[k]; e < g->eo[k + 1]; e++) {
        int j = g->ej[e], o = g->a->opt_base[node] + j;
        if (c->o_dyn[o])
            text_add(&n->options[j].text, state_vars(c, k, &have), &w);
        else
            add_w(&w, c->otext[o]);
    }
    return w;
}

/* Words read along edge e of state k: the chosen option's feedback, then
 * the lines of the node it leads to. */
static sp_words edge_words(const counter *c, int k, int e)
{
    const sp_ckgraph *g = c->g;
    int node = sp_ck_node(g, k), j = g->ej[e], child = sp_ck_node(g, g->ec[e]);
    int have = 0;
    const sp_node *n = &g->sc->nodes[node];
    sp_words w = { 0, 0 };
    if (n->kind == SP_NODE_DECISION || n->kind == SP_NODE_THOUGHT) {
        int o = g->a->opt_base[node] + j;
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

/* Shortest and longest (Dutch words) to an ending from every state,
 * children first. */
static void extremes(counter *c)
{
    const sp_ckgraph *g = c->g;
    for (int k = 0; k < g->K; k++) {
        c->best_min[k] = c->best_max[k] = -1;
        c->wmin[k].nl = c->wmax[k].nl = INT_MIN;
        if (g->val[k] == SP_VALUE_NONE)
            continue;
        sp_words s = state_words(c, k);
        if (g->sc->nodes[sp_ck_node(g, k)].kind == SP_NODE_ENDING) {
            c->wmin[k] = c->wmax[k] = s;
            continue;
        }
        for (int e = g->eo[k]; e < g->eo[k + 1]; e++) {
            int ck = g->ec[e];
            if (c->wmin[ck].nl == INT_MIN)
                continue;
            sp_words ew = edge_words(c, k, e);
            sp_words lo = { s.nl + ew.nl + c->wmin[ck].nl, s.en + ew.en + c->wmin[ck].en };
            sp_words hi = { s.nl + ew.nl + c->wmax[ck].nl, s.en + ew.en + c->wmax[ck].en };
            if (c->best_min[k] < 0 || lo.nl < c->wmin[k].nl) {
                c->wmin[k] = lo;
                c->best_min[k] = e;
            }
            if (c->best_max[k] < 0 || hi.nl > c->wmax[k].nl) {
                c->wmax[k] = hi;
                c->best_max[k] = e;
            }
        }
    }
}

/* The play that follows best[] from the start. */
static int follow(const counter *c, const int *best, sp_apath *out)
{
    const sp_ckgraph *g = c->g;
    out->n = 0;
    out->nodes = sp_malloc(sizeof(int) * (size_t)(g->K ? g->K : 1));
    out->options = sp_malloc(sizeof(int) * (size_t)(g->K ? g->K : 1));
    if (!out->nodes || !out->options)
        return 0;
    for (int k = g->K - 1; k >= 0 && best[k] >= 0;) {
        int node = sp_ck_node(g, k);
        if (g->sc->nodes[node].kind != SP_NODE_GOTO) {
            out->nodes[out->n] = node;
            out->options[out->n++] = g->ej[best[k]];
        }
        k = g->ec[best[k]];
    }
    return 1;
}

/* The expert path: the stronger option (best[]) at every state. */
static sp_words expert(const counter *c)
{
    const sp_ckgraph *g = c->g;
    sp_words w = { 0, 0 };
    for (int k = g->K - 1; k >= 0;) {
        if (g->val[k] == SP_VALUE_NONE)
            return (sp_words){ 0, 0 };
        add_w(&w, state_words(c, k));
        const sp_node *n = &g->sc->nodes[sp_ck_node(g, k)];
        if (n->kind == SP_NODE_ENDING)
            break;
        int j = n->kind == SP_NODE_GOTO ? 0 : g->best[k], next = -1;
        for (int e = g->eo[k]; e < g->eo[k + 1] && next < 0; e++)
            if (g->ej[e] == j) {
                add_w(&w, edge_words(c, k, e));
                next = g->ec[e];
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
    size_t K = (size_t)(g->K ? g->K : 1);
    c.best_min = sp_malloc(sizeof(int) * K);
    c.best_max = sp_malloc(sizeof(int) * K);
    c.wmin = sp_malloc(sizeof(sp_words) * K);
    c.wmax = sp_malloc(sizeof(sp_words) * K);
    int ok = c.best_min && c.best_max && c.wmin && c.wmax && fixed_counts(&c);
    if (ok) {
        /* The start node's own lines, read on arrival with the start values. */
        sp_words start = { 0, 0 };
        for (int i = 0; i < g->sc->n_vars; i++)
            g->vars[i] = g->sc->vars[i].init;
        arrive_add(&g->sc->nodes[g->sc->start], g->vars, &start);
        extremes(&c);
        int root = g->K - 1;
        if (root >= 0 && c.wmin[root].nl != INT_MIN) {
            ck->short_words = (sp_words){ start.nl + c.wmin[root].nl, start.en + c.wmin[root].en };
            ck->long_words = (sp_words){ start.nl + c.wmax[root].nl, start.en + c.wmax[root].en };
            sp_words e = expert(&c);
            ck->expert_words = (sp_words){ start.nl + e.nl, start.en + e.en };
            ok = follow(&c, c.best_min, &ck->short_path) && follow(&c, c.best_max, &ck->long_path);
        }
    }
    sp_free(c.arrive);
    sp_free(c.shown);
    sp_free(c.otext);
    sp_free(c.ofb);
    sp_free(c.arrive_dyn);
    sp_free(c.shown_dyn);
    sp_free(c.o_dyn);
    sp_free(c.best_min);
    sp_free(c.best_max);
    sp_free(c.wmin);
    sp_free(c.wmax);
    return ok;
}
