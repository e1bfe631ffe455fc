"""Generate docs/rules/ from the rule files, docs/vocabulary.md from grammar/metrics.toml and
docs/tasks.md from the task catalogue:
`python -m smmrules.docgen [--check] [DIR]`."""
from __future__ import annotations

import sys
from pathlib import Path

from .base.languages import LANGS
from .rules.engine import RuleSet
from .rules.explain import index_page, redirect_page, rule_page


def generated_pages(rules: RuleSet | None = None) -> dict[str, str]:
    rs = rules or RuleSet()
    all_rules = rs.all_rules()
    pages = {f"{r.code}.md": rule_page(r) for r in all_rules}
    pages.update({f"{old}.md": redirect_page(old, rs.get(new)) for old, new in rs.aliases.items()})
    pages["index.md"] = index_page(all_rules, rs.aliases, {r.code: r.name for r in all_rules})
    return pages


_CATEGORY_ORDER = ("sales", "leads", "awareness", "engagement", "traffic", "loyalty", "communication", "other")


# Nominative endings of an adjective by the gender or number of its noun.
_ADJ_ENDINGS = {"ru": {"f": ("ая", "яя"), "n": ("ое", "ее"), "pl": ("ые", "ие")},
                "uk": {"f": ("а", "я"), "n": ("е", "є"), "pl": ("і", "ї")}}


def _gender(noun: str, tags: tuple, lang: str, root: str) -> str:
    """m, f, n or pl: what a noun lemma makes its adjective agree with (for showing phrases)."""
    from .language.morphology import morphology
    if "pl" in tags:
        return "pl"
    if noun.endswith("мя") or noun.endswith(("о", "е")) or (lang == "uk" and len(noun) > 3 and noun[-1] == "я"
                                                         and noun[-2] == noun[-3]):
        return "n"
    if noun.endswith(("а", "я")):
        return "f"
    if noun.endswith("ь"):
        forms = morphology(lang, root).forms(noun, "n", tags)
        return "f" if noun[:-1] + ("ью" if lang == "ru" else "ю") in forms else "m"
    return "m"


def _shown(pattern: str, lang: str = "en", root: str = "") -> str:
    """A lexicon pattern as a reader writes it: `стоимость@n лида` -> `стоимость лида`; an adjective
    lemma agrees with its noun (`средний@a сумма@n заказа` -> `средняя сумма заказа`)."""
    from .language.morphology import morphology, split_lemma
    words = pattern.split()
    parsed = [split_lemma(w) if "@" in w else None for w in words]
    out = []
    for i, (word, lemma) in enumerate(zip(words, parsed)):
        if lemma is None:
            out.append(word)
            continue
        text, pos, tags = lemma
        noun = next((p for p in parsed[i + 1:] if p is not None and p[1] == "n"), None)
        if pos == "a" and noun is not None and lang in _ADJ_ENDINGS:
            gender = _gender(noun[0], noun[2], lang, root)
            if gender != "m":
                forms = morphology(lang, root).forms(text, pos, tags)
                stem = text[:-2]
                text = next((stem + e for e in _ADJ_ENDINGS[lang][gender] if stem + e in forms), text)
        out.append(text)
    return " ".join(out)


