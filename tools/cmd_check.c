/*
 * cmd_check.c - `weibao-lint check FILE...`: validate documents and
 * check ledgers against the rules.
 *
 * A rubric, calendar or rule file is checked against its format's schema
 * and rules. A ledger (XML in urn:weibao:ledger:1, or CSV) is checked
 * row by row against the compliance rules as of a date: every result
 * worth reporting and every bad row is printed one a line, as gcc does:
 *
 *   file:line:col: severity: message [rule-id]
 *
 * A violation is reported at its rule's severity, missing data as a
 * warning, a pending deadline as a note. Columns count Unicode code
 * points. A file that cannot be read is reported on stderr and the
 * others are still checked. Results are printed as they are found, so a
 * ledger of any length is checked in bounded memory.
 */
#define _POSIX_C_SOURCE 200809L   /* localtime_r */
#include "lint.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char usage[] =
    "usage: weibao-lint check [--format text|json] [--lang zh|en]\n"
    "                         [--fail-on error|warning|note] [--as-of DATE]\n"
    "                         [--since DATE]\n"
    "                         [--rules PACK] [--rule-table FILE] [--kind KIND]\n"
    "                         [--show OUTCOMES] [--explain] [--summary]\n"
    "                         [--calendar FILE] [--overlay FILE]... FILE...\n"
    "\n"
    "Check rubric, calendar and rule files (XML; the kind is read from the root\n"
    "element) for well-formedness, the schema and the format's rules, and check\n"
    "ledgers (台账: XML, or CSV with a header row in UTF-8 or GB18030) against\n"
    "the compliance rules (weibao-lint rule lists them). FILE may be - for a\n"
    "document on standard input.\n"
    "\n"
    "  --format FORMAT   text (default): file:line:col: severity: message [rule]\n"
    "                    json: an array of {file, line, column, severity,\n"
    "                    rule, message, ...}; columns count code points\n"
    "  --lang LANG       message language: zh (default) or en\n"
    "  --fail-on LEVEL   exit 1 when a finding is at or above LEVEL (default error)\n"
    "  --as-of DATE      check deadlines as of DATE (default: today)\n"
    "  --since DATE      the assessment period's first day, for rules counted\n"
    "                    per year or quarter (default: January 1 of last year)\n"
    "  --rules PACK      apply a county's rule pack (<rule-pack>) to the rules\n"
    "  --rule-table FILE use this rule table instead of the built-in one\n"
    "  --kind KIND       the ledger kind of CSV files whose header fits several\n"
    "  --show OUTCOMES   which results to print, comma-separated: violation,\n"
    "                    pending, insufficient-data, complies, not-applicable,\n"
    "                    or all (default: violation,insufficient-data)\n"
    "  --explain         print how each printed result was reached\n"
    "  --summary         print the counts per rule, standard, unit and township\n"
    "  --calendar FILE, --overlay FILE, --project YEAR\n"
    "                    the working-day calendar (see weibao-lint calendar --help)\n"
    "\n"
    "Exit status: 0 clean, 1 findings, 2 usage error or unreadable file.\n";

typedef struct check_opts {
    lint_format format;
    wb_lang lang;
    wb_severity fail_on;
    size_t printed;     /* findings printed so far, for JSON commas */
    /* Ledgers. */
    wb_date as_of, since;
    int has_since;
    const char *pack, *table, *kind;
    lint_calendar_opts calendar;
    unsigned show;      /* bit per wb_outcome */
    int explain, summary;
    int failed;
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_evaluation *ev;
    size_t problems_shown;  /* the evaluation's problems printed so far */
} check_opts;

static int parse_severity(const char *s, wb_severity *out)
{
    if (strcmp(s, "error") == 0)
        *out = WB_SEVERITY_ERROR;
    else if (strcmp(s, "warning") == 0)
        *out = WB_SEVERITY_WARNING;
    else if (strcmp(s, "note") == 0)
        *out = WB_SEVERITY_NOTE;
    else
        return -1;
    return 0;
}

