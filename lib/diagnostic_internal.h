/*
 * diagnostic_internal.h - building a list of findings.
 */
#ifndef WB_DIAGNOSTIC_INTERNAL_H
#define WB_DIAGNOSTIC_INTERNAL_H

#include "weibao/diagnostic.h"
#include "weibao/errors.h"
#include "errors_internal.h"

/* Rule ids, one per kind of finding; the table in diagnostic.c documents them. */
#define WB_CHECK_XML_MALFORMED       "xml-malformed"
#define WB_CHECK_XML_WARNING         "xml-warning"
#define WB_CHECK_XML_DOCTYPE         "xml-doctype"
#define WB_CHECK_XML_ENCODING        "xml-encoding"
#define WB_CHECK_SCHEMA              "schema-invalid"
#define WB_CHECK_DOCUMENT_KIND       "document-kind"
#define WB_CHECK_DUPLICATE_ID        "rubric-duplicate-id"
#define WB_CHECK_ID_CATEGORY         "rubric-id-category"
#define WB_CHECK_POINTS              "rubric-zero-points"
#define WB_CHECK_TOTAL               "rubric-total-mismatch"
#define WB_CHECK_UNKNOWN_UNIT        "rubric-unknown-unit"
#define WB_CHECK_DUPLICATE_UNIT      "rubric-duplicate-unit"
#define WB_CHECK_BAD_MEMBER          "rubric-bad-member"
#define WB_CHECK_REPEATED_UNIT       "rubric-repeated-unit"
#define WB_CHECK_CAL_DATE            "calendar-bad-date"
#define WB_CHECK_CAL_RANGE           "calendar-range"
#define WB_CHECK_CAL_DAYS            "calendar-days-mismatch"
#define WB_CHECK_CAL_YEAR            "calendar-notice-year"
#define WB_CHECK_CAL_MAKEUP          "calendar-makeup-weekday"
#define WB_CHECK_CAL_AMENDS          "calendar-amends"
#define WB_CHECK_CAL_DUPLICATE       "calendar-duplicate-notice"
#define WB_CHECK_CAL_MISSING         "calendar-missing-notice"
#define WB_CHECK_CAL_OVERLAP         "calendar-overlap"
#define WB_CHECK_CAL_YEARS           "calendar-years"
#define WB_CHECK_NOTICE_UNREADABLE   "notice-unreadable"
#define WB_CHECK_NOTICE_WEEKDAY      "notice-weekday"
#define WB_CHECK_NOTICE_MISSING      "notice-missing"
#define WB_CHECK_NOTICE_UNCITED      "notice-uncited"
#define WB_CHECK_RULES_LANG          "rules-lang"
#define WB_CHECK_RULES_PARAM         "rules-param"
#define WB_CHECK_RULES_DUPLICATE     "rules-duplicate"
#define WB_CHECK_RULES_UNKNOWN       "rules-unknown"
#define WB_CHECK_PACK_UNKNOWN        "pack-unknown"
#define WB_CHECK_PACK_VALUE          "pack-value"
#define WB_CHECK_PACK_PATTERN        "pack-bad-pattern"
/* Ledger rows (ledger.c, ledger_read.c, compliance.c use the strings). */
#define WB_CHECK_LEDGER_BAD_DATE     "ledger-bad-date"
/* The privacy scan of free text (privacy.c). */
#define WB_CHECK_PRIVACY_ID_NUMBER   "privacy-id-number"
#define WB_CHECK_PRIVACY_PHONE       "privacy-phone"
#define WB_CHECK_PRIVACY_BANK_CARD   "privacy-bank-card"
#define WB_CHECK_PRIVACY_NAME_CASE   "privacy-name-case"
#define WB_CHECK_PRIVACY_PATTERN     "privacy-pattern"
#define WB_CHECK_PRIVACY_LIMIT       "privacy-limit"

wb_diagnostics *wb__diagnostics_new(void);

/*
 * Append a finding at the rule's own severity. The two formats take the
 * same arguments in the same order: en_fmt for English, zh_fmt for
 * Chinese. Returns WB_OK or WB_ENOMEM.
 */
int wb__diagnostics_add(wb_diagnostics *list, const char *rule,
                        const char *file, int line, int column,
                        const char *en_fmt, const char *zh_fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 8), format(printf, 7, 8)))
#endif
    ;

/* As wb__diagnostics_add() with an explicit severity and ready text. */
int wb__diagnostics_add_text(wb_diagnostics *list, wb_severity severity,
                             const char *rule, const char *file, int line,
                             int column, const char *en, const char *zh);

/* Put the findings of one document in document order (line, column,
   then the order found). */
void wb__diagnostics_sort(wb_diagnostics *list);

/* The first finding at error severity, or NULL. */
const wb_diagnostic *wb__diagnostics_first_error(const wb_diagnostics *list);

/*
 * Report a failed load in err: the first error finding, with its place
 * and rule, or for a status no finding explains (out of memory) a plain
 * message naming the document. Returns rc.
 */
int wb__diagnostics_fail(const wb_diagnostics *list, int rc, const char *name,
                         wb_error *err);

/* Fill err from a finding (English message), returning code. */
int wb__diagnostic_to_error(const wb_diagnostic *d, int code, wb_error *err);

#endif
