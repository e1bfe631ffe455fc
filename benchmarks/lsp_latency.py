"""The language server's latency, driven over stdio like an editor drives it.

Starts `smmrules server` (no pause before linting: debounceMs 0), opens a brief of N goals (the
mixed en/ru/uk document of lint_speed.py) and then, one request at a time, measures:
  edit    a one-line edit (a number in one goal statement changed, goals taken in turn) until its
          diagnostics arrive: the re-lint of the whole document after the edit
  hover   a hover on a goal statement (what smmrules read and the findings' explanations)
  action  the code actions of a goal line
Prints p50, p99 and the worst of each in milliseconds of wall time, the server's CPU time per edit
(from /proc: what the work costs on its own, whatever else the machine runs), and the server's
resident memory after the first edit and after the last.
Usage: python benchmarks/lsp_latency.py [--goals 200] [--edits 1000] [--seed 5]
"""
from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from lint_speed import document  # noqa: E402

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

_NUMBER = re.compile(r"\d+")


def _proc(pid: int) -> tuple[float, int]:
    """(CPU seconds, resident kilobytes) of a process, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/status") as fh:
        rss = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
    return cpu, rss


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (f"p50 {statistics.median(ordered) * 1000:6.1f} ms   p99 {p99 * 1000:6.1f} ms   "
            f"worst {ordered[-1] * 1000:6.1f} ms")


async def measure(goals: int, edits: int, seed: int) -> dict:
    text, _ = document(goals, seed)
    lines = text.split("\n")
    goal_lines = [i for i, line in enumerate(lines) if line.split(":", 1)[0].split(" ")[0] in ("goal", "цель", "ціль")]
    folder = Path(tempfile.mkdtemp(prefix="smmrules-lsp-bench-"))
    path = folder / "brief.goals"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()

    client = LanguageClient("lsp-latency", "1")
    published: dict[int, asyncio.Future] = {}

    @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: lsp.PublishDiagnosticsParams):
        waiting = published.pop(params.version, None)
        if waiting is not None and not waiting.done():
            waiting.set_result(len(params.diagnostics))

    @client.feature(lsp.WINDOW_LOG_MESSAGE)
    def _logged(params: lsp.LogMessageParams):
        print(f"server: {params.message}", file=sys.stderr)

    @client.feature(lsp.CLIENT_REGISTER_CAPABILITY)
    def _register(params: lsp.RegistrationParams):
        return None

    loop = asyncio.get_running_loop()
    await client.start_io(sys.executable, "-m", "smmrules", "server")
    pid = client._server.pid
    await client.initialize_async(lsp.InitializeParams(
        capabilities=lsp.ClientCapabilities(), root_uri=folder.as_uri(), initialization_options={"debounceMs": 0}))
    client.initialized(lsp.InitializedParams())

    published[1] = loop.create_future()
    started = time.perf_counter()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(
        text_document=lsp.TextDocumentItem(uri=uri, language_id="goals", version=1, text=text)))
    findings = await published[1] if 1 in published else None
    open_time = time.perf_counter() - started

    edit_times, cpu_after_first, rss_first = [], None, None
    cpu_start, _ = _proc(pid)
    for n in range(edits):
        row = goal_lines[n % len(goal_lines)]
        old = lines[row]
        # one number of the statement changed: 3200 -> 3201, 15 -> 16 (a new statement to parse)
        new = _NUMBER.sub(lambda m: str(int(m.group()) + 1), old, count=1) if _NUMBER.search(old) else old + " "
        lines[row] = new
        version = n + 2
        published[version] = loop.create_future()
        started = time.perf_counter()
        client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[lsp.TextDocumentContentChangePartial(
                range=lsp.Range(start=lsp.Position(line=row, character=0),
                                end=lsp.Position(line=row, character=len(old))), text=new)]))
        await published[version]
        edit_times.append(time.perf_counter() - started)
        if n == 0:
            cpu_after_first, rss_first = _proc(pid)
    cpu_end, rss_last = _proc(pid)

    hover_times, action_times = [], []
    for n in range(edits):
        row = goal_lines[(n * 7) % len(goal_lines)]
        at = lsp.Position(line=row, character=len(lines[row]) // 2)
        started = time.perf_counter()
        await client.text_document_hover_async(lsp.HoverParams(text_document=lsp.TextDocumentIdentifier(uri=uri),
                                                               position=at))
        hover_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri), range=lsp.Range(start=at, end=at),
            context=lsp.CodeActionContext(diagnostics=[])))
        action_times.append(time.perf_counter() - started)

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return {"goals": len(goal_lines), "lines": len(lines), "findings": findings, "open": open_time,
            "edit": edit_times, "hover": hover_times, "action": action_times,
            "cpu_per_edit": (cpu_end - cpu_after_first) / max(1, edits - 1), "cpu_first": cpu_after_first - cpu_start,
            "rss_first": rss_first, "rss_last": rss_last}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--goals", type=int, default=200)
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args(argv)
    r = asyncio.run(measure(args.goals, args.edits, args.seed))
    print(f"document: {r['goals']} goals, {r['lines']} lines, {r['findings']} findings; "
          f"opened and linted in {r['open'] * 1000:.0f} ms")
    print(f"edit   ({len(r['edit'])}): {_percentiles(r['edit'])}   "
          f"server CPU {r['cpu_per_edit'] * 1000:.1f} ms per edit")
    print(f"hover  ({len(r['hover'])}): {_percentiles(r['hover'])}")
    print(f"action ({len(r['action'])}): {_percentiles(r['action'])}")
    print(f"server memory: {r['rss_first'] / 1024:.1f} MB after the first edit, "
          f"{r['rss_last'] / 1024:.1f} MB after edit {len(r['edit'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
