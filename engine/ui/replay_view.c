/* replay_view.c: the replay screen: one decision at a time (what was said, every option with its score, the feedback, notes) over a timeline of all decisions. */
#include "replay.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "i18n.h"

static sp_ui_rgba grade_color(const sp_ui_theme *th, sp_replay_grade g)
{
    return g == SP_GRADE_BEST ? th->good : g == SP_GRADE_MIDDLE ? th->mixed : th->bad;
}

static const char *grade_word(sp_replay_grade g)
{
    return g == SP_GRADE_BEST ? _("Beste keuze") : g == SP_GRADE_MIDDLE ? _("Redelijke keuze") : _("Zwakste keuze");
}

static sp_ui_rgba ending_color(const sp_ui_theme *th, sp_ending_kind k)
{
    return k == SP_ENDING_GOOD ? th->good : k == SP_ENDING_MIXED ? th->mixed : th->bad;
}

/* ---- the timeline and the controls (bottom bar) ------------------------------------ */

static int cell_size(const sp_ui_ui *ui, int n, int w)
{
    int c = ui->m->line_h[SP_UI_FONT_BOLD] * 3 / 2;
    int fit = w / (n + 3);
    return c < fit ? c : fit < 12 ? 12 : fit;
}

static int bottom_h(const sp_ui_ui *ui, int n, int w)
{
    int u = ui->m->unit;
    return 2 * u + cell_size(ui, n, w) + 2 * u + sp_ui_ui_button_h(ui) + 2 * u;
}

/* One mark per decision, coloured by how the choice scored against the
 * best on offer; a circle for a thought moment; the current one ringed. */
static void timeline(sp_ui_app *a, sp_ui_ui *ui, int x, int y, int w)
{
    const sp_ui_replay *rp = a->replay;
    const sp_replay *r = rp->r;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_ui_list *l = ui->l;
    int u = m->unit, n = r->n_decisions;
    int c = cell_size(ui, n, w), gap = c / 3;
    const char *end_label = r->finished ? _("Einde") : "…";
    int end_w = m->measure(m->ctx, SP_UI_FONT_SMALL, end_label, (int)strlen(end_label)) + 2 * u;
    if (end_w < c)
        end_w = c;
    int total = n * (c + gap) + end_w;
    int x0 = x;
    /* the line the marks sit on */
    sp_ui_rect_cmd(l, sp_ui_rect_make(x0 + c / 2, y + c / 2 - 1, total - c / 2, 3), th->border, 1);
    for (int i = 0; i <= n; i++) {
        const sp_replay_step *s = &r->steps[i];
        int cx = x0 + i * (c + gap);
        int wd = i < n ? c : end_w;
        sp_ui_rect cell = sp_ui_rect_make(cx, y, wd, c);
        if (i == rp->step)
            sp_ui_rect_cmd(l, sp_ui_rect_inset(cell, -4, -4), th->text, i < n && s->kind == SP_VIEW_THOUGHT ? c : u);
        sp_ui_rgba fill;
        if (i < n) {
            fill = grade_color(th, s->grade);
            if (i == rp->step)
                sp_ui_rect_cmd(l, sp_ui_rect_inset(cell, -2, -2), th->bar, s->kind == SP_VIEW_THOUGHT ? c : u);
            if (s->kind == SP_VIEW_THOUGHT)
                sp_ui_circle_cmd(l, cell, fill);
            else
                sp_ui_rect_cmd(l, cell, fill, u / 2);
            const char *num = sp_ui_list_strf(l, "%d", s->turn);
            int nw = m->measure(m->ctx, SP_UI_FONT_SMALL, num, (int)strlen(num));
            sp_ui_text_cmd(l, m, SP_UI_FONT_SMALL, sp_ui_ui_on(fill), cx + (c - nw) / 2,
                            y + (c - m->line_h[SP_UI_FONT_SMALL]) / 2, num, -1, cell);
        } else {
            fill = r->finished ? ending_color(th, r->sc->nodes[s->node].ending_kind) : th->muted;
            if (i == rp->step)
                sp_ui_rect_cmd(l, sp_ui_rect_inset(cell, -2, -2), th->bar, u);
            sp_ui_frame_cmd(l, cell, th->surface, fill, 3, u);
            int lw = m->measure(m->ctx, SP_UI_FONT_SMALL, end_label, (int)strlen(end_label));
            sp_ui_text_cmd(l, m, SP_UI_FONT_SMALL, th->text, cx + (wd - lw) / 2,
                            y + (c - m->line_h[SP_UI_FONT_SMALL]) / 2, end_label, -1, cell);
        }
        /* a step with a note gets a dot in its corner */
        for (int k = 0; k < rp->t->n_notes; k++) {
            int at = sp_replay_note_step(r, &rp->t->notes[k]);
            if (at != i && !(at < 0 && i == n))
                continue;
            int dd = c / 3 > 6 ? c / 3 : 6;
            sp_ui_cmd *dot = sp_ui_frame_cmd(l, sp_ui_rect_make(cx + wd - dd / 2, y - dd / 2, dd, dd), th->accent,
                                               th->surface, 1, dd / 2);
            dot->tag = SP_UI_TAG_NOTE;
            dot->arg = i;
            break;
        }
        sp_ui_hit_add(l, cell, SP_UI_ACT_REPLAY_STEP, i, 0);
    }
}

