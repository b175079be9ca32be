/*
 * report.c - the county's report, written from an assessment.
 *
 * One walk over the assessment per format; the text, JSON and CSV forms
 * hold the same facts as the HTML one. Strings from the inputs (unit
 * names, evidence references, messages) are escaped for the format they
 * go into. Ledger findings are quoted by their messages, which name a
 * row by its key and never carry a name or a whole identity number; the
 * finished report is masked once more by the privacy scan (finish()).
 */
#include "weibao/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "weibao/privacy.h"
#include "errors_internal.h"
#include "strbuf.h"

#define L(zh, en) (en_ ? (en) : (zh))

/* ------------------------------------------------------------ escaping */

static void put_html(wb__strbuf *b, const char *s)
{
    if (s != NULL)
        wb__strbuf_put_xml(b, s);   /* the same five characters as in XML */
}

static void put_json(wb__strbuf *b, const char *s)
{
    if (s == NULL) {
        wb__strbuf_put(b, "null");
        return;
    }
    wb__strbuf_put(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\')
            wb__strbuf_put(b, "\\%c", *p);
        else if (*p == '\n')
            wb__strbuf_put(b, "\\n");
        else if (*p < 0x20)
            wb__strbuf_put(b, "\\u%04x", *p);
        else
            wb__strbuf_put(b, "%c", *p);
    }
    wb__strbuf_put(b, "\"");
}

/* A CSV field, quoted when it holds a comma, a quote or a line break. A
   leading = + - @ is prefixed with ' so that Excel never runs it. */
static void put_csv(wb__strbuf *b, const char *s)
{
    if (s == NULL)
        s = "";
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        wb__strbuf_put(b, "\"");
    if (strchr("=+-@", s[0]) != NULL && s[0] != '\0' && !(s[0] == '-' && s[1] >= '0' && s[1] <= '9'))
        wb__strbuf_put(b, "'");
    for (; *s != '\0'; s++)
        wb__strbuf_put(b, *s == '"' ? "\"\"" : "%c", *s);
    if (quote)
        wb__strbuf_put(b, "\"");
}

static const char *points(char buf[WB_POINTS_STRLEN], int half)
{
    wb_points_format(buf, half);
    return buf;
}

/* The finished report, with every identity, phone and card number that
   the county's own text brought in (keys, notes, file names) masked: a
   report is handed on, so it never shows one whole. */
static int finish(char **out, wb__strbuf *b, wb_error *err)
{
    char *text = wb__strbuf_finish(b);
    wb_privacy_scanner *scanner = NULL;
    int rc = text == NULL ? WB_ENOMEM : wb_privacy_scanner_new(&scanner, NULL, err);
    if (rc == WB_OK)
        rc = wb_privacy_redact(out, NULL, scanner, text, strlen(text), err);
    wb_privacy_scanner_free(scanner);
    free(text);
    if (rc == WB_ENOMEM)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    return rc;
}

/* ----------------------------------------------------------- the facts */

/* The line every format starts with: what the report rests on. */
static void put_basis_text(wb__strbuf *b, const wb_assessment *a, int en_)
{
    const wb_dossier *d = wb_assessment_dossier(a);
    const wb_ruleset *rules = wb_assessment_rules(a);
    char as_of[WB_DATE_STRLEN];
    wb_date_format(as_of, wb_dossier_as_of(d));
    wb__strbuf_put(b, L("考核细则 %s · 日历 %s · 规则 %s%s%s · 核查基准日 %s\n",
                        "rubric %s · calendar %s · rules %s%s%s · as of %s\n"),
                   wb_rubric_edition(wb_assessment_rubric(a)),
                   wb_calendar_edition(wb_assessment_calendar(a)), wb_ruleset_edition(rules),
                   wb_ruleset_pack(rules) != NULL ? L(",规则包 ", ", pack ") : "",
                   wb_ruleset_pack(rules) != NULL ? wb_ruleset_pack(rules) : "", as_of);
}

static void put_result_text(wb__strbuf *b, const wb_assessment *a, int en_)
{
    char total[WB_POINTS_STRLEN], max[WB_POINTS_STRLEN];
    points(total, wb_assessment_total_half_points(a));
    points(max, wb_assessment_max_half_points(a));
    if (wb_assessment_vetoed(a))
        wb__strbuf_put(b, L("结论:一票否决(自评得分 %s / %s)", "Result: vetoed (self-assessed %s of %s)"),
                       total, max);
    else
        wb__strbuf_put(b, L("结论:自评得分 %s / %s", "Result: %s of %s points"), total, max);
}

/* --------------------------------------------------------------- text */

/* "  file:line:column: message [rule]", the column left out when unknown. */
static void text_diagnostic(wb__strbuf *b, const wb_diagnostic *dg, wb_lang lang)
{
    wb__strbuf_put(b, "  %s:%d:", wb_diagnostic_file(dg), wb_diagnostic_line(dg));
    if (wb_diagnostic_column(dg) > 0)
        wb__strbuf_put(b, "%d:", wb_diagnostic_column(dg));
    wb__strbuf_put(b, " %s [%s]\n", wb_diagnostic_message(dg, lang), wb_diagnostic_rule(dg));
}

