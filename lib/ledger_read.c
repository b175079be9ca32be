/*
 * ledger_read.c - ledger files, read as a stream.
 *
 * Two forms of the same ledger: XML (urn:weibao:ledger:1), read with
 * libxml2's pull reader and validated against data/ledger.xsd as it goes,
 * and CSV with a header row of Chinese column names (csv.c). Either way
 * one record is filled per row and reused for the next, so memory does
 * not grow with the file. A bad row is reported and still handed on, its
 * bad cells marked unreadable (finish_row); a file that is not a ledger
 * at all stops the reading.
 *
 * The XML reader refuses a DOCTYPE, never touches the network, and does
 * not substitute entities (no XML_PARSE_NOENT, no DTD loading).
 *
 * With a privacy scan, each text cell of every row, good or bad, is
 * scanned as it is read (ledger_privacy.c), so that its findings come
 * before the row's own results.
 */
#define _POSIX_C_SOURCE 200809L   /* fmemopen */
#include "ledger_read.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "csv.h"
#include "embedded.h"
#include "errors_internal.h"
#include "ledger_privacy.h"
#include "weibao/fileio.h"
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
    const wb__cell_scan *scan;  /* NULL: no privacy scan */
    int scan_failed;            /* a status other than WB_ENOMEM from it */
} reader;

static void problem(reader *rd, const char *rule, int line, int column, const char *en,
                    const char *zh)
{
    if (wb__diagnostics_add_text(rd->problems, wb_check_severity(rule), rule, rd->path, line,
                                 column, en, zh) != WB_OK)
        rd->nomem = 1;
}

static int fill_err(wb_error *err, int code, const char *path, int line, int column,
                    const char *rule, const char *en)
{
    return wb__error_set(err, code, path, line, column, rule, "%s", en);
}

/* Set one cell; a bad cell is a problem and marks the row bad. */
static void set_cell(reader *rd, int field, const char *value, size_t len, int *bad)
{
    wb__cell_problem cp;
    wb_error e;
    int rc = wb__record_set_field(rd->record, field, value, len, &cp, &e);
    if (rc == WB_EPARSE) {
        problem(rd, cp.rule, rd->record->line, 1, cp.en, cp.zh);
        rd->record->unreadable |= 1u << field;
        *bad = 1;
    } else if (rc != WB_OK) {
        rd->nomem = 1;
        *bad = 1;
    }
}

/* Scan a text cell when a scan is asked for; a failure stops the reading. */
static void scan_cell(reader *rd, int field, const char *text, size_t len,
                      const wb__cell_place *place)
{
    if (rd->scan == NULL || len == 0 || !wb__field_is_free_text(rd->kind, (size_t)field))
        return;
    int rc = wb__scan_cell(rd->scan, rd->problems, rd->kind, (size_t)field, text, len, place);
    if (rc == WB_ENOMEM)
        rd->nomem = 1;
    else if (rc != WB_OK && rd->scan_failed == WB_OK)
        rd->scan_failed = rc;
}

/*
 * Set a cell from an attribute value as the SAX parser hands it over.
 * Without entity substitution (never asked for: see the top of this
 * file) libxml2 passes every other reference resolved but writes '&'
 * (&amp;, &#38;, &#x26;) as "&#38;", for a tree builder to resolve; so
 * that is resolved here.
 */
static void set_cell_unescaped(reader *rd, int field, const char *value, size_t len, int *bad)
{
    static const char amp[] = "&#38;";
    const size_t amp_len = sizeof(amp) - 1;
    if (memchr(value, '&', len) == NULL) {
        set_cell(rd, field, value, len, bad);
        return;
    }
    char *plain = malloc(len + 1);
    if (plain == NULL) {
        rd->nomem = 1;
        *bad = 1;
        return;
    }
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (i + amp_len <= len && memcmp(value + i, amp, amp_len) == 0) {
            plain[n++] = '&';
            i += amp_len;
        } else {
            plain[n++] = value[i++];
        }
    }
    plain[n] = '\0';
    set_cell(rd, field, plain, n, bad);
    free(plain);
}

/*
 * A row read whole is handed on, bad or not: a row the county wrote is one
 * more community, township or site in every rule that counts across the
 * ledger, whatever its cells hold. Its bad cells are marked unreadable
 * (reported already); a row bad in a way no single cell explains (a
 * schema error, cells past the header) is unreadable throughout.
 */
