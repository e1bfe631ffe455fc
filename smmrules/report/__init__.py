"""`smmrules report`: a brief with its goals' check-ins becomes a page the agency hands to its client
(HTML, self-contained and printable), or the same report as Markdown or JSON.

build_report() reads and lints the briefs (model.py says what the report holds); html.py and
markdown.py lay it out. Nothing here writes to a user's file but the report itself (`-o`)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

FORMATS = ("html", "md", "json")


def build_report(paths, *, config=None, today: Optional[dt.date] = None, lang: Optional[str] = None,
                 stdin: Optional[tuple] = None, stdin_name: Optional[str] = None) -> dict:
    """The report of the briefs at `paths` (files or folders, walked as `smmrules lint` walks them; .goals
    files, Markdown briefs and spreadsheet exports, each read by the reader of its extension):
    {"lang", "today", "briefs": [...]}; a brief that cannot be read is one with its "error" line, and a
    Markdown or spreadsheet file that is not a brief is left out, as `lint` skips it. The path `-` is
    standard input: `stdin` is (its bytes, None) or (None, why it could not be read), and `stdin_name`
    the name it is reported under (its extension picks the reader; `-` and .goals by default)."""
    from ..linting.config import Config, with_overrides
    from ..linting.pipeline import gc_paused, lint_document, rules_for
    from ..linting.runner import STDIN, collect, failure
    from .model import brief_report, error_report

    config = config if config is not None else Config()
    today = today or dt.date.today()
    rules = rules_for(config)
    briefs = []
    for path, err in collect(paths, config):
        data = None
        if path == STDIN:
            data, err = stdin if stdin is not None else (None, "cannot read standard input: it is closed")
            path = stdin_name or STDIN
            if err is not None:
                err = f"{path}: {err}"
        if err is not None:
            briefs.append(error_report(path, err, lang or "en"))
            continue
        try:
            with gc_paused():
                doc, err = _read_brief(path, config, today, data)
                if err is not None:
                    briefs.append(error_report(path, err, lang or "en"))
                    continue
                if doc is None:
                    continue
                doc_lang = lang or config.lang or doc.lang
                findings = lint_document(doc, config=with_overrides(config, lang=doc_lang), rules=rules)
                briefs.append(brief_report(doc, findings, rules, doc_lang))
        except Exception as exc:  # noqa: BLE001 - one brief's failure is its line; the others are reported
            briefs.append(error_report(path, failure(path, exc), lang or "en"))
    page_lang = lang or next((b["lang"] for b in briefs if b["error"] is None), config.lang or "en")
    return {"lang": page_lang, "today": today.isoformat(), "briefs": briefs}


def _read_brief(path: str, config, today: dt.date, data: Optional[bytes] = None):
    """(the Document of the file at `path` (or of `data`, the bytes of stdin reported as `path`), or None
    when a Markdown or spreadsheet file is not a brief; the one-line reason it cannot be read, or None),
    by the reader of its extension."""
    from ..documents import format_of, read_document
    from ..documents.goals import parse_document
    from ..documents.sheets import ReadError
    from ..linting.runner import read_bytes, read_text
    fmt = format_of(path)
    limits = dict(path=path, today=today, max_statement_length=config.max_statement_length,
                  max_entries=config.max_entries)
    if fmt == "goals":
        text, err = read_text(path, data, config.max_file_size)
        return (None, err) if err is not None else (parse_document(text, **limits), None)
    data, err = read_bytes(path, data, config.max_file_size)
    if err is not None:
        return None, err
    try:
        doc, _, _ = read_document(data, fmt, max_chars=4 * config.max_file_size, **limits)
    except ReadError as exc:
        return None, f"{path}:{exc.line}:{exc.column}: {exc.message}"
    return doc, None


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
