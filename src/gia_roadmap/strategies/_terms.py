"""Deadline terms («Сроки») built by construction so that they read back from their rendering.

Every term drawn here is *canonical*: it is what :func:`~gia_roadmap.calendar.grammar.parse_term` reads
from :func:`~gia_roadmap.calendar.rendering.render` of it. Without a school year every year is written
(«март 2024 года», «01.03.2024»), so ``parse_term(render(t)) == t`` with or without a school year; with a
school year ``sy`` the years a document leaves out are drawn too, decided by the library's year rules
(:func:`~gia_roadmap.calendar.terms.assign_years`, :func:`~gia_roadmap.calendar.terms.infer_year`), and
``parse_term(render(t), school_year=sy) == t``.

What has no rendering of its own is left out of :func:`terms`: an unread cell
(:class:`~gia_roadmap.calendar.terms.UnparsedTerm`), an empty one
(:class:`~gia_roadmap.calendar.terms.MissingTerm`), and the qualifiers
(:class:`~gia_roadmap.calendar.terms.Label`, :class:`~gia_roadmap.calendar.terms.Note`), which read back
only beside the date they qualify (they appear inside :class:`~gia_roadmap.calendar.terms.Compound`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor, OpenAnchor
from gia_roadmap.calendar.exams import ExamStage
from gia_roadmap.calendar.grammar.phrases import phrases
from gia_roadmap.calendar.rendering import render
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
    MissingTerm,
    Month,
    MonthList,
    MonthPart,
    MonthRange,
    MonthRef,
    Note,
    NthDay,
    OnRequest,
    PartOfMonth,
    PerExam,
    PeriodEnd,
    PeriodList,
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
    UnparsedTerm,
    YearOrigin,
    assign_years,
    infer_year,
    range_start,
)
from gia_roadmap.calendar.terms.references import TIME_WORDINGS, TIME_ZONES

__all__ = [
    "day_refs",
    "labels",
    "month_refs",
    "notes",
    "open_anchors",
    "relative_terms",
    "term_of",
    "terms",
    "terms_with_school_year",
    "unparsed_terms",
]

FIRST_YEAR, LAST_YEAR = 2013, 2027
"""The years the official production calendar covers: every year a term names lies in them."""
_SCHOOL_YEARS = st.integers(FIRST_YEAR, LAST_YEAR - 1).map(SchoolYear)

# ------------------------------------------------------------------------------------------------
# Years and days
# ------------------------------------------------------------------------------------------------


def _written_years(sy: SchoolYear | None, month: int = 1) -> st.SearchStrategy[int]:
    """A year written in the text: near the school year's own when there is one."""
    if sy is None:
        return st.integers(FIRST_YEAR, LAST_YEAR)
    own = sy.year_of_month(month)
    return st.sampled_from(sorted({y for y in (own, own - 1, own + 1) if FIRST_YEAR <= y <= LAST_YEAR}))


def _dates_of(sy: SchoolYear | None) -> st.SearchStrategy[dt.date]:
    if sy is None:
        return st.dates(dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31))
    return st.dates(sy.start, sy.end)


@st.composite
def _day_ref(draw: st.DrawFn, sy: SchoolYear | None, written: bool) -> DayRef:
    """A day as a document writes it: with its year, or (only with a school year) without one, the
    year then inferred as the parser does; sometimes with its weekday («22.04.2024 (пн)»)."""
    day = draw(_dates_of(sy))
    weekday = day.weekday() if draw(st.integers(0, 3)) == 0 else None
    if written or sy is None:
        return DayRef.of(day, weekday=weekday)
    month, number = day.month, day.day
    if (month, number) == (2, 29):
        number = 28  # (29 February exists in no candidate year of most school years)
    year, origin = infer_year(month, number, weekday, sy)
    return DayRef(month, number, year, origin, weekday)


