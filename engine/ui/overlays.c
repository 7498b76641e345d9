/* overlays.c: the modal cards over a conversation: feedback, red-flag picker and result, history, pause menu. */
#include "app.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/* The height text_button needs for label (and a note under it). */
static int text_button_h(const sp_ui_ui *ui, int w, const char *label, const char *note)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit, pad = 5 * u / 4;
    int tw = w - 2 * pad - u;
    return sp_ui_text_height(m, SP_UI_FONT_BODY, label, tw) +
           (note ? sp_ui_text_height(m, SP_UI_FONT_SMALL, note, tw) : 0) + 2 * pad;
}

/* A button with a left-aligned label that may wrap over several lines, h
 * high (0: as high as it needs). */
static int text_button(sp_ui_ui *ui, int x, int y, int w, int h, const char *label, const char *note,
                       int action, int arg, int enabled)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_ui_list *l = ui->l;
    int u = m->unit, pad = 5 * u / 4;
    int tw = w - 2 * pad - u;
    int lh = sp_ui_text_height(m, SP_UI_FONT_BODY, label, tw);
    int need = text_button_h(ui, w, label, note);
    sp_ui_rect r = sp_ui_rect_make(x, y, w, h > need ? h : need);
    int order = ui->n_focusable;
    int hovered = enabled && ui->hover == l->n_hits;
    if (enabled && ui->show_focus && ui->focus == order)
        sp_ui_rect_cmd(l, sp_ui_rect_inset(r, -3, -3), th->focus, u + 3);
    sp_ui_frame_cmd(l, r, hovered ? th->surface_hi : th->surface, hovered ? th->accent : th->border,
                     th->high_contrast || hovered ? 2 : 1, u * 3 / 4);
    sp_ui_rect box = sp_ui_rect_inset(r, pad / 2, pad / 2);
    sp_ui_text_block(l, m, SP_UI_FONT_BODY, enabled ? th->text : th->muted, label, x + pad, y + pad, tw, box);
    if (note)
        sp_ui_text_block(l, m, SP_UI_FONT_SMALL, th->muted, note, x + pad, y + pad + lh, tw, box);
    sp_ui_hit *hit = sp_ui_hit_add(l, r, action, arg, enabled);
    hit->enabled = enabled;
    if (enabled) {
        hit->order = order;
        ui->n_focusable++;
    }
    return r.h;
}

/* A full-width one-line button at the cursor. */
static void wide_button(sp_ui_ui *ui, sp_ui_page *pg, const char *label, const char *hint,
                        sp_ui_btn_style style, int action)
{
    int h = sp_ui_ui_button_h(ui);
    sp_ui_ui_button(ui, sp_ui_rect_make(pg->x, pg->y, pg->w, h), label, hint, style, action, 0, 1);
    pg->y += h + ui->m->unit;
}

/* A one-line button at the cursor, as wide as its label. */
static void button(sp_ui_ui *ui, sp_ui_page *pg, const char *label, const char *hint,
                   sp_ui_btn_style style, int action)
{
    int w = sp_ui_ui_button_w(ui, label, hint);
    if (w > pg->w)
        w = pg->w;
    sp_ui_ui_button(ui, sp_ui_rect_make(pg->x, pg->y, w, sp_ui_ui_button_h(ui)), label, hint, style,
                     action, 0, 1);
    pg->y += sp_ui_ui_button_h(ui);
}

static void badge(sp_ui_ui *ui, sp_ui_page *pg, const char *s, sp_ui_rgba c)
{
    sp_ui_ui_badge(ui, pg->x, pg->y, s, c, sp_ui_ui_on(c), sp_ui_rect_make(pg->x, pg->y, pg->w, 1 << 20));
    pg->y += ui->m->line_h[SP_UI_FONT_SMALL] + 2 * ui->m->unit;
}

/* ---- feedback after a choice ------------------------------------------------------------ */

