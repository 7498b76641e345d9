/* fuzz_common.h: what both fuzz harnesses share: finding the data directory and loading the real handbook once. */
#ifndef SP_FUZZ_COMMON_H
#define SP_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/handbook.h"

/* $SAMENSPEL_DATA/scenarios, or ./scenarios (run.sh runs from the repo root). */
static const char *fuzz_scenario_dir(void)
{
    static char dir[4096];
    if (!dir[0]) {
        const char *root = getenv("SAMENSPEL_DATA");
        snprintf(dir, sizeof dir, "%s/scenarios", root && *root ? root : ".");
    }
    return dir;
}

/* The real handbook: a scenario can only be valid against it. Loaded once;
 * the fuzzer process never frees it. */
static const sp_handbook *fuzz_handbook(void)
{
    static sp_handbook *hb;
    if (!hb) {
        char path[4200];
        snprintf(path, sizeof path, "%s/handbook.xml", fuzz_scenario_dir());
        sp_diag *d = sp_diag_new();
        if (sp_handbook_load(path, fuzz_scenario_dir(), &hb, d) != SP_OK) {
            for (int i = 0; i < sp_diag_count(d); i++)
                fprintf(stderr, "%s\n", sp_diag_message(d, i));
            fprintf(stderr, "fuzz: cannot load the handbook; set SAMENSPEL_DATA to the repo root\n");
            abort();
        }
        sp_diag_free(d);
    }
    return hb;
}

/* A failed load must say why: at least one message, and no partial result. */
#define FUZZ_CHECK(x) \
    do { if (!(x)) { fprintf(stderr, "fuzz invariant failed: %s\n", #x); abort(); } } while (0)

#endif
