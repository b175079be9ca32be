/*
 * rubric.c - the assessment rubric: loading, checking and reading it.
 *
 * A document goes through three stages, each reporting into one list of
 * findings: well-formed XML (xml.c), the schema (data/rubric.xsd, compiled
 * in), then the rules the schema cannot say (this file). A later stage
 * runs only when the earlier ones found no error, so that one mistake is
 * not reported three times.
 *
 * Invariants of a loaded wb_rubric: every item's units resolve to
 * directory entries; ids are unique; the declared total equals the sum of
 * the standards' points; it is never modified after load, and everything
 * in it lives in its arena.
 */
#include "weibao/rubric.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diagnostic_internal.h"
#include "document.h"
#include "embedded.h"
#include "errors_internal.h"
#include "xml.h"

struct wb_unit {
    const char *id;
    const char *name;
    wb_unit_kind kind;
    int open;
    const char **aliases;
    size_t alias_count;
    const wb_unit **members;
    size_t member_count;
    const wb_item **items;      /* what the unit answers for */
    const wb_unit **via;        /* parallel to items: NULL or the group */
    size_t item_count;
    int line, column;
};

struct wb_item {
    wb_item_kind kind;
    const char *id;
    const char *text;
    const char *corrected;
    int half_points;
    const wb_category *category;
    const wb_topic *topic;
    const wb_unit **units;
    const char **spellings;
    size_t unit_count;
    const char *tail;
    int line, column;
};

struct wb_topic {
    const char *name;
    const wb_category *category;
    const wb_item **standards;
    size_t standard_count;
};

struct wb_category {
    const char *id;
    const char *name;
    int half_points;
    wb_topic *topics;
    size_t topic_count;
    const wb_item **standards;
    size_t standard_count;
    int line, column;
};

struct wb_rubric {
    wb__arena arena;
    const char *edition;
    const char *title;
    const char *source;
    const char *origin;
    const char *veto_heading;
    int total_half_points;
    wb_category *categories;
    size_t category_count;
    wb_item *standards;
    size_t standard_count;
    wb_item *vetoes;
    size_t veto_count;
    wb_unit *units;
    size_t unit_count;
    const wb_item **by_id;      /* every item, sorted by id, for lookups */
};

#define DEFAULT_ORIGIN "<default>"

/* ============================================================ building */

typedef struct builder {
    wb_rubric *r;
    const wb__xml_doc *doc;
    wb_diagnostics *diags;
    int status;     /* WB_OK, or WB_ENOMEM once anything failed to allocate */
} builder;

static char *attr(builder *b, const xmlNode *node, const char *name)
{
    char *v = wb__xml_attr(&b->r->arena, node, name);
    if (v == NULL && wb__xml_has_attr(node, name))
        b->status = WB_ENOMEM;
    return v;
}

static char *text(builder *b, const xmlNode *node)
{
    char *v = wb__xml_text(&b->r->arena, node);
    if (v == NULL)
        b->status = WB_ENOMEM;
    return v;
}

static void *array(builder *b, size_t n, size_t size)
{
    void *p = wb__arena_calloc(&b->r->arena, n, size);
    if (p == NULL)
        b->status = WB_ENOMEM;
    return p;
}

static size_t count_children(const xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (const xmlNode *c = wb__xml_first_element(parent, name); c != NULL;
         c = wb__xml_next_element(c, name))
        n++;
    return n;
}

/* "2" -> 4, "1.5" -> 3; the schema guarantees the shape [0-9]{1,6}(.[05])? */
static int parse_half_points(const char *s)
{
    int halves = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        halves = halves * 10 + (*s - '0');
    halves *= 2;
    if (s[0] == '.' && s[1] == '5')
        halves += 1;
    return halves;
}

/*
 * Sum of points that stays defined however many standards a document
 * has: it stops at INT_MAX, far above any total the schema allows, so a
 * runaway sum is still reported as a mismatch.
 */
static int add_capped(int a, int b)
{
    return a > INT_MAX - b ? INT_MAX : a + b;
}

