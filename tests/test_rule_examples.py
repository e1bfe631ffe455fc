"""Every rule's bad examples produce its code and its good examples do not; the rules are complete."""
import re

import pytest

from smmrules.rules.engine import RuleSet, context_from_mapping, default_rules
from smmrules.linting.examples import case_codes
from smmrules.language.parse import parse_goal
from smmrules.rules.rulefile import PLACEHOLDERS

RULES = default_rules()
CASES = [(r.code, c) for r in RULES.all_rules() for c in r.cases]


@pytest.mark.parametrize("code, case", CASES, ids=[f"{code}-{c.expect}-{c.text[:30]}" for code, c in CASES])
def test_rule_example(code, case):
    codes = case_codes(RULES.get(code), case, RULES)
    if case.expect == "bad":
        assert code in codes, f"{code} should flag {case.text!r}; got {codes}"
    else:
        assert code not in codes, f"{code} should pass {case.text!r}; got {codes}"


@pytest.mark.parametrize("rule", RULES.all_rules(), ids=lambda r: r.code)
def test_rule_is_complete(rule):
    for lang in ("en", "ru", "uk"):
        for key in ("message", "summary", "what", "why", "fix"):
            assert rule.texts[lang][key].strip(), (lang, key)
    assert any(c.expect == "bad" for c in rule.cases) and any(c.expect == "good" for c in rule.cases)
    assert rule.smart in (None, "S", "M", "A", "R", "T")
    assert rule.level in ("error", "warning", "info")


@pytest.mark.parametrize("rule", RULES.all_rules(), ids=lambda r: r.code)
@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_every_placeholder_is_filled(rule, lang):
    """On each bad example, every placeholder of the message gets a non-empty value."""
    names = re.findall(r"\{([a-z_]+)\}", rule.texts[lang]["message"])
    if rule.scope != "goal" or any(c.document for c in rule.cases):
        from smmrules.linting.pipeline import lint
        for case in (c for c in rule.cases if c.expect == "bad"):
            text = case.text if case.document else f"goal: {case.text}\n"
            found = [f for f in lint(text, rules=RULES) if f.code == rule.code]
            assert found, case.text
            for f in found:
                assert not re.search(r"\{[a-z_]+\}", f.message), f.message
                assert "''" not in f.message and "«»" not in f.message, f.message
        return
    for case in (c for c in rule.cases if c.expect == "bad"):
        ctx = context_from_mapping(case.doc, case.today)
        goal = parse_goal(case.text, lang=case.lang, today=ctx.reference_date)
        finding = next(f for f in RULES.check(goal, ctx, lang=lang) if f.code == rule.code)
        assert "{" not in finding.message and "}" not in finding.message
        from smmrules.rules.fields import message_values
        from smmrules.rules.fields import goal_values
        values = message_values(goal, goal_values(goal, ctx, RULES.lexicons), ctx, lang)
        for name in names:
            if name.startswith("opt_"):
                assert name[4:] in rule.options
            else:
                assert name in PLACEHOLDERS and values[name], (name, case.text)


def test_codes_are_unique_and_prefixed_by_their_letter():
    """A SMART rule's code starts with its letter; the others with their family's: E syntax,
    L suppressions, C clarity (how a goal is written), D domain and document rules."""
    for rule in RULES.all_rules():
        family = "C" if rule.name.startswith("clarity.") else "D"
        expected = rule.smart or {"syntax": "E", "suppression": "L"}.get(rule.scope, family)
        assert rule.code[0] == expected, rule.code


def test_messages_follow_the_requested_language():
    goal = parse_goal("increase sales by 15%")
    en = {f.code: f.message for f in RULES.check(goal)}
    ru = {f.code: f.message for f in RULES.check(goal, lang="ru")}
    assert en["T101"].startswith("The goal has no deadline")
    assert ru["T101"] != en["T101"] and re.search("[а-я]", ru["T101"])


def test_localized_values_in_messages():
    goal = parse_goal("отвечать на обращения клиентов в течение 48 часов")
    msg = next(f.message for f in RULES.check(goal) if f.code == "D503")
    assert "48 часов" in msg
    goal = parse_goal("grow followers from 1,000 to 100,000 within 3 months")
    msg = next(f.message for f in RULES.check(goal, lang="uk") if f.code == "A304")
    assert "364,2" in msg  # (100 ** (1/3) - 1) * 100, written with a decimal comma


@pytest.mark.parametrize("category", sorted(RULES.catalogue.examples))
def test_catalogue_examples(category):
    """Each category's example statements are classified there and get tasks that move their metric
    or are of their category, the first one of their category."""
    from smmrules.rules.engine import suggest_tasks
    for text in RULES.catalogue.examples[category]:
        goal = parse_goal(text)
        assert goal.category == category, text
        tasks = suggest_tasks(goal)
        metric = goal.metric.name if goal.metric is not None else None
        assert tasks and tasks[0].category == category, text
        assert all(t.category == category or metric in t.metrics for t in tasks), text


def test_catalogue_covers_every_goal_category():
    cats = {t.category for t in RULES.catalogue.tasks}
    assert cats == {"sales", "leads", "awareness", "engagement", "loyalty", "communication", "traffic"}
    for t in RULES.catalogue.tasks:
        assert t.roles
        assert all(t.title(lang) for lang in ("en", "ru", "uk"))


def test_suggestions_filter_by_role():
    from smmrules.rules.engine import suggest_tasks
    ids = {t.id for t in suggest_tasks("increase monthly sales 20% by 2026-06", role="social-only")}
    assert "sales.direct-requests" in ids and "sales.pixel-retargeting" not in ids
    ids = {t.id for t in suggest_tasks("increase monthly sales 20% by 2026-06", role="one-of-sources")}
    assert "sales.pixel-retargeting" in ids and "sales.direct-requests" not in ids
    with pytest.raises(ValueError):
        suggest_tasks("increase sales", role="influencer")


def test_a_new_ruleset_is_independent_of_the_default():
    assert len(RuleSet()) == len(RULES)


def test_catalogue_tasks_serve_their_own_category():
    """D609 must never fire on the catalogue's own tasks placed under a goal of their category: the
    title of a task with match words names the task itself in every language."""
    from smmrules.rules.doccheck import task_profile
    for task in RULES.catalogue.tasks:
        for lang in ("en", "ru", "uk"):
            prof = task_profile(task.title(lang), lang, RULES)
            assert not prof["kinds"] or task.category in prof["kinds"], (task.id, lang, prof["kinds"])
            if task.match:
                assert task.id in prof["tasks"], (task.id, lang, prof["tasks"])
