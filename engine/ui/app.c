/* app.c: what the window does: its life cycle and settings, the actions, keys and the mouse, and building the screen (the play's bookkeeping is in app_play.c). */
#include "app_play.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "group.h"
#include "i18n.h"
#include "replay.h"

void sp_ui_app_notice(sp_ui_app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
}

int sp_ui_app_path_fmt(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= n) {
        buf[0] = '\0';
        return -1;
    }
    return 0;
}

void sp_ui_app_reset_view(sp_ui_app *a)
{
    a->focus[0] = a->focus[1] = -1;
    a->scroll[0] = a->scroll[1] = 0;
    a->overlay = SP_UI_OV_NONE;
    a->hover = -1;
    a->toast[0] = a->toast_dir[0] = '\0';
    a->toast_undo = 0;
    a->bottom_bar = 0;
    a->reveal = 1;
    a->debrief_of_replay = 0;
}

/* ---- life cycle ----------------------------------------------------------------- */

void sp_ui_app_init(sp_ui_app *a, const char *settings_path, const char *transcripts_dir)
{
    memset(a, 0, sizeof *a);
    a->case_index = -1;
    a->hover = -1;
    a->focus[0] = a->focus[1] = -1;
    char dir[4096];
    if (settings_path)
        sp_ui_app_path_fmt(a->settings_path, sizeof a->settings_path, "%s", settings_path);
    else if (sp_fs_config_dir(dir, sizeof dir) == SP_OK)
        sp_ui_app_path_fmt(a->settings_path, sizeof a->settings_path, "%s/settings.ini", dir);
    if (transcripts_dir)
        sp_ui_app_path_fmt(a->transcripts_dir, sizeof a->transcripts_dir, "%s", transcripts_dir);
    else if (sp_fs_data_dir(dir, sizeof dir) == SP_OK)
        sp_ui_app_path_fmt(a->transcripts_dir, sizeof a->transcripts_dir, "%s/transcripts", dir);
    sp_ui_app_path_fmt(a->portraits, sizeof a->portraits, "%s/assets/portraits", sp_paths_data());

    sp_ui_settings_defaults(&a->settings); /* also with no settings file */
    sp_diag *d = sp_diag_new();
    if (a->settings_path[0] &&
        sp_ui_settings_load(a->settings_path, &a->settings, d) != SP_OK) {
        /* Keep the damaged file: the user may want to repair it by hand. */
        a->settings_hold = 1;
        sp_ui_app_notice(a, _("Niet alle instellingen konden worden gelezen (%.600s). De rest geldt; het bestand blijft ongewijzigd tot je zelf iets instelt, en dan verandert alleen die instelling."),
               sp_diag_count(d) ? sp_diag_message(d, 0) : a->settings_path);
    }
    sp_diag_free(d);
    sp_ui_i18n_set(a->settings.lang);
}

void sp_ui_app_free(sp_ui_app *a)
{
    sp_ui_replay_free(a);
    sp_ui_group_free(a);
    sp_ui_play_end(a);
    sp_ui_play_free_cases(a);
    sp_scenario_free(a->own);
    free(a->own_path);
    sp_handbook_free(a->hb);
    memset(a, 0, sizeof *a);
}

void sp_ui_app_set_run_lang(sp_ui_app *a, sp_lang lang)
{
    if (!a->lang_run)
        a->lang_file = a->settings.lang;
    a->lang_run = 1;
    a->settings.lang = lang;
    sp_ui_i18n_set(lang);
    if (a->s)
        sp_session_set_lang(a->s, lang);
}

sp_lang sp_ui_app_lang(const sp_ui_app *a)
{
    return a->settings.lang;
}

const sp_view *sp_ui_app_view(sp_ui_app *a)
{
    return a->s ? sp_session_view(a->s) : NULL;
}

