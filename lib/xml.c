/*
 * xml.c - safe parsing and schema validation with libxml2 2.9.
 *
 * Safety (see docs/security.md):
 *  - XML_PARSE_NONET, and none of NOENT, DTDLOAD, DTDVALID, XINCLUDE or
 *    HUGE: nothing outside the buffer is read, nothing is expanded.
 *  - A DOCTYPE stops the parser at once (SAX internalSubset hook), so no
 *    entity can be declared and no external subset named.
 *  - Errors go to per-context structured handlers, never to libxml2's
 *    process-wide ones, and nothing is printed.
 *  - The input is read as UTF-8 whatever it declares; another declared
 *    encoding is reported rather than silently converted.
 *
 * Positions: libxml2 2.9 keeps element lines in 16 bits. The SAX
 * start-element hook records, in node->_private, the byte offset of the
 * start tag's '<' in our own buffer; lines and columns are then computed
 * from an index of line starts, exactly and without limit.
 */
#include "xml.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>

#include "ledger_internal.h"

/* libxml2 must be initialised once before threads use it; do it when the
   library is loaded rather than ask callers for a global init call. */
#if defined(__GNUC__)
__attribute__((constructor)) static void wb__xml_init(void)
{
    xmlInitParser();
}
#endif

typedef struct parse_state {
    wb__xml_doc *doc;
    wb_diagnostics *diags;
    size_t base;            /* bytes skipped before the parser's input (a BOM) */
    int refused;            /* a DOCTYPE was seen */
    int failed;             /* a finding could not be recorded (no memory) */
} parse_state;

/* ------------------------------------------------------------ positions */

static int build_line_index(wb__xml_doc *doc)
{
    size_t n = 1;
    for (size_t i = 0; i < doc->len; i++)
        if (doc->data[i] == '\n')
            n++;
    doc->line_starts = malloc(n * sizeof(size_t));
    if (doc->line_starts == NULL)
        return WB_ENOMEM;
    size_t k = 0;
    doc->line_starts[k++] = 0;
    for (size_t i = 0; i < doc->len; i++)
        if (doc->data[i] == '\n')
            doc->line_starts[k++] = i + 1;
    doc->line_count = n;
    return WB_OK;
}

/* Line and column of a byte offset; columns count UTF-8 code points. */
static void offset_position(const wb__xml_doc *doc, size_t offset,
                            int *line, int *column)
{
    size_t lo = 0, hi = doc->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    size_t col = 1;
    for (size_t i = doc->line_starts[lo]; i < offset && i < doc->len; i++)
        if (((unsigned char)doc->data[i] & 0xC0u) != 0x80u)
            col++;
    *line = lo + 1 > INT32_MAX ? INT32_MAX : (int)(lo + 1);
    *column = col > INT32_MAX ? INT32_MAX : (int)col;
}

void wb__xml_position(const wb__xml_doc *doc, const xmlNode *node,
                      int *line, int *column)
{
    *line = 0;
    *column = 0;
    if (node != NULL && node->type == XML_ATTRIBUTE_NODE)
        node = node->parent;
    if (node == NULL)
        return;
    if (node->type == XML_ELEMENT_NODE && node->_private != NULL) {
        size_t offset = (size_t)(uintptr_t)node->_private - 1;
        offset_position(doc, offset, line, column);
        return;
    }
    long l = xmlGetLineNo(node);
    *line = l > 0 && l < INT32_MAX ? (int)l : 0;
    *column = *line > 0 ? 1 : 0;    /* only the line is known: the line as a whole */
}

static int has_prefix(const char *p, size_t room, const char *prefix)
{
    size_t n = strlen(prefix);
    return room >= n && memcmp(p, prefix, n) == 0;
}