static void feedback(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_view *v = sp_ui_app_view(a);
    const sp_feedback *f = &v->feedback;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    const sp_node *nd = &a->sc->nodes[f->node];
    int thought = nd->kind == SP_NODE_THOUGHT;
    /* The judgement against the exact value (debrief.h); without it (a case
     * past the analysis's limit) the card compares with the options on offer. */
    const sp_ui_judgement *j = a->judge.valid && a->judge.node == f->node ? &a->judge : NULL;
    int strong = j ? j->left == 0 : f->total >= f->best_total;
    if (strong)
        badge(ui, pg, _("Sterke keuze"), th->good);
    else
        badge(ui, pg, _("Er was een sterkere optie"), f->total < 0 ? th->bad : th->mixed);
    sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, thought ? _("Je dacht") : _("Je zei"));
    pg->y += u / 2;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_THOUGHT, th->text, sp_ui_list_strf(ui->l, "“%s”", f->said));
    pg->y += 2 * u;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text, f->text);
    pg->y += u;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, th->text,
                   sp_ui_list_strf(ui->l, _("Score van deze keuze: %+d"), f->total));
    if (j && j->stronger >= 0 && j->stronger < nd->n_options) {
        pg->y += u / 2;
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                       sp_ui_list_strf(ui->l, _("Sterker was: “%s” (%+d)"),
                                        sp_text_get(&nd->options[j->stronger].text, lang), j->stronger_total));
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                       sp_ui_list_strf(ui->l, ngettext("Je liet hier %d punt liggen: zoveel minder is er met deze keuze nog haalbaar.",
                                                        "Je liet hier %d punten liggen: zoveel minder is er met deze keuze nog haalbaar.",
                                                        (unsigned long)j->left), j->left));
    } else if (!j && !strong) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                       sp_ui_list_strf(ui->l, _("De sterkste optie op dit moment: %+d."), f->best_total));
    }
    if (f->ref && *f->ref)
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, f->ref);
    pg->y += 3 * u;
    button(ui, pg, _("Verder"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_CLOSE);
}

/* ---- red flags ------------------------------------------------------------------------------- */

static int marked_this_turn(sp_ui_app *a, int flag)
{
    int turn = sp_session_turn(a->s);
    for (int i = 0; i < sp_session_history_count(a->s); i++) {
        const sp_step *st = sp_session_history(a->s, i);
        if (st->kind == SP_STEP_FLAG && st->turn == turn && st->flag == flag)
            return 1;
    }
    return 0;
}

static void flags(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, _("Welke rode vlag zie je?"));
    pg->y += u;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted,
                   _("Markeer wat je nu in dit gesprek opvalt. Elke vlag kun je één keer per beurt markeren."));
    pg->y += 2 * u;
    /* Two columns when each keeps room for a short sentence; every row as
     * high as the highest (a mark's note and the flag's gloss included),
     * so nothing jumps. */
    int cols = pg->w >= 2 * ui->m->measure_w * 2 / 5 + u ? 2 : 1;
    int cw = cols == 2 ? (pg->w - u) / 2 : pg->w;
    a->flag_cols = cols;
    const char *labels[64], *glosses[64], *marked[64];
    int n = hb->n_redflags < 64 ? hb->n_redflags : 64, row_h = 0;
    for (int f = 0; f < n; f++) {
        labels[f] = sp_ui_list_strf(ui->l, "%d  %s", f + 1, sp_text_get(&hb->redflags[f].label, lang));
        const char *gloss = sp_text_get(&hb->redflags[f].gloss, lang);
        glosses[f] = *gloss ? gloss : NULL;
        marked[f] = *gloss ? sp_ui_list_strf(ui->l, "%s · %s", _("al gemarkeerd in deze beurt"), gloss)
                           : _("al gemarkeerd in deze beurt");
        int h = text_button_h(ui, cw, labels[f], marked[f]);
        if (h > row_h)
            row_h = h;
    }
    for (int i = 0; i < n; i += cols) {
        for (int k = 0; k < cols && i + k < n; k++) {
            int f = i + k;
            int done = marked_this_turn(a, f);
            text_button(ui, pg->x + k * (cw + u), pg->y, cw, row_h, labels[f], done ? marked[f] : glosses[f],
                        SP_UI_ACT_MARK, f, !done);
        }
        pg->y += row_h + u;
    }
    sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, ui->th->muted,
                   _("Toets het nummer (1–9 direct; 10–14: eerst 1, dan het tweede cijfer), of kies met de pijltjes en Enter."));
    pg->y += u;
    button(ui, pg, _("Annuleren"), "Esc", SP_UI_BTN_SECONDARY, SP_UI_ACT_CLOSE);
}

