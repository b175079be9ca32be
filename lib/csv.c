/*
 * csv.c - a streaming reader for the CSV files a ledger comes in.
 *
 * Three layers, each pulling from the one below:
 *
 *   raw     the input's bytes, a chunk (64 KiB) at a time, from the FILE
 *           or copied from the caller's memory into `raw`;
 *   text    UTF-8: the raw chunk itself; GB18030: the chunk converted by
 *           iconv into `text`, an incomplete trailing character carried
 *           over to the next chunk;
 *   records fetch() hands out the text one byte at a time, checking that
 *           it is valid UTF-8 and counting lines and columns (code points),
 *           and wb__csv_next() runs the CSV state machine on it.
 *
 * Invariants: the parser only asks for more text when it has used all it
 * was given, so the line and column it holds are exactly where an
 * undecodable or unreadable byte sits. Field text is copied into `buf` as
 * it is read, so a chunk may be overwritten at any time. Memory is the
 * two chunk buffers plus `buf` and `ptrs`, which grow only with the
 * longest record (bounded by WB__CSV_MAX_RECORD). The first error is kept
 * in `last` and returned again by every later call.
 */
#include "csv.h"
#include "errors_internal.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define RAW_CAP ((size_t)65536)
/* GB18030 to UTF-8 grows a text by at most half (2 bytes -> 3); iconv
 * stops with E2BIG when this fills anyway. */
#define TEXT_CAP (RAW_CAP * 2)

/* An incremental UTF-8 check: the bytes of the current sequence so far. */
typedef struct utf8_state {
    unsigned need;            /* continuation bytes still expected */
    unsigned char lo, hi;     /* the range the next continuation byte must be in */
    unsigned char seq[4];     /* the sequence so far, for messages */
    unsigned seq_len;
} utf8_state;

struct wb__csv {
    const char *name;
    wb__csv_encoding encoding;

    /* raw layer */
    FILE *file;                   /* NULL when reading memory */
    const unsigned char *mem;     /* memory input; NULL when reading a file */
    size_t mem_len, mem_pos;      /* mem_pos: bytes already copied to raw */
    unsigned char *raw;           /* RAW_CAP bytes */
    size_t raw_len, raw_pos;      /* bytes in raw; next to decode (GB18030) */
    int raw_eof;                  /* no more bytes after raw_len */

    /* text layer */
    iconv_t cd;                   /* (iconv_t)-1 unless GB18030 */
    char *text;                   /* TEXT_CAP bytes; GB18030 only */
    const unsigned char *win;     /* the UTF-8 text being read: raw or text */
    size_t win_len, win_pos;

    /* position of the last byte fetched */
    int line, col;                /* col counts code points */
    int seq_col;                  /* column of the current UTF-8 sequence */
    int after_eol;                /* the last byte fetched ended a line: a LF, or a CR
                                     (AFTER_CR), whose line a LF still joins as CRLF */
    utf8_state utf8;

    /* the record being built: its fields, each followed by a NUL */
    char *buf;
    size_t buf_len, buf_cap;
    size_t nfields;
    const char **ptrs;
    size_t ptrs_cap;
    wb__csv_place *places;        /* where each field's text starts */
    size_t places_cap;
    wb__csv_place field;          /* that of the field being read */

    int status;                   /* WB_OK, or the error every call returns */
    wb_error last;
};

static const char *const no_name = "CSV input";

#define AFTER_LF 1
#define AFTER_CR 2

/* ---- errors ---------------------------------------------------------- */

static int fail(wb__csv *c, wb_error *err, int code, int line, int column,
                const char *fmt, ...) WB__PRINTF(6, 7);

/* Record the reader's (sticky) error and copy it to err. */
static int fail(wb__csv *c, wb_error *err, int code, int line, int column,
                const char *fmt, ...)
{
    char msg[WB_ERROR_MESSAGE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0)
        msg[0] = '\0';
    /* A place on a line always has a column: 1 for the line as a whole. */
    if (line > 0 && column < 1)
        column = 1;
    wb__error_set(&c->last, code, c->name, line, column, NULL, "%s",
                  msg[0] != '\0' ? msg : wb_strerror(code));
    c->status = code;
    if (err != NULL)
        *err = c->last;
    return code;
}

