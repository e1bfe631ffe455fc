"""The rule engine: load rule folders once, evaluate compiled rules over the entities of each scope,
make findings."""
from __future__ import annotations

import datetime as dt
import threading

from ..language.ast import Goal
from .conditions import LazyCheck, required_fields
from ..language.context import ROLES, Context
from ..base.errors import RuleFileError
from ..base.languages import LANGS
from .fields import SCOPE_TABLE, SCOPES, GoalItem, declared_fields, doc_values
from .findings import Finding
from ..language.lexicon import LexiconSet, default_lexicons
from ..language.parse import parse_goal
from ..language.render import format_number
from ..base.resources import rules_dir
from .rulefile import (Alias, Override, PackedCases, PackedTexts, Rule, apply_overrides, declarations,
    load_rule_file, loaded_whole, render_template, resolve_aliases, rule_files)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Iterable

    from .catalogue import Task


class RuleSet:
    """The rules in effect: the built-ins plus user folders, with overrides applied, and the
    alias table of renamed codes (`aliases`: old code -> the code of the rule it now means)."""

    def __init__(self, folders: Iterable[Path] = (), *, builtin: bool = True, lexicons: LexiconSet | None = None,
                 plugins: tuple = ()):
        self.lexicons = lexicons or default_lexicons()
        self.fields = {scope: declared_fields(self.lexicons, scope) for scope in SCOPES}
        from ..base.cache import hasher
        rules: dict[str, Rule] = {}
        overrides: list[Override] = []
        alias_list: list[Alias] = []
        print_ = hasher()
        print_.update(repr(sorted((p.name, p.stamp) for p in plugins)).encode())
        self.catalogue_data: list[tuple[str, dict]] = []
        self.plugins = tuple(plugins)
        functions: dict = {}
        for plugin in self.plugins:
            functions.update(plugin.functions)
        declared = declarations(self.fields, functions)
        loaded = _builtin_files(self.fields, functions, declared) if builtin else []
        for folder in [*folders, *(f for p in self.plugins for f in p.rules)]:
            for path in rule_files(folder):
                # loaded first: a file over the size limit is refused before anything reads it whole
                file_rules, file_overrides, data, file_aliases = load_rule_file(path, self.fields, functions,
                                                                                declared=declared)
                loaded.append((path, file_rules, file_overrides, data, file_aliases, _digest(path)))
        for path, file_rules, file_overrides, data, file_aliases, digest in loaded:
            print_.update(str(path).encode("utf-8", "surrogateescape") + b"\0" + digest)
            for r in file_rules:
                if r.code in rules:
                    first = rules[r.code]
                    raise RuleFileError(f"rule code {r.code} is already used at {first.path}:{first.line}",
                                        path=r.path, line=r.line)
                rules[r.code] = r
            overrides += file_overrides
            alias_list += file_aliases
            if _feeds_catalogue(data):
                self.catalogue_data.append((str(path), data))
        self.fingerprint = print_.hexdigest()
        self.aliases: dict[str, str] = resolve_aliases(alias_list, rules)
        self._all = apply_overrides(rules, overrides, self.fields, self.aliases)
        from .catalogue import build_catalogue
        self.catalogue = build_catalogue(self.catalogue_data, frozenset(self.lexicons.metrics))
        self._index()

    def _index(self) -> None:
        self.rules: tuple[Rule, ...] = tuple(sorted((r for r in self._all.values() if r.enabled),
                                                    key=lambda r: r.code))
        self.by_scope: dict[str, tuple[Rule, ...]] = {
            scope: tuple(r for r in self.rules if r.scope == scope) for scope in SCOPES}
        # The index: a rule whose condition needs a field (conditions.required_fields) is filed under
        # one of those fields and evaluated only for entities that have it; the others always run.
        # The deepest field is the key, as it is the likeliest to be missing ("goal.target.unit"
        # rather than "goal.target").
        self._plans: dict[str, tuple[tuple[Rule, ...], tuple[tuple[str, tuple[Rule, ...]], ...]]] = {}
        for scope, rules in self.by_scope.items():
            always: list[Rule] = []
            keyed: dict[str, list[Rule]] = {}
            for r in rules:
                needed = required_fields(r.tree) if r.tree is not None else frozenset()
                if needed:
                    keyed.setdefault(max(needed, key=lambda f: (f.count("."), f)), []).append(r)
                else:
                    always.append(r)
            self._plans[scope] = (tuple(always), tuple((f, tuple(rs)) for f, rs in sorted(keyed.items())))

    def candidates(self, scope: str, env: dict) -> list[Rule]:
        """The rules of `scope` that can fire on the entity described by `env` (the index at work)."""
        always, keyed = self._plans[scope]
        out = list(always)
        for field, rules in keyed:
            if env.get(field) is not None:
                out += rules
        return out

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)

    def get(self, code: str) -> Rule | None:
        return self._all.get(code)

    def resolve(self, code: str) -> str:
        """The code a rule has now: `code` itself, or the new code of a renamed one."""
        return self.aliases.get(code, code)

    def all_rules(self) -> tuple[Rule, ...]:
        return tuple(sorted(self._all.values(), key=lambda r: r.code))

    def configured(self, levels: dict[str, str] | None = None, options: dict[str, dict] | None = None) -> "RuleSet":
        """A copy with rule levels and options changed (from config); unknown codes or options raise."""
        from .rulefile import Override
        overrides = [Override(code, level=level) for code, level in (levels or {}).items()]
        overrides += [Override(code, options=dict(opts)) for code, opts in (options or {}).items()]
        clone = object.__new__(RuleSet)
        clone.__dict__.update(self.__dict__)
        clone._all = apply_overrides(self._all, overrides, self.fields, self.aliases)
        from ..base.cache import hasher
        h = hasher()
        h.update((self.fingerprint + repr(sorted((levels or {}).items()))
                  + repr(sorted((options or {}).items()))).encode())
        clone.fingerprint = h.hexdigest()
        clone._index()
        return clone

    # -------------------------------------------------------------------------------
    def check(self, goal: Goal, context: Context | None = None, *, lang: str | None = None,
              path: str | None = None) -> list[Finding]:
        ctx = context or Context()
        return self.evaluate("goal", GoalItem(goal), ctx, lang=lang, path=path)

    def evaluate(self, scope: str, entity, ctx: Context, *, lang: str | None = None, path: str | None = None,
                 default_lang: str = "en", doc=None) -> list[Finding]:
        """Findings of the rules of `scope` on one entity of that scope (fields.SCOPE_TABLE says what
        it exposes: GoalItem, TaskItem, HeaderItem, StrayLine, SuppressionItem or SyntaxItem); `doc`,
        the Document the entity is in, is what the fixes of the findings edit."""
        kind = SCOPE_TABLE[scope]
        env = doc_values(ctx)
        env.update(kind.values(entity, ctx, self.lexicons))
        values = None
        out = []
        for rule in self.candidates(scope, env):
            env["_options"] = rule.options
            check = rule.check
            if check.__class__ is LazyCheck:    # (its closure, not its call on every evaluation)
                check = check._fn or check.compiled()
            if not check(env):
                continue
            msg_lang = lang or ctx.lang or (kind.lang(entity) if kind.lang is not None else default_lang)
            if values is None:  # placeholder values only for an entity some rule fires on
                values = kind.messages(entity, env, ctx, msg_lang)
            span = kind.span(entity, rule.at)
            fix = None
            if rule.fix is not None:
                from .fixkinds import make_fix
                fix = make_fix(rule.fix, scope, entity, span, values, msg_lang, doc, self)
            out.append(Finding(rule.code, rule.name, rule.smart, rule.level, _message(rule, values, msg_lang),
                               path or ctx.path, span.line, span.column, span.end_line, span.end_column, fix))
        out.sort(key=Finding.sort_key)
        return out


