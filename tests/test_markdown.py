"""Markdown briefs: what is read from lists, paragraphs, tables, ```goals blocks and HTML comments, at
which line and column; which files are briefs; and the same brief written as .goals, a Markdown list, a
Markdown table and a CSV gives the same findings in each language."""
from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from smmrules.base.errors import DocumentLimitError
from smmrules.documents import format_of, read_document
from smmrules.documents.goals import parse_document
from smmrules.documents.markdown import NOT_A_BRIEF, read_markdown, scrub
from smmrules.documents.sheets import read_sheet
from smmrules.linting.pipeline import lint_document

TODAY = "2026-02-01"


def md(text: str, **kw):
    doc, why = read_markdown(textwrap.dedent(text), today=TODAY, **kw)
    assert why is None, why
    return doc


def at(doc, span) -> str:
    """The text of the file from a span's start to the end of its line."""
    return doc.lines[span.line - 1][span.column - 1:]


# --- the same brief in four forms ------------------------------------------------------------------

# (language, header lines as (key, value), goals as (statement cells: goal, baseline, target, deadline;
# tasks)), with the words of that language. Each goal's statement is the cells joined as the table
# readers join them, so the .goals form says exactly what the table rows say.
BRIEFS = {
    "en": dict(keys=("client", "start"), values=("Sunny Bakery", "2026-03-01"), goal_word="goal", task_word="task",
               heading="Goals", columns=("Goal", "Baseline", "Target", "Deadline", "Tasks"), join=("from", "to", "by"),
               goals=[("grow Instagram followers", "3200", "5000", "2026-06-30", ["run a giveaway with local bloggers"]),
                      ("become the most loved bakery in town", "", "", "", []),
                      ("increase ERR", "", "5%", "", ["post reels twice a week"])]),
    "ru": dict(keys=("клиент", "старт"), values=("Пекарня Солнце", "2026-03-01"), goal_word="цель",
               task_word="задача", heading="Цели", columns=("Цель", "База", "Целевое значение", "Срок", "Задачи"),
               join=("с", "до", "до"),
               goals=[("увеличить число подписчиков в Instagram", "3200", "5000", "2026-06-30",
                       ["провести розыгрыш с местными блогерами"]),
                      ("стать самой любимой пекарней города", "", "", "", []),
                      ("повысить ERR", "", "5%", "", ["выкладывать reels дважды в неделю"])]),
    "uk": dict(keys=("клієнт", "старт"), values=("Пекарня Сонце", "2026-03-01"), goal_word="ціль",
               task_word="завдання", heading="Цілі", columns=("Ціль", "База", "Цільове значення", "Термін", "Завдання"),
               join=("з", "до", "до"),
               goals=[("збільшити кількість підписників в Instagram", "3200", "5000", "2026-06-30",
                       ["провести розіграш з місцевими блогерами"]),
                      ("стати найулюбленішою пекарнею міста", "", "", "", []),
                      ("підвищити ERR", "", "5%", "", ["публікувати reels двічі на тиждень"])]),
}


def statement(lang: str, goal: tuple) -> str:
    b = BRIEFS[lang]
    text, baseline, target, deadline, _ = goal
    for word, value in zip(b["join"], (baseline, target, deadline)):
        if value:
            text += f" {word} {value}"
    return text


def as_goals(lang: str) -> str:
    b = BRIEFS[lang]
    out = [f"{k}: {v}" for k, v in zip(b["keys"], b["values"])] + [""]
    for g in b["goals"]:
        out.append(f"{b['goal_word']}: {statement(lang, g)}")
        out += [f"  {b['task_word']}: {t}" for t in g[4]]
    return "\n".join(out) + "\n"


def as_markdown_list(lang: str) -> str:
    b = BRIEFS[lang]
    out = ["# Brief", ""] + [f"- **{k.capitalize()}:** {v}" for k, v in zip(b["keys"], b["values"])]
    out += ["", f"## 🎯 {b['heading']}", ""]
    for n, g in enumerate(b["goals"], start=1):
        out.append(f"{n}. {statement(lang, g)}")
        out += [f"   - {t}" for t in g[4]]
    return "\n".join(out) + "\n"


