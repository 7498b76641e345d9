/* app.h: the window's state machine (menu, briefing, conversation, debrief, overlays) and its actions; no SDL. */
#ifndef SP_UI_APP_H
#define SP_UI_APP_H

/*
 * gui.c owns the window and turns SDL events into keys and actions; all
 * behaviour lives here, on plain data, so tests drive the program headless:
 * sp_ui_app_build() lays out the current screen into a list,
 * sp_ui_app_key() and sp_ui_app_action() change the state.
 */

#include "core/paths.h"
#include "core/debrief.h"
#include "core/session.h"
#include "core/transcript.h"
#include "layout.h"
#include "settings.h"
#include "ui.h"

typedef enum {
    SP_UI_SCREEN_MENU,
    SP_UI_SCREEN_BRIEFING,
    SP_UI_SCREEN_PLAY,
    SP_UI_SCREEN_DEBRIEF,
    SP_UI_SCREEN_PLAYS,     /* the list of past plays (replay.h) */
    SP_UI_SCREEN_REPLAY,    /* a play step by step, with its timeline */
    SP_UI_SCREEN_COMPARE    /* two plays side by side */
} sp_ui_screen;

typedef enum {
    SP_UI_OV_NONE,
    SP_UI_OV_FEEDBACK,    /* the card after a choice */
    SP_UI_OV_FLAGS,       /* the red-flag picker */
    SP_UI_OV_FLAG_RESULT, /* recognised or false alarm, and why */
    SP_UI_OV_HISTORY,
    SP_UI_OV_PAUSE,       /* Esc: resume, restart, settings, quit */
    SP_UI_OV_SETTINGS,
    SP_UI_OV_CONFIRM      /* "are you sure?" before a.confirm_action (app_confirm.c) */
} sp_ui_overlay;

typedef enum {
    SP_UI_ACT_NONE,
    SP_UI_ACT_START,      /* arg: case index; SP_CASE_COUNT is the trajectory */
    SP_UI_ACT_RESUME,     /* arg: case index */
    SP_UI_ACT_SETTINGS,
    SP_UI_ACT_QUIT,       /* close the program (the transcript is kept) */
    SP_UI_ACT_BEGIN,      /* briefing -> conversation */
    SP_UI_ACT_TO_MENU,
    SP_UI_ACT_CHOOSE,     /* arg: index into view->options */
    SP_UI_ACT_FLAGS,
    SP_UI_ACT_MARK,       /* arg: handbook red flag index */
    SP_UI_ACT_HISTORY,
    SP_UI_ACT_PAUSE,
    SP_UI_ACT_CLOSE,      /* close the overlay */
    SP_UI_ACT_RESTART,
    SP_UI_ACT_UNDO,
    SP_UI_ACT_DEBRIEF,    /* ending -> debrief */
    SP_UI_ACT_AGAIN,      /* debrief: play this case again */
    SP_UI_ACT_NEXT_CASE,  /* debrief in a trajectory: the next case */
    SP_UI_ACT_SET,        /* arg: SP_UI_SET_* * 16 + value */
    /* replay.h handles these: */
    SP_UI_ACT_PLAYS,          /* menu -> the list of past plays */
    SP_UI_ACT_REPLAY_OPEN,    /* arg: index into the list */
    SP_UI_ACT_REPLAY_THIS,    /* debrief -> replay of the play just finished */
    SP_UI_ACT_REPLAY_STEP,    /* arg: step index */
    SP_UI_ACT_REPLAY_PREV,
    SP_UI_ACT_REPLAY_NEXT,
    SP_UI_ACT_REPLAY_AUTO,    /* play / pause */
    SP_UI_ACT_REPLAY_SPEED,
    SP_UI_ACT_REPLAY_NOTE,    /* start typing a note on this step */
    SP_UI_ACT_REPLAY_NOTE_SAVE,
    SP_UI_ACT_REPLAY_BRANCH,  /* play on live from this step */
    SP_UI_ACT_REPLAY_PICK,    /* choose the play to compare with */
    SP_UI_ACT_COMPARE_WITH,   /* arg: index into the list, -1 the expert path */
    SP_UI_ACT_REPLAY_BACK,
    SP_UI_ACT_EXPORT,         /* the HTML debrief beside the transcript */
    SP_UI_ACT_REPLAY_DEBRIEF, /* the debrief of the replayed (finished) play; arg: list index, -1 the open replay */
    SP_UI_ACT_PLAY_DELETE,    /* arg: list index; the play goes to the trash folder */
    SP_UI_ACT_PLAY_RESTORE,   /* the toast's "undo": the play deleted last comes back */
    /* app_confirm.c handles these: */
    SP_UI_ACT_CONFIRM,        /* do the action the confirmation card asked about */
    SP_UI_ACT_OPEN_FOLDER     /* the toast's "open folder": a->toast_dir in the file manager */
} sp_ui_action;

