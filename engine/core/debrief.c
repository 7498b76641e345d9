/* debrief.c: builds the debrief of a play from its session: goal scores, interventions, missed chances, flags, thoughts. */
#include "debrief.h"
#include "alloc.h"
#include "analysis_internal.h"
#include "model_internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * Everything is recomputed from the session's effective history and path;
 * the debrief keeps no pointer into the session and may outlive it.
 *
 * Definitions (see also debrief.h):
 * - The figures come from one search of the value function V from this
 *   play's own start values (a trajectory's carried variables included).
 *   The path is walked again from the start, applying the same rules as the
 *   session (a node's set/add on entering, the first goto that holds, an
 *   option's effects before its target), to judge each choice against V.
 * - Flags present at a turn are those of the nodes entered during that turn
 *   (from the previous decision up to and including its own decision). A
 *   flag counts as missed when it was present at a turn that ended with a
 *   choice and was never marked within its window (session.h). Flags on the stretch into
 *   the ending cannot be marked (the play is over) and never count as missed;
 *   nor do those of the current, unfinished turn.
 * - recognised[].node is the node where the flag was present; false_alarms[]
 *   .node the decision that was current when it was marked; not_intended[]
 *   .node the earlier node that listed it or the decision that names it; flags_missed[]
 *   gives the first turn and node where the flag was present.
 * - missed_interventions lists, in the order they were first offered,
 *   interventions of options offered on your path that you never applied.
 */

void sp_debrief_free(sp_debrief *d)
{
    if (!d)
        return;
    SP_FREE_BLOCKS(d->goals, d->applied, d->missed_interventions, d->decisions, d->recognised,
                   d->flags_missed, d->false_alarms, d->not_intended, d->thoughts, d);
}

typedef struct { int turn, flag, node; } presence;

static int flag_present(const presence *p, int n, int turn, int flag)
{
    for (int i = 0; i < n; i++)
        if (p[i].turn == turn && p[i].flag == flag)
            return p[i].node;
    return -1;
}

/* Flags present per turn along the effective path, each (turn, flag) once. */
static presence *presences(const sp_session *s, int *count)
{
    const sp_scenario *sc = sp_session_scenario(s);
    int np = sp_session_path_count(s), total = 0;
    for (int i = 0; i < np; i++)
        total += sc->nodes[sp_session_path(s, i)].n_flags;
    presence *p = sp_malloc(sizeof(presence) * (size_t)(total ? total : 1));
    if (!p)
        return NULL;
    int n = 0, turn = 1;
    for (int i = 0; i < np; i++) {
        int v = sp_session_path(s, i);
        const sp_node *nd = &sc->nodes[v];
        for (int j = 0; j < nd->n_flags; j++)
            if (flag_present(p, n, turn, nd->flags[j].flag) < 0)
                p[n++] = (presence){ turn, nd->flags[j].flag, v };
        if (nd->kind == SP_NODE_DECISION || nd->kind == SP_NODE_THOUGHT)
            turn++;
    }
    *count = n;
    return p;
}

struct sp_debrief_memo {
    const sp_scenario *sc;       /* NULL: nothing kept yet */
    int *start;                  /* the start values it was made for */
    sp_analysis *an;             /* NULL when rc says why not */
    sp_status rc;                /* the analysis's answer (never SP_ENOMEM: not kept) */
};

sp_debrief_memo *sp_debrief_memo_new(void) { return sp_calloc(1, sizeof(sp_debrief_memo)); }

static void memo_clear(sp_debrief_memo *m)
{
    sp_analysis_free(m->an);
    sp_free(m->start);
    memset(m, 0, sizeof *m);
}

void sp_debrief_memo_free(sp_debrief_memo *m)
{
    if (!m)
        return;
    memo_clear(m);
    sp_free(m);
}

/* The analysis from the play's start values: m's when it was made for
 * them, else a new one (kept in m when there is one; *own says the caller
 * frees it). */
static sp_status analysis_for(const sp_session *s, sp_debrief_memo *m, sp_analysis **an, int *own)
{
    const sp_scenario *sc = sp_session_scenario(s);
    const int *start = sp_session_start_vars(s);
    size_t nb = sizeof(int) * (size_t)sc->n_vars;
    *an = NULL;
    *own = 0;
    if (m && m->sc == sc && (nb == 0 || memcmp(m->start, start, nb) == 0)) {
        *an = m->an;
        return m->rc;
    }
    sp_status rc = sp_analysis_run_from(sc, start, NULL, an);
    if (!m || rc == SP_ENOMEM) {
        *own = 1;
        return rc;
    }
    memo_clear(m);
    m->start = sp_malloc(nb ? nb : 1);
    if (!m->start) {
        *own = 1;
        return rc;
    }
    memcpy(m->start, start, nb);
    m->sc = sc;
    m->an = *an;
    m->rc = rc;
    return rc;
}

/* The figures of V: expert rows, total_max, per-decision left and the
 * stronger option, still. d->total and goal scores are filled elsewhere. */
static sp_status figures(sp_debrief *d, const sp_session *s, sp_debrief_memo *m)
{
    const sp_scenario *sc = sp_session_scenario(s);
    sp_analysis *an = NULL;
    int own = 0;
    sp_status rc = analysis_for(s, m, &an, &own);
    if (rc != SP_OK) {
        if (own)
            sp_analysis_free(an);
        return rc;
    }
    int *vars = sp_malloc(sizeof(int) * (size_t)(sc->n_vars ? sc->n_vars : 1));
    if (!vars) {
        if (own)
            sp_analysis_free(an);
        return SP_ENOMEM;
    }
    for (int g = 0; g < d->n_goals; g++)
        d->goals[g].expert = an->expert_goal[g];
    d->total_max = an->max_total;
    memcpy(vars, sp_session_start_vars(s), sizeof(int) * (size_t)sc->n_vars);
    int node = sc->start;
    const sp_node *n0 = &sc->nodes[node];
    sp_effects_apply(sc, vars, n0->effects, n0->n_effects);
    while (sc->nodes[node].kind == SP_NODE_GOTO)
        node = sp_value_step(an->value, node, 0, vars);
    int nh = sp_session_history_count(s);
    for (int i = 0; i < nh && rc == SP_OK; i++) {
        const sp_step *st = sp_session_history(s, i);
        if (st->kind != SP_STEP_CHOOSE)
            continue;
        sp_judgement j;
        rc = sp_value_judge(an->value, st->node, vars, st->option, &j);
        if (rc != SP_OK)
            break;
        d->decisions[d->n_decisions++] = (sp_debrief_decision){
            st->turn, st->node, st->option, j.chosen_total, j.stronger, j.stronger_total, j.left };
        d->left += j.left;
        node = sp_value_step(an->value, st->node, st->option, vars);
        while (sc->nodes[node].kind == SP_NODE_GOTO)
            node = sp_value_step(an->value, node, 0, vars);
    }
    int still = 0;
    if (rc == SP_OK && !d->finished)
        rc = sp_value_get(an->value, node, vars, &still);
    d->still = still == SP_VALUE_NONE ? 0 : still;
    sp_free(vars);
    if (own)
        sp_analysis_free(an);
    return rc;
}

/* Without V (the case passed the state limit): the choices, no figures. */
static void figures_unknown(sp_debrief *d, const sp_session *s)
{
    const sp_scenario *sc = sp_session_scenario(s);
    d->n_decisions = 0;
    d->left = d->still = d->total_max = 0;
    for (int g = 0; g < d->n_goals; g++)
        d->goals[g].expert = 0;
    for (int i = 0; i < sp_session_history_count(s); i++) {
        const sp_step *st = sp_session_history(s, i);
        if (st->kind == SP_STEP_CHOOSE)
            d->decisions[d->n_decisions++] = (sp_debrief_decision){
                st->turn, st->node, st->option,
                sp_option_total(&sc->nodes[st->node].options[st->option]), -1, 0, 0 };
    }
}

#define ALLOC(ptr, n) ((ptr) = sp_calloc((size_t)((n) ? (n) : 1), sizeof *(ptr)))

/* Goal scores, total, interventions, thoughts and flag marks from the
 * effective history. */
static void walk_history(sp_debrief *d, const sp_session *s, const presence *pres, int n_pres,
                         int *opts, int max_opts, unsigned char *applied_set,
                         unsigned char *offered_set, int *offered_order, unsigned char *flag_ok)
{
    const sp_scenario *sc = sp_session_scenario(s);
    int nh = sp_session_history_count(s), n_offered = 0;
    for (int i = 0; i < nh; i++) {
        const sp_step *st = sp_session_history(s, i);
        if (st->kind == SP_STEP_FLAG) {
            int where;
            sp_flag_verdict v = sp_session_flag_verdict(s, st->flag, st->turn, &where); /* the red-flag window */
            if (v == SP_FLAG_PRESENT) {
                d->recognised[d->n_recognised++] = (sp_debrief_flag){ st->flag, st->turn, where };
                flag_ok[st->flag] = 1;
            } else if (v == SP_FLAG_NOT_INTENDED) {
                d->not_intended[d->n_not_intended++] = (sp_debrief_flag){ st->flag, st->turn, where };
            } else {
                d->false_alarms[d->n_false_alarms++] = (sp_debrief_flag){ st->flag, st->turn, st->node };
            }
            continue;
        }
        if (st->kind != SP_STEP_CHOOSE)
            continue;
        const sp_node *nd = &sc->nodes[st->node];
        const sp_option *o = &nd->options[st->option];
        d->n_turns++;
        for (int g = 0; g < d->n_goals; g++)
            d->goals[g].score += sp_option_goal(o, g);
        d->total += sp_option_total(o);
        int k = sp_session_offered_at(s, i, opts, max_opts);
        for (int j = 0; j < k && j < max_opts; j++) {
            const sp_option *oo = &nd->options[opts[j]];
            for (int m = 0; m < oo->n_interventions; m++) {
                int iv = oo->interventions[m];
                if (!offered_set[iv]) {
                    offered_set[iv] = 1;
                    offered_order[n_offered++] = iv;
                }
            }
        }
        for (int m = 0; m < o->n_interventions; m++) {
            int iv = o->interventions[m];
            applied_set[iv] = 1;
            d->applied[d->n_applied++] = (sp_debrief_applied){ iv, st->turn, st->node, st->option };
        }
        if (o->thought >= 0)
            d->thoughts[d->n_thoughts++] = (sp_debrief_thought){
                st->turn, st->node, st->option, o->thought, o->side };
    }
    for (int i = 0; i < n_offered; i++)
        if (!applied_set[offered_order[i]])
            d->missed_interventions[d->n_missed_interventions++] = offered_order[i];
    for (int i = 0; i < n_pres; i++) {
        const presence *p = &pres[i];
        if (p->turn > d->n_turns || flag_ok[p->flag])
            continue;
        flag_ok[p->flag] = 1; /* listed once, at its first turn */
        d->flags_missed[d->n_flags_missed++] = (sp_debrief_flag){ p->flag, p->turn, p->node };
    }
}

sp_debrief *sp_debrief_build(const sp_session *s) { return sp_debrief_build_memo(s, NULL); }

sp_debrief *sp_debrief_build_memo(const sp_session *s, sp_debrief_memo *m)
{
    const sp_scenario *sc = sp_session_scenario(s);
    const sp_handbook *hb = sc->handbook;
    int G = hb ? hb->n_goals : 0;
    int NI = hb ? hb->n_interventions : 0;
    int NF = hb ? hb->n_redflags : 0;
    int nh = sp_session_history_count(s);
    int max_opts = 1;
    for (int i = 0; i < sc->n_nodes; i++)
        if (sc->nodes[i].n_options > max_opts)
            max_opts = sc->nodes[i].n_options;
    int n_applied_max = 0;
    for (int i = 0; i < nh; i++) {
        const sp_step *st = sp_session_history(s, i);
        if (st->kind == SP_STEP_CHOOSE)
            n_applied_max += sc->nodes[st->node].options[st->option].n_interventions;
    }

    sp_debrief *d = sp_calloc(1, sizeof *d);
    int *opts = sp_malloc(sizeof(int) * (size_t)max_opts);
    unsigned char *applied_set = sp_calloc((size_t)(NI ? NI : 1), 1);
    unsigned char *offered_set = sp_calloc((size_t)(NI ? NI : 1), 1);
    int *offered_order = sp_calloc((size_t)(NI ? NI : 1), sizeof(int));
    unsigned char *flag_ok = sp_calloc((size_t)(NF ? NF : 1), 1);
    int n_pres = 0;
    presence *pres = presences(s, &n_pres);
    if (d) {
        ALLOC(d->goals, G);
        ALLOC(d->applied, n_applied_max);
        ALLOC(d->missed_interventions, NI);
        ALLOC(d->decisions, nh);
        ALLOC(d->recognised, nh);
        ALLOC(d->false_alarms, nh);
        ALLOC(d->not_intended, nh);
        ALLOC(d->flags_missed, n_pres);
        ALLOC(d->thoughts, nh);
    }
    if (!d || !opts || !applied_set || !offered_set || !offered_order || !flag_ok || !pres ||
        !d->goals || !d->applied || !d->missed_interventions || !d->decisions || !d->recognised ||
        !d->false_alarms || !d->not_intended || !d->flags_missed || !d->thoughts) {
        sp_debrief_free(d);
        d = NULL;
        goto done;
    }
    d->finished = sp_session_finished(s);
    d->ending_node = d->finished ? sp_session_path(s, sp_session_path_count(s) - 1) : -1;
    d->n_goals = G;
    for (int g = 0; g < G; g++)
        d->goals[g].goal = g;
    walk_history(d, s, pres, n_pres, opts, max_opts, applied_set, offered_set, offered_order, flag_ok);
    sp_status rc = figures(d, s, m);
    d->exact = rc == SP_OK;
    if (rc == SP_ENOMEM) {
        sp_debrief_free(d);
        d = NULL;
    } else if (rc != SP_OK) {
        figures_unknown(d, s);
    }

done:
    sp_free(opts);
    sp_free(applied_set);
    sp_free(offered_set);
    sp_free(offered_order);
    sp_free(flag_ok);
    sp_free(pres);
    return d;
}
