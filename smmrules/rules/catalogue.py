"""The task catalogue (rules/*.toml `[[task]]`): category -> tasks (engine.suggest_tasks reads it)."""
from __future__ import annotations

from ..base.record import Record, _set
from ..language.ast import CATEGORIES
from ..language.context import ROLES
from ..base.errors import RuleFileError
from ..base.languages import LANGS


class Task(Record):
    """A catalogue task: id, category, title per language (not compared), roles."""

    __slots__ = ("id", "category", "titles", "roles")
    _no_compare = ("titles",)

    def __init__(self, id: str, category: str, titles: dict | None = None, roles: tuple = ()):
        _set(self, "id", id)
        _set(self, "category", category)
        _set(self, "titles", {} if titles is None else titles)
        _set(self, "roles", roles)

    def title(self, lang: str = "en") -> str:
        return self.titles.get(lang) or self.titles["en"]

    def to_json(self, lang: str = "en") -> dict:
        return {"id": self.id, "category": self.category, "title": self.title(lang),
                "roles": list(self.roles)}


class Catalogue(Record):
    """The tasks, and example statements per category (not compared)."""

    __slots__ = ("tasks", "examples")
    _no_compare = ("examples",)

    def __init__(self, tasks: tuple, examples: dict | None = None):
        _set(self, "tasks", tasks)
        _set(self, "examples", {} if examples is None else examples)

    def for_category(self, category: str, role: str | None = None) -> list[Task]:
        return [t for t in self.tasks if t.category == category and (role is None or role in t.roles)]


def build_catalogue(sources: list[tuple[str, dict]]) -> Catalogue:
    tasks: dict[str, Task] = {}
    examples: dict[str, list] = {}
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
        for i, t in enumerate(data.get("task", [])):
            where = f"task #{i + 1}"
            if not isinstance(t, dict) or not isinstance(t.get("id"), str):
                raise RuleFileError(f"{where}: a task needs an id", path=path)
            if t.get("category") not in CATEGORIES:
                raise RuleFileError(f"{where} ({t['id']}): unknown category {t.get('category')!r}", path=path)
            titles = t.get("title", {})
            if not isinstance(titles, dict) or not all(isinstance(titles.get(lg), str) for lg in LANGS):
                raise RuleFileError(f"{where} ({t['id']}): a task needs a title in en, ru and uk", path=path)
            roles = t.get("roles", ROLES)
            if not isinstance(roles, (list, tuple)):
                raise RuleFileError(f"{where} ({t['id']}): roles must be a list", path=path)
            roles = tuple(roles)
            for r in roles:
                if r not in ROLES:
                    raise RuleFileError(f"{where} ({t['id']}): unknown role {r!r}", path=path)
            if t["id"] in tasks:
                raise RuleFileError(f"{where}: task id {t['id']} is used twice", path=path)
            tasks[t["id"]] = Task(t["id"], t["category"], dict(titles), roles)
    return Catalogue(tuple(tasks.values()), {k: tuple(v) for k, v in examples.items()})

