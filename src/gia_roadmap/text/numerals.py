"""Russian numerals in words (числительные), both ways: read a number written in words, write one.

Deadlines write numbers in words as often as in digits: «в течение двух рабочих дней», «не позднее
чем за десять дней», «за 5 (пять) дней», «во вторую среду», «первая декада марта», «1-го числа».
This module covers the numbers 0–999:

* **cardinals** (количественные) in every case and, for 1 and 2, every gender: «один/одного/одной/
  одним», «две», «трёх/трех», «двадцати одного», «сорока», «ста двадцати пяти»;
* **ordinals** (порядковые) in every case and gender: «первая», «во вторую», «третьего», «двадцать
  первого», and written with digits: «1-го», «2-й», «3-я», «10-х»;
* **collective** numerals (собирательные) 2–10: «двое», «троих», «пятерых».

:func:`parse_number` reads a number at a position of a text (in words, in digits, «5 (пяти)»,
«пяти (5)», «1-го») and says which cases and genders its form allows and how much text it took;
:func:`number_words`, :func:`ordinal_words`, :func:`collective_words` and :func:`ordinal_digits`
write one; :func:`plural_form` picks the noun form a number takes («1 день, 2 дня, 5 дней»).
The accusative is the inanimate one («два дня», «одну неделю»): deadlines count days, not people.

>>> parse_number("в течение двух рабочих дней", 10).value
2
>>> number_words(21, Case.GENITIVE), ordinal_words(2, Case.ACCUSATIVE, Gender.FEMININE)
('двадцати одного', 'вторую')
>>> ordinal_digits(1, Case.GENITIVE), plural_form(3, "день", "дня", "дней")
('1-го', 'дня')
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator

import attrs

from gia_roadmap.errors import InvalidTypeError, InvalidValueError
from gia_roadmap.text._patterns import words_pattern
from gia_roadmap.text.cases import Case, Gender

__all__ = [
    "CARDINAL_WORD_PATTERN",
    "COLLECTIVE_WORD_PATTERN",
    "MAX_NUMBER",
    "NUMBER_WORD_PATTERN",
    "ORDINAL_DIGITS_PATTERN",
    "ORDINAL_WORD_PATTERN",
    "NumberMatch",
    "NumeralKind",
    "collective_words",
    "find_numbers",
    "number_words",
    "ordinal_digits",
    "ordinal_words",
    "parse_number",
    "plural_form",
]

MAX_NUMBER = 999
"""The largest number written or read in words."""


class NumeralKind(enum.Enum):
    """What a numeral counts or orders."""

    CARDINAL = "cardinal"
    """Количественное: «два», «двадцати одного»."""
    ORDINAL = "ordinal"
    """Порядковое: «второй», «двадцать первого», «1-го»."""
    COLLECTIVE = "collective"
    """Собирательное: «двое», «троих»."""


_CASES = tuple(Case)
_GENDERS = tuple(Gender)
_Forms = tuple[str, str, str, str, str, str]


def _six(text: str) -> _Forms:
    nom, gen, dat, acc, ins, pre = text.split()
    return nom, gen, dat, acc, ins, pre


# ------------------------------------------------------------------------------------------------
# Tables: the forms by case (nominative, genitive, dative, accusative, instrumental, prepositional)
# ------------------------------------------------------------------------------------------------

_CARDINALS: dict[int, _Forms] = {
    value: _six(forms)
    for value, forms in (
        (0, "ноль ноля нолю ноль нолём ноле"),
        (3, "три трёх трём три тремя трёх"),
        (4, "четыре четырёх четырём четыре четырьмя четырёх"),
        (5, "пять пяти пяти пять пятью пяти"),
        (6, "шесть шести шести шесть шестью шести"),
        (7, "семь семи семи семь семью семи"),
        (8, "восемь восьми восьми восемь восемью восьми"),
        (9, "девять девяти девяти девять девятью девяти"),
        (10, "десять десяти десяти десять десятью десяти"),
        (40, "сорок сорока сорока сорок сорока сорока"),
        (50, "пятьдесят пятидесяти пятидесяти пятьдесят пятьюдесятью пятидесяти"),
        (60, "шестьдесят шестидесяти шестидесяти шестьдесят шестьюдесятью шестидесяти"),
        (70, "семьдесят семидесяти семидесяти семьдесят семьюдесятью семидесяти"),
        (80, "восемьдесят восьмидесяти восьмидесяти восемьдесят восемьюдесятью восьмидесяти"),
        (90, "девяносто девяноста девяноста девяносто девяноста девяноста"),
        (100, "сто ста ста сто ста ста"),
        (200, "двести двухсот двумстам двести двумястами двухстах"),
        (300, "триста трёхсот трёмстам триста тремястами трёхстах"),
        (400, "четыреста четырёхсот четырёмстам четыреста четырьмястами четырёхстах"),
        (500, "пятьсот пятисот пятистам пятьсот пятьюстами пятистах"),
        (600, "шестьсот шестисот шестистам шестьсот шестьюстами шестистах"),
        (700, "семьсот семисот семистам семьсот семьюстами семистах"),
        (800, "восемьсот восьмисот восьмистам восемьсот восемьюстами восьмистах"),
        (900, "девятьсот девятисот девятистам девятьсот девятьюстами девятистах"),
    )
}
# 11–19, 20 and 30 decline alike: «-дцать», «-дцати», «-дцатью».
for _value, _word in (
    (11, "одиннадцать"), (12, "двенадцать"), (13, "тринадцать"), (14, "четырнадцать"), (15, "пятнадцать"),
    (16, "шестнадцать"), (17, "семнадцать"), (18, "восемнадцать"), (19, "девятнадцать"), (20, "двадцать"),
    (30, "тридцать"),
):  # fmt: skip
    _stem = _word[:-1]
    _CARDINALS[_value] = (_word, _stem + "и", _stem + "и", _word, _word + "ю", _stem + "и")

_BY_GENDER: dict[int, dict[Gender, _Forms]] = {
    1: {
        Gender.MASCULINE: _six("один одного одному один одним одном"),
        Gender.FEMININE: _six("одна одной одной одну одной одной"),
        Gender.NEUTER: _six("одно одного одному одно одним одном"),
        Gender.PLURAL: _six("одни одних одним одни одними одних"),
    },
    2: {
        Gender.MASCULINE: _six("два двух двум два двумя двух"),
        Gender.FEMININE: _six("две двух двум две двумя двух"),
        Gender.NEUTER: _six("два двух двум два двумя двух"),
        Gender.PLURAL: _six("два двух двум два двумя двух"),
    },
}
"""1 and 2 agree in gender with their noun; the other numbers do not."""

_VARIANTS: dict[str, str] = {
    "нуль": "ноль", "нуля": "ноля", "нулю": "нолю", "нулём": "нолём", "нуле": "ноле",
    "одною": "одной", "восьмью": "восемью",
}  # fmt: skip
"""Spellings read as well as the table's: «нуль», «одною», «восьмью»."""

