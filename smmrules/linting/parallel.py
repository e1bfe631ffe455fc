"""Lint many files: in this process or in worker processes, results in input order, streamed."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Iterator

from .results import FileResult

_CHUNK = 16


def _worker(args) -> list:
    paths, config, today, use_cache, stream = args
    from .runner import lint_file
    if not use_cache:                   # a spawned worker does not inherit the parent's --no-cache
        from ..base import cache
        cache.disable()
    if not stream:
        return [lint_file(p, config, today=today) for p in paths]
    from .runner import streams
    return [_spool(p, config, today, stream) if streams(p) else lint_file(p, config, today=today) for p in paths]


class _Spooled:
    """What a worker hands back for a file it linted as a stream: the name of the temporary file its
    results were written to, a part at a time (_spool), read back a part at a time (_unspooled)."""

    __slots__ = ("name",)

    def __init__(self, name: str):
        self.name = name


_TEXT_PIECE = 1 << 20


def _spool(path: str, config, today, folder: str | None = None) -> _Spooled | FileResult:
    """Lint `path` as a stream in a worker, its FileParts and FileResult written to a temporary file in
    `folder` (the run's private folder, _SpoolFolder; a str, else the temporary folder) as they come (the
    file's text once, in pieces; each result without its lines): the worker holds one part at a time, and
    so does the process that reads them back."""
    import os
    import pickle
    import tempfile
    from .lines import LineIndex
    from .runner import failure, lint_file_parts
    fd, name = tempfile.mkstemp(prefix="smmrules-", suffix=".parts", dir=folder if type(folder) is str else None)
    try:
        with os.fdopen(fd, "wb") as fh:
            sent = False
            for r in lint_file_parts(path, config, today=today):
                lines = r.lines
                if type(lines) is LineIndex:
                    if not sent:
                        for i in range(0, len(lines.text), _TEXT_PIECE):
                            pickle.dump(("text", lines.text[i:i + _TEXT_PIECE]), fh, protocol=pickle.HIGHEST_PROTOCOL)
                        sent = True
                    lines = "text"
                pickle.dump(("result", r.partial, r.path, r.findings, lines, r.error, r.lang, r.skipped, r.notes),
                            fh, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as exc:  # noqa: BLE001 - a spool that cannot be written: the file's error, as lint_file's
        try:
            os.unlink(name)
        except OSError:
            pass
        return FileResult(path, error=failure(path, exc))
    return _Spooled(name)


def _unspooled(spooled: _Spooled) -> Iterator[FileResult]:
    """The FileParts and FileResult a worker spooled, in order, one at a time; the file is removed first."""
    import os
    import pickle
    from .lines import LineIndex
    from .results import FilePart
    with open(spooled.name, "rb") as fh:
        os.unlink(spooled.name)
        texts: list = []
        lines = None
        while True:
            try:
                record = pickle.load(fh)
            except EOFError:
                return
            if record[0] == "text":
                texts.append(record[1])
                continue
            _, partial, path, findings, kept, error, lang, skipped, notes = record
            if kept == "text" and lines is None:
                lines = LineIndex("".join(texts))
                texts = []
            yield (FilePart if partial else FileResult)(path, findings, lines if kept == "text" else kept, error,
                                                        lang, skipped, notes)


def _watch_parent(parent: int, interval: float = 0.2, folder: str | None = None) -> None:
    """A worker's initializer: exit as soon as the process that started it is gone (killed, say),
    instead of living on as an orphan. A daemon thread polls os.getppid(), which changes when the
    parent dies and the worker is adopted (Linux, macOS and the BSDs alike; no ctypes or prctl).
    `folder`: the run's private folder of spooled results, removed first (a parent killed outright
    could not remove it)."""
    import os
    import threading
    import time

    def gone() -> None:
        if folder is not None:
            import shutil
            # (this worker's own main thread may spool a new file while the folder is being removed, which
            # leaves it not empty; once the folder itself is gone, no file can be made in it)
            for _ in range(100):
                shutil.rmtree(folder, ignore_errors=True)
                if not os.path.isdir(folder):
                    break
        os._exit(70)                    # nothing to flush: entries are written to a temporary name first

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        gone()

    if os.getppid() != parent:
        gone()
    import signal
    if getattr(signal.getsignal(signal.SIGTERM), "__func__", None) is _SpoolFolder._terminated:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)   # the parent's handler (_SpoolFolder) is the parent's alone
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

    With `stream`, the files linted in this process come as they are linted: a long document's findings
    in FileParts (result.partial) before its FileResult (runner.lint_file_parts); a worker lints such a
    file as a stream too and hands its parts back through a temporary file, read a part at a time, in
    a private folder of the run's that is removed however the run ends (_SpoolFolder).

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
    from .runner import stored_result_key
    keys = {p: stored_result_key(p, config, today) for p in paths} if use_cache else {}
    misses = [p for p in paths if keys.get(p) is None]
    if not in_workers(misses, jobs):
        yield from _answered(paths, keys, None, config, today, stream)
        return
    folder = _SpoolFolder() if stream else None
    fresh = _lint_in_workers(misses, config, jobs, today, use_cache, folder.name if folder is not None else False)
    try:
        yield from _answered(paths, keys, fresh, config, today, stream)
    finally:                            # done, failed, interrupted or abandoned: no worker and no file left
        fresh.close()
        if folder is not None:
            folder.remove()


def _answered(paths: list[str], keys: dict, fresh, config, today, stream: bool) -> Iterator[FileResult]:
    """lint_many's results: each file from the result cache (`keys`: its entry's key, or None), from the
    workers (`fresh`, for the misses) or linted here."""
    from .runner import cached_parts, cached_result, lint_file, lint_file_parts
    for p in paths:
        digest = keys.get(p)
        if digest is not None and stream:
            hit = cached_parts(p, digest)       # a streamed file's entry, read back a part at a time
            if hit is not None:
                yield from hit
                continue
        hit = cached_result(p, digest) if digest is not None and not stream else None
        if hit is not None:
            yield hit
        elif digest is None and fresh is not None:
            made = next(fresh)
            if type(made) is _Spooled:
                yield from _unspooled(made)
            else:
                yield made
        elif stream:                    # few misses, or an entry found damaged when it was read
            yield from lint_file_parts(p, config, today=today)
        else:
            yield lint_file(p, config, today=today)


def _lint_in_workers(paths: list[str], config, jobs: int, today, use_cache: bool, stream=False) -> Iterator:
    """The FileResults of `paths`, in order, made by worker processes; with `stream` (the private folder
    the workers spool to, or True for the temporary folder), a _Spooled for each file a worker linted as a
    stream. Closed early, it cancels the chunks not yet started and waits for the workers to stop."""
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
    folder = stream if type(stream) is str else None
    with cf.ProcessPoolExecutor(max_workers=workers(len(paths), jobs), mp_context=ctx, initializer=_watch_parent,
                                initargs=(os.getpid(), 0.2, folder)) as pool:
        results = pool.map(_worker, [(c, config, today, use_cache, stream) for c in chunks])
        try:
            for batch in results:
                yield from batch
        finally:            # closed early: pool.map's iterator cancels the chunks not started, then the pool
            close = getattr(results, "close", None)     # waits for the running ones only
            if close is not None:
                close()


class _SpoolFolder:
    """The private folder a run's workers spool their results to (_spool), made in the temporary folder
    and removed with whatever is in it by remove(): when the run ends, fails or is abandoned (lint_many's
    finally), at the interpreter's exit should that not have come (atexit), and on a SIGTERM that would
    otherwise end this process with nothing removed (the handler removes the folder, then the signal
    ends the process as it would have). A worker removes it too when this process is gone."""

    def __init__(self):
        import atexit
        import tempfile
        self.name = tempfile.mkdtemp(prefix="smmrules-")
        atexit.register(self.remove)
        self.signal = None
        try:
            import signal
            if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:     # (only the main thread may set it)
                signal.signal(signal.SIGTERM, self._terminated)
                self.signal = signal
        except (ValueError, AttributeError, OSError):
            pass

    def _terminated(self, signum, frame) -> None:
        import os
        self.remove()
        os.kill(os.getpid(), signum)    # the default action, now that the handler is back

    def remove(self) -> None:
        import atexit
        import shutil
        signal = self.signal
        if signal is not None:
            self.signal = None
            try:
                if signal.getsignal(signal.SIGTERM) == self._terminated:
                    signal.signal(signal.SIGTERM, signal.SIG_DFL)
            except ValueError:
                pass
        shutil.rmtree(self.name, ignore_errors=True)
        atexit.unregister(self.remove)
