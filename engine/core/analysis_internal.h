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
    /* `check` only (sp_ckwords, analysis_words.c): the words read in the
     * state before choosing, the shortest and longest reading on from
     * there so far and the option each takes, the answer with the highest
     * own total so far (for detours). */
    sp_words shown, lo, hi;
    int bmin, bmax, answer, at, av;
} sp_vframe;

/* The reading lengths and detours of `check`, worked out by the search as
 * it finishes each state (analysis_words.c). */
typedef struct sp_ckwords sp_ckwords;

/* A decision that offers nothing in some reachable state: the first such
 * state found per node, the path that leads there and its variables. */
typedef struct {
    int node;
    int *vars;                 /* every variable, as in force there */
    int *path_nodes, *path_opts; int n_path; /* decisions and options taken */
} sp_vdead;

/* What the search reads of a node and an option, packed together (the
 * model's structs are large and spread over its arena): effects are copies
 * in the memo's own pool, eff[e0 .. e0 + ne). */
typedef struct {
    int kind, nopt, base;      /* base: the node's first option in opts[] */
    int e0, ne;
} sp_vnode;

typedef struct {
    const sp_cond *cond;
    int target, total;
    int e0, ne;
} sp_vopt;

struct sp_value {
    const sp_scenario *sc;
    sp_vnode *nodes;
    sp_vopt *opts;
    sp_effect *eff;
    sp_diag *diag;
    int nv;                    /* all variables */
    int nrel, *rel, *rmin, *rword, *rshift; /* relevant variables and their fields */
    uint64_t *rmask;
    unsigned char *live;       /* n_nodes x nrel: the variable can still be read after the node */
    int W;                     /* key words */
    int dense, bits;           /* dense layout: slot = node << bits | key[0] */
    size_t cap;                /* slots allocated */
    unsigned char *mark;       /* 0 unseen, 1 being searched, 2 done */
    int *val;                  /* V (the stronger option is worked out when asked: sp_value_best) */
    int *bvars;                /* scratch for sp_value_best: every variable */
    int *snode;                /* hash layout: node of the slot */
    uint64_t *keys;            /* hash layout: W words per slot */
    int *table; size_t tcap;   /* hash layout: slot indices, -1 empty */
    int n_states;
    int n_order;               /* states finished */
    int *order; size_t ocap;   /* tracking: the slots in the order they were finished (children first) */
    unsigned char *met;        /* per node: some state of it was searched */
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
     * eoff[k+1]) holds its edges (option index, 0 after a goto; child
     * slot), read with sp_value_edge_option/_child. */
    int texts, track;
    int eshift;                /* > 0: an edge is one word, option << eshift | child */
    uint32_t emask;
    uint32_t *estack; int en, ecap;
    uint32_t *edges; size_t edn, edcap;
    uint32_t *eoff;
    sp_ckwords *words;         /* `check`: NULL otherwise */
};

/* sp_analysis_run_from with a memo made by the caller (sp_value_new_mode),
 * which the analysis takes over (freed with it, also on failure). */
sp_status sp_analysis_run_value(const sp_scenario *sc, const int *start_vars, sp_value *v, sp_analysis **out);

/* A memo whose states include what the texts read (texts), and that keeps
 * its edges and finishing order (track). */
sp_status sp_value_new_mode(const sp_scenario *sc, sp_diag *d, int texts, int track, sp_value **out);

/* v->nodes, opts and eff from the model (opt_base and otot made first);
 * the edge packing (eshift, emask) for tracking. 0 on out-of-memory. */
int sp_value_tables(sp_value *v);
void sp_value_edge_packing(sp_value *v);
/* Asks the kernel to back the whole 2 MiB pages inside [p, p + n) with huge
 * pages where it can (Linux; a hint, nothing else changes): the search's
 * big per-slot tables are touched all over, and 4 KiB pages cost a fault
 * and a TLB entry each. */
void sp_value_huge(void *p, size_t n);

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
/* Dense layout: the slot of (node, vars), met or not. */
int sp_value_slot_of(const sp_value *v, int node, const int *vars);
/* 1 when state a comes before state b: by node (file order), then by the
 * values of the variables that make up the state, in the order they are
 * declared (the first that differs decides). The tie rule of `check`. */
int sp_value_state_before(const sp_value *v, int a, int b);
/* The search's own steps, for the dense passes: the frame's option f->j
 * (of node n) leads to the finished state child (vars: the frame's); and
 * the frame is finished (V, the stronger option, marked done). */
