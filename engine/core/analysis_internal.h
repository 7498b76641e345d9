/* analysis_internal.h: core-internal: the state table of the value function, shared by the analysis files. */
#ifndef SP_ANALYSIS_INTERNAL_H
#define SP_ANALYSIS_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include "analysis.h"

/*
 * A state is a node plus the values of the relevant variables (those some
 * condition reads) that are live there (some path on from the node reads
 * them before a set overwrites them), packed into W 64-bit words of bit
 * fields; a dead variable's field is 0. It lives in a
 * slot: in the dense layout (at most one word of few bits, few nodes) the
 * slot is node << bits | key, an array index with no hashing; otherwise a
 * slot is an entry of growing arrays found through an open-addressing hash
 * table.
 */

typedef struct {
    int slot, node, j, pending;   /* j: the option (or goto) being followed */
    int bestj, bestv, bestt;      /* best so far: option, delta + V(after), delta */
    int n_offered;
    int emark;                    /* tracking: the edge stack's size when pushed */
} sp_vframe;

/* A decision that offers nothing in some reachable state: the first such
 * state found per node, the path that leads there and its variables. */
typedef struct {
    int node;
    int *vars;                 /* every variable, as in force there */
    int *path_nodes, *path_opts; int n_path; /* decisions and options taken */
} sp_vdead;

struct sp_value {
    const sp_scenario *sc;
    sp_diag *diag;
    int nv;                    /* all variables */
    int nrel, *rel, *rmin, *rword, *rshift; /* relevant variables and their fields */
    uint64_t *rmask;
    unsigned char *live;       /* n_nodes x nrel: the variable can still be read after the node */
    int W;                     /* key words */
    int dense, bits;           /* dense layout: slot = node << bits | key[0] */
    size_t cap;                /* slots allocated */
    unsigned char *mark;       /* 0 unseen, 1 being searched, 2 done */
    int *val, *best;           /* V, and the stronger option (-1: none / not a decision) */
    int *snode;                /* hash layout: node of the slot */
    uint64_t *keys;            /* hash layout: W words per slot */
    int *table; size_t tcap;   /* hash layout: slot indices, -1 empty */
    int n_states;
    int *order; int n_order; size_t ocap;   /* slots in the order they were finished (children first) */
    sp_vframe *st; int *svars; int scap;  /* the search stack */
    uint64_t *tmpkey;
    unsigned char *offered;    /* per option (opt_base), offered in some state */
    int *otot;                 /* per option (opt_base): its own total */
    int *opt_base;
    sp_vdead *dead; int n_dead;
    unsigned char *dead_seen;  /* per node */
    sp_status failed;
    /* Mode for `check` (sp_value_new_mode): texts = the conditions of lines
     * and paragraphs are part of a state too (so reading lengths are exact);
     * track = the edges are kept: for the state order[k], edges[eoff[k] ..
     * eoff[k+1]) holds pairs (option index, 0 after a goto; child slot). */
    int texts, track;
    int *estack; int en, ecap;
    int *edges; size_t edn, edcap;
    size_t *eoff;
};

/* sp_analysis_run_from, with the memo of sp_value_new_mode. */
sp_status sp_analysis_run_mode(const sp_scenario *sc, const int *start_vars, sp_diag *d, int texts,
                               sp_analysis **out);

/* A memo whose states include what the texts read and that keeps its edges. */
sp_status sp_value_new_mode(const sp_scenario *sc, sp_diag *d, int texts, sp_value **out);

/* Picks the relevant variables, their fields and the dense or hashed
 * layout, and works out liveness (analysis_layout.c). 0 on out-of-memory. */
int sp_value_layout(sp_value *v);

/* The node of a slot, and the variables it stands for (irrelevant ones at
 * their init values). */
static inline int sp_value_slot_node(const sp_value *v, int slot)
{
    return v->dense ? (int)((size_t)slot >> v->bits) : v->snode[slot];
}
void sp_value_slot_vars(const sp_value *v, int slot, int *vars);
/* The slot of (node, vars), -1 when the search never met it. */
int sp_value_find(const sp_value *v, int node, const int *vars);
/* The state reached by option j (or the goto when node is a goto node, j
 * ignored): vars changed in place to those in force at the target, which is
 * returned. */
int sp_value_step(const sp_value *v, int node, int j, int *vars);

/* The state graph for the checks (analysis_check.c, analysis_words.c),
 * read straight from the search: the states are order[i], i < K, in
 * finishing order (children before parents, the start state last); every
 * per-state figure is kept by slot (in the dense layout slots are grouped
 * by node, so the children of a state lie close together). The edges of
 * order[i] are the pairs ed[x], ed[x + 1] for x = eo[i], eo[i] + 2, .. <
 * eo[i + 1]: the option (0 after a goto) and the child slot. */
typedef struct {
    const sp_scenario *sc;
    const sp_value *v;
    sp_analysis *a;
    int K;                     /* states */
    size_t S;                  /* slots */
    int *vars;                 /* scratch: every variable */
    /* SP_CK_SCRATCH ints per slot, shared by the forward pass (ending
     * ranges) and the backward one (reading lengths), which run one after
     * the other: their pages are written, and faulted in, once. */
    int *scratch;
    const int *order, *val, *best, *ed, *otot, *opt_base;
    const size_t *eo;
} sp_ckgraph;

#define SP_CK_SCRATCH 9

static inline int sp_ck_node(const sp_ckgraph *g, int slot) { return sp_value_slot_node(g->v, slot); }

/* The own total of option j of node (0 when node is a goto). */
static inline int sp_ck_total(const sp_ckgraph *g, int node, int j)
{
    return g->sc->nodes[node].kind == SP_NODE_GOTO ? 0 : g->otot[g->opt_base[node] + j];
}

/* Words in s: runs of bytes above ' ' (the only bytes at or below it that
 * XML text can hold are space, tab, newline and carriage return). */
int sp_check_count_words(const char *s);

/* Fills c's reading lengths, detours and answer tells (analysis_words.c);
 * 0 on out-of-memory. */
int sp_check_words(const sp_ckgraph *g, sp_check *c);

#endif
