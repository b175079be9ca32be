/*
 * cmd_check.c - `weibao-lint check FILE...`: validate documents.
 *
 * Each file is checked against its format's schema and rules, and every
 * finding printed one a line, as gcc does:
 *
 *   file:line:col: severity: message [rule-id]
 *
 * Columns count Unicode code points. A file that cannot be read is
 * reported on stderr and the others are still checked.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: weibao-lint check [--format text|json] [--lang zh|en]\n"
    "                         [--fail-on error|warning|note] FILE...\n"
    "\n"
    "Check rubric and calendar files (XML; the kind is read from the root\n"
    "element) for well-formedness, the schema and the format's rules.\n"
    "FILE may be - for standard input.\n"
    "\n"
    "  --format FORMAT   text (default): file:line:col: severity: message [rule]\n"
    "                    json: an array of {file, line, column, severity,\n"
    "                    rule, message}; columns count code points\n"
    "  --lang LANG       message language: zh (default) or en\n"
    "  --fail-on LEVEL   exit 1 when a finding is at or above LEVEL (default error)\n"
    "\n"
    "Exit status: 0 clean, 1 findings, 2 usage error or unreadable file.\n";

typedef struct check_opts {
    lint_format format;
    wb_lang lang;
    wb_severity fail_on;
    size_t printed;     /* findings printed so far, for JSON commas */
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

int lint_cmd_check(int argc, char **argv)
{
    check_opts o = { LINT_FORMAT_TEXT, WB_LANG_ZH, WB_SEVERITY_ERROR, 0 };
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
    if (o.format == LINT_FORMAT_JSON)
        fputc('[', stdout);
    for (size_t i = 0; i < nfiles; i++)
        unreadable |= check_one(files[i], &o, &failed);
    if (o.format == LINT_FORMAT_JSON)
        fputs(o.printed ? "\n]\n" : "]\n", stdout);
    free(files);

    if (unreadable)
        return lint_finish(LINT_EXIT_USAGE);
    return lint_finish(failed ? LINT_EXIT_FINDINGS : LINT_EXIT_CLEAN);
}
