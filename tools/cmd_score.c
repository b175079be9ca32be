/*
 * cmd_score.c - `weibao-lint score DOSSIER...`: the self-assessment.
 *
 * One dossier: its report (text, JSON, HTML or CSV). Several: one table,
 * a row a county. --compare: what changed between two dossiers.
 * --responsibilities: the units × standards matrix of the rubric. -o
 * writes the report atomically and never over any input: the dossiers,
 * their score sheets, rule packs and ledgers.
 */
#include "lint.h"

#include <stdlib.h>
#include <string.h>

static const char usage[] =
    "usage: weibao-lint score DOSSIER... [--format text|json|html|csv] [--lang zh|en]\n"
    "                         [-o FILE] [--rubric FILE] [--rule-table FILE]\n"
    "                         [--calendar FILE] [--overlay FILE]... [--project YEAR]\n"
    "                         [--read-outside-dossier]\n"
    "       weibao-lint score --compare BEFORE.xml AFTER.xml [--format ...] [-o FILE]\n"
    "       weibao-lint score --responsibilities [--format csv|html] [-o FILE]\n"
    "\n"
    "Score a county's self-assessment dossier (本级自评) against the rubric: the\n"
    "total, per category and per unit; the veto items (一票否决); the standards\n"
    "whose full points the ledgers contradict; the score sheet's problems; the\n"
    "ledgers' findings with their lines; the inputs and their SHA-256. Several\n"
    "dossiers give one table, a row a county.\n"
    "\n"
    "  --format FORMAT   text (default), json, html (one self-contained page) or\n"
    "                    csv (a row a standard; a row a county for several)\n"
    "  -o FILE           write the report to FILE atomically, never over an input\n"
    "                    (-o - writes to standard output)\n"
    "  --compare A B     per standard, what changed from dossier A to dossier B\n"
    "  --responsibilities  the responsibility matrix (责任分工表), csv or html\n"
    "  --rubric FILE     another rubric edition; --rule-table FILE another rule table\n"
    "  --read-outside-dossier\n"
    "                    read the files a dossier names even outside its folder\n"
    "                    (absolute paths, '..', links leading out); without it a\n"
    "                    dossier naming one is refused. Only for a dossier you trust\n"
    "\n"
    "Exit status: 0 clean, 1 when a dossier is vetoed, has an error in its score\n"
    "sheet or ledgers, or claims full points its ledgers contradict; 2 usage\n"
    "error or unreadable dossier.\n";

static int parse_report_format(const char *s, wb_report_format *out)
{
    static const char *const names[] = { "text", "json", "html", "csv" };
    for (int i = 0; i < 4; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (wb_report_format)i;
            return 0;
        }
    return -1;
}

/* Something worth exit status 1 in an assessment. */
static int has_findings(const wb_assessment *a)
{
    if (wb_assessment_vetoed(a) ||
        wb_diagnostics_count_at_least(wb_assessment_findings(a), WB_SEVERITY_ERROR) > 0 ||
        wb_diagnostics_count_at_least(wb_evaluation_problems(wb_assessment_evaluation(a)),
                                      WB_SEVERITY_ERROR) > 0)
        return 1;
    for (size_t i = 0; i < wb_rubric_standard_count(wb_assessment_rubric(a)); i++)
        if (wb_assessment_standard_flagged(a, i))
            return 1;
    return 0;
}

static int emit(const char *text, const char *output, wb_assessment **list, size_t n)
{
    if (output == NULL || strcmp(output, "-") == 0) {
        fputs(text, stdout);
        return 0;
    }
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < wb_assessment_input_count(list[k]); i++)
            if (lint_same_file(output, wb_assessment_input_path(list[k], i)))
                return lint_fail("score: refusing to write over the input '%s'",
                                 wb_assessment_input_path(list[k], i)), -1;
    return lint_write_atomically(output, text, strlen(text), NULL);
}

