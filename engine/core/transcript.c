/* transcript.c: a play on disk: writes the versioned transcript XML atomically, reads it back untrusted, replays it. */
#include "transcript.h"
#include "fs.h"
#include "xml.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/tree.h>

/*
 * The format is documented in docs/transcript-format.md. In short:
 *
 *   <transcript xmlns="urn:samenspel:transcript:1" version="1" scenario=".."
 *       scenario-version=".." scenario-hash="16 hex digits" lang="nl"
 *       mode="solo" started="2024-05-01T09:30:00Z" updated="..."
 *       [parent=".." branch-step="N"] [trajectory=".."] [ending="node id"]>
 *     <start-vars><var name=".." value="N"/>...</start-vars>      optional
 *     <steps>
 *       <choose turn="1" node=".." option=".." at="..." [votes="3 1 0"] [override="yes"]/>
 *       <flag turn="2" node=".." flag="rf..." at="..."/>
 *       <undo turn="2" node=".." at="..."/>
 *     </steps>
 *     <notes><note [step="N"]>text</note>...</notes>            optional
 *   </transcript>
 *
 * Reading treats the file as hostile: sp_xml_parse (no network, no DTD, no
 * entities, depth cap) after a size cap of SP_TRANSCRIPT_MAX_BYTES, then
 * every element and number is checked here with "path:line: message".
 * A file whose version is newer than SP_TRANSCRIPT_VERSION is refused; older
 * versions would be upgraded in memory in read_root (version 1 is the
 * first, so there is nothing to upgrade yet).
 */

#define TS_NS "urn:samenspel:transcript:1"

/* ---- life cycle ----------------------------------------------------------- */

sp_transcript *sp_transcript_new(void)
{
    sp_transcript *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->version = SP_TRANSCRIPT_VERSION;
    t->branch_step = -1;
    return t;
}

static void free_steps(sp_tstep *steps, int n)
{
    for (int i = 0; i < n; i++) {
        free(steps[i].node);
        free(steps[i].option);
        free(steps[i].flag);
        free(steps[i].votes);
    }
    free(steps);
}

void sp_transcript_free(sp_transcript *t)
{
    if (!t)
        return;
    free(t->scenario_id);
    free(t->scenario_version);
    free(t->lang);
    free(t->mode);
    free(t->parent);
    free(t->trajectory);
    for (int i = 0; i < t->n_start_vars; i++)
        free(t->start_vars[i].name);
    free(t->start_vars);
    free_steps(t->steps, t->n_steps);
    for (int i = 0; i < t->n_notes; i++)
        free(t->notes[i].text);
    free(t->notes);
    free(t->ending);
    free(t->path);
    free(t);
}

/* Replaces *dst with a copy of src (NULL allowed); 0 on out-of-memory. */
static int set_str(char **dst, const char *src)
{
    char *c = NULL;
    if (src && !(c = strdup(src)))
        return 0;
    free(*dst);
    *dst = c;
    return 1;
}

sp_status sp_transcript_add_note(sp_transcript *t, int step, const char *text)
{
    if (!t || !text || step < -1 || step >= t->n_steps)
        return SP_EUSAGE;
    sp_tnote *n = realloc(t->notes, sizeof(sp_tnote) * (size_t)(t->n_notes + 1));
    if (!n)
        return SP_ENOMEM;
    t->notes = n;
    char *c = strdup(text);
    if (!c)
        return SP_ENOMEM;
    t->notes[t->n_notes].step = step;
    t->notes[t->n_notes].text = c;
    t->n_notes++;
    return SP_OK;
}

/* ---- from a session ------------------------------------------------------ */

static int same_step(const sp_tstep *a, const sp_tstep *b)
{
    return a->kind == b->kind && a->turn == b->turn && a->at == b->at &&
           strcmp(a->node ? a->node : "", b->node ? b->node : "") == 0 &&
           strcmp(a->option ? a->option : "", b->option ? b->option : "") == 0 &&
           strcmp(a->flag ? a->flag : "", b->flag ? b->flag : "") == 0;
}

