/*
 * test_rubric.c - the built-in rubric is the seed's, transcribed right,
 * and the rubric API reads it correctly.
 *
 * The expected values below were read off the printed attachment
 * (全国未成年人保护示范县(市、区、旗)创建考核细则, 梅政办发〔2022〕2号).
 */
#include "runner.h"

#include <pthread.h>
#include <stdlib.h>
#include <weibao/weibao.h>

static wb_rubric *open_default(void)
{
    wb_error err;
    wb_error_clear(&err);
    wb_rubric *r = NULL;
    int rc = wb_rubric_open_default(&r, &err);
    if (rc != WB_OK)
        fail_msg("default rubric: %s (line %d)", err.message, err.line);
    return r;
}

static const wb_item *item(const wb_rubric *r, const char *id)
{
    const wb_item *it = NULL;
    wb_error err;
    if (wb_rubric_find_item(&it, r, id, &err) != WB_OK)
        fail_msg("%s: %s", id, err.message);
    return it;
}

static void test_rubric__default_counts(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    assert_string_equal(wb_rubric_edition(r), "meihekou-2022");
    assert_string_equal(wb_rubric_title(r),
                        "全国未成年人保护示范县(市、区、旗)创建考核细则");
    assert_string_equal(wb_rubric_origin(r), "<default>");
    assert_int_equal(wb_rubric_category_count(r), 10);
    assert_int_equal(wb_rubric_standard_count(r), 67);
    assert_int_equal(wb_rubric_veto_count(r), 8);
    assert_int_equal(wb_rubric_total_half_points(r), 200);
    assert_string_equal(wb_rubric_veto_heading(r), "负面工作清单项");
    wb_rubric_free(r);
}

static void test_rubric__categories_as_printed(void **state)
{
    (void)state;
    static const struct { const char *name; size_t standards; int points; } expect[] = {
        { "组织领导", 9, 14 }, { "工作机制", 5, 10 }, { "家庭保护", 5, 7 },
        { "学校保护", 6, 7 },  { "社会保护", 7, 8 },  { "网络保护", 5, 7 },
        { "政府保护", 7, 10 }, { "司法保护", 7, 8 },  { "保障措施", 9, 16 },
        { "队伍建设", 7, 13 },
    };
    wb_rubric *r = open_default();
    int sum = 0;
    for (size_t c = 0; c < 10; c++) {
        const wb_category *cat = wb_rubric_category_at(r, c);
        char id[24];
        snprintf(id, sizeof(id), "%zu", c + 1);
        assert_string_equal(wb_category_id(cat), id);
        assert_string_equal(wb_category_name(cat), expect[c].name);
        assert_int_equal(wb_category_standard_count(cat), expect[c].standards);
        assert_int_equal(wb_category_half_points(cat), 2 * expect[c].points);
        sum += wb_category_half_points(cat);

        /* Ids run N.1 … N.k in document order and point back to their category. */
        for (size_t i = 0; i < wb_category_standard_count(cat); i++) {
            const wb_item *it = wb_category_standard_at(cat, i);
            char sid[48];
            snprintf(sid, sizeof(sid), "%zu.%zu", c + 1, i + 1);
            assert_string_equal(wb_item_id(it), sid);
            assert_ptr_equal(wb_item_category(it), cat);
            assert_int_equal(wb_item_kind_of(it), WB_ITEM_STANDARD);
            assert_true(wb_item_half_points(it) > 0);
        }
    }
    assert_int_equal(sum, 200);
    wb_rubric_free(r);
}

