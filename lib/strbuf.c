/*
 * strbuf.c - text built piece by piece.
 */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wb__strbuf_put(wb__strbuf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->data ? b->data + b->len : NULL,
                          b->data ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = 1;
            return;
        }
        if (b->data != NULL && b->len + (size_t)n < b->cap) {
            b->len += (size_t)n;
            return;
        }
        wb__strbuf_reserve(b, (size_t)n);
        if (b->failed)
            return;
    }
}

void wb__strbuf_put_xml(wb__strbuf *b, const char *s)
{
    for (; *s != '\0'; s++) {
        switch (*s) {
        case '&':  wb__strbuf_put(b, "&amp;"); break;
        case '<':  wb__strbuf_put(b, "&lt;"); break;
        case '>':  wb__strbuf_put(b, "&gt;"); break;
        case '"':  wb__strbuf_put(b, "&quot;"); break;
        default:   wb__strbuf_put(b, "%c", *s);
        }
    }
}

char *wb__strbuf_finish(wb__strbuf *b)
{
    if (b->failed) {
        free(b->data);
        b->data = NULL;
        return NULL;
    }
    if (b->data == NULL) {
        b->data = malloc(1);
        if (b->data != NULL)
            b->data[0] = '\0';
    }
    return b->data;
}

void wb__strbuf_reserve(wb__strbuf *b, size_t n)
{
    if (b->failed || b->len + n + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + n + 1)
        cap *= 2;
    char *bigger = realloc(b->data, cap);
    if (bigger == NULL) {
        b->failed = 1;
        return;
    }
    b->data = bigger;
    b->cap = cap;
}

void wb__strbuf_append(wb__strbuf *b, const char *bytes, size_t n)
{
    wb__strbuf_reserve(b, n);
    if (b->failed)
        return;
    memcpy(b->data + b->len, bytes, n);
    b->len += n;
    b->data[b->len] = '\0';
}
