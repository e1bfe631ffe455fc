"""What the editor shows over a goal (what smmrules read from it) and over a finding (its rule's
explanation), as Markdown in the document's language."""
from __future__ import annotations

import datetime as dt

from ..language.render import format_number, templates
from .texts import texts

SMART = "SMART"


def goal_at(doc, line: int):
    """The goal entry written on `line` (1-based), or None."""
    for entry in doc.goals:
        if entry.line == line:
            return entry
    return None


def findings_at(findings, line: int, column: int) -> list:
    """The findings whose span holds the 1-based position (an empty span holds its own column)."""
    out = []
    for f in findings:
        start, end = (f.line, f.column), (f.end_line, f.end_column)
        if end <= start:
            end = (f.line, f.column + 1)
        if start <= (line, column) < end:
            out.append(f)
    return out


def _number(value, lang: str) -> str:
    return format_number(value).replace(".", templates()[lang]["decimal"])


def _amount(value, unit, lang: str) -> str:
    units = templates()[lang]["value_units"]
    return _number(value, lang) + (units.get(unit, f" {unit}") if unit else "")


def _target(goal, lang: str) -> str | None:
    t = goal.target
    if t is None:
        return None
    if t.kind == "range":
        return f"{_number(t.low, lang)}–{_amount(t.high, t.unit, lang)}"
    if t.kind == "rank":
        return templates()[lang]["rank_short"].format(value=_number(t.value, lang))
    if t.kind == "multiple":
        return f"×{_number(t.value, lang)}"
    if t.kind == "relative":
        sign = "−" if goal.direction == "decrease" else "+"
        return sign + _amount(t.value, t.unit, lang)
    bound = {"ge": "≥ ", "le": "≤ "}.get(t.bound, "")
    return bound + _amount(t.value, t.unit, lang)


def metric_words(name: str, lang: str) -> str:
    """A metric's name in `lang` (grammar/metrics.toml), as Goal.render writes it."""
    from ..language.lexicon import default_lexicons
    info = default_lexicons().metrics
    base = name if name in info or "_per_" not in name else name.rsplit("_per_", 1)[0]
    return info[base].display.get(lang, base) if base in info else name


def _deadline(goal, today_goal, lang: str, words: dict) -> str:
    d = goal.deadline
    if d is None:
        return words["not_given"]
    if d.date is not None:
        return d.date.isoformat()
    late = today_goal.deadline if today_goal is not None else None
    if late is not None and late.date is not None:
        return words["from_today"].format(date=late.date.isoformat())
    return words["no_date"].format(text=d.text)


def goal_hover(entry, doc, findings, lang: str, today: dt.date | None = None) -> str:
    """Markdown: the goal's metric, baseline and target, deadline as a date, category and which
    SMART letters its findings say are missing."""
    goal = entry.goal
    if goal is None:
        return ""
    words = texts(lang)
    lines = [f"**{words['read']}**", ""]
    metric = metric_words(goal.metric.name, lang) if goal.metric else words["not_given"]
    lines.append(f"- {words['metric']}: {metric}")
    if goal.channel:
        lines.append(f"- {words['channel']}: {templates()['channels'].get(goal.channel, goal.channel)}")
    if goal.baseline is not None:
        before = _amount(goal.baseline.value, goal.baseline.unit, lang)
    elif goal.metric is not None and goal.metric.name in doc.context.baselines:
        before = _number(doc.context.baselines[goal.metric.name], lang)
    else:
        before = words["not_given"]
    lines.append(f"- {words['change']}: {before} → {_target(goal, lang) or words['not_given']}")
    today_goal = None
    if goal.deadline is not None and goal.deadline.date is None and goal.start is None:
        # no start in the header and no --today: count the deadline from today, as the team would
        from ..language.parse import parse_goal
        try:
            today_goal = parse_goal(goal.text, lang=goal.lang, today=today or dt.date.today())
        except Exception:  # noqa: BLE001 - only a nicer hover is lost
            today_goal = None
    lines.append(f"- {words['deadline']}: {_deadline(goal, today_goal, lang, words)}")
    lines.append(f"- {words['category']}: {templates()[lang]['categories'].get(goal.category, goal.category)}")
    mine = [f for f in findings if f.line == entry.line]
    letters = []
    for letter in SMART:
        codes = sorted({f.code for f in mine if f.smart == letter})
        letters.append(f"{letter} ✗ ({', '.join(codes)})" if codes else f"{letter} ✓")
    lines.append(f"- {words['smart']}: " + " · ".join(letters))
    return "\n".join(lines)


def finding_hover(finding, rules, lang: str) -> str:
    """Markdown: the explanation of the finding's rule (`smmrules explain CODE`) in `lang`."""
    from ..rules.explain import headings
    rule = rules.get(finding.code) if rules is not None else None
    if rule is None:
        return f"**{finding.code}** {finding.message}"
    h = headings(lang)
    out = [f"**{rule.code}** `{rule.name}` ({h['smart']}: {rule.smart or h['none']}, {h['level']}: {finding.level})",
           "", rule.text("summary", lang)]
    for key in ("what", "why", "fix"):
        out += ["", f"*{h[key]}*: {rule.text(key, lang)}"]
    return "\n".join(out)
