/*
 * cmd_check.c - `weibao-lint check FILE...`: validate documents and
 * check ledgers against the rules.
 *
 * A rubric, calendar or rule file is checked against its format's schema
 * and rules. A ledger (XML in urn:weibao:ledger:1, or CSV) is checked
 * row by row against the compliance rules as of a date: every result
 * worth reporting and every bad row is printed one a line, as gcc does:
 *
 *   file:line:col: severity: message [rule-id]
 *
 * A violation is reported at its rule's severity, missing data as a
 * warning, a pending deadline as a note. Columns count Unicode code
 * points. A file that cannot be read is reported on stderr and the
 * others are still checked. Results are printed as they are found, so a
 * ledger of any length is checked in bounded memory.
 */
#define _POSIX_C_SOURCE 200809L   /* strcasecmp */
#include "lint.h"

#include <dirent.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    "usage: weibao-lint check [--format text|json|sarif] [--lang zh|en]\n"
    "                         [--fail-on error|warning|note] [--select RULES]\n"
    "                         [--ignore RULES] [--quiet] [--statistics]\n"
    "                         [--as-of DATE] [--since DATE] [--rules PACK]\n"
    "                         [--rule-table FILE] [--rubric FILE] [--kind KIND]\n"
    "                         [--show OUTCOMES] [--explain] [--summary]\n"
    "                         [--calendar FILE] [--read-outside-dossier]\n"
    "                         [--overlay FILE]... [--project YEAR] PATH...\n"
    "\n"
    "Check files and folders (every file below a folder, in name order, hidden\n"
    "ones left out). Rubric, calendar, rule, pack and dossier files (XML; the\n"
    "kind is read from the root element) are checked against their schema and\n"
    "rules; ledgers (台账: XML, or CSV with a header row in UTF-8 or GB18030)\n"
    "against the compliance rules (weibao-lint rule lists them). Binary,\n"
    "non-UTF-8 and unknown files are reported; a .csv or .xml file is always\n"
    "read, as a ledger or document, and what cannot be read in it is an error.\n"
    "PATH may be - for a document or a ledger on standard input. Text, Markdown, HTML,\n"
    "every document's text and every free-text cell of a ledger are scanned\n"
    "for minors' personal data (privacy-* rules: identity, phone and bank card\n"
    "numbers, names next to a case word, the rule pack's patterns); every\n"
    "finding quotes them masked.\n"
    "\n"
    "  --format FORMAT   text (default): file:line:col: severity: message [rule]\n"
    "                    json: an array of {file, line, column, severity, rule,\n"
    "                    message, ...}; sarif: SARIF 2.1.0 for code scanning.\n"
    "                    Columns count Unicode code points in every format\n"
    "  --lang LANG       message language: zh (default) or en\n"
    "  --fail-on LEVEL   exit 1 when a finding is at or above LEVEL (default error)\n"
    "  --select RULES    report only these rule ids (comma-separated; ledger- or\n"
    "                    file-* name every id they begin)\n"
    "  --ignore RULES    never report these; a folder's .weibao-lint file may set\n"
    "                    'select = ...' and 'ignore = ...' lines\n"
    "  --quiet, -q       report errors only\n"
    "  --statistics      print the count of findings per rule instead\n"
    "  --as-of DATE      check deadlines as of DATE (default: today)\n"
    "  --since DATE      the assessment period's first day, for rules counted\n"
    "                    per year or quarter (default: January 1 of last year)\n"
    "  --rules PACK      apply a county's rule pack (<rule-pack>) to the rules\n"
    "  --rule-table FILE use this rule table instead of the built-in one\n"
    "  --rubric FILE     check dossiers' scores against this rubric edition\n"
    "                    (default: the built-in one)\n"
    "  --kind KIND       the ledger kind of CSV files whose header fits several\n"
    "  --show OUTCOMES   which results to print, comma-separated: violation,\n"
    "                    pending, insufficient-data, complies, not-applicable,\n"
    "                    or all (default: violation,insufficient-data)\n"
    "  --explain         print how each printed result was reached\n"
    "  --summary         print the counts per rule, standard, unit and township\n"
    "  --calendar FILE, --overlay FILE, --project YEAR\n"
    "                    the working-day calendar (see weibao-lint calendar --help)\n"
    "  --read-outside-dossier\n"
    "                    read the files a dossier names even outside its folder\n"
    "                    (absolute paths, '..', links leading out); without it they\n"
    "                    are refused (dossier-path). Only for a dossier you trust\n"
    "\n"
    "Exit status: 0 clean, 1 findings, 2 usage error or unreadable file.\n";

typedef struct check_opts {
    lint_sink sink;     /* the format, language, --fail-on, --select, --ignore, ... */
    /* Ledgers. */
    wb_date as_of, since;
    int has_since;
    const char *pack, *table, *kind;
    const char *rubric_path;    /* --rubric: the edition dossiers are checked against */
    wb_dossier_options dossier; /* --read-outside-dossier */
    wb_rubric *rubric;
    lint_calendar_opts calendar;
    unsigned show;      /* bit per wb_outcome */
    int explain, summary;
    wb_ruleset *rules;
    wb_privacy_scanner *privacy;
    wb_calendar *cal;
    wb_evaluation *ev;
    size_t problems_shown;  /* the evaluation's problems printed so far */
    const char *progress;   /* a large file being read, when stderr is a terminal */
    size_t calls;
} check_opts;

static int parse_severity(const char *s, wb_severity *out)
{
    if (strcmp(s, "error") == 0)
        *out = WB_SEVERITY_ERROR;
    else if (strcmp(s, "warning") == 0)
        *out = WB_SEVERITY_WARNING;
    else if (strcmp(s, "note") == 0)
        *out = WB_SEVERITY_NOTE;
    else
        return -1;
    return 0;
}

/* ------------------------------------------------------ privacy scan */

