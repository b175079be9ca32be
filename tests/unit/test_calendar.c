/*
 * test_calendar.c - the working-day engine and the Civil Code periods,
 * on a made-up calendar (tests/data/valid/calendar-synthetic) whose every
 * day is known: an amendment that lengthens a holiday and cancels a
 * make-up day, a 元旦 starting the December before, provisional days.
 * The real data is tested in test_calendar_data.c.
 */
#include "runner.h"

#include <stdlib.h>
#include <weibao/weibao.h>

#define SYNTHETIC WB_TEST_DATA "/valid/calendar-synthetic/input.xml"

static wb_calendar *cal;

static int setup(void **state)
{
    (void)state;
    wb_error err;
    wb_error_clear(&err);
    if (wb_calendar_load_file(&cal, SYNTHETIC, &err) != WB_OK) {
        fprintf(stderr, "%s:%d: %s\n", err.source, err.line, err.message);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    wb_calendar_free(cal);
    cal = NULL;
    return 0;
}

static wb_date D(const char *iso)
{
    wb_date d;
    if (wb_date_parse(&d, iso, NULL) != WB_OK)
        fail_msg("bad test date %s", iso);
    return d;
}

static void assert_iso(wb_date d, const char *iso)
{
    char buf[WB_DATE_STRLEN];
    assert_int_equal(wb_date_format(buf, d), WB_OK);
    assert_string_equal(buf, iso);
}

static wb_day_info day(const char *iso)
{
    wb_day_info info;
    wb_error err;
    if (wb_calendar_day(&info, cal, D(iso), &err) != WB_OK)
        fail_msg("%s: %s", iso, err.message);
    return info;
}

static void test_calendar__edition(void **state)
{
    (void)state;
    assert_string_equal(wb_calendar_edition(cal), "test-synthetic");
    assert_int_equal(wb_calendar_first_year(cal), 2030);
    assert_int_equal(wb_calendar_last_year(cal), 2031);
    assert_iso(wb_calendar_final_through(cal), "2031-12-24");
}

static void test_calendar__kinds_of_days(void **state)
{
    (void)state;
    wb_day_info d = day("2030-01-01");
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_false(d.is_workday);
    assert_string_equal(d.holiday, "元旦");
    assert_string_equal(d.notice, "测试〔2029〕1号");

    d = day("2030-01-02");
    assert_int_equal(d.kind, WB_DAY_WORKDAY);
    assert_true(d.is_workday);
    assert_null(d.holiday);

    d = day("2030-01-05");                       /* Saturday */
    assert_int_equal(d.kind, WB_DAY_WEEKEND);
    assert_false(d.is_workday);

    d = day("2030-01-27");                       /* a make-up Sunday */
    assert_int_equal(d.kind, WB_DAY_MAKEUP_WORKDAY);
    assert_true(d.is_workday);
    assert_string_equal(d.holiday, "春节");
}

static void test_calendar__amendment_applies(void **state)
{
    (void)state;
    /* The extension replaced 春节 (02-02..08) by 02-02..10 and cancelled
       the make-up Saturday 02-09, which is now a holiday day. */
    wb_day_info d = day("2030-02-09");
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.holiday, "春节");
    assert_string_equal(d.notice, "测试〔2030〕1号");
    assert_int_equal(day("2030-02-10").kind, WB_DAY_HOLIDAY);
    assert_int_equal(day("2030-02-11").kind, WB_DAY_WORKDAY);

    size_t n = wb_calendar_holiday_count(cal);
    assert_int_equal(n, 5);
    const wb_holiday *h = wb_calendar_holiday_at(cal, 1);
    assert_string_equal(wb_holiday_name(h), "春节");
    assert_iso(wb_holiday_start(h), "2030-02-02");
    assert_iso(wb_holiday_end(h), "2030-02-10");
    assert_string_equal(wb_holiday_notice(h), "测试〔2030〕1号");
    assert_int_equal(wb_holiday_year(h), 2030);

    static const char *const makeups[] = { "2030-01-27", "2030-09-29", "2030-10-12",
                                           "2030-12-28", "2031-09-28", "2031-10-11" };
    assert_int_equal(wb_calendar_makeup_count(cal), 6);
    for (size_t i = 0; i < 6; i++)
        assert_iso(wb_makeup_day_date(wb_calendar_makeup_at(cal, i)), makeups[i]);
}

