"""What every reporter shares: its options, the per-file hooks it implements, safe output helpers."""
from __future__ import annotations

import abc

TYPE_CHECKING = False  # typing costs milliseconds to import; annotations are never evaluated

from ..base.lazyre import LazyPattern
from ..base.record import Record, _set
from ..rules.findings import Finding
from ..linting.results import FileResult

if TYPE_CHECKING:
    from typing import Any, TextIO
    from .summary import Summary, Tally

# C0/C1 controls other than tab (they could move the cursor or recolour a terminal), bidirectional
# embeddings, overrides, isolates and marks (they reorder what is shown: "Trojan Source"), the line and
# paragraph separators, lone surrogates (from undecodable file names; a UTF-8 stream cannot write them)
BIDI_AND_SEPARATORS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029"
_UNPRINTABLE = LazyPattern("[\x00-\x08\x0a-\x1f\x7f-\x9f" + BIDI_AND_SEPARATORS + "\ud800-\udfff]")
_SURROGATE = LazyPattern("[\ud800-\udfff]")


class Options(Record):
    """rules: a RuleSet, or None when the caller has none at hand; lang: the language of the report's
    own lines, None for the documents' language (English when they differ); fail_on: the lowest level
    that fails the run (formats that mark failures, JUnit, mark only those), None for every level;
    docs_url: the config's base address of the rule pages (None: the default pages, rules.links)."""

    __slots__ = ("rules", "lang", "color", "statistics", "quiet", "fail_on", "docs_url")

    def __init__(self, rules: Any = None, lang: str | None = "en", color: bool = False, statistics: bool = False,
                 quiet: bool = False, fail_on: str | None = None, docs_url: str | None = None):
        _set(self, "rules", rules)
        _set(self, "lang", lang)
        _set(self, "color", color)
        _set(self, "statistics", statistics)
        _set(self, "quiet", quiet)
        _set(self, "fail_on", fail_on)
        _set(self, "docs_url", docs_url)

    def __hash__(self):
        return hash((self.lang, self.color, self.statistics, self.quiet, self.fail_on))


class Reporter(abc.ABC):
    """One report format. `file` is called as each result arrives; `finish` once, after the last."""

    def __init__(self, out: TextIO, options: Options, tally: "Tally"):
        self.out = out
        self.options = options
        self.tally = tally     # counts of the results received so far, including the current one

    @abc.abstractmethod
    def file(self, result: FileResult) -> None:
        """Report one file's result (or remember it, for formats written at the end)."""

    def finish(self, summary: "Summary") -> None:
        pass

    def flush(self) -> None:
        flush = getattr(self.out, "flush", None)
        if flush is not None:
            flush()


def located(result: FileResult) -> tuple[Finding, ...]:
    """The result's findings, with the result's path on those that have none (check_goal findings)."""
    return tuple(f if f.path is not None else f.evolve(path=result.path) for f in result.findings)


def printable(text: str) -> str:
    """`text` made safe for a terminal: control characters, bidirectional controls, line separators and
    lone surrogates become U+FFFD."""
    return _UNPRINTABLE.sub("\ufffd", text)


_ENCODE: list = []          # [json.JSONEncoder(ensure_ascii=False).encode], made on first use


def dumps(obj: Any, **kwargs) -> str:
    """JSON with non-ASCII text kept readable, falling back to \\u escapes when there are lone surrogates."""
    import json
    if kwargs:
        text = json.dumps(obj, ensure_ascii=False, **kwargs)
    else:           # one finding a line: one encoder for them all (json.dumps makes one per call)
        if not _ENCODE:
            _ENCODE.append(json.JSONEncoder(ensure_ascii=False).encode)
        text = _ENCODE[0](obj)
    return json.dumps(obj, **kwargs) if _SURROGATE.compiled.search(text) else text
