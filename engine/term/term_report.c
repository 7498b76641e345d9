/* term_report.c: the role card before a play and the debrief report after it, as terminal text. */
#include "term.h"
#include "core/figures.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static const char *msg(const sp_term *t, const char *m) { return sp_translate(t->lang, m); }

/* ==== role card ========================================================== */

void sp_term_briefing(sp_term *t, const sp_scenario *sc)
{
    sp_lang cl = t->lang;
    const sp_briefing *b = &sc->briefing;
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_text_get(&sc->title, cl));
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_text_get(&sc->summary, cl));
    fputc('\n', t->out);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Rolkaart"));
    const struct { const char *label; const sp_text *text; } rows[] = {
        { SP_N_("Wie je bent:"), &b->you }, { SP_N_("Je spreekt:"), &b->meet },
        { SP_N_("Situatie:"), &b->situation }, { SP_N_("Doel:"), &b->aim },
    };
    int lw = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        if ((int)sp_term_columns(msg(t, rows[i].label)) > lw)
            lw = (int)sp_term_columns(msg(t, rows[i].label));
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char label[64];
        const char *l = msg(t, rows[i].label);
        snprintf(label, sizeof label, "%s%*s ", l, lw - (int)sp_term_columns(l), "");
        sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_text_get(rows[i].text, cl));
    }
    int others = 0;
    for (int i = 0; i < sc->n_cast; i++)
        others += sc->cast[i].role != SP_ROLE_SELF;
    if (others) {
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Personen"));
        for (int i = 0; i < sc->n_cast; i++) {
            const sp_person *p = &sc->cast[i];
            if (p->role == SP_ROLE_SELF)
                continue;
            const char *fn = sp_text_get(&p->function, cl);
            char label[256];
            snprintf(label, sizeof label, "%s%s", sp_text_get(&p->name, cl), *fn ? ", " : "");
            sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, fn);
        }
    }
}

/* ==== debrief ============================================================ */

/* Builds "label (id)" for a handbook element, into a caller buffer. */
static const char *named(char *buf, size_t len, const sp_text *label, const char *id, sp_lang l)
{
    snprintf(buf, len, "%s (%s)", sp_text_get(label, l), id);
    return buf;
}

/* "beurt 3: " or, with extra, "beurt 3 (helpend): " */
static void turn_label(const sp_term *t, char *buf, size_t len, int turn, const char *extra)
{
    if (extra)
        snprintf(buf, len, "%s %d (%s): ", sp_translate(t->lang, "beurt"), turn, extra);
    else
        snprintf(buf, len, "%s %d: ", sp_translate(t->lang, "beurt"), turn);
}

static const char *flag_why_at(const sp_scenario *sc, int node, int flag, sp_lang l)
{
    if (node < 0 || node >= sc->n_nodes)
        return "";
    const sp_node *n = &sc->nodes[node];
    for (int i = 0; i < n->n_flags; i++)
        if (n->flags[i].flag == flag)
            return sp_text_get(&n->flags[i].why, l);
    return "";
}

/* ---- the figures ----------------------------------------------------------
 *
 * One row per goal: a text bar and two numbers, your score and the expert
 * route's score; the total row sums them (the expert route's total is the
 * case maximum). The bar runs from lo to hi with a '|' at zero: '#' is your
 * score, '.' the expert route beyond it; a negative score grows left of the
 * '|'. A line above the bars puts a "0" over the '|'.
 */

typedef struct {
    int width;     /* cells of the bar, the '|' not counted; 0: no bars */
    int lo, hi;    /* the values at the two ends (lo <= 0 < hi) */
    int zero;      /* cells left of the '|' */
} bar_scale;

/* Cells for |v| on the scale, at least 1 for v != 0. */
static int cells(const bar_scale *sc, int v)
{
    if (v < 0)
        v = -v;
    int n = (int)(((long)v * sc->width + (sc->hi - sc->lo) / 2) / (sc->hi - sc->lo));
    return v && !n ? 1 : n;
}

/* out: width + 1 characters and a terminating zero. */
static void bar(char *out, const bar_scale *sc, int score, int expert)
{
    int n = sc->width + 1;
    memset(out, ' ', (size_t)n);
    out[n] = '\0';
    out[sc->zero] = '|';
    const int v[2] = { expert, score };
    const char mark[2] = { '.', '#' };
    for (int k = 0; k < 2; k++) {
        int c = cells(sc, v[k]);
        for (int i = 1; i <= c; i++) {
            int at = v[k] < 0 ? sc->zero - i : sc->zero + i;
            if (at >= 0 && at < n)
                out[at] = mark[k];
        }
    }
}

