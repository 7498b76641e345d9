/* presenter.c: the facilitator's screen in group play: the current step with scores, feedback and handbook references, vote entry and the controls for the next step; no SDL. */
#include "group_phones.h"
#include "group.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/*
 * The presenter window shows what the wall does not: the node, every
 * option's score per learning goal and its feedback before the room sees
 * it, the red flags present now, and the controls. It is laid out in the
 * user's own theme and text size (it sits on a laptop), from the same app
 * state as the wall; its clicks become the same actions, its keys go to
 * the same handler.
 *
 * On a wide window the controls have a column of their own on the right
 * (which does not scroll), the information the left one; on a narrow one
 * the controls come first.
 */

typedef struct pres {
    sp_ui_app *a;
    sp_ui_group *g;
    sp_ui_ui *ui;
    sp_lang lang;
} pres;

static void small(pres *p, sp_ui_page *pg, const char *s)
{
    sp_ui_ui_text(p->ui, pg, SP_UI_FONT_SMALL, p->ui->th->muted, s);
}

static void head(pres *p, sp_ui_page *pg, const char *s)
{
    pg->y += p->ui->m->unit;
    sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BOLD, p->ui->th->text, s);
    pg->y += p->ui->m->unit / 4;
}

/* A button at r whose label is shortened (its key hint dropped first) when
 * r is too narrow for it. */
static void fit_button(pres *p, sp_ui_rect r, const char *label, const char *hint, sp_ui_btn_style style,
                       int action, int arg, int enabled)
{
    if (hint && sp_ui_ui_button_w(p->ui, label, hint) > r.w)
        hint = NULL;
    if (sp_ui_ui_button_w(p->ui, label, NULL) > r.w)
        label = sp_ui_group_fit(p->ui, SP_UI_FONT_BOLD, label, r.w - sp_ui_ui_button_w(p->ui, "", NULL));
    sp_ui_ui_button(p->ui, r, label, hint, style, action, arg, enabled);
}

/* A full-width button at the cursor. */
static void button(pres *p, sp_ui_page *pg, const char *label, const char *hint, sp_ui_btn_style style,
                   int action, int arg, int enabled)
{
    int h = sp_ui_ui_button_h(p->ui);
    fit_button(p, sp_ui_rect_make(pg->x, pg->y, pg->w, h), label, hint, style, action, arg, enabled);
    pg->y += h + p->ui->m->unit;
}

/* Why flag f is present now: the scenario's reason on the nodes passed
 * since the previous decision. */
static const char *flag_why(pres *p, int f)
{
    const sp_session *s = p->a->s;
    const sp_scenario *sc = p->a->sc;
    int n = sp_session_path_count(s);
    for (int i = n - 1; i >= 0; i--) {
        const sp_node *nd = &sc->nodes[sp_session_path(s, i)];
        if (i < n - 1 && (nd->kind == SP_NODE_DECISION || nd->kind == SP_NODE_THOUGHT))
            break;
        for (int k = 0; k < nd->n_flags; k++)
            if (nd->flags[k].flag == f)
                return sp_text_get(&nd->flags[k].why, p->lang);
    }
    return "";
}

static const char *phase_name(const sp_ui_group *g)
{
    if (g->flag_round)
        return _("rode-vlaggenronde");
    switch (g->phase) {
    case SP_UI_GROUP_SCENE:    return _("gesprek en vraag");
    case SP_UI_GROUP_VOTE:     return _("stemmen");
    case SP_UI_GROUP_DECIDED:  return _("besloten, toelichting verborgen");
    case SP_UI_GROUP_REVEALED: return _("toelichting getoond");
    }
    return "";
}

/* "+2 relatie, −1 helderheid", "geen punten" */
static const char *deltas(pres *p, const sp_option *o)
{
    const sp_handbook *hb = p->a->sc->handbook;
    char buf[512];
    int len = 0;
    buf[0] = '\0';
    for (int i = 0; i < o->n_scores && len < (int)sizeof buf - 64; i++)
        len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%+d %s", i ? ", " : "", o->scores[i].delta,
                        sp_text_get(&hb->goals[o->scores[i].goal].label, p->lang));
    return len ? sp_ui_list_str(p->ui->l, buf, len) : _("geen punten");
}