/* Report the privacy findings in len bytes of text starting at line. */
static int scan_text(check_opts *o, const char *text, size_t len, const char *name, int line)
{
    wb_diagnostics *found = NULL;
    wb_error err;
    if (wb_privacy_scan(&found, o->privacy, text, len, name, line, &err) != WB_OK) {
        lint_fail("check: %s", err.message);
        return -1;
    }
    for (size_t i = 0; i < wb_diagnostics_count(found); i++)
        lint_sink_emit_diagnostic(&o->sink, wb_diagnostics_at(found, i));
    wb_diagnostics_free(found);
    return 0;
}

/* len bytes of GB18030 as UTF-8 (*out malloc'd, NUL-terminated), or -1
   when they are not GB18030. A piece of whole lines never ends inside a
   character: '\n' is never part of a GB18030 character. */
static int from_gb18030(const char *in, size_t len, char **out, size_t *out_len)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = len + len / 2 + 4;     /* 2 bytes become at most 3 */
    char *buf = malloc(cap);
    char *src = (char *)in, *dst = buf;
    size_t in_left = len, out_left = cap - 1;
    int rc = buf != NULL && iconv(cd, &src, &in_left, &dst, &out_left) != (size_t)-1 &&
                     iconv(cd, NULL, NULL, &dst, &out_left) != (size_t)-1 ? 0 : -1;
    iconv_close(cd);
    if (rc != 0) {
        free(buf);
        return -1;
    }
    *dst = '\0';
    *out = buf;
    *out_len = (size_t)(dst - buf);
    return 0;
}

/*
 * Scan a whole file for personal data, a piece of whole lines at a time,
 * so that a file of many lines is scanned in bounded memory. A line is
 * never cut: a piece holds at least one whole line, so every byte is
 * searched and every column counts from the start of its line. The
 * buffer grows for a line longer than a piece, up to SCAN_MAX_LINE (the
 * library's limit on a file read whole); a longer line is an error that
 * names it, never skipped. A file that is not UTF-8 is read as GB18030
 * (what Notepad on Chinese Windows saves as "ANSI") when it is valid
 * GB18030, else as it is: its ASCII digits are still digits. 1 when it
 * could not be read or scanned whole, else 0.
 */
#define SCAN_PIECE ((size_t)1 << 20)
#define SCAN_MAX_LINE ((size_t)1 << 30)

static int scan_file(check_opts *o, const char *path, int gb18030)
{
    FILE *f = NULL;
    wb_error err;
    if (wb_file_open(&f, path, 0, &err) != WB_OK) {
        lint_fail("check: %s", err.message);
        return 1;
    }
    size_t cap = SCAN_PIECE;
    char *buf = malloc(cap);
    if (buf == NULL) {
        fclose(f);
        lint_fail("out of memory");
        return 1;
    }
    /* A few megabytes take a moment: say how far it is, on a terminal only. */
    struct stat st;
    int progress = isatty(STDERR_FILENO) && stat(path, &st) == 0 && st.st_size >= (4 << 20);
    const char *shown = path;   /* the name as every output shows it */
    char *masked = progress ? lint_masked(o->privacy, path, &shown) : NULL;
    size_t have = 0, got, done = 0;
    int line = 1, rc = 0;
    while (rc == 0 && (got = fread(buf + have, 1, cap - have, f)) + have > 0) {
        if (progress) {
            fputc('\r', stderr);
            lint_put_text(stderr, shown);
            fprintf(stderr, ": %zu MiB scanned...", (done + have) >> 20);
        }
        size_t old = have;
        have += got;
        /* Up to the last line end (LF, CRLF or CR alone), unless the file
           ends here. What was kept from the last read holds no line end
           but perhaps a CR that ended it, waiting to see whether an LF
           follows: only look at that and the bytes read now. */
        size_t take = have;
        if (got > 0) {
            const char *nl = NULL;
            for (size_t i = have; i > (old > 0 ? old - 1 : 0) && nl == NULL; i--)
                if (buf[i - 1] == '\n' || (buf[i - 1] == '\r' && i < have))
                    nl = buf + i - 1;
            if (nl == NULL) {
                /* One line fills the buffer: read more of it. */
                if (have < cap)
                    continue;
                if (cap >= SCAN_MAX_LINE) {
                    lint_fail("check: %s:%d: a line longer than %zu MiB is not scanned: "
                              "its personal data could not be searched for",
                              path, line, SCAN_MAX_LINE >> 20);
                    rc = 1;
                    break;
                }
                char *bigger = realloc(buf, cap * 2);
                if (bigger == NULL) {
                    lint_fail("check: %s:%d: out of memory reading a line of over %zu MiB",
                              path, line, cap >> 20);
                    rc = 1;
                    break;
                }
                buf = bigger;
                cap *= 2;
                continue;
            }
            take = (size_t)(nl - buf) + 1;
        }
        char *utf8 = NULL;
        size_t utf8_len = 0;
        if (gb18030 && from_gb18030(buf, take, &utf8, &utf8_len) != 0)
            gb18030 = 0;    /* not GB18030 after all: scan the bytes */
        if (scan_text(o, utf8 != NULL ? utf8 : buf, utf8 != NULL ? utf8_len : take, path, line) != 0)
            rc = 1;
        free(utf8);
        for (const char *p = buf; (p = memchr(p, '\n', take - (size_t)(p - buf))) != NULL; p++)
            line++;
        for (const char *p = buf; (p = memchr(p, '\r', take - (size_t)(p - buf))) != NULL; p++)
            if (p + 1 == buf + take || p[1] != '\n')
                line++;     /* a CR alone ends a line too */
        memmove(buf, buf + take, have - take);
        have -= take;
        done += take;
        if (got == 0 && have == 0)
            break;
    }
    if (progress)
        fputs("\r\033[K", stderr);
    if (rc == 0 && ferror(f)) {
        lint_fail("check: cannot read '%s'", path);
        rc = 1;
    }
    fclose(f);
    free(buf);
    wb_free(masked);
    return rc;
}

/*
 * A dossier's scores against the rubric (--rubric, else the built-in
 * edition): standards it lacks or scores twice, points out of range, units
 * outside the directory, veto items, ledgers that cannot be read: the
 * findings `score` reports before its totals. The ledgers' own findings
 * come from checking them, so they are not repeated here.
 */
