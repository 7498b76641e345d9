/* cmd_play.c: `samenspel play`: a case or the trajectory, in the window, at the keyboard or from a script. */
#include "commands.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "app/group_play.h"
#include "core/paths.h"
#include "core/debrief.h"
#include "core/handbook.h"
#include "core/num.h"
#include "core/scenario.h"
#include "core/transcript.h"
#include "term/term.h"

/* ==== one case =========================================================== */

typedef struct run {
    sp_term term;
    sp_handbook *hb;
    sp_term_script *script;  /* NULL: interactive */
    char trajectory[64];     /* trajectory id of the transcripts, or "" */
    /* The previous case of a trajectory: its end values feed carry vars. */
    sp_scenario *prev_sc;
    sp_session *prev_s;
} run;

static void carry_over(const run *r, sp_session *s, const sp_scenario *sc)
{
    if (!r->prev_s)
        return;
    const int *end = sp_session_vars(r->prev_s);
    for (int i = 0; i < sc->n_vars; i++) {
        if (!sc->vars[i].carry)
            continue;
        int k = sp_scenario_var(r->prev_sc, sc->vars[i].name);
        if (k >= 0)
            sp_session_set_var(s, sc->vars[i].name, end[k]);
    }
}

/* A case ready to play: its scenario, its session and where it is saved. */
typedef struct ready {
    sp_scenario *sc;
    sp_session *s;
    sp_cli_saver sv;
} ready;

static sp_status start_new(run *r, const char *arg, ready *p, sp_diag *d)
{
    sp_status st = sp_paths_load_scenario(arg, r->hb, &p->sc, d);
    if (st != SP_OK)
        return st;
    p->s = sp_session_new(p->sc, r->term.lang);
    p->sv.tr = sp_transcript_new();
    if (!p->s || !p->sv.tr)
        return SP_ENOMEM;
    sp_cli_set_clock(p->s);
    carry_over(r, p->s, p->sc);
    free(p->sv.tr->mode);
    p->sv.tr->mode = strdup("solo");
    free(p->sv.tr->trajectory);
    p->sv.tr->trajectory = r->trajectory[0] ? strdup(r->trajectory) : NULL;
    /* A case from a file: the transcript says where, for debrief and the rest. */
    p->sv.tr->scenario_path = sp_paths_case_file_path(arg);
    return sp_cli_transcript_dir(p->sv.dir, sizeof p->sv.dir, d);
}

/* Picks up a saved play where it stopped; it goes on in the same file. The
 * case: case_file (--case) when given, which the transcript then records
 * as its scenario-path; else where the transcript says (as debrief). */
static sp_status start_resume(run *r, const char *path, const char *case_file, ready *p, sp_diag *d)
{
    sp_status st = sp_transcript_read_locked(path, &p->sv.tr, d);
    if (st == SP_OK && case_file) {
        st = sp_paths_load_scenario(case_file, r->hb, &p->sc, d);
        char *real = st == SP_OK ? sp_paths_case_file_path(case_file) : NULL;
        if (real) {
            free(p->sv.tr->scenario_path);
            p->sv.tr->scenario_path = real;
        }
    } else if (st == SP_OK) {
        st = sp_paths_load_case_of(p->sv.tr->scenario_id, p->sv.tr->scenario_path,
                                   p->sv.tr->scenario_hash, r->hb, &p->sc, d);
    }
    if (st == SP_OK)
        st = sp_transcript_replay(p->sv.tr, p->sc, -1, &p->s, d);
    if (st != SP_OK) {
        if (st == SP_EINVAL)
            sp_diag_add(d, path, 0, SP_N_("kan niet verder worden gespeeld"));
        return st;
    }
    sp_session_set_lang(p->s, r->term.lang);
    sp_cli_set_clock(p->s);
    snprintf(p->sv.path, sizeof p->sv.path, "%s", path);
    return SP_OK;
}

/* Plays a case set up by start_new or start_resume (or frees what they left
 * on failure); *exit_code is set when it could not start. The scenario and
 * session stay in r->prev_* for the next case of a trajectory. */
