"""The language server's latency, driven over stdio like an editor drives it.

Starts `smmrules server` (no pause before linting: debounceMs 0), opens a brief of N goals (the
mixed en/ru/uk document of lint_speed.py) and then, one request at a time, measures:
  edit    a one-line edit (a number in one goal statement changed, goals taken in turn) until the
          server has linted the document again and sent its diagnostics (when they changed: a
          publish that would repeat the last one is not sent). The clock stops at the answer to a
          request sent right after the edit (a hover on a blank line: nothing to say): the server
          handles messages in order, so the answer comes after the re-lint and the publish.
  hover   a hover on a goal statement (what smmrules read and the findings' explanations)
  action  the code actions of a goal line
Prints p50, p99 and the worst of each in milliseconds of wall time, the server's CPU time per edit
(from /proc: what the work costs on its own, whatever else the machine runs), its resident memory
after the first edit and after the last, and the machine's load average before and after.

The client is a bare JSON-RPC reader (json.loads of each message), so that what is measured is the
server's time, not a client library's turning 400 diagnostics into objects.

--baseline DIR runs a second server from another checkout of smmrules (its source tree, e.g. an
export of the main branch) alongside, edits in turn, so that both see the same load; at the end
it says whether the two servers' last diagnostics are the same.
Usage: python benchmarks/lsp_latency.py [--goals 200] [--edits 1000] [--seed 5] [--baseline DIR]
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from lint_speed import document  # noqa: E402

_NUMBER = re.compile(r"\d+")


def _proc(pid: int) -> tuple[float, int]:
    """(CPU seconds, resident kilobytes) of a process, from /proc (Linux)."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    with open(f"/proc/{pid}/status") as fh:
        rss = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
    return cpu, rss


def _load() -> str:
    with open("/proc/loadavg") as fh:
        return " ".join(fh.read().split()[:3])


def _percentiles(values: list[float]) -> str:
    ordered = sorted(values)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return (f"p50 {statistics.median(ordered) * 1000:6.1f} ms   p99 {p99 * 1000:6.1f} ms   "
            f"worst {ordered[-1] * 1000:6.1f} ms")


class Server:
    """One `smmrules server` process and the JSON-RPC messages to and from it."""

    def __init__(self, name: str, source: Path):
        self.name, self.source = name, source
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future] = {}
        self.diagnostics: dict[str, list] = {}      # uri -> the last diagnostics published
        self.publishes = 0

    async def start(self) -> None:
        env = dict(os.environ, PYTHONPATH=str(self.source))
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "smmrules", "server", cwd=str(self.source), env=env,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE)
        self.pid = self.process.pid
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = await out.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.lower() == "content-length":
                    length = int(value)
            message = json.loads(await out.readexactly(length))
            if "id" in message and "method" not in message:
                future = self.waiting.pop(message["id"], None)
                if future is not None and not future.done():
                    future.set_result(message)
            elif message.get("method") == "textDocument/publishDiagnostics":
                self.publishes += 1
                self.diagnostics[message["params"]["uri"]] = message["params"]["diagnostics"]
            elif message.get("method") == "window/logMessage":
                print(f"{self.name} server: {message['params']['message']}", file=sys.stderr)
            elif "id" in message:       # a request of the server's own (client/registerCapability)
                self._send({"jsonrpc": "2.0", "id": message["id"], "result": None})

    def _send(self, message: dict) -> None:
        body = json.dumps(message).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method: str, params) -> None:
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    async def request(self, method: str, params) -> dict:
        number = next(self.ids)
        future = self.waiting[number] = asyncio.get_running_loop().create_future()
        self._send({"jsonrpc": "2.0", "id": number, "method": method, "params": params})
        return await future

    async def stop(self) -> None:
        await self.request("shutdown", None)
        self.notify("exit", None)
        await self.process.wait()
        self.reader.cancel()


async def _done(server: Server, uri: str, blank: int) -> None:
    """Wait until the server has handled every message sent before (a hover with nothing to say)."""
    await server.request("textDocument/hover", {"textDocument": {"uri": uri},
                                                "position": {"line": blank, "character": 0}})


async def _edit(server: Server, uri: str, blank: int, version: int, row: int, old: str, new: str) -> float:
    started = time.perf_counter()
    server.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": {"line": row, "character": 0},
                                      "end": {"line": row, "character": len(old)}}, "text": new}]})
    await _done(server, uri, blank)
    return time.perf_counter() - started


