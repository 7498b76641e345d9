/* group_view.c: what the wall shows in group play: the conversation and the question for the room, the vote, the decision and its feedback, the red-flag round, the group debrief. */
#include "group_phones.h"
#include "group.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/*
 * Everything here is read from the back of a room: the type comes from
 * sp_gui_group_sizes(), the column is wide, and each phase shows one thing.
 * With a presenter window open the wall holds no controls at all; without
 * one, the facilitator drives from this window, so the buttons are here
 * too (the keys work either way).
 */

static sp_gui_group *grp(sp_gui_app *a)
{
    return a->group;
}

/* ---- pieces ------------------------------------------------------------------------ */

/* "Wie stemt op A of B?", "... A, B of C?": the letters on offer. */
static const char *who_votes(sp_gui_list *l, int n)
{
    char letters[128] = "";
    size_t len = 0;
    for (int k = 0; k < n && len + 16 < sizeof letters; k++)
        len += (size_t)snprintf(letters + len, sizeof letters - len, "%s%c",
                                k == 0 ? "" : k == n - 1 ? _(" of ") : ", ", sp_gui_group_letter(k));
    return sp_gui_list_strf(l, _("Wie stemt op %s? Steek je hand op."), letters);
}

/* The top bar: the case and the turn on the left, the countdown on the right. */
static int topbar(sp_gui_app *a, sp_gui_ui *ui, sp_gui_rect view, const char *title, const char *sub)
{
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    int u = m->unit;
    int margin = sp_gui_ui_margin(ui, view.w);
    int x = view.x + margin, w = view.w - 2 * margin;
    int pad = u;
    int left = sp_gui_group_timer_left(a);
    char clock[32] = "";
    int cw = 0;
    if (left >= 0) {
        if (left > 0)
            snprintf(clock, sizeof clock, "%d:%02d", left / 60, left % 60);
        else
            snprintf(clock, sizeof clock, "%s", _("Tijd!"));
        cw = m->measure(m->ctx, SP_GUI_FONT_H1, clock, (int)strlen(clock)) + 2 * u;
        if (cw > w / 2)
            cw = w / 2;
    }
    int tw = w - (cw ? cw + 2 * u : 0);
    int th_ = sp_gui_text_height(m, SP_GUI_FONT_BOLD, title, tw) +
              (sub && *sub ? sp_gui_text_height(m, SP_GUI_FONT_SMALL, sub, tw) : 0);
    int ch = cw ? m->line_h[SP_GUI_FONT_H1] + u / 2 : 0;
    int h = (th_ > ch ? th_ : ch) + 2 * pad;
    sp_gui_rect_cmd(ui->l, sp_gui_rect_make(view.x, view.y, view.w, h), th->bar, 0);
    sp_gui_rect box = sp_gui_rect_make(x, view.y + pad, tw, th_);
    int y = view.y + pad + (h - 2 * pad - th_) / 2;
    box.y = y;
    y += sp_gui_text_block(ui->l, m, SP_GUI_FONT_BOLD, th->text, title, x, y, tw, box);
    if (sub && *sub)
        sp_gui_text_block(ui->l, m, SP_GUI_FONT_SMALL, th->muted, sub, x, y, tw, box);
    if (cw) {
        sp_gui_rect r = sp_gui_rect_make(x + w - cw, view.y + (h - ch) / 2, cw, ch);
        sp_gui_rgba fill = left > 0 ? th->surface : th->bad;
        sp_gui_frame_cmd(ui->l, r, fill, left > 0 ? th->accent : th->bad, th->high_contrast ? 3 : 2, u);
        int lw = m->measure(m->ctx, SP_GUI_FONT_H1, clock, (int)strlen(clock));
        if (lw > cw - 2 * u)
            lw = cw - 2 * u;
        sp_gui_text_cmd(ui->l, m, SP_GUI_FONT_H1, left > 0 ? th->text : sp_gui_ui_on(th->bad),
                        r.x + (cw - lw) / 2, r.y + u / 4, clock, -1, r);
    }
    sp_gui_rect_cmd(ui->l, sp_gui_rect_make(view.x, view.y + h - 2, view.w, 2), th->border, 0);
    return h;
}

/* A letter in a square: the option's name for the room. */
static void letter_badge(sp_gui_ui *ui, int x, int y, int size, int k, sp_gui_rgba fill)
{
    const sp_gui_metrics *m = ui->m;
    sp_gui_rect r = sp_gui_rect_make(x, y, size, size);
    sp_gui_rect_cmd(ui->l, r, fill, m->unit / 2);
    char s[2] = { sp_gui_group_letter(k), 0 };
    int lw = m->measure(m->ctx, SP_GUI_FONT_BOLD, s, 1);
    sp_gui_text_cmd(ui->l, m, SP_GUI_FONT_BOLD, sp_gui_ui_on(fill), x + (size - lw) / 2,
                    y + (size - m->line_h[SP_GUI_FONT_BOLD]) / 2, s, 1, r);
}

static const sp_person *self_person(const sp_scenario *sc)
{
    for (int i = 0; i < sc->n_cast; i++)
        if (sc->cast[i].role == SP_ROLE_SELF)
            return &sc->cast[i];
    return NULL;
}

/* A spoken line (portrait, name, text) or narration (italic, no portrait). */
static void line(sp_gui_ui *ui, sp_gui_page *pg, const sp_person *p, const char *name, const char *text,
                 int faded, int continued)
{
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    int u = m->unit, d = m->portrait;
    int tx = pg->x + d + 2 * u, tw = pg->w - d - 2 * u;
    sp_gui_rgba c = faded ? th->muted : th->text;
    if (!name) {
        int h = sp_gui_text_height(m, SP_GUI_FONT_THOUGHT, text, tw);
        sp_gui_text_block(ui->l, m, SP_GUI_FONT_THOUGHT, th->muted, text, tx, pg->y, tw,
                          sp_gui_rect_make(tx, pg->y, tw, h));
        pg->y += h + 2 * u;
        return;
    }
    if (continued) {
        pg->y -= u;
        int h = sp_gui_text_height(m, SP_GUI_FONT_BODY, text, tw);
        sp_gui_text_block(ui->l, m, SP_GUI_FONT_BODY, c, text, tx, pg->y, tw, sp_gui_rect_make(tx, pg->y, tw, h));
        pg->y += h + 2 * u;
        return;
    }
    if (p)
        sp_gui_ui_portrait(ui, pg->x, pg->y, d, p->color, p->initials);
    int hh = sp_gui_text_height(m, SP_GUI_FONT_BOLD, name, tw);
    int bh = sp_gui_text_height(m, SP_GUI_FONT_BODY, text, tw);
    sp_gui_rect box = sp_gui_rect_make(tx, pg->y, tw, hh + bh);
    int y = pg->y;
    y += sp_gui_text_block(ui->l, m, SP_GUI_FONT_BOLD, c, name, tx, y, tw, box);
    y += sp_gui_text_block(ui->l, m, SP_GUI_FONT_BODY, c, text, tx, y, tw, box);
    int h = y - pg->y;
    pg->y += (h > d ? h : d) + 2 * u;
}

