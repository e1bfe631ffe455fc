"""How a word is spelled before it is looked up (and the language list, from base.languages).

The lowest module of the language layer: the AST, the morphology tables and the lexicons all
build on it, and it imports nothing of theirs.
"""
from __future__ import annotations

import unicodedata

from ..base.languages import LANGS

__all__ = ["LANGS", "normalize_word"]


def normalize_word(word: str) -> str:
    """Lower-case a word and fold the spelling variants the lexicons do not list."""
    w = unicodedata.normalize("NFC", word).lower()
    return w.replace("ё", "е").replace("’", "'").replace("ʼ", "'").replace("`", "'")
