/* diag.c: the list of "path:line: message" diagnostics and status names the core hands back. */
#include "diag.h"
#include "alloc.h"
#include "translate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sp_diag {
    char *msg[SP_DIAG_MAX];
    unsigned char warn[SP_DIAG_MAX]; /* 1: added by sp_diag_warn */
    int count;
    int dropped;
    int lang;
    /* A message that could not be allocated goes here (shortened), so the
     * error that memory ran out still reaches the host. */
    char spare[256];
};

static int default_lang = 1;

void sp_diag_set_default_lang(int lang)
{
    default_lang = lang;
}

sp_diag *sp_diag_new(void)
{
    sp_diag *d = sp_calloc(1, sizeof(sp_diag));
    if (d)
        d->lang = default_lang;
    return d;
}

void sp_diag_set_lang(sp_diag *d, int lang)
{
    if (d)
        d->lang = lang;
}

int sp_diag_lang(const sp_diag *d)
{
    return d ? d->lang : default_lang;
}

const char *sp_diag_tr(const sp_diag *d, const char *msgid)
{
    return sp_translate((sp_lang)sp_diag_lang(d), msgid);
}

void sp_diag_clear(sp_diag *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->count; i++)
        if (d->msg[i] != d->spare)
            sp_free(d->msg[i]);
    d->count = 0;
    d->dropped = 0;
}

void sp_diag_free(sp_diag *d)
{
    if (!d)
        return;
    sp_diag_clear(d);
    sp_free(d);
}

int sp_diag_count(const sp_diag *d)
{
    return d ? d->count : 0;
}

int sp_diag_dropped(const sp_diag *d)
{
    return d ? d->dropped : 0;
}

const char *sp_diag_message(const sp_diag *d, int i)
{
    if (!d || i < 0 || i >= d->count)
        return "";
    return d->msg[i];
}

/* A message, a warning (warn: "waarschuwing: " in the diag's language
 * before it) or not. */
static void diag_put(sp_diag *d, const char *path, long line, int warn, const char *fmt, va_list ap)
{
    if (!d)
        return;
    fmt = sp_translate((sp_lang)d->lang, fmt);
    if (d->count >= SP_DIAG_MAX) {
        d->dropped++;
        return;
    }
    char body[1024];
    int k = warn ? snprintf(body, sizeof body, "%s: ", sp_translate((sp_lang)d->lang, SP_N_("waarschuwing"))) : 0;
    vsnprintf(body + k, sizeof body - (size_t)k, fmt, ap);
    /* Messages are single lines: a stray newline from a library message
     * would break "path:line: message" for whoever reads them. */
    size_t n = strlen(body);
    while (n > 0 && (body[n - 1] == '\n' || body[n - 1] == '\r' || body[n - 1] == ' '))
        body[--n] = '\0';
    for (char *p = body; *p; p++)
        if (*p == '\n' || *p == '\r')
            *p = ' ';
    if (!path)
        path = "";
    size_t cap = strlen(path) + n + 32;
    char *m = sp_malloc(cap);
    if (!m) {
        int spare_used = 0;
        for (int i = 0; i < d->count; i++)
            spare_used |= d->msg[i] == d->spare;
        if (spare_used) {
            d->dropped++;
            return;
        }
        m = d->spare;
        cap = sizeof d->spare;
    }
    if (line > 0)
        snprintf(m, cap, "%s:%ld: %s", path, line, body);
    else
        snprintf(m, cap, "%s: %s", path, body);
    d->warn[d->count] = (unsigned char)warn;
    d->msg[d->count++] = m;
}

void sp_diag_addv(sp_diag *d, const char *path, long line, const char *fmt, va_list ap)
{
    diag_put(d, path, line, 0, fmt, ap);
}

void sp_diag_add(sp_diag *d, const char *path, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sp_diag_addv(d, path, line, fmt, ap);
    va_end(ap);
}

void sp_diag_warn(sp_diag *d, const char *path, long line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_put(d, path, line, 1, fmt, ap);
    va_end(ap);
}

int sp_diag_is_warning(const sp_diag *d, int i)
{
    return d && i >= 0 && i < d->count && d->warn[i];
}

const char *sp_status_name(sp_status s)
{
    switch (s) {
    case SP_OK: return "ok";
    case SP_EINVAL: return "invalid content";
    case SP_EUSAGE: return "invalid request";
    case SP_EIO: return "system error";
    case SP_ENOMEM: return "out of memory";
    }
    return "unknown status";
}

const char *sp_status_words(sp_status s)
{
    switch (s) {
    case SP_OK: return "ok";
    case SP_EINVAL: return SP_N_("ongeldige inhoud");
    case SP_EUSAGE: return SP_N_("ongeldig verzoek");
    case SP_EIO: return SP_N_("systeemfout");
    case SP_ENOMEM: return SP_N_("onvoldoende geheugen");
    }
    return sp_status_name(s);
}

_Noreturn void sp_expect_fail(const char *file, int line, const char *what)
{
    fprintf(stderr, "%s:%d: internal error: expected %s\n", file, line, what);
    fflush(stderr);
    abort();
}

sp_status sp_diag_memory_since(sp_diag *d, const char *path, sp_status s, unsigned long failed_before)
{
    if (s == SP_OK || s == SP_ENOMEM || sp_alloc_failures() == failed_before)
        return s;
    sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
    return SP_ENOMEM;
}
