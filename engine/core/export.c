/* export.c: the export words, the writers' shared pieces (HTML escaping, interventions) and the CSV for trainers (RFC 4180); the HTML is export_html.c. */
#include "export.h"
#include "alloc.h"
#include "export_buf.h"
#include "figures.h"
#include "model_internal.h"
#include "translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== interface words ======================================================= */

const char *sp_export_kind(sp_lang lang, sp_ending_kind k)
{
    return sp_translate(lang, k == SP_ENDING_GOOD ? SP_N_("goed")
                              : k == SP_ENDING_MIXED ? SP_N_("gemengd") : SP_N_("zwak"));
}

/* Text for HTML element content or attribute values; a line break becomes
 * <br> in content. */
void sp_export_buf_esc(sp_export_buf *b, const char *s, int attr)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '&': sp_export_buf_put(b, "&amp;"); break;
        case '<': sp_export_buf_put(b, "&lt;"); break;
        case '>': sp_export_buf_put(b, "&gt;"); break;
        case '"': sp_export_buf_put(b, "&quot;"); break;
        case '\'': sp_export_buf_put(b, "&#39;"); break;
        case '\n': sp_export_buf_put(b, attr ? " " : "<br>"); break;
        default: sp_export_buf_put_n(b, p, 1);
        }
    }
}

/* The labels of an option's interventions, joined by sep. */
void sp_export_buf_interventions(sp_export_buf *b, const sp_replay *r, const sp_option *o, const char *sep,
                                 int html)
{
    const sp_handbook *hb = r->sc->handbook;
    for (int m = 0; m < o->n_interventions; m++) {
        sp_export_buf_put(b, m ? sep : "");
        const char *label = sp_text_get(&hb->interventions[o->interventions[m]].label, r->lang);
        if (html)
            sp_export_buf_esc(b, label, 0);
        else
            sp_export_buf_put(b, label);
    }
}

/* ==== CSV ======================================================================= */

static const char *side_word(const sp_replay *r, sp_side side)
{
    return sp_translate(r->lang, side == SP_SIDE_HINDERING ? SP_N_("belemmerend") : SP_N_("helpend"));
}

/* One text field, quoted when it must be (RFC 4180 section 2.6, 2.7). A
 * text that starts with = + - @ TAB or CR would be taken for a formula by a
 * spreadsheet (CSV injection): as OWASP advises, it gets a leading single
 * quote and the field is quoted, so it shows as the text it is. */
static void csv_field(sp_export_buf *b, const char *s, int first)
{
    if (!first)
        sp_export_buf_put(b, ",");
    int formula = s[0] && strchr("=+-@\t\r", s[0]) != NULL;
    if (!formula && !strpbrk(s, ",\"\r\n")) {
        sp_export_buf_put(b, s);
        return;
    }
    sp_export_buf_put(b, formula ? "\"'" : "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sp_export_buf_put(b, "\"\"");
        else
            sp_export_buf_put_n(b, p, 1);
    }
    sp_export_buf_put(b, "\"");
}

/* A number we computed: written as it is, a minus sign included. */
static void csv_num(sp_export_buf *b, int v, int first)
{
    sp_export_buf_putf(b, first ? "%d" : ",%d", v);
}

/* The composite fields of a decision row (interventions, thought, flags,
 * votes, notes), each built in f and written as one field. */
