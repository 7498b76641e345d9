/* num.c: whole numbers typed by a person, parsed with strtol, errno and bounds. */
#include "num.h"

#include <errno.h>
#include <stdlib.h>

static int blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

int sp_num_parse(const char *s, long lo, long hi, long *out)
{
    if (!s)
        return 0;
    while (blank(*s))
        s++;
    if (!((*s >= '0' && *s <= '9') || ((*s == '-' || *s == '+') && s[1] >= '0' && s[1] <= '9')))
        return 0;
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno == ERANGE)
        return 0;
    while (blank(*end))
        end++;
    if (*end || v < lo || v > hi)
        return 0;
    *out = v;
    return 1;
}
