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

#include "aggregates.h"
#include "compliance_internal.h"

/* Insufficient data when the record lacks a column the rule needs:
   `if (lacks(r, rec, FIELD)) return WB_OK;`. */
static int lacks(wb_result *r, const wb_record *rec, int field)
{
    if (wb__record_has(rec, field))
        return 0;
    wb__result_missing(r, rec, field);
    return 1;
}

/* ---------------------------------------------------------------- 2.3 */

/* A new hire is queried on or before the first day at work. */
static int hire_query(wb_result *r, const wb_rule *rule, const wb_record *rec,
                      const wb_calendar *calendar, wb_error *err)
{
    (void)rule;
    (void)calendar;
    (void)err;
    if (lacks(r, rec, BC_CATEGORY))
        return WB_OK;
    if (rec->number[BC_CATEGORY] != BC_CATEGORY_NEW_HIRE) {
        wb__result_not_applicable(r, "非新入职人员", "not a new hire");
        return WB_OK;
    }
    if (lacks(r, rec, BC_START_DATE))
        return WB_OK;
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
        if (lacks(r, rec, BC_CATEGORY))
            return WB_OK;
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
    if (lacks(r, rec, BC_RESULT_DATE))
        return WB_OK;
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
    if (lacks(r, rec, JS_RECEIVED_DATE))
        return WB_OK;
    const wb_date *done = wb__record_has(rec, JS_REPLY_DATE) ? &rec->date[JS_REPLY_DATE] : NULL;
    return wb__result_deadline(r, rec->date[JS_RECEIVED_DATE], wb__rule_param(rule, "within"),
                               WB_PERIOD_MONTHS, wb__rule_param(rule, "move-off-rest-days"),
                               "收到建议之日", "the day the suggestion was received", done, err);
}

/* --------------------------------------------------------- 10.6, 10.7 */

static int has_role(const wb_record *rec, int field, int a, int b)
{
    return rec->number[field] == a || rec->number[field] == b;
}

/* Induction training within N months of taking up the post. */
static int induction(wb_result *r, const wb_rule *rule, const wb_record *rec, int role_a,
                     int role_b, wb_error *err)
{
    if (lacks(r, rec, TR_ROLE))
        return WB_OK;
    if (!has_role(rec, TR_ROLE, role_a, role_b)) {
        wb__result_not_applicable(r, "岗位不适用本条", "the post is not one this rule covers");
        return WB_OK;
    }
    if (lacks(r, rec, TR_START_DATE))
        return WB_OK;
    const wb_date *done = wb__record_has(rec, TR_INDUCTION_DATE) ? &rec->date[TR_INDUCTION_DATE]
                                                                 : NULL;
    int rc = wb__result_deadline(r, rec->date[TR_START_DATE], wb__rule_param(rule, "within"),
                                 WB_PERIOD_MONTHS, 1, "任职之日", "the day the post was taken up",
                                 done, err);
    /* Someone who left before the training was due owed none. */
    if (rc == WB_OK && done == NULL && wb__record_has(rec, TR_END_DATE) &&
        wb_date_cmp(rec->date[TR_END_DATE], r->due) <= 0 && !r->due_is_bound) {
        r->days_late = r->days_left = 0;
        wb__result_not_applicable(r, "培训期限届满前已离任", "left the post before the training was due");
    }
    return rc;
}

static int director_induction(wb_result *r, const wb_rule *rule, const wb_record *rec,
                              const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    return induction(r, rule, rec, ROLE_CHILD_DIRECTOR, ROLE_CHILD_SUPERVISOR, err);
}

static int reporting_induction(wb_result *r, const wb_rule *rule, const wb_record *rec,
                               const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    return induction(r, rule, rec, ROLE_REPORTING_STAFF, ROLE_REPORTING_STAFF, err);
}

/* A rotation of a child director or supervisor: child social-work courses
   are at least the given share of its hours. */
static int rotation_course_share(wb_result *r, const wb_rule *rule, const wb_record *rec,
                                 const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    if (lacks(r, rec, TG_KIND))
        return WB_OK;
    if (rec->number[TG_KIND] != TG_KIND_ROTATION) {
        wb__result_not_applicable(r, "非轮训", "not a rotation");
        return WB_OK;
    }
    if (lacks(r, rec, TG_ROLE))
        return WB_OK;
    if (!has_role(rec, TG_ROLE, ROLE_CHILD_DIRECTOR, ROLE_CHILD_SUPERVISOR)) {
        wb__result_not_applicable(r, "非儿童主任或儿童督导员的培训",
                                  "not a training of child directors or supervisors");
        return WB_OK;
    }
    if (!wb__record_has(rec, TG_HOURS) || rec->number[TG_HOURS] == 0) {
        wb__result_missing(r, rec, TG_HOURS);
        return WB_OK;
    }
    if (lacks(r, rec, TG_SOCIAL_WORK_HOURS))
        return WB_OK;
    r->has_ratio = 1;
    r->numerator = rec->number[TG_SOCIAL_WORK_HOURS];
    r->denominator = rec->number[TG_HOURS];
    r->percent = wb__rule_param(rule, "percent");
    /* 不少于 includes the bound: compare 100 × part ≥ percent × whole. */
    r->outcome = 100 * r->numerator >= (int64_t)r->percent * r->denominator
                     ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION;
    return WB_OK;
}