static int finish_row(reader *rd, int bad)
{
    if (rd->nomem)
        return WB_ENOMEM;
    if (rd->scan_failed != WB_OK)
        return rd->scan_failed;
    if (bad && rd->record->unreadable == 0)
        rd->record->unreadable = WB__ROW_UNREADABLE;
    if (rd->record->text[0] == NULL && !(rd->record->unreadable & 1u)) {
        char en[200], zh[200];
        snprintf(en, sizeof(en), "the row has no key (%s, column %s); it is not checked, "
                 "but counts in rules over the whole ledger", rd->kind->fields[0].name,
                 rd->kind->fields[0].header);
        snprintf(zh, sizeof(zh), "该行缺少“%s”;本行不予核查,但计入全台账统计", rd->kind->fields[0].header);
        problem(rd, "ledger-missing-key", rd->record->line, 1, en, zh);
        if (rd->nomem)
            return WB_ENOMEM;
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

/* Where header cell i starts: its column, 1 when not known. */
static int header_column(const wb__csv *csv, size_t i)
{
    wb__csv_place at;
    return wb__csv_field_position(csv, i, &at) == WB_OK && at.column > 0 ? at.column : 1;
}

static int read_csv_header(reader *rd, const wb__csv *csv, const char *const *cells, size_t n,
                           int line, int *columns, wb_error *err)
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
            problem(rd, "ledger-kind", line, 1, en, zh);
            return fill_err(err, WB_ESCHEMA, rd->path, line, 1, "ledger-kind", en);
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
                int at = header_column(csv, i);
                problem(rd, "ledger-columns", line, at, en, zh);
                return fill_err(err, WB_ESCHEMA, rd->path, line, at, "ledger-columns", en);
            }
        if (columns[i] < 0 && cells[i][0] != '\0') {
            char en[256], zh[256], shown[68];
            wb__quote_value(shown, sizeof(shown), cells[i]);
            snprintf(en, sizeof(en), "column %zu, '%s', is not a column of %s; it is ignored",
                     i + 1, shown, rd->kind->name);
            snprintf(zh, sizeof(zh), "第 %zu 列“%s”不是%s的列,已忽略", i + 1, shown,
                     rd->kind->title[0]);
            problem(rd, "ledger-unknown-column", line, header_column(csv, i), en, zh);
        }
    }
    if (!has_key) {
        char en[160], zh[160];
        snprintf(en, sizeof(en), "the header row has no key column (%s)", rd->kind->fields[0].header);
        snprintf(zh, sizeof(zh), "表头缺少“%s”列", rd->kind->fields[0].header);
        problem(rd, "ledger-columns", line, 1, en, zh);
        return fill_err(err, WB_ESCHEMA, rd->path, line, 1, "ledger-columns", en);
    }
    return WB_OK;
}

/* A CSV the reader cannot go on with: a problem, in both languages. */
static void malformed(reader *rd, const wb_error *e)
{
    char zh[WB_ERROR_MESSAGE_SIZE + 32];
    snprintf(zh, sizeof(zh), "CSV 无法读取:%s", e->message);
    problem(rd, "ledger-malformed", e->line, e->column, e->message, zh);
}

static int read_csv(reader *rd, FILE *f, wb_error *caller_err)
{
    /* The reason is a problem even when the caller wants no error back. */
    wb_error local;
    wb_error *err = caller_err != NULL ? caller_err : &local;
    wb__csv *csv = NULL;
    int rc = wb__csv_open_file(&csv, f, rd->path, err);
    if (rc != WB_OK) {
        if (rc == WB_EPARSE)
            malformed(rd, err);
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
        problem(rd, "ledger-kind", 1, 1, en, "文件为空:台账第一行应为表头");
        rc = fill_err(err, WB_ESCHEMA, rd->path, 1, 1, "ledger-kind", en);
    } else if (rc == 1) {
        header_count = n;
        columns = malloc((n ? n : 1) * sizeof(int));
        rc = columns == NULL ? WB_ENOMEM : read_csv_header(rd, csv, cells, n, line, columns, err);
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
                size_t len = strlen(cells[i]);
                set_cell(rd, columns[i], cells[i], len, &bad);
                wb__csv_place at;
                if (rd->scan != NULL && wb__csv_field_position(csv, i, &at) == WB_OK) {
                    wb__cell_place place = { .form = WB__CELL_CSV, .file = rd->path,
                                             .line = at.line, .column = at.column,
                                             .quoted = at.quoted };
                    scan_cell(rd, columns[i], cells[i], len, &place);
                }
            }
        }
        rc = filled ? finish_row(rd, bad) : WB_OK;     /* an empty row is skipped */
    }
    if (rc == WB_EPARSE)
        malformed(rd, err);
    free(columns);
    wb__csv_free(csv);
    return rc;
}

