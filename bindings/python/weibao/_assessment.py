"""The county's self-assessment (本级自评): a dossier scored against the
rubric, its ledgers checked against the rules, and the reports.

A :class:`Dossier` owns the library's wb_dossier and frees it once, when
the last reference to it goes. What it answers (:class:`Score`,
:class:`VetoDeclaration`, the ledgers) are plain values copied out of it;
its ``problems`` are Diagnostics that hold it.

An :class:`Assessment` owns its wb_assessment. The library borrows the
dossier, rubric, rule set and calendar it was run with, so the Assessment
holds all four and frees its handle before any of them can go, even when
they all become garbage at once. Everything it answers is a value copied
out of it (:class:`StandardAssessment`, the :class:`Result` of the worst
violation, the per-category, per-unit and per-veto read-outs, the
reports), except its ``findings`` and ``ledger_problems``, Diagnostics
that hold the Assessment.

Points are exact: the library counts halves, and Python gets a Decimal.
"""

import contextlib
import datetime
import os
import weakref
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple, Optional, Tuple

from . import _weibao_core as _core
from ._calendar import Calendar
from ._compliance import Outcome, Result
from ._diagnostics import Diagnostic, _Findings
from ._errors import NotFoundError, Status
from ._rubric import Rubric, _document_bytes, _points
from ._rules import RuleSet, _lang

__all__ = ["Dossier", "Score", "VetoDeclaration", "Assessment",
           "StandardAssessment", "CategoryScore", "UnitScore", "VetoStatus",
           "check_dossier", "report_table", "report_compare",
           "report_responsibilities"]


_FORMATS = {
    "text": _core.WB_REPORT_TEXT,
    "json": _core.WB_REPORT_JSON,
    "html": _core.WB_REPORT_HTML,
    "csv": _core.WB_REPORT_CSV,
}


def _format(name):
    """'text', 'json', 'html' or 'csv' -> wb_report_format."""
    try:
        return _FORMATS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown report format {name!r}: expected 'text', "
                         "'json', 'html' or 'csv'") from None


# ------------------------------------------------------------- dossier

@dataclass(frozen=True)
class Score:
    """One standard scored by the dossier, as written.

    ``standard``: the standard's id as written ('2.3'); ``points``: the
    points claimed (a Decimal, in steps of 0.5); ``unit``: the claiming
    unit, or None; ``evidence``: the evidence references, a tuple of str;
    ``note``: or None; ``source`` and ``line``: where the score is written
    (the dossier or its score sheet)."""

    standard: str
    points: Decimal
    unit: Optional[str]
    evidence: Tuple[str, ...]
    note: Optional[str]
    source: str
    line: Optional[int]


@dataclass(frozen=True)
class VetoDeclaration:
    """A veto item (负面工作清单项) as the dossier declares it: ``item``
    ('V3'), whether it ``occurred``, the ``date`` it occurred (or None),
    the ``description`` (or None) and the ``line`` of the declaration."""

    item: str
    occurred: bool
    date: Optional[datetime.date]
    description: Optional[str]
    line: Optional[int]


