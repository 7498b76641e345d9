/* export_buf.h: inside the export module only: the growing string the writers (export.c, export_html.c, export_figures.c) build into. */
#ifndef SP_EXPORT_BUF_H
#define SP_EXPORT_BUF_H

#include <stddef.h>
#include "export.h"

typedef struct sp_export_buf {
    char *s;
    size_t len, cap;
    int nomem;             /* an allocation failed: finish returns NULL */
} sp_export_buf;

void sp_export_buf_put_n(sp_export_buf *b, const char *s, size_t n);
void sp_export_buf_put(sp_export_buf *b, const char *s);
void sp_export_buf_putf(sp_export_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The string (malloc'd) and its length; NULL when memory ran out. */
char *sp_export_buf_finish(sp_export_buf *b, size_t *len);
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
