"""Morphology by lemma (grammar/morphology, smmrules/language/morphology.py).

- Every ru/uk lemma pattern of every lexicon file (lexicon/*.toml, metrics.toml, cues.toml) against a
  real analyser, pymorphy3 with its Russian and Ukrainian dictionaries: every form we generate is a form
  of that lemma in the dictionary, and every dictionary form of the lemma is generated. Where the
  dictionary and SMM usage disagree, SMM usage wins and SMM_USAGE below says so, with the reason.
- English: -s, -ed, -ing with their spelling rules, irregular verbs, plurals and possessives.
- What must not match: words that only share a beginning with a lexicon word.
- Properties of the generator: deterministic, each form reads back as its lemma, unrelated lemmas
  share no form.
"""
from __future__ import annotations

import functools
import re
import shutil
import tomllib

import pymorphy3
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymorphy3.units import DictionaryAnalyzer
from strategies import slavic_lemmas

from smmrules.base import cache
from smmrules.language import lexicon as lexicon_module
from smmrules.base.errors import DataFileError
from smmrules.language.lexicon import LexiconSet, _compile, default_lexicons, normalize_word
from smmrules.language.morphology import Morphology, morphology, split_lemma
from smmrules.base.resources import grammar_dir

GRAMMAR = grammar_dir()


# --- the lemma patterns of the lexicon files --------------------------------------------------
def _words_of(patterns) -> list[str]:
    return [w for p in patterns for w in p.split() if "@" in w.lstrip("@")]


def lemma_patterns() -> list[tuple[str, str, str, tuple[str, ...], str]]:
    """(lang, lemma, pos, tags, where) for every lemma word of every lexicon file."""
    found = {}
    metrics = tomllib.loads((GRAMMAR / "metrics.toml").read_text(encoding="utf-8"))
    cues = tomllib.loads((GRAMMAR / "cues.toml").read_text(encoding="utf-8"))
    for lang in ("en", "ru", "uk"):
        terms = tomllib.loads((GRAMMAR / "lexicon" / f"{lang}.toml").read_text(encoding="utf-8"))["terms"]
        sources = [(f"lexicon/{lang}.toml [terms.{t}]", pats) for t, table in terms.items() for pats in table.values()]
        sources += [(f"metrics.toml [metric.{name}]", spec.get(lang, [])) for name, spec in metrics.get("metric", {}).items()]
        sources += [(f"cues.toml [{name}]", spec.get(lang, [])) for name, spec in cues.items() if isinstance(spec, dict)]
        for where, pats in sources:
            for word in _words_of(pats):
                lemma, pos, tags = split_lemma(normalize_word(word))
                found.setdefault((lang, lemma, pos, tags), where)
    return sorted((*k, v) for k, v in found.items())


LEMMAS = lemma_patterns()
SLAVIC = [x for x in LEMMAS if x[0] in ("ru", "uk")]


@functools.cache
def analyser(lang: str) -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang=lang)


def generated(lang: str, lemma: str, pos: str, tags=()) -> set[str]:
    return {normalize_word(f) for f in morphology(lang, str(GRAMMAR)).forms(lemma, pos, tuple(tags))}


# --- the dictionary side -----------------------------------------------------------------------
_POS = {"n": {"NOUN"}, "a": {"ADJF", "NPRO"}, "v": {"INFN", "VERB"}}   # (uk files some determiners as NPRO)


def dictionary_lexemes(lang: str, lemma: str, pos: str) -> list[list[tuple[str, str]]]:
    """The dictionary's lexemes (not guesses) whose normal form is `lemma`, as (form, tag) lists."""
    out, seen = [], set()
    for p in analyser(lang).parse(lemma):
        if not isinstance(p.methods_stack[0][0], DictionaryAnalyzer) or p.tag.POS not in _POS[pos]:
            continue
        if normalize_word(p.normal_form) != lemma:
            continue
        lexeme = [(normalize_word(x.word), str(x.tag)) for x in p.lexeme]
        key = frozenset(lexeme)
        if key not in seen:
            seen.add(key)
            out.append(lexeme)
    return out


def participle_lexemes(lang: str, lemma: str) -> list[list[tuple[str, str]]]:
    """A participle used as an adjective (брошенные корзины): the dictionary files it under its verb;
    its full forms of the same tense and voice are its declension."""
    out = []
    for p in analyser(lang).parse(lemma):
        if isinstance(p.methods_stack[0][0], DictionaryAnalyzer) and p.tag.POS == "PRTF" \
                and {"masc", "sing", "nomn"} <= p.tag.grammemes and normalize_word(p.word) == lemma:
            kind = {p.tag.tense, p.tag.voice}
            forms = [(normalize_word(x.word), str(x.tag)) for x in p.lexeme
                     if x.tag.POS == "PRTF" and {x.tag.tense, x.tag.voice} == kind]
            if forms not in out:
                out.append(forms)
    return out


