/* app.c: what the window does: cases and earlier results, the running play and its transcript, keys and actions. */
#include "app.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/fs.h"
#include "core/handbook.h"
#include "core/scenario.h"
#include "group.h"
#include "i18n.h"
#include "replay.h"

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

static int64_t now(const sp_gui_app *a)
{
    return a->clock ? a->clock(a->clock_ctx) : (int64_t)time(NULL);
}

static void notice(sp_gui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void notice(sp_gui_app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
}

/* snprintf into a path buffer; -1 when it does not fit. */
static int path_fmt(char *buf, size_t n, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int path_fmt(char *buf, size_t n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, n, fmt, ap);
    va_end(ap);
    if (len < 0 || (size_t)len >= n) {
        buf[0] = '\0';
        return -1;
    }
    return 0;
}

/* ---- life cycle ----------------------------------------------------------------- */

void sp_gui_app_init(sp_gui_app *a, const char *settings_path, const char *transcripts_dir)
{
    memset(a, 0, sizeof *a);
    a->case_index = -1;
    a->hover = -1;
    a->focus[0] = a->focus[1] = -1;
    char dir[4096];
    if (settings_path)
        path_fmt(a->settings_path, sizeof a->settings_path, "%s", settings_path);
    else if (sp_fs_config_dir(dir, sizeof dir) == SP_OK)
        path_fmt(a->settings_path, sizeof a->settings_path, "%s/settings.ini", dir);
    if (transcripts_dir)
        path_fmt(a->transcripts_dir, sizeof a->transcripts_dir, "%s", transcripts_dir);
    else if (sp_fs_data_dir(dir, sizeof dir) == SP_OK)
        path_fmt(a->transcripts_dir, sizeof a->transcripts_dir, "%s/transcripts", dir);

    sp_diag *d = sp_diag_new();
    if (a->settings_path[0] &&
        sp_gui_settings_load(a->settings_path, &a->settings, d) != SP_OK) {
        /* Keep the damaged file: the user may want to repair it by hand. */
        a->settings_hold = 1;
        notice(a, _("De instellingen konden niet worden gelezen (%.600s). De standaardinstellingen gelden; het bestand blijft ongewijzigd tot je zelf iets instelt."),
               sp_diag_count(d) ? sp_diag_message(d, 0) : a->settings_path);
    }
    sp_diag_free(d);
    sp_gui_i18n_set(a->settings.lang);
}

static void end_play(sp_gui_app *a)
{
    sp_session_free(a->s);
    a->s = NULL;
    sp_transcript_free(a->t);
    a->t = NULL;
    a->t_path[0] = '\0';
    sp_debrief_free(a->debrief);
    a->debrief = NULL;
}

static void free_cases(sp_gui_app *a)
{
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        sp_scenario_free(a->cases[i].sc);
        free(a->cases[i].error);
        free(a->cases[i].resume);
    }
    memset(a->cases, 0, sizeof a->cases);
}

void sp_gui_app_free(sp_gui_app *a)
{
    sp_gui_replay_free(a);
    sp_gui_group_free(a);
    end_play(a);
    free_cases(a);
    sp_scenario_free(a->own);
    sp_handbook_free(a->hb);
    memset(a, 0, sizeof *a);
}

void sp_gui_app_set_run_lang(sp_gui_app *a, sp_lang lang)
{
    if (!a->lang_run)
        a->lang_file = a->settings.lang;
    a->lang_run = 1;
    a->settings.lang = lang;
    sp_gui_i18n_set(lang);
    if (a->s)
        sp_session_set_lang(a->s, lang);
}

sp_lang sp_gui_app_lang(const sp_gui_app *a)
{
    return a->settings.lang;
}

const sp_view *sp_gui_app_view(sp_gui_app *a)
{
    return a->s ? sp_session_view(a->s) : NULL;
}

/* ---- loading and earlier results --------------------------------------------------- */

sp_status sp_gui_app_load(sp_gui_app *a, sp_diag *d)
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
    sp_gui_app_scan(a);
    return SP_OK;
}

