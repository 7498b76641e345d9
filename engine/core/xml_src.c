/* xml_src.c: the bytes an XML file is read from (a file in pieces, or memory) and the checks made on them before libxml2. */
#include "xml_internal.h"
#include "alloc.h"
#include "utf8_internal.h"
#include "fs.h"
#include "scenario.h" /* SP_MAX_FILE_BYTES */

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/*
 * A scenario file is never held whole while it loads: each pass over it
 * (these byte checks, the stray-text pass, the validating stream) reads it
 * in pieces of CHUNK bytes with pread, each pass with its own cursor, so
 * the passes do not share a file offset. Only the messages of a refused
 * file need all of it at once (sp_xml_src_whole). A file that changes while
 * the passes read it is refused (sp_xml_src_changed): the checks must hold
 * for the bytes libxml2 parses.
 */

#define CHUNK 65536
#define NONE SIZE_MAX

/* ---- the checks, fed piece by piece ----------------------------------------- */

typedef struct bytes_chk {
    size_t len;            /* bytes taken so far */
    int non_space;         /* a byte other than white space seen */
    size_t nul, bad, gt;   /* offsets of the first NUL, bad UTF-8 byte, '>' (NONE) */
    unsigned char bad_byte;
    char head[3 + 256];    /* the first bytes: BOM and XML declaration */
    size_t n_head;
    uint64_t hash;         /* FNV-1a 64, as sp_fs_hash */
} bytes_chk;

/* Offset of the first byte that is not part of well-formed UTF-8 (no
 * overlongs, no surrogates, nothing past U+10FFFF), or len when all is well. */
static size_t utf8_bad(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* ASCII runs are the common case: skip them eight at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        int n = sp_utf8_len(s + i, len - i);
        if (n == 0)
            return i;
        i += (size_t)n;
    }
    return len;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void chk_init(bytes_chk *c)
{
    memset(c, 0, sizeof *c);
    c->nul = c->bad = c->gt = NONE;
    c->hash = 14695981039346656037ULL;
}

/* Takes the bytes p[0..n) and returns how many it took: all of them, or
 * (when more follow) all but a UTF-8 sequence that may be cut off at the
 * end, which the caller passes again in front of the next bytes. */
static size_t chk_feed(bytes_chk *c, const char *p, size_t n, int last)
{
    size_t take = n;
    if (c->bad == NONE) {
        size_t b = utf8_bad((const unsigned char *)p, n);
        if (b < n && !last && n - b < 4)
            take = b;
        else if (b < n) {
            c->bad = c->len + b;
            c->bad_byte = (unsigned char)p[b];
        }
    }
    if (c->n_head < sizeof c->head) {
        size_t k = sizeof c->head - c->n_head < take ? sizeof c->head - c->n_head : take;
        memcpy(c->head + c->n_head, p, k);
        c->n_head += k;
    }
    for (size_t i = 0; !c->non_space && i < take; i++)
        c->non_space = !is_space(p[i]);
    const char *q;
    if (c->nul == NONE && (q = memchr(p, '\0', take)) != NULL)
        c->nul = c->len + (size_t)(q - p);
    if (c->gt == NONE && (q = memchr(p, '>', take)) != NULL)
        c->gt = c->len + (size_t)(q - p);
    uint64_t h = c->hash;
    for (size_t i = 0; i < take; i++) {
        h ^= (unsigned char)p[i];
        h *= 1099511628211ULL;
    }
    c->hash = h;
    c->len += take;
    return take;
}

/* The encoding="..." of the XML declaration, when it names anything but
 * UTF-8: libxml2 would decode the bytes as that encoding (or we would
 * force UTF-8 on a file that says otherwise). 1 with a message when so. */
