/* debrief.h: the debrief model of a play: the figures (score, max, left, still), per goal and per decision, interventions, flags, thoughts. */
#ifndef SP_DEBRIEF_H
#define SP_DEBRIEF_H

#include "model.h"
#include "session.h"

/*
 * The figures of a play (one arithmetic for every surface; V is the exact
 * value function of analysis.h):
 *   score      the sum of the deltas of the options you took (per goal and total);
 *   total_max  V(start state of this play): the highest total any complete
 *              play can reach from the same start values (the case maximum);
 *   left       at a decision: V(before) - (delta(chosen) + V(after)) >= 0,
 *              the points your choice left lying; summed over your decisions;
 *   still      V(current state): the points still within reach; 0 when finished;
 *   expert     per goal: the expert path's score (a real complete play that
 *              reaches exactly total_max); the rows sum to total_max.
 * Invariants: total + left + still == total_max; the goal rows sum to total
 * and to total_max. A choice that leads into a decision offering nothing
 * (content `check` reports) counts V(after) as 0 there.
 */
typedef struct sp_debrief_goal {
    int goal;        /* handbook goal index */
    int score;       /* what you scored */
    int expert;      /* what the expert path scores */
} sp_debrief_goal;

typedef struct sp_debrief_applied {
    int intervention;/* handbook index */
    int turn, node, option;
} sp_debrief_applied;

/* One decision (or thought moment) you took. For the feedback line right
 * after a choice ("Sterker was: ..."), build the debrief and read the last
 * entry, or call sp_value_judge (analysis.h) with the same figures. */
typedef struct sp_debrief_decision {
    int turn, node;
    int chosen;          /* node option index taken */
    int chosen_total;    /* its own total (sum of its deltas) */
    int stronger;        /* the option with the highest delta + V(after) (ties:
                          * higher own total, then first); -1 when left == 0 */
    int stronger_total;  /* its own total; 0 when stronger == -1 */
    int left;            /* V(before) - (chosen_total + V(after)) */
} sp_debrief_decision;

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
    /* The figures above. exact is 0 when the case passed the analysis's
     * state limit: total_max, left, still, expert and the decisions' left
     * and stronger are then 0 / -1 (never an estimate). */
    int total, total_max, left, still;
    int exact;
    sp_debrief_applied *applied; int n_applied;
    /* Interventions never applied although an option offered on your path
     * would have applied them (the "missed interventions"), in the order
     * they were first offered. */
    int *missed_interventions;   int n_missed_interventions;
    sp_debrief_decision *decisions; int n_decisions; /* every choice, in order */
    sp_debrief_flag *recognised; int n_recognised;
    sp_debrief_flag *flags_missed; int n_flags_missed;
    sp_debrief_flag *false_alarms; int n_false_alarms;
    /* Marked outside the window but defensible (SP_FLAG_NOT_INTENDED,
     * session.h): "not intended here", neither recognised nor false. */
    sp_debrief_flag *not_intended; int n_not_intended;
    sp_debrief_thought *thoughts; int n_thoughts;
} sp_debrief;

/* NULL on out-of-memory. Works on finished and unfinished sessions. */
sp_debrief *sp_debrief_build(const sp_session *s);
void sp_debrief_free(sp_debrief *d);

/* The value table (V, analysis.h) of a case from given start values, kept
 * between debriefs: a host that shows the figures after every choice
 * builds it once per play instead of once per choice. The debrief is the
 * same as sp_debrief_build's; the memo is made again when the scenario or
 * the start values differ from those it was made for. Free it before the
 * scenario it was used with. NULL on out-of-memory. */
typedef struct sp_debrief_memo sp_debrief_memo;
sp_debrief_memo *sp_debrief_memo_new(void);
void sp_debrief_memo_free(sp_debrief_memo *m);
/* m may be NULL: then as sp_debrief_build. */
sp_debrief *sp_debrief_build_memo(const sp_session *s, sp_debrief_memo *m);

#endif
