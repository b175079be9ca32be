/*
 * test_ledger_privacy.c - the privacy scan of ledgers' free-text cells
 * (wb_evaluation_set_privacy), and long numbers masked in the messages
 * that quote cells and keys.
 *
 * Places are counted by hand in each file below: columns are code points
 * from 1, a doubled quote in a quoted CSV cell is two, an XML reference
 * is as long as it is written.
 */
#include "runner.h"

#include <iconv.h>
#include <stdlib.h>
#include <unistd.h>
#include <weibao/weibao.h>

#include "ledger_internal.h"

#define MINOR_ID "110105200811300015"   /* born 2008-11-30: 17 on 2026-11-29 */
#define ADULT_ID "110105199001011232"
#define CARD "6222021234567890128"      /* passes the Luhn check */

static const char *const secrets[] = {
    MINOR_ID, ADULT_ID, CARD, "13812345678", "13912345678", "3912345678", NULL
};

static wb_date D(const char *iso)
{
    wb_date d;
    if (wb_date_parse(&d, iso, NULL) != WB_OK)
        fail_msg("bad test date %s", iso);
    return d;
}

static char *write_temp(const char *suffix, const char *data, size_t len)
{
    static int n;
    char *path = malloc(256);
    snprintf(path, 256, "%s/wb-test-ledger-privacy-%d-%d%s",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (int)getpid(), n++, suffix);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
    return path;
}

/* An evaluation as of 2026-11-29 on the built-in rules and calendar,
   scanning with a scanner of the same date unless scan is 0. */
typedef struct fixture {
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_privacy_scanner *scanner;
    wb_evaluation *ev;
    char *path;
} fixture;

static void open_fixture(fixture *f, int scan)
{
    memset(f, 0, sizeof(*f));
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.has_as_of = 1;
    o.as_of = D("2026-11-29");
    assert_int_equal(wb_ruleset_open_default(&f->rules, NULL), WB_OK);
    assert_int_equal(wb_calendar_open_default(&f->cal, NULL), WB_OK);
    assert_int_equal(wb_privacy_scanner_new(&f->scanner, &o, NULL), WB_OK);
    assert_int_equal(wb_evaluation_new(&f->ev, f->rules, f->cal, o.as_of, NULL), WB_OK);
    if (scan)
        assert_int_equal(wb_evaluation_set_privacy(f->ev, f->scanner, NULL), WB_OK);
}

static void close_fixture(fixture *f)
{
    wb_evaluation_free(f->ev);
    wb_privacy_scanner_free(f->scanner);
    wb_calendar_free(f->cal);
    wb_ruleset_free(f->rules);
    if (f->path != NULL) {
        remove(f->path);
        free(f->path);
    }
}

/* Add a ledger file written from data; returns add_file's status. */
static int add_data(fixture *f, const char *suffix, const char *data, size_t len)
{
    if (f->path != NULL) {
        remove(f->path);
        free(f->path);
    }
    f->path = write_temp(suffix, data, len);
    wb_error err;
    int rc = wb_evaluation_add_file(f->ev, f->path, NULL, &err);
    if (rc != WB_OK && rc != WB_ECOVERAGE)
        print_message("add_file: %s\n", err.message);
    return rc;
}

static int is_privacy(const wb_diagnostic *d)
{
    return strncmp(wb_diagnostic_rule(d), "privacy-", 8) == 0;
}

/* The n-th privacy finding (0-based) among the problems. */
static const wb_diagnostic *privacy_at(const fixture *f, size_t n)
{
    const wb_diagnostics *p = wb_evaluation_problems(f->ev);
    for (size_t i = 0; i < wb_diagnostics_count(p); i++)
        if (is_privacy(wb_diagnostics_at(p, i)) && n-- == 0)
            return wb_diagnostics_at(p, i);
    fail_msg("fewer privacy findings than asked for");
    return NULL;
}

static size_t privacy_count(const fixture *f)
{
    const wb_diagnostics *p = wb_evaluation_problems(f->ev);
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(p); i++)
        n += (size_t)is_privacy(wb_diagnostics_at(p, i));
    return n;
}

