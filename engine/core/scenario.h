/* scenario.h: loading and checking a scenario file against the schema and the handbook. */
#ifndef SP_SCENARIO_H
#define SP_SCENARIO_H

#include <stddef.h>
#include "model.h"
#include "diag.h"

/* Limits for untrusted files; documented in docs/scenario-format.md. */
#define SP_MAX_FILE_BYTES   (32u * 1024u * 1024u) /* 32 MiB: SP_MAX_NODES nodes of realistic text */
#define SP_MAX_NODES        20000
#define SP_MAX_TEXT_BYTES   8192                 /* one text element */
#define SP_MAX_DEPTH        64                   /* element nesting */

/*
 * Loads path, validates it against scenario.rng in schema_dir, then checks
 * meaning: duplicate ids, dangling targets, unknown handbook ids, unknown
 * variables in conditions, unreachable nodes, dead ends that are not endings.
 * Every problem is added to d as "path:line: message". On success *out owns
 * everything and borrows hb (hb must outlive it). The file is read in
 * pieces as it loads, never held whole (only a refused one, for its
 * messages); a file written to while it loads is refused.
 */
sp_status sp_scenario_load(const char *path, const char *schema_dir,
                           const sp_handbook *hb, sp_scenario **out, sp_diag *d);
/* Same, from memory (path is used in messages only). */
sp_status sp_scenario_load_mem(const char *path, const char *data, size_t len,
                               const char *schema_dir, const sp_handbook *hb,
                               sp_scenario **out, sp_diag *d);
void sp_scenario_free(sp_scenario *sc);

#endif
