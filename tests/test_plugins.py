"""Python plugins load only from installed entry points that the config names."""
import sys
import textwrap

import pytest

from smmrules.linting.config import load_config
from smmrules.base.errors import ConfigError
from smmrules.linting.pipeline import lint, rules_for
from smmrules.rules.plugins import load_plugins

RULE = '''[[rule]]
code = "P101"
name = "team.even-target"
level = "warning"
when = "is_even(goal.target.value)"
bad = ["get 300 leads a month by 2026-09"]
good = ["get 301 leads a month by 2026-09"]
[rule.en]
message = "Even targets are not allowed here."
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.ru]
message = "Чётные цели здесь не приняты."
summary = "s"
what = "w"
why = "y"
fix = "f"
[rule.uk]
message = "Парні цілі тут не прийняті."
summary = "s"
what = "w"
why = "y"
fix = "f"
'''


@pytest.fixture
def installed_plugin(tmp_path, monkeypatch):
    """An installed distribution with an entry point in the smmrules.plugins group."""
    site = tmp_path / "site"
    (site / "evenplugin").mkdir(parents=True)
    (site / "evenplugin" / "rules").mkdir()
    (site / "evenplugin" / "rules" / "even.toml").write_text(RULE, encoding="utf-8")
    (site / "evenplugin" / "__init__.py").write_text(textwrap.dedent('''
        from pathlib import Path

        def plugin():
            return {"functions": {"is_even": (("num",), "bool", lambda x: int(x) % 2 == 0)},
                    "rules": [Path(__file__).parent / "rules"]}
    '''), encoding="utf-8")
    dist = site / "evenplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: evenplugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[smmrules.plugins]\neven = evenplugin:plugin\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    yield
    sys.modules.pop("evenplugin", None)


def config_with(tmp_path, body):
    path = tmp_path / ".smmrules.toml"
    path.write_text(body, encoding="utf-8")
    return load_config(path)


def test_named_plugin_adds_functions_and_rules(tmp_path, installed_plugin):
    config = config_with(tmp_path, 'plugins = ["even"]\n')
    doc = "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"
    codes = [f.code for f in lint(doc, config=config)]
    assert "P101" in codes
    doc = "goal: get 301 leads a month by 2026-09\n  task: run paid traffic\n"
    assert "P101" not in [f.code for f in lint(doc, config=config)]


def test_installed_but_not_named_plugin_is_not_loaded(tmp_path, installed_plugin):
    config = config_with(tmp_path, 'fail-on = "warning"\n')
    doc = "goal: get 300 leads a month by 2026-09\n  task: run paid traffic\n"
    assert "P101" not in [f.code for f in lint(doc, config=config)]
    assert "evenplugin" not in sys.modules


def test_unknown_plugin_is_a_config_error(tmp_path):
    config = config_with(tmp_path, 'plugins = ["nope"]\n')
    with pytest.raises(ConfigError) as info:
        rules_for(config)
    assert "plugin 'nope' is not an installed smmrules plugin" in str(info.value)


@pytest.mark.parametrize("value", ['["./evil.py"]', '["evil:main"]', '["../x"]'])
def test_config_cannot_name_code_by_path(tmp_path, value):
    with pytest.raises(ConfigError):
        config_with(tmp_path, f"plugins = {value}\n")


def test_plugin_with_a_bad_signature_is_rejected(tmp_path, monkeypatch):
    site = tmp_path / "site"
    (site / "badplugin").mkdir(parents=True)
    (site / "badplugin" / "__init__.py").write_text(
        "plugin = {'functions': {'count': (('list',), 'num', len)}}\n", encoding="utf-8")
    dist = site / "badplugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: badplugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[smmrules.plugins]\nbad = badplugin:plugin\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(site))
    with pytest.raises(ConfigError) as info:
        load_plugins(["bad"])
    assert "'count' is not a usable function name" in str(info.value)
    sys.modules.pop("badplugin", None)