static int check_dossier_scores(const char *path, check_opts *o)
{
    wb_error err;
    wb_error_clear(&err);
    if (o->rubric == NULL &&
        (o->rubric_path != NULL ? wb_rubric_load_file(&o->rubric, o->rubric_path, &err)
                                : wb_rubric_open_default(&o->rubric, &err)) != WB_OK)
        return lint_fail_error(&err), -1;
    if (o->cal == NULL && lint_open_calendar(&o->cal, &o->calendar) != 0)
        return -1;
    wb_dossier *dossier = NULL;
    wb_assessment *a = NULL;
    int rc = wb_dossier_load_file_ext(&dossier, path, &o->dossier, &err);
    if (rc == WB_OK)
        rc = wb_assessment_run(&a, dossier, o->rubric, o->rules, o->cal, &err);
    if (rc == WB_OK) {
        const wb_diagnostics *found = wb_assessment_findings(a);
        for (size_t i = 0; i < wb_diagnostics_count(found); i++)
            lint_sink_emit_diagnostic(&o->sink, wb_diagnostics_at(found, i));
    } else {
        lint_fail("check: %s", err.message);
    }
    wb_assessment_free(a);
    wb_dossier_free(dossier);
    return rc == WB_OK ? 0 : -1;
}

/* Check one document (not a ledger) and scan its text; returns 1 when it
   could not be read, else 0. Every document's text is free text, so the
   whole of it is scanned; a ledger's cells are scanned by column instead
   (check_ledger). */
static int check_one(const char *path, check_opts *o, const char *data, size_t len)
{
    wb_error err;
    wb_error_clear(&err);
    wb_diagnostics *diags = NULL;
    wb_document_kind kind = WB_DOCUMENT_UNKNOWN;
    int rc = data != NULL ? wb_check_buffer(&diags, &kind, data, len, path, &err)
                          : wb_check_file(&diags, &kind, path, &err);
    if (rc == WB_OK && kind == WB_DOCUMENT_DOSSIER && data == NULL && o->dossier.path_flags != 0) {
        /* Checked again with the files it names allowed outside its folder. */
        wb_diagnostics_free(diags);
        diags = NULL;
        rc = wb_dossier_check_file_ext(&diags, path, &o->dossier, &err);
    }
    if (rc != WB_OK) {
        lint_fail("check: %s", err.message);
        return 1;
    }
    for (size_t i = 0; i < wb_diagnostics_count(diags); i++)
        lint_sink_emit_diagnostic(&o->sink, wb_diagnostics_at(diags, i));
    int sound = wb_diagnostics_count_at_least(diags, WB_SEVERITY_ERROR) == 0;
    wb_diagnostics_free(diags);
    /* A dossier's ledgers are paths relative to its file: one read from
       standard input is checked for its form only. */
    if (kind == WB_DOCUMENT_DOSSIER && sound && data == NULL && check_dossier_scores(path, o) != 0)
        return 1;
    return data != NULL ? scan_text(o, data, len, path, 1) != 0 : scan_file(o, path, 0);
}

static int check_ledger(const char *path, check_opts *o);
static int start_evaluation(check_opts *o);
static void print_problems(check_opts *o);

/* Standard input: a ledger (its kind read from its content, or --kind)
   or any other document. 1 when it could not be read, else 0. */
static int check_stdin(check_opts *o)
{
    static const char name[] = "<stdin>";
    char *data = NULL;
    size_t len = 0;
    if (lint_read_all(stdin, "standard input", "check", &data, &len) != 0)
        return 1;
    const wb_ledger_kind *kind = NULL;
    int rc = wb_ledger_detect_buffer(&kind, data, len, NULL);
    size_t at = strspn(data, " \t\r\n\xEF\xBB\xBF");
    int xml = at < len && data[at] == '<';
    const char *eol = memchr(data, '\n', len);
    size_t first = eol != NULL ? (size_t)(eol - data) : len;
    int unreadable;
    if (!xml && memchr(data, ',', first) == NULL) {
        unreadable = scan_text(o, data, len, name, 1) != 0;    /* plain text */
    } else if (rc == WB_OK && (kind != NULL || o->kind != NULL || !xml)) {
        wb_error err;
        wb_error_clear(&err);
        unreadable = start_evaluation(o) != 0;
        if (!unreadable) {
            rc = wb_evaluation_add_buffer(o->ev, data, len, name, o->kind, &err);
            print_problems(o);
            if (rc == WB_EIO || rc == WB_ENOMEM || rc == WB_EINVAL || rc == WB_ERROR) {
                lint_fail("check: %s", err.message);
                unreadable = 1;
            }
        }
    } else {
        unreadable = check_one(name, o, data, len);
    }
    free(data);
    return unreadable;
}

static int check_ledger(const char *path, check_opts *o);

/* A CSV that is no ledger: a dossier's score sheet (考核标准, 得分, ...),
   checked on its own and scanned whole (its notes and evidence are free
   text), or else reported as a ledger of no known kind. */
static int check_sheet(const char *path, check_opts *o, int gb18030)
{
    wb_diagnostics *diags = NULL;
    wb_error err;
    wb_error_clear(&err);
    int rc = wb_dossier_check_sheet_file(&diags, path, &err);
    if (rc == WB_ENOTFOUND)
        return check_ledger(path, o);
    if (rc != WB_OK) {
        lint_fail("check: %s", err.message);
        return 1;
    }
    for (size_t i = 0; i < wb_diagnostics_count(diags); i++)
        lint_sink_emit_diagnostic(&o->sink, wb_diagnostics_at(diags, i));
    wb_diagnostics_free(diags);
    return scan_file(o, path, gb18030);
}

/* ------------------------------------------------------------ ledgers */

static wb_severity result_severity(const wb_result *r)
{
    switch (wb_result_outcome(r)) {
    case WB_OUTCOME_VIOLATION:         return wb_result_severity(r);
    case WB_OUTCOME_INSUFFICIENT_DATA: return WB_SEVERITY_WARNING;
    default:                           return WB_SEVERITY_NOTE;
    }
}

