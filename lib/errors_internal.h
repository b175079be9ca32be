/*
 * errors_internal.h - filling a caller's wb_error.
 */
#ifndef WB_ERRORS_INTERNAL_H
#define WB_ERRORS_INTERNAL_H

#include "weibao/errors.h"

#if defined(__GNUC__)
# define WB__PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
# define WB__PRINTF(f, a)
#endif

/*
 * Record a failure in err (when not NULL) and return code, so that a
 * caller can write `return wb__error_set(err, WB_EINVAL, ...)`.
 * source and rule may be NULL; line and column 0 mean unknown.
 */
int wb__error_set(wb_error *err, int code, const char *source, int line,
                  int column, const char *rule, const char *fmt, ...)
    WB__PRINTF(7, 8);

/* Shorthand for a bad argument: names the function and the argument. */
int wb__error_arg(wb_error *err, const char *function, const char *argument);

#endif
