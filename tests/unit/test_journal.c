/* test_journal.c: a transcript while it is played: unique names, the lock, the append-only journal under truncation, bit flips and write errors, and the limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <cmocka.h>

#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"
#include "core/transcript.h"
#include "testutil.h"

static sp_handbook *HB;
static sp_scenario *SC;
static char tmpdir[256];

static int setup(void **state)
{
    (void)state;
    return testutil_oefen_up("journal", &HB, &SC, tmpdir, sizeof tmpdir);
}

static int teardown(void **state)
{
    (void)state;
    testutil_oefen_down(HB, SC, tmpdir);
    return 0;
}

/* Seven steps of oefen.xml that do not reach an ending (flags, choices, an
 * undo), so the journal is not compacted by a finish. */
static const char *const *const OPEN = testutil_oefen_open;

static char *tmp(const char *name)
{
    static char buf[4][600];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", tmpdir, name);
    return buf[k];
}

/* Plays OPEN saving after every step into a new transcript in tmpdir; the
 * file's contents after each save in sizes[]. Returns the transcript (still
 * open) and its path in path. */
static sp_transcript *play_saved(sp_session **s, char *path, size_t len, size_t *sizes)
{
    *s = testutil_session(SC, 30);
    sp_transcript *t = sp_transcript_new();
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_sync(t, *s), SP_OK);
    assert_int_equal(sp_transcript_create(t, tmpdir, "oefen", sp_session_started_at(*s), path, len, d), SP_OK);
    struct stat st;
    int k = 0;
    for (const char *const *p = OPEN; *p; p++, k++) {
        testutil_step(*s, *p);
        assert_int_equal(sp_transcript_sync(t, *s), SP_OK);
        assert_int_equal(sp_transcript_write(t, path, d), SP_OK);
        assert_int_equal(stat(path, &st), 0);
        sizes[k] = (size_t)st.st_size;
    }
    assert_int_equal(sp_diag_count(d), 0);
    sp_diag_free(d);
    return t;
}

static void assert_steps_prefix(const sp_transcript *r, const sp_session *s, int n)
{
    assert_int_equal(r->n_steps, n);
    for (int i = 0; i < n; i++) {
        const sp_step *st = sp_session_log(s, i);
        assert_int_equal(r->steps[i].kind, st->kind);
        assert_int_equal(r->steps[i].turn, st->turn);
        assert_int_equal(r->steps[i].at, st->at);
    }
}

/* Reads data as the file `name`; the number of steps, or -1 when refused. */
static int steps_in(const char *name, const char *data, size_t len, sp_diag *d)
{
    sp_transcript *r = NULL;
    char *p = tmp(name);
    testutil_write(p, data, len);
    if (sp_transcript_read(p, &r, d) != SP_OK)
        return -1;
    int n = r->n_steps;
    sp_transcript_free(r);
    unlink(p);
    return n;
}

/* ---- the journal is append-only ---------------------------------------------- */

static void steps_are_appended(void **state)
{
    (void)state;
    char path[600];
    size_t sizes[16];
    sp_session *s;
    sp_transcript *t = play_saved(&s, path, sizeof path, sizes);
    size_t len;
    char *data = testutil_read(path, &len);
    /* The whole XML was written once; every step since added one record. */
    const char *end = strstr(data, "</transcript>\n");
    assert_non_null(end);
    size_t head = (size_t)(end - data) + strlen("</transcript>\n");
    int records = 0;
    for (const char *p = data + head; (p = strstr(p, "<!--step ")); p++)
        records++;
    assert_int_equal(records, 7);
    /* Each save grew the file by exactly its record: what was there before
     * stayed byte for byte (the file size only grows). */
    for (int k = 1; k < 7; k++)
        assert_true(sizes[k] > sizes[k - 1]);
    sp_transcript *r = NULL;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_transcript_read(path, &r, d), SP_OK);
    assert_int_equal(sp_diag_count(d), 0);
    assert_steps_prefix(r, s, 7);
    assert_int_equal(r->updated, sp_session_log(s, 6)->at);
    sp_transcript_free(r);
    /* Closing compacts: plain XML, no record left, the same steps. */
    assert_int_equal(sp_transcript_close(t, d), SP_OK);
    free(data);
    data = testutil_read(path, &len);
    assert_null(strstr(data, "<!--step"));
    assert_int_equal(sp_transcript_read(path, &r, d), SP_OK);
    assert_steps_prefix(r, s, 7);
    /* No lock file is left behind. */
    char lock[700];
    snprintf(lock, sizeof lock, "%s/.%s.lock", tmpdir, strrchr(path, '/') + 1);
    assert_int_equal(access(lock, F_OK), -1);
    sp_transcript_free(r);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
    free(data);
    unlink(path);
}

