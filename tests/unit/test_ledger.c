/*
 * test_ledger.c - ledger kinds, records and ledger files.
 *
 * The column table against the enums the rules read, the XML schema
 * against the table, values as clerks write them, identity numbers and
 * their masking, and files in every form a county sends: XML, CSV in
 * UTF-8, UTF-8 with a BOM and GB18030, with bad rows among good ones and
 * lines past 65,535.
 */
#include "runner.h"

#include <stdlib.h>
#include <unistd.h>
#include <weibao/weibao.h>

#include "diagnostic_internal.h"
#include "ledger_internal.h"

/* ---------------------------------------------------------- the table */

/* The columns each rule reads are where the enums say. */
static void test_ledger__enums_match_the_column_table(void **state)
{
    (void)state;
    static const struct {
        const wb_ledger_kind *kind;
        int field;
        const char *name;
        size_t count;
    } spots[] = {
        { &wb__ledger_background_checks, BC_DISMISSAL_DATE, "dismissal-date", BC_FIELDS },
        { &wb__ledger_background_checks, BC_RESULT_DATE, "result-date", BC_FIELDS },
        { &wb__ledger_judicial_suggestions, JS_REPLY_DATE, "reply-date", JS_FIELDS },
        { &wb__ledger_trainees, TR_INDUCTION_DATE, "induction-date", TR_FIELDS },
        { &wb__ledger_trainings, TG_MATERIALS, "materials", TG_FIELDS },
        { &wb__ledger_trainings, TG_SOCIAL_WORK_HOURS, "social-work-hours", TG_FIELDS },
        { &wb__ledger_communities, CM_FAMILY_EDUCATION_SITE, "family-education-site", CM_FIELDS },
        { &wb__ledger_communities, CM_HOURS_PER_OPENING, "hours-per-opening", CM_FIELDS },
        { &wb__ledger_townships, TS_YOUTH_SOCIAL_WORKERS, "youth-social-workers", TS_FIELDS },
        { &wb__ledger_schools, SC_RESOURCE_ROOM_STAFFED, "resource-room-staffed", SC_FIELDS },
        { &wb__ledger_county, CO_POPULATION, "population", CO_FIELDS },
        { &wb__ledger_meetings, MT_MINUTES, "minutes", MT_FIELDS },
        { &wb__ledger_activities, AC_RECORDED, "recorded", AC_FIELDS },
        { &wb__ledger_data_updates, DU_DATE, "date", DU_FIELDS },
        { &wb__ledger_children, CH_CLOSED_DATE, "closed-date", CH_FIELDS },
        { &wb__ledger_home_visits, HV_DATE, "date", HV_FIELDS },
        { &wb__ledger_lessons, LS_COMPULSORY, "compulsory", LS_FIELDS },
        { &wb__ledger_vacations, VC_END_DATE, "end-date", VC_FIELDS },
        { &wb__ledger_inspections, IN_DATE, "date", IN_FIELDS },
        { &wb__ledger_social_organisations, SO_DATE, "date", SO_FIELDS },
    };
    for (size_t i = 0; i < sizeof(spots) / sizeof(spots[0]); i++) {
        assert_int_equal(wb_ledger_field_count(spots[i].kind), spots[i].count);
        assert_string_equal(wb_ledger_field_name(spots[i].kind, (size_t)spots[i].field),
                            spots[i].name);
    }
    /* Every kind: the key first, names and headers unique, at most 16 columns. */
    assert_int_equal(wb_ledger_kind_count(), 18);
    for (size_t k = 0; k < wb_ledger_kind_count(); k++) {
        const wb_ledger_kind *kind = wb_ledger_kind_at(k);
        assert_string_equal(wb_ledger_field_name(kind, 0), "key");
        assert_true(wb_ledger_field_required(kind, 0));
        assert_true(wb_ledger_field_count(kind) <= WB__MAX_FIELDS);
        assert_ptr_equal(wb_ledger_kind_find(wb_ledger_kind_name(kind)), kind);
        assert_ptr_equal(wb_ledger_kind_find(wb_ledger_kind_title(kind, WB_LANG_ZH)), kind);
        for (size_t i = 0; i < wb_ledger_field_count(kind); i++)
            for (size_t j = 0; j < i; j++) {
                assert_string_not_equal(wb_ledger_field_name(kind, i), wb_ledger_field_name(kind, j));
                assert_string_not_equal(wb_ledger_field_header(kind, i),
                                        wb_ledger_field_header(kind, j));
            }
    }
}

