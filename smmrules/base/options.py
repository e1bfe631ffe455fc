"""Rule options: the one check of an option's value, and of a value set for an option a rule declares.

Three readers take option values: a rule file's own `options` table and its `[[override]]` entries
(the rules layer) and the config's `[options]` table (the linting layer). The check lives here, in
the lowest layer, so that both can import it and all three accept and refuse the same values with
the same words; it knows nothing of files, only of names and values.
"""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Any, Mapping

NUMBER_LIMIT = 1e12         # the condition language's own bound on numbers
MAX_STRING = 1_000          # characters in one string option
VALUES = "a number (at most 1e12), a string or true/false"


def kind(value: Any) -> str:
    """What an option value is, in the words of a message: "true or false", "number" or "string"."""
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


def value_problem(name: str, value: Any, code: str | None = None) -> str | None:
    """Why `value` cannot be the value of option `name` (of rule `code`, when given), or None.

    An option is a finite number of at most NUMBER_LIMIT either way, a string of at most MAX_STRING
    characters, or true/false: what a condition can compare and a message can print."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if abs(value) <= NUMBER_LIMIT:     # false for nan too, which no message can print
            return None
    elif isinstance(value, str) and len(value) <= MAX_STRING:
        return None
    owner = f" of {code}" if code else ""
    return f"option '{name}'{owner} must be {VALUES}"


def setting_problem(code: str, name: str, value: Any, declared: Mapping[str, Any]) -> str | None:
    """Why option `name` of rule `code` cannot be set to `value`, or None: `declared` maps the rule's
    options to their default values, and a new value must be of the same kind as the default (a
    number for a number: true is not a number of months)."""
    if name not in declared:
        from .suggest import did_you_mean
        return f"unknown option '{name}' of {code}{did_you_mean(name, declared)}"
    bad = value_problem(name, value, code)
    if bad is not None:
        return bad
    want = kind(declared[name])
    if kind(value) != want:
        return f"option '{name}' of {code} must be a {want}"
    return None
