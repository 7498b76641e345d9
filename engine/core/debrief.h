/* debrief.h: the debrief model of a play: scores per goal, interventions applied and missed, flags, thoughts. */
#ifndef SP_DEBRIEF_H
#define SP_DEBRIEF_H

#include "model.h"
#include "session.h"

typedef struct sp_debrief_goal {
    int goal;        /* handbook goal index */
    int score;       /* what you scored */
    int best;        /* sum, over the decisions you met, of the best delta on offer */
    int max;         /* the best any path through the scenario can score */
} sp_debrief_goal;

typedef struct sp_debrief_applied {
    int intervention;/* handbook index */
    int turn, node, option;
} sp_debrief_applied;

/* A decision where a better option was on offer. */
typedef struct sp_debrief_missed {
    int turn, node;
    int chosen;      /* node option index taken */
    int best;        /* node option index with the highest total on offer */
    int diff;        /* best total - chosen total, > 0 */
} sp_debrief_missed;

typedef struct sp_debrief_flag {
    int flag;        /* handbook index */
    int turn;        /* recognised/false alarm: when marked; missed: first turn present */
    int node;
} sp_debrief_flag;

typedef struct sp_debrief_thought {
    int turn, node, option;
    int thought;     /* handbook index */
    sp_side side;
} sp_debrief_thought;

typedef struct sp_debrief {
    int finished;
    int ending_node;             /* -1 when not finished */
    int n_turns;                 /* decisions taken */
    sp_debrief_goal *goals;      int n_goals;   /* one per handbook goal */
    /* total: sum of chosen totals; total_best: sum of the best option total
     * at each decision met (so it can be below the sum of goals[].best);
     * total_max: the best total over any path (conditions ignored). */
    int total, total_best, total_max;
    sp_debrief_applied *applied; int n_applied;
    /* Interventions never applied although an option offered on your path
     * would have applied them (the "missed interventions"), in the order
     * they were first offered. */
    int *missed_interventions;   int n_missed_interventions;
    sp_debrief_missed *missed;   int n_missed;
    sp_debrief_flag *recognised; int n_recognised;
    sp_debrief_flag *flags_missed; int n_flags_missed;
    sp_debrief_flag *false_alarms; int n_false_alarms;
    sp_debrief_thought *thoughts; int n_thoughts;
} sp_debrief;

/* NULL on out-of-memory. Works on finished and unfinished sessions. */
sp_debrief *sp_debrief_build(const sp_session *s);
void sp_debrief_free(sp_debrief *d);

#endif
