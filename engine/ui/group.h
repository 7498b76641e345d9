/* group.h: group training on a projector: the facilitator's flow at each decision (conversation, vote, decision, feedback), the red-flag round, the timer, the presenter's screen; no SDL. */
#ifndef SP_UI_GROUP_H
#define SP_UI_GROUP_H

/*
 * Group mode lives beside the solo play in the same app (a->group, created
 * by --projector or the menu's "Groepstraining (beamer)" and freed with the
 * app). While it exists every case is played as a group play: the session
 * is a->s and its transcript a->t (mode "group"), as in solo play, and this
 * module holds what the room adds: the phase at the current decision, the
 * votes being entered, the timer, the red-flag round and, after the
 * ending, the play rebuilt with its votes for the group debrief.
 *
 * app.c hands every action to sp_ui_group_action() first and every key to
 * sp_ui_group_key(), and lets sp_ui_group_build() lay out the play and
 * debrief screens. The audience sees what the room should see; when a
 * presenter window is open (presenter.h) the facilitator's controls, the
 * scores and the feedback before it is revealed are only there.
 *
 * At a decision or thought moment the phases run:
 *
 *   SCENE    the lines since the previous decision and the scenario's
 *            discussion question for the room (sp_view.discuss)
 *   VOTE     the options as A, B, C..., the room's count per option; the
 *            facilitator takes the majority, picks between tied options
 *            or overrides the room (Shift+letter, "Toch optie C")
 *   DECIDED  the option taken and how the room split; feedback hidden
 *   REVEALED the feedback, once the facilitator reveals it (R)
 *
 * After DECIDED the session is already at the next view; Enter there moves
 * on to its SCENE. The votes of a choice go into the transcript's choose
 * step (core/vote.h) right after it is saved.
 */

#include <stdint.h>
#include "app.h"
#include "core/replay.h"
#include "core/vote.h"

/* Actions of group mode. They lie outside sp_ui_action's range: app.c
 * passes every action to sp_ui_group_action() before its own switch. */
enum {
    SP_UI_ACT_GROUP_START = 1000, /* arg: case index; the menu's group play */
    SP_UI_ACT_GROUP_VOTE,         /* the conversation -> the vote */
    SP_UI_ACT_GROUP_SELECT,       /* arg: option (view index) whose count the keys change */
    SP_UI_ACT_GROUP_INC,          /* arg: option */
    SP_UI_ACT_GROUP_DEC,          /* arg: option */
    SP_UI_ACT_GROUP_TAKE,         /* take the option with the most votes */
    SP_UI_ACT_GROUP_PICK,         /* arg: option; between tied options, or against the room */
    SP_UI_ACT_GROUP_REVEAL,       /* show (or hide again) the feedback */
    SP_UI_ACT_GROUP_NEXT,         /* after the decision: on to the next conversation */
    SP_UI_ACT_GROUP_TIMER,        /* start or stop the countdown */
    SP_UI_ACT_GROUP_FLAGS,        /* open or close the red-flag round */
    SP_UI_ACT_GROUP_MARK,         /* arg: handbook red flag index, in the round */
    SP_UI_ACT_GROUP_CLEAR,        /* every count back to 0 */
    SP_UI_ACT_GROUP_PHONES,       /* the set-up's switch: voting from phones on or off */
    SP_UI_ACT_GROUP_ROOM,         /* arg: +1 or -1; the room's size, at the briefing */
    SP_UI_ACT_GROUP_PAGE          /* arg: +1 or -1; the wall's next or previous page */
};

typedef enum {
    SP_UI_GROUP_SCENE,
    SP_UI_GROUP_VOTE,
    SP_UI_GROUP_DECIDED,
    SP_UI_GROUP_REVEALED
} sp_ui_group_phase;

#define SP_UI_GROUP_TIMER_S 120   /* the countdown per decision */
#define SP_UI_GROUP_OPTIONS 5     /* a decision has at most 5 options: A..E */

typedef struct sp_ui_group sp_ui_group;

struct sp_ui_group {
    int sticky;             /* started with --projector: stays on in the menu */
    int presenter;          /* a presenter window is open (gui.c sets it) */
    int one_screen;         /* one display: no presenter (it would be on the wall); the wall says how to get one */
    int high_contrast;      /* the wall's theme: high contrast unless switched off
                             * (the user's own setting stays for solo play) */

