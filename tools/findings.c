/*
 * findings.c - how `weibao-lint check` prints what it finds: as gcc does
 * (text), as one JSON array, or as SARIF 2.1.0 for code-scanning tools;
 * with --select/--ignore, --quiet and --statistics applied the same way
 * to every finding, whether a document problem or a rule's result.
 *
 * SARIF: one run; tool.driver lists every rule the tool can report (the
 * library's findings, the rule table's rules) with short and full
 * descriptions and help; each result has its rule id, level, message, one
 * location (the path as given, start and end line and column) and a
 * partial fingerprint that stays the same while the finding does. Columns
 * count Unicode code points, and the run says so (columnKind).
 */
#include "lint.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Does a comma-separated list name this id? An entry ending in '-' or '*'
   names every id it begins (ledger-, privacy*). */
static int listed(const char *list, const char *id)
{
    for (const char *p = list; p != NULL && *p != '\0';) {
        size_t n = strcspn(p, ",");
        while (n > 0 && p[n - 1] == ' ')
            n--;
        while (n > 0 && *p == ' ') {
            p++;
            n--;
        }
        if (n > 0) {
            int prefix = p[n - 1] == '*' || p[n - 1] == '-';
            size_t m = p[n - 1] == '*' ? n - 1 : n;
            if (prefix ? strncmp(id, p, m) == 0 : (strlen(id) == n && strncmp(id, p, n) == 0))
                return 1;
        }
        p += strcspn(p, ",");
        if (*p == ',')
            p++;
    }
    return 0;
}

int lint_sink_selected(const lint_sink *s, const char *rule)
{
    if (s->select != NULL && !listed(s->select, rule))
        return 0;
    return s->ignore == NULL || !listed(s->ignore, rule);
}

static void tally(lint_sink *s, const char *rule, wb_severity severity)
{
    for (size_t i = 0; i < s->stat_count; i++)
        if (strcmp(s->stats[i].rule, rule) == 0) {
            s->stats[i].count++;
            return;
        }
    if (s->stat_count == LINT_MAX_STATS)
        return;
    lint_stat *st = &s->stats[s->stat_count++];
    snprintf(st->rule, sizeof(st->rule), "%s", rule);
    st->severity = severity;
    st->count = 1;
}

static const char *sarif_level(wb_severity severity)
{
    return severity == WB_SEVERITY_ERROR ? "error" : severity == WB_SEVERITY_WARNING ? "warning"
                                                                                    : "note";
}

static void sarif_rule(FILE *out, const char *id, const char *short_text, const char *full_text,
                       const char *help, wb_severity severity, int first)
{
    fputs(first ? "\n        {\"id\": " : ",\n        {\"id\": ", out);
    lint_json_string(out, id);
    fputs(", \"shortDescription\": {\"text\": ", out);
    lint_json_string(out, short_text);
    fputs("}, \"fullDescription\": {\"text\": ", out);
    lint_json_string(out, full_text);
    fputs("}, \"help\": {\"text\": ", out);
    lint_json_string(out, help);
    fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}}", sarif_level(severity));
}

void lint_sink_begin(lint_sink *s, const wb_ruleset *rules)
{
    if (s->privacy != NULL)
        s->numbers = lint_numbers_scanner();
    if (s->statistics)
        return;
    if (s->format == LINT_FORMAT_JSON) {
        fputs(s->json_object ? "{\"findings\":[" : "[", stdout);
        return;
    }
    if (s->format != LINT_FORMAT_SARIF)
        return;
    fprintf(stdout, "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
                    "  \"version\": \"2.1.0\",\n  \"runs\": [{\n    \"tool\": {\"driver\": {\n"
                    "      \"name\": \"weibao-lint\", \"version\": \"%s\",\n"
                    "      \"rules\": [", wb_version_string());
    int first = 1;
    for (size_t i = 0; i < wb_check_count(); i++) {
        const char *id = wb_check_id_at(i);
        const char *en = wb_check_summary(id, WB_LANG_EN), *zh = wb_check_summary(id, WB_LANG_ZH);
        char help[512];
        snprintf(help, sizeof(help), "%s See docs/checks.md#%s.", en, id);
        sarif_rule(stdout, id, en, zh, help, wb_check_severity(id), first);
        first = 0;
    }
    for (size_t i = 0; i < wb_ruleset_rule_count(rules); i++) {
        const wb_rule *r = wb_ruleset_rule_at(rules, i);
        char help[1024];
        snprintf(help, sizeof(help), "%s (rubric %s: %s) See docs/rules.md#%s.",
                 wb_rule_reading(r, WB_LANG_EN), wb_rule_standard_at(r, 0), wb_rule_basis(r),
                 wb_rule_id(r));
        sarif_rule(stdout, wb_rule_id(r), wb_rule_title(r, WB_LANG_EN), wb_rule_title(r, WB_LANG_ZH),
                   help, wb_rule_severity(r), first);
        first = 0;
    }
    fputs("\n      ]\n    }},\n    \"columnKind\": \"unicodeCodePoints\",\n    \"results\": [", stdout);
}

