"""The words of the deadline grammar: regex sources built from the shared vocabulary, and the word
classes only deadlines use (units of time, prepositions, stage labels).

Month and weekday names, dashes and blanks come from :mod:`gia_roadmap.text` (the one vocabulary of the
package); nothing here spells a month or a weekday. Sources are written for :func:`rx`, which reads a
space as "one or more blanks" and «~» as "any blanks", blanks including :data:`PARA` (a hard break).
"""

from __future__ import annotations

import re

from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.grammar.normalizer import PARA
from gia_roadmap.calendar.terms import Unit
from gia_roadmap.text import (
    MONTH_FORMS,
    ORDINAL_DIGITS_PATTERN,
    ORDINAL_WORD_PATTERN,
    Case,
    Gender,
    NumeralKind,
    month_pattern,
    number_words,
    ordinal_words,
    parse_number,
    plural_form,
    weekday_of,
)
from gia_roadmap.text.weekdays import WEEKDAY_PATTERN

__all__ = [
    "BLANKS",
    "MONTH",
    "MONTH_GEN",
    "UNIT_FORMS",
    "month_number",
    "rx",
    "unit_phrase",
]


def rx(pattern: str) -> re.Pattern[str]:
    """Compile with " " = required blank run and "~" = optional blank run (blanks include ¶).

    Spaces inside character classes are left alone.
    """
    out: list[str] = []
    in_class = False
    escaped = False
    for c in pattern:
        if escaped:
            out.append(c)
            escaped = False
        elif c == "\\":
            out.append(c)
            escaped = True
        elif in_class:
            out.append(c)
            if c == "]":
                in_class = False
        elif c == "[":
            out.append(c)
            in_class = True
        elif c == " ":
            out.append("[ ¶]+")
        elif c == "~":
            out.append("[ ¶]*")
        else:
            out.append(c)
    return re.compile("".join(out))


# --- months, weekdays, years ------------------------------------------------------------------

MONTH = "(" + month_pattern() + r")(?![а-я])"
"""A month name in any case (group 1)."""
MONTH_GEN = "(" + month_pattern((Case.GENITIVE,), abbreviations=True) + r")(?![а-я])"
"""A month in the genitive or abbreviated («1 декабря», «1 дек.», «до декабря»), group 1."""
MONTH_PREP = "(" + month_pattern((Case.PREPOSITIONAL,)) + r")(?![а-я])"
"""A month in the prepositional («в декабре»), group 1."""
MONTH_DAT = "(" + month_pattern((Case.DATIVE,)) + r")(?![а-я])"
"""A month in the dative («к декабрю»), group 1."""
WEEKDAY = "(" + WEEKDAY_PATTERN + r")\.?(?![а-я])"
"""A weekday name or abbreviation in any case, with an optional dot (group 1)."""
YEAR_MARK = r"(?:года|году|год|гг\.?|г\.~г\.?|г\.?)(?![а-я])"
"""The word after a year: «года», «год», «году», «г.», «г», «гг.», «г.г.»."""
YEAR = r"((?:19|20)\d\d)(?![\d])"
"""A four-digit year 1900–2099 (group 1)."""
DASH = r"~-~"
"""A dash with any blanks around it (every dash is «-» after normalisation)."""
SEP = r"(?:[ ¶,;/]|и(?= ))*"
"""What may stand between the items of a list: blanks, «,», «;», «/», «и», hard breaks."""
SEP_FIRST = frozenset(" ¶,;/и")
"""The characters a non-empty :data:`SEP` starts with."""
BLANKS = re.compile(r"[ ¶]+")
"""A run of blanks (hard breaks included)."""
SPACES = re.compile(r"\s+")


def month_number(word: str) -> int:
    """The month of a month word as the patterns above capture it (lower case, «е» for «ё»)."""
    return MONTH_FORMS[word.rstrip(".")]


def weekday_number(word: str) -> int:
    """The weekday (Monday = 0) of a weekday word as :data:`WEEKDAY` captures it."""
    found = weekday_of(word)
    if found is None:  # pragma: no cover - WEEKDAY matches only weekday words
        raise KeyError(word)
    return found


# --- ordinals ------------------------------------------------------------------------------------

