"""The grammatical categories the vocabulary is inflected by: case (падеж) and gender (род).

Month and weekday names, numerals and ordinals are tabulated by :class:`Case`; numerals and
ordinals also by :class:`Gender` (``PLURAL`` is the plural form, which Russian does not split by
gender).
"""

from __future__ import annotations

import enum

__all__ = ["Case", "Gender"]


class Case(enum.Enum):
    """A Russian grammatical case (падеж), with the question it answers."""

    NOMINATIVE = "nominative"
    """Именительный (кто? что?): «январь», «пятница», «два»."""
    GENITIVE = "genitive"
    """Родительный (кого? чего?): «1 января», «до пятницы», «двух»."""
    DATIVE = "dative"
    """Дательный (кому? чему?): «к январю», «к пятнице», «двум»."""
    ACCUSATIVE = "accusative"
    """Винительный (кого? что?): «на январь», «в пятницу», «два»."""
    INSTRUMENTAL = "instrumental"
    """Творительный (кем? чем?): «январём», «пятницей», «двумя»."""
    PREPOSITIONAL = "prepositional"
    """Предложный (о ком? о чём?): «в январе», «о пятнице», «двух»."""


class Gender(enum.Enum):
    """Grammatical gender (род) of the noun a numeral or an ordinal agrees with; ``PLURAL`` for
    the plural forms («первые», «двое»)."""

    MASCULINE = "masculine"
    """Мужской: «один день», «первый этап»."""
    FEMININE = "feminine"
    """Женский: «одна неделя», «первая декада»."""
    NEUTER = "neuter"
    """Средний: «одно число», «первое полугодие»."""
    PLURAL = "plural"
    """Множественное число: «первые числа», «одни сутки»."""
