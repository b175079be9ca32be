/*
 * weibao/date.h - calendar dates as a small value type.
 *
 * A wb_date is a day number: days since 1970-01-01 in the proleptic
 * Gregorian calendar, with no time of day and no time zone. It is passed
 * by value, compared and added as an integer, and cannot hold 30 February.
 * Valid dates run from 0001-01-01 to 9999-12-31; the functions that make
 * dates refuse anything outside.
 *
 * Text forms: ISO 8601 ("2026-02-10", as xs:date without a zone) and the
 * forms of Chinese government documents: "2026年2月10日", with ASCII or
 * full-width digits ("２０２６年２月１０日"), or in Chinese numerals
 * ("二〇二六年二月十日").
 *
 * Threading: every function here is pure and may be called from any thread.
 */
#ifndef WEIBAO_DATE_H
#define WEIBAO_DATE_H

#include <stddef.h>
#include <stdint.h>
#include <weibao/common.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

/** A calendar date: days since 1970-01-01 (proleptic Gregorian). */
typedef struct wb_date {
    int32_t days;
} wb_date;

/** Room for an ISO date "YYYY-MM-DD" and its NUL. */
#define WB_DATE_STRLEN 11
/** Room for the longest Chinese form "YYYY年MM月DD日" and its NUL. */
#define WB_DATE_CHINESE_STRLEN 24

#define WB_DATE_MIN_YEAR 1
#define WB_DATE_MAX_YEAR 9999

/** Days of the week, numbered as ISO 8601 does. */
typedef enum wb_weekday {
    WB_MONDAY = 1,
    WB_TUESDAY = 2,
    WB_WEDNESDAY = 3,
    WB_THURSDAY = 4,
    WB_FRIDAY = 5,
    WB_SATURDAY = 6,
    WB_SUNDAY = 7
} wb_weekday;

/**
 * Make a date from year, month (1–12) and day (1–31).
 *
 * @return WB_OK; WB_EINVAL when out is NULL or the date does not exist
 *         (err quotes it: "2023-02-29 does not exist: 2023 is not a leap
 *         year"), or lies outside 0001–9999
 * @since 0.2
 */
WB_API int wb_date_from_ymd(wb_date *out, int year, int month, int day,
                            wb_error *err);

/**
 * Split a date into year, month and day. Any output may be NULL.
 * @return WB_OK, or WB_EINVAL when the date is outside 0001–9999
 * @since 0.2
 */
WB_API int wb_date_to_ymd(wb_date date, int *year, int *month, int *day);

/** 1 when the date lies within 0001-01-01 … 9999-12-31. @since 0.2 */
WB_API int wb_date_is_valid(wb_date date);

/**
 * Read a date in any of the forms above. The whole text must be the date:
 * no spaces, no time of day.
 *
 * @return WB_OK; WB_EPARSE when the text is not a date, quoting it
 *         ("cannot read '2026/02/10' as a date …") or saying why the date
 *         does not exist ("'2023-02-29' does not exist …"); WB_EINVAL
 * @since 0.2
 */
WB_API int wb_date_parse(wb_date *out, const char *text, wb_error *err);

/**
 * Write a date as ISO 8601 "YYYY-MM-DD".
 * @param buf  at least WB_DATE_STRLEN bytes
 * @return WB_OK, or WB_EINVAL for a NULL buffer or an invalid date
 * @since 0.2
 */
WB_API int wb_date_format(char *buf, wb_date date);

/**
 * Write a date as Chinese documents do: "2026年2月10日"; the year always
 * in 4 digits ("0999年1月1日"), so that wb_date_parse() reads it back.
 * @param buf  at least WB_DATE_CHINESE_STRLEN bytes
 * @since 0.2
 */
WB_API int wb_date_format_chinese(char *buf, wb_date date);

/** The day of the week; 0 for an invalid date. @since 0.2 */
WB_API wb_weekday wb_date_weekday(wb_date date);

/** -1, 0 or 1 as a is before, the same day as, or after b. @since 0.2 */
WB_API int wb_date_cmp(wb_date a, wb_date b);

/** The number of days from b to a (a − b). @since 0.2 */
WB_API int32_t wb_date_diff_days(wb_date a, wb_date b);

/**
 * The date n days after (or, for negative n, before) a date.
 * @return WB_OK, or WB_EINVAL when the result leaves 0001–9999
 * @since 0.2
 */
WB_API int wb_date_add_days(wb_date *out, wb_date date, int32_t n, wb_error *err);

/**
 * The date n months after (or before) a date, on the corresponding day;
 * where the target month has no such day, on its last day (Civil Code
 * art. 202: Jan 31 + 1 month = Feb 28, or Feb 29 in a leap year).
 * @return WB_OK, or WB_EINVAL when the result leaves 0001–9999
 * @since 0.2
 */
WB_API int wb_date_add_months(wb_date *out, wb_date date, int32_t n,
                              wb_error *err);

/** 1 for a Gregorian leap year. @since 0.2 */
WB_API int wb_is_leap_year(int year);

/** Days in a month (28–31); 0 for a month outside 1–12. @since 0.2 */
WB_API int wb_days_in_month(int year, int month);

WB_END_DECLS

#endif /* WEIBAO_DATE_H */
