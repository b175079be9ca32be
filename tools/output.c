/*
 * output.c - option parsing, input and output helpers of weibao-lint.
 */
#include "lint.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lint_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("weibao-lint: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    return LINT_EXIT_USAGE;
}

int lint_fail_error(const wb_error *err)
{
    if (err->source[0] != '\0' && err->line > 0)
        fprintf(stderr, "%s:%d:%d: error: %s", err->source, err->line,
                err->column, err->message);
    else
        fprintf(stderr, "weibao-lint: error: %s", err->message);
    if (err->rule[0] != '\0')
        fprintf(stderr, " [%s]", err->rule);
    fputc('\n', stderr);
    return LINT_EXIT_USAGE;
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
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        switch (*p) {
        case '"':  fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (*p < 0x20)
                fprintf(out, "\\u%04x", *p);
            else
                fputc(*p, out);     /* UTF-8 passes through as is */
        }
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

void lint_print_finding(const wb_diagnostic *d, lint_format format, wb_lang lang,
                        size_t *printed)
{
    const char *msg = wb_diagnostic_message(d, lang);
    const char *sev = wb_severity_name(wb_diagnostic_severity(d));
    if (format == LINT_FORMAT_JSON) {
        fputs(*printed ? ",\n " : "\n ", stdout);
        fputs("{\"file\":", stdout);
        lint_json_string(stdout, wb_diagnostic_file(d));
        fprintf(stdout, ",\"line\":%d,\"column\":%d,\"severity\":",
                wb_diagnostic_line(d), wb_diagnostic_column(d));
        lint_json_string(stdout, sev);
        fputs(",\"rule\":", stdout);
        lint_json_string(stdout, wb_diagnostic_rule(d));
        fputs(",\"message\":", stdout);
        lint_json_string(stdout, msg);
        fputc('}', stdout);
    } else if (wb_diagnostic_line(d) > 0) {
        fprintf(stdout, "%s:%d:%d: %s: %s [%s]\n", wb_diagnostic_file(d),
                wb_diagnostic_line(d), wb_diagnostic_column(d), sev, msg,
                wb_diagnostic_rule(d));
    } else {
        fprintf(stdout, "%s: %s: %s [%s]\n", wb_diagnostic_file(d), sev, msg,
                wb_diagnostic_rule(d));
    }
    (*printed)++;
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
