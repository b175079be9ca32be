/*
 * test_rules.c - a rule pack's <privacy>: patterns compiled when the pack
 * is applied and refused with their place when they cannot be used, case
 * words added or replaced, packs applied on packs, and the scanner a rule
 * set makes, whose findings name each pattern by its title and id.
 */
#include "runner.h"

#include <stdlib.h>
#include <weibao/weibao.h>

#define PACK_HEAD \
    "<?xml version='1.0' encoding='UTF-8'?>\n" \
    "<rule-pack xmlns='urn:weibao:rules:1' format='1' name='%s'>\n" \
    "  <title>t</title>\n"
#define PACK_TAIL "</rule-pack>\n"

/* Identity number of someone born 2008-11-30 (a minor on 2026-11-29). */
#define MINOR_ID "110105200811300015"

static wb_ruleset *base_rules(void)
{
    wb_ruleset *rs = NULL;
    wb_error err;
    if (wb_ruleset_open_default(&rs, &err) != WB_OK)
        fail_msg("default rules: %s", err.message);
    return rs;
}

/* Apply a pack whose <rule-pack> content after the title is body. */
static int apply(wb_ruleset **out, const wb_ruleset *base, const char *name, const char *body,
                 wb_error *err)
{
    char doc[4096];
    int n = snprintf(doc, sizeof(doc), PACK_HEAD "%s" PACK_TAIL, name, body);
    assert_true(n > 0 && (size_t)n < sizeof(doc));
    return wb_ruleset_apply_pack_buffer(out, base, doc, (size_t)n, "pack.xml", err);
}

static wb_ruleset *applied(const wb_ruleset *base, const char *name, const char *body)
{
    wb_ruleset *rs = NULL;
    wb_error err;
    if (apply(&rs, base, name, body, &err) != WB_OK)
        fail_msg("pack: %s", err.message);
    assert_non_null(rs);
    return rs;
}

static wb_diagnostics *scan(const wb_privacy_scanner *s, const char *text)
{
    wb_diagnostics *d = NULL;
    wb_error err;
    if (wb_privacy_scan(&d, s, text, strlen(text), "note.txt", 1, &err) != WB_OK)
        fail_msg("scan: %s", err.message);
    return d;
}

static size_t count_rule(const wb_diagnostics *d, const char *rule)
{
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(d); i++)
        if (strcmp(wb_diagnostic_rule(wb_diagnostics_at(d, i)), rule) == 0)
            n++;
    return n;
}

static const wb_diagnostic *only(const wb_diagnostics *d, const char *rule)
{
    const wb_diagnostic *x = NULL;
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(d); i++)
        if (strcmp(wb_diagnostic_rule(wb_diagnostics_at(d, i)), rule) == 0 && n++ == 0)
            x = wb_diagnostics_at(d, i);
    if (n != 1)
        fail_msg("%zu findings of %s, expected 1", n, rule);
    return x;
}

static void assert_contains(const char *haystack, const char *needle)
{
    if (haystack == NULL || strstr(haystack, needle) == NULL)
        fail_msg("'%s' does not contain '%s'", haystack ? haystack : "(null)", needle);
}

static int has_word(const wb_ruleset *rs, const char *word)
{
    for (size_t i = 0; i < wb_ruleset_case_word_count(rs); i++)
        if (strcmp(wb_ruleset_case_word_at(rs, i), word) == 0)
            return 1;
    return 0;
}

static size_t builtin_count(void)
{
    size_t n = 0;
    while (wb_privacy_default_case_words()[n] != NULL)
        n++;
    return n;
}

/* ------------------------------------------------------------- defaults */

