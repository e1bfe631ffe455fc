"""Split a statement into raw tokens: words, numbers, dates and symbols, with their offsets."""
from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from ..base.lazyre import LazyPattern
from ..base.regexcache import compile_cached
from ..base.lazyre import one_of as _one_of
from ..base.record import Record, _set
from ..base.errors import GoalSyntaxError
from .normalize import written_year


class RawToken(Record):
    """kind: word number iso_date dot_date quarter mult ordinal always blank symbol; start/end: offsets."""

    __slots__ = ("kind", "text", "start", "end", "value")

    def __init__(self, kind: str, text: str, start: int, end: int, value: object = None):
        _set(self, "kind", kind)
        _set(self, "text", text)
        _set(self, "start", start)
        _set(self, "end", end)
        _set(self, "value", value)


_SEPARATORS = " \u00a0\u202f\u2009"   # between thousands: a space, a no-break or a thin space
_DROP_SEPARATORS = str.maketrans("", "", _SEPARATORS)
_SEP = _one_of(_SEPARATORS)
_TIMES = _one_of("xх×")
_INVISIBLE = _one_of("\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                     "\u2066\u2067\u2068\u2069\u00ad", extra=r"\s")
_LETTER = r"[^\W\d_]"
_LONG_DASH = _one_of("–—")
_YEAR_DASH = _one_of("-/–")
# A product name with its number ("iPhone 15") is read after the token pattern has matched
# (tokenize), as is a "4K" that is a video resolution (common.toml [numbers] resolution).
_PRODUCT = LazyPattern(r"[a-z]+[A-Z][A-Za-z]*")
_LATIN = "[A-Za-z]"
# Tokens with digits that are not numbers: a word to the tagger (B2B, D2C, Web3, v2.0, GPT-4, 5G, 3D,
# 360°, 1+1 and 2+1 offers, names joined by underscores: @brand_2026, a figure and capital Cyrillic letters: 2ГИС). Q1-Q4 and H1/H2 (and «1П», «2ПГ») stay dates, top3/top-3 ranks.
_NAME = (
    # (a plain word fails the first look-ahead at once: the alternatives are not tried on it)
    r"(?=[@#]?[^\W\d_]*[\d_]|[A-Za-z]+-\d|\d)(?:"
    # ("mid-2026", "end-2026": a word and a year, not a name). The runs of letters and digits are
    # possessive: a run of n digits then "%" ("c111...1%") was tried in 2^n ways before failing.
    r"(?![HhQq][1-4](?!\w)|[Tt][Oo][Pp]-?\d|[A-Za-z]+-(?:19|20|21)\d\d(?![\w.]))" + _LATIN + r"++(?:-?\d++" + _LATIN + r"*+)++(?:\.\d++)*(?![\w%])"
    + r"|[@#]?[^\W_]+(?:_+[^\W_]+)+"
    + r"|\d[GD](?!\w)|\d{1,3}°|\d\+\d(?![\d%])|\d(?!МЛН|МЛРД|ТЫС|ТИС)[\u0400-\u042F\u0490]{3,}(?!\w)"
    + r")"
)
# 24/7 (and 24x7, 24/7/365): round-the-clock, a level of availability and not the number 24
_ALWAYS = r"24[/x]7(?:/365)?(?![\d%])"
# A day and a month with no year where only one order is a date: "by 9/30", "on 4/14" (month first, as
# American English writes it), «до 30/09» (day first); "3/4", "1/2" and "24/7" are never read so.
_DAY_SLASH = (r"(?<![\d/.,])(?:(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2]))"
              r"(?![\d/%]|[.,]\d)")
# A site's address is one word, the name of a place on the web: "Booking.com", "hotels.com", «rozetka.com.ua»
_DOMAIN = (r"(?<![\w.@/])[A-Za-z][A-Za-z0-9-]*+(?:\.[A-Za-z0-9-]++)*?"
           r"\.(?:{domains})(?!\w|\.\w)")     # (the endings are lexicon data: common.toml [numbers] domains)
# A template's blank for a number or a date: [Target], [X], {X}, {{N}}, <N>, ___
_BLANK = (r"\[[^\W\d][^\[\]\d\n]{0,39}\]"
          r"|\{\{?[^\W\d][^{}\d\n]{0,39}\}?\}"
          r"|<[^\W\d][^<>\d\n]{0,39}>"
          r"|_{2,}")
# A word that nothing else can start (no digit, underscore or "." right after it, no figure after
# a space): read at once, without trying the alternatives below it. Words it leaves go to `word`.
_PLAIN = (r"(?>[@#]?" + _LETTER + r"+(?:" + _one_of("'’ʼ-") + _LETTER + r"+)*)"
          r"(?![\d_.°+]|-\d)")

_TOKEN_SOURCE = (
    r"""
    (?=[\dFfHhYMQW]|[^\W\d_]/)     # the date forms below start so: every other token skips them at once
    (?:(?P<year_range>(?:19|20|21)\d\d(?:[-/]|\s?""" + _LONG_DASH + r"""\s?)(?:(?:19|20|21)\d\d|1[3-9]|[2-9]\d)(?![\d%/-]|[.,]\d|\s*%))
  | (?P<fiscal>[Ff][Yy]\s?(?:\d{4}|\d\d)(?:""" + _YEAR_DASH + r"""(?:\d{4}|\d\d))?(?![\w%]))
  | (?P<slash_date>(?:\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|(?:19|20|21)\d\d/\d{1,2}/\d{1,2})(?![\d/]))
  | (?P<month_year>(?:\d{1,2}/(?:19|20|21)\d\d|(?:0[1-9]|1[0-2])\.(?:19|20|21)\d\d)(?![\d/.]|,\d))
  | (?P<half>[Hh][12](?!\w)|[12][Пп][Гг]?(?!\w))     # H1, H2; «1П», «2ПГ» (a half in Russian and Ukrainian notes)
  | (?P<compare>(?:{comparison})(?!\w)))
  | (?P<iso_date>(?:19|20|21)\d\d-\d\d(?:-\d\d)?(?![\d%]|[.,]\d|\s*%))
  | (?P<dot_date>\d{1,2}\.\d{1,2}\.(?:\d{4}|\d\d)(?!\d|\.\d))
  | (?P<quarter>[Qq][1-4](?![\w]))
  | (?P<short_year>""" + _one_of("'’") + r"""\d\d(?![\d%]|[.,]\d))
  | (?P<space>""" + _INVISIBLE + r"""+)
  | (?P<plain>""" + _PLAIN + r""")
  | (?P<domain>""" + _DOMAIN + r""")
  | (?P<always>""" + _ALWAYS + r""")
  | (?P<day_slash>""" + _DAY_SLASH + r""")
  | (?P<blank>""" + _BLANK + r""")
  | (?P<mult>""" + _TIMES + r"""\d+(?:[.,]\d+)?(?!\w)|\d+(?:[.,]\d+)?""" + _TIMES + r"""(?!\w))
  | (?P<name>""" + _NAME + r""")
  | (?P<number>
        (?:\d{1,3}(?:,\d{3})+(?:\.\d+)?
         |\d{1,3}(?:""" + _SEP + r"""\d{3})+(?:[.,]\d+)?(?![\d°])
         |\d+(?:[.,]\d+)?)
        (?P<ord>-?(?:{ordinal})(?!""" + _LETTER + r"""))?
        (?P<scale>(?:{scale})(?!""" + _LETTER + r"""))?
    )
  | (?P<pp>(?:{points})\.?(?!""" + _LETTER + r"""))
  | (?P<word>[@#]?""" + _LETTER + r"""+(?:""" + _one_of("'’ʼ-_") + _LETTER + r"""+)*)
  | (?P<symbol>>=|<=|[^\s\w])
    """
)


class _TokenPattern:
    """The token pattern, compiled on first use: its ordinal endings and scale suffixes are lexicon
    data (grammar/lexicon/common.toml, [numbers]). Answers like the compiled pattern; `scales`
    maps each scale suffix to its multiplier."""

    __slots__ = ("_compiled", "_scales", "_resolution", "_abbreviations")

    def __init__(self):
        self._compiled = self._scales = self._resolution = self._abbreviations = None

    def _build(self) -> None:
        from .lexicon import default_lexicons
        numbers = default_lexicons().numbers
        source = (_TOKEN_SOURCE.replace("{ordinal}", "|".join(re.escape(e) for e in numbers["ordinal"]))
                  .replace("{scale}", "|".join(re.escape(e) for e in numbers["scale"]))
                  .replace("{comparison}", "|".join(map(_comparison, numbers["comparison"])))
                  .replace("{domains}", "|".join(map(re.escape, numbers["domains"])))
                  .replace("{points}", "|".join(r"\.\s?".join(map(re.escape, p.split("."))) for p in numbers["points"])))
        # (two threads may both build: the results are equal, either will do)
        self._scales = numbers["scale"]
        self._abbreviations = frozenset(numbers["abbreviations"])
        self._resolution = re.compile(r"[\s-]*(?:" + "|".join(map(re.escape, numbers["resolution"])) + ")",
                                      re.IGNORECASE)
        self._compiled = compile_cached(source, re.VERBOSE)

    @property
    def resolution(self) -> re.Pattern:
        """Matches, right after a number, a word that makes a one-letter thousand a video resolution."""
        if self._resolution is None:
            self._build()
        return self._resolution

    @property
    def compiled(self) -> re.Pattern:
        if self._compiled is None:
            self._build()
        return self._compiled

    @property
    def abbreviations(self) -> frozenset:
        """The words whose dot marks an abbreviation, not the end of a sentence («тыс.», «грн.»)."""
        if self._abbreviations is None:
            self._build()
        return self._abbreviations

    @property
    def scales(self) -> dict:
        if self._scales is None:
            self._build()
        return self._scales

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)