/* The options of node nd offered as offered[0..n), with everything the
 * facilitator needs to steer the discussion. */
static void options(pres *p, sp_ui_page *pg, const sp_node *nd, const int *offered, int n, int chosen)
{
    const sp_ui_theme *th = p->ui->th;
    const sp_handbook *hb = p->a->sc->handbook;
    int u = p->ui->m->unit;
    int best = -1000;
    for (int k = 0; k < n; k++)
        if (sp_option_total(&nd->options[offered[k]]) > best)
            best = sp_option_total(&nd->options[offered[k]]);
    for (int k = 0; k < n; k++) {
        const sp_option *o = &nd->options[offered[k]];
        int total = sp_option_total(o);
        const char *mark = k == chosen ? _(" · gekozen") : "";
        const char *strong = total >= best ? _(" · sterkste") : "";
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BOLD, total >= best ? th->good : th->text,
                       sp_ui_list_strf(p->ui->l, _("%c  %+d punten%s%s"), sp_ui_group_letter(k), total, strong, mark));
        sp_ui_ui_text(p->ui, pg, nd->kind == SP_NODE_THOUGHT ? SP_UI_FONT_THOUGHT : SP_UI_FONT_BODY, th->text,
                       sp_text_get(&o->text, p->lang));
        small(p, pg, deltas(p, o));
        if (o->n_interventions) {
            char buf[512];
            int len = 0;
            for (int i = 0; i < o->n_interventions && len < (int)sizeof buf - 64; i++)
                len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s", i ? ", " : "",
                                sp_text_get(&hb->interventions[o->interventions[i]].label, p->lang));
            small(p, pg, sp_ui_list_strf(p->ui->l, _("Interventie: %s"), buf));
        }
        if (o->thought >= 0)
            small(p, pg, sp_ui_list_strf(p->ui->l, "%s: %s",
                                          o->side == SP_SIDE_HINDERING ? _("Belemmerende gedachte") : _("Helpende gedachte"),
                                          sp_text_get(o->side == SP_SIDE_HINDERING ? &hb->thoughts[o->thought].hindering
                                                                                   : &hb->thoughts[o->thought].helpful,
                                                      p->lang)));
        pg->y += u / 4;
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_SMALL, th->text,
                       sp_ui_list_strf(p->ui->l, _("Toelichting: %s"),
                                        sp_session_text_at(p->a->s, chosen >= 0 ? sp_session_turn(p->a->s) - 2 : 1 << 30,
                                                           &o->feedback, p->lang)));
        if (*sp_text_get(&o->ref_label, p->lang))
            small(p, pg, sp_text_get(&o->ref_label, p->lang));
        pg->y += u;
    }
}

