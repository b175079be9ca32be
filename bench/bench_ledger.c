/*
 * bench_ledger.c - checking background-check ledgers, beside xmllint.
 *
 *   build/bench/bench_ledger [--privacy] [ROWS...]   (default: 10000 1000000)
 *
 * For each size, writes one background-checks ledger (入职查询台账) of that
 * many rows twice, as XML and as CSV with the same records, into a fresh
 * directory under /tmp (deleted at the end). Rows are drawn by a fixed-seed
 * generator: unique keys, 20% new hires, about 1% query results that show
 * a record (half of them dismissed), a valid identity number (GB 11643) on
 * one row in ten, every date from 2025-01-01 to 2026-11-20 so that every
 * deadline stays inside the built-in calendar (2008-2026).
 *
 * Every check runs in a fresh process: this program re-executed as
 * `--one FILE`, which opens the built-in rule set and calendar, then
 * times one full check (wb_evaluation_new, wb_evaluation_add_file,
 * _finish, _free; results counted by a callback, not kept) and prints its
 * counts, its time and its peak resident memory. The first such run of
 * each file is not timed: it must give no problem and exactly as many
 * records as rows written, or the program stops. Beside the XML file,
 * `xmllint --stream --noout FILE` (parse only, no schema), in its own
 * process. Best of 3 runs below 100,000 rows, one run above. Times use
 * CLOCK_MONOTONIC. The files are read from the page cache (just written).
 *
 * With --privacy, each file is also checked with a privacy scanner set
 * (wb_evaluation_set_privacy; the built-in patterns, as of the same
 * date), every text cell scanned: `--one-privacy FILE`. The scanner is
 * made before the timing starts. The rows hold no personal data in their
 * text cells, so the figure is the cost of a scan that finds nothing.
 *
 * Children are started with fork and exec. Peak memory: the child reads
 * VmHWM from /proc/self/status, the high-water mark of its own address
 * space since exec, before and after the check. getrusage's ru_maxrss is
 * printed too (for xmllint, wait4's), but Linux floors it at exec with the
 * resident size of the address space exec replaced: the forked copy of
 * this program, whose anonymous pages (under 1 MiB here) count.
 *
 * Linux only (/proc/self/exe, wait4); never run by ctest.
 */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <weibao/weibao.h>

#define AS_OF "2026-11-29"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long maxrss_kb(void)
{
    struct rusage ru;
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return -1;
    return ru.ru_maxrss;        /* kilobytes on Linux */
}

/* VmHWM: this address space's peak resident set, in kB; -1 if unknown. */
static long hwm_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (f == NULL)
        return -1;
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof(line), f) != NULL)
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kb = strtol(line + 6, NULL, 10);
            break;
        }
    fclose(f);
    return kb;
}

/* ------------------------------------------------------------ cleanup */

static char workdir[64];
static char created[8][96];
static size_t created_count;

static void cleanup(void)
{
    for (size_t i = 0; i < created_count; i++)
        unlink(created[i]);
    created_count = 0;
    if (workdir[0] != '\0')
        rmdir(workdir);
    workdir[0] = '\0';
}

/* "bench_ledger: what: why", then the files deleted and exit 1. */
static void die(const char *what, const char *why)
{
    fprintf(stderr, "bench_ledger: %s: %s\n", what, why);
    cleanup();
    exit(1);
}

/* ------------------------------------------------------- one check */

typedef struct counts {
    size_t results;
    size_t by_outcome[WB_OUTCOME_COUNT];
} counts;

static int count_result(const wb_result *result, void *payload)
{
    counts *c = payload;
    c->results++;
    c->by_outcome[(int)wb_result_outcome(result) % WB_OUTCOME_COUNT]++;
    return 0;
}

typedef struct check {
    size_t records, problems, results;
    double seconds;
    const char *first_problem;     /* borrowed until the evaluation is freed */
} check;

/* A full check of one file: evaluation made, file read, finished, freed;
   with every text cell scanned when scanner is not NULL. */
