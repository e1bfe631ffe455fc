"""Loading a config file: read and parse it, check each key, place every problem at its line, and
keep its rule folders inside its repository."""
from __future__ import annotations

import os
import re

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path
    from typing import Any

from ..base.errors import ConfigError
from ..base.lazyre import LazyPattern
from ..base.suggest import unknown
from .discovery import as_path
from .keys import CHECKS, KEYS, MAX_CONFIG_BYTES, MAX_TABLES, NOT_SUPPORTED, BadValue

# possessive quantifiers: linear time on long runs of spaces (see smmrules/base/tomlpos.py)
_KEY_LINE = LazyPattern(r"^\s*+[A-Za-z0-9_\-\"'. ]++=")
_HEADER_NAME = LazyPattern(r"^\s*+\[\[?+\s*+([^\]]*+)\]\]?+\s*+(#.*)?$")


class Loader:
    """One config file being loaded (see config.load_config): its text, its key positions, its values."""

    def __init__(self, path: Path | str, allow_rules: tuple = ()):
        self.path = as_path(path)
        self.allow_rules = tuple(os.path.realpath(a) for a in allow_rules)
        self.shown = str(self.path)
        self.base: tuple = ()
        self.text_lines: list[str] = []
        self.lines: dict[tuple, int] = {}

    def fail(self, message: str, where: tuple = (), element: Any = None):
        line = self.line(where) if where else 1
        if isinstance(element, str):
            line = self._element_line(line, element)
        raise ConfigError(message, path=self.shown, line=line)

    def line(self, where: tuple, search: bool = True) -> int:
        """Line of the key at `where` (below the config table); the enclosing table's line if unknown.

        `search` also looks through the text for keys tomlpos cannot place (one scan: for errors only).
        """
        full = self.base + tuple(where)
        hit = self.pos.keys.get(full)
        if hit:
            return hit[0]
        if full in self.pos.tables:
            return self.pos.tables[full]
        if len(where) == 1:         # a top-level key written only as part of a longer header or dotted key
            below = [line for t, line in self.pos.tables.items() if t[:len(full)] == full]
            below += [hit[0] for k, hit in self.pos.keys.items() if k[:len(full)] == full]
            if below:
                return min(below)
        if not where:
            return 1
        start = self.line(where[:-1], search) if len(where) > 1 else self.pos.tables.get(self.base, 1)
        if not search:
            return start
        # keys tomlpos cannot split (quoted globs with / * or dots): look for them after the parent
        name = re.escape(str(where[-1]))
        written = re.compile(rf"(^|[\s{{,])(\"{name}\"|'{name}'|{name})\s*=")
        for number in range(start, len(self.text_lines) + 1):
            if written.search(self.text_lines[number - 1]):
                return number
        return start

    def _element_line(self, start: int, element: str) -> int:
        """The line of a string in a (possibly multi-line) array whose key is on line `start`."""
        quoted = (f'"{element}"', f"'{element}'")
        for number in range(start, min(len(self.text_lines), start + 10_000) + 1):
            text = self.text_lines[number - 1]
            if number > start and (_KEY_LINE.match(text) or _HEADER_NAME.match(text)):
                break
            if any(q in text for q in quoted):
                return number
        return start

    def positions(self):
        """Key positions of the part of the file that is ours (tomlpos is quadratic in tables)."""
        from ..base.tomlpos import Positions
        lines, keep, headers = [], True, 0
        for number, text in enumerate(self.text_lines, start=1):
            m = _HEADER_NAME.match(text)
            if m:
                name = ".".join(p.strip() for p in m.group(1).split(".")).replace('"', "").replace("'", "")
                keep = not self.base or name in ("tool", "tool.smmrules") or name.startswith("tool.smmrules.")
                headers += keep
                if headers > MAX_TABLES:
                    raise ConfigError(f"config has more than {MAX_TABLES:,} tables", path=self.shown, line=number)
            lines.append(text if keep else "")
        return Positions("\n".join(lines))

    def read(self) -> dict:
        """The file's data (its text kept in text_lines); a ConfigError at the line where it breaks."""
        from ..base.tomlfile import TomlProblem, parse, read_text
        try:
            text = read_text(self.path, MAX_CONFIG_BYTES, "config file")
            self.text_lines = text.split("\n")
            return parse(text)
        except TomlProblem as bad:
            where = f" (column {bad.column})" if bad.column else ""
            raise ConfigError(bad.message + where, path=self.shown, line=bad.line) from None

    def load(self) -> dict[str, Any]:
        """The keyword arguments of the file's Config (config.load_config makes it)."""
        data = self.read()
        if self.path.name == "pyproject.toml":
            self.base = ("tool", "smmrules")
        self.pos = self.positions()
        if self.base:
            table = data.get("tool", {}).get("smmrules") if isinstance(data.get("tool"), dict) else None
            if table is None:
                raise ConfigError("no [tool.smmrules] table in this pyproject.toml", path=self.shown, line=1)
            if not isinstance(table, dict):
                raise ConfigError("tool.smmrules must be a table", path=self.shown, line=self.line(()))
        else:
            table = data
        root = as_path(os.path.abspath(self.path)).parent
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in CHECKS:
                self.fail(_unknown_key(key, self.base), (key,))
            attr, check = CHECKS[key]
            try:
                values[attr] = check(key, value)
            except BadValue as bad:
                self.fail(bad.message, (key, *bad.sub), bad.element)
            self.lines[(key,)] = self.line((key,), search=False)
        if "rules" in values:
            values["rules"] = self._folders(root, values["rules"])
        for key in ("levels", "options"):
            for code in values.get(key, {}):
                self.lines[(key, code)] = self.line((key, code), search=False)
        for code, opts in values.get("options", {}).items():
            for name in opts:
                self.lines[("options", code, name)] = self.line(("options", code, name), search=False)
        return dict(path=self.path, root=root, lines=self.lines, **values)

    def _folders(self, root: Path, names: tuple[str, ...]) -> tuple[Path, ...]:
        out = []
        for name in names:
            folder = as_path(os.path.normpath(root / name))
            try:
                is_dir = folder.is_dir()
            except OSError:             # a name too long for the file system, and the like
                is_dir = False
            if not is_dir:
                self.fail(f"rules folder {name!r} does not exist or is not a folder (looked for {folder})",
                          ("rules",), name)
            self._confined(root, name, folder)
            out.append(folder)
        return tuple(dict.fromkeys(out))

    def _confined(self, root: Path, name: str, folder: Path) -> None:
        """A config names rule folders inside the repository it ships with (see _repository): not
        an absolute path, `../` or a link that leads out of it, nor a folder holding such a link to
        a rule file, unless the command line names that folder too (`--rules DIR`)."""
        inside = (_repository(os.path.realpath(root)),)
        real = os.path.realpath(folder)
        if _within(real, self.allow_rules):
            return                      # the user named it: it is theirs, links and all
        escape = None if _within(real, inside) else real
        if escape is None:
            try:
                for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                    if entry.name.endswith(".toml") and not _within(os.path.realpath(entry.path), inside):
                        escape = f"{entry.name} -> {os.path.realpath(entry.path)}"
                        break
            except OSError:
                pass                    # unreadable: the rule loader says so, with its path
        if escape is not None:
            line = self._element_line(self.line(("rules",), search=False), name)
            text = self.text_lines[line - 1] if 0 < line <= len(self.text_lines) else ""
            column = next((text.find(q) + 1 for q in (f'"{name}"', f"'{name}'") if q in text), 1)
            raise ConfigError(f"rules folder {name!r} leads outside the repository {inside[0]} ({escape}): a "
                              f"config may only name rule folders inside its repository; to use this one, name "
                              f"it with --rules on the command line", path=self.shown, line=line, column=column)


def _repository(folder: str) -> str:
    """The repository a config belongs to: the nearest folder at or above its own that holds `.git`
    or `.hg` (a repository can ship such a folder only below its root, which only narrows it);
    the config's own folder when there is none."""
    here = folder
    while True:
        if os.path.exists(os.path.join(here, ".git")) or os.path.isdir(os.path.join(here, ".hg")):
            return here
        parent = os.path.dirname(here)
        if parent == here:
            return folder
        here = parent


def _within(path: str, folders) -> bool:
    """Whether a resolved path is one of the resolved `folders` or inside one."""
    for folder in folders:
        if path == folder or path.startswith(folder.rstrip(os.sep) + os.sep):
            return True
    return False


def _unknown_key(key: str, base: tuple) -> str:
    if key in NOT_SUPPORTED:
        return f"unknown key '{key}' ({key} is not supported; {NOT_SUPPORTED[key]})"
    if key == "tool" and not base:
        return "unknown key 'tool' (in .smmrules.toml the settings go at the top level, without [tool.smmrules])"
    return unknown("key", key, KEYS, like=key.replace("_", "-").lower())
