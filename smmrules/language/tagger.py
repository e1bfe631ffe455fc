"""Choose one reading per word: the most preferred reading sequence the goal grammar accepts.

A word can be read several ways ("by" is a preposition, a method marker or a plain word;
"2026" is a year or a number). The tagger explores the readings with a small beam, running
the grammar's own LALR table on terminal names only, and keeps the cheapest sequence that
the grammar accepts to the end. Readings are ranked by the lexicon (longer phrases, exact
words, then file order); a word that no reading fits is a plain WORD.
"""
from __future__ import annotations

from decimal import Decimal

from .lexicon import Lexicon, Reading, normalize_word
from .lr import REDUCE, SHIFT, Table
from .lr import Token as Tok
from .normalize import month_end, written_year
from .tokenizer import CURRENCY_SIGNS, RawToken, line_col
from ..base.lazyre import LazyPattern

BEAM = 24
WORD_PENALTY = 4
# Steps of the LR simulation are memoised per (stack, terminal): goals share their openings and
# phrase shapes, so most steps repeat. The memo is dropped when it grows past this many entries.
MEMO_LIMIT = 20_000
# The readings of a run of consecutive words depend only on those words (and the lexicon), and the
# search's choice only on the lattice's shape: the terminal, length and cost of each reading at each
# position, never on the words or numbers themselves. Statements of a brief share their wording and
# differ in their figures, so both repeat; each memo is dropped when it grows past its limit.
RUN_MEMO_LIMIT = 1_024
SHAPE_MEMO_LIMIT = 1_024
# The readings of a token that is not a word (a number, a date, a symbol) depend only on the token's
# candidate readings: "%", "-", "2026" and small numbers repeat in every brief.
TOKEN_MEMO_LIMIT = 1_024
# The readings at one word of a run, by the words it can read to: runs differ in a word or two (a metric,
# a channel) and share the rest, so most of a new run's words have been read before
POSITION_MEMO_LIMIT = 4_096

_SYMBOLS: dict[str, tuple[tuple[str, str], ...]] = {
    "%": (("PERCENT", "%"),),
    "$": (("CUR_PRE", "USD"), ("CUR_POST", "USD")),
    "€": (("CUR_PRE", "EUR"), ("CUR_POST", "EUR")),
    "£": (("CUR_PRE", "GBP"), ("CUR_POST", "GBP")),
    "₽": (("CUR_POST", "RUB"), ("CUR_PRE", "RUB")),
    "₴": (("CUR_POST", "UAH"), ("CUR_PRE", "UAH")),
    "#": (("HASH", "#"), ("PUNCT", "#")),
    "№": (("HASH", "#"), ("PUNCT", "№")),
    "-": (("DASH", "-"), ("LABEL_END", "-"), ("PUNCT", "-")),
    "–": (("DASH", "-"), ("LABEL_END", "-"), ("PUNCT", "–")),
    "—": (("LABEL_END", "-"), ("PUNCT", "—")),
    ",": (("DATE_COMMA", ","), ("COMMA", ",")),
    ":": (("LABEL_END", ":"), ("COLON", ":")),
    "+": (("PLUS", "+"), ("PUNCT", "+")),
    "&": (("AND", "&"),),
    ">": (("BOUND", "ge"),), ">=": (("BOUND", "ge"),), "≥": (("BOUND", "ge"),),
    "<": (("BOUND", "le"),), "<=": (("BOUND", "le"),), "≤": (("BOUND", "le"),),
}


# Roman ordinals as ru/uk business writing numbers quarters and halves («II квартал», «І півріччя»),
# in Latin letters or the Cyrillic «І» that looks the same.
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "і": "1", "іі": "2", "ііі": "3", "іv": "4"}
_DATE_TOKENS = ("slash_date", "day_slash", "month_year", "year_range", "fiscal", "half", "compare", "short_year")


