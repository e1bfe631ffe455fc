"""lint(): a whole document through the rules, then selection, suppressions and their own findings."""
from __future__ import annotations

import contextlib
import gc
import os
import threading
from typing import Optional

from ..rules.doccheck import check_document, suppression_findings
from ..documents.goals import Document, parse_document
from ..rules.engine import RuleSet, default_rules
from ..rules.findings import Finding

_cache_lock = threading.Lock()
_rule_cache: dict = {}


def rules_for(config=None) -> RuleSet:
    """The RuleSet a config asks for (extra folders, levels, options), built once per config."""
    if config is None:
        return default_rules()
    # an option's type is part of the key: true == 1, but only 1 is a number of months
    key = (_folder_stamp(config.rules), tuple(config.plugins), tuple(sorted(config.levels.items())),
           tuple(sorted((c, tuple(sorted((k, type(v).__name__, v) for k, v in o.items())))
                        for c, o in config.options.items())))
    with _cache_lock:
        rs = _rule_cache.get(key)
        if rs is None:
            if config.plugins:
                from ..rules.plugins import load_plugins
                plugins = load_plugins(config.plugins, path=str(config.path) if config.path else None)
                base = RuleSet(config.rules, plugins=plugins)
            else:
                base = RuleSet(config.rules) if config.rules else default_rules()
            if config.levels or config.options:
                # unknown codes and options are the config's fault: say so at its file and line
                from .renamed import resolve
                from .config import check_known
                config = resolve(config, base.aliases)      # a renamed code means its rule's new code
                check_known(config, {r.code: dict(r.options) for r in base.all_rules()})
                rs = base.configured(config.levels, config.options)
            else:
                rs = base
            if len(_rule_cache) > 32:
                _rule_cache.clear()
            _rule_cache[key] = rs
    return rs


def _folder_stamp(folders) -> tuple:
    """Rule folders with a hash of their rule files' names and bytes, so an edited rule file is
    loaded again (even one rewritten within the same clock tick at the same size). A file is read
    up to one byte past the rule-file limit: a bigger one is refused by the loader anyway."""
    from ..base.cache import hasher
    from ..rules.rulefile import MAX_FILE
    out = []
    for folder in folders:
        h = hasher()
        try:
            for entry in sorted((p for p in os.scandir(folder) if p.name.endswith(".toml")), key=lambda e: e.name):
                h.update(entry.name.encode("utf-8", "surrogateescape") + b"\0")
                try:
                    if not entry.is_file():     # a FIFO would block; the loader refuses it by name
                        h.update(b"not a file")
                        continue
                    with open(entry.path, "rb") as fh:
                        h.update(fh.read(MAX_FILE + 1))
                except OSError as exc:
                    h.update(f"unreadable {exc.errno}".encode())
                h.update(b"\0")
            out.append((str(folder), h.hexdigest()))
        except OSError:
            out.append((str(folder), None))
    return tuple(out)


class _SuppressionIndex:
    """Suppressions in document order, found by code: the first whose codes include the code or a
    prefix of it, or that names no code (it suppresses every code)."""

    __slots__ = ("order", "every", "by_code")

    def __init__(self):
        self.order: dict[int, int] = {}      # id(suppression) -> its place in document order
        self.every = None                    # the first suppression without codes
        self.by_code: dict[str, object] = {}  # code or prefix -> the first suppression naming it

    def add(self, s, codes) -> None:
        """Add a suppression; `codes`: the codes it names (renamed codes already resolved)."""
        self.order[id(s)] = len(self.order)
        if not codes:
            if self.every is None:
                self.every = s
            return
        for c in codes:
            self.by_code.setdefault(c, s)

    def first(self, code: str):
        best = self.every
        for n in range(1, len(code) + 1):
            s = self.by_code.get(code[:n])
            if s is not None and (best is None or self.order[id(s)] < self.order[id(best)]):
                best = s
        return best


