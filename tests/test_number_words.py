"""The words written onto a figure are data: grammar/lexicon/common.toml [numbers] for statements,
grammar/document.toml [values] scale for a document's header amounts."""
from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from smmrules.base.errors import DataFileError
from smmrules.base.resources import grammar_dir
from smmrules.documents.goals import parse_document
from smmrules.language.lexicon import LexiconSet, _numbers, default_lexicons
from smmrules.language.tokenizer import tokenize

with open(grammar_dir() / "lexicon" / "common.toml", "rb") as _fh:
    NUMBERS = tomllib.load(_fh)["numbers"]
with open(grammar_dir() / "document.toml", "rb") as _fh:
    HEADER_SCALES = tomllib.load(_fh)["values"]["scale"]


def test_the_lexicons_carry_the_number_words_of_common_toml():
    numbers = default_lexicons().numbers
    assert numbers["scale"] == NUMBERS["scale"]
    assert numbers["ordinal"] == tuple(NUMBERS["ordinal"])
    assert LexiconSet().numbers == numbers            # built from the files, not only from the cache


@pytest.mark.parametrize("suffix", sorted(NUMBERS["scale"]))
def test_each_scale_suffix_multiplies_the_figure(suffix):
    [tok] = tokenize(f"3{suffix}")
    assert (tok.kind, tok.value) == ("number", Decimal(3) * NUMBERS["scale"][suffix])


def test_known_scales_and_ordinals():
    assert [(t.kind, t.value) for t in tokenize("120k 1,5млн 2bn 5тыс")] == [
        ("number", Decimal(120000)), ("number", Decimal("1.5E+6")), ("number", Decimal(2 * 10**9)),
        ("number", Decimal(5000))]
    assert [(t.kind, t.value) for t in tokenize("2nd 2-го 3-й")] == [
        ("ordinal", Decimal(2)), ("ordinal", Decimal(2)), ("ordinal", Decimal(3))]
    # a lower-case "m" is no suffix; a one-letter thousand before "video" is a resolution
    assert [t.kind for t in tokenize("5m")] == ["number", "word"]
    assert [(t.kind, t.text) for t in tokenize("4K video")] == [("word", "4K"), ("word", "video")]


@pytest.mark.parametrize("word", sorted(HEADER_SCALES))
def test_each_header_scale_word_multiplies_the_amount(word):
    doc = parse_document(f"budget: 2 {word}. USD/month\n")
    assert doc.header_value("budget") == 2 * HEADER_SCALES[word]


def test_header_amounts_take_only_their_own_scale_words():
    # "M" and «млрд» scale a statement's figures but not a header amount
    assert parse_document("budget: 3M USD\n").header_value("budget") == 3.0
    assert parse_document("budget: 4 млрд грн\n").header_value("budget") == 4.0


@pytest.mark.parametrize("table, message", [
    ({"ordinal": "st"}, "ordinal"), ({"ordinal": [""]}, "ordinal"),
    ({"scale": {"k": 0}}, "positive"), ({"scale": {"k": 1.5}}, "positive"), ({"scale": {"k": True}}, "positive"),
])
def test_malformed_number_words_are_a_data_error(table, message):
    with pytest.raises(DataFileError, match=message):
        _numbers(table)
