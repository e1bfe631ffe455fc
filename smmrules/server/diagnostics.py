"""Findings as the JSON of LSP diagnostics, made once per finding and kept between edits.

A diagnostic is a function of its finding's code, level, message, columns, the number of lines it
spans and the text of the lines it starts and ends on (a column becomes the client's units from
that text): that is its key. Its line numbers are not in the key: a finding that only moved (lines
added or removed above it) reuses its diagnostic with the lines put in. What is kept is the JSON
text itself, so that a publish joins ready strings instead of building and serialising ~400
objects; each call keeps only the diagnostics the document has now.
"""
from __future__ import annotations

import json

SOURCE = "smmrules"
SEVERITY = {"error": 1, "warning": 2, "info": 3}    # lsprotocol's DiagnosticSeverity values


def _line(lines, number: int):
    return lines[number - 1] if 0 < number <= len(lines) else None


class DiagnosticJSON:
    """The diagnostics of one document as JSON text; `text(findings, lines)` gives the array."""

    def __init__(self, position, docs_url=None):
        self.position = position        # (lines, line, column) -> the column in the client's units
        self.docs_url = docs_url
        self._made: dict = {}           # key -> (start character, end character, the rest of the object)
        self.made = 0                   # diagnostics made anew in the last call (for the tests)

    def text(self, findings, lines) -> str:
        from ..rules.links import url_for
        made, kept = self._made, {}
        self.made = 0
        parts = []
        for f in findings:
            key = (f.code, f.level, f.message, f.column, f.end_column, f.end_line - f.line, _line(lines, f.line),
                   _line(lines, f.end_line) if f.end_line != f.line else None)
            body = made.get(key) or kept.get(key)
            if body is None:
                rest = {"message": f.message, "severity": SEVERITY[f.level], "code": f.code, "source": SOURCE}
                url = url_for(f.code, self.docs_url)
                if url:
                    rest["codeDescription"] = {"href": url}
                body = (self.position(lines, f.line, f.column), self.position(lines, f.end_line, f.end_column),
                        json.dumps(rest)[1:])
                self.made += 1
            kept[key] = body
            start, end, rest = body
            parts.append(f'{{"range":{{"start":{{"line":{f.line - 1},"character":{start}}},'
                         f'"end":{{"line":{f.end_line - 1},"character":{end}}}}},{rest}')
        self._made = kept
        return "[" + ",".join(parts) + "]"
