/* replay.h: the window's replay screens (past plays, replay with timeline, compare) and their actions; no SDL. */
#ifndef SP_UI_REPLAY_H
#define SP_UI_REPLAY_H

/*
 * The state lives in a->replay (created on first use, freed with the app);
 * app.c forwards the SP_UI_ACT_PLAYS..SP_UI_ACT_EXPORT actions, gives the
 * keys to sp_ui_replay_key() first, and builds the three screens with the
 * functions below. gui.c feeds typed text (a note) and the clock (the
 * replay's auto-advance) through sp_ui_replay_text() and _tick().
 * Replays are built in the interface language when opened; the settings,
 * where the language changes, cannot be reached from these screens.
 */

#include <stdint.h>
#include "app.h"
#include "core/compare.h"
#include "core/replay.h"

typedef struct sp_ui_replay sp_ui_replay;

/* What the list of plays shows beside the core's entry: the debrief's own
 * figures (so the list, the menu and the debrief agree) and where a branch
 * came from. */
typedef struct sp_ui_play_info {
    int total, total_max;    /* total_max -1: unknown (unfinished or past the analysis's limit) */
    int group;               /* a group play on the projector */
    int64_t parent_started;  /* a branch: when its parent play started, 0 unknown */
    int branch_turn;         /* a branch: the turn it branched at, 0 none */
} sp_ui_play_info;

void sp_ui_replay_free(sp_ui_app *a);

/* The window was started with a transcript (--replay), or with two to
 * compare (b may be "expert"). The cases must be loaded (sp_ui_app_load). */
sp_status sp_ui_replay_open(sp_ui_app *a, const char *path, sp_diag *d);
sp_status sp_ui_replay_open_compare(sp_ui_app *a, const char *path_a, const char *b, sp_diag *d);

/* One of the replay actions (see app.h); 0 when action is not one of them. */
int sp_ui_replay_action(sp_ui_app *a, int action, int arg);
/* A key, before app.c's own handling; 1 when it was used here. */
int sp_ui_replay_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch);

/* A note is being typed: gui.c starts SDL text input and passes the text. */
int sp_ui_replay_wants_text(const sp_ui_app *a);
/* Appends typed UTF-8 text to the note; 1 when it was taken. */
int sp_ui_replay_text(sp_ui_app *a, const char *utf8);

/* Auto-advance: milliseconds until the next step is due (now_ms is any
 * monotonic clock), -1 when the replay is not playing. */
int sp_ui_replay_timeout(const sp_ui_app *a, uint32_t now_ms);
/* Advances when a step is due; 1 when the screen changed. */
int sp_ui_replay_tick(sp_ui_app *a, uint32_t now_ms);

/* The screens (history_list.c, replay_view.c, compare_view.c). */
void sp_ui_history_list_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_replay_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_compare_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);

/* ---- shared by the screens and replay.c (not for app.c) ---------------------- */

struct sp_ui_replay {
    /* the list of past plays */
    sp_replay_entry *e;
    int n;
    sp_ui_play_info *info;  /* per entry: the debrief's figures, group, branch point */
    int picking;             /* 1: choosing the play to compare the replay with */
    /* the replay */
    char path[4096];
    sp_transcript *t;
    sp_replay *r;
    int step;
    sp_ui_screen back;      /* where Esc leads: the list or the debrief */
    int playing, speed;      /* auto-advance; speed indexes the step intervals */
    uint32_t due;            /* when the next step is due */
    int timed;               /* due is set (the first tick after play sets it) */
    int editing;             /* a note is being typed */
    char note[1024];
    /* the comparison with another play, or the expert path */
    sp_transcript *tb;
    sp_replay *rb;
    sp_compare *cmp;
    int b_expert;
    char b_path[4096];
    /* the debrief of the replayed play (SP_UI_ACT_REPLAY_DEBRIEF) */
    sp_debrief *db;
    sp_ui_screen db_back;   /* where Esc leads from it: the replay or the list */
    /* the play deleted last (SP_UI_ACT_PLAY_DELETE), for its undo */
    char trashed[4096], trashed_from[4096];
};

/* ---- inside replay.c, for replay_write.c ------------------------------------------ */

/* The screen's notice, printf-style. */
void sp_ui_replay_notice(sp_ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The first message in d that is not a warning, or the last one; fallback when none. */
const char *sp_ui_replay_error(const sp_diag *d, const char *fallback);
/* Shows screen at its top, without focus, hover or an old notice. */
void sp_ui_replay_show(sp_ui_app *a, sp_ui_screen screen);
/* Closes the open replay (and its comparison and debrief). */
void sp_ui_replay_drop(sp_ui_replay *rp);
/* Reads the list of past plays again. */
void sp_ui_replay_scan(sp_ui_app *a);

/* ---- what the screens write (replay_write.c), for replay.c's actions ------------------ */

/* Saves the note being typed on the current step. */
void sp_ui_replay_note_save(sp_ui_app *a);
/* Plays on from the current step as a new, saved play (a branch). */
void sp_ui_replay_branch_here(sp_ui_app *a);
/* Writes the HTML debrief of transcript t (at path) beside it. */
void sp_ui_replay_export_html(sp_ui_app *a, const sp_transcript *t, const sp_scenario *sc, const char *path);
/* Moves the list's entry i into the trash folder; the toast offers undo. */
void sp_ui_replay_trash(sp_ui_app *a, int i);
/* Puts the play deleted last back. */
void sp_ui_replay_restore(sp_ui_app *a);

/* The step intervals of auto-advance, in milliseconds, and their labels. */
#define SP_UI_REPLAY_SPEEDS 3
extern const int sp_ui_replay_interval[SP_UI_REPLAY_SPEEDS];
extern const char *const sp_ui_replay_speed_label[SP_UI_REPLAY_SPEEDS];

#endif
