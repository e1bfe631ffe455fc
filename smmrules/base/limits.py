"""The size limits the library applies by default and the ceilings a config may raise them to.

One place for each figure: the parser, the document reader and the config loader all take them from
here, and SECURITY.md explains what each one bounds."""
from __future__ import annotations

# Characters in one goal statement (max-statement-length). A statement is parsed whole: up to 2 KB of
# memory per character, so even the ceiling keeps one statement near 100 MB.
MAX_STATEMENT = 2_000
STATEMENT_CEILING = 50_000

# Lines that say something (goals, tasks, header entries, other text, suppression comments) in one
# document (max-entries). Each is parsed into objects that live until its findings are made (about
# 1-3 KB apiece), so the default keeps a hostile 5 MB file under 200 MB; blank lines and plain
# comments are not counted. A config may raise it for machine-written documents.
MAX_ENTRIES = 20_000
ENTRIES_CEILING = 1_000_000
