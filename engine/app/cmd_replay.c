/* cmd_replay.c: `samenspel replay`: step through a saved play in the terminal or the window, add notes, branch off and play on; without a file, the list of past plays. */
#include "commands.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <poll.h>
#include <unistd.h>
#include "core/paths.h"
#include "app/replay_cli.h"
#include "core/debrief.h"
#include "core/export.h"
#include "core/figures.h"
#include "core/translate.h"
#include "core/fs.h"
#include "core/num.h"
#include "term/term.h"

/* ==== interface words ========================================================= */

static const char *keys_help(sp_lang l)
{
    return sp_translate(l, "Toetsen: Enter of n = verder, p = terug, nummer = naar die beurt, j = springen, "
                           "r = vanzelf afspelen (r 5: elke 5 seconden; Enter = pauze), "
                           "a = notitie, b = vanaf hier verder spelen, d = nabespreking, q = stoppen");
}

/* Copies tmpl with its "%d" replaced by v (the words are data, never a format). */
static void fill_int(char *out, size_t n, const char *tmpl, int v)
{
    const char *at = strstr(tmpl, "%d");
    if (at)
        snprintf(out, n, "%.*s%d%s", (int)(at - tmpl), tmpl, v, at + 2);
    else
        snprintf(out, n, "%s", tmpl);
}

/* ==== one step ================================================================= */

/* "Verloop: 1+ [2-] 3~ 4+ | einde": + best, ~ fair, - weakest choice. */
static void timeline(sp_term *t, const sp_replay *r, int cur)
{
    sp_lang l = t->lang;
    sp_term_printf(t, SP_STYLE_BOLD, "%s:", sp_translate(l, "Verloop"));
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
        fprintf(t->out, " | [%s]\n", sp_translate(l, "einde"));
    else
        fprintf(t->out, " | %s\n", sp_translate(l, "einde"));
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

/* One option on offer; mark: the node option index to mark as the
 * strongest (the choice itself when it left nothing, else the stronger
 * option), -1 for none. */
static void option_line(sp_term *t, const sp_replay *r, const sp_replay_step *s, int k, int mark)
{
    sp_lang l = t->lang;
    const sp_handbook *hb = r->sc->handbook;
    const sp_option *o = &r->sc->nodes[s->node].options[s->offered[k]];
    int taken = s->offered[k] == s->chosen, total = sp_option_total(o);
    char label[32], text[4096] = "";
    snprintf(label, sizeof label, "%s%d. ", taken ? "> " : "  ", k + 1);
    cat(text, sizeof text, "%s [%+d", sp_text_get(&o->text, l), total);
    if (s->offered[k] == mark)
        cat(text, sizeof text, ", %s", mark == s->chosen ? sp_translate(l, "sterkste keuze") : sp_figure_name(l, SP_FIG_STRONGER));
    cat(text, sizeof text, "]");
    if (o->n_interventions)
        cat(text, sizeof text, " (%s: ", sp_translate(l, "past toe"));
    for (int m = 0; m < o->n_interventions; m++)
        cat(text, sizeof text, "%s%s", m ? ", " : "", sp_text_get(&hb->interventions[o->interventions[m]].label, l));
    if (o->n_interventions)
        cat(text, sizeof text, ")");
    if (o->thought >= 0)
        cat(text, sizeof text, " (%s: %s)", sp_translate(l, "Gedachte"),
            sp_translate(l, o->side == SP_SIDE_HINDERING ? SP_N_("belemmerend") : SP_N_("helpend")));
    if (s->n_votes == s->n_offered)
        cat(text, sizeof text, " %s: %d", sp_translate(l, "Stemmen"), s->votes[k]);
    sp_term_line(t, 2, taken ? SP_STYLE_BOLD : SP_STYLE_PLAIN, label,
                 taken ? SP_STYLE_BOLD : SP_STYLE_PLAIN, text);
}

static void notes_at(sp_term *t, const sp_replay *r, int step)
{
    char label[64];
    snprintf(label, sizeof label, "%s: ", sp_translate(t->lang, "Notitie"));
    for (int k = 0; k < r->t->n_notes; k++)
        if (sp_replay_note_step(r, &r->t->notes[k]) == step)
            sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, r->t->notes[k].text);
}