static void test_rules__default_has_no_patterns_and_the_builtin_words(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    assert_int_equal(wb_ruleset_privacy_pattern_count(rs), 0);
    assert_null(wb_ruleset_privacy_pattern_at(rs, 0));
    assert_true(builtin_count() > 20);
    assert_int_equal(wb_ruleset_case_word_count(rs), builtin_count());
    for (size_t i = 0; i < builtin_count(); i++)
        assert_string_equal(wb_ruleset_case_word_at(rs, i), wb_privacy_default_case_words()[i]);
    assert_null(wb_ruleset_case_word_at(rs, builtin_count()));
    assert_null(wb_ruleset_case_words_set_by(rs));
    assert_true(has_word(rs, "被害人"));

    /* A pack without <privacy> changes neither. */
    wb_ruleset *packed =
        applied(rs, "p", "<set rule='staff-requery' param='every' value='6'/>\n");
    assert_int_equal(wb_ruleset_privacy_pattern_count(packed), 0);
    assert_int_equal(wb_ruleset_case_word_count(packed), builtin_count());
    assert_null(wb_ruleset_case_words_set_by(packed));
    wb_ruleset_free(packed);
    wb_ruleset_free(rs);
}

/* ---------------------------------------------------- a working pack */

static void test_rules__pack_pattern_and_added_words_reach_the_scanner(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    wb_ruleset *packed = applied(rs, "county-x",
        "  <privacy>\n"
        "    <pattern id='school-no' title='学籍号'>G\\d{18}</pattern>\n"
        "    <case-words mode='add'>网络沉迷 失联\n   被害人</case-words>\n"
        "  </privacy>\n");
    /* The base is unchanged. */
    assert_int_equal(wb_ruleset_privacy_pattern_count(rs), 0);
    assert_false(has_word(rs, "失联"));

    assert_int_equal(wb_ruleset_privacy_pattern_count(packed), 1);
    const wb_privacy_pattern *p = wb_ruleset_privacy_pattern_at(packed, 0);
    assert_string_equal(wb_privacy_pattern_id(p), "school-no");
    assert_string_equal(wb_privacy_pattern_title(p), "学籍号");
    assert_string_equal(wb_privacy_pattern_text(p), "G\\d{18}");
    assert_string_equal(wb_privacy_pattern_set_by(p), "county-x");
    /* Built-in words first, then the new ones; 被害人 is not repeated. */
    assert_int_equal(wb_ruleset_case_word_count(packed), builtin_count() + 2);
    assert_string_equal(wb_ruleset_case_word_at(packed, 0), wb_privacy_default_case_words()[0]);
    assert_string_equal(wb_ruleset_case_word_at(packed, builtin_count()), "网络沉迷");
    assert_string_equal(wb_ruleset_case_word_at(packed, builtin_count() + 1), "失联");
    assert_string_equal(wb_ruleset_case_words_set_by(packed), "county-x");

    wb_privacy_options base = WB_PRIVACY_OPTIONS_INIT;
    base.has_as_of = 1;
    assert_int_equal(wb_date_parse(&base.as_of, "2026-11-29", NULL), WB_OK);
    wb_privacy_scanner *s = NULL;
    wb_error err;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, packed, &base, &err), WB_OK);
    wb_diagnostics *d = scan(s, "学籍号G123456789012345678。\n"
                                "因网络沉迷,王小明多次逃学。\n"
                                "身份证" MINOR_ID "\n");
    const wb_diagnostic *x = only(d, "privacy-pattern");
    assert_int_equal(wb_diagnostic_line(x), 1);
    assert_int_equal(wb_diagnostic_column(x), 4);
    assert_string_equal(wb_diagnostic_message(x, WB_LANG_EN),
                        "学籍号 (school-no) ******************* in free text");
    assert_string_equal(wb_diagnostic_message(x, WB_LANG_ZH),
                        "文本中有学籍号 (school-no) *******************");
    x = only(d, "privacy-name-case");
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "王** near the case word '网络沉迷'");
    /* base's as_of holds: the minor's number is an error. */
    assert_int_equal(wb_diagnostic_severity(only(d, "privacy-id-number")), WB_SEVERITY_ERROR);
    for (size_t i = 0; i < wb_diagnostics_count(d); i++) {
        const char *m = wb_diagnostic_message(wb_diagnostics_at(d, i), WB_LANG_EN);
        if (strstr(m, "123456789") != NULL || strstr(m, "小明") != NULL)
            fail_msg("unmasked: %s", m);
    }
    wb_diagnostics_free(d);

    char *red = NULL;
    assert_int_equal(wb_privacy_redact(&red, NULL, s, "G123456789012345678", 19, NULL), WB_OK);
    assert_string_equal(red, "*******************");
    wb_free(red);
    wb_privacy_scanner_free(s);

    /* No options: no age rule, the same patterns and words. */
    assert_int_equal(wb_ruleset_privacy_scanner(&s, packed, NULL, &err), WB_OK);
    d = scan(s, "失联:李四;" MINOR_ID);
    assert_int_equal(count_rule(d, "privacy-name-case"), 1);
    assert_int_equal(wb_diagnostic_severity(only(d, "privacy-id-number")), WB_SEVERITY_WARNING);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    wb_ruleset_free(packed);
    wb_ruleset_free(rs);
}