static void bottom_bar(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view, int h)
{
    const sp_ui_replay *rp = a->replay;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int x, w;
    sp_ui_chrome_column(ui, view, view.w, &x, &w);
    int top = view.y + view.h - h;
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(view.x, top, view.w, h), th->bar, 0);
    sp_ui_rect_cmd(ui->l, sp_ui_rect_make(view.x, top, view.w, 1), th->border, 0);
    timeline(a, ui, x, top + 2 * u, w);
    int by = top + 2 * u + cell_size(ui, rp->r->n_decisions, w) + 2 * u;
    const char *labels[4] = { _("Vorige"), rp->playing ? _("Pauzeren") : _("Afspelen"),
                              sp_ui_list_strf(ui->l, _("Tempo %s"), sp_ui_replay_speed_label[rp->speed]),
                              _("Volgende") };
    const char *hints[4] = { "←", _("Spatie"), "S", "→" };
    sp_ui_btn_style styles[4] = { SP_UI_BTN_SECONDARY, SP_UI_BTN_PRIMARY, SP_UI_BTN_SECONDARY,
                                   SP_UI_BTN_SECONDARY };
    int actions[4] = { SP_UI_ACT_REPLAY_PREV, SP_UI_ACT_REPLAY_AUTO, SP_UI_ACT_REPLAY_SPEED,
                       SP_UI_ACT_REPLAY_NEXT };
    int args[4] = { 0 };
    sp_ui_ui_button_row(ui, x, by, w, 0, 4, labels, hints, styles, actions, args);
    /* the legend at the right, when there is room beside the buttons */
    int bw = 3 * u;
    for (int i = 0; i < 4; i++)
        bw += sp_ui_ui_button_w(ui, labels[i], hints[i]) + u;
    const sp_replay_grade gs[3] = { SP_GRADE_BEST, SP_GRADE_MIDDLE, SP_GRADE_WORST };
    int lx = x + w, line = m->line_h[SP_UI_FONT_SMALL];
    int ly = by + (sp_ui_ui_button_h(ui) - line) / 2;
    for (int k = 2; k >= 0; k--) {
        const char *s = grade_word(gs[k]);
        int tw = m->measure(m->ctx, SP_UI_FONT_SMALL, s, (int)strlen(s));
        lx -= tw + 2 * u + u;
        if (lx < x + bw)
            break;
        sp_ui_rect_cmd(ui->l, sp_ui_rect_make(lx, ly + line / 4, u * 3 / 2, line / 2), grade_color(th, gs[k]), 2);
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->muted, lx + 2 * u, ly, s, -1,
                        sp_ui_rect_make(lx + 2 * u, ly, tw, line));
        lx -= u;
    }
}

/* ---- the step ------------------------------------------------------------------------- */

