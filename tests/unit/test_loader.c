/* test_loader.c: the handbook and scenario loaders: a valid case loads exactly, every broken case gives its exact messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cond.h"
#include "core/diag.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/suggest.h"
#include "core/translate.h"
#include "core/xml_internal.h"
#include "testutil.h"

/*
 * Paths are relative to the repository root (the test chdirs there), so the
 * expected messages in tests/data/loader/NAME.expected read exactly as a
 * user would see them. Each bad-*.xml scenario and handbook-bad-*.xml
 * handbook has one such file: one expected message a line, in order
 * (testutil_assert_expected).
 */

#define DIR_DATA "tests/data/loader"
#define SCHEMAS "scenarios"

static sp_handbook *hb;

/* ---- the model's small helpers -------------------------------------------------- */

static void model_helpers(void **state)
{
    (void)state;
    sp_text t = { .s = { "Hallo", NULL } };
    assert_string_equal(sp_text_get(&t, SP_LANG_EN), "Hallo");
    t.s[SP_LANG_EN] = "Hello";
    assert_string_equal(sp_text_get(&t, SP_LANG_EN), "Hello");
    assert_string_equal(sp_text_get(&t, SP_LANG_NL), "Hallo");
    sp_text empty = { .s = { NULL, NULL } };
    assert_string_equal(sp_text_get(&empty, SP_LANG_EN), "");
    assert_string_equal(sp_text_get(NULL, SP_LANG_NL), "");

    assert_int_equal(sp_lang_from_code("en"), SP_LANG_EN);
    assert_int_equal(sp_lang_from_code("en_GB.UTF-8"), SP_LANG_EN);
    assert_int_equal(sp_lang_from_code("nl_NL"), SP_LANG_NL);
    assert_int_equal(sp_lang_from_code("english"), SP_LANG_NL);
    assert_int_equal(sp_lang_from_code(NULL), SP_LANG_NL);
    assert_string_equal(sp_lang_code(SP_LANG_EN), "en");
    assert_string_equal(sp_lang_code(SP_LANG_NL), "nl");

    for (int p = 0; p < SP_PHASE_COUNT; p++)
        assert_int_equal(sp_phase_from_code(sp_phase_code((sp_phase)p)), p);
    assert_string_equal(sp_phase_code(SP_PHASE_UITVOERING), "uitvoering");
    assert_int_equal(sp_phase_from_code("Intake"), -1);
    assert_int_equal(sp_phase_from_code(NULL), -1);

    sp_score scores[] = { { 0, 2 }, { 1, -3 }, { 0, 3 } };
    sp_option o = { .scores = scores, .n_scores = 3 };
    assert_int_equal(sp_option_total(&o), 2);
    assert_int_equal(sp_option_total(NULL), 0);
}

/* ---- "did you mean": edit distances worked out by hand ------------------------------------ */

static void suggestions(void **state)
{
    (void)state;
    assert_int_equal(sp_suggest_distance("kitten", "sitting"), 3);  /* k->s, e->i, +g */
    assert_int_equal(sp_suggest_distance("abcd", "abdc"), 1);       /* one swap */
    assert_int_equal(sp_suggest_distance("", "abc"), 3);
    assert_int_equal(sp_suggest_distance("vertrouwen", "vertrouwen"), 0);
    /* "aag" -> "agen": drop an 'a', add 'e' and 'n'; two edits cannot do it
     * (one insertion at least, and one 'a' too many). */
    assert_int_equal(sp_suggest_distance("int.doorvraag", "int.doorvragen"), 3);

    sp_suggest s;
    sp_suggest_init(&s, "int.doorvraag");
    sp_suggest_add(&s, "int.kennismaken");
    sp_suggest_add(&s, "int.doorvragen");
    sp_suggest_add(&s, "int.doorvrage");   /* distance 2 ("aag" -> "age"): closer, so it wins */
    assert_string_equal(sp_suggest_best(&s), "int.doorvrage");
    /* Short words: at most distance 2, and never the whole word. */
    sp_suggest_init(&s, "ab");
    sp_suggest_add(&s, "xy");
    assert_null(sp_suggest_best(&s));
    sp_suggest_add(&s, "abc");
    assert_string_equal(sp_suggest_best(&s), "abc");
    /* Long words: a quarter of the length (20 letters: 5). */
    sp_suggest_init(&s, "aaaaaaaaaaaaaaaaaaaa");
    sp_suggest_add(&s, "aaaaaaaaaaaaaaabbbbbb"); /* 5 changed + 1 added: 6 */
    assert_null(sp_suggest_best(&s));
    sp_suggest_add(&s, "aaaaaaaaaaaaaaabbbbb");  /* 5 */
    assert_string_equal(sp_suggest_best(&s), "aaaaaaaaaaaaaaabbbbb");
}

