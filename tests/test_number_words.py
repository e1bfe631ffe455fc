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


# -- numbers written out in words, read back (smmrules.language.tagger._compound_numbers) ----------------
# Independent writers of a number in words, as people write them in statements.
from hypothesis import given, settings, strategies as st  # noqa: E402

from smmrules import parse_goal  # noqa: E402

_EN_ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _en_below_1000(n: int, hyphen: bool, and_: bool) -> list[str]:
    out = []
    if n >= 100:
        out += [_EN_ONES[n // 100], "hundred"]
        n %= 100
        if n and and_:
            out.append("and")
    if n >= 20:
        tens, ones = _EN_TENS[n // 10], _EN_ONES[n % 10]
        out += [f"{tens}-{ones}"] if ones and hyphen else [tens] + ([ones] if ones else [])
    elif n:
        out.append(_EN_ONES[n])
    return out


def en_words(n: int, hyphen: bool, and_: bool) -> str:
    thousands, rest = divmod(n, 1000)
    words = (_en_below_1000(thousands, hyphen, and_) + ["thousand"]) if thousands else []
    return " ".join(words + _en_below_1000(rest, hyphen, and_))


_SLAVIC = {
    "ru": {"ones_m": ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
           "ones_f": ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
           "teens": ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
                     "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"],
           "tens": ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
                    "восемьдесят", "девяносто"],
           "hundreds": ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот",
                        "восемьсот", "девятьсот"],
           "thousand": ("тысяча", "тысячи", "тысяч")},
    "uk": {"ones_m": ["", "один", "два", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
           "ones_f": ["", "одна", "дві", "три", "чотири", "п'ять", "шість", "сім", "вісім", "дев'ять"],
           "teens": ["десять", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять", "п'ятнадцять",
                     "шістнадцять", "сімнадцять", "вісімнадцять", "дев'ятнадцять"],
           "tens": ["", "", "двадцять", "тридцять", "сорок", "п'ятдесят", "шістдесят", "сімдесят",
                    "вісімдесят", "дев'яносто"],
           "hundreds": ["", "сто", "двісті", "триста", "чотириста", "п'ятсот", "шістсот", "сімсот",
                        "вісімсот", "дев'ятсот"],
           "thousand": ("тисяча", "тисячі", "тисяч")},
}


def _slavic_below_1000(lang: str, n: int, feminine: bool) -> list[str]:
    w = _SLAVIC[lang]
    out = [w["hundreds"][n // 100]] if n >= 100 else []
    n %= 100
    if 10 <= n < 20:
        out.append(w["teens"][n - 10])
    else:
        if n >= 20:
            out.append(w["tens"][n // 10])
        if n % 10:
            out.append(w["ones_f" if feminine else "ones_m"][n % 10])
    return out


def slavic_words(lang: str, n: int) -> str:
    thousands, rest = divmod(n, 1000)
    words = []
    if thousands:
        one, few, many = _SLAVIC[lang]["thousand"]
        last2, last = thousands % 100, thousands % 10
        form = many if 11 <= last2 <= 14 else one if last == 1 else few if 2 <= last <= 4 else many
        # «тысяча» alone, «две тысячи», «двадцать одна тысяча»
        words = ([] if thousands == 1 else _slavic_below_1000(lang, thousands, True)) + [form]
    return " ".join(words + _slavic_below_1000(lang, rest, False))


_IN_WORDS = {"en": "get {} followers by June", "ru": "набрать {} подписчиков к июню",
             "uk": "набрати {} підписників до червня"}


@settings(max_examples=150, deadline=None)
@given(lang=st.sampled_from(("en", "ru", "uk")), n=st.integers(2, 999_999), hyphen=st.booleans(), and_=st.booleans())
def test_a_number_written_in_words_is_read_whole(lang, n, hyphen, and_):
    words = en_words(n, hyphen, and_) if lang == "en" else slavic_words(lang, n)
    g = parse_goal(_IN_WORDS[lang].format(words), lang=lang)
    assert g.target is not None and g.target.value == n, words
    assert g.metric.name == "followers"


@pytest.mark.parametrize("lang, n, words", [
    ("en", 250, "two hundred and fifty"), ("en", 25_000, "twenty-five thousand"),
    ("ru", 2_500, "две тысячи пятьсот"), ("ru", 21_000, "двадцать одна тысяча"),
    ("uk", 125, "сто двадцять п'ять"), ("uk", 42_000, "сорок дві тисячі")])
def test_the_number_writers_write_what_people_write(lang, n, words):
    assert (en_words(n, True, True) if lang == "en" else slavic_words(lang, n)) == words


_RANGE_STATEMENTS = {"en": ("grow followers from {a} to {b}{s}", ("k", "K", " thousand")),
                     "ru": ("увеличить подписчиков с {a} до {b}{s}", (" тыс.", " тысяч", "к")),
                     "uk": ("збільшити підписників з {a} до {b}{s}", (" тис.", " тисяч", "к"))}


@settings(max_examples=80, deadline=None)
@given(lang=st.sampled_from(("en", "ru", "uk")), a=st.integers(1, 98), gap=st.integers(1, 50), data=st.data())
def test_a_range_start_takes_the_scale_of_its_end(lang, a, gap, data):
    """"from 3 to 10 thousand", «с 3 до 10 тысяч»: the start is in thousands too."""
    template, scales = _RANGE_STATEMENTS[lang]
    scale = data.draw(st.sampled_from(scales), label="scale")
    b = a + gap
    g = parse_goal(template.format(a=a, b=b, s=scale), lang=lang)
    assert (g.baseline.value, g.target.value) == (a * 1000, b * 1000)


@pytest.mark.parametrize("text, start, end", [
    ("grow followers from 800 to 2k", 800, 2000),               # the start written in full
    ("grow followers from 3,000 to 10,000", 3000, 10000),
    ("увеличить выручку с 1 до 2 млн руб.", 1_000_000, 2_000_000)])
def test_a_range_start_written_in_full_keeps_its_value(text, start, end):
    g = parse_goal(text)
    assert (g.baseline.value, g.target.value) == (start, end)
