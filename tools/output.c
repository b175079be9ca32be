/*
 * output.c - option parsing, input and output helpers of weibao-lint.
 */
#include "lint.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The bytes of the well-formed UTF-8 character at p (NUL-terminated), or
   0 for a byte that does not start one. */
static size_t utf8_length(const unsigned char *p)
{
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    size_t n;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (p[1] < lo || p[1] > hi)
        return 0;
    for (size_t k = 2; k < n; k++)
        if ((p[k] & 0xC0u) != 0x80u)
            return 0;
    return n;
}

void lint_put_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; p != NULL && *p != '\0';) {
        size_t n = utf8_length(p);
        if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\r')
            fputs("\\r", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (n == 0 || *p < 0x20 || *p == 0x7F)
            fprintf(out, "\\x%02X", *p);
        else
            fwrite(p, 1, n, out);
        p += n > 0 ? n : 1;
    }
}

wb_privacy_scanner *lint_numbers_scanner(void)
{
    static const char *const no_words[] = { NULL };
    wb_privacy_options options = WB_PRIVACY_OPTIONS_INIT;
    options.case_words = no_words;
    wb_privacy_scanner *s = NULL;
    return wb_privacy_scanner_new(&s, &options, NULL) == WB_OK ? s : NULL;
}

const char lint_withheld[] = "(withheld: it could not be masked)";

char *lint_masked(const wb_privacy_scanner *s, const char *text, const char **shown)
{
    char *copy = NULL;
    *shown = text;
    if (text == NULL || s == NULL)
        return NULL;
    if (wb_privacy_redact(&copy, NULL, s, text, strlen(text), NULL) != WB_OK)
        *shown = lint_withheld;
    else
        *shown = copy;
    return copy;
}

/* A message of the tool's on stderr: its numbers masked (it may quote a
   file name or a value), its control characters escaped (one line). */
static void put_message(const char *prefix, const char *fmt, va_list ap)
{
    char small[512], *text = small;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    if (n >= (int)sizeof(small) && (text = malloc((size_t)n + 1)) != NULL)
        vsnprintf(text, (size_t)n + 1, fmt, again);
    va_end(again);
    if (text == NULL)
        text = small;   /* cut, but still masked */
    wb_privacy_scanner *numbers = lint_numbers_scanner();
    const char *shown;
    char *masked = lint_masked(numbers, text, &shown);
    if (numbers == NULL)
        shown = lint_withheld;
    fputs(prefix, stderr);
    lint_put_text(stderr, shown);
    fputc('\n', stderr);
    wb_free(masked);
    wb_privacy_scanner_free(numbers);
    if (text != small)
        free(text);
}

int lint_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_message("weibao-lint: ", fmt, ap);
    va_end(ap);
    return LINT_EXIT_USAGE;
}

int lint_fail_error(const wb_error *err)
{
    if (err->source[0] != '\0' && err->line > 0)
        lint_report("", "%s:%d:%d: error: %s%s%s%s", err->source, err->line, err->column,
                    err->message, err->rule[0] != '\0' ? " [" : "", err->rule,
                    err->rule[0] != '\0' ? "]" : "");
    else
        lint_report("weibao-lint: ", "error: %s%s%s%s", err->message,
                    err->rule[0] != '\0' ? " [" : "", err->rule, err->rule[0] != '\0' ? "]" : "");
    return LINT_EXIT_USAGE;
}

void lint_report(const char *prefix, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    put_message(prefix, fmt, ap);
    va_end(ap);
}

int lint_option_value(int argc, char **argv, int *i, const char *name,
                      const char **value)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0)
        return 0;
    if (arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (arg[n] != '\0')
        return 0;
    if (*i + 1 >= argc)
        return -1;
    *value = argv[++*i];
    return 1;
}

int lint_parse_format(const char *value, lint_format *out)
{
    if (strcmp(value, "text") == 0)
        *out = LINT_FORMAT_TEXT;
    else if (strcmp(value, "json") == 0)
        *out = LINT_FORMAT_JSON;
    else
        return -1;
    return 0;
}

int lint_parse_format_or_markdown(const char *value, lint_format *out, int *markdown)
{
    *markdown = strcmp(value, "markdown") == 0;
    return *markdown ? 0 : lint_parse_format(value, out);
}

int lint_parse_lang(const char *value, wb_lang *out)
{
    if (strcmp(value, "zh") == 0)
        *out = WB_LANG_ZH;
    else if (strcmp(value, "en") == 0)
        *out = WB_LANG_EN;
    else
        return -1;
    return 0;
}

void lint_json_string(FILE *out, const char *s)
{
    if (s == NULL) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0';) {
        size_t n = utf8_length(p);
        switch (*p) {
        case '"':  fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else if (n == 0)
                fprintf(out, "\\\\x%02X", *p);   /* not UTF-8: the text \xFF */
            else
                fwrite(p, 1, n, out);
        }
        p += n > 0 ? n : 1;
    }
    fputc('"', out);
}

void lint_print_prefix(FILE *out, const char *s, size_t max)
{
    size_t points = 0;
    const char *p = s;
    while (*p != '\0') {
        if (((unsigned char)*p & 0xC0u) != 0x80u) {
            if (points == max)
                break;
            points++;
        }
        p++;
    }
    fwrite(s, 1, (size_t)(p - s), out);
    if (*p != '\0')
        fputs("…", out);
}

