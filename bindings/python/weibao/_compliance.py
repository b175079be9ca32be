"""Checking ledgers against the rules.

An :class:`Evaluation` checks records as of one date against a
:class:`RuleSet`, on a working-day :class:`Calendar`. Records come one at
a time (:meth:`Evaluation.add`, as an OA system sends them) or from
ledger files (:meth:`Evaluation.add_file`, XML or CSV, read as a stream).
Every rule that checks a record's kind gives one :class:`Result` per
record; rules over whole ledgers give theirs at :meth:`Evaluation.finish`.

Results are kept in the evaluation (``evaluation.results``), or, with
``on_result=``, handed to a callable as they are found and not kept.
Either way a Result is a frozen value copied out of the library when it
is made: it holds no reference to the evaluation, the rule set or the
calendar, and stays valid after they are gone.
"""

import datetime
import enum
import os
import threading
import weakref
from dataclasses import dataclass
from typing import Optional, Tuple

from . import _weibao_core as _core
from ._calendar import Calendar
from ._diagnostics import Diagnostic
from ._ledger import LedgerKind, Record
from ._privacy import PrivacyScanner
from ._rules import RuleSet, _lang, _severity

__all__ = ["Outcome", "Result", "Evaluation", "check_record"]


class Outcome(enum.Enum):
    """What a rule found for one record. The values are the library's
    names ('complies', 'pending', 'violation', 'not-applicable',
    'insufficient-data'), so ``Outcome("violation")`` works."""

    COMPLIES = _core.wb_outcome_name(_core.WB_OUTCOME_COMPLIES)
    PENDING = _core.wb_outcome_name(_core.WB_OUTCOME_PENDING)
    VIOLATION = _core.wb_outcome_name(_core.WB_OUTCOME_VIOLATION)
    NOT_APPLICABLE = _core.wb_outcome_name(_core.WB_OUTCOME_NOT_APPLICABLE)
    INSUFFICIENT_DATA = _core.wb_outcome_name(_core.WB_OUTCOME_INSUFFICIENT_DATA)

    @property
    def code(self):
        """The C value (wb_outcome)."""
        return _OUTCOME_CODES[self]

    def title(self, lang="zh"):
        """'符合', '未到期', '违反', '不适用', '数据不足' (or in English)."""
        return _core.wb_outcome_title(self.code, _lang(lang))


_OUTCOME_CODES = {
    Outcome.COMPLIES: _core.WB_OUTCOME_COMPLIES,
    Outcome.PENDING: _core.WB_OUTCOME_PENDING,
    Outcome.VIOLATION: _core.WB_OUTCOME_VIOLATION,
    Outcome.NOT_APPLICABLE: _core.WB_OUTCOME_NOT_APPLICABLE,
    Outcome.INSUFFICIENT_DATA: _core.WB_OUTCOME_INSUFFICIENT_DATA,
}
_OUTCOMES = {code: outcome for outcome, code in _OUTCOME_CODES.items()}


def _outcome(value):
    """An Outcome, or its name ('violation') -> Outcome."""
    if isinstance(value, Outcome):
        return value
    if isinstance(value, str):
        return Outcome(value)
    raise TypeError(f"an outcome is an Outcome or its name, not {type(value).__name__}")


_GROUPINGS = {
    "rule": _core.WB_GROUP_RULE,
    "standard": _core.WB_GROUP_STANDARD,
    "unit": _core.WB_GROUP_UNIT,
    "township": _core.WB_GROUP_TOWNSHIP,
}


