"""Glob patterns of the config (include, exclude, per-file-ignores) matched against path components,
in time linear in the name: no regular expression here can backtrack."""
from __future__ import annotations

import re
from functools import lru_cache

# A glob is compiled once into segments: `**` (any number of path components) or a pattern for one
# component. A component's pattern is split at its `*`s into pieces of fixed length (literals, `?`,
# [classes]), each compiled to a regular expression without quantifiers, so nothing can backtrack:
# the first piece is anchored at the start, the last at the end, and the ones between are found
# leftmost in turn (a leftmost match never loses a match a later one would find). Matching one
# component costs at most its length times the longest piece, and a glob has at most MAX_WILDCARDS
# wildcards, so `**` keeps few states; a config's globs are matched once per file, not per finding.
MAX_WILDCARDS = 32


@lru_cache(maxsize=8192)
def _compile(glob: str) -> tuple:
    text = glob.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if text.endswith("/"):
        text = text.rstrip("/") + "/**"
    segments = []
    for seg in text.strip("/").split("/"):
        if not seg:
            continue
        segments.append("**" if seg == "**" else segment(seg))
    return tuple(segments)


def wildcards(glob: str) -> int:
    """How many wildcards (`*`, `**`, `?`, [classes]) a glob has: what its matching costs grow with."""
    return sum(len(_pieces(seg)) - 1 + sum(tok[0] != "=" for piece in _pieces(seg) for tok in piece)
               if seg != "**" else 1 for seg in glob.strip().replace("\\", "/").split("/") if seg)


def _pieces(seg: str) -> list[list[tuple]]:
    """A component's pattern as the pieces between its `*`s; each piece a list of one-character tokens:
    ("=", ch), ("?",), ("[", ranges, negate)."""
    pieces: list[list[tuple]] = [[]]
    i = 0
    while i < len(seg):
        c = seg[i]
        if c == "*":
            if pieces[-1] or len(pieces) == 1:
                pieces.append([])
        elif c == "?":
            pieces[-1].append(("?",))
        elif c == "[" and (end := seg.find("]", i + 2 + (seg[i + 1:i + 2] in ("!", "^")))) != -1:
            body = seg[i + 1:end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            ranges, j = [], 0
            while j < len(body):
                if j + 2 < len(body) and body[j + 1] == "-":
                    ranges.append((body[j], body[j + 2]))
                    j += 3
                else:
                    ranges.append((body[j], body[j]))
                    j += 1
            pieces[-1].append(("[", tuple(ranges), negate))
            i = end
        else:
            pieces[-1].append(("=", c))
        i += 1
    return pieces


def _piece_regex(tokens: list[tuple]):
    out = []
    for tok in tokens:
        if tok[0] == "=":
            out.append(re.escape(tok[1]))
        elif tok[0] == "?":
            out.append(".")
        else:
            ranges = [(lo, hi) for lo, hi in tok[1] if lo <= hi]   # a reversed range matches nothing
            body = "".join(re.escape(lo) if lo == hi else f"{re.escape(lo)}-{re.escape(hi)}" for lo, hi in ranges)
            if body:
                out.append(f"[{'^' if tok[2] else ''}{body}]")
            else:
                out.append("." if tok[2] else "(?!)")
    return re.compile("".join(out), re.DOTALL)


def segment(seg: str) -> tuple:
    """(head, middles, tail, fixed): with no `*`, `fixed` is the whole pattern (head etc. None);
    otherwise the pieces before the first and after the last `*` (None when empty) and those between."""
    pieces = _pieces(seg)
    if len(pieces) == 1:
        return (None, (), None, _piece_regex(pieces[0]))
    head = _piece_regex(pieces[0]) if pieces[0] else None
    tail = (_piece_regex(pieces[-1]), len(pieces[-1])) if pieces[-1] else None
    middles = tuple(_piece_regex(p) for p in pieces[1:-1] if p)
    return (head, middles, tail, None)


def segment_match(compiled: tuple, text: str) -> bool:
    """Whether one path component matches a compiled component pattern (see the comment above)."""
    head, middles, tail, fixed = compiled
    if fixed is not None:
        return fixed.fullmatch(text) is not None
    pos, end = 0, len(text)
    if head is not None:
        m = head.match(text)
        if m is None:
            return False
        pos = m.end()
    if tail is not None:
        pattern, size = tail
        if end - size < pos or pattern.fullmatch(text, end - size) is None:
            return False
        end -= size
    for pattern in middles:
        m = pattern.search(text, pos, end)
        if m is None:
            return False
        pos = m.end()
    return True


def glob_match(glob: str, parts: tuple[str, ...]) -> bool:
    """Whether the path components `parts` match `glob` as a whole."""
    segments = _compile(glob)
    if "**" not in segments and len(segments) != len(parts):
        return False                            # without **, a glob matches paths of its own length only
    n, last = 0, False
    for n, last in enumerate(prefix_matches(glob, parts), start=1):
        pass
    return n == len(parts) > 0 and last      # the matcher stops early when no state is left


def prefix_matches(glob: str, parts: tuple[str, ...]):
    """For n = 1, 2, ...: whether parts[:n] matches `glob` as a whole (one pass over the parts, so
    asking it of every folder above a file costs no more than asking it of the file)."""
    segments = _compile(glob)
    if not segments:
        return
    if "**" not in segments:
        if len(parts) > len(segments):      # a glob without ** matches paths of its own length only
            parts = parts[:len(segments)]

    def closure(states):
        out = set(states)
        for i in states:
            while i < len(segments) and segments[i] == "**":
                i += 1
                out.add(i)
        return out
    states = closure({0})
    for part in parts:
        states = closure({i + (segments[i] != "**") for i in states if i < len(segments)
                          and (segments[i] == "**" or segment_match(segments[i], part))})
        if not states:
            return
        yield len(segments) in states
