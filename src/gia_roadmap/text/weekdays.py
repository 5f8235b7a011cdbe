"""Weekday names (дни недели) in every form, full and abbreviated: the one table of the package.

Documents annotate dates with the weekday («22.04. (пт)», «26 мая (чт.)», «(пятница)») and write
rules with it («во вторую среду февраля», «по пятницам»). Each :class:`WeekdayName` holds the six
case forms in the singular and in the plural and the abbreviations; :func:`weekday_of` reads one
word (or a parenthesised annotation) in any of them, Monday = 0 as in :meth:`datetime.date.weekday`.

>>> weekday_of("(пт)"), weekday_of("во вторник".split()[1]), weekday_of("Ср."), weekday_of("средам")
(4, 1, 2, 2)
>>> WEEKDAYS_SHORT[0], weekday_name(2, Case.ACCUSATIVE)
('пн', 'среду')
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text._patterns import names_pattern
from gia_roadmap.text.cases import Case
from gia_roadmap.text.lookalikes import fix_lookalikes

__all__ = [
    "WEEKDAYS_NOMINATIVE",
    "WEEKDAYS_SHORT",
    "WEEKDAY_NAMES",
    "WEEKDAY_PATTERN",
    "WeekdayName",
    "weekday_name",
    "weekday_of",
    "weekday_pattern",
]

_Forms = tuple[str, str, str, str, str, str]


@attrs.frozen
class WeekdayName:
    """One weekday's names, lower case.

    Attributes:
        weekday: 0 (Monday) … 6 (Sunday), as :meth:`datetime.date.weekday`.
        forms: the six singular case forms, in :class:`~gia_roadmap.text.cases.Case` order.
        plural_forms: the six plural case forms («по пятницам», «средах»).
        abbreviations: abbreviations without the dot, the two-letter one first («пт», «птн»).
    """

    weekday: int
    forms: _Forms
    plural_forms: _Forms
    abbreviations: tuple[str, ...]

    def form(self, case: Case, *, plural: bool = False) -> str:
        """The name in ``case`` (singular unless ``plural``)."""
        return (self.plural_forms if plural else self.forms)[_CASE_INDEX[case]]

    @property
    def short(self) -> str:
        """The two-letter abbreviation («пн»), as calendars print it."""
        return self.abbreviations[0]


_CASE_INDEX = {case: index for index, case in enumerate(Case)}


def _six(forms: str) -> _Forms:
    nom, gen, dat, acc, ins, pre = forms.split()
    return nom, gen, dat, acc, ins, pre


WEEKDAY_NAMES: tuple[WeekdayName, ...] = tuple(
    WeekdayName(number, _six(singular), _six(plural), tuple(abbreviations.split()))
    for number, (singular, plural, abbreviations) in enumerate(
        (
            (
                "понедельник понедельника понедельнику понедельник понедельником понедельнике",
                "понедельники понедельников понедельникам понедельники понедельниками понедельниках",
                "пн пнд пон",
            ),
            (
                "вторник вторника вторнику вторник вторником вторнике",
                "вторники вторников вторникам вторники вторниками вторниках",
                "вт втр",
            ),
            ("среда среды среде среду средой среде", "среды сред средам среды средами средах", "ср срд"),
            (
                "четверг четверга четвергу четверг четвергом четверге",
                "четверги четвергов четвергам четверги четвергами четвергах",
                "чт чтв чет",
            ),
            (
                "пятница пятницы пятнице пятницу пятницей пятнице",
                "пятницы пятниц пятницам пятницы пятницами пятницах",
                "пт птн пят",
            ),
            (
                "суббота субботы субботе субботу субботой субботе",
                "субботы суббот субботам субботы субботами субботах",
                "сб суб сбт",
            ),
            (
                "воскресенье воскресенья воскресенью воскресенье воскресеньем воскресенье",
                "воскресенья воскресений воскресеньям воскресенья воскресеньями воскресеньях",
                "вс вск воскр",
            ),
        )
    )
)
"""The seven weekdays, Monday first: the one table of weekday names in the package."""

WEEKDAYS_NOMINATIVE: tuple[str, ...] = tuple(w.forms[0] for w in WEEKDAY_NAMES)
"""«понедельник» … «воскресенье» (index 0 = Monday)."""
WEEKDAYS_SHORT: tuple[str, ...] = tuple(w.short for w in WEEKDAY_NAMES)
"""«пн» … «вс» (index 0 = Monday): a calendar's column heads."""

_FORMS: dict[str, int] = {
    word: w.weekday for w in WEEKDAY_NAMES for word in (*w.forms, *w.plural_forms, *w.abbreviations)
}


def weekday_of(word: str) -> int | None:
    """The weekday (Monday = 0 … Sunday = 6) a word names, or None.

    Any case, singular or plural, any capitalisation, «ё» or «е», an abbreviation with or without
    its dot, Latin look-alikes repaired; an annotation in parentheses («(пт)», «(ср.)») is read
    the same.
    """
    if not isinstance(word, str):
        raise InvalidTypeError(f"weekday_of() takes one word as a str, got {type(word).__name__}")
    key = fix_lookalikes(word.strip()).lower().replace("ё", "е")
    if key.startswith("(") and key.endswith(")"):
        key = key[1:-1].strip()
    if key.endswith("."):
        key = key[:-1]
    return _FORMS.get(key)


def weekday_name(weekday: int, case: Case = Case.NOMINATIVE, *, plural: bool = False) -> str:
    """The name of ``weekday`` (Monday = 0) in ``case``, lower case.

    >>> weekday_name(1, Case.ACCUSATIVE), weekday_name(4, Case.DATIVE, plural=True)
    ('вторник', 'пятницам')
    """
    if isinstance(weekday, bool) or not isinstance(weekday, int):
        raise InvalidTypeError(f"weekday must be an int 0–6 (Monday = 0), got {type(weekday).__name__}")
    if not 0 <= weekday <= 6:
        raise InvalidValueError(f"weekday must be 0–6 (Monday = 0 … Sunday = 6), got {weekday}")
    return WEEKDAY_NAMES[weekday].form(case, plural=plural)


def weekday_pattern(
    cases: Iterable[Case] | None = None, *, plural: bool = True, abbreviations: bool = True
) -> str:
    """A regex source matching a weekday word, lower case: the forms of ``cases`` (all when
    None), singular and (unless ``plural`` is False) plural, and (unless ``abbreviations`` is
    False) the abbreviations, each with an optional dot. No boundaries: the grammar adds them.
    """
    chosen = tuple(Case) if cases is None else tuple(cases)
    words = {w.form(case) for w in WEEKDAY_NAMES for case in chosen}
    if plural:
        words |= {w.form(case, plural=True) for w in WEEKDAY_NAMES for case in chosen}
    short = {a for w in WEEKDAY_NAMES for a in w.abbreviations} if abbreviations else set()
    return names_pattern(words, short)


WEEKDAY_PATTERN: str = weekday_pattern()
"""Regex source of a weekday in any form or abbreviation (see :func:`weekday_pattern`)."""
