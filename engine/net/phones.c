/* phones.c: the phones' HTTP server (libmicrohttpd, its own thread): fixed routes, cookie tokens, limits on size and rate, and the locked tally the main loop reads. */
#include "phones.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <limits.h>
#include <microhttpd.h>
#include <net/if.h>
#include <netinet/in.h>
#include <pthread.h>
#include <qrencode.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "core/fs.h"
#include "core/num.h"
#include "core/translate.h"
#include "phones_internal.h"

#define MAX_BODY 1024         /* a form of ours is a few dozen bytes */
#define RATE_WINDOW 10        /* seconds */
#define RATE_POSTS 30         /* POSTs a device may send per window */
#define JOIN_TRIES 10         /* wrong room codes per address per minute */
#define IP_SLOTS 256
#define DEV_SLOTS 2048

typedef struct ip_try { char ip[48]; long minute; int n; } ip_try;
typedef struct dev_rate { char token[SP_ROOM_TOKEN_LEN + 1]; long window; int n; } dev_rate;

struct sp_phones {
    struct MHD_Daemon *mhd;
    pthread_mutex_t lock;
    sp_room *room;
    char room_token[SP_ROOM_TOKEN_LEN + 1];
    char code[8];                     /* "ABC-DEF" */
    char base[96], url[160];
    int port;
    int en;                           /* default language of the page */
    sp_phones_words words;            /* the page's words, both languages */
    char *prompt, *options[SP_PHONES_MAX_OPTIONS];
    int n_options;
    int n_flags;
    char **flag_labels;
    ip_try tries[IP_SLOTS];
    dev_rate rates[DEV_SLOTS];
    void (*notify)(void *);
    void *ud;
};

/* ---- small helpers ---------------------------------------------------------------------- */

static long now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec + 1;   /* never 0: 0 means "never seen" */
}

static int random_hex(char *out, size_t bytes)
{
    unsigned char raw[32];
    if (bytes > sizeof raw || getrandom(raw, bytes, 0) != (ssize_t)bytes)
        return -1;
    for (size_t i = 0; i < bytes; i++)
        sprintf(out + 2 * i, "%02x", raw[i]);
    return 0;
}

/* A code people can read off a wall and type: no 0/O, 1/I/L. */
static int random_code(char out[8])
{
    static const char A[] = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    unsigned char raw[6];
    if (getrandom(raw, sizeof raw, 0) != (ssize_t)sizeof raw)
        return -1;
    for (int i = 0, j = 0; i < 6; i++) {
        if (i == 3)
            out[j++] = '-';
        out[j++] = A[raw[i] % (sizeof A - 1)];
        out[j] = '\0';
    }
    return 0;
}

/* The typed code compared without case, dashes or spaces. */
static int code_matches(const char *want, const char *typed)
{
    char a[16] = "", b[16] = "";
    size_t na = 0, nb = 0;
    for (; *want && na < sizeof a - 1; want++)
        if (*want != '-')
            a[na++] = *want;
    for (; typed && *typed && nb < sizeof b - 1; typed++)
        if (*typed != '-' && *typed != ' ')
            b[nb++] = (char)(*typed >= 'a' && *typed <= 'z' ? *typed - 32 : *typed);
    return na == nb && memcmp(a, b, na) == 0;
}

static char *dup_text(const char *s)
{
    size_t n = s ? strnlen(s, SP_PHONES_MAX_TEXT) : 0;
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s ? s : "", n);
        d[n] = '\0';
    }
    return d;
}

/* ---- the address -------------------------------------------------------------------------- */

/* The first IPv4 address of an interface that is up and not loopback. */
static int lan_address(char *out, size_t n)
{
    struct ifaddrs *ifs, *i;
    if (getifaddrs(&ifs) != 0)
        return -1;
    int found = -1;
    for (i = ifs; i && found != 0; i = i->ifa_next)
        if (i->ifa_addr && i->ifa_addr->sa_family == AF_INET && (i->ifa_flags & IFF_UP) &&
            !(i->ifa_flags & IFF_LOOPBACK))
            found = inet_ntop(AF_INET, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, out, (socklen_t)n) ? 0 : -1;
    freeifaddrs(ifs);
    return found;
}

