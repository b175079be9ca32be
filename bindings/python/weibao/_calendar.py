"""China's working-day calendar (工作日) and legal periods (Civil Code
arts. 200–204) as Python objects.

A :class:`Calendar` owns the library's wb_calendar and frees it once, when
the last reference to it goes. What it answers (:class:`Day`,
:class:`Holiday`, :class:`MakeupDay`, :class:`Deadline`) are plain frozen
values: the holiday names and notice numbers in them are copied into str
as they are made, so they hold no reference to the calendar and stay
valid after it is gone.

Dates are ``datetime.date`` both ways. A ``datetime.datetime`` is refused
with TypeError rather than silently losing its time of day.
"""

import datetime
import os
import weakref
from dataclasses import dataclass
from typing import Optional

from . import _weibao_core as _core
from ._diagnostics import _Findings
from ._errors import _check_int
from ._rubric import _document_bytes

__all__ = ["Calendar", "Day", "Holiday", "MakeupDay", "Deadline",
           "parse_date", "import_notice"]


_DAY_KINDS = {
    _core.WB_DAY_WORKDAY: "workday",
    _core.WB_DAY_WEEKEND: "weekend",
    _core.WB_DAY_HOLIDAY: "holiday",
    _core.WB_DAY_MAKEUP_WORKDAY: "makeup-workday",
}

_PERIOD_UNITS = {
    "days": _core.WB_PERIOD_DAYS,
    "months": _core.WB_PERIOD_MONTHS,
    "years": _core.WB_PERIOD_YEARS,
    "workdays": _core.WB_PERIOD_WORKDAYS,
}


def parse_date(text):
    """Read a date as ISO 8601 ('2026-02-10') or as Chinese documents
    write it: '2026年2月10日', with ASCII or full-width digits
    ('２０２６年２月１０日'), or in Chinese numerals ('二〇二六年二月十日').
    The whole text must be the date: no spaces, no time of day.

    Returns a datetime.date. Raises ParseError, quoting the text, when it
    is not a date or the date does not exist ('2023-02-29').
    """
    if not isinstance(text, str):
        raise TypeError(f"expected str, not {type(text).__name__}")
    return _core.wb_date_parse(text)


@dataclass(frozen=True)
class Day:
    """What the calendar says of one date.

    ``kind`` is 'workday' (Monday to Friday), 'weekend', 'holiday' (a day
    off of a holiday, 放假) or 'makeup-workday' (a weekend day made a
    working day, 调休上班). ``holiday`` names the holiday of a holiday or
    make-up day and ``notice`` the number of the notice that set it
    (国办发明电〔…〕…号); both are None for an ordinary day.
    ``provisional``: the date lies after the edition's final-through date,
    so next year's notice may still change it. ``projected``: the date lies
    beyond the notices, in a projection.
    """

    date: datetime.date
    kind: str
    is_workday: bool
    holiday: Optional[str]
    notice: Optional[str]
    provisional: bool
    projected: bool = False


@dataclass(frozen=True)
class Holiday:
    """A holiday in effect (amendments applied): its days off run from
    ``start`` to ``end``, both included. ``year`` is the year of the notice
    that set it (a 元旦 may start the December before), ``notice`` that
    notice's number (the amendment's, when amended)."""

    name: str
    start: datetime.date
    end: datetime.date
    year: int
    notice: str


@dataclass(frozen=True)
class MakeupDay:
    """A weekend day made a working day (调休上班). ``holiday`` is the
    holiday it makes up for, or None when the notice does not say."""

    date: datetime.date
    holiday: Optional[str]
    year: int
    notice: str


@dataclass(frozen=True)
class Deadline:
    """A period's last day, and why it is that day.

    ``start``: the day the period is counted from (not counted).
    ``nominal_end``: the last day by arts. 201–202, before any move.
    ``end``: the last day of the period. ``moved``: art. 203 moved the last
    day off a rest day; ``nominal_kind`` is the kind of day nominal_end is
    (as :attr:`Day.kind`). When moved off a holiday, ``holiday`` names it
    and ``notice`` gives the notice that set it; else both are None.
    ``provisional``: a day it depends on may still change.
    ``projected``: it rests on days projected beyond the notices.
    """

    start: datetime.date
    nominal_end: datetime.date
    end: datetime.date
    moved: bool
    nominal_kind: str
    holiday: Optional[str]
    notice: Optional[str]
    provisional: bool
    projected: bool


