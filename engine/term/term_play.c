/* term_play.c: one play in the terminal, driven by a person at the keyboard or by a script of commands. */
#include "term.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "core/figures.h"
#include "core/fs.h"
#include "core/num.h"

#define SCRIPT_MAX_BYTES (1u << 20)

static const char *msg(const sp_term *t, const char *m) { return sp_translate(t->lang, m); }

/* ==== scripts ============================================================ */

/* The file is split into lines in place; cur is the next line to read and
 * last the 1-based number of the last command handed out. */
struct sp_term_script {
    char *path;
    char *data;
    char **lines;
    int n_lines, cur, last;
    char where[PATH_MAX + 16];
};

sp_term_script *sp_term_script_open(const char *path, sp_status *st, sp_diag *d)
{
    char *data;
    size_t len;
    if ((*st = sp_fs_read(path, SCRIPT_MAX_BYTES, &data, &len, d)) != SP_OK)
        return NULL;
    const char *nul = memchr(data, '\0', len);
    if (nul) {
        int line = 1;
        for (const char *q = data; q < nul; q++)
            line += *q == '\n';
        sp_diag_add(d, path, line, SP_N_("deze regel bevat een NUL-byte, maar een speelscript moet een gewoon tekstbestand met opdrachten zijn"));
        free(data);
        *st = SP_EINVAL;
        return NULL;
    }
    *st = SP_ENOMEM;
    sp_term_script *sc = calloc(1, sizeof *sc);
    int n = 1;
    for (size_t i = 0; i < len; i++)
        n += data[i] == '\n';
    if (sc)
        sc->lines = calloc((size_t)n, sizeof *sc->lines);
    if (!sc || !sc->lines || !(sc->path = strdup(path))) {
        if (sc)
            free(sc->lines);
        free(sc);
        free(data);
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return NULL;
    }
    *st = SP_OK;
    sc->data = data;
    char *p = data;
    while (sc->n_lines < n) {
        sc->lines[sc->n_lines++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = '\0';
        p = nl + 1;
    }
    /* Comments and surrounding white space go now, so a line is either
     * empty or one command. */
    for (int i = 0; i < sc->n_lines; i++) {
        char *l = sc->lines[i];
        char *hash = strchr(l, '#');
        if (hash)
            *hash = '\0';
        while (isspace((unsigned char)*l))
            l++;
        size_t k = strlen(l);
        while (k > 0 && isspace((unsigned char)l[k - 1]))
            l[--k] = '\0';
        sc->lines[i] = l;
    }
    return sc;
}

void sp_term_script_free(sp_term_script *sc)
{
    if (!sc)
        return;
    free(sc->path);
    free(sc->data);
    free(sc->lines);
    free(sc);
}

static void skip_blank(sp_term_script *sc)
{
    while (sc->cur < sc->n_lines && !*sc->lines[sc->cur])
        sc->cur++;
}

int sp_term_script_done(sp_term_script *sc)
{
    skip_blank(sc);
    return sc->cur >= sc->n_lines;
}

static int is_case_line(const char *l)
{
    return strncmp(l, "case", 4) == 0 && (l[4] == '\0' || isspace((unsigned char)l[4]));
}

const char *sp_term_script_case(sp_term_script *sc)
{
    skip_blank(sc);
    if (sc->cur >= sc->n_lines)
        return NULL;
    sc->last = sc->cur + 1;  /* a message about what is there names this line */
    if (!is_case_line(sc->lines[sc->cur]))
        return NULL;
    const char *id = sc->lines[sc->cur++] + 4;
    while (isspace((unsigned char)*id))
        id++;
    return id;
}

const char *sp_term_script_where(const sp_term_script *sc)
{
    sp_term_script *m = (sp_term_script *)sc;
    snprintf(m->where, sizeof m->where, "%s:%d", sc->path, sc->last);
    return sc->where;
}

/* The next command, or NULL at the end. A `case` line is left unread. */
static const char *script_next(sp_term_script *sc)
{
    skip_blank(sc);
    if (sc->cur >= sc->n_lines)
        return NULL;
    sc->last = sc->cur + 1;
    if (is_case_line(sc->lines[sc->cur]))
        return sc->lines[sc->cur];
    return sc->lines[sc->cur++];
}

/* ==== commands =========================================================== */

typedef enum {
    CMD_BAD, CMD_CHOOSE, CMD_OPTION, CMD_FLAG, CMD_FLAG_MENU, CMD_UNDO, CMD_HISTORY,
    CMD_QUIT, CMD_CASE
} cmd_kind;

typedef struct cmd {
    cmd_kind kind;
    long n;          /* CMD_CHOOSE: 1-based */
    const char *arg; /* CMD_OPTION, CMD_FLAG: the id */
} cmd;

/* Parses one line. Scripts take the documented forms only; a person may
 * also use the one-letter keys. */
static cmd parse(const char *l, int interactive)
{
    cmd c = { CMD_BAD, 0, NULL };
    const char *arg = l;
    while (*arg && !isspace((unsigned char)*arg))
        arg++;
    size_t wlen = (size_t)(arg - l);
    while (isspace((unsigned char)*arg))
        arg++;
#define WORD(w) (wlen == sizeof(w) - 1 && strncmp(l, w, wlen) == 0)
    const char *num = NULL;
    if (isdigit((unsigned char)*l))
        num = l;
    else if (WORD("choose") && *arg)
        num = arg;
    if (num) {
        long v;
        if (sp_num_parse(num, 1, 999999, &v)) {
            c.kind = CMD_CHOOSE;
            c.n = v;
        }
    } else if (WORD("option") && *arg) {
        c.kind = CMD_OPTION;
        c.arg = arg;
    } else if (WORD("flag") && *arg) {
        c.kind = CMD_FLAG;
        c.arg = arg;
    } else if (WORD("undo") && !*arg) {
        c.kind = CMD_UNDO;
    } else if (WORD("case") && *arg) {
        c.kind = CMD_CASE;
        c.arg = arg;
    } else if (interactive && !*arg) {
        if (WORD("f"))
            c.kind = CMD_FLAG_MENU;
        else if (WORD("u"))
            c.kind = CMD_UNDO;
        else if (WORD("h") || WORD("history"))
            c.kind = CMD_HISTORY;
        else if (WORD("q") || WORD("quit"))
            c.kind = CMD_QUIT;
    }
#undef WORD
    return c;
}

/* ==== showing a view ===================================================== */

static const char *self_name(const sp_term *t, const sp_scenario *sc)
{
    for (int i = 0; i < sc->n_cast; i++)
        if (sc->cast[i].role == SP_ROLE_SELF)
            return sp_text_get(&sc->cast[i].name, t->lang);
    return sp_translate(t->lang, "Jij");
}

static void show_lines(sp_term *t, const sp_view *v)
{
    for (int i = 0; i < v->n_lines; i++) {
        const sp_view_line *l = &v->lines[i];
        if (l->speaker < 0) {
            sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_NARRATION, l->text);
        } else {
            /* The speaker's expression as a short stage direction:
             * "Klaasen (zucht): ...", where the window shows a portrait. */
            char label[256];
            const char *stage = sp_mood_stage(l->mood, t->lang);
            if (*stage)
                snprintf(label, sizeof label, "%s (%s): ", l->speaker_name, stage);
            else
                snprintf(label, sizeof label, "%s: ", l->speaker_name);
            sp_term_line(t, 0, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, l->text);
        }
    }
}

