"""The task catalogue (rules/*.toml `[[task]]` and `[category.X]`): what each task is called in each
language, the roles it suits, the metrics it moves and the words that tell it in a team's own task
line. engine.suggest_tasks ranks it for a goal; doccheck.task_profile reads a task line with it."""
from __future__ import annotations

import threading

from ..base.record import Record, _set
from ..language.ast import CATEGORIES
from ..language.context import ROLES
from ..base.errors import RuleFileError
from ..base.languages import LANGS

# where a task comes from: the articles the catalogue started from, or the common practice of SMM teams
SOURCES = ("source articles", "common SMM practice", "team")
# the kinds of goal a task can serve (every category but "other")
KINDS = tuple(c for c in CATEGORIES if c != "other")


class Task(Record):
    """A catalogue task: id, category, title per language (not compared), roles, the metrics it
    moves (canonical names of grammar/metrics.toml), its source, and its match patterns per language."""

    __slots__ = ("id", "category", "titles", "roles", "metrics", "source", "match")
    _no_compare = ("titles", "match")

    def __init__(self, id: str, category: str, titles: dict | None = None, roles: tuple = (),
                 metrics: tuple = (), source: str = "team", match: dict | None = None):
        _set(self, "id", id)
        _set(self, "category", category)
        _set(self, "titles", {} if titles is None else titles)
        _set(self, "roles", roles)
        _set(self, "metrics", metrics)
        _set(self, "source", source)
        _set(self, "match", {} if match is None else match)

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang) or self.titles["en"]

    def to_json(self, lang: str = "en") -> dict:
        return {"id": self.id, "category": self.category, "title": self.title(lang),
                "roles": list(self.roles), "metrics": list(self.metrics)}


class Catalogue(Record):
    """The tasks, example statements per category, the kinds of task that serve each category
    (`served_by`) and the kinds of result each activity metric usually serves (`activities`); only
    the tasks are compared."""

    __slots__ = ("tasks", "examples", "served_by", "activities", "index", "_matchers", "_ranked")
    _no_compare = ("examples", "served_by", "activities", "index", "_matchers", "_ranked")

    def __init__(self, tasks: tuple, examples: dict | None = None, served_by: dict | None = None,
                 activities: dict | None = None):
        _set(self, "tasks", tasks)
        _set(self, "examples", {} if examples is None else examples)
        _set(self, "served_by", {} if served_by is None else served_by)
        _set(self, "activities", {} if activities is None else activities)
        _set(self, "index", {t.id: t for t in tasks})
        _set(self, "_matchers", {})
        _set(self, "_ranked", {})

    def for_category(self, category: str, role: str | None = None) -> list[Task]:
        return [t for t in self.tasks if t.category == category and (role is None or role in t.roles)]

    def accepts(self, category: str) -> frozenset:
        """The kinds of task that plausibly serve a goal of `category`: its own and its `served-by`."""
        return frozenset((category, *self.served_by.get(category, ())))

    def ranked(self, metric: str | None, category: str, role: str | None = None, named: tuple = ()) -> list[Task]:
        """The tasks for a goal: those that move its metric first (of its own category before the
        others), then the rest of its category; within each group the tasks the goal's own words
        name (`named`, ids) first, then catalogue order. Only tasks that suit `role` when it is given.
        Each ranking is made once and kept (goals share a few metrics, categories and roles); every
        caller gets its own list."""
        key = (metric, category, role, tuple(named))
        found = self._ranked.get(key)
        if found is None:
            if len(self._ranked) >= _RANKINGS_KEPT:
                self._ranked.clear()
            found = self._ranked[key] = self._rank(metric, category, role, named)
        return list(found)

    def _rank(self, metric: str | None, category: str, role: str | None, named) -> tuple:
        scored = []
        for i, t in enumerate(self.tasks):
            if role is not None and role not in t.roles:
                continue
            moves = metric is not None and metric in t.metrics
            own = t.category == category
            if moves or own:
                scored.append(((0 if moves and own else 1 if moves else 2), 0 if t.id in named else 1, i, t))
        scored.sort(key=lambda s: s[:3])
        return tuple(s[3] for s in scored)

    def matcher(self, lang: str):
        """A cue lexicon of every task's match patterns in `lang` (value: the task's id), built on
        first use and kept: the catalogue is profiled once, not per task line."""
        found = self._matchers.get(lang)
        if found is None:
            with _lock:
                found = self._matchers.get(lang)
                if found is None:
                    found = self._matchers[lang] = _matcher(self.tasks, lang)
        return found


def _matcher(tasks: tuple, lang: str):
    """The cue lexicon of the tasks' match patterns in `lang`, from the artefact cache: building it
    (the lemma patterns through the paradigm tables) is about 4 M instructions of every run that
    reads a task line. Keyed on the patterns themselves and the package's data (the paradigms)."""
    from ..base import cache
    from ..language.lexicon import Lexicon, _compile
    order = {t.id: i for i, t in enumerate(tasks)}
    specs = [(p, t.id, order[t.id]) for t in tasks for p in t.match.get(lang, ())]

    def build() -> Lexicon:
        return Lexicon(lang, [(_compile(p, lang), "TASK", tid, i) for p, tid, i in specs])
    return cache.cached("task-matcher", cache.key("task-matcher", lang, repr(specs), cache.data_stamp()), build,
                        lambda value: type(value) is Lexicon and value.lang == lang)


_lock = threading.Lock()
_RANKINGS_KEPT = 1024       # rankings remembered per catalogue (a metric, category, role and named tasks each)


def _strings(value) -> bool:
    return isinstance(value, list) and all(isinstance(x, str) and x.strip() for x in value)


