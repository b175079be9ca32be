/*
 * cmd_calendar.c - `weibao-lint calendar` and `weibao-lint due`.
 *
 *   weibao-lint calendar 2026            the year's holidays and make-up days
 *   weibao-lint calendar 2026-02-14      what kind of day a date is
 *   weibao-lint due --workdays 30 2026-02-10
 *   weibao-lint due --months 1 2026-01-31   (also --days, --years)
 *
 * Dates may be written 2026-02-10 or 2026年2月10日. --format json prints
 * the same as JSON; --calendar FILE uses another calendar edition.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

static const char calendar_usage[] =
    "usage: weibao-lint calendar YEAR|DATE [--format text|json] [--calendar FILE]\n"
    "                                      [--overlay FILE]...\n"
    "       weibao-lint calendar import NOTICE.txt [-o OUT.xml]\n"
    "\n"
    "  YEAR             list the year's holidays and make-up working days\n"
    "  DATE             say what kind of day a date is (2026-02-14 or 2026年2月14日)\n"
    "  --format FORMAT  text (default) or json\n"
    "  --calendar FILE  use this calendar edition instead of the built-in one\n"
    "  --overlay FILE   stack a region's or an organisation's own days on it\n"
    "                   (an <overlay> document; may be given several times)\n"
    "  --project YEAR   beyond the notices, through YEAR, use the holidays the\n"
    "                   holiday law fixes (no make-up days); answers say so\n";

static const char import_usage[] =
    "usage: weibao-lint calendar import NOTICE.txt [-o OUT.xml] [--lang zh|en]\n"
    "\n"
    "Read the text of a State Council holiday notice (国务院办公厅关于XXXX年部分\n"
    "节假日安排的通知, as published) and write it as a calendar edition that\n"
    "loads at once (--calendar OUT.xml). Each weekday named in brackets is\n"
    "checked against its date, each 共N天 against the days off; what cannot be\n"
    "read is reported with its line, and a line that reads like an item but is\n"
    "not numbered 一、二、… with the holiday's name before a colon is an error.\n"
    "Without -o, or with -o -, the edition goes to standard output and the\n"
    "warnings to standard error, so the edition stays a whole document. OUT is\n"
    "written atomically and never over the notice itself.\n";

static const char due_usage[] =
    "usage: weibao-lint due (--days|--months|--years|--workdays) N START\n"
    "                       [--no-move] [--format text|json] [--calendar FILE]\n"
    "                       [--overlay FILE]... [--project YEAR]\n"
    "\n"
    "Print the last day of a period of N units counted from START, as the\n"
    "Civil Code counts it: the start day is not counted (art. 201); months and\n"
    "years end on the corresponding day or the month's last day (art. 202); a\n"
    "last day that is a rest day or holiday moves to the next working day\n"
    "(art. 203), unless --no-move. N working days end on the Nth working day.\n";

static const char *const weekday_names[] = { "", "周一", "周二", "周三", "周四",
                                             "周五", "周六", "周日" };

static const char *kind_key(wb_day_kind kind)
{
    switch (kind) {
    case WB_DAY_WORKDAY:        return "workday";
    case WB_DAY_WEEKEND:        return "weekend";
    case WB_DAY_HOLIDAY:        return "holiday";
    case WB_DAY_MAKEUP_WORKDAY: return "makeup-workday";
    default:                    return "unknown";
    }
}

static const char *kind_zh(wb_day_kind kind)
{
    switch (kind) {
    case WB_DAY_WORKDAY:        return "工作日";
    case WB_DAY_WEEKEND:        return "休息日(周末)";
    case WB_DAY_HOLIDAY:        return "节假日(放假)";
    case WB_DAY_MAKEUP_WORKDAY: return "调休上班日";
    default:                    return "?";
    }
}

/* A whole year's arrangements. */
static void list_year(const wb_calendar *cal, int year, lint_format format)
{
    char a[WB_DATE_STRLEN], b[WB_DATE_STRLEN];
    size_t printed = 0;
    wb_date from;
    int py = 0, projected = wb_calendar_projected_from(&from, cal) == WB_OK &&
                            wb_date_to_ymd(from, &py, NULL, NULL) == WB_OK && year >= py;
    if (format == LINT_FORMAT_JSON)
        printf("{\"year\":%d,\"projected\":%s,\"holidays\":[", year,
               projected ? "true" : "false");
    else
        printf("%d 年节假日安排(%s)%s\n", year, wb_calendar_edition(cal),
               projected ? ",推算:尚无该年通知,仅列放假办法所定节日,不含调休" : "");
    for (size_t i = 0; i < wb_calendar_holiday_count(cal); i++) {
        const wb_holiday *h = wb_calendar_holiday_at(cal, i);
        if (wb_holiday_year(h) != year)
            continue;
        wb_date_format(a, wb_holiday_start(h));
        wb_date_format(b, wb_holiday_end(h));
        int days = (int)wb_date_diff_days(wb_holiday_end(h), wb_holiday_start(h)) + 1;
        if (format == LINT_FORMAT_JSON) {
            fputs(printed++ ? "," : "", stdout);
            fputs("{\"name\":", stdout);
            lint_json_string(stdout, wb_holiday_name(h));
            printf(",\"start\":\"%s\",\"end\":\"%s\",\"days\":%d,\"notice\":", a, b, days);
            lint_json_string(stdout, wb_holiday_notice(h));
            fputc('}', stdout);
        } else {
            printf("  %s  %s 至 %s,共 %d 天  [%s]\n", wb_holiday_name(h), a, b,
                   days, wb_holiday_notice(h));
        }
    }
    printed = 0;
    if (format == LINT_FORMAT_JSON)
        fputs("],\"workdays\":[", stdout);
    else
        fputs("调休上班:\n", stdout);
    for (size_t i = 0; i < wb_calendar_makeup_count(cal); i++) {
        const wb_makeup_day *m = wb_calendar_makeup_at(cal, i);
        if (wb_makeup_day_year(m) != year)
            continue;
        wb_date_format(a, wb_makeup_day_date(m));
        if (format == LINT_FORMAT_JSON) {
            fputs(printed++ ? "," : "", stdout);
            printf("{\"date\":\"%s\",\"holiday\":", a);
            lint_json_string(stdout, wb_makeup_day_holiday(m));
            fputs(",\"notice\":", stdout);
            lint_json_string(stdout, wb_makeup_day_notice(m));
            fputc('}', stdout);
        } else {
            printf("  %s(%s)  %s  [%s]\n", a,
                   weekday_names[wb_date_weekday(wb_makeup_day_date(m))],
                   wb_makeup_day_holiday(m) ? wb_makeup_day_holiday(m) : "",
                   wb_makeup_day_notice(m));
            printed++;
        }
    }
    if (format == LINT_FORMAT_JSON)
        fputs("]}\n", stdout);
    else if (printed == 0)
        fputs("  (无)\n", stdout);
}

