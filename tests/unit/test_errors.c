/*
 * test_errors.c - status codes, the error record, versions, points, and
 * every entry point's answer to NULL and out-of-range arguments.
 */
#include "runner.h"

#include <limits.h>
#include <weibao/weibao.h>

static void test_errors__clear_zeroes_every_field(void **state)
{
    (void)state;
    wb_error err;
    memset(&err, 0x5a, sizeof(err));
    wb_error_clear(&err);
    assert_int_equal(err.code, WB_OK);
    assert_int_equal(err.line, 0);
    assert_int_equal(err.column, 0);
    assert_string_equal(err.message, "");
    assert_string_equal(err.source, "");
    assert_string_equal(err.rule, "");
    wb_error_clear(NULL);   /* accepted */
}

static void test_errors__strerror_names_every_code(void **state)
{
    (void)state;
    const int codes[] = { WB_OK, WB_ERROR, WB_EINVAL, WB_ENOMEM, WB_EIO,
                          WB_ENOTFOUND, WB_EPARSE, WB_ESCHEMA, WB_EREGEX,
                          WB_ECOVERAGE, WB_EDENIED };
    for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
        const char *s = wb_strerror(codes[i]);
        assert_non_null(s);
        assert_string_not_equal(s, "unknown error");
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(s, wb_strerror(codes[j]));
    }
    assert_string_equal(wb_strerror(-1000), "unknown error");
    assert_string_equal(wb_strerror(7), "unknown error");
}

static void test_errors__codes_are_stable(void **state)
{
    (void)state;
    /* Bindings and saved logs depend on these values. */
    assert_int_equal(WB_OK, 0);
    assert_int_equal(WB_ERROR, -1);
    assert_int_equal(WB_EINVAL, -2);
    assert_int_equal(WB_ENOMEM, -3);
    assert_int_equal(WB_EIO, -4);
    assert_int_equal(WB_ENOTFOUND, -5);
    assert_int_equal(WB_EPARSE, -6);
    assert_int_equal(WB_ESCHEMA, -7);
    assert_int_equal(WB_EREGEX, -8);
    assert_int_equal(WB_ECOVERAGE, -9);
    assert_int_equal(WB_EDENIED, -10);
}

static void test_errors__version_matches_headers(void **state)
{
    (void)state;
    assert_int_equal(wb_version(), WB_VERSION_NUMBER);
    assert_string_equal(wb_version_string(), WB_VERSION_STRING);
    char expect[32];
    snprintf(expect, sizeof(expect), "%d.%d.%d", WB_VERSION_MAJOR,
             WB_VERSION_MINOR, WB_VERSION_PATCH);
    assert_string_equal(WB_VERSION_STRING, expect);
    assert_true(WB_VERSION_AT_LEAST(0, 0, 0));
    assert_true(WB_VERSION_AT_LEAST(WB_VERSION_MAJOR, WB_VERSION_MINOR,
                                    WB_VERSION_PATCH));
    assert_false(WB_VERSION_AT_LEAST(WB_VERSION_MAJOR, WB_VERSION_MINOR,
                                     WB_VERSION_PATCH + 1));
    assert_false(WB_VERSION_AT_LEAST(WB_VERSION_MAJOR + 1, 0, 0));
}

static void test_errors__points_format_halves(void **state)
{
    (void)state;
    char buf[WB_POINTS_STRLEN];
    struct { int halves; const char *text; } cases[] = {
        { 0, "0" }, { 1, "0.5" }, { 2, "1" }, { 3, "1.5" }, { 4, "2" },
        { 200, "100" }, { -1, "-0.5" }, { -4, "-2" },
        { INT_MAX, "1073741823.5" }, { INT_MIN, "-1073741824" },
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(wb_points_format(buf, cases[i].halves), WB_OK);
        assert_string_equal(buf, cases[i].text);
    }
    assert_int_equal(wb_points_format(NULL, 2), WB_EINVAL);
}

static void expect_einval(int rc, const wb_error *err)
{
    assert_int_equal(rc, WB_EINVAL);
    assert_int_equal(err->code, WB_EINVAL);
    assert_non_null(strstr(err->message, "invalid argument"));
}

