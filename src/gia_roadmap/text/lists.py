"""Lists of words as Russian writes them (перечисление): «понедельникам, средам и пятницам».

>>> enumeration(["досрочного", "основного", "дополнительного"])
'досрочного, основного и дополнительного'
"""

from __future__ import annotations

from collections.abc import Sequence

from gia_roadmap.errors import InvalidTypeError, InvalidValueError

__all__ = ["enumeration"]


def enumeration(words: Sequence[str], conjunction: str = "и") -> str:
    """``words`` joined by commas, the last by ``conjunction``: «а», «а и б», «а, б и в».

    >>> enumeration(["вторникам"]), enumeration(["вторникам", "четвергам"], "или")
    ('вторникам', 'вторникам или четвергам')
    """
    if isinstance(words, str) or not all(isinstance(w, str) for w in words):
        raise InvalidTypeError(f"enumeration() takes a sequence of str, got {words!r}")
    if not words:
        raise InvalidValueError("enumeration() needs at least one word, got none")
    if len(words) == 1:
        return words[0]
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"