static char *write_temp(const char *suffix, const char *data, size_t len)
{
    static int n;
    char *path = malloc(256);
    snprintf(path, 256, "%s/wb-test-ledger-%d-%d%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (int)getpid(), n++, suffix);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

/* An evaluation of one file, as of 2026-11-29; the caller frees it. */
/* An evaluation as of 2026-11-29 over the built-in rules and calendar,
   which the caller frees too. */
static wb_evaluation *open_evaluation(wb_ruleset **rules, wb_calendar **cal)
{
    wb_evaluation *ev = NULL;
    wb_date as_of;
    wb_date_parse(&as_of, "2026-11-29", NULL);
    assert_int_equal(wb_ruleset_open_default(rules, NULL), WB_OK);
    assert_int_equal(wb_calendar_open_default(cal, NULL), WB_OK);
    assert_int_equal(wb_evaluation_new(&ev, *rules, *cal, as_of, NULL), WB_OK);
    return ev;
}

static wb_evaluation *evaluate(const char *path, const char *kind, int *rc,
                               wb_ruleset **rules, wb_calendar **cal)
{
    wb_evaluation *ev = open_evaluation(rules, cal);
    *rc = wb_evaluation_add_file(ev, path, kind, NULL);
    return ev;
}

static void done(wb_evaluation *ev, wb_ruleset *rules, wb_calendar *cal, char *path)
{
    wb_evaluation_free(ev);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
    remove(path);
    free(path);
}

/* The schema takes every column of every kind, and nothing else. */
static void test_ledger__the_schema_takes_every_column_of_every_kind(void **state)
{
    (void)state;
    for (size_t k = 0; k < wb_ledger_kind_count(); k++) {
        const wb_ledger_kind *kind = wb_ledger_kind_at(k);
        char xml[4096];
        int n = snprintf(xml, sizeof(xml), "<%s xmlns='urn:weibao:ledger:1' format='1'><record",
                         wb_ledger_kind_name(kind));
        for (size_t i = 0; i < wb_ledger_field_count(kind); i++)
            n += snprintf(xml + n, sizeof(xml) - (size_t)n, " %s=''", wb_ledger_field_name(kind, i));
        n += snprintf(xml + n, sizeof(xml) - (size_t)n, "/><record unknown-column='x'/></%s>",
                      wb_ledger_kind_name(kind));
        char *path = write_temp(".xml", xml, (size_t)n);
        wb_ruleset *rules;
        wb_calendar *cal;
        int rc;
        wb_evaluation *ev = evaluate(path, NULL, &rc, &rules, &cal);
        assert_int_equal(rc, WB_OK);
        const wb_diagnostics *p = wb_evaluation_problems(ev);
        /* The first record breaks no schema rule (it lacks a key: a bad row);
           the second is refused by the schema. */
        size_t schema = 0, keyless = 0;
        for (size_t i = 0; i < wb_diagnostics_count(p); i++) {
            const char *rule = wb_diagnostic_rule(wb_diagnostics_at(p, i));
            schema += strcmp(rule, "schema-invalid") == 0;
            keyless += strcmp(rule, "ledger-missing-key") == 0;
        }
        if (schema != 1 || keyless != 1)
            fail_msg("%s: %zu schema findings, %zu keyless rows", wb_ledger_kind_name(kind), schema,
                     keyless);
        done(ev, rules, cal, path);
    }
}

/* ------------------------------------------------------------ records */

static void test_ledger__values_as_clerks_write_them(void **state)
{
    (void)state;
    wb_record *r = NULL;
    assert_int_equal(wb_record_new(&r, "communities", NULL), WB_OK);
    assert_int_equal(wb_record_set(r, "编号", "  C1  ", NULL), WB_OK);
    assert_string_equal(wb_record_key(r), "C1");
    static const char *const yes[] = { "有", "是", "yes", "Y", "√", "1" };
    static const char *const no[] = { "无", "否", "no", "N", "×", "0" };
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(wb_record_set(r, "venue", yes[i], NULL), WB_OK);
        assert_int_equal(r->number[CM_VENUE], WB__YES);
        assert_int_equal(wb_record_set(r, "关爱服务场所", no[i], NULL), WB_OK);
        assert_int_equal(r->number[CM_VENUE], WB__NO);
    }
    wb_error err;
    assert_int_equal(wb_record_set(r, "venue", "也许", &err), WB_EPARSE);
    assert_string_equal(err.rule, "ledger-bad-value");
    assert_int_equal(wb_record_set(r, "days-open", "5", NULL), WB_OK);
    assert_int_equal(r->number[CM_DAYS_OPEN], 5);
    assert_int_equal(wb_record_set(r, "days-open", "-1", &err), WB_EPARSE);
    assert_int_equal(wb_record_set(r, "days-open", "2.5", &err), WB_EPARSE);
    assert_int_equal(wb_record_set(r, "days-open", "99999999999", &err), WB_EPARSE);
    assert_int_equal(wb_record_set(r, "no-such-column", "1", &err), WB_ENOTFOUND);
    /* An empty value clears the column. */
    assert_int_equal(wb_record_set(r, "days-open", "", NULL), WB_OK);
    assert_false(wb__record_has(r, CM_DAYS_OPEN));
    wb_record_free(r);

    assert_int_equal(wb_record_new(&r, "meetings", NULL), WB_OK);
    assert_int_equal(wb_record_set(r, "date", "2026年2月10日", NULL), WB_OK);
    assert_int_equal(wb_record_set(r, "会议日期", "２０２６年２月１０日", NULL), WB_OK);
    assert_int_equal(wb_record_set(r, "date", "2023-02-29", &err), WB_EPARSE);
    assert_string_equal(err.rule, "ledger-bad-date");
    assert_non_null(strstr(err.message, "2023-02-29"));
    wb_record_free(r);
    assert_int_equal(wb_record_new(&r, "no-such-kind", &err), WB_ENOTFOUND);
    assert_null(r);
}

static void test_ledger__identity_numbers_are_checked_and_masked(void **state)
{
    (void)state;
    assert_true(wb_id_number_is_valid("11010519491231002X"));
    assert_true(wb_id_number_is_valid("11010519491231002x"));
    assert_false(wb_id_number_is_valid("110105194912310021"));     /* check character */
    assert_false(wb_id_number_is_valid("11010519490231002X"));     /* Feb 31st... */
    assert_false(wb_id_number_is_valid("1101051949123100"));       /* length */
    assert_false(wb_id_number_is_valid(NULL));
    char m[WB_MASK_STRLEN];
    wb_mask_id_number(m, "220581199001011234");
    assert_string_equal(m, "220581********1234");
    wb_mask_id_number(m, "1234567890");
    assert_string_equal(m, "**********");
    wb_mask_id_number(m, "");
    assert_string_equal(m, "");
}

/* -------------------------------------------------------------- files */

static const char csv_utf8[] =
    "编号,单位,人员类别,入职日期,查询日期\r\n"
    "BC-1,实验小学,新入职,2026-03-01,2026-03-02\r\n"
    "BC-2,\"实验小学,东校区\",新入职,2026-03-01,2026-03-01\r\n";

/* The same text in GB18030: 编号 is B1E0 BAC5, and so on (iconv -t GB18030). */
static void test_ledger__csv_in_utf8_with_a_bom_and_in_gb18030_read_alike(void **state)
{
    (void)state;
    char bom[sizeof(csv_utf8) + 3] = "\xEF\xBB\xBF";
    memcpy(bom + 3, csv_utf8, sizeof(csv_utf8));
    static const char gb[] =
        "\xb1\xe0\xba\xc5,\xb5\xa5\xce\xbb,\xc8\xcb\xd4\xb1\xc0\xe0\xb1\xf0,"
        "\xc8\xeb\xd6\xb0\xc8\xd5\xc6\xda,\xb2\xe9\xd1\xaf\xc8\xd5\xc6\xda\r\n"
        "BC-1,\xca\xb5\xd1\xe9\xd0\xa1\xd1\xa7,\xd0\xc2\xc8\xeb\xd6\xb0,2026-03-01,2026-03-02\r\n"
        "BC-2,\"\xca\xb5\xd1\xe9\xd0\xa1\xd1\xa7,\xb6\xab\xd0\xa3\xc7\xf8\",\xd0\xc2\xc8\xeb\xd6\xb0,"
        "2026-03-01,2026-03-01\r\n";
    const char *forms[] = { csv_utf8, bom, gb };
    size_t lens[] = { sizeof(csv_utf8) - 1, sizeof(csv_utf8) + 2, sizeof(gb) - 1 };
    for (int i = 0; i < 3; i++) {
        char *path = write_temp(".csv", forms[i], lens[i]);
        wb_ruleset *rules;
        wb_calendar *cal;
        int rc;
        wb_evaluation *ev = evaluate(path, NULL, &rc, &rules, &cal);
        assert_int_equal(rc, WB_OK);
        assert_int_equal(wb_diagnostics_count(wb_evaluation_problems(ev)), 0);
        assert_int_equal(wb_evaluation_record_count(ev), 2);
        assert_int_equal(wb_evaluation_count(ev, "hire-query", WB_OUTCOME_VIOLATION), 1);
        assert_int_equal(wb_evaluation_count(ev, "hire-query", WB_OUTCOME_COMPLIES), 1);
        /* The quoted comma stays in the unit's name. */
        int found = 0;
        for (size_t g = 0; g < wb_evaluation_group_count(ev, WB_GROUP_UNIT); g++)
            found |= strcmp(wb_evaluation_group_name(ev, WB_GROUP_UNIT, g), "实验小学,东校区") == 0;
        assert_true(found);
        const wb_ledger_kind *kind = NULL;
        assert_int_equal(wb_ledger_detect_file(&kind, path, NULL), WB_OK);
        assert_ptr_equal(kind, wb_ledger_kind_find("background-checks"));
        done(ev, rules, cal, path);
    }
}

/* A bad row past line 65,535 is reported on its own line, and the rows
   around it are still checked. */
static void test_ledger__xml_lines_stay_exact_past_65535(void **state)
{
    (void)state;
    size_t cap = 8 << 20, n = 0;
    char *xml = malloc(cap);
    n += (size_t)snprintf(xml + n, cap - n,
                          "<?xml version='1.0' encoding='UTF-8'?>\n"
                          "<background-checks xmlns='urn:weibao:ledger:1' format='1'>\n");
    for (int i = 0; i < 70000; i++)
        n += (size_t)snprintf(xml + n, cap - n,
                              "  <record key='K%d' category='在职' query-date='%s'/>\n", i,
                              i == 69990 ? "2026-02-30" : "2026-03-02");
    n += (size_t)snprintf(xml + n, cap - n, "</background-checks>\n");
    char *path = write_temp(".xml", xml, n);
    free(xml);
    wb_ruleset *rules;
    wb_calendar *cal;
    int rc;
    wb_evaluation *ev = evaluate(path, NULL, &rc, &rules, &cal);
    assert_int_equal(rc, WB_OK);
    const wb_diagnostics *p = wb_evaluation_problems(ev);
    assert_int_equal(wb_diagnostics_count(p), 1);
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(p, 0)), 69990 + 3);
    assert_int_equal(wb_evaluation_record_count(ev), 69999);
    done(ev, rules, cal, path);
}