static void expect_finding(const wb_diagnostic *d, const char *rule, wb_severity severity,
                           const char *file, int line, int column)
{
    if (strcmp(wb_diagnostic_rule(d), rule) != 0 || wb_diagnostic_severity(d) != severity ||
        wb_diagnostic_line(d) != line || wb_diagnostic_column(d) != column ||
        (file != NULL && strcmp(wb_diagnostic_file(d), file) != 0))
        fail_msg("got %s:%d:%d %s [%s], want %s:%d:%d [%s]", wb_diagnostic_file(d),
                 wb_diagnostic_line(d), wb_diagnostic_column(d),
                 wb_diagnostic_message(d, WB_LANG_EN), wb_diagnostic_rule(d),
                 file != NULL ? file : "", line, column, rule);
}

/* No problem message, in either language, shows a whole number. */
static void expect_all_masked(const fixture *f)
{
    const wb_diagnostics *p = wb_evaluation_problems(f->ev);
    for (size_t i = 0; i < wb_diagnostics_count(p); i++)
        for (int lang = 0; lang < 2; lang++) {
            const char *m = wb_diagnostic_message(wb_diagnostics_at(p, i), (wb_lang)lang);
            for (size_t k = 0; secrets[k] != NULL; k++)
                if (strstr(m, secrets[k]) != NULL)
                    fail_msg("'%s' shows %s", m, secrets[k]);
        }
}

/* ------------------------------------------------------------------ CSV */

static const char leaky_csv[] =
    "编号,单位,乡镇(街道),姓名,身份证号,人员类别,查询日期\n"
    "BC-13812345678,实验小学,城关镇,张三," MINOR_ID ",在职,2026-03-02\n"
    "BC-2,\"实验小学,\"\"东校区\"\"\",城关镇 " MINOR_ID ",,,在职,2026-03-02\n"
    "BC-3,\"第二中学\n家长 13912345678\r\n卡号" CARD "\",城关镇,,,在职,2026-03-02\n"
    "BC-4,\"\"\"内部\"\" 13812345678\",城关镇,,,在职,2026-03-02\n";

/* The key, a cell after a quoted cell with commas and doubled quotes, a
   quoted cell of three lines, doubled quotes before a finding: each at
   the line and column where it starts. Names and identity numbers in
   their own columns are not findings. */
static void test_ledger_privacy__csv_cells_at_their_exact_places(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".csv", leaky_csv, sizeof(leaky_csv) - 1), WB_OK);
    assert_int_equal(wb_evaluation_record_count(f.ev), 4);
    assert_int_equal(wb_diagnostics_count(wb_evaluation_problems(f.ev)), 5);
    assert_int_equal(privacy_count(&f), 5);
    const wb_diagnostic *d = privacy_at(&f, 0);
    expect_finding(d, "privacy-phone", WB_SEVERITY_WARNING, f.path, 2, 4);
    assert_string_equal(wb_diagnostic_message(d, WB_LANG_EN),
                        "column key (编号): mobile phone number 138****5678 in free text");
    assert_string_equal(wb_diagnostic_message(d, WB_LANG_ZH), "“编号”列:文本中有手机号码 138****5678");
    d = privacy_at(&f, 1);
    expect_finding(d, "privacy-id-number", WB_SEVERITY_ERROR, f.path, 3, 25);
    assert_string_equal(wb_diagnostic_message(d, WB_LANG_EN),
                        "column township (乡镇(街道)): identity number 110105********0015 "
                        "(a minor on 2026-11-29) in free text");
    expect_finding(privacy_at(&f, 2), "privacy-phone", WB_SEVERITY_WARNING, f.path, 5, 4);
    expect_finding(privacy_at(&f, 3), "privacy-bank-card", WB_SEVERITY_WARNING, f.path, 6, 3);
    expect_finding(privacy_at(&f, 4), "privacy-phone", WB_SEVERITY_WARNING, f.path, 7, 14);
    expect_all_masked(&f);
    close_fixture(&f);
}