static void test_rubric__topics_follow_the_table(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    const wb_category *mech = wb_rubric_category_at(r, 1);
    static const char *const topics[] = { "发现报告", "个案会商", "从业查询",
                                          "保护热线", "信息管理" };
    assert_int_equal(wb_category_topic_count(mech), 5);
    for (size_t i = 0; i < 5; i++) {
        const wb_topic *t = wb_category_topic_at(mech, i);
        assert_string_equal(wb_topic_name(t), topics[i]);
        assert_int_equal(wb_topic_standard_count(t), 1);
        assert_ptr_equal(wb_topic_category(t), mech);
    }
    assert_string_equal(wb_topic_name(wb_item_topic(item(r, "2.3"))), "从业查询");
    assert_string_equal(wb_topic_name(wb_item_topic(item(r, "1.9"))), "组织协调");
    assert_string_equal(wb_topic_name(wb_item_topic(item(r, "9.8"))), "机构设施建设");
    assert_string_equal(wb_topic_name(wb_item_topic(item(r, "10.7"))), "能力提升");
    assert_string_equal(wb_topic_name(wb_item_topic(item(r, "4.6"))), "培训机构");
    /* A topic's standards are the category's, in order. */
    const wb_category *family = wb_rubric_category_at(r, 2);
    size_t k = 0;
    for (size_t t = 0; t < wb_category_topic_count(family); t++) {
        const wb_topic *topic = wb_category_topic_at(family, t);
        for (size_t i = 0; i < wb_topic_standard_count(topic); i++)
            assert_ptr_equal(wb_topic_standard_at(topic, i),
                             wb_category_standard_at(family, k++));
    }
    assert_int_equal(k, wb_category_standard_count(family));
    wb_rubric_free(r);
}

static void test_rubric__texts_exactly_as_printed(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    assert_string_equal(wb_item_text(item(r, "2.3")),
        "建立密切接触未成年人岗位入职查询制度,明确查询程序及相应责任,密切接触未成年人的单位招聘工作人员时,"
        "向公安机关、人民检察院查询应聘者有无性侵害、虐待、拐卖、暴力伤害等违法犯罪记录。对现有工作人员,"
        "开展一次查询之后定期查询。密切接触未成年人的单位在收到查询结果30个工作日内与有相关违法犯罪记录的人员解除工作关系。");
    assert_string_equal(wb_item_text(item(r, "9.8")),
        "90%以上城乡社区建立未成年人关爱服务场所,每周开放应不少于5天,节假日至少开放1天,每次开放不少于3个小时。");
    assert_string_equal(wb_item_text(item(r, "V8")),
        "县级民政部门未明确相关内设机构或者专门人员负责承担未成年人保护工作的。");
    assert_string_equal(wb_item_text(item(r, "1.1")),
        "县级党委或政府将未成年人保护工作纳入国民经济和社会发展规划及工作绩效评价内容。");
    assert_string_equal(wb_item_text(item(r, "10.6")),
        "儿童主任和儿童督导员在新任职3个月内接受入职培训,并每年至少轮训1次,每次轮训,儿童社会工作相关课程不少于50%,培训资料保存完好。");
    wb_rubric_free(r);
}

static void test_rubric__slips_kept_with_corrected_reading(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    const wb_item *s25 = item(r, "2.5");
    assert_non_null(strstr(wb_item_text(s25), "审核势头"));
    assert_non_null(wb_item_corrected_text(s25));
    assert_null(strstr(wb_item_corrected_text(s25), "审核势头"));
    assert_non_null(strstr(wb_item_corrected_text(s25), "审核、动态更新"));

    const wb_item *s85 = item(r, "8.5");
    assert_non_null(strstr(wb_item_text(s85), "看护等候护职责"));
    assert_non_null(strstr(wb_item_corrected_text(s85), "看护等保护职责"));

    /* Exactly these two carry a corrected reading. */
    size_t corrected = 0;
    for (size_t i = 0; i < wb_rubric_standard_count(r); i++)
        corrected += wb_item_corrected_text(wb_rubric_standard_at(r, i)) != NULL;
    for (size_t i = 0; i < wb_rubric_veto_count(r); i++)
        corrected += wb_item_corrected_text(wb_rubric_veto_at(r, i)) != NULL;
    assert_int_equal(corrected, 2);
    wb_rubric_free(r);
}