static void test_ledger__files_that_are_not_ledgers(void **state)
{
    (void)state;
    static const struct {
        const char *suffix, *text, *kind, *rule;
        int rc;
    } cases[] = {
        { ".csv", "", NULL, "ledger-kind", WB_ESCHEMA },
        { ".csv", "编号,单位\nA,B\n", NULL, "ledger-kind", WB_ESCHEMA },      /* fits many kinds */
        { ".csv", "编号,编号\nA,B\n", "meetings", "ledger-columns", WB_ESCHEMA },
        { ".csv", "编号,\"会议日期\nA,B\n", "meetings", "ledger-malformed", WB_EPARSE },
        { ".xml", "<rubric xmlns='urn:weibao:rubric:1'/>", NULL, "ledger-kind", WB_ESCHEMA },
        { ".xml", "<meetings xmlns='urn:weibao:ledger:1' format='1'/>", "vacations", "ledger-kind",
          WB_ESCHEMA },
        { ".xml", "<meetings xmlns='urn:weibao:ledger:1' format='1'><record key='A'>", NULL,
          "xml-malformed", WB_EPARSE },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *path = write_temp(cases[i].suffix, cases[i].text, strlen(cases[i].text));
        wb_ruleset *rules;
        wb_calendar *cal;
        int rc;
        wb_evaluation *ev = evaluate(path, cases[i].kind, &rc, &rules, &cal);
        if (rc != cases[i].rc)
            fail_msg("case %zu: %d, expected %d", i, rc, cases[i].rc);
        const wb_diagnostics *p = wb_evaluation_problems(ev);
        if (wb_diagnostics_count(p) == 0)
            fail_msg("case %zu: no problem reported", i);
        assert_string_equal(wb_diagnostic_rule(wb_diagnostics_at(p, 0)), cases[i].rule);
        done(ev, rules, cal, path);
    }
    /* A rubric is not a ledger; a missing file cannot be read. */
    const wb_ledger_kind *kind = (const wb_ledger_kind *)1;
    assert_int_equal(wb_ledger_detect_file(&kind, WB_SOURCE_DIR "/data/rubric.xml", NULL),
                     WB_ENOTFOUND);
    assert_null(kind);
    assert_int_equal(wb_ledger_detect_file(&kind, "/nonexistent/x.csv", NULL), WB_EIO);
}

