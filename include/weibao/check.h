/*
 * weibao/check.h - checking a document whatever its kind.
 *
 * The kind of a document (a rubric edition, a calendar edition) is
 * recognised from its content — the namespace of its root element — not
 * from its file name; the document is then checked as that kind, as by
 * wb_rubric_check_file() or wb_calendar_check_file(). A document of no
 * known kind is reported as a finding (document-kind), not skipped.
 */
#ifndef WEIBAO_CHECK_H
#define WEIBAO_CHECK_H

#include <stddef.h>
#include <weibao/common.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

/** The kinds of document libweibao reads. */
typedef enum wb_document_kind {
    WB_DOCUMENT_UNKNOWN = 0,    /**< Not XML, or XML of no known kind. */
    WB_DOCUMENT_RUBRIC = 1,     /**< urn:weibao:rubric:1 */
    WB_DOCUMENT_CALENDAR = 2,   /**< urn:weibao:calendar:1, <calendar> */
    WB_DOCUMENT_CALENDAR_OVERLAY = 3,     /**< urn:weibao:calendar:1, <overlay> */
    WB_DOCUMENT_CALENDAR_PROJECTION = 4,  /**< urn:weibao:calendar:1, <projection> */
    WB_DOCUMENT_RULES = 5,      /**< urn:weibao:rules:1, <rules> (@since 0.3) */
    WB_DOCUMENT_RULE_PACK = 6,  /**< urn:weibao:rules:1, <rule-pack>, checked against the built-in table (@since 0.3) */
    WB_DOCUMENT_DOSSIER = 7     /**< urn:weibao:dossier:1, its form and score sheet (@since 0.3) */
} wb_document_kind;

/**
 * Check a file of any kind. *kind (when kind is not NULL) receives the
 * kind recognised.
 * @return WB_OK when the check ran (findings in *out), WB_EIO, WB_ENOMEM,
 *         WB_EINVAL
 * @since 0.2
 */
WB_API int wb_check_file(wb_diagnostics **out, wb_document_kind *kind,
                         const char *path, wb_error *err);

/** As wb_check_file(), from memory. @since 0.2 */
WB_API int wb_check_buffer(wb_diagnostics **out, wb_document_kind *kind,
                           const char *data, size_t len, const char *name,
                           wb_error *err);

/** "rubric", "calendar", "calendar-overlay", "calendar-projection",
 *  "rules", "rule-pack", "dossier" or "unknown". Static storage. @since 0.2 */
WB_API const char *wb_document_kind_name(wb_document_kind kind);

WB_END_DECLS

#endif /* WEIBAO_CHECK_H */