class Calendar:
    """One edition of the working-day calendar: the State Council's yearly
    holiday notices and their amendments for a run of years.

    Open one with :meth:`default`, :meth:`load` or :meth:`from_string`.
    A date outside the covered years raises CoverageError, never a guess
    from weekdays alone. A calendar never changes once loaded and may be
    read from several threads at once.
    """

    __slots__ = ("_ptr", "_free", "__weakref__")

    def __init__(self):
        raise TypeError("open a calendar with Calendar.default(), "
                        "Calendar.load() or Calendar.from_string()")

    @classmethod
    def _adopt(cls, ptr):
        self = object.__new__(cls)
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_calendar_free, ptr)
        # See Rubric._adopt: never freed under an exit handler's feet.
        self._free.atexit = False
        return self

    @classmethod
    def default(cls):
        """The edition compiled into the library."""
        return cls._adopt(_core.wb_calendar_open_default())

    @classmethod
    def load(cls, path):
        """Load an edition from a calendar XML file (str or os.PathLike).

        Raises FileError when it cannot be read, ParseError when it is not
        well-formed XML, SchemaError when it breaks the format.
        """
        return cls._adopt(_core.wb_calendar_load_file(os.fspath(path)))

    @classmethod
    def from_string(cls, text, name=None):
        """Load an edition from XML text (str, or UTF-8 bytes).

        ``name`` is what errors call the document ("<buffer>" if None).
        """
        return cls._adopt(_core.wb_calendar_load_buffer(_document_bytes(text), name))

    def stack(self, path):
        """A new calendar with an overlay stacked on this one: a region's
        own holidays, an organisation's closures (an <overlay> document).
        Its days override this calendar's for the days they name."""
        return Calendar._adopt(_core.wb_calendar_stack_file(self._ptr, os.fspath(path)))

    def stack_string(self, text, name=None):
        """As :meth:`stack`, with the overlay as XML text."""
        return Calendar._adopt(
            _core.wb_calendar_stack_buffer(self._ptr, _document_bytes(text), name))

    def project(self, through_year, path=None):
        """A new calendar that goes on past the last notice, through
        ``through_year``, with only the holidays the holiday law itself
        fixes (no make-up days). Every day and deadline drawn from the
        projected years says ``projected=True``. ``path`` names other
        projection data; by default the built-in data (2027–2050).
        Raises CoverageError when the data does not reach the year."""
        _check_int("through_year", through_year)
        if path is None:
            return Calendar._adopt(_core.wb_calendar_project(self._ptr, through_year))
        return Calendar._adopt(
            _core.wb_calendar_project_file(self._ptr, os.fspath(path), through_year))

    # ---- edition

    @property
    def origin(self):
        """The file or buffer it was loaded from ('<default>' if built in)."""
        return _core.wb_calendar_origin(self._ptr)

    @property
    def edition(self):
        """A short stable name, e.g. 'test-synthetic'."""
        return _core.wb_calendar_edition(self._ptr)

    @property
    def first_year(self):
        """The first covered year."""
        return _core.wb_calendar_first_year(self._ptr)

    @property
    def last_year(self):
        """The last covered year."""
        return _core.wb_calendar_last_year(self._ptr)

    @property
    def final_through(self):
        """The last day no later notice is expected to change (a date);
        days after it are answered but provisional."""
        return _core.wb_calendar_final_through(self._ptr)

    # ---- days

    def day(self, date):
        """What kind of day ``date`` is, and why: a :class:`Day`.
        Raises CoverageError outside the covered years."""
        info = _core.wb_calendar_day(self._ptr, date)
        return Day(date=date,
                   kind=_DAY_KINDS[info["kind"]],
                   is_workday=info["is_workday"],
                   holiday=info["holiday"],
                   notice=info["notice"],
                   provisional=info["provisional"],
                   projected=info["projected"])

    def is_workday(self, date):
        """True when ``date`` is a working day (an ordinary or a make-up
        one). Raises CoverageError outside the covered years."""
        return bool(_core.wb_calendar_is_workday(self._ptr, date))

    def next_workday(self, date):
        """The first working day strictly after ``date``. Raises
        CoverageError when the date, or the answer, lies outside the
        coverage."""
        return _core.wb_calendar_next_workday(self._ptr, date)

    def prev_workday(self, date):
        """The first working day strictly before ``date``; as next_workday()."""
        return _core.wb_calendar_prev_workday(self._ptr, date)

    def add_workdays(self, date, n):
        """The nth working day after a date, the date itself not counted:
        from a Saturday before a make-up Sunday, day 1 is that Sunday. A
        negative n counts back (the nth working day before); n = 0 gives
        the date itself."""
        return _core.wb_calendar_add_workdays(self._ptr, date, _check_int("n", n))

    def count_workdays(self, start, end):
        """The number of working days passed going from one date to
        another: the start is not counted and the end is, as periods
        count. Forwards (end >= start) it counts the working days d with
        start < d <= end; backwards it is negative and counts those with
        end <= d < start. So
        ``count_workdays(d, add_workdays(d, n)) == n`` for every n."""
        return _core.wb_calendar_count_workdays(self._ptr, start, end)

    # ---- the years' arrangements

    def holidays(self, year=None):
        """The holidays in effect (amendments applied), in date order, as
        :class:`Holiday`; only those the notice of ``year`` set, if given
        (so a 元旦 that starts the December before belongs to its year)."""
        _check_int("year", year, optional=True)
        found = []
        for i in range(_core.wb_calendar_holiday_count(self._ptr)):
            h = _core.wb_calendar_holiday_at(self._ptr, i)
            if year is None or _core.wb_holiday_year(h) == year:
                found.append(Holiday(name=_core.wb_holiday_name(h),
                                     start=_core.wb_holiday_start(h),
                                     end=_core.wb_holiday_end(h),
                                     year=_core.wb_holiday_year(h),
                                     notice=_core.wb_holiday_notice(h)))
        return found

    def makeup_days(self, year=None):
        """The make-up working days in effect, in date order, as
        :class:`MakeupDay`; only those the notice of ``year`` set, if given."""
        _check_int("year", year, optional=True)
        found = []
        for i in range(_core.wb_calendar_makeup_count(self._ptr)):
            m = _core.wb_calendar_makeup_at(self._ptr, i)
            if year is None or _core.wb_makeup_day_year(m) == year:
                found.append(MakeupDay(date=_core.wb_makeup_day_date(m),
                                       holiday=_core.wb_makeup_day_holiday(m),
                                       year=_core.wb_makeup_day_year(m),
                                       notice=_core.wb_makeup_day_notice(m)))
        return found

    # ---- periods

    def period_end(self, start, count, unit, move=True):
        """The last day of a period of ``count`` units (0 or more) that
        starts on ``start``, as the Civil Code counts it: a
        :class:`Deadline`.

        ``unit`` is 'days', 'months', 'years' or 'workdays'. The start is
        not counted (art. 201); months and years end on the corresponding
        day, or the last day of a month that has none (art. 202); a last
        day that is a rest day or a holiday moves to the next working day
        (art. 203) unless ``move`` is false. N working days end on the Nth
        working day after the start.

        Raises ValueError for an unknown unit, InvalidArgumentError for a
        negative count, CoverageError when a day the answer depends on
        lies outside the coverage.
        """
        if not isinstance(unit, str):
            raise TypeError(f"unit is a str, not {type(unit).__name__}")
        if unit not in _PERIOD_UNITS:
            raise ValueError(f"unknown period unit {unit!r}: expected "
                             "'days', 'months', 'years' or 'workdays'")
        _check_int("count", count)
        d = _core.wb_period_end(self._ptr, start, count, _PERIOD_UNITS[unit],
                                {"move_off_rest_days": bool(move)})
        return Deadline(start=d["start"], nominal_end=d["nominal_end"],
                        end=d["end"], moved=d["moved"],
                        nominal_kind=_DAY_KINDS[d["nominal_kind"]],
                        holiday=d["holiday"], notice=d["notice"],
                        provisional=d["provisional"],
                        projected=d["projected"])

    def __repr__(self):
        return (f"<weibao.Calendar {self.edition}: {self.first_year}–"
                f"{self.last_year}, final through {self.final_through}>")


def import_notice(text, name=None):
    """Read the text of a State Council holiday notice, as published, and
    write it as a calendar edition of one year that loads at once
    (:meth:`Calendar.from_string`).

    Every weekday named in brackets is checked against its date; a line
    that cannot be read, a missing title, number or signing date is a
    finding with its line, and the edition is then checked as any calendar
    is. ``text`` is str or UTF-8 bytes; ``name`` is what the findings call
    it ("<notice>" if None).

    Returns ``(xml, findings)``: the edition's XML as str, or None when the
    findings include an error, and a list of Diagnostic.
    """
    xml, ptr = _core.wb_calendar_import_notice(_document_bytes(text), name)
    return xml, _Findings(ptr).to_list()
