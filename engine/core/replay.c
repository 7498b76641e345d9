/* replay.c: lays a transcript out decision by decision (lines, options, scores, flags, votes), branches from it, lists past plays. */
#include "replay.h"
#include "translate.h"
#include "alloc.h"
#include "debrief.h"
#include "analysis.h"
#include "arena.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/*
 * Raw steps and effective steps. The transcript holds the raw log (undos
 * included); the session's history is the log with undone steps removed.
 * An undo takes back the latest effective step, so running the raw log
 * through a stack (push on choose/flag, pop on undo) leaves exactly the raw
 * index of every history step, in order. That index is what branching
 * (sp_transcript_replay's upto) and notes (sp_tnote.step) refer to.
 */

static int *effective_raw(const sp_transcript *t, int n_raw, int n_hist)
{
    int *stack = sp_malloc(sizeof(int) * (size_t)(n_raw ? n_raw : 1));
    if (!stack)
        return NULL;
    int top = 0;
    for (int i = 0; i < n_raw; i++) {
        if (t->steps[i].kind == SP_STEP_UNDO) {
            if (top > 0)
                top--;
        } else {
            stack[top++] = i;
        }
    }
    SP_EXPECT(top == n_hist);
    return stack;
}

static int contains(const int *v, int n, int x)
{
    for (int i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

/* The red flags present per turn (turn k+1 in out[k]), from the session's
 * path: every node entered since the previous decision, that decision
 * included; the same split the debrief makes. */
static int present_flags(sp_replay *r, int n_turns)
{
    const sp_scenario *sc = r->sc;
    int np = sp_session_path_count(r->s);
    int turn = 0;
    int *buf = sp_malloc(sizeof(int) * (size_t)(sc->handbook->n_redflags + 1));
    if (!buf)
        return 0;
    int n = 0;
    for (int i = 0; i < np && turn < n_turns; i++) {
        const sp_node *nd = &sc->nodes[sp_session_path(r->s, i)];
        for (int j = 0; j < nd->n_flags; j++)
            if (!contains(buf, n, nd->flags[j].flag))
                buf[n++] = nd->flags[j].flag;
        int ends_turn = nd->kind == SP_NODE_DECISION || nd->kind == SP_NODE_THOUGHT ||
                        i == np - 1;
        if (!ends_turn)
            continue;
        sp_replay_step *st = &r->steps[turn++];
        int *p = sp_arena_alloc(r->arena, sizeof(int) * (size_t)(n ? n : 1));
        if (!p) {
            sp_free(buf);
            return 0;
        }
        memcpy(p, buf, sizeof(int) * (size_t)n);
        st->present = p;
        st->n_present = n;
        n = 0;
    }
    sp_free(buf);
    return 1;
}

/* Copies what the view shows now into step st. */
static int capture(sp_replay *r, sp_session *s2, sp_replay_step *st)
{
    const sp_view *v = sp_session_view(s2);
    st->kind = v->kind;
    st->turn = v->turn;
    st->node = v->node;
    st->prompt = v->prompt;
    st->n_lines = v->n_lines;
    sp_view_line *l = sp_arena_alloc(r->arena, sizeof *l * (size_t)(v->n_lines ? v->n_lines : 1));
    if (!l)
        return 0;
    memcpy(l, v->lines, sizeof *l * (size_t)v->n_lines);
    st->lines = l;
    st->chosen = -1;
    st->best = -1;
    st->grade = SP_GRADE_NONE;
    if (v->kind != SP_VIEW_ENDING) {
        int *o = sp_arena_alloc(r->arena, sizeof(int) * (size_t)(v->n_options ? v->n_options : 1));
        if (!o)
            return 0;
        for (int i = 0; i < v->n_options; i++)
            o[i] = v->options[i].option;
        st->offered = o;
        st->n_offered = v->n_options;
    }
    return 1;
}

/* Totals, the best option and the grade of a step whose choice is known. */
static void grade(const sp_scenario *sc, sp_replay_step *st)
{
    const sp_node *nd = &sc->nodes[st->node];
    st->total = sp_option_total(&nd->options[st->chosen]);
    for (int i = 0; i < st->n_offered; i++) {
        int t = sp_option_total(&nd->options[st->offered[i]]);
        if (i == 0 || t > st->best_total) {
            st->best_total = t;
            st->best = st->offered[i];
        }
        if (i == 0 || t < st->worst_total)
            st->worst_total = t;
    }
    st->grade = st->total >= st->best_total ? SP_GRADE_BEST
              : st->total <= st->worst_total ? SP_GRADE_WORST : SP_GRADE_MIDDLE;
}

/* Walks the effective history through a fresh session, filling steps. */
static sp_status walk(sp_replay *r, const int *raw)
{
    const sp_scenario *sc = r->sc;
    const sp_transcript *t = r->t;
    sp_session *s2 = sp_session_new(sc, r->lang);
    if (!s2)
        return SP_ENOMEM;
    const int *start = sp_session_start_vars(r->s);
    for (int i = 0; i < sc->n_vars; i++)
        if (start[i] != sc->vars[i].init)
            sp_session_set_var(s2, sc->vars[i].name, start[i]);

    /* Flags per turn are counted first so each step's arrays are sized once. */
    int nh = sp_session_history_count(r->s);
    for (int h = 0; h < nh; h++) {
        const sp_step *hs = sp_session_history(r->s, h);
        if (hs->kind == SP_STEP_FLAG && hs->turn - 1 < r->n_steps)
            r->steps[hs->turn - 1].n_marked++;
    }
    for (int k = 0; k < r->n_steps; k++) {
        sp_replay_step *st = &r->steps[k];
        int n = st->n_marked ? st->n_marked : 1;
        st->marked = sp_arena_alloc(r->arena, sizeof(int) * (size_t)n);
        st->marked_verdict = sp_arena_alloc(r->arena, (size_t)n);
        if (!st->marked || !st->marked_verdict) {
            sp_session_free(s2);
            return SP_ENOMEM;
        }
        st->n_marked = 0;
    }

    sp_status rc = SP_OK;
    int k = 0;
    for (int h = 0; h < nh && rc == SP_OK; h++) {
        const sp_step *hs = sp_session_history(r->s, h);
        sp_replay_step *st = &r->steps[k];
        if (hs->kind == SP_STEP_FLAG) {
            sp_replay_step *ft = &r->steps[hs->turn - 1];
            int *m = (int *)ft->marked;
            unsigned char *ok = (unsigned char *)ft->marked_verdict;
            m[ft->n_marked] = hs->flag;
            ok[ft->n_marked++] = (unsigned char)sp_session_flag_verdict(r->s, hs->flag, hs->turn, NULL);
            rc = sp_session_flag(s2, hs->flag, NULL);
            continue;
        }
        if (!capture(r, s2, st)) {
            rc = SP_ENOMEM;
            break;
        }
        st->chosen = hs->option;
        grade(sc, st);
        st->log_step = raw[h];
        const sp_tstep *ts = &t->steps[raw[h]];
        if (ts->n_votes > 0) {
            int *v = sp_arena_alloc(r->arena, sizeof(int) * (size_t)ts->n_votes);
            if (!v) {
                rc = SP_ENOMEM;
                break;
            }
            memcpy(v, ts->votes, sizeof(int) * (size_t)ts->n_votes);
            st->votes = v;
            st->n_votes = ts->n_votes;
        }
        st->override = ts->override;
        r->total += st->total;
        r->best_total += st->best_total;
        rc = sp_session_choose(s2, hs->option);
        k++;
    }
    if (rc == SP_OK) {
        sp_replay_step *last = &r->steps[r->n_decisions];
        if (!capture(r, s2, last))
            rc = SP_ENOMEM;
        last->log_step = sp_session_log_count(r->s);
    }
    sp_session_free(s2);
    /* The second session follows the first one's history: a failure other
     * than memory would be a bug in the session. */
    SP_EXPECT(rc == SP_OK || rc == SP_ENOMEM);
    return rc;
}

sp_status sp_replay_build(const sp_transcript *t, const sp_scenario *sc, sp_lang lang,
                          sp_replay **out, sp_diag *d)
{
    *out = NULL;
    sp_session *s = NULL;
    sp_status rc = sp_transcript_replay(t, sc, -1, &s, d);
    if (!s)
        return rc;
    sp_session_set_lang(s, lang);
    sp_replay *r = sp_calloc(1, sizeof *r);
    if (!r || !(r->arena = sp_arena_new())) {
        sp_free(r);
        sp_session_free(s);
        return SP_ENOMEM;
    }
    r->sc = sc;
    r->t = t;
    r->lang = lang;
    r->s = s;
    r->finished = sp_session_finished(s);
    int n_raw = sp_session_log_count(s);
    if (rc == SP_EINVAL && n_raw < t->n_steps)
        r->stopped_at = n_raw + 1;
    int nh = sp_session_history_count(s);
    for (int h = 0; h < nh; h++)
        r->n_decisions += sp_session_history(s, h)->kind == SP_STEP_CHOOSE;
    r->n_steps = r->n_decisions + 1;
    r->steps = sp_arena_alloc(r->arena, sizeof *r->steps * (size_t)r->n_steps);
    int *raw = effective_raw(t, n_raw, nh);
    sp_status wr = SP_ENOMEM;
    if (r->steps && raw && present_flags(r, r->n_steps))
        wr = walk(r, raw);
    sp_free(raw);
    if (wr != SP_OK) {
        sp_diag_add(d, t->path ? t->path : "transcript", 0, SP_N_("onvoldoende geheugen om het gesprek terug te kijken"));
        sp_replay_free(r);
        return SP_ENOMEM;
    }
    *out = r;
    return rc;
}

void sp_replay_free(sp_replay *r)
{
    if (!r)
        return;
    sp_session_free(r->s);
    if (r->own_t)
        sp_transcript_free((sp_transcript *)r->t);
    sp_arena_free(r->arena);
    sp_free(r);
}

static int64_t zero_clock(void *ctx)
{
    (void)ctx;
    return 0;
}

sp_status sp_replay_expert(const sp_scenario *sc, const int *start_vars, sp_lang lang, sp_replay **out,
                           sp_diag *d)
{
    *out = NULL;
    sp_analysis *an = NULL;
    sp_status rc = sp_analysis_run_from(sc, start_vars, d, &an);
    if (rc != SP_OK) {
        sp_diag_add(d, sc->path, 0, SP_N_("de expertroute kon niet worden bepaald (%s)"),
                    sp_diag_tr(d, sp_status_words(rc)));
        return rc;
    }
    sp_session *s = sp_session_new(sc, lang);
    sp_transcript *t = sp_transcript_new();
    rc = s && t ? SP_OK : SP_ENOMEM;
    if (s)
        sp_session_set_clock(s, zero_clock, NULL);
    for (int i = 0; rc == SP_OK && start_vars && i < sc->n_vars; i++)
        if (start_vars[i] != sc->vars[i].init)
            rc = sp_session_set_var(s, sc->vars[i].name, start_vars[i]);
    for (int k = 0; rc == SP_OK && k < an->n_expert; k++) {
        const sp_view *v = sp_session_view(s);
        /* The expert path is a real play by construction; a mismatch here
         * would be a bug in the analysis or the session. */
        if (v->node != an->expert_nodes[k] || sp_session_choose(s, an->expert_options[k]) != SP_OK) {
            sp_diag_add(d, sc->path, 0, SP_N_("de expertroute is niet te spelen (bij knoop '%s')"),
                        sc->nodes[an->expert_nodes[k]].id);
            rc = SP_EINVAL;
        }
    }
    sp_analysis_free(an);
    if (rc == SP_OK && !(t->mode = sp_strdup("expert")))
        rc = SP_ENOMEM;
    if (rc == SP_OK)
        rc = sp_transcript_sync(t, s);
    sp_session_free(s);
    sp_replay *r = NULL;
    if (rc == SP_OK)
        rc = sp_replay_build(t, sc, lang, &r, d);
    if (rc != SP_OK) {
        sp_replay_free(r);
        sp_transcript_free(t);
        return rc;
    }
    r->own_t = 1;
    *out = r;
    return SP_OK;
}

/* ---- notes ---------------------------------------------------------------- */

int sp_replay_note_step(const sp_replay *r, const sp_tnote *n)
{
    if (n->step < 0)
        return -1;
    for (int i = 0; i < r->n_decisions; i++)
        if (r->steps[i].log_step >= n->step)
            return i;
    return r->n_decisions;
}

sp_status sp_replay_add_note(const sp_replay *r, sp_transcript *t, int i, const char *text)
{
    if (i < -1 || i >= r->n_steps)
        return SP_EUSAGE;
    return sp_transcript_add_note(t, i >= 0 && i < r->n_decisions ? r->steps[i].log_step : -1, text);
}

/* ---- branching ------------------------------------------------------------ */

sp_status sp_replay_branch(const sp_replay *r, int i, const char *parent_path, int64_t now,
                           sp_session **s, sp_transcript **t, sp_diag *d)
{
    *s = NULL;
    *t = NULL;
    if (i < 0 || i >= r->n_steps || (i == r->n_decisions && r->finished))
        return SP_EUSAGE;
    int upto = r->steps[i].log_step;
    sp_status rc = sp_transcript_replay(r->t, r->sc, upto, s, d);
    if (rc != SP_OK) {
        sp_session_free(*s);
        *s = NULL;
        return rc;
    }
    sp_session_set_lang(*s, r->lang);
    sp_transcript *nt = sp_transcript_new();
    rc = SP_ENOMEM;
    if (nt && (nt->mode = sp_strdup("replay-branch")) &&
        (!parent_path || (nt->parent = sp_strdup(parent_path))) &&
        (!r->t->scenario_path || (nt->scenario_path = sp_strdup(r->t->scenario_path)))) {
        nt->branch_step = upto;
        nt->started = now;
        rc = sp_transcript_sync(nt, *s);
    }
    if (rc != SP_OK) {
        sp_transcript_free(nt);
        sp_session_free(*s);
        *s = NULL;
        return rc;
    }
    *t = nt;
    return SP_OK;
}

/* ---- the history of plays ------------------------------------------------- */

static int newest_first(const void *pa, const void *pb)
{
    const sp_replay_entry *a = pa, *b = pb;
    if (a->started != b->started)
        return a->started > b->started ? -1 : 1;
    return strcmp(b->path, a->path);
}

static int is_xml_name(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".xml") == 0;
}

static void scan_one(sp_replay_entry *e, sp_replay_resolve resolve, void *ctx)
{
    sp_diag *d = sp_diag_new();
    sp_transcript *t = NULL;
    e->ending_node = -1;
    if (!d)
        return;
    sp_status rc = sp_transcript_read(e->path, &t, d);
    if (rc == SP_OK) {
        e->scenario_id = sp_strdup(t->scenario_id);
        e->started = t->started;
        e->branch = t->parent != NULL;
        e->sc = resolve(ctx, t->scenario_id);
        if (!e->sc) {
            sp_diag_add(d, e->path, 0, SP_N_("casus '%s' is niet beschikbaar"), t->scenario_id);
            rc = SP_EINVAL;
        }
    }
    sp_replay *r = NULL;
    if (rc == SP_OK) {
        sp_diag_clear(d);
        rc = sp_replay_build(t, e->sc, SP_LANG_NL, &r, d);
    }
    if (r) {
        e->finished = r->finished;
        e->ending_node = r->finished ? r->steps[r->n_decisions].node : -1;
        e->n_turns = r->n_decisions;
        e->total = r->total;
        e->best_total = r->best_total;
        sp_debrief *db = sp_debrief_build(r->s);
        if (db) {
            e->exact = db->exact;
            e->max = db->total_max;
            e->left = db->left;
            e->still = db->still;
        }
        sp_debrief_free(db);
    }
    e->ok = rc == SP_OK;
    if (!e->ok && sp_diag_count(d) > 0) {
        /* The first message that is not a warning says what went wrong. */
        int k = 0;
        while (k + 1 < sp_diag_count(d) && sp_diag_is_warning(d, k))
            k++;
        e->error = sp_strdup(sp_diag_message(d, k));
    }
    sp_replay_free(r);
    sp_transcript_free(t);
    sp_diag_free(d);
}

sp_status sp_replay_scan(const char *dir, sp_replay_resolve resolve, void *ctx,
                         sp_replay_entry **out, int *n)
{
    *out = NULL;
    *n = 0;
    DIR *dp = opendir(dir);
    if (!dp)
        return SP_OK;
    sp_replay_entry *v = NULL;
    int count = 0, cap = 0;
    sp_status rc = SP_OK;
    struct dirent *de;
    while ((de = readdir(dp)) != NULL) {
        if (!is_xml_name(de->d_name))
            continue;
        char path[PATH_MAX];
        struct stat stt;
        if (snprintf(path, sizeof path, "%s/%s", dir, de->d_name) >= (int)sizeof path ||
            stat(path, &stt) != 0 || !S_ISREG(stt.st_mode))
            continue;
        if (count == cap) {
            int nc = cap ? cap * 2 : 16;
            sp_replay_entry *nv = sp_realloc(v, sizeof *v * (size_t)nc);
            if (!nv) {
                rc = SP_ENOMEM;
                break;
            }
            v = nv;
            cap = nc;
        }
        sp_replay_entry *e = &v[count];
        memset(e, 0, sizeof *e);
        if (!(e->path = sp_strdup(path))) {
            rc = SP_ENOMEM;
            break;
        }
        count++;
        scan_one(e, resolve, ctx);
    }
    closedir(dp);
    if (rc != SP_OK) {
        sp_replay_entries_free(v, count);
        return rc;
    }
    if (count > 1)
        qsort(v, (size_t)count, sizeof *v, newest_first);
    *out = v;
    *n = count;
    return SP_OK;
}

void sp_replay_entries_free(sp_replay_entry *e, int n)
{
    for (int i = 0; e && i < n; i++) {
        sp_free(e[i].path);
        sp_free(e[i].scenario_id);
        sp_free(e[i].error);
    }
    sp_free(e);
}
