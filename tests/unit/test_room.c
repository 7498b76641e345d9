/* test_room.c: phone voting state: rounds, one vote per device, changed votes, late and wrong-round votes, flags, connected devices, the device limit; and a random sequence checked against a plain list of what each device last did. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/room.h"

/* Token number i as 32 hex digits. */
static const char *tok(int i)
{
    static char buf[8][SP_ROOM_TOKEN_LEN + 1];
    static int next;
    char *b = buf[next++ % 8];
    snprintf(b, sizeof buf[0], "%032x", (unsigned)i * 2654435761u);
    return b;
}

static void tokens_are_checked(void **state)
{
    (void)state;
    assert_true(sp_room_token_ok("0123456789abcdef0123456789abcdef"));
    assert_false(sp_room_token_ok("0123456789ABCDEF0123456789abcdef")); /* upper case */
    assert_false(sp_room_token_ok("0123456789abcdef0123456789abcde"));  /* short */
    assert_false(sp_room_token_ok("0123456789abcdef0123456789abcdef0")); /* long */
    assert_false(sp_room_token_ok("../../etc/passwd0123456789abcdef"));
    assert_false(sp_room_token_ok(NULL));
    sp_room *r = sp_room_new(14);
    assert_int_equal(sp_room_open(r, 1, 3), 0);
    assert_int_equal(sp_room_vote(r, "nope", 1, 0), SP_ROOM_ETOKEN);
    assert_int_equal(sp_room_flag(r, "nope", 0, 1), SP_ROOM_ETOKEN);
    assert_int_equal(sp_room_seen(r, "nope", 5), SP_ROOM_ETOKEN);
    sp_room_free(r);
}

static void a_round_counts_one_vote_per_device(void **state)
{
    (void)state;
    sp_room *r = sp_room_new(14);
    int c[5];
    assert_int_equal(sp_room_vote(r, tok(1), 1, 0), SP_ROOM_ECLOSED); /* nothing open yet */
    assert_int_equal(sp_room_open(r, 1, 3), 0);
    assert_int_equal(sp_room_vote(r, tok(1), 1, 0), SP_ROOM_VOTED);
    assert_int_equal(sp_room_vote(r, tok(2), 1, 2), SP_ROOM_VOTED);
    assert_int_equal(sp_room_vote(r, tok(3), 1, 2), SP_ROOM_VOTED);
    assert_int_equal(sp_room_vote(r, tok(1), 1, 2), SP_ROOM_CHANGED); /* 1 changes A -> C */
    assert_int_equal(sp_room_vote(r, tok(4), 1, 3), SP_ROOM_EOPTION);  /* no D */
    assert_int_equal(sp_room_vote(r, tok(4), 0, 1), SP_ROOM_EROUND);
    assert_int_equal(sp_room_counts(r, c, 3), 3);
    assert_int_equal(c[0], 0);
    assert_int_equal(c[1], 0);
    assert_int_equal(c[2], 3);
    assert_int_equal(sp_room_vote_of(r, tok(1)), 2);
    assert_int_equal(sp_room_vote_of(r, tok(4)), -1);

    /* Closed: late votes are refused, the counts stay. */
    sp_room_close(r);
    assert_false(sp_room_is_open(r));
    assert_int_equal(sp_room_vote(r, tok(5), 1, 0), SP_ROOM_ECLOSED);
    assert_int_equal(sp_room_counts(r, c, 3), 3);

    /* The next round starts empty; a page still showing round 1 is refused. */
    assert_int_equal(sp_room_open(r, 1, 2), -1);  /* rounds only grow */
    assert_int_equal(sp_room_open(r, 2, 2), 0);
    assert_int_equal(sp_room_counts(r, c, 2), 0);
    assert_int_equal(sp_room_vote_of(r, tok(1)), -1);
    assert_int_equal(sp_room_vote(r, tok(1), 1, 0), SP_ROOM_EROUND);
    assert_int_equal(sp_room_vote(r, tok(1), 2, 1), SP_ROOM_VOTED);
    assert_int_equal(sp_room_counts(r, c, 2), 1);
    assert_int_equal(c[1], 1);
    assert_int_equal(sp_room_open(r, 3, 0), -1);
    assert_int_equal(sp_room_open(r, 3, 6), -1);
    sp_room_free(r);
}

