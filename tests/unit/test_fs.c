/* test_fs.c: capped reads, atomic writes that leave the old file alone on failure, mkdirs, FNV-1a, XDG paths. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/fs.h"
#include "testutil.h"

static char tmpdir[256];

/* A path in tmpdir; a few fixed slots so each test names its files once. */
static char *tmp_path(const char *name)
{
    static char path[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
    return path[k];
}

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

static char *get(const char *path)
{
    char *data = NULL;
    size_t len;
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_fs_read(path, 1u << 20, &data, &len, d), SP_OK);
    assert_int_equal(strlen(data), len);
    sp_diag_free(d);
    return data;
}

/* Entries in tmpdir other than the given names: leftover temp files. */
static int strays(const char *keep1, const char *keep2)
{
    DIR *dp = opendir(tmpdir);
    assert_non_null(dp);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
            (!keep1 || strcmp(e->d_name, keep1)) && (!keep2 || strcmp(e->d_name, keep2)))
            n++;
    closedir(dp);
    return n;
}

/* ---- hashing -------------------------------------------------------------------------------- */

static void fnv1a_known_vectors(void **state)
{
    (void)state;
    /* From the FNV reference test suite. */
    assert_true(sp_fs_hash("", 0) == 0xcbf29ce484222325ULL);
    assert_true(sp_fs_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(sp_fs_hash("foobar", 6) == 0x85944171f73967e8ULL);
    /* Every byte counts, NULs included. */
    assert_true(sp_fs_hash("a\0b", 3) != sp_fs_hash("a\0c", 3));
}

/* ---- reading ----------------------------------------------------------------------------------- */

static void read_with_cap(void **state)
{
    (void)state;
    char *p = tmp_path("tien.txt");
    put(p, "0123456789");
    sp_diag *d = sp_diag_new();
    char *data = (char *)1;
    size_t len = 99;

    assert_int_equal(sp_fs_read(p, 10, &data, &len, d), SP_OK);
    assert_int_equal(len, 10);
    assert_string_equal(data, "0123456789");
    free(data);

    assert_int_equal(sp_fs_read(p, 9, &data, &len, d), SP_EINVAL);
    assert_null(data);
    char want[600];
    snprintf(want, sizeof want, "%s: file is larger than 9 bytes", p);
    assert_string_equal(sp_diag_message(d, 0), want);

    /* An empty file reads as an empty string. */
    sp_diag_clear(d);
    char *e = tmp_path("leeg.txt");
    put(e, "");
    assert_int_equal(sp_fs_read(e, 10, &data, &len, d), SP_OK);
    assert_int_equal(len, 0);
    assert_string_equal(data, "");
    free(data);

    /* A device without end is refused before reading (not a regular file). */
    assert_int_equal(sp_fs_read("/dev/zero", 4096, &data, &len, d), SP_EIO);
    assert_null(data);
    assert_string_equal(sp_diag_message(d, 0),
                        "/dev/zero: is a character device, not a regular file; samenspel reads only regular files");

    sp_diag_clear(d);
    assert_int_equal(sp_fs_read(tmp_path("nope"), 10, &data, NULL, d), SP_EIO);
    snprintf(want, sizeof want, "%s: cannot open: No such file or directory", tmp_path("nope"));
    assert_string_equal(sp_diag_message(d, 0), want);

    sp_diag_clear(d);
    assert_int_equal(sp_fs_read(tmpdir, 10, &data, NULL, d), SP_EIO);
    snprintf(want, sizeof want, "%s: is a directory, not a file", tmpdir);
    assert_string_equal(sp_diag_message(d, 0), want);
    sp_diag_free(d);
    unlink(tmp_path("tien.txt"));
    unlink(tmp_path("leeg.txt"));
    assert_int_equal(strays(NULL, NULL), 0);
}

/* ---- atomic writes -------------------------------------------------------------------------- */

static void write_creates_and_replaces(void **state)
{
    (void)state;
    char *p = tmp_path("doel.xml");
    sp_diag *d = sp_diag_new();
    assert_int_equal(sp_fs_write_atomic(p, "eerste", 6, d), SP_OK);
    char *s = get(p);
    assert_string_equal(s, "eerste");
    free(s);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);

    /* Replacing keeps the old file's mode. */
    assert_int_equal(chmod(p, 0600), 0);
    assert_int_equal(sp_fs_write_atomic(p, "tweede versie", 13, d), SP_OK);
    s = get(p);
    assert_string_equal(s, "tweede versie");
    free(s);
    assert_int_equal(stat(p, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(strays("doel.xml", NULL), 0);
    assert_int_equal(sp_diag_count(d), 0);

    /* A relative path (no directory part) works too. */
    char cwd[512];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(tmpdir), 0);
    assert_int_equal(sp_fs_write_atomic("hier.txt", "x", 1, d), SP_OK);
    assert_int_equal(chdir(cwd), 0);
    s = get(tmp_path("hier.txt"));
    assert_string_equal(s, "x");
    free(s);
    unlink(tmp_path("hier.txt"));
    unlink(p);
    sp_diag_free(d);
}

/* Runs sp_fs_write_atomic(path, "nieuw") as a user that the directory's mode
 * binds: as is when not root; as root with the file-system ids of uid/gid
 * 65534 ("nobody"), which drops root's right to ignore modes for file access
 * in this thread only, and back afterwards (no fork: valgrind and ASan see
 * one process). Returns the status. */
static int write_as_unprivileged(const char *path)
{
    int root = geteuid() == 0;
    if (root) {
        setfsgid(65534);
        setfsuid(65534);
    }
    sp_diag *d = sp_diag_new();
    int st = sp_fs_write_atomic(path, "nieuw", 5, d);
    sp_diag_free(d);
    if (root) {
        setfsuid(0);
        setfsgid(0);
    }
    return st;
}

/* A write that fails half way (here: the file size limit, which binds root
 * too) leaves the old file as it was and no temp file behind. */
static void failed_write_keeps_old_file(void **state)
{
    (void)state;
    char *p = tmp_path("bewaard.xml");
    put(p, "oude inhoud");
    sp_diag *d = sp_diag_new();

    struct rlimit old, small = { 8, 8 };
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    small.rlim_max = old.rlim_max;
    void (*prev)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
    sp_status st = sp_fs_write_atomic(p, "veel te lange nieuwe inhoud", 27, d);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
    signal(SIGXFSZ, prev);

    assert_int_equal(st, SP_EIO);
    char want[600];
    snprintf(want, sizeof want, "%s: cannot write the file: File too large", p);
    assert_string_equal(sp_diag_message(d, 0), want);
    char *s = get(p);
    assert_string_equal(s, "oude inhoud");
    free(s);
    assert_int_equal(strays("bewaard.xml", NULL), 0);

    /* A directory that does not exist: nothing is created. */
    sp_diag_clear(d);
    assert_int_equal(sp_fs_write_atomic(tmp_path("geen/map.xml"), "x", 1, d), SP_EIO);
    assert_non_null(strstr(sp_diag_message(d, 0), "cannot create a temporary file"));
    assert_int_equal(strays("bewaard.xml", NULL), 0);

    /* A read-only directory. Root ignores the mode, so as root the write is
     * tried in a child that has given up root (uid 65534, "nobody"). */
    char *ro = tmp_path("alleen-lezen");
    assert_int_equal(mkdir(ro, 0755), 0);
    char file[600];
    snprintf(file, sizeof file, "%s/f.xml", ro);
    put(file, "blijft");
    assert_int_equal(chmod(ro, 0555), 0);
    assert_int_equal(chmod(tmpdir, 0711), 0); /* the child may pass through tmpdir */
    assert_int_equal(write_as_unprivileged(file), SP_EIO);
    assert_int_equal(chmod(tmpdir, 0700), 0);
    s = get(file);
    assert_string_equal(s, "blijft");
    free(s);
    assert_int_equal(chmod(ro, 0755), 0);
    unlink(file);
    rmdir(ro);
    unlink(p);
    sp_diag_free(d);
}

/* ---- directories ------------------------------------------------------------------------------ */

static void mkdirs_nested(void **state)
{
    (void)state;
    sp_diag *d = sp_diag_new();
    char *p = tmp_path("a/b/c");
    assert_int_equal(sp_fs_mkdirs(p, d), SP_OK);
    struct stat st;
    assert_int_equal(stat(p, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(sp_fs_mkdirs(p, d), SP_OK); /* exists: fine */
    char trail[600];
    snprintf(trail, sizeof trail, "%s/", p);
    assert_int_equal(sp_fs_mkdirs(trail, d), SP_OK);
    assert_int_equal(sp_diag_count(d), 0);

    /* A file in the way. */
    put(tmp_path("a/bestand"), "x");
    assert_int_equal(sp_fs_mkdirs(tmp_path("a/bestand/d"), d), SP_EIO);
    char want[600];
    snprintf(want, sizeof want, "%s: cannot create directory: a file of that name already exists",
             tmp_path("a/bestand"));
    assert_string_equal(sp_diag_message(d, 0), want);

    unlink(tmp_path("a/bestand"));
    rmdir(tmp_path("a/b/c"));
    rmdir(tmp_path("a/b"));
    rmdir(tmp_path("a"));
    sp_diag_free(d);
}

static void xdg_dirs(void **state)
{
    (void)state;
    char buf[512];
    char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    char *data = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
    char *config = getenv("XDG_CONFIG_HOME") ? strdup(getenv("XDG_CONFIG_HOME")) : NULL;

    setenv("HOME", "/home/tester", 1);
    setenv("XDG_DATA_HOME", "/xdg/data", 1);
    setenv("XDG_CONFIG_HOME", "/xdg/config", 1);
    assert_int_equal(sp_fs_data_dir(buf, sizeof buf), SP_OK);
    assert_string_equal(buf, "/xdg/data/samenspel");
    assert_int_equal(sp_fs_config_dir(buf, sizeof buf), SP_OK);
    assert_string_equal(buf, "/xdg/config/samenspel");

    /* Relative and empty values are ignored, as the XDG spec says. */
    setenv("XDG_DATA_HOME", "relatief", 1);
    setenv("XDG_CONFIG_HOME", "", 1);
    assert_int_equal(sp_fs_data_dir(buf, sizeof buf), SP_OK);
    assert_string_equal(buf, "/home/tester/.local/share/samenspel");
    assert_int_equal(sp_fs_config_dir(buf, sizeof buf), SP_OK);
    assert_string_equal(buf, "/home/tester/.config/samenspel");

    unsetenv("XDG_DATA_HOME");
    assert_int_equal(sp_fs_data_dir(buf, 10), SP_EUSAGE); /* too small */
    unsetenv("HOME");
    assert_int_equal(sp_fs_data_dir(buf, sizeof buf), SP_EIO);
    assert_int_equal(sp_fs_config_dir(buf, sizeof buf), SP_EIO);

    if (home) setenv("HOME", home, 1);
    if (data) setenv("XDG_DATA_HOME", data, 1); else unsetenv("XDG_DATA_HOME");
    if (config) setenv("XDG_CONFIG_HOME", config, 1); else unsetenv("XDG_CONFIG_HOME");
    free(home);
    free(data);
    free(config);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "%s/sp-fs-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    return rmdir(tmpdir);
}

int main(void)
{
    testutil_catalogue(); /* the core's messages in English come from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fnv1a_known_vectors),
        cmocka_unit_test(read_with_cap),
        cmocka_unit_test(write_creates_and_replaces),
        cmocka_unit_test(failed_write_keeps_old_file),
        cmocka_unit_test(mkdirs_nested),
        cmocka_unit_test(xdg_dirs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
