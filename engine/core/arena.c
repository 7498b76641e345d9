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
 * behind the current one so its free space is not wasted).
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

void *sp_arena_alloc(sp_arena *a, size_t size)
{
    if (!a)
        return NULL;
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - SP_ARENA_ALIGN)
        return NULL;
    size_t need = (size + SP_ARENA_ALIGN - 1) & ~(SP_ARENA_ALIGN - 1);
    sp_block *b = a->head;
    if (!b || b->size - b->used < need) {
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
    }
    void *p = b->data + b->used;
    b->used += need;
    a->handed_out += size;
    memset(p, 0, size);
    return p;
}

char *sp_arena_strndup(sp_arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    size_t len = strnlen(s, n);
    char *p = sp_arena_alloc(a, len + 1);
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