def _comparison(form: str) -> str:
    """A comparison mark's pattern: Cyrillic marks in any letter case, Latin ones as written."""
    escaped = re.escape(form)
    return f"(?i:{escaped})" if any("\u0400" <= ch <= "\u04ff" for ch in form) else escaped


_TOKEN_RE = _TokenPattern()

# an amount may end in one of these before a rate's slash ("$5k/month" ends in k; "5 000 $/мес")
CURRENCY_SIGNS = frozenset("$€£₽₴")

# A figure in a goal has a few digits; one longer than this is a malformed number (and would
# overflow a float or the int-to-text limit downstream).
MAX_DIGITS = 20

# ASCII symbols that never belong in a goal statement; anything else unknown is punctuation.
# ("*" marks a footnote or stars, "5* rating"; "~" is "about", "~500 leads"; "|" divides the cells of a KPI
# table's row pasted whole, "Instagram | Followers | 10k | Q3": punctuation, not stray)
_STRAY = set("^{}[]\\_`@")


_GROUPED = LazyPattern(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")     # 3,200 and 1,250,000.5


def _decimal(text: str) -> Decimal:
    digits = text.translate(_DROP_SEPARATORS)
    if "," not in digits:           # the usual figure: nothing to group or to read as a decimal comma
        pass
    elif _GROUPED.fullmatch(digits):
        digits = digits.replace(",", "")
    else:
        digits = digits.replace(",", ".")
    try:
        return Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the regex only admits digits
        raise ValueError(text) from None


def tokenize(text: str) -> list[RawToken]:
    """Raw tokens of `text`; raises GoalSyntaxError on a character no goal can contain."""
    out: list[RawToken] = []
    append = out.append
    match = _TOKEN_RE.compiled.match
    scales = _TOKEN_RE.scales
    pos = 0
    n = len(text)
    while pos < n:
        if text[pos] == " ":    # the usual space between tokens makes none: no match needed (the
            pos += 1            # pattern looks at no character before where it starts)
            continue
        m = match(text, pos)
        if m is None:  # pragma: no cover - the symbol branch matches any single character
            raise _stray(text, pos)
        kind = m.lastgroup
        s, e = m.span()
        pos = e
        # the usual kinds first: most tokens are words and the spaces between them
        if kind == "plain" or kind == "word":
            t = m.group()
            if len(t) == 1 and t in "@#":
                raise _stray(text, s)  # pragma: no cover - the word branch needs a letter
            append(RawToken("word", t, s, e))
        elif kind == "space":
            pass
        elif kind == "number" or m.group("number"):
            _number(text, m, out, scales)
        elif kind == "mult":
            t = m.group(0)
            digits = t.strip("xх×")
            _check_length(text, s, digits)
            append(RawToken("mult", t, s, e, _decimal(digits)))
        elif kind == "name" or kind == "domain":
            append(RawToken("word", m.group(0), s, e))
        elif kind == "year_range" or kind == "fiscal":
            pos = _year_span(text, m, kind, out)
        elif kind == "symbol":
            ch = m.group(0)
            cat = unicodedata.category(ch[0])
            if ch in _STRAY or (cat == "Cc") or cat in ("Co", "Cs", "Cn"):
                raise _stray(text, s)
            if ch == "." and out and out[-1].end == s and out[-1].text.lower() in _TOKEN_RE.abbreviations:
                prev = out[-1]   # «500 тыс. ₽», «2 млн. грн»: the abbreviation's own dot, no sentence's end
                out[-1] = RawToken(prev.kind, prev.text, prev.start, e)
                continue
            if ch == "/" and out and out[-1].end == s and e < n and text[e].isalpha() and (
                    out[-1].kind in ("number", "word") or out[-1].text.lower() in _TOKEN_RE.abbreviations
                    or out[-1].text in CURRENCY_SIGNS):
                # "5k/month", «40K/мес», «2 млн/мес», «300 заявок/мес»: a rate (the lexicons' PERIOD)
                append(RawToken("word", ch, s, e))
                continue
            append(RawToken("symbol", ch, s, e))
        else:
            append(RawToken(kind, m.group(0), s, e))
    return out


# A year range longer than this ("2000-2100") is read as two numbers.
_MAX_YEAR_SPAN = 10


def _number(text: str, m: re.Match, out: list[RawToken], scales: dict) -> None:
    """A number token, with its ordinal ending or scale suffix (`scales`: suffix -> multiplier): a
    number, an ordinal, or a word ("4K video", "iPhone 15"). Appends to `out` (taking back the
    product's name before it)."""
    s, e = m.span()
    ord_ = m.group("ord")
    scale = m.group("scale")
    num_text = m.group("number")
    if ord_:
        num_text = num_text[: len(num_text) - len(ord_) - (len(scale) if scale else 0)]
    elif scale:
        num_text = num_text[: len(num_text) - len(scale)]
    _check_length(text, s, num_text)
    if not scale and not ord_ and _EXPONENT.match(text, e):
        raise _malformed(text, s, text[s:_EXPONENT.match(text, e).end()],
                         "write the number in full: exponent notation like 1e6 is not read as a goal's figure")
    value = _decimal(num_text)
    if ord_ and not scale and written_year(m.group(0)) is not None:
        # «до кінця 2025-го», «к 2027-му году», «в 2026-м»: a year (its ordinal is how Russian and
        # Ukrainian write a year's case), read as the year itself
        out.append(RawToken("number", m.group(0), s, e, value))
    elif ord_ and not scale:
        out.append(RawToken("ordinal", m.group(0), s, e, value))
    elif scale and len(scale) == 1 and scales[scale] == 1000 and len(num_text) == 1 and _TOKEN_RE.resolution.match(text, e):
        out.append(RawToken("word", m.group(0), s, e))       # 4K video: a resolution
    elif (not scale and out and out[-1].kind == "word" and out[-1].end == s - 1 and text[s - 1] == " "
          and len(num_text) <= 3 and num_text.isdigit() and _PRODUCT.fullmatch(out[-1].text)
          and not text[e:].lstrip(" ").startswith("%")):
        prev = out.pop()                                # iPhone 15: a product's name
        out.append(RawToken("word", text[prev.start:e], prev.start, e))
    else:
        if scale:
            value *= scales[scale]
        out.append(RawToken("number", m.group(0), s, e, value))


def _year_span(text: str, m: re.Match, kind: str, out: list[RawToken]) -> int:
    """A year range or fiscal year ("2026-2027", "FY26"), or the first of two numbers ("2000-2100
    followers"); appends its token to `out` and returns where the next token starts."""
    s, e = m.span()
    first, last = _years(m.group(0))
    if kind == "year_range" and not first < last <= first + _MAX_YEAR_SPAN:
        if len(re.findall(r"\d+", m.group(0))[-1]) == 4:
            # "2000-2100 followers": two numbers, not a span of years
            out.append(RawToken("number", m.group(0)[:4], s, s + 4, Decimal(first)))
            return s + 4
        line, col = line_col(text, s)
        raise GoalSyntaxError("E003", "invalid-date",
                              f"invalid year range {m.group(0)!r}: it ends before it starts",
                              line=line, column=col, text=m.group(0))
    out.append(RawToken(kind, m.group(0), s, e, last))
    return e




def _years(text: str) -> tuple[int, int]:
    """The first and last year of "2016-17", "2026–2027", "FY26", "FY2026/27" (two digits: that century)."""
    parts = re.findall(r"\d+", text)
    first = int(parts[0]) if len(parts[0]) == 4 else 2000 + int(parts[0])
    last = first
    if len(parts) > 1:
        last = int(parts[1]) if len(parts[1]) == 4 else first - first % 100 + int(parts[1])
    return first, last


# "1e309" right after a number: read as 1 and a stray word before, now a malformed number
_EXPONENT = re.compile(r"[eE][+-]?\d+")


def _check_length(text: str, pos: int, num_text: str) -> None:
    if sum(ch.isdigit() for ch in num_text) > MAX_DIGITS:
        raise _malformed(text, pos, num_text, f"a number of more than {MAX_DIGITS} digits cannot be a goal's figure")


def _malformed(text: str, pos: int, shown: str, message: str) -> GoalSyntaxError:
    line, col = line_col(text, pos)
    return GoalSyntaxError("E006", "malformed-number", message, line=line, column=col, text=shown)


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _stray(text: str, pos: int) -> GoalSyntaxError:
    line, col = line_col(text, pos)
    ch = text[pos]
    shown = ch if ch.isprintable() else f"U+{ord(ch):04X}"
    return GoalSyntaxError("E001", "stray-character",
                           f"unexpected character {shown!r}: a goal statement is words, numbers and dates",
                           line=line, column=col, text=shown)
