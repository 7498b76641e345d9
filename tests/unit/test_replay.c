/* test_replay.c: replays laid out per decision: steps, grades, flags, the exact debrief, changed cases, branches, notes, the v1 fixture, the history list. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/debrief.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/replay.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "testutil.h"

/* kruispunt.xml (tests/data/replay) against the real handbook; oefen.xml and
 * its handbook (tests/data/session) for the version 1 fixture. */
static sp_handbook *HB, *HB_OEFEN;
static sp_scenario *SC, *OEFEN;
static char kruis_path[4200], tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(kruis_path, sizeof kruis_path, "%s/tests/data/replay/kruispunt.xml", testutil_root());
    if (testutil_tmpdir(tmpdir, sizeof tmpdir, "replay") != 0)
        return -1;
    if (testutil_load("scenarios/handbook.xml", "tests/data/replay/kruispunt.xml", &HB, &SC) != 0)
        return -1;
    return testutil_load("tests/data/session/handbook.xml", "tests/data/session/oefen.xml",
                         &HB_OEFEN, &OEFEN);
}

static int teardown(void **state)
{
    (void)state;
    sp_scenario_free(SC);
    sp_handbook_free(HB);
    sp_scenario_free(OEFEN);
    sp_handbook_free(HB_OEFEN);
    testutil_rmdir(tmpdir);
    return 0;
}

/* ---- helpers ----------------------------------------------------------------- */

/* Sessions run on the test clock (testutil_session), 30 seconds a reading;
 * scripts are testutil_play's: option ids, "!rf.x" marks a flag, "<" undoes. */

/* Syncs s into a new transcript, writes it to tmpdir/name and reads it back. */
static sp_transcript *save_and_read(const sp_session *s, sp_transcript *t, const char *name)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_transcript_write(t, path, d), SP_OK);
    sp_transcript *r = NULL;
    sp_status rc = sp_transcript_read(path, &r, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    sp_diag_free(d);
    return r;
}

static int opt(const sp_scenario *sc, int node, const char *id)
{
    const sp_node *n = &sc->nodes[node];
    for (int i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, id) == 0)
            return i;
    return -1;
}

static const char *node_id(const sp_replay *r, int i)
{
    return r->sc->nodes[r->steps[i].node].id;
}

/* A poor play with a flag, an undo and a false alarm (raw steps in brackets):
 *   turn 1 gevoel: mislukt [0] (-1 against 2: worst; rust drops to 0)
 *   turn 2 route: flag og-geen-tijd [1] (present), samen [2], undo [3],
 *          samen again [4]; mailen needs rust, so 0 against 3: worst
 *   turn 3 klaasen-alleen: flag niet-pluis [5] (a false alarm),
 *          toch-jansen [6] (2 against -2: best)
 *   turn 4 besluit: kwartaal [7] (-3 against 3: worst) */
static const char *const POOR[] = { "mislukt", "!rf.og-geen-tijd", "samen", "<", "samen",
                                    "!rf.niet-pluis", "toch-jansen", "kwartaal", NULL };

/* ---- steps ---------------------------------------------------------------------- */

