/* cmd_stats.c: `samenspel stats`: for trainers, figures over many saved plays, per case: choices per decision, mean scores, what is missed most. */
#include "commands.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "app/replay_cli.h"
#include "core/fs.h"
#include "core/export.h"
#include "core/figures.h"
#include "core/translate.h"
#include "core/stats.h"
#include "term/term.h"

/* A mean with a decimal comma in Dutch. */
static void mean(char *buf, size_t len, double v, sp_lang l)
{
    snprintf(buf, len, "%.2f", v);
    char *dot = strchr(buf, '.');
    if (dot && l == SP_LANG_NL)
        *dot = ',';
}

/* ==== collecting transcripts ===================================================== */

typedef struct paths {
    char **v;
    int n, cap;
} paths;

static int add_path(paths *p, const char *s)
{
    if (p->n == p->cap) {
        int cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->v, sizeof *v * (size_t)cap);
        if (!v)
            return 0;
        p->v = v;
        p->cap = cap;
    }
    return (p->v[p->n] = strdup(s)) != NULL && ++p->n;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A file is taken as given; a directory gives its *.xml files, in name
 * order; a *.xml in it that is not a regular file (a FIFO, a device, a
 * directory, a dangling link) is skipped with a notice and counted. */
static int collect(paths *p, const char *arg, int *skipped)
{
    struct stat st;
    if (stat(arg, &st) != 0) {
        if (lstat(arg, &st) == 0 && S_ISLNK(st.st_mode)) {
            sp_cli_error("%s: is een symbolische koppeling naar een bestand dat niet bestaat; overgeslagen", arg);
            ++*skipped;
            return SP_EXIT_OK;
        }
        sp_cli_error("%s: bestand of map bestaat niet", arg);
        return SP_EXIT_USAGE;
    }
    if (!S_ISDIR(st.st_mode))
        return add_path(p, arg) ? SP_EXIT_OK : SP_EXIT_SYSTEM;
    DIR *d = opendir(arg);
    if (!d) {
        sp_cli_error("%s: de map kan niet worden gelezen", arg);
        return SP_EXIT_SYSTEM;
    }
    int first = p->n;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n < 5 || strcmp(e->d_name + n - 4, ".xml") != 0)
            continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", arg, e->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
            if (stat(path, &st) != 0)
                sp_cli_error("%s: is een symbolische koppeling naar een bestand dat niet bestaat; overgeslagen", path);
            else
                sp_cli_error("%s: is %s, geen gesprek; overgeslagen", path,
                             sp_translate(sp_cli_opts()->lang, sp_fs_kind_name(st.st_mode)));
            ++*skipped;
            continue;
        }
        if (!add_path(p, path)) {
            closedir(d);
            return SP_EXIT_SYSTEM;
        }
    }
    closedir(d);
    qsort(p->v + first, (size_t)(p->n - first), sizeof *p->v, by_name);
    return SP_EXIT_OK;
}

/* ==== the report ================================================================= */

/* Every play's own figures (the same as its debrief), finished or not,
 * and what each figure means. */
static void per_play(sp_term *t, const sp_stats *st)
{
    sp_lang l = t->lang;
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Per gesprek"));
    for (int i = 0; i < st->n_plays; i++) {
        const sp_stats_play *p = &st->plays[i];
        char label[1200], text[512];
        snprintf(label, sizeof label, "%s: ", p->name);
        if (p->exact)
            sp_figure_sum(l, text, sizeof text, p->score, p->left, p->still, p->max);
        else
            snprintf(text, sizeof text, "%s %d", sp_figure_name(l, SP_FIG_SCORE), p->score);
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
    }
    char head[128];
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_figure_legend_title(l));
    static const sp_figure shown[] = { SP_FIG_SCORE, SP_FIG_EXPERT, SP_FIG_MAX, SP_FIG_LEFT, SP_FIG_STILL };
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        snprintf(head, sizeof head, "%s: ", sp_figure_name(l, shown[i]));
        sp_term_line(t, 2, SP_STYLE_BOLD, head, SP_STYLE_PLAIN, sp_figure_legend(l, shown[i]));
    }
}

/* A mean with a decimal comma in Dutch, as text. */
static const char *mean_of(char *buf, size_t len, const sp_stats *st, long sum, sp_lang l)
{
    mean(buf, len, sp_stats_mean(st, sum), l);
    return buf;
}

/* The figures: per goal the sum of the scores over the finished plays (the
 * goal rows sum to the total row), their mean and the expert route; the
 * mean of score + left + still = maximum. */
