"""The language server end to end: `smmrules server` started as a subprocess and driven over stdio by a
real client (pytest-lsp): initialize, open, change, diagnostics, hover, completion, code actions,
shutdown, in the three languages."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp", reason="the lsp test dependencies (pip install -e '.[test]')")

import pytest_lsp  # noqa: E402
from lsprotocol import types as lsp  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from smmrules.linting.pipeline import lint  # noqa: E402

pytestmark = pytest.mark.asyncio(loop_scope="module")

DOCS = {
    "en": ("client: Harbour Bikes\n"
           "start: 2026-03-02\n"
           "role: one-of-sources\n"
           "\n"
           "goal: grow Instagram followers from 1,500 to 4,000 within 6 months\n"
           "  task: film a reels series about weekend rides along the coast\n"
           "\n"
           "goal: get more followers\n"),
    "ru": ("клиент: Кофейня «Тёплый угол»\n"
           "старт: 2026-04-01\n"
           "роль: один из источников\n"
           "\n"
           "цель: увеличить число подписчиков в Instagram с 2 000 до 3 500 за 4 месяца\n"
           "  задача: снимать короткие ролики о том, как обжаривают зёрна\n"
           "\n"
           "цель: больше подписчиков\n"),
    "uk": ("клієнт: Пекарня «Житній двір»\n"
           "старт: 2026-05-04\n"
           "роль: одне з джерел\n"
           "\n"
           "ціль: збільшити кількість підписників в Instagram з 1 200 до 2 400 за 5 місяців\n"
           "  завдання: публікувати сторіс із випічкою щоранку\n"
           "\n"
           "ціль: більше підписників\n"),
}
SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
            "info": lsp.DiagnosticSeverity.Information}


async def start_session(client: LanguageClient, root: Path, *, editor: str = "visual-studio-code",
                        debounce_ms: int = 0) -> None:
    """Initialize a session as `editor` does, in the workspace `root` (the other server tests use it)."""
    client.root = root
    await client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities(editor), root_uri=root.as_uri(),
        initialization_options={"debounceMs": debounce_ms}))


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=[sys.executable, "-m", "smmrules", "server"]))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    lsp_client.registrations = []

    @lsp_client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def _register(params: lsp.RegistrationParams):      # as an editor does: it watches the files asked for
        lsp_client.registrations += params.registrations

    await start_session(lsp_client, tmp_path_factory.mktemp("workspace"))
    yield
    await lsp_client.shutdown_session()


async def _open(client: LanguageClient, name: str, text: str) -> str:
    path = Path(client.root) / name
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="smmrules-goals", version=1, text=text)))
    await _diagnostics(client, uri)
    return uri


async def _diagnostics(client: LanguageClient, uri: str, timeout: float = 60) -> list:
    """Wait for the next diagnostics of `uri` and return them."""
    client.diagnostics.pop(uri, None)
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while uri not in client.diagnostics:
        assert loop.time() < end, f"no diagnostics for {uri}"
        await asyncio.sleep(0.02)
    return list(client.diagnostics[uri])


def _expected(text: str, path: Path) -> list[tuple]:
    """What `smmrules lint` reports for the text, as diagnostics' (code, severity, range, message)."""
    return [(f.code, SEVERITY[f.level], (f.line - 1, f.column - 1, f.end_line - 1, f.end_column - 1), f.message)
            for f in lint(text, path=str(path))]


def _seen(diagnostics) -> list[tuple]:
    return [(d.code, d.severity, (d.range.start.line, d.range.start.character, d.range.end.line,
                                  d.range.end.character), d.message) for d in diagnostics]


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_open_publishes_the_findings_of_lint(client: LanguageClient, lang):
    text = DOCS[lang]
    path = Path(client.root) / f"open-{lang}.goals"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="smmrules-goals", version=1, text=text)))
    seen = await _diagnostics(client, uri)
    assert _seen(seen) == _expected(text, path)
    codes = {d.code for d in seen if d.range.start.line == 7}
    assert {"M203", "T101"} <= codes                      # "more followers", no deadline: on the last goal
    assert all(d.source == "smmrules" for d in seen)