/* ---- the message catalogue ---------------------------------------------------------------- */

/* The core's messages are Dutch msgids with their English in po/en.po
 * (every msgid translated and every format's conversions matched is
 * tests/scripts/po.sh's check). Here: each out-of-memory message the core
 * gives (grep "onvoldoende geheugen" engine/core) reaches English through
 * the catalogue, so an English session never shows one in Dutch. */
static void catalogue_out_of_memory(void **state)
{
    (void)state;
    static const char *const oom[] = { "onvoldoende geheugen", "onvoldoende geheugen om het bestand te lezen",
                                       "onvoldoende geheugen om het gesprek te bewaren",
                                       "onvoldoende geheugen om het gesprek te lezen",
                                       "onvoldoende geheugen om het gesprek terug te kijken" };
    for (size_t i = 0; i < sizeof oom / sizeof oom[0]; i++) {
        assert_string_equal(sp_translate(SP_LANG_NL, oom[i]), oom[i]);
        const char *en = sp_translate(SP_LANG_EN, oom[i]);
        if (strncmp(en, "out of memory", 13) != 0)
            fail_msg("'%s' is '%s' in English", oom[i], en);
    }
    /* the empty string is no msgid (gettext would give the header) */
    assert_string_equal(sp_translate(SP_LANG_EN, ""), "");
    sp_diag *d = sp_diag_new();
    sp_diag_set_lang(d, SP_LANG_EN);
    sp_diag_add(d, "f.xml", 3, SP_N_("nog %d kringlopen"), 2);
    sp_diag_set_lang(d, SP_LANG_NL);
    sp_diag_add(d, "f.xml", 0, SP_N_("nog %d kringlopen"), 2);
    assert_string_equal(sp_diag_message(d, 0), "f.xml:3: 2 more cycles");
    assert_string_equal(sp_diag_message(d, 1), "f.xml: nog 2 kringlopen");
    sp_diag_free(d);
}

/* ---- the handbook --------------------------------------------------------------------- */

static void handbook_loads(void **state)
{
    (void)state;
    assert_int_equal(hb->n_goals, 2);
    assert_int_equal(hb->n_thoughts, 2);
    assert_int_equal(hb->n_redflags, 2);
    assert_int_equal(hb->n_interventions, 3);
    assert_string_equal(hb->path, DIR_DATA "/handbook.xml");
    assert_string_equal(sp_text_get(&hb->title, SP_LANG_NL), "Testhandboek");
    assert_string_equal(sp_text_get(&hb->title, SP_LANG_EN), "Test handbook");

    int g = sp_handbook_goal(hb, "relatie");
    assert_int_equal(g, 0);
    assert_string_equal(sp_text_get(&hb->goals[g].label, SP_LANG_EN), "Relationship");
    /* No translation: English falls back to Dutch. */
    assert_string_equal(sp_text_get(&hb->goals[1].label, SP_LANG_EN), "Helderheid");

    int th = sp_handbook_thought(hb, "th.leuk");
    assert_int_equal(th, 0);
    assert_string_equal(hb->thoughts[th].source, "H1 (2/2)");
    assert_string_equal(sp_text_get(&hb->thoughts[th].hindering, SP_LANG_NL), "Dit wordt vast leuk.");
    /* Folding: runs become one space, the blank line a paragraph break. */
    assert_string_equal(sp_text_get(&hb->thoughts[th].explain, SP_LANG_NL),
                        "Enthousiasme is goed, maar kijk verder.\nEen tweede alinea.");
    assert_string_equal(hb->thoughts[1].source, ""); /* no source attribute */

    assert_int_equal(sp_handbook_redflag(hb, "rf.opdracht-vaag"), 1);
    int iv = sp_handbook_intervention(hb, "int.hercontracteren");
    assert_int_equal(iv, 2);
    assert_int_equal(hb->interventions[iv].phase, SP_PHASE_UITVOERING);
    assert_int_equal(hb->interventions[0].phase, SP_PHASE_INTAKE);
    assert_string_equal(hb->interventions[0].source, "H3, intakefase");

    assert_int_equal(sp_handbook_intervention(hb, "int.bestaat-niet"), -1);
    assert_int_equal(sp_handbook_goal(hb, NULL), -1);
    assert_int_equal(sp_handbook_goal(NULL, "relatie"), -1);
}

