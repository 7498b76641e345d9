/* replay.c: what the replay screens do: the list of past plays, stepping and auto-advance, notes, branching, comparing, exporting. */
#include "replay.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/export.h"
#include "core/fs.h"
#include "i18n.h"

const int sp_gui_replay_interval[SP_GUI_REPLAY_SPEEDS] = { 7000, 4000, 2000 };
const char *const sp_gui_replay_speed_label[SP_GUI_REPLAY_SPEEDS] = { "½×", "1×", "2×" };

static void notice(sp_gui_app *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void notice(sp_gui_app *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->notice, sizeof a->notice, fmt, ap);
    va_end(ap);
}

static sp_gui_replay *state(sp_gui_app *a)
{
    if (!a->replay)
        a->replay = calloc(1, sizeof *a->replay);
    return a->replay;
}

/* A new screen starts at its top, without focus, hover or an old notice. */
static void show(sp_gui_app *a, sp_gui_screen screen)
{
    a->screen = screen;
    a->debrief_of_replay = 0;
    a->notice[0] = '\0';
    a->overlay = SP_GUI_OV_NONE;
    a->focus[0] = a->focus[1] = -1;
    a->scroll[0] = a->scroll[1] = 0;
    a->hover = -1;
}

static void drop_compare(sp_gui_replay *rp)
{
    sp_compare_free(rp->cmp);
    sp_replay_free(rp->rb);
    sp_transcript_free(rp->tb);
    rp->cmp = NULL;
    rp->rb = NULL;
    rp->tb = NULL;
    rp->b_expert = 0;
    rp->b_path[0] = '\0';
}

static void drop_replay(sp_gui_replay *rp)
{
    drop_compare(rp);
    sp_debrief_free(rp->db);
    rp->db = NULL;
    sp_replay_free(rp->r);
    sp_transcript_free(rp->t);
    rp->r = NULL;
    rp->t = NULL;
    rp->path[0] = '\0';
    rp->playing = rp->editing = 0;
}

void sp_gui_replay_free(sp_gui_app *a)
{
    sp_gui_replay *rp = a->replay;
    if (!rp)
        return;
    drop_replay(rp);
    sp_replay_entries_free(rp->e, rp->n);
    free(rp->info);
    free(rp);
    a->replay = NULL;
}

/* ---- opening plays ------------------------------------------------------------ */

/* The loaded case of a scenario id: one of the three, or a case opened by path. */
static const sp_scenario *resolve(void *ctx, const char *id)
{
    sp_gui_app *a = ctx;
    for (int i = 0; i < SP_CASE_COUNT; i++)
        if (a->cases[i].sc && strcmp(a->cases[i].sc->id, id) == 0)
            return a->cases[i].sc;
    if (a->own && strcmp(a->own->id, id) == 0)
        return a->own;
    return NULL;
}

/* The list's figures of entry e, from its debrief (sp_gui_play_info). */
static void play_info(const sp_gui_app *a, const sp_replay_entry *e, sp_gui_play_info *in)
{
    memset(in, 0, sizeof *in);
    in->total = e->total;
    in->total_max = -1;
    sp_transcript *t = NULL;
    if (!e->ok || sp_transcript_read(e->path, &t, NULL) != SP_OK || !t) {
        sp_transcript_free(t);
        return;
    }
    in->group = t->mode && strcmp(t->mode, "group") == 0;
    if (t->parent && t->branch_step >= 0) {
        int k = t->branch_step;
        in->branch_turn = k < t->n_steps ? t->steps[k].turn : k > 0 ? t->steps[k - 1].turn + 1 : 1;
        sp_transcript *pt = NULL;
        if (sp_transcript_read(t->parent, &pt, NULL) == SP_OK && pt)
            in->parent_started = pt->started;
        sp_transcript_free(pt);
    }
    sp_replay *r = NULL;
    if (e->sc && e->finished && sp_replay_build(t, e->sc, sp_gui_app_lang(a), &r, NULL) == SP_OK) {
        sp_debrief *d = sp_debrief_build(r->s);
        if (d) {
            in->total = d->total;
            in->total_max = d->exact ? d->total_max : -1;
        }
        sp_debrief_free(d);
    }
    sp_replay_free(r);
    sp_transcript_free(t);
}

