"""The JUnit format: an XML <testsuite> per file and a failing <testcase> per finding, for CI test views."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..linting.results import FileResult
from .base import BIDI_AND_SEPARATORS, Reporter, located, printable
from .summary import Summary

# characters XML 1.0 cannot carry at all, not even as references; and the C1 controls, bidirectional
# controls and line separators that CI test views would show raw (as on a terminal: reporters.base)
_NOT_XML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|["
                      + BIDI_AND_SEPARATORS + "]")
DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def shown(text: str) -> str:
    """A name or message for a test view: escaped as on a terminal, and only characters XML can carry."""
    return xml_text(printable(text))


def _case(f, path: str, limit: int) -> ET.Element:
    """A finding's <testcase>: a <failure> at or above the level `limit` (LEVEL_ORDER), else <system-out>."""
    from ..rules.findings import LEVEL_ORDER
    # names and messages as on a terminal (reporters.base.printable): no CR or LF breaking a test view's
    # line, no controls; what printable keeps, XML 1.0 can carry
    case = ET.Element("testcase", classname=path, name=f"{f.code} {f.line}:{f.column}")
    message = shown(f.message)
    line = f"{shown(f.path or '')}:{f.line}:{f.column}: {f.code} [{f.level}] {message}"
    if LEVEL_ORDER.get(f.level, 0) <= limit:
        failure = ET.SubElement(case, "failure", type=f.code, message=message)
        failure.text = line
    else:
        ET.SubElement(case, "system-out").text = line
    return case


def _limit(fail_on: str | None) -> int:
    from ..rules.findings import LEVEL_ORDER
    return LEVEL_ORDER[fail_on] if fail_on in LEVEL_ORDER else len(LEVEL_ORDER)


def _around(el: ET.Element, level: int, inside: str) -> str:
    """`el` written as ET.indent at `level` and ET.tostring write it, with `inside` as its children."""
    ET.SubElement(el, "hole")
    ET.indent(el, level=level)
    return ET.tostring(el, encoding="unicode").replace("<hole />", inside, 1)


class JunitReporter(Reporter):
    """Each test case is written as soon as its finding arrives, to a temporary file (a file's
    <testsuite> says how many cases it has, and <testsuites> the totals of all files, before them);
    the report is what ET.indent and ET.tostring make of the whole tree."""

    def __init__(self, *args):
        super().__init__(*args)
        import tempfile
        self.limit = _limit(self.options.fail_on)
        self.suites = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass")
        self.cases = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass")
        self.count = self.failing = 0               # the current file's cases and failures so far
        self.totals = {"tests": 0, "failures": 0, "errors": 0}
        self.files = 0

    def file(self, result: FileResult) -> None:
        from ..rules.findings import LEVEL_ORDER
        path, limit, cases = shown(result.path), self.limit, self.cases
        for f in located(result):
            text = ET.tostring(_indented(_case(f, path, limit), 2), encoding="unicode")
            cases.write(text if not self.count else _CASE_GAP + text)
            self.count += 1
            self.failing += LEVEL_ORDER.get(f.level, 0) <= limit
        if result.partial:
            return
        errors = int(result.error is not None)
        tests = self.count + errors or 1
        el = ET.Element("testsuite", name=path, tests=str(tests), failures=str(self.failing), errors=str(errors))
        lead = []
        if result.error is not None:
            case = ET.Element("testcase", classname=path, name="lint")
            error = shown(result.error)
            ET.SubElement(case, "error", message=error).text = error
            lead.append(ET.tostring(_indented(case, 2), encoding="unicode"))
        if not self.count and not errors:
            lead.append(ET.tostring(ET.Element("testcase", classname=path, name="no findings"), encoding="unicode"))
        head, tail = _around(el, 1, "\0").split("\0")
        self.suites.write((_SUITE_GAP if self.files else "") + head + _CASE_GAP.join(lead))
        if self.count:
            cases.seek(0)
            if lead:
                self.suites.write(_CASE_GAP)
            _copy(cases, self.suites)
            cases.seek(0)
            cases.truncate()
        self.suites.write(tail)
        self.files += 1
        for key, n in (("tests", tests), ("failures", self.failing), ("errors", errors)):
            self.totals[key] += n
        self.count = self.failing = 0

    def finish(self, summary: Summary) -> None:
        totals = {key: str(n) for key, n in self.totals.items()}
        root = ET.Element("testsuites", name="smmrules", **totals)
        try:
            if not self.files:
                self.out.write(DECLARATION + ET.tostring(root, encoding="unicode") + "\n")
                return
            head, tail = _around(root, 0, "\0").split("\0")
            self.out.write(DECLARATION + head)
            self.suites.seek(0)
            _copy(self.suites, self.out)
            self.out.write(tail + "\n")
        finally:
            self.suites.close()
            self.cases.close()


_CASE_GAP = "\n    "      # between the test cases of a suite (ET.indent's at level 2)
_SUITE_GAP = "\n  "       # between the suites


def _indented(el: ET.Element, level: int) -> ET.Element:
    ET.indent(el, level=level)
    return el


def _copy(src, dst) -> None:
    while True:
        chunk = src.read(1 << 16)
        if not chunk:
            return
        dst.write(chunk)
