"""Abbreviations (аббревиатуры) read by their rule instead of from a list.

A Russian institutional abbreviation is the initial letters of the name («институт развития
образования» → ИРО), often with the region's letters before or after it: АИРО (Алтайский),
СОИРО (Смоленский областной), ИРОК (… Кузбасса), and a lower-case «и» for a conjunction
(КРИПКиПРО: Курганский региональный институт повышения квалификации и переподготовки работников
образования). :func:`initialism` makes the letters of a name; :func:`abbreviates` says whether a
word written as an abbreviation (:func:`is_abbreviation`) stands for the name, allowing a few
letters of region around it. A region we have never seen is recognised all the same.

>>> [abbreviates(w, "институт развития образования") for w in ("ИРОК", "АИРО", "Широк", "ИРОНИЯ")]
[True, True, False, False]
"""

from __future__ import annotations

import re

from gia_roadmap.errors import InvalidValueError
from gia_roadmap.text.lookalikes import fix_lookalikes

__all__ = ["abbreviates", "initialism", "is_abbreviation"]

_WORD = re.compile(r"[А-Яа-яЁёA-Za-z]+")
_CONJUNCTIONS = frozenset({"и"})
# Upper-case letters, possibly joined by a lower-case «и» (a conjunction): «ИРОК», «КРИПКиПРО».
_ABBREVIATION = re.compile(r"[А-ЯЁ]+(?:и[А-ЯЁ]+)*")


def _letters(phrase: str) -> list[tuple[str, bool]]:
    """Each word's initial, lower case, and whether the word is a conjunction (kept whole)."""
    words = _WORD.findall(phrase.lower().replace("ё", "е"))
    if not words:
        raise InvalidValueError(f"an abbreviation is made from words; {phrase!r} has none")
    return [(w, True) if w in _CONJUNCTIONS else (w[0], False) for w in words]


def initialism(phrase: str) -> str:
    """The initial letters of ``phrase``, lower case; a conjunction «и» stays a whole «и».

    >>> initialism("институт повышения квалификации и переподготовки работников образования")
    'ипкипро'
    """
    return "".join(letter for letter, _ in _letters(phrase))


def is_abbreviation(word: str) -> bool:
    """True when ``word`` is written as an abbreviation: at least two letters, all capitals but a
    conjunction «и» between them («ИРО», «КРИПКиПРО»; not «Иро», «ирок»)."""
    word = fix_lookalikes(word)
    return _ABBREVIATION.fullmatch(word) is not None and sum(c.isupper() for c in word) >= 2


def abbreviates(word: str, phrase: str, *, affix: int = 3) -> bool:
    """True when ``word``, written as an abbreviation, stands for ``phrase``: it holds the
    :func:`initialism` of the phrase with at most ``affix`` more letters (the region's) around it,
    at most two of them after it («ИРОК», «СОИРО»; not «ИРОНИЯ»).

    The initials of the phrase's words must be capitals; only a conjunction may be a small «и», so
    the «и» of «УПОиПК» (… образования и повышения квалификации) is no «институт».

    >>> abbreviates("КРИПКиПРО", "институт повышения квалификации и переподготовки работников образования")
    True
    >>> abbreviates("УПОиПК", "институт повышения квалификации")
    False
    """
    if not is_abbreviation(word):
        return False
    written = fix_lookalikes(word).replace("Ё", "Е").replace("ё", "е")
    core = _letters(phrase)
    for at in range(len(written) - len(core) + 1):
        after = len(written) - at - len(core)
        if after > 2 or at + after > affix:
            continue
        if all(
            written[at + i].lower() == letter and (conjunction or written[at + i].isupper())
            for i, (letter, conjunction) in enumerate(core)
        ):
            return True
    return False
