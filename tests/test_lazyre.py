"""LazyPattern compiles on first use and then answers as the compiled pattern; one_of matches
exactly the characters a class of them would."""
from __future__ import annotations

import re

import pytest

from smmrules.linting import config

from smmrules.documents import goals as document

from smmrules.language import normalize

from smmrules.rules import rulefile as rules
from smmrules.base.lazyre import LazyPattern, one_of
from smmrules.reporters import base


def test_compiles_on_first_use_only():
    p = LazyPattern(r"(\d+)-(\d+)", re.ASCII)
    assert p._compiled is None
    assert p.fullmatch("12-34").groups() == ("12", "34")
    first = p._compiled
    assert first is not None and first.flags & re.ASCII
    assert p.sub(r"\2-\1", "1-2 and 3-4") == "2-1 and 4-3"
    assert p._compiled is first          # compiled once
    assert [m.group(0) for m in p.finditer("5-6 7-8")] == ["5-6", "7-8"]
    assert p.pattern == r"(\d+)-(\d+)"


def test_the_module_patterns_behave_like_their_sources():
    cases = [
        (config.CODE_RE, "fullmatch", "T101", True), (config.CODE_RE, "fullmatch", "T1", False),
        (config.PREFIX_RE, "fullmatch", "T1", True), (rules.NAME_RE, "match", "smart.specific", True),
        (rules.NAME_RE, "match", "Smart", False), (normalize._ISO_DURATION, "fullmatch", "P6M", True),
        (document._SUPPRESS_RE, "search", "# SMMRULES: ignore[T102]", True),
        (base._UNPRINTABLE, "search", "tab\tonly", False), (base._UNPRINTABLE, "search", "bell\x07", True),
    ]
    for pattern, method, text, expected in cases:
        assert isinstance(pattern, LazyPattern)
        compiled = re.compile(pattern.pattern, pattern.flags)
        got = getattr(pattern, method)(text)
        assert (got is not None) is expected, (pattern, text)
        assert (getattr(compiled, method)(text) is not None) is expected


@pytest.mark.parametrize("chars, extra", [("xх×", ""), (" \u00a0\u202f\u2009", ""), ("'’ʼ-", ""),
                                          ("\u200b\u2069\u00ad", r"\s"), ("абв", ""), ("-]^\\", "")])
def test_one_of_matches_exactly_its_characters(chars, extra):
    pattern = re.compile(one_of(chars, extra) + r"\Z")
    reference = re.compile("[" + extra + "".join(re.escape(c) for c in chars) + r"]\Z")
    for code in [*range(0, 0x3000), *(ord(c) for c in chars)]:
        c = chr(code)
        assert (pattern.match(c) is not None) == (reference.match(c) is not None), hex(code)


# ---------------------------------------------------------------- compile_cached
from hypothesis import given, settings, strategies as st  # noqa: E402

from smmrules.base import cache  # noqa: E402
from smmrules.base.regexcache import _program, compile_cached  # noqa: E402
from smmrules.language import tokenizer  # noqa: E402

_SAMPLE = r"""
    (?P<date>\d{4}-\d\d)      # a comment, as in the tokenizer's verbose pattern
  | (?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)
  | (?P<num>\d+(?:[.,]\d+)?)(?P<pct>%)?
  | (?P<other>.)
"""


def _same(a: re.Pattern, b: re.Pattern, texts) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for text in texts:
        assert [(m.lastgroup, m.span()) for m in a.finditer(text)] == [(m.lastgroup, m.span()) for m in b.finditer(text)]


def test_the_cached_program_is_the_one_re_compiles(tmp_path, monkeypatch):
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    cache.forget()
    try:
        first = compile_cached(_SAMPLE, re.VERBOSE)        # built and stored
        assert [p.name for p in (tmp_path / "cache").glob("regex-*")] != []
        cache.forget()
        second = compile_cached(_SAMPLE, re.VERBOSE)       # read back
        texts = ["grow sales 20% by 2026-06", "е-комерція 3,5 %!", "", "x" * 50]
        _same(first, re.compile(_SAMPLE, re.VERBOSE), texts)
        _same(second, re.compile(_SAMPLE, re.VERBOSE), texts)
    finally:
        cache.forget()