static void test_rules__replaced_case_words(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    wb_ruleset *packed = applied(rs, "p",
        "<privacy><case-words mode='replace'>失联 失联 离家出走</case-words></privacy>\n");
    assert_int_equal(wb_ruleset_case_word_count(packed), 2);
    assert_string_equal(wb_ruleset_case_word_at(packed, 0), "失联");
    assert_string_equal(wb_ruleset_case_word_at(packed, 1), "离家出走");
    assert_false(has_word(packed, "被害人"));
    wb_privacy_scanner *s = NULL;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, packed, NULL, NULL), WB_OK);
    wb_diagnostics *d = scan(s, "被害人张小明。\n离家出走:李小红。\n");
    const wb_diagnostic *x = only(d, "privacy-name-case");
    assert_int_equal(wb_diagnostic_line(x), 2);
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "李**");
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);

    /* An empty replacement turns the search for names off. */
    wb_ruleset *none = applied(rs, "q", "<privacy><case-words mode='replace'/></privacy>\n");
    assert_int_equal(wb_ruleset_case_word_count(none), 0);
    assert_string_equal(wb_ruleset_case_words_set_by(none), "q");
    assert_int_equal(wb_ruleset_privacy_scanner(&s, none, NULL, NULL), WB_OK);
    d = scan(s, "被害人张小明,电话13812345678。");
    assert_int_equal(count_rule(d, "privacy-name-case"), 0);
    assert_int_equal(count_rule(d, "privacy-phone"), 1);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    wb_ruleset_free(none);
    wb_ruleset_free(packed);
    wb_ruleset_free(rs);
}

/* A pack on a pack: patterns accumulate, one of the same id replaces
   the earlier one, and added words go on top of the earlier list. */
