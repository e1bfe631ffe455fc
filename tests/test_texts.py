"""The fixed words of explanations (grammar/texts.toml): every language has them all, and the
explanation, SARIF help and docs pages use them."""
import pytest

from smmrules.base.errors import DataFileError
from smmrules.base.languages import LANGS
from smmrules.rules import explain
from smmrules.rules.engine import default_rules


def test_every_language_has_every_heading():
    keys = set(explain.headings("en"))
    assert {"what", "why", "fix", "bad", "good", "renamed", "renamed_codes"} <= keys
    for lang in LANGS:
        assert set(explain.headings(lang)) == keys
    assert explain.headings("de") == explain.headings("en")


@pytest.mark.parametrize("lang, heading", [("en", "Why it matters"), ("ru", "Почему это важно"),
                                           ("uk", "Чому це важливо")])
def test_explanations_use_the_headings_of_their_language(lang, heading):
    rule = default_rules().get("T101")
    text = explain.explain_text(rule, lang)
    assert f"\n{heading}\n" in text
    assert explain.renamed_text("S104", default_rules().get("C101"), lang).startswith("S104 ")


def test_a_texts_file_missing_a_key_is_a_data_file_error(tmp_path, monkeypatch):
    bad = tmp_path / "texts.toml"
    bad.write_text('[explain.en]\nwhat = "What"\n[explain.ru]\n[explain.uk]\nwhat = "Що"\n', encoding="utf-8")
    monkeypatch.setattr(explain, "grammar_file", lambda name: str(bad))
    explain.headings.cache_clear()
    try:
        with pytest.raises(DataFileError, match=r"\[explain.ru\] must have the keys of \[explain.en\]"):
            explain.headings("en")
    finally:
        explain.headings.cache_clear()
