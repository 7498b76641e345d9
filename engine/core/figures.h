/* figures.h: the names and one-sentence definitions of the figures of a play (score, maximum, expert route, left, still, stronger option), the legend every surface shows. */
#ifndef SP_FIGURES_H
#define SP_FIGURES_H

/*
 * The values come from the debrief (debrief.h); this file only words
 * them, so that the terminal, the exports, compare, stats and the window
 * name and explain the same figure the same way. Names are lower case
 * ("jouw score"); a surface capitalises where it starts a sentence or a
 * column.
 */

#include <stddef.h>
#include "model.h"

typedef enum {
    SP_FIG_SCORE,    /* jouw score: sum of the deltas of the options taken */
    SP_FIG_MAX,      /* maximum van de casus: V(start state) */
    SP_FIG_EXPERT,   /* expertroute: per goal, the expert path's score */
    SP_FIG_LEFT,     /* laten liggen: V(before) - (delta(chosen) + V(after)) */
    SP_FIG_STILL,    /* nog haalbaar: V(current state), 0 when finished */
    SP_FIG_STRONGER, /* sterkere optie: the option with the highest delta + V(after) */
    SP_FIG_COUNT
} sp_figure;

/* The figure's name, lower case: "jouw score" / "your score". */
const char *sp_figure_name(sp_lang lang, sp_figure f);
/* One sentence that defines it, ending in a full stop. */
const char *sp_figure_legend(sp_lang lang, sp_figure f);
/* The heading of the legend: "Wat de getallen betekenen" / "What the figures mean". */
const char *sp_figure_legend_title(sp_lang lang);
/* The opening of the feedback line after a weak choice, without colon:
 * "Sterker was" / "Stronger was". */
const char *sp_figure_stronger_was(sp_lang lang);
/* How the figures add up, into buf (always terminated):
 * "jouw score 65 + laten liggen 4 + nog haalbaar 0 = maximum van de casus 69".
 * Returns buf. */
char *sp_figure_sum(sp_lang lang, char *buf, size_t len, int score, int left, int still, int max);

#endif
