"""The self-assessment: dossiers, assessments, reports and their lifetimes.

The example county (examples/dossier) is read as weibao-lint score reads
it; the other cases write a small dossier into a temporary folder, as
tests/unit/test_assessment.c does: a score sheet with every standard of
the built-in rubric at full points (unless the case says otherwise) and
the eight veto declarations.
"""

import csv
import gc
import io
import json
import pathlib
import re
import shutil
import tempfile
import unittest
import weakref
from datetime import date
from decimal import Decimal

import weibao

from support import line_of, rubric_xml, source_dir

HEX64 = re.compile(r"[0-9a-f]{64}")


def example_dossier():
    return source_dir() / "examples" / "dossier" / "dossier.xml"


class ExampleCountyTest(unittest.TestCase):
    """examples/dossier: 98.5 of 100, not vetoed, 13 flagged standards."""

    @classmethod
    def setUpClass(cls):
        cls.path = example_dossier()
        cls.dossier = weibao.Dossier.load(cls.path)
        cls.assessment = weibao.Assessment(cls.dossier)

    def test_dossier(self):
        d = self.dossier
        self.assertIsInstance(d, weibao.Dossier)
        self.assertEqual(d.path, str(self.path))
        self.assertEqual(d.county, "示范县")
        self.assertEqual(d.title, "全国未成年人保护示范县创建本级自评")
        self.assertEqual(d.rubric_edition, "meihekou-2022")
        self.assertEqual(d.as_of, date(2026, 11, 29))
        self.assertEqual(d.since, date(2025, 1, 1))
        self.assertIsNone(d.rule_pack)
        self.assertEqual(pathlib.Path(d.score_sheet), self.path.parent / "scores.csv")
        self.assertEqual(d.problems, [])
        self.assertIn("urn:weibao:dossier:1", weibao.Dossier.schema())

    def test_ledgers(self):
        ledgers = self.dossier.ledgers
        self.assertIsInstance(ledgers, tuple)
        written = self.path.read_text(encoding="utf-8").count("<ledger ")
        self.assertEqual(len(ledgers), written)
        self.assertGreaterEqual(len(ledgers), 17)
        for path, kind in ledgers:
            self.assertTrue(pathlib.Path(path).is_file(), path)
            self.assertIsNone(kind)     # the example leaves every kind to be recognised
        names = [pathlib.Path(p).name for p, _ in ledgers]
        self.assertIn("background-checks.csv", names)
        self.assertIn("judicial-suggestions.xml", names)

    def test_scores(self):
        scores = self.dossier.scores
        self.assertEqual(len(scores), 67)
        by_id = {s.standard: s for s in scores}
        s = by_id["3.2"]
        self.assertIsInstance(s, weibao.Score)
        self.assertEqual(s.points, Decimal("1.5"))
        self.assertIsInstance(s.points, Decimal)
        self.assertEqual(pathlib.Path(s.source).name, "scores.csv")
        self.assertGreater(s.line, 1)
        first = scores[0]
        self.assertEqual((first.standard, first.points, first.unit), ("1.1", 2, "市委办公室"))
        self.assertEqual(first.evidence, ("材料/1.1-工作台账.pdf",))
        self.assertIsNone(first.note)
        self.assertEqual(first.line, 2)
        self.assertEqual(by_id["5.1"].evidence, ())
        with self.assertRaises(AttributeError):
            first.points = Decimal(0)    # frozen

    def test_vetoes_declared(self):
        vetoes = self.dossier.vetoes
        self.assertEqual([v.item for v in vetoes], [f"V{k}" for k in range(1, 9)])
        for v in vetoes:
            self.assertIsInstance(v, weibao.VetoDeclaration)
            self.assertFalse(v.occurred)
            self.assertIsNone(v.date)
            self.assertIsNone(v.description)
            self.assertIsInstance(v.line, int)

    def test_totals(self):
        a = self.assessment
        self.assertEqual(a.total, Decimal("98.5"))
        self.assertIsInstance(a.total, Decimal)
        self.assertEqual(a.max, 100)
        self.assertFalse(a.vetoed)
        self.assertEqual(a.as_of, date(2026, 11, 29))
        cats = a.categories
        self.assertEqual(len(cats), 10)
        self.assertEqual(cats[2], ("3", "家庭保护", Decimal("6.5"), Decimal("7")))
        self.assertEqual(cats[8].points, 15)
        self.assertEqual(sum(c.points for c in cats), a.total)
        self.assertEqual(sum(c.max for c in cats), a.max)
        self.assertIn("98.5", repr(a))

    def test_standards(self):
        a = self.assessment
        standards = a.standards
        self.assertEqual(len(standards), 67)
        self.assertEqual(standards[0].id, "1.1")
        s32 = a.standard("3.2")
        self.assertIsInstance(s32, weibao.StandardAssessment)
        self.assertEqual(s32.claimed, Decimal("1.5"))
        self.assertEqual(s32.max, 2)
        self.assertFalse(s32.flagged)     # it does not claim its full points
        self.assertIsNone(s32.supported)
        s23 = a.standard("2.3")
        self.assertTrue(s23.flagged)
        self.assertEqual(s23.violations, 4)
        self.assertEqual(s23.claimed, s23.max)
        self.assertEqual(s23.evidence, 1)
        self.assertIsInstance(s23.worst, weibao.Result)
        self.assertEqual(s23.worst.key, "BC-005")
        self.assertIs(s23.worst.outcome, weibao.Outcome.VIOLATION)
        self.assertEqual(s23.worst.days_late, 50)
        self.assertEqual(s23.worst.standard, "2.3")
        self.assertEqual(len(a.flagged), 13)
        self.assertEqual([s.id for s in a.flagged][:2], ["1.8", "2.3"])
        with self.assertRaises(weibao.NotFoundError):
            a.standard("11.1")

    def test_findings(self):
        found = self.assessment.findings
        self.assertEqual([d.rule for d in found], ["dossier-no-evidence"])
        d = found[0]
        self.assertIsInstance(d, weibao.Diagnostic)
        self.assertIn("5.1", d.message)
        self.assertIn("5.1", d.message_en)
        self.assertEqual(pathlib.Path(d.file).name, "scores.csv")
        self.assertEqual(d.line, 27)
        self.assertEqual(self.assessment.standard("5.1").evidence, 0)

    def test_units_and_vetoes(self):
        units = self.assessment.units
        self.assertTrue(units)
        for u in units:
            self.assertIsInstance(u, weibao.UnitScore)
            self.assertGreater(u.max, 0)
            self.assertLessEqual(u.points, u.max)
        office = {u.name: u for u in units}["市委办公室"]
        name, points, full, violations = office
        self.assertEqual(name, "市委办公室")
        self.assertGreaterEqual(violations, 0)
        vetoes = self.assessment.vetoes
        self.assertEqual(vetoes[0], ("V1", True, False))
        self.assertEqual(len(vetoes), 8)
        self.assertTrue(all(v.declared and not v.occurred for v in vetoes))

    def test_evaluation_read_outs(self):
        a = self.assessment
        self.assertEqual(a.ledger_problems, [])
        results = a.results
        self.assertIsInstance(results, list)
        self.assertTrue(results)
        self.assertTrue(all(isinstance(r, weibao.Result) for r in results))
        violations = [r for r in results if r.outcome is weibao.Outcome.VIOLATION]
        self.assertIn("BC-005", [r.key for r in violations])
        self.assertGreater(a.record_count, 0)
        inputs = a.inputs
        names = [pathlib.Path(p).name for p, _ in inputs]
        self.assertEqual(names[:2], ["dossier.xml", "scores.csv"])
        self.assertEqual(len(inputs), 2 + len(self.dossier.ledgers))
        for path, digest in inputs:
            self.assertRegex(digest, HEX64, path)

    def test_reports(self):
        a = self.assessment
        html = a.report("html")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn('id="flagged"', html)
        self.assertIn('lang="en"', a.report("html", lang="en"))
        report = json.loads(a.report("json"), parse_float=Decimal)
        self.assertEqual(report["total"], Decimal("98.5"))
        self.assertEqual(report["county"], "示范县")
        self.assertFalse(report["vetoed"])
        lines = a.report("csv").splitlines()
        self.assertEqual(len(lines), 68)        # the header and 67 standards
        rows = list(csv.reader(io.StringIO(a.report("csv", "en"))))
        self.assertEqual(rows[1][:3], ["1.1", "2", "2"])
        text = a.report()
        self.assertIn("示范县", text)
        self.assertIn("98.5", text)
        self.assertIn("98.5 of 100", a.report("text", "en"))

    def test_bad_report_arguments(self):
        a = self.assessment
        with self.assertRaises(ValueError):
            a.report("pdf")
        with self.assertRaises(ValueError):
            a.report("text", lang="fr")
        with self.assertRaises(ValueError):
            weibao.report_table([a], format="xml")
        with self.assertRaises(TypeError):
            weibao.report_table([a, None])
        with self.assertRaises(TypeError):
            weibao.report_compare(a, self.dossier)
        with self.assertRaises(TypeError):
            weibao.Assessment(str(self.path))

    def test_check_dossier(self):
        self.assertEqual(weibao.check_dossier(self.path), [])
        self.assertEqual(weibao.check_dossier(str(self.path)), [])

    def test_a_dossier_from_a_string(self):
        # Named by its path, it reads as its file; named elsewhere, its
        # score sheet is looked for there.
        text = self.path.read_text(encoding="utf-8")
        d = weibao.Dossier.from_string(text, name=str(self.path))
        self.assertEqual(d.path, str(self.path))
        self.assertEqual(pathlib.Path(d.score_sheet), self.path.parent / "scores.csv")
        self.assertEqual(len(d.scores), len(self.dossier.scores))
        self.assertEqual(weibao.check_dossier_string(text.encode("utf-8"), str(self.path)), [])
        self.assertEqual([f.rule for f in weibao.check_dossier_string(text)], ["dossier-file"])
        with self.assertRaises(weibao.SchemaError):
            weibao.Dossier.from_string(text, name="/nonexistent/dossier.xml")
        sheet = (self.path.parent / "scores.csv").read_bytes()
        self.assertEqual(weibao.check_score_sheet_string(sheet, "scores.csv"), [])
        found = weibao.check_score_sheet_string("考核标准,得分\n1.1,0.3\n")
        self.assertEqual([(f.rule, f.file, f.line) for f in found], [("dossier-sheet", "<buffer>", 2)])
        with self.assertRaises(weibao.NotFoundError):
            weibao.check_score_sheet_string("a,b\n")
        with self.assertRaises(TypeError):
            weibao.check_score_sheet_string(3)


