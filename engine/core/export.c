/* export.c: writes a replayed play as one self-contained printable HTML page (inline CSS and SVG) or as RFC 4180 CSV. */
#include "export.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SP_VERSION
#define SP_VERSION "0.0.0"
#endif

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
    [SP_EX_YOU] = { "Jij", "You" },
    [SP_EX_BEST] = { "Haalbaar op jouw pad", "Possible on your path" },
    [SP_EX_MAX] = { "Maximum van de casus", "Case maximum" },
    [SP_EX_TOTAL] = { "Totaal", "Total" },
    [SP_EX_TIMELINE] = { "Verloop", "Timeline" },
    [SP_EX_GRADE_BEST] = { "beste keuze", "best choice" },
    [SP_EX_GRADE_MIDDLE] = { "redelijk", "fair" },
    [SP_EX_GRADE_WORST] = { "zwakste keuze", "weakest choice" },
    [SP_EX_TURN] = { "Beurt", "Turn" },
    [SP_EX_THOUGHT] = { "Gedachte", "Thought" },
    [SP_EX_DECISION] = { "Beslissing", "Decision" },
    [SP_EX_CONVERSATION] = { "Het gesprek", "The conversation" },
    [SP_EX_CHOSEN] = { "Jouw keuze", "Your choice" },
    [SP_EX_SCORE] = { "score", "score" },
    [SP_EX_BEST_ON_OFFER] = { "beste", "best" },
    [SP_EX_FEEDBACK] = { "Feedback", "Feedback" },
    [SP_EX_ALTERNATIVES] = { "Wat er nog meer kon", "What else was possible" },
    [SP_EX_APPLIES] = { "past toe", "applies" },
    [SP_EX_HINDERING] = { "belemmerend", "hindering" },
    [SP_EX_HELPFUL] = { "helpend", "helpful" },
    [SP_EX_FLAGS_PRESENT] = { "Rode vlaggen in deze beurt", "Red flags in this turn" },
    [SP_EX_FLAGS_MARKED] = { "Gemarkeerd", "Marked" },
    [SP_EX_RECOGNISED] = { "herkend", "recognised" },
    [SP_EX_FALSE_ALARM] = { "vals alarm", "false alarm" },
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
    [SP_EX_NONE] = { "geen", "none" },
    [SP_EX_MADE_WITH] = { "Gemaakt met samenspel", "Made with samenspel" },
    [SP_EX_OPTION] = { "Optie", "Option" },
    [SP_EX_POINTS] = { "Score", "Score" },
    [SP_EX_CSV_TURN] = { "beurt", "turn" },
    [SP_EX_CSV_NODE] = { "knoop", "node" },
    [SP_EX_CSV_OPTION] = { "optie", "option" },
    [SP_EX_CSV_TEXT] = { "tekst", "text" },
    [SP_EX_CSV_TOTAL] = { "score", "score" },
    [SP_EX_CSV_BEST] = { "beste score", "best score" },
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

const char *sp_export_grade(sp_lang lang, sp_replay_grade g)
{
    switch (g) {
    case SP_GRADE_BEST: return sp_export_str(lang, SP_EX_GRADE_BEST);
    case SP_GRADE_MIDDLE: return sp_export_str(lang, SP_EX_GRADE_MIDDLE);
    case SP_GRADE_WORST: return sp_export_str(lang, SP_EX_GRADE_WORST);
    case SP_GRADE_NONE: break;
    }
    return "";
}

/* Copies tmpl into out with its "%d" replaced by v: the interface words
 * are data, so they are never used as printf formats. */
static void fill_int(char *out, size_t n, const char *tmpl, int v)
{
    const char *at = strstr(tmpl, "%d");
    if (!at) {
        snprintf(out, n, "%s", tmpl);
        return;
    }
    snprintf(out, n, "%.*s%d%s", (int)(at - tmpl), tmpl, v, at + 2);
}

/* ==== a growing string ========================================================= */

typedef struct {
    char *s;
    size_t len, cap;
    int nomem;
} buf;

