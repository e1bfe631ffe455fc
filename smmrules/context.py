"""What a rule knows beyond the goal: the document header and the run's settings."""
from __future__ import annotations

import datetime as dt
from typing import Optional

import attrs

ROLES = ("social-only", "one-of-sources", "communication")


@attrs.frozen
class Context:
    """The document context of a goal (DESIGN.md section 2), all optional.

    today: the date "in the past" is measured against; start: the campaign start that relative
    deadlines resolve against (defaults to today); baselines: metric -> current value.
    """
    today: Optional[dt.date] = None
    start: Optional[dt.date] = None
    role: Optional[str] = attrs.field(default=None, validator=attrs.validators.optional(attrs.validators.in_(ROLES)))
    paid_ads: Optional[bool] = None
    history_months: Optional[float] = None
    lead_processing: Optional[bool] = None
    budget: Optional[float] = None
    baselines: dict = attrs.field(factory=dict)
    lang: Optional[str] = None
    path: Optional[str] = None

    @property
    def reference_date(self) -> Optional[dt.date]:
        return self.start or self.today
