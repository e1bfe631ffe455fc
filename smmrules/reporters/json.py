"""The JSON format: one list of findings (Finding.to_json, with the rule page's `url`) for all files,
streamed one finding a line."""
from __future__ import annotations

from ..linting.results import FileResult
from ..rules.links import url_for
from .base import Reporter, dumps, located
from .summary import Summary


class JsonReporter(Reporter):
    """Files that could not be linted are not findings: the CLI reports them on stderr."""

    def __init__(self, *args):
        super().__init__(*args)
        self.count = 0

    def file(self, result: FileResult) -> None:
        parts = []
        base = self.options.docs_url
        for f in located(result):
            parts.append(("[\n  " if self.count == 0 else ",\n  ") + dumps(f.to_json(url_for(f.code, base))))
            self.count += 1
        if parts:
            self.out.write("".join(parts))
            self.flush()

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
