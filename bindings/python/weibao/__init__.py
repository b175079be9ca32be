"""libweibao for Python: China's minor-protection demonstration assessment
(全国未成年人保护示范创建) as typed data, with the working-day calendar and
legal periods its deadlines are counted in.

    >>> import weibao
    >>> rubric = weibao.Rubric.default()
    >>> len(rubric), rubric.total_points
    (67, Decimal('100'))
    >>> rubric["2.3"].points
    Decimal('2')
    >>> [item.id for item in rubric.standards_for_unit("市公安局")][:3]
    ['1.5', '1.6', '2.1']
    >>> from datetime import date
    >>> cal = weibao.Calendar.default()
    >>> cal.day(date(2026, 2, 14)).kind
    'makeup-workday'
    >>> cal.period_end(date(2026, 9, 1), 1, "months").end
    datetime.date(2026, 10, 8)
    >>> rules = weibao.RuleSet.default()
    >>> rules["dismissal-deadline"].param("within").value
    30
    >>> record = weibao.Record("background-checks", key="BC-1", category="在职",
    ...                        query_date=date(2026, 2, 10), result="有",
    ...                        result_date=date(2026, 2, 10))
    >>> [(r.rule, r.outcome.value, r.due) for r in
    ...  weibao.check_record(record, as_of=date(2026, 3, 20))][-1]
    ('dismissal-deadline', 'pending', datetime.date(2026, 3, 30))

Failures raise subclasses of :class:`weibao.Error` that carry the
library's message, code, file, line and column.
"""

from . import _weibao_core as _core
from ._errors import (CoverageError, DeniedError, Error, FileError, InvalidArgumentError,
                      NotFoundError, OutOfMemoryError, ParseError,
                      PatternError, SchemaError, Status)
from ._rubric import Category, Item, Rubric, Topic, Unit
from ._diagnostics import (Diagnostic, check_calendar_file,
                           check_calendar_string, check_file, check_rubric_file,
                           check_rubric_string, check_string)
from ._calendar import (Calendar, Day, Deadline, Holiday, MakeupDay,
                        import_notice, parse_date)
from ._rules import (Param, PrivacyPattern, Rule, RuleSet, check_rule_pack,
                     check_rules)
from ._ledger import Field, LedgerKind, Record, ledger_kinds
from ._compliance import Evaluation, Outcome, Result, check_record
from ._assessment import (Assessment, CategoryScore, Dossier, Score,
                          StandardAssessment, UnitScore, VetoDeclaration,
                          VetoStatus, check_dossier, check_dossier_string, check_score_sheet,
                          check_score_sheet_string, report_compare,
                          report_responsibilities, report_table)
from ._privacy import PrivacyScanner

__all__ = [
    "__version__", "version", "version_info",
    "Rubric", "Category", "Topic", "Item", "Unit",
    "Calendar", "Day", "Holiday", "MakeupDay", "Deadline",
    "parse_date", "import_notice",
    "RuleSet", "Rule", "Param", "PrivacyPattern", "check_rules", "check_rule_pack",
    "LedgerKind", "Field", "Record", "ledger_kinds",
    "Evaluation", "Result", "Outcome", "check_record",
    "Dossier", "Score", "VetoDeclaration", "check_dossier", "check_score_sheet",
    "check_dossier_string", "check_score_sheet_string",
    "Assessment", "StandardAssessment", "CategoryScore", "UnitScore",
    "VetoStatus", "report_table", "report_compare", "report_responsibilities",
    "PrivacyScanner",
    "Diagnostic", "check_file", "check_string",
    "check_rubric_file", "check_rubric_string",
    "check_calendar_file", "check_calendar_string",
    "Status", "Error", "InvalidArgumentError", "OutOfMemoryError",
    "FileError", "NotFoundError", "ParseError", "SchemaError", "PatternError",
    "CoverageError", "DeniedError",
]


def version():
    """The version of the C library in use, as 'major.minor.patch'."""
    return _core.wb_version_string()


__version__ = version()
version_info = ((_core.wb_version() >> 16) & 0xFF,
                (_core.wb_version() >> 8) & 0xFF,
                _core.wb_version() & 0xFF)

# Show the public names where users find them: weibao.Item, not
# weibao._rubric.Item, in reprs and tracebacks.
for _cls in (Rubric, Category, Topic, Item, Unit, Calendar, Day, Holiday,
             MakeupDay, Deadline, Diagnostic, Status, Error,
             InvalidArgumentError, OutOfMemoryError, FileError, NotFoundError,
             ParseError, PatternError, SchemaError, CoverageError, DeniedError, RuleSet, Rule,
             Param, LedgerKind, Field, Record, Evaluation, Result, Outcome,
             Dossier, Score, VetoDeclaration, Assessment, StandardAssessment,
             CategoryScore, UnitScore, VetoStatus, PrivacyScanner):
    _cls.__module__ = __name__
del _cls
