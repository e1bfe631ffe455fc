"""smmrules: parse, check and lint social-media-marketing goals (en/ru/uk)."""
from __future__ import annotations

from .ast import Baseline, Deadline, Goal, Metric, Secondary, Span, Target
from .errors import DataFileError, GoalSyntaxError, SmmrulesError
from .parse import parse_goal
from .context import Context
from .findings import Finding
from . import metrics
from .engine import RuleSet, check_goal
from .catalogue import Task, suggest_tasks

__version__ = "0.1.0"

__all__ = [
    "Baseline", "DataFileError", "Deadline", "Goal", "GoalSyntaxError", "Metric", "Secondary",
    "SmmrulesError", "Span", "Target", "__version__", "parse_goal",
    "Context", "Finding", "RuleSet", "Task", "check_goal", "metrics", "suggest_tasks",
]
