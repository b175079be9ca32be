/*
 * test_compliance.c - every rule at its boundaries, through the public API
 * an OA system uses: records built column by column, an evaluation as of
 * a date on the built-in calendar, results read back.
 *
 * Dates are chosen against the built-in 2026 arrangement: the Spring
 * Festival is 2026-02-15 to 2026-02-23, with 2026-02-14 and 2026-02-28
 * (Saturdays) made working days.
 */
#include "runner.h"

#include <stdarg.h>
#include <stdlib.h>
#include <weibao/weibao.h>

static wb_date D(const char *iso)
{
    wb_date d;
    if (wb_date_parse(&d, iso, NULL) != WB_OK)
        fail_msg("bad test date %s", iso);
    return d;
}

static const char *iso(wb_date d)
{
    static char buf[4][WB_DATE_STRLEN];
    static int k;
    k = (k + 1) % 4;
    wb_date_format(buf[k], d);
    return buf[k];
}

/* A fixture: the built-in rules (or a pack) and calendar, an evaluation
   that keeps its results. */
typedef struct fixture {
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_evaluation *ev;
} fixture;

static void open_with(fixture *f, const char *as_of, const char *pack)
{
    assert_int_equal(wb_ruleset_open_default(&f->rules, NULL), WB_OK);
    if (pack != NULL) {
        wb_ruleset *packed = NULL;
        wb_error err;
        if (wb_ruleset_apply_pack_buffer(&packed, f->rules, pack, strlen(pack), "pack", &err) != WB_OK)
            fail_msg("pack: %s", err.message);
        wb_ruleset_free(f->rules);
        f->rules = packed;
    }
    assert_int_equal(wb_calendar_open_default(&f->cal, NULL), WB_OK);
    assert_int_equal(wb_evaluation_new(&f->ev, f->rules, f->cal, D(as_of), NULL), WB_OK);
}

static void open_at(fixture *f, const char *as_of)
{
    open_with(f, as_of, NULL);
}

static void close_fixture(fixture *f)
{
    wb_evaluation_free(f->ev);
    wb_calendar_free(f->cal);
    wb_ruleset_free(f->rules);
}

/* Add a record: kind, then column/value pairs, NULL-terminated. */
static int add(fixture *f, const char *kind, ...)
{
    wb_record *r = NULL;
    assert_int_equal(wb_record_new(&r, kind, NULL), WB_OK);
    va_list ap;
    va_start(ap, kind);
    const char *column;
    while ((column = va_arg(ap, const char *)) != NULL) {
        const char *value = va_arg(ap, const char *);
        wb_error err;
        if (wb_record_set(r, column, value, &err) != WB_OK)
            fail_msg("%s = %s: %s", column, value, err.message);
    }
    va_end(ap);
    int rc = wb_evaluation_add_record(f->ev, r, NULL);
    wb_record_free(r);
    return rc;
}

/* The kept result of a rule for a key; fails when there is none. */
static const wb_result *result(const fixture *f, const char *rule, const char *key)
{
    for (size_t i = 0; i < wb_evaluation_result_count(f->ev); i++) {
        const wb_result *r = wb_evaluation_result_at(f->ev, i);
        if (strcmp(wb_result_rule(r), rule) == 0 && strcmp(wb_result_key(r), key) == 0)
            return r;
    }
    fail_msg("no %s result for %s", rule, key);
    return NULL;
}

static int has_result(const fixture *f, const char *rule)
{
    for (size_t i = 0; i < wb_evaluation_result_count(f->ev); i++)
        if (strcmp(wb_result_rule(wb_evaluation_result_at(f->ev, i)), rule) == 0)
            return 1;
    return 0;
}

static const char *due_of(const wb_result *r)
{
    wb_date d;
    return wb_result_due(r, &d) == WB_OK ? iso(d) : "-";
}

static void finish(fixture *f)
{
    assert_int_equal(wb_evaluation_finish(f->ev, NULL), WB_OK);
}

static char *explain(const wb_result *r, wb_lang lang)
{
    char *text = NULL;
    assert_int_equal(wb_result_explain(&text, r, lang, NULL), WB_OK);
    return text;
}

/* ----------------------------------------------------------------- 2.3 */

static void test_compliance__dismissal_on_the_30th_working_day_across_spring_festival(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "background-checks", "key", "A", "category", "在职", "query-date", "2026-02-05",
        "result", "有", "result-date", "2026-02-10", "dismissal-date", "2026-03-30", NULL);
    add(&f, "background-checks", "key", "B", "category", "在职", "query-date", "2026-02-05",
        "result", "有", "result-date", "2026-02-10", "dismissal-date", "2026-03-31", NULL);
    const wb_result *a = result(&f, "dismissal-deadline", "A");
    assert_int_equal(wb_result_outcome(a), WB_OUTCOME_COMPLIES);
    assert_string_equal(due_of(a), "2026-03-30");
    const wb_result *b = result(&f, "dismissal-deadline", "B");
    assert_int_equal(wb_result_outcome(b), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_days_late(b), 1);
    assert_string_equal(wb_result_standard(b), "2.3");
    /* The explanation names the holiday skipped and the make-up days counted. */
    char *why = explain(b, WB_LANG_EN);
    assert_non_null(strstr(why, "春节 2026-02-15 to 2026-02-23"));
    assert_non_null(strstr(why, "2026-02-14, 2026-02-28"));
    assert_non_null(strstr(why, "the 30th working day is 2026-03-30"));
    wb_free(why);
    close_fixture(&f);
}

