/* app_play.c: the window's play bookkeeping: the cases and earlier results, starting, restarting and resuming a play, the trajectory's carry-over, the transcript after every step. */
#include "app_play.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "i18n.h"

static char *dupstr(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    char *p = malloc(n);
    if (p)
        memcpy(p, s, n);
    return p;
}

static int64_t now(const sp_ui_app *a)
{
    return a->clock ? a->clock(a->clock_ctx) : (int64_t)time(NULL);
}

void sp_ui_play_end(sp_ui_app *a)
{
    sp_session_free(a->s);
    a->s = NULL;
    sp_transcript_free(a->t);
    a->t = NULL;
    a->t_path[0] = '\0';
    sp_debrief_free(a->debrief);
    a->debrief = NULL;
}

void sp_ui_play_free_cases(sp_ui_app *a)
{
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        sp_scenario_free(a->cases[i].sc);
        free(a->cases[i].error);
        free(a->cases[i].resume);
    }
    memset(a->cases, 0, sizeof a->cases);
}

/* ---- loading and earlier results --------------------------------------------------- */

sp_status sp_ui_app_load(sp_ui_app *a, sp_diag *d)
{
    if (!a->hb) {
        sp_status st = sp_paths_load_handbook(&a->hb, d);
        if (st != SP_OK)
            return st;
    }
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        if (a->cases[i].sc || a->cases[i].error)
            continue;
        sp_diag *cd = sp_diag_new();
        if (sp_paths_load_scenario(sp_case_ids[i], a->hb, &a->cases[i].sc, cd) != SP_OK) {
            a->cases[i].sc = NULL;
            a->cases[i].error = dupstr(sp_diag_count(cd) ? sp_diag_message(cd, 0) : sp_case_ids[i]);
        }
        sp_diag_free(cd);
    }
    sp_ui_app_scan(a);
    return SP_OK;
}

/* What a file is when it is not a regular one (a msgid: shown with _()). */
static const char *kind_text(const struct stat *st, int dangling)
{
    if (dangling)
        return N_("een verwijzing naar niets");
    if (S_ISDIR(st->st_mode))
        return N_("een map");
    if (S_ISFIFO(st->st_mode))
        return N_("een FIFO");
    if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode))
        return N_("een apparaat");
    return N_("een socket");
}

void sp_ui_app_scan_skipped(sp_ui_app *a)
{
    a->n_skipped = 0;
    a->skipped_name[0] = a->skipped_kind[0] = '\0';
    DIR *dir = a->transcripts_dir[0] ? opendir(a->transcripts_dir) : NULL;
    if (!dir)
        return;
    struct dirent *de;
    while ((de = readdir(dir))) {
        size_t n = strlen(de->d_name);
        char path[8192];
        struct stat st;
        if (n < 5 || strcmp(de->d_name + n - 4, ".xml") != 0 ||
            sp_ui_app_path_fmt(path, sizeof path, "%s/%s", a->transcripts_dir, de->d_name) != 0)
            continue;
        int dangling = stat(path, &st) != 0;
        if (!dangling && S_ISREG(st.st_mode))
            continue;
        if (a->n_skipped++ == 0) {
            snprintf(a->skipped_name, sizeof a->skipped_name, "%s", de->d_name);
            snprintf(a->skipped_kind, sizeof a->skipped_kind, "%s", kind_text(&st, dangling));
        }
    }
    closedir(dir);
}

typedef struct traj_sum {
    char *id;
    int total[SP_CASE_COUNT], max[SP_CASE_COUNT], have[SP_CASE_COUNT];
} traj_sum;

