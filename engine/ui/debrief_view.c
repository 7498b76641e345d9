/* debrief_view.c: the debrief screen: ending, chart per learning goal, the case's closing question, interventions, red flags, thoughts, the case's hand-out. */
#include "app.h"
#include "replay.h"

#include <stdio.h>
#include <string.h>

#include "i18n.h"

/*
 * The button row at the bottom of the debrief. Each entry is one button;
 * `shown` decides per play whether it appears. To add a button (replaying
 * the conversation, exporting it), add an action to sp_ui_action in app.h,
 * a row here and its case in sp_ui_app_action(); nothing else changes.
 */
typedef struct debrief_button {
    const char *label;   /* msgid, translated when shown */
    const char *hint;    /* its key */
    sp_ui_btn_style style;
    int action;
    int (*shown)(const sp_ui_app *a);
} debrief_button;

static int has_next_case(const sp_ui_app *a)
{
    return a->traj && a->case_index + 1 < SP_CASE_COUNT && a->cases[a->case_index + 1].sc;
}

static int live(const sp_ui_app *a)
{
    return !a->debrief_of_replay;
}

static int replayed(const sp_ui_app *a)
{
    return a->debrief_of_replay;
}

/* Replaying and exporting read the transcript on disk. */
static int saved(const sp_ui_app *a)
{
    return !a->debrief_of_replay && a->t_path[0] != '\0';
}

static const debrief_button debrief_buttons[] = {
    { N_("Volgende casus"), "Enter", SP_UI_BTN_PRIMARY, SP_UI_ACT_NEXT_CASE, has_next_case },
    { N_("Terugkijken"), "T", SP_UI_BTN_SECONDARY, SP_UI_ACT_REPLAY_THIS, saved },
    { N_("Exporteren"), "E", SP_UI_BTN_SECONDARY, SP_UI_ACT_EXPORT, saved },
    { N_("Exporteren"), "E", SP_UI_BTN_SECONDARY, SP_UI_ACT_EXPORT, replayed },
    { N_("Opnieuw spelen"), "R", SP_UI_BTN_SECONDARY, SP_UI_ACT_AGAIN, live },
    { N_("Naar het menu"), "Esc", SP_UI_BTN_SECONDARY, SP_UI_ACT_TO_MENU, live },
    { N_("Terug"), "Esc", SP_UI_BTN_SECONDARY, SP_UI_ACT_REPLAY_BACK, replayed },
};

static int button_bar(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    enum { N = sizeof debrief_buttons / sizeof debrief_buttons[0] };
    const char *labels[N], *hints[N];
    sp_ui_btn_style styles[N];
    int actions[N], args[N], n = 0;
    for (int i = 0; i < N; i++) {
        if (!debrief_buttons[i].shown(a))
            continue;
        labels[n] = _(debrief_buttons[i].label);
        hints[n] = debrief_buttons[i].hint;
        styles[n] = debrief_buttons[i].style;
        actions[n] = debrief_buttons[i].action;
        args[n] = 0;
        n++;
    }
    return sp_ui_chrome_bottombar(ui, view, n, labels, hints, styles, actions, args);
}

/* The play the debrief is about: the one just finished, or a replayed one. */
static const sp_scenario *debrief_sc(const sp_ui_app *a)
{
    return a->debrief_of_replay && a->replay && a->replay->r ? a->replay->r->sc : a->sc;
}

static const sp_session *debrief_session(const sp_ui_app *a)
{
    return a->debrief_of_replay ? a->replay && a->replay->r ? a->replay->r->s : NULL : a->s;
}

static const sp_debrief *debrief_of(const sp_ui_app *a)
{
    return a->debrief_of_replay ? a->replay ? a->replay->db : NULL : a->debrief;
}

/* ---- the lists ----------------------------------------------------------------------- */

