/* check_report.c: prints the author's analyses of one case for `samenspel check`: figures, endings, detours, tells, reading length, translation, and their warnings. */
#include "check_report.h"

#include <stdio.h>
#include <string.h>
#include "core/cond.h"
#include "core/export.h"
#include "core/translate.h"

/*
 * The block under a case's summary is stable (one line per figure, endings
 * in file order) so authors can diff it between versions. Problems follow
 * as "path:line: error: ..." (a decision that can offer nothing: exit 1)
 * or "path:line: warning: ..." (exit 0 unless --strict).
 */

static const char *warning(sp_lang l) { return sp_translate(l, "waarschuwing"); }

static const char *decisions(sp_lang l, int n)
{
    return n == 1 ? sp_translate(l, "beslissing") : sp_translate(l, "beslissingen");
}


#define PATH_SHOWN 40

/* "a > b > c" into buf. */
static const char *path_text(const sp_scenario *sc, const sp_apath *p, sp_lang l, char *buf, size_t len)
{
    size_t used = 0;
    buf[0] = '\0';
    if (p->n == 0)
        return sp_translate(l, "meteen bij de start");
    for (int i = 0; i < p->n && i < PATH_SHOWN && used < len; i++) {
        int k = snprintf(buf + used, len - used, "%s%s", i ? " > " : "", sc->nodes[p->nodes[i]].options[p->options[i]].id);
        used += k > 0 ? (size_t)k : 0;
    }
    if (p->n > PATH_SHOWN && used < len) {
        char more[64];
        snprintf(more, sizeof more, sp_translate(l, "(en nog %d)"), p->n - PATH_SHOWN);
        snprintf(buf + used, len - used, " %s", more);
    }
    return buf;
}

static int percent(int part, int whole) { return whole ? (int)((part * 100L + whole / 2) / whole) : 0; }

/* Minutes at SP_CHECK_WPM, one decimal, in the language's notation. */
static const char *minutes(int words, sp_lang l, char *buf, size_t len)
{
    int tenths = (int)((words * 10L + SP_CHECK_WPM / 2) / SP_CHECK_WPM);
    snprintf(buf, len, "%d%s%d", tenths / 10, l == SP_LANG_EN ? "." : ",", tenths % 10);
    return buf;
}

static void words_line(const char *label, sp_words w3[3], int en, sp_lang l)
{
    char a[16], b[16], c[16];
    int x[3] = { en ? w3[0].en : w3[0].nl, en ? w3[1].en : w3[1].nl, en ? w3[2].en : w3[2].nl };
    printf("    %s: %s %d (%s), %s %d (%s), %s %d (%s)\n", label, sp_translate_ctx(l, "check", "expertroute"), x[0],
           minutes(x[0], l, a, sizeof a), sp_translate(l, "kortste"), x[1], minutes(x[1], l, b, sizeof b),
           sp_translate(l, "langste"), x[2], minutes(x[2], l, c, sizeof c));
}