def reference_lexemes(lang: str, lemma: str, pos: str, tags=()) -> list[list[tuple[str, str]]]:
    """What to compare a lemma with. A plural-only lemma (`@n.pl`: расходы) with the plural forms of
    its noun; a hyphenated compound the dictionary lacks (email-розсилка) with the forms of its last
    part, which alone inflects, behind the unchanged first part."""
    if pos == "n" and "pl" in tags:
        out = []
        for p in analyser(lang).parse(lemma):
            if isinstance(p.methods_stack[0][0], DictionaryAnalyzer) and p.tag.POS == "NOUN" \
                    and {"plur", "nomn"} <= p.tag.grammemes and normalize_word(p.word) == lemma:
                plural = [(normalize_word(x.word), str(x.tag)) for x in p.lexeme if "plur" in x.tag]
                if plural not in out:
                    out.append(plural)
        return out
    found = dictionary_lexemes(lang, lemma, pos)
    if not found and pos == "a":
        found = participle_lexemes(lang, lemma)
    if not found and "-" in lemma:
        head, _, last = lemma.rpartition("-")
        found = [[(f"{head}-{w}", t) for w, t in lexeme] for lexeme in reference_lexemes(lang, last, pos, tags)]
    return found


# Forms the dictionary lists that we do not generate, by rule: (lang, pos, why, test on form and tag).
DICTIONARY_ONLY = [
    ("ru", "a", "a superlative (новейший) is a word of its own in a goal", lambda w, t, lemma: "Supr" in t),
    ("ru", "a", "a short form or comparative is matched only where the lexeme is tagged short/comparative",
     lambda w, t, lemma: t.startswith(("ADJS", "COMP"))),
    ("ru", "v", "a perfective gerund in -я (сократя, расширя) is obsolete; the -в form is matched",
     lambda w, t, lemma: t.startswith("GRND") and "perf" in t and w.endswith(("я", "ясь"))),
    ("ru", "v", "the joint imperative in -те of an imperfective (попадаемте) is listed for a few verbs only",
     lambda w, t, lemma: "impf" in t and "impr" in t and "incl" in t),
    ("ru", "v", "the past passive participle of an imperfective outside the -овать class (мощенный) is listed "
                "for a few verbs only", lambda w, t, lemma: "impf" in t and "pssv" in t and "past" in t),
    ("uk", "a", "the uncontracted poetic forms (новая, новеє, новую, новії)",
     lambda w, t, lemma: w.endswith(("ая", "яя", "еє", "єє", "ую", "юю", "ії"))),
    ("uk", "n", "the archaic genitive in -ости (вартости)",
     lambda w, t, lemma: lemma.endswith("ість") and w.endswith("ости")),
    ("uk", "v", "the contracted third person (зроста, приносе) of colloquial speech",
     lambda w, t, lemma: "3per" in t and ("pres" in t or "futr" in t) and (w.endswith(("а", "я")) or w.endswith("е") and lemma.endswith("ити"))),
    ("uk", "v", "the impersonal -но/-то of an imperfective (збільшувано) is listed for some verbs only; "
                "that of a perfective (збільшено) is matched", lambda w, t, lemma: "Impe" in t and "impf" in t),
]

# Forms we generate that the dictionary does not list, by rule.
GENERATED_ONLY = [
    ("ru", "a", "the feminine instrumental in -ою/-ею is regular (новою); the dictionary lacks it for a few "
                "adjectives (второю)", lambda w, lemma: w.endswith(("ою", "ею"))),
]

# Where the dictionary and SMM usage disagree, SMM usage wins; and a few dictionary quirks.
#   like:    declined as this dictionary word (the forms of `like` with its stem replaced);
#   forms:   exactly these forms;
#   alias:   the dictionary files the lemma under another one;
#   missing: dictionary forms (a regular expression) we deliberately leave out.
SMM_USAGE = {
    ("uk", "лід", "n"): ("лід is a lead (ліда, лідів); the dictionary's лід is ice (льоду)", "like", "пост"),
    ("ru", "лям", "n"): ("лям is slang for a million (10 лямов); not in the dictionary", "like", "шрам"),
    ("ru", "постить", "v"): ("to post (SMM slang: постить сторис); not in the dictionary", "like", "мостить"),
    ("ru", "ближайший", "a"): ("the nearest (в ближайший месяц): the dictionary has it only as the "
                               "superlative of близкий", "like", "общий"),
    ("ru", "гривня", "n"): ("the hryvnia as Russian speakers in Ukraine write it; the dictionary has only гривна",
                            "forms", {"гривня", "гривни", "гривне", "гривню", "гривней", "гривнею", "гривень",
                                      "гривням", "гривнями", "гривнях"}),
    ("ru", "достичь", "v"): ("one verb with two infinitives: the dictionary files достичь under достигнуть",
                             "alias", "достигнуть"),
    ("ru", "дочитывание", "n"): ("a read to the end (50 тыс. дочитываний): the dictionary has no plural", "like",
                                 "прослушивание"),
    ("uk", "дочитування", "n"): ("a read to the end (40% дочитувань): the dictionary has no plural", "like",
                                 "прослуховування"),
    ("ru", "челлендж", "n"): ("a challenge (челленджи, челленджей): the dictionary has no plural", "like", "имидж"),
    ("ru", "шер", "n"): ("a share (шеры, шеров); not in the dictionary", "like", "шрам"),
    ("uk", "рейт", "n"): ("a rate (опен рейт, опен рейту); not in the dictionary", "like", "репост"),
    ("uk", "шер", "n"): ("a share (шери, шерів); the dictionary has no plural", "like", "репост"),
    ("uk", "гів", "n"): ("a giveaway (гіви, гівів); not in the dictionary", "like", "запит"),
    ("uk", "колаб", "n"): ("a collaboration (колаби, колабів); not in the dictionary", "like", "запит"),
    ("uk", "лонгрід", "n"): ("a long read (лонгріди): the dictionary has no plural", "like", "запит"),
    ("uk", "лендинг", "n"): ("a landing page (лендинги): the dictionary has no plural", "like", "маркетинг"),
    ("ru", "гив", "n"): ("a giveaway (гивы, гивов); not in the dictionary", "like", "шрам"),
    ("ru", "гивэвей", "n"): ("a giveaway (гивэвеи, гивэвеев); not in the dictionary", "like", "трамвай"),
    ("ru", "блогер", "n"): ("the dictionary puts the spelling блоггер in the same lexeme; each spelling is a "
                            "lemma of its own", "missing", "блогг.*"),
    ("ru", "микроблогер", "n"): ("as блогер: the dictionary puts the spelling микроблоггер in the same lexeme",
                                "missing", "микроблогг.*"),
    ("ru", "наноблогер", "n"): ("as блогер: the dictionary puts the spelling наноблоггер in the same lexeme",
                               "missing", "наноблогг.*"),
    ("ru", "блоггер", "n"): ("the double-г spelling of блогер, which the dictionary has only inside блогер's lexeme",
                             "forms", {"блоггер", "блоггера", "блоггеру", "блоггером", "блоггере", "блоггеры",
                                       "блоггеров", "блоггерам", "блоггерами", "блоггерах"}),
    ("ru", "масштабировать", "v"): ("a verb of both aspects, read by its imperfective paradigm: the perfective gerund and "
                                    "the inclusive imperative are not how a goal is written", "missing",
                                    "масштабировав|масштабируемте"),
    ("uk", "стаття", "n"): ("the dictionary also lists the nonstandard статтей, статтів", "missing", "статтей|статтів"),
    ("ru", "год", "n"): ("гг is the abbreviation and лета the bookish plural (в лета): neither counts years "
                         "in a goal", "missing", r"гг|лета.*"),
}