static void flags_of_step(sp_term *t, const sp_replay *r, const sp_replay_step *s)
{
    sp_lang l = t->lang;
    const sp_handbook *hb = r->sc->handbook;
    char label[128], text[2048] = "";
    if (s->n_present) {
        for (int k = 0; k < s->n_present; k++)
            cat(text, sizeof text, "%s%s", k ? ", " : "", sp_text_get(&hb->redflags[s->present[k]].label, l));
        snprintf(label, sizeof label, "%s: ", sp_translate(l, "Rode vlaggen in deze beurt"));
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
    }
    for (int k = 0; k < s->n_marked; k++) {
        snprintf(label, sizeof label, "%s: ", sp_translate(l, "Gemarkeerd"));
        snprintf(text, sizeof text, "%s (%s)", sp_text_get(&hb->redflags[s->marked[k]].label, l),
                 sp_translate(l, s->marked_verdict[k] == SP_FLAG_PRESENT ? SP_N_("herkend")
                       : s->marked_verdict[k] == SP_FLAG_NOT_INTENDED ? SP_N_("niet bedoeld hier") : SP_N_("vals alarm")));
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, s->marked_verdict[k] == SP_FLAG_PRESENT ? SP_STYLE_GOOD
                     : s->marked_verdict[k] == SP_FLAG_NOT_INTENDED ? SP_STYLE_PLAIN : SP_STYLE_BAD, text);
    }
}

/* Everything known at step i: what was said, the options with their
 * scores, the choice and its feedback, flags, votes and notes. */
static void print_step(sp_term *t, const sp_replay *r, int i)
{
    sp_lang l = t->lang;
    const sp_replay_step *s = &r->steps[i];
    const sp_node *nd = &r->sc->nodes[s->node];
    char head[512];
    fputc('\n', t->out);
    /* The figures of this choice come from the play's debrief, as on every
     * other surface. */
    sp_debrief *db = i < r->n_decisions ? sp_debrief_build(r->s) : NULL;
    const sp_debrief_decision *m = db && db->exact && i < db->n_decisions ? &db->decisions[i] : NULL;
    int mark = !m ? -1 : m->stronger >= 0 ? m->stronger : m->chosen;
    if (i < r->n_decisions) {
        int n = snprintf(head, sizeof head, "%s %d %s %d · %s · %+d", sp_translate(l, "Beurt"), s->turn, sp_translate(l, "van"),
                         r->n_decisions, sp_translate(l, s->kind == SP_VIEW_THOUGHT ? SP_N_("Gedachte") : SP_N_("Beslissing")), s->total);
        if (m && n > 0 && (size_t)n < sizeof head && m->left)
            snprintf(head + n, sizeof head - (size_t)n, ", %s %d", sp_figure_name(l, SP_FIG_LEFT), m->left);
        else if (m && n > 0 && (size_t)n < sizeof head)
            snprintf(head + n, sizeof head - (size_t)n, ", %s", sp_translate(l, "sterkste keuze"));
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", !m ? SP_STYLE_BOLD : m->left ? SP_STYLE_BAD : SP_STYLE_GOOD, head);
    }
    sp_debrief_free(db);
    for (int k = 0; k < s->n_lines; k++) {
        const sp_view_line *vl = &s->lines[k];
        if (vl->speaker < 0) {
            sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_NARRATION, vl->text);
        } else {
            char who[256];
            snprintf(who, sizeof who, "%s: ", vl->speaker_name);
            sp_term_line(t, 2, SP_STYLE_BOLD, who, SP_STYLE_PLAIN, vl->text);
        }
    }
    if (i == r->n_decisions) {
        if (r->finished) {
            snprintf(head, sizeof head, "%s: %s (%s)", sp_translate_ctx(l, "report", "Einde"), sp_text_get(&nd->ending_title, l),
                     sp_export_kind(l, nd->ending_kind));
            sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);
            sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_session_text(r->s, &nd->evaluation, l));
        } else {
            char what[256];
            fill_int(what, sizeof what, sp_translate(l, "Niet afgemaakt: het gesprek stopte bij beurt %d."), s->turn);
            sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, what);
            if (*s->prompt)
                sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_THOUGHT, s->prompt);
            for (int k = 0; k < s->n_offered; k++) {
                char label[16];
                snprintf(label, sizeof label, "  %d. ", k + 1);
                sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN,
                             sp_text_get(&nd->options[s->offered[k]].text, l));
            }
        }
        flags_of_step(t, r, s);
        notes_at(t, r, i);
        notes_at(t, r, -1);
        return;
    }
    if (*s->prompt)
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_THOUGHT, s->prompt);
    for (int k = 0; k < s->n_offered; k++)
        option_line(t, r, s, k, mark);
    const sp_option *o = &nd->options[s->chosen];
    char label[64], text[4096];
    snprintf(label, sizeof label, "%s: ", sp_translate(l, "Feedback"));
    snprintf(text, sizeof text, "%s%s%s%s", sp_session_text_at(r->s, (int)(s - r->steps), &o->feedback, l), *sp_text_get(&o->ref_label, l) ? " (" : "",
             sp_text_get(&o->ref_label, l), *sp_text_get(&o->ref_label, l) ? ")" : "");
    sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, text);
    if (s->override) {
        snprintf(label, sizeof label, "%s: ", sp_translate(l, "Stemmen"));
        sp_term_line(t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_translate(l, "de trainer koos anders dan de meerderheid"));
    }
    flags_of_step(t, r, s);
    notes_at(t, r, i);
}

