"""What the objects borrowed from a Rubric or a RuleSet share."""


class View:
    """Something borrowed from an owner (a Rubric, a RuleSet) that holds
    the library's handle. The view holds its owner, so the pointer stays
    valid as long as the view lives. Equal views are the same object in
    the same owner."""

    __slots__ = ("_ptr", "_owner")
    _owner_kind = "owner"

    def __init__(self, *args, **kwargs):
        raise TypeError(f"{type(self).__name__} objects come from a {self._owner_kind}")

    @classmethod
    def _wrap(cls, ptr, owner):
        if ptr is None:
            return None
        self = object.__new__(cls)
        self._ptr = ptr
        self._owner = owner
        return self

    def __eq__(self, other):
        if type(other) is not type(self):
            return NotImplemented
        return int(self._ptr) == int(other._ptr)

    def __hash__(self):
        return hash(int(self._ptr))
