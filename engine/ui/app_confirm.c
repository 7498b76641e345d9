/* app_confirm.c: what keeps a habitual key from losing anything: the confirmation card (leaving the debrief, starting anew beside an unfinished play) and the toast (undo, export) with its "open folder". */
#include "app_play.h"

#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "i18n.h"

extern char **environ;

void sp_ui_app_toast(sp_ui_app *a, const char *dir, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->toast, sizeof a->toast, fmt, ap);
    va_end(ap);
    snprintf(a->toast_dir, sizeof a->toast_dir, "%s", dir ? dir : "");
    a->toast_undo = 0;
    a->toast_at = 0;
}

int sp_ui_app_toast_timeout(sp_ui_app *a, uint32_t now_ms)
{
    if (!a->toast[0])
        return -1;
    if (!a->toast_at)
        a->toast_at = now_ms ? now_ms : 1;
    uint32_t age = now_ms - a->toast_at;
    if (age >= SP_UI_TOAST_MS) {
        a->toast[0] = a->toast_dir[0] = '\0';
        a->toast_undo = 0;
        a->toast_at = 0;
        return 0;
    }
    return (int)(SP_UI_TOAST_MS - age);
}

/* xdg-open opens the folder in the file manager and returns at once. */
static int xdg_open(const char *dir)
{
    pid_t pid;
    char *argv[] = { "xdg-open", (char *)dir, NULL };
    if (posix_spawnp(&pid, "xdg-open", NULL, NULL, argv, environ) != 0)
        return -1;
    int st;
    waitpid(pid, &st, 0);
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

/* ---- the confirmation card --------------------------------------------------------- */

/* Asks before doing action(arg): opens the card. */
void sp_ui_confirm_ask(sp_ui_app *a, int action, int arg)
{
    a->confirm_action = action;
    a->confirm_arg = arg;
    a->overlay = SP_UI_OV_CONFIRM;
    a->focus[1] = -1;
    a->scroll[1] = 0;
}

/* The label of the action the card asks about. */
static const char *confirm_label(const sp_ui_app *a)
{
    switch (a->confirm_action) {
    case SP_UI_ACT_TO_MENU:   return _("Naar het menu");
    case SP_UI_ACT_AGAIN:     return _("Opnieuw spelen");
    case SP_UI_ACT_NEXT_CASE: return _("Volgende casus");
    case SP_UI_ACT_START:     return _("Nieuw gesprek starten");
    default:                   return _("Doorgaan");
    }
}

int sp_ui_confirm_action(sp_ui_app *a, int action, int arg)
{
    (void)arg;
    if (action == SP_UI_ACT_CONFIRM) {
        int act = a->confirm_action, carg = a->confirm_arg;
        a->overlay = SP_UI_OV_NONE;
        a->confirm_action = SP_UI_ACT_NONE;
        a->confirmed = 1;
        sp_ui_app_action(a, act, carg);
        a->confirmed = 0;
        return 1;
    }
    if (action == SP_UI_ACT_OPEN_FOLDER) {
        if (a->toast_dir[0] && (a->open_folder ? a->open_folder : xdg_open)(a->toast_dir) != 0)
            sp_ui_app_toast(a, NULL, _("De map kon niet worden geopend. Je vindt hem hier: %s"), a->toast_dir);
        return 1;
    }
    return 0;
}

int sp_ui_confirm_key(sp_ui_app *a, sp_ui_key key, int ch)
{
    if (a->overlay != SP_UI_OV_CONFIRM)
        return 0;
    if (key == SP_UI_KEY_CHAR && (ch == 'j' || ch == 'y'))
        sp_ui_app_action(a, SP_UI_ACT_CONFIRM, 0);
    else if (key == SP_UI_KEY_CHAR && ch == 'v' && a->confirm_action == SP_UI_ACT_START)
        sp_ui_app_action(a, SP_UI_ACT_RESUME, a->confirm_arg);
    else if (key == SP_UI_KEY_ESC || key == SP_UI_KEY_ENTER)
        sp_ui_app_action(a, SP_UI_ACT_CLOSE, 0); /* Enter without focus: stay, the safe side */
    else
        return 0;
    return 1;
}

void sp_ui_confirm_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    sp_ui_page pg;
    sp_ui_ui_card_begin(ui, &pg, view, ui->m->measure_w + 6 * u);
    const char *title, *body;
    const char *labels[3], *hints[3];
    sp_ui_btn_style styles[3];
    int actions[3], args[3] = { 0, 0, 0 }, n = 0;
    char resume[128] = "";
    if (a->confirm_action == SP_UI_ACT_START) {
        int ci = a->confirm_arg < SP_CASE_COUNT ? a->confirm_arg : 0;
        title = _("Je hebt hier nog een onafgemaakt gesprek");
        body = sp_ui_list_strf(ui->l, _("Je gesprek van deze casus staat nog bij beurt %d. Begin je opnieuw, dan blijft het bewaard: je vindt het terug onder Terugkijken."),
                                a->cases[ci].resume_turn);
        snprintf(resume, sizeof resume, _("Verder bij beurt %d"), a->cases[ci].resume_turn);
        labels[n] = resume; hints[n] = "V"; styles[n] = SP_UI_BTN_PRIMARY;
        actions[n] = SP_UI_ACT_RESUME; args[n] = ci; n++;
    } else {
        title = _("De nabespreking verlaten?");
        body = _("Je kunt hem later terugzien: kies in het menu Terugkijken, dan dit gesprek en Nabespreking.");
        labels[n] = _("Blijven"); hints[n] = "Esc"; styles[n] = SP_UI_BTN_PRIMARY;
        actions[n] = SP_UI_ACT_CLOSE; n++;
    }
    labels[n] = confirm_label(a); hints[n] = "J"; styles[n] = SP_UI_BTN_SECONDARY;
    actions[n] = SP_UI_ACT_CONFIRM; n++;
    if (a->confirm_action == SP_UI_ACT_START) {
        labels[n] = _("Annuleren"); hints[n] = "Esc"; styles[n] = SP_UI_BTN_SECONDARY;
        actions[n] = SP_UI_ACT_CLOSE; n++;
    }
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_H2, th->text, title);
    pg.y += u;
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->text, body);
    pg.y += 3 * u;
    pg.y += sp_ui_ui_button_row(ui, pg.x, pg.y, pg.w, 0, n, labels, hints, styles, actions, args);
    sp_ui_ui_card_end(ui, &pg, view, &a->scroll[1]);
    a->page_step[1] = pg.region.h;
}