int lint_cmd_score(int argc, char **argv)
{
    const char *output = NULL, *rubric_path = NULL, *table = NULL, *value;
    wb_report_format format = WB_REPORT_TEXT;
    wb_lang lang = WB_LANG_ZH;
    int compare = 0, responsibilities = 0;
    lint_calendar_opts co = { 0 };
    wb_dossier_options dossier_opts = WB_DOSSIER_OPTIONS_INIT;
    const char **files = calloc((size_t)argc + 1, sizeof(*files));
    size_t nfiles = 0;
    if (files == NULL)
        return lint_fail("out of memory");
    int status = -1;
    for (int i = 1; i < argc && status < 0; i++) {
        int got;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            status = lint_finish(LINT_EXIT_CLEAN);
        } else if (strcmp(argv[i], "--compare") == 0) {
            compare = 1;
        } else if (strcmp(argv[i], "--responsibilities") == 0) {
            responsibilities = 1;
        } else if (strcmp(argv[i], "--read-outside-dossier") == 0) {
            dossier_opts.path_flags |= WB_PATH_ALLOW_OUTSIDE;
        } else if ((got = lint_option_value(argc, argv, &i, "-o", &value)) != 0) {
            if (got < 0)
                status = lint_fail("score: -o takes a file");
            output = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || parse_report_format(value, &format) != 0)
                status = lint_fail("score: --format takes text, json, html or csv");
        } else if ((got = lint_option_value(argc, argv, &i, "--lang", &value)) != 0) {
            if (got < 0 || lint_parse_lang(value, &lang) != 0)
                status = lint_fail("score: --lang takes zh or en");
        } else if ((got = lint_option_value(argc, argv, &i, "--rubric", &value)) != 0) {
            if (got < 0)
                status = lint_fail("score: --rubric takes a file");
            rubric_path = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--rule-table", &value)) != 0) {
            if (got < 0)
                status = lint_fail("score: --rule-table takes a file");
            table = value;
        } else if ((got = lint_calendar_option(argc, argv, &i, &co, "score")) != 0) {
            if (got < 0)
                status = LINT_EXIT_USAGE;
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            status = lint_fail("score: unknown option '%s' (see weibao-lint score --help)", argv[i]);
        } else {
            files[nfiles++] = argv[i];
        }
    }
    if (status < 0 && !responsibilities && nfiles == 0)
        status = lint_fail("score: give a dossier (see weibao-lint score --help)");
    if (status < 0 && compare && nfiles != 2)
        status = lint_fail("score: --compare takes two dossiers");
    if (status >= 0) {
        free(files);
        return status;
    }

    wb_error err;
    wb_error_clear(&err);
    wb_rubric *rubric = NULL;
    wb_ruleset *rules = NULL;
    wb_calendar *cal = NULL;
    wb_dossier **dossiers = calloc(nfiles + 1, sizeof(*dossiers));
    wb_assessment **list = calloc(nfiles + 1, sizeof(*list));
    char *text = NULL;
    int failed = 0;
    status = LINT_EXIT_CLEAN;
    if (dossiers == NULL || list == NULL) {
        status = lint_fail("out of memory");
        goto out;
    }
    if ((rubric_path != NULL ? wb_rubric_load_file(&rubric, rubric_path, &err)
                             : wb_rubric_open_default(&rubric, &err)) != WB_OK) {
        status = lint_fail_error(&err);
        goto out;
    }
    if (responsibilities) {
        if (wb_report_responsibilities(&text, rubric, format, lang, &err) != WB_OK)
            status = lint_fail("score: %s", err.message);
        else if (emit(text, output, NULL, 0) != 0)
            status = LINT_EXIT_USAGE;
        goto out;
    }
    if (lint_open_rules(&rules, table, NULL) != 0 || lint_open_calendar(&cal, &co) != 0) {
        status = LINT_EXIT_USAGE;
        goto out;
    }
    for (size_t k = 0; k < nfiles; k++) {
        if (wb_dossier_load_file_ext(&dossiers[k], files[k], &dossier_opts, &err) != WB_OK ||
            wb_assessment_run(&list[k], dossiers[k], rubric, rules, cal, &err) != WB_OK) {
            status = lint_fail_error(&err);
            goto out;
        }
        failed |= has_findings(list[k]);
    }
    int rc = compare ? wb_report_compare(&text, list[0], list[1], format, lang, &err)
             : nfiles == 1 ? wb_report_assessment(&text, list[0], format, lang, &err)
                           : wb_report_table(&text, (const wb_assessment *const *)list, nfiles,
                                             format, lang, &err);
    if (rc != WB_OK)
        status = lint_fail("score: %s", err.message);
    else if (emit(text, output, list, nfiles) != 0)
        status = LINT_EXIT_USAGE;
    else
        status = failed ? LINT_EXIT_FINDINGS : LINT_EXIT_CLEAN;
out:
    wb_free(text);
    for (size_t k = 0; list != NULL && dossiers != NULL && k < nfiles; k++) {
        wb_assessment_free(list[k]);
        wb_dossier_free(dossiers[k]);
    }
    free(list);
    free(dossiers);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
    wb_rubric_free(rubric);
    free(files);
    return lint_finish(status);
}