def _message(rule: Rule, values: dict[str, str], lang: str) -> str:
    """A rule's message in `lang`, its placeholders filled (options as {opt_NAME})."""
    vals = values
    if rule.options:            # (a rule without options reads the entity's values as they are)
        vals = _WithOptions({f"opt_{k}": format_number(v) if isinstance(v, (int, float)) else str(v)
                             for k, v in rule.options.items()}, values)
    return render_template(rule.text("message", lang), vals)


_ABSENT = object()


class _WithOptions:
    """A rule's {opt_NAME} values over the entity's placeholder values, as render_template reads them
    (get), without copying the entity's values (fields.LazyValues works most of them out only when
    asked)."""

    __slots__ = ("options", "values")

    def __init__(self, options: dict, values):
        self.options, self.values = options, values

    def get(self, name: str, default=None):
        value = self.options.get(name, _ABSENT)
        return self.values.get(name, default) if value is _ABSENT else value


def _digest(path: Path | str) -> bytes:
    """A rule file's content hash, for the rule set's fingerprint (empty if it cannot be read)."""
    from ..base.cache import hasher
    h = hasher()
    try:
        with open(path, "rb") as fh:
            h.update(fh.read())
    except OSError:
        pass
    return h.digest()


def _feeds_catalogue(data: dict) -> bool:
    """Whether a rule file's data holds catalogue entries (tasks or categories) for build_catalogue."""
    return "task" in data or "category" in data