static void test_compliance__dismissal_pending_not_applicable_and_missing_data(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-03-20");
    add(&f, "background-checks", "key", "P", "category", "在职", "result", "有",
        "result-date", "2026-02-10", NULL);
    add(&f, "background-checks", "key", "N", "category", "在职", "result", "无", NULL);
    add(&f, "background-checks", "key", "M", "category", "在职", "result", "有", NULL);
    const wb_result *p = result(&f, "dismissal-deadline", "P");
    assert_int_equal(wb_result_outcome(p), WB_OUTCOME_PENDING);
    assert_int_equal(wb_result_days_left(p), 10);
    assert_int_equal(wb_result_outcome(result(&f, "dismissal-deadline", "N")),
                     WB_OUTCOME_NOT_APPLICABLE);
    const wb_result *m = result(&f, "dismissal-deadline", "M");
    assert_int_equal(wb_result_outcome(m), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_string_equal(wb_result_missing(m), "result-date");
    close_fixture(&f);
}

static void test_compliance__a_deadline_past_the_calendar_is_a_bound_or_a_coverage_error(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    /* 29 working days remain in 2026 after 2026-11-20: the 30th is in 2027. */
    assert_int_equal(add(&f, "background-checks", "key", "A", "category", "在职",
                         "query-date", "2026-11-01", "result", "有", "result-date", "2026-11-20",
                         NULL), WB_OK);
    const wb_result *a = result(&f, "dismissal-deadline", "A");
    assert_int_equal(wb_result_outcome(a), WB_OUTCOME_PENDING);
    assert_true(wb_result_due_is_bound(a));
    assert_true(wb_result_provisional(a));
    assert_string_equal(due_of(a), "2027-01-01");
    /* Done in 2027: only the real last day could decide. */
    wb_error err;
    wb_record *r = NULL;
    wb_record_new(&r, "background-checks", NULL);
    wb_record_set(r, "key", "B", NULL);
    wb_record_set(r, "result", "有", NULL);
    wb_record_set(r, "result-date", "2026-11-20", NULL);
    wb_record_set(r, "dismissal-date", "2027-01-20", NULL);
    assert_int_equal(wb_evaluation_add_record(f.ev, r, &err), WB_ECOVERAGE);
    assert_int_equal(err.code, WB_ECOVERAGE);
    wb_record_free(r);
    close_fixture(&f);
}

static void test_compliance__hire_query_on_the_start_date_complies(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-02-27");
    add(&f, "background-checks", "key", "ON", "category", "新入职", "start-date", "2026-03-01",
        "query-date", "2026-03-01", NULL);
    add(&f, "background-checks", "key", "LATE", "category", "new-hire", "start-date", "2026-03-01",
        "query-date", "2026-03-02", NULL);
    add(&f, "background-checks", "key", "SOON", "category", "新入职", "start-date", "2026-03-01",
        NULL);
    add(&f, "background-checks", "key", "NOSTART", "category", "新入职", NULL);
    assert_int_equal(wb_result_outcome(result(&f, "hire-query", "ON")), WB_OUTCOME_COMPLIES);
    const wb_result *late = result(&f, "hire-query", "LATE");
    assert_int_equal(wb_result_outcome(late), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_days_late(late), 1);
    const wb_result *soon = result(&f, "hire-query", "SOON");
    assert_int_equal(wb_result_outcome(soon), WB_OUTCOME_PENDING);
    assert_int_equal(wb_result_days_left(soon), 2);
    assert_string_equal(wb_result_missing(result(&f, "hire-query", "NOSTART")), "start-date");
    close_fixture(&f);
}

static void test_compliance__staff_requery_moves_off_a_sunday(void **state)
{
    (void)state;
    /* 2025-11-29 + 12 months = 2026-11-29, a Sunday: due Monday 2026-11-30. */
    const char *as_of[] = { "2026-11-30", "2026-12-01" };
    wb_outcome want[] = { WB_OUTCOME_COMPLIES, WB_OUTCOME_VIOLATION };
    for (int i = 0; i < 2; i++) {
        fixture f;
        open_at(&f, as_of[i]);
        add(&f, "background-checks", "key", "S", "category", "在职", "query-date", "2025-11-29",
            "result", "无", NULL);
        add(&f, "background-checks", "key", "NEVER", "category", "在职", NULL);
        const wb_result *s = result(&f, "staff-requery", "S");
        assert_int_equal(wb_result_outcome(s), want[i]);
        assert_string_equal(due_of(s), "2026-11-30");
        assert_int_equal(wb_result_days_late(s), i);
        assert_int_equal(wb_result_outcome(result(&f, "staff-requery", "NEVER")),
                         WB_OUTCOME_VIOLATION);
        close_fixture(&f);
    }
}

static void test_compliance__a_county_pack_shortens_the_requery_period(void **state)
{
    (void)state;
    static const char pack[] =
        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='county-x'><title>t</title>"
        "<set rule='staff-requery' param='every' value='6'/></rule-pack>";
    fixture f;
    open_with(&f, "2026-11-29", pack);
    add(&f, "background-checks", "key", "S", "category", "在职", "query-date", "2026-05-01", NULL);
    /* 2026-11-01 is a Sunday: due 2026-11-02, 27 days before the as-of date. */
    const wb_result *s = result(&f, "staff-requery", "S");
    assert_int_equal(wb_result_outcome(s), WB_OUTCOME_VIOLATION);
    assert_string_equal(due_of(s), "2026-11-02");
    assert_int_equal(wb_result_days_late(s), 27);
    const wb_param *p = wb_rule_param(wb_ruleset_rule(f.rules, "staff-requery"), "every");
    assert_int_equal(wb_param_value(p), 6);
    assert_int_equal(wb_param_default(p), 12);
    assert_string_equal(wb_param_set_by(p), "county-x");
    close_fixture(&f);
}

/* ----------------------------------------------------------------- 8.5 */

static void test_compliance__judicial_reply_month_end_and_holiday_move(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    /* Jan 31 + 1 month: February has no 31st, so the 28th, a make-up working day. */
    add(&f, "judicial-suggestions", "key", "J1", "received-date", "2026-01-31",
        "reply-date", "2026-03-02", NULL);
    /* Jan 15 + 1 month = Feb 15, in the Spring Festival: the period ends on Feb 24. */
    add(&f, "judicial-suggestions", "key", "J2", "received-date", "2026-01-15",
        "reply-date", "2026-02-24", NULL);
    const wb_result *j1 = result(&f, "judicial-reply", "J1");
    assert_string_equal(due_of(j1), "2026-02-28");
    assert_int_equal(wb_result_outcome(j1), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_days_late(j1), 2);
    const wb_result *j2 = result(&f, "judicial-reply", "J2");
    assert_string_equal(due_of(j2), "2026-02-24");
    assert_int_equal(wb_result_outcome(j2), WB_OUTCOME_COMPLIES);
    char *why = explain(j2, WB_LANG_EN);
    assert_non_null(strstr(why, "art. 203 it moves to the next working day, 2026-02-24"));
    assert_non_null(strstr(why, "春节"));
    wb_free(why);
    close_fixture(&f);
    /* Without the art. 203 move, the 15th itself. */
    static const char pack[] =
        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='no-move'><title>t</title>"
        "<set rule='judicial-reply' param='move-off-rest-days' value='0'/></rule-pack>";
    open_with(&f, "2026-11-29", pack);
    add(&f, "judicial-suggestions", "key", "J2", "received-date", "2026-01-15",
        "reply-date", "2026-02-24", NULL);
    assert_string_equal(due_of(result(&f, "judicial-reply", "J2")), "2026-02-15");
    close_fixture(&f);
}

/* --------------------------------------------------------- 10.6, 10.7 */

static void test_compliance__induction_within_three_months(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    /* 2025-11-30 + 3 months = 2026-02-28 (no 30th; a make-up working day). */
    add(&f, "trainees", "key", "R1", "role", "强制报告责任人员", "start-date", "2025-11-30",
        "induction-date", "2026-02-28", NULL);
    add(&f, "trainees", "key", "R2", "role", "强制报告责任人员", "start-date", "2025-11-30",
        "induction-date", "2026-03-02", NULL);
    /* Left before the training fell due: nothing was owed. */
    add(&f, "trainees", "key", "D1", "role", "儿童主任", "start-date", "2026-03-10",
        "end-date", "2026-05-01", NULL);
    add(&f, "trainees", "key", "D2", "role", "儿童督导员", "start-date", "2026-03-10", NULL);
    assert_int_equal(wb_result_outcome(result(&f, "reporting-induction", "R1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_days_late(result(&f, "reporting-induction", "R2")), 2);
    assert_int_equal(wb_result_outcome(result(&f, "director-induction", "D1")),
                     WB_OUTCOME_NOT_APPLICABLE);
    const wb_result *d2 = result(&f, "director-induction", "D2");
    assert_int_equal(wb_result_outcome(d2), WB_OUTCOME_VIOLATION);
    assert_string_equal(due_of(d2), "2026-06-10");
    /* A post the rule does not cover. */
    assert_int_equal(wb_result_outcome(result(&f, "director-induction", "R1")),
                     WB_OUTCOME_NOT_APPLICABLE);
    close_fixture(&f);
}

static void test_compliance__rotation_course_share_at_exactly_half(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "trainings", "key", "G1", "role", "儿童主任", "kind", "轮训", "date", "2026-06-01",
        "hours", "16", "social-work-hours", "8", "materials", "有", NULL);
    add(&f, "trainings", "key", "G2", "role", "儿童主任", "kind", "轮训", "date", "2026-06-01",
        "hours", "16", "social-work-hours", "7", "materials", "否", NULL);
    add(&f, "trainings", "key", "G3", "role", "儿童主任", "kind", "轮训", "hours", "0",
        "social-work-hours", "0", NULL);
    const wb_result *g1 = result(&f, "rotation-course-share", "G1");
    assert_int_equal(wb_result_outcome(g1), WB_OUTCOME_COMPLIES);
    int64_t num, den;
    int32_t pct;
    assert_int_equal(wb_result_ratio(g1, &num, &den, &pct), WB_OK);
    assert_true(num == 8 && den == 16 && pct == 50);
    assert_int_equal(wb_result_outcome(result(&f, "rotation-course-share", "G2")),
                     WB_OUTCOME_VIOLATION);
    assert_string_equal(wb_result_missing(result(&f, "rotation-course-share", "G3")), "hours");
    assert_int_equal(wb_result_outcome(result(&f, "training-records-kept", "G1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "training-records-kept", "G2")), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "training-records-kept", "G3")),
                     WB_OUTCOME_INSUFFICIENT_DATA);
    close_fixture(&f);
}

static void test_compliance__a_rotation_each_whole_year_after_the_first(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");     /* period: 2025 and 2026 */
    add(&f, "trainees", "key", "P1", "role", "儿童主任", "start-date", "2024-05-10", NULL);
    add(&f, "trainees", "key", "P2", "role", "儿童主任", "start-date", "2024-05-10", NULL);
    add(&f, "trainees", "key", "P3", "role", "儿童主任", "start-date", "2026-01-05", NULL);
    add(&f, "trainees", "key", "P4", "role", "儿童督导员", "start-date", "2023-01-01",
        "end-date", "2025-06-30", NULL);
    add(&f, "trainings", "key", "T1", "trainee", "P1", "kind", "轮训", "date", "2025-06-01", NULL);
    add(&f, "trainings", "key", "T2", "trainee", "P1", "kind", "轮训", "date", "2026-06-01", NULL);
    add(&f, "trainings", "key", "T3", "trainee", "P2", "kind", "轮训", "date", "2026-06-01", NULL);
    add(&f, "trainings", "key", "T4", "trainee", "P2", "kind", "入职培训", "date", "2025-06-01", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "director-rotation", "P1")), WB_OUTCOME_COMPLIES);
    const wb_result *p2 = result(&f, "director-rotation", "P2");
    assert_int_equal(wb_result_outcome(p2), WB_OUTCOME_VIOLATION);
    char *msg = NULL;
    wb_result_message(&msg, p2, WB_LANG_EN, NULL);
    assert_non_null(strstr(msg, "no rotation in 2025"));
    wb_free(msg);
    /* 2026 is P3's first year; P4 left mid-2025, so 2025 was not a whole year. */
    assert_int_equal(wb_result_outcome(result(&f, "director-rotation", "P3")),
                     WB_OUTCOME_NOT_APPLICABLE);
    assert_int_equal(wb_result_outcome(result(&f, "director-rotation", "P4")),
                     WB_OUTCOME_NOT_APPLICABLE);
    close_fixture(&f);
}

/* ----------------------------------------------------------------- 9.8 */

static void test_compliance__venue_schedule_at_its_bounds(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "communities", "key", "C1", "venue", "有", "days-open", "5", "rest-days-open", "1",
        "hours-per-opening", "3", NULL);
    add(&f, "communities", "key", "C2", "venue", "有", "days-open", "4", "rest-days-open", "1",
        "hours-per-opening", "3", NULL);
    add(&f, "communities", "key", "C3", "venue", "有", "days-open", "5", "rest-days-open", "0",
        "hours-per-opening", "3", NULL);
    add(&f, "communities", "key", "C4", "venue", "是", "days-open", "5", "rest-days-open", "1",
        "hours-per-opening", "2", NULL);
    add(&f, "communities", "key", "C5", "venue", "无", NULL);
    add(&f, "communities", "key", "C6", "venue", "有", "days-open", "5", NULL);
    assert_int_equal(wb_result_outcome(result(&f, "venue-schedule", "C1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "venue-schedule", "C2")), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "venue-schedule", "C3")), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "venue-schedule", "C4")), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "venue-schedule", "C5")), WB_OUTCOME_NOT_APPLICABLE);
    assert_string_equal(wb_result_missing(result(&f, "venue-schedule", "C6")), "rest-days-open");
    close_fixture(&f);
}

static void add_communities(fixture *f, int with_venue, int total)
{
    for (int i = 0; i < total; i++) {
        char key[16];
        snprintf(key, sizeof(key), "C%02d", i);
        add(f, "communities", "key", key, "venue", i < with_venue ? "有" : "无",
            "days-open", "5", "rest-days-open", "1", "hours-per-opening", "3", NULL);
    }
}

static void test_compliance__venue_coverage_at_exactly_90_percent(void **state)
{
    (void)state;
    int with[] = { 9, 8 };
    wb_outcome want[] = { WB_OUTCOME_COMPLIES, WB_OUTCOME_VIOLATION };
    for (int i = 0; i < 2; i++) {
        fixture f;
        open_at(&f, "2026-11-29");
        add_communities(&f, with[i], 10);
        finish(&f);
        const wb_result *r = result(&f, "venue-coverage", "全县城乡社区");
        assert_int_equal(wb_result_outcome(r), want[i]);
        int64_t num, den;
        int32_t pct;
        assert_int_equal(wb_result_ratio(r, &num, &den, &pct), WB_OK);
        assert_true(num == with[i] && den == 10 && pct == 90);
        close_fixture(&f);
    }
    /* A venue open too few days does not count toward the coverage. */
    fixture f;
    open_at(&f, "2026-11-29");
    add_communities(&f, 9, 9);
    add(&f, "communities", "key", "SHORT", "venue", "有", "days-open", "4", "rest-days-open", "1",
        "hours-per-opening", "3", NULL);
    add(&f, "communities", "key", "NONE", "venue", "无", NULL);
    finish(&f);
    const wb_result *r = result(&f, "venue-coverage", "全县城乡社区");
    int64_t num, den;
    int32_t pct;
    wb_result_ratio(r, &num, &den, &pct);
    assert_true(num == 9 && den == 11);
    assert_int_equal(wb_result_outcome(r), WB_OUTCOME_VIOLATION);
    assert_non_null(strstr(wb_result_detail(r, WB_LANG_EN), "counting every venue: 10 of 11"));
    close_fixture(&f);
    /* Whether a community has a venue, unknown: never passed silently. */
    open_at(&f, "2026-11-29");
    add_communities(&f, 10, 10);
    add(&f, "communities", "key", "UNKNOWN", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "venue-coverage", "全县城乡社区")),
                     WB_OUTCOME_INSUFFICIENT_DATA);
    close_fixture(&f);
}

/* ------------------------------------------------ counts per year, quarter */

static void test_compliance__county_meetings_each_year(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "meetings", "key", "M1", "level", "县级", "date", "2025-03-01", NULL);
    add(&f, "meetings", "key", "M2", "level", "county", "date", "2025-12-31", NULL);
    add(&f, "meetings", "key", "M3", "level", "县级", "date", "2026-04-01", NULL);
    add(&f, "meetings", "key", "M4", "level", "县级", "date", "2024-04-01", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "county-meetings", "2025")), WB_OUTCOME_COMPLIES);
    const wb_result *y = result(&f, "county-meetings", "2026");
    assert_int_equal(wb_result_outcome(y), WB_OUTCOME_PENDING);
    assert_int_equal(wb_result_days_left(y), 32);
    int64_t have, need;
    assert_int_equal(wb_result_count(y, &have, &need), WB_OK);
    assert_true(have == 1 && need == 2);
    close_fixture(&f);
    /* A year that is over with too few: a violation. */
    open_at(&f, "2027-01-01");
    add(&f, "meetings", "key", "M3", "level", "县级", "date", "2026-04-01", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "county-meetings", "2026")), WB_OUTCOME_VIOLATION);
    close_fixture(&f);
}

