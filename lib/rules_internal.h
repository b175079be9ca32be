/*
 * rules_internal.h - the rule set as the evaluator sees it.
 */
#ifndef WB_RULES_INTERNAL_H
#define WB_RULES_INTERNAL_H

#include "weibao/rules.h"
#include "arena.h"

struct wb__evaluator;

struct wb_param {
    const char *name;
    wb_param_unit unit;
    int32_t value, def, min, max;
    wb_param_source source;
    const char *set_by;         /* the pack's name, or NULL */
    const char *summary[2];     /* indexed by wb_lang */
};

struct wb_rule {
    const char *id;
    const char *ledger;
    wb_severity severity;
    const char *title[2], *reading[2];
    const char *basis;
    const char **standards;
    size_t standard_count;
    wb_param *params;
    size_t param_count;
    const struct wb__evaluator *evaluator;
    int line;                   /* where the rule is declared, for packs */
};

/* A privacy pattern a pack adds; compiled when the pack was applied. */
struct wb_privacy_pattern {
    const char *id, *title, *text;
    const char *name;           /* "title (id)", what findings show */
    const char *set_by;         /* the pack's name */
};

struct wb_ruleset {
    wb__arena arena;
    const char *edition;
    const char *pack;
    wb_rule *rules;
    size_t rule_count;
    wb_privacy_pattern *patterns;
    size_t pattern_count;
    /* The case words in force: NULL-terminated, or NULL for the built-in
       list when no pack has changed it. */
    const char **case_words;
    size_t case_word_count;
    const char *case_words_set_by;   /* the pack that changed them last */
};

/* A parameter's value in force; the rule set's loader has checked it exists. */
int32_t wb__rule_param(const wb_rule *rule, const char *name);

#endif