/* ================================================================ XML */

/*
 * XML is read with a SAX push parser, fed 64 KiB at a time, with the
 * ledger schema plugged into the SAX stream (xmlSchemaSAXPlug): no tree
 * is built, so memory stays flat however long the file. A row is handed
 * on at its end tag, once the validator has seen its start tag, so that
 * a row the schema refuses is skipped. Lines come from the parser's own
 * counter at each start tag: exact past 65,535.
 */
#define XML_CHUNK ((size_t)65536)

/* A chunk fed to the parser: where it starts in the file, and how many
   code points of its line come before it. */
typedef struct fed_chunk {
    const char *data;
    size_t len;
    unsigned long at;
    int column;
} fed_chunk;

typedef struct xml_state {
    reader *rd;
    xmlParserCtxtPtr ctxt;
    int depth;
    int line;                   /* of the current <record> */
    size_t problems_before;     /* problems when it started */
    int in_record, bad;
    int stop;                   /* a status that ends the reading */
    wb_error *err;
    /* The last two chunks fed, for the column of a tag whose line starts
       before what the parser still holds (a long line); and the last
       column found there, as tags come in file order. */
    fed_chunk fed[2];
    unsigned long memo_at;
    int memo_column;
} xml_state;

static int xml_line(const xml_state *st)
{
    return st->ctxt != NULL && st->ctxt->input != NULL ? st->ctxt->input->line : 0;
}

static void xml_halt(xml_state *st, int status)
{
    if (st->stop == WB_OK)
        st->stop = status;
    /* What xmlStopParser does, less freeing the input: libxml2 2.9 frees
       the buffer that the caller of this SAX callback goes on reading
       (valgrind: invalid read in xmlParseChunk). The state is enough: the
       parser leaves at EOF, and the feeding loop stops on st->stop. */
    st->ctxt->instate = XML_PARSER_EOF;
    st->ctxt->disableSAX = 1;
    st->ctxt->errNo = XML_ERR_USER_STOP;
}

static int tag_column(xml_state *st, int line);

static void on_xml_error(void *arg, xmlErrorPtr e)
{
    xml_state *st = arg;
    if (e->code == XML_ERR_USER_STOP)
        return;
    char en[1024], zh[1100];
    wb__xml_error_text(en, sizeof(en), e);
    int schema = e->domain == XML_FROM_SCHEMASV;
    snprintf(zh, sizeof(zh), "%s%s", schema ? "不符合台账格式:" : "XML 格式错误:", en);
    /* The validator does not know lines of a SAX stream: the element's. */
    int line = e->line > 0 ? e->line : st->in_record ? st->line : xml_line(st);
    /* Nor columns: the validator runs at a tag, so the tag's. */
    int column = e->int2 > 0 ? e->int2 : tag_column(st, line);
    problem(st->rd, e->level == XML_ERR_WARNING ? "xml-warning" : schema ? "schema-invalid"
                                                                        : "xml-malformed",
            line, column, en, zh);
}

static void on_doctype(void *arg, const xmlChar *name, const xmlChar *external_id,
                       const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xml_state *st = arg;
    const char *en = "DOCTYPE declarations are not accepted (no DTDs or entities)";
    problem(st->rd, "xml-doctype", xml_line(st), 1, en, "不接受 DOCTYPE 声明(不允许 DTD 和实体)");
    fill_err(st->err, WB_EPARSE, st->rd->path, xml_line(st), 1, "xml-doctype", en);
    xml_halt(st, WB_EPARSE);
}

