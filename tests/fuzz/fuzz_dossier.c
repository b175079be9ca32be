/*
 * fuzz_dossier.c - a dossier from memory, named as the example county's
 * (examples/dossier/dossier.xml), so that the score sheet and ledgers it
 * names resolve to that folder's files: checked, loaded, and a loaded one
 * assessed against the built-in rubric, rules and calendar and reported
 * in every format. The files are only read.
 */
#include "fuzz.h"

#define DOSSIER_NAME WB_SOURCE_DIR "/examples/dossier/dossier.xml"

static wb_rubric *rubric;
static wb_ruleset *rules;
static wb_calendar *calendar;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    wb_error err;
    fuzz_setup(wb_rubric_open_default(&rubric, &err), &err);
    fuzz_setup(wb_ruleset_open_default(&rules, &err), &err);
    fuzz_setup(wb_calendar_open_default(&calendar, &err), &err);
    return 0;
}

static void assess(const wb_dossier *dossier)
{
    wb_error err;
    wb_assessment *a = NULL;
    int rc = wb_assessment_run(&a, dossier, rubric, rules, calendar, &err);
    fuzz_failure(rc, &err);
    if (a == NULL)
        return;
    fuzz_findings(wb_assessment_findings(a));
    fuzz_findings_masked(wb_assessment_findings(a));
    FUZZ_ASSERT(wb_assessment_total_half_points(a) <= wb_assessment_max_half_points(a));
    static const wb_report_format formats[] = { WB_REPORT_TEXT, WB_REPORT_JSON, WB_REPORT_HTML,
                                                WB_REPORT_CSV };
    for (size_t f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
        char *out = NULL;
        rc = wb_report_assessment(&out, a, formats[f], f % 2 ? WB_LANG_EN : WB_LANG_ZH, &err);
        FUZZ_ASSERT(rc == WB_OK || rc == WB_ENOMEM);
        fuzz_nothing_whole(out);
        wb_free(out);
    }
    wb_assessment_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    wb_error err;
    wb_diagnostics *findings = NULL;
    int rc = wb_dossier_check_buffer(&findings, text, size, DOSSIER_NAME, &err);
    fuzz_failure(rc, &err);
    fuzz_findings(findings);
    fuzz_findings_masked(findings);
    wb_dossier *dossier = NULL;
    rc = wb_dossier_load_buffer(&dossier, text, size, DOSSIER_NAME, &err);
    fuzz_failure(rc, &err);
    /* What loads has no error. */
    FUZZ_ASSERT(rc != WB_OK || wb_diagnostics_count_at_least(findings, WB_SEVERITY_ERROR) == 0);
    wb_diagnostics_free(findings);
    if (dossier != NULL) {
        assess(dossier);
        wb_dossier_free(dossier);
    }
    return 0;
}
