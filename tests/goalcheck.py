"""Shared helper for table-driven parse tests: compare every slot of a parsed goal."""
from __future__ import annotations

import datetime as dt

from smmrules import parse_goal

TODAY = dt.date(2026, 1, 15)

# The slots a table row may state. Every row states all of them, so a test fails when any
# slot is wrong; rows use None for an empty slot.
SLOTS = ("lang", "category", "direction", "metric", "period", "channel", "baseline", "target", "deadline")


def slots(text: str, *, lang: str | None = None, today: dt.date | None = TODAY) -> dict:
    """The slots of a parsed goal in a compact, comparable form.

    baseline: (value, unit) or None
    target:   (kind, value, unit) for relative/absolute/rank/multiple, (kind, (low, high), unit) for range
    deadline: (kind, date as 'YYYY-MM-DD' or None, duration or None)
    """
    g = parse_goal(text, lang=lang, today=today)
    t = g.target
    if t is None:
        target = None
    elif t.kind == "range":
        target = ("range", (t.low, t.high), t.unit)
    else:
        target = (t.kind, t.value, t.unit)
    d = g.deadline
    return {
        "lang": g.lang,
        "category": g.category,
        "direction": g.direction,
        "metric": g.metric.name if g.metric else None,
        "period": g.period,
        "channel": g.channel,
        "baseline": (g.baseline.value, g.baseline.unit) if g.baseline else None,
        "target": target,
        "deadline": (d.kind, d.date.isoformat() if d.date else None, d.duration) if d else None,
    }


def row(text, lang, category, direction, metric, period, channel, baseline, target, deadline):
    """One table row; the order of the arguments is SLOTS' order after the text."""
    return (text, dict(zip(SLOTS, (lang, category, direction, metric, period, channel, baseline, target, deadline))))


# A valid team rule file (one rule, texts in three languages), shared by the CLI and config tests.
TEAM_RULES = '''[[rule]]
code = "X101"
name = "team.instagram-only"
smart = "none"
level = "error"
when = "goal.channel is not missing and goal.channel != \\"instagram\\""
bad = ["grow TikTok followers to 5,000 by 2026-06"]
good = ["grow Instagram followers to 5,000 by 2026-06"]
[rule.en]
message = "We only run {channel} campaigns on request."
summary = "Channels other than Instagram need approval."
what = "Flags goals on channels other than Instagram."
why = "The team's contract covers Instagram."
fix = "Get approval or move the goal to Instagram."
[rule.ru]
message = "Канал {channel} — только по согласованию."
summary = "Каналы, кроме Instagram, нужно согласовать."
what = "Находит цели в других каналах."
why = "Договор команды покрывает только Instagram."
fix = "Согласуйте канал или перенесите цель в Instagram."
[rule.uk]
message = "Канал {channel} — лише за погодженням."
summary = "Канали, крім Instagram, треба погодити."
what = "Знаходить цілі в інших каналах."
why = "Договір команди охоплює лише Instagram."
fix = "Погодьте канал або перенесіть ціль в Instagram."
'''


def assert_snapshot(path, actual: str) -> None:
    """`actual` is the text of the snapshot file at `path`; with SMMRULES_UPDATE_SNAPSHOTS=1 in the
    environment the file is written first (review the diff before committing it)."""
    import os
    if os.environ.get("SMMRULES_UPDATE_SNAPSHOTS"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"missing snapshot {path}: run with SMMRULES_UPDATE_SNAPSHOTS=1 to create it"
    assert actual == path.read_bytes().decode("utf-8")
