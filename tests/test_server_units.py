"""The language server's parts without the protocol: an edit re-parses only what it changed and still
gives exactly what `smmrules lint` gives, completion, the ignore edit, the document's language, the
hover texts, and `smmrules server` without the lsp extra."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmrules.documents.goals import parse_document, reparse_statement
from smmrules.linting.pipeline import lint
from smmrules.server.actions import ignore_edit
from smmrules.server.analysis import Linter, document_lang
from smmrules.server.complete import completions
from smmrules.server.hover import findings_at, goal_at, goal_hover
from smmrules.server.memo import GoalMemo, shifted
from smmrules.language.parse import parse_goal
from smmrules.rules.findings import Finding

from strategies import LANGS, goals

HEADER = "client: Harbour Bikes\nstart: 2026-03-02\n\n"
PATH = "/nowhere/brief.goals"


def _doc(statements: list[str]) -> str:
    return HEADER + "".join(f"goal: {s}\n  task: post a story every morning\n\n" for s in statements)


def _plain(doc):
    """A Document with its goals' syntax errors as values (an exception equals only itself)."""
    import attr

    def error(e):
        return None if e is None else (e.code, e.name, e.message, e.line, e.column, e.text, e.expected, e.path)
    return attr.evolve(doc, goals=tuple(attr.evolve(g, error=None) for g in doc.goals)), \
        [error(g.error) for g in doc.goals]


def _memos(linter: Linter, uri: str = "u"):
    memory = linter._memos[uri]
    return memory.goals, memory.rules


# -- the memory between edits --------------------------------------------------------------------

def test_an_edit_of_one_statement_parses_and_checks_that_one_alone():
    statements = [f"grow Instagram followers from {100 * n} to {300 * n} within {n % 9 + 2} months"
                  for n in range(1, 41)]
    linter = Linter()
    first = linter.lint("u", PATH, _doc(statements))
    goals_memo, rules_memo = _memos(linter)
    assert goals_memo.parsed == 40 and rules_memo.evaluated == 40 and rules_memo.items_made == 80
    statements[17] = "get more followers"
    edited = _doc(statements)
    again = linter.lint("u", PATH, edited)
    assert goals_memo.parsed == 1 and rules_memo.evaluated == 1
    assert rules_memo.items_made == 2           # that goal's item and its task's: the others are the last run's
    assert again.findings == tuple(lint(edited, path=PATH)) != first.findings


def test_a_line_added_above_moves_the_remembered_goals_without_parsing_them():
    statements = ["grow Instagram followers from 1,500 to 4,000 within 6 months", "get more followers",
                  "reach 200 leads a month from Facebook by 2026-09-30"]
    linter = Linter()
    linter.lint("u", PATH, _doc(statements))
    moved = "# the client's notes come first\n" + _doc(statements)
    result = linter.lint("u", PATH, moved)
    goals_memo, rules_memo = _memos(linter)
    assert goals_memo.parsed == 0 and rules_memo.evaluated == 3      # moved, not parsed; checked at the new lines
    assert result.findings == tuple(lint(moved, path=PATH))
    assert [e.goal for e in result.document.goals] == [e.goal for e in parse_document(moved, path=PATH).goals]


def test_the_memory_keeps_only_what_the_last_run_used():
    linter = Linter()
    for n in range(200):            # 200 versions of one statement
        linter.lint("u", PATH, _doc([f"get {n + 10} leads a month from Instagram by 2026-12-31",
                                     "grow Instagram followers from 1,500 to 4,000 within 6 months"]))
    goals_memo, rules_memo = _memos(linter)
    assert len(goals_memo._known) == 2
    assert len([k for k in rules_memo._last_ids if k[0] == "goal"]) == 2
    assert len(rules_memo._last_ids) == 4           # two goals and their two tasks
    assert len(rules_memo._values) <= 2 * 4 + 64    # each version's findings, dropped when they pile up


def test_a_new_header_forgets_the_checked_goals():
    statements = ["grow Instagram followers from 1,500 to 4,000 within 6 months", "get more followers"]
    linter = Linter()
    linter.lint("u", PATH, _doc(statements))
    other = _doc(statements).replace("start: 2026-03-02", "start: 2026-04-01\nrole: social-only")
    result = linter.lint("u", PATH, other)
    assert _memos(linter)[1].evaluated == 2
    assert result.findings == tuple(lint(other, path=PATH))