_COLLECTIVES: dict[int, _Forms] = {
    2: _six("двое двоих двоим двое двоими двоих"),
    3: _six("трое троих троим трое троими троих"),
    4: _six("четверо четверых четверым четверо четверыми четверых"),
}
for _value, _stem in (
    (5, "пятер"),
    (6, "шестер"),
    (7, "семер"),
    (8, "восьмер"),
    (9, "девятер"),
    (10, "десятер"),
):
    _COLLECTIVES[_value] = (_stem + "о", _stem + "ых", _stem + "ым", _stem + "о", _stem + "ыми", _stem + "ых")

# Ordinals: a stem and its declension («ый» unstressed, «ой» stressed, «третий» soft).
_ORDINAL_STEMS: dict[int, tuple[str, str]] = {
    0: ("нулев", "ой"), 1: ("перв", "ый"), 2: ("втор", "ой"), 3: ("трет", "ий"), 4: ("четвёрт", "ый"),
    5: ("пят", "ый"), 6: ("шест", "ой"), 7: ("седьм", "ой"), 8: ("восьм", "ой"), 9: ("девят", "ый"),
    10: ("десят", "ый"), 40: ("сороков", "ой"), 50: ("пятидесят", "ый"), 60: ("шестидесят", "ый"),
    70: ("семидесят", "ый"), 80: ("восьмидесят", "ый"), 90: ("девяност", "ый"), 100: ("сот", "ый"),
    200: ("двухсот", "ый"), 300: ("трёхсот", "ый"), 400: ("четырёхсот", "ый"), 500: ("пятисот", "ый"),
    600: ("шестисот", "ый"), 700: ("семисот", "ый"), 800: ("восьмисот", "ый"), 900: ("девятисот", "ый"),
}  # fmt: skip
for _value in (*range(11, 20), 20, 30):
    _ORDINAL_STEMS[_value] = (_CARDINALS[_value][0][:-1], "ый")

