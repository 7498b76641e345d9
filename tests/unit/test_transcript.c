/* test_transcript.c: transcripts: round trip, atomic save per step, damaged files, changed scenarios, the version 1 fixture. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <cmocka.h>

#include "core/debrief.h"
#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "core/xml.h"
#include "testutil.h"

static sp_handbook *HB;
static sp_scenario *SC;
static char oefen_path[4200], tmpdir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(oefen_path, sizeof oefen_path, "%s/tests/data/session/oefen.xml", testutil_root());
    return testutil_oefen_up("transcript", &HB, &SC, tmpdir, sizeof tmpdir);
}

static int teardown(void **state)
{
    (void)state;
    testutil_oefen_down(HB, SC, tmpdir);
    return 0;
}

/* Scripts for testutil_play: option ids, "!rf.x" marks a flag, "<" undoes.
 * Sessions run on the test clock, 30 seconds a reading. */
static const char *const *const POOR = testutil_oefen_poor;
static const char *const BEST[] = { "denk-help", "doorvragen", "vastleggen", NULL };

static void assert_same_log(const sp_session *a, const sp_session *b)
{
    assert_int_equal(sp_session_log_count(a), sp_session_log_count(b));
    for (int i = 0; i < sp_session_log_count(a); i++) {
        const sp_step *x = sp_session_log(a, i), *y = sp_session_log(b, i);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->turn, y->turn);
        assert_int_equal(x->node, y->node);
        assert_int_equal(x->option, y->option);
        assert_int_equal(x->flag, y->flag);
        assert_int_equal(x->at, y->at);
    }
}

static void tmp_path(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", tmpdir, name);
}

/* ---- round trip ---------------------------------------------------------- */

static void round_trip(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    assert_int_equal(sp_session_set_var(s, "energie", 7), SP_OK);
    testutil_play(s, POOR);
    sp_transcript *t = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_transcript_add_note(t, 5, "Hier <twijfelde> de groep & zei \"niks\"."), SP_OK);
    assert_int_equal(sp_transcript_add_note(t, -1, "Regel een\nregel twee"), SP_OK);
    assert_int_equal(sp_transcript_add_note(t, 8, "buiten bereik"), SP_EUSAGE);
    assert_int_equal(t->n_steps, 8);
    assert_string_equal(t->ending, "einde-mager");
    assert_string_equal(t->mode, "solo");
    assert_int_equal(t->started, 1714555800);
    assert_int_equal(t->updated, t->steps[7].at);
    assert_int_equal(t->n_start_vars, 1);
    assert_string_equal(t->start_vars[0].name, "energie");
    assert_int_equal(t->start_vars[0].value, 7);

    char path[600];
    tmp_path(path, sizeof path, "rond.xml");
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_write(t, path, d), SP_OK);

    sp_transcript *r = NULL;
    sp_status rc = sp_transcript_read(path, &r, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    assert_string_equal(r->path, path);
    assert_int_equal(r->version, 1);
    assert_string_equal(r->scenario_id, "oefen");
    assert_string_equal(r->scenario_version, "1");
    assert_true(r->scenario_hash == SC->hash);
    assert_string_equal(r->lang, "nl");
    assert_int_equal(r->n_notes, 2);
    assert_int_equal(r->notes[0].step, 5);
    assert_string_equal(r->notes[0].text, "Hier <twijfelde> de groep & zei \"niks\".");
    assert_int_equal(r->notes[1].step, -1);
    assert_string_equal(r->notes[1].text, "Regel een\nregel twee");

    /* Serialising what was read gives the same bytes. */
    size_t n1, n2;
    char *x1 = sp_transcript_to_xml(t, &n1), *x2 = sp_transcript_to_xml(r, &n2);
    assert_int_equal(n1, n2);
    assert_memory_equal(x1, x2, n1);
    free(x1);
    free(x2);

    sp_session *s2 = NULL;
    assert_int_equal(sp_transcript_replay(r, SC, -1, &s2, d), SP_OK);
    assert_int_equal(sp_diag_count(d), 0);
    assert_same_log(s, s2);
    assert_int_equal(sp_session_start_vars(s2)[sp_scenario_var(SC, "energie")], 7);
    assert_int_equal(sp_session_started_at(s2), 1714555800);
    sp_debrief *d1 = sp_debrief_build(s), *d2 = sp_debrief_build(s2);
    testutil_assert_same_debrief(d1, d2);
    sp_debrief_free(d1);
    sp_debrief_free(d2);

    /* Replaying part of it: the first five steps end just after the undo. */
    sp_session *s3 = NULL;
    assert_int_equal(sp_transcript_replay(r, SC, 5, &s3, d), SP_OK);
    assert_int_equal(sp_session_log_count(s3), 5);
    assert_int_equal(sp_session_view(s3)->node, sp_scenario_node(SC, "vraag"));
    /* After a replay the session runs on the real clock again. */
    assert_int_equal(sp_session_choose(s3, 0), SP_OK);
    assert_true(sp_session_log(s3, 5)->at > 1714555800 + 3600);

    sp_session_free(s3);
    sp_session_free(s2);
    sp_transcript_free(r);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
}