/* ---- truncation at every byte of the last record ----------------------------- */

static void truncation_at_every_offset(void **state)
{
    (void)state;
    char path[600];
    size_t sizes[16];
    sp_session *s;
    sp_transcript *t = play_saved(&s, path, sizeof path, sizes);
    size_t len;
    char *data = testutil_read(path, &len);
    sp_transcript_free(t); /* compacts the file on disk; data keeps the journal */
    /* The last record spans [sizes[5], sizes[6]); it is whole once the
     * cut keeps its " -->" (the newline after it is not needed). */
    size_t start = sizes[5], whole = sizes[6] - 1;
    assert_int_equal(len, sizes[6]);
    assert_memory_equal(data + whole - 4, " -->", 4);
    sp_diag *d = sp_diag_new();
    int recovered = 0;
    for (size_t cut = start; cut <= len; cut++) {
        sp_diag_clear(d);
        int n = steps_in("cut.xml", data, cut, d);
        int want = cut >= whole ? 7 : 6;
        if (n != want)
            fail_msg("cut at byte %zu of %zu: %d steps, expected %d", cut, len, n, want);
        /* A torn record is reported; a cut right after a record is not. */
        if (cut > start + 1 && cut < whole)
            assert_non_null(strstr(sp_diag_message(d, 0), "cut off"));
        recovered++;
    }
    print_message("truncated at %d offsets of the last record: every complete step kept\n", recovered);
    sp_session_free(s);
    sp_diag_free(d);
    free(data);
    unlink(path);
}

/* ---- a flipped bit in every byte of a record ------------------------------------ */

static void bit_flips_in_every_field(void **state)
{
    (void)state;
    char path[600];
    size_t sizes[16];
    sp_session *s;
    sp_transcript *t = play_saved(&s, path, sizeof path, sizes);
    size_t len;
    char *data = testutil_read(path, &len);
    sp_transcript_free(t);
    sp_diag *d = sp_diag_new();
    /* Record k (0-based) spans [sizes[k], sizes[k+1]); the first step went
     * into the whole write. Flip each bit of the last record and of one in
     * the middle (the third step's: prefix crc, element, tail). */
    int cases = 0;
    for (int rec = 1; rec <= 5; rec += 4) {
        size_t a = sizes[rec], b = sizes[rec + 1];
        for (size_t i = a; i < b; i++) {
            for (int bit = 0; bit < 8; bit++) {
                data[i] ^= (char)(1 << bit);
                sp_diag_clear(d);
                int n = steps_in("flip.xml", data, len, d);
                data[i] ^= (char)(1 << bit);
                /* Steps before the damaged record are all there; the
                 * record itself is dropped unless the flip hit the newline
                 * that only separates it from the next. */
                int before = rec + 1;
                if (i < b - 1) {
                    if (n != before)
                        fail_msg("bit %d of byte %zu (record %d): %d steps, expected %d", bit, i, rec, n, before);
                    assert_true(sp_diag_count(d) > 0);
                } else if (n < before) {
                    fail_msg("bit %d of the newline after record %d lost earlier steps (%d)", bit, rec, n);
                }
                cases++;
            }
        }
    }
    print_message("%d single-bit flips: no earlier step ever lost\n", cases);
    sp_session_free(s);
    sp_diag_free(d);
    free(data);
    unlink(path);
}

/* ---- a write error at every step ---------------------------------------------- */

