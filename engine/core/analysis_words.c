/* analysis_words.c: what `check` works out as the search finishes each state: reading length (expert path, shortest and longest play), detours that pay; and the answer tells. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <limits.h>
#include <string.h>

/*
 * What a learner reads, counted per state of the check-mode search (whose
 * states include every variable a line or paragraph condition reads, so the
 * counts are exact): on arriving at a node, its lines whose conditions hold
 * (paragraphs resolved); at a decision, the prompt and every option offered,
 * then the feedback of the one chosen; at an ending, its title and
 * evaluation. A text without conditions is counted once, up front.
 *
 * The search finishes children before parents, so it fills the reading
 * spans as it goes (the hooks sp_ckw_*, called with the state's variables
 * from the search's own stack): each edge is looked at once, in the same
 * walk that works out V, and so are the detours (which need the same edges
 * and the children's V). The answer tells come from the fixed counts.
 */

struct sp_ckwords {
    const sp_scenario *sc;
    const sp_value *v;
    sp_words *arrive, *shown, *otext, *ofb;     /* fixed counts */
    sp_words *oedge;                            /* per option: feedback + its target's
                                                 * lines, when neither is o_dyn/arrive_dyn */
    unsigned char *arrive_dyn, *shown_dyn, *o_dyn; /* 1: depends on the variables */
    unsigned char *node_dyn;                    /* 1: a text read in the node's state or on a move
                                                 * out of it depends on the variables */
    /* Per slot (wcap of them): the shortest and longest (by Dutch words)
     * reading from the state to an ending, and the option (0 for a goto)
     * each takes first. */
    sp_ckslot *w;
    size_t wcap;
    int failed;                                 /* out of memory while growing */
    int *tmp;                                   /* scratch: every variable */
    sp_detour *det;                             /* per node: its detour, if det_at >= 0 */
    int *det_at;                                /* per node: the detour's state (slot) */
};

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
     * starts at a word byte whose predecessor is not one. The starts are
     * bit 7 of some bytes: shifted down to bit 0 and multiplied by
     * 0x0101..01, their count (at most 8) adds up in the top byte (no
     * popcount instruction needed, which the default target lacks). */
    const uint64_t H = 0x8080808080808080ull;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t word = (w | ((w & ~H) + 0x5f5f5f5f5f5f5f5full)) & H;
        uint64_t starts = word & ~((word << 8) | ((uint64_t)prev << 7));
        n += (int)(((starts >> 7) * 0x0101010101010101ull) >> 56);
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
static int fixed_counts(sp_ckwords *c)
{
    const sp_scenario *sc = c->sc;
    const int *opt_base = c->v->opt_base;
    int N = sc->n_nodes, O = opt_base[N];
    c->arrive = sp_calloc((size_t)N, sizeof(sp_words));
    c->shown = sp_calloc((size_t)N, sizeof(sp_words));
    c->otext = sp_calloc((size_t)(O ? O : 1), sizeof(sp_words));
    c->ofb = sp_calloc((size_t)(O ? O : 1), sizeof(sp_words));
    c->arrive_dyn = sp_calloc((size_t)N, 1);
    c->shown_dyn = sp_calloc((size_t)N, 1);
    c->o_dyn = sp_calloc((size_t)(O ? O : 1), 1);
    c->oedge = sp_calloc((size_t)(O ? O : 1), sizeof(sp_words));
    c->node_dyn = sp_calloc((size_t)N, 1);
    if (!c->arrive || !c->shown || !c->otext || !c->ofb || !c->arrive_dyn || !c->shown_dyn || !c->o_dyn ||
        !c->oedge || !c->node_dyn)
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
    for (int i = 0; i < N; i++) {
        const sp_node *n = &sc->nodes[i];
        c->node_dyn[i] = c->shown_dyn[i];
        for (int j = 0; j < n->n_options; j++) {
            int o = opt_base[i] + j, t = n->options[j].target;
            c->oedge[o] = (sp_words){ c->ofb[o].nl + c->arrive[t].nl, c->ofb[o].en + c->arrive[t].en };
            c->node_dyn[i] |= c->o_dyn[o] | c->arrive_dyn[t];
        }
        for (int j = 0; j < n->n_gotos; j++)
            c->node_dyn[i] |= c->arrive_dyn[n->gotos[j].target];
    }
    return 1;
}

static void add_w(sp_words *a, sp_words b)
{
    a->nl += b.nl;
    a->en += b.en;
}