/* A ledger in memory reads as the same file would: its kind from its
   content, its rows and problems named by the name given. */
static void test_ledger__a_ledger_in_memory(void **state)
{
    (void)state;
    static const char csv[] = "编号,人员类别,查询日期,查询结果\nBC-1,在职,2026-02-30,无\nBC-2,在职,2026-10-01,无\n";
    static const char xml[] = "<judicial-suggestions xmlns='urn:weibao:ledger:1' format='1'>\n"
                              "<record key='JS-1' received-date='2026-01-31' reply-date='2026-03-02'/>\n"
                              "</judicial-suggestions>\n";
    const wb_ledger_kind *kind = NULL;
    assert_int_equal(wb_ledger_detect_buffer(&kind, csv, strlen(csv), NULL), WB_OK);
    assert_string_equal(wb_ledger_kind_name(kind), "background-checks");
    assert_int_equal(wb_ledger_detect_buffer(&kind, xml, strlen(xml), NULL), WB_OK);
    assert_string_equal(wb_ledger_kind_name(kind), "judicial-suggestions");
    static const char rubric[] = "<rubric xmlns='urn:weibao:rubric:1'/>";
    assert_int_equal(wb_ledger_detect_buffer(&kind, rubric, strlen(rubric), NULL), WB_ENOTFOUND);
    assert_int_equal(wb_ledger_detect_buffer(&kind, "", 0, NULL), WB_OK);
    assert_null(kind);
    assert_int_equal(wb_ledger_detect_buffer(NULL, csv, 1, NULL), WB_EINVAL);

    wb_ruleset *rules;
    wb_calendar *cal;
    wb_evaluation *ev = open_evaluation(&rules, &cal);
    char name[] = "upload-7";
    assert_int_equal(wb_evaluation_add_buffer(ev, csv, strlen(csv), name, NULL, NULL), WB_OK);
    assert_int_equal(wb_evaluation_add_buffer(ev, xml, strlen(xml), NULL, NULL, NULL), WB_OK);
    memset(name, 'x', sizeof(name) - 1);      /* the name was copied */
    const wb_diagnostics *p = wb_evaluation_problems(ev);
    assert_int_equal(wb_diagnostics_count(p), 1);
    assert_string_equal(wb_diagnostic_file(wb_diagnostics_at(p, 0)), "upload-7");
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(p, 0)), 2);
    assert_int_equal(wb_evaluation_record_count(ev), 2);
    int judicial = 0;
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++) {
        const wb_result *r = wb_evaluation_result_at(ev, i);
        if (strcmp(wb_result_rule(r), "judicial-reply") == 0) {
            judicial++;
            assert_string_equal(wb_result_source(r), "<buffer>");
            assert_int_equal(wb_result_line(r), 2);
            assert_int_equal(wb_result_outcome(r), WB_OUTCOME_VIOLATION);
        }
    }
    assert_int_equal(judicial, 1);
    assert_int_equal(wb_evaluation_add_buffer(ev, NULL, 3, NULL, NULL, NULL), WB_EINVAL);
    assert_int_equal(wb_evaluation_add_buffer(ev, csv, 3, NULL, "no-such-kind", NULL), WB_EINVAL);
    wb_evaluation_free(ev);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
}

