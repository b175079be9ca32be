/*
 * arena.h - a bump allocator for objects that live and die together.
 *
 * A loaded rubric is hundreds of small strings and arrays that are never
 * freed one by one; the arena hands them out from large blocks and frees
 * them all at once. Not thread-safe while allocating; the objects it
 * holds are read-only afterwards.
 */
#ifndef WB_ARENA_H
#define WB_ARENA_H

#include <stddef.h>

typedef struct wb__arena_block wb__arena_block;

typedef struct wb__arena {
    wb__arena_block *head;
} wb__arena;

/* Zeroed memory of `size` bytes aligned for any type; NULL when out of memory. */
void *wb__arena_alloc(wb__arena *arena, size_t size);
/* An array of n zeroed elements; NULL on overflow or out of memory. */
void *wb__arena_calloc(wb__arena *arena, size_t n, size_t size);
/* A NUL-terminated copy of s (NULL gives NULL). */
char *wb__arena_strdup(wb__arena *arena, const char *s);
/* Free every block; the arena may be reused afterwards. */
void wb__arena_dispose(wb__arena *arena);

#endif