/* The training records of a child director or supervisor are kept. */
static int training_records_kept(wb_result *r, const wb_rule *rule, const wb_record *rec,
                                 const wb_calendar *calendar, wb_error *err)
{
    (void)rule;
    (void)calendar;
    (void)err;
    if (lacks(r, rec, TG_ROLE))
        return WB_OK;
    if (!has_role(rec, TG_ROLE, ROLE_CHILD_DIRECTOR, ROLE_CHILD_SUPERVISOR)) {
        wb__result_not_applicable(r, "非儿童主任或儿童督导员的培训",
                                  "not a training of child directors or supervisors");
        return WB_OK;
    }
    if (lacks(r, rec, TG_MATERIALS))
        return WB_OK;
    if (rec->number[TG_MATERIALS] == WB__YES) {
        r->outcome = WB_OUTCOME_COMPLIES;
    } else {
        r->outcome = WB_OUTCOME_VIOLATION;
        r->why[0] = "培训资料未留存";
        r->why[1] = "the training records are not kept";
    }
    return WB_OK;
}

/* ---------------------------------------------------------------- 9.8 */

/* A care venue opens enough days, rest days included, long enough. */
static int venue_schedule(wb_result *r, const wb_rule *rule, const wb_record *rec,
                          const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    if (lacks(r, rec, CM_VENUE))
        return WB_OK;
    if (rec->number[CM_VENUE] != WB__YES) {
        wb__result_not_applicable(r, "未建关爱服务场所(由 venue-coverage 计入覆盖率)",
                                  "no care venue (venue-coverage counts it)");
        return WB_OK;
    }
    static const int fields[] = { CM_DAYS_OPEN, CM_REST_DAYS_OPEN, CM_HOURS_PER_OPENING };
    for (size_t i = 0; i < 3; i++)
        if (lacks(r, rec, fields[i]))
            return WB_OK;
    int days = rec->number[CM_DAYS_OPEN] >= wb__rule_param(rule, "min-days");
    int rest = rec->number[CM_REST_DAYS_OPEN] >= wb__rule_param(rule, "min-rest-days");
    int hours = rec->number[CM_HOURS_PER_OPENING] >= wb__rule_param(rule, "min-hours");
    r->outcome = days && rest && hours ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION;
    if (!days) {
        r->why[0] = "每周开放天数不足";
        r->why[1] = "open too few days a week";
    } else if (!rest) {
        r->why[0] = "休息日或节假日开放天数不足";
        r->why[1] = "open on too few rest days or holidays";
    } else if (!hours) {
        r->why[0] = "每次开放时间不足";
        r->why[1] = "each opening too short";
    }
    return WB_OK;
}

/* ----------------------------------------------- staffing: 10.1–10.3, 4.3 */

/* A count column at least the rule's `min`. */
static int at_least(wb_result *r, const wb_rule *rule, const wb_record *rec, int field)
{
    if (lacks(r, rec, field))
        return WB_OK;
    r->has_count = 1;
    r->have = rec->number[field];
    r->need = wb__rule_param(rule, "min");
    r->outcome = r->have >= r->need ? WB_OUTCOME_COMPLIES : WB_OUTCOME_VIOLATION;
    return WB_OK;
}

static int supervisor_staffing(wb_result *r, const wb_rule *rule, const wb_record *rec,
                               const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    return at_least(r, rule, rec, TS_CHILD_SUPERVISORS);
}

static int social_worker_staffing(wb_result *r, const wb_rule *rule, const wb_record *rec,
                                  const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    if (lacks(r, rec, TS_WORKSTATION))
        return WB_OK;
    if (rec->number[TS_WORKSTATION] != WB__YES) {
        wb__result_not_applicable(r, "未建未成年人保护工作站", "no minor-protection workstation");
        return WB_OK;
    }
    return at_least(r, rule, rec, TS_YOUTH_SOCIAL_WORKERS);
}

static int director_staffing(wb_result *r, const wb_rule *rule, const wb_record *rec,
                             const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    return at_least(r, rule, rec, CM_CHILD_DIRECTORS);
}

