/* model_internal.h: core-internal: the scenario's rules that session.c, analysis.c and debrief.c must apply alike. */
#ifndef SP_MODEL_INTERNAL_H
#define SP_MODEL_INTERNAL_H

/* Not a public header: only files in engine/core include it. A play
 * (session.c) and the search over all plays (analysis.c) must agree on these
 * to the letter, so they live once, in model.c. */

#include "model.h"

/* Applies n effects to vars: set or add, then clamped to the variable's
 * min..max. */
void sp_effects_apply(const sp_scenario *sc, int *vars, const sp_effect *e, int n);

/* Where a goto node passes on to: the target of its first goto whose
 * condition holds under vars, else of its last (which has none). */
int sp_node_goto(const sp_node *n, const int *vars);

/* An option's score delta for one learning goal. */
int sp_option_goal(const sp_option *o, int goal);

#endif
