/* transcript_file.c: a transcript on disk while it is played: unique names, the lock, the append-only journal of steps and its compaction. */
#include "transcript_internal.h"
#include "alloc.h"
#include "fs.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * The journal (docs/transcript-format.md): after a whole XML transcript,
 * each step taken since is appended as one line
 *
 *   <!--step CRC <choose turn="4" node=".." option=".." at=".."/> -->
 *
 * where CRC is the CRC-32 of the element text in 8 hex digits. A line is
 * written with one write() and fsynced; on a failed write the file is cut
 * back to its size before, so a record is either whole or (after a crash
 * mid-write) torn at the very end. The file stays well-formed XML (comments
 * may follow the root element). The reader splices the records into <steps>;
 * the first torn or damaged record ends the journal, with a notice.
 */

#define RECORD_HEAD "<!--step "
#define RECORD_TAIL " -->\n"

typedef struct sp_tfile {
    /* The file as read: identity, to refuse writing over a changed file. */
    int seen;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime;
    /* While saving: the lock and the open file. */
    char path[PATH_MAX];        /* where the saves land (a symlink resolved) */
    char lock_path[PATH_MAX + 8];
    char locked_path[PATH_MAX]; /* the transcript the lock is for, "" when none */
    int lock_fd;                /* -1: not locked */
    int fd;                     /* O_APPEND on path after a whole write; -1 none */
    off_t on_disk;              /* bytes of path */
    int n_written;              /* steps in the file */
    int journaled;              /* of which in journal records */
    uint64_t head_hash;         /* everything but the steps, at the last whole write */
    uint64_t last_hash;         /* the element of step n_written - 1 */
} sp_tfile;

static sp_tfile *tfile(sp_transcript *t)
{
    if (!t->file) {
        t->file = sp_calloc(1, sizeof *t->file);
        if (t->file)
            t->file->lock_fd = t->file->fd = -1;
    }
    return t->file;
}

/* ---- names ------------------------------------------------------------------ */

/* The name for try n (1, 2, ...) in buf. */
static int name_for(char *buf, size_t len, const char *dir, const char *case_id, const char *stamp, int n)
{
    int k = n == 1 ? snprintf(buf, len, "%s/%s-%s.xml", dir, case_id, stamp)
                   : snprintf(buf, len, "%s/%s-%s-%d.xml", dir, case_id, stamp, n);
    return k >= 0 && (size_t)k < len;
}

static sp_status write_whole(sp_transcript *t, sp_tfile *f, sp_diag *d);
static sp_status lock_take(sp_tfile *f, const char *path, sp_diag *d);
static int too_big(const sp_transcript *t, size_t bytes, const char *path, sp_diag *d);
static void close_fd(sp_tfile *f);
static uint64_t head_hash(const sp_transcript *t, int *ok);
static uint64_t step_hash(const sp_transcript *t, int i, int *ok);

