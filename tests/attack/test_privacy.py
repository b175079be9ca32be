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
