/* scenario.c: loads a scenario: runs the reader and the checks, hands on their messages; the loader's tables. */
#include "scenario_internal.h"
#include "alloc.h"
#include "fs.h"
#include "suggest.h"

#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>

/*
 * The file is read once, front to back, through a validating xmlTextReader
 * (sp_xml_stream; scenario_read.c): each element is turned into model
 * structs as it passes and no tree of the whole file exists, so a large case
 * costs about its own size in memory. References to nodes may point forward,
 * so they are kept as fixups and resolved at the end, followed by the graph
 * checks (scenario_check.c).
 *
 * Problems of meaning go to a private diag first. When the file turns out
 * not to match the schema, only the schema's messages are shown (meaning is
 * checked on valid files only); otherwise the meaning messages are handed
 * on, sorted by line.
 */

/* ---- growable arrays and id tables --------------------------------------------
 *
 * See scenario_internal.h for what they hold.
 */

void sp_scenario_oom(sload *L)
{
    L->status = SP_ENOMEM;
}

void *sp_scenario_vec_push(sload *L, vec *v)
{
    if (v->n == v->cap) {
        int cap = v->cap ? v->cap * 2 : 8;
        char *p = sp_realloc(v->p, (size_t)cap * v->size);
        if (!p) {
            sp_scenario_oom(L);
            return NULL;
        }
        v->p = p;
        v->cap = cap;
    }
    void *slot = v->p + (size_t)v->n++ * v->size;
    memset(slot, 0, v->size);
    return slot;
}

void *sp_scenario_vec_at(const vec *v, int i)
{
    return v->p + (size_t)i * v->size;
}

void *sp_scenario_vec_keep(sload *L, const vec *v)
{
    if (v->n == 0)
        return NULL;
    void *p = sp_arena_alloc(L->a, (size_t)v->n * v->size);
    if (!p) {
        sp_scenario_oom(L);
        return NULL;
    }
    memcpy(p, v->p, (size_t)v->n * v->size);
    return p;
}

static int idtab_grow(idtab *t)
{
    unsigned size = t->e ? (t->mask + 1) * 2 : 64;
    identry *e = sp_calloc(size, sizeof *e);
    if (!e)
        return -1;
    for (unsigned i = 0; t->e && i <= t->mask; i++) {
        if (!t->e[i].key)
            continue;
        unsigned k = (unsigned)sp_fs_hash(t->e[i].key, strlen(t->e[i].key)) & (size - 1);
        while (e[k].key)
            k = (k + 1) & (size - 1);
        e[k] = t->e[i];
    }
    sp_free(t->e);
    t->e = e;
    t->mask = size - 1;
    return 0;
}

static identry *idtab_find(const idtab *t, const char *key)
{
    if (!t->e || !key)
        return NULL;
    unsigned i = (unsigned)sp_fs_hash(key, strlen(key)) & t->mask;
    while (t->e[i].key) {
        if (strcmp(t->e[i].key, key) == 0)
            return &t->e[i];
        i = (i + 1) & t->mask;
    }
    return NULL;
}

int sp_scenario_id_get(const idtab *t, const char *key)
{
    identry *e = idtab_find(t, key);
    return e ? e->val : -1;
}

const identry *sp_scenario_id_put(sload *L, idtab *t, const char *key, int val, long line)
{
    identry *old = idtab_find(t, key);
    if (old)
        return old;
    if ((!t->e || (t->used + 1) * 2 > t->mask + 1) && idtab_grow(t) != 0) {
        sp_scenario_oom(L);
        return NULL;
    }
    unsigned i = (unsigned)sp_fs_hash(key, strlen(key)) & t->mask;
    while (t->e[i].key)
        i = (i + 1) & t->mask;
    t->e[i] = (identry){ key, val, line };
    t->used++;
    return NULL;
}

/* ---- messages ------------------------------------------------------------------------ */

void sp_scenario_err(sload *L, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sp_diag_addv(L->sem, L->path, line, fmt, ap);
    va_end(ap);
}

void sp_scenario_err_hint(sload *L, long line, const char *best, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, sp_diag_tr(L->sem, fmt), ap);
    va_end(ap);
    if (best) {
        size_t n = strlen(msg);
        snprintf(msg + n, sizeof msg - n, sp_diag_tr(L->sem, "; bedoel je '%s'?"), best);
    }
    sp_diag_add(L->sem, L->path, line, "%s", msg);
}

const char *sp_scenario_id_suggest(const idtab *t, const char *name)
{
    sp_suggest s;
    sp_suggest_init(&s, name);
    for (unsigned i = 0; t->e && i <= t->mask; i++)
        if (t->e[i].key)
            sp_suggest_add(&s, t->e[i].key);
    return sp_suggest_best(&s);
}

typedef struct held {
    long line;
    int order;
    const char *text;   /* the message after "path:line: " */
} held;

static int held_cmp(const void *x, const void *y)
{
    const held *a = x, *b = y;
    if (a->line != b->line)
        return (a->line > b->line) - (a->line < b->line);
    return a->order - b->order;
}

/* Hands the held-back messages to d in line order. They were made here as
 * "path:line: text" or "path: text", so they split back cleanly. */
