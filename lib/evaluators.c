/*
 * evaluators.c - what each rule checks in one record.
 *
 * One function per rule id. Each reads the record's columns and the
 * rule's parameters (never a constant a county may change) and fills one
 * result through the helpers of compliance.c, which do the date
 * arithmetic and the outcome. The table at the end is what the rule
 * loader consults: a rule in data/rules.xml with no entry here is refused.
 */
#include <string.h>

#include "compliance_internal.h"

/* ---------------------------------------------------------------- 2.3 */

/* A new hire is queried on or before the first day at work. */
static int hire_query(wb_result *r, const wb_rule *rule, const wb_record *rec,
                      const wb_calendar *calendar, wb_error *err)
{
    (void)rule;
    (void)calendar;
    (void)err;
    if (!wb__record_has(rec, BC_CATEGORY)) {
        wb__result_missing(r, rec, BC_CATEGORY);
        return WB_OK;
    }
    if (rec->number[BC_CATEGORY] != BC_CATEGORY_NEW_HIRE) {
        wb__result_not_applicable(r, "非新入职人员", "not a new hire");
        return WB_OK;
    }
    if (!wb__record_has(rec, BC_START_DATE)) {
        wb__result_missing(r, rec, BC_START_DATE);
        return WB_OK;
    }
    wb_date start = rec->date[BC_START_DATE];
    r->has_due = 1;
    r->due = start;
    r->why[0] = "查询须不晚于入职日期";
    r->why[1] = "the query is due on or before the first day at work";
    if (wb__record_has(rec, BC_QUERY_DATE)) {
        r->has_done = 1;
        r->done = rec->date[BC_QUERY_DATE];
        int32_t late = wb_date_diff_days(r->done, start);
        r->outcome = late > 0 ? WB_OUTCOME_VIOLATION : WB_OUTCOME_COMPLIES;
        r->days_late = late > 0 ? late : 0;
    } else if (wb_date_cmp(r->as_of, start) <= 0) {
        r->outcome = WB_OUTCOME_PENDING;
        r->days_left = wb_date_diff_days(start, r->as_of);
    } else {
        r->outcome = WB_OUTCOME_VIOLATION;
        r->days_late = wb_date_diff_days(r->as_of, start);
    }
    return WB_OK;
}

/* Serving staff are queried once, then again every re-query period. */
static int staff_requery(wb_result *r, const wb_rule *rule, const wb_record *rec,
                         const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    if (!wb__record_has(rec, BC_QUERY_DATE)) {
        if (wb__record_has(rec, BC_CATEGORY) &&
            rec->number[BC_CATEGORY] == BC_CATEGORY_NEW_HIRE) {
            wb__result_not_applicable(r, "新入职人员的首次查询由 hire-query 核查",
                                      "a new hire's first query is hire-query's to check");
            return WB_OK;
        }
        if (!wb__record_has(rec, BC_CATEGORY)) {
            wb__result_missing(r, rec, BC_CATEGORY);
            return WB_OK;
        }
        /* Serving staff never queried: the one query the rule asks for is missing. */
        r->outcome = WB_OUTCOME_VIOLATION;
        r->why[0] = "在职人员没有查询记录";
        r->why[1] = "serving staff with no query on record";
        return WB_OK;
    }
    return wb__result_recurring(r, rec->date[BC_QUERY_DATE], wb__rule_param(rule, "every"),
                                WB_PERIOD_MONTHS, "最近一次查询之日",
                                "the day of the latest query", err);
}

/* A query result that shows a relevant record: dismissal within N working days. */
static int dismissal_deadline(wb_result *r, const wb_rule *rule, const wb_record *rec,
                              const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    if (!wb__record_has(rec, BC_RESULT)) {
        wb__result_not_applicable(r, "未登记查询结果", "no query result on record");
        return WB_OK;
    }
    if (rec->number[BC_RESULT] != BC_RESULT_RECORD) {
        wb__result_not_applicable(r, "查询结果无相关违法犯罪记录",
                                  "the query result shows no relevant record");
        return WB_OK;
    }
    if (!wb__record_has(rec, BC_RESULT_DATE)) {
        wb__result_missing(r, rec, BC_RESULT_DATE);
        return WB_OK;
    }
    const wb_date *done = wb__record_has(rec, BC_DISMISSAL_DATE) ? &rec->date[BC_DISMISSAL_DATE]
                                                                 : NULL;
    return wb__result_deadline(r, rec->date[BC_RESULT_DATE], wb__rule_param(rule, "within"),
                               WB_PERIOD_WORKDAYS, 0, "收到查询结果之日",
                               "the day the result was received", done, err);
}

/* ---------------------------------------------------------------- 8.5 */

/* A written reply within N months of receiving a judicial suggestion. */
static int judicial_reply(wb_result *r, const wb_rule *rule, const wb_record *rec,
                          const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    if (!wb__record_has(rec, JS_RECEIVED_DATE)) {
        wb__result_missing(r, rec, JS_RECEIVED_DATE);
        return WB_OK;
    }
    const wb_date *done = wb__record_has(rec, JS_REPLY_DATE) ? &rec->date[JS_REPLY_DATE] : NULL;
    return wb__result_deadline(r, rec->date[JS_RECEIVED_DATE], wb__rule_param(rule, "within"),
                               WB_PERIOD_MONTHS, wb__rule_param(rule, "move-off-rest-days"),
                               "收到建议之日", "the day the suggestion was received", done, err);
}

/* ============================================================== table */

#define PARAMS(...) (const char *const[]){ __VA_ARGS__, NULL }

static const wb__evaluator evaluators[] = {
    { .rule_id = "hire-query", .ledger = "background-checks", .params = PARAMS(NULL),
      .evaluate = hire_query },
    { .rule_id = "staff-requery", .ledger = "background-checks", .params = PARAMS("every"),
      .evaluate = staff_requery },
    { .rule_id = "dismissal-deadline", .ledger = "background-checks", .params = PARAMS("within"),
      .evaluate = dismissal_deadline },
    { .rule_id = "judicial-reply", .ledger = "judicial-suggestions",
      .params = PARAMS("within", "move-off-rest-days"), .evaluate = judicial_reply },
};

const wb__evaluator *wb__evaluator_find(const char *rule_id)
{
    for (size_t i = 0; i < sizeof(evaluators) / sizeof(evaluators[0]); i++)
        if (strcmp(evaluators[i].rule_id, rule_id) == 0)
            return &evaluators[i];
    return NULL;
}