static void lines(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_replay_step *s)
{
    const sp_scenario *sc = a->replay->r->sc;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit, d = m->portrait * 3 / 4;
    int tx = pg->x + d + 2 * u, tw = pg->w - d - 2 * u;
    for (int k = 0; k < s->n_lines; k++) {
        const sp_view_line *ln = &s->lines[k];
        if (ln->speaker < 0) {
            int h = sp_ui_text_height(m, SP_UI_FONT_THOUGHT, ln->text, tw);
            sp_ui_text_block(ui->l, m, SP_UI_FONT_THOUGHT, th->muted, ln->text, tx, pg->y, tw,
                              sp_ui_rect_make(tx, pg->y, tw, h));
            pg->y += h + 2 * u;
            continue;
        }
        const sp_person *p = &sc->cast[ln->speaker];
        int continued = k > 0 && s->lines[k - 1].speaker == ln->speaker && s->lines[k - 1].mood == ln->mood;
        int y = pg->y;
        if (!continued) {
            sp_ui_ui_person(ui, pg->x, y, d, p, ln->mood);
            int hh = sp_ui_text_height(m, SP_UI_FONT_BOLD, ln->speaker_name, tw);
            sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, th->text, ln->speaker_name, tx, y, tw,
                              sp_ui_rect_make(tx, y, tw, hh));
            y += hh + u / 4;
        } else {
            y -= u;
        }
        int h = sp_ui_text_height(m, SP_UI_FONT_BODY, ln->text, tw);
        sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, th->text, ln->text, tx, y, tw, sp_ui_rect_make(tx, y, tw, h));
        y += h;
        pg->y = (continued || y - pg->y > d ? y : pg->y + d) + 2 * u;
    }
}

/* One option as it was on offer: its score, its text, what it applies. */
static void option_card(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_replay_step *s, int k)
{
    const sp_replay *r = a->replay->r;
    const sp_handbook *hb = r->sc->handbook;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit, pad = 3 * u / 2;
    const sp_option *o = &r->sc->nodes[s->node].options[s->offered[k]];
    int total = sp_option_total(o), taken = s->offered[k] == s->chosen;
    int thought = s->kind == SP_VIEW_THOUGHT;

    char info[1024] = "";
    size_t used = 0;
    for (int i = 0; i < o->n_interventions && used < sizeof info; i++)
        used += (size_t)snprintf(info + used, sizeof info - used, i ? ", %s" : _("Zet in: %s"),
                                 sp_text_get(&hb->interventions[o->interventions[i]].label, lang));
    if (o->thought >= 0 && used < sizeof info)
        used += (size_t)snprintf(info + used, sizeof info - used, "%s%s", used ? " · " : "",
                                 o->side == SP_SIDE_HINDERING ? _("Belemmerende gedachte") : _("Helpende gedachte"));
    if (s->n_votes == s->n_offered && used < sizeof info)
        used += (size_t)snprintf(info + used, sizeof info - used, "%s", used ? " · " : "");
    if (s->n_votes == s->n_offered && used < sizeof info)
        snprintf(info + used, sizeof info - used,
                 ngettext("%d stem", "%d stemmen", (unsigned long)s->votes[k]), s->votes[k]);

    const char *score = sp_ui_list_strf(ui->l, "%+d", total);
    int sw = m->measure(m->ctx, SP_UI_FONT_SMALL, "+00", 3) + 2 * u;
    int tx = pg->x + pad + sw + 3 * u / 2, tw = pg->x + pg->w - pad - tx;
    int font = thought ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY;
    const char *mine = taken ? _("Jouw keuze") : NULL;
    /* Why another option scores as it does; the choice's own feedback
     * follows the options in a card of its own. */
    const char *why = taken ? "" : sp_session_text_at(r->s, (int)(s - r->steps), &o->feedback, lang);
    int h = pad;
    int mh = mine ? m->line_h[SP_UI_FONT_SMALL] + u / 2 : 0;
    int th_ = sp_ui_text_height(m, font, sp_text_get(&o->text, lang), tw);
    int ih = *info ? u / 2 + sp_ui_text_height(m, SP_UI_FONT_SMALL, info, tw) : 0;
    int wh = *why ? u / 2 + sp_ui_text_height(m, SP_UI_FONT_SMALL, why, tw) : 0;
    h += mh + th_ + ih + wh + pad;
    sp_ui_rect rect = sp_ui_rect_make(pg->x, pg->y, pg->w, h);
    sp_ui_frame_cmd(ui->l, rect, taken ? th->surface_hi : th->surface, taken ? th->accent : th->border,
                     taken ? 3 : th->high_contrast ? 2 : 1, u);
    sp_ui_rgba sc = total >= s->best_total ? th->good : total <= s->worst_total ? th->bad : th->mixed;
    sp_ui_rect badge_box = sp_ui_rect_make(pg->x + pad, pg->y + pad, sw, m->line_h[SP_UI_FONT_SMALL] + u);
    sp_ui_ui_badge(ui, pg->x + pad, pg->y + pad + mh, score, sc, sp_ui_ui_on(sc), badge_box);
    int y = pg->y + pad;
    if (mine) {
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->accent, tx, y, mine, -1,
                        sp_ui_rect_make(tx, y, tw, m->line_h[SP_UI_FONT_SMALL]));
        y += mh;
    }
    sp_ui_text_block(ui->l, m, font, th->text, sp_text_get(&o->text, lang), tx, y, tw, sp_ui_rect_make(tx, y, tw, th_));
    y += th_;
    if (*info)
        sp_ui_text_block(ui->l, m, SP_UI_FONT_SMALL, th->muted, info, tx, y + u / 2, tw,
                          sp_ui_rect_make(tx, y + u / 2, tw, ih));
    y += ih;
    if (*why)
        sp_ui_text_block(ui->l, m, SP_UI_FONT_SMALL, th->text, why, tx, y + u / 2, tw,
                          sp_ui_rect_make(tx, y + u / 2, tw, wh));
    pg->y += h + u;
}