class Dossier:
    """A county's self-assessment dossier (本级自评材料, urn:weibao:dossier:1):
    the county, the rubric edition it answers, the as-of date, the ledgers
    behind it, the scores (inline or in a CSV score sheet) and the veto
    declarations.

    Open one with :meth:`load`. Loading checks the document's form;
    whether the scores fit the rubric is the :class:`Assessment`'s to
    say. A dossier never changes once loaded.
    """

    __slots__ = ("_ptr", "_free", "__weakref__")

    def __init__(self):
        raise TypeError("open a dossier with Dossier.load()")

    @classmethod
    def _adopt(cls, ptr):
        self = object.__new__(cls)
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_dossier_free, ptr)
        # See Rubric._adopt: never freed under an exit handler's feet.
        self._free.atexit = False
        return self

    @classmethod
    def load(cls, path, *, allow_outside=False):
        """Load a dossier and its score sheet, if it names one, from a file
        (str or os.PathLike). The ledgers are not read here: the
        assessment reads them.

        The files a dossier names must lie in its folder or below, links
        resolved; one that does not is a ``dossier-path`` error (a
        SchemaError) and is never opened. ``allow_outside=True`` reads
        them wherever they are: only for a dossier you trust.

        Raises FileError when the dossier or its score sheet cannot be
        read, ParseError when it is not well-formed, SchemaError when it
        breaks the format (with the file and line of the first problem;
        :func:`check_dossier` lists them all).
        """
        with _dossier_options(allow_outside) as opts:
            return cls._adopt(_core.wb_dossier_load_file_ext(os.fspath(path), opts))

    @classmethod
    def from_string(cls, text, name=None):
        """As :meth:`load`, for XML text (str, or UTF-8 bytes). ``name``
        stands for the dossier's path: its folder resolves the paths the
        dossier gives, and the score sheet it names is read from there
        (None: "<buffer>", in the current folder)."""
        return cls._adopt(_core.wb_dossier_load_buffer(_document_bytes(text), name))

    @staticmethod
    def schema():
        """The XSD of dossiers, as text."""
        return _core.wb_dossier_schema()

    # ---- what it says of itself

    @property
    def path(self):
        """The file it was loaded from."""
        return _core.wb_dossier_path(self._ptr)

    @property
    def county(self):
        return _core.wb_dossier_county(self._ptr)

    @property
    def title(self):
        return _core.wb_dossier_title(self._ptr)

    @property
    def rubric_edition(self):
        """The rubric edition the scores answer ('meihekou-2022')."""
        return _core.wb_dossier_rubric_edition(self._ptr)

    @property
    def as_of(self):
        """The as-of date (a datetime.date)."""
        return _core.wb_dossier_as_of(self._ptr)

    @property
    def since(self):
        """The assessment period's first day, or None when the dossier
        leaves it to the default."""
        return _core.wb_dossier_since(self._ptr)

    @property
    def rule_pack(self):
        """The rule pack's path, resolved against the dossier's folder, or None."""
        return _core.wb_dossier_rule_pack(self._ptr)

    @property
    def score_sheet(self):
        """The score sheet's path, resolved, or None when the scores are inline."""
        return _core.wb_dossier_score_sheet(self._ptr)

    @property
    def ledgers(self):
        """The ledgers, as a tuple of (path, kind): the path resolved
        against the dossier's folder, the kind as the dossier gives it
        ('background-checks'), or None to recognise it."""
        p = self._ptr
        return tuple((_core.wb_dossier_ledger_path(p, i), _core.wb_dossier_ledger_kind(p, i))
                     for i in range(_core.wb_dossier_ledger_count(p)))

    @property
    def scores(self):
        """The scores, in the order written, as a tuple of :class:`Score`."""
        p = self._ptr
        found = []
        for i in range(_core.wb_dossier_score_count(p)):
            evidence = tuple(_core.wb_dossier_score_evidence_at(p, i, k)
                             for k in range(_core.wb_dossier_score_evidence_count(p, i)))
            found.append(Score(
                standard=_core.wb_dossier_score_standard(p, i),
                points=_points(_core.wb_dossier_score_half_points(p, i)),
                unit=_core.wb_dossier_score_unit(p, i),
                evidence=evidence,
                note=_core.wb_dossier_score_note(p, i),
                source=_core.wb_dossier_score_source(p, i),
                line=_core.wb_dossier_score_line(p, i) or None))
        return tuple(found)

    @property
    def vetoes(self):
        """The veto declarations, in the order written, as a tuple of
        :class:`VetoDeclaration`."""
        p = self._ptr
        return tuple(VetoDeclaration(
                         item=_core.wb_dossier_veto_item(p, i),
                         occurred=bool(_core.wb_dossier_veto_occurred(p, i)),
                         date=_core.wb_dossier_veto_date(p, i),
                         description=_core.wb_dossier_veto_description(p, i),
                         line=_core.wb_dossier_veto_line(p, i) or None)
                     for i in range(_core.wb_dossier_veto_count(p)))

    @property
    def problems(self):
        """The score sheet's rows that were skipped, and why (a row without
        its standard, points not in steps of 0.5), as a list of
        :class:`Diagnostic`. They do not stop a load; the assessment
        reports them among its findings."""
        ptr = _core.wb_dossier_problems(self._ptr)
        return [Diagnostic._wrap(_core.wb_diagnostics_at(ptr, i), self)
                for i in range(_core.wb_diagnostics_count(ptr))]

    def __repr__(self):
        return (f"<weibao.Dossier {self.county} ({self.rubric_edition}, as of "
                f"{self.as_of}) from {self.path!r}>")


