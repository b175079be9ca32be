/*
 * ledger_read.c - ledger files, read as a stream.
 *
 * Two forms of the same ledger: XML (urn:weibao:ledger:1), read with
 * libxml2's pull reader and validated against data/ledger.xsd as it goes,
 * and CSV with a header row of Chinese column names (csv.c). Either way
 * one record is filled per row and reused for the next, so memory does
 * not grow with the file. A bad row is reported and skipped; a file that
 * is not a ledger at all stops the reading.
 *
 * The XML reader refuses a DOCTYPE, never touches the network, and does
 * not substitute entities (no XML_PARSE_NOENT, no DTD loading).
 */
#include "ledger_read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "csv.h"
#include "embedded.h"
#include "errors_internal.h"
#include "xml.h"

#define LEDGER_NS "urn:weibao:ledger:1"

typedef struct reader {
    const char *path;
    const wb_ledger_kind *kind;
    wb__row_fn fn;
    void *payload;
    wb_diagnostics *problems;
    wb_record *record;
    int nomem;
} reader;

static void problem(reader *rd, const char *rule, int line, int column, const char *en,
                    const char *zh)
{
    if (wb__diagnostics_add_text(rd->problems, wb_check_severity(rule), rule, rd->path, line,
                                 column, en, zh) != WB_OK)
        rd->nomem = 1;
}

static int fill_err(wb_error *err, int code, const char *path, int line, const char *rule,
                    const char *en)
{
    return wb__error_set(err, code, path, line, 0, rule, "%s", en);
}

/* Set one cell; a bad cell is a problem and marks the row bad. */
static void set_cell(reader *rd, int field, const char *value, size_t len, int *bad)
{
    wb__cell_problem cp;
    wb_error e;
    int rc = wb__record_set_field(rd->record, field, value, len, &cp, &e);
    if (rc == WB_EPARSE) {
        problem(rd, cp.rule, rd->record->line, 1, cp.en, cp.zh);
        *bad = 1;
    } else if (rc != WB_OK) {
        rd->nomem = 1;
        *bad = 1;
    }
}

/* A row read whole: key checked, then handed on. */
static int finish_row(reader *rd, int bad)
{
    if (rd->nomem)
        return WB_ENOMEM;
    if (bad)
        return WB_OK;
    if (rd->record->text[0] == NULL) {
        char en[160], zh[160];
        snprintf(en, sizeof(en), "the row has no key (%s, column %s); it is not checked",
                 rd->kind->fields[0].name, rd->kind->fields[0].header);
        snprintf(zh, sizeof(zh), "该行缺少“%s”;本行不予核查", rd->kind->fields[0].header);
        problem(rd, "ledger-missing-key", rd->record->line, 1, en, zh);
        return rd->nomem ? WB_ENOMEM : WB_OK;
    }
    return rd->fn(rd->record, rd->payload);
}

/* ================================================================ CSV */

/* A header cell as a clerk may type it: spaces dropped, full-width
   brackets made ASCII, so "乡镇（街道）" finds 乡镇(街道). */
static void normalise_header(char *out, size_t size, const char *in)
{
    size_t n = 0;
    while (*in != '\0' && n + 4 < size) {
        if (*in == ' ' || *in == '\t') {
            in++;
        } else if (strncmp(in, "\xEF\xBC\x88", 3) == 0) {     /* （ */
            out[n++] = '(';
            in += 3;
        } else if (strncmp(in, "\xEF\xBC\x89", 3) == 0) {     /* ） */
            out[n++] = ')';
            in += 3;
        } else if (strncmp(in, "\xE3\x80\x80", 3) == 0) {     /* ideographic space */
            in += 3;
        } else {
            out[n++] = *in++;
        }
    }
    out[n] = '\0';
}

