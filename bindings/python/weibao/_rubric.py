"""The assessment rubric (考核细则) as Python objects.

A :class:`Rubric` owns the library's wb_rubric and frees it once, when
the last reference to it goes. Categories, topics, items and units are
views into it; each holds its Rubric, so a view stays valid however long
it is kept, even after the caller drops the Rubric itself.
"""

import os
import weakref
from decimal import Decimal

from . import _weibao_core as _core
from ._view import View

__all__ = ["Rubric", "Category", "Topic", "Item", "Unit"]


def _points(half_points):
    """Points counted in halves, as an exact Decimal: 4 -> 2, 3 -> 1.5."""
    if half_points % 2 == 0:
        return Decimal(half_points // 2)
    return Decimal(half_points) / 2


def _document_bytes(text):
    if isinstance(text, str):
        return text.encode("utf-8")
    if isinstance(text, (bytes, bytearray, memoryview)):
        return bytes(text)
    raise TypeError(f"expected str or bytes, not {type(text).__name__}")


def _short(text, width=24):
    return text if len(text) <= width else text[:width] + "…"


class Rubric:
    """One edition of the rubric: categories of scored standards, the veto
    list, and the directory of responsible units.

    Open one with :meth:`default`, :meth:`load` or :meth:`from_string`.
    It reads like a mapping from item id to :class:`Item`: ``len()`` and
    iteration cover the scored standards in document order, while
    ``rubric["2.3"]`` and ``rubric["V1"]`` find standards and veto items.
    """

    __slots__ = ("_ptr", "_free", "__weakref__")

    def __init__(self):
        raise TypeError("open a rubric with Rubric.default(), Rubric.load() "
                        "or Rubric.from_string()")

    @classmethod
    def _adopt(cls, ptr):
        self = object.__new__(cls)
        self._ptr = ptr
        self._free = weakref.finalize(self, _core.wb_rubric_free, ptr)
        # Not at interpreter exit: an exit handler registered earlier may
        # still read the rubric, and the process is ending anyway.
        self._free.atexit = False
        return self

    @classmethod
    def default(cls):
        """The edition compiled into the library (meihekou-2022)."""
        return cls._adopt(_core.wb_rubric_open_default())

    @classmethod
    def load(cls, path):
        """Load an edition from a rubric XML file (str or os.PathLike).

        Raises FileError when it cannot be read, ParseError when it is not
        well-formed XML, SchemaError when it breaks the format.
        """
        return cls._adopt(_core.wb_rubric_load_file(os.fspath(path)))

    @classmethod
    def from_string(cls, text, name=None):
        """Load an edition from XML text (str, or UTF-8 bytes).

        ``name`` is what errors call the document ("<buffer>" if None).
        """
        return cls._adopt(_core.wb_rubric_load_buffer(_document_bytes(text), name))

    # ---- edition

    @property
    def edition(self):
        """A short stable name, e.g. 'meihekou-2022'."""
        return _core.wb_rubric_edition(self._ptr)

    @property
    def title(self):
        return _core.wb_rubric_title(self._ptr)

    @property
    def source(self):
        """Where the edition comes from, or None when it does not say."""
        return _core.wb_rubric_source(self._ptr) or None

    @property
    def origin(self):
        """The file or buffer it was loaded from; '<default>' if built in."""
        return _core.wb_rubric_origin(self._ptr)

    @property
    def total_points(self):
        return _points(_core.wb_rubric_total_half_points(self._ptr))

    # ---- contents

    @property
    def categories(self):
        n = _core.wb_rubric_category_count(self._ptr)
        return [Category._wrap(_core.wb_rubric_category_at(self._ptr, i), self)
                for i in range(n)]

    @property
    def standards(self):
        """Every scored standard, in document order."""
        return list(self)

    @property
    def vetoes(self):
        """The veto items (负面工作清单项)."""
        n = _core.wb_rubric_veto_count(self._ptr)
        return [Item._wrap(_core.wb_rubric_veto_at(self._ptr, i), self)
                for i in range(n)]

    @property
    def veto_heading(self):
        return _core.wb_rubric_veto_heading(self._ptr)

    @property
    def units(self):
        """The unit directory: bodies and groups."""
        n = _core.wb_rubric_unit_count(self._ptr)
        return [Unit._wrap(_core.wb_rubric_unit_at(self._ptr, i), self)
                for i in range(n)]

    def __len__(self):
        return _core.wb_rubric_standard_count(self._ptr)

    def __iter__(self):
        for i in range(_core.wb_rubric_standard_count(self._ptr)):
            yield Item._wrap(_core.wb_rubric_standard_at(self._ptr, i), self)

    def __getitem__(self, item_id):
        """The standard or veto item with this id; NotFoundError otherwise."""
        if not isinstance(item_id, str):
            raise TypeError(f"item ids are str, not {type(item_id).__name__}")
        return Item._wrap(_core.wb_rubric_find_item(self._ptr, item_id), self)

    def __contains__(self, item_id):
        return self.get(item_id) is not None

    def get(self, item_id, default=None):
        if not isinstance(item_id, str) or "\0" in item_id:
            return default
        try:
            return self[item_id]
        except KeyError:
            return default

    def unit(self, name):
        """The unit with this id, canonical name or alias; NotFoundError otherwise."""
        return Unit._wrap(_core.wb_rubric_find_unit(self._ptr, name), self)

    def standards_for_unit(self, name):
        """The scored standards a unit answers for, in document order: those
        naming it and those naming a group it belongs to. Veto items are in
        ``rubric.unit(name).responsibilities``."""
        return [item for item, _ in self.unit(name).responsibilities
                if item.kind == "standard"]

    def __repr__(self):
        return (f"<weibao.Rubric {self.edition} from {self.origin!r}: "
                f"{len(self)} standards, {self.total_points} points>")


class _View(View):
    """Something borrowed from a Rubric."""

    __slots__ = ()
    _owner_kind = "Rubric"

    @property
    def rubric(self):
        return self._owner


class Category(_View):
    """A category (项目), e.g. 9 保障措施; iterates over its standards."""

    __slots__ = ()

    @property
    def id(self):
        """The category number as text: '1' … '10'."""
        return _core.wb_category_id(self._ptr)

    @property
    def name(self):
        return _core.wb_category_name(self._ptr)

    @property
    def points(self):
        """The sum of its standards' points."""
        return _points(_core.wb_category_half_points(self._ptr))

    @property
    def topics(self):
        n = _core.wb_category_topic_count(self._ptr)
        return [Topic._wrap(_core.wb_category_topic_at(self._ptr, i), self._owner)
                for i in range(n)]

    @property
    def standards(self):
        return list(self)

    def __len__(self):
        return _core.wb_category_standard_count(self._ptr)

    def __iter__(self):
        for i in range(_core.wb_category_standard_count(self._ptr)):
            yield Item._wrap(_core.wb_category_standard_at(self._ptr, i), self._owner)

    def __repr__(self):
        return (f"<weibao.Category {self.id} {self.name}: "
                f"{len(self)} standards, {self.points} points>")


class Topic(_View):
    """A topic (内容) within a category, e.g. 从业查询."""

    __slots__ = ()

    @property
    def name(self):
        return _core.wb_topic_name(self._ptr)

    @property
    def category(self):
        return Category._wrap(_core.wb_topic_category(self._ptr), self._owner)

    @property
    def standards(self):
        return list(self)

    def __len__(self):
        return _core.wb_topic_standard_count(self._ptr)

    def __iter__(self):
        for i in range(_core.wb_topic_standard_count(self._ptr)):
            yield Item._wrap(_core.wb_topic_standard_at(self._ptr, i), self._owner)

    def __repr__(self):
        return f"<weibao.Topic {self.name}: {len(self)} standards>"


_ITEM_KINDS = {_core.WB_ITEM_STANDARD: "standard", _core.WB_ITEM_VETO: "veto"}


class Item(_View):
    """A scored standard ('2.3') or a veto item ('V1')."""

    __slots__ = ()

    @property
    def id(self):
        return _core.wb_item_id(self._ptr)

    @property
    def kind(self):
        """'standard' or 'veto'."""
        return _ITEM_KINDS[_core.wb_item_kind_of(self._ptr)]

    @property
    def text(self):
        """The text exactly as the source prints it."""
        return _core.wb_item_text(self._ptr)

    @property
    def corrected_text(self):
        """The corrected reading the edition gives beside the text, or None."""
        return _core.wb_item_corrected_text(self._ptr)

    @property
    def points(self):
        """A Decimal; None for a veto item, which is not scored."""
        if _core.wb_item_kind_of(self._ptr) == _core.WB_ITEM_VETO:
            return None
        return _points(_core.wb_item_half_points(self._ptr))

    @property
    def category(self):
        """The Category; None for a veto item."""
        return Category._wrap(_core.wb_item_category(self._ptr), self._owner)

    @property
    def topic(self):
        """The topic's name; None for a veto item."""
        topic = _core.wb_item_topic(self._ptr)
        return None if topic is None else _core.wb_topic_name(topic)

    @property
    def units(self):
        """The responsible units in printed order, resolved to the directory."""
        n = _core.wb_item_unit_count(self._ptr)
        return [Unit._wrap(_core.wb_item_unit_at(self._ptr, i), self._owner)
                for i in range(n)]

    @property
    def unit_spellings(self):
        """The responsible units as printed (an alias stays an alias)."""
        n = _core.wb_item_unit_count(self._ptr)
        return [_core.wb_item_unit_spelling_at(self._ptr, i) for i in range(n)]

    @property
    def units_tail(self):
        """The open end of the unit list as printed ('等相关单位'), or None."""
        return _core.wb_item_unit_tail(self._ptr)

    @property
    def line(self):
        """The line of the item in its source document."""
        return _core.wb_item_line(self._ptr)

    def __repr__(self):
        points = "veto" if self.points is None else f"{self.points} points"
        return f"<weibao.Item {self.id} ({points}): {_short(self.text)}>"


_UNIT_KINDS = {_core.WB_UNIT_BODY: "body", _core.WB_UNIT_GROUP: "group"}


class Unit(_View):
    """An entry of the unit directory (责任单位): a body or a group."""

    __slots__ = ()

    @property
    def id(self):
        return _core.wb_unit_id(self._ptr)

    @property
    def name(self):
        """The canonical name."""
        return _core.wb_unit_name(self._ptr)

    @property
    def kind(self):
        """'body' or 'group'."""
        return _UNIT_KINDS[_core.wb_unit_kind_of(self._ptr)]

    @property
    def aliases(self):
        n = _core.wb_unit_alias_count(self._ptr)
        return [_core.wb_unit_alias_at(self._ptr, i) for i in range(n)]

    @property
    def is_open(self):
        """For a group: True when the document does not name every member."""
        return bool(_core.wb_unit_is_open(self._ptr))

    @property
    def members(self):
        """For a group, the members it lists; [] for a body."""
        n = _core.wb_unit_member_count(self._ptr)
        return [Unit._wrap(_core.wb_unit_member_at(self._ptr, i), self._owner)
                for i in range(n)]

    @property
    def responsibilities(self):
        """What the unit answers for (逐一认领), as (Item, via) pairs: via is
        None when the item names the unit itself, else the group through
        which it does. Standards first in document order, then veto items."""
        n = _core.wb_unit_item_count(self._ptr)
        return [(Item._wrap(_core.wb_unit_item_at(self._ptr, i), self._owner),
                 Unit._wrap(_core.wb_unit_item_via_at(self._ptr, i), self._owner))
                for i in range(n)]

    def __repr__(self):
        return f"<weibao.Unit {self.id} {self.name} ({self.kind})>"