static void text_report(wb__strbuf *b, const wb_assessment *a, wb_lang lang)
{
    int en_ = lang == WB_LANG_EN;
    const wb_dossier *d = wb_assessment_dossier(a);
    const wb_rubric *r = wb_assessment_rubric(a);
    const wb_evaluation *ev = wb_assessment_evaluation(a);
    char p1[WB_POINTS_STRLEN], p2[WB_POINTS_STRLEN];
    wb__strbuf_put(b, "%s — %s\n", wb_dossier_county(d), wb_dossier_title(d));
    put_basis_text(b, a, en_);
    put_result_text(b, a, en_);
    wb__strbuf_put(b, "\n\n%s\n", L("各项目得分", "Points per category"));
    for (size_t c = 0; c < wb_rubric_category_count(r); c++) {
        const wb_category *cat = wb_rubric_category_at(r, c);
        wb__strbuf_put(b, "  %s %s  %s / %s\n", wb_category_id(cat), wb_category_name(cat),
                       points(p1, wb_assessment_category_half_points(a, c)),
                       points(p2, wb_category_half_points(cat)));
    }
    wb__strbuf_put(b, "\n%s\n", L("负面工作清单项", "Veto items"));
    for (size_t v = 0; v < wb_rubric_veto_count(r); v++) {
        const wb_item *item = wb_rubric_veto_at(r, v);
        const char *state = !wb_assessment_veto_declared(a, v) ? L("未填报", "not declared")
                            : wb_assessment_veto_occurred(a, v) ? L("已发生", "OCCURRED")
                                                                : L("未发生", "did not occur");
        wb__strbuf_put(b, "  %s %s", wb_item_id(item), state);
        if (wb_assessment_veto_occurred(a, v)) {
            size_t k = wb_assessment_veto_declaration(a, v);
            wb_date when;
            char iso[WB_DATE_STRLEN] = "";
            if (wb_dossier_veto_date(d, k, &when) == WB_OK)
                wb_date_format(iso, when);
            wb__strbuf_put(b, " %s%s%s; %s", iso, wb_dossier_veto_description(d, k) ? " " : "",
                           wb_dossier_veto_description(d, k) ? wb_dossier_veto_description(d, k) : "",
                           L("责任单位:", "answered for by: "));
            for (size_t u = 0; u < wb_item_unit_count(item); u++)
                wb__strbuf_put(b, "%s%s", u ? L("、", ", ") : "",
                               wb_unit_name(wb_item_unit_at(item, u)));
        }
        wb__strbuf_put(b, "\n");
    }
    wb__strbuf_put(b, "\n%s\n", L("得分与台账不符的工作标准", "Standards the ledgers contradict"));
    int any = 0;
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        if (!wb_assessment_standard_flagged(a, i))
            continue;
        any = 1;
        char *worst = NULL;
        wb_result_message(&worst, wb_assessment_standard_worst(a, i), lang, NULL);
        size_t n = wb_assessment_standard_outcomes(a, i, WB_OUTCOME_VIOLATION);
        int claimed = wb_assessment_standard_claimed(a, i);
        if (en_)
            wb__strbuf_put(b, "  %s claims its full %s point%s; its rules found %zu violation%s; worst: %s\n",
                           wb_item_id(wb_rubric_standard_at(r, i)), points(p1, claimed),
                           claimed == 2 ? "" : "s", n, n == 1 ? "" : "s", worst != NULL ? worst : "");
        else
            wb__strbuf_put(b, "  %s 申报满分 %s 分,规则发现 %zu 项违反;最严重:%s\n",
                           wb_item_id(wb_rubric_standard_at(r, i)), points(p1, claimed), n,
                           worst != NULL ? worst : "");
        wb_free(worst);
    }
    if (!any)
        wb__strbuf_put(b, "  %s\n", L("无", "none"));
    const wb_diagnostics *f = wb_assessment_findings(a);
    wb__strbuf_put(b, "\n%s (%zu)\n", L("评分表问题", "Score-sheet problems"), wb_diagnostics_count(f));
    for (size_t i = 0; i < wb_diagnostics_count(f); i++)
        text_diagnostic(b, wb_diagnostics_at(f, i), lang);
    const wb_diagnostics *p = wb_evaluation_problems(ev);
    wb__strbuf_put(b, "\n%s (%zu)\n", L("台账问题", "Ledger problems"), wb_diagnostics_count(p));
    for (size_t i = 0; i < wb_diagnostics_count(p); i++)
        text_diagnostic(b, wb_diagnostics_at(p, i), lang);
    wb__strbuf_put(b, "\n%s\n", L("台账核查发现(违反、数据不足)", "Ledger findings (violations, insufficient data)"));
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++) {
        const wb_result *res = wb_evaluation_result_at(ev, i);
        wb_outcome o = wb_result_outcome(res);
        if (o != WB_OUTCOME_VIOLATION && o != WB_OUTCOME_INSUFFICIENT_DATA)
            continue;
        char *msg = NULL;
        wb_result_message(&msg, res, lang, NULL);
        if (wb_result_line(res) > 0)
            wb__strbuf_put(b, "  %s:%d: %s [%s]\n", wb_result_source(res), wb_result_line(res), msg,
                           wb_result_rule(res));
        else
            wb__strbuf_put(b, "  %s: %s [%s]\n", wb_result_source(res) ? wb_result_source(res) : "",
                           msg, wb_result_rule(res));
        wb_free(msg);
    }
    wb__strbuf_put(b, "\n%s\n", L("责任分工(单位:自评得分 / 分值,违反)", "Units (claimed / points, violations)"));
    for (size_t u = 0; u < wb_rubric_unit_count(r); u++) {
        if (wb_assessment_unit_max_half_points(a, u) == 0)
            continue;
        wb__strbuf_put(b, "  %s  %s / %s, %zu\n", wb_unit_name(wb_rubric_unit_at(r, u)),
                       points(p1, wb_assessment_unit_half_points(a, u)),
                       points(p2, wb_assessment_unit_max_half_points(a, u)),
                       wb_assessment_unit_violations(a, u));
    }
    wb__strbuf_put(b, "\n%s\n", L("各乡镇(街道)台账核查(违反、数据不足)",
                                  "Townships in the ledgers (violations, insufficient data)"));
    for (size_t t = 0; t < wb_evaluation_group_count(ev, WB_GROUP_TOWNSHIP); t++) {
        const char *name = wb_evaluation_group_name(ev, WB_GROUP_TOWNSHIP, t);
        wb__strbuf_put(b, "  %s  %zu, %zu\n", name[0] != '\0' ? name : L("(全县)", "(county-wide)"),
                       wb_evaluation_group_outcome(ev, WB_GROUP_TOWNSHIP, t, WB_OUTCOME_VIOLATION),
                       wb_evaluation_group_outcome(ev, WB_GROUP_TOWNSHIP, t, WB_OUTCOME_INSUFFICIENT_DATA));
    }
    wb__strbuf_put(b, "\n%s\n", L("依据文件(SHA-256)", "Inputs (SHA-256)"));
    for (size_t i = 0; i < wb_assessment_input_count(a); i++)
        wb__strbuf_put(b, "  %s  %s\n", wb_assessment_input_sha256(a, i)[0] != '\0'
                                            ? wb_assessment_input_sha256(a, i) : L("(无法读取)", "(unreadable)"),
                       wb_assessment_input_path(a, i));
}

