/*
 * cmd_rubric.c - `weibao-lint rubric`: show the rubric.
 *
 *   weibao-lint rubric                  every standard and veto item
 *   weibao-lint rubric 2.3              one item in full
 *   weibao-lint rubric --unit 市公安局   what one unit answers for
 *
 * --format json prints the same as a JSON array of objects.
 */
#include "lint.h"

#include <string.h>

#define TEXT_PREVIEW 36   /* code points of a standard's text in a listing */

static const char usage[] =
    "usage: weibao-lint rubric [ID] [--unit NAME] [--format text|json] [--rubric FILE]\n"
    "\n"
    "List the standards and veto items of the rubric (考核细则).\n"
    "\n"
    "  ID               show one standard (\"2.3\") or veto item (\"V1\") in full\n"
    "  --unit NAME      only what a unit answers for, groups resolved;\n"
    "                   NAME is a unit's name, alias or id\n"
    "  --format FORMAT  text (default) or json\n"
    "  --rubric FILE    use this rubric edition instead of the built-in one\n";

/* Units of an item, canonical names joined by 、, then the printed tail. */
static void print_units(FILE *out, const wb_item *it)
{
    for (size_t i = 0; i < wb_item_unit_count(it); i++) {
        if (i > 0)
            fputs("、", out);
        fputs(wb_unit_name(wb_item_unit_at(it, i)), out);
    }
    if (wb_item_unit_tail(it) != NULL)
        fputs(wb_item_unit_tail(it), out);
}

static void print_points(FILE *out, const wb_item *it)
{
    if (wb_item_kind_of(it) == WB_ITEM_VETO) {
        fputs("否决", out);
        return;
    }
    char buf[WB_POINTS_STRLEN];
    wb_points_format(buf, wb_item_half_points(it));
    fprintf(out, "%s分", buf);
}

static void print_line(FILE *out, const wb_item *it, const wb_unit *via)
{
    fprintf(out, "  %-5s ", wb_item_id(it));
    print_points(out, it);
    fputs("  ", out);
    lint_print_prefix(out, wb_item_text(it), TEXT_PREVIEW);
    fputs("  [", out);
    print_units(out, it);
    fputs("]", out);
    if (via != NULL)
        fprintf(out, " (经%s)", wb_unit_name(via));
    fputc('\n', out);
}

static void print_full(FILE *out, const wb_rubric *r, const wb_item *it)
{
    if (wb_item_kind_of(it) == WB_ITEM_VETO) {
        fprintf(out, "%s %s\n", wb_item_id(it), wb_rubric_veto_heading(r));
        fputs("分值:一票否决\n", out);
    } else {
        const wb_category *c = wb_item_category(it);
        fprintf(out, "%s %s %s / %s\n", wb_item_id(it), wb_category_id(c),
                wb_category_name(c), wb_topic_name(wb_item_topic(it)));
        fputs("分值:", out);
        print_points(out, it);
        fputc('\n', out);
    }
    fputs("责任单位:", out);
    print_units(out, it);
    fputc('\n', out);
    fprintf(out, "工作标准:%s\n", wb_item_text(it));
    if (wb_item_corrected_text(it) != NULL)
        fprintf(out, "校正读法:%s\n", wb_item_corrected_text(it));
}

static void print_json_item(FILE *out, const wb_rubric *r, const wb_item *it,
                            const wb_unit *via, int with_via)
{
    int veto = wb_item_kind_of(it) == WB_ITEM_VETO;
    fputs("{\"id\":", out);
    lint_json_string(out, wb_item_id(it));
    fputs(",\"kind\":", out);
    lint_json_string(out, veto ? "veto" : "standard");
    fputs(",\"category\":", out);
    lint_json_string(out, veto ? wb_rubric_veto_heading(r)
                               : wb_category_name(wb_item_category(it)));
    fputs(",\"topic\":", out);
    lint_json_string(out, veto ? NULL : wb_topic_name(wb_item_topic(it)));
    fputs(",\"text\":", out);
    lint_json_string(out, wb_item_text(it));
    fputs(",\"corrected_text\":", out);
    lint_json_string(out, wb_item_corrected_text(it));
    fputs(",\"points\":", out);
    if (veto) {
        fputs("null", out);
    } else {
        char buf[WB_POINTS_STRLEN];
        wb_points_format(buf, wb_item_half_points(it));
        fputs(buf, out);
    }
    fputs(",\"units\":[", out);
    for (size_t i = 0; i < wb_item_unit_count(it); i++) {
        if (i > 0)
            fputc(',', out);
        lint_json_string(out, wb_unit_name(wb_item_unit_at(it, i)));
    }
    fputs("],\"units_tail\":", out);
    lint_json_string(out, wb_item_unit_tail(it));
    if (with_via) {
        fputs(",\"via\":", out);
        lint_json_string(out, via != NULL ? wb_unit_name(via) : NULL);
    }
    fputc('}', out);
}