void sp_ui_app_setting(sp_ui_app *a, int which, int value)
{
    sp_ui_settings *s = &a->settings;
    switch (which) {
    case SP_UI_SET_SIZE:
        if (value >= 0 && value < SP_UI_SIZE_COUNT)
            s->text_size = (sp_ui_size)value;
        break;
    case SP_UI_SET_CONTRAST: s->high_contrast = !!value; break;
    case SP_UI_SET_FEEDBACK: s->feedback_end = !!value; break;
    case SP_UI_SET_LANG:
        s->lang = value == SP_LANG_EN ? SP_LANG_EN : SP_LANG_NL;
        a->lang_run = 0; /* chosen here: from now on it is the setting */
        sp_ui_i18n_set(s->lang);
        if (a->s)
            sp_session_set_lang(a->s, s->lang);
        break;
    case SP_UI_SET_FULLSCREEN:
        s->fullscreen = !!value;
        a->fullscreen_changed = 1;
        break;
    case SP_UI_SET_ROOM:
        if (value < SP_UI_ROOM_MIN || value > SP_UI_ROOM_MAX || value == s->room_size)
            return;
        s->room_size = value;
        break;
    default:
        return;
    }
    /* The user changed something: from now on the file is ours to write. */
    a->settings_hold = 0;
    if (a->settings_path[0]) {
        sp_ui_settings file = *s;
        if (a->lang_run)
            file.lang = a->lang_file;
        sp_diag *d = sp_diag_new();
        if (sp_ui_settings_save(a->settings_path, &file, d) != SP_OK)
            sp_ui_app_notice(a, _("De instellingen konden niet worden bewaard: %s"),
                   sp_diag_count(d) ? sp_diag_message(d, 0) : a->settings_path);
        sp_diag_free(d);
    }
}

/* ---- actions --------------------------------------------------------------------------- */

void sp_ui_app_judge(const sp_session *s, sp_ui_judgement *j)
{
    memset(j, 0, sizeof *j);
    sp_debrief *d = sp_debrief_build(s);
    if (d && d->exact && d->n_decisions > 0) {
        const sp_debrief_decision *dd = &d->decisions[d->n_decisions - 1];
        *j = (sp_ui_judgement){ 1, dd->node, dd->left, dd->stronger, dd->stronger_total };
    }
    sp_debrief_free(d);
}

/* Undoes the last step and says what was undone, so the learner sees that
 * the key did something. */
static void undo(sp_ui_app *a)
{
    int n = sp_session_history_count(a->s);
    if (n == 0) {
        sp_ui_app_toast(a, NULL, "%s", _("Er is nog niets om terug te zetten."));
        return;
    }
    sp_step last = *sp_session_history(a->s, n - 1);
    if (sp_session_undo(a->s) != SP_OK)
        return;
    sp_ui_play_save(a);
    sp_ui_app_reset_view(a);
    if (last.kind == SP_STEP_FLAG && a->hb && last.flag >= 0 && last.flag < a->hb->n_redflags)
        sp_ui_app_toast(a, NULL, _("Teruggezet: je markering ‘%s’ is weggehaald."),
                         sp_text_get(&a->hb->redflags[last.flag].label, a->settings.lang));
    else
        sp_ui_app_toast(a, NULL, _("Teruggezet naar beurt %d: je keuze is ongedaan gemaakt."),
                         sp_session_turn(a->s));
}

/* Opening and closing the overlays that need no play logic; 1 when done. */
static int overlay_action(sp_ui_app *a, int action)
{
    switch (action) {
    case SP_UI_ACT_SETTINGS:
        a->pause_under = a->overlay == SP_UI_OV_PAUSE;
        a->overlay = SP_UI_OV_SETTINGS;
        a->focus[1] = -1;
        a->scroll[1] = 0;
        break;
    case SP_UI_ACT_HISTORY:
        if (a->s) {
            a->overlay = SP_UI_OV_HISTORY;
            a->focus[1] = -1;
            a->scroll[1] = 1 << 28; /* start at the end: the latest turn */
        }
        break;
    case SP_UI_ACT_PAUSE:
        a->overlay = SP_UI_OV_PAUSE;
        a->focus[1] = -1;
        a->scroll[1] = 0;
        break;
    case SP_UI_ACT_CLOSE:
        if (a->overlay == SP_UI_OV_SETTINGS && a->pause_under) {
            a->overlay = SP_UI_OV_PAUSE;
            a->pause_under = 0;
        } else {
            a->overlay = SP_UI_OV_NONE;
        }
        a->focus[1] = -1;
        a->scroll[1] = 0;
        break;
    default:
        return 0;
    }
    return 1;
}

