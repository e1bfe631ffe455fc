"""The shortcuts of the lint path's hot loop give what the long way gives: the JSON report written from
each rule's pre-written parts, a goal's message values worked out only when a message names them, the
LR parse replayed by a plan's program."""
from __future__ import annotations

import datetime as dt
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmrules.language import lr
from smmrules.language.grammar import default_grammar
from smmrules.language.phrases import ToPhrases
from smmrules.linting.pipeline import lint
from smmrules.linting.results import FileResult
from smmrules.reporters import write_report
from smmrules.reporters.base import dumps
from smmrules.rules import fields
from smmrules.rules.engine import default_rules
from smmrules.rules.fields import GoalItem, LazyValues, SCOPE_TABLE, message_values, progress_values
from smmrules.rules.findings import Finding
from smmrules.rules.fixes import Edit, Fix
from smmrules.rules.links import url_for
from smmrules.language.context import Context
from smmrules.language.parse import parse_goal
from strategies import LANGS, goal_documents, goals

TODAY = dt.date(2026, 3, 10)


# -- the JSON report ------------------------------------------------------------------------------------
def _json_report(results, docs_url=None) -> str:
    out = io.StringIO()
    write_report(results, fmt="json", out=out, rules=default_rules(), docs_url=docs_url)
    return out.getvalue()


def _expected(findings, docs_url=None) -> str:
    """The report as it was written before the rule parts: json.dumps of each finding's to_json."""
    if not findings:
        return "[]\n"
    return "[\n  " + ",\n  ".join(dumps(f.to_json(url_for(f.code, docs_url))) for f in findings) + "\n]\n"


FIX = Fix(True, "Write «5 000»", (Edit(2, 7, 2, 12, "5 000"), Edit(3, 1, 3, 1, "\t\"x\"\n")))


def _findings(path: str, message: str) -> tuple:
    return (
        Finding("T101", "time-bound.no-deadline", "T", "warning", message, path, 2, 7, 2, 40),
        Finding("T101", "time-bound.no-deadline", "T", "warning", "The goal has no deadline.", path, 4, 1, 4, 9),
        Finding("D606", "document.duplicate-goal", None, "warning", "Repeated goal (first on line 2).", path,
                5, 1, 5, 30, FIX),
        Finding("X901", "team.own-rule", None, "info", message, path, 6, 3, 7, 1),   # no page of its own
    )


def test_the_json_report_is_json_dumps_of_each_finding_for_known_findings():
    findings = _findings("briefs/brief.goals", 'Цель "без срока": укажите\tсрок \\ 🎯')
    text = _json_report([FileResult("briefs/brief.goals", findings)])
    assert text == _expected(findings)
    assert '"url": "https://example.org/smmrules/docs/rules/T101.md"' in text
    assert text.count('"url"') == 3             # X901 has no page among the default ones
    assert '"fix": {"applicability": "safe", "title": "Write «5 000»"' in text
    # a team's docs-url gives every code a page, its own rule's too
    assert _json_report([FileResult("a.goals", findings)], "https://docs.example/r") == _expected(
        findings, "https://docs.example/r")


def test_a_lone_surrogate_anywhere_makes_the_whole_finding_ascii_as_before():
    path = "briefs/bad\udcff.goals"             # an undecodable file name
    findings = _findings(path, "Цель без срока.")
    text = _json_report([FileResult(path, findings)])
    assert text == _expected(findings)
    assert "\\udcff" in text and "\\u0426" in text and "Цель" not in text


@given(st.text(max_size=40), st.text(max_size=20), st.one_of(st.none(), st.sampled_from("SMART")),
       st.integers(0, 10**6))
@settings(max_examples=150, deadline=None)
def test_any_message_and_path_are_written_as_json_dumps_writes_them(message, path, smart, line):
    f = Finding("A303", "achievable.deadline-in-past", smart, "error", message, path or None, line, 1, line, 2)
    g = Finding("A303", "achievable.deadline-in-past", smart, "error", message + "!", "p.goals", 1, 1, 1, 1, FIX)
    result = FileResult("p.goals", (f, g))
    located = (f if f.path is not None else f.evolve(path="p.goals"), g)
    assert _json_report([result]) == _expected(located)


