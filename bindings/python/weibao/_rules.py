"""The compliance rules (data/rules.xml) and their parameters as Python
objects.

A :class:`RuleSet` owns the library's wb_ruleset and frees it once, when
the last reference to it goes. Rules and parameters are views into it;
each holds its RuleSet, so a view stays valid however long it is kept,
even after the caller drops the RuleSet itself. A rule pack gives a new
RuleSet (a deep copy with the pack's values) and leaves its base as it
was.
"""

import os
import weakref

from . import _weibao_core as _core
from ._diagnostics import _Findings
from ._errors import NotFoundError, Status, _check_int
from ._privacy import PrivacyScanner, _check_as_of
from ._rubric import _document_bytes, _short
from ._view import View

__all__ = ["RuleSet", "Rule", "Param", "PrivacyPattern", "check_rules",
           "check_rule_pack"]


_LANGS = {"zh": _core.WB_LANG_ZH, "en": _core.WB_LANG_EN}


def _lang(lang):
    """'zh' or 'en' -> wb_lang."""
    try:
        return _LANGS[lang]
    except (KeyError, TypeError):
        raise ValueError(f"unknown language {lang!r}: expected 'zh' or 'en'") from None


def _severity(value):
    """A wb_severity as Diagnostic.severity gives it: 'error', 'warning', 'note'."""
    return _core.wb_severity_name(value)


def _check_id(what, value):
    if not isinstance(value, str):
        raise TypeError(f"{what} is a str, not {type(value).__name__}")


