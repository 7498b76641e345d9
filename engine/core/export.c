/* export.c: the export words, the writers' shared pieces (HTML escaping, interventions) and the CSV for trainers (RFC 4180); the HTML is export_html.c. */
#include "export.h"
#include "alloc.h"
#include "export_buf.h"
#include "figures.h"
#include "model_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== interface words ======================================================= */

static const char *const words[SP_EX_COUNT][SP_LANG_COUNT] = {
    [SP_EX_DEBRIEF] = { "Nabespreking", "Debrief" },
    [SP_EX_PLAYED] = { "Gespeeld op", "Played on" },
    [SP_EX_DECISIONS_N] = { "keuzes", "decisions" },
    [SP_EX_MODE_SOLO] = { "alleen gespeeld", "played alone" },
    [SP_EX_MODE_GROUP] = { "in de groep gespeeld", "played in a group" },
    [SP_EX_MODE_BRANCH] = { "aftakking", "branch" },
    [SP_EX_MODE_EXPERT] = { "expertpad", "expert path" },
    [SP_EX_BRANCH_OF] = { "Verder gespeeld vanaf beurt %d van", "Played on from turn %d of" },
    [SP_EX_ENDING] = { "Einde", "Ending" },
    [SP_EX_UNFINISHED] = { "Niet afgemaakt: het gesprek stopte bij beurt %d.",
                           "Unfinished: the conversation stopped at turn %d." },
    [SP_EX_STOPPED] = { "De casus is veranderd: vanaf stap %d past dit gesprek er niet meer bij. Wat volgt, gaat over het gesprek tot daar.",
                        "The case has changed: from step %d on this conversation no longer fits it. What follows covers the conversation up to there." },
    [SP_EX_KIND_GOOD] = { "goed", "good" },
    [SP_EX_KIND_MIXED] = { "gemengd", "mixed" },
    [SP_EX_KIND_POOR] = { "zwak", "poor" },
    [SP_EX_GOALS] = { "Leerdoelen", "Learning goals" },
    [SP_EX_GOAL] = { "Leerdoel", "Goal" },
    [SP_EX_TOTAL] = { "Totaal", "Total" },
    [SP_EX_NOT_EXACT] = { "Geen exact maximum: de casus heeft meer toestanden dan samenspel doorrekent (samenspel check noemt de grens).",
                          "No exact maximum: the case has more states than samenspel works through (samenspel check names the limit)." },
    [SP_EX_STRONGEST] = { "sterkste keuze", "strongest choice" },
    [SP_EX_TIMELINE] = { "Verloop", "Timeline" },
    [SP_EX_TURN] = { "Beurt", "Turn" },
    [SP_EX_THOUGHT] = { "Gedachte", "Thought" },
    [SP_EX_DECISION] = { "Beslissing", "Decision" },
    [SP_EX_CONVERSATION] = { "Het gesprek", "The conversation" },
    [SP_EX_CHOSEN] = { "Jouw keuze", "Your choice" },
    [SP_EX_FEEDBACK] = { "Feedback", "Feedback" },
    [SP_EX_ALTERNATIVES] = { "Wat er nog meer kon", "What else was possible" },
    [SP_EX_APPLIES] = { "past toe", "applies" },
    [SP_EX_HINDERING] = { "belemmerend", "hindering" },
    [SP_EX_HELPFUL] = { "helpend", "helpful" },
    [SP_EX_FLAGS_PRESENT] = { "Rode vlaggen in deze beurt", "Red flags in this turn" },
    [SP_EX_FLAGS_MARKED] = { "Gemarkeerd", "Marked" },
    [SP_EX_RECOGNISED] = { "herkend", "recognised" },
    [SP_EX_FALSE_ALARM] = { "vals alarm", "false alarm" },
    [SP_EX_NOT_INTENDED] = { "niet bedoeld hier", "not intended here" },
    [SP_EX_VOTES] = { "Stemmen", "Votes" },
    [SP_EX_OVERRIDE] = { "de begeleider koos anders dan de meerderheid",
                         "the facilitator chose against the majority" },
    [SP_EX_NOTE] = { "Notitie", "Note" },
    [SP_EX_NOTES] = { "Notities", "Notes" },
    [SP_EX_APPLIED] = { "Interventies toegepast", "Interventions applied" },
    [SP_EX_NOT_APPLIED] = { "Niet toegepast, wel binnen bereik", "Not applied, though within reach" },
    [SP_EX_FLAGS] = { "Rode vlaggen", "Red flags" },
    [SP_EX_MISSED] = { "gemist", "missed" },
    [SP_EX_THOUGHTS] = { "Gedachten", "Thoughts" },
    [SP_EX_REFRAME] = { "anders bekeken", "reframed" },
    [SP_EX_REFLECTION] = { "Om over na te denken", "To reflect on" },
    [SP_EX_HANDOUT] = { "Hand-out", "Handout" },
    [SP_EX_NONE] = { "geen", "none" },
    [SP_EX_MADE_WITH] = { "Gemaakt met samenspel", "Made with samenspel" },
    [SP_EX_OPTION] = { "Optie", "Option" },
    [SP_EX_POINTS] = { "Score", "Score" },
    [SP_EX_CSV_TURN] = { "beurt", "turn" },
    [SP_EX_CSV_NODE] = { "knoop", "node" },
    [SP_EX_CSV_OPTION] = { "optie", "option" },
    [SP_EX_CSV_TEXT] = { "tekst", "text" },
    [SP_EX_CSV_TOTAL] = { "score", "score" },
    [SP_EX_CSV_TOTAL_ROW] = { "totaal", "total" },
    [SP_EX_CSV_EXPERT_ROW] = { "expertroute", "expert route" },
    [SP_EX_CSV_FIGURE] = { "getal", "figure" },
    [SP_EX_CSV_VALUE] = { "waarde", "value" },
    [SP_EX_CSV_MEANING] = { "betekenis", "meaning" },
    [SP_EX_CSV_INTERVENTIONS] = { "interventies", "interventions" },
    [SP_EX_CSV_THOUGHT] = { "gedachte", "thought" },
    [SP_EX_CSV_FLAGS] = { "rode vlaggen gemarkeerd", "red flags marked" },
    [SP_EX_CSV_VOTES] = { "stemmen", "votes" },
    [SP_EX_CSV_NOTES] = { "notities", "notes" },
    [SP_EX_CSV_OVERRIDE] = { "de begeleider besliste", "the facilitator decided" },
};

