/* transcript.h: a play on disk: versioned XML plus an append-only journal of steps, locked while played, read back and replayed. */
#ifndef SP_TRANSCRIPT_H
#define SP_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>
#include "model.h"
#include "diag.h"
#include "session.h"

#define SP_TRANSCRIPT_VERSION 1
#define SP_TRANSCRIPT_MAX_BYTES (4u * 1024u * 1024u)
#define SP_TRANSCRIPT_MAX_STEPS 10000

/* One step as stored: ids, not indices, so a changed scenario is detected. */
typedef struct sp_tstep {
    sp_step_kind kind;
    int turn;
    char *node;      /* decision node id */
    char *option;    /* CHOOSE: option id */
    char *flag;      /* FLAG: red flag id */
    int64_t at;
    /* Group play (projector): votes per offered option, in view order;
     * n_votes 0 when none. override: 1 when the facilitator overrode the
     * majority. */
    int *votes; int n_votes;
    int override;
} sp_tstep;

typedef struct sp_tnote {
    int step;        /* index into steps, -1 for the whole play */
    char *text;
} sp_tnote;

typedef struct sp_tvar { char *name; int value; } sp_tvar;

typedef struct sp_transcript {
    int version;             /* of the file format */
    char *scenario_id;
    char *scenario_version;
    uint64_t scenario_hash;
    char *scenario_path;     /* absolute path of the case file when it was
                              * played from a file, not a built-in case id */
    char *lang;              /* "nl" / "en" */
    char *mode;              /* "solo", "group", "replay-branch" */
    int64_t started, updated;
    char *parent;            /* path of the transcript this one branched from, or NULL */
    int branch_step;         /* steps taken over from the parent, -1 when none */
    char *trajectory;        /* trajectory id when part of one, or NULL */
    sp_tvar *start_vars; int n_start_vars; /* overrides at the start */
    sp_tstep *steps; int n_steps;           /* the raw log, undos included */
    sp_tnote *notes; int n_notes;
    char *ending;            /* ending node id when finished, else NULL */
    char *path;              /* the file it was read from (for messages), or NULL */
    /* The file on disk (transcript_file.c, private): its identity when
     * read, and while saving its lock and journal. NULL when none. */
    struct sp_tfile *file;
} sp_transcript;

sp_transcript *sp_transcript_new(void);
void sp_transcript_free(sp_transcript *t);

/* Copies scenario identity, start vars and the whole raw log of s into t
 * (keeping t's notes, parent and mode). */
sp_status sp_transcript_sync(sp_transcript *t, const sp_session *s);

/* Saves t to path. The first save (and any save that changes more than
 * appending steps: notes, votes, the ending, the language) writes the whole
 * XML atomically (temp file, fsync, rename); later saves that only add steps
 * append one checksummed record per step after </transcript> and fsync:
 * O(1) per step. The file is locked (path + ".lock", flock) from the first
 * save until sp_transcript_close: another process saving into it is refused
 * with "path: is being played by samenspel process PID ...". A t read from
 * path is refused when the file changed on disk since (never merged). A
 * symbolic link at path is written through. Refused with SP_EINVAL, before
 * anything is written, when the file would hold more than
 * SP_TRANSCRIPT_MAX_STEPS steps or SP_TRANSCRIPT_MAX_BYTES bytes: the
 * program never writes what it refuses to read. */
sp_status sp_transcript_write(sp_transcript *t, const char *path, sp_diag *d);
/* Compacts the journal into the plain XML (when there is one) and releases
 * the lock. sp_transcript_free does this too, without a message. */
sp_status sp_transcript_close(sp_transcript *t, sp_diag *d);

/* Saves t as a new transcript in dir (created when missing), named
 * CASE-YYYYMMDD-HHMMSS.xml in local time of when, with -2, -3... when the
 * name is taken; the name in buf. The whole XML goes to a temp file first
 * and is then link()ed to the first free name, so two processes never get
 * the same name and a crash never leaves an empty or partial transcript.
 * Later saves: sp_transcript_write(t, buf, d). The one naming of every host. */
sp_status sp_transcript_create(sp_transcript *t, const char *dir, const char *case_id, int64_t when,
                               char *buf, size_t len, sp_diag *d);

/* Locks path (as sp_transcript_write does), then reads it: what --resume
 * uses, so a second process playing the same file is refused up front. */
sp_status sp_transcript_read_locked(const char *path, sp_transcript **out, sp_diag *d);

/* Serialise into a malloc'd string. */
char *sp_transcript_to_xml(const sp_transcript *t, size_t *len);

/* Reads a transcript file (treated as untrusted XML, size-capped; a regular
 * file only). Journal records are read back too; a torn or damaged last
 * record is left out with a notice in d (never the whole file). Older
 * format versions are upgraded in memory. */
sp_status sp_transcript_read(const char *path, sp_transcript **out, sp_diag *d);
sp_status sp_transcript_read_mem(const char *path, const char *data, size_t len,
                                 sp_transcript **out, sp_diag *d);

/* Replays t against sc into a new session. When the scenario's hash differs,
 * a warning "scenario changed since this play" is added to d; when a step no
 * longer fits, SP_EINVAL with "path: step N: ..." (N counts from 1) naming
 * the first mismatch, and *out holds the session up to just before it. A
 * transcript of another scenario id: SP_EINVAL and *out NULL. upto: replay
 * only the first upto steps (-1 for all). Step times come from t, so the
 * session's log equals t's steps; afterwards the session's clock is time(NULL). */
sp_status sp_transcript_replay(const sp_transcript *t, const sp_scenario *sc,
                               int upto, sp_session **out, sp_diag *d);

sp_status sp_transcript_add_note(sp_transcript *t, int step, const char *text);

#endif
