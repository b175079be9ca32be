/*
 * cmd_rule.c - `weibao-lint rule [ID]`: the compliance rules.
 *
 * Without an id, one line per rule: id, rubric standard, severity,
 * title. With one, the rule in full: its standard, the rubric's words,
 * how the library reads them, the ledger it checks, and each parameter
 * with its value, default, bounds and where the default comes from. With
 * --rules PACK the values are the pack's.
 */
#include "lint.h"

#include <string.h>

static const char usage[] =
    "usage: weibao-lint rule [ID] [--rules PACK] [--rule-table FILE]\n"
    "                        [--format text|json] [--lang zh|en]\n"
    "\n"
    "List the compliance rules, or explain one: the rubric standard it serves,\n"
    "the rubric's words, the reading, the ledger it checks and its parameters\n"
    "(value, default, bounds, where the default comes from).\n"
    "\n"
    "  --rules PACK        show the values a county's rule pack sets\n"
    "  --rule-table FILE   use this rule table instead of the built-in one\n"
    "  --format FORMAT     text (default) or json\n"
    "  --lang LANG         zh (default) or en\n";

static const char *source_zh(wb_param_source s)
{
    switch (s) {
    case WB_PARAM_FROM_RUBRIC: return "考核细则原文";
    case WB_PARAM_FROM_LAW:    return "法律规定";
    case WB_PARAM_FROM_COUNTY: return "县级自定(默认解读)";
    }
    return "";
}

static void standards_text(const wb_rule *r, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < wb_rule_standard_count(r); i++) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, "%s%s", i ? "," : "", wb_rule_standard_at(r, i));
    }
}

static void json_rule(const wb_rule *r, int full)
{
    fputs("{\"id\": ", stdout);
    lint_json_string(stdout, wb_rule_id(r));
    fputs(", \"standards\": [", stdout);
    for (size_t i = 0; i < wb_rule_standard_count(r); i++) {
        fputs(i ? ", " : "", stdout);
        lint_json_string(stdout, wb_rule_standard_at(r, i));
    }
    printf("], \"severity\": \"%s\", \"ledger\": ", wb_severity_name(wb_rule_severity(r)));
    lint_json_string(stdout, wb_rule_ledger(r));
    fputs(", \"title\": {\"zh\": ", stdout);
    lint_json_string(stdout, wb_rule_title(r, WB_LANG_ZH));
    fputs(", \"en\": ", stdout);
    lint_json_string(stdout, wb_rule_title(r, WB_LANG_EN));
    fputc('}', stdout);
    if (full) {
        fputs(", \"basis\": ", stdout);
        lint_json_string(stdout, wb_rule_basis(r));
        fputs(", \"reading\": {\"zh\": ", stdout);
        lint_json_string(stdout, wb_rule_reading(r, WB_LANG_ZH));
        fputs(", \"en\": ", stdout);
        lint_json_string(stdout, wb_rule_reading(r, WB_LANG_EN));
        fputs("}, \"params\": [", stdout);
        for (size_t i = 0; i < wb_rule_param_count(r); i++) {
            const wb_param *p = wb_rule_param_at(r, i);
            fputs(i ? ", {\"name\": " : "{\"name\": ", stdout);
            lint_json_string(stdout, wb_param_name(p));
            printf(", \"unit\": \"%s\", \"value\": %d, \"default\": %d, \"min\": %d, \"max\": %d, "
                   "\"source\": \"%s\", \"set_by\": ",
                   wb_param_unit_name(wb_param_unit_of(p)), (int)wb_param_value(p),
                   (int)wb_param_default(p), (int)wb_param_min(p), (int)wb_param_max(p),
                   wb_param_source_name(wb_param_source_of(p)));
            if (wb_param_set_by(p) != NULL)
                lint_json_string(stdout, wb_param_set_by(p));
            else
                fputs("null", stdout);
            fputs(", \"summary\": {\"zh\": ", stdout);
            lint_json_string(stdout, wb_param_summary(p, WB_LANG_ZH));
            fputs(", \"en\": ", stdout);
            lint_json_string(stdout, wb_param_summary(p, WB_LANG_EN));
            fputs("}}", stdout);
        }
        fputc(']', stdout);
    }
    fputc('}', stdout);
}

