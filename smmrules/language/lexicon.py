"""Keyword lexicons: load grammar/lexicon/*.toml and grammar/metrics.toml, match words by lemma
(every form from grammar/morphology), by stem or exactly."""
from __future__ import annotations

import os
import threading
from collections.abc import Mapping, Set

from ..base.record import Record, _set
from ..base.errors import DataFileError
from ..base.tomlfile import read_data as _load_toml
from ..base.resources import grammar_file
from .words import LANGS, normalize_word

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path


class Reading(Record):
    """One way to read a run of words: a grammar terminal, what it means, the words it consumes
    and its rank (smaller is preferred)."""

    __slots__ = ("terminal", "value", "length", "rank")

    def __init__(self, terminal: str, value: str, length: int, rank: tuple):
        _set(self, "terminal", terminal)
        _set(self, "value", value)
        _set(self, "length", length)
        _set(self, "rank", rank)


# What a metric's target counts (grammar/metrics.toml explains each).
UNIT_KINDS = ("count", "percent", "money", "time", "rate", "rank")


class MetricInfo(Record):
    """A metric of grammar/metrics.toml. `time` (a duration: "within 24 hours" is its target)
    follows from unit_kind "time"; `counted_variant` is the countable metric a collective noun
    becomes when the goal counts it ("build a community" is abstract, "a community of 5,000" is
    its size); `qualified_by` maps a metric whose word follows this one's in the same aim to the
    metric the two name together ("subscribers to our newsletter" are email subscribers);
    `people_object`: a verb that implies the metric takes the people it counts as its object ("engage
    our followers", «охватить 50 000 пользователей"): the object says whose, it is not the metric;
    `flow`: counted as they happen, never kept (leads, sign-ups), so "new" adds nothing to a count of them;
    `people`: its words name people as such ("people", «человек»), whom another metric may count;
    `into`: a rate of turning one thing into another (conversion), by the category of what it is turned
    into, the metric that names that rate ("convert visitors into leads": the lead conversion rate);
    `absorbs`: metrics that, as the object of a verb implying this activity, name the activity itself
    (launching traffic is running ads);
    `keeps`: activities that, as the object of a verb implying this metric, stay what the goal names
    (hiring bloggers is a task); `serves`: a result got for the sake of another, whose purpose clause after
    "to" is the goal ("hire two managers to keep churn low"); `retained`: people a business keeps, so that
    keeping or winning them back is its retention ("retain customers", "win back lapsed members");
    `figure_only`: a verb implying it names it only with a figure (hiring someone with no count is a task);
    `addressable`: people an activity may be addressed to, as its recipients ("send push notifications to
    app users"), who are then not the goal's metric (so are `retained` and `people` metrics);
    `on_channel`: the metric its words name on a given channel (the members of a VK community are its
    subscribers)."""

    __slots__ = ("name", "category", "abstract", "activity", "lower_is_better", "time", "display",
                 "percent_variant", "unit_kind", "counted_variant", "qualified_by", "people_object", "label",
                 "flow", "people", "into", "absorbs", "on_channel", "keeps", "serves", "retained", "figure_only",
                 "addressable")

    def __init__(self, name: str, category: str, abstract: bool = False, activity: bool = False,
                 lower_is_better: bool = False, time: bool = False, display: dict | None = None,
                 percent_variant: str | None = None, unit_kind: str = "count",
                 counted_variant: str | None = None, qualified_by: dict | None = None,
                 people_object: bool = False, label: dict | None = None, flow: bool = False,
                 people: bool = False, into: dict | None = None, absorbs: frozenset = frozenset(),
                 on_channel: dict | None = None, keeps: frozenset = frozenset(), serves: bool = False,
                 retained: bool = False, figure_only: bool = False, addressable: bool = False):
        _set(self, "name", name)
        _set(self, "category", category)
        _set(self, "abstract", abstract)
        _set(self, "activity", activity)
        _set(self, "lower_is_better", lower_is_better)
        _set(self, "time", time)
        _set(self, "display", {} if display is None else display)
        _set(self, "percent_variant", percent_variant)
        _set(self, "unit_kind", unit_kind)
        _set(self, "counted_variant", counted_variant)
        _set(self, "qualified_by", {} if qualified_by is None else qualified_by)
        _set(self, "people_object", people_object)
        _set(self, "label", {} if label is None else label)    # the nominative name (metrics.toml `name`)
        _set(self, "flow", flow)
        _set(self, "people", people)
        _set(self, "into", {} if into is None else into)
        _set(self, "absorbs", absorbs)
        _set(self, "keeps", keeps)
        _set(self, "serves", serves)
        _set(self, "retained", retained)
        _set(self, "figure_only", figure_only)
        _set(self, "addressable", addressable or retained or people)
        _set(self, "on_channel", {} if on_channel is None else on_channel)

    def __hash__(self):
        return hash(self.name)


