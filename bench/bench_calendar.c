/*
 * bench_calendar.c - working-day queries, against a day-by-day loop.
 *
 *   build/bench/bench_calendar
 *
 * Runs on the built-in calendar:
 *   - 10,000,000 "is this a working day" queries,
 *   - 1,000,000 "30 working days after" queries,
 *   - 1,000,000 "working days in a one-year range" counts,
 * each with the library's constant-time queries and with a plain loop that
 * steps one day at a time asking only whether each day is a working day,
 * and prints operations per second and the ratio. Dates are drawn by a
 * fixed pseudo-random sequence so that runs are comparable.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <weibao/weibao.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t state = 88172645463325252u;

static uint32_t next_random(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (uint32_t)state;
}

/* The slow way: step one day at a time. */
static wb_date loop_add_workdays(const wb_calendar *cal, wb_date d, int n)
{
    while (n > 0) {
        d.days++;
        if (wb_calendar_is_workday(cal, d, NULL) == 1)
            n--;
    }
    return d;
}

static int32_t loop_count(const wb_calendar *cal, wb_date from, wb_date to)
{
    int32_t n = 0;
    for (wb_date d = { from.days + 1 }; d.days <= to.days; d.days++)
        n += wb_calendar_is_workday(cal, d, NULL) == 1;
    return n;
}

static void report(const char *what, long ops, double fast, double slow)
{
    printf("%-34s %12.0f ops/s   loop %12.0f ops/s   x%.0f\n", what,
           (double)ops / fast, (double)ops / slow, slow / fast);
}

int main(void)
{
    wb_calendar *cal;
    if (wb_calendar_open_default(&cal, NULL) != WB_OK)
        return 1;
    wb_date first, last;
    wb_date_from_ymd(&first, wb_calendar_first_year(cal), 1, 1, NULL);
    wb_date_from_ymd(&last, wb_calendar_last_year(cal) - 1, 11, 1, NULL);
    uint32_t span = (uint32_t)wb_date_diff_days(last, first);
    long sink = 0;

    /* is_workday: the "loop" version is the same call; it is the unit the
       others are made of, so its figure stands alone. */
    long n = 10000000;
    double t0 = now();
    for (long i = 0; i < n; i++) {
        wb_date d = { first.days + (int32_t)(next_random() % span) };
        sink += wb_calendar_is_workday(cal, d, NULL);
    }
    double t = now() - t0;
    printf("%-34s %12.0f ops/s\n", "is_workday", (double)n / t);

    n = 1000000;
    state = 1;
    t0 = now();
    for (long i = 0; i < n; i++) {
        wb_date d = { first.days + (int32_t)(next_random() % span) }, out;
        wb_calendar_add_workdays(&out, cal, d, 30, NULL);
        sink += out.days;
    }
    double fast = now() - t0;
    state = 1;
    t0 = now();
    for (long i = 0; i < n; i++) {
        wb_date d = { first.days + (int32_t)(next_random() % span) };
        sink -= loop_add_workdays(cal, d, 30).days;
    }
    report("30 working days after", n, fast, now() - t0);

    state = 2;
    t0 = now();
    for (long i = 0; i < n; i++) {
        wb_date d = { first.days + (int32_t)(next_random() % span) }, e = { d.days + 365 };
        int32_t c;
        wb_calendar_count_workdays(&c, cal, d, e, NULL);
        sink += c;
    }
    fast = now() - t0;
    state = 2;
    t0 = now();
    for (long i = 0; i < n; i++) {
        wb_date d = { first.days + (int32_t)(next_random() % span) }, e = { d.days + 365 };
        sink -= loop_count(cal, d, e);
    }
    report("working days in a one-year range", n, fast, now() - t0);

    /* Both ways must give the same answers, or the figures mean nothing. */
    state = 3;
    for (long i = 0; i < 100000; i++) {
        wb_date d = { first.days + (int32_t)(next_random() % span) }, out;
        wb_date e = { d.days + 365 };
        int32_t c;
        wb_calendar_add_workdays(&out, cal, d, 30, NULL);
        wb_calendar_count_workdays(&c, cal, d, e, NULL);
        if (out.days != loop_add_workdays(cal, d, 30).days || c != loop_count(cal, d, e)) {
            fprintf(stderr, "the constant-time and the looping answers differ\n");
            return 1;
        }
    }
    printf("(answers checked against the loop on 100,000 dates; checksum %ld)\n", sink);
    wb_calendar_free(cal);
    return 0;
}