@pytest.mark.parametrize("before, after", [
    ("goal: get more followers", "goal: get 300 more followers within 3 months"),
    ("goal sales: grow sales by 10% by Q3", "goal sales: grow sales by 15% by Q3"),
    ("goal: get more followers", "goal: grow followers { by 5%"),           # now a syntax error
    ("goal: grow followers { by 5%", "goal: grow followers by 5% by Q3"),   # no longer one
    ("goal: get more followers", "    goal:    get 300 more followers"),    # moved: the spans follow
    ("goal: get 300 more followers\n  current: 120", "goal: get 400 more followers\n  current: 120"),  # a check-in
])
def test_reparse_statement_gives_what_parse_document_gives(before, after):
    doc = parse_document(_doc(["grow Instagram followers from 1,500 to 4,000 within 6 months"]) + before + "\n",
                         path=PATH)
    text = "\n".join(doc.lines).replace(before, after)
    again = reparse_statement(doc, text)
    assert again is not None and _plain(again) == _plain(parse_document(text, path=PATH))


@pytest.mark.parametrize("before, after", [
    ("goal: get more followers", "task: get more followers"),            # another kind of line
    ("goal: get more followers", "goal sales: get more followers"),      # a category named
    ("goal: get more followers", "goal: get more followers  # smmrules: ignore[T101]"),   # a suppression
    ("goal: get more followers", "goal:"),                                # an empty statement
    ("start: 2026-03-02", "start: 2026-04-01"),                           # the header
    ("goal: get more followers", "goal: get more followers\ngoal: and one more"),   # a line added
    ("goal: get more followers", "goal: отримати більше підписників"),   # the document's language changes
])
def test_reparse_statement_leaves_other_edits_to_parse_document(before, after):
    doc = parse_document(HEADER + before + "\n", path=PATH)
    assert reparse_statement(doc, "\n".join(doc.lines).replace(before, after)) is None


def test_shifted_moves_every_span_of_a_goal():
    goal = parse_goal("grow Instagram followers from 1,500 to 4,000 within 6 months", origin=(3, 7))
    moved = shifted(goal, 5)
    assert moved == parse_goal("grow Instagram followers from 1,500 to 4,000 within 6 months", origin=(8, 7))
    assert shifted(goal, 0) is goal


def test_a_remembered_syntax_error_is_raised_at_its_new_line():
    from smmrules.base.errors import GoalSyntaxError
    memo = GoalMemo()
    memo.start()
    with pytest.raises(GoalSyntaxError) as first:
        memo.parse("grow followers { by 5%", origin=(4, 7))
    memo.start()
    with pytest.raises(GoalSyntaxError) as again:
        memo.parse("grow followers { by 5%", origin=(9, 7))
    assert memo.parsed == 0
    assert (again.value.line, again.value.column, again.value.code) == (first.value.line + 5, first.value.column,
                                                                         first.value.code)


_edits = st.lists(st.tuples(st.sampled_from(("replace", "insert", "delete", "copy", "comment", "indent", "checkin")),
                            st.integers(0, 10 ** 6)),
                  min_size=1, max_size=6)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lang=st.sampled_from(LANGS), data=st.data(), edits=_edits)
def test_edits_through_the_memory_give_what_lint_gives(lang, data, edits):
    today = dt.date(2026, 3, 2)
    texts_ = [g.render(lang) for g in data.draw(st.lists(goals(lang, today), min_size=2, max_size=6))]
    lines = HEADER.rstrip("\n").split("\n") + [f"goal: {t}" for t in texts_]
    linter = Linter()
    linter.lint("u", PATH, "\n".join(lines))
    for kind, n in edits:
        at = 3 + n % (len(lines) - 2)
        if kind == "replace":
            lines[at - 1] = f"goal: {data.draw(goals(lang, today)).render(lang)}"
        elif kind == "insert":
            lines.insert(at - 1, "  # a note")
        elif kind == "delete" and len(lines) > 4:
            del lines[at - 1]
        elif kind == "copy":
            lines.insert(at, lines[at - 1])     # an exact duplicate right below: D-rules see its first line
        elif kind == "comment":
            lines[at - 1] += "  # smmrules: ignore[T101]"
        elif kind == "indent":
            lines[at - 1] = "  " + lines[at - 1]
        elif kind == "checkin":
            lines.insert(at, "  current 2026-04-01: 1,250")
        text = "\n".join(lines)
        result = linter.lint("u", PATH, text)
        assert result.findings == tuple(lint(text, path=PATH))
        assert _plain(result.document) == _plain(parse_document(text, path=PATH))


