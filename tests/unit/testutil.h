/* testutil.h: helpers shared by the unit tests: data paths, fixtures, a test clock, scripted play, files, checks. */
#ifndef SP_TESTUTIL_H
#define SP_TESTUTIL_H

/* testutil.c is linked into every test binary (the Makefile links each C
 * file in tests/unit that is not a test_ or gui_ file). It uses the core and cmocka
 * only.
 * A test includes this after <cmocka.h>. Failures inside a helper fail the
 * calling test through cmocka's asserts. */

#include <stddef.h>
#include <stdint.h>

#include "core/debrief.h"
#include "core/diag.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "core/session.h"

/* When every test play starts: 2024-05-01T09:30:00Z. */
#define TESTUTIL_T0 ((int64_t)1714555800)

/* ---- paths -------------------------------------------------------------- */

/* The repository root: $SAMENSPEL_DATA when set and not empty, else ".". */
const char *testutil_root(void);
/* The schema directory, <root>/scenarios. */
const char *testutil_schemas(void);
/* Changes into the root (when $SAMENSPEL_DATA is set), so paths in messages
 * read as they do in the repository; 0, or -1 when that fails. */
int testutil_chdir_root(void);

/* ---- words ------------------------------------------------------------------- */

/* Gives the core English words from the built catalogue,
 * <root>/locale/en/LC_MESSAGES/samenspel.mo (made by `make`), through
 * sp_translate_set, as the program does (gui/i18n.c); needs no LANG. A core
 * test that checks English words calls it in its setup. */
void testutil_catalogue(void);

/* ---- loading fixtures ----------------------------------------------------- */

/* Loads the handbook at path with schemas from schema_dir. The loader's
 * messages are printed. 0 on success, else -1: a cmocka setup can return it. */
int testutil_load_handbook(const char *path, const char *schema_dir, sp_handbook **hb);

/* cmocka group set-up and tear-down for tests that need only the session
 * handbook (tests/data/session/handbook.xml): it is testutil_hb between
 * the two. */
extern sp_handbook *testutil_hb;
int testutil_hb_setup(void **state);
int testutil_hb_teardown(void **state);
/* The same for a scenario checked against hb. */
int testutil_load_scenario(const char *path, const char *schema_dir, const sp_handbook *hb,
                           sp_scenario **sc);
/* A handbook and a scenario, both given relative to the root, schemas from
 * the root: the fixture most tests start from. 0 or -1 as above. */
int testutil_load(const char *hb_rel, const char *sc_rel, sp_handbook **hb, sp_scenario **sc);

/* ---- playing ---------------------------------------------------------------- */

/* A new Dutch session on sc with the test clock: it reads TESTUTIL_T0, then
 * moves on tick seconds with every reading (0: it stands still). There is
 * one test clock; each new session sets it back to TESTUTIL_T0. */
sp_session *testutil_session(const sp_scenario *sc, int tick);
/* The test clock itself, for sp_session_set_clock(s, testutil_clock, NULL),
 * and a way to set it: it reads now, then moves on tick seconds a reading. */
int64_t testutil_clock(void *ctx);
void testutil_clock_set(int64_t now, int tick);
/* One script step: an option id of the current node, "!rf.x" to mark red
 * flag rf.x, "<" to undo. Fails the test when the step cannot be taken. */
void testutil_step(sp_session *s, const char *what);
/* Every step of a NULL-ended script. */
void testutil_play(sp_session *s, const char *const *script);

/* ---- the oefen fixture (tests/data/session) -------------------------------- */

/* Loads the fixture's handbook.xml and oefen.xml and makes a fresh
 * temporary folder named after the test (testutil_tmpdir); 0, or -1. */
int testutil_oefen_up(const char *name, sp_handbook **hb, sp_scenario **sc, char *tmpdir, size_t size);
/* Frees both and removes the folder. */
void testutil_oefen_down(sp_handbook *hb, sp_scenario *sc, const char *tmpdir);
/* A poor play of oefen.xml for testutil_play (flags, a hindering thought,
 * an undo) that ends with "doorgaan"; testutil_oefen_open is the same play
 * without that last step, so it never reaches an ending. */
extern const char *const testutil_oefen_poor[];
extern const char *const testutil_oefen_open[];

/* ---- files ------------------------------------------------------------------ */

/* Makes a new directory $TMPDIR/sp-test-<name>-XXXXXX (TMPDIR defaults to
 * /tmp) and puts its path in buf; 0, or -1 when it cannot. */
int testutil_tmpdir(char *buf, size_t size, const char *name);
/* Removes the files in dir, then dir itself. */
void testutil_rmdir(const char *dir);
/* The whole file, NUL-terminated (len may be NULL). Fails the test when it
 * cannot be read. */
char *testutil_read(const char *path, size_t *len);
/* Writes len bytes to path, replacing it. Fails the test when it cannot. */
void testutil_write(const char *path, const void *data, size_t len);
/* Paths "dir/NAME" of the files in dir named prefix*suffix, sorted, into
 * names; returns how many. Fails the test past max or when dir cannot be read. */
int testutil_list(const char *dir, const char *prefix, const char *suffix, char names[][256],
                  int max);

/* ---- comparing and messages ----------------------------------------------- */

/* Fails the test unless the two debriefs hold the same figures. */
void testutil_assert_same_debrief(const sp_debrief *a, const sp_debrief *b);

/* Prints every message of d, indented. */
void testutil_print_diag(const sp_diag *d);
/* Compares d's messages with the lines of the .expected file beside xml
 * (NAME.xml -> NAME.expected): one message a line, in order. */
void testutil_assert_expected(const char *xml, const sp_diag *d);

/* A growing text for generated cases: testutil_put appends printf-style
 * (the buffer grows as needed; a failed allocation fails the test). */
typedef struct {
    char *s;
    size_t len, cap;
} testutil_text;
void testutil_put(testutil_text *b, const char *fmt, ...);

#endif
