/* analysis.c: the analysis of a case from its start values: exact maximum, expert path, reachability and coverage. */
#include "analysis_internal.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * Everything here rests on one search of the value function from the start
 * state (analysis_value.c). The states it meets are exactly those some play
 * reaches, so reachability, the offered options and the coverage honour
 * conditions too. The expert path follows the stronger option of each
 * decision from the start: its total is V(start) by construction.
 */

void sp_analysis_free(sp_analysis *a)
{
    if (!a)
        return;
    sp_free(a->reachable);
    sp_free(a->expert_nodes);
    sp_free(a->expert_options);
    sp_free(a->expert_goal);
    sp_free(a->interventions);
    sp_free(a->flags);
    sp_free(a->thoughts);
    sp_value_free(a->value);
    sp_free(a);
}

/* 0 on out-of-memory. */
static int coverage(const sp_scenario *sc, sp_analysis *a)
{
    const sp_handbook *hb = sc->handbook;
    int nt = hb ? hb->n_thoughts : 0;
    unsigned char *sides = sp_calloc((size_t)(nt ? nt : 1), 1); /* bit 1 hindering, 2 helpful */
    if (!sides)
        return 0;
    for (int v = 0; v < sc->n_nodes; v++) {
        if (!a->reachable[v])
            continue;
        const sp_node *n = &sc->nodes[v];
        for (int i = 0; i < n->n_flags; i++)
            a->flags[n->flags[i].flag] = 1;
        for (int j = 0; j < n->n_options; j++) {
            if (!a->offered[a->opt_base[v] + j])
                continue;
            const sp_option *o = &n->options[j];
            for (int i = 0; i < o->n_interventions; i++)
                a->interventions[o->interventions[i]] = 1;
            if (o->thought >= 0 && o->side != SP_SIDE_NONE)
                sides[o->thought] |= o->side == SP_SIDE_HINDERING ? 1 : 2;
        }
    }
    for (int i = 0; i < nt; i++)
        a->thoughts[i] = sides[i] == 3;
    sp_free(sides);
    return 1;
}

/* Walks the stronger options from the start state. vars: the start values
 * with the start node's effects applied (changed here). */
static void expert_walk(sp_analysis *a, const sp_scenario *sc, int *vars)
{
    const sp_value *v = a->value;
    int G = sc->handbook ? sc->handbook->n_goals : 0;
    int node = sc->start;
    for (int guard = 0; guard <= sc->n_nodes; guard++) {
        int s = sp_value_find(v, node, vars);
        if (s < 0 || v->val[s] == SP_VALUE_NONE)
            break;
        const sp_node *n = &sc->nodes[node];
        if (n->kind == SP_NODE_ENDING) {
            a->expert_ending = node;
            return;
        }
        int j = n->kind == SP_NODE_GOTO ? 0 : sp_value_best(v, s, vars);
        if (n->kind != SP_NODE_GOTO) {
            a->expert_nodes[a->n_expert] = node;
            a->expert_options[a->n_expert++] = j;
            for (int g = 0; g < G; g++)
                a->expert_goal[g] += sp_option_goal(&n->options[j], g);
        }
        node = sp_value_step(v, node, j, vars);
    }
    /* No ending reachable: no expert path. */
    a->n_expert = 0;
    for (int g = 0; g < G; g++)
        a->expert_goal[g] = 0;
}

static sp_status analyse(sp_analysis *a, const sp_scenario *sc, const int *start_vars)
{
    size_t nvb = (size_t)(sc->n_vars ? sc->n_vars : 1);
    int *vars = sp_malloc(sizeof(int) * nvb);
    if (!vars)
        return SP_ENOMEM;
    for (int i = 0; i < sc->n_vars; i++)
        vars[i] = start_vars ? start_vars[i] : sc->vars[i].init;
    const sp_node *s0 = &sc->nodes[sc->start];
    sp_effects_apply(sc, vars, s0->effects, s0->n_effects);
    int top = 0;
    sp_status rc = sp_value_get(a->value, sc->start, vars, &top);
    if (rc == SP_OK) {
        const sp_value *v = a->value;
        a->n_states = v->n_states;
        a->max_total = top == SP_VALUE_NONE ? 0 : top;
        memcpy(a->reachable, v->met, (size_t)sc->n_nodes);
        for (int i = 0; i < sc->n_nodes; i++) {
            if (!a->reachable[i])
                continue;
            sp_node_kind k = sc->nodes[i].kind;
            a->n_decisions += k == SP_NODE_DECISION || k == SP_NODE_THOUGHT;
            a->n_endings += k == SP_NODE_ENDING;
        }
        expert_walk(a, sc, vars);
        if (!coverage(sc, a))
            rc = SP_ENOMEM;
    }
    sp_free(vars);
    return rc;
}

sp_status sp_analysis_run_value(const sp_scenario *sc, const int *start_vars, sp_value *v, sp_analysis **out)
{
    *out = NULL;
    if (!sc || sc->n_nodes <= 0 || sc->start < 0 || sc->start >= sc->n_nodes) {
        sp_value_free(v);
        return SP_EUSAGE;
    }
    const sp_handbook *hb = sc->handbook;
    int G = hb ? hb->n_goals : 0;
    size_t N = (size_t)sc->n_nodes;
    sp_analysis *a = sp_calloc(1, sizeof *a);
    if (!a) {
        sp_value_free(v);
        return SP_ENOMEM;
    }
    a->value = v;
    a->offered = v->offered;
    a->opt_base = v->opt_base;
    a->n_nodes = sc->n_nodes;
    a->expert_ending = -1;
    a->reachable = sp_calloc(N, 1);
    a->expert_nodes = sp_calloc(N, sizeof(int));
    a->expert_options = sp_calloc(N, sizeof(int));
    a->expert_goal = sp_calloc((size_t)(G ? G : 1), sizeof(int));
    a->interventions = sp_calloc((size_t)(hb && hb->n_interventions ? hb->n_interventions : 1), 1);
    a->flags = sp_calloc((size_t)(hb && hb->n_redflags ? hb->n_redflags : 1), 1);
    a->thoughts = sp_calloc((size_t)(hb && hb->n_thoughts ? hb->n_thoughts : 1), 1);
    sp_status rc = SP_ENOMEM;
    if (a->reachable && a->expert_nodes && a->expert_options && a->expert_goal &&
        a->interventions && a->flags && a->thoughts)
        rc = analyse(a, sc, start_vars);
    if (rc != SP_OK) {
        sp_analysis_free(a);
        return rc;
    }
    *out = a;
    return SP_OK;
}

sp_status sp_analysis_run_from(const sp_scenario *sc, const int *start_vars, sp_diag *d,
                               sp_analysis **out)
{
    *out = NULL;
    if (!sc || sc->n_nodes <= 0 || sc->start < 0 || sc->start >= sc->n_nodes)
        return SP_EUSAGE;
    sp_value *v = NULL;
    sp_status rc = sp_value_new(sc, d, &v);
    return rc == SP_OK ? sp_analysis_run_value(sc, start_vars, v, out) : rc;
}

sp_status sp_analysis_run(const sp_scenario *sc, sp_analysis **out)
{
    return sp_analysis_run_from(sc, NULL, NULL, out);
}