static void test_compliance__township_meetings_count_with_minutes_only(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    wb_evaluation_set_period(f.ev, D("2026-01-01"), NULL);
    add(&f, "townships", "key", "T1", "name", "城关镇", NULL);
    add(&f, "townships", "key", "T2", "name", "东风乡", NULL);
    add(&f, "meetings", "key", "M1", "level", "乡镇(街道)", "township", "城关镇",
        "date", "2026-02-01", "minutes", "有", NULL);
    add(&f, "meetings", "key", "M2", "level", "乡镇(街道)", "township", "城关镇",
        "date", "2026-06-01", "minutes", "有", NULL);
    add(&f, "meetings", "key", "M3", "level", "乡镇(街道)", "township", "东风乡",
        "date", "2026-02-01", "minutes", "有", NULL);
    add(&f, "meetings", "key", "M4", "level", "乡镇(街道)", "township", "东风乡",
        "date", "2026-06-01", "minutes", "无", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "township-meetings", "城关镇 2026")),
                     WB_OUTCOME_COMPLIES);
    const wb_result *d = result(&f, "township-meetings", "东风乡 2026");
    int64_t have, need;
    wb_result_count(d, &have, &need);
    assert_true(have == 1 && need == 2);
    assert_string_equal(wb_result_township(d), "东风乡");
    close_fixture(&f);
    /* Without the townships ledger, a township with no meeting cannot be
       found: the rule says the data is insufficient. */
    open_at(&f, "2026-11-29");
    add(&f, "meetings", "key", "M1", "level", "乡镇(街道)", "township", "城关镇",
        "date", "2026-02-01", "minutes", "有", NULL);
    finish(&f);
    const wb_result *m = result(&f, "township-meetings", "乡镇(街道)台账");
    assert_int_equal(wb_result_outcome(m), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_string_equal(wb_result_missing(m), "townships");
    close_fixture(&f);
}

