"""The languages smmrules reads and writes messages in: the one list every module takes them from."""
from __future__ import annotations

LANGS = ("en", "ru", "uk")
