/* test_session.c: the session state machine on tests/data/session/oefen.xml: views, gotos, conditions, effects, flags, undo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "testutil.h"

/* ---- fixture ----------------------------------------------------------- */

typedef struct {
    sp_handbook *hb;
    sp_scenario *sc;
} fixture;

static int setup(void **state)
{
    static fixture f;
    *state = &f;
    return testutil_load("tests/data/session/handbook.xml", "tests/data/session/oefen.xml", &f.hb,
                         &f.sc);
}

static int teardown(void **state)
{
    fixture *f = *state;
    sp_scenario_free(f->sc);
    sp_handbook_free(f->hb);
    return 0;
}

static const sp_scenario *SC(void **state) { return ((fixture *)*state)->sc; }
static const sp_handbook *HB(void **state) { return ((fixture *)*state)->hb; }

/* On the test clock, ten seconds a reading from 2024-05-01T09:30:00Z. */
static sp_session *new_session(void **state)
{
    return testutil_session(SC(state), 10);
}

static int node(void **state, const char *id)
{
    int n = sp_scenario_node(SC(state), id);
    assert_true(n >= 0);
    return n;
}

static int var(void **state, const char *name)
{
    int v = sp_scenario_var(SC(state), name);
    assert_true(v >= 0);
    return v;
}

static int flag(void **state, const char *id)
{
    int f = sp_handbook_redflag(HB(state), id);
    assert_true(f >= 0);
    return f;
}

/* Chooses the offered option with this id; fails the test when not offered. */
static void choose(sp_session *s, const char *id)
{
    const sp_view *v = sp_session_view(s);
    for (int i = 0; i < v->n_options; i++) {
        if (strcmp(v->options[i].id, id) == 0) {
            assert_int_equal(sp_session_choose(s, v->options[i].option), SP_OK);
            return;
        }
    }
    fail_msg("option '%s' is not offered", id);
}

/* The node option index of id, offered or not. */
static int option_index(void **state, const char *node_id, const char *opt_id)
{
    const sp_node *n = &SC(state)->nodes[node(state, node_id)];
    for (int i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, opt_id) == 0)
            return i;
    fail_msg("no option '%s' at '%s'", opt_id, node_id);
    return -1;
}

/* ---- tests ------------------------------------------------------------- */

static void start_view(void **state)
{
    sp_session *s = new_session(state);
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->kind, SP_VIEW_THOUGHT);
    assert_int_equal(v->node, node(state, "denk"));
    assert_int_equal(v->turn, 1);
    assert_int_equal(sp_session_turn(s), 1);
    /* The third line of "start" needs vertrouwen > 60: hidden at 50. */
    assert_int_equal(v->n_lines, 2);
    assert_int_equal(v->lines[0].speaker, -1);
    assert_string_equal(v->lines[0].speaker_name, "");
    assert_string_equal(v->lines[0].text, "Een kale vergaderkamer.");
    assert_string_equal(v->lines[1].speaker_name, "De heer Klaasen");
    assert_string_equal(v->lines[1].text, "Goedemorgen. Ik heb een half uur.");
    assert_int_equal(v->lines[1].node, node(state, "start"));
    assert_string_equal(v->prompt, "Wat denk je?");
    assert_string_equal(v->discuss, "");
    assert_int_equal(v->n_options, 2);
    assert_string_equal(v->options[0].id, "denk-hinder");
    assert_string_equal(v->options[1].id, "denk-help");
    assert_int_equal(v->feedback.valid, 0);
    assert_false(sp_session_finished(s));
    /* The goto node and the thought node are on the path. */
    assert_int_equal(sp_session_path_count(s), 2);
    assert_int_equal(sp_session_path(s, 0), node(state, "start"));
    assert_int_equal(sp_session_path(s, 1), node(state, "denk"));
    assert_int_equal(sp_session_started_at(s), 1714555800);
    assert_int_equal(sp_session_log_count(s), 0);
    sp_session_free(s);
}