static void set_position(builder *b, const xmlNode *node, int *line, int *column)
{
    wb__xml_position(b->doc, node, line, column);
}

/* ------------------------------------------------------------- units */

static const wb_unit *unit_by_id(const wb_rubric *r, const char *id)
{
    for (size_t i = 0; i < r->unit_count; i++)
        if (strcmp(r->units[i].id, id) == 0)
            return &r->units[i];
    return NULL;
}

static const wb_unit *unit_by_name(const wb_rubric *r, const char *name)
{
    for (size_t i = 0; i < r->unit_count; i++) {
        const wb_unit *u = &r->units[i];
        if (strcmp(u->name, name) == 0)
            return u;
        for (size_t a = 0; a < u->alias_count; a++)
            if (strcmp(u->aliases[a], name) == 0)
                return u;
    }
    return NULL;
}

/* A unit's names in one list: its canonical name, then its aliases. */
static size_t unit_name_count(const wb_unit *u)
{
    return 1 + u->alias_count;
}

static const char *unit_name_at(const wb_unit *u, size_t i)
{
    return i == 0 ? u->name : u->aliases[i - 1];
}

static void check_directory(builder *b, const xmlNode *const *nodes)
{
    const wb_rubric *r = b->r;
    for (size_t i = 0; i < r->unit_count; i++) {
        const wb_unit *u = &r->units[i];
        for (size_t j = 0; j < i; j++) {
            const wb_unit *v = &r->units[j];
            if (strcmp(u->id, v->id) == 0)
                WB__FINDING(b, nodes[i], WB_CHECK_DUPLICATE_UNIT,
                        "unit id '%s' is already used at line %d",
                        "单位编号“%s”已在第 %d 行使用", u->id, v->line);
            for (size_t a = 0; a < unit_name_count(u); a++)
                for (size_t c = 0; c < unit_name_count(v); c++)
                    if (strcmp(unit_name_at(u, a), unit_name_at(v, c)) == 0)
                        WB__FINDING(b, nodes[i], WB_CHECK_DUPLICATE_UNIT,
                                "unit name '%s' already names '%s' at line %d",
                                "单位名称“%s”已用于“%s”(第 %d 行)",
                                unit_name_at(u, a), v->id, v->line);
        }
    }
}

static void build_units(builder *b, const xmlNode *units_el)
{
    wb_rubric *r = b->r;
    size_t n = 0;
    for (const xmlNode *c = wb__xml_first_element(units_el, NULL); c != NULL;
         c = wb__xml_next_element(c, NULL))
        n++;
    r->units = array(b, n ? n : 1, sizeof(wb_unit));
    const xmlNode **nodes = array(b, n ? n : 1, sizeof(*nodes));
    if (b->status != WB_OK)
        return;

    size_t k = 0;
    for (const xmlNode *c = wb__xml_first_element(units_el, NULL); c != NULL;
         c = wb__xml_next_element(c, NULL), k++) {
        wb_unit *u = &r->units[k];
        nodes[k] = c;
        u->kind = strcmp((const char *)c->name, "group") == 0 ? WB_UNIT_GROUP
                                                             : WB_UNIT_BODY;
        u->id = attr(b, c, "id");
        u->name = attr(b, c, "name");
        set_position(b, c, &u->line, &u->column);
        if (u->kind == WB_UNIT_GROUP) {
            char *m = attr(b, c, "membership");
            u->open = m != NULL && strcmp(m, "open") == 0;
        }
        u->alias_count = count_children(c, "alias");
        u->aliases = array(b, u->alias_count + 1, sizeof(char *));
        size_t a = 0;
        for (const xmlNode *al = wb__xml_first_element(c, "alias");
             al != NULL && u->aliases != NULL; al = wb__xml_next_element(al, "alias"))
            u->aliases[a++] = text(b, al);
        if (b->status != WB_OK)
            return;
    }
    r->unit_count = n;
    check_directory(b, nodes);

    /* Members are resolved once every entry exists. */
    for (k = 0; k < n && b->status == WB_OK; k++) {
        wb_unit *u = &r->units[k];
        if (u->kind != WB_UNIT_GROUP)
            continue;
        size_t m = count_children(nodes[k], "member");
        u->members = array(b, m + 1, sizeof(wb_unit *));
        if (u->members == NULL)
            return;
        for (const xmlNode *mem = wb__xml_first_element(nodes[k], "member");
             mem != NULL; mem = wb__xml_next_element(mem, "member")) {
            const char *ref = attr(b, mem, "ref");
            if (ref == NULL)
                return;
            const wb_unit *target = unit_by_id(r, ref);
            if (target == NULL)
                WB__FINDING(b, mem, WB_CHECK_BAD_MEMBER,
                        "group '%s' lists member '%s', which is not a unit id",
                        "单位组“%s”的成员“%s”不是单位目录中的编号",
                        u->name, ref);
            else if (target->kind == WB_UNIT_GROUP)
                WB__FINDING(b, mem, WB_CHECK_BAD_MEMBER,
                        "group '%s' lists member '%s', which is itself a group",
                        "单位组“%s”的成员“%s”本身是单位组",
                        u->name, ref);
            else
                u->members[u->member_count++] = target;
        }
    }
}

