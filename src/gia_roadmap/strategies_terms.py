"""Hypothesis strategies for deadline terms (to be merged into the public ``gia_roadmap.strategies``).

Every generated term is *canonical* for the school year it was generated with: it is what
:func:`~gia_roadmap.calendar.grammar.parse_term` returns for the term's canonical rendering, so
``parse_term(render(t), school_year=sy) == t`` holds. Use :func:`terms_with_school_year` to get
``(term, school_year)`` pairs.

Free-text fields (references, owners, conditions) are drawn from the wordings of real plans.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from gia_roadmap.calendar.anchors import Anchor
from gia_roadmap.calendar.exams import ExamStage
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
    DayRange,
    ExactDate,
    ExamPeriod,
    ExamPhase,
    ExternalSchedule,
    Frequency,
    Month,
    MonthList,
    MonthRange,
    MonthRef,
    OnRequest,
    PerExam,
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
    Unit,
    YearOrigin,
    assign_years,
    range_start,
)

__all__ = [
    "school_years",
    "terms",
    "terms_with_school_year",
]

school_years = st.integers(min_value=2013, max_value=2026).map(SchoolYear)
"""School years covered by the official calendar data."""

_years = st.integers(min_value=2012, max_value=2028)
_days = st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2028, 12, 31))
_EXAMS = st.sampled_from([("ГИА",), ("ГИА-9",), ("ГИА-11",), ("ГИА", "ЕГЭ"), ("ЕГЭ", "ОГЭ", "ГВЭ")])

_EXTERNAL = st.sampled_from(
    [
        ("по", "графику ФЦТ"),
        ("по", "согласованному со Спецсвязью графику"),
        ("в соответствии с", "Порядком и графиком Рособрнадзора"),
        ("согласно", "приказам Департамента"),
        ("по", "графику курсовых мероприятий ИРО"),
        ("в соответствии с", "графиком внесения сведений в РИС"),
        ("по", "отдельному графику Рособрнадзора"),
    ]
)
_PLANS = st.sampled_from(
    [("по", "отдельному плану"), ("по", "плану ИРОК"), ("в соответствии с", "планом работы отделений УМО")]
)
_SCHEDULES = st.sampled_from([("по", "отдельному графику"), ("по", "спец. графику"), ("согласно", "графику")])
_CONDITIONS = st.sampled_from(
    ["по мере необходимости", "при необходимости", "по мере поступления региональной ДК"]
)


def _month_items(sy: SchoolYear) -> st.SearchStrategy[list[tuple[int, int | None, bool]]]:
    """(month, written year or None, starts a range with the next item) skeletons."""
    item = st.tuples(
        st.integers(1, 12),
        st.one_of(st.none(), _years),
        st.booleans(),
    )
    return st.lists(item, min_size=1, max_size=5)


@st.composite
def _window_runs(draw: st.DrawFn, sy: SchoolYear) -> Term:
    """Month, month range, month list or period list, years decided like the parser does."""
    skeleton = draw(_month_items(sy))
    # build shapes: a flag on an item pairs it with the next one as a range
    shapes: list[tuple[int, ...]] = []
    refs: list[tuple[int, int | None]] = []
    k = 0
    while k < len(skeleton):
        month, year, is_range = skeleton[k]
        if is_range and k + 1 < len(skeleton):
            month2, year2, _ = skeleton[k + 1]
            refs.extend([(month, year), (month2, year2)])
            shapes.append((len(refs) - 2, len(refs) - 1))
            k += 2
        else:
            refs.append((month, year))
            shapes.append((len(refs) - 1,))
            k += 1
    assigned = assign_years(refs, sy)
    items: list[Month | MonthRange] = [
        Month(assigned[s[0]])
        if len(s) == 1
        else MonthRange(range_start(assigned[s[0]], assigned[s[1]]), assigned[s[1]])
        for s in shapes
    ]
    if len(items) == 1:
        return items[0]
    if all(isinstance(i, Month) for i in items):
        return MonthList(tuple(i.month for i in items if isinstance(i, Month)))
    return PeriodList(tuple(items))


def _by_dates() -> st.SearchStrategy[Term]:
    one = st.builds(
        ByDate,
        _days,
        st.booleans(),
        st.sampled_from(["до", "в срок до", "не позднее"]),
    )
    return st.one_of(one, st.lists(one, min_size=2, max_size=4).map(lambda xs: DateList(tuple(xs))))


@st.composite
def _by_month(draw: st.DrawFn, sy: SchoolYear) -> Term:
    month = draw(st.integers(1, 12))
    year = draw(st.one_of(st.none(), _years))
    ref = assign_years([(month, year)], sy)[0]
    return ByMonth(ref, draw(st.booleans()), draw(st.sampled_from(["до", "на период до", "в срок до"])))


@st.composite
def _day_ranges(draw: st.DrawFn) -> Term:
    a = draw(_days)
    b = draw(st.dates(min_value=a, max_value=a + dt.timedelta(days=400)))
    return DayRange(a, b)


@st.composite
def _seasons(draw: st.DrawFn, sy: SchoolYear) -> Term:
    season = draw(st.sampled_from(list(Season)))
    if draw(st.booleans()):
        return SeasonTerm(season, draw(_years), YearOrigin.WRITTEN)
    return SeasonTerm(season, sy.year_of_month(season.value), YearOrigin.SCHOOL_YEAR)


@st.composite
def _quarters(draw: st.DrawFn, sy: SchoolYear) -> Term:
    q = draw(st.integers(1, 4))
    if draw(st.booleans()):
        return QuarterTerm(q, draw(_years), YearOrigin.WRITTEN)
    return QuarterTerm(q, sy.year_of_month(3 * q - 2), YearOrigin.SCHOOL_YEAR)


@st.composite
def _school_year_terms(draw: st.DrawFn, sy: SchoolYear) -> Term:
    if draw(st.booleans()):
        start = draw(_years)
        return SchoolYearTerm(start, start + 1, True, draw(st.booleans()))
    return SchoolYearTerm(sy.start_year, sy.start_year + 1, False, draw(st.booleans()))


@st.composite
def _exam_periods(draw: st.DrawFn) -> Term:
    if draw(st.booleans()):
        return ExamPeriod(draw(st.sampled_from(list(ExamPhase))), (), draw(_EXAMS), None)
    stages = draw(st.lists(st.sampled_from(list(ExamStage)), min_size=1, max_size=3, unique=True))
    stages.sort(key=list(ExamStage).index)
    exams = draw(st.one_of(st.just(()), _EXAMS))
    return ExamPeriod(ExamPhase.CONDUCT, tuple(stages), exams, draw(st.one_of(st.none(), _years)))


_DAY_ANCHORS = [a for a in Anchor if not a.is_period]


@st.composite
def _relatives(draw: st.DrawFn) -> Term:
    bound = draw(st.sampled_from(list(Bound)))
    anchor = draw(st.sampled_from(_DAY_ANCHORS))
    detail = draw(st.sampled_from(["", "ГИА-11", "2023 года"]))
    if bound.takes_offset:
        unit = draw(st.sampled_from([u for u in Unit if u is not Unit.NONE]))
        return Relative(draw(st.integers(1, 40)), unit, bound, anchor, detail)
    return Relative(0, Unit.NONE, bound, anchor, detail)


def _references() -> st.SearchStrategy[Term]:
    return st.one_of(
        _EXTERNAL.map(lambda p: ExternalSchedule(*p)),
        _SCHEDULES.map(lambda p: SeparateSchedule(*p)),
        _PLANS.map(lambda p: SeparatePlan(*p)),
        st.sampled_from(["запросу ФЦТ", "запросу МОУО, ОО"]).map(OnRequest),
        _CONDITIONS.map(Conditional),
    )


def _simple(sy: SchoolYear) -> st.SearchStrategy[Term]:
    """Single terms that are not references."""
    return st.one_of(
        _window_runs(sy),
        _by_dates(),
        _by_month(sy),
        _day_ranges(),
        _days.map(ExactDate),
        _seasons(sy),
        _quarters(sy),
        _school_year_terms(sy),
        _years.map(CalendarYear),
        st.one_of(st.just(()), _EXAMS).map(PlanPeriod),
        _exam_periods(),
        _relatives(),
        st.sampled_from(["постоянно", "круглогодично"]).map(Continuous),
        st.one_of(
            st.sampled_from(list(Frequency)).map(Recurring),
            st.integers(1, 28).map(lambda d: Recurring(Frequency.MONTHLY, d)),
        ),
    )


_WINDOWISH = (ByDate, DateList, Month, MonthRange, MonthList, PeriodList, ExactDate)


@st.composite
def _compounds(draw: st.DrawFn, sy: SchoolYear) -> Term:
    base = draw(st.one_of(_window_runs(sy), _school_year_terms(sy), _years.map(CalendarYear)))
    qualifier = draw(_references())
    return Compound(base, qualifier, draw(st.booleans()))


def _starts_windowish(term: Term) -> bool:
    if isinstance(term, Compound):
        return _starts_windowish(term.base)
    return isinstance(term, _WINDOWISH)


@st.composite
def _sequences(draw: st.DrawFn, sy: SchoolYear) -> Term:
    kinds = st.one_of(
        _window_runs(sy), _school_year_terms(sy), _years.map(CalendarYear), _exam_periods(), _compounds(sy)
    )
    items = draw(st.lists(kinds, min_size=2, max_size=4))
    # adjacent dated items would merge into one list; a leading date range would absorb a year
    cleaned: list[Term] = []
    for item in items:
        if cleaned and isinstance(cleaned[-1], (*_WINDOWISH, Compound)) and _starts_windowish(item):
            continue
        cleaned.append(item)
    if len(cleaned) < 2:
        cleaned.append(PlanPeriod(("ГИА",)))
    return TermSequence(tuple(cleaned))


@st.composite
def _per_exam(draw: st.DrawFn, sy: SchoolYear) -> Term:
    scopes = draw(st.lists(st.sampled_from(["ГИА-9", "ГИА-11", "ЕГЭ"]), min_size=1, max_size=2, unique=True))
    return PerExam(tuple((s, draw(_window_runs(sy))) for s in scopes))


def terms(sy: SchoolYear) -> st.SearchStrategy[Term]:
    """Canonical terms of every form, for school year ``sy``."""
    return st.one_of(_simple(sy), _references(), _compounds(sy), _sequences(sy), _per_exam(sy))


@st.composite
def terms_with_school_year(draw: st.DrawFn) -> tuple[Term, SchoolYear]:
    """A school year and a canonical term for it."""
    sy = draw(school_years)
    return draw(terms(sy)), sy


def month_refs(sy: SchoolYear) -> st.SearchStrategy[MonthRef]:
    """Single month references as the parser would produce them for ``sy``."""
    return st.tuples(st.integers(1, 12), st.one_of(st.none(), _years)).map(lambda p: assign_years([p], sy)[0])
