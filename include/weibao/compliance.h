/*
 * weibao/compliance.h - checking ledgers against the rules.
 *
 * An evaluation checks records as of one date against a rule set, on a
 * working-day calendar. Records come one at a time from an OA system
 * (wb_evaluation_add_record) or from ledger files, read as a stream
 * (wb_evaluation_add_file): memory does not grow with the number of rows,
 * except for the keys kept to find duplicates (a 64-bit hash and a line
 * per row in a table kept at most half full: 24 to 48 bytes a row, about
 * 36 MiB at its peak for a million rows) and, for the rules over whole
 * ledgers, a copy of the rows of the ledgers they read (never the
 * background checks).
 *
 * Every rule that checks a record's kind gives one result per record:
 *  - complies:           the obligation is met (a re-query not yet due
 *                        also complies, with its next due date);
 *  - pending:            the deadline lies after the as-of date and the
 *                        thing is not done yet (days left);
 *  - violation:          done late, or not done by a deadline that has
 *                        passed (days late);
 *  - not applicable:     the rule's precondition does not hold (a query
 *                        result that shows no record needs no dismissal);
 *  - insufficient data:  the record lacks what the rule needs (it is
 *                        never passed silently).
 * A result says its due date, the date it was done, the days late or
 * left, and explains itself: the period's start, its count, the
 * holidays it skipped and any art. 203 move.
 *
 * Results reach the caller through a callback while the evaluation runs
 * (wb_evaluation_on_result), or are kept in the evaluation to be read
 * afterwards. Counts per rule, per rubric standard, per unit and per
 * township are kept either way.
 *
 * A bad row (a date that does not exist, a missing key, a duplicated
 * key, a value a column cannot hold) is a problem, reported with its file
 * and line; the row is not evaluated and the rest of the file is.
 *
 * Optionally (wb_evaluation_set_privacy), the free-text cells of every
 * row are scanned for minors' personal data, each finding a problem at
 * the place in the file where the data starts.
 *
 * Ownership: an evaluation belongs to its caller (wb_evaluation_free); it
 * borrows the rule set and the calendar, which must outlive it and every
 * result taken from it. A result passed to a callback lives until the
 * callback returns; results kept in the evaluation live as long as it.
 * Strings from wb_result_message and wb_result_explain are the caller's
 * (wb_free).
 * Threading: one thread per evaluation; rule sets and calendars may be
 * shared by many evaluations at once.
 */
#ifndef WEIBAO_COMPLIANCE_H
#define WEIBAO_COMPLIANCE_H

#include <stddef.h>
#include <stdint.h>
#include <weibao/calendar.h>
#include <weibao/common.h>
#include <weibao/date.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>
#include <weibao/ledger.h>
#include <weibao/privacy.h>
#include <weibao/rules.h>

WB_BEGIN_DECLS

typedef struct wb_evaluation wb_evaluation;
typedef struct wb_result wb_result;

/** What a rule found for one record. */
typedef enum wb_outcome {
    WB_OUTCOME_COMPLIES = 0,
    WB_OUTCOME_PENDING = 1,
    WB_OUTCOME_VIOLATION = 2,
    WB_OUTCOME_NOT_APPLICABLE = 3,
    WB_OUTCOME_INSUFFICIENT_DATA = 4
} wb_outcome;

#define WB_OUTCOME_COUNT 5

/** How counts are grouped. */
typedef enum wb_grouping {
    WB_GROUP_RULE = 0,
    WB_GROUP_STANDARD = 1,
    WB_GROUP_UNIT = 2,
    WB_GROUP_TOWNSHIP = 3
} wb_grouping;

/**
 * Called with each result as it is found. Return 0 to go on; anything
 * else stops the evaluation, and the call that was adding records
 * returns that value.
 */
typedef int (*wb_result_callback)(const wb_result *result, void *payload);

/**
 * A new evaluation as of a date (the last day counted: a deadline on
 * as_of is not yet missed).
 * @return WB_OK, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_evaluation_new(wb_evaluation **out, const wb_ruleset *rules,
                             const wb_calendar *calendar, wb_date as_of, wb_error *err);

/**
 * Send results to fn instead of keeping them. Set it before adding
 * records. fn NULL keeps them (the default).
 * @since 0.3
 */
WB_API void wb_evaluation_on_result(wb_evaluation *ev, wb_result_callback fn, void *payload);

