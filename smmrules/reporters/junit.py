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


def suite(result: FileResult, fail_on: str | None = None) -> ET.Element:
    """A file's <testsuite>: a <failure> per finding at or above `fail_on` (None: every finding), a
    passing test case that shows the message (<system-out>) for a finding below it, which does not fail
    the run either."""
    # names and messages as on a terminal (reporters.base.printable): no CR or LF breaking a test view's
    # line, no controls; what printable keeps, XML 1.0 can carry
    from ..rules.findings import LEVEL_ORDER
    path = shown(result.path)
    findings = located(result)
    limit = LEVEL_ORDER[fail_on] if fail_on in LEVEL_ORDER else len(LEVEL_ORDER)
    failing = [f for f in findings if LEVEL_ORDER.get(f.level, 0) <= limit]
    errors = int(result.error is not None)
    cases = len(findings) + errors or 1
    el = ET.Element("testsuite", name=path, tests=str(cases), failures=str(len(failing)), errors=str(errors))
    if result.error is not None:
        case = ET.SubElement(el, "testcase", classname=path, name="lint")
        error = shown(result.error)
        ET.SubElement(case, "error", message=error).text = error
    for f in findings:
        case = ET.SubElement(el, "testcase", classname=path, name=f"{f.code} {f.line}:{f.column}")
        message = shown(f.message)
        line = f"{shown(f.path or '')}:{f.line}:{f.column}: {f.code} [{f.level}] {message}"
        if LEVEL_ORDER.get(f.level, 0) <= limit:
            failure = ET.SubElement(case, "failure", type=f.code, message=message)
            failure.text = line
        else:
            ET.SubElement(case, "system-out").text = line
    if cases == 1 and not findings and not errors:
        ET.SubElement(el, "testcase", classname=path, name="no findings")
    return el


class JunitReporter(Reporter):
    def __init__(self, *args):
        super().__init__(*args)
        self.suites: list[ET.Element] = []
        self.parts: list = []           # the findings of a file's parts (FilePart), until its result

    def file(self, result: FileResult) -> None:
        if result.partial:
            self.parts += result.findings
            return
        if self.parts:
            result = result.evolve(findings=tuple(self.parts) + result.findings)
            self.parts = []
        self.suites.append(suite(result, self.options.fail_on))

    def finish(self, summary: Summary) -> None:
        totals = {key: str(sum(int(s.get(key)) for s in self.suites)) for key in ("tests", "failures", "errors")}
        root = ET.Element("testsuites", name="smmrules", **totals)
        root.extend(self.suites)
        ET.indent(root)
        self.out.write(DECLARATION + ET.tostring(root, encoding="unicode") + "\n")
