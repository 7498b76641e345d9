/* transcript_internal.h: core-internal: what transcript{,_write,_read,_replay}.c share; the API is transcript.h. */
#ifndef SP_TRANSCRIPT_INTERNAL_H
#define SP_TRANSCRIPT_INTERNAL_H

/* Not a public header: nothing outside engine/core/transcript*.c includes it. */

#include "transcript.h"
#include "translate.h" /* SP_N_: the messages are Dutch msgids */

/*
 * The format is documented in docs/transcript-format.md. In short:
 *
 *   <transcript xmlns="urn:samenspel:transcript:1" version="1" scenario=".."
 *       scenario-version=".." scenario-hash="16 hex digits" lang="nl"
 *       mode="solo" started="2024-05-01T09:30:00Z" updated="..."
 *       [parent=".." branch-step="N"] [trajectory=".."] [ending="node id"]>
 *     <start-vars><var name=".." value="N"/>...</start-vars>      optional
 *     <steps>
 *       <choose turn="1" node=".." option=".." at="..." [votes="3 1 0"] [override="yes"]/>
 *       <flag turn="2" node=".." flag="rf..." at="..."/>
 *       <undo turn="2" node=".." at="..."/>
 *     </steps>
 *     <notes><note [step="N"]>text</note>...</notes>            optional
 *   </transcript>
 *
 * Written by transcript_write.c, read by transcript_read.c.
 */
#define SP_TRANSCRIPT_NS "urn:samenspel:transcript:1"

/* The XML of t (transcript_write.c); with_steps 0 leaves the steps out and
 * writes updated as started: what the journal compares to tell that only
 * steps were added. */
char *sp_transcript_xml(const sp_transcript *t, int with_steps, size_t *len);
/* One step's element ("<choose turn=.../>"), malloc'd; NULL when out of memory. */
char *sp_transcript_step_xml(const sp_tstep *s, size_t *len);

/* The journal of appended steps after </transcript> (transcript_file.c):
 * returns data with the complete, checksummed records spliced into <steps>
 * (malloc'd, in *out, or NULL when there are none); a torn or damaged record
 * and what follows it are left out with a notice in d. */
sp_status sp_transcript_journal_splice(const char *path, const char *data, size_t len,
                                       char **out, size_t *out_len, int *n_records, sp_diag *d);
/* Notes the identity (device, inode, size, time) of the file t was read
 * from; SP_ENOMEM when t's file state cannot be allocated. */
sp_status sp_transcript_file_seen(sp_transcript *t, const char *path);

/* Replaces *dst with a copy of src (NULL allowed); 0 on out-of-memory
 * (transcript.c). */
int sp_transcript_set_str(char **dst, const char *src);

#endif