static void set_var_before_first_step(void **state)
{
    sp_session *s = new_session(state);
    assert_int_equal(sp_session_set_var(s, "nergens", 1), SP_EINVAL);
    assert_int_equal(sp_session_set_var(s, "vertrouwen", 70), SP_OK);
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->n_lines, 3);
    assert_string_equal(v->lines[2].text, "Fijn dat u er weer bent.");
    assert_int_equal(sp_session_start_vars(s)[var(state, "vertrouwen")], 70);
    /* Clamped to the variable's range. */
    assert_int_equal(sp_session_set_var(s, "energie", 99), SP_OK);
    assert_int_equal(sp_session_start_vars(s)[var(state, "energie")], 10);
    assert_int_equal(sp_session_vars(s)[var(state, "energie")], 10);
    choose(s, "denk-help");
    assert_int_equal(sp_session_set_var(s, "vertrouwen", 10), SP_EUSAGE);
    assert_int_equal(sp_session_start_vars(s)[var(state, "vertrouwen")], 70);
    sp_session_free(s);
}

static void thought_changes_later_options(void **state)
{
    sp_session *s = new_session(state);
    choose(s, "denk-hinder");
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->kind, SP_VIEW_DECISION);
    assert_int_equal(v->node, node(state, "vraag"));
    assert_int_equal(v->turn, 2);
    assert_int_equal(v->n_options, 2);
    assert_string_equal(v->options[0].id, "plannen");
    assert_int_equal(v->options[1].option, option_index(state, "vraag", "kennismaken"));
    assert_string_equal(v->discuss, "Welke vlag zie je?");
    /* doorvragen needs inzicht: not offered, so choosing it is refused. */
    assert_int_equal(sp_session_choose(s, option_index(state, "vraag", "doorvragen")), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 1);
    sp_session_free(s);

    s = new_session(state);
    choose(s, "denk-help");
    v = sp_session_view(s);
    assert_int_equal(v->n_options, 3);
    assert_string_equal(v->options[1].id, "doorvragen");
    assert_int_equal(sp_session_vars(s)[var(state, "inzicht")], 1);
    sp_session_free(s);
}

static void effects_and_clamping(void **state)
{
    sp_session *s = new_session(state);
    int e = var(state, "energie"), t = var(state, "vertrouwen");
    choose(s, "denk-hinder");              /* energie 2 - 3 clamps at 0 */
    assert_int_equal(sp_session_vars(s)[e], 0);
    choose(s, "kennismaken");              /* vertrouwen 50 + 10; gang: energie - 1 stays 0 */
    assert_int_equal(sp_session_vars(s)[t], 60);
    assert_int_equal(sp_session_vars(s)[e], 0);
    sp_session_free(s);

    s = new_session(state);
    choose(s, "denk-help");
    choose(s, "doorvragen");               /* 50 + 60 clamps at 100 */
    assert_int_equal(sp_session_vars(s)[t], 100);
    assert_int_equal(sp_session_vars(s)[e], 1);
    sp_session_free(s);
}

static void goto_and_line_conditions(void **state)
{
    /* High trust: gang shows the friendly line and goes on to afspraak. */
    sp_session *s = new_session(state);
    choose(s, "denk-help");
    choose(s, "doorvragen");
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->node, node(state, "afspraak"));
    assert_int_equal(v->turn, 3);
    assert_int_equal(v->n_lines, 2);
    assert_string_equal(v->lines[0].text, "Klaasen staat op en loopt naar het raam.");
    assert_string_equal(v->lines[1].text, "Dit is een goed gesprek.");
    assert_int_equal(v->lines[1].node, node(state, "gang"));
    assert_string_equal(v->prompt, "");
    int np = sp_session_path_count(s);
    assert_int_equal(np, 5);
    assert_int_equal(sp_session_path(s, 3), node(state, "gang"));
    assert_int_equal(sp_session_path(s, 4), node(state, "afspraak"));
    sp_session_free(s);

    /* Low trust: the other line, and the last goto (no condition). */
    s = new_session(state);
    choose(s, "denk-hinder");
    choose(s, "plannen");
    v = sp_session_view(s);
    assert_int_equal(v->node, node(state, "twijfel"));
    assert_int_equal(v->n_lines, 2);
    assert_string_equal(v->lines[1].text, "Hm. We zien wel.");
    sp_session_free(s);

    /* Exactly 60 after kennismaken: the >= 60 goto holds. */
    s = new_session(state);
    choose(s, "denk-hinder");
    choose(s, "kennismaken");
    v = sp_session_view(s);
    assert_int_equal(v->node, node(state, "afspraak"));
    sp_session_free(s);
}