static void xml_root(xml_state *st, const char *local, const char *ns)
{
    reader *rd = st->rd;
    const wb_ledger_kind *kind = ns != NULL && strcmp(ns, LEDGER_NS) == 0
                                     ? wb_ledger_kind_find(local) : NULL;
    int line = xml_line(st);
    if (kind == NULL || (rd->kind != NULL && kind != rd->kind)) {
        char en[320], zh[320];
        if (rd->kind != NULL && kind != NULL) {
            snprintf(en, sizeof(en), "the file is a %s ledger, not %s", kind->name, rd->kind->name);
            snprintf(zh, sizeof(zh), "该文件为%s,而非%s", kind->title[0], rd->kind->title[0]);
        } else {
            /* Both are the file's text: quoted masked, cut at a character. */
            char name[72], space[96];
            wb__quote_value(name, sizeof(name), local);
            wb__quote_value(space, sizeof(space), ns != NULL ? ns : "");
            snprintf(en, sizeof(en), "<%s> in namespace '%s' is not a ledger "
                     "(a root such as <background-checks xmlns=\"" LEDGER_NS "\">)",
                     name, space);
            snprintf(zh, sizeof(zh), "<%s> 不是台账文件的根元素", name);
        }
        int column = tag_column(st, line);
        problem(rd, "ledger-kind", line, column, en, zh);
        fill_err(st->err, WB_ESCHEMA, rd->path, line, column, "ledger-kind", en);
        xml_halt(st, WB_ESCHEMA);
        return;
    }
    rd->kind = kind;
    if ((rd->record = wb__record_new_of(kind)) == NULL)
        xml_halt(st, WB_ENOMEM);
}

/*
 * Places in a start tag, for the privacy scan. When the start-element
 * callback runs, the parser stands at the tag's '>' (or "/>"), and the
 * whole tag is still in its input buffer (the push parser parses a tag
 * only once it has all of it, and shrinks the buffer only between
 * tokens, keeping 80 bytes before where it stands). '<' cannot occur
 * inside an attribute value, so the last '<' before that is the tag's.
 * libxml2 gives the line where it stands; lines are counted back from
 * there at LF, as libxml2 counts them. The column of '<' is known when
 * the line's start is still in the buffer; else columns are known only
 * after a line break inside the tag.
 */
typedef struct raw_tag {
    const char *start, *end;    /* '<' to where the parser stands */
    int line, column;           /* of '<'; column 0: not known */
} raw_tag;

static int is_xml_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Past one character (not past end), its line and column counted. */
static const char *step(const char *p, const char *end, int *line, int *column)
{
    if (*p == '\n') {
        (*line)++;
        *column = 1;
        return p + 1;
    }
    unsigned char c = (unsigned char)*p;
    size_t k = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (*column > 0)
        (*column)++;
    return k < (size_t)(end - p) ? p + k : end;
}

/* The bytes a chunk starts with that no column counts: the BOM. */
static size_t chunk_bom(const fed_chunk *f)
{
    return f->at == 0 && f->len >= 3 && memcmp(f->data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Code points on the line before p[n], given those before p. */
static int advance_column(int column, const char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)p[i];
        if (c == '\n')
            column = 0;
        else if ((c & 0xC0) != 0x80 && column < INT_MAX)
            column++;
    }
    return column;
}

/* Code points on the line before file offset `at`, from the chunks fed;
   -1 when that place is no longer held. */
static int fed_column(xml_state *st, unsigned long at)
{
    for (int k = 0; k < 2; k++) {
        const fed_chunk *f = &st->fed[k];
        if (f->data == NULL || at < f->at || at - f->at >= f->len)
            continue;
        size_t from = chunk_bom(f);
        int column = f->column;
        if (st->memo_at >= f->at + from && st->memo_at <= at) {
            from = st->memo_at - f->at;
            column = st->memo_column;
        }
        column = advance_column(column, f->data + from, at - f->at - from);
        st->memo_at = at;
        st->memo_column = column;
        return column;
    }
    return -1;
}

