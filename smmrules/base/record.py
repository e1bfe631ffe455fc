"""Record: the base of smmrules' small immutable value classes that are not AST nodes.

The AST (smmrules.language.ast, smmrules.documents.goals) is made of attrs classes, the public data model. The other
value classes (findings, rules, phrases, configs, ...) are written out by hand on this base: an
attrs or dataclass class generates and compiles its methods when its module is imported (about
half a millisecond each, dozens of them on every `smmrules lint`), while these are compiled once
into the module's bytecode. A subclass lists its fields in `__slots__`, sets them in its own
`__init__` with `object.__setattr__`, and gets equality, hashing, a repr, `evolve()` and pickling.
"""
from __future__ import annotations

_set = object.__setattr__


def _rebuild(cls, values):
    obj = object.__new__(cls)
    for name, value in zip(cls._fields, values):
        _set(obj, name, value)
    return obj


class Record:
    """Fields are the `__slots__` of the class and its bases, in order; `_no_compare` names the
    fields left out of equality, hashing and the repr (caches, compiled closures)."""

    __slots__ = ()
    _fields: tuple = ()
    _compared: tuple = ()
    _no_compare: tuple = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        fields: list[str] = []
        for klass in reversed(cls.__mro__):
            fields += [s for s in klass.__dict__.get("__slots__", ()) if s not in fields]
        cls._fields = tuple(fields)
        cls._compared = tuple(f for f in fields if f not in cls._no_compare)

    def _key(self) -> tuple:
        return tuple([getattr(self, f) for f in self._compared])

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __ne__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() != other._key()

    def __hash__(self):
        return hash((self.__class__.__name__, *self._key()))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._compared)
        return f"{self.__class__.__name__}({inner})"

    def __setattr__(self, name, value):
        raise AttributeError(f"{self.__class__.__name__} is immutable: use .evolve({name}=...)")

    def __delattr__(self, name):
        raise AttributeError(f"{self.__class__.__name__} is immutable")

    def __reduce__(self):
        return _rebuild, (self.__class__, tuple([getattr(self, f) for f in self._fields]))

    def evolve(self, **changes):
        """A copy with some fields changed, built through __init__ (so its checks run again)."""
        values = {f: getattr(self, f) for f in self._fields}
        size = len(values)
        values.update(changes)
        if len(values) != size:     # a name that is not a field came in
            unknown = set(changes) - set(self._fields)
            raise TypeError(f"{self.__class__.__name__} has no field {sorted(unknown)[0]!r}")
        return self.__class__(**values)

    def asdict(self) -> dict:
        return {f: getattr(self, f) for f in self._fields}
