/* test_phones.c: the phones' server on 127.0.0.1: pages, votes, changed and late votes, flags, the room code and its limit, hostile requests, a thousand connections held open and clients that send a byte at a time; a plain socket client, nothing leaves this machine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "net/phones.h"
#include "testutil.h"

static sp_phones *P;
static int notified;
static char PATH[64];   /* "/r/TOKEN/" */

static void on_change(void *ud) { (void)ud; __atomic_add_fetch(&notified, 1, __ATOMIC_SEQ_CST); }

static int dial(void)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)sp_phones_port(P)) };
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    struct timeval tv = { 5, 0 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Sends raw bytes, returns the whole response (static buffer). */
static const char *raw(const char *req, size_t len)
{
    static char buf[65536];
    int fd = dial();
    assert_true(fd >= 0);
    size_t off = 0;
    while (off < len) {
        ssize_t n = send(fd, req + off, len - off, MSG_NOSIGNAL);
        if (n <= 0)
            break;
        off += (size_t)n;
    }
    size_t got = 0;
    ssize_t n;
    while (got < sizeof buf - 1 && (n = recv(fd, buf + got, sizeof buf - 1 - got, 0)) > 0)
        got += (size_t)n;
    buf[got] = '\0';
    close(fd);
    return buf;
}

static const char *get(const char *path, const char *cookie)
{
    char req[1024];
    snprintf(req, sizeof req, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n%s%s%s\r\n", path,
             cookie ? "Cookie: sp_device=" : "", cookie ? cookie : "", cookie ? "\r\n" : "");
    return raw(req, strlen(req));
}

static const char *post(const char *path, const char *cookie, const char *body)
{
    static char req[16384];
    snprintf(req, sizeof req,
             "POST %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\n"
             "Content-Length: %zu\r\n%s%s%s\r\n%s",
             path, strlen(body), cookie ? "Cookie: sp_device=" : "", cookie ? cookie : "", cookie ? "\r\n" : "", body);
    return raw(req, strlen(req));
}

static int status(const char *resp)
{
    int s = 0;
    return sscanf(resp, "HTTP/1.1 %d", &s) == 1 ? s : -1;
}

/* The value of header name (case as sent by libmicrohttpd), in a static buffer. */
static const char *header(const char *resp, const char *name)
{
    static char v[512];
    char key[64];
    snprintf(key, sizeof key, "\r\n%s: ", name);
    const char *h = strstr(resp, key);
    if (!h)
        return "";
    h += strlen(key);
    size_t n = strcspn(h, "\r\n");
    snprintf(v, sizeof v, "%.*s", (int)(n < sizeof v ? n : sizeof v - 1), h);
    return v;
}

static const char *DEV = "00112233445566778899aabbccddeeff";
static const char *DEV2 = "ffeeddccbbaa99887766554433221100";

static int setup(void **state)
{
    (void)state;
    static const char *const labels[] = { "Geen tijd", "Vage opdracht", "<b>Niet pluis</b>" };
    sp_phones_config cfg = { .listen = "127.0.0.1", .lang = "nl", .n_flags = 3, .flag_labels = labels,
                             .notify = on_change };
    char err[256];
    P = sp_phones_start(&cfg, err, sizeof err);
    if (!P) {
        fprintf(stderr, "cannot start: %s\n", err);
        return -1;
    }
    const char *url = sp_phones_url(P);
    const char *r = strstr(url, "/r/");
    snprintf(PATH, sizeof PATH, "%s", r);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    sp_phones_stop(P);
    return 0;
}

static void addresses_and_code(void **state)
{
    (void)state;
    char want[64];
    snprintf(want, sizeof want, "http://127.0.0.1:%d/", sp_phones_port(P));
    assert_string_equal(sp_phones_base(P), want);
    assert_int_equal(strlen(PATH), 3 + 32 + 1);     /* /r/ + 128 bits in hex + / */
    const char *c = sp_phones_code(P);
    assert_int_equal(strlen(c), 7);
    assert_int_equal(c[3], '-');
    int size = 0;
    unsigned char *qr = sp_phones_qr(P, &size);
    assert_non_null(qr);
    assert_true(size >= 21 && (size - 17) % 4 == 0);  /* a QR version's side */
    /* The three finder patterns: a dark 7x7 ring at three corners. */
    int corners[3][2] = { { 0, 0 }, { 0, size - 7 }, { size - 7, 0 } };
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 7; i++) {
            int y = corners[k][0], x = corners[k][1];
            assert_int_equal(qr[y * size + x + i], 1);
            assert_int_equal(qr[(y + 6) * size + x + i], 1);
            assert_int_equal(qr[(y + i) * size + x], 1);
            assert_int_equal(qr[(y + 1) * size + x + 1], 0);
        }
    free(qr);
}

