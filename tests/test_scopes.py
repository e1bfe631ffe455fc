"""One place per scope (smmrules/rules/fields.py SCOPE_TABLE): for every kind of entity rules can be
about, every declared field has a value and every value is declared, with the declared type; the
message placeholders a scope declares are the ones it fills; and a placeholder a scope does not have
is refused when the rule file loads, at its file, line and column."""
import datetime as dt
from pathlib import Path

import pytest

from smmrules.base.errors import RuleFileError
from smmrules.documents.goals import parse_document
from smmrules.language.ast import Span
from smmrules.language.context import Context
from smmrules.rules.doccheck import check_document, document_entities
from smmrules.rules.engine import RuleSet, default_rules
from smmrules.rules.fields import (AT, DOC_FIELDS, PLACEHOLDERS, SCOPE_TABLE, SCOPES, SuppressionItem, declared_fields,
                                   doc_values)

# every scope's entity at least once: header entries (known, repeated, unknown, unreadable), goals (a
# copy, a conflicting target), a syntax error, an orphan task and a goal's, a stray line, a suppression,
# a goal's check-ins (one readable, one written as a change)
DOC = """# a brief
start: 2026-01-15
role: one-of-sources
role: social-only
bugdet: 900
paid-ads: maybe
baseline: followers 2,100
  task: answer every comment within an hour
goal: grow Instagram followers from 2,100 to 5,000 by 2026-06   # smmrules: ignore[T101]
  task: run ads with a frequency of 4-5 per person
goal: increase sales by 15% %% $$
goal: increase sales by 15% within 3 months
goal: increase sales by 20% within 3 months
goal: increase sales by 15% within 3 months
goal: увеличить продажи на 15% к 2026-06
  задача: запустить рекламу с частотой 3 в неделю
  факт 18.01.2026: 120 000
  факт: +300
just a stray line here
"""

RULES = default_rules()
LEX = RULES.lexicons


def _entities() -> list[tuple[str, object, Context]]:
    doc = parse_document(DOC, path="brief.goals", today=dt.date(2026, 1, 20))
    out = [(scope, entity, doc.context) for scope, entity in document_entities(doc, RULES)]
    sup = doc.suppressions[0]
    out.append(("suppression", SuppressionItem(sup, True, ("X999",), ("S105 \u2192 R404",)), doc.context))
    out.append(("suppression", SuppressionItem(sup), doc.context))
    return out


ENTITIES = _entities()


def _has_kind(value, ftype) -> bool:
    kind = ftype.kind
    if kind == "num":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind == "bool":
        return isinstance(value, bool)
    if kind == "date":
        return isinstance(value, dt.date)
    if kind == "obj":
        return value is True
    if kind == "list":
        return isinstance(value, (tuple, list)) and (ftype.values is None or set(value) <= set(ftype.values))
    return isinstance(value, str) and (ftype.values is None or value in ftype.values)


def test_every_scope_has_an_entity_in_the_sample():
    assert SCOPES == ("goal", "task", "header", "line", "suppression", "syntax", "checkin")
    assert {scope for scope, _, _ in ENTITIES} == set(SCOPES)


@pytest.mark.parametrize("scope, entity, ctx", ENTITIES, ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(ENTITIES)])
def test_every_declared_field_has_a_value_and_every_value_is_declared(scope, entity, ctx):
    kind = SCOPE_TABLE[scope]
    declared = declared_fields(LEX, scope)
    env = doc_values(ctx)
    env.update(kind.values(entity, ctx, LEX))
    produced = {name for name in env if not name.startswith("_")}   # _baselines: for doc.baseline()
    assert produced == set(declared)
    for name, value in env.items():
        if value is not None and not name.startswith("_"):
            assert _has_kind(value, declared[name]), (name, value, declared[name])


