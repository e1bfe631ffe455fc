"""The languages smmrules reads and writes messages in: the one list every module takes them from."""
from __future__ import annotations

LANGS = ("en", "ru", "uk")


def plural(n, forms, lang: str) -> str:
    """The form of a word that goes with the number `n`: `forms` is (one, other) in English and
    (one, few, many) in Russian and Ukrainian, as in 1 замечание / 2 замечания / 5 замечаний, with a
    fourth form for a fraction where it differs (Ukrainian 1,5 дня but 2 дні); a fraction takes the
    "few" form otherwise (Russian 1,5 часа), and "other" in English."""
    if len(forms) == 2:
        return forms[0] if n == 1 else forms[1]
    if n != int(n):
        return forms[3] if len(forms) > 3 else forms[1]
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return forms[0]
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return forms[1]
    return forms[2]