    sp_ui_group_phase phase;
    int counts[SP_UI_GROUP_OPTIONS];
    int n_counts;           /* options offered at the current view */
    int room;               /* people in the room: asked at the briefing (settings' room_size
                             * the default); the counts of a vote never add up to more */
    int room_typing;        /* digits typed into room since the briefing opened */
    int sel;                /* the option whose count the keys change */
    int typing;             /* digits typed into sel's count since it was selected */
    int view_steps;         /* session log length when this view's phase began */

    /* The decision just taken, for DECIDED and REVEALED. */
    int last_node, last_turn;
    int last_offered[SP_UI_GROUP_OPTIONS]; /* node option indices, in view order */
    int last_votes[SP_UI_GROUP_OPTIONS];
    int n_last;             /* options offered then */
    int has_votes;          /* the room voted (else the facilitator chose alone) */
    int last_chosen;        /* view index taken */
    int last_override;

    int flag_round;         /* the red-flag grid is on the wall */
    int wall_cols;          /* the wall's page in one column (0, 1) or flowed into two
                             * side by side (2): set by its layout (projector.c) */
    int wall_h;             /* the wall's height in pixels, set there too (0: not yet) */
    int wall_paged;         /* 1: the screen does not fit at the floor in two columns and
                             * is split into pages (set by its layout too) */
    int wall_page, wall_pages; /* the page on the wall (0 first) and how many there are
                             * (1: the screen fits); the build sets wall_pages */
    int wall_key;           /* which screen the page belongs to: a new screen starts at page 0 */
    struct sp_ui_phones *phones; /* the room's phones (--phones, group_phones.h), or NULL;
                             * owned by the host that started the server */
    int phones_on;          /* the trainer wants the phones (--phones, or P / the switch on
                             * the set-up screen); the host starts or stops the server */

    uint32_t now_ms;        /* the clock, from sp_ui_group_tick() */
    int timer_on;
    uint32_t timer_end;     /* now_ms when the countdown reaches 0 */
    int timer_shown;        /* seconds left at the last build (to redraw on change) */

    int pres_scroll;        /* the presenter window's page */
    int pres_page;          /* its visible height, for PageUp/PageDown */

    sp_replay *replay;      /* the group debrief: the play with its votes */
    char status[256];       /* a short message for the facilitator ("" none) */
    int confirm_pick;       /* an override waiting for its second press: option + 1, 0 none */
    sp_ui_judgement judge; /* the last decision against the exact value (app.h), for the reveal */
};

/* ---- life cycle (group.c) ---------------------------------------------------- */

/* 1 when the current decision is one of the room's moments (room="yes"),
 * or the case marks none (then every moment is). At the others the
 * trainer chooses without a vote. */
int sp_ui_group_room_moment(sp_ui_app *a);

/* Turns group mode on (--projector: sticky). A case already open at its
 * briefing becomes a group play. 0, or -1 on out-of-memory. */
int sp_ui_group_enable(sp_ui_app *a, int sticky);
void sp_ui_group_free(sp_ui_app *a);
/* 1 while group mode is on: the audience window gets projector type. */
int sp_ui_group_on(const sp_ui_app *a);

/* ---- what app.c and gui.c hand over (group_action.c; the build in group_view.c) ------- */

/* sp_ui_app_build() with the wall's theme: what the audience window shows. */
void sp_ui_group_app_build(sp_ui_app *a, const sp_ui_metrics *m, int w, int h, sp_ui_list *out);

/* 1 when the action was group mode's (app.c then does nothing more). */
int sp_ui_group_action(sp_ui_app *a, int action, int arg);
/* A key (ch upper case: with Shift), before app.c's handling; 1 when used. */
int sp_ui_group_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch);
/* Lays out the play or debrief screen of a group play; 0 when a->screen is
 * not one of them (app.c then builds its own). */
int sp_ui_group_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);

/* The countdown: milliseconds until the shown time changes, -1 when no
 * countdown runs (the loop may then sleep for as long as it likes). */
int sp_ui_group_timeout(const sp_ui_app *a);
/* Sets the clock (any monotonic milliseconds); 1 when the shown time changed. */
int sp_ui_group_tick(sp_ui_app *a, uint32_t now_ms);
/* Seconds left on the countdown (0 when it ran out), -1 when it is off. */
int sp_ui_group_timer_left(const sp_ui_app *a);