/* Where the next byte will be: errors found before a byte is fetched. */
static void next_position(const wb__csv *c, int *line, int *column)
{
    if (c->after_eol) {
        *line = c->line < INT_MAX ? c->line + 1 : c->line;
        *column = 1;
    } else {
        *line = c->line;
        *column = c->col < INT_MAX ? c->col + 1 : c->col;
    }
}

/* "0xC3 0x28" for up to four bytes. */
static void hex_bytes(char *out, size_t size, const unsigned char *p, size_t n)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && i < 4 && used + 6 < size; i++) {
        int w = snprintf(out + used, size - used, "%s0x%02X", i ? " " : "", p[i]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

/* ---- UTF-8 ----------------------------------------------------------- */

/*
 * Feed one byte. Returns 1 when it ends a character, 0 when more bytes
 * are needed, -1 when the sequence is invalid: a stray continuation byte,
 * an overlong form, a surrogate or a code point above U+10FFFF.
 */
static int utf8_step(utf8_state *u, unsigned char b)
{
    if (u->need == 0) {
        u->seq[0] = b;
        u->seq_len = 1;
        if (b < 0x80)
            return 1;
        u->lo = 0x80;
        u->hi = 0xBF;
        if (b >= 0xC2 && b <= 0xDF) {
            u->need = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            u->need = 2;
            if (b == 0xE0)
                u->lo = 0xA0;       /* overlong below U+0800 */
            else if (b == 0xED)
                u->hi = 0x9F;       /* surrogates U+D800..U+DFFF */
        } else if (b >= 0xF0 && b <= 0xF4) {
            u->need = 3;
            if (b == 0xF0)
                u->lo = 0x90;       /* overlong below U+10000 */
            else if (b == 0xF4)
                u->hi = 0x8F;       /* above U+10FFFF */
        } else {
            return -1;              /* 0x80..0xC1 or 0xF5..0xFF */
        }
        return 0;
    }
    if (u->seq_len < sizeof(u->seq))
        u->seq[u->seq_len++] = b;
    if (b < u->lo || b > u->hi) {
        u->need = 0;
        return -1;
    }
    u->lo = 0x80;
    u->hi = 0xBF;
    return --u->need == 0 ? 1 : 0;
}

/*
 * How p[0..n) reads as UTF-8: the invalid sequences in it (a byte that
 * breaks a sequence is read again as the start of the next), and the
 * valid sequences of more than one byte. A sequence cut by the end is
 * invalid only when at_end (nothing follows).
 */
static void tally_utf8(const unsigned char *p, size_t n, int at_end, size_t *bad,
                       size_t *multi)
{
    utf8_state u;
    memset(&u, 0, sizeof(u));
    *bad = *multi = 0;
    for (size_t i = 0; i < n; i++) {
        int mid = u.need > 0;
        int r = utf8_step(&u, p[i]);
        if (r < 0) {
            (*bad)++;
            if (mid && utf8_step(&u, p[i]) < 0)
                (*bad)++;
        } else if (r == 1 && u.seq_len > 1) {
            (*multi)++;
        }
    }
    if (u.need > 0 && at_end)
        (*bad)++;
}

/* The places p[0..n) fails as GB18030 (a bad byte is skipped and the
   rest read on); a character cut by the end fails only when at_end. */
static size_t tally_gb18030(iconv_t cd, const unsigned char *p, size_t n, int at_end)
{
    char out[4096];
    char *in = (char *)p;
    size_t in_left = n, bad = 0;
    while (in_left > 0) {
        char *o = out;
        size_t out_left = sizeof(out);
        errno = 0;
        if (iconv(cd, &in, &in_left, &o, &out_left) != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        bad++;
        if (errno != EILSEQ) {          /* EINVAL: cut by the end */
            bad -= !at_end;
            break;
        }
        in++;
        in_left--;
        iconv(cd, NULL, NULL, NULL, NULL);
    }
    iconv(cd, NULL, NULL, NULL, NULL);
    return bad;
}

/* ---- raw layer ------------------------------------------------------- */

/* Append the next bytes of input to raw, up to RAW_CAP. Sets raw_eof at the end. */
static int read_raw(wb__csv *c, wb_error *err)
{
    size_t room = RAW_CAP - c->raw_len, got;
    if (c->file != NULL) {
        errno = 0;
        got = fread(c->raw + c->raw_len, 1, room, c->file);
        if (got < room) {
            if (ferror(c->file)) {
                int saved = errno;
                int line, column;
                next_position(c, &line, &column);
                return fail(c, err, WB_EIO, line, column, "cannot read '%s': %s",
                            c->name, saved ? strerror(saved) : "read error");
            }
            c->raw_eof = 1;
        }
    } else {
        size_t rest = c->mem_len - c->mem_pos;
        got = rest < room ? rest : room;
        if (got > 0)
            memcpy(c->raw + c->raw_len, c->mem + c->mem_pos, got);
        c->mem_pos += got;
        if (c->mem_pos == c->mem_len)
            c->raw_eof = 1;
    }
    c->raw_len += got;
    return WB_OK;
}

/* ---- text layer ------------------------------------------------------ */

static int bad_gb18030(wb__csv *c, wb_error *err, int at_end)
{
    char shown[32];
    int line, column;
    next_position(c, &line, &column);
    hex_bytes(shown, sizeof(shown), c->raw + c->raw_pos, c->raw_len - c->raw_pos);
    if (at_end)
        return fail(c, err, WB_EPARSE, line, column,
                    "the input ends inside a GB18030 character (%s)", shown);
    return fail(c, err, WB_EPARSE, line, column,
                "bytes %s are not valid GB18030 (the file was read as GB18030 "
                "because its start reads as GB18030, not as UTF-8)", shown);
}

/* Convert the next piece of GB18030 into text. 1: text ready; 0: end; <0: error. */
static int fill_gb18030(wb__csv *c, wb_error *err)
{
    for (;;) {
        if (c->raw_pos < c->raw_len) {
            char *in = (char *)c->raw + c->raw_pos;
            size_t in_left = c->raw_len - c->raw_pos;
            char *out = c->text;
            size_t out_left = TEXT_CAP;
            errno = 0;
            size_t r = iconv(c->cd, &in, &in_left, &out, &out_left);
            int e = r == (size_t)-1 ? errno : 0;
            c->raw_pos = c->raw_len - in_left;
            size_t made = TEXT_CAP - out_left;
            if (made > 0) {
                /* Hand out what converted; an EILSEQ comes back next time. */
                c->win = (const unsigned char *)c->text;
                c->win_pos = 0;
                c->win_len = made;
                return 1;
            }
            if (e == EILSEQ)
                return bad_gb18030(c, err, 0);
            if (e != 0 && e != EINVAL)
                return fail(c, err, WB_ERROR, 0, 0,
                            "converting '%s' from GB18030 failed: %s", c->name, strerror(e));
            /* EINVAL: a character cut by the chunk's end; read on. */
        }
        if (c->raw_eof) {
            if (c->raw_pos < c->raw_len)
                return bad_gb18030(c, err, 1);
            return 0;
        }
        size_t keep = c->raw_len - c->raw_pos;
        memmove(c->raw, c->raw + c->raw_pos, keep);
        c->raw_pos = 0;
        c->raw_len = keep;
        int rc = read_raw(c, err);
        if (rc != WB_OK)
            return rc;
    }
}

/* Refill the window once it is used up. 1: text ready; 0: end; <0: error. */
static int fill(wb__csv *c, wb_error *err)
{
    if (c->encoding == WB__CSV_GB18030)
        return fill_gb18030(c, err);
    while (!c->raw_eof) {
        c->raw_len = 0;
        int rc = read_raw(c, err);
        if (rc != WB_OK)
            return rc;
        if (c->raw_len > 0) {
            c->win = c->raw;
            c->win_pos = 0;
            c->win_len = c->raw_len;
            return 1;
        }
    }
    return 0;
}

/* ---- bytes with their positions -------------------------------------- */

static int bad_utf8(wb__csv *c, wb_error *err)
{
    char shown[32];
    hex_bytes(shown, sizeof(shown), c->utf8.seq, c->utf8.seq_len);
    return fail(c, err, WB_EPARSE, c->line, c->seq_col,
                "invalid UTF-8 (%s) in a file read as %s", shown,
                wb__csv_encoding_name(c->encoding));
}

/*
 * The next byte of UTF-8 text, its line and column recorded. 1: *b set;
 * 0: end of input; <0: error (set).
 */
static int fetch(wb__csv *c, unsigned char *b, wb_error *err)
{
    if (c->win_pos == c->win_len) {
        int rc = fill(c, err);
        if (rc <= 0) {
            if (rc == 0 && c->utf8.need > 0)
                return fail(c, err, WB_EPARSE, c->line, c->seq_col,
                            "the input ends inside a UTF-8 character");
            return rc;
        }
    }
    unsigned char x = c->win[c->win_pos++];
    /* CR, LF and CRLF each end a line: old Mac Excel writes CR alone. */
    if (c->after_eol == AFTER_CR && x == '\n')
        c->after_eol = 0;
    if (c->after_eol) {
        if (c->line == INT_MAX)
            return fail(c, err, WB_EPARSE, c->line, 1, "more than %d lines", INT_MAX);
        c->line++;
        c->col = 0;
        c->after_eol = 0;
    }
    if (c->utf8.need == 0) {
        if (c->col < INT_MAX)
            c->col++;
        c->seq_col = c->col;
    }
    if (utf8_step(&c->utf8, x) < 0)
        return bad_utf8(c, err);
    if (x == '\0')
        return fail(c, err, WB_EPARSE, c->line, c->col,
                    "NUL byte in the text (is the file UTF-16 without a BOM, "
                    "or not a CSV file?)");
    if (x == '\n')
        c->after_eol = AFTER_LF;
    else if (x == '\r')
        c->after_eol = AFTER_CR;
    *b = x;
    return 1;
}

/* The next byte without taking it. 1: *b set; 0: end of input; <0: error. */
static int peek(wb__csv *c, unsigned char *b, wb_error *err)
{
    if (c->win_pos == c->win_len) {
        int rc = fill(c, err);
        if (rc <= 0)
            return rc;
    }
    *b = c->win[c->win_pos];
    return 1;
}

/* ---- opening and closing --------------------------------------------- */

/* The converter from GB18030, opened once. */
static int open_gb18030(wb__csv *c, wb_error *err)
{
    if (c->cd != (iconv_t)-1)
        return WB_OK;
    errno = 0;
    c->cd = iconv_open("UTF-8", "GB18030");
    if (c->cd == (iconv_t)-1) {
        int e = errno;
        if (e == ENOMEM)
            return fail(c, err, WB_ENOMEM, 0, 0, "out of memory opening '%s'", c->name);
        return fail(c, err, WB_ERROR, 0, 0,
                    "'%s' may be GB18030, but this system cannot convert GB18030: %s",
                    c->name, e ? strerror(e) : "iconv_open failed");
    }
    return WB_OK;
}

static int detect(wb__csv *c, wb_error *err)
{
    const unsigned char *p = c->raw;
    size_t n = c->raw_len;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        c->encoding = WB__CSV_UTF8_BOM;
        c->raw_pos = 3;
    } else if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        return fail(c, err, WB_EPARSE, 1, 1,
                    "UTF-16 is not supported: save the file as CSV UTF-8 or CSV (GB18030)");
    } else if (n >= 4 && p[0] == 0 && p[1] == 0 && p[2] == 0xFE && p[3] == 0xFF) {
        return fail(c, err, WB_EPARSE, 1, 1,
                    "UTF-32 is not supported: save the file as CSV UTF-8 or CSV (GB18030)");
    } else if (n >= 4 && p[0] == 0x84 && p[1] == 0x31 && p[2] == 0x95 && p[3] == 0x33) {
        /* GB18030's own BOM, U+FEFF, is dropped like UTF-8's. */
        c->encoding = WB__CSV_GB18030;
        c->raw_pos = 4;
    } else {
        /*
         * GB18030 only when the start fails as UTF-8 all through and
         * reads better as GB18030: Chinese text in GB18030 breaks UTF-8
         * at nearly every character, while a UTF-8 file with a stray
         * byte, a cell pasted from elsewhere or its last character cut
         * short fails at a few places among its many valid characters.
         * That file stays UTF-8, and each bad byte is reported where it
         * is; so is a GB18030 file's.
         */
        size_t bad, multi;
        tally_utf8(p, n, c->raw_eof, &bad, &multi);
        c->encoding = WB__CSV_UTF8;
        if (bad >= 2 && bad > multi) {
            int rc = open_gb18030(c, err);
            if (rc != WB_OK)
                return rc;
            if (tally_gb18030(c->cd, p, n, c->raw_eof) < bad)
                c->encoding = WB__CSV_GB18030;
        }
    }

    if (c->encoding != WB__CSV_GB18030) {
        c->win = c->raw;
        c->win_pos = c->raw_pos;
        c->win_len = c->raw_len;
        return WB_OK;
    }
    int rc = open_gb18030(c, err);
    if (rc != WB_OK)
        return rc;
    c->text = malloc(TEXT_CAP);
    if (c->text == NULL)
        return fail(c, err, WB_ENOMEM, 0, 0, "out of memory opening '%s'", c->name);
    c->win = (const unsigned char *)c->text;
    c->win_pos = c->win_len = 0;
    return WB_OK;
}

static int open_common(wb__csv **out, FILE *f, const char *data, size_t len,
                       const char *name, wb_error *err)
{
    if (name == NULL)
        name = no_name;
    wb__csv *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL,
                             "out of memory opening '%s'", name);
    c->name = name;
    c->file = f;
    c->mem = (const unsigned char *)data;
    c->mem_len = f == NULL ? len : 0;
    c->cd = (iconv_t)-1;
    c->line = 1;
    c->raw = malloc(RAW_CAP);
    int rc = c->raw == NULL
        ? fail(c, err, WB_ENOMEM, 0, 0, "out of memory opening '%s'", name)
        : read_raw(c, err);
    if (rc == WB_OK)
        rc = detect(c, err);
    if (rc != WB_OK) {
        wb__csv_free(c);
        return rc;
    }
    *out = c;
    return WB_OK;
}