int sp_phones_has_lan(void)
{
    char addr[64];
    return lan_address(addr, sizeof addr) == 0;
}

/* "ADDR", "ADDR:PORT" or "[V6]:PORT" into addr and port (0: not given). */
static int parse_listen(const char *s, char *addr, size_t n, int *port)
{
    const char *colon;
    *port = 0;
    if (s[0] == '[') {
        const char *end = strchr(s, ']');
        if (!end || (size_t)(end - s - 1) >= n)
            return -1;
        memcpy(addr, s + 1, (size_t)(end - s - 1));
        addr[end - s - 1] = '\0';
        colon = end[1] == ':' ? end + 1 : NULL;
        if (end[1] && !colon)
            return -1;
    } else {
        colon = strrchr(s, ':');
        size_t len = colon ? (size_t)(colon - s) : strlen(s);
        if (len == 0 || len >= n)
            return -1;
        memcpy(addr, s, len);
        addr[len] = '\0';
    }
    long p;
    if (colon && !sp_num_parse(colon + 1, 1, 65535, &p))
        return -1;
    if (colon)
        *port = (int)p;
    return 0;
}

/* ---- limits ------------------------------------------------------------------------------- */

/* The core's one string hash (FNV-1a, fs.h). */
static unsigned hash_str(const char *s)
{
    return (unsigned)sp_fs_hash(s, strlen(s));
}

/* Under the lock: 1 when this address may try another room code. */
static int join_allowed(sp_phones *p, const char *ip, int wrong)
{
    ip_try *t = &p->tries[hash_str(ip) % IP_SLOTS];
    long minute = now_s() / 60;
    if (strcmp(t->ip, ip) != 0 || t->minute != minute) {
        snprintf(t->ip, sizeof t->ip, "%s", ip);
        t->minute = minute;
        t->n = 0;
    }
    if (wrong)
        t->n++;
    return t->n < JOIN_TRIES;
}

/* Under the lock: 1 when this device may post again now. */
static int post_allowed(sp_phones *p, const char *token)
{
    dev_rate *r = &p->rates[hash_str(token) % DEV_SLOTS];
    long window = now_s() / RATE_WINDOW;
    if (strcmp(r->token, token) != 0 || r->window != window) {
        snprintf(r->token, sizeof r->token, "%s", token);
        r->window = window;
        r->n = 0;
    }
    return ++r->n <= RATE_POSTS;
}

/* ---- one request -------------------------------------------------------------------------- */

typedef struct req {
    int is_post, too_big;
    size_t body;
    struct MHD_PostProcessor *pp;
    char round[16], option[8], flag[8], code[16];
} req;

static enum MHD_Result post_field(void *cls, enum MHD_ValueKind kind, const char *key, const char *filename,
                                  const char *type, const char *enc, const char *data, uint64_t off, size_t size)
{
    req *q = cls;
    char *dst = NULL;
    size_t cap = 0;
    if (strcmp(key, "round") == 0) dst = q->round, cap = sizeof q->round;
    else if (strcmp(key, "option") == 0) dst = q->option, cap = sizeof q->option;
    else if (strcmp(key, "flag") == 0) dst = q->flag, cap = sizeof q->flag;
    else if (strcmp(key, "code") == 0) dst = q->code, cap = sizeof q->code;
    if (!dst)
        return MHD_YES;  /* unknown fields are ignored */
    if (off + size >= cap) {
        q->too_big = 1;
        return MHD_YES;
    }
    memcpy(dst + off, data, size);
    dst[off + size] = '\0';
    return MHD_YES;
}

