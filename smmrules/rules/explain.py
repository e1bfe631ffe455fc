"""Rule explanations as text: `smmrules explain`, `smmrules rules` and the docs/rules pages."""
from __future__ import annotations

import functools

from ..base.errors import DataFileError
from ..base.languages import LANGS
from ..base.resources import grammar_file
from ..base.tomlfile import read_data
from .rulefile import Rule

@functools.lru_cache(maxsize=None)
def headings(lang: str = "en") -> dict:
    """The headings and fixed lines of explanations in `lang` (grammar/texts.toml); English for a
    language the file does not have. A file that lacks a key in some language is a DataFileError."""
    return texts_of("explain", lang)


def texts_of(section: str, lang: str) -> dict:
    """The `[section.lang]` table of grammar/texts.toml (English for a language the file does not
    have), after checking that every language has the keys of English, each a string."""
    tables = read_data(grammar_file("texts.toml")).get(section, {})
    keys = set(tables.get("en", {}))
    for name in LANGS:
        table = tables.get(name)
        if not isinstance(table, dict) or set(table) != keys or not all(isinstance(v, str) for v in table.values()):
            raise DataFileError(f"{grammar_file('texts.toml')}: [{section}.{name}] must have the keys of "
                                f"[{section}.en], each a string")
    return dict(tables.get(lang) or tables["en"])


def _case_line(case) -> str:
    extra = []
    if case.today:
        extra.append(f"today={case.today}")
    extra += [f"{k}={v}" for k, v in sorted(case.doc.items())]
    return case.text + (f"  ({', '.join(extra)})" if extra else "")


def renamed_text(old: str, rule: Rule, lang: str = "en") -> str:
    """The line `smmrules explain OLD` prints before explaining the rule the old code now means."""
    return headings(lang)["renamed"].format(old=old, new=rule.code) + "\n\n"


def case_lang(case) -> str:
    """The language an example is written in: its own `lang`, else the one its words show."""
    if case.lang:
        return case.lang
    from ..language.langdetect import detect_lang
    from ..language.lexicon import default_lexicons
    return detect_lang(case.text, default_lexicons())


def cases_in(rule: Rule, lang: str) -> tuple:
    """The rule's examples written in `lang`; all of them when it has none in that language (a team's
    rule file may give English examples only)."""
    own = tuple(c for c in rule.cases if case_lang(c) == lang)
    return own or tuple(rule.cases)


def explain_text(rule: Rule, lang: str = "en") -> str:
    h = headings(lang)
    shown_cases = cases_in(rule, lang)
    smart = rule.smart or h["none"]
    lines = [f"{rule.code} {rule.name}  ({h['smart']}: {smart}, {h['level']}: {rule.level})",
             rule.text("summary", lang), ""]
    for key in ("what", "why", "fix"):
        lines += [h[key], "  " + rule.text(key, lang), ""]
    for expect in ("bad", "good"):
        cases = [c for c in shown_cases if c.expect == expect]
        if cases:
            lines.append(h[expect])
            lines += [f"  {_case_line(c)}" for c in cases]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def rule_page(rule: Rule) -> str:
    """The Markdown page docs/rules/<CODE>.md, generated from the rule file."""
    h = headings("en")
    out = [f"# {rule.code} `{rule.name}`", "",
           f"SMART letter: **{rule.smart or 'none'}** · default level: **{rule.level}** · "
           f"defined in `{_relative(rule.path)}`", "",
           rule.text("summary", "en"), ""]
    for key in ("what", "why", "fix"):
        out += [f"## {h[key]}", "", rule.text(key, "en"), ""]
    if rule.fix is not None:
        out += ["## Automatic fix", "", fix_paragraph(rule.fix), ""]
    out += ["## Condition", "", "```", rule.when, "```", ""]
    if rule.options:
        out += ["## Options", ""]
        out += [f"- `{k}` (default `{v}`)" for k, v in sorted(rule.options.items())]
        out.append("")
    for expect, title in (("bad", "Flagged"), ("good", "Passes")):
        cases = [c for c in rule.cases if c.expect == expect]
        out += [f"## {title}", ""]
        out += [f"- `{_case_line(c)}`" for c in cases]
        out.append("")
    out += ["## Messages", ""]
    out += [f"- **{lang}**: {rule.text('message', lang)}" for lang in LANGS]
    out.append("")
    return "\n".join(out)


# What each kind of fix does, and what each applicability means, on the rule pages.
_FIX_KINDS = {
    "replace": "the text the finding points at is replaced by `{replace}` (`{span}` stands for that text)",
    "header-key": "the key is replaced by the known key it is close to, when exactly one known key is close",
    "header-date": "a date written `15.01.2026`, `15/01/2026`, `2026/01/15`, `15 января 2026`, `15 січня 2026` or "
                   "`January 15, 2026` is written `2026-01-15` (day first, as in goal statements; with slashes, a "
                   "second number over 12 makes the first one the month)",
    "remove-suppression": "the suppression is removed, with its comment when nothing else is written in it, and "
                          "with its line when the comment is all the line holds",
    "renamed-code": "each renamed code in the suppression is replaced by the code its rule has now",
    "remove-goal": "the repeated goal's line is removed and its tasks move under the first copy",
    "lead-promise": "the goal is written again as a promise of the same number of leads, with its channel, period "
                    "and deadline, for a person to adjust the number",
}
_FIX_APPLICABILITY = {
    "safe": "**Safe fix**, applied by `smmrules lint --fix`",
    "unsafe": "**Unsafe fix**, applied only by `smmrules lint --fix --unsafe-fixes` (read the result)",
    "display-only": "**Suggestion**, shown by `smmrules lint --show-fixes` and offered in an editor, never "
                    "applied by a command",
}
_FIX_LABEL = {"safe": "safe", "unsafe": "unsafe", "display-only": "suggestion"}