static void figures(sp_term *t, const sp_stats *st)
{
    sp_lang l = t->lang;
    const sp_handbook *hb = st->sc->handbook;
    char head[512], m[32], a[32], b[32], c[32], d[32];
    snprintf(head, sizeof head, "%s (%s: %d)", sp_translate(l, "Score per leerdoel"), sp_translate(l, "afgemaakte gesprekken"), st->n_finished);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);
    size_t w = sp_term_columns(sp_translate(l, "Totaal"));
    for (int g = 0; g < hb->n_goals; g++)
        if (sp_term_columns(sp_text_get(&hb->goals[g].label, l)) > w)
            w = sp_term_columns(sp_text_get(&hb->goals[g].label, l));
    const char *cols[3] = { sp_translate(l, "opgeteld"), sp_translate(l, "gemiddeld"), sp_figure_name(l, SP_FIG_EXPERT) };
    int cw[3];
    for (int k = 0; k < 3; k++)
        cw[k] = (int)sp_term_columns(cols[k]) < 8 ? 8 : (int)sp_term_columns(cols[k]);
    fprintf(t->out, "  %*s  %*s  %*s", (int)w, "", cw[0], cols[0], cw[1], cols[1]);
    if (st->all_exact)
        fprintf(t->out, "  %*s", cw[2], cols[2]);
    fputc('\n', t->out);
    for (int g = 0; g <= hb->n_goals; g++) {
        const char *name = g < hb->n_goals ? sp_text_get(&hb->goals[g].label, l) : sp_translate(l, "Totaal");
        long sum = g < hb->n_goals ? st->goal_sum[g] : st->total_sum;
        long ex = g < hb->n_goals ? st->expert_sum[g] : st->max_sum;
        fprintf(t->out, "  %s%*s  %*ld  %*s", name, (int)(w - sp_term_columns(name)), "", cw[0], sum, cw[1],
                mean_of(m, sizeof m, st, sum, l));
        if (st->all_exact)
            fprintf(t->out, "  %*s", cw[2], mean_of(a, sizeof a, st, ex, l));
        fputc('\n', t->out);
    }
    if (st->all_exact) {
        snprintf(head, sizeof head, "%s: %s %s + %s %s + %s %s = %s %s", sp_translate(l, "gemiddeld"), sp_figure_name(l, SP_FIG_SCORE),
                 mean_of(a, sizeof a, st, st->total_sum, l), sp_figure_name(l, SP_FIG_LEFT),
                 mean_of(b, sizeof b, st, st->left_sum, l), sp_figure_name(l, SP_FIG_STILL),
                 mean_of(c, sizeof c, st, 0, l), sp_figure_name(l, SP_FIG_MAX), mean_of(d, sizeof d, st, st->max_sum, l));
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, head);
    }
}

static void report(sp_term *t, const sp_stats *st)
{
    sp_lang l = t->lang;
    const sp_scenario *sc = st->sc;
    const sp_handbook *hb = sc->handbook;
    char head[512], text[2048], label[64];
    snprintf(head, sizeof head, "== %s (%s): %d %s, %d %s ==", sp_text_get(&sc->title, l), sc->id, st->n_plays,
             sp_translate(l, "gesprekken"), st->n_finished, sp_translate(l, "afgemaakt"));
    fputc('\n', t->out);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);

    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Keuzes per beslismoment"));
    for (int i = 0; i < sc->n_nodes; i++) {
        const sp_node *nd = &sc->nodes[i];
        if (!st->reached[i])
            continue;
        const char *prompt = sp_text_get(&nd->prompt, l);
        snprintf(text, sizeof text, "%s%s%s (%d×)", nd->id, *prompt ? ": " : "", prompt, st->reached[i]);
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, text);
        for (int k = 0; k < nd->n_options; k++) {
            const sp_option *o = &nd->options[k];
            int n = st->chosen[st->base[i] + k];
            snprintf(label, sizeof label, "%3d %3d%%  ", n, (n * 100 + st->reached[i] / 2) / st->reached[i]);
            snprintf(text, sizeof text, "%s: %s [%+d]", o->id, sp_text_get(&o->text, l), sp_option_total(o));
            sp_term_line(t, 4, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
        }
    }

    if (st->n_finished) {
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Eindes"));
        for (int i = 0; i < sc->n_nodes; i++) {
            if (!st->endings[i])
                continue;
            const sp_node *nd = &sc->nodes[i];
            snprintf(label, sizeof label, "%3d  ", st->endings[i]);
            snprintf(text, sizeof text, "%s (%s)", sp_text_get(&nd->ending_title, l), sp_export_kind(l, nd->ending_kind));
            sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
        }
        figures(t, st);
    }
    per_play(t, st);
    if (st->n_finished) {
        int order[256];
        int n = hb->n_interventions < 256 ? sp_stats_rank(st->iv_missed, hb->n_interventions, order) : 0;
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Vaakst gemiste interventies (aangeboden maar niet gekozen)"));
        if (!n)
            sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(l, "geen"));
        for (int k = 0; k < n; k++) {
            const sp_intervention *iv = &hb->interventions[order[k]];
            snprintf(label, sizeof label, "%3d %s %-3d ", st->iv_missed[order[k]], sp_translate(l, "van"), st->iv_offered[order[k]]);
            snprintf(text, sizeof text, "%s (%s)", sp_text_get(&iv->label, l), iv->id);
            sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
        }
        n = hb->n_redflags < 256 ? sp_stats_rank(st->flag_missed, hb->n_redflags, order) : 0;
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Vaakst gemiste rode vlaggen"));
        if (!n)
            sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(l, "geen"));
        for (int k = 0; k < n; k++) {
            const sp_redflag *rf = &hb->redflags[order[k]];
            snprintf(label, sizeof label, "%3d %s %-3d ", st->flag_missed[order[k]], sp_translate(l, "van"), st->flag_present[order[k]]);
            snprintf(text, sizeof text, "%s (%s)", sp_text_get(&rf->label, l), rf->id);
            sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
        }
        n = hb->n_redflags < 256 ? sp_stats_rank(st->flag_false, hb->n_redflags, order) : 0;
        if (n) {
            sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate_ctx(l, "stats", "Vals alarm"));
            for (int k = 0; k < n; k++) {
                const sp_redflag *rf = &hb->redflags[order[k]];
                snprintf(label, sizeof label, "%3d  ", st->flag_false[order[k]]);
                snprintf(text, sizeof text, "%s (%s)", sp_text_get(&rf->label, l), rf->id);
                sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
            }
        }
    }
}

