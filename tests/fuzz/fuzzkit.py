"""Seeds, mutations and checks shared by the fuzz tests (the fuzz suite's strategies module).

The seeds are real inputs: the statements of tests/test_parse_*.py and of the rule examples,
the briefs in examples/ and the documents in docs/ and the rule files. The strategies mutate
them (characters, tokens, lines, splices between seeds), inject hostile Unicode and huge
numbers, or build structurally valid rule files and configs around fuzzed values.
"""
from __future__ import annotations

import ast
import contextlib
import functools
import math
import os
import re
import signal
import threading
import tomllib
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st

from smmrules.linting.config import ConfigError
from smmrules.base.errors import DataFileError, GoalSyntaxError, RuleFileError, SmmrulesError
from smmrules.metrics import MetricError
from smmrules.rules.fields import SCOPE_TABLE

ROOT = Path(__file__).resolve().parents[2]
LANGS = ("en", "ru", "uk")
LEVELS = ("error", "warning", "info")

# The documented exceptions: nothing else may escape the public entry points.
ALLOWED = (GoalSyntaxError, RuleFileError, ConfigError, DataFileError, MetricError)
assert all(issubclass(e, SmmrulesError) for e in ALLOWED)


# -- profiles ------------------------------------------------------------------------------------
# conftest.py registers the profiles and sets PROFILE before the test modules are imported.
PROFILE = "fuzz-ci" if os.environ.get("CI") else "fuzz-dev"


# An example that uses more CPU time than this is a failure (a hang, found and shrunk like any other),
# not a campaign that never ends: examples take milliseconds; a hang in the tokenizer once stopped a
# long campaign for two hours without a word. CPU time, not the clock: on a machine busy with other
# work a quick example can wait for the processor for tens of seconds, and that is not a hang.
EXAMPLE_SECONDS = 30


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise AssertionError in the main thread if the block uses more than `seconds` of CPU time (POSIX)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(*_):
        raise AssertionError(f"the example used more than {seconds} s of CPU time: a hang or super-linear work")
    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def fuzz(weight: float = 1.0, **overrides):
    """A decorator for one fuzz test (put it above @given): the chosen fuzz profile with `weight` times
    its example count, and a time limit on each example (EXAMPLE_SECONDS).

    An explicit parent keeps the fuzz suite independent of the profile other modules load.
    """
    parent = settings.get_profile(PROFILE)
    chosen = settings(parent, max_examples=max(1, round(parent.max_examples * weight)), **overrides)

    def apply(test):
        test = chosen(test)
        inner = test.hypothesis.inner_test

        @functools.wraps(inner)
        def timed(*args, **kwargs):
            with time_limit(EXAMPLE_SECONDS):
                return inner(*args, **kwargs)
        test.hypothesis.inner_test = timed
        return test
    return apply


# -- seeds ---------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def statements() -> tuple[tuple[str, str], ...]:
    """(lang, statement) from the parse tables and the rule examples."""
    out: dict[str, str] = {}
    for path in sorted((ROOT / "tests").glob("test_parse_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "row" and len(node.args) > 1
                    and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args[:2])):
                out.setdefault(node.args[0].value, node.args[1].value)
    for path in sorted((ROOT / "rules").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for rule in data.get("rule", []):
            for text in rule.get("bad", []) + rule.get("good", []):
                out.setdefault(text, rule.get("lang") or _guess_lang(text))
            for case in rule.get("case", []):
                if isinstance(case.get("text"), str):
                    out.setdefault(case["text"], case.get("lang") or _guess_lang(case["text"]))
    return tuple((lang, text) for text, lang in out.items())


def _guess_lang(text: str) -> str:
    if re.search("[іїєґІЇЄҐ]", text):
        return "uk"
    return "ru" if re.search("[а-яА-Я]", text) else "en"


@functools.lru_cache(maxsize=None)
def documents() -> tuple[str, ...]:
    """The example briefs, the documents of docs/documents.md and the rule files' document cases."""
    docs = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.goals"))]
    docs += re.findall(r"```text\n(.*?)```", (ROOT / "docs" / "documents.md").read_text(encoding="utf-8"), re.S)
    for path in sorted((ROOT / "rules").glob("*.toml")):
        for rule in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", []):
            docs += [c["document"] for c in rule.get("case", []) if isinstance(c.get("document"), str)]
    return tuple(dict.fromkeys(docs))


@functools.lru_cache(maxsize=None)
def rule_file_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in sorted((ROOT / "rules").glob("*.toml"))
                 if p.name != "catalogue.toml")


@functools.lru_cache(maxsize=None)
def builtin_rules() -> tuple[tuple[str, str, dict], ...]:
    """(when, scope, options) of every built-in rule."""
    out = []
    for path in sorted((ROOT / "rules").glob("*.toml")):
        out += [(r["when"], r.get("scope", "goal"), r.get("options", {}))
                for r in tomllib.loads(path.read_text(encoding="utf-8")).get("rule", [])]
    return tuple(out)


def conditions() -> tuple[str, ...]:
    """Every `when` of the built-in rules."""
    return tuple(w for w, _, _ in builtin_rules())