static void put_n(buf *b, const char *s, size_t n)
{
    if (b->nomem)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->nomem = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void put(buf *b, const char *s)
{
    put_n(b, s, strlen(s));
}

static void putf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        put_n(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

static char *finish(buf *b, size_t *len)
{
    if (b->nomem) {
        free(b->s);
        return NULL;
    }
    if (len)
        *len = b->len;
    return b->s;
}

/* Text for HTML element content or attribute values; a line break becomes
 * <br> in content. */
static void esc(buf *b, const char *s, int attr)
{
    for (const char *p = s ? s : ""; *p; p++) {
        switch (*p) {
        case '&': put(b, "&amp;"); break;
        case '<': put(b, "&lt;"); break;
        case '>': put(b, "&gt;"); break;
        case '"': put(b, "&quot;"); break;
        case '\'': put(b, "&#39;"); break;
        case '\n': put(b, attr ? " " : "<br>"); break;
        default: put_n(b, p, 1);
        }
    }
}

/* <tag class="cls">text</tag> */
static void el(buf *b, const char *tag, const char *cls, const char *text)
{
    putf(b, "<%s", tag);
    if (cls)
        putf(b, " class=\"%s\"", cls);
    put(b, ">");
    esc(b, text, 0);
    putf(b, "</%s>\n", tag);
}

/* ==== pieces shared by HTML and CSV ============================================= */

static const char *W(const sp_replay *r, sp_export_msg m)
{
    return sp_export_str(r->lang, m);
}

static const char *grade_class(sp_replay_grade g)
{
    return g == SP_GRADE_BEST ? "best" : g == SP_GRADE_MIDDLE ? "middle"
         : g == SP_GRADE_WORST ? "worst" : "none";
}

static const sp_option *chosen_option(const sp_replay *r, int i)
{
    return &r->sc->nodes[r->steps[i].node].options[r->steps[i].chosen];
}

/* The labels of an option's interventions, joined by sep. */
static void put_interventions(buf *b, const sp_replay *r, const sp_option *o, const char *sep, int html)
{
    const sp_handbook *hb = r->sc->handbook;
    for (int m = 0; m < o->n_interventions; m++) {
        put(b, m ? sep : "");
        const char *label = sp_text_get(&hb->interventions[o->interventions[m]].label, r->lang);
        if (html)
            esc(b, label, 0);
        else
            put(b, label);
    }
}

static const char *side_word(const sp_replay *r, sp_side side)
{
    return W(r, side == SP_SIDE_HINDERING ? SP_EX_HINDERING : SP_EX_HELPFUL);
}

/* The turn a branch was taken at: the first decision at or after the
 * raw step the branch starts from. */
static int branch_turn(const sp_replay *r)
{
    for (int i = 0; i < r->n_decisions; i++)
        if (r->steps[i].log_step >= r->t->branch_step)
            return r->steps[i].turn;
    return r->steps[r->n_decisions].turn;
}

/* ==== HTML ===================================================================== */

static const char css[] =
    ":root{--ink:#1f2a36;--muted:#5b6775;--line:#d9dee5;--bg:#f4f5f7;--card:#fff;"
    "--accent:#3d6fa8;--best:#a9c1de;--good:#2f7d4f;--mid:#b7801a;--bad:#b3403a;--thought:#6b5ca5}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:var(--bg);color:var(--ink);"
    "font:16px/1.5 \"DejaVu Sans\",\"Segoe UI\",Arial,sans-serif}\n"
    "main{max-width:62rem;margin:0 auto;padding:2rem 1.5rem 3rem}\n"
    ".kicker{text-transform:uppercase;letter-spacing:.08em;color:var(--muted);font-size:.8rem;margin:0}\n"
    "h1{font-size:2rem;line-height:1.2;margin:.2rem 0 .4rem}\n"
    "h2{font-size:1.25rem;margin:0 0 .8rem}\n"
    "h3{font-size:1.05rem;margin:0 0 .5rem}\n"
    ".meta{color:var(--muted);margin:0}\n"
    "section{background:var(--card);border:1px solid var(--line);border-radius:10px;"
    "padding:1.25rem 1.5rem;margin:1.25rem 0}\n"
    ".ending{border-left:6px solid var(--good)}\n"
    ".ending.mixed{border-left-color:var(--mid)}.ending.poor{border-left-color:var(--bad)}"
    ".ending.open{border-left-color:var(--muted)}\n"
    ".warning{border-left:6px solid var(--bad);background:#fbeeee}\n"
    "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}\n"
    "th,td{text-align:left;vertical-align:top;padding:.35rem .6rem;border-bottom:1px solid var(--line)}\n"
    "td.num,th.num{text-align:right;white-space:nowrap}\n"
    "svg{display:block;max-width:100%;height:auto}\n"
    ".legend{color:var(--muted);font-size:.85rem;margin:.6rem 0 0}\n"
    ".legend span{margin-right:1.2rem;white-space:nowrap}\n"
    ".sw{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-1px;margin-right:.35rem}\n"
    ".decision{border-top:1px solid var(--line);padding:1.1rem 0 .6rem}\n"
    ".decision:first-of-type{border-top:none;padding-top:0}\n"
    ".badge{display:inline-block;padding:.05rem .6rem;border-radius:999px;font-size:.78rem;"
    "font-weight:600;color:#fff;vertical-align:2px;margin-left:.4rem}\n"
    ".badge.best{background:var(--good)}.badge.middle{background:var(--mid)}.badge.worst{background:var(--bad)}\n"
    ".line{margin:.15rem 0}.who{font-weight:600}.narration{font-style:italic;color:var(--muted)}\n"
    ".prompt{color:var(--muted);margin:.6rem 0 .2rem}\n"
    ".chosen{background:#eef3fa;border-left:4px solid var(--accent);padding:.5rem .8rem;"
    "border-radius:4px;margin:.3rem 0}\n"
    ".thought .chosen{font-style:italic;background:#f2eff9;border-left-color:var(--thought)}\n"
    ".feedback{margin:.4rem 0}.ref{color:var(--muted);font-size:.85rem}\n"
    "table.options{font-size:.92rem;margin:.5rem 0}\n"
    "tr.taken td{font-weight:600}\n"
    "td.score.best{color:var(--good);font-weight:700}\n"
    ".small{font-size:.88rem;color:var(--muted);margin:.3rem 0}\n"
    ".ok{color:var(--good)}.bad{color:var(--bad)}\n"
    ".note{background:#fff8e1;border:1px solid #ecd58a;padding:.45rem .75rem;border-radius:6px;margin:.5rem 0}\n"
    "ul.plain{margin:.2rem 0 .8rem;padding-left:1.2rem}\n"
    "footer{color:var(--muted);font-size:.8rem;text-align:center;margin-top:2rem}\n"
    "@media print{@page{margin:15mm}body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}"
    "section{border:none;border-radius:0;padding:0;margin:0 0 1.2rem}"
    ".ending,.warning{padding-left:.8rem}.decision{break-inside:avoid}h2{break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}\n";

static void html_head(buf *b, const sp_replay *r)
{
    const char *title = sp_text_get(&r->sc->title, r->lang);
    putf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
         sp_lang_code(r->lang));
    esc(b, W(r, SP_EX_DEBRIEF), 0);
    put(b, ": ");
    esc(b, title, 0);
    put(b, "</title>\n<style>\n");
    put(b, css);
    put(b, "</style>\n</head>\n<body>\n<main>\n<header>\n");
    putf(b, "<p class=\"kicker\">samenspel &middot; ");
    esc(b, W(r, SP_EX_DEBRIEF), 0);
    put(b, "</p>\n");
    el(b, "h1", NULL, title);
    put(b, "<p class=\"meta\">");
    const sp_transcript *t = r->t;
    if (t->started > 0) {
        time_t tt = (time_t)t->started;
        struct tm tm;
        char when[64];
        localtime_r(&tt, &tm);
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        esc(b, W(r, SP_EX_PLAYED), 0);
        putf(b, " %s &middot; ", when);
    }
    const char *mode = t->mode ? t->mode : "solo";
    sp_export_msg mm = strcmp(mode, "group") == 0 ? SP_EX_MODE_GROUP
                     : strcmp(mode, "replay-branch") == 0 ? SP_EX_MODE_BRANCH
                     : strcmp(mode, "expert") == 0 ? SP_EX_MODE_EXPERT : SP_EX_MODE_SOLO;
    esc(b, W(r, mm), 0);
    putf(b, " &middot; <span data-decisions=\"%d\">%d</span> ", r->n_decisions, r->n_decisions);
    esc(b, W(r, SP_EX_DECISIONS_N), 0);
    put(b, "</p>\n");
    if (t->parent) {
        const char *base = strrchr(t->parent, '/');
        put(b, "<p class=\"meta\">");
        char what[160];
        fill_int(what, sizeof what, W(r, SP_EX_BRANCH_OF), branch_turn(r));
        esc(b, what, 0);
        put(b, " <code>");
        esc(b, base ? base + 1 : t->parent, 0);
        put(b, "</code></p>\n");
    }
    put(b, "</header>\n");
}

static void html_ending(buf *b, const sp_replay *r)
{
    char what[400];
    if (r->stopped_at) {
        fill_int(what, sizeof what, W(r, SP_EX_STOPPED), r->stopped_at);
        put(b, "<section class=\"warning\">\n");
        el(b, "p", NULL, what);
        put(b, "</section>\n");
    }
    const sp_replay_step *last = &r->steps[r->n_decisions];
    if (!r->finished) {
        fill_int(what, sizeof what, W(r, SP_EX_UNFINISHED), last->turn);
        put(b, "<section class=\"ending open\">\n");
        el(b, "h2", NULL, what);
        put(b, "</section>\n");
        return;
    }
    const sp_node *e = &r->sc->nodes[last->node];
    const char *cls = e->ending_kind == SP_ENDING_GOOD ? "good"
                    : e->ending_kind == SP_ENDING_MIXED ? "mixed" : "poor";
    putf(b, "<section class=\"ending %s\" data-ending=\"", cls);
    esc(b, e->id, 1);
    put(b, "\">\n<h2>");
    esc(b, W(r, SP_EX_ENDING), 0);
    put(b, ": ");
    esc(b, sp_text_get(&e->ending_title, r->lang), 0);
    put(b, " <span class=\"meta\">(");
    esc(b, sp_export_kind(r->lang, e->ending_kind), 0);
    put(b, ")</span></h2>\n");
    el(b, "p", NULL, sp_text_get(&e->evaluation, r->lang));
    put(b, "</section>\n");
}

/* The goals as horizontal bars (you, possible on your path, the case's
 * maximum) on one scale; negative scores grow left of the zero line. */
static void html_goals(buf *b, const sp_replay *r, const sp_debrief *d)
{
    const sp_handbook *hb = r->sc->handbook;
    int lo = 0, hi = 1;
    for (int g = 0; g < d->n_goals; g++) {
        const int v[3] = { d->goals[g].score, d->goals[g].best, d->goals[g].max };
        for (int k = 0; k < 3; k++) {
            if (v[k] < lo) lo = v[k];
            if (v[k] > hi) hi = v[k];
        }
    }
    const int label_w = 170, chart_w = 440, bar_h = 12, group_h = 3 * bar_h + 22, top = 6;
    int width = label_w + chart_w + 50, height = top + d->n_goals * group_h;
    int x0 = label_w + (int)((long)(0 - lo) * chart_w / (hi - lo));
    put(b, "<section>\n");
    el(b, "h2", NULL, W(r, SP_EX_GOALS));
    putf(b, "<svg class=\"goals\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
         "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
         width, height, width, height);
    put(b, "<title>");
    esc(b, W(r, SP_EX_GOALS), 0);
    put(b, "</title>\n");
    static const char *const fills[3] = { "#3d6fa8", "#a9c1de", "#d9dee5" };
    static const char *const kinds[3] = { "you", "best", "max" };
    for (int g = 0; g < d->n_goals; g++) {
        const sp_debrief_goal *dg = &d->goals[g];
        const int v[3] = { dg->score, dg->best, dg->max };
        int y = top + g * group_h;
        putf(b, "<g data-goal=\"%s\">\n<text x=\"0\" y=\"%d\" fill=\"#1f2a36\" font-weight=\"600\">", hb->goals[dg->goal].id,
             y + bar_h + bar_h / 2 + 4);
        esc(b, sp_text_get(&hb->goals[dg->goal].label, r->lang), 0);
        put(b, "</text>\n");
        for (int k = 0; k < 3; k++) {
            int xv = label_w + (int)((long)(v[k] - lo) * chart_w / (hi - lo));
            int x = v[k] < 0 ? xv : x0, w = v[k] < 0 ? x0 - xv : xv - x0;
            int yy = y + k * bar_h;
            putf(b, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" data-%s=\"%d\"/>",
                 x, yy, w > 0 ? w : 1, bar_h - 2, fills[k], kinds[k], v[k]);
            putf(b, "<text x=\"%d\" y=\"%d\" fill=\"#5b6775\" font-size=\"11\"%s>%d</text>\n",
                 v[k] < 0 ? xv - 4 : xv + 4, yy + bar_h - 3, v[k] < 0 ? " text-anchor=\"end\"" : "", v[k]);
        }
        put(b, "</g>\n");
    }
    putf(b, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#1f2a36\" stroke-width=\"1\"/>\n",
         x0, x0, height);
    put(b, "</svg>\n<p class=\"legend\">");
    const sp_export_msg names[3] = { SP_EX_YOU, SP_EX_BEST, SP_EX_MAX };
    for (int k = 0; k < 3; k++) {
        putf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>", fills[k]);
        esc(b, W(r, names[k]), 0);
        put(b, "</span>");
    }
    put(b, "</p>\n<table class=\"figures\">\n<thead><tr><th>");
    esc(b, W(r, SP_EX_GOAL), 0);
    for (int k = 0; k < 3; k++) {
        put(b, "</th><th class=\"num\">");
        esc(b, W(r, names[k]), 0);
    }
    put(b, "</th></tr></thead>\n<tbody>\n");
    for (int g = 0; g < d->n_goals; g++) {
        const sp_debrief_goal *dg = &d->goals[g];
        putf(b, "<tr data-goal=\"%s\"><th>", hb->goals[dg->goal].id);
        esc(b, sp_text_get(&hb->goals[dg->goal].label, r->lang), 0);
        putf(b, "</th><td class=\"num\" data-you=\"%d\">%d</td><td class=\"num\" data-best=\"%d\">%d</td>"
             "<td class=\"num\" data-max=\"%d\">%d</td></tr>\n",
             dg->score, dg->score, dg->best, dg->best, dg->max, dg->max);
    }
    put(b, "<tr data-goal=\"total\"><th>");
    esc(b, W(r, SP_EX_TOTAL), 0);
    putf(b, "</th><td class=\"num\" data-you=\"%d\">%d</td><td class=\"num\" data-best=\"%d\">%d</td>"
         "<td class=\"num\" data-max=\"%d\">%d</td></tr>\n</tbody>\n</table>\n</section>\n",
         d->total, d->total, d->total_best, d->total_best, d->total_max, d->total_max);
}

static const char *grade_fill(sp_replay_grade g)
{
    return g == SP_GRADE_BEST ? "#2f7d4f" : g == SP_GRADE_MIDDLE ? "#b7801a" : "#b3403a";
}

/* One mark per decision, coloured by grade: squares for decisions, circles
 * for thought moments, each a link to the decision further down. */
static void html_timeline(buf *b, const sp_replay *r)
{
    const int cell = 46, size = 30;
    int n = r->n_decisions;
    int width = (n + 1) * cell + 10, height = 62;
    put(b, "<section>\n");
    el(b, "h2", NULL, W(r, SP_EX_TIMELINE));
    putf(b, "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
         "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
         width, height, width, height);
    putf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9dee5\" stroke-width=\"3\"/>\n",
         cell / 2, 20, n * cell + cell / 2, 20);
    for (int i = 0; i < n; i++) {
        const sp_replay_step *s = &r->steps[i];
        int cx = i * cell + cell / 2 + 5;
        putf(b, "<a href=\"#turn-%d\"><g data-turn=\"%d\" data-grade=\"%s\" data-total=\"%d\" data-best=\"%d\">",
             s->turn, s->turn, grade_class(s->grade), s->total, s->best_total);
        putf(b, "<title>%s %d: %d / %d (", W(r, SP_EX_TURN), s->turn, s->total, s->best_total);
        esc(b, sp_export_grade(r->lang, s->grade), 0);
        put(b, ")</title>");
        if (s->kind == SP_VIEW_THOUGHT)
            putf(b, "<circle cx=\"%d\" cy=\"20\" r=\"%d\" fill=\"%s\"/>", cx, size / 2, grade_fill(s->grade));
        else
            putf(b, "<rect x=\"%d\" y=\"5\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"%s\"/>",
                 cx - size / 2, size, size, grade_fill(s->grade));
        putf(b, "<text x=\"%d\" y=\"25\" fill=\"#fff\" font-weight=\"700\" text-anchor=\"middle\">%d</text>"
             "<text x=\"%d\" y=\"54\" fill=\"#5b6775\" font-size=\"11\" text-anchor=\"middle\">%+d</text></g></a>\n",
             cx, s->turn, cx, s->total);
    }
    const sp_replay_step *last = &r->steps[n];
    int cx = n * cell + cell / 2 + 5;
    const char *fill = "#8a94a0";
    if (r->finished) {
        sp_ending_kind k = r->sc->nodes[last->node].ending_kind;
        fill = k == SP_ENDING_GOOD ? "#2f7d4f" : k == SP_ENDING_MIXED ? "#b7801a" : "#b3403a";
    }
    putf(b, "<g data-end=\"%s\"><polygon points=\"%d,5 %d,20 %d,35 %d,20\" fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/></g>\n",
         r->finished ? "ending" : "open", cx, cx + 15, cx, cx - 15, fill);
    put(b, "</svg>\n<p class=\"legend\">");
    const sp_replay_grade gs[3] = { SP_GRADE_BEST, SP_GRADE_MIDDLE, SP_GRADE_WORST };
    for (int k = 0; k < 3; k++) {
        putf(b, "<span><i class=\"sw\" style=\"background:%s\"></i>", grade_fill(gs[k]));
        esc(b, sp_export_grade(r->lang, gs[k]), 0);
        put(b, "</span>");
    }
    put(b, "<span>&#9632; ");
    esc(b, W(r, SP_EX_DECISION), 0);
    put(b, "</span><span>&#9679; ");
    esc(b, W(r, SP_EX_THOUGHT), 0);
    put(b, "</span></p>\n</section>\n");
}