async def test_a_change_relints_and_fixes_disappear(client: LanguageClient):
    text = DOCS["en"]
    uri = await _open(client, "change.goals", text)
    # the vague goal becomes a measurable one with a deadline: its findings go
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=7, character=6), end=lsp.Position(line=7, character=24)),
            text="get 300 more followers within 3 months")]))
    seen = await _diagnostics(client, uri)
    changed = text.replace("get more followers", "get 300 more followers within 3 months")
    assert _seen(seen) == _expected(changed, Path(client.root) / "change.goals")
    assert not {"M203", "T101"} & {d.code for d in seen if d.range.start.line == 7}


async def test_hover_on_a_goal_says_what_was_read_in_the_document_language(client: LanguageClient):
    expected = {
        "en": ["What smmrules read", "Metric: followers", "Channel: Instagram", "1500 → 4000",
               "Deadline: 2026-09-02", "Category: awareness", "T ✓"],
        "ru": ["Что прочитал smmrules", "Метрика: число подписчиков", "2000 → 3500", "Срок: 2026-08-01",
               "Категория: узнаваемость"],
        "uk": ["Що прочитав smmrules", "Метрика: кількість підписників", "1200 → 2400", "Термін: 2026-10-04",
               "Категорія: впізнаваність"],
    }
    for lang, parts in expected.items():
        uri = await _open(client, f"hover-{lang}.goals", DOCS[lang])
        hover = await client.text_document_hover_async(lsp.HoverParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=4, character=12)))
        assert hover is not None and hover.contents.kind == lsp.MarkupKind.Markdown
        for part in parts:
            assert part in hover.contents.value, (lang, part, hover.contents.value)


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient):
    uri = await _open(client, "hover-finding.goals", DOCS["uk"])
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=7, character=8)))
    text = hover.contents.value
    # the vague goal: the SMART line marks M and T, and the rules' explanations follow, in Ukrainian
    assert "M ✗ (M203)" in text and "T ✗ (T101)" in text
    assert "**T101**" in text and "*Як виправити*" in text and "**M203**" in text


async def test_completion_of_header_keys_and_values(client: LanguageClient):
    text = DOCS["ru"] + "\n"
    uri = await _open(client, "complete.goals", text)
    at_start = await client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=8, character=0)))
    labels = [i.label for i in at_start.items]
    assert labels[:2] == ["цель", "клиент"] and "платная реклама" in labels and "обработка заявок" in labels
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(
            range=lsp.Range(start=lsp.Position(line=8, character=0), end=lsp.Position(line=8, character=0)),
            text="платная реклама: ")]))
    await _diagnostics(client, uri)
    values = await client.text_document_completion_async(lsp.CompletionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=8, character=17)))
    assert [i.label for i in values.items] == ["да", "нет"]
    edit = values.items[0].text_edit
    assert edit.new_text == "да" and edit.range.start == lsp.Position(line=8, character=17)


async def test_ignore_action_adds_a_suppression_that_silences_the_finding(client: LanguageClient):
    text = DOCS["en"]
    uri = await _open(client, "ignore.goals", text)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(start=lsp.Position(line=7, character=10), end=lsp.Position(line=7, character=10)),
        context=lsp.CodeActionContext(diagnostics=[])))
    ignore = {a.title: a for a in actions}["Ignore T101 on this line"]
    assert ignore.kind == lsp.CodeActionKind.QuickFix and ignore.diagnostics[0].code == "T101"
    (edit,) = ignore.edit.changes[uri]
    assert edit.new_text == "  # smmrules: ignore[T101]"
    assert edit.range.start == lsp.Position(line=7, character=24) == edit.range.end
    fixed = text.replace("goal: get more followers", "goal: get more followers  # smmrules: ignore[T101]")
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[lsp.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)]))
    seen = await _diagnostics(client, uri)
    assert _seen(seen) == _expected(fixed, Path(client.root) / "ignore.goals")
    assert "T101" not in {d.code for d in seen} and "M203" in {d.code for d in seen}