# A pattern is a plain tuple (it is pickled by the thousand in the lexicon cache):
# (parts, terminal, value, order), each part being ("exact"|"stem"|"suffix", text) or
# ("forms", lemma, frozenset of its forms, frozenset of those that head no clause: a verb's declined
# participles and gerunds) for a `lemma@pos` word.
_PARTS, _TERMINAL, _VALUE, _ORDER = range(4)
# the shortest word read as a slip of a metric's word (Lexicon._misspelt)
_MISSPELT_MIN = 6
# The readings of at most this many word spans are kept per language (the first ones met, which the
# commonest are among), so that the memo stops growing on a long document; each span is as long as the
# phrases its first word begins (Lexicon.reach): the 30,000-goal benchmark document meets 1,300-1,800 a
# language.
READINGS_MEMO_LIMIT = 16_384


def _compile(pattern: str, lang: str = "en", root: str | None = None) -> tuple:
    parts = []
    for word in normalize_word(pattern).split():
        lemma = _split_lemma(word) if "@" in word else None
        if lemma is not None:
            from .morphology import morphology  # only when the lexicon cache misses
            table = morphology(lang, root or grammar_file())
            parts.append(("forms", lemma[0], table.person_forms(*lemma), table.secondary(*lemma)))
        elif word.endswith("*") and len(word) > 1:
            parts.append(("stem", word[:-1]))
        elif word.startswith("*") and len(word) > 1:
            parts.append(("suffix", word[1:]))
        else:
            parts.append(("exact", word))
    return tuple(parts)


def _split_lemma(word: str):
    from .morphology import split_lemma
    return split_lemma(word)


def _part_matches(part: tuple, word: str) -> bool:
    kind, text = part[0], part[1]
    if kind == "forms":
        return word in part[2]
    if kind == "exact":
        return word == text
    if kind == "stem":
        return word.startswith(text)
    return word.endswith(text) and len(word) > len(text) + 1


class _Words(Set):
    """The words a lexicon knows exactly (every form of its lemmas) and its stems. `in` looks one
    word up without decoding the lexicon's forms; iterating lists them all."""

    __slots__ = ("_lex",)

    def __init__(self, lex: "Lexicon"):
        self._lex = lex

    def __contains__(self, word) -> bool:
        lex = self._lex
        return word in lex._exact or lex._form_group(word) is not None or word in lex._stem_texts()

    def _all(self) -> frozenset:
        lex = self._lex
        forms = (w for prefix in lex._blobs for w in lex._table(prefix))
        return frozenset(lex._exact) | frozenset(forms) | lex._stem_texts()

    def __iter__(self):
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _one_left_out(word: str, slip: str) -> bool:
    """Whether `slip` is `word` with one letter after its first two left out."""
    i = 2
    while i < len(slip) and slip[i] == word[i]:
        i += 1
    return slip[i:] == word[i + 1:]