/* A number 0..max from a form field, or -1. */
static long field_num(const char *s, long max)
{
    long v;
    return sp_num_parse(s, 0, max, &v) ? v : -1;
}

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status, const char *type, const char *body,
                            size_t len, const char *nonce, const char *location, const char *cookie)
{
    struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!r)
        return MHD_NO;
    char csp[300];
    snprintf(csp, sizeof csp,
             "default-src 'none'; style-src 'nonce-%s'; script-src 'nonce-%s'; connect-src 'self'; "
             "form-action 'self'; base-uri 'none'; frame-ancestors 'none'", nonce, nonce);
    MHD_add_response_header(r, "Content-Type", type);
    MHD_add_response_header(r, "Content-Security-Policy", csp);
    MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(r, "Cache-Control", "no-store");
    if (location)
        MHD_add_response_header(r, "Location", location);
    if (cookie)
        MHD_add_response_header(r, "Set-Cookie", cookie);
    enum MHD_Result ret = MHD_queue_response(c, status, r);
    MHD_destroy_response(r);
    return ret;
}

static enum MHD_Result send_page(struct MHD_Connection *c, unsigned status, sp_phones_buf *b, const char *nonce,
                                 const char *cookie)
{
    if (b->oom) {
        free(b->s);
        return MHD_NO;
    }
    enum MHD_Result r = respond(c, status, "text/html; charset=utf-8", b->s, b->len, nonce, NULL, cookie);
    free(b->s);
    return r;
}

static enum MHD_Result send_note(const sp_phones *p, struct MHD_Connection *c, unsigned status, int en,
                                 const char *nonce, sp_phones_word say)
{
    sp_phones_buf b = { 0 };
    sp_phones_note_page(&b, en, p->words.w[en], nonce, say);
    return send_page(c, status, &b, nonce, NULL);
}

static int want_english(const sp_phones *p, struct MHD_Connection *c, const char **lang_q)
{
    const char *q = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "lang");
    *lang_q = "";
    if (q && strcmp(q, "en") == 0)
        return *lang_q = "?lang=en", 1;
    if (q && strcmp(q, "nl") == 0)
        return *lang_q = "?lang=nl", 0;
    const char *al = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Accept-Language");
    if (al && strncmp(al, "en", 2) == 0)
        return 1;
    if (al && strncmp(al, "nl", 2) == 0)
        return 0;
    return p->en;
}

/* ---- the room's routes -------------------------------------------------------------------- */

/* GET /r/TOKEN/: the page, with the device's cookie made when it has none. */
static enum MHD_Result room_page(sp_phones *p, struct MHD_Connection *c, const char *dev, const char *nonce)
{
    char fresh[SP_ROOM_TOKEN_LEN + 1], cookie[128];
    const char *lang_q;
    int en = want_english(p, c, &lang_q);
    if (!dev) {
        if (random_hex(fresh, SP_ROOM_TOKEN_LEN / 2) != 0)
            return MHD_NO;
        dev = fresh;
        snprintf(cookie, sizeof cookie, "sp_device=%s; Path=/; Max-Age=43200; HttpOnly; SameSite=Strict", fresh);
    }
    const char *m = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "m");
    sp_phones_buf b = { 0 };
    pthread_mutex_lock(&p->lock);
    sp_room_seen(p->room, dev, now_s());
    sp_phones_view v = { .en = en, .w = p->words.w[en], .lang_q = lang_q, .nonce = nonce, .round = sp_room_round(p->room),
                         .open = sp_room_is_open(p->room), .prompt = p->prompt, .n_options = p->n_options,
                         .my_vote = sp_room_vote_of(p->room, dev), .message = m, .n_flags = p->n_flags,
                         .flag_labels = (const char *const *)p->flag_labels };
    for (int i = 0; i < p->n_options; i++)
        v.options[i] = p->options[i];
    for (int i = 0; i < p->n_flags; i++)
        v.my_flags[i] = sp_room_flag_of(p->room, dev, i);
    sp_phones_page(&b, &v);
    pthread_mutex_unlock(&p->lock);
    return send_page(c, MHD_HTTP_OK, &b, nonce, dev == fresh ? cookie : NULL);
}

