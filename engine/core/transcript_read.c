/* transcript_read.c: reads a transcript file back, treating it as untrusted: every element and number is checked. */
#include "transcript_internal.h"
#include "alloc.h"
#include "fs.h"
#include "xml.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

/*
 * Reading treats the file as hostile: sp_xml_parse (no network, no DTD, no
 * entities, depth cap) after a size cap of SP_TRANSCRIPT_MAX_BYTES, then
 * every element and number is checked here with "path:line: message".
 * A file whose version is newer than SP_TRANSCRIPT_VERSION is refused; older
 * versions would be upgraded in memory in read_root (version 1 is the
 * first, so there is nothing to upgrade yet).
 */

/* ---- reading ------------------------------------------------------------- */

typedef struct {
    const char *path;
    sp_diag *d;
    int bad;      /* a content error was reported */
    int nomem;
} reader;

static void rfail(reader *r, const xmlNode *n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void rfail(reader *r, const xmlNode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sp_diag_addv(r->d, r->path, n ? xmlGetLineNo(n) : 0, fmt, ap);
    va_end(ap);
    r->bad = 1;
}

static int is_el(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE;
}

static int in_ns(const xmlNode *n)
{
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, SP_TRANSCRIPT_NS) == 0;
}

/* The attribute's value (a pointer into the tree), or NULL when absent. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->ns || strcmp((const char *)a->name, name) != 0)
            continue;
        /* Without a DTD or entity expansion an attribute is one text node. */
        if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

static const char *need_attr(reader *r, const xmlNode *n, const char *name)
{
    const char *v = attr(n, name);
    if (!v || !v[0]) {
        rfail(r, n, "<%s> lacks the %s attribute", (const char *)n->name, name);
        return NULL;
    }
    return v;
}

static int parse_int(const char *s, long lo, long hi, int *out)
{
    if (!s || !*s)
        return 0;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || *end || v < lo || v > hi || (s[0] != '-' && (s[0] < '0' || s[0] > '9')))
        return 0;
    *out = (int)v;
    return 1;
}

static int int_attr(reader *r, const xmlNode *n, const char *name, long lo, long hi, int *out)
{
    const char *v = need_attr(r, n, name);
    if (!v)
        return 0;
    if (!parse_int(v, lo, hi, out)) {
        if (hi == INT_MAX && lo == INT_MIN)
            rfail(r, n, "%s '%s' is not a whole number", name, v);
        else if (hi == INT_MAX)
            rfail(r, n, "%s '%s' is not a whole number of at least %ld", name, v, lo);
        else
            rfail(r, n, "%s '%s' is not a whole number from %ld to %ld", name, v, lo, hi);
        return 0;
    }
    return 1;
}

/* "YYYY-MM-DDTHH:MM:SSZ", UTC. */
static int parse_time(const char *s, int64_t *out)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    if (strlen(s) != 20)
        return 0;
    for (int i = 0; i < 20; i++) {
        char c = s[i];
        int digit = c >= '0' && c <= '9';
        char want = i == 4 || i == 7 ? '-' : i == 10 ? 'T' : i == 13 || i == 16 ? ':' : i == 19 ? 'Z' : 0;
        if (want ? c != want : !digit)
            return 0;
    }
    int Y = atoi(s), M = atoi(s + 5), D = atoi(s + 8), h = atoi(s + 11), m = atoi(s + 14),
        sec = atoi(s + 17);
    if (M < 1 || M > 12 || D < 1 || D > 31 || h > 23 || m > 59 || sec > 60)
        return 0;
    tm.tm_year = Y - 1900;
    tm.tm_mon = M - 1;
    tm.tm_mday = D;
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = sec;
    *out = (int64_t)timegm(&tm);
    return 1;
}

static int time_attr(reader *r, const xmlNode *n, const char *name, int64_t *out)
{
    const char *v = need_attr(r, n, name);
    if (!v)
        return 0;
    if (!parse_time(v, out)) {
        rfail(r, n, "%s '%s' is not a UTC time like 2024-05-01T09:30:00Z", name, v);
        return 0;
    }
    return 1;
}