static void list_all(FILE *out, const wb_rubric *r, lint_format format)
{
    if (format == LINT_FORMAT_JSON) {
        fputc('[', out);
        size_t n = 0;
        for (size_t i = 0; i < wb_rubric_standard_count(r); i++, n++) {
            fputs(n ? ",\n " : "\n ", out);
            print_json_item(out, r, wb_rubric_standard_at(r, i), NULL, 0);
        }
        for (size_t i = 0; i < wb_rubric_veto_count(r); i++, n++) {
            fputs(n ? ",\n " : "\n ", out);
            print_json_item(out, r, wb_rubric_veto_at(r, i), NULL, 0);
        }
        fputs("\n]\n", out);
        return;
    }
    char total[WB_POINTS_STRLEN];
    wb_points_format(total, wb_rubric_total_half_points(r));
    fprintf(out, "%s (%s):%zu 项工作标准,满分 %s 分;%zu 项%s\n",
            wb_rubric_title(r), wb_rubric_edition(r),
            wb_rubric_standard_count(r), total, wb_rubric_veto_count(r),
            wb_rubric_veto_heading(r));
    for (size_t c = 0; c < wb_rubric_category_count(r); c++) {
        const wb_category *cat = wb_rubric_category_at(r, c);
        char pts[WB_POINTS_STRLEN];
        wb_points_format(pts, wb_category_half_points(cat));
        fprintf(out, "\n%s %s(%s分)\n", wb_category_id(cat),
                wb_category_name(cat), pts);
        for (size_t i = 0; i < wb_category_standard_count(cat); i++)
            print_line(out, wb_category_standard_at(cat, i), NULL);
    }
    if (wb_rubric_veto_count(r) > 0) {
        fprintf(out, "\n%s(一票否决)\n", wb_rubric_veto_heading(r));
        for (size_t i = 0; i < wb_rubric_veto_count(r); i++)
            print_line(out, wb_rubric_veto_at(r, i), NULL);
    }
}

static void list_unit(FILE *out, const wb_rubric *r, const wb_unit *u,
                      lint_format format)
{
    size_t n = wb_unit_item_count(u);
    if (format == LINT_FORMAT_JSON) {
        fputc('[', out);
        for (size_t i = 0; i < n; i++) {
            fputs(i ? ",\n " : "\n ", out);
            print_json_item(out, r, wb_unit_item_at(u, i),
                            wb_unit_item_via_at(u, i), 1);
        }
        fputs(n ? "\n]\n" : "]\n", out);
        return;
    }
    fprintf(out, "%s 负责 %zu 项:\n", wb_unit_name(u), n);
    for (size_t i = 0; i < n; i++)
        print_line(out, wb_unit_item_at(u, i), wb_unit_item_via_at(u, i));
}

int lint_cmd_rubric(int argc, char **argv)
{
    const char *id = NULL, *unit = NULL, *rubric_path = NULL, *value;
    lint_format format = LINT_FORMAT_TEXT;

    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int got;
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            return lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || lint_parse_format(value, &format) != 0)
                return lint_fail("rubric: --format takes text or json");
        } else if ((got = lint_option_value(argc, argv, &i, "--unit", &value)) != 0) {
            if (got < 0)
                return lint_fail("rubric: --unit takes a unit name");
            unit = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--rubric", &value)) != 0) {
            if (got < 0)
                return lint_fail("rubric: --rubric takes a file");
            rubric_path = value;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            return lint_fail("rubric: unknown option '%s' (see weibao-lint rubric --help)", arg);
        } else if (id == NULL) {
            id = arg;
        } else {
            return lint_fail("rubric: more than one id given ('%s', '%s')", id, arg);
        }
    }
    if (id != NULL && unit != NULL)
        return lint_fail("rubric: give an id or --unit, not both");

    wb_error err;
    wb_error_clear(&err);
    wb_rubric *r = NULL;
    int rc = rubric_path != NULL ? wb_rubric_load_file(&r, rubric_path, &err)
                                 : wb_rubric_open_default(&r, &err);
    if (rc != WB_OK)
        return lint_fail_error(&err);

    int status = LINT_EXIT_CLEAN;
    if (id != NULL) {
        const wb_item *it;
        if (wb_rubric_find_item(&it, r, id, &err) != WB_OK) {
            status = lint_fail("rubric: %s", err.message);
        } else if (format == LINT_FORMAT_JSON) {
            fputs("[\n ", stdout);
            print_json_item(stdout, r, it, NULL, 0);
            fputs("\n]\n", stdout);
        } else {
            print_full(stdout, r, it);
        }
    } else if (unit != NULL) {
        const wb_unit *u;
        if (wb_rubric_find_unit(&u, r, unit, &err) != WB_OK)
            status = lint_fail("rubric: %s", err.message);
        else
            list_unit(stdout, r, u, format);
    } else {
        list_all(stdout, r, format);
    }
    wb_rubric_free(r);
    return lint_finish(status);
}