static void test_rules__pack_on_a_pack(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    wb_ruleset *first = applied(rs, "province",
        "<privacy>"
        "<pattern id='school-no' title='学籍号'>G\\d{18}</pattern>"
        "<pattern id='case-no' title='案号'>案\\d{6}</pattern>"
        "<case-words mode='replace'>失联</case-words>"
        "</privacy>\n");
    wb_ruleset *second = applied(first, "county",
        "<privacy>"
        "<pattern id='case-no' title='案件编号'>AJ\\d{6}</pattern>"
        "<pattern id='bed-no' title='床号'>床\\d{3}</pattern>"
        "<case-words>网络沉迷</case-words>"
        "</privacy>\n");
    assert_int_equal(wb_ruleset_privacy_pattern_count(first), 2);
    assert_int_equal(wb_ruleset_privacy_pattern_count(second), 3);
    const wb_privacy_pattern *p = wb_ruleset_privacy_pattern_at(second, 0);
    assert_string_equal(wb_privacy_pattern_id(p), "school-no");
    assert_string_equal(wb_privacy_pattern_set_by(p), "province");
    p = wb_ruleset_privacy_pattern_at(second, 1);
    assert_string_equal(wb_privacy_pattern_id(p), "case-no");
    assert_string_equal(wb_privacy_pattern_title(p), "案件编号");
    assert_string_equal(wb_privacy_pattern_set_by(p), "county");
    assert_string_equal(wb_privacy_pattern_id(wb_ruleset_privacy_pattern_at(second, 2)),
                        "bed-no");
    assert_int_equal(wb_ruleset_case_word_count(second), 2);
    assert_string_equal(wb_ruleset_case_word_at(second, 0), "失联");
    assert_string_equal(wb_ruleset_case_word_at(second, 1), "网络沉迷");
    /* first is as it was. */
    assert_string_equal(wb_privacy_pattern_title(wb_ruleset_privacy_pattern_at(first, 1)),
                        "案号");
    assert_int_equal(wb_ruleset_case_word_count(first), 1);

    wb_privacy_scanner *s = NULL;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, second, NULL, NULL), WB_OK);
    wb_diagnostics *d = scan(s, "案123456 AJ123456 床101");
    assert_int_equal(count_rule(d, "privacy-pattern"), 2);
    assert_contains(wb_diagnostic_message(wb_diagnostics_at(d, 0), WB_LANG_EN),
                    "案件编号 (case-no) ********");
    assert_contains(wb_diagnostic_message(wb_diagnostics_at(d, 1), WB_LANG_EN),
                    "床号 (bed-no) ****");
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    wb_ruleset_free(second);
    wb_ruleset_free(first);
    wb_ruleset_free(rs);
}

/* ------------------------------------------------------ refused packs */

static void test_rules__bad_pattern_is_eregex_with_its_place(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    wb_ruleset *out = (wb_ruleset *)rs;   /* must be reset */
    wb_error err;
    /* The second pattern, on line 6. */
    int rc = apply(&out, rs, "p",
        "  <privacy>\n"
        "    <pattern id='ok' title='好'>G\\d{18}</pattern>\n"
        "    <pattern id='school-no' title='学籍号'>ab(c</pattern>\n"
        "  </privacy>\n", &err);
    assert_int_equal(rc, WB_EREGEX);
    assert_null(out);
    assert_int_equal(err.code, WB_EREGEX);
    assert_string_equal(err.source, "pack.xml");
    assert_string_equal(err.rule, "pack-bad-pattern");
    assert_int_equal(err.line, 6);
    /* "    <pattern id='school-no' title='学籍号'>" is 40 code points; the
       offset, 4 bytes, is the end of "ab(c". */
    assert_int_equal(err.column, 45);
    assert_contains(err.message, "privacy pattern 'school-no'");
    assert_contains(err.message, "byte 4");
    assert_contains(err.message, "missing closing parenthesis");

    /* Columns count code points of the source, through references. */
    rc = apply(&out, rs, "p",
        "<privacy>\n"
        "<pattern id='x' title='案'>案件&amp;&#x4e00;[</pattern>\n"
        "</privacy>\n", &err);
    assert_int_equal(rc, WB_EREGEX);
    assert_int_equal(err.line, 5);
    /* The text starts at column 27; 案 件 &amp; &#x4e00; [ take 16. */
    assert_int_equal(err.column, 43);
    assert_contains(err.message, "byte 11");
    wb_ruleset_free(rs);
}