@functools.lru_cache(maxsize=None)
def words() -> tuple[str, ...]:
    """Every word of the seed statements and documents: the vocabulary of token mutations."""
    found = set()
    for _, text in statements():
        found.update(text.split())
    for doc in documents():
        found.update(doc.split())
    return tuple(sorted(found))


# -- hostile characters and numbers --------------------------------------------------------------
RTL = ("\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
       "\u2069", "\u061c")
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e")
CONTROL = tuple(chr(c) for c in (*range(0x00, 0x20), 0x7f, *range(0x80, 0xa0)))
SPACES = ("\u00a0", "\u202f", "\u2009", "\u2007", "\u3000", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c", "\r")
LOOKALIKES = ("\u0430", "\u0435", "\u043e", "\u0440", "\u0441", "\u0445", "\u0456", "\uff10", "\u0663", "\u09e6",
              "\u00b2", "\u2155", "\u216b", "\u2013", "\u2014", "\u2212", "\uff05", "\u066a", "\ufe6a", "\u2044")
SPECIAL = RTL + ZERO_WIDTH + CONTROL + SPACES + LOOKALIKES + ("\ufffd", "\U0010ffff", "\ue000", "\U0001f600")

combining = st.characters(min_codepoint=0x300, max_codepoint=0x36f)
any_char = st.characters(exclude_categories=("Cs",))
hostile_char = st.one_of(st.sampled_from(SPECIAL), combining, any_char)
hostile_text = st.text(hostile_char, max_size=80)

_digits = st.integers(1, 9).map(str)


@st.composite
def huge_numbers(draw) -> str:
    """Numbers no goal has: hundreds of digits, 1e400 forms, long runs of separators."""
    n = draw(st.integers(16, 400))
    kind = draw(st.integers(0, 9))
    d = draw(_digits)
    if kind == 0:
        return d + "9" * n
    if kind == 1:
        return f"{d}{draw(st.sampled_from('eE'))}{draw(st.sampled_from(('', '+', '-')))}{draw(st.integers(300, 99999))}"
    if kind == 2:
        return d + draw(st.sampled_from((",", ".", " ", "\u00a0", "\u202f", "-", "/", "%", "'", "_"))) * n + "000"
    if kind == 3:
        return draw(st.sampled_from((",", " ", "\u00a0", "."))).join(["999"] * (n // 3 + 2))
    if kind == 4:
        return "0." + "0" * n + d
    if kind == 5:
        return d + "." * n
    if kind == 6:
        return "-" * n + d
    if kind == 7:
        return f"10^{n}" if draw(st.booleans()) else f"10**{n}"
    if kind == 8:
        return draw(st.sampled_from(("\u0663", "\uff11", "\u00b2", "\u2155"))) * n
    return d * n + draw(st.sampled_from(("%", "k", "M", " млн", " тыс.", " тис.", "x", " pp", "$", " USD")))


tokens = st.one_of(st.sampled_from(words()) if words() else st.nothing(), huge_numbers(),
                   st.sampled_from(SPECIAL), st.text(any_char, min_size=1, max_size=8))


# -- mutations -----------------------------------------------------------------------------------
_TOKEN = re.compile(r"\S+")


def _mutate_once(draw, text: str, donors) -> str:
    op = draw(st.sampled_from(("insert", "delete", "duplicate", "swap-chars", "replace", "insert-token",
                               "delete-token", "duplicate-token", "swap-tokens", "number", "splice",
                               "truncate", "case")))
    i = draw(st.integers(0, len(text)))
    if op == "insert":
        return text[:i] + draw(st.text(hostile_char, min_size=1, max_size=4)) + text[i:]
    if op == "delete":
        j = draw(st.integers(i, min(len(text), i + 8)))
        return text[:i] + text[j:]
    if op == "duplicate":
        j = draw(st.integers(i, min(len(text), i + 40)))
        return text[:j] + text[i:j] * draw(st.integers(1, 50)) + text[j:]
    if op == "swap-chars":
        return text[:i] + text[i + 1:i + 2] + text[i:i + 1] + text[i + 2:] if i + 1 < len(text) else text
    if op == "replace":
        return text[:i] + draw(hostile_char) + text[i + 1:]
    if op == "case":
        return text.upper() if draw(st.booleans()) else text.lower()
    if op == "truncate":
        return text[:i]
    spans = [m.span() for m in _TOKEN.finditer(text)]
    if op == "insert-token" or not spans:
        return text[:i] + " " + draw(tokens) + " " + text[i:]
    a, b = draw(st.sampled_from(spans)), draw(st.sampled_from(spans))
    if op == "delete-token":
        return text[:a[0]] + text[a[1]:]
    if op == "duplicate-token":
        return text[:a[1]] + (" " + text[a[0]:a[1]]) * draw(st.integers(1, 20)) + text[a[1]:]
    if op == "swap-tokens":
        (a, b) = sorted((a, b))
        if a == b or a[1] > b[0]:
            return text
        return text[:a[0]] + text[b[0]:b[1]] + text[a[1]:b[0]] + text[a[0]:a[1]] + text[b[1]:]
    if op == "number":
        nums = [m.span() for m in re.finditer(r"\d+", text)]
        (s, e) = draw(st.sampled_from(nums)) if nums else (i, i)
        return text[:s] + draw(huge_numbers()) + text[e:]
    # splice: this text's head with another seed's tail
    other = draw(st.sampled_from(donors))
    return text[:i] + other[draw(st.integers(0, len(other))):]


@st.composite
def mutated(draw, seeds, max_ops: int = 6) -> str:
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, max_ops))):
        text = _mutate_once(draw, text, seeds)
    return text


