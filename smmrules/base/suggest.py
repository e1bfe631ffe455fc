"""Did you mean: the known name closest to a misspelt one, for every message that refuses a name."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from typing import Iterable


def close_matches(name: str, known: Iterable[str], n: int = 1) -> list[str]:
    """Up to `n` known names close to `name`, closest first (difflib's ratio of at least 0.6)."""
    import difflib  # only on the way to an error message
    return difflib.get_close_matches(name, list(known), n=n)


def did_you_mean(name: str, known: Iterable[str], like: str | None = None) -> str:
    """` (did you mean 'x'?)` naming the known name closest to `name`; empty when none is close.
    `like`: another spelling of `name` (say, its normal form) that is named first when it is known."""
    known = list(known)
    close = [like] if like is not None and like in known else close_matches(name, known)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown(what: str, name: str, known: Iterable[str], like: str | None = None) -> str:
    """`unknown WHAT 'NAME'`, with the closest known name when there is one (`like`: see did_you_mean)."""
    return f"unknown {what} '{name}'{did_you_mean(name, known, like)}"