static void heading(sp_ui_ui *ui, sp_ui_page *pg, const char *s)
{
    pg->y += 2 * ui->m->unit;
    sp_ui_ui_text(ui, pg, SP_UI_FONT_H2, ui->th->text, s);
    pg->y += ui->m->unit;
}

/* One entry: a bold first line and an optional explanation below. */
static void item(sp_ui_ui *ui, sp_ui_page *pg, const char *head, const char *body)
{
    sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, ui->th->text, head);
    if (body && *body) {
        pg->y += ui->m->unit / 4;
        sp_ui_ui_text(ui, pg, SP_UI_FONT_BODY, ui->th->muted, body);
    }
    pg->y += 3 * ui->m->unit / 2;
}

static const char *flag_why(const sp_scenario *sc, int node, int flag, sp_lang lang)
{
    if (node < 0 || node >= sc->n_nodes)
        return "";
    for (int i = 0; i < sc->nodes[node].n_flags; i++)
        if (sc->nodes[node].flags[i].flag == flag)
            return sp_text_get(&sc->nodes[node].flags[i].why, lang);
    return "";
}

static void lists(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, const sp_debrief *d)
{
    const sp_scenario *sc = debrief_sc(a);
    const sp_handbook *hb = sc->handbook;
    sp_lang lang = sp_ui_app_lang(a);
    sp_ui_list *l = ui->l;

    heading(ui, pg, _("Interventies die je toepaste"));
    if (!d->n_applied)
        item(ui, pg, _("Geen: je hebt in dit gesprek geen van de interventies uit het handboek ingezet."), NULL);
    for (int i = 0; i < d->n_applied; i++) {
        const sp_intervention *iv = &hb->interventions[d->applied[i].intervention];
        item(ui, pg, sp_ui_list_strf(l, _("Beurt %d · %s"), d->applied[i].turn, sp_text_get(&iv->label, lang)),
             sp_text_get(&iv->explain, lang));
    }

    heading(ui, pg, _("Gemiste kansen"));
    if (!d->left && !d->n_missed_interventions)
        item(ui, pg, _("Geen: bij elke beslissing koos je een van de beste opties."), NULL);
    for (int i = 0; i < d->n_decisions; i++) {
        const sp_debrief_decision *ms = &d->decisions[i];
        if (ms->stronger < 0)
            continue;
        const sp_node *n = &sc->nodes[ms->node];
        const sp_option *best = &n->options[ms->stronger];
        char better[4096];
        int len = snprintf(better, sizeof better, _("Je koos: “%s”\nSterker was: “%s”"),
                           sp_text_get(&n->options[ms->chosen].text, lang), sp_text_get(&best->text, lang));
        for (int k = 0; k < best->n_interventions && len > 0 && len < (int)sizeof better; k++)
            len += snprintf(better + len, sizeof better - (size_t)len, k ? ", %s" : _("\nDaarmee zet je in: %s"),
                            sp_text_get(&hb->interventions[best->interventions[k]].label, lang));
        item(ui, pg, sp_ui_list_strf(l, ngettext("Beurt %d · %d punt laten liggen", "Beurt %d · %d punten laten liggen",
                                                  (unsigned long)ms->left), ms->turn, ms->left), better);
    }
    for (int i = 0; i < d->n_missed_interventions; i++) {
        const sp_intervention *iv = &hb->interventions[d->missed_interventions[i]];
        item(ui, pg, sp_ui_list_strf(l, _("Niet ingezet: %s"), sp_text_get(&iv->label, lang)),
             sp_text_get(&iv->explain, lang));
    }

    heading(ui, pg, _("Rode vlaggen"));
    if (!d->n_recognised && !d->n_flags_missed && !d->n_false_alarms && !d->n_not_intended)
        item(ui, pg, _("In dit gesprek waren geen rode vlaggen, en je hebt er ook geen gemarkeerd."), NULL);
    for (int i = 0; i < d->n_recognised; i++) {
        const sp_debrief_flag *f = &d->recognised[i];
        item(ui, pg, sp_ui_list_strf(l, _("Herkend in beurt %d · %s"), f->turn,
                                      sp_text_get(&hb->redflags[f->flag].label, lang)),
             flag_why(sc, f->node, f->flag, lang));
    }
    for (int i = 0; i < d->n_flags_missed; i++) {
        const sp_debrief_flag *f = &d->flags_missed[i];
        item(ui, pg, sp_ui_list_strf(l, _("Gemist in beurt %d · %s"), f->turn,
                                      sp_text_get(&hb->redflags[f->flag].label, lang)),
             flag_why(sc, f->node, f->flag, lang));
    }
    for (int i = 0; i < d->n_false_alarms; i++) {
        const sp_debrief_flag *f = &d->false_alarms[i];
        item(ui, pg, sp_ui_list_strf(l, _("Vals alarm in beurt %d · %s"), f->turn,
                                      sp_text_get(&hb->redflags[f->flag].label, lang)),
             sp_text_get(&hb->redflags[f->flag].explain, lang));
    }
    for (int i = 0; i < d->n_not_intended; i++) {
        const sp_debrief_flag *f = &d->not_intended[i];
        const char *why = flag_why(sc, f->node, f->flag, lang);
        item(ui, pg, sp_ui_list_strf(l, _("Niet bedoeld hier in beurt %d · %s"), f->turn,
                                      sp_text_get(&hb->redflags[f->flag].label, lang)),
             *why ? why : sp_text_get(&hb->redflags[f->flag].explain, lang));
    }

    if (d->n_thoughts) {
        heading(ui, pg, _("Gedachten"));
        for (int i = 0; i < d->n_thoughts; i++) {
            const sp_debrief_thought *t = &d->thoughts[i];
            const sp_thought *th = &hb->thoughts[t->thought];
            const char *said = sp_text_get(&sc->nodes[t->node].options[t->option].text, lang);
            /* what you thought, then its other half, both as thoughts (italic) */
            int hindering = t->side == SP_SIDE_HINDERING;
            const sp_ui_theme *tm = ui->th;
            sp_ui_ui_text(ui, pg, SP_UI_FONT_BOLD, tm->text,
                           sp_ui_list_strf(l, hindering ? _("Beurt %d · een belemmerende gedachte")
                                                         : _("Beurt %d · een helpende gedachte"), t->turn));
            sp_ui_ui_text(ui, pg, SP_UI_FONT_THOUGHT, tm->text, sp_ui_list_strf(l, "“%s”", said));
            pg->y += ui->m->unit / 2;
            sp_ui_ui_text(ui, pg, SP_UI_FONT_SMALL, tm->muted,
                           hindering ? _("Helpender is:") : _("De valkuil ernaast:"));
            sp_ui_ui_text(ui, pg, SP_UI_FONT_THOUGHT, tm->text,
                           sp_ui_list_strf(l, "“%s”", sp_text_get(hindering ? &th->helpful : &th->hindering, lang)));
            pg->y += ui->m->unit / 2;
            item(ui, pg, "", sp_text_get(&th->explain, lang));
        }
    }
}