/* Words read in a state before choosing: the prompt (or the ending's texts). */
static sp_words shown_words(const sp_ckwords *c, int node, const int *vars)
{
    sp_words w = { 0, 0 };
    if (c->shown_dyn[node])
        shown_add(&c->sc->nodes[node], vars, &w);
    else
        w = c->shown[node];
    return w;
}

/* Adds the text of option j of node, offered under vars, to w. */
static void option_words(const sp_ckwords *c, int node, int j, const int *vars, sp_words *w)
{
    int o = c->v->opt_base[node] + j;
    if (c->o_dyn[o])
        text_add(&c->sc->nodes[node].options[j].text, vars, w);
    else
        add_w(w, c->otext[o]);
}

/* Words read along option j of node (0 for a goto) under vars, into the
 * node child: the chosen option's feedback, then the lines of child. */
static sp_words edge_words(const sp_ckwords *c, int node, int j, int child, const int *vars)
{
    const sp_vnode *vn = &c->v->nodes[node];
    int o = vn->kind == SP_NODE_GOTO ? -1 : vn->base + j;
    if (o >= 0 && !c->o_dyn[o] && !c->arrive_dyn[child])
        return c->oedge[o];
    const sp_node *n = &c->sc->nodes[node];
    sp_words w = { 0, 0 };
    if (o >= 0) {
        if (c->o_dyn[o])
            text_add(&n->options[j].feedback, vars, &w);
        else
            add_w(&w, c->ofb[o]);
    }
    if (!c->arrive_dyn[child]) {
        add_w(&w, c->arrive[child]);
        return w;
    }
    memcpy(c->tmp, vars, sizeof(int) * (size_t)c->sc->n_vars);
    if (n->kind != SP_NODE_GOTO)
        sp_effects_apply(c->sc, c->tmp, n->options[j].effects, n->options[j].n_effects);
    arrive_add(&c->sc->nodes[child], c->tmp, &w);
    return w;
}

/* ---- the search's hooks ------------------------------------------------------ */

static inline void ckw_enter(const sp_ckwords *c, sp_vframe *f, const int *vars)
{
    f->shown = shown_words(c, f->node, vars);
    f->lo = f->hi = (sp_words){ 0, 0 };
    f->bmin = f->bmax = f->answer = -1;
    f->at = f->av = 0;
}

void sp_ckw_enter(sp_ckwords *c, sp_vframe *f, const int *vars) { ckw_enter(c, f, vars); }

void sp_ckw_option(sp_ckwords *c, sp_vframe *f, const int *vars)
{
    option_words(c, f->node, f->j, vars, &f->shown);
}

/* Shortest and longest (Dutch words) to an ending over this edge; the
 * answer with the highest own total (of the offered options that reach an
 * ending; the first of equals). */
static inline void ckw_edge(sp_ckwords *c, sp_vframe *f, int child, const int *vars)
{
    const sp_value *v = c->v;
    if (c->failed)
        return;
    int node = f->node, j = f->j;
    const sp_vnode *vn = &v->nodes[node];
    if (vn->kind != SP_NODE_GOTO) {
        int t = v->opts[vn->base + j].total;
        if (f->answer < 0 || t > f->at) {
            f->answer = j;
            f->at = t;
            f->av = t + v->val[child];
        }
    }
    const sp_ckslot *ch = &c->w[child];
    sp_words ew = edge_words(c, node, j, sp_value_slot_node(v, child), vars);
    sp_words l = { ew.nl + ch->w.min.nl, ew.en + ch->w.min.en };
    sp_words h = { ew.nl + ch->w.max.nl, ew.en + ch->w.max.en };
    if (f->bmin < 0 || l.nl < f->lo.nl) {
        f->lo = l;
        f->bmin = j;
    }
    if (f->bmax < 0 || h.nl > f->hi.nl) {
        f->hi = h;
        f->bmax = j;
    }
}

void sp_ckw_edge(sp_ckwords *c, sp_vframe *f, int child, const int *vars) { ckw_edge(c, f, child, vars); }

/* Room for slot k in the per-slot table (the hashed layout grows). */
static int room(sp_ckwords *c, size_t k)
{
    if (k < c->wcap)
        return 1;
    size_t ncap = c->wcap ? c->wcap * 2 : 1024;
    while (ncap <= k)
        ncap *= 2;
    sp_ckslot *w = sp_realloc(c->w, sizeof(sp_ckslot) * ncap);
    if (!w)
        return 0;
    c->w = w;
    c->wcap = ncap;
    sp_value_huge(w, sizeof(sp_ckslot) * ncap);
    return 1;
}

/* A detour pays at the state when the answer with the highest own total
 * has a higher own total than the stronger option. Per node one state is
 * reported: the one with the lowest values (sp_value_state_before). */