/* Text in GB18030 (iconv, as the reader itself converts it). */
static char *to_gb18030(const char *utf8, size_t *len)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in_left = strlen(utf8), out_left = in_left * 2 + 4;
    char *out = malloc(out_left), *in = (char *)utf8, *o = out;
    assert_true(iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1);
    iconv_close(cd);
    *len = (size_t)(o - out);
    return out;
}

/* Columns of a GB18030 file are characters of the decoded text. */
static void test_ledger_privacy__gb18030_csv_columns_count_characters(void **state)
{
    (void)state;
    size_t len;
    char *gb = to_gb18030("编号,单位,乡镇(街道),人员类别,查询日期\r\n"
                          "BC-1,实验小学 电话13812345678,城关镇,在职,2026-03-02\r\n"
                          "BC-2,\"东校区\n身份证" ADULT_ID "\",城关镇,在职,2026-03-02\r\n", &len);
    fixture f;
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".csv", gb, len), WB_OK);
    free(gb);
    assert_int_equal(wb_evaluation_record_count(f.ev), 2);
    assert_int_equal(privacy_count(&f), 2);
    expect_finding(privacy_at(&f, 0), "privacy-phone", WB_SEVERITY_WARNING, f.path, 2, 13);
    /* An adult's number: a warning. */
    expect_finding(privacy_at(&f, 1), "privacy-id-number", WB_SEVERITY_WARNING, f.path, 4, 4);
    expect_all_masked(&f);
    close_fixture(&f);
}

/* Name and identity-number columns hold the ledger's own personal data:
   a valid number there, or a name beside a case word, is no finding. The
   same number in a text column is. */
static void test_ledger_privacy__personal_columns_are_not_scanned(void **state)
{
    (void)state;
    static const char csv[] =
        "编号,乡镇(街道),姓名,身份证号,风险等级,建档日期\n"
        "CH-1,城关镇,张小明," MINOR_ID ",高,2026-01-05\n"
        "CH-2,城关镇 " MINOR_ID ",被害人张小明," ADULT_ID ",低,2026-01-05\n";
    fixture f;
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".csv", csv, sizeof(csv) - 1), WB_OK);
    assert_int_equal(wb_evaluation_record_count(f.ev), 2);
    assert_int_equal(privacy_count(&f), 1);
    expect_finding(privacy_at(&f, 0), "privacy-id-number", WB_SEVERITY_ERROR, f.path, 3, 10);
    close_fixture(&f);
}

/* ------------------------------------------------------------------ XML */

static const char leaky_xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<background-checks xmlns=\"urn:weibao:ledger:1\" format=\"1\">\n"
    "  <record key=\"BC-1\" unit=\"实验&amp;小学 13812345678\" category=\"在职\" query-date=\"2026-03-02\"/>\n"
    "  <record key=\"BC-2\" category=\"在职\"\n"
    "          unit=\"第二中学&#10;家长&#x31;3912345678\"\n"
    "          township='城关镇\n"
    "卡号" CARD "' query-date=\"2026-03-02\"/>\n"
    "  <record key=\"BC-3\" name=\"张三\" id-number=\"" MINOR_ID "\" category=\"在职\" query-date=\"2026-03-02\"/>\n"
    "</background-checks>\n";

/* Attribute values: references count as written, a line break inside a
   value (which the parser reads as a space) starts a line, a character
   reference for a line feed does not. */
static void test_ledger_privacy__xml_attributes_at_their_places(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".xml", leaky_xml, sizeof(leaky_xml) - 1), WB_OK);
    assert_int_equal(wb_evaluation_record_count(f.ev), 3);
    assert_int_equal(wb_diagnostics_count(wb_evaluation_problems(f.ev)), 3);
    expect_finding(privacy_at(&f, 0), "privacy-phone", WB_SEVERITY_WARNING, f.path, 3, 38);
    assert_string_equal(wb_diagnostic_message(privacy_at(&f, 0), WB_LANG_EN),
                        "column unit (单位): mobile phone number 138****5678 in free text");
    expect_finding(privacy_at(&f, 1), "privacy-phone", WB_SEVERITY_WARNING, f.path, 5, 28);
    expect_finding(privacy_at(&f, 2), "privacy-bank-card", WB_SEVERITY_WARNING, f.path, 7, 3);
    expect_all_masked(&f);
    close_fixture(&f);
}

