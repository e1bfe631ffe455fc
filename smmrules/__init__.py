"""smmrules: parse, check and lint social-media-marketing goals (en/ru/uk).

The public names are imported on first use, so `smmrules lint` starts without loading what a
run does not need.
"""
# No `from __future__ import ...` here: it is an import like any other, run before the line below,
# and under `python -m smmrules` a `__future__.py` in the current directory would be found first.
import sys as _sys


def _forget_the_working_directory() -> None:
    """Under `python -m smmrules` (or `-m smmrules.docgen`, ...), take out the entry for the current
    directory that `-m` puts first on sys.path, before anything of ours imports another module.

    Linting is done from a repository's root, and the repository is untrusted: with that entry a
    `tomllib.py`, an `attr/` or a `*.dist-info` it ships would be imported (or loaded as a plugin)
    instead of the installed ones. The console script never has it (its sys.path starts with the
    script's folder), so both ways of running smmrules import the same code. What Python itself
    imports to find the package before this runs (runpy and what it needs: importlib, functools,
    collections, types, ...) is beyond reach; `python -P -m smmrules` (or PYTHONSAFEPATH=1) leaves
    the entry out from the start. A program that imports smmrules as a library keeps its sys.path."""
    if _sys.argv[:1] != ["-m"] or _sys.flags.safe_path or not _sys.path:
        return                          # not -m while the module is being located, or nothing to take out
    getframe = getattr(_sys, "_getframe", None)
    frame = getframe(1) if getframe is not None else None
    while frame is not None and frame.f_code.co_name != "_run_module_as_main":
        frame = frame.f_back
    running = frame.f_locals.get("mod_name", "") if frame is not None else ""
    if running != "smmrules" and not running.startswith("smmrules."):
        return                          # another program's `-m` that imports smmrules on the way
    import os
    try:
        here = os.getcwd()
    except OSError:
        here = None
    if _sys.path[0] in ("", ".") or (here is not None and _sys.path[0] == here):
        del _sys.path[0]


_forget_the_working_directory()

import importlib  # noqa: E402

from .base.version import __version__  # noqa: E402

_EXPORTS = {
    "Baseline": "language.ast", "Deadline": "language.ast", "Goal": "language.ast", "Metric": "language.ast",
    "Secondary": "language.ast", "Span": "language.ast", "Target": "language.ast",
    "DataFileError": "base.errors", "GoalSyntaxError": "base.errors", "SmmrulesError": "base.errors",
    "RuleFileError": "base.errors", "ConfigError": "base.errors", "DocumentLimitError": "base.errors",
    "Context": "language.context", "Finding": "rules.findings", "RuleSet": "rules.engine", "Task": "rules.catalogue",
    "Document": "documents.goals", "Config": "linting.config", "FileResult": "linting.results",
    # the functions of smmrules.api, each imported from its own module so that one costs no more than it needs
    "parse_goal": "language.parse", "check_goal": "rules.engine", "suggest_tasks": "rules.engine",
    "parse_document": "documents.goals", "lint": "linting.pipeline", "lint_paths": "api",
    "lint_iter": "linting.stream",
    # fixes and the formatter (smmrules.editing)
    "Fix": "rules.fixes", "Edit": "rules.fixes", "apply_fixes": "editing.apply", "fix_text": "editing.apply",
    "format_text": "editing.format",
}

__all__ = sorted([*_EXPORTS, "__version__", "metrics"])


def __getattr__(name: str):
    if name == "metrics":
        return importlib.import_module(".metrics", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'smmrules' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__():
    return __all__