/* ---- the toast ---------------------------------------------------------------------- */

void sp_ui_toast_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    if (!a->toast[0])
        return;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int margin = sp_ui_ui_margin(ui, view.w);
    int maxw = m->measure_w < view.w - 2 * margin ? m->measure_w : view.w - 2 * margin;
    const char *label = a->toast_undo ? _("Ongedaan maken") : _("Map openen");
    const char *hint = a->toast_undo ? "U" : "O";
    int bw = a->toast_dir[0] || a->toast_undo ? sp_ui_ui_button_w(ui, label, hint) : 0;
    if (bw > maxw / 2)
        bw = maxw / 2;
    int tw = maxw - 4 * u - (bw ? bw + 2 * u : 0);
    int th_ = sp_ui_text_height(m, SP_UI_FONT_BODY, a->toast, tw);
    int bh = bw ? sp_ui_ui_button_h(ui) : 0;
    int h = (th_ > bh ? th_ : bh) + 3 * u;
    int w = maxw;
    /* above the bottom bar and the strip where a page's "more below" cue goes */
    int above = a->bottom_bar + sp_ui_ui_cue_h(ui);
    sp_ui_rect r = sp_ui_rect_make(view.x + (view.w - w) / 2, view.y + view.h - above - h - u, w, h);
    sp_ui_cmd *c = sp_ui_frame_cmd(ui->l, r, th->text, th->accent, 2, u);
    c->tag = SP_UI_TAG_TOAST;
    sp_ui_rgba fg = sp_ui_ui_on(th->text);
    sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, fg, a->toast, r.x + 2 * u, r.y + (h - th_) / 2, tw,
                      sp_ui_rect_inset(r, u, u));
    if (bw)
        sp_ui_ui_button(ui, sp_ui_rect_make(r.x + r.w - 2 * u - bw, r.y + (h - bh) / 2, bw, bh), label, hint,
                         SP_UI_BTN_SECONDARY, a->toast_undo ? SP_UI_ACT_PLAY_RESTORE : SP_UI_ACT_OPEN_FOLDER, 0, 1);
}
