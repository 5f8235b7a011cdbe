"""The deadline grammar run backwards: random realistic phrases built from its productions, each with
the term it means.

:func:`phrases` draws a :class:`Phrase` — Russian deadline text, the school year of its plan, and the
term :func:`~gia_roadmap.calendar.grammar.parse_term` must read from it. The meaning is built by this
module from the parts it drew (the day, the prefix, the count, the event …), not by the parser: the
property ``parse_term(p.text, school_year=p.school_year) == p.term`` checks the parser against the
grammar. Years the text leaves out are decided by the documented rules (written once at the end of a
list and propagated leftwards; otherwise the school year, a written weekday choosing among the
candidate years), which this module implements on its own terms.

The productions drawn (see ``docs/deadline-grammar.md``): day atoms in every written form, with
weekday and stage-label annotations; by/from prefixes; day ranges and lists; months in any case after
a preposition, month ranges; parts and weeks of a month, quarters, half-years (the school's and the
calendar's); ends of periods; calendar rules; recurring reports and counts per period; times of day
alone or next to a day or a relative term; relative terms with numbers in digits and in words in
the case their preposition governs, every unit (hours too), every direction, built-in and open
events. Surface noise a reader forgives is drawn too: capitals, Latin look-alike letters inside words,
stray spaces around dashes and dots.

:func:`deadline_texts` gives ``(text, term)`` pairs for one school year (the public strategy of
:mod:`gia_roadmap.strategies`); :func:`hostile_texts` mutates phrases for fuzzing (the parser must
return a term or, in strict mode, a :class:`~gia_roadmap.errors.TermSyntaxError`; nothing else).
"""

from __future__ import annotations

import datetime as dt

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.grammar.lexicon import UNIT_FORMS
from gia_roadmap.calendar.schoolyear import SchoolYear
from gia_roadmap.calendar.terms import (
    Bound,
    ByDate,
    ByMonth,
    CalendarYear,
    Compound,
    Conditional,
    Continuous,
    DateList,
    DayList,
    DayRange,
    DayRef,
    ExactDate,
    ExamPeriod,
    ExamPhase,
    ExternalSchedule,
    Frequency,
    FromDate,
    HalfYearTerm,
    Label,
    Month,
    MonthPart,
    MonthRange,
    MonthRef,
    Note,
    NthDay,
    OnRequest,
    PartOfMonth,
    PeriodEnd,
    PlanPeriod,
    QuarterTerm,
    Recurring,
    Relative,
    SchoolYearTerm,
    Season,
    SeasonTerm,
    SeparatePlan,
    SeparateSchedule,
    Term,
    TermSequence,
    TimeOfDay,
    Unit,
    YearOrigin,
)
from gia_roadmap.text import (
    LOOKALIKES,
    MONTH_NAMES,
    WEEKDAY_NAMES,
    Case,
    Gender,
    enumeration,
    number_words,
    ordinal_words,
    plural_form,
    weekday_name,
)

__all__ = ["Phrase", "deadline_texts", "hostile_texts", "phrases"]


@attrs.frozen
class Phrase:
    """A deadline as a document would write it, with the term it means in a plan of ``school_year``."""

    text: str
    term: Term
    school_year: SchoolYear


# --------------------------------------------------------------------------------------------
# Years: the documented rules, written out plainly
# --------------------------------------------------------------------------------------------

_FIRST_YEAR, _LAST_YEAR = 2014, 2026  # school years whose days the official calendar covers


def _default_year(month: int, sy: SchoolYear) -> int:
    return sy.start_year if month >= 9 else sy.start_year + 1


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _assumed(month: int, day: int, weekday: int | None, sy: SchoolYear) -> DayRef:
    """A day written without a year: the school-year default, or for September and October the next
    year too; a written weekday picks the candidate it fits, else the default stays."""
    default = _default_year(month, sy)
    candidates = [default, default + 1] if month in (9, 10) else [default]
    candidates = [y for y in candidates if _valid(y, month, day)]
    if weekday is not None:
        for year in candidates:
            if dt.date(year, month, day).weekday() == weekday:
                origin = YearOrigin.SCHOOL_YEAR if year == candidates[0] else YearOrigin.WEEKDAY
                return DayRef(month, day, year, origin, weekday)
    return DayRef(month, day, candidates[0], YearOrigin.SCHOOL_YEAR, weekday)


# --------------------------------------------------------------------------------------------
# Surface noise
# --------------------------------------------------------------------------------------------

_TO_LATIN = {cyrillic: latin for latin, cyrillic in LOOKALIKES.items() if latin.islower()}
_DASHES = ("-", "–", "—", "‑")


def _token(text: str, i: int) -> str:
    """The word of ``text`` around position ``i``."""
    start = text.rfind(" ", 0, i) + 1
    end = text.find(" ", i)
    return text[start : end if end >= 0 else len(text)]


@st.composite
def _word(draw: st.DrawFn, word: str) -> str:
    """``word`` as documents write it: as is, capitalised, in capitals, or with a Latin look-alike."""
    how = draw(st.sampled_from(("as is", "as is", "as is", "capital", "upper", "latin")))
    if how == "capital":
        return word[:1].upper() + word[1:]
    if how == "upper":
        return word.upper()
    if how == "latin":
        # a Latin twin inside a word that keeps a Cyrillic letter (a word wholly in Latin letters is
        # left as Latin by readers, rightly: «PISA», «OK»)
        spots = [
            i
            for i, c in enumerate(word)
            if c in _TO_LATIN and any(o.isalpha() and o != c for o in _token(word, i))
        ]
        if spots:
            i = draw(st.sampled_from(spots))
            return word[:i] + _TO_LATIN[word[i]] + word[i + 1 :]
    return word


def _dash() -> st.SearchStrategy[str]:
    return st.builds(
        lambda a, d, b: a + d + b,
        st.sampled_from(("", " ")),
        st.sampled_from(_DASHES),
        st.sampled_from(("", " ")),
    )


def _year_mark() -> st.SearchStrategy[str]:
    return st.sampled_from((" года", " г.", " г", "г.", " год", ""))


# --------------------------------------------------------------------------------------------
# Days
# --------------------------------------------------------------------------------------------

_LABELS = (
    ("основная дата", ExamStage.MAIN, False),
    ("основной день", ExamStage.MAIN, False),
    ("резервный день", None, True),
    ("резервная дата", None, True),
    ("резерв", None, True),
    ("дополнительные сроки", ExamStage.ADDITIONAL, False),
    ("дополнительный этап", ExamStage.ADDITIONAL, False),
    ("досрочный период", ExamStage.EARLY, False),
)


@st.composite
def _date(draw: st.DrawFn, sy: SchoolYear, *, month: int | None = None) -> dt.date:
    """A date of the school year ``sy`` (in ``month`` when given)."""
    if month is None:
        month = draw(st.integers(1, 12))
    year = _default_year(month, sy)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, draw(st.integers(1, last)))


@st.composite
def _day_text(draw: st.DrawFn, day: dt.date, *, with_year: bool, words: bool | None = None) -> str:
    """``day`` written with a month name («1 декабря 2021 г.», «01 дек.») or in digits («01.12.2021»,
    «1.12.21», «01.12.», «01.12»), with or without its year."""
    if words is None:
        words = draw(st.booleans())
    if words:
        number = f"{day.day:02d}" if draw(st.booleans()) and day.day < 10 else str(day.day)
        if draw(st.integers(0, 9)) == 0:
            number += draw(st.sampled_from(("-го", "-е")))
        name = MONTH_NAMES[day.month - 1]
        month = name.genitive
        if name.abbreviations and draw(st.integers(0, 5)) == 0:
            month = draw(st.sampled_from(name.abbreviations)) + "."
        text = f"{number} {draw(_word(month))}"
        if with_year:
            text += f" {day.year}" + draw(_year_mark())
        return text
    dd = f"{day.day:02d}" if draw(st.booleans()) else str(day.day)
    mm = f"{day.month:02d}"
    if not with_year:
        return f"{dd}.{mm}" + draw(st.sampled_from((".", "")))
    year = f"{day.year:02d}"[-2:] if draw(st.integers(0, 4)) == 0 else str(day.year)
    text = f"{dd}.{mm}.{year}"
    if len(year) == 4:
        text += draw(st.sampled_from(("", "", " г.", " года", "г.")))
    return text