/* --------------------------------------------------------------- JSON */

static void json_result(wb__strbuf *b, const wb_result *res, wb_lang lang)
{
    char *msg = NULL;
    wb_result_message(&msg, res, lang, NULL);
    wb__strbuf_put(b, "{\"rule\": ");
    put_json(b, wb_result_rule(res));
    wb__strbuf_put(b, ", \"standard\": ");
    put_json(b, wb_result_standard(res));
    wb__strbuf_put(b, ", \"outcome\": \"%s\", \"key\": ", wb_outcome_name(wb_result_outcome(res)));
    put_json(b, wb_result_key(res));
    wb__strbuf_put(b, ", \"file\": ");
    put_json(b, wb_result_source(res));
    wb__strbuf_put(b, ", \"line\": %d, \"days_late\": %d, \"message\": ", wb_result_line(res),
                   (int)wb_result_days_late(res));
    put_json(b, msg);
    wb__strbuf_put(b, "}");
    wb_free(msg);
}

static void json_diagnostics(wb__strbuf *b, const wb_diagnostics *list, wb_lang lang)
{
    wb__strbuf_put(b, "[");
    for (size_t i = 0; i < wb_diagnostics_count(list); i++) {
        const wb_diagnostic *dg = wb_diagnostics_at(list, i);
        wb__strbuf_put(b, "%s{\"file\": ", i ? ", " : "");
        put_json(b, wb_diagnostic_file(dg));
        wb__strbuf_put(b, ", \"line\": %d, \"column\": %d, \"severity\": \"%s\", \"rule\": ",
                       wb_diagnostic_line(dg), wb_diagnostic_column(dg),
                       wb_severity_name(wb_diagnostic_severity(dg)));
        put_json(b, wb_diagnostic_rule(dg));
        wb__strbuf_put(b, ", \"message\": ");
        put_json(b, wb_diagnostic_message(dg, lang));
        wb__strbuf_put(b, "}");
    }
    wb__strbuf_put(b, "]");
}

static void json_report(wb__strbuf *b, const wb_assessment *a, wb_lang lang)
{
    const wb_dossier *d = wb_assessment_dossier(a);
    const wb_rubric *r = wb_assessment_rubric(a);
    const wb_ruleset *rules = wb_assessment_rules(a);
    const wb_evaluation *ev = wb_assessment_evaluation(a);
    char p1[WB_POINTS_STRLEN], iso[WB_DATE_STRLEN];
    wb_date_format(iso, wb_dossier_as_of(d));
    wb__strbuf_put(b, "{\"county\": ");
    put_json(b, wb_dossier_county(d));
    wb__strbuf_put(b, ", \"rubric\": ");
    put_json(b, wb_rubric_edition(r));
    wb__strbuf_put(b, ", \"calendar\": ");
    put_json(b, wb_calendar_edition(wb_assessment_calendar(a)));
    wb__strbuf_put(b, ", \"rules\": ");
    put_json(b, wb_ruleset_edition(rules));
    wb__strbuf_put(b, ", \"rule_pack\": ");
    put_json(b, wb_ruleset_pack(rules));
    wb__strbuf_put(b, ", \"as_of\": \"%s\", \"vetoed\": %s, \"total\": %s",
                   iso, wb_assessment_vetoed(a) ? "true" : "false",
                   points(p1, wb_assessment_total_half_points(a)));
    wb__strbuf_put(b, ", \"max\": %s, \"categories\": [", points(p1, wb_assessment_max_half_points(a)));
    for (size_t c = 0; c < wb_rubric_category_count(r); c++) {
        const wb_category *cat = wb_rubric_category_at(r, c);
        wb__strbuf_put(b, "%s{\"id\": \"%s\", \"name\": ", c ? ", " : "", wb_category_id(cat));
        put_json(b, wb_category_name(cat));
        wb__strbuf_put(b, ", \"points\": %s", points(p1, wb_assessment_category_half_points(a, c)));
        wb__strbuf_put(b, ", \"max\": %s}", points(p1, wb_category_half_points(cat)));
    }
    wb__strbuf_put(b, "], \"vetoes\": [");
    for (size_t v = 0; v < wb_rubric_veto_count(r); v++)
        wb__strbuf_put(b, "%s{\"id\": \"%s\", \"declared\": %s, \"occurred\": %s}", v ? ", " : "",
                       wb_item_id(wb_rubric_veto_at(r, v)),
                       wb_assessment_veto_declared(a, v) ? "true" : "false",
                       wb_assessment_veto_occurred(a, v) ? "true" : "false");
    wb__strbuf_put(b, "], \"standards\": [");
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        const wb_item *item = wb_rubric_standard_at(r, i);
        int claimed = wb_assessment_standard_claimed(a, i);
        wb__strbuf_put(b, "%s{\"id\": \"%s\", \"max\": %s, \"claimed\": ", i ? ", " : "",
                       wb_item_id(item), points(p1, wb_item_half_points(item)));
        if (!wb_assessment_standard_scored(a, i))     /* -0.5 is scored, and out of range */
            wb__strbuf_put(b, "null");
        else
            wb__strbuf_put(b, "%s", points(p1, claimed));
        wb__strbuf_put(b, ", \"unit\": ");
        put_json(b, wb_assessment_standard_unit(a, i));
        wb__strbuf_put(b, ", \"evidence\": %zu, \"violations\": %zu, \"insufficient\": %zu, \"flagged\": %s, \"worst\": ",
                       wb_assessment_standard_evidence(a, i),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_VIOLATION),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_INSUFFICIENT_DATA),
                       wb_assessment_standard_flagged(a, i) ? "true" : "false");
        if (wb_assessment_standard_worst(a, i) != NULL)
            json_result(b, wb_assessment_standard_worst(a, i), lang);
        else
            wb__strbuf_put(b, "null");
        wb__strbuf_put(b, "}");
    }
    wb__strbuf_put(b, "], \"units\": [");
    int first = 1;
    for (size_t u = 0; u < wb_rubric_unit_count(r); u++) {
        if (wb_assessment_unit_max_half_points(a, u) == 0)
            continue;
        wb__strbuf_put(b, "%s{\"name\": ", first ? "" : ", ");
        first = 0;
        put_json(b, wb_unit_name(wb_rubric_unit_at(r, u)));
        wb__strbuf_put(b, ", \"points\": %s", points(p1, wb_assessment_unit_half_points(a, u)));
        wb__strbuf_put(b, ", \"max\": %s, \"violations\": %zu}",
                       points(p1, wb_assessment_unit_max_half_points(a, u)),
                       wb_assessment_unit_violations(a, u));
    }
    wb__strbuf_put(b, "], \"townships\": [");
    for (size_t t = 0; t < wb_evaluation_group_count(ev, WB_GROUP_TOWNSHIP); t++) {
        wb__strbuf_put(b, "%s{\"name\": ", t ? ", " : "");
        put_json(b, wb_evaluation_group_name(ev, WB_GROUP_TOWNSHIP, t));
        wb__strbuf_put(b, ", \"violations\": %zu}",
                       wb_evaluation_group_outcome(ev, WB_GROUP_TOWNSHIP, t, WB_OUTCOME_VIOLATION));
    }
    wb__strbuf_put(b, "], \"findings\": [");
    first = 1;
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++) {
        const wb_result *res = wb_evaluation_result_at(ev, i);
        wb_outcome o = wb_result_outcome(res);
        if (o != WB_OUTCOME_VIOLATION && o != WB_OUTCOME_INSUFFICIENT_DATA)
            continue;
        wb__strbuf_put(b, "%s", first ? "" : ", ");
        first = 0;
        json_result(b, res, lang);
    }
    wb__strbuf_put(b, "], \"sheet_problems\": ");
    json_diagnostics(b, wb_assessment_findings(a), lang);
    wb__strbuf_put(b, ", \"ledger_problems\": ");
    json_diagnostics(b, wb_evaluation_problems(ev), lang);
    wb__strbuf_put(b, ", \"inputs\": [");
    for (size_t i = 0; i < wb_assessment_input_count(a); i++) {
        wb__strbuf_put(b, "%s{\"path\": ", i ? ", " : "");
        put_json(b, wb_assessment_input_path(a, i));
        wb__strbuf_put(b, ", \"sha256\": ");
        put_json(b, wb_assessment_input_sha256(a, i));
        wb__strbuf_put(b, "}");
    }
    wb__strbuf_put(b, "]}\n");
}