/* What is on the wall now, in full. */
static void info(pres *p, sp_ui_page *pg)
{
    sp_ui_app *a = p->a;
    sp_ui_group *g = p->g;
    const sp_view *v = sp_ui_app_view(a);
    const sp_scenario *sc = a->sc;
    const sp_ui_theme *th = p->ui->th;
    int u = p->ui->m->unit;
    if (g->phase >= SP_UI_GROUP_DECIDED && g->n_last > 0) {
        const sp_node *nd = &sc->nodes[g->last_node];
        small(p, pg, sp_ui_list_strf(p->ui->l, _("Beurt %d · net besloten"), g->last_turn));
        head(p, pg, *sp_text_get(&nd->prompt, p->lang) ? sp_text_get(&nd->prompt, p->lang) : _("De opties"));
        options(p, pg, nd, g->last_offered, g->n_last, g->last_chosen);
        return;
    }
    small(p, pg, sp_ui_list_strf(p->ui->l, _("Beurt %d"), v->turn)); /* as the wall numbers it; no internal ids */
    if (g->flag_round) {
        unsigned char present[64], marked[64];
        sp_ui_group_flags_now(a, present, marked);
        head(p, pg, _("Klik de vlag die de groep noemt"));
        for (int f = 0; f < sc->handbook->n_redflags && f < 64; f++) {
            const char *label = sp_text_get(&sc->handbook->redflags[f].label, p->lang);
            if (marked[f])
                label = sp_ui_list_strf(p->ui->l, "%d  %s · %s", f + 1, label,
                                         sp_ui_flag_verdict_name(sp_session_flag_verdict(a->s, f, sp_session_turn(a->s), NULL)));
            else
                label = sp_ui_list_strf(p->ui->l, "%d  %s%s", f + 1, label,
                                         present[f] ? _(" · speelt")
                                         : sp_session_flag_verdict(a->s, f, sp_session_turn(a->s), NULL) ==
                                                   SP_FLAG_NOT_INTENDED
                                             ? _(" · niet bedoeld hier")
                                             : "");
            int h = sp_ui_ui_button_h(p->ui);
            fit_button(p, sp_ui_rect_make(pg->x, pg->y, pg->w, h), label, NULL,
                       present[f] && !marked[f] ? SP_UI_BTN_SELECTED : SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_MARK,
                       f, !marked[f]);
            pg->y += h + u / 2;
        }
        pg->y += u;
    }
    if (*v->discuss) {
        head(p, pg, _("Vraag voor de groep"));
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text, v->discuss);
    }
    unsigned char present[64], marked[64];
    sp_ui_group_flags_now(a, present, marked);
    head(p, pg, _("Rode vlaggen die nu spelen"));
    int any = 0, elsewhere = 0;
    unsigned char verdict[64];
    for (int f = 0; f < sc->handbook->n_redflags && f < 64; f++) {
        verdict[f] = (unsigned char)sp_session_flag_verdict(a->s, f, sp_session_turn(a->s), NULL);
        elsewhere |= verdict[f] == SP_FLAG_NOT_INTENDED;
        if (!present[f])
            continue;
        any = 1;
        const char *why = flag_why(p, f);
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, marked[f] ? th->good : th->text,
                       sp_ui_list_strf(p->ui->l, "%s%s", sp_text_get(&sc->handbook->redflags[f].label, p->lang),
                                        marked[f] ? _(" · herkend") : ""));
        if (*why)
            small(p, pg, why);
    }
    if (!any)
        small(p, pg, elsewhere ? _("Geen vlag die de casus hier legt.") : _("Geen: een vlag die de groep nu noemt, is vals alarm."));
    for (int f = 0; f < sc->handbook->n_redflags && f < 64; f++) /* defensible, placed at another moment */
        if (verdict[f] == SP_FLAG_NOT_INTENDED)
            sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->mixed,
                           sp_ui_list_strf(p->ui->l, "~ %s · %s", sp_text_get(&sc->handbook->redflags[f].label, p->lang),
                                            _("niet bedoeld hier (geen vals alarm)")));
    if (g->phones) { /* live, for the presenter only: the wall shows them at the flag round */
        char line[512];
        sp_ui_phones_flags_line(g->phones, sc->handbook, p->lang, verdict, line, sizeof line);
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_SMALL, th->accent, line);
    }
    if (v->kind == SP_VIEW_ENDING) {
        head(p, pg, sp_ui_list_strf(p->ui->l, _("Einde: %s"), v->ending_title));
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text, v->evaluation);
    } else {
        head(p, pg, v->kind == SP_VIEW_THOUGHT ? _("Wat denk je? (een gedachte)")
                                               : *v->prompt ? v->prompt : _("Wat zeg je?"));
        int offered[SP_UI_GROUP_OPTIONS];
        int n = v->n_options < SP_UI_GROUP_OPTIONS ? v->n_options : SP_UI_GROUP_OPTIONS;
        for (int k = 0; k < n; k++)
            offered[k] = v->options[k].option;
        options(p, pg, &sc->nodes[v->node], offered, n, -1);
    }
    head(p, pg, _("Het gesprek op het scherm"));
    for (int i = 0; i < v->n_lines; i++) {
        const sp_view_line *ln = &v->lines[i];
        sp_ui_ui_text(p->ui, pg, ln->speaker >= 0 ? SP_UI_FONT_SMALL : SP_UI_FONT_THOUGHT, th->muted,
                       ln->speaker >= 0 ? sp_ui_list_strf(p->ui->l, "%s: %s", ln->speaker_name, ln->text) : ln->text);
        pg->y += u / 4;
    }
}

