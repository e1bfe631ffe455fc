"""Reading a TOML file a user wrote (a config, a rule file): one size limit, UTF-8 with or without a
BOM, the nesting and dotted-key bounds of tomlpos checked before tomllib reads it, and every problem
placed at a line and, where tomllib or the bounds say, a column.

Each caller turns a TomlProblem into its own error (ConfigError, RuleFileError), naming its file."""
from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # typing costs milliseconds to import; annotations here are never evaluated
    from pathlib import Path

from .lazyre import LazyPattern

_AT = LazyPattern(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)")


class TomlProblem(Exception):
    """What is wrong with a TOML file, and where: `line` (1-based) and `column` (None when unknown)."""

    def __init__(self, message: str, line: int = 1, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def read_text(path: Path | str, limit: int, what: str) -> str:
    """The text of the file at `path`, refused unread when larger than `limit` bytes; `what` ("config
    file", "rule file") names it in the messages. A leading BOM is dropped."""
    try:
        import os
        size = os.stat(path).st_size
        if size > limit:
            raise TomlProblem(f"{what} is {size:,} bytes; the limit is {limit:,}")
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
        if len(raw) > limit:            # a device or a file that grew: stat said less
            raise TomlProblem(f"{what} is more than {limit:,} bytes")
    except IsADirectoryError:
        raise TomlProblem(f"{what} is a directory") from None
    except OSError as exc:
        raise TomlProblem(f"cannot read {what}: {exc.strerror or exc}") from None
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise TomlProblem(f"{what} is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
                          raw.count(b"\n", 0, exc.start) + 1) from None


def parse(text: str) -> dict:
    """The TOML document `text` as a dict; a TomlProblem "invalid TOML: ..." at its line and column."""
    import tomllib
    from .tomlpos import bounds_error
    bad = bounds_error(text)
    if bad is not None:
        message, line, column = bad
        raise TomlProblem(f"invalid TOML: {message}", line, column)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _AT.search(message)
        if m is not None and m.group(1):
            line, column = int(m.group(1)), int(m.group(2))
        else:                           # "at end of document" (or no place at all)
            line, column = (text.count("\n") + 1 if m is not None else 1), None
        raise TomlProblem(f"invalid TOML: {_AT.sub('', message) or 'cannot parse'}", line, column) from None
    except RecursionError:
        raise TomlProblem("invalid TOML: nested too deeply") from None


def read_data(path) -> dict:
    """One of smmrules' own TOML data files (lexicons, morphology, render tables), read whole: a DataFileError
    `path: what is wrong` when it cannot be read or parsed."""
    import tomllib
    from .errors import DataFileError
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DataFileError(f"{path}: {exc}") from None
