"""Rules over a whole goal document: walk it and hand each goal, task, header entry, stray line,
syntax error and suppression comment to the engine as an entity of its scope (fields.SCOPE_TABLE)."""
from __future__ import annotations

from typing import Iterable

from ..documents.goals import Document, GoalEntry, TaskEntry
from .engine import RuleSet
from .fields import CheckInItem, DocumentItem, GoalItem, HeaderItem, SuppressionItem, SyntaxItem, TaskItem
from .findings import Finding
from .taskprofile import profile


_PROFILES_KEPT = 4096     # task lines remembered per rule set (briefs repeat the same tasks)


def task_profile(text: str, lang: str, rules: RuleSet) -> dict:
    """What a task line's words say (taskprofile.profile) with the rule set's vocabulary and catalogue:
    made once per (text, language) and rule set, each caller getting its own copy to add to."""
    memo = rules.__dict__.setdefault("_task_profiles", {})
    found = memo.get((text, lang))
    if found is None:
        if len(memo) >= _PROFILES_KEPT:
            memo.clear()
        found = memo[(text, lang)] = profile(text, lang, rules.lexicons, rules.catalogue)
    return dict(found)


def _target_key(goal) -> tuple | None:
    t = goal.target
    if t is None:
        return None
    return (t.kind, t.value, t.low, t.high, t.unit)


def _header_items(doc: Document) -> list[HeaderItem]:
    """The header entries, each with whether its key came before and the line it first came on."""
    seen: dict[str, int] = {}
    out = []
    for h in doc.header:
        dup = h.key is not None and h.key in seen
        if h.key is not None:
            seen.setdefault(h.key, h.key_span.line)
        out.append(HeaderItem(h, dup, seen.get(h.key) if h.key is not None else None))
    return out


def _goal_items(doc: Document, rules: RuleSet, make=GoalItem) -> list[tuple[str, GoalItem | SyntaxItem]]:
    """("goal", GoalItem) or ("syntax", SyntaxItem) per goal line, in order, with the lines of an
    earlier copy of a goal or of an earlier goal with the same metric and another target; `make`
    builds the GoalItem from its fields."""
    by_text: dict[str, int] = {}
    by_metric: dict[str, tuple[int, tuple]] = {}
    out: list[tuple[str, GoalItem | SyntaxItem]] = []
    for entry in doc.goals:
        if entry.goal is None:
            err = entry.error
            line_text = doc.lines[err.line - 1] if 0 < err.line <= len(doc.lines) else ""
            out.append(("syntax", SyntaxItem(err, line_text)))
            continue
        goal = entry.goal
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
        out.append(("goal", make(goal, len(entry.tasks), dup_line, conflict, rules.catalogue, entry.checkins)))
    return out


def _task_items(doc: Document, rules: RuleSet, make=None) -> list[TaskItem]:
    """The tasks before any goal, then each goal's, with what their words say; `make(task, goal
    entry, document language, item)` gives the TaskItem in place of item(task, goal entry)."""
    def item(task: TaskEntry, goal_entry: GoalEntry | None) -> TaskItem:
        goal = goal_entry.goal if goal_entry is not None else None
        lang = goal.lang if goal is not None else doc.lang
        prof = task_profile(task.text, lang, rules)
        # the task serves its goal when any kind its words point to plausibly moves the goal's kind
        accepted = rules.catalogue.accepts(goal.category) if goal is not None else frozenset()
        prof["serves_goal"] = bool(accepted.intersection(prof["kinds"]))
        return TaskItem(task, goal_entry is None, goal, prof)
    if make is not None:
        return ([make(task, None, doc.lang, item) for task in doc.orphan_tasks]
                + [make(task, entry, doc.lang, item) for entry in doc.goals for task in entry.tasks])
    return ([item(task, None) for task in doc.orphan_tasks]
            + [item(task, entry) for entry in doc.goals for task in entry.tasks])


def document_entities(doc: Document, rules: RuleSet) -> list[tuple[str, object]]:
    """(scope, entity) for each header entry, goal, syntax error, task, check-in and stray line of a document
    (suppression comments come after filtering: suppression_findings). A rule set that keeps the
    entities of the last run (the language server's RuleMemo) makes the goal and task items itself:
    its `entity_makers`, the GoalItem and TaskItem makers."""
    makers = getattr(rules, "entity_makers", None)
    make_goal, make_task = makers if makers is not None else (GoalItem, None)
    items: list[tuple[str, object]] = [("document", DocumentItem(doc))]
    items += [("header", h) for h in _header_items(doc)]
    items += _goal_items(doc, rules, make_goal)
    items += [("task", t) for t in _task_items(doc, rules, make_task)]
    items += [("checkin", CheckInItem(c, entry.goal)) for entry in doc.goals for c in entry.checkins]
    items += [("line", line) for line in doc.stray]
    return items


def check_document(doc: Document, rules: RuleSet, *, lang: str | None = None) -> list[Finding]:
    """Every finding of every scope for one parsed document (before suppressions and selection)."""
    out: list[Finding] = []
    for scope, entity in document_entities(doc, rules):
        found = rules.evaluate(scope, entity, doc.context, lang=lang, path=doc.path, default_lang=doc.lang, doc=doc)
        if scope == "goal" and entity.duplicate_line is not None and found:
            # a copy of an earlier goal: say that it is a copy, not the original's findings again
            found = [f for f in found if "goal.duplicate_line" in _fields_of(rules, f.code)]
        out += found
    out.sort(key=Finding.sort_key)      # (the order of Finding.__lt__, each key made once)
    return out


def _fields_of(rules: RuleSet, code: str) -> frozenset:
    rule = rules.get(code)
    return rule.fields if rule is not None else frozenset()


def suppression_findings(doc: Document, rules: RuleSet, unused: Iterable, unknown: dict,
                         lang: str | None, renamed: dict | None = None) -> list[Finding]:
    """L-rules over the document's suppression comments (after filtering); `unknown` and `renamed`
    map a suppression's id to its unknown codes and to its renamed ones ("S105 \u2192 R404")."""
    out = []
    unused = set(id(s) for s in unused)
    for sup in doc.suppressions:
        bad = tuple(unknown.get(id(sup), ()))
        closest: tuple = ()
        if bad:                 # did you mean: the closest code of a rule in effect
            from ..base.suggest import close_matches
            known = [r.code for r in rules.all_rules()]
            closest = tuple(dict.fromkeys(m for code in bad for m in close_matches(code, known)))
        item = SuppressionItem(sup, id(sup) in unused, bad, (renamed or {}).get(id(sup), ()), closest)
        out += rules.evaluate("suppression", item, doc.context, lang=lang, path=doc.path, default_lang=doc.lang,
                              doc=doc)
    return out