/* Far into a long file, where the parser has long dropped the start of
   its buffer, the place is still exact. */
static void test_ledger_privacy__xml_places_stay_exact_in_a_long_file(void **state)
{
    (void)state;
    size_t cap = 4 << 20, n = 0;
    char *xml = malloc(cap);
    n += (size_t)snprintf(xml + n, cap - n,
                          "<?xml version='1.0' encoding='UTF-8'?>\n"
                          "<background-checks xmlns='urn:weibao:ledger:1' format='1'>\n");
    for (int i = 0; i < 20000; i++)
        n += (size_t)snprintf(xml + n, cap - n,
                              "  <record key='K%d' unit='城关镇第%d小学' category='在职' "
                              "query-date='2026-03-02'/>\n", i, i % 7);
    n += (size_t)snprintf(xml + n, cap - n,
                          "  <record key='K-last' category='在职' unit='电话 13812345678' "
                          "query-date='2026-03-02'/>\n</background-checks>\n");
    fixture f;
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".xml", xml, n), WB_OK);
    free(xml);
    assert_int_equal(privacy_count(&f), 1);
    /* "  <record key='K-last' category='在职' unit='电话 " is 46 characters. */
    expect_finding(privacy_at(&f, 0), "privacy-phone", WB_SEVERITY_WARNING, f.path, 20003, 47);
    close_fixture(&f);
}

/* ------------------------------------------------------- the API path */

static wb_record *record_of(const char *kind, const char *const *pairs)
{
    wb_record *r = NULL;
    assert_int_equal(wb_record_new(&r, kind, NULL), WB_OK);
    for (size_t i = 0; pairs[i] != NULL; i += 2)
        assert_int_equal(wb_record_set(r, pairs[i], pairs[i + 1], NULL), WB_OK);
    return r;
}

/* A record from an OA system has no file: "<record>", no line, its key
   named (masked) in the message. */
static void test_ledger_privacy__records_from_the_api(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, 1);
    static const char *const pairs[] = {
        "key", "BC-13912345678", "unit", "实验小学 家长13812345678", "name", "被害人张小明",
        "id-number", MINOR_ID, "category", "在职", "query-date", "2026-03-02", NULL
    };
    wb_record *r = record_of("background-checks", pairs);
    assert_int_equal(wb_evaluation_add_record(f.ev, r, NULL), WB_OK);
    wb_record_free(r);
    assert_int_equal(privacy_count(&f), 2);
    const wb_diagnostic *d = privacy_at(&f, 0);
    expect_finding(d, "privacy-phone", WB_SEVERITY_WARNING, "<record>", 0, 0);
    assert_string_equal(wb_diagnostic_message(d, WB_LANG_EN),
                        "record 'BC-*******5678', column key (编号): mobile phone number "
                        "139****5678 in free text");
    assert_string_equal(wb_diagnostic_message(d, WB_LANG_ZH),
                        "记录“BC-*******5678”的“编号”列:文本中有手机号码 139****5678");
    d = privacy_at(&f, 1);
    expect_finding(d, "privacy-phone", WB_SEVERITY_WARNING, "<record>", 0, 0);
    assert_non_null(strstr(wb_diagnostic_message(d, WB_LANG_EN), "column unit (单位)"));
    /* The result still carries the caller's own key, whole. */
    assert_true(wb_evaluation_result_count(f.ev) > 0);
    assert_string_equal(wb_result_key(wb_evaluation_result_at(f.ev, 0)), "BC-13912345678");
    expect_all_masked(&f);
    close_fixture(&f);
}

/* ------------------------------------------------------ when it runs */