/* Map header cells to a kind's columns; -1 for a cell no column has. */
static size_t map_header(const wb_ledger_kind *kind, const char *const *cells, size_t n,
                         int *columns, size_t *empty)
{
    size_t matched = 0;
    *empty = 0;
    for (size_t i = 0; i < n; i++) {
        char name[256];
        normalise_header(name, sizeof(name), cells[i]);
        columns[i] = name[0] != '\0' ? wb__ledger_field_index(kind, name) : -1;
        if (name[0] == '\0')
            (*empty)++;
        else if (columns[i] >= 0)
            matched++;
    }
    return matched;
}

/*
 * The kind a header row belongs to: the one with the most columns named,
 * its key among them. A tie is no answer (*ambiguous set): the caller
 * names the kind.
 */
static const wb_ledger_kind *kind_of_header(const char *const *cells, size_t n, int *columns,
                                            int *ambiguous)
{
    const wb_ledger_kind *best = NULL;
    size_t best_score = 0, empty;
    *ambiguous = 0;
    for (size_t k = 0; k < wb_ledger_kind_count(); k++) {
        const wb_ledger_kind *kind = wb_ledger_kind_at(k);
        size_t score = map_header(kind, cells, n, columns, &empty);
        int has_key = 0;
        for (size_t i = 0; i < n; i++)
            has_key |= columns[i] == 0;
        if (!has_key || score < best_score)
            continue;
        *ambiguous = score == best_score && best != NULL;
        best = kind;
        best_score = score;
    }
    return *ambiguous ? NULL : best;
}

static int read_csv_header(reader *rd, const char *const *cells, size_t n, int line,
                           int *columns, wb_error *err)
{
    size_t empty = 0;
    if (rd->kind == NULL) {
        int ambiguous;
        const wb_ledger_kind *found = kind_of_header(cells, n, columns, &ambiguous);
        if (found == NULL) {
            const char *en = !ambiguous
                ? "the header row matches no ledger kind (see docs/ledgers.md for each kind's columns)"
                : "the header row fits more than one ledger kind; name the kind (--kind)";
            const char *zh = !ambiguous ? "表头不属于任何一种台账(各台账的列见 docs/ledgers.md)"
                                        : "表头可对应多种台账,请指明台账类型(--kind)";
            problem(rd, "ledger-kind", line, 0, en, zh);
            return fill_err(err, WB_ESCHEMA, rd->path, line, "ledger-kind", en);
        }
        rd->kind = found;
    }
    map_header(rd->kind, cells, n, columns, &empty);
    int has_key = 0;
    for (size_t i = 0; i < n; i++) {
        if (columns[i] == 0)
            has_key = 1;
        for (size_t j = 0; j < i; j++)
            if (columns[i] >= 0 && columns[i] == columns[j]) {
                char en[256], zh[256];
                snprintf(en, sizeof(en), "the column %s (%s) appears twice, as columns %zu and %zu",
                         rd->kind->fields[columns[i]].name, rd->kind->fields[columns[i]].header,
                         j + 1, i + 1);
                snprintf(zh, sizeof(zh), "“%s”列出现两次(第 %zu 列与第 %zu 列)",
                         rd->kind->fields[columns[i]].header, j + 1, i + 1);
                problem(rd, "ledger-columns", line, 0, en, zh);
                return fill_err(err, WB_ESCHEMA, rd->path, line, "ledger-columns", en);
            }
        if (columns[i] < 0 && cells[i][0] != '\0') {
            char en[256], zh[256];
            snprintf(en, sizeof(en), "column %zu, '%.64s', is not a column of %s; it is ignored",
                     i + 1, cells[i], rd->kind->name);
            snprintf(zh, sizeof(zh), "第 %zu 列“%.64s”不是%s的列,已忽略", i + 1, cells[i],
                     rd->kind->title[0]);
            problem(rd, "ledger-unknown-column", line, 0, en, zh);
        }
    }
    if (!has_key) {
        char en[160], zh[160];
        snprintf(en, sizeof(en), "the header row has no key column (%s)", rd->kind->fields[0].header);
        snprintf(zh, sizeof(zh), "表头缺少“%s”列", rd->kind->fields[0].header);
        problem(rd, "ledger-columns", line, 0, en, zh);
        return fill_err(err, WB_ESCHEMA, rd->path, line, "ledger-columns", en);
    }
    return WB_OK;
}

