/* model.h: the in-memory form of the handbook and of a scenario (read-only data for hosts). */
#ifndef SP_MODEL_H
#define SP_MODEL_H

/*
 * The loaders (handbook.c, scenario.c) turn XML into these structs and free
 * the libxml2 tree straight away. Everything here lives in one arena owned by
 * the sp_handbook or sp_scenario and is released by sp_handbook_free() /
 * sp_scenario_free(). Hosts and the session read these structs; nothing
 * writes to them after loading.
 *
 * Cross references are indices, never pointers: option->target is an index
 * into scenario->nodes, intervention ids into handbook->interventions, and so
 * on. -1 means "none". Indices are checked at load time, so a loaded model
 * never holds a dangling index.
 */

#include <stddef.h>
#include <stdint.h>

/* ---- languages ---------------------------------------------------------- */

typedef enum { SP_LANG_NL = 0, SP_LANG_EN = 1, SP_LANG_COUNT } sp_lang;

struct sp_cond;

/* One paragraph of a conditional text (<p if="..."> in the file). */
typedef struct sp_para {
    const struct sp_cond *cond; /* NULL: always shown */
    const char *s[SP_LANG_COUNT]; /* Dutch never NULL; others may be NULL */
} sp_para;

#define SP_MAX_PARAS 32           /* <p> elements in one text */

/* A text in every language the file provides. s[SP_LANG_NL] is never NULL
 * for a required text; other languages may be NULL (sp_text_get falls back
 * to Dutch).
 *
 * A conditional text (n_paras > 0) is a list of paragraphs, each shown only
 * when its condition holds at display time. Then s[] holds the whole text,
 * every paragraph joined by "\n" (what `check` counts and searches);
 * s[lang] is NULL unless every paragraph has that language. Hosts show
 * what the session resolved (sp_view, sp_session_text), never s[] of a
 * conditional text. */
typedef struct sp_text {
    const char *s[SP_LANG_COUNT];
    const sp_para *paras;
    int n_paras;
} sp_text;

const char *sp_text_get(const sp_text *t, sp_lang lang); /* never NULL: "" */

/* Which paragraphs of t hold under vars: bit i for paras[i] (all bits of a
 * plain text: it has one, always shown). */
uint32_t sp_text_mask(const sp_text *t, const int *vars);
/* The paragraphs of mask in lang (each falling back to Dutch), joined by
 * "\n", in malloc'd memory (NULL when out of memory). A plain text: a copy
 * of sp_text_get. */
char *sp_text_join(const sp_text *t, sp_lang lang, uint32_t mask);
sp_lang sp_lang_from_code(const char *code);              /* "nl"/"en"; else NL */
const char *sp_lang_code(sp_lang lang);

/* ---- the handbook ------------------------------------------------------- */

typedef enum {
    SP_PHASE_INTAKE = 0,
    SP_PHASE_UITVOERING = 1,
    SP_PHASE_TERUGGEVEN = 2,
    SP_PHASE_COUNT
} sp_phase;

const char *sp_phase_code(sp_phase p);        /* "intake", "uitvoering", "teruggeven" */
int sp_phase_from_code(const char *code);     /* -1 when unknown */

typedef struct sp_intervention {
    const char *id;     /* stable, e.g. "int.kennismaken" */
    sp_phase phase;
    sp_text label;      /* short, e.g. "Kennismaken" */
    sp_text explain;    /* our own words */
    const char *source; /* where in the handbook, e.g. "H3, Interventies in de intakefase" */
} sp_intervention;

typedef struct sp_redflag {
    const char *id;     /* e.g. "rf.og-geen-tijd" */
    sp_text label;
    sp_text gloss;      /* one line on what the label means; may be empty */
    sp_text explain;
    const char *source;
} sp_redflag;

/* A hindering thought and its reframe form one pair. */
typedef struct sp_thought {
    const char *id;     /* e.g. "th.falen" */
    sp_text hindering;
    sp_text helpful;
    sp_text explain;
    const char *source;
} sp_thought;

typedef struct sp_goal {
    const char *id;     /* e.g. "relatie" */
    sp_text label;
    sp_text explain;
} sp_goal;

typedef struct sp_handbook {
    const char *path;
    sp_text title;
    const sp_intervention *interventions;
    int n_interventions;
    const sp_redflag *redflags;
    int n_redflags;
    const sp_thought *thoughts;
    int n_thoughts;
    const sp_goal *goals;
    int n_goals;
    struct sp_arena *arena; /* owns all of the above */
} sp_handbook;