/* The vote: one row per option with − count +, and "Toch X". */
static void vote_rows(pres *p, sp_ui_page *pg)
{
    sp_ui_group *g = p->g;
    sp_ui_ui *ui = p->ui;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    int u = m->unit;
    int bh = sp_ui_ui_button_h(ui);
    int nw = m->measure(m->ctx, SP_UI_FONT_H2, "9999", 4) + 2 * u;
    int both[SP_UI_GROUP_OPTIONS];
    sp_ui_phones_with(g->phones, g->counts, g->n_counts, both); /* what Enter takes: typed + phones */
    sp_vote_tally t = sp_vote_count(both, g->n_counts);
    for (int k = 0; k < g->n_counts; k++) {
        int x = pg->x, y = pg->y;
        char letter[2] = { sp_ui_group_letter(k), 0 };
        int sel = g->phase == SP_UI_GROUP_VOTE && g->sel == k;
        sp_ui_ui_button(ui, sp_ui_rect_make(x, y, bh, bh), letter, NULL,
                         sel ? SP_UI_BTN_SELECTED : SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_SELECT, k, 1);
        x += bh + u;
        sp_ui_ui_button(ui, sp_ui_rect_make(x, y, bh, bh), "−", NULL, SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_DEC, k,
                         g->counts[k] > 0);
        x += bh + u;
        const char *num = sp_ui_list_strf(ui->l, "%d", g->counts[k]);
        int w = m->measure(m->ctx, SP_UI_FONT_H2, num, (int)strlen(num));
        sp_ui_rect box = sp_ui_rect_make(x, y, nw, bh);
        sp_ui_text_cmd(ui->l, m, SP_UI_FONT_H2, t.majority == k ? th->accent : th->text, x + (nw - w) / 2,
                        y + (bh - m->line_h[SP_UI_FONT_H2]) / 2, num, -1, box);
        x += nw + u;
        sp_ui_ui_button(ui, sp_ui_rect_make(x, y, bh, bh), "+", NULL, SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_INC, k, 1);
        x += bh + u;
        const char *pick = sp_ui_list_strf(ui->l, t.majority == k ? _("Optie %c nemen") : _("Toch optie %c"),
                                            sp_ui_group_letter(k));
        const char *hint = sp_ui_list_strf(ui->l, "Shift+%c", sp_ui_group_letter(k));
        int pw = pg->x + pg->w - x;
        if (pw > sp_ui_ui_button_w(ui, "…", NULL))
            fit_button(p, sp_ui_rect_make(x, y, pw, bh), pick, hint,
                       t.majority == k ? SP_UI_BTN_PRIMARY : SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_PICK, k, 1);
        pg->y += bh + u;
    }
    const char *s;
    if (t.total == 0)
        s = sp_ui_list_strf(ui->l, _("Nog geen stemmen. A–%c kiest de optie, + en − of cijfers tellen."),
                             sp_ui_group_letter(g->n_counts - 1));
    else if (t.majority >= 0)
        s = sp_ui_list_strf(ui->l, _("Meerderheid: %c (%d van %d). Enter neemt haar."), sp_ui_group_letter(t.majority),
                             t.top, t.total);
    else
        s = sp_ui_list_strf(ui->l, _("Gelijke stand (%d stemmen): kies zelf met Shift en de letter."), t.total);
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, t.total && t.majority < 0 ? th->mixed : th->text, s);
    if (g->status[0])
        sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, th->bad, g->status);
    if (g->phones) /* the live tally, for the presenter only */
        sp_ui_phones_presenter(ui, pg, g->phones, g->n_counts, p->a->settings.lang == SP_LANG_EN);
    pg->y += u;
}

/* Enter has a majority to take: typed counts and the phones' together. */
static int take_ok(sp_ui_group *g)
{
    int both[SP_UI_GROUP_OPTIONS];
    sp_ui_phones_with(g->phones, g->counts, g->n_counts, both);
    return sp_vote_count(both, g->n_counts).majority >= 0;
}

/* A screen the wall shows in pages: which one is up, and how to go on
 * (Enter, Space and N show the next page before they take the next step). */