typedef struct traj_sum {
    char *id;
    int total[SP_CASE_COUNT], max[SP_CASE_COUNT], have[SP_CASE_COUNT];
} traj_sum;

void sp_gui_app_scan(sp_gui_app *a)
{
    int64_t newest[SP_CASE_COUNT];
    for (int i = 0; i < SP_CASE_COUNT; i++) {
        a->cases[i].has_best = 0;
        free(a->cases[i].resume);
        a->cases[i].resume = NULL;
        newest[i] = -1;
    }
    a->has_traj_best = 0;
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
        if (path_fmt(path, sizeof path, "%s/%s", a->transcripts_dir, de->d_name) != 0)
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
            sp_gui_case *c = &a->cases[ci];
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
            /* The newest play of a case decides whether it can be resumed. */
            if (t->updated > newest[ci]) {
                newest[ci] = t->updated;
                free(c->resume);
                c->resume = sp_session_finished(s) ? NULL : dupstr(path);
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

static void reset_view(sp_gui_app *a)
{
    a->focus[0] = a->focus[1] = -1;
    a->scroll[0] = a->scroll[1] = 0;
    a->overlay = SP_GUI_OV_NONE;
    a->hover = -1;
}

/* A new session of sc; in a trajectory, carry="yes" variables take the
 * previous case's end values (prev_sc, prev_vars). */
static int new_session(sp_gui_app *a, const sp_scenario *sc, const sp_scenario *prev_sc,
                       const int *prev_vars, const int *start_vars)
{
    sp_session *s = sp_session_new(sc, a->settings.lang);
    if (!s) {
        notice(a, "%s", _("Te weinig geheugen om de casus te starten."));
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
    end_play(a);
    a->s = s;
    a->sc = sc;
    return 0;
}

static const sp_scenario *case_sc(sp_gui_app *a, int ci)
{
    return ci >= 0 && ci < SP_CASE_COUNT ? a->cases[ci].sc : a->own;
}

static void start_case(sp_gui_app *a, int ci)
{
    const sp_scenario *sc = case_sc(a, ci);
    if (!sc)
        return;
    if (new_session(a, sc, NULL, NULL, NULL) != 0)
        return;
    a->case_index = ci;
    a->screen = SP_GUI_SCREEN_BRIEFING;
    reset_view(a);
}

static void next_case(sp_gui_app *a)
{
    int ci = a->case_index + 1;
    if (!a->traj || ci >= SP_CASE_COUNT || !a->cases[ci].sc || !a->s)
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
    a->screen = SP_GUI_SCREEN_BRIEFING;
    reset_view(a);
}

static void restart(sp_gui_app *a)
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
        a->screen = SP_GUI_SCREEN_BRIEFING;
        reset_view(a);
    }
    free(vars);
}

/* The transcript is written after every step, atomically, so quitting (or
 * a crash) at any moment leaves a play that can be resumed. */
static void save(sp_gui_app *a)
{
    if (!a->s || !a->transcripts_dir[0])
        return;
    sp_diag *d = sp_diag_new();
    if (!a->t) {
        a->t = sp_transcript_new();
        if (!a->t)
            goto fail;
        if (a->traj)
            a->t->trajectory = dupstr(a->traj_id);
        if (sp_fs_mkdirs(a->transcripts_dir, d) != SP_OK)
            goto fail;
        time_t tt = (time_t)sp_session_started_at(a->s);
        struct tm tm;
        char stamp[32];
        localtime_r(&tt, &tm);
        strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
        struct stat st;
        int bad = path_fmt(a->t_path, sizeof a->t_path, "%s/%s-%s.xml", a->transcripts_dir, a->sc->id, stamp);
        /* Two plays started in the same second get -2, -3... */
        for (int k = 2; !bad && stat(a->t_path, &st) == 0 && k < 1000; k++)
            bad = path_fmt(a->t_path, sizeof a->t_path, "%s/%s-%s-%d.xml", a->transcripts_dir,
                           a->sc->id, stamp, k);
        if (bad) {
            sp_diag_add(d, a->transcripts_dir, 0, "path too long");
            goto fail;
        }
    }
    if (sp_transcript_sync(a->t, a->s) != SP_OK ||
        sp_transcript_write(a->t, a->t_path, d) != SP_OK)
        goto fail;
    sp_diag_free(d);
    return;
fail:
    notice(a, _("Het verslag van dit gesprek kon niet worden bewaard: %s"),
           sp_diag_count(d) ? sp_diag_message(d, 0) : _("te weinig geheugen"));
    sp_diag_free(d);
}

static void resume(sp_gui_app *a, int ci)
{
    if (ci < 0 || ci >= SP_CASE_COUNT || !a->cases[ci].resume || !a->cases[ci].sc)
        return;
    sp_diag *d = sp_diag_new();
    sp_transcript *t = NULL;
    sp_session *s = NULL;
    char path[4096];
    path_fmt(path, sizeof path, "%s", a->cases[ci].resume);
    sp_status st = sp_transcript_read(path, &t, d);
    if (st == SP_OK)
        st = sp_transcript_replay(t, a->cases[ci].sc, -1, &s, d);
    if (st != SP_OK || !s) {
        notice(a, _("Dit gesprek kan niet worden hervat: %s"),
               sp_diag_count(d) ? sp_diag_message(d, 0) : path);
        sp_session_free(s);
        sp_transcript_free(t);
        sp_diag_free(d);
        return;
    }
    sp_diag_free(d);
    end_play(a);
    sp_session_set_lang(s, a->settings.lang);
    if (a->clock)
        sp_session_set_clock(s, a->clock, a->clock_ctx);
    a->s = s;
    a->t = t;
    path_fmt(a->t_path, sizeof a->t_path, "%s", path);
    a->sc = a->cases[ci].sc;
    a->case_index = ci;
    a->traj = t->trajectory != NULL;
    path_fmt(a->traj_id, sizeof a->traj_id, "%s", t->trajectory ? t->trajectory : "");
    a->screen = SP_GUI_SCREEN_PLAY;
    reset_view(a);
}

sp_status sp_gui_app_open(sp_gui_app *a, const char *arg, sp_diag *d)
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
    sp_status st = sp_paths_load_scenario(arg, a->hb, &a->own, d);
    if (st != SP_OK)
        return st;
    start_case(a, -1);
    return SP_OK;
}

