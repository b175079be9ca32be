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


class LineEnds(PrivacyCase):
    """LF, CRLF and CR alone each end a line, also where a CRLF is cut
    between two of the reads a large file is scanned in."""

    def test_each_line_end_gives_the_same_places(self):
        lines = ["第一行", "电话 " + PHONE, "", "身份证 " + ADULT_ID]
        for name, end in (("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")):
            path = self.write(name + ".txt", end.join(lines) + end)
            r = self.lint("check", "--as-of", AS_OF, path, expect=0)
            self.assertEqual(findings(r.out), [(2, 4, "privacy-phone"), (4, 5, "privacy-id-number")],
                             name)

    def test_a_crlf_cut_between_two_reads(self):
        # The file is read a MiB at a time: put a CRLF across the first MiB
        # boundary, and one across the second; the numbers after them keep
        # their lines.
        for end in ("\r\n", "\r"):
            head = ("x" * (MIB - 1) + end).encode()
            phone = ("电话 " + PHONE + end).encode()
            pad = 2 * MIB - 1 - len(head) - len(phone)
            second = ("y" * pad + end).encode()
            self.assertEqual(len(head + phone + second) - len(end), 2 * MIB - 1)
            path = self.write("big.txt", head + phone + second + ("身份证 " + ADULT_ID + end).encode())
            r = self.lint("check", "--as-of", AS_OF, path, expect=0)
            self.assertEqual(findings(r.out), [(2, 4, "privacy-phone"), (4, 5, "privacy-id-number")],
                             repr(end))


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

    def test_a_number_followed_by_another_is_still_found(self):
        text = ("身份证 %s 2015年生\n" % grouped(MINOR_ID, (6, 4, 4, 4), " ") +
                "序号 1 %s\n" % grouped(ADULT_ID, (6, 8, 4), "-") +
                "卡号 %s 2026年开户\n" % grouped(CARD, (4, 4, 4, 4, 3), " "))
        path = self.write("notes.txt", text)
        r = self.lint("check", "--as-of", AS_OF, path, expect=1)
        self.assertEqual([(1, 5, "privacy-id-number"), (2, 6, "privacy-id-number"),
                          (3, 4, "privacy-bank-card")], findings(r.out))
        self.assertNoneWhole(r.text)
        r = self.lint("redact", path, "-o", "-", "-q", expect=0)
        self.assertNoneWhole(r.text)
        self.assertIn("2015年生", r.out)

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


LEDGER_HEADER = ("编号,单位,乡镇(街道),姓名,身份证号,人员类别,入职日期,查询日期,查询结果,"
                 "结果收到日期,解除工作关系日期\n")


def sarif_uris(doc):
    return [loc["physicalLocation"]["artifactLocation"]["uri"]
            for run in doc["runs"] for res in run["results"] for loc in res["locations"]]