class Lexicon:
    """The keyword table of one language (plus the shared words).

    Exact words index their patterns in a dict. The forms of lemma patterns are many (every case
    of every noun): they are kept as one string per first two letters ("form group form group..."),
    decoded into a dict when a word with those letters is first looked up, so loading a language
    from the cache does not build thousands of entries a goal never reads.
    """

    def __init__(self, lang: str, patterns: list[tuple]):
        self.lang = lang
        self._exact: dict[str, tuple] = {}
        exact: dict[str, list[tuple]] = {}
        forms: dict[str, list[tuple]] = {}
        secondary: set[str] = set()
        self._stems: dict[str, list[tuple]] = {}
        self._suffixes: list[tuple] = []
        for p in patterns:
            kind, text = p[_PARTS][0][:2]
            if kind == "forms":
                # the first word is found through the index: the pattern need not carry its forms
                slim = ((("forms", text, None),) + p[_PARTS][1:],) + p[1:]
                for form in p[_PARTS][0][2]:
                    forms.setdefault(form, []).append(slim)
                secondary.update(p[_PARTS][0][3])
            elif kind == "exact":
                exact.setdefault(text, []).append(p)
            elif kind == "stem":
                self._stems.setdefault(text[:2], []).append(p)
            else:
                self._suffixes.append(p)
        self._exact = {w: tuple(ps) for w, ps in exact.items()}
        # the forms of one lemma share one group of patterns
        group_ids: dict[tuple, int] = {}
        buckets: dict[str, list[str]] = {}
        for form in sorted(forms):
            group = tuple(forms[form])
            gid = group_ids.setdefault(group, len(group_ids))
            # group n is written n + 1, and -(n + 1) for a participle or gerund (see secondary())
            buckets.setdefault(form[:2], []).extend((form, f"-{gid + 1}" if form in secondary else str(gid + 1)))
        self._groups: tuple[tuple, ...] = tuple(group_ids)
        self._blobs: dict[str, str] = {prefix: " ".join(items) for prefix, items in buckets.items()}
        self._tables: dict[str, dict[str, int]] = {}
        self._first_cache: dict[str, tuple] = {}
        self._readings_cache: dict[tuple, list] = {}
        self._reach: dict[str, int] = {}       # a word -> the most words a phrase it begins spans
        self._longest = max((len(p[_PARTS]) for p in patterns), default=1)
        self.values = frozenset(p[_VALUE] for p in patterns)
        self.function_words: frozenset = frozenset()   # [function_words] of the language's file
        # its named lists (pronoun, counts_from, presence, ...: grammar/lexicon/README.md says what each means)
        self.lists: dict[str, frozenset] = {}

    def listed(self, name: str) -> frozenset:
        """The words of the named list of [function_words], normalized (empty where the language has none)."""
        return self.lists.get(name, frozenset())

    def listed_first_words(self, name: str) -> frozenset:
        """The first words of the phrases of a named list: a quick test before a phrase is matched."""
        firsts = self.__dict__.setdefault("_list_firsts", {})
        found = firsts.get(name)
        if found is None:
            found = firsts[name] = frozenset(phrase.split(" ")[0] for phrase in self.listed(name))
        return found

    @property
    def words(self) -> _Words:
        """Every word the lexicon knows exactly, and its stems."""
        return _Words(self)

    def _stem_texts(self) -> frozenset:
        return frozenset(p[_PARTS][0][1] for ps in self._stems.values() for p in ps)

    def _table(self, prefix: str) -> dict[str, int]:
        table = self._tables.get(prefix)
        if table is None:
            items = self._blobs.get(prefix, "").split(" ")
            table = self._tables[prefix] = dict(zip(items[::2], map(int, items[1::2]))) if items[0] else {}
        return table

    def _form_group(self, word: str) -> int | None:
        gid = self._table(word[:2]).get(word)
        return None if gid is None else abs(gid) - 1

    def secondary(self, word: str) -> bool:
        """Whether `word` is a declined participle or a gerund of the lexicon's verbs (привлеченных,
        увеличивая): an adjective or adverb in use, it heads no clause."""
        gid = self._table(word[:2]).get(word) if word else None
        return gid is not None and gid < 0

    def __getstate__(self):
        state = dict(self.__dict__)
        state["_first_cache"] = {}
        state["_readings_cache"] = {}
        state["_reach"] = {}
        state["_tables"] = {}
        state.pop("_slips", None)
        state.pop("_slipped", None)
        state.pop("_metric_index", None)
        state.pop("_pattern_readings", None)     # (keyed by the patterns' ids in this process)
        return state

    def _first(self, word: str) -> tuple:
        cached = self._first_cache.get(word)
        if cached is None:
            found = list(self._exact.get(word, ()))
            gid = self._form_group(word)
            if gid is not None:
                found += self._groups[gid]
            found += [p for p in self._stems.get(word[:2], ()) if word.startswith(p[_PARTS][0][1])]
            found += [p for p in self._suffixes if _part_matches(p[_PARTS][0], word)]
            cached = tuple(found)
            if not cached:
                cached = self._misspelt(word)
                if cached:
                    self.__dict__.setdefault("_slipped", set()).add(word)
            if len(self._first_cache) < 200_000:
                self._first_cache[word] = cached
        return cached

    def slip(self, word: str) -> bool:
        """Whether the lexicon reads `word` (normalized) only as a slip of a metric's word (_misspelt): a word of
        another language one letter away («запустить» beside «запустити») is no word of this one."""
        self._first(word)
        return word in self.__dict__.get("_slipped", ())

    def _misspelt(self, word: str) -> tuple:
        """The patterns of the one metric a word no pattern begins is a slip of: a letter left out or doubled,
        two letters swapped, or one written for a letter like it ("engagment", "trafic", «коментариев»,
        «підпісників»). Only a word of at least `_MISSPELT_MIN` letters of the language (the list
        `typo_letters`) is read so, the slip after its first two letters, and only where one word so mended is a
        metric's."""
        letters = self.lists.get("typo_letters", ())
        if len(word) < _MISSPELT_MIN or not letters or word in self.function_words \
                or not all(any(ch in group for group in letters) for ch in word):
            return ()
        table = self._table(word[:2])
        by_length, groups, exact = self._metric_words(word[:2], table)
        n = len(word)
        found = {w for w in by_length.get(n + 1, ()) if _one_left_out(w, word)}   # a letter left out
        for i in range(2, n):
            mended = []
            if word[i] == word[i - 1]:
                mended.append(word[:i] + word[i + 1:])
            if i + 1 < n:
                mended.append(word[:i] + word[i + 1] + word[i] + word[i + 2:])
            for a, b in self.lists.get("typo_pairs", ()):
                if word[i] in (a, b):
                    mended.append(word[:i] + (b if word[i] == a else a) + word[i + 1:])
            found.update(m for m in mended if m in exact or abs(table.get(m, 0)) in groups)
        if len(found) != 1:
            return ()
        w = found.pop()
        gid = self._table(w[:2]).get(w)
        ps = self._exact.get(w, ()) + (self._groups[abs(gid) - 1] if gid is not None else ())
        return tuple(p for p in ps if p[_TERMINAL] == "METRIC")

    def _metric_words(self, prefix: str, table: dict[str, int]) -> tuple[dict, frozenset, frozenset]:
        """The words beginning with `prefix` (whose table of forms is `table`) that begin a metric's pattern, by
        their length; the numbers of the groups of forms, and the exact words, that begin a metric's pattern
        (built on first use, for _misspelt; threads that build them at once build equal values, and each is
        stored in one step)."""
        index = self.__dict__.get("_metric_index")
        if index is None:
            index = self.__dict__["_metric_index"] = (
                frozenset(k + 1 for k, g in enumerate(self._groups) if any(p[_TERMINAL] == "METRIC" for p in g)),
                frozenset(w for w, ps in self._exact.items() if any(p[_TERMINAL] == "METRIC" for p in ps)))
        groups, exact = index
        made = self.__dict__.setdefault("_slips", {})
        found = made.get(prefix)
        if found is None:
            lengths: dict[int, list[str]] = {}
            for w, gid in table.items():
                if abs(gid) in groups:
                    lengths.setdefault(len(w), []).append(w)
            for w in exact:
                if w.startswith(prefix) and abs(table.get(w, 0)) not in groups:
                    lengths.setdefault(len(w), []).append(w)
            found = made[prefix] = {n: tuple(ws) for n, ws in lengths.items()}
        return found, groups, exact

    def readings(self, words: list[str], start: int) -> list[Reading]:
        """Every reading of the words beginning at `start`, most preferred first."""
        word = words[start]
        first = self._first(word)
        if not first:
            return []
        # the answer depends only on the words a phrase beginning with this word can span: memoize on them
        # ("increase" begins no phrase of more than two words: what comes after the next one is not its key)
        reach = self.reach(word)
        span = tuple(words[start:start + reach] if reach > 0 else words[start:start + self._longest])
        cached = self._readings_cache.get(span)
        if cached is None:
            cached = self._compute(list(span), 0, first)
            if len(self._readings_cache) < READINGS_MEMO_LIMIT:
                self._readings_cache[span] = cached
        return cached

    def reach(self, word: str) -> int:
        """The most words a phrase of the lexicon that begins with `word` spans (0: it begins none); -1 where
        `word` begins a number word or a scale («двадцать», "thousand"), which may run past its own phrases."""
        found = self._reach.get(word)
        if found is None:
            first = self._first(word)
            found = -1 if any(p[_TERMINAL] in ("NUMWORD", "SCALE") for p in first) else max(
                (len(p[_PARTS]) for p in first), default=0)
            if len(self._reach) < 200_000:
                self._reach[word] = found
        return found

    def _compute(self, words: list[str], start: int, first) -> list[Reading]:
        out = []
        seen = set()
        made = self.__dict__.setdefault("_pattern_readings", {})
        for p in first:
            n = len(p[_PARTS])
            if start + n > len(words):
                continue
            if not all(_part_matches(p[_PARTS][k], words[start + k]) for k in range(1, n)):
                continue
            key = (p[_TERMINAL], p[_VALUE], n)
            if key in seen:
                continue
            seen.add(key)
            # a pattern always reads the same: one Reading of it, shared by every run of words it matches
            # (the memo of readings holds thousands of such lists)
            reading = made.get(id(p))
            if reading is None:
                # a form of a lemma is an exact word
                exactness = sum(1 for part in p[_PARTS] if part[0] not in ("exact", "forms"))
                specificity = -sum(len(part[1]) for part in p[_PARTS])
                reading = made[id(p)] = Reading(p[_TERMINAL], p[_VALUE], n, (-n, exactness, specificity, p[_ORDER]))
            out.append(reading)
        out.sort(key=lambda r: r.rank)
        return out


