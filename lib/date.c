/*
 * date.c - calendar dates as day numbers.
 *
 * The conversion between (year, month, day) and the day number uses the
 * standard era arithmetic of the proleptic Gregorian calendar: years are
 * counted from March so that the leap day falls at the end of a year, and
 * a 400-year era of 146,097 days repeats exactly. Everything is integer
 * arithmetic; no table, no loop over days.
 *
 * Invariant: a wb_date handed out by this file lies in 0001-01-01 …
 * 9999-12-31.
 */
#include "weibao/date.h"

#include <stdio.h>
#include <string.h>

#include "errors_internal.h"

/* Day numbers of 0001-01-01 and 9999-12-31. */
#define MIN_DAYS (-719162)
#define MAX_DAYS 2932896

int wb_is_leap_year(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int wb_days_in_month(int year, int month)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && wb_is_leap_year(year) ? 29 : days[month - 1];
}

/* Day number of a valid (y, m, d). */
static int32_t days_from_ymd(int y, int m, int d)
{
    y -= m <= 2;                                   /* years start in March */
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;                       /* [0, 399] */
    int mp = (m + 9) % 12;                         /* March = 0 */
    int doy = (153 * mp + 2) / 5 + d - 1;          /* [0, 365] */
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe - 719468); /* 719468: 0000-03-01 to 1970-01-01 */
}

static void ymd_from_days(int32_t days, int *y, int *m, int *d)
{
    int32_t z = days + 719468;
    int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    int32_t doe = z - era * 146097;                              /* [0, 146096] */
    int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);       /* [0, 365] */
    int32_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

int wb_date_is_valid(wb_date date)
{
    return date.days >= MIN_DAYS && date.days <= MAX_DAYS;
}

/* Why (y, m, d) is not a date, or NULL when it is one. */
static const char *ymd_problem(int y, int m, int d)
{
    if (y < WB_DATE_MIN_YEAR || y > WB_DATE_MAX_YEAR)
        return "the year must be 0001 to 9999";
    if (m < 1 || m > 12)
        return "the month must be 1 to 12";
    if (d < 1)
        return "the day must be 1 or more";
    if (d > wb_days_in_month(y, m)) {
        if (m == 2 && d == 29)
            return "not a leap year";
        return "the month has fewer days";
    }
    return NULL;
}

int wb_date_from_ymd(wb_date *out, int year, int month, int day, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_date_from_ymd", "out");
    const char *why = ymd_problem(year, month, day);
    if (why != NULL)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "%04d-%02d-%02d does not exist: %s", year, month,
                             day, why);
    out->days = days_from_ymd(year, month, day);
    return WB_OK;
}

int wb_date_to_ymd(wb_date date, int *year, int *month, int *day)
{
    if (!wb_date_is_valid(date))
        return WB_EINVAL;
    int y, m, d;
    ymd_from_days(date.days, &y, &m, &d);
    if (year != NULL)
        *year = y;
    if (month != NULL)
        *month = m;
    if (day != NULL)
        *day = d;
    return WB_OK;
}

/* ------------------------------------------------------------ parsing */

/*
 * Read one digit at *p: ASCII '0'-'9', full-width '０'-'９' (U+FF10…),
 * or a Chinese numeral 〇/零 and 一…九. Returns the value and advances *p,
 * or -1. `chinese` receives 1 when the digit was a Chinese numeral.
 */
static int read_digit(const char **p, int *chinese)
{
    const unsigned char *s = (const unsigned char *)*p;
    if (s[0] >= '0' && s[0] <= '9') {
        *p += 1;
        *chinese = 0;
        return s[0] - '0';
    }
    /* U+FF10..U+FF19 are EF BC 90..99 in UTF-8. */
    if (s[0] == 0xEF && s[1] == 0xBC && s[2] >= 0x90 && s[2] <= 0x99) {
        *p += 3;
        *chinese = 0;
        return s[2] - 0x90;
    }
    static const char *const numerals[] = { "〇", "一", "二", "三", "四",
                                            "五", "六", "七", "八", "九" };
    for (int v = 0; v < 10; v++) {
        size_t n = strlen(numerals[v]);
        if (strncmp(*p, numerals[v], n) == 0) {
            *p += n;
            *chinese = 1;
            return v;
        }
    }
    /* 零, and ○ (U+25CB), which many documents print for 〇. */
    static const char *const zeros[] = { "零", "○" };
    for (int z = 0; z < 2; z++)
        if (strncmp(*p, zeros[z], strlen(zeros[z])) == 0) {
            *p += strlen(zeros[z]);
            *chinese = 1;
            return 0;
        }
    return -1;
}

/* A run of 1..max digits of one kind (Arabic or Chinese) as a number. */
static int read_number(const char **p, int max, int *count, int *chinese)
{
    int value = 0, n = 0, kind = -1;
    const char *s = *p;
    while (n < max) {
        const char *at = s;
        int ch;
        int digit = read_digit(&s, &ch);
        if (digit < 0 || (kind >= 0 && ch != kind)) {
            s = at;
            break;
        }
        kind = ch;
        value = value * 10 + digit;
        n++;
    }
    *count = n;
    *chinese = kind == 1;
    *p = s;
    return value;
}