def _date_token(tok: RawToken) -> tuple[str, str, int]:
    """The one reading of a date-like token: 30/06/2026, 06/2026, 2016-17, FY26, H1, г/г, YoY."""
    kind, text = tok.kind, tok.text
    if kind == "slash_date":
        a, b, c = (int(p) for p in text.split("/"))
        months = (b,) if a > 31 else (a, b)         # (2026/06/30: the month second; 30/06/2026 or 06/30/2026)
        if not any(1 <= m <= 12 for m in months):
            return ("WORD", text, 1)                # "a 30/60/90 plan": no month in it, a name
        return ("DOT_DATE", text, 1)
    if kind == "day_slash":                         # 9/30 or 30/09: the part over 12 is the day
        a, b = (int(p) for p in text.split("/"))
        day, month = (a, b) if a > 12 else (b, a)
        if day > month_end(2024, month).day:        # (a leap year admits 29 February, as _check_date does)
            return ("WORD", text, 1)                # "2/30": no such day, a name
        return ("DOT_DATE", f"{day:02d}.{month:02d}", 1)
    if kind == "month_year":
        month, year = text.replace(".", "/").split("/")
        return ("ISO_DATE", f"{year}-{int(month):02d}", 1)
    if kind == "year_range":
        return ("YEAR_RANGE", str(tok.value), 1)
    if kind == "fiscal":
        return ("FISCAL", str(tok.value), 1)
    if kind == "half":
        return ("HALF", text[1] if text[0] in "Hh" else text[0], 1)
    if kind == "short_year":
        return ("YEAR", str(2000 + int(text[1:])), 1)     # "Q1'27", "Dec '26": this century's year
    # "YoY", «г/г»: a comparison window, read as the period it compares (common.toml [numbers.comparison];
    # the tokenizer admits a Cyrillic mark in any letter case)
    from .lexicon import default_lexicons
    marks = default_lexicons().numbers["comparison"]
    return ("PERIOD", marks.get(text) or marks[text.lower()], 1)


# Readings of words that name a time: where a word has one, the "*ing" ending does not make it a gerund
_TIME_WORDS = frozenset(("SEASON", "SEASON_ADV", "MONTH", "NAMED", "TIMENOUN", "EVENT"))


def _list_marker(raw: list[RawToken]) -> bool:
    """Whether a statement opens with the number of a list item ("1) ...", "2. ...", «3) ...»): one or
    two digits, a closing parenthesis or a dot, a space, then a word."""
    if len(raw) < 3 or not (raw[0].text.isdigit() and len(raw[0].text) <= 2):
        return False
    mark, first = raw[1], raw[2]
    return mark.kind == "symbol" and mark.text in (")", ".") and mark.start == raw[0].end \
        and first.start > mark.end and first.kind == "word"


_HEADING_NUMBER = LazyPattern(r"\d{1,2}(?:\.\d{1,2})?")     # "Goal 2.", "KR 1.3."


def _numbered_heading(raw: list[RawToken], i: int) -> bool:
    """Whether the dot at `i` may close a numbered heading: a word, a number of one or two digits (or
    two such numbers joined by a dot, "KR 1.3.") with the dot right after it, then a space and a word
    ("Goal 1. Grow ...", «Ціль 3. Зібрати ...»). Only a heading word (LABEL) before the number lets
    the grammar read the dot as the heading's end."""
    if i < 2 or i + 1 >= len(raw):
        return False
    num, word, nxt = raw[i - 1], raw[i - 2], raw[i + 1]
    return (num.kind == "number" and _HEADING_NUMBER.fullmatch(num.text) is not None and num.end == raw[i].start
            and word.kind == "word" and nxt.kind == "word" and nxt.start > raw[i].end)


def _after_preposition(out: list, words: list[str], i: int, preps: frozenset) -> bool:
    """Whether word `i` follows a preposition of `preps` with at most two words that may be metrics
    between ("on posts", "on carousel posts", "under Instagram posts")."""
    j = i - 1
    while j >= max(0, i - 3) and words[j] not in preps and any(e.terminal == "METRIC" for e in out[j]):
        j -= 1
    return j >= 0 and words[j] in preps


def _drop_idle_event_preps(out: list[list["_Edge"]]) -> None:
    """"by", «до», «к» are also event prepositions (EV_PREP, "by the rebrand"); where no event or
    holiday word follows within a few tokens that reading can never fit, and the preposition's
    PREP reading covers dates: drop it, so the search does not carry it along. Phrases that are
    only event prepositions ("in time for", "ahead of") keep it. "in" is one only right before its event
    ("in launch month", "in the launch week"), not before a place ("in the Telegram community by harvest")."""
    for i, edges in enumerate(out):
        if len(edges) <= 2 or not any(e.terminal == "EV_PREP" for e in edges):
            continue
        if any(e.meaning == "in" and e.terminal == "EV_PREP" for e in edges) and not any(
                e.terminal == "EVENT" for es in out[i + 1:i + 3] for e in es):
            out[i] = edges = [e for e in edges if e.terminal != "EV_PREP" or e.meaning != "in"]
        if len(edges) > 2 and any(e.terminal == "EV_PREP" for e in edges) and any(e.terminal == "PREP" for e in edges):
            # (up to four words before the event, articles between them: "by the end of the loyalty pilot")
            if not any(e.terminal in ("EVENT", "TIMENOUN") for es in out[i + 1:i + 10] for e in es):
                # a new list: the one there may be a remembered run's (Tagger.edges)
                out[i] = [e for e in edges if e.terminal != "EV_PREP" or e.length > 1]