/* Whatever bytes a host puts in a note, the file stays readable. */
static void hostile_note_text(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    sp_transcript *t = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_transcript_add_note(t, -1, "a\x01" "b\xff" "c]]>d\r\te\xc3\xa9"), SP_OK);
    size_t n;
    char *x = sp_transcript_to_xml(t, &n);
    sp_transcript *r = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_read_mem("mem.xml", x, n, &r, d), SP_OK);
    /* control character dropped, bad byte replaced, CR kept as a reference */
    assert_string_equal(r->notes[0].text, "ab\xef\xbf\xbd" "c]]>d\r\te\xc3\xa9");
    assert_int_equal(r->n_steps, 0);
    assert_null(r->ending);
    free(x);
    sp_transcript_free(r);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
}

/* ---- saving after every step --------------------------------------------- */

static void atomic_save_each_step(void **state)
{
    (void)state;
    char path[600];
    tmp_path(path, sizeof path, "live.xml");
    sp_session *s = testutil_session(SC, 30);
    sp_transcript *t = sp_transcript_new();
    sp_diag *d = sp_diag_new();
    int k = 0;
    for (const char *const *p = POOR; *p; p++, k++) {
        testutil_step(s, *p);
        assert_int_equal(sp_transcript_sync(t, s), SP_OK);
        /* Group play: the host adds the room's votes to the step just made. */
        if (t->steps[k].kind == SP_STEP_CHOOSE) {
            t->steps[k].votes = malloc(2 * sizeof(int));
            t->steps[k].votes[0] = k;
            t->steps[k].votes[1] = 1;
            t->steps[k].n_votes = 2;
        }
        assert_int_equal(sp_transcript_write(t, path, d), SP_OK);

        sp_transcript *r = NULL;
        assert_int_equal(sp_transcript_read(path, &r, d), SP_OK);
        assert_int_equal(r->n_steps, k + 1);
        assert_int_equal(r->n_steps, sp_session_log_count(s));
        for (int i = 0; i <= k; i++) {
            const sp_step *st = sp_session_log(s, i);
            assert_int_equal(r->steps[i].kind, st->kind);
            assert_int_equal(r->steps[i].turn, st->turn);
            assert_int_equal(r->steps[i].at, st->at);
            assert_string_equal(r->steps[i].node, SC->nodes[st->node].id);
            /* votes of earlier steps survive later syncs */
            if (st->kind == SP_STEP_CHOOSE) {
                assert_int_equal(r->steps[i].n_votes, 2);
                assert_int_equal(r->steps[i].votes[0], i);
            } else {
                assert_int_equal(r->steps[i].n_votes, 0);
            }
        }
        if (sp_session_finished(s))
            assert_string_equal(r->ending, "einde-mager");
        else
            assert_null(r->ending);
        sp_transcript_free(r);
    }
    /* The temp file beside it is gone after each rename. */
    DIR *dir = opendir(tmpdir);
    struct dirent *e;
    while ((e = readdir(dir)) != NULL)
        if (strncmp(e->d_name, "live.xml", 8) == 0)
            assert_string_equal(e->d_name, "live.xml");
    closedir(dir);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
}

static void write_failure_reported(void **state)
{
    (void)state;
    sp_transcript *t = sp_transcript_new();
    sp_session *s = testutil_session(SC, 30);
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    sp_diag *d = sp_diag_new();
    char path[700];
    snprintf(path, sizeof path, "%s/no/such/dir/t.xml", tmpdir);
    assert_int_equal(sp_transcript_write(t, path, d), SP_EIO);
    assert_true(sp_diag_count(d) > 0);
    assert_non_null(strstr(sp_diag_message(d, 0), path));
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
}