static void show_options(sp_term *t, const sp_view *v)
{
    int thought = v->kind == SP_VIEW_THOUGHT;
    sp_style st = thought ? SP_STYLE_THOUGHT : SP_STYLE_PLAIN;
    char label[256];
    if (thought)
        snprintf(label, sizeof label, "%s %s", sp_translate(t->lang, "(gedachte)"), v->prompt);
    else
        snprintf(label, sizeof label, "%s", v->prompt);
    fputc('\n', t->out);
    if (*label)
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", thought ? SP_STYLE_THOUGHT : SP_STYLE_BOLD, label);
    for (int i = 0; i < v->n_options; i++) {
        snprintf(label, sizeof label, "%d. ", i + 1);
        sp_term_line(t, 2, SP_STYLE_BOLD, label, st, v->options[i].text);
    }
}

/* Lines since the previous decision, then the choice or the ending. */
static void show_view(sp_term *t, const sp_view *v)
{
    char head[128];
    fputc('\n', t->out);
    if (v->kind != SP_VIEW_ENDING) {
        snprintf(head, sizeof head, "-- %s %d --", sp_translate(t->lang, "Beurt"), v->turn);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);
    }
    show_lines(t, v);
    if (v->kind == SP_VIEW_ENDING) {
        snprintf(head, sizeof head, "-- %s: %s (%s) --", sp_translate_ctx(t->lang, "report", "Einde"), v->ending_title,
                 sp_term_ending_kind(t->lang, v->ending_kind));
        fputc('\n', t->out);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, v->evaluation);
        return;
    }
    show_options(t, v);
}