@dataclass(frozen=True)
class Result:
    """What one rule found for one record (or, for a rule over whole
    ledgers, for one year, quarter or ledger). A value: every field was
    copied out of the library when the result was made.

    ``rule``: the rule's id; ``standard``: the first rubric standard it
    serves ('2.3'); ``outcome``: an :class:`Outcome`; ``severity``: what a
    violation counts as ('error', 'warning', 'note'); ``key``: the
    record's key; ``unit`` and ``township``: the record's, '' when it has
    none; ``source`` and ``line``: the ledger file and line it came from,
    None for a record built in Python.

    ``due``: the due date (None when the rule has none); ``done``: the
    date it was done (None when not done); ``days_late``: calendar days
    late (a violation), else 0; ``days_left``: calendar days from the
    as-of date to the due date (pending, or complies with a next due
    date), else 0; ``provisional``: the due date rests on days a later
    notice may still change; ``due_is_bound``: the due date is only the
    earliest the last day can be (the calendar does not reach it); the
    outcome is still certain. ``missing``: for insufficient data, the
    column missing ('result-date'), else None.

    Rules over whole ledgers: ``span`` (from, to): the year or quarter
    counted; ``ratio`` (numerator, denominator, percent): at least
    ``percent`` per cent required; ``count`` (have, need); each None when
    the result has none.

    Texts, in both languages: :meth:`message` (one line, the key, the
    rule's title and the finding), :meth:`explain` (why, in a few lines:
    the period, the holidays and make-up days in it, any art. 203 move),
    :meth:`detail` (a note the rule adds, or None). None of them ever
    holds a name or a whole identity number.
    """

    rule: str
    standard: str
    outcome: Outcome
    severity: str
    key: str
    unit: str
    township: str
    source: Optional[str]
    line: Optional[int]
    due: Optional[datetime.date]
    done: Optional[datetime.date]
    days_late: int
    days_left: int
    provisional: bool
    due_is_bound: bool
    missing: Optional[str]
    span: Optional[Tuple[datetime.date, datetime.date]]
    ratio: Optional[Tuple[int, int, int]]
    count: Optional[Tuple[int, int]]
    detail_zh: Optional[str]
    detail_en: Optional[str]
    message_zh: str
    message_en: str
    explanation_zh: str
    explanation_en: str

    @classmethod
    def _from_fields(cls, f):
        """From the record of weibao.i's wbpy_result_fields."""
        f["outcome"] = _OUTCOMES[f["outcome"]]
        f["severity"] = _severity(f["severity"])
        return cls(**f)

    def message(self, lang="zh"):
        """One line: the record's key, the rule's title and the finding."""
        return self.message_en if _lang(lang) == _core.WB_LANG_EN else self.message_zh

    def explain(self, lang="zh"):
        """Why, in a few lines."""
        return self.explanation_en if _lang(lang) == _core.WB_LANG_EN else self.explanation_zh

    def detail(self, lang="zh"):
        """A note the rule adds (which years lack a rotation), or None."""
        return self.detail_en if _lang(lang) == _core.WB_LANG_EN else self.detail_zh

    def __str__(self):
        return self.message_zh


class _Problem(Diagnostic):
    """A Diagnostic copied out of an evaluation's problem list.

    The list grows while the evaluation runs, and the library may move
    its findings in memory when it does, so a view into it would not
    survive the next record added: each problem is copied when read."""

    __slots__ = ("_severity", "_rule", "_message", "_message_en", "_file",
                 "_line", "_column")

    @classmethod
    def _copy(cls, ptr):
        self = object.__new__(cls)
        self._ptr = None
        self._owner = None
        self._severity = _core.wb_severity_name(_core.wb_diagnostic_severity(ptr))
        self._rule = _core.wb_diagnostic_rule(ptr)
        self._message = _core.wb_diagnostic_message(ptr, _core.WB_LANG_ZH)
        self._message_en = _core.wb_diagnostic_message(ptr, _core.WB_LANG_EN)
        self._file = _core.wb_diagnostic_file(ptr)
        self._line = _core.wb_diagnostic_line(ptr) or None
        self._column = _core.wb_diagnostic_column(ptr) or None
        return self

    severity = property(lambda self: self._severity)
    rule = property(lambda self: self._rule)
    message = property(lambda self: self._message)
    message_en = property(lambda self: self._message_en)
    file = property(lambda self: self._file)
    line = property(lambda self: self._line)
    column = property(lambda self: self._column)