# -- a goal's message values ------------------------------------------------------------------------------
def _goal_values(text: str, lang: str, role: str | None = "one-of-sources"):
    rules = default_rules()
    ctx = Context(today=TODAY, role=role)
    goal = parse_goal(text, lang=lang, today=TODAY)
    item = GoalItem(goal, task_count=0, duplicate_line=4, catalogue=rules.catalogue)
    kind = SCOPE_TABLE["goal"]
    env = fields.doc_values(ctx)
    env.update(kind.values(item, ctx, rules.lexicons))
    return goal, item, env, ctx, kind


def test_a_goal_message_value_is_worked_out_only_when_a_message_names_it():
    goal, item, env, ctx, kind = _goal_values("grow Instagram followers from 3,200 to 5,000 by 2026-06", "en")
    values = kind.messages(item, env, ctx, "en")
    assert type(values) is LazyValues
    assert values.get("metric_name") == "followers"
    assert values.get("other_line") == "4"
    assert len(values.later) == 3               # the figures, the progress and the catalogue's tasks wait
    assert values.get("target") == "5,000"
    assert values.get("baseline") == "3,200"
    assert len(values.later) == 2               # only the figures were written
    assert values.get("no-such-name", "?") == "?"
    assert values["months"] == "3.7"            # (from 2026-03-10 to the end of June)
    assert len(values.later) == 2


def test_a_goal_message_values_as_a_whole_are_every_group_written_out():
    for text, lang in (("grow Instagram followers from 3,200 to 5,000 by 2026-06", "en"),
                       ("увеличить продажи на 20% до конца года", "ru"),
                       ("збільшити охоплення в Instagram до 10 000 за 3 місяці", "uk")):
        goal, item, env, ctx, kind = _goal_values(text, lang)
        whole = dict(kind.messages(item, env, ctx, lang))
        expected = message_values(goal, env, ctx, lang)
        expected.update(progress_values(env["_tracking"], lang, goal.target.unit if goal.target else None))
        tasks = default_rules().catalogue.ranked(goal.metric.name if goal.metric else None, goal.category,
                                                 "one-of-sources")[:3]
        assert tasks                            # (the catalogue has tasks for each of these goals)
        expected["suggested_tasks"] = "; ".join(t.title(lang) for t in tasks)
        expected["other_line"] = "4"
        assert whole["catalogue_hint"].endswith(expected["suggested_tasks"] + ".") or \
            expected["suggested_tasks"] in whole["catalogue_hint"]
        del whole["catalogue_hint"]
        assert whole == expected
        assert set(whole) | {"catalogue_hint"} == set(SCOPE_TABLE["goal"].placeholders)
        # the mapping's other views see every group too
        lazy = kind.messages(item, env, ctx, lang)
        assert "pace" in lazy and len(lazy) == len(whole) + 1 and not lazy.later


def _eager(item, env, ctx, lang):
    """A goal's message values with every group written out first (what was done before)."""
    return dict(LazyValues.copy(fields._goal_messages(item, env, ctx, lang)))


@given(goal_documents())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_findings_are_the_same_when_every_message_value_is_written_out_first(doc):
    _, text = doc
    lazy = lint(text, today=TODAY)
    scope = SCOPE_TABLE["goal"]
    original = scope.messages
    object.__setattr__(scope, "messages", _eager)
    try:
        assert lint(text, today=TODAY) == lazy
    finally:
        object.__setattr__(scope, "messages", original)


# -- the LR parse replayed by a plan's program --------------------------------------------------------------
@given(st.sampled_from(LANGS).flatmap(lambda lang: goals(lang).map(lambda g: (lang, g.render(lang)))))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_parse_replayed_by_its_program_is_the_parse_driven_through_the_table(case):
    lang, text = case
    g = default_grammar()
    tokens = g.tokens(text, lang)
    plans: dict = {}
    driven = lr.parse(g.table, tokens, ToPhrases(text))
    first = lr.parse(g.table, tokens, ToPhrases(text), plans)       # driven, and its actions kept
    replayed = lr.parse(g.table, tokens, ToPhrases(text), plans)    # by the program worked out from them
    again = lr.parse(g.table, tokens, ToPhrases(text), plans)
    assert driven == first == replayed == again
    assert repr(driven) == repr(replayed)
    plan = next(iter(plans.values()))
    built, _, spread = plan.program
    assert not spread
    assert 0 < len(built) < plan.ops.count(None) + sum(op is not None for op in plan.ops)