static void steps_laid_out(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, POOR);
    sp_transcript *t0 = sp_transcript_new();
    sp_transcript *t = save_and_read(s, t0, "poor.xml");
    sp_diag *d = sp_diag_new();
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(t, SC, SP_LANG_NL, &r, d), SP_OK);
    assert_int_equal(sp_diag_count(d), 0);
    assert_int_equal(r->n_decisions, 4);
    assert_int_equal(r->n_steps, 5);
    assert_true(r->finished);
    assert_int_equal(r->stopped_at, 0);

    assert_string_equal(node_id(r, 0), "gevoel");
    assert_int_equal(r->steps[0].kind, SP_VIEW_THOUGHT);
    assert_int_equal(r->steps[0].turn, 1);
    assert_int_equal(r->steps[0].n_lines, 1); /* the narration of 'begin' */
    assert_string_equal(r->steps[0].lines[0].text, "Zondagavond. Je laptop staat open, de agenda voor donderdag ook.");
    assert_int_equal(r->steps[0].total, -1);
    assert_int_equal(r->steps[0].best_total, 2);
    assert_int_equal(r->steps[0].grade, SP_GRADE_WORST);
    assert_int_equal(r->steps[0].log_step, 0);
    assert_int_equal(r->steps[0].n_present, 1);
    assert_int_equal(r->steps[0].present[0], sp_handbook_redflag(HB, "rf.niet-lekker"));

    const sp_replay_step *st = &r->steps[1];
    assert_string_equal(node_id(r, 1), "route");
    assert_string_equal(st->prompt, "Wat antwoord je Klaasen?");
    assert_int_equal(st->n_lines, 1);
    assert_string_equal(st->lines[0].speaker_name, "De heer Klaasen");
    assert_int_equal(st->n_offered, 2); /* mailen needs rust >= 1 */
    assert_int_equal(st->chosen, opt(SC, st->node, "samen"));
    assert_int_equal(st->best, opt(SC, st->node, "wachten"));
    assert_int_equal(st->total, 0);
    assert_int_equal(st->best_total, 3);
    assert_int_equal(st->worst_total, 0);
    assert_int_equal(st->grade, SP_GRADE_WORST);
    /* raw log: 0 mislukt, 1 flag, 2 samen, 3 undo, 4 samen: the effective choice is 4 */
    assert_int_equal(st->log_step, 4);
    assert_int_equal(st->n_marked, 1);
    assert_int_equal(st->marked[0], sp_handbook_redflag(HB, "rf.og-geen-tijd"));
    assert_int_equal(st->marked_verdict[0], SP_FLAG_PRESENT);

    st = &r->steps[2];
    assert_string_equal(node_id(r, 2), "klaasen-alleen");
    assert_int_equal(st->grade, SP_GRADE_BEST);
    assert_int_equal(st->n_marked, 1);
    assert_int_equal(st->marked_verdict[0], SP_FLAG_FALSE_ALARM); /* a false alarm */
    assert_int_equal(st->n_present, 0);
    assert_int_equal(st->log_step, 6);

    assert_string_equal(node_id(r, 3), "besluit");
    assert_int_equal(r->steps[3].grade, SP_GRADE_WORST);
    const sp_replay_step *last = &r->steps[4];
    assert_int_equal(last->kind, SP_VIEW_ENDING);
    assert_string_equal(node_id(r, 4), "einde-mager");
    assert_int_equal(last->chosen, -1);
    assert_int_equal(last->grade, SP_GRADE_NONE);
    assert_int_equal(last->log_step, 8);
    assert_int_equal(r->total, -1 + 0 + 2 - 3);
    assert_int_equal(r->best_total, 2 + 3 + 2 + 3);

    /* English texts come from the same scenario. */
    sp_replay *en = NULL;
    assert_int_equal(sp_replay_build(t, SC, SP_LANG_EN, &en, d), SP_OK);
    assert_string_equal(en->steps[1].prompt, "What do you tell Klaasen?");
    assert_string_equal(en->steps[1].lines[0].speaker_name, "Mr Klaasen");
    sp_replay_free(en);

    sp_replay_free(r);
    sp_transcript_free(t);
    sp_transcript_free(t0);
    sp_session_free(s);
    sp_diag_free(d);
}

/* The debrief of a replay is the debrief of the play, field by field, and
 * the middle grade is given where the chosen option is neither. */
