/* room.h: anonymous voting from the room's phones in group play: the open round, one vote per device, red flags spotted, connected devices. Pure state: no threads, no network. */
#ifndef SP_ROOM_H
#define SP_ROOM_H

/*
 * A device is known only by a random token its browser keeps in a cookie
 * (SP_ROOM_TOKEN_LEN lowercase hex digits); the room never sees a name or an
 * address. The host opens a round for each decision the room votes on, with
 * a round number that grows; a vote names the round it was cast in, so a
 * vote from a page that still shows an earlier round is refused instead of
 * counted for the wrong question. A device may change its vote while the
 * round is open. Red flags are spotted during the conversation and counted
 * until the host clears them at the red-flag round.
 *
 * The transcript keeps only the counts per option, as with counts typed by
 * the facilitator (vote.h); tokens never leave this structure.
 */

#define SP_ROOM_TOKEN_LEN 32        /* 128 bits as hex */
#define SP_ROOM_MAX_DEVICES 1024    /* a large lecture hall, with room to spare */
#define SP_ROOM_MAX_OPTIONS 5
#define SP_ROOM_MAX_FLAGS 32

typedef struct sp_room sp_room;

typedef enum {
    SP_ROOM_VOTED = 0,     /* a first vote in this round */
    SP_ROOM_CHANGED,       /* the device's vote moved to another option (or stayed) */
    SP_ROOM_ECLOSED,       /* no round is open */
    SP_ROOM_EROUND,        /* the vote names another round than the open one */
    SP_ROOM_EOPTION,       /* no such option in this round */
    SP_ROOM_ETOKEN,        /* not a well-formed device token */
    SP_ROOM_EFULL          /* SP_ROOM_MAX_DEVICES devices already known */
} sp_room_result;

/* n_flags: the red flags a device can spot (0..SP_ROOM_MAX_FLAGS). NULL on
 * out-of-memory. */
sp_room *sp_room_new(int n_flags);
void sp_room_free(sp_room *r);

/* 1 when s is a well-formed device token. */
int sp_room_token_ok(const char *s);

/* Opens round `round` (> the previous round) with n_options (1..5): every
 * device's vote is cleared. Returns 0, or -1 when round does not grow or
 * n_options is out of range. */
int sp_room_open(sp_room *r, unsigned round, int n_options);
/* No more votes; the counts stay readable until the next open. */
void sp_room_close(sp_room *r);
int sp_room_is_open(const sp_room *r);
unsigned sp_room_round(const sp_room *r);
int sp_room_n_options(const sp_room *r);

sp_room_result sp_room_vote(sp_room *r, const char *token, unsigned round, int option);
/* The option the device voted for in the current round, or -1. */
int sp_room_vote_of(const sp_room *r, const char *token);
/* counts[0..n_options) of the current round; returns the votes cast. */
int sp_room_counts(const sp_room *r, int *counts, int n);

/* Marks (on = 1) or unmarks a red flag for a device. */
sp_room_result sp_room_flag(sp_room *r, const char *token, int flag, int on);
int sp_room_flag_of(const sp_room *r, const char *token, int flag);
/* counts[0..n_flags): devices that marked each flag. */
void sp_room_flag_counts(const sp_room *r, int *counts, int n);
void sp_room_flags_clear(sp_room *r);

/* A device showed itself at time now (seconds, any clock that grows). */
sp_room_result sp_room_seen(sp_room *r, const char *token, long now);
/* Devices seen in the last `window` seconds before now. */
int sp_room_devices(const sp_room *r, long now, long window);

#endif
