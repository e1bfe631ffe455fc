"""Hostile repositories cannot exhaust CPU or memory (issue 12, family 2; SECURITY.md).

Every stage of a lint does work linear in its input, with documented caps. Each test doubles an
input and checks that the work about doubles: counted operations where the stage has a natural
count, CPU time otherwise (the best of three runs of `time.process_time`, never wall time; linear
work doubles, quadratic work quadruples, so the bound of 3x tells them apart with room for noise).
Peak memory is measured in a fresh process (its own VmHWM: `ru_maxrss` keeps the high-water mark of
the process that forked it across exec) for a 5 MB file of every shape.
"""
from __future__ import annotations

import gc
import datetime as dt
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smmrules.linting import config as config_module
from smmrules.linting import globs, selection
from smmrules.documents import goals as document
from smmrules.linting import pipeline as linting
from smmrules.linting import parallel
from smmrules.linting.config import ConfigError, Config, is_selected, load_config
from smmrules.documents.goals import MAX_ENTRIES, parse_document
from smmrules.rules.engine import RuleSet
from smmrules.base.errors import DocumentLimitError, RuleFileError
from smmrules.linting.pipeline import lint
from smmrules.rules.rulefile import MAX_MESSAGE, render_template
from smmrules.linting.runner import lint_file
from smmrules.base.tomlpos import MAX_KEY_PARTS, MAX_NESTING, bounds_error

# The work for an input and for one GROWTH times as long: linear work grows GROWTH-fold, quadratic
# GROWTH**2-fold; LINEAR sits between the two with room for a noisy machine (a doubling with a 3x
# bound failed now and then at 3.1-3.4x on an idle one).
GROWTH = 4
LINEAR = 8.0


