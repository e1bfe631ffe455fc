"""Property tests of the readers: a generated brief (header, goals, tasks) written as a .goals file, a
Markdown list, a Markdown table and a CSV export (any delimiter, any quoting, any line ends) reads back
to the same document, with every goal found at its statement's place in the file."""
from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules.documents.goals import parse_document
from smmrules.documents.markdown import read_markdown
from smmrules.documents.sheets import read_sheet

WORDS = {
    "en": ["grow", "increase", "followers", "sales", "monthly", "reach", "Instagram", "Telegram", "orders", "leads",
           "within", "months", "by", "from", "the", "shop", "repeat", "clients", "reels"],
    "ru": ["увеличить", "продажи", "подписчиков", "охват", "заявок", "месяца", "за", "до", "на", "с", "Instagram",
           "повторных", "клиентов", "рассылку", "магазина"],
    "uk": ["збільшити", "продажі", "підписників", "охоплення", "заявок", "місяці", "за", "до", "на", "з", "Instagram",
           "повторних", "клієнтів", "розсилку", "магазину"],
}
KEYWORDS = {"en": ("client", "start", "goal", "task"), "ru": ("клиент", "старт", "цель", "задача"),
            "uk": ("клієнт", "старт", "ціль", "завдання")}
HEADINGS = {"en": "Goals", "ru": "Цели", "uk": "Цілі"}
COLUMNS = {"en": ("Goal", "Tasks"), "ru": ("Цель", "Задачи"), "uk": ("Ціль", "Завдання")}


@st.composite
def briefs(draw):
    lang = draw(st.sampled_from(sorted(WORDS)))
    word = st.sampled_from(WORDS[lang])
    number = st.integers(1, 99_999).map(str) | st.integers(1, 99).map(lambda n: f"{n}%")

    def text(min_words=1, max_words=9):
        first = draw(st.sampled_from([w for w in WORDS[lang] if w[0].isalpha()]))
        rest = draw(st.lists(word | number, min_size=min_words - 1, max_size=max_words - 1))
        return " ".join([first, *rest])
    client = draw(st.sampled_from(["Nova", "Зерно", "Сонце", "Bright Bakery", "Лаванда Спа"]))
    start = draw(st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)))
    goals = [(text(2), [text() for _ in range(draw(st.integers(0, 3)))]) for _ in range(draw(st.integers(1, 8)))]
    return lang, client, start.isoformat(), goals


def as_goals(lang, client, start, goals):
    k = KEYWORDS[lang]
    out = [f"{k[0]}: {client}", f"{k[1]}: {start}", ""]
    for statement, tasks in goals:
        out.append(f"{k[2]}: {statement}")
        out += [f"  {k[3]}: {t}" for t in tasks]
    return "\n".join(out) + "\n"


def as_markdown(lang, client, start, goals, end):
    k = KEYWORDS[lang]
    out = ["# Brief", "", f"- **{k[0].capitalize()}:** {client}", f"- {k[1]}: *{start}*", "", f"## {HEADINGS[lang]}", ""]
    for n, (statement, tasks) in enumerate(goals, start=1):
        out.append(f"{n}. {statement}")
        out += [" " * len(f"{n}. ") + f"- {t}" for t in tasks]
    return end.join(out) + end


def as_table(lang, client, start, goals, end):
    k = KEYWORDS[lang]
    out = [f"| {k[0]} | {client} |", "|---|---|", f"| {k[1]} | {start} |", "",
           "| " + " | ".join(COLUMNS[lang]) + " |", "| --- | :--- |"]
    out += [f"| {statement} | {'; '.join(tasks)} |" for statement, tasks in goals]
    return end.join(out) + end


def as_csv(lang, client, start, goals, delimiter, quote_all, end):
    k = KEYWORDS[lang]

    def cell(c):
        return '"' + c.replace('"', '""') + '"' if quote_all or delimiter in c or ";" in c else c
    rows = [[k[0], client], [k[1], start], list(COLUMNS[lang])]
    rows += [[statement, "; ".join(tasks)] for statement, tasks in goals]
    return end.join(delimiter.join(cell(c) for c in r) for r in rows) + end


def the_same(doc, reference, lines):
    assert [(h.key, h.text) for h in doc.header] == [(h.key, h.text) for h in reference.header]
    assert [g.text.split() for g in doc.goals] == [g.text.split() for g in reference.goals]
    assert [[t.text for t in g.tasks] for g in doc.goals] == [[t.text for t in g.tasks] for g in reference.goals]
    assert [g.goal is None for g in doc.goals] == [g.goal is None for g in reference.goals]
    for g in doc.goals:
        line = lines[g.span.line - 1]
        assert line[g.span.column - 1:].startswith(g.text.split()[0])   # the statement's first word
        for t in g.tasks:
            assert lines[t.span.line - 1][t.span.column - 1:].startswith(t.text.split()[0])


ends = st.sampled_from(("\n", "\r\n", "\r"))


@settings(max_examples=40, deadline=None)
@given(brief=briefs(), end=ends)
def test_markdown_renderings_read_back_to_the_same_document(brief, end):
    reference = parse_document(as_goals(*brief))
    for text in (as_markdown(*brief, end), as_table(*brief, end)):
        doc, why = read_markdown(text)
        assert why is None
        the_same(doc, reference, doc.lines)


@settings(max_examples=40, deadline=None)
@given(brief=briefs(), delimiter=st.sampled_from((",", ";", "\t")), quote_all=st.booleans(), end=ends)
def test_csv_renderings_read_back_to_the_same_document(brief, delimiter, quote_all, end):
    reference = parse_document(as_goals(*brief))
    doc, why = read_sheet(as_csv(*brief, delimiter, quote_all, end), path="goals.csv")
    assert why is None
    the_same(doc, reference, doc.lines)