/* ---- the facilitator's controls, for scripts and tests --------------------------- */

/* Sets the room's counts at the current decision (n = options offered) and
 * opens the vote. SP_EUSAGE when there is no decision now or n is wrong. */
sp_status sp_ui_group_set_votes(sp_ui_app *a, const int *counts, int n);
/* Takes the majority (pick < 0) or option pick (view index). SP_EUSAGE on a
 * tie or without votes when pick < 0, or when there is no decision now. */
sp_status sp_ui_group_take(sp_ui_app *a, int pick);

/* Red flags present at the current turn and marked in it (handbook
 * indices; arrays of hb->n_redflags). */
void sp_ui_group_flags_now(const sp_ui_app *a, unsigned char *present, unsigned char *marked);

/* ---- the room's size (group_room.c) ------------------------------------------------------ */

/* The briefing's keys for the room's size: digits, Backspace, + and −. 1 when used. */
int sp_ui_group_room_key(sp_ui_app *a, sp_ui_key key, int ch);
/* Sets the room's size (clamped to the settings' range) and keeps it as the default. */
void sp_ui_group_set_room(sp_ui_app *a, int n);
/* 1 when counts (n options) fit the room; else 0 and the facilitator's status says why. */
int sp_ui_group_room_fits(sp_ui_app *a, const int *counts, int n);
/* The briefing's line with the room's size and its − and + buttons. */
void sp_ui_group_room_line(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg);

/* ---- type for the wall (group_view.c) ---------------------------------------------------- */

/* Pixel sizes of the font roles for an output h pixels high: body text at
 * least h/30 (larger for text sizes L and XL), captions at least h/36. */
void sp_ui_group_sizes(int h, int text_size, int px[SP_UI_FONT_COUNT]);
/* The smallest share (percent) of those sizes the wall may shrink to: the
 * legibility floor is three quarters of text size M's type, so the larger
 * sizes may go lower (M 75, L 67, XL 60). */
int sp_ui_group_floor(int text_size);
/* The wall's next (dir 1) or previous (dir -1) page of a screen split into
 * pages; 1 when the page changed, 0 at the first or last page. */
int sp_ui_group_wall_turn(sp_ui_group *g, int dir);

/* ---- the screens (group_play_view.c, group_debrief_view.c, presenter.c) ------------------------ */

void sp_ui_group_play_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_group_debrief_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
/* The facilitator's window: everything of the current step with the
 * controls. hover: index of the hovered hit in this window's last list. */
void sp_ui_presenter_build(sp_ui_app *a, const sp_ui_metrics *m, int w, int h, int hover,
                            sp_ui_list *out);

/* "A".."E" for view index k (group.c). */
char sp_ui_group_letter(int k);
/* s cut to one line no wider than w, with an ellipsis (a copy in ui's list
 * when cut; group_view.c). */
const char *sp_ui_group_fit(sp_ui_ui *ui, int font, const char *s, int w);

/* ---- the state machine's steps, for the facilitator's input (group.c -> group_action.c) ---- */

/* A short message for the facilitator in g->status. */
void sp_ui_group_status(sp_ui_group *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* 1 at a decision or thought of the play screen (not at an ending). */
int sp_ui_group_at_choice(sp_ui_app *a);
/* 1, with a status, when the current moment is the trainer's alone. */
int sp_ui_group_trainer_moment(sp_ui_app *a);
/* The current view starts at its conversation, with no votes yet. */
void sp_ui_group_enter_view(sp_ui_app *a);
/* A new play: no group debrief, no decision taken, its first view. */
void sp_ui_group_reset_play(sp_ui_app *a);
/* The facilitator picks option k (view index); against the room's
 * majority only when the same pick comes twice. */
void sp_ui_group_pick(sp_ui_app *a, int k);
/* Takes back the last choice, back to its vote with the room's counts
 * (at a trainer's moment back to the moment: there was no vote). */
void sp_ui_group_undo(sp_ui_app *a);
/* Marks handbook red flag `flag` at this turn, in the red-flag round. */
void sp_ui_group_mark(sp_ui_app *a, int flag);
/* After the ending: the play rebuilt with its votes, and the debrief screen. */
void sp_ui_group_debrief(sp_ui_app *a);
/* Starts the countdown, or stops it. */
void sp_ui_group_timer_toggle(sp_ui_app *a);

#endif
