/* analysis.h: static analysis of a scenario graph: reachability, score bounds, expert path, coverage. */
#ifndef SP_ANALYSIS_H
#define SP_ANALYSIS_H

#include "model.h"
#include "diag.h"

typedef struct sp_analysis {
    int n_nodes;
    unsigned char *reachable;    /* per node, ignoring conditions */
    int n_decisions;             /* decision + thought nodes */
    int n_endings;
    int min_total, max_total;    /* over every path from start to an ending */
    int *goal_max;               /* per handbook goal: best on any path */
    int *goal_min;
    /* The expert path: the options (node, option) of a path from the start
     * to an ending with the highest total, conditions and effects honoured. */
    int *best_nodes, *best_options; int n_best;
    /* Coverage, per handbook index: 1 when practised in this scenario.
     * An intervention: applied by some option. A flag: present at some
     * reachable node. A thought: both its hindering and its helpful side
     * are offered by options. */
    unsigned char *interventions, *flags, *thoughts;
} sp_analysis;

/* The graph must be acyclic (the loader checks it). */
sp_status sp_analysis_run(const sp_scenario *sc, sp_analysis **out);
void sp_analysis_free(sp_analysis *a);

#endif