static int read_csv(reader *rd, FILE *f, wb_error *err)
{
    wb__csv *csv = NULL;
    int rc = wb__csv_open_file(&csv, f, rd->path, err);
    if (rc != WB_OK) {
        if (rc == WB_EPARSE && err != NULL)
            problem(rd, "ledger-malformed", err->line, err->column, err->message, err->message);
        return rc;
    }
    const char *const *cells;
    size_t n;
    int line;
    int *columns = NULL;
    size_t header_count = 0;
    rc = wb__csv_next(csv, &cells, &n, &line, err);
    if (rc == 0) {
        const char *en = "the file is empty: a ledger starts with its header row";
        problem(rd, "ledger-kind", 1, 0, en, "文件为空:台账第一行应为表头");
        rc = fill_err(err, WB_ESCHEMA, rd->path, 1, "ledger-kind", en);
    } else if (rc == 1) {
        header_count = n;
        columns = malloc((n ? n : 1) * sizeof(int));
        rc = columns == NULL ? WB_ENOMEM : read_csv_header(rd, cells, n, line, columns, err);
        if (rc == WB_OK && (rd->record = wb__record_new_of(rd->kind)) == NULL)
            rc = WB_ENOMEM;
    }
    while (rc == WB_OK) {
        rc = wb__csv_next(csv, &cells, &n, &line, err);
        if (rc <= 0)
            break;
        wb__record_reset(rd->record);
        rd->record->source = rd->path;
        rd->record->line = line;
        int bad = 0, filled = 0;
        for (size_t i = 0; i < n; i++) {
            if (cells[i][0] == '\0')
                continue;
            filled = 1;
            if (i >= header_count) {
                char en[160], zh[160];
                snprintf(en, sizeof(en), "the row has a value in column %zu, past the header's %zu columns",
                         i + 1, header_count);
                snprintf(zh, sizeof(zh), "该行第 %zu 列有值,超出表头的 %zu 列", i + 1, header_count);
                problem(rd, "ledger-columns", line, 1, en, zh);
                bad = 1;
            } else if (columns[i] >= 0) {
                set_cell(rd, columns[i], cells[i], strlen(cells[i]), &bad);
            }
        }
        rc = filled ? finish_row(rd, bad) : WB_OK;     /* an empty row is skipped */
    }
    if (rc < 0 && rc != WB_ENOMEM && err != NULL && rc == WB_EPARSE)
        problem(rd, "ledger-malformed", err->line, err->column, err->message, err->message);
    free(columns);
    wb__csv_free(csv);
    return rc;
}

/* ================================================================ XML */

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    reader *rd = arg;
    char en[1024], zh[1100];
    wb__xml_error_text(en, sizeof(en), e);
    int schema = e->domain == XML_FROM_SCHEMASV;
    snprintf(zh, sizeof(zh), "%s%s", schema ? "不符合台账格式:" : "XML 格式错误:", en);
    problem(rd, e->level == XML_ERR_WARNING ? "xml-warning" : schema ? "schema-invalid"
                                                                    : "xml-malformed",
            e->line, e->int2, en, zh);
}