static int locate_tag(xml_state *st, raw_tag *t)
{
    const xmlParserInput *in = st->ctxt != NULL ? st->ctxt->input : NULL;
    if (in == NULL || in->base == NULL || in->cur == NULL || in->cur <= in->base)
        return 0;
    const char *base = (const char *)in->base, *end = (const char *)in->cur;
    const char *lt = end;
    while (lt > base && *lt != '<')
        lt--;
    if (*lt != '<')
        return 0;
    int breaks = 0;
    for (const char *p = lt; p < end; p++)
        breaks += *p == '\n';
    t->start = lt;
    t->end = end;
    t->line = in->line - breaks;
    t->column = 0;
    const char *bol = lt;
    while (bol > base && bol[-1] != '\n')
        bol--;
    if (bol > base) {
        t->column = 1;
        for (const char *p = bol; p < lt; p++)
            t->column += ((unsigned char)*p & 0xC0) != 0x80;
    } else if (in->buf != NULL && in->buf->encoder == NULL) {
        /* The line starts before the parser's buffer: count from the
           chunks fed (the buffer holds the file's bytes as they are). */
        int before = fed_column(st, in->consumed + (unsigned long)(lt - base));
        if (before >= 0 && before < INT_MAX)
            t->column = before + 1;
    }
    return t->line > 0;
}

/* The column of the tag the parser stands at, when it starts on `line`;
   else 1, for the line as a whole. */
static int tag_column(xml_state *st, int line)
{
    raw_tag t;
    return locate_tag(st, &t) && t.line == line && t.column > 0 ? t.column : 1;
}

/* Attribute `name`'s value as written in the tag, and where it starts;
   0 when there is none or the tag does not read as expected. */
static int raw_value(const raw_tag *t, const char *name, const char **value, size_t *len,
                     int *line, int *column)
{
    const char *p = t->start, *end = t->end;
    int l = t->line, c = t->column;
    size_t name_len = strlen(name);
    p = step(p, end, &l, &c);                       /* '<' */
    while (p < end && !is_xml_space(*p))            /* the element's name */
        p = step(p, end, &l, &c);
    for (;;) {
        while (p < end && is_xml_space(*p))
            p = step(p, end, &l, &c);
        const char *attr = p;
        while (p < end && *p != '=' && !is_xml_space(*p))
            p = step(p, end, &l, &c);
        size_t attr_len = (size_t)(p - attr);
        while (p < end && is_xml_space(*p))
            p = step(p, end, &l, &c);
        if (attr_len == 0 || p >= end || *p != '=')
            return 0;
        p = step(p, end, &l, &c);
        while (p < end && is_xml_space(*p))
            p = step(p, end, &l, &c);
        if (p >= end || (*p != '"' && *p != '\''))
            return 0;
        const char *close = memchr(p + 1, *p, (size_t)(end - p - 1));
        if (close == NULL)
            return 0;
        p = step(p, end, &l, &c);
        if (attr_len == name_len && memcmp(attr, name, name_len) == 0) {
            *value = p;
            *len = (size_t)(close - p);
            *line = l;
            *column = c;
            return 1;
        }
        while (p <= close)
            p = step(p, end, &l, &c);
    }
}

typedef struct attribute {
    xml_state *st;
    const char *name;
} attribute;

/* At an attribute's first finding: where its value is written. The scan
   runs inside the start-element callback, so the tag is still there. */
static void resolve_attribute(wb__cell_place *place, void *payload)
{
    const attribute *a = payload;
    raw_tag tag;
    const char *raw;
    size_t raw_len;
    int line, column;
    if (locate_tag(a->st, &tag) &&
        raw_value(&tag, a->name, &raw, &raw_len, &line, &column)) {
        place->form = WB__CELL_XML;
        place->line = line;
        place->column = column;
        place->raw = raw;
        place->raw_len = raw_len;
    }
}

/* Scan an attribute's value, placed where it is written when it can be. */
static void scan_attribute(xml_state *st, const char *name, int field, const char *value,
                           size_t len)
{
    reader *rd = st->rd;
    attribute a = { st, name };
    wb__cell_place place = { .form = WB__CELL_UNPLACED, .file = rd->path, .line = st->line,
                             .fallback_line = st->line, .resolve = resolve_attribute,
                             .resolve_payload = &a };
    scan_cell(rd, field, value, len, &place);
}