ORDINAL = (
    "(" + ORDINAL_WORD_PATTERN + r"(?![а-я])|" + ORDINAL_DIGITS_PATTERN + r"(?![а-я])|iv|i{1,3}|[1-9]\d?)"
)
"""An ordinal (group 1): in words in any case and gender («первая», «во второй»), with digits («1-й»,
«2-я»), in Roman numerals («II», lower case after normalisation) or as a bare number."""
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
CARDINAL_WORDS: frozenset[str] = frozenset(
    word
    for n in (*range(1, 21), 30, 40, 50, 60, 70, 80, 90, *range(100, 1000, 100))
    for case in Case
    for gender in Gender
    for word in number_words(n, case, gender).split()
)
"""The cardinal words (every case and gender), as a count can start: «две недели до …»."""
ORDINAL_WORDS: frozenset[str] = frozenset(
    word
    for n in range(1, 32)
    for case in Case
    for gender in Gender
    for word in ordinal_words(n, case, gender).split()
) | {"последний", "последняя", "последнюю", "последнее", "последнего", "последней", "последнем"}
"""The ordinal words of the numbers 1–31 (day numbers), from the shared numerals, and the forms of
«последний» (the last), as the first words of a calendar rule can be written."""


def ordinal_value(text: str) -> int:
    """The number an :data:`ORDINAL` names."""
    roman = _ROMAN.get(text)
    if roman is not None:
        return roman
    number = parse_number(text)
    if number is None:  # pragma: no cover - ORDINAL matches only numbers
        raise KeyError(text)
    return number.value


def is_ordinal(text: str) -> bool:
    """True when the :data:`ORDINAL` text is an ordinal (not a bare number or a Roman numeral)."""
    number = parse_number(text)
    return number is not None and number.kind is NumeralKind.ORDINAL


# --- exams ------------------------------------------------------------------------------------

_GRADE = r"(?:9|11)(?![:.]\d)"
"""The grade after «ГИА», «ГВЭ», not the hour of a time («в период проведения ГИА 9:00»)."""
EXAM_NAME = (
    r"(?:гиа~-?~" + _GRADE + r"|гиа|к?егэ|огэ|гвэ~-?~" + _GRADE + r"|гвэ|государственной итоговой аттестации"
    r"|единого государственного экзамена|основного государственного экзамена)(?![а-я0-9])"
)
"""An exam named by its name: «ГИА-9», «ЕГЭ», «ГВЭ-11», «государственной итоговой аттестации»."""
EXAM = (
    r"(?:гиа~-?~" + _GRADE + r"|гиа|егэ|огэ|гвэ~-?~" + _GRADE + r"|гвэ|оценочных процедур|экзаменов|экзамена)"
    r"(?![а-я0-9])"
)
EXAMS_NC = EXAM + r"(?:(?:~,~| и )" + EXAM + r")*"
EXAMS = r"(" + EXAMS_NC + r")"
STAGE_ADJ = r"(?:досрочн|основн|дополнительн)(?:ого|ый|ом|ые|ых|ым|ая|ой|ую|ые)"

_STAGE_STEMS = (
    ("досрочн", ExamStage.EARLY),
    ("основн", ExamStage.MAIN),
    ("дополнительн", ExamStage.ADDITIONAL),
)


def stages(low: str) -> tuple[ExamStage, ...]:
    """The exam stages named in ``low``, in order of first mention."""
    found = sorted((low.find(stem), stage) for stem, stage in _STAGE_STEMS if stem in low)
    return tuple(stage for _, stage in found)


def clean_exam(text: str) -> str:
    """«ГИА - 11» → «ГИА-11»."""
    return re.sub(r"\s*-\s*", "-", text.strip())


def exams(disp: str) -> tuple[str, ...]:
    """The exams of «ГИА, ЕГЭ», «ЕГЭ и ОГЭ» as written."""
    parts = re.split(r"\s*,\s*|\s+и\s+", disp.replace(PARA, " ").strip())
    return tuple(clean_exam(p) for p in parts if p.strip())


# --- stage labels on dates --------------------------------------------------------------------

LABEL = (
    r"((?:" + STAGE_ADJ + r"|резервн\w*|запасн\w*) (?:дат\w*|дн\w*|день|срок\w*|этап\w*|период\w*)"
    r"(?: (?:" + STAGE_ADJ + r") (?:этап\w*|период\w*))?|резерв)(?![а-я])"
)
"""A stage label (group 1): «основная дата», «резервный день», «дополнительные сроки», «дополнительный
этап», «резервный день основного периода», «резерв»."""


