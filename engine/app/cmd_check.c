/* cmd_check.c: `samenspel check`: loads the handbook and cases, prints every problem, a summary with the analyses per case and a coverage matrix. */
#include "commands.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/check_report.h"
#include "core/paths.h"
#include "core/analysis.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "term/term.h"

/* ==== summary and matrix ================================================== */

static void id_list(const char *head, int have, int total, const unsigned char *mark,
                    int n, const char *(*id_of)(const sp_handbook *, int), const sp_handbook *hb)
{
    printf("  %s %d/%d", head, have, total);
    const char *sep = ": ";
    for (int i = 0; i < n; i++)
        if (mark[i]) {
            printf("%s%s", sep, id_of(hb, i));
            sep = ", ";
        }
    printf("\n");
}

static const char *intervention_id(const sp_handbook *hb, int i) { return hb->interventions[i].id; }
static const char *flag_id(const sp_handbook *hb, int i) { return hb->redflags[i].id; }
static const char *thought_id(const sp_handbook *hb, int i) { return hb->thoughts[i].id; }

static int count(const unsigned char *mark, int n)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += mark[i] != 0;
    return k;
}

static void summary(const sp_scenario *sc, const sp_analysis *a, sp_lang l)
{
    const sp_handbook *hb = sc->handbook;
    printf("%s: %s (%s, %s)\n", sc->path, sc->id, sp_phase_code(sc->phase), sc->version);
    printf("  %s %d, %s %d, %s %d\n", sp_translate(l, "knopen"), sc->n_nodes,
           sp_translate(l, "keuzemomenten"), a->n_decisions, sp_translate(l, "eindes"),
           a->n_endings);
    printf("  %s:", sp_translate(l, "interventies"));
    for (int p = 0; p < SP_PHASE_COUNT; p++) {
        int have = 0, total = 0;
        for (int i = 0; i < hb->n_interventions; i++)
            if ((int)hb->interventions[i].phase == p) {
                total++;
                have += a->interventions[i] != 0;
            }
        printf("%s %s %d/%d", p ? ";" : "", sp_phase_code((sp_phase)p), have, total);
        const char *sep = " (";
        for (int i = 0; i < hb->n_interventions; i++)
            if ((int)hb->interventions[i].phase == p && a->interventions[i]) {
                printf("%s%s", sep, hb->interventions[i].id);
                sep = ", ";
            }
        if (*sep == ',')
            printf(")");
    }
    printf("\n");
    id_list(sp_translate(l, "rode vlaggen"), count(a->flags, hb->n_redflags), hb->n_redflags,
            a->flags, hb->n_redflags, flag_id, hb);
    id_list(sp_translate(l, "gedachteparen"), count(a->thoughts, hb->n_thoughts), hb->n_thoughts,
            a->thoughts, hb->n_thoughts, thought_id, hb);
}

typedef struct checked {
    sp_scenario *sc;
    sp_check *c;
} checked;

/* One block of rows: an element per row, a case per column. Returns how
 * many elements some case practises. */
static int matrix_block(const checked *c, int nc, int n, size_t label_w,
                        const char *(*id_of)(const sp_handbook *, int), const sp_handbook *hb,
                        const unsigned char *(*mark_of)(const sp_analysis *))
{
    int covered = 0;
    for (int i = 0; i < n; i++) {
        const char *id = id_of(hb, i);
        printf("  %-*s", (int)label_w, id);
        int any = 0;
        for (int k = 0; k < nc; k++) {
            int on = mark_of(c[k].c->a)[i] != 0;
            any |= on;
            int w = (int)strlen(c[k].sc->id);
            printf("  %*s%s", (w - 1) / 2, "", on ? "✓" : "x");
            printf("%*s", w - 1 - (w - 1) / 2, "");
        }
        printf("\n");
        covered += any;
    }
    return covered;
}

static const unsigned char *iv_marks(const sp_analysis *a) { return a->interventions; }
static const unsigned char *flag_marks(const sp_analysis *a) { return a->flags; }
static const unsigned char *thought_marks(const sp_analysis *a) { return a->thoughts; }