/* A panel with a heading and a text, on a tinted card (the room's question,
 * the feedback). Returns nothing; advances pg. */
static void panel(sp_gui_ui *ui, sp_gui_page *pg, const char *badge, sp_gui_rgba badge_c, const char *head,
                  int head_font, const char *text, const char *foot, sp_gui_rgba border)
{
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    int u = m->unit;
    int card = ui->l->n_cmds;
    sp_gui_frame_cmd(ui->l, sp_gui_rect_make(pg->x, pg->y, pg->w, 0), th->surface, border,
                     th->high_contrast ? 3 : 2, u);
    int y0 = pg->y;
    sp_gui_page in = { .x = pg->x + 2 * u, .w = pg->w - 4 * u, .y = pg->y + 2 * u };
    if (badge) {
        sp_gui_ui_badge(ui, in.x, in.y, badge, badge_c, sp_gui_ui_on(badge_c),
                        sp_gui_rect_make(in.x, in.y, in.w, 1 << 20));
        in.y += m->line_h[SP_GUI_FONT_SMALL] + u / 2 + u;
    }
    if (head && *head) {
        sp_gui_ui_text(ui, &in, head_font, th->text, head);
        in.y += u;
    }
    if (text && *text) {
        sp_gui_ui_text(ui, &in, SP_GUI_FONT_BODY, th->text, text);
        in.y += u / 2;
    }
    if (foot && *foot) {
        in.y += u / 2;
        sp_gui_ui_text(ui, &in, SP_GUI_FONT_SMALL, th->muted, foot);
    }
    in.y += u;
    ui->l->cmds[card].r.h = in.y + u - y0;
    pg->y = in.y + u + 2 * u;
}

/* Bars of how the room split: one row per option, its letter, a short
 * text, the count; the option taken stands out. Used on the wall after a
 * decision and in the debrief. chosen, best: view indices (-1 none). */
static void split(sp_gui_ui *ui, sp_gui_page *pg, const char *const *texts, const int *votes, int n,
                  int chosen, int best, int has_votes)
{
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    int u = m->unit;
    int total = 0;
    for (int k = 0; k < n; k++)
        total += has_votes ? votes[k] : 0;
    int key = m->line_h[SP_GUI_FONT_BOLD];
    const char *widest = "9999";
    int nw = m->measure(m->ctx, SP_GUI_FONT_BOLD, widest, 4);
    int text_w = pg->w / 2 - key - 2 * u;
    int bar_x = pg->x + key + 2 * u + text_w + 2 * u;
    int bar_w = pg->x + pg->w - nw - 2 * u - bar_x;
    if (bar_w < 4 * u) { /* narrow: the bar below the text */
        text_w = pg->w - key - 2 * u;
        bar_w = 0;
    }
    for (int k = 0; k < n; k++) {
        int y = pg->y;
        int is_chosen = k == chosen;
        sp_gui_rgba fill = is_chosen ? th->accent : th->surface;
        if (!is_chosen)
            sp_gui_frame_cmd(ui->l, sp_gui_rect_make(pg->x, y, key, key), th->surface, th->border,
                             th->high_contrast ? 2 : 1, u / 2);
        letter_badge(ui, pg->x, y, key, k, fill);
        int tx = pg->x + key + 2 * u;
        int font = is_chosen ? SP_GUI_FONT_BOLD : SP_GUI_FONT_BODY;
        const char *s = texts[k] ? sp_gui_group_fit(ui, font, texts[k], text_w) : "";
        sp_gui_text_cmd(ui->l, m, font, is_chosen ? th->text : th->muted,
                        tx, y + (key - m->line_h[SP_GUI_FONT_BODY]) / 2, s, -1,
                        sp_gui_rect_make(tx, y - u, text_w + u, key + 2 * u));
        int row = key;
        if (bar_w > 0 && has_votes) {
            int bh = key * 3 / 5;
            /* the share of the room that voted: 3 of 5 fills three fifths */
            int bw = total > 0 ? votes[k] * bar_w / total : 0;
            sp_gui_rect_cmd(ui->l, sp_gui_rect_make(bar_x, y + (key - bh) / 2, bar_w, bh), th->bar, 0)->tag =
                SP_GUI_TAG_VOTE_TRACK;
            if (bw > 0) {
                sp_gui_cmd *c = sp_gui_rect_cmd(ui->l, sp_gui_rect_make(bar_x, y + (key - bh) / 2, bw, bh),
                                                is_chosen ? th->accent : th->best, 0);
                c->tag = SP_GUI_TAG_VOTE_BAR;
                c->arg = votes[k] * 1000 + total; /* tests read the share back */
            }
            const char *num = sp_gui_list_strf(ui->l, "%d", votes[k]);
            int w = m->measure(m->ctx, SP_GUI_FONT_BOLD, num, (int)strlen(num));
            int numx = pg->x + pg->w - w;
            sp_gui_text_cmd(ui->l, m, SP_GUI_FONT_BOLD, th->text, numx, y + (key - m->line_h[SP_GUI_FONT_BOLD]) / 2,
                            num, -1, sp_gui_rect_make(pg->x + pg->w - nw - u, y, nw + u, key));
        } else if (has_votes) {
            int bh = u;
            int full = pg->w - key - 2 * u;
            sp_gui_rect_cmd(ui->l, sp_gui_rect_make(tx, y + key + u / 2, full, bh), th->bar, 0);
            sp_gui_rect_cmd(ui->l, sp_gui_rect_make(tx, y + key + u / 2, total > 0 ? votes[k] * full / total : 0, bh),
                            is_chosen ? th->accent : th->best, 0);
            row += u / 2 + bh;
        }
        if (k == best && best != chosen) {
            /* a thin mark beside the letter: the strongest option */
            sp_gui_rect_cmd(ui->l, sp_gui_rect_make(pg->x - u, y, u / 2, key), th->good, 0);
        }
        pg->y += row + u;
    }
    (void)total;
}