/* GET /r/TOKEN/state: what the page's script polls. */
static enum MHD_Result room_state(sp_phones *p, struct MHD_Connection *c, const char *dev, const char *nonce)
{
    char json[96];
    pthread_mutex_lock(&p->lock);
    if (dev)
        sp_room_seen(p->room, dev, now_s());
    snprintf(json, sizeof json, "{\"round\":%u,\"open\":%d}", sp_room_round(p->room), sp_room_is_open(p->room));
    pthread_mutex_unlock(&p->lock);
    return respond(c, MHD_HTTP_OK, "application/json", json, strlen(json), nonce, NULL, NULL);
}

static const char *vote_message(sp_room_result r)
{
    switch (r) {
    case SP_ROOM_VOTED: return "voted";
    case SP_ROOM_CHANGED: return "changed";
    case SP_ROOM_ECLOSED: return "closed";
    case SP_ROOM_EROUND: return "round";
    default: return "option";
    }
}

/* POST /r/TOKEN/vote or /flag: change the tally, then back to the page
 * (post/redirect/get, so a reload never votes twice). */
static enum MHD_Result room_post(sp_phones *p, struct MHD_Connection *c, const req *q, const char *dev,
                                 int is_flag, const char *nonce)
{
    const char *lang_q, *m;
    want_english(p, c, &lang_q);
    int changed = 0;
    if (!dev) {
        m = "cookie";
    } else {
        pthread_mutex_lock(&p->lock);
        if (!post_allowed(p, dev)) {
            m = "busy";
        } else if (is_flag) {
            long f = field_num(q->flag, SP_ROOM_MAX_FLAGS - 1);
            int on = f >= 0 && !sp_room_flag_of(p->room, dev, (int)f);
            sp_room_result r = f < 0 ? SP_ROOM_EOPTION : sp_room_flag(p->room, dev, (int)f, on);
            m = r == SP_ROOM_VOTED ? "flag" : "option";
            changed = r == SP_ROOM_VOTED;
        } else {
            long round = field_num(q->round, UINT_MAX), opt = field_num(q->option, SP_ROOM_MAX_OPTIONS);
            sp_room_result r = round < 0 || opt < 0 ? SP_ROOM_EOPTION
                                                    : sp_room_vote(p->room, dev, (unsigned)round, (int)opt);
            m = vote_message(r);
            changed = r == SP_ROOM_VOTED || r == SP_ROOM_CHANGED;
        }
        sp_room_seen(p->room, dev, now_s());
        pthread_mutex_unlock(&p->lock);
    }
    if (changed && p->notify)
        p->notify(p->ud);
    char loc[200];
    snprintf(loc, sizeof loc, "/r/%s/%s%sm=%s", p->room_token, lang_q, *lang_q ? "&" : "?", m);
    return respond(c, MHD_HTTP_SEE_OTHER, "text/plain", "", 0, nonce, loc, NULL);
}

/* POST /join: the typed room code. */
static enum MHD_Result join_post(sp_phones *p, struct MHD_Connection *c, const req *q, const char *nonce)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    char ip[48] = "?";
    if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET)
        inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, ip, sizeof ip);
    else if (ci && ci->client_addr && ci->client_addr->sa_family == AF_INET6)
        inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip, sizeof ip);
    const char *lang_q;
    int en = want_english(p, c, &lang_q);
    pthread_mutex_lock(&p->lock);
    int allowed = join_allowed(p, ip, 0);
    int ok = allowed && code_matches(p->code, q->code);
    if (allowed && !ok)
        allowed = join_allowed(p, ip, 1);
    pthread_mutex_unlock(&p->lock);
    if (ok) {
        char loc[120];
        snprintf(loc, sizeof loc, "/r/%s/%s", p->room_token, lang_q);
        return respond(c, MHD_HTTP_SEE_OTHER, "text/plain", "", 0, nonce, loc, NULL);
    }
    sp_phones_buf b = { 0 };
    sp_phones_join_page(&b, en, p->words.w[en], nonce, 1, !allowed);
    return send_page(c, allowed ? MHD_HTTP_FORBIDDEN : MHD_HTTP_TOO_MANY_REQUESTS, &b, nonce, NULL);
}

