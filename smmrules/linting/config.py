"""Configuration: find and validate [tool.smmrules] / .smmrules.toml, and apply it to codes and paths."""
from __future__ import annotations

import math
import os
import re
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path
    from typing import Any

from ..base.lazyre import LazyPattern
from ..base.record import Record, _set
from ..base.errors import ConfigError
from ..base.limits import ENTRIES_CEILING, MAX_ENTRIES as MAX_DOCUMENT_ENTRIES, MAX_STATEMENT as MAX_STATEMENT_LENGTH
from ..base.limits import STATEMENT_CEILING as STATEMENT_LENGTH_CEILING

LEVELS = ("error", "warning", "info")
LANGS = ("en", "ru", "uk")
PLUGIN_GROUP = "smmrules.plugins"
DEFAULT_INCLUDE = ("*.goals",)
DEFAULT_EXCLUDE = (".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist")
MAX_FILE_SIZE = 5_000_000            # default max-file-size, bytes
FILE_SIZE_CEILING = 1_000_000_000    # the largest max-file-size a config may ask for
MAX_CONFIG_BYTES = 1_000_000         # a config file larger than this is refused unread
MAX_PATTERN = 1_000                  # characters in one glob or folder name
MAX_ENTRIES = 1_000                  # items in one list or table of the config
MAX_TABLES = 1_000                   # [table] headers in the part of the file that is ours
OPTION_NUMBER_LIMIT = 1e12           # the condition language's own bound on numbers
KEYS = ("select", "ignore", "fail-on", "lang", "rules", "include", "exclude", "per-file-ignores",
        "levels", "options", "max-file-size", "max-statement-length", "max-entries", "plugins")
NOT_SUPPORTED = {"extend-select": "list every code in select", "extend-ignore": "list every code in ignore",
                 "extend-exclude": "exclude replaces the default list; repeat the defaults you want",
                 "extend-include": "include replaces the default list"}
PREFIX_RE = LazyPattern(r"[A-Z]{1,3}[0-9]{0,3}")
CODE_RE = LazyPattern(r"[A-Z]{1,3}[0-9]{3}")
OPTION_RE = LazyPattern(r"[A-Za-z_][A-Za-z0-9_]*")
PLUGIN_RE = LazyPattern(r"[A-Za-z0-9][A-Za-z0-9_.\-]*")
CODES_HINT = 'a list of rule codes or prefixes like "T1"'


class _Bad(Exception):
    """A value that cannot be used: the message, the sub-key it is under and the bad list element."""

    def __init__(self, message: str, sub: tuple = (), element: Any = None):
        super().__init__(message)
        self.message, self.sub, self.element = message, sub, element


def _bounded(name: str, value: Any) -> None:
    if len(value) > MAX_ENTRIES:
        raise _Bad(f"{name} has {len(value):,} entries; the limit is {MAX_ENTRIES:,}")


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (list, tuple)):
        return "a list"
    return str(value)