# -- completion ------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang, goal, key, role", [
    ("en", "goal", "paid-ads", "one-of-sources"),
    ("ru", "цель", "платная реклама", "один из источников"),
    ("uk", "ціль", "платна реклама", "одне з джерел"),
])
def test_line_starts_and_roles_in_each_language(lang, goal, key, role):
    starts = completions("", 0, lang)
    assert starts[0].label == goal and starts[0].insert == goal + ": "
    assert key in [i.label for i in starts] and all(i.start == 0 for i in starts)
    role_key = starts[3].label                      # goal, client, start, role: the header's order
    roles = completions(f"{role_key}: ", len(role_key) + 2, lang)
    assert role in [i.label for i in roles]


def test_the_task_keyword_on_an_indented_line():
    (item,) = completions("  зав", 5, "uk")
    assert (item.label, item.insert, item.start) == ("завдання", "завдання: ", 2)


def test_values_after_the_colon():
    assert [(i.label, i.insert, i.start) for i in completions("paid-ads:", 9, "en")] == [
        ("yes", " yes", 9), ("no", " no", 9)]
    assert [i.label for i in completions("обробка заявок: т", 17, "uk")] == ["так", "ні"]
    assert [i.label for i in completions("язык: ", 6, "ru")] == ["en", "ru", "uk"]
    assert [i.label for i in completions("start: ", 7, "en", today=dt.date(2026, 5, 4))] == ["2026-05-04"]
    assert completions("budget: ", 8, "en") == []                  # an amount: nothing to choose from
    assert completions("goal: grow followers", 20, "en") == []     # a statement: not a header value


def test_categories_after_the_goal_keyword():
    items = completions("цель про", 8, "ru")
    assert [i.label for i in items][:3] == ["продажи", "лиды", "узнаваемость"]
    assert {i.start for i in items} == {5}


# -- the ignore edit --------------------------------------------------------------------------------

def _finding(code: str, line: int) -> Finding:
    return Finding(code, "x.y", "T", "warning", "m", None, line, 7, line, 20)


@pytest.mark.parametrize("line, edit", [
    ("goal: get more followers", (1, 24, 24, "  # smmrules: ignore[T101]")),
    ("goal: get more followers   ", (1, 24, 27, "  # smmrules: ignore[T101]")),
    ("goal: get more followers  # smmrules: ignore[M203]", (1, 49, 49, ",T101")),
    ("goal: get more followers  # the client asked # smmrules: ignore[M203, D605]", (1, 74, 74, ", T101")),
    ("goal: get more followers  # smmrules: ignore[]", (1, 45, 45, "T101")),
    ("goal: get more followers  # the client asked", (1, 44, 44, "  # smmrules: ignore[T101]")),
])
def test_ignore_edit(line, edit):
    assert ignore_edit([line], _finding("T101", 1)) == edit


def test_an_ignore_edit_silences_exactly_its_finding():
    text = _doc(["get more followers"])
    before = lint(text, path=PATH)
    target = next(f for f in before if f.code == "T101")
    lines = text.split("\n")
    line, start, end, new = ignore_edit(lines, target)
    lines[line - 1] = lines[line - 1][:start] + new + lines[line - 1][end:]
    after = lint("\n".join(lines), path=PATH)
    assert [f for f in before if f is not target] == list(after)
    again = ignore_edit(lines, next(f for f in after if f.code == "M203"))
    assert again[3] == ",M203"
    assert ignore_edit(lines, target) is None        # already listed


