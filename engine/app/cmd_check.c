/* cmd_check.c: `samenspel check`: loads the handbook and cases, prints every problem, a summary and a coverage matrix. */
#include "commands.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "app/paths.h"
#include "core/analysis.h"
#include "core/cond.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "term/term.h"

/* ==== decisions that can offer nothing ==================================== */

/*
 * The loader cannot prove that a decision always offers an option: that
 * depends on the variables on the way there. Only a decision whose every
 * option has a condition is at risk, so the search follows just the part of
 * the graph that leads to such a decision (usually none: then there is
 * nothing to search). There every distinct state (node, variable values)
 * reachable from the start values is visited once, following the session's
 * rules: a node's set/add on entering it, the first goto whose condition
 * holds, the effects of an option before its target. A cap on the states
 * keeps a hostile file from taking the machine.
 */

#define STATE_CAP 4000000

typedef struct explore {
    const sp_scenario *sc;
    int nv;
    /* The set of states seen, as 64-bit hashes of (node, values) in an
     * open-addressing table (0 is a free slot). Keeping hashes rather than
     * whole states makes millions of states cost megabytes; two states
     * sharing a hash (odds about n^2 / 2^65) would hide one of them. */
    uint64_t *seen;
    size_t cap, n;
    unsigned char *empty; /* per node: offers nothing on some path */
    unsigned char *leads; /* per node: 0 unknown, 2 leads to a risk, 3 does not */
    int capped;
} explore;

static int at_risk(const sp_node *n)
{
    if (n->kind != SP_NODE_DECISION && n->kind != SP_NODE_THOUGHT)
        return 0;
    for (int i = 0; i < n->n_options; i++)
        if (!n->options[i].cond)
            return 0;
    return 1;
}

/* 1 when node is at risk or some path (conditions ignored) leads from it
 * to a node at risk. Memoised; the graph is acyclic. */
static int leads_to_risk(explore *e, int node)
{
    if (e->leads[node] >= 2)
        return e->leads[node] == 2;
    const sp_node *n = &e->sc->nodes[node];
    int yes = at_risk(n);
    for (int i = 0; !yes && i < n->n_gotos; i++)
        yes = leads_to_risk(e, n->gotos[i].target);
    for (int i = 0; !yes && i < n->n_options; i++)
        yes = leads_to_risk(e, n->options[i].target);
    e->leads[node] = yes ? 2 : 3;
    return yes;
}

static uint64_t state_hash(int node, const int *vars, int nv)
{
    uint64_t h = 1469598103934665603u;
    h = (h ^ (uint64_t)(unsigned)node) * 1099511628211u;
    for (int i = 0; i < nv; i++)
        h = (h ^ (uint64_t)(unsigned)vars[i]) * 1099511628211u;
    h ^= h >> 29; /* FNV's low bits mix poorly; the table index uses them */
    return h ? h : 1;
}

static uint64_t *slot_for(uint64_t *table, size_t cap, uint64_t h)
{
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1))
        if (table[i] == 0 || table[i] == h)
            return &table[i];
}

/* Doubles the table, keeping it at most half full. 0 on OOM. */
static int grow(explore *e)
{
    size_t cap = e->cap ? e->cap * 2 : 1024;
    uint64_t *t = calloc(cap, sizeof *t);
    if (!t)
        return 0;
    for (size_t i = 0; i < e->cap; i++)
        if (e->seen[i])
            *slot_for(t, cap, e->seen[i]) = e->seen[i];
    free(e->seen);
    e->seen = t;
    e->cap = cap;
    return 1;
}

/* 1 when the state is new (and now recorded), 0 when seen, -1 when the cap
 * is reached or memory runs out. */
static int remember(explore *e, int node, const int *vars)
{
    if (e->n >= STATE_CAP || ((e->n + 1) * 2 > e->cap && !grow(e)))
        return -1;
    uint64_t h = state_hash(node, vars, e->nv);
    uint64_t *slot = slot_for(e->seen, e->cap, h);
    if (*slot)
        return 0;
    *slot = h;
    e->n++;
    return 1;
}