static void test_rubric__points_of_measurable_standards(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    static const struct { const char *id; int points; } expect[] = {
        { "1.3", 2 }, { "1.8", 2 }, { "2.3", 2 }, { "2.5", 2 }, { "3.2", 2 },
        { "3.5", 2 }, { "4.3", 1 }, { "4.6", 1 }, { "6.2", 1 }, { "7.3", 1 },
        { "7.4", 1 }, { "7.7", 3 }, { "8.5", 1 }, { "9.8", 1 }, { "9.9", 2 },
        { "10.1", 1 }, { "10.2", 2 }, { "10.3", 2 }, { "10.6", 2 }, { "10.7", 2 },
    };
    for (size_t i = 0; i < sizeof(expect) / sizeof(expect[0]); i++)
        assert_int_equal(wb_item_half_points(item(r, expect[i].id)),
                         2 * expect[i].points);
    assert_int_equal(wb_item_half_points(item(r, "V1")), 0);
    wb_rubric_free(r);
}

static void test_rubric__vetoes_in_order(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    for (size_t i = 0; i < 8; i++) {
        const wb_item *v = wb_rubric_veto_at(r, i);
        char id[24];
        snprintf(id, sizeof(id), "V%zu", i + 1);
        assert_string_equal(wb_item_id(v), id);
        assert_int_equal(wb_item_kind_of(v), WB_ITEM_VETO);
        assert_null(wb_item_category(v));
        assert_null(wb_item_topic(v));
        assert_true(wb_item_unit_count(v) >= 1);
    }
    const wb_item *v1 = item(r, "V1");
    assert_int_equal(wb_item_unit_count(v1), 4);
    assert_string_equal(wb_item_unit_tail(v1), "等相关单位");
    assert_string_equal(wb_item_unit_tail(item(r, "V6")), "等单位");
    assert_null(wb_item_unit_tail(item(r, "V8")));
    wb_rubric_free(r);
}

static void test_rubric__unit_spellings_resolve_to_one_unit(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    /* 5.3 prints 市交通运输局, 5.6 prints 市交通局: one unit. */
    const wb_item *s53 = item(r, "5.3"), *s56 = item(r, "5.6");
    assert_string_equal(wb_item_unit_spelling_at(s53, 1), "市交通运输局");
    assert_string_equal(wb_item_unit_spelling_at(s56, 1), "市交通局");
    assert_ptr_equal(wb_item_unit_at(s53, 1), wb_item_unit_at(s56, 1));
    assert_string_equal(wb_unit_name(wb_item_unit_at(s56, 1)), "市交通运输局");
    assert_string_equal(wb_unit_id(wb_item_unit_at(s56, 1)), "transport");

    /* 3.2 prints 各乡镇人民政府 for the township group. */
    const wb_item *s32 = item(r, "3.2");
    assert_int_equal(wb_item_unit_count(s32), 1);
    assert_string_equal(wb_item_unit_spelling_at(s32, 0), "各乡镇人民政府");
    const wb_unit *towns = wb_item_unit_at(s32, 0);
    assert_string_equal(wb_unit_name(towns), "各乡镇(街道)");
    assert_int_equal(wb_unit_kind_of(towns), WB_UNIT_GROUP);
    assert_true(wb_unit_is_open(towns));

    const wb_unit *u = NULL;
    assert_int_equal(wb_rubric_find_unit(&u, r, "市交通局", NULL), WB_OK);
    assert_string_equal(wb_unit_id(u), "transport");
    assert_int_equal(wb_unit_alias_count(u), 1);
    assert_string_equal(wb_unit_alias_at(u, 0), "市交通局");
    assert_int_equal(wb_rubric_find_unit(&u, r, "transport", NULL), WB_OK);
    assert_string_equal(wb_unit_name(u), "市交通运输局");
    wb_rubric_free(r);
}