static void to_menu(sp_gui_app *a)
{
    end_play(a);
    a->traj = 0;
    a->screen = SP_GUI_SCREEN_MENU;
    reset_view(a);
    sp_diag *d = sp_diag_new();
    if (sp_gui_app_load(a, d) != SP_OK)
        notice(a, "%s", sp_diag_count(d) ? sp_diag_message(d, 0) : _("Het handboek kon niet worden geladen."));
    sp_diag_free(d);
}

static void set_setting(sp_gui_app *a, int which, int value)
{
    sp_gui_settings *s = &a->settings;
    switch (which) {
    case SP_GUI_SET_SIZE:
        if (value >= 0 && value < SP_GUI_SIZE_COUNT)
            s->text_size = (sp_gui_size)value;
        break;
    case SP_GUI_SET_CONTRAST: s->high_contrast = !!value; break;
    case SP_GUI_SET_FEEDBACK: s->feedback_end = !!value; break;
    case SP_GUI_SET_LANG:
        s->lang = value == SP_LANG_EN ? SP_LANG_EN : SP_LANG_NL;
        a->lang_run = 0; /* chosen here: from now on it is the setting */
        sp_gui_i18n_set(s->lang);
        if (a->s)
            sp_session_set_lang(a->s, s->lang);
        break;
    case SP_GUI_SET_FULLSCREEN:
        s->fullscreen = !!value;
        a->fullscreen_changed = 1;
        break;
    default:
        return;
    }
    /* The user changed something: from now on the file is ours to write. */
    a->settings_hold = 0;
    if (a->settings_path[0]) {
        sp_gui_settings file = *s;
        if (a->lang_run)
            file.lang = a->lang_file;
        sp_diag *d = sp_diag_new();
        if (sp_gui_settings_save(a->settings_path, &file, d) != SP_OK)
            notice(a, _("De instellingen konden niet worden bewaard: %s"),
                   sp_diag_count(d) ? sp_diag_message(d, 0) : a->settings_path);
        sp_diag_free(d);
    }
}

