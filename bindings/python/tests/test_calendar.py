"""The working-day calendar, dates and periods: datetime.date both ways,
the built-in edition's 2026 days, a synthetic edition, checks, the notice
importer, and values that outlive their calendar."""

import dataclasses
import datetime
import gc
import unittest
import weakref
from datetime import date

import weibao

from support import (notice_text, rubric_xml_path, synthetic_calendar_path)

NOTICE_2026 = "国办发明电〔2025〕7号"


class DateConversionTest(unittest.TestCase):
    """The wb_date typemaps, through the extension's own date functions."""

    def test_epoch_and_range(self):
        core = weibao._core
        self.assertEqual(core.wb_date_diff_days(date(1970, 1, 1), date(1970, 1, 1)), 0)
        self.assertEqual(core.wb_date_diff_days(date(1970, 1, 2), date(1970, 1, 1)), 1)
        self.assertEqual(core.wb_date_diff_days(date.max, date.min),
                         date.max.toordinal() - date.min.toordinal())
        self.assertEqual(core.wb_date_from_ymd(1, 1, 1), date.min)
        self.assertEqual(core.wb_date_from_ymd(9999, 12, 31), date.max)
        self.assertEqual(core.wb_date_from_ymd(1969, 12, 31), date(1969, 12, 31))
        self.assertIs(type(core.wb_date_from_ymd(2026, 2, 10)), date)
        self.assertEqual(core.wb_date_add_months(date(2024, 1, 31), 1), date(2024, 2, 29))
        with self.assertRaises(weibao.InvalidArgumentError):
            core.wb_date_add_days(date.max, 1)
        with self.assertRaises(weibao.InvalidArgumentError):
            core.wb_date_from_ymd(2023, 2, 29)

    def test_date_subclass_is_a_date(self):
        class Day(date):
            def toordinal(self):  # cannot change which day it is
                return 1

        self.assertEqual(weibao._core.wb_date_cmp(Day(2026, 2, 10), date(2026, 2, 10)), 0)

    def test_datetime_and_others_are_refused(self):
        cal = weibao.Calendar.default()
        when = datetime.datetime(2026, 2, 10, 9, 30)
        calls = [
            lambda d: cal.day(d),
            lambda d: cal.is_workday(d),
            lambda d: cal.next_workday(d),
            lambda d: cal.prev_workday(d),
            lambda d: cal.add_workdays(d, 1),
            lambda d: cal.count_workdays(date(2026, 2, 10), d),
            lambda d: cal.period_end(d, 1, "months"),
        ]
        for call in calls:
            with self.assertRaises(TypeError) as cm:
                call(when)
            self.assertIn("datetime", str(cm.exception))
            for other in (None, "2026-02-10", 20260210, when.date().toordinal()):
                with self.assertRaises(TypeError):
                    call(other)
        self.assertEqual(cal.day(when.date()).date, date(2026, 2, 10))


class ParseDateTest(unittest.TestCase):
    def test_forms(self):
        for text in ("2026-02-10", "2026年2月10日", "２０２６年２月１０日",
                     "二〇二六年二月十日"):
            self.assertEqual(weibao.parse_date(text), date(2026, 2, 10), text)
        self.assertIs(type(weibao.parse_date("2026-02-10")), date)

    def test_impossible_date(self):
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.parse_date("2023-02-29")
        self.assertEqual(cm.exception.code, weibao.Status.EPARSE)
        self.assertIn("2023-02-29", cm.exception.message)

    def test_not_a_date(self):
        with self.assertRaises(weibao.ParseError) as cm:
            weibao.parse_date("2026/02/10")
        self.assertIn("2026/02/10", cm.exception.message)
        with self.assertRaises(weibao.ParseError):
            weibao.parse_date(" 2026-02-10")
        with self.assertRaises(TypeError):
            weibao.parse_date(b"2026-02-10")
        with self.assertRaises(TypeError):
            weibao.parse_date(None)
        with self.assertRaises(ValueError):
            weibao.parse_date("2026-02-10\0junk")


class DefaultCalendarTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = weibao.Calendar.default()

    def test_edition(self):
        cal = self.cal
        self.assertTrue(cal.edition)
        self.assertLessEqual(cal.first_year, 2021)
        self.assertGreaterEqual(cal.last_year, 2026)
        self.assertIs(type(cal.final_through), date)
        self.assertEqual(cal.final_through.year, cal.last_year)
        self.assertIn(cal.edition, repr(cal))

    def test_makeup_workday_2026_02_14(self):
        day = self.cal.day(date(2026, 2, 14))
        self.assertIsInstance(day, weibao.Day)
        self.assertEqual(day.date, date(2026, 2, 14))
        self.assertEqual(day.kind, "makeup-workday")
        self.assertIs(day.is_workday, True)
        self.assertEqual(day.holiday, "春节")
        self.assertEqual(day.notice, NOTICE_2026)
        self.assertIs(day.provisional, False)
        self.assertIs(day.projected, False)
        self.assertIs(self.cal.is_workday(date(2026, 2, 14)), True)

    def test_spring_festival_2026(self):
        for d in (date(2026, 2, 16), date(2026, 2, 21)):  # a Monday, a Saturday
            day = self.cal.day(d)
            self.assertEqual(day.kind, "holiday", d)
            self.assertIs(day.is_workday, False)
            self.assertEqual(day.holiday, "春节")
            self.assertEqual(day.notice, NOTICE_2026)
            self.assertIs(self.cal.is_workday(d), False)

    def test_ordinary_days(self):
        day = self.cal.day(date(2026, 3, 2))      # a Monday
        self.assertEqual((day.kind, day.is_workday, day.holiday, day.notice),
                         ("workday", True, None, None))
        day = self.cal.day(date(2026, 3, 7))      # a Saturday
        self.assertEqual((day.kind, day.is_workday, day.holiday, day.notice),
                         ("weekend", False, None, None))

    def test_day_is_a_frozen_value(self):
        day = self.cal.day(date(2026, 2, 14))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            day.kind = "weekend"
        self.assertEqual(day, self.cal.day(date(2026, 2, 14)))
        self.assertEqual(len({day, self.cal.day(date(2026, 2, 14))}), 1)

    def test_next_and_prev_workday(self):
        cal = self.cal
        self.assertEqual(cal.next_workday(date(2026, 2, 13)), date(2026, 2, 14))
        self.assertEqual(cal.next_workday(date(2026, 2, 14)), date(2026, 2, 24))
        self.assertEqual(cal.prev_workday(date(2026, 2, 24)), date(2026, 2, 14))
        self.assertEqual(cal.prev_workday(date(2026, 2, 14)), date(2026, 2, 13))

    def test_add_and_count_workdays(self):
        cal = self.cal
        start, end = date(2026, 2, 10), date(2026, 3, 30)
        self.assertEqual(cal.add_workdays(start, 30), end)
        self.assertEqual(cal.count_workdays(start, end), 30)
        self.assertEqual(cal.count_workdays(end, start), -30)
        self.assertEqual(cal.add_workdays(end, -30), start)
        self.assertEqual(cal.add_workdays(start, 0), start)
        self.assertEqual(cal.count_workdays(start, start), 0)
        for n in (-5, 1, 7, 45):
            self.assertEqual(cal.count_workdays(start, cal.add_workdays(start, n)), n)

    def test_holidays_2026(self):
        holidays = self.cal.holidays(2026)
        self.assertEqual(len(holidays), 7)
        self.assertEqual([h.name for h in holidays],
                         ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        spring = holidays[1]
        self.assertIsInstance(spring, weibao.Holiday)
        self.assertEqual((spring.start, spring.end), (date(2026, 2, 15), date(2026, 2, 23)))
        self.assertEqual(spring.year, 2026)
        self.assertEqual(spring.notice, NOTICE_2026)
        self.assertTrue(all(h.year == 2026 for h in holidays))
        everything = self.cal.holidays()
        self.assertGreater(len(everything), 7)
        self.assertEqual([h for h in everything if h.year == 2026], holidays)
        starts = [h.start for h in everything]
        self.assertEqual(starts, sorted(starts))

    def test_makeup_days_2026(self):
        days = self.cal.makeup_days(2026)
        self.assertEqual([m.date for m in days],
                         [date(2026, 1, 4), date(2026, 2, 14), date(2026, 2, 28),
                          date(2026, 5, 9), date(2026, 9, 20), date(2026, 10, 10)])
        self.assertIsInstance(days[0], weibao.MakeupDay)
        self.assertEqual(days[1].holiday, "春节")
        self.assertEqual(days[-1].holiday, "国庆节")
        self.assertTrue(all(m.notice == NOTICE_2026 and m.year == 2026 for m in days))
        with self.assertRaises(TypeError):
            self.cal.makeup_days("2026")

    def test_outside_coverage(self):
        with self.assertRaises(weibao.CoverageError) as cm:
            self.cal.day(date(2027, 1, 4))
        e = cm.exception
        self.assertEqual(e.code, weibao.Status.ECOVERAGE)
        self.assertEqual(int(e.code), -9)
        self.assertIn("2027-01-04", e.message)
        self.assertIsInstance(e, weibao.Error)
        self.assertNotIsInstance(e, ValueError)
        self.assertNotIsInstance(e, LookupError)
        before = date(self.cal.first_year - 1, 12, 31)
        for call in (lambda: self.cal.is_workday(before),
                     lambda: self.cal.next_workday(before),
                     lambda: self.cal.add_workdays(before, 1),
                     lambda: self.cal.count_workdays(before, date(2026, 1, 5)),
                     lambda: self.cal.period_end(before, 1, "workdays"),
                     lambda: self.cal.period_end(date(2026, 12, 31), 1, "months")):
            with self.assertRaises(weibao.CoverageError):
                call()


class PeriodTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = weibao.Calendar.default()

    def test_month_to_a_shorter_month(self):
        d = self.cal.period_end(date(2026, 1, 31), 1, "months")
        self.assertIsInstance(d, weibao.Deadline)
        self.assertEqual(d.start, date(2026, 1, 31))
        self.assertEqual(d.nominal_end, date(2026, 2, 28))
        self.assertEqual(d.end, date(2026, 2, 28))
        self.assertIs(d.moved, False)
        self.assertEqual(d.nominal_kind, "makeup-workday")  # a Saturday worked
        self.assertIsNone(d.holiday)
        self.assertIs(d.provisional, False)
        self.assertIs(d.projected, False)

    def test_moved_off_national_day(self):
        d = self.cal.period_end(date(2026, 9, 1), 1, "months")
        self.assertEqual(d.nominal_end, date(2026, 10, 1))
        self.assertEqual(d.end, date(2026, 10, 8))
        self.assertIs(d.moved, True)
        self.assertEqual(d.nominal_kind, "holiday")
        self.assertEqual(d.holiday, "国庆节")
        self.assertEqual(d.notice, NOTICE_2026)

    def test_move_off(self):
        d = self.cal.period_end(date(2026, 9, 1), 1, "months", move=False)
        self.assertEqual(d.end, date(2026, 10, 1))
        self.assertIs(d.moved, False)
        self.assertEqual(d.nominal_kind, "holiday")

    def test_workdays_and_days(self):
        d = self.cal.period_end(date(2026, 2, 10), 30, "workdays")
        self.assertEqual(d.end, date(2026, 3, 30))
        self.assertIs(d.moved, False)
        d = self.cal.period_end(date(2026, 2, 10), 5, "days")     # ends on 02-15, 春节
        self.assertEqual(d.nominal_end, date(2026, 2, 15))
        self.assertEqual(d.end, date(2026, 2, 24))
        self.assertEqual(d.holiday, "春节")
        d = self.cal.period_end(date(2025, 3, 31), 1, "years")
        self.assertEqual(d.nominal_end, date(2026, 3, 31))

    def test_bad_arguments(self):
        # The unit is refused before the library sees the (uncovered) date.
        with self.assertRaises(ValueError) as cm:
            self.cal.period_end(date(2099, 1, 1), 1, "weeks")
        self.assertNotIsInstance(cm.exception, weibao.Error)
        self.assertIn("weeks", str(cm.exception))
        with self.assertRaises(ValueError):
            self.cal.period_end(date(2026, 1, 5), 1, "Months")
        with self.assertRaises(TypeError):
            self.cal.period_end(date(2026, 1, 5), 1, weibao._core.WB_PERIOD_MONTHS)
        with self.assertRaises(weibao.InvalidArgumentError):
            self.cal.period_end(date(2026, 1, 5), -1, "days")
        with self.assertRaises(TypeError):
            self.cal.period_end(date(2026, 1, 5), "1", "days")


class SyntheticCalendarTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cal = weibao.Calendar.load(synthetic_calendar_path())

    def test_load_forms(self):
        self.assertEqual(weibao.Calendar.load(str(synthetic_calendar_path())).edition,
                         "test-synthetic")
        text = synthetic_calendar_path().read_text(encoding="utf-8")
        for source in (text, text.encode("utf-8")):
            cal = weibao.Calendar.from_string(source, name="synthetic.xml")
            self.assertEqual((cal.first_year, cal.last_year), (2030, 2031))

    def test_edition(self):
        cal = self.cal
        self.assertEqual(cal.edition, "test-synthetic")
        self.assertEqual((cal.first_year, cal.last_year), (2030, 2031))
        self.assertEqual(cal.final_through, date(2031, 12, 24))

    def test_amendment(self):
        # The extension lengthens 春节 to 02-10 and cancels the make-up
        # Saturday 02-09, which becomes a holiday day of the amendment.
        day = self.cal.day(date(2030, 2, 9))
        self.assertEqual((day.kind, day.holiday, day.notice),
                         ("holiday", "春节", "测试〔2030〕1号"))
        spring = [h for h in self.cal.holidays(2030) if h.name == "春节"]
        self.assertEqual(len(spring), 1)
        self.assertEqual((spring[0].start, spring[0].end),
                         (date(2030, 2, 2), date(2030, 2, 10)))
        self.assertEqual(spring[0].notice, "测试〔2030〕1号")
        self.assertNotIn(date(2030, 2, 9), [m.date for m in self.cal.makeup_days()])
        self.assertEqual(self.cal.day(date(2030, 1, 27)).notice, "测试〔2029〕1号")

    def test_new_year_starts_the_december_before(self):
        new_year = self.cal.holidays(2031)[0]
        self.assertEqual((new_year.name, new_year.start, new_year.year),
                         ("元旦", date(2030, 12, 30), 2031))
        self.assertNotIn(new_year, self.cal.holidays(2030))
        self.assertEqual([m.date for m in self.cal.makeup_days(2031)][0], date(2030, 12, 28))
        self.assertEqual(self.cal.holidays(2032), [])

    def test_provisional(self):
        self.assertIs(self.cal.day(date(2031, 12, 24)).provisional, False)
        self.assertIs(self.cal.day(date(2031, 12, 26)).provisional, True)
        d = self.cal.period_end(date(2031, 11, 26), 1, "months")
        self.assertEqual(d.end, date(2031, 12, 26))
        self.assertIs(d.provisional, True)

    def test_moved_off_an_amended_holiday(self):
        d = self.cal.period_end(date(2030, 1, 10), 1, "months")
        self.assertEqual((d.nominal_end, d.end), (date(2030, 2, 10), date(2030, 2, 11)))
        self.assertEqual((d.holiday, d.notice), ("春节", "测试〔2030〕1号"))
        self.assertEqual(self.cal.period_end(date(2030, 1, 25), 10, "workdays").end,
                         date(2030, 2, 14))

    def test_coverage(self):
        with self.assertRaises(weibao.CoverageError) as cm:
            self.cal.day(date(2032, 1, 1))
        self.assertIn("2032-01-01", cm.exception.message)
        with self.assertRaises(weibao.CoverageError):
            self.cal.day(date(2029, 12, 31))
        with self.assertRaises(weibao.CoverageError):
            self.cal.next_workday(date(2031, 12, 31))  # the answer lies outside


class StackAndProjectTest(unittest.TestCase):
    def setUp(self):
        self.base = weibao.Calendar.load(synthetic_calendar_path())
        self.overlay = synthetic_calendar_path().parent.parent / "calendar-overlay" / "input.xml"

    def test_overlay_overrides_its_days(self):
        region = self.base.stack(self.overlay)
        self.assertEqual(region.edition, "test-synthetic+test-region")
        day = region.day(date(2030, 10, 12))
        self.assertEqual((day.kind, day.holiday, day.notice),
                         ("holiday", "州庆闭馆", "测试州〔2030〕2号"))
        # The base is unchanged, and the stack does not need it.
        self.assertEqual(self.base.day(date(2030, 10, 12)).kind, "makeup-workday")
        del self.base
        gc.collect()
        self.assertEqual(region.add_workdays(date(2030, 3, 4), 1), date(2030, 3, 8))

    def test_overlay_from_text_and_errors(self):
        text = self.overlay.read_text(encoding="utf-8")
        self.assertEqual(self.base.stack_string(text, "o.xml").day(date(2030, 3, 6)).holiday,
                         "测试节")
        with self.assertRaises(weibao.SchemaError) as cm:
            self.base.stack(synthetic_calendar_path())    # a whole calendar
        self.assertEqual(cm.exception.rule, "document-kind")

    def test_projection_is_opt_in_and_marked(self):
        cal = weibao.Calendar.default()
        with self.assertRaises(weibao.CoverageError):
            cal.day(date(2027, 2, 8))
        projected = cal.project(2027)
        day = projected.day(date(2027, 2, 8))
        self.assertEqual((day.kind, day.holiday, day.projected), ("holiday", "春节", True))
        self.assertFalse(projected.day(date(2026, 6, 1)).projected)
        deadline = projected.period_end(date(2026, 12, 10), 2, "months")
        self.assertTrue(deadline.projected)
        with self.assertRaises(weibao.CoverageError):
            cal.project(2051)


def _overlapping_calendar():
    text = synthetic_calendar_path().read_text(encoding="utf-8")
    anchor = '<holiday name="春节" start="2030-02-02" end="2030-02-08" days="7"/>'
    broken = text.replace(anchor, anchor + '\n    <holiday name="测试节" '
                          'start="2030-02-08" end="2030-02-12"/>', 1)
    assert broken != text
    return broken


class CheckTest(unittest.TestCase):
    def test_overlap_is_found(self):
        kind, found = weibao.check_string(_overlapping_calendar(), name="overlap.xml")
        self.assertEqual(kind, "calendar")
        rules = [d.rule for d in found]
        self.assertIn("calendar-overlap", rules)
        d = found[rules.index("calendar-overlap")]
        self.assertIsInstance(d, weibao.Diagnostic)
        self.assertEqual((d.severity, d.file), ("error", "overlap.xml"))
        self.assertIn("测试节", d.message)
        self.assertIn("calendar-overlap",
                      [d.rule for d in weibao.check_calendar_string(_overlapping_calendar())])

    def test_overlap_fails_a_load(self):
        with self.assertRaises(weibao.SchemaError) as cm:
            weibao.Calendar.from_string(_overlapping_calendar())
        self.assertEqual(cm.exception.rule, "calendar-overlap")

    def test_clean_files(self):
        self.assertEqual(weibao.check_file(synthetic_calendar_path()), ("calendar", []))
        self.assertEqual(weibao.check_file(rubric_xml_path()), ("rubric", []))
        self.assertEqual(weibao.check_calendar_file(synthetic_calendar_path()), [])

    def test_unknown_kind(self):
        kind, found = weibao.check_string(b"<x/>")
        self.assertEqual(kind, "unknown")
        self.assertEqual([d.rule for d in found], ["document-kind"])

    def test_missing_file(self):
        with self.assertRaises(weibao.FileError):
            weibao.check_file("/nonexistent/日历.xml")
        with self.assertRaises(weibao.FileError):
            weibao.Calendar.load("/nonexistent/日历.xml")


class ImportNoticeTest(unittest.TestCase):
    def test_2026_agrees_with_the_built_in_calendar(self):
        xml, found = weibao.import_notice(notice_text(2026), name="2026.txt")
        self.assertIsInstance(xml, str)
        self.assertEqual([d for d in found if d.severity == "error"], [])
        imported = weibao.Calendar.from_string(xml, name="2026.xml")
        self.assertEqual((imported.first_year, imported.last_year), (2026, 2026))
        built_in = weibao.Calendar.default()
        self.assertEqual(imported.holidays(2026), built_in.holidays(2026))
        self.assertEqual(imported.makeup_days(2026), built_in.makeup_days(2026))
        # Days after final-through may be changed by the 2027 notice.
        d = date(2026, 1, 1)
        while d <= imported.final_through:
            a, b = imported.day(d), built_in.day(d)
            self.assertEqual((a.kind, a.holiday, a.notice), (b.kind, b.holiday, b.notice), d)
            d += datetime.timedelta(days=1)

    def test_unreadable_notice(self):
        xml, found = weibao.import_notice("这不是通知。", name="bad.txt")
        self.assertIsNone(xml)
        self.assertTrue(found)
        self.assertEqual(found[0].severity, "error")
        self.assertEqual(found[0].file, "bad.txt")

    def test_wrong_weekday_is_a_finding(self):
        text = notice_text(2026).replace("2月14日（周六）", "2月14日（周日）", 1)
        self.assertNotEqual(text, notice_text(2026))
        xml, found = weibao.import_notice(text.encode("utf-8"))
        self.assertIsNone(xml)
        self.assertTrue(any(d.severity == "error" for d in found))


class LifetimeTest(unittest.TestCase):
    def test_values_outlive_the_calendar(self):
        cal = weibao.Calendar.default()
        finalizer = cal._free
        ref = weakref.ref(cal)
        day = cal.day(date(2026, 2, 14))
        holiday = cal.holidays(2026)[1]
        makeup = cal.makeup_days(2026)[1]
        deadline = cal.period_end(date(2026, 9, 1), 1, "months")
        del cal
        gc.collect()
        # Nothing holds the calendar: it is gone, freed once.
        self.assertIsNone(ref())
        self.assertFalse(finalizer.alive)
        self.assertIsNone(finalizer())
        self.assertEqual((day.holiday, day.notice), ("春节", NOTICE_2026))
        self.assertEqual((holiday.name, holiday.notice), ("春节", NOTICE_2026))
        self.assertEqual(makeup.holiday, "春节")
        self.assertEqual((deadline.holiday, deadline.notice), ("国庆节", NOTICE_2026))
        self.assertIn("春节", repr(day))

    def test_many_calendars(self):
        days = [weibao.Calendar.default().day(date(2026, 2, 16)) for _ in range(100)]
        gc.collect()
        self.assertTrue(all(d == days[0] for d in days))

    def test_objects_come_from_a_calendar(self):
        with self.assertRaises(TypeError):
            weibao.Calendar()


class ExceptionClassTest(unittest.TestCase):
    def test_coverage_error(self):
        from weibao._errors import _from_record
        e = _from_record(int(weibao.Status.ECOVERAGE), "", "", 0, 0, "")
        self.assertIs(type(e), weibao.CoverageError)
        self.assertEqual(e.code, weibao.Status.ECOVERAGE)
        self.assertTrue(e.message)
        self.assertEqual(weibao.CoverageError.__mro__[1], weibao.Error)
        self.assertFalse(issubclass(weibao.CoverageError, (ValueError, LookupError)))
        self.assertEqual(weibao.CoverageError.__module__, "weibao")


if __name__ == "__main__":
    unittest.main()