/* Primary and secondary schools: the stages 4.3 names. */
static int is_primary_or_secondary(int stage)
{
    return stage == STAGE_PRIMARY || stage == STAGE_JUNIOR || stage == STAGE_NINE_YEAR ||
           stage == STAGE_SENIOR || stage == STAGE_COMPLETE;
}

static int mental_health_teachers(wb_result *r, const wb_rule *rule, const wb_record *rec,
                                  const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    if (lacks(r, rec, SC_STAGE))
        return WB_OK;
    if (!is_primary_or_secondary(rec->number[SC_STAGE])) {
        wb__result_not_applicable(r, "非中小学", "not a primary or secondary school");
        return WB_OK;
    }
    return at_least(r, rule, rec, SC_MENTAL_HEALTH_TEACHERS);
}

/* ---------------------------------------------------------------- 7.3 */

/* N or more disabled pupils in ordinary classes: a resource room, equipped and staffed. */
static int resource_room(wb_result *r, const wb_rule *rule, const wb_record *rec,
                         const wb_calendar *calendar, wb_error *err)
{
    (void)calendar;
    (void)err;
    if (lacks(r, rec, SC_DISABLED_PUPILS))
        return WB_OK;
    /* 5名以上 includes 5. */
    if (rec->number[SC_DISABLED_PUPILS] < wb__rule_param(rule, "min-pupils")) {
        wb__result_not_applicable(r, "随班就读残疾学生人数未达到标准",
                                  "fewer disabled pupils in ordinary classes than the threshold");
        return WB_OK;
    }
    static const int parts[] = { SC_RESOURCE_ROOM, SC_RESOURCE_ROOM_EQUIPPED,
                                 SC_RESOURCE_ROOM_STAFFED };
    static const char *const absent[][2] = {
        { "未建资源教室", "no resource room" },
        { "资源教室未配备设施设备", "the resource room is not equipped" },
        { "资源教室未配备专门人员", "the resource room has no staff" },
    };
    for (size_t i = 0; i < 3; i++) {
        if (lacks(r, rec, parts[i]))
            return WB_OK;
        if (rec->number[parts[i]] != WB__YES) {
            r->outcome = WB_OUTCOME_VIOLATION;
            r->why[0] = absent[i][0];
            r->why[1] = absent[i][1];
            return WB_OK;
        }
    }
    r->outcome = WB_OUTCOME_COMPLIES;
    return WB_OK;
}

/* ============================================================== table */

#define PARAMS(...) (const char *const[]){ __VA_ARGS__, NULL }

#define READS(...) (const char *const[]){ __VA_ARGS__, NULL }
/* The columns a rule of single records reads: a bit each. */
#define COLUMNS1(a) (1u << (a))
#define COLUMNS2(a, b) (COLUMNS1(a) | COLUMNS1(b))
#define COLUMNS3(a, b, c) (COLUMNS2(a, b) | COLUMNS1(c))
#define INDUCTION_COLUMNS (COLUMNS2(TR_ROLE, TR_START_DATE) | COLUMNS2(TR_END_DATE, TR_INDUCTION_DATE))
/* A rule over whole ledgers: it keeps the rows of its ledgers, then finishes. */
#define OVER(fn, ...) .reads = READS(__VA_ARGS__), .collect = wb__collect_rows, .finish = fn, \
                      .free_state = wb__rows_free

