/*
 * tally.c - values kept per name: an array in first-seen order, and an
 * open-addressing index over it (FNV-1a hashes, linear probing, at most
 * half full).
 */
#include "tally.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct wb__tally {
    size_t value_size;
    char **names;
    unsigned char *values;
    size_t count, cap;
    size_t *slots;          /* index + 1; 0 is empty */
    size_t slot_count;      /* a power of two */
};

static uint64_t hash_name(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

wb__tally *wb__tally_new(size_t value_size)
{
    wb__tally *t = calloc(1, sizeof(*t));
    if (t != NULL)
        t->value_size = value_size;
    return t;
}

void wb__tally_free(wb__tally *t)
{
    if (t == NULL)
        return;
    for (size_t i = 0; i < t->count; i++)
        free(t->names[i]);
    free(t->names);
    free(t->values);
    free(t->slots);
    free(t);
}

static size_t slot_of(const wb__tally *t, const char *name)
{
    size_t s = (size_t)(hash_name(name) & (t->slot_count - 1));
    while (t->slots[s] != 0 && strcmp(t->names[t->slots[s] - 1], name) != 0)
        s = (s + 1) & (t->slot_count - 1);
    return s;
}

static int grow_index(wb__tally *t)
{
    size_t n = t->slot_count ? t->slot_count * 2 : 32;
    size_t *slots = calloc(n, sizeof(size_t));
    if (slots == NULL)
        return -1;
    free(t->slots);
    t->slots = slots;
    t->slot_count = n;
    for (size_t i = 0; i < t->count; i++)
        t->slots[slot_of(t, t->names[i])] = i + 1;
    return 0;
}

size_t wb__tally_find(const wb__tally *t, const char *name)
{
    if (t->slot_count == 0)
        return (size_t)-1;
    size_t s = slot_of(t, name);
    return t->slots[s] != 0 ? t->slots[s] - 1 : (size_t)-1;
}

size_t wb__tally_find_or_add(wb__tally *t, const char *name, int *added)
{
    if (added != NULL)
        *added = 0;
    size_t i = wb__tally_find(t, name);
    if (i != (size_t)-1)
        return i;
    if ((t->count + 1) * 2 > t->slot_count && grow_index(t) != 0)
        return (size_t)-1;
    if (t->count == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **names = realloc(t->names, cap * sizeof(*names));
        if (names == NULL)
            return (size_t)-1;
        t->names = names;
        unsigned char *values = realloc(t->values, cap * (t->value_size ? t->value_size : 1));
        if (values == NULL)
            return (size_t)-1;
        t->values = values;
        t->cap = cap;
    }
    size_t len = strlen(name) + 1;
    char *copy = malloc(len);
    if (copy == NULL)
        return (size_t)-1;
    memcpy(copy, name, len);
    i = t->count++;
    t->names[i] = copy;
    memset(t->values + i * t->value_size, 0, t->value_size);
    t->slots[slot_of(t, name)] = i + 1;
    if (added != NULL)
        *added = 1;
    return i;
}

size_t wb__tally_count(const wb__tally *t) { return t != NULL ? t->count : 0; }

const char *wb__tally_name(const wb__tally *t, size_t i)
{
    return t != NULL && i < t->count ? t->names[i] : NULL;
}

void *wb__tally_value(const wb__tally *t, size_t i)
{
    return t != NULL && i < t->count ? t->values + i * t->value_size : NULL;
}
