/* xml.c: the one place that parses untrusted XML into a tree: size caps, no network, no DTD, no entities. */
#include "xml_internal.h"
#include "alloc.h"
#include "arena.h"
#include "fs.h"
#include "scenario.h" /* the SP_MAX_* limits */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

/*
 * Hardening, in the order a hostile file meets it (xml_stream.c does the
 * same on a stream, with a scan of the prolog in place of the SAX hooks):
 *   - the file is read with a size cap (sp_fs_read; a scenario in pieces,
 *     xml_src.c, capped at the same size);
 *   - empty, binary (NUL bytes) and invalid UTF-8 input is refused before
 *     libxml2 sees it, and the encoding is forced to UTF-8;
 *   - parse options are XML_PARSE_NONET | XML_PARSE_BIG_LINES and nothing
 *     else: no entity substitution, no DTD loading or defaulting, no HUGE;
 *   - the SAX internalSubset/externalSubset callbacks stop the parser at the
 *     first DOCTYPE, before an internal subset (and so any entity
 *     declaration) is read; the document is checked once more afterwards;
 *   - a deny-all external entity loader is installed process wide;
 *   - startElementNs counts depth and stops the parser past SP_MAX_DEPTH,
 *     long before libxml2's own limit of 256;
 *   - every libxml2 message goes through a structured error handler into
 *     the diag as "path:line: message"; libxml2 never prints.
 */

/* ---- error capture ------------------------------------------------------- */

static long node_line(const xmlNode *n)
{
    return n ? xmlGetLineNo(n) : 0;
}

static int is_premature_end(int code)
{
    return code == XML_ERR_TAG_NOT_FINISHED || code == XML_ERR_LTSLASH_REQUIRED ||
           code == XML_ERR_DOCUMENT_END;
}

/* The well-formedness mistakes authors make, in their terms and in the
 * diag's language; 0 for the rest (libxml2's own English stays). */
