"""The ledgers (台账) a county keeps, and their records.

A :class:`LedgerKind` ("background-checks", 入职查询台账) fixes the
columns of its records, each with an English name ("query-date") and a
Chinese header ("查询日期"). The kinds are the library's: this module
lists none of them itself, it asks the library.

A :class:`Record` is one row, built in Python (as an OA system builds
them from its own database) and handed to an :class:`Evaluation`. It
owns the library's wb_record and frees it once, when the last reference
to it goes.

Personal data: a record may hold names and identity numbers. The library
uses them only to check them; no message ever holds a name, and an
identity number only masked (220581********123X) — error messages
included.
"""

import datetime
import os
import weakref
from dataclasses import dataclass
from typing import Tuple

from . import _weibao_core as _core
from ._errors import NotFoundError, Status
from ._rules import _lang

__all__ = ["LedgerKind", "Field", "Record", "ledger_kinds"]


_FIELD_TYPES = {
    _core.WB_FIELD_TEXT: "text",
    _core.WB_FIELD_DATE: "date",
    _core.WB_FIELD_CHOICE: "choice",
    _core.WB_FIELD_COUNT: "count",
    _core.WB_FIELD_NAME: "name",
    _core.WB_FIELD_ID_NUMBER: "id-number",
}


@dataclass(frozen=True)
class Field:
    """A column of a ledger kind.

    ``name``: the English name used in XML and the API ('query-date').
    ``header``: the Chinese header used in CSV ('查询日期'). ``type``:
    'text', 'date', 'choice', 'count', 'name' (a person's name: personal
    data, never printed) or 'id-number' (checked, printed masked).
    ``required``: a row without it is a bad row (the key). ``choices``:
    for a choice column, each choice as a (Chinese, English) pair, else ().
    """

    name: str
    header: str
    type: str
    required: bool
    choices: Tuple[Tuple[str, str], ...]
    summary_zh: str
    summary_en: str

    def summary(self, lang="zh"):
        """What the column means, one line, in Chinese or English."""
        return self.summary_en if _lang(lang) == _core.WB_LANG_EN else self.summary_zh


