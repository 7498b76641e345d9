/* export.h: a replayed play as a printable, self-contained HTML debrief and as CSV for trainers (strings only; the host writes the file). */
#ifndef SP_EXPORT_H
#define SP_EXPORT_H

#include <stddef.h>
#include "debrief.h"
#include "replay.h"

/* The interface words of exports and replay reports are Dutch msgids put
 * through sp_translate (translate.h), so the host's catalogue (po/) gives
 * the other languages. Texts from the case and the handbook come from the
 * model, not from here. */
/* "goed", "gemengd", "zwak" / "good", "mixed", "poor" */
const char *sp_export_kind(sp_lang lang, sp_ending_kind k);

/*
 * One HTML page in r's language: the ending; the figures of d (debrief.h):
 * an SVG bar chart and a table of the learning goals (your score and the
 * expert route, negative scores left of a labelled zero line; the total
 * row is the sum of the goal rows), the sum line "score + left + still =
 * maximum" and a legend defining each figure (figures.h); an SVG timeline
 * of the decisions coloured by the points each left; every decision with
 * the conversation before it, the choice, its feedback, the points it left
 * and the stronger option, the other options with their scores and what
 * they would have applied, flags, votes and notes; then interventions, red
 * flags and thoughts; last the case's reflection question and hand-out
 * (not in the CSV). d must be built from r->s. Inline CSS with @media
 * print, no external resources. Numbers carry data-* attributes so tests
 * and tools can read them back. malloc'd; NULL on out-of-memory.
 */
char *sp_export_html(const sp_replay *r, const sp_debrief *d, size_t *len);

/*
 * CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break; UTF-8). A header row and one row per decision:
 * turn, node, option id, option text, the option's delta per learning goal
 * (one column a goal), its total, the points it left, the stronger option
 * (its text and score; empty when it left nothing), interventions applied,
 * thought (id and side), red flags marked that turn, votes (when played in
 * a group), notes. Then the total row (each number column summed), the
 * expert route's row (its score per goal and the case maximum), an empty
 * row, and the figures with their value and a one-sentence meaning. Every
 * row has as many fields as the header. d must be built from r->s. Words
 * in r's language.
 */
char *sp_export_csv(const sp_replay *r, const sp_debrief *d, size_t *len);

#endif
