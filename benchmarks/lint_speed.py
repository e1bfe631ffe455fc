"""Linting a large goal document against parsing its statements, in one run.

Generates a document of N goals (mixed en/ru/uk statements, a header, one or two tasks per goal)
and measures, best of R:
  L   smmrules.lint of the whole document (parse + rules + document rules + suppressions)
  P   parse_goal of the same statements
  B1  a bare Lark.parse of the same statements with the same grammar (pre-tagged tokens)
  B2  tag + Lark.parse (the grammar's lexer is the tagger: the bare parse of raw statements)
and the floors that no linter of this document can go under, measured alongside:
  F1  reading the file from disk and splitting it into lines
  F2  one scan of the whole text with the tokenizer's regular expression (no token is built)
  F3  smmrules' own LR driver over the same pre-tagged tokens (what B1 does, without Lark)
Prints goals per second, peak memory of L (tracemalloc), and the ratios of L to each of them.
With --instructions, first the instructions (valgrind) of `smmrules lint --format json` of the 2,000-goal
brief of seed 5, artefact caches warm and result cache missed, and of `python -c pass`.
Usage: python benchmarks/lint_speed.py [--goals 10000] [--repeats 3] [--seed 5] [--instructions]
"""
from __future__ import annotations

import argparse
import random
import sys
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from parse_speed import TODAY, interleaved, statements  # noqa: E402

from smmrules import parse_goal  # noqa: E402
from smmrules.linting.config import Config  # noqa: E402
from smmrules.language.grammar import default_grammar  # noqa: E402
from smmrules.linting.pipeline import lint  # noqa: E402

# Generated documents outgrow the default max-entries (20,000): raise it, as a config may.
BIG = Config(max_entries=1_000_000)

TASKS = {
    "en": ["raise conversion from first touch to sale", "run a Reach campaign with frequency 4-5 per person",
           "track ERR for every post", "answer every request within 24 hours"],
    "ru": ["повысить конверсию из первого касания в продажу", "запустить кампанию на охват с частотой 4-5",
           "считать ERR каждого поста", "отвечать на запросы в течение 24 часов"],
    "uk": ["підвищити конверсію з першого контакту в продаж", "запустити кампанію на охоплення з частотою 4-5",
           "рахувати ERR кожного допису", "відповідати на запити протягом 24 годин"],
}
KEYWORD = {"en": ("goal", "task"), "ru": ("цель", "задача"), "uk": ("ціль", "завдання")}


def document(n: int, seed: int) -> tuple[str, list[tuple[str, str]]]:
    rng = random.Random(seed)
    items = statements(n, seed)
    lines = ["# generated brief", "client: Benchmark Co", f"start: {TODAY.isoformat()}", "role: one-of-sources",
             "paid-ads: yes", "history: 3 months", "lead-processing: yes", "baseline: followers 3200; err 7%", ""]
    for lang, text in items:
        goal_kw, task_kw = KEYWORD[lang]
        lines.append(f"{goal_kw}: {text}")
        for _ in range(rng.randint(1, 2)):
            lines.append(f"  {task_kw}: {rng.choice(TASKS[lang])}")
    return "\n".join(lines) + "\n", items


def _read_and_split(path: Path) -> int:
    with open(path, encoding="utf-8") as fh:
        return len(fh.read().splitlines())


def _regex_scan(pattern, text: str) -> int:
    n = 0
    for _ in pattern.finditer(text):
        n += 1
    return n


