"""The lines of a text kept as the text and where each line starts and ends: what a streamed document's
results carry for showing source lines (linting.stream), and what a result stored in parts is read back
into (runner). Imports nothing of smmrules: a warm run reads a stored result without the readers."""
from __future__ import annotations

from array import array


class LineIndex:
    """The lines of a text without a list of them: the text and where each line starts and ends (8 bytes a
    line). Indexing and slicing give what the list of _split_lines(text) gives."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str):
        self.load(text)

    def load(self, text: str) -> None:
        """Index `text` (anew: a streamed sheet's lines are known once its reading is over)."""
        import re
        start = 1 if text.startswith("\ufeff") else 0
        kind = "I" if len(text) < 1 << 32 else "Q"
        starts, ends = array(kind, [start]), array(kind)
        for m in re.finditer(r"\r\n?|\n", text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.text, self.starts, self.ends = text, starts, ends

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("line index out of range")
        return self.text[self.starts[index]:self.ends[index]]

    def __iter__(self):
        text, starts, ends = self.text, self.starts, self.ends
        return (text[a:b] for a, b in zip(starts, ends))

    def __eq__(self, other) -> bool:
        if isinstance(other, LineIndex):
            return self.text == other.text
        return isinstance(other, tuple) and len(other) == len(self) and all(a == b for a, b in zip(self, other))

    __hash__ = None

    def joined(self) -> str:
        """The lines joined by line feeds: the text itself when it has no CR and no byte-order mark."""
        text = self.text
        if "\r" not in text and not text.startswith("\ufeff"):
            return text
        return "\n".join(self)

    def __reduce__(self):
        return LineIndex, (self.text,)
