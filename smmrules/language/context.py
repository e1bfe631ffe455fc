"""What a rule knows beyond the goal: the document header and the run's settings."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from ..base.languages import LANGS
from ..base.record import Record, _set

ROLES = ("social-only", "one-of-sources", "communication")


class Context(Record):
    """The document context of a goal (the header of docs/documents.md), all optional.

    today: the date "in the past" is measured against; start: the campaign start that relative
    deadlines resolve against (defaults to today); baselines: metric -> current value.
    """

    __slots__ = ("today", "start", "role", "paid_ads", "history_months", "lead_processing", "budget",
                 "baselines", "lang", "path", "format")

    def __init__(self, today: Optional[dt.date] = None, start: Optional[dt.date] = None,
                 role: Optional[str] = None, paid_ads: Optional[bool] = None,
                 history_months: Optional[float] = None, lead_processing: Optional[bool] = None,
                 budget: Optional[float] = None, baselines: Optional[dict] = None,
                 lang: Optional[str] = None, path: Optional[str] = None, format: str = "goals"):
        if role is not None and role not in ROLES:
            raise ValueError(f"'role' must be one of {ROLES!r}, not {role!r}")
        for name, day in (("today", today), ("start", start)):
            # refused, not converted: a string here is a caller's slip that would fail later, far away
            if day is not None and (type(day) is not dt.date):
                hint = (f"; write datetime.date.fromisoformat({day!r})" if isinstance(day, str)
                        else "; pass its .date()" if isinstance(day, dt.datetime) else "")
                raise TypeError(f"Context({name}=...) must be a datetime.date, got {type(day).__name__} "
                                f"{day!r}{hint}")
        if lang is not None and lang not in LANGS:
            raise ValueError(f"'lang' must be one of {', '.join(LANGS)}, not {lang!r}")
        _set(self, "today", today)
        _set(self, "start", start)
        _set(self, "role", role)
        _set(self, "paid_ads", paid_ads)
        _set(self, "history_months", history_months)
        _set(self, "lead_processing", lead_processing)
        _set(self, "budget", budget)
        _set(self, "baselines", {} if baselines is None else baselines)
        _set(self, "lang", lang)
        _set(self, "path", path)
        _set(self, "format", format)    # the document's reader: goals, markdown, csv, tsv or xlsx

    def __hash__(self):  # baselines is a dict: hash what can be hashed, as the class is a value
        return hash((self.today, self.start, self.role, self.lang, self.path))

    @property
    def reference_date(self) -> Optional[dt.date]:
        return self.start or self.today