class _PerLanguage(Mapping):
    """lang -> Lexicon, each language loaded on first use (a document in one language never
    unpickles the other two). `in` answers without loading."""

    __slots__ = ("_owner", "_loaded")

    def __init__(self, owner: "LexiconSet", loaded: dict | None = None):
        self._owner, self._loaded = owner, loaded if loaded is not None else {}

    def __getitem__(self, lang: str) -> Lexicon:
        try:
            return self._loaded[lang]
        except KeyError:
            if lang not in LANGS:
                raise
        self._owner._load(lang)
        return self._loaded[lang]

    def __contains__(self, lang) -> bool:
        return lang in LANGS

    def __iter__(self):
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)


class LexiconSet:
    """All languages' lexicons, their cue words and the metric table (grammar/).

    Built from the TOML files (`LexiconSet(root)`), or put together from the cache by
    `default_lexicons()`: the metric table first, each language's lexicon and cues when a
    goal in that language first needs them.
    """

    def __init__(self, root: Path | str | None = None):
        root = os.fspath(root) if root else grammar_file()
        self.root = root
        common = _load_toml(os.path.join(root, "lexicon", "common.toml"))
        metrics = _load_toml(os.path.join(root, "metrics.toml"))
        self.defaults = dict(metrics.get("defaults", {}))
        self.numbers = _numbers(common.get("numbers", {}))
        self.metrics: dict[str, MetricInfo] = {}
        for name, spec in metrics.get("metric", {}).items():
            unit_kind = spec.get("unit_kind", "time" if spec.get("time") else "count")
            if unit_kind not in UNIT_KINDS:
                raise DataFileError(f"metrics.toml: metric {name}: unit_kind {unit_kind!r} is not one of "
                                    f"{', '.join(UNIT_KINDS)}")
            self.metrics[name] = MetricInfo(
                name=name, category=spec["category"], abstract=spec.get("abstract", False),
                activity=spec.get("activity", False), lower_is_better=spec.get("lower_is_better", False),
                time=spec.get("time", unit_kind == "time"), display=dict(spec.get("display", {})),
                percent_variant=spec.get("percent_variant"), unit_kind=unit_kind,
                counted_variant=spec.get("counted_variant"), qualified_by=dict(spec.get("qualified_by", {})),
                people_object=spec.get("people_object", False), label=dict(spec.get("name", {})),
                flow=spec.get("flow", False), people=spec.get("people", False), into=dict(spec.get("into", {})),
                absorbs=frozenset(spec.get("absorbs", ())), on_channel=dict(spec.get("on_channel", {})),
                keeps=frozenset(spec.get("keeps", ())), serves=spec.get("serves", False),
                retained=spec.get("retained", False), figure_only=spec.get("figure_only", False),
                addressable=spec.get("addressable", False))
        lexicons: dict[str, Lexicon] = {}
        for lang in LANGS:
            data = _load_toml(os.path.join(root, "lexicon", f"{lang}.toml"))
            patterns: list[tuple] = []
            order = 0

            def add(terminal, value, pats):
                nonlocal order
                for pat in pats:
                    patterns.append((_compile(pat, lang, root), terminal, str(value), order))
                order += 1

            for terminal, table in data.get("terms", {}).items():
                for value, pats in table.items():
                    add(terminal, value, pats)
            for name, spec in metrics.get("metric", {}).items():
                add("METRIC", name, list(spec.get(lang, [])) + list(spec.get("any", [])))
            for terminal, table in common.get("terms", {}).items():
                for value, pats in table.items():
                    add(terminal, value, pats)
            lexicons[lang] = Lexicon(lang, patterns)
            lexicons[lang].function_words = frozenset(
                normalize_word(w) for ws in data.get("function_words", {}).values() for w in ws)
            lexicons[lang].lists = {name: frozenset(normalize_word(w) for w in ws)
                                    for name, ws in data.get("function_words", {}).items() if name != "_"}
        cues = _load_toml(os.path.join(root, "cues.toml"))
        cue_lexicons: dict[str, Lexicon] = {}
        for lang in LANGS:
            pats = [(_compile(pat, lang, root), "CUE", name, i)
                    for i, (name, spec) in enumerate(cues.items()) for pat in spec.get(lang, [])]
            cue_lexicons[lang] = Lexicon(lang, pats)
        self.cue_names = frozenset(c for lx in cue_lexicons.values() for c in lx.values)
        self.lexicons = _PerLanguage(self, lexicons)
        self.cues = _PerLanguage(self, cue_lexicons)
        self._loader = None

    # --- the cached form: the shared part, and one part per language ---------------------
    def _shared(self) -> dict:
        return {"root": self.root, "defaults": self.defaults, "metrics": self.metrics, "cue_names": self.cue_names,
                "numbers": self.numbers}

    def _language(self, lang: str) -> tuple[Lexicon, Lexicon]:
        return self.lexicons[lang], self.cues[lang]

    @classmethod
    def _assembled(cls, shared: dict, loader) -> "LexiconSet":
        """A set whose languages `loader(lang)` supplies as (lexicon, cues) on first use."""
        self = cls.__new__(cls)
        self.root, self.defaults, self.numbers = shared["root"], shared["defaults"], shared["numbers"]
        self.metrics, self.cue_names = shared["metrics"], shared["cue_names"]
        self.lexicons = _PerLanguage(self)
        self.cues = _PerLanguage(self)
        self._loader = loader
        return self

    def _load(self, lang: str) -> None:
        with _lock:
            if lang in self.lexicons._loaded:
                return
            lexicon, cues = self._loader(lang)
            self.cues._loaded[lang] = cues
            self.lexicons._loaded[lang] = lexicon

    def load_all(self) -> "LexiconSet":
        """Every language now (before forking workers, which then share them)."""
        for lang in LANGS:
            self.lexicons[lang]
        return self

    def __getstate__(self):
        self.load_all()
        return {"root": self.root, "defaults": self.defaults, "metrics": self.metrics, "cue_names": self.cue_names,
                "numbers": self.numbers, "lexicons": dict(self.lexicons._loaded), "cues": dict(self.cues._loaded)}

    def __setstate__(self, state):
        self.root, self.defaults, self.numbers = state["root"], state["defaults"], state["numbers"]
        self.metrics, self.cue_names = state["metrics"], state["cue_names"]
        self.lexicons = _PerLanguage(self, state["lexicons"])
        self.cues = _PerLanguage(self, state["cues"])
        self._loader = None

    def __getitem__(self, lang: str) -> Lexicon:
        return self.lexicons[lang]

    def cues_in(self, words: list[str], lang: str) -> frozenset:
        """Names of the cues (grammar/cues.toml) that occur among `words` (normalized)."""
        lex = self.cues[lang]
        known = lex._first_cache      # a word looked up before that begins no cue is passed over at once
        found = set()
        for i, w in enumerate(words):
            if w and known.get(w, True):
                found.update(r.value for r in lex.readings(words, i))
        return frozenset(found)


