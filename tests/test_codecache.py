"""The code attrs compiles for its own classes and the node classes is served from the artefact cache
(base/codecache.py): the same code a fresh compile makes, never anything that is not code, nothing
but attrs' generated sources, and nothing served where attrs does not compile through `compile`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import attr
import pytest

from smmrules.base import cache, codecache

REPO = Path(__file__).resolve().parent.parent
SCRIPT = "def __init__(self, a, b=1):\n    _setattr(self, 'a', a)\n    _setattr(self, 'b', b)\n"
NAME = "<attrs generated methods tests.Example>"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache directory, and codecache's memory of this process forgotten before and after."""
    monkeypatch.setenv("SMMRULES_CACHE_DIR", str(tmp_path / "cache"))

    def forget():
        cache.forget()
        codecache._stored.clear()
        codecache._fresh.clear()
        codecache._loaded.clear()
    forget()
    yield
    forget()


def compiles(monkeypatch) -> list:
    """Every compile codecache itself makes from now on."""
    seen = []

    def spy(source, filename, mode, *args, **kwargs):
        seen.append(filename)
        return compile(source, filename, mode, *args, **kwargs)
    monkeypatch.setattr(codecache, "compile", spy, raising=False)
    return seen


def test_a_source_compiled_once_is_served_to_the_next_run(fresh, monkeypatch):
    seen = compiles(monkeypatch)
    first = codecache._compile(SCRIPT, NAME, "exec")
    assert seen == [NAME]
    assert codecache.remember() == 1 and codecache.remember() == 0     # stored once
    codecache._stored.clear()
    codecache._loaded.clear()                                          # as a new process
    served = codecache._compile(SCRIPT, NAME, "exec")
    assert seen == [NAME]                                              # not compiled again
    assert served == first and served.co_filename == NAME
    namespace = {"_setattr": object.__setattr__}
    exec(served, namespace)

    class Example:
        pass
    obj = Example()
    namespace["__init__"](obj, 5)
    assert (obj.a, obj.b) == (5, 1)


def test_a_stored_blob_that_is_not_code_is_compiled_afresh(fresh, monkeypatch):
    seen = compiles(monkeypatch)
    codecache._loaded.append(True)
    codecache._stored[(SCRIPT, NAME)] = b"\xff not marshalled"
    assert isinstance(codecache._compile(SCRIPT, NAME, "exec"), types.CodeType)
    codecache._stored[(SCRIPT, NAME)] = __import__("marshal").dumps(("a tuple", "not code"))
    assert isinstance(codecache._compile(SCRIPT, NAME, "exec"), types.CodeType)
    assert seen == [NAME, NAME]


def hash_source(salt: int) -> str:
    """A __hash__ as attrs writes one for a class of its own: salted with hash() of a string."""
    return f"def __hash__(self):\n        return hash((\n                {salt},\n                self.a,\n            ))"


@pytest.mark.parametrize("salts", [(-1491239995011379807, 4260151346432069977), (5, -3), (0, 7_777_777_777_777_777)])
def test_a_hash_salted_by_another_run_is_served_with_this_runs_salt(fresh, monkeypatch, salts):
    seen = compiles(monkeypatch)
    name = "<attrs generated __hash__ tests.Example>"
    for salt in salts:
        codecache._stored.clear()
        codecache._loaded.clear()                                      # a new process, another hash seed
        served = codecache._compile(hash_source(salt), name, "exec")
        codecache.remember()
        fresh_code = compile(hash_source(salt), name, "exec")
        assert served.co_consts[0].co_consts == fresh_code.co_consts[0].co_consts
        assert served.co_consts[0].co_code == fresh_code.co_consts[0].co_code
        namespace = {}
        exec(served, namespace)
        obj = types.SimpleNamespace(a=3)
        assert namespace["__hash__"](obj) == hash((salt, 3))
    assert seen == [name]                                              # compiled by the first run only


def test_other_compiles_pass_through(fresh, monkeypatch):
    seen = compiles(monkeypatch)
    assert codecache._compile("1 + 2", "<expr>", "eval").co_filename == "<expr>"
    assert codecache._compile("x = 1", "<flags>", "exec", 0, True).co_filename == "<flags>"
    assert codecache._compile("x = 1", "<not attrs>", "exec").co_filename == "<not attrs>"
    assert seen == ["<expr>", "<flags>", "<not attrs>"] and codecache._fresh == {}    # none is kept


def test_serving_shadows_compile_only_while_a_class_is_made():
    module = types.ModuleType("fake_attrs")
    assert codecache.serving(module) is True and module.compile is codecache._compile
    codecache.done(module)
    assert "compile" not in module.__dict__
    module.compile = len                     # a module with its own compile is left alone
    assert codecache.serving(module) is False and module.compile is len
    assert codecache.serving(None) is False


def test_attrs_is_left_as_it_was_after_the_node_classes(fresh):
    from smmrules.language.ast import node
    import attr._make

    @node
    class Pair:
        a: int = attr.field(validator=attr.validators.instance_of(int))
        b: int = 2
    assert "compile" not in attr._make.__dict__
    assert Pair(1) == Pair(1, 2) and repr(Pair(1)) == "Pair(a=1, b=2)"
    with pytest.raises(TypeError):
        Pair("1")                            # the validator runs in the served __init__ too


def test_a_second_run_builds_attrs_and_the_node_classes_from_the_cache_with_the_same_output(tmp_path):
    """Two processes: the first compiles the methods attrs writes (for its own classes while it is
    imported, and for the node classes) and stores them, the second compiles none of them, reports
    the same findings and leaves the builtin compile as it found it."""
    (tmp_path / "a.goals").write_text("goal: increase monthly sales 12% by 2020-06\n", encoding="utf-8")
    probe = """
import builtins, json, sys
made = []
real = builtins.compile
def spy(source, filename, *args, **kwargs):
    if isinstance(filename, str) and filename.startswith("<attrs generated"):
        made.append(filename)
    return real(source, filename, *args, **kwargs)
builtins.compile = spy
from smmrules.cli import main
code = main(["lint", "--format", "json", "a.goals"])
print(json.dumps([made, builtins.compile is spy]), file=sys.stderr)
raise SystemExit(code)
"""
    env = {**os.environ, "SMMRULES_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    env.pop("SMMRULES_NO_CACHE", None)
    # (each run with a hash seed of its own, as runs have: attrs salts its classes' hashes with it)
    runs = [subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={**env, "PYTHONHASHSEED": seed},
                           capture_output=True, text=True, timeout=120) for seed in ("1", "2")]
    (first, first_restored), (second, second_restored) = (json.loads(r.stderr.strip().splitlines()[-1]) for r in runs)
    ours = [name for name in first if "smmrules." in name]
    assert len(ours) == 15                   # the AST's 8 node classes and the document model's 7
    assert len(first) > len(ours)            # and attrs' own classes, made while it is imported
    assert second == []
    assert first_restored and second_restored
    assert runs[0].returncode == runs[1].returncode == 1
    assert runs[0].stdout == runs[1].stdout and "A303" in runs[0].stdout
