/*
 * test_threads.c - the threading contract of docs/threading.md, tried:
 * four threads do the same work at once over ONE rule set, calendar,
 * privacy scanner, rubric, dossier and assessment, and every thread must
 * get, byte for byte, what one thread alone gets.
 *
 * The work: ledgers evaluated with the privacy scan on (tests/data/ledgers,
 * the example county's ledgers one by one and all in one evaluation, and
 * ledgers made in memory), text scanned and redacted, periods counted on
 * the calendar, assessments of the dossier run, and reports written from
 * the one shared assessment. Each piece gives a digest of everything the
 * API tells about its result. Threads start at different pieces and go
 * round twice, so different and equal pieces overlap; they run before the
 * single-threaded reference, so that nothing is warmed up for them.
 *
 * Built with -DWB_SANITIZE=thread (sh tools/dev.sh test: build-tsan/), the
 * same program shows that the sharing is free of data races.
 *
 * Digests hold personal data whole (the leaks are planted on purpose):
 * they are compared, never printed; a failure names the piece of work.
 */
#include "runner.h"

#include <pthread.h>
#include <stdlib.h>
#include <weibao/weibao.h>

#include "strbuf.h"

enum { THREADS = 4, ROUNDS = 2 };

#define AS_OF "2026-11-29"
#define MINOR_ID "110105200811300015"   /* made up, right check character */
#define CARD_19 "6222021234567890128"   /* Luhn-valid */

/* Everything the threads share, loaded once. */
typedef struct world {
    wb_date as_of;
    wb_ruleset *rules;
    wb_calendar *cal;
    wb_privacy_scanner *scanner;
    wb_rubric *rubric;
    wb_dossier *dossier;
    wb_assessment *assessment;
    char *made[4];              /* ledgers and text made in memory */
    size_t made_len[4];
} world;

typedef struct job job;
typedef char *(*job_fn)(const world *w, const job *j);

/* A piece of work: run(w, j) gives its digest (malloc'd), NULL when it
   could not be made at all. */
struct job {
    char name[512];
    job_fn run;
    const char *path;           /* a ledger file */
    const char *data;           /* or a ledger or text in memory */
    size_t len;
    int arg;                    /* a report format, a period unit */
};

static const char *str(const char *s)
{
    return s != NULL ? s : "-";
}

static const char *iso(wb_date d, char buf[WB_DATE_STRLEN])
{
    wb_date_format(buf, d);
    return buf;
}

/* ---------------------------------------------------------------- digests */

static void put_findings(wb__strbuf *b, const wb_diagnostics *list)
{
    for (size_t i = 0; i < wb_diagnostics_count(list); i++) {
        const wb_diagnostic *d = wb_diagnostics_at(list, i);
        wb__strbuf_put(b, "%s %s %s:%d:%d %s | %s\n",
                       wb_severity_name(wb_diagnostic_severity(d)), wb_diagnostic_rule(d),
                       str(wb_diagnostic_file(d)), wb_diagnostic_line(d),
                       wb_diagnostic_column(d), wb_diagnostic_message(d, WB_LANG_ZH),
                       wb_diagnostic_message(d, WB_LANG_EN));
    }
}

