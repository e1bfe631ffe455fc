"""How a word is spelled before it is looked up (and the language list, from base.languages).

The lowest module of the language layer: the AST, the morphology tables and the lexicons all
build on it, and it imports nothing of theirs.
"""
from __future__ import annotations

import unicodedata

from ..base.languages import LANGS

__all__ = ["LANGS", "normalize_word"]


_SPELLED: dict[str, str] = {}      # word -> normalize_word(word): the words of a brief repeat
_SPELLED_KEPT = 32_768             # the memo is dropped when it grows past this many words


def normalize_word(word: str) -> str:
    """Lower-case a word and fold the spelling variants the lexicons do not list."""
    found = _SPELLED.get(word)
    if found is None:
        if len(_SPELLED) >= _SPELLED_KEPT:
            _SPELLED.clear()
        w = unicodedata.normalize("NFC", word).lower()
        found = _SPELLED[word] = w.replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'")
    return found