def _builtin_files(fields: dict, functions: dict, declared: str) -> list[tuple]:
    """The package's own rule files, loaded: (path, rules, overrides, data, aliases, digest) per file.

    One cache entry holds them all, keyed on the package's data files (names, sizes, times: a
    release never changes one in place) and the field declarations; only the closures are
    compiled again, from the cached condition trees, each when its rule is first evaluated. A miss
    loads each file as a user's would.
    """
    from ..base import cache
    from .conditions import LazyCheck

    def build() -> list[tuple]:
        out = []
        for path in rule_files(rules_dir()):
            file_rules, file_overrides, data, aliases = load_rule_file(path, fields, functions, declared=declared)
            # texts and examples stay pickled until read (rules.PackedTexts)
            specs = [r.evolve(check=None, texts=PackedTexts.of(dict(r.texts)), cases=PackedCases.of(tuple(r.cases)))
                     for r in file_rules]
            # the path as a string: a pickled Path would import pathlib on every run; a file's data
            # is kept only where the catalogue reads it (RuleSet), the rest is half of the entry
            kept = data if _feeds_catalogue(data) else {}
            out.append((str(path), specs, file_overrides, kept, aliases, _digest(path)))
        return out

    def whole(value) -> bool:
        return type(value) is list and all(
            type(item) is tuple and len(item) == 6 and type(item[0]) is str and type(item[5]) is bytes
            and loaded_whole(item[1:5], PackedTexts) for item in value)

    specs = cache.cached("builtin-rules", cache.key(declared, cache.data_stamp()), build, whole)
    loaded = []
    for path, file_rules, file_overrides, data, aliases, digest in specs:
        compiled = [r.evolve(check=LazyCheck(r.tree, fields[r.scope], r.options, functions)) for r in file_rules]
        loaded.append((path, compiled, file_overrides, data, aliases, digest))
    return loaded


_lock = threading.Lock()
_default: RuleSet | None = None


def default_rules() -> RuleSet:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = RuleSet()
    return _default


def check_goal(goal_or_text, *, context: Context | None = None, rules: RuleSet | None = None,
               lang: str | None = None) -> list[Finding]:
    """Findings for one goal statement (a Goal or its text), sorted.

    `context` carries the document header (role, paid ads, history, start, baselines) and
    `today`; `lang` picks the message language (default: the context's, then the goal's).
    """
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, got {lang!r}")
    ctx = context or Context()
    if isinstance(goal_or_text, Goal):
        goal = goal_or_text
    elif isinstance(goal_or_text, str):
        goal = parse_goal(goal_or_text, today=ctx.reference_date)
    else:
        raise TypeError(f"check_goal expects a Goal or a str, got {type(goal_or_text).__name__}")
    return (rules if rules is not None else default_rules()).check(goal, ctx, lang=lang)


def suggest_tasks(goal_or_text, *, role: str | None = None, rules: RuleSet | None = None) -> list[Task]:
    """Catalogue tasks for a goal, best first: those that move the goal's metric, then the rest of its
    category, the tasks its own words name first in each; only tasks that suit the role of social
    media when `role` is given. For an activity
    stated as a goal (posts, a giveaway), the tasks of the kind of result it could serve
    (`activity_serves`)."""
    if role is not None and role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}, got {role!r}")
    goal = goal_or_text if isinstance(goal_or_text, Goal) else parse_goal(goal_or_text)
    ruleset = rules if rules is not None else default_rules()
    catalogue = ruleset.catalogue
    from .taskprofile import profile
    named = profile(goal.text, goal.lang, ruleset.lexicons, catalogue)["tasks"]
    if goal.category == "other":
        kinds = activity_serves(goal, rules=ruleset)
        return catalogue.ranked(None, kinds[0], role, named) if kinds else []
    return catalogue.ranked(goal.metric.name if goal.metric is not None else None, goal.category, role, named)


def activity_serves(goal_or_text, *, rules: RuleSet | None = None) -> tuple[str, ...]:
    """The kinds of result (categories) a statement that names no result could serve, most telling
    first: what its words point to when read like a task line (the catalogue and the metric
    vocabulary), then what its activity usually serves (`by-activity` in rules/catalogue.toml).
    Empty for a goal that has a category of its own, or when nothing tells."""
    goal = goal_or_text if isinstance(goal_or_text, Goal) else parse_goal(goal_or_text)
    if goal.category != "other":
        return ()
    from .taskprofile import profile
    ruleset = rules if rules is not None else default_rules()
    kinds = list(profile(goal.text, goal.lang, ruleset.lexicons, ruleset.catalogue)["kinds"])
    if goal.metric is not None:
        kinds += [k for k in ruleset.catalogue.activities.get(goal.metric.name, ()) if k not in kinds]
    return tuple(kinds)


def context_from_mapping(doc: dict, today: str | dt.date | None = None, lang: str | None = None) -> Context:
    """A Context from a rule example's `doc = {...}` table (header keys as in documents)."""
    def date(v):
        return dt.date.fromisoformat(v) if isinstance(v, str) else v
    baselines = dict(doc.get("baselines", {}))
    return Context(today=date(today), start=date(doc.get("start")), role=doc.get("role"),
                   paid_ads=doc.get("paid-ads"), history_months=doc.get("history"),
                   lead_processing=doc.get("lead-processing"), budget=doc.get("budget"),
                   baselines=baselines, lang=lang)
