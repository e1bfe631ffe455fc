"""Hypothesis profiles of the fuzz suite.

- "fuzz-dev": the default on a developer machine (a quick pass);
- "fuzz-ci": loaded when the CI variable is set and no --hypothesis-profile is given (bounded so
  tests/fuzz runs in well under two minutes);
- "fuzz-long": chosen by `--hypothesis-profile=long` (or =fuzz-long): over 250,000 examples in
  all, for a run before a release.

Every fuzz test takes its settings from fuzzkit.fuzz(), which reads the chosen profile, so the
profile that tests/test_properties.py loads for itself does not change the fuzz suite, and the
names here do not clash with its "dev", "ci" and "long".
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.errors import InvalidArgument

sys.path.insert(0, str(Path(__file__).parent))

import fuzzkit  # noqa: E402

_COMMON = dict(deadline=None, print_blob=True,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                      HealthCheck.filter_too_much, HealthCheck.large_base_example])
settings.register_profile("fuzz-dev", max_examples=40, **_COMMON)
settings.register_profile("fuzz-ci", max_examples=200, derandomize=True, **_COMMON)   # as the "ci" profile
settings.register_profile("fuzz-long", max_examples=20_000, **_COMMON)
try:
    settings.get_profile("long")
except InvalidArgument:
    # `pytest tests/fuzz --hypothesis-profile=long` loads "long" before any test module exists:
    # register it as tests/test_properties.py does (that module re-registers it when imported).
    settings.register_profile("long", max_examples=2000, deadline=None,
                              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_CHOSEN = {"long": "fuzz-long", "fuzz-long": "fuzz-long", "ci": "fuzz-ci", "fuzz-ci": "fuzz-ci",
           "dev": "fuzz-dev", "fuzz-dev": "fuzz-dev"}


def pytest_configure(config):
    asked = config.getoption("hypothesis_profile", None)
    ci = bool(os.environ.get("CI"))
    fuzzkit.PROFILE = _CHOSEN.get(asked or "", "fuzz-ci" if ci else "fuzz-dev")
    if ci and not asked:
        settings.load_profile("fuzz-ci")