/* The figures of the choice just made, from the debrief (the same numbers
 * as at the end): its score, the points it left and, when it left any,
 * "Sterker was: <option> (<its score>)". */
static void show_choice_figures(sp_term *t, const sp_session *s, const sp_feedback *f, sp_debrief_memo *memo)
{
    const sp_scenario *sc = sp_session_scenario(s);
    char text[2048];
    sp_debrief *d = sp_debrief_build_memo(s, memo);
    const sp_debrief_decision *m = d && d->n_decisions ? &d->decisions[d->n_decisions - 1] : NULL;
    if (!m || m->node != f->node || m->chosen != f->option || !d->exact) {
        snprintf(text, sizeof text, "Score %+d", f->total);
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, text);
        sp_debrief_free(d);
        return;
    }
    snprintf(text, sizeof text, "Score %+d; %s %d", f->total, sp_figure_name(t->lang, SP_FIG_LEFT), m->left);
    sp_term_line(t, 2, SP_STYLE_PLAIN, "", m->left ? SP_STYLE_BAD : SP_STYLE_GOOD, text);
    if (m->stronger >= 0) {
        char label[64];
        snprintf(label, sizeof label, "%s: ", sp_figure_stronger_was(t->lang));
        snprintf(text, sizeof text, "%s (%+d)", sp_text_get(&sc->nodes[m->node].options[m->stronger].text, t->lang),
                 m->stronger_total);
        sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, text);
    }
    sp_debrief_free(d);
}

/* What was said or thought, and the feedback on it (memo: the play's value
 * table, kept from one choice to the next). */
static void show_feedback(sp_term *t, const sp_session *s, const sp_feedback *f, sp_debrief_memo *memo)
{
    if (!f->valid)
        return;
    const sp_scenario *sc = sp_session_scenario(s);
    char label[256];
    fputc('\n', t->out);
    if (sc->nodes[f->node].kind == SP_NODE_THOUGHT) {
        snprintf(label, sizeof label, "%s ", sp_translate(t->lang, "(gedachte)"));
        sp_term_line(t, 0, SP_STYLE_THOUGHT, label, SP_STYLE_THOUGHT, f->said);
    } else {
        snprintf(label, sizeof label, "%s: ", self_name(t, sc));
        sp_term_line(t, 0, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, f->said);
    }
    char text[2048];
    if (*f->ref)
        snprintf(text, sizeof text, "%s [%s]", f->text, f->ref);
    else
        snprintf(text, sizeof text, "%s", f->text);
    snprintf(label, sizeof label, "%s ", sp_translate(t->lang, "Feedback:"));
    sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, text);
    show_choice_figures(t, s, f, memo);
}