enum { SP_UI_SET_SIZE, SP_UI_SET_CONTRAST, SP_UI_SET_FEEDBACK, SP_UI_SET_LANG, SP_UI_SET_FULLSCREEN,
       SP_UI_SET_ROOM /* not through SP_UI_ACT_SET (value up to SP_UI_ROOM_MAX): sp_ui_app_setting */ };

typedef enum {
    SP_UI_KEY_CHAR,       /* ch holds a lower-case ASCII letter or digit */
    SP_UI_KEY_UP, SP_UI_KEY_DOWN, SP_UI_KEY_LEFT, SP_UI_KEY_RIGHT,
    SP_UI_KEY_TAB, SP_UI_KEY_BACKTAB,
    SP_UI_KEY_ENTER, SP_UI_KEY_ESC, SP_UI_KEY_BACKSPACE, SP_UI_KEY_UNDO,
    SP_UI_KEY_PAGEUP, SP_UI_KEY_PAGEDOWN, SP_UI_KEY_HOME, SP_UI_KEY_END,
    SP_UI_KEY_FULLSCREEN
} sp_ui_key;

typedef struct sp_ui_case {
    sp_scenario *sc;        /* NULL when the file did not load */
    char *error;            /* then: the first message */
    int has_best, best, best_max;
    char *resume;           /* the newest transcript of this case, when unfinished */
    int resume_turn;
} sp_ui_case;

/* The last choice judged against the exact value (debrief.h), for the
 * feedback card: "Sterker was: ... (+3)". */
typedef struct sp_ui_judgement {
    int valid;              /* 0: not computed (or the case is past the analysis's limit) */
    int node;               /* the decision it is about */
    int left;               /* points the choice left lying */
    int stronger, stronger_total; /* node option index, -1 none; its own total */
} sp_ui_judgement;

/* The last choice of s judged by the debrief's figures (its last decision). */
void sp_ui_app_judge(const sp_session *s, sp_ui_judgement *j);