static void feedback_and_offered(void **state)
{
    sp_session *s = new_session(state);
    choose(s, "denk-help");
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->feedback.valid, 1);
    assert_int_equal(v->feedback.turn, 1);
    assert_int_equal(v->feedback.node, node(state, "denk"));
    assert_string_equal(v->feedback.said, "Eerst kijken of het klopt.");
    assert_string_equal(v->feedback.text, "Zo houd je ruimte om door te vragen.");
    assert_string_equal(v->feedback.ref, "T1");
    assert_int_equal(v->feedback.total, 1);
    assert_int_equal(v->feedback.best_total, 1);
    sp_session_free(s);

    s = new_session(state);
    choose(s, "denk-hinder");
    choose(s, "plannen");
    v = sp_session_view(s);
    assert_int_equal(v->feedback.turn, 2);
    assert_int_equal(v->feedback.total, -1);
    /* doorvragen (3) was not on offer: the best then was kennismaken (2). */
    assert_int_equal(v->feedback.best_total, 2);
    assert_string_equal(v->feedback.ref, "Handboek H2 · Niet pluis"); /* the test handbook's label */
    int opts[8];
    assert_int_equal(sp_session_history_count(s), 2);
    assert_int_equal(sp_session_offered_at(s, 1, opts, 8), 2);
    assert_int_equal(opts[0], option_index(state, "vraag", "plannen"));
    assert_int_equal(opts[1], option_index(state, "vraag", "kennismaken"));
    assert_int_equal(sp_session_offered_at(s, 0, opts, 1), 2); /* count, even past max */
    assert_int_equal(sp_session_offered_at(s, 5, opts, 8), 0);
    sp_session_free(s);
}

static void steps_are_logged_with_clock(void **state)
{
    sp_session *s = new_session(state);
    /* set_clock read 1714555800 for the start; steps tick on. */
    choose(s, "denk-hinder");
    assert_int_equal(sp_session_flag(s, flag(state, "rf.opdracht-vaag"), NULL), SP_OK);
    assert_int_equal(sp_session_log_count(s), 2);
    const sp_step *a = sp_session_log(s, 0), *b = sp_session_log(s, 1);
    assert_int_equal(a->kind, SP_STEP_CHOOSE);
    assert_int_equal(a->turn, 1);
    assert_int_equal(a->node, node(state, "denk"));
    assert_int_equal(a->option, option_index(state, "denk", "denk-hinder"));
    assert_int_equal(a->at, 1714555810);
    assert_int_equal(b->kind, SP_STEP_FLAG);
    assert_int_equal(b->turn, 2);
    assert_int_equal(b->node, node(state, "vraag"));
    assert_int_equal(b->flag, flag(state, "rf.opdracht-vaag"));
    assert_int_equal(b->at, 1714555820);
    assert_null(sp_session_log(s, 2));
    sp_session_free(s);
}

