/* stats.c: counts over many replays of one case: decisions, the figures of each play (from its debrief) and their sums, missed interventions and red flags. */
#include "stats.h"
#include "alloc.h"
#include "debrief.h"

#include <stdlib.h>
#include <string.h>

#define ALLOC(p, n) ((p) = sp_calloc((size_t)((n) > 0 ? (n) : 1), sizeof *(p)))

sp_stats *sp_stats_new(const sp_scenario *sc)
{
    const sp_handbook *hb = sc->handbook;
    sp_stats *st = sp_calloc(1, sizeof *st);
    if (!st)
        return NULL;
    st->sc = sc;
    st->n_goals = hb->n_goals;
    int n_opts = 0;
    if (ALLOC(st->base, sc->n_nodes))
        for (int i = 0; i < sc->n_nodes; i++) {
            st->base[i] = n_opts;
            n_opts += sc->nodes[i].n_options;
        }
    if (!st->base || !ALLOC(st->reached, sc->n_nodes) || !ALLOC(st->chosen, n_opts) ||
        !ALLOC(st->endings, sc->n_nodes) || !ALLOC(st->goal_sum, hb->n_goals) ||
        !ALLOC(st->expert_sum, hb->n_goals) ||
        !ALLOC(st->iv_offered, hb->n_interventions) || !ALLOC(st->iv_missed, hb->n_interventions) ||
        !ALLOC(st->flag_present, hb->n_redflags) || !ALLOC(st->flag_missed, hb->n_redflags) ||
        !ALLOC(st->flag_false, hb->n_redflags)) {
        sp_stats_free(st);
        return NULL;
    }
    st->all_exact = 1;
    return st;
}

void sp_stats_free(sp_stats *st)
{
    if (!st)
        return;
    sp_free(st->reached);
    sp_free(st->chosen);
    sp_free(st->base);
    sp_free(st->endings);
    sp_free(st->goal_sum);
    sp_free(st->expert_sum);
    for (int i = 0; i < st->n_plays; i++)
        sp_free(st->plays[i].name);
    sp_free(st->plays);
    sp_free(st->iv_offered);
    sp_free(st->iv_missed);
    sp_free(st->flag_present);
    sp_free(st->flag_missed);
    sp_free(st->flag_false);
    sp_free(st);
}

/* Appends the play's figures to st->plays; d NULL: out of memory. */
static sp_status add_play(sp_stats *st, const sp_debrief *d, const char *name)
{
    sp_stats_play *p = sp_realloc(st->plays, sizeof *p * (size_t)(st->n_plays + 1));
    if (!p)
        return SP_ENOMEM;
    st->plays = p;
    p = &st->plays[st->n_plays];
    *p = (sp_stats_play){ sp_strdup(name ? name : ""), d->finished, d->exact, d->total, d->left, d->still,
                          d->total_max };
    if (!p->name)
        return SP_ENOMEM;
    st->n_plays++;
    return SP_OK;
}

sp_status sp_stats_add(sp_stats *st, const sp_replay *r, const char *name)
{
    const sp_scenario *sc = st->sc;
    const sp_handbook *hb = sc->handbook;
    if (strcmp(r->sc->id, sc->id) != 0 || r->sc->n_nodes != sc->n_nodes)
        return SP_EINVAL;
    sp_debrief *d = sp_debrief_build(r->s);
    sp_status rc = d ? add_play(st, d, name) : SP_ENOMEM;
    if (rc != SP_OK) {
        sp_debrief_free(d);
        return rc;
    }
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        st->reached[s->node]++;
        st->chosen[st->base[s->node] + s->chosen]++;
    }
    if (!r->finished) {
        sp_debrief_free(d);
        return SP_OK;
    }
    st->n_finished++;
    st->endings[r->steps[r->n_decisions].node]++;
    for (int g = 0; g < st->n_goals && g < d->n_goals; g++) {
        st->goal_sum[g] += d->goals[g].score;
        st->expert_sum[g] += d->goals[g].expert;
    }
    st->total_sum += d->total;
    st->left_sum += d->left;
    st->max_sum += d->total_max;
    st->all_exact &= d->exact != 0;
    sp_debrief_free(d);

    /* Per play: 1 offered, 2 applied (interventions); 1 present, 2 recognised (flags). */
    unsigned char *iv = sp_calloc((size_t)hb->n_interventions + 1, 1);
    unsigned char *fl = sp_calloc((size_t)hb->n_redflags + 1, 1);
    if (!iv || !fl) {
        sp_free(iv);
        sp_free(fl);
        return SP_ENOMEM;
    }
    for (int i = 0; i < r->n_steps; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_node *nd = &sc->nodes[s->node];
        if (i < r->n_decisions) {
            for (int k = 0; k < s->n_offered; k++) {
                const sp_option *o = &nd->options[s->offered[k]];
                for (int m = 0; m < o->n_interventions; m++)
                    iv[o->interventions[m]] |= 1;
            }
            const sp_option *c = &nd->options[s->chosen];
            for (int m = 0; m < c->n_interventions; m++)
                iv[c->interventions[m]] |= 2;
            for (int k = 0; k < s->n_present; k++)
                fl[s->present[k]] |= 1;
        }
        for (int k = 0; k < s->n_marked; k++) {
            if (s->marked_verdict[k] == SP_FLAG_PRESENT)
                fl[s->marked[k]] |= 2;
            else if (s->marked_verdict[k] == SP_FLAG_FALSE_ALARM)
                st->flag_false[s->marked[k]]++;
        }
    }
    for (int i = 0; i < hb->n_interventions; i++) {
        st->iv_offered[i] += (iv[i] & 1) != 0;
        st->iv_missed[i] += iv[i] == 1;
    }
    for (int i = 0; i < hb->n_redflags; i++) {
        st->flag_present[i] += (fl[i] & 1) != 0;
        st->flag_missed[i] += fl[i] == 1;
    }
    sp_free(iv);
    sp_free(fl);
    return SP_OK;
}

double sp_stats_goal_mean(const sp_stats *st, int goal)
{
    return st->n_finished ? (double)st->goal_sum[goal] / st->n_finished : 0.0;
}

double sp_stats_total_mean(const sp_stats *st)
{
    return st->n_finished ? (double)st->total_sum / st->n_finished : 0.0;
}

double sp_stats_mean(const sp_stats *st, long sum)
{
    return st->n_finished ? (double)sum / st->n_finished : 0.0;
}

int sp_stats_rank(const int *counts, int n, int *order)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        if (counts[i] <= 0)
            continue;
        /* insertion sort: lists are a handful of handbook elements long */
        int j = k++;
        while (j > 0 && counts[order[j - 1]] < counts[i]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return k;
}