def measure(goals: int, repeats: int, seed: int) -> dict:
    import tempfile
    from smmrules.language.tokenizer import _TOKEN_RE
    text, items = document(goals, seed)
    g = default_grammar()
    lark = g.lark
    tagged = [g.tokens(s, lang) for lang, s in items]
    pattern = _TOKEN_RE.compiled
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "brief.goals")
        path.write_text(text, encoding="utf-8")
        t = interleaved(repeats, lint=lambda: lint(text, today=TODAY, config=BIG),
                        parse=lambda: [parse_goal(s, lang=lang, today=TODAY) for lang, s in items],
                        bare=lambda: [lark.parse(toks) for toks in tagged],
                        tag_bare=lambda: [lark.parse(g.tokens(s, lang)) for lang, s in items],
                        read=lambda: _read_and_split(path),
                        scan=lambda: _regex_scan(pattern, text),
                        driver=lambda: [g.parse_tokens(toks) for toks in tagged])
    t_lint, t_parse, t_b1, t_b2 = t["lint"], t["parse"], t["bare"], t["tag_bare"]
    tracemalloc.start()
    lint(text, today=TODAY, config=BIG)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"goals": goals, "lint": t_lint, "parse_goal": t_parse, "bare": t_b1, "tag+bare": t_b2, "peak": peak,
            "bytes": len(text.encode()), "read+split": t["read"], "regex scan": t["scan"], "LR driver": t["driver"]}


def count_instructions(goals: int = 2000, seed: int = 5) -> dict:
    """Instructions (callgrind's count, which a busy machine does not move) of `smmrules lint --format json`
    of the generated brief of `goals` goals, the artefact caches warm and the result cache missed (another
    --today than the run that filled the caches), and of `python -c pass` in the same run; empty without
    valgrind."""
    import os
    import shutil
    import subprocess
    import tempfile
    from coldstart import _compile_smmrules, _instructions
    if shutil.which("valgrind") is None:
        return {}
    bindir = Path(sys.executable).parent
    smm = shutil.which("smmrules", path=str(bindir)) or shutil.which("smmrules")
    cmd = [sys.executable, smm] if smm else [sys.executable, "-m", "smmrules"]
    _compile_smmrules(sys.executable)
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "brief.goals").write_text(document(goals, seed)[0], encoding="utf-8")
        env = dict(os.environ, SMMRULES_CACHE_DIR=str(Path(tmp, "cache")))
        subprocess.run([*cmd, "lint", "--today", "2026-01-05", "--format", "json", "brief.goals"], cwd=tmp, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)     # fills the caches
        out = {"lint": _instructions([*cmd, "lint", "--today", "2026-02-05", "--format", "json", "brief.goals"],
                                     tmp, env),
               "python -c pass": _instructions([sys.executable, "-c", "pass"], tmp, env)}
    return {k: v for k, v in out.items() if v is not None}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--goals", type=int, default=10_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--instructions", action="store_true",
                    help="also count the instructions of `smmrules lint --format json` of a 2,000-goal brief")
    args = ap.parse_args(argv)
    if args.instructions:
        print("\n".join(f"{k:<15}{v / 1e6:>9,.0f} M instructions" for k, v in count_instructions().items())
              or "instructions: valgrind is not installed (apt-get install valgrind)")
    m = measure(args.goals, args.repeats, args.seed)
    n = m["goals"]
    print(f"document: {n} goals, {m['bytes'] / 1e6:.1f} MB; best of {args.repeats}")
    for name in ("lint", "parse_goal", "tag+bare", "bare", "LR driver", "regex scan", "read+split"):
        print(f"  {name:<12}{n / m[name]:>10,.0f} goals/s {m[name]:>8.2f} s")
    print(f"  peak memory of lint (tracemalloc): {m['peak'] / 1e6:.1f} MB")
    print(f"  lint / parse_goal       {m['lint'] / m['parse_goal']:.2f}x")
    print(f"  lint / (tag+Lark.parse) {m['lint'] / m['tag+bare']:.2f}x"
          "   (target <= 2x: the tagger is the grammar's lexer)")
    print(f"  lint / Lark.parse alone {m['lint'] / m['bare']:.2f}x   (pre-tagged tokens: no lexing)")
    for floor in ("LR driver", "regex scan", "read+split"):
        print(f"  lint / {floor:<17}{m['lint'] / m[floor]:.1f}x   (a floor: part of any lint of this document)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