static void write_error_at_each_step(void **state)
{
    (void)state;
    sp_session *s = testutil_session(SC, 30);
    sp_transcript *t = sp_transcript_new();
    sp_diag *d = sp_diag_new();
    char path[600];
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_transcript_create(t, tmpdir, "oefen", 0, path, sizeof path, d), SP_OK);
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    struct rlimit old;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    int k = 0;
    for (const char *const *p = OPEN; *p; p++, k++) {
        testutil_step(s, *p);
        assert_int_equal(sp_transcript_sync(t, s), SP_OK);
        /* The disk fills 10 bytes into this step's record: the save fails,
         * the file is as it was, every earlier step reads back. */
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        struct rlimit small = { (rlim_t)st.st_size + 10, old.rlim_max };
        assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
        sp_diag_clear(d);
        sp_status rc = sp_transcript_write(t, path, d);
        assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
        assert_int_equal(rc, SP_EIO);
        struct stat after;
        assert_int_equal(stat(path, &after), 0);
        assert_int_equal(after.st_size, st.st_size);
        sp_transcript *r = NULL;
        assert_int_equal(sp_transcript_read(path, &r, NULL), SP_OK);
        assert_steps_prefix(r, s, k);
        sp_transcript_free(r);
        /* Space again: the same save goes through, with this step. */
        assert_int_equal(sp_transcript_write(t, path, d), SP_OK);
        assert_int_equal(sp_transcript_read(path, &r, NULL), SP_OK);
        assert_steps_prefix(r, s, k + 1);
        sp_transcript_free(r);
    }
    signal(SIGXFSZ, prev);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
    unlink(path);
}

/* ---- names -------------------------------------------------------------------- */

static void names_are_unique_and_local(void **state)
{
    (void)state;
    char *tz = getenv("TZ") ? strdup(getenv("TZ")) : NULL;
    setenv("TZ", "CET-1", 1); /* one hour east of UTC, no tzdata needed */
    tzset();
    char dir[600], path[700], want[700];
    snprintf(dir, sizeof dir, "%s/names/sub", tmpdir);
    sp_diag *d = sp_diag_new();
    sp_transcript *t[3];
    for (int i = 0; i < 3; i++) {
        t[i] = sp_transcript_new();
        t[i]->scenario_id = strdup("oefen");
        /* 2024-05-01 09:30:00 UTC is 10:30:00 one hour east. */
        assert_int_equal(sp_transcript_create(t[i], dir, "oefen", 1714555800, path, sizeof path, d), SP_OK);
        if (i == 0)
            snprintf(want, sizeof want, "%s/oefen-20240501-103000.xml", dir);
        else
            snprintf(want, sizeof want, "%s/oefen-20240501-103000-%d.xml", dir, i + 1);
        assert_string_equal(path, want);
        sp_transcript *r = NULL;
        assert_int_equal(sp_transcript_read(path, &r, d), SP_OK);
        sp_transcript_free(r);
    }
    for (int i = 0; i < 3; i++)
        sp_transcript_free(t[i]);
    /* No temp file is left beside them. */
    char names[8][256];
    /* ".", ".." and the three: no temp file left beside them. */
    assert_int_equal(testutil_list(dir, "", "", names, 8), 5);
    for (int i = 2; i < 5; i++)
        unlink(names[i]);
    rmdir(dir);
    snprintf(dir, sizeof dir, "%s/names", tmpdir);
    rmdir(dir);
    if (tz)
        setenv("TZ", tz, 1);
    else
        unsetenv("TZ");
    tzset();
    free(tz);
    sp_diag_free(d);
}

/* ---- the lock ------------------------------------------------------------------ */