_HARD_ENDINGS = {
    Gender.FEMININE: _six("ая ой ой ую ой ой"),
    Gender.NEUTER: _six("ое ого ому ое ым ом"),
    Gender.PLURAL: _six("ые ых ым ые ыми ых"),
}
_ORDINAL_ENDINGS: dict[str, dict[Gender, _Forms]] = {
    "ый": {Gender.MASCULINE: _six("ый ого ому ый ым ом"), **_HARD_ENDINGS},
    "ой": {Gender.MASCULINE: _six("ой ого ому ой ым ом"), **_HARD_ENDINGS},
    "ий": {  # «третий»: the soft sign before every ending but the masculine nominative
        Gender.MASCULINE: _six("ий ьего ьему ий ьим ьем"),
        Gender.FEMININE: _six("ья ьей ьей ью ьей ьей"),
        Gender.NEUTER: _six("ье ьего ьему ье ьим ьем"),
        Gender.PLURAL: _six("ьи ьих ьим ьи ьими ьих"),
    },
}
del _value, _word, _stem


# ------------------------------------------------------------------------------------------------
# Writing
# ------------------------------------------------------------------------------------------------


def _check(n: int, low: int = 0, high: int = MAX_NUMBER, what: str = "number") -> None:
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidTypeError(f"the {what} must be an int, got {type(n).__name__}")
    if not low <= n <= high:
        raise InvalidValueError(f"the {what} must be {low}–{high} to be written in words, got {n}")


def _check_form(case: Case, gender: Gender) -> None:
    if not isinstance(case, Case):
        raise InvalidTypeError(f"case must be a Case, got {type(case).__name__}")
    if not isinstance(gender, Gender):
        raise InvalidTypeError(f"gender must be a Gender, got {type(gender).__name__}")


def _parts(n: int) -> list[int]:
    """The components of ``n`` as words name them: 123 → [100, 20, 3], 215 → [200, 15]."""
    parts = []
    hundreds, rest = divmod(n, 100)
    if hundreds:
        parts.append(hundreds * 100)
    if rest >= 20:
        tens, units = divmod(rest, 10)
        parts.append(tens * 10)
        if units:
            parts.append(units)
    elif rest:
        parts.append(rest)
    return parts or [0]


def _cardinal_form(value: int, case: Case, gender: Gender) -> str:
    by_gender = _BY_GENDER.get(value)
    forms = by_gender[gender] if by_gender is not None else _CARDINALS[value]
    return forms[_CASES.index(case)]