void sp_value_take(sp_value *v, sp_vframe *f, const sp_vnode *n, int child, const int *vars);
void sp_value_close(sp_value *v, const sp_vframe *f);
/* The stronger option of a finished decision state (slot; vars: every
 * variable as in force there): the highest own total + V(after), then the
 * higher own total, then the first offered; -1 when none reaches an
 * ending or the node is not a decision. The search's choice, worked out
 * again from the children's V (kept per state, it would cost 4 bytes a
 * slot). */
int sp_value_best(const sp_value *v, int slot, const int *vars);
/* The search's choice: the frame's option f->j, own total t, gives x
 * (t + V(child)); the best so far has the higher x, then the higher t,
 * then comes first. */
static inline void sp_vframe_offer(sp_vframe *f, int t, int x)
{
    if (f->bestj < 0 || x > f->bestv || (x == f->bestv && t > f->bestt)) {
        f->bestj = f->j;
        f->bestv = x;
        f->bestt = t;
    }
}
/* The state reached by option j (or the goto when node is a goto node, j
 * ignored): vars changed in place to those in force at the target, which is
 * returned. */
int sp_value_step(const sp_value *v, int node, int j, int *vars);

/* The edge at edges[x] (x steps by sp_value_edge_size). */
static inline size_t sp_value_edge_size(const sp_value *v) { return v->eshift ? 1 : 2; }
static inline int sp_value_edge_option(const sp_value *v, size_t x)
{
    return (int)(v->eshift ? v->edges[x] >> v->eshift : v->edges[x]);
}
static inline int sp_value_edge_child(const sp_value *v, size_t x)
{
    return (int)(v->eshift ? v->edges[x] & v->emask : v->edges[x + 1]);
}

/* What `check` keeps per slot: during the search the reading spans
 * (analysis_words.c: the shortest and longest reading on from the state,
 * and the option each takes first, -1 none); after it, in the same memory
 * (its pages are faulted in once), what the forward pass finds
 * (analysis_check.c). */
typedef union {
    struct {
        sp_words min, max;     /* min.nl == INT_MIN: no ending reachable */
        int bmin, bmax;
    } w;
    struct {
        int hi, lo;            /* the highest and lowest total that reaches the state */
        int elo;               /* lo: by the edge at edges[elo] (-1: the start) */
        int pe[2];             /* per bit b of hf: by the edge pe[b] (-1: none) */
        unsigned hf;           /* bit 0: a route with no thought moment yet; bit 1: with
                                * at least one, the hindering side at every one; bit 2 + b:
                                * the bit of the parent that pe[b] came from */
    } f;
} sp_ckslot;

#define SP_CK_UNSET INT_MIN    /* f.hi: nothing reaches the state (yet) */
#define SP_CK_LO_UNSET INT_MAX

static inline void sp_ck_forward_init(sp_ckslot *s)
{
    s->f.hi = SP_CK_UNSET;
    s->f.lo = SP_CK_LO_UNSET;
    s->f.hf = 0;
    s->f.elo = s->f.pe[0] = s->f.pe[1] = -1;
}

/* The start state: reached with 0, by a route with no thought moment yet. */
static inline void sp_ck_forward_root(sp_ckslot *s)
{
    sp_ck_forward_init(s);
    s->f.hi = s->f.lo = 0;
    s->f.hf = 1;
}

/* The child c's hindering route of bit nb goes by link (an edge or a move)
 * from the parent's route of bit b. */
static inline void sp_ck_link_hind(sp_ckslot *c, int nb, int b, int link)
{
    c->f.hf = (c->f.hf & ~(1u << (2 + nb))) | 1u << nb | (unsigned)b << (2 + nb);
    c->f.pe[nb] = link;
}

/* `check`'s passes over the dense layout, node by node (analysis_dense.c). */
typedef struct sp_dense sp_dense;

/* The state graph for the forward pass (analysis_check.c), read straight
 * from the search: the states are order[i], i < K, in finishing order
 * (children before parents, the start state last). The edges of order[i]
 * are at edges[x] for x = eo[i], eo[i] + sp_value_edge_size .. < eo[i + 1].
 * After the dense passes (dense not NULL): K states, their slots marked in
 * v->mark; order and eo unused, the moves are the dense passes'. */
