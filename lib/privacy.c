/*
 * privacy.c - minors' personal data in free text, found with PCRE2.
 *
 * A scanner holds compiled patterns: one for numbers (identity, phone and
 * bank card numbers, told apart here in C), one for the case words, one
 * for names (searched only near a case word), and one per extra pattern.
 * A scan runs each pattern over the text in pieces of whole lines, so
 * that PCRE2's match limit, which counts over a whole pcre2_match call,
 * bounds the work of one piece and never trips on a long text; collects
 * the hits; sorts them by place; and turns them into findings or a
 * redacted copy. Every PCRE2 allocation goes through malloc and free, so
 * that a failed one is WB_ENOMEM like any other.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "weibao/privacy.h"
#include "weibao/ledger.h"
#include "diagnostic_internal.h"
#include "errors_internal.h"
#include "privacy_cells.h"
#include "privacy_internal.h"
#include "strbuf.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_MATCH_LIMIT 1000000u
#define DEFAULT_DEPTH_LIMIT 10000u
#define HEAP_LIMIT_KIB 16384u       /* the interpreter's backtracking memory */
#define PIECE_BYTES 65536u          /* whole lines searched at once */
#define PIECE_OVERLAP 256u          /* a cut line's pieces overlap by this */
#define NAME_REACH 20u              /* code points between a name and a case word */
#define MAX_NAME_CHARS 3u           /* the longest part of a name a window may cut */
#define MAX_LIMIT_HITS 10u          /* limit findings before a pattern is dropped */
#define SHOWN_STARS 32u             /* stars a message shows for a pattern's match */
#define MAX_NAME_BYTES 256u         /* of an extra pattern's name, kept for messages */
#define UNNAMED "<text>"

/* ------------------------------------------------------------ patterns */

/* ASCII or full-width digits; an ASCII or full-width X as check character. */
#define D "[0-9０-９]"
#define X "[XxＸｘ]"

/* A number is not part of a longer run of digits or letters: serials,
   hashes and codes (A6222..., a SHA-256 in hex) are not personal data. */
#define ALNUM "[0-9０-９A-Za-zＡ-Ｚａ-ｚ]"

/* What people put between the groups of a number: a space, a hyphen, or
   the full-width space (U+3000) of Chinese input methods. */
#define SEP "(?:[- ]|\\x{3000})"

/*
 * A number written in groups, as forms and exports print them: identity
 * numbers 6-8-4 (110101 20150307 123X), 6-4-4-4 (110101 2015 0307 123X)
 * and 4-4-4-4-2, old ones 6-6-3; bank cards 4-4-4-4 and 4-4-4-4-1..3.
 * An identity number's check character and date are proof enough, so it
 * is found whatever is around it. A card has only Luhn (one in ten
 * lists of digits passes), so groups of 4 that go on around it are a
 * list of counts, not a card (1234 5678 9012 3456 7890 1234): a digit and
 * a separator before it, or two more groups after it.
 */
#define GROUPED_ID \
    "(?:" D "{6}" SEP D "{8}" SEP D "{3}(?:" D "|" X ")" \
    "|" D "{6}" SEP D "{4}" SEP D "{4}" SEP D "{3}(?:" D "|" X ")" \
    "|" D "{4}(?:" SEP D "{4}){3}" SEP D "(?:" D "|" X ")" \
    "|" D "{6}" SEP D "{6}" SEP D "{3})"
#define GROUPED_CARD \
    "(?<![0-9０-９]" SEP ")" \
    D "{4}(?:" SEP D "{4}){3}(?:" SEP D "{1,3})?" \
    "(?!" SEP D "+" SEP "[0-9０-９])"

/* Candidates for the numbers; which kind each is, is decided in C. */
static const char numbers_pattern[] =
    "(?<!" ALNUM ")"
    "(?:" GROUPED_ID "|" GROUPED_CARD
    "|(?:\\+86[- ]?)?"
    "(?:" D "{17}" X
    "|" D "{10,19}(?!" X ")"
    "|1" D "{2}" SEP "?" D "{4}" SEP "?" D "{4}"
    "|0" D "{2,3}" SEP D "{7,8}))"
    "(?!" ALNUM ")";

/*
 * The built-in case words: the Minor Protection Law's vocabulary of harm
 * to minors (虐待, 遗弃, 家庭暴力 of art. 17; 欺凌 of art. 39; 性侵害 and
 * 性骚扰 of art. 40; 拐卖, 绑架 of art. 54), of the case material art. 103
 * protects and of judicial protection (chapter 7: 被害人, 犯罪嫌疑人,
 * 被告人, 未成年犯, 社区矫正, 监护侵害); with the short forms case notes
 * use (性侵, 家暴, 霸凌) and the self-harm and drug words of case notes.
 */
static const char *const builtin_case_words[] = {
    "性侵", "性侵害", "强奸", "猥亵", "性骚扰", "虐待", "遗弃", "拐卖", "拐骗",
    "绑架", "欺凌", "霸凌", "家暴", "家庭暴力", "监护侵害", "自杀", "自残",
    "涉案", "被害人", "受害人", "犯罪嫌疑人", "被告人", "未成年犯", "罪犯",
    "服刑", "社区矫正", "吸毒", NULL
};

/*
 * Surnames: the common compound ones (tried first), then 117 of
 * the most common single ones, leaving out those that more often begin
 * an everyday word of case notes than a name (高 高度, 方 方面, 文 文件,
 * 任 任何, 何 如何, 成 成年, 司 司法, 关 关于, 安 安全, 程 程序, 于, 万,
 * 向, 常, 全, 时, 金, 齐, 易, 明, 和).
 */
static const char compound_surnames[] =
    "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|夏侯|轩辕|"
    "令狐|钟离|独孤|南宫|西门|端木|百里|呼延|澹台|公冶|太史|申屠|闻人|赫连|濮阳";
static const char single_surnames[] =
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
    "蒋蔡余杜叶苏魏吕丁沈姚卢姜崔钟谭陆汪范石廖贾夏韦付白邹孟熊秦邱江尹薛闫"
    "段雷侯龙史黎贺顾毛郝龚邵钱覃武戴孔汤庞樊兰殷施陶洪翟颜倪严牛温芦季俞章"
    "鲁葛伍申尤毕聂柴焦柳邢岳";
/* Characters that end a name: function words, and 某 of anonymised names
   (张某, 王某某). */
static const char name_stops[] =
    "的了在被遭因对与和是把将向从等称说及或其已曾于给让某系为也都就还又并但"
    "而到由以之这那无不受涉经后前";

/* Which pattern a hit or a limit comes from. */
enum {
    PAT_NUMBERS = 0,
    PAT_CASE_WORDS = 1,
    PAT_NAMES = 2,
    PAT_EXTRA = 3   /* extra pattern i is PAT_EXTRA + i */
};

struct wb_privacy_scanner {
    pcre2_general_context *gctx;
    pcre2_match_context *mctx;
    pcre2_code *numbers;
    pcre2_code *case_words;   /* NULL when there are no case words */
    pcre2_code *names;        /* NULL with case_words */
    pcre2_code **extra;
    char **extra_names;       /* NULL, or per extra pattern its name or NULL */
    size_t extra_count;
    unsigned char *first_chars;   /* a bit per BMP code point that begins a case word;
                                     NULL: search every text (or there are no words) */
    wb_date as_of;
    int has_as_of;
    uint32_t match_limit, depth_limit;
};

/* PCRE2's memory, through the allocator every other allocation uses. */
static void *pcre_malloc(size_t size, void *data)
{
    (void)data;
    return malloc(size);
}

static void pcre_free(void *ptr, void *data)
{
    (void)data;
    free(ptr);
}

static int is_cont(unsigned char c)
{
    return (c & 0xC0u) == 0x80u;
}

/* The bytes of the character at text[pos] (before end): a well-formed
   UTF-8 sequence, or 1 for a byte that does not start one. */
