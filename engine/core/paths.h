/* paths.h: where the program finds its data (source tree or installed) and loads the handbook and cases. */
#ifndef SP_PATHS_H
#define SP_PATHS_H

#include "model.h"
#include "diag.h"

/* The directory that holds scenarios/ and assets/: $SAMENSPEL_DATA when set,
 * else the directory of the running binary when it has scenarios/ beside it
 * (source tree), else SP_DATADIR (installed). Never NULL. */
const char *sp_paths_data(void);
/* sp_paths_data() + "/scenarios" */
const char *sp_paths_scenarios(void);

/* The built-in cases, in trajectory order. */
#define SP_CASE_COUNT 3
extern const char *const sp_case_ids[SP_CASE_COUNT]; /* "intake", "uitvoering", "teruggeven" */

/* Loads scenarios/handbook.xml. */
sp_status sp_paths_load_handbook(sp_handbook **out, sp_diag *d);
/* arg is a path to a file, or a case id ("intake"...) resolved in scenarios/. */
sp_status sp_paths_load_scenario(const char *arg, const sp_handbook *hb,
                                 sp_scenario **out, sp_diag *d);

/* 1 when arg names a case file rather than a built-in case id (the rule
 * sp_paths_load_scenario follows). */
int sp_paths_is_case_file(const char *arg);
/* What a transcript records as its scenario-path for a play of arg: the
 * absolute path (malloc'd) when arg names a case file, NULL for a built-in
 * case id (or when the path cannot be resolved). The one rule of every host. */
char *sp_paths_case_file_path(const char *arg);

/* The case a transcript was played on: the file at path (its scenario-path,
 * may be NULL) when it still holds case id with this content hash; else the
 * built-in case of that id; else the file at path even though it changed
 * (the replay then warns). A file at path is loaded with the same checks as
 * any case file; it is data from the transcript, so it must hold case id. */
sp_status sp_paths_load_case_of(const char *id, const char *path, uint64_t hash,
                                const sp_handbook *hb, sp_scenario **out, sp_diag *d);

#endif
