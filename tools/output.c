/*
 * output.c - option parsing and output helpers of weibao-lint.
 */
#include "lint.h"

#include <stdarg.h>
#include <string.h>

int lint_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("weibao-lint: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return LINT_EXIT_USAGE;
}

int lint_fail_error(const wb_error *err)
{
    if (err->source[0] != '\0' && err->line > 0)
        fprintf(stderr, "%s:%d:%d: error: %s", err->source, err->line,
                err->column, err->message);
    else
        fprintf(stderr, "weibao-lint: error: %s", err->message);
    if (err->rule[0] != '\0')
        fprintf(stderr, " [%s]", err->rule);
    fputc('\n', stderr);
    return LINT_EXIT_USAGE;
}

int lint_option_value(int argc, char **argv, int *i, const char *name,
                      const char **value)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

int lint_parse_format(const char *value, lint_format *out)
{
    if (strcmp(value, "text") == 0)
        *out = LINT_FORMAT_TEXT;
    else if (strcmp(value, "json") == 0)
        *out = LINT_FORMAT_JSON;
    else
        return -1;
    return 0;
}

int lint_parse_lang(const char *value, wb_lang *out)
{
    if (strcmp(value, "zh") == 0)
        *out = WB_LANG_ZH;
    else if (strcmp(value, "en") == 0)
        *out = WB_LANG_EN;
    else
        return -1;
    return 0;
}

void lint_json_string(FILE *out, const char *s)
{
    if (s == NULL) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        switch (*p) {
        case '"':  fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);     /* UTF-8 passes through as is */
        }
    }
    fputc('"', out);
}

void lint_print_prefix(FILE *out, const char *s, size_t max)
{
    size_t points = 0;
    const char *p = s;
    while (*p != '\0') {
        if (((unsigned char)*p & 0xC0u) != 0x80u) {
            if (points == max)
                break;
            points++;
        }
        p++;
    }
    fwrite(s, 1, (size_t)(p - s), out);
    if (*p != '\0')
        fputs("…", out);
}

int lint_finish(int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        lint_fail("cannot write the output");
        return LINT_EXIT_USAGE;
    }
    return status;
}

void lint_print_finding(const wb_diagnostic *d, lint_format format, wb_lang lang,
                        size_t *printed)
{
    const char *msg = wb_diagnostic_message(d, lang);
    const char *sev = wb_severity_name(wb_diagnostic_severity(d));
    if (format == LINT_FORMAT_JSON) {
        fputs(*printed ? ",\n " : "\n ", stdout);
        fputs("{\"file\":", stdout);
        lint_json_string(stdout, wb_diagnostic_file(d));
        fprintf(stdout, ",\"line\":%d,\"column\":%d,\"severity\":",
                wb_diagnostic_line(d), wb_diagnostic_column(d));
        lint_json_string(stdout, sev);
        fputs(",\"rule\":", stdout);
        lint_json_string(stdout, wb_diagnostic_rule(d));
        fputs(",\"message\":", stdout);
        lint_json_string(stdout, msg);
        fputc('}', stdout);
    } else if (wb_diagnostic_line(d) > 0) {
        fprintf(stdout, "%s:%d:%d: %s: %s [%s]\n", wb_diagnostic_file(d),
                wb_diagnostic_line(d), wb_diagnostic_column(d), sev, msg,
                wb_diagnostic_rule(d));
    } else {
        fprintf(stdout, "%s: %s: %s [%s]\n", wb_diagnostic_file(d), sev, msg,
                wb_diagnostic_rule(d));
    }
    (*printed)++;
}