/* ---------------------------------------------------------------- CSV */

static void csv_report(wb__strbuf *b, const wb_assessment *a, wb_lang lang)
{
    int en_ = lang == WB_LANG_EN;
    const wb_rubric *r = wb_assessment_rubric(a);
    char p1[WB_POINTS_STRLEN];
    wb__strbuf_put(b, "%s\r\n", L("考核标准,分值,自评得分,申报单位,佐证材料数,违反,数据不足,得分与台账不符,最严重情形",
                                  "standard,points,claimed,unit,evidence,violations,insufficient data,contradicted,worst case"));
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        const wb_item *item = wb_rubric_standard_at(r, i);
        int claimed = wb_assessment_standard_claimed(a, i);
        wb__strbuf_put(b, "%s,%s,", wb_item_id(item), points(p1, wb_item_half_points(item)));
        if (wb_assessment_standard_scored(a, i))
            wb__strbuf_put(b, "%s", points(p1, claimed));
        wb__strbuf_put(b, ",");
        put_csv(b, wb_assessment_standard_unit(a, i));
        wb__strbuf_put(b, ",%zu,%zu,%zu,%s,", wb_assessment_standard_evidence(a, i),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_VIOLATION),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_INSUFFICIENT_DATA),
                       wb_assessment_standard_flagged(a, i) ? L("是", "yes") : "");
        char *worst = NULL;
        if (wb_assessment_standard_worst(a, i) != NULL)
            wb_result_message(&worst, wb_assessment_standard_worst(a, i), lang, NULL);
        put_csv(b, worst);
        wb_free(worst);
        wb__strbuf_put(b, "\r\n");
    }
}

/* --------------------------------------------------------------- HTML */

static const char html_style[] =
    "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei',sans-serif;"
    "margin:2em auto;max-width:60em;color:#222}"
    "h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #999;margin-top:1.6em}"
    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:.2em .4em;"
    "text-align:left;vertical-align:top}th{background:#eee}"
    ".result{font-size:1.3em;padding:.5em;border:2px solid #333}.vetoed{border-color:#b00;color:#b00}"
    ".flag{color:#b00}.small{font-size:.85em;color:#555}"
    "@media print{body{margin:0;max-width:none}}";

/* The page's head and its title heading; the title is escaped. */
static void html_head(wb__strbuf *b, int en_, const char *title)
{
    wb__strbuf_put(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
                   en_ ? "en" : "zh-CN");
    put_html(b, title);
    wb__strbuf_put(b, "</title>\n<style>%s td.m{text-align:center}</style>\n</head>\n<body>\n<h1>",
                   html_style);
    put_html(b, title);
    wb__strbuf_put(b, "</h1>\n");
}

/* Points per category as horizontal bars: claimed over the category's points. */
static void html_chart(wb__strbuf *b, const wb_assessment *a, int en_)
{
    const wb_rubric *r = wb_assessment_rubric(a);
    size_t n = wb_rubric_category_count(r);
    int row = 26, label = 170, width = 400;
    char p1[WB_POINTS_STRLEN], p2[WB_POINTS_STRLEN];
    wb__strbuf_put(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                      "role=\"img\" aria-label=\"%s\">\n",
                   label + width + 90, (int)n * row + 10, L("各项目得分", "points per category"));
    for (size_t c = 0; c < n; c++) {
        const wb_category *cat = wb_rubric_category_at(r, c);
        int max = wb_category_half_points(cat), got = wb_assessment_category_half_points(a, c);
        int y = (int)c * row + 5, w = max > 0 ? got * width / max : 0;
        wb__strbuf_put(b, "<text x=\"0\" y=\"%d\" font-size=\"13\">", y + 15);
        put_html(b, wb_category_id(cat));
        wb__strbuf_put(b, " ");
        put_html(b, wb_category_name(cat));
        wb__strbuf_put(b, "</text><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"#ddd\"/>"
                          "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" fill=\"%s\"/>"
                          "<text x=\"%d\" y=\"%d\" font-size=\"13\">%s / %s</text>\n",
                       label, y, width, label, y, w, got < max ? "#c77" : "#5a5",
                       label + width + 6, y + 15, points(p1, got), points(p2, max));
    }
    wb__strbuf_put(b, "</svg>\n");
}

