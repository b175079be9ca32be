"""Evaluating ledgers: records, deadlines, files, streaming and lifetimes."""

import gc
import pathlib
import tempfile
import unittest
import weakref
from datetime import date, datetime

import weibao

AS_OF = date(2026, 11, 29)
BACKGROUND_RULES = ("hire-query", "staff-requery", "dismissal-deadline")

CSV = ("编号,人员类别,查询日期,查询结果,结果收到日期,解除工作关系日期\n"
       "BC-1,在职,2026-02-10,有,2026-02-10,2026-03-30\n"
       "BC-2,在职,2026-02-10,有,2026-02-10,2026-03-31\n"
       "BC-1,在职,2026-01-05,无,,\n"
       "BC-3,新入职,2026-03-05,无,2026-03-06,\n")
CSV_DUPLICATE_LINE = 4

XML = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<background-checks xmlns="urn:weibao:ledger:1" format="1">\n'
       '  <record key="A" category="在职" query-date="2026-01-05"/>\n'
       '  <record key="A" category="在职" query-date="2026-02-05"/>\n'
       '  <record key="B" category="新入职" start-date="2026-03-01" query-date="2026-03-05"/>\n'
       '</background-checks>\n')
XML_DUPLICATE_LINE = 4


def background(**values):
    return weibao.Record("background-checks", **values)


def by_rule(results):
    found = {}
    for r in results:
        found.setdefault(r.rule, []).append(r)
    return found


def only(results, rule):
    mine = [r for r in results if r.rule == rule]
    assert len(mine) == 1, (rule, mine)
    return mine[0]


def comparable(r):
    """A result without where its file is."""
    return (r.rule, r.key, r.outcome, r.due, r.done, r.days_late, r.days_left,
            r.line, r.missing, r.message_zh, r.message_en)


def id_number(valid):
    """A resident identity number with a right or a wrong check character."""
    body = "22058119900101123"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    check = "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]
    if valid:
        return body + check
    return body + ("0" if check != "0" else "1")


class Fixture(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rules = weibao.RuleSet.default()
        cls.calendar = weibao.Calendar.default()

    def check(self, record, as_of=AS_OF, rule="dismissal-deadline"):
        results = weibao.check_record(record, self.rules, self.calendar, as_of)
        for r in results:
            self.assertIsInstance(r, weibao.Result)
        return only(results, rule)

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text, encoding="utf-8"):
        path = pathlib.Path(self.tmp.name) / name
        path.write_bytes(text.encode(encoding))
        return str(path)


