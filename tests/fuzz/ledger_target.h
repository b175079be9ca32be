/*
 * ledger_target.h - the body of fuzz_ledger_csv and fuzz_ledger_xml: a
 * ledger from memory, in whichever form it comes, checked against the
 * built-in rules on the built-in calendar with the privacy scan on, then
 * the rules over whole ledgers, and every result explained. Problems and
 * results quote personal data masked, never whole.
 */
#ifndef WB_FUZZ_LEDGER_TARGET_H
#define WB_FUZZ_LEDGER_TARGET_H

#include "fuzz.h"

static wb_ruleset *rules;
static wb_calendar *calendar;
static wb_privacy_scanner *scanner;
static wb_date as_of;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    wb_error err;
    fuzz_setup(wb_ruleset_open_default(&rules, &err), &err);
    fuzz_setup(wb_calendar_open_default(&calendar, &err), &err);
    fuzz_setup(wb_date_from_ymd(&as_of, 2026, 11, 29, &err), &err);
    wb_privacy_options options = WB_PRIVACY_OPTIONS_INIT;
    options.as_of = as_of;
    options.has_as_of = 1;
    fuzz_setup(wb_ruleset_privacy_scanner(&scanner, rules, &options, &err), &err);
    return 0;
}

static void fuzz_ledger(const uint8_t *data, size_t size, const char *name)
{
    const char *text = (const char *)data;
    wb_error err;
    const wb_ledger_kind *kind = NULL;
    int rc = wb_ledger_detect_buffer(&kind, text, size, &err);
    FUZZ_ASSERT(rc == WB_OK || rc == WB_ENOTFOUND || rc == WB_ENOMEM);
    wb_evaluation *ev = NULL;
    fuzz_setup(wb_evaluation_new(&ev, rules, calendar, as_of, &err), &err);
    fuzz_setup(wb_evaluation_set_privacy(ev, scanner, &err), &err);
    rc = wb_evaluation_add_buffer(ev, text, size, name, NULL, &err);
    fuzz_failure(rc, &err);
    if (rc != WB_OK)
        fuzz_nothing_whole(err.message);
    rc = wb_evaluation_finish(ev, &err);
    fuzz_failure(rc, &err);
    const wb_diagnostics *problems = wb_evaluation_problems(ev);
    fuzz_findings(problems);
    fuzz_findings_masked(problems);
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++) {
        const wb_result *r = wb_evaluation_result_at(ev, i);
        FUZZ_ASSERT(wb_result_rule(r) != NULL);
        for (int k = 0; k < 2; k++) {
            wb_lang lang = k == 0 ? WB_LANG_ZH : WB_LANG_EN;
            char *s = NULL;
            rc = wb_result_message(&s, r, lang, &err);
            fuzz_failure(rc, &err);
            fuzz_nothing_whole(s);
            wb_free(s);
            rc = wb_result_explain(&s, r, lang, &err);
            fuzz_failure(rc, &err);
            fuzz_nothing_whole(s);
            wb_free(s);
        }
    }
    wb_evaluation_free(ev);
}

#endif