static void print_header(sp_term *t, const sp_replay *r)
{
    sp_lang l = t->lang;
    char line[1024];
    snprintf(line, sizeof line, "%s: %s", sp_text_get(&r->sc->title, l), r->t->path ? r->t->path : "");
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, line);
    if (r->t->parent) {
        snprintf(line, sizeof line, "%s: %s", sp_translate(l, "aftakking"), r->t->parent);
        sp_term_line(t, 2, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, line);
    }
}

/* ==== notes and branches ======================================================== */

static int save_note(sp_term *t, const sp_replay *r, sp_transcript *tr, int i, const char *text)
{
    sp_diag *d = sp_diag_new();
    sp_status st = d ? sp_replay_add_note(r, tr, i, text) : SP_ENOMEM;
    if (st == SP_OK)
        st = sp_transcript_write(tr, tr->path, d);
    sp_cli_print_diag(d);
    sp_diag_free(d);
    if (st == SP_OK)
        sp_term_printf(t, SP_STYLE_PLAIN, "%s %s\n", sp_translate(t->lang, "Notitie bewaard in"), tr->path);
    return sp_cli_exit(st);
}

/* Plays on live from step i into a new transcript that names its parent. */
static int branch_and_play(sp_term *t, const sp_replay *r, int i, sp_term_script *script)
{
    sp_lang l = t->lang;
    if (i == r->n_decisions && r->finished) {
        fprintf(stderr, "%s\n", sp_translate(l, "Het gesprek is hier al afgelopen; kies een eerdere beurt om vanaf verder te spelen."));
        return SP_EXIT_USAGE;
    }
    char parent[PATH_MAX];
    if (!realpath(r->t->path, parent))
        snprintf(parent, sizeof parent, "%s", r->t->path);
    sp_diag *d = sp_diag_new();
    sp_session *s = NULL;
    sp_cli_saver sv = { NULL, "", "", 0 };
    sp_status st = d ? sp_replay_branch(r, i, parent, sp_cli_now(), &s, &sv.tr, d) : SP_ENOMEM;
    if (st == SP_OK) {
        sp_cli_set_clock(s);
        st = sp_cli_transcript_dir(sv.dir, sizeof sv.dir, d);
    }
    if (st == SP_OK && sp_cli_save(&sv, s))
        st = SP_EIO;
    sp_cli_print_diag(d);
    sp_diag_free(d);
    int rc = sp_cli_exit(st);
    if (st == SP_OK) {
        char head[128];
        snprintf(head, sizeof head, "%s %d.", sp_translate(l, "Je speelt verder vanaf beurt"), r->steps[i].turn);
        fputc('\n', t->out);
        sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);
        sp_term_play_io io = { stdin, script, sp_cli_save, &sv };
        sp_play_result res = sp_term_play(t, s, &io, 0);
        if (res == SP_PLAY_QUIT)
            sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, sp_translate(l, "Gestopt. Je gesprek is bewaard."));
        if (res != SP_PLAY_SYSTEM_ERROR) {
            sp_debrief *db = sp_debrief_build(s);
            if (db)
                sp_term_debrief(t, s, db);
            sp_debrief_free(db);
        }
        if (res == SP_PLAY_SCRIPT_END)
            sp_cli_error("%s: het script hield op voordat het gesprek een einde bereikte",
                    sp_term_script_where(script));
        else if (res == SP_PLAY_FINISHED && script && !sp_term_script_done(script))
            sp_cli_error("%s: het gesprek is hier al afgelopen", sp_term_script_where(script));
        rc = res == SP_PLAY_SYSTEM_ERROR ? SP_EXIT_SYSTEM
           : res == SP_PLAY_SCRIPT_END || res == SP_PLAY_SCRIPT_ERROR || res == SP_PLAY_SCRIPT_CASE ||
             (res == SP_PLAY_FINISHED && script && !sp_term_script_done(script)) ? SP_EXIT_INVALID
           : SP_EXIT_OK;
        fflush(t->out);
        if (sp_cli_saver_end(&sv, l))
            rc = SP_EXIT_SYSTEM;
    }
    sp_transcript_free(sv.tr);
    sp_session_free(s);
    return rc;
}

