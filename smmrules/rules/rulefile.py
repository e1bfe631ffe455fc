"""Rule files: load, validate and compile the rules in a folder of TOML files.

A rule file holds `[[rule]]` entries (and optionally `[[override]]` entries that change a
rule of another folder, and `[[task]]` catalogue entries read by smmrules/rules/catalogue.py).
Every problem is a RuleFileError naming the file, line and column.
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Callable

from ..base.lazyre import LazyPattern
from ..base.record import Record, _set
from .conditions import ConditionError, compile_tree, parse_condition
from ..base.errors import RuleFileError
from ..base.languages import LANGS
from ..base.options import setting_problem, value_problem
from ..base.suggest import unknown as _unknown
from .fields import AT, PLACEHOLDERS, SCOPE_TABLE, SCOPES, FieldType

LEVELS = ("error", "warning", "info")
SMART = ("S", "M", "A", "R", "T")
TEXT_KEYS = ("message", "summary", "what", "why", "fix")
RULE_KEYS = ("code", "name", "smart", "level", "when", "at", "options", "bad", "good", "case", "scope",
             "fix", *LANGS)
OVERRIDE_KEYS = ("code", "level", "enabled", "options")
TOP_KEYS = ("rule", "override", "aliases", "task", "category")
CASE_KEYS = ("text", "document", "expect", "today", "doc", "lang")
CODE_RE = LazyPattern(r"^[A-Z]{1,3}\d{3}$")
NAME_RE = LazyPattern(r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$")
PLACEHOLDER_RE = LazyPattern(r"\{\{|\}\}|\{([^{}]*)\}")
MAX_FILE = 1_000_000
MAX_RULES = 2_000
MAX_TABLES = 10_000     # [table] lines: five per rule is plenty; 100,000 took tomllib over a second
_TABLE_LINE = re.compile(r"^[ \t]*\[", re.M)


class Case(Record):
    """An example of a rule: `text` is a statement, or a whole document when `document` is true;
    `expect` is "bad" or "good"."""

    __slots__ = ("text", "expect", "today", "doc", "lang", "document")

    def __init__(self, text: str, expect: str, today: str | None = None, doc: dict | None = None,
                 lang: str | None = None, document: bool = False):
        _set(self, "text", text)
        _set(self, "expect", expect)
        _set(self, "today", today)
        _set(self, "doc", {} if doc is None else doc)
        _set(self, "lang", lang)
        _set(self, "document", document)

    def __hash__(self):
        return hash((self.text, self.expect, self.today, self.lang, self.document))


class _Packed:
    """A value kept pickled until it is first read. The built-in rule set's cache entry holds each
    rule's texts and examples this way: a lint reads only the messages of the rules that fire,
    and unpickling every explanation and example in three languages was a millisecond of every run."""

    __slots__ = ("_blob", "_value")

    def __init__(self, blob: bytes):
        self._blob = blob
        self._value = None

    @classmethod
    def of(cls, value) -> "_Packed":
        from ..base.cache import dumps
        return cls(dumps(value))

    def _unpacked(self):
        value = self._value
        if value is None:  # two threads may both unpickle: equal values, either will do
            from ..base.cache import loads
            value = self._value = loads(self._blob)
        return value

    def __reduce__(self):
        return self.__class__, (self._blob,)

    def __repr__(self) -> str:
        return repr(self._unpacked())


class PackedTexts(_Packed, Mapping):
    """Rule.texts (lang -> {message, summary, what, why, fix}), unpickled on first read."""

    __slots__ = ()

    def __getitem__(self, lang):
        return self._unpacked()[lang]

    def __iter__(self):
        return iter(self._unpacked())

    def __len__(self) -> int:
        return len(self._unpacked())


class PackedCases(_Packed, Sequence):
    """Rule.cases (a tuple of Case), unpickled on first read."""

    __slots__ = ()

    def __getitem__(self, index):
        return self._unpacked()[index]

    def __len__(self) -> int:
        return len(self._unpacked())

    def __eq__(self, other):
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self):
        return hash(self._unpacked())


class Rule(Record):
    """One rule of a rule file. `check` is the compiled condition and `tree` the parsed one
    (neither takes part in equality); texts: lang -> {message, summary, what, why, fix}; fix: the
    edit that resolves a finding of it (a rules.fixes.FixSpec from `[rule.fix]`, or None)."""

    __slots__ = ("code", "name", "smart", "level", "when", "check", "fields", "at", "options", "texts",
                 "cases", "path", "line", "enabled", "scope", "tree", "fix")
    _no_compare = ("check", "tree")

    def __init__(self, code: str, name: str, smart: str | None, level: str, when: str,
                 check: Callable | None, fields: frozenset = frozenset(), at: str = "goal",
                 options: dict | None = None, texts: dict | None = None, cases: tuple = (), path: str = "",
                 line: int = 1, enabled: bool = True, scope: str = "goal", tree: Any = None,
                 fix: Any = None):
        _set(self, "code", code)
        _set(self, "name", name)
        _set(self, "smart", smart)
        _set(self, "level", level)
        _set(self, "when", when)
        _set(self, "check", check)
        _set(self, "fields", fields)
        _set(self, "at", at)
        _set(self, "options", {} if options is None else options)
        _set(self, "texts", {} if texts is None else texts)
        _set(self, "cases", cases)
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "enabled", enabled)
        _set(self, "scope", scope)
        _set(self, "tree", tree)
        _set(self, "fix", fix)

    def __hash__(self):
        return hash((self.code, self.path, self.line))

    def text(self, key: str, lang: str) -> str:
        return self.texts.get(lang, {}).get(key) or self.texts["en"][key]


class Override(Record):
    """A rule file's `[override.CODE]`: a new level, enabled flag or options for another rule."""

    __slots__ = ("code", "level", "enabled", "options", "path", "line")

    def __init__(self, code: str, level: str | None = None, enabled: bool | None = None,
                 options: dict | None = None, path: str = "", line: int = 1):
        _set(self, "code", code)
        _set(self, "level", level)
        _set(self, "enabled", enabled)
        _set(self, "options", {} if options is None else options)
        _set(self, "path", path)
        _set(self, "line", line)

    def __hash__(self):
        return hash((self.code, self.path, self.line))