def day_refs(school_year: SchoolYear | int | None = None) -> st.SearchStrategy[DayRef]:
    """Days as deadlines write them: with their year, or (given a school year) without one, the year
    then inferred as :func:`~gia_roadmap.calendar.grammar.parse_term` infers it."""
    sy = _school_year(school_year)
    return st.booleans().flatmap(lambda written: _day_ref(sy, written))


def _month_skeleton(sy: SchoolYear | None, size: int) -> st.SearchStrategy[list[tuple[int, int | None]]]:
    """(month, written year or None) in reading order; without a school year the last one has its year
    written (the others take it from there: propagated or rolled back)."""

    @st.composite
    def build(draw: st.DrawFn) -> list[tuple[int, int | None]]:
        out: list[tuple[int, int | None]] = []
        for k in range(size):
            month = draw(st.integers(1, 12))
            must_write = sy is None and k == size - 1
            year = draw(_written_years(sy, month)) if must_write or draw(st.booleans()) else None
            out.append((month, year))
        return out

    return build()


def month_refs(school_year: SchoolYear | int | None = None) -> st.SearchStrategy[MonthRef]:
    """Single months as deadlines write them («март 2024 года»; «март» given a school year)."""
    sy = _school_year(school_year)
    return _month_skeleton(sy, 1).map(lambda refs: assign_years(refs, sy)[0])


def _school_year(value: SchoolYear | int | None) -> SchoolYear | None:
    return SchoolYear(value) if isinstance(value, int) else value


# ------------------------------------------------------------------------------------------------
# Day terms
# ------------------------------------------------------------------------------------------------

_BY_WORDINGS = ("до", "не позднее", "в срок до", "в срок не позднее", "не позже", "к", "по")
_FROM_WORDINGS = (("не ранее", True), ("начиная с", True), ("с", True), ("после", False))


def _exact_dates(sy: SchoolYear | None) -> st.SearchStrategy[ExactDate]:
    return st.builds(ExactDate, st.booleans().flatmap(lambda w: _day_ref(sy, w)))


def _by_date(sy: SchoolYear | None, written: bool) -> st.SearchStrategy[ByDate]:
    return st.builds(ByDate, _day_ref(sy, written), st.booleans(), st.sampled_from(_BY_WORDINGS))


def _by_dates(sy: SchoolYear | None) -> st.SearchStrategy[ByDate]:
    return st.booleans().flatmap(lambda written: _by_date(sy, written))


@st.composite
def _from_dates(draw: st.DrawFn, sy: SchoolYear | None) -> FromDate:
    wording, inclusive = draw(st.sampled_from(_FROM_WORDINGS))
    return FromDate(draw(_day_ref(sy, draw(st.booleans()))), inclusive, wording)


@st.composite
def _date_lists(draw: st.DrawFn, sy: SchoolYear | None) -> DateList:
    """«до 01.11.2023, до 20.04.2024»: every year written, or (with a school year) none."""
    written = draw(st.booleans())
    return DateList(tuple(draw(st.lists(_by_date(sy, written), min_size=2, max_size=4))))


@st.composite
def _day_ranges(draw: st.DrawFn, sy: SchoolYear | None) -> DayRange:
    """«с 1 марта 2024 года по 20 мая 2024 года»: both years written."""
    first = draw(_dates_of(sy))
    last = first + dt.timedelta(days=draw(st.integers(0, 120)))
    return DayRange(DayRef.of(first), DayRef.of(last))


@st.composite
def _day_lists(draw: st.DrawFn, sy: SchoolYear | None) -> DayList:
    """«01.03.2024, 05.03.2024», «с 1 марта 2024 года по 20 мая 2024 года, 01.06.2024»: dates with
    their years; a list opening with a range (a list opening with a date and going on with a range
    reads as two terms)."""
    written = draw(st.booleans())
    head: list[ExactDate | DayRange] = []
    if draw(st.booleans()):
        head.append(draw(_day_ranges(sy)))
        written = True
    days = draw(st.lists(_day_ref(sy, written), min_size=2 - len(head), max_size=4 - len(head)))
    return DayList((*head, *(ExactDate(d) for d in days)))


