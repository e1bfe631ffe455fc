"""The report as Markdown, for pasting into a document or a chat: the same content as the HTML page,
with user text escaped so that it cannot become a link, an image, HTML or a heading."""
from __future__ import annotations

import datetime as dt
import re

from .html import MAX_SHOWN
from .model import SMART, texts

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~])")


def _u(text) -> str:
    """User text on one line: cut, control characters and line breaks made spaces, Markdown escaped."""
    text = str(text)
    if len(text) > MAX_SHOWN:
        text = text[:MAX_SHOWN] + f" \u2026 (+{len(text) - MAX_SHOWN:,})"
    text = "".join(" " if (ord(c) < 32 or 0x7f <= ord(c) < 0xa0 or 0x202a <= ord(c) <= 0x202e
                           or 0x2066 <= ord(c) <= 0x2069) else c for c in text)
    return _SPECIAL.sub(r"\\\1", text)


def _bar(progress) -> str:
    made = 0.0 if progress is None else max(0.0, min(1.0, progress))
    full = round(made * 20)
    return "\u2588" * full + "\u2591" * (20 - full) + f" {round((progress or 0) * 100)}%"


def _goal(goal: dict, lang: str) -> list[str]:
    w = texts()[lang]
    out = [f"### {w['goal_heading'].format(n=goal['n'])} \u2014 {w['statuses'][goal['status']]}", "",
           f"> {_u(goal['statement'])}", ""]
    if goal["error"] is not None:
        out += [f"{w['unreadable']} {_u(goal['error'])}", ""]
    if goal["reading"] is not None:
        r = goal["reading"]
        out += [f"**{w['reading']}**", ""]
        for key in ("metric", "channel", "baseline", "target", "deadline"):
            if r[key] or key != "channel":
                out.append(f"- {w[key]}: {_u(r[key]) if r[key] else w['not_stated']}")
        out += ["", f"**{w['scorecard']}**", ""]
        for letter in SMART:
            reasons = goal["smart"][letter]
            mark = "\u2717" if reasons else "\u2713"
            line = f"- {mark} {letter} ({w['letters'][letter]})"
            out.append(line + (": " + "; ".join(_u(x) for x in reasons) if reasons else f": {w['letter_ok']}"))
        out.append("")
    out += [f"**{w['status']}**: {w['statuses'][goal['status']]}", ""]
    if goal["checkins"] or goal["status_text"]:
        if goal["progress"] is not None:
            out += [f"`{_bar(goal['progress'])}`", ""]
        if goal["current"] is not None:
            date = f" ({goal['checkin_date']})" if goal.get("checkin_date") else ""
            out += [f"{w['current']}: **{goal['current']}**{date}", ""]
        if goal["status_text"]:
            out += [_u(goal["status_text"]), ""]
    else:
        out += [w["no_checkins"], ""]
    for key, items in (("advice", [a["message"] for a in goal["advice"]]), ("tasks", goal["tasks"]),
                       ("suggested", goal["suggested"])):
        if items:
            out += [f"**{w[key]}**", ""] + [f"- {_u(x)}" for x in items] + [""]
    return out


def render_markdown(report: dict) -> str:
    from ..rules.fields import human_date
    lang = report["lang"]
    w = texts()[lang]
    today = human_date(dt.date.fromisoformat(report["today"]), lang)
    out = [f"# {w['title']}", "", f"{w['prepared']}: {today}", ""]
    several = len(report["briefs"]) > 1
    for brief in report["briefs"]:
        bw = texts()[brief["lang"]]
        if several or brief["error"] is not None:
            out += [f"## {_u(brief['client'] or brief['path'])}", ""]
        if brief["error"] is not None:
            out += [f"{bw['file_error']} {_u(brief['error'])}", ""]
            continue
        if brief["client"]:
            out.append(f"- {bw['client']}: {_u(brief['client'])}")
        if brief["start"] or brief["end"]:
            out.append(f"- {bw['period']}: " + bw["from_to"].format(**{"from": brief["start"] or "\u2026",
                                                                          "to": brief["end"] or "\u2026"}))
        if brief["role"]:
            out.append(f"- {bw['role']}: {brief['role']}")
        out.append(f"- {bw['goals']}: {brief['goal_count']}")
        out.append(f"- {bw['smart_goals']}: {brief['smart_count']} / {brief['goal_count']}")
        if brief["status_counts"]:
            out.append("- " + " \u00b7 ".join(f"{bw['statuses'][s]}: {n}" for s, n in brief["status_counts"].items()))
        out.append("")
        if brief["notes"]:
            out += [f"**{bw['notes']}**", ""] + [f"- {_u(n['message'])}" for n in brief["notes"]] + [""]
        for goal in brief["goals"]:
            out += _goal(goal, brief["lang"])
    out += ["---", "", w["footer"].format(date=today), ""]
    return "\n".join(out)