class Alias(Record):
    """A renamed code from a rule file's `[aliases]` table: `old` now means the rule `new`
    (written where the value `new` is, for errors)."""

    __slots__ = ("old", "new", "path", "line", "column")

    def __init__(self, old: str, new: str, path: str = "", line: int = 1, column: int = 1):
        _set(self, "old", old)
        _set(self, "new", new)
        _set(self, "path", path)
        _set(self, "line", line)
        _set(self, "column", column)


def resolve_aliases(aliases: list[Alias], rules: Mapping[str, Any]) -> dict[str, str]:
    """Old code -> the code of the rule it now means, following renames of renames.

    Every problem is a RuleFileError at the alias: an old code defined twice or still used by a
    rule, a new code that names no rule or alias, a cycle of aliases."""
    by_old: dict[str, Alias] = {}
    for a in aliases:
        if a.old in rules:
            rule = rules[a.old]
            raise RuleFileError(f"alias {a.old} names a code that a rule still uses ({rule.path}:{rule.line}); "
                                "an alias is for a code no rule has any more", path=a.path, line=a.line,
                                column=a.column)
        first = by_old.get(a.old)
        if first is not None:
            raise RuleFileError(f"alias {a.old} is already defined at {first.path}:{first.line}", path=a.path,
                                line=a.line, column=a.column)
        by_old[a.old] = a
    out: dict[str, str] = {}
    for a in by_old.values():
        chain = [a.old]
        code = a.new
        while code not in rules:
            if code in chain:
                raise RuleFileError("alias cycle: " + " -> ".join(chain + [code]) + "; an alias must lead to a rule",
                                    path=a.path, line=a.line, column=a.column)
            nxt = by_old.get(code)
            if nxt is None:
                if len(chain) == 1:
                    what = _unknown("rule code in alias", code, rules)
                else:
                    what = (f"alias {a.old} leads through {' -> '.join(chain[1:])} to {code}, which is neither a rule "
                            "nor an alias")
                raise RuleFileError(what, path=a.path, line=a.line, column=a.column)
            chain.append(code)
            code = nxt.new
        out[a.old] = code
    return out