static void test_compliance__activities_and_data_updates_each_quarter(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-05-15");
    wb_evaluation_set_period(f.ev, D("2026-01-01"), NULL);
    add(&f, "communities", "key", "S1", "family-education-site", "有", NULL);
    add(&f, "communities", "key", "S2", "family-education-site", "无", NULL);
    add(&f, "activities", "key", "A1", "site", "S1", "date", "2026-03-31", "recorded", "有", NULL);
    add(&f, "activities", "key", "A2", "site", "S1", "date", "2026-04-01", "recorded", "无", NULL);
    add(&f, "data-updates", "key", "U1", "date", "2026-01-01", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "family-education-activities", "S1 2026Q1")),
                     WB_OUTCOME_COMPLIES);
    /* An activity without its record does not count; the quarter is still open. */
    assert_int_equal(wb_result_outcome(result(&f, "family-education-activities", "S1 2026Q2")),
                     WB_OUTCOME_PENDING);
    assert_int_equal(wb_result_outcome(result(&f, "data-updates", "2026Q1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "data-updates", "2026Q2")), WB_OUTCOME_PENDING);
    close_fixture(&f);
}

static void test_compliance__social_organisations_counted_once_a_year(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2027-01-01");
    wb_evaluation_set_period(f.ev, D("2026-01-01"), NULL);
    add(&f, "social-organisations", "key", "O1", "name", "阳光社工", "date", "2026-03-01", NULL);
    add(&f, "social-organisations", "key", "O2", "name", "阳光社工", "date", "2026-09-01", NULL);
    finish(&f);
    const wb_result *r = result(&f, "social-organisations", "2026");
    assert_int_equal(wb_result_outcome(r), WB_OUTCOME_VIOLATION);
    int64_t have, need;
    wb_result_count(r, &have, &need);
    assert_true(have == 1 && need == 2);
    close_fixture(&f);
}

/* ----------------------------------------------------------------- 3.5 */

static void test_compliance__home_visits_at_the_risk_level_frequency(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    /* High risk, monthly: 03-20 came a week after it fell due (03-13). */
    add(&f, "children", "key", "K1", "risk-level", "高", "registered-date", "2026-01-15", NULL);
    add(&f, "home-visits", "key", "V1", "child", "K1", "date", "2026-02-13", NULL);
    add(&f, "home-visits", "key", "V2", "child", "K1", "date", "2026-03-20", NULL);
    /* Low risk, half-yearly: registered 05-31, next due 11-30. */
    add(&f, "children", "key", "K3", "risk-level", "低", "registered-date", "2026-05-31", NULL);
    /* Medium, quarterly, closed before the next visit fell due. */
    add(&f, "children", "key", "K4", "risk-level", "中", "registered-date", "2026-06-01",
        "closed-date", "2026-08-15", NULL);
    add(&f, "children", "key", "K5", "registered-date", "2026-06-01", NULL);
    finish(&f);
    const wb_result *k1 = result(&f, "home-visits", "K1");
    assert_int_equal(wb_result_outcome(k1), WB_OUTCOME_VIOLATION);
    assert_string_equal(due_of(k1), "2026-03-13");
    assert_int_equal(wb_result_days_late(k1), 7);
    const wb_result *k3 = result(&f, "home-visits", "K3");
    assert_int_equal(wb_result_outcome(k3), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_days_left(k3), 1);
    assert_int_equal(wb_result_outcome(result(&f, "home-visits", "K4")), WB_OUTCOME_COMPLIES);
    assert_string_equal(wb_result_missing(result(&f, "home-visits", "K5")), "risk-level");
    close_fixture(&f);
}

/* ----------------------------------------------- staffing, schools: 4.3, 7.3, 10.x */

static void test_compliance__staffing_at_its_minimum(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "townships", "key", "T1", "name", "城关镇", "child-supervisors", "1",
        "workstation", "有", "youth-social-workers", "1", NULL);
    add(&f, "townships", "key", "T2", "name", "东风乡", "child-supervisors", "0",
        "workstation", "无", NULL);
    add(&f, "communities", "key", "C1", "child-directors", "0", NULL);
    add(&f, "schools", "key", "S1", "stage", "九年一贯制", "mental-health-teachers", "1", NULL);
    add(&f, "schools", "key", "S2", "stage", "特殊教育学校", "mental-health-teachers", "0", NULL);
    add(&f, "schools", "key", "S3", "stage", "高中", NULL);
    assert_int_equal(wb_result_outcome(result(&f, "supervisor-staffing", "T1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "supervisor-staffing", "T2")), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "social-worker-staffing", "T1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "social-worker-staffing", "T2")),
                     WB_OUTCOME_NOT_APPLICABLE);
    assert_int_equal(wb_result_outcome(result(&f, "director-staffing", "C1")), WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "mental-health-teachers", "S1")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "mental-health-teachers", "S2")),
                     WB_OUTCOME_NOT_APPLICABLE);
    assert_string_equal(wb_result_missing(result(&f, "mental-health-teachers", "S3")),
                        "mental-health-teachers");
    close_fixture(&f);
}

static void test_compliance__resource_room_from_exactly_five_pupils(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "schools", "key", "S5", "disabled-pupils", "5", "resource-room", "有",
        "resource-room-equipped", "有", "resource-room-staffed", "有", NULL);
    add(&f, "schools", "key", "S4", "disabled-pupils", "4", "resource-room", "无", NULL);
    add(&f, "schools", "key", "SX", "disabled-pupils", "6", "resource-room", "有",
        "resource-room-equipped", "有", "resource-room-staffed", "否", NULL);
    assert_int_equal(wb_result_outcome(result(&f, "resource-rooms", "S5")), WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "resource-rooms", "S4")), WB_OUTCOME_NOT_APPLICABLE);
    assert_int_equal(wb_result_outcome(result(&f, "resource-rooms", "SX")), WB_OUTCOME_VIOLATION);
    close_fixture(&f);
}

static void test_compliance__special_school_from_exactly_300000_people(void **state)
{
    (void)state;
    const char *population[] = { "300000", "299999" };
    wb_outcome want[] = { WB_OUTCOME_VIOLATION, WB_OUTCOME_NOT_APPLICABLE };
    for (int i = 0; i < 2; i++) {
        fixture f;
        open_at(&f, "2026-11-29");
        add(&f, "county", "key", "示范县", "population", population[i], NULL);
        add(&f, "schools", "key", "S1", "stage", "小学", NULL);
        finish(&f);
        assert_int_equal(wb_result_outcome(result(&f, "special-education-school", "示范县")), want[i]);
        close_fixture(&f);
    }
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "county", "key", "示范县", "population", "300000", NULL);
    add(&f, "schools", "key", "S9", "stage", "特殊教育学校", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "special-education-school", "示范县")),
                     WB_OUTCOME_COMPLIES);
    close_fixture(&f);
}

/* ------------------------------------------------------------ 4.6, 6.2 */

static void test_compliance__lessons_on_rest_days_make_up_days_and_vacations(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "vacations", "key", "V1", "kind", "寒假", "start-date", "2026-01-24",
        "end-date", "2026-02-13", NULL);
    add(&f, "lessons", "key", "MAKEUP", "compulsory", "是", "date", "2026-02-14", NULL);
    add(&f, "lessons", "key", "SAT", "compulsory", "是", "date", "2026-03-07", NULL);
    add(&f, "lessons", "key", "HOLIDAY", "compulsory", "是", "date", "2026-02-16", NULL);
    add(&f, "lessons", "key", "VACATION", "compulsory", "是", "date", "2026-02-02", NULL);
    add(&f, "lessons", "key", "MONDAY", "compulsory", "是", "date", "2026-03-09", NULL);
    add(&f, "lessons", "key", "SENIOR", "compulsory", "否", "date", "2026-03-07", NULL);
    finish(&f);
    /* A make-up Saturday is a working day. */
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "MAKEUP")),
                     WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "SAT")),
                     WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "HOLIDAY")),
                     WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "VACATION")),
                     WB_OUTCOME_VIOLATION);
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "MONDAY")),
                     WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "SENIOR")),
                     WB_OUTCOME_NOT_APPLICABLE);
    close_fixture(&f);
    /* Without the vacation dates, a working day cannot be cleared. */
    open_at(&f, "2026-11-29");
    add(&f, "lessons", "key", "MONDAY", "compulsory", "是", "date", "2026-03-09", NULL);
    finish(&f);
    assert_string_equal(wb_result_missing(result(&f, "no-lessons-on-rest-days", "MONDAY")),
                        "vacations");
    close_fixture(&f);
}

