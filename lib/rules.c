/*
 * rules.c - loading the rule table and applying rule packs.
 *
 * The table (<rules>) is read like every document (document.c): parsed
 * once, validated against data/rules.xsd, then built into an arena, with
 * the checks XSD cannot say reported as findings: unique rule ids, a rule
 * the library has an evaluator for, the parameters that evaluator reads,
 * defaults inside their bounds.
 *
 * A pack (<rule-pack>) is read against a base set: the result is a deep
 * copy of the base with the pack's values, so the base stays unchanged
 * and both may be used at once. Its privacy patterns are compiled here,
 * once, only to refuse those the scan could not use; the set keeps their
 * text, and each scanner compiles its own.
 */
#include "rules_internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compliance_internal.h"
#include "document.h"
#include "embedded.h"
#include "errors_internal.h"
#include "privacy_internal.h"

#define DEFAULT_ORIGIN "<default>"

typedef struct builder {
    wb_ruleset *rs;
    const wb__xml_doc *doc;
    wb_diagnostics *diags;
    int status;
    /* The first finding of a pattern the scan cannot use: a load that
       fails on it is WB_EREGEX rather than WB_ESCHEMA. */
    const wb_diagnostic *first_regex;
} builder;

static char *attr(builder *b, const xmlNode *node, const char *name)
{
    char *v = wb__xml_attr(&b->rs->arena, node, name);
    if (v == NULL && wb__xml_has_attr(node, name))
        b->status = WB_ENOMEM;
    return v;
}

static char *text(builder *b, const xmlNode *node)
{
    char *v = wb__xml_text(&b->rs->arena, node);
    if (v == NULL)
        b->status = WB_ENOMEM;
    return v;
}

/* An xs:int attribute the schema has checked. */
static int32_t int_attr(builder *b, const xmlNode *node, const char *name)
{
    const char *v = attr(b, node, name);
    if (v == NULL)
        return 0;
    long n = strtol(v, NULL, 10);
    return n > INT32_MAX ? INT32_MAX : n < INT32_MIN ? INT32_MIN : (int32_t)n;
}

static int lang_of(builder *b, const xmlNode *node)
{
    const char *lang = attr(b, node, "lang");
    return lang != NULL && strcmp(lang, "en") == 0 ? WB_LANG_EN : WB_LANG_ZH;
}

/* Two <title> (or <reading>, <summary>) children, one per language. */
static void texts(builder *b, const xmlNode *parent, const char *name, const char *out[2])
{
    for (const xmlNode *el = wb__xml_first_element(parent, name); el != NULL;
         el = wb__xml_next_element(el, name))
        out[lang_of(b, el)] = text(b, el);
    if (b->status == WB_OK && (out[0] == NULL || out[1] == NULL))
        WB__FINDING(b, parent, WB_CHECK_RULES_LANG,
                    "<%s> must be given once in Chinese (lang=\"zh\") and once in English (lang=\"en\")",
                    "<%s> 须有中文(lang=\"zh\")和英文(lang=\"en\")各一条", name);
}

static size_t count_children(const xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (const xmlNode *el = wb__xml_first_element(parent, name); el != NULL;
         el = wb__xml_next_element(el, name))
        n++;
    return n;
}

static wb_param_unit unit_of(const char *s)
{
    static const char *const names[] = { "workdays", "days", "months", "years",
                                         "count", "percent", "flag" };
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
        if (s != NULL && strcmp(s, names[i]) == 0)
            return (wb_param_unit)i;
    return WB_PARAM_COUNT;
}

static wb_param_source source_of(const char *s)
{
    if (s != NULL && strcmp(s, "rubric") == 0)
        return WB_PARAM_FROM_RUBRIC;
    if (s != NULL && strcmp(s, "law") == 0)
        return WB_PARAM_FROM_LAW;
    return WB_PARAM_FROM_COUNTY;
}

