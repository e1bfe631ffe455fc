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


# Latin letters (lower-cased) that look like Cyrillic ones, upper or lower case: a Cyrillic word typed with a
# layout switched midway has them («лидa», «пoдписчики» with a Latin a or o)
_LATIN_LOOKALIKES = "aeopcxykmthbi"
_TO_CYRILLIC = str.maketrans(_LATIN_LOOKALIKES, "аеорсхукмтнві")


def _cyrillic_lookalikes(w: str) -> str:
    """A Cyrillic word with a few Latin letters that look like Cyrillic ones, those letters made Cyrillic; any other
    word as it is (a hyphened "SMM-менеджер" or "ERR-кампания" keeps its Latin part, a pattern's `общий@a` its
    tag)."""
    if w.isascii() or not all(c.isalpha() or c in "'’ʼ" for c in w):
        return w
    latin = [c for c in w if "a" <= c <= "z"]
    if not latin or 2 * len(latin) >= len(w) or any(c not in _LATIN_LOOKALIKES for c in latin):
        return w
    return w.translate(_TO_CYRILLIC)


def normalize_word(word: str) -> str:
    """Lower-case a word and fold the spelling variants the lexicons do not list."""
    found = _SPELLED.get(word)
    if found is None:
        if len(_SPELLED) >= _SPELLED_KEPT:
            _SPELLED.clear()
        w = _cyrillic_lookalikes(unicodedata.normalize("NFC", word).lower())
        found = _SPELLED[word] = w.replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'")
    return found