int wb__csv_open_file(wb__csv **out, FILE *f, const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb__csv_open_file", "out");
    *out = NULL;
    if (f == NULL)
        return wb__error_arg(err, "wb__csv_open_file", "f");
    return open_common(out, f, NULL, 0, name, err);
}

int wb__csv_open_buffer(wb__csv **out, const char *data, size_t len,
                        const char *name, wb_error *err)
{
    if (out == NULL)
        return wb__error_arg(err, "wb__csv_open_buffer", "out");
    *out = NULL;
    if (data == NULL && len > 0)
        return wb__error_arg(err, "wb__csv_open_buffer", "data");
    return open_common(out, NULL, data, len, name, err);
}

void wb__csv_free(wb__csv *csv)
{
    if (csv == NULL)
        return;
    if (csv->cd != (iconv_t)-1)
        iconv_close(csv->cd);
    free(csv->raw);
    free(csv->text);
    free(csv->buf);
    free(csv->ptrs);
    free(csv->places);
    free(csv);
}

wb__csv_encoding wb__csv_encoding_of(const wb__csv *csv)
{
    return csv != NULL ? csv->encoding : WB__CSV_UTF8;
}

const char *wb__csv_encoding_name(wb__csv_encoding e)
{
    switch (e) {
    case WB__CSV_UTF8:     return "UTF-8";
    case WB__CSV_UTF8_BOM: return "UTF-8 with BOM";
    case WB__CSV_GB18030:  return "GB18030";
    }
    return "unknown encoding";
}