static void flag_result(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    const char *label = sp_text_get(&hb->redflags[a->flag_marked].label, lang);
    if (a->settings.feedback_end) {
        badge(ui, pg, _("Genoteerd"), th->accent);
        sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, label);
        pg->y += u;
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                       _("Of deze vlag hier speelde, zie je in de nabespreking."));
    } else {
        sp_flag_verdict v = a->flag_res.verdict;
        badge(ui, pg, sp_ui_flag_verdict_name(v), v == SP_FLAG_PRESENT ? th->good
              : v == SP_FLAG_NOT_INTENDED ? th->accent : th->mixed);
        sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, label);
        const char *gloss = sp_text_get(&hb->redflags[a->flag_marked].gloss, lang);
        if (*gloss)
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, gloss);
        pg->y += u;
        if (v != SP_FLAG_PRESENT) {
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text, v == SP_FLAG_NOT_INTENDED
                           ? _("Verdedigbaar, maar de casus legt dit signaal op een ander moment. Waar het vandaan komt:")
                           : _("In de laatste twee schermen van het gesprek zat dit signaal niet. Wat het handboek eronder verstaat:"));
            pg->y += u;
        }
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text, a->flag_res.why);
    }
    pg->y += 3 * u;
    button(ui, pg, _("Verder"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_CLOSE);
}

/* ---- history -------------------------------------------------------------------------------- */

static void hist_lines(sp_ui_ui *ui, sp_ui_page *pg, const sp_view *v)
{
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    for (int i = 0; i < v->n_lines; i++) {
        const sp_view_line *ln = &v->lines[i];
        if (ln->speaker >= 0) {
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, th->text, ln->speaker_name);
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text, ln->text);
        } else {
            sp_ui_ui_text(ui, pg, SP_UI_FONT_THOUGHT, th->muted, ln->text);
        }
        pg->y += u;
    }
}

/* The effective history is replayed into a scratch session, which gives
 * every line exactly as it was shown (conditions as they held then). */
static void history(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_scenario *sc = a->sc;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, _("Het gesprek tot nu toe"));
    pg->y += 2 * u;
    sp_session *s = sp_session_new(sc, lang);
    if (!s) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->bad, _("Te weinig geheugen om het gesprek te tonen."));
        return;
    }
    const int *start = sp_session_start_vars(a->s);
    for (int i = 0; i < sc->n_vars; i++)
        if (start[i] != sc->vars[i].init)
            sp_session_set_var(s, sc->vars[i].name, start[i]);
    int n = sp_session_history_count(a->s);
    int turn = 0;
    for (int i = 0; i < n; i++) {
        const sp_step *st = sp_session_history(a->s, i);
        const sp_view *v = sp_session_view(s);
        if (v->turn != turn) {
            turn = v->turn;
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, sp_ui_list_strf(ui->l, _("Beurt %d"), turn));
            pg->y += u / 2;
            hist_lines(ui, pg, v);
        }
        if (st->kind == SP_STEP_FLAG) {
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted,
                           sp_ui_list_strf(ui->l, _("Rode vlag gemarkeerd: %s"),
                                            sp_text_get(&sc->handbook->redflags[st->flag].label, lang)));
            pg->y += u;
            sp_session_flag(s, st->flag, NULL);
        } else if (st->kind == SP_STEP_CHOOSE) {
            const sp_option *o = &sc->nodes[st->node].options[st->option];
            int thought = sc->nodes[st->node].kind == SP_NODE_THOUGHT;
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, th->accent, thought ? _("Je dacht") : _("Jij"));
            sp_ui_ui_text(ui, pg, thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY, th->text,
                           sp_text_get(&o->text, lang));
            pg->y += 2 * u;
            sp_session_choose(s, st->option);
        }
    }
    const sp_view *v = sp_session_view(s);
    if (v->turn != turn) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, sp_ui_list_strf(ui->l, _("Beurt %d"), v->turn));
        pg->y += u / 2;
        hist_lines(ui, pg, v);
    }
    sp_session_free(s);
    pg->y += 2 * u;
    button(ui, pg, _("Sluiten"), "H", SP_UI_BTN_SECONDARY, SP_UI_ACT_CLOSE);
}

/* ---- pause ------------------------------------------------------------------------------------ */

typedef struct pause_item {
    const char *label, *hint;
    int action;
} pause_item;

/* The pause menu's buttons under "Verder spelen"; returns how many. */
static int pause_items(const sp_ui_app *a, pause_item *it)
{
    int n = 0;
    it[n++] = (pause_item){ _("Opnieuw beginnen"), NULL, SP_UI_ACT_RESTART };
    it[n++] = (pause_item){ _("Instellingen"), NULL, SP_UI_ACT_SETTINGS };
    it[n++] = (pause_item){ _("Naar het hoofdmenu"), NULL, SP_UI_ACT_TO_MENU };
    it[n++] = (pause_item){ _("Afsluiten"), NULL, SP_UI_ACT_QUIT };
    return n;
}

