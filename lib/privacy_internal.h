/*
 * privacy_internal.h - what a rule pack needs of the privacy scan.
 */
#ifndef WB_PRIVACY_INTERNAL_H
#define WB_PRIVACY_INTERNAL_H

#include <stddef.h>

/* What wb__privacy_pattern_check found wrong with a pattern. */
typedef enum wb__pattern_problem {
    WB__PATTERN_OK = 0,
    WB__PATTERN_EMPTY,          /* no pattern at all */
    WB__PATTERN_BAD,            /* does not compile: *offset and message say where, why */
    WB__PATTERN_MATCHES_EMPTY   /* matches "": it would be found at every place */
} wb__pattern_problem;

/*
 * Whether a pattern (len bytes of UTF-8) can be an extra pattern of a
 * scanner: compiled as wb_privacy_scanner_new compiles it, then matched
 * against the empty string. *problem says what is wrong; for
 * WB__PATTERN_BAD, *offset is PCRE2's offset into the pattern (bytes, at
 * most len) and message (message_size bytes) its text. Returns WB_OK or
 * WB_ENOMEM (memory ran out compiling or matching).
 */
int wb__privacy_pattern_check(const char *pattern, size_t len, wb__pattern_problem *problem,
                              size_t *offset, char *message, size_t message_size);

#endif
