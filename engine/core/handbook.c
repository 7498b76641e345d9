/* handbook.c: loads scenarios/handbook.xml into the handbook model: goals, thought pairs, red flags, interventions. */
#include "handbook.h"
#include "translate.h"
#include "alloc.h"
#include "arena.h"
#include "fs.h"
#include "scenario.h" /* SP_MAX_FILE_BYTES */
#include "xml.h"

#include <stdlib.h>
#include <string.h>

typedef struct hload {
    const char *path;
    sp_arena *a;
    sp_diag *d;
    sp_status status;
} hload;

static void fail(hload *L, sp_status s)
{
    /* Keep the worst: out of memory beats invalid content. */
    if (L->status == SP_OK || s == SP_ENOMEM)
        L->status = s;
}

static const xmlNode *first_el(const xmlNode *n)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static const xmlNode *next_el(const xmlNode *n)
{
    for (const xmlNode *c = n->next; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            return c;
    return NULL;
}

static int is(const xmlNode *n, const char *name)
{
    return n && strcmp((const char *)n->name, name) == 0;
}

static int count_children(const xmlNode *n)
{
    int k = 0;
    for (const xmlNode *c = first_el(n); c; c = next_el(c))
        k++;
    return k;
}

/* The prose child named name of n (the schema fixed which exist). */
static void text_child(hload *L, const xmlNode *n, const char *name, sp_text *out)
{
    for (const xmlNode *c = first_el(n); c; c = next_el(c))
        if (is(c, name)) {
            sp_status s = sp_xml_text(L->a, L->path, c, 1, out, L->d);
            if (s != SP_OK)
                fail(L, s);
            return;
        }
}

static const char *attr_copy(hload *L, const xmlNode *n, const char *name)
{
    const char *v = sp_xml_attr(L->a, n, name);
    char *r = sp_arena_strdup(L->a, v ? v : "");
    if (!r)
        fail(L, SP_ENOMEM);
    return r ? r : "";
}

/* ---- duplicate ids: sort by id, compare neighbours ------------------------ */

typedef struct idref {
    const char *id;
    long line;
} idref;

static int idref_cmp(const void *x, const void *y)
{
    const idref *a = x, *b = y;
    int c = strcmp(a->id, b->id);
    if (c)
        return c;
    return (a->line > b->line) - (a->line < b->line);
}

static void check_unique(hload *L, idref *ids, int n, const char *what)
{
    qsort(ids, (size_t)n, sizeof *ids, idref_cmp);
    for (int i = 1; i < n; i++)
        if (strcmp(ids[i].id, ids[i - 1].id) == 0) {
            sp_diag_add(L->d, L->path, ids[i].line, SP_N_("%s-id '%s' komt twee keer voor (eerst op regel %ld)"),
                        sp_diag_tr(L->d, what), ids[i].id, ids[i - 1].line);
            fail(L, SP_EINVAL);
        }
}

/* ---- the lists -------------------------------------------------------------- */

/* Each list element of the handbook becomes one array; ids are collected
 * in `ids` (scratch from the arena) for the duplicate check. */
static idref *id_scratch(hload *L, int n)
{
    idref *ids = sp_arena_alloc(L->a, (size_t)(n ? n : 1) * sizeof *ids);
    if (!ids)
        fail(L, SP_ENOMEM);
    return ids;
}

/* Fills one element of a list from its XML element c; returns its id. */
typedef const char *(*fill_fn)(hload *L, const xmlNode *c, void *item);

/* The children of list as an array of items `size` bytes each (from the
 * arena), each filled by fill; their ids checked unique as `what`. NULL
 * on out-of-memory, else *n is set. */
static void *load_list(hload *L, const xmlNode *list, size_t size, fill_fn fill, const char *what, int *n)
{
    int count = count_children(list);
    char *items = sp_arena_alloc(L->a, (size_t)(count ? count : 1) * size);
    idref *ids = id_scratch(L, count);
    if (!items || !ids) {
        fail(L, SP_ENOMEM);
        return NULL;
    }
    int i = 0;
    for (const xmlNode *c = first_el(list); c; c = next_el(c), i++)
        ids[i] = (idref){ fill(L, c, items + (size_t)i * size), sp_xml_line(c) };
    check_unique(L, ids, count, what);
    *n = count;
    return items;
}

static const char *fill_goal(hload *L, const xmlNode *c, void *item)
{
    sp_goal *g = item;
    g->id = attr_copy(L, c, "id");
    text_child(L, c, "label", &g->label);
    text_child(L, c, "explain", &g->explain);
    return g->id;
}

static const char *fill_thought(hload *L, const xmlNode *c, void *item)
{
    sp_thought *t = item;
    t->id = attr_copy(L, c, "id");
    t->source = attr_copy(L, c, "source");
    text_child(L, c, "hindering", &t->hindering);
    text_child(L, c, "helpful", &t->helpful);
    text_child(L, c, "explain", &t->explain);
    return t->id;
}

/* A gloss is shown on one line under the flag's label: at most
 * SP_GLOSS_MAX characters in every language it has. */
#define SP_GLOSS_MAX 110
static void check_gloss(hload *L, const xmlNode *flag, const sp_redflag *r)
{
    for (int l = 0; l < SP_LANG_COUNT; l++) {
        const char *s = r->gloss.s[l];
        long n = 0;
        for (; s && *s; s++)
            n += ((unsigned char)*s & 0xC0) != 0x80; /* characters, not bytes */
        if (n > SP_GLOSS_MAX) {
            sp_diag_add(L->d, L->path, sp_xml_line(flag),
                        SP_N_("de korte uitleg (<gloss>) van rode vlag '%s' (%s) is %ld tekens lang; die mag hoogstens "
                              "één regel van %d tekens zijn: maak hem korter en zet de rest in <explain>"),
                        r->id, sp_lang_code((sp_lang)l), n, SP_GLOSS_MAX);
            fail(L, SP_EINVAL);
        }
    }
}

static const char *fill_redflag(hload *L, const xmlNode *c, void *item)
{
    sp_redflag *r = item;
    r->id = attr_copy(L, c, "id");
    r->source = attr_copy(L, c, "source");
    text_child(L, c, "label", &r->label);
    text_child(L, c, "gloss", &r->gloss);
    text_child(L, c, "explain", &r->explain);
    check_gloss(L, c, r);
    return r->id;
}

static const char *fill_intervention(hload *L, const xmlNode *c, void *item)
{
    sp_intervention *v = item;
    v->id = attr_copy(L, c, "id");
    v->source = attr_copy(L, c, "source");
    /* The schema allows only the three phase names. */
    int ph = sp_phase_from_code(sp_xml_attr(L->a, c, "phase"));
    v->phase = ph < 0 ? SP_PHASE_INTAKE : (sp_phase)ph;
    text_child(L, c, "label", &v->label);
    text_child(L, c, "explain", &v->explain);
    return v->id;
}

/* ---- loading ------------------------------------------------------------------ */

sp_status sp_handbook_load(const char *path, const char *schema_dir,
                           sp_handbook **out, sp_diag *d)
{
    *out = NULL;
    char *data;
    size_t len;
    sp_status s = sp_fs_read(path, SP_MAX_FILE_BYTES, &data, &len, d);
    if (s != SP_OK)
        return s;
    xmlDoc *doc;
    s = sp_xml_parse(path, data, len, schema_dir, "handbook.rng", &doc, d);
    sp_free(data);
    if (s != SP_OK)
        return s;

    hload L = { .path = path, .d = d, .a = sp_arena_new() };
    sp_handbook *hb = L.a ? sp_arena_alloc(L.a, sizeof *hb) : NULL;
    if (!hb) {
        sp_arena_free(L.a);
        xmlFreeDoc(doc);
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    hb->arena = L.a;
    hb->path = sp_arena_strdup(L.a, path);
    const xmlNode *root = xmlDocGetRootElement(doc);
    for (const xmlNode *c = first_el(root); c; c = next_el(c)) {
        if (is(c, "title")) {
            sp_status ts = sp_xml_text(L.a, path, c, 1, &hb->title, d);
            if (ts != SP_OK)
                fail(&L, ts);
        } else if (is(c, "goals"))
            hb->goals = load_list(&L, c, sizeof *hb->goals, fill_goal, SP_N_("leerdoel"), &hb->n_goals);
        else if (is(c, "thoughts"))
            hb->thoughts = load_list(&L, c, sizeof *hb->thoughts, fill_thought, SP_N_("gedachte"), &hb->n_thoughts);
        else if (is(c, "redflags"))
            hb->redflags = load_list(&L, c, sizeof *hb->redflags, fill_redflag, SP_N_("rode-vlag"), &hb->n_redflags);
        else if (is(c, "interventions"))
            hb->interventions = load_list(&L, c, sizeof *hb->interventions, fill_intervention, SP_N_("interventie"),
                                          &hb->n_interventions);
    }
    xmlFreeDoc(doc);
    if (!hb->path)
        fail(&L, SP_ENOMEM);
    if (L.status != SP_OK) {
        if (L.status == SP_ENOMEM)
            sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        sp_arena_free(L.a);
        return L.status;
    }
    *out = hb;
    return SP_OK;
}

void sp_handbook_free(sp_handbook *hb)
{
    /* The handbook struct itself lives in its arena. */
    if (hb)
        sp_arena_free(hb->arena);
}
