/*
 * test_oom.c - every allocation the library makes may fail: the call then
 * returns WB_ENOMEM (or succeeds when it can do without), never crashes,
 * and leaks nothing (run under AddressSanitizer's leak checker).
 *
 * The program is linked with --wrap for malloc, calloc and realloc, so the
 * library's own allocations go through the wrappers below; the Nth one is
 * made to fail, for every N until a run completes without reaching N.
 */
#include "runner.h"

#include <stdlib.h>
#include <weibao/weibao.h>

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

static long countdown = -1;   /* -1: never fail; 0: fail this one */
static long calls;

static int should_fail(void)
{
    calls++;
    if (countdown < 0)
        return 0;
    return countdown-- == 0;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

typedef int (*operation)(void);

static int open_default(void)
{
    wb_rubric *r = NULL;
    wb_error err;
    int rc = wb_rubric_open_default(&r, &err);
    if (rc == WB_OK) {
        if (wb_rubric_standard_count(r) != 67)
            rc = WB_ERROR;
        wb_rubric_free(r);
    } else if (r != NULL) {
        rc = WB_ERROR;
    }
    return rc;
}

static int check_broken(void)
{
    static const char doc[] =
        "<?xml version=\"1.0\"?>\n"
        "<rubric xmlns=\"urn:weibao:rubric:1\" format=\"1\" edition=\"t\" total=\"3\">\n"
        " <title>t</title>\n <units><unit id=\"a\" name=\"甲\"/></units>\n"
        " <category id=\"1\" name=\"c\"><topic name=\"t\">\n"
        "  <standard id=\"1.1\" points=\"1\"><text>x</text><responsible><unit>乙</unit></responsible></standard>\n"
        "  <standard id=\"1.1\" points=\"1\"><text>y</text><responsible><unit>甲</unit></responsible></standard>\n"
        " </topic></category>\n</rubric>\n";
    wb_diagnostics *d = NULL;
    int rc = wb_rubric_check_buffer(&d, doc, sizeof(doc) - 1, "t.xml", NULL);
    if (rc == WB_OK && wb_diagnostics_count(d) != 3)
        rc = WB_ERROR;
    wb_diagnostics_free(d);
    return rc;
}

static int load_file(void)
{
    wb_rubric *r = NULL;
    int rc = wb_rubric_load_file(&r, WB_SOURCE_DIR "/data/rubric.xml", NULL);
    wb_rubric_free(r);
    return rc;
}

static int calendar_queries(void)
{
    wb_calendar *cal = NULL, *projected = NULL;
    int rc = wb_calendar_open_default(&cal, NULL);
    if (rc == WB_OK)
        rc = wb_calendar_project(&projected, cal, 2028, NULL);
    if (rc == WB_OK) {
        wb_deadline dl;
        wb_date start;
        wb_date_from_ymd(&start, 2026, 12, 10, NULL);
        rc = wb_period_end(&dl, projected, start, 3, WB_PERIOD_MONTHS, NULL, NULL);
    }
    wb_calendar_free(projected);
    wb_calendar_free(cal);
    return rc;
}

static int import_notice(void)
{
    static const char text[] =
        "国务院办公厅关于2030年部分节假日安排的通知\n"
        "国办发明电〔2029〕1号\n"
        "一、元旦:1月1日放假,与周末连休。\n"
        "二、春节:2月2日至8日放假调休,共7天。1月27日(星期日)、2月9日(星期六)上班。\n"
        "国务院办公厅\n"
        "2029年11月1日\n";
    char *xml = NULL;
    wb_diagnostics *findings = NULL;
    int rc = wb_calendar_import_notice(&xml, &findings, text, sizeof(text) - 1, "n.txt", NULL);
    if (rc == WB_OK && (xml == NULL || wb_diagnostics_count(findings) != 0))
        rc = WB_ERROR;
    wb_free(xml);
    wb_diagnostics_free(findings);
    return rc;
}

/* Rules, ledgers in both forms, a record, the rules over whole ledgers,
   and every result's message and explanation. */
static int evaluate_ledgers(void)
{
    wb_ruleset *rules = NULL, *packed = NULL;
    wb_calendar *cal = NULL;
    wb_evaluation *ev = NULL;
    wb_record *rec = NULL;
    static const char pack[] =
        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='p'><title>t</title>"
        "<set rule='staff-requery' param='every' value='6'/></rule-pack>";
    wb_date as_of;
    wb_date_from_ymd(&as_of, 2026, 11, 29, NULL);
    int rc = wb_ruleset_open_default(&rules, NULL);
    if (rc == WB_OK)
        rc = wb_ruleset_apply_pack_buffer(&packed, rules, pack, sizeof(pack) - 1, "p", NULL);
    if (rc == WB_OK)
        rc = wb_calendar_open_default(&cal, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_new(&ev, packed, cal, as_of, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_file(ev, WB_TEST_DATA "/ledgers/background-checks.csv", NULL, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_file(ev, WB_TEST_DATA "/ledgers/judicial-suggestions.xml", NULL, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_file(ev, WB_TEST_DATA "/ledgers/meetings.csv", NULL, NULL);
    if (rc == WB_OK)
        rc = wb_record_new(&rec, "trainees", NULL);
    if (rc == WB_OK)
        rc = wb_record_set(rec, "key", "T1", NULL);
    if (rc == WB_OK)
        rc = wb_record_set(rec, "role", "儿童主任", NULL);
    if (rc == WB_OK)
        rc = wb_record_set(rec, "start-date", "2026-01-05", NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_record(ev, rec, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_finish(ev, NULL);
    for (size_t i = 0; rc == WB_OK && i < wb_evaluation_result_count(ev); i++) {
        char *msg = NULL, *why = NULL;
        const wb_result *r = wb_evaluation_result_at(ev, i);
        rc = wb_result_message(&msg, r, WB_LANG_ZH, NULL);
        if (rc == WB_OK)
            rc = wb_result_explain(&why, r, WB_LANG_EN, NULL);
        wb_free(msg);
        wb_free(why);
    }
    if (rc == WB_OK && (wb_evaluation_record_count(ev) != 9 ||
                        wb_diagnostics_count(wb_evaluation_problems(ev)) != 2))
        rc = WB_ERROR;
    wb_record_free(rec);
    wb_evaluation_free(ev);
    wb_calendar_free(cal);
    wb_ruleset_free(packed);
    wb_ruleset_free(rules);
    return rc;
}

/* A dossier scored, with its sheet, a ledger and every report. */
static int assess_dossier(void)
{
    wb_rubric *rubric = NULL;
    wb_ruleset *rules = NULL;
    wb_calendar *cal = NULL;
    wb_dossier *dossier = NULL;
    wb_assessment *a = NULL;
    int rc = wb_rubric_open_default(&rubric, NULL);
    if (rc == WB_OK)
        rc = wb_ruleset_open_default(&rules, NULL);
    if (rc == WB_OK)
        rc = wb_calendar_open_default(&cal, NULL);
    if (rc == WB_OK)
        rc = wb_dossier_load_file(&dossier, WB_TEST_DATA "/dossiers/small/dossier.xml", NULL);
    if (rc == WB_OK)
        rc = wb_assessment_run(&a, dossier, rubric, rules, cal, NULL);
    for (int format = 0; rc == WB_OK && format < 4; format++) {
        char *text = NULL;
        rc = wb_report_assessment(&text, a, (wb_report_format)format, WB_LANG_ZH, NULL);
        wb_free(text);
    }
    if (rc == WB_OK) {
        char *text = NULL;
        const wb_assessment *list[1] = { a };
        rc = wb_report_table(&text, list, 1, WB_REPORT_HTML, WB_LANG_EN, NULL);
        wb_free(text);
    }
    if (rc == WB_OK && (!wb_assessment_vetoed(a) || wb_assessment_total_half_points(a) != 9))
        rc = WB_ERROR;
    wb_assessment_free(a);
    wb_dossier_free(dossier);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
    wb_rubric_free(rubric);
    return rc;
}

/* A privacy scanner with an extra pattern (PCRE2's own memory comes
   through malloc too), a scan with a finding of every kind but the limit,
   and a redacted copy. */
static int privacy_scan(void)
{
    static const char text[] =
        "被害人张小明,110105200811300015,手机13812345678,卡6222021234567890128,编号SECRET-42。\n";
    const char *extra[] = { "SECRET-[0-9]+", NULL };
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.extra_patterns = extra;
    o.has_as_of = 1;
    wb_date_from_ymd(&o.as_of, 2026, 11, 29, NULL);
    wb_privacy_scanner *s = NULL;
    wb_diagnostics *d = NULL;
    char *out = NULL;
    int rc = wb_privacy_scanner_new(&s, &o, NULL);
    if (rc == WB_OK)
        rc = wb_privacy_scan(&d, s, text, sizeof(text) - 1, "t.txt", 1, NULL);
    if (rc == WB_OK && (wb_diagnostics_count(d) != 5 ||
                        wb_diagnostics_count_at_least(d, WB_SEVERITY_ERROR) != 1))
        rc = WB_ERROR;
    if (rc == WB_OK)
        rc = wb_privacy_redact(&out, NULL, s, text, sizeof(text) - 1, NULL);
    if (rc == WB_OK && (strstr(out, "13812345678") != NULL || strstr(out, "SECRET") != NULL))
        rc = WB_ERROR;
    wb_free(out);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    return rc;
}

/* A rule pack with privacy patterns (compiled and tried when applied)
   and added case words, applied on a pack, then the scanner it makes. */
static int pack_privacy(void)
{
    static const char pack[] =
        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='p'><title>t</title>"
        "<privacy><pattern id='school-no' title='学籍号'>G\\d{18}</pattern>"
        "<pattern id='case-no' title='案号'>&#x6848;\\d{6}</pattern>"
        "<case-words>网络沉迷 失联</case-words></privacy></rule-pack>";
    static const char again[] =
        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='q'><title>t</title>"
        "<privacy><pattern id='case-no' title='案件编号'>AJ\\d{6}</pattern>"
        "<case-words mode='replace'>失联</case-words></privacy></rule-pack>";
    static const char text[] = "学籍号G123456789012345678,失联:王小明,AJ123456。";
    wb_ruleset *rules = NULL, *packed = NULL, *twice = NULL;
    wb_privacy_scanner *s = NULL;
    wb_diagnostics *d = NULL;
    int rc = wb_ruleset_open_default(&rules, NULL);
    if (rc == WB_OK)
        rc = wb_ruleset_apply_pack_buffer(&packed, rules, pack, sizeof(pack) - 1, "p", NULL);
    if (rc == WB_OK)
        rc = wb_ruleset_apply_pack_buffer(&twice, packed, again, sizeof(again) - 1, "q", NULL);
    if (rc == WB_OK)
        rc = wb_ruleset_privacy_scanner(&s, twice, NULL, NULL);
    if (rc == WB_OK)
        rc = wb_privacy_scan(&d, s, text, sizeof(text) - 1, "t.txt", 1, NULL);
    if (rc == WB_OK && (wb_ruleset_privacy_pattern_count(twice) != 2 ||
                        wb_ruleset_case_word_count(twice) != 1 ||
                        wb_diagnostics_count(d) != 3))
        rc = WB_ERROR;
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    wb_ruleset_free(twice);
    wb_ruleset_free(packed);
    wb_ruleset_free(rules);
    return rc;
}

/* A pack whose pattern does not compile: WB_EREGEX, or WB_ENOMEM when
   memory runs out first, never another code. */
static int pack_bad_pattern(void)
{
    static const char pack[] =
        "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='p'><title>t</title>"
        "<privacy><pattern id='x' title='t'>ab(c</pattern>"
        "<pattern id='y' title='t'>a*</pattern></privacy></rule-pack>";
    wb_ruleset *rules = NULL, *packed = NULL;
    int rc = wb_ruleset_open_default(&rules, NULL);
    if (rc == WB_OK) {
        rc = wb_ruleset_apply_pack_buffer(&packed, rules, pack, sizeof(pack) - 1, "p", NULL);
        rc = rc == WB_EREGEX && packed == NULL ? WB_OK : rc == WB_ENOMEM ? rc : WB_ERROR;
    }
    wb_ruleset_free(packed);
    wb_ruleset_free(rules);
    return rc;
}

/* Ledgers scanned for personal data as they are read: CSV, XML and a
   record from the API, each with findings; then a result's message. */
static int scan_ledgers(void)
{
    wb_ruleset *rules = NULL;
    wb_calendar *cal = NULL;
    wb_privacy_scanner *s = NULL;
    wb_evaluation *ev = NULL;
    wb_record *rec = NULL;
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.has_as_of = 1;
    wb_date_from_ymd(&o.as_of, 2026, 11, 29, NULL);
    int rc = wb_ruleset_open_default(&rules, NULL);
    if (rc == WB_OK)
        rc = wb_calendar_open_default(&cal, NULL);
    if (rc == WB_OK)
        rc = wb_privacy_scanner_new(&s, &o, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_new(&ev, rules, cal, o.as_of, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_set_privacy(ev, s, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_file(ev, WB_TEST_DATA "/ledgers/leaks.csv", NULL, NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_file(ev, WB_TEST_DATA "/ledgers/leaks.xml", NULL, NULL);
    if (rc == WB_OK)
        rc = wb_record_new(&rec, "trainees", NULL);
    if (rc == WB_OK)
        rc = wb_record_set(rec, "key", "T-13812345678", NULL);
    if (rc == WB_OK)
        rc = wb_record_set(rec, "unit", "家长 13912345678", NULL);
    if (rc == WB_OK)
        rc = wb_evaluation_add_record(ev, rec, NULL);
    if (rc == WB_OK && wb_evaluation_result_count(ev) > 0) {
        char *msg = NULL;
        rc = wb_result_message(&msg, wb_evaluation_result_at(ev, 0), WB_LANG_EN, NULL);
        wb_free(msg);
    }
    if (rc == WB_OK && wb_diagnostics_count(wb_evaluation_problems(ev)) != 9)
        rc = WB_ERROR;
    wb_record_free(rec);
    wb_evaluation_free(ev);
    wb_privacy_scanner_free(s);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
    return rc;
}

/* Fail allocation 0, 1, 2, … until the operation no longer reaches it. */
static void fail_each_allocation(operation op)
{
    countdown = -1;
    calls = 0;
    assert_int_equal(op(), WB_OK);
    long total = calls;
    print_message("%ld allocations\n", total);
    assert_true(total > 0);
    for (long n = 0; n < total; n++) {
        countdown = n;
        int rc = op();
        countdown = -1;
        if (rc != WB_OK && rc != WB_ENOMEM)
            fail_msg("failing allocation %ld of %ld gave %d", n, total, rc);
    }
}

static void test_oom__open_default(void **state)
{
    (void)state;
    fail_each_allocation(open_default);
}

static void test_oom__check_with_findings(void **state)
{
    (void)state;
    fail_each_allocation(check_broken);
}

static void test_oom__load_file(void **state)
{
    (void)state;
    fail_each_allocation(load_file);
}

static void test_oom__calendar_and_projection(void **state)
{
    (void)state;
    fail_each_allocation(calendar_queries);
}

static void test_oom__notice_import(void **state)
{
    (void)state;
    fail_each_allocation(import_notice);
}

static void test_oom__evaluate_ledgers(void **state)
{
    (void)state;
    fail_each_allocation(evaluate_ledgers);
}

static void test_oom__assess_a_dossier(void **state)
{
    (void)state;
    fail_each_allocation(assess_dossier);
}

static void test_oom__privacy_scan(void **state)
{
    (void)state;
    fail_each_allocation(privacy_scan);
}

static void test_oom__rule_pack_privacy(void **state)
{
    (void)state;
    fail_each_allocation(pack_privacy);
    fail_each_allocation(pack_bad_pattern);
}

static void test_oom__privacy_scan_of_ledgers(void **state)
{
    (void)state;
    fail_each_allocation(scan_ledgers);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_oom__open_default),
    cmocka_unit_test(test_oom__calendar_and_projection),
    cmocka_unit_test(test_oom__notice_import),
    cmocka_unit_test(test_oom__evaluate_ledgers),
    cmocka_unit_test(test_oom__assess_a_dossier),
    cmocka_unit_test(test_oom__check_with_findings),
    cmocka_unit_test(test_oom__load_file),
    cmocka_unit_test(test_oom__privacy_scan),
    cmocka_unit_test(test_oom__privacy_scan_of_ledgers),
    cmocka_unit_test(test_oom__rule_pack_privacy),
};

WB_TEST_MAIN("oom", tests)