static int check_file(const wb_ruleset *rules, const wb_calendar *cal,
                      const wb_privacy_scanner *scanner, const char *path, check *out,
                      counts *c, wb_error *err)
{
    wb_date as_of;
    wb_date_parse(&as_of, AS_OF, NULL);
    memset(c, 0, sizeof(*c));
    memset(out, 0, sizeof(*out));
    double t0 = now();
    wb_evaluation *ev;
    int rc = wb_evaluation_new(&ev, rules, cal, as_of, err);
    if (rc != WB_OK)
        return rc;
    wb_evaluation_on_result(ev, count_result, c);
    if (scanner != NULL)
        rc = wb_evaluation_set_privacy(ev, scanner, err);
    if (rc == WB_OK)
        rc = wb_evaluation_add_file(ev, path, NULL, err);
    if (rc == WB_OK)
        rc = wb_evaluation_finish(ev, err);
    out->records = wb_evaluation_record_count(ev);
    out->problems = wb_diagnostics_count(wb_evaluation_problems(ev));
    out->results = c->results;
    out->first_problem = NULL;
    if (out->problems > 0) {
        static char first[512];
        const wb_diagnostic *d = wb_diagnostics_at(wb_evaluation_problems(ev), 0);
        snprintf(first, sizeof(first), "%s:%d: %s: %s", wb_diagnostic_file(d),
                 wb_diagnostic_line(d), wb_diagnostic_rule(d),
                 wb_diagnostic_message(d, WB_LANG_EN));
        out->first_problem = first;
    }
    wb_evaluation_free(ev);
    out->seconds = now() - t0;
    return rc;
}

/*
 * `bench_ledger --one FILE`: one check in a fresh process, one line out:
 * records problems results, results per outcome, seconds, VmHWM before
 * and after the check, ru_maxrss after it. The first problem, if any, on
 * stderr.
 */
static int one(const char *path, int privacy)
{
    wb_error err;
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_privacy_scanner *scanner = NULL;
    wb_privacy_options options = WB_PRIVACY_OPTIONS_INIT;
    options.has_as_of = 1;
    wb_date_parse(&options.as_of, AS_OF, NULL);
    if (wb_ruleset_open_default(&rules, &err) != WB_OK ||
        wb_calendar_open_default(&cal, &err) != WB_OK ||
        (privacy && wb_privacy_scanner_new(&scanner, &options, &err) != WB_OK)) {
        fprintf(stderr, "bench_ledger --one: %s\n", err.message);
        return 1;
    }
    long base = hwm_kb();
    check r;
    counts c;
    int rc = check_file(rules, cal, scanner, path, &r, &c, &err);
    long peak = hwm_kb(), maxrss = maxrss_kb();
    if (rc != WB_OK) {
        fprintf(stderr, "bench_ledger --one: %s: %s\n", path, err.message);
        return 1;
    }
    if (r.first_problem != NULL)
        fprintf(stderr, "bench_ledger --one: first problem: %s\n", r.first_problem);
    printf("%zu %zu %zu", r.records, r.problems, r.results);
    for (int o = 0; o < WB_OUTCOME_COUNT; o++)
        printf(" %zu", c.by_outcome[o]);
    printf(" %.6f %ld %ld %ld\n", r.seconds, base, peak, maxrss);
    wb_privacy_scanner_free(scanner);
    wb_calendar_free(cal);
    wb_ruleset_free(rules);
    return 0;
}

/* ------------------------------------------------------- generation */

static uint64_t lcg_state;

static uint32_t rnd(void)
{
    lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(lcg_state >> 33);
}

static const char *const townships[] = {
    "城关镇", "山城镇", "红梅镇", "杏岭镇", "水道镇", "进化镇", "中和镇", "双兴镇",
    "兴华镇", "曙光镇", "小杨乡", "李炉乡", "新华街道", "向阳街道", "和平街道",
};
static const char *const unit_kinds[] = {
    "中心小学", "第一小学", "实验小学", "中学", "中心幼儿园", "卫生院", "文化站", "少年宫",
};
static const char *const surnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
};
static const char *const given[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀英", "霞", "平", "刚", "桂英", "玉兰", "建华",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rnd() % COUNT_OF(a)])

/* An 18-character identity number whose check character and birth date are right. */
static void make_id_number(char out[19])
{
    int year = 1960 + (int)(rnd() % 43), month = 1 + (int)(rnd() % 12);
    int day = 1 + (int)(rnd() % (uint32_t)wb_days_in_month(year, month));
    char digits[48];
    snprintf(digits, sizeof(digits), "220581%04d%02d%02d%03u", year, month, day, rnd() % 1000);
    memcpy(out, digits, 17);
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        int weight = 1;
        for (int k = 0; k < 17 - i; k++)
            weight = weight * 2 % 11;
        sum += (out[i] - '0') * weight;
    }
    out[17] = "10X98765432"[sum % 11];
    out[18] = '\0';
}