def build_catalogue(sources: list[tuple[str, dict]], metrics: frozenset | None = None) -> Catalogue:
    """The catalogue of the rule files' `[[task]]` and `[category.X]` tables, in file order. A task
    whose id an earlier file defined replaces it only with `override = true` (a team's own rule
    folder), and a table of its id with `enabled = false` drops it; otherwise a repeated id is an error. `metrics`: the
    vocabulary's canonical names, which a task's `metrics` must come from."""
    tasks: dict[str, Task] = {}
    examples: dict[str, list] = {}
    served_by: dict[str, tuple] = {}
    activities: dict[str, tuple] = {}
    for path, data in sources:
        if not isinstance(data.get("category", {}), dict):
            raise RuleFileError("'category' must be a table: write [category.NAME]", path=path)
        if not isinstance(data.get("task", []), list):
            raise RuleFileError("'task' must be an array of tables: write [[task]]", path=path)
        for name, spec in data.get("category", {}).items():
            if name not in CATEGORIES:
                raise RuleFileError(f"unknown category '{name}'", path=path)
            listed = spec.get("examples", []) if isinstance(spec, dict) else None
            if not isinstance(listed, list) or not all(isinstance(x, str) for x in listed):
                raise RuleFileError(f"category '{name}': examples must be a list of statements", path=path)
            examples.setdefault(name, []).extend(listed)
            if "served-by" in spec:
                kinds = spec["served-by"]
                if not _strings(kinds) or any(k not in KINDS or k == name for k in kinds):
                    raise RuleFileError(f"category '{name}': served-by must list other kinds of goal, "
                                        f"out of {', '.join(KINDS)}", path=path)
                served_by[name] = tuple(kinds)
            by_activity = spec.get("by-activity", {})
            if name != "other" and by_activity or not isinstance(by_activity, dict):
                raise RuleFileError(f"category '{name}': by-activity belongs to [category.other], as a table "
                                    "of activity metric = [kinds]", path=path)
            for metric, kinds in by_activity.items():
                if metrics is not None and metric not in metrics:
                    from ..base.suggest import unknown
                    raise RuleFileError(f"category 'other': by-activity: {unknown('metric', metric, sorted(metrics))}",
                                        path=path)
                if not _strings(kinds) or any(k not in KINDS for k in kinds):
                    raise RuleFileError(f"category 'other': by-activity: {metric} must list kinds of goal, "
                                        f"out of {', '.join(KINDS)}", path=path)
                activities[metric] = tuple(kinds)
        for i, t in enumerate(data.get("task", [])):
            where = f"task #{i + 1}"
            if not isinstance(t, dict) or not isinstance(t.get("id"), str):
                raise RuleFileError(f"{where}: a task needs an id", path=path)
            where = f"{where} ({t['id']})"
            if "enabled" in t:
                if t["enabled"] is not False:
                    raise RuleFileError(f"{where}: enabled = false drops a task; leave it out otherwise", path=path)
                if t["id"] not in tasks:
                    raise RuleFileError(f"{where}: enabled = false, but no earlier task has this id", path=path)
                del tasks[t["id"]]
                continue
            if t.get("override", False) is not True and t["id"] in tasks:
                raise RuleFileError(f"{where}: task id {t['id']} is used twice "
                                    "(write override = true to replace a task of another folder)", path=path)
            if t.get("override", False) is True and t["id"] not in tasks:
                raise RuleFileError(f"{where}: override = true, but no earlier task has this id", path=path)
            tasks[t["id"]] = _task(t, where, path, metrics)
    return Catalogue(tuple(tasks.values()), {k: tuple(v) for k, v in examples.items()}, served_by, activities)


def _task(t: dict, where: str, path: str, metrics: frozenset | None) -> Task:
    if t.get("category") not in KINDS:
        raise RuleFileError(f"{where}: unknown category {t.get('category')!r}", path=path)
    titles = t.get("title", {})
    if not isinstance(titles, dict) or not all(isinstance(titles.get(lg), str) and titles[lg].strip()
                                               for lg in LANGS):
        raise RuleFileError(f"{where}: a task needs a title in {', '.join(LANGS)}", path=path)
    roles = t.get("roles", list(ROLES))
    if not isinstance(roles, list):
        raise RuleFileError(f"{where}: roles must be a list", path=path)
    if not roles:
        raise RuleFileError(f"{where}: roles must name at least one role (leave the key out for all)", path=path)
    for r in roles:
        if r not in ROLES:
            raise RuleFileError(f"{where}: unknown role {r!r} (roles: {', '.join(ROLES)})", path=path)
    moved = t.get("metrics", [])
    if not _strings(moved):
        raise RuleFileError(f"{where}: metrics must be a list of metric names", path=path)
    for m in moved:
        if metrics is not None and m not in metrics:
            from ..base.suggest import unknown
            raise RuleFileError(f"{where}: {unknown('metric', m, sorted(metrics))}", path=path)
    source = t.get("source", "team")
    if source not in SOURCES:
        raise RuleFileError(f"{where}: source must be one of {', '.join(map(repr, SOURCES))}", path=path)
    match = t.get("match", {})
    if not isinstance(match, dict) or any(lg not in LANGS or not _strings(v) for lg, v in match.items()):
        raise RuleFileError(f"{where}: match must be a table of word lists per language "
                            f"({', '.join(LANGS)})", path=path)
    return Task(t["id"], t["category"], {lg: titles[lg] for lg in LANGS}, tuple(roles), tuple(moved), source,
                {lg: tuple(v) for lg, v in match.items()})