static void apply(const sp_scenario *sc, int *vars, const sp_effect *fx, int n)
{
    for (int i = 0; i < n; i++) {
        const sp_var *v = &sc->vars[fx[i].var];
        long x = fx[i].op == SP_EFFECT_SET ? fx[i].value : (long)vars[fx[i].var] + fx[i].value;
        vars[fx[i].var] = (int)(x < v->min ? v->min : x > v->max ? v->max : x);
    }
}

/* Enters node with vars (owned by the caller, changed here). Depth is
 * bounded by the node count because the graph is acyclic. */
static void visit(explore *e, int node, int *vars)
{
    const sp_scenario *sc = e->sc;
    for (;;) {
        const sp_node *n = &sc->nodes[node];
        apply(sc, vars, n->effects, n->n_effects);
        int r = remember(e, node, vars);
        if (r <= 0) {
            e->capped |= r < 0;
            return;
        }
        if (n->kind == SP_NODE_ENDING)
            return;
        if (n->kind == SP_NODE_GOTO) {
            int next = n->gotos[n->n_gotos - 1].target;
            for (int i = 0; i < n->n_gotos; i++)
                if (sp_cond_eval(n->gotos[i].cond, vars)) {
                    next = n->gotos[i].target;
                    break;
                }
            if (!leads_to_risk(e, next))
                return;
            node = next;
            continue;
        }
        int offered = 0;
        int *copy = malloc(sizeof(int) * (size_t)(e->nv ? e->nv : 1));
        if (!copy) {
            e->capped = 1;
            return;
        }
        for (int i = 0; i < n->n_options; i++) {
            const sp_option *o = &n->options[i];
            if (!sp_cond_eval(o->cond, vars))
                continue;
            offered++;
            if (!leads_to_risk(e, o->target))
                continue;
            memcpy(copy, vars, sizeof(int) * (size_t)e->nv);
            apply(sc, copy, o->effects, o->n_effects);
            visit(e, o->target, copy);
        }
        free(copy);
        if (!offered)
            e->empty[node] = 1;
        return;
    }
}

/* Adds "path:line: decision 'x' offers no option at all on some path" for
 * each such node. Returns the number found. */
static int empty_offers(const sp_scenario *sc, sp_lang l)
{
    explore e = { sc, sc->n_vars, NULL, 0, 0, NULL, NULL, 0 };
    e.empty = calloc((size_t)sc->n_nodes, 1);
    e.leads = calloc((size_t)sc->n_nodes, 1);
    int *vars = malloc(sizeof(int) * (size_t)(e.nv ? e.nv : 1));
    int found = 0;
    if (!e.empty || !e.leads || !vars) {
        fprintf(stderr, "%s: out of memory checking the decisions\n", sc->path);
        found = 1;
        goto out;
    }
    if (!leads_to_risk(&e, sc->start))
        goto out;
    if (!grow(&e)) {
        fprintf(stderr, "%s: out of memory checking the decisions\n", sc->path);
        found = 1;
        goto out;
    }
    for (int i = 0; i < e.nv; i++)
        vars[i] = sc->vars[i].init;
    visit(&e, sc->start, vars);
    for (int i = 0; i < sc->n_nodes; i++) {
        if (!e.empty[i])
            continue;
        printf("%s:%d: '%s' %s\n", sc->path, sc->nodes[i].line, sc->nodes[i].id,
               sp_term_msg(l, SP_MSG_EMPTY_OFFER));
        found++;
    }
    if (e.capped)
        printf("%s: more than %d states; not every path was followed\n", sc->path, STATE_CAP);
out:
    free(vars);
    free(e.seen);
    free(e.empty);
    free(e.leads);
    return found;
}

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
    printf("  %s %d, %s %d, %s %d\n", sp_term_msg(l, SP_MSG_NODES), sc->n_nodes,
           sp_term_msg(l, SP_MSG_DECISIONS), a->n_decisions, sp_term_msg(l, SP_MSG_ENDINGS),
           a->n_endings);
    printf("  %s:", sp_term_msg(l, SP_MSG_INTERVENTIONS));
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
    id_list(sp_term_msg(l, SP_MSG_REDFLAGS), count(a->flags, hb->n_redflags), hb->n_redflags,
            a->flags, hb->n_redflags, flag_id, hb);
    id_list(sp_term_msg(l, SP_MSG_THOUGHT_PAIRS), count(a->thoughts, hb->n_thoughts), hb->n_thoughts,
            a->thoughts, hb->n_thoughts, thought_id, hb);
    printf("  %s: max %d\n", sp_term_msg(l, SP_MSG_TOTAL_RANGE), a->max_total);
}

