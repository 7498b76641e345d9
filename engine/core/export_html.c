/* export_html.c: a replayed play as one self-contained, printable HTML page: inline CSS with print rules, SVG goal chart and timeline, every decision. */
#include "export.h"
#include "export_buf.h"
#include "translate.h"
#include "figures.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef SP_VERSION
#define SP_VERSION "0.0.0"
#endif

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

/* <tag class="cls">text</tag> */
static void el(sp_export_buf *b, const char *tag, const char *cls, const char *text)
{
    sp_export_buf_putf(b, "<%s", tag);
    if (cls)
        sp_export_buf_putf(b, " class=\"%s\"", cls);
    sp_export_buf_put(b, ">");
    sp_export_buf_esc(b, text, 0);
    sp_export_buf_putf(b, "</%s>\n", tag);
}

/* ==== small pieces ============================================================ */

/* Decision i of the debrief (the replay's steps and the debrief's
 * decisions are the same choices in the same order); NULL when the case is
 * too large for exact figures. */
static const sp_debrief_decision *judged(const sp_debrief *d, int i)
{
    return d->exact && i >= 0 && i < d->n_decisions ? &d->decisions[i] : NULL;
}

/* "strongest" when the choice left nothing, "left" when it left points. */
static const char *left_class(const sp_debrief_decision *m)
{
    return !m ? "none" : m->left ? "left" : "strongest";
}

static const sp_option *chosen_option(const sp_replay *r, int i)
{
    return &r->sc->nodes[r->steps[i].node].options[r->steps[i].chosen];
}

static const char *side_word(const sp_replay *r, sp_side side)
{
    return sp_translate(r->lang, side == SP_SIDE_HINDERING ? SP_N_("belemmerend") : SP_N_("helpend"));
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
    ".badge.strongest{background:var(--good)}.badge.left{background:var(--mid)}.badge.none{background:var(--muted)}\n"
    ".line{margin:.15rem 0}.who{font-weight:600}.narration{font-style:italic;color:var(--muted)}\n"
    ".prompt{color:var(--muted);margin:.6rem 0 .2rem}\n"
    ".chosen{background:#eef3fa;border-left:4px solid var(--accent);padding:.5rem .8rem;"
    "border-radius:4px;margin:.3rem 0}\n"
    ".thought .chosen{font-style:italic;background:#f2eff9;border-left-color:var(--thought)}\n"
    ".feedback{margin:.4rem 0}.ref{color:var(--muted);font-size:.85rem}\n"
    "table.options{font-size:.92rem;margin:.5rem 0}\n"
    "tr.taken td{font-weight:600}\n"
    "td.score.stronger{color:var(--good);font-weight:700}\n"
    ".stronger-was{margin:.3rem 0}\n"
    ".small{font-size:.88rem;color:var(--muted);margin:.3rem 0}\n"
    ".ok{color:var(--good)}.bad{color:var(--bad)}\n"
    ".note{background:#fff8e1;border:1px solid #ecd58a;padding:.45rem .75rem;border-radius:6px;margin:.5rem 0}\n"
    "ul.plain{margin:.2rem 0 .8rem;padding-left:1.2rem}\n"
    "footer{color:var(--muted);font-size:.8rem;text-align:center;margin-top:2rem}\n"
    "@media print{@page{margin:15mm}body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}"
    "section{border:none;border-radius:0;padding:0;margin:0 0 1.2rem}"
    ".ending,.warning{padding-left:.8rem}.decision{break-inside:avoid}h2{break-after:avoid}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}\n";

static void html_head(sp_export_buf *b, const sp_replay *r)
{
    const char *title = sp_text_get(&r->sc->title, r->lang);
    sp_export_buf_putf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
         sp_lang_code(r->lang));
    sp_export_buf_esc(b, sp_translate(r->lang, "Nabespreking"), 0);
    sp_export_buf_put(b, ": ");
    sp_export_buf_esc(b, title, 0);
    sp_export_buf_put(b, "</title>\n<style>\n");
    sp_export_buf_put(b, css);
    sp_export_buf_put(b, "</style>\n</head>\n<body>\n<main>\n<header>\n");
    sp_export_buf_putf(b, "<p class=\"kicker\">samenspel &middot; ");
    sp_export_buf_esc(b, sp_translate(r->lang, "Nabespreking"), 0);
    sp_export_buf_put(b, "</p>\n");
    el(b, "h1", NULL, title);
    sp_export_buf_put(b, "<p class=\"meta\">");
    const sp_transcript *t = r->t;
    if (t->started > 0) {
        time_t tt = (time_t)t->started;
        struct tm tm;
        char when[64];
        localtime_r(&tt, &tm);
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        sp_export_buf_esc(b, sp_translate(r->lang, "Gespeeld op"), 0);
        sp_export_buf_putf(b, " %s &middot; ", when);
    }
    const char *mode = t->mode ? t->mode : "solo";
    const char *mm = strcmp(mode, "group") == 0 ? SP_N_("in de groep gespeeld")
                     : strcmp(mode, "replay-branch") == 0 ? SP_N_("aftakking")
                     : strcmp(mode, "expert") == 0 ? SP_N_("expertroute") : SP_N_("alleen gespeeld");
    sp_export_buf_esc(b, sp_translate(r->lang, mm), 0);
    sp_export_buf_putf(b, " &middot; <span data-decisions=\"%d\">%d</span> ", r->n_decisions, r->n_decisions);
    sp_export_buf_esc(b, sp_translate(r->lang, "keuzes"), 0);
    sp_export_buf_put(b, "</p>\n");
    if (t->parent) {
        const char *base = strrchr(t->parent, '/');
        sp_export_buf_put(b, "<p class=\"meta\">");
        char what[160];
        fill_int(what, sizeof what, sp_translate(r->lang, "Verder gespeeld vanaf beurt %d van"), branch_turn(r));
        sp_export_buf_esc(b, what, 0);
        sp_export_buf_put(b, " <code>");
        sp_export_buf_esc(b, base ? base + 1 : t->parent, 0);
        sp_export_buf_put(b, "</code></p>\n");
    }
    sp_export_buf_put(b, "</header>\n");
}

