/* buf.h: the growing string every writer in engine/ builds into (the exports, the transcript, the terminal's wrapping): append, printf, then take the result. */
#ifndef SP_BUF_H
#define SP_BUF_H

#include <stddef.h>

/* Zero-initialise (sp_buf b = { 0 }). Once an allocation fails, nomem is
 * set, later appends do nothing and sp_buf_finish() returns NULL, so a
 * writer checks once, at the end. While nothing failed, s is NUL-terminated
 * after the first append. */
typedef struct sp_buf {
    char *s;
    size_t len, cap;
    int nomem;
} sp_buf;

void sp_buf_put_n(sp_buf *b, const char *s, size_t n);
void sp_buf_put(sp_buf *b, const char *s);
void sp_buf_putf(sp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The string (the caller frees it) and, when len is not NULL, its length;
 * NULL (the memory freed) when an allocation failed. */
char *sp_buf_finish(sp_buf *b, size_t *len);

#endif
