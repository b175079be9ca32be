"""Checking documents (rubric and calendar editions): every finding, not
just the first."""

import os
import weakref

from . import _weibao_core as _core
from ._rubric import _document_bytes

__all__ = ["Diagnostic", "check_file", "check_string",
           "check_rubric_file", "check_rubric_string",
           "check_calendar_file", "check_calendar_string"]


class _Findings:
    """Owns one wb_diagnostics list and frees it once, with its last finding."""

    __slots__ = ("_ptr", "_free", "__weakref__")

    def __init__(self, ptr):
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_diagnostics_free, ptr)
        # See Rubric._adopt: never freed under an exit handler's feet.
        self._free.atexit = False

    def to_list(self):
        n = _core.wb_diagnostics_count(self._ptr)
        return [Diagnostic._wrap(_core.wb_diagnostics_at(self._ptr, i), self)
                for i in range(n)]


class Diagnostic:
    """One finding: its rule id, severity ('error', 'warning', 'note'),
    message in Chinese (``message``) and English (``message_en``), and
    place (``file``, ``line``, ``column``; line and column are 1-based,
    column in code points, None when unknown)."""

    __slots__ = ("_ptr", "_owner")

    def __init__(self, *args, **kwargs):
        raise TypeError("Diagnostic objects come from check_file(), "
                        "check_string() and the other check functions")

    @classmethod
    def _wrap(cls, ptr, owner):
        self = object.__new__(cls)
        self._ptr = ptr
        self._owner = owner
        return self

    @property
    def severity(self):
        return _core.wb_severity_name(_core.wb_diagnostic_severity(self._ptr))

    @property
    def rule(self):
        return _core.wb_diagnostic_rule(self._ptr)

    @property
    def message(self):
        return _core.wb_diagnostic_message(self._ptr, _core.WB_LANG_ZH)

    @property
    def message_en(self):
        return _core.wb_diagnostic_message(self._ptr, _core.WB_LANG_EN)

    @property
    def file(self):
        return _core.wb_diagnostic_file(self._ptr)

    @property
    def line(self):
        return _core.wb_diagnostic_line(self._ptr) or None

    @property
    def column(self):
        return _core.wb_diagnostic_column(self._ptr) or None

    def __str__(self):
        # As weibao-lint prints it: file:line:col: severity: message [rule]
        place = [str(p) for p in (self.file, self.line, self.column)
                 if p is not None]
        return ":".join(place) + f": {self.severity}: {self.message} [{self.rule}]"

    def __repr__(self):
        return f"<weibao.Diagnostic {self}>"


def check_rubric_file(path):
    """Check a rubric XML file (str or os.PathLike) against the schema and
    the format's rules; return the findings as a list of Diagnostic, empty
    when the file is clean. Raises FileError when it cannot be read."""
    return _Findings(_core.wb_rubric_check_file(os.fspath(path))).to_list()


def check_rubric_string(text, name=None):
    """As check_rubric_file(), for XML text (str, or UTF-8 bytes) called
    ``name`` in the findings ("<buffer>" if None)."""
    ptr = _core.wb_rubric_check_buffer(_document_bytes(text), name)
    return _Findings(ptr).to_list()


def check_calendar_file(path):
    """As check_rubric_file(), for a calendar edition (data/calendar.xsd
    and the calendar-* rules of docs/checks.md)."""
    return _Findings(_core.wb_calendar_check_file(os.fspath(path))).to_list()


def check_calendar_string(text, name=None):
    """As check_calendar_file(), for XML text (str, or UTF-8 bytes)."""
    ptr = _core.wb_calendar_check_buffer(_document_bytes(text), name)
    return _Findings(ptr).to_list()


def check_file(path):
    """Check a document of any kind, recognised from its content (the
    namespace and name of its root element), not its file name.

    Returns ``(kind, findings)``: kind is 'rubric', 'calendar',
    'calendar-overlay', 'calendar-projection' or 'unknown', and findings a
    list of Diagnostic. A document of no known kind is 'unknown' with a
    document-kind finding, not an exception. Raises FileError when the
    file cannot be read.
    """
    ptr, kind = _core.wb_check_file(os.fspath(path))
    return _core.wb_document_kind_name(kind), _Findings(ptr).to_list()


def check_string(text, name=None):
    """As check_file(), for text (str, or UTF-8 bytes) called ``name`` in
    the findings ("<buffer>" if None)."""
    ptr, kind = _core.wb_check_buffer(_document_bytes(text), name)
    return _core.wb_document_kind_name(kind), _Findings(ptr).to_list()
