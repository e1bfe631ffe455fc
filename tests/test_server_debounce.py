"""Diagnostics on change wait for a pause in typing: a burst of edits is linted once, at its last
version (the server started with a 300 ms pause; the other server tests use none)."""
from __future__ import annotations

import asyncio
import sys

import pytest

pytest.importorskip("pytest_lsp", reason="the lsp test dependencies (pip install -e '.[test]')")

import pytest_lsp  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

from test_server import start_session  # noqa: E402

pytestmark = pytest.mark.asyncio
TEXT = "client: Harbour Bikes\nstart: 2026-03-02\n\ngoal: get more followers\n"


def _recording_client() -> LanguageClient:
    """pytest-lsp's client, which also keeps every publishDiagnostics it receives, in order."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def publish(client: LanguageClient, params: lsp.PublishDiagnosticsParams):
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append(params)

    def register(client: LanguageClient, params: lsp.RegistrationParams):    # as an editor does
        return None

    register_lsp_features(client, {**DEFAULT_CLIENT_FEATURES, lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: publish,
                                   lsp.CLIENT_REGISTER_CAPABILITY: register})
    return client


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "smmrules", "server"],
                                              client_factory=_recording_client))
async def client(lsp_client: LanguageClient, tmp_path):
    await start_session(lsp_client, tmp_path, debounce_ms=300)
    yield
    await lsp_client.shutdown_session()


async def _settle(client: LanguageClient, count: int, timeout: float = 60) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while len(client.published) < count:
        assert loop.time() < end, f"{len(client.published)} publications, waited for {count}"
        await asyncio.sleep(0.02)


async def test_a_burst_of_edits_is_linted_once_at_its_last_version(client: LanguageClient):
    uri = (client.root / "burst.goals").as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="smmrules-goals", version=1, text=TEXT)))
    await _settle(client, 1)                                 # on open: at once
    typed = "get 300 more followers within 3 months"
    for n in range(1, len(typed) + 1):                       # typed a character at a time, no pause
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=n + 1),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(
                text=TEXT.replace("get more followers", typed[:n]))]))
    await _settle(client, 2)
    await asyncio.sleep(1.0)                                 # nothing more comes after the pause
    assert [p.version for p in client.published] == [1, len(typed) + 1]
    assert not {"M203", "T101"} & {d.code for d in client.published[-1].diagnostics}