/* "key":"2026-03-30" or "key":null, appended to buf. */
static void json_date(char *buf, size_t size, const char *name, int rc, wb_date d)
{
    size_t n = strlen(buf);
    char iso[WB_DATE_STRLEN];
    if (rc == WB_OK) {
        wb_date_format(iso, d);
        snprintf(buf + n, size - n, ",\"%s\":\"%s\"", name, iso);
    } else {
        snprintf(buf + n, size - n, ",\"%s\":null", name);
    }
}

/* Print the bad rows found since the last call, so that they appear in
   row order among the results. */
static void print_problems(check_opts *o)
{
    const wb_diagnostics *problems = wb_evaluation_problems(o->ev);
    for (; o->problems_shown < wb_diagnostics_count(problems); o->problems_shown++)
        lint_sink_emit_diagnostic(&o->sink, wb_diagnostics_at(problems, o->problems_shown));
}

/* A JSON string's contents (no quotes) into buf: keys and unit names are
   the only free text that goes into the extra fields. */
static void json_text(char *buf, size_t size, const char *s)
{
    size_t n = strlen(buf);
    for (; s != NULL && *s != '\0' && n + 8 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            n += (size_t)snprintf(buf + n, size - n, "\\%c", c);
        else if (c < 0x20)
            n += (size_t)snprintf(buf + n, size - n, "\\u%04x", c);
        else
            buf[n++] = (char)c;
    }
    buf[n] = '\0';
}

/* Print one result as it is found. */
static int print_result(const wb_result *r, void *payload)
{
    check_opts *o = payload;
    print_problems(o);
    if (o->progress != NULL && ++o->calls % 65536 == 0)
        fprintf(stderr, "\r%s: %zu rows...", o->progress, wb_evaluation_record_count(o->ev));
    wb_outcome outcome = wb_result_outcome(r);
    if (!(o->show & (1u << outcome)) || !lint_sink_selected(&o->sink, wb_result_rule(r)))
        return 0;
    char *msg = NULL, *why = NULL;
    if (wb_result_message(&msg, r, o->sink.lang, NULL) != WB_OK ||
        (o->explain && wb_result_explain(&why, r, o->sink.lang, NULL) != WB_OK)) {
        wb_free(msg);
        return WB_ENOMEM;
    }
    /* What JSON and SARIF carry beside the message. */
    char extra[1024];
    wb_date d;
    snprintf(extra, sizeof(extra), "\"standard\":\"%s\",\"outcome\":\"%s\",\"key\":\"",
             wb_result_standard(r), wb_outcome_name(outcome));
    json_text(extra, sizeof(extra), wb_result_key(r));
    snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra), "\",\"unit\":\"");
    json_text(extra, sizeof(extra), wb_result_unit(r));
    snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra), "\",\"township\":\"");
    json_text(extra, sizeof(extra), wb_result_township(r));
    snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra), "\"");
    json_date(extra, sizeof(extra), "due", wb_result_due(r, &d), d);
    json_date(extra, sizeof(extra), "done", wb_result_done(r, &d), d);
    snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra),
             ",\"days_late\":%d,\"days_left\":%d,\"provisional\":%s,\"missing\":%s%s%s",
             (int)wb_result_days_late(r), (int)wb_result_days_left(r),
             wb_result_provisional(r) ? "true" : "false", wb_result_missing(r) ? "\"" : "null",
             wb_result_missing(r) ? wb_result_missing(r) : "", wb_result_missing(r) ? "\"" : "");
    lint_finding f = { wb_result_source(r) != NULL ? wb_result_source(r) : "<record>",
                       wb_result_line(r), wb_result_line(r) > 0 ? 1 : 0, result_severity(r),
                       wb_result_rule(r), msg, extra, why };
    lint_sink_emit(&o->sink, &f);
    wb_free(msg);
    wb_free(why);
    return 0;
}

/* The rules, calendar and evaluation, opened at the first ledger. */
static int start_evaluation(check_opts *o)
{
    if (o->ev != NULL)
        return 0;
    if (o->cal == NULL && lint_open_calendar(&o->cal, &o->calendar) != 0)
        return -1;
    wb_error err;
    if (wb_evaluation_new(&o->ev, o->rules, o->cal, o->as_of, &err) != WB_OK ||
        (o->has_since && wb_evaluation_set_period(o->ev, o->since, &err) != WB_OK) ||
        wb_evaluation_set_privacy(o->ev, o->privacy, &err) != WB_OK)
        return lint_fail("check: %s", err.message), -1;
    wb_evaluation_on_result(o->ev, print_result, o);
    return 0;
}

/* Check one ledger; returns 1 when it could not be read, else 0. */
static int check_ledger(const char *path, check_opts *o)
{
    if (start_evaluation(o) != 0)
        return 1;
    wb_error err;
    wb_error_clear(&err);
    /* A few megabytes take a while: say how far it is, on a terminal only. */
    struct stat st;
    o->progress = isatty(STDERR_FILENO) && stat(path, &st) == 0 && st.st_size >= (4 << 20)
                      ? path : NULL;
    o->calls = 0;
    int rc = wb_evaluation_add_file(o->ev, path, o->kind, &err);
    if (o->progress != NULL)
        fputs("\r\033[K", stderr);
    o->progress = NULL;
    print_problems(o);
    if (rc == WB_EIO || rc == WB_ENOMEM || rc == WB_EINVAL || rc == WB_ERROR) {
        lint_fail("check: %s", err.message);
        return 1;
    }
    return 0;
}

