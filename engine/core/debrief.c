/* debrief.c: builds the debrief of a play from its session: goal scores, interventions, missed chances, flags, thoughts. */
#include "debrief.h"
#include "analysis.h"
#include "model_internal.h"

#include <stdlib.h>
#include <string.h>

/*
 * Everything is recomputed from the session's effective history and path;
 * the debrief keeps no pointer into the session and may outlive it.
 *
 * Definitions (see also debrief.h):
 * - goals[g].best sums, over the decisions met, the best delta for goal g
 *   among the options offered then (an option without a score for g counts
 *   0). total_best sums the best option *total* at each decision, so it is
 *   what the "missed" comparison uses and may be less than the sum of the
 *   per-goal bests. max and total_max come from sp_analysis_run (best over
 *   any path, conditions ignored).
 * - Flags present at a turn are those of the nodes entered during that turn
 *   (from the previous decision up to and including its own decision). A
 *   flag counts as missed when it was present at a turn that ended with a
 *   choice and was never marked while present. Flags on the stretch into
 *   the ending cannot be marked (the play is over) and never count as missed;
 *   nor do those of the current, unfinished turn.
 * - recognised[].node is the node where the flag was present; false_alarms[]
 *   .node the decision that was current when it was marked; flags_missed[]
 *   gives the first turn and node where the flag was present.
 * - missed_interventions lists, in the order they were first offered,
 *   interventions of options offered on your path that you never applied.
 */

void sp_debrief_free(sp_debrief *d)
{
    if (!d)
        return;
    free(d->goals);
    free(d->applied);
    free(d->missed_interventions);
    free(d->missed);
    free(d->recognised);
    free(d->flags_missed);
    free(d->false_alarms);
    free(d->thoughts);
    free(d);
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
    presence *p = malloc(sizeof(presence) * (size_t)(total ? total : 1));
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

#define ALLOC(ptr, n) ((ptr) = calloc((size_t)((n) ? (n) : 1), sizeof *(ptr)))

sp_debrief *sp_debrief_build(const sp_session *s)
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

    sp_debrief *d = calloc(1, sizeof *d);
    int *opts = malloc(sizeof(int) * (size_t)max_opts);
    unsigned char *applied_set = calloc((size_t)(NI ? NI : 1), 1);
    unsigned char *offered_set = calloc((size_t)(NI ? NI : 1), 1);
    int *offered_order = calloc((size_t)(NI ? NI : 1), sizeof(int));
    unsigned char *flag_ok = calloc((size_t)(NF ? NF : 1), 1);
    int n_pres = 0;
    presence *pres = presences(s, &n_pres);
    sp_analysis *an = NULL;
    sp_status arc = SP_ENOMEM;
    if (d && opts && applied_set && offered_set && offered_order && flag_ok && pres) {
        arc = sp_analysis_run(sc, &an);
        ALLOC(d->goals, G);
        ALLOC(d->applied, n_applied_max);
        ALLOC(d->missed_interventions, NI);
        ALLOC(d->missed, nh);
        ALLOC(d->recognised, nh);
        ALLOC(d->false_alarms, nh);
        ALLOC(d->flags_missed, n_pres);
        ALLOC(d->thoughts, nh);
    }
    if (!d || !opts || !applied_set || !offered_set || !offered_order || !flag_ok || !pres ||
        arc == SP_ENOMEM || !d->goals || !d->applied || !d->missed_interventions || !d->missed ||
        !d->recognised || !d->false_alarms || !d->flags_missed || !d->thoughts) {
        sp_debrief_free(d);
        d = NULL;
        goto done;
    }

    d->finished = sp_session_finished(s);
    d->ending_node = d->finished ? sp_session_path(s, sp_session_path_count(s) - 1) : -1;
    d->n_goals = G;
    for (int g = 0; g < G; g++) {
        d->goals[g].goal = g;
        d->goals[g].max = an ? an->goal_max[g] : 0;
    }
    d->total_max = an ? an->max_total : 0;

    int n_offered = 0;
    for (int i = 0; i < nh; i++) {
        const sp_step *st = sp_session_history(s, i);
        if (st->kind == SP_STEP_FLAG) {
            int where = flag_present(pres, n_pres, st->turn, st->flag);
            if (where >= 0) {
                d->recognised[d->n_recognised++] = (sp_debrief_flag){ st->flag, st->turn, where };
                flag_ok[st->flag] = 1;
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
        int k = sp_session_offered_at(s, i, opts, max_opts);
        if (k > max_opts)
            k = max_opts;
        for (int g = 0; g < G; g++) {
            d->goals[g].score += sp_option_goal(o, g);
            int best = 0;
            for (int j = 0; j < k; j++) {
                int dg = sp_option_goal(&nd->options[opts[j]], g);
                if (j == 0 || dg > best)
                    best = dg;
            }
            d->goals[g].best += best;
        }
        /* opts[] is in file order, so the first of equal totals wins. The
         * chosen option is among them: it was offered. */
        int best_opt = -1, best_total = 0;
        for (int j = 0; j < k; j++) {
            int t = sp_option_total(&nd->options[opts[j]]);
            if (best_opt < 0 || t > best_total) {
                best_total = t;
                best_opt = opts[j];
            }
            const sp_option *oo = &nd->options[opts[j]];
            for (int m = 0; m < oo->n_interventions; m++) {
                int iv = oo->interventions[m];
                if (!offered_set[iv]) {
                    offered_set[iv] = 1;
                    offered_order[n_offered++] = iv;
                }
            }
        }
        d->total += sp_option_total(o);
        d->total_best += best_total;
        if (best_total > sp_option_total(o))
            d->missed[d->n_missed++] = (sp_debrief_missed){
                st->turn, st->node, st->option, best_opt, best_total - sp_option_total(o) };
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

done:
    sp_analysis_free(an);
    free(opts);
    free(applied_set);
    free(offered_set);
    free(offered_order);
    free(flag_ok);
    free(pres);
    return d;
}
