"""lint, check_goal and parse_goal from 8 threads on a shared, loaded engine give exactly what a
serial run gives, and a fresh process whose 8 threads build the lazy singletons at once (the
grammar, the rules, the lexicons) neither crashes nor answers differently.

The switch interval is cut to a microsecond while the threads run, so they interleave at many
more points than the default 5 ms allows.
"""
from __future__ import annotations

import ast
import datetime as dt
import json
import os
import random
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from smmrules import Context, GoalSyntaxError, check_goal, parse_goal
from smmrules.rules.engine import default_rules
from smmrules.linting.pipeline import lint

ROOT = Path(__file__).resolve().parents[1]
TODAY = dt.date(2026, 1, 15)
THREADS = 8
GOAL_WORDS = {"en": "goal", "ru": "цель", "uk": "ціль"}
TASK_WORDS = {"en": "task", "ru": "задача", "uk": "завдання"}


def _statements() -> list[tuple[str, str]]:
    """(lang, statement) of the parse tables, in file order."""
    out = []
    for path in sorted((ROOT / "tests").glob("test_parse_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "row" and len(node.args) > 1
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])):
                out.append((node.args[1].value, node.args[0].value))
    return out


def _lang(text: str) -> str:
    if any(c in text for c in "іїєґ"):
        return "uk"
    return "ru" if any("а" <= c <= "я" for c in text.lower()) else "en"


STATEMENTS = _statements()
BRIEFS = [(_lang(p.read_text(encoding="utf-8")), p.read_text(encoding="utf-8"))
          for p in sorted((ROOT / "examples").glob("*.goals"))]