/* The width of a column when the pause menu has two (card width w). */
static int pause_column_w(const sp_ui_ui *ui, int w)
{
    return (w - 6 * ui->m->unit - ui->m->unit) / 2;
}

/* 1 when the pause menu's buttons, one under the other, would not fit the
 * window's height, and each label fits half of a wider card (width w): then
 * they go in two columns. */
static int pause_two_columns(const sp_ui_app *a, const sp_ui_ui *ui, sp_ui_rect view, int w)
{
    const sp_ui_metrics *m = ui->m;
    pause_item it[8];
    int n = pause_items(a, it);
    int need = (n + 1) * (sp_ui_ui_button_h(ui) + m->unit) + m->line_h[SP_UI_FONT_H2] +
               2 * m->line_h[SP_UI_FONT_BODY] + 12 * m->unit;
    if (need <= view.h - 2 * sp_ui_ui_margin(ui, view.h))
        return 0;
    int margin = sp_ui_ui_margin(ui, view.w);
    int cw = pause_column_w(ui, w < view.w - 2 * margin ? w : view.w - 2 * margin);
    /* a label may use half of a button's side padding here */
    for (int i = 0; i < n; i++)
        if (sp_ui_ui_button_w(ui, it[i].label, NULL) - 2 * m->unit > cw)
            return 0;
    return 1;
}

static void pause_menu(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, int two)
{
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, _("Gepauzeerd"));
    pg->y += u;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted,
                   a->s && sp_session_log_count(a->s) > 0
                       ? _("Je gesprek is bewaard. Je kunt het later vanuit het menu hervatten.")
                       : _("Je hebt in dit gesprek nog niets gekozen."));
    pg->y += 2 * u;
    wide_button(ui, pg, _("Verder spelen"), "Esc", SP_UI_BTN_PRIMARY, SP_UI_ACT_CLOSE);
    pause_item it[8];
    int n = pause_items(a, it);
    if (!two) {
        for (int i = 0; i < n; i++)
            wide_button(ui, pg, it[i].label, it[i].hint, SP_UI_BTN_SECONDARY, it[i].action);
        return;
    }
    int h = sp_ui_ui_button_h(ui), cw = (pg->w - u) / 2;
    for (int i = 0; i < n; i++) {
        /* the key hint goes when the label needs its room (the key still works) */
        const char *hint = sp_ui_ui_button_w(ui, it[i].label, it[i].hint) <= cw ? it[i].hint : NULL;
        sp_ui_ui_button(ui, sp_ui_rect_make(pg->x + (i % 2) * (cw + u), pg->y + (i / 2) * (h + u), cw, h),
                         it[i].label, hint, SP_UI_BTN_SECONDARY, it[i].action, 0, 1);
    }
    pg->y += (n + 1) / 2 * (h + u);
}

void sp_ui_overlays_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    if (!a->s || !a->sc)
        return;
    const sp_ui_metrics *m = ui->m;
    int u = m->unit;
    int w = m->measure_w + 6 * u;
    if (a->overlay == SP_UI_OV_FLAGS)
        w = m->measure_w * 3 / 2;
    int two = a->overlay == SP_UI_OV_PAUSE && pause_two_columns(a, ui, view, m->measure_w * 4 / 3);
    if (a->overlay == SP_UI_OV_PAUSE)
        w = two ? m->measure_w * 4 / 3 : m->measure_w * 2 / 3;
    sp_ui_page pg;
    sp_ui_ui_card_begin(ui, &pg, view, w);
    switch (a->overlay) {
    case SP_UI_OV_FEEDBACK:    feedback(a, ui, &pg); break;
    case SP_UI_OV_FLAGS:       flags(a, ui, &pg); break;
    case SP_UI_OV_FLAG_RESULT: flag_result(a, ui, &pg); break;
    case SP_UI_OV_HISTORY:     history(a, ui, &pg); break;
    case SP_UI_OV_PAUSE:       pause_menu(a, ui, &pg, two); break;
    default: break;
    }
    sp_ui_ui_card_end(ui, &pg, view, &a->scroll[1]);
    a->page_step[1] = pg.region.h;
}