static int show_day(const wb_calendar *cal, wb_date date, lint_format format)
{
    wb_day_info info;
    wb_error err;
    wb_error_clear(&err);
    if (wb_calendar_day(&info, cal, date, &err) != WB_OK)
        return lint_fail("%s", err.message);
    char iso[WB_DATE_STRLEN];
    wb_date_format(iso, date);
    if (format == LINT_FORMAT_JSON) {
        printf("{\"date\":\"%s\",\"weekday\":%d,\"workday\":%s,\"kind\":\"%s\",\"holiday\":",
               iso, (int)wb_date_weekday(date), info.is_workday ? "true" : "false",
               kind_key(info.kind));
        lint_json_string(stdout, info.holiday);
        fputs(",\"notice\":", stdout);
        lint_json_string(stdout, info.notice);
        printf(",\"provisional\":%s,\"projected\":%s}\n", info.provisional ? "true" : "false",
               info.projected ? "true" : "false");
        return LINT_EXIT_CLEAN;
    }
    printf("%s(%s):%s,%s", iso, weekday_names[wb_date_weekday(date)],
           info.is_workday ? "上班" : "不上班", kind_zh(info.kind));
    if (info.holiday != NULL)
        printf("(%s,%s)", info.holiday, info.notice);
    if (info.projected)
        fputs(";推算:尚无该年通知,按放假办法所定节日推算,不含调休", stdout);
    else if (info.provisional)
        fputs(";暂定:次年通知仍可能调整", stdout);
    fputc('\n', stdout);
    return LINT_EXIT_CLEAN;
}