@contextlib.contextmanager
def _dossier_options(allow_outside):
    """wb_dossier_options for Dossier.load and check_dossier, freed after
    the call."""
    if not isinstance(allow_outside, bool):
        raise TypeError("allow_outside must be True or False")
    opts = _core.new_wb_dossier_options()
    try:
        _core.wb_dossier_options_version_set(opts, _core.WB_DOSSIER_OPTIONS_VERSION)
        _core.wb_dossier_options_path_flags_set(
            opts, _core.WB_PATH_ALLOW_OUTSIDE if allow_outside else 0)
        yield opts
    finally:
        _core.delete_wb_dossier_options(opts)


def check_dossier(path, *, allow_outside=False):
    """Check a dossier file (str or os.PathLike) and its score sheet, and
    return every problem of their form as a list of Diagnostic, empty when
    they are clean. Files it names outside its folder are ``dossier-path``
    errors unless ``allow_outside=True`` (see :meth:`Dossier.load`).
    Raises FileError when the dossier cannot be read."""
    with _dossier_options(allow_outside) as opts:
        return _Findings(_core.wb_dossier_check_file_ext(os.fspath(path), opts)).to_list()


def check_score_sheet(path):
    """Check a score sheet on its own (a CSV whose first row names the
    columns 考核标准 and 得分): its form and every row that would be
    skipped, as a list of Diagnostic. Raises NotFoundError when the file
    is not a score sheet."""
    return _Findings(_core.wb_dossier_check_sheet_file(os.fspath(path))).to_list()


def check_dossier_string(text, name=None):
    """As check_dossier(), for XML text (str, or UTF-8 bytes); ``name`` as
    for :meth:`Dossier.from_string`."""
    return _Findings(_core.wb_dossier_check_buffer(_document_bytes(text), name)).to_list()


def check_score_sheet_string(text, name=None):
    """As check_score_sheet(), for CSV text (str, or bytes in UTF-8 or
    GB18030) called ``name`` in the findings ("<buffer>" if None)."""
    return _Findings(_core.wb_dossier_check_sheet_buffer(_document_bytes(text), name)).to_list()


# ---------------------------------------------------------- assessment

class CategoryScore(NamedTuple):
    """A category's points claimed and its full points."""

    id: str
    name: str
    points: Decimal
    max: Decimal


class UnitScore(NamedTuple):
    """A unit of the rubric's directory: the points claimed for the
    standards it answers for (shared ones included), their full points,
    and the violations the rules of those standards found."""

    name: str
    points: Decimal
    max: Decimal
    violations: int


class VetoStatus(NamedTuple):
    """A veto item of the rubric: whether the dossier declares it, and
    whether it declares it occurred."""

    id: str
    declared: bool
    occurred: bool


