"""The SARIF 2.1.0 format: one run with smmrules' rule metadata, the findings, and files that could not be linted."""
from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from ..base.errors import SYNTAX_CODES
from ..rules.explain import explain_text, headings
from ..rules.findings import Finding
from ..rules.links import url_for
from ..linting.results import FileResult
from .base import Reporter, dumps, located, printable
from .summary import Summary

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/smmrules/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
GENERIC = {
    "E": ("The goal statement could not be parsed ({name}).",
          "smmrules could not read this goal statement, so no rule could check it. The message says where "
          "reading stopped and what was expected there; `smmrules parse \"STATEMENT\"` shows the same error."),
    "": ("{name}", "A problem smmrules reports by itself rather than through a rule file."),
}


def uri(path: str) -> str:
    """A URI reference for a path as given: relative paths stay relative, with `/` separators."""
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(path).drive:
        drive = PureWindowsPath(path).drive
        posix = "/" + posix.lstrip("/") if drive else posix
        return "file://" + quote(_name_bytes(posix), safe="/:")
    return quote(_name_bytes(posix), safe="/")


def _name_bytes(name: str) -> bytes:
    """A name's bytes: an undecodable file name's own (its surrogate escapes), or UTF-8 with any other
    lone surrogate kept as its three bytes, so that every name has a URI."""
    try:
        return name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogatepass")


def code_span(text: str) -> str:
    """Markdown inline code that survives backticks inside `text`."""
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def help_markdown(rule, lang: str) -> str:
    h = headings(lang)
    parts = [f"**{h[key]}**\n\n{rule.text(key, lang)}" for key in ("what", "why", "fix")]
    for expect in ("bad", "good"):
        cases = [c.text for c in rule.cases if c.expect == expect and not c.document]
        if cases:
            parts.append(f"**{h[expect]}**\n\n" + "\n".join(f"- {code_span(c)}" for c in cases))
    return "\n\n".join(parts)


def rule_descriptor(rule, lang: str, docs_url: str | None = None) -> dict:
    tags = [rule.name.split(".")[0]] + (["SMART"] if rule.smart else [])
    return _linked({"id": rule.code, "name": rule.name,
            "shortDescription": {"text": rule.text("summary", lang)},
            "fullDescription": {"text": rule.text("what", lang)},
            "help": {"text": explain_text(rule, lang).rstrip("\n"), "markdown": help_markdown(rule, lang)},
            "defaultConfiguration": {"level": LEVELS.get(rule.level, "warning"), "enabled": rule.enabled},
            "properties": {"smart": rule.smart, "tags": tags}}, docs_url)


def _linked(descriptor: dict, docs_url: str | None) -> dict:
    """The descriptor with `helpUri`, the rule's page, when it has one (rules.links.url_for)."""
    url = url_for(descriptor["id"], docs_url)
    if url is not None:
        descriptor["helpUri"] = url
    return descriptor


def generic_descriptor(f: Finding, docs_url: str | None = None) -> dict:
    """For codes that no rule file defines, such as the syntax errors (SYNTAX_CODES)."""
    syntax = f.code in SYNTAX_CODES
    short, full = GENERIC["E" if syntax else ""]
    short = short.format(name=f.name)
    return _linked({"id": f.code, "name": f.name, "shortDescription": {"text": short},
                    "fullDescription": {"text": full}, "help": {"text": full, "markdown": full},
                    "defaultConfiguration": {"level": LEVELS.get(f.level, "warning")},
                    "properties": {"smart": f.smart, "tags": ["syntax"] if syntax else []}}, docs_url)


def fixes(f: Finding) -> list[dict]:
    """A finding's fix as SARIF `fixes`: the edits as replacements in its file (an insertion is an empty
    deleted region); `properties.applicability` is safe, unsafe or display-only, as in JSON."""
    if f.fix is None or not f.fix.edits:
        return []
    replacements = [{"deletedRegion": {"startLine": e.line, "startColumn": e.column, "endLine": e.end_line,
                                       "endColumn": e.end_column},
                     "insertedContent": {"text": e.text}} for e in f.fix.edits]
    return [{"description": {"text": printable(f.fix.title)},
             "artifactChanges": [{"artifactLocation": {"uri": uri(f.path)}, "replacements": replacements}],
             "properties": {"applicability": f.fix.applicability}}]


