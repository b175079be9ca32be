/*
 * lint.h - what the weibao-lint subcommands share.
 *
 * The tool uses only the public API of libweibao, as any other program
 * would.
 */
#ifndef WB_LINT_H
#define WB_LINT_H

#include <stdio.h>
#include <weibao/weibao.h>

/* Exit statuses, as linters use them. */
enum {
    LINT_EXIT_CLEAN = 0,     /* nothing found */
    LINT_EXIT_FINDINGS = 1,  /* findings at or above --fail-on */
    LINT_EXIT_USAGE = 2      /* bad usage, unreadable input, internal error */
};

typedef enum lint_format {
    LINT_FORMAT_TEXT,
    LINT_FORMAT_JSON,
    LINT_FORMAT_SARIF       /* check only: SARIF 2.1.0 */
} lint_format;

int lint_cmd_rubric(int argc, char **argv);
int lint_cmd_check(int argc, char **argv);
int lint_cmd_calendar(int argc, char **argv);
int lint_cmd_due(int argc, char **argv);
int lint_cmd_rule(int argc, char **argv);
int lint_cmd_ledger(int argc, char **argv);
int lint_cmd_score(int argc, char **argv);
int lint_cmd_redact(int argc, char **argv);

/* "weibao-lint: <message>" on stderr, one line. Returns LINT_EXIT_USAGE. */
int lint_fail(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* A library error as gcc prints one: "file:line:col: error: message [rule]". */
int lint_fail_error(const wb_error *err);

/* prefix and the formatted text on stderr, one line, as lint_fail prints
   it: identity, phone and bank card numbers masked, control characters
   and bytes that are not UTF-8 escaped (lint_put_text). */
void lint_report(const char *prefix, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * Option parsing shared by the subcommands. When argv[*i] is the option
 * `name` (as "--name VALUE" or "--name=VALUE"), store the value, advance
 * *i past it and return 1; return -1 when the value is missing; else 0.
 */
int lint_option_value(int argc, char **argv, int *i, const char *name,
                      const char **value);
int lint_parse_format(const char *value, lint_format *out);
int lint_parse_lang(const char *value, wb_lang *out);
/* text, json, or markdown (*markdown set): the pages generated for docs/. */
int lint_parse_format_or_markdown(const char *value, lint_format *out, int *markdown);

/*
 * One finding on out: "file:line:col: severity: message [rule]" as text,
 * or an object of a JSON array (a comma first when *printed is not 0).
 * numbers (lint_numbers_scanner, made once by the caller) masks the file
 * name and the message; NULL withholds both.
 */
void lint_print_finding(FILE *out, const wb_privacy_scanner *numbers, const wb_diagnostic *d,
                        lint_format format, wb_lang lang, size_t *printed);

/*
 * Write data to path atomically: a temporary file beside it, then a
 * rename, so that readers see the old file or the new, never half (through
 * a link, the file it points to). A FIFO or character device is written in
 * place, never replaced; a folder or other special file is refused. Refuses
 * to write over `input`. Returns 0, or -1 after printing why.
 */
int lint_write_atomically(const char *path, const char *data, size_t len,
                          const char *input);

/* One finding as `check` prints it, whatever made it. */
typedef struct lint_finding {
    const char *file;
    int line, column;           /* 0 when unknown; columns count code points */
    wb_severity severity;
    const char *rule;
    const char *message;
    const char *extra_json;     /* more "key":value pairs for JSON and SARIF, or NULL */
    const char *explanation;    /* lines under the finding (--explain), or NULL */
} lint_finding;

#define LINT_MAX_STATS 256
typedef struct lint_stat {
    char rule[64];
    wb_severity severity;
    size_t count;
} lint_stat;

/* Where `check` sends its findings (findings.c). */
typedef struct lint_sink {
    lint_format format;
    wb_lang lang;
    wb_severity fail_on;
    int quiet;                  /* errors only */
    int statistics;             /* counts per rule instead of the findings */
    int json_object;            /* JSON wrapped in {"findings": [...], ...} (--summary) */
    const char *select, *ignore;    /* comma-separated rule ids; "ledger-" or "privacy*" name prefixes */
    const wb_privacy_scanner *privacy;  /* masks numbers in what is printed; NULL: nothing to mask */
    wb_privacy_scanner *numbers;        /* numbers only (lint_sink_begin makes it, _end frees it) */
    size_t printed;
    int failed;                 /* a finding at or above fail_on was emitted */
    lint_stat stats[LINT_MAX_STATS];
    size_t stat_count;
} lint_sink;

void lint_sink_begin(lint_sink *s, const wb_ruleset *rules);
int lint_sink_selected(const lint_sink *s, const char *rule);
void lint_sink_emit(lint_sink *s, const lint_finding *f);
void lint_sink_emit_diagnostic(lint_sink *s, const wb_diagnostic *d);
void lint_sink_end(lint_sink *s);

/* The calendar a subcommand works on: --calendar, --overlay, --project. */
#define LINT_MAX_OVERLAYS 8
typedef struct lint_calendar_opts {
    const char *path;                           /* NULL: the built-in edition */
    const char *overlays[LINT_MAX_OVERLAYS];
    int noverlays;
    int project;                                /* 0, or project through this year */
} lint_calendar_opts;

/* Take one of the calendar options at argv[*i]: 1 taken, 0 not one, -1 bad (printed). */
int lint_calendar_option(int argc, char **argv, int *i, lint_calendar_opts *o, const char *cmd);
/* Open the calendar the options name; 0, or -1 after printing why. */
int lint_open_calendar(wb_calendar **cal, const lint_calendar_opts *o);

/* The rule set: the built-in table or `table`, with `pack` applied when
   not NULL. 0, or -1 after printing why. */
int lint_open_rules(wb_ruleset **rules, const char *table, const char *pack);

/* The privacy scanner for a rule set (its pack's patterns and case
   words) as of a date. 0, or -1 after printing why. */
int lint_open_privacy(wb_privacy_scanner **scanner, const wb_ruleset *rules, wb_date as_of);

/* Today in local time: the default --as-of. */
wb_date lint_today(void);

/* The whole of a stream (named `name` in messages), NUL-terminated (len
   without the NUL), at most WB_FILE_MAX_BYTES; 0, or -1 after printing
   why (cmd: the subcommand). *data is freed with free(). */
int lint_read_all(FILE *f, const char *name, const char *cmd, char **data, size_t *len);

/* The whole of an input named on the command line: "-" for standard
   input, else a regular file (weibao/fileio.h), as lint_read_all(). */
int lint_read_input(const char *path, const char *cmd, char **data, size_t *len);

/* 1 when a and b are the same existing file (by device and inode). */
int lint_same_file(const char *a, const char *b);

/* Output helpers. */
/* s as a JSON string: a byte that is not UTF-8 becomes the text \xFF (its
   value in hex), so that the JSON stays valid. */
void lint_json_string(FILE *out, const char *s);
/* s on one line of text: \n, \r, \t, and \xHH for any other control
   character or a byte that is not UTF-8; the rest as it is. */
void lint_put_text(FILE *out, const char *s);
/* A scanner for identity, phone and bank card numbers only (no case
   words, no pack patterns): what the tool masks in text it did not
   write. NULL when memory ran out. */
wb_privacy_scanner *lint_numbers_scanner(void);
/* text masked by s (wb_privacy_redact): *shown is the masked copy, which
   is returned for wb_free; text itself when s or text is NULL (and NULL
   returned); lint_withheld when it could not be masked. */
char *lint_masked(const wb_privacy_scanner *s, const char *text, const char **shown);
extern const char lint_withheld[];
/* Print at most max code points of s, then "…" when it was longer. */
void lint_print_prefix(FILE *out, const char *s, size_t max);
/* Print s in exactly `width` terminal columns: CJK characters count two,
   a longer text ends in "…", a shorter one is padded with spaces. */
void lint_print_padded(FILE *out, const char *s, int width);
/* Write pending output; report a failed write (a closed pipe, a full disk)
   as "cannot write the output: <reason>" and return LINT_EXIT_USAGE, else
   status. main() calls it after every command; a command may call it
   first, and a failure is reported once. */
int lint_finish(int status);

#endif
