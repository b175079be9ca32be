"""Failures raise weibao.Error subclasses carrying the library's record."""

import os
import pickle
import tempfile
import unittest

import weibao

from support import line_of, rubric_xml


class LookupErrorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rubric = weibao.Rubric.default()

    def test_unknown_item(self):
        with self.assertRaises(weibao.NotFoundError) as cm:
            self.rubric["9.99"]
        e = cm.exception
        self.assertIsInstance(e, KeyError)
        self.assertIsInstance(e, LookupError)
        self.assertIsInstance(e, weibao.Error)
        self.assertEqual(e.code, weibao.Status.ENOTFOUND)
        self.assertIn("9.99", e.message)
        self.assertIn("9.99", str(e))

    def test_unknown_item_is_a_key_error(self):
        with self.assertRaises(KeyError):
            self.rubric["V99"]

    def test_unknown_unit(self):
        with self.assertRaises(weibao.NotFoundError) as cm:
            self.rubric.unit("市不存在局")
        self.assertIn("市不存在局", cm.exception.message)
        with self.assertRaises(weibao.NotFoundError):
            self.rubric.standards_for_unit("nobody")

    def test_embedded_nul_is_refused(self):
        with self.assertRaises(ValueError):
            self.rubric["2.3\0junk"]
        with self.assertRaises(ValueError):
            weibao.Rubric.load("rubric.xml\0junk")


class LoadErrorsTest(unittest.TestCase):
    def test_duplicate_id_is_a_schema_error(self):
        text = rubric_xml()
        broken = text.replace('<standard id="2.4"', '<standard id="2.3"', 1)
        with self.assertRaises(weibao.SchemaError) as cm:
            weibao.Rubric.from_string(broken, name="dup.xml")
        e = cm.exception
        self.assertEqual(e.code, weibao.Status.ESCHEMA)
        self.assertEqual(e.line, line_of(text, '<standard id="2.4"'))
        self.assertIsNotNone(e.column)
        self.assertIn("'2.3'", e.message)
        self.assertEqual(e.rule, "rubric-duplicate-id")
        self.assertEqual(e.source, "dup.xml")
        self.assertTrue(str(e).startswith(f"dup.xml:{e.line}:{e.column}: "))

    def test_malformed_xml_is_a_parse_error(self):
        text = rubric_xml()
        broken = text.replace("</title>", "</titel>", 1)
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.Rubric.from_string(broken)
        e = cm.exception
        self.assertEqual(e.code, weibao.Status.EPARSE)
        self.assertEqual(e.line, line_of(text, "</title>"))
        self.assertEqual(e.source, "<buffer>")
        self.assertTrue(e.message)

    def test_truncated_xml_is_a_parse_error(self):
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.Rubric.from_string(rubric_xml()[:2000])
        self.assertIsNotNone(cm.exception.line)

    def test_doctype_is_a_parse_error(self):
        broken = rubric_xml().replace("?>", "?>\n<!DOCTYPE rubric>", 1)
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.Rubric.from_string(broken)
        self.assertEqual(cm.exception.line, 2)
        self.assertIn("DOCTYPE", cm.exception.message)

    def test_missing_file_is_a_file_error(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "没有这个文件.xml")
            with self.assertRaises(weibao.FileError) as cm:
                weibao.Rubric.load(path)
            e = cm.exception
            self.assertIsInstance(e, OSError)
            self.assertEqual(e.code, weibao.Status.EIO)
            self.assertEqual(e.source, path)
            self.assertEqual(e.filename, path)
            with self.assertRaises(weibao.FileError):
                weibao.check_rubric_file(path)

    def test_wrong_argument_types(self):
        with self.assertRaises(TypeError):
            weibao.Rubric.load(None)
        with self.assertRaises(TypeError):
            weibao.Rubric.from_string(42)
        with self.assertRaises(TypeError):
            weibao.Rubric.from_string("<rubric/>", name=b"bytes")


