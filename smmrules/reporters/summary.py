"""The counts a report ends with (and the CLI picks its exit code from): files, failures, findings."""
from __future__ import annotations

from types import MappingProxyType

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Mapping

from ..base.record import Record, _set
from ..rules.findings import LEVEL_ORDER
from ..linting.results import FileResult

LEVELS = tuple(LEVEL_ORDER)


def _frozen_counts(counts: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(counts))


class Summary(Record):
    """What a report covered.

    files: results received (linted or not); files_with_errors: results whose `error` is set
    (the file could not be linted); files_with_findings: files with at least one finding;
    by_level: findings per level (always has error, warning and info); by_code: findings per code.
    """

    __slots__ = ("files", "files_with_errors", "files_with_findings", "by_level", "by_code")

    def __init__(self, files: int = 0, files_with_errors: int = 0, files_with_findings: int = 0,
                 by_level: Mapping[str, int] | None = None, by_code: Mapping[str, int] | None = None):
        _set(self, "files", files)
        _set(self, "files_with_errors", files_with_errors)
        _set(self, "files_with_findings", files_with_findings)
        _set(self, "by_level", _frozen_counts({lv: 0 for lv in LEVELS} if by_level is None else by_level))
        _set(self, "by_code", _frozen_counts({} if by_code is None else by_code))

    def __hash__(self):
        return hash((self.files, self.files_with_errors, self.files_with_findings,
                     tuple(self.by_level.items()), tuple(self.by_code.items())))

    @property
    def findings(self) -> int:
        return sum(self.by_level.values())

    @property
    def files_linted(self) -> int:
        return self.files - self.files_with_errors

    def at_or_above(self, level: str) -> int:
        """Findings at `level` or more severe (error > warning > info)."""
        limit = LEVEL_ORDER[level]
        return sum(n for lv, n in self.by_level.items() if LEVEL_ORDER.get(lv, len(LEVELS)) <= limit)


class Tally:
    """Counts results as they stream past; `summary()` freezes the counts so far."""

    def __init__(self) -> None:
        self.files = self.files_with_errors = self.files_with_findings = 0
        self.by_level = {lv: 0 for lv in LEVELS}
        self.by_code: dict[str, int] = {}
        self.names: dict[str, str] = {}   # code -> rule name, first seen
        self.langs: set[str] = set()      # the languages of the documents linted
        self.parts_found = False          # whether the parts of the current file had findings

    def add(self, result: FileResult) -> None:
        if result.partial:              # some of a file's findings, more to come: the file counts once, at its end
            self.parts_found = self.parts_found or bool(result.findings)
        else:
            self.files += 1
            self.files_with_errors += result.error is not None
            self.files_with_findings += bool(result.findings) or self.parts_found
            self.parts_found = False
        if result.lang is not None:
            self.langs.add(result.lang)
        for f in result.findings:
            self.by_level[f.level] = self.by_level.get(f.level, 0) + 1
            self.by_code[f.code] = self.by_code.get(f.code, 0) + 1
            self.names.setdefault(f.code, f.name)

    def summary(self) -> Summary:
        return Summary(self.files, self.files_with_errors, self.files_with_findings, self.by_level,
                       dict(sorted(self.by_code.items())))