static void wall_pages(pres *p, sp_ui_page *pg)
{
    sp_ui_group *g = p->g;
    int at = g->wall_page < g->wall_pages ? g->wall_page : g->wall_pages - 1;
    head(p, pg, sp_ui_list_strf(p->ui->l, _("Groot scherm: pagina %d van %d"), at + 1, g->wall_pages));
    if (at + 1 < g->wall_pages) {
        small(p, pg, _("Enter toont eerst de volgende pagina, daarna gaat Enter verder."));
        button(p, pg, _("Volgende pagina"), "PageDown", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_PAGE, 1, 1);
    } else {
        small(p, pg, _("De laatste pagina: Enter gaat verder."));
    }
    if (at > 0)
        button(p, pg, _("Vorige pagina"), "PageUp", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_PAGE, -1, 1);
}

/* The controls for the current step. */
static void controls(pres *p, sp_ui_page *pg)
{
    sp_ui_app *a = p->a;
    sp_ui_group *g = p->g;
    const sp_view *v = sp_ui_app_view(a);
    const sp_ui_theme *th = p->ui->th;
    const sp_scenario *sc = a->sc;
    int left = sp_ui_group_timer_left(a);
    if (g->flag_round) {
        head(p, pg, _("Rode-vlaggenronde"));
        small(p, pg, _("De groep noemt vlaggen; klik ze aan in de lijst. De muur toont per vlag herkend of vals alarm."));
        pg->y += p->ui->m->unit;
        button(p, pg, _("Klaar met rode vlaggen"), "F", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_FLAGS, 0, 1);
        return;
    }
    if (g->wall_pages > 1)
        wall_pages(p, pg);
    if (v->kind == SP_VIEW_ENDING && g->phase < SP_UI_GROUP_DECIDED) {
        head(p, pg, _("Het gesprek is afgelopen"));
        button(p, pg, _("Naar de nabespreking"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_DEBRIEF, 0, 1);
        return;
    }
    switch (g->phase) {
    case SP_UI_GROUP_SCENE:
    case SP_UI_GROUP_VOTE:
        if (g->phase == SP_UI_GROUP_SCENE && !sp_ui_group_room_moment(a)) {
            /* not the room's moment: the trainer chooses, no vote */
            head(p, pg, _("De trainer kiest hier (geen stemming)"));
            if (g->status[0]) /* why Enter or a letter opened no vote */
                sp_ui_ui_text(p->ui, pg, SP_UI_FONT_SMALL, th->bad, g->status);
            for (int k = 0; k < g->n_counts; k++)
                button(p, pg, sp_ui_list_strf(p->ui->l, _("%c kiezen"), sp_ui_group_letter(k)),
                       sp_ui_list_strf(p->ui->l, "Shift+%c", sp_ui_group_letter(k)), SP_UI_BTN_SECONDARY,
                       SP_UI_ACT_GROUP_PICK, k, 1);
            button(p, pg, _("Rode-vlaggenronde"), "F", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_FLAGS, 0, 1);
            break;
        }
        head(p, pg, g->phase == SP_UI_GROUP_SCENE ? _("Bespreken, dan stemmen") : _("Stemmen van de groep"));
        if (g->phase == SP_UI_GROUP_SCENE)
            button(p, pg, _("Naar de stemming"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_VOTE, 0, 1);
        vote_rows(p, pg);
        if (g->phase == SP_UI_GROUP_VOTE)
            button(p, pg, _("Meerderheid nemen"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_GROUP_TAKE, 0,
                   take_ok(g));
        button(p, pg, _("Stemmen op nul"), NULL, SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_CLEAR, 0, 1);
        button(p, pg, _("Rode-vlaggenronde"), "F", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_FLAGS, 0, 1);
        break;
    case SP_UI_GROUP_DECIDED:
    case SP_UI_GROUP_REVEALED:
        head(p, pg, _("Besloten"));
        if (g->n_last > 0) {
            const sp_node *nd = &sc->nodes[g->last_node];
            const sp_option *o = &nd->options[g->last_offered[g->last_chosen]];
            sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text,
                           sp_ui_list_strf(p->ui->l, _("%c genomen%s%s"), sp_ui_group_letter(g->last_chosen),
                                            g->last_override ? _(", tegen de meerderheid in") : "",
                                            g->has_votes ? "" : _(", zonder stemming")));
            small(p, pg, sp_ui_list_strf(p->ui->l, _("Toelichting: %s"),
                                          sp_session_text_at(a->s, sp_session_turn(a->s) - 2, &o->feedback, p->lang)));
            if (g->judge.valid && g->judge.node == g->last_node && g->judge.stronger >= 0)
                sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text,
                               sp_ui_list_strf(p->ui->l, _("Sterker was: “%s” (%+d)"),
                                                sp_text_get(&nd->options[g->judge.stronger].text, p->lang),
                                                g->judge.stronger_total));
        }
        pg->y += p->ui->m->unit;
        button(p, pg, g->phase == SP_UI_GROUP_DECIDED ? _("Toelichting tonen") : _("Toelichting verbergen"), "R",
               g->phase == SP_UI_GROUP_DECIDED ? SP_UI_BTN_PRIMARY : SP_UI_BTN_SECONDARY,
               SP_UI_ACT_GROUP_REVEAL, 0, 1);
        button(p, pg, _("Verder"), g->phase == SP_UI_GROUP_REVEALED ? "Enter" : "N",
               g->phase == SP_UI_GROUP_REVEALED ? SP_UI_BTN_PRIMARY : SP_UI_BTN_SECONDARY,
               SP_UI_ACT_GROUP_NEXT, 0, 1);
        break;
    }
    button(p, pg, left < 0 ? sp_ui_list_strf(p->ui->l, _("Timer %d:%02d starten"), SP_UI_GROUP_TIMER_S / 60,
                                              SP_UI_GROUP_TIMER_S % 60)
                           : _("Timer stoppen"),
           "T", SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_TIMER, 0, 1);
    button(p, pg, _("Vorige stap terugnemen"), "Ctrl+Z", SP_UI_BTN_SECONDARY, SP_UI_ACT_UNDO, 0,
           a->s && sp_session_history_count(a->s) > 0);
}

/* ---- outside the play: menu, briefing, debrief ------------------------------------------- */

/* For the discussion after the play: how the room voted at each decision
 * and where a stronger option was on offer. */
static void debrief_notes(pres *p, sp_ui_page *pg, const sp_debrief *d)
{
    const sp_scenario *sc = p->a->sc;
    const sp_replay *r = p->g->replay;
    head(p, pg, _("Hoe de groep stemde"));
    for (int i = 0; r && i < r->n_decisions; i++) {
        const sp_replay_step *st = &r->steps[i];
        char buf[256];
        int len = snprintf(buf, sizeof buf, _("Beurt %d:"), st->turn);
        for (int k = 0; k < st->n_offered && len < (int)sizeof buf - 48; k++) {
            int chosen = st->offered[k] == st->chosen, best = st->offered[k] == st->best;
            if (st->n_votes == st->n_offered)
                len += snprintf(buf + len, sizeof buf - (size_t)len, " %c %d", sp_ui_group_letter(k), st->votes[k]);
            else
                len += snprintf(buf + len, sizeof buf - (size_t)len, " %c", sp_ui_group_letter(k));
            const char *tag = chosen && best ? _(" (gekozen, sterkste)") : chosen ? _(" (gekozen)")
                            : best ? _(" (sterkste)") : "";
            len += snprintf(buf + len, sizeof buf - (size_t)len, "%s%s", tag, k + 1 < st->n_offered ? " ·" : "");
        }
        if (st->override && len < (int)sizeof buf - 40)
            snprintf(buf + len, sizeof buf - (size_t)len, "%s", _(" (tegen de meerderheid in)"));
        small(p, pg, buf);
    }
    head(p, pg, _("Om te bespreken"));
    if (!d->left)
        small(p, pg, _("Bij elke beslissing koos de groep een van de sterkste opties."));
    for (int i = 0; i < d->n_decisions; i++) {
        const sp_debrief_decision *ms = &d->decisions[i];
        if (ms->stronger < 0)
            continue;
        const sp_node *nd = &sc->nodes[ms->node];
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_SMALL, p->ui->th->text,
                       sp_ui_list_strf(p->ui->l, _("Beurt %d: gekozen “%s”; sterker was “%s” (%d punten meer)."),
                                        ms->turn, sp_text_get(&nd->options[ms->chosen].text, p->lang),
                                        sp_text_get(&nd->options[ms->stronger].text, p->lang), ms->left));
        pg->y += p->ui->m->unit / 2;
    }
}

