/* export.h: a replayed play as a printable, self-contained HTML debrief and as CSV for trainers (strings only; the host writes the file). */
#ifndef SP_EXPORT_H
#define SP_EXPORT_H

#include <stddef.h>
#include "debrief.h"
#include "replay.h"

/* The interface words of exports and replay reports, Dutch and English.
 * Texts from the case and the handbook come from the model, not from here. */
typedef enum {
    SP_EX_DEBRIEF, SP_EX_PLAYED, SP_EX_DECISIONS_N,
    SP_EX_MODE_SOLO, SP_EX_MODE_GROUP, SP_EX_MODE_BRANCH, SP_EX_MODE_EXPERT,
    SP_EX_BRANCH_OF, SP_EX_ENDING, SP_EX_UNFINISHED, SP_EX_STOPPED,
    SP_EX_KIND_GOOD, SP_EX_KIND_MIXED, SP_EX_KIND_POOR,
    SP_EX_GOALS, SP_EX_GOAL, SP_EX_TOTAL, SP_EX_NOT_EXACT, SP_EX_STRONGEST,
    SP_EX_TIMELINE,
    SP_EX_TURN, SP_EX_THOUGHT, SP_EX_DECISION, SP_EX_CONVERSATION,
    SP_EX_CHOSEN, SP_EX_FEEDBACK, SP_EX_ALTERNATIVES,
    SP_EX_APPLIES, SP_EX_HINDERING, SP_EX_HELPFUL,
    SP_EX_FLAGS_PRESENT, SP_EX_FLAGS_MARKED, SP_EX_RECOGNISED, SP_EX_FALSE_ALARM, SP_EX_NOT_INTENDED,
    SP_EX_VOTES, SP_EX_OVERRIDE, SP_EX_NOTE, SP_EX_NOTES,
    SP_EX_APPLIED, SP_EX_NOT_APPLIED, SP_EX_FLAGS, SP_EX_MISSED,
    SP_EX_THOUGHTS, SP_EX_REFRAME, SP_EX_REFLECTION, SP_EX_HANDOUT, SP_EX_NONE, SP_EX_MADE_WITH, SP_EX_OPTION, SP_EX_POINTS,
    SP_EX_CSV_TURN, SP_EX_CSV_NODE, SP_EX_CSV_OPTION, SP_EX_CSV_TEXT, SP_EX_CSV_TOTAL,
    SP_EX_CSV_TOTAL_ROW, SP_EX_CSV_EXPERT_ROW, SP_EX_CSV_FIGURE, SP_EX_CSV_VALUE, SP_EX_CSV_MEANING,
    SP_EX_CSV_INTERVENTIONS, SP_EX_CSV_THOUGHT, SP_EX_CSV_FLAGS,
    SP_EX_CSV_VOTES, SP_EX_CSV_NOTES, SP_EX_CSV_OVERRIDE,
    SP_EX_COUNT
} sp_export_msg;

const char *sp_export_str(sp_lang lang, sp_export_msg m);
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
