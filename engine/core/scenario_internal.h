/* scenario_internal.h: core-internal: the scenario loader's state, shared by scenario{,_read,_check}.c only. */
#ifndef SP_SCENARIO_INTERNAL_H
#define SP_SCENARIO_INTERNAL_H

/* Not a public header: nothing outside engine/core/scenario*.c includes it,
 * and it may change with the loader. The public API is scenario.h. */

#include "scenario.h"
#include "translate.h" /* SP_N_: the loader's messages are Dutch msgids */
#include "arena.h"
#include "xml.h"

/*
 * Loading runs in three steps over one sload:
 *   scenario.c        sp_scenario_load_mem: sets up, runs the next two,
 *                     hands on the messages sorted by line, frees;
 *   scenario_read.c   sp_scenario_read: one streaming pass that builds the
 *                     model and keeps forward references as fixups;
 *   scenario_check.c  sp_scenario_check_refs / _graph: resolves the fixups,
 *                     then checks reachability and cycles.
 */

/* ---- growable arrays ----------------------------------------------------------
 *
 * Scratch for lists whose length is known only at their end tag; the
 * finished list is copied into the arena. The per-node and per-option
 * vectors are reused for every node and option.
 */

typedef struct vec {
    char *p;
    int n, cap;
    size_t size;
} vec;

/* ---- id tables -----------------------------------------------------------------
 *
 * Open addressing with linear probing; keys are borrowed arena strings. The
 * table doubles when half full, so a probe always ends at an empty slot.
 * A 20,000-node file must not cost 20,000 x 20,000 string compares.
 */

typedef struct identry {
    const char *key;
    int val;
    long line;
} identry;

typedef struct idtab {
    identry *e;
    unsigned mask, used;
} idtab;

typedef struct fixup {
    int node, idx;       /* option idx of node, or goto idx */
    int is_goto;
    long line;
    const char *name;    /* the node id named by to="" (in the scratch arena) */
} fixup;

/* A feedback/@ref met before: every option naming it shares its copy and
 * its labels (a large case names the same few handbook ids thousands of
 * times). */
typedef struct refseen {
    const char *ref;
    sp_ref_kind kind;
    int index;
    sp_text label;
} refseen;

typedef struct sload {
    const char *path;
    sp_arena *a;
    sp_arena *scratch;   /* what only the load needs (the names of fixups); freed with it */
    sp_diag *sem;        /* problems of meaning, held back until the schema has spoken */
    sp_status status;    /* SP_OK or SP_ENOMEM; meaning problems are counted in sem */
    const sp_handbook *hb;
    sp_scenario *sc;
    sp_xml_stream *xs;
    xmlTextReaderPtr r;
    int stop;            /* the stream ended in an error */
    idtab nodes, vars, persons, options, endings;
    vec nodes_v, fixups;
    vec lines, flags, effects, gotos, options_v;   /* the current node's */
    vec o_app, o_scores, o_effects;               /* the current option's */
    idtab refs;          /* feedback/@ref -> index into refs_v */
    vec refs_v;
    int extra_nodes;     /* nodes past SP_MAX_NODES: counted, not loaded */
    const char *unknown_var; /* the closest name to an unknown variable in a condition */
} sload;

/* ---- helpers (scenario.c) ------------------------------------------------------ */

/* Marks the load out of memory; the caller carries on and stops later. */
void sp_scenario_oom(sload *L);

/* A problem of meaning at line (0: the whole file), held back in L->sem. */
void sp_scenario_err(sload *L, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A problem like sp_scenario_err, with "; did you mean '<best>'?" after it
 * when best is not NULL. */
void sp_scenario_err_hint(sload *L, long line, const char *best, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The key of t closest to name (sp_suggest), or NULL. */
const char *sp_scenario_id_suggest(const idtab *t, const char *name);

/* A new zeroed slot at the end of v, or NULL (out of memory, marked on L). */
void *sp_scenario_vec_push(sload *L, vec *v);
void *sp_scenario_vec_at(const vec *v, int i);
/* The finished list, copied into the arena (NULL when empty). */
void *sp_scenario_vec_keep(sload *L, const vec *v);

/* The value stored under key, or -1. */
int sp_scenario_id_get(const idtab *t, const char *key);
/* Inserts key; returns the entry already there (a duplicate) or NULL. */
const identry *sp_scenario_id_put(sload *L, idtab *t, const char *key, int val, long line);

/* ---- the passes -------------------------------------------------------------------- */

/* Reads the whole stream, building L->sc (scenario_read.c). */
void sp_scenario_read(sload *L);
/* feedback/@ref of o: a handbook id, checked and rendered per language
 * (scenario_check.c). */
void sp_scenario_feedback_ref(sload *L, sp_option *o, const char *ref, long line);
/* The handbook id of kind (SP_REF_NONE: any kind) closest to name, or NULL. */
const char *sp_scenario_hb_suggest(const sp_handbook *hb, sp_ref_kind kind, const char *name);
/* Points every option and goto at its node (scenario_check.c). */
void sp_scenario_check_refs(sload *L);
/* Unreachable nodes and cycles (scenario_check.c). */
void sp_scenario_check_graph(sload *L);

#endif