typedef struct sp_ui_app {
    sp_ui_settings settings;
    char settings_path[4096];
    int settings_hold;      /* the file was damaged: keep it until the user changes a setting */
    int lang_run;           /* settings.lang came from the command line for this run only... */
    sp_lang lang_file;      /* ...and this is the file's own language, which is what gets saved */
    char transcripts_dir[4096];
    char notice[1024];      /* a banner message, "" for none */
    char toast[1024];       /* a short confirmation near the bottom, "" for none (app_confirm.c) */
    char toast_dir[4096];   /* the folder its "open folder" shows, "" for none */
    int toast_undo;         /* its button undoes a deletion (SP_UI_ACT_PLAY_RESTORE) instead */
    uint32_t toast_at;      /* gui.c: when it was first drawn (ms), 0 not yet */
    int bottom_bar;         /* height of the current screen's bottom bar: the toast sits above it */
    int (*open_folder)(const char *dir); /* NULL: xdg-open; tests record the call */
    int confirm_action, confirm_arg; /* SP_UI_OV_CONFIRM: what Yes does */
    int confirmed;          /* set while the confirmed action runs */
    int debrief_of_replay;  /* the debrief shows a replayed play (a->replay), not a->s */
    int reveal;             /* a new view: scroll its decision's prompt and options into view */
    char portraits[4096];   /* the folder of the cast's drawings; "" draws initials only (--no-portraits) */

    sp_handbook *hb;
    sp_ui_case cases[SP_CASE_COUNT];
    int has_traj_best, traj_best, traj_max;
    /* Files named *.xml in the transcripts folder that are no regular files
     * (a FIFO, a directory, a device, a link to nothing): skipped unread by
     * the scans, counted here, the first one named. */
    int n_skipped;
    char skipped_name[256], skipped_kind[64];
    sp_scenario *own;       /* a case given by file path */
    char *own_path;         /* its absolute path, for the transcript's scenario-path */

    sp_ui_screen screen;
    sp_ui_overlay overlay;
    int pause_under;        /* settings opened from the pause menu go back to it */
    int focus[2];           /* [0] screen, [1] overlay; -1 none */
    int scroll[2];
    int show_focus;         /* the keyboard is in use: draw the focus ring */
    int focus_visible;      /* scroll the focused control into view on the next build */
    int hover;              /* hovered hit index of the last list, -1 none (and after a dialog opens or closes) */
    int page_step[2];       /* visible height of each layer's page, for PageUp/Down */

    /* the play */
    const sp_scenario *sc;
    int case_index;         /* into cases, -1 for own */
    sp_session *s;
    sp_transcript *t;
    char t_path[4096];
    int traj;               /* 1 while playing the trajectory */
    char traj_id[64];
    sp_debrief *debrief;
    int flag_marked;        /* SP_UI_OV_FLAG_RESULT: handbook index */
    sp_flag_result flag_res;
    sp_ui_judgement judge; /* of the last choice */
    int flag_cols;          /* SP_UI_OV_FLAGS: columns of the grid (↑/↓ move a row) */
    int flag_digit;         /* SP_UI_OV_FLAGS: a typed 1 waiting for a second digit (10-14) */

    struct sp_ui_replay *replay; /* the replay screens' state (replay.h), or NULL */
    struct sp_ui_group *group;   /* group mode on a projector (group.h), or NULL */

    int quit;
    int fullscreen_changed; /* gui.c applies the setting to the window */
    int options_cut;        /* the last build: a decision's options did not all fit in view
                             * at this text size (gui/frame.c lays it out a size smaller) */
    int64_t (*clock)(void *ctx); /* tests pin the time; NULL: time() */
    void *clock_ctx;
} sp_ui_app;

/* Paths come from the XDG helpers unless given (tests pass their own);
 * settings_path "" means no settings file: the defaults, nothing read or saved. */
void sp_ui_app_init(sp_ui_app *a, const char *settings_path, const char *transcripts_dir);
void sp_ui_app_free(sp_ui_app *a);

/* Uses lang for this run (--lang) without writing it to the settings file;
 * picking a language in the window's settings ends that. */
void sp_ui_app_set_run_lang(sp_ui_app *a, sp_lang lang);

/* Loads the handbook and the three cases (a case that fails is shown with
 * its error) and scans earlier transcripts. SP_EINVAL when the handbook
 * does not load. */
sp_status sp_ui_app_load(sp_ui_app *a, sp_diag *d);
/* Best results and resumable plays, from the transcripts directory (with
 * sp_ui_app_scan_skipped). */
void sp_ui_app_scan(sp_ui_app *a);
/* Counts the *.xml files of the transcripts directory that are no regular
 * files into a->n_skipped (stat only; nothing is opened). */
void sp_ui_app_scan_skipped(sp_ui_app *a);
/* The short line "1 bestand overgeslagen: NAME (KIND, geen gewoon bestand)"
 * at the page cursor when a scan skipped files (the menu, the list of plays). */
void sp_ui_chrome_skipped(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg);
/* Opens a case (id or path) at its briefing. */
sp_status sp_ui_app_open(sp_ui_app *a, const char *arg, sp_diag *d);
/* The play's transcript (a->t), made on first use with mode ("solo",
 * "group"), the trajectory and, for a case opened from a file, its path as
 * scenario-path (as the terminal does); NULL when out of memory. */
sp_transcript *sp_ui_play_transcript(sp_ui_app *a, const char *mode);
/* Syncs a->t with the session and writes it: into a->t_path, or on the
 * first save under a new name in the transcripts folder
 * (sp_transcript_create, the one naming of every host). */
sp_status sp_ui_play_write(sp_ui_app *a, sp_diag *d);

