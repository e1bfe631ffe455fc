"""The source line under a finding and a caret line that lines up with it in a terminal."""
from __future__ import annotations

import unicodedata
from functools import lru_cache

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Optional, Sequence

from ..base.lazyre import LazyPattern
from .base import printable

MAX_SHOWN = 160     # characters of a long line shown around the span
CONTEXT = 40        # characters shown before the span when a long line is cut
ELLIPSIS = "\u2026"


@lru_cache(maxsize=4096)
def cell_width(ch: str) -> int:
    """Terminal cells taken by one character: 0 for combining and format marks, 2 for wide CJK."""
    if unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def excerpt(lines: Optional[Sequence[str]], line: int, column: int, end_line: int,
            end_column: int) -> Optional[tuple[str, str]]:
    """(source line, caret line) for a 1-based span with an exclusive end column, or None without source.

    The span is clamped to the line; a span over several lines is underlined to the end of its first
    line; an empty span or one past the end gets a single caret. Tabs are copied into the caret line so
    both lines expand them alike; long lines are cut around the span.
    """
    if not lines or not 1 <= line <= len(lines):
        return None
    src = printable(lines[line - 1].rstrip("\r\n"))
    n = len(src)
    start = min(max(column, 1), n + 1) - 1            # 0-based, inclusive
    end = end_column - 1 if end_line == line else n   # 0-based, exclusive
    end = min(max(end, start), n)
    if n > MAX_SHOWN:
        lo = max(0, start - CONTEXT)
        hi = min(n, lo + MAX_SHOWN)
        head = ELLIPSIS if lo else ""
        src = head + src[lo:hi] + (ELLIPSIS if hi < n else "")
        start, end = start - lo + len(head), min(end, hi) - lo + len(head)
    return src, _blank(src[:start]) + "^" * max(_cells(src[start:end]), 1)


_NOT_TAB = LazyPattern(r"[^\t]")


def _blank(text: str) -> str:
    """`text` with each character replaced by the blank cells it takes (tabs kept as tabs)."""
    if text.isascii():      # every ASCII character but a tab takes one cell (cell_width of each is 1)
        return _NOT_TAB.sub(" ", text)
    return "".join("\t" if ch == "\t" else " " * cell_width(ch) for ch in text)


def _cells(text: str) -> int:
    """Terminal cells `text` takes, a tab counted as one (the caret line copies tabs)."""
    if text.isascii():
        return len(text)
    return sum(1 if ch == "\t" else cell_width(ch) for ch in text)