/* ------------------------------------------------------------- items */

/* Fill an item's text, corrected reading and units from its element. */
static void build_item_body(builder *b, wb_item *it, const xmlNode *el)
{
    const wb_rubric *r = b->r;
    it->text = text(b, wb__xml_first_element(el, "text"));
    const xmlNode *corr = wb__xml_first_element(el, "corrected");
    if (corr != NULL)
        it->corrected = text(b, corr);
    set_position(b, el, &it->line, &it->column);

    const xmlNode *resp = wb__xml_first_element(el, "responsible");
    size_t n = count_children(resp, "unit");
    it->units = array(b, n + 1, sizeof(wb_unit *));
    it->spellings = array(b, n + 1, sizeof(char *));
    if (b->status != WB_OK)
        return;
    for (const xmlNode *u = wb__xml_first_element(resp, "unit"); u != NULL;
         u = wb__xml_next_element(u, "unit")) {
        const char *spelling = text(b, u);
        if (spelling == NULL)
            return;
        const wb_unit *unit = unit_by_name(r, spelling);
        if (unit == NULL) {
            WB__FINDING(b, u, WB_CHECK_UNKNOWN_UNIT,
                    "%s names unit '%s', which is not in the unit directory",
                    "%s 的责任单位“%s”不在单位目录中", it->id, spelling);
            continue;
        }
        int repeated = 0;
        for (size_t i = 0; i < it->unit_count; i++)
            if (it->units[i] == unit)
                repeated = 1;
        if (repeated) {
            WB__FINDING(b, u, WB_CHECK_REPEATED_UNIT,
                    "%s names unit '%s' twice", "%s 重复列出责任单位“%s”",
                    it->id, unit->name);
            continue;
        }
        it->units[it->unit_count] = unit;
        it->spellings[it->unit_count] = spelling;
        it->unit_count++;
    }
    const xmlNode *others = wb__xml_first_element(resp, "others");
    if (others != NULL)
        it->tail = text(b, others);
}

