"""The edits behind the code actions, as (line, start, end, text) in 1-based lines and 0-based
code-point columns of the document's lines; no editor protocol here."""
from __future__ import annotations

import re

# an `ignore[...]` suppression with its list of codes (as documents/goals.py reads them)
_IGNORE_LIST = re.compile(r"smmrules:\s*ignore\[([^\]]*)\]", re.IGNORECASE)
_COMMENT = re.compile(r"(?:^|\s)#(?=\s|$)")


def ignore_edit(lines, finding) -> tuple[int, int, int, str] | None:
    """The edit that adds `# smmrules: ignore[CODE]` for `finding` on its line: the code joins the
    line's `ignore[...]` list when there is one, else the comment goes at the end of the line."""
    if not 0 < finding.line <= len(lines):
        return None
    text = lines[finding.line - 1]
    comment = _COMMENT.search(text)
    if comment is not None:
        listed = _IGNORE_LIST.search(text, comment.start())
        if listed is not None:
            codes = [c.strip() for c in listed.group(1).split(",") if c.strip()]
            if finding.code in (c.upper() for c in codes):
                return None
            end = listed.end(1)
            separator = ", " if ", " in listed.group(1) else ","      # as the list is written
            return finding.line, end, end, (separator if codes else "") + finding.code
    end = len(text.rstrip())
    if end == 0:
        return finding.line, 0, 0, f"# smmrules: ignore[{finding.code}]"
    return finding.line, end, len(text), f"  # smmrules: ignore[{finding.code}]"
