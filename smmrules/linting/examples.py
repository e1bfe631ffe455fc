"""Run a rule's bad/good examples: the codes each example produces."""
from __future__ import annotations

from ..rules.engine import RuleSet, context_from_mapping
from ..rules.rulefile import Case, Rule


def case_codes(rule: Rule, case: Case, rules: RuleSet) -> list[str]:
    """Codes found in an example: documents are linted, statements checked (syntax rules lint
    the statement as a one-goal document, since the statement itself cannot be parsed)."""
    from .pipeline import lint
    from ..language.parse import parse_goal
    ctx = context_from_mapping(case.doc, case.today)
    if case.document or rule.scope != "goal":
        text = case.text if case.document else f"goal: {case.text}\n"
        return [f.code for f in lint(text, rules=rules, today=ctx.today)]
    goal = parse_goal(case.text, lang=case.lang, today=ctx.reference_date)
    return [f.code for f in rules.check(goal, ctx)]
