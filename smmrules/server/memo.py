"""What the language server keeps between two edits of a document, so that an edit costs what it changed.

A statement is parsed once: `GoalMemo.parse` stands in for parse_goal inside parse_document and
answers a statement it has seen (same text, language, reference date, column and limit) from memory,
moved to its new line when lines were added or removed above it. `RuleMemo` stands in for the
RuleSet: it hands doccheck the goal and task items of the last run for the goals that did not
change (their task profiles are not worked out again) and answers the rules of a goal, task or
stray line it has checked with the same neighbours (task count, duplicate and conflicting lines)
in the same document context, by the item's identity, or by its content when it moved. What the
whole document decides runs again on every edit, over the remembered items: the header, which
goals are copies or conflict (a dictionary pass over the goals), the document-level rules,
suppressions and selection; it is what makes the result identical to `smmrules lint`.

Each memo keeps only what the document has now (the statements it holds, the entities the last run
checked; RuleMemo at most twice that), so its size follows the document's, however many edits it
has seen.
"""
from __future__ import annotations

from ..base.attrsimport import attr

from ..base.errors import GoalSyntaxError
from ..language.ast import Span
from ..language.parse import parse_goal
from ..rules.fields import GoalItem


def shifted(node, lines: int):
    """`node` (a Goal or any part of one) with every Span moved down by `lines` lines."""
    if lines == 0 or node is None:
        return node
    if type(node) is Span:
        return Span(node.line + lines, node.column, node.end_line + lines, node.end_column)
    if type(node) is tuple:
        return tuple(shifted(item, lines) for item in node)
    if attr.has(type(node)):
        changes = {}
        for field in attr.fields(type(node)):
            value = getattr(node, field.name)
            if value is not None and (type(value) is Span or type(value) is tuple or attr.has(type(value))):
                moved = shifted(value, lines)
                if moved is not value:
                    changes[field.name] = moved
        return attr.evolve(node, **changes) if changes else node
    return node


class GoalMemo:
    """parse_goal with a memory of one document's statements (see the module docstring)."""

    def __init__(self):
        self._known: dict = {}      # key -> (line, Goal or GoalSyntaxError)
        self.parsed = 0             # statements parsed for real in the current run (for the tests)

    def start(self) -> None:
        self.parsed = 0

    def finish(self, doc) -> None:
        """End a run: keep only the statements the document now has."""
        texts = {entry.text for entry in doc.goals}
        self._known = {key: value for key, value in self._known.items() if key[0] in texts}

    def parse(self, text: str, *, origin: tuple[int, int] = (1, 1), **kwargs):
        """parse_goal(text, origin=origin, **kwargs), from memory when only the line has changed."""
        key = (text, origin[1], tuple(sorted(kwargs.items())))      # language, reference date, limit
        line = origin[0]
        hit = self._known.get(key)
        if hit is None:
            try:
                value = parse_goal(text, origin=origin, **kwargs)
            except GoalSyntaxError as exc:
                value = exc
            self.parsed += 1
            hit = self._known[key] = (line, value)
        elif hit[0] != line:
            old_line, value = hit
            if isinstance(value, GoalSyntaxError):
                value = value.at(line_offset=line - old_line)
            else:
                value = shifted(value, line - old_line)
            hit = self._known[key] = (line, value)
        value = hit[1]
        if isinstance(value, GoalSyntaxError):
            raise value.at()        # a fresh copy: the remembered one never carries a traceback
        return value