/* The whole XML of t in a new temp file in dir; its name in tmp. */
static sp_status temp_with(const sp_transcript *t, const char *dir, char *tmp, size_t len, sp_diag *d)
{
    size_t n;
    char *xml = sp_transcript_xml(t, 1, &n);
    if (!xml) {
        sp_diag_add(d, dir, 0, SP_N_("onvoldoende geheugen om het gesprek te bewaren"));
        return SP_ENOMEM;
    }
    if (too_big(t, n, dir, d)) {
        sp_free(xml);
        return SP_EINVAL;
    }
    int fd = -1, err = 0;
    if (snprintf(tmp, len, "%s/.new-transcript.XXXXXX", dir) >= (int)len)
        err = ENAMETOOLONG;
    else if ((fd = mkstemp(tmp)) < 0)
        err = errno;
    for (size_t done = 0; !err && done < n;) {
        ssize_t w = write(fd, xml + done, n - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            err = w < 0 ? errno : ENOSPC;
        else
            done += (size_t)w;
    }
    sp_free(xml);
    if (!err && (fchmod(fd, 0644) != 0 || fsync(fd) != 0))
        err = errno;
    if (fd >= 0 && close(fd) != 0 && !err)
        err = errno;
    if (err) {
        if (fd >= 0)
            unlink(tmp);
        sp_diag_add(d, dir, 0, SP_N_("kan geen nieuw gesprek bewaren: %s"), strerror(err));
        return SP_EIO;
    }
    return SP_OK;
}

sp_status sp_transcript_create(sp_transcript *t, const char *dir, const char *case_id, int64_t when,
                               char *buf, size_t len, sp_diag *d)
{
    sp_tfile *f = tfile(t);
    if (!f) {
        sp_diag_add(d, dir, 0, SP_N_("onvoldoende geheugen om het gesprek te bewaren"));
        return SP_ENOMEM;
    }
    sp_status st = sp_fs_mkdirs(dir, d);
    if (st != SP_OK)
        return st;
    time_t tt = (time_t)when;
    struct tm tm;
    char stamp[32], tmp[PATH_MAX];
    if (!localtime_r(&tt, &tm) || strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm) == 0)
        snprintf(stamp, sizeof stamp, "%lld", (long long)when);
    if (!name_for(buf, len, dir, case_id, stamp, 999) || strlen(buf) >= sizeof f->path) {
        sp_diag_add(d, dir, 0, SP_N_("het pad is te lang"));
        return SP_EIO;
    }
    if ((st = temp_with(t, dir, tmp, sizeof tmp, d)) != SP_OK)
        return st;
    /* link() fails when the name exists: the first free name is taken
     * atomically, already holding the whole transcript. */
    int n = 1, err = 0;
    for (; n < 1000; n++) {
        name_for(buf, len, dir, case_id, stamp, n);
        if (link(tmp, buf) == 0)
            break;
        if (errno != EEXIST) {
            err = errno;
            break;
        }
    }
    unlink(tmp);
    if (err || n == 1000) {
        if (err)
            sp_diag_add(d, buf, 0, SP_N_("kan het bestand voor het gesprek niet maken: %s"), strerror(err));
        else
            sp_diag_add(d, dir, 0, SP_N_("te veel gesprekken met het tijdstempel %s"), stamp);
        buf[0] = '\0';
        return SP_EIO;
    }
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    snprintf(f->path, sizeof f->path, "%s", buf);
    f->seen = 0;
    if ((st = lock_take(f, f->path, d)) != SP_OK)
        return st;
    /* Open for the journal, as after a whole write. */
    int ok = 1;
    struct stat sb;
    close_fd(f);
    f->fd = open(f->path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    if (f->fd >= 0 && fstat(f->fd, &sb) == 0) {
        f->on_disk = sb.st_size;
        f->n_written = t->n_steps;
        f->journaled = 0;
        f->head_hash = head_hash(t, &ok);
        f->last_hash = step_hash(t, t->n_steps - 1, &ok);
    }
    if (!ok || f->fd < 0)
        close_fd(f); /* the next save writes the whole file */
    (void)sp_transcript_file_seen(t, f->path); /* f exists: cannot fail */
    return SP_OK;
}

/* ---- the lock ---------------------------------------------------------------- */

static void lock_release(sp_tfile *f)
{
    if (f->lock_fd < 0)
        return;
    /* Unlinked while still held: a process that opened the old lock file
     * meanwhile sees its inode gone and tries again (lock_take). */
    unlink(f->lock_path);
    close(f->lock_fd);
    f->lock_fd = -1;
    f->lock_path[0] = f->locked_path[0] = '\0';
}

static long lock_holder(int fd)
{
    char b[32];
    ssize_t n = pread(fd, b, sizeof b - 1, 0);
    if (n <= 0)
        return 0;
    b[n] = '\0';
    char *end;
    long pid = strtol(b, &end, 10);
    return pid > 0 && (*end == '\n' || *end == '\0') ? pid : 0;
}

/* Locks path (the resolved transcript) for this process. */
static sp_status lock_take(sp_tfile *f, const char *path, sp_diag *d)
{
    char lp[PATH_MAX + 8];
    /* .NAME.xml.lock beside it: hidden, and not *.xml, so no scan sees it. */
    const char *slash = strrchr(path, '/');
    int dl = slash ? (int)(slash - path + 1) : 0;
    if (snprintf(lp, sizeof lp, "%.*s.%s.lock", dl, path, path + dl) >= (int)sizeof lp) {
        sp_diag_add(d, path, 0, SP_N_("het pad is te lang"));
        return SP_EIO;
    }
    lock_release(f);
    for (int tries = 0; tries < 8; tries++) {
        int fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
        if (fd < 0) {
            sp_diag_add(d, path, 0, SP_N_("kan het vergrendelingsbestand %s niet maken: %s"), lp, strerror(errno));
            return SP_EIO;
        }
        struct stat a, b;
        if (fstat(fd, &a) != 0 || !S_ISREG(a.st_mode)) {
            close(fd);
            sp_diag_add(d, lp, 0, SP_N_("het vergrendelingsbestand is geen gewoon bestand; verwijder het"));
            return SP_EIO;
        }
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int err = errno;
            long pid = lock_holder(fd);
            close(fd);
            if (err != EWOULDBLOCK) {
                sp_diag_add(d, lp, 0, SP_N_("kan het bestand niet vergrendelen: %s"), strerror(err));
                return SP_EIO;
            }
            if (pid)
                sp_diag_add(d, path, 0, SP_N_("wordt al gespeeld door samenspel-proces %ld; maak dat gesprek eerst af of "
                                  "sluit het (twee gesprekken in één bestand zouden stappen kwijtraken)"), pid);
            else
                sp_diag_add(d, path, 0, SP_N_("wordt al gespeeld door een ander samenspel-proces; maak dat gesprek eerst af of "
                                  "sluit het (twee gesprekken in één bestand zouden stappen kwijtraken)"));
            return SP_EIO;
        }
        if (stat(lp, &b) != 0 || a.st_ino != b.st_ino || a.st_dev != b.st_dev) {
            close(fd); /* released and removed meanwhile: take the new one */
            continue;
        }
        char pid[32];
        int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
        if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n) {
            /* The lock holds without the pid; the message then names no process. */
        }
        f->lock_fd = fd;
        snprintf(f->lock_path, sizeof f->lock_path, "%s", lp);
        snprintf(f->locked_path, sizeof f->locked_path, "%s", path);
        return SP_OK;
    }
    sp_diag_add(d, lp, 0, SP_N_("kan het bestand niet vergrendelen: het vergrendelingsbestand blijft veranderen"));
    return SP_EIO;
}

