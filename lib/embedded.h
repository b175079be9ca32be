/*
 * embedded.h - data files compiled into the library.
 *
 * Generated at build time from data/ by lib/embed.cmake, so that the XML
 * in data/ stays the one source of truth. Each array ends with a NUL that
 * the length does not count.
 */
#ifndef WB_EMBEDDED_H
#define WB_EMBEDDED_H

#include <stddef.h>

extern const unsigned char wb__embedded_rubric_xml[];
extern const size_t wb__embedded_rubric_xml_len;
extern const unsigned char wb__embedded_rubric_xsd[];
extern const size_t wb__embedded_rubric_xsd_len;
extern const unsigned char wb__embedded_calendar_xml[];
extern const size_t wb__embedded_calendar_xml_len;
extern const unsigned char wb__embedded_calendar_xsd[];
extern const size_t wb__embedded_calendar_xsd_len;
extern const unsigned char wb__embedded_projection_xml[];
extern const size_t wb__embedded_projection_xml_len;
extern const unsigned char wb__embedded_rules_xml[];
extern const size_t wb__embedded_rules_xml_len;
extern const unsigned char wb__embedded_rules_xsd[];
extern const size_t wb__embedded_rules_xsd_len;
extern const unsigned char wb__embedded_ledger_xsd[];
extern const size_t wb__embedded_ledger_xsd_len;
extern const unsigned char wb__embedded_dossier_xsd[];
extern const size_t wb__embedded_dossier_xsd_len;

#endif
