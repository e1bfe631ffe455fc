"""The AST and document nodes are frozen attrs classes whose repr, equality and hash are made once in
language.ast.node instead of generated and compiled per class by attrs. They must behave as attrs' own:
each node is compared with a twin, an attrs class of the same name and fields with attrs' methods."""
from __future__ import annotations

import attr
import pytest
from hypothesis import given, settings

from smmrules.documents import goals as document
from smmrules.documents.goals import parse_document
from smmrules.language import ast
from strategies import goals

NODE_CLASSES = [ast.Span, ast.Metric, ast.Baseline, ast.Target, ast.Deadline, ast.Secondary, ast.Part, ast.Goal,
                document.HeaderEntry, document.TaskEntry, document.CheckIn, document.GoalEntry,
                document.Suppression, document.StrayLine, document.Document]


_TWINS: dict = {}


def _twin(node):
    """The same values in an attrs class of the same name and fields, with attrs' own methods."""
    cls = type(node)
    if cls not in _TWINS:
        twin = _TWINS[cls] = attr.make_class(cls.__name__, [a.name for a in attr.fields(cls)], frozen=True)
        twin.__qualname__ = cls.__qualname__
    return _TWINS[cls](*(getattr(node, a.name) for a in attr.fields(cls)))


def _as_attrs_would_say(node) -> str:
    return repr(_twin(node))


def _nodes(value):
    """`value` and every node inside it (fields, tuples), depth first."""
    if attr.has(type(value)):
        yield value
        for a in attr.fields(type(value)):
            yield from _nodes(getattr(value, a.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from _nodes(item)


@pytest.mark.parametrize("cls", NODE_CLASSES)
def test_every_node_class_is_a_frozen_attrs_class_with_the_shared_repr(cls):
    assert attr.has(cls) and cls.__setattr__ is not object.__setattr__     # frozen
    assert cls.__repr__ is ast._node_repr
    assert cls.__eq__ is not object.__eq__ and cls.__hash__ is not object.__hash__


@settings(max_examples=150, deadline=None)
@given(goals(), goals())
def test_equality_and_hash_are_attrs_own(one, other):
    """Equal exactly when attrs' twins are equal; equal nodes hash alike; a node never equals a node of
    another class or another type of value, whatever its fields."""
    for a, b in [(one, other), (one, attr.evolve(one)), (one.span, other.span), (one.metric, other.metric),
                 (one.target, other.target), (one.deadline, other.deadline)]:
        assert (a == b) == (_twin(a) == _twin(b)) if a is not None and b is not None else True
        assert (a != b) == (not a == b)
        if a == b:
            assert hash(a) == hash(b)
    span = ast.Span(3, 1, 3, 9)
    assert span != (3, 1, 3, 9) and span == ast.Span(3, 1, 3, 9) and span != ast.Span(3, 1, 3, 10)
    assert ast.Span(1, 1, 1, 2) != document.StrayLine("x", 1, ast.Span(1, 1, 1, 2))
    assert len({one, attr.evolve(one), one}) == 1


@settings(max_examples=150, deadline=None)
@given(goals())
def test_a_goal_s_repr_is_attrs_own(goal):
    for node in _nodes(goal):
        assert repr(node) == _as_attrs_would_say(node)


def test_a_document_s_repr_is_attrs_own():
    doc = parse_document("client: Meadow Bakery\nstart: 2026-02-01\nlanguage: en\n\n"
                         "goal: grow newsletter subscribers from 1,200 to 2,000 by 2026-09  # smmrules: ignore[D605]\n"
                         "  task: send a weekly digest\n  current 2026-03-01: 1,400\nhello there\n",
                         today="2026-03-02")
    seen = {type(n) for n in _nodes(doc)}
    assert {document.Document, document.HeaderEntry, document.GoalEntry, document.TaskEntry, document.CheckIn,
            document.Suppression, document.StrayLine, ast.Goal, ast.Span} <= seen
    for node in _nodes(doc):
        assert repr(node) == _as_attrs_would_say(node)