/* ---- dispatch ----------------------------------------------------------------------------- */

/* "/r/TOKEN/REST" with the room's token: REST, else NULL. */
static const char *in_room(const sp_phones *p, const char *url)
{
    if (strncmp(url, "/r/", 3) != 0 || strlen(url) < 3 + SP_ROOM_TOKEN_LEN + 1)
        return NULL;
    unsigned diff = 0;  /* compared in full, whatever the first difference */
    for (int i = 0; i < SP_ROOM_TOKEN_LEN; i++)
        diff |= (unsigned)(url[3 + i] ^ p->room_token[i]);
    return diff == 0 && url[3 + SP_ROOM_TOKEN_LEN] == '/' ? url + 4 + SP_ROOM_TOKEN_LEN : NULL;
}

static enum MHD_Result route(sp_phones *p, struct MHD_Connection *c, const char *url, const req *q,
                             const char *nonce)
{
    const char *dev = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sp_device");
    if (!sp_room_token_ok(dev))
        dev = NULL;
    const char *lang_q;
    int en = want_english(p, c, &lang_q);
    const char *rest = in_room(p, url);
    if (q && q->too_big)
        return send_note(p, c, MHD_HTTP_CONTENT_TOO_LARGE, en, nonce, SP_PW_TOO_LARGE);
    if (!q && strcmp(url, "/") == 0) {
        sp_phones_buf b = { 0 };
        sp_phones_join_page(&b, en, p->words.w[en], nonce, 0, 0);
        return send_page(c, MHD_HTTP_OK, &b, nonce, NULL);
    }
    if (q && strcmp(url, "/join") == 0)
        return join_post(p, c, q, nonce);
    if (rest && !q && strcmp(rest, "") == 0)
        return room_page(p, c, dev, nonce);
    if (rest && !q && strcmp(rest, "state") == 0)
        return room_state(p, c, dev, nonce);
    if (rest && q && (strcmp(rest, "vote") == 0 || strcmp(rest, "flag") == 0))
        return room_post(p, c, q, dev, rest[0] == 'f', nonce);
    return send_note(p, c, MHD_HTTP_NOT_FOUND, en, nonce, SP_PW_NOT_FOUND);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *data, size_t *size, void **ctx)
{
    sp_phones *p = cls;
    char nonce[33];
    if (random_hex(nonce, 16) != 0)
        return MHD_NO;
    int is_post = strcmp(method, "POST") == 0;
    if (!is_post && strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
        return send_note(p, c, MHD_HTTP_METHOD_NOT_ALLOWED, p->en, nonce, SP_PW_NOT_ALLOWED);
    if (!is_post)
        return route(p, c, url, NULL, nonce);
    req *q = *ctx;
    if (!q) {  /* the first call of a POST: headers only */
        q = calloc(1, sizeof *q);
        if (!q)
            return MHD_NO;
        q->pp = MHD_create_post_processor(c, 512, post_field, q);
        *ctx = q;
        return MHD_YES;
    }
    if (*size) {
        q->body += *size;
        if (q->body > MAX_BODY)
            q->too_big = 1;
        else if (q->pp)
            MHD_post_process(q->pp, data, *size);
        *size = 0;
        return MHD_YES;
    }
    if (!q->pp)
        return send_note(p, c, MHD_HTTP_BAD_REQUEST, p->en, nonce, SP_PW_BAD_FORM);
    return route(p, c, url, q, nonce);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **ctx, enum MHD_RequestTerminationCode why)
{
    req *q = *ctx;
    if (q) {
        if (q->pp)
            MHD_destroy_post_processor(q->pp);
        free(q);
        *ctx = NULL;
    }
}

/* libmicrohttpd's own messages stay out of the terminal. */
static void quiet(void *cls, const char *fmt, va_list ap) {}

/* ---- life cycle --------------------------------------------------------------------------- */

static struct MHD_Daemon *listen_on(sp_phones *p, const char *addr, int port)
{
    struct sockaddr_storage ss;
    memset(&ss, 0, sizeof ss);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL;
    struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
    if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)port);
    } else if (inet_pton(AF_INET6, addr, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)port);
        flags |= MHD_USE_IPv6;
    } else {
        return NULL;
    }
    return MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, on_request, p,
                            MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                            MHD_OPTION_CONNECTION_LIMIT, (unsigned)2000,
                            MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)0,
                            MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)15,
                            MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)32768,
                            MHD_OPTION_NOTIFY_COMPLETED, on_completed, p,
                            MHD_OPTION_EXTERNAL_LOGGER, quiet, p,
                            MHD_OPTION_END);
}