static void put_result(wb__strbuf *b, const wb_result *r)
{
    char d1[WB_DATE_STRLEN], d2[WB_DATE_STRLEN];
    wb_date due, done, from, to;
    int64_t have, need;
    int32_t percent;
    wb__strbuf_put(b, "%s %s %s %s [%s|%s] %s:%d sev %s", wb_result_rule(r),
                   wb_result_standard(r), wb_outcome_name(wb_result_outcome(r)),
                   wb_result_key(r), wb_result_unit(r), wb_result_township(r),
                   str(wb_result_source(r)), wb_result_line(r),
                   wb_severity_name(wb_result_severity(r)));
    if (wb_result_due(r, &due) == WB_OK)
        wb__strbuf_put(b, " due %s", iso(due, d1));
    if (wb_result_done(r, &done) == WB_OK)
        wb__strbuf_put(b, " done %s", iso(done, d1));
    wb__strbuf_put(b, " late %d left %d prov %d bound %d missing %s",
                   (int)wb_result_days_late(r), (int)wb_result_days_left(r),
                   wb_result_provisional(r), wb_result_due_is_bound(r),
                   str(wb_result_missing(r)));
    if (wb_result_span(r, &from, &to) == WB_OK)
        wb__strbuf_put(b, " span %s..%s", iso(from, d1), iso(to, d2));
    if (wb_result_ratio(r, &have, &need, &percent) == WB_OK)
        wb__strbuf_put(b, " ratio %lld/%lld %d%%", (long long)have, (long long)need,
                       (int)percent);
    if (wb_result_count(r, &have, &need) == WB_OK)
        wb__strbuf_put(b, " count %lld/%lld", (long long)have, (long long)need);
    wb__strbuf_put(b, " detail %s | %s\n", str(wb_result_detail(r, WB_LANG_ZH)),
                   str(wb_result_detail(r, WB_LANG_EN)));
    for (int lang = WB_LANG_ZH; lang <= WB_LANG_EN; lang++) {
        char *message = NULL, *why = NULL;
        if (wb_result_message(&message, r, (wb_lang)lang, NULL) == WB_OK &&
            wb_result_explain(&why, r, (wb_lang)lang, NULL) == WB_OK)
            wb__strbuf_put(b, "  %s\n  %s\n", message, why);
        else
            b->failed = 1;
        wb_free(message);
        wb_free(why);
    }
}

static void put_evaluation(wb__strbuf *b, const wb_evaluation *ev)
{
    char d1[WB_DATE_STRLEN];
    wb__strbuf_put(b, "as of %s since %s, %zu records, %zu results\n",
                   iso(wb_evaluation_as_of(ev), d1), iso(wb_evaluation_since(ev), d1),
                   wb_evaluation_record_count(ev), wb_evaluation_result_count(ev));
    put_findings(b, wb_evaluation_problems(ev));
    for (size_t i = 0; i < wb_evaluation_result_count(ev); i++)
        put_result(b, wb_evaluation_result_at(ev, i));
    for (int by = WB_GROUP_RULE; by <= WB_GROUP_TOWNSHIP; by++)
        for (size_t i = 0; i < wb_evaluation_group_count(ev, (wb_grouping)by); i++) {
            wb__strbuf_put(b, "group %d %s:", by,
                           wb_evaluation_group_name(ev, (wb_grouping)by, i));
            for (int o = 0; o < WB_OUTCOME_COUNT; o++)
                wb__strbuf_put(b, " %zu",
                               wb_evaluation_group_outcome(ev, (wb_grouping)by, i,
                                                           (wb_outcome)o));
            wb__strbuf_put(b, "\n");
        }
}

/* A call's status, and its error when it failed. */
static void put_status(wb__strbuf *b, const char *what, int rc, const wb_error *err)
{
    wb__strbuf_put(b, "%s: %d", what, rc);
    if (rc != WB_OK)
        wb__strbuf_put(b, " %s %s:%d:%d %s", err->rule, err->source, err->line, err->column,
                       err->message);
    wb__strbuf_put(b, "\n");
}

/* ----------------------------------------------------------------- work */

/* One evaluation over the shared rule set, calendar and scanner: of the
   job's file or buffer, or (neither) of every ledger of the dossier. */