static void flags(void **state)
{
    sp_session *s = new_session(state);
    sp_flag_result r;
    /* Present at "start", which is part of turn 1's stretch. */
    assert_int_equal(sp_session_flag(s, flag(state, "rf.og-geen-tijd"), &r), SP_OK);
    assert_int_equal(r.recognised, 1);
    assert_string_equal(r.why, "De directeur is er zelf niet bij.");
    /* Twice in one turn: refused and not logged. */
    assert_int_equal(sp_session_flag(s, flag(state, "rf.og-geen-tijd"), &r), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 1);
    /* Not present: a false alarm with the handbook's explanation. */
    assert_int_equal(sp_session_flag(s, flag(state, "rf.niet-pluis"), &r), SP_OK);
    assert_int_equal(r.recognised, 0);
    assert_string_equal(r.why, "Handboekuitleg: neem je onderbuik serieus.");
    assert_int_equal(sp_session_flag(s, -1, &r), SP_EUSAGE);
    assert_int_equal(sp_session_flag(s, HB(state)->n_redflags, NULL), SP_EUSAGE);

    /* Turn 2: start's view is one back, inside the red-flag window
     * (session.h): marking it again is allowed (new turn) and counts. */
    choose(s, "denk-hinder");
    sp_session_set_lang(s, SP_LANG_EN);
    assert_int_equal(sp_session_flag(s, flag(state, "rf.og-geen-tijd"), &r), SP_OK);
    assert_int_equal(r.recognised, 1);
    assert_int_equal(sp_session_flag(s, flag(state, "rf.opdracht-vaag"), &r), SP_OK);
    assert_int_equal(r.recognised, 1);

    /* Turn 3 runs through the goto node "gang": its flag counts too.
     * start's flag is two views back now: not intended here (it was said
     * earlier in this conversation), with start's reason. */
    choose(s, "plannen");
    assert_int_equal(sp_session_flag(s, flag(state, "rf.og-geen-tijd"), &r), SP_OK);
    assert_int_equal(r.recognised, 0);
    assert_int_equal(r.verdict, SP_FLAG_NOT_INTENDED);
    assert_string_equal(r.why, "De directeur is er zelf niet bij.");
    assert_int_equal(sp_session_flag(s, flag(state, "rf.randvoorwaarden"), &r), SP_OK);
    assert_int_equal(r.recognised, 1);
    assert_string_equal(r.why, "Er is geen budget genoemd.");
    assert_int_equal(sp_session_flag(s, flag(state, "rf.niet-pluis"), &r), SP_OK);
    assert_int_equal(r.recognised, 1);

    choose(s, "doorgaan");
    assert_true(sp_session_finished(s));
    assert_int_equal(sp_session_flag(s, flag(state, "rf.niet-pluis"), &r), SP_EUSAGE);
    sp_session_free(s);
}

static void undo_choice(void **state)
{
    sp_session *s = new_session(state);
    int t = var(state, "vertrouwen");
    choose(s, "denk-help");
    choose(s, "doorvragen");
    assert_int_equal(sp_session_vars(s)[t], 100);
    assert_int_equal(sp_session_undo(s), SP_OK);
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->node, node(state, "vraag"));
    assert_int_equal(v->turn, 2);
    assert_int_equal(v->n_options, 3);
    assert_int_equal(v->feedback.valid, 0);
    assert_int_equal(v->n_lines, 1);
    assert_string_equal(v->lines[0].text, "Zullen we maar meteen de planning doen?");
    assert_int_equal(sp_session_vars(s)[t], 50);
    assert_int_equal(sp_session_path_count(s), 3);
    assert_int_equal(sp_session_history_count(s), 1);
    assert_int_equal(sp_session_log_count(s), 3);
    const sp_step *u = sp_session_log(s, 2);
    assert_int_equal(u->kind, SP_STEP_UNDO);
    assert_int_equal(u->turn, 3);
    assert_int_equal(u->node, node(state, "afspraak"));
    /* A flag after the undo does not bring the old feedback back. */
    assert_int_equal(sp_session_flag(s, flag(state, "rf.opdracht-vaag"), NULL), SP_OK);
    assert_int_equal(sp_session_view(s)->feedback.valid, 0);

    choose(s, "plannen");
    v = sp_session_view(s);
    assert_int_equal(v->node, node(state, "twijfel"));
    assert_int_equal(v->feedback.valid, 1);
    assert_int_equal(v->feedback.option, option_index(state, "vraag", "plannen"));
    assert_int_equal(sp_session_vars(s)[t], 20);
    assert_int_equal(sp_session_history_count(s), 3);
    assert_int_equal(sp_session_log_count(s), 5);
    assert_int_equal(sp_session_history(s, 2)->kind, SP_STEP_CHOOSE);
    assert_null(sp_session_history(s, 3));

    /* Undo all the way back, then once more: nothing left. */
    assert_int_equal(sp_session_undo(s), SP_OK);
    assert_int_equal(sp_session_undo(s), SP_OK);
    assert_int_equal(sp_session_undo(s), SP_OK);
    assert_int_equal(sp_session_view(s)->node, node(state, "denk"));
    assert_int_equal(sp_session_history_count(s), 0);
    assert_int_equal(sp_session_undo(s), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 8);
    sp_session_free(s);
}

