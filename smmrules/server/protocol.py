"""`smmrules server`: the language server over stdio, on pygls and lsprotocol (the `lsp` extra).

The editor protocol lives here only: positions are turned into the 1-based code-point columns of
findings and back (in the encoding the client chose), findings become diagnostics, and the features
call analysis.py, hover.py, complete.py and actions.py, which know nothing of the protocol."""
from __future__ import annotations

import asyncio
import inspect
import json
import os

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ..base.version import __version__
from ..rules.links import url_for
from .actions import change, fixed_text, formatted_text, ignore_edit
from .analysis import Configs, Linter
from .complete import completions
from .diagnostics import SEVERITY, SOURCE, DiagnosticJSON
from .hover import finding_hover, findings_at, goal_at, goal_hover
from .texts import texts

DEBOUNCE_SECONDS = 0.2      # after the last keystroke, before a document is linted again
COMPLETION_KIND = {"key": lsp.CompletionItemKind.Property, "keyword": lsp.CompletionItemKind.Keyword,
                   "value": lsp.CompletionItemKind.EnumMember}


class SmmrulesServer(LanguageServer):
    """The server and what it knows of the open documents: the last Analysis of each and the
    version of the text it was made from."""

    def __init__(self):
        super().__init__("smmrules", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental)
        self.configs = Configs()
        self.linter = Linter(self.configs)
        self.debounce = DEBOUNCE_SECONDS
        self.analyses: dict = {}        # uri -> (version, Analysis)
        self.pending: dict = {}         # uri -> the asyncio task that lints it after the pause
        self.made: dict = {}            # uri -> its DiagnosticJSON (the JSON of each diagnostic, kept)
        self.published: dict = {}       # uri -> the JSON array of the diagnostics last sent

    # -- linting and diagnostics ------------------------------------------------------------------

    def analyse(self, uri: str):
        """The Analysis of the document's current text, linted now when the last one is older."""
        document = self.workspace.get_text_document(uri)
        known = self.analyses.get(uri)
        if known is not None and known[0] == document.version and known[0] is not None:
            return known[1]
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        analysis = self.linter.lint(uri, to_fs_path(uri) if uri.startswith("file:") else None, document.source)
        self.analyses[uri] = (document.version, analysis)
        self.publish(uri, document.version, analysis)
        return analysis

    def publish(self, uri: str, version, analysis) -> None:
        """Send the document's diagnostics, when they are not those the client has already."""
        if analysis.crashed:
            # a bug in smmrules, not in the document: said once in the log, no diagnostics
            self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=analysis.error))
            body = "[]"
        elif analysis.error is not None:
            line, column = analysis.error_at
            at = {"line": max(line - 1, 0), "character": max(column - 1, 0)}
            body = json.dumps([{"range": {"start": at, "end": at}, "message": analysis.error,
                                "severity": SEVERITY["error"], "source": SOURCE}])
        elif analysis.document is None:
            body = "[]"
        else:
            docs_url = analysis.config.docs_url if analysis.config is not None else None
            made = self.made.get(uri)
            if made is None or made.docs_url != docs_url:
                made = self.made[uri] = DiagnosticJSON(self.character, docs_url)
            body = made.text(analysis.findings, analysis.document.lines)
        if self.published.get(uri) == body:
            return          # the same diagnostics at the same places: the client shows them already
        self.published[uri] = body
        self.send_json(f'{{"jsonrpc":"2.0","method":"{lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}","params":{{'
                       f'"uri":{json.dumps(uri)},{_version(version)}"diagnostics":{body}}}}}')

    def send_json(self, body: str) -> None:
        """Send a message already written as JSON, framed as pygls frames its own. pygls's notify()
        would turn each diagnostic into a dictionary through cattrs first: most of the time of a
        publish; publish() keeps the JSON of each diagnostic instead."""
        protocol = self.protocol
        if protocol.writer is None:
            return
        data = body.encode("utf-8")
        if getattr(protocol, "_include_headers", True):
            data = (f"Content-Length: {len(data)}\r\nContent-Type: {protocol.CONTENT_TYPE}; "
                    f"charset={protocol.CHARSET}\r\n\r\n").encode("ascii") + data
        written = protocol.writer.write(data)
        if inspect.isawaitable(written):
            asyncio.ensure_future(written)

    def diagnostic(self, finding, lines, analysis) -> lsp.Diagnostic:
        url = url_for(finding.code, analysis.config.docs_url if analysis.config is not None else None)
        return lsp.Diagnostic(range=self.range(lines, finding.line, finding.column, finding.end_line,
                                               finding.end_column),
                              message=finding.message, severity=lsp.DiagnosticSeverity(SEVERITY[finding.level]),
                              code=finding.code,
                              code_description=lsp.CodeDescription(href=url) if url else None, source=SOURCE)

    def schedule(self, uri: str) -> None:
        """Lint the document after a pause in typing: a newer edit restarts the pause."""
        task = self.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        if self.debounce <= 0:
            self.analyse(uri)
            return
        self.pending[uri] = asyncio.get_running_loop().create_task(self._later(uri))

    async def _later(self, uri: str) -> None:
        await asyncio.sleep(self.debounce)
        self.pending.pop(uri, None)
        if uri in self.analyses or uri in self.workspace.text_documents:
            self.analyse(uri)

    def relint_all(self) -> None:
        """Lint every open document again (its config or rules changed on disk)."""
        self.configs.forget()
        for uri in list(self.analyses):
            self.analyses[uri] = (None, self.analyses[uri][1])
            self.analyse(uri)

    # -- positions: 1-based code-point columns <-> the client's units -------------------------------

    def position(self, lines, line: int, column: int) -> lsp.Position:
        """A 1-based line and code-point column in the client's units (UTF-16 unless it chose another)."""
        return lsp.Position(line=line - 1, character=self.character(lines, line, column))

    def character(self, lines, line: int, column: int) -> int:
        """A 1-based code-point column of a line, as the 0-based character the client counts."""
        text = lines[line - 1][:column - 1] if 0 < line <= len(lines) else ""
        if not text.isascii():
            encoding = self.workspace.position_encoding
            if encoding == lsp.PositionEncodingKind.Utf8:
                return len(text.encode("utf-8"))
            if encoding != lsp.PositionEncodingKind.Utf32:
                return len(text.encode("utf-16-le")) // 2
        return len(text)

    def range(self, lines, line: int, column: int, end_line: int, end_column: int) -> lsp.Range:
        return lsp.Range(start=self.position(lines, line, column), end=self.position(lines, end_line, end_column))

    def text_edit(self, lines, line: int, column: int, end_line: int, end_column: int, text: str) -> lsp.TextEdit:
        return lsp.TextEdit(range=self.range(lines, line, column, end_line, end_column), new_text=text)

    def whole_edit(self, old: str, new: str) -> lsp.TextEdit:
        """The one TextEdit that turns the document's text `old` into `new` (the part that differs)."""
        line, column, end_line, end_column, text = change(old, new)
        lines = old.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return self.text_edit(lines, line, column, end_line, end_column, text)

    def resolves_edits(self) -> bool:
        """Whether the client asks for a code action's edit when it is picked (codeAction/resolve)."""
        caps = self.client_capabilities.text_document
        action = caps.code_action if caps is not None else None
        support = action.resolve_support if action is not None else None
        return support is not None and "edit" in support.properties

    def our_position(self, lines, position: lsp.Position) -> tuple[int, int]:
        """A client position as a 1-based line and code-point column."""
        if position.line >= len(lines):
            return position.line + 1, position.character + 1
        server = self.workspace.position_codec.position_from_client_units(
            lines, lsp.Position(line=position.line, character=position.character))
        return server.line + 1, server.character + 1