static void broken_handbooks(void **state)
{
    (void)state;
    char names[16][256];
    int n = testutil_list(DIR_DATA, "handbook-bad-", ".xml", names, 16);
    assert_true(n >= 1);
    for (int i = 0; i < n; i++) {
        sp_diag *d = sp_diag_new();
        sp_handbook *h = (sp_handbook *)&h; /* must be reset to NULL */
        assert_int_equal(sp_handbook_load(names[i], SCHEMAS, &h, d), SP_EINVAL);
        assert_null(h);
        testutil_assert_expected(names[i], d);
        sp_diag_free(d);
    }
}

/* ---- a valid scenario ------------------------------------------------------------------ */

static int vars_resolve(void *ctx, const char *name)
{
    return sp_scenario_var(ctx, name);
}

/* The nodes of valid.xml, as written there; k is Klaasen's cast index. */
static void valid_scenario_nodes(const sp_scenario *sc, int k)
{
    assert_int_equal(sc->n_nodes, 5);
    assert_int_equal(sc->start, 0);
    const sp_node *b = &sc->nodes[0];
    assert_string_equal(b->id, "begin");
    assert_int_equal(b->kind, SP_NODE_GOTO);
    assert_int_equal(b->n_lines, 2);
    assert_int_equal(b->lines[0].speaker, -1);
    assert_null(b->lines[0].cond);
    assert_int_equal(b->lines[1].speaker, k);
    assert_string_equal(sp_text_get(&b->lines[1].text, SP_LANG_NL), "Goedemorgen & welkom.");
    assert_string_equal(sp_text_get(&b->lines[1].text, SP_LANG_EN), "Good morning & welcome.");
    int vals[2] = { 40, 0 };
    assert_true(sp_cond_eval(b->lines[1].cond, vals));
    vals[0] = 39;
    assert_false(sp_cond_eval(b->lines[1].cond, vals));
    assert_int_equal(b->n_flags, 1);
    assert_int_equal(b->flags[0].flag, sp_handbook_redflag(hb, "rf.og-geen-tijd"));
    assert_string_equal(sp_text_get(&b->flags[0].why, SP_LANG_NL), "De directeur is er niet.");
    assert_int_equal(b->n_effects, 2);
    assert_int_equal(b->effects[0].op, SP_EFFECT_SET);
    assert_int_equal(b->effects[0].var, 0);
    assert_int_equal(b->effects[0].value, 55);
    assert_int_equal(b->effects[1].op, SP_EFFECT_ADD);
    assert_int_equal(b->effects[1].var, 1);
    assert_int_equal(b->n_gotos, 2);
    assert_int_equal(b->gotos[0].target, sp_scenario_node(sc, "denk"));
    assert_non_null(b->gotos[0].cond);
    assert_int_equal(b->gotos[1].target, sp_scenario_node(sc, "zeg"));
    assert_null(b->gotos[1].cond);
    assert_int_equal(b->line, 28);
    assert_int_equal(b->lines[1].line, 30);

    const sp_node *t = &sc->nodes[sp_scenario_node(sc, "denk")];
    assert_int_equal(t->kind, SP_NODE_THOUGHT);
    assert_int_equal(t->n_options, 2);
    assert_int_equal(t->options[0].thought, sp_handbook_thought(hb, "th.leuk"));
    assert_int_equal(t->options[0].side, SP_SIDE_HINDERING);
    assert_int_equal(t->options[1].side, SP_SIDE_HELPFUL);
    assert_string_equal(t->options[0].ref, "");
    assert_int_equal(t->options[0].ref_kind, SP_REF_NONE);
    assert_string_equal(sp_text_get(&t->options[0].ref_label, SP_LANG_NL), "");
    /* Free text of a case not yet converted to ids: shown as written. */
    assert_string_equal(t->options[1].ref, "H1");
    assert_int_equal(t->options[1].ref_kind, SP_REF_TEXT);
    assert_string_equal(sp_text_get(&t->options[1].ref_label, SP_LANG_EN), "H1");

    const sp_node *z = &sc->nodes[sp_scenario_node(sc, "zeg")];
    assert_int_equal(z->kind, SP_NODE_DECISION);
    assert_string_equal(sp_text_get(&z->prompt, SP_LANG_NL), "Wat zeg je?");
    assert_string_equal(sp_text_get(&z->discuss, SP_LANG_NL), "Welke rode vlag zie je?");
    assert_int_equal(z->n_options, 3);
    const sp_option *o = &z->options[0];
    assert_string_equal(o->id, "plannen");
    assert_int_equal(o->target, sp_scenario_node(sc, "slecht"));
    assert_int_equal(o->thought, -1);
    assert_int_equal(o->side, SP_SIDE_NONE);
    assert_int_equal(o->n_scores, 2);
    assert_int_equal(o->scores[0].goal, sp_handbook_goal(hb, "helderheid"));
    assert_int_equal(o->scores[0].delta, -2);
    assert_int_equal(sp_option_total(o), -1);
    assert_string_equal(o->ref, "H3, intakefase");
    o = &z->options[1];
    assert_int_equal(o->n_interventions, 2);
    /* An intervention of another phase is allowed. */
    assert_int_equal(o->interventions[1], sp_handbook_intervention(hb, "int.hercontracteren"));
    assert_int_equal(o->n_effects, 2);
    assert_int_equal(o->effects[0].op, SP_EFFECT_ADD);
    assert_int_equal(o->effects[0].value, 10);
    int cv[2] = { 51, 1 };
    assert_true(sp_cond_eval(o->cond, cv));
    cv[1] = 0;
    assert_false(sp_cond_eval(o->cond, cv));
    assert_string_equal(sp_text_get(&o->feedback, SP_LANG_EN), "Relationship first.");
    assert_string_equal(sp_text_get(&z->options[2].text, SP_LANG_NL), "Ik <zwijg>."); /* CDATA */

    const sp_node *e = &sc->nodes[sp_scenario_node(sc, "slecht")];
    assert_int_equal(e->kind, SP_NODE_ENDING);
    assert_string_equal(e->ending_id, "blind");
    assert_int_equal(e->ending_kind, SP_ENDING_POOR);
    assert_string_equal(sp_text_get(&e->ending_title, SP_LANG_NL), "Blind");
    assert_int_equal(sc->nodes[4].ending_kind, SP_ENDING_GOOD);

}