class DismissalDeadlineTest(Fixture):
    """2.3: dismissal within 30 working days of a result that shows a record."""

    def record(self, **more):
        values = dict(key="BC-1", category="在职", query_date=date(2026, 2, 10),
                      result="有", result_date=date(2026, 2, 10))
        values.update(more)
        return background(**values)

    def test_on_the_last_day_complies(self):
        # The 30th working day after 2026-02-10, across 春节 (2026-02-15..23),
        # counting the make-up Saturdays 2026-02-14 and 2026-02-28.
        r = self.check(self.record(dismissal_date=date(2026, 3, 30)))
        self.assertIs(r.outcome, weibao.Outcome.COMPLIES)
        self.assertEqual(r.due, date(2026, 3, 30))
        self.assertEqual(r.done, date(2026, 3, 30))
        self.assertEqual((r.days_late, r.days_left), (0, 0))
        self.assertEqual(self.calendar.add_workdays(date(2026, 2, 10), 30), r.due)
        self.assertEqual(r.standard, "2.3")
        self.assertEqual(r.severity, "error")
        self.assertEqual(r.key, "BC-1")
        self.assertEqual((r.unit, r.township), ("", ""))
        self.assertIsNone(r.source)
        self.assertIsNone(r.line)
        self.assertIsNone(r.missing)
        self.assertIsNone(r.span)
        self.assertIsNone(r.ratio)
        self.assertIsNone(r.count)
        self.assertFalse(r.provisional)
        self.assertFalse(r.due_is_bound)
        self.assertTrue(r.message_zh.startswith("BC-1:"))
        self.assertIn("2026-03-30", r.message_zh)
        self.assertEqual(r.message(), r.message_zh)
        self.assertEqual(r.message("en"), r.message_en)
        self.assertIn("due 2026-03-30", r.message_en)
        self.assertEqual(str(r), r.message_zh)
        explanation = r.explain("en")
        self.assertEqual(explanation, r.explanation_en)
        self.assertEqual(r.explain(), r.explanation_zh)
        for text in ("春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-28"):
            self.assertIn(text, explanation)
        self.assertIn("春节", r.explain("zh"))
        self.assertIsNone(r.detail())

    def test_a_day_late_is_a_violation(self):
        r = self.check(self.record(dismissal_date=date(2026, 3, 31)))
        self.assertIs(r.outcome, weibao.Outcome.VIOLATION)
        self.assertEqual(r.due, date(2026, 3, 30))
        self.assertEqual(r.done, date(2026, 3, 31))
        self.assertEqual(r.days_late, 1)
        self.assertEqual(r.days_left, 0)

    def test_not_yet_done_is_pending(self):
        r = self.check(self.record(), as_of=date(2026, 3, 20))
        self.assertIs(r.outcome, weibao.Outcome.PENDING)
        self.assertEqual(r.due, date(2026, 3, 30))
        self.assertIsNone(r.done)
        self.assertEqual(r.days_left, 10)
        self.assertEqual(r.days_late, 0)

    def test_no_record_is_not_applicable(self):
        r = self.check(self.record(result="无", result_date=None))
        self.assertIs(r.outcome, weibao.Outcome.NOT_APPLICABLE)
        self.assertIsNone(r.due)

    def test_no_result_date_is_insufficient_data(self):
        r = self.check(self.record(result_date=None))
        self.assertIs(r.outcome, weibao.Outcome.INSUFFICIENT_DATA)
        self.assertEqual(r.missing, "result-date")
        self.assertIn("结果收到日期", r.message_zh)

    def test_keys_by_header_and_by_name(self):
        record = weibao.Record("background-checks", {
            "编号": "BC-1", "人员类别": "staff", "query-date": "2026年2月10日",
            "查询结果": "record", "结果收到日期": "2026-02-10",
        })
        record["dismissal-date"] = date(2026, 3, 30)
        self.assertEqual(record.key, "BC-1")
        self.assertIs(self.check(record).outcome, weibao.Outcome.COMPLIES)
        del record["dismissal_date"]
        self.assertIs(self.check(record, as_of=date(2026, 3, 20)).outcome,
                      weibao.Outcome.PENDING)


class OtherDeadlinesTest(Fixture):
    def test_hire_query(self):
        late = background(key="N-1", category="新入职", start_date=date(2026, 3, 1),
                          query_date=date(2026, 3, 5))
        r = self.check(late, rule="hire-query")
        self.assertIs(r.outcome, weibao.Outcome.VIOLATION)
        self.assertEqual(r.days_late, 4)
        self.assertEqual(r.due, date(2026, 3, 1))
        on_time = background(key="N-2", category="new-hire", start_date="2026-03-01",
                             query_date="2026-02-20")
        r = self.check(on_time, rule="hire-query")
        self.assertIs(r.outcome, weibao.Outcome.COMPLIES)
        self.assertEqual(r.days_late, 0)

    def test_judicial_reply(self):
        # One month from 2026-01-31 ends on 2026-02-28 (art. 202), a
        # make-up working day, so no art. 203 move.
        record = weibao.Record("judicial-suggestions", key="JS-1",
                               received_date=date(2026, 1, 31), reply_date=date(2026, 3, 2))
        r = self.check(record, rule="judicial-reply")
        self.assertIs(r.outcome, weibao.Outcome.VIOLATION)
        self.assertEqual(r.due, date(2026, 2, 28))
        self.assertEqual(r.done, date(2026, 3, 2))
        self.assertEqual(r.days_late, 2)
        self.assertEqual(r.standard, "8.5")
        self.assertEqual(self.calendar.day(date(2026, 2, 28)).kind, "makeup-workday")

    def test_a_deadline_past_9999_is_a_clear_coverage_error(self):
        # Twelve months after 9999-11-30 would be in the year 10000: the
        # error says so, never a bare 'invalid argument'.
        record = weibao.Record("background-checks", key="B-1", category="在职",
                               query_date=date(9999, 11, 30))
        with self.assertRaises(weibao.CoverageError) as cm:
            weibao.check_record(record, self.rules, self.calendar, AS_OF)
        self.assertIn("9999-11-30", str(cm.exception))
        self.assertIn("after 9999-12-31", str(cm.exception))

    def test_pack_changes_the_rule(self):
        pack = ('<rule-pack xmlns="urn:weibao:rules:1" format="1" name="county-x">'
                '<title>t</title><set rule="dismissal-deadline" param="within" value="31"/>'
                '</rule-pack>')
        rules = self.rules.with_pack_string(pack)
        record = background(key="BC-1", category="在职", query_date="2026-02-10",
                            result="有", result_date="2026-02-10", dismissal_date="2026-03-31")
        results = weibao.check_record(record, rules, self.calendar, AS_OF)
        self.assertIs(only(results, "dismissal-deadline").outcome, weibao.Outcome.COMPLIES)

    def test_defaults(self):
        record = background(key="BC-1", category="在职", query_date=date(2026, 2, 10),
                            result="无")
        results = weibao.check_record(record, as_of=AS_OF)
        self.assertEqual(sorted(r.rule for r in results), sorted(BACKGROUND_RULES))