static bar_scale scale_of(const sp_debrief *d, int width)
{
    bar_scale sc = { width, 0, 1, 0 };
    for (int i = 0; i < d->n_goals; i++) {
        const int v[2] = { d->goals[i].score, d->goals[i].expert };
        for (int k = 0; k < 2; k++) {
            if (v[k] < sc.lo)
                sc.lo = v[k];
            if (v[k] > sc.hi)
                sc.hi = v[k];
        }
    }
    if (width)
        sc.zero = cells(&sc, sc.lo);
    if (sc.zero > width)
        sc.zero = width;
    return sc;
}

static void legend(sp_term *t, const sp_debrief *d, int with_bars)
{
    char label[128];
    static const sp_figure shown[] = { SP_FIG_SCORE, SP_FIG_EXPERT, SP_FIG_MAX, SP_FIG_LEFT, SP_FIG_STILL,
                                       SP_FIG_STRONGER };
    sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_figure_legend_title(t->lang));
    if (with_bars)
        sp_term_line(t, 4, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "Balk: # jouw score, . de expertroute; | is nul, links daarvan is negatief."));
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        if (!d->exact && shown[i] != SP_FIG_SCORE)
            continue;
        snprintf(label, sizeof label, "%s: ", sp_figure_name(t->lang, shown[i]));
        sp_term_line(t, 4, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_figure_legend(t->lang, shown[i]));
    }
}

static void goals(sp_term *t, const sp_handbook *hb, const sp_debrief *d, sp_lang cl)
{
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Leerdoelen"));
    size_t lw = sp_term_columns(sp_translate(t->lang, "Totaal"));
    for (int i = 0; i < d->n_goals; i++) {
        size_t c = sp_term_columns(sp_text_get(&hb->goals[d->goals[i].goal].label, cl));
        if (c > lw)
            lw = c;
    }
    const char *you = sp_figure_name(cl, SP_FIG_SCORE), *exp = sp_figure_name(cl, SP_FIG_EXPERT);
    int w1 = (int)sp_term_columns(you), w2 = (int)sp_term_columns(exp);
    if (w1 < 4)
        w1 = 4;
    if (w2 < 4)
        w2 = 4;
    /* A row is 2 + label + " [" + bar + "|] " + the two numbers; on a narrow
     * terminal the bar shrinks, and below 4 cells it goes. */
    int width = 20, rest = (int)lw + 7 + w1 + 2 + w2;
    if (t->width > 0 && t->width - rest < width)
        width = t->width - rest;
    if (width < 4)
        width = 0;
    bar_scale sc = scale_of(d, width);
    int bar_cols = width ? width + 4 : 0; /* "[" + cells + "|" + "] " */
    /* The header: a "0" over the zero line, then the column names. */
    fprintf(t->out, "  %*s ", (int)lw, "");
    if (width)
        fprintf(t->out, "%*s0%*s", sc.zero + 1, "", width - sc.zero + 2, "");
    if (d->exact)
        fprintf(t->out, "%s  %s\n", you, exp);
    else
        fprintf(t->out, "%s\n", you);
    char b[64];
    for (int i = 0; i < d->n_goals; i++) {
        const sp_debrief_goal *g = &d->goals[i];
        const char *label = sp_text_get(&hb->goals[g->goal].label, cl);
        fprintf(t->out, "  %s%*s ", label, (int)(lw - sp_term_columns(label)), "");
        if (width) {
            bar(b, &sc, g->score, d->exact ? g->expert : 0);
            fprintf(t->out, "[%s] ", b);
        }
        if (d->exact)
            fprintf(t->out, "%*d  %*d\n", w1, g->score, w2, g->expert);
        else
            fprintf(t->out, "%*d\n", w1, g->score);
    }
    const char *tot = sp_translate(t->lang, "Totaal");
    fprintf(t->out, "  %s%*s %*s", tot, (int)(lw - sp_term_columns(tot)), "", bar_cols, "");
    if (d->exact)
        fprintf(t->out, "%*d  %*d\n", w1, d->total, w2, d->total_max);
    else
        fprintf(t->out, "%*d\n", w1, d->total);
    fputc('\n', t->out);
    if (d->exact) {
        char sum[256];
        sp_figure_sum(cl, sum, sizeof sum, d->total, d->left, d->still, d->total_max);
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sum);
    } else {
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "Geen exact maximum: de casus heeft meer toestanden dan samenspel doorrekent (samenspel check noemt de grens)."));
    }
    legend(t, d, width > 0);
}