def _numbers(table: dict) -> dict:
    """common.toml [numbers]: `ordinal`, a tuple of endings; `scale`, suffix -> multiplier (a positive integer);
    `resolution`, `points`, `abbreviations` and `domains`, tuples of words; `comparison`, mark -> the period it
    compares; `letters`, language -> the letters only it writes (see the comments in common.toml)."""
    ordinal = table.get("ordinal", [])
    scale = table.get("scale", {})
    if not (isinstance(ordinal, list) and all(isinstance(e, str) and e for e in ordinal)):
        raise DataFileError("common.toml: [numbers] ordinal must be a list of endings")
    if not (isinstance(scale, dict) and all(type(v) is int and v > 0 for v in scale.values())):
        raise DataFileError("common.toml: [numbers.scale] maps each suffix to a positive whole multiplier")
    lists = {}
    for key in ("resolution", "points", "abbreviations", "domains"):
        value = table.get(key, [])
        if not (isinstance(value, list) and all(isinstance(e, str) and e for e in value)):
            raise DataFileError(f"common.toml: [numbers] {key} must be a list of words")
        lists[key] = tuple(value)
    comparison = table.get("comparison", {})
    if not (isinstance(comparison, dict) and all(v in ("year", "quarter", "month", "week") for v in comparison.values())):
        raise DataFileError("common.toml: [numbers.comparison] maps each mark to year, quarter, month or week")
    letters = table.get("letters", {})
    if not (isinstance(letters, dict) and set(letters) == {"ru", "uk"} and all(isinstance(v, str) for v in letters.values())):
        raise DataFileError("common.toml: [numbers] letters gives the letters only ru and only uk write")
    return {"ordinal": tuple(ordinal), "scale": dict(scale), **lists, "comparison": dict(comparison),
            "letters": {k: frozenset(v) for k, v in letters.items()}}


