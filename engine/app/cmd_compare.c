/* cmd_compare.c: `samenspel compare`: two plays of one case (or a play and the expert path) side by side, decision by decision. */
#include "commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/replay_cli.h"
#include "core/compare.h"
#include "core/export.h"
#include "core/figures.h"
#include "core/translate.h"
#include "term/term.h"

/* "A: p1.xml. Einde: Nog een kwartaal (zwak)" and, below it, the figures:
 * "jouw score -2 + laten liggen 12 + nog haalbaar 0 = maximum van de casus 10". */
static void side_line(sp_term *t, const char *name, const char *what, const sp_replay *r, const sp_debrief *d)
{
    sp_lang l = t->lang;
    char label[8], text[2048];
    const sp_replay_step *last = &r->steps[r->n_decisions];
    const sp_node *nd = &r->sc->nodes[last->node];
    snprintf(label, sizeof label, "%s: ", name);
    if (r->finished)
        snprintf(text, sizeof text, "%s. %s: %s (%s)", what, sp_translate_ctx(l, "report", "Einde"),
                 sp_text_get(&nd->ending_title, l), sp_export_kind(l, nd->ending_kind));
    else
        snprintf(text, sizeof text, "%s", what);
    sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, text);
    if (d->exact)
        sp_figure_sum(l, text, sizeof text, d->total, d->left, d->still, d->total_max);
    else
        snprintf(text, sizeof text, "%s %d. %s", sp_figure_name(l, SP_FIG_SCORE), d->total, sp_translate(l, "Geen exact maximum: de casus heeft meer toestanden dan samenspel doorrekent (samenspel check noemt de grens)."));
    sp_term_line(t, 5, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, text);
}

/* One side of a row: what was chosen (its score and the points it left),
 * or how the play ended. */
static void side_step(sp_term *t, const char *name, const sp_replay *r, const sp_debrief *d, int i)
{
    sp_lang l = t->lang;
    char label[8], text[2048];
    const sp_replay_step *s = &r->steps[i];
    const sp_node *nd = &r->sc->nodes[s->node];
    snprintf(label, sizeof label, "%s: ", name);
    if (i == r->n_decisions) {
        if (r->finished)
            snprintf(text, sizeof text, "%s: %s (%s)", sp_translate_ctx(l, "report", "Einde"), sp_text_get(&nd->ending_title, l),
                     sp_export_kind(l, nd->ending_kind));
        else
            snprintf(text, sizeof text, "%s %d: %s", sp_translate(l, "Beurt"), s->turn, *s->prompt ? s->prompt : nd->id);
        sp_term_line(t, 6, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, text);
        return;
    }
    const sp_debrief_decision *m = d->exact && i < d->n_decisions ? &d->decisions[i] : NULL;
    int n = snprintf(text, sizeof text, "%s %d: %s [%+d", sp_translate(l, "Beurt"), s->turn,
                     sp_text_get(&nd->options[s->chosen].text, l), s->total);
    if (n < 0 || (size_t)n >= sizeof text)
        n = (int)sizeof text - 1;
    if (m)
        snprintf(text + n, sizeof text - (size_t)n, "; %s %d]", sp_figure_name(l, SP_FIG_LEFT), m->left);
    else
        snprintf(text + n, sizeof text - (size_t)n, "]");
    sp_term_line(t, 6, SP_STYLE_BOLD, label, !m ? SP_STYLE_PLAIN : m->left ? SP_STYLE_BAD : SP_STYLE_GOOD, text);
}

/* The goal rows of A and B and their total row (the sums of the rows),
 * then what each figure means. */
static void compare_goals(sp_term *t, const sp_compare *c)
{
    sp_lang l = t->lang;
    const sp_handbook *hb = c->a->sc->handbook;
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Leerdoelen"));
    size_t w = sp_term_columns(sp_translate(l, "Totaal"));
    for (int g = 0; g < c->n_goals; g++)
        if (sp_term_columns(sp_text_get(&hb->goals[g].label, l)) > w)
            w = sp_term_columns(sp_text_get(&hb->goals[g].label, l));
    fprintf(t->out, "  %*s %5s %5s   (%s)\n", (int)w, "", "A", "B", sp_figure_name(l, SP_FIG_SCORE));
    for (int g = 0; g < c->n_goals; g++) {
        const char *label = sp_text_get(&hb->goals[g].label, l);
        fprintf(t->out, "  %s%*s %5d %5d\n", label, (int)(w - sp_term_columns(label)), "", c->goal_a[g], c->goal_b[g]);
    }
    const char *tot = sp_translate(l, "Totaal");
    fprintf(t->out, "  %s%*s %5d %5d\n", tot, (int)(w - sp_term_columns(tot)), "", c->da->total, c->db->total);
    fputc('\n', t->out);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_figure_legend_title(l));
    static const sp_figure shown[] = { SP_FIG_SCORE, SP_FIG_MAX, SP_FIG_EXPERT, SP_FIG_LEFT, SP_FIG_STILL };
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        char label[128];
        snprintf(label, sizeof label, "%s: ", sp_figure_name(l, shown[i]));
        sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_figure_legend(l, shown[i]));
    }
}

