/* session.h: one play of a scenario as a small state machine: view, choose, flag, undo; no I/O. */
#ifndef SP_SESSION_H
#define SP_SESSION_H

/*
 * Every host (terminal, SDL window, projector, tests, replay) drives a play
 * through this API only:
 *
 *     sp_session *s = sp_session_new(sc, SP_LANG_NL);
 *     while (!sp_session_finished(s)) {
 *         const sp_view *v = sp_session_view(s);
 *         ... show v->lines, v->options ...
 *         sp_session_choose(s, v->options[k].option);
 *     }
 *
 * The session follows goto nodes by itself: a view holds every line met
 * since the previous decision and stops at the next decision, thought
 * moment or ending. Red flags present on any node of that stretch count
 * for the current turn and the next (the red-flag window, below).
 *
 * State is derived from the step log: undo drops the last effective step and
 * the session is then exactly what a fresh play of the rest would be
 * (restored from what was kept at each step, not replayed from the start:
 * one undo costs the same in a play of 5,000 steps as in one of 50). A
 * transcript is that log on disk.
 */

#include <stdint.h>
#include "model.h"
#include "diag.h"

typedef struct sp_session sp_session;

typedef enum { SP_VIEW_DECISION, SP_VIEW_THOUGHT, SP_VIEW_ENDING } sp_view_kind;

typedef struct sp_view_line {
    int node;                 /* node the line belongs to */
    int speaker;              /* cast index, -1 for narration */
    const char *speaker_name; /* "" for narration */
    sp_mood mood;             /* the speaker's expression on this line */
    const char *text;
} sp_view_line;

typedef struct sp_view_option {
    int option;               /* index into node->options: pass this to choose */
    const char *id;
    const char *text;
} sp_view_option;

/* What the step that led to this view did, for a feedback card. */
typedef struct sp_feedback {
    int valid;                /* 0 before the first choice, and right after undo
                               * (until the next choice; flags do not revive it) */
    int node, option;         /* the decision and the option taken */
    int turn;
    const char *said;         /* the option's text */
    const char *text;         /* the option's feedback */
    const char *ref;          /* the handbook reference as shown ("Handboek H3 ·
                               * Doorvragen", sp_handbook_ref_format), "" when none */
    int total;                /* sum of the option's deltas */
    int best_total;           /* best total among the options offered then */
} sp_feedback;

typedef struct sp_view {
    sp_view_kind kind;
    int node;                 /* current node index */
    int turn;                 /* 1-based number of the current decision */
    const sp_view_line *lines;/* lines since the previous decision */
    int n_lines;
    const char *prompt;       /* "" when none */
    const char *discuss;      /* "" when none */
    const sp_view_option *options; /* offered options (conditions hold) */
    int n_options;
    sp_feedback feedback;
    /* SP_VIEW_ENDING only */
    const char *ending_id;
    const char *ending_title;
    const char *evaluation;
    sp_ending_kind ending_kind;
} sp_view;

typedef enum { SP_STEP_CHOOSE, SP_STEP_FLAG, SP_STEP_UNDO } sp_step_kind;

typedef struct sp_step {
    sp_step_kind kind;
    int turn;                 /* turn at which it happened */
    int node;                 /* decision node current at the time */
    int option;               /* CHOOSE: index into node->options */
    int flag;                 /* FLAG: handbook red flag index */
    int64_t at;               /* session clock, seconds since the epoch */
} sp_step;

/* What a marked red flag is, by one rule for every host (sp_session_flag_verdict). */
typedef enum {
    SP_FLAG_FALSE_ALARM = 0,  /* not defensible at this point */
    SP_FLAG_PRESENT,          /* in the red-flag window: recognised */
    SP_FLAG_NOT_INTENDED      /* defensible, but the author did not list it here */
} sp_flag_verdict;

typedef struct sp_flag_result {
    int recognised;           /* 1: present now (verdict SP_FLAG_PRESENT) */
    sp_flag_verdict verdict;
    const char *why;          /* the scenario's reason, or the handbook's explanation */
} sp_flag_result;

/* NULL on out-of-memory. sc must outlive the session. */
sp_session *sp_session_new(const sp_scenario *sc, sp_lang lang);
void sp_session_free(sp_session *s);

/* Before the first step only (SP_EUSAGE after): overrides a variable's
 * start value, for trajectories. Unknown name: SP_EINVAL. */