/* ==== the command ================================================================= */

int sp_cmd_stats(int argc, char **argv)
{
    sp_replay_cli c;
    int rc = sp_replay_cli_init(&c);
    if (rc != SP_EXIT_OK)
        return rc;
    paths p = { 0 };
    int n_args = 0, skipped = 0;
    for (int i = 1; i < argc && rc == SP_EXIT_OK; i++) {
        int k = sp_replay_cli_case_option(&c, &i, argc, argv);
        if (k < 0)
            rc = SP_EXIT_INVALID;
        else if (k == 0 && argv[i][0] == '-')
            rc = sp_cli_usage("stats");
        else if (k == 0) {
            n_args++;
            rc = collect(&p, argv[i], &skipped);
        }
    }
    if (rc == SP_EXIT_OK && !n_args)
        rc = sp_cli_usage("stats");
    sp_lang l = sp_cli_opts()->lang;
    /* One sp_stats per case, in the order the cases first appear. */
    sp_stats *per[SP_REPLAY_CLI_MAX_CASES] = { 0 };
    for (int i = 0; rc == SP_EXIT_OK && i < p.n; i++) {
        sp_transcript *t;
        sp_replay *r;
        int lrc = sp_replay_cli_load(&c, p.v[i], l, &t, &r);
        if (lrc == SP_EXIT_OK) {
            int k = 0;
            while (k < c.n_cases && c.cases[k] != r->sc)
                k++;
            if (!per[k] && !(per[k] = sp_stats_new(r->sc)))
                rc = SP_EXIT_SYSTEM;
            else if (sp_stats_add(per[k], r, p.v[i]) != SP_OK)
                rc = SP_EXIT_SYSTEM;
        } else {
            /* A damaged or unreadable play, or one its case no longer
             * fits, is left out (its message is printed): half a play would
             * skew the figures, and one bad file must not hide the rest. */
            skipped++;
        }
        sp_replay_free(r);
        sp_transcript_free(t);
    }
    sp_term t;
    sp_term_init(&t, stdout, l);
    int any = 0;
    for (int k = 0; k < SP_REPLAY_CLI_MAX_CASES; k++)
        if (per[k]) {
            report(&t, per[k]);
            any = 1;
        }
    if (rc == SP_EXIT_OK && !any && !skipped)
        fprintf(stderr, "samenspel stats: %s %s\n", sp_translate(l, "geen gesprekken gevonden in"), n_args == 1 ? argv[argc - 1] : "...");
    if (skipped) {
        fprintf(stderr, "samenspel stats: %d %s %s\n", skipped, sp_translate(l, skipped == 1 ? SP_N_("gesprek") : SP_N_("gesprekken")),
                sp_translate(l, "overgeslagen"));
        if (rc == SP_EXIT_OK)
            rc = SP_EXIT_INVALID;
    }
    for (int k = 0; k < SP_REPLAY_CLI_MAX_CASES; k++)
        sp_stats_free(per[k]);
    for (int i = 0; i < p.n; i++)
        free(p.v[i]);
    free(p.v);
    sp_replay_cli_free(&c);
    return rc;
}