def test_a_program_python_refuses_is_made_again(tmp_path, monkeypatch):
    import _sre
    import sys
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    cache.forget()
    try:
        digest = cache.key("regex", _SAMPLE, str(re.VERBOSE), sys.version, str(_sre.MAGIC), str(_sre.CODESIZE))
        flags, code, groups, groupindex, indexgroup = _program(_SAMPLE, re.VERBOSE)
        cache.store("regex", digest, (flags, [99] * len(code), groups, groupindex, indexgroup))
        pattern = compile_cached(_SAMPLE, re.VERBOSE)
        assert pattern.fullmatch("2026-06").lastgroup == "date"
        assert cache.load("regex", digest)[1] == code     # the refused entry was replaced
    finally:
        cache.forget()


def test_without_a_cache_it_is_re_compile(monkeypatch):
    with cache.off():
        pattern = compile_cached(_SAMPLE, re.VERBOSE)
    _same(pattern, re.compile(_SAMPLE, re.VERBOSE), ["sales 20%"])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZя1%-.,/ _#@Q2\u00a0"), max_size=40))
def test_the_tokenizer_pattern_matches_as_re_compiles_it(text):
    cached = tokenizer._TOKEN_RE.compiled
    plain = re.compile(cached.pattern, re.VERBOSE)
    _same(cached, plain, [text])


# --- the patterns of the last runs, put into re's cache before anything compiles them -------------------

WARM_PATTERNS = [(r"(?P<n>\d+)\s*(?:%|процент\w*)", re.IGNORECASE), (r"^[ \t]*\[", 0), (rb"\x00+|\r\n", 0),
                 (r"[^\W\d_]+(?:['’ʼ][^\W\d_]+)*", 0)]


@pytest.fixture
def fresh_process(tmp_path, monkeypatch):
    """re's cache and regexcache's memory as a new process has them, with a cache directory of its own."""
    from smmrules.base import regexcache
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_warmed", set())
    monkeypatch.setattr(regexcache, "_refused", set())
    monkeypatch.setattr(regexcache, "_tried", [])
    cache.forget()
    re.purge()
    yield regexcache
    re.purge()
    cache.forget()


def _new_process(regexcache):
    re.purge()
    regexcache._warmed.clear()
    regexcache._tried.clear()
    cache.forget()


def test_patterns_compiled_in_one_run_are_served_to_the_next(fresh_process):
    regexcache = fresh_process
    assert regexcache.warm() == 0                              # nothing stored yet
    compiled = [re.compile(p, f) for p, f in WARM_PATTERNS]
    assert regexcache.remember() >= len(WARM_PATTERNS)
    assert regexcache.remember() == 0                          # nothing new since
    _new_process(regexcache)
    assert regexcache.warm() >= len(WARM_PATTERNS)
    for (source, flags), before in zip(WARM_PATTERNS, compiled):
        served = re._cache[type(source), source, flags]
        assert re.compile(source, flags) is served              # re.compile finds it: no compiling
        assert served == before and served.groupindex == before.groupindex and served.flags == before.flags
    text = "Рост 20 процентов, 35%\r\n\x00"
    assert re.compile(WARM_PATTERNS[0][0], re.I).findall(text) == ["20", "35"]


def test_the_set_is_capped_and_keeps_the_latest_run_s_patterns(fresh_process, monkeypatch):
    regexcache = fresh_process
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 3)
    for n in range(5):
        re.compile(f"first{n}")
    regexcache.remember()
    _new_process(regexcache)
    re.compile("second")
    regexcache.remember()
    stored = cache.load("regexset", regexcache._set_key())
    assert len(stored) == 3 and stored[0][0] == "second"


def test_a_stored_program_python_refuses_is_compiled_and_replaced(fresh_process):
    regexcache = fresh_process
    source = WARM_PATTERNS[1][0]
    cache.store("regexset", regexcache._set_key(), [(source, 0, (32, [0, 1, 2], 0, {}, (None,)))])
    assert regexcache.warm() == 0
    assert re.compile(source).match("  [x") is not None        # compiled as usual
    assert regexcache.remember() >= 1
    ((stored_source, flags, program),) = [e for e in cache.load("regexset", regexcache._set_key()) if e[0] == source]
    assert (flags, program[1]) == (0, _program(source, 0)[1])


def test_a_run_with_no_cache_neither_reads_nor_adds_patterns(tmp_path, monkeypatch, capsys):
    from smmrules.cli import main
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.goals").write_text("goal: increase sales by 20% by 2030-06\n", encoding="utf-8")
    cache.forget()
    re.purge()
    try:
        main(["lint", "--no-cache", "a.goals"])
        assert not list((tmp_path / "cache").glob("regexset-*"))
        main(["lint", "a.goals"])
        assert len(list((tmp_path / "cache").glob("regexset-*"))) == 1
    finally:
        capsys.readouterr()
        cache.forget()
