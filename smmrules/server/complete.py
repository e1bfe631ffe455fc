"""Completion in a goal document: header keys and the goal and task keywords at the start of a line,
a header value after its key (roles, yes/no, languages, today's date), a category after the goal
keyword; every word in the document's language, from grammar/document.toml."""
from __future__ import annotations

import datetime as dt
import re

from ..language.render import templates
from ..language.words import normalize_word
from .texts import document_words, texts, written

# a key being typed at the start of a line: letters, spaces, hyphens and underscores, nothing else yet
_TYPING_KEY = re.compile(r"^(\s*)([^\W\d][\w\- ]*)?$")


class Item:
    """One completion: the text shown, the text put in place of [start, cursor) (code points of the
    line), what kind of thing it is ("key", "keyword", "value") and a note."""

    __slots__ = ("label", "insert", "start", "kind", "detail")

    def __init__(self, label: str, insert: str, start: int, kind: str, detail: str):
        self.label, self.insert, self.start, self.kind, self.detail = label, insert, start, kind, detail

    def __repr__(self):
        return f"Item({self.label!r}, {self.insert!r}, {self.start}, {self.kind!r})"


def _norm(key: str) -> str:
    return re.sub(r"[\s_]+", "-", normalize_word(key.strip()))


def _first(table: dict, lang: str) -> str | None:
    words = table.get(lang) or table.get("en") or []
    return words[0] if words else None


def _canonical(key: str, section: dict) -> str | None:
    """The canonical name of a key written in any language, among `section`'s entries."""
    norm = _norm(key)
    for name, spec in section.items():
        table = spec.get("words", spec) if isinstance(spec, dict) else {}
        if any(_norm(w) == norm for words in table.values() for w in words):
            return name
    return None


def completions(line: str, column: int, lang: str, today: dt.date | None = None) -> list[Item]:
    """What may be written at `column` (0-based, in code points) of `line`, in `lang`."""
    data = document_words()
    before = line[:column]
    typing = _TYPING_KEY.match(before)
    if typing is not None:
        head = before.split(" ", 1)
        if len(head) == 2 and not typing.group(1) and _canonical(head[0], {"goal": data["keywords"]["goal"]}):
            return _categories(data, lang, len(head[0]) + 1 + (len(head[1]) - len(head[1].lstrip())))
        return _line_starts(data, lang, len(typing.group(1)))
    colon = before.find(":")
    key = _canonical(before[:colon], data["header"]) if colon > 0 else None
    if key is None:
        return []
    return _values(data, key, lang, before, colon, today)


def _categories(data: dict, lang: str, start: int) -> list[Item]:
    """The categories a goal line may name after its keyword ("goal sales: ...")."""
    names = templates()[lang]["categories"]
    return [Item(written(word, lang), written(word, lang), start, "value", names.get(name, name))
            for name, table in data["categories"].items() if (word := _first(table, lang))]


def _line_starts(data: dict, lang: str, indent: int) -> list[Item]:
    """The header keys and the goal keyword at the start of a line; the task keyword on an indented one."""
    words = texts(lang)
    keywords = data["keywords"]
    if indent:                       # an indented line is a task of the goal above
        task = _first(keywords["task"], lang)
        return [Item(task, task + ": ", indent, "keyword", words["task_line"])] if task else []
    out = []
    goal = _first(keywords["goal"], lang)
    if goal:
        out.append(Item(goal, goal + ": ", 0, "keyword", words["goal_line"]))
    expected = templates()[lang]["expected"]
    for spec in data["header"].values():
        word = _first(spec["words"], lang)
        if word:
            key = written(word, lang)
            out.append(Item(key, key + ": ", 0, "key",
                            words["header_key"].format(text=expected.get(spec["type"], spec["type"]))))
    return out


def _values(data: dict, key: str, lang: str, before: str, colon: int, today: dt.date | None) -> list[Item]:
    """The values a header key takes, for the value being typed after its colon."""
    kind = data["header"][key]["type"]
    values = data["values"]
    if kind == "role":
        choices = [written(w, lang) for t in values["role"].values() if (w := _first(t, lang))]
    elif kind == "yesno":
        choices = [w for w in (_first(values["yes"], lang), _first(values["no"], lang)) if w]
    elif kind == "lang":
        from ..base.languages import LANGS
        choices = list(LANGS)
    elif kind == "date":
        choices = [(today or dt.date.today()).isoformat()]
    else:
        return []
    detail = templates()[lang]["expected"].get(kind, "")
    after = before[colon + 1:]
    if not after:                    # right after the colon: the space comes with the value
        return [Item(c, " " + c, colon + 1, "value", detail) for c in choices]
    start = colon + 1 + len(after) - len(after.lstrip())
    return [Item(c, c, start, "value", detail) for c in choices]