/* ---- records --------------------------------------------------------- */

static int append(wb__csv *c, char ch, wb_error *err)
{
    if (c->buf_len == c->buf_cap) {
        /* Bounded: the record's text is at most WB__CSV_MAX_RECORD, and
         * its fields and NULs take no more than that plus one. */
        size_t cap = c->buf_cap ? c->buf_cap * 2 : 256;
        char *grown = realloc(c->buf, cap);
        if (grown == NULL)
            return fail(c, err, WB_ENOMEM, c->line, 0, "out of memory reading '%s'", c->name);
        c->buf = grown;
        c->buf_cap = cap;
    }
    c->buf[c->buf_len++] = ch;
    return WB_OK;
}

static int end_field(wb__csv *c, wb_error *err)
{
    if (c->nfields == c->places_cap) {
        /* Bounded as buf is: a field takes at least its NUL there. */
        size_t cap = c->places_cap ? c->places_cap * 2 : 16;
        wb__csv_place *grown = realloc(c->places, cap * sizeof(*grown));
        if (grown == NULL)
            return fail(c, err, WB_ENOMEM, c->line, 0, "out of memory reading '%s'", c->name);
        c->places = grown;
        c->places_cap = cap;
    }
    int rc = append(c, '\0', err);
    if (rc == WB_OK)
        c->places[c->nfields++] = c->field;
    return rc;
}

