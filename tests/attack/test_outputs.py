"""Output that cannot be written: every subcommand with its standard output
on /dev/full (a full disk) says "cannot write the output: <reason>" and
exits 2, never 0 or its findings' 1 as if the output were whole; `-o -`
means standard output for every command that takes -o, never a file
named '-'. And the notice importer's output: every line that reads like
an item is read or reported, however many there are, in bounded time."""

import os
import shutil
import subprocess
import tempfile
import unittest
import xml.etree.ElementTree as ET

from support import DATA, LINT, SOURCE, TIME_LIMIT, AttackCase, _limit_memory

DOSSIER = os.path.join(SOURCE, "examples", "dossier", "dossier.xml")
NOTICE = os.path.join(DATA, "notices", "2026.txt")
LEDGER = os.path.join(DATA, "ledgers", "background-checks.csv")
FULL = "cannot write the output: No space left on device"
# Identity numbers with a right check character, so that redact masks them.
MINOR = "110105201503071235"
ADULT = "110105198001010016"


class FullDisk(AttackCase):
    def lint_to_full(self, *args):
        """Run weibao-lint with standard output on /dev/full, in self.dir,
        bounded in time and memory; (exit code, standard error)."""
        with open("/dev/full", "w") as out, tempfile.TemporaryFile() as err:
            p = subprocess.run([LINT, *args], stdout=out, stderr=err, cwd=self.dir,
                               stdin=subprocess.DEVNULL, timeout=TIME_LIMIT,
                               preexec_fn=_limit_memory)
            err.seek(0)
            return p.returncode, err.read().decode("utf-8", "replace")

    def assertFullReported(self, *args):
        rc, err = self.lint_to_full(*args)
        self.assertGreaterEqual(rc, 0, "killed by signal %d: %s" % (-rc, args))
        self.assertEqual(rc, 2, "exit %d on a full disk: %s\n%s" % (rc, args, err))
        self.assertIn(FULL, err, args)
        self.assertEqual(err.count("cannot write the output"), 1, err)
        self.assertNotIn("masked", err)      # redact claims nothing it did not write
        self.assertNothingWhole(err, MINOR, ADULT)
        self.assertEqual(os.listdir(self.dir), [], "a file was written: %s" % (args,))

    def test_every_subcommand(self):
        cases = [
            ["--help"], ["--version"],
            ["rubric"], ["rubric", "--format", "json"], ["rubric", "--help"],
            ["rule"], ["rule", "--format", "json"], ["rule", "--format", "markdown"],
            ["rule", "dismissal-deadline"],
            ["ledger"], ["ledger", "background-checks"], ["ledger", "--format", "json"],
            ["ledger", "background-checks", "--template"],
            ["calendar", "2026"], ["calendar", "2026", "--format", "json"],
            ["calendar", "2026-02-10"], ["calendar", "import", NOTICE],
            ["due", "--workdays", "30", "2026-02-10"],
            ["due", "--months", "1", "2026-01-31", "--format", "json"],
            ["check", LEDGER], ["check", "--format", "json", LEDGER],
            ["check", "--format", "sarif", LEDGER], ["check", "--statistics", LEDGER],
            ["check", "--summary", "--as-of", "2026-11-29", LEDGER],
            ["score", DOSSIER], ["score", "--format", "json", DOSSIER],
            ["score", "--format", "html", DOSSIER], ["score", "--format", "csv", DOSSIER],
            ["score", "--responsibilities", "--format", "csv"],
            ["score", "--compare", DOSSIER, DOSSIER],
        ]
        for args in cases:
            with self.subTest(args=args):
                self.assertFullReported(*args)

    def test_dash_is_standard_output_for_every_o(self):
        # The input lies outside self.dir, which must stay empty.
        inputs = tempfile.mkdtemp(prefix="wb-attack-in-")
        self.addCleanup(shutil.rmtree, inputs, True)
        notes = os.path.join(inputs, "notes.txt")
        with open(notes, "w", encoding="utf-8") as f:
            f.write("监护人身份证 %s,学生 %s\n" % (ADULT, MINOR))
        cases = [
            ["score", "--format", "html", "-o", "-", DOSSIER],
            ["score", "--responsibilities", "--format", "html", "-o", "-"],
            ["ledger", "background-checks", "--template", "-o", "-"],
            ["calendar", "import", NOTICE, "-o", "-"],
            ["calendar", "import", NOTICE, "--output", "-"],
            ["redact", notes, "-o", "-"],
        ]
        for args in cases:
            with self.subTest(args=args):
                self.assertFullReported(*args)
                # And on a writable standard output, it is all there.
                r = self.lint(*args, cwd=self.dir, expect=(0, 1))
                self.assertTrue(r.out, args)
                self.assertNothingWhole(r.text, MINOR, ADULT)
                self.assertEqual(os.listdir(self.dir), [])


