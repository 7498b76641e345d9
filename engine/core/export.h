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
    SP_EX_GOALS, SP_EX_GOAL, SP_EX_YOU, SP_EX_BEST, SP_EX_MAX, SP_EX_TOTAL,
    SP_EX_TIMELINE, SP_EX_GRADE_BEST, SP_EX_GRADE_MIDDLE, SP_EX_GRADE_WORST,
    SP_EX_TURN, SP_EX_THOUGHT, SP_EX_DECISION, SP_EX_CONVERSATION,
    SP_EX_CHOSEN, SP_EX_SCORE, SP_EX_BEST_ON_OFFER, SP_EX_FEEDBACK, SP_EX_ALTERNATIVES,
    SP_EX_APPLIES, SP_EX_HINDERING, SP_EX_HELPFUL,
    SP_EX_FLAGS_PRESENT, SP_EX_FLAGS_MARKED, SP_EX_RECOGNISED, SP_EX_FALSE_ALARM,
    SP_EX_VOTES, SP_EX_OVERRIDE, SP_EX_NOTE, SP_EX_NOTES,
    SP_EX_APPLIED, SP_EX_NOT_APPLIED, SP_EX_FLAGS, SP_EX_MISSED,
    SP_EX_THOUGHTS, SP_EX_REFRAME, SP_EX_NONE, SP_EX_MADE_WITH, SP_EX_OPTION, SP_EX_POINTS,
    SP_EX_CSV_TURN, SP_EX_CSV_NODE, SP_EX_CSV_OPTION, SP_EX_CSV_TEXT, SP_EX_CSV_TOTAL,
    SP_EX_CSV_BEST, SP_EX_CSV_INTERVENTIONS, SP_EX_CSV_THOUGHT, SP_EX_CSV_FLAGS,
    SP_EX_CSV_VOTES, SP_EX_CSV_NOTES, SP_EX_CSV_OVERRIDE,
    SP_EX_COUNT
} sp_export_msg;

const char *sp_export_str(sp_lang lang, sp_export_msg m);
/* "goed", "gemengd", "zwak" / "good", "mixed", "poor" */
const char *sp_export_kind(sp_lang lang, sp_ending_kind k);
/* The words for a grade: "beste keuze" ... ; "" for SP_GRADE_NONE. */
const char *sp_export_grade(sp_lang lang, sp_replay_grade g);

/*
 * One HTML page in r's language: the ending, an SVG bar chart of the
 * learning goals (you / possible on your path / the case's maximum), an SVG
 * timeline of the decisions coloured by grade, every decision with the
 * conversation before it, the choice, its feedback, the other options with
 * their scores and what they would have applied, flags, votes and notes;
 * then interventions, red flags and thoughts from d (built from r->s).
 * Inline CSS with @media print, no external resources. Numbers carry
 * data-* attributes so tests and tools can read them back. malloc'd; NULL
 * on out-of-memory.
 */
char *sp_export_html(const sp_replay *r, const sp_debrief *d, size_t *len);

/*
 * CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break; UTF-8), a header row and one row per decision:
 * turn, node, option id, option text, total, best total on offer,
 * interventions applied, thought (id and side), red flags marked that turn,
 * votes (when played in a group), notes. Words in r's language.
 */
char *sp_export_csv(const sp_replay *r, size_t *len);

#endif