/* "De groep koos B: 5 van de 9 stemmen" and the dissent, for a decision taken. */
static const char *verdict(sp_gui_ui *ui, const int *votes, int n, int chosen, int override, int has_votes)
{
    char l = sp_gui_group_letter(chosen);
    if (!has_votes)
        return sp_gui_list_strf(ui->l, _("De trainer koos %c, zonder stemming."), l);
    sp_vote_tally t = sp_vote_count(votes, n);
    int other = sp_vote_dissent(votes, n, chosen);
    if (override)
        return sp_gui_list_strf(ui->l, _("De trainer koos %c, tegen de groep in: %d van de %d stemden anders."),
                                l, other, t.total);
    if (t.majority < 0)
        return sp_gui_list_strf(ui->l, _("Gelijke stand; de trainer koos %c. %d van de %d stemden anders."),
                                l, other, t.total);
    if (other == 0)
        return sp_gui_list_strf(ui->l, _("De groep koos %c, eensgezind (%d stemmen)."), l, t.total);
    return sp_gui_list_strf(ui->l, _("De groep koos %c: %d van de %d stemmen. %d stemden anders."), l,
                            votes[chosen], t.total, other);
}

/* The facilitator's buttons at the bottom of the wall, when no presenter
 * window holds them. */
static int controls(sp_gui_app *a, sp_gui_ui *ui, sp_gui_rect view)
{
    sp_gui_group *g = grp(a);
    const sp_view *v = sp_gui_app_view(a);
    if (g->presenter || !v)
        return 0;
    const char *labels[4], *hints[4];
    sp_gui_btn_style styles[4];
    int actions[4], args[4] = { 0, 0, 0, 0 }, n = 0;
#define ADD(lb, hi, st, ac) (labels[n] = (lb), hints[n] = (hi), styles[n] = (st), actions[n] = (ac), n++)
    if (g->flag_round) {
        ADD(_("Klaar met rode vlaggen"), "F", SP_GUI_BTN_PRIMARY, SP_GUI_ACT_GROUP_FLAGS);
    } else if (v->kind == SP_VIEW_ENDING && g->phase < SP_GUI_GROUP_DECIDED) {
        ADD(_("Naar de nabespreking"), "Enter", SP_GUI_BTN_PRIMARY, SP_GUI_ACT_DEBRIEF);
    } else {
        switch (g->phase) {
        case SP_GUI_GROUP_SCENE:
            if (sp_gui_group_room_moment(a))
                ADD(_("Naar de stemming"), "Enter", SP_GUI_BTN_PRIMARY, SP_GUI_ACT_GROUP_VOTE);
            ADD(_("Rode vlaggen"), "F", SP_GUI_BTN_SECONDARY, SP_GUI_ACT_GROUP_FLAGS);
            break;
        case SP_GUI_GROUP_VOTE:
            ADD(_("Meerderheid nemen"), "Enter", SP_GUI_BTN_PRIMARY, SP_GUI_ACT_GROUP_TAKE);
            ADD(_("Rode vlaggen"), "F", SP_GUI_BTN_SECONDARY, SP_GUI_ACT_GROUP_FLAGS);
            break;
        case SP_GUI_GROUP_DECIDED:
            ADD(_("Toelichting tonen"), "R", SP_GUI_BTN_PRIMARY, SP_GUI_ACT_GROUP_REVEAL);
            ADD(_("Verder"), "N", SP_GUI_BTN_SECONDARY, SP_GUI_ACT_GROUP_NEXT);
            break;
        case SP_GUI_GROUP_REVEALED:
            ADD(_("Verder"), "Enter", SP_GUI_BTN_PRIMARY, SP_GUI_ACT_GROUP_NEXT);
            break;
        }
        ADD(g->timer_on ? _("Timer uit") : _("Timer"), "T", SP_GUI_BTN_SECONDARY, SP_GUI_ACT_GROUP_TIMER);
    }
#undef ADD
    return sp_gui_chrome_bottombar(ui, view, n, labels, hints, styles, actions, args);
}

/* ---- the phases ---------------------------------------------------------------------- */

static void scene(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg, const sp_view *v)
{
    const sp_scenario *sc = a->sc;
    const sp_gui_theme *th = ui->th;
    sp_lang lang = sp_gui_app_lang(a);
    int u = ui->m->unit;
    if (v->feedback.valid && v->feedback.said && *v->feedback.said &&
        sc->nodes[v->feedback.node].kind == SP_NODE_DECISION) {
        const sp_person *me = self_person(sc);
        line(ui, pg, me, me ? sp_text_get(&me->name, lang) : _("Jij"), v->feedback.said, 1, 0);
    }
    for (int i = 0; i < v->n_lines; i++) {
        const sp_view_line *ln = &v->lines[i];
        int continued = i > 0 && v->lines[i - 1].speaker == ln->speaker && ln->speaker >= 0;
        if (ln->speaker >= 0)
            line(ui, pg, &sc->cast[ln->speaker], ln->speaker_name, ln->text, 0, continued);
        else
            line(ui, pg, NULL, NULL, ln->text, 0, 0);
    }
    pg->y += u;
    if (v->kind == SP_VIEW_ENDING) {
        const char *kind = v->ending_kind == SP_ENDING_GOOD ? _("Goed afgerond")
                         : v->ending_kind == SP_ENDING_MIXED ? _("Deels gelukt") : _("Niet gelukt");
        sp_gui_rgba kc = v->ending_kind == SP_ENDING_GOOD ? th->good
                       : v->ending_kind == SP_ENDING_MIXED ? th->mixed : th->bad;
        panel(ui, pg, kind, kc, v->ending_title, SP_GUI_FONT_H1, v->evaluation, NULL, kc);
        return;
    }
    const char *ask = v->kind == SP_VIEW_THOUGHT ? _("Wat gaat er door je heen?")
                                                 : *v->prompt ? v->prompt : _("Wat zeg je?");
    if (*v->discuss)
        panel(ui, pg, _("Vraag voor de groep"), th->accent, v->discuss, SP_GUI_FONT_H2, NULL, NULL, th->accent);
    else
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_H2, th->text, ask);
}