static void test_compliance__inspections_in_vacations_and_around_holidays(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-10-05");
    wb_evaluation_set_period(f.ev, D("2026-07-01"), NULL);
    add(&f, "vacations", "key", "V2", "kind", "暑假", "start-date", "2026-07-11",
        "end-date", "2026-08-31", NULL);
    add(&f, "inspections", "key", "I1", "date", "2026-08-31", NULL);
    /* 中秋节 2026-09-25..27: three days around it count, so 09-22 does. */
    add(&f, "inspections", "key", "I2", "date", "2026-09-22", NULL);
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "internet-cafe-inspections", "2026暑假")),
                     WB_OUTCOME_COMPLIES);
    assert_int_equal(wb_result_outcome(result(&f, "internet-cafe-inspections", "2026中秋节")),
                     WB_OUTCOME_COMPLIES);
    /* 国庆节 2026-10-01..07: still running on 10-05, not yet inspected. */
    assert_int_equal(wb_result_outcome(result(&f, "internet-cafe-inspections", "2026国庆节")),
                     WB_OUTCOME_PENDING);
    close_fixture(&f);
}

/* ------------------------------------------------------------ the engine */

static void test_compliance__counts_by_rule_standard_unit_and_township(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "background-checks", "key", "A", "unit", "实验小学", "township", "城关镇",
        "category", "新入职", "start-date", "2026-03-01", "query-date", "2026-03-02", NULL);
    add(&f, "background-checks", "key", "B", "unit", "第二中学", "township", "城关镇",
        "category", "新入职", "start-date", "2026-03-01", "query-date", "2026-03-01", NULL);
    assert_int_equal(wb_evaluation_count(f.ev, "hire-query", WB_OUTCOME_VIOLATION), 1);
    assert_int_equal(wb_evaluation_count(f.ev, "hire-query", WB_OUTCOME_COMPLIES), 1);
    assert_int_equal(wb_evaluation_count(f.ev, NULL, WB_OUTCOME_NOT_APPLICABLE), 2);
    size_t units = wb_evaluation_group_count(f.ev, WB_GROUP_UNIT);
    assert_int_equal(units, 2);
    for (size_t i = 0; i < units; i++) {
        const char *name = wb_evaluation_group_name(f.ev, WB_GROUP_UNIT, i);
        size_t v = wb_evaluation_group_outcome(f.ev, WB_GROUP_UNIT, i, WB_OUTCOME_VIOLATION);
        assert_int_equal(v, strcmp(name, "实验小学") == 0 ? 1 : 0);
    }
    assert_int_equal(wb_evaluation_group_count(f.ev, WB_GROUP_TOWNSHIP), 1);
    assert_string_equal(wb_evaluation_group_name(f.ev, WB_GROUP_STANDARD, 0), "2.3");
    assert_int_equal(wb_evaluation_record_count(f.ev), 2);
    close_fixture(&f);
}

static int stop_at_second(const wb_result *r, void *payload)
{
    (void)r;
    return ++*(int *)payload == 2 ? 42 : 0;
}

static void test_compliance__a_callback_sees_each_result_and_may_stop(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    int seen = 0;
    wb_evaluation_on_result(f.ev, stop_at_second, &seen);
    assert_int_equal(add(&f, "background-checks", "key", "A", "category", "在职", NULL), 42);
    assert_int_equal(seen, 2);
    assert_int_equal(wb_evaluation_result_count(f.ev), 0);
    close_fixture(&f);
}

/* A reading or an evaluation the callback stops fails with a message that
   says so, never an empty one. */
static void test_compliance__a_stop_always_says_why(void **state)
{
    (void)state;
    static const char csv[] = "编号,人员类别,查询日期\nB1,在职,2026-03-01\nB2,在职,2026-03-01\n";
    fixture f;
    open_at(&f, "2026-11-29");
    int seen = 0;
    wb_evaluation_on_result(f.ev, stop_at_second, &seen);
    wb_error err;
    assert_int_equal(wb_evaluation_add_buffer(f.ev, csv, strlen(csv), "checks.csv", NULL, &err), 42);
    assert_non_null(strstr(err.message, "the result callback returned 42"));
    close_fixture(&f);
    open_at(&f, "2026-11-29");
    seen = 0;
    wb_record *r = NULL;
    assert_int_equal(wb_record_new(&r, "background-checks", NULL), WB_OK);
    wb_record_set(r, "key", "A", NULL);
    wb_record_set(r, "category", "在职", NULL);
    wb_evaluation_on_result(f.ev, stop_at_second, &seen);
    assert_int_equal(wb_evaluation_add_record(f.ev, r, &err), 42);
    assert_true(err.message[0] != '\0');
    wb_record_free(r);
    close_fixture(&f);
    open_at(&f, "2027-01-01");
    seen = 0;
    add(&f, "meetings", "key", "M1", "level", "县级", "date", "2026-03-01", NULL);
    add(&f, "meetings", "key", "M2", "level", "县级", "date", "2025-03-01", NULL);
    wb_evaluation_on_result(f.ev, stop_at_second, &seen);
    assert_int_equal(wb_evaluation_finish(f.ev, &err), 42);
    assert_non_null(strstr(err.message, "the result callback returned 42"));
    close_fixture(&f);
}

static void test_compliance__duplicates_finish_and_misuse(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    assert_int_equal(add(&f, "background-checks", "key", "A", "category", "在职", NULL), WB_OK);
    assert_int_equal(add(&f, "background-checks", "key", "A", "category", "在职", NULL), WB_OK);
    /* The same key in another kind of ledger is another record. */
    assert_int_equal(add(&f, "judicial-suggestions", "key", "A", NULL), WB_OK);
    const wb_diagnostics *p = wb_evaluation_problems(f.ev);
    assert_int_equal(wb_diagnostics_count(p), 1);
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(p, 0)), "ledger-duplicate-key");
    assert_int_equal(wb_evaluation_record_count(f.ev), 2);
    /* A record without a key is refused. */
    wb_record *r = NULL;
    wb_record_new(&r, "background-checks", NULL);
    assert_int_equal(wb_evaluation_add_record(f.ev, r, NULL), WB_EINVAL);
    finish(&f);
    finish(&f);
    wb_record_set(r, "key", "B", NULL);
    assert_int_equal(wb_evaluation_add_record(f.ev, r, NULL), WB_EINVAL);
    wb_record_free(r);
    /* Rules over ledgers that were not given said nothing. */
    assert_false(has_result(&f, "county-meetings"));
    assert_false(has_result(&f, "venue-coverage"));
    close_fixture(&f);
}

/* Once the county's directory is given, a row naming a township or unit
   outside it is a bad row. */
static void test_compliance__unknown_townships_and_units_are_bad_rows(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    /* Before any directory, nothing to compare with. */
    assert_int_equal(add(&f, "meetings", "key", "M0", "level", "乡镇(街道)", "township", "城关区",
                         "date", "2026-02-01", NULL), WB_OK);
    add(&f, "townships", "key", "T1", "name", "城关镇", NULL);
    add(&f, "units", "key", "U1", "name", "实验小学", NULL);
    add(&f, "meetings", "key", "M1", "level", "乡镇(街道)", "township", "城关区",
        "date", "2026-02-01", NULL);
    add(&f, "meetings", "key", "M2", "level", "乡镇(街道)", "township", "城关镇",
        "date", "2026-02-01", NULL);
    add(&f, "background-checks", "key", "B1", "unit", "实验中学", "category", "在职", NULL);
    add(&f, "background-checks", "key", "B2", "unit", "实验小学", "category", "在职", NULL);
    const wb_diagnostics *p = wb_evaluation_problems(f.ev);
    assert_int_equal(wb_diagnostics_count(p), 2);
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(p, 0)), "ledger-unknown-township");
    assert_non_null(strstr(wb_diagnostic_message(wb_diagnostics_at(p, 0), WB_LANG_EN), "城关区"));
    assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(p, 1)), "ledger-unknown-unit");
    /* M0, T1, U1, M2, B2. */
    assert_int_equal(wb_evaluation_record_count(f.ev), 5);
    /* The bad row was not checked: no result has its key. */
    for (size_t i = 0; i < wb_evaluation_result_count(f.ev); i++)
        assert_string_not_equal(wb_result_key(wb_evaluation_result_at(f.ev, i)), "B1");
    close_fixture(&f);
}