static void html_ending(sp_export_buf *b, const sp_replay *r)
{
    char what[400];
    if (r->stopped_at) {
        fill_int(what, sizeof what, sp_translate(r->lang, "De casus is veranderd: vanaf stap %d past dit gesprek er niet meer bij. Wat volgt, gaat over het gesprek tot daar."), r->stopped_at);
        sp_export_buf_put(b, "<section class=\"warning\">\n");
        el(b, "p", NULL, what);
        sp_export_buf_put(b, "</section>\n");
    }
    const sp_replay_step *last = &r->steps[r->n_decisions];
    if (!r->finished) {
        fill_int(what, sizeof what, sp_translate(r->lang, "Niet afgemaakt: het gesprek stopte bij beurt %d."), last->turn);
        sp_export_buf_put(b, "<section class=\"ending open\">\n");
        el(b, "h2", NULL, what);
        sp_export_buf_put(b, "</section>\n");
        return;
    }
    const sp_node *e = &r->sc->nodes[last->node];
    const char *cls = e->ending_kind == SP_ENDING_GOOD ? "good"
                    : e->ending_kind == SP_ENDING_MIXED ? "mixed" : "poor";
    sp_export_buf_putf(b, "<section class=\"ending %s\" data-ending=\"", cls);
    sp_export_buf_esc(b, e->id, 1);
    sp_export_buf_put(b, "\">\n<h2>");
    sp_export_buf_esc(b, sp_translate_ctx(r->lang, "report", "Einde"), 0);
    sp_export_buf_put(b, ": ");
    sp_export_buf_esc(b, sp_text_get(&e->ending_title, r->lang), 0);
    sp_export_buf_put(b, " <span class=\"meta\">(");
    sp_export_buf_esc(b, sp_export_kind(r->lang, e->ending_kind), 0);
    sp_export_buf_put(b, ")</span></h2>\n");
    el(b, "p", NULL, sp_session_text(r->s, &e->evaluation, r->lang));
    sp_export_buf_put(b, "</section>\n");
}

static const char *left_fill(const sp_debrief_decision *m)
{
    return !m ? "#8a94a0" : m->left ? "#b7801a" : "#2f7d4f";
}

/* "laten liggen 3" or "sterkste keuze" into buf. */
static const char *left_words(const sp_replay *r, const sp_debrief_decision *m, char *buf, size_t len)
{
    if (!m)
        snprintf(buf, len, "%s", "");
    else if (m->left)
        snprintf(buf, len, "%s %d", sp_figure_name(r->lang, SP_FIG_LEFT), m->left);
    else
        snprintf(buf, len, "%s", sp_translate(r->lang, "sterkste keuze"));
    return buf;
}