sp_status sp_transcript_sync(sp_transcript *t, const sp_session *s)
{
    const sp_scenario *sc = sp_session_scenario(s);
    const sp_handbook *hb = sc->handbook;
    int n = sp_session_log_count(s);
    sp_tstep *steps = calloc((size_t)(n ? n : 1), sizeof *steps);
    sp_tvar *vars = calloc((size_t)(sc->n_vars ? sc->n_vars : 1), sizeof *vars);
    int nv = 0, ok = steps && vars;
    for (int i = 0; ok && i < n; i++) {
        const sp_step *st = sp_session_log(s, i);
        sp_tstep *ts = &steps[i];
        const sp_node *nd = &sc->nodes[st->node];
        ts->kind = st->kind;
        ts->turn = st->turn;
        ts->at = st->at;
        ok = set_str(&ts->node, nd->id);
        if (ok && st->kind == SP_STEP_CHOOSE)
            ok = set_str(&ts->option, nd->options[st->option].id);
        if (ok && st->kind == SP_STEP_FLAG)
            ok = set_str(&ts->flag, hb->redflags[st->flag].id);
        /* Votes belong to the host, which adds them after syncing: keep
         * them on steps that are still the same step. */
        if (ok && i < t->n_steps && same_step(&t->steps[i], ts) && t->steps[i].n_votes > 0) {
            ts->votes = malloc(sizeof(int) * (size_t)t->steps[i].n_votes);
            ok = ts->votes != NULL;
            if (ok) {
                memcpy(ts->votes, t->steps[i].votes, sizeof(int) * (size_t)t->steps[i].n_votes);
                ts->n_votes = t->steps[i].n_votes;
            }
        }
        if (ok && i < t->n_steps && same_step(&t->steps[i], ts))
            ts->override = t->steps[i].override;
    }
    const int *start = sp_session_start_vars(s);
    for (int i = 0; ok && i < sc->n_vars; i++) {
        if (start[i] == sc->vars[i].init)
            continue;
        ok = set_str(&vars[nv].name, sc->vars[i].name);
        vars[nv++].value = start[i];
    }
    int finished = sp_session_finished(s);
    int last = sp_session_path(s, sp_session_path_count(s) - 1);
    ok = ok && set_str(&t->scenario_id, sc->id) && set_str(&t->scenario_version, sc->version) &&
         set_str(&t->lang, sp_lang_code(sp_session_lang(s))) &&
         (t->mode || set_str(&t->mode, "solo")) &&
         set_str(&t->ending, finished ? sc->nodes[last].id : NULL);
    if (!ok) {
        free_steps(steps, n);
        for (int i = 0; vars && i < nv; i++)
            free(vars[i].name);
        free(vars);
        return SP_ENOMEM;
    }
    t->version = SP_TRANSCRIPT_VERSION;
    t->scenario_hash = sc->hash;
    free_steps(t->steps, t->n_steps);
    t->steps = steps;
    t->n_steps = n;
    for (int i = 0; i < t->n_start_vars; i++)
        free(t->start_vars[i].name);
    free(t->start_vars);
    t->start_vars = vars;
    t->n_start_vars = nv;
    if (t->started == 0)
        t->started = sp_session_started_at(s);
    t->updated = n > 0 ? sp_session_log(s, n - 1)->at : t->started;
    /* A note on a step that is gone (the log only grows, but the host may
     * sync a different session into t) would point nowhere: re-anchor it to
     * the whole play. */
    for (int i = 0; i < t->n_notes; i++)
        if (t->notes[i].step >= n)
            t->notes[i].step = -1;
    return SP_OK;
}

/* ---- writing ------------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
    int nomem;
} buf;

static void put_n(buf *b, const char *s, size_t n)
{
    if (b->nomem)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->s, cap);
        if (!p) {
            b->nomem = 1;
            return;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void put(buf *b, const char *s)
{
    put_n(b, s, strlen(s));
}

static void putf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0)
        put_n(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static int utf8_len(const unsigned char *s)
{
    unsigned char c = s[0];
    int n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (int k = 2; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    return n;
}

/* Escapes s for an attribute value (attr) or element text. Bytes that are
 * not valid UTF-8 become U+FFFD and control characters XML 1.0 cannot hold
 * are dropped, so whatever a host passes in, the file stays readable. */