void sp_ui_app_action(sp_ui_app *a, int action, int arg);
/* A key, with the list built last (for the focus order). */
void sp_ui_app_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch);
/* The mouse wheel: dy in pixels, positive scrolls down. */
void sp_ui_app_scroll(sp_ui_app *a, int dy);
/* A click at x, y (output pixels) on the list built last. */
void sp_ui_app_click(sp_ui_app *a, const sp_ui_list *last, int x, int y);
/* Index of the enabled hit at x, y in last, -1 none. */
int sp_ui_app_hit_at(const sp_ui_list *last, int x, int y);

/* The toast: a short message near the bottom that goes by itself (gui.c
 * clears it after SP_UI_TOAST_MS) or with the next screen; dir non-NULL
 * adds an "open folder" button. */
#define SP_UI_TOAST_MS 6000
void sp_ui_app_toast(sp_ui_app *a, const char *dir, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* gui.c's clock: ms until the toast goes (-1 none); clears it when due (returns 0 then). */
int sp_ui_app_toast_timeout(sp_ui_app *a, uint32_t now_ms);

/* Lays out the current screen and overlay for a w x h window. */
void sp_ui_app_build(sp_ui_app *a, const sp_ui_metrics *m, int w, int h, sp_ui_list *out);

/* The current view (NULL when no play is running). */
const sp_view *sp_ui_app_view(sp_ui_app *a);
/* Changes setting which (SP_UI_SET_*) to value and saves the file. */
void sp_ui_app_setting(sp_ui_app *a, int which, int value);
sp_lang sp_ui_app_lang(const sp_ui_app *a);

/* ---- the screens (menu.c, briefing.c, conversation.c, debrief_view.c, overlays.c,
 * settings_view.c) and what they share (chrome.c) ---- */

void sp_ui_menu_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_briefing_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_conversation_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_debrief_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
/* debrief_chart.c: the summary line ("Je score: 51 van max 69 ...") that the
 * menu card and the list of plays repeat, and the chart with its legend. */
const char *sp_ui_debrief_summary(sp_ui_list *l, const sp_debrief *d);
/* "Herkend", "Niet bedoeld hier" or "Vals alarm": a flag's verdict as every screen names it. */
const char *sp_ui_flag_verdict_name(sp_flag_verdict v);
void sp_ui_debrief_chart(const sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_handbook *hb,
                          const sp_debrief *d);
void sp_ui_overlays_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_settings_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);

/* Shared by the screens: a top bar with a title (and a smaller line under
 * it) on the left and quiet buttons on the right, on one row as long as the
 * window allows, else the buttons under the title; every button always
 * shows (see chrome.c). Returns its height. */
int sp_ui_chrome_topbar(sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                         const char *const *labels, const char *const *hints, const int *actions);
/* 1 when title, sub and the buttons (without key hints) fit one row uncut:
 * a screen can then pick a longer label. */
int sp_ui_chrome_topbar_fits(const sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                              const char *const *labels);
/* The height sp_ui_chrome_topbar() would take, without adding anything. */
int sp_ui_chrome_topbar_h(sp_ui_ui *ui, sp_ui_rect view, const char *title, const char *sub, int n,
                           const char *const *labels, const char *const *hints);
/* A bar at the bottom of view with buttons aligned right in the column;
 * returns its height. */
int sp_ui_chrome_bottombar(sp_ui_ui *ui, sp_ui_rect view, int n, const char *const *labels,
                            const char *const *hints, const sp_ui_btn_style *styles,
                            const int *actions, const int *args);
/* The centred reading column of a screen: at most maxw wide. */
void sp_ui_chrome_column(const sp_ui_ui *ui, sp_ui_rect view, int maxw, int *x, int *w);
/* A notice banner (a->notice) at the page cursor, when there is one. */
void sp_ui_chrome_notice(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg);
/* Begins the screen's scrolling page between a top bar `top` high and a
 * bottom bar `bottom` high, in the reading column (at most maxw wide); the
 * page starts `first` pixels down with the notice banner. */
void sp_ui_chrome_page(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view, int top, int bottom, int maxw, int first,
                        sp_ui_page *pg);
/* An ending's kind in a word ("Goed afgerond") and in its colour. */
const char *sp_ui_chrome_ending_word(sp_ending_kind k);
sp_ui_rgba sp_ui_chrome_ending_color(const sp_ui_theme *th, sp_ending_kind k);

#endif