static void on_start(void *arg, const xmlChar *localname, const xmlChar *prefix,
                     const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
                     int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
    (void)prefix;
    (void)nb_namespaces;
    (void)namespaces;
    (void)nb_defaulted;
    xml_state *st = arg;
    int depth = st->depth++;
    if (st->stop != WB_OK)
        return;
    if (depth == 0) {
        xml_root(st, (const char *)localname, (const char *)uri);
        return;
    }
    if (depth != 1 || strcmp((const char *)localname, "record") != 0)
        return;
    reader *rd = st->rd;
    st->in_record = 1;
    st->line = xml_line(st);
    st->problems_before = wb_diagnostics_count(rd->problems);
    st->bad = 0;
    wb__record_reset(rd->record);
    rd->record->source = rd->path;
    rd->record->line = st->line;
    /* Attributes come as (localname, prefix, URI, value, end) quintuples. */
    for (int i = 0; i < nb_attributes; i++) {
        const char *name = (const char *)attributes[5 * i];
        const char *value = (const char *)attributes[5 * i + 3];
        const char *end = (const char *)attributes[5 * i + 4];
        int field = -1;
        for (size_t f = 0; f < rd->kind->field_count && attributes[5 * i + 1] == NULL; f++)
            if (strcmp(rd->kind->fields[f].name, name) == 0)
                field = (int)f;
        if (field < 0) {
            st->bad = 1;        /* the schema reports it */
            continue;
        }
        set_cell_unescaped(rd, field, value, (size_t)(end - value), &st->bad);
        if (rd->scan != NULL)
            scan_attribute(st, name, field, value, (size_t)(end - value));
    }
    if (rd->nomem)
        xml_halt(st, WB_ENOMEM);
    else if (rd->scan_failed != WB_OK)
        xml_halt(st, rd->scan_failed);
}

static void on_end(void *arg, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
    (void)localname;
    (void)prefix;
    (void)uri;
    xml_state *st = arg;
    st->depth--;
    if (!st->in_record || st->depth != 1 || st->stop != WB_OK)
        return;
    st->in_record = 0;
    reader *rd = st->rd;
    /* A schema error while the record was read makes it a bad row. */
    for (size_t i = st->problems_before; i < wb_diagnostics_count(rd->problems); i++)
        if (strcmp(wb_diagnostic_rule(wb_diagnostics_at(rd->problems, i)), "schema-invalid") == 0)
            st->bad = 1;
    int rc = finish_row(rd, st->bad);
    if (rc != WB_OK)
        xml_halt(st, rc);
}

static int read_xml(reader *rd, FILE *f, wb_error *err)
{
    xml_state st;
    memset(&st, 0, sizeof(st));
    st.rd = rd;
    st.err = err;
    xmlSchemaPtr schema = wb__xml_schema_compile((const char *)wb__embedded_ledger_xsd,
                                                 wb__embedded_ledger_xsd_len);
    xmlSchemaValidCtxtPtr vctxt = schema != NULL ? xmlSchemaNewValidCtxt(schema) : NULL;
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof(sax));
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.internalSubset = on_doctype;
    sax.serror = on_xml_error;
    xmlSAXHandlerPtr plugged_sax = &sax;
    void *plugged_data = &st;
    xmlSchemaSAXPlugPtr plug = NULL;
    int rc = vctxt != NULL ? WB_OK : WB_ENOMEM;
    if (rc == WB_OK) {
        xmlSchemaSetValidStructuredErrors(vctxt, on_xml_error, &st);
        plug = xmlSchemaSAXPlug(vctxt, &plugged_sax, &plugged_data);
        if (plug == NULL)
            rc = WB_ENOMEM;
    }
    if (rc == WB_OK) {
        st.ctxt = xmlCreatePushParserCtxt(plugged_sax, plugged_data, NULL, 0, rd->path);
        if (st.ctxt == NULL)
            rc = WB_ENOMEM;
    }
    if (rc == WB_OK) {
        /* No network, no entity substitution, no DTD: a DOCTYPE stops it. */
        xmlCtxtUseOptions(st.ctxt, XML_PARSE_NONET | XML_PARSE_BIG_LINES);
        char *buf = malloc(2 * XML_CHUNK);
        if (buf == NULL)
            rc = WB_ENOMEM;
        size_t n;
        unsigned long at = 0;
        int column = 0;
        for (int k = 0; rc == WB_OK && st.stop == WB_OK &&
                        (n = fread(buf + (size_t)k * XML_CHUNK, 1, XML_CHUNK, f)) > 0; k ^= 1) {
            fed_chunk *chunk = &st.fed[k];
            *chunk = (fed_chunk){ buf + (size_t)k * XML_CHUNK, n, at, column };
            size_t bom = chunk_bom(chunk);
            column = advance_column(column, chunk->data + bom, n - bom);
            at += n;
            xmlParseChunk(st.ctxt, chunk->data, (int)n, 0);
        }
        if (rc == WB_OK && ferror(f))
            rc = wb__error_set(err, WB_EIO, rd->path, 0, 0, NULL, "cannot read '%s'", rd->path);
        if (rc == WB_OK && st.stop == WB_OK)
            xmlParseChunk(st.ctxt, NULL, 0, 1);
        free(buf);
        if (rc == WB_OK)
            rc = st.stop;
        if (rc == WB_OK && !st.ctxt->wellFormed) {
            /* With the schema plugged in, the parser's own error may not
               reach our handler: take it from the context. */
            const wb_diagnostic *first = wb__diagnostics_first_error(rd->problems);
            xmlErrorPtr last = xmlCtxtGetLastError(st.ctxt);
            if (first == NULL && last != NULL) {
                on_xml_error(&st, last);
                first = wb__diagnostics_first_error(rd->problems);
            }
            rc = first != NULL ? wb__diagnostic_to_error(first, WB_EPARSE, err)
                               : wb__error_set(err, WB_EPARSE, rd->path, 0, 0, "xml-malformed",
                                               "'%s' is not well-formed XML", rd->path);
        }
        if (rc == WB_OK && rd->kind == NULL) {
            const char *en = "the file has no root element";
            problem(rd, "ledger-kind", 1, 1, en, "文件没有根元素");
            rc = fill_err(err, WB_ESCHEMA, rd->path, 1, 1, "ledger-kind", en);
        }
    }
    if (st.ctxt != NULL) {
        xmlFreeParserCtxt(st.ctxt);
    }
    if (plug != NULL)
        xmlSchemaSAXUnplug(plug);
    xmlSchemaFreeValidCtxt(vctxt);
    xmlSchemaFree(schema);
    if (rc == WB_OK && rd->nomem)
        rc = WB_ENOMEM;
    return rc;
}

