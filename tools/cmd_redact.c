/*
 * cmd_redact.c - `weibao-lint redact FILE -o OUT`: a masked copy.
 *
 * Every identity, phone and bank card number, every name next to a case
 * word and every match of the rule pack's patterns is masked as the
 * privacy findings quote it; every other byte is copied as it was. The
 * copy is written atomically (a reader sees the old OUT or the new one)
 * and never over the input. What was masked is counted on stderr.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: weibao-lint redact FILE -o OUT [--as-of DATE] [--rules PACK]\n"
    "                          [--rule-table FILE] [--quiet]\n"
    "\n"
    "Write a copy of FILE (text, Markdown, HTML, CSV or XML; - for standard\n"
    "input) with minors' personal data masked as weibao-lint check quotes it:\n"
    "identity numbers (110105********002X), mobile and landline numbers\n"
    "(138****5678), bank card numbers (last 4 digits shown), names next to a\n"
    "case word (张**) and matches of the rule pack's patterns, also numbers\n"
    "written in groups (110101 2015 0307 123X). Nothing else changes: a\n"
    "pattern's match keeps its line breaks and its , \\t \" ' < > so that rows\n"
    "keep their cells. The copy is written atomically and never over FILE.\n"
    "\n"
    "  -o OUT            where the copy goes (- for standard output)\n"
    "  --as-of DATE      the day minors are counted on (default: today)\n"
    "  --rules PACK      a county's rule pack: its privacy patterns and case words\n"
    "  --rule-table FILE use this rule table instead of the built-in one\n"
    "  --quiet, -q       do not print what was masked (a search stopped by a\n"
    "                    limit is still reported: its line may be left whole)\n"
    "\n"
    "Exit status: 0 written, 2 usage error, unreadable input or unwritable OUT.\n";

/* "3 identity numbers, 1 phone number ..." on stderr (not with --quiet),
   the file's name masked as every other output masks it; and every
   search a limit stopped. */
static void print_counts(const char *path, const wb_diagnostics *found,
                         const wb_privacy_scanner *scanner, int quiet)
{
    static const struct {
        const char *rule, *one, *many;
    } kinds[] = {
        { "privacy-id-number", "identity number", "identity numbers" },
        { "privacy-phone", "phone number", "phone numbers" },
        { "privacy-bank-card", "bank card number", "bank card numbers" },
        { "privacy-name-case", "name", "names" },
        { "privacy-pattern", "match of a pack pattern", "matches of pack patterns" },
    };
    const char *name;
    char *masked = lint_masked(scanner, path, &name);
    char counts[512] = "";
    size_t total = 0, used = 0;
    for (size_t k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
        size_t n = 0;
        for (size_t i = 0; i < wb_diagnostics_count(found); i++)
            n += strcmp(wb_diagnostic_rule(wb_diagnostics_at(found, i)), kinds[k].rule) == 0;
        if (n > 0 && used < sizeof(counts))
            used += (size_t)snprintf(counts + used, sizeof(counts) - used, "%s %zu %s",
                                     total ? "," : "", n, n == 1 ? kinds[k].one : kinds[k].many);
        total += n;
    }
    if (!quiet) {
        fputs("redact: ", stderr);
        lint_put_text(stderr, name);
        fprintf(stderr, ":%s%s\n", counts, total ? " masked" : " nothing to mask");
    }
    /* A search stopped by a limit leaves its line unsearched: say where,
       also with --quiet, for that line may be left whole. */
    for (size_t i = 0; i < wb_diagnostics_count(found); i++) {
        const wb_diagnostic *d = wb_diagnostics_at(found, i);
        if (strcmp(wb_diagnostic_rule(d), "privacy-limit") == 0) {
            lint_put_text(stderr, name);
            fprintf(stderr, ":%d:%d: warning: ", wb_diagnostic_line(d), wb_diagnostic_column(d));
            lint_put_text(stderr, wb_diagnostic_message(d, WB_LANG_EN));
            fputs(" [privacy-limit]\n", stderr);
        }
    }
    wb_free(masked);
}

int lint_cmd_redact(int argc, char **argv)
{
    const char *input = NULL, *output = NULL, *pack = NULL, *table = NULL, *value;
    wb_date as_of = lint_today();
    int quiet = 0, got;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            return lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_option_value(argc, argv, &i, "-o", &value)) != 0 ||
                   (got = lint_option_value(argc, argv, &i, "--output", &value)) != 0) {
            if (got < 0)
                return lint_fail("redact: -o takes a file (- for standard output)");
            output = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--as-of", &value)) != 0) {
            wb_error err;
            if (got < 0 || wb_date_parse(&as_of, value, &err) != WB_OK)
                return lint_fail("redact: --as-of takes a date (2026-11-29)%s%s",
                                 got < 0 ? "" : ": ", got < 0 ? "" : err.message);
        } else if ((got = lint_option_value(argc, argv, &i, "--rules", &value)) != 0) {
            if (got < 0)
                return lint_fail("redact: --rules takes a rule pack file");
            pack = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--rule-table", &value)) != 0) {
            if (got < 0)
                return lint_fail("redact: --rule-table takes a file");
            table = value;
        } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            quiet = 1;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return lint_fail("redact: unknown option '%s' (see weibao-lint redact --help)", arg);
        } else if (input != NULL) {
            return lint_fail("redact: one file at a time ('%s' and '%s')", input, arg);
        } else {
            input = arg;
        }
    }
    if (input == NULL)
        return lint_fail("redact: no file given (see weibao-lint redact --help)");
    if (output == NULL)
        return lint_fail("redact: -o OUT is required: the copy never replaces '%s'", input);
    int to_stdout = strcmp(output, "-") == 0;
    if (!to_stdout && strcmp(input, "-") != 0 && lint_same_file(output, input))
        return lint_fail("redact: refusing to write over the input '%s'", input);

    char *data = NULL;
    size_t len = 0;
    if (lint_read_input(input, "redact", &data, &len) != 0)
        return LINT_EXIT_USAGE;
    if (memchr(data, '\0', len) != NULL) {
        free(data);
        return lint_fail("redact: '%s' is not a text file (it holds NUL bytes)", input);
    }

    wb_ruleset *rules = NULL;
    wb_privacy_scanner *scanner = NULL;
    wb_diagnostics *found = NULL;
    char *copy = NULL;
    size_t copy_len = 0;
    wb_error err;
    wb_error_clear(&err);
    int status = LINT_EXIT_USAGE;
    const char *name = strcmp(input, "-") == 0 ? "<stdin>" : input;
    if (lint_open_rules(&rules, table, pack) != 0 ||
        lint_open_privacy(&scanner, rules, as_of) != 0)
        goto out;
    if (wb_privacy_scan(&found, scanner, data, len, name, 1, &err) != WB_OK ||
        wb_privacy_redact(&copy, &copy_len, scanner, data, len, &err) != WB_OK) {
        lint_fail("redact: %s", err.message);
        goto out;
    }
    if (to_stdout) {
        fwrite(copy, 1, copy_len, stdout);
        status = lint_finish(LINT_EXIT_CLEAN);      /* written, before the counts say so */
    } else if (lint_write_atomically(output, copy, copy_len, strcmp(input, "-") ? input : NULL) == 0) {
        status = LINT_EXIT_CLEAN;
    }
    if (status == LINT_EXIT_CLEAN)
        print_counts(name, found, scanner, quiet);
    status = lint_finish(status);
out:
    wb_diagnostics_free(found);
    wb_free(copy);
    wb_privacy_scanner_free(scanner);
    wb_ruleset_free(rules);
    free(data);
    return status;
}