static int cmd_import(int argc, char **argv)
{
    const char *input = NULL, *output = NULL, *value;
    wb_lang lang = WB_LANG_ZH;
    for (int i = 1; i < argc; i++) {
        int got;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(import_usage, stdout);
            return lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_option_value(argc, argv, &i, "-o", &value)) != 0 ||
                   (got = lint_option_value(argc, argv, &i, "--output", &value)) != 0) {
            if (got < 0)
                return lint_fail("calendar import: -o takes a file");
            output = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--lang", &value)) != 0) {
            if (got < 0 || lint_parse_lang(value, &lang) != 0)
                return lint_fail("calendar import: --lang takes zh or en");
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return lint_fail("calendar import: unknown option '%s'", argv[i]);
        } else if (input == NULL) {
            input = argv[i];
        } else {
            return lint_fail("calendar import: give one notice");
        }
    }
    if (input == NULL)
        return lint_fail("calendar import: give the notice's text file (see --help)");
    char *text;
    size_t len;
    if (lint_read_input(input, "calendar import", &text, &len) != 0)
        return LINT_EXIT_USAGE;

    char *xml = NULL;
    wb_diagnostics *findings = NULL;
    wb_error err;
    wb_error_clear(&err);
    int rc = wb_calendar_import_notice(&xml, &findings, text, len,
                                       strcmp(input, "-") == 0 ? "<stdin>" : input, &err);
    free(text);
    if (rc != WB_OK)
        return lint_fail("calendar import: %s", err.message);
    /* The edition on standard output must stay a whole XML document: the
       findings then go to standard error. */
    int xml_on_stdout = output == NULL || strcmp(output, "-") == 0;
    wb_privacy_scanner *numbers = lint_numbers_scanner();
    size_t printed = 0;
    for (size_t i = 0; i < wb_diagnostics_count(findings); i++)
        lint_print_finding(xml_on_stdout && xml != NULL ? stderr : stdout, numbers,
                           wb_diagnostics_at(findings, i), LINT_FORMAT_TEXT, lang, &printed);
    wb_privacy_scanner_free(numbers);
    wb_diagnostics_free(findings);
    if (xml == NULL)
        return lint_finish(LINT_EXIT_FINDINGS);
    int status = LINT_EXIT_CLEAN;
    if (xml_on_stdout)
        fputs(xml, stdout);
    else if (lint_write_atomically(output, xml, strlen(xml),
                                   strcmp(input, "-") == 0 ? NULL : input) != 0)
        status = LINT_EXIT_USAGE;
    wb_free(xml);
    if (status == LINT_EXIT_CLEAN && printed > 0)
        status = LINT_EXIT_FINDINGS;
    return lint_finish(status);
}

int lint_cmd_calendar(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "import") == 0)
        return cmd_import(argc - 1, argv + 1);

    const char *what = NULL, *value;
    lint_calendar_opts co = { 0 };
    lint_format format = LINT_FORMAT_TEXT;
    for (int i = 1; i < argc; i++) {
        int got;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(calendar_usage, stdout);
            return lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_calendar_option(argc, argv, &i, &co, "calendar")) != 0) {
            if (got < 0)
                return LINT_EXIT_USAGE;
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || lint_parse_format(value, &format) != 0)
                return lint_fail("calendar: --format takes text or json");
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return lint_fail("calendar: unknown option '%s' (see weibao-lint calendar --help)", argv[i]);
        } else if (what == NULL) {
            what = argv[i];
        } else {
            return lint_fail("calendar: give one year or one date");
        }
    }
    if (what == NULL)
        return lint_fail("calendar: give a year or a date (see weibao-lint calendar --help)");

    int year = 0;
    wb_date date = { 0 };
    int is_year = strlen(what) == 4 && strspn(what, "0123456789") == 4;
    wb_error err;
    wb_error_clear(&err);
    if (is_year)
        year = atoi(what);
    else if (wb_date_parse(&date, what, &err) != WB_OK)
        return lint_fail("calendar: %s", err.message);

    wb_calendar *cal = NULL;
    if (lint_open_calendar(&cal, &co) != 0)
        return LINT_EXIT_USAGE;
    int status = LINT_EXIT_CLEAN;
    if (is_year) {
        if (year < wb_calendar_first_year(cal) || year > wb_calendar_last_year(cal))
            status = lint_fail("calendar: %d is outside the calendar's coverage (%d-%d)",
                               year, wb_calendar_first_year(cal), wb_calendar_last_year(cal));
        else
            list_year(cal, year, format);
    } else {
        status = show_day(cal, date, format);
    }
    wb_calendar_free(cal);
    return lint_finish(status);
}

static const char *const unit_keys[] = { "days", "months", "years", "workdays" };
static const char *const unit_zh[] = { "日", "个月", "年", "个工作日" };

