/*
 * options.c - what several subcommands open the same way: the calendar
 * (--calendar FILE, --overlay FILE..., --project YEAR), the rule set
 * (--rule-table FILE, --rules PACK), the privacy scanner and the as-of
 * date.
 */
#define _POSIX_C_SOURCE 200809L   /* localtime_r */
#include "lint.h"

#include <stdlib.h>
#include <time.h>

int lint_calendar_option(int argc, char **argv, int *i, lint_calendar_opts *o, const char *cmd)
{
    const char *value;
    int got;
    if ((got = lint_option_value(argc, argv, i, "--calendar", &value)) != 0) {
        if (got < 0)
            return lint_fail("%s: --calendar takes a file", cmd), -1;
        o->path = value;
        return 1;
    }
    if ((got = lint_option_value(argc, argv, i, "--overlay", &value)) != 0) {
        if (got < 0)
            return lint_fail("%s: --overlay takes a file", cmd), -1;
        if (o->noverlays == LINT_MAX_OVERLAYS)
            return lint_fail("%s: at most %d overlays", cmd, LINT_MAX_OVERLAYS), -1;
        o->overlays[o->noverlays++] = value;
        return 1;
    }
    if ((got = lint_option_value(argc, argv, i, "--project", &value)) != 0) {
        char *end;
        long y = got > 0 ? strtol(value, &end, 10) : 0;
        if (got < 0 || *value == '\0' || *end != '\0' || y < 1 || y > 9999)
            return lint_fail("%s: --project takes a year", cmd), -1;
        o->project = (int)y;
        return 1;
    }
    return 0;
}

int lint_open_calendar(wb_calendar **cal, const lint_calendar_opts *o)
{
    wb_error err;
    wb_error_clear(&err);
    int rc = o->path != NULL ? wb_calendar_load_file(cal, o->path, &err)
                             : wb_calendar_open_default(cal, &err);
    for (int i = 0; i < o->noverlays && rc == WB_OK; i++) {
        wb_calendar *stacked = NULL;
        rc = wb_calendar_stack_file(&stacked, *cal, o->overlays[i], &err);
        wb_calendar_free(*cal);
        *cal = stacked;
    }
    if (rc == WB_OK && o->project > 0) {
        wb_calendar *projected = NULL;
        rc = wb_calendar_project(&projected, *cal, o->project, &err);
        wb_calendar_free(*cal);
        *cal = projected;
    }
    if (rc == WB_ECOVERAGE)
        return lint_fail("%s", err.message), -1;
    return rc == WB_OK ? 0 : (lint_fail_error(&err), -1);
}

int lint_open_rules(wb_ruleset **rules, const char *table, const char *pack)
{
    wb_error err;
    wb_error_clear(&err);
    int rc = table != NULL ? wb_ruleset_load_file(rules, table, &err)
                           : wb_ruleset_open_default(rules, &err);
    if (rc == WB_OK && pack != NULL) {
        wb_ruleset *packed = NULL;
        rc = wb_ruleset_apply_pack_file(&packed, *rules, pack, &err);
        wb_ruleset_free(*rules);
        *rules = packed;
    }
    return rc == WB_OK ? 0 : (lint_fail_error(&err), -1);
}

int lint_open_privacy(wb_privacy_scanner **scanner, const wb_ruleset *rules, wb_date as_of)
{
    wb_error err;
    wb_error_clear(&err);
    wb_privacy_options options = WB_PRIVACY_OPTIONS_INIT;
    options.as_of = as_of;
    options.has_as_of = 1;
    int rc = wb_ruleset_privacy_scanner(scanner, rules, &options, &err);
    return rc == WB_OK ? 0 : (lint_fail_error(&err), -1);
}

wb_date lint_today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    wb_date d = { 0 };
    if (localtime_r(&now, &tm) != NULL)
        wb_date_from_ymd(&d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, NULL);
    return d;
}