static inline void ckw_finish(sp_ckwords *c, const sp_vframe *f)
{
    const sp_value *v = c->v;
    int k = f->slot, node = f->node;
    if (c->failed || !room(c, (size_t)k)) {
        c->failed = 1;
        return;
    }
    sp_ckslot *me = &c->w[k];
    const sp_vnode *n = &v->nodes[node];
    me->w.bmin = me->w.bmax = -1;
    me->w.min.nl = me->w.max.nl = INT_MIN;
    if (v->val[k] == SP_VALUE_NONE)
        return;
    if (n->kind == SP_NODE_ENDING) {
        me->w.min = me->w.max = f->shown;
        return;
    }
    if (f->bmin < 0)
        return;
    me->w.min = (sp_words){ f->shown.nl + f->lo.nl, f->shown.en + f->lo.en };
    me->w.max = (sp_words){ f->shown.nl + f->hi.nl, f->shown.en + f->hi.en };
    me->w.bmin = f->bmin;
    me->w.bmax = f->bmax;
    int route = f->bestj; /* the stronger option: the search's choice at this state */
    if (n->kind == SP_NODE_GOTO || route < 0 || f->answer < 0)
        return;
    int rt = v->opts[n->base + route].total;
    if (rt >= f->at || (c->det_at[node] >= 0 && !sp_value_state_before(v, k, c->det_at[node])))
        return;
    c->det[node] = (sp_detour){ node, f->answer, f->at, f->av, route, rt, v->val[k] };
    c->det_at[node] = k;
}

void sp_ckw_finish(sp_ckwords *c, const sp_vframe *f) { ckw_finish(c, f); }

/* One state of the dense passes, its children done: the search's steps
 * for it (sp_value_take, sp_value_close) and its hooks, in one function
 * where the hooks are inlined. The node's variables are unpacked only
 * when one of its texts depends on them. */
void sp_ckw_dense_state(sp_ckwords *c, sp_value *v, int slot, int node, const int *child, int *vars)
{
    const sp_vnode *vn = &v->nodes[node];
    int go = vn->kind == SP_NODE_GOTO;
    if (c->node_dyn[node])
        sp_value_slot_vars(v, slot, vars);
    sp_vframe f;
    f.slot = slot;
    f.node = node;
    f.bestj = -1;
    f.n_offered = 0;
    ckw_enter(c, &f, vars);
    for (f.j = 0; f.j < vn->nopt; f.j++) {
        int ch = child[f.j];
        if (ch < 0)
            continue;
        if (!go) {
            f.n_offered++;
            option_words(c, node, f.j, vars, &f.shown);
        }
        if (v->val[ch] == SP_VALUE_NONE)
            continue;
        ckw_edge(c, &f, ch, vars);
        int t = go ? 0 : v->opts[vn->base + f.j].total;
        sp_vframe_offer(&f, t, t + v->val[ch]);
    }
    sp_value_close(v, &f);
    ckw_finish(c, &f);
}

/* ---- after the search ---------------------------------------------------------- */

/* The detours in file order. 0 on out-of-memory. */
static int detours_list(const sp_ckwords *c, sp_check *ck)
{
    int N = c->sc->n_nodes;
    ck->detours = sp_malloc(sizeof *ck->detours * (size_t)(N ? N : 1));
    if (!ck->detours)
        return 0;
    for (int i = 0; i < N; i++)
        if (c->det_at[i] >= 0)
            ck->detours[ck->n_detours++] = c->det[i];
    return 1;
}

/* Answer tells, from the fixed Dutch counts of the option texts. */
static void tells(const sp_ckwords *c, sp_check *ck)
{
    const sp_scenario *sc = c->sc;
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
            int t = c->v->otot[o];
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
        ck->tells += !tie && c->v->otot[a->opt_base[i] + longest] == top;
    }
}

/* The play that takes the shortest (longest: 1) reading's options from the
 * root state. 0 on out-of-memory. */
static int follow(const sp_ckwords *c, int longest, int *vars, sp_apath *out)
{
    const sp_value *v = c->v;
    size_t K = (size_t)(v->n_states ? v->n_states : 1);
    out->n = 0;
    out->nodes = sp_malloc(sizeof(int) * K);
    out->options = sp_malloc(sizeof(int) * K);
    if (!out->nodes || !out->options)
        return 0;
    sp_check_root_vars(c->sc, vars);
    int node = c->sc->start;
    for (int k = sp_value_find(v, node, vars); k >= 0; k = sp_value_find(v, node, vars)) {
        int j = longest ? c->w[k].w.bmax : c->w[k].w.bmin;
        if (j < 0)
            break;
        if (c->sc->nodes[node].kind != SP_NODE_GOTO) {
            out->nodes[out->n] = node;
            out->options[out->n++] = j;
        }
        node = sp_value_step(v, node, j, vars);
    }
    return 1;
}