static int own_message(const sp_diag *d, const xmlError *e, char *buf, size_t len)
{
    const char *s1 = e->str1 ? e->str1 : "";
    switch (e->code) {
    case XML_ERR_LT_IN_ATTRIBUTE:
        snprintf(buf, len, "%s", sp_diag_tr(d, "'<' in een attribuutwaarde: schrijf &lt; (bijvoorbeeld if=\"vertrouwen &lt; 40\")"));
        return 1;
    case XML_ERR_TAG_NAME_MISMATCH:
        snprintf(buf, len, sp_diag_tr(d, "</%s> sluit <%s> (regel %d) niet af: de sluittag moet </%s> zijn"),
                 e->str2 ? e->str2 : "", s1, e->int1, s1);
        return 1;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        snprintf(buf, len, sp_diag_tr(d, "het attribuut '%s' staat twee keer in één element"), s1);
        return 1;
    case XML_ERR_ATTRIBUTE_NOT_STARTED: /* (WITHOUT_VALUE is also what a cut-off file gives) */
        snprintf(buf, len, "%s", sp_diag_tr(d, "een attribuutwaarde hoort tussen aanhalingstekens: naam=\"waarde\""));
        return 1;
    case XML_ERR_UNDECLARED_ENTITY:
        snprintf(buf, len, sp_diag_tr(d, "onbekende entiteit '&%s;': schrijf het teken zelf, of een van &amp; &lt; &gt; &quot; &apos;"), s1);
        return 1;
    case XML_ERR_NAME_REQUIRED:
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        if (e->message && strncmp(e->message, "xmlParseEntityRef", 17) == 0) {
            snprintf(buf, len, "%s", sp_diag_tr(d, "een losse '&': schrijf &amp;"));
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

void sp_xml_report(xstate *st, xmlErrorPtr e)
{
    if (!e || e->level < XML_ERR_ERROR || st->stopped)
        return;
    long line = e->line;
    if (e->node && (e->domain == XML_FROM_RELAXNGV || e->domain == XML_FROM_VALID))
        line = node_line((const xmlNode *)e->node);
    /* libxml2 ends its messages with a newline. */
    char msg[512];
    if (!own_message(st->d, e, msg, sizeof msg))
        snprintf(msg, sizeof msg, "%s", e->message ? e->message : "malformed XML");
    size_t n = strlen(msg);
    while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        msg[--n] = '\0';
    if (e->domain != XML_FROM_PARSER && e->domain != XML_FROM_NAMESPACE &&
        e->domain != XML_FROM_IO && e->domain != XML_FROM_I18N) {
        if (!st->stream)
            sp_diag_add(st->d, st->path, line, "%s", msg);
        else if (st->invalid == 0) {
            /* The streaming validator loses its place after the first
             * error and reports every element that follows. */
            st->valid_line = line;
            snprintf(st->valid_msg, sizeof st->valid_msg, "%s", msg);
        }
        st->invalid++;
        return;
    }
    st->errors++;
    /* Streaming: a fatal error stops the reader and is told by the re-parse
     * (stream_failed); a recoverable one (a bad namespace URI) is told now. */
    if (st->stream && e->level == XML_ERR_FATAL)
        return;
    /* libxml2's own depth limit (256), should it ever come first. */
    if (strncmp(msg, "Excessive depth in document", 27) == 0)
        snprintf(msg, sizeof msg, sp_diag_tr(st->d, "elementen zijn dieper genest dan %d niveaus"), SP_MAX_DEPTH);
    /* After the first well-formedness error libxml2 goes on and reports
     * what follows from it. Only the first is worth reading, plus the
     * end-of-data error that tells a truncated file. */
    if (st->errors == 1) {
        sp_diag_add(st->d, st->path, line, "%s%s", msg,
                    is_premature_end(e->code) ? sp_diag_tr(st->d, " (is het bestand afgekapt?)") : "");
        /* A mistake we could name exactly: what libxml2 says after it
         * follows from it. */
        st->named = own_message(st->d, e, msg, sizeof msg);
    } else if (is_premature_end(e->code) && !st->told_eof && !st->named)
        sp_diag_add(st->d, st->path, line, SP_N_("%s (is het bestand afgekapt?)"), msg);
    if (is_premature_end(e->code))
        st->told_eof = 1;
}

/* Parser errors: the callback gets the parser context as its data. */
static void parser_error(void *ctx, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = ctx;
    if (ctxt && ctxt->_private)
        sp_xml_report(ctxt->_private, e);
}

/* RelaxNG and anything raised without a parser context. */
static void state_error(void *ctx, xmlErrorPtr e)
{
    if (ctx)
        sp_xml_report(ctx, e);
}

/* libxml2's unstructured channel: must never reach stderr. */
static void silent_error(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

void sp_xml_handlers_push(saved_handlers *s, xstate *st)
{
    s->serror = xmlStructuredError;
    s->sctx = xmlStructuredErrorContext;
    s->gerror = xmlGenericError;
    s->gctx = xmlGenericErrorContext;
    xmlSetStructuredErrorFunc(st, state_error);
    xmlSetGenericErrorFunc(NULL, silent_error);
}

void sp_xml_handlers_pop(const saved_handlers *s)
{
    xmlSetStructuredErrorFunc(s->sctx, s->serror);
    xmlSetGenericErrorFunc(s->gctx, s->gerror);
    /* libxml2 also keeps a process-wide copy of the last error (its message
     * and file name, allocated); every error has reached d through st, so
     * the copy is dropped rather than held until the next error. */
    xmlResetLastError();
}

/* ---- process-wide setup --------------------------------------------------- */

static xmlParserInputPtr deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL; /* libxml2 then reports "failed to load external entity" */
}

/*
 * The XML layer's process-wide state, all of it in this file:
 *   - schemas[] / n_schemas: the compiled schemas, one slot per schema file
 *     (at most SCHEMA_SLOTS; past that the oldest is dropped), kept for
 *     the life of the process so a batch of scenarios does not compile them
 *     again. A slot holds the whole schema (for the tree parser, and for
 *     the stream's verdict on a refused file) and, for the stream, the
 *     same schema with its attribute facets taken out plus those facets
 *     (xml_facets.c); each is compiled the first time it is asked for.
 *     Released at exit, or by sp_xml_schemas_release. Not guarded by a
 *     lock: the core loads files on one thread.
 *   - sp_xml_init's flag, and what it sets in libxml2 once: its
 *     allocations routed through the core's hook (alloc.h), the deny-all
 *     external entity loader, and the atexit handler that frees the cache.
 *   - libxml2's own error handlers (xmlSetStructuredErrorFunc and the
 *     generic one) are global too: sp_xml_handlers_push points them at the
 *     current parse and sp_xml_handlers_pop puts the previous ones back, so
 *     they are ours only for the length of one call.
 */
typedef struct schema_slot {
    char *path;
    xmlRelaxNGPtr schema;       /* the whole schema, NULL until asked for */
    xmlRelaxNGPtr relaxed;      /* without the facets below, NULL until asked for */
    sp_xml_facets *facets;      /* NULL: nothing taken out (relaxed is the whole schema) */
} schema_slot;

#define SCHEMA_SLOTS 8
static schema_slot schemas[SCHEMA_SLOTS];
static int n_schemas;

static void slot_free(schema_slot *s)
{
    xmlRelaxNGFree(s->schema);
    if (s->relaxed != s->schema)
        xmlRelaxNGFree(s->relaxed);
    sp_xml_facets_free(s->facets);
    sp_free(s->path);
}

void sp_xml_schemas_release(void)
{
    for (int i = 0; i < n_schemas; i++)
        slot_free(&schemas[i]);
    n_schemas = 0;
}

static void xml_at_exit(void)
{
    sp_xml_schemas_release();
    xmlCleanupParser();
}

void sp_xml_init(void)
{
    static int done;
    if (done)
        return;
    done = 1;
    sp_alloc_route_libxml2();
    xmlInitParser();
    xmlSetExternalEntityLoader(deny_loader);
    atexit(xml_at_exit);
}

/* ---- SAX guards ----------------------------------------------------------- */

static void refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *eid, const xmlChar *sid)
{
    (void)name;
    (void)eid;
    (void)sid;
    xmlParserCtxtPtr ctxt = ctx;
    xstate *st = ctxt->_private;
    if (!st->stopped) {
        sp_diag_add(st->d, st->path, ctxt->input ? ctxt->input->line : 0,
                    SP_N_("een DOCTYPE is niet toegestaan (entiteiten en DTD's worden geweigerd)"));
        st->errors++;
        st->stopped = 1;
    }
    xmlStopParser(ctxt);
}

static void guarded_start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                          const xmlChar *URI, int nb_namespaces, const xmlChar **namespaces,
                          int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    xstate *st = ctxt->_private;
    if (++st->depth > SP_MAX_DEPTH) {
        if (!st->stopped) {
            sp_diag_add(st->d, st->path, ctxt->input ? ctxt->input->line : 0,
                        SP_N_("elementen zijn dieper genest dan %d niveaus"), SP_MAX_DEPTH);
            st->errors++;
            st->stopped = 1;
        }
        xmlStopParser(ctxt);
        return;
    }
    st->start(ctx, localname, prefix, URI, nb_namespaces, namespaces,
              nb_attributes, nb_defaulted, attributes);
}

static void guarded_end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
                        const xmlChar *URI)
{
    xmlParserCtxtPtr ctxt = ctx;
    xstate *st = ctxt->_private;
    st->depth--;
    st->end(ctx, localname, prefix, URI);
}