/* 1 while the group's red-flag round (a dialog of its own) is on the wall. */
static int flag_round(const sp_ui_app *a)
{
    return a->group && a->group->flag_round;
}

/* A dialog that opens, closes or gives way to another changes what lies
 * under the mouse: the hover index remembered from the layout before goes,
 * as after a click, until the mouse moves (the group's red-flag round,
 * `round` before the input, counts as a dialog). A dialog that opens also
 * takes the toast away: a note of what was just done does not stay
 * half-hidden behind (or over) a question about what to do next. */
static void dialog_changed(sp_ui_app *a, sp_ui_overlay before, int round)
{
    if (a->overlay != before || flag_round(a) != round)
        a->hover = -1;
    if (before == SP_UI_OV_NONE && a->overlay != SP_UI_OV_NONE && a->toast[0]) {
        a->toast[0] = a->toast_dir[0] = '\0';
        a->toast_undo = 0;
        a->toast_at = 0;
    }
}

static void app_action(sp_ui_app *a, int action, int arg);

void sp_ui_app_action(sp_ui_app *a, int action, int arg)
{
    sp_ui_overlay before = a->overlay;
    int round = flag_round(a);
    app_action(a, action, arg);
    dialog_changed(a, before, round);
}

static void app_action(sp_ui_app *a, int action, int arg)
{
    if (sp_ui_group_action(a, action, arg) || sp_ui_confirm_action(a, action, arg) || overlay_action(a, action))
        return;
    const sp_view *v = a->s ? sp_session_view(a->s) : NULL;
    switch ((sp_ui_action)action) {
    case SP_UI_ACT_NONE:
    case SP_UI_ACT_SETTINGS: case SP_UI_ACT_HISTORY: case SP_UI_ACT_PAUSE: case SP_UI_ACT_CLOSE:
        break; /* overlay_action() */
    case SP_UI_ACT_START: {
        /* Starting anew beside an unfinished play of the same case: say
         * that it is kept, and offer to go on with it instead. */
        int ci = arg == SP_CASE_COUNT ? 0 : arg;
        if (!a->confirmed && ci >= 0 && ci < SP_CASE_COUNT && a->cases[ci].resume) {
            sp_ui_confirm_ask(a, action, arg);
            break;
        }
        a->notice[0] = '\0';
        sp_ui_play_start(a, arg);
        break;
    }
        break;
    case SP_UI_ACT_RESUME:
        a->notice[0] = '\0';
        sp_ui_play_resume(a, arg);
        break;
    case SP_UI_ACT_QUIT:
        a->quit = 1;
        break;
    case SP_UI_ACT_BEGIN:
        if (a->s) {
            a->screen = SP_UI_SCREEN_PLAY;
            sp_ui_app_reset_view(a);
        }
        break;
    case SP_UI_ACT_TO_MENU:
        sp_ui_play_to_menu(a);
        break;
    case SP_UI_ACT_CHOOSE:
        if (!v || arg < 0 || arg >= v->n_options || a->screen != SP_UI_SCREEN_PLAY)
            break;
        if (sp_session_choose(a->s, v->options[arg].option) == SP_OK) {
            a->notice[0] = '\0'; /* a banner (a branch's) was for the view before */
            sp_ui_app_judge(a->s, &a->judge);
            sp_ui_play_save(a);
            sp_ui_app_reset_view(a);
            if (!a->settings.feedback_end && sp_session_view(a->s)->feedback.valid)
                a->overlay = SP_UI_OV_FEEDBACK;
        }
        break;
    case SP_UI_ACT_FLAGS:
        if (v && !sp_session_finished(a->s) && a->screen == SP_UI_SCREEN_PLAY) {
            a->overlay = SP_UI_OV_FLAGS;
            a->focus[1] = -1;
            a->scroll[1] = 0;
        }
        break;
    case SP_UI_ACT_MARK:
        if (a->s && a->hb && arg >= 0 && arg < a->hb->n_redflags &&
            sp_session_flag(a->s, arg, &a->flag_res) == SP_OK) {
            a->flag_marked = arg;
            sp_ui_play_save(a);
            a->overlay = SP_UI_OV_FLAG_RESULT;
            a->focus[1] = -1;
            a->scroll[1] = 0;
        }
        break;
    case SP_UI_ACT_RESTART:
        sp_ui_play_restart(a);
        break;
    case SP_UI_ACT_UNDO:
        if (a->s && a->screen == SP_UI_SCREEN_PLAY)
            undo(a);
        break;
    case SP_UI_ACT_DEBRIEF:
        if (a->s && sp_session_finished(a->s)) {
            sp_debrief_free(a->debrief);
            a->debrief = sp_debrief_build(a->s);
            if (!a->debrief) {
                sp_ui_app_notice(a, "%s", _("Te weinig geheugen voor de nabespreking."));
                break;
            }
            a->screen = SP_UI_SCREEN_DEBRIEF;
            sp_ui_app_reset_view(a);
        }
        break;
    case SP_UI_ACT_AGAIN:
        sp_ui_play_restart(a);
        break;
    case SP_UI_ACT_NEXT_CASE:
        sp_ui_play_next_case(a);
        break;
    case SP_UI_ACT_SET:
        sp_ui_app_setting(a, arg / 16, arg % 16);
        break;
    case SP_UI_ACT_PLAYS: case SP_UI_ACT_REPLAY_OPEN: case SP_UI_ACT_REPLAY_THIS:
    case SP_UI_ACT_REPLAY_STEP: case SP_UI_ACT_REPLAY_PREV: case SP_UI_ACT_REPLAY_NEXT:
    case SP_UI_ACT_REPLAY_AUTO: case SP_UI_ACT_REPLAY_SPEED: case SP_UI_ACT_REPLAY_NOTE:
    case SP_UI_ACT_REPLAY_NOTE_SAVE: case SP_UI_ACT_REPLAY_BRANCH: case SP_UI_ACT_REPLAY_PICK:
    case SP_UI_ACT_COMPARE_WITH: case SP_UI_ACT_REPLAY_BACK: case SP_UI_ACT_EXPORT:
    case SP_UI_ACT_REPLAY_DEBRIEF: case SP_UI_ACT_CONFIRM: case SP_UI_ACT_OPEN_FOLDER:
    case SP_UI_ACT_PLAY_DELETE: case SP_UI_ACT_PLAY_RESTORE:
        sp_ui_replay_action(a, action, arg);
        break;
    }
}

