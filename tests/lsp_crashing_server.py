"""`smmrules server` with a bug planted in the rule engine: checking a goal whose statement says
"crash here" raises. test_server_crash.py drives it to see a rule's crash become one logged error."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from smmrules.cli import main  # noqa: E402
from smmrules.rules.engine import RuleSet  # noqa: E402

_evaluate = RuleSet.evaluate


def _buggy(self, scope, entity, *args, **kwargs):
    if scope == "goal" and "crash here" in entity.goal.text:
        raise ZeroDivisionError("a rule divided by zero")
    return _evaluate(self, scope, entity, *args, **kwargs)


RuleSet.evaluate = _buggy
sys.exit(main(["server"]))
