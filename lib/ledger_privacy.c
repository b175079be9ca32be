/*
 * ledger_privacy.c - the privacy scan of a ledger's free-text cells, and
 * where in the file each finding is.
 *
 * The scan (privacy.c) gives a byte offset into the cell's text; the
 * place is found by walking the text from the cell's start to it, one
 * character a column, as the readers count: code points, from 1 after a
 * line break. A CSV cell's text differs from what the file holds only by
 * its quoting, so the walk counts a '"' of a quoted cell as the two
 * columns of its "". An XML attribute value differs more (references,
 * and line breaks and tabs that the parser turned into spaces), so it is
 * walked beside the value as written; if the two ever part ways, the
 * finding goes to the record's line with no column rather than to a wrong
 * one. The walk goes on from one finding to the next, so a cell is walked
 * once however many findings it has.
 */
#include "ledger_privacy.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "xml.h"

typedef struct walk {
    const wb__cell_place *place;
    wb__cell_place resolved;    /* the place, once resolve has filled it in */
    const wb_ledger_kind *kind;
    size_t field;
    wb_diagnostics *problems;
    const char *text;
    size_t len;
    size_t pos, raw_pos;        /* walked so far, in the text and as written */
    int line, column;
    int lost;                   /* XML: the text and the value as written parted ways */
} walk;

/* The bytes of the UTF-8 character at p[0..n): a lead byte's length,
   never past n. The readers let only valid UTF-8 through. */
static size_t char_length(const char *p, size_t n)
{
    unsigned char c = (unsigned char)p[0];
    size_t k = c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return k < n ? k : n;
}

static void next_column(walk *w, int by)
{
    if (w->column > 0)
        w->column = w->column <= INT_MAX - by ? w->column + by : INT_MAX;
}

static void next_line(walk *w)
{
    if (w->line < INT_MAX)
        w->line++;
    w->column = 1;
}

/* CSV: up to the text's byte `to`. */
static void walk_csv(walk *w, size_t to)
{
    while (w->pos < to) {
        char c = w->text[w->pos];
        if (c == '\n') {
            next_line(w);
            w->pos++;
            continue;
        }
        next_column(w, c == '"' && w->place->quoted ? 2 : 1);
        w->pos += char_length(w->text + w->pos, w->len - w->pos);
    }
}

/* Whether the text at pos holds these bytes. */
static int text_has(const walk *w, const char *bytes, size_t n)
{
    return w->len - w->pos >= n && memcmp(w->text + w->pos, bytes, n) == 0;
}

/*
 * XML: up to the text's byte `to`, one character of the value as
 * written for each of the text (XML 1.0 §2.11 and §3.3.3: a line end,
 * CRLF or LF, or a tab or CR, is a space; a reference is what it stands
 * for). Lines are counted at LF only, as libxml2 counts them.
 */
static void walk_xml(walk *w, size_t to)
{
    const char *raw = w->place->raw;
    size_t n = w->place->raw_len;
    while (!w->lost && w->pos < to) {
        size_t r = w->raw_pos;
        if (r >= n) {
            w->lost = 1;
            break;
        }
        char c = raw[r];
        if (c == '&') {
            const char *semi = memchr(raw + r, ';', n - r < 16 ? n - r : 16);
            char value[5];
            size_t k = semi != NULL ? wb__xml_reference(raw + r + 1, (size_t)(semi - raw) - r - 1,
                                                      value) : 0;
            /* Without entity substitution libxml2 hands '&' on as "&#38;". */
            if (k == 1 && value[0] == '&') {
                memcpy(value, "&#38;", 5);
                k = 5;
            }
            if (k == 0 || !text_has(w, value, k)) {
                w->lost = 1;
                break;
            }
            size_t written = (size_t)(semi - (raw + r)) + 1;    /* "&amp;": 5, ASCII */
            next_column(w, (int)written);
            w->raw_pos = r + written;
            w->pos += k;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            if (!text_has(w, " ", 1)) {
                w->lost = 1;
                break;
            }
            if (c == '\r' && r + 1 < n && raw[r + 1] == '\n') {
                w->raw_pos++;
                c = '\n';
            }
            if (c == '\n')
                next_line(w);
            else
                next_column(w, 1);
            w->raw_pos++;
            w->pos++;
        } else {
            size_t k = char_length(raw + r, n - r);
            if (!text_has(w, raw + r, k)) {
                w->lost = 1;
                break;
            }
            next_column(w, 1);
            w->raw_pos += k;
            w->pos += k;
        }
    }
}

static int on_finding(const wb__privacy_finding *f, void *payload)
{
    walk *w = payload;
    if (w->place->resolve != NULL) {
        w->resolved = *w->place;
        w->resolved.resolve = NULL;
        w->place->resolve(&w->resolved, w->place->resolve_payload);
        w->place = &w->resolved;
        w->line = w->resolved.line;
        w->column = w->resolved.column;
    }
    const wb__cell_place *p = w->place;
    int line = p->line, column = 0;
    if (p->form == WB__CELL_CSV) {
        walk_csv(w, f->offset);
        line = w->line;
        column = w->column;
    } else if (p->form == WB__CELL_XML) {
        walk_xml(w, f->offset);
        line = w->lost ? p->fallback_line : w->line;
        column = w->lost ? 0 : w->column;
    }
    const wb__field *col = &w->kind->fields[w->field];
    char en[1280], zh[1280];
    if (p->key != NULL) {
        char key[68];
        wb__quote_value(key, sizeof(key), p->key);
        snprintf(en, sizeof(en), "record '%s', column %s (%s): %s", key, col->name, col->header,
                 f->en);
        snprintf(zh, sizeof(zh), "记录“%s”的“%s”列:%s", key, col->header, f->zh);
    } else {
        snprintf(en, sizeof(en), "column %s (%s): %s", col->name, col->header, f->en);
        snprintf(zh, sizeof(zh), "“%s”列:%s", col->header, f->zh);
    }
    return wb__diagnostics_add_text(w->problems, f->severity, f->rule,
                                    p->file != NULL ? p->file : "<record>", line, column, en,
                                    zh);
}

int wb__scan_cell(const wb__cell_scan *scan, wb_diagnostics *problems,
                  const wb_ledger_kind *kind, size_t field, const char *text, size_t len,
                  const wb__cell_place *place)
{
    walk w;
    memset(&w, 0, sizeof(w));
    w.place = place;
    w.kind = kind;
    w.field = field;
    w.problems = problems;
    w.text = text;
    w.len = len;
    w.line = place->line;
    w.column = place->column;
    return wb__privacy_scan_each(scan->scratch, scan->scanner, text, len, on_finding, &w);
}
