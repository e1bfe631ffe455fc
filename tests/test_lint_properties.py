"""Hypothesis properties of lint() over whole documents: any text gives findings or a SmmrulesError,
never another exception; findings of structured random documents point inside the document."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from smmrules.base.errors import SmmrulesError
from smmrules.rules.findings import Finding
from smmrules.linting.pipeline import lint

SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- any text --------------------------------------------------------------------------------------
KEYWORDS = ["goal:", "goal sales:", "goal sale:", "objective:", "цель:", "цель продажи:", "ціль:", "мета:",
            "task:", "задача:", "завдання:", "start:", "старт:", "client:", "клієнт:", "role:", "роль:",
            "paid-ads:", "платная реклама:", "history:", "история:", "budget:", "baseline:", "база:",
            "lang:", "язык:", "мова:", "lead-processing:", "bugdet:"]
PIECES = KEYWORDS + [
    "#", "# ", " #", ":", "::", "\n", "\r\n", "\r", "\ufeff", "\t", " ", "\x00", "\x1b[31m", "\u2028", "\x85",
    "# smmrules: ignore", "# smmrules: ignore[", "# smmrules: ignore-file[", "]", "[", ",", "T101", "t1", "X999",
    "20%", "-5%", "18-20%", "3,200", "1.5M", "$5,000", "2x", "2026-06", "2025-13", "2026-01-15", "15.01.2026",
    "by", "within 6 months", "за 6 месяцев", "через 3 місяці", "Q3 2026", "top-3", "ТОП-3", "followers",
    "подписчики", "підписники", "sales", "ERR", "leads", "yes", "no", "да", "так", "social-only",
    "один из источников", "0", "полгода", "N%", "X", "🙂", "你好", "\u0301", "e\u0301", "ё", "’",
]
any_text = st.one_of(
    st.text(),                                                                        # all of Unicode
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join),
    st.lists(st.tuples(st.sampled_from(KEYWORDS + ["", "  ", "#"]), st.text(max_size=30),
                       st.sampled_from(["\n", "\r\n", "\r", ""])), max_size=20)
    .map(lambda rows: "".join(k + " " + v + end for k, v, end in rows)),
)


@SETTINGS
@given(any_text)
def test_any_text_gives_findings_or_a_clear_error(text):
    try:
        findings = lint(text, path="doc.goals")
    except SmmrulesError:
        return
    assert isinstance(findings, list)
    assert all(isinstance(f, Finding) for f in findings)
    assert findings == sorted(findings)
    assert all(f.path == "doc.goals" and f.level in ("error", "warning", "info") and f.message for f in findings)


# -- structured documents --------------------------------------------------------------------------
STATEMENTS = [
    "increase monthly sales 20% by 2026-06", "increase monthly sales by 20% by June 2025",
    "grow Instagram followers from 3,200 to 5,000 within 6 months", "reach ERR 18-20% after 3 months",
    "500 leads per month from Instagram by Q3 2026", "answer every client request within 24 hours",
    "get more followers", "publish 30 posts a month", "reach ERR 120% by 2026-06", "reduce cost per lead by 150%",
    "a 200% increase in sales in 30 days", "guarantee 300 sales in the first month", "increase sales by N%",
    "увеличить количество ежемесячных продаж на 20% к 2026-06", "повысить узнаваемость",
    "за 6 месяцев после старта попасть в ТОП-3 по количеству реальных подписчиков",
    "обрабатывать любой запрос клиента не позже чем через 24 часа", "ERR 18-20% через 3 месяца",
    "збільшити кількість щомісячних продажів на 20% до 2026-06", "гарантуємо зростання продажів на 30% за 3 місяці",
    "отримувати 300 заявок на місяць з Instagram до кінця 2026 року", "підняти ERR з 8% до 12% за 3 місяці",
    "2025-13", "%", "increase sales by 20% by 2025-13", "", "   ", "@@@", "grow #MeadowMornings posts to 150 by Q3 2026",
]
TASKS = ["raise conversion from first touch to sale", "run an ad campaign with the Reach objective and a "
         "frequency of 4-5 per person", "повысить конверсию из первого касания в продажу",
         "запустити платний трафік у межах погодженого бюджету", "post daily", "", "show details: screen, camera"]
HEADER = ["client: Acme", "start: 2026-01-15", "start: 15.01.2026", "role: social-only", "role: один из источников",
          "роль: лише соцмережі", "paid-ads: yes", "платная реклама: нет", "history: 2 months", "история: полгода",
          "history: 3", "budget: 1500 USD/month", "бюджет: 45 000 грн/месяц", "lead-processing: no",
          "baseline: followers 3200; monthly sales 410; err 7%", "база: подписчики 3200; ERR 7%", "baseline: sales",
          "lang: ru", "lang: de", "мова: uk", "bugdet: 900", "client:", "start: 2026-01-15"]
COMMENTS = ["# Brief", "# smmrules: ignore-file[D605]", "# smmrules: ignore-file[X1]", "#", "  # indented note"]
STRAY = ["this is not a goal", "Цели на квартал", "---", ": just a colon", "goal", "цель продажи"]
GOAL_KEYWORDS = ["goal", "goal sales", "goal leads", "objective", "цель", "цель лояльность", "ціль", "мета",
                 "ціль заявки", "GOAL", "goal sale"]
TASK_KEYWORDS = ["task", "задача", "завдання"]
SUPPRESS = ["", "", "", "   # smmrules: ignore[T101]", "  # smmrules: ignore", "  # smmrules: ignore[T1, M2]",
            "  # smmrules: ignore[Q9]", "  # a note", " #hashtag"]
INDENT = st.sampled_from(["", "", "  ", "\t", "    "])

goal_lines = st.builds(lambda i, k, s, c: f"{i}{k}: {s}{c}", INDENT, st.sampled_from(GOAL_KEYWORDS),
                       st.sampled_from(STATEMENTS), st.sampled_from(SUPPRESS))
task_lines = st.builds(lambda i, k, t, c: f"{i}{k}: {t}{c}", INDENT, st.sampled_from(TASK_KEYWORDS),
                       st.sampled_from(TASKS), st.sampled_from(SUPPRESS))
header_lines = st.builds(lambda h, c: h + c, st.sampled_from(HEADER), st.sampled_from(SUPPRESS))
any_line = st.one_of(goal_lines, goal_lines, task_lines, header_lines, st.sampled_from(COMMENTS),
                     st.just(""), st.sampled_from(STRAY), st.text(max_size=20).filter(lambda t: "\n" not in t))


@st.composite
def documents(draw):
    head = draw(st.lists(st.one_of(header_lines, st.sampled_from(COMMENTS), st.just("")), max_size=8))
    body = draw(st.lists(any_line, max_size=25))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    bom = draw(st.sampled_from(["", "", "\ufeff"]))
    final = draw(st.sampled_from(["", ending]))
    return bom + ending.join(head + body) + final


def document_lines(text: str) -> list[str]:
    """The document's lines as docs/documents.md defines them: BOM skipped, LF, CRLF or CR endings."""
    text = text.removeprefix("\ufeff")
    return re.split(r"\r\n|\r|\n", text)


@SETTINGS
@given(documents(), st.sampled_from([None, "2026-03-01"]))
def test_findings_point_inside_the_document(text, today):
    findings = lint(text, path="doc.goals", today=today)
    lines = document_lines(text)
    for f in findings:
        assert 1 <= f.line <= len(lines), f
        assert 1 <= f.end_line <= len(lines), f
        assert (f.line, f.column) <= (f.end_line, f.end_column), f
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (f, lines[f.line - 1])
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, (f, lines[f.end_line - 1])


@SETTINGS
@given(documents())
def test_crlf_and_bom_do_not_change_findings(text):
    # (a lone "\r" is a line break too: "\r\r\n" would keep a "\r\n" after one pass and gain a line when
    # rewritten, so every break is made "\n" first)
    plain = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    expected = lint(plain, path="doc.goals")
    assert lint(plain.replace("\n", "\r\n"), path="doc.goals") == expected
    assert lint("\ufeff" + plain, path="doc.goals") == expected