static void show_flag_result(sp_term *t, const sp_handbook *hb, int flag, const sp_flag_result *r)
{
    const sp_redflag *rf = &hb->redflags[flag];
    char label[256];
    const char *m = r->verdict == SP_FLAG_PRESENT ? SP_N_("Herkend:")
             : r->verdict == SP_FLAG_NOT_INTENDED ? SP_N_("Niet bedoeld hier:") : SP_N_("Vals alarm:");
    snprintf(label, sizeof label, "%s %s (%s)", msg(t, m), sp_text_get(&rf->label, t->lang), rf->id);
    sp_term_line(t, 2, SP_STYLE_PLAIN, "", r->recognised ? SP_STYLE_GOOD
                 : r->verdict == SP_FLAG_NOT_INTENDED ? SP_STYLE_PLAIN : SP_STYLE_BAD, label);
    if (r->verdict == SP_FLAG_NOT_INTENDED)
        sp_term_line(t, 4, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "Verdedigbaar, maar de casus legt dit signaal op een ander moment."));
    if (r->why && *r->why)
        sp_term_line(t, 4, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, r->why);
}

static void show_history(sp_term *t, const sp_session *s)
{
    const sp_scenario *sc = sp_session_scenario(s);
    int n = sp_session_history_count(s);
    fputc('\n', t->out);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(t->lang, "Tot nu toe"));
    if (!n)
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "Je hebt nog niets gekozen."));
    for (int i = 0; i < n; i++) {
        const sp_step *st = sp_session_history(s, i);
        char label[256];
        snprintf(label, sizeof label, "%s %d: ", sp_translate(t->lang, "beurt"), st->turn);
        if (st->kind == SP_STEP_CHOOSE) {
            const sp_node *nd = &sc->nodes[st->node];
            const char *said = sp_text_get(&nd->options[st->option].text, t->lang);
            char text[2048];
            if (nd->kind == SP_NODE_THOUGHT)
                snprintf(text, sizeof text, "%s %s", sp_translate(t->lang, "(gedachte)"), said);
            else
                snprintf(text, sizeof text, "%s: %s", self_name(t, sc), said);
            sp_term_line(t, 2, SP_STYLE_PLAIN, label,
                         nd->kind == SP_NODE_THOUGHT ? SP_STYLE_THOUGHT : SP_STYLE_PLAIN, text);
        } else if (st->kind == SP_STEP_FLAG) {
            const sp_redflag *rf = &sc->handbook->redflags[st->flag];
            char text[512];
            snprintf(text, sizeof text, "%s: %s (%s)", sp_translate(t->lang, "rode vlag"),
                     sp_text_get(&rf->label, t->lang), rf->id);
            sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
        }
    }
}

/* ==== the loop =========================================================== */

typedef struct play {
    sp_term *t;
    sp_session *s;
    const sp_term_play_io *io;
    int interactive;
    sp_debrief_memo *memo;     /* the figures' value table, built once per play */
} play;

/* Reads one line from the person; NULL at the end of input. */
static char *ask(play *p, const char *prompt, char **line, size_t *cap)
{
    fputs(prompt, p->t->out);
    fflush(p->t->out);
    ssize_t n = getline(line, cap, p->io->in);
    if (n < 0) {
        fputc('\n', p->t->out);
        return NULL;
    }
    char *l = *line;
    while (n > 0 && isspace((unsigned char)l[n - 1]))
        l[--n] = '\0';
    while (isspace((unsigned char)*l))
        l++;
    return l;
}

/* A problem with the command: a person is told and asked again; a script
 * stops with "path:line: message". Returns 1 when the play must stop. */
static int complain(play *p, const char *person_msg, const char *script_msg)
{
    if (p->interactive) {
        sp_term_line(p->t, 2, SP_STYLE_PLAIN, "", SP_STYLE_BAD, msg(p->t, person_msg));
        return 0;
    }
    fprintf(stderr, "%s: %s\n", sp_term_script_where(p->io->script), script_msg);
    return 1;
}

static int stepped(play *p)
{
    return p->io->on_step && p->io->on_step(p->io->ctx, p->s) != 0;
}