/* The first problem of a file: its rule, line and column. */
static void expect_first_problem(const char *suffix, const char *text, size_t len,
                                 const char *kind, const char *rule, int line, int column)
{
    char *path = write_temp(suffix, text, len);
    wb_ruleset *rules;
    wb_calendar *cal;
    int rc;
    wb_evaluation *ev = evaluate(path, kind, &rc, &rules, &cal);
    const wb_diagnostics *p = wb_evaluation_problems(ev);
    if (wb_diagnostics_count(p) == 0)
        fail_msg("'%s': no problem reported", text);
    const wb_diagnostic *d = wb_diagnostics_at(p, 0);
    if (strcmp(wb_diagnostic_rule(d), rule) != 0 || wb_diagnostic_line(d) != line ||
        wb_diagnostic_column(d) != column)
        fail_msg("'%s': %d:%d [%s] %s, want %d:%d [%s]", text, wb_diagnostic_line(d),
                 wb_diagnostic_column(d), wb_diagnostic_rule(d),
                 wb_diagnostic_message(d, WB_LANG_EN), line, column, rule);
    done(ev, rules, cal, path);
}

/* A problem placed on a line has a column: the cell's or the tag's when
   it is about one, 1 when it is about the line as a whole. */
static void test_ledger__problems_on_a_line_have_their_column(void **state)
{
    (void)state;
    expect_first_problem(".csv", "", 0, NULL, "ledger-kind", 1, 1);
    expect_first_problem(".csv", "\xEF\xBB\xBF", 3, NULL, "ledger-kind", 1, 1);
    expect_first_problem(".csv", "甲,乙\n1,2\n", 10, NULL, "ledger-kind", 1, 1);
    static const char unknown[] = "编号,人员类别,查询日期,附件\n";
    expect_first_problem(".csv", unknown, strlen(unknown), NULL, "ledger-unknown-column", 1, 14);
    static const char twice[] = "编号,会议日期, 会议日期\nA,2026-01-05,\n";
    expect_first_problem(".csv", twice, strlen(twice), "meetings", "ledger-columns", 1, 9);
    static const char root[] = "<?xml version='1.0'?>\n  <rubric xmlns='urn:weibao:rubric:1'/>\n";
    expect_first_problem(".xml", root, strlen(root), NULL, "ledger-kind", 2, 3);
    static const char schema[] = "<meetings xmlns='urn:weibao:ledger:1' format='1'>\n"
                                 "  <record key='A'/>  <record key='B' colour='red'/>\n"
                                 "</meetings>\n";
    expect_first_problem(".xml", schema, strlen(schema), NULL, "schema-invalid", 2, 22);
}