static int parse_hash(const char *s, uint64_t *out)
{
    if (strlen(s) != 16)
        return 0;
    uint64_t h = 0;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int v = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (v < 0)
            return 0;
        h = h << 4 | (uint64_t)v;
    }
    *out = h;
    return 1;
}

/* Copies an attribute into *dst; required ones must be present. */
static void str_attr(reader *r, const xmlNode *n, const char *name, int required, char **dst)
{
    const char *v = required ? need_attr(r, n, name) : attr(n, name);
    if (v && !sp_transcript_set_str(dst, v))
        r->nomem = 1;
}

/* Elements other than the expected ones, and stray text, are damage. */
static int check_only_space(reader *r, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE) {
        for (const char *p = (const char *)n->content; p && *p; p++)
            if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
                rfail(r, n, "unexpected text in <%s>", (const char *)n->parent->name);
                return 0;
            }
        return 1;
    }
    if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE)
        return 1;
    if (is_el(n))
        return 0;
    rfail(r, n, "unexpected content in <%s>", (const char *)n->parent->name);
    return 1;
}

static void read_votes(reader *r, const xmlNode *n, const char *v, sp_tstep *st)
{
    int count = 0;
    for (const char *p = v; *p; p++)
        if (*p >= '0' && *p <= '9' && (p == v || p[-1] == ' '))
            count++;
    if (count == 0 || count > 64) {
        rfail(r, n, "votes '%s' must be 1 to 64 counts separated by spaces", v);
        return;
    }
    st->votes = sp_malloc(sizeof(int) * (size_t)count);
    if (!st->votes) {
        r->nomem = 1;
        return;
    }
    const char *p = v;
    for (int i = 0; i < count; i++) {
        while (*p == ' ')
            p++;
        char *end;
        errno = 0;
        long x = strtol(p, &end, 10);
        if (end == p || errno || x < 0 || x > 1000000 || (*end && *end != ' ') || *p == '-' ||
            *p == '+') {
            rfail(r, n, "votes '%s' must be counts (whole numbers from 0) separated by spaces", v);
            return;
        }
        st->votes[i] = (int)x;
        st->n_votes = i + 1;
        p = end;
    }
    while (*p == ' ')
        p++;
    if (*p)
        rfail(r, n, "votes '%s' must be counts (whole numbers from 0) separated by spaces", v);
}

static void read_step(reader *r, const xmlNode *n, sp_tstep *st)
{
    const char *name = (const char *)n->name;
    st->kind = strcmp(name, "choose") == 0 ? SP_STEP_CHOOSE
             : strcmp(name, "flag") == 0 ? SP_STEP_FLAG : SP_STEP_UNDO;
    int_attr(r, n, "turn", 1, INT_MAX, &st->turn);
    str_attr(r, n, "node", 1, &st->node);
    if (st->kind == SP_STEP_CHOOSE)
        str_attr(r, n, "option", 1, &st->option);
    if (st->kind == SP_STEP_FLAG)
        str_attr(r, n, "flag", 1, &st->flag);
    time_attr(r, n, "at", &st->at);
    const char *v = attr(n, "votes");
    if (v && st->kind == SP_STEP_CHOOSE)
        read_votes(r, n, v, st);
    else if (v)
        rfail(r, n, "votes belong on a <choose> step only");
    v = attr(n, "override");
    if (v) {
        if (strcmp(v, "yes") == 0)
            st->override = 1;
        else if (strcmp(v, "no") != 0)
            rfail(r, n, "override '%s' must be yes or no", v);
    }
}

static void read_steps(reader *r, const xmlNode *el, sp_transcript *t)
{
    int count = 0;
    for (const xmlNode *c = el->children; c; c = c->next)
        if (is_el(c))
            count++;
    if (count > SP_TRANSCRIPT_MAX_STEPS) {
        rfail(r, el, "more than %d steps", SP_TRANSCRIPT_MAX_STEPS);
        return;
    }
    t->steps = sp_calloc((size_t)(count ? count : 1), sizeof(sp_tstep));
    if (!t->steps) {
        r->nomem = 1;
        return;
    }
    for (const xmlNode *c = el->children; c && !r->nomem; c = c->next) {
        if (check_only_space(r, c))
            continue;
        const char *name = (const char *)c->name;
        if (!in_ns(c) || (strcmp(name, "choose") && strcmp(name, "flag") && strcmp(name, "undo"))) {
            rfail(r, c, "unexpected <%s> in <steps> (expected choose, flag or undo)", name);
            continue;
        }
        read_step(r, c, &t->steps[t->n_steps++]);
    }
}