# ------------------------------------------------------------------------------------------------
# Months, parts of the year, whole periods
# ------------------------------------------------------------------------------------------------


@st.composite
def _month_runs(draw: st.DrawFn, sy: SchoolYear | None) -> Term:
    """A month, a month range, a list of months or of months and ranges, years decided as the parser
    decides them for the whole run (a year written once applies leftwards)."""
    size = draw(st.integers(1, 5))
    skeleton = draw(_month_skeleton(sy, size))
    pairs = draw(st.lists(st.booleans(), min_size=size, max_size=size))  # item k opens a range
    shapes: list[tuple[int, ...]] = []
    k = 0
    while k < size:
        if pairs[k] and k + 1 < size:
            shapes.append((k, k + 1))
            k += 2
        else:
            shapes.append((k,))
            k += 1
    refs = assign_years(skeleton, sy)
    items: list[Month | MonthRange] = [
        Month(refs[s[0]]) if len(s) == 1 else MonthRange(range_start(refs[s[0]], refs[s[1]]), refs[s[1]])
        for s in shapes
    ]
    if len(items) == 1:
        return items[0]
    if all(isinstance(i, Month) for i in items):
        return MonthList(tuple(i.month for i in items if isinstance(i, Month)))
    return PeriodList(tuple(items))


@st.composite
def _by_months(draw: st.DrawFn, sy: SchoolYear | None) -> ByMonth:
    """«до мая 2024 года», «к маю» (always inclusive), «не позднее мая исключительно»."""
    wording = draw(st.sampled_from(("до", "в срок до", "не позднее", "к")))
    return ByMonth(draw(month_refs(sy)), wording == "к" or draw(st.booleans()), wording)


def _month_parts(sy: SchoolYear | None) -> st.SearchStrategy[MonthPart]:
    return st.builds(MonthPart, st.sampled_from(PartOfMonth), month_refs(sy))


def _year_and_origin(sy: SchoolYear | None, first_month: int) -> st.SearchStrategy[tuple[int, YearOrigin]]:
    written = _written_years(sy, first_month).map(lambda y: (y, YearOrigin.WRITTEN))
    if sy is None:
        return written
    return written | st.just((sy.year_of_month(first_month), YearOrigin.SCHOOL_YEAR))


def _seasons(sy: SchoolYear | None) -> st.SearchStrategy[SeasonTerm]:
    return st.sampled_from(Season).flatmap(
        lambda s: _year_and_origin(sy, s.value).map(lambda yo: SeasonTerm(s, *yo))
    )


def _quarters(sy: SchoolYear | None) -> st.SearchStrategy[QuarterTerm]:
    return st.integers(1, 4).flatmap(
        lambda q: _year_and_origin(sy, 3 * q - 2).map(lambda yo: QuarterTerm(q, *yo))
    )


@st.composite
def _half_years(draw: st.DrawFn, sy: SchoolYear | None) -> HalfYearTerm:
    """The calendar's half-years (a year written) and the school's (a school year written, or read
    from the plan's school year)."""
    half = draw(st.integers(1, 2))
    kind = draw(st.sampled_from(("calendar", "school written", "school")))
    if kind == "calendar":
        return HalfYearTerm(half, draw(_written_years(sy, 6 * half - 5)), YearOrigin.WRITTEN)
    if kind == "school" and sy is not None:
        return HalfYearTerm(half, sy.start_year, YearOrigin.SCHOOL_YEAR, school=True)
    start = draw(st.integers(FIRST_YEAR, LAST_YEAR - 1))
    return HalfYearTerm(half, start, YearOrigin.WRITTEN, school=True)