static void html_lines(buf *b, const sp_replay *r, const sp_replay_step *s)
{
    for (int k = 0; k < s->n_lines; k++) {
        const sp_view_line *l = &s->lines[k];
        if (l->speaker < 0) {
            el(b, "p", "line narration", l->text);
            continue;
        }
        put(b, "<p class=\"line\"><span class=\"who\">");
        esc(b, l->speaker_name, 0);
        put(b, ":</span> ");
        esc(b, l->text, 0);
        put(b, "</p>\n");
    }
}

static void html_notes_at(buf *b, const sp_replay *r, int step)
{
    for (int k = 0; k < r->t->n_notes; k++) {
        if (sp_replay_note_step(r, &r->t->notes[k]) != step)
            continue;
        put(b, "<div class=\"note\"><strong>");
        esc(b, W(r, SP_EX_NOTE), 0);
        put(b, ":</strong> ");
        esc(b, r->t->notes[k].text, 0);
        put(b, "</div>\n");
    }
}

static void html_flags_of_step(buf *b, const sp_replay *r, const sp_replay_step *s)
{
    const sp_handbook *hb = r->sc->handbook;
    if (s->n_present) {
        put(b, "<p class=\"small\">");
        esc(b, W(r, SP_EX_FLAGS_PRESENT), 0);
        put(b, ": ");
        for (int k = 0; k < s->n_present; k++) {
            put(b, k ? ", " : "");
            esc(b, sp_text_get(&hb->redflags[s->present[k]].label, r->lang), 0);
        }
        put(b, "</p>\n");
    }
    if (s->n_marked) {
        put(b, "<p class=\"small\">");
        esc(b, W(r, SP_EX_FLAGS_MARKED), 0);
        put(b, ": ");
        for (int k = 0; k < s->n_marked; k++) {
            put(b, k ? ", " : "");
            esc(b, sp_text_get(&hb->redflags[s->marked[k]].label, r->lang), 0);
            putf(b, " <span class=\"%s\">(", s->marked_ok[k] ? "ok" : "bad");
            esc(b, W(r, s->marked_ok[k] ? SP_EX_RECOGNISED : SP_EX_FALSE_ALARM), 0);
            put(b, ")</span>");
        }
        put(b, "</p>\n");
    }
}

