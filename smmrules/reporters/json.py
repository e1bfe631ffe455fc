"""The JSON format: one list of findings (Finding.to_json, with the rule page's `url`) for all files,
streamed one finding a line."""
from __future__ import annotations

from ..linting.results import FileResult
from ..rules.links import url_for
from .base import _SURROGATE, Reporter, dumps, located
from .summary import Summary

from json.encoder import JSONEncoder, encode_basestring as _string   # (_string: how the encoder writes a str)

_raw = JSONEncoder(ensure_ascii=False).encode      # lone surrogates kept: the whole text is checked for them


class JsonReporter(Reporter):
    """Files that could not be linted are not findings: the CLI reports them on stderr."""

    def __init__(self, *args):
        super().__init__(*args)
        self.count = 0
        # a finding's JSON is its rule's (code, name, SMART letter, level), the same on every finding of
        # that rule, then its own message and place, then its rule's page: the two ends are written once
        self.heads: dict[tuple, str] = {}
        self.urls: dict[str, str] = {}

    def file(self, result: FileResult) -> None:
        parts = []
        for f in located(result):
            parts.append(("[\n  " if self.count == 0 else ",\n  ") + self.encode(f))
            self.count += 1
        if parts:
            self.out.write("".join(parts))
            self.flush()

    def encode(self, f) -> str:
        """dumps(f.to_json(url)), byte for byte, from the rule's parts written before."""
        if f.message.__class__ is not str or (f.path is not None and f.path.__class__ is not str) or not (
                f.line.__class__ is f.column.__class__ is f.end_line.__class__ is f.end_column.__class__ is int):
            return dumps(f.to_json(url_for(f.code, self.options.docs_url)))
        key = (f.code, f.name, f.smart, f.level)
        head = self.heads.get(key)
        if head is None:
            head = self.heads[key] = _raw({"code": f.code, "name": f.name, "smart": f.smart,
                                           "level": f.level})[:-1] + ', "message": '
        url = self.urls.get(f.code)
        if url is None:
            page = url_for(f.code, self.options.docs_url)
            url = self.urls[f.code] = ', "url": ' + _raw(page) if page is not None else ""
        text = "".join((head, _string(f.message), ', "path": ', "null" if f.path is None else _string(f.path),
                        ', "line": ', str(f.line), ', "column": ', str(f.column), ', "end_line": ', str(f.end_line),
                        ', "end_column": ', str(f.end_column), url,
                        ', "fix": ' + _raw(f.fix.to_json()) if f.fix is not None else "", "}"))
        if not text.isascii() and _SURROGATE.compiled.search(text):
            return dumps(f.to_json(url_for(f.code, self.options.docs_url)))   # (its \u escapes)
        return text

    def finish(self, summary: Summary) -> None:
        self.out.write("\n]\n" if self.count else "[]\n")
