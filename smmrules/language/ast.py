"""The typed goal AST: frozen attrs classes, each carrying its source span."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..base.attrsimport import attr  # the attrs package, its own generated methods from the cache
from attr import validators as v

from ..base.languages import LANGS

CATEGORIES = ("sales", "leads", "awareness", "engagement", "loyalty", "communication", "traffic", "other")
DIRECTIONS = ("increase", "decrease", "reach", "achieve", "maintain")
PERIODS = ("day", "week", "month", "quarter", "year")
TARGET_KINDS = ("relative", "absolute", "range", "rank", "multiple")
# half: H1/H2; season: "by summer", «до кінця літа»; named: Black Friday, Christmas; event: "before the
# launch" (no date). docs/deadlines.md says what each resolves to.
DEADLINE_KINDS = ("date", "duration", "quarter", "period-end", "half", "season", "named", "event")


def _positive_int(inst, attr, value):
    if not isinstance(value, int) or value < 1:
        raise ValueError(f"{attr.name} must be a positive integer, got {value!r}", attr, value)


def _number(inst, attr, value):
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{attr.name} must be a number, got {value!r}", attr, value)
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{attr.name} must be finite, got {value!r}", attr, value)


def _node_repr(self) -> str:
    """What the repr attrs generates says, `Span(line=1, column=7, end_line=1, end_column=12)`: one
    function for every node class, where attrs would write and compile one per class on every run."""
    shown = []
    for a in self.__attrs_attrs__:
        if a.repr:
            value = getattr(self, a.name)
            shown.append(f"{a.name}={a.repr(value) if callable(a.repr) else repr(value)}")
    return f"{self.__class__.__qualname__.rsplit('>.', 1)[-1]}({', '.join(shown)})"


def node(cls):
    """The class decorator of AST and document nodes: a frozen attrs class (slots, validators,
    `attr.evolve`, `attr.fields`) whose repr, equality and hash are the ones attrs would give it
    (a node equals a node of the same class with equal fields, and hashes by its fields), made here
    from a C field getter instead of written and compiled per class by attrs: making the 15 node
    classes is paid on every `smmrules lint`, and generated methods were half of its cost."""
    import sys
    from operator import attrgetter
    from ..base import codecache
    attrs_module = sys.modules.get("attr._make")
    served = codecache.serving(attrs_module)    # attrs' __init__ compiled by the last runs (base/codecache.py)
    try:
        made = attr.frozen(repr=False, eq=False)(cls)
    finally:
        if served:
            codecache.done(attrs_module)
    names = [a.name for a in made.__attrs_attrs__]
    fields = attrgetter(*names) if len(names) > 1 else (lambda obj, _get=attrgetter(*names): (_get(obj),))
    salt = hash(made.__qualname__)

    def __eq__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return fields(self) == fields(other)

    def __ne__(self, other):
        if other.__class__ is not self.__class__:
            return NotImplemented
        return fields(self) != fields(other)

    def __hash__(self):
        return hash((salt, fields(self)))

    made.__repr__, made.__eq__, made.__ne__, made.__hash__ = _node_repr, __eq__, __ne__, __hash__
    return made


@node
class Span:
    """Where a node is in the source: 1-based line and column, end column exclusive."""
    line: int = attr.field(validator=_positive_int)
    column: int = attr.field(validator=_positive_int)
    end_line: int = attr.field(validator=_positive_int)
    end_column: int = attr.field(validator=_positive_int)

    def __attrs_post_init__(self):
        if (self.end_line, self.end_column) < (self.line, self.column):
            raise ValueError(f"span ends before it starts: {self!r}")

    def to_json(self) -> dict:
        return {"line": self.line, "column": self.column, "end_line": self.end_line, "end_column": self.end_column}

    @classmethod
    def from_json(cls, d: dict) -> "Span":
        return cls(d["line"], d["column"], d["end_line"], d["end_column"])

    def cover(self, other: "Span") -> "Span":
        start = min((self.line, self.column), (other.line, other.column))
        end = max((self.end_line, self.end_column), (other.end_line, other.end_column))
        return trusted_span(start[0], start[1], end[0], end[1])



_new = object.__new__
_SET_LINE, _SET_COLUMN, _SET_END_LINE, _SET_END_COLUMN = (
    Span.__dict__[name].__set__ for name in ("line", "column", "end_line", "end_column"))


def trusted_span(line: int, column: int, end_line: int, end_column: int) -> Span:
    """A Span made without its validators, for positions smmrules itself computed from positions that
    were already checked (a token's, a line's number and indentation, two spans covered): the same
    Span, a third of the work. Anything read from outside (JSON, an argument) goes through Span()."""
    span = _new(Span)
    _SET_LINE(span, line)
    _SET_COLUMN(span, column)
    _SET_END_LINE(span, end_line)
    _SET_END_COLUMN(span, end_column)
    return span

@node
class Metric:
    name: str
    text: str
    category: str = attr.field(validator=v.in_(CATEGORIES))
    span: Optional[Span] = None


@node
class Baseline:
    value: float = attr.field(validator=_number)
    unit: Optional[str] = None
    span: Optional[Span] = None

    def to_json(self) -> dict:
        return {"value": self.value, "unit": self.unit}


@node
class Target:
    kind: str = attr.field(validator=v.in_(TARGET_KINDS))
    value: Optional[float] = attr.field(default=None, validator=_number)
    low: Optional[float] = attr.field(default=None, validator=_number)
    high: Optional[float] = attr.field(default=None, validator=_number)
    unit: Optional[str] = None
    bound: Optional[str] = attr.field(default=None, validator=v.optional(v.in_(("ge", "le"))))
    span: Optional[Span] = None

    def __attrs_post_init__(self):
        if self.kind == "range":
            if self.low is None or self.high is None:
                raise ValueError("a range target needs low and high")
            if self.low > self.high:
                raise ValueError(f"range low {self.low} is above high {self.high}")
        elif self.value is None:
            raise ValueError(f"a {self.kind} target needs a value")

    def to_json(self) -> dict:
        return {"kind": self.kind, "value": self.value, "low": self.low, "high": self.high, "unit": self.unit}


@node
class Deadline:
    kind: str = attr.field(validator=v.in_(DEADLINE_KINDS))
    date: Optional[dt.date] = None
    duration: Optional[str] = None
    text: str = ""
    unit: Optional[str] = None          # for period-end: the period that ends
    span: Optional[Span] = None

    def to_json(self) -> dict:
        return {"kind": self.kind, "date": self.date.isoformat() if self.date else None,
                "duration": self.duration, "text": self.text}


@node
class Secondary:
    """A further metric of a compound goal ("... and leads"), with its target if any."""
    metric: Metric
    target: Optional[Target] = None
    span: Optional[Span] = None


@node
class Part:
    """One aim of a compound or listed goal ("raise awareness and win 100 new clients" has two),
    with its own metric, category, direction and target; the deadline is the goal's."""
    metric: Optional[Metric] = None
    category: str = attr.field(default="other", validator=v.in_(CATEGORIES))
    direction: Optional[str] = attr.field(default=None, validator=v.optional(v.in_(DIRECTIONS)))
    target: Optional[Target] = None
    span: Optional[Span] = None

    def to_json(self) -> dict:
        return {
            "metric": self.metric.name if self.metric else None,
            "metric_text": self.metric.text if self.metric else None,
            "category": self.category,
            "direction": self.direction,
            "target": self.target.to_json() if self.target else None,
            "span": self.span.to_json() if self.span else None,
        }

    @classmethod
    def from_json(cls, d: dict) -> "Part":
        metric = None
        if d.get("metric"):
            metric = Metric(d["metric"], d.get("metric_text") or d["metric"], d["category"])
        return cls(metric=metric, category=d["category"], direction=d.get("direction"),
                   target=_target_from_json(d.get("target")),
                   span=Span.from_json(d["span"]) if d.get("span") else None)