void sp_ui_app_scan(sp_ui_app *a)
{
    int64_t newest[SP_CASE_COUNT];
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        a->cases[i].has_best = 0;
        free(a->cases[i].resume);
        a->cases[i].resume = NULL;
        newest[i] = -1;
    }
    a->has_traj_best = 0;
    sp_ui_app_scan_skipped(a);
    DIR *dir = a->transcripts_dir[0] ? opendir(a->transcripts_dir) : NULL;
    if (!dir)
        return;
    traj_sum *trajs = NULL;
    int n_trajs = 0;
    struct dirent *de;
    while ((de = readdir(dir))) {
        size_t n = strlen(de->d_name);
        if (n < 5 || strcmp(de->d_name + n - 4, ".xml") != 0)
            continue;
        char path[8192];
        if (sp_ui_app_path_fmt(path, sizeof path, "%s/%s", a->transcripts_dir, de->d_name) != 0)
            continue;
        sp_transcript *t = NULL;
        if (sp_transcript_read(path, &t, NULL) != SP_OK || !t) {
            sp_transcript_free(t);
            continue;
        }
        int ci = -1;
        for (int i = 0; i < SP_CASE_COUNT; i++)
            if (t->scenario_id && strcmp(t->scenario_id, sp_case_ids[i]) == 0 && a->cases[i].sc)
                ci = i;
        sp_session *s = NULL;
        sp_status st = ci >= 0 && t->n_steps > 0
                           ? sp_transcript_replay(t, a->cases[ci].sc, -1, &s, NULL) : SP_EINVAL;
        if (st == SP_OK && s) {
            sp_ui_case *c = &a->cases[ci];
            if (sp_session_finished(s)) {
                sp_debrief *db = sp_debrief_build(s);
                if (db && (!c->has_best || db->total > c->best)) {
                    c->has_best = 1;
                    c->best = db->total;
                    c->best_max = db->total_max;
                }
                if (db && t->trajectory) {
                    int k = 0;
                    while (k < n_trajs && strcmp(trajs[k].id, t->trajectory) != 0)
                        k++;
                    if (k == n_trajs) {
                        traj_sum *nt = realloc(trajs, (size_t)(n_trajs + 1) * sizeof *nt);
                        if (nt) {
                            trajs = nt;
                            memset(&trajs[n_trajs], 0, sizeof *trajs);
                            trajs[n_trajs].id = dupstr(t->trajectory);
                            n_trajs++;
                        }
                    }
                    if (k < n_trajs) {
                        trajs[k].total[ci] = db->total;
                        trajs[k].max[ci] = db->total_max;
                        trajs[k].have[ci] = 1;
                    }
                }
                sp_debrief_free(db);
            }
            /* The newest unfinished play of a case is the one to go on
             * with: starting anew (or finishing another play) does not
             * make it disappear from the menu. */
            if (!sp_session_finished(s) && t->updated > newest[ci]) {
                newest[ci] = t->updated;
                free(c->resume);
                c->resume = dupstr(path);
                c->resume_turn = sp_session_turn(s);
            }
        }
        sp_session_free(s);
        sp_transcript_free(t);
    }
    closedir(dir);
    for (int k = 0; k < n_trajs; k++) {
        if (trajs[k].have[0] && trajs[k].have[1] && trajs[k].have[2]) {
            int sum = trajs[k].total[0] + trajs[k].total[1] + trajs[k].total[2];
            if (!a->has_traj_best || sum > a->traj_best) {
                a->has_traj_best = 1;
                a->traj_best = sum;
                a->traj_max = trajs[k].max[0] + trajs[k].max[1] + trajs[k].max[2];
            }
        }
        free(trajs[k].id);
    }
    free(trajs);
}

/* ---- the play ------------------------------------------------------------------------ */

/* A new session of sc; in a trajectory, carry="yes" variables take the
 * previous case's end values (prev_sc, prev_vars). */