def as_markdown_table(lang: str) -> str:
    b = BRIEFS[lang]
    out = [f"| {k.capitalize()} | {v} |" if i == 0 else f"| {k} | {v} |"
           for i, (k, v) in enumerate(zip(b["keys"], b["values"]))]
    out.insert(1, "|---|---|")
    out += ["", "| " + " | ".join(b["columns"]) + " |", "|" + "---|" * len(b["columns"])]
    for g in b["goals"]:
        out.append("| " + " | ".join([*g[:4], "; ".join(g[4])]) + " |")
    return "\n".join(out) + "\n"


def as_csv(lang: str) -> str:
    b = BRIEFS[lang]
    out = [f"{k};{v}" for k, v in zip(b["keys"], b["values"])] + [";".join(b["columns"])]
    out += [";".join([*g[:4], "; ".join(g[4])]).replace("; ", "; ") for g in b["goals"]]
    # the tasks cell holds ";": quote it
    out = out[:3] + [";".join([*g[:4], '"' + "; ".join(g[4]) + '"']) for g in b["goals"]]
    return "\n".join(out) + "\n"


def findings_by_goal(doc) -> list:
    """(goal index, code, level) of every finding about a goal or its tasks, and the rest by code."""
    spans = []
    for i, g in enumerate(doc.goals):
        lines = {g.line, *(t.line for t in g.tasks)}
        spans.append((i, lines))
    out = []
    for f in lint_document(doc):
        owner = next((i for i, lines in spans if f.line in lines), None)
        out.append((owner, f.code, f.level))
    return sorted(out, key=repr)


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_the_same_brief_in_four_forms_gives_the_same_findings(lang):
    goals = parse_document(as_goals(lang), today=TODAY)
    forms = {
        "markdown list": read_markdown(as_markdown_list(lang), today=TODAY)[0],
        "markdown table": read_markdown(as_markdown_table(lang), today=TODAY)[0],
        "csv": read_sheet(as_csv(lang), path="b.csv", today=TODAY)[0],
    }
    expected = findings_by_goal(goals)
    assert any(code == "T101" for _, code, _ in expected)        # the brief has mistakes to find
    assert len(goals.goals) == 3 and [len(g.tasks) for g in goals.goals] == [1, 0, 1]
    for name, doc in forms.items():
        assert doc is not None, name
        assert [g.text.split() for g in doc.goals] == [g.text.split() for g in goals.goals], name
        assert [len(g.tasks) for g in doc.goals] == [1, 0, 1], name
        assert [(h.key, h.value) for h in doc.header] == [(h.key, h.value) for h in goals.header], name
        assert findings_by_goal(doc) == expected, name
        assert doc.format == ("csv" if name == "csv" else "markdown")


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_spans_point_at_each_form_s_own_text(lang):
    first = BRIEFS[lang]["goals"][0]
    lst = read_markdown(as_markdown_list(lang), today=TODAY)[0]
    g = lst.goals[0]
    assert at(lst, g.span).startswith(first[0])                # the statement, not the "1. "
    assert g.span.column == 4
    assert at(lst, g.goal.target.span).startswith("5000")
    table = read_markdown(as_markdown_table(lang), today=TODAY)[0]
    g = table.goals[0]
    assert at(table, g.span).startswith(first[0])
    assert at(table, g.goal.target.span).startswith("5000 |")  # the target cell
    assert at(table, g.goal.deadline.span).startswith("2026-06-30 |")
    assert at(table, g.goal.baseline.span).startswith("3200 |")
    sheet = read_sheet(as_csv(lang), path="b.csv", today=TODAY)[0]
    g = sheet.goals[0]
    assert (g.span.line, g.span.column) == (4, 1)
    assert at(sheet, g.goal.target.span).startswith("5000;")
    assert at(sheet, g.goal.metric.span).startswith(first[0].split()[-1] if lang == "en" else "подпис"
                                                    if lang == "ru" else "підпис")


