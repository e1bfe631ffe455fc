"""Rules over a whole goal document: each goal, task, header entry, stray line and syntax error."""
from __future__ import annotations

from typing import Iterable

from ..base.lazyre import LazyPattern
from ..language.ast import Span
from .catalogue import Catalogue
from ..documents.goals import Document, GoalEntry, TaskEntry, header_suggestion, keywords
from .engine import RuleSet
from .fields import doc_values, goal_values
from .findings import Finding
from ..language.lexicon import normalize_word
from ..language.render import templates
from ..language.tokenizer import tokenize

_FREQ_RE = LazyPattern(r"(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?")


def _words(text: str) -> list[str]:
    try:
        raw = tokenize(text)
    except Exception:  # noqa: BLE001 - a task is free text; a stray symbol only means no cues
        return []
    return [normalize_word(t.text) if t.kind == "word" else "" for t in raw]


def task_profile(text: str, lang: str, rules: RuleSet) -> dict:
    """Categories a task serves (its metric's and its cue words'), its cues and ad frequency."""
    from ..base.limits import MAX_STATEMENT
    text = text[:MAX_STATEMENT]  # a task is read for hints only: a huge line costs no more than a statement
    lex = rules.lexicons
    words = _words(text)
    cues = lex.cues_in(words, lang)
    cats = {c[len("serves-"):] for c in cues if c.startswith("serves-")}
    # the metric words a task names (no full parse: a task is free text, not a goal statement)
    for i, w in enumerate(words):
        if w:
            for r in lex[lang].readings(words, i):
                if r.terminal == "METRIC":
                    category = lex.metrics[r.value].category
                    if category != "other":
                        cats.add(category)
    low = high = None
    if "frequency" in cues:
        lx = lex.cues[lang]
        # the first number after the word that named the frequency
        lowered = normalize_word(text)
        for i, w in enumerate(words):
            if w and any(r.value == "frequency" for r in lx.readings(words, i)):
                at = lowered.find(w)
                m = _FREQ_RE.search(lowered, at if at >= 0 else 0)
                if m:
                    low = float(m.group(1).replace(",", "."))
                    high = float(m.group(2).replace(",", ".")) if m.group(2) else low
                break
    return {"categories": tuple(sorted(cats)), "cues": tuple(sorted(c for c in cues if not c.startswith("serves-"))),
            "frequency_low": low, "frequency_high": high}


def _suggested(catalogue: Catalogue, category: str, role, lang: str, limit: int = 3) -> str:
    tasks = catalogue.for_category(category, role)[:limit]
    return "; ".join(t.title(lang) for t in tasks)


def _target_key(goal) -> tuple | None:
    t = goal.target
    if t is None:
        return None
    return (t.kind, t.value, t.low, t.high, t.unit)


