/* phones_internal.h: what phones.c (server, state) and phones_page.c (the participant's HTML) share. */
#ifndef SP_PHONES_INTERNAL_H
#define SP_PHONES_INTERNAL_H

#include <stddef.h>

#include "core/model.h" /* sp_lang */
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

/* The page's words (phones_page.c holds their Dutch msgids). */
typedef enum {
    SP_PW_TITLE, SP_PW_VOTED, SP_PW_CHANGED, SP_PW_CLOSED, SP_PW_ROUND, SP_PW_OPTION, SP_PW_FLAG,
    SP_PW_COOKIE, SP_PW_BUSY, SP_PW_WAIT, SP_PW_NO_QUESTION, SP_PW_VOTE_ROUND, SP_PW_WHAT_WOULD_YOU_DO,
    SP_PW_YOUR_VOTE, SP_PW_CHANGE_UNTIL, SP_PW_FLAG_SEEN, SP_PW_FLAG_TAP, SP_PW_RELOAD, SP_PW_JOIN,
    SP_PW_TOO_MANY_CODES, SP_PW_WRONG_CODE, SP_PW_CODE_LABEL, SP_PW_JOIN_BUTTON, SP_PW_TOO_LARGE,
    SP_PW_NOT_FOUND, SP_PW_NOT_ALLOWED, SP_PW_BAD_FORM, SP_PW_COUNT
} sp_phones_word;

/* The words in every language, looked up with sp_translate once, by
 * sp_phones_start on the thread that starts the server and before its
 * threads run: the host's translation function may switch the program's
 * language to answer, which a request thread must not do under the
 * window's feet. */
typedef struct sp_phones_words {
    const char *w[SP_LANG_COUNT][SP_PW_COUNT];
} sp_phones_words;

void sp_phones_words_init(sp_phones_words *pw);

/* What the page shows, copied under the lock for one response. */
typedef struct sp_phones_view {
    int en;                         /* English, else Dutch */
    const char *const *w;           /* the words in that language */
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
void sp_phones_join_page(sp_phones_buf *b, int en, const char *const *w, const char *nonce, int bad, int limited);
/* A short page with one sentence (errors). */
void sp_phones_note_page(sp_phones_buf *b, int en, const char *const *w, const char *nonce, sp_phones_word say);

#endif