static void valid_scenario_loads(void **state)
{
    (void)state;
    const char *path = DIR_DATA "/valid.xml";
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    sp_status st = sp_scenario_load(path, SCHEMAS, hb, &sc, d);
    testutil_print_diag(d);
    assert_int_equal(st, SP_OK);
    assert_int_equal(sp_diag_count(d), 0);
    assert_non_null(sc);

    size_t len;
    char *bytes = testutil_read(path, &len);
    assert_true(sc->hash == sp_fs_hash(bytes, len));
    free(bytes);

    assert_string_equal(sc->path, path);
    assert_string_equal(sc->id, "proef");
    assert_string_equal(sc->version, "1.2");
    assert_int_equal(sc->phase, SP_PHASE_INTAKE);
    assert_ptr_equal(sc->handbook, hb);
    assert_string_equal(sp_text_get(&sc->title, SP_LANG_EN), "A trial");
    assert_string_equal(sp_text_get(&sc->summary, SP_LANG_NL), "Je spreekt de opdrachtgever.");
    assert_string_equal(sp_text_get(&sc->briefing.situation, SP_LANG_NL),
                        "Hij heeft weinig tijd.\nZijn directeur nog minder.");
    assert_string_equal(sp_text_get(&sc->briefing.aim, SP_LANG_EN),
                        "Find the question behind the question.");
    assert_null(sc->briefing.you.s[SP_LANG_EN]);

    /* cast */
    assert_int_equal(sc->n_cast, 2);
    int k = sp_scenario_person(sc, "klaasen");
    assert_int_equal(k, 1);
    assert_int_equal(sc->cast[k].role, SP_ROLE_GOG);
    assert_int_equal(sc->cast[k].color, 0x8A5A2B);
    assert_string_equal(sc->cast[k].initials, "HK");
    assert_string_equal(sp_text_get(&sc->cast[k].function, SP_LANG_NL), "Afdelingshoofd");
    assert_int_equal(sc->cast[0].role, SP_ROLE_SELF);
    assert_string_equal(sp_text_get(&sc->cast[0].name, SP_LANG_EN), "You");
    assert_null(sc->cast[0].function.s[SP_LANG_NL]);

    /* variables */
    assert_int_equal(sc->n_vars, 2);
    int v = sp_scenario_var(sc, "jansen_gesproken");
    assert_int_equal(v, 1);
    assert_int_equal(sc->vars[v].carry, 1);
    assert_int_equal(sc->vars[0].carry, 0);
    assert_int_equal(sc->vars[0].init, 50);
    assert_int_equal(sc->vars[0].max, 100);

    valid_scenario_nodes(sc, k);

    assert_int_equal(sp_scenario_node(sc, "nergens"), -1);
    assert_int_equal(sp_scenario_person(sc, "jansen"), -1);

    /* Conditions compile against the loaded variables. */
    char why[128];
    assert_non_null(sp_cond_compile(sc->arena, "vertrouwen > 1", vars_resolve, sc, why, sizeof why));
    sp_scenario_free(sc);
    sp_diag_free(d);
}

