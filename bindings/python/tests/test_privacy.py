"""The privacy scan: each kind of finding, masks, redaction, bad patterns."""

import gc
import unittest
import weakref
from datetime import date, datetime

import weibao

ADULT_ID = "110105199001011232"     # born 1990-01-01
MINOR_ID = "110105200811300015"     # born 2008-11-30: 17 on 2026-11-29
CARD = "6222021234567890128"        # passes the Luhn check
AS_OF = date(2026, 11, 29)

TEXT = ("被害人张小明,身份证" + MINOR_ID + "\n"
        "家长 " + ADULT_ID + ",手机13812345678,卡号" + CARD + ",编号SECRET-42\n")
SECRETS = (ADULT_ID, MINOR_ID, "13812345678", CARD, "小明", "SECRET", "42")


def by_rule(findings):
    found = {}
    for d in findings:
        found.setdefault(d.rule, []).append(d)
    return found


class ScanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.scanner = weibao.PrivacyScanner(as_of=AS_OF, extra_patterns=["SECRET-[0-9]+"])

    def test_one_finding_of_each_kind(self):
        findings = self.scanner.scan(TEXT, name="note.txt")
        rules = by_rule(findings)
        self.assertEqual(sorted(rules), ["privacy-bank-card", "privacy-id-number",
                                         "privacy-name-case", "privacy-pattern",
                                         "privacy-phone"])
        name = rules["privacy-name-case"][0]
        self.assertEqual((name.file, name.line, name.column), ("note.txt", 1, 4))
        self.assertEqual(name.message_en, "the name 张** near the case word '被害人' in free text")
        self.assertEqual(name.severity, "warning")
        minor, adult = rules["privacy-id-number"]
        self.assertEqual(minor.severity, "error")
        self.assertEqual((minor.line, minor.column), (1, 11))
        self.assertEqual(minor.message, "文本中有公民身份号码 110105********0015(于 2026-11-29 为未成年人)")
        self.assertEqual(adult.severity, "warning")
        self.assertEqual((adult.line, adult.column), (2, 4))
        phone = rules["privacy-phone"][0]
        self.assertEqual(phone.message_en, "mobile phone number 138****5678 in free text")
        # Columns are code points: Python's own string indexes.
        line2 = TEXT.split("\n")[1]
        self.assertEqual(phone.column, line2.index("138") + 1)
        self.assertEqual(rules["privacy-bank-card"][0].column, line2.index(CARD) + 1)
        self.assertIn("(*********)", rules["privacy-pattern"][0].message_en)
        self.assertIn("[privacy-phone]", str(phone))

    def test_every_message_is_masked(self):
        for d in self.scanner.scan(TEXT):
            for message in (d.message, d.message_en):
                for secret in SECRETS:
                    self.assertNotIn(secret, message)

    def test_defaults(self):
        scanner = weibao.PrivacyScanner()
        self.assertIsNone(scanner.as_of)
        findings = scanner.scan("身份证 " + MINOR_ID, first_line=7)
        self.assertEqual(len(findings), 1)
        self.assertEqual(findings[0].severity, "warning")   # no as-of date
        self.assertEqual((findings[0].file, findings[0].line), ("<text>", 7))
        self.assertEqual(scanner.scan(""), [])

    def test_case_words(self):
        scanner = weibao.PrivacyScanner(case_words=["涉毒"])
        self.assertEqual(scanner.scan("学生王小明遭受猥亵。"), [])
        [d] = scanner.scan("另:李四涉毒。")
        self.assertEqual(d.rule, "privacy-name-case")
        self.assertIn("李*", d.message)
        self.assertEqual(weibao.PrivacyScanner(case_words=[]).scan("王小明遭受猥亵"), [])

    def test_bytes_and_invalid_utf8(self):
        data = b"\xff\xfe\xe6\x89\x8b\xe6\x9c\xba13812345678\xe4"
        [d] = self.scanner.scan(data)
        self.assertEqual(d.rule, "privacy-phone")
        self.assertEqual(d.column, 5)
        self.assertEqual(self.scanner.redact(data),
                         b"\xff\xfe\xe6\x89\x8b\xe6\x9c\xba138****5678\xe4")

    def test_limit_is_a_finding(self):
        scanner = weibao.PrivacyScanner(extra_patterns=["(a+)+$"], match_limit=10000)
        findings = scanner.scan("a" * 40 + "b\n电话13812345678")
        self.assertEqual([d.rule for d in findings], ["privacy-limit", "privacy-phone"])
        self.assertEqual((findings[0].line, findings[0].column), (1, 1))
        self.assertIn("match limit of 10000", findings[0].message_en)

    def test_findings_outlive_the_scanner(self):
        scanner = weibao.PrivacyScanner()
        gone = weakref.ref(scanner)
        findings = scanner.scan("电话13812345678")
        del scanner
        gc.collect()
        self.assertIsNone(gone())
        self.assertEqual(findings[0].message_en, "mobile phone number 138****5678 in free text")


class RedactTest(unittest.TestCase):
    def test_masks_and_keeps_the_rest(self):
        scanner = weibao.PrivacyScanner(as_of=AS_OF, extra_patterns=["SECRET-[0-9]+"])
        self.assertEqual(
            scanner.redact(TEXT),
            "被害人张**,身份证110105********0015\n"
            "家长 110105********1232,手机138****5678,卡号***************0128,编号*********\n")
        self.assertEqual(scanner.redact("没有个人信息。"), "没有个人信息。")
        self.assertEqual(scanner.redact(b"a\x00b 13812345678"), b"a\x00b 138****5678")