static void put_esc(buf *b, const char *str, int attr)
{
    const unsigned char *s = (const unsigned char *)(str ? str : "");
    while (*s) {
        unsigned char c = *s;
        int n = utf8_len(s);
        if (n == 0) {
            put(b, "\xEF\xBF\xBD");
            s++;
            continue;
        }
        if (n > 1) {
            put_n(b, (const char *)s, (size_t)n);
            s += n;
            continue;
        }
        s++;
        switch (c) {
        case '&': put(b, "&amp;"); break;
        case '<': put(b, "&lt;"); break;
        case '>': put(b, "&gt;"); break;
        case '"': put(b, attr ? "&quot;" : "\""); break;
        case '\t': put(b, attr ? "&#9;" : "\t"); break;
        case '\n': put(b, attr ? "&#10;" : "\n"); break;
        case '\r': put(b, "&#13;"); break;
        default:
            if (c >= 0x20 && c != 0x7F)
                put_n(b, (const char *)&c, 1);
        }
    }
}

static void put_attr(buf *b, const char *name, const char *value)
{
    put(b, " ");
    put(b, name);
    put(b, "=\"");
    put_esc(b, value, 1);
    put(b, "\"");
}

static void put_time(buf *b, const char *name, int64_t t)
{
    char tmp[64];
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm) || tm.tm_year + 1900 < 0 || tm.tm_year + 1900 > 9999) {
        tt = 0;
        gmtime_r(&tt, &tm);
    }
    strftime(tmp, sizeof tmp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    put_attr(b, name, tmp);
}

static const char *kind_name(sp_step_kind k)
{
    return k == SP_STEP_CHOOSE ? "choose" : k == SP_STEP_FLAG ? "flag" : "undo";
}

char *sp_transcript_to_xml(const sp_transcript *t, size_t *len)
{
    buf b = { 0 };
    char num[32];
    put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    put(&b, "<transcript xmlns=\"" TS_NS "\"");
    putf(&b, " version=\"%d\"", SP_TRANSCRIPT_VERSION);
    put_attr(&b, "scenario", t->scenario_id ? t->scenario_id : "");
    put_attr(&b, "scenario-version", t->scenario_version ? t->scenario_version : "");
    snprintf(num, sizeof num, "%016" PRIx64, t->scenario_hash);
    put_attr(&b, "scenario-hash", num);
    put_attr(&b, "lang", t->lang ? t->lang : "nl");
    put_attr(&b, "mode", t->mode ? t->mode : "solo");
    put_time(&b, "started", t->started);
    put_time(&b, "updated", t->updated);
    if (t->parent) {
        put_attr(&b, "parent", t->parent);
        putf(&b, " branch-step=\"%d\"", t->branch_step < 0 ? 0 : t->branch_step);
    }
    if (t->trajectory)
        put_attr(&b, "trajectory", t->trajectory);
    if (t->ending)
        put_attr(&b, "ending", t->ending);
    put(&b, ">\n");
    if (t->n_start_vars > 0) {
        put(&b, "  <start-vars>\n");
        for (int i = 0; i < t->n_start_vars; i++) {
            put(&b, "    <var");
            put_attr(&b, "name", t->start_vars[i].name);
            putf(&b, " value=\"%d\"/>\n", t->start_vars[i].value);
        }
        put(&b, "  </start-vars>\n");
    }
    put(&b, "  <steps>\n");
    for (int i = 0; i < t->n_steps; i++) {
        const sp_tstep *s = &t->steps[i];
        putf(&b, "    <%s turn=\"%d\"", kind_name(s->kind), s->turn);
        put_attr(&b, "node", s->node ? s->node : "");
        if (s->kind == SP_STEP_CHOOSE)
            put_attr(&b, "option", s->option ? s->option : "");
        if (s->kind == SP_STEP_FLAG)
            put_attr(&b, "flag", s->flag ? s->flag : "");
        put_time(&b, "at", s->at);
        if (s->n_votes > 0) {
            put(&b, " votes=\"");
            for (int v = 0; v < s->n_votes; v++)
                putf(&b, v ? " %d" : "%d", s->votes[v]);
            put(&b, "\"");
        }
        if (s->override)
            put(&b, " override=\"yes\"");
        put(&b, "/>\n");
    }
    put(&b, "  </steps>\n");
    if (t->n_notes > 0) {
        put(&b, "  <notes>\n");
        for (int i = 0; i < t->n_notes; i++) {
            put(&b, "    <note");
            if (t->notes[i].step >= 0)
                putf(&b, " step=\"%d\"", t->notes[i].step);
            put(&b, ">");
            put_esc(&b, t->notes[i].text, 0);
            put(&b, "</note>\n");
        }
        put(&b, "  </notes>\n");
    }
    put(&b, "</transcript>\n");
    if (b.nomem) {
        free(b.s);
        return NULL;
    }
    if (len)
        *len = b.len;
    return b.s;
}