/* One option at the vote: letter, text, the room's count and a bar; with
 * the facilitator's − and + when there is no presenter window. */
static int vote_option(sp_gui_app *a, sp_gui_ui *ui, int x, int y, int w, int k, const char *text, int thought)
{
    sp_gui_group *g = grp(a);
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    sp_gui_list *l = ui->l;
    int u = m->unit, pad = 3 * u / 2;
    int font = thought ? SP_GUI_FONT_THOUGHT : SP_GUI_FONT_BODY;
    int key = m->line_h[SP_GUI_FONT_BOLD] + u / 2;
    int total = 0, top = 0;
    for (int i = 0; i < g->n_counts; i++) {
        total += g->counts[i];
        if (g->counts[i] > top)
            top = g->counts[i];
    }
    int controls = !g->presenter;
    int bh = sp_gui_ui_button_h(ui);
    int nw = m->measure(m->ctx, SP_GUI_FONT_H2, "9999", 4);
    int count_w = nw + 2 * u + (controls ? 2 * (bh + u) : 0);
    int tx = x + pad + key + 2 * u, tw = x + w - pad - count_w - 2 * u - tx;
    int th_ = sp_gui_text_height(m, font, text, tw);
    int bar_h = total > 0 ? u : 0;
    int inner = th_ + (bar_h ? u + bar_h : 0);
    int right = controls ? bh : m->line_h[SP_GUI_FONT_H2];
    if (inner < key)
        inner = key;
    if (inner < right)
        inner = right;
    int h = inner + 2 * pad;
    sp_gui_rect r = sp_gui_rect_make(x, y, w, h);
    int selected = controls && g->phase == SP_GUI_GROUP_VOTE && g->sel == k;
    int leads = total > 0 && g->counts[k] == top;
    sp_gui_cmd *c = sp_gui_frame_cmd(l, r, thought ? th->thought_btn : th->surface,
                                     selected ? th->focus : leads ? th->accent : th->border,
                                     selected || leads ? (u / 6 > 4 ? u / 6 : 4) : th->high_contrast ? 2 : 1, u);
    c->tag = SP_GUI_TAG_OPTION;
    c->arg = k;
    letter_badge(ui, x + pad, y + pad, key, k, th->accent);
    sp_gui_text_block(l, m, font, th->text, text, tx, y + pad, tw, sp_gui_rect_make(tx, y + pad, tw, th_));
    if (bar_h) {
        int by = y + pad + th_ + u;
        sp_gui_rect_cmd(l, sp_gui_rect_make(tx, by, tw, bar_h), th->bar, 0);
        if (g->counts[k] > 0)
            sp_gui_rect_cmd(l, sp_gui_rect_make(tx, by, g->counts[k] * tw / total, bar_h),
                            leads ? th->accent : th->best, 0);
    }
    /* the count, right-aligned in its box, with − and + around it */
    int cx = x + w - pad - count_w;
    int cy = y + (h - right) / 2;
    if (controls) {
        sp_gui_ui_button(ui, sp_gui_rect_make(cx, cy, bh, bh), "−", NULL, SP_GUI_BTN_SECONDARY,
                         SP_GUI_ACT_GROUP_DEC, k, g->counts[k] > 0);
        cx += bh + u;
    }
    const char *num = sp_gui_list_strf(l, "%d", g->counts[k]);
    int numw = m->measure(m->ctx, SP_GUI_FONT_H2, num, (int)strlen(num));
    sp_gui_rect nbox = sp_gui_rect_make(cx, cy, nw + 2 * u, right);
    sp_gui_text_cmd(l, m, SP_GUI_FONT_H2, th->text, cx + (nbox.w - numw) / 2,
                    cy + (right - m->line_h[SP_GUI_FONT_H2]) / 2, num, -1, nbox);
    if (controls) {
        cx += nbox.w + u;
        sp_gui_ui_button(ui, sp_gui_rect_make(cx, cy, bh, bh), "+", NULL, SP_GUI_BTN_SECONDARY,
                         SP_GUI_ACT_GROUP_INC, k, 1);
        /* the option itself selects it for the number keys */
        sp_gui_hit *hit = sp_gui_hit_add(l, sp_gui_rect_make(x, y, tx + tw + u - x, h), SP_GUI_ACT_GROUP_SELECT, k, 0);
        hit->order = -1;
    }
    return h;
}

static void vote(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg, const sp_view *v)
{
    sp_gui_group *g = grp(a);
    const sp_gui_theme *th = ui->th;
    int u = ui->m->unit;
    int thought = v->kind == SP_VIEW_THOUGHT;
    const char *ask = thought ? _("Wat gaat er door je heen?") : *v->prompt ? v->prompt : _("Wat zeg je?");
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_H2, th->text, ask);
    pg->y += 3 * u / 2;
    for (int k = 0; k < g->n_counts; k++) {
        pg->y += vote_option(a, ui, pg->x, pg->y, pg->w, k, v->options[k].text, thought);
        pg->y += u;
    }
    pg->y += u;
    sp_vote_tally t = sp_vote_count(g->counts, g->n_counts);
    const char *s;
    if (t.total == 0) {
        s = g->presenter ? who_votes(ui->l, g->n_counts)
                         : _("Voer de stemmen in: kies de optie met de letter of de pijltjes, tel met + en −, of typ het aantal.");
    } else if (t.majority >= 0) {
        s = sp_gui_list_strf(ui->l, ngettext("Meerderheid: %c, %d van %d stem.", "Meerderheid: %c, %d van %d stemmen.",
                                             (unsigned long)t.total),
                             sp_gui_group_letter(t.majority), t.top, t.total);
    } else {
        /* "A en C", "A, B en D" */
        char tied[64] = "";
        int len = 0, left = t.n_top;
        for (int k = 0; k < g->n_counts && len < (int)sizeof tied - 8; k++) {
            if (g->counts[k] != t.top)
                continue;
            left--;
            len += snprintf(tied + len, sizeof tied - (size_t)len, "%s%c",
                            len == 0 ? "" : left == 0 ? _(" en ") : ", ", sp_gui_group_letter(k));
        }
        s = g->presenter ? sp_gui_list_strf(ui->l, _("Gelijke stand tussen %s: de trainer beslist."), tied)
                         : sp_gui_list_strf(ui->l, _("Gelijke stand tussen %s: de trainer kiest met Shift en de letter."), tied);
    }
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_BOLD, th->text, s);
    if (g->status[0] && !g->presenter) {
        pg->y += u / 2;
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, th->mixed, g->status);
    }
    if (g->phones) { /* how to join; the phones' votes stay off the wall until the decision */
        pg->y += 2 * u;
        pg->y += sp_gui_phones_wall(ui, sp_gui_rect_make(pg->x, pg->y, pg->w, 11 * u), g->phones,
                                    a->settings.lang == SP_LANG_EN);
    }
}