class RecordErrorsTest(unittest.TestCase):
    def test_date_that_does_not_exist(self):
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.Record("background-checks", query_date="2026-02-30")
        self.assertIn("2026-02-30", cm.exception.message)
        self.assertEqual(cm.exception.code, weibao.Status.EPARSE)
        record = weibao.Record("background-checks", key="K")
        with self.assertRaises(weibao.ParseError):
            record["query_date"] = "2026-02-30"

    def test_bad_choice(self):
        with self.assertRaises(weibao.ParseError):
            weibao.Record("background-checks", category="临时工")

    def test_identity_number_is_masked(self):
        good = id_number(valid=True)
        weibao.Record("background-checks", key="K", id_number=good)
        bad = id_number(valid=False)
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.Record("background-checks", key="K", id_number=bad)
        e = cm.exception
        self.assertNotIn(bad, e.message)
        self.assertNotIn(bad, str(e))
        self.assertNotIn(bad[6:14], e.message)    # the birth date
        self.assertIn(bad[:6], e.message)         # masked: 220581********123x

    def test_unknown_column_and_kind(self):
        with self.assertRaises(KeyError) as cm:
            weibao.Record("background-checks", no_such_column="x")
        self.assertIsInstance(cm.exception, weibao.NotFoundError)
        record = weibao.Record("background-checks")
        with self.assertRaises(KeyError):
            record["no-such-column"] = "x"
        with self.assertRaises(KeyError):
            weibao.Record("no-such-ledger")

    def test_value_types(self):
        record = weibao.Record(weibao.LedgerKind.find("background-checks"), key="K")
        self.assertEqual(record.kind.name, "background-checks")
        with self.assertRaises(TypeError):
            record["query-date"] = datetime(2026, 2, 10, 9, 0)
        with self.assertRaises(TypeError):
            record["query-date"] = True
        with self.assertRaises(TypeError):
            record["query-date"] = 2.5
        with self.assertRaises(ValueError):
            record["key"] = "a\0b"
        record["key"] = None
        self.assertIsNone(record.key)

    def test_record_without_key(self):
        ev = weibao.Evaluation(weibao.RuleSet.default(), weibao.Calendar.default(), AS_OF)
        with self.assertRaises(weibao.InvalidArgumentError) as cm:
            ev.add(weibao.Record("background-checks", category="在职"))
        self.assertEqual(cm.exception.rule, "ledger-missing-key")
        with self.assertRaises(TypeError):
            ev.add({"key": "K"})


