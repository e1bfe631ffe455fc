"""A ```goals block in a Markdown brief read a line at a time (issue 18): CommonMark reads a fenced block's
lines literally up to its closing fence, so the reader hands its goals on as the lines come instead of
giving markdown-it the whole block as one piece. What it reads is what markdown-it's parse of the whole
brief reads, entry for entry; a block that never ends still gives its first goal at once."""
from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strategies import markdown_block_soups, markdown_briefs
from suitedate import SUITE_TODAY
from smmrules import lint, lint_iter
from smmrules.documents import markdown as md
from smmrules.documents.goals import _split_lines, build_document
from smmrules.documents.tables import NotADocument, gathered
from smmrules.linting.pipeline import lint_document

LIMIT = 100_000
# (Documents are compared by their repr: a goal's syntax error is an exception, equal only to itself)
SOME = settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))


def _whole(text: str, path: str | None = None):
    """The Document of markdown-it's parse of the whole text, read in one walk (no pieces, no block read a
    line at a time); None for a file that is no brief."""
    lines = _split_lines(text)
    reader = md._Reader(LIMIT)
    reader.read(md._Window(0, lines), md._parser().parse("\n".join(lines)), None)
    if not reader.is_brief:
        return None
    entries = gathered(reader.out.drained(keep_goal=False), LIMIT, lines)
    return build_document(entries, lines, path=path, today=SUITE_TODAY, format="markdown")


def _streamed(text: str, piece_lines: int):
    lines = _split_lines(text)
    try:
        entries = gathered(md.iter_markdown(lines, piece_lines=piece_lines), LIMIT, lines)
    except NotADocument:
        return None
    return build_document(entries, lines, path=None, today=SUITE_TODAY, format="markdown")


def _fenced(lines: list[str]) -> str:
    return "# Brief\n\nClient: Nova\n\n" + "\n".join(lines) + "\n\n## Goals\n\n- get more reviews by 2026-10\n"


GOALS = ["goal: grow Instagram followers to 5,000 by 2026-09-30", "  task: post three reels a week",
         "# smmrules: ignore[T101]", "goal: increase sales", "", "<!-- smmrules: ignore[S105] -->"]


@pytest.mark.parametrize("opening, closing, closes", [
    ("```goals", "```", True),
    ("```goals", "   ````  ", True),          # up to three blanks before it, longer, blanks after it
    ("```goals", "    ```", False),           # four blanks: a line of the block
    ("```goals", "\t```", False),             # a tab takes it to column 5
    ("```goals", "``` goals", False),         # a closing fence says nothing after its marks
    ("```goals", "~~~", False),               # another character
    ("````goals", "```", False),              # shorter than the opening
    ("~~~ goals extra", "~~~~", True),
])
def test_a_goals_block_ends_where_commonmark_ends_it(opening, closing, closes):
    # a line of prose after the closing line: a stray line of the block if it is still open
    text = _fenced([opening, *GOALS, closing, "a line of prose"])
    for piece_lines in (1, 512):
        assert repr(_streamed(text, piece_lines)) == repr(_whole(text))
    doc = _whole(text)
    # (an HTML comment in a ```goals block is a line of .goals text, not a Markdown suppression)
    assert [s.text for s in doc.stray] == ["<!-- smmrules: ignore[S105] -->"] + \
        ([] if closes else [closing.strip(), "a line of prose", "- get more reviews by 2026-10"])
    assert [g.text for g in doc.goals] == ["grow Instagram followers to 5,000 by 2026-09-30", "increase sales"] + \
        (["get more reviews by 2026-10"] if closes else [])


def test_a_goals_block_that_never_closes_runs_to_the_end_of_the_brief():
    text = _fenced(["```goals", *GOALS])
    assert repr(_streamed(text, 512)) == repr(_whole(text))
    assert [g.text for g in _whole(text).goals] == ["grow Instagram followers to 5,000 by 2026-09-30",
                                                     "increase sales"]


def test_the_last_line_of_a_goals_block_that_runs_to_the_end_of_a_file_without_a_line_feed_is_read():
    text = "# Brief\n\n```goals\ngoal: increase sales\ngoal: grow followers to 5,000 by 2026-09-30"
    for doc in (_whole(text), _streamed(text, 1)):
        assert [(g.line, g.text) for g in doc.goals] == [(4, "increase sales"),
                                                         (5, "grow followers to 5,000 by 2026-09-30")]


def test_a_long_goals_block_is_read_as_the_whole_brief_is_and_lints_alike():
    block = []
    for i in range(1200):
        block += [f"goal: grow Instagram followers to {i + 1},000 by 2026-09-30", "  task: post three reels a week"]
        if i % 7 == 0:
            block += ["# smmrules: ignore[T101]", "goal: increase sales", ""]
    text = _fenced(["Intro paragraph", "```goals", *block, "```", "after the block"])
    assert repr(_streamed(text, md.PIECE_LINES)) == repr(_whole(text)) and len(_whole(text).goals) == 1200 + 172 + 1
    whole = _whole(text, "brief.md")
    found = list(lint_iter(text, path="brief.md", today=SUITE_TODAY))
    assert found == lint_document(whole) == lint(text, path="brief.md", today=SUITE_TODAY) and len(found) > 1200


@SOME
@given(st.one_of(markdown_block_soups(), markdown_briefs().map(lambda b: b[1])), st.sampled_from([1, 3, 512]))
def test_briefs_with_goals_blocks_read_in_pieces_are_the_brief_read_whole(text, piece_lines):
    assert repr(_streamed(text, piece_lines)) == repr(_whole(text))


def test_the_first_goal_of_a_goals_block_comes_before_the_rest_of_an_endless_block_is_read():
    taken = []

    def lines():
        for line in itertools.chain(["# Brief", "", "```goals"],
                                    (f"goal: grow followers to {i}000 by 2026-09-30" for i in itertools.count(1))):
            taken.append(line)
            yield line
    entries = md.iter_markdown(lines())
    kind, goal = next(entries)
    # the goal is whole once the next line shows that no task follows it
    assert (kind, str(goal["value"]), len(taken)) == ("goal", "grow followers to 1000 by 2026-09-30", 5)
    assert str(list(itertools.islice(entries, 1000))[-1][1]["value"]) == "grow followers to 1001000 by 2026-09-30"
    assert len(taken) == 1005
