"""Goals back to text: Goal.render(lang) statements and the `parse --format tree` view.

A goal is read here by its attributes only: the AST module calls into this one (Goal.render), so
this one does not import the AST."""
from __future__ import annotations

import functools

from .lexicon import default_lexicons
from ..base.resources import grammar_file


@functools.lru_cache(maxsize=1)
def templates() -> dict:
    from ..base.cache import data_file
    return data_file(grammar_file("render.toml"))


def format_number(v) -> str:
    """A number as people write it in a goal: 20, 1.5, 5000."""
    return _num(v)


def _num(v, thousands: str = "") -> str:
    """A number as a statement writes it: no exponent, no trailing zeros, grouped by `thousands`."""
    if isinstance(v, float) and v == int(v) and abs(v) < 1e15:
        v = int(v)
    text = str(v) if isinstance(v, int) else format(v, "f").rstrip("0").rstrip(".")
    if not thousands:
        return text
    whole, dot, frac = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if len(digits) <= 3:
        return text
    # grouped, "2,025" can no longer be read as a year ("increase sales by 2025")
    groups = [digits[max(0, i - 3):i] for i in range(len(digits), 0, -3)][::-1]
    return sign + thousands.join(groups) + dot + frac


def _decimal_number(text: str):
    return int(text) if text.isdigit() else float(text)


def _duration_parts(duration: str):
    body = duration[1:]
    n, letter = body[:-1], body[-1]
    return n, {"D": "day", "W": "week", "M": "month", "Y": "year"}[letter]


def render_goal(goal, lang: str) -> str:
    t = templates()[lang]
    info = default_lexicons().metrics
    metric_name = goal.metric.name if goal.metric else None
    base_metric = metric_name
    if metric_name and metric_name not in info and "_per_" in metric_name:
        # likes_per_post: the metric counted per post (cost_per_follower is a metric of its own)
        base_metric = metric_name.rsplit("_per_", 1)[0]
    metric_words = info[base_metric].display.get(lang, base_metric) if base_metric in info else ""
    units = t["value_units"]
    sep = t.get("thousands", "")

    def num(v):
        return _num(v, sep)

    def unit(u):
        return units.get(u, f" {u}") if u else ""

    parts: dict[str, str] = {}
    target = goal.target
    direction = goal.direction or "increase"
    parts["verb"] = t["verb"][direction]
    if goal.period:
        parts["period"] = t["period"][goal.period]
    parts["metric"] = metric_words
    if goal.channel:
        parts["channel"] = t["channel"].format(channel=templates()["channels"].get(goal.channel, goal.channel))
    if goal.baseline:
        parts["baseline"] = t["baseline"].format(value=num(goal.baseline.value), unit=unit(goal.baseline.unit))
    if target is not None:
        if target.kind == "rank":
            parts["verb"] = ""
            parts["metric"] = ""
            parts["target"] = t["rank"].format(value=num(target.value), metric=metric_words)
        elif target.kind == "range":
            parts["target"] = t["range"].format(low=num(target.low), high=num(target.high), unit=unit(target.unit))
        elif target.kind == "multiple":
            parts["target"] = t["multiple"].format(value=num(target.value))
        elif target.kind == "relative":
            parts["target"] = t["relative"].format(value=num(target.value), unit=unit(target.unit))
        else:
            key = "absolute_maintain" if direction == "maintain" else "absolute"
            parts["target"] = t[key].format(value=num(target.value), unit=unit(target.unit))
    dl = goal.deadline
    if dl is not None:
        if dl.kind == "quarter" and dl.date is not None:
            parts["deadline"] = t["quarter"].format(q=(dl.date.month - 1) // 3 + 1, year=dl.date.year)
        elif dl.kind in ("date", "half", "season", "named") and dl.date is not None:
            parts["deadline"] = t["date"].format(date=dl.date.isoformat())
        elif dl.kind == "duration" and dl.duration and "T" not in dl.duration:   # PT24H: written as is
            n, u = _duration_parts(dl.duration)
            forms = t["units"][u]
            parts["deadline"] = t["duration"].format(n=num(_decimal_number(n)),
                                                     unit=forms[0] if n == "1" else forms[1])
        elif dl.kind == "period-end" and dl.unit in t["period_units"]:
            parts["deadline"] = t["period_end"].format(unit=t["period_units"][dl.unit])
        else:
            parts["deadline"] = dl.text
    return " ".join(p for p in (parts.get(k, "") for k in t["order"]) if p)


def _where(span) -> str:
    if span is None:
        return ""
    return f"  {span.line}:{span.column}-{span.end_line}:{span.end_column}"


def tree_text(goal) -> str:
    """An indented, human-readable view of a goal's slots."""
    lines = [f"goal [{goal.lang}] {goal.text!r}{_where(goal.span)}",
             f"  category: {goal.category}",
             f"  direction: {goal.direction}"]
    if goal.metric:
        lines.append(f"  metric: {goal.metric.name} ({goal.metric.text!r}){_where(goal.metric.span)}")
    for key in ("period", "channel"):
        if getattr(goal, key):
            lines.append(f"  {key}: {getattr(goal, key)}")
    if goal.baseline:
        lines.append(f"  baseline: {_num(goal.baseline.value)}{goal.baseline.unit or ''}{_where(goal.baseline.span)}")
    if goal.target:
        tg = goal.target
        val = f"{_num(tg.low)}-{_num(tg.high)}" if tg.kind == "range" else _num(tg.value)
        bound = {"ge": ">= ", "le": "<= "}.get(tg.bound, "")
        lines.append(f"  target: {tg.kind} {bound}{val}{tg.unit or ''}{_where(tg.span)}")
    if goal.deadline:
        d = goal.deadline
        when = d.date.isoformat() if d.date else (d.duration or ("no date" if d.kind == "event" else "unresolved"))
        lines.append(f"  deadline: {d.kind} {when} ({d.text!r}){_where(d.span)}")
    elif goal.time_text:
        lines.append(f"  deadline: none readable ({goal.time_text!r})")
    for s in goal.secondary:
        tgt = f" target {s.target.kind} {_num(s.target.value)}" if s.target and s.target.value is not None else ""
        lines.append(f"  secondary: {s.metric.name}{tgt}{_where(s.span)}")
    if len(goal.parts) > 1:
        for p in goal.parts:
            what = f"{p.metric.name} ({p.metric.text!r})" if p.metric else "no metric"
            tgt = ""
            if p.target is not None:
                val = f"{_num(p.target.low)}-{_num(p.target.high)}" if p.target.kind == "range" else _num(p.target.value)
                tgt = f", target {p.target.kind} {val}{p.target.unit or ''}"
            lines.append(f"  part: {what}, {p.category}, {p.direction}{tgt}{_where(p.span)}")
    if goal.unplaced:
        lines.append(f"  unplaced: {', '.join(repr(w) for w in goal.unplaced)}")
    if goal.vague:
        lines.append("  vague: yes")
    if goal.placeholder:
        lines.append("  placeholder: yes")
    return "\n".join(lines)