def fix_paragraph(spec) -> str:
    """What a rule's fix does, for its page: applicability, the edit and the title it is shown with."""
    if spec.kind == "replace" and not spec.replace:
        kind = "the text the finding points at is removed"
    else:
        kind = _FIX_KINDS[spec.kind].replace("{replace}", spec.replace or "")
    return f"{_FIX_APPLICABILITY[spec.applicability]}: {kind}. Shown as: \"{spec.title('en')}\"."


def index_page(rules, aliases=None, names=None) -> str:
    """The docs/rules index; `aliases` (old code -> new code) adds the table of renamed codes,
    `names` maps each new code to its rule's name."""
    out = ["# Rules", "", "Generated from the rule files in `rules/` by `python -m smmrules.docgen`; "
           "do not edit by hand. Fix: what `smmrules lint --fix` can do about a finding (see each page).", "",
           "| Code | Name | SMART | Level | Fix | Summary |", "|---|---|---|---|---|---|"]
    for r in rules:
        fix = _FIX_LABEL[r.fix.applicability] if getattr(r, "fix", None) is not None else "-"
        out.append(f"| [{r.code}]({r.code}.md) | `{r.name}` | {r.smart or '-'} | {r.level} | {fix} | "
                   f"{r.text('summary', 'en')} |")
    if aliases:
        out += ["", "## Renamed codes", "",
                "An old code keeps working in suppression comments, in the configuration (`select`, `ignore`, "
                "`levels`, `options`, `per-file-ignores`), in `--select` / `--ignore` and in `smmrules explain`; "
                "L102 reports a suppression that still uses one. A prefix is not redirected: `S` selects today's "
                "S rules only. The table is `rules/aliases.toml`.", "",
                "| Old code | Now | Name |", "|---|---|---|"]
        out += [f"| [{old}]({old}.md) | [{new}]({new}.md) | `{(names or {}).get(new, '')}` |"
                for old, new in sorted(aliases.items())]
    out.append("")
    return "\n".join(out)


def redirect_page(old: str, rule: Rule) -> str:
    """The page docs/rules/<OLD>.md of a renamed code: where the rule went."""
    return "\n".join([
        f"# {old} (renamed)", "",
        f"{old} is now [{rule.code}]({rule.code}.md) `{rule.name}` (SMART letter: **{rule.smart or 'none'}**).", "",
        f"The old code still works in `# smmrules: ignore[{old}]`, in the configuration and on the command line, "
        f"and `smmrules explain {old}` explains {rule.code}; L102 asks for the new code in suppressions.", ""])


def _relative(path: str) -> str:
    parts = path.replace("\\", "/").split("/")
    return "/".join(parts[-2:]) if len(parts) >= 2 else path


_TYPES = {"text": "text", "date": "date", "role": "role", "yesno": "yes/no", "money": "money",
          "duration": "duration", "baselines": "baselines", "lang": "language"}


def keyword_tables() -> str:
    """The keyword tables of docs/documents.md, from grammar/document.toml."""
    from ..base.resources import grammar_dir
    from ..base.tomlfile import read_data
    data = read_data(grammar_dir() / "document.toml")

    def cells(table) -> str:
        return " | ".join(", ".join(f"`{w}`" for w in table.get(lang, [])) for lang in LANGS)
    out = ["### Line keywords", "", "| | English | Russian | Ukrainian |", "|---|---|---|---|"]
    out += [f"| {k} | {cells(v)} |" for k, v in data["keywords"].items()]
    out += ["", "### Categories", "",
            "Written between the goal keyword and the colon: `goal leads:`, `цель заявки:`, `ціль заявки:`.", "",
            "| Category | English | Russian | Ukrainian |", "|---|---|---|---|"]
    out += [f"| `{k}` | {cells(v)} |" for k, v in data["categories"].items()]
    out += ["", "### Header keys", "", "| Key | Type | English | Russian | Ukrainian |", "|---|---|---|---|---|"]
    out += [f"| `{k}` | {_TYPES.get(v['type'], v['type'])} | {cells(v['words'])} |" for k, v in data["header"].items()]
    out += ["", "Spaces and underscores in a key read as `-`, so `start date`, `платная реклама` and",
            "`обробка заявок` work as written.", "", "### Values", "",
            "| Value | English | Russian | Ukrainian |", "|---|---|---|---|",
            f"| yes | {cells(data['values']['yes'])} |", f"| no | {cells(data['values']['no'])} |"]
    out += [f"| role `{k}` | {cells(v)} |" for k, v in data["values"]["role"].items()]
    return "\n".join(out)


def with_keyword_tables(text: str) -> str:
    """docs/documents.md with its generated keyword tables brought up to date."""
    start, end = "<!-- keywords:start -->", "<!-- keywords:end -->"
    i, j = text.index(start) + len(start), text.index(end)
    return text[:i] + "\n" + keyword_tables() + "\n" + text[j:]
