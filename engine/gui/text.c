/* text.c: finds and opens the fonts, measures text for the layout and caches rendered lines as textures. */
#include "text.h"

#include <fontconfig/fontconfig.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>

enum { FACE_REGULAR, FACE_BOLD, FACE_ITALIC, FACE_COUNT };

/* Which face and which synthesised style each role uses. */
static const int role_face[SP_UI_FONT_COUNT] = {
    [SP_UI_FONT_BODY] = FACE_REGULAR, [SP_UI_FONT_THOUGHT] = FACE_ITALIC,
    [SP_UI_FONT_BOLD] = FACE_BOLD,    [SP_UI_FONT_SMALL] = FACE_REGULAR,
    [SP_UI_FONT_H2] = FACE_BOLD,      [SP_UI_FONT_H1] = FACE_BOLD,
    [SP_UI_FONT_PORTRAIT] = FACE_BOLD,
};

/*
 * The texture cache. Every rendered line is one entry, found through a hash
 * of (role, pixel size, colour, bytes) and kept on an LRU list whose head is
 * the most recently used. Entries are only evicted in end_frame(), after the
 * frame is presented, and never one used during the current frame: a
 * texture handed out by sp_gui_text_texture() therefore stays alive until
 * the frame that drew it is on screen (the delayed free, as in lite's
 * rencache). The budget counts entries and texture bytes.
 */
typedef struct entry {
    struct entry *hnext;        /* hash chain */
    struct entry *prev, *next;  /* LRU list */
    uint32_t hash;
    int font, px, len;
    sp_ui_rgba color;
    char *s;
    SDL_Texture *tex;
    int w, h;
    unsigned frame;
} entry;

/*
 * Measuring is the layout's hot path: wrapping re-measures a growing line
 * word by word, and every frame lays the screen out anew. A direct-mapped
 * cache of widths (strings up to MEASURE_KEY bytes) answers repeats; a slot
 * is simply overwritten on a collision, and the whole cache is dropped when
 * the font sizes change.
 */
#define MEASURE_SLOTS 8192
#define MEASURE_KEY 96

typedef struct measure_slot {
    uint32_t hash;
    int16_t font, len;
    int px;                         /* the font's size when measured */
    int width;
    char s[MEASURE_KEY];
} measure_slot;

/* Fonts stay open once opened, by face and size, so that going back to a
 * size (the wall and the presenter laid out in turn, a text size tried and
 * dropped) neither reads the font file again nor loses its glyphs. The
 * least recently used one that no role uses is closed past OPEN_MAX. */
#define OPEN_MAX 24

typedef struct open_font {
    TTF_Font *font;
    int face, px;
    unsigned used;                  /* when it was last asked for */
} open_font;

#define N_BUCKETS 2048
#define CACHE_MAX_ENTRIES 3000
#define CACHE_MAX_BYTES (96u * 1024u * 1024u)

struct sp_gui_text {
    char *path[FACE_COUNT];
    void *map[FACE_COUNT];          /* the font file mapped read-only (NULL: read through stdio) */
    size_t map_len[FACE_COUNT];
    int synth[FACE_COUNT];          /* TTF_STYLE_* to synthesise on that face */
    int px[SP_UI_FONT_COUNT];
    TTF_Font *font[SP_UI_FONT_COUNT];  /* each role's, from open[] */
    open_font open[OPEN_MAX];
    int n_open;
    unsigned uses;
    entry *buckets[N_BUCKETS];
    entry *head, *tail;
    int n_entries;
    size_t bytes;
    unsigned frame;
    measure_slot *measured;         /* MEASURE_SLOTS, allocated on first use */
    int fontconfig;                 /* FcInit() was called: FcFini() on free */
};

/* ---- finding fonts ---------------------------------------------------------- */

/* The file fontconfig picks for pattern, and whether it really has the weight
 * or slant asked for (else SDL_ttf synthesises it). */