static void html_diagnostics(wb__strbuf *b, const wb_diagnostics *list, wb_lang lang, int en_)
{
    if (wb_diagnostics_count(list) == 0) {
        wb__strbuf_put(b, "<p>%s</p>\n", L("无", "None"));
        return;
    }
    wb__strbuf_put(b, "<table><tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", L("位置", "Where"),
                   L("问题", "Problem"), L("规则", "Rule"));
    for (size_t i = 0; i < wb_diagnostics_count(list); i++) {
        const wb_diagnostic *dg = wb_diagnostics_at(list, i);
        wb__strbuf_put(b, "<tr><td>");
        put_html(b, wb_diagnostic_file(dg));
        if (wb_diagnostic_line(dg) > 0)
            wb__strbuf_put(b, ":%d", wb_diagnostic_line(dg));
        wb__strbuf_put(b, "</td><td>");
        put_html(b, wb_diagnostic_message(dg, lang));
        wb__strbuf_put(b, "</td><td>%s</td></tr>\n", wb_diagnostic_rule(dg));
    }
    wb__strbuf_put(b, "</table>\n");
}

static void html_report(wb__strbuf *b, const wb_assessment *a, wb_lang lang)
{
    int en_ = lang == WB_LANG_EN;
    const wb_dossier *d = wb_assessment_dossier(a);
    const wb_rubric *r = wb_assessment_rubric(a);
    const wb_evaluation *ev = wb_assessment_evaluation(a);
    char p1[WB_POINTS_STRLEN], p2[WB_POINTS_STRLEN];
    wb__strbuf title = { 0 };
    wb__strbuf_put(&title, "%s — %s", wb_dossier_county(d), wb_dossier_title(d));
    char *heading = wb__strbuf_finish(&title);
    html_head(b, en_, heading != NULL ? heading : wb_dossier_county(d));
    wb_free(heading);
    wb__strbuf_put(b, "<p class=\"small\" id=\"basis\">");
    wb__strbuf basis = { 0 };
    put_basis_text(&basis, a, en_);
    char *text = wb__strbuf_finish(&basis);
    put_html(b, text);
    wb__strbuf_put(b, "</p>\n<p class=\"result%s\" id=\"result\">", wb_assessment_vetoed(a) ? " vetoed" : "");
    wb__strbuf result = { 0 };
    put_result_text(&result, a, en_);
    char *line = wb__strbuf_finish(&result);
    put_html(b, line);
    wb_free(text);
    wb_free(line);
    wb__strbuf_put(b, "</p>\n<h2 id=\"categories\">%s</h2>\n", L("各项目得分", "Points per category"));
    html_chart(b, a, en_);

    wb__strbuf_put(b, "<h2 id=\"vetoes\">%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                   L("负面工作清单项(一票否决)", "Veto items"), L("编号", "Item"),
                   L("情况", "State"), L("责任单位", "Answered for by"));
    for (size_t v = 0; v < wb_rubric_veto_count(r); v++) {
        const wb_item *item = wb_rubric_veto_at(r, v);
        int occurred = wb_assessment_veto_occurred(a, v);
        wb__strbuf_put(b, "<tr%s><td>%s</td><td>%s", occurred ? " class=\"flag\"" : "", wb_item_id(item),
                       !wb_assessment_veto_declared(a, v) ? L("未填报", "not declared")
                       : occurred ? L("已发生", "occurred") : L("未发生", "did not occur"));
        if (occurred) {
            size_t k = wb_assessment_veto_declaration(a, v);
            wb_date when;
            if (wb_dossier_veto_date(d, k, &when) == WB_OK) {
                char iso[WB_DATE_STRLEN];
                wb_date_format(iso, when);
                wb__strbuf_put(b, " %s", iso);
            }
            if (wb_dossier_veto_description(d, k) != NULL) {
                wb__strbuf_put(b, ":");
                put_html(b, wb_dossier_veto_description(d, k));
            }
        }
        wb__strbuf_put(b, "</td><td>");
        for (size_t u = 0; u < wb_item_unit_count(item); u++) {
            wb__strbuf_put(b, "%s", u ? L("、", ", ") : "");
            put_html(b, wb_unit_name(wb_item_unit_at(item, u)));
        }
        wb__strbuf_put(b, "</td></tr>\n");
    }
    wb__strbuf_put(b, "</table>\n");

    wb__strbuf_put(b, "<h2 id=\"flagged\">%s</h2>\n", L("得分与台账不符的工作标准", "Standards the ledgers contradict"));
    int any = 0;
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        if (!wb_assessment_standard_flagged(a, i))
            continue;
        if (!any)
            wb__strbuf_put(b, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                           L("工作标准", "Standard"), L("申报得分", "Claimed"), L("违反", "Violations"),
                           L("最严重情形", "Worst case"));
        any = 1;
        char *worst = NULL;
        wb_result_message(&worst, wb_assessment_standard_worst(a, i), lang, NULL);
        wb__strbuf_put(b, "<tr class=\"flag\"><td>%s</td><td>%s</td><td>%zu</td><td>",
                       wb_item_id(wb_rubric_standard_at(r, i)),
                       points(p1, wb_assessment_standard_claimed(a, i)),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_VIOLATION));
        put_html(b, worst);
        wb__strbuf_put(b, "</td></tr>\n");
        wb_free(worst);
    }
    wb__strbuf_put(b, any ? "</table>\n" : "<p>%s</p>\n", L("无", "None"));

    wb__strbuf_put(b, "<h2 id=\"standards\">%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th>"
                      "<th>%s</th><th>%s</th><th>%s</th></tr>\n",
                   L("各工作标准", "Standards"), L("工作标准", "Standard"), L("分值", "Points"),
                   L("自评得分", "Claimed"), L("申报单位", "Unit"), L("佐证", "Evidence"),
                   L("违反/数据不足", "Violations / insufficient"));
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        const wb_item *item = wb_rubric_standard_at(r, i);
        int claimed = wb_assessment_standard_claimed(a, i);
        wb__strbuf_put(b, "<tr%s><td>%s</td><td>%s</td><td>%s</td><td>",
                       wb_assessment_standard_flagged(a, i) ? " class=\"flag\"" : "",
                       wb_item_id(item), points(p1, wb_item_half_points(item)),
                       wb_assessment_standard_scored(a, i) ? points(p2, claimed)
                                                           : L("未评分", "not scored"));
        put_html(b, wb_assessment_standard_unit(a, i));
        wb__strbuf_put(b, "</td><td>%zu</td><td>%zu / %zu</td></tr>\n",
                       wb_assessment_standard_evidence(a, i),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_VIOLATION),
                       wb_assessment_standard_outcomes(a, i, WB_OUTCOME_INSUFFICIENT_DATA));
    }
    wb__strbuf_put(b, "</table>\n");

    wb__strbuf_put(b, "<h2 id=\"units\">%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                   L("责任分工表", "Units and their standards"), L("单位", "Unit"),
                   L("自评得分 / 分值", "Claimed / points"), L("违反", "Violations"));
    for (size_t u = 0; u < wb_rubric_unit_count(r); u++) {
        if (wb_assessment_unit_max_half_points(a, u) == 0)
            continue;
        wb__strbuf_put(b, "<tr><td>");
        put_html(b, wb_unit_name(wb_rubric_unit_at(r, u)));
        wb__strbuf_put(b, "</td><td>%s / %s</td><td>%zu</td></tr>\n",
                       points(p1, wb_assessment_unit_half_points(a, u)),
                       points(p2, wb_assessment_unit_max_half_points(a, u)),
                       wb_assessment_unit_violations(a, u));
    }
    wb__strbuf_put(b, "</table>\n");

    wb__strbuf_put(b, "<h2 id=\"townships\">%s</h2>\n<table><tr><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                   L("各乡镇(街道)台账核查", "Townships in the ledgers"), L("乡镇(街道)", "Township"),
                   L("违反", "Violations"), L("数据不足", "Insufficient data"));
    for (size_t t = 0; t < wb_evaluation_group_count(ev, WB_GROUP_TOWNSHIP); t++) {
        const char *name = wb_evaluation_group_name(ev, WB_GROUP_TOWNSHIP, t);
        wb__strbuf_put(b, "<tr><td>");
        put_html(b, name[0] != '\0' ? name : L("(全县)", "(county-wide)"));
        wb__strbuf_put(b, "</td><td>%zu</td><td>%zu</td></tr>\n",
                       wb_evaluation_group_outcome(ev, WB_GROUP_TOWNSHIP, t, WB_OUTCOME_VIOLATION),
                       wb_evaluation_group_outcome(ev, WB_GROUP_TOWNSHIP, t, WB_OUTCOME_INSUFFICIENT_DATA));
    }
    wb__strbuf_put(b, "</table>\n");
    wb__strbuf_put(b, "<h2 id=\"findings\">%s</h2>\n", L("台账核查发现", "Ledger findings"));
    wb__strbuf_put(b, "<table><tr><th>%s</th><th>%s</th><th>%s</th></tr>\n", L("台账位置", "Ledger line"),
                   L("发现", "Finding"), L("规则", "Rule"));
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++) {
        const wb_result *res = wb_evaluation_result_at(ev, i);
        wb_outcome o = wb_result_outcome(res);
        if (o != WB_OUTCOME_VIOLATION && o != WB_OUTCOME_INSUFFICIENT_DATA)
            continue;
        char *msg = NULL;
        wb_result_message(&msg, res, lang, NULL);
        wb__strbuf_put(b, "<tr><td>");
        put_html(b, wb_result_source(res));
        if (wb_result_line(res) > 0)
            wb__strbuf_put(b, ":%d", wb_result_line(res));
        wb__strbuf_put(b, "</td><td>");
        put_html(b, msg);
        wb__strbuf_put(b, "</td><td>%s</td></tr>\n", wb_result_rule(res));
        wb_free(msg);
    }
    wb__strbuf_put(b, "</table>\n");
    wb__strbuf_put(b, "<h2 id=\"problems\">%s</h2>\n", L("评分表与台账的问题", "Problems in the sheet and the ledgers"));
    html_diagnostics(b, wb_assessment_findings(a), lang, en_);
    html_diagnostics(b, wb_evaluation_problems(ev), lang, en_);

    wb__strbuf_put(b, "<h2 id=\"inputs\">%s</h2>\n<table><tr><th>%s</th><th>SHA-256</th></tr>\n",
                   L("依据文件", "Inputs"), L("文件", "File"));
    for (size_t i = 0; i < wb_assessment_input_count(a); i++) {
        wb__strbuf_put(b, "<tr><td>");
        put_html(b, wb_assessment_input_path(a, i));
        wb__strbuf_put(b, "</td><td><code>%s</code></td></tr>\n", wb_assessment_input_sha256(a, i));
    }
    wb__strbuf_put(b, "</table>\n</body>\n</html>\n");
}