/* The decision just taken and, once revealed, its feedback. */
static void decided(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg, const sp_view *v)
{
    sp_gui_group *g = grp(a);
    const sp_scenario *sc = a->sc;
    const sp_gui_theme *th = ui->th;
    sp_lang lang = sp_gui_app_lang(a);
    int u = ui->m->unit;
    if (g->n_last <= 0 || g->last_node < 0 || g->last_node >= sc->n_nodes)
        return;
    const sp_node *nd = &sc->nodes[g->last_node];
    int thought = nd->kind == SP_NODE_THOUGHT;
    const char *texts[SP_GUI_GROUP_OPTIONS];
    int best = 0, best_total = -1000;
    for (int k = 0; k < g->n_last; k++) {
        const sp_option *o = &nd->options[g->last_offered[k]];
        texts[k] = sp_text_get(&o->text, lang);
        if (sp_option_total(o) > best_total) {
            best_total = sp_option_total(o);
            best = k;
        }
    }
    const sp_option *chosen = &nd->options[g->last_offered[g->last_chosen]];
    /* The stronger option by the exact value (debrief.h), with its score,
     * at thought moments too; without it, by the options' own totals. */
    int strong = sp_option_total(chosen) >= best_total, stronger_total = best_total;
    if (g->judge.valid && g->judge.node == g->last_node) {
        strong = g->judge.left == 0;
        for (int k = 0; k < g->n_last; k++)
            if (g->last_offered[k] == g->judge.stronger)
                best = k;
        stronger_total = g->judge.stronger_total;
    }
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_H2, th->text,
                   verdict(ui, g->last_votes, g->n_last, g->last_chosen, g->last_override, g->has_votes));
    pg->y += u;
    sp_gui_ui_text(ui, pg, thought ? SP_GUI_FONT_THOUGHT : SP_GUI_FONT_BODY, th->text,
                   sp_gui_list_strf(ui->l, "%c: “%s”", sp_gui_group_letter(g->last_chosen), texts[g->last_chosen]));
    pg->y += 2 * u;
    if (g->has_votes) {
        split(ui, pg, texts, g->last_votes, g->n_last, g->last_chosen,
              g->phase == SP_GUI_GROUP_REVEALED ? best : -1, 1);
        pg->y += u;
    }
    if (g->phase != SP_GUI_GROUP_REVEALED) {
        if (!g->presenter)
            sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, th->muted, _("De toelichting volgt: R toont hem."));
        return;
    }
    const char *badge = strong ? _("Sterke keuze") : _("Er was een sterkere optie");
    sp_gui_rgba bc = strong ? th->good : sp_option_total(chosen) < 0 ? th->bad : th->mixed;
    const char *head = strong ? NULL
                     : sp_gui_list_strf(ui->l, _("Sterker was %c: “%s” (%+d)"), sp_gui_group_letter(best), texts[best],
                                        stronger_total);
    const char *foot = *sp_text_get(&chosen->ref_label, lang) ? sp_text_get(&chosen->ref_label, lang) : NULL;
    panel(ui, pg, badge, bc, head, SP_GUI_FONT_BOLD,
          sp_session_text_at(a->s, sp_session_turn(a->s) - 2, &chosen->feedback, lang), foot, bc);
    (void)v;
}

/* ---- the red-flag round ---------------------------------------------------------------------- */

/* One tile: the number (a tick or a cross once marked) and the flag's name
 * beside it, at least min_h high; returns its height. measure_only: lay
 * out nothing. */
static int flag_tile(sp_gui_ui *ui, int x, int y, int w, int min_h, int f, const char *label, int state,
                     int measure_only)
{
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    int u = m->unit, pad = u;
    int key = m->line_h[SP_GUI_FONT_BOLD];
    int kw = m->measure(m->ctx, SP_GUI_FONT_BOLD, "14", 2) + u;
    if (kw < key)
        kw = key;
    int tx = x + pad + kw + u, tw = x + w - pad - tx;
    int lh = sp_gui_text_height(m, SP_GUI_FONT_BOLD, label, tw);
    int h = (lh > key ? lh : key) + 2 * pad;
    if (h < min_h)
        h = min_h;
    if (measure_only)
        return h;
    sp_gui_list *l = ui->l;
    sp_gui_rect r = sp_gui_rect_make(x, y, w, h);
    int order = ui->n_focusable;
    int focused = !state && ui->show_focus && ui->focus == order;
    int hovered = !state && ui->hover == l->n_hits;
    if (focused)
        sp_gui_rect_cmd(l, sp_gui_rect_inset(r, -4, -4), th->focus, u + 4);
    sp_gui_rgba mark = state == 1 ? th->good : th->bad;
    sp_gui_frame_cmd(l, r, hovered ? th->surface_hi : th->surface, state ? mark : hovered ? th->accent : th->border,
                     state ? 5 : th->high_contrast ? 2 : 1, u);
    sp_gui_rect kr = sp_gui_rect_make(x + pad, y + pad, kw, key);
    sp_gui_rect_cmd(l, kr, state ? mark : th->accent, u / 2);
    const char *num = state == 1 ? "✓" : state == 2 ? "✗" : sp_gui_list_strf(l, "%d", f + 1);
    int nw = m->measure(m->ctx, SP_GUI_FONT_BOLD, num, (int)strlen(num));
    sp_gui_text_cmd(l, m, SP_GUI_FONT_BOLD, sp_gui_ui_on(state ? mark : th->accent), kr.x + (kw - nw) / 2, kr.y, num,
                    -1, kr);
    sp_gui_text_block(l, m, SP_GUI_FONT_BOLD, state ? mark : th->text, label, tx, y + pad, tw,
                      sp_gui_rect_make(tx, y + pad, tw, lh));
    sp_gui_hit *hit = sp_gui_hit_add(l, r, SP_GUI_ACT_GROUP_MARK, f, !state);
    hit->enabled = !state;
    if (!state) {
        hit->order = order;
        ui->n_focusable++;
    }
    return h;
}

