/* transcript.c: a play on disk, in memory: its life cycle, notes, and filling it from a session. */
#include "transcript_internal.h"
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* The file itself: transcript_write.c and transcript_read.c; replaying it
 * into a session: transcript_replay.c. */

/* ---- life cycle ----------------------------------------------------------- */

sp_transcript *sp_transcript_new(void)
{
    sp_transcript *t = sp_calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->version = SP_TRANSCRIPT_VERSION;
    t->branch_step = -1;
    return t;
}

static void free_steps_in(sp_tstep *steps, int n)
{
    for (int i = 0; i < n; i++) {
        sp_free(steps[i].node);
        sp_free(steps[i].option);
        sp_free(steps[i].flag);
        sp_free(steps[i].votes);
    }
}

static void free_steps(sp_tstep *steps, int n)
{
    free_steps_in(steps, n);
    sp_free(steps);
}

void sp_transcript_free(sp_transcript *t)
{
    if (!t)
        return;
    sp_transcript_close(t, NULL);
    sp_free(t->file);
    sp_free(t->scenario_id);
    sp_free(t->scenario_version);
    sp_free(t->scenario_path);
    sp_free(t->lang);
    sp_free(t->mode);
    sp_free(t->parent);
    sp_free(t->trajectory);
    for (int i = 0; i < t->n_start_vars; i++)
        sp_free(t->start_vars[i].name);
    sp_free(t->start_vars);
    free_steps(t->steps, t->n_steps);
    for (int i = 0; i < t->n_notes; i++)
        sp_free(t->notes[i].text);
    sp_free(t->notes);
    sp_free(t->ending);
    sp_free(t->path);
    sp_free(t);
}

int sp_transcript_set_str(char **dst, const char *src)
{
    char *c = NULL;
    if (src && !(c = sp_strdup(src)))
        return 0;
    sp_free(*dst);
    *dst = c;
    return 1;
}

sp_status sp_transcript_add_note(sp_transcript *t, int step, const char *text)
{
    if (!t || !text || step < -1 || step >= t->n_steps)
        return SP_EUSAGE;
    sp_tnote *n = sp_realloc(t->notes, sizeof(sp_tnote) * (size_t)(t->n_notes + 1));
    if (!n)
        return SP_ENOMEM;
    t->notes = n;
    char *c = sp_strdup(text);
    if (!c)
        return SP_ENOMEM;
    t->notes[t->n_notes].step = step;
    t->notes[t->n_notes].text = c;
    t->n_notes++;
    return SP_OK;
}

/* ---- from a session ------------------------------------------------------ */

static int same_step(const sp_tstep *a, const sp_tstep *b)
{
    return a->kind == b->kind && a->turn == b->turn && a->at == b->at &&
           strcmp(a->node ? a->node : "", b->node ? b->node : "") == 0 &&
           strcmp(a->option ? a->option : "", b->option ? b->option : "") == 0 &&
           strcmp(a->flag ? a->flag : "", b->flag ? b->flag : "") == 0;
}

/* Fills ts from the session's log entry st; 0 when out of memory. */
static int step_from_log(sp_tstep *ts, const sp_step *st, const sp_scenario *sc)
{
    const sp_node *nd = &sc->nodes[st->node];
    ts->kind = st->kind;
    ts->turn = st->turn;
    ts->at = st->at;
    int ok = sp_transcript_set_str(&ts->node, nd->id);
    if (ok && st->kind == SP_STEP_CHOOSE)
        ok = sp_transcript_set_str(&ts->option, nd->options[st->option].id);
    if (ok && st->kind == SP_STEP_FLAG)
        ok = sp_transcript_set_str(&ts->flag, sc->handbook->redflags[st->flag].id);
    return ok;
}

/* The log only grows: when t's last step is still the session's step at
 * that place, only the new steps are added (O(1) per step while playing).
 * Returns -1 when the whole log has to be copied, else the status. */