def seed_statements(lang: str | None = None) -> tuple[str, ...]:
    return tuple(t for lg, t in statements() if lang is None or lg == lang)


# -- documents -----------------------------------------------------------------------------------
@functools.lru_cache(maxsize=None)
def _doc_words() -> dict:
    data = tomllib.loads((ROOT / "grammar" / "document.toml").read_text(encoding="utf-8"))
    def flat(table):
        return [w for lang in LANGS for w in table.get(lang, [])]
    return {
        "goal": flat(data["keywords"]["goal"]), "task": flat(data["keywords"]["task"]),
        "category": [w for t in data["categories"].values() for w in flat(t)],
        "key": [w for spec in data["header"].values() for w in flat(spec["words"])],
        "value": flat(data["values"]["yes"]) + flat(data["values"]["no"])
        + [w for t in data["values"]["role"].values() for w in flat(t)]
        + ["2026-01-15", "15.01.2026", "2026-13-45", "1500 USD/month", "2 months", "полгода", "0", "en", "ru", "uk",
           "followers 3200; monthly sales 410; err 7%", "подписчики 3200; ERR 7%", "заявки 120;;;", ";"],
    }


@st.composite
def doc_lines(draw) -> str:
    """One line of any kind the document format has, with fuzzed parts."""
    w = _doc_words()
    kind = draw(st.integers(0, 8))
    indent = draw(st.sampled_from(("", "", "  ", "\t", " \u00a0")))
    if kind == 0:
        value = draw(st.sampled_from(w["value"]) | hostile_text | huge_numbers())
        return f"{indent}{draw(st.sampled_from(w['key']))}: {value}"
    if kind in (1, 2):
        cat = " " + draw(st.sampled_from(w["category"])) if draw(st.booleans()) else ""
        stmt = draw(st.sampled_from(seed_statements()) | mutated(seed_statements(), 3))
        return f"{indent}{draw(st.sampled_from(w['goal']))}{cat}: {stmt}"
    if kind == 3:
        return f"{indent}{draw(st.sampled_from(w['task']))}: {draw(st.sampled_from(words()) | hostile_text)}"
    if kind == 4:
        codes = draw(st.lists(st.sampled_from(("T101", "T1", "D605", "X999", "", "t1", "E", "ALL", "*", "[", "]")),
                              max_size=4))
        word = draw(st.sampled_from(("ignore", "ignore-file", "IGNORE", "ignore-files", "noqa")))
        listed = f"[{', '.join(codes)}]" if draw(st.booleans()) else ""
        prefix = draw(st.sampled_from(("# ", "goal: get more followers   # ", "client: Acme # ")))
        return f"{indent}{prefix}smmrules: {word}{listed}"
    if kind == 5:
        return indent + "#" + draw(hostile_text)
    if kind == 6:
        return indent + draw(hostile_text)
    if kind == 7:
        return ""
    return indent + draw(st.sampled_from(words())) + ":" + draw(hostile_text)


def _line_op(draw, lines: list[str], donors) -> list[str]:
    op = draw(st.sampled_from(("delete", "duplicate", "swap", "splice", "insert", "mutate", "move")))
    i = draw(st.integers(0, max(0, len(lines) - 1)))
    if not lines:
        return [draw(doc_lines())]
    if op == "delete":
        return lines[:i] + lines[i + 1:]
    if op == "duplicate":
        return lines[:i + 1] + [lines[i]] * draw(st.integers(1, 20)) + lines[i + 1:]
    if op == "swap":
        j = draw(st.integers(0, len(lines) - 1))
        lines = list(lines)
        lines[i], lines[j] = lines[j], lines[i]
        return lines
    if op == "move":
        j = draw(st.integers(0, len(lines) - 1))
        rest = lines[:i] + lines[i + 1:]
        return rest[:j] + [lines[i]] + rest[j:]
    if op == "splice":
        other = draw(st.sampled_from(donors)).split("\n")
        a = draw(st.integers(0, len(other)))
        b = draw(st.integers(a, min(len(other), a + 15)))
        return lines[:i] + other[a:b] + lines[i:]
    if op == "insert":
        return lines[:i] + [draw(doc_lines())] + lines[i:]
    return lines[:i] + [_mutate_once(draw, lines[i], donors)] + lines[i + 1:]


