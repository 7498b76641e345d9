/* xml.h: the one place that parses untrusted XML: size caps, no network, no DTD, no entities, RelaxNG. */
#ifndef SP_XML_H
#define SP_XML_H

/* Internal to the core: only the loaders include this header, and no
 * libxml2 type leaves the loader .c files. */

#include <stddef.h>
#include <stdint.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include "diag.h"
#include "model.h"

struct sp_arena;

/* Parses data (len bytes) into a document: XML_PARSE_NONET | BIG_LINES,
 * never NOENT/DTDLOAD/DTDATTR/DTDVALID/HUGE/RECOVER/XInclude; a DOCTYPE is
 * refused; a deny-all external entity loader is installed; nesting deeper
 * than SP_MAX_DEPTH is refused. Then validates against schema_dir/schema_name.
 * Messages go to d as "path:line: message". */
sp_status sp_xml_parse(const char *path, const char *data, size_t len,
                       const char *schema_dir, const char *schema_name,
                       xmlDoc **out, sp_diag *d);

/* The same checks on a validating stream (xmlTextReader with streaming
 * RelaxNG), for files too large to hold as a tree. The DOCTYPE is refused
 * by a scan of the prolog before parsing. With fd >= 0 the file is read
 * from fd in pieces, never whole (fd is borrowed; data and len unused);
 * else from the len bytes at data. */
typedef struct sp_xml_stream sp_xml_stream;
sp_status sp_xml_stream_open(const char *path, int fd, const char *data, size_t len,
                             const char *schema_dir, const char *schema_name,
                             sp_xml_stream **out, sp_diag *d);
/* sp_fs_hash of the bytes the stream reads. */
uint64_t sp_xml_stream_hash(const sp_xml_stream *s);
/* Advances the reader: 1 a node, 0 the end, -1 stopped (messages in d). */
int sp_xml_stream_next(sp_xml_stream *s);
xmlTextReaderPtr sp_xml_stream_reader(sp_xml_stream *s);
/* Well-formedness, validity and limit errors so far (all reported in d). */
int sp_xml_stream_errors(sp_xml_stream *s);
void sp_xml_stream_close(sp_xml_stream *s);

/* The compiled schemas are kept in a process-wide cache (xml.c) until
 * exit; this releases them now. For tests that count live memory: the
 * next parse compiles its schema again. */
void sp_xml_schemas_release(void);

/* Helpers for the loaders, so handbook.c and scenario.c read the tree the
 * same way. */

/* Source line of a node (lines past 65535 included). */
long sp_xml_line(const xmlNode *n);

/* The value of an attribute without namespace, or NULL when absent. Borrowed
 * from the tree (or copied into a when libxml2 split it): valid until the
 * document or the arena is freed. */
const char *sp_xml_attr(struct sp_arena *a, const xmlNode *n, const char *name);

/* Reads an element holding prose: its direct text is Dutch, <t xml:lang="en">
 * children are translations. White space is folded (a run becomes one
 * space, a run with a blank line "\n"; ends trimmed), each text is capped at
 * SP_MAX_TEXT_BYTES. required: Dutch must not be empty. Problems go to d as
 * "path:line: message" and give SP_EINVAL; out holds what could be read. */
sp_status sp_xml_text(struct sp_arena *a, const char *path, const xmlNode *el,
                      int required, sp_text *out, sp_diag *d);

#endif