sp_status sp_transcript_write(const sp_transcript *t, const char *path, sp_diag *d)
{
    size_t len;
    char *xml = sp_transcript_to_xml(t, &len);
    if (!xml) {
        sp_diag_add(d, path, 0, "out of memory writing the transcript");
        return SP_ENOMEM;
    }
    sp_status rc = sp_fs_write_atomic(path, xml, len, d);
    free(xml);
    return rc;
}

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
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, TS_NS) == 0;
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
    if (v && !set_str(dst, v))
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
    st->votes = malloc(sizeof(int) * (size_t)count);
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
    t->steps = calloc((size_t)(count ? count : 1), sizeof(sp_tstep));
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
    t->start_vars = calloc((size_t)(count ? count : 1), sizeof(sp_tvar));
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
        rfail(r, root, "<transcript> is not in the namespace " TS_NS);
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
    if (!steps && !r->bad)
        rfail(r, root, "<transcript> has no <steps>");
}

sp_status sp_transcript_read_mem(const char *path, const char *data, size_t len,
                                 sp_transcript **out, sp_diag *d)
{
    *out = NULL;
    if (len > SP_TRANSCRIPT_MAX_BYTES) {
        sp_diag_add(d, path, 0, "file is larger than %u bytes", SP_TRANSCRIPT_MAX_BYTES);
        return SP_EINVAL;
    }
    xmlDoc *doc = NULL;
    sp_status rc = sp_xml_parse(path, data, len, NULL, NULL, &doc, d);
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
        if (!r.nomem && !set_str(&t->path, path))
            r.nomem = 1;
    }
    xmlFreeDoc(doc);
    if (r.nomem || r.bad) {
        sp_transcript_free(t);
        if (r.nomem) {
            sp_diag_add(d, path, 0, "out of memory reading the transcript");
            return SP_ENOMEM;
        }
        return SP_EINVAL;
    }
    *out = t;
    return SP_OK;
}

sp_status sp_transcript_read(const char *path, sp_transcript **out, sp_diag *d)
{
    *out = NULL;
    char *data;
    size_t len;
    sp_status rc = sp_fs_read(path, SP_TRANSCRIPT_MAX_BYTES, &data, &len, d);
    if (rc != SP_OK)
        return rc;
    rc = sp_transcript_read_mem(path, data, len, out, d);
    free(data);
    return rc;
}

/* ---- replay -------------------------------------------------------------- */

/* During a replay the session's clock reads the time stored with each step,
 * so the rebuilt log equals the one on disk. */
typedef struct { int64_t now; } replay_clock;

static int64_t replay_now(void *ctx)
{
    return ((replay_clock *)ctx)->now;
}

static int option_by_id(const sp_node *n, const char *id)
{
    for (int i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, id) == 0)
            return i;
    return -1;
}

/* Applies step i (0-based; messages count from 1); SP_EINVAL with a message
 * when it no longer fits the scenario. */
