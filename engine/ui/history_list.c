/* history_list.c: the list of past plays (date, case, ending, score), to replay one or to pick one to compare with. */
#include "replay.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

/* A card that is one big button: its contents are laid out by the caller
 * between row_begin and row_end. */
typedef struct row {
    int frame, focus_cmd, order, y0;
    int hovered, focused;
} row;

static row row_begin(sp_ui_ui *ui, sp_ui_page *pg, int enabled)
{
    row r = { 0 };
    r.y0 = pg->y;
    r.order = enabled ? ui->n_focusable : -1;
    r.hovered = enabled && ui->hover == ui->l->n_hits;
    r.focused = enabled && ui->show_focus && ui->focus == r.order;
    r.focus_cmd = ui->l->n_cmds;
    /* the focus ring, sized at row_end (a transparent rect when unfocused) */
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, 0),
                    r.focused ? ui->th->focus : (sp_ui_rgba){ 0, 0, 0, 0 }, ui->m->unit + 3);
    r.frame = ui->l->n_cmds;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, 0),
                     r.hovered ? ui->th->surface_hi : ui->th->surface,
                     r.hovered ? ui->th->accent : ui->th->border,
                     ui->th->high_contrast || r.hovered ? 2 : 1, ui->m->unit);
    return r;
}

static void row_end(sp_ui_ui *ui, sp_ui_page *pg, row *r, int h, int action, int arg)
{
    sp_ui_rect rect = sp_ui_rect_make(pg->x, r->y0, pg->w, h);
    ui->l->cmds[r->frame].r = rect;
    ui->l->cmds[r->focus_cmd].r = sp_ui_rect_inset(rect, -3, -3);
    if (r->order >= 0) {
        sp_ui_hit *hit = sp_ui_hit_add(ui->l, rect, action, arg, 1);
        hit->order = r->order;
        ui->n_focusable++;
    }
    pg->y = r->y0 + h + ui->m->unit;
}

static void entry_row(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_replay_entry *e, int i)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit, pad = 2 * u;
    row r = row_begin(ui, pg, e->ok);
    sp_ui_page in = { .x = pg->x + pad, .w = pg->w - 2 * pad, .y = pg->y + pad };
    char when[64] = "";
    time_t tt = (time_t)e->started;
    struct tm tm;
    if (e->started > 0 && localtime_r(&tt, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    const char *title = e->sc ? sp_text_get(&e->sc->title, lang) : e->scenario_id ? e->scenario_id : "";
    const char *head = *title ? sp_ui_list_strf(ui->l, "%s · %s", title, when) : when;
    sp_ui_ui_text(ui, &in, SP_UI_FONT_BOLD, e->ok ? th->text : th->muted, head);
    in.y += u / 2;
    if (!e->ok) {
        sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted,
                       sp_ui_list_strf(ui->l, _("Kan niet worden geopend: %s"), e->error ? e->error : "?"));
    } else {
        int x = in.x;
        sp_ui_rect box = sp_ui_rect_make(in.x, in.y, in.w, 1 << 20);
        if (e->finished) {
            const sp_node *nd = &e->sc->nodes[e->ending_node];
            sp_ui_rgba kc = sp_ui_chrome_ending_color(th, nd->ending_kind);
            x += sp_ui_ui_badge(ui, x, in.y, sp_ui_chrome_ending_word(nd->ending_kind), kc, sp_ui_ui_on(kc), box) + u;
        } else {
            x += sp_ui_ui_badge(ui, x, in.y, sp_ui_list_strf(ui->l, _("Gestopt bij beurt %d"), e->n_turns + 1),
                                 th->bar, th->text, box) + u;
        }
        const sp_ui_play_info *info = a->replay && a->replay->info ? &a->replay->info[i] : NULL;
        if (info && info->group)
            x += sp_ui_ui_badge(ui, x, in.y, _("Groep"), th->accent, th->on_accent, box) + u;
        if (e->branch)
            x += sp_ui_ui_badge(ui, x, in.y, _("Aftakking"), th->thought, th->text, box) + u;
        /* the debrief's own figures, as the menu and the debrief show them */
        int total = info ? info->total : e->total;
        const char *score = info && info->total_max >= 0
            ? sp_ui_list_strf(ui->l, ngettext("Score %d van max %d · %d keuze", "Score %d van max %d · %d keuzes",
                                               (unsigned long)e->n_turns), total, info->total_max, e->n_turns)
            : sp_ui_list_strf(ui->l, ngettext("Score %d · %d keuze", "Score %d · %d keuzes", (unsigned long)e->n_turns),
                               total, e->n_turns);
        int sw = in.x + in.w - x;
        if (sw > 0)
            sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->muted, x, in.y + u / 4, score, -1,
                            sp_ui_rect_make(x, in.y, sw, m->line_h[SP_UI_FONT_SMALL] + u));
        if (e->branch && info && info->branch_turn > 0) {
            in.y += m->line_h[SP_UI_FONT_SMALL] + u;
            char pwhen[64] = "?";
            time_t pt = (time_t)info->parent_started;
            struct tm ptm;
            if (info->parent_started > 0 && localtime_r(&pt, &ptm))
                strftime(pwhen, sizeof pwhen, "%Y-%m-%d %H:%M", &ptm);
            sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted,
                           sp_ui_list_strf(ui->l, _("Aftakking van het gesprek van %s, vanaf beurt %d"), pwhen,
                                            info->branch_turn));
            in.y -= m->line_h[SP_UI_FONT_SMALL] + u / 2;
        }
        in.y += m->line_h[SP_UI_FONT_SMALL] + u / 2;
        if (e->finished) {
            in.y += u / 2;
            sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->text,
                           sp_text_get(&e->sc->nodes[e->ending_node].ending_title, lang));
        }
    }
    /* A finished play's debrief, straight from the list: a button of its
     * own, on top of the row (added after it, so the mouse finds it). */
    int db_y = -1;
    const char *db_label = _("Nabespreking"), *del_label = _("Verwijderen");
    if (!(a->replay && a->replay->picking)) {
        in.y += u;
        db_y = in.y;
        in.y += sp_ui_ui_button_h(ui);
    }
    row_end(ui, pg, &r, in.y + pad - r.y0, SP_UI_ACT_REPLAY_OPEN, i);
    if (db_y >= 0) {
        int bh = sp_ui_ui_button_h(ui);
        if (e->ok && e->finished) {
            int bw = sp_ui_ui_button_w(ui, db_label, NULL);
            sp_ui_ui_button(ui, sp_ui_rect_make(in.x, db_y, bw < in.w / 2 ? bw : in.w / 2, bh), db_label, NULL,
                             SP_UI_BTN_SECONDARY, SP_UI_ACT_REPLAY_DEBRIEF, i, 1);
        }
        /* an accidental play can go: into the trash folder, undoable */
        int dw = sp_ui_ui_button_w(ui, del_label, NULL);
        if (dw > in.w / 2)
            dw = in.w / 2;
        sp_ui_ui_button(ui, sp_ui_rect_make(in.x + in.w - dw, db_y, dw, bh), del_label, NULL, SP_UI_BTN_QUIET,
                         SP_UI_ACT_PLAY_DELETE, i, 1);
    }
}

