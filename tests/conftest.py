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