static void html_options(buf *b, const sp_replay *r, const sp_replay_step *s)
{
    const sp_node *nd = &r->sc->nodes[s->node];
    const sp_handbook *hb = r->sc->handbook;
    put(b, "<table class=\"options\">\n<thead><tr><th></th><th>");
    esc(b, W(r, SP_EX_OPTION), 0);
    put(b, "</th><th class=\"num\">");
    esc(b, W(r, SP_EX_POINTS), 0);
    if (s->n_votes == s->n_offered) {
        put(b, "</th><th class=\"num\">");
        esc(b, W(r, SP_EX_VOTES), 0);
    }
    put(b, "</th></tr></thead>\n");
    for (int k = 0; k < s->n_offered; k++) {
        const sp_option *o = &nd->options[s->offered[k]];
        int total = sp_option_total(o), taken = s->offered[k] == s->chosen;
        putf(b, "<tr%s data-option=\"", taken ? " class=\"taken\"" : "");
        esc(b, o->id, 1);
        putf(b, "\"><td class=\"num\">%s</td><td>", taken ? "&#10003;" : "");
        esc(b, sp_text_get(&o->text, r->lang), 0);
        if (o->n_interventions || o->thought >= 0) {
            put(b, "<div class=\"small\">");
            if (o->n_interventions) {
                esc(b, W(r, SP_EX_APPLIES), 0);
                put(b, ": ");
                put_interventions(b, r, o, ", ", 1);
            }
            if (o->thought >= 0) {
                put(b, o->n_interventions ? " &middot; " : "");
                esc(b, W(r, SP_EX_THOUGHT), 0);
                put(b, ": ");
                esc(b, side_word(r, o->side), 0);
                if (o->side == SP_SIDE_HINDERING) {
                    put(b, " &middot; ");
                    esc(b, W(r, SP_EX_REFRAME), 0);
                    put(b, ": &ldquo;");
                    esc(b, sp_text_get(&hb->thoughts[o->thought].helpful, r->lang), 0);
                    put(b, "&rdquo;");
                }
            }
            put(b, "</div>");
        }
        putf(b, "</td><td class=\"num score%s\" data-total=\"%d\">%+d</td>",
             total == s->best_total ? " best" : "", total, total);
        if (s->n_votes == s->n_offered)
            putf(b, "<td class=\"num\" data-votes=\"%d\">%d</td>", s->votes[k], s->votes[k]);
        put(b, "</tr>\n");
    }
    put(b, "</table>\n");
}