/* Appends the labels of an option's interventions to buf. */
static void option_interventions(char *buf, size_t len, const sp_handbook *hb,
                                 const sp_option *o, sp_lang cl)
{
    buf[0] = '\0';
    for (int i = 0; i < o->n_interventions; i++) {
        const sp_intervention *iv = &hb->interventions[o->interventions[i]];
        size_t used = strlen(buf);
        snprintf(buf + used, len - used, "%s%s", i ? ", " : "", sp_text_get(&iv->label, cl));
    }
}

static void interventions(sp_term *t, const sp_scenario *sc, const sp_debrief *d, sp_lang cl)
{
    const sp_handbook *hb = sc->handbook;
    char label[64], text[1024];
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Interventies toegepast"));
    if (!d->n_applied)
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "geen"));
    for (int i = 0; i < d->n_applied; i++) {
        const sp_debrief_applied *a = &d->applied[i];
        const sp_intervention *iv = &hb->interventions[a->intervention];
        turn_label(t, label, sizeof label, a->turn, NULL);
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_GOOD,
                     named(text, sizeof text, &iv->label, iv->id, cl));
    }
    if (d->n_missed_interventions) {
        text[0] = '\0';
        for (int i = 0; i < d->n_missed_interventions; i++) {
            const sp_intervention *iv = &hb->interventions[d->missed_interventions[i]];
            size_t used = strlen(text);
            char one[256];
            snprintf(text + used, sizeof text - used, "%s%s", i ? ", " : "",
                     named(one, sizeof one, &iv->label, iv->id, cl));
        }
        snprintf(label, sizeof label, "%s: ", sp_translate(t->lang, "Niet toegepast, wel binnen bereik"));
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_BAD, text);
    }

}

/* Appends printf output to buf at *used, never past len. */
static void cat(char *buf, size_t len, size_t *used, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void cat(char *buf, size_t len, size_t *used, const char *fmt, ...)
{
    if (*used >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(buf + *used, len - *used, fmt, ap);
    va_end(ap);
    if (k > 0)
        *used = *used + (size_t)k < len ? *used + (size_t)k : len - 1;
}

/* Every choice that left points: what you chose, the stronger option (its
 * own score, what it would have applied) and the points left. */
static void missed_chances(sp_term *t, const sp_scenario *sc, const sp_debrief *d, sp_lang cl)
{
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate_ctx(t->lang, "report", "Gemiste kansen"));
    if (!d->exact) {
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "Geen exact maximum: de casus heeft meer toestanden dan samenspel doorrekent (samenspel check noemt de grens)."));
        return;
    }
    if (!d->left)
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "geen"));
    for (int i = 0; i < d->n_decisions; i++) {
        const sp_debrief_decision *m = &d->decisions[i];
        if (m->stronger < 0)
            continue;
        const sp_node *n = &sc->nodes[m->node];
        const sp_option *chosen = &n->options[m->chosen], *strong = &n->options[m->stronger];
        char ivs[512], text[4096], label[64];
        size_t used = 0;
        option_interventions(ivs, sizeof ivs, sc->handbook, strong, cl);
        cat(text, sizeof text, &used, "%s \"%s\" (%+d); %s: \"%s\" (%+d)", sp_translate(t->lang, "je koos"),
            sp_text_get(&chosen->text, cl), m->chosen_total, sp_translate(t->lang, "sterker was"),
            sp_text_get(&strong->text, cl), m->stronger_total);
        if (*ivs)
            cat(text, sizeof text, &used, " (%s: %s)", sp_translate(t->lang, "dat past toe"), ivs);
        cat(text, sizeof text, &used, "; %s %d", sp_figure_name(cl, SP_FIG_LEFT), m->left);
        turn_label(t, label, sizeof label, m->turn, NULL);
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
    }
}

static void flag_list(sp_term *t, const sp_scenario *sc, const char *heading, sp_style style,
                      const sp_debrief_flag *fl, int n, int with_why, sp_lang cl)
{
    const sp_handbook *hb = sc->handbook;
    char label[128], text[512];
    snprintf(text, sizeof text, "%s: %d", msg(t, heading), n);
    sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, text);
    for (int i = 0; i < n; i++) {
        const sp_redflag *rf = &hb->redflags[fl[i].flag];
        turn_label(t, label, sizeof label, fl[i].turn, NULL);
        sp_term_line(t, 4, SP_STYLE_PLAIN, label, style,
                     named(text, sizeof text, &rf->label, rf->id, cl));
        /* Missed and not intended here: why the flag was there (or what it
         * means). False alarm: what the flag means. */
        const char *why = with_why == 1 ? flag_why_at(sc, fl[i].node, fl[i].flag, cl)
                        : with_why == 2 ? sp_text_get(&rf->explain, cl) : "";
        if (with_why == 1 && !*why)
            why = sp_text_get(&rf->explain, cl);
        if (*why)
            sp_term_line(t, 6, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, why);
    }
}