/* ---- damaged files ------------------------------------------------------- */

static void damaged_files(void **state)
{
    (void)state;
    char dir[1100], list[1200];
    snprintf(dir, sizeof dir, "%s/tests/data/transcripts/bad", testutil_root());
    snprintf(list, sizeof list, "%s/EXPECTED", dir);
    FILE *f = fopen(list, "r");
    assert_non_null(f);
    char line[512];
    int checked = 0;
    char seen[64][64];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!line[0] || line[0] == '#')
            continue;
        /* "file:line: text" or "file: text" */
        char *colon = strchr(line, ':');
        assert_non_null(colon);
        char *text = strstr(colon, ": ");
        assert_non_null(text);
        char prefix[1400], path[1300];
        snprintf(path, sizeof path, "%s/%.*s", dir, (int)(colon - line), line);
        snprintf(prefix, sizeof prefix, "%s/%.*s", dir, (int)(text + 2 - line), line);
        text += 2;
        snprintf(seen[checked], sizeof seen[checked], "%.*s", (int)(colon - line), line);

        sp_diag *d = sp_diag_new();
        sp_transcript *t = NULL;
        sp_status rc = sp_transcript_read(path, &t, d);
        int found = 0;
        for (int i = 0; i < sp_diag_count(d); i++) {
            const char *m = sp_diag_message(d, i);
            if (strncmp(m, prefix, strlen(prefix)) == 0 && strstr(m, text))
                found = 1;
        }
        if (rc != SP_EINVAL || t || !found) {
            testutil_print_diag(d);
            fail_msg("%s: expected SP_EINVAL and \"%s...%s\"", path, prefix, text);
        }
        sp_diag_free(d);
        checked++;
        assert_true(checked < 64);
    }
    fclose(f);
    /* Every damaged file in the directory is listed. */
    DIR *dd = opendir(dir);
    assert_non_null(dd);
    struct dirent *e;
    while ((e = readdir(dd)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".xml") != 0)
            continue;
        int listed = 0;
        for (int i = 0; i < checked; i++)
            listed |= strcmp(seen[i], e->d_name) == 0;
        if (!listed)
            fail_msg("%s is not in EXPECTED", e->d_name);
    }
    closedir(dd);
    assert_true(checked >= 15);
}

static void size_and_step_caps(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_transcript *t = NULL;
    /* More steps than SP_TRANSCRIPT_MAX_STEPS. */
    size_t cap = 64 + (size_t)(SP_TRANSCRIPT_MAX_STEPS + 1) * 80 + 512;
    char *big = malloc(cap);
    size_t n = (size_t)snprintf(big, cap,
        "<?xml version=\"1.0\"?>\n<transcript xmlns=\"urn:samenspel:transcript:1\" version=\"1\" "
        "scenario=\"oefen\" scenario-hash=\"0000000000000000\" lang=\"nl\" mode=\"solo\" "
        "started=\"2024-05-01T09:30:00Z\">\n<steps>\n");
    for (int i = 0; i <= SP_TRANSCRIPT_MAX_STEPS; i++)
        n += (size_t)snprintf(big + n, cap - n,
                              "<undo turn=\"1\" node=\"denk\" at=\"2024-05-01T09:30:00Z\"/>\n");
    n += (size_t)snprintf(big + n, cap - n, "</steps>\n</transcript>\n");
    assert_int_equal(sp_transcript_read_mem("many.xml", big, n, &t, d), SP_EINVAL);
    assert_null(t);
    assert_non_null(strstr(sp_diag_message(d, 0), "many.xml:3: more than 10000 steps"));
    free(big);

    /* Bigger than SP_TRANSCRIPT_MAX_BYTES, refused before parsing. */
    sp_diag_clear(d);
    size_t huge = SP_TRANSCRIPT_MAX_BYTES + 1;
    char *h = malloc(huge);
    memset(h, ' ', huge);
    assert_int_equal(sp_transcript_read_mem("huge.xml", h, huge, &t, d), SP_EINVAL);
    assert_non_null(strstr(sp_diag_message(d, 0), "huge.xml: file is larger than"));
    char path[600];
    tmp_path(path, sizeof path, "huge.xml");
    sp_diag_clear(d);
    assert_int_equal(sp_fs_write_atomic(path, h, huge, d), SP_OK);
    assert_int_equal(sp_transcript_read(path, &t, d), SP_EINVAL);
    assert_non_null(strstr(sp_diag_message(d, 0), "is larger than"));
    free(h);
    sp_diag_free(d);
}