@st.composite
def mutated_documents(draw, max_ops: int = 8) -> str:
    donors = documents()
    lines = draw(st.sampled_from(donors)).split("\n")
    for _ in range(draw(st.integers(1, max_ops))):
        lines = _line_op(draw, lines, donors)
    text = "\n".join(lines)
    ending = draw(st.sampled_from(("lf", "lf", "crlf", "cr", "bom", "none")))
    if ending == "crlf":
        text = text.replace("\n", "\r\n")
    elif ending == "cr":
        text = text.replace("\n", "\r")
    elif ending == "bom":
        text = "\ufeff" + text
    elif ending == "none":
        text = text.rstrip("\n")
    return text


generated_documents = st.lists(doc_lines(), max_size=25).map("\n".join)


# -- TOML ----------------------------------------------------------------------------------------
def toml_str(s: str) -> str:
    """A TOML basic string holding `s` exactly."""
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7f:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return repr(v)
    if isinstance(v, str):
        return toml_str(v)
    if isinstance(v, (list, tuple)):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{ " + ", ".join(f"{toml_str(str(k))} = {toml_value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


toml_scalars = st.one_of(
    st.booleans(), st.integers(), st.integers(-10**40, 10**40),
    st.sampled_from((0.0, -0.0, 1e300, -1e300, 1e-300, 1e12, 1e12 + 1, float("nan"), float("inf"), float("-inf"))),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(hostile_char, max_size=30), st.sampled_from(("T101", "T1", "X999", "error", "warning", "info", "en",
                                                         "*.goals", "docs/**", ".", "..", "/", "", " ")),
)
toml_values = st.recursive(toml_scalars, lambda inner: st.lists(inner, max_size=5)
                           | st.dictionaries(st.text(any_char, max_size=10), inner, max_size=4), max_leaves=12)


# -- rule conditions ------------------------------------------------------------------------------
GOAL_FIELDS = ("goal.text", "goal.lang", "goal.category", "goal.direction", "goal.metric", "goal.period",
               "goal.channel", "goal.vague", "goal.cues", "goal.secondary", "goal.target", "goal.deadline",
               "goal.target.value", "goal.target.kind", "goal.target.unit", "goal.deadline.date",
               "goal.deadline.months", "goal.monthly_growth", "goal.baseline.value", "doc.role", "doc.paid_ads",
               "doc.history_months", "doc.start", "doc.budget", "ctx.today", "opt.limit", "opt.word")
HOSTILE_NAMES = ("goal.__class__", "goal.__class__.__mro__", "goal.text.upper", "goal._private", "__import__",
                 "goal.__globals__", "self", "os.system", "__builtins__", "opt.__dict__", "doc.__class__",
                 "goal.target.__subclasses__", "sys.modules", "gоal.vague", "goal.vague_")
FUNCTION_NAMES = ("count", "max", "min", "abs", "months_between", "doc.baseline", "eval", "exec", "open",
                  "getattr", "__import__", "print", "goal.text.upper", "len")
ENUM_STRINGS = ('"sales"', '"leads"', '"increase"', '"%"', '"instagram"', '"social-only"', '"guarantee"',
                '"salez"', '""', '"' + "a" * 250 + '"', '"{goal.__class__}"', '"\\""')


def _atoms():
    number = st.one_of(st.integers(-10**6, 10**6).map(str), st.sampled_from(
        ("0", "1.5", "999999999999", "1000000000000", "1000000000001", "1e400", "1e-400", "10 ** 10 ** 10",
         "9" * 16, "9" * 400, "0.0000001", "1.", ".5", "0x10", "1_000", "inf", "nan", "NaN")))
    string = st.one_of(st.sampled_from(ENUM_STRINGS), st.text(hostile_char, max_size=12).map(lambda s: f'"{s}"'))
    return st.one_of(st.sampled_from(GOAL_FIELDS), st.sampled_from(HOSTILE_NAMES), number, string,
                     st.sampled_from(("true", "false", "missing", "[]", '["sales", "leads"]', "[1, 2, 3]")))


def _combine(inner):
    binop = st.sampled_from((" and ", " or ", " == ", " != ", " < ", " <= ", " > ", " >= ", " + ", " - ", " * ",
                             " / ", " in ", " not in ", " ** ", " % ", " // ", " =~ ", " matches ", ".", ", "))
    return st.one_of(
        st.tuples(inner, binop, inner).map("".join),
        inner.map(lambda e: f"not {e}"),
        inner.map(lambda e: f"({e})"),
        inner.map(lambda e: f"-{e}"),
        inner.map(lambda e: f"{e} is missing"),
        inner.map(lambda e: f"{e} is not missing"),
        st.tuples(st.sampled_from(FUNCTION_NAMES), st.lists(inner, max_size=3)).map(
            lambda t: f"{t[0]}({', '.join(t[1])})"),
        st.lists(inner, max_size=4).map(lambda xs: "[" + ", ".join(xs) + "]"),
    )


condition_exprs = st.recursive(_atoms(), _combine, max_leaves=25)


@st.composite
def deep_conditions(draw) -> str:
    """Deep nesting and huge sizes: parentheses, brackets, not, unary minus, long chains, long strings."""
    n = draw(st.integers(1, 12_000) | st.integers(30, 45))     # far past the limits, and just at them
    core = draw(st.sampled_from(("goal.vague", "goal.target.value > 1", "1", "goal.text")))
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return "(" * n + core + ")" * n
    if kind == 1:
        return "not " * n + core
    if kind == 2:
        return "-" * n + "1 > 0"
    if kind == 3:
        return " and ".join([core] * n)
    if kind == 4:
        return " + ".join(["1"] * n) + " > 0"
    if kind == 5:
        return "count(" * n + "goal.cues" + ")" * n + " > 0"
    if kind == 6:
        return "goal.category in " + "[" * n + '"sales"' + "]" * n
    if kind == 7:
        return f'goal.text == "{"a" * n}"'
    if kind == 8:
        return "max(" + ", ".join(["1"] * n) + ") > 0"
    return "(" * n + core + ")" * draw(st.integers(0, n))


# Well-typed conditions over the goal scope: they load, so the rules they make run on goals.
_NUM_FIELDS = ("goal.target.value", "goal.target.low", "goal.target.high", "goal.target.hours", "goal.target.level",
               "goal.baseline.value", "goal.deadline.months", "goal.monthly_growth", "doc.history_months",
               "doc.budget", "opt.limit", "count(goal.secondary)", "count(goal.cues)", "count(goal.method_numbers)",
               "months_between(doc.start, goal.deadline.date)", "months_between(ctx.today, goal.deadline.date)",
               'doc.baseline("followers")', "doc.baseline(goal.metric)", "abs(goal.target.value)")
_ENUMS = {"goal.category": ("sales", "leads", "awareness", "other"), "goal.direction": ("increase", "decrease", "reach"),
          "goal.target.kind": ("relative", "absolute", "range", "rank", "multiple"), "goal.lang": ("en", "ru", "uk"),
          "goal.deadline.kind": ("date", "duration", "quarter", "period-end"), "doc.role": ("social-only", "communication"),
          "goal.period": ("day", "month", "year")}
_STR_FIELDS = ("goal.metric", "goal.channel", "goal.target.unit", "goal.text", "goal.metric_text", "goal.per",
               "goal.deadline.duration", "goal.baseline.unit", "opt.word")


@st.composite
def _num_exprs(draw, depth=0) -> str:
    if depth > 2 or draw(st.booleans()):
        return draw(st.one_of(st.sampled_from(_NUM_FIELDS), st.integers(-10**12, 10**12).map(str),
                              st.sampled_from(("0", "0.5", "100", "999999999999", "1000000000000", "0.000001")),
                              st.decimals(0, 10**6, places=6, allow_nan=False, allow_infinity=False).map(
                                  lambda d: f"{d:f}")))
    op = draw(st.sampled_from(("+", "-", "*", "/")))
    left, right = draw(_num_exprs(depth + 1)), draw(_num_exprs(depth + 1))
    expr = f"{left} {op} {right}"
    return draw(st.sampled_from((expr, f"({expr})", f"-({expr})", f"max({left}, {right})", f"min({left}, 1)")))


@st.composite
def _bool_atoms(draw) -> str:
    kind = draw(st.integers(0, 6))
    if kind == 0:
        return draw(st.sampled_from(("goal.vague", "goal.placeholder", "goal.abstract", "goal.activity",
                                     "doc.paid_ads", "doc.lead_processing", "true", "false")))
    if kind == 1:
        field = draw(st.sampled_from(_NUM_FIELDS + ("goal.target", "goal.deadline", "goal.baseline") + _STR_FIELDS))
        return f"{field} is {draw(st.sampled_from(('', 'not ')))}missing"
    if kind == 2:
        return f"{draw(_num_exprs())} {draw(st.sampled_from(('<', '<=', '>', '>=', '==', '!=')))} {draw(_num_exprs())}"
    if kind == 3:
        field = draw(st.sampled_from(sorted(_ENUMS)))
        values = draw(st.lists(st.sampled_from(_ENUMS[field]), min_size=1, max_size=3))
        if len(values) == 1:
            return f'{field} {draw(st.sampled_from(("==", "!=")))} "{values[0]}"'
        return f'{field} {draw(st.sampled_from(("in", "not in")))} [{", ".join(f"{chr(34)}{v}{chr(34)}" for v in values)}]'
    if kind == 4:
        word = draw(st.sampled_from(("guarantee", "promise", "sales", "viral")) | st.text("abcxyz", max_size=5))
        return f'"{word}" {draw(st.sampled_from(("in", "not in")))} goal.cues'
    if kind == 5:
        field = draw(st.sampled_from(_STR_FIELDS))
        other = draw(st.sampled_from(('"%"', '"instagram"', '""', "opt.word", "goal.metric", '"' + "я" * 200 + '"')))
        return f"{field} {draw(st.sampled_from(('==', '!=')))} {other}"
    return f"goal.deadline.date {draw(st.sampled_from(('<', '>=', '==')))} {draw(st.sampled_from(('ctx.today', 'doc.start')))}"


typed_conditions = st.recursive(
    _bool_atoms(),
    lambda inner: st.one_of(st.tuples(inner, st.sampled_from((" and ", " or ", "\n  and ", " or\n")), inner).map("".join),
                            inner.map(lambda e: f"not {e}"), inner.map(lambda e: f"({e})")),
    max_leaves=12)


def condition_strategy():
    return st.one_of(condition_exprs, deep_conditions(), mutated(conditions(), 4), st.sampled_from(conditions()),
                     hostile_text, typed_conditions, mutated(conditions(), 1))


# -- rule files -----------------------------------------------------------------------------------
PLACEHOLDERS = ("metric", "target", "value", "unit", "deadline", "months", "monthly_growth", "period", "channel",
                "category", "direction", "baseline", "role", "text", "opt_limit", "opt_word")
HOSTILE_PLACEHOLDERS = ("{goal.__class__}", "{0}", "{}", "{metric:>99999999}", "{metric!r}", "{metric[0]}",
                        "{opt_missing}", "{{", "}}", "{", "}", "{{metric}}", "{__import__}", "{metric.__class__}",
                        "{" * 50, "%s", "%(metric)s", "$metric", "{\u200bmetric}")


def scope_placeholders(scope) -> tuple:
    """The placeholders a rule of `scope` may use (the goal's for a scope that does not exist)."""
    kind = SCOPE_TABLE.get(scope) if isinstance(scope, str) else None
    return PLACEHOLDERS if kind is None else kind.placeholders + ("opt_limit", "opt_word")


@st.composite
def templates(draw, hostile: bool = True, names: tuple = PLACEHOLDERS) -> str:
    placeholders = st.sampled_from(names).map(lambda p: "{" + p + "}") | st.sampled_from(("{{", "}}"))
    text = st.text(hostile_char.filter(lambda c: c not in "{}"), max_size=10)
    parts = draw(st.lists(st.one_of(placeholders, st.sampled_from(HOSTILE_PLACEHOLDERS) if hostile else placeholders,
                                    text, st.sampled_from(("No deadline for ", "Нет срока.", "Немає терміну ", " "))),
                          min_size=1, max_size=8))
    return "".join(parts) or "m"


def _choice(valid, extra=()):
    return st.one_of(st.sampled_from(valid), st.sampled_from(extra) if extra else st.nothing(), toml_scalars)


@st.composite
def rule_tables(draw, code: str) -> str:
    """One [[rule]] with every key present (mostly valid) and fuzzed values."""
    valid = draw(st.integers(0, 4))     # 0: anything goes ... 3, 4: well-typed conditions, fuzzed texts
    def pick(good, bad_pool):
        return good if valid >= 2 or draw(st.booleans()) else draw(bad_pool)
    options = draw(st.one_of(st.just({"limit": 24, "word": "x"}),
                             st.dictionaries(st.sampled_from(("limit", "word", "x", "__class__", "")), toml_scalars,
                                             max_size=3))) if valid < 3 else {"limit": 24, "word": "x"}
    scope = pick("goal", _choice(("goal", "task", "header", "line", "suppression", "syntax")))
    when = draw(condition_strategy())
    if valid == 3:
        when = draw(typed_conditions)
    elif valid == 4:   # a built-in rule's condition with its scope and options, values fuzzed
        when, scope, builtin_options = draw(st.sampled_from(builtin_rules()))
        options = {**options, **{k: draw(st.sampled_from((v, v, 0, -1, 10**12, 0.5, 10**12 + 1, float("nan"), float("inf"))) if isinstance(v, (int, float))
                                      and not isinstance(v, bool) else st.just(v)) for k, v in builtin_options.items()}}
    lines = ["[[rule]]",
             f"code = {toml_value(pick(code, _choice(('X101', 'T1', 'x101', 'XXXX101'))))}",
             f"name = {toml_value(pick('team.fuzz-' + code.lower(), _choice(('Team.X', 'a', 'a..b'))))}",
             f"smart = {toml_value(pick('T', _choice(('S', 'M', 'A', 'R', 'T', 'none', 'Q'))))}",
             f"level = {toml_value(pick('warning', _choice(LEVELS, ('warn', 'ERROR'))))}",
             f"when = {toml_value(when)}",
             f"at = {toml_value(pick('goal', _choice(('goal', 'metric', 'target', 'deadline', 'baseline', 'key'))))}",
             f"scope = {toml_value(scope)}",
             f"options = {toml_value(options)}",
             f"bad = {toml_value(draw(st.lists(st.sampled_from(seed_statements()) | mutated(seed_statements(), 2), min_size=1, max_size=3)))}",
             f"good = {toml_value(draw(st.lists(st.sampled_from(seed_statements()) | hostile_text, min_size=1, max_size=3)))}"]
    if valid >= 2 and draw(st.booleans()):   # a case that loads: a statement or a document to run
        example = (st.fixed_dictionaries({"text": st.sampled_from(seed_statements()) | mutated(seed_statements(), 2)})
                   | st.fixed_dictionaries({"document": st.sampled_from(documents()) | mutated_documents(3)}))
        case = {"expect": draw(st.sampled_from(("bad", "good"))), **draw(example)}
        lines.append(f"case = [{toml_value(case)}]")
    elif draw(st.booleans()):
        case = draw(st.fixed_dictionaries({"expect": st.sampled_from(("bad", "good", "ugly"))},
                                          optional={"text": st.sampled_from(seed_statements()) | hostile_text,
                                                    "document": st.sampled_from(documents()) | mutated_documents(2),
                                                    "today": st.sampled_from(("2026-01-15", "2026-13-01", "x")),
                                                    "lang": st.sampled_from(LANGS + ("xx",)),
                                                    "doc": toml_values}))
        lines.append(f"case = [{toml_value(case)}]")
    if valid == 0:
        lines.append(f"{draw(st.sampled_from(('include', 'lvl', 'import', 'when')))} = {toml_value(draw(toml_values))}")
    for lang in LANGS:
        lines.append(f"[rule.{lang}]")
        lines.append(f"message = {toml_value(draw(templates(hostile=valid < 3, names=scope_placeholders(scope))))}")
        for key in ("summary", "what", "why", "fix"):
            lines.append(f"{key} = {toml_value(pick('text', st.text(hostile_char, max_size=8) | toml_scalars))}")
    return "\n".join(lines) + "\n"


@st.composite
def rule_files(draw) -> str:
    """A structurally valid rule file: one to three rules, maybe overrides and catalogue entries."""
    n = draw(st.integers(1, 3))
    parts = [draw(rule_tables(f"X{100 + i}")) for i in range(n)]
    if draw(st.booleans()):
        code = draw(st.sampled_from(("X100", "X101", "X999", "T101", "", "x100")))
        parts.append(f"[[override]]\ncode = {toml_str(code)}\nlevel = {toml_value(draw(_choice(LEVELS)))}\n"
                     f"enabled = {toml_value(draw(st.booleans() | toml_scalars))}\n"
                     f"options = {toml_value(draw(st.just({'limit': 12}) | toml_values))}\n")
    if draw(st.integers(0, 4)) == 0:
        parts.append(f"[[task]]\nid = {toml_value(draw(st.just('fuzz.task') | toml_scalars))}\n"
                     f"category = {toml_value(draw(st.sampled_from(('sales', 'leads', 'nope')) | toml_scalars))}\n"
                     f"roles = {toml_value(draw(st.just(['social-only']) | toml_values))}\n"
                     f"title = {toml_value(draw(st.just({'en': 'a', 'ru': 'б', 'uk': 'в'}) | toml_values))}\n")
    if draw(st.integers(0, 4)) == 0:
        parts.append(f"category = {toml_value(draw(toml_values))}\n")
    return "\n".join(parts)


def rule_file_contents():
    """Text for a rule file: structured, mutated built-in files, or TOML of any shape."""
    any_toml = st.dictionaries(st.sampled_from(("rule", "override", "task", "category", "include", "x")),
                               toml_values, max_size=3).map(
        lambda d: "\n".join(f"{toml_str(k)} = {toml_value(v)}" for k, v in d.items()))
    return st.one_of(rule_files(), rule_files(), mutated(rule_file_texts(), 4), any_toml, hostile_text)


# -- configs --------------------------------------------------------------------------------------
CONFIG_KEYS = ("select", "ignore", "fail-on", "lang", "rules", "include", "exclude", "per-file-ignores", "levels",
               "options", "max-file-size", "max-statement-length", "plugins", "extend-select", "tool",
               "max_file_size", "Select", "include ")
CONFIG_SEEDS = (
    'select = ["T1", "S"]\nignore = ["D605"]\nfail-on = "error"\nlang = "ru"\n',
    'include = ["*.goals", "briefs/**/*.txt"]\nexclude = ["drafts/"]\nmax-file-size = 100000\n'
    'max-statement-length = 500\n',
    '[per-file-ignores]\n"docs/**" = ["T1"]\n"*.goals" = ["D605", "L100"]\n',
    '[levels]\nT101 = "error"\n[options.A304]\nmax_monthly_growth = 30\n',
    '[project]\nname = "x"\n\n[tool.smmrules]\nselect = ["T1"]\nrules = ["."]\n[tool.smmrules.levels]\nT101 = "info"\n',
    '[tool.smmrules]\nplugins = ["team-rules"]\nexclude = [".git", "build"]\n[tool.ruff]\nline-length = 99\n',
)


@st.composite
def config_files(draw) -> str:
    """A config of keys from the real set (and near misses) with values of any shape."""
    table = draw(st.dictionaries(st.sampled_from(CONFIG_KEYS), st.one_of(
        toml_values,
        st.lists(st.sampled_from(("T1", "T101", "t1", "E", "X999", "ALL", "", "A304", "*.goals", "../..", "/",
                                  "a" * 300, "x" * 1001, "\x00", ".", "rules", "**/*", "[!a]", "[", "*" * 300))
                 | st.text(hostile_char, max_size=20), max_size=6),
        st.dictionaries(st.sampled_from(("T101", "A304", "X999", "t101", "docs/**", "*")), toml_values, max_size=3),
        st.integers(-10**30, 10**30), st.sampled_from((0, 1, 10**9, 10**9 + 1, 2**63, -1)),
    ), max_size=6))
    body = "\n".join(f"{toml_str(k)} = {toml_value(v)}" for k, v in table.items()) + "\n"
    if draw(st.booleans()):
        return body
    head = draw(st.sampled_from(("[tool.smmrules]\n", "[project]\nname = 'x'\n[tool.smmrules]\n", "[tool]\n",
                                 "[tool.smmrules.levels]\n", "")))
    return head + body


_CODES = st.sampled_from(("T1", "T101", "S", "D605", "D6", "E", "L100", "A304", "M2", "R"))
_GLOBS = st.sampled_from(("*.goals", "docs/**", "**/*.goals", "drafts/", "[!_]*.goals", "a?c", "*", "**")) | st.text(
    hostile_char.filter(lambda c: c not in "\x00"), min_size=1, max_size=12)
VALID_CONFIG_VALUES = {
    "select": st.lists(_CODES, max_size=4), "ignore": st.lists(_CODES, max_size=4),
    "fail-on": st.sampled_from(LEVELS), "lang": st.sampled_from(LANGS),
    "include": st.lists(_GLOBS, min_size=1, max_size=3), "exclude": st.lists(_GLOBS, max_size=3),
    "per-file-ignores": st.dictionaries(_GLOBS, st.lists(_CODES, max_size=3), max_size=3),
    "levels": st.dictionaries(st.sampled_from(("T101", "D605", "S101", "A304", "X999")), st.sampled_from(LEVELS),
                              max_size=3),
    "options": st.fixed_dictionaries({}, optional={
        "A304": st.fixed_dictionaries({"max_monthly_growth": st.integers(-10**12, 10**12) | st.floats(-1e12, 1e12)}),
        "T103": st.fixed_dictionaries({}, optional={"max_months": st.integers(0, 10**6), "max_mnths": st.just(1)})}),
    "max-file-size": st.integers(1, 10**9), "max-statement-length": st.integers(1, 10**6),
}


@st.composite
def valid_config_files(draw) -> str:
    """Configs whose keys and value shapes are right (values still fuzzed): most of them load."""
    keys = draw(st.lists(st.sampled_from(sorted(VALID_CONFIG_VALUES)), unique=True, max_size=6))
    body = "".join(f"{toml_str(k)} = {toml_value(draw(VALID_CONFIG_VALUES[k]))}\n" for k in keys)
    return draw(st.sampled_from(("", "[tool.smmrules]\n", "[project]\nname = 'x'\n\n[tool.smmrules]\n"))) + body


def config_contents():
    return st.one_of(config_files(), valid_config_files(), valid_config_files(), mutated(CONFIG_SEEDS, 5),
                     hostile_text, st.lists(doc_lines(), max_size=5).map("\n".join))


# -- checks ---------------------------------------------------------------------------------------
def physical_lines(text: str) -> list[str]:
    """The lines of a document as parse_document numbers them (BOM skipped; LF, CRLF and a lone CR
    each end a line)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    import re
    return re.split(r"\r\n|\r|\n", text)


def check_findings(findings, text: str, path: str | None, known_codes, *, builtin: bool = True) -> None:
    """Findings point at lines and columns that exist, are sorted, and come from known rules.

    A built-in rule always says something; a user's message may be all placeholders, empty here.
    """
    lines = physical_lines(text)
    assert findings == sorted(findings)
    for f in findings:
        where = f"{f.code} {f.line}:{f.column}-{f.end_line}:{f.end_column}"
        assert f.path == path, where
        assert f.code in known_codes, where
        assert f.level in LEVELS, where
        assert isinstance(f.message, str) and (f.message.strip() or not builtin), where
        assert 1 <= f.line <= len(lines), (where, len(lines))
        assert f.line <= f.end_line <= len(lines), (where, len(lines))
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1, (where, lines[f.line - 1])
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 1, (where, lines[f.end_line - 1])
        assert (f.line, f.column) <= (f.end_line, f.end_column), where


def check_rule_file_error(exc: RuleFileError, path: Path, text: str | None) -> None:
    """`path:line:column: message`, at a place that exists in the file."""
    shown = str(exc)
    m = re.match(r"(.*):(\d+):(\d+): (.+)", shown, re.S)
    assert m, shown
    assert m.group(1) in (str(path), str(path.parent)), shown
    line, column = int(m.group(2)), int(m.group(3))
    assert line >= 1 and column >= 1, shown
    assert m.group(4).strip(), shown
    if text is not None and m.group(1) == str(path):
        assert line <= text.count("\n") + 1, (shown, text.count("\n"))


def check_config_error(exc: ConfigError, path: Path, text: str | None) -> None:
    """`path:line: message`, at a line that exists in the file."""
    shown = str(exc)
    prefix = f"{path}:"
    assert shown.startswith(prefix), shown
    m = re.match(r"(\d+): (.+)", shown[len(prefix):], re.S)
    assert m, shown
    assert int(m.group(1)) >= 1, shown
    if text is not None:
        assert int(m.group(1)) <= text.count("\n") + 1, (shown, text.count("\n"))