static void replay_reproduces_debrief(void **state)
{
    (void)state;
    static const char *const MID[] = { "doorbreken", "mailen", "persoon", "teruggeven", NULL };
    const char *const *plays[] = { POOR, MID };
    for (int p = 0; p < 2; p++) {
        sp_session *s = testutil_session(SC, 30);
        testutil_play(s, plays[p]);
        sp_debrief *want = sp_debrief_build(s);
        sp_transcript *t0 = sp_transcript_new();
        sp_transcript *t = save_and_read(s, t0, "debrief.xml");
        sp_replay *r = NULL;
        assert_int_equal(sp_replay_build(t, SC, SP_LANG_NL, &r, NULL), SP_OK);
        sp_debrief *got = sp_debrief_build(r->s);
        testutil_assert_same_debrief(want, got);
        assert_int_equal(r->total, want->total);
        if (p == 1) {
            assert_int_equal(r->steps[1].grade, SP_GRADE_MIDDLE); /* mailen 2 of 0..3 */
            assert_int_equal(r->steps[2].grade, SP_GRADE_WORST);
        }
        sp_debrief_free(got);
        sp_debrief_free(want);
        sp_replay_free(r);
        sp_transcript_free(t);
        sp_transcript_free(t0);
        sp_session_free(s);
    }
}

/* ---- a changed case ------------------------------------------------------------ */

static sp_scenario *load_changed(const char *from, const char *to)
{
    char *data;
    size_t len;
    assert_int_equal(sp_fs_read(kruis_path, SP_MAX_FILE_BYTES, &data, &len, NULL), SP_OK);
    char *at = strstr(data, from);
    assert_non_null(at);
    size_t nf = strlen(from), nt = strlen(to);
    char *out = malloc(len - nf + nt + 1);
    memcpy(out, data, (size_t)(at - data));
    memcpy(out + (at - data), to, nt);
    memcpy(out + (at - data) + nt, at + nf, len - (size_t)(at - data) - nf + 1);
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("changed.xml", out, strlen(out), testutil_schemas(), HB,
                                        &sc, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    sp_diag_free(d);
    free(out);
    free(data);
    return sc;
}

static void changed_case_names_step(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, POOR);
    sp_transcript *t0 = sp_transcript_new();
    sp_transcript *t = save_and_read(s, t0, "changed.xml");
    sp_scenario *ch = load_changed("id=\"toch-jansen\"", "id=\"alsnog-jansen\"");
    sp_diag *d = sp_diag_new();
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(t, ch, SP_LANG_NL, &r, d), SP_EINVAL);
    assert_non_null(r);
    /* raw steps: 1 mislukt, 2 flag, 3 samen, 4 undo, 5 samen, 6 flag, 7 toch-jansen */
    assert_int_equal(r->stopped_at, 7);
    assert_int_equal(r->n_decisions, 2);
    assert_false(r->finished);
    assert_string_equal(node_id(r, 2), "klaasen-alleen"); /* where it stopped */
    assert_int_equal(r->steps[2].n_marked, 1);
    int found = 0;
    for (int i = 0; i < sp_diag_count(d); i++) {
        found |= strstr(sp_diag_message(d, i), "step 7: node 'klaasen-alleen' has no option 'toch-jansen'") != NULL;
        found |= strstr(sp_diag_message(d, i), "warning: case 'kruispunt' has changed") != NULL ? 2 : 0;
    }
    assert_int_equal(found, 3);
    sp_replay_free(r);

    /* A text-only change warns and replays in full. */
    sp_scenario *txt = load_changed("Nou, vertel.", "Zo, vertel.");
    sp_diag_clear(d);
    assert_int_equal(sp_replay_build(t, txt, SP_LANG_NL, &r, d), SP_OK);
    assert_int_equal(sp_diag_count(d), 1);
    assert_int_equal(r->stopped_at, 0);
    assert_true(r->finished);
    sp_replay_free(r);

    /* Another case: no replay at all. */
    sp_diag_clear(d);
    assert_int_equal(sp_replay_build(t, OEFEN, SP_LANG_NL, &r, d), SP_EINVAL);
    assert_null(r);
    sp_scenario_free(txt);
    sp_scenario_free(ch);
    sp_transcript_free(t);
    sp_transcript_free(t0);
    sp_session_free(s);
    sp_diag_free(d);
}