/* The height of the grid in cols columns, and each row's height in rows[]. */
static int flag_grid_h(sp_gui_ui *ui, const sp_handbook *hb, sp_lang lang, int n, int w, int cols, int gap, int *rows)
{
    int cw = (w - (cols - 1) * gap) / cols, total = 0;
    for (int i = 0, r = 0; i < n; i += cols, r++) {
        int row = 0;
        for (int k = 0; k < cols && i + k < n; k++) {
            int h = flag_tile(ui, 0, 0, cw, 0, i + k, sp_text_get(&hb->redflags[i + k].label, lang), 0, 1);
            row = h > row ? h : row;
        }
        if (rows)
            rows[r] = row;
        total += row + gap;
    }
    return total;
}

static void flag_round(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_gui_theme *th = ui->th;
    sp_lang lang = sp_gui_app_lang(a);
    int u = ui->m->unit;
    unsigned char present[64], marked[64];
    int n = hb->n_redflags < 64 ? hb->n_redflags : 64;
    sp_gui_group_flags_now(a, present, marked);
    if (grp(a)->phones) /* what the phones spotted, then (R) which were there */
        sp_gui_phones_heat(ui, pg, grp(a)->phones, hb, lang, present);
    /* the question is in the top bar: the grid needs the height */
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, th->text,
                   _("✓ herkend: de vlag speelt hier. ✗ vals alarm: hij speelt hier nu niet."));
    pg->y += 3 * u / 2;
    /* Two columns read best (a name on one line); more when the screen is
     * too low for them, else whichever is lowest. */
    int gap = u, avail = pg->region.h - pg->y - 2 * u, cols = 2, best = 1 << 30;
    for (int c = 2; c <= 4; c++) {
        int h = flag_grid_h(ui, hb, lang, n, pg->w, c, gap, NULL);
        if (h <= avail) {
            cols = c;
            break;
        }
        if (h < best) {
            best = h;
            cols = c;
        }
    }
    int rows[64];
    flag_grid_h(ui, hb, lang, n, pg->w, cols, gap, rows);
    int cw = (pg->w - (cols - 1) * gap) / cols;
    for (int i = 0, r = 0; i < n; i += cols, r++) {
        for (int k = 0; k < cols && i + k < n; k++) {
            int f = i + k;
            int state = marked[f] ? (present[f] ? 1 : 2) : 0;
            flag_tile(ui, pg->x + k * (cw + gap), pg->y, cw, rows[r], f, sp_text_get(&hb->redflags[f].label, lang),
                      state, 0);
        }
        pg->y += rows[r] + gap;
    }
    /* each mark of this turn with its reason, beside its tick or cross */
    int turn = sp_session_turn(a->s);
    for (int f = 0; f < n; f++) {
        if (!marked[f])
            continue;
        const char *label = sp_text_get(&hb->redflags[f].label, lang);
        const char *why = _("speelt hier nu niet.");
        int node = present[f] ? sp_session_flag_node(a->s, f, turn) : -1;
        for (int k = 0; node >= 0 && k < a->sc->nodes[node].n_flags; k++)
            if (a->sc->nodes[node].flags[k].flag == f)
                why = sp_session_text(a->s, &a->sc->nodes[node].flags[k].why, lang);
        pg->y += u / 2;
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, present[f] ? th->good : th->mixed,
                       sp_gui_list_strf(ui->l, "%s %d %s: %s", present[f] ? "✓" : "✗", f + 1, label, why));
    }
}

/* ---- the play screen --------------------------------------------------------------------- */

void sp_gui_group_play_build(sp_gui_app *a, sp_gui_ui *ui, sp_gui_rect view)
{
    sp_gui_group *g = grp(a);
    const sp_view *v = sp_gui_app_view(a);
    if (!v || !g)
        return;
    const sp_gui_metrics *m = ui->m;
    sp_lang lang = sp_gui_app_lang(a);
    int u = m->unit;
    const char *title = sp_text_get(&a->sc->title, lang);
    const char *sub;
    if (g->phase >= SP_GUI_GROUP_DECIDED)
        sub = sp_gui_list_strf(ui->l, _("Beurt %d · het besluit"), g->last_turn);
    else if (v->kind == SP_VIEW_ENDING)
        sub = _("Einde van het gesprek");
    else if (g->flag_round)
        sub = sp_gui_list_strf(ui->l, _("Beurt %d · rode vlaggen: wat ziet de groep hier?"), v->turn);
    else if (g->phase == SP_GUI_GROUP_VOTE)
        sub = sp_gui_list_strf(ui->l, _("Beurt %d · stemmen"), v->turn);
    else
        sub = sp_gui_list_strf(ui->l, _("Beurt %d · groepstraining"), v->turn);

    int bottom = controls(a, ui, view);
    int top = topbar(a, ui, view, title, sub);
    int x, w;
    sp_gui_chrome_column(ui, view, m->measure_w * 3 / 2, &x, &w);
    sp_gui_rect region = sp_gui_rect_make(view.x, view.y + top, view.w, view.h - top - bottom);
    sp_gui_page pg;
    sp_gui_ui_page_begin(ui, &pg, region, x, w);
    a->page_step[0] = region.h;
    pg.y = 2 * u;
    sp_gui_chrome_notice(a, ui, &pg);
    if (g->flag_round)
        flag_round(a, ui, &pg);
    else if (g->phase >= SP_GUI_GROUP_DECIDED)
        decided(a, ui, &pg, v);
    else if (g->phase == SP_GUI_GROUP_VOTE && v->kind != SP_VIEW_ENDING)
        vote(a, ui, &pg, v);
    else
        scene(a, ui, &pg, v);
    pg.y += 2 * u;
    sp_gui_ui_page_end(ui, &pg, &a->scroll[0]);
}

/* ---- the group debrief -------------------------------------------------------------------- */