static void print_summary(const check_opts *o)
{
    static const wb_grouping groups[] = { WB_GROUP_RULE, WB_GROUP_STANDARD, WB_GROUP_UNIT,
                                          WB_GROUP_TOWNSHIP };
    static const char *const names[] = { "rules", "standards", "units", "townships" };
    static const char *const titles[][2] = { { "规则", "rule" }, { "考核标准", "standard" },
                                             { "单位", "unit" }, { "乡镇(街道)", "township" } };
    int en = o->sink.lang == WB_LANG_EN;
    if (o->sink.format == LINT_FORMAT_JSON) {
        printf("\"records\":%zu", wb_evaluation_record_count(o->ev));
        for (size_t g = 0; g < 4; g++) {
            printf(",\"%s\":[", names[g]);
            for (size_t i = 0; i < wb_evaluation_group_count(o->ev, groups[g]); i++) {
                fputs(i ? ",{\"name\":" : "{\"name\":", stdout);
                lint_json_string(stdout, wb_evaluation_group_name(o->ev, groups[g], i));
                for (int k = 0; k < WB_OUTCOME_COUNT; k++)
                    printf(",\"%s\":%zu", wb_outcome_name((wb_outcome)k),
                           wb_evaluation_group_outcome(o->ev, groups[g], i, (wb_outcome)k));
                fputc('}', stdout);
            }
            fputc(']', stdout);
        }
        return;
    }
    char as_of[WB_DATE_STRLEN];
    wb_date_format(as_of, o->as_of);
    printf(en ? "\nsummary as of %s: %zu records checked\n" : "\n汇总(核查基准日 %s):共核查 %zu 条记录\n",
           as_of, wb_evaluation_record_count(o->ev));
    for (size_t g = 0; g < 4; g++) {
        lint_print_padded(stdout, titles[g][en], 30);
        for (int k = 0; k < WB_OUTCOME_COUNT; k++) {
            fputc(' ', stdout);
            lint_print_padded(stdout, wb_outcome_title((wb_outcome)k, o->sink.lang), 10);
        }
        fputc('\n', stdout);
        for (size_t i = 0; i < wb_evaluation_group_count(o->ev, groups[g]); i++) {
            const char *name = wb_evaluation_group_name(o->ev, groups[g], i);
            fputs("  ", stdout);
            lint_print_padded(stdout, name[0] != '\0' ? name : "-", 28);
            for (int k = 0; k < WB_OUTCOME_COUNT; k++)
                printf(" %-10zu", wb_evaluation_group_outcome(o->ev, groups[g], i, (wb_outcome)k));
            fputc('\n', stdout);
        }
    }
}

static int parse_show(const char *value, unsigned *show)
{
    *show = 0;
    const char *p = value;
    while (*p != '\0') {
        size_t n = strcspn(p, ",");
        int found = 0;
        if (n == 3 && strncmp(p, "all", 3) == 0) {
            *show = (1u << WB_OUTCOME_COUNT) - 1;
            found = 1;
        }
        for (int k = 0; k < WB_OUTCOME_COUNT && !found; k++) {
            const char *name = wb_outcome_name((wb_outcome)k);
            if (strlen(name) == n && strncmp(p, name, n) == 0) {
                *show |= 1u << k;
                found = 1;
            }
        }
        if (!found)
            return -1;
        p += n;
        if (*p == ',')
            p++;
    }
    return *show != 0 ? 0 : -1;
}

/* ---------------------------------------------------------- the files */

/* Why an entry of a folder is not checked (a file-skipped note). */
typedef enum skip_reason { SKIP_NONE, SKIP_SPECIAL, SKIP_SEEN_FOLDER, SKIP_SEEN_FILE, SKIP_DEEP } skip_reason;

typedef struct file_entry {
    char *path;
    skip_reason skip;
} file_entry;

/* The files and folders met, by device and inode, so that no folder is
   walked twice (links looping back) and no file is checked twice. */
typedef struct node_set {
    struct { dev_t dev; ino_t ino; int used; } *slots;
    size_t count, cap;
} node_set;

/* 1 when (dev, ino) was already in the set, 0 when added, -1 out of memory. */
static int node_set_add(node_set *s, dev_t dev, ino_t ino)
{
    if (2 * (s->count + 1) > s->cap) {
        node_set grown = { NULL, 0, s->cap ? s->cap * 2 : 256 };
        if ((grown.slots = calloc(grown.cap, sizeof(*grown.slots))) == NULL)
            return -1;
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i].used)
                (void)node_set_add(&grown, s->slots[i].dev, s->slots[i].ino);
        free(s->slots);
        *s = grown;
    }
    size_t h = ((size_t)ino * 0x9E3779B97F4A7C15u ^ (size_t)dev) & (s->cap - 1);
    for (; s->slots[h].used; h = (h + 1) & (s->cap - 1))
        if (s->slots[h].dev == dev && s->slots[h].ino == ino)
            return 1;
    s->slots[h].dev = dev;
    s->slots[h].ino = ino;
    s->slots[h].used = 1;
    s->count++;
    return 0;
}

typedef struct file_list {
    file_entry *entries;
    size_t count, cap;
    node_set seen;
} file_list;

static int add_entry(file_list *l, const char *path, skip_reason skip)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        file_entry *grown = realloc(l->entries, cap * sizeof(*grown));
        if (grown == NULL)
            return -1;
        l->entries = grown;
        l->cap = cap;
    }
    size_t n = strlen(path) + 1;
    file_entry *e = &l->entries[l->count];
    if ((e->path = malloc(n)) == NULL)
        return -1;
    memcpy(e->path, path, n);
    e->skip = skip;
    l->count++;
    return 0;
}

static void free_list(file_list *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->entries[i].path);
    free(l->entries);
    free(l->seen.slots);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The deepest folder walked: far beyond any county's files, and a bound
   on the stack whatever the links. */
#define MAX_DEPTH 64

/*
 * A path, or every file below a folder, in name order; hidden entries
 * (.git, the configuration file) are left out. Links are followed, but no
 * folder is walked twice and no file listed twice (by device and inode),
 * so a link looping back ends the walk there; FIFOs, devices and sockets
 * inside a folder are listed as skipped, never opened. A path named on
 * the command line is listed as it is: reading it says what it is.
 */