def check_document(doc: Document, rules: RuleSet, *, lang: str | None = None) -> list[Finding]:
    """Every finding of every scope for one parsed document (before suppressions and selection)."""
    ctx = doc.context
    base = doc_values(ctx)
    kw = keywords()
    out: list[Finding] = []
    common = dict(lang=lang, path=doc.path, default_lang=doc.lang)

    # header entries
    seen: dict[str, int] = {}
    for h in doc.header:
        dup = h.key is not None and h.key in seen
        if h.key is not None:
            seen.setdefault(h.key, h.key_span.line)
        env = dict(base, **{"header.key": h.key, "header.known": h.key is not None, "header.duplicate": dup,
                            "header.error": h.error, "header.type": kw.types.get(h.key) if h.key else None})

        def extra(msg_lang, h=h):
            t = templates()[msg_lang]
            hint = header_suggestion(h.raw_key)
            return {"key": h.raw_key, "hint": t["did_you_mean"].format(hint) if hint else "",
                    "expected": t["expected"].get(kw.types.get(h.key, ""), "") if h.key else "",
                    "other_line": str(seen.get(h.key, ""))}
        spans = {"goal": h.span, "key": h.key_span, "value": h.value_span or h.span}
        out += rules.evaluate("header", env, None, ctx, spans=spans, extra=extra, **common)

    # goals (with document facts) and their syntax errors
    by_text: dict[str, int] = {}
    by_metric: dict[str, tuple[int, tuple]] = {}
    for entry in doc.goals:
        if entry.goal is None:
            err = entry.error
            env = dict(base, **{"syntax.code": err.code, "syntax.text": err.text})
            # err.text may be a stray character's printable name ('U+001B'): underline what is written
            written = doc.lines[err.line - 1][err.column - 1:] if 0 < err.line <= len(doc.lines) else ""
            width = len(err.text) if err.text and written.startswith(err.text) else 1
            pos = Span(err.line, err.column, err.line, err.column + width)
            out += rules.evaluate("syntax", env, None, ctx, spans={"goal": pos},
                                  extra={"text": err.text or ""}, **common)
            continue
        goal = entry.goal
        env = goal_values(goal, ctx, rules.lexicons)
        norm = " ".join(goal.text.lower().split())
        dup_line = by_text.get(norm)
        by_text.setdefault(norm, entry.line)
        conflict = None
        key = _target_key(goal)
        if goal.metric is not None and key is not None and dup_line is None:
            prev = by_metric.get(goal.metric.name)
            if prev is not None and prev[1] != key:
                conflict = prev[0]
            by_metric.setdefault(goal.metric.name, (entry.line, key))
        env.update({"goal.task_count": len(entry.tasks), "goal.duplicate_line": dup_line,
                    "goal.conflict_line": conflict})

        def extra(msg_lang, goal=goal, dup_line=dup_line, conflict=conflict):
            return {"other_line": str(dup_line or conflict or ""),
                    "suggested_tasks": _suggested(rules.catalogue, goal.category, ctx.role, msg_lang)}
        out += rules.evaluate("goal", env, goal, ctx, extra=extra, **common)

    # tasks
    def task_findings(task: TaskEntry, goal_entry: GoalEntry | None):
        goal = goal_entry.goal if goal_entry is not None else None
        tlang = goal.lang if goal is not None else doc.lang
        prof = task_profile(task.text, tlang, rules)
        goal_cat = goal.category if goal is not None else None
        env = dict(base, **{"task.text": task.text, "task.orphan": goal_entry is None,
                            "task.categories": prof["categories"], "task.goal_category": goal_cat,
                            "task.serves_goal": goal_cat is not None and goal_cat in prof["categories"],
                            "task.cues": prof["cues"], "task.frequency_low": prof["frequency_low"],
                            "task.frequency_high": prof["frequency_high"]})
        freq = prof["frequency_low"]

        def extra(msg_lang):
            return {"task": task.text,
                    "frequency": "" if freq is None else (f"{freq:g}" if freq == prof["frequency_high"]
                                                          else f"{freq:g}-{prof['frequency_high']:g}"),
                    "category": templates()[msg_lang]["categories"].get(goal_cat, goal_cat or "")}
        return rules.evaluate("task", env, None, ctx, spans={"goal": task.span}, extra=extra, **common)

    for task in doc.orphan_tasks:
        out += task_findings(task, None)
    for entry in doc.goals:
        for task in entry.tasks:
            out += task_findings(task, entry)

    # stray lines
    for line in doc.stray:
        env = dict(base, **{"line.text": line.text})
        out += rules.evaluate("line", env, None, ctx, spans={"goal": line.span}, extra={"text": line.text},
                              **common)
    out.sort()
    return out


def suppression_findings(doc: Document, rules: RuleSet, unused: Iterable, unknown: dict,
                         lang: str | None, renamed: dict | None = None) -> list[Finding]:
    """L-rules over the document's suppression comments (after filtering); `unknown` and `renamed`
    map a suppression's id to its unknown codes and to its renamed ones ("S105 \u2192 R404")."""
    out = []
    base = doc_values(doc.context)
    unused = set(id(s) for s in unused)
    for sup in doc.suppressions:
        bad = unknown.get(id(sup), ())
        moved = (renamed or {}).get(id(sup), ())
        env = dict(base, **{"suppression.unused": id(sup) in unused, "suppression.unknown": tuple(bad),
                            "suppression.renamed": moved, "suppression.file_wide": sup.file_wide})
        extra = {"codes": ", ".join(bad or sup.codes), "renamed": ", ".join(moved)}
        out += rules.evaluate("suppression", env, None, doc.context, spans={"goal": sup.span}, extra=extra,
                              lang=lang, path=doc.path, default_lang=doc.lang)
    return out