/* ============================================================== entry */

/* Whether a name ends in ".xml" (any case): such a file is read as XML
   whatever it holds, so that an empty or broken one is reported as XML. */
static int named_xml(const char *name)
{
    size_t n = name != NULL ? strlen(name) : 0;
    return n >= 4 && name[n - 4] == '.' && (name[n - 3] | 0x20) == 'x' &&
           (name[n - 2] | 0x20) == 'm' && (name[n - 1] | 0x20) == 'l';
}

/* Is the stream XML (its first character after a BOM and spaces is '<')?
   The stream is rewound. */
static int sniff_xml(FILE *f)
{
    unsigned char head[512];
    size_t n = fread(head, 1, sizeof(head), f);
    size_t i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    rewind(f);
    return i < n && head[i] == '<';
}

/* A read-only stream over memory; an empty buffer is one of no bytes
   (fmemopen refuses a size of 0). */
static FILE *open_memory(const char *data, size_t len, const char *name, wb_error *err)
{
    static const char nothing[1] = { 0 };
    FILE *f = len > 0 ? fmemopen((void *)data, len, "rb") : fmemopen((void *)nothing, 1, "rb");
    if (f == NULL) {
        wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL, "cannot read '%s' from memory", name);
        return NULL;
    }
    if (len == 0)
        fgetc(f);   /* at the end: no bytes */
    return f;
}

/* Every row of an open stream, XML or CSV. */
static int read_stream(FILE *f, const char *name, const wb_ledger_kind *kind, wb__row_fn fn,
                       void *payload, wb_diagnostics *problems, const wb__cell_scan *scan,
                       const wb_ledger_kind **kind_read, wb_error *err)
{
    int is_xml = sniff_xml(f) || named_xml(name);
    reader rd = { name, kind, fn, payload, problems, NULL, 0, scan, WB_OK };
    int rc = is_xml ? read_xml(&rd, f, err) : read_csv(&rd, f, err);
    if (kind_read != NULL)
        *kind_read = rd.record != NULL ? rd.kind : NULL;
    wb_record_free(rd.record);
    if (rc == WB_OK && rd.nomem)
        rc = WB_ENOMEM;
    if (rc == WB_OK && rd.scan_failed != WB_OK)
        rc = wb__error_set(err, rd.scan_failed, name, 0, 0, NULL,
                           "the privacy scan of '%s' failed: PCRE2 error", name);
    return rc;
}

