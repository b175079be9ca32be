/*
 * list_rubric.c - open the rubric built into libweibao and print it.
 *
 *   cc list_rubric.c $(pkg-config --cflags --libs weibao) -o list_rubric
 *   ./list_rubric [RUBRIC.xml]
 */
#include <stdio.h>
#include <weibao/weibao.h>

int main(int argc, char **argv)
{
    /* Catch a program built against other headers than the library it runs with. */
    if (wb_version() != WB_VERSION_NUMBER) {
        fprintf(stderr, "header %s, library %s\n", WB_VERSION_STRING,
                wb_version_string());
        return 1;
    }

    wb_error err;
    wb_error_clear(&err);
    wb_rubric *rubric = NULL;
    int rc = argc > 1 ? wb_rubric_load_file(&rubric, argv[1], &err)
                      : wb_rubric_open_default(&rubric, &err);
    if (rc != WB_OK) {
        fprintf(stderr, "%s:%d:%d: %s\n", err.source, err.line, err.column,
                err.message);
        return 1;
    }

    char points[WB_POINTS_STRLEN];
    for (size_t c = 0; c < wb_rubric_category_count(rubric); c++) {
        const wb_category *cat = wb_rubric_category_at(rubric, c);
        wb_points_format(points, wb_category_half_points(cat));
        printf("%s %s: %zu standards, %s points\n", wb_category_id(cat),
               wb_category_name(cat), wb_category_standard_count(cat), points);
    }
    wb_points_format(points, wb_rubric_total_half_points(rubric));
    printf("standards: %zu\n", wb_rubric_standard_count(rubric));
    printf("veto items: %zu\n", wb_rubric_veto_count(rubric));
    printf("total points: %s\n", points);

    /* One standard, looked up by its id. */
    const wb_item *item;
    if (wb_rubric_find_item(&item, rubric, "2.3", &err) == WB_OK)
        printf("2.3: %s\n", wb_item_text(item));

    wb_rubric_free(rubric);
    return 0;
}
