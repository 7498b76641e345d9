/* scenario_check.c: the scenario loader's checks: handbook references, node references, unreachable nodes, cycles. */
#include "scenario_internal.h"
#include "alloc.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- handbook references -------------------------------------------------------------------- */

/* The id of kind (SP_REF_NONE: of any kind) in the handbook closest to
 * name, or NULL. */
const char *sp_scenario_hb_suggest(const sp_handbook *hb, sp_ref_kind kind, const char *name)
{
    sp_suggest sg;
    sp_suggest_init(&sg, name);
    for (int i = 0; (kind == SP_REF_NONE || kind == SP_REF_INTERVENTION) && i < hb->n_interventions; i++)
        sp_suggest_add(&sg, hb->interventions[i].id);
    for (int i = 0; (kind == SP_REF_NONE || kind == SP_REF_REDFLAG) && i < hb->n_redflags; i++)
        sp_suggest_add(&sg, hb->redflags[i].id);
    for (int i = 0; (kind == SP_REF_NONE || kind == SP_REF_THOUGHT) && i < hb->n_thoughts; i++)
        sp_suggest_add(&sg, hb->thoughts[i].id);
    for (int i = 0; (kind == SP_REF_NONE || kind == SP_REF_GOAL) && i < hb->n_goals; i++)
        sp_suggest_add(&sg, hb->goals[i].id);
    return sp_suggest_best(&sg);
}

/* Free text of an older file ("H3 Intake: Kennismaken") has a space or a
 * capital; a handbook id never does. */
static int looks_like_id(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' || *s == '-' ||
              *s == '_'))
            return 0;
    return 1;
}

/* feedback/@ref: a handbook id, rendered once per language (model.h). */
void sp_scenario_feedback_ref(sload *L, sp_option *o, const char *ref, long line)
{
    int seen = sp_scenario_id_get(&L->refs, ref);
    if (seen >= 0) {
        const refseen *r = sp_scenario_vec_at(&L->refs_v, seen);
        o->ref = r->ref;
        o->ref_kind = r->kind;
        o->ref_index = r->index;
        o->ref_label = r->label;
        return;
    }
    /* ref is the reader's: valid until it moves on. */
    ref = sp_arena_strdup(L->a, ref);
    if (!ref) {
        sp_scenario_oom(L);
        return;
    }
    o->ref = ref;
    if (!looks_like_id(ref)) {
        /* Free text of a case not yet converted to ids: shown as written. */
        o->ref_kind = SP_REF_TEXT;
        o->ref_label.s[SP_LANG_NL] = ref;
    } else {
        o->ref_kind = sp_handbook_ref_find(L->hb, ref, &o->ref_index);
        if (o->ref_kind == SP_REF_NONE) {
            /* Not kept: each use of an unknown id gets its own message. */
            sp_scenario_err_hint(L, line, sp_scenario_hb_suggest(L->hb, SP_REF_NONE, ref),
                                 SP_N_("onbekende handboekverwijzing '%s'"), ref);
            return;
        }
        for (int lang = 0; lang < SP_LANG_COUNT; lang++) {
            char buf[512];
            sp_handbook_ref_format(L->hb, o->ref_kind, o->ref_index, (sp_lang)lang, buf, sizeof buf);
            o->ref_label.s[lang] = sp_arena_strdup(L->a, buf);
            if (!o->ref_label.s[lang]) {
                sp_scenario_oom(L);
                return;
            }
        }
    }
    refseen *r = sp_scenario_vec_push(L, &L->refs_v);
    if (!r)
        return;
    *r = (refseen){ .ref = ref, .kind = o->ref_kind, .index = o->ref_index, .label = o->ref_label };
    sp_scenario_id_put(L, &L->refs, ref, L->refs_v.n - 1, line);
}

/* ---- references ---------------------------------------------------------------------------- */

void sp_scenario_check_refs(sload *L)
{
    sp_node *nodes = (sp_node *)L->sc->nodes; /* ours until the load returns */
    for (int i = 0; i < L->fixups.n; i++) {
        const fixup *f = sp_scenario_vec_at(&L->fixups, i);
        int t = sp_scenario_id_get(&L->nodes, f->name);
        if (f->is_goto) {
            ((sp_goto *)nodes[f->node].gotos)[f->idx].target = t;
            if (t < 0)
                sp_scenario_err_hint(L, f->line, sp_scenario_id_suggest(&L->nodes, f->name),
                                     SP_N_("<goto> wijst naar een onbekende knoop '%s'"), f->name ? f->name : "");
        } else {
            sp_option *o = &((sp_option *)nodes[f->node].options)[f->idx];
            o->target = t;
            if (t < 0)
                sp_scenario_err_hint(L, f->line, sp_scenario_id_suggest(&L->nodes, f->name),
                                     SP_N_("optie '%s' wijst naar een onbekende knoop '%s'"), o->id ? o->id : "",
                                     f->name ? f->name : "");
        }
    }
}

