"""The privacy scan: minors' personal data in free text.

A :class:`PrivacyScanner` owns the library's wb_privacy_scanner (its
compiled patterns) and frees it once, when the last reference to it goes.
It never changes once made and may be shared between threads.
"""

import datetime
import weakref

from . import _weibao_core as _core
from ._diagnostics import _Findings
from ._errors import _check_int

__all__ = ["PrivacyScanner"]


def _text_bytes(text, what="text"):
    """str (UTF-8; lone surrogates from a surrogateescape decoding go back
    to their bytes) or bytes-like -> bytes."""
    if isinstance(text, str):
        return text.encode("utf-8", "surrogateescape")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"{what} is str or bytes, not {type(text).__name__}")


def _check_as_of(as_of):
    if as_of is not None and (not isinstance(as_of, datetime.date)
                              or isinstance(as_of, datetime.datetime)):
        raise TypeError(f"as_of is a datetime.date, not {type(as_of).__name__}")


def _strings(values, what):
    if values is None:
        return None
    if isinstance(values, (str, bytes)):
        raise TypeError(f"{what} is a sequence of str, not one string")
    return list(values)


class PrivacyScanner:
    """Finds minors' personal data in free text (a note column, a report,
    a letter): identity numbers, phone and bank card numbers, and names
    near a case word (性侵, 被害人 …), each as a :class:`Diagnostic` whose
    message quotes it masked (``110105********002X``, ``138****5678``,
    ``张**``).

    ``as_of`` (a datetime.date) makes an identity number whose holder is
    a minor on that day (18 周岁 is reached the day after the 18th
    birthday) an error rather than a warning. ``case_words`` (a sequence of str) replaces the built-in case
    words (:meth:`default_case_words`); ``extra_patterns`` (a sequence of
    PCRE2 patterns) adds 'privacy-pattern' findings. A rule pack's
    patterns and case words come with :meth:`RuleSet.privacy_scanner`. A pattern that does not
    compile raises PatternError with its number and offset. ``match_limit``
    and ``depth_limit`` bound PCRE2's work on one search (0: 1,000,000 and
    10,000); a search that reaches them is a 'privacy-limit' finding, and
    the scan goes on from the next line.
    """

    __slots__ = ("_ptr", "_free", "_as_of", "__weakref__")

    def __init__(self, as_of=None, case_words=None, extra_patterns=None, *,
                 match_limit=0, depth_limit=0):
        _check_as_of(as_of)
        options = {
            "as_of": as_of,
            "case_words": _strings(case_words, "case_words"),
            "extra_patterns": _strings(extra_patterns, "extra_patterns"),
            "match_limit": _check_int("match_limit", match_limit),
            "depth_limit": _check_int("depth_limit", depth_limit),
        }
        self._adopt_ptr(_core.wb_privacy_scanner_new(options), as_of)

    def _adopt_ptr(self, ptr, as_of):
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_privacy_scanner_free, ptr)
        # See Rubric._adopt: never freed under an exit handler's feet.
        self._free.atexit = False
        self._as_of = as_of

    @classmethod
    def _adopt(cls, ptr, as_of):
        """A scanner for a wb_privacy_scanner the library made (a rule
        set's); it is this object's to free."""
        self = object.__new__(cls)
        self._adopt_ptr(ptr, as_of)
        return self

    @staticmethod
    def default_case_words():
        """The built-in case words (性侵, 被害人 …), as a tuple of str."""
        return _core.wb_privacy_default_case_words()

    @property
    def as_of(self):
        """The date minors are counted on, or None."""
        return self._as_of

    def scan(self, text, name="<text>", first_line=1):
        """Every finding in ``text`` (str, or UTF-8 bytes; invalid bytes
        are skipped, never an error), as a list of :class:`Diagnostic` in
        the order of the text: file ``name``, lines counted from
        ``first_line``, columns in code points."""
        data = _text_bytes(text)
        _check_int("first_line", first_line)
        ptr = _core.wb_privacy_scan(self._ptr, data, name, first_line)
        return _Findings(ptr).to_list()

    def redact(self, text):
        """A copy of ``text`` with every finding masked as in the findings'
        messages and everything else as it was: str for str, bytes for
        bytes."""
        data = _core.wb_privacy_redact(self._ptr, _text_bytes(text))
        if isinstance(text, str):
            return data.decode("utf-8", "surrogateescape")
        return data

    def __repr__(self):
        when = f" as of {self._as_of}" if self._as_of is not None else ""
        return f"<weibao.PrivacyScanner{when}>"
