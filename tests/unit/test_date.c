/*
 * test_date.c - the date value type: construction at its boundaries,
 * every text form, formatting, weekdays and month arithmetic (art. 202).
 */
#include "runner.h"

#include <weibao/weibao.h>

static wb_date ymd(int y, int m, int d)
{
    wb_date out = { 0 };
    if (wb_date_from_ymd(&out, y, m, d, NULL) != WB_OK)
        fail_msg("%04d-%02d-%02d should exist", y, m, d);
    return out;
}

static void assert_date(wb_date d, const char *iso)
{
    char buf[WB_DATE_STRLEN];
    assert_int_equal(wb_date_format(buf, d), WB_OK);
    assert_string_equal(buf, iso);
}

static void test_date__day_numbers_of_known_days(void **state)
{
    (void)state;
    assert_int_equal(ymd(1970, 1, 1).days, 0);
    assert_int_equal(ymd(2000, 3, 1).days, 11017);
    assert_int_equal(ymd(2026, 2, 10).days, 20494);
    assert_int_equal(ymd(1, 1, 1).days, -719162);
    assert_int_equal(ymd(9999, 12, 31).days, 2932896);
    assert_int_equal(ymd(1969, 12, 31).days, -1);
}

static void test_date__impossible_dates_are_refused(void **state)
{
    (void)state;
    static const int bad[][3] = {
        { 2023, 2, 29 }, { 1900, 2, 29 }, { 2026, 13, 1 }, { 2026, 0, 10 },
        { 2026, 4, 31 }, { 2026, 6, 0 }, { 2026, 1, 32 }, { 0, 1, 1 },
        { 10000, 1, 1 }, { -5, 3, 3 },
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        wb_date d = { 12345 };
        wb_error err;
        wb_error_clear(&err);
        assert_int_equal(wb_date_from_ymd(&d, bad[i][0], bad[i][1], bad[i][2], &err), WB_EINVAL);
        assert_int_equal(d.days, 12345);           /* untouched */
        assert_non_null(strstr(err.message, "does not exist"));
    }
    wb_error err;
    wb_date d;
    wb_date_from_ymd(&d, 2023, 2, 29, &err);
    assert_string_equal(err.message, "2023-02-29 does not exist: not a leap year");
    /* Leap years: every 4th, not every 100th, every 400th. */
    assert_int_equal(wb_date_from_ymd(&d, 2024, 2, 29, NULL), WB_OK);
    assert_int_equal(wb_date_from_ymd(&d, 2000, 2, 29, NULL), WB_OK);
    assert_true(wb_is_leap_year(2024));
    assert_false(wb_is_leap_year(2100));
    assert_int_equal(wb_days_in_month(2026, 2), 28);
    assert_int_equal(wb_days_in_month(2028, 2), 29);
    assert_int_equal(wb_days_in_month(2026, 13), 0);
    assert_int_equal(wb_date_from_ymd(NULL, 2026, 1, 1, NULL), WB_EINVAL);
}

static void test_date__round_trip_every_day_1900_to_2100(void **state)
{
    (void)state;
    wb_date prev = ymd(1899, 12, 31);
    wb_weekday wd = wb_date_weekday(prev);
    for (int y = 1900; y <= 2100; y++)
        for (int m = 1; m <= 12; m++)
            for (int d = 1; d <= wb_days_in_month(y, m); d++) {
                wb_date cur = ymd(y, m, d);
                assert_int_equal(cur.days, prev.days + 1);
                int yy, mm, dd;
                assert_int_equal(wb_date_to_ymd(cur, &yy, &mm, &dd), WB_OK);
                assert_int_equal(yy, y);
                assert_int_equal(mm, m);
                assert_int_equal(dd, d);
                wb_weekday next = wb_date_weekday(cur);
                assert_int_equal(next, wd == WB_SUNDAY ? WB_MONDAY : wd + 1);
                wd = next;
                prev = cur;
            }
}

