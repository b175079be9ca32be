/*
 * check.c - recognise a document's kind from its root element and check
 * it as that kind.
 *
 * The document is parsed once; its root names the kind, whose reader then
 * validates and builds the same tree.
 */
#include "weibao/check.h"

#include <stdlib.h>
#include <string.h>

#include "diagnostic_internal.h"
#include "document.h"
#include "errors_internal.h"
#include "weibao/fileio.h"
#include "xml.h"

static const struct {
    const char *ns;
    const char *root;
    wb_document_kind kind;
} kinds[] = {
    { "urn:weibao:rubric:1", "rubric", WB_DOCUMENT_RUBRIC },
    { "urn:weibao:calendar:1", "calendar", WB_DOCUMENT_CALENDAR },
    { "urn:weibao:calendar:1", "overlay", WB_DOCUMENT_CALENDAR_OVERLAY },
    { "urn:weibao:calendar:1", "projection", WB_DOCUMENT_CALENDAR_PROJECTION },
    { "urn:weibao:rules:1", "rules", WB_DOCUMENT_RULES },
    { "urn:weibao:rules:1", "rule-pack", WB_DOCUMENT_RULE_PACK },
    { "urn:weibao:dossier:1", "dossier", WB_DOCUMENT_DOSSIER },
};

const char *wb_document_kind_name(wb_document_kind kind)
{
    switch (kind) {
    case WB_DOCUMENT_RUBRIC:   return "rubric";
    case WB_DOCUMENT_CALENDAR: return "calendar";
    case WB_DOCUMENT_CALENDAR_OVERLAY: return "calendar-overlay";
    case WB_DOCUMENT_CALENDAR_PROJECTION: return "calendar-projection";
    case WB_DOCUMENT_RULES:    return "rules";
    case WB_DOCUMENT_RULE_PACK: return "rule-pack";
    case WB_DOCUMENT_DOSSIER:  return "dossier";
    default:                   return "unknown";
    }
}

int wb_check_buffer(wb_diagnostics **out, wb_document_kind *kind,
                    const char *data, size_t len, const char *name,
                    wb_error *err)
{
    if (kind != NULL)
        *kind = WB_DOCUMENT_UNKNOWN;
    if (out == NULL)
        return wb__error_arg(err, "wb_check_buffer", "out");
    *out = NULL;
    if (data == NULL)
        return wb__error_arg(err, "wb_check_buffer", "data");
    if (name == NULL)
        name = "<buffer>";

    wb_diagnostics *probe = wb__diagnostics_new();
    if (probe == NULL)
        return wb__error_set(err, WB_ENOMEM, name, 0, 0, NULL, "out of memory");
    wb__xml_doc doc;
    int rc = wb__xml_parse(&doc, data, len, name, probe);
    if (rc == WB_EPARSE) {          /* not XML: its findings are the answer */
        wb__xml_dispose(&doc);
        *out = probe;
        return WB_OK;
    }
    if (rc != WB_OK) {
        wb__xml_dispose(&doc);
        wb_diagnostics_free(probe);
        return wb__error_set(err, rc, name, 0, 0, NULL, "cannot check '%s': %s",
                             name, wb_strerror(rc));
    }

    const xmlNode *root = xmlDocGetRootElement(doc.doc);
    const char *ns = root != NULL && root->ns != NULL ? (const char *)root->ns->href : "";
    const char *local = root != NULL ? (const char *)root->name : "";
    wb_document_kind found = WB_DOCUMENT_UNKNOWN;
    for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strcmp(ns, kinds[i].ns) == 0 && strcmp(local, kinds[i].root) == 0)
            found = kinds[i].kind;
    if (kind != NULL)
        *kind = found;

    if (found == WB_DOCUMENT_UNKNOWN) {
        int line, col;
        wb__xml_position(&doc, root, &line, &col);
        rc = wb__diagnostics_add(probe, WB_CHECK_DOCUMENT_KIND, name, line, col,
                                 "root element '%s' in namespace '%s' is not a document libweibao reads (rubric, calendar, overlay, projection, rules, rule-pack, dossier, or a ledger)",
                                 "根元素“%s”(命名空间“%s”)不是 libweibao 可读的文档(考核细则、日历、叠加日历、预测数据、规则表、规则包、自评材料或台账)",
                                 local, ns);
        wb__xml_dispose(&doc);
        if (rc != WB_OK) {
            wb_diagnostics_free(probe);
            return wb__error_set(err, rc, name, 0, 0, NULL, "out of memory");
        }
        *out = probe;
        return WB_OK;
    }
    /* The document is parsed already: hand it to its kind's reader. */
    switch (found) {
    case WB_DOCUMENT_RUBRIC:    rc = wb__rubric_read(NULL, probe, &doc, NULL); break;
    case WB_DOCUMENT_RULES:     rc = wb__rules_read(NULL, probe, &doc, NULL); break;
    /* A pack is checked against the built-in rule table. */
    case WB_DOCUMENT_RULE_PACK: rc = wb__rule_pack_read(NULL, probe, &doc, NULL); break;
    case WB_DOCUMENT_DOSSIER:   rc = wb__dossier_read(NULL, probe, &doc, NULL); break;
    default:                    rc = wb__calendar_read(NULL, probe, &doc, NULL); break;
    }
    wb__xml_dispose(&doc);
    if (rc == WB_ENOMEM || rc == WB_ERROR) {
        wb_diagnostics_free(probe);
        return wb__error_set(err, rc, name, 0, 0, NULL, "cannot check '%s': %s",
                             name, wb_strerror(rc));
    }
    *out = probe;
    return WB_OK;
}

int wb_check_file(wb_diagnostics **out, wb_document_kind *kind, const char *path,
                  wb_error *err)
{
    if (kind != NULL)
        *kind = WB_DOCUMENT_UNKNOWN;
    if (out == NULL)
        return wb__error_arg(err, "wb_check_file", "out");
    *out = NULL;
    if (path == NULL)
        return wb__error_arg(err, "wb_check_file", "path");
    char *data;
    size_t len;
    int rc = wb_file_read(&data, &len, path, 0, err);
    if (rc != WB_OK)
        return rc;
    rc = wb_check_buffer(out, kind, data, len, path, err);
    free(data);
    return rc;
}
