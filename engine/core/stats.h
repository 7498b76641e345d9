/* stats.h: trainer statistics over many plays of one case: options chosen per decision, the figures of every play and their means, what is missed most. */
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

/* The figures of one play, from its debrief (debrief.h): the same values
 * the play's debrief, export and compare show. */
typedef struct sp_stats_play {
    char *name;            /* as given to sp_stats_add; "" when none */
    int finished;
    int exact;             /* 0: the case is past the analysis's state limit */
    int score, left, still, max;
} sp_stats_play;

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
    long *expert_sum;      /* per handbook goal: the expert route's score, over finished plays */
    long left_sum, max_sum;/* over finished plays */
    int all_exact;         /* every finished play has exact figures */
    sp_stats_play *plays;  /* every play, in the order added (n_plays) */
    int *iv_offered;       /* per intervention: finished plays where it was on offer */
    int *iv_missed;        /* ... on offer but never applied */
    int *flag_present;     /* per red flag: finished plays where it was present */
    int *flag_missed;      /* ... present and never recognised */
    int *flag_false;       /* per red flag: false alarms over all finished plays */
} sp_stats;

sp_stats *sp_stats_new(const sp_scenario *sc); /* NULL on out-of-memory */
void sp_stats_free(sp_stats *st);
/* r must be a replay of st's case (same id); SP_EINVAL else. name (may be
 * NULL) labels the play in st->plays. */
sp_status sp_stats_add(sp_stats *st, const sp_replay *r, const char *name);

/* Means over the finished plays; 0 when there are none. */
double sp_stats_goal_mean(const sp_stats *st, int goal);
double sp_stats_total_mean(const sp_stats *st);
double sp_stats_mean(const sp_stats *st, long sum);

/* Fills order with the indices i < n whose counts[i] > 0, largest count
 * first, ties in index order; returns how many. */
int sp_stats_rank(const int *counts, int n, int *order);

#endif