class _Edge:
    """A reading of raw tokens: the terminal, its meaning, the raw tokens consumed, its cost."""

    __slots__ = ("terminal", "meaning", "length", "cost", "sig", "alts")

    def __init__(self, terminal: str, meaning: str, length: int, cost: int):
        self.terminal = terminal
        self.meaning = meaning
        self.length = length
        self.cost = cost
        self.sig = f"{terminal}\x01{length}\x01{cost}\x02"    # what the search sees of it (Tagger.tag)
        self.alts = None        # its alternatives in the tuple of readings it was made in (_alts)

    def __repr__(self) -> str:
        return f"_Edge({self.terminal!r}, {self.meaning!r}, {self.length}, {self.cost})"


# "~500 leads", "≈ 20%": a sign that a figure is approximate (the words that say so are each
# language's [function_words] approx)
_APPROX_SIGNS = frozenset("~\u2248")
# readings of a word that is a number ("около шести", "about two thousand")
_NUMBER_WORDS = frozenset({"NUMWORD", "SCALE"})


def _figure_at(raw: list[RawToken], words: list[str], j: int, lex: Lexicon) -> bool:
    """Whether a figure starts at raw token j: a number, a multiple, a currency sign before a number,
    or a number word."""
    if j >= len(raw):
        return False
    tok = raw[j]
    if tok.kind in ("number", "mult"):
        return True
    if tok.kind == "symbol":
        return tok.text in CURRENCY_SIGNS and j + 1 < len(raw) and raw[j + 1].kind == "number"
    return tok.kind == "word" and bool(words[j]) and any(r.terminal in _NUMBER_WORDS for r in lex.readings(words, j))


def drop_hedges(raw: list[RawToken], words: list[str], lex: Lexicon) -> tuple[list[RawToken], list[str]]:
    """The tokens without the hedges of approximate figures ("about 5k", "from ~8k", «около шести»,
    «близько тисячі»): an approximate figure is read as the figure. A hedge word before anything else
    ("a post about pricing", «около дома») stays."""
    hedges = lex.listed("approx")
    firsts = lex.listed_first_words("approx")
    drop: list[int] = []
    n = len(raw)
    i = 0
    while i < n:
        tok = raw[i]
        k = 0
        if tok.kind == "symbol":
            k = 1 if tok.text in _APPROX_SIGNS else 0
        elif tok.kind == "word" and words[i] in firsts:
            for length in (4, 3, 2, 1):
                if (i + length <= n and all(t.kind == "word" for t in raw[i:i + length])
                        and " ".join(words[i:i + length]) in hedges):
                    k = length
                    break
        if k and _figure_at(raw, words, i + k, lex):
            drop.extend(range(i, i + k))
            i += k
            continue
        i += 1
    if not drop:
        return raw, words
    gone = set(drop)
    return [t for j, t in enumerate(raw) if j not in gone], [w for j, w in enumerate(words) if j not in gone]


def _day_month(text: str, short_day: bool = False) -> bool:
    """Whether a figure is written as a day and a month: two digits, a dot, two digits ("15.11", "01.06"), or
    with `short_day` one digit of the day ("5.10")."""
    day, dot, month = text.partition(".")
    return (dot == "." and len(day) in ((1, 2) if short_day else (2,)) and len(month) == 2 and day.isdigit()
            and month.isdigit() and 1 <= int(day) <= 31 and 1 <= int(month) <= 12)


# a preposition's meanings before which Russian and Ukrainian write a day of one digit and a month («до 5.10», «к
# 1.09»), where a figure with a decimal point would have a comma
_DATE_PREPS = frozenset(("until", "toward"))


def _number_edges(tok: RawToken, short_day: bool = False) -> list[tuple[str, str]]:
    v = tok.value
    out = []
    if _day_month(tok.text, short_day):
        # «до 15.11», «(до 20.03)»: a day and a month, as Russian and Ukrainian write a date in the year under way;
        # a decimal where the grammar wants a figure ("ER 15.11%")
        out.append(("DOT_DATE", tok.text))
    if v == v.to_integral_value():
        iv = int(v)
        if 1 <= iv <= 31 and "," not in tok.text and " " not in tok.text:
            out += [("DAY_PRE", str(iv)), ("DAY_POST", str(iv))]
        if written_year(tok.text) is not None:
            out.append(("YEAR", str(iv)))
            if not tok.text.isdigit():
                return out      # «2025-го»: a year and nothing else
    out.append(("NUMBER", str(v)))
    return out


_CONTENT = frozenset({"METRIC", "CHANNEL", "NEW"})     # what a part of a hyphenated word may read as