/* ---- keys and the mouse ---------------------------------------------------------------- */

/* Focusable hits of the top layer in last, in order. */
static int focus_count(const sp_ui_list *last)
{
    int n = 0;
    for (int i = 0; i < last->n_hits; i++)
        if (last->hits[i].enabled && last->hits[i].order >= 0)
            n++;
    return n;
}

static const sp_ui_hit *focused_hit(const sp_ui_list *last, int focus)
{
    for (int i = 0; i < last->n_hits; i++)
        if (last->hits[i].enabled && last->hits[i].order == focus)
            return &last->hits[i];
    return NULL;
}

static void move_focus(sp_ui_app *a, const sp_ui_list *last, int layer, int delta)
{
    int n = focus_count(last);
    if (n == 0)
        return;
    int f = a->focus[layer];
    if (f < 0)
        f = delta > 0 ? 0 : n - 1;
    else
        f = ((f + delta) % n + n) % n;
    a->focus[layer] = f;
    a->show_focus = 1;
    a->focus_visible = 1;
}

/* The red-flag picker's keys: its number marks a flag (1-9 at once; a 1
 * waits for a second digit when there are ten or more: 1 then 4 is 14,
 * 1 then Enter is 1); ↑/↓ move one row of the grid, ←/→ one flag. */