class LedgerKind:
    """A kind of ledger the library reads. Kinds are static: two objects
    for the same kind are equal. Get them from :func:`ledger_kinds` or
    :meth:`find`."""

    __slots__ = ("_ptr", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("ledger kinds come from weibao.ledger_kinds() or "
                        "LedgerKind.find()")

    @classmethod
    def _wrap(cls, ptr):
        if ptr is None:
            return None
        self = object.__new__(cls)
        self._ptr = ptr
        return self

    @classmethod
    def find(cls, name):
        """The kind of that name ('background-checks') or Chinese title
        ('入职查询台账'); NotFoundError (a KeyError) when there is none."""
        if not isinstance(name, str):
            raise TypeError(f"a ledger kind's name is a str, not {type(name).__name__}")
        ptr = _core.wb_ledger_kind_find(name)
        if ptr is None:
            raise NotFoundError(f"no ledger kind named '{name}'", code=Status.ENOTFOUND)
        return cls._wrap(ptr)

    @classmethod
    def detect(cls, path):
        """The kind of a ledger file, recognised from its content: the
        root element of an XML file, the header row of a CSV file. None
        when a CSV header fits no kind or several. Raises NotFoundError
        for XML of another kind (a rubric, a calendar), FileError when the
        file cannot be read."""
        return cls._wrap(_core.wb_ledger_detect_file(os.fspath(path)))

    @property
    def name(self):
        """The English name used in the API and as the XML root element."""
        return _core.wb_ledger_kind_name(self._ptr)

    def title(self, lang="zh"):
        """'入职查询台账' / 'Background checks'."""
        return _core.wb_ledger_kind_title(self._ptr, _lang(lang))

    @property
    def fields(self):
        """Its columns, in order, as a tuple of :class:`Field`."""
        return _fields_of(self)

    def field(self, name):
        """The column with this English name, Chinese header, or Python
        name (underscores for hyphens: 'query_date'); NotFoundError (a
        KeyError) otherwise."""
        column = _column_name(self, name)
        if column is None:
            raise NotFoundError(f"the ledger kind '{self.name}' has no column '{name}'",
                                code=Status.ENOTFOUND)
        for f in self.fields:
            if f.name == column:
                return f
        raise AssertionError(column)  # pragma: no cover

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return int(self._ptr) == int(other._ptr)

    def __hash__(self):
        return hash(int(self._ptr))

    def __repr__(self):
        return f"<weibao.LedgerKind {self.name} {self.title()}: {len(self.fields)} columns>"


# Kinds are static and never change: their columns are read once.
_FIELDS = {}
_COLUMNS = {}


def _fields_of(kind):
    name = kind.name
    fields = _FIELDS.get(name)
    if fields is None:
        p = kind._ptr
        fields = tuple(
            Field(name=_core.wb_ledger_field_name(p, i),
                  header=_core.wb_ledger_field_header(p, i),
                  type=_FIELD_TYPES.get(_core.wb_ledger_field_type(p, i),
                                        str(_core.wb_ledger_field_type(p, i))),
                  required=bool(_core.wb_ledger_field_required(p, i)),
                  choices=tuple(
                      (_core.wb_ledger_field_choice(p, i, k, _core.WB_LANG_ZH),
                       _core.wb_ledger_field_choice(p, i, k, _core.WB_LANG_EN))
                      for k in range(_core.wb_ledger_field_choice_count(p, i))),
                  summary_zh=_core.wb_ledger_field_summary(p, i, _core.WB_LANG_ZH),
                  summary_en=_core.wb_ledger_field_summary(p, i, _core.WB_LANG_EN))
            for i in range(_core.wb_ledger_field_count(p)))
        _FIELDS[name] = fields
    return fields


def _column_name(kind, key):
    """The English name of the column a key means (its name, its header,
    or its name with underscores for hyphens), or None."""
    name = kind.name
    columns = _COLUMNS.get(name)
    if columns is None:
        columns = {}
        for f in _fields_of(kind):
            columns.setdefault(f.name.replace("-", "_"), f.name)
            columns.setdefault(f.header, f.name)
        for f in _fields_of(kind):   # a real name wins over a spelling
            columns[f.name] = f.name
        _COLUMNS[name] = columns
    return columns.get(key)


def ledger_kinds():
    """Every ledger kind the library reads, in its fixed order, as a tuple
    of :class:`LedgerKind`."""
    return tuple(LedgerKind._wrap(_core.wb_ledger_kind_at(i))
                 for i in range(_core.wb_ledger_kind_count()))


def _kind_of(kind):
    if isinstance(kind, LedgerKind):
        return kind
    if isinstance(kind, str):
        return LedgerKind.find(kind)
    raise TypeError(f"a ledger kind is a LedgerKind or its name, not {type(kind).__name__}")


def _cell(value):
    """A Python value -> the text a clerk would write; None clears."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, datetime.datetime):
        raise TypeError("expected datetime.date, not datetime.datetime (pass its .date())")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise TypeError(f"a column's value is a str, a datetime.date, an int or None, "
                    f"not {type(value).__name__}")


class Record:
    """One row of a ledger, built in Python.

    ``Record(kind, **values)`` or ``Record(kind, mapping)``: ``kind`` is a
    :class:`LedgerKind` or its name. Keys are the columns' English names
    ('query-date'), their Chinese headers ('查询日期') or Python names with
    underscores for hyphens (``query_date=``). Values are str (as a clerk
    writes them: '2026-02-10', '2026年2月10日', '在职' or 'staff'),
    datetime.date, int (for counts), or None to clear the column.

    ``record["query-date"] = value`` sets one column; ``del record[...]``
    clears it. An unknown column raises NotFoundError (a KeyError); a
    value the column cannot hold raises ParseError carrying the library's
    message (an identity number in it masked).
    """

    __slots__ = ("_ptr", "_free", "_kind", "__weakref__")

    def __init__(self, kind, mapping=None, /, **values):
        kind = _kind_of(kind)
        ptr = _core.wb_record_new(kind.name)
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_record_free, ptr)
        self._free.atexit = False
        self._kind = kind
        self.update(mapping, **values)

    @property
    def kind(self):
        """The record's :class:`LedgerKind`."""
        return self._kind

    @property
    def key(self):
        """The record's key, or None when not set."""
        return _core.wb_record_key(self._ptr)

    def __setitem__(self, column, value):
        if not isinstance(column, str):
            raise TypeError(f"a column is named by a str, not {type(column).__name__}")
        name = _column_name(self._kind, column)
        if name is None:
            name = column    # the library knows more spellings, or says it has none
        _core.wb_record_set(self._ptr, name, _cell(value))

    def __delitem__(self, column):
        self[column] = None

    def update(self, mapping=None, /, **values):
        """Set several columns, from a mapping and/or keywords."""
        if mapping is not None:
            items = mapping.items() if hasattr(mapping, "items") else mapping
            for column, value in items:
                self[column] = value
        for column, value in values.items():
            self[column] = value

    def __repr__(self):
        return f"<weibao.Record {self._kind.name} {self.key!r}>"