def _splits(parts: list[str], lex: Lexicon, metrics: dict) -> bool:
    """Whether a hyphenated word the lexicon does not know reads as its words: where a metric's phrase of
    the lexicon runs over all of them; where every word it knows is a metric, a channel or "new", and it
    knows the last («онлайн-заявок») or a first Cyrillic noun followed by its apposition («клиентов-юрлиц»,
    «покупців-оптовиків»). A Latin first word before an unknown one is a modifier of the word it leaves
    unread («SEO-аналитика», «CRM-система»): not split."""
    if any(r.length == len(parts) and r.terminal in _CONTENT for r in lex.readings(parts, 0)):
        return True         # «лидов-заявок»: a metric's phrase over all of it
    if any(r.terminal not in _CONTENT for p in parts for r in lex.readings([p], 0)):
        return False        # "MQL-to-SQL", "demo-to-close", "year-over-year": a preposition inside names one thing
    if _known(parts[-1], lex, metrics):
        return True
    if len(parts) == 2 and any(r.terminal == "CHANNEL" for r in lex.readings(parts[:1], 0)) \
            and any(r.terminal == "METRIC" for r in lex.readings(parts[1:], 0)):
        return True         # «Telegram-спільнота», «VK-сообщество»: a channel's community, not a name
    return _known(parts[0], lex, metrics) and not parts[0].isascii()


def _known(part: str, lex: Lexicon, metrics: dict) -> bool:
    """Whether the lexicon reads a word of a hyphenated one as something concrete: a collective noun
    («клуб», «группа») heads a name there («фитнес-клуб» is a gym, not a community)."""
    return any(r.terminal != "METRIC" or not metrics[r.value].abstract for r in lex.readings([part], 0))


def split_compounds(raw: list[RawToken], words: list[str], lex: Lexicon, metrics: dict) -> tuple[list[RawToken], list[str]]:
    """The tokens with each hyphenated Russian or Ukrainian word the lexicon does not know split into its
    words: in «онлайн-заявок», «Telegram-подписчиков», «покупців-оптовиків» each part is a word of its own
    ("online applications"), the hyphen dropped as a space would be. A hyphenated word the lexicon reads
    as a whole («контент-план», «двадцать-пять»), or none of whose parts it knows, stays one word. A
    channel's stem, which matches any word it begins («telegram…»), does not read the whole:
    «Telegram-подписчиков» is the channel and the subscribers. English writes its compound nouns apart
    and joins only modifiers with a hyphen ("KYC-verified users"): its words stay whole."""
    if lex.lang == "en" or not any("-" in w for w in words):
        return raw, words
    out_raw: list[RawToken] = []
    out_words: list[str] = []
    window = getattr(lex, "_longest", 1)
    for i, tok in enumerate(raw):
        w = words[i]
        parts = w.split("-") if tok.kind == "word" and "-" in w[1:-1] else None
        if (parts is None or not all(parts) or _number_word(w, lex)[0] is not None
                or any(r.rank[1] == 0 or r.terminal != "CHANNEL" for r in lex.readings(words[i:i + window], 0))
                or not _splits(parts, lex, metrics)):
            out_raw.append(tok)
            out_words.append(w)
            continue
        start = tok.start
        for piece in tok.text.split("-"):
            out_raw.append(RawToken("word", piece, start, start + len(piece)))
            start += len(piece) + 1
        out_words += parts
    return out_raw, out_words


def _number_word(word: str, lex: Lexicon) -> tuple:
    """(value added, value multiplied by) of a number word alone: "twenty" (20, None), "hundred" (100, 100),
    «тысяч» (None, 1000), «пару» (2, None); (None, None) for any other word."""
    add = scale = None
    if "-" in word:     # "twenty-one"
        parts = word.split("-")
        value = _compose([_number_word(w, lex) for w in parts]) if all(parts) else None
        return value, None
    for r in lex.readings([word], 0):
        if r.length != 1:
            continue
        if r.terminal == "NUMWORD" and add is None:
            add = Decimal(r.value)
        elif r.terminal == "SCALE" and scale is None:
            scale = Decimal(r.value)
    return add, scale