/* Off unless asked for; set before the first record (after it the
   earlier rows would go unscanned), off at any time. */
static void test_ledger_privacy__off_by_default_and_set_before_adding(void **state)
{
    (void)state;
    fixture f;
    open_fixture(&f, 0);
    assert_int_equal(add_data(&f, ".csv", leaky_csv, sizeof(leaky_csv) - 1), WB_OK);
    assert_int_equal(wb_evaluation_record_count(f.ev), 4);
    assert_int_equal(wb_diagnostics_count(wb_evaluation_problems(f.ev)), 0);
    wb_error err;
    assert_int_equal(wb_evaluation_set_privacy(f.ev, f.scanner, &err), WB_EINVAL);
    assert_non_null(strstr(err.message, "before adding records"));
    assert_int_equal(wb_evaluation_set_privacy(f.ev, NULL, NULL), WB_OK);
    assert_int_equal(wb_evaluation_set_privacy(NULL, f.scanner, NULL), WB_EINVAL);
    close_fixture(&f);

    /* Replaced, then turned off, before any record: no scan. */
    open_fixture(&f, 1);
    assert_int_equal(wb_evaluation_set_privacy(f.ev, f.scanner, NULL), WB_OK);
    assert_int_equal(wb_evaluation_set_privacy(f.ev, NULL, NULL), WB_OK);
    assert_int_equal(add_data(&f, ".csv", leaky_csv, sizeof(leaky_csv) - 1), WB_OK);
    assert_int_equal(privacy_count(&f), 0);
    close_fixture(&f);
}

typedef struct seen {
    const fixture *f;
    int line[16];
    size_t problems[16];
    size_t n;
} seen;

static int note_result(const wb_result *r, void *payload)
{
    seen *s = payload;
    if (s->n < 16) {
        s->line[s->n] = wb_result_line(r);
        s->problems[s->n] = wb_diagnostics_count(wb_evaluation_problems(s->f->ev));
        s->n++;
    }
    return 0;
}

/* A caller printing problems as results arrive sees a row's findings
   before the row's results. */
static void test_ledger_privacy__findings_come_before_the_rows_results(void **state)
{
    (void)state;
    static const char csv[] =
        "编号,单位,人员类别,查询日期\n"
        "BC-1,实验小学,在职,2026-03-02\n"
        "BC-2,实验小学 13812345678,在职,2026-03-02\n"
        "BC-3,实验小学,在职,2026-03-02\n";
    fixture f;
    open_fixture(&f, 1);
    seen s;
    memset(&s, 0, sizeof(s));
    s.f = &f;
    wb_evaluation_on_result(f.ev, note_result, &s);
    assert_int_equal(add_data(&f, ".csv", csv, sizeof(csv) - 1), WB_OK);
    assert_int_equal(s.n, 9);       /* three rules a row */
    for (size_t i = 0; i < s.n; i++) {
        assert_int_equal(s.line[i], 2 + (int)i / 3);
        assert_int_equal(s.problems[i], s.line[i] == 2 ? 0 : 1);
    }
    close_fixture(&f);
}

/* Rows that are not checked leak all the same: a bad date, a row without
   a key, a duplicate key, in CSV and in XML. */
