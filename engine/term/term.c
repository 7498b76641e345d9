/* term.c: terminal output: interface strings, tty detection, styles and UTF-8 aware wrapping. */
#include "term.h"
#include "core/buf.h"
#include "core/num.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* ==== interface strings ================================================== */

/* Plain words only (no printf conversions): callers compose numbers around
 * them, so a translation can never break a format string. */
static const char *const msgs[SP_MSG_COUNT][SP_LANG_COUNT] = {
    [SP_MSG_NO_DISPLAY] = { "Geen beeldscherm gevonden; samenspel speelt in de terminal.",
                            "No display found; samenspel plays in the terminal." },
    [SP_MSG_ROLE_CARD] = { "Rolkaart", "Role card" },
    [SP_MSG_YOU_ARE] = { "Wie je bent:", "Who you are:" },
    [SP_MSG_YOU_MEET] = { "Je spreekt:", "You meet:" },
    [SP_MSG_SITUATION] = { "Situatie:", "Situation:" },
    [SP_MSG_AIM] = { "Doel:", "Aim:" },
    [SP_MSG_CAST] = { "Personen", "People" },
    [SP_MSG_TURN] = { "Beurt", "Turn" },
    [SP_MSG_AT_TURN] = { "beurt", "turn" },
    [SP_MSG_THOUGHT] = { "(gedachte)", "(thought)" },
    [SP_MSG_YOU] = { "Jij", "You" },
    [SP_MSG_FEEDBACK] = { "Feedback:", "Feedback:" },
    [SP_MSG_ENDING] = { "Einde", "Ending" },
    [SP_MSG_KEYS] = { "Toetsen: nummer = kiezen, f = rode vlag, u = terug, h = geschiedenis, q = stoppen",
                      "Keys: number = choose, f = red flag, u = undo, h = history, q = quit" },
    [SP_MSG_ASK] = { "Jouw keuze: ", "Your choice: " },
    [SP_MSG_ASK_FLAG] = { "Welke rode vlag zie je? (nummer, Enter = terug): ",
                          "Which red flag do you see? (number, Enter = back): " },
    [SP_MSG_BAD_KEY] = { "Kies een nummer uit de lijst, of f, u, h, q.",
                         "Choose a number from the list, or f, u, h, q." },
    [SP_MSG_NOTHING_TO_UNDO] = { "Er is niets om terug te draaien.", "There is nothing to undo." },
    [SP_MSG_UNDONE] = { "Teruggedraaid.", "Undone." },
    [SP_MSG_FLAG_TWICE] = { "Die vlag heb je deze beurt al gemarkeerd.",
                            "You already marked that flag this turn." },
    [SP_MSG_RECOGNISED] = { "Herkend:", "Recognised:" },
    [SP_MSG_FALSE_ALARM] = { "Vals alarm:", "False alarm:" },
    [SP_MSG_NOT_INTENDED] = { "Niet bedoeld hier:", "Not intended here:" },
    [SP_MSG_NOT_INTENDED_WHY] = { "Verdedigbaar, maar de casus legt dit signaal op een ander moment.",
                                  "Defensible, but the case places this signal at another moment." },
    [SP_MSG_HISTORY] = { "Tot nu toe", "So far" },
    [SP_MSG_HISTORY_EMPTY] = { "Je hebt nog niets gekozen.", "You have not chosen anything yet." },
    [SP_MSG_FLAGGED] = { "rode vlag", "red flag" },
    [SP_MSG_QUIT] = { "Gestopt. Je gesprek is bewaard.", "Stopped. Your conversation has been saved." },
    [SP_MSG_DEBRIEF] = { "Nabespreking", "Debrief" },
    [SP_MSG_UNFINISHED] = { "Niet afgemaakt: het gesprek stopte bij beurt",
                            "Unfinished: the conversation stopped at turn" },
    [SP_MSG_GOALS] = { "Leerdoelen", "Learning goals" },
    [SP_MSG_BAR_LEGEND] = { "Balk: # jouw score, . de expertroute; | is nul, links daarvan is negatief.",
                            "Bar: # your score, . the expert route; | is zero, left of it is negative." },
    [SP_MSG_TOTAL] = { "Totaal", "Total" },
    [SP_MSG_APPLIED] = { "Interventies toegepast", "Interventions applied" },
    [SP_MSG_NONE] = { "geen", "none" },
    [SP_MSG_MISSED_CHANCES] = { "Gemiste kansen", "Missed chances" },
    [SP_MSG_CHOSE] = { "je koos", "you chose" },
    [SP_MSG_BETTER] = { "sterker was", "stronger was" },
    [SP_MSG_WOULD_APPLY] = { "dat past toe", "that applies" },
    [SP_MSG_NOT_EXACT] = { "Geen exact maximum: de casus heeft meer toestanden dan samenspel doorrekent (samenspel check noemt de grens).",
                           "No exact maximum: the case has more states than samenspel works through (samenspel check names the limit)." },
    [SP_MSG_NOT_APPLIED] = { "Niet toegepast, wel binnen bereik",
                             "Not applied, though within reach" },
    [SP_MSG_FLAGS] = { "Rode vlaggen", "Red flags" },
    [SP_MSG_FLAGS_RECOGNISED] = { "herkend", "recognised" },
    [SP_MSG_FLAGS_MISSED] = { "gemist", "missed" },
    [SP_MSG_FLAGS_FALSE] = { "vals alarm", "false alarm" },
    [SP_MSG_FLAGS_NOT_INTENDED] = { "niet bedoeld hier", "not intended here" },
    [SP_MSG_THOUGHTS] = { "Gedachten", "Thoughts" },
    [SP_MSG_HINDERING] = { "belemmerend", "hindering" },
    [SP_MSG_HELPFUL] = { "helpend", "helpful" },
    [SP_MSG_REFRAME] = { "anders bekeken", "reframed" },
    [SP_MSG_REFLECTION] = { "Om over na te denken", "To reflect on" },
    [SP_MSG_HANDOUT] = { "Hand-out", "Handout" },
    [SP_MSG_KIND_GOOD] = { "goed", "good" },
    [SP_MSG_KIND_MIXED] = { "gemengd", "mixed" },
    [SP_MSG_KIND_POOR] = { "zwak", "poor" },
    [SP_MSG_MENU] = { "Welke casus wil je spelen? (nummer, q = stoppen): ",
                      "Which case do you want to play? (number, q = quit): " },
    [SP_MSG_TRAJECTORY] = { "Het hele traject: intake, uitvoering en teruggeven",
                            "The whole trajectory: intake, uitvoering and teruggeven" },
    [SP_MSG_CONTINUE_CASE] = { "Verder met de volgende fase:", "On to the next phase:" },
    [SP_MSG_TRAJECTORY_STOPS] = { "Met dit einde houdt het traject op: er volgt geen volgende fase.",
                                  "With this ending the trajectory stops: no next phase follows." },
    [SP_MSG_TRANSCRIPT_AT] = { "Gesprek bewaard in", "Conversation saved in" },
    [SP_MSG_TRANSCRIPT_NONE] = { "Dit gesprek kon niet worden bewaard.", "This conversation could not be saved." },
    [SP_MSG_TRANSCRIPT_PARTIAL] = { "Niet alles kon worden bewaard; het gesprek staat tot de laatste bewaarde stap in",
                                    "Not everything could be saved; the conversation up to the last saved step is in" },
    [SP_MSG_NODES] = { "knopen", "nodes" },
    [SP_MSG_DECISIONS] = { "keuzemomenten", "decisions" },
    [SP_MSG_ENDINGS] = { "eindes", "endings" },
    [SP_MSG_INTERVENTIONS] = { "interventies", "interventions" },
    [SP_MSG_REDFLAGS] = { "rode vlaggen", "red flags" },
    [SP_MSG_THOUGHT_PAIRS] = { "gedachteparen", "thought pairs" },
    [SP_MSG_TOTAL_RANGE] = { "totaalscore", "total score" },
    [SP_MSG_COVERAGE] = { "Dekking", "Coverage" },
    [SP_MSG_EMPTY_OFFER] = { "biedt op een pad geen enkele optie aan",
                             "offers no option at all on some path" },
};

const char *sp_term_msg(sp_lang lang, sp_msg m)
{
    SP_EXPECT((int)m >= 0 && m < SP_MSG_COUNT);
    if ((int)lang < 0 || lang >= SP_LANG_COUNT)
        lang = SP_LANG_NL;
    const char *s = msgs[m][lang];
    return s ? s : msgs[m][SP_LANG_NL];
}

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
    case SP_ENDING_GOOD: return sp_term_msg(lang, SP_MSG_KIND_GOOD);
    case SP_ENDING_MIXED: return sp_term_msg(lang, SP_MSG_KIND_MIXED);
    case SP_ENDING_POOR: return sp_term_msg(lang, SP_MSG_KIND_POOR);
    }
    return "";
}