@dataclass(frozen=True)
class StandardAssessment:
    """A standard of the rubric as the assessment reads it.

    ``id`` ('2.3') and ``max``: its full points; ``claimed``: the points
    the dossier claims (a Decimal, as written, even above ``max``), or
    None when it does not score it; ``unit``: the claiming unit as
    written, or None; ``evidence``: the number of evidence references;
    ``violations`` and ``insufficient``: the ledger results of its rules
    that are violations and that lack data; ``flagged``: it claims its
    full points while its rules found violations; ``worst``: the worst
    violation (the most days late) as a :class:`Result`, or None;
    ``supported``: the points the evidence supports, or None when no rule
    defines a score (as for every rule of the built-in table)."""

    id: str
    max: Decimal
    claimed: Optional[Decimal]
    unit: Optional[str]
    evidence: int
    violations: int
    insufficient: int
    flagged: bool
    worst: Optional[Result]
    supported: Optional[Decimal]


def _free_assessment(ptr, dossier, rubric, rules, calendar):
    # The four are only held: the assessment borrows them, so they must
    # not be freed before it, even when all five become garbage at once.
    _core.wb_assessment_free(ptr)


def _result(ptr):
    """A borrowed wb_result -> a Result value, or None for NULL."""
    if ptr is None:
        return None
    return Result._from_fields(_core.wbpy_result_fields(ptr))