static void goals(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg, const sp_debrief *d)
{
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    const sp_handbook *hb = a->sc->handbook;
    sp_lang lang = sp_gui_app_lang(a);
    int u = m->unit;
    int lw = 0, lo = 0, hi = 1;
    for (int i = 0; i < d->n_goals; i++) {
        const char *label = sp_text_get(&hb->goals[d->goals[i].goal].label, lang);
        int w = m->measure(m->ctx, SP_GUI_FONT_BOLD, label, (int)strlen(label));
        lw = w > lw ? w : lw;
        int vals[2] = { d->goals[i].score, d->goals[i].expert };
        for (int k = 0; k < 2; k++) {
            lo = vals[k] < lo ? vals[k] : lo;
            hi = vals[k] > hi ? vals[k] : hi;
        }
    }
    if (lw > pg->w / 3)
        lw = pg->w / 3;
    int vw = m->measure(m->ctx, SP_GUI_FONT_BOLD, "−00 / 00", (int)strlen("−00 / 00"));
    int x0 = pg->x + lw + 2 * u, bw = pg->w - lw - 4 * u - vw;
    int zero = x0 + (bw > 0 ? -lo * bw / (hi - lo) : 0);
    int row = m->line_h[SP_GUI_FONT_BOLD];
    for (int i = 0; i < d->n_goals; i++) {
        const sp_debrief_goal *gl = &d->goals[i];
        const char *label = sp_text_get(&hb->goals[gl->goal].label, lang);
        int y = pg->y;
        sp_gui_text_cmd(ui->l, m, SP_GUI_FONT_BOLD, th->text, pg->x, y, sp_gui_group_fit(ui, SP_GUI_FONT_BOLD, label, lw), -1,
                        sp_gui_rect_make(pg->x, y, lw, row));
        int bh = row * 2 / 3, by = y + (row - bh) / 2;
        sp_gui_rect_cmd(ui->l, sp_gui_rect_make(x0, by, bw, bh), th->bar, 0);
        int best_x = bw > 0 ? zero + gl->expert * bw / (hi - lo) : zero;
        int you_x = bw > 0 ? zero + gl->score * bw / (hi - lo) : zero;
        if (best_x != zero)
            sp_gui_rect_cmd(ui->l, best_x > zero ? sp_gui_rect_make(zero, by, best_x - zero, bh)
                                                 : sp_gui_rect_make(best_x, by, zero - best_x, bh), th->best, 0);
        int yh = bh / 2;
        if (you_x != zero) {
            sp_gui_cmd *c = sp_gui_rect_cmd(ui->l, you_x > zero ? sp_gui_rect_make(zero, by + (bh - yh) / 2, you_x - zero, yh)
                                                                : sp_gui_rect_make(you_x, by + (bh - yh) / 2, zero - you_x, yh),
                                            th->accent, 0);
            c->tag = SP_GUI_TAG_BAR_YOU;
            c->arg = gl->goal;
        }
        const char *val = sp_gui_list_strf(ui->l, "%d / %d", gl->score, gl->expert);
        int vx = x0 + bw + 2 * u;
        sp_gui_text_cmd(ui->l, m, SP_GUI_FONT_BOLD, th->text, vx, y, val, -1, sp_gui_rect_make(vx, y, vw + u, row));
        pg->y += row + u;
    }
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, th->muted,
                   _("Smalle balk: wat de groep haalde. Brede balk: de beste keuze bij elke beslissing onderweg."));
}

static void heading(sp_gui_ui *ui, sp_gui_page *pg, const char *s)
{
    pg->y += 3 * ui->m->unit;
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_H2, ui->th->text, s);
    pg->y += ui->m->unit;
}

/* How the room split at every decision of the play. */
static void vote_history(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg)
{
    sp_gui_group *g = grp(a);
    const sp_gui_theme *th = ui->th;
    const sp_scenario *sc = a->sc;
    sp_lang lang = sp_gui_app_lang(a);
    int u = ui->m->unit;
    heading(ui, pg, _("Hoe de groep stemde"));
    const sp_replay *r = g->replay;
    int shown = 0;
    for (int i = 0; r && i < r->n_decisions; i++) {
        const sp_replay_step *st = &r->steps[i];
        const sp_node *nd = &sc->nodes[st->node];
        int n = st->n_offered < SP_GUI_GROUP_OPTIONS ? st->n_offered : SP_GUI_GROUP_OPTIONS;
        const char *texts[SP_GUI_GROUP_OPTIONS];
        int chosen = -1, best = -1;
        for (int k = 0; k < n; k++) {
            texts[k] = sp_text_get(&nd->options[st->offered[k]].text, lang);
            if (st->offered[k] == st->chosen)
                chosen = k;
            if (st->offered[k] == st->best)
                best = k;
        }
        const char *ask = st->kind == SP_VIEW_THOUGHT ? _("Wat gaat er door je heen?")
                                                      : *st->prompt ? st->prompt : _("Wat zeg je?");
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BOLD, th->text, sp_gui_list_strf(ui->l, _("Beurt %d · %s"), st->turn, ask));
        pg->y += u / 2;
        int has = st->n_votes == st->n_offered && st->n_votes > 0;
        split(ui, pg, texts, has ? st->votes : NULL, n, chosen, best, has);
        if (chosen >= 0)
            sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, th->muted,
                           verdict(ui, has ? st->votes : NULL, n, chosen, st->override, has));
        pg->y += 2 * u;
        shown++;
    }
    if (!shown)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->muted, _("Er is in dit gesprek niet gestemd."));
    else
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_SMALL, th->muted,
                       _("Gevuld: de gekozen optie. Groen streepje: de sterkste optie, als die niet gekozen is."));
}

/* The letter the room saw for node option `option` at the decision of
 * `turn` (from the replay's offered options): *k, and 1 when found. */
static int offered_index(sp_gui_app *a, int turn, int option, int *k)
{
    const sp_replay *r = a->group->replay;
    for (int i = 0; r && i < r->n_decisions; i++) {
        if (r->steps[i].turn != turn)
            continue;
        for (int j = 0; j < r->steps[i].n_offered; j++)
            if (r->steps[i].offered[j] == option) {
                *k = j;
                return 1;
            }
    }
    return 0;
}