def _allowed(rules, lang, pos, *args) -> bool:
    return any(rl == lang and rp == pos and test(*args) for rl, rp, _, test in rules)


def _transplant(lang: str, model: str, lemma: str, pos: str) -> set[str]:
    """The dictionary forms of `model` with its stem replaced by the matching part of `lemma`."""
    lexeme = max(dictionary_lexemes(lang, model, pos), key=len)
    words = [w for w, t in lexeme if not _allowed(DICTIONARY_ONLY, lang, pos, w, t, model)]
    stem = model
    while not all(w.startswith(stem) for w in words):
        stem = stem[:-1]
    new_stem = lemma[: len(lemma) - (len(model) - len(stem))]
    return {new_stem + w[len(stem):] for w in words}


def check_against_dictionary(lang, lemma, pos, tags) -> list[str]:
    """What is wrong with our forms of a lemma, compared with the dictionary (empty: nothing)."""
    ours = generated(lang, lemma, pos, tags)
    usage = SMM_USAGE.get((lang, lemma, pos))
    if usage and usage[1] in ("like", "forms"):
        expected = _transplant(lang, usage[2], lemma, pos) if usage[1] == "like" else set(usage[2])
        return [f"{lemma}: {sorted(ours - expected)} generated, {sorted(expected - ours)} missing ({usage[0]})"] \
            if ours != expected else []
    source = usage[2] if usage and usage[1] == "alias" else lemma
    lexemes = reference_lexemes(lang, source, pos, tags)
    if not lexemes:
        return [f"{lemma}@{pos}: not in the {lang} dictionary (add it to SMM_USAGE with the reason)"]
    known = {w for lexeme in lexemes for w, _ in lexeme}
    extra = sorted(w for w in ours - known if not _allowed(GENERATED_ONLY, lang, pos, w, lemma))
    problems = [f"{lemma}@{pos}: {extra} are not forms of it in the dictionary"] if extra else []
    missing_ok = re.compile(usage[2]) if usage and usage[1] == "missing" else None
    gaps = []
    for lexeme in lexemes:
        gap = sorted({w for w, t in lexeme if w not in ours and not _allowed(DICTIONARY_ONLY, lang, pos, w, t, lemma)
                      and not (missing_ok and missing_ok.fullmatch(w))})
        if not gap:
            return problems
        gaps.append(gap)
    return problems + [f"{lemma}@{pos}: dictionary forms {min(gaps, key=len)} are not generated"]


def test_the_lexicons_use_lemma_patterns_in_every_language():
    langs = {lang for lang, *_ in LEMMAS}
    assert langs == {"en", "ru", "uk"}
    assert len(SLAVIC) > 250
    # verbs in both aspects, units and LABEL words
    assert {("ru", "увеличить", "v"), ("ru", "увеличивать", "v"), ("uk", "збільшити", "v"),
            ("uk", "збільшувати", "v"), ("ru", "месяц", "n"), ("uk", "тиждень", "n"), ("ru", "цель", "n"),
            ("uk", "ціль", "n"), ("en", "increase", "v")} <= {(lang, lemma, pos) for lang, lemma, pos, *_ in LEMMAS}


@pytest.mark.parametrize("lang, lemma, pos, tags, where", SLAVIC,
                         ids=[f"{x[0]}-{x[1]}@{x[2]}" for x in SLAVIC])