static void test_rules__check_reports_bad_patterns(void **state)
{
    (void)state;
    wb_diagnostics *d = NULL;
    wb_error err;
    assert_int_equal(wb_ruleset_check_pack_file(&d, NULL, WB_TEST_DATA
                         "/invalid/pack-bad-pattern/input.xml", &err), WB_OK);
    assert_int_equal(wb_diagnostics_count(d), 5);
    assert_int_equal(count_rule(d, "pack-bad-pattern"), 5);
    const wb_diagnostic *x = wb_diagnostics_at(d, 0);
    assert_int_equal(wb_diagnostic_severity(x), WB_SEVERITY_ERROR);
    assert_int_equal(wb_diagnostic_line(x), 5);
    assert_int_equal(wb_diagnostic_column(x), 47);
    assert_contains(wb_diagnostic_message(x, WB_LANG_EN), "missing closing parenthesis");
    assert_contains(wb_diagnostic_message(x, WB_LANG_ZH), "隐私模式“school-no”无法编译");
    assert_contains(wb_diagnostic_message(wb_diagnostics_at(d, 1), WB_LANG_EN),
                    "matches empty text");
    assert_contains(wb_diagnostic_message(wb_diagnostics_at(d, 2), WB_LANG_EN), "is empty");
    assert_contains(wb_diagnostic_message(wb_diagnostics_at(d, 3), WB_LANG_EN),
                    "used twice (first on line 5)");
    wb_diagnostics_free(d);

    /* Loading the same file fails on the first: WB_EREGEX, same place. */
    wb_ruleset *rs = base_rules(), *out = NULL;
    assert_int_equal(wb_ruleset_apply_pack_file(&out, rs, WB_TEST_DATA
                         "/invalid/pack-bad-pattern/input.xml", &err), WB_EREGEX);
    assert_int_equal(err.line, 5);
    assert_int_equal(err.column, 47);
    assert_string_equal(err.rule, "pack-bad-pattern");
    assert_non_null(strstr(err.source, "pack-bad-pattern/input.xml"));
    wb_ruleset_free(rs);
}

static void test_rules__empty_and_empty_matching_patterns_are_refused(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "<privacy><pattern id='x' title='t'>a*</pattern></privacy>",
        "<privacy><pattern id='x' title='t'>(G\\d{18})?</pattern></privacy>",
        "<privacy><pattern id='x' title='t'>^</pattern></privacy>",
        "<privacy><pattern id='x' title='t'/></privacy>",
    };
    wb_ruleset *rs = base_rules();
    for (size_t i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
        wb_ruleset *out = NULL;
        wb_error err;
        assert_int_equal(apply(&out, rs, "p", bodies[i], &err), WB_EREGEX);
        assert_null(out);
        assert_string_equal(err.rule, "pack-bad-pattern");
        assert_int_equal(err.line, 4);
        assert_int_equal(err.column, 10);
        assert_contains(err.message, i < 3 ? "matches empty text" : "is empty");
    }
    /* Blanks around a pattern are a schema error: they would be part of it. */
    wb_ruleset *out = NULL;
    wb_error err;
    assert_int_equal(apply(&out, rs, "p",
                           "<privacy><pattern id='x' title='t'> G\\d{18}</pattern></privacy>",
                           &err), WB_ESCHEMA);
    assert_string_equal(err.rule, "schema-invalid");
    wb_ruleset_free(rs);
}

static void test_rules__duplicate_pattern_id_is_refused(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules(), *out = NULL;
    wb_error err;
    int rc = apply(&out, rs, "p",
        "<privacy>\n"
        "  <pattern id='school-no' title='学籍号'>G\\d{18}</pattern>\n"
        "  <pattern id='school-no' title='学号'>S\\d{8}</pattern>\n"
        "</privacy>\n", &err);
    assert_int_equal(rc, WB_ESCHEMA);
    assert_null(out);
    assert_string_equal(err.rule, "pack-bad-pattern");
    assert_int_equal(err.line, 6);
    assert_int_equal(err.column, 3);
    assert_contains(err.message, "privacy pattern id 'school-no' is used twice (first on line 5)");

    /* A duplicate before a bad pattern: the first error decides the code. */
    rc = apply(&out, rs, "p",
        "<privacy>\n"
        "  <pattern id='a' title='t'>x</pattern>\n"
        "  <pattern id='a' title='t'>y</pattern>\n"
        "  <pattern id='b' title='t'>(</pattern>\n"
        "</privacy>\n", &err);
    assert_int_equal(rc, WB_ESCHEMA);
    assert_int_equal(err.line, 6);
    wb_ruleset_free(rs);
}