static void html_decisions(buf *b, const sp_replay *r)
{
    put(b, "<section>\n");
    el(b, "h2", NULL, W(r, SP_EX_CONVERSATION));
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_option *o = chosen_option(r, i);
        int thought = s->kind == SP_VIEW_THOUGHT;
        putf(b, "<article class=\"decision %s%s\" id=\"turn-%d\" data-turn=\"%d\" data-node=\"",
             grade_class(s->grade), thought ? " thought" : "", s->turn, s->turn);
        esc(b, r->sc->nodes[s->node].id, 1);
        put(b, "\" data-option=\"");
        esc(b, o->id, 1);
        putf(b, "\" data-total=\"%d\" data-best=\"%d\">\n<h3>", s->total, s->best_total);
        esc(b, W(r, SP_EX_TURN), 0);
        putf(b, " %d &middot; ", s->turn);
        esc(b, W(r, thought ? SP_EX_THOUGHT : SP_EX_DECISION), 0);
        putf(b, "<span class=\"badge %s\">", grade_class(s->grade));
        esc(b, sp_export_grade(r->lang, s->grade), 0);
        putf(b, " &middot; %+d / %+d</span></h3>\n", s->total, s->best_total);
        html_lines(b, r, s);
        if (*s->prompt)
            el(b, "p", "prompt", s->prompt);
        put(b, "<div class=\"chosen\"><span class=\"who\">");
        esc(b, W(r, SP_EX_CHOSEN), 0);
        put(b, ":</span> ");
        esc(b, sp_text_get(&o->text, r->lang), 0);
        put(b, "</div>\n<p class=\"feedback\">");
        esc(b, sp_text_get(&o->feedback, r->lang), 0);
        if (o->ref && *o->ref) {
            put(b, " <span class=\"ref\">(");
            esc(b, o->ref, 0);
            put(b, ")</span>");
        }
        put(b, "</p>\n");
        if (s->n_offered > 1) {
            el(b, "p", "small", W(r, SP_EX_ALTERNATIVES));
            html_options(b, r, s);
        }
        if (s->override) {
            put(b, "<p class=\"small\">");
            esc(b, W(r, SP_EX_VOTES), 0);
            put(b, ": ");
            esc(b, W(r, SP_EX_OVERRIDE), 0);
            put(b, "</p>\n");
        }
        html_flags_of_step(b, r, s);
        html_notes_at(b, r, i);
        put(b, "</article>\n");
    }
    const sp_replay_step *last = &r->steps[r->n_decisions];
    if (last->n_lines || last->n_marked || r->finished) {
        put(b, "<article class=\"decision\" id=\"end\">\n");
        html_lines(b, r, last);
        html_flags_of_step(b, r, last);
        html_notes_at(b, r, r->n_decisions);
        put(b, "</article>\n");
    }
    put(b, "</section>\n");
}