static void memory_and_file_agree(void **state)
{
    (void)state;
    const char *path = DIR_DATA "/valid.xml";
    size_t len;
    char *bytes = testutil_read(path, &len);
    sp_diag *d = sp_diag_new();
    sp_scenario *a = NULL, *b = NULL;
    assert_int_equal(sp_scenario_load_mem("in-memory.xml", bytes, len, SCHEMAS, hb, &a, d), SP_OK);
    assert_int_equal(sp_scenario_load(path, SCHEMAS, hb, &b, d), SP_OK);
    assert_string_equal(a->path, "in-memory.xml");
    assert_true(a->hash == b->hash);
    assert_int_equal(a->n_nodes, b->n_nodes);
    /* One changed letter, another hash. */
    char *w = strstr(bytes, "Blind");
    assert_non_null(w);
    w[3] = 'm';
    sp_scenario *c = NULL;
    assert_int_equal(sp_scenario_load_mem("changed.xml", bytes, len, SCHEMAS, hb, &c, d), SP_OK);
    assert_true(c->hash != a->hash);
    sp_scenario_free(a);
    sp_scenario_free(b);
    sp_scenario_free(c);
    free(bytes);
    sp_diag_free(d);
}

/* ---- conditional paragraphs and the debrief's material ------------------------------- */