static int sync_append(sp_transcript *t, const sp_session *s, int n)
{
    const sp_scenario *sc = sp_session_scenario(s);
    int have = t->n_steps;
    if (have == 0 || have > n)
        return -1;
    sp_tstep probe = { 0 };
    int ok = step_from_log(&probe, sp_session_log(s, have - 1), sc);
    int same = ok && same_step(&t->steps[have - 1], &probe);
    free_steps_in(&probe, 1);
    if (!ok)
        return SP_ENOMEM;
    if (!same)
        return -1;
    if (n == have)
        return SP_OK;
    sp_tstep *steps = sp_realloc(t->steps, sizeof *steps * (size_t)n);
    if (!steps)
        return SP_ENOMEM;
    t->steps = steps;
    memset(steps + have, 0, sizeof *steps * (size_t)(n - have));
    for (int i = have; i < n; i++) {
        if (!step_from_log(&steps[i], sp_session_log(s, i), sc)) {
            free_steps_in(steps + have, i + 1 - have);
            return SP_ENOMEM;
        }
    }
    t->n_steps = n;
    return SP_OK;
}

sp_status sp_transcript_sync(sp_transcript *t, const sp_session *s)
{
    const sp_scenario *sc = sp_session_scenario(s);
    int n = sp_session_log_count(s);
    int fast = sync_append(t, s, n);
    if (fast == SP_ENOMEM)
        return SP_ENOMEM;
    sp_tstep *steps = fast == SP_OK ? t->steps : sp_calloc((size_t)(n ? n : 1), sizeof *steps);
    sp_tvar *vars = sp_calloc((size_t)(sc->n_vars ? sc->n_vars : 1), sizeof *vars);
    int nv = 0, ok = steps && vars;
    for (int i = 0; fast != SP_OK && ok && i < n; i++) {
        sp_tstep *ts = &steps[i];
        ok = step_from_log(ts, sp_session_log(s, i), sc);
        /* Votes belong to the host, which adds them after syncing: keep
         * them on steps that are still the same step. */
        if (ok && i < t->n_steps && same_step(&t->steps[i], ts) && t->steps[i].n_votes > 0) {
            ts->votes = sp_malloc(sizeof(int) * (size_t)t->steps[i].n_votes);
            ok = ts->votes != NULL;
            if (ok) {
                memcpy(ts->votes, t->steps[i].votes, sizeof(int) * (size_t)t->steps[i].n_votes);
                ts->n_votes = t->steps[i].n_votes;
            }
        }
        if (ok && i < t->n_steps && same_step(&t->steps[i], ts))
            ts->override = t->steps[i].override;
    }
    const int *start = sp_session_start_vars(s);
    for (int i = 0; ok && i < sc->n_vars; i++) {
        if (start[i] == sc->vars[i].init)
            continue;
        ok = sp_transcript_set_str(&vars[nv].name, sc->vars[i].name);
        vars[nv++].value = start[i];
    }
    int finished = sp_session_finished(s);
    int last = sp_session_path(s, sp_session_path_count(s) - 1);
    ok = ok && sp_transcript_set_str(&t->scenario_id, sc->id) &&
         sp_transcript_set_str(&t->scenario_version, sc->version) &&
         sp_transcript_set_str(&t->lang, sp_lang_code(sp_session_lang(s))) &&
         (t->mode || sp_transcript_set_str(&t->mode, "solo")) &&
         sp_transcript_set_str(&t->ending, finished ? sc->nodes[last].id : NULL);
    if (!ok) {
        if (fast != SP_OK && steps)
            free_steps(steps, n);
        for (int i = 0; vars && i < nv; i++)
            sp_free(vars[i].name);
        sp_free(vars);
        return SP_ENOMEM;
    }
    t->version = SP_TRANSCRIPT_VERSION;
    t->scenario_hash = sc->hash;
    if (fast != SP_OK) {
        free_steps(t->steps, t->n_steps);
        t->steps = steps;
        t->n_steps = n;
    }
    for (int i = 0; i < t->n_start_vars; i++)
        sp_free(t->start_vars[i].name);
    sp_free(t->start_vars);
    t->start_vars = vars;
    t->n_start_vars = nv;
    if (t->started == 0)
        t->started = sp_session_started_at(s);
    t->updated = n > 0 ? sp_session_log(s, n - 1)->at : t->started;
    /* A note on a step that is gone (the log only grows, but the host may
     * sync a different session into t) would point nowhere: re-anchor it to
     * the whole play. */
    for (int i = 0; i < t->n_notes; i++)
        if (t->notes[i].step >= n)
            t->notes[i].step = -1;
    return SP_OK;
}
