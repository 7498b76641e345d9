/* paths.c: finds the data directory (env, beside the binary, ../share/samenspel from the binary, compiled-in) and loads the handbook and cases from it. */
#include "paths.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "alloc.h"
#include "handbook.h"
#include "scenario.h"
#include "translate.h"

#ifndef SP_DATADIR
#define SP_DATADIR "/usr/local/share/samenspel"
#endif

const char *const sp_case_ids[SP_CASE_COUNT] = { "intake", "uitvoering", "teruggeven" };

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* Looked up on every call, not cached: the environment may change between
 * calls (the tests do that), and the cost is one stat. */
const char *sp_paths_data(void)
{
    static char buf[PATH_MAX];
    const char *env = getenv("SAMENSPEL_DATA");
    if (env && *env) {
        snprintf(buf, sizeof buf, "%s", env);
        return buf;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            char probe[PATH_MAX + 48];
            snprintf(probe, sizeof probe, "%s/scenarios", exe);
            if (is_dir(probe)) {
                snprintf(buf, sizeof buf, "%s", exe);
                return buf;
            }
            /* An installed tree, wherever it was moved: PREFIX/bin/samenspel
             * finds PREFIX/share/samenspel. */
            int np = snprintf(probe, sizeof probe, "%s/../share/samenspel/scenarios", exe);
            if (np > 0 && (size_t)np < sizeof probe && is_dir(probe)) {
                int nb = snprintf(buf, sizeof buf, "%s/../share/samenspel", exe);
                if (nb > 0 && (size_t)nb < sizeof buf)
                    return buf;
            }
        }
    }
    return SP_DATADIR;
}

const char *sp_paths_scenarios(void)
{
    static char buf[PATH_MAX + 16];
    snprintf(buf, sizeof buf, "%s/scenarios", sp_paths_data());
    return buf;
}

sp_status sp_paths_load_handbook(sp_handbook **out, sp_diag *d)
{
    char path[PATH_MAX + 32];
    const char *dir = sp_paths_scenarios();
    snprintf(path, sizeof path, "%s/handbook.xml", dir);
    return sp_handbook_load(path, dir, out, d);
}

/* A case id has the shape of a scenario id and names no file of its own. */
static int looks_like_id(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
            return 0;
    return 1;
}

int sp_paths_is_case_file(const char *arg)
{
    return is_file(arg) || !looks_like_id(arg);
}

char *sp_paths_case_file_path(const char *arg)
{
    char real[PATH_MAX];
    return sp_paths_is_case_file(arg) && realpath(arg, real) ? sp_strdup(real) : NULL;
}

sp_status sp_paths_load_case_of(const char *id, const char *path, uint64_t hash,
                                const sp_handbook *hb, sp_scenario **out, sp_diag *d)
{
    *out = NULL;
    sp_scenario *file = NULL;
    if (path && is_file(path) && sp_scenario_load(path, sp_paths_scenarios(), hb, &file, NULL) == SP_OK &&
        strcmp(file->id, id) != 0) {
        sp_scenario_free(file);
        file = NULL;
    }
    if (file && file->hash == hash) {
        *out = file;
        return SP_OK;
    }
    if (!looks_like_id(id)) {
        if ((*out = file))
            return SP_OK;
        sp_diag_add(d, id, 0, SP_N_("is geen casus-id"));
        return SP_EINVAL;
    }
    sp_scenario *builtin = NULL;
    sp_status st = sp_paths_load_scenario(id, hb, &builtin, file ? NULL : d);
    if (file && !(builtin && builtin->hash == hash)) {
        sp_scenario_free(builtin);
        *out = file;
        return SP_OK;
    }
    sp_scenario_free(file);
    if (st != SP_OK && path)
        sp_diag_add(d, path, 0, SP_N_("het casusbestand waarmee dit gesprek is gespeeld, bestaat niet meer of bevat "
                                      "casus '%s' niet meer; geef het pad van het casusbestand met --case BESTAND"), id);
    *out = builtin;
    return st;
}

sp_status sp_paths_load_scenario(const char *arg, const sp_handbook *hb,
                                 sp_scenario **out, sp_diag *d)
{
    *out = NULL;
    const char *dir = sp_paths_scenarios();
    if (is_file(arg) || !looks_like_id(arg))
        return sp_scenario_load(arg, dir, hb, out, d);
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/%s.xml", dir, arg);
    if (!is_file(path)) {
        sp_diag_add(d, arg, 0, SP_N_("dit bestand bestaat niet, en in %s is geen casus met die naam (casussen: %s, %s, %s)"),
                    dir, sp_case_ids[0], sp_case_ids[1], sp_case_ids[2]);
        return SP_EUSAGE;
    }
    return sp_scenario_load(path, dir, hb, out, d);
}
