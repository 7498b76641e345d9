/* xml_stream.c: untrusted XML on a validating stream (xmlTextReader, streaming RelaxNG), for large files. */
#include "xml_internal.h"
#include "alloc.h"
#include "scenario.h" /* the SP_MAX_* limits */

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlreader.h>

#include <stdio.h>

/*
 * The scenario loader reads through xmlTextReader with streaming RelaxNG
 * validation: no tree of the whole file is ever built, so a large case costs
 * its own bytes plus the model, not ten times that. The reader gives no SAX
 * hook, so the DOCTYPE is refused by scanning the prolog before parsing, and
 * depth is checked on every element the reader hands out.
 */

/* ---- the prolog ------------------------------------------------------------- */

/* memmem is a GNU extension; this is all we need of it. */
static const char *find(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    while (n >= m) {
        const char *p = memchr(hay, needle[0], n - m + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, m) == 0)
            return p;
        n -= (size_t)(p - hay) + 1;
        hay = p + 1;
    }
    return NULL;
}

/* A DOCTYPE can only stand in the prolog: after an optional BOM, the XML
 * declaration, comments, processing instructions and white space. Returns
 * its offset, -1 when there is none, or -2 when the len bytes end inside
 * the prolog (the caller looks at more of the file). (The streaming reader
 * has no SAX hook to stop it.) */