/*
 * A path as a SARIF artifact URI (RFC 3986): every byte but the
 * unreserved characters and '/' percent-encoded, so that 入职查询台账.csv
 * or a name with a space is a valid URI; an absolute path as a file: URI.
 */
static void sarif_uri(FILE *out, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    fputc('"', out);
    if (path[0] == '/')
        fputs("file://", out);
    for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
        if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
            *p == '-' || *p == '.' || *p == '_' || *p == '~' || *p == '/')
            fputc(*p, out);
        else
            fprintf(out, "%%%c%c", hex[*p >> 4], hex[*p & 15]);
    }
    fputc('"', out);
}

/* A fingerprint that stays while the finding does: its rule, file and
   message (FNV-1a, 64 bits, hex). */
static void fingerprint(char out[17], const char *rule, const char *file, const char *message)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    const char *parts[3] = { rule, file, message };
    for (int i = 0; i < 3; i++) {
        for (const char *p = parts[i]; p != NULL && *p != '\0'; p++) {
            h ^= (unsigned char)*p;
            h *= 0x100000001b3ULL;
        }
        h ^= 0xff;
        h *= 0x100000001b3ULL;
    }
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/*
 * What the sink prints of a finding, masked: the library's messages
 * already mask what they quote; this is the last guard before anything
 * reaches the output, for the ids, unit names, file names and
 * explanations that carry a county's text. The tool's own words are never
 * masked: identity, phone and card numbers are masked everywhere (no word
 * of the tool is one), but names and the pack's patterns (which may
 * match a letter) only inside what a message quotes ('…', “…”, ‘…’,
 * "…"), in the key, unit and township a rule result names, and in file
 * names, which are input whole. When masking cannot be
 * done (out of memory), the text is withheld.
 */

/* A growing string. */
typedef struct sink_buf {
    char *data;
    size_t len, cap;
} sink_buf;

static int sink_buf_put(sink_buf *b, const char *p, size_t n)
{
    if (n == 0)
        return 0;
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n)
            cap *= 2;
        char *bigger = realloc(b->data, cap);
        if (bigger == NULL)
            return -1;
        b->data = bigger;
        b->cap = cap;
    }
    memcpy(b->data + b->len, p, n);
    b->len += n;
    return 0;
}

/* The quotation that opens at text[i], if one does: its content's start
   and end, and where the closing mark ends. An ASCII quote opens after
   a character that is not a letter or digit (so not the ' of county's)
   and closes before one that is not; in JSON, only a string after ':'
   (a value, never a key) counts. */
static int quotation(const char *text, size_t i, int json, size_t *from, size_t *to,
                     size_t *after)
{
    static const char *const marks[][2] = {
        { "\xE2\x80\x9C", "\xE2\x80\x9D" },   /* “ ” */
        { "\xE2\x80\x98", "\xE2\x80\x99" },   /* ‘ ’ */
        { "'", "'" },
        { "\"", "\"" },
    };
    for (size_t k = json ? 3 : 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
        const char *open = marks[k][0], *close = marks[k][1];
        size_t ol = strlen(open), cl = strlen(close);
        if (strncmp(text + i, open, ol) != 0)
            continue;
        int ascii = ol == 1;
        unsigned char before = i > 0 ? (unsigned char)text[i - 1] : ' ';
        if (json ? before != ':' : ascii && (before < 0x80 && isalnum(before)))
            return 0;
        for (size_t j = i + ol; text[j] != '\0'; j++) {
            if (json && text[j] == '\\' && text[j + 1] != '\0') {
                j++;
                continue;
            }
            if (strncmp(text + j, close, cl) != 0)
                continue;
            unsigned char next = (unsigned char)text[j + cl];
            if (!json && ascii && next < 0x80 && isalnum(next))
                continue;
            *from = i + ol;
            *to = j;
            *after = j + cl;
            return 1;
        }
        return 0;
    }
    return 0;
}

/* Append text[from, to) masked by the full scanner. In JSON, an escape
   (\n, \u0001, \") is kept whole: only the text between escapes is
   masked, so that the string stays valid. */
