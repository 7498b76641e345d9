/* room.c: anonymous voting from phones: devices by token in an open-addressing table, one vote per device per round, flags spotted. */
#include "room.h"
#include "alloc.h"
#include "fs.h"

#include <stdlib.h>
#include <string.h>

/* Twice the device limit, so probes stay short when the room is full. */
#define SLOTS (2 * SP_ROOM_MAX_DEVICES)

typedef struct device {
    char token[SP_ROOM_TOKEN_LEN + 1];  /* "" = empty slot */
    long seen;
    unsigned round;     /* the round of `vote` */
    int vote;           /* -1: none */
    unsigned flags;     /* bit per red flag */
} device;

struct sp_room {
    device slot[SLOTS];
    int n_devices;
    int n_flags;
    unsigned round;
    int open;
    int n_options;
};

sp_room *sp_room_new(int n_flags)
{
    if (n_flags < 0 || n_flags > SP_ROOM_MAX_FLAGS)
        return NULL;
    sp_room *r = sp_calloc(1, sizeof *r);
    if (r)
        r->n_flags = n_flags;
    return r;
}

void sp_room_free(sp_room *r)
{
    sp_free(r);
}

int sp_room_token_ok(const char *s)
{
    if (!s)
        return 0;
    for (int i = 0; i < SP_ROOM_TOKEN_LEN; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return 0;
    return s[SP_ROOM_TOKEN_LEN] == '\0';
}

/* The core's one string hash (fs.h) over the token: tokens are random,
 * any spread will do. */
static unsigned slot_of(const char *token)
{
    return (unsigned)(sp_fs_hash(token, strlen(token)) % SLOTS);
}

/* The device's slot, or NULL. With create, a new device is added when there
 * is room (else NULL). */
static device *find(sp_room *r, const char *token, int create)
{
    for (unsigned i = slot_of(token), n = 0; n < SLOTS; i = (i + 1) % SLOTS, n++) {
        device *d = &r->slot[i];
        if (d->token[0] == '\0') {
            if (!create || r->n_devices >= SP_ROOM_MAX_DEVICES)
                return NULL;
            memcpy(d->token, token, SP_ROOM_TOKEN_LEN + 1);
            d->vote = -1;
            r->n_devices++;
            return d;
        }
        if (strcmp(d->token, token) == 0)
            return d;
    }
    return NULL;
}

static const device *find_c(const sp_room *r, const char *token)
{
    return sp_room_token_ok(token) ? find((sp_room *)r, token, 0) : NULL;
}

int sp_room_open(sp_room *r, unsigned round, int n_options)
{
    if (round <= r->round || n_options < 1 || n_options > SP_ROOM_MAX_OPTIONS)
        return -1;
    r->round = round;
    r->n_options = n_options;
    r->open = 1;
    return 0;
}

void sp_room_close(sp_room *r) { r->open = 0; }
int sp_room_is_open(const sp_room *r) { return r->open; }
unsigned sp_room_round(const sp_room *r) { return r->round; }
int sp_room_n_options(const sp_room *r) { return r->n_options; }

sp_room_result sp_room_vote(sp_room *r, const char *token, unsigned round, int option)
{
    if (!sp_room_token_ok(token))
        return SP_ROOM_ETOKEN;
    if (!r->open)
        return SP_ROOM_ECLOSED;
    if (round != r->round)
        return SP_ROOM_EROUND;
    if (option < 0 || option >= r->n_options)
        return SP_ROOM_EOPTION;
    device *d = find(r, token, 1);
    if (!d)
        return SP_ROOM_EFULL;
    int had = d->round == r->round && d->vote >= 0;
    d->round = r->round;
    d->vote = option;
    return had ? SP_ROOM_CHANGED : SP_ROOM_VOTED;
}

int sp_room_vote_of(const sp_room *r, const char *token)
{
    const device *d = find_c(r, token);
    return d && d->round == r->round && r->round > 0 ? d->vote : -1;
}

int sp_room_counts(const sp_room *r, int *counts, int n)
{
    int total = 0;
    for (int k = 0; k < n; k++)
        counts[k] = 0;
    for (int i = 0; i < SLOTS; i++) {
        const device *d = &r->slot[i];
        if (d->token[0] && d->round == r->round && r->round > 0 && d->vote >= 0 && d->vote < n) {
            counts[d->vote]++;
            total++;
        }
    }
    return total;
}

sp_room_result sp_room_flag(sp_room *r, const char *token, int flag, int on)
{
    if (!sp_room_token_ok(token))
        return SP_ROOM_ETOKEN;
    if (flag < 0 || flag >= r->n_flags)
        return SP_ROOM_EOPTION;
    device *d = find(r, token, 1);
    if (!d)
        return SP_ROOM_EFULL;
    if (on)
        d->flags |= 1u << flag;
    else
        d->flags &= ~(1u << flag);
    return SP_ROOM_VOTED;
}

int sp_room_flag_of(const sp_room *r, const char *token, int flag)
{
    const device *d = find_c(r, token);
    return d && flag >= 0 && flag < r->n_flags && (d->flags >> flag & 1u);
}

void sp_room_flag_counts(const sp_room *r, int *counts, int n)
{
    for (int k = 0; k < n; k++)
        counts[k] = 0;
    for (int i = 0; i < SLOTS; i++)
        for (int k = 0; k < n && k < r->n_flags; k++)
            if (r->slot[i].token[0] && (r->slot[i].flags >> k & 1u))
                counts[k]++;
}

void sp_room_flags_clear(sp_room *r)
{
    for (int i = 0; i < SLOTS; i++)
        r->slot[i].flags = 0;
}

sp_room_result sp_room_seen(sp_room *r, const char *token, long now)
{
    if (!sp_room_token_ok(token))
        return SP_ROOM_ETOKEN;
    device *d = find(r, token, 1);
    if (!d)
        return SP_ROOM_EFULL;
    d->seen = now;
    return SP_ROOM_VOTED;
}

int sp_room_devices(const sp_room *r, long now, long window)
{
    int n = 0;
    for (int i = 0; i < SLOTS; i++)
        if (r->slot[i].token[0] && r->slot[i].seen > 0 && now - r->slot[i].seen <= window)
            n++;
    return n;
}