def _compose(values: list[tuple]) -> Decimal | None:
    """The number a run of number words writes, or None where they do not make one: "two hundred and
    fifty", "twenty five thousand", «двадцать пять тысяч», «две тысячи пятьсот», «миллион двести тысяч»,
    «пару сотен», «сто двадцать». Units add in falling places (20 then 5, never 5 then 20); a scale word
    multiplies the number before it ("three hundred thousand"), or stands for one of itself first («миллион
    двести тысяч»), and scales fall too."""
    total = Decimal(0)
    current = Decimal(0)
    last_scale = None
    for add, scale in values:
        if scale is not None and scale >= 1000:
            if last_scale is not None and scale >= last_scale:
                return None
            if current:
                if current >= scale:
                    return None
                total += current * scale
            elif total == 0 and add is not None:
                total = scale
            else:
                return None
            current, last_scale = Decimal(0), scale
            continue
        if scale is not None and current:      # "two hundred", «пару сотен»
            if current >= 10:
                return None
            current *= scale
            continue
        if add is None:
            return None
        if current:
            place = Decimal(1)
            while current % (place * 10) == 0:
                place *= 10
            if add >= place or add != add.to_integral_value():
                return None
        current += add
    return total + current


def _compound_numbers(words: list[str], i: int, window: int, lex: Lexicon) -> list[tuple]:
    """A number written in two words or more ("two hundred", «двадцать пять тысяч», «пару сотен»), or in one
    hyphenated word ("twenty-five"): one NUMWORD reading of its value over all of them, before the
    readings of its first word alone (which the lexicon gives)."""
    out = []
    first = _number_word(words[i], lex)
    if "-" in words[i] and first[0] is not None:
        out.append(("NUMWORD", str(first[0]), 1))
    values = [first]
    k = i + 1
    end = min(len(words), i + window)
    while k < end:
        w = words[k]
        if w in lex.listed("number_and") and k + 1 < end and values[-1][1] is not None:
            k += 1      # "two hundred and fifty" (the lexicons' [function_words] number_and)
            continue
        nw = _number_word(w, lex)
        if nw == (None, None):
            break
        values.append(nw)
        k += 1
        value = _compose(values)
        if value is None:
            break
        out.insert(0, ("NUMWORD", str(value), k - i))
    return out


def _alts(here, edge: _Edge) -> tuple:
    """(terminal, meaning) of the other readings of the same length at the chosen reading's position."""
    if len(here) == 1:
        return ()
    return tuple([(e.terminal, e.meaning) for e in here if e.length == edge.length and e.terminal != edge.terminal])


def _ranked_edges(cands: list[tuple[str, str, int]], word: str, lex: Lexicon) -> list[_Edge]:
    """The readings of one token, costed by rank (a plain WORD last and dearer)."""
    edges = []
    for rank, (t, m, n) in enumerate(cands):
        cost = 10 + rank + (WORD_PENALTY if t == "WORD" else 0)
        if t == "VERB" and lex.secondary(word):
            cost += 10   # a participle or gerund (привлеченных) is a verb only where a word cannot be
        edges.append(_Edge(t, m, n, cost))
    return edges


