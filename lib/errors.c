/*
 * errors.c - status codes and the caller-owned error record.
 */
#include "errors_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void wb_error_clear(wb_error *err)
{
    if (err != NULL)
        memset(err, 0, sizeof(*err));
}

const char *wb_strerror(int code)
{
    switch (code) {
    case WB_OK:        return "success";
    case WB_ERROR:     return "error";
    case WB_EINVAL:    return "invalid argument";
    case WB_ENOMEM:    return "out of memory";
    case WB_EIO:       return "input/output error";
    case WB_ENOTFOUND: return "not found";
    case WB_EPARSE:    return "malformed input";
    case WB_ESCHEMA:   return "document does not follow its format";
    case WB_EREGEX:    return "invalid pattern";
    case WB_ECOVERAGE: return "date outside the calendar's coverage";
    case WB_EDENIED:   return "file outside the folder it must stay in";
    default:           return "unknown error";
    }
}

/* Copy at most size-1 bytes without cutting a UTF-8 sequence in half. */
static void copy_utf8(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size) {
        n = size - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0u) == 0x80u)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

int wb__error_set(wb_error *err, int code, const char *source, int line,
                  int column, const char *rule, const char *fmt, ...)
{
    if (err == NULL)
        return code;
    wb_error_clear(err);
    err->code = code;
    err->line = line;
    err->column = column;
    if (source != NULL)
        copy_utf8(err->source, sizeof(err->source), source);
    if (rule != NULL)
        copy_utf8(err->rule, sizeof(err->rule), rule);

    char buf[WB_ERROR_MESSAGE_SIZE * 2];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0)
        copy_utf8(buf, sizeof(buf), wb_strerror(code));
    copy_utf8(err->message, sizeof(err->message), buf);
    return code;
}

int wb__error_arg(wb_error *err, const char *function, const char *argument)
{
    return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                         "%s: invalid argument '%s'", function, argument);
}