static void pages_are_strict_and_escaped(void **state)
{
    (void)state;
    const char *r = get("/", NULL);
    assert_int_equal(status(r), 200);
    const char *csp = header(r, "Content-Security-Policy");
    assert_non_null(strstr(csp, "default-src 'none'"));
    assert_non_null(strstr(csp, "script-src 'nonce-"));
    assert_string_equal(header(r, "X-Content-Type-Options"), "nosniff");
    assert_null(strstr(r, "http://"));   /* nothing external */
    assert_null(strstr(r, "https://"));

    r = get(PATH, NULL);
    assert_int_equal(status(r), 200);
    assert_non_null(strstr(header(r, "Set-Cookie"), "sp_device="));
    assert_non_null(strstr(header(r, "Set-Cookie"), "SameSite=Strict"));
    assert_non_null(strstr(r, "Er staat nu geen vraag open"));

    static const char *const opts[] = { "Ja, <script>alert(1)</script>", "Nee & \"nooit\"", "Later" };
    sp_phones_round(P, 1, "Wat zeg je tegen 'Klaasen'?", opts, 3);
    r = get(PATH, DEV);
    assert_int_equal(status(r), 200);
    assert_null(strstr(r, "<script>alert"));
    assert_non_null(strstr(r, "Ja, &lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_non_null(strstr(r, "Nee &amp; &quot;nooit&quot;"));
    assert_non_null(strstr(r, "&#39;Klaasen&#39;"));
    assert_non_null(strstr(r, "&lt;b&gt;Niet pluis&lt;/b&gt;"));
    assert_non_null(strstr(r, "<b>C</b> Later"));
    /* The script carries the response's nonce, and each response its own. */
    char nonce[40];
    const char *n = strstr(header(r, "Content-Security-Policy"), "'nonce-");
    assert_non_null(n);
    snprintf(nonce, sizeof nonce, "%.32s", n + 7);
    char want[64];
    snprintf(want, sizeof want, "<script nonce=\"%s\">", nonce);
    assert_non_null(strstr(r, want));
    r = get(PATH, DEV);
    assert_null(strstr(r, want));

    r = get("/r/0123/", NULL);
    assert_int_equal(status(r), 404);
    r = get("/r/../../etc/passwd", NULL);
    assert_int_equal(status(r), 404);
    char wrong[64];
    snprintf(wrong, sizeof wrong, "/r/%032x/", 7);
    assert_int_equal(status(get(wrong, DEV)), 404);
    r = get("/en?lang=en", NULL);
    assert_non_null(strstr(r, "This page does not exist"));
}

static const char *vote(const char *dev, const char *round, const char *opt)
{
    char path[96], body[64];
    snprintf(path, sizeof path, "%svote", PATH);
    snprintf(body, sizeof body, "round=%s&option=%s", round, opt);
    const char *r = post(path, dev, body);
    assert_int_equal(status(r), 303);
    return strstr(header(r, "Location"), "m=") + 2;
}

static void votes_change_close_and_refuse(void **state)
{
    (void)state;
    static const char *const opts[] = { "A-tekst", "B-tekst", "C-tekst", "D-tekst" };
    sp_phones_round(P, 2, "Kies", opts, 4);
    int before = __atomic_load_n(&notified, __ATOMIC_SEQ_CST);
    assert_string_equal(vote(DEV, "2", "1"), "voted");
    assert_string_equal(vote(DEV2, "2", "1"), "voted");
    assert_string_equal(vote(DEV, "2", "3"), "changed");
    assert_true(__atomic_load_n(&notified, __ATOMIC_SEQ_CST) >= before + 3);
    int c[4];
    assert_int_equal(sp_phones_counts(P, c, 4), 2);
    assert_int_equal(c[1], 1);
    assert_int_equal(c[3], 1);
    assert_string_equal(vote(DEV, "1", "0"), "round");    /* a page of the last round */
    assert_string_equal(vote(DEV, "2", "4"), "option");   /* no E */
    assert_string_equal(vote(DEV, "2", "-1"), "option");
    assert_string_equal(vote(DEV, "2", "9999999"), "option");
    char vpath[96];
    snprintf(vpath, sizeof vpath, "%svote", PATH);
    assert_int_equal(status(post(vpath, DEV, "round=2&option=99999999999999999999")), 413); /* over-long field */
    assert_string_equal(vote(NULL, "2", "0"), "cookie");
    assert_string_equal(vote("not-a-token", "2", "0"), "cookie");
    const char *r = get(PATH, DEV);
    assert_non_null(strstr(r, "Jouw stem: D."));
    assert_non_null(strstr(r, "class=\"on\""));
    sp_phones_close(P);
    assert_string_equal(vote(DEV2, "2", "0"), "closed");
    assert_int_equal(sp_phones_counts(P, c, 4), 2);   /* unchanged by the late vote */
    r = get(PATH, DEV);
    assert_non_null(strstr(r, "Er staat nu geen vraag open"));
    char state_path[96];
    snprintf(state_path, sizeof state_path, "%sstate", PATH);
    r = get(state_path, DEV);
    assert_non_null(strstr(r, "{\"round\":2,\"open\":0}"));
    assert_true(sp_phones_connected(P) >= 2);
}

static void flags_toggle(void **state)
{
    (void)state;
    char path[96];
    snprintf(path, sizeof path, "%sflag", PATH);
    int c[3];
    assert_int_equal(status(post(path, DEV, "flag=2")), 303);
    assert_int_equal(status(post(path, DEV2, "flag=2")), 303);
    sp_phones_flag_counts(P, c, 3);
    assert_int_equal(c[2], 2);
    assert_int_equal(status(post(path, DEV, "flag=2")), 303);   /* tapped again: taken back */
    sp_phones_flag_counts(P, c, 3);
    assert_int_equal(c[2], 1);
    assert_non_null(strstr(header(post(path, DEV, "flag=3"), "Location"), "m=option"));
    sp_phones_flags_clear(P);
    sp_phones_flag_counts(P, c, 3);
    assert_int_equal(c[2], 0);
}

static void room_code_and_its_limit(void **state)
{
    (void)state;
    char body[64], low[16];
    const char *code = sp_phones_code(P);
    /* typed in lower case without the dash */
    snprintf(low, sizeof low, "%c%c%c%c%c%c", code[0] | 32, code[1] | 32, code[2] | 32, code[4] | 32, code[5] | 32,
             code[6] | 32);
    snprintf(body, sizeof body, "code=%s", low);
    const char *r = post("/join", NULL, body);
    assert_int_equal(status(r), 303);
    assert_non_null(strstr(header(r, "Location"), PATH));
    int limited = 0;
    for (int i = 0; i < 12; i++) {
        r = post("/join", NULL, "code=AAAAAA");
        limited += status(r) == 429;
        assert_true(status(r) == 403 || status(r) == 429);
    }
    assert_true(limited >= 2);
    r = post("/join", NULL, body);       /* even the right code waits now */
    assert_int_equal(status(r), 429);
}

static void hostile_requests(void **state)
{
    (void)state;
    char path[96];
    snprintf(path, sizeof path, "%svote", PATH);
    static char big[6000];
    memset(big, 'x', sizeof big - 1);
    memcpy(big, "round=2&option=", 15);
    assert_int_equal(status(post(path, DEV, big)), 413);
    const char *put = "PUT / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    const char *r = raw(put, strlen(put));
    assert_int_equal(status(r), 405);
    char req[256];
    snprintf(req, sizeof req, "POST %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc", path);
    assert_int_equal(status(raw(req, strlen(req))), 400);   /* no form type */
    r = raw("GARBAGE\r\n\r\n", 11);
    assert_true(status(r) == 400 || status(r) == -1);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Reads what is left of a response on fd, into buf. */
static void drain(int fd, char *buf, size_t cap)
{
    size_t got = 0;
    ssize_t n;
    while (got < cap - 1 && (n = recv(fd, buf + got, cap - 1 - got, 0)) > 0)
        got += (size_t)n;
    buf[got] = '\0';
}

/* A thousand connections held open (half of them stuck in a request line)
 * and twenty clients that send their vote one byte at a time: a normal vote
 * still goes through at once, the slow votes count when they are complete,
 * and the server answers after they have all gone. */
static void thousand_open_and_slow_clients(void **state)
{
    (void)state;
    enum { HELD = 1000, SLOW = 20 };
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);   /* both ends of each connection live in this process */
    if (rl.rlim_cur < 2 * HELD + 200 && rl.rlim_max >= 2 * HELD + 200) {
        rl.rlim_cur = 2 * HELD + 200;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    if (rl.rlim_cur < 2 * HELD + 200)
        fail_msg("this test needs %d open files (ulimit -n is %ld): raise the limit", 2 * HELD + 200,
                 (long)rl.rlim_cur);
    static const char *const opts[] = { "Ja", "Nee" };
    sp_phones_round(P, 50, "Nog een vraag", opts, 2);
    static int held[HELD];
    for (int i = 0; i < HELD; i++) {
        held[i] = dial();
        assert_true(held[i] >= 0);
        if (i % 2)
            send(held[i], "GET / HT", 8, MSG_NOSIGNAL);
    }
    static char req[SLOW][512];
    int slow[SLOW];
    size_t len[SLOW];
    for (int k = 0; k < SLOW; k++) {
        const char *body = "round=50&option=1";
        len[k] = (size_t)snprintf(req[k], sizeof req[k],
                                  "POST %svote HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                                  "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n"
                                  "Cookie: sp_device=51%030d\r\n\r\n%s", PATH, strlen(body), k, body);
        slow[k] = dial();
        assert_true(slow[k] >= 0);
    }
    /* Byte by byte, every 4 ms; halfway, a normal vote. */
    double normal = -1;
    for (size_t at = 0; at < len[0] + 10; at++) {
        for (int k = 0; k < SLOW; k++)
            if (at < len[k])
                assert_int_equal(send(slow[k], req[k] + at, 1, MSG_NOSIGNAL), 1);
        if (at == len[0] / 2) {
            double t0 = now_s();
            assert_string_equal(vote("a1a2a3a4a5a6a7a8a9a0b1b2b3b4b5b6", "50", "0"), "voted");
            normal = now_s() - t0;
        }
        struct timespec pause = { 0, 4000000 };
        nanosleep(&pause, NULL);
    }
    assert_true(normal >= 0 && normal < 1.0);
    for (int k = 0; k < SLOW; k++) {
        char buf[4096];
        drain(slow[k], buf, sizeof buf);
        assert_int_equal(status(buf), 303);
        assert_non_null(strstr(header(buf, "Location"), "m=voted"));
        close(slow[k]);
    }
    /* Held connections were taken in, not left in the kernel's queue: the
     * last one, finishing its request line now, is answered. */
    const char *rest = "TP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    assert_int_equal(send(held[HELD - 1], rest, strlen(rest), MSG_NOSIGNAL), (ssize_t)strlen(rest));
    char page[16384];
    drain(held[HELD - 1], page, sizeof page);
    assert_int_equal(status(page), 200);
    int c[2];
    assert_int_equal(sp_phones_counts(P, c, 2), SLOW + 1);
    assert_int_equal(c[0], 1);
    assert_int_equal(c[1], SLOW);
    for (int i = 0; i < HELD; i++)
        close(held[i]);
    assert_int_equal(status(get("/", NULL)), 200);
}

static void bad_listen_addresses(void **state)
{
    (void)state;
    char err[256];
    const char *bad[] = { "127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:80x", ":8080", "[::1", "[::1]x" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        sp_phones_config cfg = { .listen = bad[i], .lang = "nl" };
        assert_null(sp_phones_start(&cfg, err, sizeof err));
        assert_non_null(strstr(err, "--listen"));
    }
    char busy[64];
    snprintf(busy, sizeof busy, "127.0.0.1:%d", sp_phones_port(P));
    sp_phones_config cfg = { .listen = busy, .lang = "nl" };
    assert_null(sp_phones_start(&cfg, err, sizeof err));
    assert_non_null(strstr(err, "kan niet luisteren op 127.0.0.1 poort"));
    cfg.lang = "en"; /* the reason in the language asked for */
    assert_null(sp_phones_start(&cfg, err, sizeof err));
    assert_non_null(strstr(err, "cannot listen on 127.0.0.1 port"));
}

int main(void)
{
    testutil_catalogue(); /* the page\'s English comes from po/en.po */
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(addresses_and_code),
        cmocka_unit_test(pages_are_strict_and_escaped),
        cmocka_unit_test(votes_change_close_and_refuse),
        cmocka_unit_test(flags_toggle),
        cmocka_unit_test(room_code_and_its_limit),
        cmocka_unit_test(hostile_requests),
        cmocka_unit_test(thousand_open_and_slow_clients),
        cmocka_unit_test(bad_listen_addresses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