/* Lists the 14 flags and lets the person mark one; -1 when they go back. */
static int flag_menu(play *p, char **line, size_t *cap)
{
    const sp_handbook *hb = sp_session_scenario(p->s)->handbook;
    fputc('\n', p->t->out);
    for (int i = 0; i < hb->n_redflags; i++) {
        char label[16];
        snprintf(label, sizeof label, "%2d. ", i + 1);
        sp_term_line(p->t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN,
                     sp_text_get(&hb->redflags[i].label, p->t->lang));
    }
    char *l = ask(p, sp_translate((p->t)->lang, "Welke rode vlag zie je? (nummer, Enter = terug): "), line, cap);
    if (!l || !*l)
        return -1;
    long v;
    if (!sp_num_parse(l, 1, hb->n_redflags, &v)) {
        sp_term_line(p->t, 2, SP_STYLE_PLAIN, "", SP_STYLE_BAD, sp_translate((p->t)->lang, "Kies een nummer uit de lijst, of f, u, h, q."));
        return -1;
    }
    return (int)v - 1;
}

/* What one command did, for the loop in sp_term_play(). */
typedef enum {
    DONE_SHOW,   /* the play did not move on: a person sees the choice again */
    DONE_MOVED,  /* the play moved on and its new view is shown */
    DONE_STOP,   /* a script's mistake: the play stops */
    DONE_FAILED  /* the step could not be saved (on_step failed) */
} done;

/* A complaint about the command: a script stops, a person is asked again. */
static done refuse(play *p, const char *person_msg, const char *script_msg)
{
    return complain(p, person_msg, script_msg) ? DONE_STOP : DONE_SHOW;
}

/* "3" or "option c2": takes that option of the current view. */
static done choose_cmd(play *p, const cmd *c, const sp_view *v)
{
    char why[512];
    int k = -1;
    if (c->kind == CMD_CHOOSE && c->n <= v->n_options)
        k = v->options[c->n - 1].option;
    for (int i = 0; c->kind == CMD_OPTION && i < v->n_options; i++)
        if (strcmp(v->options[i].id, c->arg) == 0)
            k = v->options[i].option;
    if (k < 0) {
        if (c->kind == CMD_CHOOSE)
            snprintf(why, sizeof why, sp_translate(p->t->lang, "hier is geen optie %ld (er zijn er %d)"), c->n, v->n_options);
        else
            snprintf(why, sizeof why, sp_translate(p->t->lang, "optie '%s' wordt hier niet aangeboden"), c->arg);
        return refuse(p, SP_N_("Kies een nummer uit de lijst, of f, u, h, q."), why);
    }
    if (sp_session_choose(p->s, k) != SP_OK)
        return refuse(p, SP_N_("Kies een nummer uit de lijst, of f, u, h, q."), sp_translate(p->t->lang, "die optie kan hier niet gekozen worden"));
    if (stepped(p))
        return DONE_FAILED;
    v = sp_session_view(p->s);
    show_feedback(p->t, p->s, &v->feedback, p->memo);
    show_view(p->t, v);
    return DONE_MOVED;
}

/* "flag ID", or f and the menu: marks a red flag at this turn. */
static done flag_cmd(play *p, const cmd *c, char **line, size_t *cap)
{
    const sp_scenario *sc = sp_session_scenario(p->s);
    char why[512];
    int f = c->kind == CMD_FLAG ? sp_handbook_redflag(sc->handbook, c->arg) : flag_menu(p, line, cap);
    if (f < 0) {
        if (c->kind != CMD_FLAG)
            return DONE_SHOW;
        snprintf(why, sizeof why, sp_translate(p->t->lang, "onbekende rode vlag '%s'"), c->arg);
        return refuse(p, SP_N_("Kies een nummer uit de lijst, of f, u, h, q."), why);
    }
    sp_flag_result r;
    if (sp_session_flag(p->s, f, &r) != SP_OK) {
        snprintf(why, sizeof why, sp_translate(p->t->lang, "rode vlag '%s' is deze beurt al gemarkeerd"),
                 sc->handbook->redflags[f].id);
        return refuse(p, SP_N_("Die vlag heb je deze beurt al gemarkeerd."), why);
    }
    if (stepped(p))
        return DONE_FAILED;
    show_flag_result(p->t, sc->handbook, f, &r);
    return DONE_SHOW;
}