class Folder(unittest.TestCase):
    """A small dossier in a temporary folder."""

    @classmethod
    def setUpClass(cls):
        cls.rubric = weibao.Rubric.default()
        cls.rules = weibao.RuleSet.default()
        cls.calendar = weibao.Calendar.default()

    def setUp(self):
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        self.dir = pathlib.Path(tmp.name)

    def write_sheet(self, overrides=None, extra_rows="", name="scores.csv"):
        """Every standard at full points with evidence; overrides maps an
        id to its points as text, or to None to leave it out."""
        overrides = overrides or {}
        rows = ["考核标准,得分,申报单位,佐证材料,备注"]
        for item in self.rubric:
            points = overrides.get(item.id, str(item.points))
            if points is None:
                continue
            rows.append(f"{item.id},{points},{item.units[0].name},材料/{item.id}.pdf,")
        text = "\n".join(rows) + "\n" + extra_rows
        (self.dir / name).write_text(text, encoding="utf-8")

    def write_dossier(self, occurred=None, skip=None, edition="meihekou-2022", more="",
                      name="dossier.xml", sheet="scores.csv", since="2026-01-01"):
        lines = ["<?xml version='1.0' encoding='UTF-8'?>",
                 "<dossier xmlns='urn:weibao:dossier:1' format='1' county='测试县' "
                 f"rubric='{edition}'",
                 "         as-of='2026-11-29'"
                 + (f" since='{since}'>" if since else ">"),
                 "  <title>本级自评</title>"]
        if more:
            lines.append(more)
        lines.append(f"  <score-sheet href='{sheet}'/>")
        for v in range(1, 9):
            item = f"V{v}"
            if item == skip:
                continue
            if item == occurred:
                lines.append(f"  <veto item='{item}' occurred='true' date='2026-06-01'>"
                             "<description>事件经过</description></veto>")
            else:
                lines.append(f"  <veto item='{item}' occurred='false'/>")
        lines.append("</dossier>")
        path = self.dir / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    def assess(self, path=None, rubric=None):
        dossier = weibao.Dossier.load(path or self.dir / "dossier.xml")
        return weibao.Assessment(dossier, rubric or self.rubric, self.rules, self.calendar)