static size_t char_length(const char *text, size_t pos, size_t end)
{
    const unsigned char *p = (const unsigned char *)text + pos;
    size_t room = end - pos;
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    size_t n;
    unsigned char lo = 0x80, hi = 0xBF;   /* the second byte's range */
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        return 1;
    }
    if (room < n || p[1] < lo || p[1] > hi)
        return 1;
    for (size_t k = 2; k < n; k++)
        if (!is_cont(p[k]))
            return 1;
    return n;
}

/* Code points in [from, to): each well-formed character one, and each
   byte that is not part of one also one. */
static size_t code_points(const char *text, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; n++)
        i += (unsigned char)text[i] < 0x80 ? 1 : char_length(text, i, to);
    return n;
}

/* PCRE2's message for an error code. */
static void pcre_message(char *buf, size_t size, int code)
{
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, size) < 0 && size > 0)
        snprintf(buf, size, "PCRE2 error %d", code);
}

/* Every pattern is compiled so, extra ones and a rule pack's alike. */
#define COMPILE_OPTIONS \
    (PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C)

/* Compile one pattern. NULL with *code and *offset set on failure. */
static pcre2_code *compile(const char *pattern, size_t length, pcre2_compile_context *cctx,
                           int *code, size_t *offset)
{
    PCRE2_SIZE where = 0;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, length, COMPILE_OPTIONS,
                                   code, &where, cctx);
    *offset = where;
    if (re != NULL)
        /* Where JIT is unavailable, or fails (even for want of memory),
           the interpreter matches the same. */
        (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

/* A compile failure of a built-in pattern: memory, or a bug. */
static int builtin_failed(wb_error *err, int code, const char *what)
{
    if (code == PCRE2_ERROR_HEAP_FAILED)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL,
                             "out of memory compiling the %s pattern", what);
    char msg[256];
    pcre_message(msg, sizeof(msg), code);
    return wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                         "the %s pattern does not compile: %s", what, msg);
}

static int longer_first(const void *pa, const void *pb)
{
    const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
    size_t la = strlen(a), lb = strlen(b);
    if (la != lb)
        return la > lb ? -1 : 1;
    return strcmp(a, b);
}

/* Append a word to a pattern as a literal. */
static void put_literal(wb__strbuf *b, const char *word)
{
    for (const unsigned char *p = (const unsigned char *)word; *p != '\0'; p++) {
        int alnum = (*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= 'a' && *p <= 'z');
        if (*p < 0x80 && !alnum)
            wb__strbuf_put(b, "\\%c", (char)*p);
        else
            wb__strbuf_put(b, "%c", (char)*p);
    }
}

/* Append the first character of a word to a character class, as \x{…}
   (bytes that do not start a character as themselves: the pattern then
   does not compile, and says so). */
static void put_first_char(wb__strbuf *b, const char *word)
{
    const unsigned char *p = (const unsigned char *)word;
    size_t n = char_length(word, 0, strlen(word));
    uint32_t cp = p[0];
    if (n == 1 && cp >= 0x80) {
        wb__strbuf_put(b, "%c", (char)cp);
        return;
    }
    if (n > 1) {
        cp &= 0xFFu >> (n + 1);
        for (size_t k = 1; k < n; k++)
            cp = cp << 6 | (p[k] & 0x3Fu);
    }
    wb__strbuf_put(b, "\\x{%x}", (unsigned)cp);
}