@contextlib.contextmanager
def gc_paused():
    """The cyclic garbage collector paused while a document is parsed and checked.

    Linting builds many small objects that all live until the findings are made; every full
    collection walks all of them again, so with the collector running the time per goal grew with
    the size of the document (about 15-20% at 10,000 goals). The few reference cycles made meanwhile
    (a caught syntax error's traceback) are collected once it resumes. The previous state is
    restored: a caller that had disabled the collector keeps it disabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def lint(text: str, *, path: Optional[str] = None, config=None, today=None,
         rules: Optional[RuleSet] = None) -> list[Finding]:
    """Findings for a whole goal document, sorted; what `smmrules lint` reports for one file (`path`'s
    extension picks the reader, as for a file: a Markdown brief, a CSV or TSV export, else .goals)."""
    with gc_paused():
        doc = read_text_document(text, path, config, today)
        return lint_document(doc, config=config, rules=rules) if doc is not None else []


def read_text_document(text: str, path: Optional[str], config, today) -> Optional[Document]:
    """The Document of a text by the reader `path`'s extension picks (documents.format_of), as `lint`
    reads a file of that name; None for a Markdown or spreadsheet text that is not a brief."""
    from ..documents import format_of
    fmt = format_of(path)
    if fmt == "goals":
        return _parse(text, path, config, today)
    from ..documents import read_document
    from .config import Config
    limits = config if config is not None else Config()
    doc, _, _ = read_document(text.encode("utf-8", "surrogatepass"), fmt, path=path, today=today,
                              max_statement_length=limits.max_statement_length,
                              max_entries=limits.max_entries, max_chars=4 * limits.max_file_size)
    return doc


def _parse(text, path, config, today) -> Document:
    kwargs = {}
    if config is not None:
        kwargs["max_statement_length"] = config.max_statement_length
        kwargs["max_entries"] = config.max_entries
    return parse_document(text, path=path, today=today, **kwargs)


def lint_document(doc: Document, *, config=None, rules: Optional[RuleSet] = None) -> list[Finding]:
    ruleset = rules if rules is not None else rules_for(config)   # an empty RuleSet is falsy
    if config is not None:
        from .selection import is_selected
        if ruleset.aliases and (config.select or config.ignore or config.per_file_ignores):
            from .renamed import resolve
            config = resolve(config, ruleset.aliases)   # renamed codes select and ignore their rules
    lang = config.lang if config is not None else None
    raw = check_document(doc, ruleset, lang=lang)
    if config is not None:
        raw = [f for f in raw if is_selected(config, f.code, doc.path)]
    known = {r.code for r in ruleset.all_rules()}
    aliases = ruleset.aliases
    # a renamed rule's old code suppresses the rule by its new code (rules/aliases.toml)
    codes_of = {id(s): tuple(aliases.get(c, c) for c in s.codes) for s in doc.suppressions} if aliases else None
    kept: list[Finding] = []
    used: set[int] = set()
    # Each finding looks its suppressions up by the prefixes of its code (a code is a few characters),
    # never by walking every suppression: the work is linear in the findings plus the suppressions.
    file_wide = _SuppressionIndex()
    by_line: dict[int, _SuppressionIndex] = {}
    for s in doc.suppressions:
        index = file_wide if s.file_wide else by_line.setdefault(s.line, _SuppressionIndex())
        index.add(s, codes_of[id(s)] if codes_of else s.codes)
    for f in raw:
        on_line = by_line.get(f.line)
        hit = (on_line.first(f.code) if on_line is not None else None) or file_wide.first(f.code)
        if hit is None:
            kept.append(f)
        else:
            used.add(id(hit))
    unused = [s for s in doc.suppressions if id(s) not in used]
    known_prefixes = {k[:n] for k in known for n in range(1, len(k) + 1)}
    unknown = {id(s): tuple(c for c in s.codes if c not in aliases and c not in known_prefixes)
               for s in doc.suppressions}
    renamed = {id(s): tuple(f"{c} \u2192 {aliases[c]}" for c in s.codes if c in aliases)
               for s in doc.suppressions} if aliases else {}
    meta = suppression_findings(doc, ruleset, unused, unknown, lang, renamed)
    if config is not None:
        meta = [f for f in meta if is_selected(config, f.code, doc.path)]
    kept.extend(meta)
    kept.sort()
    return kept