class SmallDossierTest(Folder):
    def test_full_points(self):
        self.write_sheet()
        self.write_dossier()
        a = self.assess()
        self.assertEqual(a.total, 100)
        self.assertFalse(a.vetoed)
        self.assertEqual(a.findings, [])
        self.assertEqual(a.results, [])
        self.assertEqual(a.flagged, ())
        self.assertEqual(len(a.inputs), 2)
        self.assertTrue(all(s.claimed == s.max for s in a.standards))
        self.assertTrue(all(c.points == c.max for c in a.categories))
        self.assertTrue(all(u.points == u.max for u in a.units))
        self.assertEqual(a.dossier.since, date(2026, 1, 1))
        self.assertIsNone(a.dossier.rule_pack)
        self.assertEqual(a.dossier.score_sheet, str(self.dir / "scores.csv"))

    def test_the_period_left_to_the_default(self):
        self.write_sheet()
        dossier = weibao.Dossier.load(self.write_dossier(since=None))
        self.assertIsNone(dossier.since)
        self.assertEqual(weibao.Assessment(dossier).total, 100)

    def test_defaults_are_the_built_in_ones(self):
        self.write_sheet({"3.2": "1.5", "9.8": "0.5", "7.7": "0"})
        path = self.write_dossier()
        a = weibao.Assessment(weibao.Dossier.load(path))
        self.assertEqual(a.total, 96)
        self.assertEqual(a.rubric.edition, "meihekou-2022")
        self.assertIsInstance(a.rules, weibao.RuleSet)
        self.assertIsInstance(a.calendar, weibao.Calendar)
        self.assertEqual(a.standard("3.2").claimed, Decimal("1.5"))
        self.assertEqual(a.standard("7.7").claimed, 0)
        self.assertEqual(a.categories[2].points, Decimal("6.5"))

    def test_an_occurred_veto_vetoes(self):
        self.write_sheet()
        self.write_dossier(occurred="V3")
        a = self.assess()
        self.assertTrue(a.vetoed)
        self.assertEqual(a.total, 100)
        self.assertEqual([v.id for v in a.vetoes if v.occurred], ["V3"])
        declared = a.dossier.vetoes[2]
        self.assertEqual(declared.item, "V3")
        self.assertTrue(declared.occurred)
        self.assertEqual(declared.date, date(2026, 6, 1))
        self.assertEqual(declared.description, "事件经过")
        self.assertIn("一票否决", a.report())
        self.assertIn("vetoed", repr(a))
        self.assertIs(json.loads(a.report("json"))["vetoed"], True)

    def test_a_missing_standard(self):
        self.write_sheet({"1.1": None})
        self.write_dossier()
        a = self.assess()
        rules = [d.rule for d in a.findings]
        self.assertEqual(rules.count("dossier-missing-standard"), 1)
        self.assertIsNone(a.standard("1.1").claimed)
        self.assertIsNone(a.standard("1.1").unit)
        self.assertEqual(a.total, 98)

    def test_every_bad_sheet_kind(self):
        self.write_sheet({"1.1": None, "1.2": "1.5", "1.3": "-0.5", "4.2": None},
                         "2.1,1,市教育局,材料/x.pdf,\n"
                         "11.1,1,市教育局,材料/x.pdf,\n"
                         "4.1,0.3,市教育局,材料/x.pdf,\n"
                         "4.2,2,某某局,材料/x.pdf,\n")
        self.write_dossier(skip="V8")
        a = self.assess()
        rules = [d.rule for d in a.findings]
        for rule, n in (("dossier-missing-standard", 1), ("dossier-score-range", 2),
                        ("dossier-duplicate-standard", 1), ("dossier-unknown-standard", 1),
                        ("dossier-unit", 1), ("dossier-veto", 1), ("dossier-sheet", 1)):
            self.assertEqual(rules.count(rule), n, rule)
        self.assertEqual(a.total, 96)
        # The skipped row is a problem of the dossier's form too.
        problems = a.dossier.problems
        self.assertEqual([d.rule for d in problems], ["dossier-sheet"])
        sheet = (self.dir / "scores.csv").read_text(encoding="utf-8")
        self.assertEqual(problems[0].line, line_of(sheet, "4.1,0.3,"))
        self.assertEqual([d.rule for d in weibao.check_dossier(self.dir / "dossier.xml")],
                         ["dossier-sheet"])
        sheet_problems = weibao.check_score_sheet(self.dir / "scores.csv")
        self.assertEqual([(d.rule, d.line) for d in sheet_problems],
                         [("dossier-sheet", line_of(sheet, "4.1,0.3,"))])
        with self.assertRaises(weibao.NotFoundError):
            weibao.check_score_sheet(self.dir / "dossier.xml")
        self.assertEqual(a.standard("1.2").claimed, Decimal("1.5"))   # as written
        # Below 0 too: -0.5 is a claim out of range, never taken for "not scored".
        self.assertEqual(a.standard("1.3").claimed, Decimal("-0.5"))
        self.assertEqual(a.vetoes[7], ("V8", False, False))

    def test_files_outside_the_dossier_folder_are_refused_unless_allowed(self):
        outside = source_dir() / "tests" / "data" / "ledgers" / "background-checks.csv"
        self.write_sheet()
        self.write_dossier(more=f"  <ledger href='{outside}'/>")
        with self.assertRaises(weibao.SchemaError) as caught:
            weibao.Dossier.load(self.dir / "dossier.xml")
        self.assertEqual(caught.exception.rule, "dossier-path")
        self.assertEqual([d.rule for d in weibao.check_dossier(self.dir / "dossier.xml")],
                         ["dossier-path"])
        d = weibao.Dossier.load(self.dir / "dossier.xml", allow_outside=True)
        self.assertEqual(d.ledgers, ((str(outside), None),))
        self.assertEqual(weibao.check_dossier(self.dir / "dossier.xml", allow_outside=True), [])
        with self.assertRaises(TypeError):
            weibao.Dossier.load(self.dir / "dossier.xml", allow_outside=1)

    def test_full_points_the_ledgers_contradict(self):
        ledgers = source_dir() / "tests" / "data" / "ledgers"
        for name in ("background-checks.csv", "judicial-suggestions.xml"):
            shutil.copyfile(ledgers / name, self.dir / name)
        self.write_sheet()
        self.write_dossier(more="  <ledger href='background-checks.csv'/>\n"
                                "  <ledger href='judicial-suggestions.xml'/>")
        a = self.assess()
        self.assertEqual(a.dossier.ledgers,
                         ((str(self.dir / "background-checks.csv"), None),
                          (str(self.dir / "judicial-suggestions.xml"), None)))
        s23 = a.standard("2.3")
        self.assertTrue(s23.flagged)
        # BC-2's query 4 days late, BC-3's dismissal 1 day late.
        self.assertEqual(s23.violations, 2)
        self.assertEqual((s23.worst.key, s23.worst.days_late), ("BC-2", 4))
        self.assertEqual(s23.worst.line, 3)
        self.assertIsNone(s23.supported)
        self.assertEqual([s.id for s in a.flagged], ["2.3", "8.5"])
        self.assertFalse(a.standard("1.1").flagged)
        self.assertIsNone(a.standard("1.1").worst)
        # The ledger's bad rows are among the evaluation's problems.
        self.assertEqual([d.rule for d in a.ledger_problems],
                         ["ledger-bad-date", "ledger-duplicate-key"])
        self.assertEqual(len(a.inputs), 4)
        self.assertTrue(all(HEX64.fullmatch(h) for _, h in a.inputs))
        html = a.report("html")
        self.assertIn("background-checks.csv:3", html)
        self.assertNotIn("张某", html)
        self.assertTrue(any(u.violations for u in a.units))

    def test_another_edition(self):
        self.write_sheet()
        self.write_dossier(edition="national-2021")
        a = self.assess()
        self.assertEqual([d.rule for d in a.findings], ["dossier-edition"])

    def test_a_table_and_a_comparison(self):
        self.write_sheet()
        before = self.assess(self.write_dossier())
        self.write_sheet({"3.2": "1"}, name="scores-2.csv")
        after = self.assess(self.write_dossier(occurred="V5", name="dossier-2.xml",
                                               sheet="scores-2.csv"))
        table = weibao.report_table([before, after], format="csv", lang="en")
        rows = list(csv.reader(io.StringIO(table)))
        self.assertEqual(rows[0][:3], ["county", "result", "points"])
        self.assertEqual(rows[1:], [["测试县", "scored", "100", "100", "", "", "0"],
                                    ["测试县", "vetoed", "99", "100", "V5", "", "0"]])
        self.assertEqual(len(table.splitlines()), 3)
        # Any iterable; JSON; an empty table.
        parsed = json.loads(weibao.report_table(iter((before, after)), "json"))
        self.assertEqual([c["vetoed"] for c in parsed], [False, True])
        self.assertEqual(len(weibao.report_table([], "csv").splitlines()), 1)
        self.assertIn("测试县", weibao.report_table((before,)))
        cmp = weibao.report_compare(before, after, format="csv", lang="en")
        self.assertIn("\r\n3.2,2,1,0,0\r\n", cmp)
        self.assertNotIn("\r\n3.1,", cmp)
        self.assertEqual(len(cmp.splitlines()), 2)
        changes = json.loads(weibao.report_compare(before, after, "json"))["changes"]
        self.assertEqual(changes, [{"standard": "3.2", "points": [2, 1],
                                    "violations": [0, 0]}])
        self.assertIn("3.2", weibao.report_compare(before, after))
        self.assertIn("no standard changed",
                      weibao.report_compare(before, before, lang="en"))

    def test_comparing_editions_is_refused(self):
        self.write_sheet()
        path = self.write_dossier()
        other = weibao.Rubric.from_string(
            rubric_xml().replace('edition="meihekou-2022"', 'edition="other-2030"', 1))
        self.assertEqual(other.edition, "other-2030")
        a, b = self.assess(path), self.assess(path, rubric=other)
        self.assertEqual([d.rule for d in b.findings], ["dossier-edition"])
        with self.assertRaises(weibao.InvalidArgumentError) as caught:
            weibao.report_compare(a, b)
        self.assertEqual(caught.exception.code, weibao.Status.EINVAL)
        self.assertIsInstance(caught.exception, ValueError)

    def test_responsibility_matrix(self):
        matrix = weibao.report_responsibilities()
        self.assertTrue(matrix.startswith("单位,1.1,1.2"))
        self.assertIn("\r\n市公安局,", matrix)
        rows = list(csv.reader(io.StringIO(matrix)))
        self.assertEqual(len(rows[0]), 1 + 67 + 8)
        self.assertEqual(rows[0][-1], "V8")
        en = weibao.report_responsibilities(self.rubric, lang="en")
        self.assertTrue(en.startswith("unit,1.1,1.2"))
        html = weibao.report_responsibilities(self.rubric, format="html")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        for format in ("json", "text"):
            with self.assertRaises(weibao.InvalidArgumentError):
                weibao.report_responsibilities(self.rubric, format=format)
        with self.assertRaises(ValueError):
            weibao.report_responsibilities(format="xlsx")
        with self.assertRaises(TypeError):
            weibao.report_responsibilities("meihekou-2022")