def location(path: str, f: Finding | None = None) -> dict:
    physical: dict = {"artifactLocation": {"uri": uri(path)}}
    if f is not None:
        end_column = f.end_column if f.end_line > f.line else max(f.end_column, f.column)
        physical["region"] = {"startLine": f.line, "startColumn": f.column,
                              "endLine": max(f.end_line, f.line), "endColumn": end_column}
    return {"physicalLocation": physical}


class SarifReporter(Reporter):
    """The findings wait on disk (reporters.spool) for the end of the run, where the rules they name
    are described first; each result is then written as it is read back."""

    def __init__(self, *args):
        super().__init__(*args)
        from .spool import Spool
        self.findings = Spool()
        self.extra: dict[str, Finding] = {}       # the first finding of each code no rule in effect has
        self.failures: list[FileResult] = []
        rules = self.options.rules
        self.known = {r.code: r for r in rules.all_rules()} if rules is not None else {}

    def file(self, result: FileResult) -> None:
        found = located(result)
        known, extra = self.known, self.extra
        for f in found:
            if f.code not in known and f.code not in extra:
                extra[f.code] = f
        self.findings.add(found)
        if result.error is not None:
            self.failures.append(result)

    def descriptors(self) -> list[dict]:
        docs_url = self.options.docs_url
        out = [rule_descriptor(r, self.options.lang or "en", docs_url) for r in self.known.values()]
        return out + [generic_descriptor(f, docs_url) for _, f in sorted(self.extra.items())]

    def finish(self, summary: Summary) -> None:
        from ..base.version import __version__
        rules = self.descriptors()
        index = {r["id"]: i for i, r in enumerate(rules)}
        notifications = [{"level": "error", "message": {"text": printable(r.error)}, "locations": [location(r.path)]}
                         for r in self.failures]
        run = {"tool": {"driver": {"name": "smmrules", "version": __version__, "semanticVersion": __version__,
                                   "informationUri": INFORMATION_URI, "rules": rules}},
               "invocations": [{"executionSuccessful": not self.failures,
                                "toolExecutionNotifications": notifications}],
               "columnKind": "unicodeCodePoints",
               "results": [_HOLE] if self.findings.count else []}
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        if not self.findings.count:
            self.out.write(dumps(log, indent=2) + "\n")
            return
        try:
            self._write(log, index)
        finally:
            self.findings.close()

    def _write(self, log: dict, index: dict) -> None:
        """The log with its results read back from the spool, as dumps(log, indent=2) writes it whole: each
        result indented to its depth, and every string \\u-escaped when any of them holds a lone surrogate."""
        import json
        import tempfile
        from .base import _SURROGATE
        whole = json.dumps(log, ensure_ascii=False, indent=2)
        ascii_only = bool(_SURROGATE.search(whole))
        if ascii_only:
            whole = json.dumps(log, indent=2)
        head, tail = whole.split(json.dumps(_HOLE), 1)
        indent = "\n" + " " * (len(head) - len(head.rstrip(" ")))
        with tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass") as body:
            for n, f in enumerate(self.findings.items()):
                text = json.dumps(_result(f, index), ensure_ascii=ascii_only, indent=2)
                if not ascii_only and _SURROGATE.search(text):
                    return self._write_ascii(log, index)
                body.write(("," + indent if n else "") + text.replace("\n", indent))
            self.out.write(head)
            body.seek(0)
            while True:
                chunk = body.read(1 << 16)
                if not chunk:
                    break
                self.out.write(chunk)
            self.out.write(tail + "\n")

    def _write_ascii(self, log: dict, index: dict) -> None:
        """As _write, every string \\u-escaped: a result holds a lone surrogate."""
        import json
        whole = json.dumps(log, indent=2)
        head, tail = whole.split(json.dumps(_HOLE), 1)
        indent = "\n" + " " * (len(head) - len(head.rstrip(" ")))
        self.out.write(head)
        for n, f in enumerate(self.findings.items()):
            self.out.write(("," + indent if n else "") + json.dumps(_result(f, index), indent=2).replace("\n", indent))
        self.out.write(tail + "\n")


_HOLE = "\x00results\x00"     # where the results go in the log written around them


def _result(f: Finding, index: dict) -> dict:
    # message texts are shown by SARIF viewers as they are: no control or bidirectional characters
    # (names in URIs are percent-encoded by uri())
    result = {"ruleId": f.code, "ruleIndex": index[f.code], "level": LEVELS.get(f.level, "warning"),
              "message": {"text": printable(f.message)}, "locations": [location(f.path, f)]}
    if f.fix is not None:
        result["fixes"] = fixes(f)
    return result