# --- what is read ----------------------------------------------------------------------------------

def test_inline_formatting_keeps_every_word_in_place():
    doc = md("""\
        ## Goals

        - **Goal:** grow _Instagram_ [followers](https://example.com/f "profile") to 5000 🚀 by 2026-06-30
        """)
    g = doc.goals[0]
    assert g.error is None
    assert at(doc, g.span).startswith("Goal:")                 # the label starts the entry
    assert g.goal.metric.name == "followers"
    assert at(doc, g.goal.metric.span).startswith("followers]")
    assert at(doc, g.goal.target.span).startswith("5000 🚀")
    assert g.goal.deadline is not None and at(doc, g.goal.deadline.span).startswith("by 2026-06-30")


def test_a_statement_over_two_lines_keeps_both_lines_in_place():
    doc = md("""\
        ## Цілі

        Збільшити кількість підписників в Instagram
        з 3200 до 5000 до 2026-06-30
        """)
    g = doc.goals[0].goal
    assert (g.baseline.span.line, g.baseline.span.column) == (4, 3)
    assert (g.target.span.line, g.target.span.column) == (4, 11)


def test_labels_headings_and_nesting():
    doc = md("""\
        **Клиент:** Nova Coffee  
        **Бюджет:** 1500 USD/месяц

        Вступление, которое не цель.

        ### Цели на квартал

        Ниже цели:

        - Увеличить число подписчиков в Instagram до 5000 за 6 месяцев
          - запустить конкурс
          - **Задача:** снять 10 reels
        - Повысить ERR до 12% за 3 месяца

        #### Instagram

        - Получить 300 заявок из Instagram за 3 месяца

        ## Задачи

        1. настроить аналитику

        ## Контакты

        - менеджер: Оля
        """)
    assert [(h.key, h.value) for h in doc.header] == [("client", "Nova Coffee"), ("budget", 1500.0)]
    assert [g.text.split()[0] for g in doc.goals] == ["Увеличить", "Повысить", "Получить"]
    assert [t.text for t in doc.goals[0].tasks] == ["запустить конкурс", "снять 10 reels"]
    assert [t.text for t in doc.goals[2].tasks] == ["настроить аналитику"]  # under «Задачи»: the goal above
    assert doc.stray == () and doc.orphan_tasks == ()


@pytest.mark.parametrize("text, expected", [
    ("""\
     ## Goals

     - Goal: grow Instagram followers from 3,200 to 5,000 by 2026-12-31
       - Current 2026-03-01: 4,000
       - Task: run a reach campaign
       - **Current:** 4,100
     """, [("2026-03-01", "4,000", 4, 5), (None, "4,100", 6, 7)]),
    ("""\
     ## Цели

     1. Цель: увеличить число заявок с 120 до 200 в месяц к 2026-09-30
        - Факт на 01.03.2026: 150
        - Задача: запустить таргет

     Факт: 165
     """, [("01.03.2026", "150", 4, 6), (None, "165", 7, 1)]),
    ("""\
     ## Цілі

     - Ціль: скоротити час відповіді з 6 годин до 1 години до 2026-10-01
       - Поточне: 3 години
     """, [(None, "3 години", 4, 5)]),
])
def test_check_ins_as_labelled_items_and_paragraphs(text, expected):
    """A `Current:` / «Факт:» / «Поточне:» line (with an optional date) under a goal or after it is a check-in
    of that goal, at its label's place, never a task or a goal of its own."""
    doc = md(text)
    (goal,) = doc.goals
    assert [t.text for t in goal.tasks] == [t for t in ("run a reach campaign", "запустить таргет") if t in text]
    got = [(c.text, c.span.line, c.span.column) for c in goal.checkins]
    assert got == [(value, line, column) for _, value, line, column in expected]
    dates = [c.date.isoformat() if c.date else None for c in goal.checkins]
    assert dates == [("2026-03-01" if d else None) for d, *_ in expected]


