/* analysis.h: the exact value of a scenario's states (V), the expert path, reachability, coverage and the author's checks. */
#ifndef SP_ANALYSIS_H
#define SP_ANALYSIS_H

/*
 * V(node, variables) is the highest total a learner can still add from a
 * node, with the variables in force there (after the node's own set/add,
 * as sp_session_vars gives them at a view), up to an ending. It is exact:
 * conditions on options and gotos and set/add effects are honoured, by a
 * memoised search over (node, variable values). Only the variables some
 * condition reads (of an option, a goto or a line) are part of a state;
 * the others cannot change what is offered or shown.
 *
 * The figures of a play (issue 10) all come from V:
 *   max    = V(start state), the highest total any complete play can reach;
 *   left   = V(before) - (delta(chosen) + V(after)) at a decision;
 *   still  = V(current state) during a play, 0 once it is finished.
 *
 * Limit: at most SP_ANALYSIS_MAX_STATES distinct (node, variable values)
 * states are searched. The shipped cases need a few thousand, the 5,000-node
 * bench case about half a million. Past the limit the search stops with
 * SP_EINVAL and "path: the case has more than 4000000 states ..." in the
 * diag, and no figure is given (never an estimate).
 */

#include <limits.h>
#include "model.h"
#include "diag.h"

#define SP_ANALYSIS_MAX_STATES 4000000
#define SP_VALUE_NONE INT_MIN /* no ending can be reached from the state */

/* ---- the value function -------------------------------------------------- */

typedef struct sp_value sp_value;

/* A memo for one scenario; states are computed on demand and kept. d may
 * be NULL; it receives the limit message. */
sp_status sp_value_new(const sp_scenario *sc, sp_diag *d, sp_value **out);
void sp_value_free(sp_value *v);

/* V(node, vars) into *out (SP_VALUE_NONE when no ending is reachable).
 * vars: every scenario variable, as in force at the node. SP_EINVAL past
 * the state limit or on a cycle, SP_ENOMEM. */
sp_status sp_value_get(sp_value *v, int node, const int *vars, int *out);

/* A decision judged against V: what the chosen option left lying, and the
 * stronger option. The feedback line after a choice ("Sterker was: ...")
 * takes stronger/stronger_total from here, or from the debrief's last
 * decision (sp_debrief_build), which holds the same figures. */
typedef struct sp_judgement {
    int before;         /* V at the decision (vars as in force there) */
    int chosen_total;   /* the chosen option's own total (sum of its deltas) */
    int chosen_value;   /* chosen_total + V(after); SP_VALUE_NONE if after is a dead end */
    int left;           /* before - chosen_value; 0 at best; see debrief.h for dead ends */
    int stronger;       /* option with the highest delta + V(after) (ties: higher
                         * own total, then first offered); -1 when left == 0 */
    int stronger_total; /* its own total; 0 when stronger == -1 */
} sp_judgement;

/* node: a decision or thought; vars as in force there; chosen: an index
 * into node->options that is offered under vars (SP_EUSAGE otherwise). */
sp_status sp_value_judge(sp_value *v, int node, const int *vars, int chosen, sp_judgement *j);

/* The entering effects of node applied to vars, then V there: the value of
 * arriving at node with vars (e.g. the start values at sc->start). */
sp_status sp_value_enter(sp_value *v, int node, const int *vars_before, int *out);

/* States searched so far. */
int sp_value_states(const sp_value *v);

/* ---- the analysis of a case ---------------------------------------------- */