async def test_a_config_change_on_disk_is_read_on_the_next_lint(client: LanguageClient):
    folder = Path(client.root) / "team"
    folder.mkdir()
    (folder / ".smmrules.toml").write_text('ignore = ["T101"]\n', encoding="utf-8")
    path = folder / "brief.goals"
    path.write_text(DOCS["en"], encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="smmrules-goals", version=1, text=DOCS["en"])))
    assert "T101" not in {d.code for d in await _diagnostics(client, uri)}
    (folder / ".smmrules.toml").write_text('ignore = ["M203"]\n', encoding="utf-8")
    client.workspace_did_change_watched_files(lsp.DidChangeWatchedFilesParams(changes=[lsp.FileEvent(
        uri=(folder / ".smmrules.toml").as_uri(), type=lsp.FileChangeType.Changed)]))
    codes = {d.code for d in await _diagnostics(client, uri)}
    assert "T101" in codes and "M203" not in codes


async def test_a_broken_config_is_one_error_diagnostic(client: LanguageClient):
    folder = Path(client.root) / "broken"
    folder.mkdir()
    (folder / ".smmrules.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    path = folder / "brief.goals"
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="smmrules-goals", version=1, text=DOCS["en"])))
    (diagnostic,) = await _diagnostics(client, uri)
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert diagnostic.message.startswith(f"{folder / '.smmrules.toml'}:1")
    assert "fail-on" in diagnostic.message


async def test_a_file_the_config_does_not_include_is_left_alone(client: LanguageClient):
    path = Path(client.root) / "notes.txt"
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=DOCS["en"])))
    assert await _diagnostics(client, uri) == []
    assert lint(DOCS["en"]) != []            # the same text, named as a brief, has findings
    hover = await client.text_document_hover_async(lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=4, character=12)))
    assert hover is None


