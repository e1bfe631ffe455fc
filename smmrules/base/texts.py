"""The lines the command line prints around findings (summaries, "no findings", the catalogue's
heading), in each language: the [cli.LANG] tables of grammar/texts.toml, with counted words in the
form their number needs."""
from __future__ import annotations

from .languages import LANGS, plural


def cli_texts(lang: str) -> dict:
    """The [cli.LANG] table (English for a language the file does not have); read through the cache,
    so a warm run does not parse the file."""
    from .cache import data_file
    from .resources import grammar_file
    tables = data_file(grammar_file("texts.toml")).get("cli", {})
    return tables.get(lang if lang in LANGS else "en") or tables["en"]


def counted(n: int, forms, lang: str) -> str:
    """`n` and the form of the word that goes with it: "1 finding", «2 замечания», «5 зауважень»."""
    return f"{n} {plural(n, forms, lang)}"
