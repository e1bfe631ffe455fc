"""Statements per second of parse_goal, against a bare Lark.parse of the same statements.

Generates a deterministic mix of en/ru/uk goal statements (templates with varied numbers,
metrics, channels and deadlines; no corpus sentences), then measures in one run:

  A  parse_goal            detect language, tokenize, tag, Lark.parse, transform, assemble
  B1 Lark.parse            the grammar's LALR parse of pre-tagged tokens (the bare parser)
  B2 tag + Lark.parse      tokenize + tag + Lark.parse (the tagger is this grammar's lexer)

Each is warmed up once and timed best-of-N in CPU time, the measures taking turns.
Usage: python benchmarks/parse_speed.py [--count 20000] [--repeats 3] [--seed 7]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from smmrules import GoalSyntaxError, parse_goal  # noqa: E402
from smmrules.language.ast import Baseline, Deadline, Goal, Metric, Target  # noqa: E402
from smmrules.language.grammar import default_grammar  # noqa: E402
from smmrules.language.lexicon import default_lexicons  # noqa: E402

TODAY = dt.date(2026, 1, 15)
LANGS = ("en", "ru", "uk")

# Hand-written shapes the renderer does not produce: rates, "N <metric>", month names, spans.
_TEMPLATES = {
    "en": [
        "{n} leads per month from {channel} by Q{q} {year}",
        "get {n} new followers on {channel} within {k} months",
        "increase monthly sales by {p}% by {month} {year}",
        "reach ERR {p}-{p2}% after {k} months",
        "reduce cost per lead from ${n} to ${n2} by the end of the quarter",
        "answer every client request within {h} hours",
        "grow {channel} followers from {n} to {n2} in {k} weeks",
        "double website traffic by {year}-{mm}",
        "get into the top-{r} accounts in the city by real followers within half a year",
        "generate {n}k in revenue by the end of {year}",
    ],
    "ru": [
        "увеличить количество ежемесячных продаж на {p}% к {year}-{mm}",
        "получать {n} заявок в месяц из {channel} до конца {year} года",
        "за {k} месяцев попасть в ТОП-{r} по количеству подписчиков",
        "обрабатывать любой запрос клиента не позже чем через {h} часа",
        "довести охват в {channel} до {n} тыс. к Q{q} {year}",
        "снизить стоимость заявки с {n} до {n2} руб. за {k} недель",
        "ERR {p}-{p2}% через {k} месяца",
        "увеличить выручку в {x} раза до {dd}.{mm}.{year}",
    ],
    "uk": [
        "збільшити кількість щомісячних продажів на {p}% до {year}-{mm}",
        "отримувати {n} заявок на місяць з {channel} до кінця {year} року",
        "за {k} місяців потрапити в ТОП-{r} за кількістю підписників",
        "відповідати на кожне повідомлення протягом {h} годин",
        "довести охоплення в {channel} до {n} тис. до Q{q} {year}",
        "зменшити вартість заявки з {n} до {n2} грн протягом {k} тижнів",
        "збільшити виторг у {x} рази до {dd}.{mm}.{year}",
    ],
}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_CHANNELS = ("Instagram", "Facebook", "TikTok", "Telegram", "YouTube", "LinkedIn")


def _template_statement(rng: random.Random, lang: str) -> str:
    n = rng.choice((rng.randint(10, 999), rng.randint(1000, 99_999)))
    values = dict(n=n, n2=n + rng.randint(1, 5000), p=rng.randint(1, 60), p2=rng.randint(61, 99),
                  q=rng.randint(1, 4), year=rng.randint(2025, 2030), mm=f"{rng.randint(1, 12):02d}",
                  dd=f"{rng.randint(1, 28):02d}", k=rng.randint(2, 12), h=rng.randint(1, 48),
                  r=rng.randint(1, 10), x=rng.randint(2, 5), month=rng.choice(_MONTHS),
                  channel=rng.choice(_CHANNELS))
    return rng.choice(_TEMPLATES[lang]).format(**values)


def _rendered_statement(rng: random.Random, lang: str, metrics: dict) -> str:
    name = rng.choice(sorted(n for n, m in metrics.items() if not m.time))
    mi = metrics[name]
    shape = rng.choice(("relative", "absolute", "from_to", "range", "multiple"))
    value = rng.choice((rng.randint(1, 99), rng.randint(100, 99_999), round(rng.uniform(1, 100), 1)))
    unit = rng.choice((None, "%")) if shape in ("relative", "range") else None
    baseline = None
    direction = rng.choice(("increase", "decrease"))
    if shape == "relative":
        target = Target("relative", value, unit=unit)
    elif shape == "absolute":
        target, direction = Target("absolute", value), rng.choice(("reach", "achieve", "maintain"))
    elif shape == "from_to":
        baseline, target = Baseline(value), Target("absolute", value * 2)
    elif shape == "range":
        target, direction = Target("range", None, value, value + rng.randint(1, 50), unit), "reach"
    else:
        target = Target("multiple", rng.randint(2, 5))
    deadline = rng.choice((
        None,
        Deadline("date", dt.date(rng.randint(2025, 2030), rng.randint(1, 12), rng.randint(1, 28))),
        Deadline("quarter", dt.date(rng.randint(2025, 2030), 3 * rng.randint(1, 4), 30)),
        Deadline("duration", duration=f"P{rng.randint(1, 24)}{rng.choice('DWMY')}"),
        Deadline("period-end", unit=rng.choice(("week", "month", "quarter", "year"))),
    ))
    goal = Goal("", lang, direction, Metric(name, name, mi.category), mi.category,
                period=rng.choice((None, None, "month", "week")), channel=rng.choice((None, "instagram", "tiktok")),
                baseline=baseline, target=target, deadline=deadline)
    return goal.render(lang)


def statements(count: int, seed: int) -> list[tuple[str, str]]:
    """(lang, text) pairs: half from hand templates, half written by Goal.render."""
    rng = random.Random(seed)
    metrics = default_lexicons().metrics
    out = []
    for i in range(count):
        lang = LANGS[i % 3]
        text = _template_statement(rng, lang) if i % 2 else _rendered_statement(rng, lang, metrics)
        out.append((lang, text))
    return out


def best_of(repeats: int, run) -> float:
    return interleaved(repeats, run=run)["run"]


def interleaved(repeats: int, **runs) -> dict[str, float]:
    """Best-of-`repeats` CPU seconds (time.process_time) of each run, the runs taking turns.

    Taking turns puts each measure and its reference in the same stretches of a noisy machine; CPU
    time leaves out the time the process waited. Each run is warmed up once first."""
    for run in runs.values():
        run()                               # warm-up: caches, the lexicon's word cache, imports
    best = {name: float("inf") for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            t0 = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - t0)
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=20_000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    grammar = default_grammar()
    data = statements(args.count, args.seed)
    good, errors = [], 0
    for lang, text in data:
        try:
            good.append((lang, text, grammar.tokens(text, lang)))
        except GoalSyntaxError:
            errors += 1
    n = len(good)
    lark = grammar.lark

    def run_parse_goal():
        for _, text, _ in good:
            parse_goal(text, today=TODAY)

    def run_bare():
        for _, _, tokens in good:
            lark.parse(tokens)

    def run_tag_and_parse():
        for lang, text, _ in good:
            lark.parse(grammar.tokens(text, lang))

    t = interleaved(args.repeats, a=run_parse_goal, b1=run_bare, b2=run_tag_and_parse)
    results = [("A  parse_goal (detect+tag+parse+transform+assemble)", t["a"]),
               ("B1 Lark.parse of pre-tagged tokens (bare)", t["b1"]),
               ("B2 tokenize + tag + Lark.parse", t["b2"])]
    by_lang = {lang: sum(1 for g in good if g[0] == lang) for lang in LANGS}
    print(f"{n} statements ({', '.join(f'{k} {v}' for k, v in by_lang.items())}; "
          f"{errors} syntax errors left out), best of {args.repeats}, seed {args.seed}")
    print()
    bare = results[1][1]
    tagged = results[2][1]
    print(f"{'measure':<54}{'seconds':>9}{'stmts/s':>11}{'x bare':>9}{'x tag+parse':>13}")
    for label, secs in results:
        print(f"{label:<54}{secs:>9.3f}{n / secs:>11,.0f}{secs / bare:>9.1f}{secs / tagged:>13.2f}")
    print()
    print(f"parse_goal / bare Lark.parse:         {results[0][1] / bare:.1f}x the time")
    print(f"parse_goal / (tagging + Lark.parse):  {results[0][1] / tagged:.2f}x the time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