/* ==== whole replays ============================================================= */

static void debrief(sp_term *t, const sp_replay *r)
{
    sp_debrief *db = sp_debrief_build(r->s);
    if (db)
        sp_term_debrief(t, r->s, db);
    sp_debrief_free(db);
}

/* Not at a keyboard: the whole play, then its debrief. */
static void print_all(sp_term *t, const sp_replay *r)
{
    print_header(t, r);
    for (int i = 0; i < r->n_steps; i++)
        print_step(t, r, i);
    fputc('\n', t->out);
    timeline(t, r, -1);
    debrief(t, r);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* A turn number typed by the user: its step index, or -1 (with a message). */
static int turn_index(sp_term *t, const sp_replay *r, const char *s)
{
    long k;
    if (!sp_num_parse(s, 1, r->n_steps, &k)) {
        fprintf(t->out, "%s %d.\n", sp_translate(t->lang, "Die beurt is er niet; kies 1 tot"), r->n_steps);
        return -1;
    }
    return (int)k - 1;
}

static int ask(sp_term *t, const char *prompt, char **line, size_t *cap)
{
    fputs(prompt, t->out);
    fflush(t->out);
    if (getline(line, cap, stdin) < 0) {
        fputc('\n', t->out);
        return 0;
    }
    return 1;
}

/* Shows the steps after i one by one, every `seconds`, until the end or
 * until a line is typed (which is read and dropped: it is the pause).
 * Returns the step it stopped at. */
static int autoplay(sp_term *t, const sp_replay *r, int i, int seconds, char **line, size_t *cap)
{
    while (i + 1 < r->n_steps) {
        fflush(t->out);
        struct pollfd pf = { STDIN_FILENO, POLLIN, 0 };
        int k = poll(&pf, 1, seconds * 1000);
        if (k > 0) {
            if (getline(line, cap, stdin) >= 0)
                fprintf(t->out, "%s\n", sp_translate(t->lang, "Gepauzeerd."));
            break;
        }
        if (k < 0)
            break;
        i++;
        print_step(t, r, i);
        timeline(t, r, i);
    }
    return i;
}

static int interactive(sp_term *t, const sp_replay *r, sp_transcript *tr)
{
    sp_lang l = t->lang;
    int i = 0, rc = SP_EXIT_OK, show = 1;
    char *line = NULL;
    size_t cap = 0;
    print_header(t, r);
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, keys_help(l));
    for (;;) {
        if (show) {
            print_step(t, r, i);
            timeline(t, r, i);
        }
        show = 1;
        if (!ask(t, sp_translate(l, "Terugkijken> "), &line, &cap))
            break;
        char *c = trim(line);
        if (!*c || strcmp(c, "n") == 0) {
            if (i + 1 < r->n_steps)
                i++;
            else
                show = 0;
        } else if (strcmp(c, "p") == 0) {
            if (i > 0)
                i--;
            else
                show = 0;
        } else if (strcmp(c, "q") == 0) {
            break;
        } else if (c[0] == 'r' && (c[1] == '\0' || c[1] == ' ')) {
            long sec = strtol(c + 1, NULL, 10);
            i = autoplay(t, r, i, sec >= 1 && sec <= 600 ? (int)sec : 4, &line, &cap);
            show = 0;
        } else if (strcmp(c, "d") == 0) {
            debrief(t, r);
            show = 0;
        } else if (strcmp(c, "a") == 0) {
            show = 0;
            if (ask(t, sp_translate(l, "Notitie bij deze stap (Enter zonder tekst = niets): "), &line, &cap) && *(c = trim(line)))
                rc = save_note(t, r, tr, i, c);
        } else if (strcmp(c, "b") == 0) {
            if (i == r->n_decisions && r->finished) {
                fprintf(t->out, "%s\n", sp_translate(l, "Het gesprek is hier al afgelopen; kies een eerdere beurt om vanaf verder te spelen."));
                show = 0;
                continue;
            }
            rc = branch_and_play(t, r, i, NULL);
            break;
        } else if (c[0] == 'j' || (c[0] >= '0' && c[0] <= '9')) {
            if (c[0] == 'j')
                c = trim(c + 1);
            if (!*c && ask(t, sp_translate(l, "Naar welke beurt? "), &line, &cap))
                c = trim(line);
            int k = turn_index(t, r, c);
            if (k >= 0)
                i = k;
            else
                show = 0;
        } else {
            sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN, keys_help(l));
            show = 0;
        }
    }
    free(line);
    return rc;
}