typedef struct {
    const sp_dense *dense;
    int root;                  /* the start state's slot */
    const sp_scenario *sc;
    const sp_value *v;
    int K;                     /* states */
    sp_ckslot *slot;           /* per slot */
    const int *order, *otot, *opt_base;
    const uint32_t *eo;
} sp_ckgraph;

static inline int sp_ck_node(const sp_ckgraph *g, int slot) { return sp_value_slot_node(g->v, slot); }

/* The start state's variables: the start values after the start node's
 * set/add (analysis_check.c). */
void sp_check_root_vars(const sp_scenario *sc, int *vars);

/* Words in s: runs of bytes above ' ' (the only bytes at or below it that
 * XML text can hold are space, tab, newline and carriage return). */
int sp_check_count_words(const char *s);

/* The search's hooks (analysis_value.c calls them in `check` mode, with the
 * frame's variables): a state entered, an option offered there, an edge
 * whose child is finished (f->j the option; only when V(child) is not
 * none), the state finished (i: its place in the finishing order). */
void sp_ckw_enter(sp_ckwords *w, sp_vframe *f, const int *vars);
void sp_ckw_option(sp_ckwords *w, sp_vframe *f, const int *vars);
void sp_ckw_edge(sp_ckwords *w, sp_vframe *f, int child, const int *vars);
void sp_ckw_finish(sp_ckwords *w, const sp_vframe *f);
/* The dense passes' step for one state (slot, of node) whose children are
 * done: V, the stronger option, the hooks. child[j]: the child of the
 * node's option (or goto) j, -1 when not offered. vars: scratch. */
void sp_ckw_dense_state(sp_ckwords *w, sp_value *v, int slot, int node, const int *child, int *vars);

/* Before the search: the fixed counts and the per-slot tables for v. NULL
 * on out-of-memory. */
sp_ckwords *sp_ckw_new(const sp_value *v);
/* After it: the reading lengths, short and long plays, detours and answer
 * tells into c; frees w but hands over its per-slot memory (at least one
 * sp_ckslot per slot of v) in *slots. 0 on out-of-memory (*slots NULL). */
int sp_ckw_done(sp_ckwords *w, const sp_value *v, int root, sp_check *c, sp_ckslot **slots);
/* Its per-slot table (room for every slot of the dense layout). */
sp_ckslot *sp_ckw_slots(sp_ckwords *w);
/* Frees w without using it (NULL is fine). */
void sp_ckw_drop(sp_ckwords *w);

/* The dense passes (analysis_dense.c). sp_dense_reach: the states the
 * start state (root_vars: the start values after the start node's
 * set/add) reaches, node by node, parents first, with their forward
 * figures in slot (the f part; hind: per option, 1 when a hindering route
 * may go on along it). 1 done (*out set), 0 when the case does not allow
 * it (not the dense layout, a cycle, a decision that can offer nothing,
 * past the limits: v is spoiled then, start over with the search), -1 on
 * out-of-memory. sp_dense_values, after the forward figures have been
 * read: children first, V, the stronger option and (through w's hooks,
 * whose per-slot table is the same memory) reading lengths and detours,
 * left in v as the search leaves them. 0 on out-of-memory. */
int sp_dense_reach(sp_value *v, sp_ckslot *slot, const unsigned char *hind, const int *root_vars, sp_dense **out);
int sp_dense_values(sp_dense *dn, sp_ckwords *w);
void sp_dense_free(sp_dense *dn);
/* How many states it reached, and the start state's slot. */
void sp_dense_states(const sp_dense *dn, int *n, int *root);
/* A move link of the forward figures: the parent's slot, its node and the
 * option taken. */
int sp_dense_move(const sp_dense *dn, int e, int *node, int *option);

/* `check`'s two ways to its results, which give the same ones (rules in
 * docs/scenario-format.md): DENSE, passes node by node over the dense
 * layout (SP_EUSAGE when the case does not allow them: not the dense
 * layout, a decision that can offer nothing, past the limits); SEARCH, the
 * depth-first search with its edges kept, for every case. AUTO: DENSE
 * where it can, else SEARCH (what sp_check_run does). */
typedef enum { SP_CHECK_AUTO, SP_CHECK_DENSE, SP_CHECK_SEARCH } sp_check_path;
sp_status sp_check_run_path(const sp_scenario *sc, sp_diag *d, sp_check_path path, sp_check **out);

#endif