/* The case's text t as the state at the end of the play makes it. */
static const char *closing_text(const sp_ui_app *a, const sp_text *t, sp_lang lang)
{
    const sp_session *s = debrief_session(a);
    return s ? sp_session_text(s, t, lang) : sp_text_get(t, lang);
}

/* The case's closing question (below the figures) or its hand-out (at the
 * end, on a card of its own), when the case has one. */
static void closing(sp_ui_app *a, sp_ui_ui *ui, sp_ui_page *pg, int handout)
{
    const sp_scenario *sc = debrief_sc(a);
    const char *text = closing_text(a, handout ? &sc->handout : &sc->reflection, sp_ui_app_lang(a));
    if (!text[0])
        return;
    const sp_ui_theme *th = ui->th;
    int u = ui->m->unit;
    if (!handout) {
        heading(ui, pg, _("Om over na te denken"));
        sp_ui_ui_text(ui, pg, SP_UI_FONT_THOUGHT, th->text, text);
        pg->y += u;
        return;
    }
    heading(ui, pg, _("Hand-out"));
    int card = ui->l->n_cmds, y0 = pg->y;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg->x, pg->y, pg->w, 0), th->surface, th->border,
                     th->high_contrast ? 2 : 1, u);
    sp_ui_page in = { .x = pg->x + 3 * u, .w = pg->w - 6 * u, .y = pg->y + 3 * u };
    sp_ui_ui_text(ui, &in, SP_UI_FONT_BODY, th->text, text);
    ui->l->cmds[card].r.h = in.y + 2 * u - y0;
    pg->y = in.y + 3 * u;
}