static void matrix(const checked *c, int nc, const sp_handbook *hb, sp_lang l)
{
    size_t w = 0;
    for (int i = 0; i < hb->n_interventions; i++)
        if (strlen(hb->interventions[i].id) > w)
            w = strlen(hb->interventions[i].id);
    for (int i = 0; i < hb->n_redflags; i++)
        if (strlen(hb->redflags[i].id) > w)
            w = strlen(hb->redflags[i].id);
    for (int i = 0; i < hb->n_thoughts; i++)
        if (strlen(hb->thoughts[i].id) > w)
            w = strlen(hb->thoughts[i].id);
    printf("\n%s\n  %-*s", sp_translate(l, "Dekking"), (int)w, "");
    for (int k = 0; k < nc; k++)
        printf("  %s", c[k].sc->id);
    printf("\n");
    int iv = matrix_block(c, nc, hb->n_interventions, w, intervention_id, hb, iv_marks);
    int fl = matrix_block(c, nc, hb->n_redflags, w, flag_id, hb, flag_marks);
    int th = matrix_block(c, nc, hb->n_thoughts, w, thought_id, hb, thought_marks);
    printf("\n%s %d/%d\n%s %d/%d\n%s %d/%d\n", sp_translate(l, "interventies"), iv,
           hb->n_interventions, sp_translate(l, "rode vlaggen"), fl, hb->n_redflags,
           sp_translate(l, "gedachteparen"), th, hb->n_thoughts);
}

/* ==== the command ========================================================= */

static int is_handbook(const char *path)
{
    const char *base = strrchr(path, '/');
    return strcmp(base ? base + 1 : path, "handbook.xml") == 0;
}

int sp_cmd_check(int argc, char **argv)
{
    int strict = 0, out = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--strict") == 0)
            strict = 1;
        else
            argv[out++] = argv[i];
    }
    argc = out;
    if (argc < 2)
        return sp_cli_usage("check");
    sp_lang l = sp_cli_opts()->lang;
    sp_diag *d = sp_diag_new();
    checked *c = calloc((size_t)argc, sizeof *c);
    if (!d || !c) {
        sp_diag_free(d);
        free(c);
        return SP_EXIT_SYSTEM;
    }
    int rc = SP_EXIT_OK;
    sp_handbook *hb = NULL;

    /* A handbook.xml among the files is the handbook the cases are checked
     * against; else the installed one. */
    const char *hb_path = NULL;
    for (int i = 1; i < argc && !hb_path; i++)
        if (is_handbook(argv[i]))
            hb_path = argv[i];
    sp_status st = hb_path ? sp_handbook_load(hb_path, sp_paths_scenarios(), &hb, d)
                           : sp_paths_load_handbook(&hb, d);
    sp_cli_print_diag(d);
    sp_diag_clear(d);
    if (st != SP_OK) {
        sp_cli_error("samenspel check: het handboek kon niet worden geladen, dus er is geen casus te controleren");
        rc = SP_EXIT_INVALID;
        goto out;
    }
    if (hb_path)
        printf("%s: %s %d, %s %d, %s %d\n", hb_path, sp_translate(l, "interventies"),
               hb->n_interventions, sp_translate(l, "rode vlaggen"), hb->n_redflags,
               sp_translate(l, "gedachteparen"), hb->n_thoughts);

    int nc = 0;
    for (int i = 1; i < argc; i++) {
        if (is_handbook(argv[i])) {
            if (argv[i] != hb_path) {
                sp_handbook *other = NULL;
                if (sp_handbook_load(argv[i], sp_paths_scenarios(), &other, d) != SP_OK)
                    rc = SP_EXIT_INVALID;
                sp_handbook_free(other);
                sp_cli_print_diag(d);
                sp_diag_clear(d);
            }
            continue;
        }
        sp_scenario *sc = NULL;
        st = sp_paths_load_scenario(argv[i], hb, &sc, d);
        sp_cli_print_diag(d);
        sp_diag_clear(d);
        if (st != SP_OK) {
            fprintf(stderr, "%s: %s\n", argv[i], sp_translate(sp_cli_opts()->lang, sp_status_words(st)));
            rc = st == SP_EINVAL || rc == SP_EXIT_INVALID ? SP_EXIT_INVALID : sp_cli_exit(st);
            continue;
        }
        sp_check *ck = NULL;
        st = sp_check_run(sc, d, &ck);
        sp_cli_print_diag(d);
        sp_diag_clear(d);
        if (st != SP_OK) {
            if (st == SP_ENOMEM)
                sp_cli_error("%s: onvoldoende geheugen voor de analyse", sc->path);
            sp_scenario_free(sc);
            rc = st == SP_EINVAL ? SP_EXIT_INVALID : SP_EXIT_SYSTEM;
            continue;
        }
        summary(sc, ck->a, l);
        int errors = 0, warnings = 0;
        sp_check_report(sc, ck, l, &errors, &warnings);
        if ((errors || (strict && warnings)) && rc == SP_EXIT_OK)
            rc = SP_EXIT_INVALID;
        c[nc].sc = sc;
        c[nc].c = ck;
        nc++;
    }
    if (nc > 1)
        matrix(c, nc, hb, l);
out:
    for (int i = 0; i < argc; i++) {
        sp_check_free(c[i].c);
        sp_scenario_free(c[i].sc);
    }
    free(c);
    sp_handbook_free(hb);
    sp_diag_free(d);
    return rc;
}