def test_forms_are_the_dictionary_forms(lang, lemma, pos, tags, where):
    assert check_against_dictionary(lang, lemma, pos, tags) == [], where


FEMININE = [(lang, masculine, feminine) for lang in ("ru", "uk")
            for masculine, feminine in tomllib.loads((GRAMMAR / "morphology" / f"{lang}.toml").read_text(
                encoding="utf-8"))["noun"]["feminine"].items()]


@pytest.mark.parametrize("lang, masculine, feminine", FEMININE, ids=[f"{x[0]}-{x[2]}" for x in FEMININE])
def test_a_feminine_counterpart_is_a_feminine_noun_read_with_its_masculine(lang, masculine, feminine):
    # the counterpart's forms are the dictionary's, it is a feminine noun there, and a pattern of the
    # masculine lemma uses it (the table names no word the lexicons do not)
    assert check_against_dictionary(lang, feminine, "n", ()) == []
    assert any(p.tag.POS == "NOUN" and "femn" in p.tag for p in analyser(lang).parse(feminine)
               if p.normal_form == feminine)
    assert any((lg, lemma, pos) == (lang, masculine, "n") for lg, lemma, pos, *_ in LEMMAS)
    table = morphology(lang, str(GRAMMAR))
    assert table.person_forms(masculine, "n") == table.forms(masculine, "n") | table.forms(feminine, "n")
    assert feminine not in table.forms(masculine, "n")


def test_a_noun_with_no_feminine_reads_its_own_forms_only():
    table = morphology("ru", str(GRAMMAR))
    assert table.person_forms("заказ", "n") == table.forms("заказ", "n")
    assert table.person_forms("подписчик", "n") - table.forms("подписчик", "n") == table.forms("подписчица", "n")

# --- numbers in words -----------------------------------------------------------------------------
# forms of a numeral the lexicons leave out, and why: another word's form, not the number
NOT_NUMBERS = {
    ("ru", "семью"): "the accusative of семья (a family): «привлечь семью» counts no seven",
    ("uk", "сьома"): "the feminine ordinal «сьома» (the seventh), as in «сьома година»",
    ("uk", "оден"): "a dialect form of один",
    ("uk", "одно"): "the Russian neuter; Ukrainian writes одне",
    ("uk", "одні"): "the plural of один says some or only («одні з найкращих»), never the number one",
    ("uk", "одних"): "as одні",
    ("uk", "одними"): "as одні",
}
# the collective numerals of people counted («пятеро блогеров», «п'ятьох мікроблогерів»)
COLLECTIVES = {"ru": {2: "двое", 3: "трое", 4: "четверо", 5: "пятеро", 6: "шестеро", 7: "семеро", 8: "восьмеро",
                      9: "девятеро", 10: "десятеро"},
               "uk": {2: "двоє", 3: "троє", 4: "четверо", 5: "п'ятеро", 6: "шестеро", 7: "семеро", 8: "восьмеро",
                      9: "дев'ятеро", 10: "десятеро"}}


def _numerals(lang: str) -> list[tuple[str, str, list[str]]]:
    table = tomllib.loads((GRAMMAR / "lexicon" / f"{lang}.toml").read_text(encoding="utf-8"))["terms"]["NUMWORD"]
    return [(lang, key, words) for key, words in table.items() if key.isdigit()]


NUMERALS = _numerals("ru") + _numerals("uk")


@pytest.mark.parametrize("lang, key, words", NUMERALS, ids=[f"{x[0]}-{x[1]}" for x in NUMERALS])
def test_every_case_of_a_number_in_words_is_read(lang, key, words):
    """Every dictionary form of the cardinal (and, for 2-10, the collective) numeral of each number the
    lexicons write in words is one of its words: «пятью», «п'ятьох», «двумястами», «пятерых»."""
    lemmas = [words[0]] + ([COLLECTIVES[lang][int(key)]] if int(key) in COLLECTIVES[lang] else [])
    expected = set()
    for lemma in lemmas:
        parses = [p for p in analyser(lang).parse(lemma) if p.normal_form == lemma and "NUMR" in str(p.tag)]
        expected |= {f.word for f in parses[0].lexeme} if parses else {lemma}
    missing = {w for w in expected - set(words) if (lang, w) not in NOT_NUMBERS}
    assert not missing, f"{lang} {key}: {sorted(missing)}"
    assert not {w for w in words if (lang, w) in NOT_NUMBERS}


def test_the_numbers_left_out_are_forms_the_dictionary_has():
    """Each exception of NOT_NUMBERS is a form the dictionary gives a numeral the lexicons list."""
    for (lang, word), _why in NOT_NUMBERS.items():
        assert any(p.tag.POS == "NUMR" for p in analyser(lang).parse(word)), (lang, word)


@pytest.mark.parametrize("key", sorted(SMM_USAGE), ids=[f"{k[0]}-{k[1]}" for k in sorted(SMM_USAGE)])
def test_smm_usage_exceptions_hold_and_are_needed(key):
    """Each exception is checked even when no lexicon uses the word yet, and each is needed:
    without it, the dictionary comparison would fail (so the table cannot hide a working word)."""
    lang, lemma, pos = key
    assert check_against_dictionary(lang, lemma, pos, ()) == []
    saved = SMM_USAGE.pop(key)
    try:
        assert check_against_dictionary(lang, lemma, pos, ()) != []
    finally:
        SMM_USAGE[key] = saved


