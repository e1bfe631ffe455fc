"""What a report says, in the client's language: for each brief its summary and, for each goal, the
statement, what smmrules read, the SMART scorecard, the status with its progress and check-ins, the
advice and the tasks. Plain dicts and lists (the JSON form of the report is this model as it is); the
HTML and Markdown writers only lay it out."""
from __future__ import annotations

import datetime as dt
import functools
from typing import Any, Optional

from ..base.resources import grammar_file
from ..rules.fields import amount, human_date, progress_values
from ..rules.measures import baseline_for, metric_info
from ..rules.tracking import track

SMART = ("S", "M", "A", "R", "T")
# the status a P rule reports (rules/progress.toml)
STATUS_OF_CODE = {"P701": "done", "P702": "on-track", "P703": "behind", "P704": "at-risk", "P705": "missed",
                  "P706": "unknown"}


@functools.lru_cache(maxsize=1)
def texts() -> dict:
    """The report's words per language (grammar/report.toml)."""
    from ..base.cache import data_file
    return data_file(grammar_file("report.toml"))


def _date(day: Optional[dt.date], lang: str) -> Optional[str]:
    return human_date(day, lang) if day is not None else None


def _metric_words(goal, lexicons, lang: str) -> Optional[str]:
    info = metric_info(goal, lexicons)
    if info is None:
        return goal.metric.text if goal.metric is not None else None
    words = info.display.get(lang) if info.display else None
    return words or goal.metric.text


def _target_words(goal, lang: str) -> Optional[str]:
    """The target as a client reads it: 5,000; 4-5%; top-3; ×2; +20%."""
    t = goal.target
    if t is None:
        return None
    w = texts()[lang]
    if t.kind == "range" and t.low is not None and t.high is not None:
        return f"{amount(t.low, lang)}\u2013{amount(t.high, lang, t.unit)}"
    if t.value is None:
        return None
    if t.kind == "rank":
        return w["rank"].format(value=amount(t.value, lang))
    if t.kind == "multiple":
        return w["multiple"].format(value=amount(t.value, lang))
    if t.kind == "relative":
        sign = "\u2212" if goal.direction == "decrease" else "+"
        return w["relative"].format(sign=sign, value=amount(t.value, lang, t.unit))
    return amount(t.value, lang, t.unit)


def _reading(goal, ctx, lexicons, lang: str) -> dict:
    base = baseline_for(goal, ctx)
    unit = goal.baseline.unit if goal.baseline is not None else (goal.target.unit if goal.target else None)
    d = goal.deadline
    from ..language.render import templates
    channel = templates()["channels"].get(goal.channel, goal.channel) if goal.channel else None
    return {"metric": _metric_words(goal, lexicons, lang), "channel": channel,
            "baseline": amount(base, lang, unit) if base is not None else None,
            "target": _target_words(goal, lang),
            "deadline": _date(d.date, lang) if d is not None and d.date is not None else (d.text if d else None)}


def _finding(f, about: Optional[str] = None, lang: str = "en") -> dict:
    """A finding as advice; `about`: the task or check-in line it is on, quoted before its message (the
    message of a task rule does not say which task it means)."""
    message = f.message
    if about is not None:
        from ..language.render import templates
        quote = templates()[lang]["quote"]
        message = f"{quote[0]}{about}{quote[1]}: {message}"
    return {"code": f.code, "level": f.level, "smart": f.smart, "line": f.line, "message": message}


def _goal_lines(entry) -> set[int]:
    return {entry.line} | {t.line for t in entry.tasks} | {c.span.line for c in entry.checkins if c.span}