static int put_quoted(sink_buf *b, const lint_sink *s, const char *text, size_t from,
                      size_t to, int json)
{
    while (from < to) {
        size_t end = from;
        while (end < to && !(json && text[end] == '\\'))
            end++;
        if (end > from) {
            char *copy = NULL;
            size_t n = 0;
            if (wb_privacy_redact(&copy, &n, s->privacy, text + from, end - from, NULL) != WB_OK)
                return -1;
            int rc = sink_buf_put(b, copy, n);
            wb_free(copy);
            if (rc != 0)
                return -1;
        }
        if (end < to) {   /* an escape: \uXXXX or \ and one character */
            size_t n = text[end + 1] == 'u' ? 6 : 2;
            if (end + n > to)
                n = to - end;
            if (sink_buf_put(b, text + end, n) != 0)
                return -1;
            end += n;
        }
        from = end;
    }
    return 0;
}

/* The input a rule result's message names without quotes (its key, unit
   and township, which its JSON carries): the string value of field in
   extra_json, unescaped, in buf; "" when there is none. */
static void json_value(char *buf, size_t size, const char *extra_json, const char *field)
{
    char name[32];
    snprintf(name, sizeof(name), "\"%s\":\"", field);
    const char *p = extra_json != NULL ? strstr(extra_json, name) : NULL;
    size_t n = 0;
    if (p != NULL)
        for (p += strlen(name); *p != '\0' && *p != '"' && n + 1 < size; p++) {
            if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
                p++;
            else if (*p == '\\')
                break;   /* another escape: a control character, never named */
            buf[n++] = *p;
        }
    buf[n] = '\0';
}

/* text (the tool's words and what they quote) masked as above: a new
   string (free), or NULL when memory ran out. named: input the text
   holds without quotes (NULL-terminated; empty strings ignored). */
static char *mask_message(const lint_sink *s, const char *text, int json,
                          const char *const *named)
{
    sink_buf b = { NULL, 0, 0 };
    size_t i = 0, start = 0;
    int failed = 0;
    while (text[i] != '\0' && !failed) {
        size_t from, to, after;
        int found = quotation(text, i, json, &from, &to, &after);
        for (size_t k = 0; !found && named != NULL && named[k] != NULL; k++) {
            size_t n = strlen(named[k]);
            if (n > 0 && strncmp(text + i, named[k], n) == 0) {
                found = 1;
                from = i;
                to = after = i + n;
            }
        }
        if (!found) {
            i++;
            continue;
        }
        failed = sink_buf_put(&b, text + start, from - start) != 0 ||
                 put_quoted(&b, s, text, from, to, json) != 0 ||
                 sink_buf_put(&b, text + to, after - to) != 0;
        i = start = after;
    }
    if (!failed)
        failed = sink_buf_put(&b, text + start, strlen(text + start)) != 0 ||
                 sink_buf_put(&b, "", 1) != 0;
    if (failed) {
        free(b.data);
        return NULL;
    }
    const char *shown;
    char *masked = lint_masked(s->numbers, b.data, &shown);
    free(b.data);
    return shown == lint_withheld ? NULL : masked != NULL ? masked : NULL;
}

/* What to print of text: *shown, and what to free after. */
static char *masked(const lint_sink *s, const char *text, int json, const char *extra_json,
                    const char **shown)
{
    *shown = text;
    if (text == NULL || s->privacy == NULL)
        return NULL;
    char key[256], unit[256], township[256];
    json_value(key, sizeof(key), json ? NULL : extra_json, "key");
    json_value(unit, sizeof(unit), json ? NULL : extra_json, "unit");
    json_value(township, sizeof(township), json ? NULL : extra_json, "township");
    const char *const named[] = { key, unit, township, NULL };
    char *copy = s->numbers != NULL ? mask_message(s, text, json, named) : NULL;
    *shown = copy != NULL ? copy : lint_withheld;
    return copy;
}

static void emit(lint_sink *s, const lint_finding *f);

void lint_sink_emit(lint_sink *s, const lint_finding *f)
{
    if (!lint_sink_selected(s, f->rule) || (s->quiet && f->severity < WB_SEVERITY_ERROR))
        return;
    if (f->severity >= s->fail_on)
        s->failed = 1;
    if (s->statistics) {
        tally(s, f->rule, f->severity);
        return;
    }
    lint_finding m = *f;
    char *message = masked(s, f->message, 0, f->extra_json, &m.message);
    char *extra = masked(s, f->extra_json, 1, NULL, &m.extra_json);
    char *explanation = masked(s, f->explanation, 0, f->extra_json, &m.explanation);
    /* A file's name is input whole: every pattern applies to all of it. */
    char *file = lint_masked(s->privacy, f->file, &m.file);
    if (m.extra_json == lint_withheld)
        m.extra_json = NULL;
    emit(s, &m);
    wb_free(message);
    wb_free(extra);
    wb_free(explanation);
    wb_free(file);
}