static void build_categories(builder *b, const xmlNode *root)
{
    wb_rubric *r = b->r;
    size_t ncat = count_children(root, "category");
    size_t nstd = 0;
    for (const xmlNode *c = wb__xml_first_element(root, "category"); c != NULL;
         c = wb__xml_next_element(c, "category"))
        for (const xmlNode *t = wb__xml_first_element(c, "topic"); t != NULL;
             t = wb__xml_next_element(t, "topic"))
            nstd += count_children(t, "standard");
    r->categories = array(b, ncat + 1, sizeof(wb_category));
    r->standards = array(b, nstd + 1, sizeof(wb_item));
    if (b->status != WB_OK)
        return;

    size_t ci = 0;
    for (const xmlNode *c = wb__xml_first_element(root, "category"); c != NULL;
         c = wb__xml_next_element(c, "category"), ci++) {
        wb_category *cat = &r->categories[ci];
        cat->id = attr(b, c, "id");
        cat->name = attr(b, c, "name");
        set_position(b, c, &cat->line, &cat->column);
        if (b->status != WB_OK)
            return;
        for (size_t j = 0; j < ci; j++)
            if (strcmp(r->categories[j].id, cat->id) == 0)
                WB__FINDING(b, c, WB_CHECK_DUPLICATE_ID,
                        "category id '%s' is already used at line %d",
                        "项目编号“%s”已在第 %d 行使用", cat->id,
                        r->categories[j].line);
        r->category_count = ci + 1;

        cat->topic_count = count_children(c, "topic");
        cat->topics = array(b, cat->topic_count + 1, sizeof(wb_topic));
        size_t in_cat = 0;
        for (const xmlNode *t = wb__xml_first_element(c, "topic"); t != NULL;
             t = wb__xml_next_element(t, "topic"))
            in_cat += count_children(t, "standard");
        cat->standards = array(b, in_cat + 1, sizeof(wb_item *));
        if (b->status != WB_OK)
            return;

        size_t ti = 0;
        for (const xmlNode *t = wb__xml_first_element(c, "topic"); t != NULL;
             t = wb__xml_next_element(t, "topic"), ti++) {
            wb_topic *topic = &cat->topics[ti];
            topic->name = attr(b, t, "name");
            topic->category = cat;
            topic->standards = array(b, count_children(t, "standard") + 1,
                                     sizeof(wb_item *));
            if (b->status != WB_OK)
                return;
            for (const xmlNode *s = wb__xml_first_element(t, "standard");
                 s != NULL; s = wb__xml_next_element(s, "standard")) {
                wb_item *it = &r->standards[r->standard_count++];
                it->kind = WB_ITEM_STANDARD;
                it->id = attr(b, s, "id");
                const char *points = attr(b, s, "points");
                if (b->status != WB_OK)
                    return;
                it->half_points = parse_half_points(points);
                it->category = cat;
                it->topic = topic;
                build_item_body(b, it, s);
                if (b->status != WB_OK)
                    return;

                size_t prefix = strcspn(it->id, ".");
                if (strlen(cat->id) != prefix ||
                    strncmp(it->id, cat->id, prefix) != 0)
                    WB__FINDING(b, s, WB_CHECK_ID_CATEGORY,
                            "standard '%s' is in category %s; its id must start with '%s.'",
                            "工作标准“%s”属于项目 %s,编号应以“%s.”开头",
                            it->id, cat->id, cat->id);
                if (it->half_points == 0)
                    WB__FINDING(b, s, WB_CHECK_POINTS,
                            "standard '%s' is worth %s points; points must be above zero",
                            "工作标准“%s”分值为 %s;分值必须大于零",
                            it->id, points);

                topic->standards[topic->standard_count++] = it;
                cat->standards[cat->standard_count++] = it;
                cat->half_points = add_capped(cat->half_points, it->half_points);
            }
        }
    }
}

static void build_vetoes(builder *b, const xmlNode *root)
{
    wb_rubric *r = b->r;
    const xmlNode *vetoes = wb__xml_first_element(root, "vetoes");
    if (vetoes == NULL) {
        r->vetoes = array(b, 1, sizeof(wb_item));
        r->veto_heading = "";
        return;
    }
    r->veto_heading = attr(b, vetoes, "name");
    r->vetoes = array(b, count_children(vetoes, "veto") + 1, sizeof(wb_item));
    if (b->status != WB_OK)
        return;
    for (const xmlNode *v = wb__xml_first_element(vetoes, "veto"); v != NULL;
         v = wb__xml_next_element(v, "veto")) {
        wb_item *it = &r->vetoes[r->veto_count++];
        it->kind = WB_ITEM_VETO;
        it->id = attr(b, v, "id");
        if (b->status != WB_OK)
            return;
        build_item_body(b, it, v);
        if (b->status != WB_OK)
            return;
    }
}

