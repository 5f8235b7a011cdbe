"""Month names (названия месяцев) in every form documents write them: the one table of the package.

Each :class:`MonthName` holds the six case forms of a month («январь, января, январю, январь,
январём, январе»), the abbreviations documents use («янв.», «февр.», «сент.», «нояб.»), the short
display form («янв») and the stem of the adjective («сентябрьский период»). Everything else is
derived from :data:`MONTH_NAMES`:

* :func:`month_of` reads one word in any form, case or capitalisation, with «ё» or «е», with or
  without the abbreviation's dot, Latin look-alike letters repaired («Mай» → 5);
* :func:`month_pattern` and :data:`MONTH_PATTERN` are regex sources matching the words, for the
  grammars that read dates (they carry no word boundaries: the grammar adds its own);
* :data:`MONTHS_NOMINATIVE`, :data:`MONTHS_GENITIVE` and :data:`MONTHS_SHORT` are the forms
  renderers print («январь 2024 года», «с 1 марта», a timeline's «янв»).

>>> month_of("декабре"), month_of("Сент."), month_of("ЯНВАРЁМ")
(12, 9, 1)
>>> MONTHS_GENITIVE[2]
'марта'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text._patterns import names_pattern, words_pattern
from gia_roadmap.text.cases import Case
from gia_roadmap.text.lookalikes import fix_lookalikes

__all__ = [
    "MONTHS_GENITIVE",
    "MONTHS_NOMINATIVE",
    "MONTHS_SHORT",
    "MONTH_ABBREVIATION_PATTERN",
    "MONTH_FORMS",
    "MONTH_NAMES",
    "MONTH_PATTERN",
    "MonthName",
    "month_adjective_pattern",
    "month_name",
    "month_of",
    "month_pattern",
]


@attrs.frozen
class MonthName:
    """One month's names, lower case with «ё» where the language writes it.

    Attributes:
        number: 1 (January) … 12 (December).
        forms: the six case forms, in :class:`~gia_roadmap.text.cases.Case` order.
        abbreviations: abbreviations as documents write them, without the dot («янв», «февр»).
        short: the three-letter display form («янв», «май»).
        adjective_stem: the stem of the adjective («сентябрьск» of «сентябрьский период»).
    """

    number: int
    forms: tuple[str, str, str, str, str, str]
    abbreviations: tuple[str, ...]
    short: str
    adjective_stem: str

    def form(self, case: Case) -> str:
        """The name in ``case`` («декабрь» in the prepositional is «декабре»)."""
        return self.forms[_CASE_INDEX[case]]

    @property
    def nominative(self) -> str:
        """«январь»."""
        return self.forms[0]

    @property
    def genitive(self) -> str:
        """«января» (as in «1 января»)."""
        return self.forms[1]


_CASE_INDEX = {case: index for index, case in enumerate(Case)}


def _month(
    number: int, forms: str, abbreviations: str, short: str, adjective_stem: str
) -> MonthName:
    nom, gen, dat, acc, ins, pre = forms.split()
    cases = (nom, gen, dat, acc, ins, pre)
    return MonthName(number, cases, tuple(abbreviations.split()), short, adjective_stem)


MONTH_NAMES: tuple[MonthName, ...] = (
    _month(1, "январь января январю январь январём январе", "янв", "янв", "январск"),
    _month(2, "февраль февраля февралю февраль февралём феврале", "фев февр", "фев", "февральск"),
    _month(3, "март марта марту март мартом марте", "мар", "мар", "мартовск"),
    _month(4, "апрель апреля апрелю апрель апрелем апреле", "апр", "апр", "апрельск"),
    _month(5, "май мая маю май маем мае", "", "май", "майск"),
    _month(6, "июнь июня июню июнь июнем июне", "июн", "июн", "июньск"),
    _month(7, "июль июля июлю июль июлем июле", "июл", "июл", "июльск"),
    _month(8, "август августа августу август августом августе", "авг", "авг", "августовск"),
    _month(9, "сентябрь сентября сентябрю сентябрь сентябрём сентябре", "сен сент", "сен", "сентябрьск"),
    _month(10, "октябрь октября октябрю октябрь октябрём октябре", "окт", "окт", "октябрьск"),
    _month(11, "ноябрь ноября ноябрю ноябрь ноябрём ноябре", "ноя нояб", "ноя", "ноябрьск"),
    _month(12, "декабрь декабря декабрю декабрь декабрём декабре", "дек", "дек", "декабрьск"),
)
"""The twelve months, January first: the one table of month names in the package."""

MONTHS_NOMINATIVE: tuple[str, ...] = tuple(m.nominative for m in MONTH_NAMES)
"""«январь» … «декабрь» (index 0 = January): a month on its own, «ноябрь 2023 года»."""
MONTHS_GENITIVE: tuple[str, ...] = tuple(m.genitive for m in MONTH_NAMES)
"""«января» … «декабря» (index 0 = January): a month after a day, «с 1 марта»."""
MONTHS_SHORT: tuple[str, ...] = tuple(m.short for m in MONTH_NAMES)
"""«янв» … «дек» (index 0 = January): a timeline's scale."""