static void emit(lint_sink *s, const lint_finding *f)
{
    const char *file = f->file != NULL ? f->file : "<input>";
    if (s->format == LINT_FORMAT_JSON) {
        fputs(s->printed ? ",\n " : "\n ", stdout);
        fputs("{\"file\":", stdout);
        lint_json_string(stdout, file);
        fprintf(stdout, ",\"line\":%d,\"column\":%d,\"severity\":\"%s\",\"rule\":", f->line,
                f->column, wb_severity_name(f->severity));
        lint_json_string(stdout, f->rule);
        if (f->extra_json != NULL)
            fprintf(stdout, ",%s", f->extra_json);
        fputs(",\"message\":", stdout);
        lint_json_string(stdout, f->message);
        if (f->explanation != NULL) {
            fputs(",\"explanation\":", stdout);
            lint_json_string(stdout, f->explanation);
        }
        fputc('}', stdout);
    } else if (s->format == LINT_FORMAT_SARIF) {
        char fp[17];
        fingerprint(fp, f->rule, file, f->message);
        int line = f->line > 0 ? f->line : 1, column = f->column > 0 ? f->column : 1;
        fputs(s->printed ? ",\n      {\"ruleId\": " : "\n      {\"ruleId\": ", stdout);
        lint_json_string(stdout, f->rule);
        fprintf(stdout, ", \"level\": \"%s\", \"message\": {\"text\": ", sarif_level(f->severity));
        lint_json_string(stdout, f->message);
        fputs("},\n       \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": ", stdout);
        sarif_uri(stdout, file);
        fprintf(stdout, "}, \"region\": {\"startLine\": %d, \"startColumn\": %d, \"endLine\": %d, "
                        "\"endColumn\": %d}}}],\n       \"partialFingerprints\": "
                        "{\"primaryLocationLineHash\": \"%s:1\"}",
                line, column, line, column + 1, fp);
        if (f->extra_json != NULL)
            fprintf(stdout, ",\n       \"properties\": {%s}", f->extra_json);
        fputc('}', stdout);
    } else {
        lint_put_text(stdout, file);
        if (f->line > 0)
            printf(":%d:%d", f->line, f->column);
        printf(": %s: ", wb_severity_name(f->severity));
        lint_put_text(stdout, f->message);
        printf(" [%s]\n", f->rule);
        /* The explanation's first line repeats the message's subject. */
        const char *p = f->explanation != NULL ? strchr(f->explanation, '\n') : NULL;
        while (p != NULL && *p != '\0') {
            const char *nl = strchr(p + 1, '\n');
            size_t n = nl != NULL ? (size_t)(nl - p - 1) : strlen(p + 1);
            char *line = malloc(n + 1);
            if (line != NULL) {
                memcpy(line, p + 1, n);
                line[n] = '\0';
                fputs("    ", stdout);
                lint_put_text(stdout, line);
                fputc('\n', stdout);
                free(line);
            }
            p = nl;
        }
    }
    s->printed++;
}

void lint_sink_emit_diagnostic(lint_sink *s, const wb_diagnostic *d)
{
    lint_finding f = { wb_diagnostic_file(d), wb_diagnostic_line(d), wb_diagnostic_column(d),
                       wb_diagnostic_severity(d), wb_diagnostic_rule(d),
                       wb_diagnostic_message(d, s->lang), NULL, NULL };
    lint_sink_emit(s, &f);
}

static int by_count(const void *a, const void *b)
{
    const lint_stat *x = a, *y = b;
    if (x->count != y->count)
        return x->count < y->count ? 1 : -1;
    return strcmp(x->rule, y->rule);
}

/* Close the output; for --statistics print the counts per rule instead. */
void lint_sink_end(lint_sink *s)
{
    wb_privacy_scanner_free(s->numbers);
    s->numbers = NULL;
    if (s->statistics) {
        qsort(s->stats, s->stat_count, sizeof(s->stats[0]), by_count);
        if (s->format == LINT_FORMAT_TEXT) {
            for (size_t i = 0; i < s->stat_count; i++)
                printf("%6zu  %-8s %s\n", s->stats[i].count, wb_severity_name(s->stats[i].severity),
                       s->stats[i].rule);
            return;
        }
        fputc('[', stdout);
        for (size_t i = 0; i < s->stat_count; i++) {
            fputs(i ? ",\n {\"rule\":" : "\n {\"rule\":", stdout);
            lint_json_string(stdout, s->stats[i].rule);
            printf(",\"severity\":\"%s\",\"count\":%zu}", wb_severity_name(s->stats[i].severity),
                   s->stats[i].count);
        }
        fputs(s->stat_count ? "\n]\n" : "]\n", stdout);
        return;
    }
    if (s->format == LINT_FORMAT_JSON)
        fputs(s->printed ? "\n]" : "]", stdout);
    else if (s->format == LINT_FORMAT_SARIF)
        fputs("\n    ]\n  }]\n}\n", stdout);
}
