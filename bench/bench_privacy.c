/*
 * bench_privacy.c - the privacy scan over a large text.
 *
 *   build/bench/bench_privacy [MB]            (default: 100)
 *
 * Writes a text of that many megabytes (10^6 bytes) into a fresh directory
 * under /tmp (deleted at the end): lines of about 80 characters of Chinese
 * and ASCII prose (words from a fixed list that holds no digit, no case
 * word and no surname), with personal data sprinkled in by a fixed-seed
 * linear congruential generator, about one item every 2,000 bytes: adult
 * and minor identity numbers (valid check characters), old 15-digit
 * numbers, mobile numbers (some grouped 3-4-4, some full-width), landline
 * numbers, Luhn-valid bank card numbers (16, 17 or 19 digits), names after
 * a case word (被害人张小明), and codes for an extra pattern (编号AB-1234).
 * The file is read back into memory, then timed:
 *
 *   - wb_privacy_scanner_new (the default patterns, JIT-compiled),
 *   - wb_privacy_scan with the built-in patterns,
 *   - wb_privacy_scan with one extra pattern as well (编号[A-Z]{2}-[0-9]{4}),
 *   - wb_privacy_redact with the built-in patterns,
 *
 * each the best of 3 runs (the findings freed outside the timing), and
 * prints MB/s and findings/s. The findings of the first scan are counted
 * per rule and compared with what was written: every number must be found
 * exactly once, or the program stops. CLOCK_MONOTONIC; never run by ctest.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <weibao/weibao.h>

#define AS_OF_Y 2026
#define AS_OF_M 11
#define AS_OF_D 29

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t lcg = 20261129u;

static uint32_t next_random(void)
{
    lcg = lcg * 6364136223846793005u + 1442695040888963407u;
    return (uint32_t)(lcg >> 33);
}

static uint32_t below(uint32_t n)
{
    return next_random() % n;
}

static const char *const words_zh[] = {
    "工作", "学校", "社区", "家庭", "教育", "保护", "未成年人", "开展", "活动", "落实",
    "制度", "服务", "儿童", "督导", "检查", "报告", "会议", "街道", "乡镇", "部门",
    "责任", "预防", "心理", "健康", "安全", "培训", "志愿者", "宣传", "法治", "关爱",
    "留守", "困境", "帮扶", "走访", "记录", "情况", "问题", "整改",
};
static const char *const words_en[] = {
    "the", "county", "report", "school", "review", "minor", "protection", "office",
    "visit", "plan", "team", "data", "and", "of", "for", "with",
};

enum { ID_ADULT, ID_MINOR, ID_OLD, MOBILE, MOBILE_GROUPED, MOBILE_WIDE, LANDLINE, CARD,
       NAME, EXTRA, KINDS };
static const char *const kind_names[KINDS] = {
    "identity number, adult", "identity number, minor", "identity number, 15 digits",
    "mobile", "mobile, 3-4-4", "mobile, full-width", "landline", "bank card",
    "name after a case word", "extra pattern's match",
};

typedef struct out {
    FILE *f;
    size_t written;
} out;

static void put(out *o, const char *s)
{
    size_t n = strlen(s);
    fwrite(s, 1, n, o->f);
    o->written += n;
}

static void digits(char *buf, size_t n)
{
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)('0' + below(10));
    buf[n] = '\0';
}

static void id_number(char *buf, int year)
{
    static const char *const areas[] = { "110105", "220581", "440304", "510107", "320106" };
    snprintf(buf, 20, "%s%04d%02u%02u%03u", areas[below(5)], year, 1 + below(12),
             1 + below(28), below(1000));
    int sum = 0, weight = 1;
    for (int i = 16; i >= 0; i--) {
        weight = weight * 2 % 11;
        sum += (buf[i] - '0') * weight;
    }
    buf[17] = "10X98765432"[sum % 11];
    buf[18] = '\0';
}

/* 16, 17 or 19 digits: an 18-digit card could be a valid identity number. */
static void card_number(char *buf)
{
    static const size_t lengths[] = { 16, 17, 19 };
    size_t n = lengths[below(3)];
    buf[0] = '6';
    buf[1] = '2';
    digits(buf + 2, n - 3);
    for (char check = '0'; check <= '9'; check++) {
        buf[n - 1] = check;
        buf[n] = '\0';
        int sum = 0;
        for (size_t k = 0; k < n; k++) {
            int v = buf[n - 1 - k] - '0';
            if (k % 2 == 1 && (v *= 2) > 9)
                v -= 9;
            sum += v;
        }
        if (sum % 10 == 0)
            return;
    }
}