static void second_player_refused(void **state)
{
    (void)state;
    char path[600];
    size_t sizes[16];
    sp_session *s;
    sp_transcript *t = play_saved(&s, path, sizeof path, sizes);
    sp_transcript_free(t); /* closed: compacted and unlocked */
    int go[2], ready[2];
    assert_int_equal(pipe(go), 0);
    assert_int_equal(pipe(ready), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        sp_transcript *mine = NULL;
        char c = sp_transcript_read_locked(path, &mine, NULL) == SP_OK ? 'y' : 'n';
        if (write(ready[1], &c, 1) != 1 || read(go[0], &c, 1) < 0)
            _exit(2);
        sp_transcript_free(mine);
        _exit(0);
    }
    char c = 0;
    assert_int_equal(read(ready[0], &c, 1), 1);
    assert_int_equal(c, 'y');
    /* A second --resume, and a writer that read it before, are refused,
     * naming the child. */
    sp_diag *d = sp_diag_new();
    sp_transcript *other = NULL;
    assert_int_equal(sp_transcript_read_locked(path, &other, d), SP_EIO);
    assert_null(other);
    char want[700];
    snprintf(want, sizeof want, "%s: is being played by samenspel process %ld", path, (long)child);
    assert_non_null(strstr(sp_diag_message(d, 0), want));
    assert_int_equal(sp_transcript_read(path, &other, NULL), SP_OK);
    assert_int_equal(sp_transcript_add_note(other, -1, "van een ander"), SP_OK);
    sp_diag_clear(d);
    assert_int_equal(sp_transcript_write(other, path, d), SP_EIO);
    assert_non_null(strstr(sp_diag_message(d, 0), want));
    /* Once the child is done, the file is free again. */
    assert_int_equal(write(go[1], "x", 1), 1);
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_int_equal(WEXITSTATUS(status), 0);
    sp_diag_clear(d);
    assert_int_equal(sp_transcript_write(other, path, d), SP_OK);
    sp_transcript_free(other);

    /* Two readers; the first saves; the second, read before that, is
     * refused: never merged silently. */
    sp_transcript *a = NULL, *b = NULL;
    assert_int_equal(sp_transcript_read(path, &a, NULL), SP_OK);
    assert_int_equal(sp_transcript_read(path, &b, NULL), SP_OK);
    assert_int_equal(sp_transcript_add_note(a, -1, "eerste"), SP_OK);
    assert_int_equal(sp_transcript_write(a, path, NULL), SP_OK);
    sp_transcript_free(a);
    assert_int_equal(sp_transcript_add_note(b, -1, "tweede"), SP_OK);
    sp_diag_clear(d);
    assert_int_equal(sp_transcript_write(b, path, d), SP_EIO);
    assert_non_null(strstr(sp_diag_message(d, 0), "changed on disk after samenspel read it"));
    sp_transcript_free(b);
    close(go[0]), close(go[1]), close(ready[0]), close(ready[1]);
    sp_session_free(s);
    sp_diag_free(d);
    unlink(path);
}

/* ---- what is written is what is read ------------------------------------------- */

static void never_writes_what_it_refuses(void **state)
{
    (void)state;
    /* A play of exactly SP_TRANSCRIPT_MAX_STEPS steps (a choice and its
     * undo, over and over) is written and read back; one step more is
     * refused before anything is written, by the whole write and by the
     * journal alike. */
    sp_session *s = testutil_session(SC, 1);
    while (sp_session_log_count(s) < SP_TRANSCRIPT_MAX_STEPS) {
        testutil_step(s, "denk-help");
        testutil_step(s, "<");
    }
    assert_int_equal(sp_session_log_count(s), SP_TRANSCRIPT_MAX_STEPS);
    sp_transcript *t = sp_transcript_new();
    sp_diag *d = sp_diag_new();
    char path[600];
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_transcript_create(t, tmpdir, "lang", 0, path, sizeof path, d), SP_OK);
    sp_transcript *r = NULL;
    assert_int_equal(sp_transcript_read(path, &r, d), SP_OK);
    assert_int_equal(r->n_steps, SP_TRANSCRIPT_MAX_STEPS);
    sp_transcript_free(r);
    size_t before_len;
    char *before = testutil_read(path, &before_len);
    testutil_step(s, "denk-help");
    assert_int_equal(sp_transcript_sync(t, s), SP_OK);
    assert_int_equal(sp_transcript_write(t, path, d), SP_EINVAL);
    assert_non_null(strstr(sp_diag_message(d, 0), "more than the 10000 a transcript may hold"));
    size_t after_len;
    char *after = testutil_read(path, &after_len);
    assert_int_equal(after_len, before_len);
    assert_memory_equal(after, before, before_len);
    assert_int_equal(sp_transcript_read(path, &r, NULL), SP_OK);
    sp_transcript_free(r);
    /* The same through the whole write (a fresh transcript). */
    sp_transcript *whole = sp_transcript_new();
    assert_int_equal(sp_transcript_sync(whole, s), SP_OK);
    char other[600];
    sp_diag_clear(d);
    assert_int_equal(sp_transcript_create(whole, tmpdir, "te-lang", 0, other, sizeof other, d), SP_EINVAL);
    sp_transcript_free(whole);
    free(before);
    free(after);
    sp_transcript_free(t);
    sp_session_free(s);
    sp_diag_free(d);
    unlink(path);
}

int main(void)
{
    if (testutil_chdir_root() != 0)
        return 1;
    testutil_catalogue(); /* the core's messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(steps_are_appended),
        cmocka_unit_test(truncation_at_every_offset),
        cmocka_unit_test(bit_flips_in_every_field),
        cmocka_unit_test(write_error_at_each_step),
        cmocka_unit_test(names_are_unique_and_local),
        cmocka_unit_test(second_player_refused),
        cmocka_unit_test(never_writes_what_it_refuses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