static void paragraphs_load(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    sp_status st = sp_scenario_load(DIR_DATA "/paragraphs.xml", SCHEMAS, hb, &sc, d);
    testutil_print_diag(d);
    assert_int_equal(st, SP_OK);

    /* reflection and handout */
    assert_string_equal(sp_text_get(&sc->reflection, SP_LANG_EN), "What will you ask first next time?");
    assert_int_equal(sc->reflection.n_paras, 0);
    assert_int_equal(sc->handout.n_paras, 2);
    assert_null(sc->handout.paras[0].cond);
    assert_string_equal(sp_text_get(&sc->handout, SP_LANG_EN),
                        "Pattern one: the question behind the question.\nPattern two: making time.");

    /* the evaluation: three paragraphs, the last one Dutch only */
    const sp_node *e = &sc->nodes[sp_scenario_node(sc, "eind")];
    assert_int_equal(e->trajectory_stop, 1);
    const sp_text *ev = &e->evaluation;
    assert_int_equal(ev->n_paras, 3);
    assert_null(ev->paras[0].cond);
    assert_non_null(ev->paras[1].cond);
    assert_string_equal(ev->paras[2].s[SP_LANG_NL], "Je vroeg niet door.");
    assert_null(ev->paras[2].s[SP_LANG_EN]);
    assert_null(ev->s[SP_LANG_EN]); /* not every paragraph is translated */
    assert_string_equal(ev->s[SP_LANG_NL], "Het gesprek is voorbij.\n"
                        "Je vroeg door naar de vraag achter de vraag.\nJe vroeg niet door.");
    int v[2] = { 1, 5 }; /* doorgevraagd, vertrouwen */
    assert_int_equal(sp_text_mask(ev, v), 0x3);
    v[0] = 0;
    assert_int_equal(sp_text_mask(ev, v), 0x5);
    char *j = sp_text_join(ev, SP_LANG_EN, 0x5);
    assert_string_equal(j, "The conversation is over.\nJe vroeg niet door.");
    free(j);
    j = sp_text_join(ev, SP_LANG_EN, 0);
    assert_string_equal(j, "");
    free(j);

    /* handbook references in the one style, in both languages (labels of
     * tests/data/loader/handbook.xml; a missing translation is Dutch) */
    const sp_option *vraag = &sc->nodes[sp_scenario_node(sc, "begin")].options[0];
    const sp_option *plan = &sc->nodes[sp_scenario_node(sc, "begin")].options[1];
    const sp_option *rustig = &sc->nodes[sp_scenario_node(sc, "tweede")].options[0];
    const sp_option *haast = &sc->nodes[sp_scenario_node(sc, "tweede")].options[1];
    assert_int_equal(vraag->ref_kind, SP_REF_INTERVENTION);
    assert_int_equal(vraag->ref_index, sp_handbook_intervention(hb, "int.doorvragen"));
    assert_string_equal(vraag->ref, "int.doorvragen");
    assert_string_equal(sp_text_get(&vraag->ref_label, SP_LANG_NL), "Handboek H3 · Doorvragen");
    assert_string_equal(sp_text_get(&vraag->ref_label, SP_LANG_EN), "Handbook ch. 3 · Doorvragen");
    assert_int_equal(plan->ref_kind, SP_REF_GOAL);
    assert_string_equal(sp_text_get(&plan->ref_label, SP_LANG_NL), "Leerdoel · Relatie");
    assert_string_equal(sp_text_get(&plan->ref_label, SP_LANG_EN), "Learning goal · Relationship");
    assert_int_equal(rustig->ref_kind, SP_REF_THOUGHT);
    assert_string_equal(sp_text_get(&rustig->ref_label, SP_LANG_NL), "Handboek H1 · “Dit wordt vast leuk.”");
    assert_int_equal(haast->ref_kind, SP_REF_REDFLAG);
    assert_string_equal(sp_text_get(&haast->ref_label, SP_LANG_EN), "Handbook ch. 2 · Opdrachtgever heeft geen tijd");

    /* room moments: the decision is one, the thought is not */
    assert_int_equal(sc->nodes[sp_scenario_node(sc, "begin")].room, 1);
    assert_int_equal(sc->nodes[sp_scenario_node(sc, "tweede")].room, 0);
    assert_int_equal(sc->nodes[sp_scenario_node(sc, "tweede")].kind, SP_NODE_THOUGHT);

    /* the valid case has none of it */
    sp_scenario *old = NULL;
    assert_int_equal(sp_scenario_load(DIR_DATA "/valid.xml", SCHEMAS, hb, &old, d), SP_OK);
    assert_null(old->reflection.s[SP_LANG_NL]);
    assert_int_equal(old->nodes[sp_scenario_node(old, "slecht")].trajectory_stop, 0);
    assert_int_equal(old->nodes[sp_scenario_node(old, "zeg")].room, 0);
    sp_scenario_free(old);
    sp_scenario_free(sc);
    sp_diag_free(d);
}

/* ---- the schema explainer agrees with libxml2 on valid files ------------------------- */

/* sp_xml_explain reads the schema itself; on files libxml2 accepts it must
 * find nothing, or it would invent problems in real cases. */
static void explain_quiet_on_valid_files(void **state)
{
    (void)state;
    static const char *const files[][2] = {
        { "scenarios/intake.xml", "scenario.rng" },
        { "scenarios/uitvoering.xml", "scenario.rng" },
        { "scenarios/teruggeven.xml", "scenario.rng" },
        { DIR_DATA "/valid.xml", "scenario.rng" },
        { DIR_DATA "/paragraphs.xml", "scenario.rng" },
        { "scenarios/handbook.xml", "handbook.rng" },
        { DIR_DATA "/handbook.xml", "handbook.rng" },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        size_t len;
        char *data = testutil_read(files[i][0], &len);
        sp_diag *d = sp_diag_new();
        int n = sp_xml_explain(files[i][0], data, len, SCHEMAS, files[i][1], d);
        testutil_print_diag(d);
        if (n != 0)
            fail_msg("%s: %d problems found in a valid file", files[i][0], n);
        sp_diag_free(d);
        free(data);
    }
}