size_t wb__xml_reference(const char *ref, size_t n, char out[4])
{
    static const struct { const char *name; char c; } named[] = {
        { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
    };
    for (size_t i = 0; i < sizeof(named) / sizeof(named[0]); i++)
        if (strlen(named[i].name) == n && memcmp(ref, named[i].name, n) == 0) {
            out[0] = named[i].c;
            return 1;
        }
    if (n < 2 || ref[0] != '#')
        return 0;
    unsigned long cp = 0;
    int hex = ref[1] == 'x';
    for (size_t i = hex ? 2 : 1; i < n; i++) {
        int d = ref[i] >= '0' && ref[i] <= '9' ? ref[i] - '0'
                : hex && ref[i] >= 'a' && ref[i] <= 'f' ? ref[i] - 'a' + 10
                : hex && ref[i] >= 'A' && ref[i] <= 'F' ? ref[i] - 'A' + 10 : -1;
        if (d < 0 || cp > 0x10FFFF)
            return 0;
        cp = cp * (hex ? 16 : 10) + (unsigned long)d;
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

int wb__xml_text_position(const wb__xml_doc *doc, const xmlNode *node, size_t offset,
                          int *line, int *column)
{
    wb__xml_position(doc, node, line, column);
    if (node == NULL || node->type != XML_ELEMENT_NODE || node->_private == NULL)
        return 0;
    const char *d = doc->data;
    size_t n = doc->len;
    /* The start tag ends at the first '>' outside an attribute's quotes. */
    size_t i = (size_t)(uintptr_t)node->_private;
    char quote = 0;
    for (; i < n; i++) {
        if (quote != 0) {
            if (d[i] == quote)
                quote = 0;
        } else if (d[i] == '"' || d[i] == '\'') {
            quote = d[i];
        } else if (d[i] == '>') {
            break;
        }
    }
    if (i >= n || d[i - 1] == '/')
        return 0;
    i++;
    /* Walk the source and the text together up to the offset. */
    size_t done = 0;
    int cdata = 0;
    while (done < offset) {
        if (i >= n)
            return 0;
        const char *close = NULL;
        if (cdata) {
            if (has_prefix(d + i, n - i, "]]>")) {
                i += 3;
                cdata = 0;
                continue;
            }
        } else if (has_prefix(d + i, n - i, "<![CDATA[")) {
            i += 9;
            cdata = 1;
            continue;
        } else if (has_prefix(d + i, n - i, "<!--")) {
            close = "-->";
        } else if (has_prefix(d + i, n - i, "<?")) {
            close = "?>";
        } else if (d[i] == '<') {
            return 0;   /* an end tag or a child before the offset */
        } else if (d[i] == '&') {
            const char *semi = memchr(d + i, ';', n - i);
            char value[4];
            size_t bytes = semi != NULL
                               ? wb__xml_reference(d + i + 1, (size_t)(semi - d) - i - 1, value)
                               : 0;
            if (bytes == 0 || done + bytes > offset)
                return 0;
            done += bytes;
            i = (size_t)(semi - d) + 1;
            continue;
        }
        if (close != NULL) {
            size_t k = i + 2;
            while (k < n && !has_prefix(d + k, n - k, close))
                k++;
            if (k >= n)
                return 0;
            i = k + strlen(close);
            continue;
        }
        /* The parser reads a CR LF pair, or a lone CR, as one LF. */
        i += d[i] == '\r' && i + 1 < n && d[i + 1] == '\n' ? 2 : 1;
        done++;
    }
    offset_position(doc, i, line, column);
    return 1;
}

/* --------------------------------------------------------- SAX hooks */

static void record_start(void *ctx, const xmlChar *localname,
                         const xmlChar *prefix, const xmlChar *uri,
                         int nb_namespaces, const xmlChar **namespaces,
                         int nb_attributes, int nb_defaulted,
                         const xmlChar **attributes)
{
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_namespaces,
                          namespaces, nb_attributes, nb_defaulted, attributes);
    if (ctxt->node == NULL || ctxt->input == NULL || ctxt->input->cur == NULL)
        return;
    /* The parser stands inside or just after the start tag; the tag's '<'
       is the nearest one before it, since '<' cannot occur in attributes. */
    size_t pos = st->base + (size_t)ctxt->input->consumed +
                 (size_t)(ctxt->input->cur - ctxt->input->base);
    const wb__xml_doc *doc = st->doc;
    if (pos > doc->len)
        pos = doc->len;
    while (pos > 0 && doc->data[pos - 1] != '<')
        pos--;
    if (pos > 0)
        ctxt->node->_private = (void *)(uintptr_t)pos;  /* offset of '<' + 1 */
}

static void refuse_doctype(void *ctx, const xmlChar *name,
                           const xmlChar *external_id, const xmlChar *system_id)
{
    (void)name;
    (void)external_id;
    (void)system_id;
    xmlParserCtxtPtr ctxt = ctx;
    parse_state *st = ctxt->_private;
    st->refused = 1;
    int line = ctxt->input != NULL ? ctxt->input->line : 0;
    if (wb__diagnostics_add(st->diags, WB_CHECK_XML_DOCTYPE, st->doc->name,
                            line, 1,
                            "DOCTYPE declarations are not accepted (no DTDs or entities)",
                            "不接受 DOCTYPE 声明(不允许 DTD 和实体)") != WB_OK)
        st->failed = 1;
    xmlStopParser(ctxt);
}

/*
 * Strip "{namespace-uri}" from the qualified names in libxml2's schema
 * messages. A URI has a ':'; a regex quantifier such as {1,4} has not.
 */
static void strip_namespaces(char *s)
{
    char *w = s;
    for (const char *r = s; *r != '\0';) {
        if (*r == '{') {
            const char *close = strchr(r, '}');
            const char *colon = strchr(r, ':');
            if (close != NULL && colon != NULL && colon < close) {
                r = close + 1;
                continue;
            }
        }
        *w++ = *r++;
    }
    *w = '\0';
}

void wb__xml_error_text(char *buf, size_t size, const xmlError *e)
{
    /* libxml2 quotes the values it refuses: a long number shows masked. */
    wb__mask_numbers(buf, size, e->message != NULL ? e->message : "error");
    strip_namespaces(buf);
    size_t n = strlen(buf);
    while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
        buf[--n] = '\0';
}

static void report_libxml_error(parse_state *st, const xmlError *e,
                                const char *rule)
{
    if (st->refused && e->code == XML_ERR_USER_STOP)
        return;
    int line = e->line, column = e->int2;
    if (e->node != NULL)
        wb__xml_position(st->doc, e->node, &line, &column);
    char en[1024];
    wb__xml_error_text(en, sizeof(en), e);

    wb_severity sev = WB_SEVERITY_ERROR;
    const char *zh_prefix = strcmp(rule, WB_CHECK_SCHEMA) == 0
                                ? "不符合数据格式:" : "XML 格式错误:";
    if (e->level == XML_ERR_WARNING) {
        sev = WB_SEVERITY_WARNING;
        rule = WB_CHECK_XML_WARNING;
        zh_prefix = "XML 警告:";
    }
    char zh[1200];
    snprintf(zh, sizeof(zh), "%s%s", zh_prefix, en);
    if (wb__diagnostics_add_text(st->diags, sev, rule, st->doc->name, line,
                                 column, en, zh) != WB_OK)
        st->failed = 1;
}

static void on_parse_error(void *user, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = user;
    report_libxml_error(ctxt->_private, e, WB_CHECK_XML_MALFORMED);
}

static void on_schema_error(void *user, xmlErrorPtr e)
{
    report_libxml_error(user, e, WB_CHECK_SCHEMA);
}

/* ------------------------------------------------------------ parsing */

static int is_utf8_name(const char *enc)
{
    const char *want = "utf-8";
    size_t i = 0;
    for (; enc[i] != '\0' && want[i] != '\0'; i++) {
        char c = enc[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != want[i])
            break;
    }
    if (enc[i] == '\0' && want[i] == '\0')
        return 1;
    return (enc[0] == 'u' || enc[0] == 'U') && (enc[1] == 't' || enc[1] == 'T') &&
           (enc[2] == 'f' || enc[2] == 'F') && enc[3] == '8' && enc[4] == '\0';
}

/*
 * The encoding named by the XML declaration, if any, copied into buf.
 * We read every document as UTF-8 (XML_PARSE_IGNORE_ENC), so a document
 * that says otherwise is refused rather than misread.
 */
static int declared_encoding(const char *data, size_t len, char *buf, size_t size)
{
    if (len < 5 || memcmp(data, "<?xml", 5) != 0)
        return 0;
    size_t end = 5;
    while (end + 1 < len && end < 512 && !(data[end] == '?' && data[end + 1] == '>'))
        end++;
    for (size_t i = 5; i + 8 < end; i++) {
        if (memcmp(data + i, "encoding", 8) != 0)
            continue;
        size_t j = i + 8;
        while (j < end && (data[j] == ' ' || data[j] == '=' || data[j] == '\t'))
            j++;
        if (j >= end || (data[j] != '"' && data[j] != '\''))
            return 0;
        char quote = data[j++];
        size_t k = 0;
        while (j < end && data[j] != quote && k + 1 < size)
            buf[k++] = data[j++];
        buf[k] = '\0';
        return 1;
    }
    return 0;
}

int wb__xml_parse(wb__xml_doc *out, const char *data, size_t len,
                  const char *name, wb_diagnostics *diags)
{
    memset(out, 0, sizeof(*out));
    out->name = name;
    out->data = data;
    out->len = len;
    if (build_line_index(out) != WB_OK)
        return WB_ENOMEM;

    parse_state st = { out, diags, 0, 0, 0 };
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        st.base = 3;    /* the parser never sees the BOM */
    if (len - st.base > INT32_MAX) {
        if (wb__diagnostics_add(diags, WB_CHECK_XML_MALFORMED, name, 0, 0,
                                "document too large (over 2 GiB)",
                                "文档过大(超过 2 GiB)") != WB_OK)
            return WB_ENOMEM;
        return WB_EPARSE;
    }

    char enc[64], shown[64];
    if (declared_encoding(data + st.base, len - st.base, enc, sizeof(enc)) &&
        !is_utf8_name(enc)) {
        wb__mask_numbers(shown, sizeof(shown), enc);
        if (wb__diagnostics_add(diags, WB_CHECK_XML_ENCODING, name, 1, 1,
                                "the document declares encoding '%s'; only UTF-8 is accepted",
                                "文档声明编码为“%s”;只接受 UTF-8", shown) != WB_OK)
            return WB_ENOMEM;
        return WB_EPARSE;
    }

    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (ctxt == NULL)
        return WB_ENOMEM;
    ctxt->_private = &st;
    ctxt->sax->internalSubset = refuse_doctype;
    ctxt->sax->startElementNs = record_start;
    ctxt->sax->serror = on_parse_error;
    ctxt->sax->error = NULL;
    ctxt->sax->warning = NULL;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;

    int options = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                  XML_PARSE_IGNORE_ENC;
    xmlDocPtr doc = xmlCtxtReadMemory(ctxt, data + st.base,
                                      (int)(len - st.base), name, "UTF-8",
                                      options);
    int well_formed = ctxt->wellFormed;
    xmlFreeParserCtxt(ctxt);

    if (st.failed) {
        xmlFreeDoc(doc);
        return WB_ENOMEM;
    }
    if (doc == NULL || st.refused || !well_formed) {
        xmlFreeDoc(doc);
        if (wb_diagnostics_count_at_least(diags, WB_SEVERITY_ERROR) == 0 &&
            wb__diagnostics_add(diags, WB_CHECK_XML_MALFORMED, name, 0, 0,
                                "the document could not be read as XML",
                                "无法按 XML 读取该文档") != WB_OK)
            return WB_ENOMEM;
        return WB_EPARSE;
    }
    out->doc = doc;
    return WB_OK;
}

xmlSchemaPtr wb__xml_schema_compile(const char *xsd, size_t xsd_len)
{
    if (xsd_len > INT32_MAX)
        return NULL;
    xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewMemParserCtxt(xsd, (int)xsd_len);
    if (pctxt == NULL)
        return NULL;
    /* Our own schema: its problems are bugs, not findings; keep quiet. */
    xmlSchemaSetParserStructuredErrors(pctxt, NULL, NULL);
    xmlSchemaSetParserErrors(pctxt, NULL, NULL, NULL);
    xmlSchemaPtr schema = xmlSchemaParse(pctxt);
    xmlSchemaFreeParserCtxt(pctxt);
    return schema;
}

int wb__xml_validate(const wb__xml_doc *doc, const char *xsd, size_t xsd_len,
                     wb_diagnostics *diags)
{
    xmlSchemaPtr schema = wb__xml_schema_compile(xsd, xsd_len);
    if (schema == NULL)
        return WB_ERROR;

    xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt(schema);
    if (vctxt == NULL) {
        xmlSchemaFree(schema);
        return WB_ENOMEM;
    }
    parse_state st = { (wb__xml_doc *)doc, diags, 0, 0, 0 };
    xmlSchemaSetValidStructuredErrors(vctxt, on_schema_error, &st);
    int rc = xmlSchemaValidateDoc(vctxt, doc->doc);
    xmlSchemaFreeValidCtxt(vctxt);
    xmlSchemaFree(schema);

    if (st.failed)
        return WB_ENOMEM;
    if (rc != 0) {
        if (wb_diagnostics_count_at_least(diags, WB_SEVERITY_ERROR) == 0 &&
            wb__diagnostics_add(diags, WB_CHECK_SCHEMA, doc->name, 0, 0,
                                "the document does not follow its schema",
                                "文档不符合数据格式") != WB_OK)
            return WB_ENOMEM;
        return rc < 0 ? WB_ERROR : WB_ESCHEMA;
    }
    return WB_OK;
}

void wb__xml_dispose(wb__xml_doc *doc)
{
    if (doc == NULL)
        return;
    xmlFreeDoc(doc->doc);
    free(doc->line_starts);
    memset(doc, 0, sizeof(*doc));
}

/* ----------------------------------------------------------- walking */

static int is_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE &&
           (name == NULL || strcmp((const char *)n->name, name) == 0);
}

const xmlNode *wb__xml_first_element(const xmlNode *parent, const char *name)
{
    if (parent == NULL)
        return NULL;
    for (const xmlNode *n = parent->children; n != NULL; n = n->next)
        if (is_element(n, name))
            return n;
    return NULL;
}

const xmlNode *wb__xml_next_element(const xmlNode *node, const char *name)
{
    for (const xmlNode *n = node != NULL ? node->next : NULL; n != NULL; n = n->next)
        if (is_element(n, name))
            return n;
    return NULL;
}

int wb__xml_has_attr(const xmlNode *node, const char *name)
{
    return xmlHasProp(node, (const xmlChar *)name) != NULL;
}

char *wb__xml_attr(wb__arena *arena, const xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetProp(node, (const xmlChar *)name);
    if (v == NULL)
        return NULL;
    char *copy = wb__arena_strdup(arena, (const char *)v);
    xmlFree(v);
    return copy;
}

char *wb__xml_text(wb__arena *arena, const xmlNode *node)
{
    xmlChar *v = xmlNodeGetContent(node);
    if (v == NULL)
        return NULL;
    char *copy = wb__arena_strdup(arena, (const char *)v);
    xmlFree(v);
    return copy;
}