typedef struct checked {
    sp_scenario *sc;
    sp_analysis *a;
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
            int on = mark_of(c[k].a)[i] != 0;
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
    printf("\n%s\n  %-*s", sp_term_msg(l, SP_MSG_COVERAGE), (int)w, "");
    for (int k = 0; k < nc; k++)
        printf("  %s", c[k].sc->id);
    printf("\n");
    int iv = matrix_block(c, nc, hb->n_interventions, w, intervention_id, hb, iv_marks);
    int fl = matrix_block(c, nc, hb->n_redflags, w, flag_id, hb, flag_marks);
    int th = matrix_block(c, nc, hb->n_thoughts, w, thought_id, hb, thought_marks);
    printf("\n%s %d/%d\n%s %d/%d\n%s %d/%d\n", sp_term_msg(l, SP_MSG_INTERVENTIONS), iv,
           hb->n_interventions, sp_term_msg(l, SP_MSG_REDFLAGS), fl, hb->n_redflags,
           sp_term_msg(l, SP_MSG_THOUGHT_PAIRS), th, hb->n_thoughts);
}

/* ==== the command ========================================================= */

static int is_handbook(const char *path)
{
    const char *base = strrchr(path, '/');
    return strcmp(base ? base + 1 : path, "handbook.xml") == 0;
}

int sp_cmd_check(int argc, char **argv)
{
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
        fprintf(stderr, "samenspel check: the handbook did not load; no case can be checked\n");
        rc = SP_EXIT_INVALID;
        goto out;
    }
    if (hb_path)
        printf("%s: %s %d, %s %d, %s %d\n", hb_path, sp_term_msg(l, SP_MSG_INTERVENTIONS),
               hb->n_interventions, sp_term_msg(l, SP_MSG_REDFLAGS), hb->n_redflags,
               sp_term_msg(l, SP_MSG_THOUGHT_PAIRS), hb->n_thoughts);

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
            fprintf(stderr, "%s: %s\n", argv[i], sp_status_name(st));
            rc = st == SP_EINVAL || rc == SP_EXIT_INVALID ? SP_EXIT_INVALID : sp_cli_exit(st);
            continue;
        }
        sp_analysis *a = NULL;
        st = sp_analysis_run_from(sc, NULL, d, &a);
        sp_cli_print_diag(d);
        sp_diag_clear(d);
        if (st != SP_OK) {
            if (st == SP_ENOMEM)
                fprintf(stderr, "%s: out of memory in the analysis\n", sc->path);
            sp_scenario_free(sc);
            rc = st == SP_EINVAL ? SP_EXIT_INVALID : SP_EXIT_SYSTEM;
            continue;
        }
        summary(sc, a, l);
        if (empty_offers(sc, l))
            rc = SP_EXIT_INVALID;
        c[nc].sc = sc;
        c[nc].a = a;
        nc++;
    }
    if (nc > 1)
        matrix(c, nc, hb, l);
out:
    for (int i = 0; i < argc; i++) {
        sp_analysis_free(c[i].a);
        sp_scenario_free(c[i].sc);
    }
    free(c);
    sp_handbook_free(hb);
    sp_diag_free(d);
    return rc;
}