/* One mark per decision, coloured by the points it left: squares for
 * decisions, circles for thought moments, each a link to the decision
 * further down. */
static void html_timeline(sp_export_buf *b, const sp_replay *r, const sp_debrief *d)
{
    const int cell = 46, size = 30;
    int n = r->n_decisions;
    int width = (n + 1) * cell + 10, height = 62;
    char words[128];
    sp_export_buf_put(b, "<section>\n");
    el(b, "h2", NULL, sp_translate(r->lang, "Verloop"));
    sp_export_buf_putf(b, "<svg class=\"timeline\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" "
         "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"13\">\n",
         width, height, width, height);
    sp_export_buf_putf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#d9dee5\" stroke-width=\"3\"/>\n",
         cell / 2, 20, n * cell + cell / 2, 20);
    for (int i = 0; i < n; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_debrief_decision *m = judged(d, i);
        int cx = i * cell + cell / 2 + 5;
        sp_export_buf_putf(b, "<a href=\"#turn-%d\"><g data-turn=\"%d\" data-grade=\"%s\" data-total=\"%d\"",
             s->turn, s->turn, left_class(m), s->total);
        if (m)
            sp_export_buf_putf(b, " data-left=\"%d\"", m->left);
        sp_export_buf_putf(b, "><title>%s %d: %+d", sp_translate(r->lang, "Beurt"), s->turn, s->total);
        if (m) {
            sp_export_buf_put(b, ", ");
            sp_export_buf_esc(b, left_words(r, m, words, sizeof words), 0);
        }
        sp_export_buf_put(b, "</title>");
        if (s->kind == SP_VIEW_THOUGHT)
            sp_export_buf_putf(b, "<circle cx=\"%d\" cy=\"20\" r=\"%d\" fill=\"%s\"/>", cx, size / 2, left_fill(m));
        else
            sp_export_buf_putf(b, "<rect x=\"%d\" y=\"5\" width=\"%d\" height=\"%d\" rx=\"5\" fill=\"%s\"/>",
                 cx - size / 2, size, size, left_fill(m));
        sp_export_buf_putf(b, "<text x=\"%d\" y=\"25\" fill=\"#fff\" font-weight=\"700\" text-anchor=\"middle\">%d</text>"
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
    sp_export_buf_putf(b, "<g data-end=\"%s\"><polygon points=\"%d,5 %d,20 %d,35 %d,20\" fill=\"none\" stroke=\"%s\" stroke-width=\"3\"/></g>\n",
         r->finished ? "ending" : "open", cx, cx + 15, cx, cx - 15, fill);
    sp_export_buf_put(b, "</svg>\n<p class=\"legend\">");
    if (d->exact) {
        sp_export_buf_put(b, "<span><i class=\"sw\" style=\"background:#2f7d4f\"></i>");
        sp_export_buf_esc(b, sp_translate(r->lang, "sterkste keuze"), 0);
        sp_export_buf_put(b, "</span><span><i class=\"sw\" style=\"background:#b7801a\"></i>");
        sp_export_buf_esc(b, sp_figure_name(r->lang, SP_FIG_LEFT), 0);
        sp_export_buf_put(b, " &gt; 0</span>");
    }
    sp_export_buf_put(b, "<span>&#9632; ");
    sp_export_buf_esc(b, sp_translate(r->lang, "Beslissing"), 0);
    sp_export_buf_put(b, "</span><span>&#9679; ");
    sp_export_buf_esc(b, sp_translate(r->lang, "Gedachte"), 0);
    sp_export_buf_put(b, "</span></p>\n</section>\n");
}

static void html_lines(sp_export_buf *b, const sp_replay *r, const sp_replay_step *s)
{
    for (int k = 0; k < s->n_lines; k++) {
        const sp_view_line *l = &s->lines[k];
        if (l->speaker < 0) {
            el(b, "p", "line narration", l->text);
            continue;
        }
        sp_export_buf_put(b, "<p class=\"line\"><span class=\"who\">");
        sp_export_buf_esc(b, l->speaker_name, 0);
        sp_export_buf_put(b, ":</span> ");
        sp_export_buf_esc(b, l->text, 0);
        sp_export_buf_put(b, "</p>\n");
    }
}

static void html_notes_at(sp_export_buf *b, const sp_replay *r, int step)
{
    for (int k = 0; k < r->t->n_notes; k++) {
        if (sp_replay_note_step(r, &r->t->notes[k]) != step)
            continue;
        sp_export_buf_put(b, "<div class=\"note\"><strong>");
        sp_export_buf_esc(b, sp_translate(r->lang, "Notitie"), 0);
        sp_export_buf_put(b, ":</strong> ");
        sp_export_buf_esc(b, r->t->notes[k].text, 0);
        sp_export_buf_put(b, "</div>\n");
    }
}

static void html_flags_of_step(sp_export_buf *b, const sp_replay *r, const sp_replay_step *s)
{
    const sp_handbook *hb = r->sc->handbook;
    if (s->n_present) {
        sp_export_buf_put(b, "<p class=\"small\">");
        sp_export_buf_esc(b, sp_translate(r->lang, "Rode vlaggen in deze beurt"), 0);
        sp_export_buf_put(b, ": ");
        for (int k = 0; k < s->n_present; k++) {
            sp_export_buf_put(b, k ? ", " : "");
            sp_export_buf_esc(b, sp_text_get(&hb->redflags[s->present[k]].label, r->lang), 0);
        }
        sp_export_buf_put(b, "</p>\n");
    }
    if (s->n_marked) {
        sp_export_buf_put(b, "<p class=\"small\">");
        sp_export_buf_esc(b, sp_translate(r->lang, "Gemarkeerd"), 0);
        sp_export_buf_put(b, ": ");
        for (int k = 0; k < s->n_marked; k++) {
            sp_export_buf_put(b, k ? ", " : "");
            sp_export_buf_esc(b, sp_text_get(&hb->redflags[s->marked[k]].label, r->lang), 0);
            sp_flag_verdict v = (sp_flag_verdict)s->marked_verdict[k];
            sp_export_buf_putf(b, " <span class=\"%s\">(", v == SP_FLAG_PRESENT ? "ok" : v == SP_FLAG_NOT_INTENDED ? "muted" : "bad");
            sp_export_buf_esc(b, sp_translate(r->lang, v == SP_FLAG_PRESENT ? SP_N_("herkend") : v == SP_FLAG_NOT_INTENDED ? SP_N_("niet bedoeld hier")
                                                                                              : SP_N_("vals alarm")), 0);
            sp_export_buf_put(b, ")</span>");
        }
        sp_export_buf_put(b, "</p>\n");
    }
}

static void html_options(sp_export_buf *b, const sp_replay *r, const sp_replay_step *s,
                         const sp_debrief_decision *m)
{
    const sp_node *nd = &r->sc->nodes[s->node];
    const sp_handbook *hb = r->sc->handbook;
    sp_export_buf_put(b, "<table class=\"options\">\n<thead><tr><th></th><th>");
    sp_export_buf_esc(b, sp_translate(r->lang, "Optie"), 0);
    sp_export_buf_put(b, "</th><th class=\"num\">");
    sp_export_buf_esc(b, sp_translate(r->lang, "Score"), 0);
    if (s->n_votes == s->n_offered) {
        sp_export_buf_put(b, "</th><th class=\"num\">");
        sp_export_buf_esc(b, sp_translate(r->lang, "Stemmen"), 0);
    }
    sp_export_buf_put(b, "</th></tr></thead>\n");
    for (int k = 0; k < s->n_offered; k++) {
        const sp_option *o = &nd->options[s->offered[k]];
        int total = sp_option_total(o), taken = s->offered[k] == s->chosen;
        sp_export_buf_putf(b, "<tr%s data-option=\"", taken ? " class=\"taken\"" : "");
        sp_export_buf_esc(b, o->id, 1);
        sp_export_buf_putf(b, "\"><td class=\"num\">%s</td><td>", taken ? "&#10003;" : "");
        sp_export_buf_esc(b, sp_text_get(&o->text, r->lang), 0);
        if (o->n_interventions || o->thought >= 0) {
            sp_export_buf_put(b, "<div class=\"small\">");
            if (o->n_interventions) {
                sp_export_buf_esc(b, sp_translate(r->lang, "past toe"), 0);
                sp_export_buf_put(b, ": ");
                sp_export_buf_interventions(b, r, o, ", ", 1);
            }
            if (o->thought >= 0) {
                sp_export_buf_put(b, o->n_interventions ? " &middot; " : "");
                sp_export_buf_esc(b, sp_translate(r->lang, "Gedachte"), 0);
                sp_export_buf_put(b, ": ");
                sp_export_buf_esc(b, side_word(r, o->side), 0);
                if (o->side == SP_SIDE_HINDERING) {
                    sp_export_buf_put(b, " &middot; ");
                    sp_export_buf_esc(b, sp_translate(r->lang, "anders bekeken"), 0);
                    sp_export_buf_put(b, ": &ldquo;");
                    sp_export_buf_esc(b, sp_text_get(&hb->thoughts[o->thought].helpful, r->lang), 0);
                    sp_export_buf_put(b, "&rdquo;");
                }
            }
            sp_export_buf_put(b, "</div>");
        }
        sp_export_buf_putf(b, "</td><td class=\"num score%s\" data-total=\"%d\">%+d</td>",
             m && m->stronger == s->offered[k] ? " stronger" : "", total, total);
        if (s->n_votes == s->n_offered)
            sp_export_buf_putf(b, "<td class=\"num\" data-votes=\"%d\">%d</td>", s->votes[k], s->votes[k]);
        sp_export_buf_put(b, "</tr>\n");
    }
    sp_export_buf_put(b, "</table>\n");
}

/* "Sterker was: <option> (+3)" after a choice that left points. */
static void html_stronger(sp_export_buf *b, const sp_replay *r, const sp_debrief_decision *m)
{
    if (!m || m->stronger < 0)
        return;
    const sp_option *o = &r->sc->nodes[m->node].options[m->stronger];
    sp_export_buf_put(b, "<p class=\"stronger-was\" data-stronger=\"");
    sp_export_buf_esc(b, o->id, 1);
    sp_export_buf_putf(b, "\" data-stronger-total=\"%d\"><strong>", m->stronger_total);
    sp_export_buf_esc(b, sp_figure_stronger_was(r->lang), 0);
    sp_export_buf_put(b, ":</strong> ");
    sp_export_buf_esc(b, sp_text_get(&o->text, r->lang), 0);
    sp_export_buf_putf(b, " (%+d)</p>\n", m->stronger_total);
}

static void html_decisions(sp_export_buf *b, const sp_replay *r, const sp_debrief *d)
{
    char words[128];
    sp_export_buf_put(b, "<section>\n");
    el(b, "h2", NULL, sp_translate(r->lang, "Het gesprek"));
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        const sp_option *o = chosen_option(r, i);
        const sp_debrief_decision *m = judged(d, i);
        int thought = s->kind == SP_VIEW_THOUGHT;
        sp_export_buf_putf(b, "<article class=\"decision %s%s\" id=\"turn-%d\" data-turn=\"%d\" data-node=\"",
             left_class(m), thought ? " thought" : "", s->turn, s->turn);
        sp_export_buf_esc(b, r->sc->nodes[s->node].id, 1);
        sp_export_buf_put(b, "\" data-option=\"");
        sp_export_buf_esc(b, o->id, 1);
        sp_export_buf_putf(b, "\" data-total=\"%d\"", s->total);
        if (m)
            sp_export_buf_putf(b, " data-left=\"%d\"", m->left);
        sp_export_buf_put(b, ">\n<h3>");
        sp_export_buf_esc(b, sp_translate(r->lang, "Beurt"), 0);
        sp_export_buf_putf(b, " %d &middot; ", s->turn);
        sp_export_buf_esc(b, sp_translate(r->lang, thought ? SP_N_("Gedachte") : SP_N_("Beslissing")), 0);
        sp_export_buf_putf(b, "<span class=\"badge %s\">%+d", left_class(m), s->total);
        if (m) {
            sp_export_buf_put(b, " &middot; ");
            sp_export_buf_esc(b, left_words(r, m, words, sizeof words), 0);
        }
        sp_export_buf_put(b, "</span></h3>\n");
        html_lines(b, r, s);
        if (*s->prompt)
            el(b, "p", "prompt", s->prompt);
        sp_export_buf_put(b, "<div class=\"chosen\"><span class=\"who\">");
        sp_export_buf_esc(b, sp_translate(r->lang, "Jouw keuze"), 0);
        sp_export_buf_put(b, ":</span> ");
        sp_export_buf_esc(b, sp_text_get(&o->text, r->lang), 0);
        sp_export_buf_put(b, "</div>\n<p class=\"feedback\">");
        sp_export_buf_esc(b, sp_session_text_at(r->s, (int)(s - r->steps), &o->feedback, r->lang), 0);
        if (*sp_text_get(&o->ref_label, r->lang)) {
            sp_export_buf_put(b, " <span class=\"ref\">(");
            sp_export_buf_esc(b, sp_text_get(&o->ref_label, r->lang), 0);
            sp_export_buf_put(b, ")</span>");
        }
        sp_export_buf_put(b, "</p>\n");
        html_stronger(b, r, m);
        if (s->n_offered > 1) {
            el(b, "p", "small", sp_translate(r->lang, "Wat er nog meer kon"));
            html_options(b, r, s, m);
        }
        if (s->override) {
            sp_export_buf_put(b, "<p class=\"small\">");
            sp_export_buf_esc(b, sp_translate(r->lang, "Stemmen"), 0);
            sp_export_buf_put(b, ": ");
            sp_export_buf_esc(b, sp_translate(r->lang, "de trainer koos anders dan de meerderheid"), 0);
            sp_export_buf_put(b, "</p>\n");
        }
        html_flags_of_step(b, r, s);
        html_notes_at(b, r, i);
        sp_export_buf_put(b, "</article>\n");
    }
    const sp_replay_step *last = &r->steps[r->n_decisions];
    if (last->n_lines || last->n_marked || r->finished) {
        sp_export_buf_put(b, "<article class=\"decision\" id=\"end\">\n");
        html_lines(b, r, last);
        html_flags_of_step(b, r, last);
        html_notes_at(b, r, r->n_decisions);
        sp_export_buf_put(b, "</article>\n");
    }
    sp_export_buf_put(b, "</section>\n");
}

