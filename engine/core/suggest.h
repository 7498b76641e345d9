/* suggest.h: "did you mean ...": the closest known name to a misspelt one, by edit distance. */
#ifndef SP_SUGGEST_H
#define SP_SUGGEST_H

/*
 *     sp_suggest s;
 *     sp_suggest_init(&s, "int.doorvraag");
 *     for (each known id) sp_suggest_add(&s, id);
 *     const char *best = sp_suggest_best(&s);   // "int.doorvragen", or NULL
 *
 * Distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters, each 1 (optimal string alignment). A candidate is
 * close enough at distance <= 2, or <= a quarter of the word's length for
 * longer words; the first of equally close candidates wins.
 */

typedef struct sp_suggest {
    const char *word;
    const char *best;   /* NULL: nothing close enough yet */
    int dist;
} sp_suggest;

void sp_suggest_init(sp_suggest *s, const char *word);
void sp_suggest_add(sp_suggest *s, const char *candidate);
const char *sp_suggest_best(const sp_suggest *s);

/* The distance itself; names longer than 64 bytes are compared on their
 * first 64. */
int sp_suggest_distance(const char *a, const char *b);

#endif