static int xml_root(reader *rd, xmlTextReaderPtr xr, int line, wb_error *err)
{
    const char *local = (const char *)xmlTextReaderConstLocalName(xr);
    const char *ns = (const char *)xmlTextReaderConstNamespaceUri(xr);
    const wb_ledger_kind *kind = ns != NULL && strcmp(ns, LEDGER_NS) == 0
                                     ? wb_ledger_kind_find(local) : NULL;
    char en[320], zh[320];
    if (kind == NULL || (rd->kind != NULL && kind != rd->kind)) {
        if (rd->kind != NULL && kind != NULL) {
            snprintf(en, sizeof(en), "the file is a %s ledger, not %s", kind->name, rd->kind->name);
            snprintf(zh, sizeof(zh), "该文件为%s,而非%s", kind->title[0], rd->kind->title[0]);
        } else {
            snprintf(en, sizeof(en), "<%.64s> in namespace '%.80s' is not a ledger "
                     "(a root such as <background-checks xmlns=\"" LEDGER_NS "\">)",
                     local, ns != NULL ? ns : "");
            snprintf(zh, sizeof(zh), "<%.64s> 不是台账文件的根元素", local);
        }
        problem(rd, "ledger-kind", line, 0, en, zh);
        return fill_err(err, WB_ESCHEMA, rd->path, line, "ledger-kind", en);
    }
    rd->kind = kind;
    rd->record = wb__record_new_of(kind);
    return rd->record != NULL ? WB_OK : WB_ENOMEM;
}

static int xml_record(reader *rd, xmlTextReaderPtr xr, int line, size_t problems_before)
{
    wb__record_reset(rd->record);
    rd->record->source = rd->path;
    rd->record->line = line;
    int bad = 0;
    while (xmlTextReaderMoveToNextAttribute(xr) == 1) {
        const char *name = (const char *)xmlTextReaderConstLocalName(xr);
        const char *value = (const char *)xmlTextReaderConstValue(xr);
        if (xmlTextReaderIsNamespaceDecl(xr) == 1 || name == NULL || value == NULL)
            continue;
        int field = -1;
        for (size_t i = 0; i < rd->kind->field_count; i++)
            if (strcmp(rd->kind->fields[i].name, name) == 0)
                field = (int)i;
        if (field < 0)
            bad = 1;        /* the schema has reported it */
        else
            set_cell(rd, field, value, strlen(value), &bad);
    }
    xmlTextReaderMoveToElement(xr);
    /* A schema error while this element was read makes the row bad. */
    if (wb_diagnostics_count(rd->problems) > problems_before && !bad) {
        for (size_t i = problems_before; i < wb_diagnostics_count(rd->problems); i++)
            if (strcmp(wb_diagnostic_rule(wb_diagnostics_at(rd->problems, i)), "schema-invalid") == 0)
                bad = 1;
    }
    return finish_row(rd, bad);
}

static int read_xml(reader *rd, wb_error *err)
{
    xmlTextReaderPtr xr = xmlReaderForFile(rd->path, NULL, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
    if (xr == NULL)
        return wb__error_set(err, WB_EIO, rd->path, 0, 0, NULL, "cannot read '%s'", rd->path);
    xmlTextReaderSetStructuredErrorHandler(xr, on_xml_error, rd);
    xmlSchemaPtr schema = wb__xml_schema_compile((const char *)wb__embedded_ledger_xsd,
                                                 wb__embedded_ledger_xsd_len);
    int rc = schema == NULL ? WB_ERROR : WB_OK;
    if (rc == WB_OK && xmlTextReaderSetSchema(xr, schema) != 0)
        rc = WB_ERROR;
    size_t before = wb_diagnostics_count(rd->problems);
    int step;
    while (rc == WB_OK && (step = xmlTextReaderRead(xr)) == 1) {
        int type = xmlTextReaderNodeType(xr);
        int line = xmlTextReaderGetParserLineNumber(xr);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
            const char *en = "a DOCTYPE is not allowed: ledgers declare no entities and load no DTD";
            problem(rd, "xml-doctype", line, 0, en, "不允许 DOCTYPE:台账不得声明实体或加载 DTD");
            rc = fill_err(err, WB_EPARSE, rd->path, line, "xml-doctype", en);
        } else if (type == XML_READER_TYPE_ELEMENT) {
            xmlNodePtr node = xmlTextReaderCurrentNode(xr);
            long node_line = node != NULL ? xmlGetLineNo(node) : -1;
            if (node_line > 0)
                line = (int)node_line;
            int depth = xmlTextReaderDepth(xr);
            if (depth == 0)
                rc = xml_root(rd, xr, line, err);
            else if (depth == 1 && rd->record != NULL &&
                     strcmp((const char *)xmlTextReaderConstLocalName(xr), "record") == 0)
                rc = xml_record(rd, xr, line, before);
        }
        if (rd->nomem)
            rc = WB_ENOMEM;
        before = wb_diagnostics_count(rd->problems);
    }
    if (rc == WB_OK && step < 0) {
        const wb_diagnostic *first = wb__diagnostics_first_error(rd->problems);
        rc = first != NULL ? wb__diagnostic_to_error(first, WB_EPARSE, err)
                           : wb__error_set(err, WB_EPARSE, rd->path, 0, 0, "xml-malformed",
                                           "'%s' is not well-formed XML", rd->path);
    }
    xmlFreeTextReader(xr);
    xmlSchemaFree(schema);
    return rc;
}

