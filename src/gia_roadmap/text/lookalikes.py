"""Latin letters that look like Cyrillic ones (look-alikes, «омоглифы»): the one table and its rule.

Typed or recognised text mixes scripts: «Депатраментa» ends in a Latin «a», «Mай» starts with a
Latin «M», «ГИA-9» has a Latin «A». Such a word matches no Russian pattern. The rule: in a word
(a run of letters) that holds both Cyrillic and Latin letters, every Latin letter of
:data:`LOOKALIKES` becomes its Cyrillic twin. A word written wholly in Latin letters («PISA»,
«OK») is left alone: it may be Latin on purpose.

The repair maps one character to one character, so positions in the repaired text are positions
in the original: a parser that reports where reading stopped needs no offset map for it.

>>> fix_lookalikes("согласно приказам Депатраментa, PISA")
'согласно приказам Депатрамента, PISA'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["LOOKALIKES", "LOOKALIKE_TRANSLATION", "fix_lookalikes", "mixes_scripts"]

LOOKALIKES: Mapping[str, str] = MappingProxyType(
    dict(zip("aAbBcCeEHhKkMmOoPpTtXxYy", "аАвВсСеЕНнКкМмОоРрТтХхУу", strict=True))
)
"""Latin letter → the Cyrillic letter it is mistaken for (upper and lower case)."""

LOOKALIKE_TRANSLATION: dict[int, str] = str.maketrans(dict(LOOKALIKES))
""":data:`LOOKALIKES` as a :meth:`str.translate` table."""

_WORD = re.compile(r"[A-Za-zА-Яа-яЁё]+")
# A Latin letter next to a Cyrillic one: present exactly when some word mixes the two scripts.
_MIXED_PAIR = re.compile(r"[A-Za-z](?:(?<=[А-Яа-яЁё].)|(?=[А-Яа-яЁё]))")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")


def mixes_scripts(word: str) -> bool:
    """True when ``word`` holds both a Cyrillic and a Latin letter («Депатраментa»)."""
    return _CYRILLIC.search(word) is not None and _LATIN.search(word) is not None


def _repair(match: re.Match[str]) -> str:
    word = match.group()
    return word.translate(LOOKALIKE_TRANSLATION) if mixes_scripts(word) else word


def fix_lookalikes(text: str) -> str:
    """``text`` with the look-alike Latin letters of mixed-script words made Cyrillic.

    Same length as ``text``, character for character. Other text is returned unchanged (the same
    object when nothing mixes scripts).
    """
    if _MIXED_PAIR.search(text) is None:
        return text
    return _WORD.sub(_repair, text)