static int flag_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch)
{
    int n = a->hb ? a->hb->n_redflags : 0;
    if (key == SP_UI_KEY_CHAR && ch >= '0' && ch <= '9') {
        int d = ch - '0', f = -1;
        if (a->flag_digit && 10 + d <= n)
            f = 10 + d;
        else if (d == 1 && n >= 10 && !a->flag_digit)
            a->flag_digit = 1;
        else if (d >= 1 && d <= n)
            f = d;
        if (f > 0) {
            a->flag_digit = 0;
            sp_ui_app_action(a, SP_UI_ACT_MARK, f - 1);
        }
        return 1;
    }
    if (key == SP_UI_KEY_ENTER && a->flag_digit) {
        a->flag_digit = 0;
        sp_ui_app_action(a, SP_UI_ACT_MARK, 0);
        return 1;
    }
    a->flag_digit = 0;
    if ((key != SP_UI_KEY_UP && key != SP_UI_KEY_DOWN) || a->flag_cols < 2)
        return 0;
    /* one row: the flag cols further on (past ones marked already) */
    const sp_ui_hit *h = a->focus[1] >= 0 ? focused_hit(last, a->focus[1]) : NULL;
    int f = h && h->action == SP_UI_ACT_MARK ? h->arg : key == SP_UI_KEY_DOWN ? -a->flag_cols : n;
    for (f += key == SP_UI_KEY_DOWN ? a->flag_cols : -a->flag_cols; f >= 0 && f < n;
         f += key == SP_UI_KEY_DOWN ? a->flag_cols : -a->flag_cols)
        for (int i = 0; i < last->n_hits; i++)
            if (last->hits[i].enabled && last->hits[i].action == SP_UI_ACT_MARK && last->hits[i].arg == f) {
                a->focus[1] = last->hits[i].order;
                a->show_focus = a->focus_visible = 1;
                return 1;
            }
    return 1;
}

void sp_ui_app_scroll(sp_ui_app *a, int dy)
{
    int layer = a->overlay != SP_UI_OV_NONE;
    a->scroll[layer] += dy;
    if (a->scroll[layer] < 0)
        a->scroll[layer] = 0;
}

/* A key no focus, overlay or replay took: the current screen's own keys. */
static void screen_key(sp_ui_app *a, sp_ui_key key, int ch)
{
    const sp_view *v = a->s ? sp_session_view(a->s) : NULL;
    switch (a->screen) {
    case SP_UI_SCREEN_MENU:
        if (key == SP_UI_KEY_CHAR && ch >= '1' && ch <= '0' + SP_CASE_COUNT + 1)
            sp_ui_app_action(a, SP_UI_ACT_START, ch - '1');
        else if (key == SP_UI_KEY_CHAR && ch == 's')
            sp_ui_app_action(a, SP_UI_ACT_SETTINGS, 0);
        else if (key == SP_UI_KEY_CHAR && ch == 'q')
            sp_ui_app_action(a, SP_UI_ACT_QUIT, 0);
        break;
    case SP_UI_SCREEN_BRIEFING:
        if (key == SP_UI_KEY_ENTER)
            sp_ui_app_action(a, SP_UI_ACT_BEGIN, 0);
        else if (key == SP_UI_KEY_ESC)
            sp_ui_app_action(a, SP_UI_ACT_TO_MENU, 0);
        break;
    case SP_UI_SCREEN_PLAY:
        if (!v)
            break;
        if (key == SP_UI_KEY_CHAR && ch >= '1' && ch <= '9' && v->kind != SP_VIEW_ENDING)
            sp_ui_app_action(a, SP_UI_ACT_CHOOSE, ch - '1');
        else if (key == SP_UI_KEY_CHAR && ch == 'f')
            sp_ui_app_action(a, SP_UI_ACT_FLAGS, 0);
        else if (key == SP_UI_KEY_CHAR && ch == 'h')
            sp_ui_app_action(a, SP_UI_ACT_HISTORY, 0);
        else if (key == SP_UI_KEY_BACKSPACE || key == SP_UI_KEY_UNDO)
            sp_ui_app_action(a, SP_UI_ACT_UNDO, 0);
        else if (key == SP_UI_KEY_ESC)
            sp_ui_app_action(a, SP_UI_ACT_PAUSE, 0);
        else if (key == SP_UI_KEY_ENTER && v->kind == SP_VIEW_ENDING)
            sp_ui_app_action(a, SP_UI_ACT_DEBRIEF, 0);
        break;
    case SP_UI_SCREEN_DEBRIEF:
        /* No single key leaves the debrief: each asks first (the buttons,
         * chosen on purpose, do not). */
        if (a->debrief_of_replay)
            break; /* sp_ui_replay_key() */
        if (key == SP_UI_KEY_ESC)
            sp_ui_confirm_ask(a, SP_UI_ACT_TO_MENU, 0);
        else if (key == SP_UI_KEY_CHAR && ch == 'r')
            sp_ui_confirm_ask(a, SP_UI_ACT_AGAIN, 0);
        else if (key == SP_UI_KEY_ENTER)
            sp_ui_confirm_ask(a, a->traj && a->case_index + 1 < SP_CASE_COUNT
                                      ? SP_UI_ACT_NEXT_CASE : SP_UI_ACT_TO_MENU, 0);
        break;
    case SP_UI_SCREEN_PLAYS:
    case SP_UI_SCREEN_REPLAY:
    case SP_UI_SCREEN_COMPARE:
        break; /* sp_ui_replay_key() */
    }
}

