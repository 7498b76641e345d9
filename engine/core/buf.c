/* buf.c: the one growing string of engine/ (buf.h). */
#include "buf.h"
#include "alloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Room for n more bytes and the NUL; 0, or -1 (nomem set). */
static int reserve(sp_buf *b, size_t n)
{
    if (b->nomem)
        return -1;
    if (b->len + n + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *p = sp_realloc(b->s, cap);
    if (!p) {
        b->nomem = 1;
        return -1;
    }
    b->s = p;
    b->cap = cap;
    return 0;
}

void sp_buf_put_n(sp_buf *b, const char *s, size_t n)
{
    if (reserve(b, n) != 0)
        return;
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void sp_buf_put(sp_buf *b, const char *s)
{
    sp_buf_put_n(b, s, strlen(s));
}

void sp_buf_putf(sp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || reserve(b, (size_t)n) != 0)
        return;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *sp_buf_finish(sp_buf *b, size_t *len)
{
    if (b->nomem) {
        sp_free(b->s);
        b->s = NULL;
        return NULL;
    }
    if (len)
        *len = b->len;
    return b->s;
}
