/*
 * dossier.c - reading a county's self-assessment dossier.
 *
 * The XML is read like every document (document.c): parsed once,
 * validated against data/dossier.xsd, built into an arena. A score sheet
 * in CSV, when the dossier names one, is read with the ledger CSV reader
 * (csv.c: UTF-8, BOM or GB18030) and its rows join the inline scores.
 * Points are kept in halves, so that 1.5 + 0.5 is exactly 2.
 */
#include "weibao/dossier.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "csv.h"
#include "document.h"
#include "embedded.h"
#include "diagnostic_internal.h"
#include "errors_internal.h"
#include "ledger_internal.h"
#include "weibao/fileio.h"

typedef struct score {
    const char *standard, *unit, *note, *source;
    int half_points, line, column;
    const char **evidence;
    size_t evidence_count;
} score;

typedef struct veto {
    const char *item, *description;
    int occurred, has_date, line, column;
    wb_date date;
} veto;

struct wb_dossier {
    wb__arena arena;
    const char *path, *county, *title, *edition, *pack, *sheet;
    wb_date as_of, since;
    int has_since;
    const char **ledgers, **ledger_kinds;
    int *ledger_places;             /* line, column of each <ledger> */
    size_t ledger_count;
    score *scores;
    size_t score_count, score_cap;
    veto *vetoes;
    size_t veto_count;
    wb_diagnostics *problems;       /* score-sheet rows skipped, and why */
};

typedef struct builder {
    wb_dossier *d;
    const wb__xml_doc *doc;
    wb_diagnostics *diags;
    int status;
    unsigned path_flags;            /* wb_path_flags for the files it names */
} builder;

static char *attr(builder *b, const xmlNode *node, const char *name)
{
    char *v = wb__xml_attr(&b->d->arena, node, name);
    if (v == NULL && wb__xml_has_attr(node, name))
        b->status = WB_ENOMEM;
    return v;
}

static char *copy(builder *b, const char *s, size_t len)
{
    char *c = wb__arena_alloc(&b->d->arena, len + 1);
    if (c == NULL) {
        b->status = WB_ENOMEM;
        return NULL;
    }
    memcpy(c, s, len);
    c[len] = '\0';
    return c;
}

/* "1.5" as 3 halves; -1 when it is not a number of halves (0.5 steps). */
static int parse_half_points(const char *s, int *out)
{
    int neg = *s == '-';
    if (neg)
        s++;
    if (*s < '0' || *s > '9')
        return -1;
    long whole = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        whole = whole * 10 + (*s - '0');
        if (whole > 100000)
            return -1;
    }
    int half = 0;
    if (*s == '.') {
        s++;
        if (*s == '5')
            half = 1;
        else if (*s != '0')
            return -1;
        s++;
        while (*s == '0')
            s++;
    }
    if (*s != '\0')
        return -1;
    long v = whole * 2 + half;
    *out = (int)(neg ? -v : v);
    return 0;
}

/* A file the dossier names (el's href), resolved against the dossier's
   folder. A name that leaves the folder is a dossier-path error at el and
   is never opened (NULL), unless the caller allowed it. */
static const char *resolve(builder *b, const xmlNode *el)
{
    const char *href = attr(b, el, "href");
    if (href == NULL)
        return NULL;
    char *path = NULL;
    wb_error e;
    int rc = wb_path_resolve(&path, b->d->path, href, b->path_flags, &e);
    if (rc == WB_EDENIED) {
        WB__FINDING(b, el, "dossier-path",
                    "'%s' leads outside the dossier's folder, so it is not read "
                    "(a dossier may name only files in its own folder and below)",
                    "“%s”指向自评材料所在文件夹之外,不予读取(自评材料只能列出其所在文件夹及下级文件夹中的文件)",
                    href);
        return NULL;
    }
    if (rc != WB_OK) {
        b->status = rc;
        return NULL;
    }
    const char *kept = wb__arena_strdup(&b->d->arena, path);
    free(path);
    if (kept == NULL)
        b->status = WB_ENOMEM;
    return kept;
}