static void app_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch);

void sp_ui_app_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch)
{
    sp_ui_overlay before = a->overlay;
    int round = flag_round(a);
    app_key(a, last, key, ch);
    dialog_changed(a, before, round);
}

static void app_key(sp_ui_app *a, const sp_ui_list *last, sp_ui_key key, int ch)
{
    if (sp_ui_replay_key(a, last, key, ch) || sp_ui_group_key(a, last, key, ch))
        return;
    /* The confirmation card's own keys, before the focus: Enter stays. */
    if (a->overlay == SP_UI_OV_CONFIRM && !(key == SP_UI_KEY_ENTER && a->focus[1] >= 0) &&
        sp_ui_confirm_key(a, key, ch))
        return;
    if (a->toast_dir[0] && key == SP_UI_KEY_CHAR && ch == 'o' && a->overlay == SP_UI_OV_NONE) {
        sp_ui_app_action(a, SP_UI_ACT_OPEN_FOLDER, 0);
        return;
    }
    if (a->toast_undo && a->toast[0] && key == SP_UI_KEY_CHAR && ch == 'u' && a->overlay == SP_UI_OV_NONE) {
        sp_ui_app_action(a, SP_UI_ACT_PLAY_RESTORE, 0);
        return;
    }
    if (a->overlay == SP_UI_OV_FLAGS && flag_key(a, last, key, ch))
        return;
    int layer = a->overlay != SP_UI_OV_NONE;
    int line = a->page_step[layer] > 0 ? a->page_step[layer] / 10 + 1 : 40;
    int page = a->page_step[layer] > 0 ? a->page_step[layer] * 9 / 10 : 400;
    /* On reading screens the arrows scroll; elsewhere they move the focus. */
    int reading = (!layer && (a->screen == SP_UI_SCREEN_BRIEFING || a->screen == SP_UI_SCREEN_DEBRIEF)) ||
                  (layer && a->overlay == SP_UI_OV_HISTORY);

    switch (key) {
    case SP_UI_KEY_FULLSCREEN:
        sp_ui_app_action(a, SP_UI_ACT_SET, SP_UI_SET_FULLSCREEN * 16 + !a->settings.fullscreen);
        return;
    case SP_UI_KEY_UP:
    case SP_UI_KEY_DOWN:
        if (reading)
            sp_ui_app_scroll(a, key == SP_UI_KEY_UP ? -line : line);
        else
            move_focus(a, last, layer, key == SP_UI_KEY_UP ? -1 : 1);
        return;
    case SP_UI_KEY_LEFT:
    case SP_UI_KEY_BACKTAB:
        move_focus(a, last, layer, -1);
        return;
    case SP_UI_KEY_RIGHT:
    case SP_UI_KEY_TAB:
        move_focus(a, last, layer, 1);
        return;
    case SP_UI_KEY_PAGEUP:   sp_ui_app_scroll(a, -page); return;
    case SP_UI_KEY_PAGEDOWN: sp_ui_app_scroll(a, page); return;
    case SP_UI_KEY_HOME:     sp_ui_app_scroll(a, -(1 << 28)); return;
    case SP_UI_KEY_END:      sp_ui_app_scroll(a, 1 << 28); return;
    case SP_UI_KEY_ENTER: {
        const sp_ui_hit *h = a->focus[layer] >= 0 ? focused_hit(last, a->focus[layer]) : NULL;
        if (h) {
            sp_ui_app_action(a, h->action, h->arg);
            return;
        }
        break; /* the screen's default, below */
    }
    default:
        break;
    }

    if (layer) {
        sp_ui_overlay ov = a->overlay;
        if (key == SP_UI_KEY_ESC ||
            (key == SP_UI_KEY_ENTER && (ov == SP_UI_OV_FEEDBACK || ov == SP_UI_OV_FLAG_RESULT)) ||
            (key == SP_UI_KEY_CHAR && ch == 'h' && ov == SP_UI_OV_HISTORY) ||
            (key == SP_UI_KEY_CHAR && ch == 'f' && ov == SP_UI_OV_FLAGS) ||
            (key == SP_UI_KEY_CHAR && ch == ' ' && (ov == SP_UI_OV_FEEDBACK || ov == SP_UI_OV_FLAG_RESULT)))
            sp_ui_app_action(a, SP_UI_ACT_CLOSE, 0);
        return;
    }

    screen_key(a, key, ch);
}