/* ------------------------------------------- rows that cannot be read */

/* A ledger as a CSV file would give it: bad cells are reported, and the
   row still reaches the rules. */
static void add_csv(fixture *f, const char *name, const char *csv)
{
    assert_int_equal(wb_evaluation_add_buffer(f->ev, csv, strlen(csv), name, NULL, NULL), WB_OK);
}

static int64_t ratio_num(const wb_result *r, int64_t *den)
{
    int64_t num;
    int32_t pct;
    assert_int_equal(wb_result_ratio(r, &num, den, &pct), WB_OK);
    return num;
}

/* 9.8: 18 of 20 is 90% and passes; one more community whose schedule
   cannot be read (4.5 days) makes it 18 of 21, and it fails. The same
   for a venue cell that cannot be read and a row without a key. */
static void test_compliance__venue_coverage_keeps_a_row_it_cannot_read(void **state)
{
    (void)state;
    static const char *const extra[] = {
        "X,有,4.5,1,3\n", "X,有?,5,1,3\n", ",有,5,1,3\n", "X,有,5,1,2.98\n",
    };
    for (int k = -1; k < 4; k++) {
        char csv[4096] = "编号,关爱服务场所,每周开放天数,每周节假日开放天数,每次开放小时数\n";
        for (int i = 0; i < 20; i++) {
            size_t n = strlen(csv);
            snprintf(csv + n, sizeof(csv) - n, "C%02d,%s,5,1,3\n", i, i < 18 ? "有" : "无");
        }
        if (k >= 0)
            strcat(csv, extra[k]);
        fixture f;
        open_at(&f, "2026-11-29");
        add_csv(&f, "communities.csv", csv);
        finish(&f);
        const wb_result *r = result(&f, "venue-coverage", "全县城乡社区");
        int64_t den, num = ratio_num(r, &den);
        assert_int_equal(num, 18);
        assert_int_equal(den, k < 0 ? 20 : 21);
        assert_int_equal(wb_result_outcome(r), k < 0 ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION);
        if (k >= 0) {
            assert_non_null(strstr(wb_result_detail(r, WB_LANG_EN), "1 row could not be read (line 22)"));
            assert_non_null(strstr(wb_result_detail(r, WB_LANG_ZH), "第 22 行"));
        }
        close_fixture(&f);
    }
}

/* 1.3, 2.5, 9.9: an event whose row cannot be read is not counted, and
   the span that falls short names its line. */
static void test_compliance__an_event_that_cannot_be_read_is_not_counted(void **state)
{
    (void)state;
    static const char *const dates[] = { "2026-10-01", "2026-13-01" };
    for (int k = 0; k < 2; k++) {
        fixture f;
        open_at(&f, "2027-01-01");
        wb_evaluation_set_period(f.ev, D("2026-01-01"), NULL);
        char csv[512];
        snprintf(csv, sizeof(csv), "编号,层级,会议日期\nM1,县级,2026-03-01\nM2,县级,%s\n", dates[k]);
        add_csv(&f, "meetings.csv", csv);
        snprintf(csv, sizeof(csv), "编号,组织名称,扶持日期\nO1,甲,2026-03-01\nO2,乙,%s\n", dates[k]);
        add_csv(&f, "organisations.csv", csv);
        snprintf(csv, sizeof(csv), "编号,更新日期\nU1,2026-01-05\nU2,2026-04-05\nU3,2026-07-05\nU4,%s\n",
                 dates[k]);
        add_csv(&f, "updates.csv", csv);
        finish(&f);
        wb_outcome want = k == 0 ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION;
        const wb_result *m = result(&f, "county-meetings", "2026");
        const wb_result *o = result(&f, "social-organisations", "2026");
        const wb_result *u = result(&f, "data-updates", "2026Q4");
        assert_int_equal(wb_result_outcome(m), want);
        assert_int_equal(wb_result_outcome(o), want);
        assert_int_equal(wb_result_outcome(u), want);
        if (k == 1) {
            assert_non_null(strstr(wb_result_detail(m, WB_LANG_EN), "1 row could not be read (line 3)"));
            assert_non_null(strstr(wb_result_detail(o, WB_LANG_EN), "(line 3)"));
            assert_non_null(strstr(wb_result_detail(u, WB_LANG_EN), "(line 5)"));
            char *text = NULL;
            assert_int_equal(wb_result_message(&text, m, WB_LANG_EN, NULL), WB_OK);
            assert_non_null(strstr(text, "only 1, at least 2 required; 1 row could not be read"));
            wb_free(text);
        }
        close_fixture(&f);
    }
}

/* 1.8: a township whose row has a typo in another column (一 for 1) is
   still a township, and it held no meeting. */
static void test_compliance__a_township_with_a_bad_cell_still_counts(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2027-01-01");
    wb_evaluation_set_period(f.ev, D("2026-01-01"), NULL);
    add_csv(&f, "townships.csv", "编号,名称,儿童督导员人数\nT1,城关镇,1\nT2,东风乡,一\n");
    add_csv(&f, "meetings.csv", "编号,层级,乡镇(街道),会议日期,会议纪要\n"
                                "M1,乡镇(街道),城关镇,2026-02-01,有\n"
                                "M2,乡镇(街道),城关镇,2026-06-01,有\n"
                                "M3,乡镇(街道),东风乡,2026-02-31,有\n");
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "township-meetings", "城关镇 2026")),
                     WB_OUTCOME_COMPLIES);
    const wb_result *d = result(&f, "township-meetings", "东风乡 2026");
    assert_int_equal(wb_result_outcome(d), WB_OUTCOME_VIOLATION);
    assert_non_null(strstr(wb_result_detail(d, WB_LANG_EN), "(line 4): not counted as a meeting"));
    /* Its own rule of single rows: insufficient data, not dropped. */
    const wb_result *s = result(&f, "supervisor-staffing", "T2");
    assert_int_equal(wb_result_outcome(s), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_string_equal(wb_result_missing(s), "child-supervisors");
    char *text = NULL;
    assert_int_equal(wb_result_message(&text, s, WB_LANG_EN, NULL), WB_OK);
    assert_non_null(strstr(text, "insufficient data: child-supervisors (儿童督导员人数) could not be read"));
    wb_free(text);
    close_fixture(&f);
}

/* 3.2: a community whose site column cannot be read is still listed (too
   few activities there is insufficient data); a site vanishes from no
   quarter because its activity row had a bad cell. */