class FilesTest(Fixture):
    def evaluation(self, **kw):
        return weibao.Evaluation(self.rules, self.calendar, AS_OF, **kw)

    def test_csv(self):
        path = self.write("入职查询.csv", CSV)
        ev = self.evaluation()
        ev.add_file(path)
        self.assertEqual(ev.record_count, 3)
        problems = ev.problems
        self.assertEqual([p.rule for p in problems], ["ledger-duplicate-key"])
        p = problems[0]
        self.assertIsInstance(p, weibao.Diagnostic)
        self.assertEqual(p.line, CSV_DUPLICATE_LINE)
        self.assertEqual(p.file, path)
        self.assertIn("BC-1", p.message)
        self.assertIn("first on line 2", p.message_en)

        results = ev.results
        mine = by_rule(results)
        for rule in BACKGROUND_RULES:
            self.assertEqual(sorted(r.key for r in mine[rule]), ["BC-1", "BC-2", "BC-3"], rule)
        dismissal = {r.key: r for r in mine["dismissal-deadline"]}
        self.assertIs(dismissal["BC-1"].outcome, weibao.Outcome.COMPLIES)
        self.assertIs(dismissal["BC-2"].outcome, weibao.Outcome.VIOLATION)
        self.assertEqual(dismissal["BC-2"].days_late, 1)
        self.assertIs(dismissal["BC-3"].outcome, weibao.Outcome.NOT_APPLICABLE)
        self.assertEqual((dismissal["BC-1"].source, dismissal["BC-1"].line), (path, 2))
        self.assertEqual(dismissal["BC-2"].line, 3)
        self.assertEqual(dismissal["BC-3"].line, 5)
        hire = {r.key: r for r in mine["hire-query"]}
        self.assertIs(hire["BC-3"].outcome, weibao.Outcome.INSUFFICIENT_DATA)
        self.assertEqual(hire["BC-3"].missing, "start-date")
        # Read again: the same results, not more.
        self.assertEqual(ev.results, results)

    def test_gb18030_csv_reads_as_utf8(self):
        utf8 = self.evaluation()
        utf8.add_file(self.write("utf8.csv", CSV))
        gb = self.evaluation()
        gb.add_file(self.write("gb18030.csv", CSV, encoding="gb18030"))
        bom = self.evaluation()
        bom.add_file(self.write("bom.csv", CSV, encoding="utf-8-sig"))
        self.assertTrue(utf8.results)
        self.assertEqual(gb.record_count, utf8.record_count)
        self.assertEqual([comparable(r) for r in gb.results],
                         [comparable(r) for r in utf8.results])
        self.assertEqual([comparable(r) for r in bom.results],
                         [comparable(r) for r in utf8.results])
        self.assertEqual([(p.rule, p.line) for p in gb.problems],
                         [(p.rule, p.line) for p in utf8.problems])

    def test_bytes_read_as_a_file(self):
        from_file = self.evaluation()
        from_file.add_file(self.write("utf8.csv", CSV))
        ev = self.evaluation()
        ev.add_bytes(CSV.encode("gb18030"), name="upload.csv")
        self.assertEqual([comparable(r) for r in ev.results],
                         [comparable(r) for r in from_file.results])
        self.assertEqual({r.source for r in ev.results}, {"upload.csv"})
        with self.assertRaises(TypeError):
            ev.add_bytes(CSV)                       # str, not bytes
        with self.assertRaises(TypeError):
            ev.add_bytes(b"", name=3)

    def test_xml(self):
        path = self.write("background.xml", XML)
        ev = self.evaluation()
        ev.add_file(pathlib.Path(path), kind="background-checks")
        self.assertEqual(ev.record_count, 2)
        self.assertEqual([(p.rule, p.line) for p in ev.problems],
                         [("ledger-duplicate-key", XML_DUPLICATE_LINE)])
        mine = by_rule(ev.results)
        self.assertEqual(sorted(mine), sorted(BACKGROUND_RULES))
        requery = only([r for r in mine["staff-requery"] if r.key == "A"], "staff-requery")
        self.assertEqual((requery.key, requery.line, requery.source), ("A", 3, path))
        self.assertIs(requery.outcome, weibao.Outcome.COMPLIES)
        self.assertEqual(requery.done, date(2026, 1, 5))
        self.assertTrue(requery.due_is_bound)   # 2027: beyond the built-in notices
        self.assertTrue(requery.provisional)
        hire = [r for r in mine["hire-query"] if r.key == "B"][0]
        self.assertIs(hire.outcome, weibao.Outcome.VIOLATION)
        self.assertEqual(hire.days_late, 4)

    def test_kind_argument(self):
        kind = weibao.LedgerKind.find("background-checks")
        ev = self.evaluation()
        ev.add_file(self.write("a.csv", CSV), kind=kind)
        self.assertEqual(ev.record_count, 3)
        with self.assertRaises(weibao.InvalidArgumentError):
            self.evaluation().add_file(self.write("b.csv", CSV), kind="no-such-ledger")
        self.assertEqual(weibao.LedgerKind.detect(self.write("c.csv", CSV)), kind)
        self.assertEqual(weibao.LedgerKind.detect(self.write("d.xml", XML)), kind)

    def test_files_that_are_not_ledgers(self):
        from support import rubric_xml_path
        with self.assertRaises(weibao.Error):
            self.evaluation().add_file(rubric_xml_path())
        with self.assertRaises(weibao.FileError):
            self.evaluation().add_file(pathlib.Path(self.tmp.name) / "没有.csv")
        with self.assertRaises(weibao.Error):
            self.evaluation().add_file(self.write("x.csv", "甲,乙\n1,2\n"))

    def test_bad_row_is_a_problem(self):
        text = CSV.replace("BC-2,在职,2026-02-10", "BC-2,在职,2026-02-30")
        ev = self.evaluation()
        ev.add_file(self.write("bad.csv", text))
        self.assertEqual(ev.record_count, 2)
        lines = {p.line: p for p in ev.problems}
        self.assertIn(3, lines)
        self.assertIn("2026-02-30", lines[3].message_en)

    def test_problems_survive_more_rows(self):
        # The problem list grows as rows are added; problems read before
        # stay valid (they are copies).
        ev = self.evaluation()
        ev.add_file(self.write("a.csv", CSV))
        first = ev.problems
        rows = "".join(f"BC-1,在职,2026-02-10,无,,\n" for _ in range(40))
        ev.add_file(self.write("b.csv", CSV.split("\n", 1)[0] + "\n" + rows))
        self.assertEqual(len(ev.problems), 1 + 40 + 0)
        self.assertEqual(first[0].rule, "ledger-duplicate-key")
        self.assertEqual(first[0].line, CSV_DUPLICATE_LINE)
        self.assertIn("BC-1", first[0].message)