/* ============================================================== entry */

/* Open a file and tell XML from CSV by its first character. */
static FILE *open_sniffed(const char *path, int *is_xml, wb_error *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        wb__error_set(err, WB_EIO, path, 0, 0, NULL, "cannot open '%s'", path);
        return NULL;
    }
    unsigned char head[512];
    size_t n = fread(head, 1, sizeof(head), f);
    size_t i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    *is_xml = i < n && head[i] == '<';
    rewind(f);
    return f;
}

int wb__ledger_read_file(const char *path, const wb_ledger_kind *kind, wb__row_fn fn,
                         void *payload, wb_diagnostics *problems,
                         const wb_ledger_kind **kind_read, wb_error *err)
{
    int is_xml;
    FILE *f = open_sniffed(path, &is_xml, err);
    if (f == NULL)
        return WB_EIO;
    reader rd = { path, kind, fn, payload, problems, NULL, 0 };
    int rc;
    if (is_xml) {
        fclose(f);
        rc = read_xml(&rd, err);
    } else {
        rc = read_csv(&rd, f, err);
        fclose(f);
    }
    if (kind_read != NULL)
        *kind_read = rd.record != NULL ? rd.kind : NULL;
    wb_record_free(rd.record);
    if (rc == WB_OK && rd.nomem)
        rc = WB_ENOMEM;
    return rc;
}

/* The first element's name and namespace, read without validating. */
static int xml_root_kind(const char *path, const wb_ledger_kind **kind)
{
    xmlTextReaderPtr xr = xmlReaderForFile(path, NULL, XML_PARSE_NONET);
    if (xr == NULL)
        return WB_EIO;
    xmlTextReaderSetStructuredErrorHandler(xr, NULL, NULL);
    int rc = WB_ENOTFOUND;
    while (xmlTextReaderRead(xr) == 1) {
        int type = xmlTextReaderNodeType(xr);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE)
            break;
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(xr);
        if (ns != NULL && strcmp(ns, LEDGER_NS) == 0) {
            *kind = wb_ledger_kind_find((const char *)xmlTextReaderConstLocalName(xr));
            rc = WB_OK;
        }
        break;
    }
    xmlFreeTextReader(xr);
    return rc;
}

int wb_ledger_detect_file(const wb_ledger_kind **kind, const char *path, wb_error *err)
{
    if (kind == NULL)
        return wb__error_arg(err, "wb_ledger_detect_file", "kind");
    *kind = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_ledger_detect_file", "path");
    int is_xml;
    FILE *f = open_sniffed(path, &is_xml, err);
    if (f == NULL)
        return WB_EIO;
    if (is_xml) {
        fclose(f);
        return xml_root_kind(path, kind);
    }
    wb__csv *csv = NULL;
    const char *const *cells;
    size_t n;
    int line;
    if (wb__csv_open_file(&csv, f, path, NULL) == WB_OK &&
        wb__csv_next(csv, &cells, &n, &line, NULL) == 1) {
        int *columns = malloc((n ? n : 1) * sizeof(int));
        int ambiguous;
        if (columns != NULL)
            *kind = kind_of_header(cells, n, columns, &ambiguous);
        free(columns);
    }
    wb__csv_free(csv);
    fclose(f);
    return WB_OK;
}
