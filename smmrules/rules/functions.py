"""The functions rule conditions may call: their signatures (checked when a rule file loads) and
their implementations (a missing argument makes the result missing)."""
from __future__ import annotations

from typing import Callable

from ..base.record import Record, _set
from ..language.normalize import months_between


class FunctionSig(Record):
    """args: argument kinds ("*num" = any number of nums); returns: the result's kind."""

    __slots__ = ("args", "returns")

    def __init__(self, args: tuple, returns: str):
        _set(self, "args", args)
        _set(self, "returns", returns)


FUNCTIONS: dict[str, FunctionSig] = {
    "count": FunctionSig(("list",), "num"),
    "months_between": FunctionSig(("date", "date"), "num"),
    "max": FunctionSig(("*num",), "num"),
    "min": FunctionSig(("*num",), "num"),
    "abs": FunctionSig(("num",), "num"),
    "doc.baseline": FunctionSig(("str",), "num"),
}


def _fn_count(xs):
    return None if xs is None else len(xs)


def _fn_months_between(a, b):
    return None if a is None or b is None else months_between(a, b)


def _fn_max(*xs):
    xs = [x for x in xs if x is not None]
    return max(xs) if xs else None


def _fn_min(*xs):
    xs = [x for x in xs if x is not None]
    return min(xs) if xs else None


def _fn_abs(x):
    return None if x is None else abs(x)


FUNCTION_IMPLS: dict[str, Callable] = {
    "count": _fn_count, "months_between": _fn_months_between, "max": _fn_max, "min": _fn_min,
    "abs": _fn_abs,
}