@st.composite
def _period_ends(draw: st.DrawFn, sy: SchoolYear | None) -> PeriodEnd:
    """«до конца 2023 года», «в конце I полугодия», «после окончания 2 квартала 2024 года», «до конца
    месяца»."""
    bound = draw(st.sampled_from((Bound.UNTIL, Bound.ON, Bound.AFTER)))
    kind = draw(st.sampled_from(("year", "half", "quarter", "school year", "every")))
    period: Any
    if kind == "year":
        period = CalendarYear(draw(_written_years(sy)))
    elif kind == "half":
        period = draw(_half_years(sy))
    elif kind == "quarter":
        period = draw(_quarters(sy))
    elif kind == "school year":
        start = draw(st.integers(FIRST_YEAR, LAST_YEAR - 1))
        period = SchoolYearTerm(start, start + 1, True, True)
    else:
        period = Recurring(draw(st.sampled_from((Frequency.MONTHLY, Frequency.QUARTERLY))))
    return PeriodEnd(bound, period)


@st.composite
def _school_year_terms(draw: st.DrawFn, sy: SchoolYear | None) -> SchoolYearTerm:
    """«в течение 2023-2024 учебного года», «2023-2024 гг.»; with a school year also «в течение
    учебного года», «в течение года»."""
    academic = draw(st.booleans())
    if sy is not None and draw(st.booleans()):
        return SchoolYearTerm(sy.start_year, sy.start_year + 1, False, academic)
    start = draw(st.integers(FIRST_YEAR, LAST_YEAR - 1))
    return SchoolYearTerm(start, start + 1, True, academic)


_EXAMS = st.sampled_from([("ГИА",), ("ГИА-9",), ("ГИА-11",), ("ГИА", "ЕГЭ"), ("ЕГЭ", "ОГЭ", "ГВЭ")])


def _plan_periods() -> st.SearchStrategy[PlanPeriod]:
    return (st.just(()) | _EXAMS).map(PlanPeriod)


@st.composite
def _exam_periods(draw: st.DrawFn) -> ExamPeriod:
    """«в период проведения ГИА», «в период подготовки ГИА-9», «в период досрочного и основного этапов
    ЕГЭ в 2024 году»."""
    if draw(st.booleans()):
        return ExamPeriod(draw(st.sampled_from(ExamPhase)), (), draw(_EXAMS), None)
    stages = draw(st.lists(st.sampled_from(ExamStage), min_size=1, max_size=3, unique=True))
    stages.sort(key=list(ExamStage).index)
    exams = draw(st.just(()) | _EXAMS)
    year = draw(st.none() | st.integers(FIRST_YEAR, LAST_YEAR))
    return ExamPeriod(ExamPhase.CONDUCT, tuple(stages), exams, year)


# ------------------------------------------------------------------------------------------------
# Calendar rules and recurrences
# ------------------------------------------------------------------------------------------------


@st.composite
def _nth_days(draw: st.DrawFn, sy: SchoolYear | None) -> NthDay:
    """«вторая среда февраля 2024 года», «первая рабочая среда декабря», «последний рабочий день каждого
    месяца»."""
    weekday = draw(st.none() | st.integers(0, 6))
    working = weekday is None or draw(st.booleans())
    ordinal = draw(st.sampled_from((1, 2, 3, 4, -1)))
    month = draw(st.none() | month_refs(sy))
    return NthDay(ordinal, weekday, working, month)


@st.composite
def _recurrences(draw: st.DrawFn) -> Recurring:
    """«ежемесячно», «до 25 числа каждого месяца», «ежеквартально до 5 числа месяца, следующего за
    отчётным», «2 раза в год», «еженедельно по средам»."""
    frequency = draw(st.sampled_from(Frequency))
    if frequency is Frequency.WEEKLY and draw(st.booleans()):  # «по вторникам и четвергам»
        days = tuple(sorted(draw(st.sets(st.integers(0, 6), min_size=1, max_size=7))))
        return Recurring(frequency, times=draw(st.integers(1, 7)), weekdays=days)
    if draw(st.integers(0, 3)) == 0:  # «2 раза в год»
        return Recurring(frequency, times=draw(st.integers(2, 99)))
    if frequency not in (Frequency.MONTHLY, Frequency.QUARTERLY) or draw(st.booleans()):
        return Recurring(frequency)
    return Recurring(frequency, draw(st.integers(1, 28)), draw(st.booleans()))