typedef struct row {
    char key[32];
    char unit[64];
    const char *township;
    char name[16];
    char id_number[19];          /* "" when left out */
    const char *category;
    char start[WB_DATE_STRLEN], query[WB_DATE_STRLEN];
    const char *result;          /* NULL when no result recorded */
    char result_date[WB_DATE_STRLEN], dismissal[WB_DATE_STRLEN];
} row;

static wb_date day_lo, day_hi, result_cutoff;

static wb_date clamp(wb_date d)
{
    if (d.days < day_lo.days)
        d = day_lo;
    if (d.days > day_hi.days)
        d = day_hi;
    return d;
}

static void fmt(char *buf, wb_date d)
{
    wb_date_format(buf, d);
}

static void make_row(row *r, size_t i)
{
    memset(r, 0, sizeof(*r));
    snprintf(r->key, sizeof(r->key), "BC-%07zu", i + 1);
    r->township = PICK(townships);
    snprintf(r->unit, sizeof(r->unit), "%s%s", r->township, PICK(unit_kinds));
    snprintf(r->name, sizeof(r->name), "%s%s", PICK(surnames), PICK(given));
    if (rnd() % 10 == 0)
        make_id_number(r->id_number);
    uint32_t span = (uint32_t)(day_hi.days - day_lo.days + 1);
    int has_record = rnd() % 100 == 0;          /* 查询结果: 有 */
    wb_date query = { 0 };
    int queried = 1;
    if (rnd() % 5 == 0) {
        r->category = "新入职";
        wb_date start = { day_lo.days + (int32_t)(rnd() % span) };
        fmt(r->start, start);
        uint32_t u = rnd() % 100;
        if (u < 97)
            query = clamp((wb_date){ start.days - (int32_t)(rnd() % 30) });      /* in time */
        else if (u < 99)
            query = clamp((wb_date){ start.days + 1 + (int32_t)(rnd() % 10) });  /* late */
        else
            queried = 0;                                                        /* never */
    } else {
        r->category = "在职";
        query = (wb_date){ day_lo.days + (int32_t)(rnd() % span) };
        queried = rnd() % 100 != 0;
    }
    if (!queried)
        return;
    if (has_record && query.days + 10 > result_cutoff.days)
        query.days = result_cutoff.days - 10 - (int32_t)(rnd() % 60);
    fmt(r->query, query);
    wb_date received = { query.days + 3 + (int32_t)(rnd() % 8) };
    if (has_record) {
        r->result = "有";
        fmt(r->result_date, received);
        if (rnd() % 2 == 0)
            fmt(r->dismissal, clamp((wb_date){ received.days + 1 + (int32_t)(rnd() % 50) }));
    } else {
        r->result = "无";
        if (received.days <= result_cutoff.days)
            fmt(r->result_date, received);
    }
}

static void xml_attr(FILE *f, const char *name, const char *value)
{
    if (value != NULL && value[0] != '\0')
        fprintf(f, " %s=\"%s\"", name, value);
}

static FILE *create(const char *path)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        die(path, strerror(errno));
    if (created_count < COUNT_OF(created))
        snprintf(created[created_count++], sizeof(created[0]), "%s", path);
    setvbuf(f, NULL, _IOFBF, 1 << 20);
    return f;
}