static char *evaluate(const world *w, const job *j)
{
    wb__strbuf b = { 0 };
    wb_evaluation *ev = NULL;
    wb_error err;
    wb_error_clear(&err);
    if (wb_evaluation_new(&ev, w->rules, w->cal, w->as_of, &err) != WB_OK ||
        wb_evaluation_set_privacy(ev, w->scanner, &err) != WB_OK) {
        wb_evaluation_free(ev);
        return NULL;
    }
    if (j->path != NULL) {
        put_status(&b, "file", wb_evaluation_add_file(ev, j->path, NULL, &err), &err);
    } else if (j->data != NULL) {
        put_status(&b, "buffer",
                   wb_evaluation_add_buffer(ev, j->data, j->len, j->name, NULL, &err), &err);
    } else {
        wb_date since;
        if (wb_dossier_since(w->dossier, &since) == WB_OK)
            put_status(&b, "since", wb_evaluation_set_period(ev, since, &err), &err);
        for (size_t i = 0; i < wb_dossier_ledger_count(w->dossier); i++)
            put_status(&b, wb_dossier_ledger_path(w->dossier, i),
                       wb_evaluation_add_file(ev, wb_dossier_ledger_path(w->dossier, i),
                                              wb_dossier_ledger_kind(w->dossier, i), &err),
                       &err);
    }
    put_status(&b, "finish", wb_evaluation_finish(ev, &err), &err);
    put_evaluation(&b, ev);
    wb_evaluation_free(ev);
    return wb__strbuf_finish(&b);
}

/* The shared scanner over text: findings, then the redacted copy. */
static char *scan(const world *w, const job *j)
{
    wb__strbuf b = { 0 };
    wb_diagnostics *found = NULL;
    char *redacted = NULL;
    size_t redacted_len = 0;
    wb_error err;
    wb_error_clear(&err);
    put_status(&b, "scan", wb_privacy_scan(&found, w->scanner, j->data, j->len, j->name, 1, &err),
               &err);
    put_findings(&b, found);
    put_status(&b, "redact",
               wb_privacy_redact(&redacted, &redacted_len, w->scanner, j->data, j->len, &err),
               &err);
    if (redacted != NULL)
        wb__strbuf_append(&b, redacted, redacted_len);
    wb_diagnostics_free(found);
    wb_free(redacted);
    return wb__strbuf_finish(&b);
}

/* Periods from every fifth day of 2025 and 2026 on the shared calendar:
   0 to 40 days or working days, 0 to 11 months, 0 or 1 year (some end
   past its data: that answer is compared too). */
static char *periods(const world *w, const job *j)
{
    wb__strbuf b = { 0 };
    wb_date start;
    wb_date_from_ymd(&start, 2025, 1, 1, NULL);
    int32_t most = j->arg == WB_PERIOD_MONTHS ? 11 : j->arg == WB_PERIOD_YEARS ? 1 : 40;
    int32_t step = most == 40 ? 3 : 1;
    for (int day = 0; day < 730; day += 5) {
        wb_date from;
        wb_date_add_days(&from, start, day, NULL);
        for (int32_t count = 0; count <= most; count += step) {
            char d1[WB_DATE_STRLEN], d2[WB_DATE_STRLEN];
            wb_deadline dl;
            wb_error err;
            wb_error_clear(&err);
            int rc = wb_period_end(&dl, w->cal, from, count, (wb_period_unit)j->arg, NULL, &err);
            if (rc == WB_OK)
                wb__strbuf_put(&b, "%s+%d: %s (%s) moved %d off %s %s prov %d proj %d\n",
                               iso(from, d1), (int)count, iso(dl.end, d2),
                               iso(dl.nominal_end, d1), dl.moved, str(dl.holiday),
                               str(dl.notice), dl.provisional, dl.projected);
            else
                put_status(&b, iso(from, d1), rc, &err);
        }
        wb__strbuf_put(&b, "workday %d\n", wb_calendar_is_workday(w->cal, from, NULL));
    }
    return wb__strbuf_finish(&b);
}

/* An assessment of the shared dossier with the shared rubric, rules and
   calendar, reported as JSON (the report says everything it found). */
static char *assess(const world *w, const job *j)
{
    (void)j;
    wb_assessment *a = NULL;
    char *report = NULL;
    int rc = wb_assessment_run(&a, w->dossier, w->rubric, w->rules, w->cal, NULL);
    if (rc == WB_OK)
        rc = wb_report_assessment(&report, a, WB_REPORT_JSON, WB_LANG_EN, NULL);
    wb_assessment_free(a);
    if (rc != WB_OK)
        return NULL;
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, "%s", report);
    wb_free(report);
    return wb__strbuf_finish(&b);
}

