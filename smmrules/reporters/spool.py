"""Findings kept for a report written at the end of the run (SARIF, JUnit) without keeping them in
memory: each batch is pickled to an anonymous temporary file and read back, in order, once."""
from __future__ import annotations

import pickle
import tempfile

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Iterator


class Spool:
    """An append-only sequence of items on disk: `add` a batch, `items()` them back in order (once the
    writing is over). The file has no name and is gone when the spool is closed or collected."""

    def __init__(self) -> None:
        self.file = None
        self.count = 0

    def add(self, batch) -> None:
        if not batch:
            return
        if self.file is None:
            self.file = tempfile.TemporaryFile()
        pickle.dump(tuple(batch), self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += len(batch)

    def items(self) -> Iterator:
        if self.file is None:
            return
        self.file.seek(0)
        while True:
            try:
                batch = pickle.load(self.file)      # each batch its own pickle, with its own memo
            except EOFError:
                break
            yield from batch

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None
