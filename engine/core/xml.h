/* xml.h: the one place that parses untrusted XML: size caps, no network, no DTD, no entities, RelaxNG. */
#ifndef SP_XML_H
#define SP_XML_H

/* Internal to the core: only the loaders include this header, and no
 * libxml2 type leaves the loader .c files. */

#include <stddef.h>
#include <libxml/tree.h>
#include "diag.h"

/* Parses data (len bytes) into a document: XML_PARSE_NONET | BIG_LINES,
 * never NOENT/DTDLOAD/DTDATTR/DTDVALID/HUGE/RECOVER/XInclude; a DOCTYPE is
 * refused; a deny-all external entity loader is installed; nesting deeper
 * than SP_MAX_DEPTH is refused. Then validates against schema_dir/schema_name.
 * Messages go to d as "path:line: message". */
sp_status sp_xml_parse(const char *path, const char *data, size_t len,
                       const char *schema_dir, const char *schema_name,
                       xmlDoc **out, sp_diag *d);

#endif
