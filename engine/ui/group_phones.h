/* group_phones.h: group play with the room's phones: a voting round on the phones for the decision on the wall, their counts beside the typed ones, their red flags; no SDL. */
#ifndef SP_UI_GROUP_PHONES_H
#define SP_UI_GROUP_PHONES_H

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
typedef struct sp_ui_phones {
    sp_phones *srv;          /* NULL: no phones in this play */
    unsigned round;          /* the last round opened */
    int view_steps;          /* session log length of the view the round is for, -1 none */
    unsigned char *qr;       /* the address's QR code, qr_size x qr_size modules (1 dark) */
    int qr_size;
    int heat_revealed;       /* the red-flag round: the heat list shows which flags were there */
} sp_ui_phones;

/* Takes the running server (NULL: no phones) and makes its QR code. */
void sp_ui_phones_begin(sp_ui_phones *ph, sp_phones *srv);
/* Stops the server and frees the QR code. */
void sp_ui_phones_end(sp_ui_phones *ph);

/* voting: the wall asks the room to vote now. Opens a round when it does and
 * the view is a decision without one; closes the round when the view has
 * moved on or voting stopped. Returns 1 when it opened or closed one. */
int sp_ui_phones_sync(sp_ui_phones *ph, sp_ui_app *a, int voting);
/* Closes the open round (the facilitator takes a decision). */
void sp_ui_phones_close(sp_ui_phones *ph);
/* The phones' counts of the open round, in the wall's order; returns the votes cast. */
int sp_ui_phones_counts(sp_ui_phones *ph, int *counts, int n);

/* What taking the vote now would count: the typed counts typed[0..n) plus
 * the open round's phone votes, into out (typed alone without phones). */
void sp_ui_phones_with(sp_ui_phones *ph, const int *typed, int n, int *out);

/* When a round is open: closes it and adds its counts to counts[0..n) (the
 * typed ones). Nothing when ph is NULL or no round is open, so a second call
 * (after a tie) adds nothing twice. */
void sp_ui_phones_merge(sp_ui_phones *ph, int *counts, int n);

/* The red-flag round closes: the phones' flags are cleared for the next
 * one and the heat list is hidden again. NULL is fine. */
void sp_ui_phones_flags_done(sp_ui_phones *ph);

/* The notice when the server cannot start: no_lan (no interface besides
 * loopback) says how to get a network; else err, the server's reason. Either
 * way the typed counts still work. */
void sp_ui_phones_failed(char *out, size_t len, int no_lan, const char *err, int en);
/* The set-up's switch: its label, saying whether the phones are on. */
const char *sp_ui_phones_switch_label(int on, int en);

/* ---- drawing (phones_view.c) ------------------------------------------------- */

struct sp_ui_ui;
/* The join panel for the wall at r (its width; the height is what it
 * takes): the QR code on white with its quiet zone, sized from the screen's
 * height screen_h, the address to type and the room code; nothing of the
 * votes. Returns the height used. */
int sp_ui_phones_wall(struct sp_ui_ui *ui, sp_ui_rect r, int screen_h, const sp_ui_phones *ph, int en);
/* The same in one line without the code's picture (the role card showed
 * it), for a vote that would not fit on the wall's page with it: the
 * address and the room code. Advances pg. */
void sp_ui_phones_wall_line(struct sp_ui_ui *ui, sp_ui_page *pg, const sp_ui_phones *ph, int en);
/* The wall's height (g->wall_h; before its first layout, the bottom of pg). */
int sp_ui_group_wall_h(const struct sp_ui_group *g, const sp_ui_page *pg);
/* A module of the QR code in pixels on a screen screen_h high: the code
 * with its quiet zone a quarter of the height, a module at least 4 px. */
int sp_ui_phones_module(int screen_h, int qr_size);
/* The wall's set-up (the role card in group play): the join panel when the
 * phones are on; with one screen, the key that turns them on. */
void sp_ui_phones_briefing(sp_ui_app *a, struct sp_ui_ui *ui, sp_ui_page *pg);
/* For the presenter only: phones connected, votes cast and a bar per option
 * (letters A..) of the live count, as a share of the phones connected. */
void sp_ui_phones_presenter(struct sp_ui_ui *ui, sp_ui_page *pg, sp_ui_phones *ph, int n_options, int en);
/* The wall's heat list at the red-flag round: each flag the phones spotted,
 * most spotted first, its count and a bar of the share of phones, in the
 * heading font; once ph->heat_revealed, each flag's verdict as the solo
 * flag gets it (verdict[f], an sp_flag_verdict): a tick (green) for a flag
 * at play here, a tilde (amber) and "niet bedoeld hier" for one defensible
 * but not intended here, a cross (red) for a false alarm. */
void sp_ui_phones_heat(struct sp_ui_ui *ui, sp_ui_page *pg, sp_ui_phones *ph, const sp_handbook *hb,
                        sp_lang lang, const unsigned char *verdict, int max_h);
/* The list itself, from the phones' counts per flag (counts[f], n_flags of
 * them) out of total phones; verdict NULL: not revealed yet. No taller than
 * max_h (but for its heading and first row): the rows that would pass it
 * are counted in one line, "+ nog 5, elk door 1 of minder gezien". */
void sp_ui_phones_heat_rows(struct sp_ui_ui *ui, sp_ui_page *pg, const sp_handbook *hb, sp_lang lang,
                             const int *counts, int n_flags, int total, const unsigned char *verdict, int max_h);
/* For the presenter, live: the flags spotted so far, most first, in one line
 * into out; verdict (sp_flag_verdict per handbook flag, NULL: none) marks
 * those at play now with a tick and a defensible one the case places at
 * another moment "~ niet bedoeld hier". */
void sp_ui_phones_flags_line(sp_ui_phones *ph, const sp_handbook *hb, sp_lang lang, const unsigned char *verdict,
                              char *out, size_t len);

#endif
