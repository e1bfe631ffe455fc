"""The rule index: a rule is evaluated only for entities that have the fields its condition needs.

`conditions.required_fields` says which fields must all be present for a condition to be true; the
engine files each rule under one of them. These tests check the analysis on written conditions, its
soundness on every built-in rule and on generated conditions (a condition that holds never lacks a
required field), and that linting with the index gives exactly the findings of evaluating every rule.
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import smmrules
from smmrules.rules.conditions import compile_condition, parse_condition, required_fields
from smmrules.language.context import Context
from smmrules.rules.engine import RuleSet, default_rules
from smmrules.rules.fields import declared_fields, goal_values
from smmrules.language.lexicon import default_lexicons

LEXICONS = default_lexicons()
FIELDS = declared_fields(LEXICONS)
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "goals-dev.jsonl"


@pytest.mark.parametrize("condition, needed", [
    ("goal.deadline is missing", set()),
    ("goal.target is not missing", {"goal.target"}),
    ('goal.target.unit == "%" and goal.target.value > 100', {"goal.target.unit", "goal.target.value"}),
    ("goal.target.value > 100 or goal.target.value < 0", {"goal.target.value"}),
    ("goal.target.value > 100 or goal.baseline.value > 100", set()),
    ("(goal.target.value > 1 and goal.period is missing) or goal.target.value < 0", {"goal.target.value"}),
    ("goal.target.value * 2 + goal.baseline.value > opt.limit", {"goal.target.value", "goal.baseline.value"}),
    ("-goal.target.value < 0", {"goal.target.value"}),
    ("goal.vague", {"goal.vague"}),
    ("not goal.vague", set()),
    ("not (goal.target.value > 1)", set()),
    ("count(goal.secondary) > 0", set()),
    ("months_between(doc.start, goal.deadline.date) > 12", set()),
    ('"guarantee" in goal.cues', {"goal.cues"}),
    ('"guarantee" not in goal.cues', set()),
    ('goal.category in ["sales", "leads"]', {"goal.category"}),
    ('goal.category not in ["sales", "leads"]', {"goal.category"}),
    ("goal.metric in goal.cues", {"goal.metric", "goal.cues"}),
    ("goal.metric not in goal.cues", {"goal.metric"}),
    ("opt.strict", set()),
])
def test_required_fields_of_written_conditions(condition, needed):
    assert required_fields(parse_condition(condition)) == needed


def _corpus_goals():
    """The statements of every built-in rule's examples, and the shared corpus when it is beside the
    project (CI has it; a plain clone does not, and the test stands on the examples alone)."""
    statements = [(case.text, case.lang) for rule in default_rules().rules for case in rule.cases
                  if not case.document]
    if CORPUS.exists():
        rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
        statements += [(row["text"], row.get("lang")) for row in rows]
    goals = []
    for text, lang in statements:
        try:
            goals.append(smmrules.parse_goal(text, lang=lang, today=dt.date(2026, 1, 15)))
        except smmrules.GoalSyntaxError:
            pass
    return goals


GOALS = _corpus_goals()
CONTEXTS = [Context(), Context(today=dt.date(2026, 1, 15), start=dt.date(2026, 1, 15), role="one-of-sources",
                               paid_ads=True, history_months=1, lead_processing=False, budget=500,
                               baselines={"followers": 3200})]


def test_every_built_in_goal_rule_is_false_without_a_required_field():
    """Soundness on the real rules: blank out any one required field of a real goal's values and
    the rule's condition is false (so skipping the rule for such a goal loses nothing)."""
    rules = [r for r in default_rules().all_rules() if r.scope == "goal"]
    checked = 0
    for goal in GOALS:
        for ctx in CONTEXTS:
            env = goal_values(goal, ctx, LEXICONS)
            for rule in rules:
                env["_options"] = rule.options
                for field in required_fields(rule.tree):
                    blanked = dict(env)
                    blanked[field] = None
                    assert not rule.check(blanked), (rule.code, field, goal.text)
                    checked += 1
    assert checked > 1000