async def test_the_server_asks_to_hear_of_changed_config_and_rule_files(client: LanguageClient):
    loop = asyncio.get_running_loop()
    end = loop.time() + 60
    while not client.registrations:                     # asked for right after `initialized`
        assert loop.time() < end, "no registration"
        await asyncio.sleep(0.02)
    (registration,) = [r for r in client.registrations if r.method == lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    patterns = {w["globPattern"] for w in registration.register_options["watchers"]}    # as JSON: LSPAny
    assert patterns == {"**/*.toml"}           # configs and rule files


async def test_ranges_count_utf16_code_units_as_the_client_does(client: LanguageClient):
    text = "client: Harbour Bikes\n\ngoal: get 🚀 more followers by 2026-09-30\n"
    uri = await _open(client, "emoji.goals", text)
    seen = {d.code: d for d in client.diagnostics[uri]}
    line = text.split("\n")[2]
    assert len(line) == 40 and len(line.encode("utf-16-le")) // 2 == 41      # the rocket is two UTF-16 units
    assert seen["M203"].range == lsp.Range(start=lsp.Position(line=2, character=6),
                                           end=lsp.Position(line=2, character=41))
    hover = await client.text_document_hover_async(lsp.HoverParams(     # after the rocket, in UTF-16 units
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=lsp.Position(line=2, character=40)))
    assert "**M203**" in hover.contents.value


SLOPPY = {   # a key misspelled, a date written the way people write it, keywords in capitals, loose layout
    "en": "Client: Harbour Bikes\nbugdet: 900 USD/month\nstart: 15 January 2026\n\n\nGOAL: get more followers\n"
          "    task: film a reels series about weekend rides\n",
    "ru": "Клиент: Тёплый угол\nбюджте: 900 USD/month\nстарт: 15 января 2026\n\n\nЦЕЛЬ: больше подписчиков\n"
          "    задача: снимать ролики об обжарке\n",
    "uk": "Клієнт: Житній двір\nбюджте: 900 USD/month\nстарт: 15 січня 2026\n\n\nЦІЛЬ: більше підписників\n"
          "    завдання: публікувати сторіс щоранку\n",
}


def _apply(text: str, edits) -> str:
    """Apply TextEdits (UTF-16 positions of LF-ended lines) the way an editor does, last first."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def offset(p):
        return starts[p.line] + len(lines[p.line].encode("utf-16-le")[:2 * p.character].decode("utf-16-le"))
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_quick_fixes_are_the_fixes_of_lint(client: LanguageClient, lang):
    text = SLOPPY[lang]
    uri = await _open(client, f"quick-{lang}.goals", text)
    found = {f.code: f for f in lint(text, path=str(Path(client.root) / f"quick-{lang}.goals"))}
    for code, line, character in (("D601", 1, 1), ("D603", 2, 9)):      # the cursor on the key, on the date
        at = lsp.Position(line=line, character=character)
        actions = await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=lsp.Range(start=at, end=at),
            context=lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.QuickFix])))
        fix = found[code].fix
        (quick,) = [a for a in actions if a.title == fix.title]
        assert quick.is_preferred and quick.kind == lsp.CodeActionKind.QuickFix
        assert quick.diagnostics[0].code == code
        fixed = _apply(text, quick.edit.changes[uri])
        assert code not in {f.code for f in lint(fixed)}
    # the link to the rule's page rides on every diagnostic
    links = {d.code: d.code_description.href for d in client.diagnostics[uri]}
    assert links["D601"].endswith("/D601.md") and links["T101"].endswith("/T101.md")


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_fix_all_applies_what_lint_fix_applies(client: LanguageClient, lang):
    from smmrules.editing import fix_text
    text = SLOPPY[lang]
    uri = await _open(client, f"fixall-{lang}.goals", text)
    actions = await client.text_document_code_action_async(lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri),
        range=lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0)),
        context=lsp.CodeActionContext(diagnostics=[], only=[lsp.CodeActionKind.SourceFixAll])))
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.smmrules" and fix_all.edit is None    # made when picked
    assert fix_all.title == {"en": "Apply all safe fixes", "ru": "Применить все безопасные исправления",
                             "uk": "Застосувати всі безпечні виправлення"}[lang]
    resolved = await client.code_action_resolve_async(fix_all)
    (edit,) = resolved.edit.changes[uri]
    path = str(Path(client.root) / f"fixall-{lang}.goals")
    assert _apply(text, [edit]) == fix_text(text, path=path).text != text
    assert (edit.range.start.line, edit.range.end.line) == (1, 2)      # only what changed: the key to the date


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
async def test_formatting_gives_the_canonical_layout(client: LanguageClient, lang):
    from smmrules.editing import format_text
    text = SLOPPY[lang]
    uri = await _open(client, f"format-{lang}.goals", text)
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    formatted = _apply(text, edits)
    assert formatted == format_text(text) != text
    assert formatted.split("\n")[4].startswith({"en": "goal: ", "ru": "цель: ", "uk": "ціль: "}[lang])
    assert formatted.split("\n")[5].startswith("  ")


async def test_a_document_with_a_goal_that_does_not_parse_is_not_formatted(client: LanguageClient):
    text = "GOAL: grow followers { by 5%\n"
    uri = await _open(client, "broken-format.goals", text)
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert edits is None
    assert client.messages[-1].type == lsp.MessageType.Warning
    assert client.messages[-1].message.endswith(
        "not formatted: E001 unexpected character '{': a goal statement is words, numbers and dates "
        "(a goal that does not parse is left as it is written)")


async def test_a_markdown_brief_gets_the_findings_lint_gives_it(client: LanguageClient):
    """Where the config includes Markdown, the server reads a brief with the Markdown reader, as lint does;
    a Markdown file that is not a brief gets no diagnostics."""
    from smmrules.linting.config import config_for
    from smmrules.linting.runner import lint_file
    folder = Path(client.root) / "markdown-briefs"
    folder.mkdir(exist_ok=True)
    (folder / ".smmrules.toml").write_text('include = ["*.goals", "*.md"]\n', encoding="utf-8")
    text = "# Brief\n\n- **Client:** Nova\n\n## Goals\n\n- get more followers\n- grow sales by 20% by 2027-06\n"
    path = folder / "brief.md"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    seen = await _diagnostics(client, uri)
    result = lint_file(str(path), config_for([str(path)]))
    assert result.error is None and result.findings
    assert _seen(seen) == [(f.code, SEVERITY[f.level], (f.line - 1, f.column - 1, f.end_line - 1, f.end_column - 1),
                            f.message) for f in result.findings]
    assert {"M203", "T101"} <= {d.code for d in seen if d.range.start.line == 6}
    readme = folder / "README.md"
    readme.write_text("# Notes\n\nNothing about goals here.\n", encoding="utf-8")
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=lsp.TextDocumentItem(
        uri=readme.as_uri(), language_id="markdown", version=1, text=readme.read_text(encoding="utf-8"))))
    assert await _diagnostics(client, readme.as_uri()) == []
