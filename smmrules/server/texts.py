"""The words the language server writes in an editor (grammar/texts.toml, [server.LANG]) and the
document keywords it offers (grammar/document.toml), per language."""
from __future__ import annotations

import functools

from ..base.resources import grammar_file
from ..base.tomlfile import read_data


@functools.lru_cache(maxsize=None)
def texts(lang: str) -> dict:
    """The server's texts in `lang` (English for a language the file does not have); a file that
    lacks a key in some language is a DataFileError."""
    from ..rules.explain import texts_of
    return texts_of("server", lang)


@functools.lru_cache(maxsize=1)
def document_words() -> dict:
    """grammar/document.toml as read: keywords, categories, header keys with their types and values."""
    return read_data(grammar_file("document.toml"))


def written(word: str, lang: str) -> str:
    """A keyword as a person writes it: the data spells multi-word keys with hyphens, as English
    briefs write them ("paid-ads"); Russian and Ukrainian briefs write the words apart
    («платная реклама»), which the reader takes as the same key."""
    return word if lang == "en" else word.replace("-", " ")