/* ---- actions --------------------------------------------------------------------------- */

void sp_gui_app_action(sp_gui_app *a, int action, int arg)
{
    if (sp_gui_group_action(a, action, arg))
        return;
    const sp_view *v = a->s ? sp_session_view(a->s) : NULL;
    switch ((sp_gui_action)action) {
    case SP_GUI_ACT_NONE:
        break;
    case SP_GUI_ACT_START:
        a->notice[0] = '\0';
        if (arg == SP_CASE_COUNT) {
            time_t tt = (time_t)now(a);
            struct tm tm;
            localtime_r(&tt, &tm);
            strftime(a->traj_id, sizeof a->traj_id, "traject-%Y%m%d-%H%M%S", &tm);
            start_case(a, 0);
            a->traj = a->s != NULL;
        } else {
            a->traj = 0;
            start_case(a, arg);
        }
        break;
    case SP_GUI_ACT_RESUME:
        a->notice[0] = '\0';
        resume(a, arg);
        break;
    case SP_GUI_ACT_SETTINGS:
        a->pause_under = a->overlay == SP_GUI_OV_PAUSE;
        a->overlay = SP_GUI_OV_SETTINGS;
        a->focus[1] = -1;
        a->scroll[1] = 0;
        break;
    case SP_GUI_ACT_QUIT:
        a->quit = 1;
        break;
    case SP_GUI_ACT_BEGIN:
        if (a->s) {
            a->screen = SP_GUI_SCREEN_PLAY;
            reset_view(a);
        }
        break;
    case SP_GUI_ACT_TO_MENU:
        to_menu(a);
        break;
    case SP_GUI_ACT_CHOOSE:
        if (!v || arg < 0 || arg >= v->n_options || a->screen != SP_GUI_SCREEN_PLAY)
            break;
        if (sp_session_choose(a->s, v->options[arg].option) == SP_OK) {
            save(a);
            reset_view(a);
            if (!a->settings.feedback_end && sp_session_view(a->s)->feedback.valid)
                a->overlay = SP_GUI_OV_FEEDBACK;
        }
        break;
    case SP_GUI_ACT_FLAGS:
        if (v && !sp_session_finished(a->s) && a->screen == SP_GUI_SCREEN_PLAY) {
            a->overlay = SP_GUI_OV_FLAGS;
            a->focus[1] = -1;
            a->scroll[1] = 0;
        }
        break;
    case SP_GUI_ACT_MARK:
        if (a->s && a->hb && arg >= 0 && arg < a->hb->n_redflags &&
            sp_session_flag(a->s, arg, &a->flag_res) == SP_OK) {
            a->flag_marked = arg;
            save(a);
            a->overlay = SP_GUI_OV_FLAG_RESULT;
            a->focus[1] = -1;
            a->scroll[1] = 0;
        }
        break;
    case SP_GUI_ACT_HISTORY:
        if (a->s) {
            a->overlay = SP_GUI_OV_HISTORY;
            a->focus[1] = -1;
            a->scroll[1] = 1 << 28; /* start at the end: the latest turn */
        }
        break;
    case SP_GUI_ACT_PAUSE:
        a->overlay = SP_GUI_OV_PAUSE;
        a->focus[1] = -1;
        a->scroll[1] = 0;
        break;
    case SP_GUI_ACT_CLOSE:
        if (a->overlay == SP_GUI_OV_SETTINGS && a->pause_under) {
            a->overlay = SP_GUI_OV_PAUSE;
            a->pause_under = 0;
        } else {
            a->overlay = SP_GUI_OV_NONE;
        }
        a->focus[1] = -1;
        a->scroll[1] = 0;
        break;
    case SP_GUI_ACT_RESTART:
        restart(a);
        break;
    case SP_GUI_ACT_UNDO:
        if (a->s && a->screen == SP_GUI_SCREEN_PLAY && sp_session_undo(a->s) == SP_OK) {
            save(a);
            reset_view(a);
        }
        break;
    case SP_GUI_ACT_DEBRIEF:
        if (a->s && sp_session_finished(a->s)) {
            sp_debrief_free(a->debrief);
            a->debrief = sp_debrief_build(a->s);
            if (!a->debrief) {
                notice(a, "%s", _("Te weinig geheugen voor de nabespreking."));
                break;
            }
            a->screen = SP_GUI_SCREEN_DEBRIEF;
            reset_view(a);
        }
        break;
    case SP_GUI_ACT_AGAIN:
        restart(a);
        break;
    case SP_GUI_ACT_NEXT_CASE:
        next_case(a);
        break;
    case SP_GUI_ACT_SET:
        set_setting(a, arg / 16, arg % 16);
        break;
    case SP_GUI_ACT_PLAYS: case SP_GUI_ACT_REPLAY_OPEN: case SP_GUI_ACT_REPLAY_THIS:
    case SP_GUI_ACT_REPLAY_STEP: case SP_GUI_ACT_REPLAY_PREV: case SP_GUI_ACT_REPLAY_NEXT:
    case SP_GUI_ACT_REPLAY_AUTO: case SP_GUI_ACT_REPLAY_SPEED: case SP_GUI_ACT_REPLAY_NOTE:
    case SP_GUI_ACT_REPLAY_NOTE_SAVE: case SP_GUI_ACT_REPLAY_BRANCH: case SP_GUI_ACT_REPLAY_PICK:
    case SP_GUI_ACT_COMPARE_WITH: case SP_GUI_ACT_REPLAY_BACK: case SP_GUI_ACT_EXPORT:
        sp_gui_replay_action(a, action, arg);
        break;
    }
}