static sp_play_result play_ready(run *r, ready *p, sp_status st, sp_diag *d, int *exit_code)
{
    /* Written before the first step too: a play quit at once leaves a file. */
    if (st == SP_OK && sp_cli_save(&p->sv, p->s))
        st = SP_EIO;
    sp_cli_print_diag(d);
    sp_diag_clear(d);
    sp_play_result res = SP_PLAY_SYSTEM_ERROR;
    *exit_code = sp_cli_exit(st);
    if (st == SP_OK) {
        sp_term_play_io io = { stdin, r->script, sp_cli_save, &p->sv };
        res = sp_term_play(&r->term, p->s, &io, 1);
        if (res == SP_PLAY_QUIT)
            sp_term_line(&r->term, 0, SP_STYLE_PLAIN, "", SP_STYLE_PLAIN,
                         sp_translate(r->term.lang, "Gestopt. Je gesprek is bewaard."));
        if (res != SP_PLAY_SYSTEM_ERROR) {
            sp_debrief *db = sp_debrief_build(p->s);
            if (db)
                sp_term_debrief(&r->term, p->s, db);
            sp_debrief_free(db);
        }
        if (sp_cli_saver_end(&p->sv, r->term.lang) && res != SP_PLAY_SYSTEM_ERROR)
            res = SP_PLAY_SYSTEM_ERROR;
    }
    sp_transcript_free(p->sv.tr);
    sp_session_free(r->prev_s);
    sp_scenario_free(r->prev_sc);
    r->prev_s = p->s;
    r->prev_sc = p->sc;
    return res;
}

static sp_play_result play_case(run *r, const char *arg, const char *resume, int *exit_code)
{
    ready p = { 0 };
    sp_diag *d = sp_diag_new();
    sp_status st = !d ? SP_ENOMEM : resume ? start_resume(r, resume, arg, &p, d)
                                           : start_new(r, arg, &p, d);
    sp_play_result res = play_ready(r, &p, st, d, exit_code);
    sp_diag_free(d);
    return res;
}

/* ==== a case or the trajectory ============================================ */

static int script_problem(const run *r, const char *what)
{
    fprintf(stderr, "%s: %s\n", sp_term_script_where(r->script), what);
    return SP_EXIT_INVALID;
}

/* The exit code for how a play ended, with the script's message. */
static int verdict(run *r, sp_play_result res, int last)
{
    switch (res) {
    case SP_PLAY_FINISHED:
        if (r->script && last && !sp_term_script_done(r->script)) {
            const char *id = sp_term_script_case(r->script);
            return script_problem(r, id ? "'case' only separates the parts of a trajectory"
                                        : "the play has already ended here");
        }
        return SP_EXIT_OK;
    case SP_PLAY_QUIT:
        return SP_EXIT_OK;
    case SP_PLAY_SCRIPT_END:
        sp_cli_error("%s: het script hield op voordat het gesprek een einde bereikte",
                sp_term_script_where(r->script));
        return SP_EXIT_INVALID;
    case SP_PLAY_SCRIPT_CASE:
        return script_problem(r, "'case' before the play reached an ending");
    case SP_PLAY_SCRIPT_ERROR:
        return SP_EXIT_INVALID;
    case SP_PLAY_SYSTEM_ERROR:
        return SP_EXIT_SYSTEM;
    }
    return SP_EXIT_SYSTEM;
}

static int play_trajectory(run *r)
{
    time_t tt = (time_t)sp_cli_now();
    struct tm tm;
    gmtime_r(&tt, &tm);
    strftime(r->trajectory, sizeof r->trajectory, "trajectory-%Y%m%d-%H%M%S", &tm);
    if (r->script) {
        /* A leading `case intake` is allowed, for symmetry. */
        const char *first = sp_term_script_case(r->script);
        if (first && strcmp(first, sp_case_ids[0]) != 0)
            return script_problem(r, "a trajectory starts with 'case intake'");
    }
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        if (i > 0) {
            if (r->script) {
                const char *next = sp_term_script_case(r->script);
                if (!next) {
                    if (sp_term_script_done(r->script)) {
                        sp_cli_error("%s: het script hield op vóór 'case %s'",
                                sp_term_script_where(r->script), sp_case_ids[i]);
                    } else {
                        sp_cli_error("%s: verwacht 'case %s' na het einde van %s",
                                sp_term_script_where(r->script), sp_case_ids[i], sp_case_ids[i - 1]);
                    }
                    return SP_EXIT_INVALID;
                }
                if (strcmp(next, sp_case_ids[i]) != 0) {
                    char what[128];
                    snprintf(what, sizeof what, "expected 'case %s', not 'case %s'", sp_case_ids[i], next);
                    return script_problem(r, what);
                }
            }
            fprintf(r->term.out, "\n");
            char head[128];
            snprintf(head, sizeof head, "%s %s", sp_translate(r->term.lang, "Verder met de volgende fase:"),
                     sp_case_ids[i]);
            sp_term_line(&r->term, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD, head);
            fprintf(r->term.out, "\n");
        }
        int rc = SP_EXIT_OK;
        sp_play_result res = play_case(r, sp_case_ids[i], NULL, &rc);
        if (rc != SP_EXIT_OK)
            return rc;
        /* An ending with trajectory="stop" (a "no" at the intake) closes
         * the trajectory: its evaluation was the close. */
        int stops = res == SP_PLAY_FINISHED && i < SP_CASE_COUNT - 1 &&
                    sp_session_ends_trajectory(r->prev_s);
        if (stops && r->script && !sp_term_script_done(r->script))
            return script_problem(r, "the trajectory stops at this ending (trajectory=\"stop\"); "
                                     "the script goes on");
        rc = verdict(r, res, i == SP_CASE_COUNT - 1);
        if (rc != SP_EXIT_OK || res != SP_PLAY_FINISHED)
            return rc;
        if (stops) {
            fprintf(r->term.out, "\n");
            sp_term_line(&r->term, 0, SP_STYLE_PLAIN, "", SP_STYLE_BOLD,
                         sp_translate(r->term.lang, "Met dit einde houdt het traject op: er volgt geen volgende fase."));
            return SP_EXIT_OK;
        }
    }
    return SP_EXIT_OK;
}

