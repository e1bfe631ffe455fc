"""One did-you-mean (smmrules.base.suggest) for every message that refuses a name."""
from __future__ import annotations

from smmrules.base.suggest import close_matches, did_you_mean, unknown

KEYS = ("select", "ignore", "fail-on", "lang", "rules", "max-file-size")


def test_the_closest_name_is_named():
    assert did_you_mean("selct", KEYS) == " (did you mean 'select'?)"
    assert unknown("key", "selct", KEYS) == "unknown key 'selct' (did you mean 'select'?)"


def test_nothing_close_names_nothing():
    assert did_you_mean("colour", KEYS) == ""
    assert unknown("key", "colour", KEYS) == "unknown key 'colour'"


def test_another_spelling_is_named_first_when_it_is_known():
    assert unknown("key", "MAX_FILE_SIZE", KEYS, like="max-file-size") == (
        "unknown key 'MAX_FILE_SIZE' (did you mean 'max-file-size'?)")
    assert unknown("key", "selct", KEYS, like="selct") == "unknown key 'selct' (did you mean 'select'?)"


def test_several_close_names_closest_first():
    assert sorted(close_matches("T10", ["T101", "T102", "S101", "A304"], n=3)) == ["T101", "T102"]
    assert close_matches("T11", ["T101", "T111"], n=2) == ["T111", "T101"]
    assert close_matches("T101", ["T101", "T102"]) == ["T101"]
