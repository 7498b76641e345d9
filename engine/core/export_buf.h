/* export_buf.h: inside the export module only: the growing string the writers (export.c, export_html.c, export_figures.c) build into. */
#ifndef SP_EXPORT_BUF_H
#define SP_EXPORT_BUF_H

#include <stddef.h>
#include "buf.h"
#include "export.h"

/* The writers build into the core's one growing string (buf.h), under the
 * export's names. */
typedef sp_buf sp_export_buf;
#define sp_export_buf_put_n(b, s, n) sp_buf_put_n(b, s, n)
#define sp_export_buf_put(b, s) sp_buf_put(b, s)
#define sp_export_buf_putf(...) sp_buf_putf(__VA_ARGS__)
#define sp_export_buf_finish(b, len) sp_buf_finish(b, len)
/* The labels of an option's interventions in r's language, joined by sep;
 * html: escaped for HTML. */
void sp_export_buf_interventions(sp_export_buf *b, const sp_replay *r, const sp_option *o, const char *sep,
                                 int html);
/* Text for HTML content (a line break becomes <br>) or an attribute value. */
void sp_export_buf_esc(sp_export_buf *b, const char *s, int attr);

/* The figures section of the HTML page (export_figures.c). */
void sp_export_html_figures(sp_export_buf *b, const sp_replay *r, const sp_debrief *d);
/* The CSV rows after the decisions (export_figures.c); field writes one
 * CSV field (first: no comma before it); cols: fields a row. */
void sp_export_csv_figures(sp_export_buf *b, const sp_replay *r, const sp_debrief *d, int cols,
                           void (*field)(sp_export_buf *, const char *, int));

#endif
