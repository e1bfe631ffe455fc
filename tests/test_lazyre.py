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