/* Lookups by id; -1 when unknown. */
int sp_handbook_intervention(const sp_handbook *hb, const char *id);
int sp_handbook_redflag(const sp_handbook *hb, const char *id);
int sp_handbook_thought(const sp_handbook *hb, const char *id);
int sp_handbook_goal(const sp_handbook *hb, const char *id);

/* A reference into the handbook (feedback/@ref): an intervention, red flag,
 * thought pair or learning goal by id. SP_REF_TEXT: free text of an older
 * file, shown as written. */
typedef enum {
    SP_REF_NONE = 0, SP_REF_TEXT, SP_REF_INTERVENTION, SP_REF_REDFLAG, SP_REF_THOUGHT, SP_REF_GOAL
} sp_ref_kind;

/* The element with this id: its kind and index (*index), or SP_REF_NONE
 * (handbook_ref.c). */
sp_ref_kind sp_handbook_ref_find(const sp_handbook *hb, const char *id, int *index);
/* The one style every host shows a reference in, in lang: "Handboek H3 ·
 * Doorvragen" / "Handbook ch. 3 · Probing" (the chapter from the kind:
 * thoughts 1, red flags 2, interventions 3), "Leerdoel · Relatie" /
 * "Learning goal · Relationship". Writes at most len bytes (NUL included);
 * returns what it needed, like snprintf, or -1 for SP_REF_NONE/TEXT. */
int sp_handbook_ref_format(const sp_handbook *hb, sp_ref_kind kind, int index, sp_lang lang,
                           char *buf, size_t len);

/* ---- conditions and effects -------------------------------------------- */

/* A compiled condition ("vertrouwen >= 40 and jansen_gezien"), see cond.h.
 * NULL means "always true". */
typedef struct sp_cond sp_cond; /* struct sp_cond is declared above */

typedef enum { SP_EFFECT_SET, SP_EFFECT_ADD } sp_effect_op;

typedef struct sp_effect {
    int var;            /* index into scenario->vars */
    sp_effect_op op;
    int value;
} sp_effect;

typedef struct sp_var {
    const char *name;
    int init, min, max; /* values are clamped to [min, max] */
    int carry;          /* 1: in a trajectory, taken over from the previous case */
    sp_text label;      /* optional description, may be empty */
} sp_var;

/* ---- a scenario ---------------------------------------------------------- */

typedef enum {
    SP_ROLE_OG,              /* opdrachtgever */
    SP_ROLE_GOG,             /* gedelegeerd opdrachtgever */
    SP_ROLE_BUSINESSMANAGER,
    SP_ROLE_COLLEAGUE,
    SP_ROLE_SELF,            /* the learner */
    SP_ROLE_OTHER
} sp_role;

/* How a speaker looks as they say a line (a portrait's expression). */
typedef enum {
    SP_MOOD_NEUTRAL = 0,
    SP_MOOD_OPEN,            /* pleased, opening up */
    SP_MOOD_GUARDED,         /* guarded, closing up */
    SP_MOOD_TIRED,           /* tired or irritated */
    SP_MOOD_COUNT
} sp_mood;

/* "neutral", "open", "guarded", "tired": the file name of a portrait's
 * expression; sp_mood_parse of anything else (or NULL) is neutral. */
sp_mood sp_mood_parse(const char *s);
const char *sp_mood_name(sp_mood m);
/* A short stage direction for the terminal ("zucht", "sighs"); "" for neutral. */
const char *sp_mood_stage(sp_mood m, sp_lang lang);

typedef struct sp_person {
    const char *id;          /* "jansen" */
    sp_role role;
    sp_text name;            /* "Mevrouw Jansen" */
    sp_text function;        /* "directeur directie X", may be empty */
    const char *initials;    /* "MJ" */
    uint32_t color;          /* 0xRRGGBB, for portraits */
    const char *portrait;    /* assets/portraits/<portrait>/, NULL: initials only */
} sp_person;

typedef struct sp_line {
    int speaker;             /* index into cast; -1 for narration */
    sp_text text;
    const sp_cond *cond;     /* shown only when true */
    sp_mood mood;            /* the speaker's expression (mood="..."), neutral when not given */
    int line;                /* source line */
} sp_line;