/* Both files of one size, the same rows in each. */
static void generate(const char *xml_path, const char *csv_path, size_t rows)
{
    FILE *x = create(xml_path), *c = create(csv_path);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<background-checks xmlns=\"urn:weibao:ledger:1\" format=\"1\">\n", x);
    fputs("编号,单位,乡镇(街道),姓名,身份证号,人员类别,入职日期,查询日期,查询结果,"
          "结果收到日期,解除工作关系日期\n", c);
    lcg_state = 20261129;
    row r;
    for (size_t i = 0; i < rows; i++) {
        make_row(&r, i);
        fputs("  <record", x);
        xml_attr(x, "key", r.key);
        xml_attr(x, "unit", r.unit);
        xml_attr(x, "township", r.township);
        xml_attr(x, "name", r.name);
        xml_attr(x, "id-number", r.id_number);
        xml_attr(x, "category", r.category);
        xml_attr(x, "start-date", r.start);
        xml_attr(x, "query-date", r.query);
        xml_attr(x, "result", r.result);
        xml_attr(x, "result-date", r.result_date);
        xml_attr(x, "dismissal-date", r.dismissal);
        fputs("/>\n", x);
        fprintf(c, "%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n", r.key, r.unit, r.township, r.name,
                r.id_number, r.category, r.start, r.query, r.result ? r.result : "",
                r.result_date, r.dismissal);
    }
    fputs("</background-checks>\n", x);
    if (fclose(x) != 0 || fclose(c) != 0)
        die(xml_path, strerror(errno));
}

static double file_mb(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (double)st.st_size / 1e6 : 0.0;
}

/* ------------------------------------------------------- processes */

typedef struct run {
    double wall;                  /* spawn to exit, seen from here */
    double seconds;               /* the check alone, timed in the child */
    long base_kb, peak_kb;        /* VmHWM before and after the check */
    long maxrss_kb;               /* ru_maxrss (xmllint: from wait4) */
    size_t records, problems, results;
    size_t by_outcome[WB_OUTCOME_COUNT];
} run;

/* This program again, as `--one path` (or --one-privacy): its line read
   back through a pipe. */
static run spawn_check(const char *path, int privacy)
{
    int fds[2];
    if (pipe(fds) != 0)
        die("pipe", strerror(errno));
    char *argv[] = { "bench_ledger", privacy ? "--one-privacy" : "--one", (char *)path, NULL };
    fflush(NULL);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        die("fork", strerror(errno));
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        execv("/proc/self/exe", argv);
        _exit(127);
    }
    close(fds[1]);
    char line[512];
    size_t n = 0;
    ssize_t got;
    while (n + 1 < sizeof(line) && (got = read(fds[0], line + n, sizeof(line) - 1 - n)) > 0)
        n += (size_t)got;
    line[n] = '\0';
    close(fds[0]);
    int status;
    if (waitpid(pid, &status, 0) < 0)
        die("waitpid", strerror(errno));
    run r;
    memset(&r, 0, sizeof(r));
    r.wall = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
        sscanf(line, "%zu %zu %zu %zu %zu %zu %zu %zu %lf %ld %ld %ld", &r.records, &r.problems,
               &r.results, &r.by_outcome[0], &r.by_outcome[1], &r.by_outcome[2],
               &r.by_outcome[3], &r.by_outcome[4], &r.seconds, &r.base_kb, &r.peak_kb,
               &r.maxrss_kb) != 12)
        die(path, "the check in a child process failed");
    return r;
}

/* `xmllint --stream --noout path`, output thrown away; wall -1 when it cannot run. */
static run spawn_xmllint(const char *path)
{
    char *argv[] = { "xmllint", "--stream", "--noout", (char *)path, NULL };
    run r;
    memset(&r, 0, sizeof(r));
    r.wall = -1;
    fflush(NULL);
    double t0 = now();
    pid_t pid = fork();
    if (pid < 0)
        return r;
    if (pid == 0) {
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0) {
            dup2(null, 1);
            dup2(null, 2);
        }
        execvp("xmllint", argv);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return r;
    double wall = now() - t0;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return r;
    r.wall = wall;
    r.seconds = wall;
    r.maxrss_kb = ru.ru_maxrss;
    return r;
}