/**
 * Scan the free text of every record added from now on for minors'
 * personal data (weibao/privacy.h), or stop scanning (scanner NULL; the
 * default is no scan).
 *
 * Free text is every non-empty text column (WB_FIELD_TEXT), the key
 * included: a key is quoted in messages. Name and identity-number columns
 * (WB_FIELD_NAME, WB_FIELD_ID_NUMBER) hold the ledger's own personal data
 * and are not scanned. Every row of a file given to
 * wb_evaluation_add_file, XML or CSV, is scanned as it is read, and every
 * record given to wb_evaluation_add_record before it is checked, also
 * those that are then not checked (bad rows, rows without a key, duplicate
 * keys): a leak is a leak.
 *
 * Each finding is a problem (wb_evaluation_problems), added in the order
 * the rows come, before the row's results: rule privacy-id-number,
 * privacy-phone, privacy-bank-card, privacy-name-case, privacy-pattern or
 * privacy-limit, a warning or, for a minor's identity number, an error.
 * Its message names the column and quotes the data masked ("column unit
 * (单位): mobile phone number 138****5678 in free text"). Its place is
 * where the data starts in the file:
 *  - CSV: the exact line and column (code points of the decoded text, so
 *    also for GB18030); inside a quoted cell, lines count the cell's own
 *    line breaks and a doubled quote ("") counts as the two characters it
 *    is in the file.
 *  - XML: the line and column inside the attribute value as written
 *    (a reference such as &amp; counts as written, a line break inside
 *    the value starts a line), on a line of any length; column 1 only
 *    when a single tag is longer than 64 KiB and its line starts before
 *    it (the line is still exact), and the record's line with column 1
 *    if the value as written cannot be matched to the value read.
 *  - a record from wb_evaluation_add_record: file "<record>", line 0,
 *    column 0, the record's key (long numbers masked) in the message.
 *
 * @param scanner  borrowed, not copied: it must stay alive until the
 *                 evaluation is freed or the scan is turned off (NULL).
 *                 Scanners are immutable: one may serve many evaluations
 *                 on many threads at once.
 * @return WB_OK; WB_EINVAL when ev is NULL, or when a scanner is set
 *         once records or files were added or the evaluation finished
 *         (rows already read would go unscanned; turning the scan off is
 *         allowed at any time); WB_ENOMEM (the evaluation is unchanged)
 * @since 0.3
 */
WB_API int wb_evaluation_set_privacy(wb_evaluation *ev, const wb_privacy_scanner *scanner,
                                     wb_error *err);

/**
 * Check one record. A record whose key was seen before in this evaluation
 * is refused as a duplicate (a problem, WB_OK returned).
 * With a privacy scanner set, its text columns are scanned first.
 * @return WB_OK; WB_ECOVERAGE when a deadline needs a day the calendar
 *         does not cover (err says which; the evaluation goes on with the
 *         next record); WB_ENOMEM; WB_EINVAL (no key: a record must have
 *         one); WB_ERROR when PCRE2 fails in the privacy scan other than
 *         on a limit (not expected); or the callback's nonzero value
 *         (err then says the callback stopped it). A deadline past
 *         9999-12-31 is WB_ECOVERAGE too.
 * @since 0.3
 */
WB_API int wb_evaluation_add_record(wb_evaluation *ev, const wb_record *record, wb_error *err);

/**
 * Check every row of a ledger file: XML (urn:weibao:ledger:1; a file
 * whose name ends in .xml is always read as XML) or CSV with a header row
 * (UTF-8 with or without BOM, or GB18030; lines ending in LF, CRLF or CR;
 * a bad byte is a problem at its line and column: docs/ledgers.md tells
 * how the encoding is decided). kind names the ledger kind; NULL
 * recognises it from the XML root or the CSV header.
 * Bad rows, and dates the calendar does not cover (or whose deadline would
 * pass 9999-12-31), are problems (wb_evaluation_problems) and the rest of
 * the file is still checked; a bad row still counts, as insufficient data
 * in the rules that read its bad cell and in what the rules over whole
 * ledgers count over.
 * With a privacy scanner set, every row's text cells are scanned as the
 * row is read. The file is only read.
 * @return WB_OK; WB_EIO (cannot be read); WB_EPARSE or WB_ESCHEMA when
 *         the file as a whole cannot be read as a ledger (not XML, no
 *         known header): err says why and where; WB_ENOMEM; WB_EINVAL;
 *         WB_ERROR when PCRE2 fails in the privacy scan other than on a
 *         limit (not expected); or the callback's nonzero value (err
 *         then says the callback stopped the reading)
 * @since 0.3
 */