/* u: takes the last step back. */
static done undo_cmd(play *p)
{
    if (sp_session_undo(p->s) != SP_OK)
        return refuse(p, SP_N_("Er is niets om terug te draaien."), sp_translate(p->t->lang, "niets om terug te draaien"));
    if (stepped(p))
        return DONE_FAILED;
    sp_term_line(p->t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate((p->t)->lang, "Teruggedraaid."));
    show_view(p->t, sp_session_view(p->s));
    return DONE_MOVED;
}

/* One command l (parsed into c) at the current view; not CMD_QUIT. */
static done run_cmd(play *p, const cmd *c, const char *l, char **line, size_t *cap)
{
    char why[512];
    switch (c->kind) {
    case CMD_BAD:
        snprintf(why, sizeof why, sp_translate(p->t->lang, "onbekende opdracht '%s'"), l);
        return refuse(p, SP_N_("Kies een nummer uit de lijst, of f, u, h, q."), why);
    case CMD_CHOOSE:
    case CMD_OPTION:
        return choose_cmd(p, c, sp_session_view(p->s));
    case CMD_FLAG:
    case CMD_FLAG_MENU:
        return flag_cmd(p, c, line, cap);
    case CMD_UNDO:
        return undo_cmd(p);
    case CMD_HISTORY:
        show_history(p->t, p->s);
        return DONE_SHOW;
    case CMD_QUIT:
    case CMD_CASE:
        break;
    }
    return DONE_SHOW;
}

sp_play_result sp_term_play(sp_term *t, sp_session *s, const sp_term_play_io *io, int briefing)
{
    play p = { t, s, io, io->script == NULL, sp_debrief_memo_new() };
    const sp_scenario *sc = sp_session_scenario(s);
    char *line = NULL;
    size_t cap = 0;
    sp_play_result res;

    if (briefing)
        sp_term_briefing(t, sc);
    if (p.interactive) {
        fputc('\n', t->out);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(t->lang, "Toetsen: nummer = kiezen, f = rode vlag, u = terug, h = geschiedenis, q = stoppen"));
    }
    show_view(t, sp_session_view(s));
    for (;;) {
        const sp_view *v = sp_session_view(s);
        if (v->kind == SP_VIEW_ENDING) {
            res = SP_PLAY_FINISHED;
            break;
        }
        const char *l;
        if (p.interactive) {
            l = ask(&p, sp_translate(t->lang, "Jouw keuze: "), &line, &cap);
            if (!l) {
                res = SP_PLAY_QUIT;
                break;
            }
            if (!*l)
                continue;
        } else {
            l = script_next(io->script);
            if (!l) {
                res = SP_PLAY_SCRIPT_END;
                break;
            }
        }
        cmd c = parse(l, p.interactive);
        if (c.kind == CMD_CASE) {
            if (p.interactive) {
                complain(&p, SP_N_("Kies een nummer uit de lijst, of f, u, h, q."), "");
                continue;
            }
            res = SP_PLAY_SCRIPT_CASE;
            break;
        }
        if (!p.interactive)
            fprintf(t->out, "\n> %s\n", l);
        if (c.kind == CMD_QUIT) {
            res = SP_PLAY_QUIT;
            break;
        }
        done d = run_cmd(&p, &c, l, &line, &cap);
        if (d == DONE_FAILED || d == DONE_STOP) {
            res = d == DONE_FAILED ? SP_PLAY_SYSTEM_ERROR : SP_PLAY_SCRIPT_ERROR;
            break;
        }
        /* After anything that did not move the play on, a person sees the
         * choice again; a script's output stays compact. */
        if (d == DONE_SHOW && p.interactive)
            show_options(t, sp_session_view(s));
    }
    free(line);
    sp_debrief_memo_free(p.memo);
    return res;
}
