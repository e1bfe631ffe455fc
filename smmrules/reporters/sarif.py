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
    def __init__(self, *args):
        super().__init__(*args)
        self.findings: list[Finding] = []
        self.failures: list[FileResult] = []

    def file(self, result: FileResult) -> None:
        self.findings.extend(located(result))
        if result.error is not None:
            self.failures.append(result)

    def descriptors(self) -> list[dict]:
        rules = self.options.rules
        known = {r.code: r for r in rules.all_rules()} if rules is not None else {}
        docs_url = self.options.docs_url
        out = [rule_descriptor(r, self.options.lang or "en", docs_url) for r in known.values()]
        extra: dict[str, Finding] = {}
        for f in self.findings:
            if f.code not in known:
                extra.setdefault(f.code, f)
        return out + [generic_descriptor(f, docs_url) for _, f in sorted(extra.items())]

    def finish(self, summary: Summary) -> None:
        from ..base.version import __version__
        rules = self.descriptors()
        index = {r["id"]: i for i, r in enumerate(rules)}
        # message texts are shown by SARIF viewers as they are: no control or bidirectional characters
        # (names in URIs are percent-encoded by uri())
        results = [{"ruleId": f.code, "ruleIndex": index[f.code], "level": LEVELS.get(f.level, "warning"),
                    "message": {"text": printable(f.message)}, "locations": [location(f.path, f)]}
                   for f in self.findings]
        for result, f in zip(results, self.findings):
            if f.fix is not None:
                result["fixes"] = fixes(f)
        notifications = [{"level": "error", "message": {"text": printable(r.error)}, "locations": [location(r.path)]}
                         for r in self.failures]
        run = {"tool": {"driver": {"name": "smmrules", "version": __version__, "semanticVersion": __version__,
                                   "informationUri": INFORMATION_URI, "rules": rules}},
               "invocations": [{"executionSuccessful": not self.failures,
                                "toolExecutionNotifications": notifications}],
               "columnKind": "unicodeCodePoints",
               "results": results}
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        self.out.write(dumps(log, indent=2) + "\n")