static void test_errors__null_arguments_give_einval(void **state)
{
    (void)state;
    wb_error err;
    wb_rubric *r = (wb_rubric *)&err;   /* must be reset to NULL on failure */
    wb_diagnostics *d = NULL;

    wb_error_clear(&err);
    expect_einval(wb_rubric_open_default(NULL, &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_load_file(&r, NULL, &err), &err);
    assert_null(r);
    wb_error_clear(&err);
    expect_einval(wb_rubric_load_file(NULL, "x.xml", &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_load_buffer(&r, NULL, 3, "b", &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_check_file(&d, NULL, &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_check_file(NULL, "x.xml", &err), &err);
    wb_error_clear(&err);
    expect_einval(wb_rubric_check_buffer(&d, NULL, 0, NULL, &err), &err);

    const wb_item *it = (const wb_item *)&err;
    const wb_unit *u = (const wb_unit *)&err;
    wb_error_clear(&err);
    expect_einval(wb_rubric_find_item(&it, NULL, "2.3", &err), &err);
    assert_null(it);
    wb_error_clear(&err);
    expect_einval(wb_rubric_find_unit(&u, NULL, "市公安局", &err), &err);
    assert_null(u);

    /* err itself may be NULL. */
    assert_int_equal(wb_rubric_open_default(NULL, NULL), WB_EINVAL);
}

static void test_errors__getters_accept_null_and_out_of_range(void **state)
{
    (void)state;
    assert_int_equal(wb_rubric_standard_count(NULL), 0);
    assert_null(wb_rubric_standard_at(NULL, 0));
    assert_null(wb_rubric_category_at(NULL, 0));
    assert_null(wb_item_id(NULL));
    assert_null(wb_item_unit_at(NULL, 0));
    assert_null(wb_unit_name(NULL));
    assert_int_equal(wb_diagnostics_count(NULL), 0);
    assert_null(wb_diagnostics_at(NULL, 0));
    assert_null(wb_diagnostic_message(NULL, WB_LANG_EN));
    wb_rubric_free(NULL);
    wb_diagnostics_free(NULL);
    wb_free(NULL);

    wb_rubric *r;
    assert_int_equal(wb_rubric_open_default(&r, NULL), WB_OK);
    size_t n = wb_rubric_standard_count(r);
    assert_null(wb_rubric_standard_at(r, n));
    assert_null(wb_rubric_standard_at(r, (size_t)-1));
    assert_null(wb_rubric_veto_at(r, wb_rubric_veto_count(r)));
    assert_null(wb_rubric_category_at(r, wb_rubric_category_count(r)));
    assert_null(wb_rubric_unit_at(r, wb_rubric_unit_count(r)));
    const wb_category *c = wb_rubric_category_at(r, 0);
    assert_null(wb_category_topic_at(c, wb_category_topic_count(c)));
    assert_null(wb_category_standard_at(c, wb_category_standard_count(c)));
    const wb_item *it = wb_rubric_standard_at(r, 0);
    assert_null(wb_item_unit_at(it, wb_item_unit_count(it)));
    assert_null(wb_item_unit_spelling_at(it, wb_item_unit_count(it)));
    wb_rubric_free(r);
}

static void test_errors__check_table_is_complete(void **state)
{
    (void)state;
    assert_true(wb_check_count() >= 13);
    for (size_t i = 0; i < wb_check_count(); i++) {
        const char *id = wb_check_id_at(i);
        assert_non_null(id);
        assert_non_null(wb_check_summary(id, WB_LANG_EN));
        assert_non_null(wb_check_summary(id, WB_LANG_ZH));
        assert_string_not_equal(wb_check_summary(id, WB_LANG_EN),
                                wb_check_summary(id, WB_LANG_ZH));
        for (size_t j = 0; j < i; j++)
            assert_string_not_equal(id, wb_check_id_at(j));
    }
    assert_null(wb_check_id_at(wb_check_count()));
    assert_null(wb_check_summary("no-such-rule", WB_LANG_EN));
    assert_int_equal(wb_check_severity("rubric-repeated-unit"), WB_SEVERITY_WARNING);
    assert_int_equal(wb_check_severity("rubric-duplicate-id"), WB_SEVERITY_ERROR);
    assert_string_equal(wb_severity_name(WB_SEVERITY_ERROR), "error");
    assert_string_equal(wb_severity_name(WB_SEVERITY_WARNING), "warning");
    assert_string_equal(wb_severity_name(WB_SEVERITY_NOTE), "note");
}

/* docs/checks.md, whole, NUL-terminated (fails if it does not fit). */
static const char *read_checks_md(void)
{
    static char doc[131072];
    FILE *f = fopen(WB_SOURCE_DIR "/docs/checks.md", "rb");
    assert_non_null(f);
    size_t n = fread(doc, 1, sizeof(doc) - 1, f);
    int more = fgetc(f) != EOF;
    fclose(f);
    if (more)
        fail_msg("docs/checks.md is larger than the test's buffer of %zu bytes",
                 sizeof(doc) - 1);
    doc[n] = '\0';
    return doc;
}

/* docs/checks.md has a section for every rule id, and no other. */
static void test_errors__every_check_is_documented(void **state)
{
    (void)state;
    const char *doc = read_checks_md();
    size_t sections = 0;
    for (const char *p = doc; (p = strstr(p, "\n## ")) != NULL; p++)
        sections++;
    assert_int_equal(sections, wb_check_count());
    for (size_t i = 0; i < wb_check_count(); i++) {
        char heading[128];
        snprintf(heading, sizeof(heading), "\n## %s\n", wb_check_id_at(i));
        if (strstr(doc, heading) == NULL)
            fail_msg("docs/checks.md has no section for %s", wb_check_id_at(i));
    }
}

/*
 * An example line of a finding, as `weibao-lint check` prints it: four
 * spaces, a file (with its line and column, if any), the severity, the
 * message, the rule id in brackets at the end. Returns the rule id's
 * start, or NULL when the line is no such example; *id_len its length.
 */
static const char *example_rule(const char *line, size_t len, size_t *id_len)
{
    if (len < 5 || strncmp(line, "    ", 4) != 0 || line[4] == ' ' ||
        line[len - 1] != ']')
        return NULL;
    const char *open = NULL;
    for (size_t k = len - 1; k-- > 4;)
        if (line[k] == '[') {
            open = line + k;
            break;
        }
    if (open == NULL || open == line + len - 2 || open[-1] != ' ')
        return NULL;
    for (const char *c = open + 1; c < line + len - 1; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
            return NULL;
    /* "file...: severity: message", the severity before the message. */
    static const char *const severities[] = { ": error: ", ": warning: ", ": note: " };
    int has_severity = 0;
    for (size_t s = 0; s < sizeof(severities) / sizeof(severities[0]); s++) {
        size_t sl = strlen(severities[s]);
        for (const char *c = line + 5; c + sl <= open; c++)
            if (strncmp(c, severities[s], sl) == 0)
                has_severity = 1;
    }
    if (!has_severity)
        return NULL;
    *id_len = (size_t)(line + len - 1 - (open + 1));
    return open + 1;
}

/* Every section of docs/checks.md ends its rule's description with at
   least one example of the finding (an indented line ending in [rule-id]),
   and every example in a rule's section is of that rule. */
static void test_errors__every_check_has_an_example(void **state)
{
    (void)state;
    const char *doc = read_checks_md();
    size_t missing = 0;
    for (size_t i = 0; i < wb_check_count(); i++) {
        const char *id = wb_check_id_at(i);
        char heading[128];
        snprintf(heading, sizeof(heading), "\n## %s\n", id);
        const char *start = strstr(doc, heading);
        if (start == NULL)
            fail_msg("docs/checks.md has no section for %s", id);
        start += strlen(heading);
        /* The section runs to the next heading (## or #) or the end. */
        const char *end = strstr(start, "\n#");
        if (end == NULL)
            end = start + strlen(start);
        size_t examples = 0;
        for (const char *line = start; line < end;) {
            const char *nl = memchr(line, '\n', (size_t)(end - line));
            const char *stop = nl != NULL ? nl : end;
            size_t len = (size_t)(stop - line);
            if (len > 0 && line[len - 1] == '\r')
                len--;
            size_t id_len = 0;
            const char *rule = example_rule(line, len, &id_len);
            if (rule != NULL) {
                if (id_len != strlen(id) || strncmp(rule, id, id_len) != 0)
                    fail_msg("docs/checks.md: the section %s has an example of [%.*s]",
                             id, (int)id_len, rule);
                examples++;
            }
            line = nl != NULL ? nl + 1 : end;
        }
        if (examples == 0) {
            print_error("docs/checks.md: the section %s has no example line "
                        "(    file:line:col: severity: message [%s])\n", id, id);
            missing++;
        }
    }
    if (missing > 0)
        fail_msg("%zu section(s) of docs/checks.md have no example", missing);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_errors__clear_zeroes_every_field),
    cmocka_unit_test(test_errors__strerror_names_every_code),
    cmocka_unit_test(test_errors__codes_are_stable),
    cmocka_unit_test(test_errors__version_matches_headers),
    cmocka_unit_test(test_errors__points_format_halves),
    cmocka_unit_test(test_errors__null_arguments_give_einval),
    cmocka_unit_test(test_errors__getters_accept_null_and_out_of_range),
    cmocka_unit_test(test_errors__check_table_is_complete),
    cmocka_unit_test(test_errors__every_check_is_documented),
    cmocka_unit_test(test_errors__every_check_has_an_example),
};

WB_TEST_MAIN("errors", tests)
