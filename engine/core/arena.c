/* arena.c: bump allocator that owns everything a loaded handbook or scenario holds. */
#include "arena.h"
#include "alloc.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

/*
 * Blocks form a singly linked list, newest first. Allocation bumps `used`
 * in the newest block; a request that does not fit starts a new block of at
 * least SP_ARENA_BLOCK bytes (bigger requests get a block of their own, put
 * behind the current one so its free space is not wasted). Blocks start
 * aligned for any type; sp_arena_alloc aligns each allocation for any
 * object or array of its size, strings are packed without alignment.
 */
#define SP_ARENA_BLOCK (64u * 1024u)
#define SP_ARENA_ALIGN (alignof(max_align_t))

typedef struct sp_block {
    struct sp_block *next;
    size_t size, used;
    alignas(max_align_t) unsigned char data[];
} sp_block;

struct sp_arena {
    sp_block *head;
    size_t handed_out;
};

sp_arena *sp_arena_new(void)
{
    return sp_calloc(1, sizeof(sp_arena));
}

void sp_arena_free(sp_arena *a)
{
    if (!a)
        return;
    sp_block *b = a->head;
    while (b) {
        sp_block *next = b->next;
        sp_free(b);
        b = next;
    }
    sp_free(a);
}

static sp_block *block_new(size_t size)
{
    if (size > SIZE_MAX - sizeof(sp_block))
        return NULL;
    sp_block *b = sp_malloc(sizeof(sp_block) + size);
    if (!b)
        return NULL;
    b->next = NULL;
    b->size = size;
    b->used = 0;
    return b;
}

/* size bytes at a multiple of align (a power of two, at most
 * SP_ARENA_ALIGN) in the newest block, or in a new one; not zeroed. */
static void *arena_take(sp_arena *a, size_t size, size_t align)
{
    if (!a)
        return NULL;
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - SP_ARENA_ALIGN)
        return NULL;
    sp_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < size) {
        size_t need = (size + SP_ARENA_ALIGN - 1) & ~(SP_ARENA_ALIGN - 1);
        if (need > SP_ARENA_BLOCK / 4 && b) {
            /* Big request: its own block, behind the current one. */
            sp_block *big = block_new(need);
            if (!big)
                return NULL;
            big->next = b->next;
            b->next = big;
            b = big;
        } else {
            sp_block *nb = block_new(need > SP_ARENA_BLOCK ? need : SP_ARENA_BLOCK);
            if (!nb)
                return NULL;
            nb->next = a->head;
            a->head = nb;
            b = nb;
        }
        at = b->used;
    }
    void *p = b->data + at;
    b->used = at + size;
    a->handed_out += size;
    return p;
}

void *sp_arena_alloc(sp_arena *a, size_t size)
{
    /* An object's alignment divides its size, and so does that of an
     * array's elements: the largest power of two that divides size (at
     * most max_align_t's) is enough, and packs the model's many small
     * arrays closer than max_align_t's 16 bytes would. */
    size_t align = SP_ARENA_ALIGN;
    while (align > 1 && size % align != 0)
        align /= 2;
    void *p = arena_take(a, size, align);
    if (p)
        memset(p, 0, size ? size : 1);
    return p;
}

char *sp_arena_strndup(sp_arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    size_t len = strnlen(s, n);
    /* Text needs no alignment: packed end to end (a 5,000-node case holds
     * about 100,000 strings, which alignment would pad by 8 bytes each). */
    char *p = arena_take(a, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *sp_arena_strdup(sp_arena *a, const char *s)
{
    if (!s)
        return NULL;
    return sp_arena_strndup(a, s, strlen(s));
}

size_t sp_arena_used(const sp_arena *a)
{
    return a ? a->handed_out : 0;
}
