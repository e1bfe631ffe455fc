"""What each kind of entity exposes to rules, in one place: its fields, their values, its spans and
its message placeholders.

A rule's `scope` names the kind of entity it is about: a goal statement, a task, a header entry, a
stray line, a suppression comment or a syntax error. SCOPE_TABLE holds a Scope for each, declaring
the fields a condition may read (name -> FieldType), how to get their values from the entity, where
a finding may point (the rule's `at`) and the placeholders its message may use. The rule file loader
checks rules against it and the engine evaluates (scope, entity) pairs through it; the document
checker only walks a document and builds the entities (GoalItem, TaskItem, ...). Every scope also
reads the document's fields (DOC_FIELDS). A new field is one entry in its scope's field table and one
in its values function, both here.
"""
from __future__ import annotations

from typing import Any, Callable

from ..base.record import Record, _set
from ..language.ast import CATEGORIES, DEADLINE_KINDS, DIRECTIONS, LANGS, PERIODS, TARGET_KINDS, Goal, Span
from ..language.context import ROLES, Context
from ..language.lexicon import UNIT_KINDS, LexiconSet, default_lexicons
from ..language.render import _num, format_number, templates
from .measures import concrete, deadline_months, metric_info, monthly_growth, target_hours, target_level
from .tracking import CHECKIN_PROBLEMS, MISSING, Tracking, checkin_problem, track
from ..metrics import STATUSES


class FieldType(Record):
    """kind: num | str | bool | date | list | obj (tested with "is missing" only); values: the
    allowed values of a str field (checked at load time)."""

    __slots__ = ("kind", "values")

    def __init__(self, kind: str, values: tuple | None = None):
        _set(self, "kind", kind)
        _set(self, "values", values)


NUM, STR, BOOL, DATE, LIST, OBJ = (FieldType(k) for k in ("num", "str", "bool", "date", "list", "obj"))


def _enum(values) -> FieldType:
    return FieldType("str", tuple(values))


class Scope(Record):
    """One kind of entity rules can be about.

    fields(lexicons): its own fields, name -> FieldType; values(entity, ctx, lexicons): their
    values (None when missing); spans: the `at` names a rule may point at, span(entity, at): the
    Span (the entity's whole span for a name it does not have); placeholders: the names its
    messages may use besides {opt_NAME}, messages(entity, env, ctx, lang): their values as text;
    lang(entity): the language of its messages when the run sets none (None for a scope whose
    messages follow the document's language)."""

    __slots__ = ("name", "fields", "values", "spans", "span", "placeholders", "messages", "lang")

    def __init__(self, name: str, fields: Callable, values: Callable, spans: tuple, span: Callable,
                 placeholders: tuple, messages: Callable, lang: Callable | None = None):
        _set(self, "name", name)
        _set(self, "fields", fields)
        _set(self, "values", values)
        _set(self, "spans", spans)
        _set(self, "span", span)
        _set(self, "placeholders", placeholders)
        _set(self, "messages", messages)
        _set(self, "lang", lang)


# -- the document: read by every scope ------------------------------------------------------------
DOC_FIELDS = {
    "doc.role": _enum(ROLES), "doc.paid_ads": BOOL, "doc.history_months": NUM,
    "doc.lead_processing": BOOL, "doc.start": DATE, "doc.budget": NUM,
    "ctx.today": DATE, "doc.format": _enum(("goals", "markdown", "csv", "tsv", "xlsx")),
}


def doc_values(ctx: Context) -> dict[str, Any]:
    """The document's field values (and `_baselines`, read by the doc.baseline() function)."""
    return {"doc.role": ctx.role, "doc.paid_ads": ctx.paid_ads, "doc.history_months": ctx.history_months,
            "doc.lead_processing": ctx.lead_processing, "doc.start": ctx.start, "doc.budget": ctx.budget,
            "ctx.today": ctx.today, "doc.format": ctx.format, "_baselines": ctx.baselines}