MAX_MESSAGE = 4_000     # characters of one rendered message; what is longer is cut, with an ellipsis


_PIECES: dict[str, tuple] = {}     # a template -> its pieces (_pieces): messages repeat their templates
_PIECES_KEPT = 4096


def _pieces(template: str) -> tuple:
    """A template as (literal text, placeholder name or None) pairs, in order ("{{" and "}}" are
    literal braces)."""
    found = _PIECES.get(template)
    if found is None:
        out = []
        pos = 0
        for m in PLACEHOLDER_RE.finditer(template):
            whole = m.group(0)
            if whole == "{{" or whole == "}}":
                out.append((template[pos:m.start()] + whole[0], None))
            else:
                out.append((template[pos:m.start()], m.group(1)))
            pos = m.end()
        out.append((template[pos:], None))
        if len(_PIECES) >= _PIECES_KEPT:
            _PIECES.clear()
        found = _PIECES[template] = tuple(out)
    return found


def render_template(template: str, values: dict[str, str], limit: int = MAX_MESSAGE) -> str:
    """Fill {name} placeholders from `values` (no attribute or index access, ever).

    The result is at most `limit` characters (cut with "…"), and the work stops there: a
    template that repeats a placeholder thousands of times costs no more than one message."""
    out: list[str] = []
    size = 0
    for literal, name in _pieces(template):
        out.append(literal)
        size += len(literal)
        if name is not None:
            piece = values.get(name, "")
            out.append(piece)
            size += len(piece)
        if size > limit:
            return _cut(template, values, limit)
    return "".join(out)


def _cut(template: str, values: dict[str, str], limit: int) -> str:
    """render_template of a message longer than `limit`: its first `limit` characters and "…"."""
    out: list[str] = []
    size = 0
    pos = 0
    for m in PLACEHOLDER_RE.finditer(template):
        whole = m.group(0)
        piece = "{" if whole == "{{" else "}" if whole == "}}" else values.get(m.group(1), "")
        for part in (template[pos:m.start()], piece):
            if size + len(part) > limit:
                out.append(part[:limit - size])
                return "".join(out) + "\u2026"
            out.append(part)
            size += len(part)
        pos = m.end()
    tail = template[pos:]
    if size + len(tail) > limit:
        return "".join(out) + tail[:limit - size] + "\u2026"
    out.append(tail)
    return "".join(out)


def _placeholders(template: str) -> list[tuple[str, int]]:
    return [(m.group(1), m.start()) for m in PLACEHOLDER_RE.finditer(template) if m.group(1) is not None]


def _placeholder_problem(name: str, scope: str, options: Mapping) -> str | None:
    """Why a rule of `scope` with these options may not write {name} in its message (None: it may)."""
    own = SCOPE_TABLE[scope].placeholders
    if name in own or (name.startswith("opt_") and name[4:] in options):
        return None
    if name in PLACEHOLDERS:
        listed = ", ".join("{" + p + "}" for p in own)
        return (f"placeholder '{{{name}}}' is not available to a {scope} rule; its placeholders are {listed} "
                "and {opt_NAME} for each option")
    return _unknown("placeholder", "{" + name + "}", ["{" + p + "}" for p in own])


