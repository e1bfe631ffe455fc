"""The formatter: one canonical layout for a `.goals` document.

- keywords (goal, task, a goal's category, the known header keys) spelled with the first word
  grammar/document.toml gives them in the document's language, in lower case; an unknown header
  key in lower case;
- `key: value`, one space after the colon; a comment after an entry two spaces after it;
- goal, header and comment lines at the start of the line; a goal's tasks, and the comments among
  them, two spaces in; a task before any goal at the start of the line;
- one blank line before each goal (and the comments right above it), none between a goal and its
  tasks, never two in a row, none at the start or the end; no spaces at the ends of lines;
- goal statements, task texts, header values, comments (suppressions among them) and lines that
  are none of these kept as written; the line endings kept (the first one the document uses; a
  document ends with one).

The layout changes no goal's meaning: statements are not touched, and a keyword is replaced by
another word for the same keyword. A document of which a goal does not parse is formatted the
same way (the statement is kept as written); `smmrules format` leaves such a file alone.
"""
from __future__ import annotations

import functools

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Optional

INDENT = "  "


@functools.lru_cache(maxsize=1)
def _spellings() -> dict:
    """Per language: the canonical goal and task keyword, each category's word and each header key's."""
    from ..base import cache
    from ..base.languages import LANGS
    from ..base.resources import grammar_file
    data = cache.data_file(grammar_file("document.toml"))
    out = {}
    for lang in LANGS:
        out[lang] = {
            "goal": data["keywords"]["goal"][lang][0],
            "task": data["keywords"]["task"][lang][0],
            "categories": {c: t[lang][0] for c, t in data.get("categories", {}).items()},
            "header": {k: spec["words"][lang][0] for k, spec in data["header"].items()},
        }
    return out


def _line_ending(text: str) -> str:
    i = text.find("\n")
    j = text.find("\r")
    if j >= 0 and (i < 0 or j < i):
        return "\r\n" if text.startswith("\n", j + 1) else "\r"
    return "\n"


def _tail(line: str, end_column: int) -> str:
    """The comment after an entry (written two spaces after it), or ""."""
    rest = line[end_column - 1:].strip()
    return f"  {rest}" if rest else ""


def format_document(doc, text: str) -> str:
    """The canonical text of a parsed document (`doc` = parse_document(text))."""
    lines = list(doc.lines)
    if lines and lines[-1] == "":
        lines.pop()                       # the empty "line" after the last line ending
    kinds, rewrite = _rewritten(doc, lines)
    items = _items(lines, kinds)
    out = _laid_out(doc, lines, items, rewrite)
    if not out:
        return ""
    ending = _line_ending(text)
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    return bom + ending.join(out) + ending


def _rewritten(doc, lines: list[str]) -> tuple[dict[int, str], dict[int, str]]:
    """(kind, canonical text) of every line that holds an entry: header, goal, task, orphan or stray."""
    words = _spellings().get(doc.lang) or _spellings()["en"]
    kinds: dict[int, str] = {}            # line number -> header, goal, task, orphan, stray
    rewrite: dict[int, str] = {}
    for h in doc.header:
        n = h.span.line
        line = lines[n - 1]
        raw = line[h.key_span.column - 1:h.key_span.end_column - 1]
        key = words["header"].get(h.key) if h.key is not None else " ".join(raw.split()).lower()
        colon = line.index(":", h.key_span.end_column - 1)
        value_end = h.value_span.end_column if h.value_span is not None else colon + 2
        value = f" {h.text}" if h.text else ""
        kinds[n] = "header"
        rewrite[n] = f"{key}:{value}{_tail(line, value_end)}"
    for g in doc.goals:
        n = g.line
        line = lines[n - 1]
        colon = line.index(":", g.span.column - 1)
        head = words["goal"] + (f" {words['categories'][g.category]}" if g.category else "")
        value = f" {g.text}" if g.text else ""
        kinds[n] = "goal"
        rewrite[n] = f"{head}:{value}{_tail(line, g.span.end_column if g.text else colon + 2)}"
        for t in g.tasks:
            kinds[t.line] = "task"
            rewrite[t.line] = INDENT + _task(lines[t.line - 1], t, words)
    for t in doc.orphan_tasks:
        kinds[t.line] = "orphan"
        rewrite[t.line] = _task(lines[t.line - 1], t, words)
    for s in doc.stray:
        kinds[s.line] = "stray"
        rewrite[s.line] = lines[s.line - 1].rstrip()
    return kinds, rewrite


def _items(lines: list[str], kinds: dict[int, str]) -> list[tuple[int, str, bool]]:
    """The entries and comments in order: (line number, kind, whether a blank line came before it)."""
    items: list[tuple[int, str, bool]] = []
    blank = False
    for n, line in enumerate(lines, start=1):
        if n not in kinds and not line.strip():
            blank = True
            continue
        items.append((n, kinds.get(n, "comment"), blank))
        blank = False
    return items


def _laid_out(doc, lines: list[str], items: list[tuple[int, str, bool]], rewrite: dict[int, str]) -> list[str]:
    """The output lines: one blank line before each goal's block (the comments right above it, with no
    blank line between, the goal, and everything up to its last task), the others' blank lines kept."""
    last_task = {g.line: max((t.line for t in g.tasks), default=g.line) for g in doc.goals}
    starts_block: set[int] = set()
    inside: set[int] = set()             # no blank line before these
    after: set[int] = set()              # after a goal line, up to its last task
    for i, (n, kind, _) in enumerate(items):
        if kind != "goal":
            continue
        j = i
        while j > 0 and items[j - 1][1] == "comment" and not items[j][2]:
            j -= 1
        starts_block.add(items[j][0])
        inside.update(m for m, _, _ in items[j + 1:i + 1])
        after.update(m for m, _, _ in items[i + 1:] if m <= last_task[n])
    out: list[str] = []
    for n, kind, blank_before in items:
        if n in starts_block:
            if out:
                out.append("")
        elif n not in inside and n not in after and blank_before and out:
            out.append("")
        if kind == "comment":
            out.append((INDENT if n in after else "") + lines[n - 1].strip())
        else:
            out.append(rewrite[n])
    return out


def _task(line: str, t, words: dict) -> str:
    value = f" {t.text}" if t.text else ""
    colon = line.index(":", t.span.column - 1)
    return f"{words['task']}:{value}{_tail(line, t.span.end_column if t.text else colon + 2)}"


def format_text(text: str, *, path: Optional[str] = None) -> str:
    """`text` in the canonical layout (see the module's docstring); formatting it again changes nothing."""
    from ..documents.goals import parse_document
    return format_document(parse_document(text, path=path), text)