static void test_compliance__a_site_is_never_dropped_from_its_quarters(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-07-01");
    wb_evaluation_set_period(f.ev, D("2026-04-01"), NULL);
    add_csv(&f, "communities.csv", "编号,家庭教育指导服务站点\nS1,有\nS2,有吗\nS3,有\n");
    add_csv(&f, "activities.csv", "编号,站点编号,活动日期,活动记录\n"
                                  "A1,S1,2026-04-02,有\n"
                                  "A2,S3,2026-05-02,有?\n");
    finish(&f);
    assert_int_equal(wb_result_outcome(result(&f, "family-education-activities", "S1 2026Q2")),
                     WB_OUTCOME_COMPLIES);
    const wb_result *s2 = result(&f, "family-education-activities", "S2 2026Q2");
    assert_int_equal(wb_result_outcome(s2), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_string_equal(wb_result_missing(s2), "family-education-site");
    assert_int_equal(wb_result_line(s2), 3);
    const wb_result *s3 = result(&f, "family-education-activities", "S3 2026Q2");
    assert_int_equal(wb_result_outcome(s3), WB_OUTCOME_VIOLATION);
    assert_non_null(strstr(wb_result_detail(s3, WB_LANG_EN), "(line 3): not counted as an activity"));
    close_fixture(&f);
}

/* 3.5, 10.6, 7.3, 4.6, 6.2: a subject whose row cannot be read is one
   more result, of insufficient data. */
static void test_compliance__subjects_that_cannot_be_read_are_insufficient_data(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add_csv(&f, "children.csv", "编号,风险等级,建档日期\nK1,高,2026-01-05\nK2,极高,2026-01-05\n");
    add_csv(&f, "trainees.csv", "编号,岗位,任职日期\nT1,儿童主任,2024-13-01\n");
    add_csv(&f, "county.csv", "名称,常住人口\nCO,三十万\n");
    add_csv(&f, "lessons.csv", "编号,上课日期,义务教育阶段学生\nL1,2026-03-03,有\nL2,2026-03-32,有\n");
    add_csv(&f, "vacations.csv", "编号,假期,开始日期,结束日期\nV1,暑假,2026-07-1x,2026-08-31\n");
    add_csv(&f, "inspections.csv", "编号,检查日期\nI1,2026-10-01\n");
    finish(&f);
    const wb_result *k2 = result(&f, "home-visits", "K2");
    assert_int_equal(wb_result_outcome(k2), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_string_equal(wb_result_missing(k2), "risk-level");
    assert_int_equal(wb_result_outcome(result(&f, "director-rotation", "T1")),
                     WB_OUTCOME_INSUFFICIENT_DATA);
    assert_int_equal(wb_result_outcome(result(&f, "special-education-school", "CO")),
                     WB_OUTCOME_INSUFFICIENT_DATA);
    assert_int_equal(wb_result_outcome(result(&f, "no-lessons-on-rest-days", "L2")),
                     WB_OUTCOME_INSUFFICIENT_DATA);
    /* A working-day lesson outside the known vacations, while a vacation's
       dates cannot be read: it may fall in it. */
    const wb_result *l1 = result(&f, "no-lessons-on-rest-days", "L1");
    assert_int_equal(wb_result_outcome(l1), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_non_null(strstr(wb_result_detail(l1, WB_LANG_EN), "(line 2): a vacation the lesson may fall in"));
    const wb_result *v1 = result(&f, "internet-cafe-inspections", "V1");
    assert_int_equal(wb_result_outcome(v1), WB_OUTCOME_INSUFFICIENT_DATA);
    close_fixture(&f);
}

/* 10.6, 3.5, 7.3, 6.2: an event that cannot be read is no evidence: a
   rotation, a visit, a special school, an inspection. */
static void test_compliance__evidence_that_cannot_be_read_does_not_count(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    wb_evaluation_set_period(f.ev, D("2025-01-01"), NULL);
    add_csv(&f, "trainees.csv", "编号,岗位,任职日期\nT1,儿童主任,2024-03-01\n");
    add_csv(&f, "trainings.csv", "编号,培训对象编号,培训类型,培训日期\nG1,T1,轮训,2025-06-31\n");
    add_csv(&f, "county.csv", "名称,常住人口\nCO,300000\n");
    add_csv(&f, "schools.csv", "编号,学段\nS1,特教\n");
    finish(&f);
    const wb_result *t = result(&f, "director-rotation", "T1");
    assert_int_equal(wb_result_outcome(t), WB_OUTCOME_VIOLATION);
    char *text = NULL;
    assert_int_equal(wb_result_message(&text, t, WB_LANG_EN, NULL), WB_OK);
    assert_non_null(strstr(text, "no rotation in 2025; 1 row could not be read (line 2): not counted as a rotation"));
    wb_free(text);
    const wb_result *c = result(&f, "special-education-school", "CO");
    assert_int_equal(wb_result_outcome(c), WB_OUTCOME_VIOLATION);
    assert_non_null(strstr(wb_result_detail(c, WB_LANG_EN), "(line 2)"));
    close_fixture(&f);
}

/* A date whose deadline would leave the years 0001-9999: a finding on its
   row, the other rows still checked; through the API, an error that says
   why (never an empty message). */
static void test_compliance__a_deadline_past_9999_is_a_finding_on_its_row(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add_csv(&f, "checks.csv", "编号,人员类别,查询日期\n"
                              "B1,在职,2026-03-01\n"
                              "B2,在职,9999-11-30\n"
                              "B3,在职,2026-03-02\n");
    const wb_diagnostics *p = wb_evaluation_problems(f.ev);
    assert_int_equal(wb_diagnostics_count(p), 1);
    const wb_diagnostic *d = wb_diagnostics_at(p, 0);
    assert_string_equal(wb_diagnostic_rule(d), "ledger-coverage");
    assert_int_equal(wb_diagnostic_line(d), 3);
    assert_non_null(strstr(wb_diagnostic_message(d, WB_LANG_EN), "after 9999-12-31"));
    assert_int_equal(wb_result_outcome(result(&f, "staff-requery", "B3")), WB_OUTCOME_COMPLIES);
    /* A child registered late in 9999: home-visits says the same. */
    add_csv(&f, "children.csv", "编号,风险等级,建档日期\nK1,低,9999-11-30\nK2,低,2026-10-01\n");
    wb_error err;
    assert_int_equal(wb_evaluation_finish(f.ev, &err), WB_ECOVERAGE);
    assert_non_null(strstr(err.message, "after 9999-12-31"));
    assert_int_equal(wb_result_outcome(result(&f, "home-visits", "K2")), WB_OUTCOME_COMPLIES);
    close_fixture(&f);
    open_at(&f, "2026-11-29");
    wb_record *r = NULL;
    assert_int_equal(wb_record_new(&r, "background-checks", NULL), WB_OK);
    wb_record_set(r, "key", "B2", NULL);
    wb_record_set(r, "category", "在职", NULL);
    wb_record_set(r, "query-date", "9999-11-30", NULL);
    assert_int_equal(wb_evaluation_add_record(f.ev, r, &err), WB_ECOVERAGE);
    assert_non_null(strstr(err.message, "9999-11-30: the last day of 12 months"));
    wb_record_free(r);
    close_fixture(&f);
}

/* A row naming a township the directory lacks is not judged on its own,
   but it is still a community of the county: 9 of 10 passes, an eleventh
   without a venue and with a township typo (城关区) makes 9 of 11 fail. A meeting there counts
   for no township, and a township that falls short names its line. */
static void test_compliance__a_row_with_an_unknown_township_still_counts(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2027-01-01");
    wb_evaluation_set_period(f.ev, D("2026-01-01"), NULL);
    add_csv(&f, "townships.csv", "编号,名称,儿童督导员人数\nT1,城关镇,1\n");
    char csv[2048] = "编号,乡镇(街道),关爱服务场所,每周开放天数,每周节假日开放天数,每次开放小时数\n";
    for (int i = 0; i < 10; i++) {
        size_t n = strlen(csv);
        snprintf(csv + n, sizeof(csv) - n, "C%02d,城关镇,%s,5,1,3\n", i, i < 9 ? "有" : "无");
    }
    strcat(csv, "C10,城关区,无,,,\n");
    add_csv(&f, "communities.csv", csv);
    add_csv(&f, "meetings.csv", "编号,层级,乡镇(街道),会议日期,会议纪要\n"
                                "M1,乡镇(街道),城关镇,2026-02-01,有\n"
                                "M2,乡镇(街道),城关区,2026-06-01,有\n");
    finish(&f);
    const wb_result *r = result(&f, "venue-coverage", "全县城乡社区");
    int64_t den, num = ratio_num(r, &den);
    assert_true(num == 9 && den == 11);
    assert_int_equal(wb_result_outcome(r), WB_OUTCOME_VIOLATION);
    const wb_result *m = result(&f, "township-meetings", "城关镇 2026");
    assert_int_equal(wb_result_outcome(m), WB_OUTCOME_VIOLATION);
    assert_non_null(strstr(wb_result_detail(m, WB_LANG_EN), "(line 3): not counted as a meeting"));
    close_fixture(&f);
}

/* 3.5, 6.2, 10.7: a visit, an inspection, a rotation whose row cannot be
   read is not counted, and the result that falls short names it; at the
   boundary, the same rows read well comply. */
static void test_compliance__visits_inspections_and_rotations_that_cannot_be_read(void **state)
{
    (void)state;
    static const char *const dates[] = { "2026-02-01", "2026-02-30" };
    for (int k = 0; k < 2; k++) {
        fixture f;
        open_at(&f, "2026-02-26");
        wb_evaluation_set_period(f.ev, D("2025-01-01"), NULL);
        char csv[512];
        add_csv(&f, "children.csv", "编号,风险等级,建档日期\nK1,高,2026-01-05\n");
        snprintf(csv, sizeof(csv), "编号,儿童编号,走访日期\nH1,K1,%s\n", dates[k]);
        add_csv(&f, "visits.csv", csv);
        add_csv(&f, "vacations.csv", "编号,假期,开始日期,结束日期\nV1,寒假,2026-01-20,2026-02-25\n");
        snprintf(csv, sizeof(csv), "编号,检查日期\nI1,%s\n", dates[k]);
        add_csv(&f, "inspections.csv", csv);
        add_csv(&f, "trainees.csv", "编号,岗位,任职日期\nT1,强制报告责任人员,2024-03-01\n");
        snprintf(csv, sizeof(csv), "编号,培训对象编号,培训类型,培训日期\nG1,T1,轮训,%s\n",
                 k == 0 ? "2025-06-01" : "2025-06-31");
        add_csv(&f, "trainings.csv", csv);
        finish(&f);
        wb_outcome want = k == 0 ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION;
        const wb_result *h = result(&f, "home-visits", "K1");
        const wb_result *v = result(&f, "internet-cafe-inspections", "2026寒假");
        const wb_result *t = result(&f, "reporting-rotation", "T1");
        assert_int_equal(wb_result_outcome(h), want);
        assert_int_equal(wb_result_outcome(v), want);
        /* 2025 had its rotation; 2026 is still open. */
        assert_int_equal(wb_result_outcome(t), k == 0 ? WB_OUTCOME_PENDING : WB_OUTCOME_VIOLATION);
        if (k == 1) {
            assert_non_null(strstr(wb_result_detail(h, WB_LANG_EN), "(line 2): not counted as a visit"));
            assert_non_null(strstr(wb_result_detail(v, WB_LANG_EN), "(line 2): not counted as an inspection"));
            char *text = NULL;
            assert_int_equal(wb_result_message(&text, t, WB_LANG_EN, NULL), WB_OK);
            assert_non_null(strstr(text, "(line 2): not counted as a rotation"));
            wb_free(text);
        }
        close_fixture(&f);
    }
}

/* A bad cell in a column a rule of single rows does not read leaves its
   result as it was; one it reads makes the row insufficient data. */
static void test_compliance__a_bad_cell_counts_only_where_it_is_read(void **state)
{
    (void)state;
    fixture f;
    open_at(&f, "2026-11-29");
    add_csv(&f, "checks.csv", "编号,人员类别,入职日期,查询日期,身份证号\n"
                              "B1,新入职,2026-03-01,2026-02-20,110105194912310021\n"
                              "B2,新入职,2026-03-01,2026-02-30,\n");
    assert_int_equal(wb_result_outcome(result(&f, "hire-query", "B1")), WB_OUTCOME_COMPLIES);
    const wb_result *b2 = result(&f, "hire-query", "B2");
    assert_int_equal(wb_result_outcome(b2), WB_OUTCOME_INSUFFICIENT_DATA);
    assert_string_equal(wb_result_missing(b2), "query-date");
    assert_int_equal(wb_result_line(b2), 3);
    /* Counted: every row is in the rule's tally. */
    assert_int_equal(wb_evaluation_count(f.ev, "hire-query", WB_OUTCOME_COMPLIES) +
                     wb_evaluation_count(f.ev, "hire-query", WB_OUTCOME_INSUFFICIENT_DATA), 2);
    close_fixture(&f);
}

/* Nothing the library writes shows a name or a whole identity number. */
static void test_compliance__messages_never_show_personal_data(void **state)
{
    (void)state;
    static const char *const name = "张三丰", *const id = "11010519491231002X";
    fixture f;
    open_at(&f, "2026-11-29");
    add(&f, "background-checks", "key", "A", "name", name, "id-number", id, "category", "新入职",
        "start-date", "2026-03-01", "query-date", "2026-03-05", "result", "有",
        "result-date", "2026-03-05", NULL);
    add(&f, "trainees", "key", "T", "name", name, "id-number", id, "role", "儿童主任",
        "start-date", "2025-01-01", NULL);
    add(&f, "children", "key", "K", "name", name, "id-number", id, "risk-level", "高",
        "registered-date", "2026-01-01", NULL);
    finish(&f);
    assert_true(wb_evaluation_result_count(f.ev) > 5);
    for (size_t i = 0; i < wb_evaluation_result_count(f.ev); i++) {
        const wb_result *r = wb_evaluation_result_at(f.ev, i);
        for (int lang = 0; lang < 2; lang++) {
            char *msg = NULL, *why = NULL;
            assert_int_equal(wb_result_message(&msg, r, (wb_lang)lang, NULL), WB_OK);
            assert_int_equal(wb_result_explain(&why, r, (wb_lang)lang, NULL), WB_OK);
            assert_null(strstr(msg, name));
            assert_null(strstr(why, name));
            assert_null(strstr(msg, "1949"));
            assert_null(strstr(why, "1949"));
            wb_free(msg);
            wb_free(why);
        }
    }
    /* A bad identity number is quoted masked. */
    wb_record *r = NULL;
    wb_error err;
    wb_record_new(&r, "children", NULL);
    assert_int_equal(wb_record_set(r, "身份证号", "110105194912310021", &err), WB_EPARSE);
    assert_non_null(strstr(err.message, "110105********0021"));
    assert_null(strstr(err.message, "19491231"));
    wb_record_free(r);
    close_fixture(&f);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_compliance__dismissal_on_the_30th_working_day_across_spring_festival),
    cmocka_unit_test(test_compliance__dismissal_pending_not_applicable_and_missing_data),
    cmocka_unit_test(test_compliance__a_deadline_past_the_calendar_is_a_bound_or_a_coverage_error),
    cmocka_unit_test(test_compliance__hire_query_on_the_start_date_complies),
    cmocka_unit_test(test_compliance__staff_requery_moves_off_a_sunday),
    cmocka_unit_test(test_compliance__a_county_pack_shortens_the_requery_period),
    cmocka_unit_test(test_compliance__judicial_reply_month_end_and_holiday_move),
    cmocka_unit_test(test_compliance__induction_within_three_months),
    cmocka_unit_test(test_compliance__rotation_course_share_at_exactly_half),
    cmocka_unit_test(test_compliance__a_rotation_each_whole_year_after_the_first),
    cmocka_unit_test(test_compliance__venue_schedule_at_its_bounds),
    cmocka_unit_test(test_compliance__venue_coverage_at_exactly_90_percent),
    cmocka_unit_test(test_compliance__county_meetings_each_year),
    cmocka_unit_test(test_compliance__township_meetings_count_with_minutes_only),
    cmocka_unit_test(test_compliance__activities_and_data_updates_each_quarter),
    cmocka_unit_test(test_compliance__social_organisations_counted_once_a_year),
    cmocka_unit_test(test_compliance__home_visits_at_the_risk_level_frequency),
    cmocka_unit_test(test_compliance__staffing_at_its_minimum),
    cmocka_unit_test(test_compliance__resource_room_from_exactly_five_pupils),
    cmocka_unit_test(test_compliance__special_school_from_exactly_300000_people),
    cmocka_unit_test(test_compliance__lessons_on_rest_days_make_up_days_and_vacations),
    cmocka_unit_test(test_compliance__inspections_in_vacations_and_around_holidays),
    cmocka_unit_test(test_compliance__counts_by_rule_standard_unit_and_township),
    cmocka_unit_test(test_compliance__a_callback_sees_each_result_and_may_stop),
    cmocka_unit_test(test_compliance__a_stop_always_says_why),
    cmocka_unit_test(test_compliance__a_row_with_an_unknown_township_still_counts),
    cmocka_unit_test(test_compliance__visits_inspections_and_rotations_that_cannot_be_read),
    cmocka_unit_test(test_compliance__a_bad_cell_counts_only_where_it_is_read),
    cmocka_unit_test(test_compliance__duplicates_finish_and_misuse),
    cmocka_unit_test(test_compliance__unknown_townships_and_units_are_bad_rows),
    cmocka_unit_test(test_compliance__messages_never_show_personal_data),
    cmocka_unit_test(test_compliance__venue_coverage_keeps_a_row_it_cannot_read),
    cmocka_unit_test(test_compliance__an_event_that_cannot_be_read_is_not_counted),
    cmocka_unit_test(test_compliance__a_township_with_a_bad_cell_still_counts),
    cmocka_unit_test(test_compliance__a_site_is_never_dropped_from_its_quarters),
    cmocka_unit_test(test_compliance__subjects_that_cannot_be_read_are_insufficient_data),
    cmocka_unit_test(test_compliance__evidence_that_cannot_be_read_does_not_count),
    cmocka_unit_test(test_compliance__a_deadline_past_9999_is_a_finding_on_its_row),
};

WB_TEST_MAIN("compliance", tests)
