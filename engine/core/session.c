/* session.c: one play of a scenario as a state machine derived from its step log (view, choose, flag, undo in time independent of the play's length). */
#include "session.h"
#include "alloc.h"
#include "cond.h"
#include "model_internal.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * Invariants
 *
 * - log[0..n_log) is the raw log, undos included; hist[0..n_hist) is the
 *   effective history (the log with undone steps and the undos removed).
 *   hvars holds, for every history step, the variables as they were when
 *   the step was taken (n_vars ints per step), and hpath the length of the
 *   path then, so the options offered then can be recomputed, and an undo
 *   can go back, without replaying.
 * - Everything else (vars, path, shown lines, cur, n_choices) is a pure
 *   function of start_vars and hist: the state after a history is the state
 *   right after its last choice (flags change none of it). Undo restores
 *   that: the variables and path length from before that choice (hvars,
 *   hpath) and the choice made again, which re-enters only its own stretch;
 *   with no choice left, reset(). The cost is one stretch's nodes and one
 *   turn's flags, never the length of the play; test_session checks the
 *   result against a fresh play of the shortened history.
 * - path[0..n_path) are the nodes entered on the effective path, in order,
 *   goto nodes and the final ending included. The graph is acyclic (the
 *   loader checks it), so a path never exceeds n_nodes and the buffer is
 *   sized once in sp_session_new. The same holds for the shown lines (at most
 *   every line of every node) and the view arrays, so the only buffers that
 *   grow after creation are the logs; they grow before anything changes, so
 *   an out-of-memory failure leaves the session as it was.
 * - path[stretch..n_path) is the current turn's stretch: the nodes entered
 *   since the previous decision, the current one included. Its red flags are
 *   the flags present now; shown[] holds its visible lines.
 *
 * Choices made here, beyond the header:
 * - A line's condition is evaluated on arrival at its node, before that
 *   node's own set/add effects (lines come first in the file, too).
 * - If no goto condition holds (the loader forbids it: the last goto has no
 *   condition) the last goto is taken.
 * - Feedback is valid when the latest raw step other than a flag is a
 *   choice: 0 at the start and right after an undo, also when flags are
 *   marked after that undo; the next choice shows its own feedback.
 * - sp_session_set_clock, while the log is empty, also re-reads the start
 *   time from the new clock, so a fixed test clock gives a fixed start time.
 *   Passing now == NULL restores time(NULL).
 */

struct sp_session {
    const sp_scenario *sc;
    sp_lang lang;
    int64_t (*now)(void *ctx);
    void *now_ctx;
    int64_t started;

    int n_vars;
    int *start_vars;
    int *vars;

    sp_step *log;
    int n_log, cap_log;
    sp_step *hist;
    int *hvars;
    int *hpath;
    int n_hist, cap_hist;

    int *path;
    int n_path;
    int stretch;
    int cur;
    int n_choices;

    int *shown_node, *shown_line;
    uint32_t *shown_mask;     /* a line's paragraphs that held on arrival */
    int n_shown;

    /* Conditional texts joined for the current state (sp_text_join), freed
     * whenever the state or the language changes. */
    struct joined { const sp_text *t; sp_lang lang; uint32_t mask; char *s; } *joined;
    int n_joined, cap_joined;

    int view_dirty;
    sp_view view;
    sp_view_line *vlines;
    sp_view_option *vopts;
};

/* ---- helpers ------------------------------------------------------------ */

static int clamp_var(const sp_var *v, int value)
{
    if (value < v->min)
        return v->min;
    if (value > v->max)
        return v->max;
    return value;
}

static int64_t clock_now(const sp_session *s)
{
    return s->now ? s->now(s->now_ctx) : (int64_t)time(NULL);
}

static const sp_node *cur_node(const sp_session *s)
{
    return &s->sc->nodes[s->cur];
}

static int is_turn_node(const sp_node *n)
{
    return n->kind == SP_NODE_DECISION || n->kind == SP_NODE_THOUGHT;
}

/* ---- conditional texts -------------------------------------------------- */

/* Drops the joined texts: called wherever view_dirty is set, because that
 * is where the view's (and sp_session_text's) pointers stop being valid. */
