"""Attacks on the privacy scan and on what weibao-lint prints: numbers
hidden past the first MiB of a long line, numbers written in groups, file
names that carry a number or bytes that break the output, and rule-pack
patterns that reach the separators or the tool's own words."""

import json
import os
import re
import unittest

from support import AttackCase

# Planted numbers, each valid: the identity numbers' check characters and
# birth dates hold, the card passes Luhn. Never printed whole.
MINOR_ID = "110105201503071235"   # born 2015-03-07: a minor on AS_OF
ADULT_ID = "11010519800101018X"
PHONE = "13812345678"
CARD = "6222021001123456789"
AS_OF = "2026-01-01"
SECRETS = (MINOR_ID, ADULT_ID, PHONE, CARD)

MIB = 1 << 20


def flat(text):
    return re.sub(r"[^0-9Xx]", "", text)


def findings(out):
    """(line, column, rule) of each text finding."""
    return [(int(m.group(1)), int(m.group(2)), m.group(3))
            for m in re.finditer(r"^.*?:(\d+):(\d+): \w+: .*\[([\w-]+)\]$", out, re.M)]


class PrivacyCase(AttackCase):
    def assertNoneWhole(self, text, *secrets):
        """Like assertNothingWhole, but a failure never prints the text (it
        may be megabytes long, and holds the planted numbers)."""
        squeezed = flat(text)
        for s in secrets or SECRETS:
            self.assertFalse(s in text, "a planted number is printed whole")
            self.assertFalse(flat(s) in squeezed, "a planted number is printed grouped")


