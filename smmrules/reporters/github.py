"""The GitHub format: workflow commands (`::warning file=...,line=...::message`) that annotate a pull request."""
from __future__ import annotations

from ..rules.findings import Finding
from ..linting.results import FileResult
from .base import Reporter, located, printable

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as GitHub's toolkit does (`%`, CR, LF); then any other control
    character, bidirectional control or lone surrogate (which the toolkit has no escape for) is
    replaced, as on a terminal (reporters.base.printable)."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """A command's property value: the data escapes plus `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props) -> str:
    shown = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{kind} {shown}::{escape_data(message)}" if shown else f"::{kind}::{escape_data(message)}"


def annotation(f: Finding) -> str:
    return command(COMMANDS.get(f.level, "warning"), f.message, file=f.path, line=f.line, col=f.column,
                   endLine=f.end_line, endColumn=f.end_column, title=f"{f.code} {f.name}")


class GithubReporter(Reporter):
    def file(self, result: FileResult) -> None:
        out = []
        if result.error is not None:
            out.append(command("error", result.error, file=result.path))
        out += [annotation(f) for f in located(result)]
        if out:
            self.out.write("\n".join(out) + "\n")
            self.flush()