static void drop_texts(sp_session *s)
{
    for (int i = 0; i < s->n_joined; i++)
        sp_free(s->joined[i].s);
    s->n_joined = 0;
}

/* t in lang with the paragraphs of mask; plain texts point into the model.
 * Out of memory: the whole text (sp_text_get), never NULL. */
static const char *text_with(sp_session *s, const sp_text *t, sp_lang lang, uint32_t mask)
{
    if (!t || t->n_paras == 0)
        return sp_text_get(t, lang);
    for (int i = 0; i < s->n_joined; i++)
        if (s->joined[i].t == t && s->joined[i].lang == lang && s->joined[i].mask == mask)
            return s->joined[i].s;
    if (s->n_joined == s->cap_joined) {
        int cap = s->cap_joined ? s->cap_joined * 2 : 16;
        struct joined *j = sp_realloc(s->joined, sizeof *j * (size_t)cap);
        if (!j)
            return sp_text_get(t, lang);
        s->joined = j;
        s->cap_joined = cap;
    }
    char *r = sp_text_join(t, lang, mask);
    if (!r)
        return sp_text_get(t, lang);
    s->joined[s->n_joined++] = (struct joined){ t, lang, mask, r };
    return r;
}

/* The joined texts are a cache: the session's state does not change, so
 * the text functions take a const session. */
const char *sp_session_text(const sp_session *cs, const sp_text *t, sp_lang lang)
{
    sp_session *s = (sp_session *)cs;
    return text_with(s, t, lang, sp_text_mask(t, s->vars));
}

const char *sp_session_text_at(const sp_session *cs, int choice, const sp_text *t, sp_lang lang)
{
    sp_session *s = (sp_session *)cs;
    int k = 0;
    for (int h = 0; h < s->n_hist; h++) {
        if (s->hist[h].kind != SP_STEP_CHOOSE)
            continue;
        if (k++ == choice)
            return text_with(s, t, lang, sp_text_mask(t, s->hvars + (size_t)h * (size_t)s->n_vars));
    }
    return sp_session_text(s, t, lang);
}

/* ---- entering nodes and replaying --------------------------------------- */

/* Enters node and follows gotos until a decision, thought or ending. */
static void enter(sp_session *s, int node)
{
    const sp_scenario *sc = s->sc;
    for (;;) {
        SP_EXPECT(s->n_path < sc->n_nodes); /* acyclic, checked by the loader */
        const sp_node *n = &sc->nodes[node];
        s->path[s->n_path++] = node;
        for (int i = 0; i < n->n_lines; i++) {
            if (sp_cond_eval(n->lines[i].cond, s->vars)) {
                s->shown_node[s->n_shown] = node;
                s->shown_line[s->n_shown] = i;
                s->shown_mask[s->n_shown] = sp_text_mask(&n->lines[i].text, s->vars);
                s->n_shown++;
            }
        }
        sp_effects_apply(s->sc, s->vars, n->effects, n->n_effects);
        if (n->kind != SP_NODE_GOTO) {
            s->cur = node;
            return;
        }
        SP_EXPECT(n->n_gotos > 0);
        node = sp_node_goto(n, s->vars);
    }
}

static void reset(sp_session *s)
{
    memcpy(s->vars, s->start_vars, sizeof(int) * (size_t)s->n_vars);
    s->n_path = 0;
    s->stretch = 0;
    s->n_shown = 0;
    s->n_choices = 0;
    enter(s, s->sc->start);
    s->view_dirty = 1;
    drop_texts(s);
}

static void do_choose(sp_session *s, int option)
{
    const sp_option *o = &cur_node(s)->options[option];
    sp_effects_apply(s->sc, s->vars, o->effects, o->n_effects);
    s->n_choices++;
    s->stretch = s->n_path;
    s->n_shown = 0;
    enter(s, o->target);
    s->view_dirty = 1;
    drop_texts(s);
}

/* Back to the state after hist[0..n_hist): the state right after its last
 * choice, made again from the variables and path length it was made with. */