class Assessment:
    """A :class:`Dossier` scored against ``rubric`` (a :class:`Rubric`),
    its ledgers checked against ``rules`` (a :class:`RuleSet`; the
    dossier's rule pack, if it names one, is applied on top) on
    ``calendar`` (a :class:`Calendar`) as of the dossier's date. None
    stands for the built-in rubric, rule set or calendar.

    The work is done when it is made: ledgers that cannot be read are
    findings, not failures. Raises FileError, ParseError or SchemaError
    when the dossier's rule pack cannot be applied.

    An assessment never changes once made and may be read from several
    threads at once.
    """

    __slots__ = ("_ptr", "_free", "_dossier", "_rubric", "_rules", "_calendar",
                 "_standards", "_results", "__weakref__")

    def __init__(self, dossier, rubric=None, rules=None, calendar=None):
        if rubric is None:
            rubric = Rubric.default()
        if rules is None:
            rules = RuleSet.default()
        if calendar is None:
            calendar = Calendar.default()
        if not isinstance(dossier, Dossier):
            raise TypeError(f"dossier is a Dossier, not {type(dossier).__name__}")
        if not isinstance(rubric, Rubric):
            raise TypeError(f"rubric is a Rubric, not {type(rubric).__name__}")
        if not isinstance(rules, RuleSet):
            raise TypeError(f"rules is a RuleSet, not {type(rules).__name__}")
        if not isinstance(calendar, Calendar):
            raise TypeError(f"calendar is a Calendar, not {type(calendar).__name__}")
        ptr = _core.wb_assessment_run(dossier._ptr, rubric._ptr, rules._ptr, calendar._ptr)
        self._ptr = ptr
        self._free = weakref.finalize(self, _free_assessment, ptr, dossier, rubric, rules,
                                      calendar)
        # See Rubric._adopt: never freed under an exit handler's feet.
        self._free.atexit = False
        self._dossier = dossier
        self._rubric = rubric
        self._rules = rules
        self._calendar = calendar
        self._standards = None
        self._results = None

    # ---- what it was run with

    @property
    def dossier(self):
        return self._dossier

    @property
    def rubric(self):
        return self._rubric

    @property
    def rules(self):
        """The base RuleSet it was run with (without the dossier's pack)."""
        return self._rules

    @property
    def calendar(self):
        return self._calendar

    @property
    def as_of(self):
        """The dossier's as-of date."""
        return self._dossier.as_of

    # ---- the result

    @property
    def total(self):
        """The points claimed, a Decimal; a standard over its points counts
        at its points."""
        return _points(_core.wb_assessment_total_half_points(self._ptr))

    @property
    def max(self):
        """The rubric's full score, a Decimal."""
        return _points(_core.wb_assessment_max_half_points(self._ptr))

    @property
    def vetoed(self):
        """True when a veto item occurred (一票否决), whatever the total."""
        return bool(_core.wb_assessment_vetoed(self._ptr))

    @property
    def categories(self):
        """Per category, in rubric order: a tuple of :class:`CategoryScore`
        (id, name, points, max)."""
        p, r = self._ptr, self._rubric._ptr
        found = []
        for c in range(_core.wb_rubric_category_count(r)):
            category = _core.wb_rubric_category_at(r, c)
            found.append(CategoryScore(
                _core.wb_category_id(category), _core.wb_category_name(category),
                _points(_core.wb_assessment_category_half_points(p, c)),
                _points(_core.wb_category_half_points(category))))
        return tuple(found)

    @property
    def standards(self):
        """Per standard, in rubric order: a tuple of :class:`StandardAssessment`."""
        if self._standards is None:
            p, r = self._ptr, self._rubric._ptr
            found = []
            for i in range(_core.wb_rubric_standard_count(r)):
                item = _core.wb_rubric_standard_at(r, i)
                claimed = _core.wb_assessment_standard_claimed(p, i)
                supported = _core.wb_assessment_standard_supported(p, i)
                found.append(StandardAssessment(
                    id=_core.wb_item_id(item),
                    max=_points(_core.wb_item_half_points(item)),
                    claimed=(_points(claimed) if _core.wb_assessment_standard_scored(p, i)
                             else None),
                    unit=_core.wb_assessment_standard_unit(p, i),
                    evidence=_core.wb_assessment_standard_evidence(p, i),
                    violations=_core.wb_assessment_standard_outcomes(
                        p, i, Outcome.VIOLATION.code),
                    insufficient=_core.wb_assessment_standard_outcomes(
                        p, i, Outcome.INSUFFICIENT_DATA.code),
                    flagged=bool(_core.wb_assessment_standard_flagged(p, i)),
                    worst=_result(_core.wb_assessment_standard_worst(p, i)),
                    supported=None if supported < 0 else _points(supported)))
            self._standards = tuple(found)
        return self._standards

    def standard(self, standard_id):
        """The :class:`StandardAssessment` of one standard ('2.3');
        NotFoundError (a KeyError) when the rubric has no such standard."""
        if not isinstance(standard_id, str):
            raise TypeError(f"a standard id is a str, not {type(standard_id).__name__}")
        for s in self.standards:
            if s.id == standard_id:
                return s
        raise NotFoundError(f"the rubric '{self._rubric.edition}' has no standard "
                            f"'{standard_id}'", code=Status.ENOTFOUND)

    @property
    def flagged(self):
        """The standards that claim their full points while their rules
        found violations, as a tuple of :class:`StandardAssessment`."""
        return tuple(s for s in self.standards if s.flagged)

    @property
    def units(self):
        """Per unit of the rubric's directory that answers for a scored
        standard (full points above 0), in directory order: a tuple of
        :class:`UnitScore` (name, points, max, violations)."""
        p, r = self._ptr, self._rubric._ptr
        found = []
        for u in range(_core.wb_rubric_unit_count(r)):
            full = _core.wb_assessment_unit_max_half_points(p, u)
            if full <= 0:
                continue
            found.append(UnitScore(
                _core.wb_unit_name(_core.wb_rubric_unit_at(r, u)),
                _points(_core.wb_assessment_unit_half_points(p, u)), _points(full),
                _core.wb_assessment_unit_violations(p, u)))
        return tuple(found)

    @property
    def vetoes(self):
        """Per veto item, in rubric order: a tuple of :class:`VetoStatus`
        (id, declared, occurred)."""
        p, r = self._ptr, self._rubric._ptr
        return tuple(VetoStatus(_core.wb_item_id(_core.wb_rubric_veto_at(r, v)),
                                bool(_core.wb_assessment_veto_declared(p, v)),
                                bool(_core.wb_assessment_veto_occurred(p, v)))
                     for v in range(_core.wb_rubric_veto_count(r)))

    @property
    def findings(self):
        """The score sheet's and the dossier's problems (dossier-* in
        docs/checks.md: a standard missing, scored twice, out of range,
        without evidence, unknown; a veto item not declared; another
        edition), in order, as a list of :class:`Diagnostic`."""
        ptr = _core.wb_assessment_findings(self._ptr)
        return [Diagnostic._wrap(_core.wb_diagnostics_at(ptr, i), self)
                for i in range(_core.wb_diagnostics_count(ptr))]

    # ---- the ledgers' evaluation

    @property
    def ledger_problems(self):
        """The ledgers' bad rows and other problems (a ledger that cannot
        be read among them), as a list of :class:`Diagnostic`."""
        ptr = _core.wb_evaluation_problems(_core.wb_assessment_evaluation(self._ptr))
        return [Diagnostic._wrap(_core.wb_diagnostics_at(ptr, i), self)
                for i in range(_core.wb_diagnostics_count(ptr))]

    @property
    def record_count(self):
        """The ledger records checked (bad rows and duplicates not counted)."""
        return _core.wb_evaluation_record_count(_core.wb_assessment_evaluation(self._ptr))

    @property
    def results(self):
        """Every ledger result, in the order found, as a list of
        :class:`Result` (values: they hold nothing)."""
        if self._results is None:
            ev = _core.wb_assessment_evaluation(self._ptr)
            self._results = tuple(
                _result(_core.wb_evaluation_result_at(ev, i))
                for i in range(_core.wb_evaluation_result_count(ev)))
        return list(self._results)

    @property
    def inputs(self):
        """The files the result rests on (the dossier, its score sheet and
        rule pack, each ledger), as a tuple of (path, sha256): the SHA-256
        in lowercase hex, None when the file could not be read."""
        p = self._ptr
        return tuple((_core.wb_assessment_input_path(p, i),
                      _core.wb_assessment_input_sha256(p, i) or None)
                     for i in range(_core.wb_assessment_input_count(p)))

    # ---- the report

    def report(self, format="text", lang="zh"):
        """The county's report as a str: 'text', 'json', 'html' (one
        self-contained page) or 'csv' (one row per standard), in Chinese
        ('zh') or English ('en'). An unknown format or language is a
        ValueError."""
        return _core.wb_report_assessment(self._ptr, _format(format), _lang(lang))

    def __repr__(self):
        result = "vetoed" if self.vetoed else f"{self.total} of {self.max} points"
        return (f"<weibao.Assessment {self._dossier.county} as of {self.as_of}: "
                f"{result}>")


