"""Tell English, Russian and Ukrainian apart, tolerating English brand names in ru/uk text."""
from __future__ import annotations

import re

from ..base.lazyre import one_of
from .lexicon import LexiconSet, normalize_word

_WORD = re.compile(r"[^\W\d_]+(?:" + one_of("'’ʼ") + r"[^\W\d_]+)*")


_CYRILLIC: list = []        # [the letters of the Cyrillic block, U+0400-U+04FF], made on first use


def _is_cyrillic(word: str) -> bool:
    # an English word is told at once; a Cyrillic one by a set look-up of its letters
    if word.isascii():
        return False
    if not _CYRILLIC:
        _CYRILLIC.append(frozenset(map(chr, range(0x400, 0x500))))
    return not _CYRILLIC[0].isdisjoint(word)


def detect_lang(text: str, lexicons: LexiconSet) -> str:
    if text.isascii():      # no Cyrillic word, told at once (spelling a word never makes it Cyrillic)
        return "en"
    words = [normalize_word(w) for w in _WORD.findall(text)]
    cyr = [w for w in words if _is_cyrillic(w)]
    if not cyr:
        return "en"
    # English metric names are written as they are in Russian and Ukrainian KPI lists ("Cost per lead:
    # <400 руб", «Прописати tone of voice бренду»): only the words that build an English sentence (verbs,
    # prepositions, the words between the slots) speak for English, not the names of metrics
    en = lexicons["en"]
    latin = [w for w in words if not _is_cyrillic(w) and len(w) > 1 and w in en.words
             and w not in lexicons["ru"].words and any(r.terminal != "METRIC" for r in en.readings([w], 0))]
    if len(latin) > len(cyr):
        return "en"
    raw = text.lower()
    letters = lexicons.numbers["letters"]     # the letters only one of the two writes (common.toml)
    uk_marks = sum(raw.count(ch) for ch in letters["uk"])
    ru_marks = sum(raw.count(ch) for ch in letters["ru"])
    if uk_marks != ru_marks:
        return "uk" if uk_marks > ru_marks else "ru"
    # no telling letters: vote with the words each lexicon knows
    ru_votes = uk_votes = 0
    for w in cyr:
        in_ru = _known(w, lexicons, "ru")
        in_uk = _known(w, lexicons, "uk")
        if in_ru and not in_uk:
            ru_votes += 1
        elif in_uk and not in_ru:
            uk_votes += 1
    if uk_votes == ru_votes:
        # still even: the verb endings, the longer one telling («розробити»: Ukrainian -ити against
        # the Russian -ти; «развить»: Russian -ить, which Ukrainian infinitives never end in)
        for w in cyr:
            ru_end, uk_end = _ending(w, lexicons, "ru"), _ending(w, lexicons, "uk")
            ru_votes += ru_end > uk_end
            uk_votes += uk_end > ru_end
    return "uk" if uk_votes > ru_votes else "ru"


def _ending(word: str, lexicons: LexiconSet, lang: str) -> int:
    """The length of the longest verb ending of the language that `word` has (0: none)."""
    return max((-r.rank[2] for r in lexicons[lang].readings([word], 0) if r.value == "unknown"), default=0)


def _known(word: str, lexicons: LexiconSet, lang: str) -> bool:
    # a verb's ending alone ("unknown" verbs: «-ать», «-ити») is no sign of the language, nor is a slip of a word
    # of it («мамы» is no Ukrainian word for being one letter from one)
    lex = lexicons[lang]
    return any(r.value != "unknown" for r in lex.readings([word], 0)) and not lex.slip(word)
