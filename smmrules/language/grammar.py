"""Build the goal grammar once and turn statements into parse trees (tagger + LALR)."""
from __future__ import annotations

import threading

from ..base import cache
from . import lr
from ..base.errors import GoalSyntaxError
from .lexicon import LexiconSet, default_lexicons, normalize_word
from ..base.resources import grammar_file
from .tagger import Tagger, drop_hedges, split_compounds
from .tokenizer import line_col, tokenize


def grammar_text() -> str:
    with open(grammar_file("goal.lark"), encoding="utf-8") as fh:
        return fh.read()


def build_lark(debug: bool = False):
    """The goal grammar as a Lark LALR parser (used to build the tables, and by tests and benchmarks)."""
    from lark import Lark
    from lark.lexer import Lexer

    class _TaggedInput(Lexer):
        """The 'lexer' Lark sees: it hands over the tokens the tagger already chose."""
        __future_interface__ = 2

        def __init__(self, lexer_conf):
            pass

        def lex(self, lexer_state, parser_state):
            return iter(lexer_state.text)

    return Lark(grammar_text(), parser="lalr", lexer=_TaggedInput, propagate_positions=True,
                maybe_placeholders=False, debug=debug)


def goal_table() -> lr.Table:
    """The goal grammar's LALR table, from the cache when grammar/goal.lark has not changed."""
    path = grammar_file("goal.lark")
    return cache.cached("goal-table", cache.key(files=[path]), lambda: lr.Table.from_lark(build_lark()),
                        lr.Table.looks_whole)


class GoalGrammar:
    """The compiled grammar, its tagger and the lexicons; safe to share between threads."""

    def __init__(self, lexicons: LexiconSet | None = None, table: lr.Table | None = None):
        self.lexicons = lexicons or default_lexicons()
        self.table = table or goal_table()
        self.tagger = Tagger(self.table)
        self._lark = None
        # parse_goal's memo of whole statements: (text, lang, start, column) -> (Goal, its first line)
        self.parsed: dict = {}
        self.parsed_lock = threading.Lock()
        self.plans: dict = {}       # the LR actions per sequence of terminal types (lr.parse)

    @property
    def lark(self):
        """A Lark parser for the same grammar (built on first use; the runtime does not need it)."""
        if self._lark is None:
            self._lark = build_lark()
        return self._lark

    def tokens(self, text: str, lang: str):
        """The tagged token list for `text`, or GoalSyntaxError."""
        return self.tag(text, lang)[0]

    def tag(self, text: str, lang: str, origin: tuple[int, int] = (1, 1)):
        """(tagged tokens, cue names) for `text`, or GoalSyntaxError.

        `origin` is where `text` starts in a larger document (line, column), for spans.
        """
        try:
            raw = tokenize(text)
            if not raw:
                raise GoalSyntaxError("E005", "empty-statement", "empty goal statement: expected a goal",
                                      line=1, column=1, text="")
        except GoalSyntaxError as err:
            raise err.at(line_offset=origin[0] - 1, column_offset=origin[1] - 1) if origin != (1, 1) else err
        lex = self.lexicons[lang]
        words = [normalize_word(t.text) if t.kind == "word" else "" for t in raw]
        raw, words = drop_hedges(raw, words, lex)
        raw, words = split_compounds(raw, words, lex, self.lexicons.metrics)
        tokens, failure = self.tagger.tag(text, raw, lex, words=words, base_line=origin[0], base_col=origin[1])
        if failure is not None:
            err = _syntax_error(text, raw, failure)
            raise err.at(line_offset=origin[0] - 1, column_offset=origin[1] - 1) if origin != (1, 1) else err
        return tokens, self.lexicons.cues_in(words, lang)

    def parse_tokens(self, tokens, build=None):
        """Parse tagged tokens into a tree (the LALR step), or with `build(name, children)` applied
        to each rule as it is reduced (see lr.parse)."""
        try:
            return lr.parse(self.table, tokens, build, self.plans)
        except lr.ParseError as exc:  # pragma: no cover - the tagger only keeps accepted sequences
            tok = exc.token
            raise GoalSyntaxError("E002", "unexpected-token", f"unexpected {str(tok)!r}",
                                  line=getattr(tok, "line", 1), column=getattr(tok, "column", 1)) from None


# What a user most likely meant when the grammar stops at a token, by the token's reading.
_LABELS = {
    "PERCENT": ("E004", "percent-without-number", "a percent sign needs a number before it (e.g. '20%')"),
    "PP": ("E004", "percent-without-number", "percentage points need a number before them (e.g. '5 pp')"),
    "DASH": ("E006", "malformed-number", "a dash here must join two numbers, as in a range '18-20%'"),
    "HASH": ("E006", "malformed-number", "'#' needs a rank number after it, as in '#1'"),
    "CUR_PRE": ("E006", "malformed-number", "a currency sign needs an amount (e.g. '$5,000')"),
    "CUR_POST": ("E006", "malformed-number", "a currency needs an amount (e.g. '300 грн')"),
    "BOUND": ("E006", "malformed-number", "a comparison needs a number after it (e.g. '>= 100')"),
    "PLUS": ("E006", "malformed-number", "'+' needs a number after it (e.g. '+20%')"),
}


def _label(tok):
    from .tagger import _SYMBOLS
    readings = [t for t, _ in _SYMBOLS.get(tok.text, ())] if tok.kind == "symbol" else []
    if tok.kind == "pp":
        readings = ["PP"]
    return next((_LABELS[r] for r in readings if r in _LABELS), None)


def _syntax_error(text, raw, failure) -> GoalSyntaxError:
    index, expected = failure
    if index >= len(raw):
        last = raw[-1]
        line, col = line_col(text, last.start)
        return GoalSyntaxError("E002", "incomplete", f"the statement breaks off after {last.text!r}: "
                               f"expected {_expected_words(expected)}", line=line, column=col, text=last.text,
                               expected=tuple(expected))
    tok = raw[index]
    # the token the grammar stopped at, or the sign just before it that needed a number
    for cand in (tok, raw[index - 1] if index > 0 else None):
        label = _label(cand) if cand is not None else None
        if label is not None:
            code, name, msg = label
            line, col = line_col(text, cand.start)
            return GoalSyntaxError(code, name, msg, line=line, column=col, text=cand.text,
                                   expected=tuple(expected))
    line, col = line_col(text, tok.start)
    return GoalSyntaxError("E002", "unexpected-token",
                           f"unexpected {tok.text!r}: expected {_expected_words(expected)}",
                           line=line, column=col, text=tok.text, expected=tuple(expected))


def _expected_words(expected) -> str:
    names = [e for e in expected if e not in ("WORD", "PUNCT")]
    if not names:
        return "a word"
    shown = ", ".join(names[:6])
    return shown + (", ..." if len(names) > 6 else "")


_lock = threading.Lock()
_default: GoalGrammar | None = None


def default_grammar() -> GoalGrammar:
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = GoalGrammar()
    return _default