static score *new_score(builder *b)
{
    wb_dossier *d = b->d;
    if (d->score_count == d->score_cap) {
        size_t cap = d->score_cap ? d->score_cap * 2 : 128;
        score *grown = wb__arena_calloc(&d->arena, cap, sizeof(score));
        if (grown == NULL) {
            b->status = WB_ENOMEM;
            return NULL;
        }
        if (d->score_count > 0)
            memcpy(grown, d->scores, d->score_count * sizeof(score));
        d->scores = grown;
        d->score_cap = cap;
    }
    score *s = &d->scores[d->score_count++];
    memset(s, 0, sizeof(*s));
    return s;
}

static size_t count_children(const xmlNode *parent, const char *name)
{
    size_t n = 0;
    for (const xmlNode *el = wb__xml_first_element(parent, name); el != NULL;
         el = wb__xml_next_element(el, name))
        n++;
    return n;
}

static void build_score(builder *b, const xmlNode *el)
{
    score *s = new_score(b);
    if (s == NULL)
        return;
    wb__xml_position(b->doc, el, &s->line, &s->column);
    s->source = b->d->path;
    s->standard = attr(b, el, "standard");
    s->unit = attr(b, el, "unit");
    const char *points = attr(b, el, "points");
    if (points != NULL)
        parse_half_points(points, &s->half_points);     /* the schema has checked its form */
    const xmlNode *note = wb__xml_first_element(el, "note");
    if (note != NULL && (s->note = wb__xml_text(&b->d->arena, note)) == NULL)
        b->status = WB_ENOMEM;
    s->evidence_count = count_children(el, "evidence");
    s->evidence = wb__arena_calloc(&b->d->arena, s->evidence_count + 1, sizeof(char *));
    if (s->evidence == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    size_t k = 0;
    for (const xmlNode *e = wb__xml_first_element(el, "evidence"); e != NULL;
         e = wb__xml_next_element(e, "evidence"))
        s->evidence[k++] = attr(b, e, "href");
}

/* Evidence cells list references separated by ; ；、 or line breaks. */
static void split_evidence(builder *b, score *s, const char *cell)
{
    static const char *const seps[] = { ";", "\xEF\xBC\x9B", "\xE3\x80\x81", "\n", NULL };
    size_t cap = 1;
    for (const char *p = cell; *p != '\0'; p++)
        cap += *p == ';' || *p == '\n' || (unsigned char)*p == 0xEF || (unsigned char)*p == 0xE3;
    s->evidence = wb__arena_calloc(&b->d->arena, cap + 1, sizeof(char *));
    if (s->evidence == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    const char *p = cell;
    while (*p != '\0' && s->evidence_count < cap) {
        size_t len = strlen(p), sep_len = 0;
        for (size_t k = 0; seps[k] != NULL; k++) {
            const char *hit = strstr(p, seps[k]);
            if (hit != NULL && (size_t)(hit - p) < len) {
                len = (size_t)(hit - p);
                sep_len = strlen(seps[k]);
            }
        }
        size_t start = 0, end = len;
        while (start < end && (p[start] == ' ' || p[start] == '\r'))
            start++;
        while (end > start && (p[end - 1] == ' ' || p[end - 1] == '\r'))
            end--;
        if (end > start && (s->evidence[s->evidence_count] = copy(b, p + start, end - start)) != NULL)
            s->evidence_count++;
        p += len + sep_len;
        if (sep_len == 0)
            break;
    }
}

/* The score sheet's columns, by Chinese header or English name. */
enum { SH_STANDARD, SH_POINTS, SH_UNIT, SH_EVIDENCE, SH_NOTE, SH_COLUMNS };

static const char *const sheet_headers[SH_COLUMNS][2] = {
    { "考核标准", "standard" }, { "得分", "points" }, { "申报单位", "unit" },
    { "佐证材料", "evidence" }, { "备注", "note" },
};

/* The columns a score sheet's header may have; cells past them are not
   read (a sheet has five). */
#define SH_MAX_COLUMNS 64

/* Read the score sheet open in f (closed here), or, when data is not NULL,
   its len bytes in memory; path names it in messages. */
static void read_sheet(builder *b, FILE *f, const char *path, const char *data, size_t len)
{
    wb_error err;
    wb__csv *csv = NULL;
    const char *const *cells;
    size_t n;
    int line, columns[SH_MAX_COLUMNS];
    /* Every column is "none" until the header names it: a row may be
       wider than its header. */
    for (size_t i = 0; i < SH_MAX_COLUMNS; i++)
        columns[i] = -1;
    int rc = data != NULL ? wb__csv_open_buffer(&csv, data, len, path, &err)
                          : wb__csv_open_file(&csv, f, path, &err);
    if (rc == WB_OK)
        rc = wb__csv_next(csv, &cells, &n, &line, &err);
    if (rc == 1) {
        int found[SH_COLUMNS] = { 0 };
        for (size_t i = 0; i < n && i < SH_MAX_COLUMNS; i++) {
            for (int c = 0; c < SH_COLUMNS; c++)
                if (strcmp(cells[i], sheet_headers[c][0]) == 0 || strcmp(cells[i], sheet_headers[c][1]) == 0) {
                    columns[i] = c;
                    found[c] = 1;
                }
        }
        if (!found[SH_STANDARD] || !found[SH_POINTS]) {
            wb__diagnostics_add(b->diags, "dossier-sheet", path, line, 1,
                                "the score sheet needs the columns 考核标准 and 得分%s",
                                "评分表须有“考核标准”和“得分”两列%s", "");
            rc = 0;
        }
        while (rc == 1 && b->status == WB_OK && (rc = wb__csv_next(csv, &cells, &n, &line, &err)) == 1) {
            const char *value[SH_COLUMNS] = { NULL };
            int empty = 1;
            for (size_t i = 0; i < n && i < SH_MAX_COLUMNS; i++) {
                if (cells[i][0] != '\0')
                    empty = 0;
                if (columns[i] >= 0 && cells[i][0] != '\0')
                    value[columns[i]] = cells[i];
            }
            if (empty)
                continue;
            int half = 0;
            if (value[SH_STANDARD] == NULL || value[SH_POINTS] == NULL ||
                parse_half_points(value[SH_POINTS], &half) != 0) {
                char got[40];       /* a number in it masked, cut at a character */
                wb__quote_value(got, sizeof(got), value[SH_POINTS]);
                if (wb__diagnostics_add(b->d->problems, "dossier-sheet", path, line, 1,
                                        "the row needs a standard and points in steps of 0.5 (got '%s'); it is not counted",
                                        "该行须有考核标准和以 0.5 为单位的得分(实为“%s”);不予计入",
                                        got) != WB_OK)
                    b->status = WB_ENOMEM;
                continue;
            }
            score *s = new_score(b);
            if (s == NULL)
                break;
            s->source = path;
            s->line = line;
            s->column = 1;      /* a row starts at its first column */
            s->half_points = half;
            s->standard = copy(b, value[SH_STANDARD], strlen(value[SH_STANDARD]));
            if (value[SH_UNIT] != NULL)
                s->unit = copy(b, value[SH_UNIT], strlen(value[SH_UNIT]));
            if (value[SH_NOTE] != NULL)
                s->note = copy(b, value[SH_NOTE], strlen(value[SH_NOTE]));
            split_evidence(b, s, value[SH_EVIDENCE] != NULL ? value[SH_EVIDENCE] : "");
        }
    }
    if (rc < 0 && rc != WB_ENOMEM &&
        wb__diagnostics_add_text(b->diags, WB_SEVERITY_ERROR, "dossier-sheet", path, err.line,
                                 err.column, err.message, err.message) != WB_OK)
        rc = WB_ENOMEM;
    if (rc == WB_ENOMEM)
        b->status = WB_ENOMEM;
    wb__csv_free(csv);
    if (f != NULL)
        fclose(f);
}

static int date_attr(builder *b, const xmlNode *el, const char *name, wb_date *out)
{
    const char *v = attr(b, el, name);
    return v != NULL && wb_date_parse(out, v, NULL) == WB_OK;
}

static void build(builder *b, const xmlNode *root)
{
    wb_dossier *d = b->d;
    d->county = attr(b, root, "county");
    d->edition = attr(b, root, "rubric");
    date_attr(b, root, "as-of", &d->as_of);
    d->has_since = date_attr(b, root, "since", &d->since);
    if ((d->title = wb__xml_text(&d->arena, wb__xml_first_element(root, "title"))) == NULL)
        b->status = WB_ENOMEM;
    const xmlNode *pack = wb__xml_first_element(root, "rule-pack");
    if (pack != NULL)
        d->pack = resolve(b, pack);
    d->ledger_count = count_children(root, "ledger");
    d->ledgers = wb__arena_calloc(&d->arena, d->ledger_count + 1, sizeof(char *));
    d->ledger_kinds = wb__arena_calloc(&d->arena, d->ledger_count + 1, sizeof(char *));
    d->ledger_places = wb__arena_calloc(&d->arena, 2 * d->ledger_count + 1, sizeof(int));
    size_t vetoes = count_children(root, "veto");
    d->vetoes = wb__arena_calloc(&d->arena, vetoes + 1, sizeof(veto));
    if (d->ledgers == NULL || d->ledger_kinds == NULL || d->ledger_places == NULL ||
        d->vetoes == NULL) {
        b->status = WB_ENOMEM;
        return;
    }
    size_t k = 0;
    for (const xmlNode *el = wb__xml_first_element(root, "ledger"); el != NULL;
         el = wb__xml_next_element(el, "ledger"), k++) {
        wb__xml_position(b->doc, el, &d->ledger_places[2 * k], &d->ledger_places[2 * k + 1]);
        d->ledgers[k] = resolve(b, el);
        d->ledger_kinds[k] = attr(b, el, "kind");
    }
    for (const xmlNode *el = wb__xml_first_element(root, "score"); el != NULL && b->status == WB_OK;
         el = wb__xml_next_element(el, "score"))
        build_score(b, el);
    for (const xmlNode *el = wb__xml_first_element(root, "veto"); el != NULL;
         el = wb__xml_next_element(el, "veto")) {
        veto *v = &d->vetoes[d->veto_count++];
        wb__xml_position(b->doc, el, &v->line, &v->column);
        v->item = attr(b, el, "item");
        const char *occurred = attr(b, el, "occurred");
        v->occurred = occurred != NULL && (strcmp(occurred, "true") == 0 || strcmp(occurred, "1") == 0);
        v->has_date = date_attr(b, el, "date", &v->date);
        const xmlNode *desc = wb__xml_first_element(el, "description");
        if (desc != NULL && (v->description = wb__xml_text(&d->arena, desc)) == NULL)
            b->status = WB_ENOMEM;
    }
    const xmlNode *sheet = wb__xml_first_element(root, "score-sheet");
    if (sheet != NULL && b->status == WB_OK) {
        d->sheet = resolve(b, sheet);
        FILE *f;
        wb_error err;
        if (d->sheet == NULL)
            ;
        else if (wb_file_open(&f, d->sheet, WB_FILE_MAX_BYTES, &err) == WB_OK)
            read_sheet(b, f, d->sheet, NULL, 0);
        else
            WB__FINDING(b, sheet, "dossier-file", "cannot read the score sheet: %s",
                        "无法读取评分表:%s", err.message);
    }
}

int wb__dossier_read(void **out, wb_diagnostics *diags, const wb__xml_doc *doc,
                        const void *context)
{
    const wb_dossier_options *opts = context;
    int rc = wb__xml_validate(doc, (const char *)wb__embedded_dossier_xsd,
                              wb__embedded_dossier_xsd_len, diags);
    if (rc != WB_OK)
        return rc;
    wb_dossier *d = calloc(1, sizeof(*d));
    if (d == NULL)
        return WB_ENOMEM;
    builder b = { d, doc, diags, WB_OK, opts != NULL ? opts->path_flags : 0 };
    d->path = wb__arena_strdup(&d->arena, doc->name);
    if (d->path == NULL || (d->problems = wb__diagnostics_new()) == NULL)
        b.status = WB_ENOMEM;
    else
        build(&b, xmlDocGetRootElement(doc->doc));
    /* Rows skipped do not stop a load (the assessment reports them); a
       check lists them with the rest. */
    for (size_t i = 0; b.status == WB_OK && out == NULL && i < wb_diagnostics_count(d->problems); i++) {
        const wb_diagnostic *p = wb_diagnostics_at(d->problems, i);
        if (wb__diagnostics_add_text(diags, wb_diagnostic_severity(p), wb_diagnostic_rule(p),
                                     wb_diagnostic_file(p), wb_diagnostic_line(p),
                                     wb_diagnostic_column(p), wb_diagnostic_message(p, WB_LANG_EN),
                                     wb_diagnostic_message(p, WB_LANG_ZH)) != WB_OK)
            b.status = WB_ENOMEM;
    }
    rc = b.status;
    if (rc == WB_OK && wb_diagnostics_count_at_least(diags, WB_SEVERITY_ERROR) > 0)
        rc = WB_ESCHEMA;
    if (rc == WB_OK && out != NULL)
        *out = d;
    else
        wb_dossier_free(d);
    return rc;
}

/* The options, or the defaults for NULL; NULL (err set) when the caller's
   struct is of a version this library does not know. */
static const wb_dossier_options *options(const wb_dossier_options *opts, const char *fn,
                                         wb_error *err)
{
    static const wb_dossier_options defaults = WB_DOSSIER_OPTIONS_INIT;
    if (opts == NULL)
        return &defaults;
    if (opts->version < 1 || opts->version > WB_DOSSIER_OPTIONS_VERSION) {
        wb__error_arg(err, fn, "opts->version");
        return NULL;
    }
    return opts;
}

int wb_dossier_load_file_ext(wb_dossier **out, const char *path, const wb_dossier_options *opts,
                             wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_dossier_load_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_dossier_load_file", "path");
    if ((opts = options(opts, "wb_dossier_load_file", err)) == NULL)
        return WB_EINVAL;
    void *d = NULL;
    int rc = wb__document_load_file(&d, wb__dossier_read, opts, path, err);
    *out = d;
    return rc;
}

int wb_dossier_load_file(wb_dossier **out, const char *path, wb_error *err)
{
    return wb_dossier_load_file_ext(out, path, NULL, err);
}

int wb_dossier_check_file_ext(wb_diagnostics **out, const char *path,
                              const wb_dossier_options *opts, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_dossier_check_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_dossier_check_file", "path");
    if ((opts = options(opts, "wb_dossier_check_file", err)) == NULL)
        return WB_EINVAL;
    return wb__document_check_file(out, wb__dossier_read, opts, path, err);
}

int wb_dossier_check_file(wb_diagnostics **out, const char *path, wb_error *err)
{
    return wb_dossier_check_file_ext(out, path, NULL, err);
}

/* Does the first row of f (or, data not NULL, of the buffer) name the
   score sheet's columns 考核标准 and 得分? f is rewound for the reading. */
static int is_sheet(FILE *f, const char *path, const char *data, size_t len)
{
    wb__csv *csv = NULL;
    const char *const *cells;
    size_t n;
    int line, found = 0;
    if ((data != NULL ? wb__csv_open_buffer(&csv, data, len, path, NULL)
                      : wb__csv_open_file(&csv, f, path, NULL)) == WB_OK &&
        wb__csv_next(csv, &cells, &n, &line, NULL) == 1)
        for (size_t i = 0; i < n; i++)
            for (int c = SH_STANDARD; c <= SH_POINTS; c++)
                if (strcmp(cells[i], sheet_headers[c][0]) == 0 ||
                    strcmp(cells[i], sheet_headers[c][1]) == 0)
                    found |= 1 << c;
    wb__csv_free(csv);
    if (f != NULL)
        rewind(f);
    return found == 3;
}

/* A score sheet's check, from the file at path or from data (not NULL). */
static int check_sheet(wb_diagnostics **out, const char *path, const char *data, size_t len,
                       wb_error *err)
{
    FILE *f = NULL;
    if (data == NULL) {
        int rc = wb_file_open(&f, path, WB_FILE_MAX_BYTES, err);
        if (rc != WB_OK)
            return rc;
    }
    if (!is_sheet(f, path, data, len)) {
        if (f != NULL)
            fclose(f);
        return wb__error_set(err, WB_ENOTFOUND, path, 1, 1, NULL,
                             "'%s' is not a score sheet: its first row lacks the columns 考核标准 and 得分",
                             path);
    }
    wb_dossier *d = calloc(1, sizeof(*d));
    builder b = { d, NULL, wb__diagnostics_new(), WB_OK, 0 };
    if (d == NULL || b.diags == NULL || (d->problems = wb__diagnostics_new()) == NULL) {
        b.status = WB_ENOMEM;
        if (f != NULL)
            fclose(f);
    } else
        read_sheet(&b, f, path, data, len);
    for (size_t i = 0; b.status == WB_OK && i < wb_diagnostics_count(d->problems); i++) {
        const wb_diagnostic *p = wb_diagnostics_at(d->problems, i);
        if (wb__diagnostics_add_text(b.diags, wb_diagnostic_severity(p), wb_diagnostic_rule(p),
                                     wb_diagnostic_file(p), wb_diagnostic_line(p),
                                     wb_diagnostic_column(p), wb_diagnostic_message(p, WB_LANG_EN),
                                     wb_diagnostic_message(p, WB_LANG_ZH)) != WB_OK)
            b.status = WB_ENOMEM;
    }
    wb_dossier_free(d);
    if (b.status != WB_OK) {
        wb_diagnostics_free(b.diags);
        return wb__error_set(err, b.status, path, 0, 0, NULL, "out of memory");
    }
    *out = b.diags;
    return WB_OK;
}

int wb_dossier_check_sheet_file(wb_diagnostics **out, const char *path, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_dossier_check_sheet_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_dossier_check_sheet_file", "path");
    return check_sheet(out, path, NULL, 0, err);
}

void wb_dossier_free(wb_dossier *dossier)
{
    if (dossier == NULL)
        return;
    wb_diagnostics_free(dossier->problems);
    wb__arena_dispose(&dossier->arena);
    free(dossier);
}

const wb_diagnostics *wb_dossier_problems(const wb_dossier *d) { return d ? d->problems : NULL; }

const char *wb_dossier_schema(void) { return (const char *)wb__embedded_dossier_xsd; }

const char *wb_dossier_path(const wb_dossier *d) { return d ? d->path : NULL; }
const char *wb_dossier_county(const wb_dossier *d) { return d ? d->county : NULL; }
const char *wb_dossier_title(const wb_dossier *d) { return d ? d->title : NULL; }
const char *wb_dossier_rubric_edition(const wb_dossier *d) { return d ? d->edition : NULL; }
const char *wb_dossier_rule_pack(const wb_dossier *d) { return d ? d->pack : NULL; }
const char *wb_dossier_score_sheet(const wb_dossier *d) { return d ? d->sheet : NULL; }

wb_date wb_dossier_as_of(const wb_dossier *d)
{
    wb_date none = { 0 };
    return d != NULL ? d->as_of : none;
}

int wb_dossier_since(const wb_dossier *d, wb_date *out)
{
    if (d == NULL || out == NULL)
        return WB_EINVAL;
    if (!d->has_since)
        return WB_ENOTFOUND;
    *out = d->since;
    return WB_OK;
}

size_t wb_dossier_ledger_count(const wb_dossier *d) { return d ? d->ledger_count : 0; }

const char *wb_dossier_ledger_path(const wb_dossier *d, size_t i)
{
    return d != NULL && i < d->ledger_count ? d->ledgers[i] : NULL;
}

const char *wb_dossier_ledger_kind(const wb_dossier *d, size_t i)
{
    return d != NULL && i < d->ledger_count ? d->ledger_kinds[i] : NULL;
}

int wb_dossier_ledger_line(const wb_dossier *d, size_t i)
{
    return d && i < d->ledger_count ? d->ledger_places[2 * i] : 0;
}

int wb_dossier_ledger_column(const wb_dossier *d, size_t i)
{
    return d && i < d->ledger_count ? d->ledger_places[2 * i + 1] : 0;
}

size_t wb_dossier_score_count(const wb_dossier *d) { return d ? d->score_count : 0; }

static const score *score_at(const wb_dossier *d, size_t i)
{
    return d != NULL && i < d->score_count ? &d->scores[i] : NULL;
}

const char *wb_dossier_score_standard(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->standard : NULL;
}

int wb_dossier_score_half_points(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->half_points : 0;
}

const char *wb_dossier_score_unit(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->unit : NULL;
}

size_t wb_dossier_score_evidence_count(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->evidence_count : 0;
}

const char *wb_dossier_score_evidence_at(const wb_dossier *d, size_t i, size_t k)
{
    const score *s = score_at(d, i);
    return s != NULL && k < s->evidence_count ? s->evidence[k] : NULL;
}

const char *wb_dossier_score_note(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->note : NULL;
}

const char *wb_dossier_score_source(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->source : NULL;
}

int wb_dossier_score_line(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->line : 0;
}

int wb_dossier_score_column(const wb_dossier *d, size_t i)
{
    const score *s = score_at(d, i);
    return s ? s->column : 0;
}

size_t wb_dossier_veto_count(const wb_dossier *d) { return d ? d->veto_count : 0; }

static const veto *veto_at(const wb_dossier *d, size_t i)
{
    return d != NULL && i < d->veto_count ? &d->vetoes[i] : NULL;
}

const char *wb_dossier_veto_item(const wb_dossier *d, size_t i)
{
    const veto *v = veto_at(d, i);
    return v ? v->item : NULL;
}

int wb_dossier_veto_occurred(const wb_dossier *d, size_t i)
{
    const veto *v = veto_at(d, i);
    return v ? v->occurred : 0;
}

int wb_dossier_veto_date(const wb_dossier *d, size_t i, wb_date *out)
{
    const veto *v = veto_at(d, i);
    if (v == NULL || out == NULL)
        return WB_EINVAL;
    if (!v->has_date)
        return WB_ENOTFOUND;
    *out = v->date;
    return WB_OK;
}

const char *wb_dossier_veto_description(const wb_dossier *d, size_t i)
{
    const veto *v = veto_at(d, i);
    return v ? v->description : NULL;
}

int wb_dossier_veto_line(const wb_dossier *d, size_t i)
{
    const veto *v = veto_at(d, i);
    return v ? v->line : 0;
}

int wb_dossier_veto_column(const wb_dossier *d, size_t i)
{
    const veto *v = veto_at(d, i);
    return v ? v->column : 0;
}

int wb_dossier_load_buffer(wb_dossier **out, const char *data, size_t len, const char *name,
                           wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_dossier_load_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_dossier_load_buffer", "data");
    void *d = NULL;
    int rc = wb__document_load(&d, wb__dossier_read, NULL, data, len,
                               name != NULL ? name : "<buffer>", err);
    *out = d;
    return rc;
}

int wb_dossier_check_buffer(wb_diagnostics **out, const char *data, size_t len, const char *name,
                            wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_dossier_check_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_dossier_check_buffer", "data");
    return wb__document_check(out, wb__dossier_read, NULL, data, len,
                              name != NULL ? name : "<buffer>", err);
}

int wb_dossier_check_sheet_buffer(wb_diagnostics **out, const char *data, size_t len,
                                  const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb_dossier_check_sheet_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_dossier_check_sheet_buffer", "data");
    return check_sheet(out, name != NULL ? name : "<buffer>", data, len, err);
}