static void wide_digits(char *buf, const char *ascii)
{
    size_t o = 0;
    for (const char *p = ascii; *p != '\0'; p++) {
        buf[o++] = (char)0xEF;
        buf[o++] = (char)0xBC;
        buf[o++] = (char)(0x90 + (*p - '0'));
    }
    buf[o] = '\0';
}

/* One personal item, with a separator on each side. */
static int put_item(out *o)
{
    static const char *const surnames[] = { "张", "王", "李", "刘", "陈", "欧阳" };
    static const char *const given[] = { "小明", "红", "建国", "丽", "子涵", "浩" };
    char num[64], wide[128], line[256];
    int kind = (int)below(KINDS);
    switch (kind) {
    case ID_ADULT:
        id_number(num, 1960 + (int)below(40));
        snprintf(line, sizeof(line), " 身份证号%s,", num);
        break;
    case ID_MINOR:
        id_number(num, 2010 + (int)below(10));
        snprintf(line, sizeof(line), " 学生身份证号:%s,", num);
        break;
    case ID_OLD:
        snprintf(num, sizeof(num), "110105%02u%02u%02u%03u", 50 + below(40), 1 + below(12),
                 1 + below(28), below(1000));
        snprintf(line, sizeof(line), " 旧号%s。", num);
        break;
    case MOBILE:
        digits(num, 8);
        snprintf(line, sizeof(line), " 手机13%u%s,", 3 + below(7), num);
        break;
    case MOBILE_GROUPED:
        digits(num, 8);
        snprintf(line, sizeof(line), " tel 15%u %.4s %.4s, ", below(10), num, num + 4);
        break;
    case MOBILE_WIDE:
        digits(num, 9);
        wide_digits(wide, num);
        snprintf(line, sizeof(line), " 电话１８%s。", wide);
        break;
    case LANDLINE:
        digits(num, 8);
        snprintf(line, sizeof(line), " 座机0%u%u-%s,", 3 + below(7), 10 + below(90), num);
        break;
    case CARD:
        card_number(num);
        snprintf(line, sizeof(line), " 卡号%s。", num);
        break;
    case NAME:
        snprintf(line, sizeof(line), " 被害人%s%s。", surnames[below(6)], given[below(6)]);
        break;
    case EXTRA:
    default:
        digits(num, 4);
        snprintf(line, sizeof(line), " 编号%c%c-%s。", (int)('A' + below(26)), (int)('A' + below(26)),
                 num);
        break;
    }
    put(o, line);
    return kind;
}