# -- goal ------------------------------------------------------------------------------------------
class GoalItem(Record):
    """A goal statement and what its document says about it (None outside a document): how many
    tasks it has, the line of an earlier copy of it or of an earlier goal with the same metric and
    another target, the catalogue that suggests tasks for it, and its check-ins (documents.goals.CheckIn)."""

    __slots__ = ("goal", "task_count", "duplicate_line", "conflict_line", "catalogue", "checkins")

    def __init__(self, goal: Goal, task_count: int | None = None, duplicate_line: int | None = None,
                 conflict_line: int | None = None, catalogue: Any = None, checkins: tuple = ()):
        _set(self, "goal", goal)
        _set(self, "task_count", task_count)
        _set(self, "duplicate_line", duplicate_line)
        _set(self, "conflict_line", conflict_line)
        _set(self, "catalogue", catalogue)
        _set(self, "checkins", checkins)


def _goal_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    cues = FieldType("list", tuple(sorted(lexicons.cue_names)))
    return {
        "goal.task_count": NUM, "goal.duplicate_line": NUM, "goal.conflict_line": NUM,
        "goal.text": STR, "goal.lang": _enum(LANGS), "goal.category": _enum(CATEGORIES),
        "goal.direction": _enum(DIRECTIONS), "goal.metric": STR, "goal.metric_text": STR,
        "goal.metric.unit_kind": _enum(UNIT_KINDS),
        "goal.period": _enum(PERIODS), "goal.channel": STR, "goal.per": STR,
        "goal.abstract": BOOL, "goal.activity": BOOL, "goal.vague": BOOL, "goal.placeholder": BOOL,
        "goal.concrete": BOOL,
        "goal.cues": cues, "goal.secondary": LIST, "goal.method_numbers": LIST,
        "goal.unplaced": LIST, "goal.parts": FieldType("list", CATEGORIES),
        "goal.target": OBJ, "goal.deadline": OBJ, "goal.baseline": OBJ,
        "goal.baseline.value": NUM, "goal.baseline.unit": STR,
        "goal.target.kind": _enum(TARGET_KINDS), "goal.target.value": NUM, "goal.target.low": NUM,
        "goal.target.high": NUM, "goal.target.unit": STR, "goal.target.bound": _enum(("ge", "le")),
        "goal.target.hours": NUM, "goal.target.level": NUM,
        "goal.deadline.kind": _enum(DEADLINE_KINDS), "goal.deadline.date": DATE,
        "goal.deadline.duration": STR, "goal.deadline.months": NUM, "goal.deadline.text": STR,
        "goal.monthly_growth": NUM, "goal.time_text": STR,
        "goal.checkins": NUM, "goal.current": NUM, "goal.progress": NUM, "goal.expected_progress": NUM,
        "goal.progress_ratio": NUM, "goal.pace": NUM, "goal.recent_pace": NUM, "goal.status": _enum(STATUSES),
        "goal.missing": _enum(MISSING),
    }