static void restore_after_hist(sp_session *s)
{
    int h = s->n_hist - 1;
    while (h >= 0 && s->hist[h].kind != SP_STEP_CHOOSE)
        h--;
    if (h < 0) {
        reset(s);
        return;
    }
    memcpy(s->vars, s->hvars + (size_t)h * (size_t)s->n_vars, sizeof(int) * (size_t)s->n_vars);
    s->n_path = s->hpath[h];
    s->n_choices = s->hist[h].turn - 1;
    s->cur = s->hist[h].node;
    do_choose(s, s->hist[h].option);
}

/* Makes room for one more raw step and one more history step. */
static int reserve_step(sp_session *s)
{
    if (s->n_log == s->cap_log) {
        int cap = s->cap_log ? s->cap_log * 2 : 16;
        sp_step *l = sp_realloc(s->log, sizeof(sp_step) * (size_t)cap);
        if (!l)
            return 0;
        s->log = l;
        s->cap_log = cap;
    }
    if (s->n_hist == s->cap_hist) {
        int cap = s->cap_hist ? s->cap_hist * 2 : 16;
        sp_step *h = sp_realloc(s->hist, sizeof(sp_step) * (size_t)cap);
        if (!h)
            return 0;
        s->hist = h;
        int *hv = sp_realloc(s->hvars, sizeof(int) * (size_t)cap * (size_t)(s->n_vars ? s->n_vars : 1));
        if (!hv)
            return 0;
        s->hvars = hv;
        int *hp = sp_realloc(s->hpath, sizeof(int) * (size_t)cap);
        if (!hp)
            return 0;
        s->hpath = hp;
        s->cap_hist = cap;
    }
    return 1;
}

static sp_step make_step(const sp_session *s, sp_step_kind kind)
{
    sp_step st;
    memset(&st, 0, sizeof st);
    st.kind = kind;
    st.turn = s->n_choices + 1;
    st.node = s->cur;
    st.option = -1;
    st.flag = -1;
    st.at = clock_now(s);
    return st;
}

/* Appends to both logs; capacity was reserved. */
static void push_step(sp_session *s, const sp_step *st)
{
    s->log[s->n_log++] = *st;
    memcpy(s->hvars + (size_t)s->n_hist * (size_t)s->n_vars, s->vars,
           sizeof(int) * (size_t)s->n_vars);
    s->hpath[s->n_hist] = s->n_path;
    s->hist[s->n_hist++] = *st;
}

/* ---- life cycle --------------------------------------------------------- */

sp_session *sp_session_new(const sp_scenario *sc, sp_lang lang)
{
    if (!sc || sc->n_nodes <= 0 || sc->start < 0 || sc->start >= sc->n_nodes)
        return NULL;
    sp_session *s = sp_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->sc = sc;
    s->lang = lang;
    s->n_vars = sc->n_vars;
    size_t nv = (size_t)(sc->n_vars ? sc->n_vars : 1);
    int total_lines = 0, max_options = 1;
    for (int i = 0; i < sc->n_nodes; i++) {
        total_lines += sc->nodes[i].n_lines;
        if (sc->nodes[i].n_options > max_options)
            max_options = sc->nodes[i].n_options;
    }
    size_t nl = (size_t)(total_lines ? total_lines : 1);
    s->start_vars = sp_calloc(nv, sizeof(int));
    s->vars = sp_calloc(nv, sizeof(int));
    s->path = sp_calloc((size_t)sc->n_nodes, sizeof(int));
    s->shown_node = sp_calloc(nl, sizeof(int));
    s->shown_line = sp_calloc(nl, sizeof(int));
    s->shown_mask = sp_calloc(nl, sizeof(uint32_t));
    s->vlines = sp_calloc(nl, sizeof(sp_view_line));
    s->vopts = sp_calloc((size_t)max_options, sizeof(sp_view_option));
    if (!s->start_vars || !s->vars || !s->path || !s->shown_node || !s->shown_line || !s->shown_mask ||
        !s->vlines || !s->vopts) {
        sp_session_free(s);
        return NULL;
    }
    for (int i = 0; i < sc->n_vars; i++)
        s->start_vars[i] = clamp_var(&sc->vars[i], sc->vars[i].init);
    s->started = clock_now(s);
    reset(s);
    return s;
}