# --- units of time ----------------------------------------------------------------------------

UNIT = (
    r"((?:рабоч(?:ий|их|его|ему|им|ими) |календарн(?:ый|ых|ого|ому|ым|ыми) )?"
    r"(?:день|дня|дней|дню|днем|дням|днями)|недел[юиья]|недель|неделе|неделями|месяц(?:а|ев|у|ем|ами)?"
    r"|сут(?:ки|ок|кам)|час(?:а|ов|ам|ами|у|ом)?)(?![а-я])"
)
"""A unit of time in any case and number (group 1): «рабочих дней», «календарный день», «недели»."""
UNIT_SINGULAR = (
    r"((?:рабоч(?:ий|его) |календарн(?:ый|ого) )?(?:день|дня)|недел[юи]|месяц(?:а)?|сутки|суток|час(?:а)?)"
    r"(?![а-я])"
)
"""A unit in the singular, which without a number means one («за неделю», «в течение дня»)."""

UNIT_FORMS: dict[Unit, tuple[tuple[str, str, str], tuple[str, str, str]]] = {
    Unit.WORKING_DAY: (
        ("рабочий день", "рабочих дня", "рабочих дней"),
        ("рабочего дня", "рабочих дней", "рабочих дней"),
    ),
    Unit.CALENDAR_DAY: (
        ("календарный день", "календарных дня", "календарных дней"),
        ("календарного дня", "календарных дней", "календарных дней"),
    ),
    Unit.DAY: (("день", "дня", "дней"), ("дня", "дней", "дней")),
    Unit.WEEK: (("неделю", "недели", "недель"), ("недели", "недель", "недель")),
    Unit.MONTH: (("месяц", "месяца", "месяцев"), ("месяца", "месяцев", "месяцев")),
    Unit.HOUR: (("час", "часа", "часов"), ("часа", "часов", "часов")),
}
"""Per unit: its forms after a number in the accusative («за N …»: one, few, many) and in the
genitive («в течение N …»)."""


def unit_phrase(n: int, unit: Unit, case: Case) -> str:
    """``n`` and the unit in ``case`` (accusative after «за», «через»; genitive after «в течение»,
    «не позднее»): «1 рабочий день», «3 календарных дня», «2 недель»."""
    accusative, genitive = UNIT_FORMS.get(unit, UNIT_FORMS[Unit.DAY])
    forms = accusative if case is Case.ACCUSATIVE else genitive
    return f"{n} {plural_form(n, *forms)}"


TIME = r"(\d{1,2})~([:.])~(\d\d)(?![\d])(?:~(ч(?:ас(?:ов|а)?)?\.?)(?![а-я]))?"
"""A time of day (groups: hour, separator, minutes, the hour mark): «10:00», «10.00 ч.», «9.30 час.».
Whether «10.05» is a time or a date (10 May) the production decides (see ``days.m_time``)."""
TIME_AHEAD = (
    r"(?:(?:до|в|к|не позднее|не ранее|с|после|начиная с) )?\d{1,2}"
    r"(?::\d\d|\.(?:00|1[3-9]|[2-5]\d)|\.\d\d~ч)(?![\d])"
)
"""A time that cannot be a date («до 18:00», «в 10.00», «10.05 ч.»), with its preposition if any: where
a free-text event or reference stops, so the time qualifies the term instead of joining its words
(for :func:`rx` patterns: «~» is an optional blank run)."""


def unit_of(word: str) -> Unit:
    """The unit of a phrase :data:`UNIT` captured."""
    if word.startswith("рабоч"):
        return Unit.WORKING_DAY
    if word.startswith("календарн") or word.startswith("сут"):
        return Unit.CALENDAR_DAY
    if word.startswith("недел"):
        return Unit.WEEK
    if word.startswith("месяц"):
        return Unit.MONTH
    if word.startswith("час"):
        return Unit.HOUR
    return Unit.DAY


def inclusive(flag: str | None) -> bool:
    """«исключительно» / «не включительно» → False; nothing or «включительно» → True (the default)."""
    if flag is None:
        return True
    return BLANKS.sub(" ", flag) not in ("исключительно", "не включительно")


def two_digit_year(text: str) -> int:
    """A year as written after a date: «24» → 2024, «2024» → 2024."""
    value = int(text)
    return value + 2000 if value < 100 else value
