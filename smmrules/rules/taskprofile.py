"""What a task line's words say: the kinds of goal it serves, from the catalogue's tasks it names (their
match words, rules/tasks-*.toml) and the metrics it names (grammar/metrics.toml), with the ad
frequency it sets. A task is free text, not a goal statement: it is read for hints, never parsed."""
from __future__ import annotations

from ..base.lazyre import LazyPattern
from ..language.lexicon import normalize_word
from ..language.tokenizer import tokenize

TYPE_CHECKING = False
if TYPE_CHECKING:
    from ..language.lexicon import LexiconSet
    from .catalogue import Catalogue

_FREQ_RE = LazyPattern(r"(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(\d+(?:[.,]\d+)?))?")
# how much one piece of evidence weighs: a catalogue task's own kind and a metric the task names
# outweigh the other kinds a matched catalogue task moves through its metrics
_OWN, _METRIC, _MOVED = 2, 2, 1


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The normalized words ("" for anything else) and each token's kind."""
    try:
        raw = tokenize(text)
    except Exception:  # noqa: BLE001 - a task is free text; a stray symbol only means no hints
        return [], []
    return [normalize_word(t.text) if t.kind == "word" else "" for t in raw], [t.kind for t in raw]


def profile(text: str, lang: str, lexicons: LexiconSet, catalogue: Catalogue) -> dict:
    """kinds: the kinds of goal the words point to, most evidence first; categories: the same,
    sorted; tasks: the ids of the catalogue tasks named; cues: the cue words (grammar/cues.toml)
    found; frequency_low and frequency_high: the ad frequency set, if any."""
    from ..base.limits import MAX_STATEMENT
    from .catalogue import KINDS
    text = text[:MAX_STATEMENT]  # a task is read for hints only: a huge line costs no more than a statement
    words, kinds = _tokens(text)
    cues = lexicons.cues_in(words, lang)
    weight: dict[str, int] = {}

    def add(kind: str, amount: int) -> None:
        if kind in KINDS:
            weight[kind] = weight.get(kind, 0) + amount

    index = catalogue.index
    matcher = catalogue.matcher(lang)
    named: list[str] = []
    for i, w in enumerate(words):
        if w:
            named += [r.value for r in matcher.readings(words, i) if r.value not in named]
    for task_id in named:
        task = index[task_id]
        add(task.category, _OWN)
        for kind in {lexicons.metrics[m].category for m in task.metrics} - {task.category}:
            add(kind, _MOVED)
    audience = lexicons.cues[lang]
    i = 0
    while i < len(words):
        w, i = words[i], i + 1
        readings = [r for r in lexicons[lang].readings(words, i - 1) if r.terminal == "METRIC"] if w else []
        if not readings:
            continue
        # a word for people ("clients", «подписчиков») names whom the work is for, unless a figure
        # counts them ("5,000 subscribers")
        if (any(r.value == "audience" for r in audience.readings(words, i - 1))
                and "number" not in kinds[max(0, i - 3):i - 1]):
            continue
        add(lexicons.metrics[readings[0].value].category, _METRIC)
        i += readings[0].length - 1
    order = sorted(weight, key=lambda k: (-weight[k], KINDS.index(k)))
    low = high = None
    if "frequency" in cues:
        lx = lexicons.cues[lang]
        # the first number after the word that named the frequency
        lowered = normalize_word(text)
        for i, w in enumerate(words):
            if w and any(r.value == "frequency" for r in lx.readings(words, i)):
                at = lowered.find(w)
                m = _FREQ_RE.search(lowered, at if at >= 0 else 0)
                if m:
                    low = float(m.group(1).replace(",", "."))
                    high = float(m.group(2).replace(",", ".")) if m.group(2) else low
                break
    return {"kinds": tuple(order), "categories": tuple(sorted(order)), "tasks": tuple(named),
            "cues": tuple(sorted(c for c in cues if c != "audience")),
            "frequency_low": low, "frequency_high": high}