def _target_from_json(t: dict | None) -> Optional[Target]:
    return Target(t["kind"], t.get("value"), t.get("low"), t.get("high"), t.get("unit")) if t else None


@node
class Goal:
    text: str
    lang: str = attr.field(validator=v.in_(LANGS))
    direction: Optional[str] = attr.field(default=None, validator=v.optional(v.in_(DIRECTIONS)))
    metric: Optional[Metric] = None
    category: str = attr.field(default="other", validator=v.in_(CATEGORIES))
    period: Optional[str] = attr.field(default=None, validator=v.optional(v.in_(PERIODS)))
    channel: Optional[str] = None
    baseline: Optional[Baseline] = None
    target: Optional[Target] = None
    deadline: Optional[Deadline] = None
    secondary: tuple = ()
    per: Optional[str] = None            # "post" for targets counted per post
    vague: bool = False                  # "more", "better" with no number
    placeholder: bool = False            # X, N, "a certain" where a number should be
    method_numbers: tuple = ()           # numbers in a method clause, never the target
    cues: frozenset = frozenset()        # cue words found (grammar/cues.toml), e.g. "guarantee"
    start: Optional[dt.date] = None      # the date relative deadlines were resolved against
    span: Optional[Span] = None
    parts: tuple = ()                    # every aim of the statement (Part), in order; one for a simple goal
    unplaced: tuple = ()                 # content words read as nothing (neither keyword nor slot)
    time_text: Optional[str] = None      # a time expression with no date we can read ("soon", «к праздникам»)
    time_span: Optional[Span] = None     # where time_text is

    # -- JSON contract (`smmrules parse --format json`, README "Parsing goals") ---
    def to_json(self) -> dict:
        return {
            "text": self.text,
            "lang": self.lang,
            "category": self.category,
            "direction": self.direction,
            "metric": self.metric.name if self.metric else None,
            "metric_text": self.metric.text if self.metric else None,
            "period": self.period,
            "channel": self.channel,
            "baseline": self.baseline.to_json() if self.baseline else None,
            "target": self.target.to_json() if self.target else None,
            "deadline": self.deadline.to_json() if self.deadline else None,
            "span": self.span.to_json() if self.span else None,
            "parts": [p.to_json() for p in self.parts],
        }

    @classmethod
    def from_json(cls, d: dict) -> "Goal":
        span = Span.from_json(d["span"]) if d.get("span") else None
        metric = None
        if d.get("metric"):
            metric = Metric(d["metric"], d.get("metric_text") or d["metric"], d["category"])
        b = d.get("baseline")
        t = d.get("target")
        dl = d.get("deadline")
        return cls(
            text=d["text"], lang=d["lang"], direction=d.get("direction"), metric=metric,
            category=d["category"], period=d.get("period"), channel=d.get("channel"),
            baseline=Baseline(b["value"], b.get("unit")) if b else None,
            target=_target_from_json(t),
            deadline=Deadline(dl["kind"], dt.date.fromisoformat(dl["date"]) if dl.get("date") else None,
                              dl.get("duration"), dl.get("text", "")) if dl else None,
            span=span, parts=tuple(Part.from_json(p) for p in d.get("parts") or ()),
        )

    def render(self, lang: str | None = None) -> str:
        """The goal written out as a statement in `lang` (default: its own language)."""
        from .render import render_goal
        return render_goal(self, lang or self.lang)