/* A UTF-8 ledger with one bad byte on row 2 is read as UTF-8: its header
   is recognised and the byte reported where it is. */
static void test_ledger__a_bad_byte_on_row_2_is_reported_where_it_is(void **state)
{
    (void)state;
    static const char bad[] = "编号,人员类别,查询日期,查询结果\nBC-1,在\xff职,2026-02-01,无\n";
    expect_first_problem(".csv", bad, strlen(bad), NULL, "ledger-malformed", 2, 7);
    static const char cut[] = "编号,人员类别,查询日期,查询结果\nBC-1,在职,2026-02-01,\xe6\x97";
    expect_first_problem(".csv", cut, strlen(cut), NULL, "ledger-malformed", 2, 20);
}

/* CR alone ends a line, as old Mac Excel writes CSV: every row is read,
   each on its own line. */
static void test_ledger__rows_ended_by_cr_alone(void **state)
{
    (void)state;
    static const char csv[] = "编号,人员类别,查询日期,查询结果\rBC-1,在职,2026-02-01,无\r"
                              "BC-2,在职,2026-02-30,无\rBC-3,在职,2026-03-01,无\r";
    expect_first_problem(".csv", csv, strlen(csv), NULL, "ledger-bad-date", 3, 1);
    char *path = write_temp(".csv", csv, strlen(csv));
    wb_ruleset *rules;
    wb_calendar *cal;
    int rc;
    wb_evaluation *ev = evaluate(path, NULL, &rc, &rules, &cal);
    assert_int_equal(rc, WB_OK);
    assert_int_equal(wb_evaluation_record_count(ev), 2);
    done(ev, rules, cal, path);
}