static void read_start_vars(reader *r, const xmlNode *el, sp_transcript *t)
{
    int count = 0;
    for (const xmlNode *c = el->children; c; c = c->next)
        if (is_el(c))
            count++;
    t->start_vars = sp_calloc((size_t)(count ? count : 1), sizeof(sp_tvar));
    if (!t->start_vars) {
        r->nomem = 1;
        return;
    }
    for (const xmlNode *c = el->children; c && !r->nomem; c = c->next) {
        if (check_only_space(r, c))
            continue;
        if (!in_ns(c) || strcmp((const char *)c->name, "var") != 0) {
            rfail(r, c, "unexpected <%s> in <start-vars> (expected var)", (const char *)c->name);
            continue;
        }
        sp_tvar *v = &t->start_vars[t->n_start_vars++];
        str_attr(r, c, "name", 1, &v->name);
        int_attr(r, c, "value", INT_MIN, INT_MAX, &v->value);
    }
}

static void read_notes(reader *r, const xmlNode *el, sp_transcript *t)
{
    for (const xmlNode *c = el->children; c && !r->nomem; c = c->next) {
        if (check_only_space(r, c))
            continue;
        if (!in_ns(c) || strcmp((const char *)c->name, "note") != 0) {
            rfail(r, c, "unexpected <%s> in <notes> (expected note)", (const char *)c->name);
            continue;
        }
        int step = -1;
        if (attr(c, "step") && !int_attr(r, c, "step", 0, INT_MAX, &step))
            continue;
        if (step >= t->n_steps) {
            rfail(r, c, "the note is on step %d, but the steps are numbered 0 to %d",
                  step, t->n_steps - 1);
            continue;
        }
        for (const xmlNode *k = c->children; k; k = k->next)
            if (k->type != XML_TEXT_NODE && k->type != XML_CDATA_SECTION_NODE &&
                k->type != XML_COMMENT_NODE)
                rfail(r, k, "a <note> holds text only");
        xmlChar *text = xmlNodeGetContent(c);
        if (!text) {
            r->nomem = 1;
            return;
        }
        sp_status rc = sp_transcript_add_note(t, step, (const char *)text);
        xmlFree(text);
        if (rc == SP_ENOMEM)
            r->nomem = 1;
    }
}

static void read_root(reader *r, const xmlNode *root, sp_transcript *t)
{
    if (strcmp((const char *)root->name, "transcript") != 0) {
        rfail(r, root, "root element is <%s>, expected <transcript>: not a samenspel transcript",
              (const char *)root->name);
        return;
    }
    if (!in_ns(root)) {
        rfail(r, root, "<transcript> is not in the namespace " SP_TRANSCRIPT_NS);
        return;
    }
    if (!int_attr(r, root, "version", 1, INT_MAX, &t->version))
        return;
    if (t->version > SP_TRANSCRIPT_VERSION) {
        rfail(r, root, "transcript format version %d is newer than this program reads (%d); "
              "update samenspel", t->version, SP_TRANSCRIPT_VERSION);
        return;
    }
    str_attr(r, root, "scenario", 1, &t->scenario_id);
    str_attr(r, root, "scenario-version", 0, &t->scenario_version);
    const char *h = need_attr(r, root, "scenario-hash");
    if (h && !parse_hash(h, &t->scenario_hash))
        rfail(r, root, "scenario-hash '%s' is not 16 hexadecimal digits", h);
    str_attr(r, root, "scenario-path", 0, &t->scenario_path);
    str_attr(r, root, "lang", 1, &t->lang);
    str_attr(r, root, "mode", 1, &t->mode);
    time_attr(r, root, "started", &t->started);
    if (attr(root, "updated"))
        time_attr(r, root, "updated", &t->updated);
    else
        t->updated = t->started;
    str_attr(r, root, "parent", 0, &t->parent);
    if (attr(root, "branch-step")) {
        if (!t->parent)
            rfail(r, root, "branch-step without a parent");
        int_attr(r, root, "branch-step", 0, SP_TRANSCRIPT_MAX_STEPS, &t->branch_step);
    }
    str_attr(r, root, "trajectory", 0, &t->trajectory);
    str_attr(r, root, "ending", 0, &t->ending);

    /* Children in this order, each at most once; start-vars and notes
     * are optional. */
    const xmlNode *steps = NULL;
    const char *order[] = { "start-vars", "steps", "notes" };
    int last = -1;
    for (const xmlNode *c = root->children; c && !r->nomem; c = c->next) {
        if (check_only_space(r, c))
            continue;
        const char *name = (const char *)c->name;
        int k = 0;
        while (k < 3 && strcmp(name, order[k]) != 0)
            k++;
        if (!in_ns(c) || k == 3) {
            rfail(r, c, "unexpected <%s> in <transcript>", name);
            continue;
        }
        if (k <= last) {
            rfail(r, c, "<%s> is out of order or repeated", name);
            continue;
        }
        last = k;
        if (k == 0)
            read_start_vars(r, c, t);
        else if (k == 1) {
            steps = c;
            read_steps(r, c, t);
        } else if (steps) {
            read_notes(r, c, t);
        }
    }
    if (!steps && !r->bad && !r->nomem)
        rfail(r, root, "<transcript> has no <steps>");
}