static void test_calendar__new_year_from_the_year_before(void **state)
{
    (void)state;
    wb_day_info d = day("2030-12-30");
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.holiday, "元旦");
    assert_string_equal(d.notice, "测试〔2030〕9号");
    assert_int_equal(day("2030-12-28").kind, WB_DAY_MAKEUP_WORKDAY);
    const wb_holiday *h = wb_calendar_holiday_at(cal, 3);
    assert_int_equal(wb_holiday_year(h), 2031);
    assert_iso(wb_holiday_start(h), "2030-12-30");
}

static void test_calendar__provisional_after_final_through(void **state)
{
    (void)state;
    assert_false(day("2031-12-24").provisional);
    assert_true(day("2031-12-25").provisional);
    assert_true(day("2031-12-31").provisional);
}

static void test_calendar__outside_coverage_is_an_error(void **state)
{
    (void)state;
    const char *outside[] = { "2029-12-31", "2032-01-01", "1999-05-01" };
    for (size_t i = 0; i < 3; i++) {
        wb_day_info info;
        wb_error err;
        wb_error_clear(&err);
        assert_int_equal(wb_calendar_day(&info, cal, D(outside[i]), &err), WB_ECOVERAGE);
        assert_int_equal(err.code, WB_ECOVERAGE);
        assert_non_null(strstr(err.message, outside[i]));
        assert_non_null(strstr(err.message, "2030-2031"));
        assert_int_equal(wb_calendar_is_workday(cal, D(outside[i]), NULL), WB_ECOVERAGE);
    }
    wb_date out;
    /* The answer, not only the start, must be covered. */
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2031-12-30"), 5, NULL), WB_ECOVERAGE);
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2030-01-02"), -3, NULL), WB_ECOVERAGE);
    assert_int_equal(wb_calendar_prev_workday(&out, cal, D("2030-01-02"), NULL), WB_ECOVERAGE);
    int32_t n;
    assert_int_equal(wb_calendar_count_workdays(&n, cal, D("2030-06-01"), D("2032-01-05"), NULL),
                     WB_ECOVERAGE);
}

static void test_calendar__next_and_previous(void **state)
{
    (void)state;
    wb_date out;
    assert_int_equal(wb_calendar_next_workday(&out, cal, D("2030-02-01"), NULL), WB_OK);
    assert_iso(out, "2030-02-11");
    assert_int_equal(wb_calendar_prev_workday(&out, cal, D("2030-02-11"), NULL), WB_OK);
    assert_iso(out, "2030-02-01");
    /* From the Saturday before a make-up Sunday, the next working day is that Sunday. */
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2030-01-26"), 1, NULL), WB_OK);
    assert_iso(out, "2030-01-27");
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2030-01-26"), 0, NULL), WB_OK);
    assert_iso(out, "2030-01-26");
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2030-10-08"), -1, NULL), WB_OK);
    assert_iso(out, "2030-09-30");
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2030-10-08"), -2, NULL), WB_OK);
    assert_iso(out, "2030-09-29");       /* the make-up Sunday */
}

/* Brute force: walk the days one by one, start excluded, end included. */
static int32_t slow_count(wb_date from, wb_date to)
{
    int32_t n = 0;
    if (to.days >= from.days) {
        for (wb_date d = { from.days + 1 }; d.days <= to.days; d.days++)
            n += wb_calendar_is_workday(cal, d, NULL) == 1;
        return n;
    }
    for (wb_date d = { to.days }; d.days < from.days; d.days++)
        n += wb_calendar_is_workday(cal, d, NULL) == 1;
    return -n;
}