/* ------------------------------------------------------------ entries */

int wb_report_assessment(char **out, const wb_assessment *a, wb_report_format format,
                         wb_lang lang, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_report_assessment", "out");
    *out = NULL;
    if (a == NULL)
        return wb__error_arg(err, "wb_report_assessment", "a");
    wb__strbuf b = { 0 };
    switch (format) {
    case WB_REPORT_TEXT: text_report(&b, a, lang); break;
    case WB_REPORT_JSON: json_report(&b, a, lang); break;
    case WB_REPORT_HTML: html_report(&b, a, lang); break;
    case WB_REPORT_CSV:  csv_report(&b, a, lang); break;
    default:
        return wb__error_arg(err, "wb_report_assessment", "format");
    }
    return finish(out, &b, err);
}

/* --------------------------------------------------- many, and two */

/* The standards flagged, as "2.3 8.5". */
static void put_flagged_ids(wb__strbuf *b, const wb_assessment *a)
{
    const wb_rubric *r = wb_assessment_rubric(a);
    int first = 1;
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++)
        if (wb_assessment_standard_flagged(a, i)) {
            wb__strbuf_put(b, "%s%s", first ? "" : " ", wb_item_id(wb_rubric_standard_at(r, i)));
            first = 0;
        }
}

static void put_vetoes_ids(wb__strbuf *b, const wb_assessment *a)
{
    const wb_rubric *r = wb_assessment_rubric(a);
    int first = 1;
    for (size_t v = 0; v < wb_rubric_veto_count(r); v++)
        if (wb_assessment_veto_occurred(a, v)) {
            wb__strbuf_put(b, "%s%s", first ? "" : " ", wb_item_id(wb_rubric_veto_at(r, v)));
            first = 0;
        }
}

