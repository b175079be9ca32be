/*
 * xml.h - safe parsing and schema validation with libxml2.
 *
 * The only place that talks to libxml2's parser. It refuses DOCTYPEs (so
 * no entity is ever declared, expanded or fetched), never touches the
 * network, validates against schemas compiled from the library's own
 * copies, and reports every problem as a finding with its file, line and
 * column. Lines and columns come from the library's own index of the
 * input, so they stay exact past line 65,535.
 */
#ifndef WB_XML_H
#define WB_XML_H

#include <stddef.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "arena.h"
#include "diagnostic_internal.h"

typedef struct wb__xml_doc {
    xmlDocPtr doc;          /* NULL when the input was refused */
    const char *name;       /* borrowed: the file or buffer name */
    const char *data;       /* borrowed: the input, as given */
    size_t len;
    size_t *line_starts;    /* byte offset where each line begins */
    size_t line_count;
} wb__xml_doc;

/*
 * Parse data (UTF-8, len bytes, named `name` in findings). Findings go to
 * diags. Returns WB_OK with out->doc set, WB_EPARSE when the document was
 * refused or is not well-formed (out->doc NULL), or WB_ENOMEM. data and
 * name must outlive *out. Dispose *out in every case.
 */
int wb__xml_parse(wb__xml_doc *out, const char *data, size_t len,
                  const char *name, wb_diagnostics *diags);

/*
 * Validate against an XML Schema given as text. Returns WB_OK when valid,
 * WB_ESCHEMA when not (findings in diags), WB_ENOMEM, or WB_ERROR when
 * the schema itself does not compile.
 */
int wb__xml_validate(const wb__xml_doc *doc, const char *xsd, size_t xsd_len,
                     wb_diagnostics *diags);

/* Compile one of the library's own schemas; NULL if it does not compile
   or memory runs out. Free with xmlSchemaFree. */
xmlSchemaPtr wb__xml_schema_compile(const char *xsd, size_t xsd_len);

/* libxml2's message as one line, without namespace URIs. */
void wb__xml_error_text(char *buf, size_t size, const xmlError *e);

/* Line and column (1-based, code points) where an element's start tag begins;
   for another node, its line and column 1 (0 and 0 when not known). */
void wb__xml_position(const wb__xml_doc *doc, const xmlNode *node,
                      int *line, int *column);

/*
 * Line and column of the byte `offset` of an element's text (as
 * wb__xml_text gives it), traced back through the source: character and
 * entity references, CDATA sections and comments. Returns 1 when found;
 * 0 when the text cannot be traced, and then line and column are the
 * start tag's (wb__xml_position).
 */
int wb__xml_text_position(const wb__xml_doc *doc, const xmlNode *node, size_t offset,
                          int *line, int *column);

/* Free the tree and the index. */
void wb__xml_dispose(wb__xml_doc *doc);

/* Helpers for walking a validated tree. */
const xmlNode *wb__xml_first_element(const xmlNode *parent, const char *name);
const xmlNode *wb__xml_next_element(const xmlNode *node, const char *name);
/* An attribute or the element's text, copied into the arena; NULL if
   absent or out of memory (tell them apart with wb__xml_has_attr). */
char *wb__xml_attr(wb__arena *arena, const xmlNode *node, const char *name);
char *wb__xml_text(wb__arena *arena, const xmlNode *node);
int wb__xml_has_attr(const xmlNode *node, const char *name);

/* The character an XML reference stands for (the name between '&' and
   ';': amp, lt, #233, #xE9), as UTF-8 into out; its length, or 0 for
   none (no DTD declares more; a code point XML forbids). */
size_t wb__xml_reference(const char *name, size_t n, char out[4]);

#endif