static void test_calendar__counts_match_a_day_by_day_walk(void **state)
{
    (void)state;
    srand(20301001);
    wb_date first = D("2030-01-01");
    int32_t span = wb_date_diff_days(D("2031-12-31"), first) + 1;
    for (int i = 0; i < 2000; i++) {
        wb_date a = { first.days + rand() % span }, b = { first.days + rand() % span };
        int32_t n;
        assert_int_equal(wb_calendar_count_workdays(&n, cal, a, b, NULL), WB_OK);
        assert_int_equal(n, slow_count(a, b));
    }
}

static void test_calendar__round_trips(void **state)
{
    (void)state;
    srand(42);
    wb_date first = D("2030-01-01");
    int32_t span = wb_date_diff_days(D("2031-12-31"), first) + 1;
    int tried = 0;
    for (int i = 0; i < 5000; i++) {
        wb_date d = { first.days + rand() % span }, e;
        int32_t n = rand() % 401 - 200, back;
        if (wb_calendar_add_workdays(&e, cal, d, n, NULL) != WB_OK)
            continue;       /* ran past the coverage */
        tried++;
        assert_int_equal(wb_calendar_count_workdays(&back, cal, d, e, NULL), WB_OK);
        assert_int_equal(back, n);
        if (n != 0)
            assert_int_equal(wb_calendar_is_workday(cal, e, NULL), 1);
    }
    assert_true(tried > 3000);
}

static wb_deadline period(const char *start, int32_t n, wb_period_unit unit)
{
    wb_deadline dl;
    wb_error err;
    wb_error_clear(&err);
    if (wb_period_end(&dl, cal, D(start), n, unit, NULL, &err) != WB_OK)
        fail_msg("%s + %d: %s", start, n, err.message);
    return dl;
}

static void test_calendar__period_moves_off_a_holiday(void **state)
{
    (void)state;
    /* Three days from Saturday 09-28 end on 10-01, a holiday: moved to 10-08. */
    wb_deadline dl = period("2030-09-28", 3, WB_PERIOD_DAYS);
    assert_iso(dl.start, "2030-09-28");
    assert_iso(dl.nominal_end, "2030-10-01");
    assert_iso(dl.end, "2030-10-08");
    assert_true(dl.moved);
    assert_int_equal(dl.nominal_kind, WB_DAY_HOLIDAY);
    assert_string_equal(dl.holiday, "国庆节");
    assert_string_equal(dl.notice, "测试〔2029〕1号");
    assert_false(dl.provisional);
    assert_false(dl.projected);
}

static void test_calendar__period_not_moved_onto_a_makeup_day(void **state)
{
    (void)state;
    /* Seven days from Sunday 09-22 end on Sunday 09-29, a make-up working day. */
    wb_deadline dl = period("2030-09-22", 7, WB_PERIOD_DAYS);
    assert_iso(dl.end, "2030-09-29");
    assert_false(dl.moved);
    assert_int_equal(dl.nominal_kind, WB_DAY_MAKEUP_WORKDAY);
}

static void test_calendar__period_moves_off_a_weekend(void **state)
{
    (void)state;
    wb_deadline dl = period("2030-05-15", 1, WB_PERIOD_MONTHS);
    assert_iso(dl.nominal_end, "2030-06-15");      /* a Saturday */
    assert_iso(dl.end, "2030-06-17");
    assert_true(dl.moved);
    assert_int_equal(dl.nominal_kind, WB_DAY_WEEKEND);
    assert_null(dl.holiday);
}

static void test_calendar__period_months_clamp(void **state)
{
    (void)state;
    wb_deadline dl = period("2030-01-31", 1, WB_PERIOD_MONTHS);
    assert_iso(dl.end, "2030-02-28");
    assert_false(dl.moved);
    dl = period("2030-11-30", 3, WB_PERIOD_MONTHS);
    assert_iso(dl.nominal_end, "2031-02-28");
    dl = period("2030-01-15", 1, WB_PERIOD_YEARS);
    assert_iso(dl.nominal_end, "2031-01-15");
}