class LongLine(PrivacyCase):
    """A single-line export of 4 MiB: numbers after the first MiB, and
    numbers across every MiB boundary, are found at their columns and
    masked."""

    def plant(self):
        # Each number starts a known number of characters into the line;
        # ASCII only, so columns are byte offsets + 1.
        line, places = [], []
        pos = 0
        def put(s):
            nonlocal pos
            line.append(s)
            pos += len(s)
        put("a" * (MIB // 2))
        for k, number in enumerate((MINOR_ID, PHONE, CARD, ADULT_ID)):
            # Across the (k+1)th MiB boundary: starts 7 bytes before it.
            put(" " + "b" * ((k + 1) * MIB - 9 - pos) + " ")
            places.append((pos + 1, number))
            put(number)
        put(" " + "c" * (4 * MIB + 1000 - pos) + " " + MINOR_ID + " end")
        places.append((4 * MIB + 1002 + 1, MINOR_ID))
        return "".join(line), places

    def test_check_finds_every_number_at_its_column(self):
        text, places = self.plant()
        self.assertGreater(len(text), 4 * MIB)
        path = self.write("export.txt", text)
        r = self.lint("check", "--as-of", AS_OF, path, expect=1)
        got = findings(r.out)
        self.assertEqual([(1, col) for col, _ in places], [(l, c) for l, c, _ in got])
        self.assertEqual(["privacy-id-number", "privacy-phone", "privacy-bank-card",
                          "privacy-id-number", "privacy-id-number"], [k for _, _, k in got])
        self.assertNoneWhole(r.text, *SECRETS)

    def test_check_on_a_line_after_a_long_one_counts_lines(self):
        text, _ = self.plant()
        path = self.write("export.txt", text + "\nnext " + PHONE + "\n")
        r = self.lint("check", "--as-of", AS_OF, path, expect=1)
        self.assertIn((2, 6, "privacy-phone"), findings(r.out))
        self.assertNoneWhole(r.text, *SECRETS)

    def test_redact_masks_every_number(self):
        text, places = self.plant()
        path = self.write("export.txt", text)
        out = self.path("masked.txt")
        r = self.lint("redact", path, "-o", out, expect=0)
        self.assertNoneWhole(r.text, *SECRETS)
        with open(out, encoding="utf-8") as f:
            masked = f.read()
        self.assertNoneWhole(masked, *SECRETS)
        self.assertEqual(len(masked), len(text))


def grouped(number, sizes, sep):
    out, at = [], 0
    for n in sizes:
        out.append(number[at:at + n])
        at += n
    return sep.join(out)


class GroupedNumbers(PrivacyCase):
    """Identity, card and phone numbers written in groups, as forms and
    exports print them: found, checked and masked like plain ones."""

    FORMS = [
        (MINOR_ID, (6, 4, 4, 4), " ", "privacy-id-number"),
        (MINOR_ID, (6, 8, 4), "-", "privacy-id-number"),
        (MINOR_ID, (6, 8, 4), "\u3000", "privacy-id-number"),
        (ADULT_ID, (4, 4, 4, 4, 2), " ", "privacy-id-number"),
        (CARD, (4, 4, 4, 4, 3), " ", "privacy-bank-card"),
        (CARD, (4, 4, 4, 4, 3), "-", "privacy-bank-card"),
        (PHONE, (3, 4, 4), " ", "privacy-phone"),
        (PHONE, (3, 4, 4), "-", "privacy-phone"),
        (PHONE, (3, 4, 4), "\u3000", "privacy-phone"),
    ]
    NOT_NUMBERS = ["2015-03-07 2015-03-08", "2019 2020 2021 2022",
                   "1234 5678 9012 3456 7890", "3000 4000 5000 6000",
                   "12 34 56 78 90 12 34 56 78"]

    def text(self):
        lines = ["备注:%s。" % grouped(n, sizes, sep) for n, sizes, sep, _ in self.FORMS]
        lines += ["统计:%s。" % s for s in self.NOT_NUMBERS]
        return "\n".join(lines) + "\n"

    def test_check_finds_each_form_and_nothing_else(self):
        path = self.write("notes.txt", self.text())
        for fmt in ("text", "json", "sarif"):
            r = self.lint("check", "--as-of", AS_OF, "--format", fmt, path, expect=1)
            self.assertNoneWhole(r.text)
            if fmt == "text":
                got = findings(r.out)
                self.assertEqual([(i + 1, 4, rule) for i, (_, _, _, rule) in
                                  enumerate(self.FORMS)], got)
                self.assertEqual(r.out.count("error:"), 3)   # the minor, three times

    def test_redact_masks_each_form_and_keeps_the_rest(self):
        path = self.write("notes.txt", self.text())
        out = self.path("masked.txt")
        r = self.lint("redact", path, "-o", out, expect=0)
        self.assertNoneWhole(r.text)
        with open(out, encoding="utf-8") as f:
            masked = f.read().splitlines()
        self.assertNoneWhole("\n".join(masked))
        self.assertEqual(masked[0], "备注:110105********1235。")
        self.assertEqual(masked[4], "备注:***************6789。")
        self.assertEqual(masked[6], "备注:138****5678。")
        self.assertEqual(masked[len(self.FORMS):],
                         ["统计:%s。" % s for s in self.NOT_NUMBERS])

    def test_grouped_number_in_a_date_cell_is_quoted_masked(self):
        header = "编号,单位,乡镇(街道),姓名,身份证号,人员类别,入职日期,查询日期,查询结果,结果收到日期,解除工作关系日期\n"
        rows = "".join("BC-%d,实验小学,城关镇,张某,%s,新入职,%s,2026-02-20,无,2026-02-25,\n"
                       % (i, ADULT_ID, grouped(n, sizes, sep))
                       for i, (n, sizes, sep, _) in enumerate(self.FORMS))
        path = self.write("入职查询台账.csv", header + rows)
        for fmt in ("text", "json", "sarif"):
            for lang in ("zh", "en"):
                r = self.lint("check", "--as-of", AS_OF, "--format", fmt, "--lang", lang,
                              path, expect=1)
                self.assertNoneWhole(r.text)
                self.assertIn("ledger-bad-date", r.out)
