"""One open document linted as `smmrules lint` lints the file: its config found as the command line
finds it (and read again when it changes), its rules, its findings; no editor protocol here."""
from __future__ import annotations

import os

from ..base.errors import DocumentLimitError, SmmrulesError
from ..linting.config import DEFAULT, find_config, load_config, matches_include
from ..linting.pipeline import gc_paused, lint_document, rules_for
from ..linting.runner import failure
from .memo import GoalMemo, RuleMemo


class Analysis:
    """What linting one version of a document gave: the Document, its findings and the RuleSet and
    Config they came from; or `error`, the one line that says why it could not be linted, with the
    line and column it is at (1, 1 when it is not about a place in the document). `crashed` is True
    when the error is smmrules' own fault (a bug in a rule), not the document's or the config's.
    Neither a document nor an error: a file the config does not include, left alone."""

    __slots__ = ("path", "document", "findings", "rules", "config", "error", "error_at", "crashed")

    def __init__(self, path, document=None, findings=(), rules=None, config=None, error=None,
                 error_at=(1, 1), crashed=False):
        self.path, self.document, self.findings, self.rules, self.config = path, document, findings, rules, config
        self.error, self.error_at, self.crashed = error, error_at, crashed

    @property
    def lang(self) -> str:
        """The document's language for what the server writes (hover, completion, action titles)."""
        if self.config is not None and self.config.lang:
            return self.config.lang
        return document_lang(self.document)


def document_lang(doc) -> str:
    """The language a document is written in: declared in its header, else that of most of its goals,
    else the language of most of its header keys, else English."""
    if doc is None:
        return "en"
    if doc.context.lang:
        return doc.context.lang
    if doc.goals:
        return doc.lang
    from ..base.languages import LANGS
    from .texts import document_words
    spelled: dict[str, set] = {lang: set() for lang in LANGS}
    for spec in document_words()["header"].values():
        for lang, words in spec["words"].items():
            spelled.setdefault(lang, set()).update("-".join(w.lower().split()) for w in words)
    votes = dict.fromkeys(LANGS, 0.0)
    for h in doc.header:
        raw = "-".join(h.raw_key.lower().replace("_", " ").split())
        langs = [lang for lang, words in spelled.items() if raw in words]
        for lang in langs:              # a word two languages share («бюджет») is half a vote for each
            votes[lang] = votes.get(lang, 0.0) + 1 / len(langs)
    best = max(votes, key=lambda lang: votes[lang])     # a tie: the first in LANGS
    return best if votes[best] > 0 else doc.lang


class Configs:
    """The config of each document's folder: the nearest .smmrules.toml or pyproject.toml with
    [tool.smmrules] at or above it, as `smmrules lint` finds it, read again when the file changes
    (its modification time or size). Rule folders are stamped by their contents in rules_for()."""

    def __init__(self, fallback_folder: str | None = None):
        self.fallback_folder = fallback_folder      # where an unsaved document looks (the workspace root)
        self._loaded: dict = {}                     # config file -> (stamp, Config)

    def forget(self) -> None:
        self._loaded.clear()

    def config_for(self, path: str | None):
        folder = os.path.dirname(os.path.abspath(path)) if path else (self.fallback_folder or os.getcwd())
        if not os.path.isdir(folder):
            folder = self.fallback_folder or os.getcwd()
        found = find_config(os.path.realpath(folder))
        if found is None:
            return DEFAULT
        try:
            st = os.stat(found)
            stamp = (st.st_mtime_ns, st.st_size, st.st_ino)
        except OSError:
            stamp = None
        key = str(found)
        loaded = self._loaded.get(key)
        if loaded is not None and stamp is not None and loaded[0] == stamp:
            return loaded[1]
        config = load_config(found)             # a ConfigError says what is wrong at its line
        self._loaded[key] = (stamp, config)
        return config


