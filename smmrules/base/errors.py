"""The exceptions smmrules raises; every one is a SmmrulesError."""
from __future__ import annotations


# The syntax errors of a goal statement, code -> the names its errors carry: the one list of them.
# rules/syntax.toml has a rule for each code and docs/rules/ a page; tests/test_syntax_codes.py checks
# that these, and the codes the parser raises, agree.
SYNTAX_CODES = {
    "E001": ("stray-character",),
    "E002": ("unexpected-token", "incomplete"),
    "E003": ("invalid-date",),
    "E004": ("percent-without-number",),
    "E005": ("empty-statement",),
    "E006": ("malformed-number",),
    "E007": ("statement-too-long",),
}


class SmmrulesError(Exception):
    """Base class of every error smmrules raises on purpose."""


class GoalSyntaxError(SmmrulesError, ValueError):
    """Text that cannot be a goal statement (a stray symbol, a malformed number or date)."""

    def __init__(self, code: str, name: str, message: str, *, line: int, column: int,
                 text: str = "", expected: tuple[str, ...] = (), path: str | None = None):
        self.code = code
        self.name = name
        self.message = message
        self.line = line
        self.column = column
        self.text = text
        self.expected = tuple(expected)
        self.path = path
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}:" if self.path else ""
        return f"{where}{self.line}:{self.column}: {self.code} {self.message}"

    def at(self, *, line_offset: int = 0, column_offset: int = 0, path: str | None = None) -> "GoalSyntaxError":
        """The same error moved to its place in a larger document."""
        return GoalSyntaxError(self.code, self.name, self.message,
                               line=self.line + line_offset,
                               column=self.column + (column_offset if self.line == 1 else 0),
                               text=self.text, expected=self.expected, path=path or self.path)


class DocumentLimitError(SmmrulesError):
    """A goal document beyond a size limit smmrules keeps to bound its work: `line:column: what is wrong`."""

    def __init__(self, message: str, *, line: int, column: int = 1, path: str | None = None):
        self.message = message
        self.line = line
        self.column = column
        self.path = path
        where = f"{path}:" if path else ""
        super().__init__(f"{where}{line}:{column}: {message}")


class DataFileError(SmmrulesError):
    """A broken lexicon, grammar or rule data file shipped with smmrules or given by the user."""


class RuleFileError(SmmrulesError):
    """A rule file that cannot be loaded: `file:line:column: what is wrong`."""

    def __init__(self, message: str, *, path: str | None = None, line: int = 1, column: int = 1):
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        super().__init__(f"{path or '<rules>'}:{line}:{column}: {message}")


class ConfigError(SmmrulesError):
    """A configuration file or option that cannot be used: `file:line: what is wrong`
    (`file:line:column:` when the column is known)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        where = f"{path}:{line}:{column}: " if path and line and column else (
            f"{path}:{line}: " if path and line else (f"{path}: " if path else ""))
        super().__init__(f"{where}{message}")
