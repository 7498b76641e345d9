/* transcript_internal.h: core-internal: what transcript{,_write,_read,_replay}.c share; the API is transcript.h. */
#ifndef SP_TRANSCRIPT_INTERNAL_H
#define SP_TRANSCRIPT_INTERNAL_H

/* Not a public header: nothing outside engine/core/transcript*.c includes it. */

#include "transcript.h"

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

/* Replaces *dst with a copy of src (NULL allowed); 0 on out-of-memory
 * (transcript.c). */
int sp_transcript_set_str(char **dst, const char *src);

#endif