def cpu(fn, repeat: int = 5) -> float:
    """The least CPU time of `repeat` runs of fn() (seconds of this process, not of the machine),
    with the cyclic collector paused so that its passes do not land on one side only."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
    finally:
        if enabled:
            gc.enable()
    return max(best, 1e-4)


def doubling_ratio(make, run, size: int) -> float:
    """CPU time of run(make(GROWTH * size)) over that of run(make(size))."""
    small, large = make(size), make(GROWTH * size)
    run(small)                          # warm the caches (rules, lexicons, tables) first
    ratio = float("inf")
    for _ in range(3):                  # a busy machine only ever inflates a ratio: a linear one is
        ratio = min(ratio, cpu(lambda: run(large)) / cpu(lambda: run(small)))   # measured again
        if ratio < LINEAR:
            break
    return ratio


# ------------------------------------------------------------------------------ suppressions
def test_file_wide_suppressions_are_looked_up_not_scanned(monkeypatch):
    """Each finding was compared with every file-wide suppression: 479 KB took 105 s. Now a finding
    looks its code's prefixes up; the count of lookups is the count of findings, whatever the number
    of suppressions."""
    calls = {"first": 0}
    original = linting._SuppressionIndex.first

    def counting(self, code):
        calls["first"] += 1
        return original(self, code)
    monkeypatch.setattr(linting._SuppressionIndex, "first", counting)

    def doc(n):
        return "goal: grow sales # smmrules: ignore-file[Q9]\n" * n
    counts = []
    for n in (500, 1000):
        calls["first"] = 0
        findings = lint(doc(n))
        counts.append((calls["first"], len(findings)))
    (a, fa), (b, fb) = counts
    assert fb - fa == 2 * (1000 - 500)   # each further copy: its D606 (a copy reports only that) and its L101
    assert b <= 2 * a + 2, counts        # one or two lookups per finding, not one per suppression
    ratio = doubling_ratio(doc, lint, 1500)
    assert ratio < LINEAR, ratio


def test_suppression_semantics_are_kept():
    text = ("goal: get more followers  # smmrules: ignore[T1]\n"
            "# smmrules: ignore-file[M2, Q999]\n"
            "goal: get more sales\n"
            "goal: grow reach  # smmrules: ignore\n")
    codes = sorted((f.line, f.code) for f in lint(text))
    # line 1: T101 suppressed on its line, M203 by the file-wide M2; line 3: M203 by M2;
    # line 4: everything suppressed; Q999 is an unknown code (L101), nothing else is unused
    assert (1, "T101") not in codes and (1, "M203") not in codes and (3, "M203") not in codes
    assert all(line != 4 for line, _ in codes)
    assert (3, "T101") in codes and (3, "D605") in codes
    assert [c for line, c in codes if line == 2] == ["L101"]


def test_a_suppression_with_a_huge_list_of_codes_is_linear():
    def doc(n):
        return "goal: grow sales # smmrules: ignore[" + ",".join(f"Q{i % 1000:03d}" for i in range(n)) + "]\n"
    # the codes a document may name are capped (MAX_ENTRIES), and the times small: quadruple instead
    small, large = doc(MAX_ENTRIES // 5), doc(4 * MAX_ENTRIES // 5)
    lint(small)
    ratio = cpu(lambda: lint(large), 5) / cpu(lambda: lint(small), 5)
    assert ratio < LINEAR, ratio                 # linear: 4x; quadratic: 16x


# ------------------------------------------------------------------------------ document lines
def test_blank_lines_and_plain_comments_give_the_parser_nothing(monkeypatch):
    seen = []
    original = document._classify

    def counting(line, lineno):
        seen.append(lineno)
        return original(line, lineno)
    monkeypatch.setattr(document, "_classify", counting)
    doc = parse_document("\n" * 1000 + "   \n# a note\n#smmrules: ignore[T1]\ngoal: grow sales\n")
    assert seen == [1003, 1004]           # the suppression comment and the goal, nothing else
    assert len(doc.lines) == 1005
    assert [s.line for s in doc.suppressions] == [1003] and [g.line for g in doc.goals] == [1004]


@pytest.mark.parametrize("unit", ["\n", "\r\n", "\r", "# a comment\n", "stray text\n", "goal: grow sales\n",
                                  "  task: post daily\n", "budget: 100 USD\n"])
def test_document_work_doubles_with_the_document(unit):
    ratio = doubling_ratio(lambda n: unit * n, lint, 2000 if unit.strip() else 50_000)
    assert ratio < LINEAR, (unit, ratio)


def test_entries_past_the_cap_are_refused_at_the_first_one_over(tmp_path):
    text = "goal: grow sales\n" + "\n# note\n" + "stray\n" * (MAX_ENTRIES - 1)
    assert len(parse_document(text).stray) == MAX_ENTRIES - 1        # exactly MAX_ENTRIES: linted
    with pytest.raises(DocumentLimitError) as exc:
        parse_document(text + "\n  x: 1\n")
    assert (exc.value.line, exc.value.column) == (MAX_ENTRIES + 4, 3)
    path = tmp_path / "big.goals"
    path.write_text(text + "stray\n", encoding="utf-8")
    result = lint_file(str(path), Config())
    assert result.error == (f"{path}:{MAX_ENTRIES + 3}:1: the document has more than {MAX_ENTRIES:,} entries "
                            "(goals, tasks, header lines, other text and suppressions; max-entries); split it into smaller "
                            "documents")


def test_a_config_may_raise_or_lower_the_entry_cap(tmp_path):
    path = tmp_path / "big.goals"
    path.write_text("goal: grow sales\n" + "stray\n" * MAX_ENTRIES, encoding="utf-8")
    assert "more than 20,000 entries" in lint_file(str(path), Config()).error
    raised = lint_file(str(path), Config(max_entries=MAX_ENTRIES + 1))
    assert raised.error is None and sum(f.code == "D610" for f in raised.findings) == MAX_ENTRIES
    lowered = lint_file(str(path), Config(max_entries=10))
    assert lowered.error == (f"{path}:11:1: the document has more than 10 entries (goals, tasks, header lines, "
                             "other text and suppressions; max-entries); split it into smaller documents")
    cfg = tmp_path / ".smmrules.toml"
    cfg.write_text("max-entries = 10\n", encoding="utf-8")
    assert load_config(cfg).max_entries == 10


def test_codes_named_by_suppressions_count_as_entries():
    with pytest.raises(DocumentLimitError, match="suppressions name more than 20,000 codes") as exc:
        parse_document("goal: grow sales\n# smmrules: ignore-file[" + "T1," * MAX_ENTRIES + "T2]\n")
    assert (exc.value.line, exc.value.column) == (2, 3)
    doc = parse_document("# smmrules: ignore-file[" + "T1," * (MAX_ENTRIES - 1) + "T2]\n")
    assert len(doc.suppressions[0].codes) == MAX_ENTRIES


def test_suppressions_on_one_line_count_as_entries():
    line = "goal: grow sales # " + "smmrules: ignore[T1] " * (MAX_ENTRIES + 1) + "\n"
    with pytest.raises(DocumentLimitError, match="more than 20,000 suppressions") as exc:
        parse_document(line)
    assert exc.value.line == 1 and exc.value.column == 20 + 21 * MAX_ENTRIES


# ------------------------------------------------------------------------------ statements
@pytest.mark.parametrize("unit", ["a ", "в ", "increase followers ", "followers and reach ", "@a ", "1 ",
                                  "by 20% ", ". ", "#"])
def test_a_long_statement_is_linear_when_the_config_allows_it(unit):
    """A run of words was scanned forward from every word (the tagger's phrase window): quadratic."""
    cfg = Config(max_statement_length=50_000)

    def run(text):
        lint(text, config=cfg)
    ratio = doubling_ratio(lambda n: "goal: increase " + unit * (n // len(unit)) + "\n", run, 6000)
    assert ratio < LINEAR, (unit, ratio)


def test_the_statement_length_ceiling():
    assert Config(max_statement_length=50_000).max_statement_length == 50_000
    with pytest.raises(ConfigError, match="from 1 to 50_000, got 50001"):
        Config(max_statement_length=50_001)


# ------------------------------------------------------------------------------ messages
def test_a_message_repeating_a_placeholder_is_capped():
    for repeats in (10, 1000, 100_000):
        out = render_template("{text} and {{braces}} " * repeats, {"text": "x" * 5000})
        assert len(out) <= MAX_MESSAGE + 1
    assert render_template("{text}" * 100_000, {"text": "ab"}) == "ab" * (MAX_MESSAGE // 2) + "\u2026"
    assert render_template("{a}-{{b}}-{c}", {"a": "1", "c": "3"}) == "1-{b}-3"
    assert render_template("x" * (MAX_MESSAGE + 5), {}) == "x" * MAX_MESSAGE + "\u2026"
    assert render_template("x" * MAX_MESSAGE, {}) == "x" * MAX_MESSAGE
    # the work stops at the cap: a template ten times longer costs about the same
    short, long = "{text}" * 20_000, "{text}" * 200_000
    ratio = cpu(lambda: render_template(long, {"text": "abc"})) / cpu(lambda: render_template(short, {"text": "abc"}))
    assert ratio < LINEAR, ratio


def test_a_rule_whose_message_repeats_a_placeholder_gives_short_findings(tmp_path):
    (tmp_path / "r.toml").write_text(textwrap.dedent("""\
        [[rule]]
        code = "X101"
        name = "team.loud"
        level = "warning"
        when = "goal.deadline is missing"
        bad = ["increase sales by 15%"]
        good = ["increase sales by 15% by 2026-06"]
        """) + "".join(f'[rule.{lang}]\nmessage = "{"{text}" * 40_000}"\nsummary = "s"\nwhat = "w"\nwhy = "y"\n'
                       f'fix = "f"\n' for lang in ("en", "ru", "uk")), encoding="utf-8")
    rules = RuleSet([tmp_path], builtin=False)
    findings = lint("goal: increase sales by 15% " + "and more " * 200 + "\n", rules=rules)
    assert [f.code for f in findings] == ["X101"]
    assert len(findings[0].message) == MAX_MESSAGE + 1 and findings[0].message.endswith("\u2026")


# ------------------------------------------------------------------------------ globs
def old_segment_match(glob: str, text: str) -> bool:
    """The reference: fnmatch's meaning of one path component's pattern (`*`, `?`, [classes])."""
    import fnmatch
    import re
    return re.fullmatch(fnmatch.translate(glob), text, re.DOTALL) is not None


segment_text = st.text(alphabet="ab.-[]!^*?", max_size=12)


@settings(max_examples=400, deadline=None)
@given(segment_text, st.text(alphabet="ab.-", max_size=12))
def test_the_linear_segment_matcher_agrees_with_fnmatch(glob, name):
    if "/" in glob or not glob or "[" in glob or "]" in glob:
        # classes: fnmatch treats a lone "[" as a literal, as does the matcher; compare only the plain forms
        glob = glob.replace("[", "").replace("]", "") or "*"
    assert globs.segment_match(globs.segment(glob), name) == old_segment_match(glob, name)


@pytest.mark.parametrize("glob,name,expected", [
    ("[a-c]*.goals", "brief.goals", True), ("[!a-c]*.goals", "brief.goals", False),
    ("[^a-c]*", "x", True), ("[z-a]x", "ax", False), ("[!z-a]x", "ax", True),
    ("*.go?ls", "x.goals", True), ("a*b*c", "a-b-c", True), ("a*b*c", "a-c-b", False),
    ("*", "", True), ("?", "", False), ("**x", "yyx", True), ("a*a", "a", False), ("*ab*ab*", "abab", True),
])
def test_segment_matches(glob, name, expected):
    assert globs.segment_match(globs.segment(glob), name) is expected


def test_per_file_ignores_are_matched_once_per_file_not_per_finding(monkeypatch, tmp_path):
    calls = {"n": 0}
    original = selection.glob_match

    def counting(glob, parts):
        calls["n"] += 1
        return original(glob, parts)
    monkeypatch.setattr(selection, "glob_match", counting)
    config_module.ignored_in.cache_clear()
    globs = {f"docs/*a{i}*b*/**": ["Q9"] for i in range(50)}
    cfg = Config(root=tmp_path, per_file_ignores=tuple((g, tuple(c)) for g, c in globs.items()))
    path = str(tmp_path / "briefs" / "team.goals")
    counts = []
    for n in (100, 200):
        calls["n"] = 0
        config_module.ignored_in.cache_clear()
        findings = lint("goal: get more followers\n" * n, path=path, config=cfg)
        counts.append((calls["n"], len(findings)))
    assert counts[1][1] - counts[0][1] == 200 - 100      # each further copy of the goal reports only D606
    assert counts[0][0] == counts[1][0] <= 2 * len(globs)          # each glob once or twice for the file
    assert is_selected(cfg, "T101", path)


def test_a_hostile_glob_is_linear_in_the_name():
    glob = "*a" * 16 + "*b" + "?" * 10 + "[!x]" * 5           # 32 wildcards: the most allowed
    assert globs.wildcards(glob) == 32
    compiled = globs.segment(glob)

    def run(name):
        assert not globs.segment_match(compiled, name)
    ratio = doubling_ratio(lambda n: "a" * n, run, 200_000)
    assert ratio < LINEAR, ratio
    deep = "/".join(["**"] * 30) + "/x*y"
    cfg = Config(exclude=(deep,))
    start = time.process_time()
    assert not config_module.is_excluded(cfg, "/".join(["a"] * 400) + "/xz")
    assert time.process_time() - start < 2.0


@pytest.mark.parametrize("key,value", [("exclude", '["' + "*a" * 40 + '"]'),
                                       ("include", '["' + "?" * 33 + '"]'),
                                       ("per-file-ignores", '{ "' + "/".join(["**"] * 33) + '" = ["T1"] }')])
def test_globs_over_the_wildcard_cap_are_config_errors(tmp_path, key, value):
    path = tmp_path / ".smmrules.toml"
    path.write_text(f'fail-on = "error"\n{key} = {value}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"wildcards; the limit is 32") as exc:
        load_config(path)
    assert exc.value.line == 2


def test_walking_deep_folders_matches_each_folder_once(tmp_path, monkeypatch):
    """Each folder met on the way down is matched against the excludes once, by its own name and its
    whole path, never again for each folder below it: the glob work of a walk grows with the number of
    folders. (Counted, not timed: the kernel's own lookup of a deep path grows with its depth, and a
    clock would measure that too.)"""
    from smmrules.linting.runner import collect

    def tree(depth):
        top = tmp_path / f"t{depth}"
        here = top
        for i in range(depth):
            here = here / f"d{i}"
        here.mkdir(parents=True)
        (here / "x.goals").write_text("goal: grow sales\n", encoding="utf-8")
        return top
    # (a `**` glob is matched against the whole path of each folder: its work grows with the square
    # of the depth, which the file system bounds: PATH_MAX allows some 2,000 levels, walked in seconds)
    cfg = Config(root=tmp_path, exclude=("build", "tmp*", "a/b/c", "d*x"))
    counted = {"segments": 0, "checks": 0}
    segment_match, is_excluded = globs.segment_match, selection.is_excluded

    def counting_segment(compiled, text):
        counted["segments"] += 1
        return segment_match(compiled, text)

    def counting_check(*args, **kwargs):
        counted["checks"] += 1
        return is_excluded(*args, **kwargs)
    monkeypatch.setattr(globs, "segment_match", counting_segment)
    monkeypatch.setattr(selection, "is_excluded", counting_check)

    def work(depth):
        top = tree(depth)
        counted.update(segments=0, checks=0)
        assert [p for p, _ in collect([str(top)], cfg)] == [str(top / "/".join(f"d{i}" for i in range(depth)) / "x.goals")]
        return dict(counted)
    small, large = work(150), work(GROWTH * 150)
    assert small["checks"] == 150 + 1 and large["checks"] == GROWTH * 150 + 1      # each folder, then the file
    assert 0 < small["segments"] and large["segments"] <= GROWTH * small["segments"] + 8, (small, large)


# ------------------------------------------------------------------------------ TOML
@pytest.mark.parametrize("kind", ["header", "key", "quoted"])
def test_dotted_keys_are_refused_before_tomllib_in_linear_time(tmp_path, kind):
    def text(n):
        parts = ['"a"'] * n if kind == "quoted" else ["a"] * n
        return "x = 1\n" + (f"[{'.'.join(parts)}]\n" if kind == "header" else f"{'.'.join(parts)} = 1\n")
    assert bounds_error(text(MAX_KEY_PARTS)) is None
    assert bounds_error(text(MAX_KEY_PARTS + 1)) == (f"a dotted key or table name of more than {MAX_KEY_PARTS} parts",
                                                     2, 2 if kind == "header" else 1)
    ratio = doubling_ratio(text, bounds_error, 200_000)
    assert ratio < LINEAR, ratio
    (tmp_path / ".smmrules.toml").write_text(text(80_000), encoding="utf-8")
    start = time.process_time()
    with pytest.raises(ConfigError, match="a dotted key or table name of more than 100 parts"):
        load_config(tmp_path / ".smmrules.toml")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "team.toml").write_text(text(80_000), encoding="utf-8")
    with pytest.raises(RuleFileError, match="team.toml:2:.: invalid TOML: a dotted key or table name of more than"):
        RuleSet([rules])
    assert time.process_time() - start < 2.0


def test_what_is_inside_strings_and_comments_does_not_count():
    chain = ".".join(["a"] * 300)
    assert bounds_error(f'v = "{chain}"\nw = \'{chain}\'\n# {chain}\nm = """\n{chain}\n"""\n') is None
    assert bounds_error('v = "' + "[" * 500 + '"\n# ' + "{" * 500 + "\n") is None
    assert bounds_error("v = " + "[" * MAX_NESTING + "]" * MAX_NESTING + "\n") is None
    assert bounds_error("v = " + "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1) + "\n") == (
        f"arrays or inline tables nested more than {MAX_NESTING} levels deep", 1, 5 + MAX_NESTING)


# ------------------------------------------------------------------------------ workers
@pytest.mark.parametrize("files,jobs,expected", [(40, 64, 3), (32, 2, 2), (1000, 4, 4), (16, 8, 1), (17, 8, 2),
                                                 (0, 8, 1)])
def test_no_more_workers_than_chunks_of_work(files, jobs, expected):
    assert parallel.workers(files, jobs) == expected


def test_lint_many_forks_no_more_workers_than_the_work(monkeypatch, tmp_path):
    import concurrent.futures as cf
    seen = []

    class Recording:
        def __init__(self, max_workers=None, **kwargs):
            seen.append(max_workers)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def map(self, fn, items):
            return map(fn, items)
    monkeypatch.setattr(cf, "ProcessPoolExecutor", Recording)
    paths = []
    for i in range(40):
        p = tmp_path / f"f{i}.goals"
        p.write_text("goal: get more followers\n", encoding="utf-8")
        paths.append(str(p))
    results = list(parallel.lint_many(paths, Config(), jobs=64))
    assert seen == [3] and [r.path for r in results] == paths and all(r.findings for r in results)


# ------------------------------------------------------------------------------ peak memory
FILE_SIZE = 5_000_000
LONG_GOAL = ("goal: increase Instagram followers from 3,000 to 5,000 by the end of Q3 2026 with two posts a week "
             "and stories every day and a giveaway in June and reels ")
SHAPES = {
    "blank lines": ("\n", ""), "CRLF blank lines": ("\r\n", ""), "CR blank lines": ("\r", ""),
    "one huge goal line": ("a", "goal: "), "one huge comment": ("x", "# "), "one huge stray line": ("x ", ""),
    "many goals": ("goal: increase followers by 20% by Q3\n", ""), "many comments": ("# c\n", ""),
    "many suppressions": ("# smmrules: ignore[T1]\n", ""),
    "suppressions on one line": ("smmrules: ignore[T1] ", "goal: grow sales # "),
    "a huge list of codes": ("A,", "goal: grow # smmrules: ignore["), "header lines": ("x: 1\n", ""),
    "tasks": ("  task: run ads\n", "goal: increase sales by 5% by Q3\n"),
    "20,000 long goals": ((LONG_GOAL + "x" * (249 - len(LONG_GOAL)) + "\n"), "*"),
}
PEAK = textwrap.dedent("""\
    import resource, sys
    from smmrules.linting.config import DEFAULT
    from smmrules.linting.runner import lint_file
    result = lint_file(sys.argv[1], DEFAULT)
    try:    # this process's own peak: ru_maxrss would report the forking test process's if larger
        with open("/proc/self/status", encoding="ascii") as f:
            peak = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(peak, len(result.findings), result.error is None)
    """)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_peak_memory_of_a_5_mb_file_is_under_200_mb(tmp_path, shape):
    unit, head = SHAPES[shape]
    text = unit * 20_000 if head == "*" else head + unit * ((FILE_SIZE - len(head) - 1) // len(unit))
    assert FILE_SIZE - 300 <= len(text.encode()) <= FILE_SIZE
    path = tmp_path / "big.goals"
    path.write_text(text + ("]" if shape == "a huge list of codes" else ""), encoding="utf-8", newline="")
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(tmp_path / "cache"))
    out = subprocess.run([sys.executable, "-c", PEAK, str(path)], capture_output=True, text=True, env=env,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    peak_kb, findings, linted = out.stdout.split()
    assert int(peak_kb) < 200 * 1024, (shape, int(peak_kb) // 1024)
    if shape == "20,000 long goals":
        assert linted == "True" and int(findings) >= 20_000   # the biggest document that is linted whole
