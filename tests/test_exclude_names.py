"""Exclude globs that are plain names are answered by a set; the answer is the glob engine's."""
from __future__ import annotations

import os

from hypothesis import given, settings, strategies as st

from smmrules.linting.config import DEFAULT
from smmrules.linting.selection import _split, any_glob_excludes, is_excluded

NAMES = st.sampled_from([".git", "build", "dist", "node_modules", "a", "b.goals", "x y", "Build", "*", "b*",
                         "?uild", "[bd]ist", "a/b", "**", "./a", " build", "build/", ".", ".."])
PART = st.sampled_from(["build", "dist", "a", "b.goals", "x y", "Build", "src", ".git", "c.goals"])


def test_plain_names_and_the_rest():
    names, rest = _split((".git", "build", "*.tmp", "out/", "a/b", "[ab]", " pad", "ok"))
    assert names == frozenset({".git", "build", "ok"})
    assert rest == ("*.tmp", "out/", "a/b", "[ab]", " pad")


@settings(max_examples=300, deadline=None)
@given(globs=st.lists(NAMES, max_size=5).map(tuple), parts=st.lists(PART, min_size=1, max_size=4).map(tuple),
       above=st.booleans())
def test_the_set_answers_as_the_engine(tmp_path_factory, globs, parts, above):
    root = str(tmp_path_factory.getbasetemp())
    config = DEFAULT.evolve(root=root, exclude=globs)
    path = os.path.join(root, *parts)
    assert is_excluded(config, path, above_checked=above) == any_glob_excludes(globs, parts, above)
