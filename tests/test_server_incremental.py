"""The language server's diagnostics after a sequence of one-line edits are those of a fresh lint of
the new text: what the server keeps between edits (each diagnostic's JSON, the goals it does not parse
again, the findings it does not compute again, the publish it does not repeat) never shows."""
from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("lsprotocol", reason="the lsp extra (pip install -e '.[test]')")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402

from smmrules.documents.goals import parse_document  # noqa: E402
from smmrules.linting.pipeline import lint  # noqa: E402
from smmrules.rules.links import url_for  # noqa: E402
from smmrules.server.protocol import SmmrulesServer  # noqa: E402

from strategies import DOC_GOAL_KEYWORDS, DOC_NOTES, DOC_TASK_KEYWORDS, DOC_TASKS, LANGS, goal_documents, goals  # noqa: E402

FOLDER = Path(tempfile.mkdtemp(prefix="smmrules-incremental-"))     # no config: the defaults, as lint() uses
PATH = FOLDER / "brief.goals"
URI = PATH.as_uri()
SEVERITY = {"error": 1, "warning": 2, "info": 3}


class Sent:
    """The client's end of the server's output: every message, and the diagnostics last published."""

    def __init__(self):
        self.data = b""
        self.publishes = 0

    def write(self, data: bytes) -> None:
        self.data += data

    def close(self) -> None:
        pass

    def messages(self) -> list[dict]:
        out, rest = [], self.data
        while rest:
            head, _, rest = rest.partition(b"\r\n\r\n")
            length = int(re.search(rb"Content-Length: (\d+)", head).group(1))
            out.append(json.loads(rest[:length]))
            rest = rest[length:]
        return out

    def diagnostics(self, uri: str):
        published = [m["params"] for m in self.messages() if m.get("method") == "textDocument/publishDiagnostics"
                     and m["params"]["uri"] == uri]
        return published[-1]["diagnostics"] if published else None


def _server(encoding: str = "utf-16") -> tuple[SmmrulesServer, Sent]:
    ls = SmmrulesServer()
    sent = Sent()
    ls.protocol.set_writer(sent)
    capabilities = lsp.ClientCapabilities(general=lsp.GeneralClientCapabilities(
        position_encodings=[lsp.PositionEncodingKind(encoding)]))
    try:        # the workspace, as on initialize, in the position encoding the client asks for
        next(ls.protocol.lsp_initialize(lsp.InitializeParams(capabilities=capabilities)))
    except StopIteration:
        pass
    assert ls.workspace.position_encoding == encoding
    ls.debounce = 0
    return ls, sent


UNITS = {"utf-16": lambda text: len(text.encode("utf-16-le")) // 2, "utf-8": lambda text: len(text.encode("utf-8")),
         "utf-32": len}


def _expected(text: str, encoding: str = "utf-16") -> list[dict]:
    """What a fresh `smmrules lint` of the text says, as LSP diagnostics (columns in `encoding`'s units)."""
    lines = parse_document(text, path=str(PATH)).lines

    def position(line: int, column: int) -> dict:
        prefix = lines[line - 1][:column - 1] if 0 < line <= len(lines) else ""
        return {"line": line - 1, "character": UNITS[encoding](prefix)}
    out = []
    for f in lint(text, path=str(PATH)):
        d = {"range": {"start": position(f.line, f.column), "end": position(f.end_line, f.end_column)},
             "message": f.message, "severity": SEVERITY[f.level], "code": f.code, "source": "smmrules"}
        url = url_for(f.code)
        if url:
            d["codeDescription"] = {"href": url}
        out.append(d)
    return out


