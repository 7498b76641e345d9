/* app_play.h: what app.c (actions, keys, settings) and app_play.c (cases, the running play, its transcript) share; the screens use app.h. */
#ifndef SP_GUI_APP_PLAY_H
#define SP_GUI_APP_PLAY_H

#include <stddef.h>
#include "app.h"

/* ---- app.c ---- */

/* Sets the banner message. */
void sp_gui_app_notice(sp_gui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* snprintf into a path buffer; -1 (and "") when it does not fit. */
int sp_gui_app_path_fmt(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* A new screen: no focus, no scroll, no overlay. */
void sp_gui_app_reset_view(sp_gui_app *a);

/* ---- app_confirm.c ---- */

/* Opens the confirmation card before action(arg). */
void sp_gui_confirm_ask(sp_gui_app *a, int action, int arg);
/* SP_GUI_ACT_CONFIRM and SP_GUI_ACT_OPEN_FOLDER; 0 for other actions. */
int sp_gui_confirm_action(sp_gui_app *a, int action, int arg);
/* The card's keys (J/Y yes, V resume, Esc/Enter stay); 1 when used. */
int sp_gui_confirm_key(sp_gui_app *a, sp_gui_key key, int ch);
void sp_gui_confirm_build(sp_gui_app *a, sp_gui_ui *ui, sp_gui_rect view);
void sp_gui_toast_build(sp_gui_app *a, sp_gui_ui *ui, sp_gui_rect view);

/* ---- app_play.c ---- */

/* Frees the running play (session, transcript, debrief). */
void sp_gui_play_end(sp_gui_app *a);
void sp_gui_play_free_cases(sp_gui_app *a);
/* Case ci at its briefing; SP_CASE_COUNT starts the trajectory with the first case. */
void sp_gui_play_start(sp_gui_app *a, int ci);
/* In a trajectory: the next case, carrying its variables over. */
void sp_gui_play_next_case(sp_gui_app *a);
/* The same case from its start, with the same starting values. */
void sp_gui_play_restart(sp_gui_app *a);
/* Writes the transcript (after every step). */
void sp_gui_play_save(sp_gui_app *a);
/* Goes on with case ci's unfinished play. */
void sp_gui_play_resume(sp_gui_app *a, int ci);
/* Ends the play and shows the menu with fresh results. */
void sp_gui_play_to_menu(sp_gui_app *a);

#endif
