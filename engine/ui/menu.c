/* menu.c: the main menu: the three cases and the trajectory, each with its best earlier result and resume. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "group.h"
#include "i18n.h"

typedef struct card_out {
    int frame;          /* index of the card's frame command */
    int btn_cmd, btn_hit; /* first command and hit of its button row */
    int h;              /* height without stretching */
} card_out;

static const char *phase_name(int ci)
{
    static const char *const names[] = { N_("Intakefase"), N_("Uitvoeringsfase"), N_("Teruggeeffase") };
    return ci >= 0 && ci < 3 ? _(names[ci]) : "";
}

/* One card at x, y, w; ci == SP_CASE_COUNT is the trajectory. */
static card_out build_card(sp_ui_app *a, sp_ui_ui *ui, int x, int y, int w, int ci)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit, pad = 5 * u / 2;
    card_out out;
    out.frame = ui->l->n_cmds;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(x, y, w, 0), th->surface, th->border,
                     th->high_contrast ? 2 : 1, u);
    sp_ui_page pg = { .x = x + pad, .w = w - 2 * pad, .y = y + pad };

    const sp_scenario *sc = ci < SP_CASE_COUNT ? a->cases[ci].sc : NULL;
    const char *title, *summary, *kicker;
    char result[256];
    if (ci < SP_CASE_COUNT) {
        kicker = phase_name(ci);
        title = sc ? sp_text_get(&sc->title, lang) : sp_case_ids[ci];
        summary = sc ? sp_text_get(&sc->summary, lang) : "";
        if (a->cases[ci].has_best)
            snprintf(result, sizeof result, _("Beste score: %d van max %d"),
                     a->cases[ci].best, a->cases[ci].best_max);
        else
            snprintf(result, sizeof result, "%s", _("Nog niet uitgespeeld"));
    } else {
        kicker = _("Alle fasen");
        title = _("Het hele traject");
        summary = _("De drie casussen na elkaar. Wat je in een eerdere fase afspreekt, zoals evaluatiemomenten of een exitplan, werkt door in de volgende.");
        if (a->has_traj_best)
            snprintf(result, sizeof result, _("Beste score: %d van max %d"), a->traj_best, a->traj_max);
        else
            snprintf(result, sizeof result, "%s", _("Nog niet uitgespeeld"));
    }
    char num[8];
    snprintf(num, sizeof num, "%d", ci + 1);
    sp_ui_rect box = sp_ui_rect_make(pg.x, pg.y, pg.w, 1 << 20);
    int bw = sp_ui_ui_badge(ui, pg.x, pg.y, num, th->accent, th->on_accent, box);
    sp_ui_rect kbox = sp_ui_rect_make(pg.x + bw + u, pg.y, pg.w - bw - u, m->line_h[SP_UI_FONT_SMALL] * 4);
    sp_ui_text_block(ui->l, m, SP_UI_FONT_SMALL, th->muted, kicker, kbox.x, pg.y + u / 4, kbox.w, kbox);
    pg.y += m->line_h[SP_UI_FONT_SMALL] + u / 2 + u;
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_H2, th->text, title);
    pg.y += u;
    if (ci < SP_CASE_COUNT && !sc) {
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->bad, _("Deze casus kon niet worden geladen:"));
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_SMALL, th->text, a->cases[ci].error);
    } else {
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->text, summary);
        pg.y += u;
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_SMALL, th->muted, result);
    }
    pg.y += 2 * u;

    out.btn_cmd = ui->l->n_cmds;
    out.btn_hit = ui->l->n_hits;
    int enabled = ci < SP_CASE_COUNT ? sc != NULL
                                     : a->cases[0].sc && a->cases[1].sc && a->cases[2].sc;
    if (enabled) {
        const char *labels[3] = { _("Starten"), NULL, NULL };
        const char *hints[3] = { num, "", "" };
        sp_ui_btn_style styles[3] = { SP_UI_BTN_PRIMARY, SP_UI_BTN_SECONDARY, SP_UI_BTN_SECONDARY };
        int actions[3] = { SP_UI_ACT_START, SP_UI_ACT_RESUME, SP_UI_ACT_GROUP_START };
        int args[3] = { ci, ci, ci };
        int n = 1;
        char resume[128];
        if (ci < SP_CASE_COUNT && a->cases[ci].resume) {
            snprintf(resume, sizeof resume, _("Verder bij beurt %d"), a->cases[ci].resume_turn);
            labels[1] = resume;
            n = 2;
        }
        /* A group play on the projector (group.h); in group mode already,
         * Starten is one. */
        if (ci < SP_CASE_COUNT && !a->group) {
            labels[n] = _("Groepstraining (beamer)");
            hints[n] = "";
            styles[n] = SP_UI_BTN_SECONDARY;
            actions[n] = SP_UI_ACT_GROUP_START;
            args[n] = ci;
            n++;
        }
        pg.y += sp_ui_ui_button_row(ui, pg.x, pg.y, pg.w, 0, n, labels, hints, styles, actions, args);
    }
    out.h = pg.y + pad - y;
    return out;
}