/* ---- keys and the mouse ---------------------------------------------------------------- */

/* Focusable hits of the top layer in last, in order. */
static int focus_count(const sp_gui_list *last)
{
    int n = 0;
    for (int i = 0; i < last->n_hits; i++)
        if (last->hits[i].enabled && last->hits[i].order >= 0)
            n++;
    return n;
}

static const sp_gui_hit *focused_hit(const sp_gui_list *last, int focus)
{
    for (int i = 0; i < last->n_hits; i++)
        if (last->hits[i].enabled && last->hits[i].order == focus)
            return &last->hits[i];
    return NULL;
}

static void move_focus(sp_gui_app *a, const sp_gui_list *last, int layer, int delta)
{
    int n = focus_count(last);
    if (n == 0)
        return;
    int f = a->focus[layer];
    if (f < 0)
        f = delta > 0 ? 0 : n - 1;
    else
        f = ((f + delta) % n + n) % n;
    a->focus[layer] = f;
    a->show_focus = 1;
    a->focus_visible = 1;
}

void sp_gui_app_scroll(sp_gui_app *a, int dy)
{
    int layer = a->overlay != SP_GUI_OV_NONE;
    a->scroll[layer] += dy;
    if (a->scroll[layer] < 0)
        a->scroll[layer] = 0;
}