static void test_rubric__unit_lists_and_tails(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    const wb_item *s25 = item(r, "2.5");
    static const char *const units25[] = { "市未保办", "市法院", "市检察院",
        "市公安局", "市民政局", "市教育局", "市司法局", "市卫健局", "市残联", "市妇联" };
    assert_int_equal(wb_item_unit_count(s25), 10);
    for (size_t i = 0; i < 10; i++)
        assert_string_equal(wb_unit_name(wb_item_unit_at(s25, i)), units25[i]);
    assert_string_equal(wb_item_unit_tail(s25), "等单位");
    assert_string_equal(wb_item_unit_tail(item(r, "8.7")), "等相关单位");
    assert_string_equal(wb_item_unit_tail(item(r, "10.7")), "等相关单位");
    assert_string_equal(wb_item_unit_tail(item(r, "4.2")), "等单位");
    assert_null(wb_item_unit_tail(item(r, "1.1")));

    const wb_item *s97 = item(r, "9.7");
    assert_int_equal(wb_item_unit_count(s97), 3);
    const wb_unit *window = wb_item_unit_at(s97, 2);
    assert_string_equal(wb_unit_name(window), "相关窗口单位");
    assert_int_equal(wb_unit_kind_of(window), WB_UNIT_GROUP);
    assert_true(wb_unit_is_open(window));
    assert_int_equal(wb_unit_member_count(window), 0);
    wb_rubric_free(r);
}

static void test_rubric__directory_groups(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    const wb_unit *members = NULL, *office = NULL;
    assert_int_equal(wb_rubric_find_unit(&members, r, "各成员单位", NULL), WB_OK);
    assert_int_equal(wb_unit_kind_of(members), WB_UNIT_GROUP);
    assert_false(wb_unit_is_open(members));
    assert_int_equal(wb_rubric_find_unit(&office, r, "市未保办", NULL), WB_OK);

    /* Every body but the office itself is a member; no group is. */
    size_t bodies = 0;
    for (size_t i = 0; i < wb_rubric_unit_count(r); i++) {
        const wb_unit *u = wb_rubric_unit_at(r, i);
        if (wb_unit_kind_of(u) == WB_UNIT_BODY)
            bodies++;
    }
    assert_int_equal(bodies, 28);
    assert_int_equal(wb_rubric_unit_count(r), 31);
    assert_int_equal(wb_unit_member_count(members), bodies - 1);
    for (size_t i = 0; i < wb_unit_member_count(members); i++) {
        assert_ptr_not_equal(wb_unit_member_at(members, i), office);
        assert_int_equal(wb_unit_kind_of(wb_unit_member_at(members, i)), WB_UNIT_BODY);
    }
    wb_rubric_free(r);
}

static void test_rubric__responsibilities_of_police(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    const wb_unit *police = NULL;
    assert_int_equal(wb_rubric_find_unit(&police, r, "市公安局", NULL), WB_OK);
    /* Named in the seed: */
    static const char *const direct[] = { "1.6", "2.1", "2.3", "2.5", "4.2",
        "5.5", "6.2", "6.5", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7",
        "10.7", "V1", "V4", "V6" };
    /* Through 各成员单位: */
    static const char *const via[] = { "1.5", "2.2", "3.5", "5.2", "5.4", "V2" };
    size_t nd = sizeof(direct) / sizeof(direct[0]), nv = sizeof(via) / sizeof(via[0]);
    assert_int_equal(wb_unit_item_count(police), nd + nv);
    size_t seen_direct = 0, seen_via = 0;
    for (size_t i = 0; i < wb_unit_item_count(police); i++) {
        const char *id = wb_item_id(wb_unit_item_at(police, i));
        const wb_unit *through = wb_unit_item_via_at(police, i);
        int found = 0;
        for (size_t k = 0; k < nd; k++)
            if (strcmp(direct[k], id) == 0) {
                assert_null(through);
                found = 1;
                seen_direct++;
            }
        for (size_t k = 0; k < nv; k++)
            if (strcmp(via[k], id) == 0) {
                assert_non_null(through);
                assert_string_equal(wb_unit_name(through), "各成员单位");
                found = 1;
                seen_via++;
            }
        if (!found)
            fail_msg("市公安局 unexpectedly answers for %s", id);
    }
    assert_int_equal(seen_direct, nd);
    assert_int_equal(seen_via, nv);
    /* Standards first, in document order, then veto items. */
    assert_string_equal(wb_item_id(wb_unit_item_at(police, 0)), "1.5");
    assert_string_equal(wb_item_id(wb_unit_item_at(police, nd + nv - 1)), "V6");
    wb_rubric_free(r);
}