static int new_session(sp_ui_app *a, const sp_scenario *sc, const sp_scenario *prev_sc,
                       const int *prev_vars, const int *start_vars)
{
    sp_session *s = sp_session_new(sc, a->settings.lang);
    if (!s) {
        sp_ui_app_notice(a, "%s", _("Te weinig geheugen om de casus te starten."));
        return -1;
    }
    if (a->clock)
        sp_session_set_clock(s, a->clock, a->clock_ctx);
    for (int i = 0; i < sc->n_vars; i++) {
        if (start_vars && start_vars[i] != sc->vars[i].init)
            sp_session_set_var(s, sc->vars[i].name, start_vars[i]);
        if (!prev_sc || !sc->vars[i].carry)
            continue;
        int j = sp_scenario_var(prev_sc, sc->vars[i].name);
        if (j >= 0)
            sp_session_set_var(s, sc->vars[i].name, prev_vars[j]);
    }
    sp_ui_play_end(a);
    a->s = s;
    a->sc = sc;
    return 0;
}

static const sp_scenario *case_sc(sp_ui_app *a, int ci)
{
    return ci >= 0 && ci < SP_CASE_COUNT ? a->cases[ci].sc : a->own;
}

static void start_case(sp_ui_app *a, int ci)
{
    const sp_scenario *sc = case_sc(a, ci);
    if (!sc)
        return;
    if (new_session(a, sc, NULL, NULL, NULL) != 0)
        return;
    a->case_index = ci;
    a->screen = SP_UI_SCREEN_BRIEFING;
    sp_ui_app_reset_view(a);
}

void sp_ui_play_start(sp_ui_app *a, int ci)
{
    if (ci == SP_CASE_COUNT) {
        time_t tt = (time_t)now(a);
        struct tm tm;
        localtime_r(&tt, &tm);
        strftime(a->traj_id, sizeof a->traj_id, "traject-%Y%m%d-%H%M%S", &tm);
        start_case(a, 0);
        a->traj = a->s != NULL;
    } else {
        a->traj = 0;
        start_case(a, ci);
    }
}

void sp_ui_play_next_case(sp_ui_app *a)
{
    int ci = a->case_index + 1;
    if (!a->traj || ci >= SP_CASE_COUNT || !a->cases[ci].sc || !a->s || sp_session_ends_trajectory(a->s))
        return;
    /* The previous session is alive until new_session() swaps it out. */
    const sp_scenario *prev = a->sc;
    int n = prev->n_vars;
    int *vars = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!vars)
        return;
    memcpy(vars, sp_session_vars(a->s), sizeof(int) * (size_t)n);
    int ok = new_session(a, a->cases[ci].sc, prev, vars, NULL) == 0;
    free(vars);
    if (!ok)
        return;
    a->case_index = ci;
    a->screen = SP_UI_SCREEN_BRIEFING;
    sp_ui_app_reset_view(a);
}

void sp_ui_play_restart(sp_ui_app *a)
{
    if (!a->s)
        return;
    const sp_scenario *sc = a->sc;
    int n = sc->n_vars;
    int *vars = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!vars)
        return;
    memcpy(vars, sp_session_start_vars(a->s), sizeof(int) * (size_t)n);
    int ci = a->case_index;
    if (new_session(a, sc, NULL, NULL, vars) == 0) {
        a->case_index = ci;
        a->screen = SP_UI_SCREEN_BRIEFING;
        sp_ui_app_reset_view(a);
    }
    free(vars);
}

/* The transcript is written after every step, atomically, so quitting (or
 * a crash) at any moment leaves a play that can be resumed. */
sp_transcript *sp_ui_play_transcript(sp_ui_app *a, const char *mode)
{
    if (a->t)
        return a->t;
    sp_transcript *t = sp_transcript_new();
    if (!t || !(t->mode = dupstr(mode)) || (a->traj && !(t->trajectory = dupstr(a->traj_id))) ||
        (a->sc == a->own && a->own_path && !(t->scenario_path = dupstr(a->own_path)))) {
        sp_transcript_free(t);
        return NULL;
    }
    a->t_path[0] = '\0';
    return a->t = t;
}

sp_status sp_ui_play_write(sp_ui_app *a, sp_diag *d)
{
    sp_status st = sp_transcript_sync(a->t, a->s);
    if (st != SP_OK)
        return st;
    if (a->t_path[0])
        return sp_transcript_write(a->t, a->t_path, d);
    return sp_transcript_create(a->t, a->transcripts_dir, a->sc->id, sp_session_started_at(a->s), a->t_path,
                                sizeof a->t_path, d);
}

