"""Exceptions raised by the weibao package.

Every failing library call raises a subclass of :class:`Error` carrying
what the library reported: the status code, the message and, where they
apply, the file, line, column and rule id of the cause.
"""

import enum

from . import _weibao_core as _core

__all__ = [
    "Status",
    "Error",
    "InvalidArgumentError",
    "OutOfMemoryError",
    "FileError",
    "NotFoundError",
    "ParseError",
    "SchemaError",
    "PatternError",
    "CoverageError",
]


class Status(enum.IntEnum):
    """The library's status codes (wb_status)."""

    OK = _core.WB_OK
    ERROR = _core.WB_ERROR
    EINVAL = _core.WB_EINVAL
    ENOMEM = _core.WB_ENOMEM
    EIO = _core.WB_EIO
    ENOTFOUND = _core.WB_ENOTFOUND
    EPARSE = _core.WB_EPARSE
    ESCHEMA = _core.WB_ESCHEMA
    EREGEX = _core.WB_EREGEX
    ECOVERAGE = _core.WB_ECOVERAGE
    EDENIED = _core.WB_EDENIED


class Error(Exception):
    """A failure reported by libweibao.

    Attributes: ``message`` (English, one line), ``code`` (a
    :class:`Status`), ``source`` (file or buffer name), ``line`` and
    ``column`` (1-based), ``rule`` (a diagnostic rule id). The last four
    are None when the library did not report them.
    """

    def __init__(self, message, *, code=Status.ERROR, source=None,
                 line=None, column=None, rule=None):
        super().__init__(message)
        self.message = message
        self.code = code
        self.source = source
        self.line = line
        self.column = column
        self.rule = rule

    def __str__(self):
        # gcc's "file:line:column: message", as weibao-lint prints it.
        place = [str(p) for p in (self.source, self.line, self.column)
                 if p is not None]
        text = self.message
        if self.rule:
            text = f"{text} [{self.rule}]"
        return ":".join(place) + ": " + text if place else text


class InvalidArgumentError(Error, ValueError):
    """WB_EINVAL: an argument the library refused."""


class OutOfMemoryError(Error, MemoryError):
    """WB_ENOMEM."""


class FileError(Error, OSError):
    """WB_EIO: a file that could not be read or written."""

    def __init__(self, message, **details):
        super().__init__(message, **details)
        self.filename = self.source


class NotFoundError(Error, KeyError):
    """WB_ENOTFOUND: no item, unit or value by that id or name."""


class ParseError(Error):
    """WB_EPARSE: text that is not well-formed (XML, a date...)."""


class SchemaError(Error):
    """WB_ESCHEMA: a document that breaks its format's schema or rules."""


class PatternError(Error, ValueError):
    """WB_EREGEX: a pattern that does not compile."""


class CoverageError(Error):
    """WB_ECOVERAGE: a date outside the years the calendar's data covers.

    Only an :class:`Error`, deliberately not a ValueError or LookupError:
    the date is a real date and the question a fair one, the calendar
    just has no notice to answer it from. Load an edition that covers
    the year. The message names the date and the coverage.
    """


class DeniedError(Error, PermissionError):
    """WB_EDENIED: a file named by another file (a dossier's ledger, score
    sheet or rule pack) that lies outside the naming file's folder. Pass
    ``allow_outside=True`` where the load offers it to read it anyway."""


_CLASSES = {
    Status.EINVAL: InvalidArgumentError,
    Status.ENOMEM: OutOfMemoryError,
    Status.EIO: FileError,
    Status.ENOTFOUND: NotFoundError,
    Status.EPARSE: ParseError,
    Status.ESCHEMA: SchemaError,
    Status.EREGEX: PatternError,
    Status.ECOVERAGE: CoverageError,
    Status.EDENIED: DeniedError,
}


def _from_record(code, message, source, line, column, rule):
    """Build the exception for a wb_error record (called by the extension)."""
    try:
        code = Status(code)
    except ValueError:
        pass  # a code newer than this package: still an Error
    cls = _CLASSES.get(code, Error)
    return cls(message or _core.wb_strerror(code), code=code,
               source=source or None, line=line or None,
               column=column or None, rule=rule or None)


def _check_int(what, value, *, optional=False):
    """``value`` if it is an int (or None, when ``optional``); TypeError
    otherwise. A bool is an int to Python but never a count, a year or a
    limit here: True would quietly read as 1."""
    if optional and value is None:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    expected = "an int or None" if optional else "an int"
    raise TypeError(f"{what} is {expected}, not {type(value).__name__}")