def goal_report(n: int, entry, findings: list, ctx, rules, lang: str) -> dict:
    """One goal of a brief: `findings` are the findings on its lines (its statement, tasks, check-ins)."""
    w = texts()[lang]
    out: dict[str, Any] = {"n": n, "line": entry.line, "statement": entry.text, "reading": None, "error": None,
                           "smart": None, "status": "none", "status_label": w["statuses"]["none"],
                           "status_text": None, "progress": None, "expected": None, "current": None,
                           "points": [], "path": None, "advice": [], "tasks": [t.text for t in entry.tasks],
                           "suggested": [], "checkins": len(entry.checkins)}
    if entry.goal is None:
        out["error"] = next((f.message for f in findings if f.code.startswith("E")), entry.error.message)
        out["status"], out["status_label"] = "unknown", w["statuses"]["unknown"]
        out["advice"] = [_finding(f) for f in findings if not f.code.startswith("E")]
        return out
    goal = entry.goal
    lex = rules.lexicons
    out["reading"] = _reading(goal, ctx, lex, lang)
    smart = {letter: [] for letter in SMART}
    for f in findings:
        if f.smart in smart and f.level in ("error", "warning"):
            smart[f.smart].append(f.message)
    out["smart"] = smart
    status_findings = [f for f in findings if f.code in STATUS_OF_CODE and f.line == entry.line]
    tr = track(goal, entry.checkins, ctx, metric_info(goal, lex))
    unit = goal.target.unit if goal.target is not None else None
    if status_findings:
        out["status"] = STATUS_OF_CODE[status_findings[0].code]
        out["status_text"] = status_findings[0].message
    elif entry.checkins:
        out["status"] = tr.status        # the P rules are off or ignored here: the default thresholds
        out["status_text"] = progress_values(tr, lang, unit)["pace"].strip() or None
    out["status_label"] = w["statuses"][out["status"]]
    out["progress"], out["expected"] = tr.progress, tr.expected
    out["current"] = amount(tr.current, lang, unit) if tr.current is not None else None
    out["checkin_date"] = _date(tr.points[-1].date, lang) if tr.points else None
    out["points"] = [[p.date.isoformat(), p.value] for p in tr.points]
    if tr.start is not None and tr.deadline is not None and tr.baseline is not None and tr.level is not None \
            and tr.start < tr.deadline and goal.direction != "maintain":
        out["path"] = [[tr.start.isoformat(), tr.baseline], [tr.deadline.isoformat(), tr.level]]
    about = {t.line: t.text for t in entry.tasks}
    about.update({c.span.line: c.text for c in entry.checkins if c.span is not None})
    out["advice"] = [_finding(f, about.get(f.line), lang) for f in findings if f.code not in STATUS_OF_CODE]
    if rules.catalogue is not None:
        out["suggested"] = [t.title(lang) for t in rules.catalogue.for_category(goal.category, ctx.role)[:3]]
    return out


def brief_report(doc, findings: list, rules, lang: str) -> dict:
    """One brief (a parsed Document and its findings, in `lang`)."""
    w = texts()[lang]
    ctx = doc.context
    goals, taken = [], set()
    for n, entry in enumerate(doc.goals, start=1):
        lines = _goal_lines(entry)
        mine = [f for f in findings if f.line in lines]
        taken |= {id(f) for f in mine}
        goals.append(goal_report(n, entry, mine, ctx, rules, lang))
    deadlines = [g.goal.deadline.date for g in doc.goals
                 if g.goal is not None and g.goal.deadline is not None and g.goal.deadline.date is not None]
    counts = {s: 0 for s in ("done", "on-track", "behind", "at-risk", "missed", "unknown", "none")}
    for g in goals:
        counts[g["status"]] += 1
    return {"path": doc.path, "lang": lang,
            "client": doc.header_value("client"),
            "start": _date(ctx.start, lang), "end": _date(max(deadlines), lang) if deadlines else None,
            "role": w["roles"].get(ctx.role) if ctx.role else None,
            "goal_count": len(goals),
            "smart_count": sum(1 for g in goals if g["smart"] is not None and not any(g["smart"].values())),
            "status_counts": {k: v for k, v in counts.items() if v},
            "notes": [_finding(f) for f in findings if id(f) not in taken],
            "goals": goals, "error": None}


def error_report(path: str, message: str, lang: str) -> dict:
    """A brief that could not be read: its path and the one-line error."""
    return {"path": path, "lang": lang, "client": None, "start": None, "end": None, "role": None, "goal_count": 0,
            "smart_count": 0, "status_counts": {}, "notes": [], "goals": [], "error": message}