def _version(version) -> str:
    """The `"version":N,` member of a publish (none when the document has no version)."""
    return "" if version is None else f'"version":{json.dumps(version)},'


server = SmmrulesServer()


@server.feature(lsp.INITIALIZE)
def _initialize(ls: SmmrulesServer, params: lsp.InitializeParams) -> None:
    options = params.initialization_options if isinstance(params.initialization_options, dict) else {}
    debounce = options.get("debounceMs")
    if isinstance(debounce, (int, float)) and not isinstance(debounce, bool) and 0 <= debounce <= 10_000:
        ls.debounce = debounce / 1000
    root = params.root_uri or (params.workspace_folders[0].uri if params.workspace_folders else None)
    if root and root.startswith("file:"):
        ls.configs.fallback_folder = to_fs_path(root)


@server.feature(lsp.INITIALIZED)
async def _initialized(ls: SmmrulesServer, params: lsp.InitializedParams) -> None:
    """Ask the client to say when a config or rule file changes, when it can."""
    caps = ls.client_capabilities.workspace
    watch = caps.did_change_watched_files if caps is not None else None
    if watch is None or not watch.dynamic_registration:
        return          # configs are still read again on the next lint after they change (their stamp)
    watchers = [lsp.FileSystemWatcher(glob_pattern="**/*.toml")]     # .smmrules.toml, pyproject.toml, rule files
    try:
        await ls.client_register_capability_async(lsp.RegistrationParams(registrations=[lsp.Registration(
            id="smmrules-config", method=lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=lsp.DidChangeWatchedFilesRegistrationOptions(watchers=watchers))]))
    except Exception as exc:  # noqa: BLE001 - a client that refuses: configs are still stamped on each lint
        ls.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Warning,
                                                   message=f"smmrules: the client will not report changed config "
                                                           f"files ({exc}); they are read again on the next edit"))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def _watched(ls: SmmrulesServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    if any(event.uri.endswith(".toml") for event in params.changes):
        ls.relint_all()


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: SmmrulesServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.analyse(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: SmmrulesServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: SmmrulesServer, params: lsp.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri.endswith(".toml"):      # a config or rule file edited in the editor itself
        ls.relint_all()


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: SmmrulesServer, params: lsp.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.analyses.pop(uri, None)
    ls.made.pop(uri, None)
    ls.published.pop(uri, None)
    ls.linter.close(uri)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def _hover(ls: SmmrulesServer, params: lsp.HoverParams) -> lsp.Hover | None:
    analysis = ls.analyse(params.text_document.uri)
    if analysis.document is None:
        return None
    lines = analysis.document.lines
    line, column = ls.our_position(lines, params.position)
    lang = analysis.lang
    parts = []
    entry = goal_at(analysis.document, line)
    if entry is not None and entry.goal is not None:
        parts.append(goal_hover(entry, analysis.document, analysis.findings, lang))
    parts += [finding_hover(f, analysis.rules, lang) for f in findings_at(analysis.findings, line, column)]
    if not parts:
        return None
    return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)))


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=[":", " "]))
def _completion(ls: SmmrulesServer, params: lsp.CompletionParams) -> lsp.CompletionList:
    analysis = ls.analyse(params.text_document.uri)
    if analysis.document is None:
        return lsp.CompletionList(is_incomplete=False, items=[])
    lines = analysis.document.lines
    line, column = ls.our_position(lines, params.position)
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    items = []
    for item in completions(text, column - 1, analysis.lang):
        edit = lsp.TextEdit(range=ls.range(lines, line, item.start + 1, line, column), new_text=item.insert)
        items.append(lsp.CompletionItem(label=item.label, kind=COMPLETION_KIND[item.kind], detail=item.detail or None,
                                        text_edit=edit))
    return lsp.CompletionList(is_incomplete=False, items=items)


