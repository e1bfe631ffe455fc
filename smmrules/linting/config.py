"""A run's settings: the Config record, the command line's changes to it and its check against the
loaded rules. Finding, loading and applying a config live beside it (discovery, loading, selection,
with globs and keys); their public names are importable from here too."""
from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path
    from typing import Any

from ..base.errors import ConfigError
from ..base.languages import LANGS
from ..base.limits import MAX_ENTRIES, MAX_STATEMENT
from ..base.record import Record, _set
from .discovery import as_path, find_config
from .keys import (CHECKS, CODE_RE, DEFAULT_EXCLUDE, DEFAULT_INCLUDE, KEYS, LEVELS, MAX_FILE_SIZE, PREFIX_RE,
                   BadValue, check_choice, check_codes, checked)
from .selection import ignored_in, is_excluded, is_selected, matches_include

__all__ = ["CODE_RE", "DEFAULT", "DEFAULT_EXCLUDE", "DEFAULT_INCLUDE", "KEYS", "LANGS", "LEVELS", "PREFIX_RE",
           "Config", "check_known", "config_for", "find_config", "ignored_in", "is_excluded", "is_selected", "load_config",
           "matches_include", "with_overrides"]


def _tuple(value):
    return tuple(value) if isinstance(value, (list, tuple)) else value


class Config(Record):
    """Settings for one run; DEFAULT when there is no config file. `root` is the config file's
    folder (a Path; DEFAULT's is ".", the working directory at use); `lines` maps keys to config
    lines. Every value is checked as the loader checks it: a bad one is a ConfigError."""

    __slots__ = ("path", "root", "select", "ignore", "fail_on", "lang", "rules", "include", "exclude",
                 "per_file_ignores", "levels", "options", "max_file_size", "max_statement_length", "max_entries",
                 "plugins", "lines", "docs_url")
    _no_compare = ("lines",)

    def __init__(self, path: Path | None = None, root: Path | str = ".", select: tuple = (), ignore: tuple = (),
                 fail_on: str = "warning", lang: str | None = None, rules: tuple = (),
                 include: tuple = DEFAULT_INCLUDE, exclude: tuple = DEFAULT_EXCLUDE, per_file_ignores: tuple = (),
                 levels: dict | None = None, options: dict | None = None, max_file_size: int = MAX_FILE_SIZE,
                 max_statement_length: int = MAX_STATEMENT, max_entries: int = MAX_ENTRIES,
                 plugins: tuple = (), lines: dict | None = None, docs_url: str | None = None):
        values = {"select": _tuple(select), "ignore": _tuple(ignore), "fail-on": fail_on, "lang": lang,
                  "rules": _tuple(rules), "include": _tuple(include), "exclude": _tuple(exclude),
                  "per-file-ignores": _tuple(per_file_ignores), "levels": {} if levels is None else levels,
                  "options": {} if options is None else options, "max-file-size": max_file_size,
                  "max-statement-length": max_statement_length, "max-entries": max_entries,
                  "plugins": _tuple(plugins), "docs-url": docs_url}
        _set(self, "path", path)
        _set(self, "root", root)
        for key, value in values.items():
            checked(key, value)
            _set(self, CHECKS[key][0], value)
        _set(self, "lines", {} if lines is None else lines)

    def __hash__(self):
        return hash((self.path, self.select, self.ignore, self.fail_on, self.lang, self.rules))


def with_overrides(config: Config, *, select=None, ignore=None, fail_on=None, lang=None, rules=None) -> Config:
    """The config with command-line options applied on top (each None leaves the config's value).

    --select replaces select and drops the config's ignore entries at least as broad as a selected
    code (an explicit `--select T101` beats `ignore = ["T1"]`); --ignore adds to ignore; --rules
    folders come after the config's.
    """
    changes: dict[str, Any] = {}
    try:
        if select is not None:
            changes["select"] = check_codes("--select", select)
            changes["ignore"] = tuple(i for i in config.ignore
                                      if not any(s.startswith(i) for s in changes["select"]))
        if ignore is not None:
            changes["ignore"] = tuple(dict.fromkeys(changes.get("ignore", config.ignore)
                                                    + check_codes("--ignore", ignore)))
        if fail_on is not None:
            changes["fail_on"] = check_choice("--fail-on", fail_on, LEVELS)
        if lang is not None:
            changes["lang"] = check_choice("--lang", lang, LANGS)
    except BadValue as bad:
        raise ConfigError(bad.message) from None
    if rules:
        changes["rules"] = tuple(dict.fromkeys((*config.rules, *(as_path(os.path.abspath(r)) for r in rules))))
    return config.evolve(**changes) if changes else config


def load_config(path: Path | str, *, allow_rules: tuple = ()) -> Config:
    """Read and validate a config file; any problem is a ConfigError `path:line: what is wrong`.

    Its rule folders must lie inside its own folder; `allow_rules` names folders (from the
    command line) that it may also name, with what is inside them."""
    from .loading import Loader     # a run without a config file never loads the loader
    return Config(**Loader(path, allow_rules).load())


def config_for(paths, *, config_file=None, allow_rules: tuple = (), stdin_name: str | None = None) -> Config:
    """The config a run over `paths` uses: `config_file` when given, else the one found upward from
    the first path (`-`, standard input, is looked up as the file `stdin_name` names, as editors
    expect, else from the working directory), else DEFAULT. `allow_rules`: see load_config."""
    if not config_file:
        first = next((p for p in paths if p != "-"), stdin_name or os.getcwd())
        start = first if os.path.isdir(first) else os.path.dirname(os.path.normpath(first)) or "."
        config_file = find_config(os.path.realpath(start) if os.path.exists(start) else os.getcwd())
        if not config_file:
            return DEFAULT
    return load_config(config_file, allow_rules=allow_rules)


def check_known(config: Config, rules: dict[str, dict]) -> None:
    """Check levels and options against the loaded rules (code -> default options): ConfigError at the line."""
    from ..base.options import setting_problem
    from ..base.suggest import unknown
    where = str(config.path) if config.path else None

    def fail(message, key):
        line = next((config.lines[key[:n]] for n in range(len(key), 0, -1) if key[:n] in config.lines), None)
        raise ConfigError(message, path=where, line=line)
    for key in ("levels", "options"):
        for code in getattr(config, key):
            if code not in rules:
                fail(f"{key}: {unknown('rule code', code, rules)}", (key, code))
    for code, opts in config.options.items():
        for name, value in opts.items():
            bad = setting_problem(code, name, value, rules[code])
            if bad is not None:
                fail(bad, ("options", code, name))


DEFAULT = Config()      # the settings of a run without a config file