/* A tinted card with a bold label over a text. */
static void note_card(sp_ui_ui *ui, sp_ui_page *pg, const char *label, const char *text, sp_ui_rgba fill,
                      sp_ui_rgba border)
{
    const sp_ui_metrics *m = ui->m;
    int u = m->unit, pad = 3 * u / 2;
    int tw = pg->w - 2 * pad;
    int lh = sp_ui_text_height(m, SP_UI_FONT_BOLD, label, tw);
    int bh = sp_ui_text_height(m, SP_UI_FONT_BODY, text, tw);
    sp_ui_rect r = sp_ui_rect_make(pg->x, pg->y, pg->w, pad + lh + u / 4 + bh + pad);
    sp_ui_frame_cmd(ui->l, r, fill, border, ui->th->high_contrast ? 2 : 1, u);
    sp_ui_rect box = sp_ui_rect_inset(r, pad / 2, pad / 2);
    sp_ui_text_block(ui->l, m, SP_UI_FONT_BOLD, ui->th->text, label, pg->x + pad, pg->y + pad, tw, box);
    sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, ui->th->text, text, pg->x + pad, pg->y + pad + lh + u / 4, tw, box);
    pg->y += r.h + u;
}

static void flags_and_notes(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, int i)
{
    const sp_ui_replay *rp = a->replay;
    const sp_replay *r = rp->r;
    const sp_replay_step *s = &r->steps[i];
    const sp_handbook *hb = r->sc->handbook;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    for (int k = 0; k < s->n_present; k++) {
        int marked = 0;
        for (int j = 0; j < s->n_marked; j++)
            marked |= s->marked[j] == s->present[k] && s->marked_verdict[j] == SP_FLAG_PRESENT;
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, marked ? th->good : th->muted,
                       sp_ui_list_strf(ui->l, marked ? _("Rode vlag hier: %s (herkend)") : _("Rode vlag hier: %s"),
                                        sp_text_get(&hb->redflags[s->present[k]].label, lang)));
        pg->y += u / 2;
    }
    for (int j = 0; j < s->n_marked; j++)
        if (s->marked_verdict[j] != SP_FLAG_PRESENT) {
            sp_flag_verdict v = (sp_flag_verdict)s->marked_verdict[j];
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, v == SP_FLAG_NOT_INTENDED ? th->muted : th->bad,
                           sp_ui_list_strf(ui->l, "%s: %s", sp_ui_flag_verdict_name(v),
                                            sp_text_get(&hb->redflags[s->marked[j]].label, lang)));
            pg->y += u / 2;
        }
    if (s->override) {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, _("De trainer koos hier anders dan de meerderheid van de groep."));
        pg->y += u / 2;
    }
    pg->y += u;
    for (int k = 0; k < rp->t->n_notes; k++) {
        int at = sp_replay_note_step(r, &rp->t->notes[k]);
        if (at == i || (at < 0 && i == r->n_decisions))
            note_card(ui, pg, at < 0 ? _("Notitie bij het hele gesprek") : _("Notitie"), rp->t->notes[k].text,
                      th->thought, th->border);
    }
}

