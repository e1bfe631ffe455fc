"""Fuzz the config loader: keys of the real set and near misses with values of any shape, mutated
configs, hostile text and raw bytes, as .smmrules.toml and as pyproject.toml.

A config either loads, and then lints a document, or is refused with a ConfigError
`path:line: message` at a line of the file.
"""
from __future__ import annotations

from hypothesis import event, given
from hypothesis import strategies as st

from fuzzkit import ALLOWED, check_config_error, config_contents, fuzz
from smmrules.linting.config import Config, ConfigError, load_config
from smmrules.base.errors import RuleFileError
from smmrules.linting.pipeline import lint

import pytest

names = st.sampled_from((".smmrules.toml", "pyproject.toml"))


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("config")


def load(folder, name: str, content: str | bytes) -> None:
    path = folder / name
    for other in (".smmrules.toml", "pyproject.toml"):
        (folder / other).unlink(missing_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
        text = None
    else:
        path.write_text(content, encoding="utf-8", newline="")
        text = content
    try:
        config = load_config(path)
    except ConfigError as exc:
        check_config_error(exc, path, text)
        event("refused")
        return
    event("loaded")
    assert isinstance(config, Config)
    try:
        lint("goal: get more followers\n  task: post daily\n", path=str(folder / "a.goals"), config=config)
    except (ConfigError, RuleFileError) as exc:   # levels/options naming unknown rules; a rules folder's files
        assert str(exc).startswith((str(path), str(folder))), str(exc)
    except ALLOWED as exc:  # pragma: no cover
        raise AssertionError(f"lint with a loaded config raised {type(exc).__name__}: {exc}") from exc


@fuzz(weight=0.8)
@given(name=names, content=config_contents(), fit=st.booleans())
def test_configs(folder, name, content, fit):
    if fit:     # half the time, the file name that fits the content's tables
        name = "pyproject.toml" if "[tool.smmrules]" in content else ".smmrules.toml"
    load(folder, name, content)


@fuzz(weight=0.3)
@given(name=names, content=st.binary(max_size=300))
def test_raw_bytes(folder, name, content):
    load(folder, name, content)
