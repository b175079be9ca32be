/*
 * arena.c - bump allocation from a list of blocks.
 *
 * Invariant: every returned pointer is aligned to max_align_t and lies in
 * exactly one block of the list; blocks are freed only by dispose.
 */
#include "arena.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_SIZE 16384u

struct wb__arena_block {
    wb__arena_block *next;
    size_t used;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

static size_t align_up(size_t n)
{
    size_t a = alignof(max_align_t);
    return (n + a - 1) / a * a;
}

void *wb__arena_alloc(wb__arena *arena, size_t size)
{
    if (size == 0)
        size = 1;
    if (size > SIZE_MAX / 2)
        return NULL;
    size = align_up(size);

    wb__arena_block *b = arena->head;
    if (b == NULL || b->size - b->used < size) {
        size_t cap = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        b = malloc(sizeof(*b) + cap);
        if (b == NULL)
            return NULL;
        b->size = cap;
        b->used = 0;
        b->next = arena->head;
        arena->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

void *wb__arena_calloc(wb__arena *arena, size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    return wb__arena_alloc(arena, n * size);
}

char *wb__arena_strdup(wb__arena *arena, const char *s)
{
    if (s == NULL)
        return NULL;
    size_t len = strlen(s);
    char *copy = wb__arena_alloc(arena, len + 1);
    if (copy != NULL)
        memcpy(copy, s, len + 1);
    return copy;
}

void wb__arena_dispose(wb__arena *arena)
{
    wb__arena_block *b = arena->head;
    while (b != NULL) {
        wb__arena_block *next = b->next;
        free(b);
        b = next;
    }
    arena->head = NULL;
}