/* ==== the list of past plays ======================================================= */

static int history(sp_replay_cli *c, sp_term *t, char *picked, size_t len)
{
    sp_lang l = t->lang;
    char dir[PATH_MAX];
    picked[0] = '\0';
    sp_status dst = sp_fs_data_dir(dir, sizeof dir - 16);
    if (dst != SP_OK) {
        fprintf(stderr, "samenspel: %s\n", sp_translate(l, sp_fs_data_dir_problem(dst)));
        return SP_EXIT_SYSTEM;
    }
    strcat(dir, "/transcripts");
    sp_replay_entry *e = NULL;
    int n = 0;
    /* A case that does not load shows in the list as the reason its plays
     * cannot be opened; no message on top of that. */
    c->quiet = 1;
    sp_status st = sp_replay_scan(dir, sp_replay_cli_resolve, c, &e, &n);
    c->quiet = 0;
    if (st != SP_OK)
        return SP_EXIT_SYSTEM;
    if (n == 0) {
        fprintf(t->out, "%s %s\n", sp_translate(l, "Er zijn nog geen bewaarde gesprekken in"), dir);
        return SP_EXIT_OK;
    }
    sp_term_line(t, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, sp_translate(l, "Eerdere gesprekken"));
    for (int k = 0; k < n; k++) {
        char when[32] = "", text[1024] = "", label[16];
        time_t tt = (time_t)e[k].started;
        struct tm tm;
        if (e[k].started > 0 && localtime_r(&tt, &tm))
            strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
        snprintf(label, sizeof label, "%3d. ", k + 1);
        if (!e[k].ok) {
            const char *base = strrchr(e[k].path, '/');
            snprintf(text, sizeof text, "%s %s (%s: %s)", when, base ? base + 1 : e[k].path,
                     sp_translate(l, "niet te openen"), e[k].error ? e[k].error : "?");
            sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_BAD, text);
            continue;
        }
        const sp_scenario *sc = e[k].sc;
        cat(text, sizeof text, "%s · %s · ", when, sp_text_get(&sc->title, l));
        if (e[k].finished) {
            const sp_node *nd = &sc->nodes[e[k].ending_node];
            cat(text, sizeof text, "%s: %s (%s)", sp_translate_ctx(l, "report", "Einde"), sp_text_get(&nd->ending_title, l),
                sp_export_kind(l, nd->ending_kind));
        } else {
            char what[256];
            fill_int(what, sizeof what, sp_translate(l, "Niet afgemaakt: het gesprek stopte bij beurt %d."), e[k].n_turns + 1);
            cat(text, sizeof text, "%s", what);
        }
        if (e[k].exact)
            cat(text, sizeof text, " · %s %d, %s %d", sp_figure_name(l, SP_FIG_SCORE), e[k].total,
                sp_figure_name(l, SP_FIG_MAX), e[k].max);
        else
            cat(text, sizeof text, " · %s %d", sp_figure_name(l, SP_FIG_SCORE), e[k].total);
        if (e[k].branch)
            cat(text, sizeof text, " (%s)", sp_translate(l, "aftakking"));
        sp_term_line(t, 2, SP_STYLE_PLAIN, label, SP_STYLE_PLAIN, text);
    }
    for (int f = SP_FIG_SCORE; f <= SP_FIG_MAX; f++) {
        char name[128];
        snprintf(name, sizeof name, "%s: ", sp_figure_name(l, (sp_figure)f));
        sp_term_line(t, 2, SP_STYLE_BOLD, name, SP_STYLE_PLAIN, sp_figure_legend(l, (sp_figure)f));
    }
    int rc = SP_EXIT_OK;
    if (isatty(STDIN_FILENO)) {
        char *line = NULL;
        size_t cap = 0;
        while (ask(t, sp_translate(l, "Welk gesprek wil je terugkijken? (nummer, q = stoppen): "), &line, &cap)) {
            char *s = trim(line);
            if (*s == 'q')
                break;
            long k;
            if (sp_num_parse(s, 1, n, &k) && e[k - 1].ok) {
                snprintf(picked, len, "%s", e[k - 1].path);
                break;
            }
        }
        free(line);
    }
    sp_replay_entries_free(e, n);
    return rc;
}