class _FileLoader:
    def __init__(self, path: Path, fields: dict[str, dict[str, FieldType]], functions: dict | None = None):
        self.path = path
        self.fields = fields
        self.functions = functions or {}
        self.shown = str(path)

    def fail(self, message: str, where: tuple = (), line: int | None = None, column: int | None = None,
             at_key: bool = False):
        if line is None:
            if not where:
                line, column = 1, 1
            else:
                line, column = self.pos.key(where) if at_key else self.pos.value(where)
        raise RuleFileError(message, path=self.shown, line=line, column=column or 1)

    def load(self) -> tuple[list[Rule], list[Override], dict, list[Alias]]:
        from ..base.tomlfile import TomlProblem, parse, read_text  # only when a rule file is not in the cache
        try:
            text = read_text(self.path, MAX_FILE, "rule file")
            for n, m in enumerate(_TABLE_LINE.finditer(text), start=1):
                if n > MAX_TABLES:
                    raise RuleFileError(f"rule file has more than {MAX_TABLES:,} tables", path=self.shown,
                                        line=text.count("\n", 0, m.start()) + 1)
            data = parse(text)
        except TomlProblem as bad:
            raise RuleFileError(bad.message, path=self.shown, line=bad.line, column=bad.column or 1) from None
        from ..base.tomlpos import Positions
        self.pos = Positions(text)
        for key in data:
            if key not in TOP_KEYS:
                self.fail(_unknown("top-level key", key, TOP_KEYS), (key,), at_key=True)
        rules_raw = data.get("rule", [])
        if not isinstance(rules_raw, list):
            self.fail("'rule' must be an array of tables: write [[rule]]", ("rule",))
        if len(rules_raw) > MAX_RULES:
            self.fail(f"more than {MAX_RULES} rules in one file")
        rules = [self._rule(i, r) for i, r in enumerate(rules_raw)]
        overrides = [self._override(i, o) for i, o in enumerate(_as_list(data.get("override", [])))]
        aliases = self._aliases(data.get("aliases", {}))
        return rules, overrides, data, aliases

    def _aliases(self, table) -> list[Alias]:
        """`[aliases]`: renamed codes, `OLD = "NEW"` (checked against the other files by the RuleSet)."""
        if not isinstance(table, dict):
            self.fail('aliases must be a table of old code = "new code", like S105 = "R404"', ("aliases",))
        out = []
        for old, new in table.items():
            where = ("aliases", old)
            if not CODE_RE.match(old):
                self.fail(f"alias '{old}' must be a rule code: 1-3 capital letters and 3 digits, like 'S105'",
                          where, at_key=True)
            if not isinstance(new, str) or not CODE_RE.match(new):
                self.fail(f"alias {old} must name the new rule code as a string, like {old} = \"R404\"", where)
            if new == old:
                self.fail(f"alias {old} points to itself", where)
            line, column = self.pos.value(where)
            out.append(Alias(old, new, self.shown, line, column))
        return out

    # ------------------------------------------------------------------------------
    def _rule(self, i: int, r: dict) -> Rule:
        base = ("rule", i)
        if not isinstance(r, dict):
            self.fail("each rule must be a table", base)
        for key in r:
            if key not in RULE_KEYS:
                self.fail(_unknown("rule key", key, RULE_KEYS), base + (key,), at_key=True)
        for key in ("code", "name", "level", "when", "en"):
            if key not in r:
                self.fail(f"rule is missing '{key}'", base)
        code = self._str(r, base, "code")
        if not CODE_RE.match(code):
            self.fail(f"rule code '{code}' must be 1-3 capital letters and 3 digits, like 'T101'", base + ("code",))
        name = self._str(r, base, "name")
        if not NAME_RE.match(name):
            self.fail(f"rule name '{name}' must be dotted lowercase words, like 'time-bound.no-deadline'",
                      base + ("name",))
        smart = r.get("smart", "none")
        if smart not in SMART + ("none",):
            self.fail(f"smart must be one of S, M, A, R, T or \"none\", got {smart!r}", base + ("smart",))
        level = self._str(r, base, "level")
        if level not in LEVELS:
            self.fail(_unknown("level", level, LEVELS), base + ("level",))
        at = r.get("at", "goal")
        if at not in AT:
            self.fail(_unknown("'at' value", str(at), AT), base + ("at",))
        options = r.get("options", {})
        if not isinstance(options, dict):
            self.fail("options must be a table", base + ("options",))
        for k, v in options.items():
            if (bad := value_problem(k, v)) is not None:
                self.fail(bad, base + ("options", k))
        scope = r.get("scope", "goal")
        if scope not in SCOPES:
            self.fail(_unknown("scope", str(scope), SCOPES), base + ("scope",))
        when = self._str(r, base, "when")
        tree, check, used = self._condition(base, when, scope, options)
        texts = {lang: self._texts(r, base, code, lang, scope, options) for lang in LANGS}
        cases = self._cases(r, base, code)
        fix = self._fix(r["fix"], base + ("fix",), code, scope, options) if "fix" in r else None
        line = self.pos.tables.get(base, 1)
        return Rule(code=code, name=name, smart=None if smart == "none" else smart, level=level, when=when,
                    check=check, fields=used, at=at, options=dict(options), texts=texts, cases=cases,
                    path=self.shown, line=line, scope=scope, tree=tree, fix=fix)

    def _fix(self, table, where: tuple, code: str, scope: str, options: dict):
        """[rule.fix]: the kind, safe or a suggestion, a "replace" template and the titles, checked."""
        from .fixes import FIX_KEYS, FIX_KINDS, TITLE_PLACEHOLDERS, FixSpec
        if not isinstance(table, dict):
            self.fail("fix must be a table: write [rule.fix]", where)
        for key in table:
            if key not in FIX_KEYS:
                self.fail(_unknown("key in [rule.fix]", key, FIX_KEYS), where + (key,), at_key=True)
        kind = table.get("kind", "replace")
        if kind not in FIX_KINDS:
            self.fail(_unknown("fix kind", str(kind), FIX_KINDS), where + ("kind",))
        if FIX_KINDS[kind] is not None and FIX_KINDS[kind] != scope:
            self.fail(f"a {kind} fix is for rules of scope {FIX_KINDS[kind]}, and rule {code} is of scope {scope}",
                      where + ("kind",))
        for key in ("safe", "suggestion"):
            if not isinstance(table.get(key, False), bool):
                self.fail(f"{key} must be true or false", where + (key,))
        safe, suggestion = table.get("safe", False), table.get("suggestion", False)
        if safe and suggestion:
            self.fail("a fix is either safe or a suggestion, not both", where + ("suggestion",))
        replace = table.get("replace")
        at_table = self.pos.tables.get(where, 1)
        if (kind == "replace") != isinstance(replace, str):
            message = 'a fix of kind "replace" needs replace = "NEW TEXT" (a template), and no other kind has one'
            if "replace" in table:
                self.fail(message, where + ("replace",))
            self.fail(message, line=at_table)
        titles = table.get("title")
        if not isinstance(titles, dict):
            self.fail(f"rule {code}'s fix needs a title in each language: title.en = \"...\", title.ru, title.uk",
                      line=at_table)
        for key in titles:
            if key not in LANGS:
                self.fail(_unknown("language of a fix title", key, LANGS), where + ("title", key), at_key=True)
        for lang in LANGS:
            title = titles.get(lang)
            if not isinstance(title, str) or not title.strip():
                self.fail(f"rule {code}'s fix has no title.{lang}", line=at_table)
            self._template_names(title, where + ("title", lang), scope, options, TITLE_PLACEHOLDERS)
        if replace is not None:
            self._template_names(replace, where + ("replace",), scope, options, ("span",))
        return FixSpec(kind, safe, suggestion, replace, {lang: titles[lang].strip() for lang in LANGS})

    def _template_names(self, template: str, where: tuple, scope: str, options: dict, extra: tuple) -> None:
        for name_, offset in _placeholders(template):
            if name_ in extra:
                continue
            problem = _placeholder_problem(name_, scope, options)
            if problem:
                line, col = self.pos.string_start(where)
                self.fail(problem, line=line, column=col + offset)

    def _condition(self, base: tuple, when: str, scope: str, options: dict) -> tuple:
        """The rule's condition parsed and compiled against its scope's fields: (tree, check, used)."""
        try:
            tree = parse_condition(when)
            check, used = compile_tree(tree, self.fields[scope], options, self.functions)
        except ConditionError as exc:
            line, col = self.pos.string_start(base + ("when",))
            if exc.line == 1:
                col = col + exc.column - 1
            else:
                line, col = line + exc.line - 1, exc.column
            raise RuleFileError(exc.message, path=self.shown, line=line, column=col) from None
        return tree, check, used

    def _texts(self, r: dict, base: tuple, code: str, lang: str, scope: str, options: dict) -> dict:
        """[rule.LANG]: the message, summary, what, why and fix, the message's placeholders checked."""
        if lang not in r:
            self.fail(f"rule {code} has no [{'rule.' + lang}] section: messages are needed in en, ru and uk",
                      base)
        section = r[lang]
        if not isinstance(section, dict):
            self.fail(f"'{lang}' must be a table", base + (lang,))
        for key in section:
            if key not in TEXT_KEYS:
                self.fail(_unknown(f"key in [rule.{lang}]", key, TEXT_KEYS), base + (lang, key), at_key=True)
        for key in TEXT_KEYS:
            if not isinstance(section.get(key), str) or not section[key].strip():
                self.fail(f"rule {code} has no '{key}' in [rule.{lang}]", base + (lang,))
        for name_, offset in _placeholders(section["message"]):
            problem = _placeholder_problem(name_, scope, options)
            if problem:
                line, col = self.pos.string_start(base + (lang, "message"))
                self.fail(problem, line=line, column=col + offset)
        return {k: section[k].strip() for k in TEXT_KEYS}

    def _cases(self, r, base, code) -> tuple:
        cases = []
        for expect in ("bad", "good"):
            items = r.get(expect, [])
            if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
                self.fail(f"'{expect}' must be a list of statements", base + (expect,))
            cases += [Case(x, expect) for x in items]
        for j, c in enumerate(_as_list(r.get("case", []))):
            where = base + ("case", j)
            if not isinstance(c, dict):
                self.fail("each case must be a table", where)
            for key in c:
                if key not in CASE_KEYS:
                    self.fail(_unknown("case key", key, CASE_KEYS), where + (key,), at_key=True)
            if c.get("expect") not in ("bad", "good"):
                self.fail("a case needs expect = \"bad\" or \"good\"", where)
            if isinstance(c.get("text"), str) == isinstance(c.get("document"), str):
                self.fail("a case needs either a text (a statement) or a document", where)
            doc = c.get("doc", {})
            if not isinstance(doc, dict):
                self.fail("a case's doc must be a table", where + ("doc",))
            is_doc = isinstance(c.get("document"), str)
            cases.append(Case(c["document"] if is_doc else c["text"], c["expect"], c.get("today"), dict(doc),
                              c.get("lang"), is_doc))
        if not any(c.expect == "bad" for c in cases) or not any(c.expect == "good" for c in cases):
            self.fail(f"rule {code} needs at least one bad and one good example", base)
        return tuple(cases)

    def _override(self, i: int, o: dict) -> Override:
        base = ("override", i)
        if not isinstance(o, dict):
            self.fail("each override must be a table", base)
        for key in o:
            if key not in OVERRIDE_KEYS:
                self.fail(_unknown("override key", key, OVERRIDE_KEYS), base + (key,), at_key=True)
        code = self._str(o, base, "code")
        level = o.get("level")
        if level is not None and level not in LEVELS:
            self.fail(_unknown("level", str(level), LEVELS), base + ("level",))
        enabled = o.get("enabled")
        if enabled is not None and not isinstance(enabled, bool):
            self.fail("enabled must be true or false", base + ("enabled",))
        options = o.get("options", {})
        if not isinstance(options, dict):
            self.fail("options must be a table", base + ("options",))
        for k, v in options.items():
            if (bad := value_problem(k, v, code)) is not None:
                self.fail(bad, base + ("options", k))
        return Override(code, level, enabled, dict(options), self.shown, self.pos.tables.get(base, 1))

    def _str(self, d: dict, base: tuple, key: str) -> str:
        value = d.get(key)
        if not isinstance(value, str):
            self.fail(f"'{key}' must be a string", base + (key,))
        return value