static int expand(file_list *l, const char *path, int depth)
{
    struct stat st;
    if (strcmp(path, "-") == 0 || stat(path, &st) != 0)
        return add_entry(l, path, SKIP_NONE);   /* reported when it cannot be read */
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode))
        return add_entry(l, path, depth > 0 ? SKIP_SPECIAL : SKIP_NONE);
    int seen = node_set_add(&l->seen, st.st_dev, st.st_ino);
    if (seen < 0)
        return -1;
    if (seen)
        return add_entry(l, path, S_ISDIR(st.st_mode) ? SKIP_SEEN_FOLDER : SKIP_SEEN_FILE);
    if (!S_ISDIR(st.st_mode))
        return add_entry(l, path, SKIP_NONE);
    if (depth >= MAX_DEPTH)
        return add_entry(l, path, SKIP_DEEP);
    DIR *dir = opendir(path);
    if (dir == NULL)
        return add_entry(l, path, SKIP_NONE);   /* reported when it cannot be read */
    struct { char **paths; size_t count, cap; } names = { 0 };
    struct dirent *e;
    int rc = 0;
    while (rc == 0 && (e = readdir(dir)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (names.count == names.cap) {
            size_t cap = names.cap ? names.cap * 2 : 64;
            char **grown = realloc(names.paths, cap * sizeof(*grown));
            if (grown == NULL) {
                rc = -1;
                break;
            }
            names.paths = grown;
            names.cap = cap;
        }
        if ((names.paths[names.count] = strdup(e->d_name)) == NULL)
            rc = -1;
        else
            names.count++;
    }
    closedir(dir);
    if (names.count > 1)                /* an empty folder has no array to sort */
        qsort(names.paths, names.count, sizeof(char *), compare_names);
    size_t plen = strlen(path);
    for (size_t i = 0; i < names.count; i++) {
        size_t n = plen + strlen(names.paths[i]) + 2;
        char *child = malloc(n);
        if (child == NULL) {
            rc = -1;
        } else {
            snprintf(child, n, "%s%s%s", path, path[plen - 1] == '/' ? "" : "/", names.paths[i]);
            if (rc == 0)
                rc = expand(l, child, depth + 1);
            free(child);
        }
        free(names.paths[i]);
    }
    free(names.paths);
    return rc;
}

/*
 * A folder's configuration, `.weibao-lint` beside its files:
 *     select = ledger-, hire-query
 *     ignore = dossier-no-evidence
 * Lines starting with # are comments. Options on the command line win.
 */
static int read_config(const char *folder, char **select, char **ignore)
{
    char path[4096];
    snprintf(path, sizeof(path), "%s/.weibao-lint", folder);
    struct stat st;
    if (lstat(path, &st) != 0 && errno == ENOENT)
        return 0;
    FILE *f;
    wb_error err;
    if (wb_file_open(&f, path, (size_t)1 << 20, &err) != WB_OK)
        return lint_fail("check: %s", err.message), -1;
    char line[1024];
    int lineno = 0, rc = 0;
    while (fgets(line, sizeof(line), f) != NULL) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        char *p = line + strspn(line, " \t");
        if (*p == '#' || *p == '\0')
            continue;
        char *eq = strchr(p, '=');
        char **target = NULL;
        if (eq != NULL) {
            size_t n = (size_t)(eq - p);
            while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
                n--;
            if (n == 6 && strncmp(p, "select", 6) == 0)
                target = select;
            else if (n == 6 && strncmp(p, "ignore", 6) == 0)
                target = ignore;
        }
        if (target == NULL) {
            rc = lint_fail("%s:%d: expected 'select = RULES' or 'ignore = RULES'", path, lineno);
            break;
        }
        const char *value = eq + 1 + strspn(eq + 1, " \t");
        free(*target);
        size_t n = strlen(value) + 1;
        if ((*target = malloc(n)) != NULL)
            memcpy(*target, value, n);
    }
    fclose(f);
    return rc;
}

/* What a file is, from its first bytes and its name. */
typedef enum file_kind { FILE_XML, FILE_CSV, FILE_TEXT, FILE_BINARY, FILE_OTHER,
                         FILE_UNREADABLE } file_kind;

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

/*
 * What a file is. A file that claims to be a ledger or a document is
 * read as one, and what cannot be read in it is an error where it is:
 * its name ends in .csv or .xml, or its start is a ledger's root element.
 * Any other file with a NUL byte in its first 8 KiB is binary (a
 * workbook, a picture in the folder): a warning, and not read.
 */
static file_kind classify(const char *path, int *utf8, wb_error *err)
{
    *utf8 = 1;
    FILE *f;
    if (wb_file_open(&f, path, 0, err) != WB_OK)
        return FILE_UNREADABLE;
    unsigned char head[8192];
    size_t n = fread(head, 1, sizeof(head), f);
    fclose(f);
    const unsigned char *nul = memchr(head, 0, n);
    int claimed = ends_with(path, ".csv") || ends_with(path, ".xml");
    if (nul != NULL && !claimed &&
        !(n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF)))) {
        /* The bytes before the NUL, when they open a ledger's root. */
        const wb_ledger_kind *kind = NULL;
        size_t start = (size_t)(nul - head);
        size_t at = strspn((const char *)head, " \t\r\n\xEF\xBB\xBF");  /* stops at the NUL */
        if (at >= start || head[at] != '<' ||
            wb_ledger_detect_buffer(&kind, (const char *)head, start, NULL) != WB_OK ||
            kind == NULL)
            return FILE_BINARY;
    }
    /* UTF-8, allowing a character cut at the end of the sample. */
    for (size_t i = 0; i < n && *utf8;) {
        unsigned c = head[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
                   : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || (c >= 0xC0 && c < 0xC2) || c > 0xF4)
            *utf8 = 0;
        for (size_t k = 1; *utf8 && k < len && i + k < n; k++)
            if ((head[i + k] & 0xC0) != 0x80)
                *utf8 = 0;
        i += len ? len : 1;
    }
    size_t i = n >= 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF ? 3 : 0;
    while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
        i++;
    if (ends_with(path, ".csv"))
        return FILE_CSV;
    if (ends_with(path, ".xml") ||
        (i < n && head[i] == '<' && !ends_with(path, ".html") && !ends_with(path, ".htm")))
        return FILE_XML;
    if (ends_with(path, ".txt") || ends_with(path, ".md") || ends_with(path, ".markdown") ||
        ends_with(path, ".html") || ends_with(path, ".htm"))
        return FILE_TEXT;
    return FILE_OTHER;
}