/* Best time of `runs`, and the highest peak memory of any of them. */
static run best_check(const char *path, int runs, int privacy)
{
    run best = spawn_check(path, privacy);
    for (int i = 1; i < runs; i++) {
        run r = spawn_check(path, privacy);
        if (r.peak_kb > best.peak_kb)
            best.peak_kb = r.peak_kb;
        if (r.maxrss_kb > best.maxrss_kb)
            best.maxrss_kb = r.maxrss_kb;
        if (r.base_kb > best.base_kb)
            best.base_kb = r.base_kb;
        if (r.seconds < best.seconds)
            best.seconds = r.seconds;
        if (r.wall < best.wall)
            best.wall = r.wall;
    }
    return best;
}

static run best_xmllint(const char *path, int runs)
{
    run best = spawn_xmllint(path);
    for (int i = 1; i < runs && best.wall >= 0; i++) {
        run r = spawn_xmllint(path);
        if (r.wall < 0)
            return r;
        if (r.maxrss_kb > best.maxrss_kb)
            best.maxrss_kb = r.maxrss_kb;
        if (r.wall < best.wall)
            best.wall = best.seconds = r.wall;
    }
    return best;
}

/* ------------------------------------------------------------- main */

/* The untimed first run: every row checked, no problem, or stop. */
static void verify(const char *path, size_t rows)
{
    run r = spawn_check(path, 0);
    if (r.problems != 0) {
        char msg[96];
        snprintf(msg, sizeof(msg), "%zu problems (the first is above)", r.problems);
        die(path, msg);
    }
    if (r.records != rows) {
        char msg[96];
        snprintf(msg, sizeof(msg), "%zu records checked, %zu rows written", r.records, rows);
        die(path, msg);
    }
    if (r.results < 3 * rows)
        die(path, "fewer results than three rules a record");
    printf("  %s: %zu records, 0 problems, %zu results (", strrchr(path, '/') + 1, r.records,
           r.results);
    for (int o = 0; o < WB_OUTCOME_COUNT; o++)
        printf("%s%s %zu", o ? ", " : "", wb_outcome_name((wb_outcome)o), r.by_outcome[o]);
    printf(")\n");
}

static double mib(long kb)
{
    return (double)kb / 1024.0;
}