static void html_list_flags(sp_export_buf *b, const sp_replay *r, const char *what, const sp_debrief_flag *f, int n,
                            int why)
{
    const sp_handbook *hb = r->sc->handbook;
    sp_export_buf_putf(b, "<h3>%s: %d</h3>\n", sp_translate(r->lang, what), n);
    if (!n)
        return;
    sp_export_buf_put(b, "<ul class=\"plain\">\n");
    for (int i = 0; i < n; i++) {
        const sp_redflag *rf = &hb->redflags[f[i].flag];
        sp_export_buf_putf(b, "<li>%s %d: <strong>", sp_translate(r->lang, "Beurt"), f[i].turn);
        sp_export_buf_esc(b, sp_text_get(&rf->label, r->lang), 0);
        sp_export_buf_put(b, "</strong>");
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
            sp_export_buf_put(b, " &mdash; ");
            sp_export_buf_esc(b, text, 0);
        }
        sp_export_buf_put(b, "</li>\n");
    }
    sp_export_buf_put(b, "</ul>\n");
}

static void html_debrief(sp_export_buf *b, const sp_replay *r, const sp_debrief *d)
{
    const sp_handbook *hb = r->sc->handbook;
    sp_export_buf_put(b, "<section>\n");
    el(b, "h2", NULL, sp_translate(r->lang, "Interventies toegepast"));
    sp_export_buf_put(b, "<ul class=\"plain\">\n");
    if (!d->n_applied)
        el(b, "li", NULL, sp_translate(r->lang, "geen"));
    for (int i = 0; i < d->n_applied; i++) {
        sp_export_buf_putf(b, "<li>%s %d: <span class=\"ok\">", sp_translate(r->lang, "Beurt"), d->applied[i].turn);
        sp_export_buf_esc(b, sp_text_get(&hb->interventions[d->applied[i].intervention].label, r->lang), 0);
        sp_export_buf_put(b, "</span></li>\n");
    }
    sp_export_buf_put(b, "</ul>\n");
    if (d->n_missed_interventions) {
        el(b, "h3", NULL, sp_translate(r->lang, "Niet toegepast, wel binnen bereik"));
        sp_export_buf_put(b, "<ul class=\"plain\">\n");
        for (int i = 0; i < d->n_missed_interventions; i++)
            el(b, "li", "bad", sp_text_get(&hb->interventions[d->missed_interventions[i]].label, r->lang));
        sp_export_buf_put(b, "</ul>\n");
    }
    sp_export_buf_put(b, "</section>\n<section>\n");
    el(b, "h2", NULL, sp_translate(r->lang, "Rode vlaggen"));
    html_list_flags(b, r, SP_N_("herkend"), d->recognised, d->n_recognised, 0);
    html_list_flags(b, r, SP_N_("gemist"), d->flags_missed, d->n_flags_missed, 1);
    html_list_flags(b, r, SP_N_("vals alarm"), d->false_alarms, d->n_false_alarms, 2);
    if (d->n_not_intended)
        html_list_flags(b, r, SP_N_("niet bedoeld hier"), d->not_intended, d->n_not_intended, 1);
    sp_export_buf_put(b, "</section>\n<section>\n");
    el(b, "h2", NULL, sp_translate(r->lang, "Gedachten"));
    sp_export_buf_put(b, "<ul class=\"plain\">\n");
    if (!d->n_thoughts)
        el(b, "li", NULL, sp_translate(r->lang, "geen"));
    for (int i = 0; i < d->n_thoughts; i++) {
        const sp_debrief_thought *th = &d->thoughts[i];
        const sp_option *o = &r->sc->nodes[th->node].options[th->option];
        int hind = th->side == SP_SIDE_HINDERING;
        sp_export_buf_putf(b, "<li>%s %d (<span class=\"%s\">", sp_translate(r->lang, "Beurt"), th->turn, hind ? "bad" : "ok");
        sp_export_buf_esc(b, side_word(r, th->side), 0);
        sp_export_buf_put(b, "</span>): &ldquo;");
        sp_export_buf_esc(b, sp_text_get(&o->text, r->lang), 0);
        sp_export_buf_put(b, "&rdquo;");
        if (hind && th->thought >= 0) {
            sp_export_buf_put(b, "<br><span class=\"small\">");
            sp_export_buf_esc(b, sp_translate(r->lang, "anders bekeken"), 0);
            sp_export_buf_put(b, ": ");
            sp_export_buf_esc(b, sp_text_get(&hb->thoughts[th->thought].helpful, r->lang), 0);
            sp_export_buf_put(b, "</span>");
        }
        sp_export_buf_put(b, "</li>\n");
    }
    sp_export_buf_put(b, "</ul>\n</section>\n");
}

