/*
 * test_calendar_data.c - the built-in calendar says what the State
 * Council's notices say.
 *
 * tests/data/notices/ holds the text of every yearly notice the built-in
 * edition covers, as published. Each is read by the notice importer and
 * compared, day by day through its year, with the built-in data, which was
 * transcribed separately. They must agree on every day, except where the
 * built-in answer comes from another notice: an amendment (the 2019 Labour
 * Day change, the 2020 Spring Festival extension, the 2015 victory day) or
 * the next year's notice (2022-12-31 is the 2023 notice's 元旦).
 */
#include "runner.h"

#include <stdlib.h>
#include <weibao/weibao.h>

static wb_date D(const char *iso)
{
    wb_date d;
    if (wb_date_parse(&d, iso, NULL) != WB_OK)
        fail_msg("bad test date %s", iso);
    return d;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    if (buf != NULL)
        buf[n] = '\0';
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static void test_calendar_data__every_year_agrees_with_its_notice(void **state)
{
    (void)state;
    wb_calendar *builtin = NULL;
    assert_int_equal(wb_calendar_open_default(&builtin, NULL), WB_OK);
    for (int y = wb_calendar_first_year(builtin); y <= wb_calendar_last_year(builtin); y++) {
        char path[512];
        snprintf(path, sizeof(path), WB_TEST_DATA "/notices/%d.txt", y);
        size_t len = 0;
        char *text = slurp(path, &len);
        if (text == NULL)
            fail_msg("no notice text for %d (%s)", y, path);

        char *xml = NULL;
        wb_diagnostics *findings = NULL;
        assert_int_equal(wb_calendar_import_notice(&xml, &findings, text, len, path, NULL), WB_OK);
        /* Only the 2008 and 2009 copies may lack their citation (notice-uncited). */
        for (size_t i = 0; i < wb_diagnostics_count(findings); i++) {
            const wb_diagnostic *f = wb_diagnostics_at(findings, i);
            if (y > 2009 || strcmp(wb_diagnostic_rule(f), "notice-uncited") != 0)
                fail_msg("%d: the notice does not import cleanly (%s)", y,
                         wb_diagnostic_message(f, WB_LANG_EN));
        }
        if (xml == NULL)
            fail_msg("%d: the notice gave no edition", y);
        wb_diagnostics_free(findings);
        wb_calendar *imported = NULL;
        wb_error err;
        if (wb_calendar_load_buffer(&imported, xml, strlen(xml), path, &err) != WB_OK)
            fail_msg("%d: %s", y, err.message);

        wb_date first, last;
        wb_date_from_ymd(&first, y, 1, 1, NULL);
        wb_date_from_ymd(&last, y, 12, 31, NULL);
        const char *number = wb_holiday_notice(wb_calendar_holiday_at(imported, 0));
        size_t compared = 0;
        for (wb_date d = first; d.days <= last.days; d.days++) {
            wb_day_info a, b;
            assert_int_equal(wb_calendar_day(&a, builtin, d, NULL), WB_OK);
            assert_int_equal(wb_calendar_day(&b, imported, d, NULL), WB_OK);
            if (a.notice != NULL && strcmp(a.notice, number) != 0)
                continue;   /* set by an amendment or another year's notice */
            compared++;
            char iso[WB_DATE_STRLEN];
            wb_date_format(iso, d);
            if (a.kind != b.kind)
                fail_msg("%s: built-in says kind %d, the notice %d", iso, a.kind, b.kind);
            if ((a.holiday == NULL) != (b.holiday == NULL) ||
                (a.holiday != NULL && strcmp(a.holiday, b.holiday) != 0))
                fail_msg("%s: built-in says '%s', the notice '%s'", iso,
                         a.holiday ? a.holiday : "-", b.holiday ? b.holiday : "-");
            if (strcmp(a.notice ? a.notice : "", b.notice ? b.notice : "") != 0)
                fail_msg("%s: built-in cites '%s', the notice is '%s'", iso,
                         a.notice ? a.notice : "-", b.notice ? b.notice : "-");
        }
        assert_true(compared > 300);
        wb_calendar_free(imported);
        wb_free(xml);
        free(text);
    }
    wb_calendar_free(builtin);
}

/* Counts per year, read off the notices with their amendments applied:
   holidays in effect (2015 has the victory day; 2020's 春节 is extended)
   and make-up days (2019 gains two; 2020 loses 02-01). */
static const struct {
    int year, holidays, makeups;
} counts[] = {
    { 2008, 7, 6 }, { 2009, 6, 6 },
    { 2010, 7, 8 }, { 2011, 7, 5 }, { 2012, 6, 7 }, { 2013, 7, 12 },
    { 2014, 7, 5 },
    { 2015, 8, 5 }, { 2016, 7, 6 }, { 2017, 6, 5 }, { 2018, 7, 6 },
    { 2019, 7, 7 }, { 2020, 6, 6 },
    { 2021, 7, 7 }, { 2022, 7, 7 }, { 2023, 6, 7 }, { 2024, 7, 8 },
    { 2025, 6, 5 }, { 2026, 7, 6 },
};

static void test_calendar_data__counts_per_year(void **state)
{
    (void)state;
    wb_calendar *cal = NULL;
    assert_int_equal(wb_calendar_open_default(&cal, NULL), WB_OK);
    /* Every covered year is in the table. */
    assert_int_equal(sizeof(counts) / sizeof(counts[0]),
                     (size_t)(wb_calendar_last_year(cal) - wb_calendar_first_year(cal) + 1));
    for (size_t k = 0; k < sizeof(counts) / sizeof(counts[0]); k++) {
        int h = 0, m = 0;
        for (size_t i = 0; i < wb_calendar_holiday_count(cal); i++)
            h += wb_holiday_year(wb_calendar_holiday_at(cal, i)) == counts[k].year;
        for (size_t i = 0; i < wb_calendar_makeup_count(cal); i++)
            m += wb_makeup_day_year(wb_calendar_makeup_at(cal, i)) == counts[k].year;
        if (h != counts[k].holidays || m != counts[k].makeups)
            fail_msg("%d: %d holidays and %d make-up days, expected %d and %d",
                     counts[k].year, h, m, counts[k].holidays, counts[k].makeups);
    }
    wb_calendar_free(cal);
}

/*
 * The two long holidays of every covered year, written out by hand: every
 * day inside is a day off of that holiday, and the day before and the day
 * after are not.
 */
static const struct {
    const char *name, *start, *end;
} long_holidays[] = {
    { "春节", "2008-02-06", "2008-02-12" }, { "国庆节", "2008-09-29", "2008-10-05" },
    { "春节", "2009-01-25", "2009-01-31" }, { "国庆节、中秋节", "2009-10-01", "2009-10-08" },
    { "春节", "2010-02-13", "2010-02-19" }, { "国庆节", "2010-10-01", "2010-10-07" },
    { "春节", "2011-02-02", "2011-02-08" }, { "国庆节", "2011-10-01", "2011-10-07" },
    { "春节", "2012-01-22", "2012-01-28" }, { "中秋节、国庆节", "2012-09-30", "2012-10-07" },
    { "春节", "2013-02-09", "2013-02-15" }, { "国庆节", "2013-10-01", "2013-10-07" },
    { "春节", "2014-01-31", "2014-02-06" }, { "国庆节", "2014-10-01", "2014-10-07" },
    { "春节", "2015-02-18", "2015-02-24" }, { "国庆节", "2015-10-01", "2015-10-07" },
    { "春节", "2016-02-07", "2016-02-13" }, { "国庆节", "2016-10-01", "2016-10-07" },
    { "春节", "2017-01-27", "2017-02-02" }, { "中秋节、国庆节", "2017-10-01", "2017-10-08" },
    { "春节", "2018-02-15", "2018-02-21" }, { "国庆节", "2018-10-01", "2018-10-07" },
    { "春节", "2019-02-04", "2019-02-10" }, { "国庆节", "2019-10-01", "2019-10-07" },
    { "春节", "2020-01-24", "2020-02-02" }, { "国庆节、中秋节", "2020-10-01", "2020-10-08" },
    { "春节", "2021-02-11", "2021-02-17" }, { "国庆节", "2021-10-01", "2021-10-07" },
    { "春节", "2022-01-31", "2022-02-06" }, { "国庆节", "2022-10-01", "2022-10-07" },
    { "春节", "2023-01-21", "2023-01-27" }, { "中秋节、国庆节", "2023-09-29", "2023-10-06" },
    { "春节", "2024-02-10", "2024-02-17" }, { "国庆节", "2024-10-01", "2024-10-07" },
    { "春节", "2025-01-28", "2025-02-04" }, { "国庆节、中秋节", "2025-10-01", "2025-10-08" },
    { "春节", "2026-02-15", "2026-02-23" }, { "国庆节", "2026-10-01", "2026-10-07" },
};

static void test_calendar_data__spring_festival_and_national_day(void **state)
{
    (void)state;
    wb_calendar *cal = NULL;
    assert_int_equal(wb_calendar_open_default(&cal, NULL), WB_OK);
    size_t n = sizeof(long_holidays) / sizeof(long_holidays[0]);
    assert_int_equal(n, 2 * (size_t)(wb_calendar_last_year(cal) - wb_calendar_first_year(cal) + 1));
    for (size_t k = 0; k < n; k++) {
        wb_date start = D(long_holidays[k].start), end = D(long_holidays[k].end);
        for (wb_date d = { start.days - 1 }; d.days <= end.days + 1; d.days++) {
            wb_day_info info;
            assert_int_equal(wb_calendar_day(&info, cal, d, NULL), WB_OK);
            int inside = d.days >= start.days && d.days <= end.days;
            int is_it = info.kind == WB_DAY_HOLIDAY &&
                        strcmp(info.holiday, long_holidays[k].name) == 0;
            if (inside != is_it) {
                char iso[WB_DATE_STRLEN];
                wb_date_format(iso, d);
                fail_msg("%s: %s %s", iso, inside ? "should be" : "should not be",
                         long_holidays[k].name);
            }
        }
    }
    wb_calendar_free(cal);
}

/*
 * The built-in projection: 2027-2050, the 13 days the law fixes each year
 * (12 where 中秋 falls inside 国庆, 2028, 2031 and 2039, which are one run
 * of days off), 春节 always 除夕 to 初三, and no make-up days at all.
 */
/*
 * The 2008 notice is cited by its title (no official copy gave its number),
 * the 2009 notice by its number. The 2008 notice's days in December 2007
 * are data, but 2007 is not covered: asking about it is a coverage error.
 */
static void test_calendar_data__2008_and_2009_citations(void **state)
{
    (void)state;
    wb_calendar *cal = NULL;
    assert_int_equal(wb_calendar_open_default(&cal, NULL), WB_OK);
    assert_int_equal(wb_calendar_first_year(cal), 2008);
    wb_day_info d;
    assert_int_equal(wb_calendar_day(&d, cal, D("2008-01-01"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.holiday, "元旦");
    assert_string_equal(d.notice, "国务院办公厅关于2008年部分节假日安排的通知");
    assert_int_equal(wb_calendar_day(&d, cal, D("2008-01-02"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_WORKDAY);
    assert_int_equal(wb_calendar_day(&d, cal, D("2008-02-02"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_MAKEUP_WORKDAY);
    assert_int_equal(wb_calendar_day(&d, cal, D("2009-10-08"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.notice, "国办发明电〔2008〕42号");
    wb_error err;
    assert_int_equal(wb_calendar_day(&d, cal, D("2007-12-31"), &err), WB_ECOVERAGE);
    assert_int_equal(wb_calendar_day(&d, cal, D("2007-12-29"), &err), WB_ECOVERAGE);
    /* The first working day of 2008 is 1 January's next; counting back past it is not covered. */
    wb_date out;
    assert_int_equal(wb_calendar_next_workday(&out, cal, D("2008-01-01"), NULL), WB_OK);
    char iso[WB_DATE_STRLEN];
    wb_date_format(iso, out);
    assert_string_equal(iso, "2008-01-02");
    assert_int_equal(wb_calendar_prev_workday(&out, cal, D("2008-01-02"), NULL), WB_ECOVERAGE);
    wb_calendar_free(cal);
}

/* ------------------------------------------------- the notice importer */

/* The 2026 notice with the first `from` replaced by `to`, imported. */
static char *import_2026(const char *from, const char *to, wb_diagnostics **findings)
{
    size_t len = 0;
    char *text = slurp(WB_TEST_DATA "/notices/2026.txt", &len);
    assert_non_null(text);
    const char *at = strstr(text, from);
    if (at == NULL)
        fail_msg("'%s' is not in the 2026 notice", from);
    size_t before = (size_t)(at - text), n = strlen(from), m = strlen(to);
    char *edited = malloc(len - n + m + 1);
    assert_non_null(edited);
    memcpy(edited, text, before);
    memcpy(edited + before, to, m);
    memcpy(edited + before + m, at + n, len - before - n + 1);
    free(text);
    char *xml = NULL;
    *findings = NULL;
    assert_int_equal(wb_calendar_import_notice(&xml, findings, edited, strlen(edited),
                                               "2026.txt", NULL), WB_OK);
    free(edited);
    return xml;
}

/* The one finding there is: its rule, line and column. */
static const wb_diagnostic *only_finding(const wb_diagnostics *findings, const char *rule,
                                         int line, int column)
{
    if (wb_diagnostics_count(findings) != 1)
        fail_msg("%zu findings, not 1 (%s)", wb_diagnostics_count(findings),
                 wb_diagnostics_count(findings) > 0
                     ? wb_diagnostic_message(wb_diagnostics_at(findings, 0), WB_LANG_EN) : "");
    const wb_diagnostic *d = wb_diagnostics_at(findings, 0);
    assert_string_equal(wb_diagnostic_rule(d), rule);
    assert_int_equal(wb_diagnostic_line(d), line);
    assert_int_equal(wb_diagnostic_column(d), column);
    return d;
}

/* A line that gives days off or working days is read as an item, or is an
   error at its line: never dropped, so no edition lacks a holiday. */
static void test_calendar_data__notice_lines_not_read_are_errors(void **state)
{
    (void)state;
    static const struct {
        const char *line;
        int column;
    } cases[] = {
        { "8、植树节:3月12日放假,共1天。", 1 },         /* another numbering */
        { "８、植树节：3月12日放假，共1天。", 1 },
        { "8. 植树节：3月12日（周四）放假，共1天。", 1 },
        { "八.植树节：3月12日放假，共1天。", 1 },
        { "（八）植树节：3月12日放假，共1天。", 1 },
        { "(8)植树节：3月12日放假，共1天。", 1 },
        { "第八条 植树节3月12日放假。", 1 },
        { "⑧植树节：3月12日放假。", 1 },
        { "八、植树节3月12日放假，共1天。", 1 },        /* no colon after a name */
        { "八、各地区要妥善安排好值班和安全、保卫等工作。", 1 },  /* numbered, no days */
        { "植树节：3月12日放假，共1天。", 1 },           /* not numbered */
        { "3月12日（周四）植树节放假，共1天。", 1 },
        { "　　2月14日（周六）上班。", 3 },              /* indented: columns still count */
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char to[256];
        snprintf(to, sizeof(to), "%s\n鼓励单位", cases[i].line);
        wb_diagnostics *findings = NULL;
        char *xml = import_2026("鼓励单位", to, &findings);
        if (xml != NULL)
            fail_msg("'%s' imported without a word", cases[i].line);
        only_finding(findings, "notice-unreadable", 12, cases[i].column);
        wb_diagnostics_free(findings);
    }

    /* The prose around the items is no item: every yearly notice imports
       cleanly (test_calendar_data__every_year_agrees_with_its_notice), and
       so does one with its lines indented as many copies are. */
    wb_diagnostics *findings = NULL;
    char *xml = import_2026("一、元旦", "　　一、元旦", &findings);
    assert_non_null(xml);
    assert_int_equal(wb_diagnostics_count(findings), 0);
    assert_non_null(strstr(xml, "<holiday name=\"元旦\" start=\"2026-01-01\" end=\"2026-01-03\""));
    wb_free(xml);
    wb_diagnostics_free(findings);

    /* The amendments are no yearly notice: said once, at their title. */
    static const char *const amendments[] = { "2015-victory-day", "2019-labour-day",
                                              "2020-spring-festival-extension" };
    for (size_t i = 0; i < sizeof(amendments) / sizeof(amendments[0]); i++) {
        char path[512];
        snprintf(path, sizeof(path), WB_TEST_DATA "/notices/%s.txt", amendments[i]);
        size_t len = 0;
        char *text = slurp(path, &len);
        assert_non_null(text);
        assert_int_equal(wb_calendar_import_notice(&xml, &findings, text, len, path, NULL), WB_OK);
        assert_null(xml);
        only_finding(findings, "notice-missing", 1, 1);
        wb_diagnostics_free(findings);
        free(text);
    }
}

/* 共N天 is checked against the days off, however many digits it has. */
static void test_calendar_data__notice_count_is_checked(void **state)
{
    (void)state;
    static const struct {
        const char *count, *quoted;
    } wrong[] = {
        { "共1000天", "共1000天" },
        { "共10天", "共10天" },
        { "共0天", "共0天" },
        { "共１０００天", "共1000天" },
        { "共123456789012345678901234567890天", "共12345678901234567890…天" },
    };
    for (size_t i = 0; i < sizeof(wrong) / sizeof(wrong[0]); i++) {
        wb_diagnostics *findings = NULL;
        char *xml = import_2026("共9天", wrong[i].count, &findings);
        assert_null(xml);
        const wb_diagnostic *d = only_finding(findings, "calendar-days-mismatch", 6, 43);
        const char *msg = wb_diagnostic_message(d, WB_LANG_EN);
        if (strstr(msg, wrong[i].quoted) == NULL || strstr(msg, "are 9") == NULL)
            fail_msg("%s: %s", wrong[i].count, msg);
        wb_diagnostics_free(findings);
    }
    wb_diagnostics *findings = NULL;
    char *xml = import_2026("共9天", "共９天", &findings);
    assert_non_null(xml);
    assert_int_equal(wb_diagnostics_count(findings), 0);
    assert_non_null(strstr(xml, "name=\"春节\" start=\"2026-02-15\" end=\"2026-02-23\" days=\"9\""));
    wb_free(xml);
    wb_diagnostics_free(findings);
}

/* The document number is cited with ASCII digits, however it was typed. */
static void test_calendar_data__notice_number_in_ascii_digits(void **state)
{
    (void)state;
    wb_diagnostics *findings = NULL;
    char *xml = import_2026("国办发明电〔2025〕7号", "国办发明电〔２０２５〕７号", &findings);
    assert_non_null(xml);
    assert_int_equal(wb_diagnostics_count(findings), 0);
    wb_calendar *cal = NULL;
    assert_int_equal(wb_calendar_load_buffer(&cal, xml, strlen(xml), "2026.xml", NULL), WB_OK);
    assert_string_equal(wb_holiday_notice(wb_calendar_holiday_at(cal, 0)), "国办发明电〔2025〕7号");
    wb_calendar_free(cal);
    wb_free(xml);
    wb_diagnostics_free(findings);
}

static void test_calendar_data__projection_2027_to_2050(void **state)
{
    (void)state;
    wb_calendar *cal = NULL, *p = NULL;
    assert_int_equal(wb_calendar_open_default(&cal, NULL), WB_OK);
    assert_int_equal(wb_calendar_project(&p, cal, 2051, NULL), WB_ECOVERAGE);
    assert_null(p);
    assert_int_equal(wb_calendar_project(&p, cal, 2050, NULL), WB_OK);
    size_t makeups_before = wb_calendar_makeup_count(cal);
    assert_int_equal(wb_calendar_makeup_count(p), makeups_before);
    for (int y = 2027; y <= 2050; y++) {
        int days = 0, spring = 0;
        for (size_t i = 0; i < wb_calendar_holiday_count(p); i++) {
            const wb_holiday *h = wb_calendar_holiday_at(p, i);
            if (wb_holiday_year(h) != y)
                continue;
            int n = (int)wb_date_diff_days(wb_holiday_end(h), wb_holiday_start(h)) + 1;
            days += n;
            if (strcmp(wb_holiday_name(h), "春节") == 0) {
                spring = n;
                assert_string_equal(wb_holiday_notice(h), "国务院令第795号");
            }
        }
        int merged = y == 2028 || y == 2031 || y == 2039;
        if (days != (merged ? 12 : 13) || spring != 4)
            fail_msg("%d: %d days off, 春节 %d days", y, days, spring);
    }
    static const struct { const char *date, *holiday; } spots[] = {
        { "2027-02-05", "春节" }, { "2027-02-08", "春节" }, { "2027-04-05", "清明节" },
        { "2027-06-09", "端午节" }, { "2027-09-15", "中秋节" }, { "2028-10-03", "国庆节、中秋节" },
        { "2033-09-08", "中秋节" }, { "2050-01-22", "春节" },
    };
    for (size_t i = 0; i < sizeof(spots) / sizeof(spots[0]); i++) {
        wb_day_info d;
        assert_int_equal(wb_calendar_day(&d, p, D(spots[i].date), NULL), WB_OK);
        assert_int_equal(d.kind, WB_DAY_HOLIDAY);
        assert_string_equal(d.holiday, spots[i].holiday);
        assert_true(d.projected);
    }
    wb_day_info d;
    assert_int_equal(wb_calendar_day(&d, p, D("2027-02-09"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_WORKDAY);     /* 初四: no bridge is projected */
    wb_calendar_free(p);
    wb_calendar_free(cal);
}

static void test_calendar_data__deadlines_of_the_issue(void **state)
{
    (void)state;
    wb_calendar *cal = NULL;
    assert_int_equal(wb_calendar_open_default(&cal, NULL), WB_OK);
    wb_deadline dl;
    char iso[WB_DATE_STRLEN];
    /* 30 working days from 2026-02-10 cross the Spring Festival and both
       make-up Saturdays: the last day is 2026-03-30. */
    assert_int_equal(wb_period_end(&dl, cal, D("2026-02-10"), 30, WB_PERIOD_WORKDAYS, NULL, NULL), WB_OK);
    wb_date_format(iso, dl.end);
    assert_string_equal(iso, "2026-03-30");
    /* One month from 2026-01-31 ends on 2026-02-28, a make-up Saturday: no move. */
    assert_int_equal(wb_period_end(&dl, cal, D("2026-01-31"), 1, WB_PERIOD_MONTHS, NULL, NULL), WB_OK);
    wb_date_format(iso, dl.end);
    assert_string_equal(iso, "2026-02-28");
    assert_false(dl.moved);
    /* One month from 2026-09-01 ends on 10-01, National Day: moved to 10-08. */
    assert_int_equal(wb_period_end(&dl, cal, D("2026-09-01"), 1, WB_PERIOD_MONTHS, NULL, NULL), WB_OK);
    wb_date_format(iso, dl.end);
    assert_string_equal(iso, "2026-10-08");
    assert_true(dl.moved);
    assert_string_equal(dl.holiday, "国庆节");
    /* Three months from 2025-11-20 end on 2026-02-20, inside the Spring Festival. */
    assert_int_equal(wb_period_end(&dl, cal, D("2025-11-20"), 3, WB_PERIOD_MONTHS, NULL, NULL), WB_OK);
    wb_date_format(iso, dl.end);
    assert_string_equal(iso, "2026-02-24");
    assert_string_equal(dl.holiday, "春节");
    /* The end of 2026 is provisional; 2027 is not covered. */
    assert_int_equal(wb_period_end(&dl, cal, D("2026-12-01"), 27, WB_PERIOD_DAYS, NULL, NULL), WB_OK);
    assert_true(dl.provisional);
    assert_int_equal(wb_period_end(&dl, cal, D("2026-12-20"), 1, WB_PERIOD_MONTHS, NULL, NULL),
                     WB_ECOVERAGE);
    wb_calendar_free(cal);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_calendar_data__every_year_agrees_with_its_notice),
    cmocka_unit_test(test_calendar_data__counts_per_year),
    cmocka_unit_test(test_calendar_data__spring_festival_and_national_day),
    cmocka_unit_test(test_calendar_data__2008_and_2009_citations),
    cmocka_unit_test(test_calendar_data__notice_lines_not_read_are_errors),
    cmocka_unit_test(test_calendar_data__notice_count_is_checked),
    cmocka_unit_test(test_calendar_data__notice_number_in_ascii_digits),
    cmocka_unit_test(test_calendar_data__projection_2027_to_2050),
    cmocka_unit_test(test_calendar_data__deadlines_of_the_issue),
};

WB_TEST_MAIN("calendar_data", tests)
