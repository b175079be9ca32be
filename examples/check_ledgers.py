#!/usr/bin/env python3
"""check_ledgers.py - check ledger files against the rules and print a
summary per rubric standard.

    python3 check_ledgers.py AS-OF LEDGER...

AS-OF is a date (2026-11-29); each LEDGER is an XML or CSV ledger file.
Needs the installed weibao package.
"""

import datetime
import sys

import weibao


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    as_of = datetime.date.fromisoformat(argv[1])
    ev = weibao.Evaluation(weibao.RuleSet.default(), weibao.Calendar.default(), as_of)
    try:
        for path in argv[2:]:
            ev.add_file(path)
        ev.finish()
    except weibao.Error as e:
        print(e, file=sys.stderr)
        return 2
    for problem in ev.problems:
        print(f"{problem.file}:{problem.line}: {problem.message_en} [{problem.rule}]")
    for r in ev.results:
        if r.outcome is weibao.Outcome.VIOLATION:
            print(f"{r.standard} {r.message('en')}")
    print(f"records: {ev.record_count}")
    for standard, counts in sorted(ev.summary("standard").items()):
        print(f"standard {standard}: " +
              ", ".join(f"{name} {n}" for name, n in counts.items() if n))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
