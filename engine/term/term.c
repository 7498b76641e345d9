/* term.c: terminal output: interface strings, tty detection, styles and UTF-8 aware wrapping. */
#include "term.h"
#include "core/buf.h"
#include "core/num.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ==== the interface language ============================================= */

sp_lang sp_term_env_lang(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return sp_lang_from_code(v);
    }
    return SP_LANG_NL;
}

/* ==== the terminal ======================================================= */

void sp_term_init(sp_term *t, FILE *out, sp_lang lang)
{
    t->out = out;
    t->lang = lang;
    t->tty = isatty(fileno(out));
    t->width = 0;
    if (!t->tty)
        return;
    struct winsize ws;
    if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        t->width = ws.ws_col;
    } else {
        long n;
        t->width = sp_num_parse(getenv("COLUMNS"), 1, 10000, &n) ? (int)n : 80;
    }
}

static const char *style_on(const sp_term *t, sp_style s)
{
    /* NO_COLOR (no-color.org) and TERM=dumb ask for no escape codes at all. */
    const char *term = getenv("TERM");
    if (!t->tty || getenv("NO_COLOR") || (term && strcmp(term, "dumb") == 0))
        return "";
    switch (s) {
    case SP_STYLE_PLAIN: return "";
    case SP_STYLE_BOLD: return "\033[1m";
    case SP_STYLE_THOUGHT: return "\033[2;3m";
    case SP_STYLE_NARRATION: return "\033[3m";
    case SP_STYLE_GOOD: return "\033[32m";
    case SP_STYLE_BAD: return "\033[31m";
    }
    return "";
}

static const char *style_off(const sp_term *t, sp_style s)
{
    return *style_on(t, s) ? "\033[0m" : "";
}

/* ==== wrapping =========================================================== */

static int is_cont(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t sp_term_columns(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (!is_cont((unsigned char)*s))
            n++;
    return n;
}

static void newline(sp_buf *b, int indent)
{
    sp_buf_put_n(b, "\n", 1);
    for (int i = 0; i < indent; i++)
        sp_buf_put_n(b, " ", 1);
}

char *sp_term_wrap(const char *text, int width, int first, int indent)
{
    sp_buf b = { 0 };
    sp_buf_put_n(&b, "", 0);
    if (indent < 0)
        indent = 0;
    if (first < 0)
        first = 0;
    if (width > 0 && width - indent < 8)
        indent = 0;
    int col = first;
    int words = 0; /* words on the current line: a separator goes before the next */
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            newline(&b, indent);
            col = indent;
            words = 0;
            p++;
            continue;
        }
        if (*p == ' ' || *p == '\t') {
            p++;
            continue;
        }
        const char *w = p;
        int wcols = 0;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
            if (!is_cont((unsigned char)*p))
                wcols++;
            p++;
        }
        size_t wlen = (size_t)(p - w);
        int sep = words ? 1 : 0;
        if (width <= 0 || col + sep + wcols <= width) {
            if (sep)
                sp_buf_put_n(&b, " ", 1);
            sp_buf_put_n(&b, w, wlen);
            col += sep + wcols;
            words++;
            continue;
        }
        /* Does not fit: a new line, when that gives more room. */
        if (col > indent) {
            newline(&b, indent);
            col = indent;
        } else if (sep) {
            sp_buf_put_n(&b, " ", 1);
            col++;
        }
        words++;
        /* Cut a word longer than a whole line at code point boundaries. */
        while (wlen > 0) {
            size_t n = 0;
            int cols = 0;
            while (n < wlen && (col + cols < width || cols == 0)) {
                n++;
                while (n < wlen && is_cont((unsigned char)w[n]))
                    n++;
                cols++;
            }
            sp_buf_put_n(&b, w, n);
            col += cols;
            w += n;
            wlen -= n;
            if (wlen > 0) {
                newline(&b, indent);
                col = indent;
            }
        }
    }
    return sp_buf_finish(&b, NULL);
}

