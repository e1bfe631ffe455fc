"""Renamed rule codes in a configuration: find them, and put the new codes in their place.

The alias table (old code -> the code of the rule it now means) comes from the RuleSet or from
rules.aliases.builtin_aliases; a prefix is never redirected (`S` selects today's S rules, not a
rule that left the family).
"""
from __future__ import annotations

from ..base.errors import ConfigError

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

    from .config import Config

_memo: dict = {}


def renamed_in(config: Config, aliases: Mapping[str, str]) -> list[tuple[tuple, str, str]]:
    """(where in the config, old code, new code) for every renamed code the config uses."""
    out: list[tuple[tuple, str, str]] = []
    if not aliases:
        return out
    for key in ("select", "ignore"):
        out += [((key,), c, aliases[c]) for c in getattr(config, key) if c in aliases]
    for glob, codes in config.per_file_ignores:
        out += [(("per-file-ignores", glob), c, aliases[c]) for c in codes if c in aliases]
    for key in ("levels", "options"):
        out += [((key, c), c, aliases[c]) for c in getattr(config, key) if c in aliases]
    return out


def notes(config: Config, aliases: Mapping[str, str]) -> list[str]:
    """One line per renamed code in the config file: `path:line: key: OLD is now NEW; write NEW`."""
    out = []
    for where, old, new in renamed_in(config, aliases):
        line = next((config.lines[where[:n]] for n in range(len(where), 0, -1) if where[:n] in config.lines), None)
        place = f"{config.path}:{line}: " if config.path and line else (f"{config.path}: " if config.path else "")
        out.append(f"{place}{where[0]}: {old} is now {new}; write {new}")
    return out


def resolve(config: Config, aliases: Mapping[str, str]) -> Config:
    """The config with each renamed code replaced by the code of the rule it now means.

    Naming one rule twice with different settings (`levels = {S105 = "error", R404 = "info"}`) is a
    ConfigError at the config's line."""
    if not aliases or not renamed_in(config, aliases):
        return config
    key = (config, tuple(sorted(aliases.items())))
    hit = _memo.get(key)
    if hit is not None:
        return hit

    def codes(items) -> tuple:
        return tuple(dict.fromkeys(aliases.get(c, c) for c in items))

    lines = dict(config.lines)
    changes: dict = {"select": codes(config.select), "ignore": codes(config.ignore),
                     "per_file_ignores": tuple((glob, codes(cs)) for glob, cs in config.per_file_ignores)}
    for name in ("levels", "options"):
        merged: dict = {}
        origin: dict = {}
        for code, value in getattr(config, name).items():
            new = aliases.get(code, code)
            if new in merged and merged[new] != value:
                raise ConfigError(f"{name}: {origin[new]} and {code} name the same rule, {new}, with different "
                                  f"settings; keep only {new}", path=str(config.path) if config.path else None,
                                  line=config.lines.get((name, code)) or config.lines.get((name,)))
            merged[new] = value
            origin.setdefault(new, code)
            if new != code:
                for where, line in config.lines.items():
                    if where[:2] == (name, code):
                        lines.setdefault((name, new) + where[2:], line)
        changes[name] = merged
    changes["lines"] = lines
    resolved = config.evolve(**changes)
    if len(_memo) > 64:
        _memo.clear()
    _memo[key] = resolved
    return resolved