# ------------------------------------------------------------------------------------------------
# Relative terms
# ------------------------------------------------------------------------------------------------

DAY_ANCHORS = tuple(a for a in Anchor if not a.is_period)
"""The built-in events a relative term counts from (the campaign's periods are exam-period terms)."""

_OPEN_EVENTS = st.builds(
    lambda action, what: f"{action} {what}",
    st.sampled_from(("получения", "поступления", "направления", "подписания", "издания", "регистрации")),
    st.sampled_from(("сведений", "заявления", "приказа", "запроса", "протокола", "уведомления")),
)
_DETAILS = ("", "", "", "ГИА-9", "ГИА-11", "ЕГЭ", "ОГЭ", "2024 года")
_OFFSET_UNITS = tuple(u for u in Unit if u is not Unit.NONE)
_NO_OFFSET_BOUNDS = tuple(b for b in Bound if not b.takes_offset)
_OFFSET_BOUNDS = tuple(b for b in Bound if b.takes_offset)
_AFTER_BOUNDS = (Bound.WITHIN_AFTER, Bound.LATEST_AFTER, Bound.EXACT_AFTER)


def open_anchors() -> st.SearchStrategy[OpenAnchor]:
    """Events the anchor vocabulary does not name, as documents write them («получения сведений»)."""
    return _OPEN_EVENTS.map(OpenAnchor)


def relative_terms(
    anchor: Anchor | OpenAnchor | None = None, unit: Unit | None = None, bound: Bound | None = None
) -> st.SearchStrategy[Relative]:
    """Offsets from an event: «не позднее чем за 3 рабочих дня до дня проведения экзамена», «за 2
    рабочих дня до экзамена», «в течение 2 дней со дня получения сведений», «накануне экзамена».

    Args:
        anchor: the event counted from; any built-in day event or an open one when None. A period
            (:attr:`~gia_roadmap.calendar.anchors.Anchor.is_period`) is not a day to count from.
        unit: the unit of the offset; :attr:`~gia_roadmap.calendar.terms.Unit.NONE` for the forms
            without a count («в день …», «накануне …», «до …», «после …»); any that fits ``bound``
            when None.
        bound: how the term is bound to its event («не позднее чем за …» is
            :attr:`~gia_roadmap.calendar.terms.Bound.LATEST_BEFORE`, «за …»
            :attr:`~gia_roadmap.calendar.terms.Bound.EXACT_BEFORE` …); any that fits ``unit`` when None.
    """
    if isinstance(anchor, Anchor) and anchor.is_period:
        raise ValueError(f"{anchor} is a period, not a day a relative term counts from")
    if bound is not None and unit is not None and (unit is not Unit.NONE) != bound.takes_offset:
        counted = "a count" if bound.takes_offset else "no count"
        raise ValueError(f"{bound} takes {counted}, so not the unit {unit}")
    any_anchor: st.SearchStrategy[Anchor | OpenAnchor] = st.sampled_from(DAY_ANCHORS) | open_anchors()
    anchors = any_anchor if anchor is None else st.just(anchor)
    if unit is not None:
        units = st.just(unit)
    elif bound is None:
        units = st.sampled_from((*_OFFSET_UNITS, Unit.NONE))
    else:
        units = st.sampled_from(_OFFSET_UNITS) if bound.takes_offset else st.just(Unit.NONE)
    return st.tuples(anchors, units).flatmap(lambda pair: _relative(*pair, bound)).map(_as_read)