/* The columns a code point takes in a terminal: 2 for CJK and full-width
   forms, 1 otherwise (enough for the names the tool prints). */
static int code_point_width(unsigned cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD) ? 2 : 1;
}

void lint_print_padded(FILE *out, const char *s, int width)
{
    int used = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p != '\0') {
        unsigned cp = *p;
        int len = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        for (int i = 1; i < len; i++)
            cp = (cp << 6) | (p[i] & 0x3Fu);
        cp &= len == 1 ? 0x7Fu : len == 2 ? 0x7FFu : len == 3 ? 0xFFFFu : 0x1FFFFFu;
        int w = code_point_width(cp);
        /* Leave room for "…" when the rest does not fit. */
        if (used + w > width - 1 && p[len] != '\0') {
            fputs("…", out);
            used++;
            break;
        }
        if (used + w > width)
            break;
        fwrite(p, 1, (size_t)len, out);
        used += w;
        p += len;
    }
    for (; used < width; used++)
        fputc(' ', out);
}

int lint_finish(int status)
{
    /* Said once, whether a command or main() asks first. */
    static int failed;
    if (failed)
        return LINT_EXIT_USAGE;
    /* The reason is errno: the flush's own, or, when a large write went
       straight to the file and failed, the one that write left. */
    int reason = ferror(stdout) ? errno : 0;
    if (fflush(stdout) != 0)
        reason = errno;
    else if (!ferror(stdout))
        return status;
    failed = 1;
    lint_fail("cannot write the output: %s", reason != 0 ? strerror(reason) : "a write failed");
    return LINT_EXIT_USAGE;
}

void lint_print_finding(FILE *out, const wb_privacy_scanner *numbers, const wb_diagnostic *d,
                        lint_format format, wb_lang lang, size_t *printed)
{
    /* The library masks what its messages quote; the file's name is the
       caller's, and may hold a number. */
    const char *file, *msg;
    char *masked_file = lint_masked(numbers, wb_diagnostic_file(d), &file);
    char *masked_msg = lint_masked(numbers, wb_diagnostic_message(d, lang), &msg);
    if (numbers == NULL)
        file = msg = lint_withheld;
    const char *sev = wb_severity_name(wb_diagnostic_severity(d));
    if (format == LINT_FORMAT_JSON) {
        fputs(*printed ? ",\n " : "\n ", out);
        fputs("{\"file\":", out);
        lint_json_string(out, file);
        fprintf(out, ",\"line\":%d,\"column\":%d,\"severity\":",
                wb_diagnostic_line(d), wb_diagnostic_column(d));
        lint_json_string(out, sev);
        fputs(",\"rule\":", out);
        lint_json_string(out, wb_diagnostic_rule(d));
        fputs(",\"message\":", out);
        lint_json_string(out, msg);
        fputc('}', out);
    } else {
        lint_put_text(out, file);
        if (wb_diagnostic_line(d) > 0)
            fprintf(out, ":%d:%d", wb_diagnostic_line(d), wb_diagnostic_column(d));
        fprintf(out, ": %s: ", sev);
        lint_put_text(out, msg);
        fprintf(out, " [%s]\n", wb_diagnostic_rule(d));
    }
    (*printed)++;
    wb_free(masked_file);
    wb_free(masked_msg);
}

int lint_read_all(FILE *f, const char *name, const char *cmd, char **data, size_t *len)
{
    size_t cap = 65536, n = 0;
    char *buf = malloc(cap + 1);
    if (buf == NULL)
        return lint_fail("out of memory"), -1;
    size_t got;
    errno = 0;
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            /* Standard input may never end (/dev/zero): the library's
               limit for a whole input holds here too. */
            if (cap >= WB_FILE_MAX_BYTES) {
                free(buf);
                return lint_fail("%s: %s is larger than the %zu bytes an input may have",
                                 cmd, name, WB_FILE_MAX_BYTES), -1;
            }
            char *grown = realloc(buf, cap * 2 + 1);
            if (grown == NULL) {
                free(buf);
                return lint_fail("out of memory"), -1;
            }
            buf = grown;
            cap *= 2;
        }
    }
    if (ferror(f)) {
        int saved = errno;
        free(buf);
        return lint_fail("%s: cannot read %s: %s", cmd, name,
                         saved ? strerror(saved) : "read error"), -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

int lint_read_input(const char *path, const char *cmd, char **data, size_t *len)
{
    if (strcmp(path, "-") == 0)
        return lint_read_all(stdin, "standard input", cmd, data, len);
    FILE *f;
    wb_error err;
    if (wb_file_open(&f, path, WB_FILE_MAX_BYTES, &err) != WB_OK)
        return lint_fail("%s: %s", cmd, err.message), -1;
    size_t n = strlen(path);
    char *quoted = malloc(n + 3);
    if (quoted == NULL) {
        fclose(f);
        return lint_fail("out of memory"), -1;
    }
    snprintf(quoted, n + 3, "'%s'", path);
    int rc = lint_read_all(f, quoted, cmd, data, len);
    free(quoted);
    fclose(f);
    return rc;
}