void sp_session_free(sp_session *s)
{
    if (!s)
        return;
    drop_texts(s);
    SP_FREE_BLOCKS(s->start_vars, s->vars, s->log, s->hist, s->hvars, s->hpath, s->path, s->shown_node,
                   s->shown_line, s->shown_mask, s->joined, s->vlines, s->vopts, s);
}

sp_status sp_session_set_var(sp_session *s, const char *name, int value)
{
    if (s->n_log > 0)
        return SP_EUSAGE;
    int i = sp_scenario_var(s->sc, name);
    if (i < 0)
        return SP_EINVAL;
    s->start_vars[i] = clamp_var(&s->sc->vars[i], value);
    reset(s);
    return SP_OK;
}

void sp_session_set_lang(sp_session *s, sp_lang lang)
{
    s->lang = lang;
    s->view_dirty = 1;
    drop_texts(s);
}

sp_lang sp_session_lang(const sp_session *s)
{
    return s->lang;
}

void sp_session_set_clock(sp_session *s, int64_t (*now)(void *ctx), void *ctx)
{
    s->now = now;
    s->now_ctx = ctx;
    if (s->n_log == 0)
        s->started = clock_now(s);
}

/* ---- the view ----------------------------------------------------------- */

static int offered_with(const sp_node *n, const int *vars, int *opts, int max)
{
    int k = 0;
    for (int i = 0; i < n->n_options; i++) {
        if (sp_cond_eval(n->options[i].cond, vars)) {
            if (k < max)
                opts[k] = i;
            k++;
        }
    }
    return k;
}

static int best_total_with(const sp_node *n, const int *vars)
{
    int best = 0, any = 0;
    for (int i = 0; i < n->n_options; i++) {
        if (!sp_cond_eval(n->options[i].cond, vars))
            continue;
        int t = sp_option_total(&n->options[i]);
        if (!any || t > best)
            best = t;
        any = 1;
    }
    return best;
}

static void build_feedback(sp_session *s, sp_feedback *fb)
{
    memset(fb, 0, sizeof *fb);
    fb->node = fb->option = -1;
    fb->said = fb->text = fb->ref = "";
    int i = s->n_log - 1;
    while (i >= 0 && s->log[i].kind == SP_STEP_FLAG)
        i--;
    if (i < 0 || s->log[i].kind != SP_STEP_CHOOSE)
        return;
    int h = s->n_hist - 1;
    while (h >= 0 && s->hist[h].kind != SP_STEP_CHOOSE)
        h--;
    SP_EXPECT(h >= 0);
    const sp_step *st = &s->hist[h];
    const sp_node *n = &s->sc->nodes[st->node];
    const sp_option *o = &n->options[st->option];
    fb->valid = 1;
    fb->node = st->node;
    fb->option = st->option;
    fb->turn = st->turn;
    fb->said = sp_text_get(&o->text, s->lang);
    const int *then = s->hvars + (size_t)h * (size_t)s->n_vars;
    fb->text = text_with(s, &o->feedback, s->lang, sp_text_mask(&o->feedback, then));
    fb->ref = sp_text_get(&o->ref_label, s->lang);
    fb->total = sp_option_total(o);
    fb->best_total = best_total_with(n, then);
}

