/* stats.h: trainer statistics over many plays of one case: options chosen per decision, mean goal scores, what is missed most. */
#ifndef SP_STATS_H
#define SP_STATS_H

/*
 * Add replays of one case one by one, then read the counts. Every play
 * counts in the decisions (which option was chosen where); only finished
 * plays count in the means and in what was missed, since a play stopped
 * half-way has not had the chance to score or to apply what comes later.
 * Definitions follow the debrief (debrief.h): an intervention is missed in
 * a play when an option offered on its path would have applied it and none
 * chosen did; a red flag is missed when it was present at a turn that ended
 * in a choice and never marked while present.
 */

#include "replay.h"

typedef struct sp_stats {
    const sp_scenario *sc;
    int n_plays, n_finished;
    int *reached;          /* per node: plays that took a decision there */
    int *chosen;           /* per node option: chosen[base[node] + option] */
    int *base;             /* per node: where its options start in chosen */
    int *endings;          /* per node: finished plays that ended there */
    long *goal_sum;        /* per handbook goal, over finished plays */
    int n_goals;
    long total_sum;        /* over finished plays */
    int *iv_offered;       /* per intervention: finished plays where it was on offer */
    int *iv_missed;        /* ... on offer but never applied */
    int *flag_present;     /* per red flag: finished plays where it was present */
    int *flag_missed;      /* ... present and never recognised */
    int *flag_false;       /* per red flag: false alarms over all finished plays */
} sp_stats;

sp_stats *sp_stats_new(const sp_scenario *sc); /* NULL on out-of-memory */
void sp_stats_free(sp_stats *st);
/* r must be a replay of st's case (same id); SP_EINVAL else. */
sp_status sp_stats_add(sp_stats *st, const sp_replay *r);

/* Means over the finished plays; 0 when there are none. */
double sp_stats_goal_mean(const sp_stats *st, int goal);
double sp_stats_total_mean(const sp_stats *st);

/* Fills order with the indices i < n whose counts[i] > 0, largest count
 * first, ties in index order; returns how many. */
int sp_stats_rank(const int *counts, int n, int *order);

#endif