static void html_list_flags(buf *b, const sp_replay *r, sp_export_msg what, const sp_debrief_flag *f, int n,
                            int why)
{
    const sp_handbook *hb = r->sc->handbook;
    putf(b, "<h3>%s: %d</h3>\n", W(r, what), n);
    if (!n)
        return;
    put(b, "<ul class=\"plain\">\n");
    for (int i = 0; i < n; i++) {
        const sp_redflag *rf = &hb->redflags[f[i].flag];
        putf(b, "<li>%s %d: <strong>", W(r, SP_EX_TURN), f[i].turn);
        esc(b, sp_text_get(&rf->label, r->lang), 0);
        put(b, "</strong>");
        const char *text = "";
        if (why == 1 && f[i].node >= 0) {
            const sp_node *nd = &r->sc->nodes[f[i].node];
            for (int k = 0; k < nd->n_flags; k++)
                if (nd->flags[k].flag == f[i].flag)
                    text = sp_text_get(&nd->flags[k].why, r->lang);
        } else if (why == 2) {
            text = sp_text_get(&rf->explain, r->lang);
        }
        if (*text) {
            put(b, " &mdash; ");
            esc(b, text, 0);
        }
        put(b, "</li>\n");
    }
    put(b, "</ul>\n");
}

static void html_debrief(buf *b, const sp_replay *r, const sp_debrief *d)
{
    const sp_handbook *hb = r->sc->handbook;
    put(b, "<section>\n");
    el(b, "h2", NULL, W(r, SP_EX_APPLIED));
    put(b, "<ul class=\"plain\">\n");
    if (!d->n_applied)
        el(b, "li", NULL, W(r, SP_EX_NONE));
    for (int i = 0; i < d->n_applied; i++) {
        putf(b, "<li>%s %d: <span class=\"ok\">", W(r, SP_EX_TURN), d->applied[i].turn);
        esc(b, sp_text_get(&hb->interventions[d->applied[i].intervention].label, r->lang), 0);
        put(b, "</span></li>\n");
    }
    put(b, "</ul>\n");
    if (d->n_missed_interventions) {
        el(b, "h3", NULL, W(r, SP_EX_NOT_APPLIED));
        put(b, "<ul class=\"plain\">\n");
        for (int i = 0; i < d->n_missed_interventions; i++)
            el(b, "li", "bad", sp_text_get(&hb->interventions[d->missed_interventions[i]].label, r->lang));
        put(b, "</ul>\n");
    }
    put(b, "</section>\n<section>\n");
    el(b, "h2", NULL, W(r, SP_EX_FLAGS));
    html_list_flags(b, r, SP_EX_RECOGNISED, d->recognised, d->n_recognised, 0);
    html_list_flags(b, r, SP_EX_MISSED, d->flags_missed, d->n_flags_missed, 1);
    html_list_flags(b, r, SP_EX_FALSE_ALARM, d->false_alarms, d->n_false_alarms, 2);
    put(b, "</section>\n<section>\n");
    el(b, "h2", NULL, W(r, SP_EX_THOUGHTS));
    put(b, "<ul class=\"plain\">\n");
    if (!d->n_thoughts)
        el(b, "li", NULL, W(r, SP_EX_NONE));
    for (int i = 0; i < d->n_thoughts; i++) {
        const sp_debrief_thought *th = &d->thoughts[i];
        const sp_option *o = &r->sc->nodes[th->node].options[th->option];
        int hind = th->side == SP_SIDE_HINDERING;
        putf(b, "<li>%s %d (<span class=\"%s\">", W(r, SP_EX_TURN), th->turn, hind ? "bad" : "ok");
        esc(b, side_word(r, th->side), 0);
        put(b, "</span>): &ldquo;");
        esc(b, sp_text_get(&o->text, r->lang), 0);
        put(b, "&rdquo;");
        if (hind && th->thought >= 0) {
            put(b, "<br><span class=\"small\">");
            esc(b, W(r, SP_EX_REFRAME), 0);
            put(b, ": ");
            esc(b, sp_text_get(&hb->thoughts[th->thought].helpful, r->lang), 0);
            put(b, "</span>");
        }
        put(b, "</li>\n");
    }
    put(b, "</ul>\n</section>\n");
}