def test_the_sample_gives_values_not_only_missing_ones():
    """The fields of each scope are filled by the sample, so the type check above checks something."""
    for scope in SCOPES:
        own = set(SCOPE_TABLE[scope].fields(LEX))
        filled = set()
        for s, entity, ctx in ENTITIES:
            if s == scope:
                filled |= {k for k, v in SCOPE_TABLE[scope].values(entity, ctx, LEX).items() if v is not None}
        assert len(filled) >= len(own) // 2, (scope, own - filled)


@pytest.mark.parametrize("scope, entity, ctx", ENTITIES, ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(ENTITIES)])
def test_a_scope_fills_exactly_its_placeholders_and_points_at_its_spans(scope, entity, ctx):
    kind = SCOPE_TABLE[scope]
    env = doc_values(ctx)
    env.update(kind.values(entity, ctx, LEX))
    for lang in ("en", "ru", "uk"):
        values = kind.messages(entity, env, ctx, lang)
        assert set(values) == set(kind.placeholders), lang
        assert all(isinstance(v, str) for v in values.values())
    for at in kind.spans:
        assert isinstance(kind.span(entity, at), Span)


def test_the_rule_file_lists_are_the_scopes():
    assert set(AT) == {a for s in SCOPE_TABLE.values() for a in s.spans}
    assert set(PLACEHOLDERS) == {p for s in SCOPE_TABLE.values() for p in s.placeholders}
    assert set(DOC_FIELDS) <= set(declared_fields(LEX, "task"))
    assert SCOPE_TABLE["header"].placeholders == ("key", "hint", "expected", "other_line")
    assert SCOPE_TABLE["suppression"].placeholders == ("codes", "renamed")


def test_document_facts_reach_the_entities():
    by_scope: dict = {}
    for scope, entity, _ in ENTITIES:
        by_scope.setdefault(scope, []).append(entity)
    goals = by_scope["goal"]
    assert [g.duplicate_line for g in goals] == [None, None, None, 12, None]
    assert [g.conflict_line for g in goals] == [None, None, 12, None, None]
    assert [g.task_count for g in goals] == [1, 0, 0, 0, 1]
    headers = by_scope["header"]
    assert [(h.entry.raw_key, h.duplicate, h.first_line) for h in headers] == [
        ("start", False, 2), ("role", False, 3), ("role", True, 3), ("bugdet", False, None),
        ("paid-ads", False, 6), ("baseline", False, 7)]
    tasks = by_scope["task"]
    assert [(t.orphan, t.profile["frequency_low"], t.profile["frequency_high"]) for t in tasks] == [
        (True, None, None), (False, 4.0, 5.0), (False, 3.0, 3.0)]
    assert [s.error.code for s in by_scope["syntax"]] == ["E004"]


def test_findings_point_where_the_scope_says():
    doc = parse_document(DOC, path="brief.goals")
    found = {(f.code, f.line, f.column, f.end_column) for f in check_document(doc, RULES)}
    assert ("D601", 5, 1, 7) in found           # header, at = "key": the unknown key itself
    assert ("D603", 6, 11, 16) in found         # header, at = "value": the unreadable value
    assert ("E004", 11, 29, 30) in found        # syntax: the percent sign with no number
    assert ("D610", 19, 1, 23) in found         # line: the whole stray line
    assert ("P708", 18, 3, 13) in found         # checkin: the whole check-in line


# -- placeholders are checked against the rule's scope when the rule file loads ------------------------
TEXTS = '''[rule.en]
message = "MESSAGE"
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.ru]
message = "m"
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.uk]
message = "m"
summary = "s"
what = "w"
why = "y"
fix = "f"
'''


def _rule_file(scope: str, when: str, message: str, options: str = "") -> str:
    return (f'[[rule]]\ncode = "X101"\nname = "team.x"\nlevel = "warning"\nscope = "{scope}"\n'
            f'when = "{when}"\n{options}'
            'bad = ["increase sales by 15%"]\ngood = ["increase sales by 15% by 2026-06"]\n'
            + TEXTS.replace("MESSAGE", message))