/* ---- identity of what was read -------------------------------------------- */

static int same_file(const sp_tfile *f, const struct stat *st)
{
    return f->dev == st->st_dev && f->ino == st->st_ino && f->size == st->st_size &&
           f->mtime.tv_sec == st->st_mtim.tv_sec && f->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

sp_status sp_transcript_file_seen(sp_transcript *t, const char *path)
{
    struct stat st;
    sp_tfile *f = tfile(t);
    if (!f)
        return SP_ENOMEM;
    if (stat(path, &st) != 0)
        return SP_OK;
    f->seen = 1;
    f->dev = st.st_dev;
    f->ino = st.st_ino;
    f->size = st.st_size;
    f->mtime = st.st_mtim;
    return SP_OK;
}

sp_status sp_transcript_read_locked(const char *path, sp_transcript **out, sp_diag *d)
{
    *out = NULL;
    sp_tfile lock = { 0 };
    lock.lock_fd = lock.fd = -1;
    char real[PATH_MAX];
    sp_status st = sp_fs_write_target(path, real, sizeof real, d);
    if (st == SP_OK)
        st = lock_take(&lock, real, d);
    if (st == SP_OK)
        st = sp_transcript_read(path, out, d);
    if (st == SP_OK && !tfile(*out))
        st = SP_ENOMEM;
    if (st != SP_OK) {
        lock_release(&lock);
        return st;
    }
    sp_tfile *f = (*out)->file;
    f->lock_fd = lock.lock_fd;
    memcpy(f->lock_path, lock.lock_path, sizeof f->lock_path);
    memcpy(f->locked_path, lock.locked_path, sizeof f->locked_path);
    return SP_OK;
}

/* ---- saving ------------------------------------------------------------------ */

static void close_fd(sp_tfile *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
}

static int too_big(const sp_transcript *t, size_t bytes, const char *path, sp_diag *d)
{
    if (t->n_steps > SP_TRANSCRIPT_MAX_STEPS) {
        sp_diag_add(d, path, 0, SP_N_("het gesprek heeft %d stappen, meer dan de %d die een bewaard gesprek mag hebben; "
                          "het wordt niet verder bewaard"), t->n_steps, SP_TRANSCRIPT_MAX_STEPS);
        return 1;
    }
    if (bytes > SP_TRANSCRIPT_MAX_BYTES) {
        sp_diag_add(d, path, 0, SP_N_("het bewaarde gesprek zou groter worden dan %u bytes, meer dan samenspel kan "
                                      "teruglezen; het wordt niet verder bewaard"), SP_TRANSCRIPT_MAX_BYTES);
        return 1;
    }
    return 0;
}

static uint64_t head_hash(const sp_transcript *t, int *ok)
{
    size_t len;
    char *x = sp_transcript_xml(t, 0, &len);
    if (!x) {
        *ok = 0;
        return 0;
    }
    uint64_t h = sp_fs_hash(x, len);
    sp_free(x);
    return h;
}

static uint64_t step_hash(const sp_transcript *t, int i, int *ok)
{
    if (i < 0)
        return 0;
    size_t len;
    char *x = sp_transcript_step_xml(&t->steps[i], &len);
    if (!x) {
        *ok = 0;
        return 0;
    }
    uint64_t h = sp_fs_hash(x, len);
    sp_free(x);
    return h;
}

/* The whole XML, atomically; then the file is open for appending. */
static sp_status write_whole(sp_transcript *t, sp_tfile *f, sp_diag *d)
{
    size_t len;
    int ok = 1;
    char *xml = sp_transcript_xml(t, 1, &len);
    uint64_t hh = head_hash(t, &ok), sh = step_hash(t, t->n_steps - 1, &ok);
    if (!xml || !ok) {
        sp_free(xml);
        sp_diag_add(d, f->path, 0, SP_N_("onvoldoende geheugen om het gesprek te bewaren"));
        return SP_ENOMEM;
    }
    if (too_big(t, len, f->path, d)) {
        sp_free(xml);
        return SP_EINVAL;
    }
    close_fd(f);
    sp_status st = sp_fs_write_atomic(f->path, xml, len, d);
    sp_free(xml);
    if (st != SP_OK)
        return st;
    f->fd = open(f->path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
    struct stat sb;
    if (f->fd < 0 || fstat(f->fd, &sb) != 0) {
        close_fd(f); /* the next save writes the whole file again */
        return SP_OK;
    }
    f->on_disk = sb.st_size;
    f->n_written = t->n_steps;
    f->journaled = 0;
    f->head_hash = hh;
    f->last_hash = sh;
    return SP_OK;
}

typedef enum { APPEND_DONE, APPEND_WHOLE, APPEND_FAILED } append_result;

/* Appends steps n_written.. as journal records, when that is all that
 * changed since the last save. */
static append_result append_steps(sp_transcript *t, sp_tfile *f, sp_status *st, sp_diag *d)
{
    int ok = 1;
    if (f->fd < 0 || t->n_steps < f->n_written || head_hash(t, &ok) != f->head_hash ||
        step_hash(t, f->n_written - 1, &ok) != f->last_hash || !ok)
        return APPEND_WHOLE;
    if (t->n_steps == f->n_written)
        return APPEND_DONE;
    char *rec = NULL;
    size_t len = 0;
    FILE *m = open_memstream(&rec, &len);
    for (int i = f->n_written; m && i < t->n_steps; i++) {
        size_t el_len;
        char *el = sp_transcript_step_xml(&t->steps[i], &el_len);
        /* "--" may not appear in a comment: such a step goes into a whole write. */
        if (!el || strstr(el, "--") || el[el_len - 1] == '-')
            ok = 0;
        else
            fprintf(m, RECORD_HEAD "%08x %s" RECORD_TAIL, (unsigned)sp_fs_crc32(el, el_len), el);
        sp_free(el);
    }
    if (!m || fclose(m) != 0 || !ok) {
        free(rec); /* open_memstream's buffer: libc's own */
        return APPEND_WHOLE;
    }
    if (too_big(t, (size_t)f->on_disk + len, f->path, d)) {
        free(rec); /* open_memstream's buffer: libc's own */
        *st = SP_EINVAL;
        return APPEND_FAILED;
    }
    size_t done = 0;
    int err = 0;
    while (done < len) {
        ssize_t w = write(f->fd, rec + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            err = w < 0 ? errno : ENOSPC;
            break;
        }
        done += (size_t)w;
    }
    free(rec); /* open_memstream's buffer: libc's own */
    if (!err && fdatasync(f->fd) != 0)
        err = errno;
    if (err) {
        /* Cut back what was written of the records: the file ends on a
         * whole record, as before this save. */
        if (ftruncate(f->fd, f->on_disk) != 0)
            close_fd(f);
        sp_diag_add(d, f->path, 0, SP_N_("kan de stap niet bewaren: %s"), strerror(err));
        *st = SP_EIO;
        return APPEND_FAILED;
    }
    f->on_disk += (off_t)len;
    f->journaled += t->n_steps - f->n_written;
    f->n_written = t->n_steps;
    f->last_hash = step_hash(t, t->n_steps - 1, &ok);
    return APPEND_DONE;
}

sp_status sp_transcript_write(sp_transcript *t, const char *path, sp_diag *d)
{
    sp_tfile *f = tfile(t);
    char real[PATH_MAX];
    if (!f) {
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen om het gesprek te bewaren"));
        return SP_ENOMEM;
    }
    sp_status st = sp_fs_write_target(path, real, sizeof real, d);
    if (st != SP_OK)
        return st;
    if (strcmp(real, f->path) != 0) {
        close_fd(f);
        snprintf(f->path, sizeof f->path, "%s", real);
    }
    if (!f->locked_path[0] || strcmp(f->locked_path, real) != 0) {
        if ((st = lock_take(f, real, d)) != SP_OK)
            return st;
        struct stat sb;
        if (f->seen && stat(real, &sb) == 0 && !same_file(f, &sb)) {
            lock_release(f);
            sp_diag_add(d, path, 0, SP_N_("is op de schijf veranderd nadat samenspel het las (een ander samenspel-proces "
                                          "heeft er stappen in bewaard); open het opnieuw om die stappen te zien"));
            return SP_EIO;
        }
    }
    switch (append_steps(t, f, &st, d)) {
    case APPEND_DONE: break;
    case APPEND_FAILED: return st;
    case APPEND_WHOLE:
        if ((st = write_whole(t, f, d)) != SP_OK)
            return st;
        break;
    }
    /* A finished play takes no more steps: the file is whole XML (the
     * ending changed the root, so that save wrote it all) and is let go,
     * for notes from the replay browser. */
    (void)sp_transcript_file_seen(t, f->path); /* as we leave it; f exists: cannot fail */
    if (t->ending && f->journaled == 0) {
        close_fd(f);
        lock_release(f);
    }
    return SP_OK;
}

sp_status sp_transcript_close(sp_transcript *t, sp_diag *d)
{
    sp_tfile *f = t ? t->file : NULL;
    if (!f)
        return SP_OK;
    sp_status st = SP_OK;
    if (f->journaled > 0 && f->lock_fd >= 0)
        st = write_whole(t, f, d);
    close_fd(f);
    lock_release(f);
    f->n_written = f->journaled = 0;
    f->path[0] = '\0';
    return st;
}

/* ---- reading the journal --------------------------------------------------- */

static const char *find(const char *s, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (; s + n <= end; s++)
        if (*s == *what && memcmp(s, what, n) == 0)
            return s;
    return NULL;
}

static const char *find_last(const char *s, const char *end, const char *what)
{
    size_t n = strlen(what);
    for (const char *p = end - n; p >= s; p--)
        if (*p == *what && memcmp(p, what, n) == 0)
            return p;
    return NULL;
}

/* The records of the journal in [p, end): *n_good whole ones; returns
 * where the good part ends; a notice in d for what is left out. */
static const char *scan_records(const char *path, const char *p, const char *end, int *n_good,
                                sp_diag *d)
{
    *n_good = 0;
    while (p < end) {
        if (*p == '\n' || *p == ' ' || *p == '\t' || *p == '\r') {
            p++;
            continue;
        }
        const char *close = find(p, end, " -->");
        size_t hl = strlen(RECORD_HEAD);
        if (!close) {
            sp_diag_add(d, path, 0, SP_N_("let op: de laatste stap is tijdens het bewaren afgebroken (door een crash of "
                                          "een volle schijf) en weggelaten; de %d stappen daarvoor zijn bewaard gebleven"),
                        *n_good);
            return p;
        }
        const char *el = p + hl + 9;
        char hex[9];
        int good = (size_t)(close - p) > hl + 9 && memcmp(p, RECORD_HEAD, hl) == 0 && p[hl + 8] == ' ';
        for (int i = 0; good && i < 8; i++) /* lower-case, as written */
            good = (p[hl + i] >= '0' && p[hl + i] <= '9') || (p[hl + i] >= 'a' && p[hl + i] <= 'f');
        if (good) {
            memcpy(hex, p + hl, 8);
            hex[8] = '\0';
            unsigned long crc = strtoul(hex, NULL, 16);
            good = crc == sp_fs_crc32(el, (size_t)(close - el)) &&
                   memchr(el, '\n', (size_t)(close - el)) == NULL;
        }
        if (!good) {
            sp_diag_add(d, path, 0, SP_N_("let op: een bewaarde stap is beschadigd (de controlesom klopt niet); die stap "
                                          "en alles daarna zijn weggelaten, de %d stappen daarvoor zijn bewaard gebleven"),
                        *n_good);
            return p;
        }
        (*n_good)++;
        p = close + 4;
    }
    return p;
}

sp_status sp_transcript_journal_splice(const char *path, const char *data, size_t len,
                                       char **out, size_t *out_len, int *n_records, sp_diag *d)
{
    *out = NULL;
    *n_records = 0;
    const char *end = data + len;
    const char *root_end = find(data, end, "</transcript>");
    if (!root_end)
        return SP_OK;
    const char *tail = root_end + strlen("</transcript>");
    int n = 0;
    scan_records(path, tail, end, &n, d);
    if (n == 0)
        return SP_OK;
    const char *steps_end = find_last(data, root_end, "</steps>");
    if (!steps_end) {
        sp_diag_add(d, path, 0, SP_N_("bevat bewaarde stappen na </transcript>, maar geen element <steps>"));
        return SP_EINVAL;
    }
    FILE *m = open_memstream(out, out_len);
    if (!m)
        return SP_ENOMEM;
    fwrite(data, 1, (size_t)(steps_end - data), m);
    const char *p = tail;
    for (int i = 0; i < n; i++) {
        p = find(p, end, RECORD_HEAD);
        const char *el = p + strlen(RECORD_HEAD) + 9, *close = find(el, end, " -->");
        fwrite(el, 1, (size_t)(close - el), m);
        fputs("\n  ", m);
        p = close;
    }
    fwrite(steps_end, 1, (size_t)(tail - steps_end), m);
    fputc('\n', m);
    if (fclose(m) != 0) {
        free(*out); /* open_memstream's buffer: libc's own */
        *out = NULL;
        return SP_ENOMEM;
    }
    *n_records = n;
    return SP_OK;
}