def vocabulary_page(path: Path | str | None = None) -> str:
    """docs/vocabulary.md: every metric of grammar/metrics.toml with its category, unit kind,
    flags and words per language."""
    from .base.resources import grammar_file
    from .base.tomlfile import read_data
    source = Path(path) if path else Path(grammar_file()) / "metrics.toml"
    metrics = read_data(source).get("metric", {})
    by_category: dict[str, list[str]] = {}
    for name, spec in metrics.items():
        by_category.setdefault(spec["category"], []).append(name)
    lines = [
        "# Metric vocabulary",
        "",
        "<!-- generated from grammar/metrics.toml by `python -m smmrules.docgen`; do not edit -->",
        "",
        f"The {len(metrics)} metrics smmrules recognises in goal statements, by category. `metric` in",
        "the goal JSON is the canonical name in the first column. A word stands for all its inflected",
        "forms (средний чек: среднего чека, средним чеком...); a longer term wins over its head word",
        "(\"cost per lead\" is not \"cost\"). Unit kind is what a target of the metric counts: count,",
        "percent, money, time, rate (a score or ratio that is not a share) or rank. Where lower is",
        "better, \"improve\" and \"optimise\" mean \"reduce\". Abstract outcomes cannot be counted as",
        "written; activities are tasks, not results. A collective noun (\"community\", «аудитория»)",
        "is abstract until the goal gives it a figure, and is then the metric named after \"counted as\".",
        "A flow is counted as it happens and never kept (leads, sign-ups): each one is new, so \"200 new",
        "leads\" is 200 produced, where \"100 new clients\" is 100 more than the clients kept.",
        "",
    ]
    for category in sorted(by_category, key=lambda c: (_CATEGORY_ORDER + (c,)).index(c)):
        names = by_category[category]
        lines += [f"## {category}", "",
                  "| metric | unit kind | lower is better | kind | any language | en | ru | uk |",
                  "|---|---|---|---|---|---|---|---|"]
        for name in names:
            spec = metrics[name]
            unit_kind = spec.get("unit_kind", "time" if spec.get("time") else "count")
            kind = ", ".join(k for k in ("abstract", "activity", "flow") if spec.get(k))
            if spec.get("counted_variant"):
                kind += f"; counted as `{spec['counted_variant']}`"
            for channel, other in spec.get("on_channel", {}).items():
                kind += f"; on {channel}: `{other}`"
            cells = [f"`{name}`", unit_kind, "yes" if spec.get("lower_is_better") else "",
                     kind, ", ".join(_shown(p) for p in spec.get("any", []))]
            cells += [", ".join(_shown(p, lang, str(source.parent)) for p in spec.get(lang, [])) for lang in LANGS]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def tasks_page(rules: RuleSet | None = None) -> str:
    """docs/tasks.md: every task of the built-in catalogue (rules/tasks-*.toml) by kind, with its
    titles, roles and the metrics it moves."""
    catalogue = (rules or RuleSet()).catalogue
    kinds = [c for c in _CATEGORY_ORDER if any(t.category == c for t in catalogue.tasks)]
    lines = [
        "# Task catalogue",
        "",
        "<!-- generated from rules/tasks-*.toml by `python -m smmrules.docgen`; do not edit -->",
        "",
        f"The {len(catalogue.tasks)} tasks `smmrules suggest` and D605 draw from, by the kind of goal they",
        "serve. How they are ranked, how D609 reads a task line with them and how a team adds its own:",
        "[task-catalogue.md](task-catalogue.md). Metrics are the canonical names of",
        "[vocabulary.md](vocabulary.md).",
        "",
        "| kind | tasks | en | ru | uk |",
        "|---|---|---|---|---|",
    ]
    for kind in kinds:
        tasks = [t for t in catalogue.tasks if t.category == kind]
        cells = [kind, str(len(tasks))] + [str(sum(1 for t in tasks if t.titles.get(lg))) for lg in LANGS]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for kind in kinds:
        served = ", ".join(catalogue.served_by.get(kind, ()))
        lines += [f"## {kind}", "", f"Tasks of these other kinds also serve a {kind} goal: {served}.", "",
                  "| id | en | ru | uk | roles | metrics |", "|---|---|---|---|---|---|"]
        for t in (t for t in catalogue.tasks if t.category == kind):
            cells = [f"`{t.id}`", *(t.title(lg) for lg in LANGS), ", ".join(t.roles),
                     ", ".join(f"`{m}`" for m in t.metrics)]
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    args = [a for a in args if a != "--check"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "docs" / "rules"
    pages = generated_pages()
    stale = []
    for name, text in pages.items():
        path = root / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(name)
            if not check:
                root.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(".tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(path)
    extra = sorted(p.name for p in root.glob("*.md") if p.name not in pages) if root.exists() else []
    documents = root.parent / "documents.md"
    if documents.exists():
        from .rules.explain import with_keyword_tables
        current = documents.read_text(encoding="utf-8")
        fresh = with_keyword_tables(current)
        if fresh != current:
            stale.append("../documents.md")
            if not check:
                tmp = documents.with_suffix(".tmp")
                tmp.write_text(fresh, encoding="utf-8")
                tmp.replace(documents)
    for name, fresh in (("vocabulary.md", vocabulary_page()), ("tasks.md", tasks_page())):
        page = root.parent / name
        if (page.read_text(encoding="utf-8") if page.exists() else None) != fresh:
            stale.append(f"../{name}")
            if not check:
                tmp = page.with_suffix(".tmp")
                tmp.write_text(fresh, encoding="utf-8")
                tmp.replace(page)
    if check:
        if stale or extra:
            print(f"docs/rules is out of date: {', '.join(stale + extra)}; run python -m smmrules.docgen")
            return 1
        return 0
    for name in extra:
        (root / name).unlink()
    print(f"wrote {len(stale)} page(s), removed {len(extra)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
