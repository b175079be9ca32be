/*
 * weibao/report.h - the county's report, in text, JSON, HTML or CSV.
 *
 * A report is written into a string the caller owns (wb_free), so that a
 * program can put it where it likes; weibao-lint writes it atomically.
 * Every report names what it rests on: the rubric, calendar and rule
 * editions, the rule pack, the as-of date and the SHA-256 of each input
 * file, so that the same inputs give the same report.
 *
 * HTML is one self-contained file (inline CSS and SVG, no script, nothing
 * fetched) that a clerk can open or print. No report contains a name or
 * a whole identity number: ledger findings are quoted by their keys.
 *
 * Threading: pure functions of their arguments.
 */
#ifndef WEIBAO_REPORT_H
#define WEIBAO_REPORT_H

#include <stddef.h>
#include <weibao/assessment.h>
#include <weibao/common.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>
#include <weibao/rubric.h>

WB_BEGIN_DECLS

typedef enum wb_report_format {
    WB_REPORT_TEXT = 0,
    WB_REPORT_JSON = 1,
    WB_REPORT_HTML = 2,
    WB_REPORT_CSV = 3       /**< one row per standard (per county for tables) */
} wb_report_format;

/**
 * The report of one assessment: the result (vetoed or the total), points
 * per category, the veto items, the flagged standards, every standard,
 * the units (责任分工表), the findings with their ledger lines, the inputs.
 * @return WB_OK, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_report_assessment(char **out, const wb_assessment *a, wb_report_format format,
                                wb_lang lang, wb_error *err);

/**
 * Many counties at once (a province's): one row a county with its total,
 * its result, its vetoes and its flagged standards.
 * @return WB_OK, WB_ENOMEM, WB_EINVAL (a NULL list or entry)
 * @since 0.3
 */
WB_API int wb_report_table(char **out, const wb_assessment *const *list, size_t count,
                           wb_report_format format, wb_lang lang, wb_error *err);

/**
 * Two assessments of the same rubric edition compared (last year's and
 * this year's, or the county's and the evaluator's): per standard, the
 * points and the violations in each and what changed.
 * @return WB_OK, WB_ENOMEM, WB_EINVAL (different editions)
 * @since 0.3
 */
WB_API int wb_report_compare(char **out, const wb_assessment *before, const wb_assessment *after,
                             wb_report_format format, wb_lang lang, wb_error *err);

/**
 * The responsibility matrix (责任分工表): units × standards, a mark where
 * a unit answers for a standard (directly, or through a group). CSV or
 * HTML (WB_EINVAL for the others).
 * @since 0.3
 */
WB_API int wb_report_responsibilities(char **out, const wb_rubric *rubric,
                                      wb_report_format format, wb_lang lang, wb_error *err);

WB_END_DECLS

#endif /* WEIBAO_REPORT_H */
