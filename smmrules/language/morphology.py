"""Inflection by lemma: every form of a lexicon word written `lemma@POS` (see grammar/lexicon/README.md).

The paradigms are data (grammar/morphology/{en,ru,uk}.toml): for Russian and Ukrainian, endings per
declension or conjugation class, the spelling rules that apply where a stem meets an ending, the
consonant alternations, and per-lemma entries for what the dictionary form does not decide (a
soft-sign noun's gender, a fleeting vowel, an irregular verb's stems). English has rules for -s, -ed
and -ing with a table of irregular verbs and nouns.

The forms are expanded once, when the lexicon is built (and cached with it): matching stays a dict
lookup. Nothing here runs on the lint path of a warm run.
"""
from __future__ import annotations

import os

from ..base.errors import DataFileError
from .words import normalize_word  # forms are matched as the lexicon reads words

POS = {"n": "noun", "a": "adjective", "v": "verb"}
VOWELS = {"en": "aeiouy", "ru": "аеёиоуыэюя", "uk": "аеєиіїоуюя"}


def split_lemma(word: str) -> tuple[str, str, tuple[str, ...]] | None:
    """`lemma@pos.tag.tag` -> (lemma, pos, tags); None when the word is not a lemma pattern."""
    lemma, at, spec = word.rpartition("@")
    if not at or not lemma or not spec:
        return None
    pos, *tags = spec.split(".")
    return lemma, pos, tuple(tags)