/* ---- the graph ------------------------------------------------------------------------------ */

static int n_edges(const sp_node *nd)
{
    return nd->kind == SP_NODE_GOTO ? nd->n_gotos
           : nd->kind == SP_NODE_ENDING ? 0 : nd->n_options;
}

static int edge(const sp_node *nd, int i)
{
    return nd->kind == SP_NODE_GOTO ? nd->gotos[i].target : nd->options[i].target;
}

static void check_reachable(sload *L, unsigned char *seen, int *queue)
{
    const sp_scenario *sc = L->sc;
    int head = 0, tail = 0;
    seen[sc->start] = 1;
    queue[tail++] = sc->start;
    while (head < tail) {
        const sp_node *nd = &sc->nodes[queue[head++]];
        for (int i = 0, n = n_edges(nd); i < n; i++) {
            int t = edge(nd, i);
            if (t >= 0 && !seen[t]) {
                seen[t] = 1;
                queue[tail++] = t;
            }
        }
    }
    /* A node whose id is taken twice has had its message: references
     * resolve to the first, so the second is unreachable by construction. */
    for (int i = 0; i < sc->n_nodes; i++)
        if (!seen[i] && sp_scenario_id_get(&L->nodes, sc->nodes[i].id) == i)
            sp_scenario_err(L, sc->nodes[i].line, SP_N_("knoop '%s' is vanaf startknoop '%s' niet te bereiken"),
                sc->nodes[i].id, sc->nodes[sc->start].id);
}

/* Names the cycle found when the edge from stack[top] leads back to node
 * `to`, which is on the stack: "a -> b -> c -> a", shortened when long. */
static void report_cycle(sload *L, const int *stack, int top, int to)
{
    const sp_scenario *sc = L->sc;
    int from = top;
    while (from > 0 && stack[from] != to)
        from--;
    char buf[600];
    size_t len = 0;
    int shown = 0, total = top - from + 1;
    for (int i = from; i <= top && len < sizeof buf; i++) {
        if (total > 8 && shown == 4) {
            len += (size_t)snprintf(buf + len, sizeof buf - len, " -> ...");
            i = top - 3; /* then the last three */
            shown++;
            continue;
        }
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", shown ? " -> " : "",
                                sc->nodes[stack[i]].id);
        shown++;
    }
    if (len < sizeof buf)
        snprintf(buf + len, sizeof buf - len, " -> %s", sc->nodes[to].id);
    sp_scenario_err(L, sc->nodes[stack[top]].line, SP_N_("kringloop: %s (een gesprek moet vooruitgaan)"), buf);
}

/* Iterative depth-first search (a 20,000-node chain must not overflow the C
 * stack). color: 0 unvisited, 1 on the stack, 2 done. Each back edge is one
 * cycle; the first ten are named. */
static void check_cycles(sload *L, unsigned char *color, int *stack, int *next_edge)
{
    const sp_scenario *sc = L->sc;
    int reported = 0;
    for (int root = 0; root < sc->n_nodes; root++) {
        if (color[root])
            continue;
        int top = 0;
        stack[0] = root;
        next_edge[0] = 0;
        color[root] = 1;
        while (top >= 0) {
            const sp_node *nd = &sc->nodes[stack[top]];
            if (next_edge[top] < n_edges(nd)) {
                int t = edge(nd, next_edge[top]++);
                if (t < 0)
                    continue;
                if (color[t] == 1) {
                    if (reported++ < 10)
                        report_cycle(L, stack, top, t);
                } else if (color[t] == 0) {
                    color[t] = 1;
                    stack[++top] = t;
                    next_edge[top] = 0;
                }
            } else {
                color[stack[top]] = 2;
                top--;
            }
        }
    }
    if (reported > 10)
        sp_scenario_err(L, 0, SP_N_("nog %d kringlopen"), reported - 10);
}

void sp_scenario_check_graph(sload *L)
{
    size_t n = (size_t)L->sc->n_nodes;
    if (n == 0)
        return;
    unsigned char *mark = sp_calloc(n, 1);
    int *stack = sp_malloc(n * sizeof *stack);
    int *next_edge = sp_malloc(n * sizeof *next_edge);
    if (mark && stack && next_edge) {
        if (L->sc->start >= 0)
            check_reachable(L, mark, stack);
        memset(mark, 0, n);
        check_cycles(L, mark, stack, next_edge);
    } else {
        sp_scenario_oom(L);
    }
    sp_free(mark);
    sp_free(stack);
    sp_free(next_edge);
}