@st.composite
def _weekday_note(draw: st.DrawFn, weekday: int) -> str:
    """A weekday written after a date: «(пт)», «(пятница)», «(ср.)»."""
    name = WEEKDAY_NAMES[weekday]
    word = draw(st.sampled_from((name.forms[0], *name.abbreviations, name.abbreviations[0] + ".")))
    return f" ({draw(_word(word))})"


@st.composite
def _day_atom(draw: st.DrawFn, sy: SchoolYear, *, year_written: bool | None = None) -> tuple[str, DayRef]:
    """One day as written, with its meaning: the year written, or inferred from the school year and
    the weekday written beside it (right or, now and then, wrong)."""
    day = draw(_date(sy))
    if year_written is None:
        year_written = draw(st.booleans())
    if not year_written and day.month in (9, 10) and draw(st.booleans()):
        day = day.replace(year=day.year + 1)  # the additional period of September of the next year
    text = draw(_day_text(day, with_year=year_written))
    weekday: int | None = None
    if draw(st.integers(0, 2)) == 0:
        weekday = day.weekday() if draw(st.integers(0, 4)) else draw(st.integers(0, 6))
        text += draw(_weekday_note(weekday))
    if year_written:
        return text, DayRef(day.month, day.day, day.year, YearOrigin.WRITTEN, weekday)
    return text, _assumed(day.month, day.day, weekday, sy)


_BY_PREFIXES = ("до", "не позднее", "не позднее чем", "в срок до", "в срок не позднее", "к", "по", "не позже")
_FROM_PREFIXES = (
    ("не ранее", True),
    ("начиная с", True),
    ("после", False),
    ("с", True),
    ("не ранее чем", True),
)


