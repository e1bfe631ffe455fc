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
from smmrules.base.lazyre import _program, compile_cached  # noqa: E402
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
