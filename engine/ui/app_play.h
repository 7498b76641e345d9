/* app_play.h: what app.c (actions, keys, settings) and app_play.c (cases, the running play, its transcript) share; the screens use app.h. */
#ifndef SP_UI_APP_PLAY_H
#define SP_UI_APP_PLAY_H

#include <stddef.h>
#include "app.h"

/* ---- app.c ---- */

/* Sets the banner message. */
void sp_ui_app_notice(sp_ui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* snprintf into a path buffer; -1 (and "") when it does not fit. */
int sp_ui_app_path_fmt(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A new screen: no focus, no scroll, no overlay. */
void sp_ui_app_reset_view(sp_ui_app *a);

/* ---- app_confirm.c ---- */

/* Opens the confirmation card before action(arg). */
void sp_ui_confirm_ask(sp_ui_app *a, int action, int arg);
/* SP_UI_ACT_CONFIRM and SP_UI_ACT_OPEN_FOLDER; 0 for other actions. */
int sp_ui_confirm_action(sp_ui_app *a, int action, int arg);
/* The card's keys (J/Y yes, V resume, Esc/Enter stay); 1 when used. */
int sp_ui_confirm_key(sp_ui_app *a, sp_ui_key key, int ch);
void sp_ui_confirm_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);
void sp_ui_toast_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view);

/* ---- app_play.c ---- */

/* Frees the running play (session, transcript, debrief). */
void sp_ui_play_end(sp_ui_app *a);
void sp_ui_play_free_cases(sp_ui_app *a);
/* Case ci at its briefing; SP_CASE_COUNT starts the trajectory with the first case. */
void sp_ui_play_start(sp_ui_app *a, int ci);
/* In a trajectory: the next case, carrying its variables over. */
void sp_ui_play_next_case(sp_ui_app *a);
/* The same case from its start, with the same starting values. */
void sp_ui_play_restart(sp_ui_app *a);
/* Writes the transcript (after every step). */
void sp_ui_play_save(sp_ui_app *a);
/* Goes on with case ci's unfinished play. */
void sp_ui_play_resume(sp_ui_app *a, int ci);
/* Ends the play and shows the menu with fresh results. */
void sp_ui_play_to_menu(sp_ui_app *a);

#endif