@pytest.mark.parametrize("lang, lemma, pos, forms", [
    # nouns: cases and numbers, fleeting vowels, alternations, spelling after hushing consonants
    ("ru", "клиент", "n", {"клиент", "клиента", "клиенту", "клиентом", "клиенте", "клиенты", "клиентов",
                           "клиентам", "клиентами", "клиентах"}),
    ("ru", "рынок", "n", {"рынок", "рынка", "рынку", "рынком", "рынке", "рынки", "рынков", "рынкам", "рынками",
                          "рынках"}),
    ("ru", "заявка", "n", {"заявка", "заявки", "заявке", "заявку", "заявкой", "заявкою", "заявок", "заявкам",
                           "заявками", "заявках"}),
    ("ru", "прибыль", "n", {"прибыль", "прибыли", "прибылью", "прибылей", "прибылям", "прибылями", "прибылях"}),
    ("uk", "дохід", "n", {"дохід", "доходу", "доходові", "доходом", "доході", "доходе", "доходи", "доходів",
                          "доходам", "доходами", "доходах"}),
    ("uk", "вартість", "n", {"вартість", "вартості", "вартістю", "вартосте", "вартостей", "вартостям",
                             "вартостями", "вартостях"}),
    ("uk", "лід", "n", {"лід", "ліда", "лідові", "ліду", "лідом", "ліді", "ліде", "ліди", "лідів", "лідам",
                        "лідами", "лідах"}),
])
def test_noun_paradigms(lang, lemma, pos, forms):
    assert generated(lang, lemma, pos) == forms


@pytest.mark.parametrize("lang, lemma, some", [
    ("ru", "привлечь", {"привлечь", "привлеку", "привлечешь", "привлекут", "привлек", "привлекла", "привлеки",
                        "привлекши", "привлекший", "привлеченных", "привлечены"}),
    ("ru", "вырасти", {"вырасту", "вырастет", "вырос", "выросли", "выросший", "выросшими"}),
    ("ru", "расти", {"расту", "растет", "рос", "росла", "растущий", "растущих", "растя"}),
    ("ru", "набрать", {"наберу", "наберешь", "набрал", "набери", "набрав", "набранный", "набранных"}),
    ("ru", "достичь", {"достигну", "достигнет", "достиг", "достигли", "достигнутый", "достигнув"}),
    ("ru", "увеличивать", {"увеличиваю", "увеличивает", "увеличивая", "увеличивающий", "увеличиваемых",
                           "увеличивал", "увеличивай"}),
    ("ru", "сократить", {"сокращу", "сократит", "сократи", "сокращенный", "сокращена", "сократив"}),
    ("ru", "подписаться", {"подпишусь", "подпишется", "подписался", "подписалась", "подпишись",
                           "подписавшись", "подписавшийся"}),
    ("uk", "збільшити", {"збільшу", "збільшить", "збільшать", "збільшив", "збільшила", "збільш", "збільште",
                         "збільшено"}),
    ("uk", "збільшувати", {"збільшую", "збільшує", "збільшуватиму", "збільшуватимуть", "збільшував", "збільшуй"}),
    ("uk", "залучити", {"залучу", "залучить", "залучать", "залучив", "залучи", "залучіть", "залучено"}),
    ("uk", "досягти", {"досягну", "досягне", "досягнуть", "досяг", "досягла"}),
    ("uk", "заробити", {"зароблю", "заробить", "зароблять", "заробив", "зароблено"}),
])
def test_verb_forms_and_irregular_stems(lang, lemma, some):
    forms = generated(lang, lemma, "v")
    assert some <= forms, sorted(some - forms)


def test_a_reflexive_uk_verb_takes_ться_in_the_third_person():
    forms = generated("uk", "підписатися", "v")
    assert {"підпишеться", "підпишуться", "підписався", "підписалась", "підписатись"} <= forms
    assert not {"підпишесь", "підписав"} & forms


# --- English -----------------------------------------------------------------------------------
@pytest.mark.parametrize("lemma, forms", [
    ("increase", {"increase", "increases", "increased", "increasing"}),
    ("reach", {"reach", "reaches", "reached", "reaching"}),
    ("drop", {"drop", "drops", "dropped", "dropping"}),
    ("optimize", {"optimize", "optimizes", "optimized", "optimizing"}),
    ("apply", {"apply", "applies", "applied", "applying"}),
    ("develop", {"develop", "develops", "developed", "developing"}),
    ("commit", {"commit", "commits", "committed", "committing"}),
    ("grow", {"grow", "grows", "grew", "grown", "growing"}),
    ("get", {"get", "gets", "got", "gotten", "getting"}),
    ("drive", {"drive", "drives", "drove", "driven", "driving"}),
    ("win", {"win", "wins", "won", "winning"}),
    ("build", {"build", "builds", "built", "building"}),
    ("sell", {"sell", "sells", "sold", "selling"}),
    ("bring", {"bring", "brings", "brought", "bringing"}),
    ("make", {"make", "makes", "made", "making"}),
    ("take", {"take", "takes", "took", "taken", "taking"}),
    ("keep", {"keep", "keeps", "kept", "keeping"}),
    ("cut", {"cut", "cuts", "cutting"}),
    ("panic", {"panic", "panics", "panicked", "panicking"}),
    ("sync", {"sync", "syncs", "synced", "syncing"}),
    ("hire", {"hire", "hires", "hired", "hiring"}),
    ("tie", {"tie", "ties", "tied", "tying"}),
    ("play", {"play", "plays", "played", "playing"}),
    ("fix", {"fix", "fixes", "fixed", "fixing"}),
    ("visit", {"visit", "visits", "visited", "visiting"}),
])
def test_english_verbs(lemma, forms):
    assert generated("en", lemma, "v") == forms