static void test_date__weekdays(void **state)
{
    (void)state;
    assert_int_equal(wb_date_weekday(ymd(1970, 1, 1)), WB_THURSDAY);
    assert_int_equal(wb_date_weekday(ymd(2026, 2, 14)), WB_SATURDAY);
    assert_int_equal(wb_date_weekday(ymd(2026, 11, 29)), WB_SUNDAY);
    assert_int_equal(wb_date_weekday(ymd(1, 1, 1)), WB_MONDAY);
    assert_int_equal(wb_date_weekday(ymd(9999, 12, 31)), WB_FRIDAY);
    wb_date invalid = { 3000000 };
    assert_int_equal(wb_date_weekday(invalid), 0);
    assert_false(wb_date_is_valid(invalid));
    assert_int_equal(wb_date_to_ymd(invalid, NULL, NULL, NULL), WB_EINVAL);
}

static void expect_parse(const char *text, const char *iso)
{
    wb_date d;
    wb_error err;
    wb_error_clear(&err);
    if (wb_date_parse(&d, text, &err) != WB_OK)
        fail_msg("'%s': %s", text, err.message);
    assert_date(d, iso);
}

static void test_date__parses_iso_and_chinese_forms(void **state)
{
    (void)state;
    expect_parse("2026-02-10", "2026-02-10");
    expect_parse("0001-01-01", "0001-01-01");
    expect_parse("2026年2月10日", "2026-02-10");
    expect_parse("2026年02月10日", "2026-02-10");
    expect_parse("２０２６年２月１０日", "2026-02-10");
    expect_parse("２０２６年１２月３１日", "2026-12-31");
    expect_parse("二〇二六年二月十日", "2026-02-10");
    expect_parse("二〇二二年十二月三十一日", "2022-12-31");
    expect_parse("二〇二〇年一月二十七日", "2020-01-27");
    expect_parse("二〇一九年十一月二十一日", "2019-11-21");
    expect_parse("二零一四年十月十一日", "2014-10-11");
    expect_parse("二○○九年十二月七日", "2009-12-07");     /* ○ U+25CB for 〇 */
    expect_parse("2024年2月29日", "2024-02-29");
}

static void expect_refused(const char *text, const char *fragment)
{
    wb_date d = { 777 };
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_date_parse(&d, text, &err), WB_EPARSE);
    assert_int_equal(d.days, 777);
    if (strstr(err.message, fragment) == NULL)
        fail_msg("'%s': message '%s' lacks '%s'", text, err.message, fragment);
    /* The input is quoted. */
    char quoted[128];
    snprintf(quoted, sizeof(quoted), "'%s'", text);
    assert_non_null(strstr(err.message, quoted));
}

static void test_date__refuses_what_is_not_a_date(void **state)
{
    (void)state;
    expect_refused("2023-02-29", "not a leap year");
    expect_refused("2026-13-01", "month must be 1 to 12");
    expect_refused("2026-04-31", "fewer days");
    expect_refused("2026-00-10", "month must be 1 to 12");
    expect_refused("0000-01-01", "year must be");
    expect_refused("2026年13月1日", "month must be 1 to 12");
    expect_refused("２０２３年２月２９日", "not a leap year");
    expect_refused("2026/02/10", "cannot read");
    expect_refused("2026-2-10", "cannot read");
    expect_refused("2026-02-10 ", "cannot read");
    expect_refused(" 2026-02-10", "cannot read");
    expect_refused("2026-02-10T00:00", "cannot read");
    expect_refused("26年2月10日", "cannot read");
    expect_refused("2026年2月10", "cannot read");
    expect_refused("2026年2月100日", "cannot read");
    expect_refused("二〇二六年2月10日", "cannot read");    /* numerals mixed */
    expect_refused("2026年二月10日", "cannot read");
    expect_refused("", "cannot read");
    wb_date d;
    assert_int_equal(wb_date_parse(&d, NULL, NULL), WB_EINVAL);
    assert_int_equal(wb_date_parse(NULL, "2026-01-01", NULL), WB_EINVAL);
}

static void test_date__formats(void **state)
{
    (void)state;
    char iso[WB_DATE_STRLEN], zh[WB_DATE_CHINESE_STRLEN];
    assert_int_equal(wb_date_format(iso, ymd(2026, 2, 10)), WB_OK);
    assert_string_equal(iso, "2026-02-10");
    assert_int_equal(wb_date_format_chinese(zh, ymd(2026, 2, 10)), WB_OK);
    assert_string_equal(zh, "2026年2月10日");
    assert_int_equal(wb_date_format_chinese(zh, ymd(9999, 12, 31)), WB_OK);
    assert_string_equal(zh, "9999年12月31日");
    /* A year before 1000 in 4 digits, the form the parser reads back. */
    wb_date back;
    assert_int_equal(wb_date_format_chinese(zh, ymd(1, 1, 1)), WB_OK);
    assert_string_equal(zh, "0001年1月1日");
    assert_int_equal(wb_date_parse(&back, zh, NULL), WB_OK);
    assert_int_equal(back.days, ymd(1, 1, 1).days);
    assert_int_equal(wb_date_format_chinese(zh, ymd(999, 12, 31)), WB_OK);
    assert_string_equal(zh, "0999年12月31日");
    wb_date invalid = { -800000 };
    assert_int_equal(wb_date_format(iso, invalid), WB_EINVAL);
    assert_int_equal(wb_date_format(NULL, ymd(2026, 1, 1)), WB_EINVAL);
}