int lint_cmd_due(int argc, char **argv)
{
    const char *start_text = NULL, *value, *count_text = NULL;
    lint_calendar_opts co = { 0 };
    lint_format format = LINT_FORMAT_TEXT;
    wb_period_unit unit = WB_PERIOD_DAYS;
    wb_period_options opts = WB_PERIOD_OPTIONS_INIT;
    static const char *const unit_options[] = { "--days", "--months", "--years", "--workdays" };

    for (int i = 1; i < argc; i++) {
        int got = 0;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(due_usage, stdout);
            return lint_finish(LINT_EXIT_CLEAN);
        }
        if (strcmp(argv[i], "--no-move") == 0) {
            opts.move_off_rest_days = 0;
            continue;
        }
        for (int u = 0; u < 4 && got == 0; u++)
            if ((got = lint_option_value(argc, argv, &i, unit_options[u], &value)) != 0) {
                if (got < 0)
                    return lint_fail("due: %s takes a number", unit_options[u]);
                if (count_text != NULL)
                    return lint_fail("due: give one of --days, --months, --years, --workdays");
                count_text = value;
                unit = (wb_period_unit)u;
            }
        if (got != 0)
            continue;
        if ((got = lint_calendar_option(argc, argv, &i, &co, "due")) != 0) {
            if (got < 0)
                return LINT_EXIT_USAGE;
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || lint_parse_format(value, &format) != 0)
                return lint_fail("due: --format takes text or json");
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return lint_fail("due: unknown option '%s' (see weibao-lint due --help)", argv[i]);
        } else if (start_text == NULL) {
            start_text = argv[i];
        } else {
            return lint_fail("due: give one start date");
        }
    }
    if (count_text == NULL || start_text == NULL)
        return lint_fail("due: give a period and a start date (see weibao-lint due --help)");
    char *end;
    long count = strtol(count_text, &end, 10);
    if (*count_text == '\0' || *end != '\0' || count < 0 || count > 100000)
        return lint_fail("due: '%s' is not a period length (0 to 100000)", count_text);
    wb_date start;
    wb_error err;
    wb_error_clear(&err);
    if (wb_date_parse(&start, start_text, &err) != WB_OK)
        return lint_fail("due: %s", err.message);

    wb_calendar *cal = NULL;
    if (lint_open_calendar(&cal, &co) != 0)
        return LINT_EXIT_USAGE;
    wb_deadline dl;
    int status = LINT_EXIT_CLEAN;
    if (wb_period_end(&dl, cal, start, (int32_t)count, unit, &opts, &err) != WB_OK) {
        status = lint_fail("due: %s", err.message);
    } else {
        char s[WB_DATE_STRLEN], n[WB_DATE_STRLEN], e[WB_DATE_STRLEN];
        wb_date_format(s, dl.start);
        wb_date_format(n, dl.nominal_end);
        wb_date_format(e, dl.end);
        if (format == LINT_FORMAT_JSON) {
            printf("{\"start\":\"%s\",\"count\":%ld,\"unit\":\"%s\",\"due\":\"%s\","
                   "\"nominal_due\":\"%s\",\"moved\":%s,\"reason\":",
                   s, count, unit_keys[unit], e, n, dl.moved ? "true" : "false");
            lint_json_string(stdout, dl.moved ? kind_key(dl.nominal_kind) : NULL);
            fputs(",\"holiday\":", stdout);
            lint_json_string(stdout, dl.holiday);
            fputs(",\"notice\":", stdout);
            lint_json_string(stdout, dl.notice);
            printf(",\"provisional\":%s,\"projected\":%s}\n",
                   dl.provisional ? "true" : "false", dl.projected ? "true" : "false");
        } else {
            printf("%s(%s)\n", e, weekday_names[wb_date_weekday(dl.end)]);
            printf("自 %s 起(当日不计入)%ld %s", s, count, unit_zh[unit]);
            if (dl.moved) {
                printf(";原最后一日 %s(%s)是%s", n, weekday_names[wb_date_weekday(dl.nominal_end)],
                       kind_zh(dl.nominal_kind));
                if (dl.holiday != NULL)
                    printf("(%s,%s)", dl.holiday, dl.notice);
                fputs(",依《民法典》第二百零三条顺延至其后第一个工作日", stdout);
            }
            fputs("。\n", stdout);
            if (dl.projected)
                fputs("推算:结果取决于尚无通知的年份,按放假办法所定节日推算,不含调休。\n", stdout);
            else if (dl.provisional)
                fputs("暂定:结果取决于次年节假日通知可能调整的日期。\n", stdout);
        }
    }
    wb_calendar_free(cal);
    return lint_finish(status);
}