static void test_calendar__period_in_working_days(void **state)
{
    (void)state;
    wb_deadline dl = period("2030-01-26", 1, WB_PERIOD_WORKDAYS);
    assert_iso(dl.end, "2030-01-27");
    assert_false(dl.moved);
    dl = period("2030-02-01", 1, WB_PERIOD_WORKDAYS);
    assert_iso(dl.end, "2030-02-11");
    /* 30 working days from 2030-09-20 skip the National Day week. */
    dl = period("2030-09-20", 30, WB_PERIOD_WORKDAYS);
    int32_t n;
    assert_int_equal(wb_calendar_count_workdays(&n, cal, D("2030-09-20"), dl.end, NULL), WB_OK);
    assert_int_equal(n, 30);
    assert_iso(dl.end, "2030-11-06");
}

static void test_calendar__period_move_can_be_turned_off(void **state)
{
    (void)state;
    wb_period_options opts = WB_PERIOD_OPTIONS_INIT;
    opts.move_off_rest_days = 0;
    wb_deadline dl;
    assert_int_equal(wb_period_end(&dl, cal, D("2030-09-28"), 3, WB_PERIOD_DAYS, &opts, NULL), WB_OK);
    assert_iso(dl.end, "2030-10-01");
    assert_false(dl.moved);
    /* Without the move, day periods need no calendar. */
    assert_int_equal(wb_period_end(&dl, NULL, D("2040-01-31"), 1, WB_PERIOD_MONTHS, &opts, NULL), WB_OK);
    assert_iso(dl.end, "2040-02-29");
}

static void test_calendar__period_provisional_and_coverage(void **state)
{
    (void)state;
    wb_deadline dl = period("2031-12-20", 7, WB_PERIOD_DAYS);
    assert_iso(dl.nominal_end, "2031-12-27");
    assert_iso(dl.end, "2031-12-29");
    assert_true(dl.provisional);
    dl = period("2031-12-10", 7, WB_PERIOD_DAYS);
    assert_false(dl.provisional);

    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_period_end(&dl, cal, D("2031-12-30"), 5, WB_PERIOD_DAYS, NULL, &err),
                     WB_ECOVERAGE);
    assert_non_null(strstr(err.message, "2032-01-04"));
    /* The 31st is a Wednesday, but the move check still needs no 2032 day:
       a working last day inside coverage is fine. */
    dl = period("2031-12-30", 1, WB_PERIOD_DAYS);
    assert_iso(dl.end, "2031-12-31");
}

static void test_calendar__period_bad_arguments(void **state)
{
    (void)state;
    wb_deadline dl;
    assert_int_equal(wb_period_end(&dl, cal, D("2030-01-01"), -1, WB_PERIOD_DAYS, NULL, NULL), WB_EINVAL);
    assert_int_equal(wb_period_end(&dl, NULL, D("2030-01-01"), 1, WB_PERIOD_DAYS, NULL, NULL), WB_EINVAL);
    assert_int_equal(wb_period_end(&dl, cal, D("2030-01-01"), 1, (wb_period_unit)9, NULL, NULL), WB_EINVAL);
    assert_int_equal(wb_period_end(NULL, cal, D("2030-01-01"), 1, WB_PERIOD_DAYS, NULL, NULL), WB_EINVAL);
    wb_period_options bad = { 99, 1 };
    assert_int_equal(wb_period_end(&dl, cal, D("2030-01-01"), 1, WB_PERIOD_DAYS, &bad, NULL), WB_EINVAL);
}

#define OVERLAY WB_TEST_DATA "/valid/calendar-overlay/input.xml"