class Morphology:
    """The paradigms of one language."""

    def __init__(self, lang: str, data: dict, source: str = "grammar/morphology"):
        self.lang = lang
        self.source = source
        self.data = data
        self.vowels = VOWELS[lang]
        self._memo: dict[tuple, frozenset] = {}
        self._secondary: dict[tuple, frozenset] = {}
        self._collected: set[str] = set()
        self.spelling = [dict(r) for r in data.get("spelling", {}).get("rules", [])]
        self.mutations: dict[str, list[tuple[str, str]]] = {}
        for marker, table in data.get("mutation", {}).items():
            self.mutations[marker] = sorted(table.items(), key=lambda kv: -len(kv[0]))
        self.reflexive = data.get("reflexive", {})

    # --- public ---------------------------------------------------------------------
    def forms(self, lemma: str, pos: str, tags: tuple[str, ...] = ()) -> frozenset[str]:
        key = (lemma, pos, tags)
        found = self._memo.get(key)
        if found is None:
            if pos not in POS:
                raise self._error(f"{lemma}@{pos}: unknown part of speech {pos!r} (use n, a or v)")
            builder = getattr(self, f"_{POS[pos]}_{'en' if self.lang == 'en' else 'slavic'}")
            self._collected = set()
            found = frozenset(normalize_word(f) for f in builder(lemma, tags) if f)
            self._memo[key] = found
            if self._collected:
                self._secondary[key] = frozenset(normalize_word(f) for f in self._collected) & found
        return found

    def person_forms(self, lemma: str, pos: str, tags: tuple[str, ...] = ()) -> frozenset[str]:
        """The forms a lexicon pattern `lemma@pos` reads: the lemma's, and for a person's noun with a
        feminine counterpart ([noun.feminine]: клиент, клиентка) the counterpart's too."""
        found = self.forms(lemma, pos, tags)
        feminine = self.data.get("noun", {}).get("feminine", {}).get(lemma) if pos == "n" else None
        return found | self.forms(feminine, "n") if feminine else found

    def secondary(self, lemma: str, pos: str, tags: tuple[str, ...] = ()) -> frozenset[str]:
        """The forms of a verb that head no clause: its declined participles and gerunds
        (привлеченных, увеличивая). They are adjectives and adverbs in use."""
        self.forms(lemma, pos, tags)
        return self._secondary.get((lemma, pos, tags), frozenset())

    def _error(self, message: str) -> DataFileError:
        return DataFileError(f"{self.source}/{self.lang}.toml: {message}")

    # --- shared helpers -------------------------------------------------------------
    def _entry(self, pos: str, lemma: str, tags: tuple[str, ...]) -> tuple[dict, frozenset]:
        """The per-lemma entry of the data (or {}) and the lemma's tags: the pattern's plus the entry's."""
        entry = self.data.get(pos, {}).get("lemma", {}).get(lemma, {})
        known = set(self.data.get(pos, {}).get("tags", {}))
        for t in tags:
            if t not in known:
                raise self._error(f"{lemma}: unknown {pos} tag {t!r} (known: {', '.join(sorted(known))})")
        return entry, frozenset(tags) | frozenset(entry.get("tags", ()))

    def _join(self, stem: str, ending: str, tags: frozenset, pos: str, own: dict | None = None) -> str:
        """stem + ending, with a mutation marker and the spelling rules applied at the junction.
        `own` is a lemma's own alternation ({"т": "щ"} for сократить -> сокращу)."""
        if ending and ending[0] in self.mutations:
            if own and ending[0] == "^":
                stem = next((stem[: len(stem) - len(old)] + new for old, new in own.items()
                             if stem.endswith(old)), stem)
            else:
                stem = self._mutate(stem, ending[0])
            ending = ending[1:]
        if ending:
            for rule in self.spelling:
                if rule.get("pos") and pos not in rule["pos"]:
                    continue
                if rule.get("unless") and rule["unless"] in tags:
                    continue
                if stem and stem[-1] in rule["after"] and ending.startswith(rule["ending"]):
                    ending = rule["becomes"] + ending[len(rule["ending"]):]
                    break
        return stem + ending

    def _mutate(self, stem: str, marker: str) -> str:
        for old, new in self.mutations[marker]:
            if stem.endswith(old):
                return stem[: len(stem) - len(old)] + new
        return stem

    def _cells(self, table: dict, stem: str, lemma: str, tags: frozenset, pos: str, zero=None) -> set[str]:
        out = set()
        for value in table.values():
            if isinstance(value, dict):   # endings by tag: {a = "а", _ = "у"}, the first tag present wins
                value = next((v for t, v in value.items() if t in tags), value.get("_", []))
            for ending in ([value] if isinstance(value, str) else value):
                if ending == "=":
                    out.add(lemma)
                elif ending == "0" and zero is not None:
                    out.add(zero(stem))
                else:
                    out.add(self._join(stem, ending, tags, pos))
        return out

    @staticmethod
    def _finish(forms: set[str], entry: dict) -> set[str]:
        forms |= set(entry.get("add", ()))
        forms -= set(entry.get("drop", ()))
        return forms

    # --- Russian and Ukrainian ------------------------------------------------------
    def _noun_slavic(self, lemma: str, tags: tuple[str, ...]) -> set[str]:
        head, dash, last = lemma.rpartition("-")
        if dash and head and lemma not in self.data["noun"].get("lemma", {}) \
                and last in self.data["noun"].get("lemma", {}):
            # a compound inflects its last part as that word does (seo-трафік like трафік)
            return {f"{head}-{f}" for f in self._noun_slavic(last, tags)}
        entry, tags = self._entry("noun", lemma, tags)
        if "forms" in entry:
            return set(entry["forms"])
        if "indecl" in tags:
            return {lemma}
        noun = self.data["noun"]
        for cls in noun["class"]:
            if _ends(lemma, cls) is not None and set(cls.get("tags", ())) <= tags \
                    and not set(cls.get("not", ())) & tags:
                break
        else:
            raise self._error(f"{lemma}@n: no declension class fits")
        paradigm = self._paradigm("noun", cls["paradigm"])
        base = lemma[: len(lemma) - len(cls.get("strip", ""))]
        tags |= frozenset(cls.get("add_tags", ()))
        stem = entry.get("stem") or self._alternate(base, tags)
        numbers = ("pl",) if "pl" in tags else ("sg",) if "sg" in tags else ("sg", "pl")
        out = set()
        if "genpl" in entry:   # the lemma's own genitive plural (доля -> долей, гривня -> гривень)
            paradigm = {**paradigm, "pl": {**paradigm.get("pl", {}), "gen": []}}
            if "sg" not in tags:
                out.add(entry["genpl"])
        for number in numbers:
            out |= self._cells(paradigm.get(number, {}), stem, lemma, tags, "n", zero=lambda s: self._zero(s, entry))
        return self._finish(out, entry)

    def _alternate(self, base: str, tags: frozenset) -> str:
        """The oblique stem: a fleeting vowel dropped (`fl`), Ukrainian і -> о / е (`io`, `ie`)."""
        if "fl" in tags:
            i = max(base.rfind(v) for v in self.vowels)
            if i > 0:
                before = base[i - 1]
                fill = "й" if before in self.vowels else "ь" if before == "л" and self.lang == "ru" else ""
                base = base[:i] + fill + base[i + 1:]
        for tag, vowel in (("io", "о"), ("ie", "е")):
            if tag in tags:
                i = base.rfind("і")
                if i >= 0:
                    base = base[:i] + vowel + base[i + 1:]
        return base

    def _zero(self, stem: str, entry: dict) -> str:
        """A zero ending (genitive plural of заявка, сделка): a vowel is inserted before a final к."""
        rule = self.data["noun"].get("zero", {})
        if len(stem) >= 2 and stem[-1] in rule.get("before", "") and stem[-2] not in self.vowels:
            prev = stem[-2]
            if prev in rule.get("soft", ""):
                vowel = rule.get("soft_vowel", "е")
                if prev in "йь":
                    return stem[:-2] + vowel + stem[-1]
                return stem[:-1] + vowel + stem[-1]
            return stem[:-1] + rule.get("vowel", "о") + stem[-1]
        return stem

    def _paradigm(self, pos: str, name: str) -> dict:
        table = self.data[pos]["paradigm"]
        if name not in table:
            raise self._error(f"{pos} paradigm {name!r} is not defined")
        p = table[name]
        if "base" in p:
            merged = {k: dict(v) for k, v in self._paradigm(pos, p["base"]).items()}
            for k, v in p.items():
                if k != "base":
                    merged.setdefault(k, {}).update(v)
            return merged
        return p

    def _adjective_slavic(self, lemma: str, tags: tuple[str, ...]) -> set[str]:
        entry, tags = self._entry("adjective", lemma, tags)
        if "forms" in entry:
            return set(entry["forms"])
        return self._finish(self._decline_adjective(lemma, tags, entry), entry)

    def _decline_adjective(self, lemma: str, tags: frozenset, entry: dict) -> set[str]:
        adj = self.data["adjective"]
        for cls in adj["class"]:
            ending = _ends(lemma, cls)
            if ending is not None and set(cls.get("tags", ())) <= tags:
                break
        else:
            raise self._error(f"{lemma}@a: no adjective class fits")
        paradigm = self._paradigm("adjective", cls["paradigm"])
        stem = lemma[: len(lemma) - len(ending)] + cls.get("stem_add", "")
        out = set()
        for name, cells in paradigm.items():
            if name in ("short", "comparative") and name not in tags:
                continue
            out |= self._cells(cells, stem, lemma, tags, "a")
        for name in ("short", "comparative"):
            if name in entry:
                out |= set(entry[name])
        return out

    def _verb_slavic(self, lemma: str, tags: tuple[str, ...]) -> set[str]:
        entry, tags = self._entry("verb", lemma, tags)
        if "forms" in entry:
            return set(entry["forms"])
        verb = self.data["verb"]
        base, reflexive = lemma, ""
        for r in verb.get("reflexive_endings", ()):
            if lemma.endswith(r) and len(lemma) > len(r) + 2:
                base, reflexive = lemma[: -len(r)], r
                break
        cls, ending = self._verb_class(lemma, base, tags)
        root = base[: len(base) - len(cls.get("strip", ending))]
        stems = {"inf": base}
        stems.update((name, root + add) for name, add in cls.get("stems", {}).items())
        stems.update(entry.get("stems", {}))
        aspect = {"pf", "impf"} & tags or {cls.get("aspect", "impf")}
        state = tags | aspect | ({"intr"} if reflexive else set())
        if "intr" not in state:
            state |= {"tr"}
        endings = {name: list(v) for name, v in verb.get("endings", {}).items()}
        endings.update({name: list(v) for name, v in cls.get("endings", {}).items()})
        endings.update({name: list(v) for name, v in entry.get("endings", {}).items()})
        out, participles, gerunds = self._verb_groups(entry, base, stems, state, endings, reflexive)
        declined = set()
        for p in participles:
            declined |= self._decline_adjective(p, frozenset(), {})
        if reflexive:
            rules = self.reflexive["rules"]

            def postfix(forms: set[str]) -> set[str]:
                return {f + r for f in forms
                        for r in next(rule["add"] for rule in rules if f.endswith(tuple(rule["after"])))}
            out, gerunds = postfix(out), postfix(gerunds)
            declined = {f + r for f in declined for r in self.reflexive.get("participle", ["ся"])}
        self._collected = declined | gerunds
        return self._finish(out | declined, entry)

    def _verb_class(self, lemma: str, base: str, tags) -> tuple[dict, str]:
        """The first conjugation class whose ending and tags fit the verb, with the ending matched."""
        for cls in self.data["verb"]["class"]:
            ending = _ends(base, cls)
            if ending is not None and set(cls.get("tags", ())) <= tags and not set(cls.get("not", ())) & tags:
                return cls, ending
        raise self._error(f"{lemma}@v: no conjugation class fits")

    def _verb_groups(self, entry: dict, base: str, stems: dict, state: set, endings: dict,
                     reflexive: str) -> tuple[set[str], set[str], set[str]]:
        """The forms of each group of the table (present, past, imperative, participles, ...) that
        applies to the verb: (its finite forms and gerunds, its participles, its gerunds)."""
        out: set[str] = set()
        participles: set[str] = set()
        gerunds: set[str] = set()
        for group in self.data["verb"]["group"]:
            name = group["name"]
            if name in entry:             # the lemma's own forms for the group (also where `when` says none)
                made = set(entry[name])
            elif not set(group.get("when", ())) <= state or set(group.get("unless", ())) & state:
                continue
            elif group.get("stem") == "=":
                made = {self._join(base[: len(base) - len(e.split(">")[0])], e.split(">")[1], state, "v")
                        if ">" in e else base + e for e in endings.get(name, [""])}
            else:
                stem = stems.get(group.get("stem", ""), None)
                if stem is None:
                    continue
                made = {self._join(stem, e, state, "v", entry.get("alternation")) for e in endings.get(name, ())}
            if reflexive and group.get("gerund"):   # подписавшись, not подписався
                made = {f for f in made if not f.endswith("в")}
            if group.get("participle"):
                participles |= made
            else:
                out |= made
                if group.get("gerund"):
                    gerunds |= made
        return out, participles, gerunds

    # --- English -------------------------------------------------------------------
    def _noun_en(self, lemma: str, tags: tuple[str, ...]) -> set[str]:
        entry, tags = self._entry("noun", lemma, tags)
        words = lemma.split("-")
        if "forms" in entry:
            plurals = set(entry["forms"]) - {lemma}
        elif "indecl" in tags or "sg" in tags:
            plurals = set()
        elif "pl" in tags:
            return {lemma, lemma + "'"} if lemma.endswith("s") else {lemma, lemma + "'s"}
        else:
            irregular = self.data["noun"].get("irregular", {})
            last = words[-1]
            plural = irregular.get(last) or self._s(last, "noun")
            plurals = {"-".join(words[:-1] + [plural])}
        out = {lemma, lemma + "'s"}
        for p in plurals:
            out |= {p, p + "'" if p.endswith("s") else p + "'s"}
        return self._finish(out, entry)

    def _adjective_en(self, lemma: str, tags: tuple[str, ...]) -> set[str]:
        entry, tags = self._entry("adjective", lemma, tags)
        return self._finish({lemma}, entry)

    def _verb_en(self, lemma: str, tags: tuple[str, ...]) -> set[str]:
        entry, tags = self._entry("verb", lemma, tags)
        verb = self.data["verb"]
        if " " in lemma:
            raise self._error(f"{lemma}@v: one word only")
        irregular = verb.get("irregular", {}).get(lemma)
        s_form = self._s(lemma, "verb")
        ing = self._ing(lemma, verb)
        if irregular:
            past = list(irregular.get("past", ())) + list(irregular.get("participle", ()))
        else:
            past = [self._ed(lemma, verb)]
        return self._finish({lemma, s_form, ing, *past}, entry)

    def _s(self, word: str, pos: str) -> str:
        rules = self.data[pos if pos == "noun" else "verb"]
        special = self.data["verb"].get("s_form", {})
        if pos == "verb" and word in special:
            return special[word]
        if word.endswith(("s", "x", "z", "ch", "sh")):
            return word + "es"
        if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
            return word[:-1] + "ies"
        if word.endswith("o") and word in rules.get("o_es", ()):
            return word + "es"
        return word + "s"

    def _doubles(self, word: str, verb: dict) -> bool:
        """A final consonant is doubled before -ed/-ing: one-syllable CVC words and the listed ones."""
        if word in verb.get("no_double", ()):
            return False
        if word in verb.get("double", ()):
            return True
        if len(word) < 3 or word[-1] in "aeiouwxy" or word[-2] not in "aeiou" or word[-3] in "aeiou":
            return False
        return sum(1 for i, c in enumerate(word) if c in "aeiouy" and (i == 0 or word[i - 1] not in "aeiou")) == 1

    def _ed(self, word: str, verb: dict) -> str:
        if word.endswith("e"):
            return word + "d"
        if word.endswith("y") and word[-2] not in "aeiou":
            return word[:-1] + "ied"
        if word.endswith("ic"):   # panic -> panicked (sync -> synced)
            return word + "ked"
        return word + word[-1] + "ed" if self._doubles(word, verb) else word + "ed"

    def _ing(self, word: str, verb: dict) -> str:
        if word.endswith("ie"):
            return word[:-2] + "ying"
        if word.endswith("e") and not word.endswith(("ee", "ye", "oe")) and word != "be":
            return word[:-1] + "ing"
        if word.endswith("ic"):
            return word + "king"
        return word + word[-1] + "ing" if self._doubles(word, verb) else word + "ing"


def _ends(word: str, cls: dict) -> str | None:
    """The class's ending (one of its endings) that `word` has, or None."""
    ending = cls.get("ending", "")
    return next((e for e in ([ending] if isinstance(ending, str) else ending) if word.endswith(e)), None)


_loaded: dict[tuple[str, str], Morphology] = {}


def morphology(lang: str, root: str) -> Morphology:
    """The paradigms of `lang` from `root`/morphology/`lang`.toml (read once per process)."""
    key = (lang, root)
    found = _loaded.get(key)
    if found is None:
        from ..base.tomlfile import read_data
        path = os.path.join(root, "morphology", f"{lang}.toml")
        data = read_data(path)
        found = _loaded[key] = Morphology(lang, data, os.path.dirname(path))
    return found


def files(root: str) -> list[str]:
    """The morphology data files (the lexicon cache is keyed on them)."""
    folder = os.path.join(root, "morphology")
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".toml"))
    except OSError:
        return []
    return [os.path.join(folder, n) for n in names]