/* A finding the tool itself makes about a file. */
static void file_finding(check_opts *o, const char *path, const char *rule, const char *en,
                         const char *zh)
{
    lint_finding f = { path, 0, 0, wb_check_severity(rule), rule,
                       o->sink.lang == WB_LANG_EN ? en : zh, NULL, NULL };
    lint_sink_emit(&o->sink, &f);
}

/* An entry of a folder that is not checked, and why. */
static void skipped_finding(check_opts *o, const file_entry *e)
{
    static const char *const why[][2] = {
        [SKIP_SPECIAL] = { "a FIFO, device or socket, not a regular file: skipped, never opened",
                           "命名管道、设备或套接字,不是普通文件:已跳过,未打开" },
        [SKIP_SEEN_FOLDER] = { "a link to a folder already walked: skipped",
                               "指向已检查文件夹的链接:已跳过" },
        [SKIP_SEEN_FILE] = { "the same file as one already checked (a link or another name): skipped",
                             "与已检查的文件是同一文件(链接或另一名称):已跳过" },
        [SKIP_DEEP] = { "more than 64 folders deep: not walked",
                        "文件夹层级超过 64 层:未检查" },
    };
    file_finding(o, e->path, "file-skipped", why[e->skip][0], why[e->skip][1]);
}

/* Check one path of the expanded list; 1 when it could not be read. */
static int check_path(check_opts *o, const char *path)
{
    if (strcmp(path, "-") == 0)
        return check_stdin(o);
    int utf8;
    wb_error err;
    switch (classify(path, &utf8, &err)) {
    case FILE_UNREADABLE:
        lint_fail("check: %s", err.message);
        return 1;
    case FILE_BINARY:
        file_finding(o, path, "file-binary",
                     "not a text file (binary content): not checked; save ledgers as CSV or XML",
                     "不是文本文件(二进制内容),未检查;台账请另存为 CSV 或 XML");
        return 0;
    case FILE_XML: {
        const wb_ledger_kind *kind = NULL;
        return wb_ledger_detect_file(&kind, path, NULL) == WB_OK ? check_ledger(path, o)
                                                                 : check_one(path, o, NULL, 0);
    }
    case FILE_CSV: {
        const wb_ledger_kind *kind = NULL;
        return wb_ledger_detect_file(&kind, path, NULL) == WB_OK && kind != NULL
                   ? check_ledger(path, o) : check_sheet(path, o, !utf8);
    }
    case FILE_TEXT:
        /* Text, Markdown and HTML are scanned for personal data. Text in
           another encoding is still scanned for numbers (its ASCII digits
           are digits), but names need UTF-8. */
        if (!utf8)
            file_finding(o, path, "file-encoding",
                         "not UTF-8: read as GB18030 if it is that, else only numbers were "
                         "looked for; save the file as UTF-8",
                         "不是 UTF-8 编码:如为 GB18030 则按其读取,否则仅查找号码;请另存为 UTF-8");
        return scan_file(o, path, !utf8);
    case FILE_OTHER:
        file_finding(o, path, "file-kind",
                     "not a kind of file weibao-lint reads (XML, CSV, text, Markdown, HTML): not checked",
                     "不是 weibao-lint 可读的文件(XML、CSV、文本、Markdown、HTML),未检查");
        return 0;
    }
    return 0;
}

static int parse_check_format(const char *value, lint_format *out)
{
    if (strcmp(value, "sarif") == 0) {
        *out = LINT_FORMAT_SARIF;
        return 0;
    }
    return lint_parse_format(value, out);
}

