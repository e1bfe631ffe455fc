"""`smmrules report`: a brief with its goals' check-ins becomes a page the agency hands to its client
(HTML, self-contained and printable), or the same report as Markdown or JSON.

build_report() reads and lints the briefs (model.py says what the report holds); html.py and
markdown.py lay it out. Nothing here writes to a user's file but the report itself (`-o`)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

FORMATS = ("html", "md", "json")


def build_report(paths, *, config=None, today: Optional[dt.date] = None, lang: Optional[str] = None) -> dict:
    """The report of the briefs at `paths` (files or folders, walked as `smmrules lint` walks them):
    {"lang", "today", "briefs": [...]}; a brief that cannot be read is one with its "error" line."""
    from ..documents.goals import parse_document
    from ..linting.config import Config, with_overrides
    from ..linting.pipeline import gc_paused, lint_document, rules_for
    from ..linting.runner import collect, failure, read_text
    from .model import brief_report, error_report

    config = config if config is not None else Config()
    today = today or dt.date.today()
    rules = rules_for(config)
    briefs = []
    for path, err in collect(paths, config):
        if err is not None:
            briefs.append(error_report(path, err, lang or "en"))
            continue
        text, err = read_text(path, None, config.max_file_size)
        if err is not None:
            briefs.append(error_report(path, err, lang or "en"))
            continue
        try:
            with gc_paused():
                doc = parse_document(text, path=path, today=today, max_statement_length=config.max_statement_length,
                                     max_entries=config.max_entries)
                doc_lang = lang or config.lang or doc.lang
                findings = lint_document(doc, config=with_overrides(config, lang=doc_lang), rules=rules)
                briefs.append(brief_report(doc, findings, rules, doc_lang))
        except Exception as exc:  # noqa: BLE001 - one brief's failure is its line; the others are reported
            briefs.append(error_report(path, failure(path, exc), lang or "en"))
    page_lang = lang or next((b["lang"] for b in briefs if b["error"] is None), config.lang or "en")
    return {"lang": page_lang, "today": today.isoformat(), "briefs": briefs}


def render(report: dict, fmt: str = "html") -> str:
    """The report as a page: html, md or json."""
    if fmt == "html":
        from .html import render_html
        return render_html(report)
    if fmt == "md":
        from .markdown import render_markdown
        return render_markdown(report)
    if fmt == "json":
        import json
        return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "build_report", "render"]