static void editor(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit, pad = 3 * u / 2;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, th->text, _("Notitie bij deze stap"));
    pg->y += u / 2;
    const char *text = sp_ui_list_strf(ui->l, "%s|", a->replay->note);
    int tw = pg->w - 2 * pad;
    int h = sp_ui_text_height(m, SP_UI_FONT_BODY, text, tw);
    if (h < 2 * m->line_h[SP_UI_FONT_BODY])
        h = 2 * m->line_h[SP_UI_FONT_BODY];
    sp_ui_rect r = sp_ui_rect_make(pg->x, pg->y, pg->w, h + 2 * pad);
    sp_ui_frame_cmd(ui->l, r, th->surface, th->accent, 2, u / 2);
    sp_ui_text_block(ui->l, m, SP_UI_FONT_BODY, th->text, text, pg->x + pad, pg->y + pad, tw, sp_ui_rect_inset(r, pad / 2, pad / 2));
    pg->y += r.h + u / 2;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->muted, _("Typ je notitie. Enter: bewaren in het verslag. Esc: niet bewaren."));
    pg->y += u;
}

static void step_buttons(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, int can_branch)
{
    const sp_ui_replay *rp = a->replay;
    const char *labels[2];
    const char *hints[2];
    sp_ui_btn_style styles[2] = { SP_UI_BTN_SECONDARY, SP_UI_BTN_SECONDARY };
    int actions[2], args[2] = { 0, 0 }, n = 0;
    if (rp->editing) {
        labels[n] = _("Notitie bewaren");
        hints[n] = "Enter";
        styles[n] = SP_UI_BTN_PRIMARY;
        actions[n++] = SP_UI_ACT_REPLAY_NOTE_SAVE;
    } else {
        labels[n] = _("Notitie toevoegen");
        hints[n] = "N";
        actions[n++] = SP_UI_ACT_REPLAY_NOTE;
    }
    if (can_branch) {
        labels[n] = _("Vanaf hier verder spelen");
        hints[n] = "B";
        actions[n++] = SP_UI_ACT_REPLAY_BRANCH;
    } else {
        /* the end of a finished play: its debrief */
        labels[n] = _("Nabespreking");
        hints[n] = "D";
        styles[n] = SP_UI_BTN_PRIMARY;
        actions[n] = SP_UI_ACT_REPLAY_DEBRIEF;
        args[n++] = -1;
    }
    pg->y += sp_ui_ui_button_row(ui, pg->x, pg->y, pg->w, 0, n, labels, hints, styles, actions, args);
}

static void decision(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, int i)
{
    const sp_replay *r = a->replay->r;
    const sp_replay_step *s = &r->steps[i];
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;
    int thought = s->kind == SP_VIEW_THOUGHT;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H1, th->text,
                   sp_ui_list_strf(ui->l, _("Beurt %d van %d"), s->turn, r->n_decisions));
    pg->y += u / 2;
    sp_ui_rgba gc = grade_color(th, s->grade);
    sp_ui_rect box = sp_ui_rect_make(pg->x, pg->y, pg->w, 1 << 20);
    int bx = pg->x + sp_ui_ui_badge(ui, pg->x, pg->y, grade_word(s->grade), gc, sp_ui_ui_on(gc), box) + u;
    const char *what = sp_ui_list_strf(ui->l, _("%s · %d van de %d haalbare punten"),
                                        thought ? _("Gedachte") : _("Beslissing"), s->total, s->best_total);
    sp_ui_text_cmd(ui->l, m, SP_UI_FONT_SMALL, th->muted, bx, pg->y + u / 4, what, -1,
                    sp_ui_rect_make(bx, pg->y, pg->x + pg->w - bx, m->line_h[SP_UI_FONT_SMALL] + u));
    pg->y += m->line_h[SP_UI_FONT_SMALL] + 3 * u;
    lines(a, ui, pg, s);
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text,
                   *s->prompt ? s->prompt : thought ? _("Wat denk je?") : _("Wat zeg je?"));
    pg->y += 3 * u / 2;
    for (int k = 0; k < s->n_offered; k++)
        option_card(a, ui, pg, s, k);
    const sp_option *o = &r->sc->nodes[s->node].options[s->chosen];
    const char *fb = sp_session_text_at(r->s, (int)(s - r->steps), &o->feedback, lang);
    if (*fb) {
        pg->y += u;
        note_card(ui, pg, *sp_text_get(&o->ref_label, lang) ? sp_ui_list_strf(ui->l, _("Feedback (%s)"), sp_text_get(&o->ref_label, lang)) : _("Feedback"), fb,
                  th->surface, gc);
    }
    flags_and_notes(a, ui, pg, i);
}