/* A month or day in Chinese numerals: 一 … 九, 十, 十一 … 十九, 二十 … 三十一. */
static int read_chinese_small(const char **p)
{
    const char *s = *p;
    int tens = 0, units = 0, ch;
    const char *ten = "十";
    size_t tl = strlen(ten);
    if (strncmp(s, ten, tl) == 0) {
        tens = 1;
        s += tl;
    } else {
        int d = read_digit(&s, &ch);
        if (d < 1 || !ch)
            return -1;
        if (strncmp(s, ten, tl) != 0) {
            *p = s;
            return d;
        }
        tens = d;
        s += tl;
    }
    const char *at = s;
    int d = read_digit(&s, &ch);
    if (d >= 1 && ch)
        units = d;
    else
        s = at;
    *p = s;
    return tens * 10 + units;
}

static int expect(const char **p, const char *lit)
{
    size_t n = strlen(lit);
    if (strncmp(*p, lit, n) != 0)
        return 0;
    *p += n;
    return 1;
}

/* "YYYY-MM-DD" exactly, ASCII digits. */
static int parse_iso(const char *s, int *y, int *m, int *d)
{
    for (int i = 0; i < 10; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    }
    if (s[10] != '\0')
        return 0;
    *y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    *m = (s[5] - '0') * 10 + (s[6] - '0');
    *d = (s[8] - '0') * 10 + (s[9] - '0');
    return 1;
}

/* "2026年2月10日", "２０２６年２月１０日", "二〇二六年二月十日". */
static int parse_chinese(const char *s, int *y, int *m, int *d)
{
    int count, chinese;
    *y = read_number(&s, 4, &count, &chinese);
    if (count != 4 || !expect(&s, "年"))
        return 0;
    if (chinese) {
        *m = read_chinese_small(&s);
        if (*m < 0 || !expect(&s, "月"))
            return 0;
        *d = read_chinese_small(&s);
        if (*d < 0 || !expect(&s, "日"))
            return 0;
    } else {
        int c2;
        *m = read_number(&s, 2, &count, &c2);
        if (count == 0 || c2 || !expect(&s, "月"))
            return 0;
        *d = read_number(&s, 2, &count, &c2);
        if (count == 0 || c2 || !expect(&s, "日"))
            return 0;
    }
    return *s == '\0';
}

int wb_date_parse(wb_date *out, const char *text, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_date_parse", "out");
    if (text == NULL)
        return wb__error_arg(err, "wb_date_parse", "text");
    int y, m, d;
    if (!parse_iso(text, &y, &m, &d) && !parse_chinese(text, &y, &m, &d))
        return wb__error_set(err, WB_EPARSE, NULL, 0, 0, NULL,
                             "cannot read '%s' as a date (write 2026-02-10 or 2026年2月10日)",
                             text);
    const char *why = ymd_problem(y, m, d);
    if (why != NULL)
        return wb__error_set(err, WB_EPARSE, NULL, 0, 0, NULL,
                             "'%s' does not exist: %s", text, why);
    out->days = days_from_ymd(y, m, d);
    return WB_OK;
}

/* ---------------------------------------------------------- formatting */

int wb_date_format(char *buf, wb_date date)
{
    int y, m, d;
    if (buf == NULL || wb_date_to_ymd(date, &y, &m, &d) != WB_OK)
        return WB_EINVAL;
    snprintf(buf, WB_DATE_STRLEN, "%04d-%02d-%02d", y, m, d);
    return WB_OK;
}

int wb_date_format_chinese(char *buf, wb_date date)
{
    int y, m, d;
    if (buf == NULL || wb_date_to_ymd(date, &y, &m, &d) != WB_OK)
        return WB_EINVAL;
    /* The year in 4 digits, the form wb_date_parse reads back. */
    snprintf(buf, WB_DATE_CHINESE_STRLEN, "%04d年%d月%d日", y, m, d);
    return WB_OK;
}

/* --------------------------------------------------------- arithmetic */

wb_weekday wb_date_weekday(wb_date date)
{
    if (!wb_date_is_valid(date))
        return (wb_weekday)0;
    /* 1970-01-01 was a Thursday (ISO 4). */
    int32_t r = (date.days + 3) % 7;
    if (r < 0)
        r += 7;
    return (wb_weekday)(r + 1);
}

int wb_date_cmp(wb_date a, wb_date b)
{
    return (a.days > b.days) - (a.days < b.days);
}

int32_t wb_date_diff_days(wb_date a, wb_date b)
{
    return a.days - b.days;    /* both within range: no overflow */
}

int wb_date_add_days(wb_date *out, wb_date date, int32_t n, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_date_add_days", "out");
    int64_t r = (int64_t)date.days + n;
    if (!wb_date_is_valid(date) || r < MIN_DAYS || r > MAX_DAYS)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "adding %ld days leaves the years 0001-9999", (long)n);
    out->days = (int32_t)r;
    return WB_OK;
}

int wb_date_add_months(wb_date *out, wb_date date, int32_t n, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_date_add_months", "out");
    int y, m, d;
    if (wb_date_to_ymd(date, &y, &m, &d) != WB_OK)
        return wb__error_arg(err, "wb_date_add_months", "date");
    int64_t months = (int64_t)y * 12 + (m - 1) + n;
    if (months < 12 || months > (int64_t)WB_DATE_MAX_YEAR * 12 + 11)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "adding %ld months leaves the years 0001-9999", (long)n);
    int ny = (int)(months / 12), nm = (int)(months % 12) + 1;
    int last = wb_days_in_month(ny, nm);
    out->days = days_from_ymd(ny, nm, d <= last ? d : last);
    return WB_OK;
}
