"""The report formats of `smmrules lint`: write a stream of FileResults as text, JSON, SARIF, GitHub or JUnit."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, TextIO

from ..results import FileResult
from .base import Options, Reporter
from .github import GithubReporter
from .json import JsonReporter
from .junit import JunitReporter
from .sarif import SarifReporter
from .summary import Summary, Tally
from .text import TextReporter

if TYPE_CHECKING:
    from ..engine import RuleSet

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "sarif": SarifReporter,
    "github": GithubReporter,
    "junit": JunitReporter,
}
FORMATS = tuple(REPORTERS)


def write_report(results: Iterable[FileResult], *, fmt: str, out: TextIO, rules: "RuleSet | None",
                 lang: str = "en", color: bool = False, statistics: bool = False,
                 quiet: bool = False) -> Summary:
    """Write `results` to `out` in format `fmt` and return their counts.

    `results` may be a generator: text, github and json write each file's findings as soon as its
    result arrives. `rules` gives SARIF its rule metadata; `lang` the language of rule texts;
    `color` (ANSI, text only) is the caller's decision (a TTY and no NO_COLOR).
    """
    try:
        reporter_class = REPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}: expected one of {', '.join(FORMATS)}") from None
    tally = Tally()
    reporter = reporter_class(out, Options(rules, lang, color, statistics, quiet), tally)
    for result in results:
        tally.add(result)
        reporter.file(result)
    summary = tally.summary()
    reporter.finish(summary)
    reporter.flush()
    return summary


__all__ = ["FORMATS", "Options", "Reporter", "Summary", "write_report"]
