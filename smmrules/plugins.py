"""Python plugins: installed entry points (group "smmrules.plugins") that a config names.

A plugin adds functions to the condition language for logic beyond it, and may ship rule
folders. It is loaded only when the config's `plugins = [...]` names it; a config can never point
at a file or a module path, so a repository cannot make smmrules import its own code.

The entry point is an object (or a callable returning one) with optional attributes or keys:
    functions: {name: (argument kinds, return kind, callable)}   kinds: num, str, bool, date, list
    rules: [folder, ...]
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable

from ._record import Record, _set
from .errors import ConfigError
from .fields import FUNCTIONS, FunctionSig

GROUP = "smmrules.plugins"
KINDS = ("num", "str", "bool", "date", "list")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}(\.[a-z][a-z0-9_]{0,40})?$")


class Plugin(Record):
    """An installed plugin: its entry-point name, functions (name -> (FunctionSig, callable); not
    compared) and rule folders."""

    __slots__ = ("name", "functions", "rules")
    _no_compare = ("functions",)

    def __init__(self, name: str, functions: dict | None = None, rules: tuple = ()):
        _set(self, "name", name)
        _set(self, "functions", {} if functions is None else functions)
        _set(self, "rules", rules)


def _get(spec, key):
    if isinstance(spec, dict):
        return spec.get(key)
    return getattr(spec, key, None)


def load_plugins(names, *, path: str | None = None) -> tuple[Plugin, ...]:
    """Load the named plugins; a name that is not an installed entry point is a ConfigError."""
    if not names:
        return ()
    from importlib.metadata import entry_points
    installed = {ep.name: ep for ep in entry_points(group=GROUP)}
    out = []
    for name in names:
        ep = installed.get(name)
        if ep is None:
            known = ", ".join(sorted(installed)) or "none installed"
            raise ConfigError(f"plugin '{name}' is not an installed smmrules plugin ({known})", path=path)
        try:
            obj = ep.load()
            spec = obj() if callable(obj) and not isinstance(obj, dict) else obj
        except Exception as exc:  # noqa: BLE001 - a broken plugin is a config problem, not a crash
            raise ConfigError(f"plugin '{name}' failed to load: {exc}", path=path) from None
        functions: dict[str, tuple[FunctionSig, Callable]] = {}
        for fname, fspec in (_get(spec, "functions") or {}).items():
            try:
                args, returns, impl = fspec
            except (TypeError, ValueError):
                raise ConfigError(f"plugin '{name}': function '{fname}' must be (args, returns, callable)",
                                  path=path) from None
            if not isinstance(fname, str) or not _NAME.match(fname) or fname in FUNCTIONS:
                raise ConfigError(f"plugin '{name}': '{fname}' is not a usable function name", path=path)
            if not callable(impl) or returns not in KINDS or not all(
                    isinstance(a, str) and a.lstrip("*") in KINDS for a in args):
                raise ConfigError(f"plugin '{name}': function '{fname}' has an invalid signature", path=path)
            functions[fname] = (FunctionSig(tuple(args), returns), impl)
        rules = tuple(Path(p) for p in (_get(spec, "rules") or ()))
        out.append(Plugin(name, functions, rules))
    return tuple(out)