static void build_param(builder *b, const xmlNode *el, wb_param *p)
{
    p->name = attr(b, el, "name");
    p->unit = unit_of(attr(b, el, "unit"));
    p->def = int_attr(b, el, "default");
    p->min = int_attr(b, el, "min");
    p->max = int_attr(b, el, "max");
    p->value = p->def;
    p->source = source_of(attr(b, el, "source"));
    texts(b, el, "summary", p->summary);
    if (b->status != WB_OK)
        return;
    if (p->min > p->max || p->def < p->min || p->def > p->max)
        WB__FINDING(b, el, WB_CHECK_RULES_PARAM,
                    "parameter '%s': the default %d is not within min %d and max %d",
                    "参数“%s”的默认值 %d 不在下限 %d 与上限 %d 之间",
                    p->name, (int)p->def, (int)p->min, (int)p->max);
    else if (p->unit == WB_PARAM_FLAG && (p->min < 0 || p->max > 1))
        WB__FINDING(b, el, WB_CHECK_RULES_PARAM,
                    "parameter '%s' is a flag: its bounds must lie within 0 and 1",
                    "参数“%s”为开关量,上下限须在 0 与 1 之间", p->name);
}

static void build_rule(builder *b, const xmlNode *el, wb_rule *r)
{
    int column;
    wb__xml_position(b->doc, el, &r->line, &column);
    r->id = attr(b, el, "id");
    r->ledger = attr(b, el, "ledger");
    const char *sev = attr(b, el, "severity");
    r->severity = sev != NULL && strcmp(sev, "warning") == 0 ? WB_SEVERITY_WARNING
                                                             : WB_SEVERITY_ERROR;
    texts(b, el, "title", r->title);
    texts(b, el, "reading", r->reading);
    r->basis = text(b, wb__xml_first_element(el, "basis"));
    r->standard_count = count_children(el, "standard");
    r->standards = wb__arena_calloc(&b->rs->arena, r->standard_count, sizeof(char *));
    r->param_count = count_children(el, "param");
    r->params = wb__arena_calloc(&b->rs->arena, r->param_count + 1, sizeof(wb_param));
    if (r->standards == NULL || r->params == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    size_t k = 0;
    for (const xmlNode *s = wb__xml_first_element(el, "standard"); s != NULL;
         s = wb__xml_next_element(s, "standard"))
        r->standards[k++] = attr(b, s, "ref");
    k = 0;
    for (const xmlNode *p = wb__xml_first_element(el, "param"); p != NULL && b->status == WB_OK;
         p = wb__xml_next_element(p, "param"), k++) {
        build_param(b, p, &r->params[k]);
        for (size_t j = 0; j < k && b->status == WB_OK; j++)
            if (strcmp(r->params[j].name, r->params[k].name) == 0)
                WB__FINDING(b, p, WB_CHECK_RULES_DUPLICATE,
                            "rule '%s' declares parameter '%s' twice",
                            "规则“%s”重复声明参数“%s”", r->id, r->params[k].name);
    }
    if (b->status != WB_OK)
        return;

    /* The table may describe only rules this library can evaluate, with
       every parameter the evaluator reads, on the ledger it reads. */
    r->evaluator = wb__evaluator_find(r->id);
    if (r->evaluator == NULL) {
        WB__FINDING(b, el, WB_CHECK_RULES_UNKNOWN,
                    "rule '%s' is not one this version of libweibao can evaluate",
                    "本版本 libweibao 无法执行规则“%s”", r->id);
        return;
    }
    if (strcmp(r->ledger, r->evaluator->ledger) != 0)
        WB__FINDING(b, el, WB_CHECK_RULES_UNKNOWN,
                    "rule '%s' checks the ledger '%s', not '%s'",
                    "规则“%s”核查的台账为“%s”,而非“%s”",
                    r->id, r->evaluator->ledger, r->ledger);
    for (const char *const *need = r->evaluator->params; *need != NULL; need++)
        if (wb_rule_param(r, *need) == NULL)
            WB__FINDING(b, el, WB_CHECK_RULES_PARAM,
                        "rule '%s' needs the parameter '%s'",
                        "规则“%s”缺少参数“%s”", r->id, *need);
}

static void build(builder *b, const xmlNode *root)
{
    wb_ruleset *rs = b->rs;
    rs->edition = attr(b, root, "edition");
    rs->rule_count = count_children(root, "rule");
    rs->rules = wb__arena_calloc(&rs->arena, rs->rule_count, sizeof(wb_rule));
    if (rs->rules == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    size_t k = 0;
    for (const xmlNode *el = wb__xml_first_element(root, "rule"); el != NULL && b->status == WB_OK;
         el = wb__xml_next_element(el, "rule"), k++) {
        build_rule(b, el, &rs->rules[k]);
        for (size_t j = 0; j < k && b->status == WB_OK; j++)
            if (strcmp(rs->rules[j].id, rs->rules[k].id) == 0)
                WB__FINDING(b, el, WB_CHECK_RULES_DUPLICATE,
                            "rule id '%s' is used twice (first on line %d)",
                            "规则编号“%s”重复(首次出现在第 %d 行)",
                            rs->rules[k].id, rs->rules[j].line);
    }
}

static int validate(const wb__xml_doc *doc, wb_diagnostics *diags, const char *root_name)
{
    int rc = wb__xml_validate(doc, (const char *)wb__embedded_rules_xsd,
                              wb__embedded_rules_xsd_len, diags);
    if (rc != WB_OK)
        return rc;
    const xmlNode *root = xmlDocGetRootElement(doc->doc);
    if (strcmp((const char *)root->name, root_name) != 0) {
        int line, col;
        wb__xml_position(doc, root, &line, &col);
        if (wb__diagnostics_add(diags, WB_CHECK_DOCUMENT_KIND, doc->name, line, col,
                                "expected <%s>, found <%s>", "应为 <%s>,实为 <%s>",
                                root_name, (const char *)root->name) != WB_OK)
            return WB_ENOMEM;
        return WB_ESCHEMA;
    }
    return WB_OK;
}

static int finish(builder *b, void **out)
{
    wb__diagnostics_sort(b->diags);
    int rc = b->status;
    if (rc == WB_OK && wb_diagnostics_count_at_least(b->diags, WB_SEVERITY_ERROR) > 0)
        rc = b->first_regex != NULL && wb__diagnostics_first_error(b->diags) == b->first_regex
                 ? WB_EREGEX
                 : WB_ESCHEMA;
    if (rc == WB_OK && out != NULL)
        *out = b->rs;
    else
        wb_ruleset_free(b->rs);
    return rc;
}

int wb__rules_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                   const void *context)
{
    (void)context;
    int rc = validate(doc, diags, "rules");
    if (rc != WB_OK)
        return rc;
    wb_ruleset *rs = calloc(1, sizeof(*rs));
    if (rs == NULL)
        return WB_ENOMEM;
    builder b = { rs, doc, diags, WB_OK, NULL };
    build(&b, xmlDocGetRootElement(doc->doc));
    return finish(&b, out);
}

/* ================================================================ packs */

static const char *copy(builder *b, const char *s)
{
    if (s == NULL)
        return NULL;
    char *c = wb__arena_strdup(&b->rs->arena, s);
    if (c == NULL)
        b->status = WB_ENOMEM;
    return c;
}

/* A deep copy of base into b->rs, so that the result owns all it points to. */
static void copy_base(builder *b, const wb_ruleset *base)
{
    wb_ruleset *rs = b->rs;
    rs->edition = copy(b, base->edition);
    rs->rule_count = base->rule_count;
    rs->rules = wb__arena_calloc(&rs->arena, base->rule_count, sizeof(wb_rule));
    if (rs->rules == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    for (size_t i = 0; i < base->rule_count && b->status == WB_OK; i++) {
        const wb_rule *from = &base->rules[i];
        wb_rule *r = &rs->rules[i];
        *r = *from;
        r->id = copy(b, from->id);
        r->ledger = copy(b, from->ledger);
        r->basis = copy(b, from->basis);
        for (int l = 0; l < 2; l++) {
            r->title[l] = copy(b, from->title[l]);
            r->reading[l] = copy(b, from->reading[l]);
        }
        r->standards = wb__arena_calloc(&rs->arena, from->standard_count, sizeof(char *));
        r->params = wb__arena_calloc(&rs->arena, from->param_count + 1, sizeof(wb_param));
        if (r->standards == NULL || r->params == NULL) {
            b->status = WB_ENOMEM;
            return;
        }
        for (size_t k = 0; k < from->standard_count; k++)
            r->standards[k] = copy(b, from->standards[k]);
        for (size_t k = 0; k < from->param_count; k++) {
            r->params[k] = from->params[k];
            r->params[k].name = copy(b, from->params[k].name);
            r->params[k].set_by = copy(b, from->params[k].set_by);
            for (int l = 0; l < 2; l++)
                r->params[k].summary[l] = copy(b, from->params[k].summary[l]);
        }
    }
    if (b->status != WB_OK)
        return;
    rs->pattern_count = base->pattern_count;
    rs->patterns = wb__arena_calloc(&rs->arena, base->pattern_count + 1,
                                    sizeof(wb_privacy_pattern));
    if (rs->patterns == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    for (size_t i = 0; i < base->pattern_count; i++) {
        const wb_privacy_pattern *from = &base->patterns[i];
        wb_privacy_pattern *p = &rs->patterns[i];
        p->id = copy(b, from->id);
        p->title = copy(b, from->title);
        p->text = copy(b, from->text);
        p->name = copy(b, from->name);
        p->set_by = copy(b, from->set_by);
    }
    if (base->case_words != NULL) {
        rs->case_word_count = base->case_word_count;
        rs->case_words = wb__arena_calloc(&rs->arena, base->case_word_count + 1,
                                          sizeof(char *));
        if (rs->case_words == NULL) {
            b->status = WB_ENOMEM;
            return;
        }
        for (size_t i = 0; i < base->case_word_count; i++)
            rs->case_words[i] = copy(b, base->case_words[i]);
        rs->case_words_set_by = copy(b, base->case_words_set_by);
    }
}

/* ------------------------------------------------------ privacy scan */

/* Note a finding just made as one of a pattern the scan cannot use. */
static void mark_regex(builder *b)
{
    size_t n = wb_diagnostics_count(b->diags);
    if (b->status == WB_OK && b->first_regex == NULL && n > 0)
        b->first_regex = wb_diagnostics_at(b->diags, n - 1);
}

/* Whether a pattern can be used: compiled and tried as the scan would.
   A pattern that cannot is a pack-bad-pattern finding. */
static int check_pattern(builder *b, const xmlNode *el, const char *id, const char *pattern)
{
    wb__pattern_problem problem;
    size_t offset;
    char why[256];
    if (wb__privacy_pattern_check(pattern, strlen(pattern), &problem, &offset, why,
                                  sizeof(why)) != WB_OK) {
        b->status = WB_ENOMEM;
        return 0;
    }
    switch (problem) {
    case WB__PATTERN_OK:
        return 1;
    case WB__PATTERN_EMPTY:
        WB__FINDING(b, el, WB_CHECK_PACK_PATTERN,
                    "privacy pattern '%s' is empty",
                    "隐私模式“%s”为空", id);
        break;
    case WB__PATTERN_MATCHES_EMPTY:
        WB__FINDING(b, el, WB_CHECK_PACK_PATTERN,
                    "privacy pattern '%s' matches empty text, so it would be found everywhere; "
                    "it must match at least one character",
                    "隐私模式“%s”可匹配空文本,会在任何位置命中;须至少匹配一个字符", id);
        break;
    case WB__PATTERN_BAD:
    default: {
        /* The place PCRE2 points to, in the file's own lines and columns. */
        int line, column;
        wb__xml_text_position(b->doc, el, offset, &line, &column);
        WB__FINDING_AT(b, line, column, WB_CHECK_PACK_PATTERN,
                       "privacy pattern '%s' does not compile at byte %zu of the pattern: %s",
                       "隐私模式“%s”无法编译(模式第 %zu 字节处):%s", id, offset, why);
        break;
    }
    }
    mark_regex(b);
    return 0;
}

/* The pack's <pattern>s: added to base's, or in place of base's of the
   same id (a later pack overrides an earlier one, as with parameters). */
static void apply_patterns(builder *b, const xmlNode *privacy)
{
    wb_ruleset *rs = b->rs;
    size_t n = count_children(privacy, "pattern");
    if (n == 0)
        return;
    wb_privacy_pattern *all = wb__arena_calloc(&rs->arena, rs->pattern_count + n + 1,
                                               sizeof(wb_privacy_pattern));
    if (all == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    if (rs->pattern_count > 0)
        memcpy(all, rs->patterns, rs->pattern_count * sizeof(*all));
    rs->patterns = all;
    size_t from_base = rs->pattern_count;
    for (const xmlNode *el = wb__xml_first_element(privacy, "pattern");
         el != NULL && b->status == WB_OK; el = wb__xml_next_element(el, "pattern")) {
        const char *id = attr(b, el, "id"), *title = attr(b, el, "title");
        const char *pattern = text(b, el);
        if (b->status != WB_OK)
            return;
        /* An id twice in one pack is a mistake; base's ids are replaced. */
        const xmlNode *twin = NULL;
        for (const xmlNode *e = wb__xml_first_element(privacy, "pattern"); e != el;
             e = wb__xml_next_element(e, "pattern")) {
            xmlChar *other = xmlGetProp(e, (const xmlChar *)"id");
            if (other == NULL) {
                b->status = WB_ENOMEM;
                return;
            }
            int same = strcmp((const char *)other, id) == 0;
            xmlFree(other);
            if (same) {
                twin = e;
                break;
            }
        }
        if (twin != NULL) {
            int line, column;
            wb__xml_position(b->doc, twin, &line, &column);
            WB__FINDING(b, el, WB_CHECK_PACK_PATTERN,
                        "privacy pattern id '%s' is used twice (first on line %d)",
                        "隐私模式编号“%s”重复(首次出现在第 %d 行)", id, line);
            continue;
        }
        if (!check_pattern(b, el, id, pattern))
            continue;
        size_t k = 0;
        while (k < from_base && strcmp(rs->patterns[k].id, id) != 0)
            k++;
        if (k == from_base)
            k = rs->pattern_count++;
        wb_privacy_pattern *p = &rs->patterns[k];
        size_t size = strlen(title) + strlen(id) + 4;
        char *name = wb__arena_alloc(&rs->arena, size);
        if (name == NULL) {
            b->status = WB_ENOMEM;
            return;
        }
        snprintf(name, size, "%s (%s)", title, id);
        p->id = id;
        p->title = title;
        p->text = pattern;
        p->name = name;
        p->set_by = rs->pack;
    }
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The pack's <case-words>: added to the words in force, or in their place. */
static void apply_case_words(builder *b, const xmlNode *el)
{
    wb_ruleset *rs = b->rs;
    const char *mode = attr(b, el, "mode");
    char *words = text(b, el);
    if (b->status != WB_OK)
        return;
    int replace = mode != NULL && strcmp(mode, "replace") == 0;
    const char *const *old = (const char *const *)rs->case_words;
    if (old == NULL)
        old = wb_privacy_default_case_words();
    size_t kept = 0, given = 0;
    while (!replace && old[kept] != NULL)
        kept++;
    for (size_t i = 0; words[i] != '\0'; i++)
        if (!is_blank(words[i]) && (i == 0 || is_blank(words[i - 1])))
            given++;
    const char **list = wb__arena_calloc(&rs->arena, kept + given + 1, sizeof(char *));
    if (list == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < kept; i++) {
        list[n] = copy(b, old[i]);
        if (list[n] != NULL)
            n++;
    }
    /* The words (xs:list) split in place; each kept once. */
    char *p = words;
    while (*p != '\0') {
        while (is_blank(*p))
            p++;
        if (*p == '\0')
            break;
        char *word = p;
        while (*p != '\0' && !is_blank(*p))
            p++;
        if (*p != '\0')
            *p++ = '\0';
        size_t k = 0;
        while (k < n && strcmp(list[k], word) != 0)
            k++;
        if (k == n)
            list[n++] = word;
    }
    rs->case_words = list;
    rs->case_word_count = n;
    rs->case_words_set_by = rs->pack;
}

static void apply_privacy(builder *b, const xmlNode *privacy)
{
    if (privacy == NULL)
        return;
    apply_patterns(b, privacy);
    const xmlNode *words = wb__xml_first_element(privacy, "case-words");
    if (words != NULL && b->status == WB_OK)
        apply_case_words(b, words);
}

static void apply(builder *b, const xmlNode *root)
{
    wb_ruleset *rs = b->rs;
    rs->pack = attr(b, root, "name");
    for (const xmlNode *el = wb__xml_first_element(root, "set"); el != NULL && b->status == WB_OK;
         el = wb__xml_next_element(el, "set")) {
        const char *rule_id = attr(b, el, "rule"), *name = attr(b, el, "param");
        int32_t value = int_attr(b, el, "value");
        if (b->status != WB_OK)
            return;
        wb_rule *r = (wb_rule *)wb_ruleset_rule(rs, rule_id);
        wb_param *p = r != NULL ? (wb_param *)wb_rule_param(r, name) : NULL;
        if (r == NULL)
            WB__FINDING(b, el, WB_CHECK_PACK_UNKNOWN,
                        "the rule table '%s' has no rule '%s'", "规则表“%s”中没有规则“%s”",
                        rs->edition, rule_id);
        else if (p == NULL)
            WB__FINDING(b, el, WB_CHECK_PACK_UNKNOWN,
                        "rule '%s' has no parameter '%s'", "规则“%s”没有参数“%s”",
                        rule_id, name);
        else if (p->set_by == rs->pack)
            WB__FINDING(b, el, WB_CHECK_PACK_UNKNOWN,
                        "the pack sets '%s' of rule '%s' twice", "规则包重复设置规则“%s”的参数“%s”",
                        name, rule_id);
        else if (value < p->min || value > p->max)
            WB__FINDING(b, el, WB_CHECK_PACK_VALUE,
                        "%s of rule '%s' must be between %d and %d %s; the pack sets %d",
                        "参数 %s(规则“%s”)须在 %d 至 %d(%s)之间,规则包设为 %d",
                        name, rule_id, (int)p->min, (int)p->max, wb_param_unit_name(p->unit),
                        (int)value);
        else {
            p->value = value;
            p->set_by = rs->pack;
        }
    }
    if (b->status == WB_OK)
        apply_privacy(b, wb__xml_first_element(root, "privacy"));
}

int wb__rule_pack_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                       const void *context)
{
    const wb_ruleset *given = context;
    int rc = validate(doc, diags, "rule-pack");
    if (rc != WB_OK)
        return rc;
    wb_ruleset *base = NULL;
    if (given == NULL) {
        rc = wb_ruleset_open_default(&base, NULL);
        if (rc != WB_OK)
            return rc;
    }
    wb_ruleset *rs = calloc(1, sizeof(*rs));
    if (rs == NULL) {
        wb_ruleset_free(base);
        return WB_ENOMEM;
    }
    builder b = { rs, doc, diags, WB_OK, NULL };
    copy_base(&b, base != NULL ? base : given);
    if (b.status == WB_OK)
        apply(&b, xmlDocGetRootElement(doc->doc));
    wb_ruleset_free(base);
    return finish(&b, out);
}

/* ================================================================ load */

int wb_ruleset_open_default(wb_ruleset **out, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_open_default", "out");
    void *rs = NULL;
    int rc = wb__document_load(&rs, wb__rules_read, NULL, (const char *)wb__embedded_rules_xml,
                               wb__embedded_rules_xml_len, DEFAULT_ORIGIN, err);
    *out = rs;
    return rc;
}

int wb_ruleset_load_buffer(wb_ruleset **out, const char *data, size_t len,
                           const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_load_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_ruleset_load_buffer", "data");
    void *rs = NULL;
    int rc = wb__document_load(&rs, wb__rules_read, NULL, data, len,
                               name != NULL ? name : "<buffer>", err);
    *out = rs;
    return rc;
}

int wb_ruleset_load_file(wb_ruleset **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_load_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_ruleset_load_file", "path");
    void *rs = NULL;
    int rc = wb__document_load_file(&rs, wb__rules_read, NULL, path, err);
    *out = rs;
    return rc;
}

int wb_ruleset_apply_pack_buffer(wb_ruleset **out, const wb_ruleset *base,
                                 const char *data, size_t len, const char *name,
                                 wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_apply_pack_buffer", "out");
    *out = NULL;
    if (base == NULL)
        return wb__error_arg(err, "wb_ruleset_apply_pack_buffer", "base");
    if (data == NULL)
        return wb__error_arg(err, "wb_ruleset_apply_pack_buffer", "data");
    void *rs = NULL;
    int rc = wb__document_load(&rs, wb__rule_pack_read, base, data, len,
                               name != NULL ? name : "<buffer>", err);
    *out = rs;
    return rc;
}

int wb_ruleset_apply_pack_file(wb_ruleset **out, const wb_ruleset *base,
                               const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_apply_pack_file", "out");
    *out = NULL;
    if (base == NULL)
        return wb__error_arg(err, "wb_ruleset_apply_pack_file", "base");
    if (path == NULL)
        return wb__error_arg(err, "wb_ruleset_apply_pack_file", "path");
    void *rs = NULL;
    int rc = wb__document_load_file(&rs, wb__rule_pack_read, base, path, err);
    *out = rs;
    return rc;
}

void wb_ruleset_free(wb_ruleset *rules)
{
    if (rules == NULL)
        return;
    wb__arena_dispose(&rules->arena);
    free(rules);
}

int wb_ruleset_check_file(wb_diagnostics **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_check_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_ruleset_check_file", "path");
    return wb__document_check_file(out, wb__rules_read, NULL, path, err);
}

int wb_ruleset_check_pack_file(wb_diagnostics **out, const wb_ruleset *base,
                               const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_ruleset_check_pack_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_ruleset_check_pack_file", "path");
    return wb__document_check_file(out, wb__rule_pack_read, base, path, err);
}

const char *wb_ruleset_schema(void)
{
    return (const char *)wb__embedded_rules_xsd;
}

/* =============================================================== query */

const char *wb_ruleset_edition(const wb_ruleset *rules) { return rules ? rules->edition : NULL; }
const char *wb_ruleset_pack(const wb_ruleset *rules) { return rules ? rules->pack : NULL; }
size_t wb_ruleset_rule_count(const wb_ruleset *rules) { return rules ? rules->rule_count : 0; }

const wb_rule *wb_ruleset_rule_at(const wb_ruleset *rules, size_t i)
{
    return rules != NULL && i < rules->rule_count ? &rules->rules[i] : NULL;
}

const wb_rule *wb_ruleset_rule(const wb_ruleset *rules, const char *id)
{
    if (rules == NULL || id == NULL)
        return NULL;
    for (size_t i = 0; i < rules->rule_count; i++)
        if (strcmp(rules->rules[i].id, id) == 0)
            return &rules->rules[i];
    return NULL;
}

static int lang_index(wb_lang lang) { return lang == WB_LANG_EN ? 1 : 0; }

const char *wb_rule_id(const wb_rule *rule) { return rule ? rule->id : NULL; }
const char *wb_rule_title(const wb_rule *rule, wb_lang lang) { return rule ? rule->title[lang_index(lang)] : NULL; }
const char *wb_rule_ledger(const wb_rule *rule) { return rule ? rule->ledger : NULL; }
wb_severity wb_rule_severity(const wb_rule *rule) { return rule ? rule->severity : WB_SEVERITY_ERROR; }
size_t wb_rule_standard_count(const wb_rule *rule) { return rule ? rule->standard_count : 0; }

const char *wb_rule_standard_at(const wb_rule *rule, size_t i)
{
    return rule != NULL && i < rule->standard_count ? rule->standards[i] : NULL;
}

const char *wb_rule_basis(const wb_rule *rule) { return rule ? rule->basis : NULL; }
const char *wb_rule_reading(const wb_rule *rule, wb_lang lang) { return rule ? rule->reading[lang_index(lang)] : NULL; }
size_t wb_rule_param_count(const wb_rule *rule) { return rule ? rule->param_count : 0; }

const wb_param *wb_rule_param_at(const wb_rule *rule, size_t i)
{
    return rule != NULL && i < rule->param_count ? &rule->params[i] : NULL;
}

const wb_param *wb_rule_param(const wb_rule *rule, const char *name)
{
    if (rule == NULL || name == NULL)
        return NULL;
    for (size_t i = 0; i < rule->param_count; i++)
        if (rule->params[i].name != NULL && strcmp(rule->params[i].name, name) == 0)
            return &rule->params[i];
    return NULL;
}

int32_t wb__rule_param(const wb_rule *rule, const char *name)
{
    const wb_param *p = wb_rule_param(rule, name);
    return p != NULL ? p->value : 0;
}

const char *wb_param_name(const wb_param *p) { return p ? p->name : NULL; }
wb_param_unit wb_param_unit_of(const wb_param *p) { return p ? p->unit : WB_PARAM_COUNT; }
int32_t wb_param_value(const wb_param *p) { return p ? p->value : 0; }
int32_t wb_param_default(const wb_param *p) { return p ? p->def : 0; }
int32_t wb_param_min(const wb_param *p) { return p ? p->min : 0; }
int32_t wb_param_max(const wb_param *p) { return p ? p->max : 0; }
wb_param_source wb_param_source_of(const wb_param *p) { return p ? p->source : WB_PARAM_FROM_COUNTY; }
const char *wb_param_set_by(const wb_param *p) { return p ? p->set_by : NULL; }
const char *wb_param_summary(const wb_param *p, wb_lang lang) { return p ? p->summary[lang_index(lang)] : NULL; }

size_t wb_ruleset_privacy_pattern_count(const wb_ruleset *rules)
{
    return rules != NULL ? rules->pattern_count : 0;
}

const wb_privacy_pattern *wb_ruleset_privacy_pattern_at(const wb_ruleset *rules, size_t i)
{
    return rules != NULL && i < rules->pattern_count ? &rules->patterns[i] : NULL;
}

const char *wb_privacy_pattern_id(const wb_privacy_pattern *p) { return p ? p->id : NULL; }
const char *wb_privacy_pattern_title(const wb_privacy_pattern *p) { return p ? p->title : NULL; }
const char *wb_privacy_pattern_text(const wb_privacy_pattern *p) { return p ? p->text : NULL; }
const char *wb_privacy_pattern_set_by(const wb_privacy_pattern *p) { return p ? p->set_by : NULL; }

size_t wb_ruleset_case_word_count(const wb_ruleset *rules)
{
    if (rules == NULL)
        return 0;
    if (rules->case_words != NULL)
        return rules->case_word_count;
    size_t n = 0;
    for (const char *const *w = wb_privacy_default_case_words(); *w != NULL; w++)
        n++;
    return n;
}

const char *wb_ruleset_case_word_at(const wb_ruleset *rules, size_t i)
{
    if (i >= wb_ruleset_case_word_count(rules))
        return NULL;
    return rules->case_words != NULL ? rules->case_words[i] : wb_privacy_default_case_words()[i];
}

const char *wb_ruleset_case_words_set_by(const wb_ruleset *rules)
{
    return rules != NULL ? rules->case_words_set_by : NULL;
}

int wb_ruleset_privacy_scanner(wb_privacy_scanner **out, const wb_ruleset *rules,
                               const wb_privacy_options *base, wb_error *err)
{
    static const char fn[] = "wb_ruleset_privacy_scanner";
    if (out == NULL)
        return wb__error_arg(err, fn, "out");
    *out = NULL;
    if (rules == NULL)
        return wb__error_arg(err, fn, "rules");
    if (base != NULL && base->version != WB_PRIVACY_OPTIONS_VERSION)
        return wb__error_arg(err, fn, "base->version");
    if (base != NULL && base->has_as_of && !wb_date_is_valid(base->as_of))
        return wb__error_arg(err, fn, "base->as_of");
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    if (base != NULL) {
        o.as_of = base->as_of;
        o.has_as_of = base->has_as_of;
        o.match_limit = base->match_limit;
        o.depth_limit = base->depth_limit;
    }
    o.case_words = (const char *const *)rules->case_words;   /* NULL: the built-in list */
    size_t n = rules->pattern_count;
    const char **lists = NULL;
    if (n > 0) {
        /* The patterns, then their names: two NULL-terminated lists. */
        lists = calloc(2 * (n + 1), sizeof(*lists));
        if (lists == NULL)
            return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
        for (size_t i = 0; i < n; i++) {
            lists[i] = rules->patterns[i].text;
            lists[n + 1 + i] = rules->patterns[i].name;
        }
        o.extra_patterns = lists;
        o.extra_pattern_names = lists + n + 1;
    }
    int rc = wb_privacy_scanner_new(out, &o, err);
    free(lists);
    return rc;
}

const char *wb_param_unit_name(wb_param_unit unit)
{
    switch (unit) {
    case WB_PARAM_WORKDAYS: return "workdays";
    case WB_PARAM_DAYS:     return "days";
    case WB_PARAM_MONTHS:   return "months";
    case WB_PARAM_YEARS:    return "years";
    case WB_PARAM_COUNT:    return "count";
    case WB_PARAM_PERCENT:  return "percent";
    case WB_PARAM_FLAG:     return "flag";
    }
    return "unknown";
}

const char *wb_param_source_name(wb_param_source source)
{
    switch (source) {
    case WB_PARAM_FROM_RUBRIC: return "rubric";
    case WB_PARAM_FROM_LAW:    return "law";
    case WB_PARAM_FROM_COUNTY: return "county";
    }
    return "unknown";
}