class EvaluationTest(Fixture):
    def test_summary_matches_results(self):
        ev = weibao.Evaluation(self.rules, self.calendar, AS_OF)
        ev.add_file(self.write("a.csv", CSV))
        ev.add_file(self.write("b.xml", XML))
        ev.add(background(key="API-1", unit="某小学", township="某镇", category="在职",
                          query_date="2026-02-10", result="有", result_date="2026-02-10"))
        ev.finish()
        results = ev.results
        summary = ev.summary("rule")
        self.assertEqual(summary, ev.summary())
        expected = {}
        for r in results:
            counts = expected.setdefault(r.rule, {o.value: 0 for o in weibao.Outcome})
            counts[r.outcome.value] += 1
        self.assertEqual(summary, expected)
        for rule, counts in summary.items():
            for outcome in weibao.Outcome:
                self.assertEqual(ev.count(outcome, rule), counts[outcome.value])
                self.assertEqual(ev.count(outcome.value, rule=rule), counts[outcome.value])
        for outcome in weibao.Outcome:
            self.assertEqual(ev.count(outcome), sum(r.outcome is outcome for r in results))
        self.assertIn("2.3", ev.summary("standard"))
        self.assertEqual(sum(sum(c.values()) for c in ev.summary("standard").values()),
                         len(results))
        units = ev.summary("unit")
        self.assertIn("某小学", units)
        self.assertIn("", units)
        self.assertIn("某镇", ev.summary("township"))
        with self.assertRaises(ValueError):
            ev.summary("county")
        with self.assertRaises(ValueError):
            ev.count("late")

    def test_period_and_dates(self):
        ev = weibao.Evaluation(self.rules, self.calendar, AS_OF)
        self.assertEqual(ev.as_of, AS_OF)
        self.assertEqual(ev.since, date(2025, 1, 1))
        ev.set_period(date(2026, 1, 1))
        self.assertEqual(ev.since, date(2026, 1, 1))
        with self.assertRaises(weibao.InvalidArgumentError):
            ev.set_period(date(2026, 12, 1))
        with self.assertRaises(TypeError):
            weibao.Evaluation(self.rules, self.calendar, "2026-11-29")
        with self.assertRaises(TypeError):
            weibao.Evaluation(self.rules, self.calendar, datetime(2026, 11, 29))
        with self.assertRaises(TypeError):
            weibao.Evaluation(self.calendar, self.rules, AS_OF)

    def test_finished_evaluation_takes_no_more(self):
        ev = weibao.Evaluation(None, None, AS_OF)
        ev.finish()
        ev.finish()   # a second time does nothing
        with self.assertRaises(weibao.InvalidArgumentError):
            ev.add(background(key="K"))
        with self.assertRaises(weibao.InvalidArgumentError):
            ev.add_file(self.write("a.csv", CSV))

    def test_coverage(self):
        late = background(key="F-1", category="在职", query_date="2035-01-02",
                          result="有", result_date="2035-01-02")
        ev = weibao.Evaluation(self.rules, self.calendar, date(2035, 6, 1))
        with self.assertRaises(weibao.CoverageError) as cm:
            ev.add(late)
        self.assertIn("2035", cm.exception.message)
        # From a file the same is a problem, and the file is still read.
        header = CSV.split("\n", 1)[0]
        ev = weibao.Evaluation(self.rules, self.calendar, date(2035, 6, 1))
        ev.add_file(self.write("f.csv", header + "\nF-1,在职,2035-01-02,有,2035-01-02,\n"
                                                 "F-2,在职,2026-01-05,无,,\n"))
        self.assertIn("ledger-coverage", [p.rule for p in ev.problems])
        self.assertEqual(ev.record_count, 2)