/* The words along the expert path: the stronger option at every state
 * (next: scratch for the variables after a step). */
static sp_words expert(const sp_ckwords *c, int *vars, int *next)
{
    const sp_value *v = c->v;
    const sp_scenario *sc = c->sc;
    sp_words w = { 0, 0 };
    sp_check_root_vars(sc, vars);
    for (int node = sc->start;;) {
        int k = sp_value_find(v, node, vars);
        if (k < 0 || v->val[k] == SP_VALUE_NONE)
            return (sp_words){ 0, 0 };
        const sp_node *n = &sc->nodes[node];
        add_w(&w, shown_words(c, node, vars));
        if (n->kind == SP_NODE_ENDING)
            break;
        if (n->kind != SP_NODE_GOTO)
            for (int j = 0; j < n->n_options; j++)
                if (sp_cond_eval(n->options[j].cond, vars))
                    option_words(c, node, j, vars, &w);
        int j = n->kind == SP_NODE_GOTO ? 0 : sp_value_best(v, k, vars);
        memcpy(next, vars, sizeof(int) * (size_t)sc->n_vars);
        int child = sp_value_step(v, node, j, next);
        add_w(&w, edge_words(c, node, j, child, vars));
        memcpy(vars, next, sizeof(int) * (size_t)sc->n_vars);
        node = child;
    }
    return w;
}

void sp_ckw_drop(sp_ckwords *c)
{
    if (!c)
        return;
    SP_FREE_BLOCKS(c->arrive, c->shown, c->otext, c->ofb, c->oedge, c->arrive_dyn, c->shown_dyn,
                   c->o_dyn, c->node_dyn, c->w, c->tmp, c->det, c->det_at, c);
}

sp_ckwords *sp_ckw_new(const sp_value *v)
{
    sp_ckwords *c = sp_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->sc = v->sc;
    c->v = v;
    size_t N = (size_t)(v->sc->n_nodes ? v->sc->n_nodes : 1);
    c->det = sp_malloc(sizeof(sp_detour) * N);
    c->det_at = sp_malloc(sizeof(int) * N);
    c->tmp = sp_malloc(sizeof(int) * (size_t)(v->nv ? v->nv : 1));
    int ok = c->det && c->det_at && c->tmp && fixed_counts(c) && (!v->dense || room(c, v->cap - 1)) && room(c, 0);
    for (size_t i = 0; ok && i < N; i++)
        c->det_at[i] = -1;
    if (!ok) {
        sp_ckw_drop(c);
        return NULL;
    }
    return c;
}

int sp_ckw_done(sp_ckwords *c, const sp_value *v, int root, sp_check *ck, sp_ckslot **slots)
{
    const sp_scenario *sc = c->sc;
    int ok = !c->failed;
    int *vars = sp_malloc(sizeof(int) * 2 * (size_t)(sc->n_vars ? sc->n_vars : 1));
    *slots = NULL;
    ok = ok && vars;
    if (ok && root >= 0 && c->w[root].w.min.nl != INT_MIN) {
        /* The start node's own lines, read on arrival with the start values. */
        sp_words start = { 0, 0 };
        for (int i = 0; i < sc->n_vars; i++)
            vars[i] = sc->vars[i].init;
        arrive_add(&sc->nodes[sc->start], vars, &start);
        const sp_ckslot *r = &c->w[root];
        ck->short_words = (sp_words){ start.nl + r->w.min.nl, start.en + r->w.min.en };
        ck->long_words = (sp_words){ start.nl + r->w.max.nl, start.en + r->w.max.en };
        sp_words e = expert(c, vars, vars + (sc->n_vars ? sc->n_vars : 1));
        ck->expert_words = (sp_words){ start.nl + e.nl, start.en + e.en };
        ok = follow(c, 0, vars, &ck->short_path) && follow(c, 1, vars, &ck->long_path);
    }
    ok = ok && detours_list(c, ck);
    if (ok)
        tells(c, ck);
    /* Every slot of v has been finished, so the table covers them all. */
    if (ok && room(c, v->dense ? v->cap - 1 : (size_t)(v->n_states ? v->n_states - 1 : 0))) {
        *slots = c->w;
        c->w = NULL;
    }
    sp_free(vars);
    sp_ckw_drop(c);
    return *slots != NULL;
}

sp_ckslot *sp_ckw_slots(sp_ckwords *c) { return c->w; }
