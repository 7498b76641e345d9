/* vote.c: the room's votes at a decision: tally, majority and ties, override, dissent; attaching them to a transcript step. */
#include "vote.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

int sp_vote_valid(const int *votes, int n)
{
    if (!votes || n < 1 || n > SP_VOTE_MAX)
        return 0;
    for (int i = 0; i < n; i++)
        if (votes[i] < 0 || votes[i] > SP_VOTE_MAX_COUNT)
            return 0;
    return 1;
}

sp_vote_tally sp_vote_count(const int *votes, int n)
{
    sp_vote_tally t = { 0, 0, 0, -1 };
    if (!sp_vote_valid(votes, n))
        return t;
    for (int i = 0; i < n; i++) {
        t.total += votes[i];
        if (votes[i] > t.top) {
            t.top = votes[i];
            t.n_top = 1;
            t.majority = i;
        } else if (votes[i] == t.top) {
            t.n_top++;
        }
    }
    if (t.total == 0 || t.n_top != 1) {
        t.majority = -1;
        if (t.total == 0)
            t.n_top = n; /* nobody voted: every option is level */
    }
    return t;
}

int sp_vote_is_override(const int *votes, int n, int chosen)
{
    if (!sp_vote_valid(votes, n) || chosen < 0 || chosen >= n)
        return 0;
    sp_vote_tally t = sp_vote_count(votes, n);
    return votes[chosen] < t.top;
}

int sp_vote_dissent(const int *votes, int n, int chosen)
{
    if (!sp_vote_valid(votes, n) || chosen < 0 || chosen >= n)
        return 0;
    return sp_vote_count(votes, n).total - votes[chosen];
}

sp_status sp_vote_decide(const int *votes, int n, int pick, int *chosen, int *override)
{
    if (!sp_vote_valid(votes, n) || pick >= n)
        return SP_EUSAGE;
    if (pick < 0) {
        sp_vote_tally t = sp_vote_count(votes, n);
        if (t.majority < 0)
            return SP_EUSAGE;
        pick = t.majority;
    }
    *chosen = pick;
    *override = sp_vote_is_override(votes, n, pick);
    return SP_OK;
}

sp_status sp_vote_attach(sp_transcript *t, int step, const int *votes, int n, int override)
{
    if (!t || step < 0 || step >= t->n_steps || t->steps[step].kind != SP_STEP_CHOOSE)
        return SP_EUSAGE;
    if (n != 0 && !sp_vote_valid(votes, n))
        return SP_EUSAGE;
    sp_tstep *st = &t->steps[step];
    int *copy = NULL;
    if (n > 0) {
        copy = sp_malloc(sizeof(int) * (size_t)n);
        if (!copy)
            return SP_ENOMEM;
        memcpy(copy, votes, sizeof(int) * (size_t)n);
    }
    sp_free(st->votes);
    st->votes = copy;
    st->n_votes = n;
    st->override = n > 0 && override ? 1 : 0;
    return SP_OK;
}