class Stop(Exception):
    pass


class StreamingTest(Fixture):
    def test_same_results_as_kept(self):
        path = self.write("a.csv", CSV)
        kept = weibao.Evaluation(self.rules, self.calendar, AS_OF)
        kept.add_file(path)
        kept.finish()
        seen = []
        streamed = weibao.Evaluation(self.rules, self.calendar, AS_OF, on_result=seen.append)
        self.assertTrue(streamed.streaming)
        streamed.add_file(path)
        streamed.finish()
        self.assertEqual(len(seen), len(kept.results))
        self.assertEqual(seen, kept.results)
        self.assertTrue(all(isinstance(r, weibao.Result) for r in seen))
        self.assertEqual(streamed.results, [])
        self.assertEqual(streamed.summary(), kept.summary())
        self.assertEqual(streamed.record_count, kept.record_count)

    def test_record_by_record(self):
        seen = []
        ev = weibao.Evaluation(self.rules, self.calendar, AS_OF, on_result=seen.append)
        ev.add(background(key="BC-1", category="在职", query_date="2026-02-10", result="无"))
        self.assertEqual(sorted(r.rule for r in seen), sorted(BACKGROUND_RULES))

    def test_raising_callback_stops_the_evaluation(self):
        calls = []

        def on_result(result):
            calls.append(result)
            if len(calls) == 2:
                raise Stop("enough")

        ev = weibao.Evaluation(self.rules, self.calendar, AS_OF, on_result=on_result)
        names = []
        try:
            ev.add_file(self.write("a.csv", CSV))
        except Stop as e:
            self.assertEqual(str(e), "enough")
            # The traceback runs from add_file into the callable.
            tb = e.__traceback__
            while tb is not None:
                names.append(tb.tb_frame.f_code.co_name)
                tb = tb.tb_next
            del e, tb
        else:
            self.fail("the callable's exception did not propagate")
        self.assertIn("add_file", names)
        self.assertEqual(names[-1], "on_result")
        self.assertEqual(len(calls), 2)
        self.assertEqual(ev.record_count, 1)    # stopped inside the first row
        # The evaluation is still usable afterwards.
        ev.add(background(key="LATER", category="在职", query_date="2026-02-10", result="无"))
        self.assertGreater(len(calls), 2)

    def test_raising_callback_in_add_and_finish(self):
        def boom(result):
            raise KeyboardInterrupt

        ev = weibao.Evaluation(self.rules, self.calendar, AS_OF, on_result=boom)
        with self.assertRaises(KeyboardInterrupt):
            ev.add(background(key="K", category="在职", query_date="2026-02-10", result="无"))
        ev.finish()   # no rule over whole ledgers has anything for it to say here

    def test_callback_may_not_change_its_evaluation(self):
        holder = {}

        def reenter(result):
            holder["ev"].add(background(key="X"))

        ev = weibao.Evaluation(self.rules, self.calendar, AS_OF, on_result=reenter)
        holder["ev"] = ev
        with self.assertRaises(RuntimeError):
            ev.add_file(self.write("a.csv", CSV))
        # Reading it from the callable is fine.
        counts = []
        ev2 = weibao.Evaluation(self.rules, self.calendar, AS_OF,
                                on_result=lambda r: counts.append(ev2.record_count))
        ev2.add_file(self.write("b.csv", CSV))
        self.assertTrue(counts)

    def test_not_callable(self):
        with self.assertRaises(TypeError):
            weibao.Evaluation(self.rules, self.calendar, AS_OF, on_result=42)