class RuleSet:
    """A table of compliance rules: each checks one ledger kind and serves
    rubric standards, with parameters a county may change by a rule pack.

    Open one with :meth:`default`, :meth:`load` or :meth:`from_string`;
    apply a pack with :meth:`with_pack` or :meth:`with_pack_string`. It
    reads like a mapping from rule id to :class:`Rule`: ``len()`` and
    iteration cover the rules in table order, ``rules["dismissal-deadline"]``
    finds one (NotFoundError, a KeyError, when there is none). A rule set
    never changes once loaded and may be shared between threads.
    """

    __slots__ = ("_ptr", "_free", "__weakref__")

    def __init__(self):
        raise TypeError("open a rule set with RuleSet.default(), RuleSet.load() "
                        "or RuleSet.from_string()")

    @classmethod
    def _adopt(cls, ptr):
        self = object.__new__(cls)
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_ruleset_free, ptr)
        # See Rubric._adopt: never freed under an exit handler's feet.
        self._free.atexit = False
        return self

    @classmethod
    def default(cls):
        """The rule table compiled into the library, every parameter at
        its default."""
        return cls._adopt(_core.wb_ruleset_open_default())

    @classmethod
    def load(cls, path):
        """Load a rule table (<rules>) from a file (str or os.PathLike).

        Raises FileError when it cannot be read, ParseError when it is not
        well-formed XML, SchemaError when it breaks the format (a rule the
        library has no evaluator for, a parameter it does not read...).
        :func:`check_rules` lists every problem.
        """
        return cls._adopt(_core.wb_ruleset_load_file(os.fspath(path)))

    @classmethod
    def from_string(cls, text, name=None):
        """Load a rule table from XML text (str, or UTF-8 bytes).

        ``name`` is what errors call the document ("<buffer>" if None).
        """
        return cls._adopt(_core.wb_ruleset_load_buffer(_document_bytes(text), name))

    def with_pack(self, path):
        """A new rule set: this one with a rule pack (<rule-pack>) from a
        file applied. This set is left as it is. A pack that names a rule
        or parameter this set lacks, or a value outside the parameter's
        bounds, raises SchemaError with its line (rule 'pack-unknown' or
        'pack-value'). A privacy pattern that does not compile, is empty
        or matches empty text raises PatternError with its line and
        column; a pattern id used twice, SchemaError (rule
        'pack-bad-pattern' both)."""
        return RuleSet._adopt(_core.wb_ruleset_apply_pack_file(self._ptr, os.fspath(path)))

    def with_pack_string(self, text, name=None):
        """As :meth:`with_pack`, with the pack as XML text (str, or UTF-8
        bytes) called ``name`` in errors."""
        return RuleSet._adopt(
            _core.wb_ruleset_apply_pack_buffer(self._ptr, _document_bytes(text), name))

    @staticmethod
    def schema():
        """The XSD of rule tables and rule packs, as text."""
        return _core.wb_ruleset_schema()

    # ---- edition

    @property
    def edition(self):
        """The table's edition, e.g. 'meihekou-2022'."""
        return _core.wb_ruleset_edition(self._ptr)

    @property
    def pack(self):
        """The name of the pack applied last, or None when none was."""
        return _core.wb_ruleset_pack(self._ptr)

    # ---- rules

    @property
    def rules(self):
        """Every rule, in table order."""
        return list(self)

    def __len__(self):
        return _core.wb_ruleset_rule_count(self._ptr)

    def __iter__(self):
        for i in range(_core.wb_ruleset_rule_count(self._ptr)):
            yield Rule._wrap(_core.wb_ruleset_rule_at(self._ptr, i), self)

    def __getitem__(self, rule_id):
        """The rule with this id; NotFoundError (a KeyError) otherwise."""
        _check_id("a rule id", rule_id)
        ptr = _core.wb_ruleset_rule(self._ptr, rule_id)
        if ptr is None:
            raise NotFoundError(f"the rule table '{self.edition}' has no rule '{rule_id}'",
                                code=Status.ENOTFOUND)
        return Rule._wrap(ptr, self)

    def __contains__(self, rule_id):
        return self.get(rule_id) is not None

    def get(self, rule_id, default=None):
        if not isinstance(rule_id, str) or "\0" in rule_id:
            return default
        try:
            return self[rule_id]
        except KeyError:
            return default

    # ---- the privacy scan

    @property
    def privacy_patterns(self):
        """The privacy patterns rule packs have added, in the order
        added, as a tuple of :class:`PrivacyPattern`."""
        n = _core.wb_ruleset_privacy_pattern_count(self._ptr)
        return tuple(PrivacyPattern._wrap(_core.wb_ruleset_privacy_pattern_at(self._ptr, i),
                                          self)
                     for i in range(n))

    @property
    def case_words(self):
        """The case words in force, as a tuple of str: the built-in ones
        (:meth:`PrivacyScanner.default_case_words`) with those packs
        added, or a pack's list in their place."""
        n = _core.wb_ruleset_case_word_count(self._ptr)
        return tuple(_core.wb_ruleset_case_word_at(self._ptr, i) for i in range(n))

    @property
    def case_words_set_by(self):
        """The name of the pack that changed the case words last, or None
        when they are the built-in ones."""
        return _core.wb_ruleset_case_words_set_by(self._ptr)

    def privacy_scanner(self, as_of=None, *, match_limit=0, depth_limit=0):
        """A :class:`PrivacyScanner` with this set's case words and, as
        extra patterns, its privacy patterns, whose findings show the
        pattern's title and id (``学籍号 (school-no) ****``). ``as_of`` and
        the limits are as for PrivacyScanner()."""
        _check_as_of(as_of)
        options = {"as_of": as_of,
                   "match_limit": _check_int("match_limit", match_limit),
                   "depth_limit": _check_int("depth_limit", depth_limit)}
        return PrivacyScanner._adopt(_core.wb_ruleset_privacy_scanner(self._ptr, options),
                                     as_of)

    def __repr__(self):
        pack = f" + pack {self.pack}" if self.pack else ""
        return f"<weibao.RuleSet {self.edition}{pack}: {len(self)} rules>"


class _View(View):
    """Something borrowed from a RuleSet."""

    __slots__ = ()
    _owner_kind = "RuleSet"

    @property
    def ruleset(self):
        """The RuleSet this belongs to."""
        return self._owner


