/*
 * fuzz_privacy.c - the privacy scan and redaction of free text. Findings
 * quote what they found masked; the redacted text changes nothing where
 * nothing was found, and keeps every line where something was.
 */
#include "fuzz.h"

static wb_privacy_scanner *scanner;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    wb_error err;
    wb_privacy_options options = WB_PRIVACY_OPTIONS_INIT;
    fuzz_setup(wb_date_from_ymd(&options.as_of, 2026, 11, 29, &err), &err);
    options.has_as_of = 1;
    fuzz_setup(wb_privacy_scanner_new(&scanner, &options, &err), &err);
    return 0;
}

static size_t count_lines(const char *text, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    return n;
}

static size_t count_found(const wb_diagnostics *list)
{
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(list); i++)
        n += strcmp(wb_diagnostic_rule(wb_diagnostics_at(list, i)), "privacy-limit") != 0;
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wb_error err;
    wb_diagnostics *findings = NULL;
    int rc = wb_privacy_scan(&findings, scanner, text, size, "fuzz.txt", 1, &err);
    fuzz_failure(rc, &err);
    fuzz_findings(findings);
    fuzz_findings_masked(findings);
    char *redacted = NULL;
    size_t len = 0;
    rc = wb_privacy_redact(&redacted, &len, scanner, text, size, &err);
    fuzz_failure(rc, &err);
    if (rc == WB_OK) {
        FUZZ_ASSERT(redacted[len] == '\0');
        /* Nothing found, nothing changed. */
        if (count_found(findings) == 0)
            FUZZ_ASSERT(len == size && memcmp(redacted, text, size) == 0);
        /* A mask stays within its line: no line is joined or split
           (a grouped phone's separators may go: 138****5678). */
        FUZZ_ASSERT(count_lines(text, size) == count_lines(redacted, len));
    }
    wb_diagnostics_free(findings);
    wb_free(redacted);
    return 0;
}
