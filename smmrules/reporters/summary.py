"""The counts a report ends with (and the CLI picks its exit code from): files, failures, findings."""
from __future__ import annotations

from types import MappingProxyType
from typing import Mapping

import attrs

from ..findings import LEVEL_ORDER
from ..results import FileResult

LEVELS = tuple(LEVEL_ORDER)


def _frozen_counts(counts: Mapping[str, int]) -> Mapping[str, int]:
    return MappingProxyType(dict(counts))


@attrs.frozen
class Summary:
    """What a report covered.

    files: results received (linted or not); files_with_errors: results whose `error` is set
    (the file could not be linted); files_with_findings: files with at least one finding;
    by_level: findings per level (always has error, warning and info); by_code: findings per code.
    """
    files: int = 0
    files_with_errors: int = 0
    files_with_findings: int = 0
    by_level: Mapping[str, int] = attrs.field(default=MappingProxyType({lv: 0 for lv in LEVELS}),
                                              converter=_frozen_counts)
    by_code: Mapping[str, int] = attrs.field(default=MappingProxyType({}), converter=_frozen_counts)

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

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.files_with_errors += result.error is not None
        self.files_with_findings += bool(result.findings)
        for f in result.findings:
            self.by_level[f.level] = self.by_level.get(f.level, 0) + 1
            self.by_code[f.code] = self.by_code.get(f.code, 0) + 1
            self.names.setdefault(f.code, f.name)

    def summary(self) -> Summary:
        return Summary(self.files, self.files_with_errors, self.files_with_findings, self.by_level,
                       dict(sorted(self.by_code.items())))
