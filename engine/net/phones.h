/* phones.h: the room's phones in group play: a small HTTP server on the local network (libmicrohttpd) that serves the participant page and takes votes and red flags into a locked tally. */
#ifndef SP_PHONES_H
#define SP_PHONES_H

/*
 * Threading: the server answers requests on its own thread. Its callbacks
 * touch only the state behind this module's mutex (the tally, sp_room, and
 * a copy of the question); they never touch the session. After a vote or a
 * flag they call `notify` (for the window: push an SDL user event), and the
 * main loop reads the counts with sp_phones_counts(). The host tells the
 * server what is on the wall with sp_phones_round()/sp_phones_close().
 *
 * Addresses: the room's address is http://ADDR:PORT/r/TOKEN/, where TOKEN
 * holds 128 random bits, so only people who see the wall (the QR code) can
 * vote. Who types the address instead goes to http://ADDR:PORT/ and enters
 * the short room code shown beside it; wrong codes are limited per address.
 * The transcript never sees a token or an address.
 */

#include <stddef.h>

#define SP_PHONES_MAX_TEXT 2048   /* one prompt or option, bytes */

typedef struct sp_phones sp_phones;

typedef struct sp_phones_config {
    const char *listen;       /* "ADDR:PORT", "ADDR" or NULL: the LAN address, port 8080 or the next free */
    const char *lang;         /* "nl" or "en": the page's default language */
    int n_flags;              /* red flags the phones may spot (0: none) */
    const char *const *flag_labels;   /* n_flags labels, in the page's language */
    void (*notify)(void *ud); /* called on the server's thread after a change */
    void *ud;
} sp_phones_config;

/* Starts the server. On failure returns NULL and writes a one-line reason
 * into err, in cfg->lang (no usable network interface, address in use, ...). */
sp_phones *sp_phones_start(const sp_phones_config *cfg, char *err, size_t errlen);
/* 1 when this computer has a network interface besides loopback, so phones
 * on the room's network (or a phone's hotspot) can reach it. */
int sp_phones_has_lan(void);
/* Stops the server and frees everything; NULL is fine. */
void sp_phones_stop(sp_phones *p);

const char *sp_phones_url(const sp_phones *p);    /* the full address, for the QR code */
const char *sp_phones_base(const sp_phones *p);   /* http://ADDR:PORT/ to type */
const char *sp_phones_code(const sp_phones *p);   /* the room code to type, e.g. "KR7-M4Q" */
int sp_phones_port(const sp_phones *p);

/* Opens round `round` (growing) on the phones: the prompt and the options
 * (with letters A..) the wall shows. Votes of earlier rounds are cleared. */
void sp_phones_round(sp_phones *p, unsigned round, const char *prompt, const char *const *options, int n);
/* Closes the open round: later votes are refused with a message. */
void sp_phones_close(sp_phones *p);
/* The current round's counts per option; returns the votes cast. */
int sp_phones_counts(sp_phones *p, int *counts, int n);
/* Devices that marked each red flag. */
void sp_phones_flag_counts(sp_phones *p, int *counts, int n);
void sp_phones_flags_clear(sp_phones *p);
/* Phones seen in the last 30 seconds (they poll every 2). */
int sp_phones_connected(sp_phones *p);

/* The QR code of sp_phones_url(): writes the module count per side to *size
 * and returns size*size bytes, 1 for a dark module (row by row); free() it.
 * NULL on failure. */
unsigned char *sp_phones_qr(const sp_phones *p, int *size);

#endif
