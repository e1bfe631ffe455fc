"""smmrules: parse, check and lint social-media-marketing goals (en/ru/uk).

The public names are imported on first use, so `smmrules lint` starts without loading what a
run does not need.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "Baseline": "ast", "Deadline": "ast", "Goal": "ast", "Metric": "ast", "Secondary": "ast", "Span": "ast",
    "Target": "ast",
    "DataFileError": "errors", "GoalSyntaxError": "errors", "SmmrulesError": "errors", "RuleFileError": "errors",
    "ConfigError": "errors", "DocumentLimitError": "errors",
    "parse_goal": "parse", "Context": "context", "Finding": "findings",
    "RuleSet": "engine", "check_goal": "engine", "Task": "catalogue", "suggest_tasks": "catalogue",
    "parse_document": "document", "Document": "document", "lint": "linting",
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
