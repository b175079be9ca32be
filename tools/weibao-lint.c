/*
 * weibao-lint.c - the command line of libweibao.
 *
 * A thin front over the public API: each subcommand lives in its own
 * file (cmd_*.c). Exit status follows linters: 0 clean, 1 findings,
 * 2 usage errors and unreadable input.
 */
#include "lint.h"

#include <errno.h>
#include <string.h>

static const char usage[] =
    "usage: weibao-lint COMMAND [ARGS]\n"
    "\n"
    "Rule engine for the national minor-protection demonstration assessment\n"
    "(全国未成年人保护示范县创建考核).\n"
    "\n"
    "commands:\n"
    "  rubric [ID] [--unit NAME]   show the rubric (考核细则), one item, or\n"
    "                              what a unit answers for\n"
    "  check FILE...               check rubric, calendar and rule files, and\n"
    "                              ledgers (台账) against the compliance rules\n"
    "  redact FILE -o OUT          a copy with minors' personal data masked\n"
    "  rule [ID]                   list the compliance rules, or explain one\n"
    "  ledger [KIND]               list the ledger kinds, or show one's columns\n"
    "  score DOSSIER...            score a self-assessment dossier: totals, vetoes,\n"
    "                              contradictions, report (text, JSON, HTML, CSV)\n"
    "  calendar YEAR|DATE          the year's holidays, or what kind of day a date is\n"
    "  due --workdays N START      the last day of a period (also --days,\n"
    "                              --months, --years), by the Civil Code\n"
    "\n"
    "  weibao-lint COMMAND --help  shows a command's options\n"
    "  weibao-lint --version       shows the version\n";

static int run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return LINT_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
        strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return LINT_EXIT_CLEAN;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("weibao-lint %s (libweibao %s)\n", WB_VERSION_STRING,
               wb_version_string());
        return LINT_EXIT_CLEAN;
    }
    if (strcmp(cmd, "rubric") == 0)
        return lint_cmd_rubric(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return lint_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "score") == 0)
        return lint_cmd_score(argc - 1, argv + 1);
    if (strcmp(cmd, "ledger") == 0)
        return lint_cmd_ledger(argc - 1, argv + 1);
    if (strcmp(cmd, "redact") == 0)
        return lint_cmd_redact(argc - 1, argv + 1);
    if (strcmp(cmd, "rule") == 0)
        return lint_cmd_rule(argc - 1, argv + 1);
    if (strcmp(cmd, "calendar") == 0)
        return lint_cmd_calendar(argc - 1, argv + 1);
    if (strcmp(cmd, "due") == 0)
        return lint_cmd_due(argc - 1, argv + 1);
    return lint_fail("unknown command '%s' (see weibao-lint --help)", cmd);
}

/* Every command's output is checked here, in one place: what is still
   buffered is written, and standard output closed, before the exit status
   says the output is whole. A failed write or close exits 2. */
static int finish(int status)
{
    status = lint_finish(status);
    if (ferror(stdout))
        return status;              /* reported by lint_finish */
    errno = 0;
    /* EBADF: started with standard output closed, and nothing written. */
    if (fclose(stdout) != 0 && errno != EBADF)
        return lint_fail("cannot write the output: %s", strerror(errno));
    return status;
}

int main(int argc, char **argv)
{
    return finish(run(argc, argv));
}