static void flag_lists(sp_gui_app *a, sp_gui_ui *ui, sp_gui_page *pg, const sp_debrief *d)
{
    const sp_handbook *hb = a->sc->handbook;
    const sp_gui_theme *th = ui->th;
    sp_lang lang = sp_gui_app_lang(a);
    int u = ui->m->unit;
    heading(ui, pg, _("Rode vlaggen"));
    sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->text,
                   sp_gui_list_strf(ui->l, _("Herkend: %d · gemist: %d · vals alarm: %d"), d->n_recognised,
                                    d->n_flags_missed, d->n_false_alarms));
    pg->y += u;
    for (int i = 0; i < d->n_recognised; i++)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->good,
                       sp_gui_list_strf(ui->l, _("Herkend · %s"), sp_text_get(&hb->redflags[d->recognised[i].flag].label, lang)));
    for (int i = 0; i < d->n_flags_missed; i++)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->text,
                       sp_gui_list_strf(ui->l, _("Gemist · %s"), sp_text_get(&hb->redflags[d->flags_missed[i].flag].label, lang)));
    for (int i = 0; i < d->n_false_alarms; i++)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->mixed,
                       sp_gui_list_strf(ui->l, _("Vals alarm · %s"), sp_text_get(&hb->redflags[d->false_alarms[i].flag].label, lang)));
    heading(ui, pg, _("Interventies"));
    if (!d->n_applied && !d->n_missed_interventions)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->muted, _("Geen interventies uit het handboek in dit gesprek."));
    for (int i = 0; i < d->n_applied; i++)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->good,
                       sp_gui_list_strf(ui->l, _("Toegepast in beurt %d · %s"), d->applied[i].turn,
                                        sp_text_get(&hb->interventions[d->applied[i].intervention].label, lang)));
    for (int i = 0; i < d->n_missed_interventions; i++)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->text,
                       sp_gui_list_strf(ui->l, _("Niet ingezet · %s"),
                                        sp_text_get(&hb->interventions[d->missed_interventions[i]].label, lang)));
    heading(ui, pg, _("Gemiste kansen"));
    if (!d->left)
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->muted, _("Geen: bij elke beslissing koos de groep een van de sterkste opties."));
    for (int i = 0; i < d->n_decisions; i++) {
        const sp_debrief_decision *ms = &d->decisions[i];
        if (ms->stronger < 0)
            continue;
        int k = -1;
        offered_index(a, ms->turn, ms->stronger, &k);
        sp_gui_ui_text(ui, pg, SP_GUI_FONT_BODY, th->text,
                       k >= 0 ? sp_gui_list_strf(ui->l, ngettext("Beurt %d · %d punt laten liggen; %c was sterker",
                                                                 "Beurt %d · %d punten laten liggen; %c was sterker",
                                                                 (unsigned long)ms->left),
                                                 ms->turn, ms->left, sp_gui_group_letter(k))
                              : sp_gui_list_strf(ui->l, ngettext("Beurt %d · %d punt laten liggen",
                                                                 "Beurt %d · %d punten laten liggen",
                                                                 (unsigned long)ms->left),
                                                 ms->turn, ms->left));
    }
}

void sp_gui_group_debrief_build(sp_gui_app *a, sp_gui_ui *ui, sp_gui_rect view)
{
    const sp_debrief *d = a->debrief;
    sp_gui_group *g = grp(a);
    if (!d || !a->sc || !g)
        return;
    const sp_gui_metrics *m = ui->m;
    const sp_gui_theme *th = ui->th;
    const sp_scenario *sc = a->sc;
    sp_lang lang = sp_gui_app_lang(a);
    int u = m->unit;

    int bottom = 0;
    if (!g->presenter) {
        const char *labels[3], *hints[3];
        sp_gui_btn_style styles[3];
        int actions[3], args[3] = { 0, 0, 0 }, n = 0;
        if (a->traj && a->case_index + 1 < SP_CASE_COUNT && a->cases[a->case_index + 1].sc) {
            labels[n] = _("Volgende casus"); hints[n] = "Enter"; styles[n] = SP_GUI_BTN_PRIMARY;
            actions[n++] = SP_GUI_ACT_NEXT_CASE;
        }
        labels[n] = _("Opnieuw spelen"); hints[n] = "R"; styles[n] = SP_GUI_BTN_SECONDARY; actions[n++] = SP_GUI_ACT_AGAIN;
        labels[n] = _("Naar het menu"); hints[n] = "Esc"; styles[n] = SP_GUI_BTN_SECONDARY; actions[n++] = SP_GUI_ACT_TO_MENU;
        bottom = sp_gui_chrome_bottombar(ui, view, n, labels, hints, styles, actions, args);
    }
    int top = topbar(a, ui, view, _("Nabespreking"), sp_text_get(&sc->title, lang));
    int x, w;
    sp_gui_chrome_column(ui, view, m->measure_w * 3 / 2, &x, &w);
    sp_gui_rect region = sp_gui_rect_make(view.x, view.y + top, view.w, view.h - top - bottom);
    sp_gui_page pg;
    sp_gui_ui_page_begin(ui, &pg, region, x, w);
    a->page_step[0] = region.h;
    pg.y = 2 * u;
    sp_gui_chrome_notice(a, ui, &pg);
    if (d->ending_node >= 0) {
        const sp_node *e = &sc->nodes[d->ending_node];
        sp_gui_rgba kc = e->ending_kind == SP_ENDING_GOOD ? th->good
                       : e->ending_kind == SP_ENDING_MIXED ? th->mixed : th->bad;
        const char *kind = e->ending_kind == SP_ENDING_GOOD ? _("Goed afgerond")
                         : e->ending_kind == SP_ENDING_MIXED ? _("Deels gelukt") : _("Niet gelukt");
        sp_gui_ui_badge(ui, pg.x, pg.y, kind, kc, sp_gui_ui_on(kc), sp_gui_rect_make(pg.x, pg.y, pg.w, 1 << 20));
        pg.y += m->line_h[SP_GUI_FONT_SMALL] + u / 2 + u;
        sp_gui_ui_text(ui, &pg, SP_GUI_FONT_H1, th->text, sp_text_get(&e->ending_title, lang));
        pg.y += u;
    }
    sp_gui_ui_text(ui, &pg, SP_GUI_FONT_BODY, th->text,
                   sp_gui_list_strf(ui->l, _("De groep haalde %d punten. Met de beste keuze bij elke beslissing onderweg waren het er %d geweest; het maximum in deze casus is %d."),
                                    d->total, d->total_max, d->total_max));
    heading(ui, &pg, _("Per leerdoel"));
    goals(a, ui, &pg, d);
    vote_history(a, ui, &pg);
    flag_lists(a, ui, &pg, d);
    pg.y += 3 * u;
    sp_gui_ui_page_end(ui, &pg, &a->scroll[0]);
}
