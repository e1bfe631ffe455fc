"""Renamed rule codes: the built-in rules' alias table.

The alias table itself is data (`[aliases]` in rule files, rules/aliases.toml for the built-in
rules) and is read by the RuleSet. An alias maps one whole old code to the code of the rule it now
means; a prefix is never redirected (`S` selects today's S rules, not a rule that left the family).
A configuration's renamed codes are found and replaced by smmrules/linting/renamed.py.
"""
from __future__ import annotations


def builtin_aliases() -> dict[str, str]:
    """The built-in rules' alias table, from the cache when it is there (without loading the rules)."""
    from ..base import cache

    def build() -> dict[str, str]:
        from .engine import default_rules
        return dict(default_rules().aliases)
    def whole(value) -> bool:
        return type(value) is dict and all(type(k) is str and type(v) is str for k, v in value.items())
    return cache.cached("builtin-aliases", cache.key("builtin-aliases", cache.data_stamp()), build, whole)