/* ---- branches and notes ------------------------------------------------------ */

static void branch_links_to_parent(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, POOR);
    sp_transcript *t0 = sp_transcript_new();
    sp_transcript *parent = save_and_read(s, t0, "parent.xml");
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(parent, SC, SP_LANG_NL, &r, NULL), SP_OK);

    sp_session *bs = NULL;
    sp_transcript *bt = NULL;
    /* The last step of a finished play is not a decision. */
    assert_int_equal(sp_replay_branch(r, 4, parent->path, 1800000000, &bs, &bt, NULL), SP_EUSAGE);
    assert_int_equal(sp_replay_branch(r, 1, parent->path, 1800000000, &bs, &bt, NULL), SP_OK);
    const sp_view *v = sp_session_view(bs);
    assert_string_equal(SC->nodes[v->node].id, "route");
    assert_int_equal(v->turn, 2);
    assert_int_equal(sp_session_log_count(bs), 4); /* mislukt, flag, samen, undo */
    assert_string_equal(bt->parent, parent->path);
    assert_int_equal(bt->branch_step, 4);
    assert_string_equal(bt->mode, "replay-branch");
    assert_int_equal(bt->started, 1800000000);
    /* Play on differently from the branch point. */
    testutil_clock_set(1800000100, 30);
    sp_session_set_clock(bs, testutil_clock, NULL);
    static const char *const ON[] = { "wachten", "bal", "teruggeven", NULL };
    testutil_play(bs, ON);
    sp_transcript *b = save_and_read(bs, bt, "branch.xml");
    assert_string_equal(b->parent, parent->path);
    assert_int_equal(b->branch_step, 4);
    assert_int_equal(b->n_steps, 7);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(b->steps[i].kind, parent->steps[i].kind);
        assert_int_equal(b->steps[i].at, parent->steps[i].at);
    }
    sp_replay *br = NULL;
    assert_int_equal(sp_replay_build(b, SC, SP_LANG_NL, &br, NULL), SP_OK);
    assert_int_equal(br->n_decisions, 4);
    assert_int_equal(br->steps[0].chosen, r->steps[0].chosen);
    assert_string_equal(node_id(br, 2), "met-jansen");
    assert_string_equal(node_id(br, 4), "einde-goed");
    assert_int_equal(br->steps[1].n_marked, 1); /* the flag before the branch point stays */
    sp_replay_free(br);
    sp_transcript_free(b);
    sp_transcript_free(bt);
    sp_session_free(bs);
    sp_replay_free(r);
    sp_transcript_free(parent);
    sp_transcript_free(t0);
    sp_session_free(s);
}

static void notes_on_steps(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, POOR);
    sp_transcript *t0 = sp_transcript_new();
    sp_transcript *t = save_and_read(s, t0, "notes.xml");
    sp_replay *r = NULL;
    assert_int_equal(sp_replay_build(t, SC, SP_LANG_NL, &r, NULL), SP_OK);
    assert_int_equal(sp_replay_add_note(r, t, 1, "Hier ging het mis."), SP_OK);
    assert_int_equal(sp_replay_add_note(r, t, 4, "Over het geheel."), SP_OK);
    assert_int_equal(sp_replay_add_note(r, t, -1, "Met de groep besproken."), SP_OK);
    assert_int_equal(sp_replay_add_note(r, t, 5, "te ver"), SP_EUSAGE);
    assert_int_equal(t->notes[0].step, 4);
    assert_int_equal(t->notes[1].step, -1);
    char path[600];
    snprintf(path, sizeof path, "%s/notes.xml", tmpdir);
    assert_int_equal(sp_transcript_write(t, path, NULL), SP_OK);
    sp_transcript *back = NULL;
    assert_int_equal(sp_transcript_read(path, &back, NULL), SP_OK);
    assert_int_equal(back->n_notes, 3);
    assert_int_equal(sp_replay_note_step(r, &back->notes[0]), 1);
    assert_int_equal(sp_replay_note_step(r, &back->notes[1]), -1);
    /* A note on the flag of turn 2 (raw step 1) or the undone choice (2)
     * belongs to the decision of turn 2. */
    sp_tnote n = { 1, "vlag" };
    assert_int_equal(sp_replay_note_step(r, &n), 1);
    n.step = 2;
    assert_int_equal(sp_replay_note_step(r, &n), 1);
    n.step = 5;
    assert_int_equal(sp_replay_note_step(r, &n), 2);
    sp_transcript_free(back);
    sp_replay_free(r);
    sp_transcript_free(t);
    sp_transcript_free(t0);
    sp_session_free(s);
}