def test_the_index_skips_rules_and_finds_the_same():
    rs = default_rules()
    skipped = 0
    for goal in GOALS:
        for ctx in CONTEXTS:
            env = goal_values(goal, ctx, LEXICONS)
            candidates = rs.candidates("goal", env)
            skipped += len(rs.by_scope["goal"]) - len(candidates)
            fired = set()
            for rule in rs.by_scope["goal"]:
                env["_options"] = rule.options
                if rule.check(env):
                    fired.add(rule.code)
            assert fired <= {r.code for r in candidates}, goal.text
    assert skipped > len(GOALS)      # the index does skip work, on average more than a rule a goal


class _Unindexed(RuleSet):
    """The same rules, every one evaluated on every entity: what the index must agree with."""

    def candidates(self, scope, env):
        return list(self.by_scope[scope])


def test_linting_with_and_without_the_index_gives_the_same_findings():
    indexed = default_rules()
    plain = _Unindexed()
    docs = sorted((ROOT / "examples").glob("*.goals"))
    assert docs
    texts = [d.read_text(encoding="utf-8") for d in docs]
    header = "start: 2026-01-15\nrole: one-of-sources\npaid-ads: yes\n"
    texts.append(header + "".join(f"goal: {g.text}\n" for g in GOALS))
    total = 0
    for text in texts:
        a = smmrules.lint(text, rules=indexed)
        assert a == smmrules.lint(text, rules=plain)
        total += len(a)
    assert total > 50                # the documents do have findings to compare


# generated conditions: whenever one holds, every field it requires is present -----------------
_NUM = ["goal.target.value", "goal.baseline.value", "goal.target.low", "goal.deadline.months"]
_STR = ["goal.metric", "goal.channel", "goal.metric_text"]     # free text, any value is allowed
_BOOL = ["goal.vague", "goal.placeholder", "doc.paid_ads"]
_LIST = ["goal.secondary"]
_ALL = _NUM + _STR + _BOOL + _LIST

num_expr = st.recursive(
    st.one_of(st.sampled_from(_NUM), st.integers(0, 50).map(str)),
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(["+", "-", "*", "/"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        inner.map(lambda e: f"-{e}"),
        st.lists(inner, min_size=1, max_size=3).map(lambda es: f"max({', '.join(es)})"),
    ),
    max_leaves=4)
str_value = st.sampled_from(['"sales"', '"leads"', '"instagram"', '"followers"'])
atom = st.one_of(
    st.tuples(num_expr, st.sampled_from(["<", ">", "==", "!=", "<=", ">="]), num_expr).map(" ".join),
    st.tuples(st.sampled_from(_STR), st.sampled_from(["==", "!="]), str_value).map(" ".join),
    st.sampled_from(_BOOL),
    st.sampled_from(_ALL).map(lambda f: f"{f} is missing"),
    st.sampled_from(_ALL).map(lambda f: f"{f} is not missing"),
    st.tuples(st.sampled_from(_STR), st.sampled_from(["in", "not in"]),
              st.lists(str_value, min_size=1, max_size=3)).map(lambda t: f"{t[0]} {t[1]} [{', '.join(t[2])}]"),
    st.tuples(str_value, st.sampled_from(["in", "not in"]), st.sampled_from(_LIST)).map(" ".join),
)
condition = st.recursive(atom, lambda inner: st.one_of(
    st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
    inner.map(lambda c: f"not ({c})"),
), max_leaves=6)


def _env(draw_values):
    env = {}
    for name, value in draw_values.items():
        env[name] = value
    env["_options"] = {}
    env["_baselines"] = {}
    return env


values = st.fixed_dictionaries({
    **{f: st.one_of(st.none(), st.integers(-5, 60).map(float)) for f in _NUM},
    **{f: st.one_of(st.none(), st.sampled_from(["sales", "leads", "instagram", "followers"])) for f in _STR},
    **{f: st.one_of(st.none(), st.booleans()) for f in _BOOL},
    **{f: st.one_of(st.none(), st.lists(st.sampled_from(["sales", "leads", "followers"]), max_size=2))
       for f in _LIST},
})


@settings(max_examples=400, deadline=None)
@given(condition, values)
def test_a_condition_that_holds_has_all_its_required_fields(text, drawn):
    fields = {f: FIELDS[f] for f in _ALL}
    fn, _ = compile_condition(text, fields, {})
    needed = required_fields(parse_condition(text))
    env = _env(drawn)
    if fn(env):
        assert all(env[f] is not None for f in needed), (text, needed)
