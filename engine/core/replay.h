/* replay.h: a played conversation laid out decision by decision, for stepping through, branching, notes and the history of plays. */
#ifndef SP_REPLAY_H
#define SP_REPLAY_H

/*
 * A replay is built from a transcript and its scenario (the same core fed
 * from a file instead of a person): sp_transcript_replay rebuilds the
 * session, then a second session walks the effective history once more to
 * capture what was on screen at every decision. Hosts (terminal, window,
 * export, compare, statistics) read the steps; nothing in a replay changes
 * after it is built, except that notes go into the caller's transcript.
 *
 *     steps[0 .. n_decisions)   one per decision or thought moment taken,
 *                               in order (undone choices are not there)
 *     steps[n_decisions]        the last step: the ending reached, or the
 *                               decision where an unfinished play stopped
 *
 * Texts point into the scenario (in the replay's language) or into the
 * replay's arena; they live as long as both.
 */

#include <stdint.h>
#include "model.h"
#include "diag.h"
#include "session.h"
#include "transcript.h"

/* How the choice at a decision scored against what was on offer then. */
typedef enum {
    SP_GRADE_BEST,     /* the chosen total equals the best total on offer */
    SP_GRADE_MIDDLE,   /* better than the worst, not the best */
    SP_GRADE_WORST,    /* the worst total on offer (and below the best) */
    SP_GRADE_NONE      /* the last step: nothing was chosen */
} sp_replay_grade;

typedef struct sp_replay_step {
    sp_view_kind kind;        /* decision or thought; the last step may be an ending */
    int turn;                 /* 1-based */
    int node;                 /* node index */
    const sp_view_line *lines;/* what was said since the previous decision */
    int n_lines;
    const char *prompt;       /* "" when none */
    /* The choice; chosen is -1 on the last step. */
    int chosen;               /* node option index */
    const int *offered;       /* node option indices offered then, file order */
    int n_offered;
    int total;                /* sum of the chosen option's deltas */
    int best_total, worst_total; /* over the options offered */
    int best;                 /* the first offered option with best_total */
    sp_replay_grade grade;
    /* Red flags (handbook indices). present: present this turn; marked:
     * marked this turn, with marked_verdict[i] its sp_flag_verdict
     * (session.h: the red-flag window, or not intended here). */
    const int *present;       int n_present;
    const int *marked;        const unsigned char *marked_verdict; int n_marked;
    /* Group play: votes per offered option (in the order of offered), 0 when none. */
    const int *votes;         int n_votes;
    int override;
    /* Index into the transcript's raw steps of this step's choose step:
     * sp_transcript_replay(t, sc, log_step, ...) stops right before the
     * choice. The last step: t->n_steps. */
    int log_step;
} sp_replay_step;

typedef struct sp_replay {
    const sp_scenario *sc;
    const sp_transcript *t;   /* what it was built from (owned only when own_t) */
    int own_t;
    sp_lang lang;
    sp_session *s;            /* the replayed session */
    sp_replay_step *steps;
    int n_steps;              /* n_decisions + 1 */
    int n_decisions;
    int finished;
    /* 0, or the 1-based transcript step that no longer fits the scenario:
     * the replay then covers the play up to just before it. */
    int stopped_at;
    int total, best_total;    /* sums over the decisions */
    struct sp_arena *arena;
} sp_replay;

/*
 * Replays t against sc. Messages from sp_transcript_replay go to d (a
 * changed scenario is a warning). When a step no longer fits, returns
 * SP_EINVAL with the replay up to that step in *out (stopped_at names the
 * step); a transcript of another case: SP_EINVAL and *out NULL. t must
 * outlive the replay.
 */
sp_status sp_replay_build(const sp_transcript *t, const sp_scenario *sc, sp_lang lang,
                          sp_replay **out, sp_diag *d);
/* The expert path from start_vars (every scenario variable; NULL: the
 * scenario's init values) as a replay with a transcript of its own (mode
 * "expert", no file). Beside a play, pass sp_session_start_vars(r->s), so
 * that the expert route starts where the play started (a trajectory's
 * carried values) and reaches the same maximum its debrief shows. */
sp_status sp_replay_expert(const sp_scenario *sc, const int *start_vars, sp_lang lang, sp_replay **out,
                           sp_diag *d);
void sp_replay_free(sp_replay *r);


/* The step a note belongs to: the first decision at or after the note's
 * raw step; the last step for a note past the last choice; -1 for a note
 * on the whole play. */
int sp_replay_note_step(const sp_replay *r, const sp_tnote *n);
/* Adds a note on step i (-1: the whole play; the last step counts as the
 * whole play too) to t, which must be the transcript r was built from. The
 * caller writes t to disk. */
sp_status sp_replay_add_note(const sp_replay *r, sp_transcript *t, int i, const char *text);

/*
 * Branching: a new session of r's scenario at step i (its choice not taken),
 * ready to be played on, and a new transcript that records it: parent =
 * parent_path, branch_step = steps[i].log_step, mode "replay-branch",
 * started = now. The session keeps the parent's steps (and their times) up
 * to there, so replaying the new transcript reproduces the branch point.
 * SP_EUSAGE when i is not a decision of r.
 */
sp_status sp_replay_branch(const sp_replay *r, int i, const char *parent_path, int64_t now,
                           sp_session **s, sp_transcript **t, sp_diag *d);

/* ---- the history of plays ------------------------------------------------ */

/* One transcript file, for the list of past plays (newest first). */
typedef struct sp_replay_entry {
    char *path;
    char *scenario_id;        /* NULL when the file did not read */
    const sp_scenario *sc;    /* its case, NULL when not available */
    int64_t started;
    int finished;
    int ending_node;          /* -1 when not finished */
    int n_turns;              /* decisions taken */
    int total, best_total;
    /* The figures of the play (debrief.h), for the list of earlier plays:
     * total (your score) + left + still = max; exact 0 when the case is
     * past the analysis's state limit (then max, left, still are 0). */
    int max, left, still, exact;
    int branch;               /* 1: branched from another play */
    int ok;                   /* 0: unreadable or no longer fits; error says why */
    char *error;
} sp_replay_entry;

/* Finds the case of a scenario id for sp_replay_scan; NULL when there is none. */
typedef const sp_scenario *(*sp_replay_resolve)(void *ctx, const char *scenario_id);

/* Reads every *.xml in dir (not recursive) and replays it against the case
 * resolve gives for it. A missing directory is an empty list. Files that do
 * not read or replay are listed with ok 0 and their first message. */
sp_status sp_replay_scan(const char *dir, sp_replay_resolve resolve, void *ctx,
                         sp_replay_entry **out, int *n);
void sp_replay_entries_free(sp_replay_entry *e, int n);

#endif