class RuleMemo:
    """A RuleSet that remembers the findings of its goal-scope rules per goal (see the module
    docstring); every other attribute and scope is the RuleSet's own.

    An entity is looked up first by its identity: the goal and task items of an unchanged goal are
    the last run's own objects (entity_makers), and so is a StrayLine of an unchanged document.
    Only a new object is looked up by what it holds (_entity_key), whose hash walks the goal's
    text, spans and tasks."""

    def __init__(self, rules):
        self.rules = rules
        self._values: dict = {}     # what an entity holds -> its findings
        self._last_ids: dict = {}   # (scope, the entity's identity) -> (the entity, kept alive; its key; its findings)
        self._now_ids: dict = {}
        self._last_items: dict = {}     # the identity of a goal's or task's parts -> (those parts; its item)
        self._now_items: dict = {}
        self._setting = None
        self._ctx = None
        self.evaluated = 0          # goals checked for real in the current run (for the tests)
        self.items_made = 0         # goal and task items made anew in the current run (for the tests)

    def __getattr__(self, name):
        return getattr(self.rules, name)

    def __len__(self):
        return len(self.rules)

    def start(self) -> None:
        self._last_ids.update(self._now_ids)
        self._last_items.update(self._now_items)
        self._now_ids, self._now_items = {}, {}
        self.evaluated = self.items_made = 0

    def finish(self) -> None:
        """End a run: keep what it checked; the findings by content only for those entities, once
        they are more than twice as many (so that a run seldom hashes every entity's content)."""
        self._last_ids, self._now_ids = self._now_ids, {}
        self._last_items, self._now_items = self._now_items, {}
        if len(self._values) > 2 * len(self._last_ids) + 64:
            self._values = {key: found for _, key, found in self._last_ids.values()}

    @property
    def entity_makers(self):
        """How doccheck.document_entities makes goal and task items for this rule set: the item of
        the last run when the goal or task and what it depends on are the same objects, so that an
        unchanged goal's task profiles are not worked out again and its items are found by identity."""
        return self._goal_item, self._task_item

    def _goal_item(self, goal, task_count, duplicate_line, conflict_line, catalogue, checkins):
        ident = ("goal", id(goal), task_count, duplicate_line, conflict_line, id(catalogue), id(checkins))
        hit = self._now_items.get(ident) or self._last_items.get(ident)
        if hit is None:
            hit = ((goal, catalogue, checkins),
                   GoalItem(goal, task_count, duplicate_line, conflict_line, catalogue, checkins))
            self.items_made += 1
        self._now_items[ident] = hit
        return hit[1]

    def _task_item(self, task, goal_entry, doc_lang: str, make):
        ident = ("task", id(task), id(goal_entry), doc_lang)     # an orphan's words are read in the document's language
        hit = self._now_items.get(ident) or self._last_items.get(ident)
        if hit is None:
            hit = ((task, goal_entry), make(task, goal_entry))
            self.items_made += 1
        self._now_items[ident] = hit
        return hit[1]

    def evaluate(self, scope: str, entity, ctx, *, lang=None, path=None, default_lang: str = "en", **more):
        """RuleSet.evaluate, from memory for an entity checked before in the same context. `more`
        (the Document, for the findings' fixes) goes to the RuleSet as it is."""
        if not _remembered(scope, entity):
            return self.rules.evaluate(scope, entity, ctx, lang=lang, path=path, default_lang=default_lang, **more)
        if ctx is not self._ctx:
            setting = (ctx, lang, path, default_lang)     # a Context compares its baselines too
            if setting != self._setting:     # another header, language or name: nothing remembered holds
                self._values, self._last_ids, self._now_ids, self._setting = {}, {}, {}, setting
            self._ctx = ctx
        ident = (scope, id(entity))
        hit = self._now_ids.get(ident) or self._last_ids.get(ident)
        if hit is None:
            key = _entity_key(scope, entity)
            found = self._values.get(key)
            if found is None:
                found = self._values[key] = tuple(self.rules.evaluate(
                    scope, entity, ctx, lang=lang, path=path, default_lang=default_lang, **more))
                if scope == "goal":
                    self.evaluated += 1
            hit = (entity, key, found)
        self._now_ids[ident] = hit
        return list(hit[2])


def _remembered(scope: str, entity) -> bool:
    """Whether the findings of `entity` are worth remembering (see _entity_key)."""
    if scope == "goal":
        return entity.duplicate_line is None
    return scope == "task" or scope == "line"


def _goal_key(goal):
    """A statement's Goal is a function of its text, language, start date and place (GoalMemo's
    key), and of the category its goal line names: these stand for the whole Goal, and hash in a
    fraction of the time the Goal's own fields take."""
    return None if goal is None else (goal.text, goal.lang, goal.start, goal.span, goal.category)


def _entity_key(scope: str, entity):
    """What the findings of the rules of `scope` on `entity` depend on (besides the document's
    context), for the entities worth remembering: goals, tasks and stray lines. None: check it again."""
    if scope == "goal":
        if entity.duplicate_line is not None:
            return None     # its fix (the copy removed, its tasks moved) reads the lines around both copies
        return ("goal", _goal_key(entity.goal), entity.task_count, entity.conflict_line, entity.checkins)
    if scope == "task":     # its profile follows from its text and its goal's language and category
        return ("task-item", entity.task, entity.orphan, _goal_key(entity.goal))
    if scope == "line":
        return ("line", entity)
    return None