/* ---- replay against a changed scenario ----------------------------------- */

/* oefen.xml with `from` replaced by `to` (once), loaded from memory. */
static sp_scenario *changed(const char *from, const char *to)
{
    size_t len;
    char *data = testutil_read(oefen_path, &len);
    char *at = strstr(data, from);
    assert_non_null(at);
    size_t nlen = len - strlen(from) + strlen(to);
    char *out = malloc(nlen + 1);
    size_t head = (size_t)(at - data);
    memcpy(out, data, head);
    memcpy(out + head, to, strlen(to));
    memcpy(out + head + strlen(to), at + strlen(from), len - head - strlen(from));
    sp_scenario *sc = NULL;
    sp_diag *d = sp_diag_new();
    sp_status rc = sp_scenario_load_mem("oefen-gewijzigd.xml", out, nlen, testutil_schemas(), HB,
                                        &sc, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    sp_diag_free(d);
    free(out);
    free(data);
    return sc;
}

static sp_transcript *played(const char *const *script)
{
    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, script);
    sp_transcript *t = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    sp_session_free(s);
    return t;
}

static void changed_text_only_warns(void **state)
{
    (void)state;
    sp_scenario *sc = changed("Afspraken op papier.", "Afspraken zwart op wit.");
    sp_transcript *t = played(BEST);
    sp_session *s = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_replay(t, sc, -1, &s, d), SP_OK);
    assert_int_equal(sp_diag_count(d), 1);
    assert_non_null(strstr(sp_diag_message(d, 0), "changed since this play"));
    assert_true(sp_session_finished(s));
    sp_session_free(s);
    sp_transcript_free(t);
    sp_scenario_free(sc);
    sp_diag_free(d);
}

static void changed_option_id_names_step(void **state)
{
    (void)state;
    sp_scenario *sc = changed("id=\"vastleggen\"", "id=\"opschrijven\"");
    sp_transcript *t = played(BEST);
    t->path = strdup("speel.xml");
    sp_session *s = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_replay(t, sc, -1, &s, d), SP_EINVAL);
    assert_int_equal(sp_diag_count(d), 2);
    assert_non_null(strstr(sp_diag_message(d, 0), "changed since this play"));
    assert_string_equal(sp_diag_message(d, 1),
                        "speel.xml: step 3: node 'afspraak' has no option 'vastleggen'");
    /* The session holds everything up to just before that step. */
    assert_non_null(s);
    assert_int_equal(sp_session_log_count(s), 2);
    assert_int_equal(sp_session_view(s)->node, sp_scenario_node(sc, "afspraak"));
    sp_session_free(s);
    sp_transcript_free(t);
    sp_scenario_free(sc);
    sp_diag_free(d);
}

static void changed_condition_names_step(void **state)
{
    (void)state;
    sp_scenario *sc = changed("if=\"inzicht\"", "if=\"not inzicht\"");
    sp_transcript *t = played(BEST);
    t->path = strdup("speel.xml");
    sp_session *s = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_replay(t, sc, -1, &s, d), SP_EINVAL);
    assert_string_equal(sp_diag_message(d, 1),
                        "speel.xml: step 2: option 'doorvragen' is not offered at node 'vraag'");
    assert_int_equal(sp_session_log_count(s), 1);
    sp_session_free(s);
    sp_transcript_free(t);
    sp_scenario_free(sc);
    sp_diag_free(d);
}

static void changed_route_names_step(void **state)
{
    (void)state;
    /* Lower the bar at gang: after plannen (trust 20) the play now goes to
     * afspraak, so the recorded flag at twijfel no longer fits. */
    sp_scenario *sc = changed("<goto to=\"afspraak\" if=\"vertrouwen &gt;= 60\"/>",
                              "<goto to=\"afspraak\" if=\"vertrouwen &gt;= 10\"/>");
    sp_transcript *t = played(POOR);
    sp_session *s = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_replay(t, sc, -1, &s, d), SP_EINVAL);
    assert_string_equal(sp_diag_message(d, 1),
                        "transcript: step 7: the play is at node 'afspraak', not at 'twijfel' as recorded");
    assert_int_equal(sp_session_log_count(s), 6);
    sp_session_free(s);
    sp_transcript_free(t);
    sp_scenario_free(sc);
    sp_diag_free(d);
}