/* A field starts with the byte at line, col (empty: where it would be). */
static void start_field(wb__csv *c, int line, int col, int quoted)
{
    c->field.line = line;
    c->field.column = quoted && col < INT_MAX ? col + 1 : col;
    c->field.quoted = quoted;
}

int wb__csv_field_position(const wb__csv *csv, size_t i, wb__csv_place *out)
{
    if (csv == NULL || out == NULL || i >= csv->nfields)
        return WB_EINVAL;
    *out = csv->places[i];
    return WB_OK;
}

/* Point ptrs at the fields in buf and hand them out. */
static int finish(wb__csv *c, const char *const **fields, size_t *count,
                  int *line, int rec_line, wb_error *err)
{
    if (c->nfields > c->ptrs_cap) {
        size_t cap = c->ptrs_cap ? c->ptrs_cap : 16;
        while (cap < c->nfields)
            cap *= 2;
        const char **grown = realloc(c->ptrs, cap * sizeof(*grown));
        if (grown == NULL)
            return fail(c, err, WB_ENOMEM, rec_line, 0, "out of memory reading '%s'", c->name);
        c->ptrs = grown;
        c->ptrs_cap = cap;
    }
    /* Fields hold no NUL (fetch refuses it), so each ends at the next. */
    const char *p = c->buf;
    for (size_t i = 0; i < c->nfields; i++) {
        c->ptrs[i] = p;
        p += strlen(p) + 1;
    }
    *fields = c->ptrs;
    *count = c->nfields;
    *line = rec_line;
    return 1;
}