def _assessment(what, value):
    if not isinstance(value, Assessment):
        raise TypeError(f"{what} is an Assessment, not {type(value).__name__}")
    return value


def report_table(assessments, format="text", lang="zh"):
    """Many counties at once (a province's): one row a county with its
    total, its result, its vetoes and its flagged standards. ``assessments``
    is an iterable of :class:`Assessment`."""
    kept = [_assessment("each item", a) for a in assessments]
    return _core.wb_report_table([a._ptr for a in kept], _format(format), _lang(lang))


def report_compare(before, after, format="text", lang="zh"):
    """Two assessments compared (last year's and this year's, or the
    county's and the evaluator's): per standard that changed, the points
    and the violations in each. Raises InvalidArgumentError when they
    answer different rubric editions."""
    _assessment("before", before)
    _assessment("after", after)
    return _core.wb_report_compare(before._ptr, after._ptr, _format(format), _lang(lang))


def report_responsibilities(rubric=None, format="csv", lang="zh"):
    """The responsibility matrix (责任分工表) of ``rubric`` (None: the
    built-in one): units × standards and veto items, a mark where a unit
    answers for one. 'csv' or 'html'; 'text' and 'json' raise
    InvalidArgumentError."""
    if rubric is None:
        rubric = Rubric.default()
    if not isinstance(rubric, Rubric):
        raise TypeError(f"rubric is a Rubric or None, not {type(rubric).__name__}")
    return _core.wb_report_responsibilities(rubric._ptr, _format(format), _lang(lang))