def _spellings(word: str) -> tuple[str, ...]:
    """``word`` and, when it has «ё», its spelling with «е»."""
    return (word, word.replace("ё", "е")) if "ё" in word else (word,)


MONTH_FORMS: Mapping[str, int] = MappingProxyType(
    {word.replace("ё", "е"): m.number for m in MONTH_NAMES for word in (*m.forms, *m.abbreviations)}
)
"""Every month word in comparison form (lower case, «е» for «ё», abbreviations without the dot) →
its month: the lookup behind :func:`month_of`, for grammars that have already lower-cased."""


def month_of(word: str) -> int | None:
    """The month (1–12) a single word names, or None.

    Any case form, any capitalisation, «ё» or «е», an abbreviation with or without its dot, Latin
    look-alike letters inside the Cyrillic word. Surrounding spaces are ignored; anything else
    (a digit, a second word) gives None.

    >>> month_of("в декабре".split()[1]), month_of("Mая"), month_of("нояб."), month_of("маяк")
    (12, 5, 11, None)
    """
    if not isinstance(word, str):
        raise InvalidTypeError(f"month_of() takes one word as a str, got {type(word).__name__}")
    key = fix_lookalikes(word.strip()).lower().replace("ё", "е")
    if key.endswith("."):
        key = key[:-1]
    return MONTH_FORMS.get(key)


def month_name(month: int, case: Case = Case.NOMINATIVE) -> str:
    """The name of ``month`` (1–12) in ``case``, lower case.

    >>> month_name(12, Case.PREPOSITIONAL)
    'декабре'
    """
    return _table_entry(month).form(case)


def _table_entry(month: int) -> MonthName:
    if isinstance(month, bool) or not isinstance(month, int):
        raise InvalidTypeError(f"month must be an int 1–12, got {type(month).__name__}")
    if not 1 <= month <= 12:
        raise InvalidValueError(f"month must be 1–12 (January–December), got {month}")
    return MONTH_NAMES[month - 1]


def month_pattern(cases: Iterable[Case] | None = None, *, abbreviations: bool = False) -> str:
    """A regex source matching a month word, lower case, «ё» or «е».

    Args:
        cases: the case forms to match (every case when None).
        abbreviations: also match the abbreviations, each with an optional dot («сент.», «дек»).

    The source is one non-capturing group with no boundaries; the grammar adds them (for example
    ``(?<![а-я])`` before and ``(?![а-я])`` after) and its own capturing group. Read the captured
    word with :func:`month_of`.
    """
    chosen = tuple(Case) if cases is None else tuple(cases)
    words = {s for m in MONTH_NAMES for case in chosen for s in _spellings(m.form(case))}
    short = {a for m in MONTH_NAMES for a in m.abbreviations} if abbreviations else set()
    return names_pattern(words, short)


MONTH_PATTERN: str = month_pattern()
"""Regex source of a month name in any case, lower case, «ё» or «е» (see :func:`month_pattern`)."""
MONTH_ABBREVIATION_PATTERN: str = (
    words_pattern(sorted({a for m in MONTH_NAMES for a in m.abbreviations})) + r"\."
)
"""Regex source of a month abbreviation with its dot («янв.», «февр.», «сент.»), lower case."""


def month_adjective_pattern(month: int | None = None) -> str:
    """A regex source of the adjective of ``month`` (of any month when None) in any form:
    «сентябрьский», «сентябрьские сроки», «(сентябрьского) периода».

    >>> import re
    >>> bool(re.fullmatch(month_adjective_pattern(9), "сентябрьского"))
    True
    """
    names = MONTH_NAMES if month is None else (_table_entry(month),)
    return words_pattern(m.adjective_stem for m in names) + "[а-яё]*"