/* ---- schemas --------------------------------------------------------------- */

/* The slot of schema file path, made when there is none; NULL out of memory. */
static schema_slot *schema_slot_of(const char *path)
{
    for (int i = 0; i < n_schemas; i++)
        if (strcmp(schemas[i].path, path) == 0)
            return &schemas[i];
    char *copy = sp_strdup(path);
    if (!copy)
        return NULL;
    if (n_schemas == SCHEMA_SLOTS) {
        /* More schema files than we ever ship: drop the oldest. */
        slot_free(&schemas[0]);
        memmove(schemas, schemas + 1, (SCHEMA_SLOTS - 1) * sizeof schemas[0]);
        n_schemas--;
    }
    schema_slot *s = &schemas[n_schemas++];
    memset(s, 0, sizeof *s);
    s->path = copy;
    return s;
}

/* Compiles the schema file path; with facets, first takes the attribute
 * facets out of it into *facets (xml_facets.c). NULL with a message in d
 * when it cannot. */
static xmlRelaxNGPtr schema_compile(const char *path, sp_xml_facets **facets, sp_diag *d)
{
    /* Our own file, but still read with a cap and parsed without network. */
    char *data;
    size_t len;
    if (sp_fs_read(path, SP_MAX_FILE_BYTES, &data, &len, d) != SP_OK)
        return NULL;
    xstate st = { .path = path, .d = d };
    saved_handlers saved;
    sp_xml_handlers_push(&saved, &st);
    xmlDocPtr doc = xmlReadMemory(data, (int)len, path, "UTF-8", XML_PARSE_NONET);
    sp_free(data);
    xmlRelaxNGPtr schema = NULL;
    int oom = 0;
    if (doc && facets)
        oom = sp_xml_facets_relax(doc, facets) != SP_OK;
    if (doc && !oom) {
        xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(doc);
        if (pc) {
            xmlRelaxNGSetParserStructuredErrors(pc, state_error, &st);
            schema = xmlRelaxNGParse(pc);
            xmlRelaxNGFreeParserCtxt(pc);
        }
    }
    xmlFreeDoc(doc);
    sp_xml_handlers_pop(&saved);
    if (!schema && facets) {
        sp_xml_facets_free(*facets);
        *facets = NULL;
    }
    /* (Out of memory is told by the caller, which sees the refusal.) */
    if (!schema && !oom && st.errors + st.invalid == 0)
        sp_diag_add(d, path, 0, SP_N_("het schema laat zich niet compileren"));
    return schema;
}