/* what: a case, a file or "trajectory"; or resume: a transcript, and what
 * the case file it was played with (--case) or NULL. */
static int play_in_terminal(const char *what, const char *resume, const char *script_path)
{
    run r = { 0 };
    sp_term_init(&r.term, stdout, sp_cli_opts()->lang);
    sp_diag *d = sp_diag_new();
    if (!d)
        return SP_EXIT_SYSTEM;
    sp_status st = sp_paths_load_handbook(&r.hb, d);
    if (st == SP_OK && script_path)
        r.script = sp_term_script_open(script_path, &st, d);
    sp_cli_print_diag(d);
    sp_diag_free(d);
    int rc;
    if (st != SP_OK) {
        rc = sp_cli_exit(st);
    } else if (!resume && strcmp(what, "trajectory") == 0) {
        rc = play_trajectory(&r);
    } else {
        sp_play_result res = play_case(&r, what, resume, &rc);
        if (rc == SP_EXIT_OK)
            rc = verdict(&r, res, 1);
    }
    sp_session_free(r.prev_s);
    sp_scenario_free(r.prev_sc);
    sp_term_script_free(r.script);
    sp_handbook_free(r.hb);
    return rc;
}

int sp_cmd_play(int argc, char **argv)
{
    int text = 0, projector = 0, presenter = 0, display = -1, phones = 0;
    const char *script = NULL, *what = NULL, *resume = NULL, *listen = NULL, *case_file = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--text") == 0) {
            text = 1;
        } else if (strcmp(argv[i], "--projector") == 0) {
            projector = 1;
        } else if (strcmp(argv[i], "--presenter") == 0) {
            presenter = 1;
        } else if (strcmp(argv[i], "--phones") == 0) {
            phones = 1;
        } else if (strcmp(argv[i], "--listen") == 0 && i + 1 < argc) {
            listen = argv[++i];
        } else if (strcmp(argv[i], "--display") == 0 && i + 1 < argc) {
            long n;
            if (!sp_num_parse(argv[++i], 1, 64, &n)) {
                sp_cli_error("samenspel play: --display wil een schermnummer vanaf 1 (1 is het eerste scherm)");
                return sp_cli_usage("play");
            }
            display = (int)n - 1;
        } else if (strcmp(argv[i], "--resume") == 0 && i + 1 < argc) {
            resume = argv[++i];
        } else if (strcmp(argv[i], "--case") == 0 && i + 1 < argc) {
            case_file = argv[++i];
        } else if (strncmp(argv[i], "--case=", 7) == 0 && argv[i][7]) {
            case_file = argv[i] + 7;
        } else if (strcmp(argv[i], "--choices") == 0 && i + 1 < argc) {
            script = argv[++i];
        } else if (strncmp(argv[i], "--choices=", 10) == 0 && argv[i][10]) {
            script = argv[i] + 10;
        } else if (argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--") != 0) {
            sp_cli_error("samenspel play: onbekende optie '%s'", argv[i]);
            return sp_cli_usage("play");
        } else if (!what) {
            if (strcmp(argv[i], "--") == 0 && ++i >= argc)
                break;
            what = argv[i];
        } else {
            return sp_cli_usage("play");
        }
    }
    if (!what == !resume)
        return sp_cli_usage("play");
    if (case_file && !resume) {
        sp_cli_error("samenspel play: --case hoort bij --resume (een nieuw gesprek neemt het casusbestand als SCENARIO)");
        return sp_cli_usage("play");
    }
    if ((presenter || display >= 0 || phones) && !projector) {
        sp_cli_error("samenspel play: --display, --presenter en --phones horen bij --projector");
        return sp_cli_usage("play");
    }
    if (listen && !projector) { /* also without --phones: the address for the set-up's switch (P) */
        sp_cli_error("samenspel play: --listen hoort bij --projector (het adres voor de telefoons)");
        return sp_cli_usage("play");
    }
    /* Group play on a projector (group_play.h, ui/group.h). */
    if (projector) {
        if (resume || text || strcmp(what, "trajectory") == 0) {
            sp_cli_error("samenspel play: --projector speelt één casus in het venster (niet met --text, --resume of het traject)");
            return sp_cli_usage("play");
        }
        if (script)
            return sp_cli_group_play(what, script, phones, listen);
        if (!sp_cli_display_available()) {
            sp_cli_error("samenspel play: --projector heeft een beeldscherm nodig");
            return SP_EXIT_SYSTEM;
        }
        sp_gui_options o = { 0 };
        o.scenario = what;
        o.projector = 1;
        o.presenter = presenter;
        o.display = display;
        o.phones = phones;
        o.listen = listen;
        return sp_cli_gui_run(&o);
    }
    if (resume)
        return play_in_terminal(case_file, resume, script);
    /* The window opens a case; the trajectory is played in the terminal. */
    int trajectory = strcmp(what, "trajectory") == 0;
    if (!text && !script) {
        if (!trajectory && sp_cli_display_available()) {
            sp_gui_options o = { 0 };
            o.scenario = what;
            o.display = -1;
            return sp_cli_gui_run(&o);
        }
        if (!trajectory)
            fprintf(stderr, "%s\n", sp_translate(sp_cli_opts()->lang, "Geen beeldscherm gevonden; samenspel speelt in de terminal."));
    }
    return play_in_terminal(what, NULL, script);
}