def _relative(anchor: Anchor | OpenAnchor, unit: Unit, bound: Bound | None) -> st.SearchStrategy[Relative]:
    details = st.sampled_from(_DETAILS) if isinstance(anchor, Anchor) else st.just("")
    if unit is Unit.NONE:
        bounds = st.sampled_from(_NO_OFFSET_BOUNDS) if bound is None else st.just(bound)
        return st.builds(Relative, st.just(0), st.just(unit), bounds, st.just(anchor), details)
    bounds = st.sampled_from(_OFFSET_BOUNDS) if bound is None else st.just(bound)
    offsets = st.integers(1, 30) | st.integers(1, 365)
    return st.builds(Relative, offsets, st.just(unit), bounds, st.just(anchor), details)


def _unnamed_relatives() -> st.SearchStrategy[Relative]:
    """«в течение 2 рабочих дней», «через 3 дня»: an offset with no event named (counted from an event
    the reader must bind)."""
    return st.builds(
        Relative,
        st.integers(1, 30),
        st.sampled_from(_OFFSET_UNITS),
        st.sampled_from(_AFTER_BOUNDS),
        st.just(OpenAnchor("")),
    )


# ------------------------------------------------------------------------------------------------
# References, qualifiers, containers
# ------------------------------------------------------------------------------------------------

_EXTERNAL = (
    ("по", "графику ФЦТ"),
    ("по", "согласованному со Спецсвязью графику"),
    ("в соответствии с", "Порядком и графиком Рособрнадзора"),
    ("согласно", "приказам Департамента"),
    ("по", "графику курсовых мероприятий ИРО"),
    ("в соответствии с", "графиком внесения сведений в РИС"),
    ("по", "отдельному графику Рособрнадзора"),
)
_SEPARATE_SCHEDULES = (("по", "отдельному графику"), ("по", "спец. графику"), ("согласно", "графику"))
_SEPARATE_PLANS = (
    ("по", "отдельному плану"),
    ("по", "плану ИРОК"),
    ("в соответствии с", "планом работы отделений УМО"),
)
_CONDITIONS = ("по мере необходимости", "при необходимости", "по мере поступления региональной ДК")
_NOTES = ("по согласованию", "промежуточные сведения", "для выпускников прошлых лет", "при наличии")


def _references() -> st.SearchStrategy[Term]:
    """References and conditions that can qualify a period («ноябрь 2023 года по графику ФЦТ»); «постоянно»
    after a period reads as a second term, so it stands alone."""
    return st.one_of(
        st.sampled_from(_EXTERNAL).map(lambda p: ExternalSchedule(*p)),
        st.sampled_from(_SEPARATE_SCHEDULES).map(lambda p: SeparateSchedule(*p)),
        st.sampled_from(_SEPARATE_PLANS).map(lambda p: SeparatePlan(*p)),
        st.sampled_from(["запросу ФЦТ", "запросу МОУО, ОО"]).map(OnRequest),
        st.sampled_from(_CONDITIONS).map(Conditional),
    )


def labels() -> st.SearchStrategy[Label]:
    """Stage labels of a date («основная дата», «резервный день», «резервный день основного периода»).
    A label reads back beside the date it qualifies (``Compound(date, label, parenthesized=True)``),
    not alone."""
    return st.one_of(
        st.builds(Label, st.sampled_from(ExamStage), st.just(False)),
        st.builds(Label, st.none() | st.sampled_from(ExamStage), st.just(True)),
    ).map(lambda label: Label(label.stage, label.reserve, label.wording))


def notes() -> st.SearchStrategy[Note]:
    """Free qualifiers in parentheses («по согласованию»): they read back beside a term, not alone."""
    return st.sampled_from(_NOTES).map(Note)


def _labelled(sy: SchoolYear | None) -> st.SearchStrategy[Compound]:
    """«04.12.2024 (основная дата)»."""
    dated = st.one_of(_exact_dates(sy), _by_dates(sy))
    return st.builds(Compound, dated, labels(), st.just(True))


