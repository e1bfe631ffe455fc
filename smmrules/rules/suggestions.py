"""What `smmrules suggest` and `smmrules check` say beside the ranked tasks: for an activity stated as
a goal, the kinds of result it could serve and an example goal to set instead (grammar/suggest.toml)."""
from __future__ import annotations

import functools

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..language.ast import Goal
    from .engine import RuleSet


@functools.lru_cache(maxsize=1)
def texts() -> dict:
    from ..base.resources import grammar_file
    from ..base.tomlfile import read_data
    return read_data(grammar_file("suggest.toml"))


def activity_answer(goal: Goal, lang: str, rules: RuleSet) -> dict | None:
    """None for a goal that names a result; for an activity, {"serves": the kinds it could serve,
    most telling first, "example": a goal of the first kind in `lang` (or None), "text": the answer
    in `lang`}."""
    from ..language.langdetect import detect_lang
    from ..language.render import templates
    from .engine import activity_serves
    info = rules.lexicons.metrics.get(goal.metric.name) if goal.metric is not None else None
    if goal.category != "other" or info is None or not info.activity:
        return None
    kinds = activity_serves(goal, rules=rules)
    t = texts()[lang]
    if not kinds:
        return {"serves": [], "example": None, "text": t["activity_unknown"]}
    names = templates()[lang]["categories"]
    left, right = t["quote"]
    example = next((x for x in rules.catalogue.examples.get(kinds[0], ())
                    if detect_lang(x, rules.lexicons) == lang), None)
    shown = t["or"].join(f"{left}{names[k]}{right}" for k in kinds[:2])
    if example is None:
        return {"serves": list(kinds), "example": None, "text": t["activity_unknown"]}
    return {"serves": list(kinds), "example": example, "text": t["activity"].format(kinds=shown, example=example)}
