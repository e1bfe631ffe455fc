"""The report formats of `smmrules lint`: write a stream of FileResults as text, JSON, SARIF, GitHub or JUnit."""
from __future__ import annotations

import importlib

from ..linting.results import FileResult
from .base import Options, Reporter
from .summary import Summary, Tally

TYPE_CHECKING = False  # typing costs milliseconds to import; annotations are never evaluated
if TYPE_CHECKING:
    from typing import Iterable, TextIO
    from ..rules.engine import RuleSet

# format -> (module, class); a run imports only the format it writes
_REPORTERS = {
    "text": ("text", "TextReporter"),
    "json": ("json", "JsonReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "github": ("github", "GithubReporter"),
    "junit": ("junit", "JunitReporter"),
}
FORMATS = tuple(_REPORTERS)


def reporter_class(fmt: str) -> type[Reporter]:
    module, name = _REPORTERS[fmt]
    return getattr(importlib.import_module(f".{module}", __name__), name)


def write_report(results: Iterable[FileResult], *, fmt: str, out: TextIO, rules: "RuleSet | None",
                 lang: str | None = "en", color: bool = False, statistics: bool = False,
                 quiet: bool = False, fail_on: str | None = None, docs_url: str | None = None) -> Summary:
    """Write `results` to `out` in format `fmt` and return their counts.

    `results` may be a generator: text, github and json write each file's findings as soon as its
    result arrives. `rules` gives SARIF its rule metadata; `lang` the language of rule texts and of
    the summary (None: the documents' language);
    `color` (ANSI, text only) is the caller's decision (a TTY and no NO_COLOR); `fail_on` the lowest
    level that fails the run (JUnit marks only those findings as failures; None: every finding);
    `docs_url` the config's base address of the rule pages that JSON and SARIF link to.
    """
    if fmt not in _REPORTERS:
        raise ValueError(f"unknown report format {fmt!r}: expected one of {', '.join(FORMATS)}")
    tally = Tally()
    reporter = reporter_class(fmt)(out, Options(rules, lang, color, statistics, quiet, fail_on, docs_url), tally)
    for result in results:
        tally.add(result)
        reporter.file(result)
    summary = tally.summary()
    reporter.finish(summary)
    reporter.flush()
    return summary


__all__ = ["FORMATS", "Options", "Reporter", "Summary", "write_report"]