/* ---- the version 1 fixture ----------------------------------------------------- */

static void v1_fixture(void **state)
{
    (void)state;
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/transcripts/oefen-v1.xml", testutil_root());
    sp_transcript *t = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_transcript_read(path, &t, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    assert_int_equal(t->version, 1);
    sp_replay *r = NULL;
    rc = sp_replay_build(t, OEFEN, SP_LANG_NL, &r, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    assert_int_equal(r->n_decisions, 3);
    assert_true(r->finished);
    assert_string_equal(node_id(r, 0), "denk");
    assert_int_equal(r->steps[0].n_votes, 2);
    assert_int_equal(r->steps[0].votes[0], 4);
    assert_int_equal(r->steps[0].votes[1], 2);
    assert_string_equal(node_id(r, 1), "vraag");
    assert_int_equal(r->steps[1].chosen, opt(OEFEN, r->steps[1].node, "plannen"));
    assert_int_equal(r->steps[1].override, 1);
    assert_int_equal(r->steps[1].log_step, 5);
    assert_int_equal(r->steps[1].n_marked, 1);
    /* niet-pluis is listed at twijfel, not here, but vraag's option "plannen" names it */
    assert_int_equal(r->steps[1].marked_verdict[0], SP_FLAG_NOT_INTENDED);
    assert_int_equal(r->steps[2].n_marked, 1);
    assert_int_equal(r->steps[2].marked_verdict[0], SP_FLAG_PRESENT); /* randvoorwaarden came with 'gang' */
    assert_string_equal(node_id(r, 3), "einde-mager");
    assert_int_equal(sp_replay_note_step(r, &t->notes[0]), 1);
    assert_int_equal(sp_replay_note_step(r, &t->notes[1]), -1);
    sp_replay_free(r);
    sp_transcript_free(t);
    sp_diag_free(d);
}

/* ---- the expert path ------------------------------------------------------------ */

static void expert_path(void **state)
{
    (void)state;
    sp_replay *r = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_replay_expert(SC, NULL, SP_LANG_NL, &r, d), SP_OK);
    assert_int_equal(r->n_decisions, 4);
    static const char *const nodes[] = { "gevoel", "route", "met-jansen", "besluit", "einde-goed" };
    static const char *const opts[] = { "doorbreken", "wachten", "bal", "teruggeven" };
    for (int i = 0; i < 5; i++)
        assert_string_equal(node_id(r, i), nodes[i]);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(r->steps[i].chosen, opt(SC, r->steps[i].node, opts[i]));
        assert_int_equal(r->steps[i].grade, SP_GRADE_BEST);
    }
    assert_int_equal(r->total, 11);
    assert_string_equal(r->t->mode, "expert");
    sp_replay_free(r);
    sp_diag_free(d);
}

/* ---- the list of past plays ------------------------------------------------------ */

/* The cases a scan may use: ctx is a NULL-terminated array. */
static const sp_scenario *resolve(void *ctx, const char *id)
{
    for (const sp_scenario *const *c = ctx; *c; c++)
        if (strcmp((*c)->id, id) == 0)
            return *c;
    return NULL;
}