/* ---- the stream's facets agree with libxml2's whole schema ------------------------- */

/* The stream validates against scenario.rng with the attribute facets
 * taken out and checks those itself (xml_facets.c). Its verdict must be
 * the one libxml2 gives with the whole schema on a tree (sp_xml_parse),
 * value by value at the edges of every facet; and a refused value must
 * give the same messages as a file the whole schema refuses. */
static int stream_verdict(const char *path, const char *data, size_t len)
{
    sp_diag *d = sp_diag_new();
    sp_xml_stream *s = NULL;
    int bad = sp_xml_stream_open(path, -1, data, len, SCHEMAS, "scenario.rng", &s, d) != SP_OK;
    while (!bad && sp_xml_stream_next(s) == 1)
        ;
    if (!bad)
        bad = sp_xml_stream_errors(s) > 0;
    sp_xml_stream_close(s);
    sp_diag_free(d);
    return bad;
}

static void facets_agree(void **state)
{
    (void)state;
    static const struct { const char *at, *values[16]; } cases[] = {
        { "id=\"proef\"", { "proef", "a_b-9", "Proef", "a.b", "", " proef",
                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", NULL } },
        { "version=\"1.2\"", { "1", "", "\xc3\xa9\xc3\xa9", " ", NULL } },
        { "start=\"begin\"", { "begin", "be gin", "-begin", "_b.e-g", "b\xc3\xa9gin", "begin&#10;", "", NULL } },
        { "initials=\"JIJ\"", { "J", "JIJO", "\xc3\x89\xc3\x89\xc3\x89", "\xc3\x89\xc3\x89\xc3\x89\xc3\x89",
                                "", "A&amp;B", NULL } },
        { "color=\"#3d6fa8\"", { "#3D6FA8", "#3d6fa", "3d6fa8", "#3d6fa8 ", "#3g6fa8", NULL } },
        { "ref=\"rf.og-geen-tijd\"", { "rf.x", "rf.", "rf.-x", "RF.x", "rf.og geen", NULL } },
        { "delta=\"-2\"", { "-3", "3", "-4", "4", "+3", " 3 ", "03", "3.0", "", "x", "99999999999", "-0", NULL } },
        { "goal=\"relatie\"", { "relatie-2", "Relatie", "1relatie", "r", NULL } },
        { "thought=\"th.leuk\"", { "th.l", "th.", "th.Leuk", NULL } },
        { "if=\"vertrouwen >= 40\"", { "", "x", NULL } },
        { "ref=\"H1\"", { "", "H", NULL } },
        { "var=\"vertrouwen\" value=\"55\"", { "vertrouwen\" value=\"5", "Vertrouwen\" value=\"5",
                                            "_v\" value=\"5", "1v\" value=\"5", NULL } },
    };
    size_t len;
    char *data = testutil_read(DIR_DATA "/valid.xml", &len);
    char *buf = malloc(len + 2048);
    int tried = 0, refused = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *at = strstr(data, cases[i].at);
        assert_non_null(at);
        const char *q = strchr(at, '"') + 1;
        const char *end = strchr(q, '"');
        if (strchr(cases[i].at, ' ')) /* var="..." value="...": both */
            end = strchr(strchr(end + 1, '"') + 1, '"');
        for (int k = 0; cases[i].values[k]; k++) {
            size_t head = (size_t)(q - data), v = strlen(cases[i].values[k]);
            memcpy(buf, data, head);
            memcpy(buf + head, cases[i].values[k], v);
            memcpy(buf + head + v, end, len - (size_t)(end - data));
            size_t n = head + v + len - (size_t)(end - data);
            sp_diag *d = sp_diag_new();
            xmlDoc *doc = NULL;
            int tree_bad = sp_xml_parse("facet.xml", buf, n, SCHEMAS, "scenario.rng", &doc, d) != SP_OK;
            xmlFreeDoc(doc);
            int stream_bad = stream_verdict("facet.xml", buf, n);
            if (tree_bad != stream_bad)
                fail_msg("%s -> '%s': the whole schema says %s, the stream %s", cases[i].at,
                         cases[i].values[k], tree_bad ? "invalid" : "valid", stream_bad ? "invalid" : "valid");
            tried++;
            refused += tree_bad;
            sp_diag_free(d);
        }
    }
    /* Both verdicts occur, or the test proves nothing. */
    assert_true(refused >= 30);
    assert_true(tried - refused >= 20);
    free(buf);
    free(data);
}

/* ---- broken scenarios: every file under tests/data/loader/bad-*.xml ---------------- */

static void broken_scenarios(void **state)
{
    (void)state;
    static char names[128][256];
    int n = testutil_list(DIR_DATA, "bad-", ".xml", names, 128);
    assert_true(n >= 57);
    int n_dutch = 0;
    for (int i = 0; i < n; i++) {
        sp_diag *d = sp_diag_new();
        sp_scenario *sc = (sp_scenario *)&sc; /* must be reset to NULL */
        sp_status st = sp_scenario_load(names[i], SCHEMAS, hb, &sc, d);
        if (st != SP_EINVAL)
            fail_msg("%s: status %s", names[i], sp_status_name(st));
        assert_null(sc);
        testutil_assert_expected(names[i], d);
        /* In Dutch too, where NAME.nl.expected says so. */
        char nl[300];
        snprintf(nl, sizeof nl, "%.*s.nl.xml", (int)(strlen(names[i]) - 4), names[i]);
        char nl_expected[300];
        snprintf(nl_expected, sizeof nl_expected, "%.*s.nl.expected", (int)(strlen(names[i]) - 4), names[i]);
        if (access(nl_expected, F_OK) == 0) {
            sp_diag_clear(d);
            sp_diag_set_lang(d, SP_LANG_NL);
            assert_int_equal(sp_scenario_load(names[i], SCHEMAS, hb, &sc, d), SP_EINVAL);
            testutil_assert_expected(nl, d);
            n_dutch++;
        }
        sp_diag_free(d);
    }
    assert_true(n_dutch >= 28);
}

static void system_failures(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_scenario *sc = NULL;
    assert_int_equal(sp_scenario_load(DIR_DATA "/nope.xml", SCHEMAS, hb, &sc, d), SP_EIO);
    assert_null(sc);
    assert_string_equal(sp_diag_message(d, 0),
                        DIR_DATA "/nope.xml: cannot open: No such file or directory");

    sp_diag_clear(d);
    assert_int_equal(sp_scenario_load(DIR_DATA "/valid.xml", "no/such/dir", hb, &sc, d), SP_EIO);
    assert_null(sc);
    assert_string_equal(sp_diag_message(d, 0),
                        "no/such/dir/scenario.rng: cannot open: No such file or directory");

    sp_diag_clear(d);
    assert_int_equal(sp_scenario_load(DIR_DATA "/valid.xml", SCHEMAS, NULL, &sc, d), SP_EUSAGE);
    assert_string_equal(sp_diag_message(d, 0),
                        DIR_DATA "/valid.xml: no handbook to check the scenario against");

    sp_diag_clear(d);
    sp_handbook *h = NULL;
    assert_int_equal(sp_handbook_load(DIR_DATA, SCHEMAS, &h, d), SP_EIO);
    assert_null(h);
    assert_string_equal(sp_diag_message(d, 0), DIR_DATA ": is a directory, not a file");

    sp_scenario_free(NULL);
    sp_handbook_free(NULL);
    sp_diag_free(d);
}

/* ---- setup ---------------------------------------------------------------------------- */

static int setup(void **state)
{
    (void)state;
    if (testutil_chdir_root() != 0)
        return -1;
    return testutil_load_handbook(DIR_DATA "/handbook.xml", SCHEMAS, &hb);
}

static int teardown(void **state)
{
    (void)state;
    sp_handbook_free(hb);
    return 0;
}

int main(void)
{
    testutil_catalogue(); /* the handbook references' English */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_helpers),
        cmocka_unit_test(suggestions),
        cmocka_unit_test(catalogue_out_of_memory),
        cmocka_unit_test(handbook_loads),
        cmocka_unit_test(broken_handbooks),
        cmocka_unit_test(valid_scenario_loads),
        cmocka_unit_test(memory_and_file_agree),
        cmocka_unit_test(paragraphs_load),
        cmocka_unit_test(explain_quiet_on_valid_files),
        cmocka_unit_test(facets_agree),
        cmocka_unit_test(broken_scenarios),
        cmocka_unit_test(system_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