static int copy_flags(sp_phones *p, const sp_phones_config *cfg)
{
    int n = cfg->n_flags > 0 && cfg->flag_labels ? cfg->n_flags : 0;
    if (n > SP_ROOM_MAX_FLAGS)
        n = SP_ROOM_MAX_FLAGS;
    p->n_flags = n;
    if (n && !(p->flag_labels = calloc((size_t)n, sizeof *p->flag_labels)))
        return -1;
    for (int i = 0; i < n; i++)
        if (!(p->flag_labels[i] = dup_text(cfg->flag_labels[i])))
            return -1;
    return 0;
}

sp_phones *sp_phones_start(const sp_phones_config *cfg, char *err, size_t errlen)
{
    char addr[64];
    int port = 0;
    sp_lang l = sp_lang_from_code(cfg->lang ? cfg->lang : "nl"); /* the language of err */
    if (cfg->listen && parse_listen(cfg->listen, addr, sizeof addr, &port) != 0) {
        snprintf(err, errlen, sp_translate(l, "--listen %s: verwacht ADRES of ADRES:POORT (poort 1-65535), "
                                              "bijvoorbeeld 127.0.0.1:8080"), cfg->listen);
        return NULL;
    }
    if (!cfg->listen && lan_address(addr, sizeof addr) != 0) {
        snprintf(err, errlen, "%s", sp_translate(l, "deze computer heeft geen netwerkverbinding: verbind hem met het netwerk van de "
                                                    "zaal (of de hotspot van een telefoon), of geef --listen ADRES:POORT"));
        return NULL;
    }
    sp_phones *p = calloc(1, sizeof *p);
    if (!p || pthread_mutex_init(&p->lock, NULL) != 0) {
        free(p);
        snprintf(err, errlen, "%s", sp_translate(l, "onvoldoende geheugen"));
        return NULL;
    }
    p->en = cfg->lang && strcmp(cfg->lang, "en") == 0;
    sp_phones_words_init(&p->words);
    p->notify = cfg->notify;
    p->ud = cfg->ud;
    if (!(p->room = sp_room_new(cfg->n_flags > SP_ROOM_MAX_FLAGS ? SP_ROOM_MAX_FLAGS : cfg->n_flags)) ||
        copy_flags(p, cfg) != 0 || random_hex(p->room_token, SP_ROOM_TOKEN_LEN / 2) != 0 ||
        random_code(p->code) != 0) {
        sp_phones_stop(p);
        snprintf(err, errlen, "%s", sp_translate(l, "onvoldoende geheugen, of geen willekeurige getallen"));
        return NULL;
    }
    /* A given port, else 8080 or the next free one up to 8099. */
    for (int try = port ? port : 8080; !p->mhd && try <= (port ? port : 8099); try++)
        if ((p->mhd = listen_on(p, addr, try)))
            p->port = try;
    if (!p->mhd) {
        if (port)
            snprintf(err, errlen, sp_translate(l, "kan niet luisteren op %s poort %d (de poort is al in gebruik, of het adres "
                                                  "hoort niet bij deze computer); geef een ander adres of een andere poort met "
                                                  "--listen ADRES:POORT"), addr, port);
        else
            snprintf(err, errlen, sp_translate(l, "kan niet luisteren op %s poorten 8080-8099 (allemaal in gebruik?); geef een andere poort met --listen ADRES:POORT"),
                     addr);
        sp_phones_stop(p);
        return NULL;
    }
    if (strchr(addr, ':'))
        snprintf(p->base, sizeof p->base, "http://[%s]:%d/", addr, p->port);
    else
        snprintf(p->base, sizeof p->base, "http://%s:%d/", addr, p->port);
    snprintf(p->url, sizeof p->url, "%sr/%s/", p->base, p->room_token);
    return p;
}