static int item_names(const wb_item *it, const wb_unit *u)
{
    for (size_t i = 0; i < it->unit_count; i++)
        if (it->units[i] == u)
            return 1;
    return 0;
}

static int is_member(const wb_unit *group, const wb_unit *u)
{
    for (size_t i = 0; i < group->member_count; i++)
        if (group->members[i] == u)
            return 1;
    return 0;
}

/* Why u answers for it: 1 when named, 2 when through a group (*via set). */
static int answers_for(const wb_item *it, const wb_unit *u, const wb_unit **via)
{
    *via = NULL;
    if (item_names(it, u))
        return 1;
    if (u->kind != WB_UNIT_BODY)
        return 0;
    for (size_t i = 0; i < it->unit_count; i++)
        if (it->units[i]->kind == WB_UNIT_GROUP && is_member(it->units[i], u)) {
            *via = it->units[i];
            return 2;
        }
    return 0;
}

/* Order by id, then by place in the document. */
static int compare_items(const void *pa, const void *pb)
{
    const wb_item *a = *(const wb_item *const *)pa;
    const wb_item *b = *(const wb_item *const *)pb;
    int c = strcmp(a->id, b->id);
    if (c != 0)
        return c;
    return (a->line > b->line) - (a->line < b->line);
}

/*
 * Sort every item by id for lookups, and report each id that repeats one
 * seen earlier in the document. Sorting keeps this O(n log n) for
 * editions of any size.
 */
static void index_items(builder *b)
{
    wb_rubric *r = b->r;
    size_t n = r->standard_count + r->veto_count;
    r->by_id = array(b, n + 1, sizeof(wb_item *));
    if (r->by_id == NULL)
        return;
    for (size_t i = 0; i < r->standard_count; i++)
        r->by_id[i] = &r->standards[i];
    for (size_t i = 0; i < r->veto_count; i++)
        r->by_id[r->standard_count + i] = &r->vetoes[i];
    qsort((void *)r->by_id, n, sizeof(wb_item *), compare_items);

    for (size_t i = 1; i < n; i++) {
        size_t first = i - 1;
        while (i < n && strcmp(r->by_id[i]->id, r->by_id[first]->id) == 0) {
            const wb_item *dup = r->by_id[i], *orig = r->by_id[first];
            if (wb__diagnostics_add(b->diags, WB_CHECK_DUPLICATE_ID, b->doc->name,
                                    dup->line, dup->column,
                                    "id '%s' is already used at line %d",
                                    "编号“%s”已在第 %d 行使用", dup->id,
                                    orig->line) != WB_OK)
                b->status = WB_ENOMEM;
            i++;
        }
    }
}

/* The 逐一认领 table: for every unit, the items it answers for. */
static void build_responsibilities(builder *b)
{
    wb_rubric *r = b->r;
    const wb_item *lists[2] = { r->standards, r->vetoes };
    size_t counts[2] = { r->standard_count, r->veto_count };
    for (size_t k = 0; k < r->unit_count; k++) {
        wb_unit *u = &r->units[k];
        const wb_unit *via;
        size_t n = 0;
        for (int l = 0; l < 2; l++)
            for (size_t i = 0; i < counts[l]; i++)
                if (answers_for(&lists[l][i], u, &via))
                    n++;
        u->items = array(b, n + 1, sizeof(wb_item *));
        u->via = array(b, n + 1, sizeof(wb_unit *));
        if (b->status != WB_OK)
            return;
        for (int l = 0; l < 2; l++)
            for (size_t i = 0; i < counts[l]; i++)
                if (answers_for(&lists[l][i], u, &via)) {
                    u->items[u->item_count] = &lists[l][i];
                    u->via[u->item_count] = via;
                    u->item_count++;
                }
    }
}