def _load(tmp_path: Path, text: str) -> RuleSet:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "team.toml").write_text(text, encoding="utf-8")
    return RuleSet([folder], builtin=False)


def _refused(tmp_path: Path, text: str) -> str:
    with pytest.raises(RuleFileError) as info:
        _load(tmp_path, text)
    return str(info.value).replace(str(tmp_path / "rules") + "/", "")


def test_a_placeholder_of_another_scope_is_refused_at_its_line_and_column(tmp_path):
    # before: the header rule loaded and its message said "Key  is odd." ({metric} is a goal's)
    text = _rule_file("header", "header.known == false", "Key {metric} is odd.")
    assert _refused(tmp_path, text) == (
        "team.toml:10:16: placeholder '{metric}' is not available to a header rule; its placeholders are "
        "{key}, {hint}, {expected}, {other_line} and {opt_NAME} for each option")


def test_a_document_placeholder_in_a_goal_rule_is_refused(tmp_path):
    text = _rule_file("goal", "goal.deadline is missing", "{codes}")
    assert _refused(tmp_path, text).startswith(
        "team.toml:10:12: placeholder '{codes}' is not available to a goal rule; its placeholders are {metric}, ")


def test_an_unknown_placeholder_suggests_one_of_its_scope(tmp_path):
    text = _rule_file("header", "header.known == false", "Key {hnit}")
    assert _refused(tmp_path, text) == "team.toml:10:16: unknown placeholder '{hnit}' (did you mean '{hint}'?)"


@pytest.mark.parametrize("scope, when, message", [
    ("header", "header.known == false", "{key}{hint} {expected} {other_line} {opt_limit}"),
    ("task", "task.orphan", "{task} {frequency} {category}"),
    ("line", "line.text is not missing", "{text}"),
    ("suppression", "suppression.unused", "{codes} {renamed}"),
    ("syntax", "syntax.code == \\\"E004\\\"", "{text}"),
    ("goal", "goal.deadline is missing", "{metric} {other_line} {suggested_tasks} {time_text} {opt_limit}"),
])
def test_a_scope_s_own_placeholders_load(tmp_path, scope, when, message):
    rs = _load(tmp_path, _rule_file(scope, when, message, options="options = { limit = 3 }\n"))
    assert [(r.code, r.scope) for r in rs] == [("X101", scope)]


def test_every_built_in_rule_uses_only_its_scope_s_placeholders():
    import re
    for rule in RULES.all_rules():
        own = SCOPE_TABLE[rule.scope].placeholders
        for lang in ("en", "ru", "uk"):
            for name in re.findall(r"(?<!\{)\{([a-z_]+)\}", rule.text("message", lang)):
                assert name in own or name[4:] in rule.options, (rule.code, name)


def test_the_scope_table_in_the_docs_matches_the_code():
    import re
    page = (Path(__file__).parent.parent / "docs" / "rule-files.md").read_text(encoding="utf-8")
    rows = {}
    for line in page.splitlines():
        m = re.match(r"\| `([a-z]+)` \| [^|]+ \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$", line)
        if m and m.group(1) in SCOPE_TABLE:
            rows[m.group(1)] = m.groups()[1:]
    assert set(rows) == set(SCOPES)
    for scope, (fields, at, placeholders) in rows.items():
        kind = SCOPE_TABLE[scope]
        assert [a.strip() for a in at.split(",")] == list(kind.spans), scope
        if scope != "goal":     # the goal's are listed in their own tables
            assert re.findall(r"`([a-z_.]+)`", fields) == list(kind.fields(LEX)), scope
            assert re.findall(r"`\{([a-z_]+)\}`", placeholders) == list(kind.placeholders), scope
    goal_section = page[page.index("### Message placeholders"):page.index("## Errors")]
    assert set(re.findall(r"`\{([a-z_]+)\}`", goal_section)) >= set(SCOPE_TABLE["goal"].placeholders)