static void undo_flag(void **state)
{
    sp_session *s = new_session(state);
    int f = flag(state, "rf.og-geen-tijd");
    assert_int_equal(sp_session_flag(s, f, NULL), SP_OK);
    assert_int_equal(sp_session_undo(s), SP_OK);
    assert_int_equal(sp_session_history_count(s), 0);
    assert_int_equal(sp_session_view(s)->node, node(state, "denk"));
    /* The flag is no longer marked this turn, so it may be marked again. */
    assert_int_equal(sp_session_flag(s, f, NULL), SP_OK);
    assert_int_equal(sp_session_flag(s, f, NULL), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 3);
    sp_session_free(s);
}

static void undo_at_start(void **state)
{
    sp_session *s = new_session(state);
    assert_int_equal(sp_session_undo(s), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 0);
    sp_session_free(s);
}

static void choose_invalid(void **state)
{
    sp_session *s = new_session(state);
    assert_int_equal(sp_session_choose(s, -1), SP_EUSAGE);
    assert_int_equal(sp_session_choose(s, 2), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 0);
    choose(s, "denk-help");
    choose(s, "doorvragen");
    choose(s, "vastleggen");
    assert_true(sp_session_finished(s));
    assert_int_equal(sp_session_choose(s, 0), SP_EUSAGE);
    assert_int_equal(sp_session_log_count(s), 3);
    sp_session_free(s);
}

static void ending_view(void **state)
{
    sp_session *s = new_session(state);
    choose(s, "denk-help");
    choose(s, "doorvragen");
    choose(s, "vastleggen");
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->kind, SP_VIEW_ENDING);
    assert_int_equal(v->node, node(state, "einde-goed"));
    assert_string_equal(v->ending_id, "goed");
    assert_string_equal(v->ending_title, "Een goed begin");
    assert_string_equal(v->evaluation, "Je weet waar je aan begint.");
    assert_int_equal(v->ending_kind, SP_ENDING_GOOD);
    assert_int_equal(v->n_options, 0);
    assert_int_equal(v->turn, 4);
    assert_int_equal(v->n_lines, 1);
    assert_string_equal(v->lines[0].text, "Klaasen schudt je hand.");
    assert_int_equal(v->feedback.valid, 1);
    assert_string_equal(v->feedback.said, "Zullen we de aannames op papier zetten?");
    assert_int_equal(sp_session_path(s, sp_session_path_count(s) - 1), node(state, "einde-goed"));
    /* Undo from the ending reopens the last decision. */
    assert_int_equal(sp_session_undo(s), SP_OK);
    assert_false(sp_session_finished(s));
    assert_int_equal(sp_session_view(s)->node, node(state, "afspraak"));
    sp_session_free(s);
}

static void language_switch(void **state)
{
    sp_session *s = new_session(state);
    assert_int_equal(sp_session_lang(s), SP_LANG_NL);
    sp_session_set_lang(s, SP_LANG_EN);
    assert_int_equal(sp_session_lang(s), SP_LANG_EN);
    const sp_view *v = sp_session_view(s);
    assert_string_equal(v->lines[0].text, "A bare meeting room.");
    assert_string_equal(v->lines[1].speaker_name, "Mr Klaasen");
    /* No English given: Dutch. */
    assert_string_equal(v->lines[1].text, "Goedemorgen. Ik heb een half uur.");
    sp_session_free(s);
}

/* Conditional paragraphs (tests/data/loader/paragraphs.xml) on two paths:
 * what each shows was worked out by hand from the file. */
