/* term.h: the terminal front end: styled or plain output, UTF-8 wrapping, interface strings, play loop, debrief report. */
#ifndef SP_TERM_H
#define SP_TERM_H

/*
 * The terminal is the second host of the core (the SDL window is the first).
 * Output goes through an sp_term: on a terminal it wraps to the window width
 * and uses a few escape codes (bold names, dim italic thoughts); anywhere
 * else it writes plain text with one paragraph per line, so pipes, files and
 * the expected outputs of tests never hold an escape code.
 */

#include <stddef.h>
#include <stdio.h>
#include "core/model.h"
#include "core/diag.h"
#include "core/session.h"
#include "core/debrief.h"
#include "core/analysis.h"
#include "core/translate.h"

/* ---- interface strings --------------------------------------------------- */

/* The terminal's and the command line's words are Dutch msgids put through
 * sp_translate (core/translate.h): the program's one catalogue, po/. Text
 * from scenarios and the handbook comes from the model, not from here. */

/* The interface language from the environment: LC_ALL, LC_MESSAGES, LANG
 * (the first that is set and non-empty); English when it starts with "en",
 * Dutch otherwise. */
sp_lang sp_term_env_lang(void);

/* ---- output -------------------------------------------------------------- */

typedef enum {
    SP_STYLE_PLAIN,
    SP_STYLE_BOLD,      /* speaker names, headings */
    SP_STYLE_THOUGHT,   /* dim italic: inner thoughts */
    SP_STYLE_NARRATION, /* italic */
    SP_STYLE_GOOD,      /* green: recognised, applied */
    SP_STYLE_BAD        /* red: missed, false alarm */
} sp_style;

typedef struct sp_term {
    FILE *out;
    int tty;            /* 1: styles and wrapping */
    int width;          /* columns to wrap at; 0: no wrapping */
    sp_lang lang;
} sp_term;

/* Looks at out: a terminal gets styles and its width (TIOCGWINSZ, else
 * $COLUMNS, else 80); anything else gets plain unwrapped text. */
void sp_term_init(sp_term *t, FILE *out, sp_lang lang);

/* Number of code points in s (UTF-8); what a column count means here. */
size_t sp_term_columns(const char *s);

/*
 * Wraps text to width columns and returns a malloc'd copy (NULL on OOM).
 * first: columns already taken on the first line (by a label printed
 * before); indent: spaces that open every following line. Line breaks in
 * text are kept (each new line gets the indent too). Words longer than a
 * line are cut at a code point boundary, never inside a UTF-8 sequence.
 * width <= 0 means no wrapping: the text is copied with indents after its
 * own line breaks. When width leaves fewer than 8 columns after indent, the
 * indent is dropped.
 */
char *sp_term_wrap(const char *text, int width, int first, int indent);

/* Writes label (in label_style) then text (in text_style) wrapped with a
 * hanging indent, then a newline. label may be NULL or "". */
void sp_term_line(sp_term *t, int indent, sp_style label_style, const char *label,
                  sp_style text_style, const char *text);
/* printf without wrapping, in a style. */
void sp_term_printf(sp_term *t, sp_style style, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- reports ------------------------------------------------------------- */

/* The role card: title, summary, the four briefing texts and the cast. */
void sp_term_briefing(sp_term *t, const sp_scenario *sc);
/* The debrief of a (finished or unfinished) play. */
void sp_term_debrief(sp_term *t, const sp_session *s, const sp_debrief *d);
/* The name of an ending kind ("goed", "gemengd", "zwak") in lang. */
const char *sp_term_ending_kind(sp_lang lang, sp_ending_kind k);

/* ---- playing ------------------------------------------------------------- */

/*
 * One play in the terminal. The same loop serves a person at the keyboard
 * and a script: both give one command a line.
 *
 *   interactive keys: N (choose), f (mark a red flag), u (undo), h (history), q (quit)
 *   script lines:     N | choose N | option ID | flag RF-ID | undo | case ID
 *                     ('#' starts a comment; blank lines are skipped)
 */

typedef enum {
    SP_PLAY_FINISHED,    /* the play reached an ending */
    SP_PLAY_QUIT,        /* the person quit (q or end of input) */
    SP_PLAY_SCRIPT_END,  /* the script ran out before an ending */
    SP_PLAY_SCRIPT_CASE, /* the script reached a `case` line before an ending */
    SP_PLAY_SCRIPT_ERROR,/* a script line did not fit; message on stderr */
    SP_PLAY_SYSTEM_ERROR /* saving the transcript failed; message on stderr */
} sp_play_result;

/* A script: the lines of a file, read one command at a time. */
typedef struct sp_term_script sp_term_script;

/* NULL with a message in d and the reason in *st when the file cannot be
 * read (SP_EIO) or is not a script (SP_EINVAL: too large, a NUL byte). */
sp_term_script *sp_term_script_open(const char *path, sp_status *st, sp_diag *d);
void sp_term_script_free(sp_term_script *sc);
/* Skips blank and comment lines. When the next command is `case ID`,
 * consumes it and returns ID (valid until the script is freed); else NULL
 * and nothing is consumed. Either way sp_term_script_where then names the
 * line of that next command. */
const char *sp_term_script_case(sp_term_script *sc);
/* 1 when only blank and comment lines remain. */
int sp_term_script_done(sp_term_script *sc);
/* "path:line" of the last command read, for messages. */
const char *sp_term_script_where(const sp_term_script *sc);

/* Called after every step that changed the session's log; a nonzero
 * return stops the play with SP_PLAY_SYSTEM_ERROR. */
typedef int (*sp_term_step_hook)(void *ctx, const sp_session *s);

typedef struct sp_term_play_io {
    FILE *in;                  /* interactive: where keys come from */
    sp_term_script *script;    /* or a script (in is then ignored) */
    sp_term_step_hook on_step;
    void *ctx;
} sp_term_play_io;

/* Plays s until an ending, a quit or the end of the script. Prints the
 * briefing first when briefing is 1. Does not print the debrief. */
sp_play_result sp_term_play(sp_term *t, sp_session *s, const sp_term_play_io *io, int briefing);

/* s with what a terminal would obey rather than show made visible: C0
 * controls but newline and tab (ESC as \x1B), DEL, C1 controls (\u009B),
 * the bidi embeddings, overrides and isolates (<U+202E>); bytes that are not
 * UTF-8 become U+FFFD. Every text from a file goes through it before it is
 * printed (sp_term_line and sp_term_printf do it). malloc'd; NULL on OOM. */
char *sp_term_clean(const char *s);
/* fputs of sp_term_clean(s). */
void sp_term_print_clean(FILE *out, const char *s);

#endif