static void test_rubric__responsibilities_of_groups_and_office(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    const wb_unit *towns = NULL, *office = NULL;
    assert_int_equal(wb_rubric_find_unit(&towns, r, "各乡镇人民政府", NULL), WB_OK);
    /* Items that name the township group, in either spelling. */
    static const char *const expect[] = { "1.6", "1.8", "2.2", "3.2", "3.3",
        "3.4", "3.5", "7.7", "9.2", "9.5", "9.6", "9.8", "10.1", "10.2", "10.3",
        "10.4", "10.5", "10.6", "V2", "V3" };
    size_t n = sizeof(expect) / sizeof(expect[0]);
    assert_int_equal(wb_unit_item_count(towns), n);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(wb_item_id(wb_unit_item_at(towns, i)), expect[i]);
        assert_null(wb_unit_item_via_at(towns, i));
    }
    /* The office is not a member, so it answers only where it is named. */
    assert_int_equal(wb_rubric_find_unit(&office, r, "市未保办", NULL), WB_OK);
    for (size_t i = 0; i < wb_unit_item_count(office); i++)
        assert_null(wb_unit_item_via_at(office, i));
    assert_int_equal(wb_unit_item_count(office), 15);
    wb_rubric_free(r);
}

static void test_rubric__find_unknown_item_and_unit(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    wb_error err;
    const wb_item *it = NULL;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_find_item(&it, r, "2.6", &err), WB_ENOTFOUND);
    assert_null(it);
    assert_int_equal(err.code, WB_ENOTFOUND);
    assert_non_null(strstr(err.message, "'2.6'"));
    assert_int_equal(wb_rubric_find_item(&it, r, "V9", NULL), WB_ENOTFOUND);
    assert_int_equal(wb_rubric_find_item(&it, r, "", NULL), WB_ENOTFOUND);
    assert_int_equal(wb_rubric_find_item(&it, r, "2.3 ", NULL), WB_ENOTFOUND);
    assert_int_equal(wb_rubric_find_item(&it, r, "10.7", NULL), WB_OK);
    assert_int_equal(wb_rubric_find_item(&it, r, "V8", NULL), WB_OK);

    const wb_unit *u = NULL;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_find_unit(&u, r, "市交通厅", &err), WB_ENOTFOUND);
    assert_null(u);
    assert_non_null(strstr(err.message, "市交通厅"));
    wb_rubric_free(r);
}

static void test_rubric__file_equals_default(void **state)
{
    (void)state;
    wb_rubric *def = open_default(), *file = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_load_file(&file, WB_SOURCE_DIR "/data/rubric.xml", &err), WB_OK);
    assert_string_equal(wb_rubric_origin(file), WB_SOURCE_DIR "/data/rubric.xml");
    assert_int_equal(wb_rubric_standard_count(file), wb_rubric_standard_count(def));
    for (size_t i = 0; i < wb_rubric_standard_count(def); i++) {
        const wb_item *a = wb_rubric_standard_at(def, i), *b = wb_rubric_standard_at(file, i);
        assert_string_equal(wb_item_id(a), wb_item_id(b));
        assert_string_equal(wb_item_text(a), wb_item_text(b));
        assert_int_equal(wb_item_half_points(a), wb_item_half_points(b));
        assert_int_equal(wb_item_line(a), wb_item_line(b));
    }
    wb_rubric_free(file);
    wb_rubric_free(def);
}

