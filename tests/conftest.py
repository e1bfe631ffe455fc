import sys
from pathlib import Path

# tests import their shared helpers (goalcheck, strategies) as top-level modules
sys.path.insert(0, str(Path(__file__).parent))

# keep the on-disk cache of a test run out of the user's own cache directory
import os  # noqa: E402
import tempfile  # noqa: E402

os.environ.setdefault("SMMRULES_CACHE_DIR", tempfile.mkdtemp(prefix="smmrules-test-cache-"))
# and its key (kept with the user's settings, outside the cache directory) out of the user's own settings
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="smmrules-test-config-"))

# The command line counts deadlines from the date of the run unless --today gives one; the suite runs
# on a fixed date (suitedate.py) so that its expectations do not change with the calendar
# (tests/test_cli_defects.py undoes it to check the real default).
import pytest  # noqa: E402

from suitedate import SUITE_TODAY  # noqa: E402


@pytest.fixture(autouse=True)
def _fixed_run_date(monkeypatch):
    import smmrules.cli
    monkeypatch.setattr(smmrules.cli, "_default_today", lambda: SUITE_TODAY)