void sp_gui_app_key(sp_gui_app *a, const sp_gui_list *last, sp_gui_key key, int ch)
{
    if (sp_gui_replay_key(a, last, key, ch) || sp_gui_group_key(a, last, key, ch))
        return;
    int layer = a->overlay != SP_GUI_OV_NONE;
    int line = a->page_step[layer] > 0 ? a->page_step[layer] / 10 + 1 : 40;
    int page = a->page_step[layer] > 0 ? a->page_step[layer] * 9 / 10 : 400;
    /* On reading screens the arrows scroll; elsewhere they move the focus. */
    int reading = (!layer && (a->screen == SP_GUI_SCREEN_BRIEFING || a->screen == SP_GUI_SCREEN_DEBRIEF)) ||
                  (layer && a->overlay == SP_GUI_OV_HISTORY);

    switch (key) {
    case SP_GUI_KEY_FULLSCREEN:
        sp_gui_app_action(a, SP_GUI_ACT_SET, SP_GUI_SET_FULLSCREEN * 16 + !a->settings.fullscreen);
        return;
    case SP_GUI_KEY_UP:
    case SP_GUI_KEY_DOWN:
        if (reading)
            sp_gui_app_scroll(a, key == SP_GUI_KEY_UP ? -line : line);
        else
            move_focus(a, last, layer, key == SP_GUI_KEY_UP ? -1 : 1);
        return;
    case SP_GUI_KEY_LEFT:
    case SP_GUI_KEY_BACKTAB:
        move_focus(a, last, layer, -1);
        return;
    case SP_GUI_KEY_RIGHT:
    case SP_GUI_KEY_TAB:
        move_focus(a, last, layer, 1);
        return;
    case SP_GUI_KEY_PAGEUP:   sp_gui_app_scroll(a, -page); return;
    case SP_GUI_KEY_PAGEDOWN: sp_gui_app_scroll(a, page); return;
    case SP_GUI_KEY_HOME:     sp_gui_app_scroll(a, -(1 << 28)); return;
    case SP_GUI_KEY_END:      sp_gui_app_scroll(a, 1 << 28); return;
    case SP_GUI_KEY_ENTER: {
        const sp_gui_hit *h = a->focus[layer] >= 0 ? focused_hit(last, a->focus[layer]) : NULL;
        if (h) {
            sp_gui_app_action(a, h->action, h->arg);
            return;
        }
        break; /* the screen's default, below */
    }
    default:
        break;
    }

    if (layer) {
        sp_gui_overlay ov = a->overlay;
        if (key == SP_GUI_KEY_ESC ||
            (key == SP_GUI_KEY_ENTER && (ov == SP_GUI_OV_FEEDBACK || ov == SP_GUI_OV_FLAG_RESULT)) ||
            (key == SP_GUI_KEY_CHAR && ch == 'h' && ov == SP_GUI_OV_HISTORY) ||
            (key == SP_GUI_KEY_CHAR && ch == 'f' && ov == SP_GUI_OV_FLAGS) ||
            (key == SP_GUI_KEY_CHAR && ch == ' ' && (ov == SP_GUI_OV_FEEDBACK || ov == SP_GUI_OV_FLAG_RESULT)))
            sp_gui_app_action(a, SP_GUI_ACT_CLOSE, 0);
        return;
    }

    const sp_view *v = a->s ? sp_session_view(a->s) : NULL;
    switch (a->screen) {
    case SP_GUI_SCREEN_MENU:
        if (key == SP_GUI_KEY_CHAR && ch >= '1' && ch <= '0' + SP_CASE_COUNT + 1)
            sp_gui_app_action(a, SP_GUI_ACT_START, ch - '1');
        else if (key == SP_GUI_KEY_CHAR && ch == 's')
            sp_gui_app_action(a, SP_GUI_ACT_SETTINGS, 0);
        else if (key == SP_GUI_KEY_CHAR && ch == 'q')
            sp_gui_app_action(a, SP_GUI_ACT_QUIT, 0);
        break;
    case SP_GUI_SCREEN_BRIEFING:
        if (key == SP_GUI_KEY_ENTER)
            sp_gui_app_action(a, SP_GUI_ACT_BEGIN, 0);
        else if (key == SP_GUI_KEY_ESC)
            sp_gui_app_action(a, SP_GUI_ACT_TO_MENU, 0);
        break;
    case SP_GUI_SCREEN_PLAY:
        if (!v)
            break;
        if (key == SP_GUI_KEY_CHAR && ch >= '1' && ch <= '9' && v->kind != SP_VIEW_ENDING)
            sp_gui_app_action(a, SP_GUI_ACT_CHOOSE, ch - '1');
        else if (key == SP_GUI_KEY_CHAR && ch == 'f')
            sp_gui_app_action(a, SP_GUI_ACT_FLAGS, 0);
        else if (key == SP_GUI_KEY_CHAR && ch == 'h')
            sp_gui_app_action(a, SP_GUI_ACT_HISTORY, 0);
        else if (key == SP_GUI_KEY_BACKSPACE || key == SP_GUI_KEY_UNDO)
            sp_gui_app_action(a, SP_GUI_ACT_UNDO, 0);
        else if (key == SP_GUI_KEY_ESC)
            sp_gui_app_action(a, SP_GUI_ACT_PAUSE, 0);
        else if (key == SP_GUI_KEY_ENTER && v->kind == SP_VIEW_ENDING)
            sp_gui_app_action(a, SP_GUI_ACT_DEBRIEF, 0);
        break;
    case SP_GUI_SCREEN_DEBRIEF:
        if (key == SP_GUI_KEY_ESC)
            sp_gui_app_action(a, SP_GUI_ACT_TO_MENU, 0);
        else if (key == SP_GUI_KEY_CHAR && ch == 'r')
            sp_gui_app_action(a, SP_GUI_ACT_AGAIN, 0);
        else if (key == SP_GUI_KEY_ENTER)
            sp_gui_app_action(a, a->traj && a->case_index + 1 < SP_CASE_COUNT
                                     ? SP_GUI_ACT_NEXT_CASE : SP_GUI_ACT_TO_MENU, 0);
        break;
    case SP_GUI_SCREEN_PLAYS:
    case SP_GUI_SCREEN_REPLAY:
    case SP_GUI_SCREEN_COMPARE:
        break; /* sp_gui_replay_key() */
    }
}