@st.composite
def _single_day(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """A day with an optional prefix and an optional stage label."""
    text, ref = draw(_day_atom(sy))
    kind = draw(st.sampled_from(("exact", "by", "by", "from")))
    term: Term
    if kind == "by":
        wording = draw(st.sampled_from(_BY_PREFIXES))
        text = f"{draw(_word(wording))} {text}"
        inclusive = True
        if draw(st.integers(0, 5)) == 0:
            flag = draw(st.sampled_from(("включительно", "(включительно)", "исключительно")))
            text += " " + flag
            inclusive = flag != "исключительно"
        term = ByDate(ref, inclusive, wording)
    elif kind == "from":
        wording, inclusive = draw(st.sampled_from(_FROM_PREFIXES))
        text = f"{draw(_word(wording))} {text}"
        term = FromDate(ref, inclusive, wording)
    else:
        term = ExactDate(ref)
    if draw(st.integers(0, 4)) == 0:
        label, stage, reserve = draw(st.sampled_from(_LABELS))
        text = draw(
            st.sampled_from(
                (f"{text} ({label})", f"{text} – {label}", f"{text} - {label}", f"{label}: {text}")
            )
        )
        term = Compound(term, Label(stage, reserve, label), True)
    return text, term


@st.composite
def _day_range(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«с 12 по 16 декабря», «5–22 сентября», «29 мая – 1 июля 2024 г.», «с 01.03.2024 по 20.05.2024»."""
    first = draw(_date(sy))
    last = first + dt.timedelta(days=draw(st.integers(1, 60)))
    shape = draw(st.sampled_from(("both years", "end year", "no year", "same month")))
    if last.year > sy.start_year + 1 or (shape == "same month" and last.month != first.month):
        shape = "both years"
    words = draw(st.booleans())
    if shape == "same month":
        year_written = draw(st.booleans())
        end_text = draw(_day_text(last, with_year=year_written, words=True))
        start_text = str(first.day)
        if year_written:
            end = DayRef(last.month, last.day, last.year, YearOrigin.WRITTEN)
            start = DayRef(first.month, first.day, last.year, YearOrigin.PROPAGATED)
        else:
            end = _assumed(last.month, last.day, None, sy)
            start = _assumed(first.month, first.day, None, sy)
            start, end = _roll(start, end)
    else:
        start_text = draw(_day_text(first, with_year=shape == "both years", words=words))
        end_text = draw(_day_text(last, with_year=shape != "no year", words=words))
        if shape == "no year":
            start, end = _roll(
                _assumed(first.month, first.day, None, sy), _assumed(last.month, last.day, None, sy)
            )
        else:
            end = DayRef(last.month, last.day, last.year, YearOrigin.WRITTEN)
            if shape == "both years":
                start = DayRef(first.month, first.day, first.year, YearOrigin.WRITTEN)
            elif first.year == last.year:
                start = DayRef(first.month, first.day, first.year, YearOrigin.PROPAGATED)
            else:
                start = DayRef(first.month, first.day, first.year, YearOrigin.ROLLED_BACK)
    form = draw(st.sampled_from(("с по", "с до", "dash", "в период с по")))
    if form == "dash":
        text = start_text + draw(_dash()) + end_text
    elif form == "с до":
        text = f"с {start_text} до {end_text}"
    elif form == "с по":
        text = f"{draw(_word('с'))} {start_text} по {end_text}"
    else:
        text = f"в период с {start_text} по {end_text}"
    return text, DayRange(start, end)


def _roll(start: DayRef, end: DayRef) -> tuple[DayRef, DayRef]:
    """A range with no year written whose days, each given its school-year default, run backwards
    across 1 September: its start goes back a year."""
    assert start.year is not None
    assert end.year is not None
    if (start.year, start.month, start.day) > (end.year, end.month, end.day):
        year = end.year if (start.month, start.day) <= (end.month, end.day) else end.year - 1
        return DayRef(start.month, start.day, year, YearOrigin.ROLLED_BACK), end
    return start, end


_LIST_SEPARATORS = (", ", ", ", " и ", "; ", ",\n", "\n", " / ")


@st.composite
def _day_list(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«12, 15 и 19 мая 2024 года» (month and year written once), «до 01.11.2023, до 20.04.2024»,
    «22.04. (пт), 26.04. (вт)»."""
    by = draw(st.booleans())
    count = draw(st.integers(2, 4))
    if not by and draw(st.booleans()):  # day numbers sharing one month and one year
        month = draw(st.integers(1, 12))
        days = sorted(draw(st.sets(st.integers(1, 28), min_size=count, max_size=count)))
        year = _default_year(month, sy)
        year_written = draw(st.booleans())
        last = dt.date(year, month, days[-1])
        parts = [str(d) for d in days[:-1]] + [draw(_day_text(last, with_year=year_written, words=True))]
        if year_written:
            refs = [DayRef(month, d, year, YearOrigin.PROPAGATED) for d in days[:-1]]
            refs.append(DayRef(month, days[-1], year, YearOrigin.WRITTEN))
        else:
            refs = [_assumed(month, d, None, sy) for d in days]
        text = parts[0]
        for part in parts[1:]:
            text += draw(st.sampled_from((", ", " и ", ", "))) + part
        return text, DayList(tuple(ExactDate(r) for r in refs))
    atoms = [draw(_day_atom(sy, year_written=True)) for _ in range(count)]
    wordings = [draw(st.sampled_from(_BY_PREFIXES[:5])) for _ in atoms] if by else []
    text = ""
    for k, (atom_text, _) in enumerate(atoms):
        if k:
            text += draw(st.sampled_from(_LIST_SEPARATORS))
        text += f"{wordings[k]} {atom_text}" if by else atom_text
    if by:
        return text, DateList(
            tuple(ByDate(ref, True, w) for (_, ref), w in zip(atoms, wordings, strict=True))
        )
    return text, DayList(tuple(ExactDate(ref) for _, ref in atoms))


# --------------------------------------------------------------------------------------------
# Months and parts of periods
# --------------------------------------------------------------------------------------------


@st.composite
def _month_phrase(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«декабрь 2023 года», «в декабре», «в течение декабря 2023 г.», «до декабря», «к декабрю 2024
    года», «сентябрь – декабрь 2023 года», «с сентября по декабрь»."""
    month = draw(st.integers(1, 12))
    name = MONTH_NAMES[month - 1]
    year_written = draw(st.booleans())
    year = _default_year(month, sy) + draw(st.sampled_from((0, 0, 1, -1))) if year_written else None
    ref = (
        MonthRef(month, year, YearOrigin.WRITTEN)
        if year is not None
        else MonthRef(month, _default_year(month, sy), YearOrigin.SCHOOL_YEAR)
    )
    tail = f" {year}" + draw(_year_mark()) if year is not None else ""
    shape = draw(st.sampled_from(("month", "в", "в течение", "до", "к", "range", "с по")))
    if shape == "month":
        return draw(_word(name.nominative)) + tail, Month(ref)
    if shape == "в":
        return f"в {draw(_word(name.form(Case.PREPOSITIONAL)))}{tail}", Month(ref)
    if shape == "в течение":
        return f"в течение {name.genitive}{tail}", Month(ref)
    if shape == "до":
        wording = draw(st.sampled_from(("до", "не позднее", "в срок до", "до конца", "к концу")))
        return f"{wording} {draw(_word(name.genitive))}{tail}", ByMonth(ref, True, wording)
    if shape == "к":
        return f"к {name.form(Case.DATIVE)}{tail}", ByMonth(ref, True, "к")
    # a range: the end month's year, written or assumed, and the start from it
    first = draw(st.integers(1, 12))
    first_name = MONTH_NAMES[first - 1]
    if year is None:
        end = MonthRef(month, _default_year(month, sy), YearOrigin.SCHOOL_YEAR)
        start = MonthRef(first, _default_year(first, sy), YearOrigin.SCHOOL_YEAR)
        if (start.year or 0, first) > (end.year or 0, month):
            start = MonthRef(
                first, (end.year or 0) if first <= month else (end.year or 0) - 1, YearOrigin.ROLLED_BACK
            )
    else:
        end = ref
        start = MonthRef(
            first,
            year if first <= month else year - 1,
            YearOrigin.PROPAGATED if first <= month else YearOrigin.ROLLED_BACK,
        )
    if shape == "range":
        text = draw(_word(first_name.nominative)) + draw(_dash()) + name.nominative + tail
    else:
        text = f"с {first_name.genitive} {draw(st.sampled_from(('по', 'до')))} {name.nominative}{tail}"
    return text, MonthRange(start, end)


_PART_WORDS = (
    (PartOfMonth.BEGINNING, ("начало", "в начале")),
    (PartOfMonth.MIDDLE, ("середина", "в середине")),
    (PartOfMonth.END, ("конец", "в конце")),
    (PartOfMonth.FIRST_HALF, ("первая половина", "в первой половине")),
    (PartOfMonth.SECOND_HALF, ("вторая половина", "во второй половине")),
)
_DECADES = (PartOfMonth.FIRST_DECADE, PartOfMonth.SECOND_DECADE, PartOfMonth.THIRD_DECADE)
_WEEKS = (
    PartOfMonth.FIRST_WEEK,
    PartOfMonth.SECOND_WEEK,
    PartOfMonth.THIRD_WEEK,
    PartOfMonth.FOURTH_WEEK,
    PartOfMonth.LAST_WEEK,
)
# a week's noun and the ending of its digits («2-я», «во 2-ю», «на 2-й»), per case after its preposition
_WEEK_CASES = (
    (Case.NOMINATIVE, "", "неделя", "я", "последняя"),
    (Case.ACCUSATIVE, "в", "неделю", "ю", "последнюю"),
    (Case.PREPOSITIONAL, "на", "неделе", "й", "последней"),
    (Case.GENITIVE, "в течение", "недели", "й", "последней"),
)


@st.composite
def _week(draw: st.DrawFn) -> tuple[PartOfMonth, str]:
    """A week of a month before the month's name: «первая неделя», «в 2-ю неделю», «на последней
    неделе», «в течение третьей недели»."""
    n = draw(st.integers(1, 5))
    case, preposition, noun, ending, last = draw(st.sampled_from(_WEEK_CASES))
    if n == 5:
        ordinal = last
    else:
        form = draw(st.sampled_from(("words", "words", "digits", "roman")))
        ordinal = (
            f"{n}-{ending}"
            if form == "digits"
            else ("I", "II", "III", "IV")[n - 1]
            if form == "roman"
            else ordinal_words(n, case, Gender.FEMININE)
        )
    if preposition == "в" and ordinal.startswith("в"):
        preposition = "во"  # «во вторую неделю»
    return _WEEKS[n - 1], f"{preposition} {ordinal} {noun}".strip()


def _ordinal_text(n: int, case: Case, gender: Gender, draw: st.DrawFn) -> str:
    form = draw(st.sampled_from(("words", "words", "digits", "roman")))
    if form == "digits":
        return str(n)
    if form == "roman":
        return ("I", "II", "III", "IV")[n - 1]
    return ordinal_words(n, case, gender)


@st.composite
def _period_part(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«первая декада марта», «во второй декаде мая 2024 года», «в конце декабря», «II квартал 2024
    года», «в первом полугодии»."""
    kind = draw(st.sampled_from(("decade", "part", "week", "quarter", "half")))
    year_written = draw(st.booleans())
    if kind in ("decade", "part", "week"):
        month = draw(st.integers(1, 12))
        name = MONTH_NAMES[month - 1]
        year = _default_year(month, sy)
        ref = MonthRef(month, year, YearOrigin.WRITTEN if year_written else YearOrigin.SCHOOL_YEAR)
        tail = f" {year}" + draw(_year_mark()) if year_written else ""
        if kind == "week":
            week, head = draw(_week())
            return f"{head} {name.genitive}{tail}", MonthPart(week, ref)
        if kind == "decade":
            n = draw(st.integers(1, 3))
            inside = draw(st.booleans())
            case = Case.PREPOSITIONAL if inside else Case.NOMINATIVE
            ordinal = _ordinal_text(n, case, Gender.FEMININE, draw)
            noun = "декаде" if inside else "декада"
            head = f"в {ordinal} {noun}" if inside else f"{ordinal} {noun}"
            return f"{head} {name.genitive}{tail}", MonthPart(_DECADES[n - 1], ref)
        part, wordings = draw(st.sampled_from(_PART_WORDS))
        return f"{draw(st.sampled_from(wordings))} {name.genitive}{tail}", MonthPart(part, ref)
    if kind == "quarter":
        limit, nouns, gender, first_month = 4, ("квартал", "квартале"), Gender.MASCULINE, 3
    else:
        limit, nouns, gender, first_month = 2, ("полугодие", "полугодии"), Gender.NEUTER, 6
    n = draw(st.integers(1, limit))
    inside = draw(st.booleans())
    case = Case.PREPOSITIONAL if inside else Case.NOMINATIVE
    ordinal = _ordinal_text(n, case, gender, draw)
    year = _default_year(first_month * n - first_month + 1, sy)
    origin = YearOrigin.WRITTEN if year_written else YearOrigin.SCHOOL_YEAR
    tail = f" {year}" + draw(_year_mark()) if year_written else ""
    head = (
        f"{'во' if ordinal.startswith('в') else 'в'} {ordinal} {nouns[1]}"
        if inside
        else f"{ordinal} {nouns[0]}"
    )
    if inside and draw(st.integers(0, 3)) == 0:  # «в течение I квартала», «в течение первого полугодия»
        genitive = _ordinal_text(n, Case.GENITIVE, gender, draw)
        head = f"в течение {genitive} {'квартала' if kind == 'quarter' else 'полугодия'}"
    if kind == "quarter":
        return head + tail, QuarterTerm(n, year, origin)
    if not year_written:  # no year: the school's half-year (September–December, January–May)
        return head, HalfYearTerm(n, sy.start_year, YearOrigin.SCHOOL_YEAR, school=True)
    if draw(st.booleans()):  # «I полугодие 2023/24 учебного года», «во II полугодии 2023-2024 уч. г.»
        return head + draw(_school_year_tail(sy)), HalfYearTerm(
            n, sy.start_year, YearOrigin.WRITTEN, school=True
        )
    return head + tail, HalfYearTerm(n, year, origin)


@st.composite
def _school_year_tail(draw: st.DrawFn, sy: SchoolYear) -> str:
    """A school year written after a half-year: « 2023/24 учебного года», « 2023-2024 уч. г.»."""
    second = f"{sy.end_year % 100:02d}" if draw(st.booleans()) else str(sy.end_year)
    span = f"{sy.start_year}{draw(st.sampled_from(('-', '/', ' – ')))}{second}"
    return f" {span} {draw(st.sampled_from(('учебного года', 'уч. г.', 'уч.г.')))}"


_END_HEADS = (
    (Bound.UNTIL, ("до конца", "до окончания", "к концу", "не позднее окончания", "до завершения")),
    (Bound.ON, ("в конце", "на конец")),
    (Bound.AFTER, ("после окончания", "по окончании", "по итогам", "после завершения", "по истечении")),
)


@st.composite
def _period_end(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«до конца 2023 года», «к концу I полугодия», «в конце II квартала 2024 г.», «после окончания I
    полугодия 2023/24 учебного года», «до окончания 2023-2024 учебного года», «до конца месяца»."""
    bound, heads = draw(st.sampled_from(_END_HEADS))
    head = draw(st.sampled_from(heads))
    kind = draw(st.sampled_from(("year", "half", "quarter", "school year", "every")))
    period: Term
    if kind == "year":
        y = draw(st.integers(_FIRST_YEAR, _LAST_YEAR + 1))
        text, period = f"{y} {draw(st.sampled_from(('года', 'г.', 'г')))}", CalendarYear(y)
    elif kind in ("half", "quarter"):
        limit, noun, gender, months = (
            (2, "полугодия", Gender.NEUTER, 6) if kind == "half" else (4, "квартала", Gender.MASCULINE, 3)
        )
        n = draw(st.integers(1, limit))
        ordinal = _ordinal_text(n, Case.GENITIVE, gender, draw)
        text = f"{ordinal} {noun}"
        written = draw(
            st.sampled_from(("none", "year", "school year") if kind == "half" else ("none", "year"))
        )
        if written == "year":
            y = _default_year(months * n - months + 1, sy)
            text += f" {y}" + draw(_year_mark())
            period = (
                HalfYearTerm(n, y, YearOrigin.WRITTEN)
                if kind == "half"
                else QuarterTerm(n, y, YearOrigin.WRITTEN)
            )
        elif written == "school year":
            text += draw(_school_year_tail(sy))
            period = HalfYearTerm(n, sy.start_year, YearOrigin.WRITTEN, school=True)
        elif kind == "half":
            period = HalfYearTerm(n, sy.start_year, YearOrigin.SCHOOL_YEAR, school=True)
        else:
            period = QuarterTerm(n, _default_year(3 * n - 2, sy), YearOrigin.SCHOOL_YEAR)
    elif kind == "school year":
        y = draw(st.integers(_FIRST_YEAR, _LAST_YEAR))
        text = f"{y}{draw(st.sampled_from(('-', '/')))}{y + 1} учебного года"
        period = SchoolYearTerm(y, y + 1, True, True)
    else:
        word, frequency = draw(
            st.sampled_from((("месяца", Frequency.MONTHLY), ("квартала", Frequency.QUARTERLY)))
        )
        text, period = draw(st.sampled_from(("", "текущего "))) + word, Recurring(frequency)
    return f"{head} {text}", PeriodEnd(bound, period)


_ONCE_A = (
    (Frequency.SCHOOL_QUARTERLY, "1 раз в четверть"),
    (Frequency.SCHOOL_QUARTERLY, "раз в четверть"),
    (Frequency.SCHOOL_QUARTERLY, "один раз в четверть"),
    (Frequency.SCHOOL_QUARTERLY, "ежечетвертно"),
    (Frequency.SCHOOL_QUARTERLY, "по четвертям"),
    (Frequency.SCHOOL_QUARTERLY, "каждую четверть"),
    (Frequency.SCHOOL_QUARTERLY, "в каждой четверти"),
    (Frequency.SCHOOL_QUARTERLY, "не реже 1 раза в четверть"),
    (Frequency.MONTHLY, "не реже одного раза в месяц"),
    (Frequency.DAILY, "ежедневно"),
    (Frequency.WEEKLY, "1 раз в неделю"),
    (Frequency.WEEKLY, "еженедельно"),
    (Frequency.MONTHLY, "1 раз в месяц"),
    (Frequency.MONTHLY, "ежемесячно"),
    (Frequency.QUARTERLY, "1 раз в квартал"),
    (Frequency.QUARTERLY, "ежеквартально"),
    (Frequency.YEARLY, "1 раз в год"),
    (Frequency.YEARLY, "ежегодно"),
)

_PER = (
    (Frequency.DAILY, "день"),
    (Frequency.WEEKLY, "неделю"),
    (Frequency.MONTHLY, "месяц"),
    (Frequency.QUARTERLY, "квартал"),
    (Frequency.YEARLY, "год"),
    (Frequency.SCHOOL_QUARTERLY, "четверть"),
)


@st.composite
def _once_a(draw: st.DrawFn) -> tuple[str, Term]:
    """«1 раз в четверть», «ежечетвертно», «раз в месяц»; once a week on given days of the week:
    «еженедельно по понедельникам», «по вторникам и четвергам», «каждую среду», «1 раз в неделю (по
    пятницам)», «2 раза в неделю по вторникам и четвергам»."""
    if draw(st.integers(0, 2)) > 0:
        frequency, text = draw(st.sampled_from(_ONCE_A))
        return draw(_word(text)), Recurring(frequency)
    days = tuple(sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=3))))
    dative = [weekday_name(d, Case.DATIVE, plural=True) for d in days]
    accusative = [weekday_name(d, Case.ACCUSATIVE) for d in days]
    times = len(days) if draw(st.booleans()) else 1
    head = draw(st.sampled_from(("еженедельно", "1 раз в неделю", "")))
    if times > 1:
        head = f"{times} {plural_form(times, 'раз', 'раза', 'раз')} в неделю"
    shape = draw(st.sampled_from(("по", "(по", ", по", "в", "каждый")))
    if shape == "каждый":  # «каждую среду», «каждый понедельник и четверг»
        every = ("каждый", "каждый", "каждую", "каждый", "каждую", "каждую", "каждое")[days[0]]
        return f"{every} {enumeration(accusative)}", Recurring(Frequency.WEEKLY, weekdays=days)
    if not head:  # the days alone: «по средам» («в среду» alone is one day, not a rule)
        shape = "по"
    if shape == "в":
        text = f"{head} {'во' if days[0] == 1 else 'в'} {enumeration(accusative)}"
    elif shape == "(по":
        text = f"{head} (по {enumeration(dative)})"
    else:
        text = f"{head}{',' if shape == ', по' else ''} по {enumeration(dative)}".strip()
    return text, Recurring(Frequency.WEEKLY, times=times, weekdays=days)


@st.composite
def _calendar_rule(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«во вторую среду февраля», «в первую рабочую среду декабря», «последний рабочий день месяца»,
    «ежеквартально до 5 числа месяца, следующего за отчётным», «до 25 числа каждого месяца»."""
    if draw(st.integers(0, 3)) == 0:  # «1 раз в четверть», «ежечетвертно», «раз в месяц», «по средам»
        return draw(_once_a())
    if draw(st.integers(0, 3)) == 0:  # «2 раза в год», «не реже двух раз в месяц», «3-х раз в четверть»
        frequency, period = draw(st.sampled_from(_PER))
        times = draw(st.integers(2, 12) | st.integers(2, 99))
        at_least = draw(st.booleans())
        case = Case.GENITIVE if at_least else Case.NOMINATIVE
        forms = ("раза", "раз", "раз") if at_least else ("раз", "раза", "раз")
        noun = plural_form(times, *forms)
        form = draw(st.sampled_from(("digits", "words", "ending")))
        count = str(times)
        if form == "words":
            count = number_words(times, case, Gender.MASCULINE)
        elif form == "ending" and at_least and (ending := _case_ending(number_words(times, case))):
            count = f"{times}-{ending}"
        head = draw(st.sampled_from(("не реже ", "не менее ", "не реже чем "))) if at_least else ""
        return f"{head}{count} {noun} в {period}", Recurring(frequency, times=times)
    if draw(st.booleans()):
        day = draw(st.integers(1, 28))
        frequency, word = draw(
            st.sampled_from(((Frequency.MONTHLY, "ежемесячно"), (Frequency.QUARTERLY, "ежеквартально")))
        )
        following = draw(st.booleans())
        if following:
            reporting = draw(st.sampled_from(("отчётным", "отчетным", "отчётным периодом")))
            return f"{word} до {day} числа месяца, следующего за {reporting}", Recurring(frequency, day, True)
        if frequency is Frequency.MONTHLY:
            return f"до {day}{draw(st.sampled_from(('', '-го')))} числа каждого месяца", Recurring(
                frequency, day
            )
        return f"{word} до {day} числа", Recurring(frequency, day)
    weekday = draw(st.none() | st.integers(0, 6))
    working = weekday is None or draw(st.booleans())
    ordinal = draw(st.sampled_from((-1, 1, 2, 3, 4)))
    if weekday is None:
        gender, noun_forms = Gender.MASCULINE, ("день", "день")
    else:
        nominative = WEEKDAY_NAMES[weekday].forms[0]
        gender = (
            Gender.FEMININE
            if nominative.endswith("а")
            else Gender.NEUTER
            if nominative.endswith("е")
            else Gender.MASCULINE
        )
        noun_forms = (nominative, WEEKDAY_NAMES[weekday].form(Case.ACCUSATIVE))
    accusative = draw(st.booleans())
    case = Case.ACCUSATIVE if accusative else Case.NOMINATIVE
    if ordinal == -1:
        last = {
            (Gender.MASCULINE, Case.NOMINATIVE): "последний",
            (Gender.MASCULINE, Case.ACCUSATIVE): "последний",
            (Gender.FEMININE, Case.NOMINATIVE): "последняя",
            (Gender.FEMININE, Case.ACCUSATIVE): "последнюю",
            (Gender.NEUTER, Case.NOMINATIVE): "последнее",
            (Gender.NEUTER, Case.ACCUSATIVE): "последнее",
        }
        ordinal_text = last[(gender, case)]
    else:
        ordinal_text = ordinal_words(ordinal, case, gender)
    working_text = ""
    if working:
        working_text = {
            (Gender.MASCULINE, Case.NOMINATIVE): "рабочий ",
            (Gender.MASCULINE, Case.ACCUSATIVE): "рабочий ",
            (Gender.FEMININE, Case.NOMINATIVE): "рабочая ",
            (Gender.FEMININE, Case.ACCUSATIVE): "рабочую ",
            (Gender.NEUTER, Case.NOMINATIVE): "рабочее ",
            (Gender.NEUTER, Case.ACCUSATIVE): "рабочее ",
        }[(gender, case)]
    text = ordinal_text + " " + working_text + noun_forms[1 if accusative else 0]
    if accusative:
        text = ("во " if ordinal_text.startswith("в") else "в ") + text
    month: MonthRef | None = None
    if draw(st.booleans()):
        text += draw(st.sampled_from((" месяца", " каждого месяца")))
    else:
        m = draw(st.integers(1, 12))
        month = MonthRef(m, _default_year(m, sy), YearOrigin.SCHOOL_YEAR)
        text += " " + MONTH_NAMES[m - 1].genitive
    return text, NthDay(ordinal, weekday, working, month)


# --------------------------------------------------------------------------------------------
# Relative terms
# --------------------------------------------------------------------------------------------

_BUILT_IN: tuple[tuple[Anchor, tuple[str, ...], tuple[str, ...]], ...] = (
    # (anchor, wordings after «до»/«после», wordings after «со дня»/«с момента»)
    (
        Anchor.EXAM_DAY,
        ("дня проведения экзамена", "экзамена", "дня экзамена", "проведения экзамена", "окончания экзамена"),
        ("проведения экзамена",),
    ),
    (Anchor.EXAM_START, ("начала экзамена", "начала проведения экзамена"), ()),
    (Anchor.EXAM_PERIOD_START, ("начала экзаменационного периода", "начала периода проведения ГИА"), ()),
    (
        Anchor.EXAM_PERIOD_END,
        ("окончания экзаменационного периода", "завершения периода проведения ГИА"),
        ("окончания экзаменационного периода",),
    ),
    (
        Anchor.ADMISSION_DECISION,
        ("принятия решения о допуске",),
        ("принятия решения", "принятия решения о допуске"),
    ),
    (Anchor.APPEAL_SUBMISSION, ("подачи апелляции",), ("подачи апелляции",)),
    (Anchor.APPEAL_TRANSFER, ("передачи апелляции в АК",), ("передачи апелляции в АК",)),
    (Anchor.AK_DECISION, ("принятия решения АК",), ("принятия решения АК",)),
    (Anchor.AK_WORK_START, ("начала работы АК",), ()),
    (
        Anchor.GEK_RESULTS_APPROVAL,
        ("утверждения результатов председателем ГЭК", "утверждения результатов"),
        ("утверждения результатов ГЭК",),
    ),
    (Anchor.GEK_APPROVAL, ("утверждения ГЭК",), ("утверждения ГЭК",)),
    (Anchor.RESULTS_RECEIVED, ("получения результатов",), ("получения результатов",)),
    (Anchor.RESULTS_ANNOUNCED, ("объявления результатов",), ("объявления результатов",)),
    (
        Anchor.RESULTS_PUBLISHED,
        ("официального опубликования результатов",),
        ("официального опубликования результатов",),
    ),
    (Anchor.APPEAL_RECEIVED, ("поступления апелляции",), ("поступления апелляции",)),
    (
        Anchor.ESSAY_DAY,
        (
            "дня проведения итогового сочинения",
            "итогового сочинения (изложения)",
            "начала итогового сочинения",
        ),
        ("проведения итогового сочинения",),
    ),
    (
        Anchor.INTERVIEW_DAY,
        (
            "итогового собеседования",
            "дня проведения итогового собеседования",
            "начала итогового собеседования",
        ),
        ("проведения итогового собеседования",),
    ),
)
_ACTIONS = (
    "получения",
    "поступления",
    "направления",
    "подписания",
    "издания",
    "представления",
    "регистрации",
)
_OBJECTS = (
    "сведений",
    "заявления",
    "приказа",
    "запроса",
    "документов",
    "протокола",
    "списков участников",
    "уведомления",
)
_RECESSES = ("осенних каникул", "зимних каникул", "весенних каникул", "каникул")
"""School holidays: events without dates in the grammar («в период осенних каникул»)."""
_ENDS = ("конца", "окончания", "завершения")
_UNKNOWN_PERIODS = ("года", "текущего года", "календарного года", "отчетного периода", "финансового года")
"""Periods without a date of their own in the grammar («до конца текущего года»): open events."""
_DETAILS = ("ГИА-9", "ГИА-11", "ЕГЭ", "ОГЭ", "по математике", "по русскому языку", "2024 года")
_GENDER = {
    Unit.WORKING_DAY: Gender.MASCULINE,
    Unit.CALENDAR_DAY: Gender.MASCULINE,
    Unit.DAY: Gender.MASCULINE,
    Unit.WEEK: Gender.FEMININE,
    Unit.MONTH: Gender.MASCULINE,
    Unit.HOUR: Gender.MASCULINE,
}


@st.composite
def _count(draw: st.DrawFn, n: int, unit: Unit, case: Case) -> str:
    """N and the unit in ``case``: «2 рабочих дня», «двух рабочих дней», «5 (пяти) дней»."""
    accusative, genitive = UNIT_FORMS[unit]
    noun = plural_form(n, *(genitive if case is Case.GENITIVE else accusative))
    form = draw(st.sampled_from(("digits", "digits", "words", "both", "ending")))
    if form == "digits" or n > 999:
        return f"{n} {noun}"
    words = number_words(n, case, _GENDER[unit])
    if form == "ending":  # «3-х», «5-ти», «7-ми», «40-ка»: digits with the ending of the word
        ending = _case_ending(words) if case is Case.GENITIVE else None
        return f"{n}-{ending} {noun}" if ending else f"{n} {noun}"
    if form == "words":
        return f"{words} {noun}"
    return f"{n} ({words}) {noun}"


_TERM_WORDS = {Unit.DAY: "дневный", Unit.WEEK: "недельный", Unit.MONTH: "месячный"}


def _term_words(n: int, unit: Unit, draw: st.DrawFn) -> str | None:
    """«в трёхдневный срок», «в 3-дневный срок», «в 3-х дневный срок», «в двухнедельный срок»: N days,
    weeks or months as one adjective (N up to 30), or None for other units and counts."""
    noun = _TERM_WORDS.get(unit)
    if noun is None or not 1 <= n <= 30:
        return None
    words = "одно" if n == 1 else number_words(n, Case.GENITIVE, Gender.MASCULINE)
    form = draw(st.sampled_from(("words", "digits", "ending")))
    if form == "words" and " " not in words:
        return f"в {words}{noun} срок"
    ending = _case_ending(words) if n > 1 else None
    if form == "ending" and ending:
        return f"в {n}-{ending} {noun} срок"
    return f"в {n}-{noun} срок"


def _case_ending(words: str) -> str | None:
    """The ending documents write after the digits of a number in the genitive: the last letters of
    its last word («трёх» → «х», «пяти» → «ти», «семи» → «ми», «сорока» → «ка», «ста» → «та»); none for
    «одного» (read as an ordinal «1-го»)."""
    last = words.split()[-1]
    for ending in ("х", "ти", "ми", "ка", "та"):
        if last.endswith(ending):
            return ending
    return None


_EXAM_NAMES = ("ГИА", "ГИА-9", "ГИА-11", "ЕГЭ", "ОГЭ", "ГВЭ", "ГВЭ-9", "ГВЭ-11")
_SUBJECTS = ("", "", "", " по математике", " по русскому языку")
_SCHOOL_EVENTS: tuple[tuple[Anchor, tuple[str, str], bool], ...] = (
    # (anchor, (genitive, dative) head words, numbered by quarter)
    (Anchor.SCHOOL_YEAR_START, ("начала", "началу"), False),
    (Anchor.SCHOOL_YEAR_END, ("окончания", "окончанию"), False),
    (Anchor.SCHOOL_YEAR_END, ("конца", "концу"), False),
    (Anchor.SCHOOL_QUARTER, ("начала", "началу"), True),
    (Anchor.SCHOOL_QUARTER_END, ("окончания", "окончанию"), True),
    (Anchor.SCHOOL_QUARTER_END, ("конца", "концу"), True),
)


@st.composite
def _school_event(draw: st.DrawFn, *, dative: bool = False) -> tuple[str, Anchor, int | None]:
    """The start or end of the school year or of a quarter (any or a numbered one), in the genitive
    («до окончания II четверти») or the dative («к началу учебного года»)."""
    anchor, heads, numbered = draw(st.sampled_from(_SCHOOL_EVENTS))
    head = heads[1] if dative else heads[0]
    if not numbered:
        own = ("", "текущего ", "данного ", "этого ")
        new = draw(st.sampled_from((*own, "нового ") if anchor is Anchor.SCHOOL_YEAR_START else own))
        return f"{head} {new}учебного года", anchor, None
    occurrence = draw(st.none() | st.integers(1, 4))
    if occurrence is None:
        return f"{head} {draw(st.sampled_from(('', 'каждой ', 'учебной ')))}четверти", anchor, None
    number = draw(
        st.sampled_from(
            (
                ("I", "II", "III", "IV")[occurrence - 1],
                f"{occurrence}",
                f"{occurrence}-й",
                ordinal_words(occurrence, Case.GENITIVE, Gender.FEMININE),
            )
        )
    )
    return f"{head} {number} четверти", anchor, occurrence


@st.composite
def _event(draw: st.DrawFn, *, after: bool) -> tuple[str, Anchor | OpenAnchor, str, int | None]:
    """An event as written after its preposition, the anchor it is, the detail after it and which of
    the anchor's dates it numbers."""
    kind = draw(st.integers(0, 7))
    if kind == 0:
        if draw(st.integers(0, 3)) == 0:  # the end of a period the grammar does not know: «до конца года»
            phrase = f"{draw(st.sampled_from(_ENDS))} {draw(st.sampled_from(_UNKNOWN_PERIODS))}"
        else:
            phrase = f"{draw(st.sampled_from(_ACTIONS))} {draw(st.sampled_from(_OBJECTS))}"
        return phrase, OpenAnchor(phrase), "", None
    if kind == 1:  # an exam by its name: «до ГИА», «до начала ГИА-9», «после ЕГЭ по математике»
        name = draw(st.sampled_from(_EXAM_NAMES))
        detail = name + draw(st.sampled_from(_SUBJECTS))
        written = draw(_word(name)) if len(name) > 3 else name  # «Гиа-9» as well as «ГИА-9»
        written += detail[len(name) :]
        if not after and draw(st.booleans()):
            head = draw(st.sampled_from(("начала ", "начала проведения ")))
            return head + written, Anchor.EXAM_START, detail, None
        if draw(st.integers(0, 2)) == 0:  # «после завершения ГИА-9»: the end of its exam periods
            head = draw(st.sampled_from(("окончания ", "завершения ", "окончания проведения ")))
            anchor = Anchor.EXAM_DAY if " по " in detail else Anchor.EXAM_PERIOD_END  # one subject: its day
            return head + written, anchor, detail, None
        head = draw(st.sampled_from(("", "", "проведения ") if not after else ("проведения ",)))
        return head + written, Anchor.EXAM_DAY, detail, None
    if kind == 2:
        text, school_anchor, occurrence = draw(_school_event())
        return text, school_anchor, "", occurrence
    choices = [(a, forms_after if after else forms) for a, forms, forms_after in _BUILT_IN]
    anchor, forms = draw(st.sampled_from([(a, f) for a, f in choices if f]))
    phrase = draw(st.sampled_from(forms))
    detail = draw(st.sampled_from(_DETAILS)) if draw(st.integers(0, 4)) == 0 else ""
    if anchor is Anchor.INTERVIEW_DAY and detail == "по русскому языку":
        detail = ""  # part of the event's name: «итоговое собеседование по русскому языку»
    return (f"{phrase} {detail}" if detail else phrase), anchor, detail, None


_PRECEDING = (
    ("в день, предшествующий экзамену", Anchor.EXAM_DAY),
    ("дня, предшествующего экзамену", Anchor.EXAM_DAY),
    ("в день, предшествующий дню проведения экзамена", Anchor.EXAM_DAY),
    ("день, предшествующий дню подачи апелляции", Anchor.APPEAL_SUBMISSION),
    ("в день, предшествующий дню проведения итогового сочинения", Anchor.ESSAY_DAY),
)
"""The day before an event, written out («день, предшествующий …»): the event in the dative."""


@st.composite
def _during(draw: st.DrawFn) -> tuple[str, Term]:
    """«в период осенних каникул», «во время получения сведений»: on the dates of an open event."""
    during = draw(st.sampled_from(("в период", "во время", "в ходе")))
    if draw(st.booleans()):
        phrase = draw(st.sampled_from(_RECESSES))
    else:
        phrase = f"{draw(st.sampled_from(_ACTIONS))} {draw(st.sampled_from(_OBJECTS))}"
    return f"{during} {phrase}", Relative(0, Unit.NONE, Bound.ON, OpenAnchor(phrase))


@st.composite
def _no_offset(draw: st.DrawFn) -> tuple[str, Term]:
    """A relative term without a count: «в день проведения экзамена», «накануне экзамена», «до
    окончания II четверти», «к началу учебного года», «в период осенних каникул»."""
    bound, word = draw(
        st.sampled_from(
            (
                (Bound.ON, "в день"),
                (Bound.EVE, "накануне"),
                (Bound.UNTIL, "до"),
                (Bound.UNTIL, "перед"),
                (Bound.AFTER, "после"),
            )
        )
    )
    if bound is Bound.ON and draw(st.integers(0, 5)) == 0:
        return draw(_during())
    if draw(st.integers(0, 5)) == 0:  # «к началу учебного года», «в конце I четверти»
        bound, word = draw(st.sampled_from(((Bound.UNTIL, "к"), (Bound.ON, "в"), (Bound.ON, "на"))))
        if word == "на":  # «на начало учебного года»: as of its first day; bare «конец учебного года»
            start = draw(st.booleans())
            head = "на начало" if start else draw(st.sampled_from(("начало", "конец", "окончание")))
            own = draw(st.sampled_from(("", "нового ", "текущего ") if head.endswith("начало") else ("",)))
            year_event = Anchor.SCHOOL_YEAR_START if head.endswith("начало") else Anchor.SCHOOL_YEAR_END
            return f"{head} {own}учебного года", Relative(0, Unit.NONE, bound, year_event)
        text, school_anchor, occurrence = draw(_school_event(dative=word == "к"))
        if word == "в":
            if school_anchor not in (Anchor.SCHOOL_YEAR_END, Anchor.SCHOOL_QUARTER_END):
                school_anchor, occurrence = Anchor.SCHOOL_YEAR_END, None
                text = "окончания учебного года"
            text = "конце " + text.split(" ", 1)[1]
        term = Relative(0, Unit.NONE, bound, school_anchor, occurrence=occurrence)
        return f"{word} {text}", term
    if bound is Bound.EVE and draw(st.integers(0, 3)) == 0:  # «в день, предшествующий экзамену»
        preceding, day_of = draw(st.sampled_from(_PRECEDING))
        return preceding, Relative(0, Unit.NONE, Bound.EVE, day_of)
    text, anchor, detail, occurrence = draw(_event(after=bound is Bound.ON))
    return f"{word} {text}", Relative(0, Unit.NONE, bound, anchor, detail, occurrence=occurrence)


@st.composite
def _relative(draw: st.DrawFn) -> tuple[str, Term]:
    """«не позднее чем за 2 рабочих дня до дня проведения экзамена», «2 недели до экзамена», «в течение
    двух рабочих дней со дня получения сведений», «за неделю до …», «в день проведения экзамена»."""
    unit = draw(
        st.sampled_from((Unit.WORKING_DAY, Unit.CALENDAR_DAY, Unit.DAY, Unit.WEEK, Unit.MONTH, Unit.HOUR))
    )
    n = draw(st.integers(1, 30) | st.integers(1, 999) | st.integers(1000, 10**6))
    shape = draw(
        st.sampled_from(
            (
                "latest before",
                "exact before",
                "bare before",
                "within before",
                "within after",
                "latest after",
                "exact after",
                "bare after",
                "no offset",
                "unnamed",
            )
        )
    )
    if shape == "no offset":
        return draw(_no_offset())
    if shape == "unnamed":
        bound, word, case = draw(
            st.sampled_from(
                (
                    (Bound.WITHIN_AFTER, "в течение", Case.GENITIVE),
                    (Bound.EXACT_AFTER, "через", Case.ACCUSATIVE),
                )
            )
        )
        count = draw(_count(n, unit, case))
        if bound is Bound.WITHIN_AFTER and draw(st.integers(0, 3)) == 0:
            count = _term_words(n, unit, draw) or count
            word = "" if count.startswith("в ") else word
        return f"{word} {count}".strip(), Relative(n, unit, bound, OpenAnchor(""))
    before = shape.endswith("before")
    head, bound, case = {
        "latest before": (
            draw(st.sampled_from(("не позднее чем за", "не позднее, чем за", "не позднее за", "не позднее"))),
            Bound.LATEST_BEFORE,
            Case.ACCUSATIVE,
        ),
        "exact before": ("за", Bound.EXACT_BEFORE, Case.ACCUSATIVE),
        "bare before": ("", Bound.LATEST_BEFORE, Case.NOMINATIVE),
        "within before": ("в течение", Bound.WITHIN_BEFORE, Case.GENITIVE),
        "within after": ("в течение", Bound.WITHIN_AFTER, Case.GENITIVE),
        "latest after": (
            draw(st.sampled_from(("не позднее", "не позднее чем через"))),
            Bound.LATEST_AFTER,
            Case.GENITIVE,
        ),
        "exact after": ("через", Bound.EXACT_AFTER, Case.ACCUSATIVE),
        "bare after": ("", Bound.LATEST_AFTER, Case.NOMINATIVE),
    }[shape]
    if head.endswith("через"):
        case = Case.ACCUSATIVE
    if head == "не позднее":  # «не позднее 10 дней до начала экзамена»: the genitive, as after it
        case = Case.GENITIVE
    if head == "в течение" and draw(st.integers(0, 5)) == 0 and (term_words := _term_words(n, unit, draw)):
        head, count = "", term_words  # «в трёхдневный срок», «в 10-дневный срок»: «в течение» in one word
    elif case is Case.NOMINATIVE:
        count = draw(_count(n, unit, Case.ACCUSATIVE)) if unit is not Unit.WEEK or n != 1 else f"{n} неделя"
    elif draw(st.integers(0, 5)) == 0 and head and n == 1 and unit is not Unit.CALENDAR_DAY:
        count = {  # a unit alone means one: «за неделю», «в течение дня»
            (Unit.WORKING_DAY, Case.ACCUSATIVE): "рабочий день",
            (Unit.WORKING_DAY, Case.GENITIVE): "рабочего дня",
            (Unit.DAY, Case.ACCUSATIVE): "день",
            (Unit.DAY, Case.GENITIVE): "дня",
            (Unit.WEEK, Case.ACCUSATIVE): "неделю",
            (Unit.WEEK, Case.GENITIVE): "недели",
            (Unit.MONTH, Case.ACCUSATIVE): "месяц",
            (Unit.MONTH, Case.GENITIVE): "месяца",
            (Unit.HOUR, Case.ACCUSATIVE): "час",
            (Unit.HOUR, Case.GENITIVE): "часа",
        }[(unit, case)]
    else:
        count = draw(_count(n, unit, case))
    if before:
        direction = "до"
    else:
        direction = draw(
            st.sampled_from(
                (
                    "после",
                    "со дня",
                    "с момента",
                    "с даты",
                    ", следующих за днём",
                    ", следующих за официальным днём",
                )
            )
        )
    text, anchor, detail, occurrence = draw(
        _event(after=direction.startswith(("со дня", ", следующих")) or (not before and direction != "после"))
    )
    words = f"{head} {count}" if head else count
    separator = "" if direction.startswith(",") else " "
    term = Relative(n, unit, bound, anchor, detail, occurrence=occurrence)
    return f"{words}{separator}{direction} {text}", term


# --------------------------------------------------------------------------------------------
# Named periods, references and conditions
# --------------------------------------------------------------------------------------------

_STAGE_WORDS = (
    (ExamStage.EARLY, "досрочного"),
    (ExamStage.MAIN, "основного"),
    (ExamStage.ADDITIONAL, "дополнительного"),
)
_REFERENCES: tuple[tuple[str, Term], ...] = (
    ("по графику ФЦТ", ExternalSchedule("по", "графику ФЦТ")),
    ("согласно графику Рособрнадзора", ExternalSchedule("согласно", "графику Рособрнадзора")),
    ("в соответствии с приказом Министерства", ExternalSchedule("в соответствии с", "приказом Министерства")),
    ("в соответствии с Порядком", ExternalSchedule("в соответствии с", "Порядком")),
    ("в соответствии с единым расписанием", ExternalSchedule("в соответствии с", "единым расписанием")),
    ("в установленные сроки", ExternalSchedule("в установленные сроки", "")),
    ("в срок, установленный Рособрнадзором", ExternalSchedule("в срок", "установленный Рособрнадзором")),
    ("по отдельному графику", SeparateSchedule("по", "отдельному графику")),
    ("по плану ОО", SeparatePlan("по", "плану ОО")),
    ("по плану работы РМО", SeparatePlan("по", "плану работы РМО")),
    ("по запросу Рособрнадзора", OnRequest("запросу Рособрнадзора")),
    ("по запросу ОО", OnRequest("запросу ОО")),
)
_CONDITIONS = (
    "по мере необходимости",
    "при необходимости",
    "по мере поступления документов",
    "по согласованию с Министерством",
    "при наличии финансирования",
)
_SEASONS = (
    (Season.WINTER, ("зима", "зимой", "в зимний период")),
    (Season.SPRING, ("весна", "весной", "в весенний период")),
    (Season.SUMMER, ("лето", "летом", "в летний период")),
    (Season.AUTUMN, ("осень", "осенью", "в осенний период")),
)


@st.composite
def _named_period(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    """«в течение 2023/2024 учебного года», «в течение учебного года», «в течение 2024 года», «весь
    период», «в период проведения ГИА-11», «в период досрочного этапа ЕГЭ», «осенью 2024 года»,
    references («по графику ФЦТ»), conditions («по мере необходимости») and «постоянно»."""
    kind = draw(
        st.sampled_from(
            (
                "school year",
                "year",
                "plan",
                "exams",
                "stages",
                "season",
                "reference",
                "condition",
                "continuous",
            )
        )
    )
    if kind == "condition":
        text = draw(st.sampled_from(_CONDITIONS))
        return (text[:1].upper() + text[1:] if draw(st.booleans()) else text), Conditional(text)
    if kind == "continuous":
        word = draw(st.sampled_from(("постоянно", "круглогодично")))
        return draw(_word(word)), Continuous(word)
    if kind == "school year":
        if draw(st.booleans()):
            academic = draw(st.booleans())
            text = draw(
                st.sampled_from(
                    (
                        "в течение учебного года",
                        "в течение всего учебного года",
                        "весь учебный год",
                        "на протяжении учебного года",
                    )
                    if academic
                    else ("в течение года", "в течение всего года", "на весь год")
                )
            )
            return text, SchoolYearTerm(sy.start_year, sy.end_year, False, academic)
        y = draw(st.integers(_FIRST_YEAR, _LAST_YEAR))
        second = f"{(y + 1) % 100:02d}" if draw(st.integers(0, 3)) == 0 else str(y + 1)  # «2023/24»
        span = f"{y}{draw(st.sampled_from(('-', '/', ' – ')))}{second}"
        text = draw(
            st.sampled_from(
                (
                    f"{span} учебный год",
                    f"в течение {span} учебного года",
                    f"{span} уч. г.",
                    f"в {span} учебном году",
                )
            )
        )
        return text, SchoolYearTerm(y, y + 1, True, True)
    if kind == "year":
        y = draw(st.integers(_FIRST_YEAR, _LAST_YEAR + 1))
        return draw(st.sampled_from((f"в течение {y} года", f"{y} г.", f"в {y} году"))), CalendarYear(y)
    if kind == "plan":
        if draw(st.booleans()):
            return draw(st.sampled_from(("весь период", "в течение всего периода"))), PlanPeriod(())
        exam = draw(st.sampled_from(_EXAM_NAMES))
        head = draw(
            st.sampled_from(("в течение всего периода", "на протяжении всего периода", "весь период"))
        )
        tail = draw(st.sampled_from(("подготовки и проведения", "подготовки к")))
        return f"{head} {tail} {exam}", PlanPeriod((exam,))
    if kind == "exams":
        exams = tuple(draw(st.lists(st.sampled_from(_EXAM_NAMES), min_size=1, max_size=2, unique=True)))
        head = draw(st.sampled_from(("в период проведения", "во время проведения", "в ходе проведения")))
        subject = draw(st.sampled_from(_SUBJECTS)) if len(exams) == 1 else ""
        if subject:  # «в период проведения ЕГЭ по математике»: that exam's days
            return f"{head} {exams[0]}{subject}", Relative(
                0, Unit.NONE, Bound.ON, Anchor.EXAM_DAY, exams[0] + subject
            )
        return f"{head} {' и '.join(exams)}", ExamPeriod(ExamPhase.CONDUCT, (), exams, None)
    if kind == "stages":
        chosen = draw(st.lists(st.sampled_from(_STAGE_WORDS), min_size=1, max_size=3, unique=True))
        chosen.sort(key=lambda pair: list(ExamStage).index(pair[0]))
        words = [w for _, w in chosen]
        joined = enumeration(words)
        noun = draw(st.sampled_from(("этапа", "периода") if len(words) == 1 else ("этапов", "периодов")))
        exam = draw(st.sampled_from(_EXAM_NAMES))
        year = draw(st.none() | st.integers(_FIRST_YEAR, _LAST_YEAR))
        text = f"в период {joined} {noun} {exam}" + (f" {year} г." if year is not None else "")
        return text, ExamPeriod(ExamPhase.CONDUCT, tuple(stage for stage, _ in chosen), (exam,), year)
    if kind == "season":
        season, season_words = draw(st.sampled_from(_SEASONS))
        word = draw(st.sampled_from(season_words))
        if draw(st.booleans()):
            y = draw(st.integers(_FIRST_YEAR, _LAST_YEAR))
            return f"{word} {y} года", SeasonTerm(season, y, YearOrigin.WRITTEN)
        return word, SeasonTerm(season, sy.year_of_month(season.value), YearOrigin.SCHOOL_YEAR)
    text, term = draw(st.sampled_from(_REFERENCES))  # the words after the preposition are kept as written
    return (text[:1].upper() + text[1:] if draw(st.booleans()) else text), term


# --------------------------------------------------------------------------------------------
# Cells
# --------------------------------------------------------------------------------------------

_PRODUCTIONS = (
    _single_day,
    _day_range,
    _day_list,
    _month_phrase,
    _period_part,
    _period_end,
    _calendar_rule,
    _named_period,
)


_NOTES = (
    "промежуточные сведения",
    "итоговые сведения",
    "для выпускников прошлых лет",
    "для участников ГИА-9",
)


_TIME_WORDINGS = ("до", "не позднее", "в", "к", "с", "не ранее", "после", "")


@st.composite
def _time(draw: st.DrawFn) -> tuple[str, TimeOfDay]:
    """A time of day: «до 10:00», «в 10.00 ч.», «не позднее 18:00», «9:30 час.»; with a dot only where it
    cannot be read as a date (minutes 00 or 13–59) or with the hour mark."""
    hour, minute = draw(st.integers(0, 23)), draw(st.sampled_from((0, 0, 0, 30, 15, 45, 5, 10)))
    wording = draw(st.sampled_from(_TIME_WORDINGS))
    mark = draw(st.sampled_from(("", "", " ч.", " ч", " час.", " часов")))
    dot = draw(st.booleans()) and (mark or not 1 <= minute <= 12)
    hours = f"{hour:02d}" if draw(st.booleans()) else str(hour)
    text = f"{wording} {hours}{'.' if dot else ':'}{minute:02d}{mark}".strip()
    zone = draw(st.sampled_from(("", "", "", "местному", "московскому")))
    if zone:  # «в 10:00 по местному времени», «до 18:00 (по московскому времени)»
        said = f"по {zone} времени"
        text += draw(st.sampled_from((f" {said}", f" ({said})", f", {said}")))
    return text, TimeOfDay(hour, minute, wording, zone=zone)


@st.composite
def _item(draw: st.DrawFn, sy: SchoolYear) -> tuple[str, Term]:
    if draw(st.integers(0, 3)) == 0:
        text, term = draw(_relative())
    else:
        text, term = draw(draw(st.sampled_from(_PRODUCTIONS))(sy))
    if draw(st.integers(0, 9)) == 0:  # a time of day: alone, or qualifying the item before or after it
        time_text, time = draw(_time())
        where = draw(st.sampled_from(("alone", "after", "before")))
        if where == "alone":
            text, term = time_text, time
        elif where == "after" and not isinstance(term, TermSequence):
            text, term = f"{text}{draw(st.sampled_from((' ', ', ')))}{time_text}", Compound(term, time)
        elif time.wording and isinstance(term, ExactDate | ByDate | DayRange | Relative):
            text, term = f"{time_text} {text}", Compound(term, time)
    if draw(st.integers(0, 7)) == 0:  # a note in parentheses qualifies the item: kept, never dropped
        note = draw(st.sampled_from(_NOTES))
        text, term = f"{text} ({note})", Compound(term, Note(note), True)
    return text, term


@st.composite
def phrases(draw: st.DrawFn, school_year: SchoolYear | int | None = None) -> Phrase:
    """A deadline phrase drawn from the grammar, with its meaning (see the module docstring)."""
    if school_year is None:
        sy = SchoolYear(draw(st.integers(_FIRST_YEAR, _LAST_YEAR)))
    elif isinstance(school_year, int):
        sy = SchoolYear(school_year)
    else:
        sy = school_year
    text, term = draw(_item(sy))
    return Phrase(text, term, sy)


def deadline_texts(school_year: SchoolYear | int = 2023) -> st.SearchStrategy[tuple[str, Term]]:
    """``(text, term)`` pairs: ``parse_term(text, school_year=school_year) == term``."""
    return phrases(school_year).map(lambda p: (p.text, p.term))


@st.composite
def hostile_texts(draw: st.DrawFn) -> str:
    """Grammar phrases broken the ways real and hostile cells are: cut, glued, nested, repeated,
    sprinkled with other characters — for fuzzing (any text must give a term or a typed error)."""
    text = draw(phrases()).text
    how = draw(st.sampled_from(("cut", "insert", "nest", "repeat", "glue", "digits")))
    if how == "cut" and text:
        i = draw(st.integers(0, len(text)))
        return text[:i]
    if how == "insert":
        i = draw(st.integers(0, len(text)))
        return text[:i] + draw(st.text(max_size=5)) + text[i:]
    if how == "nest":
        depth = draw(st.integers(1, 600))
        return "(" * depth + text + ")" * draw(st.integers(0, depth))
    if how == "repeat":
        return draw(st.sampled_from((", ", " ", "\n", ""))).join([text] * draw(st.integers(2, 40)))
    if how == "glue":
        return text.replace(" ", "")
    return text.replace("1", "9" * draw(st.integers(1, 12)))