WB_API int wb_evaluation_add_file(wb_evaluation *ev, const char *path, const char *kind,
                                  wb_error *err);

/**
 * As wb_evaluation_add_file(), for len bytes of memory in either form
 * (a ledger from standard input, an upload an OA system holds). name
 * stands for the file in results and problems (NULL: "<buffer>"); it is
 * copied.
 * @return as wb_evaluation_add_file()
 * @since 0.3
 */
WB_API int wb_evaluation_add_buffer(wb_evaluation *ev, const char *data, size_t len,
                                    const char *name, const char *kind, wb_error *err);

/**
 * The first day of the assessment period that rules counted per year,
 * quarter or over the whole period look at (meetings a year, activities a
 * quarter). By default, January 1 of the year before the as-of date: the
 * last full calendar year and the current one. A year or quarter that
 * ends after the as-of date is still open: too few so far is pending.
 * @return WB_OK; WB_EINVAL when since is after the as-of date
 * @since 0.3
 */
WB_API int wb_evaluation_set_period(wb_evaluation *ev, wb_date since, wb_error *err);
/** @since 0.3 */
WB_API wb_date wb_evaluation_since(const wb_evaluation *ev);

/**
 * Evaluate the rules over whole ledgers (coverage ratios, counts per year
 * or quarter, rules that join two ledgers) on everything added, and
 * deliver their results as the others. No record may be added after it.
 * Calling it twice does nothing the second time; a callback that stops it
 * leaves the rules after the one it stopped in unevaluated.
 * @return WB_OK; WB_ECOVERAGE (a problem says which rule; the others
 *         were still evaluated); WB_ENOMEM; or the callback's value
 *         (err then says the callback stopped it)
 * @since 0.3
 */
WB_API int wb_evaluation_finish(wb_evaluation *ev, wb_error *err);

/**
 * Bad rows and other problems found so far, in the order found. Borrowed:
 * the list grows as records are added (findings already taken stay valid)
 * and is freed with the evaluation.
 * @since 0.3
 */
WB_API const wb_diagnostics *wb_evaluation_problems(const wb_evaluation *ev);

/** The records checked (bad rows not counted). @since 0.3 */
WB_API size_t wb_evaluation_record_count(const wb_evaluation *ev);

/** Kept results (none when a callback takes them). @since 0.3 */
WB_API size_t wb_evaluation_result_count(const wb_evaluation *ev);
/** @since 0.3 */
WB_API const wb_result *wb_evaluation_result_at(const wb_evaluation *ev, size_t i);

/** Results with that outcome, of one rule (NULL: every rule). @since 0.3 */
WB_API size_t wb_evaluation_count(const wb_evaluation *ev, const char *rule_id,
                                  wb_outcome outcome);

/** The groups seen (rule ids, standards, units, townships), in first-seen order. @since 0.3 */
WB_API size_t wb_evaluation_group_count(const wb_evaluation *ev, wb_grouping by);
/** The group's name; "" for records without a unit or township. Borrowed. @since 0.3 */
WB_API const char *wb_evaluation_group_name(const wb_evaluation *ev, wb_grouping by, size_t i);
/** Results of the group with that outcome. @since 0.3 */
WB_API size_t wb_evaluation_group_outcome(const wb_evaluation *ev, wb_grouping by, size_t i,
                                          wb_outcome outcome);

/** @since 0.3 */
WB_API wb_date wb_evaluation_as_of(const wb_evaluation *ev);

/** Free an evaluation and the results it kept. Accepts NULL. @since 0.3 */
WB_API void wb_evaluation_free(wb_evaluation *ev);

/* ------------------------------------------------------------- results */