static void test_rules__privacy_scanner_arguments(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    wb_privacy_scanner *s = (wb_privacy_scanner *)rs;   /* must be reset */
    wb_error err;
    assert_int_equal(wb_ruleset_privacy_scanner(NULL, rs, NULL, &err), WB_EINVAL);
    assert_int_equal(wb_ruleset_privacy_scanner(&s, NULL, NULL, &err), WB_EINVAL);
    assert_null(s);
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.version = 99;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, rs, &o, &err), WB_EINVAL);
    assert_contains(err.message, "version");
    o.version = WB_PRIVACY_OPTIONS_VERSION;
    o.has_as_of = 1;
    o.as_of.days = INT32_MAX;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, rs, &o, &err), WB_EINVAL);
    /* base's own patterns and words are not used, its limits are. */
    const char *extra[] = { "机密", NULL };
    const char *words[] = { "失联", NULL };
    o.has_as_of = 0;
    o.extra_patterns = extra;
    o.case_words = words;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, rs, &o, &err), WB_OK);
    wb_diagnostics *d = scan(s, "机密:失联:张小明");
    assert_int_equal(count_rule(d, "privacy-pattern"), 0);
    assert_int_equal(count_rule(d, "privacy-name-case"), 0);
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);

    assert_int_equal(wb_ruleset_privacy_pattern_count(NULL), 0);
    assert_null(wb_ruleset_privacy_pattern_at(NULL, 0));
    assert_null(wb_privacy_pattern_id(NULL));
    assert_null(wb_privacy_pattern_title(NULL));
    assert_null(wb_privacy_pattern_text(NULL));
    assert_null(wb_privacy_pattern_set_by(NULL));
    assert_int_equal(wb_ruleset_case_word_count(NULL), 0);
    assert_null(wb_ruleset_case_word_at(NULL, 0));
    assert_null(wb_ruleset_case_words_set_by(NULL));
    wb_ruleset_free(rs);
}

/* base's limits hold, and a limit finding names the pattern. */
static void test_rules__limits_from_base_and_named_limit_findings(void **state)
{
    (void)state;
    wb_ruleset *rs = base_rules();
    wb_ruleset *packed = applied(rs, "p",
        "<privacy><pattern id='bt' title='回溯'>(a+)+$</pattern></privacy>\n");
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.match_limit = 5000;
    wb_privacy_scanner *s = NULL;
    assert_int_equal(wb_ruleset_privacy_scanner(&s, packed, &o, NULL), WB_OK);
    wb_diagnostics *d = scan(s, "aaaaaaaaaaaaaaaaaaaaaaaaab");
    const wb_diagnostic *x = only(d, "privacy-limit");
    assert_string_equal(wb_diagnostic_message(x, WB_LANG_EN),
                        "the search for 回溯 (bt) stopped here: the match limit of 5000 was "
                        "reached; the scan goes on from the next line");
    assert_contains(wb_diagnostic_message(x, WB_LANG_ZH), "回溯 (bt) 搜索在此中止:达到匹配次数上限 5000");
    wb_diagnostics_free(d);
    wb_privacy_scanner_free(s);
    wb_ruleset_free(packed);
    wb_ruleset_free(rs);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rules__default_has_no_patterns_and_the_builtin_words),
    cmocka_unit_test(test_rules__pack_pattern_and_added_words_reach_the_scanner),
    cmocka_unit_test(test_rules__replaced_case_words),
    cmocka_unit_test(test_rules__pack_on_a_pack),
    cmocka_unit_test(test_rules__bad_pattern_is_eregex_with_its_place),
    cmocka_unit_test(test_rules__check_reports_bad_patterns),
    cmocka_unit_test(test_rules__empty_and_empty_matching_patterns_are_refused),
    cmocka_unit_test(test_rules__duplicate_pattern_id_is_refused),
    cmocka_unit_test(test_rules__privacy_scanner_arguments),
    cmocka_unit_test(test_rules__limits_from_base_and_named_limit_findings),
};

WB_TEST_MAIN("rules", tests)