static void build(builder *b, const xmlNode *root)
{
    wb_rubric *r = b->r;
    r->edition = attr(b, root, "edition");
    r->title = text(b, wb__xml_first_element(root, "title"));
    const xmlNode *source = wb__xml_first_element(root, "source");
    r->source = source != NULL ? text(b, source) : "";
    const char *total = attr(b, root, "total");
    if (b->status != WB_OK)
        return;

    build_units(b, wb__xml_first_element(root, "units"));
    if (b->status != WB_OK)
        return;
    build_categories(b, root);
    if (b->status != WB_OK)
        return;
    build_vetoes(b, root);
    if (b->status != WB_OK)
        return;

    int sum = 0;
    for (size_t i = 0; i < r->category_count; i++)
        sum = add_capped(sum, r->categories[i].half_points);
    r->total_half_points = parse_half_points(total);
    if (sum != r->total_half_points) {
        char summed[WB_POINTS_STRLEN];
        wb_points_format(summed, sum);
        WB__FINDING(b, root, WB_CHECK_TOTAL,
                "the rubric declares a total of %s points, but its standards add up to %s",
                "考核细则声明满分为 %s 分,但各工作标准分值之和为 %s 分",
                total, summed);
    }
    index_items(b);
    if (b->status == WB_OK)
        build_responsibilities(b);
}

/*
 * Validate and build a parsed document. Findings go to diags. When out is not
 * NULL and no error was found, *out receives the rubric. Returns WB_OK,
 * WB_EPARSE, WB_ESCHEMA (the document has errors) or WB_ENOMEM/WB_ERROR.
 */
int wb__rubric_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                    const void *context)
{
    (void)context;
    int rc = wb__xml_validate(doc, (const char *)wb__embedded_rubric_xsd,
                              wb__embedded_rubric_xsd_len, diags);
    if (rc != WB_OK)
        return rc;

    wb_rubric *r = calloc(1, sizeof(*r));
    if (r == NULL)
        return WB_ENOMEM;
    builder b = { r, doc, diags, WB_OK };
    r->origin = wb__arena_strdup(&r->arena, doc->name);
    if (r->origin == NULL)
        b.status = WB_ENOMEM;
    else
        build(&b, xmlDocGetRootElement(doc->doc));
    wb__diagnostics_sort(diags);

    rc = b.status;
    if (rc == WB_OK && wb_diagnostics_count_at_least(diags, WB_SEVERITY_ERROR) > 0)
        rc = WB_ESCHEMA;
    if (rc == WB_OK && out != NULL)
        *out = r;
    else
        wb_rubric_free(r);
    return rc;
}

/* ================================================================ load */

int wb_rubric_open_default(wb_rubric **out, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_open_default", "out");
    void *r = NULL;
    int rc = wb__document_load(&r, wb__rubric_read, NULL, (const char *)wb__embedded_rubric_xml,
                               wb__embedded_rubric_xml_len, DEFAULT_ORIGIN, err);
    *out = r;
    return rc;
}

int wb_rubric_load_buffer(wb_rubric **out, const char *data, size_t len,
                          const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_load_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_rubric_load_buffer", "data");
    void *r = NULL;
    int rc = wb__document_load(&r, wb__rubric_read, NULL, data, len,
                               name != NULL ? name : "<buffer>", err);
    *out = r;
    return rc;
}

int wb_rubric_load_file(wb_rubric **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_load_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_rubric_load_file", "path");
    void *r = NULL;
    int rc = wb__document_load_file(&r, wb__rubric_read, NULL, path, err);
    *out = r;
    return rc;
}

void wb_rubric_free(wb_rubric *rubric)
{
    if (rubric == NULL)
        return;
    wb__arena_dispose(&rubric->arena);
    free(rubric);
}

/* =============================================================== check */

int wb_rubric_check_buffer(wb_diagnostics **out, const char *data, size_t len,
                           const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_check_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_rubric_check_buffer", "data");
    return wb__document_check(out, wb__rubric_read, NULL, data, len,
                              name != NULL ? name : "<buffer>", err);
}