static void elsewhere(pres *p, sp_ui_page *pg)
{
    sp_ui_app *a = p->a;
    const sp_ui_theme *th = p->ui->th;
    if (a->overlay != SP_UI_OV_NONE) {
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text,
                       _("Op het grote scherm staat een menu open. Kies daar, of sluit het."));
        pg->y += p->ui->m->unit;
        button(p, pg, _("Sluiten"), "Esc", SP_UI_BTN_PRIMARY, SP_UI_ACT_CLOSE, 0, 1);
        return;
    }
    switch (a->screen) {
    case SP_UI_SCREEN_MENU:
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text, _("Kies de casus voor de groep."));
        pg->y += p->ui->m->unit;
        for (int i = 0; i < SP_CASE_COUNT; i++) {
            const sp_scenario *sc = a->cases[i].sc;
            button(p, pg, sc ? sp_text_get(&sc->title, p->lang) : sp_case_ids[i], NULL, SP_UI_BTN_SECONDARY,
                   SP_UI_ACT_START, i, sc != NULL);
        }
        button(p, pg, _("Afsluiten"), "Q", SP_UI_BTN_SECONDARY, SP_UI_ACT_QUIT, 0, 1);
        break;
    case SP_UI_SCREEN_BRIEFING: {
        const sp_scenario *sc = a->sc;
        if (!sc)
            break;
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_H2, th->text, sp_text_get(&sc->title, p->lang));
        pg->y += p->ui->m->unit;
        small(p, pg, _("Op het grote scherm staat de rolkaart. Lees hem samen voor, dan begint het gesprek."));
        pg->y += p->ui->m->unit;
        sp_ui_group_room_line(a, p->ui, pg);
        button(p, pg, _("Beginnen"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_BEGIN, 0, 1);
        /* The set-up's switch: the room votes from its phones (P). */
        button(p, pg, sp_ui_phones_switch_label(p->g->phones_on, p->lang == SP_LANG_EN), "P",
               p->g->phones_on ? SP_UI_BTN_SELECTED : SP_UI_BTN_SECONDARY, SP_UI_ACT_GROUP_PHONES, 0, 1);
        if (p->g->phones && p->g->phones->srv)
            small(p, pg, sp_ui_list_strf(p->ui->l, "%s · %s", sp_phones_base(p->g->phones->srv),
                                          sp_phones_code(p->g->phones->srv)));
        else if (a->notice[0])
            sp_ui_ui_text(p->ui, pg, SP_UI_FONT_SMALL, th->bad, a->notice);
        pg->y += p->ui->m->unit;
        sp_ui_ui_labelled(p->ui, pg, _("Jij bent"), sp_text_get(&sc->briefing.you, p->lang));
        sp_ui_ui_labelled(p->ui, pg, _("Je spreekt"), sp_text_get(&sc->briefing.meet, p->lang));
        sp_ui_ui_labelled(p->ui, pg, _("De situatie"), sp_text_get(&sc->briefing.situation, p->lang));
        sp_ui_ui_labelled(p->ui, pg, _("Je doel"), sp_text_get(&sc->briefing.aim, p->lang));
        break;
    }
    case SP_UI_SCREEN_DEBRIEF: {
        const sp_debrief *d = a->debrief;
        if (d)
            sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text,
                           sp_ui_list_strf(p->ui->l, _("De groep haalde %d van de %d punten die onderweg te halen waren."),
                                            d->total, d->total_max));
        small(p, pg, _("Op het grote scherm staat de nabespreking; PageDown en PageUp scrollen hem."));
        pg->y += p->ui->m->unit;
        if (a->traj && a->case_index + 1 < SP_CASE_COUNT && a->cases[a->case_index + 1].sc)
            button(p, pg, _("Volgende casus"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_NEXT_CASE, 0, 1);
        button(p, pg, _("Opnieuw spelen"), "R", SP_UI_BTN_SECONDARY, SP_UI_ACT_AGAIN, 0, 1);
        button(p, pg, _("Naar het menu"), "Esc", SP_UI_BTN_SECONDARY, SP_UI_ACT_TO_MENU, 0, 1);
        if (d)
            debrief_notes(p, pg, d);
        break;
    }
    default:
        sp_ui_ui_text(p->ui, pg, SP_UI_FONT_BODY, th->text, _("Het grote scherm toont nu geen groepstraining."));
        break;
    }
}