typedef struct sp_flag_here {
    int flag;                /* index into handbook->redflags */
    sp_text why;             /* why the flag is present here */
} sp_flag_here;

typedef struct sp_score {
    int goal;                /* index into handbook->goals */
    int delta;
} sp_score;

typedef enum { SP_SIDE_NONE = 0, SP_SIDE_HINDERING, SP_SIDE_HELPFUL } sp_side;

typedef struct sp_option {
    /* (Fields ordered so that no padding falls between them: a large case
     * holds tens of thousands of options.) */
    const char *id;
    int line;                /* source line */
    int target;              /* node index */
    sp_text text;            /* what the learner says, or thinks */
    const sp_cond *cond;     /* offered only when true */
    const int *interventions;/* handbook indices */
    int n_interventions;
    int thought;             /* handbook thought index, -1 none */
    const sp_score *scores;
    int n_scores;
    sp_side side;            /* which half of the pair this option expresses */
    const sp_effect *effects;
    int n_effects;
    sp_ref_kind ref_kind;    /* what feedback/@ref names; SP_REF_NONE when there is none */
    sp_text feedback;        /* why this is (un)wise */
    const char *ref;         /* feedback/@ref as written: a handbook id, "" none */
    int ref_index;           /* index into the handbook's list of that kind */
    sp_text ref_label;       /* shown: "Handboek H3 · Doorvragen"; empty when none */
} sp_option;

typedef struct sp_goto {
    int target;              /* node index */
    const sp_cond *cond;     /* first true goto wins; the last has none */
} sp_goto;

typedef enum {
    SP_NODE_GOTO,            /* lines, then straight on to another node */
    SP_NODE_DECISION,        /* the learner chooses what to say */
    SP_NODE_THOUGHT,         /* the learner chooses what to think */
    SP_NODE_ENDING
} sp_node_kind;

typedef enum { SP_ENDING_GOOD, SP_ENDING_MIXED, SP_ENDING_POOR } sp_ending_kind;

typedef struct sp_node {
    /* (Fields ordered so that no padding falls between them.) */
    const char *id;
    int line;                /* source line */
    sp_node_kind kind;
    const sp_line *lines;
    const sp_flag_here *flags; /* red flags present at this node */
    const sp_effect *effects;  /* applied on entering the node */
    int n_lines;
    int n_flags;
    int n_effects;
    /* SP_NODE_GOTO */
    int n_gotos;
    const sp_goto *gotos;
    /* SP_NODE_DECISION / SP_NODE_THOUGHT */
    sp_text prompt;          /* may be empty */
    sp_text discuss;         /* discussion prompt for group play, may be empty */
    const sp_option *options;
    int n_options;
    int room;                /* 1: one of the room's moments in group play (room="yes") */
    /* SP_NODE_ENDING */
    const char *ending_id;
    sp_ending_kind ending_kind;
    int trajectory_stop;     /* 1: a trajectory ends after this ending (trajectory="stop") */
    sp_text ending_title;
    sp_text evaluation;
} sp_node;

typedef struct sp_briefing {
    sp_text you;             /* who you are */
    sp_text meet;            /* whom you meet */
    sp_text situation;
    sp_text aim;
} sp_briefing;

typedef struct sp_scenario {
    const char *path;
    const char *id;          /* "intake" */
    sp_phase phase;
    const char *version;     /* the file's own version string */
    uint64_t hash;           /* FNV-1a 64 of the file's bytes */
    sp_text title;
    sp_text summary;         /* one or two sentences for the menu */
    sp_briefing briefing;
    sp_text reflection;      /* closing question for the debrief, may be empty */
    sp_text handout;         /* a one-page sheet for the debrief, may be empty */
    const sp_person *cast;
    int n_cast;
    const sp_var *vars;
    int n_vars;
    const sp_node *nodes;
    int n_nodes;
    int start;               /* node index */
    const sp_handbook *handbook; /* borrowed; must outlive the scenario */
    struct sp_arena *arena;
} sp_scenario;

int sp_scenario_node(const sp_scenario *sc, const char *id); /* -1 when unknown */
int sp_scenario_var(const sp_scenario *sc, const char *name);
int sp_scenario_person(const sp_scenario *sc, const char *id);

/* Sum of an option's score deltas over all goals. */
int sp_option_total(const sp_option *o);

#endif