int wb__ledger_read_file(const char *path, const wb_ledger_kind *kind, wb__row_fn fn,
                         void *payload, wb_diagnostics *problems, const wb__cell_scan *scan,
                         const wb_ledger_kind **kind_read, wb_error *err)
{
    /* Ledgers are streamed, so no size limit: only the kind of file. */
    FILE *f;
    int rc = wb_file_open(&f, path, 0, err);
    if (rc != WB_OK)
        return rc;
    rc = read_stream(f, path, kind, fn, payload, problems, scan, kind_read, err);
    fclose(f);
    return rc;
}

int wb__ledger_read_buffer(const char *data, size_t len, const char *name,
                           const wb_ledger_kind *kind, wb__row_fn fn, void *payload,
                           wb_diagnostics *problems, const wb__cell_scan *scan,
                           const wb_ledger_kind **kind_read, wb_error *err)
{
    FILE *f = open_memory(data, len, name, err);
    if (f == NULL)
        return WB_ENOMEM;
    int rc = read_stream(f, name, kind, fn, payload, problems, scan, kind_read, err);
    fclose(f);
    return rc;
}

/* The first element's name and namespace, read without validating. */
/* Detection looks at the root only; what is wrong with the rest is for
   the reading to report. (A NULL handler would restore libxml2's default,
   which prints to stderr: the library never prints.) */
static void ignore_xml_error(void *arg, xmlErrorPtr e)
{
    (void)arg;
    (void)e;
}

/* The ledger kind an XML reader's root element names; the reader is freed. */
static int xml_root_kind(xmlTextReaderPtr xr, const wb_ledger_kind **kind)
{
    if (xr == NULL)
        return WB_EIO;
    xmlTextReaderSetStructuredErrorHandler(xr, ignore_xml_error, NULL);
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

/* The kind a CSV stream's header row fits, or NULL. */
static const wb_ledger_kind *csv_kind(FILE *f, const char *name)
{
    const wb_ledger_kind *kind = NULL;
    wb__csv *csv = NULL;
    const char *const *cells;
    size_t n;
    int line;
    if (wb__csv_open_file(&csv, f, name, NULL) == WB_OK &&
        wb__csv_next(csv, &cells, &n, &line, NULL) == 1) {
        int *columns = malloc((n ? n : 1) * sizeof(int));
        int ambiguous;
        if (columns != NULL)
            kind = kind_of_header(cells, n, columns, &ambiguous);
        free(columns);
    }
    wb__csv_free(csv);
    return kind;
}

int wb_ledger_detect_file(const wb_ledger_kind **kind, const char *path, wb_error *err)
{
    if (kind == NULL)
        return wb__error_arg(err, "wb_ledger_detect_file", "kind");
    *kind = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_ledger_detect_file", "path");
    FILE *f;
    int rc = wb_file_open(&f, path, 0, err);
    if (rc != WB_OK)
        return rc;
    /* The reader reads the descriptor already opened (sniff_xml rewinds
       it): the path is opened once, so it cannot be swapped meanwhile. */
    if (sniff_xml(f) || named_xml(path))
        rc = xml_root_kind(xmlReaderForFd(fileno(f), path, NULL, XML_PARSE_NONET), kind);
    else
        *kind = csv_kind(f, path);
    fclose(f);
    return rc;
}

int wb_ledger_detect_buffer(const wb_ledger_kind **kind, const char *data, size_t len,
                            wb_error *err)
{
    if (kind == NULL)
        return wb__error_arg(err, "wb_ledger_detect_buffer", "kind");
    *kind = NULL;
    if (data == NULL && len > 0)
        return wb__error_arg(err, "wb_ledger_detect_buffer", "data");
    FILE *f = open_memory(data, len, "<buffer>", err);
    if (f == NULL)
        return WB_ENOMEM;
    int rc = WB_OK;
    if (len <= INT_MAX && sniff_xml(f))
        rc = xml_root_kind(xmlReaderForMemory(data, (int)len, NULL, NULL, XML_PARSE_NONET), kind);
    else
        *kind = csv_kind(f, "<buffer>");
    fclose(f);
    return rc;
}