static void scan(sp_gui_app *a)
{
    sp_gui_replay *rp = state(a);
    sp_replay_entries_free(rp->e, rp->n);
    free(rp->info);
    rp->info = NULL;
    rp->e = NULL;
    rp->n = 0;
    if (a->transcripts_dir[0])
        sp_replay_scan(a->transcripts_dir, resolve, a, &rp->e, &rp->n);
    rp->info = calloc((size_t)(rp->n ? rp->n : 1), sizeof *rp->info);
    for (int i = 0; rp->info && i < rp->n; i++)
        play_info(a, &rp->e[i], &rp->info[i]);
}

/* Reads path and replays it into t and r; the first message in d. */
static sp_status load(sp_gui_app *a, const char *path, sp_transcript **t, sp_replay **r, sp_diag *d)
{
    *t = NULL;
    *r = NULL;
    sp_status st = sp_transcript_read(path, t, d);
    if (st != SP_OK)
        return st;
    const sp_scenario *sc = resolve(a, (*t)->scenario_id);
    if (!sc) {
        sp_diag_add(d, path, 0, "case '%s' is not available", (*t)->scenario_id);
        st = SP_EINVAL;
    } else {
        st = sp_replay_build(*t, sc, sp_gui_app_lang(a), r, d);
        /* A play that stopped fitting the case is still shown up to there. */
        if (st == SP_EINVAL && *r)
            st = SP_OK;
    }
    if (st != SP_OK) {
        sp_replay_free(*r);
        sp_transcript_free(*t);
        *r = NULL;
        *t = NULL;
    }
    return st;
}

/* The first message that is not a warning, or the last one. */
static const char *first_error(const sp_diag *d, const char *fallback)
{
    int n = sp_diag_count(d);
    for (int i = 0; i < n; i++)
        if (!strstr(sp_diag_message(d, i), ": warning: "))
            return sp_diag_message(d, i);
    return n ? sp_diag_message(d, n - 1) : fallback;
}

sp_status sp_gui_replay_open(sp_gui_app *a, const char *path, sp_diag *d)
{
    sp_gui_replay *rp = state(a);
    if (!rp)
        return SP_ENOMEM;
    sp_transcript *t;
    sp_replay *r;
    sp_status st = load(a, path, &t, &r, d);
    if (st != SP_OK)
        return st;
    drop_replay(rp);
    rp->t = t;
    rp->r = r;
    snprintf(rp->path, sizeof rp->path, "%s", path);
    rp->step = 0;
    rp->back = SP_GUI_SCREEN_PLAYS;
    rp->speed = 1;
    show(a, SP_GUI_SCREEN_REPLAY);
    if (r->stopped_at)
        notice(a, _("De casus is veranderd sinds dit gesprek: vanaf stap %d past het er niet meer bij. Je ziet het gesprek tot daar."),
               r->stopped_at);
    return SP_OK;
}

static sp_status compare_with(sp_gui_app *a, const char *b, sp_diag *d)
{
    sp_gui_replay *rp = a->replay;
    drop_compare(rp);
    sp_status st;
    if (strcmp(b, "expert") == 0) {
        st = sp_replay_expert(rp->r->sc, sp_session_start_vars(rp->r->s), sp_gui_app_lang(a), &rp->rb, d);
        rp->b_expert = st == SP_OK;
    } else {
        st = load(a, b, &rp->tb, &rp->rb, d);
        snprintf(rp->b_path, sizeof rp->b_path, "%s", b);
    }
    if (st == SP_OK) {
        st = sp_compare_build(rp->r, rp->rb, &rp->cmp);
        if (st == SP_EINVAL)
            sp_diag_add(d, b, 0, "%s", _("Deze twee gesprekken gaan over verschillende casussen."));
    }
    if (st != SP_OK) {
        drop_compare(rp);
        return st;
    }
    show(a, SP_GUI_SCREEN_COMPARE);
    return SP_OK;
}

sp_status sp_gui_replay_open_compare(sp_gui_app *a, const char *path_a, const char *b, sp_diag *d)
{
    sp_status st = sp_gui_replay_open(a, path_a, d);
    return st == SP_OK ? compare_with(a, b, d) : st;
}

/* ---- notes, branches, exports ---------------------------------------------------------- */

