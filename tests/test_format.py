"""The formatter (smmrules.editing.format_text): the canonical layout before and after, in English,
Russian and Ukrainian; what it keeps as written; formatting twice equals formatting once."""
from __future__ import annotations

import pytest

from smmrules.editing import format_text

CASES = [
    # keyword case, spacing after the colon, trailing spaces, blank lines, task indentation
    ("Client:   Meadow Bakery   \nSTART:2026-02-01\n\n\n\nGoal:  get 300 leads a month by 2026-09\n\n"
     "    Task: run paid traffic\n\tTASK: reply within an hour\ngoal: grow followers to 5,000 by 2026-09\n",
     "client: Meadow Bakery\nstart: 2026-02-01\n\ngoal: get 300 leads a month by 2026-09\n"
     "  task: run paid traffic\n  task: reply within an hour\n\ngoal: grow followers to 5,000 by 2026-09\n"),
    # other spellings of a keyword become the document's first one; a category after the goal keyword too
    ("objective leads: get 300 leads a month by 2026-09\nKPI: grow followers to 5,000 by 2026-09\n"
     "start date: 2026-02-01\nbrand: Meadow Bakery\n",
     "goal leads: get 300 leads a month by 2026-09\n\ngoal: grow followers to 5,000 by 2026-09\n"
     "start: 2026-02-01\nclient: Meadow Bakery\n"),
    # Russian: keywords in Russian, whatever language they were written in
    ("Бренд: Пекарня на углу\nplatform-note: stories\nЦЕЛЬ ЗАЯВКИ: получать 300 заявок в месяц до 2026-09\n"
     "задача:запустить таргет\n  # а это комментарий к задаче\n task: отвечать за час\n",
     "клиент: Пекарня на углу\nplatform-note: stories\n\nцель лиды: получать 300 заявок в месяц до 2026-09\n"
     "  задача: запустить таргет\n  # а это комментарий к задаче\n  задача: отвечать за час\n"),
    # Ukrainian: «мета» and «задача» are read, «ціль» and «завдання» written
    ("мова: uk\n\n\nмета: отримувати 300 заявок на місяць до 2026-09   # smmrules: ignore[T101]\n"
     "задача: запустити таргет\n# наступна ціль\nЦіль продажі: збільшити продажі на 20% до 2026-12\n",
     "мова: uk\n\nціль: отримувати 300 заявок на місяць до 2026-09  # smmrules: ignore[T101]\n"
     "  завдання: запустити таргет\n\n# наступна ціль\nціль продажі: збільшити продажі на 20% до 2026-12\n"),
]


@pytest.mark.parametrize("before, after", CASES)
def test_canonical_layout(before, after):
    assert format_text(before) == after
    assert format_text(after) == after


def test_tasks_before_any_goal_stay_at_the_start_of_the_line():
    assert format_text("  task: post daily\ngoal: get 300 leads a month by 2026-09\n") == \
        "task: post daily\n\ngoal: get 300 leads a month by 2026-09\n"


def test_lines_it_cannot_place_and_values_are_kept_as_written():
    before = "budget:  1 500  USD / month\n   a note with   spaces   \ngoal: get  300 leads   a month\n"
    assert format_text(before) == "budget: 1 500  USD / month\n   a note with   spaces\n\ngoal: get  300 leads   a month\n"


def test_line_endings_and_the_byte_order_mark_are_kept():
    assert format_text("\ufeffGoal: x\r\nTask: y\r\n") == "\ufeffgoal: x\r\n  task: y\r\n"
    assert format_text("Goal: x\rTask: y") == "goal: x\r  task: y\r"


def test_empty_keys_and_values():
    assert format_text("client:\ngoal:\n  task:\n") == "client:\n\ngoal:\n  task:\n"
    assert format_text("") == "" and format_text("\n\n  \n") == ""


def test_a_comment_right_above_a_goal_goes_with_it():
    before = "client: X\n# the main goal\n# agreed in March\ngoal: get 300 leads a month\n"
    assert format_text(before) == "client: X\n\n# the main goal\n# agreed in March\ngoal: get 300 leads a month\n"