class NoticeImport(AttackCase):
    """`calendar import` on notices an adversary wrote: floods of lines
    and one endless line end in bounded time, and no line that reads like
    an item is dropped without a word."""

    def notice(self, *lines):
        with open(NOTICE, encoding="utf-8") as f:
            head = f.read().splitlines()[:4]        # title, number, addressees, preamble
        return self.write("n.txt", "\n".join(head + list(lines)) + "\n")

    def test_a_flood_of_unnumbered_items_is_reported_line_by_line(self):
        path = self.notice("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。",
                           *["植树节：3月12日放假，共1天。"] * 100000)
        r = self.lint("calendar", "import", "--lang", "en", path, "-o", self.path("o.xml"),
                      expect=1)
        self.assertEqual(r.out.count("[notice-unreadable]"), 100000)
        last = "n.txt:100005:1: error: this line reads like a holiday item"
        self.assertTrue(last in r.out, last)      # (not assertIn: the output is 20 MB)
        self.assertFalse(os.path.exists(self.path("o.xml")))

    def test_the_edition_on_standard_output_stays_whole_with_warnings(self):
        # No signing date: a warning, and the edition is still written.
        path = self.notice("一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。")
        for args in ((), ("-o", "-")):
            r = self.lint("calendar", "import", "--lang", "en", path, *args, expect=1)
            self.assertTrue(r.out.startswith("<?xml"), r.out[:80])
            self.assertIn("[notice-uncited]", r.err)
            ET.fromstring(r.out.encode("utf-8"))

    def test_a_flood_of_prose_is_read_quietly(self):
        path = self.notice(*["节假日期间，各地区、各部门要妥善安排好值班和安全、保卫等工作。"] * 100000,
                           "一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。",
                           "国务院办公厅", "2025年11月4日")
        r = self.lint("calendar", "import", path, "-o", "-", expect=0)
        self.assertIn('<holiday name="元旦" start="2026-01-01" end="2026-01-03" days="3"/>', r.out)

    def test_a_flood_of_numbered_items(self):
        # Each item after the first overlaps the one before, and sets its
        # make-up day again: one finding each, never one per pair.
        path = self.notice(*["一、春节：2月15日至23日放假调休，共9天。2月14日（周六）上班。"] * 100000)
        r = self.lint("calendar", "import", path, expect=1)
        self.assertEqual(r.out.count("[calendar-overlap]"), 2 * (100000 - 1))

    def test_one_endless_item(self):
        path = self.notice("一、春节：2月15日至23日放假调休，共9天" + "。" * 500000 + "，" * 500000)
        self.lint("calendar", "import", path, "-o", "-", expect=(0, 1))

    def test_a_calendar_that_repeats_one_day(self):
        days = "\n".join('    <workday date="2030-01-05" holiday="元旦"/>' for _ in range(20000))
        holidays = "\n".join('    <holiday name="元旦" start="2030-01-01" end="2030-01-07"/>'
                              for _ in range(20000))
        path = self.write("c.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<calendar xmlns="urn:weibao:calendar:1" format="1" edition="x"
          first-year="2030" last-year="2030" final-through="2030-12-24">
  <title>t</title>
  <notice id="2030" year="2030" title="t">
{holidays}
{days}
  </notice>
</calendar>
""")
        r = self.lint("check", path, expect=1)
        # Each repeat once: 19,999 holidays overlapping the one before, and
        # each day inside the holiday, and set twice after the first.
        self.assertEqual(r.out.count("[calendar-overlap]"), 19999 + 20000 + 19999)


if __name__ == "__main__":
    unittest.main()
