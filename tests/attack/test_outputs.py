"""Output that cannot be written: every subcommand with its standard output
on /dev/full (a full disk) says "cannot write the output: <reason>" and
exits 2, never 0 or its findings' 1 as if the output were whole; `-o -`
means standard output for every command that takes -o, never a file
named '-'."""

import os
import shutil
import subprocess
import tempfile
import unittest

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


if __name__ == "__main__":
    unittest.main()