@pytest.mark.parametrize("lemma, forms", [
    ("customer", {"customer", "customer's", "customers", "customers'"}),
    ("inquiry", {"inquiry", "inquiry's", "inquiries", "inquiries'"}),
    ("box", {"box", "box's", "boxes", "boxes'"}),
    ("sign-up", {"sign-up", "sign-up's", "sign-ups", "sign-ups'"}),
    ("person", {"person", "person's", "people", "people's"}),
    ("video", {"video", "video's", "videos", "videos'"}),
    ("analysis", {"analysis", "analysis's", "analyses", "analyses'"}),
])
def test_english_nouns(lemma, forms):
    assert generated("en", lemma, "n") == forms


def test_an_english_plural_only_noun_has_its_possessive():
    assert generated("en", "sales", "n", ("pl",)) == {"sales", "sales'"}
    assert generated("en", "people", "n", ("pl",)) == {"people", "people's"}


def test_english_adjectives_are_taken_as_written():
    assert generated("en", "organic", "a") == {"organic"}


# --- matching in the lexicons: what must and must not be read ---------------------------------
def _readings(lang: str, phrase: str, lex=None) -> set[tuple[str, str]]:
    lex = lex or default_lexicons()[lang]
    words = [normalize_word(w) for w in phrase.split()]
    return {(r.terminal, r.value) for r in lex.readings(words, 0) if r.length == len(words)}


@pytest.mark.parametrize("lang, phrase, reading", [
    ("en", "increasing", ("VERB", "increase")),
    ("en", "grew", ("VERB", "increase")),
    ("en", "driven", ("VERB", "attract")),
    ("en", "won", ("VERB", "reach")),
    ("en", "sold", ("VERB", "achieve:sales")),
    ("en", "brought us to", ("VERB", "reach")),
    ("en", "kept", ("VERB", "maintain")),
    ("en", "quarters", ("UNIT", "quarter")),
    ("ru", "увеличили", ("VERB", "increase")),
    ("ru", "увеличивая", ("VERB", "increase")),
    ("ru", "привлеченных", ("VERB", "attract")),
    ("ru", "вырос", ("VERB", "increase")),
    ("ru", "наберем", ("VERB", "achieve")),
    ("ru", "недели", ("UNIT", "week")),
    ("ru", "концу", ("END", "_")),
    ("ru", "целей", ("LABEL", "_")),
    ("ru", "третьего квартала", ("QUARTER", "3")),
    ("ru", "миллионов", ("SCALE", "1000000")),
    ("ru", "рабочих дней", ("UNIT", "day")),
    ("uk", "збільшимо", ("VERB", "increase")),
    ("uk", "залучатимемо", ("VERB", "attract")),
    ("uk", "зросли", ("VERB", "increase")),
    ("uk", "кінці", ("END", "_")),
    ("uk", "тижнями", ("UNIT", "week")),
    ("uk", "року", ("UNIT", "year")),
    ("uk", "червня", ("MONTH", "6")),
    ("uk", "гривень", ("CUR_POST", "UAH")),
    # both aspects of a verb
    ("ru", "создаем", ("VERB", "achieve")),
    ("ru", "занимаем", ("VERB", "reach")),
    ("ru", "выходим на", ("VERB", "reach")),
    ("uk", "будуємо", ("VERB", "achieve")),
    ("uk", "займатимемо", ("VERB", "reach")),
])
def test_inflected_forms_are_read(lang, phrase, reading):
    assert reading in _readings(lang, phrase)


@pytest.mark.parametrize("lang, word, reading", [
    # what a stem used to catch and the lemma does not
    ("en", "optimistic", ("VERB", "improve")),
    ("en", "developer", ("VERB", "increase")),
    ("en", "earnest", ("VERB", "achieve")),
    ("en", "attractive", ("VERB", "attract")),
    ("en", "publisher", ("VERB", "activity:posts")),
    ("ru", "получатель", ("VERB", "achieve")),
    ("ru", "уменьшительный", ("VERB", "decrease")),
    ("ru", "повыше", ("VERB", "increase")),
    ("ru", "сохранность", ("VERB", "maintain")),
    ("ru", "неделимый", ("UNIT", "week")),
    ("ru", "годовщина", ("PERIOD", "year")),
    ("ru", "ежедневник", ("PERIOD", "day")),
    ("ru", "тысячелетие", ("SCALE", "1000")),
    ("ru", "миллионер", ("SCALE", "1000000")),
    ("ru", "процентный", ("PERCENT", "_")),
    ("ru", "определенность", ("PLACEHOLDER", "_")),
    ("ru", "показатели", ("VERB", "increase")),
    ("ru", "постоянный", ("VERB", "activity:posts")),
    ("uk", "отримувач", ("VERB", "achieve")),
    ("uk", "створіння", ("VERB", "achieve")),
    ("uk", "збільшувальний", ("VERB", "increase")),
    ("uk", "червоний", ("MONTH", "6")),
    ("uk", "липкий", ("MONTH", "7")),
    ("uk", "трава", ("MONTH", "5")),
    ("uk", "квітка", ("MONTH", "4")),
    ("uk", "береза", ("MONTH", "3")),
    ("uk", "жовтий", ("MONTH", "10")),
    ("uk", "хвилинний", ("UNIT", "minute")),
    ("uk", "відсотковий", ("PERCENT", "_")),
])
def test_unrelated_words_are_not_read(lang, word, reading):
    assert reading not in _readings(lang, word)