const sp_view *sp_session_view(sp_session *s)
{
    if (!s->view_dirty)
        return &s->view;
    const sp_scenario *sc = s->sc;
    const sp_node *n = cur_node(s);
    sp_view *v = &s->view;
    memset(v, 0, sizeof *v);
    v->kind = n->kind == SP_NODE_THOUGHT ? SP_VIEW_THOUGHT
            : n->kind == SP_NODE_ENDING ? SP_VIEW_ENDING : SP_VIEW_DECISION;
    v->node = s->cur;
    v->turn = s->n_choices + 1;
    for (int i = 0; i < s->n_shown; i++) {
        const sp_line *l = &sc->nodes[s->shown_node[i]].lines[s->shown_line[i]];
        sp_view_line *vl = &s->vlines[i];
        vl->node = s->shown_node[i];
        vl->speaker = l->speaker;
        vl->mood = l->mood;
        vl->speaker_name = l->speaker >= 0 ? sp_text_get(&sc->cast[l->speaker].name, s->lang) : "";
        vl->text = text_with(s, &l->text, s->lang, s->shown_mask[i]);
    }
    v->lines = s->vlines;
    v->n_lines = s->n_shown;
    v->prompt = sp_session_text(s, &n->prompt, s->lang);
    v->discuss = sp_session_text(s, &n->discuss, s->lang);
    v->options = s->vopts;
    v->n_options = 0;
    if (is_turn_node(n)) {
        for (int i = 0; i < n->n_options; i++) {
            const sp_option *o = &n->options[i];
            if (!sp_cond_eval(o->cond, s->vars))
                continue;
            sp_view_option *vo = &s->vopts[v->n_options++];
            vo->option = i;
            vo->id = o->id;
            vo->text = sp_text_get(&o->text, s->lang);
        }
    }
    build_feedback(s, &v->feedback);
    v->ending_id = v->ending_title = v->evaluation = "";
    if (n->kind == SP_NODE_ENDING) {
        v->ending_id = n->ending_id ? n->ending_id : "";
        v->ending_title = sp_text_get(&n->ending_title, s->lang);
        v->evaluation = sp_session_text(s, &n->evaluation, s->lang);
        v->ending_kind = n->ending_kind;
    }
    s->view_dirty = 0;
    return v;
}

/* ---- steps -------------------------------------------------------------- */

sp_status sp_session_choose(sp_session *s, int option)
{
    const sp_node *n = cur_node(s);
    if (!is_turn_node(n) || option < 0 || option >= n->n_options ||
        !sp_cond_eval(n->options[option].cond, s->vars))
        return SP_EUSAGE;
    if (!reserve_step(s))
        return SP_ENOMEM;
    sp_step st = make_step(s, SP_STEP_CHOOSE);
    st.option = option;
    push_step(s, &st);
    do_choose(s, option);
    return SP_OK;
}

/* The red-flag window (session.h): the node of the view of turn `turn` or
 * of the one before it where flag is present (the latest first), or -1;
 * fh, when given, receives that node's flag entry. */
static int flag_in_window(const sp_session *s, int flag, int turn, const sp_flag_here **fh)
{
    int found = -1, t = 1;
    for (int p = 0; p < s->n_path && t <= turn; p++) {
        const sp_node *n = &s->sc->nodes[s->path[p]];
        if (t > turn - SP_FLAG_WINDOW)
            for (int i = 0; i < n->n_flags; i++)
                if (n->flags[i].flag == flag) {
                    found = s->path[p];
                    if (fh)
                        *fh = &n->flags[i];
                }
        if (is_turn_node(n))
            t++;
    }
    return found;
}

int sp_session_flag_node(const sp_session *s, int flag, int turn)
{
    return flag_in_window(s, flag, turn, NULL);
}

/* The defensible cases of sp_session_flag_verdict() outside the window: the
 * latest node before the window that lists flag (*fh its entry), else the
 * latest decision in the window with an option whose feedback names it; -1. */
static int flag_defensible(const sp_session *s, int flag, int turn, const sp_flag_here **fh)
{
    int earlier = -1, named = -1, t = 1;
    for (int p = 0; p < s->n_path && t <= turn; p++) {
        const sp_node *n = &s->sc->nodes[s->path[p]];
        if (t <= turn - SP_FLAG_WINDOW) {
            for (int i = 0; i < n->n_flags; i++)
                if (n->flags[i].flag == flag) {
                    earlier = s->path[p];
                    *fh = &n->flags[i];
                }
        } else {
            for (int i = 0; i < n->n_options; i++)
                if (n->options[i].ref_kind == SP_REF_REDFLAG && n->options[i].ref_index == flag)
                    named = s->path[p];
        }
        if (is_turn_node(n))
            t++;
    }
    return earlier >= 0 ? earlier : named;
}