/* A key used again in another file names that file: a line alone would
   send the clerk to the wrong one. */
static void test_ledger__a_duplicate_key_names_the_file_it_was_first_in(void **state)
{
    (void)state;
    static const char a[] = "编号,人员类别,查询日期,查询结果\nBC-1,在职,2026-02-01,无\n"
                            "BC-1,在职,2026-02-01,无\n";
    static const char b[] = "编号,人员类别,查询日期,查询结果\n\nBC-1,在职,2026-02-01,无\n";
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_evaluation *ev = open_evaluation(&rules, &cal);
    assert_int_equal(wb_evaluation_add_buffer(ev, a, strlen(a), "town-a.csv", NULL, NULL), WB_OK);
    assert_int_equal(wb_evaluation_add_buffer(ev, b, strlen(b), "town-b.csv", NULL, NULL), WB_OK);
    const wb_diagnostics *p = wb_evaluation_problems(ev);
    assert_int_equal(wb_diagnostics_count(p), 2);
    const wb_diagnostic *same = wb_diagnostics_at(p, 0), *other = wb_diagnostics_at(p, 1);
    assert_string_equal(wb_diagnostic_file(same), "town-a.csv");
    assert_int_equal(wb_diagnostic_line(same), 3);
    assert_string_equal(wb_diagnostic_message(same, WB_LANG_EN),
                        "the key 'BC-1' is used again (first on line 2); this row is not checked");
    assert_string_equal(wb_diagnostic_file(other), "town-b.csv");
    assert_int_equal(wb_diagnostic_line(other), 3);
    assert_int_equal(wb_diagnostic_column(other), 1);
    assert_string_equal(wb_diagnostic_message(other, WB_LANG_EN),
                        "the key 'BC-1' is used again (first in town-a.csv, line 2); "
                        "this row is not checked");
    assert_string_equal(wb_diagnostic_message(other, WB_LANG_ZH),
                        "编号“BC-1”重复(首次出现在 town-a.csv 第 2 行);本行不予核查");
    wb_evaluation_free(ev);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
}

/* On one line of 300 KB, far past what the parser holds of it, a tag's
   column is still exact. */
static void test_ledger__xml_columns_stay_exact_on_a_long_line(void **state)
{
    (void)state;
    size_t cap = 400000, n = 0;
    char *xml = malloc(cap);
    assert_non_null(xml);
    n += (size_t)snprintf(xml + n, cap - n, "\xEF\xBB\xBF<meetings xmlns='urn:weibao:ledger:1' format='1'>");
    for (int i = 0; i < 10000; i++)
        n += (size_t)snprintf(xml + n, cap - n, "<record key='会%d'/>", i);
    int column = 1;
    for (size_t i = 3; i < n; i++)
        column += ((unsigned char)xml[i] & 0xC0) != 0x80;
    n += (size_t)snprintf(xml + n, cap - n, "<record key='X' colour='red'/></meetings>\n");
    expect_first_problem(".xml", xml, n, NULL, "schema-invalid", 1, column);
    free(xml);
}

/* Whoever adds a finding, one placed on a line has a column of 1 or more;
   only a finding about the whole file has neither. */
static void test_ledger__a_finding_on_a_line_never_has_column_0(void **state)
{
    (void)state;
    wb_diagnostics *list = wb__diagnostics_new();
    assert_non_null(list);
    assert_int_equal(wb__diagnostics_add_text(list, WB_SEVERITY_ERROR, "ledger-kind", "a.csv", 3, 0,
                                              "en", "zh"), WB_OK);
    assert_int_equal(wb__diagnostics_add_text(list, WB_SEVERITY_ERROR, "ledger-kind", "a.csv", 0, 0,
                                              "en", "zh"), WB_OK);
    assert_int_equal(wb__diagnostics_add_text(list, WB_SEVERITY_ERROR, "ledger-kind", "a.csv", 3, 7,
                                              "en", "zh"), WB_OK);
    assert_int_equal(wb_diagnostic_column(wb_diagnostics_at(list, 0)), 1);
    assert_int_equal(wb_diagnostic_line(wb_diagnostics_at(list, 1)), 0);
    assert_int_equal(wb_diagnostic_column(wb_diagnostics_at(list, 1)), 0);
    assert_int_equal(wb_diagnostic_column(wb_diagnostics_at(list, 2)), 7);
    wb_diagnostics_free(list);
}