static void history_scan(void **state)
{
    (void)state;
    char dir[400], path[600];
    snprintf(dir, sizeof dir, "%s/hist", tmpdir);
    assert_int_equal(sp_fs_mkdirs(dir, NULL), SP_OK);
    const sp_scenario *cases[3] = { OEFEN, SC, NULL };
    sp_replay_entry *e = NULL;
    int n = -1;
    snprintf(path, sizeof path, "%s/none", tmpdir);
    assert_int_equal(sp_replay_scan(path, resolve, cases, &e, &n), SP_OK);
    assert_int_equal(n, 0);

    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, POOR);
    sp_transcript *t = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    snprintf(path, sizeof path, "%s/a-old.xml", dir);
    assert_int_equal(sp_transcript_write(t, path, NULL), SP_OK);
    sp_session_free(s);
    sp_transcript_free(t);

    testutil_clock_set(TESTUTIL_T0 + 86400, 30);
    s = sp_session_new(SC, SP_LANG_NL);
    sp_session_set_clock(s, testutil_clock, NULL);
    testutil_step(s, "doorbreken");
    t = sp_transcript_new();
    t->parent = strdup("elders.xml");
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    snprintf(path, sizeof path, "%s/b-new.xml", dir);
    assert_int_equal(sp_transcript_write(t, path, NULL), SP_OK);
    sp_session_free(s);
    sp_transcript_free(t);

    snprintf(path, sizeof path, "%s/c-kapot.xml", dir);
    FILE *f = fopen(path, "w");
    fputs("<transcript", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/notes.txt", dir);
    f = fopen(path, "w");
    fputs("geen transcript", f);
    fclose(f);

    assert_int_equal(sp_replay_scan(dir, resolve, cases, &e, &n), SP_OK);
    assert_int_equal(n, 3);
    /* newest first; the damaged file has no start time and comes last */
    assert_non_null(strstr(e[0].path, "b-new.xml"));
    assert_true(e[0].ok);
    assert_ptr_equal(e[0].sc, SC);
    assert_false(e[0].finished);
    assert_int_equal(e[0].n_turns, 1);
    assert_int_equal(e[0].total, 2);
    assert_true(e[0].branch);
    assert_non_null(strstr(e[1].path, "a-old.xml"));
    assert_true(e[1].ok);
    assert_true(e[1].finished);
    assert_string_equal(SC->nodes[e[1].ending_node].id, "einde-mager");
    assert_int_equal(e[1].total, -2);
    assert_int_equal(e[1].best_total, 10);
    assert_int_equal(e[1].started, 1714555800);
    assert_false(e[1].branch);
    assert_false(e[2].ok);
    assert_non_null(e[2].error);
    assert_non_null(strstr(e[2].error, "c-kapot.xml"));
    sp_replay_entries_free(e, n);

    /* Without the case loaded, the play is listed with why it cannot open. */
    const sp_scenario *only_oefen[2] = { OEFEN, NULL };
    assert_int_equal(sp_replay_scan(dir, resolve, only_oefen, &e, &n), SP_OK);
    assert_int_equal(n, 3);
    assert_false(e[0].ok);
    assert_string_equal(e[0].scenario_id, "kruispunt");
    assert_non_null(strstr(e[0].error, "case 'kruispunt' is not available"));
    sp_replay_entries_free(e, n);
    unlink(path);
    snprintf(path, sizeof path, "%s/a-old.xml", dir); unlink(path);
    snprintf(path, sizeof path, "%s/b-new.xml", dir); unlink(path);
    snprintf(path, sizeof path, "%s/c-kapot.xml", dir); unlink(path);
    rmdir(dir);
}

int main(void)
{
    testutil_catalogue(); /* the core's messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(steps_laid_out),
        cmocka_unit_test(replay_reproduces_debrief),
        cmocka_unit_test(changed_case_names_step),
        cmocka_unit_test(branch_links_to_parent),
        cmocka_unit_test(notes_on_steps),
        cmocka_unit_test(v1_fixture),
        cmocka_unit_test(expert_path),
        cmocka_unit_test(history_scan),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