/* ==== the command ================================================================= */

int sp_cmd_replay(int argc, char **argv)
{
    sp_replay_cli c;
    int rc = sp_replay_cli_init(&c);
    if (rc != SP_EXIT_OK)
        return rc;
    int text = 0, branch_turn = 0;
    const char *path = NULL, *script_path = NULL;
    for (int i = 1; i < argc && rc == SP_EXIT_OK; i++) {
        int k = sp_replay_cli_case_option(&c, &i, argc, argv);
        char *end;
        if (k < 0)
            rc = SP_EXIT_INVALID;
        else if (k > 0)
            continue;
        else if (strcmp(argv[i], "--text") == 0)
            text = 1;
        else if (strcmp(argv[i], "--branch") == 0 && i + 1 < argc) {
            long v = 0;
            (void)end;
            if (!sp_num_parse(argv[++i], 1, SP_TRANSCRIPT_MAX_STEPS, &v)) {
                sp_cli_error("samenspel replay: --branch wil een beurtnummer van 1 tot en met %d, niet '%s'",
                        SP_TRANSCRIPT_MAX_STEPS, argv[i]);
                rc = SP_EXIT_USAGE;
            }
            branch_turn = (int)v;
        } else if (strcmp(argv[i], "--choices") == 0 && i + 1 < argc)
            script_path = argv[++i];
        else if (argv[i][0] == '-' || path)
            rc = sp_cli_usage("replay");
        else
            path = argv[i];
    }
    if (rc == SP_EXIT_OK && ((script_path && !branch_turn) || (branch_turn && !path)))
        rc = sp_cli_usage("replay");
    if (rc != SP_EXIT_OK) {
        sp_replay_cli_free(&c);
        return rc;
    }
    if (path && !text && !branch_turn && sp_cli_display_available()) {
        sp_replay_cli_free(&c);
        sp_gui_options o = { 0 };
        o.display = -1;
        o.replay = path;
        return sp_cli_gui_run(&o);
    }
    sp_term t;
    sp_term_init(&t, stdout, sp_cli_opts()->lang);
    char picked[PATH_MAX];
    if (!path) {
        rc = history(&c, &t, picked, sizeof picked);
        if (rc != SP_EXIT_OK || !picked[0]) {
            sp_replay_cli_free(&c);
            return rc;
        }
        path = picked;
    }
    sp_transcript *tr;
    sp_replay *r;
    rc = sp_replay_cli_load(&c, path, t.lang, &tr, &r);
    if (r) {
        int lrc = SP_EXIT_OK;
        if (branch_turn) {
            sp_term_script *script = NULL;
            sp_diag *d = sp_diag_new();
            sp_status sst = SP_OK;
            if (script_path && !(script = sp_term_script_open(script_path, &sst, d)))
                lrc = sp_cli_exit(sst);
            sp_cli_print_diag(d);
            sp_diag_free(d);
            if (lrc == SP_EXIT_OK && branch_turn > r->n_steps) {
                fprintf(stderr, "%s %d.\n", sp_translate(t.lang, "Die beurt is er niet; kies 1 tot"), r->n_steps);
                lrc = SP_EXIT_USAGE;
            } else if (lrc == SP_EXIT_OK) {
                lrc = branch_and_play(&t, r, branch_turn - 1, script);
            }
            sp_term_script_free(script);
        } else if (isatty(STDIN_FILENO)) {
            lrc = interactive(&t, r, tr);
        } else {
            print_all(&t, r);
        }
        if (lrc != SP_EXIT_OK)
            rc = lrc;
    }
    sp_replay_free(r);
    sp_transcript_free(tr);
    sp_replay_cli_free(&c);
    return rc;
}