/* The case's closing question and hand-out, when it has them, as the state
 * at the end of the play makes them. */
static void html_closing(sp_export_buf *b, const sp_replay *r)
{
    const struct { const char *head; const char *cls; const sp_text *text; } part[] = {
        { SP_N_("Om over na te denken"), "reflection", &r->sc->reflection },
        { SP_N_("Hand-out"), "handout", &r->sc->handout },
    };
    for (size_t i = 0; i < sizeof part / sizeof part[0]; i++) {
        const char *text = sp_session_text(r->s, part[i].text, r->lang);
        if (!text[0])
            continue;
        sp_export_buf_putf(b, "<section class=\"%s\">\n", part[i].cls);
        el(b, "h2", NULL, sp_translate(r->lang, part[i].head));
        el(b, "p", NULL, text); /* a paragraph break becomes <br> */
        sp_export_buf_put(b, "</section>\n");
    }
}

char *sp_export_html(const sp_replay *r, const sp_debrief *d, size_t *len)
{
    sp_export_buf b = { 0 };
    html_head(&b, r);
    html_ending(&b, r);
    int whole = 0;
    for (int k = 0; k < r->t->n_notes; k++)
        whole += sp_replay_note_step(r, &r->t->notes[k]) < 0;
    if (whole) {
        sp_export_buf_put(&b, "<section>\n");
        el(&b, "h2", NULL, sp_translate(r->lang, "Notities"));
        html_notes_at(&b, r, -1);
        sp_export_buf_put(&b, "</section>\n");
    }
    sp_export_html_figures(&b, r, d);
    html_timeline(&b, r, d);
    html_decisions(&b, r, d);
    html_debrief(&b, r, d);
    html_closing(&b, r);
    sp_export_buf_put(&b, "<footer>");
    sp_export_buf_esc(&b, sp_translate(r->lang, "Gemaakt met samenspel"), 0);
    sp_export_buf_put(&b, " " SP_VERSION " &middot; ");
    sp_export_buf_esc(&b, sp_text_get(&r->sc->handbook->title, r->lang), 0);
    sp_export_buf_put(&b, "</footer>\n</main>\n</body>\n</html>\n");
    return sp_export_buf_finish(&b, len);
}