class LifetimeTest(Fixture):
    def test_result_outlives_everything(self):
        rules = weibao.RuleSet.default()
        calendar = weibao.Calendar.default()
        ev = weibao.Evaluation(rules, calendar, AS_OF)
        ev.add_file(self.write("a.csv", CSV))
        results = ev.results
        problems = ev.problems
        refs = [weakref.ref(x) for x in (rules, calendar, ev)]
        del rules, calendar, ev
        gc.collect()
        self.assertEqual([ref() for ref in refs], [None, None, None])
        r = only([x for x in results if x.key == "BC-2"], "dismissal-deadline")
        self.assertEqual(r.days_late, 1)
        self.assertIn("春节", r.explain())
        self.assertIn("BC-2", r.message("en"))
        self.assertEqual(problems[0].rule, "ledger-duplicate-key")
        self.assertEqual(problems[0].line, CSV_DUPLICATE_LINE)

    def test_streamed_result_outlives_everything(self):
        seen = []
        ev = weibao.Evaluation(weibao.RuleSet.default(), weibao.Calendar.default(), AS_OF,
                               on_result=seen.append)
        ev.add_file(self.write("a.csv", CSV))
        del ev
        gc.collect()
        self.assertTrue(seen)
        self.assertTrue(all(r.message_zh and r.explanation_en for r in seen))

    def test_evaluation_keeps_rules_and_calendar(self):
        ev = weibao.Evaluation(weibao.RuleSet.default(), weibao.Calendar.default(), AS_OF)
        rules_ref = weakref.ref(ev.rules)
        finalizer = ev._free
        gc.collect()
        self.assertIsNotNone(rules_ref())
        ev.add_file(self.write("a.csv", CSV))
        self.assertTrue(ev.results)
        del ev
        gc.collect()
        self.assertFalse(finalizer.alive)
        self.assertIsNone(rules_ref())

    def test_cycle_through_the_callable_is_collected(self):
        ev = weibao.Evaluation(weibao.RuleSet.default(), weibao.Calendar.default(), AS_OF)
        holder = [ev]
        ev2 = weibao.Evaluation(ev.rules, ev.calendar, AS_OF,
                                on_result=lambda r: holder.append(ev2))
        ev2.add(background(key="K", category="在职", query_date="2026-02-10", result="无"))
        finalizer = ev2._free
        del ev, ev2, holder
        gc.collect()
        self.assertFalse(finalizer.alive)

    def test_rule_outlives_its_set(self):
        rules = weibao.RuleSet.default()
        rule = rules["dismissal-deadline"]
        param = rule.param("within")
        del rules
        gc.collect()
        self.assertEqual(rule.standards, ("2.3",))
        self.assertEqual(param.value, 30)
        self.assertEqual(param.source, "rubric")

    def test_record_outlives_its_evaluation(self):
        record = background(key="K", category="在职", query_date="2026-02-10", result="无")
        ev = weibao.Evaluation(None, None, AS_OF)
        ev.add(record)
        del ev
        gc.collect()
        self.assertEqual(record.key, "K")
        self.assertTrue(weibao.check_record(record, as_of=AS_OF))

    def test_many_evaluations(self):
        record = background(key="K", category="在职", query_date="2026-02-10", result="无")
        kept = []
        for _ in range(100):
            kept.extend(weibao.check_record(record, self.rules, self.calendar, AS_OF))
        gc.collect()
        self.assertEqual(len({r.message_zh for r in kept}), len(BACKGROUND_RULES))


if __name__ == "__main__":
    unittest.main()