void sp_ui_presenter_build(sp_ui_app *a, const sp_ui_metrics *m, int w, int h, int hover, sp_ui_list *out)
{
    sp_ui_list_reset(out);
    sp_ui_ui ui = { .l = out, .m = m, .th = sp_ui_theme_get(a->settings.high_contrast),
                     .focus = -1, .hover = hover };
    sp_ui_rect view = sp_ui_rect_make(0, 0, w, h);
    sp_ui_rect_cmd(out, view, ui.th->bg, 0)->tag = SP_UI_TAG_BACKGROUND;
    sp_ui_group *g = a->group;
    if (!g)
        return;
    pres p = { a, g, &ui, sp_ui_app_lang(a) };
    int u = m->unit;
    const sp_view *v = sp_ui_app_view(a);
    int playing = v && a->screen == SP_UI_SCREEN_PLAY && a->overlay == SP_UI_OV_NONE;

    const char *title = sp_ui_list_strf(out, _("Presentator · %s"),
                                         a->sc ? sp_text_get(&a->sc->title, p.lang) : "samenspel");
    int left = sp_ui_group_timer_left(a);
    char timer[64] = "";
    if (left > 0)
        snprintf(timer, sizeof timer, _(" · timer %d:%02d"), left / 60, left % 60);
    else if (left == 0)
        snprintf(timer, sizeof timer, "%s", _(" · de tijd is om"));
    /* The turn as the wall numbers it: once decided, the decision's own turn. */
    int turn = v && g->phase >= SP_UI_GROUP_DECIDED && g->n_last > 0 ? g->last_turn : v ? v->turn : 0;
    const char *sub = !playing ? _("Groepstraining")
                    : v->kind == SP_VIEW_ENDING && g->phase < SP_UI_GROUP_DECIDED ? _("Einde van het gesprek") /* as the wall */
                    : sp_ui_list_strf(out, _("Beurt %d · %s%s"), turn, phase_name(g), timer);
    int top = sp_ui_chrome_topbar(&ui, view, title, sub, 0, NULL, NULL, NULL);
    sp_ui_rect region = sp_ui_rect_make(0, top, w, h - top);
    int margin = 2 * u;

    if (!playing) {
        int x, cw;
        sp_ui_chrome_column(&ui, region, m->measure_w, &x, &cw);
        sp_ui_page pg;
        sp_ui_ui_page_begin(&ui, &pg, region, x, cw);
        pg.y = 2 * u;
        elsewhere(&p, &pg);
        pg.y += 2 * u;
        g->pres_page = region.h;
        sp_ui_ui_page_end(&ui, &pg, &g->pres_scroll);
        return;
    }
    /* Two columns when each keeps a readable width. */
    int wide = w >= m->measure_w * 3 / 2;
    if (wide) {
        int cw = w * 2 / 5;
        if (cw < m->measure_w * 3 / 5)
            cw = m->measure_w * 3 / 5;
        sp_ui_rect right = sp_ui_rect_make(w - cw, top, cw, h - top);
        sp_ui_rect_cmd(out, right, ui.th->bar, 0);
        int keep = 0;
        sp_ui_page cp;
        sp_ui_ui_page_begin(&ui, &cp, right, right.x + margin, cw - 2 * margin);
        cp.y = u;
        controls(&p, &cp);
        cp.y += u;
        sp_ui_ui_page_end(&ui, &cp, &keep);
        sp_ui_rect lr = sp_ui_rect_make(0, top, w - cw, h - top);
        sp_ui_page pg;
        sp_ui_ui_page_begin(&ui, &pg, lr, margin, lr.w - 2 * margin);
        pg.y = u;
        info(&p, &pg);
        pg.y += 2 * u;
        g->pres_page = lr.h;
        sp_ui_ui_page_end(&ui, &pg, &g->pres_scroll);
    } else {
        sp_ui_page pg;
        sp_ui_ui_page_begin(&ui, &pg, region, margin, w - 2 * margin);
        pg.y = u;
        controls(&p, &pg);
        pg.y += 2 * u;
        info(&p, &pg);
        pg.y += 2 * u;
        g->pres_page = region.h;
        sp_ui_ui_page_end(&ui, &pg, &g->pres_scroll);
    }
}
