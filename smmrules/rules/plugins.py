"""Python plugins: installed entry points (group "smmrules.plugins") that a config names.

A plugin adds functions to the condition language for logic beyond it, and may ship rule
folders. It is loaded only when the config's `plugins = [...]` names it; a config can never point
at a file or a module path, so a repository cannot make smmrules import its own code.

The entry point is an object (or a callable returning one) with optional attributes or keys:
    functions: {name: (argument kinds, return kind, callable)}   kinds: num, str, bool, date, list
    rules: [folder, ...]
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Callable

from ..base.record import Record, _set
from ..base.errors import ConfigError
from .functions import FUNCTIONS, FunctionSig

GROUP = "smmrules.plugins"
KINDS = ("num", "str", "bool", "date", "list")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}(\.[a-z][a-z0-9_]{0,40})?$")


class Plugin(Record):
    """An installed plugin: its entry-point name, functions (name -> (FunctionSig, callable); not
    compared), rule folders, and `stamp`: a hash of its distribution's name and version and of its
    code (cached results depend on it, so an upgraded or edited plugin never serves old findings)."""

    __slots__ = ("name", "functions", "rules", "stamp")
    _no_compare = ("functions",)

    def __init__(self, name: str, functions: dict | None = None, rules: tuple = (), stamp: str = ""):
        _set(self, "name", name)
        _set(self, "functions", {} if functions is None else functions)
        _set(self, "rules", rules)
        _set(self, "stamp", stamp)


def _get(spec, key):
    if isinstance(spec, dict):
        return spec.get(key)
    return getattr(spec, key, None)


MAX_CODE_FILES = 2_000  # files of a plugin's package hashed for its stamp; a bigger one is stamped by sizes and times


def _code_files(module) -> list[str]:
    """The files of the top-level package (or the single module) that holds `module`."""
    import sys
    top = sys.modules.get(module.partition(".")[0])
    if top is None:
        return []
    roots = list(getattr(top, "__path__", None) or ())
    if not roots:
        origin = getattr(top, "__file__", None)
        return [origin] if origin else []
    out: list[str] = []
    for root in roots:
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            out += [os.path.join(folder, f) for f in sorted(files) if not f.endswith((".pyc", ".pyo"))]
    return out


def _stamp(ep) -> str:
    """What a cached result of a plugin's rules depends on: the entry point, its distribution's name
    and version, and its package's files (their bytes; sizes and times past MAX_CODE_FILES)."""
    from ..base.cache import hasher
    h = hasher()
    dist = getattr(ep, "dist", None)
    h.update(repr((ep.name, ep.value, getattr(dist, "name", None), getattr(dist, "version", None))).encode())
    files = _code_files(ep.module)
    for i, f in enumerate(files):
        h.update(b"\0" + f.encode("utf-8", "surrogateescape") + b"\0")
        try:
            if i < MAX_CODE_FILES:
                with open(f, "rb") as fh:
                    h.update(fh.read())
            else:
                st = os.stat(f)
                h.update(f"{st.st_size}:{st.st_mtime_ns}".encode())
        except OSError:
            h.update(b"unreadable")
    return h.hexdigest()


def _installed():
    """The entry points of the group in the installed environment: sys.path without the current
    directory (which `python -m` and a script run from it put first), so a repository being linted
    cannot plant a `*.dist-info` that names its own code."""
    import sys
    from importlib.metadata import distributions
    here = os.getcwd()
    path = [p for p in sys.path if p not in ("", ".") and os.path.abspath(p) != here]
    out, seen = {}, set()
    for dist in distributions(path=path):
        name = getattr(dist, "_normalized_name", None) or dist.metadata["Name"]
        if name in seen:            # shadowed by the same distribution earlier on the path, as entry_points() does
            continue
        seen.add(name)
        for ep in dist.entry_points:
            if ep.group == GROUP:
                out.setdefault(ep.name, ep)
    return out


def load_plugins(names, *, path: str | None = None) -> tuple[Plugin, ...]:
    """Load the named plugins; a name that is not an installed entry point is a ConfigError."""
    if not names:
        return ()
    installed = _installed()
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
        out.append(Plugin(name, functions, rules, _stamp(ep)))
    return tuple(out)
