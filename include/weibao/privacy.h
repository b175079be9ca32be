/*
 * weibao/privacy.h - finding minors' personal data in free text.
 *
 * The Minor Protection Law (arts. 72 and 103) forbids disclosing a
 * minor's name or other identifying details in case material. A privacy
 * scan reads free text (a note column of a ledger, a report, a letter)
 * and reports every place where such data shows, each as a finding
 * (weibao/diagnostic.h) whose message quotes the data masked, never whole:
 *
 *  - privacy-id-number: a resident identity number (GB 11643): 18
 *    characters with the right check character, or an old 15-digit number
 *    (6-digit area, 19YYMMDD, 3 digits) with a date that exists; not part
 *    of a longer run of digits or ASCII/full-width letters (a serial or a
 *    hash is not a number; this holds for every kind below). A warning;
 *    an error when, as of the options' date, its holder is a minor: not
 *    yet 18 周岁, which is reached the day after the 18th birthday (Civil
 *    Code art. 201).
 *    Masked as wb_mask_id_number() does: 110105********002X.
 *  - privacy-phone: a mobile number (1[3-9] and 9 more digits, optionally
 *    grouped 3-4-4 by a space, '-' or U+3000, optionally after +86) or a landline
 *    number with its area code (0 and 2 or 3 digits, an optional '-',
 *    space or U+3000, 7 or 8 digits; written without a separator, 010 and 02x are
 *    taken as 3-digit area codes and the rest as 4-digit ones). Masked:
 *    138****5678, landlines keep the area code and the last 2 digits
 *    (0755-*****67).
 *  - privacy-bank-card: 16 to 19 digits passing the Luhn check, not an
 *    identity number. Masked: only the last 4 digits show.
 *  - privacy-name-case: a Chinese name (a common surname, single or
 *    compound, and 1 or 2 more Han characters) within 20 characters of a
 *    case word (性侵, 被害人 …) on the same line. Masked: the surname
 *    shows, each other character is '*' (张**). Anonymised forms (张某,
 *    张某某) are not names, and a name starts a word (not the 施 of 实施:
 *    it follows a non-Han character, the case word, or a word such as
 *    被害人 or 学生 that introduces a person).
 *  - privacy-pattern: a match of an extra pattern (a rule pack's),
 *    masked whole ('*' for each character), named by its entry in
 *    extra_pattern_names ("学籍号 (school-no) ********") or else by its
 *    number.
 *  - privacy-limit: a search hit PCRE2's match, depth, heap or JIT stack
 *    limit. The text is then searched line by line to find the line it
 *    comes from: the finding is where the search on that line started,
 *    and the scan goes on from the next line. After 10 such findings a
 *    pattern is not applied to the rest of the text. Never a failure,
 *    never a hang.
 *
 * Numbers written in groups are found, checked and masked as the plain
 * ones are: identity numbers 6-8-4 (110101 20150307 123X), 6-4-4-4
 * (110101 2015 0307 123X), 4-4-4-4-2 and old ones 6-6-3; bank cards
 * 4-4-4-4 and 4-4-4-4-1..3, beginning with 3 to 6 (the issuers' codes;
 * 62 is UnionPay) and with one separator throughout; mobiles 3-4-4. The
 * groups are joined by a space, '-' or the full-width space U+3000. An
 * identity number is found whatever is around it; groups of 4 that go
 * on around a card (a digit and a separator before it, or two more
 * groups after it: 1234 5678 9012 3456 7890 1234) are a list of counts,
 * not a card.
 *
 * Digits are ASCII or full-width (０-９, and Ｘ as a check character);
 * masks are written in ASCII. Text is UTF-8 and need not be valid:
 * invalid bytes never match and never stop the scan. It need not be
 * NUL-terminated. Text is searched in pieces of whole lines of up to
 * 64 KiB (a longer line in 64 KiB pieces that overlap by 256 bytes), so a
 * match never spans more than that.
 *
 * Ownership: a scanner belongs to its caller (wb_privacy_scanner_free);
 * it keeps nothing of the options it was made from. Findings and redacted
 * text belong to the caller (wb_diagnostics_free, wb_free).
 * Threading: a scanner is immutable once made (its patterns are compiled
 * and JIT-compiled by wb_privacy_scanner_new); any number of threads may
 * scan with one scanner at once, each call using its own match data.
 */