const char *sp_export_str(sp_lang lang, sp_export_msg m)
{
    SP_EXPECT((int)m >= 0 && m < SP_EX_COUNT);
    if ((int)lang < 0 || lang >= SP_LANG_COUNT)
        lang = SP_LANG_NL;
    return words[m][lang] ? words[m][lang] : words[m][SP_LANG_NL];
}

const char *sp_export_kind(sp_lang lang, sp_ending_kind k)
{
    return sp_export_str(lang, k == SP_ENDING_GOOD ? SP_EX_KIND_GOOD
                             : k == SP_ENDING_MIXED ? SP_EX_KIND_MIXED : SP_EX_KIND_POOR);
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

static const char *W(const sp_replay *r, sp_export_msg m)
{
    return sp_export_str(r->lang, m);
}

static const char *side_word(const sp_replay *r, sp_side side)
{
    return W(r, side == SP_SIDE_HINDERING ? SP_EX_HINDERING : SP_EX_HELPFUL);
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
            sp_export_buf_put(f, W(r, s->marked_verdict[k] == SP_FLAG_NOT_INTENDED ? SP_EX_NOT_INTENDED : SP_EX_FALSE_ALARM));
            sp_export_buf_put(f, ")");
        }
    }
    csv_field(b, f->nomem ? "" : f->s, 0);
    f->len = 0;
    sp_export_buf_put(f, "");
    for (int k = 0; k < s->n_votes && s->n_votes == s->n_offered; k++)
        sp_export_buf_putf(f, "%s%s %d", k ? "; " : "", nd->options[s->offered[k]].id, s->votes[k]);
    if (s->override && s->n_votes)
        sp_export_buf_putf(f, " (%s)", W(r, SP_EX_CSV_OVERRIDE));
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
    const sp_export_msg head[] = { SP_EX_CSV_TURN, SP_EX_CSV_NODE, SP_EX_CSV_OPTION, SP_EX_CSV_TEXT };
    const sp_export_msg tail[] = { SP_EX_CSV_INTERVENTIONS, SP_EX_CSV_THOUGHT, SP_EX_CSV_FLAGS,
                                   SP_EX_CSV_VOTES, SP_EX_CSV_NOTES };
    int cols = 0;
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        csv_field(&b, W(r, head[k]), cols++ == 0);
    for (int g = 0; g < d->n_goals; g++, cols++)
        csv_field(&b, sp_text_get(&hb->goals[d->goals[g].goal].label, r->lang), 0);
    csv_field(&b, W(r, SP_EX_CSV_TOTAL), 0);
    csv_field(&b, sp_figure_name(r->lang, SP_FIG_LEFT), 0);
    csv_field(&b, sp_figure_name(r->lang, SP_FIG_STRONGER), 0);
    cols += 3;
    for (size_t k = 0; k < sizeof tail / sizeof tail[0]; k++, cols++)
        csv_field(&b, W(r, tail[k]), 0);
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