/* ==== writing ============================================================ */

/* 1 for U+202A-U+202E and U+2066-U+2069: the bidi embeddings, overrides
 * and isolates, which can make a line read differently from its bytes. */
static int is_bidi(const unsigned char *p)
{
    return p[0] == 0xE2 && ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) ||
                            (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9));
}

/* Length of the UTF-8 sequence at p (1-4), or 0 when it is not valid. */
static int utf8_len(const unsigned char *p)
{
    if (p[0] < 0x80)
        return 1;
    int n = p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC2 && p[0] < 0xE0 ? 2 : 0;
    for (int i = 1; i < n; i++)
        if (!is_cont(p[i]))
            return 0;
    return n;
}

char *sp_term_clean(const char *s)
{
    sp_buf b = { 0 };
    sp_buf_put_n(&b, "", 0);
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    char esc[16];
    while (*p) {
        int n = utf8_len(p);
        if (n == 0) {
            sp_buf_put_n(&b, "\xEF\xBF\xBD", 3); /* not UTF-8: U+FFFD */
            p++;
        } else if (n == 1 && ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7F)) {
            snprintf(esc, sizeof esc, "\\x%02X", *p); /* C0 controls, DEL: shown, not obeyed */
            sp_buf_put_n(&b, esc, strlen(esc));
            p++;
        } else if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
            snprintf(esc, sizeof esc, "\\u%04X", p[1]); /* C1 controls */
            sp_buf_put_n(&b, esc, strlen(esc));
            p += 2;
        } else if (n == 3 && is_bidi(p)) {
            snprintf(esc, sizeof esc, "<U+%04X>", ((p[1] & 0x3F) << 6 | (p[2] & 0x3F)) | 0x2000);
            sp_buf_put_n(&b, esc, strlen(esc));
            p += 3;
        } else {
            sp_buf_put_n(&b, (const char *)p, (size_t)n);
            p += n;
        }
    }
    return sp_buf_finish(&b, NULL);
}

void sp_term_print_clean(FILE *out, const char *s)
{
    char *c = sp_term_clean(s);
    fputs(c ? c : "", out);
    free(c);
}

void sp_term_line(sp_term *t, int indent, sp_style label_style, const char *label,
                  sp_style text_style, const char *text)
{
    if (!label)
        label = "";
    int lcols = (int)sp_term_columns(label);
    /* A short label ("1. ", "Jansen: ") hangs the text beside it; a long
     * one, or a narrow terminal, would leave a thin column, so the text
     * then hangs by 4. */
    int beside = lcols <= 16 && (t->width <= 0 || t->width - indent - lcols >= 40);
    int hang = indent + (beside ? lcols : 4);
    fprintf(t->out, "%*s", indent, "");
    char *cl = sp_term_clean(label), *ct = sp_term_clean(text);
    if (*label)
        fprintf(t->out, "%s%s%s", style_on(t, label_style), cl ? cl : "", style_off(t, label_style));
    char *w = sp_term_wrap(ct ? ct : "", t->width, indent + lcols, hang);
    fprintf(t->out, "%s%s%s\n", style_on(t, text_style), w ? w : "", style_off(t, text_style));
    free(w);
    free(cl);
    free(ct);
}

void sp_term_printf(sp_term *t, sp_style style, const char *fmt, ...)
{
    va_list ap, ap2;
    va_start(ap, fmt);
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    else
        n = -1;
    va_end(ap2);
    fputs(style_on(t, style), t->out);
    if (n >= 0)
        sp_term_print_clean(t->out, s);
    fputs(style_off(t, style), t->out);
    free(s);
}

const char *sp_term_ending_kind(sp_lang lang, sp_ending_kind k)
{
    switch (k) {
    case SP_ENDING_GOOD: return sp_translate(lang, "goed");
    case SP_ENDING_MIXED: return sp_translate(lang, "gemengd");
    case SP_ENDING_POOR: return sp_translate(lang, "zwak");
    }
    return "";
}
