/*
 * tally.h - values kept per name, in first-seen order.
 *
 * What the evaluation counts per rule, unit or township, and what rules
 * over whole ledgers gather per township, year or person: a name, found
 * again in constant time, with a fixed-size value beside it that starts
 * zeroed. Names are copied.
 */
#ifndef WB_TALLY_H
#define WB_TALLY_H

#include <stddef.h>

typedef struct wb__tally wb__tally;

/* A tally whose values are value_size bytes each; NULL when out of memory. */
wb__tally *wb__tally_new(size_t value_size);
void wb__tally_free(wb__tally *tally);      /* accepts NULL */

/*
 * The index of name, added (its value zeroed) when new; *added says which
 * when not NULL. Returns (size_t)-1 when out of memory.
 */
size_t wb__tally_find_or_add(wb__tally *tally, const char *name, int *added);
/* The index of name, or (size_t)-1. */
size_t wb__tally_find(const wb__tally *tally, const char *name);

size_t wb__tally_count(const wb__tally *tally);
const char *wb__tally_name(const wb__tally *tally, size_t i);
/* The value of entry i; valid until the next entry is added. */
void *wb__tally_value(const wb__tally *tally, size_t i);

#endif