class BoolIsNoIntTest(unittest.TestCase):
    """Every integer parameter refuses True and False alike: a bool is an
    int to Python, but True is no count, year, line or limit."""

    def test_every_integer_parameter(self):
        import datetime
        cal = weibao.Calendar.default()
        day = datetime.date(2026, 2, 10)
        scanner = weibao.PrivacyScanner()
        rules = weibao.RuleSet.default()
        calls = {
            "n": lambda v: cal.add_workdays(day, v),
            "count": lambda v: cal.period_end(day, v, "days"),
            "year": lambda v: cal.holidays(v),
            "year ": lambda v: cal.makeup_days(v),
            "through_year": lambda v: cal.project(v),
            "first_line": lambda v: scanner.scan("x", first_line=v),
            "match_limit": lambda v: weibao.PrivacyScanner(match_limit=v),
            "depth_limit": lambda v: weibao.PrivacyScanner(depth_limit=v),
            "match_limit ": lambda v: rules.privacy_scanner(match_limit=v),
            "depth_limit ": lambda v: rules.privacy_scanner(depth_limit=v),
        }
        for what, call in calls.items():
            for value in (True, False):
                with self.subTest(what=what, value=value):
                    with self.assertRaises(TypeError) as cm:
                        call(value)
                    self.assertIn(what.strip(), str(cm.exception))
                    self.assertIn("not bool", str(cm.exception))
        # The ints themselves still go through.
        self.assertEqual(cal.add_workdays(day, 1), datetime.date(2026, 2, 11))
        self.assertEqual(cal.period_end(day, 1, "days").end, datetime.date(2026, 2, 11))
        self.assertTrue(cal.holidays(2026))
        self.assertEqual(scanner.scan("x", first_line=3), [])
        weibao.PrivacyScanner(match_limit=10, depth_limit=10)


class ExceptionClassesTest(unittest.TestCase):
    def test_hierarchy(self):
        self.assertTrue(issubclass(weibao.NotFoundError, KeyError))
        self.assertTrue(issubclass(weibao.FileError, OSError))
        self.assertTrue(issubclass(weibao.InvalidArgumentError, ValueError))
        self.assertTrue(issubclass(weibao.OutOfMemoryError, MemoryError))
        for cls in (weibao.NotFoundError, weibao.ParseError, weibao.SchemaError,
                    weibao.FileError, weibao.InvalidArgumentError,
                    weibao.OutOfMemoryError, weibao.PatternError):
            self.assertTrue(issubclass(cls, weibao.Error), cls)
        self.assertEqual(weibao.NotFoundError.__module__, "weibao")

    def test_record_maps_to_class(self):
        from weibao._errors import _from_record
        cases = {
            weibao.Status.ERROR: weibao.Error,
            weibao.Status.EINVAL: weibao.InvalidArgumentError,
            weibao.Status.ENOMEM: weibao.OutOfMemoryError,
            weibao.Status.EIO: weibao.FileError,
            weibao.Status.ENOTFOUND: weibao.NotFoundError,
            weibao.Status.EPARSE: weibao.ParseError,
            weibao.Status.ESCHEMA: weibao.SchemaError,
            weibao.Status.EREGEX: weibao.PatternError,
        }
        for code, cls in cases.items():
            e = _from_record(int(code), "", "", 0, 0, "")
            self.assertIs(type(e), cls)
            self.assertEqual(e.code, code)
            self.assertTrue(e.message)  # wb_strerror when the record has none
            self.assertIsNone(e.line)
            self.assertIsNone(e.source)
        self.assertIs(type(_from_record(-99, "new", "", 0, 0, "")), weibao.Error)

    def test_pickle(self):
        e = weibao.SchemaError("bad", code=weibao.Status.ESCHEMA, source="f.xml",
                               line=3, column=4, rule="r")
        copy = pickle.loads(pickle.dumps(e))
        self.assertIs(type(copy), weibao.SchemaError)
        self.assertEqual((copy.line, copy.rule, str(copy)), (3, "r", str(e)))


if __name__ == "__main__":
    unittest.main()