/* A report of the one shared assessment (arg: format * 2 + language), or
   (arg < 0) the shared rubric's responsibility matrix. */
static char *report(const world *w, const job *j)
{
    char *text = NULL;
    int rc = j->arg >= 0
                 ? wb_report_assessment(&text, w->assessment, (wb_report_format)(j->arg / 2),
                                        (wb_lang)(j->arg % 2), NULL)
                 : wb_report_responsibilities(&text, w->rubric, WB_REPORT_HTML, WB_LANG_ZH,
                                              NULL);
    if (rc != WB_OK)
        return NULL;
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, "%s", text);
    wb_free(text);
    return wb__strbuf_finish(&b);
}

/* ------------------------------------------------------ the shared world */

/* A background-check ledger (CSV) of n rows: deadlines met, missed and
   pending, a bad date now and then, and leaks in the notes. */
static char *make_background_checks(size_t n, size_t *len)
{
    static const char *const units[] = { "实验小学", "第二中学", "县幼儿园", "青少年宫" };
    static const char *const towns[] = { "城关镇", "东风乡", "西河镇" };
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, "编号,单位,乡镇(街道),姓名,身份证号,人员类别,入职日期,查询日期,"
                       "查询结果,结果收到日期,解除工作关系日期,备注\n");
    wb_date base;
    wb_date_from_ymd(&base, 2025, 1, 6, NULL);
    for (size_t i = 0; i < n; i++) {
        char start[WB_DATE_STRLEN], query[WB_DATE_STRLEN], got[WB_DATE_STRLEN];
        char dismissed[WB_DATE_STRLEN] = "";
        wb_date d;
        wb_date_add_days(&d, base, (int32_t)(i * 5 % 690), NULL);
        iso(d, start);
        wb_date_add_days(&d, d, (int32_t)(i % 23) - 11, NULL);
        iso(d, query);
        wb_date_add_days(&d, d, (int32_t)(i % 17), NULL);
        iso(d, got);
        int record = i % 9 == 4;
        if (record && i % 2 == 0) {
            wb_date_add_days(&d, d, (int32_t)(20 + i % 40), NULL);
            iso(d, dismissed);
        }
        const char *note = i % 11 == 3 ? "家长电话 13812345678"
                           : i % 13 == 5 ? "学生身份证 " MINOR_ID
                           : i % 19 == 7 ? "补助卡号 " CARD_19 : "";
        wb__strbuf_put(&b, "BC-G%03zu,%s,%s,某%zu,,%s,%s,%s,%s,%s,%s,%s\n", i, units[i % 4],
                       towns[i % 3], i, i % 3 == 0 ? "新入职" : "在职", start,
                       i % 37 == 36 ? "2026-02-30" : query, record ? "有" : "无",
                       i % 7 == 6 ? "" : got, dismissed, note);
    }
    *len = b.len;
    return wb__strbuf_finish(&b);
}

/* A meetings ledger (CSV): county and township meetings over two years. */
static char *make_meetings(size_t n, size_t *len)
{
    static const char *const towns[] = { "城关镇", "东风乡", "西河镇" };
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, "编号,层级,乡镇(街道),会议日期,会议纪要,议题\n");
    for (size_t i = 0; i < n; i++) {
        int county = i % 4 == 0;
        wb__strbuf_put(&b, "M-G%03zu,%s,%s,%d-%02zu-%02zu,%s,%s\n", i,
                       county ? "县级" : "乡镇(街道)", county ? "" : towns[i % 3],
                       i % 2 == 0 ? 2025 : 2026, 1 + i % 11, 1 + i % 28,
                       i % 5 == 4 ? "无" : "有",
                       i % 6 == 1 ? "联系人 13912345678" : "未成年人保护工作");
    }
    *len = b.len;
    return wb__strbuf_finish(&b);
}

