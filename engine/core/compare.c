/* compare.c: aligns two plays of one case decision by decision, with the figures of each from its debrief. */
#include "compare.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Pairs the unmatched stretches ua[0..nua) and ub[0..nub) into rows. */
static int flush(const int *ua, int nua, const int *ub, int nub, sp_align_row *rows, int n)
{
    int k = 0;
    for (; k < nua && k < nub; k++)
        rows[n++] = (sp_align_row){ ua[k], ub[k], SP_ALIGN_APART };
    for (int i = k; i < nua; i++)
        rows[n++] = (sp_align_row){ ua[i], -1, SP_ALIGN_ONLY_A };
    for (int j = k; j < nub; j++)
        rows[n++] = (sp_align_row){ -1, ub[j], SP_ALIGN_ONLY_B };
    return n;
}

int sp_compare_align(const int *a, const int *a_opt, int na, const int *b, const int *b_opt, int nb,
                     sp_align_row *rows)
{
    /* lcs[i * (nb + 1) + j]: length of a longest common subsequence of the
     * suffixes a[i..] and b[j..]. Plays are short: the table stays small. */
    size_t w = (size_t)nb + 1;
    int *lcs = sp_calloc(((size_t)na + 1) * w, sizeof(int));
    int *ua = sp_malloc(sizeof(int) * (size_t)(na + 1));
    int *ub = sp_malloc(sizeof(int) * (size_t)(nb + 1));
    if (!lcs || !ua || !ub) {
        sp_free(lcs);
        sp_free(ua);
        sp_free(ub);
        return -1;
    }
    for (int i = na - 1; i >= 0; i--)
        for (int j = nb - 1; j >= 0; j--)
            lcs[i * w + j] = a[i] == b[j] ? lcs[(i + 1) * w + j + 1] + 1
                           : lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] ? lcs[(i + 1) * w + j]
                                                                        : lcs[i * w + j + 1];
    int n = 0, nua = 0, nub = 0, i = 0, j = 0;
    while (i < na || j < nb) {
        if (i < na && j < nb && a[i] == b[j]) {
            n = flush(ua, nua, ub, nub, rows, n);
            nua = nub = 0;
            int same = !a_opt || !b_opt || a_opt[i] == b_opt[j];
            rows[n++] = (sp_align_row){ i, j, same ? SP_ALIGN_SAME : SP_ALIGN_OTHER };
            i++;
            j++;
        } else if (j >= nb || (i < na && lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])) {
            ua[nua++] = i++;
        } else {
            ub[nub++] = j++;
        }
    }
    n = flush(ua, nua, ub, nub, rows, n);
    sp_free(lcs);
    sp_free(ua);
    sp_free(ub);
    return n;
}

void sp_compare_free(sp_compare *c)
{
    if (!c)
        return;
    sp_free(c->rows);
    sp_free(c->goal_a);
    sp_free(c->goal_b);
    sp_debrief_free(c->da);
    sp_debrief_free(c->db);
    sp_free(c);
}

/* The node and option sequences of a replay's steps (the last step too:
 * two plays that end alike share their ending). */
static int sequences(const sp_replay *r, int **nodes, int **opts)
{
    *nodes = sp_malloc(sizeof(int) * (size_t)r->n_steps);
    *opts = sp_malloc(sizeof(int) * (size_t)r->n_steps);
    if (!*nodes || !*opts)
        return 0;
    for (int i = 0; i < r->n_steps; i++) {
        (*nodes)[i] = r->steps[i].node;
        (*opts)[i] = r->steps[i].chosen;
    }
    return 1;
}

sp_status sp_compare_build(const sp_replay *a, const sp_replay *b, sp_compare **out)
{
    *out = NULL;
    if (strcmp(a->sc->id, b->sc->id) != 0 || a->sc->n_nodes != b->sc->n_nodes)
        return SP_EINVAL;
    sp_compare *c = sp_calloc(1, sizeof *c);
    int *an = NULL, *ao = NULL, *bn = NULL, *bo = NULL;
    int G = a->sc->handbook->n_goals;
    sp_status rc = SP_ENOMEM;
    if (c && sequences(a, &an, &ao) && sequences(b, &bn, &bo) &&
        (c->rows = sp_malloc(sizeof *c->rows * (size_t)(a->n_steps + b->n_steps))) &&
        (c->goal_a = sp_calloc((size_t)(G ? G : 1), sizeof(int))) &&
        (c->goal_b = sp_calloc((size_t)(G ? G : 1), sizeof(int))) &&
        (c->da = sp_debrief_build(a->s)) && (c->db = sp_debrief_build(b->s))) {
        c->n_rows = sp_compare_align(an, ao, a->n_steps, bn, bo, b->n_steps, c->rows);
        if (c->n_rows >= 0)
            rc = SP_OK;
    }
    sp_free(an);
    sp_free(ao);
    sp_free(bn);
    sp_free(bo);
    if (rc != SP_OK) {
        sp_compare_free(c);
        return rc;
    }
    c->a = a;
    c->b = b;
    /* Where the roads part: the choice that led to the first rows at
     * different nodes (or those rows themselves when no differing choice
     * comes before them, e.g. other start values); without such rows, the
     * first differing choice. */
    c->first_split = c->rejoin = -1;
    int apart = -1, other = -1;
    for (int i = 0; i < c->n_rows && apart < 0; i++) {
        sp_align_kind k = c->rows[i].kind;
        if (k == SP_ALIGN_OTHER)
            other = i;
        else if (k != SP_ALIGN_SAME)
            apart = i;
    }
    if (apart >= 0) {
        c->first_split = other >= 0 ? other : apart;
        for (int i = apart + 1; i < c->n_rows && c->rejoin < 0; i++)
            if (c->rows[i].kind == SP_ALIGN_SAME || c->rows[i].kind == SP_ALIGN_OTHER)
                c->rejoin = i;
    } else {
        for (int i = 0; i < c->n_rows && c->first_split < 0; i++)
            if (c->rows[i].kind == SP_ALIGN_OTHER)
                c->first_split = i;
    }
    c->n_goals = G;
    for (int g = 0; g < G && g < c->da->n_goals && g < c->db->n_goals; g++) {
        c->goal_a[g] = c->da->goals[g].score;
        c->goal_b[g] = c->db->goals[g].score;
    }
    *out = c;
    return SP_OK;
}