int sp_gui_app_hit_at(const sp_gui_list *last, int x, int y)
{
    /* Later hits lie on top (overlays come last). */
    for (int i = last->n_hits - 1; i >= 0; i--)
        if (last->hits[i].enabled && sp_gui_rect_has_point(last->hits[i].vis, x, y))
            return i;
    return -1;
}

void sp_gui_app_click(sp_gui_app *a, const sp_gui_list *last, int x, int y)
{
    int i = sp_gui_app_hit_at(last, x, y);
    a->show_focus = 0;
    if (i >= 0)
        sp_gui_app_action(a, last->hits[i].action, last->hits[i].arg);
}

/* ---- building ---------------------------------------------------------------------------- */

void sp_gui_app_build(sp_gui_app *a, const sp_gui_metrics *m, int w, int h, sp_gui_list *out)
{
    sp_gui_list_reset(out);
    sp_gui_ui ui = {
        .l = out, .m = m, .th = sp_gui_theme_get(a->settings.high_contrast),
        .focus = a->focus[0], .show_focus = a->show_focus, .hover = a->hover,
        .focus_visible = a->focus_visible && a->overlay == SP_GUI_OV_NONE,
    };
    sp_gui_rect view = sp_gui_rect_make(0, 0, w, h);
    sp_gui_rect_cmd(out, view, ui.th->bg, 0)->tag = SP_GUI_TAG_BACKGROUND;
    if (!sp_gui_group_build(a, &ui, view))
        switch (a->screen) {
        case SP_GUI_SCREEN_MENU:     sp_gui_menu_build(a, &ui, view); break;
        case SP_GUI_SCREEN_BRIEFING: sp_gui_briefing_build(a, &ui, view); break;
        case SP_GUI_SCREEN_PLAY:     sp_gui_conversation_build(a, &ui, view); break;
        case SP_GUI_SCREEN_DEBRIEF:  sp_gui_debrief_view_build(a, &ui, view); break;
        case SP_GUI_SCREEN_PLAYS:    sp_gui_history_list_build(a, &ui, view); break;
        case SP_GUI_SCREEN_REPLAY:   sp_gui_replay_view_build(a, &ui, view); break;
        case SP_GUI_SCREEN_COMPARE:  sp_gui_compare_view_build(a, &ui, view); break;
        }
    if (a->overlay != SP_GUI_OV_NONE) {
        sp_gui_ui_layer(&ui, a->focus[1]);
        ui.focus_visible = a->focus_visible;
        if (a->overlay == SP_GUI_OV_SETTINGS)
            sp_gui_settings_view_build(a, &ui, view);
        else
            sp_gui_overlays_build(a, &ui, view);
    }
    a->focus_visible = 0;
}