int wb_report_table(char **out, const wb_assessment *const *list, size_t count,
                    wb_report_format format, wb_lang lang, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_report_table", "out");
    *out = NULL;
    if (list == NULL && count > 0)
        return wb__error_arg(err, "wb_report_table", "list");
    for (size_t k = 0; k < count; k++)
        if (list[k] == NULL)
            return wb__error_arg(err, "wb_report_table", "list[k]");
    int en_ = lang == WB_LANG_EN;
    wb__strbuf b = { 0 };
    char p1[WB_POINTS_STRLEN], p2[WB_POINTS_STRLEN];
    if (format == WB_REPORT_HTML)
        html_head(&b, en_, L("各县自评结果", "Counties"));
    if (format == WB_REPORT_HTML)
        wb__strbuf_put(&b, "<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                       L("县(市、区、旗)", "County"),
                       L("结论", "Result"), L("得分", "Points"), L("一票否决项", "Vetoes"),
                       L("得分与台账不符", "Contradicted"), L("台账违反", "Violations"));
    else if (format == WB_REPORT_JSON)
        wb__strbuf_put(&b, "[");
    else
        wb__strbuf_put(&b, "%s\r\n", L("县(市、区、旗),结论,得分,满分,一票否决项,得分与台账不符,台账违反",
                                       "county,result,points,max,vetoes,contradicted,violations"));
    for (size_t k = 0; k < count; k++) {
        const wb_assessment *a = list[k];
        const char *county = wb_dossier_county(wb_assessment_dossier(a));
        const char *result = wb_assessment_vetoed(a) ? L("一票否决", "vetoed") : L("通过自评", "scored");
        size_t violations = wb_evaluation_count(wb_assessment_evaluation(a), NULL, WB_OUTCOME_VIOLATION);
        points(p1, wb_assessment_total_half_points(a));
        points(p2, wb_assessment_max_half_points(a));
        wb__strbuf vetoes = { 0 }, flagged = { 0 };
        put_vetoes_ids(&vetoes, a);
        put_flagged_ids(&flagged, a);
        char *v = wb__strbuf_finish(&vetoes), *f = wb__strbuf_finish(&flagged);
        if (format == WB_REPORT_HTML) {
            wb__strbuf_put(&b, "<tr%s><td>", wb_assessment_vetoed(a) ? " class=\"flag\"" : "");
            put_html(&b, county);
            wb__strbuf_put(&b, "</td><td>%s</td><td>%s / %s</td><td>%s</td><td>%s</td><td>%zu</td></tr>\n",
                           result, p1, p2, v != NULL ? v : "", f != NULL ? f : "", violations);
        } else if (format == WB_REPORT_JSON) {
            wb__strbuf_put(&b, "%s{\"county\": ", k ? ",\n " : "");
            put_json(&b, county);
            wb__strbuf_put(&b, ", \"vetoed\": %s, \"total\": %s, \"max\": %s, \"vetoes\": ",
                           wb_assessment_vetoed(a) ? "true" : "false", p1, p2);
            put_json(&b, v);
            wb__strbuf_put(&b, ", \"contradicted\": ");
            put_json(&b, f);
            wb__strbuf_put(&b, ", \"violations\": %zu}", violations);
        } else if (format == WB_REPORT_TEXT) {
            wb__strbuf_put(&b, "%s  %s  %s / %s  %s%s  %s%s  %s %zu\n", county, result, p1, p2,
                           L("否决项:", "vetoes: "), v != NULL && v[0] ? v : "-",
                           L("不符:", "contradicted: "), f != NULL && f[0] ? f : "-",
                           L("违反", "violations"), violations);
        } else {
            put_csv(&b, county);
            wb__strbuf_put(&b, ",%s,%s,%s,%s,%s,%zu\r\n", result, p1, p2, v != NULL ? v : "",
                           f != NULL ? f : "", violations);
        }
        wb_free(v);
        wb_free(f);
    }
    if (format == WB_REPORT_HTML)
        wb__strbuf_put(&b, "</table>\n</body>\n</html>\n");
    else if (format == WB_REPORT_JSON)
        wb__strbuf_put(&b, "]\n");
    return finish(out, &b, err);
}