def number_words(n: int, case: Case = Case.NOMINATIVE, gender: Gender = Gender.MASCULINE) -> str:
    """``n`` (0–999) as a cardinal numeral in words, in ``case``; 1 and 2 (alone or last, as in 21,
    102) agree with ``gender``.

    >>> number_words(2, gender=Gender.FEMININE), number_words(40, Case.GENITIVE)
    ('две', 'сорока')
    >>> number_words(125, Case.DATIVE)
    'ста двадцати пяти'
    """
    _check(n)
    _check_form(case, gender)
    return " ".join(_cardinal_form(part, case, gender) for part in _parts(n))


def ordinal_words(n: int, case: Case = Case.NOMINATIVE, gender: Gender = Gender.MASCULINE) -> str:
    """``n`` (0–999) as an ordinal numeral in words: the last word declines, the others are
    cardinals in the nominative («двадцать первого»).

    >>> ordinal_words(3, Case.GENITIVE, Gender.FEMININE), ordinal_words(121, Case.PREPOSITIONAL)
    ('третьей', 'сто двадцать первом')
    """
    _check(n)
    _check_form(case, gender)
    parts = _parts(n)
    head = [_cardinal_form(part, Case.NOMINATIVE, Gender.MASCULINE) for part in parts[:-1]]
    stem, declension = _ORDINAL_STEMS[parts[-1]]
    ending = _ORDINAL_ENDINGS[declension][gender][_CASES.index(case)]
    return " ".join([*head, stem + ending])


def collective_words(n: int, case: Case = Case.NOMINATIVE) -> str:
    """``n`` (2–10) as a collective numeral: «двое», «троих», «пятерыми».

    >>> collective_words(3, Case.GENITIVE)
    'троих'
    """
    _check(n, 2, 10, "collective number")
    _check_form(case, Gender.MASCULINE)
    return _COLLECTIVES[n][_CASES.index(case)]


_VOWELS = frozenset("аеёиоуыэюя")


def _digit_suffix(ending: str) -> str:
    """The letters written after the digits and a hyphen (Russian typographic rule): the last
    letter, or the last two when the last is a vowel after a consonant («-го», «-му», «-ми»)."""
    if len(ending) >= 2 and ending[-1] in _VOWELS and ending[-2] not in _VOWELS and ending[-2] not in "ьъй":
        return ending[-2:]
    return ending[-1:]


def ordinal_digits(n: int, case: Case = Case.NOMINATIVE, gender: Gender = Gender.MASCULINE) -> str:
    """``n`` as an ordinal written with digits: «1-й», «1-го», «3-я», «10-х».

    >>> [ordinal_digits(5, c) for c in (Case.NOMINATIVE, Case.GENITIVE, Case.INSTRUMENTAL)]
    ['5-й', '5-го', '5-м']
    """
    _check(n)
    _check_form(case, gender)
    declension = _ORDINAL_STEMS[_parts(n)[-1]][1]
    ending = _ORDINAL_ENDINGS[declension][gender][_CASES.index(case)]
    return f"{n}-{_digit_suffix(ending)}"