static void test_calendar__overlay_overrides_its_days(void **state)
{
    (void)state;
    wb_calendar *region = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_calendar_stack_file(&region, cal, OVERLAY, &err), WB_OK);
    assert_string_equal(wb_calendar_edition(region), "test-synthetic+test-region");
    wb_day_info d;
    assert_int_equal(wb_calendar_day(&d, region, D("2030-03-06"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.holiday, "测试节");
    assert_string_equal(d.notice, "测试州〔2030〕2号");
    assert_int_equal(wb_calendar_day(&d, region, D("2030-03-09"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_MAKEUP_WORKDAY);
    /* The region closes on a day the national calendar makes a working day. */
    assert_int_equal(wb_calendar_day(&d, region, D("2030-10-12"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.holiday, "州庆闭馆");
    /* National days stay as they were. */
    assert_int_equal(wb_calendar_day(&d, region, D("2030-10-03"), NULL), WB_OK);
    assert_string_equal(d.holiday, "国庆节");
    /* The base is unchanged. */
    assert_int_equal(wb_calendar_day(&d, cal, D("2030-03-06"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_WORKDAY);
    assert_int_equal(wb_calendar_day(&d, cal, D("2030-10-12"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_MAKEUP_WORKDAY);
    /* Counting sees the region's days: 03-04 (Mon) + 1 working day. */
    wb_date out;
    assert_int_equal(wb_calendar_add_workdays(&out, region, D("2030-03-04"), 1, NULL), WB_OK);
    char iso[WB_DATE_STRLEN];
    wb_date_format(iso, out);
    assert_string_equal(iso, "2030-03-08");
    assert_int_equal(wb_calendar_add_workdays(&out, cal, D("2030-03-04"), 1, NULL), WB_OK);
    wb_date_format(iso, out);
    assert_string_equal(iso, "2030-03-05");
    wb_calendar_free(region);
}

static void test_calendar__overlays_stack_and_outlive_their_base(void **state)
{
    (void)state;
    wb_calendar *base = NULL, *one = NULL, *two = NULL;
    assert_int_equal(wb_calendar_load_file(&base, SYNTHETIC, NULL), WB_OK);
    assert_int_equal(wb_calendar_stack_file(&one, base, OVERLAY, NULL), WB_OK);
    wb_calendar_free(base);                      /* the stack stands alone */
    static const char org[] =
        "<overlay xmlns=\"urn:weibao:calendar:1\" format=\"1\" edition=\"org\""
        " scope=\"某单位\" source=\"单位通知\"><title>t</title>"
        "<holiday name=\"闭馆\" start=\"2030-03-08\" end=\"2030-03-08\"/></overlay>";
    assert_int_equal(wb_calendar_stack_buffer(&two, one, org, sizeof(org) - 1, "org.xml", NULL), WB_OK);
    assert_string_equal(wb_calendar_edition(two), "test-synthetic+test-region+org");
    wb_day_info d;
    assert_int_equal(wb_calendar_day(&d, two, D("2030-03-08"), NULL), WB_OK);
    assert_string_equal(d.holiday, "闭馆");
    assert_int_equal(wb_calendar_day(&d, two, D("2030-03-06"), NULL), WB_OK);
    assert_string_equal(d.holiday, "测试节");
    assert_int_equal(wb_calendar_holiday_count(two), 8);
    wb_calendar_free(one);
    wb_calendar_free(two);
}

/* Nothing to sort is no array to sort: an overlay with no days, and a
   calendar whose one notice sets no day, load (and answer from the base)
   without handing qsort a NULL array (undefined, even for 0 items). */
static void test_calendar__empty_overlay_and_notice_load(void **state)
{
    (void)state;
    static const char empty_overlay[] =
        "<overlay xmlns=\"urn:weibao:calendar:1\" format=\"1\" edition=\"none\""
        " scope=\"s\" source=\"n\"><title>t</title></overlay>";
    wb_calendar *stacked = NULL;
    assert_int_equal(wb_calendar_stack_buffer(&stacked, cal, empty_overlay,
                                              sizeof(empty_overlay) - 1, "empty.xml", NULL),
                     WB_OK);
    assert_int_equal(wb_calendar_holiday_count(stacked), wb_calendar_holiday_count(cal));
    assert_int_equal(wb_calendar_makeup_count(stacked), wb_calendar_makeup_count(cal));
    wb_calendar_free(stacked);

    static const char empty_notice[] =
        "<calendar xmlns=\"urn:weibao:calendar:1\" format=\"1\" edition=\"e\""
        " first-year=\"2030\" last-year=\"2030\" final-through=\"2030-12-31\">"
        "<title>t</title><notice id=\"n\" year=\"2030\" title=\"t\"/></calendar>";
    wb_calendar *bare = NULL;
    assert_int_equal(wb_calendar_load_buffer(&bare, empty_notice, sizeof(empty_notice) - 1,
                                             "bare.xml", NULL), WB_OK);
    assert_int_equal(wb_calendar_holiday_count(bare), 0);
    assert_int_equal(wb_calendar_makeup_count(bare), 0);
    assert_int_equal(wb_calendar_is_workday(bare, D("2030-01-01"), NULL), 1);
    assert_int_equal(wb_calendar_stack_buffer(&stacked, bare, empty_overlay,
                                              sizeof(empty_overlay) - 1, "empty.xml", NULL),
                     WB_OK);
    assert_int_equal(wb_calendar_holiday_count(stacked), 0);
    wb_calendar_free(stacked);
    wb_calendar_free(bare);
}

static void test_calendar__overlay_errors(void **state)
{
    (void)state;
    wb_calendar *out = NULL;
    wb_error err;
    /* An overlay alone is no calendar. */
    wb_error_clear(&err);
    assert_int_equal(wb_calendar_load_file(&out, OVERLAY, &err), WB_ESCHEMA);
    assert_null(out);
    assert_string_equal(err.rule, "document-kind");
    /* A whole calendar cannot be stacked. */
    wb_error_clear(&err);
    assert_int_equal(wb_calendar_stack_file(&out, cal, SYNTHETIC, &err), WB_ESCHEMA);
    assert_string_equal(err.rule, "document-kind");
    /* Days beyond the base's coverage. */
    static const char late[] =
        "<overlay xmlns=\"urn:weibao:calendar:1\" format=\"1\" edition=\"x\""
        " scope=\"s\" source=\"n\"><title>t</title>\n"
        "<holiday name=\"h\" start=\"2032-01-05\" end=\"2032-01-05\"/></overlay>";
    wb_error_clear(&err);
    assert_int_equal(wb_calendar_stack_buffer(&out, cal, late, sizeof(late) - 1, "late.xml", &err),
                     WB_ESCHEMA);
    assert_string_equal(err.rule, "calendar-years");
    assert_int_equal(err.line, 2);
    assert_int_equal(wb_calendar_stack_file(&out, NULL, OVERLAY, NULL), WB_EINVAL);
}

#define PROJECTION WB_TEST_DATA "/valid/calendar-projection/input.xml"

static void test_calendar__projection_is_opt_in_and_marked(void **state)
{
    (void)state;
    /* Without a projection, 2032 is simply not known. */
    wb_day_info d;
    assert_int_equal(wb_calendar_day(&d, cal, D("2032-02-11"), NULL), WB_ECOVERAGE);
    wb_date from;
    assert_int_equal(wb_calendar_projected_from(&from, cal), WB_ENOTFOUND);

    wb_calendar *p = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_calendar_project_file(&p, cal, PROJECTION, 2032, &err), WB_OK);
    assert_int_equal(wb_calendar_last_year(p), 2032);
    assert_int_equal(wb_calendar_projected_from(&from, p), WB_OK);
    assert_iso(from, "2032-01-01");
    assert_string_equal(wb_calendar_edition(p), "test-synthetic+test-law");

    assert_int_equal(wb_calendar_day(&d, p, D("2032-02-11"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_HOLIDAY);
    assert_string_equal(d.holiday, "春节");
    assert_string_equal(d.notice, "测试令第1号");
    assert_true(d.projected);
    /* No make-up days are invented: a projected Saturday stays a rest day. */
    assert_int_equal(wb_calendar_day(&d, p, D("2032-02-14"), NULL), WB_OK);
    assert_int_equal(d.kind, WB_DAY_WEEKEND);
    assert_true(d.projected);
    /* Days the notices cover are not projected. */
    assert_int_equal(wb_calendar_day(&d, p, D("2031-06-02"), NULL), WB_OK);
    assert_false(d.projected);
    /* Still nothing past the year asked for. */
    assert_int_equal(wb_calendar_day(&d, p, D("2033-01-03"), NULL), WB_ECOVERAGE);

    /* A deadline resting on a projected day says so. */
    wb_deadline dl;
    assert_int_equal(wb_period_end(&dl, p, D("2031-12-10"), 2, WB_PERIOD_MONTHS, NULL, NULL), WB_OK);
    assert_iso(dl.end, "2032-02-16");     /* 02-10 is 春节 in the projection */
    assert_true(dl.moved);
    assert_true(dl.projected);
    assert_int_equal(wb_period_end(&dl, p, D("2031-11-02"), 1, WB_PERIOD_MONTHS, NULL, NULL), WB_OK);
    assert_false(dl.projected);
    wb_calendar_free(p);
}

static void test_calendar__projection_limits(void **state)
{
    (void)state;
    wb_calendar *p = NULL, *q = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_calendar_project_file(&p, cal, PROJECTION, 2034, &err), WB_ECOVERAGE);
    assert_null(p);
    assert_non_null(strstr(err.message, "2034"));
    /* Asking for a year the notices already cover changes nothing. */
    assert_int_equal(wb_calendar_project_file(&p, cal, PROJECTION, 2031, NULL), WB_OK);
    assert_int_equal(wb_calendar_last_year(p), 2031);
    assert_string_equal(wb_calendar_edition(p), "test-synthetic");
    wb_date from;
    assert_int_equal(wb_calendar_projected_from(&from, p), WB_ENOTFOUND);
    wb_calendar_free(p);
    /* A projection is made once. */
    assert_int_equal(wb_calendar_project_file(&p, cal, PROJECTION, 2033, NULL), WB_OK);
    assert_int_equal(wb_calendar_project_file(&q, p, PROJECTION, 2033, NULL), WB_EINVAL);
    assert_null(q);
    wb_calendar_free(p);
    /* Projection data alone is not a calendar. */
    assert_int_equal(wb_calendar_load_file(&p, PROJECTION, NULL), WB_ESCHEMA);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_calendar__edition),
    cmocka_unit_test(test_calendar__kinds_of_days),
    cmocka_unit_test(test_calendar__amendment_applies),
    cmocka_unit_test(test_calendar__new_year_from_the_year_before),
    cmocka_unit_test(test_calendar__provisional_after_final_through),
    cmocka_unit_test(test_calendar__outside_coverage_is_an_error),
    cmocka_unit_test(test_calendar__next_and_previous),
    cmocka_unit_test(test_calendar__counts_match_a_day_by_day_walk),
    cmocka_unit_test(test_calendar__round_trips),
    cmocka_unit_test(test_calendar__period_moves_off_a_holiday),
    cmocka_unit_test(test_calendar__period_not_moved_onto_a_makeup_day),
    cmocka_unit_test(test_calendar__period_moves_off_a_weekend),
    cmocka_unit_test(test_calendar__period_months_clamp),
    cmocka_unit_test(test_calendar__period_in_working_days),
    cmocka_unit_test(test_calendar__period_move_can_be_turned_off),
    cmocka_unit_test(test_calendar__period_provisional_and_coverage),
    cmocka_unit_test(test_calendar__period_bad_arguments),
    cmocka_unit_test(test_calendar__overlay_overrides_its_days),
    cmocka_unit_test(test_calendar__overlays_stack_and_outlive_their_base),
    cmocka_unit_test(test_calendar__overlay_errors),
    cmocka_unit_test(test_calendar__empty_overlay_and_notice_load),
    cmocka_unit_test(test_calendar__projection_is_opt_in_and_marked),
    cmocka_unit_test(test_calendar__projection_limits),
};

/* Each case runs with the calendar loaded once for the group. */
#undef cmocka_run_group_tests_name
#define cmocka_run_group_tests_name(name, t, s, td) \
    _cmocka_run_group_tests(name, t, sizeof(t) / sizeof((t)[0]), setup, teardown)

WB_TEST_MAIN("calendar", tests)