def _codes(name: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise _Bad(f"{name} must be {CODES_HINT}")
    _bounded(name, value)
    out = []
    for item in value:
        code = item.strip().upper() if isinstance(item, str) else None
        if code is None or not PREFIX_RE.fullmatch(code):
            raise _Bad(f"{name} must be {CODES_HINT}, got {_shown(item)}", element=item)
        out.append(code)
    return tuple(dict.fromkeys(out))


def _choice(name: str, value: Any, options: tuple[str, ...]) -> str:
    if value not in options or not isinstance(value, str):
        raise _Bad(f"{name} must be one of {', '.join(options)}, got {_shown(value)}")
    return value


def _strings(name: str, value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise _Bad(f"{name} must be a list of {what}")
    _bounded(name, value)
    for item in value:
        if not isinstance(item, str) or not item.strip() or len(item) > MAX_PATTERN or "\x00" in item:
            raise _Bad(f"{name} must be a list of {what}, got {_shown(item)}", element=item)
    return tuple(value)


def _globs(name: str, value: Any) -> tuple[str, ...]:
    globs = _strings(name, value, 'glob patterns like "*.goals"')
    for glob in globs:
        _simple_enough(name, glob)
    return globs


def _simple_enough(name: str, glob: str) -> None:
    if wildcards(glob) > MAX_WILDCARDS:
        raise _Bad(f"{name}: the glob {_shown(glob[:60] + ('...' if len(glob) > 60 else ''))} has "
                   f"{wildcards(glob):,} wildcards; the limit is {MAX_WILDCARDS}", element=glob)


def _limit(name: str, value: Any, ceiling: int, unit: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= ceiling:
        raise _Bad(f"{name} must be a whole number of {unit} from 1 to {ceiling:_}, got {_shown(value)}")
    return value


def _plugins(name: str, value: Any) -> tuple[str, ...]:
    names = _strings(name, value, f'installed plugin names (entry points of the "{PLUGIN_GROUP}" group)')
    for item in names:
        if not PLUGIN_RE.fullmatch(item) or item.lower().endswith((".py", ".pyc")):
            raise _Bad(f"{name} must name installed plugins (entry points of the \"{PLUGIN_GROUP}\" group), "
                       f"not files or modules, got {_shown(item)}", element=item)
    return tuple(dict.fromkeys(names))


def _per_file_ignores(name: str, value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise _Bad(f'{name} must be a table of glob = [codes], like "docs/**" = ["T1"]')
    _bounded(name, value)
    out = []
    for glob, codes in value.items():
        if not glob.strip() or len(glob) > MAX_PATTERN or "\x00" in glob:
            raise _Bad(f"{name} has an empty or overlong glob pattern", sub=(glob,))
        try:
            _simple_enough(name, glob)
        except _Bad as bad:
            raise _Bad(bad.message, (glob,)) from None
        try:
            out.append((glob, _codes(f"{name} for '{glob}'", codes)))
        except _Bad as bad:
            raise _Bad(bad.message, (glob,), bad.element) from None
    return tuple(out)


def _levels(name: str, value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _Bad(f'{name} must be a table of rule code = level, like T101 = "error"')
    _bounded(name, value)
    out = {}
    for code, level in value.items():
        if not CODE_RE.fullmatch(code):
            raise _Bad(f"{name}: {code!r} is not a rule code like \"T101\"", sub=(code,))
        try:
            out[code] = _choice(f"level of {code}", level, LEVELS)
        except _Bad as bad:
            raise _Bad(bad.message, (code,)) from None
    return out


def _options(name: str, value: Any) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise _Bad(f"{name} must be a table of rule code = table of option values")
    _bounded(name, value)
    out: dict[str, dict[str, Any]] = {}
    for code, opts in value.items():
        if not CODE_RE.fullmatch(code):
            raise _Bad(f"{name}: {code!r} is not a rule code like \"A304\"", sub=(code,))
        if not isinstance(opts, dict):
            raise _Bad(f"{name} for {code} must be a table of option = value", sub=(code,))
        try:
            _bounded(f"{name} for {code}", opts)
        except _Bad as bad:
            raise _Bad(bad.message, (code,)) from None
        for key, v in opts.items():
            if not OPTION_RE.fullmatch(key):
                raise _Bad(f"{name} for {code}: {key!r} is not an option name", sub=(code, key))
            number = isinstance(v, (int, float)) and not isinstance(v, bool)
            if not isinstance(v, (int, float, str, bool)) or (
                    number and (not math.isfinite(v) or abs(v) > OPTION_NUMBER_LIMIT)) or (
                    isinstance(v, str) and len(v) > MAX_PATTERN):
                raise _Bad(f"option '{key}' of {code} must be a number (at most 1e12), a string or true/false",
                           sub=(code, key))
        out[code] = dict(opts)
    return out


# TOML key -> (Config attribute, checker(name, value) -> normalized value)
_CHECKS = {
    "select": ("select", _codes), "ignore": ("ignore", _codes),
    "fail-on": ("fail_on", lambda n, v: _choice(n, v, LEVELS)),
    "lang": ("lang", lambda n, v: _choice(n, v, LANGS)),
    "rules": ("rules", lambda n, v: _strings(n, v, "folders of rule files")),
    "include": ("include", _globs), "exclude": ("exclude", _globs),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "levels": ("levels", _levels), "options": ("options", _options),
    "max-file-size": ("max_file_size", lambda n, v: _limit(n, v, FILE_SIZE_CEILING, "bytes")),
    "max-statement-length": ("max_statement_length",
                             lambda n, v: _limit(n, v, STATEMENT_LENGTH_CEILING, "characters")),
    "max-entries": ("max_entries", lambda n, v: _limit(n, v, ENTRIES_CEILING, "entries")),
    "plugins": ("plugins", _plugins),
}


def _checked(key: str, value: Any) -> None:
    """Run the check the loader runs for `key` on a value given to Config(): a ConfigError naming it."""
    if key == "lang" and value is None:
        return
    if key == "rules":
        value = tuple(str(v) for v in value) if isinstance(value, (list, tuple)) else value
    if key == "per-file-ignores":
        pairs = isinstance(value, tuple) and all(isinstance(p, tuple) and len(p) == 2 for p in value)
        value = dict(value) if pairs else value
    try:
        _CHECKS[key][1](key, value)
    except _Bad as bad:
        raise ConfigError(bad.message) from None


def _tuple(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


class Config(Record):
    """Settings for one run; DEFAULT when there is no config file. `root` is the config file's
    folder (a Path; DEFAULT's is ".", the working directory at use); `lines` maps keys to config
    lines. Every value is checked as the loader checks it: a bad one is a ConfigError."""

    __slots__ = ("path", "root", "select", "ignore", "fail_on", "lang", "rules", "include", "exclude",
                 "per_file_ignores", "levels", "options", "max_file_size", "max_statement_length", "max_entries",
                 "plugins", "lines")
    _no_compare = ("lines",)

    def __init__(self, path: Path | None = None, root: Path | str = ".", select: tuple = (), ignore: tuple = (),
                 fail_on: str = "warning", lang: str | None = None, rules: tuple = (),
                 include: tuple = DEFAULT_INCLUDE, exclude: tuple = DEFAULT_EXCLUDE, per_file_ignores: tuple = (),
                 levels: dict | None = None, options: dict | None = None, max_file_size: int = MAX_FILE_SIZE,
                 max_statement_length: int = MAX_STATEMENT_LENGTH, max_entries: int = MAX_DOCUMENT_ENTRIES,
                 plugins: tuple = (), lines: dict | None = None):
        values = {"select": _tuple(select), "ignore": _tuple(ignore), "fail-on": fail_on, "lang": lang,
                  "rules": _tuple(rules), "include": _tuple(include), "exclude": _tuple(exclude),
                  "per-file-ignores": _tuple(per_file_ignores), "levels": {} if levels is None else levels,
                  "options": {} if options is None else options, "max-file-size": max_file_size,
                  "max-statement-length": max_statement_length, "max-entries": max_entries,
                  "plugins": _tuple(plugins)}
        _set(self, "path", path)
        _set(self, "root", root)
        for key, value in values.items():
            _checked(key, value)
            _set(self, _CHECKS[key][0], value)
        _set(self, "lines", {} if lines is None else lines)

    def __hash__(self):
        return hash((self.path, self.select, self.ignore, self.fail_on, self.lang, self.rules))



# ---------------------------------------------------------------------------------- discovery
def _mentions_us(path: Path) -> bool:
    """Whether a pyproject.toml has a [tool.smmrules] table (or is too broken or big to tell)."""
    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return True                     # load_config reports the size
        raw = path.read_bytes()
    except OSError:
        return False
    if b"smmrules" not in raw:
        return False                        # most pyproject.toml files: no need to parse them
    import tomllib
    from ..base.tomlpos import bounds_error
    try:
        text = raw.decode("utf-8").lstrip("\ufeff")
        if bounds_error(text) is not None:
            return True                     # load_config says why it cannot be read
        data = tomllib.loads(text)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return b"smmrules" in raw           # broken: ours only if it mentions us, then load_config says why
    tool = data.get("tool")
    return isinstance(tool, dict) and "smmrules" in tool


def find_config(start: Path | str) -> Path | None:
    """The nearest .smmrules.toml, or pyproject.toml with [tool.smmrules], in `start` or above.
    (Plain os.path: a run without a config file does not import pathlib.)"""
    here = os.path.abspath(start)
    if os.path.isfile(here):
        here = os.path.dirname(here)
    while True:
        own = os.path.join(here, ".smmrules.toml")
        if os.path.isfile(own):
            return _path(own)
        pyproject = os.path.join(here, "pyproject.toml")
        if os.path.isfile(pyproject) and _mentions_us(_path(pyproject)):
            return _path(pyproject)
        parent = os.path.dirname(here)
        if parent == here:
            return None
        here = parent


def _path(name):
    from pathlib import Path
    return Path(name)


# ---------------------------------------------------------------------------------- loading
# possessive quantifiers: linear time on long runs of spaces (see smmrules/base/tomlpos.py)
_KEY_LINE = LazyPattern(r"^\s*+[A-Za-z0-9_\-\"'. ]++=")
_HEADER_NAME = LazyPattern(r"^\s*+\[\[?+\s*+([^\]]*+)\]\]?+\s*+(#.*)?$")


class _Loader:
    def __init__(self, path: Path | str, allow_rules: tuple = ()):
        self.path = _path(path)
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

    def read(self) -> str:
        try:
            size = self.path.stat().st_size
            if size > MAX_CONFIG_BYTES:
                raise ConfigError(f"config file is {size:,} bytes; the limit is {MAX_CONFIG_BYTES:,}",
                                  path=self.shown, line=1)
            with open(self.path, "rb") as fh:
                raw = fh.read(MAX_CONFIG_BYTES + 1)
            if len(raw) > MAX_CONFIG_BYTES:     # a device or a file that grew: stat said less
                raise ConfigError(f"config file is more than {MAX_CONFIG_BYTES:,} bytes", path=self.shown, line=1)
        except IsADirectoryError:
            raise ConfigError("config file is a directory", path=self.shown, line=1) from None
        except OSError as exc:
            raise ConfigError(f"cannot read config file: {exc.strerror or exc}", path=self.shown, line=1) from None
        try:
            return raw.decode("utf-8").removeprefix("\ufeff")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            raise ConfigError(f"config file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
                              path=self.shown, line=line) from None

    def parse(self, text: str) -> dict:
        import tomllib
        from ..base.tomlpos import bounds_error
        bad = bounds_error(text)
        if bad is not None:
            message, line, column = bad
            raise ConfigError(f"invalid TOML: {message} (column {column})", path=self.shown, line=line)
        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            msg = str(exc)
            m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
            line = int(m.group(1)) if m else (text.count("\n") + 1 if "end of document" in msg else 1)
            msg = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", msg) or "cannot parse"
            where = f" (column {m.group(2)})" if m else ""
            raise ConfigError(f"invalid TOML: {msg}{where}", path=self.shown, line=line) from None
        except RecursionError:
            raise ConfigError("invalid TOML: nested too deeply", path=self.shown, line=1) from None

    def load(self) -> Config:
        text = self.read()
        data = self.parse(text)
        if self.path.name == "pyproject.toml":
            self.base = ("tool", "smmrules")
        self.text_lines = text.split("\n")
        self.pos = self.positions()
        if self.base:
            table = data.get("tool", {}).get("smmrules") if isinstance(data.get("tool"), dict) else None
            if table is None:
                raise ConfigError("no [tool.smmrules] table in this pyproject.toml", path=self.shown, line=1)
            if not isinstance(table, dict):
                raise ConfigError("tool.smmrules must be a table", path=self.shown, line=self.line(()))
        else:
            table = data
        root = _path(os.path.abspath(self.path)).parent
        values: dict[str, Any] = {}
        for key, value in table.items():
            if key not in _CHECKS:
                self.fail(_unknown_key(key, self.base), (key,))
            attr, check = _CHECKS[key]
            try:
                values[attr] = check(key, value)
            except _Bad as bad:
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
        return Config(path=self.path, root=root, lines=self.lines, **values)

    def _folders(self, root: Path, names: tuple[str, ...]) -> tuple[Path, ...]:
        out = []
        for name in names:
            folder = _path(os.path.normpath(root / name))
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
    dashed = key.replace("_", "-").lower()
    import difflib
    close = [dashed] if dashed in KEYS else difflib.get_close_matches(key, KEYS, n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown key '{key}'{hint}"


def load_config(path: Path, *, allow_rules: tuple = ()) -> Config:
    """Read and validate a config file; any problem is a ConfigError `path:line: what is wrong`.

    Its rule folders must lie inside its own folder; `allow_rules` names folders (from the
    command line) that it may also name, with what is inside them."""
    return _Loader(path, allow_rules).load()


def with_overrides(config: Config, *, select=None, ignore=None, fail_on=None, lang=None, rules=None) -> Config:
    """The config with command-line options applied on top (each None leaves the config's value).

    --select replaces select and drops the config's ignore entries at least as broad as a selected
    code (an explicit `--select T101` beats `ignore = ["T1"]`); --ignore adds to ignore; --rules
    folders come after the config's.
    """
    changes: dict[str, Any] = {}
    try:
        if select is not None:
            changes["select"] = _codes("--select", select)
            changes["ignore"] = tuple(i for i in config.ignore
                                      if not any(s.startswith(i) for s in changes["select"]))
        if ignore is not None:
            changes["ignore"] = tuple(dict.fromkeys(changes.get("ignore", config.ignore)
                                                    + _codes("--ignore", ignore)))
        if fail_on is not None:
            changes["fail_on"] = _choice("--fail-on", fail_on, LEVELS)
        if lang is not None:
            changes["lang"] = _choice("--lang", lang, LANGS)
    except _Bad as bad:
        raise ConfigError(bad.message) from None
    if rules:
        changes["rules"] = tuple(dict.fromkeys((*config.rules, *(_path(os.path.abspath(r)) for r in rules))))
    return config.evolve(**changes) if changes else config


def check_known(config: Config, rules: dict[str, dict]) -> None:
    """Check levels and options against the loaded rules (code -> default options): ConfigError at the line."""
    import difflib
    where = str(config.path) if config.path else None

    def fail(message, key):
        line = next((config.lines[key[:n]] for n in range(len(key), 0, -1) if key[:n] in config.lines), None)
        raise ConfigError(message, path=where, line=line)
    for key in ("levels", "options"):
        for code in getattr(config, key):
            if code not in rules:
                close = difflib.get_close_matches(code, list(rules), n=1)
                fail(f"{key}: unknown rule code '{code}'" + (f" (did you mean '{close[0]}'?)" if close else ""),
                     (key, code))
    for code, opts in config.options.items():
        for name, value in opts.items():
            known = rules[code]
            if name not in known:
                close = difflib.get_close_matches(name, list(known), n=1)
                fail(f"unknown option '{name}' of {code}" + (f" (did you mean '{close[0]}'?)" if close else ""),
                     ("options", code, name))
            if type(value) is not type(known[name]) and not (
                    isinstance(value, (int, float)) and isinstance(known[name], (int, float))
                    and not isinstance(value, bool) and not isinstance(known[name], bool)):
                kind = {"int": "number", "float": "number", "bool": "true or false", "str": "string"}.get(
                    type(known[name]).__name__, type(known[name]).__name__)
                fail(f"option '{name}' of {code} must be a {kind}", ("options", code, name))


# ---------------------------------------------------------------------------------- applying
def _prefixed(code: str, prefixes) -> bool:
    return any(code.startswith(p) for p in prefixes)


def is_selected(config: Config, code: str, path: str | None = None) -> bool:
    """Whether findings of `code` (in the file at `path`) are reported: select, ignore, per-file-ignores."""
    if config.select and not _prefixed(code, config.select):
        return False
    if _prefixed(code, config.ignore):
        return False
    if path is not None and config.per_file_ignores and _prefixed(code, ignored_in(config, path)):
        return False
    return True


@lru_cache(maxsize=256)
def ignored_in(config: Config, path: str) -> tuple[str, ...]:
    """The codes per-file-ignores turns off in the file at `path`: its globs are matched once per file."""
    parts = _relative_parts(config, path)
    return tuple(c for glob, codes in config.per_file_ignores
                 if _glob_match(glob, parts) or _glob_match(glob, parts[-1:]) for c in codes)


def is_excluded(config: Config, path: Path, *, above_checked: bool = False) -> bool:
    """Whether `path` or a folder above it (up to the config's folder) matches an exclude glob.

    `above_checked`: the folder holding `path` is known not to be excluded (a walk admitted it), so
    only the last name and the whole path are matched: a walk down deep folders stays linear."""
    parts = _relative_parts(config, path)
    for glob in config.exclude:
        if above_checked:
            if _glob_match(glob, parts[-1:]) or _glob_match(glob, parts):
                return True
        elif any(_glob_match(glob, (part,)) for part in parts) or any(_prefix_matches(glob, parts)):
            return True
    return False


def matches_include(config: Config, path: Path) -> bool:
    """Whether a file found in a folder is one to lint (its name or relative path matches include)."""
    parts = _relative_parts(config, path)
    return any(_glob_match(g, parts[-1:]) or _glob_match(g, parts) for g in config.include)


def _relative_parts(config: Config, path) -> tuple[str, ...]:
    """Path components relative to the config folder; just the file name for a path outside it.

    Folders above the config's folder never count, so a checkout under `build/` is not excluded.
    """
    full = os.path.abspath(path)
    root = os.path.abspath(config.root)
    if os.name != "posix" or full.startswith("//") or root.startswith("//"):
        # drives and case-insensitive names, or POSIX's implementation-defined "//": pathlib knows them
        from pathlib import PurePath
        try:
            parts = PurePath(full).relative_to(root).parts
        except ValueError:
            parts = ()
        return parts or (PurePath(full).name or full,)
    prefix = root if root.endswith("/") else root + "/"
    parts = tuple(filter(None, full[len(prefix):].split("/"))) if full.startswith(prefix) else ()
    return parts or (os.path.basename(full) or full,)


# ---------------------------------------------------------------------------------- globs
# A glob is compiled once into segments: `**` (any number of path components) or a pattern for one
# component. A component's pattern is split at its `*`s into pieces of fixed length (literals, `?`,
# [classes]), each compiled to a regular expression without quantifiers, so nothing can backtrack:
# the first piece is anchored at the start, the last at the end, and the ones between are found
# leftmost in turn (a leftmost match never loses a match a later one would find). Matching one
# component costs at most its length times the longest piece, and a glob has at most MAX_WILDCARDS
# wildcards, so `**` keeps few states; a config's globs are matched once per file, not per finding.
MAX_WILDCARDS = 32


@lru_cache(maxsize=8192)
def _compile(glob: str) -> tuple:
    text = glob.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if text.endswith("/"):
        text = text.rstrip("/") + "/**"
    segments = []
    for seg in text.strip("/").split("/"):
        if not seg:
            continue
        segments.append("**" if seg == "**" else _segment(seg))
    return tuple(segments)


def wildcards(glob: str) -> int:
    """How many wildcards (`*`, `**`, `?`, [classes]) a glob has: what its matching costs grow with."""
    return sum(len(_pieces(seg)) - 1 + sum(tok[0] != "=" for piece in _pieces(seg) for tok in piece)
               if seg != "**" else 1 for seg in glob.strip().replace("\\", "/").split("/") if seg)


def _pieces(seg: str) -> list[list[tuple]]:
    """A component's pattern as the pieces between its `*`s; each piece a list of one-character tokens:
    ("=", ch), ("?",), ("[", ranges, negate)."""
    pieces: list[list[tuple]] = [[]]
    i = 0
    while i < len(seg):
        c = seg[i]
        if c == "*":
            if pieces[-1] or len(pieces) == 1:
                pieces.append([])
        elif c == "?":
            pieces[-1].append(("?",))
        elif c == "[" and (end := seg.find("]", i + 2 + (seg[i + 1:i + 2] in ("!", "^")))) != -1:
            body = seg[i + 1:end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            ranges, j = [], 0
            while j < len(body):
                if j + 2 < len(body) and body[j + 1] == "-":
                    ranges.append((body[j], body[j + 2]))
                    j += 3
                else:
                    ranges.append((body[j], body[j]))
                    j += 1
            pieces[-1].append(("[", tuple(ranges), negate))
            i = end
        else:
            pieces[-1].append(("=", c))
        i += 1
    return pieces


def _piece_regex(tokens: list[tuple]):
    out = []
    for tok in tokens:
        if tok[0] == "=":
            out.append(re.escape(tok[1]))
        elif tok[0] == "?":
            out.append(".")
        else:
            ranges = [(lo, hi) for lo, hi in tok[1] if lo <= hi]   # a reversed range matches nothing
            body = "".join(re.escape(lo) if lo == hi else f"{re.escape(lo)}-{re.escape(hi)}" for lo, hi in ranges)
            if body:
                out.append(f"[{'^' if tok[2] else ''}{body}]")
            else:
                out.append("." if tok[2] else "(?!)")
    return re.compile("".join(out), re.DOTALL)


def _segment(seg: str) -> tuple:
    """(head, middles, tail, fixed): with no `*`, `fixed` is the whole pattern (head etc. None);
    otherwise the pieces before the first and after the last `*` (None when empty) and those between."""
    pieces = _pieces(seg)
    if len(pieces) == 1:
        return (None, (), None, _piece_regex(pieces[0]))
    head = _piece_regex(pieces[0]) if pieces[0] else None
    tail = (_piece_regex(pieces[-1]), len(pieces[-1])) if pieces[-1] else None
    middles = tuple(_piece_regex(p) for p in pieces[1:-1] if p)
    return (head, middles, tail, None)


def _segment_match(compiled: tuple, text: str) -> bool:
    """Whether one path component matches a compiled component pattern (see the comment above)."""
    head, middles, tail, fixed = compiled
    if fixed is not None:
        return fixed.fullmatch(text) is not None
    pos, end = 0, len(text)
    if head is not None:
        m = head.match(text)
        if m is None:
            return False
        pos = m.end()
    if tail is not None:
        pattern, size = tail
        if end - size < pos or pattern.fullmatch(text, end - size) is None:
            return False
        end -= size
    for pattern in middles:
        m = pattern.search(text, pos, end)
        if m is None:
            return False
        pos = m.end()
    return True


def _glob_match(glob: str, parts: tuple[str, ...]) -> bool:
    """Whether the path components `parts` match `glob` as a whole."""
    n, last = 0, False
    for n, last in enumerate(_prefix_matches(glob, parts), start=1):
        pass
    return n == len(parts) > 0 and last      # the matcher stops early when no state is left


def _prefix_matches(glob: str, parts: tuple[str, ...]):
    """For n = 1, 2, ...: whether parts[:n] matches `glob` as a whole (one pass over the parts, so
    asking it of every folder above a file costs no more than asking it of the file)."""
    segments = _compile(glob)
    if not segments:
        return
    if "**" not in segments:
        if len(parts) > len(segments):      # a glob without ** matches paths of its own length only
            parts = parts[:len(segments)]

    def closure(states):
        out = set(states)
        for i in states:
            while i < len(segments) and segments[i] == "**":
                i += 1
                out.add(i)
        return out
    states = closure({0})
    for part in parts:
        states = closure({i + (segments[i] != "**") for i in states if i < len(segments)
                          and (segments[i] == "**" or _segment_match(segments[i], part))})
        if not states:
            return
        yield len(segments) in states


DEFAULT = Config()      # made last: checking its globs uses the glob functions above