void sp_ui_debrief_view_build(sp_ui_app *a, sp_ui_ui *ui, sp_ui_rect view)
{
    const sp_debrief *d = debrief_of(a);
    const sp_scenario *sc = debrief_sc(a);
    if (!d || !sc)
        return;
    const sp_ui_metrics *m = ui->m;
    const sp_ui_theme *th = ui->th;
    sp_lang lang = sp_ui_app_lang(a);
    int u = m->unit;

    int bottom = button_bar(a, ui, view);
    a->bottom_bar = bottom;
    const char *title = _("Nabespreking");
    const char *sub = sp_text_get(&sc->title, lang);
    int top = sp_ui_chrome_topbar(ui, view, title, sub, 0, NULL, NULL, NULL);
    sp_ui_page pg;
    sp_ui_chrome_page(a, ui, view, top, bottom, m->measure_w * 6 / 5, 4 * u, &pg);

    /* The ending and its evaluation first: that is what the learner asks. */
    if (d->ending_node >= 0) {
        const sp_node *e = &sc->nodes[d->ending_node];
        sp_ui_rgba kc = sp_ui_chrome_ending_color(th, e->ending_kind);
        sp_ui_ui_badge(ui, pg.x, pg.y, sp_ui_chrome_ending_word(e->ending_kind), kc, sp_ui_ui_on(kc),
                        sp_ui_rect_make(pg.x, pg.y, pg.w, 1 << 20));
        pg.y += m->line_h[SP_UI_FONT_SMALL] + 2 * u;
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_H1, th->text, sp_text_get(&e->ending_title, lang));
        pg.y += u;
        sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->text, debrief_session(a) ? sp_session_text(debrief_session(a), &e->evaluation, lang)
                                                             : sp_text_get(&e->evaluation, lang));
        pg.y += 2 * u;
    }
    sp_ui_ui_text(ui, &pg, SP_UI_FONT_BODY, th->text, sp_ui_debrief_summary(ui->l, d));
    pg.y += 2 * u;

    /* The chart sits on a card of its own. */
    int card = ui->l->n_cmds;
    sp_ui_frame_cmd(ui->l, sp_ui_rect_make(pg.x, pg.y, pg.w, 0), th->surface, th->border,
                     th->high_contrast ? 2 : 1, u);
    int y0 = pg.y;
    sp_ui_page in = { .x = pg.x + 3 * u, .w = pg.w - 6 * u, .y = pg.y + 3 * u };
    sp_ui_ui_text(ui, &in, SP_UI_FONT_H2, th->text, _("Per leerdoel"));
    in.y += 2 * u;
    sp_ui_debrief_chart(a, ui, &in, a->hb ? a->hb : sc->handbook, d);
    ui->l->cmds[card].r.h = in.y + u - y0;
    pg.y = in.y + 3 * u;
    closing(a, ui, &pg, 0);

    lists(a, ui, &pg, d);
    closing(a, ui, &pg, 1);
    pg.y += 4 * u;
    sp_ui_ui_page_end(ui, &pg, &a->scroll[0]);
}