/* Write about `bytes` of text; counts[kind] gets the items written. */
static int write_text(const char *path, size_t bytes, long counts[KINDS])
{
    out o = { fopen(path, "wb"), 0 };
    if (o.f == NULL)
        return -1;
    size_t line_len = 0, since_item = 0;
    while (o.written < bytes) {
        const char *w;
        if (below(4) == 0) {
            w = words_en[below(sizeof(words_en) / sizeof(words_en[0]))];
            put(&o, " ");
            line_len++;
        } else {
            w = words_zh[below(sizeof(words_zh) / sizeof(words_zh[0]))];
        }
        put(&o, w);
        size_t n = strlen(w);
        line_len += n;
        since_item += n;
        if (below(12) == 0) {
            put(&o, below(2) ? "," : "。");
            line_len += 3;
        }
        if (since_item > 1500 + below(1000)) {
            counts[put_item(&o)]++;
            since_item = 0;
        }
        if (line_len > 200) {   /* bytes: about 80 characters */
            put(&o, "\n");
            line_len = 0;
        }
    }
    put(&o, "\n");
    return fclose(o.f) == 0 ? 0 : -1;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = size >= 0 ? malloc((size_t)size + 1) : NULL;
    if (data != NULL && fread(data, 1, (size_t)size, f) != (size_t)size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *len = (size_t)size;
    return data;
}

static size_t count_rule(const wb_diagnostics *d, const char *rule, wb_severity at_least)
{
    size_t n = 0;
    for (size_t i = 0; i < wb_diagnostics_count(d); i++) {
        const wb_diagnostic *x = wb_diagnostics_at(d, i);
        n += strcmp(wb_diagnostic_rule(x), rule) == 0 && wb_diagnostic_severity(x) >= at_least;
    }
    return n;
}

static int fail(const char *what)
{
    fprintf(stderr, "bench_privacy: %s\n", what);
    return 1;
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 100;
    if (mb == 0)
        return fail("usage: bench_privacy [MB]");
    char dir[] = "/tmp/weibao-bench-privacy-XXXXXX";
    if (mkdtemp(dir) == NULL)
        return fail("cannot make a directory under /tmp");
    char path[128];
    snprintf(path, sizeof(path), "%s/text.txt", dir);
    long counts[KINDS] = { 0 };
    double t0 = now();
    int rc = write_text(path, mb * 1000000u, counts);
    double t_write = now() - t0;
    size_t len = 0;
    /* Reading it (from the page cache, just written) is the pace to keep. */
    t0 = now();
    char *text = rc == 0 ? read_all(path, &len) : NULL;
    double t_read = now() - t0;
    remove(path);
    rmdir(dir);
    if (text == NULL)
        return fail("cannot write or read the text");
    double size_mb = (double)len / 1e6;
    printf("text: %.1f MB (%zu bytes), written in %.2f s\n", size_mb, len, t_write);

    wb_privacy_options opts = WB_PRIVACY_OPTIONS_INIT;
    wb_date_from_ymd(&opts.as_of, AS_OF_Y, AS_OF_M, AS_OF_D, NULL);
    opts.has_as_of = 1;
    const char *extra[] = { "编号[A-Z]{2}-[0-9]{4}", NULL };
    wb_privacy_scanner *s = NULL, *s_extra = NULL;
    double best_new = 1e9;
    for (int run = 0; run < 3; run++) {
        wb_privacy_scanner *tmp = NULL;
        t0 = now();
        if (wb_privacy_scanner_new(&tmp, &opts, NULL) != WB_OK)
            return fail("wb_privacy_scanner_new failed");
        double t = now() - t0;
        if (t < best_new)
            best_new = t;
        if (s == NULL)
            s = tmp;
        else
            wb_privacy_scanner_free(tmp);
    }
    opts.extra_patterns = extra;
    if (wb_privacy_scanner_new(&s_extra, &opts, NULL) != WB_OK)
        return fail("wb_privacy_scanner_new (extra) failed");

    /* Correctness first: every number found once. */
    wb_diagnostics *d = NULL;
    if (wb_privacy_scan(&d, s_extra, text, len, "text.txt", 1, NULL) != WB_OK)
        return fail("wb_privacy_scan failed");
    long ids = counts[ID_ADULT] + counts[ID_MINOR] + counts[ID_OLD];
    long phones = counts[MOBILE] + counts[MOBILE_GROUPED] + counts[MOBILE_WIDE] + counts[LANDLINE];
    size_t f_ids = count_rule(d, "privacy-id-number", WB_SEVERITY_NOTE);
    size_t f_minors = count_rule(d, "privacy-id-number", WB_SEVERITY_ERROR);
    size_t f_phones = count_rule(d, "privacy-phone", WB_SEVERITY_NOTE);
    size_t f_cards = count_rule(d, "privacy-bank-card", WB_SEVERITY_NOTE);
    size_t f_names = count_rule(d, "privacy-name-case", WB_SEVERITY_NOTE);
    size_t f_extra = count_rule(d, "privacy-pattern", WB_SEVERITY_NOTE);
    size_t f_limits = count_rule(d, "privacy-limit", WB_SEVERITY_NOTE);
    printf("\n| written | count | found |\n|---|---|---|\n");
    for (int k = 0; k < KINDS; k++)
        printf("| %s | %ld | |\n", kind_names[k], counts[k]);
    printf("| identity numbers (rule privacy-id-number) | %ld | %zu (%zu errors) |\n", ids,
           f_ids, f_minors);
    printf("| phones (privacy-phone) | %ld | %zu |\n", phones, f_phones);
    printf("| cards (privacy-bank-card) | %ld | %zu |\n", counts[CARD], f_cards);
    printf("| names (privacy-name-case) | %ld | %zu |\n", counts[NAME], f_names);
    printf("| extra pattern (privacy-pattern) | %ld | %zu |\n", counts[EXTRA], f_extra);
    printf("| limits (privacy-limit) | 0 | %zu |\n", f_limits);
    size_t findings_builtin = wb_diagnostics_count(d) - f_extra;
    size_t findings_extra = wb_diagnostics_count(d);
    wb_diagnostics_free(d);
    if ((long)f_ids != ids || (long)f_minors != counts[ID_MINOR] || (long)f_phones != phones ||
        (long)f_cards != counts[CARD] || (long)f_extra != counts[EXTRA] || f_limits != 0 ||
        (long)f_names < counts[NAME])
        return fail("the findings differ from what was written");

    double best_scan = 1e9, best_extra = 1e9, best_redact = 1e9;
    for (int run = 0; run < 3; run++) {
        t0 = now();
        if (wb_privacy_scan(&d, s, text, len, "text.txt", 1, NULL) != WB_OK)
            return fail("wb_privacy_scan failed");
        double t = now() - t0;
        if (wb_diagnostics_count(d) != findings_builtin)
            return fail("a scan found a different number of findings");
        wb_diagnostics_free(d);
        if (t < best_scan)
            best_scan = t;

        t0 = now();
        if (wb_privacy_scan(&d, s_extra, text, len, "text.txt", 1, NULL) != WB_OK)
            return fail("wb_privacy_scan failed");
        t = now() - t0;
        wb_diagnostics_free(d);
        if (t < best_extra)
            best_extra = t;

        char *red = NULL;
        size_t red_len = 0;
        t0 = now();
        if (wb_privacy_redact(&red, &red_len, s, text, len, NULL) != WB_OK)
            return fail("wb_privacy_redact failed");
        t = now() - t0;
        wb_free(red);
        if (t < best_redact)
            best_redact = t;
    }

    printf("\n| operation | time | MB/s | findings/s |\n|---|---|---|---|\n");
    printf("| read the file (page cache) | %.3f s | %.0f | |\n", t_read, size_mb / t_read);
    printf("| wb_privacy_scanner_new | %.2f ms | | |\n", best_new * 1e3);
    printf("| scan, built-in patterns (%zu findings) | %.3f s | %.0f | %.0f |\n",
           findings_builtin, best_scan, size_mb / best_scan,
           (double)findings_builtin / best_scan);
    printf("| scan, with one extra pattern (%zu findings) | %.3f s | %.0f | %.0f |\n",
           findings_extra, best_extra, size_mb / best_extra, (double)findings_extra / best_extra);
    printf("| redact, built-in patterns | %.3f s | %.0f | %.0f |\n", best_redact,
           size_mb / best_redact, (double)findings_builtin / best_redact);

    wb_privacy_scanner_free(s_extra);
    wb_privacy_scanner_free(s);
    free(text);
    return 0;
}