def _goal_values(item: GoalItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    goal = item.goal
    info = metric_info(goal, lexicons)
    t, d, b = goal.target, goal.deadline, goal.baseline
    months = deadline_months(goal, ctx)
    tr = track(goal, item.checkins, ctx, info)
    return {
        "goal.text": goal.text, "goal.lang": goal.lang, "goal.category": goal.category,
        "goal.direction": goal.direction, "goal.metric": goal.metric.name if goal.metric else None,
        "goal.metric_text": goal.metric.text if goal.metric else None,
        "goal.metric.unit_kind": info.unit_kind if info else None,
        "goal.period": goal.period, "goal.channel": goal.channel, "goal.per": goal.per,
        "goal.abstract": bool(info and info.abstract), "goal.activity": bool(info and info.activity),
        "goal.vague": goal.vague, "goal.placeholder": goal.placeholder,
        "goal.concrete": concrete(goal, info, lexicons),
        "goal.cues": tuple(sorted(goal.cues)), "goal.secondary": tuple(s.metric.name for s in goal.secondary),
        "goal.method_numbers": goal.method_numbers,
        "goal.unplaced": goal.unplaced, "goal.parts": tuple(p.category for p in goal.parts),
        "goal.target": True if t else None, "goal.deadline": True if d else None,
        "goal.baseline": True if b else None,
        "goal.baseline.value": b.value if b else None, "goal.baseline.unit": b.unit if b else None,
        "goal.target.kind": t.kind if t else None, "goal.target.value": t.value if t else None,
        "goal.target.low": t.low if t else None, "goal.target.high": t.high if t else None,
        "goal.target.unit": t.unit if t else None, "goal.target.bound": t.bound if t else None,
        "goal.target.hours": target_hours(goal), "goal.target.level": target_level(goal, ctx),
        "goal.deadline.kind": d.kind if d else None, "goal.deadline.date": d.date if d else None,
        "goal.deadline.duration": d.duration if d else None, "goal.deadline.months": months,
        "goal.deadline.text": d.text if d else None,
        "goal.monthly_growth": monthly_growth(goal, ctx, months),
        "goal.time_text": goal.time_text,
        "goal.task_count": item.task_count, "goal.duplicate_line": item.duplicate_line,
        "goal.conflict_line": item.conflict_line,
        "goal.checkins": len(item.checkins), "goal.current": tr.current, "goal.progress": tr.progress,
        "goal.expected_progress": tr.expected, "goal.progress_ratio": tr.ratio, "goal.pace": tr.pace,
        "goal.recent_pace": tr.recent_pace, "goal.status": tr.status, "goal.missing": tr.missing,
        "_tracking": tr,
    }


def goal_values(goal: Goal, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    """Every declared field's value for a goal outside a document (None when missing)."""
    env = doc_values(ctx)
    env.update(_goal_values(GoalItem(goal), ctx, lexicons))
    return env


def _goal_span(item: GoalItem, at: str) -> Span:
    goal = item.goal
    if at == "time":          # the time words with no date (Goal.time_span)
        return goal.time_span or goal.span
    part = getattr(goal, at, None) if at != "goal" else None
    return getattr(part, "span", None) or goal.span


class _Writer:
    """Numbers and units the way one language writes them in a message (templates()[lang])."""

    def __init__(self, lang: str):
        self.lang, self.t = lang, templates()[lang]

    def num(self, v) -> str:
        return format_number(v).replace(".", self.t["decimal"])

    def grouped(self, v) -> str:      # 100,000 / 100 000: a count as people read it
        return _num(v, self.t["thousands"]).replace(".", self.t["decimal"])

    def with_unit(self, v, unit) -> str:
        from ..base.languages import plural
        forms = self.t["unit_forms"]
        if unit in forms:       # 1 day, 3 дня, 5 днів: the form the number needs
            return f"{self.grouped(v)} {plural(v, forms[unit], self.lang)}"
        return self.grouped(v) + (self.t["value_units"].get(unit, f" {unit}") if unit else "")

    def target(self, tg) -> str:
        if tg is None:
            return ""
        if tg.kind == "range":
            return f"{self.grouped(tg.low)}-{self.with_unit(tg.high, tg.unit)}"
        if tg.kind == "rank":
            return self.t["rank_short"].format(value=self.num(tg.value))
        if tg.kind == "multiple":
            return f"x{self.num(tg.value)}"
        return self.with_unit(tg.value, tg.unit)

    def growth(self, growth) -> str:
        from ..base.languages import plural
        if growth is None:
            return ""
        factor = 1 + growth / 100
        if factor >= 2:         # from twofold up a multiple reads better than "9900%"
            shown = round(factor) if factor >= 10 else round(factor, 1)
            return self.t["growth_multiple"].format(value=self.num(shown), times=plural(shown, self.t["times"], self.lang))
        return self.t["growth_percent"].format(value=self.num(round(growth, 1)))


def message_values(goal: Goal, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    """Values for a goal's message placeholders, written the way `lang` writes numbers and units."""
    values = _named_values(goal, ctx, lang)
    values.update(_figure_values(goal, env, lang))
    return values


def _named_values(goal: Goal, ctx: Context, lang: str) -> dict[str, str]:
    """The placeholders of a goal's messages that are its words and names (message_values)."""
    info = metric_info(goal, default_lexicons())
    return {
        "metric": goal.metric.text if goal.metric else "",
        # the vocabulary's name of the metric in the message's language, in the nominative
        "metric_name": (info.label.get(lang) or info.name) if info is not None else "",
        "unit": (goal.target.unit or "") if goal.target is not None else "",
        "deadline": goal.deadline.text if goal.deadline else "",
        "period": goal.period or "",
        "channel": goal.channel or "",
        "category": templates()[lang]["categories"].get(goal.category, goal.category),
        "direction": goal.direction or "",
        "role": ctx.role or "",
        "text": goal.text,
        "time_text": goal.time_text or "",
    }


def _figure_values(goal: Goal, env: dict, lang: str) -> dict[str, str]:
    """The placeholders of a goal's messages that are its figures, written in `lang` (message_values)."""
    w = _Writer(lang)
    t = w.t
    tg, b = goal.target, goal.baseline
    months = env.get("goal.deadline.months")
    growth = env.get("goal.monthly_growth")
    return {
        "growth": w.growth(growth),
        "target": w.target(tg),
        "value": w.num(tg.value) if tg is not None and tg.value is not None else "",
        "months": w.num(round(months, 1)) if months is not None else "",
        "monthly_growth": w.num(round(growth, 1)) if growth is not None else "",
        "baseline": w.with_unit(b.value, b.unit) if b else "",
        # the words no reading fits, as a sentence of their own (empty when there are none)
        "unplaced": t["unplaced"].format(words=", ".join(
            t["quote"][0] + u + t["quote"][1] for u in goal.unplaced)) if goal.unplaced else "",
    }


def amount(v: float, lang: str, unit: str | None = None) -> str:
    """A measured value the way `lang` writes it to a client: grouped thousands, no more decimals than the
    size of the number needs (4,512; 37.5; 1.62), and the unit ("4.2%", "1.6 USD")."""
    t = templates()[lang]
    size = abs(v)
    v = round(v) if size >= 100 else round(v, 1) if size >= 10 else round(v, 2)
    whole, dot, frac = _num(v, t["thousands"]).partition(".")
    text = whole + (t["decimal"] + frac if dot else "")
    return text + (t["value_units"].get(unit, f" {unit}") if unit and unit != "rank" else "")


def human_date(day, lang: str) -> str:
    """A date the way `lang` writes it in a letter: "1 April 2026", «1 апреля 2026»."""
    t = templates()[lang]
    return t["date_format"].format(day=day.day, month=t["months"][day.month - 1], year=day.year)


def signed(v: float, lang: str, unit: str | None = None) -> str:
    """A change written with its sign, the way `lang` writes numbers ("+450", "\u22120,2")."""
    if round(v, 2) == 0:
        return amount(0.0, lang, unit)
    return ("+" if v > 0 else "\u2212") + amount(abs(v), lang, unit)


def progress_values(tr: Tracking, lang: str, unit: str | None = None) -> dict[str, str]:
    """The progress placeholders of a goal's messages: the share of the way made and expected, the current
    value, the date of the last check-in, the pace sentence and what is missing to know the status."""
    t = templates()[lang]
    pct = lambda v: "" if v is None else f"{round(v * 100):d}%"
    pace = ""
    change = "pp" if unit == "%" else unit        # a change of a percentage is in percentage points
    if tr.pace is not None:
        pace = " " + t["pace"].format(pace=signed(tr.pace, lang, change))
        if tr.recent_pace is not None:
            pace += t["recent_pace"].format(pace=signed(tr.recent_pace, lang, change))
        pace += "."
    return {"progress": pct(tr.progress), "expected_progress": pct(tr.expected),
            "current": "" if tr.current is None else amount(tr.current, lang, unit),
            "checkin_date": human_date(tr.points[-1].date, lang) if tr.points else "",
            "pace": pace, "missing": t["missing"].get(tr.missing, "") if tr.missing else "",
            "level": "" if tr.level is None else amount(tr.level, lang, unit)}


_NO_VALUE = object()


class LazyValues(dict):
    """Message placeholder values of which some groups are worked out only when a message asks for a
    name of theirs: most findings on a goal name one or two of its thirty placeholders, and writing
    out every figure, the progress and the catalogue's tasks for each of them was a tenth of
    checking a goal. `later`: (names, function giving those names' values) per group. Whatever
    looks at the whole mapping (a copy, its keys, `in`) gets every group first."""

    __slots__ = ("later",)

    def __init__(self, now: dict, later: list):
        super().__init__(now)
        self.later = later

    def _fill(self, name=_NO_VALUE) -> None:
        kept = []
        for names, make in self.later:
            if name is _NO_VALUE or name in names:
                self.update(make())
            else:
                kept.append((names, make))
        self.later = kept

    def get(self, name, default=None):
        value = dict.get(self, name, _NO_VALUE)
        if value is _NO_VALUE:
            if not self.later:
                return default
            self._fill(name)
            return dict.get(self, name, default)
        return value

    def __missing__(self, name):
        if self.later:
            self._fill(name)
            if dict.__contains__(self, name):
                return dict.__getitem__(self, name)
        raise KeyError(name)

    def __contains__(self, name) -> bool:
        self._fill()
        return dict.__contains__(self, name)

    def __iter__(self):
        self._fill()
        return dict.__iter__(self)

    def __len__(self) -> int:
        self._fill()
        return dict.__len__(self)

    def keys(self):
        self._fill()
        return dict.keys(self)

    def items(self):
        self._fill()
        return dict.items(self)

    def values(self):
        self._fill()
        return dict.values(self)

    def copy(self) -> dict:
        self._fill()
        return dict(dict.items(self))

    def __eq__(self, other) -> bool:
        self._fill()
        return dict.__eq__(self, other)

    __hash__ = None

    def __reduce__(self):
        return dict, (self.copy(),)

    def __repr__(self) -> str:
        self._fill()
        return dict.__repr__(self)


_FIGURES = ("growth", "target", "value", "months", "monthly_growth", "baseline", "unplaced")
_PROGRESS = ("progress", "expected_progress", "current", "checkin_date", "pace", "missing", "level")
_SUGGESTED = ("suggested_tasks", "catalogue_hint")


def _goal_messages(item: GoalItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    goal = item.goal
    values = _named_values(goal, ctx, lang)
    values["other_line"] = str(item.duplicate_line or item.conflict_line or "")
    return LazyValues(values, [
        (_FIGURES, lambda: _figure_values(goal, env, lang)),
        (_PROGRESS, lambda: progress_values(env["_tracking"], lang, goal.target.unit if goal.target else None)),
        (_SUGGESTED, lambda: _suggested(item, ctx, lang))])


def _suggested(item: GoalItem, ctx: Context, lang: str) -> dict[str, str]:
    """The catalogue's first three tasks for a goal, as its messages name them."""
    suggested = ""
    if item.catalogue is not None:
        metric = item.goal.metric.name if item.goal.metric is not None else None
        tasks = item.catalogue.ranked(metric, item.goal.category, ctx.role)[:3]
        suggested = "; ".join(task.title(lang) for task in tasks)
    # the tasks as a sentence of their own, empty when the catalogue has none for the goal
    return {"suggested_tasks": suggested,
            "catalogue_hint": templates()[lang]["from_catalogue"].format(tasks=suggested) if suggested else ""}


# -- header entries ----------------------------------------------------------------------------------
class HeaderItem(Record):
    """A header entry (documents.goals.HeaderEntry); duplicate: its key came earlier; first_line:
    the line where its key first appears (None for an unknown key)."""

    __slots__ = ("entry", "duplicate", "first_line")

    def __init__(self, entry: Any, duplicate: bool = False, first_line: int | None = None):
        _set(self, "entry", entry)
        _set(self, "duplicate", duplicate)
        _set(self, "first_line", first_line)


def _header_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    return {"header.key": STR, "header.known": BOOL, "header.duplicate": BOOL, "header.error": STR,
            "header.type": STR}


def _header_values(item: HeaderItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    from ..documents.goals import keywords
    h = item.entry
    return {"header.key": h.key, "header.known": h.key is not None, "header.duplicate": item.duplicate,
            "header.error": h.error, "header.type": keywords().types.get(h.key) if h.key else None}


def _header_span(item: HeaderItem, at: str) -> Span:
    h = item.entry
    return {"key": h.key_span, "value": h.value_span}.get(at) or h.span


def _header_messages(item: HeaderItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    from ..documents.goals import header_suggestion, keywords
    t = templates()[lang]
    h = item.entry
    hint = header_suggestion(h.raw_key)
    return {"key": h.raw_key, "hint": t["did_you_mean"].format(hint) if hint else "",
            "expected": t["expected"].get(keywords().types.get(h.key, ""), "") if h.key else "",
            "other_line": "" if item.first_line is None else str(item.first_line)}


# -- tasks ---------------------------------------------------------------------------------------------
class TaskItem(Record):
    """A task line (documents.goals.TaskEntry); orphan: it comes before any goal; goal: the Goal it
    belongs to (None for an orphan or under a goal that did not parse); profile: what its words
    say (doccheck.task_profile: categories, cues, frequency_low, frequency_high)."""

    __slots__ = ("task", "orphan", "goal", "profile")

    def __init__(self, task: Any, orphan: bool, goal: Goal | None, profile: dict):
        _set(self, "task", task)
        _set(self, "orphan", orphan)
        _set(self, "goal", goal)
        _set(self, "profile", profile)


def _task_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    return {"task.text": STR, "task.orphan": BOOL, "task.categories": FieldType("list", CATEGORIES),
            "task.goal_category": _enum(CATEGORIES), "task.serves_goal": BOOL, "task.kind": _enum(CATEGORIES),
            "task.cues": FieldType("list", tuple(sorted(lexicons.cue_names))), "task.frequency_low": NUM,
            "task.frequency_high": NUM}


def _task_values(item: TaskItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    prof = item.profile
    goal_cat = item.goal.category if item.goal is not None else None
    return {"task.text": item.task.text, "task.orphan": item.orphan, "task.categories": prof["categories"],
            "task.goal_category": goal_cat,
            "task.serves_goal": prof["serves_goal"], "task.kind": prof["kinds"][0] if prof["kinds"] else None,
            "task.cues": prof["cues"], "task.frequency_low": prof["frequency_low"],
            "task.frequency_high": prof["frequency_high"]}


def _task_span(item: TaskItem, at: str) -> Span:
    return item.task.span


def _task_messages(item: TaskItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    low, high = item.profile["frequency_low"], item.profile["frequency_high"]
    goal_cat = item.goal.category if item.goal is not None else None
    kind = item.profile["kinds"][0] if item.profile["kinds"] else None
    names = templates()[lang]["categories"]
    return {"task": item.task.text,
            "frequency": "" if low is None else (f"{low:g}" if low == high else f"{low:g}-{high:g}"),
            "category": names.get(goal_cat, goal_cat or ""), "task_kind": names.get(kind, kind or "")}


# -- stray lines (documents.goals.StrayLine) ------------------------------------------------------------
def _line_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    return {"line.text": STR}


def _line_values(line: Any, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    return {"line.text": line.text}


def _line_span(line: Any, at: str) -> Span:
    return line.span


def _line_messages(line: Any, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    return {"text": line.text}


# -- suppression comments ----------------------------------------------------------------------------
class SuppressionItem(Record):
    """A suppression comment (documents.goals.Suppression) after filtering: whether it silenced
    nothing, its unknown codes and its renamed ones ("S105 \u2192 R404"), and the known codes
    closest to the unknown ones (for "did you mean")."""

    __slots__ = ("suppression", "unused", "unknown", "renamed", "closest")

    def __init__(self, suppression: Any, unused: bool = False, unknown: tuple = (), renamed: Any = (),
                 closest: tuple = ()):
        _set(self, "suppression", suppression)
        _set(self, "unused", unused)
        _set(self, "unknown", unknown)
        _set(self, "renamed", renamed)
        _set(self, "closest", closest)


def _suppression_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    return {"suppression.unused": BOOL, "suppression.unknown": LIST, "suppression.renamed": LIST,
            "suppression.file_wide": BOOL}


def _suppression_values(item: SuppressionItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    return {"suppression.unused": item.unused, "suppression.unknown": item.unknown,
            "suppression.renamed": item.renamed, "suppression.file_wide": item.suppression.file_wide}


def _suppression_span(item: SuppressionItem, at: str) -> Span:
    return item.suppression.span


def _suppression_messages(item: SuppressionItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    hint = templates()[lang]["did_you_mean"].format(", ".join(item.closest)) if item.closest else ""
    return {"codes": ", ".join(item.unknown or item.suppression.codes), "renamed": ", ".join(item.renamed),
            "hint": hint}


# -- the document as a whole ---------------------------------------------------------------------------
class DocumentItem(Record):
    """A whole document (documents.goals.Document): what it holds, for rules about the brief itself."""

    __slots__ = ("document",)

    def __init__(self, document: Any):
        _set(self, "document", document)


def _document_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    return {"document.goals": NUM, "document.header_entries": NUM, "document.empty": BOOL}


def _document_values(item: DocumentItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    d = item.document
    return {"document.goals": len(d.goals), "document.header_entries": len(d.header),
            "document.empty": not (d.goals or d.header or d.orphan_tasks or d.stray)}


def _document_span(item: DocumentItem, at: str) -> Span:
    return Span(1, 1, 1, 1)


def _document_messages(item: DocumentItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    return {}


# -- syntax errors -------------------------------------------------------------------------------------
class SyntaxItem(Record):
    """A goal that did not parse: its GoalSyntaxError and the document line it is on ("" when the
    line is not in the document)."""

    __slots__ = ("error", "line_text")

    def __init__(self, error: Any, line_text: str = ""):
        _set(self, "error", error)
        _set(self, "line_text", line_text)


def _syntax_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    return {"syntax.code": STR, "syntax.text": STR}


def _syntax_values(item: SyntaxItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    return {"syntax.code": item.error.code, "syntax.text": item.error.text}


def _syntax_span(item: SyntaxItem, at: str) -> Span:
    err = item.error
    # err.text may be a stray character's printable name ('U+001B'): underline what is written
    written = item.line_text[err.column - 1:]
    width = len(err.text) if err.text and written.startswith(err.text) else 1
    return Span(err.line, err.column, err.line, err.column + width)


def _syntax_messages(item: SyntaxItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    return {"text": item.error.text or ""}


# -- check-ins ------------------------------------------------------------------------------------------
class CheckInItem(Record):
    """A check-in line under a goal (documents.goals.CheckIn) and the Goal it reports on (None under a goal
    that did not parse)."""

    __slots__ = ("checkin", "goal")

    def __init__(self, checkin: Any, goal: Goal | None):
        _set(self, "checkin", checkin)
        _set(self, "goal", goal)


def _checkin_fields(lexicons: LexiconSet) -> dict[str, FieldType]:
    from ..documents.goals import CHECKIN_ERRORS
    return {"checkin.error": _enum(CHECKIN_ERRORS), "checkin.problem": _enum(CHECKIN_PROBLEMS),
            "checkin.value": NUM, "checkin.unit": STR, "checkin.date": DATE}


def _checkin_values(item: CheckInItem, ctx: Context, lexicons: LexiconSet) -> dict[str, Any]:
    c = item.checkin
    problem = None
    if c.error is None and item.goal is not None:
        problem = checkin_problem(c, item.goal, metric_info(item.goal, lexicons), ctx)[0]
    return {"checkin.error": c.error, "checkin.problem": problem, "checkin.value": c.value,
            "checkin.unit": c.unit, "checkin.date": c.date}


def _checkin_span(item: CheckInItem, at: str) -> Span:
    return item.checkin.span


def _checkin_messages(item: CheckInItem, env: dict, ctx: Context, lang: str) -> dict[str, str]:
    goal = item.goal
    return {"text": item.checkin.text, "metric": goal.metric.text if goal is not None and goal.metric else "",
            "date": human_date(item.checkin.date, lang) if item.checkin.date else "",
            "target": message_values(goal, env, ctx, lang)["target"] if goal is not None else ""}


_GOAL_PLACEHOLDERS = ("metric", "target", "value", "unit", "deadline", "months", "monthly_growth", "period",
                      "channel", "category", "direction", "baseline", "role", "text", "unplaced", "time_text",
                      "other_line", "suggested_tasks", "progress", "expected_progress", "current", "checkin_date",
                      "pace", "missing", "level", "metric_name", "growth", "catalogue_hint")

SCOPE_TABLE: dict[str, Scope] = {
    "goal": Scope("goal", _goal_fields, _goal_values, ("goal", "metric", "target", "deadline", "baseline", "time"),
                  _goal_span, _GOAL_PLACEHOLDERS, _goal_messages, lang=lambda item: item.goal.lang),
    "task": Scope("task", _task_fields, _task_values, ("goal",), _task_span, ("task", "frequency", "category", "task_kind"),
                  _task_messages),
    "header": Scope("header", _header_fields, _header_values, ("goal", "key", "value"), _header_span,
                    ("key", "hint", "expected", "other_line"), _header_messages),
    "line": Scope("line", _line_fields, _line_values, ("goal",), _line_span, ("text",), _line_messages),
    "suppression": Scope("suppression", _suppression_fields, _suppression_values, ("goal",), _suppression_span,
                         ("codes", "renamed", "hint"), _suppression_messages),
    "syntax": Scope("syntax", _syntax_fields, _syntax_values, ("goal",), _syntax_span, ("text",),
                    _syntax_messages),
    "checkin": Scope("checkin", _checkin_fields, _checkin_values, ("goal",), _checkin_span,
                     ("text", "metric", "date", "target"), _checkin_messages),
    "document": Scope("document", _document_fields, _document_values, ("goal",), _document_span, (),
                      _document_messages),
}
SCOPES = tuple(SCOPE_TABLE)
# every `at` and every placeholder of some scope, in order
AT = tuple(dict.fromkeys(a for s in SCOPE_TABLE.values() for a in s.spans))
PLACEHOLDERS = tuple(dict.fromkeys(p for s in SCOPE_TABLE.values() for p in s.placeholders))


def declared_fields(lexicons: LexiconSet, scope: str = "goal") -> dict[str, FieldType]:
    """The fields a rule of `scope` may read: its own entity's, plus the document's."""
    return {**SCOPE_TABLE[scope].fields(lexicons), **DOC_FIELDS}