/** The rule's id. Borrowed from the rule set. @since 0.3 */
WB_API const char *wb_result_rule(const wb_result *result);
/** The first rubric standard the rule serves ("2.3"). @since 0.3 */
WB_API const char *wb_result_standard(const wb_result *result);
/** @since 0.3 */
WB_API wb_outcome wb_result_outcome(const wb_result *result);
/** The rule's severity: what a violation counts as. @since 0.3 */
WB_API wb_severity wb_result_severity(const wb_result *result);
/** The record's key, whole, as the caller or the file gave it (messages mask it). @since 0.3 */
WB_API const char *wb_result_key(const wb_result *result);
/** The record's unit and township, or "" when it has none. @since 0.3 */
WB_API const char *wb_result_unit(const wb_result *result);
/** @since 0.3 */
WB_API const char *wb_result_township(const wb_result *result);
/** The ledger file and line the record came from, or NULL and 0. @since 0.3 */
WB_API const char *wb_result_source(const wb_result *result);
/** @since 0.3 */
WB_API int wb_result_line(const wb_result *result);
/** The due date: WB_OK, or WB_ENOTFOUND when the result has none. @since 0.3 */
WB_API int wb_result_due(const wb_result *result, wb_date *out);
/** The date it was done: WB_OK, or WB_ENOTFOUND when not done. @since 0.3 */
WB_API int wb_result_done(const wb_result *result, wb_date *out);
/** Calendar days late (a violation), else 0. @since 0.3 */
WB_API int32_t wb_result_days_late(const wb_result *result);
/** Calendar days from the as-of date to the due date (pending, or complies with a next due date), else 0. @since 0.3 */
WB_API int32_t wb_result_days_left(const wb_result *result);
/** 1 when the due date rests on days a later notice may still change. @since 0.3 */
WB_API int wb_result_provisional(const wb_result *result);
/**
 * 1 when the due date is only the earliest the last day can be: the
 * calendar does not reach the real one (a re-query due next year, before
 * next year's notice is loaded). The outcome is still certain: the
 * library gives one only when the bound decides it, and reports a
 * coverage problem otherwise. Such a result is also provisional.
 * @since 0.3
 */
WB_API int wb_result_due_is_bound(const wb_result *result);
/** For insufficient data: the column missing ("result-date"), else NULL. @since 0.3 */
WB_API const char *wb_result_missing(const wb_result *result);

/** The year or quarter a result over whole ledgers counts: WB_OK, or WB_ENOTFOUND. @since 0.3 */
WB_API int wb_result_span(const wb_result *result, wb_date *from, wb_date *to);
/**
 * A ratio and its threshold: numerator of denominator, at least percent
 * per cent required (compared as 100 × numerator ≥ percent × denominator).
 * @return WB_OK, or WB_ENOTFOUND when the result is not a ratio
 * @since 0.3
 */
WB_API int wb_result_ratio(const wb_result *result, int64_t *numerator, int64_t *denominator,
                           int32_t *percent);
/** A count and the number required: WB_OK, or WB_ENOTFOUND. @since 0.3 */
WB_API int wb_result_count(const wb_result *result, int64_t *have, int64_t *need);
/** A note the rule adds (which years lack a rotation), or NULL. Borrowed. @since 0.3 */
WB_API const char *wb_result_detail(const wb_result *result, wb_lang lang);

/**
 * One line: the record's key, the rule's title and the finding, e.g.
 * "BC-0007: 收到查询结果后30个工作日内解除工作关系: 期限 2026-03-26,实际 2026-03-30,逾期 4 天".
 * Never holds a name or a whole identity number: in the key, every run
 * of 10 or more digits shows only its last 4 (BC-*******5678), while
 * wb_result_key gives the key whole.
 * @return WB_OK, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_result_message(char **out, const wb_result *result, wb_lang lang, wb_error *err);

/**
 * Why, in a few lines: the period's start and count, the holidays and
 * make-up working days inside it, any art. 203 move, and the dates
 * compared.
 * @return WB_OK, WB_ENOMEM, WB_EINVAL
 * @since 0.3
 */
WB_API int wb_result_explain(char **out, const wb_result *result, wb_lang lang, wb_error *err);

/** "complies", "pending", "violation", "not-applicable", "insufficient-data". Static. @since 0.3 */
WB_API const char *wb_outcome_name(wb_outcome outcome);
/** "符合", "未到期", "违反", "不适用", "数据不足". Static. @since 0.3 */
WB_API const char *wb_outcome_title(wb_outcome outcome, wb_lang lang);

WB_END_DECLS

#endif /* WEIBAO_COMPLIANCE_H */