class Rule(_View):
    """One compliance rule, e.g. 'dismissal-deadline' (standard 2.3)."""

    __slots__ = ()

    @property
    def id(self):
        return _core.wb_rule_id(self._ptr)

    def title(self, lang="zh"):
        """The rule's title in Chinese ('zh') or English ('en')."""
        return _core.wb_rule_title(self._ptr, _lang(lang))

    @property
    def ledger(self):
        """The name of the ledger kind it checks ('background-checks')."""
        return _core.wb_rule_ledger(self._ptr)

    @property
    def severity(self):
        """What a violation counts as: 'error', 'warning' or 'note' (as
        :attr:`Diagnostic.severity`)."""
        return _severity(_core.wb_rule_severity(self._ptr))

    @property
    def standards(self):
        """The rubric standards it serves, as a tuple of ids ('2.3',)."""
        n = _core.wb_rule_standard_count(self._ptr)
        return tuple(_core.wb_rule_standard_at(self._ptr, i) for i in range(n))

    @property
    def basis(self):
        """The rubric's words the rule rests on, as printed."""
        return _core.wb_rule_basis(self._ptr)

    def reading(self, lang="zh"):
        """How the library reads the basis, in Chinese or English."""
        return _core.wb_rule_reading(self._ptr, _lang(lang))

    @property
    def params(self):
        """Its parameters, as a tuple of :class:`Param`."""
        n = _core.wb_rule_param_count(self._ptr)
        return tuple(Param._wrap(_core.wb_rule_param_at(self._ptr, i), self._owner)
                     for i in range(n))

    def param(self, name):
        """The parameter of that name; NotFoundError (a KeyError) otherwise."""
        _check_id("a parameter name", name)
        ptr = _core.wb_rule_param(self._ptr, name)
        if ptr is None:
            raise NotFoundError(f"rule '{self.id}' has no parameter '{name}'",
                                code=Status.ENOTFOUND)
        return Param._wrap(ptr, self._owner)

    def __repr__(self):
        return (f"<weibao.Rule {self.id} ({', '.join(self.standards)}) on "
                f"{self.ledger}: {_short(self.title())}>")


class Param(_View):
    """A parameter of a rule: a number the rule counts with (30 working
    days, every 12 months), its default and the bounds a pack may set it
    within."""

    __slots__ = ()

    @property
    def name(self):
        return _core.wb_param_name(self._ptr)

    @property
    def unit(self):
        """What it counts: 'workdays', 'days', 'months', 'years', 'count',
        'percent' or 'flag'."""
        return _core.wb_param_unit_name(_core.wb_param_unit_of(self._ptr))

    @property
    def value(self):
        """The value in force: the pack's, else the default."""
        return _core.wb_param_value(self._ptr)

    @property
    def default(self):
        return _core.wb_param_default(self._ptr)

    @property
    def min(self):
        """The least value a pack may set (included)."""
        return _core.wb_param_min(self._ptr)

    @property
    def max(self):
        """The greatest value a pack may set (included)."""
        return _core.wb_param_max(self._ptr)

    @property
    def source(self):
        """Where the default comes from: 'rubric' (the rubric's own
        words), 'law' (how the law counts) or 'county' (left to the
        county; the library's reading)."""
        return _core.wb_param_source_name(_core.wb_param_source_of(self._ptr))

    @property
    def set_by(self):
        """The name of the pack that set the value in force, or None when
        it is the default."""
        return _core.wb_param_set_by(self._ptr)

    def summary(self, lang="zh"):
        """What it means, one line, in Chinese or English."""
        return _core.wb_param_summary(self._ptr, _lang(lang))

    def __repr__(self):
        by = f", set by {self.set_by}" if self.set_by else ""
        return f"<weibao.Param {self.name} = {self.value} {self.unit}{by}>"


class PrivacyPattern(_View):
    """A privacy pattern a rule pack added: a PCRE2 pattern of a county's
    own identifier (a student number), with the id and title its
    findings show."""

    __slots__ = ()

    @property
    def id(self):
        return _core.wb_privacy_pattern_id(self._ptr)

    @property
    def title(self):
        return _core.wb_privacy_pattern_title(self._ptr)

    @property
    def pattern(self):
        """The PCRE2 pattern, as the pack gives it."""
        return _core.wb_privacy_pattern_text(self._ptr)

    @property
    def set_by(self):
        """The name of the pack that added it."""
        return _core.wb_privacy_pattern_set_by(self._ptr)

    def __repr__(self):
        return f"<weibao.PrivacyPattern {self.id} ({self.title}): {self.pattern}>"


def check_rules(path):
    """Check a rule table file (str or os.PathLike) and return every
    problem as a list of Diagnostic, empty when the file is clean. Raises
    FileError when it cannot be read."""
    return _Findings(_core.wb_ruleset_check_file(os.fspath(path))).to_list()


def check_rule_pack(path, base=None):
    """Check a rule pack file against a rule set (``base``, a
    :class:`RuleSet`; None for the built-in table) and return every
    problem as a list of Diagnostic."""
    if base is not None and not isinstance(base, RuleSet):
        raise TypeError(f"base is a RuleSet or None, not {type(base).__name__}")
    ptr = _core.wb_ruleset_check_pack_file(None if base is None else base._ptr,
                                           os.fspath(path))
    return _Findings(ptr).to_list()
