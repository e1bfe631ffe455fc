"""Work grows linearly with input, on pathological input too (issue 6: resource limits).

Measured in operations, not seconds: the tagger's LALR steps and the lexicon lookups are counted
for an input and for the same input four times longer; the count may grow at most ~4x.
"""
import pytest

from smmrules.language import lexicon

from smmrules.language import tagger
from smmrules.linting.pipeline import lint
from smmrules.language.parse import parse_goal
from smmrules.base.errors import GoalSyntaxError

PATTERNS = {
    "digits": "1" * 15 + " ",
    "huge numbers": "1" * 400 + " ",
    "grouped digits": "1 000 000 000 ",
    "separators": "1,000,000,000,000 ",
    "dashes": "1-2-3-4-5-6-7-8 ",
    "keywords": "increase by to from within in after until ",
    "ru keywords": "увеличить на до с за в течение через к ",
    "percent runs": "20% 30% 40% ",
    "units": "months weeks days years ",
    "months": "June July August 2026 ",
    "mixed": "top-3 #1 x2 Q3 2026 $5,000 10k ",
}


@pytest.fixture
def counter(monkeypatch):
    counts = {"steps": 0, "readings": 0}
    step, readings = tagger.Tagger._step, lexicon.Lexicon.readings

    def counting_step(self, stack, term):
        counts["steps"] += 1
        return step(self, stack, term)

    def counting_readings(self, words, start):
        counts["readings"] += 1
        return readings(self, words, start)
    monkeypatch.setattr(tagger.Tagger, "_step", counting_step)
    monkeypatch.setattr(lexicon.Lexicon, "readings", counting_readings)
    return counts


def work(counter, fn) -> int:
    counter["steps"] = counter["readings"] = 0
    try:
        fn()
    except GoalSyntaxError:
        pass
    return counter["steps"] + counter["readings"]


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_statement_work_is_linear(counter, name):
    unit = PATTERNS[name]
    short = unit * (400 // len(unit))
    long = unit * (1600 // len(unit))
    a = work(counter, lambda: parse_goal(short, lang="ru" if "ru" in name else "en"))
    b = work(counter, lambda: parse_goal(long, lang="ru" if "ru" in name else "en"))
    if name == "huge numbers":  # refused at the tokenizer (E006) before any parsing work
        assert a == b == 0
        return
    assert a > 0
    assert b <= 4.6 * a, (name, a, b)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_document_work_is_linear(counter, name):
    line = "goal: increase sales " + PATTERNS[name] * 3 + "\n  task: " + PATTERNS[name] + "\n"
    a = work(counter, lambda: lint(line * 50))
    b = work(counter, lambda: lint(line * 200))
    assert b <= 4.6 * max(a, 1), (name, a, b)


def test_lint_pauses_the_garbage_collector_and_restores_its_state():
    import gc

    from smmrules.linting.pipeline import gc_paused
    seen = []
    with gc_paused():
        seen.append(gc.isenabled())
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()        # a caller's own choice is kept
    finally:
        gc.enable()
    try:
        with gc_paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