/* A judicial-suggestions ledger (XML), with a leak in an attribute. */
static char *make_suggestions(size_t n, size_t *len)
{
    wb__strbuf b = { 0 };
    wb__strbuf_put(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<judicial-suggestions xmlns=\"urn:weibao:ledger:1\" format=\"1\">\n");
    for (size_t i = 0; i < n; i++) {
        wb__strbuf_put(&b, "  <record key=\"JS-G%03zu\" unit=\"%s\" received-date=\"2026-%02zu-%02zu\"",
                       i, i % 8 == 2 ? "某小学 13812345678" : "县教育局", 1 + i % 11,
                       1 + i % 27);
        if (i % 3 != 2)
            wb__strbuf_put(&b, " reply-date=\"2026-%02zu-%02zu\"", 2 + i % 10, 1 + (i * 7) % 28);
        wb__strbuf_put(&b, "/>\n");
    }
    wb__strbuf_put(&b, "</judicial-suggestions>\n");
    *len = b.len;
    return wb__strbuf_finish(&b);
}

/* Free text of many lines, each kind of personal data here and there. */
static char *make_text(size_t lines, size_t *len)
{
    wb__strbuf b = { 0 };
    for (size_t i = 0; i < lines; i++)
        wb__strbuf_put(&b, "第%zu行:%s\n", i + 1,
                       i % 5 == 0 ? "学生身份证 " MINOR_ID " 已核实"
                       : i % 5 == 1 ? "家长手机 138-1234-5678,座机 010-62345678"
                       : i % 5 == 2 ? "补助发放卡号 " CARD_19
                       : i % 5 == 3 ? "该案被害人张小明年满十四周岁" : "工作台账正常");
    *len = b.len;
    return wb__strbuf_finish(&b);
}

static void open_world(world *w)
{
    memset(w, 0, sizeof(*w));
    wb_error err;
    assert_int_equal(wb_date_parse(&w->as_of, AS_OF, NULL), WB_OK);
    assert_int_equal(wb_ruleset_open_default(&w->rules, NULL), WB_OK);
    assert_int_equal(wb_calendar_open_default(&w->cal, NULL), WB_OK);
    assert_int_equal(wb_rubric_open_default(&w->rubric, NULL), WB_OK);
    wb_privacy_options o = WB_PRIVACY_OPTIONS_INIT;
    o.as_of = w->as_of;
    o.has_as_of = 1;
    assert_int_equal(wb_ruleset_privacy_scanner(&w->scanner, w->rules, &o, NULL), WB_OK);
    if (wb_dossier_load_file(&w->dossier, WB_SOURCE_DIR "/examples/dossier/dossier.xml",
                             &err) != WB_OK)
        fail_msg("the example dossier: %s", err.message);
    if (wb_assessment_run(&w->assessment, w->dossier, w->rubric, w->rules, w->cal, &err) !=
        WB_OK)
        fail_msg("the example's assessment: %s", err.message);
    w->made[0] = make_background_checks(120, &w->made_len[0]);
    w->made[1] = make_meetings(80, &w->made_len[1]);
    w->made[2] = make_suggestions(60, &w->made_len[2]);
    w->made[3] = make_text(200, &w->made_len[3]);
    for (size_t i = 0; i < 4; i++)
        assert_non_null(w->made[i]);
}

static void close_world(world *w)
{
    for (size_t i = 0; i < 4; i++)
        free(w->made[i]);
    wb_assessment_free(w->assessment);
    wb_dossier_free(w->dossier);
    wb_rubric_free(w->rubric);
    wb_privacy_scanner_free(w->scanner);
    wb_calendar_free(w->cal);
    wb_ruleset_free(w->rules);
}

/* ------------------------------------------------------------ the threads */

typedef struct worker {
    const world *w;
    const job *jobs;
    size_t n, first;            /* the jobs, and where this thread starts */
    char **got;                 /* its digest of each job, from round one */
    size_t runs, lost, changed; /* runs; digests not made; unlike round one */
} worker;