class FileNames(PrivacyCase):
    """A file's name is input: a number in it is masked in every output,
    and bytes that are not UTF-8 or control characters never break the
    JSON or SARIF, nor split a text record."""

    def files(self):
        # A ledger with a bad date (a finding about the file), a note with
        # a phone number (a privacy finding), each named with a number.
        self.write("张三_%s.csv" % MINOR_ID,
                   LEDGER_HEADER + "BC-1,实验小学,城关镇,张某,%s,新入职,2026-13-01,"
                   "2026-02-20,无,2026-02-25,\n" % ADULT_ID)
        self.write("卡%s 手机%s.txt" % (CARD, PHONE), "电话 %s\n" % PHONE)

    def test_a_number_in_a_file_name_is_masked_in_every_format(self):
        self.files()
        for fmt in ("text", "json", "sarif"):
            for extra in ((), ("--statistics",), ("--summary",), ("--explain", "--show", "all")):
                if fmt == "sarif" and extra and extra[0] == "--summary":
                    continue
                r = self.lint("check", "--as-of", AS_OF, "--format", fmt, *extra, self.dir,
                              expect=1)
                self.assertNoneWhole(r.text)
                if fmt != "text" and "--statistics" not in extra:
                    json.loads(r.out)

    def test_a_number_in_a_file_name_is_masked_in_errors(self):
        missing = self.path("%s.csv" % MINOR_ID)
        r = self.lint("check", missing, expect=2)
        self.assertNoneWhole(r.text)
        r = self.lint("redact", missing, "-o", self.path("out.txt"), expect=2)
        self.assertNoneWhole(r.text)
        note = self.write("%s.txt" % MINOR_ID, "电话 %s\n" % PHONE)
        r = self.lint("redact", note, "-o", self.path("out.txt"), expect=0)
        self.assertNoneWhole(r.text)

    def test_a_number_in_a_ledger_name_is_masked_in_score_reports(self):
        import shutil
        from support import SOURCE
        folder = self.path("dossier")
        shutil.copytree(os.path.join(SOURCE, "examples", "dossier"), folder)
        for plain, name in (("meetings.csv", "会议_%s.csv" % grouped(MINOR_ID, (6, 4, 4, 4), " ")),
                            ("lessons.csv", "课程_%s.csv" % ADULT_ID)):
            os.rename(os.path.join(folder, plain), os.path.join(folder, name))
            with open(os.path.join(folder, "dossier.xml"), encoding="utf-8") as f:
                xml = f.read().replace('href="%s"' % plain, 'href="%s"' % name)
            with open(os.path.join(folder, "dossier.xml"), "w", encoding="utf-8") as f:
                f.write(xml)
        dossier = os.path.join(folder, "%s.xml" % MINOR_ID)
        os.rename(os.path.join(folder, "dossier.xml"), dossier)
        for fmt in ("text", "json", "html", "csv"):
            out = self.path("report." + fmt)
            r = self.lint("score", "--format", fmt, dossier, "-o", out, expect=(0, 1))
            self.assertNoneWhole(r.text)
            with open(out, encoding="utf-8") as f:
                self.assertNoneWhole(f.read())
        r = self.lint("check", folder, expect=(0, 1))
        self.assertNoneWhole(r.text)

    def hostile(self):
        name = os.fsencode(self.dir) + b"/bad\xff\xfe\nnext\x01\x1b[31m.txt"
        with open(name, "wb") as f:
            f.write(("电话 %s\n" % PHONE).encode())
        return name

    def test_a_name_not_utf8_keeps_json_and_sarif_valid(self):
        self.hostile()
        r = self.lint("check", "--format", "json", self.dir, expect=0)
        doc = json.loads(r.out)
        self.assertEqual([os.path.basename(x["file"]) for x in doc],
                         ["bad\\xFF\\xFE\nnext\x01\x1b[31m.txt"])
        self.assertNoneWhole(r.text)
        r = self.lint("check", "--format", "sarif", self.dir, expect=0)
        uri = sarif_uris(json.loads(r.out))[0]
        self.assertTrue(uri.endswith("/bad%FF%FE%0Anext%01%1B%5B31m.txt"), uri)

    def test_a_name_with_a_newline_is_one_text_record(self):
        self.hostile()
        r = self.lint("check", self.dir, expect=0)
        lines = r.out.splitlines()
        self.assertEqual(len(lines), 1, r.out)
        self.assertIn("bad\\xFF\\xFE\\nnext\\x01\\x1B[31m.txt:1:4: warning:", lines[0])
        self.assertNotIn("\x1b", r.out)
        self.assertNoneWhole(r.text)


def pack(*patterns):
    body = "".join('    <pattern id="p%d" title="模式%d">%s</pattern>\n' % (i, i, p)
                   for i, p in enumerate(patterns))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<rule-pack xmlns="urn:weibao:rules:1" format="1" name="county-x">\n'
            '  <title>patterns</title>\n  <privacy>\n%s  </privacy>\n</rule-pack>\n' % body)