static long prolog_doctype(const char *data, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    for (;;) {
        while (i < len && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n'))
            i++;
        if (i + 2 <= len && memcmp(data + i, "<?", 2) == 0) {
            const char *end = find(data + i + 2, len - i - 2, "?>");
            if (!end)
                return -2;
            i = (size_t)(end - data) + 2;
        } else if (i + 4 <= len && memcmp(data + i, "<!--", 4) == 0) {
            const char *end = find(data + i + 4, len - i - 4, "-->");
            if (!end)
                return -2;
            i = (size_t)(end - data) + 3;
        } else if (i + 9 <= len && strncasecmp(data + i, "<!DOCTYPE", 9) == 0) {
            return (long)i;
        } else {
            return i + 9 > len && (i == len || data[i] == '<') ? -2 : -1;
        }
    }
}

/* The DOCTYPE refused, from the first bytes of the file: as many as the
 * prolog needs (a few hundred in practice), never the whole file unless the
 * prolog is all of it. */
static sp_status refuse_doctype(const sp_xml_src *src, sp_diag *d)
{
    size_t n = 4096;
    for (;;) {
        if (n > src->len)
            n = src->len;
        char *head = sp_malloc(n + 1);
        if (!head) {
            sp_diag_add(d, src->path, 0, SP_N_("onvoldoende geheugen om het bestand te lezen"));
            return SP_ENOMEM;
        }
        if (sp_xml_src_head(src, n, head, d) != SP_OK) {
            sp_free(head);
            return SP_EIO;
        }
        long at = prolog_doctype(head, n);
        if (at == -2 && n < src->len) {
            sp_free(head);
            n *= 2;
            continue;
        }
        if (at >= 0)
            sp_diag_add(d, src->path, sp_xml_line_at(head, (size_t)at),
                        SP_N_("een DOCTYPE is niet toegestaan (entiteiten en DTD's worden geweigerd)"));
        sp_free(head);
        return at >= 0 ? SP_EINVAL : SP_OK;
    }
}

/* ---- the stream ---------------------------------------------------------------- */

struct sp_xml_stream {
    xmlTextReaderPtr r;
    xstate st;
    saved_handlers saved;
    int validating;
    const sp_xml_facets *facets; /* checked here; the schema r validates without them */
    sp_xml_src src;              /* the file, read by r through cur */
    sp_xml_cursor cur;
    int told_before;  /* messages in d before the stream opened */
    const char *schema_dir, *schema_name; /* for sp_xml_explain */
};

/* ---- stray text ------------------------------------------------------------ */

/*
 * libxml2 2.9.14's streaming RelaxNG validates character data against the
 * last element it pushed, which the reader may already have freed when the
 * text follows that element's end tag: text inside an element that takes
 * only elements ("</decision> relatie") makes the validator read freed
 * memory before it reports anything (found by tests/fuzz; valgrind shows the
 * same read in `xmllint --stream --relaxng`). So, before the validating
 * stream, one SAX pass that builds nothing looks for exactly that case and
 * refuses it with our own message; the stream then never meets it. The
 * pass is silent: well-formedness errors are left to the stream to report.
 * A prose element that holds <p> paragraphs takes only elements, so text
 * beside its paragraphs is refused here too.
 */
/* The elements of scenario.rng that hold only elements. Text in an
 * element the schema does not know is left to the validator: its error
 * comes at the element's start tag, and the stream validates no further
 * (sp_xml_stream_next), so that text never reaches it. */
static const char *const element_only[] = {
    "scenario", "briefing", "cast", "person", "variables", "var", "node", "set", "add", "goto",
    "decision", "thought", "option", "applies", "expresses", "score", "ending", NULL
};

/* The prose elements that may hold <p> paragraphs instead (scenario.rng,
 * "prose"). */
static const char *const para_elements[] = {
    "narration", "say", "prompt", "discuss", "feedback", "evaluation", "reflection", "handout", NULL
};

static int in_list(const char *const *list, const xmlChar *name)
{
    for (int i = 0; list[i]; i++)
        if (strcmp((const char *)name, list[i]) == 0)
            return 1;
    return 0;
}

typedef struct stray {
    xmlParserCtxtPtr ctxt;
    int depth;
    unsigned char takes_text[SP_MAX_DEPTH + 2];
    unsigned char takes_p[SP_MAX_DEPTH + 2];
    unsigned char has_p[SP_MAX_DEPTH + 2];   /* a <p> child seen */
    long text_at[SP_MAX_DEPTH + 2];          /* line of its first direct text, 0 none */
    char parent[32];
    const xmlChar *element[SP_MAX_DEPTH + 2]; /* the parser's own (dictionary) names */
    /* What the lists say of each name met so far: the parser keeps one copy
     * of a name in its dictionary, so its address identifies it. */
    const xmlChar *seen[32];
    unsigned char seen_kind[32];
    int n_seen;
    long line;                     /* first stray text, 0 when none */
    int beside_p;                  /* it stands beside <p> paragraphs */
} stray;

static void stray_found(stray *st, long line, int depth, int beside_p)
{
    /* After a well-formedness error libxml2 may go on in a guess of the
     * structure: what it then calls text is the stream's to report. */
    if (!st->ctxt->wellFormed) {
        xmlStopParser(st->ctxt);
        return;
    }
    st->line = line;
    st->beside_p = beside_p;
    snprintf(st->parent, sizeof st->parent, "%s", (const char *)st->element[depth]);
    xmlStopParser(st->ctxt);
}

static void stray_start(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri,
                        int nns, const xmlChar **ns, int nattr, int ndef, const xmlChar **attrs)
{
    stray *st = ((xmlParserCtxtPtr)ctx)->_private;
    if (++st->depth > SP_MAX_DEPTH) {  /* the stream reports the depth */
        xmlStopParser(st->ctxt);
        return;
    }
    int kind = -1;
    for (int i = 0; i < st->n_seen && kind < 0; i++)
        if (st->seen[i] == local)
            kind = st->seen_kind[i];
    if (kind < 0) {
        kind = (in_list(element_only, local) ? 0 : 1) | (in_list(para_elements, local) ? 2 : 0);
        if (st->n_seen < (int)(sizeof st->seen / sizeof st->seen[0])) {
            st->seen[st->n_seen] = local;
            st->seen_kind[st->n_seen++] = (unsigned char)kind;
        }
    }
    st->takes_text[st->depth] = (unsigned char)(kind & 1);
    st->takes_p[st->depth] = (unsigned char)(kind >> 1);
    st->has_p[st->depth] = 0;
    st->text_at[st->depth] = 0;
    st->element[st->depth] = local;
    int up = st->depth - 1;
    if (up >= 1 && st->takes_p[up] && strcmp((const char *)local, "p") == 0) {
        st->has_p[up] = 1;
        if (st->text_at[up] && !st->line)
            stray_found(st, st->text_at[up], up, 1);
    }
}

static void stray_end(void *ctx, const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
    stray *st = ((xmlParserCtxtPtr)ctx)->_private;
    if (st->depth > 0)
        st->depth--;
}

static void stray_chars(void *ctx, const xmlChar *ch, int len)
{
    stray *st = ((xmlParserCtxtPtr)ctx)->_private;
    int d = st->depth;
    if (d < 1 || d > SP_MAX_DEPTH || st->line)
        return;
    for (int i = 0; i < len; i++)
        if (ch[i] != ' ' && ch[i] != '\t' && ch[i] != '\n' && ch[i] != '\r') {
            /* The parser stands at the end of the run: count back to
             * the line of its first letter. */
            long line = xmlSAX2GetLineNumber(st->ctxt);
            for (int j = i; j < len; j++)
                line -= ch[j] == '\n';
            if (!st->takes_text[d] || st->has_p[d])
                stray_found(st, line, d, st->has_p[d]);
            else if (!st->text_at[d])
                st->text_at[d] = line;
            return;
        }
}

static void stray_silent(void *arg, xmlErrorPtr e)
{
}

static sp_status stray_text(const sp_xml_src *src, sp_diag *d)
{
    const char *path = src->path;
    sp_xml_cursor cur = { .src = src };
    stray st = { 0 };
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = stray_start;
    sax.endElementNs = stray_end;
    sax.characters = stray_chars;
    sax.cdataBlock = stray_chars;
    sax.serror = stray_silent;
    /* Read in pieces, as the stream reads it. */
    xmlParserCtxtPtr ctxt = xmlCreateIOParserCtxt(NULL, NULL, sp_xml_src_read, NULL, &cur,
                                                  XML_CHAR_ENCODING_NONE);
    if (!ctxt) {
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    xmlSAXHandlerPtr old = ctxt->sax;
    ctxt->sax = &sax;
    ctxt->_private = &st;
    st.ctxt = ctxt;
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    xmlParseDocument(ctxt);
    ctxt->sax = old;
    /* A DOCTYPE the prolog scan missed (a broken XML declaration before
     * it) still has its entities stored by libxml2 in a document of its
     * own (SAX compatibility mode), which the context does not free. */
    if (ctxt->myDoc) {
        xmlFreeDoc(ctxt->myDoc);
        ctxt->myDoc = NULL;
    }
    xmlFreeParserCtxt(ctxt);
    if (!st.line)
        return SP_OK;
    if (st.beside_p)
        sp_diag_add(d, path, st.line,
                    SP_N_("tekst mag niet direct in <%s> staan als die <p>-alinea's heeft; zet hem in een <p>"), st.parent);
    else
        sp_diag_add(d, path, st.line, SP_N_("tekst mag niet direct in <%s> staan"), st.parent);
    return SP_EINVAL;
}

static void stream_error(void *arg, xmlErrorPtr e)
{
    sp_xml_report(arg, e);
}

/* The checks before the stream: the bytes, the DOCTYPE, stray text. */
static sp_status stream_before(sp_xml_src *src, const char *schema_name, sp_diag *d)
{
    sp_status st = sp_xml_src_check(src, d);
    if (st == SP_OK)
        st = refuse_doctype(src, d);
    if (st == SP_OK && strcmp(schema_name, "scenario.rng") == 0)
        st = stray_text(src, d);
    return st;
}

sp_status sp_xml_stream_open(const char *path, int fd, const char *data, size_t len,
                             const char *schema_dir, const char *schema_name,
                             sp_xml_stream **out, sp_diag *d)
{
    *out = NULL;
    sp_xml_init();
    sp_xml_stream *s = sp_calloc(1, sizeof *s);
    if (!s) {
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    sp_status st = SP_OK;
    if (fd >= 0)
        st = sp_xml_src_file(&s->src, path, fd, d);
    else
        sp_xml_src_mem(&s->src, path, data, len);
    if (st == SP_OK)
        st = stream_before(&s->src, schema_name, d);
    xmlRelaxNGPtr schema = NULL;
    const sp_xml_facets *facets = NULL;
    if (st == SP_OK)
        st = sp_xml_schema_relaxed(schema_dir, schema_name, &schema, &facets, d);
    if (st != SP_OK) {
        sp_free(s);
        return st;
    }
    s->cur.src = &s->src;
    s->st.path = path;
    s->st.d = d;
    s->st.stream = 1;
    s->schema_dir = schema_dir;
    s->schema_name = schema_name;
    s->told_before = sp_diag_count(d) + sp_diag_dropped(d);
    sp_xml_handlers_push(&s->saved, &s->st);
    s->r = xmlReaderForIO(sp_xml_src_read, NULL, &s->cur, path, "UTF-8",
                          XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (!s->r) {
        sp_xml_handlers_pop(&s->saved);
        sp_free(s);
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    /* Errors first: setting the schema hands the handler on to it. */
    xmlTextReaderSetStructuredErrorHandler(s->r, stream_error, &s->st);
    if (schema && xmlTextReaderRelaxNGSetSchema(s->r, schema) != 0) {
        sp_xml_stream_close(s);
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    s->validating = schema != NULL;
    s->facets = facets;
    *out = s;
    return SP_OK;
}

uint64_t sp_xml_stream_hash(const sp_xml_stream *s)
{
    return s->src.hash;
}

/* The reader stops at the first well-formedness error, before libxml2
 * would say the data ended early, and its messages then depend on where a
 * chunk happened to end. The tree parser says it better: the file is parsed
 * once more, on this error path only, for its messages. */
static void stream_failed(sp_xml_stream *s)
{
    s->st.stopped = 1;
    xmlDoc *doc = NULL;
    int before = sp_diag_count(s->st.d);
    const char *data = sp_xml_src_whole(&s->src, s->st.d);
    if (data && sp_xml_parse(s->st.path, data, s->src.len, NULL, NULL, &doc, s->st.d) == SP_OK)
        xmlFreeDoc(doc);
    if (sp_diag_count(s->st.d) == before)
        sp_diag_add(s->st.d, s->st.path, 0, SP_N_("geen goedgevormde XML"));
    s->st.errors++;
}

int sp_xml_stream_next(sp_xml_stream *s)
{
    if (s->st.stopped)
        return -1;
    /* After the first validity error, validate no further: only its
     * message is kept anyway, and libxml2 2.9.14's streaming RelaxNG, once
     * out of step, can report a later error against an element the reader
     * has already freed (a use-after-free read in __xmlRaiseError; xmllint
     * --stream --relaxng shows it too; found by tests/fuzz, inputs kept in
     * tests/fuzz/regressions/scenario/). Reading goes on, so a later
     * well-formedness or depth error is still found and still wins. A NULL
     * schema switches validation off at any point of the stream. */
    if (s->st.invalid && s->validating) {
        xmlTextReaderRelaxNGSetSchema(s->r, NULL);
        s->validating = 0;
    }
    int r = xmlTextReaderRead(s->r);
    if (r < 0) {
        stream_failed(s);
        return -1;
    }
    if (r == 0)
        return 0;
    int type = xmlTextReaderNodeType(s->r);
    if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
        /* The prolog scan has refused this already; a second lock. */
        sp_diag_add(s->st.d, s->st.path, 0, SP_N_("een DOCTYPE is niet toegestaan (entiteiten en DTD's worden geweigerd)"));
        s->st.errors++;
        s->st.stopped = 1;
        return -1;
    }
    if (type == XML_READER_TYPE_ELEMENT && xmlTextReaderDepth(s->r) >= SP_MAX_DEPTH) {
        sp_diag_add(s->st.d, s->st.path, sp_xml_line(xmlTextReaderCurrentNode(s->r)),
                    SP_N_("elementen zijn dieper genest dan %d niveaus"), SP_MAX_DEPTH);
        s->st.errors++;
        s->st.stopped = 1;
        return -1;
    }
    /* The facets the relaxed schema leaves out; a miss is told by
     * sp_xml_stream_errors, from the whole schema. */
    if (type == XML_READER_TYPE_ELEMENT && s->validating && s->facets &&
        !sp_xml_facets_check(s->facets, xmlTextReaderCurrentNode(s->r)))
        s->st.invalid++;
    return 1;
}

xmlTextReaderPtr sp_xml_stream_reader(sp_xml_stream *s)
{
    return s->r;
}

/* A well-formed file the fast stream refused: validated once more against
 * the whole schema, as far as its first error, which replaces the fast
 * stream's verdict (st.invalid) and message. 1 when the reader says it is
 * invalid without a message. */
static int stream_strict(sp_xml_stream *s)
{
    s->st.invalid = 0;
    s->st.valid_msg[0] = '\0';
    s->st.valid_line = 0;
    unsigned long failed = sp_alloc_failures();
    xmlRelaxNGPtr schema;
    if (sp_xml_schema(s->schema_dir, s->schema_name, &schema, s->st.d) != SP_OK) {
        s->st.errors++; /* its message is in d */
        return 0;
    }
    /* Only the validity message is wanted: d gets nothing from here. */
    xstate st = { .path = s->st.path, .stream = 1 };
    saved_handlers saved;
    sp_xml_handlers_push(&saved, &st);
    sp_xml_cursor cur = { .src = &s->src };
    xmlTextReaderPtr r = xmlReaderForIO(sp_xml_src_read, NULL, &cur, s->st.path, "UTF-8",
                                        XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    int quiet = 0;
    if (r) {
        xmlTextReaderSetStructuredErrorHandler(r, stream_error, &st);
        if (xmlTextReaderRelaxNGSetSchema(r, schema) == 0) {
            /* Stop at the first error: past it libxml2's streaming RelaxNG
             * can read freed memory (sp_xml_stream_next). */
            while (st.invalid == 0 && st.errors == 0 && xmlTextReaderRead(r) == 1)
                ;
            quiet = st.invalid == 0 && st.errors == 0 && xmlTextReaderIsValid(r) != 1;
        } else
            st.errors++;
        xmlFreeTextReader(r);
    }
    sp_xml_handlers_pop(&saved);
    if (!r || st.errors) {
        /* The file read cleanly the first time: memory ran out, which the
         * loader tells (sp_diag_memory_since). */
        if (sp_alloc_failures() == failed)
            sp_diag_add(s->st.d, s->st.path, 0, SP_N_("kan het bestand niet aan het schema toetsen"));
        s->st.errors++;
        return 0;
    }
    s->st.invalid = st.invalid;
    s->st.valid_line = st.valid_line;
    snprintf(s->st.valid_msg, sizeof s->st.valid_msg, "%s", st.valid_msg);
    return quiet;
}

int sp_xml_stream_errors(sp_xml_stream *s)
{
    /* Every check was made on the bytes the first pass read. */
    if (sp_xml_src_changed(&s->src)) {
        sp_diag_add(s->st.d, s->st.path, 0, SP_N_("het bestand is veranderd terwijl samenspel het las; open het opnieuw"));
        return ++s->st.errors;
    }
    if (s->st.errors) {
        if (sp_diag_count(s->st.d) + sp_diag_dropped(s->st.d) == s->told_before)
            sp_diag_add(s->st.d, s->st.path, 0, SP_N_("geen goedgevormde XML"));
        return s->st.errors;
    }
    /* The relaxed schema and the facets refuse exactly what the whole
     * schema refuses, but libxml2's message (and its verdict, should the
     * two ever differ) comes from the whole schema. */
    int quiet = s->validating && s->st.invalid == 0 && xmlTextReaderIsValid(s->r) != 1;
    if (s->facets && (s->st.invalid || quiet)) {
        quiet = stream_strict(s);
        if (s->st.errors)
            return s->st.errors;
    }
    if (s->st.valid_msg[0]) {
        /* Every departure from the schema in the author's terms; libxml2's
         * first message only when that finds nothing to say. */
        const char *data = sp_xml_src_whole(&s->src, s->st.d);
        if (!data || sp_xml_explain(s->st.path, data, s->src.len, s->schema_dir, s->schema_name, s->st.d) == 0)
            sp_diag_add(s->st.d, s->st.path, s->st.valid_line, "%s", s->st.valid_msg);
        s->st.valid_msg[0] = '\0';
    }
    /* The reader counts validity errors itself; should one ever come
     * without a message, it still counts. */
    if (quiet) {
        sp_diag_add(s->st.d, s->st.path, 0, SP_N_("past niet bij het schema"));
        s->st.invalid++;
    }
    return s->st.invalid;
}

void sp_xml_stream_close(sp_xml_stream *s)
{
    if (!s)
        return;
    xmlFreeTextReader(s->r);
    sp_xml_handlers_pop(&s->saved);
    sp_xml_src_done(&s->src);
    sp_free(s);
}

