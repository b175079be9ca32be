/*
 * bench_rubric.c - how fast the rubric loads, checks and answers.
 *
 *   build/bench/bench_rubric [ROUNDS]
 *
 * Prints one line per figure. Timing uses CLOCK_MONOTONIC; each figure is
 * the best of five runs, to keep noise from other processes out.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <weibao/weibao.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A synthetic edition: `cats` categories of `per` standards each. */
static char *synthetic(int cats, int per, size_t *len)
{
    size_t cap = (size_t)cats * (size_t)per * 400 + 4096, n = 0;
    char *b = malloc(cap);
    if (b == NULL)
        return NULL;
    n += (size_t)snprintf(b + n, cap - n,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<rubric xmlns=\"urn:weibao:rubric:1\" format=\"1\" edition=\"bench\" total=\"%d\">\n"
        "  <title>基准测试细则</title>\n  <units>\n"
        "    <unit id=\"a\" name=\"县民政局\"/>\n    <unit id=\"b\" name=\"县教育局\"/>\n"
        "    <group id=\"m\" name=\"各成员单位\" membership=\"listed\"><member ref=\"a\"/><member ref=\"b\"/></group>\n"
        "  </units>\n", cats * per);
    for (int c = 1; c <= cats; c++) {
        n += (size_t)snprintf(b + n, cap - n, "  <category id=\"%d\" name=\"项目%d\">\n    <topic name=\"内容\">\n", c, c);
        for (int s = 1; s <= per; s++)
            n += (size_t)snprintf(b + n, cap - n,
                "      <standard id=\"%d.%d\" points=\"1\">\n"
                "        <text>建立工作机制,每年至少召开2次会议,研究解决未成年人保护工作的重大问题。</text>\n"
                "        <responsible><unit>县民政局</unit><unit>各成员单位</unit></responsible>\n"
                "      </standard>\n", c, s);
        n += (size_t)snprintf(b + n, cap - n, "    </topic>\n  </category>\n");
    }
    n += (size_t)snprintf(b + n, cap - n, "</rubric>\n");
    *len = n;
    return b;
}

static double best(double *runs, int n)
{
    double m = runs[0];
    for (int i = 1; i < n; i++)
        if (runs[i] < m)
            m = runs[i];
    return m;
}

int main(int argc, char **argv)
{
    int rounds = argc > 1 ? atoi(argv[1]) : 200;
    if (rounds < 1)
        rounds = 1;
    double runs[5];

    for (int r = 0; r < 5; r++) {
        double t0 = now();
        for (int i = 0; i < rounds; i++) {
            wb_rubric *rub;
            if (wb_rubric_open_default(&rub, NULL) != WB_OK)
                return 1;
            wb_rubric_free(rub);
        }
        runs[r] = (now() - t0) / rounds;
    }
    printf("open_default (67 standards): %.3f ms per open\n", best(runs, 5) * 1e3);

    size_t len;
    char *big = synthetic(100, 100, &len);   /* 10,000 standards */
    if (big == NULL)
        return 1;
    for (int r = 0; r < 5; r++) {
        double t0 = now();
        wb_rubric *rub;
        if (wb_rubric_load_buffer(&rub, big, len, "bench", NULL) != WB_OK)
            return 1;
        runs[r] = now() - t0;
        wb_rubric_free(rub);
    }
    double t = best(runs, 5);
    printf("load_buffer (10,000 standards, %.1f MB): %.1f ms, %.1f MB/s\n",
           (double)len / 1e6, t * 1e3, (double)len / 1e6 / t);

    for (int r = 0; r < 5; r++) {
        double t0 = now();
        wb_diagnostics *d;
        if (wb_rubric_check_buffer(&d, big, len, "bench", NULL) != WB_OK)
            return 1;
        runs[r] = now() - t0;
        wb_diagnostics_free(d);
    }
    printf("check_buffer (same document): %.1f ms\n", best(runs, 5) * 1e3);
    free(big);

    wb_rubric *rub;
    if (wb_rubric_open_default(&rub, NULL) != WB_OK)
        return 1;
    const char *ids[] = { "1.1", "2.3", "9.8", "10.7", "V8" };
    long lookups = 200000;
    for (int r = 0; r < 5; r++) {
        double t0 = now();
        for (long i = 0; i < lookups; i++) {
            const wb_item *it;
            if (wb_rubric_find_item(&it, rub, ids[i % 5], NULL) != WB_OK)
                return 1;
        }
        runs[r] = (now() - t0) / (double)lookups;
    }
    printf("find_item: %.0f ns per lookup\n", best(runs, 5) * 1e9);
    wb_rubric_free(rub);
    return 0;
}