async def measure(goals: int, edits: int, seed: int, baseline: Path | None) -> list[dict]:
    text, _ = document(goals, seed)
    folder = Path(tempfile.mkdtemp(prefix="smmrules-lsp-bench-"))
    path = folder / "brief.goals"
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    lines = text.split("\n")
    blank = lines.index("") if "" in lines else len(lines)
    servers = [Server("this", ROOT)] + ([Server("baseline", baseline)] if baseline is not None else [])
    results = []
    for server in servers:
        await server.start()
        await server.request("initialize", {"processId": os.getpid(), "capabilities": {}, "rootUri": folder.as_uri(),
                                            "initializationOptions": {"debounceMs": 0}})
        server.notify("initialized", {})
        started = time.perf_counter()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "goals", "version": 1,
                                                                "text": text}})
        await _done(server, uri, blank)
        results.append({"name": server.name, "open": time.perf_counter() - started,
                        "findings": len(server.diagnostics.get(uri, ())), "edit": [], "hover": [], "action": []})
    goal_lines = [i for i, line in enumerate(lines) if line.split(":", 1)[0].split(" ")[0] in ("goal", "цель", "ціль")]
    load_before = _load()
    cpu_first = [0.0] * len(servers)
    for n in range(edits):
        row = goal_lines[n % len(goal_lines)]
        old = lines[row]
        # one number of the statement changed: 3200 -> 3201, 15 -> 16 (a new statement to parse)
        new = _NUMBER.sub(lambda m: str(int(m.group()) + 1), old, count=1) if _NUMBER.search(old) else old + " "
        lines[row] = new
        order = range(len(servers)) if n % 2 == 0 else reversed(range(len(servers)))
        for i in order:        # in turn, each first every other time: both see the same load
            results[i]["edit"].append(await _edit(servers[i], uri, blank, n + 2, row, old, new))
            if n == 0:
                cpu_first[i], results[i]["rss_first"] = _proc(servers[i].pid)
    for i, server in enumerate(servers):
        cpu_end, results[i]["rss_last"] = _proc(server.pid)
        results[i]["cpu_per_edit"] = (cpu_end - cpu_first[i]) / max(1, edits - 1)
        results[i]["publishes"] = server.publishes - 1      # the one after opening not counted
    for n in range(edits):
        row = goal_lines[(n * 7) % len(goal_lines)]
        at = {"line": row, "character": len(lines[row]) // 2}
        order = range(len(servers)) if n % 2 == 0 else reversed(range(len(servers)))
        for i in order:
            started = time.perf_counter()
            await servers[i].request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at})
            results[i]["hover"].append(time.perf_counter() - started)
            started = time.perf_counter()
            await servers[i].request("textDocument/codeAction", {
                "textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}})
            results[i]["action"].append(time.perf_counter() - started)
    load_after = _load()
    for i, server in enumerate(servers):
        results[i]["diagnostics"] = server.diagnostics.get(uri)
        results[i]["load"] = (load_before, load_after)
        await server.stop()
    results[0]["goals"], results[0]["lines"] = len(goal_lines), len(lines)
    return results


def _canonical(diagnostics) -> list:
    return sorted(json.dumps(d, sort_keys=True) for d in diagnostics or ())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--goals", type=int, default=200)
    ap.add_argument("--edits", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--baseline", type=Path, help="the source tree of another smmrules to measure alongside")
    args = ap.parse_args(argv)
    results = asyncio.run(measure(args.goals, args.edits, args.seed, args.baseline))
    first = results[0]
    print(f"document: {first['goals']} goals, {first['lines']} lines, {first['findings']} findings; "
          f"load average {first['load'][0]} before, {first['load'][1]} after (2 cores)")
    for r in results:
        print(f"[{r['name']}] opened and linted in {r['open'] * 1000:.0f} ms; "
              f"{r['publishes']} of {len(r['edit'])} edits changed the diagnostics")
        print(f"  edit   ({len(r['edit'])}): {_percentiles(r['edit'])}   "
              f"server CPU {r['cpu_per_edit'] * 1000:.1f} ms per edit")
        print(f"  hover  ({len(r['hover'])}): {_percentiles(r['hover'])}")
        print(f"  action ({len(r['action'])}): {_percentiles(r['action'])}")
        print(f"  server memory: {r['rss_first'] / 1024:.1f} MB after the first edit, "
              f"{r['rss_last'] / 1024:.1f} MB after edit {len(r['edit'])}")
    if len(results) > 1:
        same = _canonical(results[0]["diagnostics"]) == _canonical(results[1]["diagnostics"])
        print(f"the last diagnostics of both servers are {'the same' if same else 'DIFFERENT'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