class PackPatterns(PrivacyCase):
    """A county's pattern that reaches over a separator, or matches a
    letter of the tool's own words."""

    def test_redact_keeps_csv_cells_and_lines(self):
        rules = self.write("pack.xml", pack("学籍号.{0,12}", "住址[\\s\\S]{0,6}", "[,;]"))
        csv = ("编号,备注,日期\n"
               "1,学籍号G12,2026-01-01\n"
               "2,\"住址\r\n北京\",x\n"
               "3,电话 %s,2026-01-02\n" % PHONE)
        src = self.write("notes.csv", csv)
        out = self.path("masked.csv")
        r = self.lint("redact", "--rules", rules, src, "-o", out, expect=0)
        self.assertNoneWhole(r.text)
        with open(out, encoding="utf-8", newline="") as f:
            masked = f.read()
        self.assertNoneWhole(masked)
        self.assertEqual(masked.count("\n"), csv.count("\n"))
        self.assertEqual(masked.count("\r"), csv.count("\r"))
        self.assertEqual(masked.count(","), csv.count(","))
        import csv as csvmod, io
        rows = list(csvmod.reader(io.StringIO(masked, newline="")))
        self.assertEqual([len(r) for r in rows], [3, 3, 3, 3])
        self.assertEqual(rows[1], ["1", "******", "********01"])
        self.assertEqual(rows[3][1], "电话 138****5678")

    def test_redact_quiet_still_says_where_a_search_gave_up(self):
        rules = self.write("pack.xml", pack("(a+)+$"))
        src = self.write("%s.txt" % MINOR_ID, "正常一行\n" + "a" * 40 + "b\n电话 %s\n" % PHONE)
        for quiet in ((), ("-q",)):
            r = self.lint("redact", "--rules", rules, *quiet, src, "-o", "-", expect=0)
            self.assertNoneWhole(r.text)
            limits = [l for l in r.err.splitlines() if l.endswith("[privacy-limit]")]
            self.assertEqual(len(limits), 1, r.err)
            self.assertTrue(limits[0].startswith(os.path.join(self.dir, "110105********1235.txt")
                                                 + ":2:1: warning: "), limits[0])
            self.assertIn("电话 138****5678", r.out)

    def test_a_pattern_matching_a_letter_leaves_the_tools_words(self):
        rules = self.write("pack.xml", pack("[a-z]"))
        note = self.write("n.csv", LEDGER_HEADER + "BC-1,实验小学,城关镇,张某,%s,新入职,"
                          "2026-13-01,2026-02-20,无,2026-02-25,\n" % ADULT_ID)
        for fmt in ("text", "json", "sarif"):
            r = self.lint("check", "--as-of", AS_OF, "--lang", "en", "--format", fmt,
                          "--rules", rules, note, expect=1)
            self.assertIn("is not a date that exists", r.out)
            self.assertIn("start-date", r.out)
            self.assertNoneWhole(r.text)
            if fmt != "text":
                json.loads(r.out)
        # A rule result names its key unquoted: it is input, so masked;
        # the result's words are not.
        keys = self.write("pack2.xml", pack("G\\d{6}", "[e]"))
        note = self.write("k.csv", LEDGER_HEADER + "G123456,实验小学,城关镇,张某,%s,新入职,"
                          "2026-03-01,2026-03-05,无,2026-03-06,\n" % ADULT_ID)
        for fmt in ("text", "json"):
            r = self.lint("check", "--as-of", AS_OF, "--lang", "en", "--format", fmt,
                          "--explain", "--rules", keys, note, expect=1)
            self.assertNotIn("G123456", r.out)
            self.assertIn("*******: New hires are queried for criminal records before "
                          "they start", r.out)
            self.assertIn("reading: A new hire's query date", r.out)
        # The quoted input is still masked by the pattern.
        note = self.write("q.csv", LEDGER_HEADER + "BC-1,实验小学,城关镇,张某,%s,新入职,"
                          "soon,2026-02-20,无,2026-02-25,\n" % ADULT_ID)
        r = self.lint("check", "--as-of", AS_OF, "--lang", "en", "--rules", rules, note,
                      expect=1)
        self.assertIn("(入职日期): '****' is not a date that exists", r.out)