static void test_ledger_privacy__bad_rows_are_still_scanned(void **state)
{
    (void)state;
    static const char csv[] =
        "编号,单位,人员类别,查询日期\n"
        "BC-1,电话 13812345678,在职,2026-02-30\n"
        ",电话 13812345678,在职,2026-03-02\n"
        "BC-2,实验小学,在职,2026-03-02\n"
        "BC-2,电话 13812345678,在职,2026-03-02\n";
    fixture f;
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".csv", csv, sizeof(csv) - 1), WB_OK);
    assert_int_equal(wb_evaluation_record_count(f.ev), 1);
    assert_int_equal(privacy_count(&f), 3);
    expect_finding(privacy_at(&f, 0), "privacy-phone", WB_SEVERITY_WARNING, f.path, 2, 9);
    expect_finding(privacy_at(&f, 1), "privacy-phone", WB_SEVERITY_WARNING, f.path, 3, 5);
    expect_finding(privacy_at(&f, 2), "privacy-phone", WB_SEVERITY_WARNING, f.path, 5, 9);
    assert_int_equal(wb_diagnostics_count(wb_evaluation_problems(f.ev)), 6);
    close_fixture(&f);

    static const char xml[] =
        "<meetings xmlns='urn:weibao:ledger:1' format='1'>\n"
        " <record key='M-1' level='县级' date='2026-02-30' topic='被害人王小红的案件'/>\n"
        "</meetings>\n";
    open_fixture(&f, 1);
    assert_int_equal(add_data(&f, ".xml", xml, sizeof(xml) - 1), WB_OK);
    assert_int_equal(wb_evaluation_record_count(f.ev), 0);
    assert_int_equal(privacy_count(&f), 1);
    const wb_diagnostic *d = privacy_at(&f, 0);
    expect_finding(d, "privacy-name-case", WB_SEVERITY_WARNING, f.path, 2, 59);
    assert_string_equal(wb_diagnostic_message(d, WB_LANG_EN),
                        "column topic (议题): the name 王** near the case word '被害人' in free text");
    close_fixture(&f);
}

/* ----------------------------------------- long numbers in messages */

static void test_ledger_privacy__long_digit_runs_are_masked_in_messages(void **state)
{
    (void)state;
    char buf[64];
    static const struct { const char *in, *out; } cases[] = {
        { "BC-13812345678", "BC-*******5678" },
        { MINOR_ID, "**************0015" },
        { "11010519491231002X", "**************002X" },
        { "１３８１２３４５６７８", "*******５６７８" },
        { "电话0755-12345678", "电话****-****5678" },      /* a landline, grouped */
        { "1234567890", "******7890" },
        { "123456789", "123456789" },
        { "2026-03-02", "2026-03-02" },
        { "1234567890123456X", "************3456X" },   /* 16 digits: the X is not a check character */
        { "", "" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(wb__mask_numbers(buf, sizeof(buf), cases[i].in), strlen(cases[i].out));
        assert_string_equal(buf, cases[i].out);
    }
    /* Cut before a character, never inside one; the length is the whole's. */
    assert_int_equal(wb__mask_numbers(buf, 8, "电话13812345678"), 17);
    assert_string_equal(buf, "电话*");
    char quoted[16];
    wb__quote_value(quoted, sizeof(quoted), "BC-13812345678-2");
    assert_string_equal(quoted, "BC-********6...");   /* -2 joins the run */

    fixture f;
    open_fixture(&f, 0);
    static const char csv[] =
        "编号,单位,人员类别,查询日期,入职日期\n"
        "BC-13812345678,实验小学,在职,2026-03-02,\n"
        "BC-13812345678,实验小学,在职,2026-03-02,\n"
        "BC-2,实验小学,在职," MINOR_ID ",\n"
        "BC-3,实验小学,在职,2026-03-02,１３８１２３４５６７８\n";
    assert_int_equal(add_data(&f, ".csv", csv, sizeof(csv) - 1), WB_OK);
    const wb_diagnostics *p = wb_evaluation_problems(f.ev);
    assert_int_equal(wb_diagnostics_count(p), 3);
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(p, 0), WB_LANG_EN),
                        "the key 'BC-*******5678' is used again (first on line 2); "
                        "this row is not checked");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(p, 1), WB_LANG_EN),
                        "column query-date (查询日期): '**************0015' is not a date that exists");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(p, 2), WB_LANG_ZH),
                        "“入职日期”列:“*******５６７８”不是存在的日期");
    /* Results: the key masked in the message and the explanation, whole
       from wb_result_key. */
    const wb_result *r = wb_evaluation_result_at(f.ev, 0);
    assert_string_equal(wb_result_key(r), "BC-13812345678");
    for (int lang = 0; lang < 2; lang++) {
        char *msg = NULL, *why = NULL;
        assert_int_equal(wb_result_message(&msg, r, (wb_lang)lang, NULL), WB_OK);
        assert_int_equal(wb_result_explain(&why, r, (wb_lang)lang, NULL), WB_OK);
        assert_int_equal(strncmp(msg, "BC-*******5678", 14), 0);
        assert_int_equal(strncmp(why, "BC-*******5678", 14), 0);
        assert_null(strstr(msg, "13812345678"));
        assert_null(strstr(why, "13812345678"));
        wb_free(msg);
        wb_free(why);
    }
    expect_all_masked(&f);
    close_fixture(&f);
}