static void print_compare(sp_term *t, const sp_compare *c, const char *a_name, const char *b_name)
{
    sp_lang l = t->lang;
    const sp_replay *a = c->a, *b = c->b;
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_text_get(&a->sc->title, l));
    side_line(t, "A", a_name, a, c->da);
    side_line(t, "B", b_name, b, c->db);
    for (int i = 0; i < c->n_rows; i++) {
        const sp_align_row *row = &c->rows[i];
        if (i == c->first_split || i == c->rejoin) {
            fputc('\n', t->out);
            sp_term_printf(t, SP_STYLE_BOLD, "  --- %s ---\n", sp_translate(l, i == c->first_split ? SP_N_("Hier gaan de wegen uiteen") : SP_N_("Hier komen de wegen weer samen")));
        }
        const sp_replay *one = row->a >= 0 ? a : b;
        const sp_replay_step *s = &one->steps[row->a >= 0 ? row->a : row->b];
        const sp_node *nd = &one->sc->nodes[s->node];
        char head[1024];
        const char *kind = row->kind == SP_ALIGN_SAME ? sp_translate(l, "zelfde keuze")
                         : row->kind == SP_ALIGN_OTHER ? sp_translate(l, "andere keuze")
                         : row->kind == SP_ALIGN_APART ? sp_translate_ctx(l, "compare", "elk een ander moment") : sp_translate(l, "alleen in");
        int ending = nd->kind == SP_NODE_ENDING;
        if (row->kind == SP_ALIGN_ONLY_A || row->kind == SP_ALIGN_ONLY_B)
            snprintf(head, sizeof head, "%s (%s %s)", ending ? sp_translate_ctx(l, "report", "Einde") : *s->prompt ? s->prompt : nd->id,
                     kind, row->kind == SP_ALIGN_ONLY_A ? "A" : "B");
        else if (row->kind == SP_ALIGN_APART)
            snprintf(head, sizeof head, "%s", kind);
        else
            snprintf(head, sizeof head, "%s (%s)", ending ? sp_translate_ctx(l, "report", "Einde") : *s->prompt ? s->prompt : nd->id,
                     kind);
        fputc('\n', t->out);
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", row->kind == SP_ALIGN_SAME ? SP_STYLE_PLAIN : SP_STYLE_BOLD, head);
        if (row->a >= 0)
            side_step(t, "A", a, c->da, row->a);
        if (row->b >= 0)
            side_step(t, "B", b, c->db, row->b);
    }
    fputc('\n', t->out);
    compare_goals(t, c);
}

int sp_cmd_compare(int argc, char **argv)
{
    sp_replay_cli c;
    int rc = sp_replay_cli_init(&c);
    if (rc != SP_EXIT_OK)
        return rc;
    int text = 0;
    const char *p[2] = { NULL, NULL };
    int n = 0;
    for (int i = 1; i < argc && rc == SP_EXIT_OK; i++) {
        int k = sp_replay_cli_case_option(&c, &i, argc, argv);
        if (k < 0)
            rc = SP_EXIT_INVALID;
        else if (k > 0)
            continue;
        else if (strcmp(argv[i], "--text") == 0)
            text = 1;
        else if (argv[i][0] == '-' || n == 2)
            rc = sp_cli_usage("compare");
        else
            p[n++] = argv[i];
    }
    if (rc == SP_EXIT_OK && (n != 2 || strcmp(p[0], "expert") == 0))
        rc = sp_cli_usage("compare");
    if (rc != SP_EXIT_OK) {
        sp_replay_cli_free(&c);
        return rc;
    }
    int expert = strcmp(p[1], "expert") == 0;
    if (!text && sp_cli_display_available()) {
        sp_replay_cli_free(&c);
        sp_gui_options o = { 0 };
        o.display = -1;
        o.replay = p[0];
        o.compare = p[1];
        return sp_cli_gui_run(&o);
    }
    sp_lang l = sp_cli_opts()->lang;
    sp_transcript *ta = NULL, *tb = NULL;
    sp_replay *a = NULL, *b = NULL;
    rc = sp_replay_cli_load(&c, p[0], l, &ta, &a);
    if (a && expert) {
        sp_diag *d = sp_diag_new();
        sp_status st = d ? sp_replay_expert(a->sc, sp_session_start_vars(a->s), l, &b, d) : SP_ENOMEM;
        sp_cli_print_diag(d);
        sp_diag_free(d);
        if (st != SP_OK)
            rc = sp_cli_exit(st);
    } else if (a) {
        int brc = sp_replay_cli_load(&c, p[1], l, &tb, &b);
        if (brc != SP_EXIT_OK)
            rc = brc;
    }
    sp_compare *cmp = NULL;
    if (a && b) {
        sp_status st = sp_compare_build(a, b, &cmp);
        if (st == SP_EINVAL) {
            fprintf(stderr, "samenspel compare: %s ('%s', '%s')\n", sp_translate(l, "de twee gesprekken gaan over verschillende casussen"), a->sc->id, b->sc->id);
            rc = SP_EXIT_INVALID;
        } else if (st != SP_OK) {
            rc = SP_EXIT_SYSTEM;
        }
    }
    if (cmp) {
        sp_term t;
        sp_term_init(&t, stdout, l);
        print_compare(&t, cmp, p[0], expert ? sp_translate(l, "de expertroute (een volledig gesprek dat precies het maximum haalt)") : p[1]);
    }
    sp_compare_free(cmp);
    sp_replay_free(a);
    sp_replay_free(b);
    sp_transcript_free(ta);
    sp_transcript_free(tb);
    sp_replay_cli_free(&c);
    return rc;
}