static void *work(void *arg)
{
    /* No cmocka assertion here: a failure's longjmp cannot cross threads. */
    worker *k = arg;
    for (int round = 0; round < ROUNDS; round++)
        for (size_t i = 0; i < k->n; i++) {
            size_t at = (k->first + i) % k->n;
            char *digest = k->jobs[at].run(k->w, &k->jobs[at]);
            k->runs++;
            if (digest == NULL) {
                k->lost++;
            } else if (k->got[at] == NULL) {
                k->got[at] = digest;
                digest = NULL;
            } else if (strcmp(digest, k->got[at]) != 0) {
                k->changed++;
            }
            free(digest);
        }
    return NULL;
}

/* Every job on THREADS threads at once, then alone; every digest equal. */
static void run_everywhere(const world *w, const job *jobs, size_t n)
{
    pthread_t t[THREADS];
    worker k[THREADS];
    for (size_t i = 0; i < THREADS; i++) {
        k[i] = (worker){ .w = w, .jobs = jobs, .n = n, .first = i * n / THREADS };
        k[i].got = calloc(n, sizeof(char *));
        assert_non_null(k[i].got);
    }
    for (size_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&t[i], NULL, work, &k[i]), 0);
    for (size_t i = 0; i < THREADS; i++)
        assert_int_equal(pthread_join(t[i], NULL), 0);

    size_t wrong = 0;
    const char *first_wrong = NULL;
    for (size_t j = 0; j < n; j++) {
        char *alone = jobs[j].run(w, &jobs[j]);
        if (alone == NULL)
            fail_msg("%s: fails on one thread", jobs[j].name);
        for (size_t i = 0; i < THREADS; i++)
            if (k[i].got[j] == NULL || strcmp(k[i].got[j], alone) != 0) {
                wrong++;
                if (first_wrong == NULL)
                    first_wrong = jobs[j].name;
            }
        free(alone);
    }
    for (size_t i = 0; i < THREADS; i++) {
        assert_int_equal(k[i].runs, ROUNDS * n);
        if (k[i].lost != 0 || k[i].changed != 0)
            fail_msg("thread %zu: %zu runs failed, %zu differed from its first round", i,
                     k[i].lost, k[i].changed);
        for (size_t j = 0; j < n; j++)
            free(k[i].got[j]);
        free(k[i].got);
    }
    if (wrong != 0)
        fail_msg("%zu digests made on %d threads differ from one thread's, first: %s", wrong,
                 THREADS, first_wrong);
}

/* ------------------------------------------------------------- the jobs */

enum { MAX_JOBS = 64 };

typedef struct job_list {
    job at[MAX_JOBS];
    size_t n;
} job_list;

static job *add_job(job_list *l, job_fn run, const char *name)
{
    assert_true(l->n < MAX_JOBS);
    job *j = &l->at[l->n++];
    memset(j, 0, sizeof(*j));
    j->run = run;
    snprintf(j->name, sizeof(j->name), "%s", name);
    return j;
}

static void add_ledger_jobs(job_list *l, const world *w)
{
    static const char *const files[] = {
        "background-checks.csv", "judicial-suggestions.xml", "leaks.csv", "leaks.xml",
        "meetings.csv",
    };
    char path[512];
    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        snprintf(path, sizeof(path), "%s/ledgers/%s", WB_TEST_DATA, files[i]);
        job *j = add_job(l, evaluate, path);
        j->path = j->name;
    }
    for (size_t i = 0; i < wb_dossier_ledger_count(w->dossier); i++) {
        const char *ledger = wb_dossier_ledger_path(w->dossier, i);
        add_job(l, evaluate, ledger)->path = ledger;
    }
    add_job(l, evaluate, "the example county's ledgers in one evaluation");
    static const char *const names[] = { "<made>/background-checks.csv", "<made>/meetings.csv",
                                         "<made>/judicial-suggestions.xml" };
    for (size_t i = 0; i < 3; i++) {
        job *j = add_job(l, evaluate, names[i]);
        j->data = w->made[i];
        j->len = w->made_len[i];
    }
}