static char *fc_find(const char *pattern, int want_bold, int want_italic, int *synth)
{
    FcPattern *pat = FcNameParse((const FcChar8 *)pattern);
    if (!pat)
        return NULL;
    FcConfigSubstitute(NULL, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *match = FcFontMatch(NULL, pat, &res);
    FcPatternDestroy(pat);
    if (!match)
        return NULL;
    char *path = NULL;
    FcChar8 *file = NULL;
    if (FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch && access((char *)file, R_OK) == 0)
        path = strdup((char *)file);
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(match, FC_SLANT, 0, &slant);
    *synth = 0;
    if (want_bold && weight < FC_WEIGHT_BOLD)
        *synth |= TTF_STYLE_BOLD;
    if (want_italic && slant == FC_SLANT_ROMAN)
        *synth |= TTF_STYLE_ITALIC;
    FcPatternDestroy(match);
    return path;
}

/* Maps face f's file: FreeType then reads glyphs from memory (the file's
 * own pages, shared and not copied) instead of seeking and reading the
 * file for each. Without a map the font is read as a file. */
static void map_face(sp_gui_text *t, int f)
{
    int fd = open(t->path[f], O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return;
    if (fstat(fd, &st) == 0 && st.st_size > 0) {
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m != MAP_FAILED) {
            t->map[f] = m;
            t->map_len[f] = (size_t)st.st_size;
        }
    }
    close(fd);
}

static TTF_Font *open_file(const sp_gui_text *t, int f, int px)
{
    if (!t->map[f])
        return TTF_OpenFont(t->path[f], px);
    SDL_RWops *rw = SDL_RWFromConstMem(t->map[f], (int)t->map_len[f]);
    return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
}

sp_gui_text *sp_gui_text_new(const char *font_path, char *err, int errlen)
{
    sp_gui_text *t = calloc(1, sizeof *t);
    if (!t) {
        snprintf(err, (size_t)errlen, "out of memory");
        return NULL;
    }
    if (font_path) {
        for (int f = 0; f < FACE_COUNT; f++)
            t->path[f] = strdup(font_path);
        t->synth[FACE_BOLD] = TTF_STYLE_BOLD;
        t->synth[FACE_ITALIC] = TTF_STYLE_ITALIC;
    } else {
        if (!FcInit()) {
            snprintf(err, (size_t)errlen, "fontconfig could not be initialised");
            sp_gui_text_free(t);
            return NULL;
        }
        t->fontconfig = 1;
        t->path[FACE_REGULAR] = fc_find("DejaVu Sans:style=Book", 0, 0, &t->synth[FACE_REGULAR]);
        t->path[FACE_BOLD] = fc_find("DejaVu Sans:style=Bold", 1, 0, &t->synth[FACE_BOLD]);
        t->path[FACE_ITALIC] = fc_find("DejaVu Sans:style=Oblique", 0, 1, &t->synth[FACE_ITALIC]);
    }
    for (int f = 0; f < FACE_COUNT; f++) {
        if (!t->path[f]) {
            snprintf(err, (size_t)errlen,
                     "no font found: fontconfig has no usable font (install fonts-dejavu-core, or pass --font PATH)");
            sp_gui_text_free(t);
            return NULL;
        }
        /* Opening once here turns a damaged or missing file into a clear
         * message at start-up instead of empty text later. */
        if (t->map_len[f] == 0)
            map_face(t, f);
        TTF_Font *probe = open_file(t, f, 16);
        if (!probe) {
            snprintf(err, (size_t)errlen, "cannot open font %s: %s", t->path[f], TTF_GetError());
            sp_gui_text_free(t);
            return NULL;
        }
        TTF_CloseFont(probe);
    }
    return t;
}

const char *sp_gui_text_path(const sp_gui_text *t)
{
    return t->path[FACE_REGULAR];
}

static void close_fonts(sp_gui_text *t)
{
    for (int i = 0; i < t->n_open; i++)
        TTF_CloseFont(t->open[i].font);
    t->n_open = 0;
    memset(t->font, 0, sizeof t->font);
}

/* Face f at size px, from the open fonts or opened now (NULL when it cannot be). */
static TTF_Font *open_face(sp_gui_text *t, int f, int px)
{
    for (int i = 0; i < t->n_open; i++)
        if (t->open[i].face == f && t->open[i].px == px) {
            t->open[i].used = ++t->uses;
            return t->open[i].font;
        }
    if (t->n_open == OPEN_MAX) {
        int old = -1;
        for (int i = 0; i < t->n_open; i++) {
            int in_use = 0;
            for (int r = 0; r < SP_UI_FONT_COUNT; r++)
                in_use |= t->font[r] == t->open[i].font;
            if (!in_use && (old < 0 || t->open[i].used < t->open[old].used))
                old = i;
        }
        TTF_CloseFont(t->open[old].font); /* OPEN_MAX > SP_UI_FONT_COUNT: one is free */
        t->open[old] = t->open[--t->n_open];
    }
    TTF_Font *font = open_file(t, f, px);
    if (!font)
        return NULL;
    TTF_SetFontStyle(font, t->synth[f]);
    TTF_SetFontHinting(font, TTF_HINTING_LIGHT);
    t->open[t->n_open++] = (open_font){ .font = font, .face = f, .px = px, .used = ++t->uses };
    return font;
}

int sp_gui_text_set_sizes(sp_gui_text *t, const int px[SP_UI_FONT_COUNT])
{
    for (int i = 0; i < SP_UI_FONT_COUNT; i++) {
        int size = px[i] < 6 ? 6 : px[i];
        if (t->font[i] && t->px[i] == size)
            continue;
        /* Widths measured at the old size stay in the cache: a slot
         * holds its size too. Textures hold pixels, not fonts. */
        t->font[i] = NULL; /* not in use while another may be closed */
        t->font[i] = open_face(t, role_face[i], size);
        t->px[i] = size;
        if (!t->font[i])
            return -1;
    }
    return 0;
}

static uint32_t hash_key(int font, int px, sp_ui_rgba c, const char *s, int len);

static int measure(void *ctx, int font, const char *s, int len)
{
    sp_gui_text *t = ctx;
    if (len <= 0 || !t->font[font])
        return 0;
    measure_slot *slot = NULL;
    uint32_t h = 0;
    if (len <= MEASURE_KEY) {
        if (!t->measured)
            t->measured = calloc(MEASURE_SLOTS, sizeof *t->measured);
        if (t->measured) {
            sp_ui_rgba none = { 0, 0, 0, 0 };
            h = hash_key(font, t->px[font], none, s, len);
            slot = &t->measured[h % MEASURE_SLOTS];
            if (slot->len == len && slot->font == font && slot->px == t->px[font] && slot->hash == h &&
                memcmp(slot->s, s, (size_t)len) == 0)
                return slot->width;
        }
    }
    char buf[1024];
    char *p = len < (int)sizeof buf ? buf : malloc((size_t)len + 1);
    if (!p)
        return 0;
    memcpy(p, s, (size_t)len);
    p[len] = '\0';
    int w = 0;
    int ph = 0;
    TTF_SizeUTF8(t->font[font], p, &w, &ph);
    if (p != buf)
        free(p);
    if (slot) {
        slot->hash = h;
        slot->font = (int16_t)font;
        slot->len = (int16_t)len;
        slot->px = t->px[font];
        slot->width = w;
        memcpy(slot->s, s, (size_t)len);
    }
    return w;
}

void sp_gui_text_metrics(sp_gui_text *t, sp_ui_metrics *m)
{
    m->measure = measure;
    m->ctx = t;
    /* Reading text gets generous leading (about 1.5 times the size);
     * headings and initials sit tighter. draw.c centres each line in it. */
    static const int leading[SP_UI_FONT_COUNT] = {
        [SP_UI_FONT_BODY] = 130, [SP_UI_FONT_THOUGHT] = 130, [SP_UI_FONT_BOLD] = 125,
        [SP_UI_FONT_SMALL] = 125, [SP_UI_FONT_H2] = 115, [SP_UI_FONT_H1] = 110,
        [SP_UI_FONT_PORTRAIT] = 100,
    };
    for (int i = 0; i < SP_UI_FONT_COUNT; i++) {
        int skip = t->font[i] ? TTF_FontLineSkip(t->font[i]) : t->px[i];
        m->line_h[i] = skip * leading[i] / 100;
    }
    sp_ui_metrics_derive(m);
}

/* ---- the texture cache --------------------------------------------------------- */

static uint32_t hash_key(int font, int px, sp_ui_rgba c, const char *s, int len)
{
    uint32_t h = 2166136261u;
    unsigned char head[6] = { (unsigned char)font, (unsigned char)px, c.r, c.g, c.b, c.a };
    for (int i = 0; i < 6; i++)
        h = (h ^ head[i]) * 16777619u;
    for (int i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static void lru_unlink(sp_gui_text *t, entry *e)
{
    if (e->prev) e->prev->next = e->next; else t->head = e->next;
    if (e->next) e->next->prev = e->prev; else t->tail = e->prev;
    e->prev = e->next = NULL;
}

static void lru_push_front(sp_gui_text *t, entry *e)
{
    e->prev = NULL;
    e->next = t->head;
    if (t->head) t->head->prev = e;
    t->head = e;
    if (!t->tail) t->tail = e;
}

static void evict(sp_gui_text *t, entry *e)
{
    entry **pp = &t->buckets[e->hash % N_BUCKETS];
    while (*pp != e)
        pp = &(*pp)->hnext;
    *pp = e->hnext;
    lru_unlink(t, e);
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    t->bytes -= (size_t)e->w * (size_t)e->h * 4u;
    t->n_entries--;
    free(e->s);
    free(e);
}

SDL_Texture *sp_gui_text_texture(sp_gui_text *t, SDL_Renderer *r, int font, sp_ui_rgba c,
                                 const char *s, int len, int *w, int *h)
{
    if (len <= 0 || font < 0 || font >= SP_UI_FONT_COUNT || !t->font[font])
        return NULL;
    int px = t->px[font];
    uint32_t hash = hash_key(font, px, c, s, len);
    for (entry *e = t->buckets[hash % N_BUCKETS]; e; e = e->hnext) {
        if (e->hash == hash && e->font == font && e->px == px && e->len == len &&
            memcmp(&e->color, &c, sizeof c) == 0 && memcmp(e->s, s, (size_t)len) == 0) {
            lru_unlink(t, e);
            lru_push_front(t, e);
            e->frame = t->frame;
            *w = e->w;
            *h = e->h;
            return e->tex;
        }
    }
    entry *e = calloc(1, sizeof *e);
    char *copy = malloc((size_t)len + 1);
    if (!e || !copy) {
        free(e);
        free(copy);
        return NULL;
    }
    memcpy(copy, s, (size_t)len);
    copy[len] = '\0';
    SDL_Color col = { c.r, c.g, c.b, c.a };
    SDL_Surface *surf = TTF_RenderUTF8_Blended(t->font[font], copy, col);
    SDL_Texture *tex = surf ? SDL_CreateTextureFromSurface(r, surf) : NULL;
    if (!tex) {
        if (surf)
            SDL_FreeSurface(surf);
        free(e);
        free(copy);
        return NULL;
    }
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    e->hash = hash;
    e->font = font;
    e->px = px;
    e->len = len;
    e->color = c;
    e->s = copy;
    e->tex = tex;
    e->w = surf->w;
    e->h = surf->h;
    e->frame = t->frame;
    SDL_FreeSurface(surf);
    e->hnext = t->buckets[hash % N_BUCKETS];
    t->buckets[hash % N_BUCKETS] = e;
    lru_push_front(t, e);
    t->n_entries++;
    t->bytes += (size_t)e->w * (size_t)e->h * 4u;
    *w = e->w;
    *h = e->h;
    return tex;
}

void sp_gui_text_end_frame(sp_gui_text *t)
{
    while (t->tail && t->tail->frame != t->frame &&
           (t->n_entries > CACHE_MAX_ENTRIES || t->bytes > CACHE_MAX_BYTES))
        evict(t, t->tail);
    t->frame++;
}

void sp_gui_text_drop_textures(sp_gui_text *t)
{
    while (t->head)
        evict(t, t->head);
}

int sp_gui_text_cached(const sp_gui_text *t)
{
    return t->n_entries;
}

void sp_gui_text_free(sp_gui_text *t)
{
    if (!t)
        return;
    sp_gui_text_drop_textures(t);
    close_fonts(t);
    free(t->measured);
    for (int f = 0; f < FACE_COUNT; f++) {
        if (t->map[f])
            munmap(t->map[f], t->map_len[f]);
        free(t->path[f]);
    }
    /* The paths are copies, so fontconfig's configuration can go now. */
    if (t->fontconfig)
        FcFini();
    free(t);
}