class Tagger:
    def __init__(self, table: Table):
        self._actions = table.actions
        self._gotos = table.gotos
        self._rules = table.rules
        self._start = table.start
        self._end = table.end
        self._memo: dict[tuple, tuple | None] = {}
        self._runs: dict[tuple, tuple] = {}       # (lexicon, texts, words) of a run -> its readings
        self._shapes: dict[str, tuple] = {}       # lattice shape -> (True, chosen) or (False, failure)
        self._plain: dict[tuple, tuple] = {}      # a non-word token's candidate readings -> its edges
        self._positions: dict[tuple, tuple] = {}  # (lexicon, words from a word to its window's end, its text)
        self._sigs: dict[tuple, str] = {}         # a word's remembered readings -> their signatures joined
        self._ends: dict[tuple, bool] = {}        # stack -> whether the statement may end there

    # --- LR simulation on terminal names -------------------------------------------
    def _step(self, stack: tuple, term: str):
        """The stack after shifting `term` (and the reductions before it), or None if it does not fit."""
        key = (stack, term)
        memo = self._memo
        try:
            return memo[key]
        except KeyError:
            pass
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[key] = out = self._simulate(stack, term)
        return out

    def _simulate(self, stack: tuple, term: str):
        actions, gotos, rules = self._actions, self._gotos, self._rules
        while True:
            act = actions[stack[-1]].get(term)
            if act is None:
                return None
            action, arg = act
            if action == SHIFT:
                return stack + (arg,)
            origin, _, size = rules[arg][:3]
            if size:
                stack = stack[:-size]
            stack = stack + (gotos[stack[-1]][origin],)

    def _accepts_end(self, stack: tuple) -> bool:
        """Whether the statement may end with this stack: worked out once per stack (statements of
        one shape end on the same stack), by the reductions the table makes on $END."""
        ends = self._ends
        found = ends.get(stack)
        if found is None:
            if len(ends) >= MEMO_LIMIT:
                ends.clear()
            found = ends[stack] = self._reduces_to_end(stack)
        return found

    def _reduces_to_end(self, stack: tuple) -> bool:
        actions, gotos, rules = self._actions, self._gotos, self._rules
        while True:
            if stack[-1] == self._end:
                return True
            act = actions[stack[-1]].get("$END")
            if act is None or act[0] != REDUCE:
                return False
            origin, _, size = rules[act[1]][:3]
            if size:
                stack = stack[:-size]
            stack = stack + (gotos[stack[-1]][origin],)

    def expected_after(self, stack: tuple) -> list[str]:
        return sorted(t for t in self._actions[stack[-1]] if t.isupper() and t != "$END")

    # --- readings ------------------------------------------------------------------
    def edges(self, raw: list[RawToken], words: list[str], lex: Lexicon) -> list[list[_Edge]]:
        out: list[list[_Edge]] = []
        # a phrase may only run over consecutive words: where each run of words ends, found in one
        # backward pass (scanning forward from every word was quadratic in a long run of words)
        run_end = [0] * len(raw)
        end = len(raw)
        for j in range(len(raw) - 1, -1, -1):
            if raw[j].kind != "word":
                end = j
            run_end[j] = end
        runs, plain = self._runs, self._plain
        for i, tok in enumerate(raw):
            if tok.kind == "word":
                if i and raw[i - 1].kind == "word":
                    continue            # inside a run of words: its readings came with the run's first
                end = run_end[i]
                key = (lex, "\x00".join([t.text for t in raw[i:end]]), "\x00".join(words[i:end]))
                found = runs.get(key)
                if found is None:
                    if len(runs) >= RUN_MEMO_LIMIT:
                        runs.clear()
                    found = runs[key] = self._run_edges(raw[i:end], words[i:end], lex)
                out += found        # (shared, never changed in place: _drop_idle_event_preps)
                continue
            if tok.kind == "number" and i == 0 and _list_marker(raw):
                cands = [("PUNCT", tok.text, 1)]     # "1) Increase sales ...", "2. Grow ...": the list's number
            elif tok.kind == "number":
                short_day = lex.lang != "en" and i > 0 and any(
                    e.terminal == "PREP" and e.meaning in _DATE_PREPS for e in out[i - 1])
                cands = [(t, m, 1) for t, m in _number_edges(tok, short_day)]
            elif tok.kind == "ordinal":
                iv = int(tok.value) if tok.value == tok.value.to_integral_value() else 0
                cands = [("ORDINAL", str(tok.value), 1)]
                if 1 <= iv <= 31:
                    cands += [("DAY_PRE", str(iv), 1), ("DAY_POST", str(iv), 1)]
                cands.append(("WORD", tok.text, 1))
            elif tok.kind == "iso_date":
                cands = [("ISO_DATE", tok.text, 1)]
            elif tok.kind == "dot_date":
                cands = [("DOT_DATE", tok.text, 1)]
            elif tok.kind in _DATE_TOKENS:
                cands = [_date_token(tok)]
            elif tok.kind == "quarter":
                cands = [("QUARTER", tok.text[1], 1)]
            elif tok.kind == "mult":
                cands = [("MULT", str(tok.value), 1)]
            elif tok.kind == "pp":
                cands = [("PP", "pp", 1)]
            elif tok.kind == "blank":
                cands = [("PLACEHOLDER", tok.text, 1), ("WORD", tok.text, 1)]
            elif tok.kind == "always":
                cands = [("ALWAYS", "24/7", 1), ("WORD", tok.text, 1)]
            elif tok.text == "." and _numbered_heading(raw, i):
                cands = [("LABEL_END", ".", 1), ("PUNCT", ".", 1)]   # "Goal 1. Grow ...", «Цель 2. Увеличить ...»
            else:
                cands = [(t, m, 1) for t, m in _SYMBOLS.get(tok.text, (("PUNCT", tok.text),))]
            key = tuple(cands)      # (no lexicon reading: the word is "", the edges are the candidates')
            found = plain.get(key)
            if found is None:
                if len(plain) >= TOKEN_MEMO_LIMIT:
                    plain.clear()
                found = plain[key] = tuple(_ranked_edges(cands, words[i], lex))
            out.append(found)
        _drop_idle_event_preps(out)
        after_prep = lex.listed("noun_after")
        for i in range(1, len(raw)):
            es = out[i]
            if raw[i].kind != "word" or len(es) < 2:
                continue        # (only a word with several readings may lose one)
            terms = {e.terminal for e in es}
            after_figure = raw[i - 1].kind == "number"
            if after_figure and "SCALE" in terms and "NUMWORD" in terms:
                # "0.5 million", «2 миллиона»: after a figure a scale word is its scale, never a number
                out[i] = tuple([e for e in es if e.terminal != "NUMWORD"])
            elif "EVERY" in terms and "TIMES" in terms and (
                    after_figure or any(e.terminal in _NUMBER_WORDS for e in out[i - 1])):
                # «в 5 раз в 2026 году», «в пять раз в ...»: after a figure «раз» counts the times of a
                # multiple; «раз в две недели» alone is how often
                out[i] = tuple([e for e in es if e.terminal != "EVERY"])
            elif "VERB" in terms and after_prep and ("METRIC" in terms or "EVENT" in terms) \
                    and not words[i].endswith("ing") and _after_preposition(out, words, i, after_prep):
                # "comments on posts", "likes on carousel posts", "in the month after launch": after a
                # preposition a noun, not a verb
                out[i] = tuple([e for e in es if e.terminal != "VERB"])
            elif "PERPOST" in terms and any(e.terminal == "VERB" for e in out[i - 1]) \
                    and not any(e.terminal == "METRIC" for e in out[i - 1]):
                # "publish a post every day": right after a verb, "a post" is its object, not "per post"
                out[i] = tuple([e for e in es if e.terminal != "PERPOST"])
        return out

    def _run_edges(self, raw: list[RawToken], words: list[str], lex: Lexicon) -> tuple:
        """The readings at each word of a run of consecutive words (`raw`, normalized as `words`):
        a phrase may run to the run's end, never past it. A word's readings depend on its own text
        and the words up to where its longest phrase could end, nothing else: they are remembered
        by those (the same tuple of edges for the same words, as a remembered run shares its own)."""
        window = getattr(lex, "_longest", len(raw))   # no phrase is longer than the lexicon's longest
        out = []
        memo = self._positions
        for i, tok in enumerate(raw):
            w = words[i]
            # (what the word's own phrases can span, or the whole window where a number in words may begin)
            reach = lex.reach(w) if w and "-" not in w else -1
            key = (lex, tok.text, *words[i:i + (max(1, reach) if reach >= 0 else window)])
            found = memo.get(key)
            if found is None:
                if len(memo) >= POSITION_MEMO_LIMIT:
                    memo.clear()
                    self._sigs.clear()
                found = memo[key] = self._position_edges(tok, words, i, window, lex)
                self._sigs[found] = "".join([e.sig for e in found])
            out.append(found)
        for i, found in enumerate(out):
            if i + window < len(raw) and any(e.terminal == "NUMWORD" and e.length >= window - 1 for e in found):
                # a number in words longer than any phrase ("forty six thousand one hundred twenty one"): read
                # over the whole run, which no remembered position can see
                longer = [c for c in _compound_numbers(words, i, len(words) - i, lex) if c[2] >= window]
                if longer:
                    out[i] = tuple(_ranked_edges(longer, words[i], lex)) + found
        return tuple(out)

    @staticmethod
    def _position_edges(tok: RawToken, words: list[str], i: int, window: int, lex: Lexicon) -> tuple:
        """The readings at the i-th word of a run (Tagger._run_edges)."""
        readings: list[Reading] = lex.readings(words[i:i + window], 0) if words[i] else []
        cands = [(r.terminal, r.value, r.length) for r in readings]
        if any(c[0] in _TIME_WORDS for c in cands):
            # "by spring": a season, not a gerund opening a method clause ("by posting")
            cands = [c for c in cands if c[0] != "GERUND"]
        if any(c[0] in ("NUMWORD", "SCALE") for c in cands) or "-" in words[i]:
            cands[:0] = _compound_numbers(words, i, window, lex)
        roman = _ROMAN.get(words[i]) if lex.lang != "en" or len(words[i]) > 1 else None
        if roman:      # «II квартал», «III кв.»: an ordinal
            cands.append(("ORDINAL", roman, 1))
        cands.append(("WORD", tok.text, 1))
        return tuple(_ranked_edges(cands, words[i], lex))

    def tag(self, text: str, raw: list[RawToken], lex: Lexicon, base_line: int = 1, words=None,
            base_col: int = 1):
        """Return (tokens, None) on success or (None, failure) where failure = (raw index, expected)."""
        if words is None:
            words = [normalize_word(t.text) if t.kind == "word" else "" for t in raw]
        edges = self.edges(raw, words, lex)
        # the lattice's shape: the signatures of the readings at each token, those of a word's remembered
        # readings joined when they were made (_run_edges)
        sigs = self._sigs
        parts = []
        for es in edges:
            sig = sigs.get(es) if es.__class__ is tuple else None
            parts.append(sig if sig is not None else "".join([e.sig for e in es]))
        shape = "\x03".join(parts)
        found = self._shapes.get(shape)
        if found is None:
            if len(self._shapes) >= SHAPE_MEMO_LIMIT:
                self._shapes.clear()
            found = self._shapes[shape] = self._choose(edges)
        accepted, what = found
        if not accepted:
            index, expected = what
            return None, (index, list(expected))
        chosen = [(what[j], edges[what[j]][what[j + 1]]) for j in range(0, len(what), 2)]
        return self._tokens(text, raw, edges, chosen, base_line, base_col), None

    def _choose(self, edges: list) -> tuple:
        """The search's answer for a lattice: (True, (raw index, index of the reading there, raw index,
        ...)) for the cheapest reading sequence the grammar accepts, or (False, (raw index, expected
        terminals))."""
        n = len(edges)
        hyps, furthest = self._search(edges, n)
        best = None
        for stack, (cost, path) in hyps[n].items():
            if self._accepts_end(stack) and (best is None or cost < best[0]):
                best = (cost, path)
        if best is None:
            index, expected = self._failure(hyps, n, furthest)
            return False, (index, tuple(expected))
        chosen = []
        path = best[1]
        while path is not None:
            i, edge = path[0]
            chosen.append((i, next(k for k, e in enumerate(edges[i]) if e is edge)))
            path = path[1]
        chosen.reverse()
        return True, tuple([n for pair in chosen for n in pair])

    def _search(self, edges: list, n: int) -> tuple[list[dict], tuple]:
        """The beam search over the readings of the n tokens: for each position, the parser stacks
        reached there with their cheapest cost and path; and the furthest position with hypotheses."""
        step = self._step
        # hyps[i]: dict stack -> (cost, path) ; path is a linked list ((i, edge), prev)
        hyps: list[dict] = [dict() for _ in range(n + 1)]
        hyps[0][(self._start,)] = (0, None)
        furthest = (0, (self._start,))
        for i in range(n):
            here = hyps[i]
            if not here:
                continue
            if len(here) > BEAM:
                here = dict(sorted(here.items(), key=lambda kv: kv[1][0])[:BEAM])
            furthest = (i, min(here.items(), key=lambda kv: kv[1][0])[0])
            # (the order of the two loops decides ties between equal costs: stacks, then readings)
            ways = [(edge, edge.terminal, edge.cost, hyps[i + edge.length]) for edge in edges[i]]
            for stack, (cost, path) in here.items():
                for edge, terminal, cost_here, ahead in ways:
                    if terminal == "SKIP":
                        new_stack = stack
                    else:
                        new_stack = step(stack, terminal)
                        if new_stack is None:
                            continue
                    c = cost + cost_here
                    prev = ahead.get(new_stack)
                    if prev is None or c < prev[0]:
                        ahead[new_stack] = (c, ((i, edge), path))
        return hyps, furthest

    def _failure(self, hyps: list[dict], n: int, furthest: tuple) -> tuple:
        """Where a statement no reading parses stops fitting: (raw index, expected terminals)."""
        if hyps[n]:
            stack = min(hyps[n].items(), key=lambda kv: kv[1][0])[0]
            return n, self.expected_after(stack)
        i, stack = furthest
        # the furthest position reached with hypotheses; the token there fits none
        for k in range(n, -1, -1):
            if hyps[k]:
                i = k
                stack = min(hyps[k].items(), key=lambda kv: kv[1][0])[0]
                break
        return i, self.expected_after(stack)

    def _tokens(self, text: str, raw: list[RawToken], edges: list, chosen: list, base_line: int,
                base_col: int) -> list:
        """The grammar's tokens of the chosen readings, placed in the text (lines and columns)."""
        tokens = []
        one_line = "\n" not in text
        for i, edge in chosen:
            if edge.terminal == "SKIP":
                continue
            first, last = raw[i], raw[i + edge.length - 1]
            if one_line:   # the usual statement: columns are offsets
                line, col, eline, ecol = 1, first.start + 1, 1, last.end + 1
            else:
                line, col = line_col(text, first.start)
                eline, ecol = line_col(text, last.end)
            if line == 1:
                col += base_col - 1
            if eline == 1:
                ecol += base_col - 1
            here = edges[i]
            if here.__class__ is tuple:     # the readings it was made with (remembered, never changed)
                alts = edge.alts
                if alts is None:
                    alts = edge.alts = _alts(here, edge)
            else:                           # a list: some readings were dropped (_drop_idle_event_preps)
                alts = _alts(here, edge)
            tok = Tok(edge.terminal, text[first.start:last.end], first.start, line + base_line - 1,
                      col, eline + base_line - 1, ecol, last.end, edge.meaning, alts)
            tokens.append(tok)
        return tokens