class LifetimeTest(Folder):
    def test_assessment_outlives_what_it_borrows(self):
        self.write_sheet()
        self.write_dossier(occurred="V2")
        dossier = weibao.Dossier.load(self.dir / "dossier.xml")
        rubric = weibao.Rubric.from_string(rubric_xml())
        rules = weibao.RuleSet.default()
        calendar = weibao.Calendar.default()
        a = weibao.Assessment(dossier, rubric, rules, calendar)
        refs = [weakref.ref(o) for o in (dossier, rubric, rules, calendar)]
        finalizers = [o._free for o in (dossier, rubric, rules, calendar)]
        del dossier, rubric, rules, calendar
        gc.collect()
        self.assertTrue(all(r() is not None for r in refs))
        self.assertTrue(all(f.alive for f in finalizers))
        self.assertTrue(a.vetoed)
        self.assertEqual(a.total, 100)
        self.assertEqual(a.dossier.county, "测试县")
        self.assertIn("一票否决", a.report())
        self.assertTrue(a.report("html").startswith("<!DOCTYPE html>"))
        self.assertEqual(len(a.standards), 67)
        # The assessment frees its handle first, then lets the four go.
        mine = a._free
        del a
        gc.collect()
        self.assertFalse(mine.alive)
        self.assertTrue(all(r() is None for r in refs))
        self.assertFalse(any(f.alive for f in finalizers))

    def test_results_and_findings_outlive_the_assessment(self):
        dossier = weibao.Dossier.load(example_dossier())
        rules = weibao.RuleSet.default()
        calendar = weibao.Calendar.default()
        a = weibao.Assessment(dossier, None, rules, calendar)
        del dossier, rules, calendar
        gc.collect()
        worst = a.standard("2.3").worst
        results = a.results
        standards = a.standards
        finding = a.findings[0]
        ref = weakref.ref(a)
        del a
        gc.collect()
        # The finding holds the assessment; the values hold nothing.
        self.assertIsNotNone(ref())
        self.assertEqual(finding.rule, "dossier-no-evidence")
        del finding
        gc.collect()
        self.assertIsNone(ref())
        self.assertEqual(worst.key, "BC-005")
        self.assertIn("BC-005", worst.message("en"))
        self.assertIn("2026-10-10", worst.explain("en"))
        self.assertTrue(all(r.message_zh for r in results))
        self.assertEqual({s.id: s.claimed for s in standards}["3.2"], Decimal("1.5"))

    def test_a_dossier_problem_holds_its_dossier(self):
        self.write_sheet(extra_rows="4.1,0.3,市教育局,材料/x.pdf,\n")
        self.write_dossier()
        dossier = weibao.Dossier.load(self.dir / "dossier.xml")
        problem = dossier.problems[0]
        ref = weakref.ref(dossier)
        del dossier
        gc.collect()
        self.assertIsNotNone(ref())
        self.assertEqual(problem.rule, "dossier-sheet")
        del problem
        gc.collect()
        self.assertIsNone(ref())

    def test_many_assessments(self):
        self.write_sheet()
        path = self.write_dossier()
        totals = [weibao.Assessment(weibao.Dossier.load(path)).total for _ in range(30)]
        gc.collect()
        self.assertEqual(set(totals), {Decimal(100)})


