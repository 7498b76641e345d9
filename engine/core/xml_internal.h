/* xml_internal.h: core-internal: what xml.c shares with xml_stream.c: error capture, setup, byte checks, schemas. */
#ifndef SP_XML_INTERNAL_H
#define SP_XML_INTERNAL_H

/* Not a public header: only engine/core/xml*.c include it; the loaders use
 * xml.h. */

#include "xml.h"
#include "translate.h" /* SP_N_: the messages are Dutch msgids */

#include <stdint.h>
#include <sys/stat.h>
#include <libxml/relaxng.h>

/* ---- error capture (xml.c) ------------------------------------------------ */

typedef struct xstate {
    const char *path;
    sp_diag *d;
    int depth;
    int errors;      /* well-formedness errors seen (and our own refusals) */
    int stopped;     /* we stopped the parser: later libxml2 noise is dropped */
    int told_eof;    /* a premature-end-of-data message was given */
    int named;       /* the first error was one own_message names exactly */
    int invalid;     /* validity errors seen */
    /* Streaming (sp_xml_stream): well-formedness messages come from a
     * re-parse (see stream_failed), and only the first validity message is
     * kept, to be shown when the file is otherwise well-formed. */
    int stream;
    long valid_line;
    char valid_msg[512];
    startElementNsSAX2Func start;
    endElementNsSAX2Func end;
} xstate;

/* Turns one libxml2 error into a message in st->d (or counts it). */
void sp_xml_report(xstate *st, xmlErrorPtr e);

/* Routes libxml2's process-wide error channels to st for the duration of
 * one call, and puts the previous handlers back afterwards. */
typedef struct saved_handlers {
    xmlStructuredErrorFunc serror;
    void *sctx;
    xmlGenericErrorFunc gerror;
    void *gctx;
} saved_handlers;

void sp_xml_handlers_push(saved_handlers *s, xstate *st);
void sp_xml_handlers_pop(const saved_handlers *s);

/* ---- setup and schemas (xml.c) ---------------------------------------------- */

/* Once per process: libxml2 initialised, the deny-all entity loader, the
 * schema cache released at exit. */
void sp_xml_init(void);

/* ---- the bytes of a file (xml_src.c) ------------------------------------------ */

/* Where a file's bytes come from: the file itself, read in pieces (fd), or
 * bytes in memory (fd -1). The passes over it read through cursors. */
typedef struct sp_xml_src {
    const char *path;
    int fd;               /* borrowed: the caller closes it */
    const char *data;     /* fd -1: the bytes */
    size_t len;           /* the bytes sp_xml_src_check took (a file: as read then) */
    struct stat st;       /* a file: its fstat before the first read */
    char *whole;          /* a file: all of it, read only for a refused file's messages */
    uint64_t hash;        /* sp_fs_hash of the bytes, from sp_xml_src_check */
} sp_xml_src;

typedef struct sp_xml_cursor {
    const sp_xml_src *src;
    size_t pos;
} sp_xml_cursor;

void sp_xml_src_mem(sp_xml_src *s, const char *path, const char *data, size_t len);
/* SP_EIO with a message when fd cannot be stat'ed. */
sp_status sp_xml_src_file(sp_xml_src *s, const char *path, int fd, sp_diag *d);
/* One pass over the bytes: what is refused before libxml2 sees a byte
 * (empty, too large, UTF-16, NUL bytes, a declared encoding other than
 * UTF-8, invalid UTF-8), with a message in d; sets len and hash. */
sp_status sp_xml_src_check(sp_xml_src *s, sp_diag *d);
/* libxml2's xmlInputReadCallback over a cursor (ctx): the checked bytes. */
int sp_xml_src_read(void *ctx, char *buf, int len);
/* The first n (<= len) bytes into buf; SP_EIO with a message. */
sp_status sp_xml_src_head(const sp_xml_src *s, size_t n, char *buf, sp_diag *d);
/* All the bytes, NUL-terminated, read once and kept until sp_xml_src_done;
 * NULL with a message in d. Only for the messages of a refused file. */
const char *sp_xml_src_whole(sp_xml_src *s, sp_diag *d);
/* The line (from 1) of byte offset off. */
long sp_xml_src_line_at(const sp_xml_src *s, size_t off);
/* 1 when the file is no longer what sp_xml_src_check read (size, mtime,
 * ctime): it was written to while it loaded. */
int sp_xml_src_changed(const sp_xml_src *s);
void sp_xml_src_done(sp_xml_src *s);

/* sp_xml_src_check on bytes in memory. */
sp_status sp_xml_precheck(const char *path, const char *data, size_t len, sp_diag *d);

/* The line (from 1) of byte offset off in data. */
long sp_xml_line_at(const char *data, size_t off);

/* ---- schemas (xml.c) ------------------------------------------------------------ */

/* The schema dir/name compiled into *out, cached for the life of the
 * process; *out NULL when name is NULL (nothing to validate against).
 * SP_EIO, with a message in d, when it cannot be read or compiled. */
sp_status sp_xml_schema(const char *dir, const char *name, xmlRelaxNGPtr *out, sp_diag *d);

/* ---- facets checked outside libxml2 (xml_facets.c) ---------------------------- */

/* The attribute facets (pattern, minLength, maxLength, minInclusive,
 * maxInclusive) of a schema, checked with each regexp compiled once. */
typedef struct sp_xml_facets sp_xml_facets;

/* Takes out of the schema document the attribute facets that can be
 * checked by element and attribute name alone, into *out (NULL when there
 * are none). SP_ENOMEM when memory ran out (the document may then be half
 * changed: the caller drops it). */
sp_status sp_xml_facets_relax(xmlDoc *schema, sp_xml_facets **out);
/* 1 when every attribute of el that f has a rule for meets it, else 0
 * (also when memory ran out). */
int sp_xml_facets_check(const sp_xml_facets *f, const xmlNode *el);
void sp_xml_facets_free(sp_xml_facets *f);

/* The schema without the facets *facets holds (xml.c's cache), for the
 * stream: a file is valid when it matches *out and every element passes
 * sp_xml_facets_check. */
sp_status sp_xml_schema_relaxed(const char *dir, const char *name, xmlRelaxNGPtr *out,
                                const sp_xml_facets **facets, sp_diag *d);

/* ---- explaining a refusal (xml_explain.c) --------------------------------------- */

/* For a file that does not match schema_dir/schema_name: every departure,
 * in the author's terms, added to d. Returns how many it found (0: the
 * caller keeps libxml2's own message). */
int sp_xml_explain(const char *path, const char *data, size_t len, const char *schema_dir,
                   const char *schema_name, sp_diag *d);

#endif
