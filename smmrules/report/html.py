"""The report as one self-contained HTML page: inline CSS (allowed by its hash in a Content Security
Policy that forbids scripts, remote loads, forms and plugins), inline SVG for the progress bars and the
check-in charts, every piece of user text escaped and isolated from the page's text direction (<bdi>).
It opens from a USB stick and prints to PDF from the browser's print dialog."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
from html import escape

from .model import SMART, texts

# user text longer than this is cut in the page (a statement past the length limit is unreadable anyway)
MAX_SHOWN = 2000

STATUS_COLORS = {"done": "#1a7f37", "on-track": "#2da44e", "behind": "#9a6700", "at-risk": "#cf222e",
                 "missed": "#82071e", "unknown": "#57606a", "none": "#57606a"}

CSS = """
*{box-sizing:border-box}
body{margin:0 auto;max-width:50rem;padding:1.5rem 1rem;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid #d0d7de}
h3{font-size:1.05rem;margin:0 0 .5rem}
h4{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:.9rem 0 .3rem}
dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0 1rem}
dl.summary dt{color:#57606a}
dl.summary dd{margin:0}
.counts{display:flex;flex-wrap:wrap;gap:.4rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.counts li,.badge{display:inline-block;padding:.1rem .55rem;border-radius:1rem;color:#fff;font-size:.85rem;font-weight:600}
article.goal{border:1px solid #d0d7de;border-radius:.5rem;padding:1rem;margin:1rem 0;break-inside:avoid;page-break-inside:avoid}
.goal header{display:flex;justify-content:space-between;align-items:baseline;gap:1rem}
.statement{margin:.2rem 0 .6rem;padding:.5rem .75rem;background:#f6f8fa;border-left:3px solid #d0d7de;overflow-wrap:anywhere;white-space:pre-wrap}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.2rem .5rem .2rem 0}
th{color:#57606a;font-weight:normal;width:11rem}
ul.smart{list-style:none;padding:0;margin:0}
ul.smart li{margin:.15rem 0}
.letter{display:inline-block;width:1.5rem;height:1.5rem;line-height:1.5rem;text-align:center;border-radius:.25rem;font-weight:700;color:#fff;margin-right:.4rem}
.pass .letter{background:#2da44e}
.fail .letter{background:#cf222e}
.bar{width:100%;height:.8rem;display:block;margin:.3rem 0}
.muted{color:#57606a;font-size:.88rem}
ul{margin:.2rem 0;padding-left:1.2rem}
li{overflow-wrap:anywhere}
.error{color:#82071e}
svg text{font:10px system-ui,sans-serif;fill:#57606a}
footer{margin-top:2rem;color:#57606a;font-size:.8rem}
@media print{body{max-width:none;padding:0;font-size:11pt}article.goal{border-color:#999}
.counts li,.badge,.letter{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
@page{size:A4;margin:15mm}
"""


def csp(css: str = CSS) -> str:
    """The page's Content Security Policy: nothing may load or run; only this stylesheet applies."""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; script-src 'none'; "
            f"base-uri 'none'; form-action 'none'; object-src 'none'")


def _e(text) -> str:
    """The page's own words, escaped."""
    return escape(str(text), quote=True)


def _u(text) -> str:
    """User text (from a brief or a team's rule files): cut to MAX_SHOWN characters, escaped, and isolated
    from the surrounding text direction so that RTL overrides in it reorder nothing around it."""
    text = str(text)
    if len(text) > MAX_SHOWN:
        text = text[:MAX_SHOWN] + f" \u2026 (+{len(text) - MAX_SHOWN:,})"
    return f"<bdi>{escape(text, quote=True)}</bdi>"


def _bar(status: str, progress, expected) -> str:
    """A progress bar (inline SVG): the share of the way made, and a mark where the plan expects it."""
    color = STATUS_COLORS[status]
    made = 0.0 if progress is None else max(0.0, min(1.0, progress))
    parts = [f'<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" '
             f'aria-label="{round(made * 100)}%">',
             '<rect x="0" y="0" width="100" height="8" rx="2" fill="#eaeef2"/>',
             f'<rect x="0" y="0" width="{made * 100:.2f}" height="8" rx="2" fill="{color}"/>']
    if expected is not None:
        x = max(0.5, min(99.5, expected * 100))
        parts.append(f'<rect x="{x - 0.4:.2f}" y="0" width="0.8" height="8" fill="#1f2328"/>')
    parts.append("</svg>")
    return "".join(parts)


def _chart(goal: dict, lang: str) -> str:
    """The check-ins against the planned path (inline SVG), for a goal with two check-ins or more."""
    points = [(dt.date.fromisoformat(d), v) for d, v in goal["points"]]
    if len(points) < 2:
        return ""
    path = [(dt.date.fromisoformat(d), v) for d, v in goal["path"]] if goal["path"] else []
    days = [p[0] for p in points + path]
    values = [p[1] for p in points + path]
    d0, d1 = min(days), max(days)
    v0, v1 = min(values), max(values)
    span_d = max((d1 - d0).days, 1)
    span_v = (v1 - v0) or 1.0
    width, height, left, right, top, bottom = 320, 120, 44, 8, 8, 18

    def xy(day, value):
        x = left + (day - d0).days / span_d * (width - left - right)
        y = top + (1 - (value - v0) / span_v) * (height - top - bottom)
        return f"{x:.1f},{y:.1f}"

    from ..rules.fields import amount, human_date
    w = texts()[lang]
    out = [f'<svg viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'aria-label="{_e(w["chart"])}">',
           f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#d0d7de"/>',
           f'<text x="{left - 4}" y="{top + 8}" text-anchor="end">{_e(amount(v1, lang))}</text>',
           f'<text x="{left - 4}" y="{height - bottom}" text-anchor="end">{_e(amount(v0, lang))}</text>',
           f'<text x="{left}" y="{height - 4}">{_e(human_date(d0, lang))}</text>',
           f'<text x="{width - right}" y="{height - 4}" text-anchor="end">{_e(human_date(d1, lang))}</text>']
    if path:
        out.append(f'<polyline points="{xy(*path[0])} {xy(*path[1])}" fill="none" stroke="#8c959f" '
                   f'stroke-dasharray="4 3"/>')
    color = STATUS_COLORS[goal["status"]]
    out.append(f'<polyline points="{" ".join(xy(d, v) for d, v in points)}" fill="none" stroke="{color}" '
               f'stroke-width="2"/>')
    out += [f'<circle cx="{xy(d, v).split(",")[0]}" cy="{xy(d, v).split(",")[1]}" r="3" fill="{color}"/>'
            for d, v in points]
    out.append("</svg>")
    return "".join(out)


def _scorecard(goal: dict, w: dict) -> str:
    items = []
    for letter in SMART:
        reasons = goal["smart"][letter]
        name = w["letters"][letter]
        if reasons:
            why = "".join(f"<li>{_u(r)}</li>" for r in reasons)
            items.append(f'<li class="fail"><span class="letter">{letter}</span>{_e(name)}<ul>{why}</ul></li>')
        else:
            items.append(f'<li class="pass"><span class="letter">{letter}</span>{_e(name)}: '
                         f'<span class="muted">{_e(w["letter_ok"])}</span></li>')
    return f'<ul class="smart">{"".join(items)}</ul>'


def _goal(goal: dict, lang: str) -> str:
    w = texts()[lang]
    out = [f'<article class="goal" id="goal-{goal["n"]}">',
           f'<header><h3>{_e(w["goal_heading"].format(n=goal["n"]))} '
           f'<span class="muted">({_e(w["line"].format(line=goal["line"]))})</span></h3>'
           f'<span class="badge" data-status="{_e(goal["status"])}">'
           f'{_e(goal["status_label"])}</span></header>',
           f'<h4>{_e(w["statement"])}</h4><p class="statement">{_u(goal["statement"])}</p>']
    if goal["error"] is not None:
        out.append(f'<p class="error">{_e(w["unreadable"])} {_u(goal["error"])}</p>')
    if goal["reading"] is not None:
        r = goal["reading"]
        rows = [(w["metric"], r["metric"]), (w["channel"], r["channel"]), (w["baseline"], r["baseline"]),
                (w["target"], r["target"]), (w["deadline"], r["deadline"])]
        cells = "".join(f"<tr><th>{_e(k)}</th><td>{_u(v) if v else _e(w['not_stated'])}</td></tr>"
                        for k, v in rows if v or k != w["channel"])
        out.append(f'<h4>{_e(w["reading"])}</h4><table class="reading">{cells}</table>')
        out.append(f'<h4>{_e(w["scorecard"])}</h4>{_scorecard(goal, w)}')
    out.append(f'<h4>{_e(w["status"])}</h4>')
    if goal["checkins"] or goal["status_text"]:
        if goal["progress"] is not None:
            out.append(_bar(goal["status"], goal["progress"], goal["expected"]))
            mark = ""
            if goal["expected"] is not None and goal["status"] not in ("done", "missed"):
                mark = " \u00b7 " + _e(w["expected_mark"].format(value=f"{round(goal['expected'] * 100)}%"))
            out.append(f'<p class="muted">{_e(w["progress"])}: {round(goal["progress"] * 100)}%{mark}</p>')
        if goal["current"] is not None:
            out.append(f'<p>{_e(w["current"])}: <strong>{_e(goal["current"])}</strong>'
                       f'{" (" + _e(goal["checkin_date"]) + ")" if goal.get("checkin_date") else ""}</p>')
        if goal["status_text"]:
            out.append(f'<p class="status-text" data-status="{_e(goal["status"])}">{_u(goal["status_text"])}</p>')
        chart = _chart(goal, lang)
        if chart:
            out.append(f'<figure>{chart}<figcaption class="muted">{_e(w["chart"])}</figcaption></figure>')
    else:
        out.append(f'<p class="muted">{_e(w["no_checkins"])}</p>')
    if goal["advice"]:
        out.append(f'<h4>{_e(w["advice"])}</h4><ul class="advice">'
                   + "".join(f"<li>{_u(a['message'])}</li>" for a in goal["advice"]) + "</ul>")
    if goal["tasks"]:
        out.append(f'<h4>{_e(w["tasks"])}</h4><ul class="tasks">'
                   + "".join(f"<li>{_u(t)}</li>" for t in goal["tasks"]) + "</ul>")
    if goal["suggested"]:
        out.append(f'<h4>{_e(w["suggested"])}</h4><ul class="suggested">'
                   + "".join(f"<li>{_u(t)}</li>" for t in goal["suggested"]) + "</ul>")
    out.append("</article>")
    return "".join(out)


def _brief(brief: dict, several: bool) -> str:
    lang = brief["lang"]
    w = texts()[lang]
    out = ['<section class="brief">']
    if several or brief["error"] is not None:
        out.append(f"<h2>{_u(brief['client'] or brief['path'])}</h2>")
    if brief["error"] is not None:
        out.append(f'<p class="error">{_e(w["file_error"])} {_u(brief["error"])}</p></section>')
        return "".join(out)
    period = None
    if brief["start"] or brief["end"]:
        period = w["from_to"].format(**{"from": brief["start"] or "\u2026", "to": brief["end"] or "\u2026"})
    rows = [(w["client"], brief["client"]), (w["period"], period), (w["role"], brief["role"]),
            (w["goals"], str(brief["goal_count"])),
            (w["smart_goals"], f"{brief['smart_count']} / {brief['goal_count']}")]
    out.append('<dl class="summary">' + "".join(f"<dt>{_e(k)}</dt><dd>{_u(v)}</dd>" for k, v in rows if v) + "</dl>")
    counts = "".join(f'<li data-status="{_e(s)}">{_e(w["statuses"][s])}: {n}</li>'
                     for s, n in brief["status_counts"].items())
    out.append(f'<ul class="counts">{counts}</ul>')
    if brief["notes"]:
        out.append(f'<h4>{_e(w["notes"])}</h4><ul class="notes">'
                   + "".join(f"<li>{_u(n['message'])}</li>" for n in brief["notes"]) + "</ul>")
    out += [_goal(g, lang) for g in brief["goals"]]
    out.append("</section>")
    return "".join(out)


def _status_css() -> str:
    """The colour of each status badge, by attribute (no inline style: the policy allows only the sheet)."""
    return "".join(f'[data-status="{s}"].badge,.counts [data-status="{s}"]{{background:{c}}}'
                   for s, c in STATUS_COLORS.items())


def render_html(report: dict) -> str:
    lang = report["lang"]
    w = texts()[lang]
    css = CSS + _status_css()
    today = dt.date.fromisoformat(report["today"])
    from ..rules.fields import human_date
    briefs = report["briefs"]
    title = w["title"]
    first = next((b for b in briefs if b["error"] is None and b["client"]), None)
    if first is not None and len(briefs) == 1:
        title = f"{w['title']}: {first['client'][:200]}"
    body = "".join(_brief(b, len(briefs) > 1) for b in briefs)
    return (f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{_e(csp(css))}">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="referrer" content="no-referrer">\n'
            f'<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n'
            f'<h1>{_e(w["title"])}</h1>\n<p class="muted">{_e(w["prepared"])}: {_e(human_date(today, lang))}</p>\n'
            f'{body}\n<footer>{_e(w["footer"].format(date=human_date(today, lang)))}</footer>\n</body>\n</html>\n')
