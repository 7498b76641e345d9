/* compare.h: two plays of one case side by side, aligned decision by decision (a longest common subsequence of node ids). */
#ifndef SP_COMPARE_H
#define SP_COMPARE_H

/*
 * Two plays of the same case follow the same graph, so they meet the same
 * node at most once each; where their roads part and meet again, the
 * decisions both met line up and the ones between stand side by side:
 *
 *     A: gevoel route klaasen-alleen            besluit  einde-mager
 *     B: gevoel route met-jansen                besluit  einde-goed
 *        SAME   OTHER APART                     OTHER    APART
 *
 * The matched pairs are a longest common subsequence of the node sequences;
 * the unmatched stretches between two matches are paired index by index
 * (APART), and what one side has left over stands alone (ONLY_A/ONLY_B).
 */

#include "debrief.h"
#include "replay.h"

typedef enum {
    SP_ALIGN_SAME,   /* the same node and the same option (or the same ending) */
    SP_ALIGN_OTHER,  /* the same node, another option */
    SP_ALIGN_APART,  /* each at a different node */
    SP_ALIGN_ONLY_A, /* a step of A with nothing beside it */
    SP_ALIGN_ONLY_B
} sp_align_kind;

typedef struct sp_align_row {
    int a, b;        /* step indices, -1 for none */
    sp_align_kind kind;
} sp_align_row;

/* Aligns the node sequences a and b (with the option taken at each, or
 * NULL to treat every matched pair as SAME). rows needs room for na + nb
 * rows; returns the number used, or -1 when out of memory. */
int sp_compare_align(const int *a, const int *a_opt, int na, const int *b, const int *b_opt, int nb,
                     sp_align_row *rows);

typedef struct sp_compare {
    const sp_replay *a, *b;  /* borrowed */
    sp_align_row *rows;
    int n_rows;
    /* Where the roads part: the row of the choice after which the plays
     * are first at different nodes (the first differing choice when they
     * never are), -1 when the plays agree throughout. rejoin: the first row
     * after that where both are at one node again, -1 none. */
    int first_split;
    int rejoin;
    int *goal_a, *goal_b;    /* score per handbook goal (from da, db) */
    int n_goals;
    /* The debriefs of a and b (built from their sessions): the figures
     * (score, maximum, left per decision, still) the same as every other
     * surface shows for these plays. da->decisions[i] is a->steps[i]. */
    sp_debrief *da, *db;
} sp_compare;

/* Both replays must be of one case (the same scenario id); SP_EINVAL else. */
sp_status sp_compare_build(const sp_replay *a, const sp_replay *b, sp_compare **out);
void sp_compare_free(sp_compare *c);

#endif