static void paragraphs_follow_the_path(void **state)
{
    (void)state;
    sp_handbook *hb = NULL;
    sp_scenario *sc = NULL;
    assert_int_equal(testutil_load("tests/data/loader/handbook.xml", "tests/data/loader/paragraphs.xml",
                                   &hb, &sc), 0);

    /* Path A: probe (doorgevraagd 1), stay calm; vertrouwen stays 5 and
     * rises to 10 at "tweede". */
    sp_session *s = testutil_session(sc, 0);
    const sp_view *v = sp_session_view(s);
    assert_int_equal(v->n_lines, 1);
    assert_string_equal(v->lines[0].text, "Goedemorgen."); /* vertrouwen 5 < 6 */
    testutil_step(s, "vraag");
    v = sp_session_view(s);
    /* The feedback sees the state in which the option was chosen:
     * doorgevraagd was still 0. */
    assert_string_equal(v->feedback.text, "Je vraagt door.");
    assert_string_equal(v->lines[0].text, "Klaasen leunt achterover.");
    testutil_step(s, "rustig");
    v = sp_session_view(s);
    assert_string_equal(v->feedback.text, "Rust helpt.\nEn je had al doorgevraagd.");
    assert_int_equal(v->kind, SP_VIEW_ENDING);
    assert_string_equal(v->evaluation, "Het gesprek is voorbij.\nJe vroeg door naar de vraag achter de vraag.");
    const sp_text *ev = &sc->nodes[v->node].evaluation;
    assert_string_equal(sp_session_text(s, ev, SP_LANG_EN),
                        "The conversation is over.\nYou asked about the question behind the question.");
    /* Feedback of earlier choices, as a replay shows them. */
    const sp_option *rustig = &sc->nodes[sp_scenario_node(sc, "tweede")].options[0];
    assert_string_equal(sp_session_text_at(s, 1, &rustig->feedback, SP_LANG_EN),
                        "Calm helps.\nAnd you had already probed.");
    const sp_option *vraag = &sc->nodes[sp_scenario_node(sc, "begin")].options[0];
    assert_string_equal(sp_session_text_at(s, 0, &vraag->feedback, SP_LANG_NL), "Je vraagt door.");
    assert_string_equal(sp_session_text_at(s, 9, &vraag->feedback, SP_LANG_NL),
                        "Je vraagt door.\nDit had je al gedaan.");
    /* A plain text is the model's own. */
    assert_ptr_equal(sp_session_text(s, &sc->title, SP_LANG_EN), sc->title.s[SP_LANG_EN]);

    /* Path B, in English: plan (vertrouwen 5 - 3 = 2 on arrival at
     * "tweede", then +5), stay calm; doorgevraagd stays 0. */
    sp_session_set_lang(s, SP_LANG_EN);
    testutil_step(s, "<");
    testutil_step(s, "<");
    testutil_step(s, "plan");
    v = sp_session_view(s);
    assert_string_equal(v->lines[0].text, "Klaasen looks at his watch.");
    testutil_step(s, "rustig");
    v = sp_session_view(s);
    assert_string_equal(v->feedback.text, "Calm helps.");
    /* The last paragraph has no English: Dutch stands in for it alone. */
    assert_string_equal(v->evaluation, "The conversation is over.\nJe vroeg niet door.");
    assert_string_equal(sp_session_text(s, ev, SP_LANG_NL), "Het gesprek is voorbij.\nJe vroeg niet door.");
    sp_session_free(s);
    sp_scenario_free(sc);
    sp_handbook_free(hb);
}

static int64_t fixed_clock(void *ctx)
{
    return *(int64_t *)ctx;
}

static void default_clock_restored(void **state)
{
    sp_session *s = sp_session_new(SC(state), SP_LANG_NL);
    int64_t fixed = 42;
    sp_session_set_clock(s, fixed_clock, &fixed);
    assert_int_equal(sp_session_started_at(s), 42);
    choose(s, "denk-help");
    assert_int_equal(sp_session_log(s, 0)->at, 42);
    /* With a step logged, changing the clock keeps the start time. */
    sp_session_set_clock(s, NULL, NULL);
    assert_int_equal(sp_session_started_at(s), 42);
    choose(s, "plannen");
    assert_true(sp_session_log(s, 1)->at > 1600000000);
    sp_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(start_view),
        cmocka_unit_test(set_var_before_first_step),
        cmocka_unit_test(thought_changes_later_options),
        cmocka_unit_test(effects_and_clamping),
        cmocka_unit_test(goto_and_line_conditions),
        cmocka_unit_test(feedback_and_offered),
        cmocka_unit_test(steps_are_logged_with_clock),
        cmocka_unit_test(flags),
        cmocka_unit_test(undo_choice),
        cmocka_unit_test(undo_flag),
        cmocka_unit_test(undo_at_start),
        cmocka_unit_test(choose_invalid),
        cmocka_unit_test(ending_view),
        cmocka_unit_test(language_switch),
        cmocka_unit_test(paragraphs_follow_the_path),
        cmocka_unit_test(default_clock_restored),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