int lint_cmd_check(int argc, char **argv)
{
    check_opts o;
    memset(&o, 0, sizeof(o));
    o.sink.format = LINT_FORMAT_TEXT;
    o.sink.lang = WB_LANG_ZH;
    o.sink.fail_on = WB_SEVERITY_ERROR;
    o.as_of = lint_today();
    o.dossier = (wb_dossier_options)WB_DOSSIER_OPTIONS_INIT;
    o.show = (1u << WB_OUTCOME_VIOLATION) | (1u << WB_OUTCOME_INSUFFICIENT_DATA);
    const char *value;
    const char **args = calloc((size_t)argc, sizeof(*args));
    size_t nargs = 0;
    if (args == NULL)
        return lint_fail("out of memory");

    int status = -1;
    for (int i = 1; i < argc && status < 0; i++) {
        const char *arg = argv[i];
        int got;
        if (strcmp(arg, "--") == 0) {
            while (++i < argc)
                args[nargs++] = argv[i];
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            fputs(usage, stdout);
            status = lint_finish(LINT_EXIT_CLEAN);
        } else if ((got = lint_option_value(argc, argv, &i, "--format", &value)) != 0) {
            if (got < 0 || parse_check_format(value, &o.sink.format) != 0)
                status = lint_fail("check: --format takes text, json or sarif");
        } else if ((got = lint_option_value(argc, argv, &i, "--lang", &value)) != 0) {
            if (got < 0 || lint_parse_lang(value, &o.sink.lang) != 0)
                status = lint_fail("check: --lang takes zh or en");
        } else if ((got = lint_option_value(argc, argv, &i, "--fail-on", &value)) != 0) {
            if (got < 0 || parse_severity(value, &o.sink.fail_on) != 0)
                status = lint_fail("check: --fail-on takes error, warning or note");
        } else if ((got = lint_option_value(argc, argv, &i, "--select", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --select takes rule ids, comma-separated");
            o.sink.select = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--ignore", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --ignore takes rule ids, comma-separated");
            o.sink.ignore = value;
        } else if (strcmp(arg, "--quiet") == 0 || strcmp(arg, "-q") == 0) {
            o.sink.quiet = 1;
        } else if (strcmp(arg, "--statistics") == 0) {
            o.sink.statistics = 1;
        } else if ((got = lint_option_value(argc, argv, &i, "--as-of", &value)) != 0) {
            wb_error err;
            if (got < 0 || wb_date_parse(&o.as_of, value, &err) != WB_OK)
                status = lint_fail("check: --as-of takes a date (2026-11-29)%s%s",
                                   got < 0 ? "" : ": ", got < 0 ? "" : err.message);
        } else if ((got = lint_option_value(argc, argv, &i, "--since", &value)) != 0) {
            wb_error err;
            if (got < 0 || wb_date_parse(&o.since, value, &err) != WB_OK)
                status = lint_fail("check: --since takes a date (2025-01-01)%s%s",
                                   got < 0 ? "" : ": ", got < 0 ? "" : err.message);
            o.has_since = 1;
        } else if ((got = lint_option_value(argc, argv, &i, "--rules", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --rules takes a rule pack file");
            o.pack = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--rule-table", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --rule-table takes a file");
            o.table = value;
        } else if (strcmp(arg, "--read-outside-dossier") == 0) {
            o.dossier.path_flags |= WB_PATH_ALLOW_OUTSIDE;
        } else if ((got = lint_option_value(argc, argv, &i, "--rubric", &value)) != 0) {
            if (got < 0)
                status = lint_fail("check: --rubric takes a rubric file");
            o.rubric_path = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--kind", &value)) != 0) {
            if (got < 0 || wb_ledger_kind_find(value) == NULL)
                status = lint_fail("check: --kind takes a ledger kind (background-checks, ...)");
            o.kind = value;
        } else if ((got = lint_option_value(argc, argv, &i, "--show", &value)) != 0) {
            if (got < 0 || parse_show(value, &o.show) != 0)
                status = lint_fail("check: --show takes outcomes: violation, pending, "
                                   "insufficient-data, complies, not-applicable, or all");
        } else if (strcmp(arg, "--explain") == 0) {
            o.explain = 1;
        } else if (strcmp(arg, "--summary") == 0) {
            o.summary = 1;
        } else if ((got = lint_calendar_option(argc, argv, &i, &o.calendar, "check")) != 0) {
            if (got < 0)
                status = LINT_EXIT_USAGE;
        } else if (arg[0] == '-' && arg[1] != '\0') {
            status = lint_fail("check: unknown option '%s' (see weibao-lint check --help)", arg);
        } else {
            args[nargs++] = arg;
        }
    }
    if (status < 0 && nargs == 0)
        status = lint_fail("check: no file given (see weibao-lint check --help)");

    /* Folders expand to their files; a folder's .weibao-lint sets --select
       and --ignore unless the command line did. */
    file_list files = { 0 };
    char *config_select = NULL, *config_ignore = NULL;
    for (size_t i = 0; status < 0 && i < nargs; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode) && read_config(args[i], &config_select,
                                                                           &config_ignore) != 0)
            status = LINT_EXIT_USAGE;
        if (status < 0 && expand(&files, args[i], 0) != 0)
            status = lint_fail("out of memory");
    }
    if (o.sink.select == NULL)
        o.sink.select = config_select;
    if (o.sink.ignore == NULL)
        o.sink.ignore = config_ignore;
    if (status < 0 && lint_open_rules(&o.rules, o.table, o.pack) != 0)
        status = LINT_EXIT_USAGE;
    if (status < 0 && lint_open_privacy(&o.privacy, o.rules, o.as_of) != 0)
        status = LINT_EXIT_USAGE;
    o.sink.privacy = o.privacy;
    if (status >= 0)
        goto out;

    int unreadable = 0;
    o.sink.json_object = o.sink.format == LINT_FORMAT_JSON && o.summary && !o.sink.statistics;
    lint_sink_begin(&o.sink, o.rules);
    /* The county's directory (townships, units) goes in first, so that
       rows naming a township or unit it lacks are found in every file. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < files.count; i++) {
            const wb_ledger_kind *kind = NULL;
            const file_entry *e = &files.entries[i];
            if (e->skip != SKIP_NONE) {
                if (pass == 1)
                    skipped_finding(&o, e);
                continue;
            }
            if (strcmp(e->path, "-") != 0)
                wb_ledger_detect_file(&kind, e->path, NULL);
            const char *name = kind != NULL ? wb_ledger_kind_name(kind) : "";
            int directory = strcmp(name, "townships") == 0 || strcmp(name, "units") == 0;
            if (directory != (pass == 0))
                continue;
            unreadable |= check_path(&o, e->path);
        }
    if (o.ev != NULL) {
        /* The rules over whole ledgers, now that every file is in. */
        wb_error err;
        wb_error_clear(&err);
        int rc = wb_evaluation_finish(o.ev, &err);
        print_problems(&o);
        if (rc != WB_OK && rc != WB_ECOVERAGE) {
            lint_fail("check: %s", err.message);
            unreadable = 1;
        }
    }
    lint_sink_end(&o.sink);
    if (o.sink.json_object && o.ev != NULL)
        fputc(',', stdout);
    if (o.summary && o.ev != NULL && !o.sink.statistics && o.sink.format != LINT_FORMAT_SARIF)
        print_summary(&o);
    if (o.sink.json_object)
        fputs("}\n", stdout);
    else if (o.sink.format == LINT_FORMAT_JSON && !o.sink.statistics)
        fputs("\n", stdout);
    status = unreadable ? LINT_EXIT_USAGE : o.sink.failed ? LINT_EXIT_FINDINGS : LINT_EXIT_CLEAN;
    status = lint_finish(status);
out:
    free_list(&files);
    free(config_select);
    free(config_ignore);
    free(args);
    wb_evaluation_free(o.ev);
    wb_calendar_free(o.cal);
    wb_privacy_scanner_free(o.privacy);
    wb_rubric_free(o.rubric);
    wb_ruleset_free(o.rules);
    return status;
}