class Linter:
    """Lints the open documents, each with its own memory of the last run (memo.py)."""

    def __init__(self, configs: Configs | None = None):
        self.configs = configs or Configs()
        self._memos: dict = {}                      # uri -> (GoalMemo, RuleMemo)

    def close(self, uri: str) -> None:
        self._memos.pop(uri, None)

    def lint(self, uri: str, path: str | None, text: str) -> Analysis:
        """The findings for a document's text, as `smmrules lint` reports them for the file; never raises.

        A saved document is linted when its name matches the config's `include` (the kinds of
        document a folder walk lints: `*.goals` unless the config says more), so a client that
        sends every plain-text file gets findings for briefs alone; an unsaved one is always linted."""
        shown = path or uri
        try:
            config = self.configs.config_for(path)
            data_size = len(text.encode("utf-8", "surrogatepass"))
            if data_size > config.max_file_size:
                return Analysis(shown, config=config,
                                error=f"{shown}: file is {data_size:,} bytes; the limit is "
                                      f"{config.max_file_size:,} (max-file-size)")
            if path is not None and not matches_include(config, path):
                return Analysis(shown, config=config)   # not a kind of document the linter reads
            rules = rules_for(config)
        except SmmrulesError as exc:              # the config or a rule folder cannot be used
            return Analysis(shown, error=str(exc))
        memory = self._memos.get(uri)
        if memory is None or memory.rules.rules is not rules or memory.config is not config:
            memory = self._memos[uri] = _Memory(GoalMemo(), RuleMemo(rules), config)
        memory.goals.start()
        memory.rules.start()
        from ..documents.sheets import ReadError
        try:
            with gc_paused():
                doc = read_document(text, shown, config, memory.goals.parse, memory.document)
                if doc is None:             # a Markdown or spreadsheet file that is not a brief: nothing to say
                    self._memos.pop(uri, None)
                    return Analysis(shown, config=config, rules=rules)
                findings = tuple(lint_document(doc, config=config, rules=memory.rules))
        except DocumentLimitError as exc:
            self._memos.pop(uri, None)
            return Analysis(shown, config=config, rules=rules, error=failure(shown, exc),
                            error_at=(exc.line, exc.column))
        except ReadError as exc:                # a Markdown or spreadsheet file that cannot be read
            self._memos.pop(uri, None)
            return Analysis(shown, config=config, rules=rules, error=f"{shown}:{exc.line}:{exc.column}: {exc.message}",
                            error_at=(exc.line, exc.column))
        except Exception as exc:  # noqa: BLE001 - a bug in a rule must not stop the server
            self._memos.pop(uri, None)
            return Analysis(shown, config=config, rules=rules, error=failure(shown, exc),
                            crashed=not isinstance(exc, SmmrulesError))
        memory.goals.finish(doc)
        memory.rules.finish()
        memory.document = doc
        return Analysis(shown, doc, findings, rules, config)


class _Memory:
    """What the Linter keeps of one document between edits: its statements (GoalMemo), its checked
    entities (RuleMemo), and the Document of its last version with the config it was read with."""

    __slots__ = ("goals", "rules", "config", "document")

    def __init__(self, goals: GoalMemo, rules: RuleMemo, config):
        self.goals, self.rules, self.config, self.document = goals, rules, config, None


def read_document(text: str, path: str, config, goal_parser, previous=None):
    """The Document a text is, read as the lint command reads a file of that name (None for a Markdown
    or spreadsheet file that is not a brief). `previous`: the Document of the text before the edit,
    when an edit inside one goal statement needs only that statement parsed again
    (documents.goals.reparse_statement; .goals files only)."""
    from ..documents import format_of
    fmt = format_of(path)
    if fmt != "goals":                  # Markdown briefs and spreadsheets: their reader, as `lint` reads them
        from ..documents import read_document as read_other
        doc, _, _ = read_other(text.encode("utf-8", "surrogatepass"), fmt, path=path,
                               max_statement_length=config.max_statement_length,
                               max_entries=config.max_entries, max_chars=4 * config.max_file_size)
        return doc
    from ..documents.goals import parse_document, reparse_statement
    if previous is not None:
        doc = reparse_statement(previous, text, max_statement_length=config.max_statement_length,
                                goal_parser=goal_parser)
        if doc is not None:
            return doc
    return parse_document(text, path=path, max_statement_length=config.max_statement_length,
                          max_entries=config.max_entries, goal_parser=goal_parser)
