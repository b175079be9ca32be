/*
 * weibao/errors.h - status codes and the caller-owned error record.
 *
 * Every call that can fail returns an int: WB_OK (0) on success, one of
 * the negative codes below on failure. When the caller passes a wb_error,
 * the library fills it with the code and, where it applies, the rule id,
 * the file, line and column of the cause. The record belongs to the
 * caller, so it cannot go stale and needs no thread-local storage.
 *
 * A finding about a document (a standard whose points do not add up) is
 * not an error: a check that ran returns WB_OK and reports findings as
 * wb_diagnostics. Only a load that cannot produce a usable object fails.
 */
#ifndef WEIBAO_ERRORS_H
#define WEIBAO_ERRORS_H

#include <weibao/common.h>

WB_BEGIN_DECLS

/** Status codes. Values are stable across releases. */
typedef enum wb_status {
    WB_OK = 0,          /**< Success. */
    WB_ERROR = -1,      /**< Failure that fits no other code. */
    WB_EINVAL = -2,     /**< A NULL or out-of-range argument. */
    WB_ENOMEM = -3,     /**< Out of memory. */
    WB_EIO = -4,        /**< A file could not be read or written. */
    WB_ENOTFOUND = -5,  /**< The id, name or value asked for does not exist. */
    WB_EPARSE = -6,     /**< Text that is not well-formed (XML, a date...). */
    WB_ESCHEMA = -7,    /**< A document that breaks its format's schema or rules. */
    WB_EREGEX = -8,     /**< A pattern that does not compile. */
    WB_ECOVERAGE = -9,  /**< A date outside the years the calendar's data covers. */
    WB_EDENIED = -10    /**< A file name that leaves the folder it must stay in. */
} wb_status;

#define WB_ERROR_MESSAGE_SIZE 512
#define WB_ERROR_SOURCE_SIZE 256
#define WB_ERROR_RULE_SIZE 48

/**
 * Details of a failure. Zero it or pass it to wb_error_clear() before
 * use; every function that takes one fills it only when it fails.
 */
typedef struct wb_error {
    int code;                              /**< A wb_status, or WB_OK. */
    int line;                              /**< 1-based line, 0 if none. */
    int column;                            /**< 1-based column in code points, 0 if none. */
    char rule[WB_ERROR_RULE_SIZE];         /**< Diagnostic rule id, "" if none. */
    char source[WB_ERROR_SOURCE_SIZE];     /**< File or buffer name, "" if none. */
    char message[WB_ERROR_MESSAGE_SIZE];   /**< English, one line, never empty after a failure. */
} wb_error;

/**
 * Reset an error record to "no error". Accepts NULL.
 *
 * @since 0.1
 */
WB_API void wb_error_clear(wb_error *err);

/**
 * A short English description of a status code. Static storage; an
 * unknown code gives "unknown error".
 *
 * @since 0.1
 */
WB_API const char *wb_strerror(int code);

WB_END_DECLS

#endif /* WEIBAO_ERRORS_H */