#ifndef WEIBAO_PRIVACY_H
#define WEIBAO_PRIVACY_H

#include <stddef.h>
#include <stdint.h>
#include <weibao/common.h>
#include <weibao/date.h>
#include <weibao/diagnostic.h>
#include <weibao/errors.h>

WB_BEGIN_DECLS

/** Compiled patterns. Immutable, shareable across threads. */
typedef struct wb_privacy_scanner wb_privacy_scanner;

#define WB_PRIVACY_OPTIONS_VERSION 1

/** Options of a scanner; start from WB_PRIVACY_OPTIONS_INIT. */
typedef struct wb_privacy_options {
    unsigned int version;                /**< WB_PRIVACY_OPTIONS_VERSION */
    wb_date as_of;                       /**< the day "is the holder a minor" is asked on */
    int has_as_of;                       /**< 0: no age rule (every identity number a warning) */
    const char *const *case_words;       /**< NULL-terminated UTF-8 words; NULL: the built-in list (docs/checks.md) */
    const char *const *extra_patterns;   /**< NULL-terminated PCRE2 patterns (UTF-8), each reported as privacy-pattern; NULL: none */
    uint32_t match_limit;                /**< PCRE2 match limit per search; 0: 1,000,000 */
    uint32_t depth_limit;                /**< PCRE2 depth limit (interpreter only); 0: 10,000 */
    /** NULL, or one UTF-8 name per extra pattern (an entry NULL: that
        pattern is called by its number) that its findings show; copied,
        at most 256 bytes of each kept. */
    const char *const *extra_pattern_names;
} wb_privacy_options;

#define WB_PRIVACY_OPTIONS_INIT { WB_PRIVACY_OPTIONS_VERSION, {0}, 0, NULL, NULL, 0, 0, NULL }

/**
 * A new scanner: every pattern compiled once (PCRE2_UTF, PCRE2_UCP,
 * PCRE2_MATCH_INVALID_UTF) and JIT-compiled where PCRE2 can (otherwise
 * the interpreter matches). The options' strings are not kept.
 * @param options  NULL for the defaults
 * @return WB_OK; WB_EREGEX for an extra pattern that does not compile
 *         (err says which, 1-based, and the offset PCRE2 gives; err.column
 *         is that place in code points, 1-based); WB_EINVAL (a bad
 *         options version, case words that are not UTF-8); WB_ENOMEM
 * @since 0.3
 */
WB_API int wb_privacy_scanner_new(wb_privacy_scanner **out, const wb_privacy_options *options,
                                  wb_error *err);

/** Free a scanner. Accepts NULL. @since 0.3 */
WB_API void wb_privacy_scanner_free(wb_privacy_scanner *s);

/**
 * The built-in case words (docs/checks.md, privacy-name-case), the list a
 * scanner uses when its options give none.
 * @return a NULL-terminated list in static storage, never NULL
 * @since 0.3
 */
WB_API const char *const *wb_privacy_default_case_words(void);

/**
 * Every finding in text, in the order of the text: file is name (NULL:
 * "<text>"), line counts from first_line (below 1: 1), column counts code
 * points (an invalid byte counts as one) from 1. The list is the
 * caller's (wb_diagnostics_free), also when empty.
 * @param text  len bytes of UTF-8; NULL only with len 0
 * @return WB_OK (a limit PCRE2 hit is a privacy-limit finding, never a
 *         failure); WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_privacy_scan(wb_diagnostics **out, const wb_privacy_scanner *s, const char *text,
                           size_t len, const char *name, int first_line, wb_error *err);

/**
 * A copy of text with every finding masked as in the findings' messages
 * and every other byte as it was. Where findings overlap (an extra
 * pattern over a number), the later one masks what the earlier left.
 * An extra pattern's match is masked '*' for each character, but line
 * breaks (\n, \r) and the separators of CSV and markup (, tab " ' < >)
 * stay as they are: the copy has the same lines, cells and tags however
 * far a pattern reaches.
 * *out is NUL-terminated and the caller's (wb_free); *out_len (when
 * out_len is not NULL) is its length without the NUL.
 * @return WB_OK; WB_ENOMEM; WB_EINVAL
 * @since 0.3
 */
WB_API int wb_privacy_redact(char **out, size_t *out_len, const wb_privacy_scanner *s,
                             const char *text, size_t len, wb_error *err);

WB_END_DECLS

#endif /* WEIBAO_PRIVACY_H */
