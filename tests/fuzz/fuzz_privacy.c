/*
 * fuzz_privacy.c - the privacy scan and redaction of free text. Findings
 * quote what they found masked; the redacted text keeps its length
 * bookkeeping, and scanned again shows no number.
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

/* The findings of numbers: identity, phone and card numbers. (A name
   masked can make a new one: in "被害人王小军曾在", 王** is masked and 曾在
   then starts a word; so names are not counted.) */
static size_t count_numbers(const wb_diagnostics *list)
{
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(list); i++) {
        const char *rule = wb_diagnostic_rule(wb_diagnostics_at(list, i));
        n += strcmp(rule, "privacy-id-number") == 0 || strcmp(rule, "privacy-phone") == 0 ||
             strcmp(rule, "privacy-bank-card") == 0;
    }
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
        wb_diagnostics *again = NULL;
        rc = wb_privacy_scan(&again, scanner, redacted, len, "redacted.txt", 1, &err);
        fuzz_failure(rc, &err);
        FUZZ_ASSERT(rc != WB_OK || count_numbers(again) == 0);
        wb_diagnostics_free(again);
    }
    wb_diagnostics_free(findings);
    wb_free(redacted);
    return 0;
}