def _qualified(sy: SchoolYear | None) -> st.SearchStrategy[Compound]:
    """«ноябрь 2023 года по графику ФЦТ», «в течение 2023-2024 учебного года (по согласованию)»."""
    base = st.one_of(
        _month_runs(sy), _school_year_terms(sy), st.integers(FIRST_YEAR, LAST_YEAR).map(CalendarYear)
    )
    return st.one_of(
        st.builds(Compound, base, _references(), st.booleans()),
        st.builds(Compound, base, notes(), st.just(True)),
    )


_DATED = (ByDate, DateList, Month, MonthRange, MonthList, PeriodList, ExactDate)


def _opens_with_a_date(term: Term) -> bool:
    if isinstance(term, Compound):
        return _opens_with_a_date(term.base)
    return isinstance(term, _DATED)


@st.composite
def _sequences(draw: st.DrawFn, sy: SchoolYear | None) -> TermSequence:
    """Several terms in one cell, separated by commas; two dated items never meet (they would read as
    one list)."""
    items: list[Term] = []
    kinds = st.one_of(
        _month_runs(sy),
        _school_year_terms(sy),
        st.integers(FIRST_YEAR, LAST_YEAR).map(CalendarYear),
        _exam_periods(),
        _qualified(sy),
    )
    for item in draw(st.lists(kinds, min_size=2, max_size=4)):
        if items and _opens_with_a_date(items[-1]) and _opens_with_a_date(item):
            continue
        if items and isinstance(items[-1], Compound):
            continue
        items.append(item)
    if len(items) < 2:
        items.append(PlanPeriod(("ГИА",)))
    return TermSequence(tuple(items))


@st.composite
def _per_exam(draw: st.DrawFn, sy: SchoolYear | None) -> PerExam:
    """«для ГИА-9: май 2024 года; для ГИА-11: июнь 2024 года»."""
    scopes = draw(st.lists(st.sampled_from(["ГИА-9", "ГИА-11", "ЕГЭ"]), min_size=1, max_size=2, unique=True))
    return PerExam(tuple((scope, draw(_month_runs(sy))) for scope in scopes))


def unparsed_terms() -> st.SearchStrategy[UnparsedTerm]:
    """Cells the parser could not read, as the model keeps them (text, position, reason). They have no
    rendering to read back: :func:`terms` never draws them."""
    return st.builds(
        UnparsedTerm,
        st.sampled_from(("уточняется", "см. приложение", "??", "по итогам", "в соотв. с п. 3")),
        st.integers(0, 3),
        st.just("expected a deadline"),
    )


# ------------------------------------------------------------------------------------------------
# Public: per class and all together
# ------------------------------------------------------------------------------------------------


def _range(refs: tuple[MonthRef, ...]) -> MonthRange:
    return MonthRange(range_start(refs[0], refs[1]), refs[1])


@st.composite
def _period_lists(draw: st.DrawFn, sy: SchoolYear | None) -> PeriodList:
    """A list with at least one range: «март, апрель – май 2024 года»."""
    term = draw(_month_runs(sy))
    if isinstance(term, PeriodList):
        return term
    refs = assign_years(draw(_month_skeleton(sy, 3)), sy)
    return PeriodList((Month(refs[0]), _range(refs[1:])))