/* The character after a closing quote, for the message. */
static void describe_after_quote(wb__csv *c, char *out, size_t size,
                                 unsigned char b, wb_error *err)
{
    if (b < 0x20 || b == 0x7F) {
        snprintf(out, size, "control character 0x%02X", b);
    } else {
        char ch[5] = { (char)b, 0, 0, 0, 0 };
        size_t n = 1;
        unsigned char next;
        /* Complete the character; its bytes are checked as they come. */
        while (c->utf8.need > 0 && n < 4 && fetch(c, &next, err) == 1)
            ch[n++] = (char)next;
        snprintf(out, size, "'%s'", ch);
    }
}

enum state {
    S_RECORD,      /* nothing of a record yet */
    S_FIELD,       /* at the start of a field after a comma */
    S_UNQUOTED,    /* inside an unquoted field */
    S_QUOTED,      /* inside a quoted field */
    S_QUOTE        /* a quote inside a quoted field: the close, or "" */
};

int wb__csv_next(wb__csv *c, const char *const **fields, size_t *count,
                 int *line, wb_error *err)
{
    if (c == NULL)
        return wb__error_arg(err, "wb__csv_next", "csv");
    if (fields == NULL || count == NULL || line == NULL)
        return wb__error_arg(err, "wb__csv_next",
                             fields == NULL ? "fields" : count == NULL ? "count" : "line");
    *fields = NULL;
    *count = 0;
    *line = 0;
    if (c->status != WB_OK) {
        if (err != NULL)
            *err = c->last;
        return c->status;
    }

    c->buf_len = 0;
    c->nfields = 0;
    enum state st = S_RECORD;
    size_t size = 0;                 /* bytes of the record so far */
    int rec_line = 0, q_line = 0, q_col = 0;
    int rc;
    for (;;) {
        unsigned char b;
        rc = fetch(c, &b, err);
        if (rc < 0)
            return rc;
        if (rc == 0) {
            switch (st) {
            case S_RECORD:
                return 0;
            case S_QUOTED:
                return fail(c, err, WB_EPARSE, q_line, q_col,
                            "a quoted field opened on line %d is never closed", q_line);
            case S_FIELD:
            case S_UNQUOTED:
            case S_QUOTE:
                break;
            }
            rc = end_field(c, err);
            return rc < 0 ? rc : finish(c, fields, count, line, rec_line, err);
        }

        int b_line = c->line, b_col = c->col;
        size_t used = 1;
        int eol = b == '\n' || b == '\r';
        if (b == '\r') {
            /* CRLF is one line end; a CR alone is one too (old Mac Excel). */
            unsigned char next;
            rc = peek(c, &next, err);
            if (rc < 0)
                return rc;
            if (rc == 1 && next == '\n') {
                if ((rc = fetch(c, &next, err)) < 0)
                    return rc;
                used = 2;
            }
        }

        if (st == S_RECORD) {
            if (eol)
                continue;            /* an empty line is no record */
            rec_line = b_line;
            st = S_FIELD;
        }

        rc = WB_OK;
        if (st == S_FIELD)
            start_field(c, b_line, b_col, b == '"');
        switch (st) {
        case S_RECORD:               /* handled above */
        case S_FIELD:
            if (b == '"') {
                q_line = b_line;
                q_col = b_col;
                st = S_QUOTED;
                break;
            }
            /* Anything else is the first character of an unquoted field. */
            /* fall through */
        case S_UNQUOTED:
            if (b == ',') {
                rc = end_field(c, err);
                start_field(c, b_line, b_col < INT_MAX ? b_col + 1 : b_col, 0);
                st = S_FIELD;
            } else if (eol) {
                rc = end_field(c, err);
                return rc < 0 ? rc : finish(c, fields, count, line, rec_line, err);
            } else {
                rc = append(c, (char)b, err);   /* a quote here is kept as is */
                st = S_UNQUOTED;
            }
            break;
        case S_QUOTED:
            if (b == '"')
                st = S_QUOTE;
            else
                rc = append(c, eol ? '\n' : (char)b, err);
            break;
        case S_QUOTE:
            if (b == '"') {
                rc = append(c, '"', err);
                st = S_QUOTED;
            } else if (b == ',') {
                rc = end_field(c, err);
                start_field(c, b_line, b_col < INT_MAX ? b_col + 1 : b_col, 0);
                st = S_FIELD;
            } else if (eol) {
                rc = end_field(c, err);
                return rc < 0 ? rc : finish(c, fields, count, line, rec_line, err);
            } else {
                char what[48];
                size_t field = c->nfields + 1;
                describe_after_quote(c, what, sizeof(what), b, err);
                return fail(c, err, WB_EPARSE, b_line, b_col,
                            "field %zu: %s after the closing quote; a quote inside "
                            "a quoted field must be doubled (\"\")", field, what);
            }
            break;
        }
        if (rc < 0)
            return rc;
        size += used;
        if (size > WB__CSV_MAX_RECORD) {
            if (st == S_QUOTED)
                return fail(c, err, WB_EPARSE, rec_line, 1,
                            "record longer than 1 MiB (does the quoted field opened "
                            "on line %d lack its closing quote?)", q_line);
            return fail(c, err, WB_EPARSE, rec_line, 1, "record longer than 1 MiB");
        }
    }
}