static void replay_refusals(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    sp_session *s = NULL;

    /* Another scenario's play. */
    sp_transcript *t = played(BEST);
    free(t->scenario_id);
    t->scenario_id = strdup("intake");
    assert_int_equal(sp_transcript_replay(t, SC, -1, &s, d), SP_EINVAL);
    assert_null(s);
    assert_non_null(strstr(sp_diag_message(d, 0), "case 'intake', not of 'oefen'"));
    sp_transcript_free(t);

    /* A start variable the scenario does not have. */
    sp_diag_clear(d);
    t = played(BEST);
    free(t->start_vars);
    t->start_vars = calloc(1, sizeof(sp_tvar));
    t->start_vars[0].name = strdup("moed");
    t->start_vars[0].value = 3;
    t->n_start_vars = 1;
    assert_int_equal(sp_transcript_replay(t, SC, -1, &s, d), SP_EINVAL);
    assert_non_null(strstr(sp_diag_message(d, 0), "start variable 'moed'"));
    assert_int_equal(sp_session_log_count(s), 0);
    sp_session_free(s);
    sp_transcript_free(t);

    /* A flag marked twice in one turn, an unknown flag, an undo too many. */
    const char *cases[][3] = {
        { "flag", "rf.og-geen-tijd", "step 2: red flag 'rf.og-geen-tijd' was already marked in turn 1" },
        { "flag", "rf.bestaat-niet", "step 2: the handbook has no red flag 'rf.bestaat-niet'" },
        { "undo", NULL, "step 3: takes a step back, but there is nothing to take back" },
    };
    for (int c = 0; c < 3; c++) {
        sp_diag_clear(d);
        const char *script[] = { "!rf.og-geen-tijd", NULL };
        t = played(script);
        int n = t->n_steps;
        t->steps = realloc(t->steps, sizeof(sp_tstep) * (size_t)(n + 2));
        memset(&t->steps[n], 0, sizeof(sp_tstep) * 2);
        int k = n;
        if (c == 2) { /* undo the flag, then undo once more */
            t->steps[k].kind = SP_STEP_UNDO;
            t->steps[k].turn = 1;
            t->steps[k++].node = strdup("denk");
        }
        t->steps[k].kind = c == 2 ? SP_STEP_UNDO : SP_STEP_FLAG;
        t->steps[k].turn = 1;
        t->steps[k].node = strdup("denk");
        if (cases[c][1])
            t->steps[k].flag = strdup(cases[c][1]);
        t->n_steps = k + 1;
        assert_int_equal(sp_transcript_replay(t, SC, -1, &s, d), SP_EINVAL);
        assert_non_null(strstr(sp_diag_message(d, 0), cases[c][2]));
        sp_session_free(s);
        sp_transcript_free(t);
    }

    /* A choice after the ending. */
    sp_diag_clear(d);
    t = played(BEST);
    t->steps = realloc(t->steps, sizeof(sp_tstep) * 4);
    memset(&t->steps[3], 0, sizeof(sp_tstep));
    t->steps[3].kind = SP_STEP_CHOOSE;
    t->steps[3].turn = 4;
    t->steps[3].node = strdup("einde-goed");
    t->steps[3].option = strdup("vastleggen");
    t->n_steps = 4;
    assert_int_equal(sp_transcript_replay(t, SC, -1, &s, d), SP_EINVAL);
    assert_non_null(strstr(sp_diag_message(d, 0), "step 4: the play had already ended at node 'einde-goed'"));
    assert_true(sp_session_finished(s));
    sp_session_free(s);
    sp_transcript_free(t);
    sp_diag_free(d);
}

/* ---- the version 1 fixture ----------------------------------------------- */