int wb_report_compare(char **out, const wb_assessment *before, const wb_assessment *after,
                      wb_report_format format, wb_lang lang, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_report_compare", "out");
    *out = NULL;
    if (before == NULL || after == NULL)
        return wb__error_arg(err, "wb_report_compare", before == NULL ? "before" : "after");
    const wb_rubric *r = wb_assessment_rubric(before);
    if (strcmp(wb_rubric_edition(r), wb_rubric_edition(wb_assessment_rubric(after))) != 0)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "wb_report_compare: the two assessments answer different rubric editions");
    int en_ = lang == WB_LANG_EN;
    wb__strbuf b = { 0 };
    char p1[WB_POINTS_STRLEN], p2[WB_POINTS_STRLEN], p3[WB_POINTS_STRLEN], p4[WB_POINTS_STRLEN];
    const char *name_a = wb_dossier_path(wb_assessment_dossier(before));
    const char *name_b = wb_dossier_path(wb_assessment_dossier(after));
    if (format == WB_REPORT_HTML) {
        html_head(&b, en_, L("自评比较", "Comparison"));
        wb__strbuf_put(&b, "<p>");
        put_html(&b, name_a);
        wb__strbuf_put(&b, " → ");
        put_html(&b, name_b);
        wb__strbuf_put(&b, "</p>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                       L("工作标准", "Standard"), L("得分(前)", "Points before"), L("得分(后)", "Points after"),
                       L("违反(前)", "Violations before"), L("违反(后)", "Violations after"));
    } else if (format == WB_REPORT_JSON) {
        wb__strbuf_put(&b, "{\"before\": ");
        put_json(&b, name_a);
        wb__strbuf_put(&b, ", \"after\": ");
        put_json(&b, name_b);
        wb__strbuf_put(&b, ", \"total\": [%s, %s], \"vetoed\": [%s, %s], \"changes\": [",
                       points(p1, wb_assessment_total_half_points(before)),
                       points(p2, wb_assessment_total_half_points(after)),
                       wb_assessment_vetoed(before) ? "true" : "false",
                       wb_assessment_vetoed(after) ? "true" : "false");
    } else if (format == WB_REPORT_CSV) {
        wb__strbuf_put(&b, "%s\r\n", L("工作标准,得分(前),得分(后),违反(前),违反(后)",
                                       "standard,points before,points after,violations before,violations after"));
    } else {
        wb__strbuf_put(&b, "%s → %s\n%s %s → %s\n", name_a, name_b, L("总分", "total"),
                       points(p1, wb_assessment_total_half_points(before)),
                       points(p2, wb_assessment_total_half_points(after)));
    }
    int first = 1;
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++) {
        int ca = wb_assessment_standard_claimed(before, i), cb = wb_assessment_standard_claimed(after, i);
        int ka = wb_assessment_standard_scored(before, i), kb = wb_assessment_standard_scored(after, i);
        size_t va = wb_assessment_standard_outcomes(before, i, WB_OUTCOME_VIOLATION);
        size_t vb = wb_assessment_standard_outcomes(after, i, WB_OUTCOME_VIOLATION);
        if (ca == cb && ka == kb && va == vb)
            continue;       /* only what changed */
        const char *id = wb_item_id(wb_rubric_standard_at(r, i));
        const char *sa = ka ? points(p3, ca) : "-", *sb = kb ? points(p4, cb) : "-";
        if (format == WB_REPORT_HTML)
            wb__strbuf_put(&b, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%zu</td><td>%zu</td></tr>\n",
                           id, sa, sb, va, vb);
        else if (format == WB_REPORT_JSON)
            wb__strbuf_put(&b, "%s{\"standard\": \"%s\", \"points\": [%s, %s], \"violations\": [%zu, %zu]}",
                           first ? "" : ", ", id, ca >= 0 ? sa : "null", cb >= 0 ? sb : "null", va, vb);
        else if (format == WB_REPORT_CSV)
            wb__strbuf_put(&b, "%s,%s,%s,%zu,%zu\r\n", id, ca >= 0 ? sa : "", cb >= 0 ? sb : "", va, vb);
        else
            wb__strbuf_put(&b, "  %s  %s → %s  %s %zu → %zu\n", id, sa, sb, L("违反", "violations"), va, vb);
        first = 0;
    }
    if (format == WB_REPORT_HTML)
        wb__strbuf_put(&b, "</table>\n</body>\n</html>\n");
    else if (format == WB_REPORT_JSON)
        wb__strbuf_put(&b, "]}\n");
    else if (format == WB_REPORT_TEXT && first)
        wb__strbuf_put(&b, "  %s\n", L("各工作标准无变化", "no standard changed"));
    return finish(out, &b, err);
}

int wb_report_responsibilities(char **out, const wb_rubric *r, wb_report_format format,
                               wb_lang lang, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_report_responsibilities", "out");
    *out = NULL;
    if (r == NULL)
        return wb__error_arg(err, "wb_report_responsibilities", "rubric");
    if (format != WB_REPORT_CSV && format != WB_REPORT_HTML)
        return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                             "wb_report_responsibilities: CSV or HTML only");
    int en_ = lang == WB_LANG_EN, html = format == WB_REPORT_HTML;
    wb__strbuf b = { 0 };
    if (html)
        html_head(&b, en_, L("责任分工表", "Responsibilities"));
    if (html)
        wb__strbuf_put(&b, "<p class=\"small\">%s</p>\n<table><tr><th>%s</th>",
                       L("● 直接列为责任单位;○ 经单位组(如各成员单位)负责。",
                         "● named as responsible; ○ through a group (such as 各成员单位)."),
                       L("单位", "Unit"));
    else
        wb__strbuf_put(&b, "%s", L("单位", "unit"));
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++)
        wb__strbuf_put(&b, html ? "<th>%s</th>" : ",%s", wb_item_id(wb_rubric_standard_at(r, i)));
    for (size_t v = 0; v < wb_rubric_veto_count(r); v++)
        wb__strbuf_put(&b, html ? "<th>%s</th>" : ",%s", wb_item_id(wb_rubric_veto_at(r, v)));
    wb__strbuf_put(&b, html ? "</tr>\n" : "\r\n");
    size_t items = wb_rubric_standard_count(r) + wb_rubric_veto_count(r);
    for (size_t u = 0; u < wb_rubric_unit_count(r); u++) {
        const wb_unit *unit = wb_rubric_unit_at(r, u);
        if (wb_unit_item_count(unit) == 0)
            continue;
        if (html) {
            wb__strbuf_put(&b, "<tr><td>");
            put_html(&b, wb_unit_name(unit));
            wb__strbuf_put(&b, "</td>");
        } else {
            put_csv(&b, wb_unit_name(unit));
        }
        for (size_t i = 0; i < items; i++) {
            const wb_item *item = i < wb_rubric_standard_count(r)
                                      ? wb_rubric_standard_at(r, i)
                                      : wb_rubric_veto_at(r, i - wb_rubric_standard_count(r));
            const char *mark = "";
            for (size_t k = 0; k < wb_unit_item_count(unit); k++)
                if (wb_unit_item_at(unit, k) == item)
                    mark = wb_unit_item_via_at(unit, k) != NULL ? "○" : "●";
            wb__strbuf_put(&b, html ? "<td class=\"m\">%s</td>" : ",%s", mark);
        }
        wb__strbuf_put(&b, html ? "</tr>\n" : "\r\n");
    }
    if (html)
        wb__strbuf_put(&b, "</table>\n</body>\n</html>\n");
    return finish(out, &b, err);
}