def test_category_after_the_goal_label():
    doc = md("- Цель продажи: увеличить продажи на 20% за 6 месяцев\n")
    assert doc.goals[0].category == "sales"


def test_a_goals_fence_is_read_as_a_goals_file_in_place():
    doc = md("""\
        Notes for the team.

        ```goals
        client: Nova
        goal: grow followers to 5000 by 2026-06-30
          task: run a giveaway
        stray words here
        ```
        """)
    assert doc.header[0].value == "Nova" and doc.header[0].span.line == 4
    assert doc.goals[0].line == 5 and doc.goals[0].goal.target.span.line == 5
    assert [s.line for s in doc.stray] == [7]


def test_html_comment_suppressions_on_the_line_and_on_the_line_before():
    doc = md("""\
        ## Goals

        - be the best brand in town <!-- smmrules: ignore[S101] -->

        <!-- smmrules: ignore[T101] -->
        - be the most loved brand in town

        <!-- smmrules: ignore-file[M203] -->
        """)
    lines = {s.line: s for s in doc.suppressions}
    assert lines[3].codes == ("S101",) and at(doc, lines[3].span).startswith("smmrules: ignore[S101]")
    assert lines[6].codes == ("T101",) and lines[6].span.line == 5   # on the line before the goal
    assert any(s.file_wide and s.codes == ("M203",) for s in doc.suppressions)
    codes = {(f.line, f.code) for f in lint_document(doc)}
    assert codes == {(3, "M201"), (3, "T101"), (6, "S101")}


def test_suppressions_in_code_are_text():
    doc = md("## Goals\n\n- be the best brand\n\n```\n<!-- smmrules: ignore-file -->\n```\n")
    assert doc.suppressions == ()


def test_a_two_column_table_is_the_header():
    doc = md("| Клієнт | Nova |\n|---|---|\n| Старт | 2026-03-01 |\n| Роль | одне з джерел |\n")
    assert [(h.key, str(h.value)) for h in doc.header] == [("client", "Nova"), ("start", "2026-03-01"),
                                                          ("role", "one-of-sources")]
    assert doc.header[1].value_span.column == 11


@pytest.mark.parametrize("text", [
    "# smmrules\n\nA linter.\n\n## Install\n\n```\npip install smmrules\n```\n\n- fast\n- small\n",
    "# Changelog\n\n## 0.2.0\n\n- Added: Markdown briefs.\n- Fixed: a crash.\n",
    "# Docs\n\n| Option | Meaning |\n|---|---|\n| -q | quiet |\n",
    "Start: here is how to begin.\n",          # one header-like line is not a header
    "# Tool\n\n- Language: Python 3.11\n- Start: `make run`\n",  # nor a language and one more field
    "",
])
def test_markdown_that_is_not_a_brief_yields_nothing(text):
    assert read_markdown(text) == (None, NOT_A_BRIEF)


def test_scrub_keeps_length_and_positions():
    line = "- **Ціль:** [ріст](http://x.y) _охоплення_ `до` 5000 ✅\\*"
    out = scrub(line)
    assert len(out) == len(line)
    assert out.split() == ["-", "Ціль:", "ріст", "охоплення", "до", "5000"]
    assert out.index("ріст") == line.index("ріст")


# --- bad input ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "## Goals\n\n| Goal | Target\n|---|\n| grow followers | 5000 | extra | cells |\n| |\n",   # broken table
    "## Goals\n\n```goals\ngoal: grow followers to 5000 by 2026-06-30\n",                  # unclosed fence
    "## Goals\n\n<div>\n- not markdown here\n</div>\n\n- grow followers to 5000 by 2026-06-30\n",
    "## Goals\n\n" + "  " * 200 + "- deep\n" + "".join("  " * i + "- item\n" for i in range(300)),
    "## Goals\n\n" + ">" * 3000 + " grow followers\n",
    "## Goals\n\n" + "[" * 5000 + "grow followers" + "]" * 5000 + "\n",
])
def test_bad_markdown_gives_findings_never_a_traceback(text):
    doc, why = read_markdown(text, today=TODAY)
    assert why is None
    for f in lint_document(doc):
        assert 1 <= f.line <= len(doc.lines)