static void expect_months(int y, int m, int d, int n, const char *iso)
{
    wb_date out;
    assert_int_equal(wb_date_add_months(&out, ymd(y, m, d), n, NULL), WB_OK);
    assert_date(out, iso);
}

static void test_date__months_clamp_to_the_last_day(void **state)
{
    (void)state;
    expect_months(2026, 1, 31, 1, "2026-02-28");
    expect_months(2024, 1, 31, 1, "2024-02-29");
    expect_months(2024, 2, 29, 12, "2025-02-28");
    expect_months(2024, 2, 29, 48, "2028-02-29");
    expect_months(2026, 3, 31, -1, "2026-02-28");
    expect_months(2026, 8, 31, 3, "2026-11-30");
    expect_months(2026, 5, 15, 1, "2026-06-15");
    expect_months(2026, 11, 30, 3, "2027-02-28");
    expect_months(2026, 1, 15, -1, "2025-12-15");
    expect_months(2026, 1, 30, 1, "2026-02-28");
    expect_months(2026, 12, 31, 0, "2026-12-31");
    expect_months(2026, 10, 31, 120, "2036-10-31");
    wb_date out;
    assert_int_equal(wb_date_add_months(&out, ymd(9999, 12, 1), 1, NULL), WB_EINVAL);
    assert_int_equal(wb_date_add_months(&out, ymd(1, 1, 31), -1, NULL), WB_EINVAL);
    assert_int_equal(wb_date_add_months(&out, ymd(2026, 1, 1), INT32_MAX, NULL), WB_EINVAL);
}

static void test_date__days_and_comparison(void **state)
{
    (void)state;
    wb_date out;
    assert_int_equal(wb_date_add_days(&out, ymd(2026, 12, 31), 1, NULL), WB_OK);
    assert_date(out, "2027-01-01");
    assert_int_equal(wb_date_add_days(&out, ymd(2024, 3, 1), -1, NULL), WB_OK);
    assert_date(out, "2024-02-29");
    assert_int_equal(wb_date_add_days(&out, ymd(9999, 12, 31), 1, NULL), WB_EINVAL);
    assert_int_equal(wb_date_add_days(&out, ymd(1, 1, 1), -1, NULL), WB_EINVAL);
    assert_int_equal(wb_date_add_days(&out, ymd(2026, 1, 1), INT32_MIN, NULL), WB_EINVAL);
    assert_int_equal(wb_date_diff_days(ymd(2027, 1, 1), ymd(2026, 1, 1)), 365);
    assert_int_equal(wb_date_diff_days(ymd(2024, 1, 1), ymd(2025, 1, 1)), -366);
    assert_int_equal(wb_date_cmp(ymd(2026, 1, 1), ymd(2026, 1, 2)), -1);
    assert_int_equal(wb_date_cmp(ymd(2026, 1, 2), ymd(2026, 1, 2)), 0);
    assert_int_equal(wb_date_cmp(ymd(2026, 1, 3), ymd(2026, 1, 2)), 1);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_date__day_numbers_of_known_days),
    cmocka_unit_test(test_date__impossible_dates_are_refused),
    cmocka_unit_test(test_date__round_trip_every_day_1900_to_2100),
    cmocka_unit_test(test_date__weekdays),
    cmocka_unit_test(test_date__parses_iso_and_chinese_forms),
    cmocka_unit_test(test_date__refuses_what_is_not_a_date),
    cmocka_unit_test(test_date__formats),
    cmocka_unit_test(test_date__months_clamp_to_the_last_day),
    cmocka_unit_test(test_date__days_and_comparison),
};

WB_TEST_MAIN("date", tests)
