/* cmd_replay.c: `samenspel replay`: step through a saved play in the terminal or the window, add notes, branch off and play on; without a file, the list of past plays. */
#include "commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "app/paths.h"
#include "app/replay_cli.h"
#include "core/debrief.h"
#include "core/export.h"
#include "core/fs.h"
#include "term/term.h"

/* ==== interface words ========================================================= */

typedef enum {
    R_KEYS, R_ASK, R_NOTE_ASK, R_NOTE_SAVED, R_JUMP_ASK, R_NO_TURN, R_BRANCH_FROM,
    R_NO_BRANCH, R_HISTORY, R_HISTORY_EMPTY, R_PICK, R_OF, R_END, R_UNREADABLE, R_BEST_MARK,
    R_BRANCH_MARK, R_COUNT
} rmsg;

static const char *const words[R_COUNT][SP_LANG_COUNT] = {
    [R_KEYS] = { "Toetsen: Enter of n = verder, p = terug, nummer = naar die beurt, j = springen, "
                 "a = notitie, b = vanaf hier verder spelen, d = nabespreking, q = stoppen",
                 "Keys: Enter or n = next, p = back, number = go to that turn, j = jump, "
                 "a = note, b = play on from here, d = debrief, q = quit" },
    [R_ASK] = { "Terugkijken> ", "Replay> " },
    [R_NOTE_ASK] = { "Notitie bij deze stap (Enter zonder tekst = niets): ",
                     "Note on this step (Enter without text = none): " },
    [R_NOTE_SAVED] = { "Notitie bewaard in", "Note saved in" },
    [R_JUMP_ASK] = { "Naar welke beurt? ", "Which turn? " },
    [R_NO_TURN] = { "Die beurt is er niet; kies 1 tot", "There is no such turn; choose 1 to" },
    [R_BRANCH_FROM] = { "Je speelt verder vanaf beurt", "You play on from turn" },
    [R_NO_BRANCH] = { "Het gesprek is hier al afgelopen; kies een eerdere beurt om vanaf verder te spelen.",
                      "The conversation has ended here; choose an earlier turn to play on from." },
    [R_HISTORY] = { "Eerdere gesprekken", "Past plays" },
    [R_HISTORY_EMPTY] = { "Er zijn nog geen bewaarde gesprekken in", "There are no saved plays yet in" },
    [R_PICK] = { "Welk gesprek wil je terugkijken? (nummer, q = stoppen): ",
                 "Which play do you want to replay? (number, q = quit): " },
    [R_OF] = { "van", "of" },
    [R_END] = { "einde", "end" },
    [R_UNREADABLE] = { "niet te openen", "cannot be opened" },
    [R_BEST_MARK] = { "beste", "best" },
    [R_BRANCH_MARK] = { "aftakking", "branch" },
};

static const char *rw(sp_lang l, rmsg m) { return words[m][l]; }
static const char *ew(sp_lang l, sp_export_msg m) { return sp_export_str(l, m); }

/* ==== one step ================================================================= */

/* "Verloop: 1+ [2-] 3~ 4+ | einde": + best, ~ fair, - weakest choice. */
static void timeline(sp_term *t, const sp_replay *r, int cur)
{
    sp_lang l = t->lang;
    sp_term_printf(t, SP_STYLE_BOLD, "%s:", ew(l, SP_EX_TIMELINE));
    for (int i = 0; i < r->n_decisions; i++) {
        const sp_replay_step *s = &r->steps[i];
        char mark = s->grade == SP_GRADE_BEST ? '+' : s->grade == SP_GRADE_MIDDLE ? '~' : '-';
        sp_style st = s->grade == SP_GRADE_BEST ? SP_STYLE_GOOD
                    : s->grade == SP_GRADE_WORST ? SP_STYLE_BAD : SP_STYLE_PLAIN;
        if (i == cur)
            sp_term_printf(t, st, " [%d%c]", s->turn, mark);
        else
            sp_term_printf(t, st, " %d%c", s->turn, mark);
    }
    if (cur == r->n_decisions)
        fprintf(t->out, " | [%s]\n", rw(l, R_END));
    else
        fprintf(t->out, " | %s\n", rw(l, R_END));
}

/* Appends to buf (at most len bytes in all) like snprintf. */
static void cat(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void cat(char *buf, size_t len, const char *fmt, ...)
{
    size_t used = strlen(buf);
    if (used + 1 >= len)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + used, len - used, fmt, ap);
    va_end(ap);
}

static void option_line(sp_term *t, const sp_replay *r, const sp_replay_step *s, int k)
{
    sp_lang l = t->lang;
    const sp_handbook *hb = r->sc->handbook;
    const sp_option *o = &r->sc->nodes[s->node].options[s->offered[k]];
    int taken = s->offered[k] == s->chosen, total = sp_option_total(o);
    char label[32], text[4096] = "";
    snprintf(label, sizeof label, "%s%d. ", taken ? "> " : "  ", k + 1);
    cat(text, sizeof text, "%s [%+d", sp_text_get(&o->text, l), total);
    if (total == s->best_total)
        cat(text, sizeof text, ", %s", rw(l, R_BEST_MARK));
    cat(text, sizeof text, "]");
    for (int m = 0; m < o->n_interventions; m++)
        cat(text, sizeof text, "%s%s", m ? ", " : " (", sp_text_get(&hb->interventions[o->interventions[m]].label, l));
    if (o->n_interventions)
        cat(text, sizeof text, ")");
    if (o->thought >= 0)
        cat(text, sizeof text, " (%s: %s)", ew(l, SP_EX_THOUGHT),
            ew(l, o->side == SP_SIDE_HINDERING ? SP_EX_HINDERING : SP_EX_HELPFUL));
    if (s->n_votes == s->n_offered)
        cat(text, sizeof text, " %s: %d", ew(l, SP_EX_VOTES), s->votes[k]);
    sp_term_line(t, 2, taken ? SP_STYLE_BOLD : SP_STYLE_PLAIN, label,
                 taken ? SP_STYLE_BOLD : SP_STYLE_PLAIN, text);
}
