/*
 * check_record.c - what an OA system does when a background-check result
 * comes in: build the record from its own database fields, check it
 * against the rules as of today (here a fixed date), and show when the
 * dismissal is due and why.
 *
 *     check_record [AS-OF]      (default 2026-03-20)
 */
#include <stdio.h>
#include <weibao/weibao.h>

static int set(wb_record *r, const char *column, const char *value)
{
    wb_error err;
    if (wb_record_set(r, column, value, &err) != WB_OK) {
        fprintf(stderr, "%s: %s\n", column, err.message);
        return -1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    wb_error err;
    wb_date as_of;
    if (wb_date_parse(&as_of, argc > 1 ? argv[1] : "2026-03-20", &err) != WB_OK) {
        fprintf(stderr, "%s\n", err.message);
        return 2;
    }
    wb_ruleset *rules = NULL;
    wb_calendar *cal = NULL;
    wb_evaluation *ev = NULL;
    wb_record *rec = NULL;
    int status = 1;
    if (wb_ruleset_open_default(&rules, &err) != WB_OK ||
        wb_calendar_open_default(&cal, &err) != WB_OK ||
        wb_evaluation_new(&ev, rules, cal, as_of, &err) != WB_OK ||
        wb_record_new(&rec, "background-checks", &err) != WB_OK) {
        fprintf(stderr, "%s\n", err.message);
        goto out;
    }
    /* Columns by English name or by the Chinese header clerks use. */
    if (set(rec, "key", "HR-2026-0142") || set(rec, "单位", "实验小学") ||
        set(rec, "category", "在职") || set(rec, "查询日期", "2026-02-06") ||
        set(rec, "result", "有") || set(rec, "结果收到日期", "2026年2月10日"))
        goto out;
    if (wb_evaluation_add_record(ev, rec, &err) != WB_OK) {
        fprintf(stderr, "%s\n", err.message);
        goto out;
    }
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++) {
        const wb_result *r = wb_evaluation_result_at(ev, i);
        if (wb_result_outcome(r) == WB_OUTCOME_NOT_APPLICABLE)
            continue;
        char *why = NULL;
        if (wb_result_explain(&why, r, WB_LANG_EN, &err) != WB_OK) {
            fprintf(stderr, "%s\n", err.message);
            goto out;
        }
        printf("%s: %s\n%s\n", wb_result_rule(r), wb_outcome_name(wb_result_outcome(r)), why);
        wb_free(why);
    }
    status = 0;
out:
    wb_record_free(rec);
    wb_evaluation_free(ev);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
    return status;
}
