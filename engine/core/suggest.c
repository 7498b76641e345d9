/* suggest.c: "did you mean ...": edit distance (optimal string alignment) over short ids. */
#include "suggest.h"

#include <string.h>

#define MAXLEN 64

int sp_suggest_distance(const char *a, const char *b)
{
    int n = (int)strnlen(a, MAXLEN), m = (int)strnlen(b, MAXLEN);
    /* Three rows: the one before the previous is needed for swaps. */
    int rows[3][MAXLEN + 1];
    int *pp = rows[0], *p = rows[1], *c = rows[2];
    for (int j = 0; j <= m; j++)
        p[j] = j;
    for (int i = 1; i <= n; i++) {
        c[0] = i;
        for (int j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int d = p[j] + 1;
            if (c[j - 1] + 1 < d)
                d = c[j - 1] + 1;
            if (p[j - 1] + cost < d)
                d = p[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1 < d)
                d = pp[j - 2] + 1;
            c[j] = d;
        }
        int *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[m];
}

void sp_suggest_init(sp_suggest *s, const char *word)
{
    s->word = word ? word : "";
    s->best = NULL;
    s->dist = 0;
}

void sp_suggest_add(sp_suggest *s, const char *candidate)
{
    if (!candidate || !*candidate || strcmp(candidate, s->word) == 0)
        return;
    int len = (int)strnlen(s->word, MAXLEN);
    int limit = len / 4 > 2 ? len / 4 : 2;
    if (limit >= len)
        limit = len - 1;  /* "x" is not a misspelling of "y" */
    int d = sp_suggest_distance(s->word, candidate);
    if (d <= limit && (!s->best || d < s->dist)) {
        s->best = candidate;
        s->dist = d;
    }
}

const char *sp_suggest_best(const sp_suggest *s)
{
    return s->best;
}