/* The slot of dir/name with the whole schema compiled, or (relaxed) the
 * schema without its facets; NULL with a message in d. */
static schema_slot *schema_get(const char *dir, const char *name, int relaxed, sp_diag *d)
{
    char path[4096];
    int n = snprintf(path, sizeof path, "%s/%s", dir && dir[0] ? dir : ".", name);
    if (n < 0 || (size_t)n >= sizeof path) {
        sp_diag_add(d, name, 0, SP_N_("het pad van het schema is te lang"));
        return NULL;
    }
    schema_slot *s = schema_slot_of(path);
    if (!s) {
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return NULL;
    }
    if (relaxed ? s->relaxed != NULL : s->schema != NULL)
        return s;
    if (!relaxed)
        s->schema = schema_compile(path, NULL, d);
    else {
        s->relaxed = schema_compile(path, &s->facets, d);
        if (s->relaxed && !s->facets && !s->schema)
            s->schema = s->relaxed; /* nothing was taken out: the same schema */
    }
    return (relaxed ? s->relaxed : s->schema) ? s : NULL;
}

static sp_status schema_status(const char *name, unsigned long failed, sp_diag *d)
{
    /* libxml2 may report a refused allocation as an error in the schema. */
    if (sp_alloc_failures() != failed) {
        sp_diag_add(d, name, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    return SP_EIO;
}

sp_status sp_xml_schema(const char *dir, const char *name, xmlRelaxNGPtr *out, sp_diag *d)
{
    unsigned long failed = sp_alloc_failures();
    *out = NULL;
    if (!name)
        return SP_OK;
    schema_slot *s = schema_get(dir, name, 0, d);
    if (s) {
        *out = s->schema;
        return SP_OK;
    }
    return schema_status(name, failed, d);
}

sp_status sp_xml_schema_relaxed(const char *dir, const char *name, xmlRelaxNGPtr *out,
                                const sp_xml_facets **facets, sp_diag *d)
{
    unsigned long failed = sp_alloc_failures();
    *out = NULL;
    *facets = NULL;
    schema_slot *s = schema_get(dir, name, 1, d);
    if (s) {
        *out = s->relaxed;
        *facets = s->facets;
        return SP_OK;
    }
    return schema_status(name, failed, d);
}

/* ---- parsing ----------------------------------------------------------------- */

/* Moves messages made as "path:line: text" (or "path: text") into d. */
static void pass_held(const char *path, const sp_diag *held, sp_diag *d)
{
    size_t plen = strlen(path);
    for (int i = 0; i < sp_diag_count(held); i++) {
        const char *m = sp_diag_message(held, i) + plen + 1;
        long line = 0;
        if (*m >= '0' && *m <= '9') {
            char *end;
            line = strtol(m, &end, 10);
            m = end + 1;
        }
        sp_diag_add(d, path, line, "%s", *m == ' ' ? m + 1 : m);
    }
}

static sp_status parse(const char *path, const char *data, size_t len, const char *schema_dir,
                       const char *schema_name, xmlDoc **out, sp_diag *d)
{
    sp_xml_init();

    if (sp_xml_precheck(path, data, len, d) != SP_OK)
        return SP_EINVAL;

    xmlRelaxNGPtr schema;
    sp_status sst = sp_xml_schema(schema_dir, schema_name, &schema, d);
    if (sst != SP_OK)
        return sst;

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    xstate st = { .path = path, .d = d };
    saved_handlers saved;
    sp_xml_handlers_push(&saved, &st);

    ctxt->_private = &st;
    ctxt->sax->serror = parser_error;
    ctxt->sax->internalSubset = refuse_doctype;
    ctxt->sax->externalSubset = refuse_doctype;
    st.start = ctxt->sax->startElementNs;
    st.end = ctxt->sax->endElementNs;
    ctxt->sax->startElementNs = guarded_start;
    ctxt->sax->endElementNs = guarded_end;

    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    int well_formed = ctxt->wellFormed && !st.stopped && st.errors == 0;
    xmlFreeParserCtxt(ctxt);

    sp_status status = SP_OK;
    if (!doc || !well_formed) {
        if (st.errors == 0)
            sp_diag_add(d, path, 0, SP_N_("geen goedgevormde XML"));
        status = SP_EINVAL;
    } else if (doc->intSubset || doc->extSubset) {
        sp_diag_add(d, path, 0, SP_N_("een DOCTYPE is niet toegestaan (entiteiten en DTD's worden geweigerd)"));
        status = SP_EINVAL;
    } else if (schema) {
        xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
        if (!vc) {
            sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
            status = SP_ENOMEM;
        } else {
            /* libxml2's messages are held back: the explainer's, in the
             * author's terms, come first (xml_explain.c). */
            sp_diag *held = sp_diag_new();
            st.d = held;
            xmlRelaxNGSetValidStructuredErrors(vc, state_error, &st);
            int r = xmlRelaxNGValidateDoc(vc, doc);
            xmlRelaxNGFreeValidCtxt(vc);
            st.d = d;
            if (r != 0) {
                if (sp_xml_explain(path, data, len, schema_dir, schema_name, d) == 0) {
                    pass_held(path, held, d);
                    if (st.invalid == 0)
                        sp_diag_add(d, path, 0, SP_N_("past niet bij het schema %s"), schema_name);
                }
                status = SP_EINVAL;
            }
            sp_diag_free(held);
        }
    }
    sp_xml_handlers_pop(&saved);
    if (status != SP_OK) {
        xmlFreeDoc(doc);
        return status;
    }
    *out = doc;
    return SP_OK;
}

sp_status sp_xml_parse(const char *path, const char *data, size_t len,
                       const char *schema_dir, const char *schema_name,
                       xmlDoc **out, sp_diag *d)
{
    *out = NULL;
    unsigned long failed = sp_alloc_failures();
    return sp_diag_memory_since(d, path, parse(path, data, len, schema_dir, schema_name, out, d), failed);
}

/* ---- reading the tree ---------------------------------------------------------- */

long sp_xml_line(const xmlNode *n)
{
    return node_line(n);
}

const char *sp_xml_attr(struct sp_arena *a, const xmlNode *n, const char *name)
{
    for (const xmlAttr *at = n->properties; at; at = at->next) {
        if (at->ns || strcmp((const char *)at->name, name) != 0)
            continue;
        const xmlNode *c = at->children;
        if (!c)
            return "";
        /* Without a DTD, libxml2 stores an attribute value as one text
         * node; anything else is copied out through the general path. */
        if (c->type == XML_TEXT_NODE && !c->next && c->content)
            return (const char *)c->content;
        xmlChar *v = xmlNodeListGetString(n->doc, c, 1);
        char *r = v ? sp_arena_strdup(a, (const char *)v) : NULL;
        xmlFree(v);
        return r ? r : "";
    }
    return NULL;
}