def _as_list(value):
    return value if isinstance(value, list) else [value]


def declarations(fields: dict[str, dict[str, FieldType]], functions: dict | None = None) -> str:
    """What compiled conditions depend on besides their file: the declared fields and functions."""
    return repr((sorted((s, sorted((k, v.kind, v.values) for k, v in f.items())) for s, f in fields.items()),
                 sorted((n, s.args, s.returns) for n, (s, _) in (functions or {}).items())))


def load_rule_file(path: Path, fields: dict[str, dict[str, FieldType]], functions: dict | None = None, *,
                   declared: str | None = None) -> tuple[list[Rule], list[Override], dict, list[Alias]]:
    """Load one rule file: its rules, overrides, raw data and aliases (renamed codes); `fields`
    maps each scope to the fields its conditions may read.

    A file that loaded before is read from the cache (keyed on its bytes and the field
    declarations, `declared` when the caller has them): only the closures are compiled again,
    from the cached condition trees, each when its rule is first evaluated.
    """
    from ..base import cache
    from .conditions import LazyCheck
    from pathlib import Path  # not on the warm path: a cached rule set reads no rule file
    path = Path(path)
    try:
        # a file over the limit is refused below without being read: never hash it whole
        if declared is None:
            declared = declarations(fields, functions)
        digest = cache.key(declared, str(path), files=[path]) if path.stat().st_size <= MAX_FILE else None
    except OSError:
        digest = None
    hit = cache.load("rules", digest, loaded_whole) if digest else None
    if hit is not None:
        specs, overrides, data, aliases = hit
        rules = [r.evolve(check=LazyCheck(r.tree, fields[r.scope], r.options, functions)) for r in specs]
        return rules, overrides, data, aliases
    rules, overrides, data, aliases = _FileLoader(path, fields, functions).load()
    if digest:
        cache.store("rules", digest, ([r.evolve(check=None) for r in rules], overrides, data, aliases))
    return rules, overrides, data, aliases