@pytest.mark.parametrize("line, edit", [
    ("- Goal: get more followers", (1, 26, 26, " <!-- smmrules: ignore[T101] -->")),
    ("- Goal: get more followers <!-- smmrules: ignore[M203] -->", (1, 53, 53, ",T101")),
    ("- Goal: get more followers <!-- the client asked -->", (1, 52, 52, " <!-- smmrules: ignore[T101] -->")),
    ("1. Ціль: більше підписників   ", (1, 27, 30, " <!-- smmrules: ignore[T101] -->")),
])
def test_ignore_edit_in_markdown_is_an_html_comment(line, edit):
    assert ignore_edit([line], _finding("T101", 1), "markdown") == edit


def test_ignore_edit_inside_a_goals_block_of_markdown_and_in_spreadsheets():
    lines = ["# Brief", "", "```goals", "goal: get more followers", "```", "- Goal: get more leads"]
    assert ignore_edit(lines, _finding("T101", 4), "markdown") == (4, 24, 24, "  # smmrules: ignore[T101]")
    assert ignore_edit(lines, _finding("T101", 6), "markdown") == (6, 22, 22, " <!-- smmrules: ignore[T101] -->")
    assert ignore_edit(["goal;deadline", "get more followers;"], _finding("T101", 2), "csv") is None
    assert ignore_edit(["get more followers"], _finding("T101", 1), "xlsx") is None


def test_an_ignore_edit_in_a_markdown_brief_silences_exactly_its_finding():
    text = "# Brief\n\n## Goals\n\n- Ціль: збільшити кількість підписників\n"
    before = lint(text, path="brief.md", today="2026-03-01")
    target = next(f for f in before if f.code == "T101")
    lines = text.split("\n")
    line, start, end, new = ignore_edit(lines, target, "markdown")
    lines[line - 1] = lines[line - 1][:start] + new + lines[line - 1][end:]
    after = lint("\n".join(lines), path="brief.md", today="2026-03-01")
    assert [f.code for f in before if f is not target] == [f.code for f in after]


# -- the document's language and the hover ------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("клієнт: Житній двір\nстарт: 2026-05-04\n", "uk"),
    ("клиент: Тёплый угол\nроль: только соцсети\n", "ru"),
    ("client: Harbour Bikes\nбюджет: 500 USD/month\n", "en"),
    ("бюджет: 500 USD/month\nісторія: 2 місяці\n", "uk"),   # «бюджет» is both: half a vote each
    ("бюджет: 500 USD/month\n", "ru"),          # a tie: the first language of the list
    ("lang: uk\nclient: Harbour Bikes\n", "uk"),
    ("goal: збільшити кількість підписників в Instagram на 20% за 3 місяці\n", "uk"),
    ("", "en"),
])
def test_document_lang(text, lang):
    assert document_lang(parse_document(text)) == lang


def test_goal_hover_counts_a_duration_from_today_without_a_start_date():
    doc = parse_document("goal: grow Instagram followers from 1,500 to 4,000 within 6 months\n")
    text = goal_hover(goal_at(doc, 1), doc, (), "en", today=dt.date(2026, 1, 10))
    assert "- Deadline: 2026-07-10 (counted from today: the header has no start date)" in text
    assert "- Baseline → target: 1500 → 4000" in text


def test_goal_hover_uses_the_header_baseline_and_relative_targets():
    doc = parse_document("база: підписники 1 800\nстарт: 2026-05-04\n"
                         "ціль: збільшити кількість підписників на 20,5% за 3 місяці\n")
    text = goal_hover(goal_at(doc, 3), doc, (), "uk")
    assert "- Вихідне значення → ціль: 1800 → +20,5%" in text
    assert "- Термін: 2026-08-04" in text


def test_findings_at_holds_a_position_inside_the_span_only():
    f = Finding("T101", "x", "T", "warning", "m", None, 3, 7, 3, 12)
    assert [findings_at([f], 3, c) == [f] for c in (6, 7, 11, 12)] == [False, True, True, False]
    empty = Finding("E005", "x", None, "error", "m", None, 2, 5, 2, 5)
    assert findings_at([empty], 2, 5) == [empty] and findings_at([empty], 2, 6) == []


