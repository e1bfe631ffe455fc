"""Lint many files: in this process or in worker processes, results in input order, streamed."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Iterator

from .results import FileResult

_CHUNK = 16


def _worker(args) -> list[FileResult]:
    paths, config, today, use_cache = args
    from .runner import lint_file
    if not use_cache:                   # a spawned worker does not inherit the parent's --no-cache
        from ..base import cache
        cache.disable()
    return [lint_file(p, config, today=today) for p in paths]


def _watch_parent(parent: int, interval: float = 0.2) -> None:
    """A worker's initializer: exit as soon as the process that started it is gone (killed, say),
    instead of living on as an orphan. A daemon thread polls os.getppid(), which changes when the
    parent dies and the worker is adopted (Linux, macOS and the BSDs alike; no ctypes or prctl)."""
    import os
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(70)                    # nothing to flush: entries are written to a temporary name first

    if os.getppid() != parent:
        os._exit(70)
    threading.Thread(target=watch, name="smmrules-parent-watch", daemon=True).start()


def workers(files: int, jobs: int) -> int:
    """Worker processes for `files` files at -j `jobs`: one per chunk of _CHUNK files at most."""
    return max(1, min(jobs, -(-files // _CHUNK)))


def in_workers(paths: list[str], jobs: int) -> bool:
    """Whether lint_many hands these paths to worker processes (a few files stay in this one)."""
    return jobs > 1 and len(paths) >= 2 * _CHUNK


def lint_many(paths: list[str], config, *, jobs: int = 1, today=None, use_cache: bool = True,
              stream: bool = False) -> Iterator[FileResult]:
    """Yield one FileResult per path, in the order of `paths`.

    With `stream`, the files linted in this process come as they are linted: a .goals file's findings
    in FileParts (result.partial) before its FileResult (runner.lint_file_parts).

    With workers in play, the result cache answers first: every file it holds an entry for is served
    here, and only the others go to worker processes (none are started when there are few, and never
    more than they need), so a warm run loads no parser or rules and forks nothing."""
    from .runner import lint_file
    if not in_workers(paths, jobs):
        if stream:
            from .runner import lint_file_parts
            for p in paths:
                yield from lint_file_parts(p, config, today=today)
            return
        for p in paths:
            yield lint_file(p, config, today=today)
        return
    from .runner import cached_result, stored_result_key
    keys = {p: stored_result_key(p, config, today) for p in paths} if use_cache else {}
    misses = [p for p in paths if keys.get(p) is None]
    fresh = _lint_in_workers(misses, config, jobs, today, use_cache) if in_workers(misses, jobs) else None
    for p in paths:
        digest = keys.get(p)
        hit = cached_result(p, digest) if digest is not None else None
        if hit is not None:
            yield hit
        elif digest is None and fresh is not None:
            yield next(fresh)
        else:                           # few misses, or an entry found damaged when it was read
            yield lint_file(p, config, today=today)


def _lint_in_workers(paths: list[str], config, jobs: int, today, use_cache: bool) -> Iterator[FileResult]:
    """The FileResults of `paths`, in order, made by worker processes."""
    import concurrent.futures as cf
    import multiprocessing as mp

    # load the rules and the parser once, here: forked workers share them instead of each loading its own
    from ..language.grammar import default_grammar
    from .pipeline import rules_for
    rules_for(config)
    default_grammar().lexicons.load_all()
    chunks = [paths[i:i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else None
    import os
    # never more workers than chunks of work: -j 64 over 40 files forks 3 processes, not 64
    with cf.ProcessPoolExecutor(max_workers=workers(len(paths), jobs), mp_context=ctx, initializer=_watch_parent,
                                initargs=(os.getpid(),)) as pool:
        for batch in pool.map(_worker, [(c, config, today, use_cache) for c in chunks]):
            yield from batch