static void pass_on(sload *L, sp_diag *d)
{
    int n = sp_diag_count(L->sem);
    held *h = sp_calloc((size_t)(n ? n : 1), sizeof *h);
    size_t plen = strlen(L->path);
    for (int i = 0; h && i < n; i++) {
        const char *m = sp_diag_message(L->sem, i) + plen + 1; /* past "path:" */
        h[i].order = i;
        if (*m >= '0' && *m <= '9') {
            char *end;
            h[i].line = strtol(m, &end, 10);
            m = end + 1;
        }
        h[i].text = m + 1; /* past the space */
    }
    if (h)
        qsort(h, (size_t)n, sizeof *h, held_cmp);
    for (int i = 0; i < n; i++)
        sp_diag_add(d, L->path, h ? h[i].line : 0, "%s",
                    h ? h[i].text : sp_diag_message(L->sem, i));
    if (sp_diag_dropped(L->sem))
        sp_diag_add(d, L->path, 0, SP_N_("nog %d problemen niet getoond"), sp_diag_dropped(L->sem));
    sp_free(h);
}

/* ---- loading ------------------------------------------------------------------------------------ */

static void sload_free(sload *L)
{
    vec *vs[] = { &L->nodes_v, &L->fixups, &L->lines, &L->flags, &L->effects, &L->gotos,
                  &L->options_v, &L->o_app, &L->o_scores, &L->o_effects, &L->refs_v };
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
        sp_free(vs[i]->p);
    idtab *ts[] = { &L->nodes, &L->vars, &L->persons, &L->options, &L->endings, &L->refs };
    for (size_t i = 0; i < sizeof ts / sizeof ts[0]; i++)
        sp_free(ts[i]->e);
    sp_xml_stream_close(L->xs);
    sp_arena_free(L->scratch);
    sp_diag_free(L->sem);
}

/* Loads from fd (>= 0; read in pieces) or from the len bytes at data. */
static sp_status load(const char *path, int fd, const char *data, size_t len, const char *schema_dir,
                      const sp_handbook *hb, sp_scenario **out, sp_diag *d)
{
    if (!hb) {
        sp_diag_add(d, path, 0, SP_N_("geen handboek om de casus aan te toetsen"));
        return SP_EUSAGE;
    }
    sload L = {
        .path = path, .hb = hb,
        .nodes_v = { .size = sizeof(sp_node) }, .fixups = { .size = sizeof(fixup) },
        .lines = { .size = sizeof(sp_line) }, .flags = { .size = sizeof(sp_flag_here) },
        .effects = { .size = sizeof(sp_effect) }, .gotos = { .size = sizeof(sp_goto) },
        .options_v = { .size = sizeof(sp_option) }, .o_app = { .size = sizeof(int) },
        .o_scores = { .size = sizeof(sp_score) }, .o_effects = { .size = sizeof(sp_effect) },
        .refs_v = { .size = sizeof(refseen) },
    };
    sp_status s = sp_xml_stream_open(path, fd, data, len, schema_dir, "scenario.rng", &L.xs, d);
    if (s != SP_OK)
        return s;
    L.r = sp_xml_stream_reader(L.xs);
    L.a = sp_arena_new();
    L.sem = sp_diag_new();
    sp_diag_set_lang(L.sem, sp_diag_lang(d));
    L.sc = L.a ? sp_arena_alloc(L.a, sizeof *L.sc) : NULL;
    if (!L.sc || !L.sem) {
        sp_arena_free(L.a);
        sload_free(&L);
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    L.sc->arena = L.a;
    L.sc->handbook = hb;
    L.sc->hash = sp_xml_stream_hash(L.xs);
    L.sc->path = sp_arena_strdup(L.a, path);
    L.sc->start = -1;
    if (!L.sc->path)
        sp_scenario_oom(&L);

    sp_scenario_read(&L);
    if (sp_xml_stream_errors(L.xs) > 0) {
        s = SP_EINVAL; /* the stream's messages are in d already */
    } else if (L.status != SP_OK) {
        s = L.status;
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
    } else {
        if (!L.extra_nodes) {
            sp_scenario_check_refs(&L);
            sp_scenario_check_graph(&L);
        }
        if (L.status != SP_OK) {
            s = L.status;
            sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        } else if (sp_diag_count(L.sem) > 0) {
            s = SP_EINVAL;
            pass_on(&L, d);
        }
    }
    sload_free(&L);
    if (s != SP_OK) {
        sp_arena_free(L.a);
        return s;
    }
    *out = L.sc;
    return SP_OK;
}

sp_status sp_scenario_load_mem(const char *path, const char *data, size_t len,
                               const char *schema_dir, const sp_handbook *hb,
                               sp_scenario **out, sp_diag *d)
{
    *out = NULL;
    unsigned long failed = sp_alloc_failures();
    return sp_diag_memory_since(d, path, load(path, -1, data, len, schema_dir, hb, out, d), failed);
}

sp_status sp_scenario_load(const char *path, const char *schema_dir,
                           const sp_handbook *hb, sp_scenario **out, sp_diag *d)
{
    *out = NULL;
    /* The file is read in pieces as it loads, never held whole. */
    struct stat st;
    int fd = sp_fs_open_regular(path, &st, d);
    if (fd < 0)
        return SP_EIO;
    if ((uintmax_t)st.st_size > (uintmax_t)SP_MAX_FILE_BYTES) {
        sp_diag_add(d, path, 0, SP_N_("het bestand is groter dan %zu bytes"), (size_t)SP_MAX_FILE_BYTES);
        close(fd);
        return SP_EINVAL;
    }
    unsigned long failed = sp_alloc_failures();
    sp_status s = sp_diag_memory_since(d, path, load(path, fd, NULL, 0, schema_dir, hb, out, d), failed);
    close(fd);
    return s;
}

void sp_scenario_free(sp_scenario *sc)
{
    /* The scenario struct itself lives in its arena. */
    if (sc)
        sp_arena_free(sc->arena);
}
