/* transcript_replay.c: replays a transcript against its scenario into a new session, naming the first step that no longer fits. */
#include "transcript_internal.h"

#include <stdint.h>
#include <string.h>

/* ---- replay -------------------------------------------------------------- */

/* During a replay the session's clock reads the time stored with each step,
 * so the rebuilt log equals the one on disk. */
typedef struct { int64_t now; } replay_clock;

static int64_t replay_now(void *ctx)
{
    return ((replay_clock *)ctx)->now;
}

static int option_by_id(const sp_node *n, const char *id)
{
    for (int i = 0; i < n->n_options; i++)
        if (strcmp(n->options[i].id, id) == 0)
            return i;
    return -1;
}

/* Applies step i (0-based; messages count from 1); SP_EINVAL with a message
 * when it no longer fits the scenario. */
static sp_status replay_step(sp_session *s, const sp_tstep *st, int i, const char *path, sp_diag *d)
{
    const sp_scenario *sc = sp_session_scenario(s);
    const sp_view *v = sp_session_view(s);
    const char *here = sc->nodes[v->node].id;
    int no = i + 1;
    if (sp_session_finished(s) && st->kind != SP_STEP_UNDO) {
        sp_diag_add(d, path, 0, SP_N_("stap %d: het gesprek was al afgelopen bij knoop '%s'"), no, here);
        return SP_EINVAL;
    }
    if (strcmp(st->node, here) != 0) {
        sp_diag_add(d, path, 0, SP_N_("stap %d: het gesprek staat bij knoop '%s', niet bij '%s' zoals bewaard"),
                    no, here, st->node);
        return SP_EINVAL;
    }
    if (st->kind == SP_STEP_CHOOSE) {
        int o = option_by_id(&sc->nodes[v->node], st->option);
        if (o < 0) {
            sp_diag_add(d, path, 0, SP_N_("stap %d: knoop '%s' heeft geen optie '%s'"), no, here, st->option);
            return SP_EINVAL;
        }
        sp_status rc = sp_session_choose(s, o);
        if (rc == SP_EUSAGE)
            sp_diag_add(d, path, 0, SP_N_("stap %d: optie '%s' wordt bij knoop '%s' niet aangeboden"),
                        no, st->option, here);
        else if (rc != SP_OK)
            sp_diag_add(d, path, 0, SP_N_("stap %d: %s"), no, sp_diag_tr(d, sp_status_words(rc)));
        return rc == SP_EUSAGE ? SP_EINVAL : rc;
    }
    if (st->kind == SP_STEP_FLAG) {
        int f = sp_handbook_redflag(sc->handbook, st->flag);
        if (f < 0) {
            sp_diag_add(d, path, 0, SP_N_("stap %d: het handboek heeft geen rode vlag '%s'"), no, st->flag);
            return SP_EINVAL;
        }
        sp_status rc = sp_session_flag(s, f, NULL);
        if (rc == SP_EUSAGE)
            sp_diag_add(d, path, 0, SP_N_("stap %d: rode vlag '%s' was al gemarkeerd in beurt %d"),
                        no, st->flag, sp_session_turn(s));
        else if (rc != SP_OK)
            sp_diag_add(d, path, 0, SP_N_("stap %d: %s"), no, sp_diag_tr(d, sp_status_words(rc)));
        return rc == SP_EUSAGE ? SP_EINVAL : rc;
    }
    sp_status rc = sp_session_undo(s);
    if (rc == SP_EUSAGE)
        sp_diag_add(d, path, 0, SP_N_("stap %d: neemt een stap terug, maar er is niets om terug te nemen"), no);
    else if (rc != SP_OK)
        sp_diag_add(d, path, 0, SP_N_("stap %d: %s"), no, sp_diag_tr(d, sp_status_words(rc)));
    return rc == SP_EUSAGE ? SP_EINVAL : rc;
}

sp_status sp_transcript_replay(const sp_transcript *t, const sp_scenario *sc,
                               int upto, sp_session **out, sp_diag *d)
{
    *out = NULL;
    const char *path = t->path ? t->path : "transcript";
    if (!t->scenario_id || strcmp(t->scenario_id, sc->id) != 0) {
        sp_diag_add(d, path, 0, SP_N_("dit is een gesprek over casus '%s', niet over '%s'"),
                    t->scenario_id ? t->scenario_id : "", sc->id);
        return SP_EINVAL;
    }
    sp_session *s = sp_session_new(sc, sp_lang_from_code(t->lang));
    if (!s) {
        sp_diag_add(d, path, 0, SP_N_("onvoldoende geheugen"));
        return SP_ENOMEM;
    }
    replay_clock clk = { t->started };
    sp_session_set_clock(s, replay_now, &clk);
    *out = s;
    if (t->scenario_hash != sc->hash)
        sp_diag_warn(d, path, 0, SP_N_("casus '%s' is veranderd sinds dit gesprek is gespeeld (toen versie %s, "
                                       "nu %s)"), sc->id,
                    t->scenario_version ? t->scenario_version : "?", sc->version ? sc->version : "?");
    sp_status rc = SP_OK;
    for (int i = 0; i < t->n_start_vars; i++) {
        sp_status vr = sp_session_set_var(s, t->start_vars[i].name, t->start_vars[i].value);
        if (vr != SP_OK) {
            sp_diag_add(d, path, 0, SP_N_("startvariabele '%s' komt niet voor in casus '%s'"),
                        t->start_vars[i].name, sc->id);
            rc = SP_EINVAL;
            break;
        }
    }
    int n = upto < 0 || upto > t->n_steps ? t->n_steps : upto;
    for (int i = 0; rc == SP_OK && i < n; i++) {
        clk.now = t->steps[i].at;
        rc = replay_step(s, &t->steps[i], i, path, d);
    }
    sp_session_set_clock(s, NULL, NULL);
    return rc;
}