@pytest.fixture(scope="module")
def metric_lexicons(tmp_path_factory):
    """The package's grammar with a metric table written in lemmas (the metric words of the
    package are another file's business: this checks the mechanism on the words the stems got wrong)."""
    root = tmp_path_factory.mktemp("grammar") / "grammar"
    shutil.copytree(GRAMMAR, root)
    (root / "metrics.toml").write_text('''
[metric.sales]
category = "sales"
ru = ["клиент@n", "продажа@n"]
uk = ["клієнт@n", "продаж@n"]
[metric.reach]
category = "awareness"
ru = ["показ@n", "охват@n"]
uk = ["показ@n", "охоплення@n"]
[metric.posts]
category = "other"
activity = true
ru = ["пост@n", "публикация@n"]
uk = ["пост@n", "допис@n"]
[metric.cost]
category = "other"
ru = ["стоимость@n лида", "средний@a чек@n"]
uk = ["вартість@n ліда", "середній@a чек@n"]
en = ["cost@n per lead"]
''', encoding="utf-8")
    return LexiconSet(root)


@pytest.mark.parametrize("lang, phrase, metric", [
    ("ru", "клиентов", "sales"), ("ru", "продажами", "sales"), ("ru", "показов", "reach"),
    ("ru", "постах", "posts"), ("ru", "стоимости лида", "cost"), ("ru", "среднего чека", "cost"),
    ("ru", "средним чеком", "cost"), ("uk", "клієнтам", "sales"), ("uk", "продажів", "sales"),
    ("uk", "показів", "reach"), ("uk", "дописів", "posts"), ("uk", "вартості ліда", "cost"),
    ("uk", "середнього чека", "cost"), ("en", "costs per lead", "cost"),
])
def test_lemma_metrics_read_every_form(metric_lexicons, lang, phrase, metric):
    assert ("METRIC", metric) in _readings(lang, phrase, metric_lexicons[lang])


@pytest.mark.parametrize("lang, word", [
    ("ru", "постоянный"), ("ru", "постоянно"), ("ru", "показатели"), ("ru", "показательный"),
    ("ru", "клиентский"), ("ru", "клиентская"), ("ru", "продажный"), ("uk", "постійний"),
    ("uk", "показники"), ("uk", "клієнтський"), ("ru", "стоимости"), ("ru", "средний"),
])
def test_lemma_metrics_do_not_read_unrelated_words(metric_lexicons, lang, word):
    assert not {v for t, v in _readings(lang, word, metric_lexicons[lang]) if t == "METRIC"}


def test_a_form_of_a_lemma_ranks_as_an_exact_word(metric_lexicons):
    """"лида" is a form (exact) and "стоимости лида" a two-word phrase: the phrase wins over its parts."""
    lex = metric_lexicons["ru"]
    best = lex.readings(["стоимости", "лида"], 0)[0]
    assert (best.terminal, best.value, best.length) == ("METRIC", "cost", 2)


def test_participles_and_gerunds_are_the_secondary_forms_of_a_verb():
    ru = morphology("ru", str(GRAMMAR))
    minor = ru.secondary("привлечь", "v")
    assert {"привлеченных", "привлеченный", "привлекший", "привлекши"} <= minor
    assert not {"привлечь", "привлеку", "привлек", "привлеки", "привлечен", "привлечены"} & minor
    assert {"увеличивая", "увеличивающих", "увеличиваемый", "увеличивав"} <= ru.secondary("увеличивать", "v")
    assert {"подписавшись", "подписавшийся"} <= ru.secondary("подписаться", "v")
    assert ru.secondary("клиент", "n") == frozenset()
    # the Ukrainian dictionary keeps participles and gerunds out of a verb's lexeme, and so do we
    assert morphology("uk", str(GRAMMAR)).secondary("залучити", "v") == frozenset()


@pytest.mark.parametrize("text, types", [
    ("Количество привлеченных клиентов должно вырасти до 500", {"привлеченных": "WORD", "вырасти": "VERB"}),
    ("Число обработанных обращений увеличить до 95%", {"обработанных": "WORD", "увеличить": "VERB"}),
    ("Опубликованных постов — 30 в месяц", {"Опубликованных": "WORD"}),
    ("Увеличивая охват, привлечь 100 клиентов", {"Увеличивая": "WORD", "привлечь": "VERB"}),
    ("Охват должен быть увеличен на 20%", {"увеличен": "VERB"}),
    ("Продажи выросли на 10%", {"выросли": "VERB"}),
])
def test_a_participle_or_gerund_is_read_as_a_word_not_as_the_goals_verb(text, types):
    """A declined participle is an adjective and a gerund an adverb: neither is the goal's verb
    (nor, for a verb with a metric of its own, «обработанных» -> response time, its metric)."""
    from smmrules.language.grammar import default_grammar
    got = {str(t): t.type for t in default_grammar().tokens(text, "ru")}
    assert {w: got[w] for w in types} == types