char *sp_export_html(const sp_replay *r, const sp_debrief *d, size_t *len)
{
    buf b = { 0 };
    html_head(&b, r);
    html_ending(&b, r);
    int whole = 0;
    for (int k = 0; k < r->t->n_notes; k++)
        whole += sp_replay_note_step(r, &r->t->notes[k]) < 0;
    if (whole) {
        put(&b, "<section>\n");
        el(&b, "h2", NULL, W(r, SP_EX_NOTES));
        html_notes_at(&b, r, -1);
        put(&b, "</section>\n");
    }
    html_goals(&b, r, d);
    html_timeline(&b, r);
    html_decisions(&b, r);
    html_debrief(&b, r, d);
    put(&b, "<footer>");
    esc(&b, W(r, SP_EX_MADE_WITH), 0);
    put(&b, " " SP_VERSION " &middot; ");
    esc(&b, sp_text_get(&r->sc->handbook->title, r->lang), 0);
    put(&b, "</footer>\n</main>\n</body>\n</html>\n");
    return finish(&b, len);
}

/* ==== CSV ======================================================================= */

/* One field, quoted when it must be (RFC 4180 section 2.6, 2.7). */
static void csv_field(buf *b, const char *s, int first)
{
    if (!first)
        put(b, ",");
    if (!strpbrk(s, ",\"\r\n")) {
        put(b, s);
        return;
    }
    put(b, "\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            put(b, "\"\"");
        else
            put_n(b, p, 1);
    }
    put(b, "\"");
}

