"""The library's front door: one statement to a Goal and its findings, a document's text to its
findings, and files and folders to their results. Everything here is also importable from `smmrules`.

    parse_goal(text, *, lang=None, today=None) -> Goal
    check_goal(goal_or_text, *, context=None) -> list[Finding]
    suggest_tasks(goal_or_text, *, role=None) -> list[Task]
    parse_document(text, *, path=None) -> Document
    lint(text, *, path=None, config=None) -> list[Finding]          a whole document
    lint_iter(text, *, path=None, config=None) -> iterator of Finding   the same, made while it is read
    lint_paths(paths, *, config=None, jobs=1, stream=False) -> iterator of FileResult (FileParts first, with stream)
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .documents.goals import parse_document
from .language.parse import parse_goal
from .linting.pipeline import lint
from .linting.stream import lint_iter
from .rules.engine import check_goal, suggest_tasks

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .linting.config import Config
    from .linting.results import FileResult

__all__ = ["check_goal", "lint", "lint_iter", "lint_paths", "parse_document", "parse_goal", "suggest_tasks"]


def lint_paths(paths: Iterable[str], *, config: Config | None = None, jobs: int = 1,
               today=None, stream: bool = False) -> Iterator[FileResult]:
    """Results of the files found under `paths` (files, or folders walked with the config's include
    and exclude), in the order `smmrules lint` reports them. Without a config, the one found upward
    from the first path is used (`pyproject.toml` or `.smmrules.toml`), else the defaults. A path
    that cannot be linted is a result with an `error` line; the others are still linted.

    With `stream`, a long file (256 KB or more) is linted as a stream and its findings come as they are
    made: in FileParts (`result.partial` is True; a few hundred findings each, in order) before the
    file's FileResult, which has the rest of its findings and its language, error, skip reason and
    notes. A file's findings are then never all held at once. Without it, one FileResult a file."""
    from .linting.config import config_for
    from .linting.parallel import lint_many
    from .linting.results import FileResult
    from .linting.runner import collect

    paths = list(paths) or ["."]
    if config is None:
        config = config_for(paths)
    targets = list(collect(paths, config))
    produced = lint_many([p for p, err in targets if err is None], config, jobs=jobs, today=today, stream=stream)
    for path, err in targets:
        if err is not None:
            yield FileResult(path, error=err)
            continue
        result = next(produced)
        while result.partial:           # (only with `stream`)
            yield result
            result = next(produced)
        yield result