static void csv_rest(sp_export_buf *b, sp_export_buf *f, const sp_replay *r, int i)
{
    const sp_handbook *hb = r->sc->handbook;
    const sp_replay_step *s = &r->steps[i];
    const sp_node *nd = &r->sc->nodes[s->node];
    const sp_option *o = &nd->options[s->chosen];
    f->len = 0;
    sp_export_buf_put(f, "");
    sp_export_buf_interventions(f, r, o, "; ", 0);
    csv_field(b, f->nomem ? "" : f->s, 0);
    f->len = 0;
    sp_export_buf_put(f, "");
    if (o->thought >= 0) {
        sp_export_buf_putf(f, "%s (", hb->thoughts[o->thought].id);
        sp_export_buf_put(f, side_word(r, o->side));
        sp_export_buf_put(f, ")");
    }
    csv_field(b, f->nomem ? "" : f->s, 0);
    f->len = 0;
    sp_export_buf_put(f, "");
    for (int k = 0; k < s->n_marked; k++) {
        sp_export_buf_put(f, k ? "; " : "");
        sp_export_buf_put(f, sp_text_get(&hb->redflags[s->marked[k]].label, r->lang));
        if (s->marked_verdict[k] != SP_FLAG_PRESENT) {
            sp_export_buf_put(f, " (");
            sp_export_buf_put(f, sp_translate(r->lang, s->marked_verdict[k] == SP_FLAG_NOT_INTENDED ? SP_N_("niet bedoeld hier") : SP_N_("vals alarm")));
            sp_export_buf_put(f, ")");
        }
    }
    csv_field(b, f->nomem ? "" : f->s, 0);
    f->len = 0;
    sp_export_buf_put(f, "");
    for (int k = 0; k < s->n_votes && s->n_votes == s->n_offered; k++)
        sp_export_buf_putf(f, "%s%s %d", k ? "; " : "", nd->options[s->offered[k]].id, s->votes[k]);
    if (s->override && s->n_votes)
        sp_export_buf_putf(f, " (%s)", sp_translate(r->lang, "de trainer besliste"));
    csv_field(b, f->nomem ? "" : f->s, 0);
    f->len = 0;
    sp_export_buf_put(f, "");
    int nn = 0;
    for (int k = 0; k < r->t->n_notes; k++)
        if (sp_replay_note_step(r, &r->t->notes[k]) == i) {
            sp_export_buf_put(f, nn++ ? "\n" : "");
            sp_export_buf_put(f, r->t->notes[k].text);
        }
    csv_field(b, f->nomem ? "" : f->s, 0);
}

/* The figures of decision i: the option's delta per goal, its total, the
 * points it left and the stronger option (debrief.h). */
static void csv_figures_of(sp_export_buf *b, sp_export_buf *f, const sp_replay *r, const sp_debrief *d, int i)
{
    const sp_replay_step *s = &r->steps[i];
    const sp_option *o = &r->sc->nodes[s->node].options[s->chosen];
    const sp_debrief_decision *m = i < d->n_decisions ? &d->decisions[i] : NULL;
    for (int g = 0; g < d->n_goals; g++)
        csv_num(b, sp_option_goal(o, d->goals[g].goal), 0);
    csv_num(b, s->total, 0);
    if (d->exact && m)
        csv_num(b, m->left, 0);
    else
        csv_field(b, "", 0);
    f->len = 0;
    sp_export_buf_put(f, "");
    if (d->exact && m && m->stronger >= 0) {
        sp_export_buf_put(f, sp_text_get(&r->sc->nodes[m->node].options[m->stronger].text, r->lang));
        sp_export_buf_putf(f, " (%+d)", m->stronger_total);
    }
    csv_field(b, f->nomem ? "" : f->s, 0);
}

char *sp_export_csv(const sp_replay *r, const sp_debrief *d, size_t *len)
{
    const sp_handbook *hb = r->sc->handbook;
    sp_export_buf b = { 0 }, f = { 0 };
    static const char *const head[] = { SP_N_("beurt"), SP_N_("knoop"), SP_N_("optie"), SP_N_("tekst") };
    int cols = 0;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        csv_field(&b, sp_translate(r->lang, head[k]), cols++ == 0);
    for (int g = 0; g < d->n_goals; g++, cols++)
        csv_field(&b, sp_text_get(&hb->goals[d->goals[g].goal].label, r->lang), 0);
    csv_field(&b, sp_translate(r->lang, "score"), 0);
    csv_field(&b, sp_figure_name(r->lang, SP_FIG_LEFT), 0);
    csv_field(&b, sp_figure_name(r->lang, SP_FIG_STRONGER), 0);
    cols += 3;
    csv_field(&b, sp_translate(r->lang, "interventies"), 0);
    csv_field(&b, sp_translate(r->lang, "gedachte"), 0);
    csv_field(&b, sp_translate(r->lang, "rode vlaggen gemarkeerd"), 0);
    csv_field(&b, sp_translate_ctx(r->lang, "csv", "stemmen"), 0);
    csv_field(&b, sp_translate(r->lang, "notities"), 0);
    cols += 5;
    sp_export_buf_put(&b, "\r\n");
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_node *nd = &r->sc->nodes[s->node];
        const sp_option *o = &nd->options[s->chosen];
        csv_num(&b, s->turn, 1);
        csv_field(&b, nd->id, 0);
        csv_field(&b, o->id, 0);
        csv_field(&b, sp_text_get(&o->text, r->lang), 0);
        csv_figures_of(&b, &f, r, d, i);
        csv_rest(&b, &f, r, i);
        sp_export_buf_put(&b, "\r\n");
    }
    sp_export_csv_figures(&b, r, d, cols, csv_field);
    if (f.nomem)
        b.nomem = 1;
    sp_free(f.s);
    return sp_export_buf_finish(&b, len);
}