class ErrorTest(Folder):
    def test_missing_dossier(self):
        missing = self.dir / "nowhere.xml"
        with self.assertRaises(weibao.FileError) as caught:
            weibao.Dossier.load(missing)
        self.assertEqual(caught.exception.code, weibao.Status.EIO)
        self.assertIsInstance(caught.exception, OSError)
        self.assertEqual(caught.exception.filename, str(missing))
        with self.assertRaises(weibao.FileError):
            weibao.check_dossier(missing)

    def test_missing_score_sheet(self):
        path = self.write_dossier()       # names scores.csv, never written
        # dossier.h promises WB_EIO (FileError) here; the library reports
        # the dossier-file finding as WB_ESCHEMA (SchemaError). Either is
        # an Error naming the rule and the sheet.
        with self.assertRaises((weibao.FileError, weibao.SchemaError)) as caught:
            weibao.Dossier.load(path)
        self.assertEqual(caught.exception.rule, "dossier-file")
        self.assertIn("scores.csv", caught.exception.message)
        found = weibao.check_dossier(path)
        self.assertEqual([d.rule for d in found], ["dossier-file"])

    def test_schema(self):
        path = self.dir / "dossier.xml"
        path.write_text("<?xml version='1.0' encoding='UTF-8'?>\n"
                        "<dossier xmlns='urn:weibao:dossier:1' format='1' county='测试县'\n"
                        "         rubric='meihekou-2022' as-of='2026-11-29'>\n"
                        "  <title>本级自评</title>\n"
                        "  <veto item='V1' occurred='maybe'/>\n"
                        "</dossier>\n", encoding="utf-8")
        with self.assertRaises(weibao.SchemaError) as caught:
            weibao.Dossier.load(path)
        e = caught.exception
        self.assertEqual(e.code, weibao.Status.ESCHEMA)
        self.assertEqual(e.line, 5)
        self.assertEqual(e.source, str(path))
        self.assertIn("occurred", e.message)
        found = weibao.check_dossier(path)
        self.assertTrue(found)
        self.assertEqual(found[0].line, 5)
        self.assertEqual(found[0].severity, "error")

    def test_malformed(self):
        path = self.dir / "dossier.xml"
        path.write_text("<dossier", encoding="utf-8")
        with self.assertRaises(weibao.ParseError) as caught:
            weibao.Dossier.load(path)
        self.assertEqual(caught.exception.line, 1)

    def test_an_unreadable_rule_pack(self):
        self.write_sheet()
        self.write_dossier(more="  <rule-pack href='nowhere-pack.xml'/>")
        dossier = weibao.Dossier.load(self.dir / "dossier.xml")
        self.assertEqual(dossier.rule_pack, str(self.dir / "nowhere-pack.xml"))
        with self.assertRaises(weibao.FileError):
            weibao.Assessment(dossier)

    def test_an_unreadable_ledger_is_a_finding(self):
        self.write_sheet()
        self.write_dossier(more="  <ledger href='nowhere.csv'/>")
        a = self.assess()
        found = [d for d in a.findings if d.rule == "dossier-file"]
        self.assertEqual(len(found), 1)
        self.assertIn("nowhere.csv", found[0].message_en)
        self.assertEqual(a.ledger_problems, [])
        self.assertEqual(a.inputs[-1], (str(self.dir / "nowhere.csv"), None))
        self.assertEqual(a.total, 100)

    def test_dossier_is_not_made_directly(self):
        with self.assertRaises(TypeError):
            weibao.Dossier()


if __name__ == "__main__":
    unittest.main()
