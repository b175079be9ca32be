/*
 * fuzz_rule_pack.c - a rule pack from memory applied to the built-in
 * rules, and the same text loaded as a rule table. A set that loads makes
 * a privacy scanner (the pack's patterns compiled) that scans a line.
 */
#include "fuzz.h"

static wb_ruleset *base;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    wb_error err;
    fuzz_setup(wb_ruleset_open_default(&base, &err), &err);
    return 0;
}

static void use(const wb_ruleset *rules)
{
    static const char line[] = "备注: 被害人张小明, 电话 138 1234 5678, 学籍号 G110101201503071234\n";
    wb_error err;
    wb_privacy_scanner *scanner = NULL;
    int rc = wb_ruleset_privacy_scanner(&scanner, rules, NULL, &err);
    fuzz_failure(rc, &err);
    if (scanner == NULL)
        return;
    wb_diagnostics *findings = NULL;
    rc = wb_privacy_scan(&findings, scanner, line, sizeof(line) - 1, "line.txt", 1, &err);
    fuzz_failure(rc, &err);
    fuzz_findings(findings);
    wb_diagnostics_free(findings);
    wb_privacy_scanner_free(scanner);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wb_error err;
    wb_ruleset *rules = NULL;
    int rc = wb_ruleset_apply_pack_buffer(&rules, base, text, size, "pack.xml", &err);
    fuzz_failure(rc, &err);
    if (rules != NULL) {
        FUZZ_ASSERT(wb_ruleset_rule_count(rules) == wb_ruleset_rule_count(base));
        use(rules);
        wb_ruleset_free(rules);
    }
    rc = wb_ruleset_load_buffer(&rules, text, size, "rules.xml", &err);
    fuzz_failure(rc, &err);
    if (rules != NULL) {
        use(rules);
        wb_ruleset_free(rules);
    }
    return 0;
}