static const wb__evaluator evaluators[] = {
    /* 2.3 */
    { .rule_id = "hire-query", .ledger = "background-checks", .params = PARAMS(NULL),
      .evaluate = hire_query, .columns = COLUMNS3(BC_CATEGORY, BC_START_DATE, BC_QUERY_DATE) },
    { .rule_id = "staff-requery", .ledger = "background-checks", .params = PARAMS("every"),
      .evaluate = staff_requery, .columns = COLUMNS2(BC_CATEGORY, BC_QUERY_DATE) },
    { .rule_id = "dismissal-deadline", .ledger = "background-checks", .params = PARAMS("within"),
      .evaluate = dismissal_deadline,
      .columns = COLUMNS3(BC_RESULT, BC_RESULT_DATE, BC_DISMISSAL_DATE) },
    /* 8.5 */
    { .rule_id = "judicial-reply", .ledger = "judicial-suggestions",
      .params = PARAMS("within", "move-off-rest-days"), .evaluate = judicial_reply,
      .columns = COLUMNS2(JS_RECEIVED_DATE, JS_REPLY_DATE) },
    /* 10.6, 10.7 */
    { .rule_id = "director-induction", .ledger = "trainees", .params = PARAMS("within"),
      .evaluate = director_induction, .columns = INDUCTION_COLUMNS },
    { .rule_id = "director-rotation", .ledger = "trainees", .params = PARAMS(NULL),
      OVER(wb__finish_director_rotation, "trainings") },
    { .rule_id = "rotation-course-share", .ledger = "trainings", .params = PARAMS("percent"),
      .evaluate = rotation_course_share,
      .columns = COLUMNS2(TG_KIND, TG_ROLE) | COLUMNS2(TG_HOURS, TG_SOCIAL_WORK_HOURS) },
    { .rule_id = "training-records-kept", .ledger = "trainings", .params = PARAMS(NULL),
      .evaluate = training_records_kept, .columns = COLUMNS2(TG_ROLE, TG_MATERIALS) },
    { .rule_id = "reporting-induction", .ledger = "trainees", .params = PARAMS("within"),
      .evaluate = reporting_induction, .columns = INDUCTION_COLUMNS },
    { .rule_id = "reporting-rotation", .ledger = "trainees", .params = PARAMS(NULL),
      OVER(wb__finish_reporting_rotation, "trainings") },
    /* 9.8 */
    { .rule_id = "venue-coverage", .ledger = "communities", .params = PARAMS("percent"),
      OVER(wb__finish_venue_coverage, NULL) },
    { .rule_id = "venue-schedule", .ledger = "communities",
      .params = PARAMS("min-days", "min-rest-days", "min-hours"), .evaluate = venue_schedule,
      .columns = COLUMNS2(CM_VENUE, CM_DAYS_OPEN) | COLUMNS2(CM_REST_DAYS_OPEN, CM_HOURS_PER_OPENING) },
    /* 1.3, 1.8 */
    { .rule_id = "county-meetings", .ledger = "meetings", .params = PARAMS("min"),
      OVER(wb__finish_county_meetings, NULL) },
    { .rule_id = "township-meetings", .ledger = "meetings", .params = PARAMS("min"),
      OVER(wb__finish_township_meetings, "townships") },
    /* 3.2 */
    { .rule_id = "family-education-activities", .ledger = "activities", .params = PARAMS("min"),
      OVER(wb__finish_activities, "communities") },
    /* 2.5 */
    { .rule_id = "data-updates", .ledger = "data-updates", .params = PARAMS("min"),
      OVER(wb__finish_data_updates, NULL) },
    /* 3.5 */
    { .rule_id = "home-visits", .ledger = "children",
      .params = PARAMS("high-every", "medium-every", "low-every"),
      OVER(wb__finish_home_visits, "home-visits") },
    /* 10.1–10.3, 4.3 */
    { .rule_id = "supervisor-staffing", .ledger = "townships", .params = PARAMS("min"),
      .evaluate = supervisor_staffing, .columns = COLUMNS1(TS_CHILD_SUPERVISORS) },
    { .rule_id = "social-worker-staffing", .ledger = "townships", .params = PARAMS("min"),
      .evaluate = social_worker_staffing,
      .columns = COLUMNS2(TS_WORKSTATION, TS_YOUTH_SOCIAL_WORKERS) },
    { .rule_id = "director-staffing", .ledger = "communities", .params = PARAMS("min"),
      .evaluate = director_staffing, .columns = COLUMNS1(CM_CHILD_DIRECTORS) },
    { .rule_id = "mental-health-teachers", .ledger = "schools", .params = PARAMS("min"),
      .evaluate = mental_health_teachers,
      .columns = COLUMNS2(SC_STAGE, SC_MENTAL_HEALTH_TEACHERS) },
    /* 7.3 */
    { .rule_id = "special-education-school", .ledger = "county", .params = PARAMS("population"),
      OVER(wb__finish_special_school, "schools") },
    { .rule_id = "resource-rooms", .ledger = "schools", .params = PARAMS("min-pupils"),
      .evaluate = resource_room,
      .columns = COLUMNS2(SC_DISABLED_PUPILS, SC_RESOURCE_ROOM) |
                 COLUMNS2(SC_RESOURCE_ROOM_EQUIPPED, SC_RESOURCE_ROOM_STAFFED) },
    /* 4.6 */
    { .rule_id = "no-lessons-on-rest-days", .ledger = "lessons", .params = PARAMS(NULL),
      OVER(wb__finish_lessons, "vacations") },
    /* 6.2 */
    { .rule_id = "internet-cafe-inspections", .ledger = "inspections",
      .params = PARAMS("around-days"), OVER(wb__finish_inspections, "vacations") },
    /* 9.9 */
    { .rule_id = "social-organisations", .ledger = "social-organisations", .params = PARAMS("min"),
      OVER(wb__finish_organisations, NULL) },
};

const wb__evaluator *wb__evaluator_find(const char *rule_id)
{
    for (size_t i = 0; i < sizeof(evaluators) / sizeof(evaluators[0]); i++)
        if (strcmp(evaluators[i].rule_id, rule_id) == 0)
            return &evaluators[i];
    return NULL;
}