class _Listener:
    """The callable the C trampoline calls with each result's fields. If
    it raises, the trampoline stores the exception in ``error`` and stops
    the evaluation; the method that was running raises it."""

    __slots__ = ("fn", "error")

    def __init__(self, fn):
        self.fn = fn
        self.error = None

    def __call__(self, fields):
        self.fn(Result._from_fields(fields))


def _free_evaluation(ptr, rules, calendar):
    # rules and calendar are only held: the evaluation borrows them, so
    # they must not be freed before it, even when all three become
    # garbage at once.
    _core.wb_evaluation_free(ptr)


def _kind_name(kind):
    """A ledger kind argument (a LedgerKind, its name or None) as a name."""
    if kind is None or isinstance(kind, str):
        return kind
    if isinstance(kind, LedgerKind):
        return kind.name
    raise TypeError(f"kind is a LedgerKind, its name or None, not {type(kind).__name__}")


class Evaluation:
    """Checks records against ``rules`` (a :class:`RuleSet`; None for the
    built-in table) on ``calendar`` (a :class:`Calendar`; None for the
    built-in one) as of ``as_of`` (a datetime.date, the last day counted:
    a deadline on that day is not yet missed).

    By default results are kept: read them from :attr:`results`. With
    ``on_result=callable`` each :class:`Result` is passed to the callable
    as it is found and nothing is kept; if the callable raises, the
    evaluation stops and the exception propagates out of the call that was
    adding records (:meth:`add`, :meth:`add_file` or :meth:`finish`).

    Counts per rule, standard, unit and township are kept either way
    (:meth:`count`, :meth:`summary`). One thread at a time per evaluation;
    rule sets and calendars may be shared by many.

    With ``privacy=`` a :class:`PrivacyScanner` (or :meth:`set_privacy`
    before the first record), the free-text cells of every record are
    scanned for minors' personal data, each finding one of the
    :attr:`problems`.
    """

    __slots__ = ("_ptr", "_free", "_rules", "_calendar", "_listener", "_kept",
                 "_busy", "_privacy", "__weakref__")

    def __init__(self, rules, calendar, as_of, *, on_result=None, privacy=None):
        if rules is None:
            rules = RuleSet.default()
        if calendar is None:
            calendar = Calendar.default()
        if not isinstance(rules, RuleSet):
            raise TypeError(f"rules is a RuleSet, not {type(rules).__name__}")
        if not isinstance(calendar, Calendar):
            raise TypeError(f"calendar is a Calendar, not {type(calendar).__name__}")
        if on_result is not None and not callable(on_result):
            raise TypeError("on_result must be callable")
        ptr = _core.wb_evaluation_new(rules._ptr, calendar._ptr, as_of)
        self._ptr = ptr
        self._free = weakref.finalize(self, _free_evaluation, ptr, rules, calendar)
        self._free.atexit = False
        self._rules = rules
        self._calendar = calendar
        self._kept = []
        self._busy = threading.Lock()
        # The listener is held here only (not by the finalizer), so a
        # callable that refers back to this evaluation makes no cycle
        # that outlives it. The C side never calls it after the
        # evaluation is gone.
        self._listener = None if on_result is None else _Listener(on_result)
        _core.wbpy_evaluation_listen(ptr, self._listener)
        self._privacy = None
        if privacy is not None:
            self.set_privacy(privacy)

    # ---- what it evaluates with

    @property
    def rules(self):
        return self._rules

    @property
    def calendar(self):
        return self._calendar

    @property
    def as_of(self):
        """The as-of date (a datetime.date)."""
        return _core.wb_evaluation_as_of(self._ptr)

    @property
    def since(self):
        """The first day of the assessment period (see :meth:`set_period`)."""
        return _core.wb_evaluation_since(self._ptr)

    @property
    def streaming(self):
        """True when results go to an ``on_result`` callable."""
        return self._listener is not None

    def set_period(self, since):
        """Set the first day of the assessment period that rules counted
        per year, quarter or over the whole period look at. By default
        January 1 of the year before the as-of date. Raises
        InvalidArgumentError when ``since`` is after the as-of date."""
        with self._call():
            _core.wb_evaluation_set_period(self._ptr, since)

    @property
    def privacy(self):
        """The :class:`PrivacyScanner` the free text is scanned with, or None."""
        return self._privacy

    def set_privacy(self, scanner):
        """Scan the free text of every record added from now on with
        ``scanner`` (a :class:`PrivacyScanner`), or stop scanning (None;
        the default is no scan).

        Every non-empty text column is scanned, the key included; name and
        identity-number columns are the ledger's own personal data and are
        not. Each finding is one of the :attr:`problems` (rules
        'privacy-id-number', 'privacy-phone' …), added before the row's
        results, at the line and column in the ledger file where the data
        starts (CSV: exact; XML: inside the attribute value as written);
        a record from :meth:`add` has file '<record>' and its key, masked,
        in the message. Rows that are not checked (bad rows, duplicate
        keys) are scanned all the same.

        The evaluation keeps a reference to the scanner. Raises
        InvalidArgumentError when a scanner is set after records or files
        were added (turning the scan off is always allowed).
        """
        if scanner is not None and not isinstance(scanner, PrivacyScanner):
            raise TypeError(f"scanner is a PrivacyScanner or None, "
                            f"not {type(scanner).__name__}")
        with self._call():
            _core.wb_evaluation_set_privacy(self._ptr,
                                            None if scanner is None else scanner._ptr)
        # Held here: the library borrows the scanner while records are added.
        self._privacy = scanner

    # ---- adding records

    def add(self, record):
        """Check one :class:`Record`. A key seen before in this evaluation
        is a problem (ledger-duplicate-key), not an exception. Raises
        InvalidArgumentError for a record without a key, CoverageError
        when a deadline needs a day the calendar does not cover (the
        results that could be computed were delivered)."""
        if not isinstance(record, Record):
            raise TypeError(f"expected a weibao.Record, not {type(record).__name__}")
        with self._call():
            self._status(_core.wb_evaluation_add_record(self._ptr, record._ptr))

    def add_file(self, path, kind=None):
        """Check every row of a ledger file (str or os.PathLike): XML
        (urn:weibao:ledger:1) or CSV with a header row (UTF-8, with or
        without BOM, or GB18030). ``kind`` (a LedgerKind or its name)
        names the ledger kind; None recognises it from the XML root or
        the CSV header. Bad rows and dates the calendar does not cover are
        :attr:`problems`, and the rest of the file is still checked.

        Raises FileError when the file cannot be read, ParseError or
        SchemaError when it cannot be read as a ledger at all (not XML, no
        known header).
        """
        kind = _kind_name(kind)
        path = os.fspath(path)
        with self._call():
            self._status(_core.wb_evaluation_add_file(self._ptr, path, kind))

    def add_bytes(self, data, name="<buffer>", kind=None):
        """Check every row of a ledger held in memory (bytes: XML or CSV,
        as :meth:`add_file` reads them), such as an upload an OA system
        holds. ``name`` stands for the file in results and problems."""
        kind = _kind_name(kind)
        if not isinstance(name, str):
            raise TypeError(f"name is a str, not {type(name).__name__}")
        with self._call():
            self._status(_core.wb_evaluation_add_buffer(self._ptr, data, name, kind))

    def finish(self):
        """Evaluate the rules over whole ledgers (ratios, counts per year
        or quarter, rules that join two ledgers) on everything added, and
        deliver their results as the others. No record may be added after
        it; calling it again does nothing. Raises CoverageError when a
        rule needs a day the calendar does not cover (a problem names the
        rule; the other rules were still evaluated)."""
        with self._call():
            self._status(_core.wb_evaluation_finish(self._ptr))

    def _call(self):
        # The library's evaluation is not reentrant: refuse a call made
        # from inside an on_result callable, or from another thread while
        # the callable runs.
        if not self._busy.acquire(blocking=False):
            raise RuntimeError("the evaluation is busy: it cannot be changed from its "
                               "own on_result callable or from another thread")
        return _Release(self._busy)

    def _status(self, status):
        """After a call that adds records: a positive status means the
        on_result callable raised, and stopped the evaluation."""
        if status == 0:
            return
        listener = self._listener
        error = listener.error if listener is not None else None
        if listener is not None:
            listener.error = None
        if error is None:
            raise RuntimeError(f"the evaluation stopped (status {status}) and its "
                               "on_result callable left no exception")
        try:
            raise error
        finally:
            error = None

    # ---- what it found

    @property
    def problems(self):
        """Bad rows and other problems found so far, in the order found,
        as a list of :class:`Diagnostic` (copies, valid however long they
        are kept)."""
        ptr = _core.wb_evaluation_problems(self._ptr)
        return [_Problem._copy(_core.wb_diagnostics_at(ptr, i))
                for i in range(_core.wb_diagnostics_count(ptr))]

    @property
    def record_count(self):
        """The records checked (bad rows and duplicates not counted)."""
        return _core.wb_evaluation_record_count(self._ptr)

    @property
    def results(self):
        """The results kept so far, in the order found, as a list of
        :class:`Result`; always empty with ``on_result``."""
        n = _core.wb_evaluation_result_count(self._ptr)
        for i in range(len(self._kept), n):
            self._kept.append(Result._from_fields(
                _core.wbpy_result_fields(_core.wb_evaluation_result_at(self._ptr, i))))
        return list(self._kept)

    def count(self, outcome, rule=None):
        """The number of results with an outcome (an :class:`Outcome` or
        its name), of one rule (its id) or of every rule (None)."""
        if rule is not None and not isinstance(rule, str):
            raise TypeError(f"rule is a rule id or None, not {type(rule).__name__}")
        return _core.wb_evaluation_count(self._ptr, rule, _outcome(outcome).code)

    def summary(self, by="rule"):
        """Counts of results grouped ``by`` 'rule', 'standard', 'unit' or
        'township': {group name: {outcome name: count}}, every outcome
        named ('complies', ...), groups in the order first seen. Records
        without a unit or township count under ''."""
        try:
            grouping = _GROUPINGS[by]
        except (KeyError, TypeError):
            raise ValueError(f"unknown grouping {by!r}: expected 'rule', 'standard', "
                             "'unit' or 'township'") from None
        found = {}
        for i in range(_core.wb_evaluation_group_count(self._ptr, grouping)):
            name = _core.wb_evaluation_group_name(self._ptr, grouping, i)
            found[name] = {o.value: _core.wb_evaluation_group_outcome(
                               self._ptr, grouping, i, o.code) for o in Outcome}
        return found

    def __repr__(self):
        mode = "streaming" if self.streaming else f"{len(self._kept)} results read"
        return (f"<weibao.Evaluation as of {self.as_of}: {self.record_count} records, "
                f"{mode}>")


class _Release:
    __slots__ = ("_lock",)

    def __init__(self, lock):
        self._lock = lock

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self._lock.release()
        return False


def check_record(record, rules=None, calendar=None, as_of=None):
    """Check one :class:`Record` against the rules of its kind that look
    at one record at a time, and return their results as a list of
    :class:`Result`. ``rules`` and ``calendar`` default to the built-in
    ones, ``as_of`` to today. Rules over whole ledgers (which need every
    record of a ledger) are not run."""
    if as_of is None:
        as_of = datetime.date.today()
    evaluation = Evaluation(rules, calendar, as_of)
    evaluation.add(record)
    return evaluation.results
