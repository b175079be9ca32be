"""Checking a document reports findings as Diagnostic objects."""

import unittest

import weibao

from support import line_of, rubric_xml, rubric_xml_path


class CheckTest(unittest.TestCase):
    def test_clean_file(self):
        self.assertEqual(weibao.check_rubric_file(rubric_xml_path()), [])
        self.assertEqual(weibao.check_rubric_file(str(rubric_xml_path())), [])

    def test_points_that_sum_to_99(self):
        text = rubric_xml()
        broken = text.replace('<standard id="2.3" points="2"',
                              '<standard id="2.3" points="1"', 1)
        self.assertNotEqual(broken, text)
        found = weibao.check_rubric_string(broken, name="九十九分.xml")
        self.assertEqual(len(found), 1)
        d = found[0]
        self.assertIsInstance(d, weibao.Diagnostic)
        self.assertEqual(d.rule, "rubric-total-mismatch")
        self.assertEqual(d.severity, "error")
        self.assertEqual(d.file, "九十九分.xml")
        self.assertEqual(d.line, line_of(text, "<rubric "))
        self.assertEqual(d.column, 1)
        self.assertIn("99", d.message)
        self.assertIn("满分", d.message)
        self.assertIn("99", d.message_en)
        self.assertEqual(str(d), f"九十九分.xml:{d.line}:1: error: {d.message} "
                                 "[rubric-total-mismatch]")

    def test_every_problem_is_reported(self):
        text = rubric_xml()
        broken = (text.replace('<standard id="2.4"', '<standard id="2.3"', 1)
                      .replace("<unit>市交通局</unit>", "<unit>市不存在局</unit>", 1))
        rules = [d.rule for d in weibao.check_rubric_string(broken.encode("utf-8"))]
        self.assertIn("rubric-duplicate-id", rules)
        self.assertGreaterEqual(len(rules), 2)

    def test_malformed_document_is_a_finding(self):
        found = weibao.check_rubric_string(rubric_xml()[:2000])
        self.assertTrue(found)
        self.assertEqual(found[0].severity, "error")
        self.assertEqual(found[0].file, "<buffer>")
        self.assertIsNotNone(found[0].line)


if __name__ == "__main__":
    unittest.main()