char *sp_export_csv(const sp_replay *r, size_t *len)
{
    const sp_handbook *hb = r->sc->handbook;
    buf b = { 0 }, f = { 0 };
    const sp_export_msg head[] = { SP_EX_CSV_TURN, SP_EX_CSV_NODE, SP_EX_CSV_OPTION, SP_EX_CSV_TEXT,
                                   SP_EX_CSV_TOTAL, SP_EX_CSV_BEST, SP_EX_CSV_INTERVENTIONS,
                                   SP_EX_CSV_THOUGHT, SP_EX_CSV_FLAGS, SP_EX_CSV_VOTES, SP_EX_CSV_NOTES };
    for (size_t k = 0; k < sizeof head / sizeof head[0]; k++)
        csv_field(&b, W(r, head[k]), k == 0);
    put(&b, "\r\n");
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_node *nd = &r->sc->nodes[s->node];
        const sp_option *o = chosen_option(r, i);
        char num[32];
        snprintf(num, sizeof num, "%d", s->turn);
        csv_field(&b, num, 1);
        csv_field(&b, nd->id, 0);
        csv_field(&b, o->id, 0);
        csv_field(&b, sp_text_get(&o->text, r->lang), 0);
        snprintf(num, sizeof num, "%d", s->total);
        csv_field(&b, num, 0);
        snprintf(num, sizeof num, "%d", s->best_total);
        csv_field(&b, num, 0);
        /* The composite fields are built in f, then written as one field. */
        f.len = 0;
        put(&f, "");
        put_interventions(&f, r, o, "; ", 0);
        csv_field(&b, f.nomem ? "" : f.s, 0);
        f.len = 0;
        put(&f, "");
        if (o->thought >= 0) {
            putf(&f, "%s (", hb->thoughts[o->thought].id);
            put(&f, side_word(r, o->side));
            put(&f, ")");
        }
        csv_field(&b, f.nomem ? "" : f.s, 0);
        f.len = 0;
        put(&f, "");
        for (int k = 0; k < s->n_marked; k++) {
            put(&f, k ? "; " : "");
            put(&f, sp_text_get(&hb->redflags[s->marked[k]].label, r->lang));
            if (!s->marked_ok[k]) {
                put(&f, " (");
                put(&f, W(r, SP_EX_FALSE_ALARM));
                put(&f, ")");
            }
        }
        csv_field(&b, f.nomem ? "" : f.s, 0);
        f.len = 0;
        put(&f, "");
        for (int k = 0; k < s->n_votes && s->n_votes == s->n_offered; k++)
            putf(&f, "%s%s %d", k ? "; " : "", nd->options[s->offered[k]].id, s->votes[k]);
        if (s->override && s->n_votes)
            putf(&f, " (%s)", W(r, SP_EX_CSV_OVERRIDE));
        csv_field(&b, f.nomem ? "" : f.s, 0);
        f.len = 0;
        put(&f, "");
        int nn = 0;
        for (int k = 0; k < r->t->n_notes; k++)
            if (sp_replay_note_step(r, &r->t->notes[k]) == i) {
                put(&f, nn++ ? "\n" : "");
                put(&f, r->t->notes[k].text);
            }
        csv_field(&b, f.nomem ? "" : f.s, 0);
        put(&b, "\r\n");
    }
    if (f.nomem)
        b.nomem = 1;
    free(f.s);
    return finish(&b, len);
}