static void add_scan_jobs(job_list *l, const world *w)
{
    job *j = add_job(l, scan, "<made>/notes.txt");
    j->data = w->made[3];
    j->len = w->made_len[3];
    for (size_t i = 0; i < 3; i++) {
        j = add_job(l, scan, i == 0 ? "<made>/background-checks.csv as text"
                             : i == 1 ? "<made>/meetings.csv as text"
                                      : "<made>/judicial-suggestions.xml as text");
        j->data = w->made[i];
        j->len = w->made_len[i];
    }
}

static void add_period_jobs(job_list *l)
{
    static const char *const names[] = { "periods in days", "periods in months",
                                         "periods in years", "periods in working days" };
    for (int unit = WB_PERIOD_DAYS; unit <= WB_PERIOD_WORKDAYS; unit++)
        add_job(l, periods, names[unit])->arg = unit;
}

static void add_report_jobs(job_list *l)
{
    static const char *const formats[] = { "text", "json", "html", "csv" };
    char name[64];
    for (int f = WB_REPORT_TEXT; f <= WB_REPORT_CSV; f++)
        for (int lang = WB_LANG_ZH; lang <= WB_LANG_EN; lang++) {
            snprintf(name, sizeof(name), "the shared assessment's %s report (%s)",
                     formats[f], lang == WB_LANG_ZH ? "zh" : "en");
            add_job(l, report, name)->arg = f * 2 + lang;
        }
    add_job(l, report, "the shared rubric's responsibility matrix")->arg = -1;
}

/* ------------------------------------------------------------- the cases */

static void test_threads__ledgers_over_one_rule_set_calendar_and_scanner(void **state)
{
    (void)state;
    world w;
    open_world(&w);
    job_list l = { .n = 0 };
    add_ledger_jobs(&l, &w);
    run_everywhere(&w, l.at, l.n);
    close_world(&w);
}

static void test_threads__text_scanned_and_redacted_with_one_scanner(void **state)
{
    (void)state;
    world w;
    open_world(&w);
    job_list l = { .n = 0 };
    add_scan_jobs(&l, &w);
    run_everywhere(&w, l.at, l.n);
    close_world(&w);
}

static void test_threads__periods_on_one_calendar(void **state)
{
    (void)state;
    world w;
    open_world(&w);
    job_list l = { .n = 0 };
    add_period_jobs(&l);
    run_everywhere(&w, l.at, l.n);
    close_world(&w);
}

static void test_threads__assessments_of_one_dossier_and_reports_of_one_assessment(void **state)
{
    (void)state;
    world w;
    open_world(&w);
    job_list l = { .n = 0 };
    add_job(&l, assess, "an assessment of the shared dossier");
    add_report_jobs(&l);
    run_everywhere(&w, l.at, l.n);
    close_world(&w);
}

/* All of it at once: ledgers, scans, periods, assessments and reports
   overlap on the same shared objects. */
static void test_threads__everything_at_once(void **state)
{
    (void)state;
    world w;
    open_world(&w);
    job_list l = { .n = 0 };
    add_ledger_jobs(&l, &w);
    add_scan_jobs(&l, &w);
    add_period_jobs(&l);
    add_job(&l, assess, "an assessment of the shared dossier");
    add_report_jobs(&l);
    run_everywhere(&w, l.at, l.n);
    close_world(&w);
}

static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_threads__ledgers_over_one_rule_set_calendar_and_scanner),
    cmocka_unit_test(test_threads__text_scanned_and_redacted_with_one_scanner),
    cmocka_unit_test(test_threads__periods_on_one_calendar),
    cmocka_unit_test(test_threads__assessments_of_one_dossier_and_reports_of_one_assessment),
    cmocka_unit_test(test_threads__everything_at_once),
};

WB_TEST_MAIN("threads", tests)