int sp_ui_app_hit_at(const sp_ui_list *last, int x, int y)
{
    /* Later hits lie on top (overlays come last). */
    for (int i = last->n_hits - 1; i >= 0; i--)
        if (last->hits[i].enabled && sp_ui_rect_has_point(last->hits[i].vis, x, y))
            return i;
    return -1;
}

void sp_ui_app_click(sp_ui_app *a, const sp_ui_list *last, int x, int y)
{
    int i = sp_ui_app_hit_at(last, x, y);
    a->show_focus = 0;
    if (i >= 0)
        sp_ui_app_action(a, last->hits[i].action, last->hits[i].arg);
}

/* ---- building ---------------------------------------------------------------------------- */

void sp_ui_app_build(sp_ui_app *a, const sp_ui_metrics *m, int w, int h, sp_ui_list *out)
{
    sp_ui_list_reset(out);
    sp_ui_ui ui = {
        .l = out, .m = m, .th = sp_ui_theme_get(a->settings.high_contrast),
        .focus = a->focus[0], .show_focus = a->show_focus, .hover = a->hover,
        .focus_visible = a->focus_visible && a->overlay == SP_UI_OV_NONE,
        .portraits = a->portraits,
    };
    sp_ui_rect view = sp_ui_rect_make(0, 0, w, h);
    sp_ui_rect_cmd(out, view, ui.th->bg, 0)->tag = SP_UI_TAG_BACKGROUND;
    a->bottom_bar = 0; /* a screen with a bottom bar says how high: the toast sits above it */
    if (!sp_ui_group_build(a, &ui, view))
        switch (a->screen) {
        case SP_UI_SCREEN_MENU:     sp_ui_menu_build(a, &ui, view); break;
        case SP_UI_SCREEN_BRIEFING: sp_ui_briefing_build(a, &ui, view); break;
        case SP_UI_SCREEN_PLAY:     sp_ui_conversation_build(a, &ui, view); break;
        case SP_UI_SCREEN_DEBRIEF:  sp_ui_debrief_view_build(a, &ui, view); break;
        case SP_UI_SCREEN_PLAYS:    sp_ui_history_list_build(a, &ui, view); break;
        case SP_UI_SCREEN_REPLAY:   sp_ui_replay_view_build(a, &ui, view); break;
        case SP_UI_SCREEN_COMPARE:  sp_ui_compare_view_build(a, &ui, view); break;
        }
    if (a->overlay != SP_UI_OV_NONE) {
        sp_ui_ui_layer(&ui, a->focus[1]);
        ui.focus_visible = a->focus_visible;
        if (a->overlay == SP_UI_OV_SETTINGS)
            sp_ui_settings_view_build(a, &ui, view);
        else if (a->overlay == SP_UI_OV_CONFIRM)
            sp_ui_confirm_build(a, &ui, view);
        else
            sp_ui_overlays_build(a, &ui, view);
    }
    sp_ui_toast_build(a, &ui, view);
    a->focus_visible = 0;
}