int wb_rubric_check_file(wb_diagnostics **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_check_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_rubric_check_file", "path");
    return wb__document_check_file(out, wb__rubric_read, NULL, path, err);
}

const char *wb_rubric_schema(void)
{
    return (const char *)wb__embedded_rubric_xsd;
}

/* ============================================================ reading */

const char *wb_rubric_edition(const wb_rubric *r) { return r ? r->edition : NULL; }
const char *wb_rubric_title(const wb_rubric *r) { return r ? r->title : NULL; }
const char *wb_rubric_source(const wb_rubric *r) { return r ? r->source : NULL; }
const char *wb_rubric_origin(const wb_rubric *r) { return r ? r->origin : NULL; }
int wb_rubric_total_half_points(const wb_rubric *r) { return r ? r->total_half_points : 0; }
const char *wb_rubric_veto_heading(const wb_rubric *r) { return r ? r->veto_heading : NULL; }

size_t wb_rubric_category_count(const wb_rubric *r) { return r ? r->category_count : 0; }

const wb_category *wb_rubric_category_at(const wb_rubric *r, size_t i)
{
    return r != NULL && i < r->category_count ? &r->categories[i] : NULL;
}

const char *wb_category_id(const wb_category *c) { return c ? c->id : NULL; }
const char *wb_category_name(const wb_category *c) { return c ? c->name : NULL; }
int wb_category_half_points(const wb_category *c) { return c ? c->half_points : 0; }
size_t wb_category_topic_count(const wb_category *c) { return c ? c->topic_count : 0; }

const wb_topic *wb_category_topic_at(const wb_category *c, size_t i)
{
    return c != NULL && i < c->topic_count ? &c->topics[i] : NULL;
}

size_t wb_category_standard_count(const wb_category *c) { return c ? c->standard_count : 0; }

const wb_item *wb_category_standard_at(const wb_category *c, size_t i)
{
    return c != NULL && i < c->standard_count ? c->standards[i] : NULL;
}

const char *wb_topic_name(const wb_topic *t) { return t ? t->name : NULL; }
const wb_category *wb_topic_category(const wb_topic *t) { return t ? t->category : NULL; }
size_t wb_topic_standard_count(const wb_topic *t) { return t ? t->standard_count : 0; }

const wb_item *wb_topic_standard_at(const wb_topic *t, size_t i)
{
    return t != NULL && i < t->standard_count ? t->standards[i] : NULL;
}

size_t wb_rubric_standard_count(const wb_rubric *r) { return r ? r->standard_count : 0; }

const wb_item *wb_rubric_standard_at(const wb_rubric *r, size_t i)
{
    return r != NULL && i < r->standard_count ? &r->standards[i] : NULL;
}

size_t wb_rubric_veto_count(const wb_rubric *r) { return r ? r->veto_count : 0; }

const wb_item *wb_rubric_veto_at(const wb_rubric *r, size_t i)
{
    return r != NULL && i < r->veto_count ? &r->vetoes[i] : NULL;
}