/* ==== the menu ============================================================ */

int sp_cmd_play_menu(void)
{
    sp_term t;
    sp_lang l = sp_cli_opts()->lang;
    sp_term_init(&t, stdout, l);
    fputc('\n', t.out);
    /* The titles come from the cases themselves; a case that does not load
     * is listed by its id, and playing it then says what is wrong. */
    sp_handbook *hb = NULL;
    sp_diag *d = sp_diag_new();
    if (d && sp_paths_load_handbook(&hb, d) != SP_OK)
        hb = NULL;
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        sp_scenario *sc = NULL;
        char label[16];
        snprintf(label, sizeof label, "%d. ", i + 1);
        if (hb && sp_paths_load_scenario(sp_case_ids[i], hb, &sc, d) == SP_OK)
            sp_term_line(&t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_text_get(&sc->title, l));
        else
            sp_term_line(&t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_case_ids[i]);
        sp_scenario_free(sc);
        sp_diag_clear(d);
    }
    sp_handbook_free(hb);
    sp_diag_free(d);
    char label[16];
    snprintf(label, sizeof label, "%d. ", SP_CASE_COUNT + 1);
    sp_term_line(&t, 2, SP_STYLE_BOLD, label, SP_STYLE_PLAIN, sp_translate(l, "Het hele traject: intake, uitvoering en teruggeven"));
    char *line = NULL;
    size_t cap = 0;
    int rc = SP_EXIT_OK;
    for (;;) {
        fputs(sp_translate(l, "Welke casus wil je spelen? (nummer, q = stoppen): "), t.out);
        fflush(t.out);
        if (getline(&line, &cap, stdin) < 0) {
            fputc('\n', t.out);
            break;
        }
        char *end;
        long k = strtol(line, &end, 10);
        while (*end == ' ' || *end == '\n' || *end == '\r')
            end++;
        if (line[0] == 'q')
            break;
        if (*end || k < 1 || k > SP_CASE_COUNT + 1)
            continue;
        rc = play_in_terminal(k <= SP_CASE_COUNT ? sp_case_ids[k - 1] : "trajectory", NULL, NULL);
        break;
    }
    free(line);
    return rc;
}