static void figures(const sp_scenario *sc, const sp_check *c, sp_lang l)
{
    const sp_analysis *a = c->a;
    char buf[256];
    if (a->expert_ending >= 0)
        snprintf(buf, sizeof buf, sp_translate(l, "exact; expertroute: %d %s naar '%s'"), a->n_expert,
                 decisions(l, a->n_expert), sc->nodes[a->expert_ending].ending_id);
    else
        snprintf(buf, sizeof buf, "%s", sp_translate(l, "geen einde bereikbaar"));
    char states[64];
    snprintf(states, sizeof states, sp_translate(l, "%d toestanden doorzocht"), a->n_states);
    printf("  %s: %d (%s; %s)\n", sp_translate(l, "maximum"), a->max_total, buf, states);
    printf("  %s:\n", sp_translate(l, "eindes (laagste..hoogste totaal van de routes erheen)"));
    for (int i = 0; i < c->n_endings; i++) {
        const sp_ending_fit *f = &c->endings[i];
        const sp_node *n = &sc->nodes[f->node];
        printf("    %-8s %s: %d..%d\n", sp_export_kind(l, n->ending_kind), n->ending_id, f->lo, f->hi);
    }
    printf("  %s: %d\n", sp_translate(l, "omwegen die lonen"), c->n_detours);
    snprintf(buf, sizeof buf, sp_translate(l, "%d van %d %s (%d %%)"), c->tells, c->tell_decisions,
             decisions(l, c->tell_decisions), percent(c->tells, c->tell_decisions));
    printf("  %s: %s\n", sp_translate(l, "antwoordhints (langste optie is een beste)"), buf);
    printf("  ");
    printf(sp_translate(l, "leeslengte in woorden (minuten bij %d per minuut)"), SP_CHECK_WPM);
    printf(":\n");
    sp_words w3[3] = { c->expert_words, c->short_words, c->long_words };
    words_line(sp_translate(l, "Nederlands"), w3, 0, l);
    if (c->texts_en)
        words_line(sp_translate(l, "Engels"), w3, 1, l);
    snprintf(buf, sizeof buf, sp_translate(l, "%d van %d teksten"), c->texts_en, c->texts);
    printf("  %s: en %d %% (%s)\n", sp_translate(l, "vertaling"), percent(c->texts_en, c->texts), buf);
}