static void save_note(sp_gui_app *a)
{
    sp_gui_replay *rp = a->replay;
    rp->editing = 0;
    const char *s = rp->note;
    while (*s == ' ')
        s++;
    if (!*s)
        return;
    sp_diag *d = sp_diag_new();
    sp_status st = sp_replay_add_note(rp->r, rp->t, rp->step, s);
    if (st == SP_OK)
        st = sp_transcript_write(rp->t, rp->path, d);
    if (st == SP_OK)
        rp->note[0] = '\0';
    else
        notice(a, _("De notitie kon niet worden bewaard: %s"), first_error(d, sp_status_name(st)));
    sp_diag_free(d);
}

static int64_t now(const sp_gui_app *a)
{
    return a->clock ? a->clock(a->clock_ctx) : (int64_t)time(NULL);
}

/* A fresh transcript path for a case, as app.c names them. */
static int new_path(const sp_gui_app *a, const char *case_id, int64_t when, char *buf, size_t len)
{
    time_t tt = (time_t)when;
    struct tm tm;
    char stamp[32];
    localtime_r(&tt, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    struct stat st;
    for (int k = 1; k < 1000; k++) {
        int n = k == 1 ? snprintf(buf, len, "%s/%s-%s.xml", a->transcripts_dir, case_id, stamp)
                       : snprintf(buf, len, "%s/%s-%s-%d.xml", a->transcripts_dir, case_id, stamp, k);
        if (n < 0 || (size_t)n >= len)
            return -1;
        if (stat(buf, &st) != 0)
            return 0;
    }
    return -1;
}

/* Plays on from the current step: the new play replaces any running one
 * and is saved at once, with its parent and branch point. */
static void branch(sp_gui_app *a)
{
    sp_gui_replay *rp = a->replay;
    sp_replay *r = rp->r;
    if (rp->step >= r->n_decisions && r->finished)
        return;
    char parent[PATH_MAX];
    if (!realpath(rp->path, parent))
        snprintf(parent, sizeof parent, "%s", rp->path);
    sp_diag *d = sp_diag_new();
    sp_session *s = NULL;
    sp_transcript *t = NULL;
    char path[4096];
    sp_status st = sp_replay_branch(r, rp->step, parent, now(a), &s, &t, d);
    if (st == SP_OK && (sp_fs_mkdirs(a->transcripts_dir, d) != SP_OK ||
                        new_path(a, r->sc->id, t->started, path, sizeof path) != 0))
        st = SP_EIO;
    if (st == SP_OK)
        st = sp_transcript_write(t, path, d);
    if (st != SP_OK) {
        notice(a, _("Verder spelen vanaf hier lukt niet: %s"), first_error(d, sp_status_name(st)));
        sp_session_free(s);
        sp_transcript_free(t);
        sp_diag_free(d);
        return;
    }
    sp_diag_free(d);
    if (a->clock)
        sp_session_set_clock(s, a->clock, a->clock_ctx);
    sp_session_free(a->s);
    sp_transcript_free(a->t);
    sp_debrief_free(a->debrief);
    a->debrief = NULL;
    a->s = s;
    a->t = t;
    a->sc = r->sc;
    snprintf(a->t_path, sizeof a->t_path, "%s", path);
    a->case_index = -1;
    for (int i = 0; i < SP_CASE_COUNT; i++)
        if (a->cases[i].sc == r->sc)
            a->case_index = i;
    a->traj = 0;
    int turn = sp_session_turn(s);
    char when[64] = "?";
    time_t tt = (time_t)rp->t->started;
    struct tm tm;
    if (rp->t->started > 0 && localtime_r(&tt, &tm))
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    drop_replay(rp);
    show(a, SP_GUI_SCREEN_PLAY);
    /* A banner says it is a branch; the first choice takes it away. */
    notice(a, _("Aftakking: je speelt verder vanaf beurt %d van het gesprek van %s. Dat gesprek blijft zoals het was."),
           turn, when);
}

/* Writes the HTML debrief of transcript t (at path) beside it. */
static void export_html(sp_gui_app *a, const sp_transcript *t, const sp_scenario *sc, const char *path)
{
    sp_diag *d = sp_diag_new();
    sp_replay *r = NULL;
    char out[4096];
    size_t n = strlen(path);
    if (n > 4 && strcmp(path + n - 4, ".xml") == 0)
        n -= 4;
    snprintf(out, sizeof out, "%.*s.html", (int)n, path);
    sp_status st = sp_replay_build(t, sc, sp_gui_app_lang(a), &r, d);
    if (st == SP_EINVAL && r)
        st = SP_OK;
    sp_debrief *db = st == SP_OK ? sp_debrief_build(r->s) : NULL;
    size_t len = 0;
    char *html = db ? sp_export_html(r, db, &len) : NULL;
    if (st == SP_OK && !html)
        st = SP_ENOMEM;
    if (st == SP_OK)
        st = sp_fs_write_atomic(out, html, len, d);
    if (st == SP_OK) {
        char folder[4096];
        snprintf(folder, sizeof folder, "%s", out);
        char *slash = strrchr(folder, '/');
        if (slash)
            *slash = '\0';
        sp_gui_app_toast(a, slash ? folder : ".", _("De nabespreking is bewaard als webpagina: %s"),
                         slash ? slash + 1 : out);
    } else
        notice(a, _("Exporteren lukte niet: %s"), first_error(d, sp_status_name(st)));
    free(html);
    sp_debrief_free(db);
    sp_replay_free(r);
    sp_diag_free(d);
}

/* ---- deleting a play: into the trash folder, and back ------------------------------------ */

/* Moves entry i's transcript into transcripts/prullenbak/ (where the list
 * does not look); the toast offers to undo it. */
static void trash(sp_gui_app *a, int i)
{
    sp_gui_replay *rp = a->replay;
    const char *from = rp->e[i].path;
    const char *base = strrchr(from, '/');
    base = base ? base + 1 : from;
    char dir[sizeof a->transcripts_dir + 16];
    snprintf(dir, sizeof dir, "%s/prullenbak", a->transcripts_dir);
    sp_diag *d = sp_diag_new();
    int ok = sp_fs_mkdirs(dir, d) == SP_OK;
    sp_diag_free(d);
    if (ok && snprintf(rp->trashed, sizeof rp->trashed, "%s/%s", dir, base) < (int)sizeof rp->trashed &&
        rename(from, rp->trashed) == 0) {
        snprintf(rp->trashed_from, sizeof rp->trashed_from, "%s", from);
        /* from and base point into the list that scan() frees: name the
         * file from the copy kept for undo. */
        const char *name = strrchr(rp->trashed, '/') + 1;
        scan(a);
        sp_gui_app_toast(a, NULL, _("Verwijderd: %s. Het staat in de prullenbak."), name);
        a->toast_undo = 1;
    } else {
        rp->trashed[0] = '\0';
        notice(a, _("Verwijderen lukte niet: %s"), from);
    }
}

static void restore(sp_gui_app *a)
{
    sp_gui_replay *rp = a->replay;
    if (!rp->trashed[0])
        return;
    if (rename(rp->trashed, rp->trashed_from) == 0) {
        const char *base = strrchr(rp->trashed_from, '/');
        sp_gui_app_toast(a, NULL, _("Teruggezet: %s."), base ? base + 1 : rp->trashed_from);
        rp->trashed[0] = '\0';
        if (a->screen == SP_GUI_SCREEN_PLAYS)
            scan(a);
    } else {
        notice(a, _("Terugzetten lukte niet: %s"), rp->trashed);
    }
}

/* ---- actions -------------------------------------------------------------------------- */

/* The debrief of the replayed play, when it was finished. */
static void show_debrief(sp_gui_app *a)
{
    sp_gui_replay *rp = a->replay;
    if (!rp->r->finished) {
        notice(a, "%s", _("Dit gesprek is niet afgemaakt: er is nog geen nabespreking."));
        return;
    }
    sp_debrief_free(rp->db);
    rp->db = sp_debrief_build(rp->r->s);
    if (!rp->db) {
        notice(a, "%s", _("Te weinig geheugen voor de nabespreking."));
        return;
    }
    rp->playing = rp->editing = 0;
    show(a, SP_GUI_SCREEN_DEBRIEF);
    a->debrief_of_replay = 1;
}

static void go(sp_gui_replay *rp, int step)
{
    if (step < 0)
        step = 0;
    if (step >= rp->r->n_steps)
        step = rp->r->n_steps - 1;
    rp->step = step;
    rp->editing = 0;
}

/* D, or a finished play's Nabespreking in the list (arg: its index; -1
 * the open replay): that play's debrief. */
static void debrief_action(sp_gui_app *a, int arg)
{
    sp_gui_replay *rp = a->replay;
    int in_replay = rp->r != NULL;
    sp_diag *d = NULL;
    if (arg >= 0) {
        if (arg >= rp->n || !rp->e[arg].ok || !rp->e[arg].finished)
            return;
        d = sp_diag_new();
        if (sp_gui_replay_open(a, rp->e[arg].path, d) != SP_OK) {
            notice(a, _("Dit gesprek kan niet worden teruggekeken: %s"), first_error(d, "?"));
            sp_diag_free(d);
            return;
        }
        sp_diag_free(d);
        rp->db_back = SP_GUI_SCREEN_PLAYS;
    } else if (in_replay && a->screen == SP_GUI_SCREEN_REPLAY) {
        rp->db_back = SP_GUI_SCREEN_REPLAY;
    } else {
        return;
    }
    show_debrief(a);
}

/* Esc: back where the screen came from. */
static void back_action(sp_gui_app *a)
{
    sp_gui_replay *rp = a->replay;
    int in_replay = rp->r != NULL;
    rp->editing = rp->playing = 0;
    if (a->screen == SP_GUI_SCREEN_DEBRIEF && a->debrief_of_replay) {
        a->debrief_of_replay = 0;
        sp_debrief_free(rp->db);
        rp->db = NULL;
        if (rp->db_back == SP_GUI_SCREEN_PLAYS) {
            drop_replay(rp);
            scan(a);
        }
        show(a, rp->db_back);
    } else if (a->screen == SP_GUI_SCREEN_COMPARE && in_replay) {
        show(a, SP_GUI_SCREEN_REPLAY);
    } else if (a->screen == SP_GUI_SCREEN_PLAYS && rp->picking && in_replay) {
        rp->picking = 0;
        show(a, SP_GUI_SCREEN_REPLAY);
    } else if (a->screen == SP_GUI_SCREEN_REPLAY && rp->back == SP_GUI_SCREEN_DEBRIEF && a->debrief) {
        drop_replay(rp);
        show(a, SP_GUI_SCREEN_DEBRIEF);
    } else if (a->screen == SP_GUI_SCREEN_REPLAY) {
        drop_replay(rp);
        scan(a);
        show(a, SP_GUI_SCREEN_PLAYS);
    } else {
        sp_gui_app_action(a, SP_GUI_ACT_TO_MENU, 0);
    }
}

int sp_gui_replay_action(sp_gui_app *a, int action, int arg)
{
    sp_gui_replay *rp = state(a);
    if (!rp)
        return 0;
    int in_replay = rp->r != NULL;
    sp_diag *d = NULL;
    switch (action) {
    case SP_GUI_ACT_PLAYS:
        a->notice[0] = '\0';
        rp->picking = 0;
        scan(a);
        show(a, SP_GUI_SCREEN_PLAYS);
        return 1;
    case SP_GUI_ACT_REPLAY_OPEN:
        if (arg < 0 || arg >= rp->n || !rp->e[arg].ok)
            return 1;
        a->notice[0] = '\0';
        d = sp_diag_new();
        if (rp->picking) {
            rp->picking = 0;
            if (in_replay && compare_with(a, rp->e[arg].path, d) != SP_OK)
                notice(a, _("Vergelijken lukt niet: %s"), first_error(d, "?"));
        } else if (sp_gui_replay_open(a, rp->e[arg].path, d) != SP_OK) {
            notice(a, _("Dit gesprek kan niet worden teruggekeken: %s"), first_error(d, "?"));
        }
        sp_diag_free(d);
        return 1;
    case SP_GUI_ACT_REPLAY_THIS:
        if (!a->t_path[0])
            return 1;
        d = sp_diag_new();
        if (sp_gui_replay_open(a, a->t_path, d) == SP_OK)
            rp->back = SP_GUI_SCREEN_DEBRIEF;
        else
            notice(a, _("Dit gesprek kan niet worden teruggekeken: %s"), first_error(d, "?"));
        sp_diag_free(d);
        return 1;
    case SP_GUI_ACT_COMPARE_WITH:
        if (!in_replay)
            return 1;
        rp->picking = 0;
        d = sp_diag_new();
        if (arg < 0 ? compare_with(a, "expert", d) != SP_OK
                    : arg < rp->n && rp->e[arg].ok && compare_with(a, rp->e[arg].path, d) != SP_OK)
            notice(a, _("Vergelijken lukt niet: %s"), first_error(d, "?"));
        sp_diag_free(d);
        return 1;
    case SP_GUI_ACT_EXPORT:
        if (a->screen == SP_GUI_SCREEN_DEBRIEF && a->debrief_of_replay && in_replay)
            export_html(a, rp->t, rp->r->sc, rp->path);
        else if (a->screen == SP_GUI_SCREEN_DEBRIEF && a->t && a->sc)
            export_html(a, a->t, a->sc, a->t_path);
        else if (in_replay)
            export_html(a, rp->t, rp->r->sc, rp->path);
        return 1;
    case SP_GUI_ACT_PLAY_DELETE:
        if (a->screen == SP_GUI_SCREEN_PLAYS && !rp->picking && arg >= 0 && arg < rp->n)
            trash(a, arg);
        return 1;
    case SP_GUI_ACT_PLAY_RESTORE:
        restore(a);
        return 1;
    case SP_GUI_ACT_REPLAY_DEBRIEF:
        debrief_action(a, arg);
        return 1;
    case SP_GUI_ACT_REPLAY_BACK:
        back_action(a);
        return 1;
    default:
        break;
    }
    if (!in_replay)
        return action >= SP_GUI_ACT_PLAYS && action <= SP_GUI_ACT_PLAY_RESTORE;
    switch (action) {
    case SP_GUI_ACT_REPLAY_STEP: go(rp, arg); a->scroll[0] = 0; break;
    case SP_GUI_ACT_REPLAY_PREV: go(rp, rp->step - 1); a->scroll[0] = 0; break;
    case SP_GUI_ACT_REPLAY_NEXT: go(rp, rp->step + 1); a->scroll[0] = 0; break;
    case SP_GUI_ACT_REPLAY_AUTO:
        rp->playing = !rp->playing;
        rp->timed = 0;
        if (rp->playing && rp->step == rp->r->n_steps - 1)
            go(rp, 0); /* from the end, play again from the start */
        break;
    case SP_GUI_ACT_REPLAY_SPEED:
        rp->speed = (rp->speed + 1) % SP_GUI_REPLAY_SPEEDS;
        rp->timed = 0;
        break;
    case SP_GUI_ACT_REPLAY_NOTE:
        rp->editing = 1;
        rp->playing = 0;
        rp->note[0] = '\0';
        a->scroll[0] = 1 << 28; /* the field sits at the end of the step */
        break;
    case SP_GUI_ACT_REPLAY_NOTE_SAVE:
        save_note(a);
        break;
    case SP_GUI_ACT_REPLAY_BRANCH:
        branch(a);
        break;
    case SP_GUI_ACT_REPLAY_PICK:
        rp->playing = rp->editing = 0;
        scan(a);
        rp->picking = 1;
        show(a, SP_GUI_SCREEN_PLAYS);
        break;
    default:
        return 0;
    }
    return 1;
}

/* ---- keys, typing and the clock --------------------------------------------------------- */

int sp_gui_replay_wants_text(const sp_gui_app *a)
{
    return a->replay && a->replay->editing && a->screen == SP_GUI_SCREEN_REPLAY;
}

int sp_gui_replay_text(sp_gui_app *a, const char *utf8)
{
    if (!sp_gui_replay_wants_text(a))
        return 0;
    char *note = a->replay->note;
    size_t n = strlen(note), k = strlen(utf8);
    if (n + k < sizeof a->replay->note) {
        memcpy(note + n, utf8, k + 1);
    }
    return 1;
}

/* Removes the last UTF-8 character of s. */
static void backspace(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

int sp_gui_replay_key(sp_gui_app *a, const sp_gui_list *last, sp_gui_key key, int ch)
{
    (void)last;
    if (a->overlay != SP_GUI_OV_NONE)
        return 0;
    sp_gui_replay *rp = a->replay;
    int c = key == SP_GUI_KEY_CHAR ? ch : 0;
    switch (a->screen) {
    case SP_GUI_SCREEN_MENU:
        if (c == 't') {
            sp_gui_app_action(a, SP_GUI_ACT_PLAYS, 0);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_DEBRIEF:
        if (a->debrief_of_replay) {
            if (key == SP_GUI_KEY_ESC)
                sp_gui_app_action(a, SP_GUI_ACT_REPLAY_BACK, 0);
            else if (c == 'e')
                sp_gui_app_action(a, SP_GUI_ACT_EXPORT, 0);
            return key == SP_GUI_KEY_ESC || c == 'e';
        }
        if (c == 't' || c == 'e') {
            sp_gui_app_action(a, c == 't' ? SP_GUI_ACT_REPLAY_THIS : SP_GUI_ACT_EXPORT, 0);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_PLAYS:
        if (key == SP_GUI_KEY_ESC) {
            sp_gui_app_action(a, SP_GUI_ACT_REPLAY_BACK, 0);
            return 1;
        }
        if (rp && rp->picking && c == 'x') {
            sp_gui_app_action(a, SP_GUI_ACT_COMPARE_WITH, -1);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_COMPARE:
        if (key == SP_GUI_KEY_ESC) {
            sp_gui_app_action(a, SP_GUI_ACT_REPLAY_BACK, 0);
            return 1;
        }
        if (key == SP_GUI_KEY_UP || key == SP_GUI_KEY_DOWN) {
            int line = a->page_step[0] > 0 ? a->page_step[0] / 10 + 1 : 40;
            sp_gui_app_scroll(a, key == SP_GUI_KEY_UP ? -line : line);
            return 1;
        }
        return 0;
    case SP_GUI_SCREEN_REPLAY:
        break;
    default:
        return 0;
    }
    if (!rp || !rp->r)
        return 0;
    if (rp->editing) {
        if (key == SP_GUI_KEY_ENTER)
            sp_gui_app_action(a, SP_GUI_ACT_REPLAY_NOTE_SAVE, 0);
        else if (key == SP_GUI_KEY_ESC)
            rp->editing = 0;
        else if (key == SP_GUI_KEY_BACKSPACE)
            backspace(rp->note);
        /* letters arrive as text (sp_gui_replay_text); the key itself is spent */
        return 1;
    }
    int action = -1, arg = 0;
    switch (key) {
    case SP_GUI_KEY_LEFT:  action = SP_GUI_ACT_REPLAY_PREV; break;
    case SP_GUI_KEY_RIGHT: action = SP_GUI_ACT_REPLAY_NEXT; break;
    case SP_GUI_KEY_HOME:  action = SP_GUI_ACT_REPLAY_STEP; arg = 0; break;
    case SP_GUI_KEY_END:   action = SP_GUI_ACT_REPLAY_STEP; arg = rp->r->n_steps - 1; break;
    case SP_GUI_KEY_ESC:   action = SP_GUI_ACT_REPLAY_BACK; break;
    case SP_GUI_KEY_UP:
    case SP_GUI_KEY_DOWN: {
        int line = a->page_step[0] > 0 ? a->page_step[0] / 10 + 1 : 40;
        sp_gui_app_scroll(a, key == SP_GUI_KEY_UP ? -line : line);
        return 1;
    }
    case SP_GUI_KEY_CHAR:
        action = c == ' ' ? SP_GUI_ACT_REPLAY_AUTO : c == 's' ? SP_GUI_ACT_REPLAY_SPEED
               : c == 'n' ? SP_GUI_ACT_REPLAY_NOTE : c == 'b' ? SP_GUI_ACT_REPLAY_BRANCH
               : c == 'v' ? SP_GUI_ACT_REPLAY_PICK : c == 'x' ? SP_GUI_ACT_COMPARE_WITH
               : c == 'e' ? SP_GUI_ACT_EXPORT : c == 'd' ? SP_GUI_ACT_REPLAY_DEBRIEF : -1;
        arg = c == 'x' || c == 'd' ? -1 : 0;
        break;
    default:
        return 0;
    }
    if (action < 0)
        return 0;
    sp_gui_app_action(a, action, arg);
    return 1;
}

int sp_gui_replay_timeout(const sp_gui_app *a, uint32_t now_ms)
{
    const sp_gui_replay *rp = a->replay;
    if (!rp || !rp->playing || !rp->r || a->screen != SP_GUI_SCREEN_REPLAY)
        return -1;
    if (!rp->timed)
        return 0;
    int32_t left = (int32_t)(rp->due - now_ms);
    return left > 0 ? left : 0;
}

int sp_gui_replay_tick(sp_gui_app *a, uint32_t now_ms)
{
    sp_gui_replay *rp = a->replay;
    if (sp_gui_replay_timeout(a, now_ms) != 0)
        return 0;
    if (!rp->timed) {
        /* The first tick after play or a speed change starts the clock. */
        rp->timed = 1;
        rp->due = now_ms + (uint32_t)sp_gui_replay_interval[rp->speed];
        return 0;
    }
    go(rp, rp->step + 1);
    a->scroll[0] = 0;
    rp->due = now_ms + (uint32_t)sp_gui_replay_interval[rp->speed];
    if (rp->step == rp->r->n_steps - 1)
        rp->playing = 0;
    return 1;
}
