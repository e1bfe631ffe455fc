"""Generate docs/rules/ from the rule files: `python -m smmrules.docgen [--check] [DIR]`."""
from __future__ import annotations

import sys
from pathlib import Path

from .engine import RuleSet
from .explain import index_page, redirect_page, rule_page


def generated_pages(rules: RuleSet | None = None) -> dict[str, str]:
    rs = rules or RuleSet()
    all_rules = rs.all_rules()
    pages = {f"{r.code}.md": rule_page(r) for r in all_rules}
    pages.update({f"{old}.md": redirect_page(old, rs.get(new)) for old, new in rs.aliases.items()})
    pages["index.md"] = index_page(all_rules, rs.aliases, {r.code: r.name for r in all_rules})
    return pages


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
        from .explain import with_keyword_tables
        current = documents.read_text(encoding="utf-8")
        fresh = with_keyword_tables(current)
        if fresh != current:
            stale.append("../documents.md")
            if not check:
                tmp = documents.with_suffix(".tmp")
                tmp.write_text(fresh, encoding="utf-8")
                tmp.replace(documents)
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