static int declared_encoding_wrong(const char *path, const bytes_chk *c, sp_diag *d)
{
    size_t i = c->n_head >= 3 && memcmp(c->head, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    if (c->n_head < i + 5 || memcmp(c->head + i, "<?xml", 5) != 0 || c->gt == NONE)
        return 0;
    size_t n = c->gt - i;
    char decl[256];
    if (n >= sizeof decl)
        n = sizeof decl - 1;
    memcpy(decl, c->head + i, n);
    decl[n] = '\0';
    const char *e = strstr(decl, "encoding");
    if (!e)
        return 0;
    e += 8;
    while (*e == ' ' || *e == '\t' || *e == '\r' || *e == '\n' || *e == '=')
        e++;
    char q = *e;
    if (q != '"' && q != '\'')
        return 0;
    const char *v = ++e;
    while (*e && *e != q)
        e++;
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(e - v), v);
    if (strcasecmp(name, "UTF-8") == 0 || strcasecmp(name, "UTF8") == 0)
        return 0;
    if (c->bad != NONE)
        sp_diag_add(d, path, 1, SP_N_("het bestand geeft encoding=\"%s\" op en is niet in UTF-8: sla het op in UTF-8 en schrijf encoding=\"UTF-8\""), name);
    else
        sp_diag_add(d, path, 1, SP_N_("het bestand geeft encoding=\"%s\" op, maar is in UTF-8: schrijf encoding=\"UTF-8\""), name);
    return 1;
}

/* What is refused before libxml2 sees a byte, in this order: empty, too
 * large, UTF-16, NUL bytes, a declared encoding other than UTF-8, invalid
 * UTF-8. */
static sp_status chk_verdict(const sp_xml_src *s, const bytes_chk *c, sp_diag *d)
{
    if (c->len == 0 || !c->non_space) {
        sp_diag_add(d, s->path, 0, SP_N_("het bestand is leeg"));
        return SP_EINVAL;
    }
    if (c->len > SP_MAX_FILE_BYTES) {
        sp_diag_add(d, s->path, 0, SP_N_("het bestand is groter dan %u bytes"), SP_MAX_FILE_BYTES);
        return SP_EINVAL;
    }
    const unsigned char *h = (const unsigned char *)c->head;
    if (c->n_head >= 2 && ((h[0] == 0xFF && h[1] == 0xFE) || (h[0] == 0xFE && h[1] == 0xFF))) {
        sp_diag_add(d, s->path, 1, SP_N_("het bestand is UTF-16; sla het op als UTF-8"));
        return SP_EINVAL;
    }
    if (c->nul != NONE) {
        sp_diag_add(d, s->path, sp_xml_src_line_at(s, c->nul),
                    SP_N_("het bestand bevat binaire gegevens (een NUL-byte), geen XML-tekst in UTF-8"));
        return SP_EINVAL;
    }
    if (declared_encoding_wrong(s->path, c, d))
        return SP_EINVAL;
    if (c->bad != NONE) {
        sp_diag_add(d, s->path, sp_xml_src_line_at(s, c->bad),
                    SP_N_("ongeldige UTF-8 (byte 0x%02X); bestanden moeten UTF-8 zijn"), (unsigned)c->bad_byte);
        return SP_EINVAL;
    }
    return SP_OK;
}

/* ---- reading ------------------------------------------------------------------- */

void sp_xml_src_mem(sp_xml_src *s, const char *path, const char *data, size_t len)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->fd = -1;
    s->data = data;
    s->len = len;
}

sp_status sp_xml_src_file(sp_xml_src *s, const char *path, int fd, sp_diag *d)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->fd = fd;
    if (fstat(fd, &s->st) != 0) {
        sp_diag_add(d, path, 0, SP_N_("de gegevens van het bestand kunnen niet worden opgevraagd: %s"), strerror(errno));
        return SP_EIO;
    }
    return SP_OK;
}

/* Up to n bytes at off into buf: how many (0 at the end), -1 on a read
 * error (errno set). Never past the bytes the checks took. */
static long src_pread(const sp_xml_src *s, size_t off, char *buf, size_t n, size_t limit)
{
    if (off >= limit)
        return 0;
    if (n > limit - off)
        n = limit - off;
    if (s->fd < 0) {
        memcpy(buf, s->data + off, n);
        return (long)n;
    }
    for (;;) {
        ssize_t r = pread(s->fd, buf, n, (off_t)off);
        if (r >= 0 || errno != EINTR)
            return (long)r;
    }
}

long sp_xml_src_line_at(const sp_xml_src *s, size_t off)
{
    if (s->fd < 0 || s->whole)
        return sp_xml_line_at(s->fd < 0 ? s->data : s->whole, off);
    long line = 1;
    char buf[4096];
    for (size_t pos = 0; pos < off;) {
        long r = src_pread(s, pos, buf, sizeof buf, off);
        if (r <= 0)
            break;
        for (const char *p = buf; (p = memchr(p, '\n', (size_t)(buf + r - p))) != NULL; p++)
            line++;
        pos += (size_t)r;
    }
    return line;
}