_BY_CLASS: dict[type, Callable[[SchoolYear | None], st.SearchStrategy[Any]]] = {
    ByDate: _by_dates,
    ByMonth: _by_months,
    DateList: _date_lists,
    DayRange: _day_ranges,
    DayList: _day_lists,
    ExactDate: _exact_dates,
    FromDate: _from_dates,
    Month: lambda sy: _month_skeleton(sy, 1).map(lambda r: Month(assign_years(r, sy)[0])),
    MonthRange: lambda sy: _month_skeleton(sy, 2).map(lambda r: _range(assign_years(r, sy))),
    MonthList: lambda sy: (
        st.integers(2, 5)
        .flatmap(lambda n: _month_skeleton(sy, n))
        .map(lambda r: MonthList(assign_years(r, sy)))
    ),
    MonthPart: _month_parts,
    PeriodList: _period_lists,
    SeasonTerm: _seasons,
    QuarterTerm: _quarters,
    HalfYearTerm: _half_years,
    PeriodEnd: _period_ends,
    TimeOfDay: lambda sy: st.builds(
        TimeOfDay,
        st.integers(0, 23),
        st.integers(0, 59),
        st.sampled_from(TIME_WORDINGS),
        zone=st.sampled_from(TIME_ZONES),
    ),
    SchoolYearTerm: _school_year_terms,
    CalendarYear: lambda sy: _written_years(sy).map(CalendarYear),
    PlanPeriod: lambda sy: _plan_periods(),
    ExamPeriod: lambda sy: _exam_periods(),
    Relative: lambda sy: relative_terms() | _unnamed_relatives(),
    NthDay: _nth_days,
    Recurring: lambda sy: _recurrences(),
    ExternalSchedule: lambda sy: st.sampled_from(_EXTERNAL).map(lambda p: ExternalSchedule(*p)),
    SeparateSchedule: lambda sy: st.sampled_from(_SEPARATE_SCHEDULES).map(lambda p: SeparateSchedule(*p)),
    SeparatePlan: lambda sy: st.sampled_from(_SEPARATE_PLANS).map(lambda p: SeparatePlan(*p)),
    OnRequest: lambda sy: st.sampled_from(["запросу ФЦТ", "запросу МОУО, ОО"]).map(OnRequest),
    Conditional: lambda sy: st.sampled_from(_CONDITIONS).map(Conditional),
    Continuous: lambda sy: st.sampled_from(["постоянно", "круглогодично"]).map(Continuous),
    Compound: lambda sy: _labelled(sy) | _qualified(sy),
    TermSequence: _sequences,
    PerExam: _per_exam,
}
_QUALIFIERS: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    Label: labels,
    Note: notes,
    UnparsedTerm: unparsed_terms,
    MissingTerm: lambda: st.just(MissingTerm()),
}


def term_of(cls: type, school_year: SchoolYear | int | None = None) -> st.SearchStrategy[Any]:
    """Terms of class ``cls`` only (what ``st.from_type(cls)`` draws, with no school year).

    For the qualifiers and the unread cells (:class:`~gia_roadmap.calendar.terms.Label`,
    :class:`~gia_roadmap.calendar.terms.Note`, :class:`~gia_roadmap.calendar.terms.UnparsedTerm`,
    :class:`~gia_roadmap.calendar.terms.MissingTerm`) the values are valid but have no rendering of
    their own to read back.
    """
    if cls in _QUALIFIERS:
        return _QUALIFIERS[cls]()
    return _BY_CLASS[cls](_school_year(school_year)).map(_as_read)


def terms(school_year: SchoolYear | int | None = None) -> st.SearchStrategy[Term]:
    """Deadline terms of every kind that reads back from its rendering (see the module docstring):
    ``parse_term(render(t), school_year=school_year) == t``.

    Without a school year every year is written, so the equality holds with any school year or none.
    Given one, the years a document leaves out are drawn too, and the grammar's own phrases
    (:func:`~gia_roadmap.calendar.grammar.phrases.phrases`) add their meanings. The top-level term's
    ``raw`` is its rendering, as the parser would keep it.
    """
    sy = _school_year(school_year)
    own = st.one_of([build(sy) for build in _BY_CLASS.values()])
    if sy is not None:
        own = own | phrases(sy).map(lambda p: p.term)
    return own.map(_as_read)


_T = TypeVar("_T", bound=Term)


def _as_read(term: _T) -> _T:
    """``term`` with its rendering as its source text, as the parser keeps it."""
    changes: dict[str, Any] = {"raw": render(term)}
    return attrs.evolve(term, **changes)


@st.composite
def terms_with_school_year(draw: st.DrawFn) -> tuple[Term, SchoolYear]:
    """A school year of the official calendar and a term read in it: ``parse_term(render(t),
    school_year=sy) == t``."""
    sy = draw(_SCHOOL_YEARS)
    return draw(terms(sy)), sy
