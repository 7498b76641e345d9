/* group_phones.h: group play with the room's phones: a voting round on the phones for the decision on the wall, their counts beside the typed ones, their red flags; no SDL. */
#ifndef SP_GUI_GROUP_PHONES_H
#define SP_GUI_GROUP_PHONES_H

#include "app.h"
#include "net/phones.h"

/*
 * The host starts the server (sp_phones_start) and keeps it for the play;
 * this module keeps the phones in step with the wall. The round on the
 * phones belongs to one view of the session (a decision or thought moment
 * reached by a given number of steps): when the view changes (a choice, an
 * undo), the old round closes and a new one opens, so a vote always counts
 * for the question the room sees, and a vote from a stale page is refused.
 */
typedef struct sp_gui_phones {
    sp_phones *srv;          /* NULL: no phones in this play */
    unsigned round;          /* the last round opened */
    int view_steps;          /* session log length of the view the round is for, -1 none */
    unsigned char *qr;       /* the address's QR code, qr_size x qr_size modules (1 dark) */
    int qr_size;
} sp_gui_phones;

/* Takes the running server (NULL: no phones) and makes its QR code. */
void sp_gui_phones_begin(sp_gui_phones *ph, sp_phones *srv);
/* Stops the server and frees the QR code. */
void sp_gui_phones_end(sp_gui_phones *ph);

/* voting: the wall asks the room to vote now. Opens a round when it does and
 * the view is a decision without one; closes the round when the view has
 * moved on or voting stopped. Returns 1 when it opened or closed one. */
int sp_gui_phones_sync(sp_gui_phones *ph, sp_gui_app *a, int voting);
/* Closes the open round (the facilitator takes a decision). */
void sp_gui_phones_close(sp_gui_phones *ph);
/* The phones' counts of the open round, in the wall's order; returns the votes cast. */
int sp_gui_phones_counts(sp_gui_phones *ph, int *counts, int n);

/* When a round is open: closes it and adds its counts to counts[0..n) (the
 * typed ones). Nothing when ph is NULL or no round is open, so a second call
 * (after a tie) adds nothing twice. */
void sp_gui_phones_merge(sp_gui_phones *ph, int *counts, int n);

/* ---- drawing (phones_view.c) ------------------------------------------------- */

struct sp_gui_ui;
/* The join panel for the wall in r: the QR code on white with its quiet
 * zone, the address to type and the room code; nothing of the votes.
 * Returns the height used. */
int sp_gui_phones_wall(struct sp_gui_ui *ui, sp_gui_rect r, const sp_gui_phones *ph, int en);
/* For the presenter only: phones connected and the live count per option
 * (letters A..), in one line of text into out. */
void sp_gui_phones_tally(sp_gui_phones *ph, int n_options, int en, char *out, size_t len);

#endif