sp_status sp_xml_src_check(sp_xml_src *s, sp_diag *d)
{
    bytes_chk c;
    chk_init(&c);
    if (s->fd < 0) {
        chk_feed(&c, s->data, s->len, 1);
        s->hash = c.hash;
        return chk_verdict(s, &c, d);
    }
    char *buf = sp_malloc(CHUNK);
    if (!buf) {
        sp_diag_add(d, s->path, 0, SP_N_("onvoldoende geheugen om het bestand te lezen"));
        return SP_ENOMEM;
    }
    /* One byte past the cap tells a file that grew past it. */
    size_t have = 0, cap = (size_t)SP_MAX_FILE_BYTES + 1;
    sp_status st = SP_OK;
    for (;;) {
        long r = src_pread(s, c.len + have, buf + have, CHUNK - have, cap);
        if (r < 0) {
            sp_diag_add(d, s->path, 0, SP_N_("kan niet worden gelezen: %s"), strerror(errno));
            st = SP_EIO;
            break;
        }
        size_t n = have + (size_t)r;
        size_t took = chk_feed(&c, buf, n, r == 0);
        have = n - took;
        memmove(buf, buf + took, have);
        if (r == 0)
            break;
    }
    sp_free(buf);
    s->len = c.len;
    s->hash = c.hash;
    return st != SP_OK ? st : chk_verdict(s, &c, d);
}

sp_status sp_xml_precheck(const char *path, const char *data, size_t len, sp_diag *d)
{
    sp_xml_src s;
    sp_xml_src_mem(&s, path, data, len);
    return sp_xml_src_check(&s, d);
}

int sp_xml_src_read(void *ctx, char *buf, int len)
{
    sp_xml_cursor *c = ctx;
    if (len <= 0)
        return 0;
    long r = src_pread(c->src, c->pos, buf, (size_t)len, c->src->len);
    if (r < 0)
        return -1;
    c->pos += (size_t)r;
    return (int)r;
}

sp_status sp_xml_src_head(const sp_xml_src *s, size_t n, char *buf, sp_diag *d)
{
    for (size_t pos = 0; pos < n;) {
        long r = src_pread(s, pos, buf + pos, n - pos, n);
        if (r <= 0) {
            sp_diag_add(d, s->path, 0, SP_N_("kan niet worden gelezen: %s"),
                        r < 0 ? strerror(errno) : sp_diag_tr(d, SP_N_("het bestand is korter geworden")));
            return SP_EIO;
        }
        pos += (size_t)r;
    }
    return SP_OK;
}

const char *sp_xml_src_whole(sp_xml_src *s, sp_diag *d)
{
    if (s->fd < 0)
        return s->data;
    if (s->whole)
        return s->whole;
    char *w = sp_malloc(s->len + 1);
    if (!w) {
        sp_diag_add(d, s->path, 0, SP_N_("onvoldoende geheugen om het bestand te lezen"));
        return NULL;
    }
    if (sp_xml_src_head(s, s->len, w, d) != SP_OK) {
        sp_free(w);
        return NULL;
    }
    w[s->len] = '\0';
    s->whole = w;
    return w;
}

int sp_xml_src_changed(const sp_xml_src *s)
{
    struct stat now;
    if (s->fd < 0)
        return 0;
    if (fstat(s->fd, &now) != 0)
        return 1;
    return now.st_size != s->st.st_size || (size_t)now.st_size != s->len ||
           now.st_mtim.tv_sec != s->st.st_mtim.tv_sec || now.st_mtim.tv_nsec != s->st.st_mtim.tv_nsec ||
           now.st_ctim.tv_sec != s->st.st_ctim.tv_sec || now.st_ctim.tv_nsec != s->st.st_ctim.tv_nsec;
}

void sp_xml_src_done(sp_xml_src *s)
{
    sp_free(s->whole);
    s->whole = NULL;
}

/* ---- lines --------------------------------------------------------------------- */

long sp_xml_line_at(const char *data, size_t off)
{
    long line = 1;
    const char *p = data, *end = data + off;
    while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        line++;
        p++;
    }
    return line;
}
