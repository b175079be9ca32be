/*
 * weibao/diagnostic.h - findings about a document.
 *
 * Checking a document (wb_rubric_check_file) collects every problem it
 * can find rather than stopping at the first. Each finding names its
 * rule id, severity, place (file, line, column) and says what is wrong in
 * Chinese and in English. A list never changes once returned, so it may
 * be read from several threads at once; the one exception is an
 * evaluation's problem list (weibao/compliance.h), which grows as records
 * are added. A finding, once taken from a list, stays valid and unchanged
 * until the list is freed.
 *
 * Lines and columns start at 1; a column counts Unicode code points from
 * the start of its line. A finding placed on a line always has a column
 * of at least 1 (1 when it is about the line as a whole); line 0 and
 * column 0 mean a finding about the whole file.
 */
#ifndef WEIBAO_DIAGNOSTIC_H
#define WEIBAO_DIAGNOSTIC_H

#include <weibao/common.h>

WB_BEGIN_DECLS

/** How serious a finding is. Ordered: a higher value is more serious. */
typedef enum wb_severity {
    WB_SEVERITY_NOTE = 0,
    WB_SEVERITY_WARNING = 1,
    WB_SEVERITY_ERROR = 2
} wb_severity;

/** The language of a message. */
typedef enum wb_lang {
    WB_LANG_ZH = 0,   /**< Simplified Chinese, the default. */
    WB_LANG_EN = 1    /**< English. */
} wb_lang;

typedef struct wb_diagnostics wb_diagnostics;
typedef struct wb_diagnostic wb_diagnostic;

/** Number of findings in the list. 0 for NULL. @since 0.1 */
WB_API size_t wb_diagnostics_count(const wb_diagnostics *list);

/**
 * Number of findings at or above a severity. 0 for NULL.
 * @since 0.1
 */
WB_API size_t wb_diagnostics_count_at_least(const wb_diagnostics *list,
                                            wb_severity min);

/**
 * The i-th finding, in the order found (document order within a file).
 * Borrowed: valid until the list is freed. NULL when i is out of range.
 * @since 0.1
 */
WB_API const wb_diagnostic *wb_diagnostics_at(const wb_diagnostics *list,
                                              size_t i);

/** Free a list and every finding in it. Accepts NULL. @since 0.1 */
WB_API void wb_diagnostics_free(wb_diagnostics *list);

/** @since 0.1 */
WB_API wb_severity wb_diagnostic_severity(const wb_diagnostic *d);

/**
 * The rule id, e.g. "rubric-duplicate-id". Borrowed from the list.
 * @since 0.1
 */
WB_API const char *wb_diagnostic_rule(const wb_diagnostic *d);

/**
 * The message in the language asked for, on one line; never NULL for a
 * finding. Borrowed from the list.
 * @since 0.1
 */
WB_API const char *wb_diagnostic_message(const wb_diagnostic *d, wb_lang lang);

/** The file or buffer name. Borrowed from the list. @since 0.1 */
WB_API const char *wb_diagnostic_file(const wb_diagnostic *d);

/** 1-based line, 0 if unknown. @since 0.1 */
WB_API int wb_diagnostic_line(const wb_diagnostic *d);

/** 1-based column in code points (at least 1 when the line is known), 0
    for a finding about the whole file. @since 0.1 */
WB_API int wb_diagnostic_column(const wb_diagnostic *d);

/**
 * The lowercase English name of a severity ("error", "warning", "note").
 * Static storage.
 * @since 0.1
 */
WB_API const char *wb_severity_name(wb_severity severity);

/**
 * Every rule id the library can report, for documentation and for
 * SARIF's rule table. Count plus index; static storage.
 * @since 0.1
 */
WB_API size_t wb_check_count(void);
/** The i-th rule id, NULL when out of range. @since 0.1 */
WB_API const char *wb_check_id_at(size_t i);
/** The severity a rule reports at; an unknown id gives WB_SEVERITY_ERROR. @since 0.1 */
WB_API wb_severity wb_check_severity(const char *rule_id);
/** A one-line summary of what a rule checks, NULL for an unknown id. @since 0.1 */
WB_API const char *wb_check_summary(const char *rule_id, wb_lang lang);

WB_END_DECLS

#endif /* WEIBAO_DIAGNOSTIC_H */
