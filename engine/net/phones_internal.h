/* phones_internal.h: what phones.c (server, state) and phones_page.c (the participant's HTML) share. */
#ifndef SP_PHONES_INTERNAL_H
#define SP_PHONES_INTERNAL_H

#include <stddef.h>

#include "core/room.h"

#define SP_PHONES_MAX_OPTIONS 5

/* A growable text buffer for one response; oom is sticky. */
typedef struct sp_phones_buf {
    char *s;
    size_t len, cap;
    int oom;
} sp_phones_buf;

void sp_phones_buf_add(sp_phones_buf *b, const char *s);
void sp_phones_buf_addf(sp_phones_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Adds s with & < > " ' as character references. */
void sp_phones_buf_esc(sp_phones_buf *b, const char *s);

/* What the page shows, copied under the lock for one response. */
typedef struct sp_phones_view {
    int en;                         /* English, else Dutch */
    const char *lang_q;             /* "" or "?lang=en" / "?lang=nl", kept in links */
    const char *nonce;              /* the response's CSP nonce */
    unsigned round;
    int open;
    const char *prompt;
    const char *options[SP_PHONES_MAX_OPTIONS];
    int n_options;
    int my_vote;                    /* -1: none this round */
    const char *message;            /* one of the fixed message keys, or NULL */
    int n_flags;
    const char *const *flag_labels;
    int my_flags[SP_ROOM_MAX_FLAGS];
} sp_phones_view;

/* The participant page. */
void sp_phones_page(sp_phones_buf *b, const sp_phones_view *v);
/* The entry page at / (type the room code); bad = a wrong code was typed,
 * limited = too many wrong codes from this address. */
void sp_phones_join_page(sp_phones_buf *b, int en, const char *nonce, int bad, int limited);
/* A short page with one sentence and a link back (errors). */
void sp_phones_note_page(sp_phones_buf *b, int en, const char *nonce, const char *nl, const char *en_text);

#endif