static sp_status replay_step(sp_session *s, const sp_tstep *st, int i, const char *path, sp_diag *d)
{
    const sp_scenario *sc = sp_session_scenario(s);
    const sp_view *v = sp_session_view(s);
    const char *here = sc->nodes[v->node].id;
    int no = i + 1;
    if (sp_session_finished(s) && st->kind != SP_STEP_UNDO) {
        sp_diag_add(d, path, 0, "step %d: the play had already ended at node '%s'", no, here);
        return SP_EINVAL;
    }
    if (strcmp(st->node, here) != 0) {
        sp_diag_add(d, path, 0, "step %d: the play is at node '%s', not at '%s' as recorded",
                    no, here, st->node);
        return SP_EINVAL;
    }
    if (st->kind == SP_STEP_CHOOSE) {
        int o = option_by_id(&sc->nodes[v->node], st->option);
        if (o < 0) {
            sp_diag_add(d, path, 0, "step %d: node '%s' has no option '%s'", no, here, st->option);
            return SP_EINVAL;
        }
        sp_status rc = sp_session_choose(s, o);
        if (rc == SP_EUSAGE)
            sp_diag_add(d, path, 0, "step %d: option '%s' is not offered at node '%s'",
                        no, st->option, here);
        else if (rc != SP_OK)
            sp_diag_add(d, path, 0, "step %d: %s", no, sp_status_name(rc));
        return rc == SP_EUSAGE ? SP_EINVAL : rc;
    }
    if (st->kind == SP_STEP_FLAG) {
        int f = sp_handbook_redflag(sc->handbook, st->flag);
        if (f < 0) {
            sp_diag_add(d, path, 0, "step %d: the handbook has no red flag '%s'", no, st->flag);
            return SP_EINVAL;
        }
        sp_status rc = sp_session_flag(s, f, NULL);
        if (rc == SP_EUSAGE)
            sp_diag_add(d, path, 0, "step %d: red flag '%s' was already marked in turn %d",
                        no, st->flag, sp_session_turn(s));
        else if (rc != SP_OK)
            sp_diag_add(d, path, 0, "step %d: %s", no, sp_status_name(rc));
        return rc == SP_EUSAGE ? SP_EINVAL : rc;
    }
    sp_status rc = sp_session_undo(s);
    if (rc == SP_EUSAGE)
        sp_diag_add(d, path, 0, "step %d: an undo with nothing to undo", no);
    else if (rc != SP_OK)
        sp_diag_add(d, path, 0, "step %d: %s", no, sp_status_name(rc));
    return rc == SP_EUSAGE ? SP_EINVAL : rc;
}

sp_status sp_transcript_replay(const sp_transcript *t, const sp_scenario *sc,
                               int upto, sp_session **out, sp_diag *d)
{
    *out = NULL;
    const char *path = t->path ? t->path : "transcript";
    if (!t->scenario_id || strcmp(t->scenario_id, sc->id) != 0) {
        sp_diag_add(d, path, 0, "this is a play of scenario '%s', not of '%s'",
                    t->scenario_id ? t->scenario_id : "", sc->id);
        return SP_EINVAL;
    }
    sp_session *s = sp_session_new(sc, sp_lang_from_code(t->lang));
    if (!s) {
        sp_diag_add(d, path, 0, "out of memory");
        return SP_ENOMEM;
    }
    replay_clock clk = { t->started };
    sp_session_set_clock(s, replay_now, &clk);
    *out = s;
    if (t->scenario_hash != sc->hash)
        sp_diag_add(d, path, 0, "warning: scenario '%s' changed since this play "
                    "(version %s then, %s now)", sc->id,
                    t->scenario_version ? t->scenario_version : "?", sc->version ? sc->version : "?");
    sp_status rc = SP_OK;
    for (int i = 0; i < t->n_start_vars; i++) {
        sp_status vr = sp_session_set_var(s, t->start_vars[i].name, t->start_vars[i].value);
        if (vr != SP_OK) {
            sp_diag_add(d, path, 0, "start variable '%s' is not in scenario '%s'",
                        t->start_vars[i].name, sc->id);
            rc = SP_EINVAL;
            break;
        }
    }
    int n = upto < 0 || upto > t->n_steps ? t->n_steps : upto;
    for (int i = 0; rc == SP_OK && i < n; i++) {
        clk.now = t->steps[i].at;
        rc = replay_step(s, &t->steps[i], i, path, d);
    }
    sp_session_set_clock(s, NULL, NULL);
    return rc;
}