# -- without the extra ----------------------------------------------------------------------------

def test_server_without_the_lsp_extra_says_what_to_install():
    code = ("import sys; sys.modules['pygls'] = None\n"
            "from smmrules.cli import main\n"
            "sys.exit(main(['server']))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stderr == ("smmrules: error: smmrules server needs the lsp extra: pip install 'smmrules[lsp]' "
                           "(pygls is not installed)\n")
    assert done.stdout == ""


# -- the one edit between two texts ---------------------------------------------------------------------

@pytest.mark.parametrize("old, new, edit", [
    ("a\nbugdet: 1\nc\n", "a\nbudget: 1\nc\n", (2, 3, 2, 5, "dg")),
    ("goal: x\n", "goal: x\n  task: y\n", (2, 1, 2, 1, "  task: y\n")),
    ("a\r\nb\r\n", "a\r\n\r\nb\r\n", (2, 1, 2, 1, "\r\n")),          # never between CR and LF
    ("x\ry\r", "x\rz\r", (2, 1, 2, 2, "z")),                            # old Mac line ends count as lines
    ("same", "same", None),
])
def test_change_is_the_part_that_differs(old, new, edit):
    from smmrules.server.actions import change
    assert change(old, new) == edit


@given(st.text(alphabet="ab\r\n", max_size=12), st.text(alphabet="ab\r\n", max_size=12))
def test_change_applied_gives_the_new_text(old, new):
    from smmrules.server.actions import change
    edit = change(old, new)
    if edit is None:
        assert old == new
        return
    line, column, end_line, end_column, text = edit
    lines = old.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ends = [len(m) for m in re.findall(r"[^\r\n]*(?:\r\n|\r|\n|$)", old)]
    starts = [sum(ends[:i]) for i in range(len(lines))]
    start, stop = starts[line - 1] + column - 1, starts[end_line - 1] + end_column - 1
    assert old[:start] + text + old[stop:] == new
    assert "\r\n" not in (old[start - 1:start + 1] if start else "", old[stop - 1:stop + 1] if stop else "")


def test_the_server_texts_have_every_key_and_placeholder_in_every_language():
    from smmrules.server.texts import texts
    english = texts("en")
    for lang in LANGS:
        words = texts(lang)
        assert set(words) == set(english) and all(words.values())
        for key, text in english.items():
            assert set(re.findall(r"\{\w+\}", words[key])) == set(re.findall(r"\{\w+\}", text)), (lang, key)


# -- the config and the rule folders, read again when they change ----------------------------------------

def test_an_edited_rule_file_and_config_are_read_again_on_the_next_lint(tmp_path):
    import os
    from goalcheck import TEAM_RULES
    (tmp_path / ".git").mkdir()                          # the repository the config's rule folders lie in
    (tmp_path / "team").mkdir()
    (tmp_path / "team" / "rules.toml").write_text(TEAM_RULES, encoding="utf-8")
    config = tmp_path / ".smmrules.toml"
    config.write_text('rules = ["team"]\nselect = ["X"]\n', encoding="utf-8")
    brief = str(tmp_path / "brief.goals")
    text = "client: Harbour Bikes\n\ngoal: grow TikTok followers to 5,000 by 2026-06\n"
    linter = Linter()
    (first,) = linter.lint("u", brief, text).findings
    assert (first.code, first.message) == ("X101", "We only run tiktok campaigns on request.")
    (tmp_path / "team" / "rules.toml").write_text(TEAM_RULES.replace("We only run", "Ask before you run"),
                                                  encoding="utf-8")
    (again,) = linter.lint("u", brief, text).findings
    assert again.message == "Ask before you run tiktok campaigns on request."
    config.write_text('rules = ["team"]\nselect = ["X"]\nlevels = { X101 = "info" }\n', encoding="utf-8")
    os.utime(config, ns=(0, 0))                         # even at the old time: the size changed
    (third,) = linter.lint("u", brief, text).findings
    assert third.level == "info"
    config.write_text('select = ["X"]\nfail-on = "sometimes"\n', encoding="utf-8")
    broken = linter.lint("u", brief, text)
    assert broken.document is None and broken.error.startswith(f"{config}:2")
