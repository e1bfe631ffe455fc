"""The date the suite runs on: the command line counts deadlines from the date of the run unless
--today gives one, and the suite fixes it (conftest.py) so that its expectations do not change with
the calendar. Its own module, so that tests import it by a name no other conftest.py shadows."""
import datetime as dt

SUITE_TODAY = dt.date(2025, 1, 1)
