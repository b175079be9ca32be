/*
 * strbuf.h - text built piece by piece, for messages and generated XML.
 *
 * A failed allocation is remembered, not reported at each call: build,
 * then look at `failed` once.
 */
#ifndef WB_STRBUF_H
#define WB_STRBUF_H

#include <stddef.h>

typedef struct wb__strbuf {
    char *data;         /* NUL-terminated once anything was put; malloc'd */
    size_t len, cap;
    int failed;
} wb__strbuf;

/* Append printf-style text. */
void wb__strbuf_put(wb__strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Append n bytes as they are (NUL bytes included). */
void wb__strbuf_append(wb__strbuf *b, const char *bytes, size_t n);

/* Make room for n more bytes and the NUL, so that appends up to that
   size allocate nothing. */
void wb__strbuf_reserve(wb__strbuf *b, size_t n);

/* Append text for an XML attribute value (& < > " escaped). */
void wb__strbuf_put_xml(wb__strbuf *b, const char *s);

/* The text (caller frees), or NULL when anything failed (the buffer is freed). */
char *wb__strbuf_finish(wb__strbuf *b);

#endif