static void print_check(size_t rows, const char *form, double mb, run r)
{
    printf("%9zu  %-8s %8.1f  %8.3f  %10.0f  %6.1f  %9.3f  %8.1f  %8.1f  %8.1f  %9.1f\n", rows,
           form, mb, r.seconds, (double)r.records / r.seconds, mb / r.seconds, r.wall,
           mib(r.peak_kb), mib(r.base_kb), mib(r.peak_kb - r.base_kb), mib(r.maxrss_kb));
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--one") == 0)
        return one(argv[2], 0);
    if (argc == 3 && strcmp(argv[1], "--one-privacy") == 0)
        return one(argv[2], 1);

    size_t sizes[8] = { 10000, 1000000 };
    size_t nsizes = 2;
    int privacy = argc > 1 && strcmp(argv[1], "--privacy") == 0;
    if (argc > 1 + privacy) {
        nsizes = 0;
        for (int i = 1 + privacy; i < argc && nsizes < COUNT_OF(sizes); i++) {
            char *end;
            unsigned long long v = strtoull(argv[i], &end, 10);
            if (*end != '\0' || v == 0 || v > 9999999) {
                fprintf(stderr, "usage: bench_ledger [--privacy] [ROWS...]   "
                                "(1 to 9,999,999 rows each)\n");
                return 2;
            }
            sizes[nsizes++] = (size_t)v;
        }
    }

    wb_date_from_ymd(&day_lo, 2025, 1, 1, NULL);
    wb_date_from_ymd(&day_hi, 2026, 11, 20, NULL);
    wb_date_from_ymd(&result_cutoff, 2026, 10, 31, NULL);

    snprintf(workdir, sizeof(workdir), "/tmp/bench_ledger.XXXXXX");
    if (mkdtemp(workdir) == NULL) {
        workdir[0] = '\0';
        die("mkdtemp", strerror(errno));
    }

    printf("libweibao %s, background-checks ledgers, as of %s\n", wb_version_string(), AS_OF);
    run checks[8][2], scanned[8][2], lint[8];
    double mbs[8][2];
    for (size_t s = 0; s < nsizes; s++) {
        char xml[96], csv[96];
        snprintf(xml, sizeof(xml), "%s/bc-%zu.xml", workdir, sizes[s]);
        snprintf(csv, sizeof(csv), "%s/bc-%zu.csv", workdir, sizes[s]);
        double t0 = now();
        generate(xml, csv, sizes[s]);
        mbs[s][0] = file_mb(xml);
        mbs[s][1] = file_mb(csv);
        printf("%zu rows written in %.1f s: XML %.1f MB, CSV %.1f MB\n", sizes[s], now() - t0,
               mbs[s][0], mbs[s][1]);
        verify(xml, sizes[s]);
        verify(csv, sizes[s]);

        int runs = sizes[s] < 100000 ? 3 : 1;
        checks[s][0] = best_check(xml, runs, 0);
        checks[s][1] = best_check(csv, runs, 0);
        if (privacy) {
            scanned[s][0] = best_check(xml, runs, 1);
            scanned[s][1] = best_check(csv, runs, 1);
        }
        lint[s] = best_xmllint(xml, runs);
        for (int f = 0; f < 2; f++)
            if (checks[s][f].records != sizes[s] || checks[s][f].problems != 0 ||
                (privacy && (scanned[s][f].records != sizes[s] || scanned[s][f].problems != 0)))
                die(f ? csv : xml, "a timed run did not check every row cleanly");
        for (size_t i = 0; i < created_count; i++)
            unlink(created[i]);
        created_count = 0;
    }

    printf("\n     rows  form      size MB   check s   records/s    MB/s  process s"
           "  peak MiB  base MiB  check MiB  ru_maxrss\n");
    for (size_t s = 0; s < nsizes; s++) {
        print_check(sizes[s], "XML", mbs[s][0], checks[s][0]);
        print_check(sizes[s], "CSV", mbs[s][1], checks[s][1]);
        if (privacy) {
            print_check(sizes[s], "XML+scan", mbs[s][0], scanned[s][0]);
            print_check(sizes[s], "CSV+scan", mbs[s][1], scanned[s][1]);
        }
        if (lint[s].wall < 0)
            printf("%9zu  xmllint --stream --noout: could not be run\n", sizes[s]);
        else
            printf("%9zu  %-8s %8.1f  %8s  %10.0f  %6.1f  %9.3f  %8s  %8s  %8s  %9.1f\n",
                   sizes[s], "xmllint", mbs[s][0], "-", (double)sizes[s] / lint[s].wall,
                   mbs[s][0] / lint[s].wall, lint[s].wall, "-", "-", "-",
                   mib(lint[s].maxrss_kb));
    }
    printf("\ncheck s: one full check, timed in the child; records/s and MB/s from it.\n"
           "process s: spawn to exit, seen from the parent (xmllint: its whole run).\n"
           "peak MiB: the child's VmHWM after the check; base MiB: its VmHWM before it, the\n"
           "rule set and calendar open; check MiB = peak - base. ru_maxrss: getrusage in the\n"
           "child (xmllint: wait4), floored by Linux at the forked parent's resident pages.\n"
           "Best of 3 runs below 100,000 rows, else 1 run.\n\n");
    for (size_t s = 0; s < nsizes; s++)
        if (lint[s].wall > 0)
            printf("%9zu rows: our check / xmllint --stream --noout = %.1f for XML, %.1f for CSV "
                   "(process times; check alone: %.1f, %.1f)\n", sizes[s],
                   checks[s][0].wall / lint[s].wall, checks[s][1].wall / lint[s].wall,
                   checks[s][0].seconds / lint[s].wall, checks[s][1].seconds / lint[s].wall);

    for (size_t s = 0; privacy && s < nsizes; s++)
        printf("%9zu rows: with the privacy scan / without = %.2f for XML, %.2f for CSV "
               "(check alone)\n", sizes[s], scanned[s][0].seconds / checks[s][0].seconds,
               scanned[s][1].seconds / checks[s][1].seconds);

    cleanup();
    return 0;
}