static void test_ledger_privacy__grouped_numbers_are_masked_in_messages(void **state)
{
    (void)state;
    char buf[96];
    static const struct { const char *in, *out; } cases[] = {
        { "110101 2015 0307 123X", "****** **** **** 123X" },
        { "110101-20150307-123X", "******-********-123X" },
        { "110101\u300020150307\u3000123X", "******\u3000********\u3000123X" },
        { "1101 0120 1503 0712 3X", "**** **** **** **12 3X" },
        { "卡 6222 0210 0112 3456 789 止", "卡 **** **** **** ***6 789 止" },
        { "138-1234-5678", "***-****-5678" },
        { "138 1234 5678", "*** **** 5678" },
        /* Dates and short groups are not numbers. */
        { "2015-03-07 2015-03-08", "2015-03-07 2015-03-08" },
        { "2026-03-01至2026-03-05", "2026-03-01至2026-03-05" },
        { "12 34 56 78 90", "12 34 56 78 90" },
        { "第 3 组 120 人", "第 3 组 120 人" },
        { "1234 5678", "1234 5678" },
        { "110101 ", "110101 " },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(wb__mask_numbers(buf, sizeof(buf), cases[i].in), strlen(cases[i].out));
        assert_string_equal(buf, cases[i].out);
    }

    /* A grouped number in a date cell is quoted masked (ledger-bad-date). */
    fixture f;
    open_fixture(&f, 0);
    static const char csv[] =
        "编号,单位,人员类别,查询日期,入职日期\n"
        "BC-1,实验小学,在职,110101 2015 0307 123X,\n"
        "BC-2,实验小学,在职,2026-03-02,6222-0210-0112-3456-789\n";
    assert_int_equal(add_data(&f, ".csv", csv, sizeof(csv) - 1), WB_OK);
    const wb_diagnostics *p = wb_evaluation_problems(f.ev);
    assert_int_equal(wb_diagnostics_count(p), 2);
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(p, 0), WB_LANG_EN),
                        "column query-date (查询日期): '****** **** **** 123X' is not a date "
                        "that exists");
    assert_string_equal(wb_diagnostic_message(wb_diagnostics_at(p, 1), WB_LANG_ZH),
                        "“入职日期”列:“****-****-****-***6-789”不是存在的日期");
    expect_all_masked(&f);
    close_fixture(&f);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_ledger_privacy__csv_cells_at_their_exact_places),
    cmocka_unit_test(test_ledger_privacy__gb18030_csv_columns_count_characters),
    cmocka_unit_test(test_ledger_privacy__personal_columns_are_not_scanned),
    cmocka_unit_test(test_ledger_privacy__xml_attributes_at_their_places),
    cmocka_unit_test(test_ledger_privacy__xml_places_stay_exact_in_a_long_file),
    cmocka_unit_test(test_ledger_privacy__records_from_the_api),
    cmocka_unit_test(test_ledger_privacy__off_by_default_and_set_before_adding),
    cmocka_unit_test(test_ledger_privacy__findings_come_before_the_rows_results),
    cmocka_unit_test(test_ledger_privacy__bad_rows_are_still_scanned),
    cmocka_unit_test(test_ledger_privacy__long_digit_runs_are_masked_in_messages),
    cmocka_unit_test(test_ledger_privacy__grouped_numbers_are_masked_in_messages),
};

WB_TEST_MAIN("ledger_privacy", tests)