static void problem(const sp_scenario *sc, int line, const char *kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void problem(const sp_scenario *sc, int line, const char *kind, const char *fmt, ...)
{
    char text[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (line > 0)
        printf("%s:%d: %s: %s\n", sc->path, line, kind, text);
    else
        printf("%s: %s: %s\n", sc->path, kind, text);
}

/* The variables a dead end's options read, "v = 0, w = 1". */
static const char *dead_vars(const sp_scenario *sc, const sp_dead_end *d, char *buf, size_t len)
{
    unsigned char used[256] = { 0 };
    const sp_node *n = &sc->nodes[d->node];
    buf[0] = '\0';
    if (sc->n_vars > 256)
        return buf;
    for (int j = 0; j < n->n_options; j++)
        sp_cond_vars(n->options[j].cond, used);
    size_t at = 0;
    for (int i = 0; i < sc->n_vars && at < len; i++)
        if (used[i]) {
            int k = snprintf(buf + at, len - at, "%s%s = %d", at ? ", " : "", sc->vars[i].name, d->vars[i]);
            at += k > 0 ? (size_t)k : 0;
        }
    return buf;
}

static int errors(const sp_scenario *sc, const sp_check *c, sp_lang l)
{
    char path[4096], vars[512];
    for (int i = 0; i < c->n_dead; i++) {
        const sp_dead_end *d = &c->dead[i];
        const sp_node *n = &sc->nodes[d->node];
        printf("%s:%d: '%s' %s: %s %s; %s\n", sc->path, n->line, n->id, sp_translate(l, "biedt op een pad geen enkele optie aan"), sp_translate(l, "na"),
               path_text(sc, &d->path, l, path, sizeof path), dead_vars(sc, d, vars, sizeof vars));
    }
    return c->n_dead;
}

static int unreached(const sp_scenario *sc, const sp_check *c, sp_lang l)
{
    const sp_analysis *a = c->a;
    int n = 0;
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *nd = &sc->nodes[i];
        if (!a->reachable[i]) {
            problem(sc, nd->line, warning(l), nd->kind == SP_NODE_ENDING ? sp_translate(l, "einde '%s' wordt langs geen enkele route bereikt (voorwaarden meegeteld, vanaf de startwaarden of meegenomen waarden)") : sp_translate(l, "knoop '%s' wordt langs geen enkele route bereikt (voorwaarden meegeteld, vanaf de startwaarden of meegenomen waarden)"),
                    nd->kind == SP_NODE_ENDING ? nd->ending_id : nd->id);
            n++;
            continue;
        }
        for (int j = 0; j < nd->n_options; j++)
            if (!a->offered[a->opt_base[i] + j]) {
                problem(sc, nd->options[j].line, warning(l), sp_translate(l, "optie '%s' van '%s' wordt op geen enkele route aangeboden (voorwaarden meegeteld, vanaf de startwaarden of meegenomen waarden)"), nd->options[j].id, nd->id);
                n++;
            }
    }
    return n;
}

static int coherence(const sp_scenario *sc, const sp_check *c, sp_lang l)
{
    char path[4096];
    int n = 0;
    for (int i = 0; i < c->n_endings; i++) {
        const sp_ending_fit *f = &c->endings[i];
        const sp_node *e = &sc->nodes[f->node];
        if (f->below >= 0) {
            const sp_node *w = &sc->nodes[f->below];
            problem(sc, e->line, warning(l), sp_translate(l, "einde '%s' (%s) wordt bereikt met een totaal van %d, lager dan de %d van einde '%s' (%s); bijvoorbeeld: %s"), e->ending_id, sp_export_kind(l, e->ending_kind), f->lo,
                    f->below_hi, w->ending_id, sp_export_kind(l, w->ending_kind),
                    path_text(sc, &f->lo_path, l, path, sizeof path));
            n++;
        }
        if (f->hindering) {
            problem(sc, e->line, warning(l), sp_translate(l, "einde '%s' (%s) wordt bereikt met bij elk gedachtemoment de belemmerende gedachte; bijvoorbeeld: %s"), e->ending_id, sp_export_kind(l, e->ending_kind),
                    path_text(sc, &f->hind_path, l, path, sizeof path));
            n++;
        }
    }
    return n;
}

static int detours(const sp_scenario *sc, const sp_check *c, sp_lang l)
{
    for (int i = 0; i < c->n_detours; i++) {
        const sp_detour *d = &c->detours[i];
        const sp_node *n = &sc->nodes[d->node];
        problem(sc, n->line, warning(l), sp_translate(l, "omweg loont bij '%s': '%s' heeft het hoogste eigen totaal (%+d, route %d), maar '%s' levert meer op (%+d, route %d)"), n->id, n->options[d->answer].id, d->answer_total,
                d->answer_value, n->options[d->route].id, d->route_total, d->route_value);
    }
    return c->n_detours;
}

static int totals(const sp_scenario *sc, const sp_check *c, sp_lang l)
{
    int n = 0, share = percent(c->tells, c->tell_decisions);
    if (c->tell_decisions && c->tells * 100L > (long)SP_CHECK_TELL_MAX * c->tell_decisions) {
        problem(sc, 0, warning(l), sp_translate(l, "antwoordhints: bij %d van %d beslissingen (%d %%) is de langste optie een van de beste; hooguit %d %%"), c->tells, c->tell_decisions, share, SP_CHECK_TELL_MAX);
        n++;
    }
    if (c->expert_words.nl > SP_CHECK_EXPERT_WORDS) {
        problem(sc, 0, warning(l), sp_translate(l, "de expertroute is %d woorden lang, meer dan %d"), c->expert_words.nl, SP_CHECK_EXPERT_WORDS);
        n++;
    }
    if (c->texts && c->texts_en < c->texts) {
        problem(sc, 0, warning(l), sp_translate(l, "vertaling: en %d %% (%d van %d teksten)"), percent(c->texts_en, c->texts), c->texts_en, c->texts);
        n++;
    }
    return n;
}

void sp_check_report(const sp_scenario *sc, const sp_check *c, sp_lang l, int *n_errors, int *n_warnings)
{
    figures(sc, c, l);
    *n_errors = errors(sc, c, l);
    *n_warnings = unreached(sc, c, l);
    *n_warnings += coherence(sc, c, l);
    *n_warnings += detours(sc, c, l);
    *n_warnings += totals(sc, c, l);
}