def test_unclosed_fence_reads_to_the_end():
    doc = md("```goals\ngoal: grow followers to 5000 by 2026-06-30\n")
    assert [g.line for g in doc.goals] == [2]


def test_ten_thousand_items_and_the_entry_limit():
    items = "".join(f"- grow followers to {n} by 2026-06-30\n" for n in range(1, 10_001))
    doc = md("## Goals\n\n" + items)
    assert len(doc.goals) == 10_000 and doc.goals[-1].line == 10_002
    with pytest.raises(DocumentLimitError) as err:
        read_markdown("## Goals\n\n" + items, max_entries=500)
    assert err.value.line == 503


def test_reader_by_extension():
    assert [format_of(n) for n in ("a.goals", "b.MD", "c.markdown", "d.csv", "e.TSV", "f.xlsx", "g.txt", None,
                                   "dir.md/file")] == \
        ["goals", "markdown", "markdown", "csv", "tsv", "xlsx", "goals", "goals", "goals"]
    doc, why, notes = read_document("## Goals\n\n- grow followers\n".encode(), "markdown", max_statement_length=2000,
                                    max_entries=100, max_chars=10**6)
    assert doc.format == "markdown" and why is None and notes == ()


def test_linting_goals_files_never_imports_the_other_readers(tmp_path):
    brief = tmp_path / "a.goals"
    brief.write_text("goal: grow followers to 5000 by 2026-06-30\n", encoding="utf-8")
    code = ("import sys; from smmrules.cli import main\n"
            "try:\n    main(['lint', '--no-cache', sys.argv[1]])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('markdown_it', 'openpyxl', "
            "'smmrules.documents.markdown', 'smmrules.documents.sheets', 'smmrules.documents.tables', 'csv'))))")
    out = subprocess.run([sys.executable, "-c", code, str(brief)], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_the_docs_list_every_heading_and_column_word():
    from pathlib import Path

    from smmrules.base.tomlfile import read_data
    root = Path(__file__).resolve().parents[1]
    page = (root / "docs" / "documents.md").read_text(encoding="utf-8")
    words = page[page.index("## Heading and column words"):page.index("## Which files are linted")]
    data = read_data(root / "grammar" / "tables.toml")
    sections = {"headings": words[:words.index("### Columns")], "columns": words[words.index("### Columns"):]}
    for part in ("headings", "columns"):
        for kind, table in data[part].items():
            row = next(line for line in sections[part].splitlines()
                       if line.startswith(f"| {kind.replace('-', ' ')} |"))
            assert [w for lang in ("en", "ru", "uk") for w in table[lang]] == \
                [w.strip("`") for cell in row.split("|")[2:] for w in cell.strip().split(", ") if w], kind
    for kind, table in data["joins"].items():
        row = next(line for line in words.splitlines() if line.startswith(f"| the {kind} |"))
        assert [table[lang] for lang in ("en", "ru", "uk")] == [c.strip().strip("`") for c in row.split("|")[2:5]]


# Pathological Markdown and CSV, at a size and four times that size: the reading time may grow about
# 4x (linear), never 16x (quadratic). CPU time, best of three; the bound leaves room for noise.
PATHOLOGICAL = {
    "nested quotes": lambda n: "## Goals\n\n" + "> " * min(n, 400) + "grow followers\n" * (n // 400 + 1),
    "brackets": lambda n: "## Goals\n\n- " + "[" * n + "grow followers" + "](" * n + "\n",
    "emphasis": lambda n: "## Goals\n\n- " + "*_" * n + "grow followers\n",
    "pipes": lambda n: "| Goal | Target |\n|---|---|\n" + "| " + "|" * n + " |\n",
    "comments": lambda n: "## Goals\n\n" + "<!-- smmrules: x " * n + "\n",
    "list items": lambda n: "# Notes\n\n" + "- a note\n  - a deeper note\n" * n,
    "csv quotes": lambda n: "Goal,Target\n" + '"a "" b",' * n + "\n",
    "csv rows": lambda n: "Goal,Target\n" + ",\n" * n,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_reading_stays_linear(name):
    import time
    from smmrules.documents.sheets import read_sheet

    def cost(n):
        text = PATHOLOGICAL[name](n)
        read = (lambda: read_sheet(text, path="x.csv")) if name.startswith("csv") else (lambda: read_markdown(text))
        best = None
        for _ in range(3):
            start = time.process_time()
            read()
            took = time.process_time() - start
            best = took if best is None else min(best, took)
        return best
    cost(200)
    small, large = cost(2_000), cost(8_000)
    assert large < 10 * max(small, 0.005), (small, large)


def test_rules_read_the_format_of_the_document(tmp_path):
    from smmrules.rules.engine import RuleSet
    texts = {"en": ("A goal from a spreadsheet.", "Finds goals read from a CSV export."),
             "ru": ("Цель из таблицы.", "Находит цели из выгрузки CSV."),
             "uk": ("Ціль із таблиці.", "Знаходить цілі з вивантаження CSV.")}
    fields = dict(code="X901", name="custom.from-a-sheet", level="info", scope="goal", when='doc.format == "csv"')
    rule = ["[[rule]]", *(f"{k} = {v!r}" for k, v in fields.items()),
            'bad = ["grow followers to 5000 by 2026-06-30"]', 'good = ["grow followers to 6000 by 2026-06-30"]']
    for lang, (message, what) in texts.items():   # every text a rule file needs, in each language
        rule.append(f"[rule.{lang}]")
        rule += [f"{key} = {message!r}" for key in ("message", "summary", "fix")]
        rule += [f"{key} = {what!r}" for key in ("what", "why")]
    (tmp_path / "x.toml").write_text("\n".join(rule) + "\n", encoding="utf-8")
    rules = RuleSet([str(tmp_path)])
    text = "Goal\ngrow followers to 5000 by 2026-06-30\n"
    from_csv = read_sheet(text, path="g.csv", today=TODAY)[0]
    from_md = read_markdown("## Goals\n\n- grow followers to 5000 by 2026-06-30\n", today=TODAY)[0]
    from_goals = parse_document("goal: grow followers to 5000 by 2026-06-30\n", today=TODAY)
    def custom(doc):
        return [f.code for f in lint_document(doc, rules=rules) if f.code.startswith("X")]
    assert custom(from_csv) == ["X901"]
    assert custom(from_md) == [] and from_md.format == "markdown"
    assert custom(from_goals) == [] and from_goals.format == from_goals.context.format == "goals"


def test_the_library_lint_reads_a_text_by_the_reader_its_path_picks():
    """smmrules.lint(text, path=...) is what `smmrules lint` reports for a file of that name: a Markdown
    brief's text is read as Markdown, a README that is not a brief gives nothing."""
    import smmrules
    text = "# Brief\n\n## Цілі\n\n- збільшити кількість підписників\n"
    doc = read_markdown(text, path="brief.md", today=TODAY)[0]
    assert smmrules.lint(text, path="brief.md", today=TODAY) == lint_document(doc)
    assert {f.code for f in smmrules.lint(text, path="brief.md", today=TODAY)} >= {"T101", "M201"}
    assert smmrules.lint("# Tools\n\nHow we work.\n", path="README.md", today=TODAY) == []
    assert "D610" in {f.code for f in smmrules.lint("# Tools\n\nHow we work.\n", path="notes.goals", today=TODAY)}