static void v1_fixture_loads_and_replays(void **state)
{
    (void)state;
    char path[1200];
    snprintf(path, sizeof path, "%s/tests/data/transcripts/oefen-v1.xml", testutil_root());
    sp_diag *d = sp_diag_new();
    sp_transcript *t = NULL;
    sp_status rc = sp_transcript_read(path, &t, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    assert_int_equal(t->version, 1);
    assert_string_equal(t->mode, "group");
    assert_int_equal(t->started, 1714555800);      /* 2024-05-01T09:30:00Z */
    assert_int_equal(t->updated, 1714555800 + 296); /* 09:34:56 */
    assert_int_equal(t->n_steps, 8);
    assert_int_equal(t->steps[4].kind, SP_STEP_UNDO);
    assert_int_equal(t->steps[5].n_votes, 2);
    assert_int_equal(t->steps[5].votes[1], 5);
    assert_int_equal(t->steps[5].override, 1);
    assert_int_equal(t->steps[1].override, 0);
    assert_int_equal(t->n_notes, 2);
    assert_string_equal(t->notes[1].text, "Oefensessie met team Noord & Oost.");
    assert_string_equal(t->ending, "einde-mager");

    sp_session *s = NULL;
    sp_diag_clear(d);
    rc = sp_transcript_replay(t, SC, -1, &s, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    assert_true(sp_session_finished(s));
    assert_int_equal(sp_session_vars(s)[sp_scenario_var(SC, "energie")], 2); /* 6 - 3 - 1 */
    sp_debrief *db = sp_debrief_build(s);
    assert_int_equal(db->total, -4);
    assert_int_equal(db->n_recognised, 2);
    assert_int_equal(db->n_false_alarms, 0);
    assert_int_equal(db->n_not_intended, 1); /* niet-pluis at vraag, named by plannen */
    assert_int_equal(db->n_flags_missed, 2);
    assert_int_equal(db->n_decisions, 3);
    assert_int_equal(db->left, 3 + 2 + 5); /* by hand in test_debrief.c */
    sp_debrief_free(db);
    sp_session_free(s);
    sp_transcript_free(t);
    sp_diag_free(d);
}

/* What the writer produces, and the fixture, match scenarios/transcript.rng. */
static void schema_matches_writer(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    testutil_play(s, POOR);
    sp_transcript *t = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    t->parent = strdup("/tmp/ouder.xml");
    t->branch_step = 3;
    t->trajectory = strdup("traject-1");
    t->steps[1].votes = calloc(2, sizeof(int));
    t->steps[1].n_votes = 2;
    assert_int_equal(sp_transcript_add_note(t, 0, "notitie"), SP_OK);
    size_t n;
    char *x = sp_transcript_to_xml(t, &n);
    sp_diag *d = sp_diag_new();
    xmlDoc *doc = NULL;
    sp_status rc = sp_xml_parse("written.xml", x, n, testutil_schemas(), "transcript.rng", &doc, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    xmlFreeDoc(doc);

    sp_transcript *r = NULL;
    assert_int_equal(sp_transcript_read_mem("written.xml", x, n, &r, d), SP_OK);
    assert_string_equal(r->parent, "/tmp/ouder.xml");
    assert_int_equal(r->branch_step, 3);
    assert_string_equal(r->trajectory, "traject-1");
    sp_transcript_free(r);
    free(x);

    char path[1200], *data;
    size_t len;
    snprintf(path, sizeof path, "%s/tests/data/transcripts/oefen-v1.xml", testutil_root());
    assert_int_equal(sp_fs_read(path, 1 << 20, &data, &len, d), SP_OK);
    rc = sp_xml_parse(path, data, len, testutil_schemas(), "transcript.rng", &doc, d);
    testutil_print_diag(d);
    assert_int_equal(rc, SP_OK);
    xmlFreeDoc(doc);
    free(data);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
}

int main(void)
{
    testutil_catalogue(); /* the core\'s messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(hostile_note_text),
        cmocka_unit_test(atomic_save_each_step),
        cmocka_unit_test(write_failure_reported),
        cmocka_unit_test(damaged_files),
        cmocka_unit_test(size_and_step_caps),
        cmocka_unit_test(changed_text_only_warns),
        cmocka_unit_test(changed_option_id_names_step),
        cmocka_unit_test(changed_condition_names_step),
        cmocka_unit_test(changed_route_names_step),
        cmocka_unit_test(replay_refusals),
        cmocka_unit_test(v1_fixture_loads_and_replays),
        cmocka_unit_test(schema_matches_writer),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