_lock = threading.RLock()
_default: LexiconSet | None = None


def default_lexicons() -> LexiconSet:
    """The package's lexicons. From the cache, the shared part now and each language on first use;
    a missing or broken part is rebuilt from the TOML files, never an error."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                from ..base import cache
                root = grammar_file()
                # keyed on the data folders' names, sizes and times, as the built-in rules are (a
                # release never changes a file in place): hashing the 250 KB of lexicon, paradigm,
                # metric and cue files cost every run about 6 M instructions
                digest = cache.key("lexicons", root, cache.data_stamp())
                built: list[LexiconSet] = []

                def build() -> LexiconSet:
                    if not built:
                        full = LexiconSet(root)
                        cache.store("lexicons", digest, full._shared())
                        for lang in LANGS:
                            cache.store(f"lexicon-{lang}", digest, full._language(lang))
                        built.append(full)
                    return built[0]

                def language(lang: str) -> tuple[Lexicon, Lexicon]:
                    part = None if built else cache.load(f"lexicon-{lang}", digest)
                    if not (isinstance(part, tuple) and len(part) == 2
                            and all(isinstance(x, Lexicon) and x.lang == lang for x in part)):
                        part = build()._language(lang)
                    return part

                shared = cache.load("lexicons", digest)
                if (type(shared) is dict and type(shared.get("root")) is str and type(shared.get("defaults")) is dict
                        and type(shared.get("metrics")) is dict and type(shared.get("cue_names")) is frozenset
                        and type(shared.get("numbers")) is dict
                        and all(type(m) is MetricInfo for m in shared["metrics"].values())):
                    _default = LexiconSet._assembled(shared, language)
                else:
                    _default = build()
    return _default