typedef struct sp_analysis {
    int n_nodes;
    /* Reachable: some play from the start values reaches it, conditions
     * honoured. offered[opt_base[node] + j]: option j of node is offered in
     * some reachable state. */
    unsigned char *reachable;
    unsigned char *offered;
    int *opt_base;
    int n_decisions;             /* reachable decision + thought nodes */
    int n_endings;               /* reachable endings */
    int max_total;               /* exact V(start state); 0 when no ending is reachable */
    /* The expert path: a complete play that reaches exactly max_total. At
     * each decision it takes the stronger option (see sp_judgement). n_expert
     * is 0 when no ending is reachable. */
    int *expert_nodes, *expert_options; int n_expert;
    int expert_ending;           /* node index, -1 when none */
    int *expert_goal;            /* per handbook goal; sums to max_total */
    int n_states;                /* states searched */
    /* Coverage, per handbook index, over what is reachable and offered: an
     * intervention applied by some option, a flag present at some node, a
     * thought with both its hindering and its helpful side offered. */
    unsigned char *interventions, *flags, *thoughts;
    sp_value *value;             /* the memo, for further questions */
} sp_analysis;

/* From the scenario's start values. The graph must be acyclic (the loader
 * checks it; SP_EINVAL otherwise). */
sp_status sp_analysis_run(const sp_scenario *sc, sp_analysis **out);
/* From given start values (a trajectory's carried variables); start_vars
 * NULL means the scenario's init values. d may be NULL. */
sp_status sp_analysis_run_from(const sp_scenario *sc, const int *start_vars, sp_diag *d,
                               sp_analysis **out);
void sp_analysis_free(sp_analysis *a);

/* ---- the author's checks (`samenspel check`) ------------------------------ */

/* A play from the start, as the decisions met and the options taken
 * (gotos left out). */
typedef struct sp_apath {
    int n;
    int *nodes, *options;
} sp_apath;

/* A decision that offers no option in some reachable state. */
typedef struct sp_dead_end {
    int node;
    const int *vars;             /* every variable, as in force there */
    sp_apath path;
} sp_dead_end;

/* An ending and the totals of the plays that reach it. */
typedef struct sp_ending_fit {
    int node;
    int lo, hi;                  /* lowest and highest total */
    sp_apath lo_path;            /* a play that reaches it with lo */
    /* Warnings. below: an ending of a worse kind (good > mixed > poor) whose
     * highest total is above lo (the worse ending with the highest such
     * total), -1 when none. hindering: 1 when a good ending is reached by a
     * play that chose the hindering side at every thought moment it met (at
     * least one), with hind_path such a play. */
    int below, below_hi;
    int hindering;
    sp_apath hind_path;
} sp_ending_fit;

/* A decision where the answer with the highest own total is not the one
 * whose route earns the most (delta + V(after)): a detour pays. The first
 * state met per node (nearest the start). */
typedef struct sp_detour {
    int node;
    int answer, answer_total, answer_value;  /* option, own total, total + V(after) */
    int route, route_total, route_value;
} sp_detour;

typedef struct sp_words {
    int nl, en;
} sp_words;

typedef struct sp_check {
    sp_analysis *a;              /* reachable[], offered[], the expert path */
    const sp_dead_end *dead;     int n_dead;
    sp_ending_fit *endings;      int n_endings;
    sp_detour *detours;          int n_detours;
    /* Answer tells: of the decisions and thought moments offering two or
     * more options (reachable, offered options only), those whose longest
     * option in Dutch words (one, no tie) has the highest own total. */
    int tell_decisions, tells;
    /* Reading length: the words a learner reads on a play (the lines shown,
     * the prompt, every option offered, the feedback of the one chosen, the
     * ending's title and evaluation; conditions and paragraphs honoured;
     * English falls back to Dutch where untranslated). shortest/longest by
     * Dutch words over every complete play. */
    sp_words expert_words, short_words, long_words;
    sp_apath short_path, long_path;
    /* Translation coverage: prose texts (and paragraphs) with Dutch, and
     * how many of them carry English. */
    int texts, texts_en;
    sp_value *lean;              /* the search from the start and the carried values */
} sp_check;

#define SP_CHECK_WPM 200         /* reading speed for the minutes */
#define SP_CHECK_TELL_MAX 40     /* percent; more answer tells is a warning */
#define SP_CHECK_EXPERT_WORDS 2000 /* an expert path longer than this is a warning */

/* From the scenario's start values. d receives the limit message. */
sp_status sp_check_run(const sp_scenario *sc, sp_diag *d, sp_check **out);
void sp_check_free(sp_check *c);

#endif
