/* diag.h: status codes and the list of "path:line: message" diagnostics the core hands back. */
#ifndef SP_DIAG_H
#define SP_DIAG_H

#include <stdarg.h>

/* Status codes of every fallible core call. The numbers match the program's
 * exit codes where they overlap (1 invalid content, 3 system failure). */
typedef enum {
    SP_OK = 0,
    SP_EINVAL = 1,   /* the content is wrong: a scenario, transcript or settings file */
    SP_EUSAGE = 2,   /* the caller asked for something impossible (bad option index...) */
    SP_EIO = 3,      /* the system failed: open, read, write, rename */
    SP_ENOMEM = 4
} sp_status;

/* Diagnostics collect messages in the shape "path:line: message" (or
 * "path: message" when line is 0). The core never prints; hosts print
 * sp_diag_message(d, i) for i < sp_diag_count(d). A diag keeps at most
 * SP_DIAG_MAX messages and counts the rest. */
#define SP_DIAG_MAX 64

typedef struct sp_diag sp_diag;

sp_diag *sp_diag_new(void);
void sp_diag_free(sp_diag *d);
void sp_diag_clear(sp_diag *d);
int sp_diag_count(const sp_diag *d);        /* messages kept */
int sp_diag_dropped(const sp_diag *d);      /* messages past SP_DIAG_MAX */
const char *sp_diag_message(const sp_diag *d, int i);
/* Whether message i is a warning (added by sp_diag_warn), not an error. */
int sp_diag_is_warning(const sp_diag *d, int i);
/* d may be NULL (messages are then dropped). */
void sp_diag_add(sp_diag *d, const char *path, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void sp_diag_addv(sp_diag *d, const char *path, long line, const char *fmt, va_list ap);
/* The same for a warning: "path: waarschuwing: ..." ("warning: " in
 * English), which sp_diag_is_warning tells from an error. */
void sp_diag_warn(sp_diag *d, const char *path, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The language of a diag's messages: 0 Dutch, 1 English (sp_lang's
 * values). A new diag takes the process default, which is English until a
 * host sets the learner's language (the program does so from --lang).
 * A message's format is a Dutch msgid, marked for xgettext with SP_N_
 * (translate.h) where it is written; sp_diag_add puts it in the diag's
 * language with sp_translate, so the English lives in po/en.po with the
 * rest of the program's words. A piece passed as an argument ("%s") is
 * translated by the caller with sp_diag_tr (or sp_translate). */
void sp_diag_set_default_lang(int lang);
void sp_diag_set_lang(sp_diag *d, int lang);
int sp_diag_lang(const sp_diag *d);
/* msgid in the diag's language (xgettext: sp_diag_tr:2). */
const char *sp_diag_tr(const sp_diag *d, const char *msgid) __attribute__((format_arg(2)));

/* The status in English words, for logs and tests ("invalid content"). */
const char *sp_status_name(sp_status s);
/* The same for the user: a Dutch msgid, put in a language with sp_translate. */
const char *sp_status_words(sp_status s);

/* libxml2 may report a refused allocation as an error in the file (a syntax
 * or schema error): when s is such an error and the allocation hook refused
 * something since failed_before (sp_alloc_failures()), adds "out of memory"
 * for path and returns SP_ENOMEM; otherwise returns s. */
sp_status sp_diag_memory_since(sp_diag *d, const char *path, sp_status s, unsigned long failed_before);

/* A bug in our own code: print file:line and abort (microui's expect). */
#define SP_EXPECT(x) \
    do { if (!(x)) sp_expect_fail(__FILE__, __LINE__, #x); } while (0)
_Noreturn void sp_expect_fail(const char *file, int line, const char *what);

#endif
