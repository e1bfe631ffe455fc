"""A crash inside a rule is one logged error and no diagnostics for that document, and the server
goes on: the next edit is linted again (tests/lsp_crashing_server.py plants the bug)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp", reason="the lsp test dependencies (pip install -e '.[test]')")

import pytest_lsp  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402

from test_server import _diagnostics, start_session  # noqa: E402

pytestmark = pytest.mark.asyncio
SERVER = str(Path(__file__).with_name("lsp_crashing_server.py"))
TEXT = ("client: Harbour Bikes\n"
        "start: 2026-03-02\n"
        "\n"
        "goal: grow Instagram followers from 1,500 to 4,000 within 6 months\n"
        "\n"
        "goal: get more followers, crash here\n")


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, SERVER]))
async def client(lsp_client: LanguageClient, tmp_path):
    await start_session(lsp_client, tmp_path, editor="neovim")
    yield
    await lsp_client.shutdown_session()


async def test_a_crash_in_a_rule_is_one_logged_error_and_the_server_lives_on(client: LanguageClient):
    uri = (Path(client.root) / "crash.goals").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="smmrules-goals", version=1, text=TEXT)))
    assert await _diagnostics(client, uri) == []
    errors = [m for m in client.log_messages if m.type == lsp.MessageType.Error]
    assert len(errors) == 1
    assert errors[0].message.startswith(f"{Path(client.root) / 'crash.goals'}:1:1: internal error")
    assert "ZeroDivisionError: a rule divided by zero" in errors[0].message

    # the statement no longer trips the bug: linted again, findings are back, nothing more logged
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=TEXT.replace(", crash here", ""))]))
    codes = {d.code for d in await _diagnostics(client, uri)}
    assert {"M203", "T101"} <= codes
    assert len([m for m in client.log_messages if m.type == lsp.MessageType.Error]) == 1
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=3, character=8)))
    assert "Metric: followers" in hover.contents.value
