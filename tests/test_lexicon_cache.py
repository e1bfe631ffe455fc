"""The lexicon cache: the shared part first, each language on first use; a broken part is rebuilt."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys

import pytest

from smmrules.language.lexicon import LANGS, LexiconSet, default_lexicons, normalize_word

EN = "goal: increase monthly sales by 15%\n  task: raise conversion from first touch to sale\n"
RU = "цель: увеличить ERR до 18% за 3 месяца\n  задача: отвечать на запросы в течение 24 часов\n"

_SCRIPT = """
import json, sys
from smmrules.linting.pipeline import lint
from smmrules.language.lexicon import default_lexicons
out = [[f.code for f in lint(open(p, encoding="utf-8").read(), path=p)] for p in sys.argv[1:]]
print(json.dumps({"findings": out, "loaded": sorted(default_lexicons().lexicons._loaded)}))
"""


def _run(tmp_path, *names, cache=True):
    env = dict(os.environ, SMMRULES_CACHE_DIR=str(tmp_path / "cache"))
    env.pop("SMMRULES_NO_CACHE", None)
    if not cache:
        env["SMMRULES_NO_CACHE"] = "1"
    proc = subprocess.run([sys.executable, "-c", _SCRIPT, *names], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "en.goals").write_text(EN, encoding="utf-8")
    (tmp_path / "ru.goals").write_text(RU, encoding="utf-8")
    return tmp_path


def test_a_document_in_one_language_loads_only_that_language(docs):
    fresh = _run(docs, "en.goals")                      # fills the cache
    assert fresh["loaded"] == list(LANGS)               # a build makes every language
    warm = _run(docs, "en.goals")
    assert warm == {"findings": fresh["findings"], "loaded": ["en"]}
    both = _run(docs, "ru.goals", "en.goals")
    assert set(both["loaded"]) >= {"en", "ru"}
    assert both["findings"][1] == fresh["findings"][0] and "T102" in fresh["findings"][0]
    assert both["findings"] == _run(docs, "ru.goals", "en.goals", cache=False)["findings"]


def test_broken_or_mismatched_parts_are_rebuilt(docs):
    reference = _run(docs, "ru.goals", "en.goals", cache=False)["findings"]
    _run(docs, "en.goals")
    cache_dir = docs / "cache"
    (ru_part,) = cache_dir.glob("lexicon-ru-*.pickle")
    (en_part,) = cache_dir.glob("lexicon-en-*.pickle")
    en_part.write_bytes(ru_part.read_bytes())           # a part of the wrong language
    ru_part.write_bytes(b"\x80\x05 not a pickle")         # and a corrupt one
    assert _run(docs, "ru.goals", "en.goals")["findings"] == reference
    assert _run(docs, "ru.goals", "en.goals")["findings"] == reference   # and the rebuilt parts serve
    (shared,) = cache_dir.glob("lexicons-*.pickle")
    shared.write_bytes(pickle.dumps({"root": "missing keys"}))
    assert _run(docs, "ru.goals", "en.goals")["findings"] == reference


def _readings(lexicons, lang, words):
    return [(w, [(r.terminal, r.value, r.length) for r in lexicons[lang].readings([w], 0)]) for w in words]


def test_an_assembled_set_reads_like_a_built_one_and_pickles_whole():
    built = LexiconSet()
    served = default_lexicons()
    words = {lang: sorted(built[lang].words)[:400] + ["продажи", "продажі", "sales", "followers"] for lang in LANGS}
    for lang in LANGS:
        assert _readings(served, lang, words[lang]) == _readings(built, lang, words[lang])
        assert served.cues[lang].values == built.cues[lang].values
    assert served.cue_names == built.cue_names
    assert served.metrics == built.metrics
    copy = pickle.loads(pickle.dumps(served))
    assert sorted(copy.lexicons._loaded) == list(LANGS)
    for lang in LANGS:
        assert _readings(copy, lang, words[lang]) == _readings(built, lang, words[lang])
    assert copy.cues_in([normalize_word(w) for w in "run paid ads".split()], "en") == \
        built.cues_in([normalize_word(w) for w in "run paid ads".split()], "en")