void sp_ui_menu_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int x, w;
    sp_ui_chrome_column(ui, view, m->measure_w * 8 / 5 + 2 * u, &x, &w);
    sp_ui_page pg;
    sp_ui_ui_page_begin(ui, &pg, view, x, w);
    a->page_step[0] = view.h;
    pg.y = 4 * u;

    /* Title on the left, settings and quit on the right (below when narrow). */
    const char *labels[3] = { _("Terugkijken"), _("Instellingen"), _("Afsluiten") };
    const char *hints[3] = { "T", "S", "Q" };
    sp_ui_btn_style styles[3] = { SP_UI_BTN_QUIET, SP_UI_BTN_QUIET, SP_UI_BTN_QUIET };
    int actions[3] = { SP_UI_ACT_PLAYS, SP_UI_ACT_SETTINGS, SP_UI_ACT_QUIT };
    int args[3] = { 0, 0, 0 };
    int bw = sp_ui_ui_button_w(ui, labels[0], hints[0]) + u + sp_ui_ui_button_w(ui, labels[1], hints[1]) + u +
             sp_ui_ui_button_w(ui, labels[2], hints[2]);
    const char *name = "samenspel";
    int tw = m->measure(m->ctx, SP_UI_FONT_H1, name, (int)strlen(name));
    /* The buttons are added after the cards so the keyboard reaches the
     * cases first; here only their place is kept. */
    int one_row = tw + bw + 2 * u <= w, buttons_y;
    if (one_row) {
        buttons_y = pg.y + (m->line_h[SP_UI_FONT_H1] - sp_ui_ui_button_h(ui)) / 2;
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_H1, th->text, name);
    } else {
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_H1, th->text, name);
        pg.y += u;
        buttons_y = pg.y;
        pg.y += sp_ui_ui_button_h(ui) * (bw > w ? 2 : 1) + u;
    }
    pg.y += u;
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->muted,
                   _("Oefen het samenspel tussen opdrachtgever en opdrachtnemer: kies een casus, lees je rolkaart en voer het gesprek."));
    pg.y += 3 * u;
    sp_ui_chrome_notice(a, ui, &pg);
    sp_ui_chrome_skipped(a, ui, &pg);

    /* Two cards a row when each still gets a comfortable width. */
    int gap = 2 * u;
    int cols = w >= 2 * (m->measure_w * 3 / 5) + gap ? 2 : 1;
    int cw = cols == 2 ? (w - gap) / 2 : w;
    for (int i = 0; i <= SP_CASE_COUNT; i += cols) {
        card_out c[2];
        int row_h = 0;
        for (int k = 0; k < cols && i + k <= SP_CASE_COUNT; k++) {
            c[k] = build_card(a, ui, x + k * (cw + gap), pg.y, cw, i + k);
            if (c[k].h > row_h)
                row_h = c[k].h;
        }
        /* Equal heights in a row, buttons along the bottom edge. */
        for (int k = 0; k < cols && i + k <= SP_CASE_COUNT; k++) {
            ui->l->cmds[c[k].frame].r.h = row_h;
            int end_cmd = k + 1 < cols && i + k + 1 <= SP_CASE_COUNT ? c[k + 1].frame : ui->l->n_cmds;
            int dy = row_h - c[k].h;
            if (dy) {
                for (int j = c[k].btn_cmd; j < end_cmd; j++) {
                    ui->l->cmds[j].r.y += dy;
                    ui->l->cmds[j].box.y += dy;
                }
                for (int j = c[k].btn_hit; j < ui->l->n_hits; j++)
                    if (k + 1 >= cols || i + k + 1 > SP_CASE_COUNT || j < c[k + 1].btn_hit) {
                        ui->l->hits[j].r.y += dy;
                        ui->l->hits[j].vis.y += dy;
                    }
            }
        }
        pg.y += row_h + gap;
    }
    pg.y += 2 * u;
    sp_ui_ui_button_row(ui, x, buttons_y, w, one_row, 3, labels, hints, styles, actions, args);
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
}