static void thoughts(sp_term *t, const sp_scenario *sc, const sp_debrief *d, sp_lang cl)
{
    const sp_handbook *hb = sc->handbook;
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Gedachten"));
    if (!d->n_thoughts)
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "geen"));
    for (int i = 0; i < d->n_thoughts; i++) {
        const sp_debrief_thought *th = &d->thoughts[i];
        const sp_option *o = &sc->nodes[th->node].options[th->option];
        int hindering = th->side == SP_SIDE_HINDERING;
        char label[128], text[1024];
        turn_label(t, label, sizeof label, th->turn,
                   msg(t, hindering ? SP_N_("belemmerend") : SP_N_("helpend")));
        snprintf(text, sizeof text, "\"%s\"", sp_text_get(&o->text, cl));
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, hindering ? SP_STYLE_BAD : SP_STYLE_GOOD, text);
        if (hindering && th->thought >= 0) {
            snprintf(label, sizeof label, "%s: ", sp_translate(t->lang, "anders bekeken"));
            sp_term_line(t, 6, SP_STYLE_PLAIN, label, SP_STYLE_THOUGHT,
                         sp_text_get(&hb->thoughts[th->thought].helpful, cl));
        }
    }
}

/* text's paragraphs (split at its line breaks, blank lines included), each
 * wrapped on its own at indent, with one blank line between them. */
static void paragraphs(sp_term *t, int indent, const char *text)
{
    for (int first = 1; *text; first = 0) {
        size_t n = strcspn(text, "\n");
        char *para = strndup(text, n);
        if (!first)
            fputc('\n', t->out);
        sp_term_line(t, indent, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, para ? para : "");
        free(para);
        text += n;
        while (*text == '\n' || *text == ' ' || *text == '\t' || *text == '\r')
            text++;
    }
}

/* The case's closing question and its hand-out (when it has them), as the
 * state at the ending makes them. */
static void closing(sp_term *t, const sp_session *s, sp_lang cl)
{
    const sp_scenario *sc = sp_session_scenario(s);
    const struct { const char *head; const sp_text *text; } part[] = {
        { SP_N_("Om over na te denken"), &sc->reflection }, { SP_N_("Hand-out"), &sc->handout },
    };
    for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
        const char *text = sp_session_text(s, part[i].text, cl);
        if (!text[0])
            continue;
        fputc('\n', t->out);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, msg(t, part[i].head));
        paragraphs(t, 2, text);
    }
}

void sp_term_debrief(sp_term *t, const sp_session *s, const sp_debrief *d)
{
    const sp_scenario *sc = sp_session_scenario(s);
    sp_lang cl = t->lang;
    char buf[512];

    fputc('\n', t->out);
    snprintf(buf, sizeof buf, "== %s: %s ==", sp_translate(t->lang, "Nabespreking"), sp_text_get(&sc->title, cl));
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, buf);
    if (d->finished && d->ending_node >= 0) {
        const sp_node *e = &sc->nodes[d->ending_node];
        snprintf(buf, sizeof buf, "%s: %s (%s)", sp_translate_ctx(t->lang, "report", "Einde"),
                 sp_text_get(&e->ending_title, cl), sp_term_ending_kind(t->lang, e->ending_kind));
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, buf);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_session_text(s, &e->evaluation, cl));
    } else {
        snprintf(buf, sizeof buf, "%s %d.", sp_translate(t->lang, "Niet afgemaakt: het gesprek stopte bij beurt"), sp_session_turn(s));
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, buf);
    }
    fputc('\n', t->out);
    goals(t, sc->handbook, d, cl);
    fputc('\n', t->out);
    interventions(t, sc, d, cl);
    missed_chances(t, sc, d, cl);
    fputc('\n', t->out);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Rode vlaggen"));
    flag_list(t, sc, SP_N_("herkend"), SP_STYLE_GOOD, d->recognised, d->n_recognised, 0, cl);
    flag_list(t, sc, SP_N_("gemist"), SP_STYLE_BAD, d->flags_missed, d->n_flags_missed, 1, cl);
    flag_list(t, sc, SP_N_("vals alarm"), SP_STYLE_BAD, d->false_alarms, d->n_false_alarms, 2, cl);
    if (d->n_not_intended)
        flag_list(t, sc, SP_N_("niet bedoeld hier"), SP_STYLE_PLAIN, d->not_intended, d->n_not_intended, 1, cl);
    fputc('\n', t->out);
    thoughts(t, sc, d, cl);
    closing(t, s, cl);
}