void sp_ui_history_list_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    sp_ui_replay *rp = a->replay;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int picking = rp && rp->picking && rp->r;
    const char *labels[1] = { picking ? _("Terug") : _("Naar het menu") };
    const char *hints[1] = { "Esc" };
    int actions[1] = { SP_UI_ACT_REPLAY_BACK };
    const char *title = picking ? _("Vergelijken met…") : _("Eerdere gesprekken");
    const char *sub = picking ? _("Kies een ander gesprek over dezelfde casus, of de expertroute")
                              : _("Kies een gesprek om terug te kijken");
    int top = sp_ui_chrome_topbar_h(ui, view, title, sub, 1, labels, hints);
    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, 0, m->measure_w * 6 / 5, 3 * u, &pg);
    sp_ui_chrome_skipped(a, ui, &pg);

    if (picking) {
        row r = row_begin(ui, &pg, 1);
        sp_ui_page in = { .x = pg.x + 2 * u, .w = pg.w - 4 * u, .y = pg.y + 2 * u };
        sp_ui_ui_text(ui, &in, SP_UI_FONT_BOLD, th->text, _("De expertroute"));
        in.y += u / 2;
        sp_ui_ui_text(ui, &in, SP_UI_FONT_SMALL, th->muted,
                       _("De weg door deze casus met de hoogste score: bij elke beslissing de sterkste keuze. Toets X."));
        row_end(ui, &pg, &r, in.y + 2 * u - r.y0, SP_UI_ACT_COMPARE_WITH, -1);
        pg.y += u;
    }
    int shown = 0;
    for (int i = 0; rp && i < rp->n; i++) {
        const sp_replay_entry *e = &rp->e[i];
        /* Comparing: only other plays of the same case. */
        if (picking && (!e->ok || e->sc != rp->r->sc || strcmp(e->path, rp->path) == 0))
            continue;
        entry_row(a, ui, &pg, e, i);
        shown++;
    }
    if (!shown)
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->muted,
                       picking ? _("Er is nog geen ander gesprek over deze casus bewaard.")
                               : _("Er zijn nog geen gesprekken bewaard. Speel een casus; daarna kun je het gesprek hier terugkijken."));
    pg.y += 3 * u;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
    /* The bar last: the keyboard reaches the plays first. */
    sp_ui_chrome_topbar(ui, view, title, sub, 1, labels, hints, actions);
}