static int read_stdin(char **data, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return -1;
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, stdin)) > 0) {
        n += got;
        if (n == cap) {
            char *grown = realloc(buf, cap * 2);
            if (grown == NULL) {
                free(buf);
                return -1;
            }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(stdin)) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

/* Check one operand; returns 1 when it could not be read, else 0. */
static int check_one(const char *path, check_opts *o, int *failed)
{
    wb_error err;
    wb_error_clear(&err);
    wb_diagnostics *diags = NULL;
    int rc;
    if (strcmp(path, "-") == 0) {
        char *data;
        size_t len;
        if (read_stdin(&data, &len) != 0) {
            lint_fail("check: cannot read standard input");
            return 1;
        }
        rc = wb_check_buffer(&diags, NULL, data, len, "<stdin>", &err);
        free(data);
    } else {
        rc = wb_check_file(&diags, NULL, path, &err);
    }
    if (rc != WB_OK) {
        lint_fail("check: %s", err.message);
        return 1;
    }
    for (size_t i = 0; i < wb_diagnostics_count(diags); i++) {
        const wb_diagnostic *d = wb_diagnostics_at(diags, i);
        lint_print_finding(d, o->format, o->lang, &o->printed);
        if (wb_diagnostic_severity(d) >= o->fail_on)
            *failed = 1;
    }
    wb_diagnostics_free(diags);
    return 0;
}

/* ------------------------------------------------------------ ledgers */

static wb_severity result_severity(const wb_result *r)
{
    switch (wb_result_outcome(r)) {
    case WB_OUTCOME_VIOLATION:         return wb_result_severity(r);
    case WB_OUTCOME_INSUFFICIENT_DATA: return WB_SEVERITY_WARNING;
    default:                           return WB_SEVERITY_NOTE;
    }
}

static void json_date(const char *name, int rc, wb_date d)
{
    char iso[WB_DATE_STRLEN];
    printf(",\"%s\":", name);
    if (rc == WB_OK) {
        wb_date_format(iso, d);
        printf("\"%s\"", iso);
    } else {
        fputs("null", stdout);
    }
}

/* Print the bad rows found since the last call, so that they appear in
   row order among the results. */
static void print_problems(check_opts *o)
{
    const wb_diagnostics *problems = wb_evaluation_problems(o->ev);
    for (; o->problems_shown < wb_diagnostics_count(problems); o->problems_shown++) {
        const wb_diagnostic *d = wb_diagnostics_at(problems, o->problems_shown);
        lint_print_finding(d, o->format, o->lang, &o->printed);
        if (wb_diagnostic_severity(d) >= o->fail_on)
            o->failed = 1;
    }
}

/* Print one result as it is found. */
static int print_result(const wb_result *r, void *payload)
{
    check_opts *o = payload;
    print_problems(o);
    wb_outcome outcome = wb_result_outcome(r);
    if (!(o->show & (1u << outcome)))
        return 0;
    wb_severity sev = result_severity(r);
    if (sev >= o->fail_on)
        o->failed = 1;
    char *msg = NULL, *why = NULL;
    if (wb_result_message(&msg, r, o->lang, NULL) != WB_OK ||
        (o->explain && wb_result_explain(&why, r, o->lang, NULL) != WB_OK)) {
        wb_free(msg);
        return WB_ENOMEM;
    }
    const char *file = wb_result_source(r) != NULL ? wb_result_source(r) : "<record>";
    if (o->format == LINT_FORMAT_JSON) {
        fputs(o->printed ? ",\n " : "\n ", stdout);
        fputs("{\"file\":", stdout);
        lint_json_string(stdout, file);
        printf(",\"line\":%d,\"column\":%d,\"severity\":\"%s\",\"rule\":",
               wb_result_line(r), wb_result_line(r) > 0 ? 1 : 0, wb_severity_name(sev));
        lint_json_string(stdout, wb_result_rule(r));
        fputs(",\"standard\":", stdout);
        lint_json_string(stdout, wb_result_standard(r));
        printf(",\"outcome\":\"%s\",\"key\":", wb_outcome_name(outcome));
        lint_json_string(stdout, wb_result_key(r));
        fputs(",\"unit\":", stdout);
        lint_json_string(stdout, wb_result_unit(r));
        fputs(",\"township\":", stdout);
        lint_json_string(stdout, wb_result_township(r));
        wb_date d;
        json_date("due", wb_result_due(r, &d), d);
        json_date("done", wb_result_done(r, &d), d);
        printf(",\"days_late\":%d,\"days_left\":%d,\"provisional\":%s,\"missing\":",
               (int)wb_result_days_late(r), (int)wb_result_days_left(r),
               wb_result_provisional(r) ? "true" : "false");
        lint_json_string(stdout, wb_result_missing(r));
        fputs(",\"message\":", stdout);
        lint_json_string(stdout, msg);
        if (why != NULL) {
            fputs(",\"explanation\":", stdout);
            lint_json_string(stdout, why);
        }
        fputc('}', stdout);
    } else {
        if (wb_result_line(r) > 0)
            printf("%s:%d:1: %s: %s [%s]\n", file, wb_result_line(r), wb_severity_name(sev), msg,
                   wb_result_rule(r));
        else
            printf("%s: %s: %s [%s]\n", file, wb_severity_name(sev), msg, wb_result_rule(r));
        if (why != NULL) {
            /* The explanation's first line repeats the message's subject. */
            const char *rest = strchr(why, '\n');
            for (const char *p = rest; p != NULL && *p != '\0';) {
                const char *nl = strchr(p + 1, '\n');
                size_t n = nl != NULL ? (size_t)(nl - p - 1) : strlen(p + 1);
                printf("    %.*s\n", (int)n, p + 1);
                p = nl;
            }
        }
    }
    o->printed++;
    wb_free(msg);
    wb_free(why);
    return 0;
}

/* The rules, calendar and evaluation, opened at the first ledger. */
static int start_evaluation(check_opts *o)
{
    if (o->ev != NULL)
        return 0;
    if (lint_open_rules(&o->rules, o->table, o->pack) != 0 ||
        lint_open_calendar(&o->cal, &o->calendar) != 0)
        return -1;
    wb_error err;
    if (wb_evaluation_new(&o->ev, o->rules, o->cal, o->as_of, &err) != WB_OK ||
        (o->has_since && wb_evaluation_set_period(o->ev, o->since, &err) != WB_OK))
        return lint_fail("check: %s", err.message), -1;
    wb_evaluation_on_result(o->ev, print_result, o);
    return 0;
}

/* Check one ledger; returns 1 when it could not be read, else 0. */
static int check_ledger(const char *path, check_opts *o)
{
    if (start_evaluation(o) != 0)
        return 1;
    wb_error err;
    wb_error_clear(&err);
    int rc = wb_evaluation_add_file(o->ev, path, o->kind, &err);
    print_problems(o);
    if (rc == WB_EIO || rc == WB_ENOMEM || rc == WB_EINVAL || rc == WB_ERROR) {
        lint_fail("check: %s", err.message);
        return 1;
    }
    return 0;
}

static void print_summary(const check_opts *o)
{
    static const wb_grouping groups[] = { WB_GROUP_RULE, WB_GROUP_STANDARD, WB_GROUP_UNIT,
                                          WB_GROUP_TOWNSHIP };
    static const char *const names[] = { "rules", "standards", "units", "townships" };
    static const char *const titles[][2] = { { "规则", "rule" }, { "考核标准", "standard" },
                                             { "单位", "unit" }, { "乡镇(街道)", "township" } };
    int en = o->lang == WB_LANG_EN;
    if (o->format == LINT_FORMAT_JSON) {
        printf("\"records\":%zu", wb_evaluation_record_count(o->ev));
        for (size_t g = 0; g < 4; g++) {
            printf(",\"%s\":[", names[g]);
            for (size_t i = 0; i < wb_evaluation_group_count(o->ev, groups[g]); i++) {
                fputs(i ? ",{\"name\":" : "{\"name\":", stdout);
                lint_json_string(stdout, wb_evaluation_group_name(o->ev, groups[g], i));
                for (int k = 0; k < WB_OUTCOME_COUNT; k++)
                    printf(",\"%s\":%zu", wb_outcome_name((wb_outcome)k),
                           wb_evaluation_group_outcome(o->ev, groups[g], i, (wb_outcome)k));
                fputc('}', stdout);
            }
            fputc(']', stdout);
        }
        return;
    }
    char as_of[WB_DATE_STRLEN];
    wb_date_format(as_of, o->as_of);
    printf(en ? "\nsummary as of %s: %zu records checked\n" : "\n汇总(核查基准日 %s):共核查 %zu 条记录\n",
           as_of, wb_evaluation_record_count(o->ev));
    for (size_t g = 0; g < 4; g++) {
        lint_print_padded(stdout, titles[g][en], 30);
        for (int k = 0; k < WB_OUTCOME_COUNT; k++) {
            fputc(' ', stdout);
            lint_print_padded(stdout, wb_outcome_title((wb_outcome)k, o->lang), 10);
        }
        fputc('\n', stdout);
        for (size_t i = 0; i < wb_evaluation_group_count(o->ev, groups[g]); i++) {
            const char *name = wb_evaluation_group_name(o->ev, groups[g], i);
            fputs("  ", stdout);
            lint_print_padded(stdout, name[0] != '\0' ? name : "-", 28);
            for (int k = 0; k < WB_OUTCOME_COUNT; k++)
                printf(" %-10zu", wb_evaluation_group_outcome(o->ev, groups[g], i, (wb_outcome)k));
            fputc('\n', stdout);
        }
    }
}

static int parse_show(const char *value, unsigned *show)
{
    *show = 0;
    const char *p = value;
    while (*p != '\0') {
        size_t n = strcspn(p, ",");
        int found = 0;
        if (n == 3 && strncmp(p, "all", 3) == 0) {
            *show = (1u << WB_OUTCOME_COUNT) - 1;
            found = 1;
        }
        for (int k = 0; k < WB_OUTCOME_COUNT && !found; k++) {
            const char *name = wb_outcome_name((wb_outcome)k);
            if (strlen(name) == n && strncmp(p, name, n) == 0) {
                *show |= 1u << k;
                found = 1;
            }
        }
        if (!found)
            return -1;
        p += n;
        if (*p == ',')
            p++;
    }
    return *show != 0 ? 0 : -1;
}

static wb_date today(void)
{
    time_t now = time(NULL);
    struct tm tm;
    wb_date d = { 0 };
    if (localtime_r(&now, &tm) != NULL)
        wb_date_from_ymd(&d, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, NULL);
    return d;
}

int lint_cmd_check(int argc, char **argv)
{
    check_opts o;
    memset(&o, 0, sizeof(o));
    o.format = LINT_FORMAT_TEXT;
    o.lang = WB_LANG_ZH;
    o.fail_on = WB_SEVERITY_ERROR;
    o.as_of = today();
    o.show = (1u << WB_OUTCOME_VIOLATION) | (1u << WB_OUTCOME_INSUFFICIENT_DATA);
    const char *value;
    const char **files = calloc((size_t)argc, sizeof(*files));
    size_t nfiles = 0;
    if (files == NULL)
        return lint_fail("out of memory");

    int status = -1;
    for (int i = 1; i < argc && status < 0; i++) {
        const char *arg = argv[i];
        int got;
        if (strcmp(arg, "--") == 0) {
            while (++i < argc)
                files[nfiles++] = argv[i];
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            status = lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || lint_parse_format(value, &o.format) != 0)
                status = lint_fail("check: --format takes text or json");
        } else if ((got = lint_option_value(argc, argv, &i, "--lang", &value)) != 0) {
            if (got < 0 || lint_parse_lang(value, &o.lang) != 0)
                status = lint_fail("check: --lang takes zh or en");
        } else if ((got = lint_option_value(argc, argv, &i, "--fail-on", &value)) != 0) {
            if (got < 0 || parse_severity(value, &o.fail_on) != 0)
                status = lint_fail("check: --fail-on takes error, warning or note");
        } else if ((got = lint_option_value(argc, argv, &i, "--as-of", &value)) != 0) {
            wb_error err;
            if (got < 0 || wb_date_parse(&o.as_of, value, &err) != WB_OK)
                status = lint_fail("check: --as-of takes a date (2026-11-29)%s%s",
                                   got < 0 ? "" : ": ", got < 0 ? "" : err.message);
        } else if ((got = lint_option_value(argc, argv, &i, "--since", &value)) != 0) {
            wb_error err;
            if (got < 0 || wb_date_parse(&o.since, value, &err) != WB_OK)
                status = lint_fail("check: --since takes a date (2025-01-01)%s%s",
                                   got < 0 ? "" : ": ", got < 0 ? "" : err.message);
            o.has_since = 1;
        } else if ((got = lint_option_value(argc, argv, &i, "--rules", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --rules takes a rule pack file");
            o.pack = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--rule-table", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --rule-table takes a file");
            o.table = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--kind", &value)) != 0) {
            if (got < 0 || wb_ledger_kind_find(value) == NULL)
                status = lint_fail("check: --kind takes a ledger kind (background-checks, ...)");
            o.kind = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--show", &value)) != 0) {
            if (got < 0 || parse_show(value, &o.show) != 0)
                status = lint_fail("check: --show takes outcomes: violation, pending, "
                                   "insufficient-data, complies, not-applicable, or all");
        } else if (strcmp(arg, "--explain") == 0) {
            o.explain = 1;
        } else if (strcmp(arg, "--summary") == 0) {
            o.summary = 1;
        } else if ((got = lint_calendar_option(argc, argv, &i, &o.calendar, "check")) != 0) {
            if (got < 0)
                status = LINT_EXIT_USAGE;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            status = lint_fail("check: unknown option '%s' (see weibao-lint check --help)", arg);
        } else {
            files[nfiles++] = arg;
        }
    }
    if (status < 0 && nfiles == 0)
        status = lint_fail("check: no file given (see weibao-lint check --help)");
    if (status >= 0) {
        free(files);
        return status;
    }

    int failed = 0, unreadable = 0;
    int json_object = o.format == LINT_FORMAT_JSON && o.summary;
    if (o.format == LINT_FORMAT_JSON)
        fputs(json_object ? "{\"findings\":[" : "[", stdout);
    /* The county's directory (townships, units) goes in first, so that
       rows naming a township or unit it lacks are found in every file. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nfiles; i++) {
            const wb_ledger_kind *kind = NULL;
            int is_ledger = strcmp(files[i], "-") != 0 &&
                            wb_ledger_detect_file(&kind, files[i], NULL) == WB_OK;
            const char *name = kind != NULL ? wb_ledger_kind_name(kind) : "";
            int directory = strcmp(name, "townships") == 0 || strcmp(name, "units") == 0;
            if (directory != (pass == 0))
                continue;
            unreadable |= is_ledger ? check_ledger(files[i], &o) : check_one(files[i], &o, &failed);
        }
    if (o.ev != NULL) {
        /* The rules over whole ledgers, now that every file is in. */
        wb_error err;
        wb_error_clear(&err);
        int rc = wb_evaluation_finish(o.ev, &err);
        print_problems(&o);
        if (rc != WB_OK && rc != WB_ECOVERAGE) {
            lint_fail("check: %s", err.message);
            unreadable = 1;
        }
    }
    if (o.format == LINT_FORMAT_JSON)
        fputs(o.printed ? "\n]" : "]", stdout);
    if (o.summary && o.ev != NULL) {
        if (json_object)
            fputc(',', stdout);
        print_summary(&o);
    }
    if (o.format == LINT_FORMAT_JSON)
        fputs(json_object ? "}\n" : "\n", stdout);
    free(files);
    failed |= o.failed;
    wb_evaluation_free(o.ev);
    wb_calendar_free(o.cal);
    wb_ruleset_free(o.rules);

    if (unreadable)
        return lint_finish(LINT_EXIT_USAGE);
    return lint_finish(failed ? LINT_EXIT_FINDINGS : LINT_EXIT_CLEAN);
}