int wb_rubric_find_item(const wb_item **out, const wb_rubric *r, const char *id,
                        wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_find_item", "out");
    *out = NULL;
    if (r == NULL)
        return wb__error_arg(err, "wb_rubric_find_item", "rubric");
    if (id == NULL)
        return wb__error_arg(err, "wb_rubric_find_item", "id");
    size_t lo = 0, hi = r->standard_count + r->veto_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(r->by_id[mid]->id, id);
        if (c == 0) {
            *out = r->by_id[mid];
            return WB_OK;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return wb__error_set(err, WB_ENOTFOUND, r->origin, 0, 0, NULL,
                         "no standard or veto item '%s' in rubric '%s'", id,
                         r->edition);
}

wb_item_kind wb_item_kind_of(const wb_item *it) { return it ? it->kind : WB_ITEM_STANDARD; }
const char *wb_item_id(const wb_item *it) { return it ? it->id : NULL; }
const char *wb_item_text(const wb_item *it) { return it ? it->text : NULL; }
const char *wb_item_corrected_text(const wb_item *it) { return it ? it->corrected : NULL; }
int wb_item_half_points(const wb_item *it) { return it ? it->half_points : 0; }
const wb_category *wb_item_category(const wb_item *it) { return it ? it->category : NULL; }
const wb_topic *wb_item_topic(const wb_item *it) { return it ? it->topic : NULL; }
int wb_item_line(const wb_item *it) { return it ? it->line : 0; }
size_t wb_item_unit_count(const wb_item *it) { return it ? it->unit_count : 0; }

const wb_unit *wb_item_unit_at(const wb_item *it, size_t i)
{
    return it != NULL && i < it->unit_count ? it->units[i] : NULL;
}

const char *wb_item_unit_spelling_at(const wb_item *it, size_t i)
{
    return it != NULL && i < it->unit_count ? it->spellings[i] : NULL;
}

const char *wb_item_unit_tail(const wb_item *it) { return it ? it->tail : NULL; }

size_t wb_rubric_unit_count(const wb_rubric *r) { return r ? r->unit_count : 0; }

const wb_unit *wb_rubric_unit_at(const wb_rubric *r, size_t i)
{
    return r != NULL && i < r->unit_count ? &r->units[i] : NULL;
}

int wb_rubric_find_unit(const wb_unit **out, const wb_rubric *r,
                        const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_rubric_find_unit", "out");
    *out = NULL;
    if (r == NULL)
        return wb__error_arg(err, "wb_rubric_find_unit", "rubric");
    if (name == NULL)
        return wb__error_arg(err, "wb_rubric_find_unit", "name");
    const wb_unit *u = unit_by_id(r, name);
    if (u == NULL)
        u = unit_by_name(r, name);
    if (u == NULL)
        return wb__error_set(err, WB_ENOTFOUND, r->origin, 0, 0, NULL,
                             "no unit named '%s' in rubric '%s'", name,
                             r->edition);
    *out = u;
    return WB_OK;
}

const char *wb_unit_id(const wb_unit *u) { return u ? u->id : NULL; }
const char *wb_unit_name(const wb_unit *u) { return u ? u->name : NULL; }
wb_unit_kind wb_unit_kind_of(const wb_unit *u) { return u ? u->kind : WB_UNIT_BODY; }
size_t wb_unit_alias_count(const wb_unit *u) { return u ? u->alias_count : 0; }

const char *wb_unit_alias_at(const wb_unit *u, size_t i)
{
    return u != NULL && i < u->alias_count ? u->aliases[i] : NULL;
}

int wb_unit_is_open(const wb_unit *u) { return u ? u->open : 0; }
size_t wb_unit_member_count(const wb_unit *u) { return u ? u->member_count : 0; }

const wb_unit *wb_unit_member_at(const wb_unit *u, size_t i)
{
    return u != NULL && i < u->member_count ? u->members[i] : NULL;
}

size_t wb_unit_item_count(const wb_unit *u) { return u ? u->item_count : 0; }

const wb_item *wb_unit_item_at(const wb_unit *u, size_t i)
{
    return u != NULL && i < u->item_count ? u->items[i] : NULL;
}

const wb_unit *wb_unit_item_via_at(const wb_unit *u, size_t i)
{
    return u != NULL && i < u->item_count ? u->via[i] : NULL;
}

/* ============================================================== points */

int wb_points_format(char *buf, int half_points)
{
    if (buf == NULL)
        return WB_EINVAL;
    /* Work in unsigned to format INT_MIN without overflow. */
    unsigned int mag = half_points < 0 ? 0u - (unsigned int)half_points
                                       : (unsigned int)half_points;
    snprintf(buf, WB_POINTS_STRLEN, "%s%u%s", half_points < 0 ? "-" : "",
             mag / 2u, (mag & 1u) ? ".5" : "");
    return WB_OK;
}