static void ending(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg)
{
    const sp_replay *r = a->replay->r;
    const sp_replay_step *s = &r->steps[r->n_decisions];
    const sp_node *nd = &r->sc->nodes[s->node];
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = ui->m->unit;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H1, th->text, r->finished ? _("Einde van het gesprek")
                   : sp_ui_list_strf(ui->l, _("Gestopt bij beurt %d"), s->turn));
    pg->y += 2 * u;
    lines(a, ui, pg, s);
    if (r->finished) {
        sp_ui_rgba kc = ending_color(th, nd->ending_kind);
        note_card(ui, pg, sp_text_get(&nd->ending_title, lang), sp_session_text(r->s, &nd->evaluation, lang), th->surface, kc);
    } else {
        sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, th->text, *s->prompt ? s->prompt : _("Wat zeg je?"));
        pg->y += u;
        for (int k = 0; k < s->n_offered; k++) {
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->text,
                           sp_ui_list_strf(ui->l, "%d. %s", k + 1, sp_text_get(&nd->options[s->offered[k]].text, lang)));
            pg->y += u / 2;
        }
    }
    pg->y += u;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, th->muted,
                   sp_ui_list_strf(ui->l, _("Je haalde %d van de %d punten die op jouw pad haalbaar waren."),
                                    r->total, r->best_total));
    pg->y += 2 * u;
    flags_and_notes(a, ui, pg, r->n_decisions);
}

void sp_ui_replay_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    sp_ui_replay *rp = a->replay;
    if (!rp || !rp->r)
        return;
    const sp_replay *r = rp->r;
    const sp_ui_metrics *m = ui->m;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;

    const char *labels[3] = { _("Vergelijken"), _("Exporteren"), _("Terug") };
    const char *hints[3] = { "V", "E", "Esc" };
    int actions[3] = { SP_UI_ACT_REPLAY_PICK, SP_UI_ACT_EXPORT, SP_UI_ACT_REPLAY_BACK };
    char when[64] = "";
    time_t tt = (time_t)rp->t->started;
    struct tm tm;
    if (rp->t->started > 0 && localtime_r(&tt, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    const char *title = sp_ui_list_strf(ui->l, "%s: %s", _("Terugkijken"), sp_text_get(&r->sc->title, lang));
    const char *sub = rp->t->parent ? sp_ui_list_strf(ui->l, _("Gespeeld %s · aftakking van een eerder gesprek"), when)
                                    : sp_ui_list_strf(ui->l, _("Gespeeld %s"), when);
    int top = sp_ui_chrome_topbar_h(ui, view, title, sub, 3, labels, hints);
    int x, w;
    sp_ui_chrome_column(ui, view, view.w, &x, &w);
    int bottom = bottom_h(ui, r->n_decisions, w);

    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, bottom, m->measure_w + m->portrait + 2 * u, 3 * u, &pg);
    if (rp->step < r->n_decisions)
        decision(a, ui, &pg, rp->step);
    else
        ending(a, ui, &pg);
    if (rp->editing)
        editor(a, ui, &pg);
    step_buttons(a, ui, &pg, !(rp->step == r->n_decisions && r->finished));
    pg.y += 4 * u;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);

    bottom_bar(a, ui, view, bottom);
    a->bottom_bar = bottom;
    sp_ui_chrome_topbar(ui, view, title, sub, 3, labels, hints, actions);
}