/* sp_session_flag_verdict() with the flag entry behind it (*fh, NULL none). */
static sp_flag_verdict flag_verdict(const sp_session *s, int flag, int turn, int *node, const sp_flag_here **fh)
{
    *fh = NULL;
    int at = flag_in_window(s, flag, turn, fh);
    sp_flag_verdict v = SP_FLAG_PRESENT;
    if (at < 0) {
        at = flag_defensible(s, flag, turn, fh);
        v = at >= 0 ? SP_FLAG_NOT_INTENDED : SP_FLAG_FALSE_ALARM;
    }
    if (node)
        *node = at;
    return v;
}

sp_flag_verdict sp_session_flag_verdict(const sp_session *s, int flag, int turn, int *node)
{
    const sp_flag_here *fh;
    return flag_verdict(s, flag, turn, node, &fh);
}

sp_status sp_session_flag(sp_session *s, int flag, sp_flag_result *res)
{
    const sp_handbook *hb = s->sc->handbook;
    if (sp_session_finished(s) || !hb || flag < 0 || flag >= hb->n_redflags)
        return SP_EUSAGE;
    int turn = s->n_choices + 1;
    for (int i = s->n_hist - 1; i >= 0 && s->hist[i].turn == turn; i--)
        if (s->hist[i].kind == SP_STEP_FLAG && s->hist[i].flag == flag)
            return SP_EUSAGE;
    if (!reserve_step(s))
        return SP_ENOMEM;
    sp_step st = make_step(s, SP_STEP_FLAG);
    st.flag = flag;
    push_step(s, &st);
    if (res) {
        const sp_flag_here *fh;
        res->verdict = flag_verdict(s, flag, turn, NULL, &fh);
        res->recognised = res->verdict == SP_FLAG_PRESENT;
        res->why = fh ? sp_text_get(&fh->why, s->lang) : "";
        if (!res->why[0])
            res->why = sp_text_get(&hb->redflags[flag].explain, s->lang);
    }
    return SP_OK;
}

sp_status sp_session_undo(sp_session *s)
{
    if (s->n_hist == 0)
        return SP_EUSAGE;
    if (!reserve_step(s))
        return SP_ENOMEM;
    sp_step st = make_step(s, SP_STEP_UNDO);
    s->log[s->n_log++] = st;
    s->n_hist--;
    if (s->hist[s->n_hist].kind == SP_STEP_CHOOSE) {
        restore_after_hist(s);
    } else { /* a flag: the state stays; the view's feedback follows the log */
        s->view_dirty = 1;
        drop_texts(s);
    }
    return SP_OK;
}

/* ---- queries ------------------------------------------------------------ */

int sp_session_finished(const sp_session *s)
{
    return cur_node(s)->kind == SP_NODE_ENDING;
}

int sp_session_ends_trajectory(const sp_session *s)
{
    return sp_session_finished(s) && cur_node(s)->trajectory_stop;
}

int sp_session_turn(const sp_session *s)
{
    return s->n_choices + 1;
}

const sp_scenario *sp_session_scenario(const sp_session *s)
{
    return s->sc;
}

const int *sp_session_vars(const sp_session *s)
{
    return s->vars;
}

const int *sp_session_start_vars(const sp_session *s)
{
    return s->start_vars;
}

int64_t sp_session_started_at(const sp_session *s)
{
    return s->started;
}

int sp_session_log_count(const sp_session *s)
{
    return s->n_log;
}

const sp_step *sp_session_log(const sp_session *s, int i)
{
    return i >= 0 && i < s->n_log ? &s->log[i] : NULL;
}

int sp_session_history_count(const sp_session *s)
{
    return s->n_hist;
}

const sp_step *sp_session_history(const sp_session *s, int i)
{
    return i >= 0 && i < s->n_hist ? &s->hist[i] : NULL;
}

int sp_session_path_count(const sp_session *s)
{
    return s->n_path;
}

int sp_session_path(const sp_session *s, int i)
{
    return i >= 0 && i < s->n_path ? s->path[i] : -1;
}

int sp_session_offered_at(const sp_session *s, int i, int *opts, int max)
{
    if (i < 0 || i >= s->n_hist || s->hist[i].kind != SP_STEP_CHOOSE)
        return 0;
    const sp_node *n = &s->sc->nodes[s->hist[i].node];
    return offered_with(n, s->hvars + (size_t)i * (size_t)s->n_vars, opts, max);
}