static void test_rubric__load_buffer_half_points_and_aliases(void **state)
{
    (void)state;
    FILE *f = fopen(WB_TEST_DATA "/valid/minimal/input.xml", "rb");
    assert_non_null(f);
    char buf[8192];
    size_t len = fread(buf, 1, sizeof(buf), f);
    fclose(f);

    wb_rubric *r = NULL;
    wb_error err;
    wb_error_clear(&err);
    assert_int_equal(wb_rubric_load_buffer(&r, buf, len, NULL, &err), WB_OK);
    assert_string_equal(wb_rubric_origin(r), "<buffer>");
    assert_string_equal(wb_rubric_edition(r), "test-minimal");
    assert_int_equal(wb_rubric_total_half_points(r), 11);
    assert_int_equal(wb_item_half_points(item(r, "1.2")), 3);
    assert_string_equal(wb_item_corrected_text(item(r, "1.2")), "审核。");
    const wb_item *s21 = item(r, "2.1");
    assert_string_equal(wb_unit_name(wb_item_unit_at(s21, 0)), "县交通运输局");
    assert_string_equal(wb_item_unit_spelling_at(s21, 0), "县交通局");
    assert_string_equal(wb_item_unit_tail(s21), "等相关单位");
    assert_int_equal(wb_item_line(s21), 41);
    wb_rubric_free(r);
}

static void test_rubric__schema_is_served_from_the_library(void **state)
{
    (void)state;
    const char *xsd = wb_rubric_schema();
    assert_non_null(xsd);
    assert_memory_equal(xsd, "<?xml", 5);
    assert_non_null(strstr(xsd, "targetNamespace=\"urn:weibao:rubric:1\""));
}

/* One handle read by many threads at once; loads run in parallel too. */
typedef struct reader_arg {
    const wb_rubric *shared;
    int ok;
} reader_arg;

static void *reader(void *p)
{
    reader_arg *a = p;
    a->ok = 1;
    for (int round = 0; round < 50; round++) {
        int sum = 0;
        for (size_t i = 0; i < wb_rubric_standard_count(a->shared); i++)
            sum += wb_item_half_points(wb_rubric_standard_at(a->shared, i));
        const wb_item *it;
        const wb_unit *u;
        if (sum != 200 || wb_rubric_find_item(&it, a->shared, "9.8", NULL) != WB_OK ||
            wb_rubric_find_unit(&u, a->shared, "市交通局", NULL) != WB_OK)
            a->ok = 0;
    }
    wb_rubric *own = NULL;
    if (wb_rubric_open_default(&own, NULL) != WB_OK ||
        wb_rubric_standard_count(own) != 67)
        a->ok = 0;
    wb_rubric_free(own);
    return NULL;
}

static void test_rubric__shared_handle_across_threads(void **state)
{
    (void)state;
    wb_rubric *r = open_default();
    enum { N = 4 };
    pthread_t t[N];
    reader_arg args[N];
    for (int i = 0; i < N; i++) {
        args[i].shared = r;
        args[i].ok = 0;
        assert_int_equal(pthread_create(&t[i], NULL, reader, &args[i]), 0);
    }
    for (int i = 0; i < N; i++) {
        pthread_join(t[i], NULL);
        assert_true(args[i].ok);
    }
    wb_rubric_free(r);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rubric__default_counts),
    cmocka_unit_test(test_rubric__categories_as_printed),
    cmocka_unit_test(test_rubric__topics_follow_the_table),
    cmocka_unit_test(test_rubric__texts_exactly_as_printed),
    cmocka_unit_test(test_rubric__slips_kept_with_corrected_reading),
    cmocka_unit_test(test_rubric__points_of_measurable_standards),
    cmocka_unit_test(test_rubric__vetoes_in_order),
    cmocka_unit_test(test_rubric__unit_spellings_resolve_to_one_unit),
    cmocka_unit_test(test_rubric__unit_lists_and_tails),
    cmocka_unit_test(test_rubric__directory_groups),
    cmocka_unit_test(test_rubric__responsibilities_of_police),
    cmocka_unit_test(test_rubric__responsibilities_of_groups_and_office),
    cmocka_unit_test(test_rubric__find_unknown_item_and_unit),
    cmocka_unit_test(test_rubric__file_equals_default),
    cmocka_unit_test(test_rubric__load_buffer_half_points_and_aliases),
    cmocka_unit_test(test_rubric__schema_is_served_from_the_library),
    cmocka_unit_test(test_rubric__shared_handle_across_threads),
};

WB_TEST_MAIN("rubric", tests)
