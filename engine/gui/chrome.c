/* chrome.c: what every screen shares: the top bar, the bottom button bar, the reading column, the notice banner. */
#include "app.h"

#include <string.h>

void sp_gui_chrome_column(const sp_gui_ui *ui, sp_gui_rect view, int maxw, int *x, int *w)
{
    int margin = sp_gui_ui_margin(ui, view.w);
    int cw = view.w - 2 * margin;
    if (cw > maxw)
        cw = maxw;
    *w = cw;
    *x = view.x + (view.w - cw) / 2;
}

int sp_gui_chrome_topbar(sp_gui_ui *ui, sp_gui_rect view, const char *title, const char *sub, int n,
                         const char *const *labels, const char *const *hints, const int *actions)
{
    const sp_gui_metrics *m = ui->m;
    int u = m->unit;
    int margin = sp_gui_ui_margin(ui, view.w);
    int x = view.x + margin, w = view.w - 2 * margin;
    int pad = u * 3 / 2;

    int buttons_w = 0, bare_w = 0;
    for (int i = 0; i < n; i++) {
        buttons_w += sp_gui_ui_button_w(ui, labels[i], hints[i]) + (i ? u : 0);
        bare_w += sp_gui_ui_button_w(ui, labels[i], NULL) + (i ? u : 0);
    }
    int title_w = m->measure(m->ctx, SP_GUI_FONT_BOLD, title, (int)strlen(title));
    int sub_w = sub && *sub ? m->measure(m->ctx, SP_GUI_FONT_SMALL, sub, (int)strlen(sub)) : 0;
    int left_w = title_w > sub_w ? title_w : sub_w;
    int one_row = left_w + 2 * u + buttons_w <= w;

    int bar = ui->l->n_cmds;
    sp_gui_rect_cmd(ui->l, sp_gui_rect_make(view.x, view.y, view.w, 0), ui->th->bar, 0);
    int tw = one_row ? w - buttons_w - 2 * u : w;
    int y = view.y + pad;
    sp_gui_rect box = sp_gui_rect_make(x, y, tw, sp_gui_text_height(m, SP_GUI_FONT_BOLD, title, tw) +
                                       (sub_w ? sp_gui_text_height(m, SP_GUI_FONT_SMALL, sub, tw) : 0));
    int th = sp_gui_text_block(ui->l, m, SP_GUI_FONT_BOLD, ui->th->text, title, x, y, tw, box);
    if (sub_w)
        th += sp_gui_text_block(ui->l, m, SP_GUI_FONT_SMALL, ui->th->muted, sub, x, y + th, tw, box);

    sp_gui_btn_style styles[12];
    int args[12] = { 0 };
    if (n > 12)
        n = 12;
    for (int i = 0; i < n; i++)
        styles[i] = SP_GUI_BTN_QUIET;
    int bh = sp_gui_ui_button_h(ui);
    int h;
    if (one_row) {
        int row_h = th > bh ? th : bh;
        sp_gui_ui_button_row(ui, x, y + (row_h - bh) / 2, w, 1, n, labels, hints, styles, actions, args);
        h = row_h + 2 * pad;
    } else {
        /* Narrow: the buttons go under the title, without their key hints
         * when that keeps them on one row (the keys still work). */
        const char *const *h2 = buttons_w <= w || bare_w > w ? hints : NULL;
        int rows = sp_gui_ui_button_row(ui, x, y + th + u, w, 0, n, labels, h2, styles, actions, args);
        h = th + u + rows + 2 * pad;
    }
    ui->l->cmds[bar].r.h = h;
    sp_gui_rect_cmd(ui->l, sp_gui_rect_make(view.x, view.y + h - 1, view.w, 1), ui->th->border, 0);
    return h;
}

int sp_gui_chrome_topbar_h(sp_gui_ui *ui, sp_gui_rect view, const char *title, const char *sub, int n,
                           const char *const *labels, const char *const *hints)
{
    /* Laid out into a scratch list: the screens need the height before
     * their content, and the bar's buttons after it in the focus order. */
    sp_gui_list scratch;
    sp_gui_list_init(&scratch);
    sp_gui_ui tmp = *ui;
    tmp.l = &scratch;
    int actions[12] = { 0 };
    int h = sp_gui_chrome_topbar(&tmp, view, title, sub, n, labels, hints, actions);
    sp_gui_list_free(&scratch);
    return h;
}

int sp_gui_chrome_bottombar(sp_gui_ui *ui, sp_gui_rect view, int n, const char *const *labels,
                            const char *const *hints, const sp_gui_btn_style *styles,
                            const int *actions, const int *args)
{
    int u = ui->m->unit;
    int x, w;
    sp_gui_chrome_column(ui, view, view.w, &x, &w);
    /* Lay the buttons out once off-screen to learn the height, then move
     * them to the bottom. */
    int cmd0 = ui->l->n_cmds;
    sp_gui_rect_cmd(ui->l, view, ui->th->bar, 0);
    sp_gui_rect_cmd(ui->l, view, ui->th->border, 0);
    int c_buttons = ui->l->n_cmds, h_buttons = ui->l->n_hits;
    int rows = sp_gui_ui_button_row(ui, x, 0, w, 1, n, labels, hints, styles, actions, args);
    int h = rows + 3 * u;
    int top = view.y + view.h - h;
    sp_gui_list_translate(ui->l, c_buttons, h_buttons, 0, top + 3 * u / 2);
    ui->l->cmds[cmd0].r = sp_gui_rect_make(view.x, top, view.w, h);
    ui->l->cmds[cmd0 + 1].r = sp_gui_rect_make(view.x, top, view.w, 1);
    return h;
}

void sp_gui_chrome_notice(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg)
{
    if (!a->notice[0])
        return;
    int u = ui->m->unit;
    int tw = pg->w - 4 * u;
    int th = sp_gui_text_height(ui->m, SP_GUI_FONT_BODY, a->notice, tw);
    sp_gui_rect r = sp_gui_rect_make(pg->x, pg->y, pg->w, th + 3 * u);
    sp_gui_frame_cmd(ui->l, r, ui->th->surface, ui->th->mixed, ui->th->high_contrast ? 3 : 2, u);
    sp_gui_text_block(ui->l, ui->m, SP_GUI_FONT_BODY, ui->th->text, a->notice, r.x + 2 * u,
                      r.y + 3 * u / 2, tw, sp_gui_rect_inset(r, u, u));
    pg->y += r.h + 2 * u;
}
