/* handbook.h: loading scenarios/handbook.xml, the handbook's thoughts, red flags, interventions and goals. */
#ifndef SP_HANDBOOK_H
#define SP_HANDBOOK_H

#include "model.h"
#include "diag.h"

/* Loads and validates the handbook (schema: handbook.rng next to it, in
 * schema_dir). On failure returns SP_EINVAL/SP_EIO with messages in d and
 * *out NULL. */
sp_status sp_handbook_load(const char *path, const char *schema_dir,
                           sp_handbook **out, sp_diag *d);
void sp_handbook_free(sp_handbook *hb);

#endif
