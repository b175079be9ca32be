/*
 * compliance_internal.h - what a rule's evaluator is, and the result it
 * fills.
 *
 * Each rule id the library can evaluate has one evaluator (evaluators.c):
 * the ledger kind it reads, the parameters it needs, and a function that
 * fills one result for one record. The rule table (data/rules.xml) says
 * which rules run and with which values; the loader refuses a rule no
 * evaluator exists for.
 */
#ifndef WB_COMPLIANCE_INTERNAL_H
#define WB_COMPLIANCE_INTERNAL_H

#include "weibao/compliance.h"
#include "weibao/period.h"
#include "ledger_internal.h"
#include "rules_internal.h"

struct wb_result {
    const wb_rule *rule;
    wb_outcome outcome;
    const char *key, *unit, *township, *source;
    int line;
    int has_due, has_done;
    wb_date due, done, as_of;
    int32_t days_late, days_left;
    int provisional;
    int recurring;                  /* due is the next of a recurring duty; done the last */
    int due_is_bound;               /* due is the earliest the last day can be: the
                                       calendar does not reach the real one */
    const char *missing;            /* insufficient data: the column's English name */
    const char *missing_header;     /* and its Chinese header */
    int unreadable;                 /* the column was given but could not be read;
                                       2: the whole row could not be read */
    const char *why[2];             /* not applicable, or a note, by wb_lang: kept results copy it */

    /* The period behind the due date, for explanations. */
    int has_period;
    wb_date start;
    int32_t count;
    wb_period_unit unit_of_count;
    wb_deadline deadline;
    const char *start_what[2];      /* "收到查询结果之日" / "the day the result was received" */
    const wb_calendar *calendar;

    /* Rules over whole ledgers: a span (a year, a quarter), a ratio or a count. */
    int has_span;
    wb_date span_from, span_to;
    int has_ratio;
    int64_t numerator, denominator;
    int32_t percent;                /* the threshold: numerator/denominator >= percent% */
    int has_count;
    int64_t have, need;
    const char *detail[2];          /* a note the rule adds, by wb_lang, or NULL */
};

typedef struct wb__rule_run wb__rule_run;

typedef int (*wb__evaluate_fn)(wb_result *out, const wb_rule *rule, const wb_record *record,
                               const wb_calendar *calendar, wb_error *err);

/*
 * A rule over whole ledgers gathers what it needs from each record of its
 * ledger and of the ledgers it `reads` (collect), then gives its results
 * when the evaluation finishes (finish). Its state is its own.
 */
typedef int (*wb__collect_fn)(void **state, const wb_rule *rule, const wb_record *record);
typedef int (*wb__finish_fn)(void *state, wb__rule_run *run, wb_error *err);
typedef void (*wb__free_fn)(void *state);

typedef struct wb__evaluator {
    const char *rule_id;
    const char *ledger;             /* the kind's name */
    const char *const *params;      /* the parameters it reads, NULL-terminated */
    wb__evaluate_fn evaluate;       /* one result per record, or NULL */
    unsigned columns;               /* evaluate: a bit per column it reads; a row with
                                       one of them unreadable is insufficient data */
    const char *const *reads;       /* other kinds collect sees, NULL-terminated, or NULL */
    wb__collect_fn collect;         /* NULL for rules of single records */
    wb__finish_fn finish;
    wb__free_fn free_state;
} wb__evaluator;

/* ---- for finish functions (compliance.c) ---- */

/* A result of the run's rule for a subject ("2026", "城关镇 2026"), zeroed
   but for the rule, key, unit, township, as-of date and calendar. The
   strings must live until wb__emit returns. */
wb_result wb__run_result(const wb__rule_run *run, const char *key, const char *unit,
                         const char *township);
/* Count the result, then pass it to the callback or keep it. WB_OK,
   WB_ENOMEM or the callback's value. */
int wb__emit(wb__rule_run *run, const wb_result *r);
const wb_rule *wb__run_rule(const wb__rule_run *run);
const wb_ruleset *wb__run_ruleset(const wb__rule_run *run);
wb_date wb__run_as_of(const wb__rule_run *run);
/* The first day of the assessment period. */
wb_date wb__run_since(const wb__rule_run *run);
const wb_calendar *wb__run_calendar(const wb__rule_run *run);

/* The evaluator of a rule id, or NULL. */
const wb__evaluator *wb__evaluator_find(const char *rule_id);

/* ---- helpers the evaluators share (compliance.c) ---- */

/* Not applicable, with why in Chinese and English (static text). */
void wb__result_not_applicable(wb_result *r, const char *why_zh, const char *why_en);

/* Insufficient data: the record lacks column `field`. */
void wb__result_missing(wb_result *r, const wb_record *record, int field);

/* Insufficient data: of `columns` (a bit each), the first the record could
   not read; the whole row when `unreadable` is WB__ROW_UNREADABLE. */
void wb__result_unreadable(wb_result *r, const wb_ledger_kind *kind, unsigned unreadable,
                           unsigned columns);

/*
 * The period of `count` units after `start` (not counted) decides: done
 * on or before its last day complies, done after is a violation, not
 * done is pending until the last day and a violation after it. `done`
 * NULL means not done. Returns WB_OK or WB_ECOVERAGE (err filled).
 */
int wb__result_deadline(wb_result *r, wb_date start, int32_t count, wb_period_unit unit,
                        int move_off_rest_days, const char *start_zh, const char *start_en,
                        const wb_date *done, wb_error *err);

/*
 * A recurring obligation: the next one is due at the end of the period
 * after the last; until then the record complies (days left to the next),
 * after it the record is in violation.
 */
int wb__result_recurring(wb_result *r, wb_date last, int32_t count, wb_period_unit unit,
                         const char *start_zh, const char *start_en, wb_error *err);

#endif
