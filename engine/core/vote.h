/* vote.h: group play: the room's votes at a decision (majority, ties, the facilitator's override, dissent) and their place in a transcript. */
#ifndef SP_VOTE_H
#define SP_VOTE_H

/*
 * In group play the room votes on the options offered at a decision, in the
 * order they are shown; the facilitator enters the counts and takes the
 * option with the most votes, or overrides the room. A transcript keeps
 * the counts and the override on the choose step (sp_tstep votes,
 * n_votes, override); the dissent is derived from them: the votes cast for
 * other options than the one taken. The session itself knows nothing of
 * votes: the host attaches them to the transcript after sp_transcript_sync,
 * which keeps them on steps that stay the same.
 */

#include "diag.h"
#include "transcript.h"

#define SP_VOTE_MAX 64          /* counts at one decision (the transcript's cap) */
#define SP_VOTE_MAX_COUNT 9999  /* one option's count: a large lecture hall */

typedef struct sp_vote_tally {
    int total;      /* votes cast */
    int top;        /* the highest count */
    int n_top;      /* options that have it */
    int majority;   /* the one option with the most votes (a plurality), or
                     * -1 when none were cast or the top is shared */
} sp_vote_tally;

/* 1 when n is 1..SP_VOTE_MAX and every count 0..SP_VOTE_MAX_COUNT. */
int sp_vote_valid(const int *votes, int n);
sp_vote_tally sp_vote_count(const int *votes, int n);
/* 1 when taking chosen goes against the room: it is not among the options
 * with the most votes. Picking between tied options is no override, nor is
 * any pick when nobody voted. */
int sp_vote_is_override(const int *votes, int n, int chosen);
/* Votes cast for other options than chosen. */
int sp_vote_dissent(const int *votes, int n, int chosen);

/* The facilitator's decision: pick < 0 takes the majority, else pick (an
 * index into votes). SP_EUSAGE when pick < 0 and there is no majority (a
 * tie, or no votes: the facilitator must pick), or pick is out of range. */
sp_status sp_vote_decide(const int *votes, int n, int pick, int *chosen, int *override);

/* Sets the votes of raw step `step` of t (a choose step, after
 * sp_transcript_sync): copies votes[0..n) and override. n == 0 clears them.
 * SP_EUSAGE when step is not a choose step of t or the counts are not
 * valid; SP_ENOMEM. */
sp_status sp_vote_attach(sp_transcript *t, int step, const int *votes, int n, int override);

#endif
