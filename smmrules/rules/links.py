"""Links from findings to their rule's page: `url` in JSON, `helpUri` in SARIF, the language
server's `codeDescription`. The base is the config's `docs-url`; by default, the rule pages of
the repository (docs/rules/, one page CODE.md per rule and per renamed code)."""
from __future__ import annotations

REPOSITORY = "https://example.org/smmrules"
DEFAULT_DOCS_URL = f"{REPOSITORY}/docs/rules/"


def rule_url(code: str, base: str | None = None) -> str:
    """The address of the page of rule `code` under `base` (DEFAULT_DOCS_URL when None)."""
    base = base or DEFAULT_DOCS_URL
    if not base.endswith("/"):
        base += "/"
    return f"{base}{code}.md"


def url_for(code: str, base: str | None = None) -> str | None:
    """The page of `code` when it has one: every code of the built-in rules, their renamed codes and
    the syntax errors have one among the default pages; any other code (of a team's own rule folder or
    a plugin) only under a `docs-url` the team set, whose pages are theirs."""
    if base is not None:
        return rule_url(code, base)
    return rule_url(code) if code in _builtin_codes() else None


def _builtin_codes() -> frozenset:
    """The codes with a page among the default ones; kept in the cache with the package's data as
    its key, so that a JSON report answered from the result cache loads no rule to link them."""
    global _BUILTIN
    if _BUILTIN is None:
        from ..base import cache

        def build() -> frozenset:
            from ..base.errors import SYNTAX_CODES
            from .engine import default_rules
            builtin = default_rules()
            return frozenset({r.code for r in builtin.all_rules()} | set(builtin.aliases) | set(SYNTAX_CODES))
        _BUILTIN = cache.cached("rule-page-codes", cache.key(cache.data_stamp()), build,
                                lambda v: type(v) is frozenset and all(type(c) is str for c in v))
    return _BUILTIN


_BUILTIN: frozenset | None = None
