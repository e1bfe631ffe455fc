"""Hostile rule files: each is refused with a clear RuleFileError at its file, line and column, in
well under a second, and nothing in it runs.

Rule files come from the repository being linted, so in CI they are as untrusted as the documents
(SECURITY.md). The condition language has no attribute access, no calls beyond the declared
functions, no `**`, no patterns and no includes; conditions are bounded in length (2,000
characters), depth (40) and size (400 parts), numbers to 10^12 and files to 1 MB. The time bound
below is a safety bound, not a benchmark: a refusal that backtracks, recurses or reads a huge file
whole takes seconds or minutes, not milliseconds.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

import attrs
import pytest

from smmrules.rules.engine import RuleSet
from smmrules.base.errors import RuleFileError

BOUND = 2.0     # seconds of this process's CPU: a runaway rule file takes minutes

TEXTS = "".join(f'[rule.{lang}]\nmessage = "MESSAGE"\nsummary = "s"\nwhat = "w"\nwhy = "y"\nfix = "f"\n'
                for lang in ("en", "ru", "uk"))


def rule(when: str = "goal.deadline is missing", *, message: str = "No deadline for {metric}.",
         extra: str = "") -> str:
    """A valid rule file (the condition on line 5, at column 9; the English message on line 9, column 12)."""
    return ('[[rule]]\ncode = "X101"\nname = "team.no-deadline"\nlevel = "warning"\n'
            f'when = "{when}"\n'
            'bad = ["increase sales by 15%"]\ngood = ["increase sales by 15% by 2026-06"]\n'
            f'{extra}' + TEXTS.replace("MESSAGE", message, 1).replace("MESSAGE", "m"))


@attrs.frozen
class Hostile:
    name: str
    files: Callable[[Path], None]     # writes the rules folder
    message: str                      # the error, after `file:line:column: `
    where: str                        # `file:line:column`, the file relative to the folder
    exact: bool = True                # False: `message` is the start of the error


def write(name: str, content: str | bytes) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return make


def team(content: str | bytes) -> Callable[[Path], None]:
    return write("team.toml", content)


def _directory(folder: Path) -> None:
    (folder / "rules.toml").mkdir()


def _symlink_loop(folder: Path) -> None:
    (folder / "a.toml").symlink_to("b.toml")
    (folder / "b.toml").symlink_to("a.toml")
    (folder / "here").symlink_to(".")          # a folder loop too: the folder is not searched below


def _ten_megabytes(folder: Path) -> None:
    head = rule().encode("utf-8")
    (folder / "team.toml").write_bytes(head + b"#" + b" " * (10_000_000 - len(head) - 2) + b"\n")


DEEP = 10_000
PWNED = "smmrules-hostile-pwned"

CASES = [
    # Python reached through the goal object
    Hostile("__class__ walk", team(rule("goal.__class__.__mro__[1].__subclasses__() is missing")),
            "unexpected character '_'", "team.toml:5:14"),
    Hostile("__globals__", team(rule("goal.text.__init__.__globals__ is missing")),
            "unexpected character '_'", "team.toml:5:19"),
    Hostile("__subclasses__ from a literal", team(rule('\\"\\".__class__.__base__.__subclasses__() is missing')),
            "unexpected '.'", "team.toml:5:11"),
    Hostile("__import__('os').system", team(rule(f'__import__(\\"os\\").system(\\"touch {PWNED}\\") == 0')),
            "unexpected character '_'", "team.toml:5:9"),
    Hostile("attribute access goal.text.upper", team(rule("goal.text.upper == 1")),
            "unknown field 'goal.text.upper' (did you mean 'goal.text'?)", "team.toml:5:9"),
    Hostile("method call goal.text.upper()", team(rule("goal.text.upper() == 1")),
            "unknown function 'goal.text.upper'", "team.toml:5:9"),
    Hostile("eval()", team(rule("eval(1) == 1")), "unknown function 'eval'", "team.toml:5:9"),
    Hostile("exec()", team(rule("exec(1) == 1")), "unknown function 'exec'", "team.toml:5:9"),
    Hostile("open()", team(rule("count(open(goal.text)) > 0")), "unknown function 'open'", "team.toml:5:15"),
    Hostile("getattr()", team(rule("getattr(goal.text, goal.lang) is missing")),
            "unknown function 'getattr'", "team.toml:5:9"),
    # numbers
    Hostile("huge exponent 10 ** 10 ** 10", team(rule("10 ** 10 ** 10 > goal.target.value")),
            "unexpected '*'", "team.toml:5:13"),
    Hostile("huge literal (400 digits)", team(rule("goal.target.value > 1" + "0" * 400)),
            "unexpected '000000000000000'", "team.toml:5:44"),
    Hostile("literal over 10^12", team(rule("goal.target.value > 10000000000000")),
            "number 10000000000000 is out of range (limit 1e+12)", "team.toml:5:29"),
    Hostile("1e400", team(rule("goal.target.value > 1e400")), "unexpected 'e400'", "team.toml:5:30"),
    # size and depth
    Hostile("10,000-deep parentheses", team(rule("(" * DEEP + "goal.vague" + ")" * DEEP)),
            f"condition is {2 * DEEP + 10:,} characters long; the limit is 2000".replace(",", ""),
            "team.toml:5:9"),
    Hostile("41-deep parentheses", team(rule("(" * 41 + "goal.vague" + ")" * 41)),
            "condition nests deeper than 40 levels", "team.toml:5:49"),
    Hostile("10,000-deep not", team(rule("not " * DEEP + "goal.vague")),
            f"condition is {4 * DEEP + 10} characters long; the limit is 2000", "team.toml:5:9"),
    Hostile("1,000-deep unary minus", team(rule("-" * 1000 + "1 > 0")),
            "condition nests deeper than 40 levels", "team.toml:5:51"),
    Hostile("100,000-term and chain", team(rule(" and ".join(["true"] * 100_000))),
            "condition is 899995 characters long; the limit is 2000", "team.toml:5:9"),
    Hostile("120-term or chain (under the length limit)", team(rule(" or ".join(["-1<1"] * 120))),
            "condition has more than 400 parts", "team.toml:5:", exact=False),
    Hostile("10 MB rule file", _ten_megabytes, "rule file is 10,000,000 bytes; the limit is 1,000,000", "team.toml:1:1"),
    Hostile("100,000 tables", team("[[rule]]\n" * 100_000), "rule file has more than 10,000 tables",
            "team.toml:10001:1"),
    Hostile("2,001 rules", team("[[rule]]\n" * 2_001), "more than 2000 rules in one file", "team.toml:1:1"),
    Hostile("100,000 nested TOML arrays", team("x = " + "[" * 100_000 + "]" * 100_000 + "\n"),
            "invalid TOML: arrays or inline tables nested more than 64 levels deep", "team.toml:1:69"),
    Hostile("100,000 nested inline tables", team("x = " + "{a = " * 100_000 + "1" + "}" * 100_000 + "\n"),
            "invalid TOML: arrays or inline tables nested more than 64 levels deep", "team.toml:1:325"),
    # message templates
    Hostile("template {goal.__class__}", team(rule(message="{goal.__class__}")),
            "unknown placeholder '{goal.__class__}'", "team.toml:9:12", exact=False),
    Hostile("template {0}", team(rule(message="{0}")), "unknown placeholder '{0}'", "team.toml:9:12", exact=False),
    Hostile("template {metric:>99999999}", team(rule(message="x {metric:>99999999}")),
            "unknown placeholder '{metric:>99999999}'", "team.toml:9:14", exact=False),
    # the folder and the file itself
    Hostile("override of an unknown code", team(rule() + '[[override]]\ncode = "X999"\nlevel = "info"\n'),
            "unknown rule code in override 'X999'", "team.toml:26:1", exact=False),
    Hostile("invalid UTF-8", team(rule().encode("utf-8") + b'# \xff\xfe\n'), "rule file is not valid UTF-8 (byte 0xff); save it as UTF-8",
            "team.toml:26:1"),
    Hostile("a folder named rules.toml/", _directory,
            "not a rule file: a folder, a device, a broken link or a link loop is named *.toml", "rules.toml:1:1"),
    Hostile("symlink loop", _symlink_loop,
            "not a rule file: a folder, a device, a broken link or a link loop is named *.toml", "a.toml:1:1"),
    # patterns: the language has none, so a regex is a syntax error, found at once
    Hostile("catastrophic regex with 'matches'", team(rule('goal.text matches \\"(a+)+$\\"')),
            "unexpected 'matches'", "team.toml:5:19"),
    Hostile("catastrophic regex with =~", team(rule('goal.text =~ \\"^(a|aa)+$\\"')),
            "unexpected character '='", "team.toml:5:19"),
    Hostile("re.match()", team(rule('re.match(\\"(a*)*b\\", goal.text) == 1')),
            "unknown function 're.match'", "team.toml:5:9"),
    Hostile("200,000 spaces in a TOML line (once cubic backtracking)",
            team(rule(extra="x = [\n[" + " " * 200_000 + "1, 2]]\n")), "unknown rule key 'x'", "team.toml:8:1",
            exact=False),
    # includes: the format has none
    Hostile("include = \"other.toml\"", team('include = "other.toml"\n' + rule()),
            "unknown top-level key 'include'", "team.toml:1:1"),
    Hostile("include inside a rule", team(rule(extra='include = "team.toml"\n')),
            "unknown rule key 'include'", "team.toml:8:1", exact=False),
]


def refuse(folder: Path, case: Hostile) -> tuple[str, float]:
    """(the error with the folder path removed, seconds to refuse it)"""
    case.files(folder)
    start = time.process_time()
    with pytest.raises(RuleFileError) as info:
        RuleSet([folder], builtin=False)
    elapsed = time.process_time() - start
    return str(info.value).replace(f"{folder}/", ""), elapsed


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "rules"
    path.mkdir()
    return path


def test_there_are_at_least_15_cases():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_rule_file_is_refused_quickly(folder, case):
    error, elapsed = refuse(folder, case)
    where, _, message = error.partition(": ")
    assert where == case.where or (not case.exact and where.startswith(case.where)), error
    assert message == case.message if case.exact else message.startswith(case.message), error
    assert elapsed < BOUND, f"{case.name}: {elapsed:.3f} s"
    assert not (folder.parent / PWNED).exists() and not Path(PWNED).exists()


def test_a_valid_file_loads_so_the_cases_test_what_they_say(folder):
    (folder / "team.toml").write_text(rule(), encoding="utf-8")
    assert [r.code for r in RuleSet([folder], builtin=False)] == ["X101"]


def test_refusals_are_the_same_from_the_cache(folder):
    """A hostile file is never cached as loaded: a second load refuses it the same way."""
    for case in CASES[:5]:
        for f in folder.iterdir():
            f.unlink()
        first = refuse(folder, case)[0]
        assert refuse(folder, case)[0] == first


if __name__ == "__main__":   # the table for the closing note: python tests/test_hostile_rules.py
    import tempfile
    print("| case | outcome | time |\n|---|---|---|")
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            os.environ["SMMRULES_CACHE_DIR"] = os.path.join(tmp, "cache")
            folder = Path(tmp) / "rules"
            folder.mkdir()
            case.files(folder)
            start = time.process_time()
            try:
                RuleSet([folder], builtin=False)
                outcome = "LOADED"
            except RuleFileError as exc:
                outcome = "RuleFileError `" + str(exc).replace(f"{folder}/", "")[:110] + "`"
            print(f"| {case.name} | {outcome} | {(time.process_time() - start) * 1000:.1f} ms |")