FIX_ALL = "source.fixAll.smmrules"      # a kind under source.fixAll: editors run it on save when asked to


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION, lsp.CodeActionOptions(
    code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True))
def _code_action(ls: SmmrulesServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    analysis = ls.analyse(uri)
    if analysis.document is None:
        return []
    lines = analysis.document.lines
    start = ls.our_position(lines, params.range.start)
    end = ls.our_position(lines, params.range.end)
    words = texts(analysis.lang)
    only = params.context.only
    actions = []
    for finding in analysis.findings if _wanted(only, lsp.CodeActionKind.QuickFix) else ():
        if not ((finding.line, finding.column) <= end and start <= (finding.end_line, finding.end_column)):
            continue
        diagnostic = ls.diagnostic(finding, lines, analysis)
        fix = finding.fix
        if fix is not None and fix.edits:       # safe, unsafe or a suggestion: the person decides here
            changes = [ls.text_edit(lines, e.line, e.column, e.end_line, e.end_column, e.text) for e in fix.edits]
            actions.append(lsp.CodeAction(title=fix.title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                          is_preferred=fix.safe, edit=lsp.WorkspaceEdit(changes={uri: changes})))
        edit = ignore_edit(lines, finding, getattr(analysis.document, "format", "goals"))
        if edit is not None:
            line, begin, stop, text = edit
            actions.append(lsp.CodeAction(title=words["ignore"].format(code=finding.code),
                                          kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                                          edit=lsp.WorkspaceEdit(changes={
                                              uri: [ls.text_edit(lines, line, begin + 1, line, stop + 1, text)]})))
    if _wanted(only, FIX_ALL) and any(f.fix is not None and f.fix.applies() for f in analysis.findings):
        action = lsp.CodeAction(title=words["fix_all"], kind=FIX_ALL, data={"uri": uri})
        if not ls.resolves_edits():             # the client cannot ask later: the edit comes now
            action = _resolve(ls, action)
        actions.append(action)
    return actions


def _wanted(only, kind: str) -> bool:
    """Whether the client asked for actions of `kind` (`only` lists kinds and their parents)."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


@server.feature(lsp.CODE_ACTION_RESOLVE)
def _resolve(ls: SmmrulesServer, action: lsp.CodeAction) -> lsp.CodeAction:
    """The edit of "apply all safe fixes", made when the person picks it (it lints the document again
    after each round of fixes, as `smmrules lint --fix` does)."""
    uri = (action.data or {}).get("uri") if isinstance(action.data, dict) else None
    if uri is None or uri not in ls.workspace.text_documents:
        return action
    analysis = ls.analyse(uri)
    text = ls.workspace.get_text_document(uri).source
    new = fixed_text(analysis, text) if analysis.document is not None else None
    if new is not None and new != text:
        action.edit = lsp.WorkspaceEdit(changes={uri: [ls.whole_edit(text, new)]})
    return action


@server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
def _formatting(ls: SmmrulesServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
    uri = params.text_document.uri
    analysis = ls.analyse(uri)
    if analysis.document is None:
        return None
    text = ls.workspace.get_text_document(uri).source
    new, reason = formatted_text(analysis, text)
    if reason is not None:
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Warning, message=reason))
        return None
    return [ls.whole_edit(text, new)] if new != text else []


def run() -> int:
    """Serve over stdin and stdout until the client says exit."""
    import gc
    import sys
    gc.enable()     # a long-lived process: the command line pauses the collector for a short run
    server.start_io()
    if sys.stdout is not None and sys.stdout.closed or getattr(sys.stdout, "buffer", None) is not None \
            and sys.stdout.buffer.closed:
        # the session closed stdout on exit: nothing is left to flush to
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    return 0