void sp_ui_play_save(sp_ui_app *a)
{
    if (!a->s || !a->transcripts_dir[0])
        return;
    sp_diag *d = sp_diag_new();
    if (!sp_ui_play_transcript(a, "solo") || sp_ui_play_write(a, d) != SP_OK)
        goto fail;
    sp_diag_free(d);
    return;
fail:
    sp_ui_app_notice(a, _("Het verslag van dit gesprek kon niet worden bewaard: %s"),
           sp_diag_count(d) ? sp_diag_message(d, 0) : _("te weinig geheugen"));
    sp_diag_free(d);
}

void sp_ui_play_resume(sp_ui_app *a, int ci)
{
    if (ci < 0 || ci >= SP_CASE_COUNT || !a->cases[ci].resume || !a->cases[ci].sc)
        return;
    sp_diag *d = sp_diag_new();
    sp_transcript *t = NULL;
    sp_session *s = NULL;
    char path[4096];
    sp_ui_app_path_fmt(path, sizeof path, "%s", a->cases[ci].resume);
    sp_status st = sp_transcript_read(path, &t, d);
    if (st == SP_OK)
        st = sp_transcript_replay(t, a->cases[ci].sc, -1, &s, d);
    if (st != SP_OK || !s) {
        sp_ui_app_notice(a, _("Dit gesprek kan niet worden hervat: %s"),
               sp_diag_count(d) ? sp_diag_message(d, 0) : path);
        sp_session_free(s);
        sp_transcript_free(t);
        sp_diag_free(d);
        return;
    }
    sp_diag_free(d);
    sp_ui_play_end(a);
    sp_session_set_lang(s, a->settings.lang);
    if (a->clock)
        sp_session_set_clock(s, a->clock, a->clock_ctx);
    a->s = s;
    a->t = t;
    sp_ui_app_path_fmt(a->t_path, sizeof a->t_path, "%s", path);
    a->sc = a->cases[ci].sc;
    a->case_index = ci;
    a->traj = t->trajectory != NULL;
    sp_ui_app_path_fmt(a->traj_id, sizeof a->traj_id, "%s", t->trajectory ? t->trajectory : "");
    a->screen = SP_UI_SCREEN_PLAY;
    sp_ui_app_reset_view(a);
}

sp_status sp_ui_app_open(sp_ui_app *a, const char *arg, sp_diag *d)
{
    if (!a->hb) {
        sp_status st = sp_paths_load_handbook(&a->hb, d);
        if (st != SP_OK)
            return st;
    }
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        if (strcmp(arg, sp_case_ids[i]) != 0)
            continue;
        if (!a->cases[i].sc) {
            sp_status st = sp_paths_load_scenario(arg, a->hb, &a->cases[i].sc, d);
            if (st != SP_OK)
                return st;
        }
        start_case(a, i);
        return SP_OK;
    }
    sp_scenario_free(a->own);
    a->own = NULL;
    free(a->own_path);
    a->own_path = NULL;
    sp_status st = sp_paths_load_scenario(arg, a->hb, &a->own, d);
    if (st != SP_OK)
        return st;
    a->own_path = sp_paths_case_file_path(arg);
    start_case(a, -1);
    return SP_OK;
}

void sp_ui_play_to_menu(sp_ui_app *a)
{
    sp_ui_play_end(a);
    a->traj = 0;
    a->screen = SP_UI_SCREEN_MENU;
    sp_ui_app_reset_view(a);
    sp_diag *d = sp_diag_new();
    if (sp_ui_app_load(a, d) != SP_OK)
        sp_ui_app_notice(a, "%s", sp_diag_count(d) ? sp_diag_message(d, 0) : _("Het handboek kon niet worden geladen."));
    sp_diag_free(d);
}