sp_status sp_session_set_var(sp_session *s, const char *name, int value);
void sp_session_set_lang(sp_session *s, sp_lang lang);
sp_lang sp_session_lang(const sp_session *s);
/* Clock for step times; default time(NULL). Tests pass a fixed clock.
 * now == NULL restores time(NULL). While no step has been logged yet the
 * start time is re-read from the new clock. */
void sp_session_set_clock(sp_session *s, int64_t (*now)(void *ctx), void *ctx);

/* Valid until the next call that changes the session. Never NULL.
 * Conditional texts (<p if="...">) come resolved: a line's paragraphs as
 * the state was on arrival at its node, the feedback's as it was when the
 * option was chosen, prompt, discussion and evaluation as it is now. */
const sp_view *sp_session_view(sp_session *s);

/* A text of this session's scenario in lang, its paragraphs resolved
 * against the current state: for an ended play the state at the ending
 * (the evaluation, the case's reflection and handout). Plain texts as
 * sp_text_get. Valid as long as the view. Never NULL. */
const char *sp_session_text(const sp_session *s, const sp_text *t, sp_lang lang);
/* The same with the state as it was when choice (0-based, in the effective
 * history) was made: an option's feedback, as the feedback card showed it.
 * choice >= the number of choices made: the current state. */
const char *sp_session_text_at(const sp_session *s, int choice, const sp_text *t, sp_lang lang);

/* option is an index into the current node's options (sp_view_option.option).
 * SP_EUSAGE when it is not offered now or the play has ended. */
sp_status sp_session_choose(sp_session *s, int option);
/* flag is a handbook red flag index. SP_EUSAGE when the play has ended or
 * the same flag was already marked this turn. res may be NULL. */
sp_status sp_session_flag(sp_session *s, int flag, sp_flag_result *res);
/*
 * The red-flag window, one rule for every host. A view is one screen of
 * the conversation: the nodes entered since the previous decision or
 * thought moment, up to and including the next one (the view of turn t).
 * A flag marked at turn t counts when one of its nodes is in the last
 * SP_FLAG_WINDOW views: the view of turn t or of turn t - 1. People notice
 * a signal while it is on screen or just after it has scrolled away.
 * Returns that node (the latest), or -1 (a false alarm).
 */
#define SP_FLAG_WINDOW 2
int sp_session_flag_node(const sp_session *s, int flag, int turn);
/*
 * The verdict on flag marked at turn (the same in the window, the terminal,
 * the wall and the debrief):
 *   SP_FLAG_PRESENT       its node is in the red-flag window (above);
 *   SP_FLAG_NOT_INTENDED  outside the window but defensible: a node earlier
 *                         on this play's path lists it (it was said in this
 *                         conversation, before the window), or an option of a
 *                         decision in the window names it in its feedback
 *                         reference (the author ties this moment to it);
 *   SP_FLAG_FALSE_ALARM   neither.
 * *node (may be NULL) receives the node in the window, the earlier node
 * (or else the decision naming it), or -1.
 */
sp_flag_verdict sp_session_flag_verdict(const sp_session *s, int flag, int turn, int *node);

/* Undoes the last choice or flag. SP_EUSAGE when there is nothing to undo. */
sp_status sp_session_undo(sp_session *s);

int sp_session_finished(const sp_session *s);
/* 1 when the play is finished at an ending marked trajectory="stop": in a
 * trajectory no next case follows. */
int sp_session_ends_trajectory(const sp_session *s);
int sp_session_turn(const sp_session *s);
const sp_scenario *sp_session_scenario(const sp_session *s);
const int *sp_session_vars(const sp_session *s);     /* current values */
const int *sp_session_start_vars(const sp_session *s);/* values at the start */
int64_t sp_session_started_at(const sp_session *s);

/* The raw log, undo steps included: what a transcript stores. */
int sp_session_log_count(const sp_session *s);
const sp_step *sp_session_log(const sp_session *s, int i);
/* The effective history: the log with undone steps (and the undos) removed. */
int sp_session_history_count(const sp_session *s);
const sp_step *sp_session_history(const sp_session *s, int i);
/* Nodes visited on the effective path, in order (goto, decision, thought
 * and the ending node). A line's condition is evaluated on arrival at its
 * node, before that node's set/add effects. */
int sp_session_path_count(const sp_session *s);
int sp_session_path(const sp_session *s, int i);

/* The options offered at history step i (a CHOOSE step), as the state was
 * then: fills opts (up to max) with node option indices, returns the count. */
int sp_session_offered_at(const sp_session *s, int i, int *opts, int max);

#endif