def loaded_whole(value, texts=dict) -> bool:
    """Whether a value read from the cache is a loaded rule file, (rules, overrides, data, aliases),
    its parts of the right types (`texts`: the type each rule's texts have in it)."""
    return (type(value) is tuple and len(value) == 4 and type(value[0]) is list and type(value[1]) is list
            and type(value[2]) is dict and all(type(o) is Override for o in value[1])
            and type(value[3]) is list and all(type(a) is Alias for a in value[3])
            and all(type(r) is Rule and type(r.texts) is texts and type(r.options) is dict for r in value[0]))


def rule_files(folder: Path) -> list[Path]:
    from pathlib import Path
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleFileError("rule folder does not exist or is not a folder", path=str(folder))
    paths = sorted(folder.glob("*.toml"))
    for p in paths:
        if not p.is_file():     # a folder, a FIFO, a broken link or a link loop: say so, never skip it
            raise RuleFileError("not a rule file: a folder, a device, a broken link or a link loop is named *.toml",
                                path=str(p))
    return paths


def apply_overrides(rules: dict[str, Rule], overrides: list[Override], fields,
                    aliases: Mapping[str, str] | None = None) -> dict[str, Rule]:
    """Rules with the overrides applied; an override may name a rule by a renamed code (`aliases`)."""
    out = dict(rules)
    for o in overrides:
        if aliases and o.code in aliases:
            o = o.evolve(code=aliases[o.code])
        rule = out.get(o.code)
        if rule is None:
            raise RuleFileError(_unknown("rule code in override", o.code, out), path=o.path, line=o.line)
        changes: dict[str, Any] = {}
        if o.level:
            changes["level"] = o.level
        if o.enabled is not None:
            changes["enabled"] = o.enabled
        if o.options:
            opts = dict(rule.options)
            for k, v in o.options.items():
                bad = setting_problem(o.code, k, v, opts)
                if bad is not None:
                    raise RuleFileError(bad, path=o.path, line=o.line)
                opts[k] = v
            changes["options"] = opts
        out[o.code] = rule.evolve(**changes)
    return out