sp_status sp_transcript_read_mem(const char *path, const char *data, size_t len,
                                 sp_transcript **out, sp_diag *d)
{
    *out = NULL;
    if (len > SP_TRANSCRIPT_MAX_BYTES) {
        sp_diag_add(d, path, 0, SP_N_("het bestand is groter dan %u bytes"), SP_TRANSCRIPT_MAX_BYTES);
        return SP_EINVAL;
    }
    char *spliced = NULL;
    size_t spliced_len = 0;
    int journaled = 0;
    sp_status rc = sp_transcript_journal_splice(path, data, len, &spliced, &spliced_len, &journaled, d);
    if (rc != SP_OK)
        return rc;
    xmlDoc *doc = NULL;
    rc = sp_xml_parse(path, spliced ? spliced : data, spliced ? spliced_len : len, NULL, NULL, &doc, d);
    free(spliced); /* open_memstream's buffer (journal_splice): libc's own */
    if (rc != SP_OK)
        return rc;
    sp_transcript *t = sp_transcript_new();
    reader r = { path, d, 0, 0 };
    if (!t)
        r.nomem = 1;
    else {
        t->version = 0;
        const xmlNode *root = xmlDocGetRootElement(doc);
        if (!root)
            rfail(&r, NULL, "no root element");
        else
            read_root(&r, root, t);
        if (!r.nomem && !sp_transcript_set_str(&t->path, path))
            r.nomem = 1;
    }
    xmlFreeDoc(doc);
    /* Journal records do not update the root's "updated". */
    if (t && journaled && t->n_steps > 0 && t->steps[t->n_steps - 1].at > t->updated)
        t->updated = t->steps[t->n_steps - 1].at;
    if (r.nomem || r.bad) {
        sp_transcript_free(t);
        if (r.nomem) {
            sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen om het gesprek te lezen"));
            return SP_ENOMEM;
        }
        return SP_EINVAL;
    }
    *out = t;
    return SP_OK;
}

/* sp_transcript_read_mem as an sp_fs_parser. */
static sp_status read_file_bytes(const char *path, const char *data, size_t len, void *out, sp_diag *d)
{
    return sp_transcript_read_mem(path, data, len, out, d);
}

sp_status sp_transcript_read(const char *path, sp_transcript **out, sp_diag *d)
{
    *out = NULL;
    sp_status rc = sp_fs_read_with(path, SP_TRANSCRIPT_MAX_BYTES, read_file_bytes, out, d);
    /* Without the file's identity a later save could not tell that the
     * file changed on disk since: no transcript rather than one without. */
    if (rc == SP_OK && sp_transcript_file_seen(*out, path) != SP_OK) {
        sp_transcript_free(*out);
        *out = NULL;
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen om het gesprek te lezen"));
        rc = SP_ENOMEM;
    }
    return rc;
}