/* A root element's name and namespace are the file's text: quoted masked
   (fuzzing found a whole identity number in the namespace quoted). */
static void test_ledger__a_number_in_the_root_namespace_is_masked(void **state)
{
    (void)state;
    static const char xml[] = "<?xml version='1.0'?>\n"
                              "<m13812345678 xmlns='urn:weibao:ledger:1 110105200811300015'/>\n";
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_evaluation *ev = open_evaluation(&rules, &cal);
    wb_error err;
    assert_int_equal(wb_evaluation_add_buffer(ev, xml, strlen(xml), "ns.xml", NULL, &err),
                     WB_ESCHEMA);
    assert_null(strstr(err.message, "110105200811300015"));
    assert_null(strstr(err.message, "13812345678"));
    assert_non_null(strstr(err.message, "<m*******5678> in namespace 'urn:weibao:ledger:1 "
                                        "**************0015'"));
    const wb_diagnostics *p = wb_evaluation_problems(ev);
    for (size_t i = 0; i < wb_diagnostics_count(p); i++)
        for (int lang = 0; lang < 2; lang++) {
            const char *m = wb_diagnostic_message(wb_diagnostics_at(p, i),
                                                  lang ? WB_LANG_EN : WB_LANG_ZH);
            assert_null(strstr(m, "110105200811300015"));
            assert_null(strstr(m, "13812345678"));
        }
    wb_evaluation_free(ev);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
}

static void test_ledger__a_number_after_a_stray_byte_is_masked(void **state)
{
    (void)state;
    /* A lead byte without its continuation bytes (as libxml2 quotes text
       that is not UTF-8) is one byte: the digits after it are still a run. */
    char buf[64];
    wb__mask_numbers(buf, sizeof(buf), "\xE6" "13812345678");
    assert_string_equal(buf, "\xE6" "*******5678");
    wb__mask_numbers(buf, sizeof(buf), "\xF0\x9F" "1381234567" "\xE6\xB3");
    assert_string_equal(buf, "\xF0\x9F" "******4567" "\xE6\xB3");
    wb__mask_numbers(buf, sizeof(buf), "电话13812345678");
    assert_string_equal(buf, "电话*******5678");
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_ledger__enums_match_the_column_table),
    cmocka_unit_test(test_ledger__the_schema_takes_every_column_of_every_kind),
    cmocka_unit_test(test_ledger__values_as_clerks_write_them),
    cmocka_unit_test(test_ledger__identity_numbers_are_checked_and_masked),
    cmocka_unit_test(test_ledger__csv_in_utf8_with_a_bom_and_in_gb18030_read_alike),
    cmocka_unit_test(test_ledger__xml_lines_stay_exact_past_65535),
    cmocka_unit_test(test_ledger__files_that_are_not_ledgers),
    cmocka_unit_test(test_ledger__a_ledger_in_memory),
    cmocka_unit_test(test_ledger__problems_on_a_line_have_their_column),
    cmocka_unit_test(test_ledger__a_bad_byte_on_row_2_is_reported_where_it_is),
    cmocka_unit_test(test_ledger__rows_ended_by_cr_alone),
    cmocka_unit_test(test_ledger__a_duplicate_key_names_the_file_it_was_first_in),
    cmocka_unit_test(test_ledger__xml_columns_stay_exact_on_a_long_line),
    cmocka_unit_test(test_ledger__a_finding_on_a_line_never_has_column_0),
    cmocka_unit_test(test_ledger__a_number_after_a_stray_byte_is_masked),
    cmocka_unit_test(test_ledger__a_number_in_the_root_namespace_is_masked),
};

WB_TEST_MAIN("ledger", tests)
