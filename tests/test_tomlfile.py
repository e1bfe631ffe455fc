"""One reader for the TOML files users write (smmrules.base.tomlfile): size, UTF-8 and BOM, the
nesting bounds, and tomllib's errors, each at a line and (where known) a column."""
from __future__ import annotations

import pytest

from smmrules.base.errors import DataFileError
from smmrules.base.tomlfile import TomlProblem, parse, read_data, read_text


def _problem(call, *args):
    with pytest.raises(TomlProblem) as info:
        call(*args)
    return info.value.message, info.value.line, info.value.column


def test_a_file_is_read_with_its_bom_dropped(tmp_path):
    path = tmp_path / "a.toml"
    path.write_bytes(b"\xef\xbb\xbfx = 1\n")
    assert read_text(path, 100, "rule file") == "x = 1\n"


def test_a_file_over_the_limit_is_refused_unread(tmp_path):
    path = tmp_path / "a.toml"
    path.write_bytes(b"#" * 1_001)
    assert _problem(read_text, path, 1_000, "rule file") == ("rule file is 1,001 bytes; the limit is 1,000", 1, None)


def test_invalid_utf8_names_its_line_and_byte(tmp_path):
    path = tmp_path / "a.toml"
    path.write_bytes(b"x = 1\ny = '\xe9'\n")
    assert _problem(read_text, path, 100, "config file") == (
        "config file is not valid UTF-8 (byte 0xe9); save it as UTF-8", 2, None)


def test_a_folder_and_a_missing_file(tmp_path):
    assert _problem(read_text, tmp_path, 1_000_000, "config file") == ("config file is a directory", 1, None)
    assert _problem(read_text, tmp_path / "none.toml", 100, "rule file") == (
        "cannot read rule file: No such file or directory", 1, None)


@pytest.mark.parametrize("text, expected", [
    ("x = 1\ny = @\n", ("invalid TOML: Invalid value", 2, 5)),
    ("x = [1,\n2\n", ("invalid TOML: Unclosed array", 3, None)),            # at the end of the document
    ("x = " + "[" * 65 + "]" * 65 + "\n", (
        "invalid TOML: arrays or inline tables nested more than 64 levels deep", 1, 69)),
    ("a." * 100 + "b = 1\n", ("invalid TOML: a dotted key or table name of more than 100 parts", 1, 1)),
])
def test_parse_errors_are_placed(text, expected):
    assert _problem(parse, text) == expected


def test_parse_reads_toml():
    assert parse('x = 1\n[t]\ny = "z"\n') == {"x": 1, "t": {"y": "z"}}


def test_a_broken_data_file_is_a_data_file_error(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text("x = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"lexicon\.toml: Invalid value \(at line 1, column 5\)"):
        read_data(path)
    path.write_text("x = 1\n", encoding="utf-8")
    assert read_data(path) == {"x": 1}