def plural_form(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun counted by ``n``: ``one`` after 1, 21, 101 …; ``few`` after 2–4, 22–24 …;
    ``many`` otherwise (5–20, 25–30, 11–14 …).

    >>> [f"{n} {plural_form(n, 'день', 'дня', 'дней')}" for n in (1, 3, 11, 22, 25)]
    ['1 день', '3 дня', '11 дней', '22 дня', '25 дней']
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise InvalidTypeError(f"the count must be an int, got {type(n).__name__}")
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


# ------------------------------------------------------------------------------------------------
# Reading
# ------------------------------------------------------------------------------------------------

_Form = tuple[Case, Gender]
_ALL_GENDERS = frozenset(_GENDERS)


@attrs.frozen
class _Reading:
    """One reading of one word: its value, kind, slot and the (case, gender) pairs it may be in."""

    value: int
    kind: NumeralKind
    forms: frozenset[_Form]

    @property
    def slot(self) -> int:
        """Where the word may stand in a compound: 3 hundreds, 2 tens (20–90), 1 teens and units,
        0 zero (alone)."""
        if self.value >= 100:
            return 3
        if self.value >= 20:
            return 2
        return 1 if self.value else 0


def _e(word: str) -> str:
    return word.replace("ё", "е")


def _build_readings() -> dict[str, list[_Reading]]:
    collected: dict[tuple[str, int, NumeralKind], set[_Form]] = {}

    def add(word: str, value: int, kind: NumeralKind, case: Case, genders: Iterable[Gender]) -> None:
        collected.setdefault((_e(word), value, kind), set()).update((case, g) for g in genders)

    for value, forms in _CARDINALS.items():
        for case, word in zip(_CASES, forms, strict=True):
            add(word, value, NumeralKind.CARDINAL, case, _GENDERS)
    for value, by_gender in _BY_GENDER.items():
        for gender, forms in by_gender.items():
            for case, word in zip(_CASES, forms, strict=True):
                add(word, value, NumeralKind.CARDINAL, case, (gender,))
    for value, forms in _COLLECTIVES.items():
        for case, word in zip(_CASES, forms, strict=True):
            add(word, value, NumeralKind.COLLECTIVE, case, _GENDERS)
    for value, (stem, declension) in _ORDINAL_STEMS.items():
        for gender, endings in _ORDINAL_ENDINGS[declension].items():
            for case, ending in zip(_CASES, endings, strict=True):
                add(stem + ending, value, NumeralKind.ORDINAL, case, (gender,))
    readings: dict[str, list[_Reading]] = {}
    for (word, value, kind), pairs in collected.items():
        readings.setdefault(word, []).append(_Reading(value, kind, frozenset(pairs)))
    for variant, word in _VARIANTS.items():
        readings[_e(variant)] = readings[_e(word)]
    return readings


_READINGS = _build_readings()

CARDINAL_WORD_PATTERN: str = words_pattern(
    sorted({w for w, rs in _READINGS.items() for r in rs if r.kind is NumeralKind.CARDINAL})
)
"""Regex source of one cardinal word in any form, lower case with «е» for «ё» (no boundaries)."""
ORDINAL_WORD_PATTERN: str = words_pattern(
    sorted({w for w, rs in _READINGS.items() for r in rs if r.kind is NumeralKind.ORDINAL})
)
"""Regex source of one ordinal word («первая», «двадцатого»), lower case, «е» for «ё»."""
COLLECTIVE_WORD_PATTERN: str = words_pattern(
    sorted({w for w, rs in _READINGS.items() for r in rs if r.kind is NumeralKind.COLLECTIVE})
)
"""Regex source of one collective word («двое», «троих»), lower case, «е» for «ё»."""
NUMBER_WORD_PATTERN: str = words_pattern(sorted(_READINGS))
"""Regex source of one numeral word of any kind; a compound is several of them (read the span
with :func:`parse_number`)."""


def _suffix_forms() -> dict[str, frozenset[_Form]]:
    found: dict[str, set[_Form]] = {}
    for by_gender in _ORDINAL_ENDINGS.values():
        for gender, endings in by_gender.items():
            for case, ending in zip(_CASES, endings, strict=True):
                found.setdefault(_digit_suffix(ending), set()).add((case, gender))
                bare = ending.lstrip("ь")  # written in full too: «1-ый», «2-ой», «3-ий», «1-ого»
                found.setdefault(bare, set()).add((case, gender))
    return {suffix: frozenset(forms) for suffix, forms in found.items()}


_SUFFIX_FORMS = _suffix_forms()

ORDINAL_DIGITS_PATTERN: str = r"\d{1,3}-" + words_pattern(sorted(_SUFFIX_FORMS, key=len, reverse=True))
"""Regex source of an ordinal written with digits: «1-го», «2-й», «3-я», «10-х», «1-ый»."""


@attrs.frozen
class NumberMatch:
    """A number read from text by :func:`parse_number`.

    Attributes:
        value: the number.
        kind: cardinal, ordinal or collective.
        start: where it starts in the text.
        end: where it ends (the text read is ``text[start:end]``).
        cases: the cases its form allows (every case for bare digits).
        genders: the genders its form allows (every gender for bare digits).
        digits: True when written with digits (alone, with words in parentheses, or as «1-го»).
    """

    value: int
    kind: NumeralKind
    start: int
    end: int
    cases: frozenset[Case]
    genders: frozenset[Gender]
    digits: bool = False


_WORD = re.compile(r"[А-Яа-яЁё]+")
_GAP = re.compile(r"[ \t\u00a0\u202f]+")
_DIGITS = re.compile(r"(\d{1,3})(?!\d)(?:-([а-яё]{1,3})(?![а-яё]))?", re.IGNORECASE)
_PAREN_OPEN = re.compile(r"[ \t\u00a0\u202f]*\([ \t\u00a0\u202f]*")
_PAREN_CLOSE = re.compile(r"[ \t\u00a0\u202f]*\)")


@attrs.frozen
class _Partial:
    value: int
    slot: int
    kind: NumeralKind
    forms: frozenset[_Form]
    end: int


def _extend(partial: _Partial | None, reading: _Reading, end: int) -> _Partial | None:
    if partial is None:
        return _Partial(reading.value, reading.slot, reading.kind, reading.forms, end)
    if partial.kind is not NumeralKind.CARDINAL or reading.kind is NumeralKind.COLLECTIVE:
        return None  # an ordinal or a collective ends a number
    if reading.slot == 0 or reading.slot >= partial.slot or (partial.slot == 2 and reading.value >= 10):
        return None  # «сто двадцать», «двадцать пять»; not «двадцать пятнадцать», «пять сто»
    if reading.kind is NumeralKind.ORDINAL:
        # «двадцать первого»: the words before an ordinal are nominative cardinals
        if not any(case is Case.NOMINATIVE for case, _ in partial.forms):
            return None
        forms = reading.forms
    else:
        cases = {case for case, _ in partial.forms} & {case for case, _ in reading.forms}
        forms = frozenset(f for f in reading.forms if f[0] in cases)
        if not forms:
            return None
    return _Partial(partial.value + reading.value, reading.slot, reading.kind, forms, end)


def _words_at(text: str, pos: int) -> _Partial | None:
    """The longest number in words starting at ``pos``."""
    states: list[_Partial | None] = [None]
    best: _Partial | None = None
    at = pos
    for _ in range(3):
        word = _WORD.match(text, at)
        if word is None:
            break
        readings = _READINGS.get(_e(word.group().lower()))
        if readings is None:
            break
        if word.end() < len(text) and (text[word.end()].isalnum()):
            break
        grown = [
            new
            for state in states
            for reading in readings
            if (new := _extend(state, reading, word.end())) is not None
        ]
        if not grown:
            break
        # prefer the longest, then a cardinal reading over an ordinal of the same words
        best = max(grown, key=lambda s: (s.end, s.kind is NumeralKind.CARDINAL))
        states = list(grown)
        gap = _GAP.match(text, word.end())
        if gap is None:
            break
        at = gap.end()
    return best


def _match(partial: _Partial, start: int, end: int, *, digits: bool = False) -> NumberMatch:
    return NumberMatch(
        partial.value,
        partial.kind,
        start,
        end,
        frozenset(case for case, _ in partial.forms),
        frozenset(gender for _, gender in partial.forms),
        digits,
    )


def parse_number(text: str, pos: int = 0) -> NumberMatch | None:
    """The number written at ``text[pos:]``, or None when none starts there.

    Reads words («двух», «двадцати одного», «во вторую» from the ordinal on, «троих»), digits
    («15»), digits with words in parentheses that agree («5 (пяти)», «пяти (5)»: the parenthesis
    is taken only when it names the same number), and ordinals with digits («1-го», «2-й»). Any
    capitalisation, «ё» or «е». Words must be whole: «пятилетний» is not «пять».

    >>> m = parse_number("за 5 (пять) рабочих дней", 3)
    >>> (m.value, m.end, m.digits)
    (5, 11, True)
    >>> sorted(c.value for c in parse_number("двух").cases)
    ['genitive', 'prepositional']
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"parse_number() reads a str, got {type(text).__name__}")
    if isinstance(pos, bool) or not isinstance(pos, int) or not 0 <= pos <= len(text):
        raise InvalidValueError(f"pos must be an int within the text (0–{len(text)}), got {pos!r}")
    digit = _DIGITS.match(text, pos)
    if digit is not None and not (pos > 0 and text[pos - 1].isdigit()):
        return _digits_at(text, pos, digit)
    if pos > 0 and text[pos - 1].isalpha():
        return None  # inside a word
    partial = _words_at(text, pos)
    if partial is None:
        return None
    end = partial.end
    paren = _PAREN_OPEN.match(text, end)
    if paren is not None:
        inner = _DIGITS.match(text, paren.end())
        close = (
            _PAREN_CLOSE.match(text, inner.end()) if inner is not None and inner.group(2) is None else None
        )
        if inner is not None and close is not None and int(inner.group(1)) == partial.value:
            return _match(partial, pos, close.end(), digits=True)
    return _match(partial, pos, end)


_CARDINAL_SUFFIXES = frozenset({"х", "ти", "ми", "ка", "та"})
"""Letters written after the digits of a cardinal («2-х», «5-ти», «7-ми», «40-ка», «100-та»)."""


def _digits_at(text: str, pos: int, digit: re.Match[str]) -> NumberMatch:
    value = int(digit.group(1))
    suffix = _e((digit.group(2) or "").lower())
    if suffix:
        # «5-ти», «2-х»: the suffix ends the cardinal's own form (not for 1 and its compounds:
        # «1-го», «21-го» are ordinals); otherwise an ordinal suffix («1-го», «2-й», «10-х»)
        last = _parts(value)[-1]
        cardinal = frozenset(
            (case, gender)
            for case in _CASES
            for gender in _GENDERS
            if suffix in _CARDINAL_SUFFIXES
            and last != 1
            and _e(_cardinal_form(last, case, gender)).endswith(suffix)
        )
        if cardinal:
            return _match(
                _Partial(value, 0, NumeralKind.CARDINAL, cardinal, 0), pos, digit.end(), digits=True
            )
        ordinal = _SUFFIX_FORMS.get(suffix)
        if ordinal is not None:
            return _match(_Partial(value, 0, NumeralKind.ORDINAL, ordinal, 0), pos, digit.end(), digits=True)
    end = digit.end(1)
    paren = _PAREN_OPEN.match(text, end)
    if paren is not None:
        words = _words_at(text, paren.end())
        close = _PAREN_CLOSE.match(text, words.end) if words is not None else None
        if words is not None and close is not None and words.value == value:
            return _match(words, pos, close.end(), digits=True)
    return NumberMatch(value, NumeralKind.CARDINAL, pos, end, frozenset(_CASES), frozenset(_GENDERS), True)


def find_numbers(text: str) -> Iterator[NumberMatch]:
    """Every number in ``text``, left to right, none overlapping (see :func:`parse_number`).

    >>> [m.value for m in find_numbers("за 5 (пять) дней, во вторую среду, 1-го числа")]
    [5, 2, 1]
    """
    pos = 0
    while pos < len(text):
        found = parse_number(text, pos)
        if found is not None:
            yield found
            pos = found.end
            continue
        word = _WORD.match(text, pos)
        pos = word.end() if word is not None else pos + 1