/* The case-word and name patterns, or none for an empty list. */
static int compile_case_words(wb_privacy_scanner *s, const char *const *words,
                              pcre2_compile_context *cctx, wb_error *err)
{
    if (words == NULL)
        words = builtin_case_words;
    size_t n = 0;
    while (words[n] != NULL)
        n++;
    const char **sorted = malloc((n + 1) * sizeof(*sorted));
    if (sorted == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    size_t kept = 0;
    for (size_t i = 0; i < n; i++)
        if (words[i][0] != '\0')
            sorted[kept++] = words[i];
    if (kept == 0) {
        free(sorted);
        return WB_OK;
    }
    /* Longest first, so that 性侵害 wins over 性侵 at the same place. */
    qsort(sorted, kept, sizeof(*sorted), longer_first);

    wb__strbuf alt = { 0 }, first = { 0 };
    for (size_t i = 0; i < kept; i++) {
        if (i > 0)
            wb__strbuf_put(&alt, "|");
        put_literal(&alt, sorted[i]);
        put_first_char(&first, sorted[i]);
    }
    free(sorted);
    char *words_alt = wb__strbuf_finish(&alt);
    char *firsts = wb__strbuf_finish(&first);
    /* The case words behind a class of their first characters: JIT tests
       the class at each place faster than it tries every word. */
    char *search_pattern = NULL;
    if (firsts != NULL && words_alt != NULL) {
        wb__strbuf search = { 0 };
        wb__strbuf_put(&search, "(?=[%s])(?:%s)", firsts, words_alt);
        search_pattern = wb__strbuf_finish(&search);
    }
    free(firsts);
    if (words_alt == NULL || search_pattern == NULL) {
        free(words_alt);
        free(search_pattern);
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    }

    /* \p{sc:Han}, not \p{Han}: PCRE2 matches \p{Han} by script
       extensions, which take in CJK punctuation (。、「」). */
    wb__strbuf names = { 0 };
    wb__strbuf_put(&names, "(%s|[%s])(?:(?![%s]|%s)\\p{sc:Han}){1,2}", compound_surnames,
                   single_surnames, name_stops, words_alt);
    char *names_pattern = wb__strbuf_finish(&names);
    if (names_pattern == NULL) {
        free(words_alt);
        free(search_pattern);
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    }

    int code = 0, rc = WB_OK;
    size_t offset = 0;
    s->case_words = compile(search_pattern, strlen(search_pattern), cctx, &code, &offset);
    if (s->case_words != NULL)
        s->names = compile(names_pattern, strlen(names_pattern), cctx, &code, &offset);
    if (s->case_words == NULL || s->names == NULL) {
        if (code == PCRE2_ERROR_HEAP_FAILED) {
            rc = wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
        } else {
            char msg[256];
            pcre_message(msg, sizeof(msg), code);
            rc = wb__error_set(err, WB_EINVAL, NULL, 0, 0, NULL,
                               "wb_privacy_scanner_new: the case words do not make a "
                               "pattern (are they UTF-8?): %s", msg);
        }
    }
    free(names_pattern);
    free(search_pattern);
    free(words_alt);
    return rc;
}

/* A copy of a pattern's name for messages: at most MAX_NAME_BYTES, cut
   before a character, never inside one. */
static char *copy_name(const char *name)
{
    size_t n = strlen(name);
    if (n > MAX_NAME_BYTES) {
        n = MAX_NAME_BYTES;
        while (n > 0 && is_cont((unsigned char)name[n]))
            n--;
    }
    char *c = malloc(n + 1);
    if (c != NULL) {
        memcpy(c, name, n);
        c[n] = '\0';
    }
    return c;
}

static int compile_extra(wb_privacy_scanner *s, const char *const *patterns,
                         const char *const *names, pcre2_compile_context *cctx, wb_error *err)
{
    size_t n = 0;
    while (patterns != NULL && patterns[n] != NULL)
        n++;
    if (n == 0)
        return WB_OK;
    s->extra = calloc(n, sizeof(*s->extra));
    if (s->extra == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    s->extra_count = n;
    if (names != NULL) {
        s->extra_names = calloc(n, sizeof(*s->extra_names));
        if (s->extra_names == NULL)
            return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
        for (size_t i = 0; i < n; i++) {
            if (names[i] == NULL)
                continue;
            s->extra_names[i] = copy_name(names[i]);
            if (s->extra_names[i] == NULL)
                return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
        }
    }
    for (size_t i = 0; i < n; i++) {
        int code = 0;
        size_t offset = 0;
        size_t length = strlen(patterns[i]);
        s->extra[i] = compile(patterns[i], length, cctx, &code, &offset);
        if (s->extra[i] != NULL)
            continue;
        if (code == PCRE2_ERROR_HEAP_FAILED)
            return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
        char msg[256];
        pcre_message(msg, sizeof(msg), code);
        if (offset > length)
            offset = length;
        size_t column = code_points(patterns[i], 0, offset) + 1;
        return wb__error_set(err, WB_EREGEX, NULL, 0,
                             column > INT_MAX ? 0 : (int)column, NULL,
                             "extra pattern %zu ('%s') does not compile at offset %zu: %s",
                             i + 1, patterns[i], offset, msg);
    }
    return WB_OK;
}

/* The code point of the character at text[pos] (before end), or -1 for a
   byte that does not start a well-formed one. */
static long code_point_at(const char *text, size_t pos, size_t end)
{
    const unsigned char *p = (const unsigned char *)text + pos;
    size_t n = char_length(text, pos, end);
    if (n == 1)
        return p[0] < 0x80 ? p[0] : -1;
    long cp = p[0] & (0xFF >> (n + 1));
    for (size_t k = 1; k < n; k++)
        cp = cp << 6 | (p[k] & 0x3F);
    return cp;
}

/*
 * The first characters of the case words, so that a text without any of
 * them (most cells of a ledger) skips the case-word search: a match
 * starts with one. A word that begins outside the BMP turns this off.
 */
static int note_first_chars(wb_privacy_scanner *s, const char *const *words, wb_error *err)
{
    if (words == NULL)
        words = builtin_case_words;
    for (size_t i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0' && (code_point_at(words[i], 0, strlen(words[i])) < 0 ||
                                     code_point_at(words[i], 0, strlen(words[i])) > 0xFFFF))
            return WB_OK;
    s->first_chars = calloc(0x10000 / 8, 1);
    if (s->first_chars == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    for (size_t i = 0; words[i] != NULL; i++)
        if (words[i][0] != '\0') {
            long cp = code_point_at(words[i], 0, strlen(words[i]));
            s->first_chars[cp >> 3] |= (unsigned char)(1u << (cp & 7));
        }
    return WB_OK;
}

int wb_privacy_scanner_new(wb_privacy_scanner **out, const wb_privacy_options *options,
                           wb_error *err)
{
    static const char fn[] = "wb_privacy_scanner_new";
    if (out == NULL)
        return wb__error_arg(err, fn, "out");
    *out = NULL;
    const wb_privacy_options defaults = WB_PRIVACY_OPTIONS_INIT;
    if (options == NULL)
        options = &defaults;
    if (options->version != WB_PRIVACY_OPTIONS_VERSION)
        return wb__error_arg(err, fn, "options->version");
    if (options->has_as_of && !wb_date_is_valid(options->as_of))
        return wb__error_arg(err, fn, "options->as_of");

    wb_privacy_scanner *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    s->has_as_of = options->has_as_of != 0;
    s->as_of = options->as_of;
    s->match_limit = options->match_limit != 0 ? options->match_limit : DEFAULT_MATCH_LIMIT;
    s->depth_limit = options->depth_limit != 0 ? options->depth_limit : DEFAULT_DEPTH_LIMIT;

    int rc = WB_OK;
    pcre2_compile_context *cctx = NULL;
    s->gctx = pcre2_general_context_create(pcre_malloc, pcre_free, NULL);
    if (s->gctx != NULL)
        cctx = pcre2_compile_context_create(s->gctx);
    if (cctx != NULL)
        s->mctx = pcre2_match_context_create(s->gctx);
    if (s->mctx == NULL) {
        rc = wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    } else {
        pcre2_set_match_limit(s->mctx, s->match_limit);
        pcre2_set_depth_limit(s->mctx, s->depth_limit);
        /* JIT ignores the depth limit and the heap limit; the match
           limit and its own stack bound it. */
        pcre2_set_heap_limit(s->mctx, HEAP_LIMIT_KIB);
        int code = 0;
        size_t offset = 0;
        s->numbers = compile(numbers_pattern, sizeof(numbers_pattern) - 1, cctx, &code, &offset);
        if (s->numbers == NULL)
            rc = builtin_failed(err, code, "number");
    }
    if (rc == WB_OK)
        rc = compile_case_words(s, options->case_words, cctx, err);
    if (rc == WB_OK && s->case_words != NULL)
        rc = note_first_chars(s, options->case_words, err);
    if (rc == WB_OK)
        rc = compile_extra(s, options->extra_patterns, options->extra_pattern_names, cctx,
                           err);
    pcre2_compile_context_free(cctx);
    if (rc != WB_OK) {
        wb_privacy_scanner_free(s);
        return rc;
    }
    *out = s;
    return WB_OK;
}

void wb_privacy_scanner_free(wb_privacy_scanner *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->extra_count; i++) {
        pcre2_code_free(s->extra[i]);
        if (s->extra_names != NULL)
            free(s->extra_names[i]);
    }
    free(s->extra_names);
    free(s->extra);
    free(s->first_chars);
    pcre2_code_free(s->names);
    pcre2_code_free(s->case_words);
    pcre2_code_free(s->numbers);
    pcre2_match_context_free(s->mctx);
    pcre2_general_context_free(s->gctx);
    free(s);
}

const char *const *wb_privacy_default_case_words(void)
{
    return builtin_case_words;
}

int wb__privacy_pattern_check(const char *pattern, size_t len, wb__pattern_problem *problem,
                              size_t *offset, char *message, size_t message_size)
{
    *problem = WB__PATTERN_OK;
    *offset = 0;
    if (message_size > 0)
        message[0] = '\0';
    if (len == 0) {
        *problem = WB__PATTERN_EMPTY;
        return WB_OK;
    }
    /* No JIT: the pattern is matched once, against "". */
    int rc = WB_ENOMEM;
    pcre2_general_context *gctx = pcre2_general_context_create(pcre_malloc, pcre_free, NULL);
    pcre2_compile_context *cctx = gctx != NULL ? pcre2_compile_context_create(gctx) : NULL;
    pcre2_match_context *mctx = cctx != NULL ? pcre2_match_context_create(gctx) : NULL;
    pcre2_code *re = NULL;
    pcre2_match_data *md = NULL;
    if (mctx != NULL) {
        int code = 0;
        PCRE2_SIZE where = 0;
        re = pcre2_compile((PCRE2_SPTR)pattern, len, COMPILE_OPTIONS, &code, &where, cctx);
        if (re == NULL && code != PCRE2_ERROR_HEAP_FAILED) {
            *problem = WB__PATTERN_BAD;
            *offset = where < len ? where : len;
            pcre_message(message, message_size, code);
            rc = WB_OK;
        }
    }
    if (re != NULL)
        md = pcre2_match_data_create(1, gctx);
    if (md != NULL) {
        pcre2_set_match_limit(mctx, DEFAULT_MATCH_LIMIT);
        pcre2_set_depth_limit(mctx, DEFAULT_DEPTH_LIMIT);
        pcre2_set_heap_limit(mctx, HEAP_LIMIT_KIB);
        int m = pcre2_match(re, (PCRE2_SPTR) "", 0, 0, 0, md, mctx);
        /* Another failure (a limit on "") is no reason to refuse it: the
           scan reports limits where they happen. */
        if (m != PCRE2_ERROR_NOMEMORY)
            rc = WB_OK;
        if (m >= 0)
            *problem = WB__PATTERN_MATCHES_EMPTY;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    pcre2_match_context_free(mctx);
    pcre2_compile_context_free(cctx);
    pcre2_general_context_free(gctx);
    return rc;
}

/* ---------------------------------------------------------------- hits */

enum kind { K_ID, K_PHONE, K_CARD, K_NAME, K_PATTERN, K_LIMIT };
enum number_kind { N_NONE, N_ID18, N_ID15, N_MOBILE, N_LANDLINE, N_CARD };

typedef struct hit {
    size_t start, end;          /* bytes of the text; a limit: start == end */
    size_t split;               /* a name: where its surname ends */
    size_t word_start, word_end;   /* a name: its case word */
    size_t seq;                 /* the order found, for a stable sort */
    uint32_t pattern;           /* PAT_*: a limit's or an extra pattern's */
    int code;                   /* a limit: PCRE2's error code */
    unsigned char kind;         /* enum kind */
    unsigned char sub;          /* enum number_kind */
    unsigned char minor;        /* an identity number: a minor on as_of */
    unsigned char last;         /* a limit: the pattern is dropped after it */
} hit;

typedef struct scan {
    const wb_privacy_scanner *s;
    const char *text;
    size_t len;
    pcre2_match_data *md;
    hit *hits;
    size_t count, cap;
    unsigned names_limits;
} scan;

static hit *add_hit(scan *sc, unsigned char kind, size_t start, size_t end)
{
    if (sc->count == sc->cap) {
        size_t cap = sc->cap ? sc->cap * 2 : 64;
        hit *bigger = realloc(sc->hits, cap * sizeof(*bigger));
        if (bigger == NULL)
            return NULL;
        sc->hits = bigger;
        sc->cap = cap;
    }
    hit *h = &sc->hits[sc->count];
    memset(h, 0, sizeof(*h));
    h->kind = kind;
    h->start = start;
    h->end = end;
    h->seq = sc->count++;
    return h;
}

static int add_limit(scan *sc, size_t at, uint32_t pattern, int code, int last)
{
    hit *h = add_hit(sc, K_LIMIT, at, at);
    if (h == NULL)
        return WB_ENOMEM;
    h->pattern = pattern;
    h->code = code;
    h->last = (unsigned char)(last != 0);
    return WB_OK;
}

/* ---------------------------------------------------------- searching */

enum { FOUND = 1, LIMIT = 2 };

static int is_limit(int rc)
{
    return rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
           rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT;
}

/* One search of text[0, subject_end) from `from`: FOUND with the match,
   0 for none, LIMIT with PCRE2's code, or a failure status. */
static int search(scan *sc, const pcre2_code *code, size_t subject_end, size_t from,
                  size_t *ms, size_t *me, int *pcre_rc)
{
    int rc = pcre2_match(code, (PCRE2_SPTR)sc->text, subject_end, from, 0, sc->md,
                         sc->s->mctx);
    if (rc >= 0) {
        /* 0: more groups than the match data holds; the match is still
           in the first pair. */
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(sc->md);
        *ms = ov[0];
        *me = ov[1] >= ov[0] ? ov[1] : ov[0];   /* \K may put the start after the end */
        return FOUND;
    }
    *pcre_rc = rc;
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (is_limit(rc))
        return LIMIT;
    if (rc == PCRE2_ERROR_NOMEMORY)
        return WB_ENOMEM;
    return WB_ERROR;
}

/* The end of the piece searched from `from`: whole lines up to
   PIECE_BYTES, or PIECE_BYTES of a longer line (then the subject runs
   PIECE_OVERLAP bytes further, so that a match across the cut is whole). */
static size_t piece_end(const char *text, size_t len, size_t from, size_t *subject_end)
{
    if (len - from <= PIECE_BYTES) {
        *subject_end = len;
        return len;
    }
    size_t limit = from + PIECE_BYTES;
    for (size_t i = limit; i > from; i--)
        if (text[i - 1] == '\n') {
            *subject_end = i;
            return i;
        }
    size_t cut = limit;
    for (int k = 0; k < 3 && cut > from + 1 && is_cont((unsigned char)text[cut]); k++)
        cut--;
    size_t end = cut + PIECE_OVERLAP < len ? cut + PIECE_OVERLAP : len;
    for (int k = 0; k < 3 && end < len && is_cont((unsigned char)text[end]); k++)
        end++;
    *subject_end = end;
    return cut;
}

/* Just after the first line break (LF, CRLF or CR alone) in [pos, end),
   or 0 when there is none. */
static size_t line_break_after(const char *text, size_t pos, size_t end)
{
    for (size_t i = pos; i < end; i++) {
        if (text[i] == '\n')
            return i + 1;
        if (text[i] == '\r')
            return i + 1 < end && text[i + 1] == '\n' ? i + 2 : i + 1;
    }
    return 0;
}

/* After the line break at or after pos, but not past end. */
static size_t next_line(const char *text, size_t pos, size_t end)
{
    const char *nl = memchr(text + pos, '\n', end - pos);
    return nl != NULL ? (size_t)(nl - text) + 1 : end;
}

/* The next character after pos. */
static size_t next_char(const char *text, size_t len, size_t pos)
{
    return pos + char_length(text, pos, len);
}

/* n code points back from pos, not before the start of its line. */
static size_t back_chars(const char *text, size_t pos, unsigned n)
{
    while (n > 0 && pos > 0 && text[pos - 1] != '\n') {
        pos--;
        for (int k = 0; k < 3 && pos > 0 && is_cont((unsigned char)text[pos]) &&
                        text[pos - 1] != '\n'; k++)
            pos--;
        n--;
    }
    return pos;
}

/* n code points on from pos, not past the end of its line. */
static size_t forward_chars(const char *text, size_t len, size_t pos, unsigned n)
{
    while (n > 0 && pos < len && text[pos] != '\n') {
        pos = next_char(text, len, pos);
        n--;
    }
    return pos;
}

typedef int (*match_fn)(scan *sc, uint32_t pattern, size_t ms, size_t me);

/*
 * Run a pattern over the whole text, piece by piece, calling on_match for
 * each match that is not empty. A piece is searched whole until a search
 * hits a limit; the rest of it is then searched line by line, so that a
 * limit hit again is a finding where the search on its line started, and
 * the search goes on from the next line. on_match returns a status, or 1
 * to stop this pattern.
 */
static int run_pattern(scan *sc, const pcre2_code *code, uint32_t pattern, match_fn on_match)
{
    unsigned limits = 0;
    size_t from = 0;
    while (from < sc->len) {
        size_t subject_end, end = piece_end(sc->text, sc->len, from, &subject_end);
        size_t pos = from;
        int by_line = 0;
        while (pos < end) {
            size_t subject = by_line ? next_line(sc->text, pos, subject_end) : subject_end;
            size_t ms = 0, me = 0;
            int pcre_rc = 0;
            int rc = search(sc, code, subject, pos, &ms, &me, &pcre_rc);
            if (rc < 0)
                return rc;
            if (rc == LIMIT && !by_line) {
                by_line = 1;   /* find the line it comes from */
                continue;
            }
            if (rc == LIMIT) {
                limits++;
                rc = add_limit(sc, pos, pattern, pcre_rc, limits == MAX_LIMIT_HITS);
                if (rc != WB_OK || limits == MAX_LIMIT_HITS)
                    return rc;
                pos = next_line(sc->text, pos, end);
                continue;
            }
            if (rc == 0) {
                if (!by_line)
                    break;
                pos = subject;
                continue;
            }
            if (ms >= end)
                break;   /* the next piece's */
            if (me == ms) {
                pos = ms < subject ? next_char(sc->text, subject, ms) : subject;
                continue;
            }
            rc = on_match(sc, pattern, ms, me);
            if (rc != WB_OK)
                return rc > 0 ? WB_OK : rc;
            pos = me;
        }
        from = pos > end ? pos : end;
    }
    return WB_OK;
}

/* ------------------------------------------------------------ numbers */

typedef struct number {
    char d[24];           /* the digits in ASCII, X for a check character */
    size_t n;             /* how many */
    size_t prefix;        /* bytes of "+86" and its separator */
    size_t first_sep;     /* digits before the first separator */
    char sep;             /* that separator as a mask writes it (' ' for U+3000), or 0 */
    int groups;           /* separators between digits, plus one */
    int mixed;            /* the separators are not all the same */
    int has_x;
} number;

static void read_number(number *num, const char *text, size_t ms, size_t me)
{
    memset(num, 0, sizeof(*num));
    num->groups = 1;
    size_t i = ms;
    unsigned char seen = 0;   /* the first separator, as its first byte */
    if (text[i] == '+') {
        i += 3;
        if (i < me && (text[i] == '-' || text[i] == ' '))
            i++;
        num->prefix = i - ms;
    }
    while (i < me) {
        unsigned char c = (unsigned char)text[i];
        char digit = 0, sep = 0;
        size_t step = 1;
        if (c >= '0' && c <= '9') {
            digit = (char)c;
        } else if (c == 'X' || c == 'x') {
            digit = 'X';
        } else if (c == 0xEF && i + 2 < me) {
            unsigned char c1 = (unsigned char)text[i + 1], c2 = (unsigned char)text[i + 2];
            step = 3;
            if (c1 == 0xBC && c2 >= 0x90 && c2 <= 0x99)
                digit = (char)('0' + (c2 - 0x90));       /* ０-９ */
            else if ((c1 == 0xBC && c2 == 0xB8) || (c1 == 0xBD && c2 == 0x98))
                digit = 'X';                              /* Ｘ ｘ */
        } else if (c == 0xE3 && i + 2 < me && (unsigned char)text[i + 1] == 0x80 &&
                   (unsigned char)text[i + 2] == 0x80) {
            step = 3;
            sep = ' ';                                    /* U+3000 */
        } else if (c == '-' || c == ' ') {
            sep = (char)c;
        }
        if (sep != 0) {
            if (num->sep == 0) {
                num->sep = sep;
                num->first_sep = num->n;
                seen = c;
            } else if (c != seen) {
                num->mixed = 1;
            }
            num->groups++;
        }
        if (digit != 0 && num->n < sizeof(num->d) - 1) {
            num->d[num->n++] = digit;
            if (digit == 'X')
                num->has_x = 1;
        }
        i += step;
    }
    num->d[num->n] = '\0';
}

static int luhn(const char *d, size_t n)
{
    int sum = 0;
    for (size_t k = 0; k < n; k++) {
        int v = d[n - 1 - k] - '0';
        if (k % 2 == 1) {
            v *= 2;
            if (v > 9)
                v -= 9;
        }
        sum += v;
    }
    return sum % 10 == 0;
}

static int digits_value(const char *d, size_t from, size_t count)
{
    int v = 0;
    for (size_t k = from; k < from + count; k++)
        v = v * 10 + (d[k] - '0');
    return v;
}

/* An old 15-digit number: area code (first digit 1-8), 19YYMMDD, 3 digits. */
static int old_id_birth(const number *num, wb_date *birth)
{
    if (num->n != 15 || num->has_x || num->d[0] < '1' || num->d[0] > '8')
        return 0;
    return wb_date_from_ymd(birth, 1900 + digits_value(num->d, 6, 2),
                            digits_value(num->d, 8, 2), digits_value(num->d, 10, 2),
                            NULL) == WB_OK;
}

/* The landline area code's length for digits written without a separator:
   010 and 02x have 3 digits, the other codes 4; 0 when it cannot be one. */
static size_t area_length(const number *num)
{
    if (num->d[0] != '0')
        return 0;
    if (num->d[1] == '1')
        return num->d[2] == '0' ? 3 : 0;
    if (num->d[1] == '2')
        return 3;
    return num->d[1] >= '3' && num->d[1] <= '9' ? 4 : 0;
}

/* An 18-character identity number's birth date, when the number is one. */
static int id18_birth(const number *num, wb_date *birth)
{
    return num->n == 18 && wb_id_number_is_valid(num->d) &&
           wb_date_from_ymd(birth, digits_value(num->d, 6, 4), digits_value(num->d, 10, 2),
                            digits_value(num->d, 12, 2), NULL) == WB_OK;
}

/*
 * A number written in groups (the GROUPED shapes): an identity number
 * when its check character and date hold, else a bank card when it has
 * groups of 4, passes Luhn and begins as cards do (3 to 6: the issuer
 * codes of banks and card schemes; 62 is UnionPay), so that four
 * 4-digit counts or years are not taken for a card, and with the same
 * separator throughout (an identity number's check character and date
 * are proof enough, however it is written).
 */
static enum number_kind classify_grouped(const number *num, wb_date *birth)
{
    if (id18_birth(num, birth))
        return N_ID18;
    if (num->n == 15 && num->first_sep == 6 && old_id_birth(num, birth))
        return N_ID15;
    if (num->mixed || num->has_x || num->first_sep != 4 || num->d[0] < '3' || num->d[0] > '6')
        return N_NONE;
    return num->n >= 16 && num->n <= 19 && luhn(num->d, num->n) ? N_CARD : N_NONE;
}

static enum number_kind classify(const number *num, wb_date *birth)
{
    int mobile = num->n == 11 && num->d[0] == '1' && num->d[1] >= '3' && num->d[1] <= '9' &&
                 !num->has_x;
    if (num->sep != 0) {
        if (num->n >= 15)
            return classify_grouped(num, birth);
        if (mobile)
            return N_MOBILE;
        if (num->d[0] == '0' && !num->has_x)
            return N_LANDLINE;   /* the pattern fixed its shape */
        return N_NONE;
    }
    if (num->prefix > 0)
        return mobile ? N_MOBILE : N_NONE;
    if (num->n == 18 && wb_id_number_is_valid(num->d))
        return id18_birth(num, birth) ? N_ID18 : N_NONE;
    if (num->has_x)
        return N_NONE;
    if (old_id_birth(num, birth))
        return N_ID15;
    if (mobile)
        return N_MOBILE;
    size_t area = area_length(num);
    if (area > 0 && num->n - area >= 7 && num->n - area <= 8)
        return N_LANDLINE;
    if (num->n >= 16 && num->n <= 19 && luhn(num->d, num->n))
        return N_CARD;
    return N_NONE;
}

static int is_minor(const wb_privacy_scanner *s, wb_date birth)
{
    if (!s->has_as_of)
        return 0;
    wb_date birthday;
    /* 18 周岁 is reached the day after the 18th birthday (the day of birth
       is not counted, Civil Code art. 201; SPC, Fa Shi [2006] No. 1,
       art. 2), so on the birthday itself the holder is still a minor. Born
       on 29 February: the 28th in a common year (art. 202). */
    if (wb_date_add_months(&birthday, birth, 18 * 12, NULL) != WB_OK)
        return 1;
    return wb_date_cmp(s->as_of, birthday) <= 0;
}

static int on_number(scan *sc, uint32_t pattern, size_t ms, size_t me)
{
    (void)pattern;
    number num;
    wb_date birth = { 0 };
    read_number(&num, sc->text, ms, me);
    enum number_kind sub = classify(&num, &birth);
    if (sub == N_NONE)
        return WB_OK;
    unsigned char kind = sub == N_ID18 || sub == N_ID15 ? K_ID
                         : sub == N_CARD                ? K_CARD
                                                        : K_PHONE;
    hit *h = add_hit(sc, kind, ms, me);
    if (h == NULL)
        return WB_ENOMEM;
    h->sub = (unsigned char)sub;
    h->minor = (unsigned char)(kind == K_ID && is_minor(sc->s, birth));
    return WB_OK;
}

/* The mask of a number, in ASCII: buf holds at least 64 bytes. */
static void mask_number(char *buf, const hit *h, const char *text)
{
    number num;
    read_number(&num, text, h->start, h->end);
    size_t o = 0;
    switch ((enum number_kind)h->sub) {
    case N_ID18:
    case N_ID15:
        wb_mask_id_number(buf, num.d);
        return;
    case N_MOBILE:
        memcpy(buf, text + h->start, num.prefix);   /* "+86 ", ASCII */
        o = num.prefix;
        for (size_t k = 0; k < num.n; k++)
            buf[o++] = k >= 3 && k < num.n - 4 ? '*' : num.d[k];
        break;
    case N_LANDLINE: {
        memcpy(buf, text + h->start, num.prefix);
        o = num.prefix;
        size_t area = num.sep != 0 ? num.first_sep : area_length(&num);
        for (size_t k = 0; k < num.n; k++) {
            if (k == area && num.sep != 0)
                buf[o++] = num.sep;
            buf[o++] = k >= area && k < num.n - 2 ? '*' : num.d[k];
        }
        break;
    }
    case N_CARD:
        for (size_t k = 0; k < num.n; k++)
            buf[o++] = k < num.n - 4 ? '*' : num.d[k];
        break;
    case N_NONE:
    default:
        break;
    }
    buf[o] = '\0';
}

/* -------------------------------------------------------------- names */

/* Characters that end a word introducing a person (被害人, 学生, 儿童,
   女儿, 孩子, 名叫 ...): a name may follow them directly. */
static const char introducers[] = "人生童女男孩妹弟姐哥子儿友叫即";

/* A character of the Han script (the CJK ideograph blocks). */
static int is_han(long c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x3134F);
}

/*
 * A name starts a word: at the start of its line, after a character that
 * is not Han (a space, a colon, a bracket), right after the case word,
 * after a word that introduces a person, or after a function word. So the 施 of 实施 or 措施 is
 * never taken for a surname.
 */
static int starts_a_word(const char *t, size_t ms, size_t case_end)
{
    if (ms == 0 || ms == case_end || t[ms - 1] == '\n')
        return 1;
    size_t prev = back_chars(t, ms, 1);
    if (!is_han(code_point_at(t, prev, ms)))     /* -1, not a character: no Han */
        return 1;
    char ch[5] = { 0 };
    memcpy(ch, t + prev, ms - prev < 4 ? ms - prev : 4);
    /* UTF-8 is self-synchronising: a whole character matches only at a
       character boundary. A function word that ends a name may also
       come before one (失联的李四, 张三和李四). */
    return strstr(introducers, ch) != NULL || strstr(name_stops, ch) != NULL;
}

/* Was a name overlapping [ms, me) found already, for a case word near
   it? Names are found in the order of the text, so only the last few
   hits can be such a name. */
static int name_found(const scan *sc, size_t ms, size_t me)
{
    for (size_t i = sc->count, seen = 0; i > 0 && seen < 64; i--, seen++) {
        const hit *h = &sc->hits[i - 1];
        if (h->kind == K_NAME && h->start < me && h->end > ms)
            return 1;
    }
    return 0;
}

/* Names near one case word: those that end within NAME_REACH code points
   before it or start within NAME_REACH after it, on its line. Each case
   word searches its whole window: whether a name starts a word can
   depend on the case word (right after it), so a name rejected for one
   case word may be found for the next. */
static int find_names(scan *sc, size_t cs, size_t ce)
{
    const char *t = sc->text;
    size_t ws = back_chars(t, cs, NAME_REACH);
    size_t we = forward_chars(t, sc->len, ce, NAME_REACH);
    size_t from = back_chars(t, ws, MAX_NAME_CHARS);
    size_t subject_end = forward_chars(t, sc->len, we, MAX_NAME_CHARS);
    while (from < subject_end) {
        size_t ms = 0, me = 0;
        int pcre_rc = 0;
        int rc = search(sc, sc->s->names, subject_end, from, &ms, &me, &pcre_rc);
        if (rc < 0)
            return rc;
        if (rc == 0)
            break;
        if (rc == LIMIT) {
            sc->names_limits++;
            int last = sc->names_limits == MAX_LIMIT_HITS;
            rc = add_limit(sc, from, PAT_NAMES, pcre_rc, last);
            return rc != WB_OK ? rc : last;
        }
        if (ms >= we)
            break;
        if (me > ws && (me <= cs || ms >= ce) && starts_a_word(t, ms, ce) &&
            !name_found(sc, ms, me)) {
            hit *h = add_hit(sc, K_NAME, ms, me);
            if (h == NULL)
                return WB_ENOMEM;
            h->split = pcre2_get_ovector_pointer(sc->md)[3];
            if (h->split <= ms || h->split > me)
                h->split = ms;
            h->word_start = cs;
            h->word_end = ce;
        }
        from = me > from ? me : next_char(t, subject_end, from);
    }
    return WB_OK;
}

static int on_case_word(scan *sc, uint32_t pattern, size_t ms, size_t me)
{
    (void)pattern;
    return find_names(sc, ms, me);
}

static int on_extra(scan *sc, uint32_t pattern, size_t ms, size_t me)
{
    hit *h = add_hit(sc, K_PATTERN, ms, me);
    if (h == NULL)
        return WB_ENOMEM;
    h->pattern = pattern;
    return WB_OK;
}

static int by_place(const void *pa, const void *pb)
{
    const hit *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* What scans of many small texts reuse (privacy_cells.h). */
struct wb__privacy_scratch {
    pcre2_match_data *md;
    hit *hits;
    size_t cap;
};

/* Whether text holds 10 digits (ASCII or full-width): every number the
   number pattern finds has at least that many, and most cells of a
   ledger have fewer, so the search is skipped for them. */
static int has_ten_digits(const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text;
    unsigned n = 0;
    for (size_t i = 0; i < len && n < 10; i++)
        if ((p[i] >= '0' && p[i] <= '9') ||
            (p[i] == 0xEF && i + 2 < len && p[i + 1] == 0xBC && p[i + 2] >= 0x90 &&
             p[i + 2] <= 0x99))
            n++;
    return n >= 10;
}

/* Whether text holds a character a case word begins with. Every
   well-formed character of the BMP is looked at; a byte that does not
   start one is passed over, and an ill-formed sequence read as a
   character only makes the search run for nothing. */
static int may_hold_case_word(const wb_privacy_scanner *s, const char *text, size_t len)
{
    const unsigned char *p = (const unsigned char *)text, *bits = s->first_chars;
    if (bits == NULL)
        return 1;
    for (size_t i = 0; i < len;) {
        unsigned c = p[i], cp;
        size_t n = 1;
        if (c < 0x80) {
            cp = c;
        } else if (c >= 0xC2 && c <= 0xDF && i + 1 < len && is_cont(p[i + 1])) {
            cp = (c & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu);
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF && i + 2 < len && is_cont(p[i + 1]) &&
                   is_cont(p[i + 2])) {
            cp = (c & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
            n = 3;
        } else {
            i++;            /* outside the BMP, or not a character */
            continue;
        }
        if ((bits[cp >> 3] & (1u << (cp & 7))) != 0)
            return 1;
        i += n;
    }
    return 0;
}

/* Every hit in the text, sorted by place. With a scratch, its match data
   and hit list are used and the list is left in sc for the caller to
   hand back; without, match data is made for this call. */
static int collect(scan *sc, const wb_privacy_scanner *s, const char *text, size_t len,
                   wb__privacy_scratch *scratch)
{
    memset(sc, 0, sizeof(*sc));
    sc->s = s;
    sc->text = text != NULL ? text : "";
    sc->len = len;
    if (scratch != NULL) {
        sc->hits = scratch->hits;
        sc->cap = scratch->cap;
    }
    /* Most short texts (a message, a cell) can hold nothing: then no
       pattern runs and no match data is made. */
    int numbers = has_ten_digits(sc->text, len);
    int words = s->case_words != NULL && may_hold_case_word(s, sc->text, len);
    if (!numbers && !words && s->extra_count == 0)
        return WB_OK;
    sc->md = scratch != NULL ? scratch->md : pcre2_match_data_create(2, s->gctx);
    if (sc->md == NULL)
        return WB_ENOMEM;
    int rc = WB_OK;
    if (numbers)
        rc = run_pattern(sc, s->numbers, PAT_NUMBERS, on_number);
    if (rc == WB_OK && words)
        rc = run_pattern(sc, s->case_words, PAT_CASE_WORDS, on_case_word);
    for (size_t i = 0; rc == WB_OK && i < s->extra_count; i++)
        rc = run_pattern(sc, s->extra[i], (uint32_t)(PAT_EXTRA + i), on_extra);
    if (scratch == NULL)
        pcre2_match_data_free(sc->md);
    sc->md = NULL;
    if (rc == WB_OK && sc->count > 1)
        qsort(sc->hits, sc->count, sizeof(*sc->hits), by_place);
    return rc;
}

static int scan_failed(int rc, wb_error *err)
{
    if (rc == WB_ENOMEM)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    return wb__error_set(err, rc, NULL, 0, 0, NULL, "the privacy scan failed: PCRE2 error");
}

/* ----------------------------------------------------------- findings */

/* '*' for each code point of text[from, to): at most `shown`, then "…". */
static void put_stars(char *buf, size_t size, const char *text, size_t from, size_t to,
                      size_t shown)
{
    size_t n = code_points(text, from, to), o = 0;
    for (size_t k = 0; k < n && k < shown && o + 1 < size; k++)
        buf[o++] = '*';
    if (n > shown && o + 4 < size) {
        memcpy(buf + o, "…", 3);
        o += 3;
    }
    buf[o] = '\0';
}

/* A name's mask: its surname, then '*' for each other character. */
static void mask_name(char *buf, size_t size, const hit *h, const char *text)
{
    size_t surname = h->split - h->start;
    if (surname + 1 > size)
        surname = 0;
    memcpy(buf, text + h->start, surname);
    put_stars(buf + surname, size - surname, text, h->split, h->end, SIZE_MAX);
}

/* An extra pattern's name, or NULL when it has none. */
static const char *extra_name(const wb_privacy_scanner *s, uint32_t pattern)
{
    size_t i = (size_t)(pattern - PAT_EXTRA);
    return s->extra_names != NULL && i < s->extra_count ? s->extra_names[i] : NULL;
}

static void describe_pattern(char *en, char *zh, size_t size, const wb_privacy_scanner *s,
                             uint32_t pattern)
{
    switch (pattern) {
    case PAT_NUMBERS:
        snprintf(en, size, "the search for numbers");
        snprintf(zh, size, "号码搜索");
        break;
    case PAT_CASE_WORDS:
        snprintf(en, size, "the search for case words");
        snprintf(zh, size, "涉案词搜索");
        break;
    case PAT_NAMES:
        snprintf(en, size, "the search for names");
        snprintf(zh, size, "姓名搜索");
        break;
    default:
        if (extra_name(s, pattern) != NULL) {
            snprintf(en, size, "the search for %s", extra_name(s, pattern));
            snprintf(zh, size, "%s 搜索", extra_name(s, pattern));
        } else {
            snprintf(en, size, "extra pattern %u", (unsigned)(pattern - PAT_EXTRA + 1));
            snprintf(zh, size, "附加模式 %u ", (unsigned)(pattern - PAT_EXTRA + 1));
        }
        break;
    }
}

static void describe_limit(char *en, char *zh, size_t size, const wb_privacy_scanner *s,
                           int code)
{
    switch (code) {
    case PCRE2_ERROR_MATCHLIMIT:
        snprintf(en, size, "the match limit of %u was reached", (unsigned)s->match_limit);
        snprintf(zh, size, "达到匹配次数上限 %u", (unsigned)s->match_limit);
        break;
    case PCRE2_ERROR_DEPTHLIMIT:
        snprintf(en, size, "the depth limit of %u was reached", (unsigned)s->depth_limit);
        snprintf(zh, size, "达到回溯深度上限 %u", (unsigned)s->depth_limit);
        break;
    case PCRE2_ERROR_HEAPLIMIT:
        snprintf(en, size, "the heap limit of %u KiB was reached", HEAP_LIMIT_KIB);
        snprintf(zh, size, "达到堆内存上限 %u KiB", HEAP_LIMIT_KIB);
        break;
    default:
        snprintf(en, size, "the JIT stack was exhausted");
        snprintf(zh, size, "JIT 栈耗尽");
        break;
    }
}

/* Where findings go: a list (wb_privacy_scan) or a function
   (wb__privacy_scan_each, whose caller places them). */
typedef struct sink {
    wb_diagnostics *list;
    wb__privacy_fn fn;
    void *payload;
} sink;

static int add_finding(const sink *out, const wb_privacy_scanner *s, const hit *h,
                       const char *text, const char *file, int line, int column)
{
    /* Room for a pattern's name (MAX_NAME_BYTES) and a mask, whole. */
    char en[768], zh[768], mask[160];
    wb_severity severity = WB_SEVERITY_WARNING;
    const char *rule = "";
    switch ((enum kind)h->kind) {
    case K_ID: {
        rule = WB_CHECK_PRIVACY_ID_NUMBER;
        mask_number(mask, h, text);
        const char *old_en = h->sub == N_ID15 ? " (old 15-digit form)" : "";
        const char *old_zh = h->sub == N_ID15 ? "(15 位旧号码)" : "";
        if (h->minor) {
            char day[WB_DATE_STRLEN];
            wb_date_format(day, s->as_of);
            severity = WB_SEVERITY_ERROR;
            snprintf(en, sizeof(en), "identity number %s%s (a minor on %s) in free text",
                     mask, old_en, day);
            snprintf(zh, sizeof(zh), "文本中有公民身份号码 %s%s(于 %s 为未成年人)", mask,
                     old_zh, day);
        } else {
            snprintf(en, sizeof(en), "identity number %s%s in free text", mask, old_en);
            snprintf(zh, sizeof(zh), "文本中有公民身份号码 %s%s", mask, old_zh);
        }
        break;
    }
    case K_PHONE:
        rule = WB_CHECK_PRIVACY_PHONE;
        mask_number(mask, h, text);
        if (h->sub == N_MOBILE) {
            snprintf(en, sizeof(en), "mobile phone number %s in free text", mask);
            snprintf(zh, sizeof(zh), "文本中有手机号码 %s", mask);
        } else {
            snprintf(en, sizeof(en), "landline phone number %s in free text", mask);
            snprintf(zh, sizeof(zh), "文本中有固定电话号码 %s", mask);
        }
        break;
    case K_CARD:
        rule = WB_CHECK_PRIVACY_BANK_CARD;
        mask_number(mask, h, text);
        snprintf(en, sizeof(en), "bank card number %s in free text", mask);
        snprintf(zh, sizeof(zh), "文本中有银行卡号 %s", mask);
        break;
    case K_NAME: {
        rule = WB_CHECK_PRIVACY_NAME_CASE;
        mask_name(mask, sizeof(mask), h, text);
        int wl = (int)(h->word_end - h->word_start);
        const char *word = text + h->word_start;
        snprintf(en, sizeof(en), "the name %s near the case word '%.*s' in free text", mask,
                 wl, word);
        snprintf(zh, sizeof(zh), "文本中有姓名 %s(邻近涉案词“%.*s”)", mask, wl, word);
        break;
    }
    case K_PATTERN: {
        rule = WB_CHECK_PRIVACY_PATTERN;
        put_stars(mask, sizeof(mask), text, h->start, h->end, SHOWN_STARS);
        const char *name = extra_name(s, h->pattern);
        unsigned k = (unsigned)(h->pattern - PAT_EXTRA + 1);
        if (name != NULL) {
            snprintf(en, sizeof(en), "%s %s in free text", name, mask);
            snprintf(zh, sizeof(zh), "文本中有%s %s", name, mask);
        } else {
            snprintf(en, sizeof(en), "text matching extra pattern %u (%s) in free text", k, mask);
            snprintf(zh, sizeof(zh), "文本中有匹配附加模式 %u 的内容(%s)", k, mask);
        }
        break;
    }
    case K_LIMIT:
    default: {
        rule = WB_CHECK_PRIVACY_LIMIT;
        char what_en[MAX_NAME_BYTES + 32], what_zh[MAX_NAME_BYTES + 32], why_en[96],
            why_zh[96];
        describe_pattern(what_en, what_zh, sizeof(what_en), s, h->pattern);
        describe_limit(why_en, why_zh, sizeof(why_en), s, h->code);
        snprintf(en, sizeof(en), "%s stopped here: %s; the scan goes on from the next line%s",
                 what_en, why_en,
                 h->last ? ", without this search for the rest of the text" : "");
        snprintf(zh, sizeof(zh), "%s在此中止:%s;扫描从下一行继续%s", what_zh, why_zh,
                 h->last ? ",其余文本不再进行该搜索" : "");
        break;
    }
    }
    if (out->fn != NULL) {
        wb__privacy_finding f = { h->start, severity, rule, en, zh };
        return out->fn(&f, out->payload);
    }
    return wb__diagnostics_add_text(out->list, severity, rule, file, line, column, en, zh);
}

int wb_privacy_scan(wb_diagnostics **out, const wb_privacy_scanner *s, const char *text,
                    size_t len, const char *name, int first_line, wb_error *err)
{
    static const char fn[] = "wb_privacy_scan";
    if (out == NULL)
        return wb__error_arg(err, fn, "out");
    *out = NULL;
    if (s == NULL)
        return wb__error_arg(err, fn, "s");
    if (text == NULL && len > 0)
        return wb__error_arg(err, fn, "text");
    if (name == NULL)
        name = UNNAMED;

    scan sc;
    int rc = collect(&sc, s, text, len, NULL);
    wb_diagnostics *list = rc == WB_OK ? wb__diagnostics_new() : NULL;
    if (rc == WB_OK && list == NULL)
        rc = WB_ENOMEM;

    /* Walk the text once: line breaks up to each hit, then the code
       points from the start of its line. LF, CRLF and CR alone (old Mac
       exports) each end a line. */
    long line = first_line > 0 ? first_line : 1;
    size_t column = 1;
    size_t pos = 0;
    for (size_t i = 0; rc == WB_OK && i < sc.count; i++) {
        const hit *h = &sc.hits[i];
        size_t after;
        while (pos < h->start && (after = line_break_after(sc.text, pos, h->start)) != 0) {
            if (line < INT_MAX)
                line++;
            column = 1;
            pos = after;
        }
        column += code_points(sc.text, pos, h->start);
        pos = h->start;
        if (column > INT_MAX)
            column = INT_MAX;
        sink to_list = { list, NULL, NULL };
        rc = add_finding(&to_list, s, h, sc.text, name, (int)line, (int)column);
    }
    free(sc.hits);
    if (rc != WB_OK) {
        wb_diagnostics_free(list);
        return scan_failed(rc, err);
    }
    *out = list;
    return WB_OK;
}

/* --------------------------------------------------- many small texts */

wb__privacy_scratch *wb__privacy_scratch_new(const wb_privacy_scanner *s)
{
    wb__privacy_scratch *scratch = calloc(1, sizeof(*scratch));
    if (scratch == NULL)
        return NULL;
    scratch->md = pcre2_match_data_create(2, s->gctx);
    if (scratch->md == NULL) {
        free(scratch);
        return NULL;
    }
    return scratch;
}

void wb__privacy_scratch_free(wb__privacy_scratch *scratch)
{
    if (scratch == NULL)
        return;
    /* The match data keeps its own copy of the allocator, so the scanner
       it was made for may be gone by now. */
    pcre2_match_data_free(scratch->md);
    free(scratch->hits);
    free(scratch);
}

int wb__privacy_scan_each(wb__privacy_scratch *scratch, const wb_privacy_scanner *s,
                          const char *text, size_t len, wb__privacy_fn fn, void *payload)
{
    scan sc;
    int rc = collect(&sc, s, text, len, scratch);
    sink to_fn = { NULL, fn, payload };
    for (size_t i = 0; rc == WB_OK && i < sc.count; i++)
        rc = add_finding(&to_fn, s, &sc.hits[i], sc.text, NULL, 0, 0);
    /* The list, grown or not, goes back for the next text. */
    scratch->hits = sc.hits;
    scratch->cap = sc.cap;
    return rc;
}

/* ------------------------------------------------------------- redact */

/* Characters a mask keeps: line breaks, and the separators of CSV (',',
   tab, quotes) and of markup ('<', '>'). A pattern that matches across
   them (学籍号.{0,20} running over a comma) masks what lies between, and
   the copy keeps its lines, cells and tags; none of them is personal
   data. */
static int keeps(unsigned char c)
{
    return c == '\n' || c == '\r' || c == ',' || c == '\t' || c == '"' || c == '\'' ||
           c == '<' || c == '>';
}

/* '*' for each code point of text[from, to), but the characters a mask
   keeps. */
static void put_star_run(wb__strbuf *b, const char *text, size_t from, size_t to)
{
    static const char stars[] = "****************";
    while (from < to) {
        size_t end = from;
        while (end < to && !keeps((unsigned char)text[end]))
            end++;
        size_t n = code_points(text, from, end);
        while (n > 0) {
            size_t k = n < sizeof(stars) - 1 ? n : sizeof(stars) - 1;
            wb__strbuf_append(b, stars, k);
            n -= k;
        }
        if (end < to)
            wb__strbuf_append(b, text + end, 1);
        from = end + (end < to);
    }
}

static void put_mask(wb__strbuf *b, const hit *h, const char *text, size_t from)
{
    if (from > h->start || h->kind == K_PATTERN) {
        /* What an earlier finding left of this one, or an extra
           pattern's match: masked whole. */
        put_star_run(b, text, from, h->end);
        return;
    }
    char mask[160];
    if (h->kind == K_NAME) {
        wb__strbuf_append(b, text + h->start, h->split - h->start);
        put_star_run(b, text, h->split, h->end);
        return;
    }
    mask_number(mask, h, text);
    wb__strbuf_append(b, mask, strlen(mask));
}

int wb_privacy_redact(char **out, size_t *out_len, const wb_privacy_scanner *s,
                      const char *text, size_t len, wb_error *err)
{
    static const char fn[] = "wb_privacy_redact";
    if (out == NULL)
        return wb__error_arg(err, fn, "out");
    *out = NULL;
    if (out_len != NULL)
        *out_len = 0;
    if (s == NULL)
        return wb__error_arg(err, fn, "s");
    if (text == NULL && len > 0)
        return wb__error_arg(err, fn, "text");

    scan sc;
    int rc = collect(&sc, s, text, len, NULL);
    if (rc != WB_OK) {
        free(sc.hits);
        return scan_failed(rc, err);
    }
    /* Masks are never longer than what they mask: one allocation. */
    wb__strbuf b = { NULL, 0, 0, 0 };
    wb__strbuf_reserve(&b, len);
    size_t pos = 0;
    for (size_t i = 0; i < sc.count && !b.failed; i++) {
        const hit *h = &sc.hits[i];
        if (h->kind == K_LIMIT || h->end <= pos)
            continue;
        if (h->start > pos) {
            wb__strbuf_append(&b, sc.text + pos, h->start - pos);
            pos = h->start;
        }
        put_mask(&b, h, sc.text, pos);
        pos = h->end;
    }
    wb__strbuf_append(&b, sc.text + pos, len - pos);
    free(sc.hits);
    size_t written = b.len;
    if ((*out = wb__strbuf_finish(&b)) == NULL)
        return wb__error_set(err, WB_ENOMEM, NULL, 0, 0, NULL, "out of memory");
    if (out_len != NULL)
        *out_len = written;
    return WB_OK;
}