class ThreadsTest(unittest.TestCase):
    def test_one_scanner_in_many_threads(self):
        # The scan runs without the GIL: threads share one scanner and
        # each gets the same findings as a scan alone.
        import threading
        scanner = weibao.PrivacyScanner(as_of=AS_OF)
        text = TEXT * 2000
        alone = [(d.line, d.column, d.rule) for d in scanner.scan(text)]
        masked = scanner.redact(text)
        results, errors = [], []

        def work():
            try:
                found = [(d.line, d.column, d.rule) for d in scanner.scan(text)]
                results.append((found == alone, scanner.redact(text) == masked))
            except Exception as e:      # pragma: no cover - reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        self.assertEqual(results, [(True, True)] * 4)


class OptionsTest(unittest.TestCase):
    def test_bad_pattern_raises_pattern_error(self):
        with self.assertRaises(weibao.PatternError) as caught:
            weibao.PrivacyScanner(extra_patterns=["ok", "ab(c"])
        error = caught.exception
        self.assertIsInstance(error, ValueError)
        self.assertEqual(error.code, weibao.Status.EREGEX)
        self.assertIn("extra pattern 2", error.message)
        self.assertIn("offset 4", error.message)
        self.assertEqual(error.column, 5)

    def test_bad_arguments(self):
        with self.assertRaises(TypeError):
            weibao.PrivacyScanner(as_of=datetime(2026, 11, 29))
        with self.assertRaises(TypeError):
            weibao.PrivacyScanner(case_words="性侵")
        with self.assertRaises(TypeError):
            weibao.PrivacyScanner(extra_patterns=[b"x"])
        with self.assertRaises(ValueError):
            weibao.PrivacyScanner(extra_patterns=["a\0b"])
        with self.assertRaises(OverflowError):
            weibao.PrivacyScanner(match_limit=2 ** 32)
        with self.assertRaises(TypeError):
            weibao.PrivacyScanner().scan(12)

    def test_repr(self):
        self.assertEqual(repr(weibao.PrivacyScanner(as_of=AS_OF)),
                         "<weibao.PrivacyScanner as of 2026-11-29>")


class LedgerScanTest(unittest.TestCase):
    """The free-text cells of ledgers, scanned as an evaluation reads them."""

    def setUp(self):
        from support import source_dir
        self.ledgers = source_dir() / "tests" / "data" / "ledgers"

    def test_csv_and_xml_cells_at_their_places(self):
        scanner = weibao.PrivacyScanner(as_of=AS_OF)
        evaluation = weibao.Evaluation(None, None, AS_OF, privacy=scanner)
        self.assertIs(evaluation.privacy, scanner)
        evaluation.add_file(self.ledgers / "leaks.csv")
        evaluation.add_file(self.ledgers / "leaks.xml")
        places = [(p.rule, p.line, p.column) for p in evaluation.problems]
        self.assertEqual(places, [
            ("privacy-phone", 2, 4),            # the key
            ("privacy-id-number", 3, 25),       # after a quoted cell with commas
            ("privacy-phone", 5, 4),            # inside a quoted cell of three lines
            ("privacy-bank-card", 6, 3),
            ("privacy-phone", 4, 72),           # XML attribute values
            ("privacy-name-case", 6, 21),
            ("privacy-id-number", 6, 36),
        ])
        first = evaluation.problems[0]
        self.assertEqual(first.message_en,
                         "column key (编号): mobile phone number 138****5678 in free text")
        self.assertTrue(first.file.endswith("leaks.csv"))
        self.assertEqual(evaluation.problems[1].severity, "error")
        for p in evaluation.problems:
            for secret in SECRETS:
                self.assertNotIn(secret, p.message + p.message_en)

    def test_records_off_by_default_and_set_before_adding(self):
        record = weibao.Record("judicial-suggestions", key="JS-13812345678",
                               unit="家长 13912345678", received_date=date(2026, 3, 10))
        plain = weibao.Evaluation(None, None, AS_OF)
        self.assertIsNone(plain.privacy)
        plain.add(record)
        self.assertEqual(plain.problems, [])
        with self.assertRaises(weibao.InvalidArgumentError):
            plain.set_privacy(weibao.PrivacyScanner())
        plain.set_privacy(None)
        with self.assertRaises(TypeError):
            plain.set_privacy("scanner")

        evaluation = weibao.Evaluation(None, None, AS_OF)
        evaluation.set_privacy(weibao.PrivacyScanner(as_of=AS_OF))
        # The evaluation holds the scanner: none other is left.
        gc.collect()
        evaluation.add(record)
        found = [(p.rule, p.file, p.line, p.column) for p in evaluation.problems]
        self.assertEqual(found, [("privacy-phone", "<record>", None, None)] * 2)
        self.assertEqual(evaluation.problems[0].message_en,
                         "record 'JS-*******5678', column key (编号): "
                         "mobile phone number 138****5678 in free text")
        self.assertEqual(evaluation.results[0].key, "JS-13812345678")
        self.assertTrue(evaluation.results[0].message("en").startswith("JS-*******5678: "))


if __name__ == "__main__":
    unittest.main()