def documents(n: int = 500) -> list[str]:
    """n briefs: each example brief with goals of its language added, lines dropped or repeated,
    another start date, a suppression; varied by a seeded generator, so every run makes the same."""
    by_lang: dict[str, list[str]] = {}
    for lang, text in STATEMENTS:
        by_lang.setdefault(lang, []).append(text)
    out = []
    for i in range(n):
        rng = random.Random(i)
        lang, text = BRIEFS[i % len(BRIEFS)]
        lines = text.split("\n")
        for _ in range(rng.randint(0, 4)):
            stmt = rng.choice(by_lang[lang] if rng.random() < 0.8 else [s for _, s in STATEMENTS])
            at = rng.randint(0, len(lines))
            extra = [f"{GOAL_WORDS[lang]}: {stmt}"]
            if rng.random() < 0.5:
                extra.append(f"  {TASK_WORDS[lang]}: {rng.choice(by_lang[lang])}")
            if rng.random() < 0.2:
                extra[0] += "   # smmrules: ignore[T101]"
            lines[at:at] = extra
        if rng.random() < 0.3 and len(lines) > 3:
            del lines[rng.randrange(len(lines))]
        if rng.random() < 0.3:
            j = rng.randrange(len(lines))
            lines.insert(j, lines[j])
        body = "\n".join(lines)
        if rng.random() < 0.3:
            body = body.replace("2026-01-15", f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
        if rng.random() < 0.1:
            body = body.replace("\n", "\r\n")
        out.append(body)
    return out


DOCS = documents()
ITEMS = [("lint", i, doc) for i, doc in enumerate(DOCS)] + [
    (kind, i, text) for i, (_, text) in enumerate(STATEMENTS) for kind in ("parse", "check")]


def work(item, rules=None):
    """One call's result in a comparable form: findings, a goal's JSON, or the syntax error."""
    kind, i, text = item
    if kind == "lint":
        return lint(text, path=f"brief-{i}.goals", today=TODAY, rules=rules)
    try:
        if kind == "parse":
            return parse_goal(text, today=TODAY).to_json()
        return check_goal(text, context=Context(today=TODAY), rules=rules)
    except GoalSyntaxError as exc:
        return ("error", exc.code, exc.line, exc.column, exc.message)


@contextmanager
def fine_grained_switching():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def test_the_inputs_are_mixed_and_many():
    assert len(DOCS) == 500 and len(set(DOCS)) > 450
    assert {lang for lang, _ in BRIEFS} == {"en", "ru", "uk"}
    assert {lang for lang, _ in STATEMENTS} == {"en", "ru", "uk"}


def test_eight_threads_on_a_shared_engine_match_a_serial_run():
    rules = default_rules()
    serial = [work(item, rules) for item in ITEMS]
    assert any(serial[i] for i in range(len(DOCS)))      # the documents do have findings
    order = list(range(len(ITEMS)))
    random.Random(6).shuffle(order)                       # threads take the items in another order
    with fine_grained_switching(), ThreadPoolExecutor(max_workers=THREADS) as pool:
        done = dict(zip(order, pool.map(lambda k: work(ITEMS[k], rules), order)))
    parallel = [done[k] for k in range(len(ITEMS))]
    mismatched = [ITEMS[k][:2] for k in range(len(ITEMS)) if parallel[k] != serial[k]]
    assert not mismatched, mismatched[:10]


def test_threads_that_use_the_default_engine_without_passing_it():
    """No `rules=`: every thread goes through default_rules() and the linting rule cache."""
    items = ITEMS[::7]
    serial = [work(item) for item in items]
    with fine_grained_switching(), ThreadPoolExecutor(max_workers=THREADS) as pool:
        parallel = list(pool.map(work, items))
    assert parallel == serial


# -- a cold process ---------------------------------------------------------------------------
COLD = r'''
import datetime as dt, json, sys, threading
from concurrent.futures import ThreadPoolExecutor
sys.setswitchinterval(1e-6)
items = json.load(sys.stdin)
today = dt.date(2026, 1, 15)
barrier = threading.Barrier(8)

def run(k):
    barrier.wait()                      # all eight reach the singletons together
    from smmrules.language.grammar import default_grammar
    from smmrules.rules.engine import default_rules
    from smmrules.language.lexicon import default_lexicons
    touch = [default_grammar, default_rules, default_lexicons]
    touch = touch[k % 3:] + touch[:k % 3]   # each thread builds them in another order
    made = [id(f()) for f in touch]
    from smmrules import Context, GoalSyntaxError, check_goal, parse_goal
    from smmrules.linting.pipeline import lint
    out = []
    for kind, i, text in items[k::8]:
        if kind == "lint":
            out.append((i, kind, [f.to_json() for f in lint(text, path=f"brief-{i}.goals", today=today)]))
            continue
        try:
            if kind == "parse":
                out.append((i, kind, parse_goal(text, today=today).to_json()))
            else:
                out.append((i, kind, [f.to_json() for f in check_goal(text, context=Context(today=today))]))
        except GoalSyntaxError as exc:
            out.append((i, kind, ["error", exc.code, exc.line, exc.column, exc.message]))
    return sorted(made), out

with ThreadPoolExecutor(8) as pool:
    results = list(pool.map(run, range(8)))
assert len({tuple(made) for made, _ in results}) == 1, "two threads built different singletons"
print(json.dumps(sorted(r for _, out in results for r in out), ensure_ascii=False, default=str))
'''


def _as_json(item, result):
    kind, i, _ = item
    if kind == "parse" or (isinstance(result, tuple) and result[0] == "error"):
        value = list(result) if isinstance(result, tuple) else result
    else:
        value = [f.to_json() for f in result]
    return json.loads(json.dumps([i, kind, value], ensure_ascii=False, default=str))


@pytest.mark.parametrize("cache", ["off", "cold", "warm"])
def test_a_cold_process_building_the_singletons_from_eight_threads(tmp_path_factory, cache):
    items = ITEMS[::5]
    expected = sorted(_as_json(item, work(item)) for item in items)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    cache_dir = tmp_path_factory.getbasetemp() / "thread-cache"    # shared by "cold" and then "warm"
    env.pop("SMMRULES_NO_CACHE", None)
    if cache == "off":
        env["SMMRULES_NO_CACHE"] = "1"
    else:
        env["SMMRULES_CACHE_DIR"] = str(cache_dir)
        if cache == "cold" and cache_dir.exists():
            for f in cache_dir.iterdir():
                f.unlink()
    proc = subprocess.run([sys.executable, "-c", COLD], input=json.dumps(items, ensure_ascii=False),
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout) == expected
    if cache == "cold":
        assert any(cache_dir.iterdir())     # the threads did write the cache they raced to build