static void flags_and_devices(void **state)
{
    (void)state;
    sp_room *r = sp_room_new(14);
    int c[14];
    assert_int_equal(sp_room_flag(r, tok(1), 3, 1), SP_ROOM_VOTED);
    assert_int_equal(sp_room_flag(r, tok(2), 3, 1), SP_ROOM_VOTED);
    assert_int_equal(sp_room_flag(r, tok(2), 13, 1), SP_ROOM_VOTED);
    assert_int_equal(sp_room_flag(r, tok(2), 3, 1), SP_ROOM_VOTED);  /* twice: still one */
    assert_int_equal(sp_room_flag(r, tok(2), 14, 1), SP_ROOM_EOPTION);
    assert_int_equal(sp_room_flag(r, tok(2), -1, 1), SP_ROOM_EOPTION);
    sp_room_flag_counts(r, c, 14);
    assert_int_equal(c[3], 2);
    assert_int_equal(c[13], 1);
    assert_int_equal(c[0], 0);
    assert_true(sp_room_flag_of(r, tok(2), 13));
    assert_int_equal(sp_room_flag(r, tok(2), 13, 0), SP_ROOM_VOTED);
    assert_false(sp_room_flag_of(r, tok(2), 13));
    sp_room_flags_clear(r);
    sp_room_flag_counts(r, c, 14);
    assert_int_equal(c[3], 0);

    assert_int_equal(sp_room_seen(r, tok(1), 100), SP_ROOM_VOTED);
    assert_int_equal(sp_room_seen(r, tok(2), 120), SP_ROOM_VOTED);
    assert_int_equal(sp_room_devices(r, 125, 30), 2);
    assert_int_equal(sp_room_devices(r, 140, 30), 1);   /* 1 was last seen 40 s ago */
    assert_int_equal(sp_room_devices(r, 200, 30), 0);
    sp_room_free(r);
}

static void the_device_limit_holds(void **state)
{
    (void)state;
    sp_room *r = sp_room_new(0);
    assert_int_equal(sp_room_open(r, 1, 2), 0);
    for (int i = 0; i < SP_ROOM_MAX_DEVICES; i++)
        assert_int_equal(sp_room_vote(r, tok(i + 1), 1, i % 2), SP_ROOM_VOTED);
    assert_int_equal(sp_room_vote(r, tok(SP_ROOM_MAX_DEVICES + 1), 1, 0), SP_ROOM_EFULL);
    assert_int_equal(sp_room_vote(r, tok(1), 1, 1), SP_ROOM_CHANGED); /* known devices still vote */
    int c[2];
    assert_int_equal(sp_room_counts(r, c, 2), SP_ROOM_MAX_DEVICES);
    assert_int_equal(c[0], SP_ROOM_MAX_DEVICES / 2 - 1);
    assert_int_equal(c[1], SP_ROOM_MAX_DEVICES / 2 + 1);
    assert_null(sp_room_new(SP_ROOM_MAX_FLAGS + 1));
    sp_room_free(r);
}

/* A random mix of opens, closes, votes and flags against a plain model: an
 * array of what each of 40 devices last did. */
static void random_sequence_matches_a_plain_model(void **state)
{
    (void)state;
    enum { DEV = 40, STEPS = 20000 };
    int vote[DEV];
    unsigned vround[DEV], flags[DEV];
    memset(vround, 0, sizeof vround);
    memset(flags, 0, sizeof flags);
    for (int i = 0; i < DEV; i++)
        vote[i] = -1;
    unsigned round = 0;
    int open = 0, nopt = 0;
    sp_room *r = sp_room_new(14);
    srand(7);
    for (int s = 0; s < STEPS; s++) {
        int op = rand() % 10, dev = rand() % DEV, k = rand() % 6 - 0;
        if (op == 0) {
            nopt = 1 + rand() % 5;
            round++;
            assert_int_equal(sp_room_open(r, round, nopt), 0);
            open = 1;
        } else if (op == 1) {
            sp_room_close(r);
            open = 0;
        } else if (op < 7) {
            unsigned vr = rand() % 8 == 0 ? round - 1 : round;
            sp_room_result got = sp_room_vote(r, tok(dev + 1), vr, k);
            sp_room_result want;
            if (!open)
                want = SP_ROOM_ECLOSED;
            else if (vr != round)
                want = SP_ROOM_EROUND;
            else if (k >= nopt)
                want = SP_ROOM_EOPTION;
            else {
                want = vround[dev] == round && vote[dev] >= 0 ? SP_ROOM_CHANGED : SP_ROOM_VOTED;
                vround[dev] = round;
                vote[dev] = k;
            }
            assert_int_equal(got, want);
        } else {
            int f = rand() % 14, on = rand() % 2;
            assert_int_equal(sp_room_flag(r, tok(dev + 1), f, on), SP_ROOM_VOTED);
            flags[dev] = on ? flags[dev] | 1u << f : flags[dev] & ~(1u << f);
        }
        int c[5], want_c[5] = { 0 }, want_total = 0;
        for (int i = 0; i < DEV; i++)
            if (round > 0 && vround[i] == round && vote[i] >= 0 && vote[i] < nopt) {
                want_c[vote[i]]++;
                want_total++;
            }
        assert_int_equal(sp_room_counts(r, c, nopt), want_total);
        for (int i = 0; i < nopt; i++)
            assert_int_equal(c[i], want_c[i]);
        int fc[14];
        sp_room_flag_counts(r, fc, 14);
        for (int f = 0; f < 14; f++) {
            int n = 0;
            for (int i = 0; i < DEV; i++)
                n += flags[i] >> f & 1u;
            assert_int_equal(fc[f], n);
        }
    }
    sp_room_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tokens_are_checked),
        cmocka_unit_test(a_round_counts_one_vote_per_device),
        cmocka_unit_test(flags_and_devices),
        cmocka_unit_test(the_device_limit_holds),
        cmocka_unit_test(random_sequence_matches_a_plain_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