void sp_phones_stop(sp_phones *p)
{
    if (!p)
        return;
    if (p->mhd)
        MHD_stop_daemon(p->mhd);  /* joins the server's thread: no callback runs after this */
    sp_room_free(p->room);
    free(p->prompt);
    for (int i = 0; i < SP_PHONES_MAX_OPTIONS; i++)
        free(p->options[i]);
    for (int i = 0; p->flag_labels && i < p->n_flags; i++)
        free(p->flag_labels[i]);
    free(p->flag_labels);
    pthread_mutex_destroy(&p->lock);
    free(p);
}

const char *sp_phones_url(const sp_phones *p) { return p->url; }
const char *sp_phones_base(const sp_phones *p) { return p->base; }
const char *sp_phones_code(const sp_phones *p) { return p->code; }
int sp_phones_port(const sp_phones *p) { return p->port; }

void sp_phones_round(sp_phones *p, unsigned round, const char *prompt, const char *const *options, int n)
{
    if (n > SP_PHONES_MAX_OPTIONS)
        n = SP_PHONES_MAX_OPTIONS;
    pthread_mutex_lock(&p->lock);
    free(p->prompt);
    p->prompt = dup_text(prompt);
    for (int i = 0; i < SP_PHONES_MAX_OPTIONS; i++) {
        free(p->options[i]);
        p->options[i] = i < n ? dup_text(options[i]) : NULL;
    }
    int ok = p->prompt != NULL;
    for (int i = 0; i < n; i++)
        ok = ok && p->options[i];
    p->n_options = ok ? n : 0;
    if (!ok || sp_room_open(p->room, round, n) != 0)
        sp_room_close(p->room);  /* out of memory or a round that does not grow: no vote */
    pthread_mutex_unlock(&p->lock);
}

void sp_phones_close(sp_phones *p)
{
    pthread_mutex_lock(&p->lock);
    sp_room_close(p->room);
    pthread_mutex_unlock(&p->lock);
}

int sp_phones_counts(sp_phones *p, int *counts, int n)
{
    pthread_mutex_lock(&p->lock);
    int total = sp_room_counts(p->room, counts, n);
    pthread_mutex_unlock(&p->lock);
    return total;
}

void sp_phones_flag_counts(sp_phones *p, int *counts, int n)
{
    pthread_mutex_lock(&p->lock);
    sp_room_flag_counts(p->room, counts, n);
    pthread_mutex_unlock(&p->lock);
}

void sp_phones_flags_clear(sp_phones *p)
{
    pthread_mutex_lock(&p->lock);
    sp_room_flags_clear(p->room);
    pthread_mutex_unlock(&p->lock);
}

int sp_phones_connected(sp_phones *p)
{
    pthread_mutex_lock(&p->lock);
    int n = sp_room_devices(p->room, now_s(), 30);
    pthread_mutex_unlock(&p->lock);
    return n;
}

unsigned char *sp_phones_qr(const sp_phones *p, int *size)
{
    QRcode *q = QRcode_encodeString(p->url, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q)
        return NULL;
    unsigned char *m = malloc((size_t)q->width * (size_t)q->width);
    if (m) {
        for (int i = 0; i < q->width * q->width; i++)
            m[i] = q->data[i] & 1;
        *size = q->width;
    }
    QRcode_free(q);
    return m;
}