# --- the data files and the cache ---------------------------------------------------------------
def test_unknown_tags_and_parts_of_speech_are_data_errors():
    ru = morphology("ru", str(GRAMMAR))
    with pytest.raises(DataFileError, match="unknown noun tag 'q'"):
        ru.forms("клиент", "n", ("q",))
    with pytest.raises(DataFileError, match="unknown part of speech"):
        ru.forms("клиент", "x")
    with pytest.raises(DataFileError, match="no adjective class"):
        ru.forms("клиент", "a")


def test_split_lemma():
    assert split_lemma("рынок@n.fl") == ("рынок", "n", ("fl",))
    assert split_lemma("increase@v") == ("increase", "v", ())
    assert split_lemma("@brand") is None
    assert split_lemma("plain") is None


def test_the_lexicon_cache_is_keyed_on_the_morphology_files(monkeypatch):
    """The lexicons' key holds each paradigm file's name, size and time (cache.data_stamp), so an
    edited paradigm table is never served stale lexicons."""
    seen = []
    real_key = cache.key

    def spy(*parts, files=()):
        seen.append(parts)
        return real_key(*parts, files=files)

    monkeypatch.setattr(cache, "key", spy)
    monkeypatch.setattr(lexicon_module, "_default", None)
    default_lexicons()
    keyed = ";".join(p for parts in seen for p in parts if isinstance(p, str))
    for lang in ("en", "ru", "uk"):
        path = GRAMMAR / "morphology" / f"{lang}.toml"
        st = path.stat()
        assert f"{path}:{st.st_size}:{st.st_mtime_ns}" in keyed


# --- properties of the generator ---------------------------------------------------------------
@settings(max_examples=150, deadline=None)
@given(slavic_lemmas())
def test_generation_is_deterministic_and_stays_on_the_stem(case):
    lang, root, lemma, pos = case
    data = tomllib.loads((GRAMMAR / "morphology" / f"{lang}.toml").read_text(encoding="utf-8"))
    first = Morphology(lang, data).forms(lemma, pos)
    assert first == Morphology(lang, data).forms(lemma, pos) == morphology(lang, str(GRAMMAR)).forms(lemma, pos)
    assert lemma in first
    # a mutation changes at most the root's last two letters (запустить -> запущу)
    assert all(f.startswith(root[:-2]) and f.isalpha() and f == f.lower() for f in first), sorted(first)


_PAIRS = st.sampled_from(["ru", "uk"]).flatmap(lambda lang: st.tuples(slavic_lemmas(lang), slavic_lemmas(lang)))


@settings(max_examples=100, deadline=None)
@given(_PAIRS)
def test_unrelated_lemmas_share_no_form(pair):
    (lang, root_a, lemma_a, pos_a), (_, root_b, lemma_b, pos_b) = pair
    if root_a[:-2].startswith(root_b[:-2]) or root_b[:-2].startswith(root_a[:-2]):
        return
    m = morphology(lang, str(GRAMMAR))
    assert not m.forms(lemma_a, pos_a) & m.forms(lemma_b, pos_b)


@settings(max_examples=60, deadline=None)
@given(_PAIRS)
def test_every_form_reads_back_as_its_lemma(pair):
    """Two lemma patterns in one lexicon: each generated form is read as its own lemma's value."""
    (lang, _, lemma_a, pos_a), (_, _, lemma_b, pos_b) = pair
    if (lemma_a, pos_a) == (lemma_b, pos_b):
        return
    m = morphology(lang, str(GRAMMAR))
    lex = lexicon_module.Lexicon(lang, [(_compile(f"{lemma_a}@{pos_a}", lang), "METRIC", "a", 0),
                                        (_compile(f"{lemma_b}@{pos_b}", lang), "METRIC", "b", 1)])
    shared = m.forms(lemma_a, pos_a) & m.forms(lemma_b, pos_b)
    for value, lemma, pos in (("a", lemma_a, pos_a), ("b", lemma_b, pos_b)):
        for form in m.forms(lemma, pos):
            values = {r.value for r in lex.readings([form], 0)}
            assert value in values and (form in shared or values == {value})


@pytest.mark.parametrize("lang", ["en", "ru", "uk"])
def test_every_form_of_every_lexicon_lemma_is_read_with_its_pattern(lang):
    lex = default_lexicons()[lang]
    terms = tomllib.loads((GRAMMAR / "lexicon" / f"{lang}.toml").read_text(encoding="utf-8"))["terms"]
    missing = []
    for terminal, table in terms.items():
        for value, pats in table.items():
            for pat in pats:
                if " " in pat or "@" not in pat:
                    continue
                lemma, pos, tags = split_lemma(normalize_word(pat))
                for form in generated(lang, lemma, pos, tags):
                    if (terminal, str(value)) not in _readings(lang, form, lex):
                        missing.append(f"{terminal} {value}: {form}")
    assert missing == []