static void text_rule(const wb_rule *r, wb_lang lang)
{
    int en = lang == WB_LANG_EN;
    char standards[64];
    standards_text(r, standards, sizeof(standards));
    const wb_ledger_kind *kind = wb_ledger_kind_find(wb_rule_ledger(r));
    printf("%s — %s\n", wb_rule_id(r), wb_rule_title(r, lang));
    printf(en ? "  standard:  %s\n" : "  考核标准:%s\n", standards);
    printf(en ? "  ledger:    %s (%s)\n" : "  核查台账:%s(%s)\n",
           kind != NULL ? wb_ledger_kind_title(kind, lang) : wb_rule_ledger(r), wb_rule_ledger(r));
    printf(en ? "  severity:  %s\n" : "  严重程度:%s\n", wb_severity_name(wb_rule_severity(r)));
    printf(en ? "  rubric:    %s\n" : "  细则原文:%s\n", wb_rule_basis(r));
    printf(en ? "  reading:   %s\n" : "  解读:    %s\n", wb_rule_reading(r, lang));
    if (wb_rule_param_count(r) == 0)
        return;
    printf(en ? "  parameters:\n" : "  参数:\n");
    for (size_t i = 0; i < wb_rule_param_count(r); i++) {
        const wb_param *p = wb_rule_param_at(r, i);
        const char *unit = wb_param_unit_name(wb_param_unit_of(p));
        printf("    %s = %d %s  — %s\n", wb_param_name(p), (int)wb_param_value(p), unit,
               wb_param_summary(p, lang));
        if (en)
            printf("      default %d (from the %s), may be set from %d to %d%s%s\n",
                   (int)wb_param_default(p), wb_param_source_name(wb_param_source_of(p)),
                   (int)wb_param_min(p), (int)wb_param_max(p),
                   wb_param_set_by(p) != NULL ? "; set by the pack " : "",
                   wb_param_set_by(p) != NULL ? wb_param_set_by(p) : "");
        else
            printf("      默认 %d(依据:%s),可设范围 %d–%d%s%s\n", (int)wb_param_default(p),
                   source_zh(wb_param_source_of(p)), (int)wb_param_min(p), (int)wb_param_max(p),
                   wb_param_set_by(p) != NULL ? ";由规则包设置:" : "",
                   wb_param_set_by(p) != NULL ? wb_param_set_by(p) : "");
    }
}

int lint_cmd_rule(int argc, char **argv)
{
    const char *id = NULL, *pack = NULL, *table = NULL, *value;
    lint_format format = LINT_FORMAT_TEXT;
    wb_lang lang = WB_LANG_ZH;
    for (int i = 1; i < argc; i++) {
        int got;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_option_value(argc, argv, &i, "--rules", &value)) != 0) {
            if (got < 0)
                return lint_fail("rule: --rules takes a rule pack file");
            pack = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--rule-table", &value)) != 0) {
            if (got < 0)
                return lint_fail("rule: --rule-table takes a file");
            table = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || lint_parse_format(value, &format) != 0)
                return lint_fail("rule: --format takes text or json");
        } else if ((got = lint_option_value(argc, argv, &i, "--lang", &value)) != 0) {
            if (got < 0 || lint_parse_lang(value, &lang) != 0)
                return lint_fail("rule: --lang takes zh or en");
        } else if (argv[i][0] == '-' && argv[i][1] != '\0') {
            return lint_fail("rule: unknown option '%s' (see weibao-lint rule --help)", argv[i]);
        } else if (id == NULL) {
            id = argv[i];
        } else {
            return lint_fail("rule: give at most one rule id");
        }
    }
    wb_ruleset *rules = NULL;
    if (lint_open_rules(&rules, table, pack) != 0)
        return LINT_EXIT_USAGE;
    int status = LINT_EXIT_CLEAN;
    if (id != NULL) {
        const wb_rule *r = wb_ruleset_rule(rules, id);
        if (r == NULL) {
            status = lint_fail("rule: no rule '%s' (weibao-lint rule lists them)", id);
        } else if (format == LINT_FORMAT_JSON) {
            json_rule(r, 1);
            fputc('\n', stdout);
        } else {
            text_rule(r, lang);
        }
    } else {
        if (format == LINT_FORMAT_JSON)
            fputc('[', stdout);
        for (size_t i = 0; i < wb_ruleset_rule_count(rules); i++) {
            const wb_rule *r = wb_ruleset_rule_at(rules, i);
            if (format == LINT_FORMAT_JSON) {
                fputs(i ? ",\n " : "", stdout);
                json_rule(r, 1);
            } else {
                char standards[64];
                standards_text(r, standards, sizeof(standards));
                printf("%-28s %-5s %-8s %s\n", wb_rule_id(r), standards,
                       wb_severity_name(wb_rule_severity(r)), wb_rule_title(r, lang));
            }
        }
        if (format == LINT_FORMAT_JSON)
            fputs("]\n", stdout);
    }
    wb_ruleset_free(rules);
    return lint_finish(status);
}