def _edit(lines: list[str], kind: str, n: int, lang: str, data) -> None:
    """One edit of one line of `lines`, as a person makes it while typing."""
    at = n % len(lines)
    line = lines[at]
    if kind == "number":            # a figure changed: 1,500 -> 1,501
        lines[at] = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), line, count=1)
    elif kind == "type":            # a letter typed at the end of the line
        lines[at] = line + data.draw(st.sampled_from(["s", " ", "%", "ы", "ї"]))
    elif kind == "goal":            # the line rewritten as another goal
        keyword = data.draw(st.sampled_from(DOC_GOAL_KEYWORDS[lang]))
        lines[at] = f"{keyword}: {data.draw(goals(lang)).render(lang)}"
    elif kind == "insert":          # a new line: a note, a task, a blank line, a suppression
        task = f"  {data.draw(st.sampled_from(DOC_TASK_KEYWORDS[lang]))}: {data.draw(st.sampled_from(DOC_TASKS[lang]))}"
        lines.insert(at, data.draw(st.sampled_from(["", task, "# smmrules: ignore-file[S105]"] + DOC_NOTES[lang])))
    elif kind == "delete" and len(lines) > 1:
        del lines[at]
    elif kind == "copy":            # the line pasted again below itself
        lines.insert(at + 1, line)
    elif kind == "ignore":          # a suppression typed at the end of the line
        lines[at] = line + "  # smmrules: ignore[T101]"


_kinds = st.sampled_from(("number", "type", "goal", "insert", "delete", "copy", "ignore"))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(lang=st.sampled_from(LANGS), encoding=st.sampled_from(sorted(UNITS)), data=st.data(),
       edits=st.lists(st.tuples(_kinds, st.integers(0, 10 ** 6)), min_size=1, max_size=8))
def test_diagnostics_after_edits_are_those_of_a_fresh_lint(lang, encoding, data, edits):
    _, text = data.draw(goal_documents(lang))
    text = text.lstrip("\ufeff")
    ending = "\r\n" if "\r\n" in text else "\n"
    ls, sent = _server(encoding)
    ls.workspace.put_text_document(lsp.TextDocumentItem(uri=URI, language_id="goals", version=1, text=text))
    ls.analyse(URI)
    assert sent.diagnostics(URI) == _expected(text, encoding)
    lines = text.split(ending)
    for version, (kind, n) in enumerate(edits, start=2):
        _edit(lines, kind, n, lang, data)
        text = ending.join(lines)
        ls.workspace.update_text_document(lsp.VersionedTextDocumentIdentifier(uri=URI, version=version),
                                          lsp.TextDocumentContentChangeWholeDocument(text=text))
        ls.analyse(URI)
        assert sent.diagnostics(URI) == _expected(text, encoding)


def test_a_publish_is_sent_only_when_the_diagnostics_change():
    ls, sent = _server()
    text = ("client: Harbour Bikes\nstart: 2026-03-02\n\n"
            "goal: grow Instagram followers from 1,500 to 4,000 within 6 months\n\ngoal: get more followers\n")
    ls.workspace.put_text_document(lsp.TextDocumentItem(uri=URI, language_id="goals", version=1, text=text))
    ls.analyse(URI)
    first = sent.diagnostics(URI)
    count = len(sent.messages())
    same = text.replace("4,000", "4,500")       # the same findings at the same places
    ls.workspace.update_text_document(lsp.VersionedTextDocumentIdentifier(uri=URI, version=2),
                                      lsp.TextDocumentContentChangeWholeDocument(text=same))
    ls.analyse(URI)
    assert len(sent.messages()) == count and first == _expected(same)
    moved = "# the client's notes\n" + same     # every finding a line lower: published, each diagnostic reused
    ls.workspace.update_text_document(lsp.VersionedTextDocumentIdentifier(uri=URI, version=3),
                                      lsp.TextDocumentContentChangeWholeDocument(text=moved))
    ls.analyse(URI)
    assert len(sent.messages()) == count + 1 and ls.made[URI].made == 0
    assert sent.diagnostics(URI) == _expected(moved)
    assert [d["range"]["start"]["line"] for d in sent.diagnostics(URI)] == \
        [d["range"]["start"]["line"] + 1 for d in first]
    assert sent.messages()[-1]["params"]["version"] == 3
