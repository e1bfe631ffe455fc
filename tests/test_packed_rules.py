"""The built-in rules' texts and examples stay pickled in the cache entry until read: a lint
unpickles only the messages of the rules that fire, and every reader sees the same values."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

from smmrules.rules.engine import default_rules
from smmrules.rules.fields import SCOPES, declared_fields
from smmrules.language.lexicon import default_lexicons
from smmrules.base.resources import rules_dir
from smmrules.rules.rulefile import PackedCases, PackedTexts, load_rule_file, rule_files


def _fresh_rules():
    fields = {scope: declared_fields(default_lexicons(), scope) for scope in SCOPES}
    return {r.code: r for path in rule_files(rules_dir()) for r in load_rule_file(path, fields)[0]}


def test_packed_rules_equal_the_rules_read_from_their_files():
    fresh = _fresh_rules()
    served = {r.code: r for r in default_rules().all_rules()}
    assert served.keys() == fresh.keys() and len(served) > 40
    for code, rule in served.items():
        assert isinstance(rule.texts, PackedTexts) and isinstance(rule.cases, PackedCases)
        assert rule == fresh[code] and fresh[code] == rule
        assert dict(rule.texts) == fresh[code].texts and tuple(rule.cases) == fresh[code].cases
        assert rule.text("why", "uk") == fresh[code].text("why", "uk")
        assert rule.cases[:2] == fresh[code].cases[:2] and len(rule.cases) == len(fresh[code].cases)
        assert hash(rule.cases) == hash(fresh[code].cases)
        copy = pickle.loads(pickle.dumps(rule.evolve(check=None)))
        assert copy == rule and isinstance(copy.texts, PackedTexts)


_SCRIPT = """
import json
from smmrules.linting.pipeline import lint
from smmrules.rules.engine import default_rules
codes = sorted({f.code for f in lint("goal: increase sales by 15%\\n")})
read = sorted(r.code for r in default_rules().all_rules() if r.texts._value is not None)
print(json.dumps({"codes": codes, "read": read}))
"""


def test_a_lint_unpickles_the_texts_of_the_rules_that_fire_only(tmp_path):
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("SMMRULES_NO_CACHE", None)
    run = lambda: json.loads(subprocess.run([sys.executable, "-c", _SCRIPT], env=env, capture_output=True,
                                            text=True, check=True).stdout.strip().splitlines()[-1])
    run()                                   # builds and stores the cache entry
    warm = run()
    assert warm == {"codes": ["D605", "T101"], "read": ["D605", "T101"]}
