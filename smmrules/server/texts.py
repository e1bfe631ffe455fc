"""The words the language server writes in an editor (grammar/texts.toml, [server.LANG]) and the
document keywords it offers (grammar/document.toml), per language."""
from __future__ import annotations

import functools

from ..base.errors import DataFileError
from ..base.languages import LANGS
from ..base.resources import grammar_file
from ..base.tomlfile import read_data


@functools.lru_cache(maxsize=None)
def texts(lang: str) -> dict:
    """The server's texts in `lang` (English for a language the file does not have); a file that
    lacks a key in some language is a DataFileError."""
    tables = read_data(grammar_file("texts.toml")).get("server", {})
    keys = set(tables.get("en", {}))
    for name in LANGS:
        table = tables.get(name)
        if not isinstance(table, dict) or set(table) != keys or not all(isinstance(v, str) for v in table.values()):
            raise DataFileError(f"{grammar_file('texts.toml')}: [server.{name}] must have the keys of [server.en], "
                                f"each a string")
    return dict(tables.get(lang) or tables["en"])


@functools.lru_cache(maxsize=1)
def document_words() -> dict:
    """grammar/document.toml as read: keywords, categories, header keys with their types and values."""
    return read_data(grammar_file("document.toml"))


def written(word: str, lang: str) -> str:
    """A keyword as a person writes it: the data spells multi-word keys with hyphens, as English
    briefs write them ("paid-ads"); Russian and Ukrainian briefs write the words apart
    («платная реклама»), which the reader takes as the same key."""
    return word if lang == "en" else word.replace("-", " ")
